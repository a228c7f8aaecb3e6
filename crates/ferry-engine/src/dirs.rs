//! Where Ferry keeps its files: the OS config, data and cache folders (from `directories`), or one folder
//! given with `--config-dir` (tests and portable use), and which known_hosts files it reads and
//! writes.

use std::path::{Path, PathBuf};

use crate::ssh::hostkeys::KnownHosts;

/// The local account name, the default remote user (as for `ssh`).
pub fn local_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "root".to_string())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppDirs {
    /// Settings and saved sites.
    pub config: PathBuf,
    /// The transfer queue, logs, Ferry's own known_hosts.
    pub data: PathBuf,
    /// What may be thrown away between runs: the private folders of remote edits (`edit/`).
    pub cache: PathBuf,
}

impl AppDirs {
    /// The OS folders, or `override_dir` for both when given.
    pub fn new(override_dir: Option<&Path>) -> AppDirs {
        if let Some(dir) = override_dir {
            return AppDirs {
                config: dir.to_path_buf(),
                data: dir.join("data"),
                cache: dir.join("cache"),
            };
        }
        match directories::ProjectDirs::from("org", "Ferry", "ferry") {
            Some(p) => AppDirs {
                config: p.config_dir().to_path_buf(),
                data: p.data_dir().to_path_buf(),
                cache: p.cache_dir().to_path_buf(),
            },
            None => {
                let base = std::env::temp_dir().join("ferry");
                AppDirs {
                    config: base.clone(),
                    data: base.join("data"),
                    cache: base.join("cache"),
                }
            }
        }
    }

    /// Ferry's own known_hosts file (read in addition to OpenSSH's).
    pub fn own_known_hosts(&self) -> PathBuf {
        self.data.join("known_hosts")
    }

    /// The known_hosts policy: with `explicit`, only that file (read and written), like OpenSSH's
    /// `UserKnownHostsFile`; otherwise OpenSSH's user files and Ferry's own are read, and new keys
    /// are written to `~/.ssh/known_hosts` so `ssh` sees them too.
    pub fn known_hosts(&self, explicit: Option<&Path>) -> KnownHosts {
        if let Some(file) = explicit {
            return KnownHosts::new(vec![file.to_path_buf()], file.to_path_buf());
        }
        let own = self.own_known_hosts();
        match directories::BaseDirs::new().map(|b| b.home_dir().join(".ssh")) {
            Some(ssh) => KnownHosts::new(
                vec![ssh.join("known_hosts"), ssh.join("known_hosts2"), own],
                ssh.join("known_hosts"),
            ),
            None => KnownHosts::new(vec![own.clone()], own),
        }
    }
}
