//! The desktop app (iced): a connection bar, the local pane on the left and the server's on the
//! right, the transfer panel below, and dialogs on top. `App`, its `Message`s and `update` live
//! here: each arm of `update` is one call, to a part (`pane/`, `transfers/`, `settings.rs`,
//! `sites/`, `Session` in `session.rs`) or to an `App` method in the module of what it is about
//! (`pick.rs`, `drag.rs`, `keys.rs`, `send.rs`, `saved.rs`); what reaches across parts (a pane's
//! click starting a drag, a menu's file operation) stays here. Nothing here blocks: network, disk
//! and keyring work run in tasks.

pub mod confirm;
pub mod connect;
pub mod dialogs;
pub mod drag;
pub mod edit;
pub mod fileops;
pub mod format;
pub mod keylogin;
mod keys;
pub mod memory;
mod options;
pub use options::Options;
pub mod pane;
mod pick;
mod saved;
mod send;
mod serverops;
mod session;
pub mod settings;
pub mod sites;
mod start;
pub mod text;
pub mod transfers;
mod view;

pub use start::run;

use std::path::PathBuf;
use std::sync::Arc;

use iced::widget::pane_grid;
use iced::{Point, Task, keyboard};

use crate::gui::connect::ConnectEvent;
use crate::gui::drag::Dragging;
use crate::gui::memory::Memory;
use crate::gui::pane::{MenuAction, Pane, Source};
use crate::gui::session::Session;
use crate::gui::text::{error_text, t};
use ferry_engine::dirs::AppDirs;
use ferry_engine::error::Error;
use ferry_engine::fs::entry::Entry;
use ferry_engine::fs::path::FsPath;
use ferry_engine::transfer::pool::Link;
use ferry_engine::url::RemoteStart;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaneSide {
    Local,
    Remote,
}

/// An entry of the connection bar's menu (shown while connected).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarAction {
    SetUpKeyLogin,
    CopyAddress,
}

impl std::fmt::Display for BarAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            BarAction::SetUpKeyLogin => crate::gui::text::t!("keylogin-menu-setup"),
            BarAction::CopyAddress => crate::gui::text::t!("menu-copy-address"),
        })
    }
}

