//! Authentication of an open SSH connection, in OpenSSH's order: public keys (ssh-agent, then key
//! files), keyboard-interactive (each prompt to the [`Prompter`], so 2FA codes work), then password.
//!
//! Only methods the server offers are tried (asked with a `none` request first), partial success
//! (two-factor setups) carries on with the remaining methods, and the failure names what was tried.
//! Secrets stay in [`Secret`]s and never reach a log line.
//!
//! What a person gave is kept in the session's memory (`login.rs`) once the login works: a key a
//! typed passphrase opened, a typed password; keyboard-interactive answers are not replayed (they
//! may be one-time codes), the session is marked as needing a person instead.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use russh::MethodKind;
use russh::client::{AuthResult, KeyboardInteractiveAuthResponse};
use russh::keys::{HashAlg, PrivateKey, PrivateKeyWithHashAlg};

use crate::error::{Error, Result};
use crate::secrets::Secret;
use crate::ssh::login::SessionKey;
use crate::ssh::prompt::{InteractiveRequest, Prompter};
use crate::ssh::{ConnectOptions, Connection, map_ssh_error};

/// The state of one authentication: what the server still accepts and what we tried.
struct Attempt<'a> {
    conn: &'a mut Connection,
    opts: &'a ConnectOptions,
    prompter: &'a dyn Prompter,
    methods: Vec<MethodKind>,
    tried: Vec<String>,
    /// The known password was already rejected once: don't spend another try on it.
    password_rejected: bool,
    /// A person answered keyboard-interactive prompts (perhaps with a one-time code).
    person_answered: bool,
    /// The password a person typed, once the server accepted it.
    typed_password: Option<Secret>,
}

enum Step {
    Done,
    Next,
}

pub(crate) async fn authenticate(
    conn: &mut Connection,
    opts: &ConnectOptions,
    prompter: &dyn Prompter,
) -> Result<()> {
    let first = conn
        .handle
        .authenticate_none(opts.user.clone())
        .await
        .map_err(|e| map_ssh_error(&e, &opts.host))?;
    let methods = match first {
        AuthResult::Success => return Ok(()),
        AuthResult::Failure {
            remaining_methods, ..
        } => remaining_methods.to_vec(),
    };
    let mut a = Attempt {
        conn,
        opts,
        prompter,
        methods,
        tried: Vec::new(),
        password_rejected: false,
        person_answered: false,
        typed_password: None,
    };
    if let Step::Done = a.methods_in_order().await? {
        if a.person_answered {
            opts.session.set_needs_person();
        }
        if let Some(pw) = a.typed_password.take() {
            opts.session.remember_password(pw);
        }
        return Ok(());
    }
    Err(Error::AuthFailed {
        user: opts.user.clone(),
        host: opts.host.clone(),
        tried: a.tried,
    })
}

