//! The jail: turns the paths a demo client sends into paths inside the served folder, never outside.
//!
//! A client path is resolved lexically first (`/` is the served folder, `..` stops there, a relative
//! path starts there too), then checked against the real, canonical folder on disk, so a symbolic
//! link cannot lead out of it either. Everything here does blocking file-system calls: callers run
//! it off the async runtime.

use std::io;
use std::path::{Path, PathBuf};

/// The served folder, canonicalized once at start.
#[derive(Debug)]
pub(super) struct Jail {
    root: PathBuf,
}

fn outside() -> io::Error {
    io::Error::new(
        io::ErrorKind::PermissionDenied,
        "that path is outside the demo folder",
    )
}

/// The components of `client` after lexical normalisation (no `.`, `..` or empty parts).
fn components(client: &str) -> io::Result<Vec<&str>> {
    let mut parts: Vec<&str> = Vec::new();
    for part in client.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => {
                // On Windows these would name another folder or drive; NUL is never a name.
                let bad =
                    p.contains('\0') || (cfg!(windows) && (p.contains('\\') || p.contains(':')));
                if bad {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidInput,
                        "not a valid file name",
                    ));
                }
                parts.push(p);
            }
        }
    }
    Ok(parts)
}

/// What the client sees for `client`: an absolute, normalised path (`/` is the served folder).
pub(super) fn virtual_path(client: &str) -> String {
    match components(client) {
        Ok(parts) if !parts.is_empty() => format!("/{}", parts.join("/")),
        _ => "/".to_string(),
    }
}

impl Jail {
    pub(super) fn new(root: &Path) -> io::Result<Jail> {
        Ok(Jail {
            root: root.canonicalize()?,
        })
    }

    pub(super) fn root(&self) -> &Path {
        &self.root
    }

    /// The real path of `client`. Its parent folder must exist and lie inside the root once
    /// canonicalized; with `follow`, a symlink at the last component is resolved and must stay
    /// inside too (without it, the link itself is meant: lstat, remove, rename).
    pub(super) fn resolve(&self, client: &str, follow: bool) -> io::Result<PathBuf> {
        let parts = components(client)?;
        let Some((name, dirs)) = parts.split_last() else {
            return Ok(self.root.clone());
        };
        let parent = dirs
            .iter()
            .fold(self.root.clone(), |p, d| p.join(d))
            .canonicalize()?;
        if !parent.starts_with(&self.root) {
            return Err(outside());
        }
        let full = parent.join(name);
        if follow && std::fs::symlink_metadata(&full).is_ok_and(|m| m.file_type().is_symlink()) {
            let real = full.canonicalize()?;
            if !real.starts_with(&self.root) {
                return Err(outside());
            }
            return Ok(real);
        }
        Ok(full)
    }

    /// Like [`Jail::resolve`] without following, for changes to a name: refuses the root itself.
    pub(super) fn resolve_child(&self, client: &str) -> io::Result<PathBuf> {
        let path = self.resolve(client, false)?;
        if path == self.root {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the demo folder itself cannot be changed",
            ));
        }
        Ok(path)
    }

    /// The client's view of a real path inside the root (`/` for the root), if it is inside.
    pub(super) fn to_virtual(&self, real: &Path) -> Option<String> {
        let rel = real.strip_prefix(&self.root).ok()?;
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Some(format!("/{}", parts.join("/")))
    }

    /// REALPATH: symlinks inside the jail resolved where the path exists, lexical otherwise.
    pub(super) fn realpath(&self, client: &str) -> String {
        match self.resolve(client, true).and_then(|p| p.canonicalize()) {
            Ok(real) => self
                .to_virtual(&real)
                .unwrap_or_else(|| virtual_path(client)),
            Err(_) => virtual_path(client),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_paths_stay_at_the_root() {
        assert_eq!(virtual_path("."), "/");
        assert_eq!(virtual_path(""), "/");
        assert_eq!(virtual_path("/../../etc/passwd"), "/etc/passwd");
        assert_eq!(virtual_path("a/./b/../c/"), "/a/c");
        assert_eq!(virtual_path("../../.."), "/");
    }

    #[test]
    fn resolve_never_leaves_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        let jail = Jail::new(&root).unwrap();
        let r = jail.root().to_path_buf();
        assert_eq!(jail.resolve("/../../x", false).unwrap(), r.join("x"));
        assert_eq!(jail.resolve("sub/../../y", true).unwrap(), r.join("y"));
        assert_eq!(jail.resolve("/", true).unwrap(), r);
        assert!(jail.resolve_child("/..").is_err());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path(), root.join("out")).unwrap();
            let e = jail.resolve("/out/secret", false).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
            let e = jail.resolve("/out", true).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
            // The link itself may be looked at (lstat) and removed.
            assert_eq!(jail.resolve("/out", false).unwrap(), r.join("out"));
        }
    }
}
