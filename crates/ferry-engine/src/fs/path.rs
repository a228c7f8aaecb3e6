//! `FsPath`: the one path type both panes use — '/'-separated and byte-safe.
//!
//! Remote paths are never `PathBuf`: a server's names are bytes, its separator is always '/', and a
//! name it sends must not be able to climb out of a directory. `FsPath` keeps the raw bytes, joins only
//! names that passed [`crate::fs::name::check_name`], and converts to the UTF-8 string russh-sftp
//! needs only when that conversion is exact. `LocalFs` maps it onto the local file system.

use std::fmt;

use crate::error::{Error, Result};

/// An absolute or relative '/'-separated path, kept as bytes.
#[derive(
    Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize, serde::Deserialize,
)]
pub struct FsPath(Vec<u8>);

impl FsPath {
    /// The root directory `/`.
    pub fn root() -> Self {
        FsPath(b"/".to_vec())
    }

    /// A path from raw bytes, as given (no normalisation).
    pub fn from_bytes(bytes: impl Into<Vec<u8>>) -> Self {
        FsPath(bytes.into())
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn is_absolute(&self) -> bool {
        self.0.first() == Some(&b'/')
    }

    pub fn is_root(&self) -> bool {
        self.0 == b"/"
    }

    /// The path as the exact UTF-8 string an SFTP request carries, or an error when the bytes are not
    /// UTF-8 (russh-sftp sends strings: such a name cannot be addressed exactly, so we refuse rather
    /// than act on a lossy copy that could name another file).
    pub fn to_wire(&self) -> Result<String> {
        String::from_utf8(self.0.clone()).map_err(|_| Error::InexactName {
            name: self.display_lossy(),
        })
    }

    /// True when the path is UTF-8 (so russh-sftp can carry it; other paths go over the byte
    /// client, see `sftp_bytes.rs`).
    pub fn is_utf8(&self) -> bool {
        std::str::from_utf8(&self.0).is_ok()
    }

    /// The path for people: bytes that are not UTF-8 as `\xe9`, control characters escaped.
    pub fn display_lossy(&self) -> String {
        crate::display::display_bytes(&self.0)
    }

    /// Joins one name that came from a listing or a user. The name must be a single component:
    /// not empty, not `.`/`..`, without `/` or NUL.
    pub fn join(&self, name: &[u8]) -> Result<FsPath> {
        crate::fs::name::check_name(name)?;
        let mut out = self.0.clone();
        if !out.is_empty() && out.last() != Some(&b'/') {
            out.push(b'/');
        }
        out.extend_from_slice(name);
        Ok(FsPath(out))
    }

    /// Joins a relative path typed by a person (may contain several components and `..`), resolving
    /// `.`/`..` lexically. An absolute `rel` replaces the base.
    pub fn join_relative(&self, rel: &str) -> FsPath {
        if rel.starts_with('/') {
            return FsPath::from_bytes(rel.as_bytes()).normalized();
        }
        let mut s = self.0.clone();
        if !s.is_empty() && s.last() != Some(&b'/') {
            s.push(b'/');
        }
        s.extend_from_slice(rel.as_bytes());
        FsPath(s).normalized()
    }

    /// Removes empty components, `.` and (lexically) `..`; keeps a leading `/`. `..` above the root
    /// stays at the root.
    pub fn normalized(&self) -> FsPath {
        let abs = self.is_absolute();
        let mut parts: Vec<&[u8]> = Vec::new();
        for comp in self.0.split(|b| *b == b'/') {
            match comp {
                b"" | b"." => {}
                b".." => {
                    if parts.last().is_some_and(|p| *p != b"..") {
                        parts.pop();
                    } else if !abs {
                        parts.push(comp);
                    }
                }
                _ => parts.push(comp),
            }
        }
        let mut out = Vec::with_capacity(self.0.len());
        if abs {
            out.push(b'/');
        }
        out.extend_from_slice(&parts.join(&b'/'));
        if out.is_empty() {
            out.push(b'.');
        }
        FsPath(out)
    }

    /// The last component, if any (`None` for `/`).
    pub fn file_name(&self) -> Option<&[u8]> {
        let trimmed = self.trimmed();
        if trimmed.is_empty() || trimmed == b"/" {
            return None;
        }
        let start = trimmed
            .iter()
            .rposition(|b| *b == b'/')
            .map_or(0, |i| i + 1);
        Some(&trimmed[start..])
    }

    /// The parent directory (`None` for `/` and for a single relative component).
    pub fn parent(&self) -> Option<FsPath> {
        let trimmed = self.trimmed();
        if trimmed == b"/" {
            return None;
        }
        match trimmed.iter().rposition(|b| *b == b'/') {
            Some(0) => Some(FsPath::root()),
            Some(i) => Some(FsPath(trimmed[..i].to_vec())),
            None => None,
        }
    }

    /// Every ancestor from the root down to this path, for breadcrumbs.
    pub fn ancestors(&self) -> Vec<FsPath> {
        let mut out = vec![self.clone()];
        let mut cur = self.clone();
        while let Some(p) = cur.parent() {
            out.push(p.clone());
            cur = p;
        }
        out.reverse();
        out
    }

    fn trimmed(&self) -> &[u8] {
        let mut end = self.0.len();
        while end > 1 && self.0[end - 1] == b'/' {
            end -= 1;
        }
        &self.0[..end]
    }
}

impl From<&str> for FsPath {
    fn from(s: &str) -> Self {
        FsPath(s.as_bytes().to_vec())
    }
}

impl fmt::Display for FsPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_lossy())
    }
}

impl fmt::Debug for FsPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FsPath({:?})", String::from_utf8_lossy(&self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_and_parent() {
        let p = FsPath::from("/home/u");
        let j = p.join(b"a b.txt").unwrap();
        assert_eq!(j.as_bytes(), b"/home/u/a b.txt");
        assert_eq!(j.parent().unwrap(), p);
        assert_eq!(j.file_name().unwrap(), b"a b.txt");
        assert_eq!(FsPath::root().join(b"x").unwrap().as_bytes(), b"/x");
        assert_eq!(FsPath::from("/x").parent().unwrap(), FsPath::root());
        assert!(FsPath::root().parent().is_none());
        assert!(FsPath::root().file_name().is_none());
        assert_eq!(FsPath::from("/a/b/").file_name().unwrap(), b"b");
    }

    #[test]
    fn join_refuses_escaping_names() {
        let p = FsPath::from("/srv");
        for bad in [&b".."[..], b".", b"", b"a/b", b"/etc", b"a\0b"] {
            assert!(p.join(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn normalize_and_relative() {
        assert_eq!(
            FsPath::from("/a/./b//../c/").normalized().as_bytes(),
            b"/a/c"
        );
        assert_eq!(FsPath::from("/../..").normalized().as_bytes(), b"/");
        assert_eq!(
            FsPath::from("/a/b").join_relative("../c").as_bytes(),
            b"/a/c"
        );
        assert_eq!(
            FsPath::from("/a/b").join_relative("/etc").as_bytes(),
            b"/etc"
        );
        assert_eq!(FsPath::from("a/../..").normalized().as_bytes(), b"..");
    }

    #[test]
    fn non_utf8_is_not_sent_lossy() {
        let p = FsPath::from_bytes(b"/tmp/\xff\xfe".to_vec());
        assert!(p.to_wire().is_err());
        assert_eq!(p.display_lossy(), "/tmp/\\xff\\xfe");
    }

    #[test]
    fn ancestors_for_breadcrumbs() {
        let a: Vec<String> = FsPath::from("/a/b")
            .ancestors()
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(a, ["/", "/a", "/a/b"]);
    }
}
