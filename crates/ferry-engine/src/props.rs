//! Properties of everything that turns bytes a server sends into local paths and displayed names,
//! as plain functions that panic with a message when a property fails.
//!
//! The fuzz targets in `fuzz/` call them with libFuzzer's inputs; `tests/engine/fuzz_regressions.rs`
//! feeds them every file of `fuzz/corpus/*` and `fuzz/regressions/*` on stable Rust, so a crash
//! the fuzzer once found stays a test. Each function takes raw bytes, as a server could send them.
//!
//! What they check:
//! - [`server_name`]: a name from a listing either is refused (empty, `.`/`..`, `/`, NUL) or, joined
//!   onto a destination folder, stays exactly one level inside it — as an `FsPath`, as the local OS
//!   path, and as its `.ferrypart` partial file; the entry's display form has no control characters.
//! - [`display`]: [`escape_for_display`] leaves no control, line-breaking or bidi-override
//!   characters, and changes nothing printable.
//! - [`remote_path`]: normalising a path is idempotent, never leaves `.`/`..` in an absolute path,
//!   and a relative path typed by a person, joined onto an absolute base, stays absolute.
//! - [`long_name`]: an SFTP `ls -l` long name and attributes become an entry whose owner, group
//!   and name display without control characters.
//! - [`known_hosts_line`]: any line of a known_hosts file parses without panicking, and a plain
//!   host name pattern matches itself.

use crate::display::{escape_for_display, is_unsafe_for_display};
use crate::fs::entry::Entry;
use crate::fs::local::to_local;
use crate::fs::name::{BadName, check_name, classify};
use crate::fs::path::FsPath;
use crate::transfer::dest::{PART_SUFFIX, local_name_problem, part_path};

fn assert_displayable(what: &str, shown: &str, from: &[u8]) {
    if let Some(c) = shown.chars().find(|c| is_unsafe_for_display(*c)) {
        panic!(
            "{what} {shown:?} (from {from:?}) shows the raw character U+{:04X}",
            c as u32
        );
    }
}

/// A name from a server's listing, joined onto the destination folder `/dest/dir`.
pub fn server_name(name: &[u8]) {
    let dest = FsPath::from("/dest/dir");
    let why = classify(name);
    let expected = if name.is_empty() {
        Some(BadName::Empty)
    } else if name == b"." || name == b".." {
        Some(BadName::Dot)
    } else if name.contains(&b'/') {
        Some(BadName::Slash)
    } else if name.contains(&0) {
        Some(BadName::Nul)
    } else {
        None
    };
    assert_eq!(why, expected, "classify({name:?})");
    assert_eq!(check_name(name).is_ok(), why.is_none());

    let entry = Entry::new(name.to_vec(), crate::fs::entry::Kind::File);
    assert_displayable("the display name", &entry.display, name);
    let exact = std::str::from_utf8(name).is_ok_and(|s| !s.contains('\u{FFFD}'));
    assert_eq!(entry.exact, exact, "exactness of {name:?}");
    if let Err(e) = check_name(name) {
        assert_displayable("the refusal", &e.to_string(), name);
    }

    let joined = match dest.join(name) {
        Ok(j) => j,
        Err(_) => {
            assert!(why.is_some(), "join refused the acceptable name {name:?}");
            return;
        }
    };
    assert!(why.is_none(), "join accepted the refused name {name:?}");
    assert_eq!(joined.parent(), Some(dest.clone()), "parent of {joined:?}");
    assert_eq!(joined.file_name(), Some(name), "file name of {joined:?}");
    assert_eq!(
        joined.normalized(),
        joined,
        "{joined:?} changes when normalised"
    );
    assert_displayable("the joined path", &joined.display_lossy(), name);

    let local_dest = to_local(&dest);
    let local = to_local(&joined);
    assert_eq!(
        local.parent(),
        Some(local_dest.as_path()),
        "{local:?} not in {local_dest:?}"
    );
    assert_eq!(
        local.components().count(),
        local_dest.components().count() + 1,
        "{local:?} is not one level below {local_dest:?}"
    );

    if local_name_problem(name).is_none() {
        let part = part_path(&joined);
        assert_eq!(part.parent(), Some(dest), "the partial file {part:?} moved");
        let part_name = part.file_name().expect("a partial file has a name");
        assert!(part_name.ends_with(PART_SUFFIX.as_bytes()), "{part:?}");
        assert!(
            part_name.len() <= 255,
            "partial file name too long: {part:?}"
        );
        assert!(check_name(part_name).is_ok(), "partial file name {part:?}");
    } else {
        assert!(
            name.contains(&b'\\')
                || name.len() > 255
                || cfg!(windows)
                || (cfg!(target_vendor = "apple") && std::str::from_utf8(name).is_err()),
            "local_name_problem refused {name:?}"
        );
    }
}

/// Text shown to people: names, link targets, error details.
pub fn display(text: &[u8]) {
    let s = String::from_utf8_lossy(text);
    let shown = escape_for_display(&s);
    assert_displayable("escape_for_display", &shown, text);
    if !s.chars().any(is_unsafe_for_display) {
        assert_eq!(shown, s, "a printable text was changed");
    }
    assert!(!shown.contains('\n') && !shown.contains('\r'), "{shown:?}");
}

