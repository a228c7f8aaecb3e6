//! Comparing two listed trees into a [`Plan`]: for each path, upload, download, delete here
//! (local), delete there (server), conflict, or the same.
//!
//! Files are the same when their sizes are equal and their modification times are within
//! [`MTIME_TOLERANCE`] (a server keeps whole seconds, some filesystems two; both sides are read
//! as seconds since the Unix epoch, so no time zone ever counts), or, by checksum, when their
//! sums are equal. Folders' times never count. A mirror copies what differs from the source side
//! and, when asked, deletes what the source side lacks: one delete for a folder that is extra as
//! a whole, never one that holds something not listed or not counted. Both ways, the newer file
//! wins and nothing is deleted; a difference with no newer side is a conflict, as is a file on
//! one side where the other has a folder or a link (and nothing below it is acted on). Links are
//! never copied or followed.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::Error;
use crate::fs::entry::Kind;
use crate::fs::path::FsPath;
use crate::sync::tree::{Item, Tree};

/// Times this close (in whole seconds) are the same time.
pub const MTIME_TOLERANCE: i64 = 2;

/// Which way a sync goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Local → server: the server's folder becomes a copy of the local one.
    #[default]
    Upload,
    /// Server → local: the local folder becomes a copy of the server's.
    Download,
    /// Both ways: the newer file wins, nothing is deleted.
    Both,
}

/// What to do about one path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionKind {
    Upload,
    Download,
    /// Delete the local copy.
    DeleteHere,
    /// Delete the server's copy.
    DeleteThere,
    Conflict,
    Same,
}

/// Why an action is planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Only on the side it is copied from.
    New,
    /// On both sides, and they differ.
    Changed,
    /// Only on the destination side.
    Extra,
    /// A file on one side, a folder or a link on the other.
    KindsDiffer,
    /// They differ, and neither is newer.
    NoNewer,
    Same,
}

/// One planned action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub kind: ActionKind,
    pub reason: Reason,
    /// From the top of both trees, '/'-separated.
    pub path: Vec<u8>,
    /// A folder: made (a copy) or deleted with all it holds (a delete).
    pub dir: bool,
    /// Files this action copies or deletes (a folder's delete counts what it holds).
    pub files: u64,
    pub bytes: u64,
    pub local: Option<Item>,
    pub remote: Option<Item>,
}

/// A path neither copied nor deleted because of its kind (a link, a device).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Left {
    pub path: Vec<u8>,
    pub kind: Kind,
    /// On the local side (else the server's).
    pub local: bool,
}

/// The files and bytes of one kind of action.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    pub files: u64,
    pub bytes: u64,
}

/// What a sync would do, in path order.
#[derive(Debug, Default)]
pub struct Plan {
    pub mode: Mode,
    pub local_root: FsPath,
    pub remote_root: FsPath,
    pub actions: Vec<Action>,
    /// Links and special files, never copied.
    pub left: Vec<Left>,
    /// What could not be listed or used on either side.
    pub problems: Vec<Error>,
    /// Files (and links) the destination holds, for the deletion guard.
    pub dest_files: u64,
    pub local_missing: bool,
    pub remote_missing: bool,
}

impl Plan {
    /// Files and bytes per kind of action.
    pub fn counts(&self) -> HashMap<ActionKind, Count> {
        let mut out: HashMap<ActionKind, Count> = HashMap::new();
        for a in &self.actions {
            let c = out.entry(a.kind).or_default();
            c.files += a.files;
            c.bytes += a.bytes;
        }
        out
    }

    /// Files the plan deletes.
    pub fn deletes(&self) -> u64 {
        self.actions
            .iter()
            .filter(|a| matches!(a.kind, ActionKind::DeleteHere | ActionKind::DeleteThere))
            .map(|a| a.files)
            .sum()
    }

    /// True when nothing is to be copied or deleted.
    pub fn is_noop(&self) -> bool {
        self.actions
            .iter()
            .all(|a| matches!(a.kind, ActionKind::Same | ActionKind::Conflict))
    }
}

/// Seconds since the Unix epoch (negative before it): the same instant on every clock.
fn secs(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs_f64().ceil() as i64),
    }
}

