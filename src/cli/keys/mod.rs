//! `ferry keys …`: the person's SSH keys. `list` shows the private keys in `~/.ssh` and the
//! agent's; `generate` makes a new pair as `ssh-keygen` does (Ed25519 by default), asking for the
//! passphrase twice on the terminal, or reading it from `--passphrase-env VAR` (for scripts);
//! `install` puts a public key on a server as `ssh-copy-id` does (`install.rs`); `add` hands a
//! key to the running ssh-agent as `ssh-add` does, and so does `generate --add-to-agent`
//! (`agent.rs`).

mod agent;
mod install;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};

use crate::cli::CommonArgs;
use crate::cli::prompt::ask_hidden;
use ferry_engine::display::escape_for_display;
use ferry_engine::error::{Error, Result};
use ferry_engine::keys::{self, GenerateRequest, KeyInfo, KeyType, Listed};
use ferry_engine::secrets::Secret;

#[derive(Debug, Args)]
pub struct KeysArgs {
    #[command(subcommand)]
    pub command: KeysCommand,
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// The private keys in ~/.ssh and in a running ssh-agent: type, bits, fingerprint, comment.
    List,
    /// Make a key pair: ferry keys generate [--type ed25519|ecdsa|rsa] [--out FILE]
    Generate(GenerateArgs),
    /// Put a public key on a server (as ssh-copy-id): ferry [-i KEY] keys install URL
    Install(install::InstallArgs),
    /// Add a private key to the running ssh-agent (as ssh-add): ferry keys add KEY
    Add(agent::AddArgs),
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// The kind of key.
    #[arg(short = 't', long = "type", value_enum, default_value_t = Kind::Ed25519)]
    pub kind: Kind,
    /// Size in bits: RSA 3072 (default) or more; ECDSA 256 (default), 384 or 521.
    #[arg(short = 'b', long, value_name = "N")]
    pub bits: Option<u32>,
    /// The private key's file (the public key gets FILE.pub); default ~/.ssh/id_TYPE.
    #[arg(short = 'f', long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The key's comment; default user@hostname.
    #[arg(short = 'C', long, value_name = "TEXT")]
    pub comment: Option<String>,
    /// Do not protect the key with a passphrase.
    #[arg(long, conflicts_with = "passphrase_env")]
    pub no_passphrase: bool,
    /// Read the passphrase from this environment variable (for scripts; empty = none).
    #[arg(long, value_name = "VAR")]
    pub passphrase_env: Option<String>,
    /// Then add the new key to the running ssh-agent (as ssh-add does).
    #[arg(long)]
    pub add_to_agent: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    Ed25519,
    Ecdsa,
    Rsa,
}

impl From<Kind> for KeyType {
    fn from(k: Kind) -> KeyType {
        match k {
            Kind::Ed25519 => KeyType::Ed25519,
            Kind::Ecdsa => KeyType::Ecdsa,
            Kind::Rsa => KeyType::Rsa,
        }
    }
}

pub async fn run(common: &CommonArgs, args: KeysArgs) -> Result<ExitCode> {
    match args.command {
        KeysCommand::List => list(common).await,
        KeysCommand::Generate(g) => generate(g).await,
        KeysCommand::Install(i) => install::run(common, i).await,
        KeysCommand::Add(a) => agent::add(a).await,
    }
}

