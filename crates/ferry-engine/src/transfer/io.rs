//! The data path: pipelined SFTP reads (downloads) and writes (uploads), many requests in flight,
//! completing in any order, positioned writes so the file is exact.
//!
//! A big file is read or written over several connections at once ("lanes", each with its own
//! handle): one SSH channel is capped by its window (OpenSSH's 2 MiB is ~50 MB/s at 40 ms RTT),
//! several are not. The lanes take chunks from one shared cursor and the whole file never has more
//! than `IN_FLIGHT` requests outstanding, so a partial file only has holes in its last window:
//! resuming `resume_window` bytes before its end is always safe, even after a crash.
//!
//! Request sizes come from the server's `limits@openssh.com` (else 32 KiB). A short read asks for
//! the rest; a reply longer than asked is refused; a file that grew while read is read to its end
//! (at most [`GROWTH_ALLOWANCE`] past its listed size) and one that shrank is reported, never
//! passed off as complete. On error the partial file is cut
//! back to its contiguous prefix.
//!
//! Each request waits for the job's bandwidth limit (`limit.rs`) before it is sent.
//!
//! A file whose server path is not UTF-8 goes the same way over the session's byte client
//! ([`Lane::Bytes`]): russh-sftp cannot name it.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::Path;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use russh_sftp::client::RawSftpSession;
use russh_sftp::client::error::Error as SftpError;
use russh_sftp::protocol::{FileAttributes, OpenFlags, StatusCode};

use crate::error::{Error, Result};
use crate::fs::FileSystem;
use crate::fs::path::FsPath;
use crate::fs::sftp::bytes::ByteSftp;
use crate::transfer::control::Control;
pub use crate::transfer::copy::Copy;
use crate::transfer::disk::{blocking, local_err, open_part_local, read_full, write_at};
use crate::transfer::small;
pub use crate::transfer::small::Settled;

/// Requests kept in flight per file (over all its lanes).
pub const IN_FLIGHT: usize = 64;

/// Files at least this big are copied over every connection of the pool at once.
pub const LANES_MIN_SIZE: u64 = 64 << 20;

/// How far a download follows a file that grows while it is read: to its real end, but at most
/// this much (or its listed size, if larger) past the size it was listed with. A server whose
/// file never ends (a hostile one, or a device) then fails the file instead of filling the disk.
pub const GROWTH_ALLOWANCE: u64 = 64 << 20;

/// The largest size a download of a file listed at `expected` bytes reads to.
pub fn growth_cap(expected: u64) -> u64 {
    expected.saturating_add(expected.max(GROWTH_ALLOWANCE))
}

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

/// An open remote file: a russh-sftp handle, or a byte client's one for a path that is not UTF-8.
#[derive(Clone)]
enum Lane<'a> {
    Raw(Arc<RawSftpSession>, String),
    Bytes(&'a ByteSftp, Vec<u8>),
}

impl<'a> Lane<'a> {
    async fn open(c: &Copy<'a>, path: &FsPath, flags: OpenFlags) -> Result<Lane<'a>> {
        let attrs = if flags.contains(OpenFlags::CREATE) {
            c.create_attrs()
        } else {
            FileAttributes::empty()
        };
        let err = |e| c.sftp.map_error(e, path);
        match path.to_wire() {
            Ok(w) => {
                let raw = c.sftp.raw().clone();
                let h = raw.open(w, flags, attrs).await.map_err(err)?.handle;
                Ok(Lane::Raw(raw, h))
            }
            Err(_) => {
                let b = c.sftp.bytes().await?;
                let h = b.open(path.as_bytes(), flags.bits(), &attrs).await;
                Ok(Lane::Bytes(b, h.map_err(err)?))
            }
        }
    }

    async fn read(self, off: u64, len: u32) -> std::result::Result<Vec<u8>, SftpError> {
        match self {
            Lane::Raw(raw, h) => raw.read(h, off, len).await.map(|d| d.data),
            Lane::Bytes(b, h) => b.read(&h, off, len).await,
        }
    }

    async fn write(self, off: u64, data: Vec<u8>) -> std::result::Result<(), SftpError> {
        match self {
            Lane::Raw(raw, h) => raw.write(h, off, data).await.map(|_| ()),
            Lane::Bytes(b, h) => b.write(&h, off, &data).await,
        }
    }

    /// `fsync@openssh.com` on the handle.
    async fn fsync(self) -> std::result::Result<(), SftpError> {
        match self {
            Lane::Raw(raw, h) => raw.fsync(h).await.map(|_| ()),
            Lane::Bytes(b, h) => {
                let mut data = (h.len() as u32).to_be_bytes().to_vec();
                data.extend_from_slice(&h);
                b.extended(b"fsync@openssh.com", &data).await.map(|_| ())
            }
        }
    }

    async fn close(self) -> std::result::Result<(), SftpError> {
        match self {
            Lane::Raw(raw, h) => raw.close(h).await.map(|_| ()),
            Lane::Bytes(b, h) => b.close(&h).await,
        }
    }
}

/// Opens `path` on the server for one lane; on failure the whole copy stops with the error.
async fn open_lane<'a>(
    c: &Copy<'a>,
    path: &FsPath,
    flags: OpenFlags,
    sh: &Shared<'_>,
) -> Option<Lane<'a>> {
    match Lane::open(c, path, flags).await {
        Ok(lane) => Some(lane),
        Err(e) => {
            sh.fail(e);
            None
        }
    }
}

