//! SSH keys a person owns: making a new key pair ([`generate()`]) and finding the keys already there
//! ([`list_folder`] for `~/.ssh`, [`agent_keys`] for a running ssh-agent), described the way
//! `ssh-keygen -l` describes them (type, bits, SHA256 fingerprint, comment).
//!
//! - `generate.rs`: a new Ed25519, ECDSA or RSA key in OpenSSH's format, optionally encrypted.
//! - `write.rs`: the key files on disk (`0600` and `0644`, never over an existing file) and
//!   `~/.ssh` (`0700`).
//! - `list.rs`: the private key files in a folder; `agent.rs`: the keys an ssh-agent holds.
//! - `install.rs`: a public key put on a server's `~/.ssh/authorized_keys`, as `ssh-copy-id`
//!   does, over SFTP.
//!
//! **Invariant:** a passphrase is a [`crate::secrets::Secret`]; it is never logged, printed or
//! written anywhere but into the key's own encryption.

mod agent;
mod generate;
pub mod install;
mod list;
mod write;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use russh::keys::ssh_key::public::KeyData;
use russh::keys::ssh_key::{Algorithm, EcdsaCurve, HashAlg, PublicKey};

use crate::secrets::Secret;

pub use agent::{add_to_agent, agent_keys};
pub use generate::{
    GenerateRequest, Generated, KeyType, RSA_DEFAULT_BITS, RSA_MIN_BITS, check, generate,
};
pub use list::{Listed, describe_file, list_folder};
pub use write::make_private_dir;

/// What `ssh-keygen -l` says about one key: its type, size, fingerprint and comment, and whether
/// the private key needs a passphrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyInfo {
    /// The type as `ssh-keygen` prints it: `ED25519`, `ECDSA`, `RSA`, `DSA`, `ED25519-SK`, …
    pub kind: String,
    /// The key's size in bits (256 for Ed25519, the curve for ECDSA, the modulus for RSA).
    pub bits: Option<u32>,
    /// `SHA256:` and the unpadded base64 digest, as `ssh-keygen -l` prints it.
    pub fingerprint: String,
    /// The key's comment (often `user@host`); may be empty.
    pub comment: String,
    /// The private key is encrypted with a passphrase (always false for an agent's key).
    pub protected: bool,
    /// The public key's OpenSSH line (`ssh-ed25519 AAAA… comment`, as in a `.pub` file): an
    /// agent's key, a file's `.pub` beside it, or the public half a private key file holds in
    /// the clear; `None` when none of those can be read.
    pub public_key: Option<String>,
}

impl KeyInfo {
    /// Describes a public key (`protected` is the caller's to set).
    pub fn of(key: &PublicKey) -> KeyInfo {
        KeyInfo {
            kind: kind_label(&key.algorithm()),
            bits: bits(key.key_data()),
            fingerprint: key.fingerprint(HashAlg::Sha256).to_string(),
            comment: key.comment().as_str_lossy().to_string(),
            protected: false,
            public_key: key.to_openssh().ok(),
        }
    }

    /// The fingerprint drawn as `ssh-keygen` draws it (header `[ED25519 256]`, footer `[SHA256]`).
    pub fn randomart(&self) -> Option<String> {
        let fp: russh::keys::ssh_key::Fingerprint = self.fingerprint.parse().ok()?;
        Some(fp.to_randomart(&self.randomart_header()))
    }

    /// The randomart's header as `ssh-keygen` draws it: `[ED25519 256]`.
    pub fn randomart_header(&self) -> String {
        match self.bits {
            Some(b) => format!("[{} {b}]", self.kind),
            None => format!("[{}]", self.kind),
        }
    }
}

/// The key type's name as `ssh-keygen` prints it.
fn kind_label(alg: &Algorithm) -> String {
    match alg {
        Algorithm::Ed25519 => "ED25519".into(),
        Algorithm::Ecdsa { .. } => "ECDSA".into(),
        Algorithm::Rsa { .. } => "RSA".into(),
        Algorithm::Dsa => "DSA".into(),
        Algorithm::SkEd25519 => "ED25519-SK".into(),
        Algorithm::SkEcdsaSha2NistP256 => "ECDSA-SK".into(),
        other => other.as_str().to_uppercase(),
    }
}

/// The key's size in bits, as `ssh-keygen -l` prints it.
fn bits(key: &KeyData) -> Option<u32> {
    if let Some(rsa) = key.rsa() {
        return Some(rsa.key_size());
    }
    if let Some(ec) = key.ecdsa() {
        return Some(match ec.curve() {
            EcdsaCurve::NistP256 => 256,
            EcdsaCurve::NistP384 => 384,
            EcdsaCurve::NistP521 => 521,
        });
    }
    match key.algorithm() {
        Algorithm::Ed25519 | Algorithm::SkEd25519 | Algorithm::SkEcdsaSha2NistP256 => Some(256),
        Algorithm::Dsa => Some(1024),
        _ => None,
    }
}

/// Checks that `passphrase` opens the private key at `path` (or that it needs none), as a login
/// would open it. Blocking: run it off the async thread. A wrong or missing passphrase is a
/// [`Error::KeyFile`](crate::error::Error::KeyFile) that says so.
pub fn check_passphrase(path: &Path, passphrase: Option<&Secret>) -> crate::error::Result<()> {
    russh::keys::load_secret_key(path, passphrase.map(Secret::expose))
        .map(drop)
        .map_err(|e| crate::error::Error::KeyFile {
            path: path.to_path_buf(),
            detail: match (e, passphrase.is_some()) {
                (russh::keys::Error::IO(io), _) => io.to_string(),
                (russh::keys::Error::KeyIsEncrypted, false) => "it needs its passphrase".into(),
                (_, true) => "the passphrase does not open it".into(),
                (other, false) => other.to_string(),
            },
        })
}

/// Whether `s` is a SHA256 key fingerprint as `ssh-keygen -l` and `ssh-add -l` print it: `SHA256:`
/// and the 32-byte digest in 43 unpadded base64 characters.
pub fn is_sha256_fingerprint(s: &str) -> bool {
    use base64::Engine;
    s.strip_prefix("SHA256:").is_some_and(|digest| {
        digest.len() == 43
            && base64::engine::general_purpose::STANDARD_NO_PAD
                .decode(digest)
                .is_ok_and(|d| d.len() == 32)
    })
}

/// The folder OpenSSH keeps a person's keys in: `~/.ssh` (`None` when there is no home folder).
pub fn default_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|b| b.home_dir().join(".ssh"))
}
