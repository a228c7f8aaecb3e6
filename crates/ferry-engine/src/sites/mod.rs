//! Saved sites: the [`Site`] model (where to connect and how, never a secret), the folders sites sit
//! in, and the recent quick connections.
//!
//! Submodules: `file.rs` loads and saves the versioned TOML file ([`Sites`]); `lookup.rs` finds a
//! site by name or `folder/name` and parses `SITE:/path`; `connect.rs` turns a site (and its secrets
//! from the keyring) into [`ConnectOptions`](crate::ssh::ConnectOptions); `ssh_config.rs`,
//! `filezilla.rs` and `exchange.rs` import other programs' sites and Ferry's own export. Secrets live
//! in [`crate::secrets`], keyed by [`SiteId`].

mod connect;
mod exchange;
mod file;
mod filezilla;
mod lookup;
mod ssh_config;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::secrets::Secret;
use crate::secrets::SecretKind;

pub use connect::{SiteSecrets, connect_options, load_secrets, remote_start};
pub use exchange::{export_sites, import_sites};
pub use file::{RECENT_CAP, Recent, SITES_FILE, Sites};
pub use filezilla::import_filezilla;
pub use lookup::SiteAddress;
pub use ssh_config::{import_ssh_config, import_ssh_config_text};
// A site's id names its keyring entries, so it is defined with the secrets (the lower layer).
pub use crate::secrets::SiteId;

/// How a site logs in. Whatever is chosen, the server's offered methods decide in the end; this
/// says which secret to keep and what to try first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthMethod {
    /// Keys of a running ssh-agent (and OpenSSH's default key files).
    #[default]
    Agent,
    /// The site's key file; its passphrase (if any) may be in the keyring.
    KeyFile,
    /// A password, from the keyring or asked for.
    Password,
    /// Keyboard-interactive (one-time codes); a stored password answers a "Password:" prompt.
    Interactive,
}

impl AuthMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            AuthMethod::Agent => "agent",
            AuthMethod::KeyFile => "key-file",
            AuthMethod::Password => "password",
            AuthMethod::Interactive => "interactive",
        }
    }

    pub fn parse(s: &str) -> Option<AuthMethod> {
        Some(match s {
            "agent" => AuthMethod::Agent,
            "key-file" | "key" => AuthMethod::KeyFile,
            "password" => AuthMethod::Password,
            "interactive" | "keyboard-interactive" => AuthMethod::Interactive,
            _ => return None,
        })
    }
}

/// One saved site. Unknown keys in its TOML table are kept in `extra` and written back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Site {
    pub id: SiteId,
    pub name: String,
    /// The folder it sits in, as names joined with '/' ("" = top level).
    pub folder: String,
    pub host: String,
    pub port: u16,
    /// Login name; empty means the local account's name (as `ssh` does).
    pub user: String,
    pub auth: AuthMethod,
    pub key_file: Option<PathBuf>,
    /// With the agent: offer only the agent's key with this SHA256 fingerprint (`SHA256:…`).
    pub agent_key: Option<String>,
    /// Where browsing starts: an absolute path, `~/sub`, or empty for the home folder.
    pub remote_dir: String,
    pub local_dir: Option<PathBuf>,
    /// Files copied at once; `None` means Ferry's default.
    pub max_transfers: Option<u8>,
    pub verify_checksum: bool,
    /// Server-side copies may run `cp -p --` over exec where the server has no copy extension
    /// (off unless the person turns it on: it runs a command on the server).
    pub exec_copy: bool,
    /// Jump hosts to go through, in OpenSSH's ProxyJump syntax (`[user@]host[:port]`, commas
    /// between hops, first hop first); empty connects directly (and is not written).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub jump_hosts: String,
    /// The SOCKS5 or HTTP proxy in front of the server (or its first jump host):
    /// `socks5://[user@]host[:port]` or `http://…`, never with a password (that is in the
    /// keyring, [`SecretKind::ProxyPassword`]); empty for none (and not written).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub proxy: String,
    /// A command whose input and output carry the session (OpenSSH's ProxyCommand, `%h`, `%p`,
    /// `%r` expanded); empty for none (and not written). A site has a proxy or this, not both.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub proxy_command: String,
    pub notes: String,
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl Default for Site {
    fn default() -> Self {
        Site {
            id: SiteId::new_random(),
            name: String::new(),
            folder: String::new(),
            host: String::new(),
            port: crate::url::DEFAULT_PORT,
            user: String::new(),
            auth: AuthMethod::default(),
            key_file: None,
            agent_key: None,
            remote_dir: String::new(),
            local_dir: None,
            max_transfers: None,
            verify_checksum: false,
            exec_copy: false,
            jump_hosts: String::new(),
            proxy: String::new(),
            proxy_command: String::new(),
            notes: String::new(),
            extra: toml::Table::new(),
        }
    }
}

