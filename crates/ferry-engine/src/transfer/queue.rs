//! The transfer queue as saved state: jobs with their site (host, port, user — never a secret),
//! what to copy where, and how far they got. Saved atomically (temp file, fsync, rename) in the
//! app data folder, so unfinished jobs survive a crash or restart and are picked up when their site
//! is connected again; the partial files themselves (`.ferrypart`) carry the bytes already copied.
//!
//! Several processes may share the file (the window and `ferry get` at once): every change is
//! made under an exclusive lock on `NAME.lock`, to the file as it is on disk then, so no process
//! writes over a job another one recorded.
//!
//! This module is pure state plus load/save: running jobs is `job.rs`'s business.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::fs::path::FsPath;
use crate::transfer::{ConflictPolicy, JobSpec, TransferOptions};

const VERSION: u32 = 1;

/// Which server a job talks to. Deliberately no password or passphrase field.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SiteRef {
    pub host: String,
    pub port: u16,
    pub user: String,
}

impl SiteRef {
    /// `user@host:port` as shown to people (as [`crate::url::authority`]).
    pub fn authority(&self) -> String {
        let user = (!self.user.is_empty()).then_some(self.user.as_str());
        crate::url::authority(user, &self.host, self.port)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum JobState {
    Queued,
    Running,
    Paused,
    Done,
    /// Finished with failed files (listed in `failed`).
    Failed,
    Cancelled,
}

impl JobState {
    pub fn is_finished(self) -> bool {
        matches!(
            self,
            JobState::Done | JobState::Failed | JobState::Cancelled
        )
    }
}

/// A file that failed, kept so "retry failed" copies just those.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedFile {
    pub src: FsPath,
    pub dst: Option<FsPath>,
    pub error: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedJob {
    pub id: u64,
    pub site: SiteRef,
    /// One or more parts (a retry of failed files is one part per file).
    pub specs: Vec<SerialSpec>,
    pub conflict: ConflictPolicy,
    pub verify: bool,
    pub state: JobState,
    #[serde(default)]
    pub failed: Vec<FailedFile>,
    /// How far the job had got when last recorded (absent in files of older Ferrys).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<SavedProgress>,
    /// How the job copies (absent in files of older Ferrys: the runner's own options apply).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<SavedOptions>,
}

/// The options a job was started with that change what it writes, so that running it again
/// (`ferry queue run`, or the window at the next connection) copies the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedOptions {
    pub preserve_mtime: bool,
    pub preserve_permissions: bool,
    pub follow_dir_links: bool,
    pub list_cap: usize,
    /// Each upload synced on the server before its rename (`--fsync`); absent in older files.
    #[serde(default)]
    pub fsync: bool,
}

impl From<&TransferOptions> for SavedOptions {
    fn from(o: &TransferOptions) -> Self {
        SavedOptions {
            preserve_mtime: o.preserve_mtime,
            preserve_permissions: o.preserve_permissions,
            follow_dir_links: o.follow_dir_links,
            list_cap: o.list_cap,
            fsync: o.fsync,
        }
    }
}

impl SavedOptions {
    /// `opts` with these choices in place of its own.
    pub fn apply(&self, opts: TransferOptions) -> TransferOptions {
        TransferOptions {
            preserve_mtime: self.preserve_mtime,
            preserve_permissions: self.preserve_permissions,
            follow_dir_links: self.follow_dir_links,
            list_cap: self.list_cap,
            fsync: self.fsync,
            ..opts
        }
    }
}

/// How far a job got: bytes and files done out of those known so far (the walk may not have
/// counted them all yet).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedProgress {
    pub bytes_done: u64,
    pub bytes_total: u64,
    pub files_done: u64,
    pub files_total: u64,
}

/// `JobSpec` in its saved form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SerialSpec {
    pub direction: crate::transfer::Direction,
    pub sources: Vec<FsPath>,
    pub dest_dir: FsPath,
    pub dest_name: Option<Vec<u8>>,
    pub recursive: bool,
}

impl From<&JobSpec> for SerialSpec {
    fn from(s: &JobSpec) -> Self {
        SerialSpec {
            direction: s.direction,
            sources: s.sources.clone(),
            dest_dir: s.dest_dir.clone(),
            dest_name: s.dest_name.clone(),
            recursive: s.recursive,
        }
    }
}

