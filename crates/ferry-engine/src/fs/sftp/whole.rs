//! Small files read and written whole over SFTP (a list of keys, say): read up to a cap, and
//! written as a new file (created exclusively, with its mode) for a rename to put in place, so a
//! file that is replaced is never truncated and rewritten where it lies.

use russh_sftp::client::error::Error as SftpError;
use russh_sftp::protocol::{FileAttributes, OpenFlags, StatusCode};

use crate::error::{Error, Result};
use crate::fs::path::FsPath;
use crate::fs::sftp::SftpFs;

/// Bytes asked for at a time.
const CHUNK: u32 = 32 << 10;

fn is_eof(e: &SftpError) -> bool {
    matches!(e, SftpError::Status(s) if s.status_code == StatusCode::Eof)
}

impl SftpFs {
    /// The whole of `path`; a file over `cap` bytes is refused (nothing is read past it).
    pub async fn read_whole(&self, path: &FsPath, cap: u64) -> Result<Vec<u8>> {
        let err = |e| self.map_error(e, path);
        let raw = self.raw();
        let handle = raw
            .open(path.to_wire()?, OpenFlags::READ, FileAttributes::empty())
            .await
            .map_err(err)?
            .handle;
        let mut data = Vec::new();
        let read = loop {
            match raw.read(handle.clone(), data.len() as u64, CHUNK).await {
                Ok(d) if d.data.is_empty() => break Ok(()),
                Ok(d) if data.len() as u64 + d.data.len() as u64 > cap => {
                    break Err(Error::Io {
                        path: path.display_lossy(),
                        detail: format!("it is larger than {cap} bytes"),
                    });
                }
                Ok(d) => data.extend_from_slice(&d.data),
                Err(e) if is_eof(&e) => break Ok(()),
                Err(e) => break Err(err(e)),
            }
        };
        let closed = raw.close(handle).await.map_err(err);
        read?;
        closed?;
        Ok(data)
    }

    /// Writes `data` to `path` as a new file with `mode` (an existing `path` is an error, never
    /// written over). On a failure the half-written file is removed.
    pub async fn write_new(&self, path: &FsPath, data: &[u8], mode: u32) -> Result<()> {
        let err = |e| self.map_error(e, path);
        let raw = self.raw();
        let attrs = FileAttributes {
            permissions: Some(mode & 0o7777),
            ..FileAttributes::empty()
        };
        let flags = OpenFlags::WRITE | OpenFlags::CREATE | OpenFlags::EXCLUDE;
        let handle = raw
            .open(path.to_wire()?, flags, attrs)
            .await
            .map_err(err)?
            .handle;
        let mut written = Ok(());
        for (i, chunk) in data.chunks(CHUNK as usize).enumerate() {
            let off = (i * CHUNK as usize) as u64;
            if let Err(e) = raw.write(handle.clone(), off, chunk.to_vec()).await {
                written = Err(err(e));
                break;
            }
        }
        let closed = raw.close(handle).await.map_err(err);
        // The mode asked for at creation is cut by the server's umask: set it as asked.
        let result = match (written, closed) {
            (Ok(()), Ok(_)) => crate::fs::FileSystem::chmod(self, path, mode).await,
            (Err(e), _) | (_, Err(e)) => Err(e),
        };
        if result.is_err() {
            let _ = crate::fs::FileSystem::remove_file(self, path).await;
        }
        result
    }
}
