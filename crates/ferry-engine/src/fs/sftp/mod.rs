//! `SftpFs`: a server's files behind the [`FileSystem`] interface, on russh-sftp's raw session.
//!
//! Owns the SFTP subsystem of one connection: protocol init, the extensions the server offers
//! (posix-rename, statvfs, home-directory, limits…), bounded directory listings (russh-sftp's own
//! `read_dir` has no cap). What the replies mean (status codes to errors a person can act on,
//! attributes and `ls -l` long names to entries) is `reply.rs`. Names arrive lossily decoded by russh-sftp, which can send
//! only UTF-8: a path that is not UTF-8, and a folder whose listing held a name that was not, go
//! over [`ByteSftp`] instead (opened on first need on a second channel), so such names are listed,
//! copied, renamed and deleted byte for byte.

use std::collections::HashMap;
use std::sync::{Arc, Weak};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use futures::StreamExt;
use russh_sftp::client::RawSftpSession;
use russh_sftp::client::error::Error as SftpError;
use russh_sftp::protocol::{FileAttributes, Packet, StatusCode};

use crate::error::{Error, Result, Side};
use crate::fs::entry::{Entry, Kind};
use crate::fs::name::classify;
use crate::fs::path::FsPath;
use crate::fs::sftp::bytes::ByteSftp;
use crate::fs::{FileSystem, FreeSpace, ListBudget, ListOptions, Listing};
use crate::ssh::Connection;

pub mod bytes;
mod reply;
pub(crate) use reply::{entry_from, map_err};
use reply::{entry_from_bytes, exact, leaf_entry};

/// Tunables for one SFTP session.
#[derive(Debug, Clone, Copy)]
pub struct SftpOptions {
    /// How long one request may wait for its reply.
    pub request_timeout: Duration,
}

impl Default for SftpOptions {
    fn default() -> Self {
        SftpOptions {
            request_timeout: Duration::from_secs(30),
        }
    }
}

/// The SFTP extensions a server advertised that Ferry uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extensions {
    pub posix_rename: bool,
    pub statvfs: bool,
    pub home_directory: bool,
    pub limits: bool,
    pub fsync: bool,
    pub hardlink: bool,
    pub copy_data: bool,
    /// Everything advertised, name → version, for diagnostics.
    pub all: HashMap<String, String>,
}

/// Largest read/write request Ferry sends: 255 KiB like OpenSSH, within russh-sftp's 256 KiB cap
/// on incoming packets.
pub const MAX_IO_LEN: u32 = 255 * 1024;
/// The size every server must accept (SFTP draft: 32 KiB), used without `limits@openssh.com`.
pub const SAFE_IO_LEN: u32 = 32 * 1024;

/// Request sizes for this server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub read_len: u32,
    pub write_len: u32,
    pub open_handles: Option<u64>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            read_len: SAFE_IO_LEN,
            write_len: SAFE_IO_LEN,
            open_handles: None,
        }
    }
}

/// A round trip this short needs no second sample (loopback and LAN answer in well under 1 ms).
const RTT_SETTLED: Duration = Duration::from_millis(2);

pub struct SftpFs {
    raw: Arc<RawSftpSession>,
    ext: Extensions,
    host: String,
    /// The login name, for the `home-directory` request (ProFTPD ends the session when asked for
    /// the home of the empty name, which the draft says means "the current user").
    user: String,
    timeout: Duration,
    limits: Limits,
    rtt: Duration,
    /// The connection, for opening the byte client's channel (not kept alive by this).
    conn: Weak<Connection>,
    /// The byte client, once a name needed it.
    bytes: tokio::sync::OnceCell<ByteSftp>,
}

impl std::fmt::Debug for SftpFs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SftpFs({})", self.host)
    }
}

