//! Deleting a folder and everything in it with many requests in flight (`rm -r`, the window's
//! Delete): folders are listed, their files and links removed and the emptied folders removed,
//! all at once up to a window of requests, instead of one round trip after another.
//!
//! A symlink is removed as a link, never followed (a link to a folder elsewhere leaves that folder
//! alone), and only names a listing gave and `fs::name` accepted are joined onto the folder being
//! emptied, so nothing outside the given path is touched. A failure does not stop the rest: each
//! one is reported, and the folders that hold what failed stay (without an rmdir sent for them).

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;

use futures::StreamExt;
use futures::stream::FuturesUnordered;

use crate::error::{Error, Result};
use crate::fs::entry::Kind;
use crate::fs::path::FsPath;
use crate::fs::{FileSystem, ListOptions, Listing};

/// Requests in flight by default: as many as OpenSSH's `sftp` keeps for a transfer.
pub const IN_FLIGHT: usize = 64;

/// What a tree delete did.
#[derive(Debug, Default)]
pub struct Removed {
    /// Files and links removed.
    pub files: u64,
    /// Folders removed.
    pub dirs: u64,
    /// What could not be removed (or listed), each with why; the folders above stay as well.
    pub failed: Vec<Error>,
}

/// A folder of the tree: how many of its entries are still to go.
struct Node {
    path: FsPath,
    parent: Option<usize>,
    pending: usize,
    listed: bool,
    /// Something in it stays, so it cannot be removed.
    keep: bool,
}

enum Done {
    Listed(usize, Result<Listing>),
    Removed(usize, Result<()>),
    Rmdir(usize, Result<()>),
}

type Op<'a> = Pin<Box<dyn Future<Output = Done> + Send + 'a>>;

/// Deletes `path` and, for a folder, everything in it, with up to `in_flight` requests at once.
/// An error only when `path` itself cannot be looked at; everything else is in [`Removed`].
pub async fn remove_tree(fs: &dyn FileSystem, path: &FsPath, in_flight: usize) -> Result<Removed> {
    let top = fs.lstat(path).await?;
    let mut out = Removed::default();
    if top.kind != Kind::Dir {
        match fs.remove_file(path).await {
            Ok(()) => out.files = 1,
            Err(e) => out.failed.push(e),
        }
        return Ok(out);
    }
    let mut nodes = vec![Node {
        path: path.clone(),
        parent: None,
        pending: 0,
        listed: false,
        keep: false,
    }];
    // Removals go first (they free what the listings hold); listings fill the rest of the window.
    let mut removals: VecDeque<Op<'_>> = VecDeque::new();
    let mut listings: VecDeque<Op<'_>> = VecDeque::from([list(fs, 0, path.clone())]);
    let mut running = FuturesUnordered::new();
    let in_flight = in_flight.max(1);
    loop {
        while running.len() < in_flight {
            match removals.pop_front().or_else(|| listings.pop_front()) {
                Some(op) => running.push(op),
                None => break,
            }
        }
        let Some(done) = running.next().await else {
            break;
        };
        // The folder whose count of entries to go has changed.
        let settle = match done {
            Done::Listed(n, Ok(listing)) => {
                nodes[n].listed = true;
                if let Some(bad) = listing.refused.first() {
                    // A name the listing refused cannot be removed, so its folder stays.
                    out.failed.push(Error::UnsafeName {
                        name: bad.name.clone(),
                        why: bad.why,
                    });
                    nodes[n].keep = true;
                }
                for e in listing.entries {
                    if !e.exact {
                        out.failed.push(Error::InexactName { name: e.display });
                        nodes[n].keep = true;
                        continue;
                    }
                    let child = match nodes[n].path.join(&e.name) {
                        Ok(c) => c,
                        Err(err) => {
                            out.failed.push(err);
                            nodes[n].keep = true;
                            continue;
                        }
                    };
                    nodes[n].pending += 1;
                    if e.kind == Kind::Dir {
                        nodes.push(Node {
                            path: child.clone(),
                            parent: Some(n),
                            pending: 0,
                            listed: false,
                            keep: false,
                        });
                        listings.push_back(list(fs, nodes.len() - 1, child));
                    } else {
                        removals.push_back(remove(fs, n, child));
                    }
                }
                Some(n)
            }
            Done::Listed(n, Err(e)) => {
                out.failed.push(e);
                nodes[n].listed = true;
                nodes[n].keep = true;
                Some(n)
            }
            Done::Removed(parent, result) => {
                match result {
                    Ok(()) => out.files += 1,
                    Err(e) => {
                        out.failed.push(e);
                        nodes[parent].keep = true;
                    }
                }
                nodes[parent].pending -= 1;
                Some(parent)
            }
            Done::Rmdir(n, result) => {
                let parent = nodes[n].parent;
                match result {
                    Ok(()) => out.dirs += 1,
                    Err(e) => {
                        out.failed.push(e);
                        if let Some(p) = parent {
                            nodes[p].keep = true;
                        }
                    }
                }
                if let Some(p) = parent {
                    nodes[p].pending -= 1;
                }
                parent
            }
        };
        // A folder listed and emptied is removed; one that keeps something counts as done for
        // its parent, which then keeps it too (no rmdir that can only fail).
        let mut at = settle;
        while let Some(n) = at {
            let node = &nodes[n];
            if !node.listed || node.pending > 0 {
                break;
            }
            if !node.keep {
                removals.push_back(rmdir(fs, n, node.path.clone()));
                break;
            }
            at = node.parent;
            if let Some(p) = at {
                nodes[p].keep = true;
                nodes[p].pending -= 1;
            }
        }
    }
    Ok(out)
}

