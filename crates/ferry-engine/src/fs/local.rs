//! `LocalFs`: the local disk behind the [`FileSystem`] interface, so the local pane is the same code
//! as the remote one. Blocking calls run on tokio's blocking pool, never on the UI thread.
//!
//! `FsPath` maps to the OS path: the bytes as they are on Unix; on Windows `/C:/Users/x` is
//! `C:\Users\x` (and `/` is the list of drives).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use async_trait::async_trait;

use crate::error::{Error, Result, Side};
use crate::fs::entry::{Entry, Kind};
use crate::fs::name::classify;
use crate::fs::path::FsPath;
use crate::fs::{FileSystem, FreeSpace, ListBudget, ListOptions, Listing};

#[derive(Debug, Clone, Default)]
pub struct LocalFs;

/// The local OS path for an `FsPath`.
pub fn to_local(path: &FsPath) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        PathBuf::from(std::ffi::OsStr::from_bytes(path.as_bytes()))
    }
    #[cfg(not(unix))]
    {
        let s = String::from_utf8_lossy(path.as_bytes());
        let trimmed = s.trim_start_matches('/');
        let mut out = trimmed.replace('/', "\\");
        if out.len() == 2 && out.ends_with(':') {
            out.push('\\');
        }
        PathBuf::from(out)
    }
}

/// The `FsPath` for a local OS path.
pub fn from_local(path: &Path) -> FsPath {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        FsPath::from_bytes(path.as_os_str().as_bytes())
    }
    #[cfg(not(unix))]
    {
        let s = path.to_string_lossy();
        let s = s.strip_prefix(r"\\?\").unwrap_or(&s);
        FsPath::from(format!("/{}", s.replace('\\', "/")).as_str())
    }
}

fn name_bytes(name: &std::ffi::OsStr) -> (Vec<u8>, bool) {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        (name.as_bytes().to_vec(), true)
    }
    #[cfg(not(unix))]
    {
        match name.to_str() {
            Some(s) => (s.as_bytes().to_vec(), true),
            None => (name.to_string_lossy().as_bytes().to_vec(), false),
        }
    }
}

fn kind_of(ft: std::fs::FileType) -> Kind {
    if ft.is_symlink() {
        Kind::Symlink
    } else if ft.is_dir() {
        Kind::Dir
    } else if ft.is_file() {
        Kind::File
    } else {
        Kind::Other
    }
}

fn entry_from_meta(name: Vec<u8>, exact: bool, meta: &std::fs::Metadata) -> Entry {
    let mut e = Entry::new(name, kind_of(meta.file_type()));
    // The OS's own name: exact even where it is not UTF-8 (Unix names are bytes).
    e.exact = exact;
    e.size = Some(meta.len());
    e.mtime = meta.modified().ok();
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        e.perms = Some(meta.mode());
        e.uid = Some(meta.uid());
        e.gid = Some(meta.gid());
        e.owner = owners::user(meta.uid());
        e.group = owners::group(meta.gid());
    }
    #[cfg(not(unix))]
    {
        e.perms = Some(if meta.permissions().readonly() {
            0o444
        } else {
            0o644
        });
    }
    e
}

fn stat_blocking(path: &Path, follow: bool) -> Result<Entry> {
    let meta = if follow {
        std::fs::metadata(path)
    } else {
        std::fs::symlink_metadata(path)
    }
    .map_err(|e| Error::from_local_io(&e, path))?;
    let (name, exact) = path
        .file_name()
        .map(name_bytes)
        .unwrap_or_else(|| (b"/".to_vec(), true));
    let mut e = entry_from_meta(name, exact, &meta);
    if e.kind == Kind::Symlink {
        e.link_target = std::fs::read_link(path)
            .ok()
            .map(|t| t.to_string_lossy().into_owned());
        e.target_kind = std::fs::metadata(path).ok().map(|m| kind_of(m.file_type()));
    }
    Ok(e)
}