impl SftpFs {
    /// Starts the `sftp` subsystem on `conn` and reads the server's extensions.
    pub async fn open(conn: &Arc<Connection>, opts: SftpOptions) -> Result<SftpFs> {
        let channel = conn.sftp_channel().await?;
        let config = russh_sftp::client::Config {
            request_timeout_secs: opts.request_timeout.as_secs().max(1),
            ..Default::default()
        };
        let mut raw = RawSftpSession::new_with_config(channel.into_stream(), config);
        let host = conn.host.clone();
        let asked = std::time::Instant::now();
        let version = raw
            .init()
            .await
            .map_err(|e| map_err(e, "", &host, opts.request_timeout))?;
        let has = |name: &str| version.extensions.contains_key(name);
        let ext = Extensions {
            posix_rename: has("posix-rename@openssh.com"),
            statvfs: has("statvfs@openssh.com"),
            home_directory: has("home-directory"),
            limits: has("limits@openssh.com"),
            fsync: has("fsync@openssh.com"),
            hardlink: has("hardlink@openssh.com"),
            copy_data: has("copy-data"),
            all: version.extensions.clone(),
        };
        tracing::debug!(
            "SFTP v{} on {host}, extensions {:?}",
            version.version,
            ext.all
        );
        // The init's round trip includes the server starting its SFTP process; the limits
        // request, when there is one, is a plain round trip.
        let mut rtt = asked.elapsed();
        let mut limits = Limits::default();
        if ext.limits {
            let asked = std::time::Instant::now();
            let answer = raw.limits().await;
            rtt = rtt.min(asked.elapsed());
            match answer {
                Ok(l) => {
                    let l = russh_sftp::client::rawsession::Limits::from(l);
                    let clamp = |n: Option<u64>, default: u32| {
                        n.filter(|n| *n > 0)
                            .map(|n| n.min(u64::from(MAX_IO_LEN)) as u32)
                            .unwrap_or(default)
                    };
                    limits.read_len = clamp(l.read_len, limits.read_len);
                    limits.write_len = clamp(l.write_len, limits.write_len);
                    limits.open_handles = l.open_handles;
                    raw.set_limits(l);
                }
                Err(e) => tracing::warn!("{host}: limits@openssh.com failed: {e}"),
            }
        }
        // One sample can be inflated by a busy machine: a few more settle it (on a link that
        // really is slow, that is two more round trips once per connection).
        for _ in 0..2 {
            if rtt < RTT_SETTLED {
                break;
            }
            let asked = std::time::Instant::now();
            if raw.realpath(".").await.is_err() {
                break;
            }
            rtt = rtt.min(asked.elapsed());
        }
        Ok(SftpFs {
            raw: Arc::new(raw),
            ext,
            host,
            user: conn.user.clone(),
            timeout: opts.request_timeout,
            limits,
            rtt,
            conn: Arc::downgrade(conn),
            bytes: tokio::sync::OnceCell::new(),
        })
    }

    /// The byte client, opened on first use (a second `sftp` channel on the same connection).
    pub(crate) async fn bytes(&self) -> Result<&ByteSftp> {
        self.bytes
            .get_or_try_init(|| async {
                let lost = || Error::ConnectionLost {
                    detail: format!("{}: the connection has closed", self.host),
                };
                let conn = self.conn.upgrade().ok_or_else(lost)?;
                let start = async {
                    let channel = conn.sftp_channel().await?;
                    ByteSftp::start(channel.into_stream(), self.timeout)
                        .await
                        .map_err(|e| map_err(e, "", &self.host, self.timeout))
                };
                tokio::time::timeout(self.timeout, start)
                    .await
                    .map_err(|_| Error::Timeout {
                        what: format!("opening a second SFTP channel on {}", self.host),
                        secs: self.timeout.as_secs(),
                    })?
            })
            .await
    }

    /// Sets the size of a remote file (cutting a partial copy back to its good prefix).
    pub(crate) async fn set_size(&self, path: &FsPath, size: u64) -> Result<()> {
        let attrs = FileAttributes {
            size: Some(size),
            ..FileAttributes::empty()
        };
        self.setstat(path, attrs).await
    }

    async fn setstat(&self, path: &FsPath, attrs: FileAttributes) -> Result<()> {
        match path.to_wire() {
            Ok(w) => self.raw.setstat(w, attrs).await.map(|_| ()),
            Err(_) => self.bytes().await?.setstat(path.as_bytes(), &attrs).await,
        }
        .map_err(self.err(path))
    }

    /// Attributes of `path` (`follow`: STAT, else LSTAT), over whichever client can name it.
    async fn attrs(&self, path: &FsPath, follow: bool) -> Result<FileAttributes> {
        match path.to_wire() {
            Ok(w) if follow => self.raw.stat(w).await.map(|a| a.attrs),
            Ok(w) => self.raw.lstat(w).await.map(|a| a.attrs),
            Err(_) if follow => self.bytes().await?.stat(path.as_bytes()).await,
            Err(_) => self.bytes().await?.lstat(path.as_bytes()).await,
        }
        .map_err(self.err(path))
    }

