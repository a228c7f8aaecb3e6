//! `FileSystem`: the one async interface both panes and the transfer engine use, implemented by
//! `LocalFs` (the local disk) and `SftpFs` (a server). Paths are [`FsPath`] on both sides.
//!
//! Listings are bounded by entries, memory and time ([`ListOptions`]: every entry a server sends
//! counts, refused ones and `.`/`..` included), and come back with the names that were refused
//! and the duplicates that were dropped, so a caller can warn about a hostile or broken server
//! without ever acting on those names. [`FileSystem::list`] treats a listing that was cut short as
//! an error (a transfer or a delete must not take part of a folder for all of it);
//! [`FileSystem::list_partial`] hands back what arrived, for a pane that shows it with a note.

pub mod atomic;
pub mod entry;
pub mod glob;
pub mod local;
pub mod name;
pub mod path;
pub mod remove;
pub mod sftp;

use std::time::{Duration, Instant, SystemTime};

use async_trait::async_trait;

use crate::error::{Error, Result, Side};
use crate::fs::entry::{Entry, Kind};
use crate::fs::path::FsPath;

/// The default listing cap: large enough for any folder a person browses, small enough that a
/// hostile endless listing stops long before memory runs out.
pub const DEFAULT_LIST_CAP: usize = 1_000_000;

/// The memory one listing may hold (its entries as Ferry keeps them, about 250 bytes each for
/// ordinary names): a few hundred thousand names fit; an endless or bloated listing stops here
/// instead of taking the machine's memory (a million entries once took 325 MiB).
pub const DEFAULT_LIST_BYTES: u64 = 128 << 20;

/// How long one listing may take: a folder of 100,000 names over a 40 ms link lists well within
/// it; a server that trickles names forever does not hold the window or a job for longer.
pub const DEFAULT_LIST_TIME: Duration = Duration::from_secs(120);

/// Refused names and duplicates kept, each, for the person to see (all are counted).
pub const KEPT_ODD_NAMES: usize = 100;

#[derive(Debug, Clone, Copy)]
pub struct ListOptions {
    /// Stop past this many entries sent (see [`ListCut::Entries`]).
    pub cap: usize,
    /// Stop once the entries held take about this much memory.
    pub max_bytes: u64,
    /// Stop once listing has taken this long.
    pub max_time: Duration,
    /// Resolve what each symlink points at (one extra request per link on a server).
    pub resolve_links: bool,
}

impl Default for ListOptions {
    fn default() -> Self {
        ListOptions {
            cap: DEFAULT_LIST_CAP,
            max_bytes: DEFAULT_LIST_BYTES,
            max_time: DEFAULT_LIST_TIME,
            resolve_links: true,
        }
    }
}

/// Why a listing stopped before the folder's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListCut {
    /// More entries than the cap (every entry sent counts).
    Entries(usize),
    /// The entries held reached this many bytes.
    Bytes(u64),
    /// Listing took longer than this.
    Time(Duration),
}

impl ListCut {
    /// The error a caller that needs the whole folder reports.
    pub fn error(self, dir: &FsPath) -> Error {
        let path = dir.to_string();
        match self {
            ListCut::Entries(cap) => Error::ListingTooLarge { path, cap },
            ListCut::Bytes(b) => Error::ListingTooBig {
                path,
                mib: b.div_ceil(1 << 20),
            },
            ListCut::Time(t) => Error::ListingTooSlow {
                path,
                secs: t.as_secs().max(1),
            },
        }
    }
}

/// Counts what a listing has taken so far against its [`ListOptions`].
#[derive(Debug)]
pub struct ListBudget {
    opts: ListOptions,
    started: Instant,
    sent: usize,
    bytes: u64,
}

impl ListBudget {
    pub fn new(opts: ListOptions) -> ListBudget {
        ListBudget {
            opts,
            started: Instant::now(),
            sent: 0,
            bytes: 0,
        }
    }

    /// One more entry sent (whether kept or not), holding about `bytes`; the cut it makes, if any.
    pub fn take(&mut self, bytes: usize) -> Option<ListCut> {
        self.sent += 1;
        self.bytes = self
            .bytes
            .saturating_add((bytes + std::mem::size_of::<Entry>()) as u64);
        if self.sent > self.opts.cap {
            Some(ListCut::Entries(self.opts.cap))
        } else if self.bytes > self.opts.max_bytes {
            Some(ListCut::Bytes(self.opts.max_bytes))
        } else {
            None
        }
    }