fn list_blocking(dir: &Path, opts: ListOptions) -> Result<Listing> {
    let rd = std::fs::read_dir(dir).map_err(|e| Error::from_local_io(&e, dir))?;
    let mut listing = Listing::default();
    let mut budget = ListBudget::new(opts);
    for item in rd {
        let item = item.map_err(|e| Error::from_local_io(&e, dir))?;
        let (name, exact) = name_bytes(&item.file_name());
        let cut = budget.take(name.len() * 2).or_else(|| budget.out_of_time());
        if cut.is_some() {
            listing.cut = cut;
            break;
        }
        if let Some(why) = classify(&name) {
            listing.refuse(String::from_utf8_lossy(&name).into_owned(), why.describe());
            continue;
        }
        let path = item.path();
        let entry = match std::fs::symlink_metadata(&path) {
            Ok(meta) => {
                let mut e = entry_from_meta(name, exact, &meta);
                if e.kind == Kind::Symlink {
                    e.link_target = std::fs::read_link(&path)
                        .ok()
                        .map(|t| t.to_string_lossy().into_owned());
                    if opts.resolve_links {
                        e.target_kind = std::fs::metadata(&path)
                            .ok()
                            .map(|m| kind_of(m.file_type()));
                    }
                }
                e
            }
            // Vanished between readdir and stat, or unreadable: still list the name.
            Err(_) => {
                let mut e = Entry::new(name, Kind::Other);
                e.exact = exact;
                e
            }
        };
        listing.entries.push(entry);
    }
    Ok(listing)
}

/// Runs blocking file work (the local disk, `queue.json`, `sites.toml`) on tokio's blocking pool,
/// off the async threads and the window's.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| Error::Internal {
            detail: format!("a background task failed ({e})"),
        })?
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::from_local_io(&e, path)
}

#[async_trait]
impl FileSystem for LocalFs {
    fn side(&self) -> Side {
        Side::Local
    }

    async fn list_partial(&self, dir: &FsPath, opts: ListOptions) -> Result<Listing> {
        let p = to_local(dir);
        blocking(move || list_blocking(&p, opts)).await
    }

    async fn stat(&self, path: &FsPath) -> Result<Entry> {
        let p = to_local(path);
        blocking(move || stat_blocking(&p, true)).await
    }

    async fn lstat(&self, path: &FsPath) -> Result<Entry> {
        let p = to_local(path);
        blocking(move || stat_blocking(&p, false)).await
    }

    async fn mkdir_mode(&self, path: &FsPath, mode: u32) -> Result<()> {
        let p = to_local(path);
        blocking(move || {
            let mut b = std::fs::DirBuilder::new();
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut b, mode & 0o7777);
            #[cfg(not(unix))]
            let _ = mode;
            b.create(&p).map_err(io_err(&p))
        })
        .await
    }

    async fn rmdir(&self, path: &FsPath) -> Result<()> {
        let p = to_local(path);
        blocking(move || std::fs::remove_dir(&p).map_err(io_err(&p))).await
    }

    async fn remove_file(&self, path: &FsPath) -> Result<()> {
        let p = to_local(path);
        blocking(move || std::fs::remove_file(&p).map_err(io_err(&p))).await
    }

    async fn rename(&self, from: &FsPath, to: &FsPath, overwrite: bool) -> Result<()> {
        let (f, t) = (to_local(from), to_local(to));
        blocking(move || {
            if !overwrite && std::fs::symlink_metadata(&t).is_ok() {
                return Err(Error::AlreadyExists {
                    path: t.display().to_string(),
                });
            }
            std::fs::rename(&f, &t).map_err(io_err(&f))
        })
        .await
    }

    async fn chmod(&self, path: &FsPath, mode: u32) -> Result<()> {
        let p = to_local(path);
        blocking(move || {
            let mut perms = std::fs::metadata(&p).map_err(io_err(&p))?.permissions();
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                perms.set_mode(mode & 0o7777);
            }
            #[cfg(not(unix))]
            perms.set_readonly(mode & 0o222 == 0);
            std::fs::set_permissions(&p, perms).map_err(io_err(&p))
        })
        .await
    }

    async fn set_mtime(&self, path: &FsPath, mtime: SystemTime) -> Result<()> {
        let p = to_local(path);
        blocking(move || {
            filetime::set_symlink_file_times(
                &p,
                filetime::FileTime::now(),
                filetime::FileTime::from_system_time(mtime),
            )
            .map_err(io_err(&p))
        })
        .await
    }

    async fn read_link(&self, path: &FsPath) -> Result<FsPath> {
        let p = to_local(path);
        blocking(move || {
            std::fs::read_link(&p)
                .map(|t| from_local(&t))
                .map_err(io_err(&p))
        })
        .await
    }

    async fn symlink(&self, target: &FsPath, link: &FsPath) -> Result<()> {
        let (t, l) = (to_local(target), to_local(link));
        blocking(move || {
            #[cfg(unix)]
            let r = std::os::unix::fs::symlink(&t, &l);
            #[cfg(windows)]
            let r = if t.is_dir() {
                std::os::windows::fs::symlink_dir(&t, &l)
            } else {
                std::os::windows::fs::symlink_file(&t, &l)
            };
            r.map_err(io_err(&l))
        })
        .await
    }

    async fn canonicalize(&self, path: &FsPath) -> Result<FsPath> {
        let p = to_local(path);
        blocking(move || {
            std::fs::canonicalize(&p)
                .map(|c| from_local(&c))
                .map_err(io_err(&p))
        })
        .await
    }

    async fn home(&self) -> Result<FsPath> {
        directories::BaseDirs::new()
            .map(|d| from_local(d.home_dir()))
            .ok_or_else(|| Error::NotFound {
                path: "your home folder".into(),
            })
    }

    async fn free_space(&self, path: &FsPath) -> Result<Option<FreeSpace>> {
        #[cfg(unix)]
        {
            let p = to_local(path);
            blocking(move || statvfs(&p)).await
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            Ok(None)
        }
    }
}

