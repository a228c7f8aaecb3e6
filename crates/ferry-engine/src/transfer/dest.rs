//! Names on the destination side: which server-sent names may become local files, the
//! `.ferrypart` name a file is written under until it is complete, and `name (1).ext` for the
//! "rename" conflict choice.

use crate::error::Result;
use crate::fs::FileSystem;
use crate::fs::entry::Kind;
use crate::fs::path::FsPath;

pub const PART_SUFFIX: &str = ".ferrypart";

/// The longest file name Linux, macOS and Windows file systems take (bytes; UTF-16 units there).
pub const MAX_LOCAL_NAME: usize = 255;

/// Why a (listing-safe) name must still not become a local file name, if it must not.
/// Listings already drop `.`, `..`, names with `/` or NUL; here: `\` (a separator on Windows, and
/// never meant as one elsewhere either), names longer than [`MAX_LOCAL_NAME`] and, on Windows, reserved device names and trailing dots.
pub fn local_name_problem(name: &[u8]) -> Option<&'static str> {
    let len = if cfg!(windows) {
        String::from_utf8_lossy(name).encode_utf16().count()
    } else {
        name.len()
    };
    if len > MAX_LOCAL_NAME {
        return Some("a name longer than 255 bytes (too long for a local file name)");
    }
    if name.contains(&b'\\') {
        return Some("a name containing '\\'");
    }
    // Windows names are UTF-16 and APFS names UTF-8: bytes that are not UTF-8 have no exact
    // local name there (Linux and the BSDs take any bytes).
    if cfg!(any(windows, target_vendor = "apple")) && std::str::from_utf8(name).is_err() {
        return Some("a name that is not UTF-8 (file names on this computer must be)");
    }
    if cfg!(windows) {
        if name.iter().any(|b| b":*?\"<>|".contains(b) || *b < 0x20) {
            return Some("a name with characters Windows does not allow");
        }
        if name.ends_with(b".") || name.ends_with(b" ") {
            return Some("a name ending in a dot or space");
        }
        let stem = name
            .split(|b| *b == b'.')
            .next()
            .unwrap_or(name)
            .to_ascii_uppercase();
        let reserved = matches!(stem.as_slice(), b"CON" | b"PRN" | b"AUX" | b"NUL")
            || (stem.len() == 4
                && (stem.starts_with(b"COM") || stem.starts_with(b"LPT"))
                && stem[3].is_ascii_digit()
                && stem[3] != b'0');
        if reserved {
            return Some("a device name reserved on Windows");
        }
    }
    None
}

/// `dir/name.ferrypart` for `dir/name`; very long names are shortened (with a hash) so the part
/// name stays within the usual 255-byte limit.
pub fn part_path(dst: &FsPath) -> FsPath {
    sibling_with_suffix(dst, PART_SUFFIX)
}

/// `dir/name<suffix>` for `dir/name`, shortened as [`part_path`] says.
pub fn sibling_with_suffix(dst: &FsPath, suffix: &str) -> FsPath {
    let name = dst.file_name().unwrap_or(b"file");
    let mut part = if name.len() + suffix.len() > 255 {
        let mut h: u64 = 0xcbf29ce484222325;
        for b in name {
            h = (h ^ u64::from(*b)).wrapping_mul(0x100000001b3);
        }
        let mut cut = 200;
        while cut > 0
            && std::str::from_utf8(&name[..cut]).is_err()
            && std::str::from_utf8(name).is_ok()
        {
            cut -= 1;
        }
        let mut v = name[..cut].to_vec();
        v.extend_from_slice(format!("~{h:016x}").as_bytes());
        v
    } else {
        name.to_vec()
    };
    part.extend_from_slice(suffix.as_bytes());
    let parent = dst.parent().unwrap_or_else(|| FsPath::from("."));
    parent
        .join(&part)
        .unwrap_or_else(|_| FsPath::from_bytes([dst.as_bytes(), suffix.as_bytes()].concat()))
}

/// How many `name (n).ext` candidates "rename" tries before it gives up.
pub const FREE_NAME_TRIES: u32 = 9_999;

