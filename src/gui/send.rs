//! Starting transfers from what a person did — a double-click, Upload / Download, a drop from a
//! pane or from the OS, a retry — as jobs on the connection pool, with the connected site's
//! settings; and what a finished job changes (the destination pane is listed again).

use std::path::PathBuf;

use iced::Task;

use crate::gui::text::t;
use crate::gui::transfers::{self, Outcome};
use crate::gui::{App, Message, PaneSide};
use ferry_engine::fs::entry::Entry;
use ferry_engine::fs::local::from_local;
use ferry_engine::fs::path::FsPath;
use ferry_engine::transfer::queue::SiteRef;
use ferry_engine::transfer::{ConflictPolicy, Direction, JobSpec, TransferOptions};

impl App {
    /// Queues a transfer of `entries` from the pane on `from` into `dest` on the other side.
    pub(super) fn transfer(
        &mut self,
        from: PaneSide,
        entries: Vec<Entry>,
        dest: FsPath,
    ) -> Task<Message> {
        let (direction, dir) = match from {
            PaneSide::Local => (Direction::Upload, &self.local.path),
            PaneSide::Remote => (Direction::Download, &self.remote.path),
        };
        let sources: Vec<FsPath> = entries
            .iter()
            .filter(|e| e.exact)
            .filter_map(|e| dir.join(&e.name).ok())
            .collect();
        if sources.is_empty() {
            return Task::none();
        }
        let spec = JobSpec {
            direction,
            sources,
            dest_dir: dest,
            dest_name: None,
            recursive: true,
        };
        self.start_job(spec, ConflictPolicy::Ask)
    }

    pub(super) fn transfer_message(&mut self, m: transfers::Message) -> Task<Message> {
        let task = match self.transfers.update(m) {
            // The destination pane shows what arrived.
            Some(Outcome::Finished(Direction::Upload)) => self
                .remote
                .list(self.remote.path.clone())
                .map(Message::Remote),
            Some(Outcome::Finished(Direction::Download)) => {
                self.local.list(self.local.path.clone()).map(Message::Local)
            }
            Some(Outcome::Retry(jobs)) => {
                let tasks: Vec<_> = jobs
                    .into_iter()
                    .map(|(spec, conflict)| self.start_job(spec, conflict))
                    .collect();
                Task::batch(tasks)
            }
            None => Task::none(),
        };
        Task::batch([task, self.close_finished_pools()])
    }

    /// Starts a transfer job on the connection pool; conflicts go to the dialog unless `conflict`
    /// says otherwise.
    pub(super) fn start_job(&mut self, spec: JobSpec, conflict: ConflictPolicy) -> Task<Message> {
        let Some((pool, site)) = self.session.job_target() else {
            self.notice = Some(t!("connect-first").to_string());
            return Task::none();
        };
        let opts = self.transfer_options(conflict);
        self.transfers
            .start(pool, spec, opts, site)
            .map(Message::Transfers)
    }

    /// The transfer settings for the connected site (parallel files, verification) and the
    /// window's speed limit.
    pub(super) fn transfer_options(&self, conflict: ConflictPolicy) -> TransferOptions {
        let (parallel, verify) = self.session.site_transfer_options();
        let defaults = TransferOptions::default();
        TransferOptions {
            conflict,
            parallel_files: parallel.unwrap_or(defaults.parallel_files),
            verify,
            limit: Some(self.settings.limit.clone()),
            ..defaults
        }
    }

    pub(super) fn dropped(&mut self, path: PathBuf) -> Task<Message> {
        let spec = JobSpec {
            direction: Direction::Upload,
            sources: vec![from_local(&path)],
            dest_dir: self.remote.path.clone(),
            dest_name: None,
            recursive: true,
        };
        self.start_job(spec, ConflictPolicy::Ask)
    }
}

/// The saved queue's name for the server of `link` (never a secret).
pub(super) fn site_of(link: &ferry_engine::transfer::pool::Link) -> SiteRef {
    SiteRef {
        host: link.conn.host.clone(),
        port: link.conn.port,
        user: link.conn.user.clone(),
    }
}
