//! Files that fit in one request, copied in two round trips: open, then everything else sent
//! together (the server handles requests in order). In trees of small files the round trips, not
//! the bytes, set the speed.

use std::fs::FileTimes;
use std::path::Path;
use std::time::SystemTime;

use russh_sftp::client::error::Error as SftpError;
use russh_sftp::protocol::{FileAttributes, OpenFlags, StatusCode};

use crate::error::{Error, Result};
use crate::fs::path::FsPath;
use crate::transfer::copy::Copy;
use crate::transfer::disk::{blocking, local_err, open_part_local, write_at};

/// What a copy already settled on the destination before closing the file, saving round trips
/// (or blocking calls) afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Settled {
    /// The size the destination reported for the file just before it was closed.
    pub size: Option<u64>,
    /// The modification time was set on the open file.
    pub mtime_set: bool,
}

fn secs(t: SystemTime) -> u32 {
    t.duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs().min(u64::from(u32::MAX)) as u32)
        .unwrap_or(0)
}

/// A file that fits in one request, downloaded in two round trips: open, then read + probe + close
/// sent together. `None` when it turned out bigger (the caller falls back to the general path).
/// The local side is one blocking call: write, keep `mtime`, and read back the size on disk (three
/// calls fewer per file than doing each on its own, which told in trees of small files).
pub(super) async fn download_small(
    c: &Copy<'_>,
    src: &FsPath,
    part: &Path,
    mtime: Option<SystemTime>,
) -> Result<Option<(u64, Settled)>> {
    let raw = c.sftp.raw().clone();
    let chunk = c.sftp.limits().read_len;
    let handle = raw
        .open(src.to_wire()?, OpenFlags::READ, FileAttributes::empty())
        .await
        .map_err(|e| c.sftp.map_error(e, src))?
        .handle;
    let (first, probe, _closed) = tokio::join!(
        raw.read(handle.clone(), 0, chunk),
        raw.read(handle.clone(), u64::from(chunk), chunk),
        raw.close(handle.clone())
    );
    let eof = |r: &std::result::Result<russh_sftp::protocol::Data, SftpError>| match r {
        Ok(d) => d.data.is_empty(),
        Err(SftpError::Status(s)) => s.status_code == StatusCode::Eof,
        Err(_) => false,
    };
    let data = match first {
        Ok(d) if d.data.len() < chunk as usize && eof(&probe) => d.data,
        Ok(d) if d.data.len() > chunk as usize => {
            return Err(Error::Protocol {
                detail: format!("the server sent more data than asked for reading {src}"),
            });
        }
        Err(SftpError::Status(s)) if s.status_code == StatusCode::Eof && eof(&probe) => Vec::new(),
        Err(e) if !matches!(&e, SftpError::Status(s) if s.status_code == StatusCode::Eof) => {
            return Err(c.sftp.map_error(e, src));
        }
        _ => return Ok(None), // bigger than it said: take the general path
    };
    let n = data.len() as u64;
    let part_owned = part.to_path_buf();
    let mode = c.mode;
    let settled = blocking(move || {
        let f = open_part_local(&part_owned, true, mode)?;
        write_at(&f, &data, 0)?;
        f.set_len(n)?;
        // A failure here is not the copy's: the caller sets the time by path and notes why not.
        let mtime_set = mtime.is_some_and(|m| {
            let times = FileTimes::new()
                .set_accessed(SystemTime::now())
                .set_modified(m);
            f.set_times(times).is_ok()
        });
        Ok(Settled {
            size: Some(f.metadata()?.len()),
            mtime_set,
        })
    })
    .await
    .map_err(local_err(part))?;
    // Paid after the fact (its size was only known now): the next request waits its turn.
    c.pace(n).await;
    c.add(n);
    Ok(Some((n, settled)))
}

/// A file that fits in one request, uploaded in two round trips: open, then write + set mtime +
/// stat + close sent together (the server handles them in order).
pub(super) async fn upload_small(
    c: &Copy<'_>,
    data: Vec<u8>,
    part: &FsPath,
    mtime: Option<SystemTime>,
) -> Result<(u64, Settled)> {
    c.pace(data.len() as u64).await;
    let raw = c.sftp.raw().clone();
    let flags = OpenFlags::WRITE | OpenFlags::CREATE | OpenFlags::TRUNCATE;
    let handle = raw
        .open(part.to_wire()?, flags, c.create_attrs())
        .await
        .map_err(|e| c.sftp.map_error(e, part))?
        .handle;
    let n = data.len() as u64;
    let times = mtime.map(|m| FileAttributes {
        atime: Some(secs(SystemTime::now())),
        mtime: Some(secs(m)),
        ..FileAttributes::empty()
    });
    let write = async {
        if n > 0 {
            raw.write(handle.clone(), 0, data).await.map(|_| ())
        } else {
            Ok(())
        }
    };
    let set_times = async {
        match times {
            Some(a) => raw.fsetstat(handle.clone(), a).await.map(|_| true),
            None => Ok(false),
        }
    };
    // Sent in this order (each future sends its request when first polled), and the server
    // handles them in order: the sync comes after the write, before the close.
    let fsync = async {
        if c.fsync {
            raw.fsync(handle.clone()).await.map(|_| ())
        } else {
            Ok(())
        }
    };
    let (w, t, st, synced, closed) = tokio::join!(
        write,
        set_times,
        raw.fstat(handle.clone()),
        fsync,
        raw.close(handle.clone())
    );
    w.map_err(|e| c.sftp.map_error(e, part))?;
    synced.map_err(|e| c.sftp.map_error(e, part))?;
    closed.map_err(|e| c.sftp.map_error(e, part))?;
    c.add(n);
    Ok((
        n,
        Settled {
            size: st.ok().and_then(|a| a.attrs.size),
            mtime_set: t.unwrap_or(false),
        },
    ))
}
