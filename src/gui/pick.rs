//! Upload files… / Download to…: the native file dialogs (rfd, run in a task), what was picked,
//! and telling a dialog that could not open (no portal, no zenity) from one the person cancelled.
//! Tests skip the dialogs and send the `Picked` messages.

use std::path::PathBuf;

use iced::Task;

use crate::gui::text::t;
use crate::gui::{App, Message, PaneSide};
use ferry_engine::fs::local::from_local;

impl App {
    /// Upload files…: pick files to send to the remote pane's folder.
    pub(super) fn pick_upload(&mut self) -> Task<Message> {
        let dialog = rfd::AsyncFileDialog::new()
            .set_title(t!("pick-upload-title"))
            .pick_files();
        Task::perform(timed(dialog), |(files, quick)| match files {
            None if quick => Message::NoFileDialog,
            files => Message::UploadPicked(
                files
                    .unwrap_or_default()
                    .iter()
                    .map(|f| f.path().to_path_buf())
                    .collect(),
            ),
        })
    }

    /// Download to…: pick the folder the remote selection goes to (the local pane's to start).
    pub(super) fn pick_download_dir(&mut self) -> Task<Message> {
        if self.remote.selection().is_empty() {
            self.notice = Some(t!("select-to-download").to_string());
            return Task::none();
        }
        let mut dialog = rfd::AsyncFileDialog::new().set_title(t!("pick-download-title"));
        if let Ok(dir) = std::str::from_utf8(self.local.path.as_bytes()) {
            dialog = dialog.set_directory(dir);
        }
        Task::perform(timed(dialog.pick_folder()), |(dir, quick)| match dir {
            None if quick => Message::NoFileDialog,
            dir => Message::DownloadDirPicked(dir.map(|d| d.path().to_path_buf())),
        })
    }

    pub(super) fn no_file_dialog(&mut self) -> Task<Message> {
        self.notice = Some(t!("no-file-dialog").to_string());
        Task::none()
    }

    /// Each picked file is uploaded as if dropped on the window.
    pub(super) fn upload_picked(&mut self, paths: Vec<PathBuf>) -> Task<Message> {
        let tasks: Vec<_> = paths.into_iter().map(|p| self.dropped(p)).collect();
        Task::batch(tasks)
    }

    /// The remote selection goes to the folder picked (nothing when cancelled).
    pub(super) fn download_dir_picked(&mut self, dir: Option<PathBuf>) -> Task<Message> {
        let Some(dir) = dir else {
            return Task::none();
        };
        let entries = self.remote.selection();
        self.transfer(PaneSide::Remote, entries, from_local(&dir))
    }
}

/// Runs a native dialog and tells whether it came back within half a second: an empty answer
/// that fast means no dialog could be shown (no portal, no zenity), not that the person
/// cancelled.
async fn timed<T>(dialog: impl std::future::Future<Output = T>) -> (T, bool) {
    let start = std::time::Instant::now();
    let out = dialog.await;
    (out, start.elapsed() < std::time::Duration::from_millis(500))
}
