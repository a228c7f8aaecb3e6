//! Which process runs a saved job. Several processes share the saved queue (the window, `ferry
//! get`, `ferry queue run`), and any of them may see a job as unfinished: one that another is
//! running right now must not be run a second time, or two writers would fill the same
//! `.ferrypart`. Running a job takes its claim, an exclusive lock on
//! `NAME.runs/job-ID.lock` beside the queue file, held until the run ends; the OS releases it if
//! the process dies, so a crashed run's job is free to be continued.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Job `id` is being run by this claim's holder until it is dropped.
#[derive(Debug)]
pub struct Claim {
    _lock: File,
}

fn lock_path(queue_file: &Path, id: u64) -> PathBuf {
    let mut dir = queue_file.as_os_str().to_os_string();
    dir.push(".runs");
    PathBuf::from(dir).join(format!("job-{id}.lock"))
}

/// Claims job `id` of the queue at `queue_file` for this run; [`Error::JobBusy`] when another
/// run (in this process or another) holds it.
pub fn claim(queue_file: &Path, id: u64) -> Result<Claim> {
    let path = lock_path(queue_file, id);
    let io = |e: std::io::Error| Error::from_local_io(&e, &path);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => Ok(Claim { _lock: file }),
        Err(TryLockError::WouldBlock) => Err(Error::JobBusy { id }),
        Err(TryLockError::Error(e)) => Err(io(e)),
    }
}

/// Whether another run holds job `id` right now.
pub fn is_claimed(queue_file: &Path, id: u64) -> bool {
    matches!(claim(queue_file, id), Err(Error::JobBusy { .. }))
}

/// Forgets the claim files of jobs no longer in the queue (a finished job is never run again).
pub fn forget(queue_file: &Path, ids: impl IntoIterator<Item = u64>) {
    for id in ids {
        let _ = std::fs::remove_file(lock_path(queue_file, id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_run_at_a_time_and_free_again_once_it_ends() {
        let dir = tempfile::tempdir().unwrap();
        let queue = dir.path().join("queue.json");
        let first = claim(&queue, 7).unwrap();
        assert!(matches!(claim(&queue, 7), Err(Error::JobBusy { id: 7 })));
        assert!(is_claimed(&queue, 7));
        assert!(!is_claimed(&queue, 8), "another job is free");
        drop(first);
        assert!(!is_claimed(&queue, 7));
        let again = claim(&queue, 7).unwrap();
        drop(again);
        forget(&queue, [7]);
        assert!(!dir.path().join("queue.json.runs/job-7.lock").exists());
    }
}
