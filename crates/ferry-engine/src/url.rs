//! Addresses people type: `sftp://[user@]host[:port]/path`, scp's and rsync's `[user@]host:path`,
//! and the quick-connect form `[user@]host[:port]`, parsed into a [`Target`].
//!
//! `~` as the first path component means the login's home folder; no path means home as well.
//! In a URL, user and path may be percent-encoded (`%20`); in `host:path` the path is taken as
//! typed (as scp does), and a relative one is relative to the home folder. IPv6 literals go in
//! brackets (`sftp://[::1]:2222/`, `[::1]:/tmp`). `host:path` cannot name a port (as in scp):
//! the command line has `-P` for that.
//!
//! `SITE:path` for a saved site has the same shape as `host:path`; the command line tries a saved
//! site of that name first (`sites::lookup`), and only then reads it as a host.
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
            .ok_or_else(|| {
                bad(if input.contains("://") {
                    "it must start with sftp://, as in sftp://user@host/path"
                } else {
                    FORMS
                })
            })?;
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let mut target = Self::parse_authority(authority).map_err(|r| bad(&r))?;
        target.path = parse_path(path).map_err(|r| bad(&r))?;
        Ok(target)
    }

    /// Parses a quick-connect address: `[user@]host[:port]`, a full `sftp://` URL, or
    /// `[user@]host:path` when what follows the colon is not a port number.
    pub fn parse_quick(input: &str) -> Result<Target> {
        let input = input.trim();
        if input.contains("://") {
            return Self::parse_url(input);
        }
        if scp_split(input).is_some_and(|(_, path)| !is_port(path)) {
            return Self::parse_scp(input);
        }
        Self::parse_authority(input).map_err(|reason| Error::InvalidUrl {
            input: mask_password(input),
            reason,
        })
    }

    /// Parses what a command takes: an `sftp://` (or `ssh://`) URL, or `[user@]host:path`.
    pub fn parse_address(input: &str) -> Result<Target> {
        if input.contains("://") {
            Self::parse_url(input)
        } else {
            Self::parse_scp(input)
        }
    }

    /// True when `input` is written as a URL (and so names its own port), not as `host:path`.
    pub fn is_url(input: &str) -> bool {
        input.contains("://")
    }

    /// Parses scp's and rsync's `[user@]host:path` (`[user@][v6]:path` for IPv6). The path is
    /// taken as typed: absolute with a leading `/`, else relative to the home folder (`~/` or not).
    /// The port is the default one: `host:path` cannot name another.
    pub fn parse_scp(input: &str) -> Result<Target> {
        let bad = |reason: &str| Error::InvalidUrl {
            input: mask_password(input),
            reason: reason.to_string(),
        };
        let (authority, path) = scp_split(input).ok_or_else(|| bad(FORMS))?;
        // `root:secret@host:/x` splits at the first colon: "secret@host" is not a path.
        if path
            .split('/')
            .next()
            .is_some_and(|head| head.contains('@'))
        {
            return Err(bad(PASSWORD_REFUSED));
        }
        if path.contains('\0') {
            return Err(bad("the path contains a NUL character"));
        }
        let mut target = Self::parse_authority(authority).map_err(|r| bad(&r))?;
        target.port = DEFAULT_PORT;
        target.path = plain_path(path).unwrap_or(RemoteStart::Home(String::new()));
        Ok(target)
    }

    fn parse_authority(authority: &str) -> std::result::Result<Target, String> {
        Self::parse_authority_on(authority, DEFAULT_PORT)
    }

    /// `[user@]host[:port]` (a password refused), on `default_port` when it names none: the
    /// authority of an `sftp://` URL, or of a proxy's (`ssh::proxy`).
    pub(crate) fn parse_authority_on(
        authority: &str,
        default_port: u16,
    ) -> std::result::Result<Target, String> {
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
            None => default_port,
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
        authority(self.user.as_deref(), &self.host, self.port)
    }
}

/// `user@host:port` in the form shown to people: brackets around IPv6, no port when it is SSH's
/// own, no `user@` when there is none.
pub fn authority(user: Option<&str>, host: &str, port: u16) -> String {
    let host = bracketed(host);
    let user = user.map(|u| format!("{u}@")).unwrap_or_default();
    if port == DEFAULT_PORT {
        format!("{user}{host}")
    } else {
        format!("{user}{host}:{port}")
    }
}

/// `host`, in brackets when it is an IPv6 address (so that a `:port` can follow).
pub(crate) fn bracketed(host: &str) -> String {
    if host.contains(':') {
        format!("[{host}]")
    } else {
        host.to_string()
    }
}

/// The address forms a command takes, for the message when none fits.
const FORMS: &str = "write it as sftp://user@host[:port]/path or user@host:path";

