//! `ferry sites …`: list, add, edit and remove saved sites, import them from `~/.ssh/config`,
//! FileZilla or a Ferry export, and export them. A site that logs in with the agent may name the
//! one agent key it offers (`--agent-key SHA256:…`), and go through jump hosts (`--jump HOSTS`,
//! `--no-jump`) and a proxy (`--proxy URL` or `--proxy-command CMD`, `--no-proxy`; the proxy's
//! password with `--proxy-password-env`, to the keyring). Passwords given with `--password-env` go to
//! the OS keyring only; when there is none the command fails and stores the password nowhere.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Subcommand};

use crate::cli::CommonArgs;
use crate::cli::common::password_from_env;
use crate::cli::say;
use ferry_engine::dirs::AppDirs;
use ferry_engine::error::{Error, Result};
use ferry_engine::keys;
use ferry_engine::secrets::{self, KeyringStore, SecretKind, SecretStore};
use ferry_engine::sites::{self, AuthMethod, Import, Site, Sites, normalize_folder};
use ferry_engine::url::{RemoteStart, Target};

#[derive(Debug, Args)]
pub struct SitesArgs {
    #[command(subcommand)]
    pub command: SitesCommand,
}

#[derive(Debug, Subcommand)]
pub enum SitesCommand {
    /// List saved sites (folder/name, address, login method).
    List {
        /// Also list recent quick connections.
        #[arg(long)]
        recent: bool,
    },
    /// Save a site: ferry sites add NAME sftp://user@host:port/path [-i KEY] [--password-env VAR]
    Add(AddArgs),
    /// Change a saved site.
    Edit(EditArgs),
    /// Delete a saved site and its secrets in the keyring.
    Remove {
        /// NAME or FOLDER/NAME
        name: String,
    },
    /// Import Host entries from OpenSSH's config (default ~/.ssh/config).
    ImportSshConfig { file: Option<PathBuf> },
    /// Import SFTP sites from FileZilla's sitemanager.xml (passwords go to the keyring).
    ImportFilezilla { file: PathBuf },
    /// Write every saved site (no secrets) to FILE.
    Export { file: PathBuf },
    /// Add the sites of a Ferry export.
    Import { file: PathBuf },
}

/// Site settings shared by `add` and `edit`.
#[derive(Debug, Args)]
pub struct SiteFields {
    /// Folder to keep the site in ("Work/Clients"; "" = top level).
    #[arg(long, value_name = "PATH")]
    pub folder: Option<String>,
    /// How to log in: agent, key-file, password, interactive.
    #[arg(long, value_name = "METHOD", value_parser = parse_auth)]
    pub auth: Option<AuthMethod>,
    /// Where browsing starts on the server (/abs, ~/rel; "" = home).
    #[arg(long, value_name = "PATH")]
    pub remote_dir: Option<String>,
    /// Where the local pane starts.
    #[arg(long, value_name = "DIR")]
    pub local_dir: Option<PathBuf>,
    /// Files copied at once for this site (1-32).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=32))]
    pub max_transfers: Option<u8>,
    /// Verify each copied file with a checksum.
    #[arg(long, value_name = "BOOL")]
    pub verify: Option<bool>,
    /// Let `ferry cp` run `cp -p --` over exec where the server has no copy extension.
    #[arg(long, value_name = "BOOL")]
    pub exec_copy: Option<bool>,
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<String>,
    /// Connect directly again (forget the jump hosts that `--jump HOSTS` saved).
    #[arg(long)]
    pub no_jump: bool,
    /// Connect without a proxy again (forget what `--proxy` or `--proxy-command` saved).
    #[arg(long)]
    pub no_proxy: bool,
    /// Store the key passphrase read from this environment variable in the keyring.
    #[arg(long, value_name = "VAR")]
    pub passphrase_env: Option<String>,
    /// Of the agent's keys, offer only this one (SHA256:…, as `ferry keys list` or `ssh-add -l`
    /// prints it); the site then logs in with the agent.
    #[arg(long, value_name = "FINGERPRINT", value_parser = parse_fingerprint)]
    pub agent_key: Option<String>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    pub name: String,
    /// sftp://[user@]host[:port][/path] or [user@]host[:port]
    pub url: String,
    #[command(flatten)]
    pub fields: SiteFields,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// NAME or FOLDER/NAME
    pub name: String,
    /// New name.
    #[arg(long, value_name = "NAME")]
    pub rename: Option<String>,
    /// New address (host, port, user and, if it has one, the start folder).
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Stop using a key file.
    #[arg(long)]
    pub no_key: bool,
    /// Offer all of the agent's keys again (forget --agent-key).
    #[arg(long, conflicts_with = "agent_key")]
    pub no_agent_key: bool,
    /// Delete the stored password, passphrase and proxy password.
    #[arg(long)]
    pub forget_secrets: bool,
    #[command(flatten)]
    pub fields: SiteFields,
}

