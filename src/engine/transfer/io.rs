//! The data path: pipelined SFTP reads (downloads) and writes (uploads) on one handle, many
//! requests in flight, completing in any order, positioned writes so the file is exact.
//!
//! Request sizes come from the server's `limits@openssh.com` (else 32 KiB). A short read asks for
//! the rest; a reply longer than asked is refused; a file that grew while read is read to its end
//! and one that shrank is reported, never passed off as complete. On error the partial file is cut
//! back to its contiguous prefix, so a resume never leaves a hole.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use russh_sftp::client::error::Error as SftpError;
use russh_sftp::protocol::{FileAttributes, OpenFlags, StatusCode};

use crate::engine::error::{Error, Result};
use crate::engine::path::FsPath;
use crate::engine::sftp::SftpFs;
use crate::engine::transfer::control::Control;
use crate::engine::transfer::progress::Counters;

/// Requests kept in flight per file.
pub const IN_FLIGHT: usize = 64;

/// How far back a resume starts when the contiguous prefix of a partial file is not known (after a
/// crash): holes can only be within the last window of requests.
pub fn resume_window(chunk: u32) -> u64 {
    IN_FLIGHT as u64 * u64::from(chunk)
}

/// Completed byte ranges, tracking the contiguous prefix from the start offset.
#[derive(Debug)]
struct Ranges {
    prefix: u64,
    pending: BTreeMap<u64, u64>,
}

impl Ranges {
    fn new(start: u64) -> Ranges {
        Ranges {
            prefix: start,
            pending: BTreeMap::new(),
        }
    }

    fn insert(&mut self, start: u64, end: u64) {
        if start > self.prefix {
            let e = self.pending.entry(start).or_insert(end);
            *e = (*e).max(end);
            return;
        }
        self.prefix = self.prefix.max(end);
        while let Some((&s, &e)) = self.pending.first_key_value() {
            if s > self.prefix {
                break;
            }
            self.pending.pop_first();
            self.prefix = self.prefix.max(e);
        }
    }
}

/// Shared state for one file's copy.
pub struct Copy<'a> {
    pub sftp: &'a SftpFs,
    pub control: &'a Control,
    pub counters: &'a Counters,
    /// This file's bytes, for per-file progress.
    pub file_bytes: &'a std::sync::atomic::AtomicU64,
}

impl Copy<'_> {
    fn add(&self, n: u64) {
        Counters::add(&self.counters.bytes_done, n);
        Counters::add(self.file_bytes, n);
    }

    fn sub(&self, n: u64) {
        Counters::sub(&self.counters.bytes_done, n);
        Counters::sub(self.file_bytes, n);
    }
}

fn local_err(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::from_local_io(&e, path)
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> std::io::Result<T> + Send + 'static,
) -> std::io::Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or_else(|e| Err(std::io::Error::other(e.to_string())))
}

#[cfg(unix)]
fn write_at(f: &File, buf: &[u8], off: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(f, buf, off)
}

#[cfg(windows)]
fn write_at(f: &File, mut buf: &[u8], mut off: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        let n = std::os::windows::fs::FileExt::seek_write(f, buf, off)?;
        buf = &buf[n..];
        off += n as u64;
    }
    Ok(())
}

#[cfg(unix)]
fn read_at(f: &File, buf: &mut [u8], off: u64) -> std::io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(f, buf, off)
}

#[cfg(windows)]
fn read_at(f: &File, buf: &mut [u8], off: u64) -> std::io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(f, buf, off)
}

/// Opens (creating) a local partial file without following a symlink planted at its name.
pub fn open_part_local(path: &Path, truncate: bool) -> std::io::Result<File> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create(true).truncate(truncate);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW).mode(0o644);
    }
    o.open(path)
}

