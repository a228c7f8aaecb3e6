//! The transfer panel's state: jobs (queued, running, paused, finished), the files that failed
//! with what retrying each takes, the log, and the conflict waiting for an answer. Jobs run in
//! tasks (`stream.rs`); the tabs are drawn in `view.rs`, the conflict dialog in `conflict.rs`;
//! `notes.rs` words skip reasons and notes.
//! Jobs are also kept in the saved queue (`queue.json` in the data folder): what a crash or a quit
//! left unfinished starts again, continuing its partial files, when its site is next connected.

pub mod conflict;
mod notes;
mod stream;
mod view;

use std::collections::VecDeque;
use std::path::Path;
use std::sync::{Arc, Mutex};

use iced::Task;

use crate::gui::connect::Reply;
use crate::gui::format;
use crate::gui::text::{error_text, t};
use ferry_engine::error::Error;
use ferry_engine::fs::name::escape_for_display;
use ferry_engine::fs::path::FsPath;
use ferry_engine::transfer::control::RunState;
use ferry_engine::transfer::manager::SharedQueue;
use ferry_engine::transfer::progress::Snapshot;
use ferry_engine::transfer::queue::{Queue, SavedJob, SiteRef};
use ferry_engine::transfer::{
    ConflictInfo, ConflictPolicy, Control, Direction, Event, JobSpec, JobSummary, Pool,
    TransferOptions,
};
pub use stream::Choice;
use stream::Saved;

/// Lines kept in the Log tab.
const LOG_LINES: usize = 5000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Queue,
    Failed,
    Finished,
    Log,
}

#[derive(Debug, Clone)]
pub enum Message {
    Event(u64, Event),
    Finished(u64, Result<JobSummary, Error>),
    /// A job found its destination taken and asks what to do.
    Conflict(u64, ConflictInfo, Reply<Choice>),
    /// The answer to the conflict shown: a choice, or `None` to skip.
    Answer(Option<ConflictPolicy>),
    ApplyToAll(bool),
    Pause(u64),
    Resume(u64),
    Cancel(u64),
    PauseAll,
    ResumeAll,
    CancelAll,
    /// Retry one failed item (index in the Failed tab) / all of them.
    Retry(usize),
    RetryAll,
    ClearFinished,
    ClearFailed,
    Tab(Tab),
}

/// What the app must do after a panel message.
#[derive(Debug)]
pub enum Outcome {
    /// A job ended: refresh the pane it wrote to.
    Finished(Direction),
    /// Start these jobs again (they need the connection pool, which the app holds).
    Retry(Vec<(JobSpec, ConflictPolicy)>),
}

#[derive(Debug, Clone, PartialEq)]
enum State {
    Running,
    Paused,
    Done,
    /// Finished with this many files failed.
    Failed(u64),
    Cancelled,
    Error(String),
}

#[derive(Debug)]
struct Job {
    id: u64,
    direction: Direction,
    label: String,
    spec: JobSpec,
    control: Control,
    progress: Snapshot,
    state: State,
    /// What a file the job is copying now is called (the last one started).
    current: Option<String>,
}

impl Job {
    fn active(&self) -> bool {
        matches!(self.state, State::Running | State::Paused)
    }
}

/// A file (or a whole job) that failed, and the job that would copy it again.
#[derive(Debug)]
struct Failed {
    direction: Direction,
    what: String,
    error: String,
    retry: JobSpec,
    /// Retrying a whole job continues what is there instead of asking about every file.
    policy: ConflictPolicy,
}

#[derive(Debug)]
struct LogLine {
    at: chrono::DateTime<chrono::Local>,
    text: String,
    error: bool,
}

#[derive(Debug)]
pub struct Transfers {
    jobs: Vec<Job>,
    failed: Vec<Failed>,
    log: VecDeque<LogLine>,
    /// Conflicts waiting for the dialog, oldest first (one per job at a time).
    conflicts: VecDeque<(u64, ConflictInfo, Reply<Choice>)>,
    apply_to_all: bool,
    tab: Tab,
    next_id: u64,
    /// The saved queue, when its file could be opened.
    queue: Option<SharedQueue>,
    /// Jobs an earlier run left unfinished, not started again yet.
    leftover: Vec<SavedJob>,
}

