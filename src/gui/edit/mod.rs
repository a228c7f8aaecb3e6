//! Edit (F4, the remote pane's menu): a server's file opened in the editor chosen in Settings (or
//! the OS's default app), each save uploaded as it happens, through the engine's edit session
//! (`ferry_engine::edit`: a private copy, a conflict check before each upload, uploads through the
//! transfer engine). This part holds the Editing list (each file, its server, its state and Stop
//! editing), the conflict dialog (overwrite, save mine beside it, discard mine), the question
//! asked before a large or binary file opens, and the edits an earlier run left off the server,
//! offered at the start.
//!
//! Each open file's session sits behind a mutex its tasks share; the watch on its copy is a
//! subscription (`view.rs`) whose every settled save is a [`Message::Saved`], so a sync never
//! runs on the UI thread and two never run at once for one file.

mod app;
pub mod launch;
mod view;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use iced::Task;
use tokio::sync::Mutex;

use crate::gui::text::{error_text, t};
use ferry_engine::edit::{
    self, EditOptions, EditRoot, EditSession, Finished, Inspection, Leftover, Resolution, Synced,
};
use ferry_engine::error::Error;
use ferry_engine::fs::path::FsPath;
use ferry_engine::transfer::Pool;
use ferry_engine::transfer::queue::SiteRef;

type Shared = Arc<Mutex<EditSession>>;

/// Where one edited file stands.
#[derive(Debug, Clone)]
pub enum State {
    /// Being looked at and downloaded.
    Opening,
    /// Over 100 MiB or binary: waits for the person's yes.
    AskLarge(u64),
    AskBinary,
    Watching,
    /// The server does not let this login write it: saves stay here.
    ReadOnly,
    Uploading,
    Uploaded(SystemTime),
    /// A save waits: the server's copy changed.
    Conflict,
    Failed(String),
    /// Left off the server by an earlier run (or by Stop editing): Upload or Discard.
    NotUploaded,
}

#[derive(Debug)]
pub struct Editing {
    pub id: u64,
    pub site: SiteRef,
    pub remote: FsPath,
    pub state: State,
    /// The editor it opens in (Settings' choice for its name).
    editor: String,
    pool: Option<Arc<Pool>>,
    inspection: Option<Inspection>,
    session: Option<Shared>,
    leftover: Option<Leftover>,
    local: Option<PathBuf>,
    busy: bool,
    /// A save came while a sync ran: look again after it.
    again: bool,
}

impl Editing {
    /// The copy holds a save that is not on the server.
    pub fn unsent(&self) -> bool {
        matches!(
            self.state,
            State::Conflict | State::NotUploaded | State::Failed(_) | State::Uploading
        ) || self.again
    }

    /// The local copy, once downloaded.
    pub fn local(&self) -> Option<&std::path::Path> {
        self.local.as_deref()
    }

    /// `user@host`, with `:port` when it is not SSH's own.
    pub fn server(&self) -> String {
        self.site.authority()
    }

    pub fn name(&self) -> String {
        self.remote
            .file_name()
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default()
    }
}

/// What a session's opening found.
#[derive(Debug, Clone)]
pub struct Opened {
    session: Shared,
    local: PathBuf,
    read_only: bool,
    binary: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// This run's folder of edits was made, with the edits earlier runs left.
    Ready(Result<Arc<EditRoot>, String>, Vec<Leftover>),
    Inspected(u64, Result<Inspection, Error>),
    Opened(u64, Result<Opened, Error>),
    /// The answer to "edit this large / binary file anyway?".
    GoOn(u64, bool),
    Launched(u64, Result<(), String>),
    /// The watch saw a save settle (or failed: the copy is looked at anyway).
    Saved(u64),
    Synced(u64, Result<Synced, Error>),
    Resolve(u64, Resolution),
    /// The conflict dialog closed undecided (the row keeps its Resolve… button).
    Later,
    /// Reopen the conflict dialog of this row.
    Ask(u64),
    /// Open the copy in its editor again.
    Reopen(u64),
    Stop(u64),
    Stopped(u64, Result<Option<Leftover>, Error>),
    /// Upload / Discard an edit left off the server.
    Upload(u64),
    Recovered(u64, Result<Opened, Error>),
    Discard(u64),
    Discarded(u64, Result<(), Error>),
}

/// What the app is asked to do.
#[derive(Debug, Clone)]
pub enum Event {
    /// A sentence for the notice banner.
    Notice(String),
    /// A quieter one (edits offered back at the start).
    Info(String),
    /// Upload of a left-over edit: the pool of the connection to its server, if that is the one
    /// open (the app answers with [`Edits::recover`]).
    WantsPool(u64),
    /// A save went up into this server folder (the pane showing it lists it again).
    Uploaded(FsPath),
}

