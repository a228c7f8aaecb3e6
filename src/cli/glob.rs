//! Globs on the command line, matched here rather than by a shell (which cannot see the server):
//! a pattern (`*`, `?`, `[…]`) in the last part of a remote path selects from its folder's listing,
//! as OpenSSH's `sftp` does, by the engine's one glob rule (`fs::glob::Pattern`: names starting
//! with '.' match only a pattern that starts with '.'), and only names the engine accepted are
//! ever acted on. `ls`, `get` and every command that takes remote paths use this one module.

use ferry_engine::error::{Error, Result};
use ferry_engine::fs::entry::{Entry, NameFilter};
use ferry_engine::fs::glob::Pattern;
use ferry_engine::fs::path::FsPath;
use ferry_engine::fs::{FileSystem, ListOptions};

/// A path whose last part is a pattern: the folder to list and what to keep.
pub struct Glob {
    pub dir: FsPath,
    pattern: Pattern,
}

impl Glob {
    /// `Some` when the last part of `path` is a pattern.
    pub fn of(path: &FsPath) -> Result<Option<Glob>> {
        let (Some(name), Some(dir)) = (path.file_name(), path.parent()) else {
            return Ok(None);
        };
        let name = String::from_utf8_lossy(name);
        if !NameFilter::is_pattern(&name) {
            return Ok(None);
        }
        Ok(Some(Glob {
            dir,
            pattern: Pattern::new(&name)?,
        }))
    }

    /// True when `entry` (from a listing of [`Glob::dir`]) is selected; `all` takes hidden names
    /// too (`ls -a`).
    pub fn matches(&self, entry: &Entry, all: bool) -> bool {
        self.pattern.matches(entry, all)
    }
}

/// Lists `dir`, saying on stderr which names the server sent that were left out.
pub async fn list(fs: &dyn FileSystem, dir: &FsPath, opts: ListOptions) -> Result<Vec<Entry>> {
    let listing = fs.list(dir, opts).await?;
    for r in &listing.refused {
        eprintln!(
            "ferry: warning: skipped a name from the server: \"{}\" is {}",
            r.name, r.why
        );
    }
    if listing.refused_count > listing.refused.len() {
        eprintln!(
            "ferry: warning: {} names from the server were skipped in all",
            listing.refused_count
        );
    }
    for d in &listing.duplicates {
        eprintln!("ferry: warning: the server listed \"{d}\" more than once; showing the first");
    }
    Ok(listing.entries)
}

/// The paths `path` names: itself, or for a pattern every match in its folder (sorted; none is
/// "No such file"). Links are not resolved: a command acts on what the listing shows.
pub async fn expand(fs: &dyn FileSystem, path: &FsPath) -> Result<Vec<FsPath>> {
    let Some(glob) = Glob::of(path)? else {
        return Ok(vec![path.clone()]);
    };
    let opts = ListOptions {
        resolve_links: false,
        ..ListOptions::default()
    };
    let mut found: Vec<FsPath> = list(fs, &glob.dir, opts)
        .await?
        .iter()
        // A name decoded lossily is shown by `ls`, never acted on.
        .filter(|e| e.exact && glob.matches(e, false))
        .filter_map(|e| glob.dir.join(&e.name).ok())
        .collect();
    found.sort();
    if found.is_empty() {
        return Err(Error::NotFound {
            path: path.to_string(),
        });
    }
    Ok(found)
}
