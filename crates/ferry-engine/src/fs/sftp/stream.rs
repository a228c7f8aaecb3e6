//! A remote file's bytes handed to a caller in order as they arrive, with several reads in
//! flight and never the whole file in memory (`ferry cat`), and the server's full `statvfs`
//! figures (`ferry df`), each over whichever client can name the path.

use std::future::Future;

use futures::StreamExt;
use futures::stream::FuturesOrdered;
use russh_sftp::client::error::Error as SftpError;
use russh_sftp::protocol::{FileAttributes, OpenFlags, StatusCode};

use crate::error::Result;
use crate::fs::path::FsPath;
use crate::fs::sftp::SftpFs;

/// Reads in flight while streaming one file.
const READS_IN_FLIGHT: usize = 16;

/// A file system's figures as `statvfs@openssh.com` gives them, in bytes and files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpaceStats {
    pub total: u64,
    /// Free, counting the blocks kept for the superuser.
    pub free: u64,
    /// Free for an ordinary user.
    pub available: u64,
    pub files: u64,
    pub files_free: u64,
}

fn is_eof(e: &SftpError) -> bool {
    matches!(e, SftpError::Status(s) if s.status_code == StatusCode::Eof)
}

impl SftpFs {
    /// Hands the bytes of `path` to `sink` in order; `sink` returns `false` to stop early (its
    /// reader went away). Returns the bytes handed over.
    pub async fn read_to(
        &self,
        path: &FsPath,
        sink: &mut (dyn FnMut(&[u8]) -> bool + Send),
    ) -> Result<u64> {
        let chunk = self.limits().read_len;
        let err = |e| self.map_error(e, path);
        match path.to_wire() {
            Ok(wire) => {
                let raw = self.raw();
                let handle = raw
                    .open(wire, OpenFlags::READ, FileAttributes::empty())
                    .await
                    .map_err(err)?
                    .handle;
                let read = |off, len| {
                    let h = handle.clone();
                    async move { raw.read(h, off, len).await.map(|d| d.data) }
                };
                let result = pump(read, chunk, sink).await.map_err(err);
                let closed = raw.close(handle).await.map_err(err);
                let n = result?;
                closed?;
                Ok(n)
            }
            Err(_) => {
                let b = self.bytes().await?;
                let flags = OpenFlags::READ.bits();
                let handle = b
                    .open(path.as_bytes(), flags, &FileAttributes::empty())
                    .await
                    .map_err(err)?;
                let read = |off, len| {
                    let h = handle.clone();
                    async move { b.read(&h, off, len).await }
                };
                let result = pump(read, chunk, sink).await.map_err(err);
                let closed = b.close(&handle).await.map_err(err);
                let n = result?;
                closed?;
                Ok(n)
            }
        }
    }

    /// The server's figures for the file system holding `path`; `None` when it does not offer
    /// `statvfs@openssh.com`.
    pub async fn space_stats(&self, path: &FsPath) -> Result<Option<SpaceStats>> {
        if !self.extensions().statvfs {
            return Ok(None);
        }
        let Ok(wire) = path.to_wire() else {
            // The byte client asks for the figures Ferry's transfers need only.
            let b = self.bytes().await?;
            let (frsize, blocks, avail) = b
                .statvfs(path.as_bytes())
                .await
                .map_err(|e| self.map_error(e, path))?;
            return Ok(Some(SpaceStats {
                total: blocks.saturating_mul(frsize),
                free: avail.saturating_mul(frsize),
                available: avail.saturating_mul(frsize),
                files: 0,
                files_free: 0,
            }));
        };
        let st = self
            .raw()
            .statvfs(wire)
            .await
            .map_err(|e| self.map_error(e, path))?;
        let bytes = |blocks: u64| blocks.saturating_mul(st.fragment_size);
        Ok(Some(SpaceStats {
            total: bytes(st.blocks),
            free: bytes(st.blocks_free),
            available: bytes(st.blocks_avail),
            files: st.inodes,
            files_free: st.inodes_free,
        }))
    }
}

/// Reads from offset 0 with up to [`READS_IN_FLIGHT`] requests out, handing each answer to `sink`
/// in order. A short answer (a server may send less than asked before the end) restarts the reads
/// just past it, once the ones already out have come back.
async fn pump<R, F>(
    read: R,
    mut chunk: u32,
    sink: &mut (dyn FnMut(&[u8]) -> bool + Send),
) -> std::result::Result<u64, SftpError>
where
    R: Fn(u64, u32) -> F,
    F: Future<Output = std::result::Result<Vec<u8>, SftpError>>,
{
    let mut done = 0u64;
    'restart: loop {
        let mut out = FuturesOrdered::new();
        let mut next = done;
        let mut ended = false;
        while let Some(first) = {
            while !ended && out.len() < READS_IN_FLIGHT {
                out.push_back(read(next, chunk));
                next += u64::from(chunk);
            }
            out.next().await
        } {
            if ended {
                continue; // a read past the end or after a short one: drained, not used
            }
            match first {
                Ok(data) if data.is_empty() => ended = true,
                Ok(data) => {
                    done += data.len() as u64;
                    if !sink(&data) {
                        return Ok(done);
                    }
                    if data.len() < chunk as usize {
                        // Short: the reads already out are past a gap. Drain them, then restart
                        // asking for what the server sends (a server with a lower cap than it
                        // said, or the end of the file, which then reads as empty).
                        while out.next().await.is_some() {}
                        chunk = data.len() as u32;
                        continue 'restart;
                    }
                }
                Err(e) if is_eof(&e) => ended = true,
                Err(e) => return Err(e),
            }
        }
        return Ok(done);
    }
}