impl From<&SerialSpec> for JobSpec {
    fn from(s: &SerialSpec) -> Self {
        JobSpec {
            direction: s.direction,
            sources: s.sources.clone(),
            dest_dir: s.dest_dir.clone(),
            dest_name: s.dest_name.clone(),
            recursive: s.recursive,
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct QueueFile {
    version: u32,
    next_id: u64,
    jobs: Vec<SavedJob>,
}

#[derive(Debug)]
pub struct Queue {
    path: PathBuf,
    file: QueueFile,
}

impl Queue {
    /// Loads the queue at `path` (missing = empty). A file that cannot be read as a queue is moved
    /// aside to `NAME.corrupt` and reported in the returned warning, never silently discarded.
    pub fn load(path: &Path) -> (Queue, Option<String>) {
        let mut warning = None;
        let file = match std::fs::read(path) {
            Err(_) => QueueFile::default(),
            Ok(bytes) => match serde_json::from_slice::<QueueFile>(&bytes) {
                Ok(f) if f.version <= VERSION => f,
                Ok(f) => {
                    warning = Some(format!(
                        "{} was written by a newer Ferry (queue version {}); starting with an empty queue",
                        path.display(),
                        f.version
                    ));
                    QueueFile::default()
                }
                Err(e) => {
                    let backup = path.with_extension("json.corrupt");
                    let _ = std::fs::rename(path, &backup);
                    warning = Some(format!(
                        "The transfer queue {} could not be read ({e}); it was kept as {}",
                        path.display(),
                        backup.display()
                    ));
                    QueueFile::default()
                }
            },
        };
        let mut q = Queue {
            path: path.to_path_buf(),
            file,
        };
        // A job that was running when Ferry stopped is unfinished, not running.
        for j in &mut q.file.jobs {
            if j.state == JobState::Running {
                j.state = JobState::Queued;
            }
        }
        (q, warning)
    }

    /// The queue file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn jobs(&self) -> &[SavedJob] {
        &self.file.jobs
    }

    pub fn get(&self, id: u64) -> Option<&SavedJob> {
        self.file.jobs.iter().find(|j| j.id == id)
    }

    /// Adds a job and saves; returns its id.
    pub fn add(
        &mut self,
        site: SiteRef,
        specs: Vec<JobSpec>,
        conflict: ConflictPolicy,
        verify: bool,
    ) -> Result<u64> {
        self.add_job(site, specs, conflict, verify, None)
    }

    /// Adds a job with the options it copies with (see [`SavedOptions`]); returns its id.
    pub fn add_job(
        &mut self,
        site: SiteRef,
        specs: Vec<JobSpec>,
        conflict: ConflictPolicy,
        verify: bool,
        options: Option<SavedOptions>,
    ) -> Result<u64> {
        let job = SavedJob {
            id: 0,
            site,
            specs: specs.iter().map(SerialSpec::from).collect(),
            conflict,
            verify,
            state: JobState::Queued,
            failed: Vec::new(),
            progress: None,
            options,
        };
        self.change(move |file| {
            file.next_id += 1;
            let id = file.next_id;
            file.jobs.push(SavedJob { id, ..job });
            id
        })
    }

    pub fn set_state(&mut self, id: u64, state: JobState, failed: Vec<FailedFile>) -> Result<()> {
        self.change_job(id, |j| {
            j.state = state;
            j.failed = failed;
        })
    }

    /// Records how far a job has got.
    pub fn set_progress(&mut self, id: u64, progress: SavedProgress) -> Result<()> {
        self.change_job(id, |j| j.progress = Some(progress))
    }

    /// Forgets every unfinished job (`ferry queue clear`); finished ones go too.
    pub fn clear(&mut self) -> Result<()> {
        self.change(|file| file.jobs.clear())
    }

    /// Changes what a job does when a destination exists (a job picked up again after a restart
    /// continues what is there rather than asking about files it already copied).
    pub fn set_conflict(&mut self, id: u64, conflict: ConflictPolicy) -> Result<()> {
        self.change_job(id, |j| j.conflict = conflict)
    }

    fn change_job(&mut self, id: u64, f: impl FnOnce(&mut SavedJob)) -> Result<()> {
        self.change(|file| {
            if let Some(j) = file.jobs.iter_mut().find(|j| j.id == id) {
                f(j);
            }
        })
    }

    /// Makes a change under the file's lock, to the queue as it is on disk then (another
    /// process may have recorded jobs since this one read it), and saves it.
    fn change<T>(&mut self, f: impl FnOnce(&mut QueueFile) -> T) -> Result<T> {
        let io = |e: std::io::Error| Error::from_local_io(&e, &self.path);
        let lock_path = self.path.with_extension("json.lock");
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io)?;
        lock.lock().map_err(io)?;
        // A file that cannot be read now is left to the next `load` to set aside: the copy in
        // memory is the best there is.
        if let Ok(bytes) = std::fs::read(&self.path)
            && let Ok(disk) = serde_json::from_slice::<QueueFile>(&bytes)
            && disk.version <= VERSION
        {
            self.file = disk;
        }
        let out = f(&mut self.file);
        self.save()?;
        drop(lock);
        Ok(out)
    }

    /// Unfinished jobs for a site, oldest first.
    pub fn unfinished_for(&self, site: &SiteRef) -> Vec<SavedJob> {
        self.file
            .jobs
            .iter()
            .filter(|j| &j.site == site && !j.state.is_finished())
            .cloned()
            .collect()
    }

    /// Turns a job's failed files into a new job of single-file parts; returns its id.
    pub fn retry_failed(&mut self, id: u64) -> Result<Option<u64>> {
        let Some(job) = self.get(id).cloned() else {
            return Ok(None);
        };
        let direction = job.specs.first().map(|s| s.direction);
        let Some(direction) = direction else {
            return Ok(None);
        };
        let specs: Vec<JobSpec> = job
            .failed
            .iter()
            .filter_map(|f| {
                let dst = f.dst.as_ref()?;
                Some(JobSpec {
                    direction,
                    sources: vec![f.src.clone()],
                    dest_dir: dst.parent()?,
                    dest_name: dst.file_name().map(<[u8]>::to_vec),
                    recursive: false,
                })
            })
            .collect();
        if specs.is_empty() {
            return Ok(None);
        }
        let new = self.add_job(job.site, specs, job.conflict, job.verify, job.options)?;
        Ok(Some(new))
    }

    /// Removes finished jobs.
    pub fn clear_finished(&mut self) -> Result<()> {
        let gone = self.change(|file| {
            let gone: Vec<u64> = file
                .jobs
                .iter()
                .filter(|j| j.state.is_finished())
                .map(|j| j.id)
                .collect();
            file.jobs.retain(|j| !j.state.is_finished());
            gone
        })?;
        crate::transfer::claim::forget(&self.path, gone);
        Ok(())
    }

    /// Writes the queue atomically: a temp file in the same folder, flushed, renamed over.
    fn save(&self) -> Result<()> {
        let io = |e: std::io::Error| Error::from_local_io(&e, &self.path);
        let file = QueueFile {
            version: VERSION,
            next_id: self.file.next_id,
            jobs: self.file.jobs.clone(),
        };
        let bytes = serde_json::to_vec_pretty(&file).map_err(|e| Error::Io {
            path: self.path.display().to_string(),
            detail: e.to_string(),
        })?;
        crate::fs::atomic::write_atomic(&self.path, &bytes).map_err(io)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transfer::Direction;

    fn site() -> SiteRef {
        SiteRef {
            host: "h".into(),
            port: 22,
            user: "u".into(),
        }
    }

    fn spec() -> JobSpec {
        JobSpec {
            direction: Direction::Download,
            sources: vec![FsPath::from("/r/a")],
            dest_dir: FsPath::from("/l"),
            dest_name: None,
            recursive: true,
        }
    }

    #[test]
    fn survives_restart_and_running_becomes_queued() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("queue.json");
        let (mut q, w) = Queue::load(&p);
        assert!(w.is_none());
        let id = q
            .add(site(), vec![spec()], ConflictPolicy::Resume, true)
            .unwrap();
        q.set_state(id, JobState::Running, vec![]).unwrap();
        let (q2, _) = Queue::load(&p);
        let un = q2.unfinished_for(&site());
        assert_eq!(un.len(), 1);
        assert_eq!(un[0].state, JobState::Queued);
        assert_eq!(JobSpec::from(&un[0].specs[0]), spec());
        assert!(
            q2.unfinished_for(&SiteRef {
                port: 2222,
                ..site()
            })
            .is_empty()
        );
    }

    #[test]
    fn corrupt_file_is_kept_aside() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("queue.json");
        std::fs::write(&p, b"{ not json").unwrap();
        let (q, w) = Queue::load(&p);
        assert!(q.jobs().is_empty());
        assert!(w.unwrap().contains("could not be read"));
        assert_eq!(
            std::fs::read(d.path().join("queue.json.corrupt")).unwrap(),
            b"{ not json"
        );
    }

