//! The keys a running ssh-agent holds (`SSH_AUTH_SOCK`; Pageant or OpenSSH's agent on Windows).
//! No agent, or one that does not answer, is simply no keys.

use std::time::Duration;

use russh::keys::agent::AgentIdentity;

use crate::keys::KeyInfo;

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
