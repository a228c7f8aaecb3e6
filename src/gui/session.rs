//! The connection: `Session` owns what one connection is (disconnected, an attempt under way, or
//! open with its pool of transfer connections), the attempt counter, the pools of closed
//! connections still winding down, the saved site it came from, a password typed with
//! "remember", and the login question's dialog. `impl App` here holds the flows that also touch
//! the panes, the transfers and the notices: connect (quick-connect address or preset options),
//! the questions it asks (host key, password, 2FA) answered through dialogs, reconnecting the
//! browsing connection after a drop or a timeout, and disconnecting. The window honours the
//! command line's `--timeout`, `--keepalive` and `--request-timeout`. One connection at a time:
//! connecting elsewhere asks first and closes the old one (an attempt still under way is aborted,
//! and its late answer closed); Disconnect asks first while transfers run or files are edited, and
//! cancels them.

use std::sync::Arc;

use iced::{Subscription, Task};

use crate::gui::confirm::{Confirm, Next};
use crate::gui::connect::{self, Answer, ConnectEvent, Question};
use crate::gui::dialogs::{self, Dialog};
use crate::gui::pane::Source;
use crate::gui::send::site_of;
use crate::gui::text::{error_text, t};
use crate::gui::{App, Message, transfers};
use ferry_engine::dirs::AppDirs;
use ferry_engine::error::Error;
use ferry_engine::fs::path::FsPath;
use ferry_engine::fs::sftp::SftpOptions;
use ferry_engine::secrets::{Secret, SecretKind};
use ferry_engine::sites::{Site, SiteId};
use ferry_engine::ssh::{ConnectOptions, UnknownHostKey};
use ferry_engine::transfer::pool::Link;
use ferry_engine::transfer::queue::SiteRef;
use ferry_engine::transfer::{ConflictPolicy, Pool};
use ferry_engine::url::{RemoteStart, Target};

#[derive(Debug, Default)]
pub(crate) enum Conn {
    #[default]
    Disconnected,
    /// Connecting to the address shown, to open the folder it names. `attempt` tags the task's
    /// messages (a broken attempt's late answer is told apart and closed); `abort` stops it.
    Connecting {
        server: String,
        start: RemoteStart,
        attempt: u64,
        abort: iced::task::Handle,
    },
    Connected {
        /// True while the browsing connection is being reopened after a drop.
        reconnecting: bool,
        label: String,
        /// `user@host:port` as typed, the key for remembered folders.
        server: String,
        link: Arc<Link>,
        pool: Arc<Pool>,
        /// How the pool's later logins ask the person (see `connect::Asker`).
        asker: connect::Asker,
    },
}

/// The one connection of the window and what belongs to it alone.
#[derive(Default)]
pub(crate) struct Session {
    conn: Conn,
    /// The number of the last connection attempt (see `Conn::Connecting`).
    attempt: u64,
    /// Pools of closed connections whose cancelled jobs have not ended yet: closed again once
    /// they have, so no worker's connection outlives its job.
    closing: Vec<Arc<Pool>>,
    /// The saved site of the connection being made or open.
    via_site: Option<Site>,
    /// A password typed with "remember", stored in the keyring once the login works.
    typed_secret: Option<(SecretKind, Secret)>,
    /// Connected to the built-in demo server (not recorded among recent connections).
    demo: bool,
    /// A login's question (host key, password, passphrase, 2FA prompts).
    dialog: Option<Dialog>,
}

impl Session {
    pub(crate) fn conn(&self) -> &Conn {
        &self.conn
    }

    pub(crate) fn is_connected(&self) -> bool {
        matches!(self.conn, Conn::Connected { .. })
    }

    pub(crate) fn is_idle(&self) -> bool {
        matches!(self.conn, Conn::Disconnected)
    }

    /// The address of the connection open or being made, as the bar shows it.
    pub(crate) fn address(&self) -> String {
        match &self.conn {
            Conn::Disconnected => String::new(),
            Conn::Connecting { server, .. } => server.clone(),
            Conn::Connected { label, .. } => label.clone(),
        }
    }

