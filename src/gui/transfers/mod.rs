//! The transfer panel: the engine's transfer manager (`ferry_engine::transfer::manager`: the jobs,
//! the failed files with their retries, the saved queue) drawn and worded, plus what only a
//! window has: the log, the conflict waiting for an answer, the tab shown. The tabs are drawn in
//! `view.rs`, the conflict dialog in `conflict.rs`; `notes.rs` words skip reasons and notes.
//! Jobs are kept in the saved queue (`queue.json` in the data folder, opened off the UI thread):
//! what a crash or a quit left unfinished starts again, continuing its partial files, when its
//! site is next connected.

pub mod conflict;
mod notes;
mod view;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;

use iced::Task;
use iced::futures::StreamExt;

use crate::gui::connect::Reply;
use crate::gui::format;
use crate::gui::text::{error_text, t};
use ferry_engine::error::Error;
use ferry_engine::fs::name::escape_for_display;
use ferry_engine::fs::path::FsPath;
use ferry_engine::transfer::manager::{self, Manager, SharedQueue, Status, Update, Updates};
use ferry_engine::transfer::queue::SiteRef;
use ferry_engine::transfer::{
    ConflictInfo, ConflictPolicy, Direction, Event, JobSpec, JobSummary, Pool, TransferOptions,
};
pub use manager::Choice;

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
    /// The saved queue was opened (with a warning when its file could not be read), or not.
    QueueOpened(Result<(SharedQueue, Option<String>), Error>),
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

#[derive(Debug)]
struct LogLine {
    at: chrono::DateTime<chrono::Local>,
    text: String,
    error: bool,
}

#[derive(Debug)]
pub struct Transfers {
    manager: Manager,
    log: VecDeque<LogLine>,
    /// Conflicts waiting for the dialog, oldest first (one per job at a time).
    conflicts: VecDeque<(u64, ConflictInfo, Reply<Choice>)>,
    apply_to_all: bool,
    tab: Tab,
}

impl Default for Transfers {
    fn default() -> Self {
        Transfers {
            manager: Manager::default(),
            log: VecDeque::new(),
            conflicts: VecDeque::new(),
            apply_to_all: false,
            tab: Tab::Queue,
        }
    }
}

fn shown(p: &FsPath) -> String {
    escape_for_display(&p.display_lossy())
}

impl Transfers {
    /// Opens the saved queue at `path` off the UI thread; jobs are kept there once it is open
    /// (see [`Message::QueueOpened`]).
    pub fn open_queue(path: PathBuf) -> Task<Message> {
        Task::perform(manager::store::open(path), Message::QueueOpened)
    }

    /// Keeps jobs in `queue` from now on, and says which jobs an earlier run left unfinished
    /// (they start again when their site is connected), and a warning when the file could not
    /// be read (it is then kept aside, never overwritten).
    fn queue_opened(&mut self, opened: Result<(SharedQueue, Option<String>), Error>) {
        match opened {
            Ok((queue, warning)) => {
                if let Some(warning) = warning {
                    self.log(warning, true);
                }
                self.manager.attach(queue);
                // Say what is waiting, and for which server, so it is no surprise when it starts.
                for line in self.waiting() {
                    self.log(line, false);
                }
            }
            Err(error) => {
                let note = ferry_engine::transfer::Note::QueueUnsaved { error };
                if let Some(line) = notes::note_text(&note) {
                    self.log(line, true);
                }
            }
        }
    }

