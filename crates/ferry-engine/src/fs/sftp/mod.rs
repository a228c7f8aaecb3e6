//! `SftpFs`: a server's files behind the [`FileSystem`] interface, on russh-sftp's raw session.
//!
//! This file owns the SFTP subsystem of one connection: protocol init, the extensions the server
//! offers (posix-rename, statvfs, home-directory, limits…), request sizes and the round trip, and
//! the plumbing every request shares (which client names a path, how errors are mapped). The rest
//! is by concern: bounded directory listings in `listing.rs` (russh-sftp's own `read_dir` has no
//! cap), the [`FileSystem`] operations in `ops.rs`, and what the replies mean (status codes to
//! errors a person can act on, attributes and `ls -l` long names to entries) in `reply.rs`, small files
//! read and written whole (a list of keys) in `whole.rs`, and a file streamed to a caller
//! (`ferry cat`) and the full `statvfs` figures in `stream.rs`.
//!
//! Names arrive lossily decoded by russh-sftp, which can send only UTF-8: a path that is not UTF-8,
//! and a folder whose listing held a name that was not, go over [`ByteSftp`] (`bytes.rs`) instead
//! (opened on first need on a second channel), so such names are listed, copied, renamed and
//! deleted byte for byte.
//!
//! [`FileSystem`]: crate::fs::FileSystem

use std::collections::HashMap;
use std::sync::{Arc, Weak};
use std::time::Duration;

use russh_sftp::client::RawSftpSession;
use russh_sftp::client::error::Error as SftpError;
use russh_sftp::protocol::{FileAttributes, Packet, StatusCode};

use crate::error::{Error, Result};
use crate::fs::path::FsPath;
use crate::fs::sftp::bytes::ByteSftp;
use crate::ssh::Connection;

pub mod bytes;
pub mod checksum;
pub mod duplicate;
mod listing;
mod ops;
mod reply;
pub mod server;
mod stream;
mod whole;
/// For the fuzz properties, which read attributes the way a listing does.
#[cfg(feature = "props")]
pub(crate) use reply::entry_from;
pub(crate) use reply::map_err;
pub use stream::SpaceStats;

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
    /// Owner and group names by id (`users-groups-by-id@openssh.com`), as learned.
    owner_names: server::OwnerNames,
    /// How this server computes checksums, learned on the first one asked for.
    pub(crate) sum_way: tokio::sync::OnceCell<checksum::SumWay>,
    /// Whether `copy-file` and `sftpgo-copy` work here (0: not asked yet, 1: yes, 2: no).
    copy_file_state: std::sync::atomic::AtomicU8,
    sftpgo_copy_state: std::sync::atomic::AtomicU8,
    /// SSH_FXP_SYMLINK's paths go in the draft's order (link, then target): AsyncSSH reads them
    /// so from a client it does not know. OpenSSH, and the servers that copy it, read the reverse.
    symlink_draft_order: bool,
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
            owner_names: Default::default(),
            sum_way: tokio::sync::OnceCell::new(),
            copy_file_state: Default::default(),
            sftpgo_copy_state: Default::default(),
            symlink_draft_order: conn
                .server_software()
                .is_some_and(|s| s.contains("AsyncSSH")),
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

    /// The connection under this session (exec requests for checksums and copies), while open.
    pub fn connection(&self) -> Option<Arc<Connection>> {
        self.conn.upgrade()
    }

    pub fn host(&self) -> &str {
        &self.host
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