#[derive(Debug, Default)]
pub struct Edits {
    pub items: Vec<Editing>,
    next_id: u64,
    root: Option<Arc<EditRoot>>,
    /// The row whose conflict dialog is open.
    pub asking: Option<u64>,
    pub opts: EditOptions,
    /// The cache folder this run's folder of edits is made in.
    pub cache: PathBuf,
}

/// Makes this run's folder and adopts what earlier runs left (off the UI thread).
pub fn start(cache: PathBuf) -> Task<Message> {
    Task::perform(
        async move {
            tokio::task::spawn_blocking(move || {
                let root = EditRoot::create(&cache).map_err(|e| error_text(&e))?;
                let left = edit::leftover::adopt(&root);
                Ok::<_, String>((Arc::new(root), left))
            })
            .await
            .map_err(|e| e.to_string())
            .and_then(|r| r)
        },
        |r| match r {
            Ok((root, left)) => Message::Ready(Ok(root), left),
            Err(e) => Message::Ready(Err(e), Vec::new()),
        },
    )
}

impl Edits {
    pub fn new(cache: PathBuf) -> Edits {
        Edits {
            cache,
            ..Default::default()
        }
    }

    fn item(&mut self, id: u64) -> Option<&mut Editing> {
        self.items.iter_mut().find(|e| e.id == id)
    }

    /// Edits that would lose a save if the window closed now.
    pub fn unsent(&self) -> usize {
        self.items.iter().filter(|e| e.unsent()).count()
    }

    /// Every open session (to end when the window closes or the connection does).
    pub fn sessions(&self) -> Vec<Shared> {
        self.items
            .iter()
            .filter_map(|e| e.session.clone())
            .collect()
    }

    fn add(&mut self, site: SiteRef, remote: FsPath, editor: String, state: State) -> u64 {
        self.next_id += 1;
        self.items.push(Editing {
            id: self.next_id,
            site,
            remote,
            state,
            editor,
            pool: None,
            inspection: None,
            session: None,
            leftover: None,
            local: None,
            busy: false,
            again: false,
        });
        self.next_id
    }

    /// Starts editing `remote` on `pool` in `editor` ("" is the OS's default app).
    pub fn open(
        &mut self,
        pool: Arc<Pool>,
        site: SiteRef,
        remote: FsPath,
        editor: String,
    ) -> Task<Message> {
        if let Some(open) = self
            .items
            .iter()
            .find(|e| e.remote == remote && e.site == site && e.session.is_some())
        {
            // Already open: its editor again, on the same copy.
            let id = open.id;
            return self.reopen(id);
        }
        let id = self.add(site, remote.clone(), editor, State::Opening);
        if let Some(e) = self.item(id) {
            e.pool = Some(pool.clone());
        }
        Task::perform(
            async move { edit::inspect(&pool, &remote).await },
            move |r| Message::Inspected(id, r),
        )
    }

    /// Upload of the left-over edit `id` on `pool`, the open connection to its server.
    pub fn recover(&mut self, id: u64, pool: Arc<Pool>) -> Task<Message> {
        let opts = self.opts.clone();
        let Some(e) = self.item(id) else {
            return Task::none();
        };
        let Some(left) = e.leftover.clone() else {
            return Task::none();
        };
        e.busy = true;
        e.state = State::Uploading;
        Task::perform(
            async move {
                let s = EditSession::recover(pool, &left, opts).await?;
                Ok(opened(s))
            },
            move |r| Message::Recovered(id, r),
        )
    }

