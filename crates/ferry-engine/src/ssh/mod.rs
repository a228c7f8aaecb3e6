//! One SSH connection: resolve, connect with a timeout, check the host key, authenticate, keep alive.
//!
//! Owns the russh client configuration (AES-GCM first, large window, no Nagle — see
//! `shared/ENGINE-NOTES.md`) and the host-key policy: every key is checked against known_hosts, a
//! changed key or a different key type on a known host is refused whatever the caller asked for, and
//! an unknown key is refused, learned, or put to the [`Prompter`] as the caller chose. Authentication
//! lives in `auth.rs`; the socket (lookup, dial) in `socket.rs`; jump hosts (ProxyJump: each hop a
//! connection, the next carried over its `direct-tcpip` channel) in `jump.rs`; SOCKS5 and HTTP CONNECT proxies
//! in front of the first server in `proxy/`; the SFTP session on
//! a connection in `fs/sftp`, and the two opened together (what every face does) in `link.rs`.

pub mod agent;
pub mod auth;
pub mod hostkeys;
pub mod jump;
pub mod login;
pub mod prompt;
pub mod proxy;
pub mod socket;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use russh::client::{self, Handle};
use russh::keys::PublicKeyOrCertificate;
use russh::keys::ssh_key::{Algorithm, PublicKey};
use russh::{ChannelMsg, Preferred, cipher};

use crate::error::{Error, Result};
use crate::secrets::Secret;
use crate::ssh::hostkeys::{HostKeyStatus, KnownHosts};
use crate::ssh::jump::Hop;
use crate::ssh::login::SessionMemory;
use crate::ssh::prompt::{HostKeyDecision, HostKeyInfo, Prompter};

/// What to do with a host key that no known_hosts file mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnknownHostKey {
    /// Refuse, like OpenSSH's `StrictHostKeyChecking yes` (the CLI default without a terminal).
    Refuse,
    /// Record it and go on, like `StrictHostKeyChecking accept-new`.
    AcceptNew,
    /// Ask the prompter.
    Ask,
}

/// Everything needed to open one connection. Holds no secret in its `Debug` output.
#[derive(Debug, Clone)]
pub struct ConnectOptions {
    pub host: String,
    pub port: u16,
    pub user: String,
    /// Key files to try; empty means OpenSSH's defaults (`~/.ssh/id_ed25519`, `id_ecdsa`, `id_rsa`).
    pub identity_files: Vec<PathBuf>,
    /// With no `identity_files`, try OpenSSH's default key files (the usual case).
    pub default_key_files: bool,
    /// Try the keys of a running ssh-agent (or Pageant on Windows).
    pub use_agent: bool,
    /// Of the agent's keys, offer only the one with this SHA256 fingerprint (`SHA256:…`), as
    /// OpenSSH's `IdentitiesOnly` does with an agent key: the server's tries are not spent on
    /// the others. `None` offers them all.
    pub agent_key: Option<String>,
    /// A password known in advance (scripted use, or from the keyring); tried for `password` and
    /// for a keyboard-interactive password prompt before the prompter is asked.
    pub password: Option<Secret>,
    /// A key passphrase known in advance (from the keyring); tried once on an encrypted key file
    /// before the prompter is asked.
    pub passphrase: Option<Secret>,
    pub known_hosts: KnownHosts,
    pub unknown_host_key: UnknownHostKey,
    pub connect_timeout: Duration,
    pub keepalive_interval: Duration,
    /// What this session's logins learned from a person (a key opened with a typed passphrase, a
    /// host key accepted once, a typed password, whether a second factor was needed), so the next
    /// connection need not ask. Shared by clones: the clones of one options value are one session.
    pub session: SessionMemory,
    /// The jump hosts to go through, first to last (OpenSSH's ProxyJump); empty connects directly.
    /// Each hop logs in with the agent and the same key files, never with `password`.
    pub jump: Vec<Hop>,
    /// The SOCKS5 or HTTP proxy the target (or, with `jump`, the first hop) is reached through;
    /// `None` dials directly.
    pub proxy: Option<proxy::Proxy>,
}

