//! A server's files behind the [`FileSystem`] interface: stat, make, remove, rename, set
//! attributes, links, the home folder and free space, each over whichever client can name the path
//! (russh-sftp's for UTF-8 paths, the byte client otherwise). The rename rules for servers without
//! an atomic replace live here too.

use std::time::{SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use russh_sftp::client::error::Error as SftpError;
use russh_sftp::protocol::{FileAttributes, Packet, StatusCode};

use crate::error::{Error, Result, Side};
use crate::fs::entry::{Entry, Kind};
use crate::fs::path::FsPath;
use crate::fs::sftp::SftpFs;
use crate::fs::sftp::reply::leaf_entry;
use crate::fs::{FileSystem, FreeSpace, ListOptions, Listing};

#[async_trait]
impl FileSystem for SftpFs {
    fn side(&self) -> Side {
        Side::Remote
    }

    async fn list_partial(&self, dir: &FsPath, opts: ListOptions) -> Result<Listing> {
        self.listing(dir, opts).await
    }

    async fn stat(&self, path: &FsPath) -> Result<Entry> {
        let a = self.attrs(path, true).await?;
        let mut e = [leaf_entry(path, &a)];
        self.name_owners(&mut e).await;
        let [e] = e;
        Ok(e)
    }

    async fn lstat(&self, path: &FsPath) -> Result<Entry> {
        let a = self.attrs(path, false).await?;
        let mut one = [leaf_entry(path, &a)];
        self.name_owners(&mut one).await;
        let [mut e] = one;
        if e.kind == Kind::Symlink {
            e.link_target = self.read_link(path).await.ok().map(|p| p.to_string());
        }
        Ok(e)
    }

    async fn mkdir_mode(&self, path: &FsPath, mode: u32) -> Result<()> {
        // The plain mode is the server's own default: not sent, as before (some servers apply
        // a mode they are sent exactly, without their umask).
        let attrs = FileAttributes {
            permissions: (mode != 0o777).then_some(mode & 0o7777),
            ..FileAttributes::empty()
        };
        let made = match path.to_wire() {
            Ok(w) => self.raw.mkdir(w, attrs).await.map(|_| ()),
            Err(_) => self.bytes().await?.mkdir(path.as_bytes(), &attrs).await,
        };
        match made {
            Ok(()) => Ok(()),
            // OpenSSH answers a plain "Failure" when the folder exists.
            Err(SftpError::Status(s))
                if s.status_code == StatusCode::Failure && self.exists(path).await =>
            {
                Err(Error::AlreadyExists {
                    path: path.to_string(),
                })
            }
            Err(e) => Err(self.err(path)(e)),
        }
    }

    async fn rmdir(&self, path: &FsPath) -> Result<()> {
        match path.to_wire() {
            Ok(w) => self.raw.rmdir(w).await.map(|_| ()),
            Err(_) => self.bytes().await?.rmdir(path.as_bytes()).await,
        }
        .map_err(self.err(path))
    }

    async fn remove_file(&self, path: &FsPath) -> Result<()> {
        match path.to_wire() {
            Ok(w) => self.raw.remove(w).await.map(|_| ()),
            Err(_) => self.bytes().await?.remove(path.as_bytes()).await,
        }
        .map_err(self.err(path))
    }

    async fn rename(&self, from: &FsPath, to: &FsPath, overwrite: bool) -> Result<()> {
        let (Ok(f), Ok(t)) = (from.to_wire(), to.to_wire()) else {
            return self.rename_bytes(from, to, overwrite).await;
        };
        if overwrite && self.ext.posix_rename {
            self.extended("posix-rename@openssh.com", &[&f, &t], from)
                .await?;
            return Ok(());
        }
        let raw = &self.raw;
        self.plain_rename(from, to, overwrite, || {
            let (f, t) = (f.clone(), t.clone());
            async move { raw.rename(f, t).await.map(|_| ()) }
        })
        .await
    }

    async fn chmod(&self, path: &FsPath, mode: u32) -> Result<()> {
        let attrs = FileAttributes {
            permissions: Some(mode & 0o7777),
            ..FileAttributes::empty()
        };
        self.setstat(path, attrs).await
    }

    async fn set_mtime(&self, path: &FsPath, mtime: SystemTime) -> Result<()> {
        let current = self.attrs(path, true).await?;
        let secs = mtime
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs().min(u64::from(u32::MAX)) as u32)
            .unwrap_or(0);
        let attrs = FileAttributes {
            atime: Some(current.atime.unwrap_or(secs)),
            mtime: Some(secs),
            ..FileAttributes::empty()
        };
        self.setstat(path, attrs).await
    }

    async fn read_link(&self, path: &FsPath) -> Result<FsPath> {
        let Ok(wire) = path.to_wire() else {
            let b = self.bytes().await?;
            let target = b.readlink(path.as_bytes()).await.map_err(self.err(path))?;
            return Ok(FsPath::from_bytes(target));
        };
        let reply = self.raw.readlink(wire).await.map_err(self.err(path))?;
        self.first_name(reply, path).await
    }

    async fn symlink(&self, target: &FsPath, link: &FsPath) -> Result<()> {
        // OpenSSH (and the servers that copy it) read SSH_FXP_SYMLINK's two paths in the reverse
        // of the draft's order; AsyncSSH reads the draft's from a client it does not know.
        let (first, second) = if self.symlink_draft_order {
            (link, target)
        } else {
            (target, link)
        };
        if !(target.is_utf8() && link.is_utf8()) {
            let b = self.bytes().await?;
            return b
                .symlink(first.as_bytes(), second.as_bytes())
                .await
                .map_err(self.err(link));
        }
        // russh-sftp puts its first argument first on the wire.
        self.raw
            .symlink(first.to_wire()?, second.to_wire()?)
            .await
            .map_err(self.err(link))?;
        Ok(())
    }

    async fn canonicalize(&self, path: &FsPath) -> Result<FsPath> {
        let Ok(wire) = path.to_wire() else {
            let b = self.bytes().await?;
            let real = b.realpath(path.as_bytes()).await.map_err(self.err(path))?;
            return Ok(FsPath::from_bytes(real));
        };
        let reply = self.raw.realpath(wire).await.map_err(self.err(path))?;
        self.first_name(reply, path).await
    }

    async fn home(&self) -> Result<FsPath> {
        let here = FsPath::from(".");
        // REALPATH(".") is the start folder on every server seen. The `home-directory` extension
        // is asked only when that answer is odd (empty or relative, as on some chrooted servers):
        // ProFTPD 1.3.8 ends the whole session when asked for it.
        let start = match self.canonicalize(&here).await {
            Ok(p) if p.is_absolute() => return Ok(p),
            Ok(_) | Err(Error::Failure { .. }) | Err(Error::Unsupported { .. }) => FsPath::root(),
            Err(e) => return Err(e),
        };
        if self.ext.home_directory
            && let Ok(Packet::Name(n)) = self
                .extended("home-directory", &[self.user.as_str()], &here)
                .await
            && let Ok(p) = self.first_name(n, &here).await
            && p.is_absolute()
        {
            return Ok(p);
        }
        Ok(start)
    }

    async fn free_space(&self, path: &FsPath) -> Result<Option<FreeSpace>> {
        if !self.ext.statvfs {
            return Ok(None);
        }
        if !path.is_utf8() {
            let b = self.bytes().await?;
            let (frsize, blocks, avail) =
                b.statvfs(path.as_bytes()).await.map_err(self.err(path))?;
            return Ok(Some(FreeSpace {
                available: avail.saturating_mul(frsize),
                total: blocks.saturating_mul(frsize),
            }));
        }
        let st = self
            .raw
            .statvfs(path.to_wire()?)
            .await
            .map_err(self.err(path))?;
        Ok(Some(FreeSpace {
            available: st.blocks_avail.saturating_mul(st.fragment_size),
            total: st.blocks.saturating_mul(st.fragment_size),
        }))
    }
}

