//! Jump hosts (OpenSSH's ProxyJump, `-J [user@]host[:port][,more]`): the chain of SSH connections
//! a connection goes through, and the syntax that names them.
//!
//! Each hop is a full SSH connection of its own: its host key is checked against known_hosts under
//! its own name and port by the same `ClientHandler` as the target's (a changed key is the same hard
//! stop), and it logs in with the agent and the same key files, or a password asked for it by name.
//! The next hop (or the target) is reached over a `direct-tcpip` channel of the previous one,
//! carrying the next SSH session. The target's [`Connection`] holds the hops and closes them with
//! itself. A failure at a hop comes back as [`Error::ThroughJump`] naming it; a hop that will not
//! forward as [`Error::ForwardRefused`].

use std::path::PathBuf;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::ssh::login::SessionMemory;
use crate::ssh::prompt::Prompter;
use crate::ssh::{ConnectOptions, Connection, connect_direct, display_host, log_in_over};

/// One jump host. Clones share what its logins learned (a typed password, a host key accepted
/// once), kept apart from the target's: a hop's password is never tried on the next server.
#[derive(Debug, Clone)]
pub struct Hop {
    pub host: String,
    pub port: u16,
    pub user: String,
    /// Try the keys of a running ssh-agent here (whatever the target's own setting).
    pub use_agent: bool,
    /// The key files to try here, when not the target's (`None`): a key-only check of the
    /// target keeps the hops logging in as they did.
    identity_files: Option<(Vec<PathBuf>, bool)>,
    session: SessionMemory,
}

impl PartialEq for Hop {
    fn eq(&self, other: &Hop) -> bool {
        (
            &self.host,
            self.port,
            &self.user,
            self.use_agent,
            &self.identity_files,
        ) == (
            &other.host,
            other.port,
            &other.user,
            other.use_agent,
            &other.identity_files,
        )
    }
}

impl Hop {
    pub fn new(host: impl Into<String>, port: u16, user: impl Into<String>) -> Hop {
        Hop {
            host: host.into(),
            port,
            user: user.into(),
            use_agent: true,
            identity_files: None,
            session: SessionMemory::default(),
        }
    }

    /// `host` or `[host]:port`, as messages name it.
    pub fn name(&self) -> String {
        display_host(&self.host, self.port)
    }

    /// The same hop for another session: nothing learned carries over.
    pub(crate) fn new_session(&self) -> Hop {
        Hop {
            session: SessionMemory::default(),
            ..self.clone()
        }
    }

    /// This hop with the key files it uses now fixed, so that narrowing the target's (a key-only
    /// check) leaves the hop's login as it was.
    pub(crate) fn keeping_keys(&self, target: &ConnectOptions) -> Hop {
        let mut hop = self.clone();
        hop.identity_files
            .get_or_insert_with(|| (target.identity_files.clone(), target.default_key_files));
        hop
    }

    /// How this hop is logged in to, from the target's options.
    fn options(&self, target: &ConnectOptions) -> ConnectOptions {
        let (identity_files, default_key_files) = self
            .identity_files
            .clone()
            .unwrap_or_else(|| (target.identity_files.clone(), target.default_key_files));
        ConnectOptions {
            identity_files,
            default_key_files,
            host: self.host.clone(),
            port: self.port,
            user: self.user.clone(),
            use_agent: self.use_agent,
            agent_key: None,
            password: None,
            session: self.session.clone(),
            jump: Vec::new(),
            ..target.clone()
        }
    }
}

/// Parses OpenSSH's ProxyJump syntax: `[user@]host[:port]` (or `ssh://[user@]host[:port]`), several
/// separated by commas, first hop first; `[addr]:port` for an IPv6 address. Empty or `none` is no
/// jump host. A hop without a user logs in as `default_user` (the local account, as `ssh` does).
pub fn parse_jump_hosts(spec: &str, default_user: &str) -> Result<Vec<Hop>> {
    let spec = spec.trim();
    if spec.is_empty() || spec.eq_ignore_ascii_case("none") {
        return Ok(Vec::new());
    }
    spec.split(',')
        .map(|one| parse_hop(one.trim(), default_user))
        .collect::<std::result::Result<_, String>>()
        .map_err(|reason| Error::InvalidUrl {
            input: spec.to_string(),
            reason,
        })
}