impl ConnectOptions {
    pub fn new(
        host: impl Into<String>,
        port: u16,
        user: impl Into<String>,
        known_hosts: KnownHosts,
    ) -> Self {
        ConnectOptions {
            host: host.into(),
            port,
            user: user.into(),
            identity_files: Vec::new(),
            default_key_files: true,
            use_agent: true,
            agent_key: None,
            password: None,
            passphrase: None,
            known_hosts,
            unknown_host_key: UnknownHostKey::Refuse,
            connect_timeout: Duration::from_secs(15),
            keepalive_interval: Duration::from_secs(15),
            session: SessionMemory::default(),
            jump: Vec::new(),
            proxy: None,
        }
    }

    /// The same options for another session: nothing a person gave to this one (or to its jump
    /// hosts) carries over.
    pub fn new_session(&self) -> ConnectOptions {
        ConnectOptions {
            session: SessionMemory::default(),
            jump: self.jump.iter().map(Hop::new_session).collect(),
            proxy: self.proxy.as_ref().map(proxy::Proxy::new_session),
            ..self.clone()
        }
    }

    /// The options that log in with `key` alone, to check that it works: no password (known,
    /// typed or remembered), no other key file, the agent only when the key is the agent's.
    /// A host key accepted for this session only is still accepted; nothing else carries over.
    pub fn key_only(&self, key: &LoginKey, passphrase: Option<Secret>) -> ConnectOptions {
        let mut opts = ConnectOptions {
            session: self.session.host_keys_only(),
            password: None,
            passphrase,
            // The jump hosts log in as they did (their own memory included); only the target's
            // login is narrowed to the key.
            jump: self.jump.iter().map(|h| h.keeping_keys(self)).collect(),
            ..self.clone()
        };
        match key {
            LoginKey::File(path) => {
                opts.identity_files = vec![path.clone()];
                opts.use_agent = false;
                opts.agent_key = None;
            }
            LoginKey::Agent(fingerprint) => {
                opts.identity_files = Vec::new();
                opts.default_key_files = false;
                opts.use_agent = true;
                opts.agent_key = Some(fingerprint.clone());
            }
        }
        opts
    }
}

/// A key to log in with: a private key file, or the agent's key with this SHA256 fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginKey {
    File(PathBuf),
    Agent(String),
}

/// How long [`Connection::exec`] waits for the server's first reply to an exec request.
pub const EXEC_REPLY_TIMEOUT: Duration = Duration::from_secs(10);

/// An authenticated SSH connection.
pub struct Connection {
    pub(crate) handle: Handle<ClientHandler>,
    pub host: String,
    pub port: u16,
    pub user: String,
    /// The address dialled: the server's, a SOCKS or HTTP proxy's in front of it, the jump
    /// host's for a server behind one; unspecified (0.0.0.0:0) over a proxy command.
    pub addr: SocketAddr,
    /// Why the SSH session ended, once it has (keepalive timeout, reset, …).
    ended: Arc<Mutex<Option<Error>>>,
    /// The server's identification line (`SSH-2.0-OpenSSH_9.2p1 …`), once a channel opened.
    software: Arc<Mutex<Option<String>>>,
    /// The jump hosts this connection goes through, first to last: kept open while it lives,
    /// closed with it.
    pub(crate) jump: Vec<Connection>,
}

impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Connection({}@{}:{})", self.user, self.host, self.port)
    }
}

/// Opens a connection (through the jump hosts, if any) and authenticates. Errors are the kinds in
/// [`Error`], ready to show.
pub async fn connect(opts: &ConnectOptions, prompter: Arc<dyn Prompter>) -> Result<Connection> {
    if !opts.jump.is_empty() {
        return jump::connect_through(opts, prompter).await;
    }
    connect_direct(opts, prompter).await
}

/// Connects over TCP to `opts.host` itself, whatever `opts.jump` says.
pub(crate) async fn connect_direct(
    opts: &ConnectOptions,
    prompter: Arc<dyn Prompter>,
) -> Result<Connection> {
    if let Some(proxy) = &opts.proxy {
        return proxy::log_in_through(proxy, opts, prompter).await;
    }
    let addrs = socket::resolve(&opts.host, opts.port, opts.connect_timeout).await?;
    let (stream, addr) = socket::dial(&opts.host, &addrs, opts.connect_timeout).await?;
    stream.set_nodelay(true).ok();
    log_in_over(socket::wire(stream), addr, opts, prompter).await
}