    /// The time cut, once listing has taken too long.
    pub fn out_of_time(&self) -> Option<ListCut> {
        (self.started.elapsed() > self.opts.max_time).then_some(ListCut::Time(self.opts.max_time))
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
    /// The first [`KEPT_ODD_NAMES`] names refused (`refused_count` says how many in all).
    pub refused: Vec<RefusedName>,
    pub refused_count: usize,
    /// Names the server sent more than once (the first entry is kept), escaped for display; the
    /// first [`KEPT_ODD_NAMES`] of `duplicate_count`.
    pub duplicates: Vec<String>,
    pub duplicate_count: usize,
    /// Set when the listing stopped before the folder's end: `entries` is what arrived.
    pub cut: Option<ListCut>,
}

impl Listing {
    /// Records a refused name (kept only while fewer than [`KEPT_ODD_NAMES`] are).
    pub fn refuse(&mut self, name: String, why: &'static str) {
        self.refused_count += 1;
        if self.refused.len() < KEPT_ODD_NAMES {
            self.refused.push(RefusedName { name, why });
        }
    }

    /// Drops every entry whose name an earlier one already had, keeping the first (servers have
    /// been seen to send one name as a file and again as a folder: acting on both would write
    /// one over the other).
    pub fn drop_duplicates(&mut self) {
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        order.sort_by(|a, b| self.entries[*a].name.cmp(&self.entries[*b].name));
        let mut dup = vec![false; self.entries.len()];
        for w in order.windows(2) {
            // Names a lossy decoder mangled can look alike and still be two files: those are
            // kept (they are marked inexact and never acted on).
            let (a, b) = (&self.entries[w[0]], &self.entries[w[1]]);
            if a.exact && b.exact && a.name == b.name {
                // Stable sort: the later index of two equal names is the repeat.
                dup[w[1]] = true;
            }
        }
        if !dup.contains(&true) {
            return;
        }
        let entries = std::mem::take(&mut self.entries);
        for (i, e) in entries.into_iter().enumerate() {
            if dup[i] {
                self.duplicate_count += 1;
                if self.duplicates.len() < KEPT_ODD_NAMES && !self.duplicates.contains(&e.display) {
                    self.duplicates.push(e.display);
                }
            } else {
                self.entries.push(e);
            }
        }
    }
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

    /// The entries of a directory, without `.` and `..`; unsafe names refused; an error when the
    /// listing was cut short (see the module header).
    async fn list(&self, dir: &FsPath, opts: ListOptions) -> Result<Listing> {
        let listing = self.list_partial(dir, opts).await?;
        match listing.cut {
            Some(cut) => Err(cut.error(dir)),
            None => Ok(listing),
        }
    }
    /// As [`FileSystem::list`], but a listing cut short is returned with what arrived and
    /// [`Listing::cut`] set.
    async fn list_partial(&self, dir: &FsPath, opts: ListOptions) -> Result<Listing>;
    /// Attributes of `path`, following a final symlink.
    async fn stat(&self, path: &FsPath) -> Result<Entry>;
    /// Attributes of `path` itself (a symlink is reported as one).
    async fn lstat(&self, path: &FsPath) -> Result<Entry>;
    /// Creates a folder with the usual mode (`0o777`, less the umask where one applies).
    async fn mkdir(&self, path: &FsPath) -> Result<()> {
        self.mkdir_mode(path, 0o777).await
    }
    /// Creates a folder asking for `mode` (less the umask, locally or on the server): a copied
    /// folder is never more permissive than its source.
    async fn mkdir_mode(&self, path: &FsPath, mode: u32) -> Result<()>;
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
    chmod_tree_with(fs, path, recursive, &|_, _| mode).await
}

/// As [`chmod_tree`], with each entry's new mode worked out from its permission bits and kind
/// (`chmod u+x`): `mode_of(perms, kind)`, `perms` the entry's bits as listed (`0o7777` mask, 0
/// when the server sent none).
pub async fn chmod_tree_with(
    fs: &dyn FileSystem,
    path: &FsPath,
    recursive: bool,
    mode_of: &(dyn Fn(u32, Kind) -> u32 + Sync),
) -> Result<u64> {
    let perms = |e: &Entry| e.perms.unwrap_or(0) & 0o7777;
    let top = fs.lstat(path).await?;
    if top.kind == Kind::Symlink {
        return Ok(0);
    }
    fs.chmod(path, mode_of(perms(&top), top.kind)).await?;
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
            fs.chmod(&child, mode_of(perms(&e), e.kind)).await?;
            changed += 1;
            if e.kind == Kind::Dir {
                dirs.push(child);
            }
        }
    }
    Ok(changed)
}

/// Deletes `path` and, for a directory, everything in it, many requests at once
/// ([`remove::remove_tree`]). Symlinks are removed, never followed, so a link to a folder elsewhere
/// deletes the link only. Names the listing refused stay (and the folder then cannot be removed:
/// the error says so). The first failure is the error; the rest of the tree is still removed.
pub async fn remove_recursive(fs: &dyn FileSystem, path: &FsPath) -> Result<()> {
    let removed = remove::remove_tree(fs, path, remove::IN_FLIGHT).await?;
    match removed.failed.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}