    /// One line per server with jobs an earlier run left unfinished: how many, and that they
    /// continue on connecting (shown in the Queue tab while nothing else runs, and in the Log).
    pub fn waiting(&self) -> Vec<String> {
        self.manager
            .waiting()
            .into_iter()
            .map(|(site, count)| {
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
        let started = self.manager.resume_saved(pool, site, opts);
        let tasks: Vec<_> = started
            .into_iter()
            .map(|(id, updates)| {
                let name = self.label(id);
                self.log(t!("log-resuming-saved", name = name.as_str()), false);
                self.launched(id, updates)
            })
            .collect();
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
        let (id, updates) = self.manager.start(pool, spec, opts, site);
        self.launched(id, updates)
    }

    /// Logs job `id` as queued, shows the queue, and turns its updates into panel messages.
    fn launched(&mut self, id: u64, updates: Updates) -> Task<Message> {
        if let Some(job) = self.manager.job(id) {
            let direction = match job.direction() {
                Direction::Upload => "upload",
                Direction::Download => "download",
            };
            let name = label_of(&job.spec);
            let line = t!(
                "log-queued",
                direction = direction,
                name = name.as_str(),
                dest = shown(&job.spec.dest_dir)
            );
            self.log(line, false);
        }
        if self.tab != Tab::Log {
            self.tab = Tab::Queue;
        }
        Task::run(updates.map(move |u| message(id, u)), |m| m)
    }

    /// What job `id` is called in the panel.
    fn label(&self, id: u64) -> String {
        self.manager
            .job(id)
            .map(|j| label_of(&j.spec))
            .unwrap_or_default()
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
        self.manager.running()
    }

    pub fn update(&mut self, message: Message) -> Option<Outcome> {
        match message {
            Message::QueueOpened(opened) => self.queue_opened(opened),
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
            Message::Pause(id) => self.manager.pause(id),
            Message::Resume(id) => self.manager.resume(id),
            Message::Cancel(id) => self.cancel(id),
            Message::PauseAll => self.manager.pause_all(),
            Message::ResumeAll => self.manager.resume_all(),
            Message::CancelAll => {
                for id in self.manager.cancel_all() {
                    self.skip_conflicts_of(id);
                }
            }
            Message::Retry(i) => {
                let retry = self.manager.take_retry(i)?;
                return Some(Outcome::Retry(vec![retry]));
            }
            Message::RetryAll => return Some(Outcome::Retry(self.manager.take_retries())),
            Message::ClearFinished => self.manager.clear_finished(),
            Message::ClearFailed => self.manager.clear_failed(),
            Message::Tab(tab) => self.tab = tab,
        }
        None
    }

    fn cancel(&mut self, id: u64) {
        if self.manager.cancel(id) {
            self.skip_conflicts_of(id);
        }
    }

    /// A worker waiting on the dialog must hear "skip" to notice the cancel.
    fn skip_conflicts_of(&mut self, id: u64) {
        let (mine, others): (VecDeque<_>, VecDeque<_>) =
            self.conflicts.drain(..).partition(|(j, _, _)| *j == id);
        for (_, _, reply) in mine {
            reply.send(None);
        }
        self.conflicts = others;
    }

    /// Hands the event to the manager, then words it for the Log.
    fn event(&mut self, id: u64, ev: Event) {
        self.manager.event(id, &ev);
        let line = match ev {
            Event::Progress(_) | Event::FileStarted { .. } => return,
            Event::FileResumed { src, offset } => (
                t!(
                    "log-resumed-at",
                    name = shown(&src),
                    offset = format::size(offset)
                ),
                false,
            ),
            Event::FileDone {
                src,
                dst,
                verified,
                checked,
                ..
            } => {
                let line = if verified {
                    let algo = checked.unwrap_or_default();
                    t!(
                        "log-copied-verified",
                        src = shown(&src),
                        dst = shown(&dst),
                        algo = algo
                    )
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
                (format!("{}: {}", shown(&src), error_text(&error)), true)
            }
            Event::Note(n) => match notes::note_text(&n) {
                Some(line) => (line, false),
                None => return,
            },
        };
        self.log(line.0, line.1);
    }

    fn finished(&mut self, id: u64, result: Result<JobSummary, Error>) -> Option<Outcome> {
        self.manager.finished(id, &result);
        let job = self.manager.job(id)?;
        let label = label_of(&job.spec);
        let direction = job.direction();
        let (line, error) = match (&job.status, &result) {
            (_, Err(e)) => (format!("{label}: {}", error_text(e)), true),
            (Status::Cancelled, _) => (t!("log-cancelled", name = label.as_str()), false),
            (_, Ok(s)) => (
                t!(
                    "log-job-done",
                    name = label.as_str(),
                    count = s.files_done,
                    size = format::size(s.bytes),
                    seconds = format::decimal(s.elapsed.as_secs_f64())
                ),
                s.files_failed > 0,
            ),
        };
        self.log(line, error);
        if !self.manager.failed().is_empty() && self.running() == 0 && self.tab == Tab::Queue {
            self.tab = Tab::Failed;
        }
        Some(Outcome::Finished(direction))
    }
}

/// How job `id`'s update reaches the panel.
fn message(id: u64, update: Update) -> Message {
    match update {
        Update::Event(ev) => Message::Event(id, ev),
        Update::Conflict(info, answer) => Message::Conflict(id, info, Reply::new(answer)),
        Update::Finished { result, .. } => Message::Finished(id, result),
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