/// Downloads `src` into the local file `part`, from `start`; `expected` is the size the listing
/// gave. Returns the final size.
pub async fn download(
    c: &Copy<'_>,
    src: &FsPath,
    part: &Path,
    start: u64,
    expected: u64,
) -> Result<u64> {
    let raw = c.sftp.raw().clone();
    let handle = raw
        .open(src.to_wire()?, OpenFlags::READ, FileAttributes::empty())
        .await
        .map_err(|e| c.sftp.map_error(e, src))?
        .handle;
    let part_owned = part.to_path_buf();
    let file = blocking(move || {
        let f = open_part_local(&part_owned, start == 0)?;
        f.set_len(start)?;
        Ok(f)
    })
    .await
    .map_err(local_err(part));
    let result = match file {
        Ok(file) => {
            let file = Arc::new(file);
            let r = pump_down(c, &handle, src, part, &file, start, expected).await;
            if let Err((_, prefix)) = &r {
                let (f, p) = (file.clone(), *prefix);
                let _ = blocking(move || f.set_len(p)).await;
            }
            r.map_err(|(e, _)| e)
        }
        Err(e) => Err(e),
    };
    let _ = raw.close(handle).await;
    result
}

type ReadReply = (
    u64,
    u32,
    std::result::Result<russh_sftp::protocol::Data, SftpError>,
);

async fn pump_down(
    c: &Copy<'_>,
    handle: &str,
    src: &FsPath,
    part: &Path,
    file: &Arc<File>,
    start: u64,
    expected: u64,
) -> std::result::Result<u64, (Error, u64)> {
    let raw = c.sftp.raw();
    let chunk = c.sftp.limits().read_len;
    let mut ranges = Ranges::new(start);
    let mut next = start;
    let mut limit = expected.max(start);
    let mut probed = false;
    let mut eof: Option<u64> = None;
    let mut written: u64 = 0;
    let mut pending = FuturesUnordered::new();
    let read = |off: u64, len: u32| {
        let raw = raw.clone();
        let h = handle.to_string();
        async move { (off, len, raw.read(h, off, len).await) as ReadReply }
    };
    let fail = |e: Error, ranges: &Ranges, written: u64| {
        c.sub(written.saturating_sub(ranges.prefix - start));
        (e, ranges.prefix)
    };
    loop {
        while pending.len() < IN_FLIGHT && eof.is_none_or(|e| next < e) {
            if next < limit {
                let len = (limit - next).min(u64::from(chunk)) as u32;
                pending.push(read(next, len));
                next += u64::from(len);
            } else if !probed {
                // One read past the expected end: did the file grow?
                probed = true;
                pending.push(read(next, chunk));
                next += u64::from(chunk);
                limit = next;
            } else {
                break;
            }
        }
        let Some((off, len, reply)) = pending.next().await else {
            break;
        };
        if let Err(e) = c.control.checkpoint().await {
            return Err(fail(e, &ranges, written));
        }
        match reply {
            Ok(data) if data.data.len() > len as usize => {
                let e = Error::Protocol {
                    detail: format!("the server sent more data than asked for reading {src}"),
                };
                return Err(fail(e, &ranges, written));
            }
            Ok(data) if data.data.is_empty() => eof = Some(eof.map_or(off, |e| e.min(off))),
            Ok(data) => {
                let n = data.data.len() as u64;
                let f = file.clone();
                let buf = data.data;
                if let Err(e) = blocking(move || write_at(&f, &buf, off)).await {
                    return Err(fail(Error::from_local_io(&e, part), &ranges, written));
                }
                written += n;
                c.add(n);
                ranges.insert(off, off + n);
                if off + n > expected {
                    limit = u64::MAX; // it grew: read on to the real end
                }
                if n < u64::from(len) {
                    pending.push(read(off + n, len - n as u32));
                }
            }
            Err(SftpError::Status(s)) if s.status_code == StatusCode::Eof => {
                eof = Some(eof.map_or(off, |e| e.min(off)));
            }
            Err(e) => return Err(fail(c.sftp.map_error(e, src), &ranges, written)),
        }
    }
    let size = ranges.prefix;
    if !ranges.pending.is_empty() || eof.is_some_and(|e| e > size) {
        let e = Error::Protocol {
            detail: format!("the server's replies for {src} left gaps in the file"),
        };
        return Err(fail(e, &ranges, written));
    }
    Ok(size)
}

