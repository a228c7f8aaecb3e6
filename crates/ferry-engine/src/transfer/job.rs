//! Running one job: connect, walk the sources (folders expanded as the walk goes, not listed in
//! full up front), hand files to `parallel_files` workers spread over the pool's connections, and
//! report progress, notes and a summary.
//!
//! Safety of the walk: every name joined onto a destination path passed the listing's checks and,
//! for downloads, `local_name_problem`; refused names are reported as failures so the job does
//! not look complete. Folder symlinks are not recursed into unless asked (then with a visited set).

use std::collections::HashSet;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::mpsc;

use crate::error::{Error, Result};
use crate::fs::entry::Kind;
use crate::fs::path::FsPath;
use crate::fs::{FileSystem, ListOptions};
use crate::transfer::dest::{create_mode, ensure_dir, local_name_problem};
use crate::transfer::listed::{self, ListedFile};
use crate::transfer::pool::{Link, Pool};
use crate::transfer::prefetch;
use crate::transfer::progress::{Counters, RateMeter};
use crate::transfer::queue::{FailedFile, JobState, Queue};
pub use crate::transfer::task::Failure;
use crate::transfer::task::{FileTask, JobCtx};
use crate::transfer::{Control, Direction, Event, Note, Skip, TransferOptions, worker};

/// What to copy where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobSpec {
    pub direction: Direction,
    /// Remote paths for a download, local ones for an upload.
    pub sources: Vec<FsPath>,
    /// The existing folder the sources land in.
    pub dest_dir: FsPath,
    /// With one source: its name at the destination (copy-and-rename); `None` keeps the name.
    pub dest_name: Option<Vec<u8>>,
    pub recursive: bool,
}

#[derive(Debug, Clone, Default)]
pub struct JobSummary {
    pub files_done: u64,
    pub files_skipped: u64,
    pub files_failed: u64,
    /// Bytes of the copied files, `resumed` included.
    pub bytes: u64,
    /// Of `bytes`, those an earlier attempt had left in place (not carried by this run).
    pub resumed: u64,
    /// Bytes carried by this run (resends after a lost connection included).
    pub moved: u64,
    pub elapsed: Duration,
    pub failures: Vec<Failure>,
}

/// Runs a job to the end (or until cancelled). Errors only when nothing could start (no
/// connection); per-file failures are in the summary.
pub async fn run_job(
    pool: Arc<Pool>,
    spec: JobSpec,
    opts: TransferOptions,
    control: Control,
    events: mpsc::UnboundedSender<Event>,
) -> Result<JobSummary> {
    let direction = spec.direction;
    run_fed(pool, direction, opts, control, events, Feed::Walk(&spec)).await
}

/// Where a job's files come from: a walk of its sources, or a list made beforehand (a sync's
/// plan, see `listed.rs`).
pub(crate) enum Feed<'a> {
    Walk(&'a JobSpec),
    Files(Vec<ListedFile>),
}

