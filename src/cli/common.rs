//! What every CLI command does first: turn the common options and an address into a connection
//! and an SFTP session, and resolve the address's path (`~` = home).

use std::io::IsTerminal;
use std::sync::Arc;
use std::time::Duration;

use crate::cli::CommonArgs;
use crate::cli::prompt::TerminalPrompter;
use crate::engine::dirs::AppDirs;
use crate::engine::error::{Error, Result};
use crate::engine::secret::Secret;
use crate::engine::sftp::{SftpFs, SftpOptions};
use crate::engine::ssh::{self, ConnectOptions, Connection, UnknownHostKey};
use crate::engine::url::Target;

/// The local account name, the default remote user (as for `ssh`).
pub fn local_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "root".to_string())
}

pub fn connect_options(common: &CommonArgs, target: &Target) -> Result<ConnectOptions> {
    let dirs = AppDirs::new(common.config_dir.as_deref());
    let known_hosts = dirs.known_hosts(common.known_hosts.as_deref());
    let user = target.user.clone().unwrap_or_else(local_user);
    let mut opts = ConnectOptions::new(target.host.clone(), target.port, user, known_hosts);
    opts.identity_files = common.identity.clone();
    opts.use_agent = !common.no_agent;
    opts.connect_timeout = Duration::from_secs(common.timeout.max(1));
    if let Some(var) = &common.password_env {
        let value = std::env::var(var).map_err(|_| Error::InvalidUrl {
            input: format!("--password-env {var}"),
            reason: format!("the environment variable {var} is not set"),
        })?;
        opts.password = Some(Secret::new(value));
    }
    opts.unknown_host_key = if common.accept_new_host_key {
        UnknownHostKey::AcceptNew
    } else if std::io::stdin().is_terminal() {
        UnknownHostKey::Ask
    } else {
        UnknownHostKey::Refuse
    };
    Ok(opts)
}

/// An open SFTP session and the connection under it.
pub struct Remote {
    pub conn: Connection,
    pub fs: SftpFs,
}

pub async fn open(common: &CommonArgs, target: &Target) -> Result<Remote> {
    let opts = connect_options(common, target)?;
    let prompter = Arc::new(TerminalPrompter::new());
    let conn = ssh::connect(&opts, prompter).await?;
    let fs = SftpFs::open(&conn, SftpOptions::default()).await?;
    Ok(Remote { conn, fs })
}
