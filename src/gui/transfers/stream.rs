//! Runs one transfer job in a task and turns what it reports into panel messages: engine events
//! (per-file progress is dropped here rather than flood the UI) and conflicts that need a person.

use std::sync::Arc;

use async_trait::async_trait;
use iced::futures::{SinkExt, Stream};
use tokio::sync::{mpsc, oneshot};

use crate::engine::transfer::{
    ConflictInfo, ConflictPolicy, ConflictResolver, Control, Event, JobSpec, Pool, TransferOptions,
    run_job,
};
use crate::gui::connect::Reply;
use crate::gui::transfers::Message;

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

pub fn job(
    id: u64,
    pool: Arc<Pool>,
    spec: JobSpec,
    mut opts: TransferOptions,
    control: Control,
) -> impl Stream<Item = Message> {
    iced::stream::channel(
        64,
        async move |mut out: iced::futures::channel::mpsc::Sender<Message>| {
            let (ask_tx, mut asks) = mpsc::unbounded_channel();
            if opts.conflict == ConflictPolicy::Ask {
                opts.resolver = Some(Arc::new(AskThePanel(ask_tx)));
            }
            let (tx, mut rx) = mpsc::unbounded_channel();
            let job = run_job(pool, spec, opts, control, tx);
            tokio::pin!(job);
            let wanted = |ev: &Event| !matches!(ev, Event::FileProgress { .. });
            let result = loop {
                tokio::select! {
                    r = &mut job => break r,
                    Some(ev) = rx.recv() => {
                        if wanted(&ev) {
                            let _ = out.send(Message::Event(id, ev)).await;
                        }
                    }
                    Some((info, answer)) = asks.recv() => {
                        let _ = out.send(Message::Conflict(id, info, Reply::new(answer))).await;
                    }
                }
            };
            while let Ok(ev) = rx.try_recv() {
                if wanted(&ev) {
                    let _ = out.send(Message::Event(id, ev)).await;
                }
            }
            let _ = out.send(Message::Finished(id, result)).await;
        },
    )
}