    pub fn extensions(&self) -> &Extensions {
        &self.ext
    }

    /// The round-trip time seen when the session opened: the shortest of up to three samples.
    pub fn rtt(&self) -> Duration {
        self.rtt
    }

    /// Read/write request sizes (from `limits@openssh.com`, else the safe default).
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Maps an SFTP error about `path` for callers outside this module (the transfer engine).
    pub fn map_error(&self, e: SftpError, path: &FsPath) -> Error {
        self.err(path)(e)
    }

    /// The raw session, for the transfer engine's pipelined reads and writes.
    pub fn raw(&self) -> &Arc<RawSftpSession> {
        &self.raw
    }

    /// Ends the SFTP channel (and the byte client's, if one was opened).
    pub fn close(&self) {
        let _ = self.raw.close_session();
        if let Some(b) = self.bytes.get() {
            b.end();
        }
    }

    fn err(&self, path: &FsPath) -> impl Fn(SftpError) -> Error + '_ {
        let p = path.to_string();
        move |e| map_err(e, &p, &self.host, self.timeout)
    }

    async fn extended(&self, name: &str, strings: &[&str], path: &FsPath) -> Result<Packet> {
        let mut data = Vec::new();
        for s in strings {
            data.extend_from_slice(&(s.len() as u32).to_be_bytes());
            data.extend_from_slice(s.as_bytes());
        }
        let reply = self
            .raw
            .extended(name, data)
            .await
            .map_err(self.err(path))?;
        match reply {
            Packet::Status(s) if s.status_code != StatusCode::Ok => {
                Err(self.err(path)(SftpError::Status(s)))
            }
            other => Ok(other),
        }
    }

    async fn exists(&self, path: &FsPath) -> bool {
        self.attrs(path, false).await.is_ok()
    }

    /// Lists `dir` over the byte client: every name exactly as the server holds it.
    async fn list_bytes(&self, dir: &FsPath, opts: ListOptions) -> Result<Listing> {
        let b = self.bytes().await?;
        let handle = b.opendir(dir.as_bytes()).await.map_err(self.err(dir))?;
        let mut listing = Listing::default();
        let mut budget = ListBudget::new(opts);
        let read = async {
            loop {
                let batch = match b.readdir(&handle).await {
                    Ok(b) => b,
                    Err(SftpError::Status(s)) if s.status_code == StatusCode::Eof => return Ok(()),
                    Err(e) => return Err(self.err(dir)(e)),
                };
                if batch.is_empty() {
                    return Ok(());
                }
                for f in batch {
                    if let Some(cut) = budget.take(f.name.len() * 2 + f.longname.len().min(64)) {
                        listing.cut = Some(cut);
                        return Ok(());
                    }
                    if let Some(entry) = self.keep(&mut listing, &f.name, |name| {
                        entry_from_bytes(name, &String::from_utf8_lossy(&f.longname), &f.attrs)
                    }) {
                        listing.entries.push(exact(entry));
                    }
                }
                if let Some(cut) = budget.out_of_time() {
                    listing.cut = Some(cut);
                    return Ok(());
                }
            }
        };
        let result = read.await;
        let _ = b.close(&handle).await;
        result.map(|()| listing)
    }

    /// What every listing does once its names are in: duplicates dropped, links resolved.
    async fn finish_listing(
        &self,
        dir: &FsPath,
        mut listing: Listing,
        opts: ListOptions,
    ) -> Listing {
        listing.drop_duplicates();
        if listing.duplicate_count > 0 {
            tracing::debug!(
                "{}: {dir} named {} entries more than once; the first of each was kept",
                self.host,
                listing.duplicate_count
            );
        }
        if !opts.resolve_links {
            return listing;
        }
        let links: Vec<usize> = (0..listing.entries.len())
            .filter(|i| listing.entries[*i].kind == Kind::Symlink && listing.entries[*i].exact)
            .collect();
        let resolved: Vec<(usize, Option<Kind>, Option<String>)> = futures::stream::iter(links)
            .map(|i| {
                let path = dir.join(&listing.entries[i].name).ok();
                async move {
                    let Some(path) = path else {
                        return (i, None, None);
                    };
                    let Ok(wire) = path.to_wire() else {
                        let (st, rl) = tokio::join!(self.attrs(&path, true), self.read_link(&path));
                        let kind = st.ok().map(|a| entry_from("x", "", &a).kind);
                        return (i, kind, rl.ok().map(|p| p.to_string()));
                    };
                    let (st, rl) =
                        tokio::join!(self.raw.stat(wire.clone()), self.raw.readlink(wire));
                    let kind = st.ok().map(|a| entry_from("x", "", &a.attrs).kind);
                    let target = rl
                        .ok()
                        .and_then(|n| n.files.into_iter().next())
                        .map(|f| f.filename);
                    (i, kind, target)
                }
            })
            .buffer_unordered(32)
            .collect()
            .await;
        for (i, kind, target) in resolved {
            listing.entries[i].target_kind = kind;
            listing.entries[i].link_target = target;
        }
        listing
    }

    /// [`FileSystem::rename`] where a name is not UTF-8: the same rules over the byte client.
    async fn rename_bytes(&self, from: &FsPath, to: &FsPath, overwrite: bool) -> Result<()> {
        let b = self.bytes().await?;
        let (f, t) = (from.as_bytes(), to.as_bytes());
        if overwrite && b.has_posix_rename() {
            return b.posix_rename(f, t).await.map_err(self.err(from));
        }
        self.plain_rename(from, to, overwrite, || b.rename(f, t))
            .await
    }

    /// A rename without an atomic replace (`SSH_FXP_RENAME`, sent by `send`, either client): an
    /// existing `to` is refused without `overwrite`, and with it removed first (a plain "Failure"
    /// is what OpenSSH answers when the target exists).
    async fn plain_rename<F, R>(
        &self,
        from: &FsPath,
        to: &FsPath,
        overwrite: bool,
        send: F,
    ) -> Result<()>
    where
        F: Fn() -> R,
        R: std::future::Future<Output = std::result::Result<(), SftpError>>,
    {
        let exists = || Error::AlreadyExists {
            path: to.to_string(),
        };
        if !overwrite && self.exists(to).await {
            return Err(exists());
        }
        match send().await {
            Ok(()) => Ok(()),
            Err(SftpError::Status(s))
                if s.status_code == StatusCode::Failure && self.exists(to).await =>
            {
                if !overwrite {
                    return Err(exists());
                }
                // No atomic replace on this server: remove, then rename.
                self.remove_file(to).await?;
                send().await.map_err(self.err(from))
            }
            Err(e) => Err(self.err(from)(e)),
        }
    }

    /// The entry for a name a listing sent, or `None` when the name is refused (recorded) or a
    /// dot entry.
    fn keep(
        &self,
        listing: &mut Listing,
        name: &[u8],
        entry: impl FnOnce(&[u8]) -> Entry,
    ) -> Option<Entry> {
        if let Some(why) = classify(name) {
            if why != crate::fs::name::BadName::Dot {
                tracing::debug!(
                    "{}: refused a name from the server: {}",
                    self.host,
                    why.describe()
                );
                listing.refuse(crate::fs::name::display_bytes(name), why.describe());
            }
            return None;
        }
        Some(entry(name))
    }

    async fn first_name(&self, reply: russh_sftp::protocol::Name, path: &FsPath) -> Result<FsPath> {
        reply
            .files
            .into_iter()
            .next()
            .map(|f| FsPath::from(f.filename.as_str()))
            .ok_or_else(|| Error::Protocol {
                detail: format!("the server sent an empty name reply for {path}"),
            })
    }
}

