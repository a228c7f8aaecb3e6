//! Checksums after a transfer: SHA-256 of the local file, and of the remote one computed by the
//! server (`sha256sum` over an SSH exec channel, where the server has a shell or provides it, as
//! SFTPGo does). Where the server cannot, verification is reported as unavailable, not as passed.

use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::fs::path::FsPath;
use crate::ssh::Connection;

pub async fn local_sha256(path: &Path) -> Result<String> {
    local_sha256_prefix(path, None).await
}

/// SHA-256 of the first `len` bytes of `path` (all of it for `None`).
pub async fn local_sha256_prefix(path: &Path, len: Option<u64>) -> Result<String> {
    let p = path.to_path_buf();
    tokio::task::spawn_blocking(move || {
        let f = std::fs::File::open(&p).map_err(|e| Error::from_local_io(&e, &p))?;
        let mut f = f.take(len.unwrap_or(u64::MAX));
        let mut h = Sha256::new();
        let mut buf = vec![0u8; 1 << 20];
        loop {
            let n = f.read(&mut buf).map_err(|e| Error::from_local_io(&e, &p))?;
            if n == 0 {
                break;
            }
            h.update(&buf[..n]);
        }
        Ok(hex::encode(h.finalize()))
    })
    .await
    .map_err(|e| Error::Io {
        path: path.display().to_string(),
        detail: e.to_string(),
    })?
}

/// Single-quotes `s` for a POSIX shell.
pub fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// What the server said about a file's checksum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemoteSum {
    /// Lowercase hex SHA-256.
    Digest(String),
    /// The command ran but gave no checksum (no `sha256sum`, an unreadable file).
    NoDigest,
    /// The server runs no commands at all: it refused the exec request or never answered it
    /// (see [`Connection::exec`]). Asking again for the next file is pointless.
    NoExec,
}

/// `path` as one shell word, and what must run before it: the quoted text when it is UTF-8 (an
/// exec request is text); otherwise a variable that POSIX `printf` fills from octal escapes of
/// every byte (the `X` keeps trailing newlines from being cut by `$(...)`).
fn shell_word(path: &FsPath) -> (String, String) {
    match std::str::from_utf8(path.as_bytes()) {
        Ok(text) => (String::new(), shell_quote(text)),
        Err(_) => {
            let octal: String = path
                .as_bytes()
                .iter()
                .map(|b| format!("\\{b:03o}"))
                .collect();
            (
                format!("f=$(printf '{octal}X'); "),
                "\"${f%X}\"".to_string(),
            )
        }
    }
}

/// The server's SHA-256 of `path`, computed by `sha256sum` over an exec channel.
pub async fn remote_sha256(conn: &Connection, path: &FsPath) -> Result<RemoteSum> {
    let (set, word) = shell_word(path);
    run_sha256(conn, &format!("{set}sha256sum -b -- {word}")).await
}

/// The server's SHA-256 of the first `len` bytes of `path` (`head -c` into `sha256sum`: needs a
/// shell there, so servers that run only named commands answer `NoDigest`).
pub async fn remote_sha256_prefix(conn: &Connection, path: &FsPath, len: u64) -> Result<RemoteSum> {
    let (set, word) = shell_word(path);
    let command = format!("{set}head -c {len} -- {word} | sha256sum -b");
    run_sha256(conn, &command).await
}

async fn run_sha256(conn: &Connection, command: &str) -> Result<RemoteSum> {
    let (status, out) = match conn.exec(command, 4096).await {
        Ok(r) => r,
        Err(Error::Unsupported { what }) => {
            tracing::info!("no checksums: the server does not support {what}");
            return Ok(RemoteSum::NoExec);
        }
        Err(e) => return Err(e),
    };
    if status != Some(0) {
        return Ok(RemoteSum::NoDigest);
    }
    let text = String::from_utf8_lossy(&out);
    let digest = text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_start_matches('\\');
    if digest.len() == 64 && digest.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(RemoteSum::Digest(digest.to_ascii_lowercase()))
    } else {
        Ok(RemoteSum::NoDigest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote("-rf"), "'-rf'");
        let odd = FsPath::from_bytes(b"/t/\xe9'\n".to_vec());
        assert_eq!(
            shell_word(&odd),
            (
                r"f=$(printf '\057\164\057\351\047\012X'); ".to_string(),
                "\"${f%X}\"".to_string()
            )
        );
    }

    #[tokio::test]
    async fn sha256_of_file() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("f");
        std::fs::write(&p, b"abc").unwrap();
        assert_eq!(
            local_sha256(&p).await.unwrap(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
