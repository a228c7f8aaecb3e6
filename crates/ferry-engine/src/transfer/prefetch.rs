//! Uploads of many small files: their contents are read ahead in batches while the walk goes, one
//! trip to the blocking pool per batch instead of one per file. Each trip wakes a thread, and in a
//! tree of 16 KiB files that cost more than the reading itself.
//!
//! What is held at once is bounded (`BUDGET` bytes, counted until the worker has used or dropped
//! the data). Past the budget, or for a file that cannot be read here or grew past `MAX_FILE`,
//! the worker reads the file itself as before, and reports any error.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::fs::local::to_local;
use crate::transfer::disk::{blocking, read_sized};
use crate::transfer::task::{FileTask, Head};

/// Files up to this size are read ahead (the size `pool::SHARED_MAX` keeps on one connection).
pub const MAX_FILE: u64 = 64 << 10;

/// Bytes read ahead and not yet taken by a worker, at most.
const BUDGET: u64 = 4 << 20;

/// Files per trip to the blocking pool: enough to make the trip cheap per file, few enough that
/// the workers are fed without waiting on a whole folder.
pub const BATCH: usize = 32;

/// Reads ahead the small files among `tasks` in one blocking call, as far as the budget held in
/// `held` allows.
pub(crate) async fn fill(held: &Arc<AtomicU64>, tasks: &mut [FileTask]) {
    let mut wanted = Vec::new();
    let mut planned = held.load(Ordering::Relaxed);
    for (i, t) in tasks.iter().enumerate() {
        if t.head.is_some() || t.size > MAX_FILE {
            continue;
        }
        if planned + t.size > BUDGET {
            break;
        }
        planned += t.size;
        wanted.push((i, to_local(&t.src), t.size));
    }
    if wanted.is_empty() {
        return;
    }
    let Ok(read) = blocking(move || Ok(read_all(wanted))).await else {
        return;
    };
    for (i, data) in read {
        let len = data.len() as u64;
        held.fetch_add(len, Ordering::Relaxed);
        tasks[i].head = Some(Arc::new(Head::new(data, held.clone())));
    }
}

/// The files that could be read whole (to their end, within `MAX_FILE`); the others are left out.
fn read_all(wanted: Vec<(usize, PathBuf, u64)>) -> Vec<(usize, Vec<u8>)> {
    let limit = MAX_FILE as usize + 1; // one byte more, to see the end
    wanted
        .into_iter()
        .filter_map(|(i, path, size)| {
            let f = std::fs::File::open(path).ok()?;
            let data = read_sized(&f, 0, limit, size).ok()?;
            (data.len() < limit).then_some((i, data))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::local::from_local;
    use crate::fs::path::FsPath;

    fn task(path: &std::path::Path, size: u64) -> FileTask {
        FileTask {
            src: from_local(path),
            dst: FsPath::from("/unused"),
            size,
            mtime: None,
            perms: None,
            fresh_dir: true,
            head: None,
        }
    }

    #[tokio::test]
    async fn reads_small_files_whole_within_the_budget_and_gives_it_back() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("small");
        let grown = dir.path().join("grown");
        let big = dir.path().join("big");
        std::fs::write(&small, b"sixteen bytes!!!").unwrap();
        // Listed as small, but it grew past MAX_FILE before it was read: left to the worker.
        std::fs::write(&grown, vec![7u8; MAX_FILE as usize + 10]).unwrap();
        std::fs::write(&big, vec![1u8; MAX_FILE as usize + 1]).unwrap();
        let mut tasks = vec![
            task(&small, 16),
            task(&grown, 100),
            task(&big, MAX_FILE + 1),
            task(&dir.path().join("missing"), 5),
        ];
        let held = Arc::new(AtomicU64::new(0));
        fill(&held, &mut tasks).await;
        assert_eq!(held.load(Ordering::Relaxed), 16);
        let head = tasks[0]
            .head
            .clone()
            .expect("the small file was read ahead");
        assert!(tasks[1..].iter().all(|t| t.head.is_none()));
        assert_eq!(head.take().unwrap(), b"sixteen bytes!!!");
        assert_eq!(head.take(), None, "taken twice");
        drop(head);
        assert_eq!(
            held.load(Ordering::Relaxed),
            16,
            "given back while still held"
        );
        tasks.clear();
        assert_eq!(held.load(Ordering::Relaxed), 0);

        // Over the budget, nothing more is read.
        held.store(BUDGET - 10, Ordering::Relaxed);
        let mut tasks = vec![task(&small, 16)];
        fill(&held, &mut tasks).await;
        assert!(tasks[0].head.is_none());
    }
}
