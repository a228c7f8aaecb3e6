//! Carrying out a [`Plan`]: the deletion guard first (nothing happens when it refuses), then the
//! folders to make (a level at a time, each level's all at once), the copies as transfer jobs
//! over the listed files (parallel, `.ferrypart` and resume, verification when asked, the mtime
//! kept so the next sync finds them the same), and last the deletes, only when every copy went
//! through: a file, a link (the link itself) or a folder with everything in it by
//! `fs::remove::remove_tree`, which never follows a link. Every path acted on is the destination
//! root joined with names the listing accepted, so nothing outside it is touched.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use futures::StreamExt;
use tokio::sync::mpsc;

use crate::error::{Error, Result};
use crate::fs::FileSystem;
use crate::fs::local::LocalFs;
use crate::fs::path::FsPath;
use crate::fs::remove::remove_tree;
use crate::sync::plan::{Action, ActionKind, Mode, Plan};
use crate::sync::tree::at;
use crate::transfer::dest::{create_mode, ensure_dir, local_name_problem};
use crate::transfer::{
    Control, Direction, Event, Failure, JobSummary, ListedFile, Pool, TransferOptions, run_files,
};

/// Deletes worked on at once (a folder's own delete has [`TREE_IN_FLIGHT`] requests of its own).
const DELETES_AT_ONCE: usize = 16;
const TREE_IN_FLIGHT: usize = 4;
/// Folders made at once.
const MKDIRS_AT_ONCE: usize = 32;

/// How a plan is carried out.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Deletes allowed past the guard: without it, a plan that deletes more than half of the
    /// destination's files is refused; with it, one that deletes more than this many.
    pub max_delete: Option<u64>,
    /// How files are copied (the conflict choice is always to overwrite: the plan decided, and
    /// mtimes are always kept).
    pub transfer: TransferOptions,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Outcome {
    pub uploaded: Option<JobSummary>,
    pub downloaded: Option<JobSummary>,
    /// Files and links deleted, and folders.
    pub deleted_files: u64,
    pub deleted_dirs: u64,
    /// Folders that could not be made and deletes that failed (the copies' own failures are in
    /// their summaries).
    pub failures: Vec<Failure>,
    /// Deletes were not done because a copy failed.
    pub deletes_held_back: bool,
}

impl Outcome {
    /// Everything that failed, copies included.
    pub fn failed(&self) -> u64 {
        let jobs = [&self.uploaded, &self.downloaded];
        self.failures.len() as u64
            + jobs
                .iter()
                .flat_map(|j| j.iter())
                .map(|s| s.files_failed)
                .sum::<u64>()
    }
}

/// The deletion guard: `Ok` when the plan's deletes are allowed.
pub fn check_deletes(plan: &Plan, max_delete: Option<u64>) -> Result<()> {
    let count = plan.deletes();
    let path = plan.dest_root().to_string();
    match max_delete {
        Some(allowed) if count > allowed => Err(Error::DeleteLimit {
            path,
            count,
            allowed,
        }),
        None if count > 0 && count * 2 > plan.dest_files => Err(Error::TooManyDeletes {
            path,
            count,
            total: plan.dest_files,
        }),
        _ => Ok(()),
    }
}

/// Carries out `plan` over `pool` (its first connection is the one the plan was listed on).
/// An error only when nothing could be done (the guard refused, no connection); what failed
/// along the way is in the [`Outcome`].
pub async fn run(
    plan: &Plan,
    pool: Arc<Pool>,
    opts: RunOptions,
    control: Control,
    events: mpsc::UnboundedSender<Event>,
) -> Result<Outcome> {
    check_deletes(plan, opts.max_delete)?;
    let link = pool.get(0).await?;
    let mut out = Outcome::default();
    let topts = TransferOptions {
        conflict: crate::transfer::ConflictPolicy::Overwrite,
        preserve_mtime: true,
        ..opts.transfer
    };
    for direction in [Direction::Upload, Direction::Download] {
        let (kind, dst_fs, src_root, dst_root, missing): (_, &dyn FileSystem, _, _, _) =
            match direction {
                Direction::Upload => (
                    ActionKind::Upload,
                    &link.sftp,
                    &plan.local_root,
                    &plan.remote_root,
                    plan.remote_missing,
                ),
                Direction::Download => (
                    ActionKind::Download,
                    &LocalFs,
                    &plan.remote_root,
                    &plan.local_root,
                    plan.local_missing,
                ),
            };
        let mirror_to = matches!(
            (plan.mode, direction),
            (Mode::Upload, Direction::Upload) | (Mode::Download, Direction::Download)
        );
        let mut actions: Vec<&Action> = plan.actions.iter().filter(|a| a.kind == kind).collect();
        if direction == Direction::Download {
            actions = local_names(actions, src_root, &mut out);
        }
        if missing
            && (mirror_to || !actions.is_empty())
            && let Err(error) = ensure_dir(dst_fs, dst_root, 0o777).await
        {
            out.failures.push(Failure {
                src: src_root.clone(),
                dst: Some(dst_root.clone()),
                error,
            });
            continue;
        }
        if actions.is_empty() {
            continue;
        }
        let made = make_dirs(dst_fs, src_root, dst_root, &actions, missing, &mut out).await;
        let files = listed(src_root, dst_root, &actions, &made);
        if files.is_empty() {
            continue;
        }
        let summary = run_files(
            pool.clone(),
            direction,
            files,
            topts.clone(),
            control.clone(),
            events.clone(),
        )
        .await?;
        match direction {
            Direction::Upload => out.uploaded = Some(summary),
            Direction::Download => out.downloaded = Some(summary),
        }
    }
    let deletes: Vec<&Action> = plan
        .actions
        .iter()
        .filter(|a| matches!(a.kind, ActionKind::DeleteHere | ActionKind::DeleteThere))
        .collect();
    if deletes.is_empty() {
        return Ok(out);
    }
    if out.failed() > 0 || control.checkpoint().await.is_err() {
        out.deletes_held_back = true;
        return Ok(out);
    }
    delete(plan, &link.sftp, &deletes, &mut out).await;
    Ok(out)
}