/// `[user@]host:path` split at the colon that ends the host: (`[user@]host`, `path`). `None` when
/// `input` is not of that form: no colon, a URL, a '/' before the colon (a local `./a:b`), an
/// empty host, or a Windows drive (`C:\x`).
fn scp_split(input: &str) -> Option<(&str, &str)> {
    if input.contains("://") {
        return None;
    }
    let at = input.find('[').filter(|&b| {
        // Brackets open the host only right at the start or right after "user@".
        b == 0 || input[..b].ends_with('@')
    });
    let colon = match at {
        Some(b) => {
            let close = b + input[b..].find(']')?;
            if input.as_bytes().get(close + 1) != Some(&b':') {
                return None;
            }
            close + 1
        }
        None => input.find(':')?,
    };
    let (authority, path) = (&input[..colon], &input[colon + 1..]);
    if authority.is_empty() || authority.ends_with('@') || authority.contains('/') {
        return None;
    }
    if cfg!(windows) && authority.len() == 1 && authority.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some((authority, path))
}

fn is_port(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// A path as typed after `host:` or `SITE:` (not percent-decoded): `None` when empty, `~`, `~/x`
/// and relative paths from the home folder, `/x` absolute.
pub fn plain_path(path: &str) -> Option<RemoteStart> {
    if path.is_empty() {
        return None;
    }
    if path == "~" || path == "~/" {
        return Some(RemoteStart::Home(String::new()));
    }
    if let Some(rel) = path.strip_prefix("~/") {
        return Some(RemoteStart::Home(rel.to_string()));
    }
    if path.starts_with('/') {
        return Some(RemoteStart::Absolute(FsPath::from(path)));
    }
    Some(RemoteStart::Home(path.to_string()))
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
    fn scp_form() {
        let t = Target::parse_address("alice@example.com:/var/log").unwrap();
        assert_eq!(
            (t.user.as_deref(), t.host.as_str(), t.port),
            (Some("alice"), "example.com", 22)
        );
        assert_eq!(t.path, RemoteStart::Absolute(FsPath::from("/var/log")));
        for (input, path) in [
            ("host:", RemoteStart::Home(String::new())),
            ("host:~", RemoteStart::Home(String::new())),
            ("host:~/", RemoteStart::Home(String::new())),
            ("host:docs/a b", RemoteStart::Home("docs/a b".into())),
            ("host:~/docs", RemoteStart::Home("docs".into())),
            // Taken as typed: no percent-decoding, a colon in the path is part of it.
            (
                "host:/a%20b:c",
                RemoteStart::Absolute(FsPath::from("/a%20b:c")),
            ),
            ("host:2222", RemoteStart::Home("2222".into())),
            ("host:-rf", RemoteStart::Home("-rf".into())),
            ("host:a\nb", RemoteStart::Home("a\nb".into())),
        ] {
            let t = Target::parse_address(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!((t.host.as_str(), &t.path), ("host", &path), "{input}");
            assert_eq!(t.user, None);
        }
        let six = Target::parse_address("[::1]:/tmp").unwrap();
        assert_eq!((six.host.as_str(), six.port), ("::1", 22));
        assert_eq!(six.path, RemoteStart::Absolute(FsPath::from("/tmp")));
        let six = Target::parse_address("bob@[fe80::1%eth0]:x").unwrap();
        assert_eq!(six.user.as_deref(), Some("bob"));
        assert_eq!(six.host, "fe80::1%eth0");
        assert_eq!(six.path, RemoteStart::Home("x".into()));
        // A user name with '@' in it: the last '@' before the host.
        let t = Target::parse_address("me@corp@h:/x").unwrap();
        assert_eq!((t.user.as_deref(), t.host.as_str()), (Some("me@corp"), "h"));
    }

    #[test]
    fn scp_form_refusals() {
        for (input, why) in [
            ("plain", "user@host:path"),
            ("./a:b", "user@host:path"),
            (":/x", "user@host:path"),
            ("@h:/x", "empty"),
            ("u@:/x", "user@host:path"),
            ("[::1]/x", "user@host:path"),
            ("::1:/x", "user@host:path"),
            ("h h:/x", "spaces"),
        ] {
            let e = Target::parse_address(input).unwrap_err().to_string();
            assert!(e.contains(why), "{input}: {e}");
        }
        for input in ["root:hunter2@host:/etc", "root:hunter2@host"] {
            let e = Target::parse_address(input).unwrap_err().to_string();
            assert!(e.contains("password"), "{input}: {e}");
            assert!(!e.contains("hunter2"), "{input}: {e}");
        }
    }

    /// Quick connect: digits after the colon are a port, anything else a path.
    #[test]
    fn quick_connect_takes_a_port_or_a_path() {
        let q = Target::parse_quick("u@h:2222").unwrap();
        assert_eq!((q.port, &q.path), (2222, &RemoteStart::Home(String::new())));
        let q = Target::parse_quick("u@h:/srv").unwrap();
        assert_eq!(
            (q.port, &q.path),
            (22, &RemoteStart::Absolute(FsPath::from("/srv")))
        );
        let q = Target::parse_quick("[::1]:2200").unwrap();
        assert_eq!((q.host.as_str(), q.port), ("::1", 2200));
        let q = Target::parse_quick("[::1]:~/x").unwrap();
        assert_eq!(q.path, RemoteStart::Home("x".into()));
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
