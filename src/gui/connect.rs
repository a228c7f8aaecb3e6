//! Connecting from the GUI without blocking it: the engine's `connect` runs in a task whose stream
//! yields the questions it needs answered (host key, password, passphrase, 2FA prompts) and then the
//! result. Each question carries a reply channel; the dialog answers it, and dropping it cancels.
//!
//! Later logins of the same session (the pool's extra connections and reconnects) ask through an
//! [`Asker`], whose questions reach the window through a subscription, one at a time.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use iced::futures::{SinkExt, Stream};
use tokio::sync::{mpsc, oneshot};

use ferry_engine::error::Error;
use ferry_engine::fs::sftp::SftpOptions;
use ferry_engine::link::Link;
use ferry_engine::secrets::Secret;
use ferry_engine::ssh::ConnectOptions;
use ferry_engine::ssh::prompt::{HostKeyDecision, HostKeyInfo, InteractiveRequest, Prompter};

/// Something the connection needs a person to decide or type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    HostKey(HostKeyInfo),
    Password {
        user: String,
        host: String,
    },
    /// The password of `user` at the proxy `proxy` (`socks5://host:port`).
    ProxyPassword {
        user: String,
        proxy: String,
    },
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
pub enum ConnectEvent {
    Ask(Question, Reply),
    /// Connected (with the options to open more connections: their session memory holds what the
    /// person gave — a typed password, a key opened with a typed passphrase, a host key accepted
    /// once — in memory only, never written anywhere), or why not.
    Done(Result<(Arc<Link>, Box<ConnectOptions>), Error>),
}

type Asked = (Question, oneshot::Sender<Answer>);

struct GuiPrompter {
    tx: mpsc::UnboundedSender<Asked>,
    /// One question at a time: the window shows one dialog.
    one_at_a_time: tokio::sync::Mutex<()>,
}

impl GuiPrompter {
    fn new(tx: mpsc::UnboundedSender<Asked>) -> GuiPrompter {
        GuiPrompter {
            tx,
            one_at_a_time: tokio::sync::Mutex::new(()),
        }
    }

    async fn ask(&self, q: Question) -> Option<Answer> {
        let _turn = self.one_at_a_time.lock().await;
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
        self.secrets(q).await?.into_iter().next()
    }

    async fn proxy_password(&self, user: &str, proxy: &str) -> Option<Secret> {
        let q = Question::ProxyPassword {
            user: user.into(),
            proxy: proxy.into(),
        };
        self.secrets(q).await?.into_iter().next()
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
pub fn connect(opts: ConnectOptions, sftp: SftpOptions) -> impl Stream<Item = ConnectEvent> {
    iced::stream::channel(
        4,
        async move |mut out: iced::futures::channel::mpsc::Sender<ConnectEvent>| {
            let (tx, mut rx) = mpsc::unbounded_channel();
            let prompter = Arc::new(GuiPrompter::new(tx));
            // The clone shares the session memory: what this login learns, `opts` knows.
            let o = opts.clone();
            let work = async move { Link::open(&o, sftp, prompter).await.map(Arc::new) };
            tokio::pin!(work);
            loop {
                tokio::select! {
                    result = &mut work => {
                        let _ = out.send(ConnectEvent::Done(result.map(|l| (l, Box::new(opts))))).await;
                        break;
                    }
                    Some((q, reply)) = rx.recv() => {
                        let _ = out.send(ConnectEvent::Ask(q, Reply::new(reply))).await;
                    }
                }
            }
        },
    )
}

/// The window's prompter for the logins after the first (the pool's reconnects): its questions
/// come to the window through [`Asker::subscription`] while the connection is open.
#[derive(Clone)]
pub struct Asker {
    prompter: Arc<GuiPrompter>,
    questions: Questions,
}

/// The receiving end of an [`Asker`], told apart from another connection's by its number.
#[derive(Clone)]
struct Questions {
    id: u64,
    rx: Arc<tokio::sync::Mutex<mpsc::UnboundedReceiver<Asked>>>,
}

impl std::hash::Hash for Questions {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

impl std::fmt::Debug for Asker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Asker({})", self.questions.id) // i18n-ok: Debug
    }
}

impl Default for Asker {
    fn default() -> Self {
        Self::new()
    }
}

impl Asker {
    pub fn new() -> Asker {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let (tx, rx) = mpsc::unbounded_channel();
        Asker {
            prompter: Arc::new(GuiPrompter::new(tx)),
            questions: Questions {
                id: NEXT.fetch_add(1, Ordering::Relaxed),
                rx: Arc::new(tokio::sync::Mutex::new(rx)),
            },
        }
    }

    pub fn prompter(&self) -> Arc<dyn Prompter> {
        self.prompter.clone()
    }

    /// The questions asked through [`Asker::prompter`], as they come.
    pub fn subscription(&self) -> iced::Subscription<ConnectEvent> {
        iced::Subscription::run_with(self.questions.clone(), |q| {
            let rx = q.rx.clone();
            iced::stream::channel(
                1,
                async move |mut out: iced::futures::channel::mpsc::Sender<ConnectEvent>| {
                    while let Some((q, reply)) = rx.lock().await.recv().await {
                        if out
                            .send(ConnectEvent::Ask(q, Reply::new(reply)))
                            .await
                            .is_err()
                        {
                            break;
                        }
                    }
                },
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// The window shows one dialog: the pool's slots asking at once get their turns one by one,
    /// each answer goes back to the login that asked, and a dialog closed unanswered cancels.
    #[tokio::test]
    async fn the_pools_questions_come_one_at_a_time() {
        let asker = Asker::new();
        let p = asker.prompter();
        let first = tokio::spawn({
            let p = p.clone();
            async move { p.password("u", "h").await }
        });
        let mut rx = asker.questions.rx.lock().await;
        let (q, reply) = rx.recv().await.expect("first question");
        assert!(matches!(q, Question::Password { .. }), "{q:?}");
        let second = tokio::spawn({
            let p = p.clone();
            async move { p.passphrase(Path::new("/k")).await }
        });
        let early = tokio::time::timeout(Duration::from_millis(200), rx.recv()).await;
        assert!(
            early.is_err(),
            "a second question came while the first was open"
        );
        let _ = reply.send(Answer::Secrets(Some(vec![Secret::new("typed")])));
        let typed = first.await.expect("task").expect("answered");
        assert_eq!(typed.expose(), "typed");
        let (q, reply) = rx.recv().await.expect("second question");
        assert_eq!(q, Question::Passphrase("/k".into()));
        drop(reply);
        assert!(second.await.expect("task").is_none());
    }
}