#[cfg(unix)]
fn statvfs(path: &Path) -> Result<Option<FreeSpace>> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).map_err(|_| Error::Io {
        path: path.display().to_string(),
        detail: "path contains a NUL byte".into(),
    })?;
    let mut out: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `c` is a valid NUL-terminated string and `out` a properly sized, writable struct.
    let rc = unsafe { libc::statvfs(c.as_ptr(), &mut out) };
    if rc != 0 {
        return Err(Error::from_local_io(&std::io::Error::last_os_error(), path));
    }
    let frsize = out.f_frsize as u64;
    Ok(Some(FreeSpace {
        available: out.f_bavail as u64 * frsize,
        total: out.f_blocks as u64 * frsize,
    }))
}

/// User and group names for ids, looked up once each (a listing has few distinct owners).
#[cfg(unix)]
mod owners {
    use std::collections::HashMap;
    use std::ffi::CStr;
    use std::sync::{Mutex, OnceLock};

    type Cache = Mutex<HashMap<u32, Option<String>>>;

    fn cached(
        cache: &'static OnceLock<Cache>,
        id: u32,
        look: fn(u32) -> Option<String>,
    ) -> Option<String> {
        let cache = cache.get_or_init(Default::default);
        if let Some(hit) = cache.lock().ok().and_then(|c| c.get(&id).cloned()) {
            return hit;
        }
        let name = look(id);
        if let Ok(mut c) = cache.lock() {
            c.insert(id, name.clone());
        }
        name
    }

    pub fn user(uid: u32) -> Option<String> {
        static CACHE: OnceLock<Cache> = OnceLock::new();
        cached(&CACHE, uid, |uid| {
            let mut buf = vec![0u8; 4096];
            // SAFETY: getpwuid_r writes into `pw` and `buf` (whose length we pass) and sets
            // `out` to `&pw` on success; both outlive the call and are read only afterwards.
            unsafe {
                let mut pw: libc::passwd = std::mem::zeroed();
                let mut out = std::ptr::null_mut();
                let rc =
                    libc::getpwuid_r(uid, &mut pw, buf.as_mut_ptr().cast(), buf.len(), &mut out);
                (rc == 0 && !out.is_null() && !pw.pw_name.is_null())
                    .then(|| CStr::from_ptr(pw.pw_name).to_string_lossy().into_owned())
            }
        })
    }

    pub fn group(gid: u32) -> Option<String> {
        static CACHE: OnceLock<Cache> = OnceLock::new();
        cached(&CACHE, gid, |gid| {
            let mut buf = vec![0u8; 4096];
            // SAFETY: as for getpwuid_r above.
            unsafe {
                let mut gr: libc::group = std::mem::zeroed();
                let mut out = std::ptr::null_mut();
                let rc =
                    libc::getgrgid_r(gid, &mut gr, buf.as_mut_ptr().cast(), buf.len(), &mut out);
                (rc == 0 && !out.is_null() && !gr.gr_name.is_null())
                    .then(|| CStr::from_ptr(gr.gr_name).to_string_lossy().into_owned())
            }
        })
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn root_is_named_and_unknown_ids_are_not() {
            assert_eq!(super::user(0).as_deref(), Some("root"));
            assert_eq!(super::group(0).as_deref(), Some("root"));
            assert_eq!(super::user(3_999_999_999), None);
        }
    }
}
