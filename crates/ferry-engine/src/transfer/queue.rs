//! The transfer queue as saved state: jobs with their site (host, port, user — never a secret),
//! what to copy where, and how far they got. Saved atomically (temp file, fsync, rename) in the
//! app data folder, so unfinished jobs survive a crash or restart and are picked up when their site
//! is connected again; the partial files themselves (`.ferrypart`) carry the bytes already copied.
//!
//! This module is pure state plus load/save: running jobs is `job.rs`'s business.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::fs::path::FsPath;
use crate::transfer::{ConflictPolicy, JobSpec};

const VERSION: u32 = 1;

/// Which server a job talks to. Deliberately no password or passphrase field.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SiteRef {
    pub host: String,
    pub port: u16,
    pub user: String,
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
        self.file.next_id += 1;
        let id = self.file.next_id;
        self.file.jobs.push(SavedJob {
            id,
            site,
            specs: specs.iter().map(SerialSpec::from).collect(),
            conflict,
            verify,
            state: JobState::Queued,
            failed: Vec::new(),
            progress: None,
        });
        self.save()?;
        Ok(id)
    }

    pub fn set_state(&mut self, id: u64, state: JobState, failed: Vec<FailedFile>) -> Result<()> {
        if let Some(j) = self.file.jobs.iter_mut().find(|j| j.id == id) {
            j.state = state;
            j.failed = failed;
        }
        self.save()
    }

    /// Records how far a job has got.
    pub fn set_progress(&mut self, id: u64, progress: SavedProgress) -> Result<()> {
        if let Some(j) = self.file.jobs.iter_mut().find(|j| j.id == id) {
            j.progress = Some(progress);
        }
        self.save()
    }

    /// Forgets every unfinished job (`ferry queue clear`); finished ones go too.
    pub fn clear(&mut self) -> Result<()> {
        self.file.jobs.clear();
        self.save()
    }

    /// Changes what a job does when a destination exists (a job picked up again after a restart
    /// continues what is there rather than asking about files it already copied).
    pub fn set_conflict(&mut self, id: u64, conflict: ConflictPolicy) -> Result<()> {
        if let Some(j) = self.file.jobs.iter_mut().find(|j| j.id == id) {
            j.conflict = conflict;
        }
        self.save()
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
        let new = self.add(job.site, specs, job.conflict, job.verify)?;
        Ok(Some(new))
    }

    /// Removes finished jobs.
    pub fn clear_finished(&mut self) -> Result<()> {
        self.file.jobs.retain(|j| !j.state.is_finished());
        self.save()
    }

    /// Writes the queue atomically: a temp file in the same folder, flushed, renamed over.
    pub fn save(&self) -> Result<()> {
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
}
