//! The SFTP side of the demo server: russh-sftp's server [`Handler`] over the jailed folder.
//!
//! One `DemoSftp` per SFTP channel. It owns that channel's open handles (files and directory
//! listings, many at once), does every disk operation off the async runtime, and maps I/O errors
//! to SFTP status codes. Extensions: `posix-rename@openssh.com`, `limits@openssh.com` and (on
//! Unix) `statvfs@openssh.com`; others are answered "unsupported". Symbolic links are never
//! created.

use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use russh_sftp::protocol::{
    Attrs, Data, File as NameEntry, FileAttributes, Handle, Name, OpenFlags, Packet, Status,
    StatusCode, Version,
};
use russh_sftp::server::{Handler, StatusReply};

use super::attrs;
use super::jail::Jail;
use ferry_engine::fs::FileSystem;
use ferry_engine::fs::local::{LocalFs, from_local};

use super::ext::{self, MAX_HANDLES, MAX_IO_LEN};

/// Directory entries per READDIR reply.
const READDIR_BATCH: usize = 128;

enum Open {
    File {
        file: Arc<File>,
        writable: bool,
    },
    Dir {
        path: PathBuf,
        entries: VecDeque<NameEntry>,
    },
}

pub(super) struct DemoSftp {
    jail: Arc<Jail>,
    user: String,
    handles: HashMap<String, Open>,
    next_handle: u64,
}

impl DemoSftp {
    pub(super) fn new(jail: Arc<Jail>, user: String) -> DemoSftp {
        DemoSftp {
            jail,
            user,
            handles: HashMap::new(),
            next_handle: 0,
        }
    }

    fn add(&mut self, open: Open) -> Result<String, StatusReply> {
        if self.handles.len() >= MAX_HANDLES {
            return Err(StatusCode::Failure.with_message("too many open handles"));
        }
        self.next_handle += 1;
        let h = format!("h{:x}", self.next_handle);
        self.handles.insert(h.clone(), open);
        Ok(h)
    }

    fn file(&self, handle: &str) -> Result<(Arc<File>, bool), StatusReply> {
        match self.handles.get(handle) {
            Some(Open::File { file, writable }) => Ok((file.clone(), *writable)),
            Some(Open::Dir { .. }) => Err(StatusCode::Failure.with_message("not a file handle")),
            None => Err(bad_handle()),
        }
    }

    /// Runs `f` with the jail on the blocking pool.
    async fn with_jail<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Jail) -> io::Result<T> + Send + 'static,
    ) -> Result<T, StatusReply> {
        let jail = self.jail.clone();
        blocking(move || f(&jail)).await
    }
}

fn bad_handle() -> StatusReply {
    StatusCode::Failure.with_message("invalid handle")
}

fn ok(id: u32) -> Status {
    Status {
        id,
        status_code: StatusCode::Ok,
        error_message: "Ok".into(),
        language_tag: "en-US".into(),
    }
}

/// An I/O error as the SFTP status OpenSSH would send for it.
fn status_of(e: &io::Error) -> StatusReply {
    use io::ErrorKind as K;
    match e.kind() {
        K::NotFound | K::NotADirectory => StatusCode::NoSuchFile.with_message(e.to_string()),
        K::PermissionDenied | K::ReadOnlyFilesystem => {
            StatusCode::PermissionDenied.with_message(e.to_string())
        }
        _ => StatusCode::Failure.with_message(e.to_string()),
    }
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> io::Result<T> + Send + 'static,
) -> Result<T, StatusReply> {
    match tokio::task::spawn_blocking(f).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(status_of(&e)),
        Err(e) => Err(StatusCode::Failure.with_message(e.to_string())),
    }
}

#[cfg(unix)]
fn read_at(f: &File, buf: &mut [u8], off: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(f, buf, off)
}

#[cfg(windows)]
fn read_at(f: &File, buf: &mut [u8], off: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(f, buf, off)
}

#[cfg(unix)]
fn write_at(f: &File, buf: &[u8], off: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(f, buf, off)
}