fn parse_auth(s: &str) -> std::result::Result<AuthMethod, String> {
    AuthMethod::parse(s).ok_or_else(|| "one of: agent, key-file, password, interactive".into())
}

fn parse_fingerprint(s: &str) -> std::result::Result<String, String> {
    let s = s.trim();
    if keys::is_sha256_fingerprint(s) {
        Ok(s.to_string())
    } else {
        Err(
            "a key fingerprint is SHA256: and 43 base64 characters, as `ferry keys list` or \
             `ssh-add -l` prints it"
                .into(),
        )
    }
}

pub async fn run(common: &CommonArgs, args: SitesArgs) -> Result<ExitCode> {
    let dirs = AppDirs::new(common.config_dir.as_deref());
    let path = Sites::path_in(&dirs.config);
    let mut list = Sites::load(&path)?;
    let store: Arc<dyn SecretStore> = Arc::new(KeyringStore::new());
    match args.command {
        SitesCommand::List { recent } => print_list(&list, recent),
        SitesCommand::Add(a) => add(common, &mut list, store, a).await?,
        SitesCommand::Edit(e) => edit(common, &mut list, store, e).await?,
        SitesCommand::Remove { name } => {
            let site = list.find(&name)?.clone();
            if let Err(e) = secrets::delete_all(store, site.id.clone()).await {
                eprintln!(
                    "ferry: warning: could not delete the site's secrets: {}",
                    say::error(&e)
                );
            }
            list.remove(&site.id);
            eprintln!("ferry: removed {}", site.full_name());
        }
        SitesCommand::ImportSshConfig { file } => {
            let file = match file {
                Some(f) => f,
                None => directories::BaseDirs::new()
                    .map(|b| b.home_dir().join(".ssh/config"))
                    .ok_or_else(|| Error::Import {
                        path: "~/.ssh/config".into(),
                        detail: "no home folder".into(),
                    })?,
            };
            merge(&mut list, store, sites::import_ssh_config(&file)?).await;
        }
        SitesCommand::ImportFilezilla { file } => {
            merge(&mut list, store, sites::import_filezilla(&file)?).await;
        }
        SitesCommand::Import { file } => {
            merge(&mut list, store, sites::import_sites(&file)?).await;
        }
        SitesCommand::Export { file } => {
            sites::export_sites(&list.sites, &file)?;
            eprintln!(
                "ferry: exported {} sites to {} (passwords are not exported)",
                list.sites.len(),
                file.display()
            );
            return Ok(ExitCode::SUCCESS);
        }
    }
    list.save(&path)?;
    Ok(ExitCode::SUCCESS)
}

fn print_list(list: &Sites, recent: bool) {
    let mut rows: Vec<&Site> = list.sites.iter().collect();
    rows.sort_by_key(|s| s.full_name());
    for s in rows {
        let start = if s.remote_dir.is_empty() {
            String::new()
        } else {
            format!("  {}", s.remote_dir)
        };
        let key = match &s.agent_key {
            Some(fp) if s.auth == AuthMethod::Agent => format!(" {fp}"),
            _ => String::new(),
        };
        let jump = if s.jump_hosts.is_empty() {
            String::new()
        } else {
            format!("  -J {}", s.jump_hosts)
        };
        let proxy = match (s.proxy.as_str(), s.proxy_command.as_str()) {
            ("", "") => String::new(),
            ("", command) => format!("  --proxy-command {command}"),
            (url, _) => format!("  --proxy {url}"),
        };
        println!(
            "{}\t{}\t{}{key}{start}{jump}{proxy}",
            s.full_name(),
            s.authority(),
            s.auth.as_str()
        );
    }
    if recent {
        for r in &list.recent {
            let user = if r.user.is_empty() {
                String::new()
            } else {
                format!("{}@", r.user)
            };
            println!("recent\t{user}{}:{}", r.host, r.port);
        }
    }
}

