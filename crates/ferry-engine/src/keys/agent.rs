//! The keys a running ssh-agent holds (`SSH_AUTH_SOCK`; Pageant or OpenSSH's agent on Windows),
//! and adding one to it, as `ssh-add` does. No agent, or one that does not answer, is simply no
//! keys when listing; when adding, it is an error that says so.

use std::path::Path;
use std::time::Duration;

use russh::keys::agent::AgentIdentity;

use crate::error::{Error, Result};
use crate::keys::KeyInfo;
use crate::secrets::Secret;

/// How long a silent agent is waited for.
const AGENT_TIMEOUT: Duration = Duration::from_secs(5);

/// The agent's keys (certificates described by their key), in the agent's order.
pub async fn agent_keys() -> Vec<KeyInfo> {
    match tokio::time::timeout(AGENT_TIMEOUT, ask()).await {
        Ok(Some(keys)) => keys,
        Ok(None) => Vec::new(),
        Err(_) => {
            tracing::debug!("ssh-agent did not answer in time");
            Vec::new()
        }
    }
}

async fn ask() -> Option<Vec<KeyInfo>> {
    let mut agent = crate::ssh::agent::connect().await.ok()?;
    let identities = agent
        .request_identities()
        .await
        .map_err(|e| tracing::debug!("ssh-agent gave no identities: {e}"))
        .ok()?;
    Some(
        identities
            .into_iter()
            .map(|id| match id {
                AgentIdentity::PublicKey { mut key, comment } => {
                    key.set_comment(comment.as_str());
                    let mut info = KeyInfo::of(&key);
                    info.comment = comment;
                    info
                }
                AgentIdentity::Certificate {
                    certificate,
                    comment,
                } => {
                    let key = russh::keys::PublicKey::new(
                        certificate.public_key().clone(),
                        comment.as_str(),
                    );
                    let mut info = KeyInfo::of(&key);
                    info.comment = comment;
                    info
                }
            })
            .collect(),
    )
}

/// Opens the private key at `path` (with `passphrase` when it is encrypted) and hands it to the
/// running agent, which keeps it until it stops (as `ssh-add` without `-t`): logins of this
/// session then need no passphrase. The key goes to the agent decrypted, over its socket only.
/// Returns the key's description.
pub async fn add_to_agent(path: &Path, passphrase: Option<Secret>) -> Result<KeyInfo> {
    let owned = path.to_path_buf();
    let key = tokio::task::spawn_blocking(move || {
        russh::keys::load_secret_key(&owned, passphrase.as_ref().map(Secret::expose))
    })
    .await
    .map_err(|e| Error::Agent {
        detail: e.to_string(),
    })?
    .map_err(|e| Error::KeyFile {
        path: path.to_path_buf(),
        detail: match e {
            russh::keys::Error::KeyIsEncrypted => "it needs its passphrase".into(),
            other => other.to_string(),
        },
    })?;
    let mut agent = crate::ssh::agent::connect()
        .await
        .map_err(|e| Error::Agent {
            detail: format!("no ssh-agent is running here ({e})"),
        })?;
    tokio::time::timeout(AGENT_TIMEOUT, agent.add_identity(&key, &[]))
        .await
        .map_err(|_| Error::Agent {
            detail: format!("it did not answer in {} s", AGENT_TIMEOUT.as_secs()),
        })?
        .map_err(|e| Error::Agent {
            detail: e.to_string(),
        })?;
    Ok(KeyInfo::of(key.public_key()))
}
