//! Checksums after a transfer: the local file's and the server's, compared the strongest way the
//! server has (`fs::sftp::checksum`: `check-file`, or `sha256sum`/`sha512sum`/`sha1sum`/`md5sum`
//! over exec). Where the server cannot, verification is reported as unavailable, not as passed.
//! The SHA-256 of a file's prefix (`head -c` into `sha256sum`) tells whether a partial file may
//! be continued (`partid.rs`).

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

pub use crate::fs::sftp::checksum::{Algo, Sum, SumWay, shell_quote};
use crate::fs::sftp::checksum::{exec_digest_word, shell_word};

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

/// How one comparison of a copy went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Compared {
    /// The same sums, by this way.
    Same(SumWay),
    /// Different sums: (local, server), as a person reads them.
    Differ { local: String, remote: String },
    /// The server computes no checksum of it.
    Unavailable,
}

/// Compares the local file with the server's, the strongest way the server has (learned on the
/// session's first file): per 64 KiB block by `check-file`, whole by an exec command.
pub async fn compare(
    sftp: &crate::fs::sftp::SftpFs,
    local: &Path,
    remote: &FsPath,
    size: u64,
) -> Result<Compared> {
    let way = sftp.sum_way(remote, size, None).await?;
    let Some(algo) = way.algo() else {
        return Ok(Compared::Unavailable);
    };
    let blocks = matches!(way, SumWay::CheckFile(..));
    let (mine, theirs) = tokio::join!(
        crate::fs::sftp::checksum::local_sum(local, algo, blocks),
        sftp.remote_sum(way, remote, size, blocks)
    );
    let mine = mine?;
    match theirs? {
        None => Ok(Compared::Unavailable),
        Some(t) if t == mine => Ok(Compared::Same(way)),
        Some(t) => Ok(Compared::Differ {
            local: mine.show(Some(&t)),
            remote: t.show(Some(&mine)),
        }),
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
    Ok(match exec_digest_word(conn, command).await? {
        None => RemoteSum::NoExec,
        Some(d) if d.len() == 64 && d.bytes().all(|b| b.is_ascii_hexdigit()) => {
            RemoteSum::Digest(d.to_ascii_lowercase())
        }
        Some(_) => RemoteSum::NoDigest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
