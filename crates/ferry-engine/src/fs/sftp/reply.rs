//! What an SFTP server's replies mean for Ferry: status codes mapped to errors a person can act on
//! (the server's own message escaped), and attributes plus `ls -l` long names turned into
//! entries (owner and group escaped too). No I/O here: `mod.rs` sends the requests.

use std::time::{Duration, UNIX_EPOCH};

use russh_sftp::client::error::Error as SftpError;
use russh_sftp::protocol::{FileAttributes, StatusCode};

use crate::error::{Error, Side};
use crate::fs::entry::{Entry, Kind};
use crate::fs::path::FsPath;

/// Maps an SFTP error about `path` to a kind a person can act on.
pub(crate) fn map_err(e: SftpError, path: &str, host: &str, timeout: Duration) -> Error {
    let path = path.to_string();
    match e {
        SftpError::Status(mut s) => {
            // The server's own words: shown, so escaped like a name (no terminal codes).
            s.error_message = crate::display::escape_for_display(&s.error_message);
            map_status(s, path, host)
        }
        SftpError::Timeout => Error::Timeout {
            what: format!("waiting for {host} to answer about {path}"),
            secs: timeout.as_secs(),
        },
        SftpError::IO(detail) => Error::ConnectionLost { detail },
        SftpError::UnexpectedBehavior(detail)
            if detail.contains("closed")
                || detail.contains("SendError")
                || detail.contains("RecvError")
                || detail.contains("dropped") =>
        {
            Error::ConnectionLost {
                detail: format!("{host}: the SFTP session ended"),
            }
        }
        other => Error::Protocol {
            detail: format!("{host}: {other}"),
        },
    }
}

/// Maps an SFTP status reply (its message already escaped) to an error.
fn map_status(s: russh_sftp::protocol::Status, path: String, host: &str) -> Error {
    match s.status_code {
        StatusCode::NoSuchFile => Error::NotFound { path },
        StatusCode::PermissionDenied => Error::PermissionDenied {
            side: Side::Remote,
            path,
        },
        StatusCode::OpUnsupported => Error::Unsupported {
            what: format!("this operation on {path}"),
        },
        StatusCode::NoConnection | StatusCode::ConnectionLost => Error::ConnectionLost {
            detail: format!("{host}: {}", s.error_message),
        },
        _ => {
            let msg = s.error_message.to_lowercase();
            if msg.contains("no space") || msg.contains("quota") || msg.contains("disk full") {
                Error::DiskFull {
                    side: Side::Remote,
                    path,
                }
            } else {
                Error::Failure {
                    path,
                    message: if s.error_message.is_empty() {
                        format!("{:?}", s.status_code)
                    } else {
                        s.error_message
                    },
                }
            }
        }
    }
}

/// Builds an entry from SFTP attributes and the `ls -l`-style long name (where owner and group
/// names are, in SFTP v3).
pub(crate) fn entry_from(name: &str, longname: &str, attrs: &FileAttributes) -> Entry {
    entry_from_bytes(name.as_bytes(), longname, attrs)
}

/// As [`entry_from`], for a name given as bytes.
pub(super) fn entry_from_bytes(name: &[u8], longname: &str, attrs: &FileAttributes) -> Entry {
    let kind = match attrs.permissions.map(|p| p & 0o170000) {
        Some(0o040000) => Kind::Dir,
        Some(0o100000) => Kind::File,
        Some(0o120000) => Kind::Symlink,
        Some(0) | None => match longname.as_bytes().first() {
            Some(b'd') => Kind::Dir,
            Some(b'l') => Kind::Symlink,
            Some(b'-') => Kind::File,
            _ => Kind::Other,
        },
        Some(_) => Kind::Other,
    };
    let mut e = Entry::new(name.to_vec(), kind);
    e.size = attrs.size;
    e.mtime = attrs
        .mtime
        .map(|t| UNIX_EPOCH + Duration::from_secs(u64::from(t)));
    e.perms = attrs.permissions;
    e.uid = attrs.uid;
    e.gid = attrs.gid;
    let fields: Vec<&str> = longname.split_whitespace().collect();
    if fields.len() >= 9 && fields[0].len() >= 10 {
        e.owner = Some(fields[2].to_string());
        e.group = Some(fields[3].to_string());
    } else {
        e.owner = attrs
            .user
            .clone()
            .or_else(|| attrs.uid.map(|u| u.to_string()));
        e.group = attrs
            .group
            .clone()
            .or_else(|| attrs.gid.map(|g| g.to_string()));
    }
    // Owner and group are the server's text too: never shown raw.
    let escape = crate::display::escape_for_display;
    e.owner = e.owner.as_deref().map(escape);
    e.group = e.group.as_deref().map(escape);
    e
}

/// The entry for a path's own last component (exact when the path is not UTF-8: it then went
/// over the byte client, which names it exactly).
pub(super) fn leaf_entry(path: &FsPath, attrs: &FileAttributes) -> Entry {
    let leaf = path.file_name().unwrap_or(path.as_bytes());
    let e = entry_from_bytes(leaf, "", attrs);
    if path.to_wire().is_err() { exact(e) } else { e }
}

/// An entry whose name came over the byte client: its bytes are the server's own.
pub(super) fn exact(mut e: Entry) -> Entry {
    e.exact = true;
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(code: StatusCode, message: &str) -> SftpError {
        SftpError::Status(russh_sftp::protocol::Status {
            id: 1,
            status_code: code,
            error_message: message.into(),
            language_tag: "en".into(),
        })
    }

    /// A server's status message reaches a terminal and the window: never with its control codes.
    #[test]
    fn a_servers_message_is_escaped() {
        let t = Duration::from_secs(1);
        let e = map_err(status(StatusCode::Failure, "no\x1b[2Jway"), "/f", "h", t);
        assert_eq!(
            e,
            Error::Failure {
                path: "/f".into(),
                message: "no\\x1b[2Jway".into()
            }
        );
        let e = map_err(status(StatusCode::ConnectionLost, "bye\r\n"), "/f", "h", t);
        assert_eq!(
            e,
            Error::ConnectionLost {
                detail: "h: bye\\r\\n".into()
            }
        );
    }
}