impl Attempt<'_> {
    async fn methods_in_order(&mut self) -> Result<Step> {
        if self.offers(MethodKind::PublicKey) {
            if self.opts.use_agent
                && let Step::Done = self.agent().await?
            {
                return Ok(Step::Done);
            }
            if let Step::Done = self.key_files().await? {
                return Ok(Step::Done);
            }
        }
        if self.offers(MethodKind::KeyboardInteractive)
            && let Step::Done = self.keyboard_interactive().await?
        {
            return Ok(Step::Done);
        }
        if self.offers(MethodKind::Password)
            && let Step::Done = self.password().await?
        {
            return Ok(Step::Done);
        }
        Ok(Step::Next)
    }

    /// The password to try before asking: one a person typed earlier in this session (the one
    /// that worked last), else the one known in advance.
    fn known_password(&self) -> Option<Secret> {
        self.opts
            .session
            .password()
            .or_else(|| self.opts.password.clone())
    }

    fn offers(&self, m: MethodKind) -> bool {
        self.methods.contains(&m)
    }

    fn err(&self, e: russh::Error) -> Error {
        map_ssh_error(&e, &self.opts.host)
    }

    /// Records the server's answer; `Done` on success.
    fn outcome(&mut self, r: AuthResult) -> Step {
        match r {
            AuthResult::Success => Step::Done,
            AuthResult::Failure {
                remaining_methods, ..
            } => {
                self.methods = remaining_methods.to_vec();
                Step::Next
            }
        }
    }

    async fn rsa_hash(&mut self, is_rsa: bool) -> Option<HashAlg> {
        if !is_rsa {
            return None;
        }
        self.conn
            .handle
            .best_supported_rsa_hash()
            .await
            .ok()
            .flatten()
            .flatten()
    }

    async fn agent(&mut self) -> Result<Step> {
        let Ok(mut agent) = crate::ssh::agent::connect().await else {
            return Ok(Step::Next);
        };
        let identities = match agent.request_identities().await {
            Ok(ids) => ids,
            Err(e) => {
                tracing::debug!("ssh-agent gave no identities: {e}");
                return Ok(Step::Next);
            }
        };
        let wanted = self.opts.agent_key.as_deref();
        let keys: Vec<_> = identities
            .into_iter()
            .filter_map(|id| match id {
                russh::keys::agent::AgentIdentity::PublicKey { key, .. } => Some(key),
                _ => None,
            })
            .filter(|key| wanted.is_none_or(|w| key.fingerprint(HashAlg::Sha256).to_string() == w))
            .collect();
        if keys.is_empty() {
            if let Some(w) = wanted {
                self.tried
                    .push(format!("ssh-agent (it does not hold the key {w})"));
            }
            return Ok(Step::Next);
        }
        self.tried.push(match (wanted, keys.len()) {
            (Some(w), _) => format!("the ssh-agent's key {w}"),
            (None, 1) => "ssh-agent (1 key)".to_string(),
            (None, n) => format!("ssh-agent ({n} keys)"),
        });
        for key in keys {
            if !self.offers(MethodKind::PublicKey) {
                break;
            }
            let hash = self.rsa_hash(key.algorithm().is_rsa()).await;
            let user = self.opts.user.clone();
            match self
                .conn
                .handle
                .authenticate_publickey_with(user, key, hash, &mut agent)
                .await
            {
                Ok(r) => {
                    if let Step::Done = self.outcome(r) {
                        return Ok(Step::Done);
                    }
                }
                Err(e) => tracing::debug!("ssh-agent could not sign: {e}"),
            }
        }
        Ok(Step::Next)
    }

    async fn key_files(&mut self) -> Result<Step> {
        let files = if self.opts.identity_files.is_empty() {
            if !self.opts.default_key_files {
                return Ok(Step::Next);
            }
            default_identity_files()
        } else {
            self.opts.identity_files.clone()
        };
        let explicit = !self.opts.identity_files.is_empty();
        for path in files {
            if !self.offers(MethodKind::PublicKey) {
                break;
            }
            // A key opened earlier in this session needs no passphrase again.
            let key = match self.opts.session.key(&path) {
                Some(k) => k.key(),
                None => match self.load_key(&path, explicit).await? {
                    Some(k) => k,
                    None => continue,
                },
            };
            self.tried.push(format!("key {}", path.display()));
            let hash = self.rsa_hash(key.algorithm().is_rsa()).await;
            let key = PrivateKeyWithHashAlg::new(key, hash);
            let user = self.opts.user.clone();
            let r = self
                .conn
                .handle
                .authenticate_publickey(user, key)
                .await
                .map_err(|e| self.err(e))?;
            if let Step::Done = self.outcome(r) {
                return Ok(Step::Done);
            }
        }
        Ok(Step::Next)
    }

    /// Loads a private key, asking for its passphrase (three tries) when encrypted. `None` when the
    /// person cancels, or when a default key file is unusable (an explicit one is an error). A key
    /// opened with a typed passphrase is kept (decrypted, in memory) for the session's next logins.
    async fn load_key(&self, path: &Path, explicit: bool) -> Result<Option<Arc<PrivateKey>>> {
        let path_owned = path.to_path_buf();
        let first =
            tokio::task::spawn_blocking(move || russh::keys::load_secret_key(&path_owned, None))
                .await
                .map_err(|e| Error::KeyFile {
                    path: path.to_path_buf(),
                    detail: e.to_string(),
                })?;
        let key_error = |detail: String| Error::KeyFile {
            path: path.to_path_buf(),
            detail,
        };
        match first {
            Ok(k) => return Ok(Some(Arc::new(k))),
            Err(russh::keys::Error::KeyIsEncrypted) => {}
            Err(e) if explicit => return Err(key_error(describe_key_error(&e))),
            Err(e) => {
                tracing::debug!("skipping {}: {e}", path.display());
                return Ok(None);
            }
        }
        if let Some(known) = self.opts.passphrase.clone() {
            let path_owned = path.to_path_buf();
            let loaded = tokio::task::spawn_blocking(move || {
                russh::keys::load_secret_key(&path_owned, Some(known.expose()))
            })
            .await
            .map_err(|e| key_error(e.to_string()))?;
            match loaded {
                Ok(k) => return Ok(Some(Arc::new(k))),
                Err(_) => tracing::info!("the stored passphrase does not open {}", path.display()),
            }
        }
        for attempt in 0..3 {
            let Some(pass) = self.prompter.passphrase(path).await else {
                return Ok(None);
            };
            let path_owned = path.to_path_buf();
            let loaded = tokio::task::spawn_blocking(move || {
                russh::keys::load_secret_key(&path_owned, Some(pass.expose()))
            })
            .await
            .map_err(|e| key_error(e.to_string()))?;
            match loaded {
                Ok(k) => {
                    let key = SessionKey::new(k);
                    self.opts.session.remember_key(path, key.clone());
                    return Ok(Some(key.key()));
                }
                Err(e) => {
                    tracing::info!(
                        "passphrase attempt {} for {} failed",
                        attempt + 1,
                        path.display()
                    );
                    if attempt == 2 {
                        return Err(key_error(format!(
                            "wrong passphrase ({})",
                            describe_key_error(&e)
                        )));
                    }
                }
            }
        }
        Ok(None)
    }

    async fn keyboard_interactive(&mut self) -> Result<Step> {
        self.tried.push("keyboard-interactive".into());
        let user = self.opts.user.clone();
        let mut reply = self
            .conn
            .handle
            .authenticate_keyboard_interactive_start(user, None)
            .await
            .map_err(|e| self.err(e))?;
        let mut used_known_password = false;
        let known = self.known_password();
        let mut person_answered = false;
        for _round in 0..16 {
            match reply {
                KeyboardInteractiveAuthResponse::Success => {
                    self.person_answered |= person_answered;
                    return Ok(Step::Done);
                }
                KeyboardInteractiveAuthResponse::Failure {
                    remaining_methods,
                    partial_success,
                } => {
                    // Accepted as one factor of several: the answers were still a person's.
                    self.person_answered |= partial_success && person_answered;
                    if used_known_password && !partial_success {
                        self.password_rejected = true;
                    }
                    self.methods = remaining_methods.to_vec();
                    return Ok(Step::Next);
                }
                KeyboardInteractiveAuthResponse::InfoRequest {
                    name,
                    instructions,
                    prompts,
                } => {
                    let is_password_prompt = prompts.len() == 1
                        && !prompts[0].echo
                        && prompts[0].prompt.to_lowercase().contains("password");
                    let answers: Vec<Secret> = if prompts.is_empty() {
                        Vec::new()
                    } else if let (true, false, Some(pw)) =
                        (is_password_prompt, used_known_password, known.as_ref())
                    {
                        used_known_password = true;
                        vec![pw.clone()]
                    } else {
                        let request = InteractiveRequest {
                            name,
                            instructions,
                            prompts: prompts.iter().map(|p| (p.prompt.clone(), p.echo)).collect(),
                        };
                        match self.prompter.keyboard_interactive(&request).await {
                            Some(a) if a.len() == prompts.len() => {
                                person_answered = true;
                                a
                            }
                            Some(_) | None => return Ok(Step::Next),
                        }
                    };
                    reply = self
                        .conn
                        .handle
                        .authenticate_keyboard_interactive_respond(
                            answers.iter().map(|s| s.expose().to_string()).collect(),
                        )
                        .await
                        .map_err(|e| self.err(e))?;
                }
            }
        }
        Ok(Step::Next)
    }

    async fn password(&mut self) -> Result<Step> {
        let known = if self.password_rejected {
            None
        } else {
            self.known_password()
        };
        let attempts = if known.is_some() { 1 } else { 3 };
        let mut pending = known;
        self.tried.push("password".into());
        for _ in 0..attempts {
            let (pw, typed) = match pending.take() {
                Some(p) => (p, false),
                None => match self
                    .prompter
                    .password(&self.opts.user, &self.opts.host)
                    .await
                {
                    Some(p) => (p, true),
                    None => return Ok(Step::Next),
                },
            };
            let user = self.opts.user.clone();
            let r = self
                .conn
                .handle
                .authenticate_password(user, pw.expose())
                .await
                .map_err(|e| self.err(e))?;
            if let Step::Done = self.outcome(r) {
                if typed {
                    self.typed_password = Some(pw);
                }
                return Ok(Step::Done);
            }
            if !self.offers(MethodKind::Password) {
                break;
            }
        }
        Ok(Step::Next)
    }
}

/// OpenSSH's default identities that exist, in its order.
pub fn default_identity_files() -> Vec<PathBuf> {
    let Some(home) = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()) else {
        return Vec::new();
    };
    ["id_ed25519", "id_ecdsa", "id_rsa"]
        .iter()
        .map(|n| home.join(".ssh").join(n))
        .filter(|p| p.is_file())
        .collect()
}

fn describe_key_error(e: &russh::keys::Error) -> String {
    match e {
        russh::keys::Error::IO(io) if io.kind() == std::io::ErrorKind::NotFound => {
            "the file does not exist".into()
        }
        russh::keys::Error::IO(io) if io.kind() == std::io::ErrorKind::PermissionDenied => {
            "permission denied reading it".into()
        }
        russh::keys::Error::CouldNotReadKey => {
            "not a private key in a format Ferry reads (OpenSSH, PEM or PKCS#8)".into()
        }
        other => other.to_string(),
    }
}