#[cfg(windows)]
fn write_at(f: &File, mut buf: &[u8], mut off: u64) -> io::Result<()> {
    while !buf.is_empty() {
        let n = std::os::windows::fs::FileExt::seek_write(f, buf, off)?;
        buf = &buf[n..];
        off += n as u64;
    }
    Ok(())
}

/// Up to `len` bytes at `off`; fewer only at the end of the file.
fn read_full(f: &File, off: u64, len: usize) -> io::Result<Vec<u8>> {
    let mut buf = vec![0u8; len];
    let mut got = 0;
    while got < len {
        match read_at(f, &mut buf[got..], off + got as u64) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    buf.truncate(got);
    Ok(buf)
}

fn open_file(path: &std::path::Path, flags: OpenFlags, attrs: &FileAttributes) -> io::Result<File> {
    let create = flags.contains(OpenFlags::CREATE);
    let truncate = flags.contains(OpenFlags::TRUNCATE);
    let append = flags.contains(OpenFlags::APPEND);
    let write = flags.contains(OpenFlags::WRITE) || append || create || truncate;
    let mut o = std::fs::OpenOptions::new();
    o.read(flags.contains(OpenFlags::READ) || !write)
        .write(write)
        .append(append)
        .truncate(truncate);
    if create && flags.contains(OpenFlags::EXCLUDE) {
        o.create_new(true);
    } else {
        o.create(create);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW)
            .mode(attrs.permissions.unwrap_or(0o644) & 0o777);
    }
    #[cfg(not(unix))]
    let _ = attrs;
    let file = o.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    Ok(file)
}

impl Handler for DemoSftp {
    type Error = StatusReply;

    fn unimplemented(&self) -> Self::Error {
        StatusCode::OpUnsupported.into()
    }

    async fn init(
        &mut self,
        _version: u32,
        _extensions: HashMap<String, String>,
    ) -> Result<Version, Self::Error> {
        let mut v = Version::new();
        v.extensions
            .insert("posix-rename@openssh.com".into(), "1".into());
        v.extensions.insert("limits@openssh.com".into(), "1".into());
        if cfg!(unix) {
            v.extensions
                .insert("statvfs@openssh.com".into(), "2".into());
        }
        Ok(v)
    }

    async fn open(
        &mut self,
        id: u32,
        filename: String,
        pflags: OpenFlags,
        attrs: FileAttributes,
    ) -> Result<Handle, Self::Error> {
        let (file, writable) = self
            .with_jail(move |j| {
                let path = j.resolve(&filename, true)?;
                let file = open_file(&path, pflags, &attrs)?;
                let writable = pflags.intersects(
                    OpenFlags::WRITE | OpenFlags::APPEND | OpenFlags::CREATE | OpenFlags::TRUNCATE,
                );
                Ok((file, writable))
            })
            .await?;
        let handle = self.add(Open::File {
            file: Arc::new(file),
            writable,
        })?;
        Ok(Handle { id, handle })
    }

    async fn close(&mut self, id: u32, handle: String) -> Result<Status, Self::Error> {
        match self.handles.remove(&handle) {
            Some(_) => Ok(ok(id)),
            None => Err(bad_handle()),
        }
    }

    async fn read(
        &mut self,
        id: u32,
        handle: String,
        offset: u64,
        len: u32,
    ) -> Result<Data, Self::Error> {
        let (file, _) = self.file(&handle)?;
        let len = len.min(MAX_IO_LEN) as usize;
        let data = blocking(move || read_full(&file, offset, len)).await?;
        if data.is_empty() && len > 0 {
            return Err(StatusCode::Eof.into());
        }
        Ok(Data { id, data })
    }

    async fn write(
        &mut self,
        id: u32,
        handle: String,
        offset: u64,
        data: Vec<u8>,
    ) -> Result<Status, Self::Error> {
        let (file, writable) = self.file(&handle)?;
        if !writable {
            return Err(StatusCode::PermissionDenied.with_message("file not opened for writing"));
        }
        blocking(move || write_at(&file, &data, offset)).await?;
        Ok(ok(id))
    }

