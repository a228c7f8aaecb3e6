//! Proxies in front of the first SSH server: a SOCKS5 or HTTP CONNECT proxy
//! (`socks5://[user@]host[:port]`, `http://[user@]host[:port]`), or a command whose standard input
//! and output carry the session (OpenSSH's ProxyCommand, `command/`).
//!
//! They plug in where `ssh::connect_direct` would dial: the target (or, with jump hosts, the first
//! hop) is reached through the proxy, and everything above (the host-key check under the target's
//! own name and port, the login) is unchanged. The two handshakes are small and written here
//! (`socks5.rs`, `http.rs`), so each failure names the proxy and says what it answered. The proxy
//! resolves the target's name (SOCKS5's domain-name address, as `ssh -D` users expect). A proxy
//! password is never part of the address: it comes from the site's keyring entry
//! ([`ProxyServer::password`]), or is asked through the [`Prompter`] and remembered for the session.

mod command;
mod http;
mod socks5;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::error::{Error, Result};
use crate::secrets::Secret;
use crate::ssh::login::SessionMemory;
use crate::ssh::prompt::Prompter;
use crate::ssh::{ConnectOptions, Connection, display_host, log_in_over, socket};

/// How the first SSH server is reached when not directly.
#[derive(Debug, Clone)]
pub enum Proxy {
    /// A SOCKS5 proxy (RFC 1928; no login, or user name and password as RFC 1929).
    Socks5(ProxyServer),
    /// An HTTP proxy's CONNECT method (Basic authentication).
    Http(ProxyServer),
    /// A command the session runs over (`ssh -W %h:%p gate`), as written: `%h`, `%p`, `%r`
    /// are expanded when it runs.
    Command(String),
}

/// A SOCKS5 or HTTP proxy. Clones share a password typed for it (one session).
#[derive(Debug, Clone)]
pub struct ProxyServer {
    pub host: String,
    pub port: u16,
    /// The user to log in to the proxy as; `None` offers no login.
    pub user: Option<String>,
    /// The password known in advance (a saved site's keyring entry); otherwise it is asked for.
    pub password: Option<Secret>,
    session: SessionMemory,
}

/// What a proxy address looks like, for messages.
const FORMS: &str = "a proxy is socks5://[user@]host[:port] or http://[user@]host[:port] (or none)";

impl Proxy {
    /// Parses a proxy address: `socks5://` (or `socks5h://`, the same here: the proxy always
    /// resolves the name) on port 1080 by default, `http://` on 8080. Empty or `none` is no proxy.
    /// A password in the address is refused, as in every address Ferry takes.
    pub fn parse(text: &str) -> Result<Option<Proxy>> {
        let text = text.trim();
        if text.is_empty() || text.eq_ignore_ascii_case("none") {
            return Ok(None);
        }
        let bad = |reason: &str| Error::InvalidUrl {
            input: crate::url::mask_password(text),
            reason: reason.to_string(),
        };
        let (scheme, rest) = text.split_once("://").ok_or_else(|| bad(FORMS))?;
        let (socks, default_port) = match scheme.to_ascii_lowercase().as_str() {
            "socks5" | "socks5h" => (true, 1080),
            "http" => (false, 8080),
            _ => return Err(bad(FORMS)),
        };
        let authority = rest.strip_suffix('/').unwrap_or(rest);
        if authority.contains('/') {
            return Err(bad("a proxy address has no path"));
        }
        let t =
            crate::url::Target::parse_authority_on(authority, default_port).map_err(|r| bad(&r))?;
        let server = ProxyServer {
            host: t.host,
            port: t.port,
            user: t.user,
            password: None,
            session: SessionMemory::default(),
        };
        Ok(Some(if socks {
            Proxy::Socks5(server)
        } else {
            Proxy::Http(server)
        }))
    }

    /// A proxy command (OpenSSH's ProxyCommand): its `%` tokens are checked now. Empty or `none`
    /// is no proxy.
    pub fn command(text: &str) -> Result<Option<Proxy>> {
        let text = text.trim();
        if text.is_empty() || text.eq_ignore_ascii_case("none") {
            return Ok(None);
        }
        command::check(text)?;
        Ok(Some(Proxy::Command(text.to_string())))
    }

