//! Keeping a server's folder up to date: a recursive `notify` watch on the local folder (the
//! debounced watch `edit::watch` uses for saves), each settled burst of changes given as the
//! paths it touched, from the top of the folder, for the next plan to copy whatever their size
//! and time say (a file saved twice within the mtime tolerance at the same size still goes).

use std::collections::HashSet;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use notify_debouncer_mini::Debouncer;
use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use tokio::sync::mpsc;

use crate::edit::watch::{Settled, debounced};
use crate::error::Result;

/// The changes under one local folder, as they settle. Dropping it stops the watch.
pub struct TreeWatch {
    root: PathBuf,
    rx: mpsc::UnboundedReceiver<Settled>,
    _debouncer: Debouncer<RecommendedWatcher>,
}

impl TreeWatch {
    /// Starts watching everything under `root` with `debounce` as the quiet time.
    pub fn start(root: &Path, debounce: Duration) -> Result<TreeWatch> {
        let (debouncer, rx) = debounced(root, RecursiveMode::Recursive, debounce, |_| true)?;
        Ok(TreeWatch {
            root: root.to_path_buf(),
            rx,
            _debouncer: debouncer,
        })
    }

    /// Waits for the next settled burst: the paths it touched (and every folder above them),
    /// '/'-separated from the top; `Err` when the watch failed, `None` when it ended.
    pub async fn next(&mut self) -> Option<std::result::Result<HashSet<Vec<u8>>, String>> {
        let got = self.rx.recv().await?;
        Some(got.map(|paths| {
            paths
                .iter()
                .filter_map(|p| p.strip_prefix(&self.root).ok())
                .map(|rel| rel.as_os_str().as_bytes().to_vec())
                .filter(|rel| !rel.is_empty())
                .collect()
        }))
    }
}