#[async_trait]
impl FileSystem for SftpFs {
    fn side(&self) -> Side {
        Side::Remote
    }

    async fn list_partial(&self, dir: &FsPath, opts: ListOptions) -> Result<Listing> {
        let Ok(wire) = dir.to_wire() else {
            let listing = self.list_bytes(dir, opts).await?;
            return Ok(self.finish_listing(dir, listing, opts).await);
        };
        let handle = self.raw.opendir(wire).await.map_err(self.err(dir))?.handle;
        let mut listing = Listing::default();
        let mut budget = ListBudget::new(opts);
        let read = async {
            loop {
                let batch = match self.raw.readdir(handle.as_str()).await {
                    Ok(b) => b,
                    Err(SftpError::Status(s)) if s.status_code == StatusCode::Eof => return Ok(()),
                    Err(e) => return Err(self.err(dir)(e)),
                };
                if batch.files.is_empty() {
                    // A server that answers with empty batches forever is not making progress.
                    return Ok(());
                }
                for f in batch.files {
                    // Every entry sent counts, kept or not: refused names and endless `.`
                    // entries must not get past the cap either.
                    let held = f.filename.len() * 2 + f.longname.len().min(64);
                    if let Some(cut) = budget.take(held) {
                        listing.cut = Some(cut);
                        return Ok(());
                    }
                    if let Some(entry) = self.keep(&mut listing, f.filename.as_bytes(), |name| {
                        entry_from_bytes(name, &f.longname, &f.attrs)
                    }) {
                        listing.entries.push(entry);
                    }
                }
                if let Some(cut) = budget.out_of_time() {
                    listing.cut = Some(cut);
                    return Ok(());
                }
            }
        };
        let result = read.await;
        let _ = self.raw.close(handle).await;
        result?;
        // A name russh-sftp decoded lossily (a U+FFFD in it): the folder is listed again over
        // the byte client, which gets every name exactly.
        if listing.entries.iter().any(|e| !e.exact) {
            tracing::debug!("{}: {dir} holds names that are not UTF-8", self.host);
            match self.list_bytes(dir, opts).await {
                Ok(exact) => listing = exact,
                // A server that allows no second channel: the names stay marked inexact, as
                // they were before the byte client existed, and are not acted on.
                Err(e) => tracing::info!("{}: could not list {dir} exactly: {e}", self.host),
            }
        }
        Ok(self.finish_listing(dir, listing, opts).await)
    }

