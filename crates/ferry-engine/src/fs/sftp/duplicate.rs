//! Copying within one server ([`SftpFs::copy_on_server`]), the best way it has, from best to
//! worst: `copy-data` (OpenSSH, dropbear's sftp-server, AsyncSSH: both files open, one request),
//! `copy-file` (ProFTPD's mod_sftp, asked once per session), `sftpgo-copy` over exec (SFTPGo,
//! asked once), `cp -p --` over exec (only when the site allows commands for this), and
//! otherwise the bytes read and written through this client, many requests in flight, with no
//! temporary file. Folders are copied recursively; symlinks inside them are copied as links.
//!
//! A plain async call with no face's types: the command line's `ferry cp` and, later, the
//! window's Copy/Paste use it alike.

use std::collections::BTreeMap;
use std::sync::atomic::Ordering;

use futures::StreamExt;
use russh_sftp::protocol::{FileAttributes, OpenFlags};

use crate::error::{Error, Result};
use crate::fs::entry::Kind;
use crate::fs::path::FsPath;
use crate::fs::sftp::SftpFs;
use crate::fs::sftp::checksum::{shell_word, shell_word_named};
use crate::fs::sftp::server::Open;
use crate::fs::{FileSystem, ListOptions};

/// How one file was copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CopyWay {
    CopyData,
    CopyFile,
    SftpgoCopy,
    ExecCp,
    /// Read and written through the client.
    Streamed,
}

impl CopyWay {
    pub fn name(self) -> &'static str {
        match self {
            CopyWay::CopyData => "copy-data",
            CopyWay::CopyFile => "copy-file",
            CopyWay::SftpgoCopy => "sftpgo-copy",
            CopyWay::ExecCp => "cp -p",
            CopyWay::Streamed => "streamed through the client",
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct CopyOptions {
    /// Keep the modification time (and the mode, which every way keeps), as `cp -p`.
    pub preserve: bool,
    /// The site allows `cp -p --` over exec.
    pub exec_cp: bool,
}

/// What a copy did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CopyReport {
    pub files: u64,
    pub folders: u64,
    pub links: u64,
    pub bytes: u64,
    /// Files copied each way.
    pub ways: BTreeMap<CopyWay, u64>,
}

/// Requests in flight while streaming.
const STREAM_WINDOW: usize = 16;

/// Learned once per session (0: not yet known): works, does not.
const WORKS: u8 = 1;
const NO: u8 = 2;

impl SftpFs {
    /// Copies `from` (a file, or a folder with everything in it) to `to` on this server. `to`
    /// is the copy's own name; an existing file there is replaced, an existing folder merged.
    pub async fn copy_on_server(
        &self,
        from: &FsPath,
        to: &FsPath,
        opts: CopyOptions,
    ) -> Result<CopyReport> {
        let mut report = CopyReport::default();
        let top = self.stat(from).await?;
        if top.kind != Kind::Dir {
            self.copy_one(from, to, &top, opts, &mut report).await?;
            return Ok(report);
        }
        if to == from
            || (to.as_bytes().starts_with(from.as_bytes())
                && to.as_bytes().get(from.as_bytes().len()) == Some(&b'/'))
        {
            return Err(Error::Unsupported {
                what: format!("copying the folder {from} into itself ({to})"),
            });
        }
        let mut dirs = vec![(from.clone(), to.clone(), top.perms)];
        while let Some((src, dst, perms)) = dirs.pop() {
            match self
                .mkdir_mode(&dst, perms.map(|p| p & 0o7777).unwrap_or(0o777))
                .await
            {
                Ok(()) | Err(Error::AlreadyExists { .. }) => {}
                Err(e) => return Err(e),
            }
            report.folders += 1;
            let listing = self
                .list(
                    &src,
                    ListOptions {
                        resolve_links: false,
                        ..Default::default()
                    },
                )
                .await?;
            for e in listing.entries {
                if !e.exact {
                    return Err(Error::InexactName { name: e.display });
                }
                let (s, d) = (src.join(&e.name)?, dst.join(&e.name)?);
                match e.kind {
                    Kind::Dir => dirs.push((s, d, e.perms)),
                    Kind::Symlink => {
                        let target = self.read_link(&s).await?;
                        let _ = self.remove_file(&d).await;
                        self.symlink(&target, &d).await?;
                        report.links += 1;
                    }
                    Kind::File => self.copy_one(&s, &d, &e, opts, &mut report).await?,
                    Kind::Other => {
                        tracing::info!("{}: {s} is not a file or a folder; not copied", self.host)
                    }
                }
            }
        }
        Ok(report)
    }

    async fn copy_one(
        &self,
        from: &FsPath,
        to: &FsPath,
        entry: &crate::fs::entry::Entry,
        opts: CopyOptions,
        report: &mut CopyReport,
    ) -> Result<()> {
        if from == to {
            return Err(Error::AlreadyExists {
                path: to.to_string(),
            });
        }
        let mode = entry.perms.map(|p| p & 0o777).unwrap_or(0o644);
        let way = self.copy_file_bytes(from, to, mode, opts).await?;
        if opts.preserve
            && way != CopyWay::ExecCp
            && let Some(m) = entry.mtime
            && let Err(e) = self.set_mtime(to, m).await
        {
            tracing::info!("{}: the time of {to} was not kept: {e}", self.host);
        }
        tracing::info!("{}: copied {from} to {to} by {}", self.host, way.name());
        report.files += 1;
        report.bytes += entry.size.unwrap_or(0);
        *report.ways.entry(way).or_default() += 1;
        Ok(())
    }

