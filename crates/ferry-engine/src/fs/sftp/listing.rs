//! Listing a server's folder: bounded (every entry the server sends counts against the cap, the
//! memory and the time a listing may take), each name checked before it becomes an entry (refused
//! names recorded, dot entries dropped), repeats dropped, links resolved on request. A folder with a
//! name that is not UTF-8 is listed again over the byte client, which gets every name exactly.

use futures::StreamExt;
use russh_sftp::client::error::Error as SftpError;
use russh_sftp::protocol::StatusCode;

use crate::error::Result;
use crate::fs::entry::{Entry, Kind};
use crate::fs::name::classify;
use crate::fs::path::FsPath;
use crate::fs::sftp::SftpFs;
use crate::fs::sftp::reply::{entry_from, entry_from_bytes, exact};
use crate::fs::{FileSystem, ListBudget, ListOptions, Listing};

impl SftpFs {
    /// [`FileSystem::list_partial`]: over the raw session, and again over the byte client when a
    /// name came back lossily decoded (or at once, when `dir` itself is not UTF-8).
    pub(super) async fn listing(&self, dir: &FsPath, opts: ListOptions) -> Result<Listing> {
        let Ok(wire) = dir.to_wire() else {
            let listing = self.list_bytes(dir, opts).await?;
            return Ok(self.finish_listing(dir, listing, opts).await);
        };
        let handle = self.raw.opendir(wire).await.map_err(self.err(dir))?.handle;
        let mut listing = Listing::default();
        let mut budget = ListBudget::new(opts);
        let read = async {
            loop {
                let batch = match self.raw.readdir(handle.as_str()).await {
                    Ok(b) => b,
                    Err(SftpError::Status(s)) if s.status_code == StatusCode::Eof => return Ok(()),
                    Err(e) => return Err(self.err(dir)(e)),
                };
                if batch.files.is_empty() {
                    // A server that answers with empty batches forever is not making progress.
                    return Ok(());
                }
                for f in batch.files {
                    // Every entry sent counts, kept or not: refused names and endless `.`
                    // entries must not get past the cap either.
                    let held = f.filename.len() * 2 + f.longname.len().min(64);
                    if let Some(cut) = budget.take(held) {
                        listing.cut = Some(cut);
                        return Ok(());
                    }
                    if let Some(entry) = self.keep(&mut listing, f.filename.as_bytes(), |name| {
                        entry_from_bytes(name, &f.longname, &f.attrs)
                    }) {
                        listing.entries.push(entry);
                    }
                }
                if let Some(cut) = budget.out_of_time() {
                    listing.cut = Some(cut);
                    return Ok(());
                }
            }
        };
        let result = read.await;
        let _ = self.raw.close(handle).await;
        result?;
        // A name russh-sftp decoded lossily (a U+FFFD in it): the folder is listed again over
        // the byte client, which gets every name exactly.
        if listing.entries.iter().any(|e| !e.exact) {
            tracing::debug!("{}: {dir} holds names that are not UTF-8", self.host);
            match self.list_bytes(dir, opts).await {
                Ok(exact) => listing = exact,
                // A server that allows no second channel: the names stay marked inexact, as
                // they were before the byte client existed, and are not acted on.
                Err(e) => tracing::info!("{}: could not list {dir} exactly: {e}", self.host),
            }
        }
        Ok(self.finish_listing(dir, listing, opts).await)
    }

    /// Lists `dir` over the byte client: every name exactly as the server holds it.
    async fn list_bytes(&self, dir: &FsPath, opts: ListOptions) -> Result<Listing> {
        let b = self.bytes().await?;
        let handle = b.opendir(dir.as_bytes()).await.map_err(self.err(dir))?;
        let mut listing = Listing::default();
        let mut budget = ListBudget::new(opts);
        let read = async {
            loop {
                let batch = match b.readdir(&handle).await {
                    Ok(b) => b,
                    Err(SftpError::Status(s)) if s.status_code == StatusCode::Eof => return Ok(()),
                    Err(e) => return Err(self.err(dir)(e)),
                };
                if batch.is_empty() {
                    return Ok(());
                }
                for f in batch {
                    if let Some(cut) = budget.take(f.name.len() * 2 + f.longname.len().min(64)) {
                        listing.cut = Some(cut);
                        return Ok(());
                    }
                    if let Some(entry) = self.keep(&mut listing, &f.name, |name| {
                        entry_from_bytes(name, &String::from_utf8_lossy(&f.longname), &f.attrs)
                    }) {
                        listing.entries.push(exact(entry));
                    }
                }
                if let Some(cut) = budget.out_of_time() {
                    listing.cut = Some(cut);
                    return Ok(());
                }
            }
        };
        let result = read.await;
        let _ = b.close(&handle).await;
        result.map(|()| listing)
    }

    /// What every listing does once its names are in: duplicates dropped, links resolved.
    async fn finish_listing(
        &self,
        dir: &FsPath,
        mut listing: Listing,
        opts: ListOptions,
    ) -> Listing {
        listing.drop_duplicates();
        if listing.duplicate_count > 0 {
            tracing::debug!(
                "{}: {dir} named {} entries more than once; the first of each was kept",
                self.host,
                listing.duplicate_count
            );
        }
        self.name_owners(&mut listing.entries).await;
        if !opts.resolve_links {
            return listing;
        }
        let links: Vec<usize> = (0..listing.entries.len())
            .filter(|i| listing.entries[*i].kind == Kind::Symlink && listing.entries[*i].exact)
            .collect();
        let resolved: Vec<(usize, Option<Kind>, Option<String>)> = futures::stream::iter(links)
            .map(|i| {
                let path = dir.join(&listing.entries[i].name).ok();
                async move {
                    let Some(path) = path else {
                        return (i, None, None);
                    };
                    let Ok(wire) = path.to_wire() else {
                        let (st, rl) = tokio::join!(self.attrs(&path, true), self.read_link(&path));
                        let kind = st.ok().map(|a| entry_from("x", "", &a).kind);
                        return (i, kind, rl.ok().map(|p| p.to_string()));
                    };
                    let (st, rl) =
                        tokio::join!(self.raw.stat(wire.clone()), self.raw.readlink(wire));
                    let kind = st.ok().map(|a| entry_from("x", "", &a.attrs).kind);
                    let target = rl
                        .ok()
                        .and_then(|n| n.files.into_iter().next())
                        .map(|f| f.filename);
                    (i, kind, target)
                }
            })
            .buffer_unordered(32)
            .collect()
            .await;
        for (i, kind, target) in resolved {
            listing.entries[i].target_kind = kind;
            listing.entries[i].link_target = target;
        }
        listing
    }

    /// The entry for a name a listing sent, or `None` when the name is refused (recorded) or a
    /// dot entry.
    fn keep(
        &self,
        listing: &mut Listing,
        name: &[u8],
        entry: impl FnOnce(&[u8]) -> Entry,
    ) -> Option<Entry> {
        if let Some(why) = classify(name) {
            if why != crate::fs::name::BadName::Dot {
                tracing::debug!(
                    "{}: refused a name from the server: {}",
                    self.host,
                    why.describe()
                );
                listing.refuse(crate::fs::name::display_bytes(name), why.describe());
            }
            return None;
        }
        Some(entry(name))
    }
}
