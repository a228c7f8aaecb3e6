//! Addresses people type: `sftp://[user@]host[:port]/path` (and the quick-connect form
//! `[user@]host[:port]`), parsed into a [`Target`].
//!
//! `~` as the first path component means the login's home folder; no path means home as well.
//! User and path may be percent-encoded (`%20`); IPv6 literals go in brackets (`[::1]:2222`).
//!
//! A password in the address (`user:secret@host`) is refused, and the error shows the address with
//! the password masked: a typed address stays in shell history, logs and the window's history, so
//! Ferry asks for the password instead (or takes it from a saved site's keyring entry).

use crate::error::{Error, Result};
use crate::fs::path::FsPath;

/// Where on the server a command starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemoteStart {
    /// Relative to the home folder (`~`, `~/x`, or no path at all). Empty = home itself.
    Home(String),
    /// An absolute path.
    Absolute(FsPath),
}

impl RemoteStart {
    /// The absolute folder this names on `fs` (asks the server for the home folder if needed).
    pub async fn resolve(&self, fs: &dyn crate::fs::FileSystem) -> Result<FsPath> {
        match self {
            RemoteStart::Absolute(p) => Ok(p.normalized()),
            RemoteStart::Home(rel) => {
                let home = fs.home().await?;
                Ok(if rel.is_empty() {
                    home
                } else {
                    home.join_relative(rel)
                })
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub user: Option<String>,
    /// Host name or IP literal, without brackets.
    pub host: String,
    pub port: u16,
    pub path: RemoteStart,
}

pub const DEFAULT_PORT: u16 = 22;

impl Target {
    /// Parses an `sftp://` URL. A `ssh://` scheme is accepted as well; anything else is refused.
    pub fn parse_url(input: &str) -> Result<Target> {
        let bad = |reason: &str| Error::InvalidUrl {
            input: mask_password(input),
            reason: reason.to_string(),
        };
        let rest = input
            .strip_prefix("sftp://")
            .or_else(|| input.strip_prefix("ssh://"))
            .ok_or_else(|| bad("it must start with sftp://, as in sftp://user@host/path"))?;
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let mut target = Self::parse_authority(authority).map_err(|r| bad(&r))?;
        target.path = parse_path(path).map_err(|r| bad(&r))?;
        Ok(target)
    }

    /// Parses a quick-connect address: `[user@]host[:port]` or a full `sftp://` URL.
    pub fn parse_quick(input: &str) -> Result<Target> {
        let input = input.trim();
        if input.contains("://") {
            return Self::parse_url(input);
        }
        Self::parse_authority(input).map_err(|reason| Error::InvalidUrl {
            input: mask_password(input),
            reason,
        })
    }

    fn parse_authority(authority: &str) -> std::result::Result<Target, String> {
        let (user, hostport) = match authority.rfind('@') {
            Some(i) => (Some(percent_decode(&authority[..i])?), &authority[i + 1..]),
            None => (None, authority),
        };
        if user.as_deref() == Some("") {
            return Err("the user name before '@' is empty".into());
        }
        if user.as_deref().is_some_and(|u| u.contains(':')) {
            return Err(PASSWORD_REFUSED.into());
        }
        let (host, port) = if let Some(after) = hostport.strip_prefix('[') {
            let end = after
                .find(']')
                .ok_or("an IPv6 address must be closed with ']'")?;
            let host = &after[..end];
            let tail = &after[end + 1..];
            let port = match tail.strip_prefix(':') {
                Some(p) => Some(p),
                None if tail.is_empty() => None,
                None => return Err("unexpected text after ']'".into()),
            };
            (host.to_string(), port)
        } else {
            match hostport.rsplit_once(':') {
                Some((h, _)) if h.contains(':') => {
                    return Err("put an IPv6 address in brackets, as in [::1]:22".into());
                }
                Some((h, p)) => (h.to_string(), Some(p)),
                None => (hostport.to_string(), None),
            }
        };
        if host.is_empty() {
            return Err("the host name is missing".into());
        }
        if host
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '/')
        {
            return Err("the host name contains spaces or invalid characters".into());
        }
        let port = match port {
            None => DEFAULT_PORT,
            Some(p) => match p.parse::<u16>() {
                Ok(n) if n > 0 => n,
                _ => return Err(format!("'{p}' is not a port number (1-65535)")),
            },
        };
        Ok(Target {
            user,
            host,
            port,
            path: RemoteStart::Home(String::new()),
        })
    }

    /// `user@host:port` in the form shown to people (brackets around IPv6).
    pub fn authority(&self) -> String {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        let user = self
            .user
            .as_ref()
            .map(|u| format!("{u}@"))
            .unwrap_or_default();
        if self.port == DEFAULT_PORT {
            format!("{user}{host}")
        } else {
            format!("{user}{host}:{}", self.port)
        }
    }
}

/// Why an address with a password in it is refused (see the module header).
pub const PASSWORD_REFUSED: &str = "a password in the address is not accepted, as it would stay in shell history and logs; leave it out (user@host) and Ferry asks for it, or save it with the site in the OS keyring";

/// `input` with the password of a `user:password@` part replaced by `***`, for messages.
pub fn mask_password(input: &str) -> String {
    let (scheme, rest) = match input.find("://") {
        Some(i) => input.split_at(i + 3),
        None => ("", input),
    };
    let authority_end = if scheme.is_empty() {
        rest.len()
    } else {
        rest.find('/').unwrap_or(rest.len())
    };
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rfind('@') {
        Some(at) => match authority[..at].find(':') {
            Some(colon) => format!(
                "{scheme}{}:***{}{tail}",
                &authority[..colon],
                &authority[at..]
            ),
            None => input.to_string(),
        },
        None => input.to_string(),
    }
}

fn parse_path(path: &str) -> std::result::Result<RemoteStart, String> {
    let raw = percent_decode_bytes(path)?;
    let Ok(decoded) = String::from_utf8(raw.clone()) else {
        // An absolute path may name what an old Latin-1 system wrote (`/srv/caf%E9.txt`): taken
        // byte for byte. Home-relative paths stay UTF-8 text.
        if raw.starts_with(b"/~") {
            return Err("percent-encoded bytes are not valid UTF-8".into());
        }
        if raw.contains(&0) {
            return Err("the path contains a NUL character".into());
        }
        return Ok(RemoteStart::Absolute(FsPath::from_bytes(raw)));
    };
    if decoded.is_empty() || decoded == "/" {
        return Ok(RemoteStart::Home(String::new()));
    }
    // "/~" or "/~/rest": home-relative, the way OpenSSH's sftp and most clients read it.
    if let Some(rest) = decoded.strip_prefix("/~") {
        if rest.is_empty() || rest == "/" {
            return Ok(RemoteStart::Home(String::new()));
        }
        if let Some(rel) = rest.strip_prefix('/') {
            return Ok(RemoteStart::Home(rel.to_string()));
        }
    }
    if decoded.contains('\0') {
        return Err("the path contains a NUL character".into());
    }
    Ok(RemoteStart::Absolute(FsPath::from(decoded.as_str())))
}

fn percent_decode(s: &str) -> std::result::Result<String, String> {
    String::from_utf8(percent_decode_bytes(s)?)
        .map_err(|_| "percent-encoded bytes are not valid UTF-8".to_string())
}

fn percent_decode_bytes(s: &str) -> std::result::Result<Vec<u8>, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or("a '%' must be followed by two hex digits")?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_url() {
        let t = Target::parse_url("sftp://alice@example.com:2222/var/log").unwrap();
        assert_eq!(t.user.as_deref(), Some("alice"));
        assert_eq!(t.host, "example.com");
        assert_eq!(t.port, 2222);
        assert_eq!(t.path, RemoteStart::Absolute(FsPath::from("/var/log")));
        assert_eq!(t.authority(), "alice@example.com:2222");
    }

    #[test]
    fn home_forms() {
        for u in ["sftp://h", "sftp://h/", "sftp://h/~", "sftp://h/~/"] {
            assert_eq!(
                Target::parse_url(u).unwrap().path,
                RemoteStart::Home(String::new()),
                "{u}"
            );
        }
        assert_eq!(
            Target::parse_url("sftp://h/~/docs/a%20b").unwrap().path,
            RemoteStart::Home("docs/a b".into())
        );
    }

    #[test]
    fn ipv6_and_quick() {
        let t = Target::parse_url("sftp://u@[::1]:2200/x").unwrap();
        assert_eq!((t.host.as_str(), t.port), ("::1", 2200));
        assert_eq!(t.authority(), "u@[::1]:2200");
        let q = Target::parse_quick("bob@10.0.0.1:23").unwrap();
        assert_eq!(
            (q.user.as_deref(), q.host.as_str(), q.port),
            (Some("bob"), "10.0.0.1", 23)
        );
        assert_eq!(Target::parse_quick("host").unwrap().port, 22);
        assert_eq!(
            Target::parse_quick("me%40corp@h").unwrap().user.as_deref(),
            Some("me@corp")
        );
    }

    /// An absolute path percent-encoding bytes that are not UTF-8 names them exactly.
    #[test]
    fn absolute_paths_may_name_bytes_that_are_not_utf8() {
        let t = Target::parse_url("sftp://h/srv/d%FF/caf%E9.txt").unwrap();
        assert_eq!(
            t.path,
            RemoteStart::Absolute(FsPath::from_bytes(b"/srv/d\xff/caf\xe9.txt".to_vec()))
        );
    }

    /// `sftp://root:hunter2@host/` is refused, and no message ever shows the password.
    #[test]
    fn a_password_in_the_address_is_refused_and_never_echoed() {
        for input in [
            "sftp://root:hunter2@host/",
            "sftp://root:hunter2@host:2222/etc",
            "ssh://root:hun%3Ater2@[::1]/",
            "root:hunter2@host",
            "root:hunter2@host:22",
        ] {
            let e = Target::parse_quick(input).unwrap_err();
            let shown = format!("{e} {e:?}");
            assert!(shown.contains("password"), "{input}: {shown}");
            assert!(!shown.contains("hunter2"), "{input}: {shown}");
            assert!(!shown.contains("hun%3Ater2"), "{input}: {shown}");
            assert!(shown.contains("root:***@"), "{input}: {shown}");
        }
        // A '@' in the path or a user without a password is not a password.
        assert_eq!(
            mask_password("sftp://u@h/a:b@c"),
            "sftp://u@h/a:b@c".to_string()
        );
        assert!(Target::parse_url("sftp://u@h/a:b@c").is_ok());
    }

    #[test]
    fn errors_say_why() {
        for (u, why) in [
            ("http://h/x", "sftp://"),
            ("sftp:///x", "host name is missing"),
            ("sftp://h:99999/", "not a port"),
            ("sftp://h:0/", "not a port"),
            ("sftp://::1/", "brackets"),
            ("sftp://@h/", "empty"),
            ("sftp://h/%zz", "hex"),
            ("sftp://h/~/caf%E9", "UTF-8"),
            ("sftp://h/a%00b", "NUL"),
            ("sftp://h/a%FF%00b", "NUL"),
        ] {
            let e = Target::parse_url(u).unwrap_err().to_string();
            assert!(e.contains(why), "{u}: {e}");
        }
    }
}
