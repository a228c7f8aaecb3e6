//! `ByteSftp`: a small SFTP v3 client (written from draft-ietf-secsh-filexfer-02) whose paths,
//! names and handles are bytes.
//!
//! russh-sftp carries every path and name as a Rust `String`: a name that is not UTF-8 arrives
//! lossily decoded and can never be sent back. Unix servers (OpenSSH's sftp-server among them)
//! pass name bytes through as they are, so this client lets Ferry list, copy, rename and delete
//! such names exactly. [`crate::fs::sftp::SftpFs`] opens it lazily, on a second `sftp`
//! channel of the same connection, only when a path is not UTF-8 or a listing held a name that
//! was not: the ordinary path never touches it.
//!
//! One writer task sends requests (a request dropped half-way never leaves half a packet on the
//! channel); one reader task matches replies to waiting requests by id. Every request waits at
//! most the session's request timeout; replies larger than [`MAX_REPLY`] end the session. Errors
//! are russh-sftp's error type so that `sftp::map_err` words them like every other SFTP error.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use russh_sftp::client::error::Error as SftpError;
use russh_sftp::protocol::{FileAttributes, Status, StatusCode};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::{mpsc, oneshot};

/// The largest reply accepted: a 255 KiB read's data and its header, or a batch of names.
pub const MAX_REPLY: usize = 256 * 1024 + 1024;

/// Requests queued for the writer task (more wait for room: memory stays bounded).
const QUEUE: usize = 64;

// Packet types (draft 02, section 3).
const INIT: u8 = 1;
const VERSION: u8 = 2;
const OPEN: u8 = 3;
const CLOSE: u8 = 4;
const READ: u8 = 5;
const WRITE: u8 = 6;
const LSTAT: u8 = 7;
const SETSTAT: u8 = 9;
const OPENDIR: u8 = 11;
const READDIR: u8 = 12;
const REMOVE: u8 = 13;
const MKDIR: u8 = 14;
const RMDIR: u8 = 15;
const REALPATH: u8 = 16;
const STAT: u8 = 17;
const RENAME: u8 = 18;
const READLINK: u8 = 19;
const SYMLINK: u8 = 20;
const STATUS: u8 = 101;
const HANDLE: u8 = 102;
const DATA: u8 = 103;
const NAME: u8 = 104;
const ATTRS: u8 = 105;
const EXTENDED: u8 = 200;
const EXTENDED_REPLY: u8 = 201;

// Attribute flags (draft 02, section 5).
const A_SIZE: u32 = 0x1;
const A_UIDGID: u32 = 0x2;
const A_PERMISSIONS: u32 = 0x4;
const A_ACMODTIME: u32 = 0x8;
const A_EXTENDED: u32 = 0x8000_0000;

/// One name of a READDIR or READLINK reply.
#[derive(Debug, Clone)]
pub struct NameEntry {
    pub name: Vec<u8>,
    pub longname: Vec<u8>,
    pub attrs: FileAttributes,
}

struct Reply {
    kind: u8,
    body: Vec<u8>,
}

/// Requests waiting for their reply; `None` once the session has ended.
type Waiters = Arc<Mutex<Option<HashMap<u32, oneshot::Sender<Reply>>>>>;

pub struct ByteSftp {
    out: mpsc::Sender<Vec<u8>>,
    waiters: Waiters,
    next_id: AtomicU32,
    timeout: Duration,
    posix_rename: bool,
    reader: tokio::task::JoinHandle<()>,
}

impl Drop for ByteSftp {
    fn drop(&mut self) {
        // The writer ends by itself once `out` is gone, ending the channel as it goes.
        self.reader.abort();
    }
}

fn closed() -> SftpError {
    // `sftp::map_err` reads "closed" as a lost connection.
    SftpError::UnexpectedBehavior("the SFTP session closed".into())
}

fn malformed(what: &str) -> SftpError {
    SftpError::UnexpectedBehavior(format!("the server sent a malformed {what} reply"))
}

/// A request under construction: the length, type and id are filled in when it is sent.
struct Req(Vec<u8>);