pub struct App {
    options: Options,
    pub local: Pane,
    pub remote: Pane,
    active: PaneSide,
    quick: String,
    /// The connection, its attempt, its login dialog and what belongs to it.
    session: Session,
    /// Disconnect / break the connection? asked before transfers are cancelled or a connection
    /// is dropped for another.
    confirm: Option<confirm::Confirm>,
    fileop: Option<fileops::Op>,
    notice: Option<String>,
    /// A suggestion (not a problem), shown in a quieter colour until dismissed.
    info: Option<String>,
    /// A refused host key: the warning stays until closed.
    alarm: Option<Error>,
    transfers: transfers::Transfers,
    /// The two panes side by side with the divider between them.
    layout: pane_grid::State<PaneSide>,
    /// Rows pressed (and perhaps dragged) with the left button, and the pane under the cursor.
    drag: Dragging,
    /// Window size, divider and folders, saved when the window closes.
    memory: Memory,
    memory_file: PathBuf,
    /// Saved sites (for the bar's list) and where they are kept.
    sites: ferry_engine::sites::Sites,
    sites_file: PathBuf,
    /// False until the sites file was read without error (recent connections are only
    /// written over a file that was read).
    sites_ok: bool,
    /// The OS keyring (the only place secrets are kept); false once it said it is unavailable.
    secrets: Arc<dyn ferry_engine::secrets::SecretStore>,
    secrets_ok: bool,
    manager: Option<sites::SiteManager>,
    /// Rows of the server remembered by Copy, for Paste.
    clip: Option<serverops::Clip>,
    /// Where the person's SSH keys are (`~/.ssh`), for the key lists and new keys.
    ssh_dir: Option<PathBuf>,
    /// "Set up key login…", while open.
    key_setup: Option<keylogin::KeySetup>,
    /// The saved site whose key setup opens once the connection to it is made.
    key_setup_after_connect: Option<ferry_engine::sites::SiteId>,
    /// Preferences (the language) and the Settings dialog.
    settings: settings::Settings,
    /// The files being edited (Edit, F4) and the edits an earlier run left off the server.
    pub edits: edit::Edits,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// A message for the local pane.
    Local(pane::Message),
    /// A message for the remote pane.
    Remote(pane::Message),
    /// The quick-connect address changed.
    QuickEdited(String),
    /// Connect to the quick-connect address.
    Connect,
    /// Disconnect (asks first while transfers run).
    Disconnect,
    /// The answer to the Disconnect / Break-connection question: go on or not.
    Confirm(bool),
    /// Connection attempt number `.0` asks something or is done.
    Conn(u64, ConnectEvent),
    /// A later login of the open connection's pool (a reconnect) needs the person again.
    PoolAsked(ConnectEvent),
    /// A dialog's input or button.
    Dialog(dialogs::Message),
    /// The divider between the panes moved.
    Divider(pane_grid::ResizeEvent),
    /// The cursor entered / left a pane (tracked for drops).
    Hover(PaneSide),
    Unhover(PaneSide),
    /// The cursor moved / the left button came up while rows are pressed.
    DragMoved(Point),
    DragReleased,
    /// A transfer-panel message.
    Transfers(transfers::Message),
    /// A key nobody else used.
    Key(keyboard::Key, keyboard::Modifiers),
    /// Ctrl/Shift changed (for click selection).
    Modifiers(keyboard::Modifiers),
    /// A file dropped from the OS file manager.
    FileDropped(PathBuf),
    /// The new-folder / rename / delete dialog.
    FileOp(fileops::Message),
    /// A file operation on a side finished.
    FileOpDone(PaneSide, Result<(), Error>),
    DismissNotice,
    /// The browsing connection was reopened (or could not be) after a drop.
    Reconnected(FsPath, Result<Arc<Link>, Error>),
    /// Saved sites: read at start (and whether to suggest importing), the manager, a pick in the
    /// bar, a site's secrets read.
    SitesLoaded(Result<ferry_engine::sites::Sites, Error>, bool),
    OpenSites,
    Sites(sites::Message),
    Pick(saved::SiteOrRecent),
    SiteSecrets(
        Box<ferry_engine::sites::Site>,
        Result<ferry_engine::sites::SiteSecrets, Error>,
    ),
    /// "Test" in the site manager: the site with its secrets, then the login's progress.
    TestSite(
        Box<ferry_engine::sites::Site>,
        Box<ferry_engine::sites::SiteSecrets>,
    ),
    TestProgress(connect::ConnectEvent),
    /// A remembered password was stored (or could not be).
    SecretStored(Result<(), Error>),
    /// Put text on the clipboard.
    Copy(String),
    /// Upload files… / Download to…: open the native dialog (tests skip to the `Picked` messages).
    PickUpload,
    PickDownloadDir,
    UploadPicked(Vec<PathBuf>),
    /// The native dialog could not open (it came back empty at once).
    NoFileDialog,
    DownloadDirPicked(Option<PathBuf>),
    /// The window was resized / asked to close.
    Resized(iced::Size),
    CloseRequested(iced::window::Id),
    CloseAlarm,
    /// The Settings dialog.
    Settings(settings::Message),
    /// The connection bar's menu.
    Menu(BarAction),
    /// "Set up key login…".
    KeySetup(keylogin::Message),
    /// A copy made on the server (Duplicate, Paste, Ctrl+drag) ended.
    ServerCopied(Result<ferry_engine::fs::sftp::duplicate::CopyReport, Error>),
    /// Editing a server's file.
    Edit(edit::Message),
}

