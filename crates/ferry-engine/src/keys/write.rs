//! A key pair's two files: the private key `0600`, the public key beside it with `.pub` and `0644`,
//! each created new (an existing file is never overwritten, and nothing is written when either
//! exists), and `~/.ssh` created `0700` when missing, as `ssh-keygen` does.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

const PRIVATE_MODE: u32 = 0o600;
const PUBLIC_MODE: u32 = 0o644;
const DIR_MODE: u32 = 0o700;

/// Where one key pair goes.
#[derive(Debug, Clone)]
pub(crate) struct KeyFiles {
    pub private: PathBuf,
    pub public: PathBuf,
}

impl KeyFiles {
    /// `path` and `path.pub`.
    pub fn at(private: PathBuf) -> KeyFiles {
        let mut public = private.clone().into_os_string();
        public.push(".pub");
        KeyFiles {
            private,
            public: PathBuf::from(public),
        }
    }

    /// `~/.ssh/NAME`, the folder created `0700` if it is missing.
    pub fn in_default_dir(name: &str) -> Result<KeyFiles> {
        let dir = crate::keys::default_dir().ok_or_else(|| Error::KeyFile {
            path: PathBuf::from("~/.ssh").join(name),
            detail: "there is no home folder to keep it in".into(),
        })?;
        make_private_dir(&dir)?;
        Ok(KeyFiles::at(dir.join(name)))
    }

    /// Fails, naming the file, when the private or the public file already exists (even as a
    /// dangling link: writing through it would create a file elsewhere).
    pub fn check_free(&self) -> Result<()> {
        for path in [&self.private, &self.public] {
            if std::fs::symlink_metadata(path).is_ok() {
                return Err(exists(path));
            }
        }
        Ok(())
    }

    /// Writes both files, each created new; when the public one cannot be made, the private one
    /// just written is removed again, so there is never half a pair.
    pub fn write(&self, private: &[u8], public: &[u8]) -> Result<()> {
        self.check_free()?;
        create_new(&self.private, private, PRIVATE_MODE)?;
        if let Err(e) = create_new(&self.public, public, PUBLIC_MODE) {
            let _ = std::fs::remove_file(&self.private);
            return Err(e);
        }
        Ok(())
    }
}

fn exists(path: &Path) -> Error {
    Error::KeyFile {
        path: path.to_path_buf(),
        detail: "it already exists, and an existing key is never overwritten; choose another file"
            .into(),
    }
}

/// Creates `path` (failing if anything is there), with exactly `mode` whatever the umask, and
/// writes `bytes` to disk. A file this call created and could not fill is removed.
fn create_new(path: &Path, bytes: &[u8], mode: u32) -> Result<()> {
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    let mut file = match opts.open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(exists(path)),
        Err(e) => return Err(io_error(path, &e)),
    };
    let filled = (|| {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(std::fs::Permissions::from_mode(mode))?;
        }
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(e) = filled {
        drop(file);
        let _ = std::fs::remove_file(path);
        return Err(io_error(path, &e));
    }
    Ok(())
}

/// Makes `dir` `0700` when it is missing (its parents as usual); an existing folder is left as
/// it is. For a face that names the file in `~/.ssh` itself (`GenerateRequest::out`).
pub fn make_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(DIR_MODE);
    }
    #[cfg(not(unix))]
    let _ = DIR_MODE;
    builder.create(dir).map_err(|e| io_error(dir, &e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(DIR_MODE))
            .map_err(|e| io_error(dir, &e))?;
    }
    Ok(())
}

fn io_error(path: &Path, e: &std::io::Error) -> Error {
    Error::KeyFile {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}
