//! Editing a server's file in a local program: the file is downloaded (through the transfer
//! engine) into a private folder, its saves are watched (`watch.rs`), and each save that changed
//! the bytes goes back through the transfer engine's upload (`.ferrypart`, then rename). Both
//! faces drive it: `ferry edit` and the window's Edit.
//!
//! The rules, each a failure other clients are known for:
//! - opening uploads nothing, and a save that leaves the bytes as the server has them uploads
//!   nothing (saves are compared by SHA-256 with what the server was last given);
//! - before each upload the server's copy is compared with the one downloaded (size, mtime, and
//!   the server's checksum where it can compute one): if someone changed it, nothing is
//!   overwritten; the save is a [`Conflict`] for the caller to settle ([`Resolution`]);
//! - a save is copied aside before it goes up, so an editor writing while it uploads never sends
//!   half of one save and half of the next; the upload is of that copy;
//! - the private folder is removed only when its last save is on the server
//!   ([`EditSession::finish`]); a lost connection is reopened by the pool, and a save that could
//!   not go up stays pending for the next try.
//!
//! One [`EditRoot`] per run (mode 0700, under the cache folder), one numbered folder in it per
//! edited file, so that two files of the same name do not meet, and beside each folder its
//! record (`record.rs`): what a crash would leave for the next start to offer again.

pub mod leftover;
pub mod record;
pub mod watch;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime};

use russh_sftp::protocol::{FileAttributes, OpenFlags};
use tokio::sync::mpsc;

use crate::error::{Error, Result};
use crate::fs::FileSystem;
use crate::fs::entry::Kind;
use crate::fs::local::{from_local, to_local};
use crate::fs::path::FsPath;
use crate::fs::sftp::checksum::{Algo, Sum, SumWay, local_sum};
use crate::transfer::{
    ConflictPolicy, Control, Direction, Event, JobSpec, Pool, TransferOptions, run_job,
};

pub use leftover::Leftover;
pub use record::Record;
pub use watch::Watch;

/// Files over this size are edited only when the person says so.
pub const LARGE: u64 = 100 << 20;

/// The quiet time after the last event before a save counts: an editor's save (write, rename,
/// chmod) and a burst of saves come out as one.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(400);

/// How much of a file is looked at to tell whether it is text.
const SNIFF: usize = 8 << 10;

/// What the server holds, as a save is compared with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerCopy {
    pub size: u64,
    pub mtime: Option<SystemTime>,
    /// The server's checksum, where it can compute one.
    pub sum: Option<Sum>,
}

/// What is known of a remote file before it is opened for editing.
#[derive(Debug, Clone)]
pub struct Inspection {
    pub path: FsPath,
    pub size: u64,
    pub perms: Option<u32>,
    /// The login may write it (an open for writing succeeded); without, the edit is read-only.
    pub writable: bool,
}

/// The server's copy changed since it was downloaded (or last uploaded): a save waits for the
/// caller's [`Resolution`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub remote: FsPath,
    pub was: ServerCopy,
    /// `None`: the file is gone from the server.
    pub now: Option<ServerCopy>,
}

/// How a [`Conflict`] is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Upload mine over the server's copy.
    Overwrite,
    /// Upload mine beside it (`name (1).ext`); later saves go there.
    KeepBoth,
    /// Take the server's copy: downloaded over mine.
    Discard,
}

/// What one look at the local file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Synced {
    /// The bytes are what the server has: nothing uploaded.
    Unchanged,
    /// The file is not there (an editor between deleting and writing it again).
    Missing,
    Uploaded {
        remote: FsPath,
        bytes: u64,
    },
    /// The save was not uploaded: the server's copy changed.
    Conflict(Conflict),
    /// The save was not uploaded: the file is read-only on the server.
    ReadOnly,
}

/// How a session ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finished {
    /// Every save is on the server; the private copy is deleted.
    Removed,
    /// A save is not on the server: the copy is kept here.
    Kept(PathBuf),
}

#[derive(Debug, Clone)]
pub struct EditOptions {
    pub debounce: Duration,
}