    /// `user@host:port` of the open connection, as typed (the key for remembered folders).
    pub(crate) fn server(&self) -> Option<&str> {
        match &self.conn {
            Conn::Connected { server, .. } => Some(server),
            _ => None,
        }
    }

    /// The pool a transfer runs on, and the saved queue's name for its server.
    pub(crate) fn job_target(&self) -> Option<(Arc<Pool>, SiteRef)> {
        match &self.conn {
            Conn::Connected { pool, link, .. } => Some((pool.clone(), site_of(link))),
            _ => None,
        }
    }

    /// Transfer settings of the site connected to, if any: parallel files, verification.
    pub(crate) fn site_transfer_options(&self) -> (Option<usize>, bool) {
        match &self.via_site {
            Some(s) => (s.max_transfers.map(usize::from), s.verify_checksum),
            None => (None, false),
        }
    }

    /// What "Set up key login…" works on: the browsing connection, how it logged in, its label
    /// and the saved site it came from. `None` unless connected.
    pub(crate) fn key_setup_parts(
        &self,
    ) -> Option<(Arc<Link>, ConnectOptions, String, Option<Site>)> {
        match &self.conn {
            Conn::Connected {
                link, pool, label, ..
            } => Some((
                link.clone(),
                pool.connect_options().clone(),
                label.clone(),
                self.via_site.clone(),
            )),
            _ => None,
        }
    }

    /// The saved site of the open connection (or of the one being made).
    pub(crate) fn site(&self) -> Option<&Site> {
        self.via_site.as_ref()
    }

    /// A reconnect that needs the person again asks in a dialog.
    pub(crate) fn subscription(&self) -> Subscription<Message> {
        match &self.conn {
            Conn::Connected { asker, .. } => asker.subscription().map(Message::PoolAsked),
            _ => Subscription::none(),
        }
    }

    pub(crate) fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    pub(crate) fn close_dialog(&mut self) {
        self.dialog = None;
    }

    /// The connection about to be made is to a saved site (or, with `None`, is not).
    pub(crate) fn set_site(&mut self, site: Option<Site>) {
        self.via_site = site;
    }

    /// The connection about to be made is to the built-in demo server.
    pub(crate) fn set_demo(&mut self) {
        self.demo = true;
    }

    /// Whether the open connection goes among the recent ones: a quick connection, not a saved
    /// site or the demo.
    pub(crate) fn is_quick(&self) -> bool {
        self.via_site.is_none() && !self.demo
    }

    /// A password typed with "remember" for the saved site connected to, to store now that the
    /// login worked (taken: it is stored once).
    pub(crate) fn take_remembered(&mut self) -> Option<(SiteId, SecretKind, Secret)> {
        match (self.typed_secret.take(), &self.via_site) {
            (Some((kind, secret)), Some(site)) => Some((site.id.clone(), kind, secret)),
            _ => None,
        }
    }

    /// Starts attempt number `attempt + 1` (nothing may be open: see `App::drop_conn`).
    fn start(
        &mut self,
        opts: ConnectOptions,
        sftp: SftpOptions,
        server: String,
        start: RemoteStart,
    ) -> Task<Message> {
        self.attempt += 1;
        let attempt = self.attempt;
        let (task, abort) = Task::run(connect::connect(opts, sftp), move |p| {
            Message::Conn(attempt, p)
        })
        .abortable();
        self.conn = Conn::Connecting {
            server,
            start,
            attempt,
            abort,
        };
        task
    }

