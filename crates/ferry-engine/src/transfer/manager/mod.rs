//! The transfer manager, which the window and the command line both drive: the jobs in flight and
//! finished ([`Job`]), the files that failed with the job that copies each again ([`Failed`]),
//! and the saved queue (`queue.json`), where every job is recorded before it starts so that a run
//! cut off (a crash, a quit, Ctrl-C) is listed and continued later.
//!
//! - `run.rs`: [`spawn`] one job: a [`Handle`] (dropping it cancels) and its [`Updates`] stream.
//! - `store.rs`: the saved queue's reads and writes, all off the caller's thread.
//! - `retry.rs`: the job that copies one failed file again.
//!
//! A face starts jobs here, reads their updates from the stream, and hands each back
//! ([`Manager::event`], [`Manager::finished`]) before wording it; it draws from [`Manager::jobs`]
//! and [`Manager::failed`]. Conflicts are the face's to ask: the manager passes them through.

mod retry;
mod run;
pub mod store;

use std::sync::Arc;

pub use retry::retry_one;
pub use run::{Choice, Handle, Update, Updates, Work, spawn};
pub use store::{SharedQueue, queue_path};

use crate::error::{Error, Result};
use crate::fs::path::FsPath;
use crate::transfer::control::RunState;
use crate::transfer::progress::Snapshot;
use crate::transfer::queue::{SavedJob, SiteRef};
use crate::transfer::{
    ConflictPolicy, Direction, Event, JobSpec, JobSummary, Pool, TransferOptions,
};

/// Where a job stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Running,
    Paused,
    Done,
    /// Finished with this many files failed.
    Failed(u64),
    Cancelled,
    /// It could not run (nothing connected, the queue could not be written).
    Error(Error),
}

/// A job started in this run.
#[derive(Debug)]
pub struct Job {
    pub id: u64,
    pub spec: JobSpec,
    pub progress: Snapshot,
    pub status: Status,
    /// The file it is copying now (the last one started).
    pub current: Option<FsPath>,
    handle: Handle,
}

impl Job {
    /// Running or paused.
    pub fn active(&self) -> bool {
        matches!(self.status, Status::Running | Status::Paused)
    }

    pub fn direction(&self) -> Direction {
        self.spec.direction
    }
}

/// A file that failed (or a whole job that could not run), and the job that copies it again.
#[derive(Debug)]
pub struct Failed {
    pub direction: Direction,
    /// The file; `None` when the whole job failed (`retry` is then the job itself).
    pub file: Option<FsPath>,
    pub error: Error,
    pub retry: JobSpec,
    /// Retrying a whole job continues what is there instead of asking about every file.
    pub policy: ConflictPolicy,
}

#[derive(Debug, Default)]
pub struct Manager {
    jobs: Vec<Job>,
    failed: Vec<Failed>,
    /// The saved queue, once its file is open.
    queue: Option<SharedQueue>,
    /// Jobs an earlier run left unfinished, not started again yet.
    leftover: Vec<SavedJob>,
    next_id: u64,
}

impl Manager {
    /// Keeps jobs in `queue` from now on (opened with [`store::open`], off the UI thread), and
    /// notes which jobs an earlier run left unfinished.
    pub fn attach(&mut self, queue: SharedQueue) {
        self.leftover = store::runnable(&queue);
        self.queue = Some(queue);
    }

    /// Each server with jobs an earlier run left unfinished, and how many.
    pub fn waiting(&self) -> Vec<(SiteRef, usize)> {
        let mut sites: Vec<(SiteRef, usize)> = Vec::new();
        for j in &self.leftover {
            match sites.iter_mut().find(|(s, _)| *s == j.site) {
                Some((_, n)) => *n += 1,
                None => sites.push((j.site.clone(), 1)),
            }
        }
        sites
    }

    /// Starts a job for `site`, recorded in the saved queue first when there is one.
    pub fn start(
        &mut self,
        pool: Arc<Pool>,
        spec: JobSpec,
        opts: TransferOptions,
        site: SiteRef,
    ) -> (u64, Updates) {
        let work = match &self.queue {
            Some(q) => Work::New(q.clone(), site, spec.clone()),
            None => Work::Plain(spec.clone()),
        };
        self.launch(pool, spec, opts, work)
    }

    /// Starts again the jobs an earlier run left unfinished for `site`, continuing what they
    /// had copied.
    pub fn resume_saved(
        &mut self,
        pool: &Arc<Pool>,
        site: &SiteRef,
        opts: &TransferOptions,
    ) -> Vec<(u64, Updates)> {
        let Some(queue) = self.queue.clone() else {
            return Vec::new();
        };
        let (mine, others): (Vec<_>, Vec<_>) = std::mem::take(&mut self.leftover)
            .into_iter()
            .partition(|j| &j.site == site);
        self.leftover = others;
        let mut started = Vec::new();
        for job in mine {
            let spec = match job.specs.as_slice() {
                [one] => JobSpec::from(one),
                _ => continue, // several parts: a retry-failed job, which the window never saves
            };
            let opts = TransferOptions {
                conflict: ConflictPolicy::Resume,
                verify: job.verify,
                ..opts.clone()
            };
            let work = Work::Saved(queue.clone(), job.id);
            started.push(self.launch(pool.clone(), spec, opts, work));
        }
        started
    }