    async fn lstat(&mut self, id: u32, path: String) -> Result<Attrs, Self::Error> {
        let attrs = self
            .with_jail(move |j| {
                let m = std::fs::symlink_metadata(j.resolve(&path, false)?)?;
                Ok(attrs::from_metadata(&m))
            })
            .await?;
        Ok(Attrs { id, attrs })
    }

    async fn stat(&mut self, id: u32, path: String) -> Result<Attrs, Self::Error> {
        let attrs = self
            .with_jail(move |j| {
                let m = std::fs::metadata(j.resolve(&path, true)?)?;
                Ok(attrs::from_metadata(&m))
            })
            .await?;
        Ok(Attrs { id, attrs })
    }

    async fn fstat(&mut self, id: u32, handle: String) -> Result<Attrs, Self::Error> {
        let m = match self.handles.get(&handle) {
            Some(Open::File { file, .. }) => {
                let file = file.clone();
                blocking(move || file.metadata()).await?
            }
            Some(Open::Dir { path, .. }) => {
                let path = path.clone();
                blocking(move || std::fs::metadata(path)).await?
            }
            None => return Err(bad_handle()),
        };
        Ok(Attrs {
            id,
            attrs: attrs::from_metadata(&m),
        })
    }

    async fn setstat(
        &mut self,
        id: u32,
        path: String,
        attrs: FileAttributes,
    ) -> Result<Status, Self::Error> {
        self.with_jail(move |j| attrs::apply_to_path(&j.resolve(&path, true)?, &attrs))
            .await?;
        Ok(ok(id))
    }

    async fn fsetstat(
        &mut self,
        id: u32,
        handle: String,
        attrs: FileAttributes,
    ) -> Result<Status, Self::Error> {
        match self.handles.get(&handle) {
            Some(Open::File { file, .. }) => {
                let file = file.clone();
                blocking(move || attrs::apply_to_file(&file, &attrs)).await?;
            }
            Some(Open::Dir { path, .. }) => {
                let path = path.clone();
                blocking(move || attrs::apply_to_path(&path, &attrs)).await?;
            }
            None => return Err(bad_handle()),
        }
        Ok(ok(id))
    }

    async fn opendir(&mut self, id: u32, path: String) -> Result<Handle, Self::Error> {
        let user = self.user.clone();
        let (path, entries) = self
            .with_jail(move |j| {
                let dir = j.resolve(&path, true)?;
                let mut entries = VecDeque::new();
                for e in std::fs::read_dir(&dir)? {
                    let e = e?;
                    // A file removed while listed is simply not listed.
                    let Ok(m) = e.metadata() else { continue };
                    let name = e.file_name().to_string_lossy().into_owned();
                    entries.push_back(attrs::entry(name, attrs::from_metadata(&m), &user));
                }
                Ok((dir, entries))
            })
            .await?;
        let handle = self.add(Open::Dir { path, entries })?;
        Ok(Handle { id, handle })
    }

    async fn readdir(&mut self, id: u32, handle: String) -> Result<Name, Self::Error> {
        let Some(Open::Dir { entries, .. }) = self.handles.get_mut(&handle) else {
            return Err(bad_handle());
        };
        if entries.is_empty() {
            return Err(StatusCode::Eof.into());
        }
        let n = entries.len().min(READDIR_BATCH);
        Ok(Name {
            id,
            files: entries.drain(..n).collect(),
        })
    }

    async fn remove(&mut self, id: u32, filename: String) -> Result<Status, Self::Error> {
        self.with_jail(move |j| {
            let path = j.resolve_child(&filename)?;
            if std::fs::symlink_metadata(&path)?.is_dir() {
                return Err(io::Error::other("is a folder: remove it as a folder"));
            }
            std::fs::remove_file(path)
        })
        .await?;
        Ok(ok(id))
    }

