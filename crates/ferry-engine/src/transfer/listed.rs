//! A job over files listed beforehand: each one's source, destination and attributes are known
//! (a sync's plan compared both trees already), so nothing is walked or stat'ed again; the files
//! go straight to the workers, with the same conflicts, `.ferrypart`, resume, verification and
//! progress as any job. The folders they land in must exist (the caller makes them first).

use std::sync::Arc;
use std::time::SystemTime;

use tokio::sync::mpsc;

use crate::error::Result;
use crate::fs::path::FsPath;
use crate::transfer::job::{Feed, run_fed, send, send_batch};
use crate::transfer::prefetch;
use crate::transfer::task::{FileTask, JobCtx};
use crate::transfer::{Control, Direction, Event, JobSummary, Pool, TransferOptions};

/// One file to copy: both paths absolute, its attributes as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedFile {
    pub src: FsPath,
    pub dst: FsPath,
    pub size: u64,
    pub mtime: Option<SystemTime>,
    pub perms: Option<u32>,
    /// The destination folder was just made, so nothing can be in the way (no stat first).
    pub fresh_dir: bool,
}

/// Copies `files` in `direction` over `pool`: as [`crate::transfer::run_job`], without a walk.
pub async fn run_files(
    pool: Arc<Pool>,
    direction: Direction,
    files: Vec<ListedFile>,
    opts: TransferOptions,
    control: Control,
    events: mpsc::UnboundedSender<Event>,
) -> Result<JobSummary> {
    run_fed(pool, direction, opts, control, events, Feed::Files(files)).await
}

/// Hands `files` to the workers (an upload's small ones read ahead in batches, as the walk does).
pub(super) async fn feed(ctx: &JobCtx, files: Vec<ListedFile>, tx: &mpsc::Sender<FileTask>) {
    let upload = ctx.direction == Direction::Upload;
    let mut batch = Vec::with_capacity(prefetch::BATCH);
    for f in files {
        if ctx.control.checkpoint().await.is_err() {
            return;
        }
        let task = FileTask {
            src: f.src,
            dst: f.dst,
            size: f.size,
            mtime: f.mtime,
            perms: f.perms,
            fresh_dir: f.fresh_dir,
            head: None,
        };
        if !upload {
            send(ctx, tx, task).await;
            continue;
        }
        batch.push(task);
        if batch.len() >= prefetch::BATCH {
            send_batch(ctx, tx, &mut batch).await;
        }
    }
    send_batch(ctx, tx, &mut batch).await;
}