    fn launch(
        &mut self,
        pool: Arc<Pool>,
        spec: JobSpec,
        opts: TransferOptions,
        work: Work,
    ) -> (u64, Updates) {
        self.next_id += 1;
        let id = self.next_id;
        let (handle, updates) = spawn(pool, work, opts);
        self.jobs.push(Job {
            id,
            spec,
            progress: Snapshot::default(),
            status: Status::Running,
            current: None,
            handle,
        });
        (id, updates)
    }

    pub fn jobs(&self) -> &[Job] {
        &self.jobs
    }

    pub fn job(&self, id: u64) -> Option<&Job> {
        self.jobs.iter().find(|j| j.id == id)
    }

    fn job_mut(&mut self, id: u64) -> Option<&mut Job> {
        self.jobs.iter_mut().find(|j| j.id == id)
    }

    pub fn failed(&self) -> &[Failed] {
        &self.failed
    }

    /// Jobs running or paused.
    pub fn running(&self) -> usize {
        self.jobs.iter().filter(|j| j.active()).count()
    }

    /// Takes in what job `id` reported (its progress, the file it copies, a file that failed).
    pub fn event(&mut self, id: u64, ev: &Event) {
        let Some(job) = self.job_mut(id) else {
            return;
        };
        match ev {
            Event::Progress(s) => job.progress = *s,
            Event::FileStarted { src, .. } => job.current = Some(src.clone()),
            Event::FileFailed { src, error } => {
                let direction = job.direction();
                if let Some(retry) = retry_one(direction, &job.spec, src) {
                    self.failed.push(Failed {
                        direction,
                        file: Some(src.clone()),
                        error: error.clone(),
                        retry,
                        policy: ConflictPolicy::Ask,
                    });
                }
            }
            _ => {}
        }
    }

    /// Takes in how job `id` ended.
    pub fn finished(&mut self, id: u64, result: &Result<JobSummary>) {
        let Some(job) = self.job_mut(id) else {
            return;
        };
        job.current = None;
        let cancelled = job.handle.state() == RunState::Cancelled;
        job.status = match result {
            Err(e) => Status::Error(e.clone()),
            Ok(_) if cancelled => Status::Cancelled,
            Ok(s) if s.files_failed > 0 => Status::Failed(s.files_failed),
            Ok(_) => Status::Done,
        };
        if let Err(e) = result {
            let failed = Failed {
                direction: job.direction(),
                file: None,
                error: e.clone(),
                retry: job.spec.clone(),
                policy: ConflictPolicy::Resume,
            };
            self.failed.push(failed);
        }
    }

    pub fn pause(&mut self, id: u64) {
        if let Some(job) = self.job_mut(id).filter(|j| j.status == Status::Running) {
            job.handle.pause();
            job.status = Status::Paused;
        }
    }

    pub fn resume(&mut self, id: u64) {
        if let Some(job) = self.job_mut(id).filter(|j| j.status == Status::Paused) {
            job.handle.resume();
            job.status = Status::Running;
        }
    }

    /// Cancels job `id`; false when there is no such job still going.
    pub fn cancel(&mut self, id: u64) -> bool {
        match self.job_mut(id).filter(|j| j.active()) {
            Some(job) => {
                job.handle.cancel();
                true
            }
            None => false,
        }
    }

    pub fn pause_all(&mut self) {
        for job in self.jobs.iter_mut().filter(|j| j.status == Status::Running) {
            job.handle.pause();
            job.status = Status::Paused;
        }
    }

    pub fn resume_all(&mut self) {
        for job in self.jobs.iter_mut().filter(|j| j.status == Status::Paused) {
            job.handle.resume();
            job.status = Status::Running;
        }
    }

    /// Cancels every job still going; returns their ids.
    pub fn cancel_all(&mut self) -> Vec<u64> {
        let ids: Vec<u64> = self
            .jobs
            .iter()
            .filter(|j| j.active())
            .map(|j| j.id)
            .collect();
        for &id in &ids {
            self.cancel(id);
        }
        ids
    }

    /// Takes failed item `i` out of the list: the job that copies it again and its policy.
    pub fn take_retry(&mut self, i: usize) -> Option<(JobSpec, ConflictPolicy)> {
        (i < self.failed.len()).then(|| {
            let f = self.failed.remove(i);
            (f.retry, f.policy)
        })
    }

    /// Takes every failed item out of the list, as [`Manager::take_retry`] does.
    pub fn take_retries(&mut self) -> Vec<(JobSpec, ConflictPolicy)> {
        self.failed.drain(..).map(|f| (f.retry, f.policy)).collect()
    }

    /// Forgets the jobs that ended.
    pub fn clear_finished(&mut self) {
        self.jobs.retain(|j| j.active());
    }

    pub fn clear_failed(&mut self) {
        self.failed.clear();
    }
}