fn parse_hop(one: &str, default_user: &str) -> std::result::Result<Hop, String> {
    let bare = one.strip_prefix("ssh://").unwrap_or(one);
    if bare.is_empty() {
        return Err("a jump host is empty".into());
    }
    if bare.chars().any(|c| c.is_whitespace() || c.is_control()) || bare.contains('/') {
        return Err(format!("'{one}' is not [user@]host[:port]"));
    }
    let (user, hostport) = match bare.rsplit_once('@') {
        Some(("", _)) => return Err(format!("'{one}' has an empty user")),
        Some((u, h)) => (u.to_string(), h),
        None => (default_user.to_string(), bare),
    };
    let (host, port) = if let Some(rest) = hostport.strip_prefix('[') {
        let (host, after) = rest
            .split_once(']')
            .ok_or_else(|| format!("'{one}' has no ']' after the address"))?;
        match after {
            "" => (host, None),
            _ => match after.strip_prefix(':') {
                Some(p) => (host, Some(p)),
                None => return Err(format!("'{one}' has text after ']'")),
            },
        }
    } else if hostport.matches(':').count() > 1 {
        // A bare IPv6 address, without a port.
        (hostport, None)
    } else {
        match hostport.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (hostport, None),
        }
    };
    if host.is_empty() {
        return Err(format!("'{one}' has no host"));
    }
    let port = match port {
        None => crate::url::DEFAULT_PORT,
        Some(p) => match p.parse::<u16>() {
            Ok(n) if n > 0 => n,
            _ => return Err(format!("the port in '{one}' must be 1-65535")),
        },
    };
    Ok(Hop::new(host, port, user))
}

/// Connects to each hop in turn, each over the previous one, then to `opts.host` over the last.
pub(crate) async fn connect_through(
    opts: &ConnectOptions,
    prompter: Arc<dyn Prompter>,
) -> Result<Connection> {
    let mut hops: Vec<Connection> = Vec::with_capacity(opts.jump.len());
    for hop in &opts.jump {
        let hop_opts = hop.options(opts);
        let opened = match hops.last() {
            None => connect_direct(&hop_opts, prompter.clone()).await,
            Some(previous) => over(previous, &hop_opts, prompter.clone()).await,
        };
        match opened {
            Ok(conn) => hops.push(conn),
            Err(e) => {
                close(&hops).await;
                return Err(match e {
                    // Already names the hop at fault.
                    Error::ForwardRefused { .. } | Error::ThroughJump { .. } => e,
                    e => Error::ThroughJump {
                        hop: hop.name(),
                        error: Box::new(e),
                    },
                });
            }
        }
    }
    let last = hops.last().expect("at least one jump host");
    tracing::info!(
        "reaching {} through the jump host {}",
        display_host(&opts.host, opts.port),
        display_host(&last.host, last.port)
    );
    match over(last, opts, prompter).await {
        Ok(mut conn) => {
            conn.jump = hops;
            // A hop that needed a one-time code makes another login of the session need one
            // too: the pool then shares this connection instead of logging in again.
            if opts.jump.iter().any(|h| h.session.needs_person()) {
                opts.session.set_needs_person();
            }
            Ok(conn)
        }
        Err(e) => {
            close(&hops).await;
            Err(e)
        }
    }
}

/// The SSH session with `opts.host` over a `direct-tcpip` channel of `via`.
async fn over(
    via: &Connection,
    opts: &ConnectOptions,
    prompter: Arc<dyn Prompter>,
) -> Result<Connection> {
    let via_name = display_host(&via.host, via.port);
    let target = display_host(&opts.host, opts.port);
    let open = via.handle.channel_open_direct_tcpip(
        opts.host.clone(),
        u32::from(opts.port),
        "127.0.0.1",
        0,
    );
    let channel = match tokio::time::timeout(opts.connect_timeout, open).await {
        Err(_) => {
            return Err(Error::ThroughJump {
                hop: via_name,
                error: Box::new(Error::Timeout {
                    what: format!("waiting for a connection to {target}"),
                    secs: opts.connect_timeout.as_secs(),
                }),
            });
        }
        Ok(Err(russh::Error::ChannelOpenFailure(why))) => {
            return Err(Error::ForwardRefused {
                hop: via_name,
                target,
                reason: refusal_reason(&why),
            });
        }
        Ok(Err(e)) => {
            return Err(Error::ThroughJump {
                hop: via_name,
                error: Box::new(crate::ssh::map_ssh_error(&e, &via.host)),
            });
        }
        Ok(Ok(channel)) => channel,
    };
    log_in_over(channel.into_stream(), via.addr, opts, prompter).await
}