impl Req {
    fn new() -> Req {
        Req(vec![0; 9])
    }
    fn u32(mut self, n: u32) -> Req {
        self.0.extend_from_slice(&n.to_be_bytes());
        self
    }
    fn u64(mut self, n: u64) -> Req {
        self.0.extend_from_slice(&n.to_be_bytes());
        self
    }
    fn bytes(mut self, s: &[u8]) -> Req {
        self = self.u32(s.len() as u32);
        self.0.extend_from_slice(s);
        self
    }
    fn attrs(mut self, a: &FileAttributes) -> Req {
        let mut flags = 0;
        if a.size.is_some() {
            flags |= A_SIZE;
        }
        if a.uid.is_some() && a.gid.is_some() {
            flags |= A_UIDGID;
        }
        if a.permissions.is_some() {
            flags |= A_PERMISSIONS;
        }
        if a.atime.is_some() && a.mtime.is_some() {
            flags |= A_ACMODTIME;
        }
        self = self.u32(flags);
        if let Some(s) = a.size {
            self = self.u64(s);
        }
        if let (Some(u), Some(g)) = (a.uid, a.gid) {
            self = self.u32(u).u32(g);
        }
        if let Some(p) = a.permissions {
            self = self.u32(p);
        }
        if let (Some(at), Some(mt)) = (a.atime, a.mtime) {
            self = self.u32(at).u32(mt);
        }
        self
    }
}

/// Reads the fields of a reply, refusing one that ends early.
struct Fields<'a>(&'a [u8]);

impl<'a> Fields<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Option<u64> {
        let hi = u64::from(self.u32()?);
        let lo = u64::from(self.u32()?);
        Some(hi << 32 | lo)
    }
    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    fn attrs(&mut self) -> Option<FileAttributes> {
        let flags = self.u32()?;
        let mut a = FileAttributes::empty();
        if flags & A_SIZE != 0 {
            a.size = Some(self.u64()?);
        }
        if flags & A_UIDGID != 0 {
            a.uid = Some(self.u32()?);
            a.gid = Some(self.u32()?);
        }
        if flags & A_PERMISSIONS != 0 {
            a.permissions = Some(self.u32()?);
        }
        if flags & A_ACMODTIME != 0 {
            a.atime = Some(self.u32()?);
            a.mtime = Some(self.u32()?);
        }
        if flags & A_EXTENDED != 0 {
            for _ in 0..self.u32()? {
                self.bytes()?;
                self.bytes()?;
            }
        }
        Some(a)
    }
}

fn status_code(n: u32) -> StatusCode {
    match n {
        0 => StatusCode::Ok,
        1 => StatusCode::Eof,
        2 => StatusCode::NoSuchFile,
        3 => StatusCode::PermissionDenied,
        5 => StatusCode::BadMessage,
        6 => StatusCode::NoConnection,
        7 => StatusCode::ConnectionLost,
        8 => StatusCode::OpUnsupported,
        _ => StatusCode::Failure,
    }
}

/// A STATUS reply as russh-sftp's error (OK included: callers check).
fn status(body: &[u8]) -> SftpError {
    let mut f = Fields(body);
    let Some(code) = f.u32() else {
        return malformed("status");
    };
    let message = f
        .bytes()
        .map(|m| String::from_utf8_lossy(m).into_owned())
        .unwrap_or_default();
    SftpError::Status(Status {
        id: 0,
        status_code: status_code(code),
        error_message: message,
        language_tag: String::new(),
    })
}

impl Reply {
    /// The reply of a request that answers with a bare status.
    fn ok(self) -> Result<(), SftpError> {
        match (self.kind, status(&self.body)) {
            (STATUS, SftpError::Status(s)) if s.status_code == StatusCode::Ok => Ok(()),
            (STATUS, e) => Err(e),
            _ => Err(SftpError::UnexpectedPacket),
        }
    }

    /// The reply's body when it is of `kind`; a status is the error it carries.
    fn expect(self, kind: u8) -> Result<Vec<u8>, SftpError> {
        if self.kind == kind {
            Ok(self.body)
        } else if self.kind == STATUS {
            Err(status(&self.body))
        } else {
            Err(SftpError::UnexpectedPacket)
        }
    }
}

