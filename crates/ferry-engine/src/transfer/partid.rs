//! Which source a leftover `.ferrypart` belongs to: the rule that decides whether it may be
//! continued, so that a changed source is never spliced onto an old prefix.
//!
//! When a copy of a file of at least [`RESUMABLE_MIN`] bytes starts from zero, a small "id" file is
//! written beside its partial file (`name.ferrypart-id`, on the destination side, at the same
//! time as the first data, so it costs no round trip): the source's size and modification time.
//! A later run (after a crash, a kill, a lost connection that outlived its retries) continues a
//! leftover partial file only when
//! 1. its id file names the source as it is now: the same size and the same mtime (to the
//!    second), and the partial file is no longer than that;
//! 2. and, where the server computes checksums (`sha256sum` and a shell over SSH), the SHA-256 of
//!    the partial file's bytes equals that of the source's first as many bytes.
//!
//! Anything else (no id file, a source of another size or time, a prefix that differs, a source
//! with no mtime) and the partial file is deleted and the copy starts from zero. The rule holds
//! under every conflict choice, since it is asked before the copy starts, whatever was decided
//! about the destination. "Resume" on an existing destination (no id file: the person chose to
//! continue that file) is checked by rule 2 where the server can, and fails the file
//! (`Error::NotAPrefix`) rather than splice. Retries within one run need no id: the worker knows
//! the exact prefix it left.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::{Error, Result};
use crate::fs::local::to_local;
use crate::fs::path::FsPath;
use crate::transfer::Direction;
use crate::transfer::disk::blocking;
use crate::transfer::pool::Link;
use crate::transfer::verify::{self, RemoteSum};
use russh_sftp::protocol::{FileAttributes, OpenFlags};

/// Files at least this big get an id file (smaller ones start again from zero: they take less
/// time than checking).
pub const RESUMABLE_MIN: u64 = 1 << 20;

/// The suffix of the id file, after the file's own name (in place of `.ferrypart`).
pub const ID_SUFFIX: &str = ".ferrypart-id";

const MAGIC: &str = "ferry partial file v1";

/// The source a partial file was started from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartId {
    pub size: u64,
    /// Seconds since the Unix epoch.
    pub mtime: u64,
}

impl PartId {
    /// The id of a source of `size` bytes last modified at `mtime`; `None` without an mtime (such
    /// a source cannot be recognised later, so its partial files are never continued).
    pub fn of(size: u64, mtime: Option<SystemTime>) -> Option<PartId> {
        let mtime = mtime?.duration_since(UNIX_EPOCH).ok()?.as_secs();
        Some(PartId { size, mtime })
    }

    fn encode(&self) -> Vec<u8> {
        format!("{MAGIC}\nsize {}\nmtime {}\n", self.size, self.mtime).into_bytes()
    }

    fn decode(bytes: &[u8]) -> Option<PartId> {
        let text = std::str::from_utf8(bytes).ok()?;
        let mut lines = text.lines();
        if lines.next()? != MAGIC {
            return None;
        }
        let mut field = |name: &str| -> Option<u64> {
            lines
                .next()?
                .strip_prefix(name)?
                .strip_prefix(' ')?
                .parse()
                .ok()
        };
        let size = field("size")?;
        let mtime = field("mtime")?;
        Some(PartId { size, mtime })
    }
}

/// The id file of the copy whose destination is `dst`.
pub fn id_path(dst: &FsPath) -> FsPath {
    crate::transfer::dest::sibling_with_suffix(dst, ID_SUFFIX)
}

/// Writes the id file for `dst` on the destination side.
pub async fn write(link: &Link, direction: Direction, dst: &FsPath, id: PartId) -> Result<()> {
    let path = id_path(dst);
    let data = id.encode();
    match direction {
        Direction::Download => {
            let p = to_local(&path);
            blocking(move || {
                let mut o = std::fs::OpenOptions::new();
                o.write(true).create(true).truncate(true);
                #[cfg(unix)]
                {
                    use std::os::unix::fs::OpenOptionsExt;
                    o.custom_flags(libc::O_NOFOLLOW).mode(0o600);
                }
                std::io::Write::write_all(&mut o.open(&p)?, &data)
            })
            .await
            .map_err(|e| Error::from_local_io(&e, &to_local(&path)))
        }
        Direction::Upload => {
            let raw = link.sftp.raw();
            let attrs = FileAttributes {
                permissions: Some(0o600),
                ..FileAttributes::empty()
            };
            let flags = OpenFlags::WRITE | OpenFlags::CREATE | OpenFlags::TRUNCATE;
            let err = |e| link.sftp.map_error(e, &path);
            let Ok(wire) = path.to_wire() else {
                // A name that is not UTF-8 goes over the byte-exact client.
                let b = link.sftp.bytes().await?;
                let h = b
                    .open(path.as_bytes(), flags.bits(), &attrs)
                    .await
                    .map_err(err)?;
                let (w, c) = tokio::join!(b.write(&h, 0, &data), b.close(&h));
                w.map_err(err)?;
                return c.map_err(err);
            };
            let h = raw.open(wire, flags, attrs).await.map_err(err)?;
            let (w, c) = tokio::join!(raw.write(h.handle.clone(), 0, data), raw.close(h.handle));
            w.map_err(err)?;
            c.map_err(err)?;
            Ok(())
        }
    }
}