impl Default for EditOptions {
    fn default() -> Self {
        EditOptions {
            debounce: DEFAULT_DEBOUNCE,
        }
    }
}

/// This run's private folder of edits, locked while the run lives (`leftover.rs`).
#[derive(Debug)]
pub struct EditRoot {
    dir: PathBuf,
    next: AtomicU32,
    _lock: std::fs::File,
}

impl EditRoot {
    /// Makes `cache/edits/RUN` (0700; `cache/edits` too when new) and takes its lock.
    pub fn create(cache: &Path) -> Result<EditRoot> {
        let edits = cache.join("edits");
        private_dir_all(&edits)?;
        let dir = edits.join(format!(
            "{}-{}",
            std::process::id(),
            &uuid::Uuid::new_v4().simple().to_string()[..8]
        ));
        let lock = leftover::lock(&dir)?.ok_or_else(|| Error::Internal {
            detail: format!("{} is locked by another run", dir.display()),
        })?;
        private_dir(&dir)?;
        Ok(EditRoot {
            dir,
            next: AtomicU32::new(1),
            _lock: lock,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The number of the next edit's folder.
    fn next_number(&self) -> u32 {
        self.next.fetch_add(1, Ordering::Relaxed)
    }
}

impl Drop for EditRoot {
    fn drop(&mut self) {
        // Only when empty: a kept edit keeps its folder (and the lock file, for the next start).
        if std::fs::remove_dir(&self.dir).is_ok() {
            let _ = std::fs::remove_file(leftover::lock_path(&self.dir));
        }
    }
}

fn private_dir_all(dir: &Path) -> Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| Error::from_local_io(&e, dir))
}

fn private_dir(dir: &Path) -> Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .mode(0o700)
        .create(dir)
        .map_err(|e| Error::from_local_io(&e, dir))
}

/// Whether an error means the connection went away (the pool opens a new one at the next use).
fn lost(e: &Error) -> bool {
    matches!(e, Error::ConnectionLost { .. } | Error::Timeout { .. })
}

/// Looks at `path` before it is opened: a file (not a folder), readable, and whether writable.
pub async fn inspect(pool: &Pool, path: &FsPath) -> Result<Inspection> {
    let link = pool.get(0).await?;
    let fs = &link.sftp;
    let entry = fs.stat(path).await?;
    if entry.kind != Kind::File {
        return Err(Error::NotAFile {
            path: path.display_lossy(),
        });
    }
    let raw = fs.raw();
    let try_open = |flags| async move {
        let h = raw
            .open(path.to_wire()?, flags, FileAttributes::empty())
            .await
            .map_err(|e| fs.map_error(e, path))?;
        let _ = raw.close(h.handle).await;
        Ok::<(), Error>(())
    };
    try_open(OpenFlags::READ).await?;
    let writable = match try_open(OpenFlags::WRITE).await {
        Ok(()) => true,
        Err(Error::PermissionDenied { .. }) => false,
        Err(e) if lost(&e) => return Err(e),
        Err(_) => false,
    };
    Ok(Inspection {
        path: path.clone(),
        size: entry.size.unwrap_or(0),
        perms: entry.perms,
        writable,
    })
}

/// One remote file open for editing.
pub struct EditSession {
    pool: Arc<Pool>,
    remote: FsPath,
    /// The numbered folder the copy is in (watched).
    folder: PathBuf,
    local: PathBuf,
    /// Where a save is copied before it goes up.
    snapshot: PathBuf,
    read_only: bool,
    /// The server file's permission bits, as opened.
    perms: Option<u32>,
    opts: EditOptions,
    way: SumWay,
    server: ServerCopy,
    /// SHA-256 of what the server was last given (or sent us).
    sent: Vec<u8>,
    /// A save not on the server.
    pending: bool,
    conflict: Option<Conflict>,
    uploads: u32,
    /// The record beside the folder (`record.rs`), and the state it last held.
    record: PathBuf,
    recorded: Option<(bool, Vec<u8>)>,
}

/// Where one edit's files live: its folder, the copy in it, the snapshot of a save on its way up,
/// and the record beside the folder.
struct Place {
    folder: PathBuf,
    local: PathBuf,
    snapshot: PathBuf,
    record: PathBuf,
}