impl ByteSftp {
    /// Starts the protocol on an `sftp` subsystem stream and reads the server's version.
    pub async fn start<S>(stream: S, timeout: Duration) -> Result<ByteSftp, SftpError>
    where
        S: AsyncRead + AsyncWrite + Send + 'static,
    {
        let (mut rd, mut wr) = tokio::io::split(stream);
        let hello = async {
            wr.write_all(&[0, 0, 0, 5, INIT, 0, 0, 0, 3]).await?;
            wr.flush().await?;
            let (kind, body) = read_packet(&mut rd).await?;
            Ok::<_, std::io::Error>((kind, body))
        };
        let (kind, body) = tokio::time::timeout(timeout, hello)
            .await
            .map_err(|_| SftpError::Timeout)??;
        if kind != VERSION {
            return Err(SftpError::UnexpectedPacket);
        }
        let mut f = Fields(&body);
        f.u32().ok_or_else(|| malformed("version"))?;
        let mut posix_rename = false;
        while let (Some(name), Some(_)) = (f.bytes(), f.bytes()) {
            posix_rename |= name == b"posix-rename@openssh.com";
        }
        let waiters: Waiters = Arc::new(Mutex::new(Some(HashMap::new())));
        let (out, mut queue) = mpsc::channel::<Vec<u8>>(QUEUE);
        tokio::spawn(async move {
            // An empty packet is `end`'s: nothing more is sent.
            while let Some(packet) = queue.recv().await.filter(|p| !p.is_empty()) {
                if wr.write_all(&packet).await.is_err() || wr.flush().await.is_err() {
                    return;
                }
            }
            // End of input: the server's SFTP process exits and closes the channel.
            let _ = wr.shutdown().await;
        });
        let w = waiters.clone();
        let reader = tokio::spawn(async move {
            while let Ok((kind, body)) = read_packet(&mut rd).await {
                let Some(id) = Fields(&body).u32() else { break };
                let rest = body[4..].to_vec();
                let waiter = lock(&w).as_mut().and_then(|m| m.remove(&id));
                if let Some(tx) = waiter {
                    let _ = tx.send(Reply { kind, body: rest });
                }
            }
            // Every request still waiting learns that the session ended.
            *lock(&w) = None;
        });
        Ok(ByteSftp {
            out,
            waiters,
            next_id: AtomicU32::new(1),
            timeout,
            posix_rename,
            reader,
        })
    }

    /// Ends the session once the requests already queued have gone out.
    pub fn end(&self) {
        let _ = self.out.try_send(Vec::new());
    }

    /// True when the server offers `posix-rename@openssh.com` (a rename that replaces).
    pub fn has_posix_rename(&self) -> bool {
        self.posix_rename
    }

