//! `Entry`: one row of a directory listing, local or remote; sorting and glob filtering of listings.
//!
//! Entries carry the raw name bytes plus a display name. A name that was not exact UTF-8 (or that
//! arrived already mangled by a lossy decoder, i.e. contains U+FFFD) is marked `inexact`: it is shown,
//! but the engine refuses to act on it rather than touch a different file by a look-alike name.

use std::cmp::Ordering;
use std::time::SystemTime;

use globset::{GlobBuilder, GlobMatcher};

use crate::display::display_bytes;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Dir,
    File,
    Symlink,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The name's raw bytes.
    pub name: Vec<u8>,
    /// Lossy, control-escaped name for people.
    pub display: String,
    /// False when `name` is not exactly what the server holds (non-UTF-8 or lossy-decoded).
    pub exact: bool,
    pub kind: Kind,
    pub size: Option<u64>,
    pub mtime: Option<SystemTime>,
    /// Unix mode bits, type bits included when known.
    pub perms: Option<u32>,
    pub uid: Option<u32>,
    pub gid: Option<u32>,
    pub owner: Option<String>,
    pub group: Option<String>,
    /// For symlinks: the target's text as read.
    pub link_target: Option<String>,
    /// For symlinks: the kind the link points at, when known.
    pub target_kind: Option<Kind>,
}

impl Entry {
    pub fn new(name: Vec<u8>, kind: Kind) -> Entry {
        let exact = std::str::from_utf8(&name).is_ok_and(|s| !s.contains('\u{FFFD}'));
        Entry {
            display: display_bytes(&name),
            exact,
            name,
            kind,
            size: None,
            mtime: None,
            perms: None,
            uid: None,
            gid: None,
            owner: None,
            group: None,
            link_target: None,
            target_kind: None,
        }
    }

    pub fn is_hidden(&self) -> bool {
        self.name.first() == Some(&b'.')
    }

    /// A folder, or a link to one: what a double-click opens.
    pub fn is_dir_like(&self) -> bool {
        self.kind == Kind::Dir
            || (self.kind == Kind::Symlink && self.target_kind == Some(Kind::Dir))
    }

    /// `drwxr-xr-x`-style permissions, `?` when unknown.
    pub fn perms_string(&self) -> String {
        let type_char = match self.kind {
            Kind::Dir => 'd',
            Kind::Symlink => 'l',
            Kind::File => '-',
            Kind::Other => '?',
        };
        match self.perms {
            None => format!("{type_char}?????????"),
            Some(mode) => {
                let mut s = String::with_capacity(10);
                s.push(type_char);
                for shift in [6u32, 3, 0] {
                    let bits = (mode >> shift) & 7;
                    s.push(if bits & 4 != 0 { 'r' } else { '-' });
                    s.push(if bits & 2 != 0 { 'w' } else { '-' });
                    let special = match shift {
                        6 => mode & 0o4000 != 0,
                        3 => mode & 0o2000 != 0,
                        _ => mode & 0o1000 != 0,
                    };
                    s.push(match (bits & 1 != 0, special, shift) {
                        (true, true, 0) => 't',
                        (false, true, 0) => 'T',
                        (true, true, _) => 's',
                        (false, true, _) => 'S',
                        (true, false, _) => 'x',
                        (false, false, _) => '-',
                    });
                }
                s
            }
        }
    }
}

/// A column to sort a listing by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum SortKey {
    #[default]
    Name,
    Size,
    Modified,
    Permissions,
    Owner,
}

/// Sorts folders first, then by `key` (names compared case-insensitively, then bytewise so the
/// order is total), reversed within each group when `descending`.
pub fn sort_entries(entries: &mut Vec<Entry>, key: SortKey, descending: bool) {
    // Lower-cased names once per entry, not twice per comparison: that way 100,000 entries
    // took over half a second in the window's pane.
    let lower: Vec<String> = entries.iter().map(|e| e.display.to_lowercase()).collect();
    let cmp = |i: usize, j: usize| {
        compare(&entries[i], &entries[j], key, descending, |_, _| {
            lower[i].cmp(&lower[j])
        })
    };
    // A listing already in this order (the pane sorts in its listing task, then checks again
    // in case the sort key changed meanwhile) is left as it is.
    if (1..entries.len()).all(|i| cmp(i - 1, i) != Ordering::Greater) {
        return;
    }
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&i, &j| cmp(i, j));
    let mut taken: Vec<Option<Entry>> = std::mem::take(entries).into_iter().map(Some).collect();
    *entries = order.into_iter().filter_map(|i| taken[i].take()).collect();
}

/// Folders first; then by `key` (ties and Name: case-insensitively by name, then exactly).
/// `names` compares the lower-cased display names.
fn compare(
    a: &Entry,
    b: &Entry,
    key: SortKey,
    descending: bool,
    names: impl Fn(&Entry, &Entry) -> Ordering,
) -> Ordering {
    let group = b.is_dir_like().cmp(&a.is_dir_like());
    if group != Ordering::Equal {
        return group;
    }
    let by_name = || names(a, b).then_with(|| a.name.cmp(&b.name));
    let ord = match key {
        SortKey::Name => by_name(),
        SortKey::Size => a.size.cmp(&b.size).then_with(by_name),
        SortKey::Modified => a.mtime.cmp(&b.mtime).then_with(by_name),
        SortKey::Permissions => a.perms.cmp(&b.perms).then_with(by_name),
        SortKey::Owner => a.owner.cmp(&b.owner).then_with(by_name),
    };
    if descending { ord.reverse() } else { ord }
}