impl App {
    /// The app in its first state: the local pane opening the last folder used (or home).
    pub fn new(options: Options, memory: Memory, memory_file: PathBuf) -> (App, Task<Message>) {
        let start = match &memory.local_dir {
            Some(d) if std::path::Path::new(d).is_dir() => {
                RemoteStart::Absolute(FsPath::from(d.as_str()))
            }
            _ => RemoteStart::Home(String::new()),
        };
        let divider = memory.divider;
        let dirs = AppDirs::new(options.config_dir.as_deref());
        let use_agent = !options.no_agent;
        let mut app = App {
            options,
            local: Pane::new("local", Some(Source::Local)),
            remote: Pane::new("remote", None),
            active: PaneSide::Local,
            quick: String::new(),
            session: Session::default(),
            confirm: None,
            fileop: None,
            notice: None,
            info: None,
            alarm: None,
            transfers: transfers::Transfers::default(),
            layout: pane_grid::State::with_configuration(pane_grid::Configuration::Split {
                axis: pane_grid::Axis::Vertical,
                ratio: divider,
                a: Box::new(pane_grid::Configuration::Pane(PaneSide::Local)),
                b: Box::new(pane_grid::Configuration::Pane(PaneSide::Remote)),
            }),
            drag: Dragging::default(),
            memory,
            memory_file,
            sites: Default::default(),
            sites_file: ferry_engine::sites::Sites::path_in(&dirs.config),
            settings: settings::Settings::new(&dirs, use_agent),
            sites_ok: false,
            secrets: Arc::new(ferry_engine::secrets::KeyringStore::new()),
            secrets_ok: true,
            manager: None,
            key_setup: None,
            key_setup_after_connect: None,
            ssh_dir: ferry_engine::keys::default_dir(),
            clip: None,
            edits: edit::Edits::new(dirs.cache.clone()),
        };
        let queue = transfers::Transfers::open_queue(ferry_engine::transfer::manager::queue_path(
            &dirs.data,
        ))
        .map(Message::Transfers);
        let task = app
            .local
            .set_source_at(Some(Source::Local), start)
            .map(Message::Local);
        let sites = saved::load(app.sites_file.clone());
        let edits = edit::start(dirs.cache.clone()).map(Message::Edit);
        (app, Task::batch([queue, task, sites, edits]))
    }

    /// Keys are looked for and made in `dir` instead of `~/.ssh` (the tests' own folder).
    pub fn set_ssh_dir(&mut self, dir: PathBuf) {
        self.settings.keys = settings::keys::Keys::new(Some(dir.clone()), !self.options.no_agent);
        self.ssh_dir = Some(dir);
    }

    /// Secrets go to `store` instead of the OS keyring (the tests' memory store).
    pub fn set_secret_store(&mut self, store: Arc<dyn ferry_engine::secrets::SecretStore>) {
        self.secrets = store;
    }

