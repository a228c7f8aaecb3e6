//! Which entries of a tree a sync counts: include and exclude globs by the one glob rule of every
//! face (`fs::glob`), whether names starting with '.' count, and never Ferry's own partial files
//! (`.ferrypart`, `.ferrypart-id`), which belong to the copy that left them.
//!
//! What a filter leaves out is invisible on both sides: it is neither copied nor deleted, and a
//! folder that holds anything left out is never deleted as a whole.

use crate::error::Result;
use crate::fs::entry::{Entry, Kind};
use crate::fs::glob::Pattern;
use crate::transfer::dest::PART_SUFFIX;
use crate::transfer::partid::ID_SUFFIX;

/// What a filter says about one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// It counts.
    Keep,
    /// Left out by the person's choice: it stays as it is, and so does its folder.
    Leave,
    /// A partial file of an earlier copy: not the person's file, not counted at all.
    Ignore,
}

/// Include and exclude patterns, and whether hidden names count.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    include: Vec<Pattern>,
    exclude: Vec<Pattern>,
    /// Names starting with '.' count (the default: a mirror is a mirror).
    pub hidden: bool,
}

impl Filter {
    /// From the patterns as typed; an error names the first that is not a valid pattern.
    pub fn new(include: &[String], exclude: &[String], hidden: bool) -> Result<Filter> {
        let compile = |v: &[String]| v.iter().map(|p| Pattern::new(p)).collect::<Result<_>>();
        Ok(Filter {
            include: compile(include)?,
            exclude: compile(exclude)?,
            hidden,
        })
    }

    /// The verdict on `entry`, found at `rel` from the top of its tree. An excluded folder is not
    /// looked into; includes select files only (every folder is looked into for them).
    pub fn judge(&self, rel: &[u8], entry: &Entry) -> Verdict {
        if entry.kind != Kind::Dir
            && (entry.name.ends_with(PART_SUFFIX.as_bytes())
                || entry.name.ends_with(ID_SUFFIX.as_bytes()))
        {
            return Verdict::Ignore;
        }
        let hit = |p: &Vec<Pattern>| p.iter().any(|p| p.matches_at(rel, entry, false));
        let left_out = (!self.hidden && entry.is_hidden())
            || hit(&self.exclude)
            || (entry.kind != Kind::Dir && !self.include.is_empty() && !hit(&self.include));
        if left_out {
            Verdict::Leave
        } else {
            Verdict::Keep
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(f: &Filter, rel: &str, kind: Kind) -> Verdict {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        f.judge(rel.as_bytes(), &Entry::new(name.as_bytes().to_vec(), kind))
    }

    #[test]
    fn includes_pick_files_excludes_drop_anything_and_partials_are_ignored() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let f = Filter::new(&s(&["*.txt"]), &s(&["tmp", "build/*.o"]), true).unwrap();
        assert_eq!(judge(&f, "a/b.txt", Kind::File), Verdict::Keep);
        assert_eq!(judge(&f, "a/b.bin", Kind::File), Verdict::Leave);
        assert_eq!(judge(&f, "a", Kind::Dir), Verdict::Keep);
        assert_eq!(judge(&f, "x/tmp", Kind::Dir), Verdict::Leave);
        assert_eq!(judge(&f, "build/x.o", Kind::File), Verdict::Leave);
        assert_eq!(judge(&f, "b.txt.ferrypart", Kind::File), Verdict::Ignore);
        assert_eq!(judge(&f, "b.txt.ferrypart-id", Kind::File), Verdict::Ignore);
        let no_hidden = Filter::new(&[], &[], false).unwrap();
        assert_eq!(judge(&no_hidden, ".git", Kind::Dir), Verdict::Leave);
        assert_eq!(judge(&no_hidden, "a/.env", Kind::File), Verdict::Leave);
        assert_eq!(judge(&no_hidden, "a/env", Kind::File), Verdict::Keep);
    }
}