    async fn stat(&self, path: &FsPath) -> Result<Entry> {
        let a = self.attrs(path, true).await?;
        Ok(leaf_entry(path, &a))
    }

    async fn lstat(&self, path: &FsPath) -> Result<Entry> {
        let a = self.attrs(path, false).await?;
        let mut e = leaf_entry(path, &a);
        if e.kind == Kind::Symlink {
            e.link_target = self.read_link(path).await.ok().map(|p| p.to_string());
        }
        Ok(e)
    }

    async fn mkdir_mode(&self, path: &FsPath, mode: u32) -> Result<()> {
        // The plain mode is the server's own default: not sent, as before (some servers apply
        // a mode they are sent exactly, without their umask).
        let attrs = FileAttributes {
            permissions: (mode != 0o777).then_some(mode & 0o7777),
            ..FileAttributes::empty()
        };
        let made = match path.to_wire() {
            Ok(w) => self.raw.mkdir(w, attrs).await.map(|_| ()),
            Err(_) => self.bytes().await?.mkdir(path.as_bytes(), &attrs).await,
        };
        match made {
            Ok(()) => Ok(()),
            // OpenSSH answers a plain "Failure" when the folder exists.
            Err(SftpError::Status(s))
                if s.status_code == StatusCode::Failure && self.exists(path).await =>
            {
                Err(Error::AlreadyExists {
                    path: path.to_string(),
                })
            }
            Err(e) => Err(self.err(path)(e)),
        }
    }

    async fn rmdir(&self, path: &FsPath) -> Result<()> {
        match path.to_wire() {
            Ok(w) => self.raw.rmdir(w).await.map(|_| ()),
            Err(_) => self.bytes().await?.rmdir(path.as_bytes()).await,
        }
        .map_err(self.err(path))
    }

    async fn remove_file(&self, path: &FsPath) -> Result<()> {
        match path.to_wire() {
            Ok(w) => self.raw.remove(w).await.map(|_| ()),
            Err(_) => self.bytes().await?.remove(path.as_bytes()).await,
        }
        .map_err(self.err(path))
    }

    async fn rename(&self, from: &FsPath, to: &FsPath, overwrite: bool) -> Result<()> {
        let (Ok(f), Ok(t)) = (from.to_wire(), to.to_wire()) else {
            return self.rename_bytes(from, to, overwrite).await;
        };
        if overwrite && self.ext.posix_rename {
            self.extended("posix-rename@openssh.com", &[&f, &t], from)
                .await?;
            return Ok(());
        }
        let raw = &self.raw;
        self.plain_rename(from, to, overwrite, || {
            let (f, t) = (f.clone(), t.clone());
            async move { raw.rename(f, t).await.map(|_| ()) }
        })
        .await
    }