/// The downloads whose names can be local file names (`transfer::dest::local_name_problem`, as
/// the walk of any download checks them); each other one is a failure, and what is below it
/// is left out with it.
fn local_names<'a>(
    actions: Vec<&'a Action>,
    src_root: &FsPath,
    out: &mut Outcome,
) -> Vec<&'a Action> {
    let mut bad: Vec<&[u8]> = Vec::new();
    let mut kept = Vec::with_capacity(actions.len());
    for a in actions {
        let below_bad = bad
            .iter()
            .any(|b| a.path.starts_with(b) && a.path.get(b.len()) == Some(&b'/'));
        if below_bad {
            continue;
        }
        let name = a.path.rsplit(|c| *c == b'/').next().unwrap_or_default();
        match local_name_problem(name) {
            None => kept.push(a),
            Some(why) => {
                bad.push(&a.path);
                out.failures.push(Failure {
                    src: at(src_root, &a.path).unwrap_or_else(|_| src_root.clone()),
                    dst: None,
                    error: Error::UnsafeName {
                        name: crate::fs::name::display_bytes(name),
                        why,
                    },
                });
            }
        }
    }
    kept
}

/// Makes the folders `actions` copy, parents first (a level at a time); returns the folders
/// (from the top) that are new, everything below a top that was missing included.
async fn make_dirs(
    fs: &dyn FileSystem,
    src_root: &FsPath,
    dst_root: &FsPath,
    actions: &[&Action],
    root_new: bool,
    out: &mut Outcome,
) -> HashSet<Vec<u8>> {
    let mut made = HashSet::new();
    if root_new {
        made.insert(Vec::new());
    }
    let mut levels: BTreeMap<usize, Vec<&Action>> = BTreeMap::new();
    for a in actions.iter().filter(|a| a.dir) {
        let depth = a.path.iter().filter(|b| **b == b'/').count();
        levels.entry(depth).or_default().push(a);
    }
    for level in levels.into_values() {
        let results: Vec<(&Action, Result<bool>)> = futures::stream::iter(level)
            .map(|a| async move {
                let perms = match a.kind {
                    ActionKind::Download => a.remote.and_then(|i| i.perms),
                    _ => a.local.and_then(|i| i.perms),
                };
                let mode = create_mode(perms, true);
                let made = match at(dst_root, &a.path) {
                    Ok(p) => ensure_dir(fs, &p, mode).await,
                    Err(e) => Err(e),
                };
                (a, made)
            })
            .buffer_unordered(MKDIRS_AT_ONCE)
            .collect()
            .await;
        for (a, result) in results {
            match result {
                Ok(_) => {
                    made.insert(a.path.clone());
                }
                Err(error) => out.failures.push(Failure {
                    src: at(src_root, &a.path).unwrap_or_else(|_| src_root.clone()),
                    dst: at(dst_root, &a.path).ok(),
                    error,
                }),
            }
        }
    }
    made
}

/// The files `actions` copy, each going into a folder `made` says is new or one that exists.
fn listed(
    src_root: &FsPath,
    dst_root: &FsPath,
    actions: &[&Action],
    made: &HashSet<Vec<u8>>,
) -> Vec<ListedFile> {
    actions
        .iter()
        .filter(|a| !a.dir)
        .filter_map(|a| {
            let item = match a.kind {
                ActionKind::Download => a.remote?,
                _ => a.local?,
            };
            let parent = match a.path.iter().rposition(|b| *b == b'/') {
                Some(i) => &a.path[..i],
                None => &[][..],
            };
            Some(ListedFile {
                src: at(src_root, &a.path).ok()?,
                dst: at(dst_root, &a.path).ok()?,
                size: item.size,
                mtime: item.mtime,
                perms: item.perms,
                fresh_dir: made.contains(parent),
            })
        })
        .collect()
}

/// Deletes what `deletes` name, many at once.
async fn delete(plan: &Plan, sftp: &dyn FileSystem, deletes: &[&Action], out: &mut Outcome) {
    let results: Vec<(FsPath, Result<crate::fs::remove::Removed>)> = futures::stream::iter(deletes)
        .map(|a| async move {
            let (fs, root): (&dyn FileSystem, _) = match a.kind {
                ActionKind::DeleteHere => (&LocalFs, &plan.local_root),
                _ => (sftp, &plan.remote_root),
            };
            match at(root, &a.path) {
                Ok(path) => {
                    let removed = remove_tree(fs, &path, TREE_IN_FLIGHT).await;
                    (path, removed)
                }
                Err(e) => (root.clone(), Err(e)),
            }
        })
        .buffer_unordered(DELETES_AT_ONCE)
        .collect()
        .await;
    for (path, result) in results {
        match result {
            Ok(removed) => {
                out.deleted_files += removed.files;
                out.deleted_dirs += removed.dirs;
                out.failures
                    .extend(removed.failed.into_iter().map(|error| Failure {
                        src: path.clone(),
                        dst: None,
                        error,
                    }));
            }
            Err(error) => out.failures.push(Failure {
                src: path,
                dst: None,
                error,
            }),
        }
    }
}