/// Reads the id file for `dst`; `None` when there is none or it is not one of ours.
async fn read(link: &Link, direction: Direction, dst: &FsPath) -> Option<PartId> {
    let path = id_path(dst);
    let bytes = match direction {
        Direction::Download => {
            let p = to_local(&path);
            blocking(move || {
                use std::io::Read;
                let mut buf = Vec::new();
                std::fs::File::open(p)?.take(256).read_to_end(&mut buf)?;
                Ok(buf)
            })
            .await
            .ok()?
        }
        Direction::Upload if path.to_wire().is_err() => {
            let b = link.sftp.bytes().await.ok()?;
            let flags = OpenFlags::READ.bits();
            let h = b
                .open(path.as_bytes(), flags, &FileAttributes::empty())
                .await
                .ok()?;
            let (d, _) = tokio::join!(b.read(&h, 0, 256), b.close(&h));
            d.ok()?
        }
        Direction::Upload => {
            let raw = link.sftp.raw();
            let h = raw
                .open(
                    path.to_wire().ok()?,
                    OpenFlags::READ,
                    FileAttributes::empty(),
                )
                .await
                .ok()?;
            let (d, _) = tokio::join!(raw.read(h.handle.clone(), 0, 256), raw.close(h.handle));
            d.ok()?.data
        }
    };
    PartId::decode(&bytes)
}

/// Removes the id file for `dst`, if there is one (errors are of no consequence: a stale id
/// names a source that no partial file matches).
pub async fn remove(link: &Link, direction: Direction, dst: &FsPath) {
    let path = id_path(dst);
    match direction {
        Direction::Download => {
            let p = to_local(&path);
            let _ = blocking(move || std::fs::remove_file(p)).await;
        }
        Direction::Upload => match path.to_wire() {
            Ok(w) => {
                let _ = link.sftp.raw().remove(w).await;
            }
            Err(_) => {
                if let Ok(b) = link.sftp.bytes().await {
                    let _ = b.remove(path.as_bytes()).await;
                }
            }
        },
    }
}

/// Whether the partial file of `dst`, `part_size` bytes long, may be continued as a copy of the
/// source `src` as it is now (`id`): rules 1 and 2 of the module header. `checked`: how much of
/// the partial file rule 2 compares (what the copy keeps; `None`: skip rule 2).
pub async fn belongs(
    link: &Link,
    direction: Direction,
    src: &FsPath,
    dst: &FsPath,
    part_size: u64,
    id: Option<PartId>,
    checked: Option<u64>,
) -> bool {
    let Some(id) = id else { return false };
    if part_size > id.size || read(link, direction, dst).await != Some(id) {
        return false;
    }
    let Some(len) = checked else { return true };
    let part = crate::transfer::dest::part_path(dst);
    prefix_matches(link, direction, src, &part, len).await != Some(false)
}

/// Whether the first `len` bytes of `a` (a partial file or existing destination) and of the
/// source are the same, by SHA-256 on both sides; `None` when the server cannot say.
pub async fn prefix_matches(
    link: &Link,
    direction: Direction,
    src: &FsPath,
    partial: &FsPath,
    len: u64,
) -> Option<bool> {
    if len == 0 {
        return Some(true);
    }
    let (local, remote) = match direction {
        Direction::Download => (to_local(partial), src),
        Direction::Upload => (to_local(src), partial),
    };
    let (l, r) = tokio::join!(
        verify::local_sha256_prefix(&local, Some(len)),
        verify::remote_sha256_prefix(&link.conn, remote, len)
    );
    match (l, r) {
        (Ok(l), Ok(RemoteSum::Digest(r))) => Some(l == r),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_nothing_else_parses() {
        let id = PartId {
            size: 123,
            mtime: 1_700_000_000,
        };
        assert_eq!(PartId::decode(&id.encode()), Some(id));
        assert_eq!(PartId::decode(b"size 123\nmtime 1\n"), None);
        assert_eq!(PartId::decode(b""), None);
        assert_eq!(PartId::of(5, None), None);
        assert_eq!(
            id_path(&FsPath::from("/d/a.txt")),
            FsPath::from("/d/a.txt.ferrypart-id")
        );
    }
}