impl Site {
    /// A new site with a fresh id.
    pub fn new(name: impl Into<String>, host: impl Into<String>) -> Site {
        Site {
            name: name.into(),
            host: host.into(),
            ..Site::default()
        }
    }

    /// The folder's names, outermost first.
    pub fn folder_parts(&self) -> Vec<&str> {
        self.folder.split('/').filter(|p| !p.is_empty()).collect()
    }

    /// `folder/name`, or just `name` at the top level: what `SITE:/path` accepts.
    pub fn full_name(&self) -> String {
        if self.folder.is_empty() {
            self.name.clone()
        } else {
            format!("{}/{}", self.folder, self.name)
        }
    }

    /// `user@host:port` as shown to people.
    pub fn authority(&self) -> String {
        let user = (!self.user.is_empty()).then_some(self.user.as_str());
        crate::url::authority(user, &self.host, self.port)
    }

    /// Checks what the file format and `SITE:/path` need: a name without '/' or ':', a host, a port.
    pub fn validate(&self) -> Result<()> {
        let bad = |reason: &str| {
            Err(Error::InvalidSite {
                reason: reason.to_string(),
            })
        };
        if self.name.trim().is_empty() {
            return bad("the name is empty");
        }
        if self.name.contains(['/', ':']) || self.name.chars().any(char::is_control) {
            return bad("a name cannot contain '/', ':' or control characters");
        }
        if self.host.trim().is_empty() {
            return bad("the host is empty");
        }
        if self.port == 0 {
            return bad("the port must be 1-65535");
        }
        if self.folder.contains(':') {
            return bad("a folder name cannot contain ':'");
        }
        if let Some(key) = &self.agent_key
            && !crate::keys::is_sha256_fingerprint(key)
        {
            return bad("the agent key must be a SHA256 fingerprint (SHA256: and 43 characters)");
        }
        if let Err(Error::InvalidUrl { reason, .. }) =
            crate::ssh::jump::parse_jump_hosts(&self.jump_hosts, "user")
        {
            return bad(&format!("jump hosts: {reason}"));
        }
        self.proxy().map(|_| ())
    }

    /// The proxy this site is reached through (its address or its command), without a password.
    /// Both at once, or one that does not parse (a hand-edited file), is
    /// [`Error::InvalidSite`].
    pub fn proxy(&self) -> Result<Option<crate::ssh::proxy::Proxy>> {
        use crate::ssh::proxy::Proxy;
        let bad = |what: &str, e: Error| Error::InvalidSite {
            reason: match e {
                Error::InvalidUrl { reason, .. } | Error::ProxyCommandInvalid { reason, .. } => {
                    format!("the {what} of {}: {reason}", self.full_name())
                }
                other => format!("the {what} of {}: {other}", self.full_name()),
            },
        };
        match (self.proxy.trim(), self.proxy_command.trim()) {
            ("", "") => Ok(None),
            ("", command) => Proxy::command(command).map_err(|e| bad("proxy command", e)),
            (url, "") => Proxy::parse(url).map_err(|e| bad("proxy", e)),
            _ => Err(Error::InvalidSite {
                reason: "a site has a proxy or a proxy command, not both".into(),
            }),
        }
    }
}

/// Turns any text into a usable site or folder name ('/' and ':' become '-').
pub fn clean_name(s: &str) -> String {
    let cleaned: String = s
        .trim()
        .chars()
        .map(|c| {
            if c == '/' || c == ':' || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    if cleaned.is_empty() {
        "unnamed".to_string()
    } else {
        cleaned
    }
}

/// `a//b/` → `a/b`.
pub fn normalize_folder(s: &str) -> String {
    s.split('/')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("/")
}

/// What an import found: new sites, the secrets that go with them (for the keyring, never a file),
/// and notes for the person (unsupported options, skipped entries, plaintext passwords).
#[derive(Debug, Default)]
pub struct Import {
    pub sites: Vec<Site>,
    pub secrets: Vec<(SiteId, SecretKind, Secret)>,
    pub notes: Vec<String>,
}