impl Default for Transfers {
    fn default() -> Self {
        Transfers {
            jobs: Vec::new(),
            failed: Vec::new(),
            log: VecDeque::new(),
            conflicts: VecDeque::new(),
            apply_to_all: false,
            tab: Tab::Queue,
            next_id: 0,
            queue: None,
            leftover: Vec::new(),
        }
    }
}

fn shown(p: &FsPath) -> String {
    escape_for_display(&p.display_lossy())
}

impl Transfers {
    /// Keeps jobs in the queue file at `path` from now on, and notes which jobs an earlier run
    /// left unfinished (they start again when their site is connected). Returns a warning to
    /// show when the file could not be read (it is then kept aside, never overwritten).
    pub fn open_queue(&mut self, path: &Path) -> Option<String> {
        let (queue, warning) = Queue::load(path);
        self.leftover = queue
            .jobs()
            .iter()
            .filter(|j| !j.state.is_finished())
            .cloned()
            .collect();
        self.queue = Some(Arc::new(Mutex::new(queue)));
        // Say what is waiting, and for which server, so it is no surprise when it starts.
        for line in self.waiting() {
            self.log(line, false);
        }
        warning
    }

    /// One line per server with jobs an earlier run left unfinished: how many, and that they
    /// continue on connecting (shown in the Queue tab while nothing else runs, and in the Log).
    pub fn waiting(&self) -> Vec<String> {
        let mut sites: Vec<&SiteRef> = Vec::new();
        for j in &self.leftover {
            if !sites.contains(&&j.site) {
                sites.push(&j.site);
            }
        }
        sites
            .iter()
            .map(|site| {
                let count = self.leftover.iter().filter(|j| &&j.site == site).count();
                let server = format!(
                    "{}@{}",
                    site.user,
                    ferry_engine::ssh::display_host(&site.host, site.port)
                );
                t!("log-saved-waiting", count = count, server = server)
            })
            .collect()
    }

    /// Starts again the jobs an earlier run left unfinished for `site`, continuing what they had
    /// copied (an existing file is resumed, or skipped when complete, rather than asked about).
    pub fn resume_saved(
        &mut self,
        pool: &Arc<Pool>,
        site: &SiteRef,
        opts: &TransferOptions,
    ) -> Task<Message> {
        let Some(queue) = self.queue.clone() else {
            return Task::none();
        };
        let (mine, others): (Vec<_>, Vec<_>) = std::mem::take(&mut self.leftover)
            .into_iter()
            .partition(|j| &j.site == site);
        self.leftover = others;
        let mut tasks = Vec::new();
        for job in mine {
            let spec = match job.specs.as_slice() {
                [one] => JobSpec::from(one),
                _ => continue, // several parts: a retry-failed job, which the GUI never saves
            };
            let opts = TransferOptions {
                conflict: ConflictPolicy::Resume,
                verify: job.verify,
                ..opts.clone()
            };
            let name = label_of(&spec);
            self.log(t!("log-resuming-saved", name = name.as_str()), false);
            tasks.push(self.launch(
                pool.clone(),
                spec,
                opts,
                Saved::Existing(queue.clone(), job.id),
            ));
        }
        Task::batch(tasks)
    }

    /// Starts a job for `site`; conflicts are asked in the dialog unless `opts` says otherwise.
    pub fn start(
        &mut self,
        pool: Arc<Pool>,
        spec: JobSpec,
        opts: TransferOptions,
        site: SiteRef,
    ) -> Task<Message> {
        let saved = match &self.queue {
            Some(q) => Saved::New(q.clone(), site),
            None => Saved::No,
        };
        self.launch(pool, spec, opts, saved)
    }

    fn launch(
        &mut self,
        pool: Arc<Pool>,
        spec: JobSpec,
        opts: TransferOptions,
        saved: Saved,
    ) -> Task<Message> {
        self.next_id += 1;
        let id = self.next_id;
        let label = label_of(&spec);
        let direction = match spec.direction {
            Direction::Upload => "upload",
            Direction::Download => "download",
        };
        self.log(
            t!(
                "log-queued",
                direction = direction,
                name = label.as_str(),
                dest = shown(&spec.dest_dir)
            ),
            false,
        );
        let control = Control::new();
        self.jobs.push(Job {
            id,
            direction: spec.direction,
            label,
            spec: spec.clone(),
            control: control.clone(),
            progress: Snapshot::default(),
            state: State::Running,
            current: None,
        });
        if self.tab != Tab::Log {
            self.tab = Tab::Queue;
        }
        Task::run(stream::job(id, pool, spec, opts, control, saved), |m| m)
    }

