//! File names from servers and people: which are acceptable as one path component, and how they
//! are shown (the escaping itself is [`crate::display`]).
//!
//! A name a server sends is never trusted as a path: listings drop names that are empty, `.`/`..`,
//! or contain `/` or NUL (see [`check_name`]), and nothing joins a name that failed it. Display
//! escapes control characters so a name cannot rewrite a terminal or fake a log line.

// Names are shown with these; callers may name them through `fs::name` too.
pub use crate::display::{display_bytes, escape_for_display, is_unsafe_for_display};
use crate::error::{Error, Result};

/// Why a server-sent name was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadName {
    Empty,
    Dot,
    Slash,
    Nul,
}

impl BadName {
    pub fn describe(self) -> &'static str {
        match self {
            BadName::Empty => "an empty name",
            BadName::Dot => "'.' or '..'",
            BadName::Slash => "a name containing '/'",
            BadName::Nul => "a name containing a NUL byte",
        }
    }
}

/// Classifies a single path component; `None` means acceptable.
pub fn classify(name: &[u8]) -> Option<BadName> {
    if name.is_empty() {
        Some(BadName::Empty)
    } else if name == b"." || name == b".." {
        Some(BadName::Dot)
    } else if name.contains(&b'/') {
        Some(BadName::Slash)
    } else if name.contains(&0) {
        Some(BadName::Nul)
    } else {
        None
    }
}

/// `Ok` when `name` is one safe path component.
pub fn check_name(name: &[u8]) -> Result<()> {
    match classify(name) {
        None => Ok(()),
        Some(why) => Err(Error::UnsafeName {
            name: escape_for_display(&String::from_utf8_lossy(name)),
            why: why.describe(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_names() {
        assert_eq!(classify(b"ok name.txt"), None);
        assert_eq!(classify(b"-rf"), None);
        assert_eq!(classify(b"*"), None);
        assert_eq!(classify(b""), Some(BadName::Empty));
        assert_eq!(classify(b".."), Some(BadName::Dot));
        assert_eq!(classify(b"../x"), Some(BadName::Slash));
        assert_eq!(classify(b"/etc/passwd"), Some(BadName::Slash));
        assert_eq!(classify(b"a\0"), Some(BadName::Nul));
        assert_eq!(classify("ünï".as_bytes()), None);
    }

    #[test]
    fn escapes_controls() {
        assert_eq!(escape_for_display("a\nb\x1b[31m"), "a\\nb\\x1b[31m");
        assert_eq!(escape_for_display("plain ü"), "plain ü");
        assert_eq!(escape_for_display("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(display_bytes(b"caf\xe9\n.txt"), "caf\\xe9\\n.txt");
        assert_eq!(display_bytes("ünï".as_bytes()), "ünï");
    }
}