/// A client-side name filter: SFTP does no shell expansion, so `*.log` or `messages.?` is matched
/// here against each entry's name. Several patterns may be given separated by spaces or `;`.
#[derive(Debug, Clone)]
pub struct NameFilter {
    matchers: Vec<GlobMatcher>,
}

impl NameFilter {
    /// Patterns separated by spaces or ';' (a filter box: `*.log *.txt`).
    pub fn new(patterns: &str) -> Result<NameFilter> {
        let mut matchers = Vec::new();
        for pat in patterns.split([' ', ';']).filter(|p| !p.is_empty()) {
            matchers.push(Self::compile(pat)?);
        }
        Ok(NameFilter { matchers })
    }

    /// One shell pattern, spaces and all (the last part of a path on the command line).
    pub fn glob(pattern: &str) -> Result<NameFilter> {
        Ok(NameFilter {
            matchers: vec![Self::compile(pattern)?],
        })
    }

    fn compile(pat: &str) -> Result<GlobMatcher> {
        let glob = GlobBuilder::new(pat)
            .literal_separator(true)
            .backslash_escape(true)
            .build()
            .map_err(|e| Error::InvalidUrl {
                input: pat.to_string(),
                reason: format!("not a valid pattern ({})", e.kind()),
            })?;
        Ok(glob.compile_matcher())
    }

    /// True when no pattern was given or any pattern matches.
    pub fn matches(&self, entry: &Entry) -> bool {
        self.matches_name(&entry.name)
    }

    /// As [`NameFilter::matches`], for a name (or a '/'-separated path) given as bytes.
    pub fn matches_name(&self, name: &[u8]) -> bool {
        self.matchers.is_empty()
            || self
                .matchers
                .iter()
                .any(|m| m.is_match(String::from_utf8_lossy(name).as_ref()))
    }

    /// True when `text` contains glob metacharacters (so a URL's last part is a filter, not a name).
    pub fn is_pattern(text: &str) -> bool {
        text.contains(['*', '?', '['])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(name: &str, kind: Kind, size: u64) -> Entry {
        let mut x = Entry::new(name.as_bytes().to_vec(), kind);
        x.size = Some(size);
        x
    }

    #[test]
    fn folders_first_then_name() {
        let mut v = vec![
            e("b.txt", Kind::File, 1),
            e("Zdir", Kind::Dir, 0),
            e("a.txt", Kind::File, 9),
            e("adir", Kind::Dir, 0),
        ];
        sort_entries(&mut v, SortKey::Name, false);
        let names: Vec<_> = v.iter().map(|x| x.display.as_str()).collect();
        assert_eq!(names, ["adir", "Zdir", "a.txt", "b.txt"]);
        sort_entries(&mut v, SortKey::Size, true);
        let names: Vec<_> = v.iter().map(|x| x.display.as_str()).collect();
        assert_eq!(names, ["Zdir", "adir", "a.txt", "b.txt"]);
    }

    #[test]
    fn sorting_matches_the_plain_comparison_and_is_stable_when_sorted() {
        let names = [
            "Émile", "émile", "b", "B", "ä", "Z", "z10", "z9", "Ωmega", "ωmega", "a", "A", "", "ß",
        ];
        for key in [SortKey::Name, SortKey::Size] {
            for desc in [false, true] {
                let mut v: Vec<Entry> = names
                    .iter()
                    .enumerate()
                    .map(|(i, n)| e(n, Kind::File, (i % 3) as u64))
                    .collect();
                let mut want = v.clone();
                want.sort_by(|a, b| {
                    compare(a, b, key, desc, |a, b| {
                        a.display.to_lowercase().cmp(&b.display.to_lowercase())
                    })
                });
                sort_entries(&mut v, key, desc);
                let got: Vec<_> = v.iter().map(|x| x.name.clone()).collect();
                let want: Vec<_> = want.iter().map(|x| x.name.clone()).collect();
                assert_eq!(got, want, "{key:?} descending={desc}");
                sort_entries(&mut v, key, desc); // already sorted: unchanged
                assert_eq!(v.iter().map(|x| x.name.clone()).collect::<Vec<_>>(), got);
            }
        }
    }

    #[test]
    fn glob_filter() {
        let f = NameFilter::new("*.log messages.?").unwrap();
        assert!(f.matches(&e("x.log", Kind::File, 0)));
        assert!(f.matches(&e("messages.1", Kind::File, 0)));
        assert!(!f.matches(&e("messages.10", Kind::File, 0)));
        assert!(!f.matches(&e("x.txt", Kind::File, 0)));
        assert!(
            NameFilter::new("")
                .unwrap()
                .matches(&e("any", Kind::File, 0))
        );
        assert!(NameFilter::new("[").is_err());
    }

    #[test]
    fn inexact_names_are_marked() {
        assert!(!Entry::new(b"\xffab".to_vec(), Kind::File).exact);
        assert!(!Entry::new("a\u{FFFD}".as_bytes().to_vec(), Kind::File).exact);
        assert!(Entry::new("ünï".as_bytes().to_vec(), Kind::File).exact);
    }

    #[test]
    fn perms() {
        let mut x = e("f", Kind::File, 0);
        x.perms = Some(0o100755);
        assert_eq!(x.perms_string(), "-rwxr-xr-x");
        x.perms = Some(0o1777);
        x.kind = Kind::Dir;
        assert_eq!(x.perms_string(), "drwxrwxrwt");
    }
}