    /// Adds a line to the Log tab (control characters in names arrive escaped).
    pub fn log(&mut self, text: String, error: bool) {
        if self.log.len() >= LOG_LINES {
            self.log.pop_front();
        }
        self.log.push_back(LogLine {
            at: chrono::Local::now(),
            text,
            error,
        });
    }

    /// The conflict to show in the dialog, if any.
    pub fn conflict(&self) -> Option<&ConflictInfo> {
        self.conflicts.front().map(|(_, info, _)| info)
    }

    pub fn running(&self) -> usize {
        self.jobs.iter().filter(|j| j.active()).count()
    }

    fn job(&mut self, id: u64) -> Option<&mut Job> {
        self.jobs.iter_mut().find(|j| j.id == id)
    }

    pub fn update(&mut self, message: Message) -> Option<Outcome> {
        match message {
            Message::Event(id, ev) => self.event(id, ev),
            Message::Finished(id, result) => return self.finished(id, result),
            Message::Conflict(id, info, reply) => {
                self.conflicts.push_back((id, info, reply));
            }
            Message::Answer(choice) => {
                if let Some((_, _, reply)) = self.conflicts.pop_front() {
                    reply.send(choice.map(|c| (c, self.apply_to_all)));
                }
                self.apply_to_all = false;
            }
            Message::ApplyToAll(on) => self.apply_to_all = on,
            Message::Pause(id) => {
                let job = self.job(id)?;
                job.control.pause();
                job.state = State::Paused;
            }
            Message::Resume(id) => {
                let job = self.job(id)?;
                job.control.resume();
                job.state = State::Running;
            }
            Message::Cancel(id) => self.cancel(id),
            Message::PauseAll => {
                for job in self.jobs.iter_mut().filter(|j| j.state == State::Running) {
                    job.control.pause();
                    job.state = State::Paused;
                }
            }
            Message::ResumeAll => {
                for job in self.jobs.iter_mut().filter(|j| j.state == State::Paused) {
                    job.control.resume();
                    job.state = State::Running;
                }
            }
            Message::CancelAll => {
                let ids: Vec<u64> = self
                    .jobs
                    .iter()
                    .filter(|j| j.active())
                    .map(|j| j.id)
                    .collect();
                for id in ids {
                    self.cancel(id);
                }
            }
            Message::Retry(i) => {
                if i < self.failed.len() {
                    let f = self.failed.remove(i);
                    return Some(Outcome::Retry(vec![(f.retry, f.policy)]));
                }
            }
            Message::RetryAll => {
                let all = self.failed.drain(..).map(|f| (f.retry, f.policy)).collect();
                return Some(Outcome::Retry(all));
            }
            Message::ClearFinished => self.jobs.retain(|j| j.active()),
            Message::ClearFailed => self.failed.clear(),
            Message::Tab(tab) => self.tab = tab,
        }
        None
    }

    fn cancel(&mut self, id: u64) {
        let Some(job) = self.job(id) else {
            return;
        };
        job.control.cancel();
        // A worker waiting on the dialog must hear "skip" to notice the cancel.
        let (mine, others): (VecDeque<_>, VecDeque<_>) =
            self.conflicts.drain(..).partition(|(j, _, _)| *j == id);
        for (_, _, reply) in mine {
            reply.send(None);
        }
        self.conflicts = others;
    }