    pub fn update(&mut self, m: Message) -> (Task<Message>, Option<Event>) {
        let none = (Task::none(), None);
        match m {
            Message::Ready(Ok(root), left) => {
                self.root = Some(root);
                if left.is_empty() {
                    return none;
                }
                let n = left.len();
                for l in left {
                    let site = SiteRef {
                        host: l.record.host.clone(),
                        port: l.record.port,
                        user: l.record.user.clone(),
                    };
                    let id = self.add(
                        site,
                        l.record.remote.clone(),
                        String::new(),
                        State::NotUploaded,
                    );
                    if let Some(e) = self.item(id) {
                        e.local = Some(l.record.local.clone());
                        e.leftover = Some(l);
                    }
                }
                (
                    Task::none(),
                    Some(Event::Info(t!("edit-leftovers", count = n))),
                )
            }
            Message::Ready(Err(e), _) => (Task::none(), Some(Event::Notice(e))),
            Message::Inspected(id, Ok(at)) => {
                let large = at.size > edit::LARGE;
                let size = at.size;
                let Some(e) = self.item(id) else { return none };
                e.inspection = Some(at);
                if large {
                    e.state = State::AskLarge(size);
                    return none;
                }
                (self.download(id), None)
            }
            Message::Inspected(id, Err(err)) | Message::Opened(id, Err(err)) => {
                self.items.retain(|e| e.id != id);
                (Task::none(), Some(Event::Notice(error_text(&err))))
            }
            Message::Opened(id, Ok(o)) => {
                let Some(e) = self.item(id) else { return none };
                e.local = Some(o.local.clone());
                e.session = Some(o.session);
                e.state = if o.read_only {
                    State::ReadOnly
                } else {
                    State::Watching
                };
                if o.binary {
                    e.state = State::AskBinary;
                    return none;
                }
                let task = self.reopen(id);
                if o.read_only {
                    let name = self.item(id).map(|e| e.name()).unwrap_or_default();
                    return (task, Some(Event::Info(t!("edit-read-only", name = name))));
                }
                (task, None)
            }
            Message::GoOn(id, yes) => self.go_on(id, yes),
            Message::Launched(id, Err(why)) => {
                if let Some(e) = self.item(id) {
                    e.state = State::Failed(why.clone());
                }
                (Task::none(), Some(Event::Notice(why)))
            }
            Message::Launched(..) => none,
            Message::Saved(id) => (self.sync(id), None),
            Message::Synced(id, r) => self.synced(id, r),
            Message::Resolve(id, how) => {
                self.asking = None;
                let Some(e) = self.item(id) else { return none };
                let Some(s) = e.session.clone() else {
                    return none;
                };
                e.busy = true;
                e.state = State::Uploading;
                let task =
                    Task::perform(async move { s.lock().await.resolve(how).await }, move |r| {
                        Message::Synced(id, r)
                    });
                (task, None)
            }
            Message::Later => {
                self.asking = None;
                none
            }
            Message::Ask(id) => {
                self.asking = Some(id);
                none
            }
            Message::Reopen(id) => (self.reopen(id), None),
            Message::Stop(id) => {
                let Some(e) = self.item(id) else { return none };
                let Some(s) = e.session.take() else {
                    self.items.retain(|e| e.id != id);
                    return none;
                };
                e.busy = true;
                (
                    Task::perform(stop(s), move |r| Message::Stopped(id, r)),
                    None,
                )
            }
            Message::Stopped(id, Ok(None)) => {
                self.items.retain(|e| e.id != id);
                none
            }
            Message::Stopped(id, Ok(Some(left))) => {
                let Some(e) = self.item(id) else { return none };
                e.busy = false;
                e.state = State::NotUploaded;
                e.leftover = Some(left);
                none
            }
            Message::Stopped(id, Err(err)) => {
                self.items.retain(|e| e.id != id);
                (Task::none(), Some(Event::Notice(error_text(&err))))
            }
            Message::Upload(id) => (Task::none(), Some(Event::WantsPool(id))),
            Message::Recovered(id, Ok(o)) => {
                let Some(e) = self.item(id) else { return none };
                e.busy = false;
                e.leftover = None;
                e.local = Some(o.local);
                e.session = Some(o.session);
                e.state = State::Watching;
                (self.sync(id), None)
            }
            Message::Recovered(id, Err(err)) => {
                if let Some(e) = self.item(id) {
                    e.busy = false;
                    e.state = State::NotUploaded;
                }
                (Task::none(), Some(Event::Notice(error_text(&err))))
            }
            Message::Discard(id) => {
                let Some(left) = self.item(id).and_then(|e| e.leftover.clone()) else {
                    return none;
                };
                let task = Task::perform(
                    async move {
                        tokio::task::spawn_blocking(move || left.discard())
                            .await
                            .map_err(|e| Error::Internal {
                                detail: e.to_string(),
                            })?
                    },
                    move |r| Message::Discarded(id, r),
                );
                (task, None)
            }
            Message::Discarded(id, r) => {
                self.items.retain(|e| e.id != id);
                (Task::none(), r.err().map(|e| Event::Notice(error_text(&e))))
            }
        }
    }

    /// The answer to "edit this large / binary file anyway?".
    fn go_on(&mut self, id: u64, yes: bool) -> (Task<Message>, Option<Event>) {
        let Some(e) = self.item(id) else {
            return (Task::none(), None);
        };
        match (&e.state, yes) {
            (State::AskLarge(_), true) => (self.download(id), None),
            (State::AskBinary, true) => {
                e.state = State::Watching;
                (self.reopen(id), None)
            }
            (_, false) => match e.session.take() {
                Some(s) => (
                    Task::perform(stop(s), move |r| Message::Stopped(id, r)),
                    None,
                ),
                None => {
                    self.items.retain(|e| e.id != id);
                    (Task::none(), None)
                }
            },
            _ => (Task::none(), None),
        }
    }

