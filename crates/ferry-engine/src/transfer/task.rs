//! What one job's walk and workers share: the file a worker is handed ([`FileTask`], with a small
//! file's contents read ahead as a [`Head`]), the job's context ([`JobCtx`]: pool, options,
//! counters, events, failures) and the record of a file that could not be copied ([`Failure`]).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use tokio::sync::mpsc;

use crate::error::Error;
use crate::fs::FileSystem;
use crate::fs::local::LocalFs;
use crate::fs::path::FsPath;
use crate::transfer::pool::{Link, Pool};
use crate::transfer::progress::Counters;
use crate::transfer::{ConflictPolicy, Control, Direction, Event, Skip, TransferOptions};

/// A file (or folder) that could not be copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub src: FsPath,
    /// Where it was going, when known (for "retry failed").
    pub dst: Option<FsPath>,
    pub error: Error,
}

/// A file being copied: source, size, bytes so far.
pub(crate) type ActiveFile = (FsPath, u64, Arc<AtomicU64>);

/// One file for a worker.
#[derive(Debug, Clone)]
pub(crate) struct FileTask {
    pub src: FsPath,
    pub dst: FsPath,
    pub size: u64,
    pub mtime: Option<SystemTime>,
    pub perms: Option<u32>,
    /// The destination folder was created by this job (so nothing can be in the way).
    pub fresh_dir: bool,
    /// An upload's small file, read ahead by the walk.
    pub head: Option<Arc<Head>>,
}

/// Shared by the walk and the workers of one job.
pub(crate) struct JobCtx {
    pub pool: Arc<Pool>,
    pub direction: Direction,
    pub opts: TransferOptions,
    pub control: Control,
    pub counters: Counters,
    pub events: mpsc::UnboundedSender<Event>,
    /// A conflict answer the person applied to the rest of the job.
    pub sticky_conflict: Mutex<Option<ConflictPolicy>>,
    /// One question at a time.
    pub asking: tokio::sync::Mutex<()>,
    pub verify_unavailable_noted: AtomicBool,
    /// The server refused (or ignored) an exec request: no more checksum requests in this job.
    pub no_exec: AtomicBool,
    pub failures: Mutex<Vec<Failure>>,
    /// Files being copied now: (source, size, bytes so far), keyed by worker.
    pub active: Mutex<std::collections::HashMap<usize, ActiveFile>>,
    /// Bytes of small files read ahead and not yet taken (see `prefetch.rs`).
    pub prefetched: Arc<AtomicU64>,
}

impl JobCtx {
    pub fn emit(&self, e: Event) {
        let _ = self.events.send(e);
    }

    pub fn fail(&self, src: FsPath, error: Error) {
        self.fail_to(src, None, error);
    }

    pub fn fail_to(&self, src: FsPath, dst: Option<FsPath>, error: Error) {
        tracing::debug!("{src}: {error}");
        Counters::add(&self.counters.files_failed, 1);
        if let Ok(mut f) = self.failures.lock() {
            f.push(Failure {
                src: src.clone(),
                dst,
                error: error.clone(),
            });
        }
        self.emit(Event::FileFailed { src, error });
    }

    pub fn skip(&self, src: FsPath, reason: Skip) {
        Counters::add(&self.counters.files_skipped, 1);
        self.emit(Event::FileSkipped { src, reason });
    }

    /// (source side, destination side) over `link`.
    pub fn sides<'a>(&self, link: &'a Link) -> (&'a dyn FileSystem, &'a dyn FileSystem) {
        static LOCAL: LocalFs = LocalFs;
        match self.direction {
            Direction::Download => (&link.sftp, &LOCAL),
            Direction::Upload => (&LOCAL, &link.sftp),
        }
    }
}

/// A file's contents read ahead, taken once by the worker that uploads it. Dropping it (taken or
/// not) gives its bytes back to the budget.
pub struct Head {
    data: Mutex<Option<Vec<u8>>>,
    len: u64,
    held: Arc<AtomicU64>,
}

impl Head {
    /// `data`, already counted in `held` (given back when this is dropped).
    pub(crate) fn new(data: Vec<u8>, held: Arc<AtomicU64>) -> Head {
        let len = data.len() as u64;
        Head {
            data: Mutex::new(Some(data)),
            len,
            held,
        }
    }

    /// The whole file as it was read (`None` once taken). It was read to its end: a file that
    /// grows afterwards is sent as it was when read, like one read just before it grew.
    pub fn take(&self) -> Option<Vec<u8>> {
        self.data.lock().ok().and_then(|mut d| d.take())
    }
}

impl Drop for Head {
    fn drop(&mut self) {
        self.held.fetch_sub(self.len, Ordering::Relaxed);
    }
}

impl std::fmt::Debug for Head {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Head({} bytes)", self.len)
    }
}