    /// The proxy as messages name it: `socks5://host:port`, `http://host:port`, or the command.
    pub fn name(&self) -> String {
        match self {
            Proxy::Socks5(s) => s.name("socks5"),
            Proxy::Http(s) => s.name("http"),
            Proxy::Command(c) => c.clone(),
        }
    }

    /// The server of a SOCKS5 or HTTP proxy (where its password goes); `None` for a command.
    pub fn server_mut(&mut self) -> Option<&mut ProxyServer> {
        match self {
            Proxy::Socks5(s) | Proxy::Http(s) => Some(s),
            Proxy::Command(_) => None,
        }
    }

    /// The same proxy for another session: a password typed for this one does not carry over.
    pub(crate) fn new_session(&self) -> Proxy {
        let mut p = self.clone();
        if let Some(server) = p.server_mut() {
            server.session = SessionMemory::default();
        }
        p
    }
}

impl ProxyServer {
    fn name(&self, scheme: &str) -> String {
        format!(
            "{scheme}://{}:{}",
            crate::url::bracketed(&self.host),
            self.port
        )
    }

    /// The password to log in with: known, typed earlier in this session, or asked now.
    async fn password(&self, user: &str, name: &str, prompter: &dyn Prompter) -> Option<Typed> {
        if let Some(pw) = self.password.clone().or_else(|| self.session.password()) {
            return Some(Typed(pw, false));
        }
        let pw = prompter.proxy_password(user, name).await?;
        Some(Typed(pw, true))
    }

    /// After the proxy accepted it: a typed password is not asked again this session.
    fn accepted(&self, pw: Option<Typed>) {
        if let Some(Typed(pw, true)) = pw {
            self.session.remember_password(pw);
        }
    }
}

/// A password and whether a person just typed it.
struct Typed(Secret, bool);

/// The SSH session with `opts.host` reached through `proxy`.
pub(crate) async fn log_in_through(
    proxy: &Proxy,
    opts: &ConnectOptions,
    prompter: Arc<dyn Prompter>,
) -> Result<Connection> {
    let (server, socks) = match proxy {
        Proxy::Socks5(s) => (s, true),
        Proxy::Http(s) => (s, false),
        Proxy::Command(template) => return log_in_over_command(template, opts, prompter).await,
    };
    let name = proxy.name();
    let (mut tcp, addr) = dial(server, &name, opts.connect_timeout).await?;
    tcp.set_nodelay(true).ok();
    tracing::info!(
        "reaching {} through the proxy {name}",
        display_host(&opts.host, opts.port)
    );
    let mut talk = Talk {
        stream: &mut tcp,
        limit: opts.connect_timeout,
        proxy: &name,
    };
    let password = if socks {
        socks5::connect(&mut talk, server, &opts.host, opts.port, prompter.as_ref()).await?
    } else {
        http::connect(&mut talk, server, &opts.host, opts.port, prompter.as_ref()).await?
    };
    server.accepted(password);
    log_in_over(socket::wire(tcp), addr, opts, prompter).await
}

/// The SSH session with `opts.host` over the standard input and output of `template`, expanded
/// for it. A command that ends before the session is up is reported as its own failure.
async fn log_in_over_command(
    template: &str,
    opts: &ConnectOptions,
    prompter: Arc<dyn Prompter>,
) -> Result<Connection> {
    let line = command::expand(template, &opts.host, opts.port, &opts.user)?;
    tracing::info!(
        "reaching {} through the proxy command {line}",
        display_host(&opts.host, opts.port)
    );
    let started = command::start(&line)?;
    // No socket of ours: the address is unspecified.
    let addr = SocketAddr::from(([0, 0, 0, 0], 0));
    match log_in_over(started.stream, addr, opts, prompter).await {
        Ok(conn) => Ok(conn),
        Err(e) => Err(started.outcome.explain(e).await),
    }
}

