//! `ferry [-i KEY] keys install URL`: puts a public key on a server as `ssh-copy-id` does. It logs
//! in as for any address (a password, asked at the terminal or from `--password-env`), adds the
//! key to the server's `~/.ssh/authorized_keys` once (the engine's `keys::install`), then logs in
//! again with the key alone, to show that from now on no password is needed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;

use crate::cli::CommonArgs;
use crate::cli::common::{open, resolve, sftp_options};
use crate::cli::prompt::TerminalPrompter;
use ferry_engine::display::escape_for_display;
use ferry_engine::error::{Error, Result};
use ferry_engine::keys::install::{Installed, install, read_public};
use ferry_engine::link::key_login_works;
use ferry_engine::ssh::LoginKey;
use ferry_engine::ssh::auth::default_identity_files;

#[derive(Debug, Args)]
pub struct InstallArgs {
    /// The server: sftp://user@host[:port] or a saved site's name followed by a colon (SITE:).
    pub url: String,
}

/// The public key to install (`-i KEY` or `-i KEY.pub`, else the first of OpenSSH's default
/// keys that has its `.pub`), and its private key when it is beside it.
fn key_paths(common: &CommonArgs) -> Result<(PathBuf, Option<PathBuf>)> {
    let given = match common.identity.first() {
        Some(p) => p.clone(),
        None => default_identity_files()
            .into_iter()
            .find(|p| pub_of(p).is_file())
            .ok_or_else(|| Error::KeyFile {
                path: ferry_engine::keys::default_dir()
                    .unwrap_or_default()
                    .join("id_ed25519.pub"),
                detail: "there is no key in ~/.ssh to install: make one with `ferry keys \
                         generate`, or name one with -i KEY"
                    .into(),
            })?,
    };
    let text = given.to_string_lossy();
    let (public, private) = match text.strip_suffix(".pub") {
        Some(stem) => (given.clone(), PathBuf::from(stem)),
        None => (pub_of(&given), given.clone()),
    };
    Ok((public, private.is_file().then_some(private)))
}

fn pub_of(private: &Path) -> PathBuf {
    let mut public = private.as_os_str().to_owned();
    public.push(".pub");
    PathBuf::from(public)
}

pub async fn run(common: &CommonArgs, args: InstallArgs) -> Result<ExitCode> {
    let (public, private) = key_paths(common)?;
    let key = read_public(&public).await?;
    let address = resolve(common, &args.url).await?;
    let mut opts = address.opts;
    // The key is not on the server yet: the first login is with a password (or another key).
    opts.identity_files
        .retain(|p| Some(p) != private.as_ref() && *p != public);
    let host = escape_for_display(&ferry_engine::ssh::display_host(&opts.host, opts.port));
    let link = open(&opts, sftp_options(common)).await?;
    let installed = install(&link.sftp, &key).await;
    link.sftp.close();
    match installed? {
        Installed::Added(file) => eprintln!(
            "ferry: added the key {} to {} on {host}",
            shown(&public),
            escape_for_display(&file.display_lossy())
        ),
        Installed::AlreadyThere(file) => eprintln!(
            "ferry: the key {} is already in {} on {host}; nothing was written",
            shown(&public),
            escape_for_display(&file.display_lossy())
        ),
    }
    let Some(private) = private else {
        eprintln!(
            "ferry: note: there is no private key beside {}, so key login was not checked",
            shown(&public)
        );
        return Ok(ExitCode::SUCCESS);
    };
    // Again with the key alone: no password, no agent, no other key.
    let prompter = Arc::new(TerminalPrompter::new());
    let works = key_login_works(
        &opts,
        &LoginKey::File(private.clone()),
        None,
        sftp_options(common),
        prompter,
    )
    .await?;
    if works {
        eprintln!(
            "ferry: key login works: `ferry -i {} ls {}` needs no password",
            shown(&private),
            args.url
        );
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "ferry: the key is on the server, but {host} still refuses it: the server may \
             read keys from another file (AuthorizedKeysFile in its sshd_config), or find \
             the home folder's permissions too open (StrictModes); ask its administrator"
        );
        Ok(ExitCode::FAILURE)
    }
}

fn shown(path: &Path) -> String {
    escape_for_display(&path.display().to_string())
}
