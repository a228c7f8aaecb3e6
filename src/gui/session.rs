//! The connection's life in the app: connect (quick-connect address or preset options), the
//! questions it asks (host key, password, 2FA) answered through dialogs, reconnecting the browsing
//! connection after a drop or a timeout, and disconnecting. The window honours the command line's
//! `--timeout`, `--keepalive` and `--request-timeout`. One connection at a time: connecting
//! elsewhere asks first and closes the old one (an attempt still under way is aborted, and its late
//! answer closed); Disconnect asks first while transfers run, and cancels them.

use super::*;
use crate::gui::confirm::{Confirm, Next};
use crate::gui::connect::Question;

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
        if !matches!(self.conn, Conn::Disconnected) {
            self.confirm = Some(Confirm::Break(next));
            return Task::none();
        }
        match next {
            Next::Quick => self.connect_quick(),
            Next::Site(site) => self.connect_site_now(*site),
        }
    }

    fn connect_quick(&mut self) -> Task<Message> {
        self.via_site = None;
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
        opts.use_agent = !self.options.no_agent;
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
        self.attempt += 1;
        let attempt = self.attempt;
        let sftp = self.options.sftp_options();
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
        self.notice = None;
        Task::batch([closed, task])
    }

    /// The address of the connection open or being made, as the bar shows it.
    pub(super) fn current_address(&self) -> String {
        match &self.conn {
            Conn::Disconnected => String::new(),
            Conn::Connecting { server, .. } => server.clone(),
            Conn::Connected { label, .. } => label.clone(),
        }
    }

    /// Disconnect: straight away when nothing is copied, else after asking.
    pub(super) fn ask_disconnect(&mut self) -> Task<Message> {
        if self.transfers.running() > 0 {
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
        let closed = self.hang_up();
        let next = match asked {
            Confirm::Disconnect => Task::none(),
            Confirm::Break(next) => self.connect_next(next),
        };
        Task::batch([closed, next])
    }

    /// Cancels the transfers of the connection, then closes it. Their workers stop at the next
    /// chunk; one that was opening a connection meanwhile has it closed when its job ends.
    pub(super) fn hang_up(&mut self) -> Task<Message> {
        if self.transfers.running() > 0 {
            let _ = self.transfers.update(transfers::Message::CancelAll);
            if let Conn::Connected { pool, .. } = &self.conn {
                self.closing.push(pool.clone());
            }
        }
        self.disconnect()
    }

    /// Closes again the pools of closed connections once their cancelled jobs are over.
    pub(super) fn close_finished_pools(&mut self) -> Task<Message> {
        if self.closing.is_empty() || self.transfers.running() > 0 {
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

    /// The browsing connection dropped while listing `path`: open it again (the pool retries
    /// with backoff) and list the folder once more.
    pub(super) fn reconnect(&mut self, path: FsPath) -> Task<Message> {
        let Conn::Connected {
            pool,
            link,
            reconnecting,
            label,
            ..
        } = &mut self.conn
        else {
            return Task::none();
        };
        if *reconnecting {
            return Task::none();
        }
        *reconnecting = true;
        let line = t!("reconnecting-to", address = label.as_str());
        self.transfers.log(line, true);
        let (pool, lost) = (pool.clone(), link.clone());
        Task::perform(
            async move {
                let control = ferry_engine::transfer::Control::new();
                pool.reconnect(0, &lost, &control).await
            },
            move |r| Message::Reconnected(path.clone(), r),
        )
    }

    pub(super) fn reconnected(
        &mut self,
        path: FsPath,
        r: Result<Arc<Link>, Error>,
    ) -> Task<Message> {
        let Conn::Connected {
            link, reconnecting, ..
        } = &mut self.conn
        else {
            return Task::none();
        };
        *reconnecting = false;
        match r {
            Ok(new) => {
                *link = new.clone();
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
        self.via_site = None;
        self.typed_secret = None;
        self.drop_conn()
    }

    /// Closes what `self.conn` holds and leaves it `Disconnected`.
    fn drop_conn(&mut self) -> Task<Message> {
        match std::mem::replace(&mut self.conn, Conn::Disconnected) {
            Conn::Connected {
                link, pool, label, ..
            } => {
                self.transfers
                    .log(t!("log-disconnected", address = label.as_str()), false);
                let _ = self.remote.set_source(None);
                Task::future(async move {
                    pool.close().await;
                    link.conn.disconnect().await;
                })
                .discard()
            }
            Conn::Connecting { abort, .. } => {
                // Dropping the task drops its socket; dropping the dialog's reply cancels the
                // question it asked.
                abort.abort();
                self.dialog = None;
                Task::none()
            }
            Conn::Disconnected => Task::none(),
        }
    }

    /// Shows a question of a login in the dialog.
    fn ask(&mut self, q: Question, reply: connect::Reply) -> Task<Message> {
        let secret = matches!(q, Question::Password { .. } | Question::Passphrase(_));
        let mut dialog = Dialog::new(q, reply);
        if secret && self.via_site.is_some() && self.secrets_ok {
            dialog.remember = Some(false);
        }
        self.dialog = Some(dialog);
        iced::widget::operation::focus("dialog-input-0")
    }

    /// A question of the pool's later logins (a reconnect that needs the person again), asked
    /// while connected; otherwise dropped, which cancels that login.
    pub(super) fn pool_asked(&mut self, p: ConnectEvent) -> Task<Message> {
        match p {
            ConnectEvent::Ask(q, reply) if matches!(self.conn, Conn::Connected { .. }) => {
                self.ask(q, reply)
            }
            _ => Task::none(),
        }
    }

    pub(super) fn connection_progress(&mut self, attempt: u64, p: ConnectEvent) -> Task<Message> {
        let current = matches!(&self.conn, Conn::Connecting { attempt: a, .. } if *a == attempt);
        if !current {
            // An attempt given up for another: a question goes unanswered (which cancels it), a
            // connection it made anyway is closed.
            return match p {
                ConnectEvent::Done(Ok((link, _))) => Task::future(async move {
                    link.sftp.close();
                    link.conn.disconnect().await;
                })
                .discard(),
                _ => Task::none(),
            };
        }
        match p {
            ConnectEvent::Ask(q, reply) => self.ask(q, reply),
            ConnectEvent::Done(Ok((link, opts))) => {
                let label = format!(
                    "{}@{}",
                    link.conn.user,
                    ferry_engine::ssh::display_host(&link.conn.host, link.conn.port)
                );
                // Transfers share the browsing connection and open more on slow links (as the
                // command line does); what the person gave (kept in the options' session memory,
                // never written) lets the pool connect them and reconnect after a drop, and what
                // only a person can answer again (a one-time code) is asked in a dialog.
                let asker = connect::Asker::new();
                let mut pool = Pool::with_first(
                    *opts,
                    asker.prompter(),
                    link.clone(),
                    ferry_engine::transfer::pool::DEFAULT_CONNECTIONS,
                );
                pool.sftp_options = self.options.sftp_options();
                let pool = Arc::new(pool);
                let (server, start) = match std::mem::replace(&mut self.conn, Conn::Disconnected) {
                    Conn::Connecting { server, start, .. } => (server, start),
                    _ => (String::new(), RemoteStart::Home(String::new())),
                };
                self.transfers
                    .log(t!("log-connected", address = label.as_str()), false);
                self.conn = Conn::Connected {
                    asker,
                    reconnecting: false,
                    server,
                    label,
                    link: link.clone(),
                    pool,
                };
                self.dialog = None;
                let browse = self
                    .remote
                    .set_source_at(Some(Source::Remote(link.clone())), start)
                    .map(Message::Remote);
                // What a crash or a quit left unfinished for this server goes on now.
                let resume = match &self.conn {
                    Conn::Connected { pool, .. } => {
                        let opts = self.transfer_options(ConflictPolicy::Resume);
                        let pool = pool.clone();
                        self.transfers
                            .resume_saved(&pool, &super::send::site_of(&link), &opts)
                            .map(Message::Transfers)
                    }
                    _ => Task::none(),
                };
                Task::batch([browse, self.connected_extras(), resume])
            }
            ConnectEvent::Done(Err(e)) => {
                if let Conn::Connecting { server: a, .. } = &self.conn {
                    let line = t!(
                        "log-connect-failed",
                        address = a.as_str(),
                        error = error_text(&e)
                    );
                    self.transfers.log(line, true);
                }
                self.conn = Conn::Disconnected;
                self.dialog = None;
                self.typed_secret = None;
                if e.is_host_key_refusal() {
                    self.alarm = Some(e);
                } else {
                    self.notice = Some(error_text(&e));
                }
                Task::none()
            }
        }
    }

    pub(super) fn dialog_message(&mut self, m: dialogs::Message) -> Task<Message> {
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
                    let kind = match d.question {
                        Question::Passphrase(_) => ferry_engine::secrets::SecretKind::Passphrase,
                        _ => ferry_engine::secrets::SecretKind::Password,
                    };
                    self.typed_secret = Some((kind, first.clone()));
                }
                d.reply.send(Answer::Secrets(Some(answers)));
            }
            dialogs::Message::Cancel => d.reply.send(Answer::Secrets(None)),
        }
        self.dialog = None;
        Task::none()
    }
}
