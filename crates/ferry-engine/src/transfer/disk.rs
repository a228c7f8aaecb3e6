//! Local files on the data path: positioned reads and writes (many requests in flight write one
//! file in any order), the blocking pool they run on, and partial files opened without following
//! a planted symlink.

use std::fs::File;
use std::path::Path;

use crate::error::Error;

pub(super) fn local_err(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::from_local_io(&e, path)
}

pub(super) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> std::io::Result<T> + Send + 'static,
) -> std::io::Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or_else(|e| Err(std::io::Error::other(e.to_string())))
}

#[cfg(unix)]
pub(super) fn write_at(f: &File, buf: &[u8], off: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(f, buf, off)
}

#[cfg(windows)]
pub(super) fn write_at(f: &File, mut buf: &[u8], mut off: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        let n = std::os::windows::fs::FileExt::seek_write(f, buf, off)?;
        buf = &buf[n..];
        off += n as u64;
    }
    Ok(())
}

#[cfg(unix)]
fn read_at(f: &File, buf: &mut [u8], off: u64) -> std::io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(f, buf, off)
}

#[cfg(windows)]
fn read_at(f: &File, buf: &mut [u8], off: u64) -> std::io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(f, buf, off)
}

/// Up to `len` bytes from `off` (fewer only at the end of the file).
pub(super) fn read_full(f: &File, off: u64, len: usize) -> std::io::Result<Vec<u8>> {
    // Size the buffer by what the file holds (one byte more, to see whether it grew), not by the
    // request: zeroing a 256 KiB buffer for each 16 KiB file was a quarter of a tree upload's CPU.
    read_sized(f, off, len, f.metadata()?.len())
}

/// `read_full` with the file's size as seen beforehand (`size`), which may be out of date.
pub(super) fn read_sized(f: &File, off: u64, len: usize, size: u64) -> std::io::Result<Vec<u8>> {
    let left = size.saturating_sub(off).saturating_add(1);
    let mut buf = vec![0u8; len.min(usize::try_from(left).unwrap_or(usize::MAX))];
    let mut got = 0;
    while got < len {
        if got == buf.len() {
            // The file grew while being read: take what it has now, up to the request.
            buf.resize(len.min(got.saturating_mul(2).max(64 * 1024)), 0);
        }
        match read_at(f, &mut buf[got..], off + got as u64)? {
            0 => break,
            n => got += n,
        }
    }
    buf.truncate(got);
    Ok(buf)
}

/// Opens (creating) a local partial file without following a symlink planted at its name. A new
/// file is created with `mode` less the umask; one left by an earlier attempt loses any bit
/// `mode` lacks, so the copy is never more permissive than its source.
pub fn open_part_local(path: &Path, truncate: bool, mode: u32) -> std::io::Result<File> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create(true).truncate(truncate);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        o.custom_flags(libc::O_NOFOLLOW).mode(mode & 0o777);
        let f = o.open(path)?;
        let now = f.metadata()?.permissions().mode() & 0o7777;
        if now & !(mode & 0o777) != 0 {
            f.set_permissions(std::fs::Permissions::from_mode(now & mode & 0o777))?;
        }
        Ok(f)
    }
    #[cfg(not(unix))]
    {
        let _ = mode;
        o.open(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A private source stays private: new and leftover partial files alike.
    #[cfg(unix)]
    #[test]
    fn partial_files_are_never_more_permissive_than_the_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode_of = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        let fresh = dir.path().join("fresh");
        drop(open_part_local(&fresh, true, 0o600).unwrap());
        assert_eq!(mode_of(&fresh), 0o600);
        let left = dir.path().join("left");
        std::fs::write(&left, "old prefix").unwrap();
        std::fs::set_permissions(&left, std::fs::Permissions::from_mode(0o666)).unwrap();
        drop(open_part_local(&left, false, 0o640).unwrap());
        assert_eq!(mode_of(&left), 0o640);
        assert_eq!(std::fs::read(&left).unwrap(), b"old prefix");
    }

    #[test]
    fn read_full_reads_what_is_there_up_to_the_request() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&p, &data).unwrap();
        let f = File::open(&p).unwrap();
        assert_eq!(read_full(&f, 0, 1_000_000).unwrap(), data);
        assert_eq!(read_full(&f, 10, 100).unwrap(), data[10..110]);
        assert_eq!(read_full(&f, 199_990, 100).unwrap(), data[199_990..]);
        assert!(read_full(&f, 300_000, 100).unwrap().is_empty());
        // A file that grew after its size was taken is still read up to the request.
        assert_eq!(read_sized(&f, 0, 150_000, 10).unwrap(), data[..150_000]);
        assert_eq!(read_sized(&f, 5, 1_000_000, 0).unwrap(), data[5..]);
    }
}