    /// Leaves the connection `Disconnected`: an attempt is stopped and its question dropped; an
    /// open connection gives its label and the task that closes it.
    fn close(&mut self) -> Option<(String, Task<Message>)> {
        match std::mem::take(&mut self.conn) {
            Conn::Connected {
                link, pool, label, ..
            } => {
                let close = Task::future(async move {
                    pool.close().await;
                    link.conn.disconnect().await;
                })
                .discard();
                Some((label, close))
            }
            Conn::Connecting { abort, .. } => {
                // Dropping the task drops its socket; dropping the dialog's reply cancels the
                // question it asked.
                abort.abort();
                self.dialog = None;
                None
            }
            Conn::Disconnected => None,
        }
    }

    /// Forgets the site and a typed password (the connection is being closed).
    fn forget(&mut self) {
        self.via_site = None;
        self.typed_secret = None;
    }

    /// Keeps the open connection's pool to close again once its cancelled jobs are over.
    fn keep_closing(&mut self) {
        if let Conn::Connected { pool, .. } = &self.conn {
            self.closing.push(pool.clone());
        }
    }

    /// Closes again the pools of closed connections once no job runs.
    fn close_finished_pools(&mut self, jobs_running: bool) -> Task<Message> {
        if self.closing.is_empty() || jobs_running {
            return Task::none();
        }
        let pools = std::mem::take(&mut self.closing);
        Task::future(async move {
            for pool in pools {
                pool.close().await;
            }
        })
        .discard()
    }

    fn is_current(&self, attempt: u64) -> bool {
        matches!(&self.conn, Conn::Connecting { attempt: a, .. } if *a == attempt)
    }

    /// The attempt logged in: the connection is open, with a pool for transfers. Gives its
    /// label, the folder to open and the pool.
    fn established(
        &mut self,
        link: Arc<Link>,
        opts: ConnectOptions,
        sftp: SftpOptions,
    ) -> (String, RemoteStart, Arc<Pool>) {
        let label = format!(
            "{}@{}",
            link.conn.user,
            ferry_engine::ssh::display_host(&link.conn.host, link.conn.port)
        );
        // Transfers share the browsing connection and open more on slow links (as the command
        // line does); what the person gave (kept in the options' session memory, never written)
        // lets the pool connect them and reconnect after a drop, and what only a person can
        // answer again (a one-time code) is asked in a dialog.
        let asker = connect::Asker::new();
        let mut pool = Pool::with_first(
            opts,
            asker.prompter(),
            link.clone(),
            ferry_engine::transfer::pool::DEFAULT_CONNECTIONS,
        );
        pool.sftp_options = sftp;
        let pool = Arc::new(pool);
        let (server, start) = match std::mem::take(&mut self.conn) {
            Conn::Connecting { server, start, .. } => (server, start),
            _ => (String::new(), RemoteStart::Home(String::new())),
        };
        self.conn = Conn::Connected {
            asker,
            reconnecting: false,
            server,
            label: label.clone(),
            link,
            pool: pool.clone(),
        };
        self.dialog = None;
        (label, start, pool)
    }

    /// The attempt failed: back to `Disconnected`. Gives the address it was for.
    fn failed(&mut self) -> Option<String> {
        let server = match std::mem::take(&mut self.conn) {
            Conn::Connecting { server, .. } => Some(server),
            _ => None,
        };
        self.dialog = None;
        self.typed_secret = None;
        server
    }

    /// Reopens the browsing connection (the pool retries with backoff), then lists `path` again;
    /// gives the label to log. Nothing when not connected or already reconnecting.
    fn reconnect(&mut self, path: FsPath) -> Option<(String, Task<Message>)> {
        let Conn::Connected {
            pool,
            link,
            reconnecting,
            label,
            ..
        } = &mut self.conn
        else {
            return None;
        };
        if *reconnecting {
            return None;
        }
        *reconnecting = true;
        let (pool, lost) = (pool.clone(), link.clone());
        let task = Task::perform(
            async move {
                let control = ferry_engine::transfer::Control::new();
                pool.reconnect(0, &lost, &control).await
            },
            move |r| Message::Reconnected(path.clone(), r),
        );
        Some((label.clone(), task))
    }