    /// Downloads the file into its own folder of this run's.
    fn download(&mut self, id: u64) -> Task<Message> {
        if self.root.is_none() {
            // Opened before the start's task made it (a few folders: made here).
            match EditRoot::create(&self.cache) {
                Ok(root) => self.root = Some(Arc::new(root)),
                Err(err) => return Task::done(Message::Opened(id, Err(err))),
            }
        }
        let (Some(root), opts) = (self.root.clone(), self.opts.clone()) else {
            return Task::none();
        };
        let Some(e) = self.item(id) else {
            return Task::none();
        };
        e.state = State::Opening;
        let (Some(pool), Some(at)) = (e.pool.clone(), e.inspection.clone()) else {
            return Task::none();
        };
        Task::perform(
            async move {
                let s = EditSession::open(&root, pool, &at, opts).await?;
                Ok(opened(s))
            },
            move |r| Message::Opened(id, r),
        )
    }

    /// Opens the copy in its editor.
    fn reopen(&mut self, id: u64) -> Task<Message> {
        let Some(e) = self.item(id) else {
            return Task::none();
        };
        let Some(local) = e.local.clone() else {
            return Task::none();
        };
        Task::perform(launch::open(e.editor.clone(), local), move |r| {
            Message::Launched(id, r)
        })
    }

    /// Looks at the copy after a save (once at a time per file).
    fn sync(&mut self, id: u64) -> Task<Message> {
        let Some(e) = self.item(id) else {
            return Task::none();
        };
        let Some(s) = e.session.clone() else {
            return Task::none();
        };
        if e.busy {
            e.again = true;
            return Task::none();
        }
        if matches!(e.state, State::AskBinary | State::Opening) {
            return Task::none();
        }
        e.busy = true;
        Task::perform(async move { s.lock().await.sync().await }, move |r| {
            Message::Synced(id, r)
        })
    }

    fn synced(&mut self, id: u64, r: Result<Synced, Error>) -> (Task<Message>, Option<Event>) {
        let Some(e) = self.item(id) else {
            return (Task::none(), None);
        };
        e.busy = false;
        let mut event = None;
        match r {
            Ok(Synced::Uploaded { remote, .. }) => {
                event = remote.parent().map(Event::Uploaded);
                e.remote = remote;
                e.state = State::Uploaded(SystemTime::now());
            }
            Ok(Synced::Unchanged) => {
                if matches!(
                    e.state,
                    State::Conflict | State::Uploading | State::Failed(_)
                ) {
                    e.state = State::Watching;
                }
            }
            Ok(Synced::Missing) => {}
            Ok(Synced::ReadOnly) => e.state = State::ReadOnly,
            Ok(Synced::Conflict(_)) => {
                e.state = State::Conflict;
                if self.asking.is_none() {
                    self.asking = Some(id);
                }
                return (Task::none(), None);
            }
            Err(err) => {
                let text = error_text(&err);
                e.state = State::Failed(text.clone());
                event = Some(Event::Notice(t!(
                    "edit-not-uploaded",
                    name = e.name(),
                    error = text
                )));
            }
        }
        if std::mem::take(&mut e.again) {
            return (self.sync(id), event);
        }
        (Task::none(), event)
    }
}

fn opened(s: EditSession) -> Opened {
    Opened {
        local: s.local_path().to_path_buf(),
        read_only: s.read_only(),
        binary: s.looks_binary(),
        session: Arc::new(Mutex::new(s)),
    }
}

/// Stop editing: the last save goes up (unless a conflict waits), then the copy is deleted, or
/// kept and given back as a [`Leftover`] when a save is not on the server.
async fn stop(s: Shared) -> Result<Option<Leftover>, Error> {
    let mut s = s.lock().await;
    if s.conflict().is_none() && !s.read_only() {
        let _ = s.sync().await;
    }
    match s.finish() {
        Finished::Removed => Ok(None),
        Finished::Kept(local) => {
            let record_path = s.record_path().to_path_buf();
            let record = edit::Record::read(&record_path)?;
            let folder = local.parent().map(PathBuf::from).unwrap_or_default();
            Ok(Some(Leftover {
                record,
                record_path,
                folder,
            }))
        }
    }
}

/// Ends every session when the window closes: what is on the server is deleted, the rest kept
/// for the next start.
pub async fn finish_all(sessions: Vec<Shared>) {
    for s in sessions {
        s.lock().await.finish();
    }
}