    fn pane_mut(&mut self, side: PaneSide) -> &mut Pane {
        match side {
            PaneSide::Local => &mut self.local,
            PaneSide::Remote => &mut self.remote,
        }
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Local(m) => self.pane_message(PaneSide::Local, m),
            Message::Remote(m) => self.pane_message(PaneSide::Remote, m),
            Message::QuickEdited(s) => self.quick_edited(s),
            Message::Connect => self.connect(),
            Message::Disconnect => self.ask_disconnect(),
            Message::Confirm(yes) => self.confirmed(yes),
            Message::Conn(attempt, p) => self.connection_progress(attempt, p),
            Message::PoolAsked(p) => self.pool_asked(p),
            Message::Dialog(m) => self.session.dialog_message(m),
            Message::Divider(e) => self.divider_moved(e),
            Message::Hover(side) => self.hovered(side),
            Message::Unhover(side) => self.unhovered(side),
            Message::DragMoved(p) => self.drag_moved(p),
            Message::DragReleased => self.drag_released(),
            Message::Transfers(m) => self.transfer_message(m),
            Message::Key(key, mods) => self.key(key, mods),
            Message::Modifiers(m) => self.modifiers_changed(m),
            Message::FileDropped(path) => self.dropped(path),
            Message::FileOp(m) => self.fileop_message(m),
            Message::FileOpDone(side, result) => self.fileop_done(side, result),
            Message::DismissNotice => self.dismiss_notice(),
            Message::SitesLoaded(r, offer_import) => self.sites_loaded(r, offer_import),
            Message::OpenSites => self.open_sites(),
            Message::Settings(m) => self.settings.update(m).map(Message::Settings),
            Message::Sites(m) => self.sites_message(m),
            Message::Pick(c) => self.pick(c),
            Message::SiteSecrets(site, r) => self.site_secrets(*site, r),
            Message::TestSite(site, secrets) => self.test_site(*site, *secrets),
            Message::TestProgress(p) => self.test_progress(p),
            Message::SecretStored(r) => self.secret_stored(r),
            Message::Copy(s) => iced::clipboard::write(s),
            Message::Reconnected(path, r) => self.reconnected(path, r),
            Message::PickUpload => self.pick_upload(),
            Message::NoFileDialog => self.no_file_dialog(),
            Message::PickDownloadDir => self.pick_download_dir(),
            Message::UploadPicked(paths) => self.upload_picked(paths),
            Message::DownloadDirPicked(dir) => self.download_dir_picked(dir),
            Message::Resized(size) => self.resized(size),
            Message::CloseRequested(id) => self.close_requested(id),
            Message::CloseAlarm => self.close_alarm(),
            Message::Menu(action) => self.bar_action(action),
            Message::KeySetup(m) => self.key_setup_message(m),
            Message::ServerCopied(r) => self.server_copied(r),
            Message::Edit(m) => self.edit_message(m),
        }
    }

    fn quick_edited(&mut self, address: String) -> Task<Message> {
        self.quick = address;
        Task::none()
    }

    fn dismiss_notice(&mut self) -> Task<Message> {
        self.notice = None;
        self.info = None;
        Task::none()
    }

    fn close_alarm(&mut self) -> Task<Message> {
        self.alarm = None;
        Task::none()
    }

    fn divider_moved(&mut self, e: pane_grid::ResizeEvent) -> Task<Message> {
        let ratio = e.ratio.clamp(0.25, 0.75);
        self.layout.resize(e.split, ratio);
        self.memory.divider = ratio;
        Task::none()
    }

    fn resized(&mut self, size: iced::Size) -> Task<Message> {
        self.memory.width = size.width;
        self.memory.height = size.height;
        Task::none()
    }

    /// Asks first when an edit's save is not on the server; else closes.
    fn close_requested(&mut self, id: iced::window::Id) -> Task<Message> {
        if self.ask_quit(id) {
            return Task::none();
        }
        self.close_window(id)
    }

    /// Remembers the layout, ends the edits (a copy whose saves are all on the server is
    /// deleted, the rest kept for the next start), then closes (the writes are tiny and off the
    /// UI thread).
    fn close_window(&mut self, id: iced::window::Id) -> Task<Message> {
        let save = self.memory.clone().save(self.memory_file.clone());
        let edits = edit::finish_all(self.edits.sessions());
        Task::batch([
            self.disconnect(),
            Task::future(save).discard(),
            Task::future(edits).discard(),
        ])
        .chain(iced::window::close(id))
    }

    fn pane_message(&mut self, side: PaneSide, m: pane::Message) -> Task<Message> {
        // Whatever a person does in a pane makes it the one the keyboard works in.
        if !matches!(
            m,
            pane::Message::Listed(..)
                | pane::Message::Scrolled(..)
                | pane::Message::DragEnter(_)
                | pane::Message::DragExit(_)
                | pane::Message::ClickReleased
        ) {
            self.active = side;
        }
        let wrap = move |m| match side {
            PaneSide::Local => Message::Local(m),
            PaneSide::Remote => Message::Remote(m),
        };
        if let pane::Message::Listed(path, Ok((entries, _, _))) = &m {
            if let Ok(dir) = std::str::from_utf8(path.as_bytes()) {
                match (self.session.server(), side) {
                    (_, PaneSide::Local) => self.memory.local_dir = Some(dir.to_string()),
                    (Some(server), PaneSide::Remote) => {
                        self.memory.set_remote_dir(server, dir.to_string())
                    }
                    _ => {}
                }
            }
            tracing::info!(
                "{side:?} pane shows {} ({} entries)", // i18n-ok: log
                ferry_engine::fs::name::escape_for_display(&path.display_lossy()),
                entries.len()
            );
        }
        if let (
            PaneSide::Remote,
            pane::Message::Listed(path, Err(Error::ConnectionLost { .. } | Error::Timeout { .. })),
        ) = (side, &m)
        {
            return self.reconnect(path.clone());
        }
        let pressed = match m {
            pane::Message::Clicked(row) => Some(row),
            _ => None,
        };
        if matches!(
            m,
            pane::Message::Clicked(_) | pane::Message::RightClicked(_)
        ) {
            // A click in one pane closes the other's menu.
            self.pane_mut(other(side)).menu = None;
        }
        let (task, event) = self.pane_mut(side).update(m);
        if let Some(row) = pressed {
            let pane = self.pane_mut(side);
            let entries = pane.drag_entries(row);
            if pane.selected.get(row).copied().unwrap_or(false) && !entries.is_empty() {
                self.drag.press(side, entries);
            }
        }
        let task = task.map(wrap);
        match event {
            Some(pane::Event::NewFolder) => {
                let dir = self.pane_mut(side).path.clone();
                self.fileop = Some(fileops::Op::NewFolder {
                    side,
                    dir,
                    name: String::new(),
                });
                Task::batch([task, iced::widget::operation::focus("fileop-name")])
            }
            Some(pane::Event::Activated(entry)) => {
                Task::batch([task, self.file_activated(side, entry)])
            }
            Some(pane::Event::Transfer(entries)) => {
                let dest = self.pane_mut(other(side)).path.clone();
                Task::batch([task, self.transfer(side, entries, dest)])
            }
            Some(pane::Event::Menu(action, entries)) => {
                Task::batch([task, self.menu_action(side, action, entries)])
            }
            None => task,
        }
    }

    fn menu_action(
        &mut self,
        side: PaneSide,
        action: MenuAction,
        entries: Vec<Entry>,
    ) -> Task<Message> {
        self.active = side;
        let dir = self.pane_mut(side).path.clone();
        match action {
            MenuAction::Open => self.open_local(entries),
            MenuAction::Edit => self.edit_rows(entries),
            MenuAction::Send => {
                let dest = self.pane_mut(other(side)).path.clone();
                self.transfer(side, entries, dest)
            }
            MenuAction::Rename => self.start_fileop(side, true),
            MenuAction::Delete => self.start_fileop(side, false),
            MenuAction::NewFolder => self.pane_message(side, pane::Message::NewFolder),
            MenuAction::Permissions => {
                self.fileop = fileops::Op::permissions(side, dir, entries);
                Task::none()
            }
            MenuAction::Properties => {
                self.fileop = entries
                    .into_iter()
                    .next()
                    .map(|entry| fileops::Op::Properties { side, dir, entry });
                Task::none()
            }
            MenuAction::Duplicate => self.duplicate_rows(entries),
            MenuAction::CopyFiles => self.copy_rows(entries),
            MenuAction::Paste => self.paste_rows(),
            MenuAction::NewLink => {
                let target = entries
                    .first()
                    .map(|e| e.display.clone())
                    .unwrap_or_default();
                self.fileop = Some(fileops::Op::NewLink {
                    side,
                    dir,
                    name: format!("{target} {}", t!("link-suffix")),
                    target,
                    hard: false,
                });
                iced::widget::operation::focus("fileop-name")
            }
            MenuAction::CopyPath => {
                let paths: Vec<String> = entries
                    .iter()
                    .filter_map(|e| dir.join(&e.name).ok())
                    .map(|p| p.display_lossy())
                    .collect();
                iced::clipboard::write(paths.join("\n"))
            }
        }
    }

    fn fileop_message(&mut self, m: fileops::Message) -> Task<Message> {
        let Some(op) = fileops::update(&mut self.fileop, m) else {
            return Task::none();
        };
        let side = op.side();
        let Some(source) = self.pane_mut(side).source.clone() else {
            return Task::none();
        };
        op.run(source).map(move |r| Message::FileOpDone(side, r))
    }

    /// A file operation ended: its failure is said, and its pane listed again.
    fn fileop_done(&mut self, side: PaneSide, result: Result<(), Error>) -> Task<Message> {
        if let Err(e) = result {
            self.notice = Some(error_text(&e));
        }
        self.pane_message(side, pane::Message::Refresh)
    }

    /// F2 renames the one selected entry; Delete asks before deleting the selection.
    fn start_fileop(&mut self, side: PaneSide, rename: bool) -> Task<Message> {
        let pane = self.pane_mut(side);
        let (dir, mut selection) = (pane.path.clone(), pane.selection());
        if pane.source.is_none() || selection.is_empty() {
            return Task::none();
        }
        self.fileop = Some(if rename {
            if selection.len() != 1 {
                return Task::none();
            }
            let entry = selection.remove(0);
            fileops::Op::Rename {
                side,
                dir,
                name: entry.display.clone(),
                entry,
            }
        } else {
            fileops::Op::Delete {
                side,
                dir,
                entries: selection,
            }
        });
        iced::widget::operation::focus("fileop-name")
    }
}