/// The SSH session with `opts.host` over `stream` (a socket, or a channel of a jump host): the
/// handshake with its host-key check, then the login. `addr` is the peer address dialled.
pub(crate) async fn log_in_over<S>(
    stream: S,
    addr: SocketAddr,
    opts: &ConnectOptions,
    prompter: Arc<dyn Prompter>,
) -> Result<Connection>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let refusal = Arc::new(Mutex::new(None));
    let ended = Arc::new(Mutex::new(None));
    let software = Arc::new(Mutex::new(None));
    let handler = ClientHandler {
        ended: ended.clone(),
        software: software.clone(),
        host: opts.host.clone(),
        port: opts.port,
        known_hosts: opts.known_hosts.clone(),
        policy: opts.unknown_host_key,
        prompter: prompter.clone(),
        refusal: refusal.clone(),
        session: opts.session.clone(),
    };
    let config = Arc::new(client_config(opts));
    let handshake = client::connect_stream(config, stream, handler);
    let handle = match tokio::time::timeout(opts.connect_timeout, handshake).await {
        Err(_) => {
            return Err(Error::Timeout {
                what: format!("during the SSH handshake with {}", opts.host),
                secs: opts.connect_timeout.as_secs(),
            });
        }
        Ok(Err(e)) => {
            if let Some(err) = refusal.lock().unwrap_or_else(|p| p.into_inner()).take() {
                return Err(err);
            }
            return Err(map_ssh_error(&e, &opts.host));
        }
        Ok(Ok(h)) => h,
    };
    let mut conn = Connection {
        handle,
        host: opts.host.clone(),
        port: opts.port,
        user: opts.user.clone(),
        ended,
        software,
        addr,
        jump: Vec::new(),
    };
    crate::ssh::auth::authenticate(&mut conn, opts, prompter.as_ref()).await?;
    Ok(conn)
}

impl Connection {
    /// The server's identification line (`SSH-2.0-OpenSSH_9.2p1 Debian-2`), known once a
    /// channel has been opened on the connection.
    pub fn server_software(&self) -> Option<String> {
        self.software.lock().ok().and_then(|s| s.clone())
    }

    /// True once the server or the network has closed the connection (or a jump host's).
    pub fn is_closed(&self) -> bool {
        self.handle.is_closed() || self.jump.iter().any(Connection::is_closed)
    }

    /// Why the session ended, when it ended with an error (a keepalive timeout, a reset, a
    /// write the network never took); `None` while it is up or after an orderly close. A jump
    /// host's end is said as that host's.
    pub fn end_reason(&self) -> Option<Error> {
        let hop = self.jump.iter().find_map(|h| {
            h.end_reason().map(|e| Error::ThroughJump {
                hop: display_host(&h.host, h.port),
                error: Box::new(e),
            })
        });
        hop.or_else(|| self.ended.lock().ok().and_then(|e| e.clone()))
    }

    /// The jump hosts this connection goes through, as `host` or `[host]:port`, first to last.
    pub fn jump_hosts(&self) -> Vec<String> {
        self.jump
            .iter()
            .map(|h| display_host(&h.host, h.port))
            .collect()
    }

    /// Opens a session channel running the `sftp` subsystem.
    pub(crate) async fn sftp_channel(&self) -> Result<russh::Channel<client::Msg>> {
        let mut channel = self
            .handle
            .channel_open_session()
            .await
            .map_err(|e| map_ssh_error(&e, &self.host))?;
        channel
            .request_subsystem(true, "sftp")
            .await
            .map_err(|e| map_ssh_error(&e, &self.host))?;
        // The server answers the request before SFTP starts: a refusal (no `Subsystem sftp` in
        // its config, a shell-only account) is said at once, not after a request timeout. A
        // server that never answers is given the benefit of the doubt after a while.
        let answer = tokio::time::timeout(EXEC_REPLY_TIMEOUT, async {
            loop {
                match channel.wait().await {
                    Some(ChannelMsg::Success) => return Ok(()),
                    Some(ChannelMsg::Failure) | None => {
                        return Err(Error::NoSftp {
                            host: self.host.clone(),
                        });
                    }
                    Some(_) => {}
                }
            }
        })
        .await;
        match answer {
            Ok(Err(e)) => {
                let _ = channel.close().await;
                Err(e)
            }
            Ok(Ok(())) | Err(_) => Ok(channel),
        }
    }