/// Runs the workers over what `feed` gives them (see [`run_job`]).
pub(crate) async fn run_fed(
    pool: Arc<Pool>,
    direction: Direction,
    opts: TransferOptions,
    control: Control,
    events: mpsc::UnboundedSender<Event>,
    feed: Feed<'_>,
) -> Result<JobSummary> {
    let started = Instant::now();
    let first = pool.get(0).await?;
    let workers = opts.parallel_files.clamp(1, 32);
    let ctx = Arc::new(JobCtx {
        pool: pool.clone(),
        direction,
        opts,
        control,
        counters: Counters::default(),
        events,
        sticky_conflict: Mutex::new(None),
        asking: tokio::sync::Mutex::new(()),
        verify_unavailable_noted: AtomicBool::new(false),
        no_exec: AtomicBool::new(false),
        failures: Mutex::new(Vec::new()),
        active: Mutex::new(Default::default()),
        prefetched: Arc::default(),
    });

    let (tx, rx) = mpsc::channel::<FileTask>(256);
    let rx = Arc::new(tokio::sync::Mutex::new(rx));
    // Dropping the job (its future) stops its workers too.
    let mut handles = AbortOnDrop(Vec::new());
    for i in 0..workers {
        let (ctx, rx) = (ctx.clone(), rx.clone());
        handles.0.push(tokio::spawn(async move {
            loop {
                let task = rx.lock().await.recv().await;
                let Some(task) = task else { break };
                worker::run(&ctx, i, task).await;
            }
        }));
    }
    let walk_done = Arc::new(AtomicBool::new(false));
    let ticker = {
        let (ctx, done) = (ctx.clone(), walk_done.clone());
        AbortOnDrop(vec![tokio::spawn(async move {
            let mut meter = RateMeter::default();
            let mut tick = tokio::time::interval(Duration::from_millis(100));
            loop {
                tick.tick().await;
                let fin = done.load(std::sync::atomic::Ordering::Relaxed);
                // Whole-job progress only: no face shows per-file progress.
                ctx.emit(Event::Progress(meter.snapshot(&ctx.counters, fin)));
            }
        })])
    };

    match feed {
        Feed::Walk(spec) => walk(&ctx, spec, &first, &tx).await,
        Feed::Files(files) => listed::feed(&ctx, files, &tx).await,
    }
    walk_done.store(true, std::sync::atomic::Ordering::Relaxed);
    drop(tx);
    drop(first);
    for h in handles.0.iter_mut() {
        let _ = h.await;
    }
    drop(ticker);
    // The last report gives the average rate of the whole job.
    let mut last = RateMeter::default().snapshot(&ctx.counters, true);
    last.rate = Counters::get(&ctx.counters.bytes_moved) as f64
        / started.elapsed().as_secs_f64().max(0.001);
    last.eta = None;
    ctx.emit(Event::Progress(last));

    let c = &ctx.counters;
    Ok(JobSummary {
        files_done: Counters::get(&c.files_done),
        files_skipped: Counters::get(&c.files_skipped),
        files_failed: Counters::get(&c.files_failed),
        bytes: Counters::get(&c.bytes_done),
        resumed: Counters::get(&c.bytes_resumed),
        moved: Counters::get(&c.bytes_moved),
        elapsed: started.elapsed(),
        failures: ctx.failures.lock().map(|f| f.clone()).unwrap_or_default(),
    })
}

/// Aborts its tasks when dropped.
struct AbortOnDrop(Vec<tokio::task::JoinHandle<()>>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        for h in &self.0 {
            h.abort();
        }
    }
}

pub(super) async fn send(ctx: &JobCtx, tx: &mpsc::Sender<FileTask>, task: FileTask) {
    Counters::add(&ctx.counters.files_total, 1);
    Counters::add(&ctx.counters.bytes_total, task.size);
    let _ = tx.send(task).await;
}

fn display_child(dir: &FsPath, name: &str) -> FsPath {
    FsPath::from(format!("{dir}/{name}").as_str())
}

/// Why a name that differs from another of its folder only in case is not copied there.
pub const CASE_CLASH: &str = "a name that differs only in case from another one in the same folder, on a local disk that does not tell case apart,";

/// Whether names on the local disk holding `dir` ignore case (macOS and Windows by default, a
/// FAT stick anywhere): a file made under one case is found under another.
fn ignores_case(dir: &std::path::Path) -> bool {
    let probe = format!(".ferry-case-{}", uuid::Uuid::new_v4().simple());
    let made = dir.join(&probe);
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    if o.open(&made).is_err() {
        return false;
    }
    let other = dir.join(probe.to_uppercase());
    let found = std::fs::symlink_metadata(&other).is_ok();
    let _ = std::fs::remove_file(&made);
    found
}