    fn event(&mut self, id: u64, ev: Event) {
        let Some(job) = self.job(id) else {
            return;
        };
        let direction = job.direction;
        let line = match ev {
            Event::Progress(s) => {
                job.progress = s;
                return;
            }
            Event::FileStarted { src, .. } => {
                job.current = src
                    .file_name()
                    .map(|n| escape_for_display(&String::from_utf8_lossy(n)));
                return;
            }
            Event::FileResumed { src, offset } => (
                t!(
                    "log-resumed-at",
                    name = shown(&src),
                    offset = format::size(offset)
                ),
                false,
            ),
            Event::FileDone {
                src, dst, verified, ..
            } => {
                let line = if verified {
                    t!("log-copied-verified", src = shown(&src), dst = shown(&dst))
                } else {
                    t!("log-copied", src = shown(&src), dst = shown(&dst))
                };
                (line, false)
            }
            Event::FileSkipped { src, reason } => (
                t!(
                    "log-skipped",
                    name = shown(&src),
                    reason = notes::skip_text(&reason)
                ),
                false,
            ),
            Event::FileFailed { src, error } => {
                let text = error_text(&error);
                let retry = retry_one(direction, &job.spec, &src);
                let what = shown(&src);
                let line = (format!("{what}: {text}"), true);
                if let Some(retry) = retry {
                    self.failed.push(Failed {
                        direction,
                        what,
                        error: text,
                        retry,
                        policy: ConflictPolicy::Ask,
                    });
                }
                line
            }
            Event::Note(n) => match notes::note_text(&n) {
                Some(line) => (line, false),
                None => return,
            },
        };
        self.log(line.0, line.1);
    }

    fn finished(&mut self, id: u64, result: Result<JobSummary, Error>) -> Option<Outcome> {
        let job = self.job(id)?;
        let cancelled = job.control.state() == RunState::Cancelled;
        job.current = None;
        let (state, line, failed) = match result {
            Err(e) => {
                let text = error_text(&e);
                (
                    State::Error(text.clone()),
                    (format!("{}: {text}", job.label), true),
                    Some(Failed {
                        direction: job.direction,
                        what: job.label.clone(),
                        error: text,
                        retry: job.spec.clone(),
                        policy: ConflictPolicy::Resume,
                    }),
                )
            }
            Ok(_) if cancelled => (
                State::Cancelled,
                (t!("log-cancelled", name = job.label.as_str()), false),
                None,
            ),
            Ok(s) => (
                if s.files_failed > 0 {
                    State::Failed(s.files_failed)
                } else {
                    State::Done
                },
                (
                    t!(
                        "log-job-done",
                        name = job.label.as_str(),
                        count = s.files_done,
                        size = format::size(s.bytes),
                        seconds = format::decimal(s.elapsed.as_secs_f64())
                    ),
                    s.files_failed > 0,
                ),
                None,
            ),
        };
        job.state = state;
        let direction = job.direction;
        self.failed.extend(failed);
        self.log(line.0, line.1);
        if !self.failed.is_empty() && self.running() == 0 && self.tab == Tab::Queue {
            self.tab = Tab::Failed;
        }
        Some(Outcome::Finished(direction))
    }
}

/// What a job is called in the panel: its one source's name, or how many items it copies.
fn label_of(spec: &JobSpec) -> String {
    match spec.sources.as_slice() {
        [one] => one
            .file_name()
            .map(|n| escape_for_display(&String::from_utf8_lossy(n)))
            .unwrap_or_default(),
        many => t!("items", count = many.len()),
    }
}

/// The job that copies one failed file again (to the place it was going), if that can be told.
fn retry_one(direction: Direction, spec: &JobSpec, src: &FsPath) -> Option<JobSpec> {
    // A source given directly lands in dest_dir (under dest_name); one found inside a folder
    // lands at the same relative place under dest_dir/<folder name>.
    let (top, rel) = spec.sources.iter().find_map(|s| {
        let rel = src.as_bytes().strip_prefix(s.as_bytes())?;
        (rel.is_empty() || rel.starts_with(b"/")).then_some((s, rel))
    })?;
    let top_name = match (&spec.dest_name, spec.sources.len()) {
        (Some(n), 1) => n.clone(),
        _ => top.file_name()?.to_vec(),
    };
    let mut dst = spec.dest_dir.join(&top_name).ok()?;
    let rel = rel.strip_prefix(b"/").unwrap_or(rel);
    if !rel.is_empty() {
        dst = FsPath::from_bytes([dst.as_bytes(), b"/", rel].concat());
    }
    Some(JobSpec {
        direction,
        sources: vec![src.clone()],
        dest_dir: dst.parent()?,
        dest_name: dst.file_name().map(|n| n.to_vec()),
        recursive: true,
    })
}
