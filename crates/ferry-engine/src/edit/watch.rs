//! Watching one edited file for saves: `notify` on its folder (not the file: an editor that saves
//! by writing a new file and renaming it over the old one, or by deleting and re-creating it,
//! leaves a watch on the old file's inode deaf), through `notify-debouncer-mini`, so that a burst
//! of events (one save's write, rename and chmod; ten saves within the debounce time) comes out as
//! one. Only events about the file's own name count; the editor's swap and backup files do not.

use std::ffi::OsString;
use std::path::Path;
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, DebouncedEventKind, Debouncer, new_debouncer};
use tokio::sync::mpsc;

use crate::error::{Error, Result};

/// The saves of one file, as they settle. Dropping it stops the watch.
pub struct Watch {
    rx: mpsc::UnboundedReceiver<std::result::Result<(), String>>,
    _debouncer: Debouncer<RecommendedWatcher>,
}

impl Watch {
    /// Starts watching `file` (in a folder of its own) with `debounce` as the quiet time.
    pub fn start(file: &Path, debounce: Duration) -> Result<Watch> {
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        let name: OsString = file.file_name().map(OsString::from).unwrap_or_default();
        let (tx, rx) = mpsc::unbounded_channel();
        let io = |e: notify_debouncer_mini::notify::Error, dir: &Path| Error::Io {
            path: dir.display().to_string(),
            detail: format!("cannot watch it for saves: {e}"),
        };
        let mut debouncer = new_debouncer(debounce, move |got: DebounceEventResult| match got {
            Ok(events) => {
                // `AnyContinuous` comes while events keep coming: a burst is one save, at its end.
                if events.iter().any(|e| {
                    e.kind == DebouncedEventKind::Any
                        && e.path.file_name() == Some(name.as_os_str())
                }) {
                    let _ = tx.send(Ok(()));
                }
            }
            Err(e) => {
                let _ = tx.send(Err(e.to_string()));
            }
        })
        .map_err(|e| io(e, &dir))?;
        debouncer
            .watcher()
            .watch(&dir, RecursiveMode::NonRecursive)
            .map_err(|e| io(e, &dir))?;
        Ok(Watch {
            rx,
            _debouncer: debouncer,
        })
    }

    /// Waits for the next settled change of the file; `Err` when the watch failed (the caller
    /// then looks at the file itself), `None` when it ended.
    pub async fn next(&mut self) -> Option<std::result::Result<(), String>> {
        self.rx.recv().await
    }
}
