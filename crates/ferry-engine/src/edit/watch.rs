//! Watching one edited file for saves: `notify` on its folder (not the file: an editor that saves
//! by writing a new file and renaming it over the old one, or by deleting and re-creating it,
//! leaves a watch on the old file's inode deaf), through `notify-debouncer-mini`, so that a burst
//! of events (one save's write, rename and chmod; ten saves within the debounce time) comes out as
//! one. Only events about the file's own name count; the editor's swap and backup files do not.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{
    DebounceEventResult, DebouncedEvent, DebouncedEventKind, Debouncer, new_debouncer,
};
use tokio::sync::mpsc;

use crate::error::{Error, Result};

/// The saves of one file, as they settle. Dropping it stops the watch.
pub struct Watch {
    rx: mpsc::UnboundedReceiver<Settled>,
    _debouncer: Debouncer<RecommendedWatcher>,
}

impl Watch {
    /// Starts watching `file` (in a folder of its own) with `debounce` as the quiet time.
    pub fn start(file: &Path, debounce: Duration) -> Result<Watch> {
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        let name: OsString = file.file_name().map(OsString::from).unwrap_or_default();
        let (debouncer, rx) = debounced(&dir, RecursiveMode::NonRecursive, debounce, move |e| {
            e.path.file_name() == Some(name.as_os_str())
        })?;
        Ok(Watch {
            rx,
            _debouncer: debouncer,
        })
    }

    /// Waits for the next settled change of the file; `Err` when the watch failed (the caller
    /// then looks at the file itself), `None` when it ended.
    pub async fn next(&mut self) -> Option<std::result::Result<(), String>> {
        self.rx.recv().await.map(|r| r.map(|_| ()))
    }
}

/// What a debounced watch sends: the paths of a settled burst that `wanted` kept, or what failed.
pub(crate) type Settled = std::result::Result<Vec<PathBuf>, String>;

/// A `notify` watch on `dir` through the debouncer: each burst that settles (`Any`, not the
/// `AnyContinuous` that comes while events keep coming) with a path `wanted` keeps is sent once.
/// Dropping the debouncer stops it.
pub(crate) fn debounced(
    dir: &Path,
    mode: RecursiveMode,
    debounce: Duration,
    wanted: impl Fn(&DebouncedEvent) -> bool + Send + 'static,
) -> Result<(
    Debouncer<RecommendedWatcher>,
    mpsc::UnboundedReceiver<Settled>,
)> {
    let (tx, rx) = mpsc::unbounded_channel();
    let io = |e: notify_debouncer_mini::notify::Error, dir: &Path| Error::Io {
        path: dir.display().to_string(),
        detail: format!("cannot watch it for changes: {e}"),
    };
    let mut debouncer = new_debouncer(debounce, move |got: DebounceEventResult| match got {
        Ok(events) => {
            let paths: Vec<PathBuf> = events
                .into_iter()
                .filter(|e| e.kind == DebouncedEventKind::Any && wanted(e))
                .map(|e| e.path)
                .collect();
            if !paths.is_empty() {
                let _ = tx.send(Ok(paths));
            }
        }
        Err(e) => {
            let _ = tx.send(Err(e.to_string()));
        }
    })
    .map_err(|e| io(e, dir))?;
    debouncer
        .watcher()
        .watch(dir, mode)
        .map_err(|e| io(e, dir))?;
    Ok((debouncer, rx))
}
