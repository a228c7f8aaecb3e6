//! What the file commands (`mkdir`, `rm`, `mv`, `chmod`, `cat`, `df`) share: each address
//! resolved and connected once per server (`ferry rm h:/a h:/b` logs in once), its path made
//! absolute and its glob expanded, and the failures reported as coreutils does: one line each on
//! stderr (`ferry: rm: …`), the rest still done, and a non-zero exit when any failed.

use std::process::ExitCode;

use crate::cli::CommonArgs;
use crate::cli::common;
use crate::cli::glob;
use crate::cli::say;
use ferry_engine::error::{Error, Result};
use ferry_engine::fs::path::FsPath;
use ferry_engine::fs::sftp::SftpFs;
use ferry_engine::link::Link;

/// The servers this run has logged in to, by host, port and user.
pub struct Remotes<'a> {
    common: &'a CommonArgs,
    links: Vec<((String, u16, String), Link)>,
}

/// One address made concrete: which of the [`Remotes`] and the absolute path on it.
#[derive(Debug, Clone)]
pub struct At {
    pub server: usize,
    pub path: FsPath,
}

impl<'a> Remotes<'a> {
    pub fn new(common: &'a CommonArgs) -> Remotes<'a> {
        Remotes {
            common,
            links: Vec::new(),
        }
    }

    /// Resolves `input` and connects to its server (once per server); the path is absolute,
    /// `~` and relative paths taken from the home folder. A glob is left for [`Remotes::expand`].
    pub async fn at(&mut self, input: &str) -> Result<At> {
        let address = common::resolve(self.common, input).await?;
        let key = (
            address.opts.host.clone(),
            address.opts.port,
            address.opts.user.clone(),
        );
        let server = match self.links.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                let link = common::open(&address.opts, common::sftp_options(self.common)).await?;
                self.links.push((key, link));
                self.links.len() - 1
            }
        };
        let path = address.path.resolve(&self.links[server].1.sftp).await?;
        Ok(At { server, path })
    }

    /// What `input` names: one path, or every match of a glob in its last part.
    pub async fn expand(&mut self, input: &str) -> Result<Vec<At>> {
        let at = self.at(input).await?;
        let paths = glob::expand(self.fs(at.server), &at.path).await?;
        Ok(paths
            .into_iter()
            .map(|path| At {
                server: at.server,
                path,
            })
            .collect())
    }

    pub fn fs(&self, server: usize) -> &SftpFs {
        &self.links[server].1.sftp
    }

    /// `user@host:port` of a server, for messages.
    pub fn name(&self, server: usize) -> String {
        let (host, port, user) = &self.links[server].0;
        format!("{user}@{host}:{port}")
    }

    pub async fn close(self) {
        for (_, link) in &self.links {
            link.close().await;
        }
    }
}

/// Failures of one command, each said on its own line as it happens.
pub struct Report {
    command: &'static str,
    failed: usize,
}

impl Report {
    pub fn new(command: &'static str) -> Report {
        Report { command, failed: 0 }
    }

    /// An engine error, worded for a terminal.
    pub fn error(&mut self, e: &Error) {
        self.say(&say::error(e));
    }

    /// A failure in the command's own words (`cannot remove '/x': is a folder`).
    pub fn say(&mut self, text: &str) {
        self.failed += 1;
        eprintln!("ferry: {}: {text}", self.command);
    }

    pub fn exit(&self) -> ExitCode {
        if self.failed > 0 {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// A path in a command's own messages, quoted as coreutils does.
pub fn quoted(path: &FsPath) -> String {
    format!("'{path}'")
}
