//! The saved queue as the manager uses it (`queue.json` in the data folder): opened off the calling
//! thread, a new job recorded there before it starts, run through it (`run_saved`) with how far it
//! got recorded as it goes, and an interrupted one kept unfinished so that it can be run again,
//! continuing its partial files. Every write of the queue file runs on the blocking pool, never on
//! the caller's thread.
//!
//! The queue's format is `queue.rs`'s; running a job is `job.rs`'s.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::mpsc;

use crate::error::{Error, Result};
use crate::fs::local::blocking;
use crate::transfer::queue::{JobState, Queue, SavedJob, SavedOptions, SavedProgress, SiteRef};
use crate::transfer::{
    ConflictPolicy, Control, Event, JobSpec, JobSummary, Pool, TransferOptions, run_saved,
};

/// The saved queue, shared between the jobs that record themselves in it.
pub type SharedQueue = Arc<Mutex<Queue>>;

/// How often a running job's progress is written to the queue file at most.
const PROGRESS_EVERY: Duration = Duration::from_secs(1);

/// Where the saved queue lives in the data folder.
pub fn queue_path(data_dir: &Path) -> PathBuf {
    data_dir.join("queue.json")
}

fn poisoned() -> Error {
    Error::poisoned("the transfer queue")
}

/// Opens the queue at `path` (creating its folder) on the blocking pool; the warning says when
/// the file could not be read (it is then kept aside, see [`Queue::load`]).
pub async fn open(path: PathBuf) -> Result<(SharedQueue, Option<String>)> {
    blocking(move || {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::from_local_io(&e, dir))?;
        }
        let (q, warning) = Queue::load(&path);
        Ok((Arc::new(Mutex::new(q)), warning))
    })
    .await
}

/// Records a new job for `site` with the options it copies with (dropping jobs finished in
/// earlier runs, to keep the file small); returns its id.
pub async fn record(
    queue: &SharedQueue,
    site: SiteRef,
    spec: JobSpec,
    opts: &TransferOptions,
) -> Result<u64> {
    let q = queue.clone();
    let (conflict, verify, saved) = (opts.conflict, opts.verify, SavedOptions::from(opts));
    blocking(move || {
        let mut q = q.lock().map_err(|_| poisoned())?;
        q.clear_finished()?;
        q.add_job(site, vec![spec], conflict, verify, Some(saved))
    })
    .await
}

/// A recorded job that asked about conflicts continues what is there when it is run again
/// (nobody may be there to ask, and the files it already copied need no answer); any other
/// keeps its choice.
pub async fn settle_conflict(queue: &SharedQueue, id: u64) -> Result<()> {
    let q = queue.clone();
    blocking(move || {
        let mut q = q.lock().map_err(|_| poisoned())?;
        match q.get(id) {
            Some(job) if job.conflict == ConflictPolicy::Ask => {
                q.set_conflict(id, ConflictPolicy::Resume)
            }
            _ => Ok(()),
        }
    })
    .await
}

/// Runs recorded job `id` through the queue ([`run_saved`]), passing its events on to `events`
/// and writing how far it got at most once a second, so that a run cut off can say how far it
/// had come.
pub async fn run_recorded(
    queue: &SharedQueue,
    id: u64,
    pool: Arc<Pool>,
    opts: TransferOptions,
    control: Control,
    events: mpsc::UnboundedSender<Event>,
) -> Result<JobSummary> {
    let (tx, mut rx) = mpsc::unbounded_channel::<Event>();
    let forward = {
        let queue = queue.clone();
        tokio::spawn(async move {
            let mut saved_at: Option<Instant> = None;
            let mut last = None;
            while let Some(ev) = rx.recv().await {
                if let Event::Progress(s) = &ev {
                    let p = SavedProgress {
                        bytes_done: s.bytes_done,
                        bytes_total: s.bytes_total,
                        files_done: s.files_done,
                        files_total: s.files_total,
                    };
                    last = Some(p);
                    if saved_at.is_none_or(|t| t.elapsed() >= PROGRESS_EVERY) {
                        saved_at = Some(Instant::now());
                        save_progress(&queue, id, p).await;
                    }
                }
                let _ = events.send(ev);
            }
            if let Some(p) = last {
                save_progress(&queue, id, p).await;
            }
        })
    };
    let result = run_saved(queue, id, pool, opts, control, tx).await;
    let _ = forward.await;
    result
}

async fn save_progress(queue: &SharedQueue, id: u64, p: SavedProgress) {
    let q = queue.clone();
    // A progress record that cannot be written costs only the "how far" of `ferry queue`.
    let _ = blocking(move || q.lock().map_err(|_| poisoned())?.set_progress(id, p)).await;
}

/// Whether a run ended short of its work for a reason that running it again can mend: nothing
/// could connect (`result` is an error), or every file that failed lost its connection past its
/// retries.
pub fn interrupted(result: &Result<JobSummary>) -> bool {
    match result {
        // Another run has it: its state is that run's to record.
        Err(Error::JobBusy { .. }) => false,
        Err(_) => true,
        Ok(s) => {
            s.files_failed > 0
                && s.failures.iter().all(|f| {
                    matches!(
                        f.error,
                        Error::ConnectionLost { .. }
                            | Error::Timeout { .. }
                            | Error::ConnectionRefused { .. }
                            | Error::Unreachable { .. }
                            | Error::Dns { .. }
                    )
                })
        }
    }
}

/// Puts job `id` back as unfinished (it is listed and run again), keeping its failed files.
pub async fn keep_unfinished(queue: &SharedQueue, id: u64) -> Result<()> {
    let q = queue.clone();
    blocking(move || {
        let mut q = q.lock().map_err(|_| poisoned())?;
        let failed = q.get(id).map(|j| j.failed.clone()).unwrap_or_default();
        q.set_state(id, JobState::Queued, failed)
    })
    .await
}

/// The unfinished jobs, oldest first.
pub fn unfinished(queue: &SharedQueue) -> Vec<SavedJob> {
    queue
        .lock()
        .map(|q| {
            q.jobs()
                .iter()
                .filter(|j| !j.state.is_finished())
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// The unfinished jobs that may be run here: not those another run holds right now (another
/// window or `ferry` command is copying them).
pub fn runnable(queue: &SharedQueue) -> Vec<SavedJob> {
    let mut jobs = unfinished(queue);
    jobs.retain(|j| !running_elsewhere(queue, j.id));
    jobs
}

/// Whether another run (another window or `ferry` command) holds job `id` right now.
pub fn running_elsewhere(queue: &SharedQueue, id: u64) -> bool {
    queue
        .lock()
        .is_ok_and(|q| crate::transfer::claim::is_claimed(q.path(), id))
}

/// Forgets every job in the queue.
pub async fn clear(queue: &SharedQueue) -> Result<()> {
    let q = queue.clone();
    blocking(move || q.lock().map_err(|_| poisoned())?.clear()).await
}