    /// The reconnect is over; false when the connection was closed meanwhile.
    fn reconnected(&mut self, r: &Result<Arc<Link>, Error>) -> bool {
        let Conn::Connected {
            link, reconnecting, ..
        } = &mut self.conn
        else {
            return false;
        };
        *reconnecting = false;
        if let Ok(new) = r {
            *link = new.clone();
        }
        true
    }

    /// Shows a question of a login in the dialog; with `keyring_ok`, a password or passphrase for
    /// a saved site can be remembered.
    pub(crate) fn ask(
        &mut self,
        q: Question,
        reply: connect::Reply,
        keyring_ok: bool,
    ) -> Task<Message> {
        let secret = matches!(
            q,
            Question::Password { .. } | Question::ProxyPassword { .. } | Question::Passphrase(_)
        );
        let mut dialog = Dialog::new(q, reply);
        if secret && self.via_site.is_some() && keyring_ok {
            dialog.remember = Some(false);
        }
        self.dialog = Some(dialog);
        iced::widget::operation::focus("dialog-input-0")
    }

    /// A question of the pool's later logins (a reconnect that needs the person again), asked
    /// while connected; otherwise dropped, which cancels that login.
    fn pool_asked(&mut self, p: ConnectEvent, keyring_ok: bool) -> Task<Message> {
        match p {
            ConnectEvent::Ask(q, reply) if self.is_connected() => self.ask(q, reply, keyring_ok),
            _ => Task::none(),
        }
    }

    /// Typing in the dialog, or its answer.
    pub(crate) fn dialog_message(&mut self, m: dialogs::Message) -> Task<Message> {
        let Some(d) = self.dialog.as_mut() else {
            return Task::none();
        };
        match m {
            dialogs::Message::Input(i, s) => {
                if let Some(slot) = d.inputs.get_mut(i) {
                    *slot = s;
                }
                return Task::none();
            }
            dialogs::Message::HostKey(decision) => d.reply.send(Answer::HostKey(decision)),
            dialogs::Message::Remember(on) => {
                d.remember = Some(on);
                return Task::none();
            }
            dialogs::Message::Submit => {
                let answers: Vec<Secret> = d.inputs.clone();
                // Kept until the login succeeds, then stored in the keyring (never a file).
                if d.remember == Some(true)
                    && let Some(first) = answers.first()
                {
                    self.typed_secret = Some((kept_as(&d.question), first.clone()));
                }
                d.reply.send(Answer::Secrets(Some(answers)));
            }
            dialogs::Message::Cancel => d.reply.send(Answer::Secrets(None)),
        }
        self.dialog = None;
        Task::none()
    }
}

impl App {
    /// Connect to the quick-connect address; while connected or connecting, ask first. An address
    /// that cannot be used (a typo, a password in it) is said at once, and the open connection
    /// stays.
    pub(super) fn connect(&mut self) -> Task<Message> {
        if let Err(e) = Target::parse_quick(&self.quick) {
            self.notice = Some(error_text(&e));
            return Task::none();
        }
        self.connect_next(Next::Quick)
    }

    /// Connects as `next` says, or asks "Break current connection?" when one is open or being
    /// made.
    pub(crate) fn connect_next(&mut self, next: Next) -> Task<Message> {
        if !self.session.is_idle() {
            self.confirm = Some(Confirm::Break(next));
            return Task::none();
        }
        match next {
            Next::Quick => self.connect_quick(),
            Next::Site(site) => self.connect_site_now(*site),
        }
    }