fn refusal_reason(why: &russh::ChannelOpenFailure) -> String {
    match why {
        russh::ChannelOpenFailure::AdministrativelyProhibited => "administratively prohibited",
        russh::ChannelOpenFailure::ConnectFailed => "connect failed",
        russh::ChannelOpenFailure::UnknownChannelType => "unknown channel type",
        russh::ChannelOpenFailure::ResourceShortage => "resource shortage",
        russh::ChannelOpenFailure::Other { reason, .. } => {
            return crate::display::escape_for_display(reason);
        }
    }
    .to_string()
}

/// Ends the hops opened so far, last first.
async fn close(hops: &[Connection]) {
    for hop in hops.iter().rev() {
        hop.disconnect().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(spec: &str) -> (String, u16, String) {
        let hops = parse_jump_hosts(spec, "me").unwrap();
        assert_eq!(hops.len(), 1, "{spec}");
        let h = &hops[0];
        (h.host.clone(), h.port, h.user.clone())
    }

    #[test]
    fn reads_openssh_proxyjump_syntax() {
        assert_eq!(one("hop"), ("hop".into(), 22, "me".into()));
        assert_eq!(one("al@hop:2222"), ("hop".into(), 2222, "al".into()));
        assert_eq!(one("ssh://al@hop:2"), ("hop".into(), 2, "al".into()));
        assert_eq!(one("a@b@hop"), ("hop".into(), 22, "a@b".into()));
        assert_eq!(one("[::1]:2200"), ("::1".into(), 2200, "me".into()));
        assert_eq!(one("fe80::1"), ("fe80::1".into(), 22, "me".into()));
        let two = parse_jump_hosts("a@one:1, two", "me").unwrap();
        assert_eq!(
            two,
            vec![Hop::new("one", 1, "a"), Hop::new("two", 22, "me")]
        );
        assert!(parse_jump_hosts(" none ", "me").unwrap().is_empty());
        assert!(parse_jump_hosts("", "me").unwrap().is_empty());
    }

    /// A key-only check narrows the target's login, not the hops'.
    #[test]
    fn a_key_check_leaves_the_hops_login_alone() {
        let kh = crate::ssh::hostkeys::KnownHosts::new(vec![], PathBuf::from("/dev/null"));
        let mut opts = ConnectOptions::new("inner", 22, "me", kh);
        opts.identity_files = vec![PathBuf::from("/old")];
        opts.jump = vec![Hop::new("hop", 22, "me")];
        let key = crate::ssh::LoginKey::File(PathBuf::from("/new"));
        let check = opts.key_only(&key, None);
        assert_eq!(check.identity_files, [PathBuf::from("/new")]);
        let hop = check.jump[0].options(&check);
        assert_eq!(hop.identity_files, [PathBuf::from("/old")]);
        assert!(hop.use_agent && hop.password.is_none() && hop.jump.is_empty());
        assert_eq!((hop.host.as_str(), hop.user.as_str()), ("hop", "me"));
        // Otherwise the hops follow the target's key files.
        let plain = opts.jump[0].options(&opts);
        assert_eq!(plain.identity_files, [PathBuf::from("/old")]);
    }

    #[test]
    fn refuses_what_is_not_a_host() {
        for bad in [
            "hop:0",
            "hop:x",
            "hop:70000",
            "@hop",
            "a,,b",
            "[::1",
            "[::1]x",
            "ho p",
            ":22",
            "h/p",
        ] {
            let e = parse_jump_hosts(bad, "me").unwrap_err();
            assert!(matches!(e, Error::InvalidUrl { .. }), "{bad}: {e}");
        }
    }
}
