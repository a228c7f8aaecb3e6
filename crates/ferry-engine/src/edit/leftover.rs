//! Edits an earlier run left off the server. Each run's folder (`cache/edits/RUN`) has a lock
//! beside it (`RUN.lock`), held while the run lives; the OS lets go of it when the run ends or
//! dies. At the next start, [`adopt`] takes every folder whose lock is free: a copy whose bytes
//! are what the server was last given is deleted (nothing is lost), and one that holds a save not
//! on the server is moved into this run's folder (a rename, under the dead run's lock, so two
//! starts never adopt the same edit) and offered back as a [`Leftover`]. An adopted edit that
//! this run also leaves behind is offered again at the start after.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::fs::sftp::checksum::Algo;

use super::{EditRoot, Record};

/// An edit a run that ended left off the server, now in this run's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leftover {
    pub record: Record,
    /// The record, `N.json` in this run's folder.
    pub record_path: PathBuf,
    /// The numbered folder holding the copy.
    pub folder: PathBuf,
}

impl Leftover {
    /// Deletes the copy and its record: the person chose not to upload it.
    pub fn discard(&self) -> Result<()> {
        std::fs::remove_dir_all(&self.folder)
            .map_err(|e| Error::from_local_io(&e, &self.folder))?;
        std::fs::remove_file(&self.record_path)
            .map_err(|e| Error::from_local_io(&e, &self.record_path))
    }
}

/// The lock beside a run's folder.
pub(super) fn lock_path(run: &Path) -> PathBuf {
    let mut p = run.as_os_str().to_os_string();
    p.push(".lock");
    PathBuf::from(p)
}

/// Takes the lock of the run folder `run`; `None` while another run holds it.
pub(super) fn lock(run: &Path) -> Result<Option<File>> {
    let path = lock_path(run);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::from_local_io(&e, &path))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(e)) => Err(Error::from_local_io(&e, &path)),
    }
}

/// Whether the copy a record names holds bytes the server was not given.
fn unsent(record: &Record) -> bool {
    if record.pending {
        return true;
    }
    match crate::fs::sftp::checksum::local_sum_blocking(&record.local, Algo::Sha256, false) {
        Ok(sum) => hex::encode(sum.bytes) != record.sent_sha256,
        // A copy that cannot be read is kept for the person to look at.
        Err(_) => record.local.exists(),
    }
}

/// Takes over the edits of every run that ended (blocking file work: run it off the UI thread).
pub fn adopt(root: &EditRoot) -> Vec<Leftover> {
    let Some(edits) = root.dir.parent() else {
        return Vec::new();
    };
    let Ok(runs) = std::fs::read_dir(edits) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for run in runs.flatten() {
        let run = run.path();
        if run == root.dir || !run.is_dir() {
            continue;
        }
        let Ok(Some(_held)) = lock(&run) else {
            continue;
        };
        adopt_run(root, &run, &mut found);
        if std::fs::remove_dir(&run).is_ok() {
            let _ = std::fs::remove_file(lock_path(&run));
        }
    }
    found
}

/// Moves the unsent edits of the dead run `run` into `root`, deleting the rest.
fn adopt_run(root: &EditRoot, run: &Path, found: &mut Vec<Leftover>) {
    let Ok(items) = std::fs::read_dir(run) else {
        return;
    };
    for item in items.flatten() {
        let path = item.path();
        if path.extension().is_some_and(|e| e == "saving") {
            let _ = std::fs::remove_file(&path);
            continue;
        }
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let Ok(record) = Record::read(&path) else {
            continue;
        };
        let Some(folder) = record.local.parent().map(Path::to_path_buf) else {
            continue;
        };
        if !folder.starts_with(run) {
            continue;
        }
        if !unsent(&record) {
            let _ = std::fs::remove_dir_all(&folder);
            let _ = std::fs::remove_file(&path);
            continue;
        }
        if let Some(left) = move_in(root, record, &folder, &path) {
            found.push(left);
        }
    }
}

/// Moves one edit's folder and record into `root` under a new number.
fn move_in(
    root: &EditRoot,
    mut record: Record,
    folder: &Path,
    record_file: &Path,
) -> Option<Leftover> {
    let n = root.next_number();
    let new_folder = root.dir.join(n.to_string());
    std::fs::rename(folder, &new_folder).ok()?;
    let name = record.local.file_name()?.to_os_string();
    record.local = new_folder.join(name);
    // A save that never reached the server is pending, whatever the record said when it died.
    record.pending = true;
    let record_path = root.dir.join(format!("{n}.json"));
    if record.write(&record_path).is_err() {
        // Put back: the next start finds it where it was.
        let _ = std::fs::rename(&new_folder, folder);
        return None;
    }
    let _ = std::fs::remove_file(record_file);
    Some(Leftover {
        record,
        record_path,
        folder: new_folder,
    })
}