    fn connect_quick(&mut self) -> Task<Message> {
        self.session.set_site(None);
        let target = match Target::parse_quick(&self.quick) {
            Ok(t) => t,
            Err(e) => {
                self.notice = Some(error_text(&e));
                return Task::none();
            }
        };
        let dirs = AppDirs::new(self.options.config_dir.as_deref());
        let known_hosts = dirs.known_hosts(self.options.known_hosts.as_deref());
        let user = target
            .user
            .clone()
            .unwrap_or_else(ferry_engine::dirs::local_user);
        let mut opts = ConnectOptions::new(target.host.clone(), target.port, user, known_hosts);
        opts.identity_files = self.options.identity.clone();
        if let Err(e) = self.options.apply_login(&mut opts) {
            self.notice = Some(error_text(&e));
            return Task::none();
        }
        opts.unknown_host_key = UnknownHostKey::Ask;
        if let Some(var) = &self.options.password_env
            && let Ok(v) = std::env::var(var)
        {
            opts.password = Some(Secret::new(v));
        }
        let start = match (&target.path, self.memory.remote_dir(&target.authority())) {
            (RemoteStart::Home(rel), Some(last)) if rel.is_empty() => {
                RemoteStart::Absolute(FsPath::from(last))
            }
            (start, _) => start.clone(),
        };
        self.connect_with(opts, target.authority(), start)
    }

    /// Connects with options made elsewhere (the address bar, or the built-in demo server);
    /// `server` is the `user@host:port` shown and remembered.
    pub(crate) fn connect_with(
        &mut self,
        mut opts: ConnectOptions,
        server: String,
        start: RemoteStart,
    ) -> Task<Message> {
        self.options.apply_timeouts(&mut opts);
        // Never two at once: a site's keyring read may have raced a quick connect.
        let closed = self.drop_conn();
        let task = self
            .session
            .start(opts, self.options.sftp_options(), server, start);
        self.notice = None;
        Task::batch([closed, task])
    }

    /// Disconnect: straight away when nothing is copied or edited, else after asking.
    pub(super) fn ask_disconnect(&mut self) -> Task<Message> {
        if self.transfers.running() > 0 || !self.edits.sessions().is_empty() {
            self.confirm = Some(Confirm::Disconnect);
            return Task::none();
        }
        self.hang_up()
    }

    /// The answer to the question in `self.confirm`.
    pub(super) fn confirmed(&mut self, yes: bool) -> Task<Message> {
        let Some(asked) = self.confirm.take() else {
            return Task::none();
        };
        if !yes {
            return Task::none();
        }
        if let Confirm::Quit(id) = asked {
            return self.close_window(id);
        }
        let closed = self.hang_up();
        let next = match asked {
            Confirm::Break(next) => self.connect_next(next),
            Confirm::Disconnect | Confirm::Quit(_) => Task::none(),
        };
        Task::batch([closed, next])
    }

    /// Cancels the transfers of the connection, then closes it. Their workers stop at the next
    /// chunk; one that was opening a connection meanwhile has it closed when its job ends.
    fn hang_up(&mut self) -> Task<Message> {
        if self.transfers.running() > 0 {
            let _ = self.transfers.update(transfers::Message::CancelAll);
            self.session.keep_closing();
        }
        self.disconnect()
    }

    /// Closes again the pools of closed connections once their cancelled jobs are over.
    pub(super) fn close_finished_pools(&mut self) -> Task<Message> {
        let running = self.transfers.running() > 0;
        self.session.close_finished_pools(running)
    }

    /// The browsing connection dropped while listing `path`: open it again (the pool retries
    /// with backoff) and list the folder once more.
    pub(super) fn reconnect(&mut self, path: FsPath) -> Task<Message> {
        let Some((label, task)) = self.session.reconnect(path) else {
            return Task::none();
        };
        let line = t!("reconnecting-to", address = label.as_str());
        self.transfers.log(line, true);
        task
    }

    pub(super) fn reconnected(
        &mut self,
        path: FsPath,
        r: Result<Arc<Link>, Error>,
    ) -> Task<Message> {
        if !self.session.reconnected(&r) {
            return Task::none();
        }
        match r {
            Ok(new) => {
                self.remote.source = Some(Source::Remote(new));
                self.remote.list(path).map(Message::Remote)
            }
            Err(e) => {
                self.notice = Some(error_text(&e));
                self.transfers.log(error_text(&e), true);
                self.disconnect()
            }
        }
    }

