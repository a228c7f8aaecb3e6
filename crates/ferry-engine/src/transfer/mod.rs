//! Transfers: a job (upload or download of files and folder trees) run by a pool of workers over
//! one or more connections, with many files and many requests in flight.
//!
//! - `manager/` is what the window and the command line share: the job list, the failed files
//!   with their retries, `spawn` (a handle that cancels on drop, a stream of updates), and the
//!   saved queue (`queue.rs`'s format), where a job is recorded before it runs and an
//!   interrupted one is kept to run again;
//! - `job.rs` expands folders as it goes (a streamed walk) and feeds the workers; `listed.rs`
//!   feeds them a list of files made beforehand (a sync's plan) instead;
//! - `worker.rs` copies one file: conflicts, `.ferrypart` + rename, resume, verification;
//! - `task.rs` what the walk and the workers share (the file handed over, the job's context);
//! - `io.rs` is the pipelined data path, `copy.rs` what one file's requests share; `pool.rs` the
//!   connections (and reconnects);
//! - `control.rs` pause/cancel; `progress.rs` counters and rate; `dest.rs` destination names;
//!   `verify.rs` checksums; `note.rs` skip reasons and notes, as data each face words;
//!   `small.rs` the two-round-trip path for small files; `disk.rs` local
//!   file access for the data path; `prefetch.rs` small local files read ahead in batches;
//!   `partid.rs` the rule that decides whether a leftover `.ferrypart` may be continued.

pub mod claim;
pub mod control;
mod copy;
pub mod dest;
mod disk;
pub mod io;
pub mod job;
pub mod limit;
pub mod listed;
pub mod manager;
pub mod note;
pub mod partid;
pub mod pool;
mod prefetch;
pub mod progress;
pub mod queue;
mod small;
mod task;
pub mod verify;
mod worker;

use std::sync::Arc;
use std::time::SystemTime;

use async_trait::async_trait;

use crate::error::Error;
use crate::fs::path::FsPath;

pub use control::Control;
pub use job::{Failure, JobSpec, JobSummary, run_job, run_saved};
pub use listed::{ListedFile, run_files};
pub use note::{Note, Skip};
pub use pool::Pool;
pub use progress::Snapshot;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Direction {
    Upload,
    Download,
}

/// What to do when the destination file exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ConflictPolicy {
    /// Ask the [`ConflictResolver`] (the GUI's dialog); without one, overwrite.
    Ask,
    Overwrite,
    /// Overwrite only when the source is newer; skip otherwise.
    OverwriteIfNewer,
    /// Treat the existing file as a partial copy and continue it.
    Resume,
    /// Keep both: write `name (1).ext`.
    Rename,
    Skip,
}

/// What a conflict is about, for the person deciding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictInfo {
    pub src: FsPath,
    pub dst: FsPath,
    pub src_size: u64,
    pub src_mtime: Option<SystemTime>,
    pub dst_size: Option<u64>,
    pub dst_mtime: Option<SystemTime>,
}

/// Answers conflicts (the GUI shows a dialog). `None` = skip this file.
#[async_trait]
pub trait ConflictResolver: Send + Sync {
    /// Returns the choice (never `Ask`) and whether it applies to the rest of the job.
    async fn resolve(&self, info: &ConflictInfo) -> Option<(ConflictPolicy, bool)>;
}

/// Whether uploads are synced to the server's disk unless asked otherwise: off, because on a
/// disk it made 2,000 small files take 3.2 times as long and 1 GiB about twice as long (README,
/// "Durable uploads"), for a protection only a crash of the server's machine needs; the rename
/// after a complete, closed file already keeps a partial copy from ever taking the name.
pub const DEFAULT_FSYNC: bool = false;

#[derive(Clone)]
pub struct TransferOptions {
    /// Files copied at once (1–32).
    pub parallel_files: usize,
    pub conflict: ConflictPolicy,
    pub resolver: Option<Arc<dyn ConflictResolver>>,
    /// Compare checksums with the server after each file (where it can compute them: the
    /// strongest of `check-file`, `sha256sum`, `sha512sum`, `sha1sum`, `md5sum`).
    pub verify: bool,
    pub preserve_mtime: bool,
    pub preserve_permissions: bool,
    /// Recurse into folders that symlinks point at (off: no loops, no surprises).
    pub follow_dir_links: bool,
    /// Attempts per file after a lost connection.
    pub max_retries: u32,
    /// Entries one folder's listing may have (see `fs::ListOptions::cap`).
    pub list_cap: usize,
    /// Uploads: `fsync@openssh.com` on each partial file after its last write, before the
    /// rename, where the server offers it, so that a file in place is on the server's disk.
    pub fsync: bool,
    /// A bandwidth limit (shared with other jobs when the same one is given to them).
    pub limit: Option<limit::RateLimit>,
}

impl Default for TransferOptions {
    fn default() -> Self {
        TransferOptions {
            parallel_files: 32,
            conflict: ConflictPolicy::Overwrite,
            resolver: None,
            verify: false,
            preserve_mtime: true,
            preserve_permissions: false,
            follow_dir_links: false,
            max_retries: 5,
            list_cap: crate::fs::DEFAULT_LIST_CAP,
            fsync: DEFAULT_FSYNC,
            limit: None,
        }
    }
}

impl std::fmt::Debug for TransferOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TransferOptions")
            .field("parallel_files", &self.parallel_files)
            .field("conflict", &self.conflict)
            .field("verify", &self.verify)
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}

/// What a job reports while it runs.
#[derive(Debug, Clone)]
pub enum Event {
    /// Whole-job progress, at most ~10 a second.
    Progress(Snapshot),
    FileStarted {
        src: FsPath,
        size: u64,
    },
    /// The copy continues a partial file from `offset` bytes.
    FileResumed {
        src: FsPath,
        offset: u64,
    },
    FileDone {
        src: FsPath,
        dst: FsPath,
        bytes: u64,
        verified: bool,
        /// How the contents were checked (`sha1 (sha1sum)`, `md5 (check-file)`), when they were.
        checked: Option<String>,
    },
    FileSkipped {
        src: FsPath,
        reason: Skip,
    },
    FileFailed {
        src: FsPath,
        error: Error,
    },
    /// Something a person should know that is not a failure (a link not followed, a file that
    /// grew while copied, verification unavailable).
    Note(Note),
}