    async fn call(&self, kind: u8, req: Req) -> Result<Reply, SftpError> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let (tx, rx) = oneshot::channel();
        match lock(&self.waiters).as_mut() {
            Some(m) => m.insert(id, tx),
            None => return Err(closed()),
        };
        // However this call ends (an answer, a timeout, its future dropped), its slot goes.
        let _slot = Slot(&self.waiters, id);
        let mut packet = req.0;
        let len = (packet.len() - 4) as u32;
        packet[..4].copy_from_slice(&len.to_be_bytes());
        packet[4] = kind;
        packet[5..9].copy_from_slice(&id.to_be_bytes());
        let sent = async {
            self.out.send(packet).await.map_err(|_| closed())?;
            rx.await.map_err(|_| closed())
        };
        tokio::time::timeout(self.timeout, sent)
            .await
            .map_err(|_| SftpError::Timeout)?
    }

    async fn handle_of(&self, kind: u8, req: Req) -> Result<Vec<u8>, SftpError> {
        let body = self.call(kind, req).await?.expect(HANDLE)?;
        Fields(&body)
            .bytes()
            .map(<[u8]>::to_vec)
            .ok_or_else(|| malformed("handle"))
    }

    async fn attrs_of(&self, kind: u8, path: &[u8]) -> Result<FileAttributes, SftpError> {
        let body = self
            .call(kind, Req::new().bytes(path))
            .await?
            .expect(ATTRS)?;
        Fields(&body).attrs().ok_or_else(|| malformed("attributes"))
    }

    pub async fn stat(&self, path: &[u8]) -> Result<FileAttributes, SftpError> {
        self.attrs_of(STAT, path).await
    }

    pub async fn lstat(&self, path: &[u8]) -> Result<FileAttributes, SftpError> {
        self.attrs_of(LSTAT, path).await
    }

    /// Opens a file with SFTP v3 `pflags` (russh-sftp's `OpenFlags` bits are the same).
    pub async fn open(
        &self,
        path: &[u8],
        pflags: u32,
        attrs: &FileAttributes,
    ) -> Result<Vec<u8>, SftpError> {
        let req = Req::new().bytes(path).u32(pflags).attrs(attrs);
        self.handle_of(OPEN, req).await
    }

    pub async fn close(&self, handle: &[u8]) -> Result<(), SftpError> {
        self.call(CLOSE, Req::new().bytes(handle)).await?.ok()
    }

    /// Up to `len` bytes at `off`; the end of the file is `Status(Eof)`, as with russh-sftp.
    pub async fn read(&self, handle: &[u8], off: u64, len: u32) -> Result<Vec<u8>, SftpError> {
        let req = Req::new().bytes(handle).u64(off).u32(len);
        let body = self.call(READ, req).await?.expect(DATA)?;
        Fields(&body)
            .bytes()
            .map(<[u8]>::to_vec)
            .ok_or_else(|| malformed("data"))
    }

    pub async fn write(&self, handle: &[u8], off: u64, data: &[u8]) -> Result<(), SftpError> {
        let req = Req::new().bytes(handle).u64(off).bytes(data);
        self.call(WRITE, req).await?.ok()
    }

    pub async fn opendir(&self, path: &[u8]) -> Result<Vec<u8>, SftpError> {
        self.handle_of(OPENDIR, Req::new().bytes(path)).await
    }

    /// The next batch of names; the end of the folder is `Status(Eof)`.
    pub async fn readdir(&self, handle: &[u8]) -> Result<Vec<NameEntry>, SftpError> {
        let body = self
            .call(READDIR, Req::new().bytes(handle))
            .await?
            .expect(NAME)?;
        names(&body)
    }

    /// The one name of a READLINK or REALPATH reply.
    async fn one_name(&self, kind: u8, path: &[u8]) -> Result<Vec<u8>, SftpError> {
        let body = self
            .call(kind, Req::new().bytes(path))
            .await?
            .expect(NAME)?;
        names(&body)?
            .into_iter()
            .next()
            .map(|n| n.name)
            .ok_or_else(|| malformed("name"))
    }

    pub async fn readlink(&self, path: &[u8]) -> Result<Vec<u8>, SftpError> {
        self.one_name(READLINK, path).await
    }

    pub async fn realpath(&self, path: &[u8]) -> Result<Vec<u8>, SftpError> {
        self.one_name(REALPATH, path).await
    }

    /// SSH_FXP_SYMLINK with its two paths in this order on the wire: OpenSSH reads (target,
    /// link), the draft (link, target); the caller knows which the server wants.
    pub async fn symlink(&self, first: &[u8], second: &[u8]) -> Result<(), SftpError> {
        let req = Req::new().bytes(first).bytes(second);
        self.call(SYMLINK, req).await?.ok()
    }

    /// `statvfs@openssh.com`: (fragment size, blocks, blocks available to the user).
    pub async fn statvfs(&self, path: &[u8]) -> Result<(u64, u64, u64), SftpError> {
        let req = Req::new().bytes(b"statvfs@openssh.com").bytes(path);
        let body = self.call(EXTENDED, req).await?.expect(EXTENDED_REPLY)?;
        let mut f = Fields(&body);
        let fields = (|| {
            let _bsize = f.u64()?;
            let frsize = f.u64()?;
            let blocks = f.u64()?;
            let _bfree = f.u64()?;
            Some((frsize, blocks, f.u64()?))
        })();
        fields.ok_or_else(|| malformed("statvfs"))
    }

    pub async fn remove(&self, path: &[u8]) -> Result<(), SftpError> {
        self.call(REMOVE, Req::new().bytes(path)).await?.ok()
    }

    pub async fn mkdir(&self, path: &[u8], attrs: &FileAttributes) -> Result<(), SftpError> {
        let req = Req::new().bytes(path).attrs(attrs);
        self.call(MKDIR, req).await?.ok()
    }

    pub async fn rmdir(&self, path: &[u8]) -> Result<(), SftpError> {
        self.call(RMDIR, Req::new().bytes(path)).await?.ok()
    }

    /// The plain SFTP rename (fails on OpenSSH when `to` exists).
    pub async fn rename(&self, from: &[u8], to: &[u8]) -> Result<(), SftpError> {
        let req = Req::new().bytes(from).bytes(to);
        self.call(RENAME, req).await?.ok()
    }

    /// `posix-rename@openssh.com`: replaces `to` atomically.
    pub async fn posix_rename(&self, from: &[u8], to: &[u8]) -> Result<(), SftpError> {
        let req = Req::new()
            .bytes(b"posix-rename@openssh.com")
            .bytes(from)
            .bytes(to);
        self.call(EXTENDED, req).await?.ok()
    }

    /// An extended request with its payload as it goes on the wire: `Some(data)` for an
    /// EXTENDED_REPLY, `None` for an OK status.
    pub async fn extended(&self, name: &[u8], data: &[u8]) -> Result<Option<Vec<u8>>, SftpError> {
        let mut req = Req::new().bytes(name);
        req.0.extend_from_slice(data);
        let reply = self.call(EXTENDED, req).await?;
        if reply.kind == EXTENDED_REPLY {
            return Ok(Some(reply.body));
        }
        reply.ok().map(|()| None)
    }

    pub async fn setstat(&self, path: &[u8], attrs: &FileAttributes) -> Result<(), SftpError> {
        let req = Req::new().bytes(path).attrs(attrs);
        self.call(SETSTAT, req).await?.ok()
    }
}