async fn list(common: &CommonArgs) -> Result<ExitCode> {
    let Some(dir) = keys::default_dir() else {
        eprintln!("ferry: there is no home folder, so no ~/.ssh to list");
        return Ok(ExitCode::FAILURE);
    };
    let folder = {
        let dir = dir.clone();
        tokio::task::spawn_blocking(move || keys::list_folder(&dir))
            .await
            .map_err(|e| Error::Internal {
                detail: format!("listing the keys stopped: {e}"),
            })??
    };
    let agent = if common.no_agent {
        Vec::new()
    } else {
        keys::agent_keys().await
    };
    for entry in &folder {
        match entry {
            Listed::Key { path, info } => println!("{}: {}", shown(path), describe(info)),
            Listed::Unreadable { path, reason } => {
                println!(
                    "{}: cannot read: {}",
                    shown(path),
                    escape_for_display(reason)
                )
            }
        }
    }
    for info in &agent {
        println!("ssh-agent: {}", describe(info));
    }
    if folder.is_empty() && agent.is_empty() {
        eprintln!(
            "ferry: no keys in {}{}; make one with: ferry keys generate",
            shown(&dir),
            if common.no_agent {
                ""
            } else {
                " or in an ssh-agent"
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `256 SHA256:… comment (ED25519)`, as `ssh-keygen -l` prints it, and the protection.
fn describe(info: &KeyInfo) -> String {
    let mut s = String::new();
    if let Some(b) = info.bits {
        s.push_str(&format!("{b} "));
    }
    s.push_str(&info.fingerprint);
    if !info.comment.is_empty() {
        s.push(' ');
        s.push_str(&escape_for_display(&info.comment));
    }
    s.push_str(&format!(" ({})", info.kind));
    if info.protected {
        s.push_str(", passphrase-protected");
    }
    s
}

fn shown(path: &std::path::Path) -> String {
    escape_for_display(&path.to_string_lossy())
}

/// The value of `--passphrase-env VAR`; `None` (and why, printed) when it is not set.
fn passphrase_from_env(var: &str) -> Option<Secret> {
    match std::env::var(var) {
        Ok(v) => Some(Secret::new(v)),
        Err(_) => {
            eprintln!("ferry: --passphrase-env {var}: the environment variable {var} is not set");
            None
        }
    }
}

async fn generate(args: GenerateArgs) -> Result<ExitCode> {
    let kind = KeyType::from(args.kind);
    let mut req = GenerateRequest {
        kind,
        bits: args.bits,
        out: args.out,
        comment: args.comment,
        passphrase: None,
    };
    // A file already there or a size not allowed is said before a passphrase is asked for.
    keys::check(&req)?;
    req.passphrase = if args.no_passphrase {
        None
    } else if let Some(var) = &args.passphrase_env {
        match passphrase_from_env(var) {
            Some(p) => Some(p),
            None => return Ok(ExitCode::FAILURE),
        }
    } else {
        match ask_passphrase().await {
            Some(p) => Some(p),
            None => return Ok(ExitCode::FAILURE),
        }
    };
    let for_agent = args.add_to_agent.then(|| req.passphrase.clone());
    println!("Generating public/private {} key pair.", kind.name());
    // RSA keys take seconds, and bcrypt-pbkdf a moment: off the async threads.
    let made = tokio::task::spawn_blocking(move || keys::generate(&req))
        .await
        .map_err(|e| Error::Internal {
            detail: format!("making the key stopped: {e}"),
        })??;
    println!(
        "Your identification has been saved in {}",
        shown(&made.path)
    );
    println!(
        "Your public key has been saved in {}",
        shown(&made.public_path)
    );
    println!("The key fingerprint is:");
    if made.info.comment.is_empty() {
        println!("{}", made.info.fingerprint);
    } else {
        println!(
            "{} {}",
            made.info.fingerprint,
            escape_for_display(&made.info.comment)
        );
    }
    println!("The key's randomart image is:");
    print!("{}", made.randomart);
    if !made.randomart.ends_with('\n') {
        println!();
    }
    if let Some(passphrase) = for_agent {
        return Ok(agent::add_generated(&made.path, passphrase).await);
    }
    Ok(ExitCode::SUCCESS)
}

/// The passphrase, typed twice on the terminal as for `ssh-keygen` (empty: none). `None` when
/// there is no terminal or the two never matched; the reason is printed.
async fn ask_passphrase() -> Option<Secret> {
    if !std::io::stdin().is_terminal() {
        eprintln!(
            "ferry: no terminal to ask for a passphrase on: pass --passphrase-env VAR, or \
             --no-passphrase for a key without one"
        );
        return None;
    }
    for _ in 0..3 {
        let first =
            ask_hidden("Enter passphrase for the new key (empty for no passphrase): ".into())
                .await?;
        let second = ask_hidden("Enter same passphrase again: ".into()).await?;
        if first == second {
            return Some(first);
        }
        eprintln!("Passphrases do not match.  Try again.");
    }
    eprintln!("ferry: the passphrases did not match; no key was made");
    None
}
