//! File names from servers and people: which are acceptable as one path component, and how they
//! are shown.
//!
//! A name a server sends is never trusted as a path: listings drop names that are empty, `.`/`..`,
//! or contain `/` or NUL (see [`check_name`]), and nothing joins a name that failed it. Display
//! escapes control characters so a name cannot rewrite a terminal or fake a log line.

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

/// A name or path as bytes, for people: bytes that are not UTF-8 as `\xe9`-style escapes (two
/// names that differ only there then look different too), the rest as [`escape_for_display`].
pub fn display_bytes(bytes: &[u8]) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return escape_for_display(text);
    }
    let mut text = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        for b in chunk.invalid() {
            text.push_str(&format!("\\x{b:02x}"));
        }
    }
    escape_for_display(&text)
}

/// Escapes C0/C1 control characters and DEL (`\n` → `\n`, ESC → `\x1b`, …) so a name is shown on one
/// line as it is, without acting on a terminal; line/paragraph separators and bidirectional
/// overrides (which make `exe.txt` read as `txt.exe`) become `\u{202e}`-style escapes.
pub fn escape_for_display(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\\' => out.push('\\'),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if is_unsafe_for_display(c) => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// True when `c` must never reach a terminal or a label raw: C0/C1 controls, DEL, line and
/// paragraph separators, and the bidirectional overrides that reorder how a name reads.
pub fn is_unsafe_for_display(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{061c}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
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