/// `a`'s time minus `b`'s in whole seconds, when both are known.
fn newer_by(a: &Item, b: &Item) -> Option<i64> {
    Some(secs(a.mtime?) - secs(b.mtime?))
}

/// Two files are the same by size and time: equal sizes, times within the tolerance (or a time
/// unknown on one side, where the size is all there is to go by).
pub fn same_by_time(a: &Item, b: &Item) -> bool {
    a.size == b.size && newer_by(a, b).is_none_or(|d| d.abs() <= MTIME_TOLERANCE)
}

/// Compares the trees. `same` says whether two files at one path are the same (by time, or by
/// checksums worked out beforehand); `delete` plans deletes in a mirror.
pub fn compare(
    local: &Tree,
    remote: &Tree,
    mode: Mode,
    delete: bool,
    same: &dyn Fn(&[u8], &Item, &Item) -> bool,
) -> Plan {
    let mut plan = Plan {
        local_missing: local.missing,
        remote_missing: remote.missing,
        ..Plan::default()
    };
    plan.problems.extend(local.problems.iter().cloned());
    plan.problems.extend(remote.problems.iter().cloned());
    let (src, dst) = match mode {
        Mode::Upload | Mode::Both => (local, remote),
        Mode::Download => (remote, local),
    };
    plan.dest_files = dst.files();
    let mut paths: BTreeMap<&[u8], (Option<&Item>, Option<&Item>)> = BTreeMap::new();
    for (p, i) in &local.items {
        paths.entry(p).or_default().0 = Some(i);
    }
    for (p, i) in &remote.items {
        paths.entry(p).or_default().1 = Some(i);
    }
    // Folders deleted whole, by path, with their action's index (their contents add to it).
    let mut deleted: HashMap<Vec<u8>, usize> = HashMap::new();
    // Paths where one side has a folder and the other a file or a link: nothing below them is
    // acted on (a copy into a link would write wherever it points).
    let mut blocked: HashSet<Vec<u8>> = HashSet::new();
    for (path, (l, r)) in paths {
        if under(path, &blocked) {
            continue;
        }
        if let Some(&i) = ancestor_in(path, &deleted) {
            let item = l.or(r).copied();
            if let Some(item) = item.filter(Item::is_file_like) {
                plan.actions[i].files += 1;
                plan.actions[i].bytes += item.size;
            }
            continue;
        }
        let action = |kind, reason, files, bytes, dir| Action {
            kind,
            reason,
            path: path.to_vec(),
            dir,
            files,
            bytes,
            local: l.copied(),
            remote: r.copied(),
        };
        let (s, d) = match mode {
            Mode::Download => (r, l),
            _ => (l, r),
        };
        let copy_kind = match mode {
            Mode::Download => ActionKind::Download,
            _ => ActionKind::Upload,
        };
        match (s, d) {
            (Some(s), None) => match s.kind {
                Kind::File => plan
                    .actions
                    .push(action(copy_kind, Reason::New, 1, s.size, false)),
                Kind::Dir => plan
                    .actions
                    .push(action(copy_kind, Reason::New, 0, 0, true)),
                kind => plan.left.push(left(path, kind, mode != Mode::Download)),
            },
            (None, Some(d)) if mode == Mode::Both => match d.kind {
                Kind::File => {
                    plan.actions
                        .push(action(ActionKind::Download, Reason::New, 1, d.size, false))
                }
                Kind::Dir => {
                    plan.actions
                        .push(action(ActionKind::Download, Reason::New, 0, 0, true))
                }
                kind => plan.left.push(left(path, kind, false)),
            },
            (None, Some(d)) => {
                if !delete || under(path, &src.unlisted) {
                    continue;
                }
                let kind = match mode {
                    Mode::Download => ActionKind::DeleteHere,
                    _ => ActionKind::DeleteThere,
                };
                if d.kind == Kind::Dir {
                    if dst.held.contains(path) {
                        continue; // its counted contents come one by one
                    }
                    deleted.insert(path.to_vec(), plan.actions.len());
                    plan.actions.push(action(kind, Reason::Extra, 0, 0, true));
                } else {
                    plan.actions
                        .push(action(kind, Reason::Extra, 1, d.size, false));
                }
            }
            (Some(s), Some(d)) => {
                if let Some(a) = both(path, s, d, mode, same, &action) {
                    if a.reason == Reason::KindsDiffer {
                        blocked.insert(path.to_vec());
                    }
                    plan.actions.push(a);
                } else if s.kind != Kind::Dir {
                    plan.left.push(left(path, s.kind, mode != Mode::Download));
                }
            }
            (None, None) => {}
        }
    }
    plan
}