impl std::fmt::Debug for EditSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EditSession")
            .field("remote", &self.remote)
            .field("local", &self.local)
            .field("pending", &self.pending)
            .finish_non_exhaustive()
    }
}

impl EditSession {
    /// A session over `place` that knows nothing of the server yet.
    fn new(
        pool: Arc<Pool>,
        remote: FsPath,
        place: Place,
        (perms, read_only): (Option<u32>, bool),
        opts: EditOptions,
    ) -> EditSession {
        let Place {
            folder,
            local,
            snapshot,
            record,
        } = place;
        EditSession {
            pool,
            remote,
            folder,
            local,
            snapshot,
            read_only,
            perms,
            opts,
            way: SumWay::None,
            server: ServerCopy {
                size: 0,
                mtime: None,
                sum: None,
            },
            sent: Vec::new(),
            pending: false,
            conflict: None,
            uploads: 0,
            record,
            recorded: None,
        }
    }

    /// Downloads the file `inspection` describes into a folder of its own in `root` and records
    /// what the server has. Nothing is uploaded.
    pub async fn open(
        root: &EditRoot,
        pool: Arc<Pool>,
        inspection: &Inspection,
        opts: EditOptions,
    ) -> Result<EditSession> {
        let n = root.next_number();
        let folder = root.dir.join(n.to_string());
        private_dir(&folder)?;
        let remote = inspection.path.clone();
        let name = remote.file_name().ok_or_else(|| Error::NotAFile {
            path: remote.display_lossy(),
        })?;
        let local = to_local(&from_local(&folder).join(name)?);
        let place = Place {
            folder,
            local,
            snapshot: root.dir.join(format!("{n}.saving")),
            record: root.dir.join(format!("{n}.json")),
        };
        let writable = (inspection.perms, !inspection.writable);
        let mut session = EditSession::new(pool, remote, place, writable, opts);
        let opened = session.download().await;
        if opened.is_err() {
            let _ = std::fs::remove_dir_all(&session.folder);
        }
        opened?;
        session.note_state();
        Ok(session)
    }

    /// Takes up an edit an earlier run left off the server ([`Leftover`], on a pool connected to
    /// its server): what the server holds now is compared (SHA-256 of a fresh download) with what
    /// that run last gave it. The same, and the next [`sync`](Self::sync) uploads the edit;
    /// changed or gone, and the edit waits on a [`Conflict`]. Nothing is uploaded here.
    pub async fn recover(
        pool: Arc<Pool>,
        left: &Leftover,
        opts: EditOptions,
    ) -> Result<EditSession> {
        let remote = left.record.remote.clone();
        let (perms, read_only) = match inspect(&pool, &remote).await {
            Ok(i) => (i.perms, !i.writable),
            Err(Error::NotFound { .. }) => (None, false),
            Err(e) => return Err(e),
        };
        let run = left
            .record_path
            .parent()
            .unwrap_or(&left.folder)
            .to_path_buf();
        let place = Place {
            folder: left.folder.clone(),
            local: left.record.local.clone(),
            snapshot: left.record_path.with_extension("saving"),
            record: left.record_path.clone(),
        };
        let mut session = EditSession::new(pool, remote, place, (perms, read_only), opts);
        session.sent = hex::decode(&left.record.sent_sha256).unwrap_or_default();
        session.pending = true;
        let now = session.server_now(false).await?;
        let theirs = match &now {
            Some(_) => Some(session.server_sha256(&run).await?),
            None => None,
        };
        if let Some(now) = &now {
            session.server = now.clone();
        }
        if theirs.as_ref() != Some(&session.sent) {
            session.conflict = Some(Conflict {
                remote: session.remote.clone(),
                was: session.server.clone(),
                now,
            });
        }
        session.note_state();
        Ok(session)
    }