async fn walk(ctx: &JobCtx, spec: &JobSpec, link: &Arc<Link>, tx: &mpsc::Sender<FileTask>) {
    let (src_fs, dst_fs) = ctx.sides(link);
    let download = spec.direction == Direction::Download;
    let fold_case = download && {
        let dir = crate::fs::local::to_local(&spec.dest_dir);
        tokio::task::spawn_blocking(move || ignores_case(&dir))
            .await
            .unwrap_or(false)
    };
    let mut stack: Vec<(FsPath, FsPath, bool)> = Vec::new();
    let mut visited: HashSet<FsPath> = HashSet::new();
    let mut batch = Vec::with_capacity(prefetch::BATCH);

    for src in &spec.sources {
        if ctx.control.checkpoint().await.is_err() {
            return;
        }
        let st = match src_fs.stat(src).await {
            Ok(st) => st,
            Err(e) => {
                ctx.fail(src.clone(), e);
                continue;
            }
        };
        let name = match (&spec.dest_name, spec.sources.len()) {
            (Some(n), 1) => n.clone(),
            _ => match src.normalized().file_name() {
                Some(n) => n.to_vec(),
                None => {
                    ctx.fail(
                        src.clone(),
                        Error::UnsafeName {
                            name: src.to_string(),
                            why: "a path without a name (the root)",
                        },
                    );
                    continue;
                }
            },
        };
        if download && let Some(why) = local_name_problem(&name) {
            let name = crate::fs::name::escape_for_display(&String::from_utf8_lossy(&name));
            ctx.fail(src.clone(), Error::UnsafeName { name, why });
            continue;
        }
        let dst = match spec.dest_dir.join(&name) {
            Ok(d) => d,
            Err(e) => {
                ctx.fail(src.clone(), e);
                continue;
            }
        };
        match st.kind {
            Kind::Dir if !spec.recursive => {
                ctx.skip(src.clone(), Skip::Folder);
            }
            Kind::Dir => match ensure_dir(dst_fs, &dst, create_mode(st.perms, true)).await {
                Ok(fresh) => {
                    keep_folder_mode(ctx, dst_fs, &dst, fresh, st.perms).await;
                    if let Ok(c) = src_fs.canonicalize(src).await {
                        visited.insert(c);
                    }
                    stack.push((src.clone(), dst, fresh));
                }
                Err(e) => ctx.fail(src.clone(), e),
            },
            Kind::File => {
                let task = FileTask {
                    src: src.clone(),
                    dst,
                    size: st.size.unwrap_or(0),
                    mtime: st.mtime,
                    perms: st.perms,
                    fresh_dir: false,
                    head: None,
                };
                send(ctx, tx, task).await;
            }
            _ => ctx.skip(src.clone(), Skip::NotAFile),
        }
    }

    while let Some((sdir, ddir, fresh)) = stack.pop() {
        if ctx.control.checkpoint().await.is_err() {
            return;
        }
        let opts = ListOptions {
            cap: ctx.opts.list_cap,
            ..ListOptions::default()
        };
        let listing = match src_fs.list(&sdir, opts).await {
            Ok(l) => l,
            Err(e) => {
                ctx.fail(sdir.clone(), e);
                continue;
            }
        };
        for r in &listing.refused {
            ctx.fail(
                display_child(&sdir, &r.name),
                Error::UnsafeName {
                    name: r.name.clone(),
                    why: r.why,
                },
            );
        }
        if listing.refused_count > listing.refused.len() {
            ctx.emit(Event::Note(Note::MoreRefused {
                dir: sdir.clone(),
                count: listing.refused_count,
            }));
        }
        if listing.duplicate_count > 0 {
            ctx.emit(Event::Note(Note::DuplicateNames {
                dir: sdir.clone(),
                names: listing.duplicates.clone(),
                count: listing.duplicate_count,
            }));
        }
        let mut entries = listing.entries;
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        // On a disk that does not tell case apart, "README" and "readme" would be one file: the
        // first (in byte order) is copied, the others fail with why.
        let mut folded = HashSet::new();
        for e in entries {
            if download
                && fold_case
                && e.exact
                && !folded.insert(String::from_utf8_lossy(&e.name).to_lowercase())
            {
                ctx.fail(
                    display_child(&sdir, &e.display),
                    Error::UnsafeName {
                        name: e.display.clone(),
                        why: CASE_CLASH,
                    },
                );
                continue;
            }
            let shown = display_child(&sdir, &e.display);
            if !e.exact && !download {
                // Only a local name can be inexact now: one Windows cannot give as Unicode.
                ctx.fail(
                    shown,
                    Error::Io {
                        path: e.display.clone(),
                        detail: "this local name is not valid Unicode, so it cannot be given to \
                                 the server exactly; rename it to copy it"
                            .into(),
                    },
                );
                continue;
            }
            if !e.exact {
                ctx.fail(
                    shown,
                    Error::InexactName {
                        name: e.display.clone(),
                    },
                );
                continue;
            }
            if download && let Some(why) = local_name_problem(&e.name) {
                ctx.fail(
                    shown,
                    Error::UnsafeName {
                        name: e.display.clone(),
                        why,
                    },
                );
                continue;
            }
            let (Ok(s), Ok(d)) = (sdir.join(&e.name), ddir.join(&e.name)) else {
                continue; // unreachable: listings only hold joinable names
            };
            let kind = match (e.kind, e.target_kind) {
                (Kind::Symlink, Some(Kind::Dir)) if ctx.opts.follow_dir_links => Kind::Dir,
                (Kind::Symlink, Some(Kind::Dir)) => {
                    // The target is the server's text: shown escaped, like names.
                    let target = crate::fs::name::escape_for_display(
                        e.link_target.as_deref().unwrap_or_default(),
                    );
                    ctx.emit(Event::Note(Note::FolderLinkNotFollowed {
                        link: s.clone(),
                        target: target.clone(),
                    }));
                    ctx.skip(s, Skip::FolderLink { target });
                    continue;
                }
                (Kind::Symlink, Some(Kind::File)) => Kind::File,
                (Kind::Symlink, _) => {
                    ctx.skip(s, Skip::BrokenLink);
                    continue;
                }
                (k, _) => k,
            };
            match kind {
                Kind::Dir => {
                    if e.kind == Kind::Symlink {
                        let fresh = match src_fs.canonicalize(&s).await {
                            Ok(c) => visited.insert(c),
                            Err(_) => false,
                        };
                        if !fresh {
                            ctx.skip(s, Skip::LinkLoop);
                            continue;
                        }
                    }
                    let perms = if e.kind == Kind::Symlink {
                        src_fs.stat(&s).await.ok().and_then(|t| t.perms)
                    } else {
                        e.perms
                    };
                    match ensure_dir(dst_fs, &d, create_mode(perms, true)).await {
                        Ok(created) => {
                            keep_folder_mode(ctx, dst_fs, &d, created, perms).await;
                            stack.push((s, d, created))
                        }
                        Err(err) => ctx.fail(s, err),
                    }
                }
                Kind::File => {
                    let (size, mtime, perms) = if e.kind == Kind::Symlink {
                        match src_fs.stat(&s).await {
                            Ok(t) => (t.size.unwrap_or(0), t.mtime, t.perms),
                            Err(err) => {
                                ctx.fail(s, err);
                                continue;
                            }
                        }
                    } else {
                        (e.size.unwrap_or(0), e.mtime, e.perms)
                    };
                    let task = FileTask {
                        src: s,
                        dst: d,
                        size,
                        mtime,
                        perms,
                        fresh_dir: fresh,
                        head: None,
                    };
                    if download {
                        send(ctx, tx, task).await;
                    } else {
                        batch.push(task);
                        if batch.len() >= prefetch::BATCH {
                            send_batch(ctx, tx, &mut batch).await;
                        }
                    }
                }
                _ => ctx.skip(s, Skip::NotAFile),
            }
        }
        send_batch(ctx, tx, &mut batch).await;
    }
}

