//! The one glob rule of every face: a shell pattern (`*`, `?`, `[…]`, backslash escapes; `*`
//! never crosses '/') matched on the client, since SFTP expands nothing. Names starting with '.'
//! match only a pattern that starts with '.', as in a shell. `ferry ls`/`get` select with it
//! (`cli::glob`), and a sync's include and exclude filters use the same rule.

use crate::error::Result;
use crate::fs::entry::{Entry, NameFilter};

/// One shell pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    filter: NameFilter,
    /// The pattern starts with '.', so hidden names may match it.
    hidden: bool,
    /// The pattern holds a '/', so it is matched against a relative path, not a name.
    path: bool,
}

impl Pattern {
    /// `text` as one pattern, spaces and all; an error when it is not a valid one.
    pub fn new(text: &str) -> Result<Pattern> {
        Ok(Pattern {
            filter: NameFilter::glob(text)?,
            hidden: text.starts_with('.'),
            path: text.contains('/'),
        })
    }

    /// True when `entry` is selected; `all` takes hidden names too (`ls -a`).
    pub fn matches(&self, entry: &Entry, all: bool) -> bool {
        (all || self.hidden || !entry.is_hidden()) && self.filter.matches(entry)
    }

    /// As [`Pattern::matches`] for an entry found at `rel` (its path from the top of a tree): a
    /// pattern with a '/' in it is matched against that path, any other against the name.
    pub fn matches_at(&self, rel: &[u8], entry: &Entry, all: bool) -> bool {
        if !self.path {
            return self.matches(entry, all);
        }
        (all || self.hidden || !entry.is_hidden()) && self.filter.matches_name(rel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::entry::Kind;

    fn e(name: &str) -> Entry {
        Entry::new(name.as_bytes().to_vec(), Kind::File)
    }

    #[test]
    fn hidden_names_need_a_dot_pattern_and_paths_need_a_slash() {
        let star = Pattern::new("*.log").unwrap();
        assert!(star.matches(&e("a.log"), false));
        assert!(!star.matches(&e(".a.log"), false));
        assert!(star.matches(&e(".a.log"), true));
        assert!(Pattern::new(".*").unwrap().matches(&e(".env"), false));
        let path = Pattern::new("build/*.o").unwrap();
        assert!(path.matches_at(b"build/x.o", &e("x.o"), false));
        assert!(!path.matches_at(b"src/build/x.o", &e("x.o"), false));
        assert!(!path.matches_at(b"build/sub/x.o", &e("x.o"), false));
        assert!(Pattern::new("[").is_err());
    }
}
