//! `Prompter`: how the engine asks a person something in the middle of a connection — trust this host
//! key? what is the password, the key's passphrase, the 2FA code? — without knowing who answers.
//!
//! The GUI answers through dialogs (a reply channel carried in a message), the CLI on the terminal.
//! Returning `None` means the person cancelled.

use std::path::Path;

use async_trait::async_trait;

use crate::secrets::Secret;

/// What is known about a host key nobody has recorded yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostKeyInfo {
    pub host: String,
    pub port: u16,
    /// `ED25519`, `ECDSA`, `RSA`…
    pub key_type: String,
    /// OpenSSH-style `SHA256:…`.
    pub fingerprint: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostKeyDecision {
    /// Trust it for this connection only.
    AcceptOnce,
    /// Trust it and record it in known_hosts.
    AcceptAndSave,
    Reject,
}

/// One keyboard-interactive round from the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InteractiveRequest {
    pub name: String,
    pub instructions: String,
    /// Prompt text and whether the answer may be shown while typed.
    pub prompts: Vec<(String, bool)>,
}

#[async_trait]
pub trait Prompter: Send + Sync {
    async fn confirm_host_key(&self, info: &HostKeyInfo) -> HostKeyDecision;
    async fn password(&self, user: &str, host: &str) -> Option<Secret>;
    async fn passphrase(&self, key_file: &Path) -> Option<Secret>;
    async fn keyboard_interactive(&self, request: &InteractiveRequest) -> Option<Vec<Secret>>;
    /// The password of `user` at the proxy `proxy` (`socks5://host:port`); by default asked as
    /// any password, naming the proxy as the host.
    async fn proxy_password(&self, user: &str, proxy: &str) -> Option<Secret> {
        self.password(user, proxy).await
    }
    /// The server's pre-authentication banner; shown, never acted on.
    fn banner(&self, _text: &str) {}
}

/// A prompter for scripted use: never asks, refuses unknown host keys, has no answers.
pub struct NoPrompt;

#[async_trait]
impl Prompter for NoPrompt {
    async fn confirm_host_key(&self, _info: &HostKeyInfo) -> HostKeyDecision {
        HostKeyDecision::Reject
    }
    async fn password(&self, _user: &str, _host: &str) -> Option<Secret> {
        None
    }
    async fn passphrase(&self, _key_file: &Path) -> Option<Secret> {
        None
    }
    async fn keyboard_interactive(&self, _request: &InteractiveRequest) -> Option<Vec<Secret>> {
        None
    }
}

/// Answers only what a key login can need (the host key, the key's passphrase) through the
/// prompter it wraps: a password or keyboard-interactive prompt is declined, so a login through
/// it proves that the key alone gets in.
pub struct KeyOnly(pub std::sync::Arc<dyn Prompter>);

#[async_trait]
impl Prompter for KeyOnly {
    async fn confirm_host_key(&self, info: &HostKeyInfo) -> HostKeyDecision {
        self.0.confirm_host_key(info).await
    }
    async fn password(&self, _user: &str, _host: &str) -> Option<Secret> {
        None
    }
    async fn passphrase(&self, key_file: &Path) -> Option<Secret> {
        self.0.passphrase(key_file).await
    }
    async fn keyboard_interactive(&self, _request: &InteractiveRequest) -> Option<Vec<Secret>> {
        None
    }
}