    #[test]
    fn retry_failed_and_clear_finished() {
        let d = tempfile::tempdir().unwrap();
        let (mut q, _) = Queue::load(&d.path().join("q.json"));
        let id = q
            .add(site(), vec![spec()], ConflictPolicy::Overwrite, false)
            .unwrap();
        let failed = vec![FailedFile {
            src: FsPath::from("/r/a/x"),
            dst: Some(FsPath::from("/l/a/x")),
            error: "boom".into(),
        }];
        q.set_state(id, JobState::Failed, failed).unwrap();
        let retry = q.retry_failed(id).unwrap().unwrap();
        let job = q.get(retry).unwrap();
        assert_eq!(job.specs[0].dest_dir, FsPath::from("/l/a"));
        assert_eq!(job.specs[0].dest_name.as_deref(), Some(&b"x"[..]));
        q.clear_finished().unwrap();
        assert_eq!(q.jobs().len(), 1);
        assert_eq!(q.jobs()[0].id, retry);
    }

    /// The window and `ferry get` each hold the queue: neither writes over the other's job, and
    /// the options a job copies with are kept with it.
    #[test]
    fn two_holders_of_the_file_keep_each_others_jobs() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("queue.json");
        let (mut window, _) = Queue::load(&p);
        let (mut cli, _) = Queue::load(&p);
        let a = window
            .add(site(), vec![spec()], ConflictPolicy::Ask, false)
            .unwrap();
        let opts = TransferOptions {
            preserve_permissions: true,
            follow_dir_links: true,
            list_cap: 7,
            ..TransferOptions::default()
        };
        let b = cli
            .add_job(
                site(),
                vec![spec()],
                ConflictPolicy::Overwrite,
                true,
                Some(SavedOptions::from(&opts)),
            )
            .unwrap();
        assert_ne!(a, b, "ids are unique across holders");
        window.set_state(a, JobState::Done, vec![]).unwrap();
        let (q, _) = Queue::load(&p);
        assert_eq!(q.jobs().len(), 2, "{:?}", q.jobs());
        assert_eq!(q.get(a).unwrap().state, JobState::Done);
        let saved = q.get(b).unwrap().options.unwrap();
        let again = saved.apply(TransferOptions::default());
        assert!(again.preserve_permissions && again.follow_dir_links);
        assert_eq!(again.list_cap, 7);
    }

    #[test]
    fn no_secret_fields() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("q.json");
        let (mut q, _) = Queue::load(&p);
        q.add(site(), vec![spec()], ConflictPolicy::Overwrite, false)
            .unwrap();
        let text = std::fs::read_to_string(&p).unwrap().to_lowercase();
        assert!(!text.contains("password") && !text.contains("passphrase"));
    }

    #[test]
    fn saved_options_keep_fsync_and_older_files_read_without_it() {
        let older = r#"{"preserve_mtime":true,"preserve_permissions":false,"follow_dir_links":false,"list_cap":10}"#;
        let o: SavedOptions = serde_json::from_str(older).unwrap();
        assert!(!o.fsync && o.preserve_mtime);
        let opts = TransferOptions {
            fsync: true,
            ..TransferOptions::default()
        };
        let saved = SavedOptions::from(&opts);
        let back: SavedOptions =
            serde_json::from_str(&serde_json::to_string(&saved).unwrap()).unwrap();
        assert!(back.apply(TransferOptions::default()).fsync);
    }
}
