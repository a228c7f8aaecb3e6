//! Listing a whole tree for a sync: folders listed with many listings in flight at once (each
//! listing's OPENDIR, READDIRs and CLOSE overlap with the others', so a tree of a thousand
//! folders costs a few dozen round trips, not a thousand), links never followed, and only names
//! the listing accepted (`fs::name`) and listed exactly kept.
//!
//! What cannot be seen exactly (a refused or inexact name, a folder that could not be listed,
//! anything the filter leaves out) is recorded so that the plan never deletes it or the folders
//! above it.

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::time::SystemTime;

use futures::StreamExt;
use futures::stream::FuturesUnordered;

use crate::error::{Error, Result};
use crate::fs::entry::{Entry, Kind};
use crate::fs::path::FsPath;
use crate::fs::{FileSystem, ListOptions, Listing};
use crate::sync::filter::{Filter, Verdict};

/// One entry of a tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub kind: Kind,
    pub size: u64,
    pub mtime: Option<SystemTime>,
    pub perms: Option<u32>,
}

impl Item {
    fn of(e: &Entry) -> Item {
        Item {
            kind: e.kind,
            size: e.size.unwrap_or(0),
            mtime: e.mtime,
            perms: e.perms,
        }
    }

    /// Files and links: what a delete counts.
    pub fn is_file_like(&self) -> bool {
        self.kind != Kind::Dir
    }
}

/// A tree as listed: every entry that counts, by its path from the top ('/'-separated bytes).
#[derive(Debug, Default)]
pub struct Tree {
    pub items: BTreeMap<Vec<u8>, Item>,
    /// Folders holding something that was not listed or not counted (and so all folders above
    /// them): never deleted as a whole.
    pub held: HashSet<Vec<u8>>,
    /// Folders whose listing failed: what the other side has in them is not known to be extra.
    pub unlisted: HashSet<Vec<u8>>,
    /// What could not be listed or used, each with why.
    pub problems: Vec<Error>,
    /// The top folder does not exist (yet).
    pub missing: bool,
}

impl Tree {
    /// Files (and links) that count.
    pub fn files(&self) -> u64 {
        self.items.values().filter(|i| i.is_file_like()).count() as u64
    }

    fn hold(&mut self, rel: &[u8]) {
        let mut at = rel;
        loop {
            if !self.held.insert(at.to_vec()) {
                return; // and all above it, already
            }
            match at.iter().rposition(|b| *b == b'/') {
                Some(i) => at = &at[..i],
                None if at.is_empty() => return,
                None => at = b"",
            }
        }
    }
}

/// Listings in flight on a server: well under the 128 handles russh-sftp can tell apart.
pub const REMOTE_IN_FLIGHT: usize = 32;
/// Listings in flight on the local disk (each one a thread of the blocking pool).
pub const LOCAL_IN_FLIGHT: usize = 8;

/// `rel` below `top`, as '/'-separated bytes.
pub fn child_rel(rel: &[u8], name: &[u8]) -> Vec<u8> {
    if rel.is_empty() {
        name.to_vec()
    } else {
        [rel, b"/", name].concat()
    }
}

/// `root` joined with `rel`, each part checked as a name.
pub fn at(root: &FsPath, rel: &[u8]) -> Result<FsPath> {
    rel.split(|b| *b == b'/')
        .filter(|c| !c.is_empty())
        .try_fold(root.clone(), |p, c| p.join(c))
}