/// The action for a path on both sides (`s` the source side's, `d` the other); `None` for two
/// folders (nothing to do) and for links and special files (left alone).
fn both(
    path: &[u8],
    s: &Item,
    d: &Item,
    mode: Mode,
    same: &dyn Fn(&[u8], &Item, &Item) -> bool,
    action: &dyn Fn(ActionKind, Reason, u64, u64, bool) -> Action,
) -> Option<Action> {
    match (s.kind, d.kind) {
        (Kind::Dir, Kind::Dir) => return None,
        (Kind::File, Kind::File) => {}
        (Kind::File | Kind::Dir, _) | (_, Kind::File | Kind::Dir) => {
            return Some(action(
                ActionKind::Conflict,
                Reason::KindsDiffer,
                1,
                0,
                false,
            ));
        }
        _ => return None,
    }
    if same(path, s, d) {
        return Some(action(ActionKind::Same, Reason::Same, 1, s.size, false));
    }
    let copy = |kind, size| Some(action(kind, Reason::Changed, 1, size, false));
    match mode {
        Mode::Upload => copy(ActionKind::Upload, s.size),
        Mode::Download => copy(ActionKind::Download, s.size),
        Mode::Both => match newer_by(s, d) {
            Some(n) if n > MTIME_TOLERANCE => copy(ActionKind::Upload, s.size),
            Some(n) if n < -MTIME_TOLERANCE => copy(ActionKind::Download, d.size),
            _ => Some(action(ActionKind::Conflict, Reason::NoNewer, 1, 0, false)),
        },
    }
}

fn left(path: &[u8], kind: Kind, local: bool) -> Left {
    Left {
        path: path.to_vec(),
        kind,
        local,
    }
}

/// The value of the nearest folder above `path` that is in `map`.
fn ancestor_in<'a, V>(path: &[u8], map: &'a HashMap<Vec<u8>, V>) -> Option<&'a V> {
    let mut at = path;
    while let Some(i) = at.iter().rposition(|b| *b == b'/') {
        at = &at[..i];
        if let Some(v) = map.get(at) {
            return Some(v);
        }
    }
    None
}