    /// Runs a command over an exec channel and returns (exit status, stdout). Stdout is capped at
    /// `max_out` bytes; used for server-side checksums where a shell exists.
    ///
    /// A server that runs no commands says so with a channel failure, or (some russh- and
    /// AsyncSSH-based ones) never answers at all: both come back as [`Error::Unsupported`], the
    /// silent kind after [`EXEC_REPLY_TIMEOUT`]. Once the server has answered, the command may take
    /// as long as it needs (a checksum of a big file); a dead connection is caught by keepalive.
    pub async fn exec(&self, command: &str, max_out: usize) -> Result<(Option<u32>, Vec<u8>)> {
        self.exec_with_reply_timeout(command, max_out, EXEC_REPLY_TIMEOUT)
            .await
    }

    /// [`Connection::exec`] with a given bound on the wait for the server's first reply.
    pub async fn exec_with_reply_timeout(
        &self,
        command: &str,
        max_out: usize,
        first_reply: Duration,
    ) -> Result<(Option<u32>, Vec<u8>)> {
        let unsupported = |why: String| Error::Unsupported {
            what: format!("running commands over SSH ({} {why})", self.host),
        };
        let silent = || {
            unsupported(format!(
                "did not answer the exec request within {} s",
                first_reply.as_secs()
            ))
        };
        let open = async {
            let channel = self
                .handle
                .channel_open_session()
                .await
                .map_err(|e| map_ssh_error(&e, &self.host))?;
            channel
                .exec(true, command)
                .await
                .map_err(|e| map_ssh_error(&e, &self.host))?;
            Ok::<_, Error>(channel)
        };
        let deadline = tokio::time::Instant::now() + first_reply;
        let mut channel = tokio::time::timeout_at(deadline, open)
            .await
            .map_err(|_| silent())??;
        let mut out = Vec::new();
        let mut status = None;
        let mut answered = false;
        loop {
            let msg = if answered {
                channel.wait().await
            } else {
                match tokio::time::timeout_at(deadline, channel.wait()).await {
                    Ok(m) => m,
                    Err(_) => {
                        let _ = channel.close().await;
                        return Err(silent());
                    }
                }
            };
            let Some(msg) = msg else { break };
            match msg {
                ChannelMsg::Failure if !answered => {
                    let _ = channel.close().await;
                    return Err(unsupported("refused the exec request".into()));
                }
                ChannelMsg::Failure => break,
                ChannelMsg::Data { data } => {
                    let room = max_out.saturating_sub(out.len());
                    out.extend_from_slice(&data[..data.len().min(room)]);
                    answered = true;
                }
                ChannelMsg::ExitStatus { exit_status } => {
                    status = Some(exit_status);
                    answered = true;
                }
                ChannelMsg::Success
                | ChannelMsg::ExtendedData { .. }
                | ChannelMsg::Eof
                | ChannelMsg::Close => answered = true,
                _ => {}
            }
        }
        Ok((status, out))
    }

    /// Ends the session, then the jump hosts' under it, last first.
    pub async fn disconnect(&self) {
        let _ = self
            .handle
            .disconnect(russh::Disconnect::ByApplication, "bye", "en")
            .await;
        for hop in self.jump.iter().rev() {
            let _ = hop
                .handle
                .disconnect(russh::Disconnect::ByApplication, "bye", "en")
                .await;
        }
    }
}

