//! The tasks of "Set up key login…": make the key if asked, put it on the server, check that it
//! logs in alone ([`install`]); then change the saved site and the keyring as the person chose
//! ([`apply`]). Nothing here runs on the UI thread.

use std::path::PathBuf;
use std::sync::Arc;

use crate::gui::text::{error_text, t};
use ferry_engine::error::{Error, Result};
use ferry_engine::fs::local::blocking;
use ferry_engine::fs::sftp::SftpOptions;
use ferry_engine::keys::install::{Installed, install as put_on_server, parse_public};
use ferry_engine::keys::{self, GenerateRequest, Generated, KeyType};
use ferry_engine::link::key_login_works;
use ferry_engine::secrets::{self, Secret, SecretKind, SecretStore};
use ferry_engine::sites::{AuthMethod, Site, Sites};
use ferry_engine::ssh::prompt::NoPrompt;
use ferry_engine::ssh::{ConnectOptions, LoginKey};
use ferry_engine::transfer::pool::Link;

/// The key to install.
pub enum Key {
    /// Make a new Ed25519 key at `out` (`dir`, `~/.ssh`, made `0700` when it is the folder).
    New {
        out: PathBuf,
        dir: Option<PathBuf>,
        passphrase: Option<Secret>,
        add_to_agent: bool,
    },
    /// A key file, its public line, and the passphrase that opens it.
    File {
        path: PathBuf,
        public: String,
        passphrase: Option<Secret>,
    },
    /// The agent's key.
    Agent { fingerprint: String, public: String },
}

pub struct Plan {
    pub key: Key,
    pub link: Arc<Link>,
    pub opts: ConnectOptions,
    pub sftp: SftpOptions,
}

/// What Install did.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub installed: Installed,
    /// A login with the key alone worked.
    pub works: bool,
    pub login: LoginKey,
    /// The passphrase that opened the key file (to keep in the keyring if asked).
    pub passphrase: Option<Secret>,
    /// The key made for this, with its randomart.
    pub generated: Option<Box<Generated>>,
    /// Adding the new key to the agent failed: why.
    pub agent_problem: Option<String>,
}

/// Makes the key if asked, adds it to the server's `authorized_keys`, then logs in with it alone.
pub async fn install(plan: Plan) -> Result<Outcome> {
    let mut generated = None;
    let mut agent_problem = None;
    let (login, public, passphrase) = match plan.key {
        Key::New {
            out,
            dir,
            passphrase,
            add_to_agent,
        } => {
            let req = GenerateRequest {
                kind: KeyType::Ed25519,
                bits: None,
                out: Some(out),
                comment: None,
                passphrase: passphrase.clone(),
            };
            let made = blocking(move || {
                // ~/.ssh is made 0700 when the key goes there, as ssh-keygen does.
                if let Some(d) =
                    dir.filter(|d| req.out.as_ref().and_then(|o| o.parent()) == Some(d))
                {
                    keys::make_private_dir(&d)?;
                }
                keys::generate(&req)
            })
            .await?;
            if add_to_agent && let Err(e) = keys::add_to_agent(&made.path, passphrase.clone()).await
            {
                agent_problem = Some(error_text(&e));
            }
            let public = made.public_key.clone();
            let login = LoginKey::File(made.path.clone());
            generated = Some(Box::new(made));
            (login, public, passphrase)
        }
        Key::File {
            path,
            public,
            passphrase,
        } => {
            // A wrong passphrase is said now, before anything is written on the server.
            let (check, pass) = (path.clone(), passphrase.clone());
            blocking(move || keys::check_passphrase(&check, pass.as_ref())).await?;
            (LoginKey::File(path), public, passphrase)
        }
        Key::Agent {
            fingerprint,
            public,
        } => (LoginKey::Agent(fingerprint), public, None),
    };
    let key = parse_public(&public)?;
    let installed = put_on_server(&plan.link.sftp, &key).await?;
    let works = key_login_works(
        &plan.opts,
        &login,
        passphrase.clone(),
        plan.sftp,
        Arc::new(NoPrompt),
    )
    .await?;
    Ok(Outcome {
        installed,
        works,
        login,
        passphrase,
        generated,
        agent_problem,
    })
}

/// What Apply changes.
pub struct Change {
    pub login: LoginKey,
    /// The saved site to switch, or `new_site` to save.
    pub site: Option<Site>,
    pub new_site: Option<Site>,
    pub use_key: bool,
    pub forget_password: bool,
    /// Kept in the keyring as the site's key passphrase.
    pub passphrase: Option<Secret>,
    pub sites_file: PathBuf,
    pub store: Arc<dyn SecretStore>,
}

/// Switches the site to the key (or saves a new one that uses it), then removes its password
/// and keeps the passphrase in the keyring, each only when asked. The sites file is read again
/// first, so a change made elsewhere meanwhile is kept. The lines say what else happened.
pub async fn apply(change: Change) -> (Result<Sites>, Vec<String>) {
    let mut notes = Vec::new();
    let Change {
        login,
        site,
        new_site,
        use_key,
        forget_password,
        passphrase,
        sites_file,
        store,
    } = change;
    let target = match (site, new_site) {
        (Some(s), _) => Some((s, false)),
        (None, Some(s)) => Some((s, true)),
        (None, None) => None,
    };
    let Some((site, is_new)) = target.filter(|_| use_key) else {
        return (blocking(move || Sites::load(&sites_file)).await, notes);
    };
    let id = site.id.clone();
    let written = blocking(move || {
        let mut sites = Sites::load(&sites_file)?;
        let mut site = if is_new {
            site
        } else {
            sites
                .get(&site.id)
                .cloned()
                .ok_or_else(|| Error::NotFound {
                    path: site.full_name(),
                })?
        };
        match &login {
            LoginKey::File(path) => {
                site.auth = AuthMethod::KeyFile;
                site.key_file = Some(path.clone());
                site.agent_key = None;
            }
            LoginKey::Agent(fp) => {
                site.auth = AuthMethod::Agent;
                site.key_file = None;
                site.agent_key = Some(fp.clone());
            }
        }
        if is_new {
            sites.add(site)?;
        } else {
            sites.update(site)?;
        }
        sites.save(&sites_file)?;
        Ok(sites)
    })
    .await;
    if written.is_err() {
        return (written, notes);
    }
    if forget_password {
        match secrets::delete(store.clone(), id.clone(), SecretKind::Password).await {
            Ok(()) => notes.push(t!("keylogin-password-removed")),
            Err(e) => notes.push(error_text(&e)),
        }
    }
    if let Some(p) = passphrase {
        match secrets::set(store, id, SecretKind::Passphrase, p).await {
            Ok(()) => notes.push(t!("keylogin-passphrase-kept")),
            Err(e) => notes.push(t!("site-saved-no-password", error = error_text(&e))),
        }
    }
    (written, notes)
}