    /// Closes the connection (transfers left as they are: the window closing keeps them in the
    /// saved queue), or stops the attempt under way and drops its question.
    pub(super) fn disconnect(&mut self) -> Task<Message> {
        self.session.forget();
        self.drop_conn()
    }

    /// Closes what the session holds (the remote pane shows nothing then).
    fn drop_conn(&mut self) -> Task<Message> {
        let Some((label, close)) = self.session.close() else {
            return Task::none();
        };
        self.transfers
            .log(t!("log-disconnected", address = label.as_str()), false);
        let _ = self.remote.set_source(None);
        Task::batch([self.stop_edits(), close])
    }

    pub(super) fn pool_asked(&mut self, p: ConnectEvent) -> Task<Message> {
        self.session.pool_asked(p, self.secrets_ok)
    }

    pub(super) fn connection_progress(&mut self, attempt: u64, p: ConnectEvent) -> Task<Message> {
        if !self.session.is_current(attempt) {
            return close_late(p);
        }
        match p {
            ConnectEvent::Ask(q, reply) => self.session.ask(q, reply, self.secrets_ok),
            ConnectEvent::Done(Ok((link, opts))) => self.connected(link, *opts),
            ConnectEvent::Done(Err(e)) => self.connect_failed(e),
        }
    }

    /// Logged in: the remote pane browses the server, and what a crash or a quit left
    /// unfinished for it goes on.
    fn connected(&mut self, link: Arc<Link>, opts: ConnectOptions) -> Task<Message> {
        let sftp = self.options.sftp_options();
        let (label, start, pool) = self.session.established(link.clone(), opts, sftp);
        self.transfers
            .log(t!("log-connected", address = label.as_str()), false);
        let browse = self
            .remote
            .set_source_at(Some(Source::Remote(link.clone())), start)
            .map(Message::Remote);
        let opts = self.transfer_options(ConflictPolicy::Resume);
        let resume = self
            .transfers
            .resume_saved(&pool, &site_of(&link), &opts)
            .map(Message::Transfers);
        let key_setup = self.key_setup_if_asked();
        Task::batch([browse, self.connected_extras(), resume, key_setup])
    }

    fn connect_failed(&mut self, e: Error) -> Task<Message> {
        self.key_setup_after_connect = None;
        if let Some(server) = self.session.failed() {
            let line = t!(
                "log-connect-failed",
                address = server.as_str(),
                error = error_text(&e)
            );
            self.transfers.log(line, true);
        }
        if e.is_host_key_refusal() {
            self.alarm = Some(e);
        } else {
            self.notice = Some(error_text(&e));
        }
        Task::none()
    }
}

/// What an attempt given up for another still sends: a question goes unanswered (which cancels
/// it), a connection it made anyway is closed.
fn close_late(p: ConnectEvent) -> Task<Message> {
    match p {
        ConnectEvent::Done(Ok((link, _))) => Task::future(async move {
            link.sftp.close();
            link.conn.disconnect().await;
        })
        .discard(),
        _ => Task::none(),
    }
}

/// The keyring entry an answer to `q` is remembered in: a proxy's password is never kept as the
/// server's.
fn kept_as(q: &Question) -> SecretKind {
    match q {
        Question::Passphrase(_) => SecretKind::Passphrase,
        Question::ProxyPassword { .. } => SecretKind::ProxyPassword,
        _ => SecretKind::Password,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proxy_password_is_remembered_as_the_proxys() {
        let proxy = Question::ProxyPassword {
            user: "al".into(),
            proxy: "socks5://gate:1080".into(),
        };
        assert_eq!(kept_as(&proxy), SecretKind::ProxyPassword);
        let server = Question::Password {
            user: "al".into(),
            host: "db".into(),
        };
        assert_eq!(kept_as(&server), SecretKind::Password);
        assert_eq!(
            kept_as(&Question::Passphrase("/k".into())),
            SecretKind::Passphrase
        );
    }
}