/// Lists the tree under `root` on `fs`, `in_flight` folders at once. A `root` that does not
/// exist is an empty tree marked [`Tree::missing`]; one that is not a folder, or whose own
/// listing fails, is an error.
pub async fn list_tree(
    fs: &dyn FileSystem,
    root: &FsPath,
    filter: &Filter,
    in_flight: usize,
) -> Result<Tree> {
    let mut tree = Tree::default();
    match fs.stat(root).await {
        Ok(e) if e.kind == Kind::Dir => {}
        Ok(_) => {
            return Err(Error::Io {
                path: root.to_string(),
                detail: "not a folder".into(),
            });
        }
        Err(Error::NotFound { .. }) => {
            tree.missing = true;
            return Ok(tree);
        }
        Err(e) => return Err(e),
    }
    let mut waiting: VecDeque<(Vec<u8>, FsPath)> = VecDeque::from([(Vec::new(), root.clone())]);
    let mut running = FuturesUnordered::new();
    loop {
        while running.len() < in_flight.max(1) {
            let Some((rel, path)) = waiting.pop_front() else {
                break;
            };
            running.push(async move {
                let opts = ListOptions {
                    resolve_links: false,
                    ..ListOptions::default()
                };
                let listing = fs.list(&path, opts).await;
                (rel, path, listing)
            });
        }
        let Some((rel, path, listing)) = running.next().await else {
            break;
        };
        match listing {
            Ok(listing) => take(&mut tree, filter, &rel, &path, listing, &mut waiting),
            Err(e) if rel.is_empty() => return Err(e),
            Err(e) => {
                tree.problems.push(e);
                tree.unlisted.insert(rel.clone());
                tree.hold(&rel);
            }
        }
    }
    Ok(tree)
}

/// Takes one folder's listing into `tree`, queueing its folders.
fn take(
    tree: &mut Tree,
    filter: &Filter,
    rel: &[u8],
    path: &FsPath,
    listing: Listing,
    waiting: &mut VecDeque<(Vec<u8>, FsPath)>,
) {
    for r in &listing.refused {
        tree.problems.push(Error::UnsafeName {
            name: r.name.clone(),
            why: r.why,
        });
    }
    if listing.refused_count > 0 {
        tree.hold(rel);
    }
    for e in listing.entries {
        if !e.exact {
            tree.problems.push(Error::InexactName { name: e.display });
            tree.hold(rel);
            continue;
        }
        let child = child_rel(rel, &e.name);
        match filter.judge(&child, &e) {
            Verdict::Keep => {}
            Verdict::Leave => {
                tree.hold(rel);
                continue;
            }
            Verdict::Ignore => continue,
        }
        if e.kind == Kind::Dir {
            match path.join(&e.name) {
                Ok(p) => waiting.push_back((child.clone(), p)),
                Err(err) => {
                    tree.problems.push(err);
                    tree.hold(rel);
                    continue;
                }
            }
        }
        tree.items.insert(child, Item::of(&e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::local::{LocalFs, from_local};

    /// Folders are walked, a link to a folder is an entry and never entered, a left-out name
    /// holds its folders, partial files are not there at all.
    #[tokio::test]
    async fn lists_without_following_links() {
        let tmp = tempfile::tempdir().unwrap();
        let outside = tmp.path().join("outside");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("o"), b"o").unwrap();
        let top = tmp.path().join("top");
        std::fs::create_dir_all(top.join("a/b")).unwrap();
        std::fs::write(top.join("a/b/f"), b"123").unwrap();
        std::fs::write(top.join("a/.hidden"), b"h").unwrap();
        std::fs::write(top.join("a/f.ferrypart"), b"p").unwrap();
        std::os::unix::fs::symlink(&outside, top.join("link")).unwrap();
        let filter = Filter::new(&[], &[], false).unwrap();
        let t = list_tree(&LocalFs, &from_local(&top), &filter, 2)
            .await
            .unwrap();
        let names: Vec<&[u8]> = t.items.keys().map(|k| k.as_slice()).collect();
        assert_eq!(names, [&b"a"[..], b"a/b", b"a/b/f", b"link"]);
        assert_eq!(t.items[&b"a/b/f".to_vec()].size, 3);
        assert_eq!(t.items[&b"link".to_vec()].kind, Kind::Symlink);
        assert!(t.held.contains(b"a".as_slice()) && t.held.contains(&Vec::new()));
        assert!(!t.held.contains(b"a/b".as_slice()));
        assert!(t.problems.is_empty(), "{:?}", t.problems);
        let gone = list_tree(&LocalFs, &from_local(&tmp.path().join("no")), &filter, 2)
            .await
            .unwrap();
        assert!(gone.missing && gone.items.is_empty());
    }
}