    /// SHA-256 of the server's copy, downloaded into `scratch` and deleted again.
    async fn server_sha256(&self, scratch: &Path) -> Result<Vec<u8>> {
        let name = format!(
            "{}.server",
            self.record
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
        );
        let spec = JobSpec {
            direction: Direction::Download,
            sources: vec![self.remote.clone()],
            dest_dir: from_local(scratch),
            dest_name: Some(name.clone().into_bytes()),
            recursive: false,
        };
        self.one_file(spec, ConflictPolicy::Overwrite).await?;
        let copy = scratch.join(name);
        let sum = local_sum(&copy, Algo::Sha256, false).await;
        let _ = std::fs::remove_file(&copy);
        Ok(sum?.bytes)
    }

    /// The local copy the editor is given.
    pub fn local_path(&self) -> &Path {
        &self.local
    }

    pub fn remote(&self) -> &FsPath {
        &self.remote
    }

    /// The server does not let this login write the file: saves stay local.
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// A save that is not on the server yet.
    pub fn pending(&self) -> bool {
        self.pending
    }

    /// The conflict a save is waiting on, if any.
    pub fn conflict(&self) -> Option<&Conflict> {
        self.conflict.as_ref()
    }

    /// Saves uploaded so far.
    pub fn uploads(&self) -> u32 {
        self.uploads
    }

    /// Whether the downloaded file looks binary: a NUL byte in its first 8 KiB, as git and grep
    /// tell (text in a legacy encoding is still text).
    pub fn looks_binary(&self) -> bool {
        use std::io::Read as _;
        let mut buf = vec![0u8; SNIFF];
        let Ok(mut f) = std::fs::File::open(&self.local) else {
            return false;
        };
        let n = f.read(&mut buf).unwrap_or(0);
        buf[..n].contains(&0)
    }

    /// Starts watching the copy for saves.
    pub fn watch(&self) -> Result<Watch> {
        Watch::start(&self.local, self.opts.debounce)
    }

    fn job_options(conflict: ConflictPolicy) -> TransferOptions {
        TransferOptions {
            parallel_files: 1,
            conflict,
            preserve_mtime: true,
            ..Default::default()
        }
    }

    /// Runs one job of one file; the path it landed at.
    async fn one_file(&self, spec: JobSpec, conflict: ConflictPolicy) -> Result<(FsPath, u64)> {
        let (tx, mut rx) = mpsc::unbounded_channel();
        let summary = run_job(
            self.pool.clone(),
            spec,
            Self::job_options(conflict),
            Control::new(),
            tx,
        )
        .await?;
        if let Some(f) = summary.failures.into_iter().next() {
            return Err(f.error);
        }
        let mut done = None;
        while let Ok(ev) = rx.try_recv() {
            if let Event::FileDone { dst, bytes, .. } = ev {
                done = Some((dst, bytes));
            }
        }
        done.ok_or_else(|| Error::Internal {
            detail: "the copy ended without the file".into(),
        })
    }