pub(crate) fn other(side: PaneSide) -> PaneSide {
    match side {
        PaneSide::Local => PaneSide::Remote,
        PaneSide::Remote => PaneSide::Local,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::connect::{Question, Reply};
    use crate::gui::dialogs::Dialog;
    use ferry_engine::secrets::Secret;
    use ferry_engine::sites::{Site, SiteSecrets};
    use ferry_engine::ssh::ConnectOptions;
    use ferry_engine::ssh::hostkeys::KnownHosts;
    use ferry_engine::ssh::prompt::InteractiveRequest;

    /// What a person would type: it must show up in no Debug print of a message or state.
    const TYPED: &str = "correct-horse-7F3q";

    fn assert_hidden(what: &str, printed: String) {
        assert!(
            !printed.contains(TYPED),
            "{what} shows the secret: {printed}"
        );
        assert!(
            printed.contains("Secret(***)"),
            "{what} lost the field: {printed}"
        );
    }

    #[test]
    fn no_debug_print_of_a_message_or_state_shows_a_typed_secret() {
        let typed = || Secret::new(TYPED);
        let (tx, _rx) = tokio::sync::oneshot::channel();
        let question = Question::Interactive(InteractiveRequest {
            name: "2FA".into(),
            instructions: String::new(),
            prompts: vec![("Password:".into(), false), ("Code:".into(), true)],
        });
        let mut dialog = Dialog::new(question, Reply::new(tx));
        dialog.inputs = vec![typed(), typed()];
        assert_hidden("Dialog", format!("{dialog:?}"));
        let input = Message::Dialog(dialogs::Message::Input(1, typed()));
        assert_hidden("Message::Dialog(Input)", format!("{input:?}"));
        let site = Site::new("db", "db.example.org");
        let password = Message::Sites(sites::Message::Password(typed()));
        assert_hidden("Message::Sites(Password)", format!("{password:?}"));
        let test = sites::Event::Test(Box::new(site.clone()), Some(typed()));
        assert_hidden("sites::Event::Test", format!("{test:?}"));
        let secrets = SiteSecrets {
            password: Some(typed()),
            passphrase: Some(typed()),
            proxy_password: Some(typed()),
        };
        let m = Message::TestSite(Box::new(site.clone()), Box::new(secrets.clone()));
        assert_hidden("Message::TestSite", format!("{m:?}"));
        let m = Message::SiteSecrets(Box::new(site), Ok(secrets));
        assert_hidden("Message::SiteSecrets", format!("{m:?}"));
        let kh = KnownHosts::new(vec![], "/nonexistent/known_hosts".into());
        let mut opts = ConnectOptions::new("127.0.0.1", 22, "ann".to_string(), kh);
        opts.password = Some(typed());
        opts.proxy = ferry_engine::ssh::proxy::Proxy::parse("socks5://al@gate").unwrap();
        if let Some(server) = opts.proxy.as_mut().and_then(|p| p.server_mut()) {
            server.password = Some(typed());
        }
        assert_hidden("ConnectOptions", format!("{opts:?}"));
        let answer = connect::Answer::Secrets(Some(vec![typed()]));
        assert_hidden("Answer", format!("{answer:?}"));
        // Settings → Keys: the new key's passphrase, typed twice, and the state holding it.
        use settings::keys;
        for m in [
            keys::Message::Passphrase(typed()),
            keys::Message::Repeat(typed()),
        ] {
            let m = Message::Settings(settings::Message::Keys(m));
            assert_hidden(
                "Message::Settings(Keys(Passphrase/Repeat))",
                format!("{m:?}"),
            );
        }
        let mut panel = keys::Keys::new(None, false);
        let _ = panel.update(keys::Message::NewKey);
        let _ = panel.update(keys::Message::Passphrase(typed()));
        let _ = panel.update(keys::Message::Repeat(typed()));
        assert_hidden("settings::keys::Keys", format!("{panel:?}"));
        let config = tempfile::tempdir().unwrap();
        let mut settings = settings::Settings::new(&AppDirs::new(Some(config.path())), false);
        settings.keys = panel;
        assert_hidden("settings::Settings", format!("{settings:?}"));
    }
}
