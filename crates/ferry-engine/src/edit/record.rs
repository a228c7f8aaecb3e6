//! What is written beside each edit's folder (`N.json` in the run's folder): the server, the
//! remote path, the local copy, whether a save is not on the server yet and the SHA-256 of what
//! the server was last given. It is rewritten after each change of state and removed with the
//! copy, so a run that crashed leaves, for each edit that never reached the server, enough to
//! offer it again at the next start. Never a secret.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::fs::atomic::write_atomic;
use crate::fs::path::FsPath;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub host: String,
    pub port: u16,
    pub user: String,
    pub remote: FsPath,
    pub local: PathBuf,
    /// A save that is not on the server.
    pub pending: bool,
    /// SHA-256 (hex) of what the server was last given, or sent.
    pub sent_sha256: String,
}

impl Record {
    pub fn write(&self, path: &Path) -> Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(|e| Error::Internal {
            detail: e.to_string(),
        })?;
        write_atomic(path, &json).map_err(|e| Error::from_local_io(&e, path))
    }

    pub fn read(path: &Path) -> Result<Record> {
        let bytes = std::fs::read(path).map_err(|e| Error::from_local_io(&e, path))?;
        serde_json::from_slice(&bytes).map_err(|e| Error::Io {
            path: path.display().to_string(),
            detail: format!("not an edit's record: {e}"),
        })
    }
}
