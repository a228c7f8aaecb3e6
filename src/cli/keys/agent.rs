//! Handing a private key to the running ssh-agent, as `ssh-add KEY` does: `ferry keys add KEY`
//! (the passphrase asked at the terminal when the key has one, or read from `--passphrase-env
//! VAR`), and `ferry keys generate --add-to-agent` for the key just made. Prints what `ssh-add`
//! prints: `Identity added: PATH (COMMENT)`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::{passphrase_from_env, shown};
use crate::cli::prompt::ask_hidden;
use crate::cli::say;
use ferry_engine::display::escape_for_display;
use ferry_engine::error::{Error, Result};
use ferry_engine::keys::{self, KeyInfo, Listed};
use ferry_engine::secrets::Secret;

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The private key file (OpenSSH, PEM or PuTTY .ppk).
    #[arg(value_name = "KEY")]
    pub key: PathBuf,
    /// Read the key's passphrase from this environment variable (for scripts).
    #[arg(long, value_name = "VAR")]
    pub passphrase_env: Option<String>,
}

/// How many passphrases a person may type before `ferry keys add` gives up (as `ssh-keygen`).
const TRIES: usize = 3;

/// `ferry keys add KEY`.
pub async fn add(args: AddArgs) -> Result<ExitCode> {
    let path = args.key;
    let described = {
        let path = path.clone();
        tokio::task::spawn_blocking(move || keys::describe_file(&path))
            .await
            .map_err(|e| Error::Internal {
                detail: format!("reading the key stopped: {e}"),
            })?
    };
    let protected = match described {
        Some(Listed::Key { info, .. }) => info.protected,
        Some(Listed::Unreadable { reason, .. }) => {
            eprintln!("ferry: {}: {}", shown(&path), escape_for_display(&reason));
            return Ok(ExitCode::FAILURE);
        }
        None => {
            eprintln!("ferry: {} is not a private key file", shown(&path));
            return Ok(ExitCode::FAILURE);
        }
    };
    if !protected {
        return finish(&path, keys::add_to_agent(&path, None).await);
    }
    if let Some(var) = &args.passphrase_env {
        let Some(pass) = passphrase_from_env(var) else {
            return Ok(ExitCode::FAILURE);
        };
        return finish(&path, keys::add_to_agent(&path, non_empty(pass)).await);
    }
    if !std::io::stdin().is_terminal() {
        eprintln!(
            "ferry: {} is protected by a passphrase and there is no terminal to ask for it on: \
             pass --passphrase-env VAR",
            shown(&path)
        );
        return Ok(ExitCode::FAILURE);
    }
    let mut prompt = format!("Enter passphrase for {}: ", shown(&path));
    for attempt in 1..=TRIES {
        let Some(pass) = ask_hidden(prompt.clone()).await else {
            return Ok(ExitCode::FAILURE);
        };
        match keys::add_to_agent(&path, non_empty(pass)).await {
            Err(Error::KeyFile { .. }) if attempt < TRIES => {
                prompt = format!("Bad passphrase, try again for {}: ", shown(&path));
            }
            other => return finish(&path, other),
        }
    }
    Ok(ExitCode::FAILURE)
}

/// After `ferry keys generate --add-to-agent`: the new key at `path` (its passphrase, if any,
/// the one just given) to the agent. Failing to, the key files stay and the person is told how
/// to add the key later.
pub async fn add_generated(path: &Path, passphrase: Option<Secret>) -> ExitCode {
    match keys::add_to_agent(path, passphrase.and_then(non_empty)).await {
        Ok(info) => {
            identity_added(path, &info);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("ferry: {}", say::error(&e));
            eprintln!(
                "ferry: the key was made and kept; add it later with: ferry keys add {}",
                shown(path)
            );
            ExitCode::FAILURE
        }
    }
}

fn finish(path: &Path, added: Result<KeyInfo>) -> Result<ExitCode> {
    let info = added?;
    identity_added(path, &info);
    Ok(ExitCode::SUCCESS)
}

/// `ssh-add`'s line: the key's comment, or its path when it has none.
fn identity_added(path: &Path, info: &KeyInfo) {
    let comment = if info.comment.is_empty() {
        shown(path)
    } else {
        escape_for_display(&info.comment)
    };
    eprintln!("Identity added: {} ({comment})", shown(path));
}

/// An empty passphrase is none (as `ssh-keygen` and `ssh-add` take it).
fn non_empty(pass: Secret) -> Option<Secret> {
    (!pass.expose().is_empty()).then_some(pass)
}