/// Where the next chunk of a file is, shared by its lanes.
#[derive(Debug)]
struct Cursor {
    next: u64,
    /// Hand out chunks up to here (`u64::MAX` once a file turned out to grow).
    limit: u64,
    /// Downloads probe once past the expected size to notice growth.
    probed: bool,
    eof: Option<u64>,
    ranges: Ranges,
    /// Bytes written by all lanes (to undo the counters past the prefix on failure).
    written: u64,
    error: Option<Error>,
}

impl Cursor {
    fn new(start: u64, limit: u64, probe: bool) -> Cursor {
        Cursor {
            next: start,
            limit,
            probed: !probe,
            eof: None,
            ranges: Ranges::new(start),
            written: 0,
            error: None,
        }
    }

    /// The next `(offset, len)` to request, if any.
    fn take(&mut self, chunk: u64) -> Option<(u64, u64)> {
        if self.error.is_some() || self.eof.is_some_and(|e| self.next >= e) {
            return None;
        }
        if self.next < self.limit {
            let len = (self.limit - self.next).min(chunk);
            let off = self.next;
            self.next += len;
            Some((off, len))
        } else if !self.probed {
            self.probed = true;
            let off = self.next;
            self.next += chunk;
            self.limit = self.next;
            Some((off, chunk))
        } else {
            None
        }
    }

    fn eof_at(&mut self, off: u64) {
        self.eof = Some(self.eof.map_or(off, |e| e.min(off)));
    }

    fn fail(&mut self, e: Error) {
        // The first real error wins over the Cancelled of lanes that stopped because of it.
        if self.error.is_none() || self.error == Some(Error::Cancelled) {
            self.error = Some(e);
        }
    }
}

/// One file's copy over its lanes.
struct Shared<'a> {
    cursor: Mutex<Cursor>,
    chunk: u64,
    per_lane: usize,
    stop: AtomicBool,
    /// The connection died (checked after every reply, so kept out of the cursor's lock).
    dead: AtomicBool,
    control: &'a Control,
}

impl Shared<'_> {
    fn lock(&self) -> std::sync::MutexGuard<'_, Cursor> {
        self.cursor.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn take(&self) -> Option<(u64, u64)> {
        if self.stop.load(Ordering::Relaxed) {
            return None;
        }
        self.lock().take(self.chunk)
    }

    fn fail(&self, e: Error) {
        self.stop.store(true, Ordering::Relaxed);
        if is_connection_error(&e) {
            self.dead.store(true, Ordering::Relaxed);
        }
        self.lock().fail(e);
    }

    /// True when the copy stopped because the connection died. Nothing more may be asked of it
    /// then: a request sent after the session ended is never answered and would wait out the
    /// whole request timeout (a close after a stalled write, most often).
    fn connection_failed(&self) -> bool {
        self.dead.load(Ordering::Relaxed)
    }

    fn done(&self, c: &Copy<'_>, off: u64, n: u64) {
        c.add(n);
        let mut cur = self.lock();
        cur.written += n;
        cur.ranges.insert(off, off + n);
    }

    /// The result once every lane has stopped: the final size, or the error (with the counters
    /// taken back to the contiguous prefix, which is returned for truncating the partial file).
    fn finish(&self, c: &Copy<'_>, start: u64) -> std::result::Result<u64, (Error, u64)> {
        let cur = self.lock();
        let prefix = cur.ranges.prefix;
        let gaps = !cur.ranges.pending.is_empty() || cur.eof.is_some_and(|e| e > prefix);
        let error = match (&cur.error, gaps) {
            (Some(e), _) => Some(e.clone()),
            (None, true) => Some(Error::Protocol {
                detail: "the server's replies left gaps in the file".into(),
            }),
            (None, false) => None,
        };
        match error {
            None => Ok(prefix),
            Some(e) => {
                c.sub(cur.written.saturating_sub(prefix - start));
                Err((e, prefix))
            }
        }
    }
}