    async fn mkdir(
        &mut self,
        id: u32,
        path: String,
        attrs: FileAttributes,
    ) -> Result<Status, Self::Error> {
        self.with_jail(move |j| {
            let path = j.resolve_child(&path)?;
            let mut b = std::fs::DirBuilder::new();
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                b.mode(attrs.permissions.unwrap_or(0o755) & 0o777);
            }
            #[cfg(not(unix))]
            let _ = attrs;
            b.create(path)
        })
        .await?;
        Ok(ok(id))
    }

    async fn rmdir(&mut self, id: u32, path: String) -> Result<Status, Self::Error> {
        self.with_jail(move |j| std::fs::remove_dir(j.resolve_child(&path)?))
            .await?;
        Ok(ok(id))
    }

    async fn realpath(&mut self, id: u32, path: String) -> Result<Name, Self::Error> {
        let real = self.with_jail(move |j| Ok(j.realpath(&path))).await?;
        Ok(Name {
            id,
            files: vec![NameEntry::dummy(real)],
        })
    }

    async fn rename(
        &mut self,
        id: u32,
        oldpath: String,
        newpath: String,
    ) -> Result<Status, Self::Error> {
        self.with_jail(move |j| rename(j, &oldpath, &newpath, false))
            .await?;
        Ok(ok(id))
    }

    async fn readlink(&mut self, id: u32, path: String) -> Result<Name, Self::Error> {
        let target = self
            .with_jail(move |j| {
                let target = std::fs::read_link(j.resolve(&path, false)?)?;
                if target.is_absolute() {
                    // Never show where the demo folder really is.
                    j.to_virtual(&target).ok_or_else(|| {
                        io::Error::new(
                            io::ErrorKind::PermissionDenied,
                            "the link points outside the demo folder",
                        )
                    })
                } else {
                    Ok(target.to_string_lossy().replace('\\', "/"))
                }
            })
            .await?;
        Ok(Name {
            id,
            files: vec![NameEntry::dummy(target)],
        })
    }

    async fn symlink(
        &mut self,
        _id: u32,
        _linkpath: String,
        _targetpath: String,
    ) -> Result<Status, Self::Error> {
        Err(StatusCode::PermissionDenied
            .with_message("the demo server does not create symbolic links"))
    }

    async fn extended(
        &mut self,
        id: u32,
        request: String,
        data: Vec<u8>,
    ) -> Result<Packet, Self::Error> {
        match request.as_str() {
            "posix-rename@openssh.com" => {
                let mut paths = ext::strings(&data, 2)?;
                let (to, from) = (
                    paths.pop().unwrap_or_default(),
                    paths.pop().unwrap_or_default(),
                );
                self.with_jail(move |j| rename(j, &from, &to, true)).await?;
                Ok(Packet::Status(ok(id)))
            }
            "limits@openssh.com" => Ok(ext::limits_reply(id)),
            "statvfs@openssh.com" => {
                let path = ext::strings(&data, 1)?.pop().unwrap_or_default();
                let real = self.with_jail(move |j| j.resolve(&path, true)).await?;
                match LocalFs.free_space(&from_local(&real)).await {
                    Ok(Some(space)) => Ok(ext::statvfs_reply(id, space)),
                    Ok(None) => Err(self.unimplemented()),
                    Err(e) => Err(StatusCode::Failure.with_message(e.to_string())),
                }
            }
            _ => Err(StatusCode::OpUnsupported.with_message(format!("{request} is not supported"))),
        }
    }
}

/// RENAME refuses an existing target; posix-rename replaces it (atomically, as rename(2) does).
fn rename(j: &Jail, from: &str, to: &str, replace: bool) -> io::Result<()> {
    let (from, to) = (j.resolve_child(from)?, j.resolve_child(to)?);
    if !replace && std::fs::symlink_metadata(&to).is_ok() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "the new name already exists",
        ));
    }
    std::fs::rename(from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_map_to_sftp_codes() {
        let code = |k| status_of(&io::Error::from(k)).status_code;
        assert_eq!(code(io::ErrorKind::NotFound), StatusCode::NoSuchFile);
        assert_eq!(
            code(io::ErrorKind::PermissionDenied),
            StatusCode::PermissionDenied
        );
        assert_eq!(code(io::ErrorKind::AlreadyExists), StatusCode::Failure);
    }
}
