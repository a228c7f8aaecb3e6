//! Comparing a local folder with a server's and making them the same: a layer above `transfer`,
//! for every face.
//!
//! - `tree.rs` lists each side whole, many folders at once, links never followed;
//! - `filter.rs` says which entries count (include/exclude globs, hidden names);
//! - `plan.rs` compares the two trees into a [`Plan`] (upload, download, delete here, delete
//!   there, conflict, same) by size and mtime, or by checksum (`sums.rs`);
//! - `run.rs` carries a plan out: the deletion guard, folders, the copies as transfer jobs, then
//!   the deletes;
//! - `watch.rs` watches a local folder, for a server's copy kept up to date.
//!
//! A face calls [`plan`], shows it, and (unless it is a dry run) hands it to [`run`].

pub mod filter;
pub mod plan;
pub mod run;
pub mod sums;
pub mod tree;
#[cfg(unix)]
pub mod watch;

use std::collections::HashSet;

pub use filter::Filter;
pub use plan::{Action, ActionKind, Count, Left, Mode, Plan, Reason};
pub use run::{Outcome, RunOptions, check_deletes, run};

use crate::error::Result;
use crate::fs::entry::Kind;
use crate::fs::local::LocalFs;
use crate::fs::path::FsPath;
use crate::fs::sftp::SftpFs;
use crate::sync::tree::{LOCAL_IN_FLIGHT, REMOTE_IN_FLIGHT, Tree, list_tree};

/// How two files are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Compare {
    /// Size and modification time.
    #[default]
    SizeAndTime,
    /// Size, then the contents' checksums.
    Checksum,
}

/// What to compare and how.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    pub mode: Mode,
    pub compare: Compare,
    pub filter: Filter,
    /// Plan deletes of what the source side lacks (mirrors only).
    pub delete: bool,
    /// Paths known to have changed since the last run (a watch saw them): never the same.
    pub touched: HashSet<Vec<u8>>,
}

impl Plan {
    /// The folder a mirror writes to (both ways: the server's).
    pub fn dest_root(&self) -> &FsPath {
        match self.mode {
            Mode::Download => &self.local_root,
            _ => &self.remote_root,
        }
    }
}

/// Lists `local_root` and `remote_root` (on `sftp`) and compares them. The source side of a
/// mirror must exist; a destination that does not is empty (and made when the plan runs).
pub async fn plan(
    sftp: &SftpFs,
    local_root: &FsPath,
    remote_root: &FsPath,
    opts: &SyncOptions,
) -> Result<Plan> {
    let (local, remote) = tokio::join!(
        list_tree(&LocalFs, local_root, &opts.filter, LOCAL_IN_FLIGHT),
        list_tree(sftp, remote_root, &opts.filter, REMOTE_IN_FLIGHT),
    );
    let (local, remote) = (local?, remote?);
    let source = match opts.mode {
        Mode::Download => (&remote, remote_root),
        _ => (&local, local_root),
    };
    if source.0.missing {
        return Err(crate::error::Error::NotFound {
            path: source.1.to_string(),
        });
    }
    let mut plan = match opts.compare {
        Compare::SizeAndTime => {
            plan::compare(&local, &remote, opts.mode, opts.delete, &|p, a, b| {
                !opts.touched.contains(p) && plan::same_by_time(a, b)
            })
        }
        Compare::Checksum => {
            let pairs = same_size(&local, &remote);
            let same: HashSet<Vec<u8>> =
                sums::same_contents(sftp, local_root, remote_root, pairs).await?;
            plan::compare(&local, &remote, opts.mode, opts.delete, &|p, a, b| {
                a.size == b.size && same.contains(p) && !opts.touched.contains(p)
            })
        }
    };
    plan.mode = opts.mode;
    plan.local_root = local_root.clone();
    plan.remote_root = remote_root.clone();
    Ok(plan)
}

/// Files on both sides with the same size: the ones whose checksums decide.
fn same_size(local: &Tree, remote: &Tree) -> Vec<(Vec<u8>, u64)> {
    local
        .items
        .iter()
        .filter(|(_, l)| l.kind == Kind::File)
        .filter_map(|(p, l)| {
            let r = remote.items.get(p)?;
            (r.kind == Kind::File && r.size == l.size).then(|| (p.clone(), l.size))
        })
        .collect()
}