    /// Downloads the server's copy over the local one and records it as the new baseline.
    async fn download(&mut self) -> Result<()> {
        let spec = JobSpec {
            direction: Direction::Download,
            sources: vec![self.remote.clone()],
            dest_dir: from_local(&self.folder),
            // The local name stays when the remote one changed (a copy kept beside).
            dest_name: from_local(&self.local).file_name().map(<[u8]>::to_vec),
            recursive: false,
        };
        self.one_file(spec, ConflictPolicy::Overwrite).await?;
        // The source's bits, never more; the owner may read (and write, when the server lets).
        let mode = match (self.perms.unwrap_or(0o600) & 0o777, self.read_only) {
            (p, false) => p | 0o600,
            (p, true) => (p & 0o555) | 0o400,
        };
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&self.local, std::fs::Permissions::from_mode(mode))
            .map_err(|e| Error::from_local_io(&e, &self.local))?;
        self.sent = local_sum(&self.local, Algo::Sha256, false).await?.bytes;
        let link = self.pool.get(0).await?;
        let entry = link.sftp.stat(&self.remote).await?;
        let size = entry.size.unwrap_or(0);
        self.way = link
            .sftp
            .sum_way(&self.remote, size, None)
            .await
            .unwrap_or(SumWay::None);
        let sum = match self.way.algo() {
            Some(algo) => Some(local_sum(&self.local, algo, false).await?),
            None => None,
        };
        self.server = ServerCopy {
            size,
            mtime: entry.mtime,
            sum,
        };
        self.pending = false;
        Ok(())
    }

    /// What the server has now, checksum included where `with_sum` and it computes one; a lost
    /// connection is reopened (by the pool) and asked again.
    async fn server_now(&self, with_sum: bool) -> Result<Option<ServerCopy>> {
        let mut tries = 0;
        loop {
            tries += 1;
            match self.server_now_once(with_sum).await {
                Err(e) if lost(&e) && tries < 3 => continue,
                other => return other,
            }
        }
    }

    async fn server_now_once(&self, with_sum: bool) -> Result<Option<ServerCopy>> {
        let link = self.pool.get(0).await?;
        let entry = match link.sftp.stat(&self.remote).await {
            Ok(e) => e,
            Err(Error::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(e),
        };
        let size = entry.size.unwrap_or(0);
        let sum = if with_sum {
            link.sftp
                .remote_sum(self.way, &self.remote, size, false)
                .await?
        } else {
            None
        };
        Ok(Some(ServerCopy {
            size,
            mtime: entry.mtime,
            sum,
        }))
    }

    /// The conflict, when the server's copy is not the one last seen.
    async fn changed_on_server(&self) -> Result<Option<Conflict>> {
        let was = &self.server;
        let conflict = |now| Conflict {
            remote: self.remote.clone(),
            was: was.clone(),
            now,
        };
        let Some(now) = self.server_now(false).await? else {
            return Ok(Some(conflict(None)));
        };
        if now.size != was.size || now.mtime != was.mtime {
            return Ok(Some(conflict(Some(now))));
        }
        if was.sum.is_some() {
            // A sum the server could not give this time is no evidence either way.
            let now = self.server_now(true).await?;
            let differs = match &now {
                None => true,
                Some(n) => n.sum.is_some() && n.sum != was.sum,
            };
            if differs {
                return Ok(Some(conflict(now)));
            }
        }
        Ok(None)
    }

    /// Looks at the local copy after a save: uploads it when its bytes changed and the server's
    /// copy is still the one last seen.
    pub async fn sync(&mut self) -> Result<Synced> {
        let got = self.sync_inner().await;
        self.note_state();
        got
    }

    async fn sync_inner(&mut self) -> Result<Synced> {
        let Some(digest) = self.take_snapshot().await? else {
            return Ok(Synced::Missing);
        };
        if digest == self.sent {
            self.pending = false;
            return Ok(Synced::Unchanged);
        }
        self.pending = true;
        if self.read_only {
            return Ok(Synced::ReadOnly);
        }
        if let Some(c) = &self.conflict {
            return Ok(Synced::Conflict(c.clone()));
        }
        if let Some(c) = self.changed_on_server().await? {
            self.conflict = Some(c.clone());
            return Ok(Synced::Conflict(c));
        }
        self.upload(digest, ConflictPolicy::Overwrite).await
    }

    /// Settles the conflict a save waits on.
    pub async fn resolve(&mut self, how: Resolution) -> Result<Synced> {
        let got = self.resolve_inner(how).await;
        self.note_state();
        got
    }

    async fn resolve_inner(&mut self, how: Resolution) -> Result<Synced> {
        self.conflict = None;
        match how {
            Resolution::Discard => {
                self.download().await?;
                Ok(Synced::Unchanged)
            }
            Resolution::Overwrite | Resolution::KeepBoth => {
                let Some(digest) = self.take_snapshot().await? else {
                    return Ok(Synced::Missing);
                };
                let policy = if how == Resolution::KeepBoth {
                    ConflictPolicy::Rename
                } else {
                    ConflictPolicy::Overwrite
                };
                self.upload(digest, policy).await
            }
        }
    }

    /// Copies the local file aside; its SHA-256, or `None` when it is not there.
    async fn take_snapshot(&self) -> Result<Option<Vec<u8>>> {
        let (from, to) = (self.local.clone(), self.snapshot.clone());
        // The upload takes its mode from this copy: the server file's, not whatever mode the
        // editor's new file got (a file renamed over the copy has the editor's umask).
        let mode = self.perms.unwrap_or(0o600) & 0o777 | 0o600;
        let copied = tokio::task::spawn_blocking(move || {
            use std::os::unix::fs::PermissionsExt;
            std::fs::copy(&from, &to)?;
            std::fs::set_permissions(&to, std::fs::Permissions::from_mode(mode))
        })
        .await
        .map_err(|e| Error::Internal {
            detail: e.to_string(),
        })?;
        match copied {
            Ok(_) => Ok(Some(
                local_sum(&self.snapshot, Algo::Sha256, false).await?.bytes,
            )),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::from_local_io(&e, &self.local)),
        }
    }

    /// Uploads the snapshot (whose SHA-256 is `digest`) through the transfer engine.
    async fn upload(&mut self, digest: Vec<u8>, policy: ConflictPolicy) -> Result<Synced> {
        let name = self.remote.file_name().map(<[u8]>::to_vec);
        let dest_dir = self.remote.parent().unwrap_or_else(|| FsPath::from("/"));
        let spec = JobSpec {
            direction: Direction::Upload,
            sources: vec![from_local(&self.snapshot)],
            dest_dir,
            dest_name: name,
            recursive: false,
        };
        let (dst, bytes) = self.one_file(spec, policy).await?;
        self.remote = dst;
        self.uploads += 1;
        self.sent = digest;
        let sum = match self.way.algo() {
            Some(algo) => Some(local_sum(&self.snapshot, algo, false).await?),
            None => None,
        };
        // On the server now: the snapshot would only hold a second copy of the file's bytes.
        let _ = std::fs::remove_file(&self.snapshot);
        let now = self.server_now(false).await?;
        self.server = ServerCopy {
            size: now.as_ref().map_or(bytes, |n| n.size),
            mtime: now.and_then(|n| n.mtime),
            sum,
        };
        self.pending = false;
        Ok(Synced::Uploaded {
            remote: self.remote.clone(),
            bytes,
        })
    }

    /// Copies the edit beside the private copy (`name (mine).ext`), for a person to keep when
    /// it could not go to the server.
    pub fn keep_mine(&self) -> Result<PathBuf> {
        let name = self
            .local
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (stem, ext) = match name.rfind('.') {
            Some(i) if i > 0 => (&name[..i], &name[i..]),
            _ => (name.as_str(), ""),
        };
        for k in 0..100u32 {
            let tag = if k == 0 {
                " (mine)".to_string()
            } else {
                format!(" (mine {k})")
            };
            let path = self.folder.join(format!("{stem}{tag}{ext}"));
            if path.exists() {
                continue;
            }
            std::fs::copy(&self.local, &path).map_err(|e| Error::from_local_io(&e, &path))?;
            return Ok(path);
        }
        Err(Error::NoFreeName {
            path: self.local.display().to_string(),
            tries: 100,
        })
    }

    /// Rewrites the record when what it says changed (best effort: the edit goes on without).
    fn note_state(&mut self) {
        let pending = self.pending || self.conflict.is_some();
        let state = (pending, self.sent.clone());
        if self.recorded.as_ref() == Some(&state) {
            return;
        }
        let opts = self.pool.connect_options();
        let record = Record {
            host: opts.host.clone(),
            port: opts.port,
            user: opts.user.clone(),
            remote: self.remote.clone(),
            local: self.local.clone(),
            pending,
            sent_sha256: hex::encode(&self.sent),
        };
        match record.write(&self.record) {
            Ok(()) => self.recorded = Some(state),
            Err(e) => tracing::warn!("the record of an edit: {e}"),
        }
    }

    /// The record kept beside the copy (`record.rs`).
    pub fn record_path(&self) -> &Path {
        &self.record
    }

    /// Ends the session: the private copy (and its record) is deleted when every save is on the
    /// server, kept (and named) otherwise.
    pub fn finish(&mut self) -> Finished {
        let _ = std::fs::remove_file(&self.snapshot);
        if self.pending || self.conflict.is_some() {
            self.note_state();
            return Finished::Kept(self.local.clone());
        }
        let _ = std::fs::remove_dir_all(&self.folder);
        let _ = std::fs::remove_file(&self.record);
        Finished::Removed
    }
}
