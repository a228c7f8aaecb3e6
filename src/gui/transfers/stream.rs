//! Runs one transfer job in a task and turns what it reports into panel messages: engine events
//! and conflicts that need a person. A job with a saved queue is recorded there first and runs
//! through it (the engine's `transfer::manager`, as `ferry get` does), so a crash or a quit leaves
//! it unfinished on disk, to be picked up at the next connection to its site. The queue file is
//! written by the manager on the blocking pool, never on the UI thread.

use std::sync::Arc;

use async_trait::async_trait;
use iced::futures::{SinkExt, Stream};
use tokio::sync::{mpsc, oneshot};

use crate::gui::connect::Reply;
use crate::gui::transfers::Message;
use ferry_engine::error::Error;
use ferry_engine::transfer::manager::{self, SharedQueue};
use ferry_engine::transfer::queue::SiteRef;
use ferry_engine::transfer::{
    ConflictInfo, ConflictPolicy, ConflictResolver, Control, Event, JobSpec, JobSummary, Note,
    Pool, TransferOptions, run_job,
};

/// A conflict's answer: the choice and "apply to the rest of this job", or `None` to skip.
pub type Choice = Option<(ConflictPolicy, bool)>;

/// Hands conflicts to the panel and waits for the person's answer.
struct AskThePanel(mpsc::UnboundedSender<(ConflictInfo, oneshot::Sender<Choice>)>);

#[async_trait]
impl ConflictResolver for AskThePanel {
    async fn resolve(&self, info: &ConflictInfo) -> Choice {
        let (tx, rx) = oneshot::channel();
        self.0.send((info.clone(), tx)).ok()?;
        rx.await.ok().flatten()
    }
}

/// How a job is kept in the saved queue.
#[derive(Debug, Clone)]
pub enum Saved {
    /// Not at all (no queue file could be opened).
    No,
    /// A new job for this site: recorded before it starts.
    New(SharedQueue, SiteRef),
    /// A job left unfinished by an earlier run, already in the queue under this id.
    Existing(SharedQueue, u64),
}

/// Runs `spec` (or the saved job) through the queue when there is one, with the engine's
/// manager (which writes the queue file on the blocking pool).
async fn run(
    pool: Arc<Pool>,
    spec: JobSpec,
    opts: TransferOptions,
    control: Control,
    saved: Saved,
    events: mpsc::UnboundedSender<Event>,
) -> Result<JobSummary, Error> {
    let (queue, id) = match saved {
        Saved::No => return run_job(pool, spec, opts, control, events).await,
        Saved::Existing(queue, id) => {
            // Resumed jobs continue what is there rather than ask; recorded so a second crash
            // resumes the same way.
            let _ = manager::set_conflict(&queue, id, opts.conflict).await;
            (queue, id)
        }
        Saved::New(queue, site) => {
            match manager::record(&queue, site, spec.clone(), opts.conflict, opts.verify).await {
                Ok(id) => (queue, id),
                Err(e) => {
                    // The copy matters more than its record: run it, and say what is missing.
                    let _ = events.send(Event::Note(Note::QueueUnsaved { error: e }));
                    return run_job(pool, spec, opts, control, events).await;
                }
            }
        }
    };
    manager::run_recorded(&queue, id, pool, opts, control, events).await
}

pub fn job(
    id: u64,
    pool: Arc<Pool>,
    spec: JobSpec,
    mut opts: TransferOptions,
    control: Control,
    saved: Saved,
) -> impl Stream<Item = Message> {
    iced::stream::channel(
        64,
        async move |mut out: iced::futures::channel::mpsc::Sender<Message>| {
            let (ask_tx, mut asks) = mpsc::unbounded_channel();
            if opts.conflict == ConflictPolicy::Ask {
                opts.resolver = Some(Arc::new(AskThePanel(ask_tx)));
            }
            let (tx, mut rx) = mpsc::unbounded_channel();
            let job = run(pool, spec, opts, control, saved, tx);
            tokio::pin!(job);
            let result = loop {
                tokio::select! {
                    r = &mut job => break r,
                    Some(ev) = rx.recv() => {
                        let _ = out.send(Message::Event(id, ev)).await;
                    }
                    Some((info, answer)) = asks.recv() => {
                        let _ = out.send(Message::Conflict(id, info, Reply::new(answer))).await;
                    }
                }
            };
            while let Ok(ev) = rx.try_recv() {
                let _ = out.send(Message::Event(id, ev)).await;
            }
            let _ = out.send(Message::Finished(id, result)).await;
        },
    )
}