/// Uploads the local file `src` into the remote file `part`, from `start`. Reads the local file to
/// its end (a file that grew is sent whole). Returns the size written.
pub async fn upload(c: &Copy<'_>, src: &Path, part: &FsPath, start: u64) -> Result<u64> {
    let raw = c.sftp.raw().clone();
    let src_owned = src.to_path_buf();
    let file = Arc::new(
        blocking(move || File::open(&src_owned))
            .await
            .map_err(local_err(src))?,
    );
    let mut flags = OpenFlags::WRITE | OpenFlags::CREATE;
    if start == 0 {
        flags |= OpenFlags::TRUNCATE;
    }
    let handle = raw
        .open(part.to_wire()?, flags, FileAttributes::empty())
        .await
        .map_err(|e| c.sftp.map_error(e, part))?
        .handle;
    let result = pump_up(c, &handle, src, part, &file, start).await;
    let closed = raw.close(handle.clone()).await;
    match (result, closed) {
        (Ok((size, _)), Ok(_)) => Ok(size),
        // A failed close can be the first sign of a full disk on some servers.
        (Ok(_), Err(e)) => Err(c.sftp.map_error(e, part)),
        (Err((e, prefix)), _) => {
            // Cut the remote partial file back to what is known to be contiguous.
            let attrs = FileAttributes {
                size: Some(prefix),
                ..FileAttributes::empty()
            };
            if let Ok(w) = part.to_wire() {
                let _ = raw.setstat(w, attrs).await;
            }
            Err(e)
        }
    }
}

async fn pump_up(
    c: &Copy<'_>,
    handle: &str,
    src: &Path,
    part: &FsPath,
    file: &Arc<File>,
    start: u64,
) -> std::result::Result<(u64, u64), (Error, u64)> {
    let raw = c.sftp.raw();
    let chunk = c.sftp.limits().write_len as usize;
    let mut ranges = Ranges::new(start);
    let mut next = start;
    let mut at_eof = false;
    let mut written = 0u64;
    let mut pending = FuturesUnordered::new();
    let fail = |e: Error, ranges: &Ranges, written: u64| {
        c.sub(written.saturating_sub(ranges.prefix - start));
        (e, ranges.prefix)
    };
    loop {
        while pending.len() < IN_FLIGHT && !at_eof {
            let f = file.clone();
            let off = next;
            let buf = blocking(move || {
                let mut buf = vec![0u8; chunk];
                let mut got = 0;
                while got < chunk {
                    match read_at(&f, &mut buf[got..], off + got as u64)? {
                        0 => break,
                        n => got += n,
                    }
                }
                buf.truncate(got);
                Ok(buf)
            })
            .await
            .map_err(|e| fail(Error::from_local_io(&e, src), &ranges, written))?;
            if buf.len() < chunk {
                at_eof = true;
            }
            if buf.is_empty() {
                break;
            }
            let n = buf.len() as u64;
            next += n;
            let raw = raw.clone();
            let h = handle.to_string();
            pending.push(async move { (off, n, raw.write(h, off, buf).await) });
        }
        let Some((off, n, reply)) = pending.next().await else {
            break;
        };
        if let Err(e) = c.control.checkpoint().await {
            return Err(fail(e, &ranges, written));
        }
        if let Err(e) = reply {
            return Err(fail(c.sftp.map_error(e, part), &ranges, written));
        }
        written += n;
        c.add(n);
        ranges.insert(off, off + n);
    }
    Ok((ranges.prefix, written))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_track_contiguous_prefix() {
        let mut r = Ranges::new(100);
        r.insert(200, 300);
        assert_eq!(r.prefix, 100);
        r.insert(100, 150);
        assert_eq!(r.prefix, 150);
        r.insert(150, 200);
        assert_eq!(r.prefix, 300);
        assert!(r.pending.is_empty());
        r.insert(400, 500);
        r.insert(300, 350);
        assert_eq!(r.prefix, 350);
    }
}