    /// One file's bytes, the best way that works here.
    async fn copy_file_bytes(
        &self,
        from: &FsPath,
        to: &FsPath,
        mode: u32,
        opts: CopyOptions,
    ) -> Result<CopyWay> {
        let attrs = || FileAttributes {
            permissions: Some(mode),
            ..FileAttributes::empty()
        };
        let write = OpenFlags::WRITE | OpenFlags::CREATE | OpenFlags::TRUNCATE;
        let utf8 = from.is_utf8() && to.is_utf8();
        if self.ext.copy_data && utf8 {
            let src = self
                .open_file(from, OpenFlags::READ, FileAttributes::empty())
                .await?;
            let dst = match self.open_file(to, write, attrs()).await {
                Ok(d) => d,
                Err(e) => {
                    let _ = self.close_file(src, from).await;
                    return Err(e);
                }
            };
            let copied = self.copy_data(&src, &dst, to).await;
            let (a, b) = tokio::join!(self.close_file(src, from), self.close_file(dst, to));
            copied?;
            a?;
            b?;
            return Ok(CopyWay::CopyData);
        }
        if self.copy_file_state.load(Ordering::Relaxed) != NO {
            let works = self.copy_file(from, to).await?;
            self.copy_file_state
                .store(if works { WORKS } else { NO }, Ordering::Relaxed);
            if works {
                let _ = self.chmod(to, mode).await;
                return Ok(CopyWay::CopyFile);
            }
        }
        if let Some(conn) = self.connection() {
            if utf8 && self.sftpgo_copy_state.load(Ordering::Relaxed) != NO {
                let (_, f) = shell_word(from);
                let (_, t) = shell_word(to);
                let ran = conn.exec(&format!("sftpgo-copy {f} {t}"), 4096).await;
                let works = matches!(ran, Ok((Some(0), _)));
                self.sftpgo_copy_state
                    .store(if works { WORKS } else { NO }, Ordering::Relaxed);
                if works {
                    return Ok(CopyWay::SftpgoCopy);
                }
            }
            if opts.exec_cp {
                let (set_f, f) = shell_word_named(from, "f");
                let (set_t, t) = shell_word_named(to, "t");
                match conn
                    .exec(&format!("{set_f}{set_t}cp -p -- {f} {t}"), 4096)
                    .await
                {
                    Ok((Some(0), _)) => return Ok(CopyWay::ExecCp),
                    Ok((status, out)) => {
                        tracing::info!(
                            "{}: cp -p exited with {status:?}: {}",
                            self.host,
                            String::from_utf8_lossy(&out)
                        );
                    }
                    Err(e) => tracing::info!("{}: cp -p over exec: {e}", self.host),
                }
            }
        }
        self.stream_copy(from, to, mode).await?;
        Ok(CopyWay::Streamed)
    }

    /// Reads `from` and writes `to` through this client, [`STREAM_WINDOW`] requests at once.
    async fn stream_copy(&self, from: &FsPath, to: &FsPath, mode: u32) -> Result<()> {
        let attrs = FileAttributes {
            permissions: Some(mode),
            ..FileAttributes::empty()
        };
        let write = OpenFlags::WRITE | OpenFlags::CREATE | OpenFlags::TRUNCATE;
        let src = self
            .open_file(from, OpenFlags::READ, FileAttributes::empty())
            .await?;
        let dst = match self.open_file(to, write, attrs).await {
            Ok(d) => d,
            Err(e) => {
                let _ = self.close_file(src, from).await;
                return Err(e);
            }
        };
        let result = self.stream_body(&src, &dst, from, to).await;
        let (a, b) = tokio::join!(self.close_file(src, from), self.close_file(dst, to));
        result?;
        a?;
        b
    }
}

impl SftpFs {
    /// The bytes of [`SftpFs::stream_copy`]: windows of reads taken in order, each written as it
    /// arrives, until a read comes back short.
    async fn stream_body(&self, src: &Open, dst: &Open, from: &FsPath, to: &FsPath) -> Result<()> {
        let chunk = self.limits.read_len.min(self.limits.write_len);
        // Up to `chunk` bytes at `at`, asking again after a short read (the draft allows them).
        let read_full = |at: u64| async move {
            let mut data: Vec<u8> = Vec::new();
            while data.len() < chunk as usize {
                let want = chunk - data.len() as u32;
                match self
                    .read_at(src, at + data.len() as u64, want, from)
                    .await?
                {
                    Some(d) => data.extend(d),
                    None => break,
                }
            }
            Ok::<_, Error>((at, data))
        };
        let mut off = 0u64;
        loop {
            let ats = (0..STREAM_WINDOW as u64).map(|i| off + i * u64::from(chunk));
            let mut reads = futures::stream::iter(ats)
                .map(read_full)
                .buffered(STREAM_WINDOW);
            let mut writes = Vec::new();
            let mut end = false;
            while let Some(got) = reads.next().await {
                let (at, data) = got?;
                let short = data.len() < chunk as usize;
                if !data.is_empty() {
                    writes.push(self.write_at(dst, at, data, to));
                }
                if short {
                    end = true;
                    break;
                }
            }
            drop(reads);
            for w in futures::future::join_all(writes).await {
                w?;
            }
            if end {
                return Ok(());
            }
            off += STREAM_WINDOW as u64 * u64::from(chunk);
        }
    }
}
