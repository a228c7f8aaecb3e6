//! Connecting from the GUI without blocking it: the engine's `connect` runs in a task whose stream
//! yields the questions it needs answered (host key, password, passphrase, 2FA prompts) and then the
//! result. Each question carries a reply channel; the dialog answers it, and dropping it cancels.

use std::path::Path;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use iced::futures::{SinkExt, Stream};
use tokio::sync::{mpsc, oneshot};

use crate::engine::error::Error;
use crate::engine::prompt::{HostKeyDecision, HostKeyInfo, InteractiveRequest, Prompter};
use crate::engine::secret::Secret;
use crate::engine::sftp::{SftpFs, SftpOptions};
use crate::engine::ssh::{self, ConnectOptions};
use crate::engine::transfer::pool::Link;

/// Something the connection needs a person to decide or type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    HostKey(HostKeyInfo),
    Password { user: String, host: String },
    Passphrase(String),
    Interactive(InteractiveRequest),
}

#[derive(Debug)]
pub enum Answer {
    HostKey(HostKeyDecision),
    /// Typed answers (one per prompt); `None` = cancelled.
    Secrets(Option<Vec<Secret>>),
}

/// The reply channel of one question, cloneable so it can sit in a `Message`. The first answer
/// wins; later ones are dropped.
pub struct Reply<T = Answer>(Arc<Mutex<Option<oneshot::Sender<T>>>>);

impl<T> Clone for Reply<T> {
    fn clone(&self) -> Self {
        Reply(self.0.clone())
    }
}

impl<T> Reply<T> {
    pub fn new(tx: oneshot::Sender<T>) -> Reply<T> {
        Reply(Arc::new(Mutex::new(Some(tx))))
    }

    pub fn send(&self, a: T) {
        if let Some(tx) = self.0.lock().ok().and_then(|mut s| s.take()) {
            let _ = tx.send(a);
        }
    }
}

impl<T> std::fmt::Debug for Reply<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Reply") // i18n-ok: Debug
    }
}

#[derive(Debug, Clone)]
pub enum Progress {
    Ask(Question, Reply),
    /// Connected (with the options to open more connections: the password typed is kept in memory
    /// for reconnecting, never written anywhere), or why not.
    Done(Result<(Arc<Link>, Box<ConnectOptions>), Error>),
}

struct GuiPrompter {
    tx: mpsc::UnboundedSender<(Question, oneshot::Sender<Answer>)>,
    last_password: Mutex<Option<Secret>>,
}

impl GuiPrompter {
    async fn ask(&self, q: Question) -> Option<Answer> {
        let (tx, rx) = oneshot::channel();
        self.tx.send((q, tx)).ok()?;
        rx.await.ok()
    }

    async fn secrets(&self, q: Question) -> Option<Vec<Secret>> {
        match self.ask(q).await? {
            Answer::Secrets(s) => s,
            Answer::HostKey(_) => None,
        }
    }
}

#[async_trait]
impl Prompter for GuiPrompter {
    async fn confirm_host_key(&self, info: &HostKeyInfo) -> HostKeyDecision {
        match self.ask(Question::HostKey(info.clone())).await {
            Some(Answer::HostKey(d)) => d,
            _ => HostKeyDecision::Reject,
        }
    }

    async fn password(&self, user: &str, host: &str) -> Option<Secret> {
        let q = Question::Password {
            user: user.into(),
            host: host.into(),
        };
        let pw = self.secrets(q).await?.into_iter().next()?;
        if let Ok(mut l) = self.last_password.lock() {
            *l = Some(pw.clone());
        }
        Some(pw)
    }

    async fn passphrase(&self, key_file: &Path) -> Option<Secret> {
        self.secrets(Question::Passphrase(key_file.display().to_string()))
            .await?
            .into_iter()
            .next()
    }

    async fn keyboard_interactive(&self, request: &InteractiveRequest) -> Option<Vec<Secret>> {
        self.secrets(Question::Interactive(request.clone())).await
    }
}

/// Connects and opens SFTP, asking through the stream.
pub fn connect(mut opts: ConnectOptions) -> impl Stream<Item = Progress> {
    iced::stream::channel(
        4,
        async move |mut out: iced::futures::channel::mpsc::Sender<Progress>| {
            let (tx, mut rx) = mpsc::unbounded_channel();
            let prompter = Arc::new(GuiPrompter {
                tx,
                last_password: Mutex::new(None),
            });
            let p = prompter.clone();
            let o = opts.clone();
            let work = async move {
                let conn = ssh::connect(&o, p).await?;
                let sftp = SftpFs::open(&conn, SftpOptions::default()).await?;
                Ok::<_, Error>(Arc::new(Link {
                    conn,
                    sftp,
                    generation: 0,
                }))
            };
            tokio::pin!(work);
            loop {
                tokio::select! {
                    result = &mut work => {
                        if let Some(pw) = prompter.last_password.lock().ok().and_then(|mut l| l.take()) {
                            opts.password = Some(pw);
                        }
                        let _ = out.send(Progress::Done(result.map(|l| (l, Box::new(opts))))).await;
                        break;
                    }
                    Some((q, reply)) = rx.recv() => {
                        let _ = out.send(Progress::Ask(q, Reply::new(reply))).await;
                    }
                }
            }
        },
    )
}