fn client_config(opts: &ConnectOptions) -> client::Config {
    // AES-GCM uses AES-NI: ~1.4x the channel throughput of chacha20 here (ENGINE-NOTES).
    let mut preferred = Preferred {
        cipher: std::borrow::Cow::Owned(vec![
            cipher::AES_128_GCM,
            cipher::AES_256_GCM,
            cipher::CHACHA20_POLY1305,
            cipher::AES_256_CTR,
            cipher::AES_192_CTR,
            cipher::AES_128_CTR,
        ]),
        ..Preferred::default()
    };
    // Like OpenSSH: prefer the host-key algorithms already recorded for this host, so a server with
    // several keys presents the one we can check instead of looking "changed".
    // An RSA key is recorded as `ssh-rsa` but signs with rsa-sha2-512/256, which come first.
    let recorded = opts.known_hosts.recorded_algorithms(&opts.host, opts.port);
    if !recorded.is_empty() {
        let is_recorded = |k: &Algorithm| {
            recorded.iter().any(|r| match (r, k) {
                (Algorithm::Rsa { .. }, Algorithm::Rsa { .. }) => true,
                _ => r == k,
            })
        };
        let (mut keys, rest): (Vec<_>, Vec<_>) =
            preferred.key.iter().cloned().partition(|k| is_recorded(k));
        keys.extend(rest);
        preferred.key = std::borrow::Cow::Owned(keys);
    }
    client::Config {
        preferred,
        window_size: 32 * 1024 * 1024,
        maximum_packet_size: 65535,
        nodelay: true,
        keepalive_interval: Some(opts.keepalive_interval),
        keepalive_max: KEEPALIVE_MAX,
        // A write the peer never takes (a stalled route with full buffers) blocks russh's session
        // loop, so keepalive alone never fires; this bound ends such a write. It is reset by every
        // packet, keepalive replies included, so a healthy idle connection never reaches it.
        inactivity_timeout: Some(opts.keepalive_interval * (KEEPALIVE_MAX as u32 + 1)),
        ..Default::default()
    }
}

/// Unanswered keepalives (one per `keepalive_interval` of silence) after which the server counts
/// as gone, like OpenSSH's ServerAliveCountMax.
const KEEPALIVE_MAX: usize = 3;

pub(crate) fn map_ssh_error(e: &russh::Error, host: &str) -> Error {
    match e {
        russh::Error::Disconnect
        | russh::Error::HUP
        | russh::Error::SendError
        | russh::Error::RecvError => Error::ConnectionLost {
            detail: format!("{host} closed the connection"),
        },
        russh::Error::KeepaliveTimeout | russh::Error::InactivityTimeout => Error::ConnectionLost {
            detail: format!("{host} stopped answering (keepalive timed out)"),
        },
        russh::Error::IO(io) => Error::ConnectionLost {
            detail: format!("{io}"),
        },
        russh::Error::NoCommonAlgo { kind, ours, theirs } => Error::Unsupported {
            what: format!(
                "any {kind:?} algorithm Ferry offers (server offers {theirs:?}, Ferry {ours:?})"
            ),
        },
        other => Error::Protocol {
            detail: other.to_string(),
        },
    }
}

/// russh's callback object: checks the host key under the policy and remembers why it refused.
pub(crate) struct ClientHandler {
    host: String,
    port: u16,
    known_hosts: KnownHosts,
    policy: UnknownHostKey,
    prompter: Arc<dyn Prompter>,
    refusal: Arc<Mutex<Option<Error>>>,
    /// Host keys accepted for this session only are trusted again (the same key only).
    session: SessionMemory,
    /// Filled in when the session ends with an error, for [`Connection::end_reason`].
    ended: Arc<Mutex<Option<Error>>>,
    /// The server's identification line, for [`Connection::server_software`].
    software: Arc<Mutex<Option<String>>>,
}