/// True when `path` is in `set` or below a folder that is.
fn under(path: &[u8], set: &HashSet<Vec<u8>>) -> bool {
    if set.is_empty() {
        return false;
    }
    let mut at = path;
    loop {
        if set.contains(at) {
            return true;
        }
        match at.iter().rposition(|b| *b == b'/') {
            Some(i) => at = &at[..i],
            None => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn item(kind: Kind, size: u64, t: u64) -> Item {
        Item {
            kind,
            size,
            mtime: Some(UNIX_EPOCH + Duration::from_millis(t)),
            perms: None,
        }
    }

    fn tree(items: &[(&str, Item)]) -> Tree {
        let mut t = Tree::default();
        for (p, i) in items {
            t.items.insert(p.as_bytes().to_vec(), *i);
        }
        t
    }

    fn kinds(p: &Plan) -> Vec<(String, ActionKind)> {
        p.actions
            .iter()
            .map(|a| (String::from_utf8_lossy(&a.path).into_owned(), a.kind))
            .collect()
    }

    fn by_time(_: &[u8], a: &Item, b: &Item) -> bool {
        same_by_time(a, b)
    }

    #[test]
    fn times_within_two_seconds_are_the_same_and_folders_times_never_count() {
        let f = |t| item(Kind::File, 5, t);
        assert!(same_by_time(&f(10_900), &f(10_000))); // a server that kept whole seconds
        assert!(same_by_time(&f(12_999), &f(10_000)));
        assert!(!same_by_time(&f(13_000), &f(10_000)));
        assert!(!same_by_time(&item(Kind::File, 6, 10_000), &f(10_000)));
        let local = tree(&[("d", item(Kind::Dir, 0, 0)), ("d/a", f(10_400))]);
        let remote = tree(&[("d", item(Kind::Dir, 0, 99_000_000)), ("d/a", f(10_000))]);
        let p = compare(&local, &remote, Mode::Upload, true, &by_time);
        assert_eq!(kinds(&p), [("d/a".into(), ActionKind::Same)]);
        assert!(p.is_noop());
    }

    #[test]
    fn a_mirror_copies_what_differs_and_deletes_extra_folders_whole() {
        let f = |s, t| item(Kind::File, s, t);
        let local = tree(&[("a", f(1, 0)), ("b", f(2, 0)), ("new", f(3, 0))]);
        let mut remote = tree(&[
            ("a", f(1, 0)),
            ("b", f(2, 50_000)),
            ("old", item(Kind::Dir, 0, 0)),
            ("old/x", f(4, 0)),
            ("old/y", f(5, 0)),
            ("link", item(Kind::Symlink, 9, 0)),
            ("kept", item(Kind::Dir, 0, 0)),
            ("kept/z", f(6, 0)),
        ]);
        remote.held.insert(b"kept".to_vec());
        let p = compare(&local, &remote, Mode::Upload, true, &by_time);
        let want = [
            ("a", ActionKind::Same),
            ("b", ActionKind::Upload),
            ("kept/z", ActionKind::DeleteThere),
            ("link", ActionKind::DeleteThere),
            ("new", ActionKind::Upload),
            ("old", ActionKind::DeleteThere),
        ];
        let want: Vec<(String, ActionKind)> =
            want.iter().map(|(p, k)| (p.to_string(), *k)).collect();
        assert_eq!(kinds(&p), want);
        let old = p.actions.iter().find(|a| a.path == b"old").unwrap();
        assert_eq!((old.files, old.bytes, old.dir), (2, 9, true));
        assert_eq!((p.deletes(), p.dest_files), (4, 6));
        // Without --delete, extra files stay.
        let keep = compare(&local, &remote, Mode::Upload, false, &by_time);
        assert_eq!(keep.deletes(), 0);
    }

    #[test]
    fn both_ways_the_newer_wins_and_nothing_is_deleted() {
        let f = |s, t| item(Kind::File, s, t);
        let local = tree(&[
            ("a", f(1, 90_000)),
            ("b", f(2, 0)),
            ("c", f(3, 0)),
            ("l", f(1, 0)),
        ]);
        let remote = tree(&[
            ("a", f(9, 0)),
            ("b", f(8, 90_000)),
            ("c", f(4, 1_000)),
            ("r", f(1, 0)),
        ]);
        let p = compare(&local, &remote, Mode::Both, true, &by_time);
        let want = [
            ("a", ActionKind::Upload),
            ("b", ActionKind::Download),
            ("c", ActionKind::Conflict),
            ("l", ActionKind::Upload),
            ("r", ActionKind::Download),
        ];
        let want: Vec<(String, ActionKind)> =
            want.iter().map(|(p, k)| (p.to_string(), *k)).collect();
        assert_eq!(kinds(&p), want);
        assert_eq!(p.deletes(), 0);
    }

    /// A folder here where the server has a link: a conflict, and nothing is copied into the link.
    #[test]
    fn nothing_goes_below_a_conflict() {
        let local = tree(&[
            ("s", item(Kind::Dir, 0, 0)),
            ("s/f", item(Kind::File, 1, 0)),
        ]);
        let remote = tree(&[("s", item(Kind::Symlink, 4, 0))]);
        for mode in [Mode::Upload, Mode::Both] {
            let p = compare(&local, &remote, mode, true, &by_time);
            assert_eq!(kinds(&p), [("s".into(), ActionKind::Conflict)], "{mode:?}");
        }
    }

    #[test]
    fn nothing_under_a_source_folder_that_could_not_be_listed_is_deleted() {
        let mut remote = tree(&[
            ("d", item(Kind::Dir, 0, 0)),
            ("d/x", item(Kind::File, 1, 0)),
        ]);
        remote.unlisted.insert(b"d".to_vec());
        let local = tree(&[
            ("d", item(Kind::Dir, 0, 0)),
            ("d/y", item(Kind::File, 1, 0)),
        ]);
        let p = compare(&local, &remote, Mode::Download, true, &by_time);
        assert_eq!(p.deletes(), 0, "{:?}", p.actions);
    }
}
