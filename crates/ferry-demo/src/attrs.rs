//! File attributes for the demo server: SFTP attributes and `ls -l` long names from the disk's
//! metadata, and SETSTAT/FSETSTAT (size, permissions, times) applied back to the disk. Owner and
//! group changes are ignored: every file belongs to the demo user.

use std::fs::{File, Metadata};
use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use russh_sftp::protocol::{File as NameEntry, FileAttributes};

/// Seconds since the epoch, clamped to SFTP v3's 32 bits.
fn secs(t: io::Result<SystemTime>) -> Option<u32> {
    let d = t.ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some(d.as_secs().min(u64::from(u32::MAX)) as u32)
}

/// The mode bits, type included (`S_IFDIR | 0755`…).
#[cfg(unix)]
fn mode(m: &Metadata) -> u32 {
    use std::os::unix::fs::MetadataExt;
    m.mode()
}

#[cfg(not(unix))]
fn mode(m: &Metadata) -> u32 {
    let ft = m.file_type();
    let (kind, perms) = if ft.is_dir() {
        (0o040000, 0o755)
    } else if ft.is_symlink() {
        (0o120000, 0o777)
    } else {
        (0o100000, 0o644)
    };
    let perms = if m.permissions().readonly() {
        perms & !0o222
    } else {
        perms
    };
    kind | perms
}

pub(super) fn from_metadata(m: &Metadata) -> FileAttributes {
    #[cfg(unix)]
    let (uid, gid) = {
        use std::os::unix::fs::MetadataExt;
        (Some(m.uid()), Some(m.gid()))
    };
    #[cfg(not(unix))]
    let (uid, gid) = (None, None);
    FileAttributes {
        size: Some(m.len()),
        uid,
        user: None,
        gid,
        group: None,
        permissions: Some(mode(m)),
        atime: secs(m.accessed()).or(Some(0)),
        mtime: secs(m.modified()).or(Some(0)),
    }
}

/// `drwxr-xr-x` from a mode.
fn mode_string(mode: u32) -> String {
    let kind = match mode & 0o170000 {
        0o040000 => 'd',
        0o120000 => 'l',
        0o100000 => '-',
        0o020000 => 'c',
        0o060000 => 'b',
        0o010000 => 'p',
        0o140000 => 's',
        _ => '?',
    };
    let mut s = String::with_capacity(10);
    s.push(kind);
    for shift in [6, 3, 0] {
        let bits = (mode >> shift) & 7;
        s.push(if bits & 4 != 0 { 'r' } else { '-' });
        s.push(if bits & 2 != 0 { 'w' } else { '-' });
        s.push(if bits & 1 != 0 { 'x' } else { '-' });
    }
    s
}

/// A directory entry with an OpenSSH-style long name, owner and group shown as `user`.
pub(super) fn entry(name: String, attrs: FileAttributes, user: &str) -> NameEntry {
    let mtime = UNIX_EPOCH + Duration::from_secs(u64::from(attrs.mtime.unwrap_or(0)));
    let date = chrono::DateTime::<chrono::Utc>::from(mtime).format("%b %e %Y %H:%M");
    let longname = format!(
        "{} 1 {user} {user} {:>8} {date} {name}",
        mode_string(attrs.permissions.unwrap_or(0)),
        attrs.size.unwrap_or(0),
    );
    NameEntry {
        filename: name,
        longname,
        attrs,
    }
}

fn file_time(secs: u32) -> filetime::FileTime {
    filetime::FileTime::from_unix_time(i64::from(secs), 0)
}

/// The times to set: SFTP v3 always sends both, but take the current one for a missing half.
fn times(attrs: &FileAttributes, current: &Metadata) -> (filetime::FileTime, filetime::FileTime) {
    let a = attrs
        .atime
        .map(file_time)
        .unwrap_or_else(|| filetime::FileTime::from_last_access_time(current));
    let m = attrs
        .mtime
        .map(file_time)
        .unwrap_or_else(|| filetime::FileTime::from_last_modification_time(current));
    (a, m)
}

#[cfg(unix)]
fn permissions(mode: u32) -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(mode & 0o7777)
}

#[cfg(not(unix))]
fn permissions_for(current: &Metadata, mode: u32) -> std::fs::Permissions {
    let mut p = current.permissions();
    p.set_readonly(mode & 0o200 == 0);
    p
}

/// SETSTAT on a path (symlinks already resolved by the jail).
pub(super) fn apply_to_path(path: &Path, attrs: &FileAttributes) -> io::Result<()> {
    if let Some(size) = attrs.size {
        let mut o = std::fs::OpenOptions::new();
        o.write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            o.custom_flags(libc::O_NOFOLLOW);
        }
        o.open(path)?.set_len(size)?;
    }
    if let Some(mode) = attrs.permissions {
        #[cfg(unix)]
        std::fs::set_permissions(path, permissions(mode))?;
        #[cfg(not(unix))]
        std::fs::set_permissions(path, permissions_for(&std::fs::metadata(path)?, mode))?;
    }
    if attrs.atime.is_some() || attrs.mtime.is_some() {
        let (a, m) = times(attrs, &std::fs::metadata(path)?);
        filetime::set_file_times(path, a, m)?;
    }
    Ok(())
}

/// FSETSTAT on an open file.
pub(super) fn apply_to_file(file: &File, attrs: &FileAttributes) -> io::Result<()> {
    if let Some(size) = attrs.size {
        file.set_len(size)?;
    }
    if let Some(mode) = attrs.permissions {
        #[cfg(unix)]
        file.set_permissions(permissions(mode))?;
        #[cfg(not(unix))]
        file.set_permissions(permissions_for(&file.metadata()?, mode))?;
    }
    if attrs.atime.is_some() || attrs.mtime.is_some() {
        let (a, m) = times(attrs, &file.metadata()?);
        filetime::set_file_handle_times(file, Some(a), Some(m))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mode_strings() {
        assert_eq!(mode_string(0o040755), "drwxr-xr-x");
        assert_eq!(mode_string(0o100640), "-rw-r-----");
        assert_eq!(mode_string(0o120777), "lrwxrwxrwx");
    }

    #[test]
    fn long_names_have_the_owner_where_clients_look() {
        let attrs = FileAttributes {
            size: Some(12),
            permissions: Some(0o100644),
            mtime: Some(1_700_000_000),
            ..FileAttributes::empty()
        };
        let e = entry("a b.txt".into(), attrs, "demo");
        let fields: Vec<&str> = e.longname.split_whitespace().collect();
        assert_eq!(fields[0], "-rw-r--r--");
        assert_eq!((fields[2], fields[3], fields[4]), ("demo", "demo", "12"));
        assert!(e.longname.ends_with(" a b.txt"));
    }
}