/// The settings `add` and `edit` share, applied to `site`. The global `-J/--jump HOSTS` is the
/// site's jump hosts here (`--no-jump` clears them).
fn apply_fields(common: &CommonArgs, site: &mut Site, f: &SiteFields) -> Result<()> {
    match (&common.jump, f.no_jump) {
        (Some(_), true) => {
            return Err(Error::InvalidSite {
                reason: "--jump and --no-jump cannot be used together".into(),
            });
        }
        (Some(spec), false) => {
            let spec = spec.trim();
            site.jump_hosts = if spec.eq_ignore_ascii_case("none") {
                String::new()
            } else {
                spec.to_string()
            };
        }
        (None, true) => site.jump_hosts.clear(),
        (None, false) => {}
    }
    apply_proxy(common, site, f)?;
    if let Some(folder) = &f.folder {
        site.folder = normalize_folder(folder);
    }
    if let Some(auth) = f.auth {
        site.auth = auth;
    }
    if let Some(dir) = &f.remote_dir {
        site.remote_dir = dir.clone();
    }
    if let Some(dir) = &f.local_dir {
        site.local_dir = Some(dir.clone());
    }
    if f.max_transfers.is_some() {
        site.max_transfers = f.max_transfers;
    }
    if let Some(v) = f.verify {
        site.verify_checksum = v;
    }
    if let Some(v) = f.exec_copy {
        site.exec_copy = v;
    }
    if let Some(n) = &f.notes {
        site.notes = n.clone();
    }
    if let Some(fp) = &f.agent_key {
        site.agent_key = Some(fp.clone());
        if f.auth.is_none() {
            site.auth = AuthMethod::Agent;
        }
    }
    Ok(())
}

/// The global `--proxy URL` or `--proxy-command CMD` is the site's proxy here (one replaces the
/// other; "none" or `--no-proxy` clears both).
fn apply_proxy(common: &CommonArgs, site: &mut Site, f: &SiteFields) -> Result<()> {
    let given = common.proxy.is_some() || common.proxy_command.is_some();
    if given && f.no_proxy {
        return Err(Error::InvalidSite {
            reason: "--proxy or --proxy-command and --no-proxy cannot be used together".into(),
        });
    }
    let none = |s: &str| s.trim().eq_ignore_ascii_case("none");
    if f.no_proxy || common.proxy.as_deref().is_some_and(none) {
        site.proxy.clear();
        site.proxy_command.clear();
    } else if let Some(url) = &common.proxy {
        site.proxy = url.trim().to_string();
        site.proxy_command.clear();
    } else if let Some(command) = &common.proxy_command {
        site.proxy_command = if none(command) {
            String::new()
        } else {
            command.trim().to_string()
        };
        site.proxy.clear();
    }
    Ok(())
}

/// An agent key only matters to a site that logs in with the agent: say so when it does not.
fn note_unused_agent_key(site: &Site) {
    if site.agent_key.is_some() && site.auth != AuthMethod::Agent {
        eprintln!(
            "ferry: note: the site logs in with {}, so its agent key is not used (--auth agent \
             uses it)",
            site.auth.as_str()
        );
    }
}

/// Host, port, user and start folder from an address.
fn apply_url(site: &mut Site, url: &str) -> Result<()> {
    let t = Target::parse_quick(url)?;
    site.host = t.host;
    site.port = t.port;
    site.user = t.user.unwrap_or_default();
    site.remote_dir = match t.path {
        RemoteStart::Home(rel) if rel.is_empty() => String::new(),
        RemoteStart::Home(rel) => format!("~/{rel}"),
        RemoteStart::Absolute(p) => p.to_string(),
    };
    Ok(())
}