/// A lost or silent connection (the copy is resumed on a new one).
pub(crate) fn is_connection_error(e: &Error) -> bool {
    matches!(e, Error::ConnectionLost { .. } | Error::Timeout { .. })
}

fn lanes_for(window: usize, copies: usize) -> usize {
    // Two in flight at least (one waits for its reply while the next goes out), except for a
    // window shrunk to one on a link that keeps dropping.
    (window.clamp(1, IN_FLIGHT) / copies.max(1)).max(window.min(2))
}

/// Downloads `src` into the local file `part`, from `start`, over one lane per `Copy` (each on its
/// own connection); `expected` is the size the listing gave. Returns the final size, and what was
/// settled on the way (a small file gets its `mtime` and its size checked in the same call).
pub async fn download(
    copies: &[Copy<'_>],
    src: &FsPath,
    part: &Path,
    start: u64,
    expected: u64,
    mtime: Option<std::time::SystemTime>,
) -> Result<(u64, Settled)> {
    if start == 0
        && expected < u64::from(copies[0].sftp.limits().read_len)
        && src.is_utf8()
        && let Some(done) = small::download_small(&copies[0], src, part, mtime).await?
    {
        return Ok(done);
    }
    let part_owned = part.to_path_buf();
    let mode = copies[0].mode;
    let file = blocking(move || {
        let f = open_part_local(&part_owned, start == 0, mode)?;
        f.set_len(start)?;
        Ok(f)
    })
    .await
    .map_err(local_err(part))?;
    let file = Arc::new(file);
    let first = &copies[0];
    let shared = Shared {
        cursor: Mutex::new(Cursor::new(start, expected.max(start), true)),
        chunk: u64::from(first.sftp.limits().read_len),
        per_lane: lanes_for(first.window, copies.len()),
        stop: AtomicBool::new(false),
        dead: AtomicBool::new(false),
        control: first.control,
    };
    let lanes = copies
        .iter()
        .map(|c| download_lane(c, src, part, &file, expected, &shared));
    futures::future::join_all(lanes).await;
    match shared.finish(first, start) {
        Ok(size) => Ok((size, Settled::default())),
        Err((e, prefix)) => {
            let f = file.clone();
            let _ = blocking(move || f.set_len(prefix)).await;
            Err(e)
        }
    }
}

type ReadReply = (u64, u64, std::result::Result<Vec<u8>, SftpError>);

async fn download_lane(
    c: &Copy<'_>,
    src: &FsPath,
    part: &Path,
    file: &Arc<File>,
    expected: u64,
    sh: &Shared<'_>,
) {
    let Some(lane) = open_lane(c, src, OpenFlags::READ, sh).await else {
        return;
    };
    let read = |off: u64, len: u64| {
        let lane = lane.clone();
        async move { (off, len, lane.read(off, len as u32).await) as ReadReply }
    };
    let mut pending = FuturesUnordered::new();
    loop {
        while pending.len() < sh.per_lane {
            let Some((off, len)) = sh.take() else { break };
            c.pace(len).await;
            pending.push(read(off, len));
        }
        let Some((off, len, reply)) = pending.next().await else {
            break;
        };
        if let Err(e) = sh.control.checkpoint().await {
            sh.fail(e);
            continue; // drain what is in flight
        }
        if sh.stop.load(Ordering::Relaxed) {
            continue;
        }
        match reply {
            Ok(data) if data.len() as u64 > len => sh.fail(Error::Protocol {
                detail: format!("the server sent more data than asked for reading {src}"),
            }),
            Ok(data) if data.is_empty() => sh.lock().eof_at(off),
            Ok(data) => {
                let n = data.len() as u64;
                let f = file.clone();
                let buf = data;
                if let Err(e) = blocking(move || write_at(&f, &buf, off)).await {
                    sh.fail(Error::from_local_io(&e, part));
                    continue;
                }
                sh.done(c, off, n);
                if off + n > expected {
                    // It grew: read on to the real end, but not without bound.
                    let cap = growth_cap(expected);
                    let mut cur = sh.lock();
                    if off + n > cap {
                        drop(cur);
                        sh.fail(Error::SizeChanged {
                            path: src.to_string(),
                            expected,
                            got: off + n,
                        });
                        continue;
                    }
                    if cur.limit < cap {
                        cur.limit = cap;
                        cur.probed = false; // one probe past the cap tells whether it goes on
                    }
                }
                if n < len {
                    pending.push(read(off + n, len - n)); // a short read: ask for the rest
                }
            }
            Err(SftpError::Status(s)) if s.status_code == StatusCode::Eof => sh.lock().eof_at(off),
            Err(e) => sh.fail(c.sftp.map_error(e, src)),
        }
        if sh.connection_failed() {
            break; // see below: requests not yet sent must never be
        }
    }
    if !sh.connection_failed() {
        let _ = lane.close().await;
    }
}

/// Uploads the local file `src` into the remote file `part`, from `start`, over one lane per
/// `Copy`. Reads the local file to its end (a file that grew is sent whole). Returns the size.
/// `whole` is the file already read to its end (a small file the walk read ahead), if it was.
pub async fn upload(
    copies: &[Copy<'_>],
    src: &Path,
    part: &FsPath,
    start: u64,
    mtime: Option<std::time::SystemTime>,
    whole: Option<Vec<u8>>,
) -> Result<(u64, Settled)> {
    match upload_inner(copies, src, part, start, mtime, whole).await {
        Err(e @ Error::Failure { .. }) => Err(explain_remote_failure(&copies[0], part, e).await),
        other => other,
    }
}

/// OpenSSH (and most servers) answer a write to a full disk or a spent quota with a bare
/// "Failure". When the folder then has less than one request's worth of room left, that is what
/// happened: say so, naming the server's side, instead of passing on the bare word.
async fn explain_remote_failure(c: &Copy<'_>, part: &FsPath, e: Error) -> Error {
    let Some(dir) = part.parent() else { return e };
    match c.sftp.free_space(&dir).await {
        Ok(Some(free)) if free.available < u64::from(c.sftp.limits().write_len) => {
            Error::DiskFull {
                side: crate::error::Side::Remote,
                path: part.to_string(),
            }
        }
        _ => e,
    }
}

async fn upload_inner(
    copies: &[Copy<'_>],
    src: &Path,
    part: &FsPath,
    start: u64,
    mtime: Option<std::time::SystemTime>,
    whole: Option<Vec<u8>>,
) -> Result<(u64, Settled)> {
    let first = &copies[0];
    let chunk = first.sftp.limits().write_len as usize;
    if start == 0
        && part.is_utf8()
        && let Some(data) = whole.filter(|d| d.len() <= chunk)
    {
        return small::upload_small(first, data, part, mtime).await;
    }
    // From the start, the first request's worth is read with the open (one trip to the blocking
    // pool): small files, the common case in trees, then take the two-round-trip path.
    let head_len = if start == 0 { chunk + 1 } else { 0 };
    let src_owned = src.to_path_buf();
    let (file, head) = blocking(move || {
        let f = File::open(&src_owned)?;
        let head = read_full(&f, 0, head_len)?;
        Ok((f, head))
    })
    .await
    .map_err(local_err(src))?;
    if start == 0 && head.len() <= chunk && part.is_utf8() {
        return small::upload_small(first, head, part, mtime).await;
    }
    let file = Arc::new(file);
    let mut flags = OpenFlags::WRITE | OpenFlags::CREATE;
    if start == 0 {
        flags |= OpenFlags::TRUNCATE;
    }
    if copies.len() > 1 {
        // Create/truncate once, before several handles write into the same file.
        let lane = Lane::open(first, part, flags).await?;
        lane.close()
            .await
            .map_err(|e| first.sftp.map_error(e, part))?;
        flags = OpenFlags::WRITE;
    }
    let shared = Shared {
        cursor: Mutex::new(Cursor::new(start, u64::MAX, false)),
        chunk: u64::from(first.sftp.limits().write_len),
        per_lane: lanes_for(first.window, copies.len()),
        stop: AtomicBool::new(false),
        dead: AtomicBool::new(false),
        control: first.control,
    };
    let lanes = copies
        .iter()
        .map(|c| upload_lane(c, src, part, &file, flags, &shared));
    futures::future::join_all(lanes).await;
    match shared.finish(first, start) {
        Ok(size) => Ok((size, Settled::default())),
        // Nothing more is sent on a dead connection; the resume backs off behind its last window.
        Err((e, _)) if shared.connection_failed() => Err(e),
        Err((e, prefix)) => {
            // Cut the remote partial file back to what is known to be contiguous.
            let _ = first.sftp.set_size(part, prefix).await;
            Err(e)
        }
    }
}

async fn upload_lane(
    c: &Copy<'_>,
    src: &Path,
    part: &FsPath,
    file: &Arc<File>,
    flags: OpenFlags,
    sh: &Shared<'_>,
) {
    let Some(lane) = open_lane(c, part, flags, sh).await else {
        return;
    };
    let mut pending = FuturesUnordered::new();
    loop {
        while pending.len() < sh.per_lane {
            let Some((off, want)) = sh.take() else { break };
            let f = file.clone();
            let read = blocking(move || read_full(&f, off, want as usize)).await;
            let buf = match read {
                Ok(b) => b,
                Err(e) => {
                    sh.fail(Error::from_local_io(&e, src));
                    break;
                }
            };
            if (buf.len() as u64) < want {
                sh.lock().eof_at(off + buf.len() as u64);
            }
            if buf.is_empty() {
                continue;
            }
            let n = buf.len() as u64;
            c.pace(n).await;
            let lane = lane.clone();
            pending.push(async move { (off, n, lane.write(off, buf).await) });
        }
        let Some((off, n, reply)) = pending.next().await else {
            break;
        };
        if let Err(e) = sh.control.checkpoint().await {
            sh.fail(e);
            continue;
        }
        match reply {
            Ok(_) => sh.done(c, off, n),
            Err(e) => sh.fail(c.sftp.map_error(e, part)),
        }
        if sh.connection_failed() {
            // Dropping the futures still queued is what keeps them from being sent: a request
            // first sent after the session died is never answered, only timed out.
            break;
        }
    }
    // A failed close can be the first sign of a full disk on some servers.
    if sh.connection_failed() {
        return;
    }
    // Durable: this handle's writes reach the server's disk before the file is renamed.
    if c.fsync
        && !sh.stop.load(Ordering::Relaxed)
        && let Err(e) = lane.clone().fsync().await
    {
        sh.fail(c.sftp.map_error(e, part));
    }
    if let Err(e) = lane.close().await
        && !sh.stop.load(Ordering::Relaxed)
    {
        sh.fail(c.sftp.map_error(e, part));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_hands_out_chunks_then_probes_once() {
        let mut c = Cursor::new(0, 250, true);
        assert_eq!(c.take(100), Some((0, 100)));
        assert_eq!(c.take(100), Some((100, 100)));
        assert_eq!(c.take(100), Some((200, 50)));
        assert_eq!(
            c.take(100),
            Some((250, 100)),
            "one probe past the expected end"
        );
        assert_eq!(c.take(100), None);
        c.limit = u64::MAX; // it grew
        assert_eq!(c.take(100), Some((350, 100)));
        assert_eq!(growth_cap(1000), 1000 + GROWTH_ALLOWANCE);
        assert_eq!(growth_cap(u64::MAX), u64::MAX);
        c.eof_at(400);
        assert_eq!(c.take(100), None);
        let mut up = Cursor::new(10, u64::MAX, false);
        assert_eq!(up.take(5), Some((10, 5)));
        up.fail(Error::Cancelled);
        up.fail(Error::ConnectionLost { detail: "x".into() });
        assert!(matches!(up.error, Some(Error::ConnectionLost { .. })));
        assert_eq!(up.take(5), None);
    }

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