impl SftpFs {
    /// [`FileSystem::rename`] where a name is not UTF-8: the same rules over the byte client.
    async fn rename_bytes(&self, from: &FsPath, to: &FsPath, overwrite: bool) -> Result<()> {
        let b = self.bytes().await?;
        let (f, t) = (from.as_bytes(), to.as_bytes());
        if overwrite && b.has_posix_rename() {
            return b.posix_rename(f, t).await.map_err(self.err(from));
        }
        self.plain_rename(from, to, overwrite, || b.rename(f, t))
            .await
    }

    /// A rename without an atomic replace (`SSH_FXP_RENAME`, sent by `send`, either client): an
    /// existing `to` is refused without `overwrite`, and with it removed first (a plain "Failure"
    /// is what OpenSSH answers when the target exists).
    async fn plain_rename<F, R>(
        &self,
        from: &FsPath,
        to: &FsPath,
        overwrite: bool,
        send: F,
    ) -> Result<()>
    where
        F: Fn() -> R,
        R: std::future::Future<Output = std::result::Result<(), SftpError>>,
    {
        let exists = || Error::AlreadyExists {
            path: to.to_string(),
        };
        if !overwrite && self.exists(to).await {
            return Err(exists());
        }
        match send().await {
            Ok(()) => Ok(()),
            Err(SftpError::Status(s))
                if s.status_code == StatusCode::Failure && self.exists(to).await =>
            {
                if !overwrite {
                    return Err(exists());
                }
                // No atomic replace on this server: remove, then rename.
                self.remove_file(to).await?;
                send().await.map_err(self.err(from))
            }
            Err(e) => Err(self.err(from)(e)),
        }
    }
}