/// The secrets the options name, read from the environment before anything is saved.
fn secrets_from_env(
    common: &CommonArgs,
    f: &SiteFields,
) -> Result<Vec<(SecretKind, ferry_engine::secrets::Secret)>> {
    let mut out = Vec::new();
    if let Some(var) = &common.password_env {
        out.push((SecretKind::Password, password_from_env(var)?));
    }
    if let Some(var) = &f.passphrase_env {
        out.push((SecretKind::Passphrase, password_from_env(var)?));
    }
    if let Some(var) = &common.proxy_password_env {
        out.push((SecretKind::ProxyPassword, password_from_env(var)?));
    }
    Ok(out)
}

async fn add(
    common: &CommonArgs,
    list: &mut Sites,
    store: Arc<dyn SecretStore>,
    a: AddArgs,
) -> Result<()> {
    let mut site = Site::new(a.name, "");
    apply_url(&mut site, &a.url)?;
    if let Some(key) = common.identity.first() {
        site.key_file = Some(key.clone());
        site.auth = AuthMethod::KeyFile;
    }
    if common.password_env.is_some() {
        site.auth = AuthMethod::Password;
    }
    apply_fields(common, &mut site, &a.fields)?;
    note_unused_agent_key(&site);
    let secrets = secrets_from_env(common, &a.fields)?;
    let id = list.add(site)?;
    // The keyring first: if it is unavailable, nothing is saved at all.
    for (kind, secret) in secrets {
        secrets::set(store.clone(), id.clone(), kind, secret).await?;
    }
    let site = list.get(&id).map(Site::full_name).unwrap_or_default();
    eprintln!("ferry: saved {site}");
    Ok(())
}

async fn edit(
    common: &CommonArgs,
    list: &mut Sites,
    store: Arc<dyn SecretStore>,
    e: EditArgs,
) -> Result<()> {
    let mut site = list.find(&e.name)?.clone();
    if let Some(name) = &e.rename {
        site.name = name.clone();
    }
    if let Some(url) = &e.url {
        apply_url(&mut site, url)?;
    }
    if let Some(key) = common.identity.first() {
        site.key_file = Some(key.clone());
    }
    if e.no_key {
        site.key_file = None;
    }
    if common.password_env.is_some() && site.auth != AuthMethod::Interactive {
        site.auth = AuthMethod::Password;
    }
    if e.no_agent_key {
        site.agent_key = None;
    }
    apply_fields(common, &mut site, &e.fields)?;
    note_unused_agent_key(&site);
    let secrets = secrets_from_env(common, &e.fields)?;
    let id = site.id.clone();
    list.update(site)?;
    if e.forget_secrets {
        secrets::delete_all(store.clone(), id.clone()).await?;
    }
    for (kind, secret) in secrets {
        secrets::set(store.clone(), id.clone(), kind, secret).await?;
    }
    Ok(())
}

/// Adds an import's sites, puts its secrets in the keyring, and reports. Without a keyring the
/// sites are still added, without their passwords, and the person is told.
async fn merge(list: &mut Sites, store: Arc<dyn SecretStore>, mut import: Import) {
    let found = import.sites.len();
    let before = list.sites.len();
    let mut notes = std::mem::take(&mut import.notes);
    notes.extend(list.merge(&mut import));
    let added = list.sites.len() - before;
    let mut stored = 0;
    let mut failure = None;
    for (id, kind, secret) in import.secrets.drain(..) {
        if failure.is_some() {
            break;
        }
        match secrets::set(store.clone(), id, kind, secret).await {
            Ok(()) => stored += 1,
            Err(e) => failure = Some(e),
        }
    }
    if let Some(e) = failure {
        notes.retain(|n| !n.contains("they are now in the OS keyring"));
        notes.push(format!("passwords were not imported: {}", say::error(&e)));
    } else if stored > 0 {
        tracing::info!("stored {stored} imported secrets in the keyring");
    }
    for n in notes {
        eprintln!("ferry: note: {n}");
    }
    eprintln!("ferry: imported {added} of {found} sites");
}