/// Forgets a request's waiter when the request is done with (answered or not).
struct Slot<'a>(&'a Waiters, u32);

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        if let Some(m) = lock(self.0).as_mut() {
            m.remove(&self.1);
        }
    }
}

fn lock(w: &Waiters) -> std::sync::MutexGuard<'_, Option<HashMap<u32, oneshot::Sender<Reply>>>> {
    w.lock().unwrap_or_else(|p| p.into_inner())
}

/// The names of a NAME reply.
fn names(body: &[u8]) -> Result<Vec<NameEntry>, SftpError> {
    let mut f = Fields(body);
    let count = f.u32().ok_or_else(|| malformed("name"))?;
    // Each name takes at least 12 bytes: a count beyond that is a lie, not an allocation.
    let mut out = Vec::with_capacity((count as usize).min(body.len() / 12));
    for _ in 0..count {
        let entry = (|| {
            Some(NameEntry {
                name: f.bytes()?.to_vec(),
                longname: f.bytes()?.to_vec(),
                attrs: f.attrs()?,
            })
        })()
        .ok_or_else(|| malformed("name"))?;
        out.push(entry);
    }
    Ok(out)
}

/// One packet: (type, the rest). A packet over [`MAX_REPLY`] or under 5 bytes ends the session.
async fn read_packet<R: AsyncRead + Unpin>(rd: &mut R) -> std::io::Result<(u8, Vec<u8>)> {
    let len = rd.read_u32().await? as usize;
    if !(1..=MAX_REPLY).contains(&len) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("an SFTP packet of {len} bytes"),
        ));
    }
    let kind = rd.read_u8().await?;
    let mut buf = vec![0; len - 1];
    rd.read_exact(&mut buf).await?;
    Ok((kind, buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Attributes written by `Req::attrs` read back the same (the layout is the draft's).
    #[test]
    fn attributes_round_trip() {
        let a = FileAttributes {
            size: Some(1 << 40),
            uid: Some(7),
            gid: Some(8),
            permissions: Some(0o100644),
            atime: Some(1),
            mtime: Some(2),
            ..FileAttributes::empty()
        };
        let req = Req::new().attrs(&a);
        let b = Fields(&req.0[9..]).attrs().unwrap();
        assert_eq!(
            (b.size, b.uid, b.gid, b.permissions, b.atime, b.mtime),
            (a.size, a.uid, a.gid, a.permissions, a.atime, a.mtime)
        );
    }

    /// A name reply that claims more names than it holds is refused, not trusted.
    #[test]
    fn short_name_reply_is_refused() {
        let mut body = 1000u32.to_be_bytes().to_vec();
        body.extend_from_slice(&3u32.to_be_bytes());
        body.extend_from_slice(b"d\xff\x00");
        assert!(names(&body).is_err());
    }
}