/// `name (1).ext`, `name (2).ext`, … : the first that does not exist on `fs`. When every
/// candidate up to [`FREE_NAME_TRIES`] exists, the file fails: "keep both" never overwrites.
pub async fn free_name(fs: &dyn FileSystem, dst: &FsPath) -> Result<FsPath> {
    let name = dst.file_name().unwrap_or(b"file").to_vec();
    let parent = dst.parent().unwrap_or_else(FsPath::root);
    let (stem, ext) = match name.iter().rposition(|b| *b == b'.') {
        Some(i) if i > 0 => (name[..i].to_vec(), name[i..].to_vec()),
        _ => (name.clone(), Vec::new()),
    };
    for n in 1..=FREE_NAME_TRIES {
        let mut candidate = stem.clone();
        candidate.extend_from_slice(format!(" ({n})").as_bytes());
        candidate.extend_from_slice(&ext);
        let path = parent.join(&candidate)?;
        match fs.lstat(&path).await {
            Err(crate::error::Error::NotFound { .. }) => return Ok(path),
            // Anything else (a denied look-up, a lost connection) says nothing about the name.
            Err(e) => return Err(e),
            Ok(_) => {}
        }
    }
    Err(crate::error::Error::NoFreeName {
        path: dst.to_string(),
        tries: FREE_NAME_TRIES,
    })
}

/// The mode a copy is created with, from its source's permission bits (`None`: unknown): the
/// source's `rwx` bits (no set-id or sticky bits, as OpenSSH's sftp), plus what Ferry needs to
/// finish the copy (owner write for a file, owner `rwx` for a folder it fills), less the umask of
/// whoever creates it. A copy is never more permissive than its source; `-p` sets the exact
/// bits once the copy is complete.
pub fn create_mode(source: Option<u32>, folder: bool) -> u32 {
    let own = if folder { 0o700 } else { 0o200 };
    match source {
        Some(p) => (p & 0o777) | own,
        None if folder => 0o777,
        None => 0o666,
    }
}

/// Makes sure `dir` exists as a real folder (not a symlink someone planted) on `fs`, created with
/// `mode` when it is new (see [`create_mode`]); `true` when it was created just now (so it is
/// empty).
pub async fn ensure_dir(fs: &dyn FileSystem, dir: &FsPath, mode: u32) -> Result<bool> {
    match fs.mkdir_mode(dir, mode).await {
        Ok(()) => Ok(true),
        Err(crate::error::Error::AlreadyExists { .. })
        | Err(crate::error::Error::Failure { .. }) => {
            let e = fs.lstat(dir).await?;
            if e.kind == Kind::Dir {
                Ok(false)
            } else {
                Err(crate::error::Error::UnsafeDestination {
                    path: dir.to_string(),
                    why: "it exists and is not a folder (a symlink is not followed)".into(),
                })
            }
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_names() {
        assert_eq!(
            part_path(&FsPath::from("/d/a.txt")),
            FsPath::from("/d/a.txt.ferrypart")
        );
        let long = format!("/d/{}", "x".repeat(250));
        let p = part_path(&FsPath::from(long.as_str()));
        assert!(p.file_name().unwrap().len() <= 255);
        assert!(p.to_string().ends_with(".ferrypart"));
    }

    #[test]
    fn local_names() {
        assert!(local_name_problem(b"ok.txt").is_none());
        assert!(local_name_problem(b"sub\\back.txt").is_some());
        assert_eq!(local_name_problem(b"CON").is_some(), cfg!(windows));
        assert_eq!(local_name_problem(b"com1.txt").is_some(), cfg!(windows));
        assert!(local_name_problem(b"COM0").is_none());
        assert!(local_name_problem(&[b'x'; 255]).is_none());
        assert!(local_name_problem(&[b'x'; 256]).is_some());
    }

    #[tokio::test]
    async fn free_names_count_up() {
        let d = tempfile::tempdir().unwrap();
        let base = crate::fs::local::from_local(d.path());
        std::fs::write(d.path().join("a.txt"), "").unwrap();
        std::fs::write(d.path().join("a (1).txt"), "").unwrap();
        let fs = crate::fs::local::LocalFs;
        let got = free_name(&fs, &base.join(b"a.txt").unwrap()).await.unwrap();
        assert_eq!(got.file_name().unwrap(), b"a (2).txt");
        let got = free_name(&fs, &base.join(b"noext").unwrap()).await.unwrap();
        assert_eq!(got.file_name().unwrap(), b"noext (1)");
    }

    /// Every "keep both" name taken: the file fails, it never falls back to overwriting.
    #[tokio::test]
    async fn no_free_name_is_an_error_not_an_overwrite() {
        let d = tempfile::tempdir().unwrap();
        let base = crate::fs::local::from_local(d.path());
        std::fs::write(d.path().join("full.txt"), "keep me").unwrap();
        for n in 1..=FREE_NAME_TRIES {
            std::fs::write(d.path().join(format!("full ({n}).txt")), "").unwrap();
        }
        let fs = crate::fs::local::LocalFs;
        let got = free_name(&fs, &base.join(b"full.txt").unwrap()).await;
        assert!(
            matches!(got, Err(crate::error::Error::NoFreeName { .. })),
            "{got:?}"
        );
        assert_eq!(
            std::fs::read(d.path().join("full.txt")).unwrap(),
            b"keep me"
        );
    }
}