impl ClientHandler {
    /// Where the refusal is kept for `connect` to report. Plain data: a panic elsewhere while it
    /// was held leaves nothing half-changed, so a poisoned lock is used as it is.
    fn refusal(&self) -> std::sync::MutexGuard<'_, Option<Error>> {
        self.refusal.lock().unwrap_or_else(|p| p.into_inner())
    }

    async fn decide(&self, key: &PublicKey) -> Result<()> {
        let host = display_host(&self.host, self.port);
        let key_type = hostkeys::key_type_label(key).to_string();
        let fingerprint = hostkeys::fingerprint(key);
        let status = self
            .known_hosts
            .check(&self.host, self.port, key)
            .map_err(|e| Error::KnownHosts {
                detail: e.to_string(),
            })?;
        match status {
            HostKeyStatus::Trusted => Ok(()),
            HostKeyStatus::Changed { file, line, .. } => Err(Error::HostKeyChanged {
                host,
                key_type,
                fingerprint,
                file,
                line,
            }),
            HostKeyStatus::OtherTypeRecorded {
                file,
                line,
                recorded_algorithms,
            } => Err(Error::HostKeyOtherType {
                host,
                offered: key_type,
                recorded: recorded_algorithms.join(", "),
                file,
                line,
            }),
            HostKeyStatus::Revoked { file, line } => {
                Err(Error::HostKeyRevoked { host, file, line })
            }
            HostKeyStatus::Unknown => {
                // Accepted once earlier in this session: the same key goes on without a question;
                // another one is as suspicious as a changed recorded key.
                if let Some(accepted) = self.session.host_key(&self.host, self.port) {
                    if accepted.key_data() == key.key_data() {
                        return Ok(());
                    }
                    return Err(Error::HostKeyChangedInSession {
                        host,
                        key_type,
                        fingerprint,
                        accepted: hostkeys::fingerprint(&accepted),
                    });
                }
                let learn = |kh: &KnownHosts| {
                    kh.learn(&self.host, self.port, key)
                        .map_err(|e| Error::KnownHosts {
                            detail: e.to_string(),
                        })
                };
                match self.policy {
                    UnknownHostKey::Refuse => Err(Error::HostKeyUnknown {
                        host,
                        key_type,
                        fingerprint,
                    }),
                    UnknownHostKey::AcceptNew => {
                        tracing::info!(
                            "learning new host key for {host}: {key_type} {fingerprint}"
                        );
                        learn(&self.known_hosts)
                    }
                    UnknownHostKey::Ask => {
                        let info = HostKeyInfo {
                            host: self.host.clone(),
                            port: self.port,
                            key_type: key_type.clone(),
                            fingerprint: fingerprint.clone(),
                        };
                        match self.prompter.confirm_host_key(&info).await {
                            HostKeyDecision::AcceptOnce => {
                                self.session.remember_host_key(&self.host, self.port, key);
                                Ok(())
                            }
                            HostKeyDecision::AcceptAndSave => learn(&self.known_hosts),
                            HostKeyDecision::Reject => Err(Error::HostKeyUnknown {
                                host,
                                key_type,
                                fingerprint,
                            }),
                        }
                    }
                }
            }
        }
    }
}

/// `host` or `[host]:port`, the way OpenSSH names a host in messages.
pub fn display_host(host: &str, port: u16) -> String {
    if port == 22 {
        host.to_string()
    } else {
        format!("[{host}]:{port}")
    }
}

impl client::Handler for ClientHandler {
    type Error = russh::Error;

    async fn channel_open_confirmation(
        &mut self,
        _id: russh::ChannelId,
        _max_packet_size: u32,
        _window_size: u32,
        session: &mut client::Session,
    ) -> std::result::Result<(), Self::Error> {
        if let Ok(mut slot) = self.software.lock()
            && slot.is_none()
        {
            *slot = Some(String::from_utf8_lossy(session.remote_sshid()).into_owned());
        }
        Ok(())
    }

    async fn disconnected(
        &mut self,
        reason: client::DisconnectReason<Self::Error>,
    ) -> std::result::Result<(), Self::Error> {
        match reason {
            client::DisconnectReason::ReceivedDisconnect(_) => Ok(()),
            client::DisconnectReason::Error(e) => {
                if let Ok(mut slot) = self.ended.lock() {
                    *slot = Some(map_ssh_error(&e, &self.host));
                }
                Err(e)
            }
        }
    }

    async fn check_server_key(
        &mut self,
        key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        let PublicKeyOrCertificate::PublicKey { key, .. } = key else {
            // We never advertise certificate host-key algorithms; a certificate here is a protocol
            // violation, not something to trust.
            *self.refusal() = Some(Error::Unsupported {
                what: "host certificates".into(),
            });
            return Ok(false);
        };
        match self.decide(key).await {
            Ok(()) => Ok(true),
            Err(e) => {
                tracing::warn!("host key refused: {e}");
                *self.refusal() = Some(e);
                Ok(false)
            }
        }
    }

    async fn auth_banner(
        &mut self,
        banner: &str,
        _session: &mut client::Session,
    ) -> Result<(), Self::Error> {
        self.prompter.banner(banner);
        Ok(())
    }
}