/// A TCP connection to the proxy itself; any failure is the proxy's.
async fn dial(
    server: &ProxyServer,
    name: &str,
    limit: Duration,
) -> Result<(TcpStream, SocketAddr)> {
    let unreachable = |e: Error| Error::ProxyUnreachable {
        proxy: name.to_string(),
        detail: match e {
            Error::Dns { detail, .. } => format!("cannot find {}: {detail}", server.host),
            Error::ConnectionRefused { addr } => format!("{addr} refused the connection"),
            Error::Timeout { secs, .. } => format!("no answer within {secs} s"),
            Error::Unreachable { detail, .. } => detail,
            other => other.to_string(),
        },
    };
    let addrs = socket::resolve(&server.host, server.port, limit)
        .await
        .map_err(unreachable)?;
    socket::dial(&server.host, &addrs, limit)
        .await
        .map_err(unreachable)
}

/// The conversation with a proxy: each read and write within the connect timeout, any failure
/// said as the proxy's.
struct Talk<'a> {
    stream: &'a mut TcpStream,
    limit: Duration,
    proxy: &'a str,
}

impl Talk<'_> {
    fn failed(&self, detail: String) -> Error {
        Error::ProxyUnreachable {
            proxy: self.proxy.to_string(),
            detail,
        }
    }

    async fn send(&mut self, bytes: &[u8]) -> Result<()> {
        match tokio::time::timeout(self.limit, self.stream.write_all(bytes)).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(self.failed(format!("sending to it failed: {e}"))),
            Err(_) => Err(self.failed(format!("it took nothing for {} s", self.limit.as_secs()))),
        }
    }

    async fn read_exact(&mut self, buf: &mut [u8]) -> Result<()> {
        match tokio::time::timeout(self.limit, self.stream.read_exact(buf)).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                Err(self.failed("it closed the connection without an answer".into()))
            }
            Ok(Err(e)) => Err(self.failed(format!("reading its answer failed: {e}"))),
            Err(_) => Err(self.failed(format!("no answer within {} s", self.limit.as_secs()))),
        }
    }

    fn needs_login(&self, detail: impl Into<String>) -> Error {
        Error::ProxyAuth {
            proxy: self.proxy.to_string(),
            detail: detail.into(),
        }
    }

    fn refused(&self, host: &str, port: u16, reason: impl Into<String>) -> Error {
        Error::ProxyRefused {
            proxy: self.proxy.to_string(),
            target: display_host(host, port),
            reason: reason.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(p: Option<Proxy>) -> (bool, String, u16, Option<String>) {
        match p.expect("a proxy") {
            Proxy::Socks5(s) => (true, s.host, s.port, s.user),
            Proxy::Http(s) => (false, s.host, s.port, s.user),
            Proxy::Command(c) => panic!("a command: {c}"),
        }
    }

    #[test]
    fn reads_proxy_addresses() {
        let p = |s: &str| server(Proxy::parse(s).unwrap());
        assert_eq!(
            p("socks5://127.0.0.1:1081"),
            (true, "127.0.0.1".into(), 1081, None)
        );
        assert_eq!(p("socks5h://gate"), (true, "gate".into(), 1080, None));
        assert_eq!(
            p("http://al@[::1]:3128/"),
            (false, "::1".into(), 3128, Some("al".into()))
        );
        assert_eq!(p("HTTP://proxy"), (false, "proxy".into(), 8080, None));
        assert!(Proxy::parse(" none ").unwrap().is_none());
        assert!(Proxy::parse("").unwrap().is_none());
        let named = Proxy::parse("http://al@[::1]:3128").unwrap().unwrap();
        assert_eq!(named.name(), "http://[::1]:3128");
    }

    #[test]
    fn refuses_what_is_not_a_proxy_and_never_echoes_a_password() {
        for bad in [
            "gate:1080",
            "ftp://gate",
            "socks4://gate",
            "socks5://gate:0",
            "http://gate/path",
            "socks5://",
            "socks5://@gate",
        ] {
            let e = Proxy::parse(bad).unwrap_err();
            assert!(matches!(e, Error::InvalidUrl { .. }), "{bad}: {e}");
        }
        let e = Proxy::parse("socks5://al:hunter2@gate")
            .unwrap_err()
            .to_string();
        assert!(e.contains("password") && !e.contains("hunter2"), "{e}");
    }
}
