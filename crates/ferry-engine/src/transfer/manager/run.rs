//! One job in flight: [`spawn`] gives a [`Handle`] (pause, resume, cancel; dropping it cancels)
//! and [`Updates`], the stream of what the job reports, which also drives it: the job runs in
//! whatever task polls the stream (an iced task, a CLI's loop), so nothing is started before
//! someone listens. A job that asks about conflicts sends [`Update::Conflict`] with the sender
//! its answer goes back on.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use async_trait::async_trait;
use futures::Stream;
use tokio::sync::{mpsc, oneshot};

use crate::error::Result;
use crate::transfer::control::RunState;
use crate::transfer::manager::store::{self, SharedQueue};
use crate::transfer::queue::SiteRef;
use crate::transfer::{
    ConflictInfo, ConflictPolicy, ConflictResolver, Control, Event, JobSpec, JobSummary, Note,
    Pool, TransferOptions, run_job,
};

/// A conflict's answer: the choice and "apply to the rest of this job", or `None` to skip.
pub type Choice = Option<(ConflictPolicy, bool)>;

/// What a job copies, and how it is kept in the saved queue.
#[derive(Debug, Clone)]
pub enum Work {
    /// A job of its own, not saved (no queue file could be opened).
    Plain(JobSpec),
    /// A new job for this site: recorded in the queue before it starts.
    New(SharedQueue, SiteRef, JobSpec),
    /// A job already in the queue under this id (left unfinished by an earlier run).
    Saved(SharedQueue, u64),
}

/// What a running job reports, in order; `Finished` is the last.
#[derive(Debug)]
pub enum Update {
    Event(Event),
    /// The destination is taken and the job's policy is to ask: the answer goes on the sender
    /// (dropping it skips the file).
    Conflict(ConflictInfo, oneshot::Sender<Choice>),
    /// The job ended. `kept` is `Some` when it was to stay unfinished in the saved queue (it was
    /// interrupted, or cut off with [`Handle::keep_when_cut_off`]): whether that could be written.
    Finished {
        result: Result<JobSummary>,
        kept: Option<Result<()>>,
    },
}

/// Controls a job in flight. Dropping it cancels the job (a finished job ignores that).
#[derive(Debug)]
pub struct Handle {
    control: Control,
    flags: Arc<Flags>,
}

#[derive(Debug, Default)]
struct Flags {
    interrupted: AtomicBool,
    keep_cut_off: AtomicBool,
}

impl Handle {
    pub fn pause(&self) {
        self.control.pause();
    }

    pub fn resume(&self) {
        self.control.resume();
    }

    /// Stops the job at the next chunk; a saved job is recorded as cancelled.
    pub fn cancel(&self) {
        self.control.cancel();
    }

    /// Stops the job (Ctrl-C) but keeps it unfinished in the saved queue, to be run again.
    pub fn interrupt(&self) {
        self.flags.interrupted.store(true, Ordering::Relaxed);
        self.control.cancel();
    }

    /// A saved job that ends short because nothing could connect, or because every file that
    /// failed lost its connection past its retries, stays unfinished in the queue too (the
    /// command line's choice: the window lists such a job's files for Retry instead).
    pub fn keep_when_cut_off(&self) {
        self.flags.keep_cut_off.store(true, Ordering::Relaxed);
    }

    pub fn state(&self) -> RunState {
        self.control.state()
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        self.control.cancel();
    }
}

/// The updates of one job; polling it runs the job.
pub struct Updates {
    job: Option<Pin<Box<dyn Future<Output = ()> + Send>>>,
    rx: mpsc::UnboundedReceiver<Update>,
}

impl Stream for Updates {
    type Item = Update;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Update>> {
        if let Some(job) = self.job.as_mut()
            && job.as_mut().poll(cx).is_ready()
        {
            self.job = None;
        }
        // The job's future holds the senders: once it is done and they are gone, this ends.
        self.rx.poll_recv(cx)
    }
}

/// Hands conflicts to whoever reads the updates, and waits for the answer.
struct AskThrough(mpsc::UnboundedSender<Update>);

#[async_trait]
impl ConflictResolver for AskThrough {
    async fn resolve(&self, info: &ConflictInfo) -> Choice {
        let (tx, rx) = oneshot::channel();
        self.0.send(Update::Conflict(info.clone(), tx)).ok()?;
        rx.await.ok().flatten()
    }
}

/// Starts `work` on `pool`: conflicts are asked through [`Update::Conflict`] when `opts` says
/// `Ask` (and has no resolver of its own).
pub fn spawn(pool: Arc<Pool>, work: Work, mut opts: TransferOptions) -> (Handle, Updates) {
    let control = Control::new();
    let flags = Arc::new(Flags::default());
    let handle = Handle {
        control: control.clone(),
        flags: flags.clone(),
    };
    let (tx, rx) = mpsc::unbounded_channel();
    if opts.conflict == ConflictPolicy::Ask && opts.resolver.is_none() {
        opts.resolver = Some(Arc::new(AskThrough(tx.clone())));
    }
    let job = async move {
        let (events, mut rx_events) = mpsc::unbounded_channel();
        let forward = async {
            while let Some(ev) = rx_events.recv().await {
                let _ = tx.send(Update::Event(ev));
            }
        };
        let run = run_work(pool, work, opts, control, events);
        let ((result, saved), ()) = tokio::join!(run, forward);
        let keep = flags.interrupted.load(Ordering::Relaxed)
            || (flags.keep_cut_off.load(Ordering::Relaxed) && store::interrupted(&result));
        let kept = match saved {
            Some((queue, id)) if keep => Some(store::keep_unfinished(&queue, id).await),
            _ => None,
        };
        let _ = tx.send(Update::Finished { result, kept });
    };
    (
        handle,
        Updates {
            job: Some(Box::pin(job)),
            rx,
        },
    )
}

/// Runs `work`, through the saved queue when it is kept there; returns the result and the
/// queue entry it ran as.
async fn run_work(
    pool: Arc<Pool>,
    work: Work,
    opts: TransferOptions,
    control: Control,
    events: mpsc::UnboundedSender<Event>,
) -> (Result<JobSummary>, Option<(SharedQueue, u64)>) {
    let (queue, id) = match work {
        Work::Plain(spec) => return (run_job(pool, spec, opts, control, events).await, None),
        Work::Saved(queue, id) => {
            // A job picked up again continues what is there instead of asking about files it
            // already copied; recorded so that a second interruption resumes the same way.
            if let Err(error) = store::settle_conflict(&queue, id).await {
                return (Err(error), None);
            }
            (queue, id)
        }
        Work::New(queue, site, spec) => {
            match store::record(&queue, site, spec.clone(), &opts).await {
                Ok(id) => (queue, id),
                Err(error) => {
                    // The copy matters more than its record: run it, and say what is missing.
                    let _ = events.send(Event::Note(Note::QueueUnsaved { error }));
                    return (run_job(pool, spec, opts, control, events).await, None);
                }
            }
        }
    };
    let result = store::run_recorded(&queue, id, pool, opts, control, events).await;
    (result, Some((queue, id)))
}