fn list(fs: &dyn FileSystem, n: usize, dir: FsPath) -> Op<'_> {
    Box::pin(async move {
        let opts = ListOptions {
            resolve_links: false,
            ..ListOptions::default()
        };
        Done::Listed(n, fs.list(&dir, opts).await)
    })
}

fn remove(fs: &dyn FileSystem, parent: usize, path: FsPath) -> Op<'_> {
    Box::pin(async move { Done::Removed(parent, fs.remove_file(&path).await) })
}

fn rmdir(fs: &dyn FileSystem, n: usize, path: FsPath) -> Op<'_> {
    Box::pin(async move { Done::Rmdir(n, fs.rmdir(&path).await) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::local::{LocalFs, from_local};

    /// A tree with a link to a folder outside it: the tree goes, the link goes, the outside stays.
    #[tokio::test]
    async fn removes_a_tree_but_not_what_a_link_points_at() {
        let tmp = tempfile::tempdir().unwrap();
        let outside = tmp.path().join("outside");
        std::fs::create_dir(&outside).unwrap();
        std::fs::write(outside.join("keep.txt"), b"keep").unwrap();
        let tree = tmp.path().join("tree");
        for d in ["a/b/c", "a/d", "e"] {
            std::fs::create_dir_all(tree.join(d)).unwrap();
        }
        for (i, f) in ["a/1", "a/b/2", "a/b/c/3", "a/d/4", "5"].iter().enumerate() {
            std::fs::write(tree.join(f), vec![b'x'; i]).unwrap();
        }
        std::os::unix::fs::symlink(&outside, tree.join("a/link")).unwrap();
        let r = remove_tree(&LocalFs, &from_local(&tree), 4).await.unwrap();
        assert!(r.failed.is_empty(), "{:?}", r.failed);
        assert_eq!((r.files, r.dirs), (6, 6));
        assert!(!tree.exists());
        assert_eq!(std::fs::read(outside.join("keep.txt")).unwrap(), b"keep");
    }

    /// What cannot be removed is reported, it and the folders above stay, the rest goes.
    #[tokio::test]
    async fn a_failure_keeps_its_folders_and_the_rest_goes() {
        use std::os::unix::fs::PermissionsExt;
        if unsafe { libc::geteuid() } == 0 {
            return; // root removes from a read-only folder anyway
        }
        let tmp = tempfile::tempdir().unwrap();
        let tree = tmp.path().join("tree");
        std::fs::create_dir_all(tree.join("locked")).unwrap();
        std::fs::create_dir_all(tree.join("free/deeper")).unwrap();
        std::fs::write(tree.join("locked/f"), b"f").unwrap();
        std::fs::write(tree.join("free/deeper/g"), b"g").unwrap();
        let locked = tree.join("locked");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        let r = remove_tree(&LocalFs, &from_local(&tree), 8).await.unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(r.failed.len(), 1, "{:?}", r.failed);
        assert!(
            r.failed[0].to_string().contains("locked/f"),
            "{}",
            r.failed[0]
        );
        assert!(locked.join("f").exists());
        assert!(!tree.join("free").exists());
    }
}