/// A path from a server (REALPATH, READLINK) or typed by a person.
pub fn remote_path(bytes: &[u8]) {
    let p = FsPath::from_bytes(bytes.to_vec());
    let n = p.normalized();
    assert_eq!(n.normalized(), n, "normalising {p:?} twice differs");
    if p.is_absolute() {
        assert!(n.is_absolute(), "{p:?} lost its root");
        assert!(
            !n.as_bytes()
                .split(|b| *b == b'/')
                .any(|c| c == b"." || c == b".."),
            "{n:?} keeps a dot component"
        );
    }
    assert_eq!(p.to_wire().is_ok(), std::str::from_utf8(bytes).is_ok());
    assert_displayable("the path", &p.display_lossy(), bytes);
    if let Some(name) = n.file_name() {
        assert!(!name.contains(&b'/'), "{n:?}");
    }
    let base = FsPath::from("/home/u");
    let rel = String::from_utf8_lossy(bytes);
    let typed = base.join_relative(&rel);
    assert!(
        typed.is_absolute(),
        "{rel:?} joined onto /home/u: {typed:?}"
    );
    assert_eq!(typed.normalized(), typed);
}

/// An SFTP v3 NAME entry: name, `ls -l` long name and attributes as a server sent them.
pub fn long_name(name: &[u8], longname: &[u8], mode: u32, size: u64) {
    let name = String::from_utf8_lossy(name);
    let longname = String::from_utf8_lossy(longname);
    let attrs = russh_sftp::protocol::FileAttributes {
        size: Some(size),
        permissions: Some(mode),
        uid: Some(mode),
        gid: Some(mode.rotate_left(7)),
        ..russh_sftp::protocol::FileAttributes::empty()
    };
    let e = crate::fs::sftp::entry_from(&name, &longname, &attrs);
    assert_displayable("the name", &e.display, name.as_bytes());
    for (what, v) in [("the owner", &e.owner), ("the group", &e.group)] {
        if let Some(v) = v {
            assert_displayable(what, v, longname.as_bytes());
        }
    }
    assert_eq!(e.size, Some(size));
    let perms = e.perms_string();
    assert_eq!(perms.chars().count(), 10, "{perms:?}");
}

/// One line of a known_hosts file, checked for the host `name`.
pub fn known_hosts_line(line: &[u8], name: &[u8]) {
    let line = String::from_utf8_lossy(line);
    let name = String::from_utf8_lossy(name).to_ascii_lowercase();
    let _ = crate::ssh::hostkeys::parse_line_for_fuzz(&line, &name);
    if !name.is_empty()
        && !name.contains(['*', '?', ',', '!', ' ', '\t', '\r', '\n'])
        && !name.starts_with("|1|")
    {
        assert!(
            crate::ssh::hostkeys::hosts_match_for_fuzz(&name, &name),
            "the pattern {name:?} does not match itself"
        );
    }
}

/// Splits one fuzz input into up to `n` byte strings at 0xff 0x00 pairs (so each part can hold
/// any byte, NUL and 0xff included).
pub fn split(data: &[u8], n: usize) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = data;
    while parts.len() + 1 < n {
        match rest.windows(2).position(|w| w == [0xff, 0x00]) {
            Some(i) => {
                parts.push(&rest[..i]);
                rest = &rest[i + 2..];
            }
            None => break,
        }
    }
    parts.push(rest);
    while parts.len() < n {
        parts.push(&[]);
    }
    parts
}

/// Every property, for one input: what `tests/engine/fuzz_regressions.rs` runs on each corpus file.
pub fn all(data: &[u8]) {
    server_name(data);
    display(data);
    remote_path(data);
    let p = split(data, 2);
    let (mode, size) = match data {
        [a, b, c, d, rest @ ..] => (
            u32::from_le_bytes([*a, *b, *c, *d]),
            rest.iter()
                .fold(0u64, |s, b| s.rotate_left(8) ^ u64::from(*b)),
        ),
        _ => (0, u64::MAX),
    };
    long_name(p[0], p[1], mode, size);
    known_hosts_line(p[0], p[1]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_hold_for_known_nasty_inputs() {
        for input in [
            &b"../etc/passwd"[..],
            b"/abs",
            b"a\0b",
            b"esc\x1b[31m",
            b"line\nbreak",
            b"\xff\xfe",
            b"rtl\xe2\x80\xaetxt.exe",
            b"sep\xe2\x80\xa8x",
            &[b'L'; 4096],
            b"",
            b".",
            b"..",
            b"back\\slash",
            b"drwxr-xr-x 1 \x1b[2J evil 0 Jan 1 00:00 x\xff\x00x",
            b"|1|abc|def ssh-ed25519 AAAA\xff\x00host",
        ] {
            all(input);
        }
    }

    #[test]
    fn split_keeps_every_byte() {
        assert_eq!(split(b"a\xff\x00b\xff\x00c", 2), [&b"a"[..], b"b\xff\x00c"]);
        assert_eq!(split(b"", 2), [&b""[..], b""]);
    }
}