    async fn chmod(&self, path: &FsPath, mode: u32) -> Result<()> {
        let attrs = FileAttributes {
            permissions: Some(mode & 0o7777),
            ..FileAttributes::empty()
        };
        self.setstat(path, attrs).await
    }

    async fn set_mtime(&self, path: &FsPath, mtime: SystemTime) -> Result<()> {
        let current = self.attrs(path, true).await?;
        let secs = mtime
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs().min(u64::from(u32::MAX)) as u32)
            .unwrap_or(0);
        let attrs = FileAttributes {
            atime: Some(current.atime.unwrap_or(secs)),
            mtime: Some(secs),
            ..FileAttributes::empty()
        };
        self.setstat(path, attrs).await
    }

    async fn read_link(&self, path: &FsPath) -> Result<FsPath> {
        let Ok(wire) = path.to_wire() else {
            let b = self.bytes().await?;
            let target = b.readlink(path.as_bytes()).await.map_err(self.err(path))?;
            return Ok(FsPath::from_bytes(target));
        };
        let reply = self.raw.readlink(wire).await.map_err(self.err(path))?;
        self.first_name(reply, path).await
    }

    async fn symlink(&self, target: &FsPath, link: &FsPath) -> Result<()> {
        if !(target.is_utf8() && link.is_utf8()) {
            let b = self.bytes().await?;
            return b
                .symlink(target.as_bytes(), link.as_bytes())
                .await
                .map_err(self.err(link));
        }
        // OpenSSH (and the servers that copy it) read SSH_FXP_SYMLINK's two paths in the reverse of
        // the draft's order; russh-sftp sends the draft's order, so the arguments are swapped here.
        self.raw
            .symlink(target.to_wire()?, link.to_wire()?)
            .await
            .map_err(self.err(link))?;
        Ok(())
    }

    async fn canonicalize(&self, path: &FsPath) -> Result<FsPath> {
        let Ok(wire) = path.to_wire() else {
            let b = self.bytes().await?;
            let real = b.realpath(path.as_bytes()).await.map_err(self.err(path))?;
            return Ok(FsPath::from_bytes(real));
        };
        let reply = self.raw.realpath(wire).await.map_err(self.err(path))?;
        self.first_name(reply, path).await
    }

    async fn home(&self) -> Result<FsPath> {
        let here = FsPath::from(".");
        // REALPATH(".") is the start folder on every server seen. The `home-directory` extension
        // is asked only when that answer is odd (empty or relative, as on some chrooted servers):
        // ProFTPD 1.3.8 ends the whole session when asked for it.
        let start = match self.canonicalize(&here).await {
            Ok(p) if p.is_absolute() => return Ok(p),
            Ok(_) | Err(Error::Failure { .. }) | Err(Error::Unsupported { .. }) => FsPath::root(),
            Err(e) => return Err(e),
        };
        if self.ext.home_directory
            && let Ok(Packet::Name(n)) = self
                .extended("home-directory", &[self.user.as_str()], &here)
                .await
            && let Ok(p) = self.first_name(n, &here).await
            && p.is_absolute()
        {
            return Ok(p);
        }
        Ok(start)
    }

    async fn free_space(&self, path: &FsPath) -> Result<Option<FreeSpace>> {
        if !self.ext.statvfs {
            return Ok(None);
        }
        if !path.is_utf8() {
            let b = self.bytes().await?;
            let (frsize, blocks, avail) =
                b.statvfs(path.as_bytes()).await.map_err(self.err(path))?;
            return Ok(Some(FreeSpace {
                available: avail.saturating_mul(frsize),
                total: blocks.saturating_mul(frsize),
            }));
        }
        let st = self
            .raw
            .statvfs(path.to_wire()?)
            .await
            .map_err(self.err(path))?;
        Ok(Some(FreeSpace {
            available: st.blocks_avail.saturating_mul(st.fragment_size),
            total: st.blocks.saturating_mul(st.fragment_size),
        }))
    }
}
