//! What one session's logins learned from a person, kept in memory so that the next login to the
//! same server (an extra connection, a reconnect) need not ask again: the private keys a typed
//! passphrase opened (the decrypted key, never the passphrase), the host keys accepted for this
//! session only, the password a person typed that the server took, and whether a login needed
//! keyboard-interactive answers (one-time codes cannot be replayed: the pool then opens more
//! channels on the one connection instead of logging in again).
//!
//! Nothing here is written anywhere. `Debug` shows counts, never a secret; the key material in
//! russh's `PrivateKey` (ssh-key) zeroes itself when dropped, and so does a [`Secret`].

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use russh::keys::PrivateKey;
use russh::keys::ssh_key::PublicKey;

use crate::secrets::Secret;

/// A private key opened with a passphrase a person typed. Its `Debug` names only the algorithm.
#[derive(Clone)]
pub struct SessionKey(Arc<PrivateKey>);

impl SessionKey {
    pub(crate) fn new(key: PrivateKey) -> SessionKey {
        SessionKey(Arc::new(key))
    }

    pub(crate) fn key(&self) -> Arc<PrivateKey> {
        self.0.clone()
    }
}

impl std::fmt::Debug for SessionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SessionKey({})", self.0.algorithm().as_str())
    }
}

#[derive(Default)]
struct Remembered {
    keys: Vec<(PathBuf, SessionKey)>,
    host_keys: Vec<(String, u16, PublicKey)>,
    password: Option<Secret>,
    needs_person: bool,
}

/// One session's memory, shared by every clone (the clones of one [`ConnectOptions`] are the
/// connections of one session).
///
/// [`ConnectOptions`]: crate::ssh::ConnectOptions
#[derive(Clone, Default)]
pub struct SessionMemory(Arc<Mutex<Remembered>>);

impl std::fmt::Debug for SessionMemory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (keys, hosts, pw, person) = self.with(|r| {
            (
                r.keys.len(),
                r.host_keys.len(),
                r.password.is_some(),
                r.needs_person,
            )
        });
        write!(
            f,
            "SessionMemory({keys} keys, {hosts} host keys, password {pw}, needs a person {person})"
        )
    }
}

impl SessionMemory {
    fn with<T>(&self, f: impl FnOnce(&mut Remembered) -> T) -> T {
        // A panic elsewhere while holding the lock leaves plain data behind: still usable.
        let mut guard = self.0.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    }

    /// A new session's memory that knows only this one's host keys accepted once: for a login
    /// that must prove something alone (a key), without the password or keys a person gave.
    pub(crate) fn host_keys_only(&self) -> SessionMemory {
        let host_keys = self.with(|r| r.host_keys.clone());
        SessionMemory(Arc::new(Mutex::new(Remembered {
            host_keys,
            ..Remembered::default()
        })))
    }

    /// Whether a login of this session needed answers only a person can give (keyboard-interactive
    /// prompts): another login would ask again, so more connections share the one open.
    pub fn needs_person(&self) -> bool {
        self.with(|r| r.needs_person)
    }

    pub(crate) fn set_needs_person(&self) {
        self.with(|r| r.needs_person = true);
    }

    /// The key opened from `path` earlier in this session.
    pub(crate) fn key(&self, path: &Path) -> Option<SessionKey> {
        self.with(|r| {
            r.keys
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, k)| k.clone())
        })
    }

    pub(crate) fn remember_key(&self, path: &Path, key: SessionKey) {
        self.with(|r| {
            r.keys.retain(|(p, _)| p != path);
            r.keys.push((path.to_path_buf(), key));
        });
    }

    /// The host key a person accepted for this session only, for `host`:`port`.
    pub(crate) fn host_key(&self, host: &str, port: u16) -> Option<PublicKey> {
        self.with(|r| {
            r.host_keys
                .iter()
                .find(|(h, p, _)| h.eq_ignore_ascii_case(host) && *p == port)
                .map(|(_, _, k)| k.clone())
        })
    }

    pub(crate) fn remember_host_key(&self, host: &str, port: u16, key: &PublicKey) {
        self.with(|r| {
            r.host_keys
                .retain(|(h, p, _)| !(h.eq_ignore_ascii_case(host) && *p == port));
            r.host_keys.push((host.to_string(), port, key.clone()));
        });
    }

    /// The password a person typed that the server accepted.
    pub(crate) fn password(&self) -> Option<Secret> {
        self.with(|r| r.password.clone())
    }

    pub(crate) fn remember_password(&self, pw: Secret) {
        self.with(|r| r.password = Some(pw));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_no_secret_and_clones_share() {
        let m = SessionMemory::default();
        let clone = m.clone();
        clone.remember_password(Secret::new("hunter2"));
        clone.set_needs_person();
        let key = PrivateKey::from(russh::keys::ssh_key::private::Ed25519Keypair::from_seed(
            &[7; 32],
        ));
        m.remember_key(Path::new("/k"), SessionKey::new(key));
        assert!(m.needs_person());
        assert_eq!(m.password().as_ref().map(Secret::expose), Some("hunter2"));
        let shown = format!("{m:?} {:?}", m.key(Path::new("/k")));
        assert!(!shown.contains("hunter2"), "{shown}");
        assert_eq!(
            shown,
            "SessionMemory(1 keys, 0 host keys, password true, needs a person true) \
             Some(SessionKey(ssh-ed25519))"
        );
    }

    #[test]
    fn a_key_check_keeps_only_the_host_keys() {
        let m = SessionMemory::default();
        m.remember_password(Secret::new("pw"));
        m.set_needs_person();
        let key = PrivateKey::from(russh::keys::ssh_key::private::Ed25519Keypair::from_seed(
            &[9; 32],
        ));
        m.remember_host_key("Example.org", 22, key.public_key());
        m.remember_key(Path::new("/k"), SessionKey::new(key));
        let check = m.host_keys_only();
        assert!(check.password().is_none() && check.key(Path::new("/k")).is_none());
        assert!(!check.needs_person());
        assert!(check.host_key("example.org", 22).is_some());
        // Its own memory: what the check learns does not reach the session.
        check.remember_password(Secret::new("other"));
        assert_eq!(m.password().as_ref().map(Secret::expose), Some("pw"));
    }
}
