//! `FileSystem`: the one async interface both panes and the transfer engine use, implemented by
//! `LocalFs` (the local disk) and `SftpFs` (a server). Paths are [`FsPath`] on both sides.
//!
//! Listings are bounded ([`ListOptions::cap`]) and come back with the names that were refused, so a
//! caller can warn about a hostile or broken server without ever acting on those names.

use std::time::SystemTime;

use async_trait::async_trait;

use crate::engine::entry::{Entry, Kind};
use crate::engine::error::{Error, Result, Side};
use crate::engine::path::FsPath;

/// The default listing cap: large enough for any folder a person browses, small enough that a
/// hostile endless listing stops long before memory runs out.
pub const DEFAULT_LIST_CAP: usize = 1_000_000;

#[derive(Debug, Clone, Copy)]
pub struct ListOptions {
    /// Stop with [`Error::ListingTooLarge`] past this many entries.
    pub cap: usize,
    /// Resolve what each symlink points at (one extra request per link on a server).
    pub resolve_links: bool,
}

impl Default for ListOptions {
    fn default() -> Self {
        ListOptions {
            cap: DEFAULT_LIST_CAP,
            resolve_links: true,
        }
    }
}

/// A name a listing left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedName {
    /// Escaped for display.
    pub name: String,
    pub why: &'static str,
}

#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub entries: Vec<Entry>,
    pub refused: Vec<RefusedName>,
}

/// Space on the file system holding a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FreeSpace {
    pub available: u64,
    pub total: u64,
}

#[async_trait]
pub trait FileSystem: Send + Sync {
    /// Which side this is, for messages ("the server", "the local disk").
    fn side(&self) -> Side;

    /// The entries of a directory, without `.` and `..`; unsafe names refused.
    async fn list(&self, dir: &FsPath, opts: ListOptions) -> Result<Listing>;
    /// Attributes of `path`, following a final symlink.
    async fn stat(&self, path: &FsPath) -> Result<Entry>;
    /// Attributes of `path` itself (a symlink is reported as one).
    async fn lstat(&self, path: &FsPath) -> Result<Entry>;
    async fn mkdir(&self, path: &FsPath) -> Result<()>;
    /// Removes an empty directory.
    async fn rmdir(&self, path: &FsPath) -> Result<()>;
    /// Removes a file or a symlink.
    async fn remove_file(&self, path: &FsPath) -> Result<()>;
    /// Renames `from` to `to`. With `overwrite`, an existing `to` is replaced (atomically where the
    /// side can: POSIX rename locally, `posix-rename@openssh.com` on a server); without it, an
    /// existing `to` is an [`Error::AlreadyExists`].
    async fn rename(&self, from: &FsPath, to: &FsPath, overwrite: bool) -> Result<()>;
    /// Sets the permission bits (`0o7777` mask).
    async fn chmod(&self, path: &FsPath, mode: u32) -> Result<()>;
    async fn set_mtime(&self, path: &FsPath, mtime: SystemTime) -> Result<()>;
    async fn read_link(&self, path: &FsPath) -> Result<FsPath>;
    /// Creates a symlink at `link` pointing at `target`.
    async fn symlink(&self, target: &FsPath, link: &FsPath) -> Result<()>;
    /// The absolute, resolved form of `path`.
    async fn canonicalize(&self, path: &FsPath) -> Result<FsPath>;
    /// The login's home folder (the start folder when none is given).
    async fn home(&self) -> Result<FsPath>;
    /// Free space where the side can tell (`None` when it cannot).
    async fn free_space(&self, path: &FsPath) -> Result<Option<FreeSpace>>;
}

/// Lists `dir` without following symlinks (for walks that must never leave the tree).
async fn list_unresolved(fs: &dyn FileSystem, dir: &FsPath) -> Result<Listing> {
    fs.list(
        dir,
        ListOptions {
            resolve_links: false,
            ..Default::default()
        },
    )
    .await
}

/// Sets `mode` on `path` and, with `recursive`, on everything inside it (symlinks are skipped,
/// never followed). Returns how many entries were changed.
pub async fn chmod_tree(
    fs: &dyn FileSystem,
    path: &FsPath,
    mode: u32,
    recursive: bool,
) -> Result<u64> {
    let top = fs.lstat(path).await?;
    if top.kind == Kind::Symlink {
        return Ok(0);
    }
    fs.chmod(path, mode).await?;
    let mut changed = 1;
    if !recursive || top.kind != Kind::Dir {
        return Ok(changed);
    }
    let mut dirs = vec![path.clone()];
    while let Some(dir) = dirs.pop() {
        let listing = list_unresolved(fs, &dir).await?;
        for e in listing.entries.into_iter().filter(|e| e.exact) {
            if e.kind == Kind::Symlink {
                continue;
            }
            let child = dir.join(&e.name)?;
            fs.chmod(&child, mode).await?;
            changed += 1;
            if e.kind == Kind::Dir {
                dirs.push(child);
            }
        }
    }
    Ok(changed)
}

/// Deletes `path` and, for a directory, everything in it. Symlinks are removed, never followed, so
/// a link to a folder elsewhere deletes the link only. Names the listing refused stay (and the
/// folder then cannot be removed: the error says so).
pub async fn remove_recursive(fs: &dyn FileSystem, path: &FsPath) -> Result<()> {
    let top = fs.lstat(path).await?;
    if top.kind != Kind::Dir {
        return fs.remove_file(path).await;
    }
    // Depth-first with an explicit stack: (dir, listed?) so deep trees do not recurse on the stack.
    let mut stack = vec![(path.clone(), false)];
    while let Some((dir, listed)) = stack.pop() {
        if listed {
            fs.rmdir(&dir).await?;
            continue;
        }
        stack.push((dir.clone(), true));
        let listing = list_unresolved(fs, &dir).await?;
        if let Some(bad) = listing.refused.first() {
            return Err(Error::UnsafeName {
                name: bad.name.clone(),
                why: bad.why,
            });
        }
        for e in listing.entries {
            if !e.exact {
                return Err(Error::InexactName { name: e.display });
            }
            let child = dir.join(&e.name)?;
            if e.kind == Kind::Dir {
                stack.push((child, false));
            } else {
                fs.remove_file(&child).await?;
            }
        }
    }
    Ok(())
}