/// With `-p`, a folder just created gets its source's exact bits (past the umask) when they let
/// its owner fill it; one that does not keeps the mode it was created with (owner `rwx` added),
/// since the copy could not write into it otherwise.
async fn keep_folder_mode(
    ctx: &JobCtx,
    dst_fs: &dyn FileSystem,
    dir: &FsPath,
    created: bool,
    perms: Option<u32>,
) {
    let Some(p) = perms.filter(|p| created && ctx.opts.preserve_permissions && p & 0o700 == 0o700)
    else {
        return;
    };
    if let Err(error) = dst_fs.chmod(dir, p & 0o777).await {
        ctx.emit(Event::Note(Note::PermissionsNotSet {
            dst: dir.clone(),
            error,
        }));
    }
}

/// Sends an upload's files, their small ones read ahead first.
pub(super) async fn send_batch(
    ctx: &JobCtx,
    tx: &mpsc::Sender<FileTask>,
    batch: &mut Vec<FileTask>,
) {
    prefetch::fill(&ctx.prefetched, batch).await;
    for task in batch.drain(..) {
        send(ctx, tx, task).await;
    }
}

/// Runs a saved job from the queue: marks it running, runs its parts in turn, and records how it
/// ended (with its failed files) — saving the queue at each step. A job cancelled through
/// `control` ends as `Cancelled`; one interrupted by a crash stays unfinished and runs again on
/// the next `run_saved`, continuing its partial files.
pub async fn run_saved(
    queue: &Mutex<Queue>,
    id: u64,
    pool: Arc<Pool>,
    opts: TransferOptions,
    control: Control,
    events: mpsc::UnboundedSender<Event>,
) -> Result<JobSummary> {
    let (job, _claim) = {
        let mut q = queue
            .lock()
            .map_err(|_| Error::poisoned("the transfer queue"))?;
        let job = q.get(id).cloned().ok_or_else(|| Error::NotFound {
            path: format!("queued job {id}"),
        })?;
        // Never two runs of one job (another window or command may hold it): it is theirs.
        let claim = crate::transfer::claim::claim(q.path(), id)?;
        q.set_state(id, JobState::Running, Vec::new())?;
        (job, claim)
    };
    let opts = TransferOptions {
        conflict: job.conflict,
        verify: job.verify,
        ..opts
    };
    let opts = match &job.options {
        Some(saved) => saved.apply(opts),
        None => opts,
    };
    let mut total = JobSummary::default();
    for spec in &job.specs {
        let s = run_job(
            pool.clone(),
            JobSpec::from(spec),
            opts.clone(),
            control.clone(),
            events.clone(),
        )
        .await?;
        total.files_done += s.files_done;
        total.files_skipped += s.files_skipped;
        total.files_failed += s.files_failed;
        total.bytes += s.bytes;
        total.resumed += s.resumed;
        total.moved += s.moved;
        total.elapsed += s.elapsed;
        total.failures.extend(s.failures);
    }
    let state = if control.state() == crate::transfer::control::RunState::Cancelled {
        JobState::Cancelled
    } else if total.files_failed > 0 {
        JobState::Failed
    } else {
        JobState::Done
    };
    let failed = total
        .failures
        .iter()
        .map(|f| FailedFile {
            src: f.src.clone(),
            dst: f.dst.clone(),
            error: f.error.to_string(),
        })
        .collect();
    queue
        .lock()
        .map_err(|_| Error::poisoned("the transfer queue"))?
        .set_state(id, state, failed)?;
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Linux file systems here tell case apart; the probe leaves nothing behind.
    #[test]
    fn case_probe_on_a_case_sensitive_disk() {
        let d = tempfile::tempdir().unwrap();
        assert_eq!(
            ignores_case(d.path()),
            cfg!(any(windows, target_os = "macos"))
        );
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 0);
    }
}
