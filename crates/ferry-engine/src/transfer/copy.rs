//! `Copy`: what one file's copy shares between its requests (the SFTP session, pause/cancel, the
//! bandwidth limit, the job's and the file's byte counters, its request window and the mode it is
//! created with), and the bookkeeping every request does with it. Used by the pipelined path (`io`) and by the
//! two-round-trip path for small files (`small`).

use std::sync::atomic::AtomicU64;

use russh_sftp::protocol::FileAttributes;

use crate::fs::sftp::SftpFs;
use crate::transfer::control::Control;
use crate::transfer::limit::RateLimit;
use crate::transfer::progress::Counters;

/// Shared state for one file's copy.
pub struct Copy<'a> {
    pub sftp: &'a SftpFs,
    pub control: &'a Control,
    /// The job's bandwidth limit, taken from before each request is sent.
    pub limit: Option<&'a RateLimit>,
    pub counters: &'a Counters,
    /// This file's bytes, for per-file progress.
    pub file_bytes: &'a AtomicU64,
    /// Requests this file may keep in flight (≤ `IN_FLIGHT`): a lone big file gets them all,
    /// many small files share.
    pub window: usize,
    /// The mode the destination file is created with (see `dest::create_mode`).
    pub mode: u32,
    /// Upload: `fsync@openssh.com` after the last write, before the close (the server has it).
    pub fsync: bool,
}

impl Copy<'_> {
    /// Attributes for creating the file on the server: its mode, so that the server's own umask
    /// is the only thing between the source's bits and the copy's.
    pub(crate) fn create_attrs(&self) -> FileAttributes {
        FileAttributes {
            permissions: Some(self.mode & 0o777),
            ..FileAttributes::empty()
        }
    }
}

impl Copy<'_> {
    /// Waits until the bandwidth limit lets `bytes` more go (at once without a limit).
    pub(crate) async fn pace(&self, bytes: u64) {
        if let Some(l) = self.limit {
            l.take(bytes).await;
        }
    }

    pub(crate) fn add(&self, n: u64) {
        Counters::add(&self.counters.bytes_done, n);
        Counters::add(&self.counters.bytes_moved, n);
        Counters::add(self.file_bytes, n);
    }

    pub(crate) fn sub(&self, n: u64) {
        Counters::sub(&self.counters.bytes_done, n);
        Counters::sub(self.file_bytes, n);
    }
}
