//! Where site passwords and key passphrases are kept: the OS keyring ([`KeyringStore`]: Secret
//! Service on Linux, Keychain on macOS, Credential Manager on Windows, through the `keyring` crate)
//! behind the [`SecretStore`] trait, with [`MemoryStore`] for tests.
//!
//! Never a file: when the keyring is missing or locked every call fails with
//! [`Error::KeyringUnavailable`] and the caller asks for the password instead. Keyring calls block
//! (D-Bus round trips, maybe an unlock prompt), so async code uses [`get`], [`set`], [`delete`] and
//! [`delete_all`], which run them on tokio's blocking pool with a time limit.

mod site_id;
mod value;

pub use site_id::SiteId;
pub use value::Secret;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::error::{Error, Result};

/// The keyring "service" every Ferry entry is filed under.
pub const SERVICE: &str = "ferry";
/// How long one keyring call may take before it counts as unavailable (a hidden unlock prompt).
pub const TIMEOUT: Duration = Duration::from_secs(20);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SecretKind {
    Password,
    Passphrase,
    /// The password of the user named in the site's proxy address.
    ProxyPassword,
}

impl SecretKind {
    pub const ALL: [SecretKind; 3] = [
        SecretKind::Password,
        SecretKind::Passphrase,
        SecretKind::ProxyPassword,
    ];

    fn as_str(self) -> &'static str {
        match self {
            SecretKind::Password => "password",
            SecretKind::Passphrase => "passphrase",
            SecretKind::ProxyPassword => "proxy-password",
        }
    }
}

/// The keyring account name of a secret: `<site id>/<kind>`.
pub fn account(site: &SiteId, kind: SecretKind) -> String {
    format!("{}/{}", site.0, kind.as_str())
}

/// A place for secrets, keyed by site id and kind. Calls may block.
pub trait SecretStore: Send + Sync {
    /// `Ok(None)` when nothing is stored.
    fn get(&self, site: &SiteId, kind: SecretKind) -> Result<Option<Secret>>;
    fn set(&self, site: &SiteId, kind: SecretKind, secret: &Secret) -> Result<()>;
    /// Succeeds when nothing was stored.
    fn delete(&self, site: &SiteId, kind: SecretKind) -> Result<()>;
}

/// The OS keyring.
#[derive(Debug, Default, Clone, Copy)]
pub struct KeyringStore;

impl KeyringStore {
    pub fn new() -> Self {
        KeyringStore
    }

    fn entry(site: &SiteId, kind: SecretKind) -> Result<keyring::Entry> {
        if let Err(e) = keyring::Entry::store_status() {
            return Err(map_keyring_error(e));
        }
        keyring::Entry::new(SERVICE, &account(site, kind)).map_err(|e| map_keyring_error(&e))
    }
}

impl SecretStore for KeyringStore {
    fn get(&self, site: &SiteId, kind: SecretKind) -> Result<Option<Secret>> {
        match Self::entry(site, kind)?.get_password() {
            Ok(p) => Ok(Some(Secret::new(p))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_keyring_error(&e)),
        }
    }

    fn set(&self, site: &SiteId, kind: SecretKind, secret: &Secret) -> Result<()> {
        Self::entry(site, kind)?
            .set_password(secret.expose())
            .map_err(|e| map_keyring_error(&e))
    }

    fn delete(&self, site: &SiteId, kind: SecretKind) -> Result<()> {
        match Self::entry(site, kind)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_keyring_error(&e)),
        }
    }
}

/// Sorts keyring failures: anything that means "there is no usable keyring here" (no session bus,
/// no Secret Service, locked, a prompt that cannot be shown) becomes [`Error::KeyringUnavailable`].
fn map_keyring_error(e: &keyring::Error) -> Error {
    use keyring::Error as K;
    match e {
        K::NoDefaultStore => Error::KeyringUnavailable {
            why: "no Secret Service, Keychain or Credential Manager could be reached".into(),
        },
        K::NoStorageAccess(inner) => Error::KeyringUnavailable {
            why: format!("it is locked or access was refused: {}", one_line(inner)),
        },
        K::PlatformFailure(inner) => Error::KeyringUnavailable {
            why: one_line(inner),
        },
        other => Error::Keyring {
            detail: one_line(other),
        },
    }
}

fn one_line(e: &dyn std::fmt::Display) -> String {
    e.to_string().replace('\n', " ")
}

/// Secrets in memory, for tests (and a session-only fallback the GUI may choose; never a file).
#[derive(Default)]
pub struct MemoryStore {
    map: Mutex<HashMap<(SiteId, SecretKind), Secret>>,
    /// When set, every call fails as a missing keyring would.
    unavailable: Option<String>,
}

impl MemoryStore {
    pub fn new() -> Self {
        MemoryStore::default()
    }

    /// A store that behaves like a missing or locked keyring.
    pub fn unavailable(why: &str) -> Self {
        MemoryStore {
            map: Mutex::default(),
            unavailable: Some(why.to_string()),
        }
    }

    pub fn len(&self) -> usize {
        self.map.lock().map(|m| m.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn check(&self) -> Result<()> {
        match &self.unavailable {
            Some(why) => Err(Error::KeyringUnavailable { why: why.clone() }),
            None => Ok(()),
        }
    }

    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<(SiteId, SecretKind), Secret>> {
        self.map.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl std::fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MemoryStore({} secrets)", self.len())
    }
}

impl SecretStore for MemoryStore {
    fn get(&self, site: &SiteId, kind: SecretKind) -> Result<Option<Secret>> {
        self.check()?;
        Ok(self.map().get(&(site.clone(), kind)).cloned())
    }

    fn set(&self, site: &SiteId, kind: SecretKind, secret: &Secret) -> Result<()> {
        self.check()?;
        self.map().insert((site.clone(), kind), secret.clone());
        Ok(())
    }

    fn delete(&self, site: &SiteId, kind: SecretKind) -> Result<()> {
        self.check()?;
        self.map().remove(&(site.clone(), kind));
        Ok(())
    }
}

/// Runs a blocking store call on tokio's blocking pool, with [`TIMEOUT`].
async fn off_thread<T: Send + 'static>(
    f: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    match tokio::time::timeout(TIMEOUT, tokio::task::spawn_blocking(f)).await {
        Ok(Ok(r)) => r,
        Ok(Err(join)) => Err(Error::Keyring {
            detail: join.to_string(),
        }),
        Err(_) => Err(Error::KeyringUnavailable {
            why: format!(
                "it did not answer within {} s; it may be waiting to be unlocked",
                TIMEOUT.as_secs()
            ),
        }),
    }
}

/// [`SecretStore::get`] off the async thread.
pub async fn get(
    store: Arc<dyn SecretStore>,
    site: SiteId,
    kind: SecretKind,
) -> Result<Option<Secret>> {
    off_thread(move || store.get(&site, kind)).await
}

/// [`SecretStore::set`] off the async thread.
pub async fn set(
    store: Arc<dyn SecretStore>,
    site: SiteId,
    kind: SecretKind,
    secret: Secret,
) -> Result<()> {
    off_thread(move || store.set(&site, kind, &secret)).await
}

/// [`SecretStore::delete`] off the async thread.
pub async fn delete(store: Arc<dyn SecretStore>, site: SiteId, kind: SecretKind) -> Result<()> {
    off_thread(move || store.delete(&site, kind)).await
}

/// Deletes every secret of a site (when the site is deleted).
pub async fn delete_all(store: Arc<dyn SecretStore>, site: SiteId) -> Result<()> {
    off_thread(move || {
        for kind in SecretKind::ALL {
            store.delete(&site, kind)?;
        }
        Ok(())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn memory_store_get_set_delete() {
        let mem = Arc::new(MemoryStore::new());
        let store: Arc<dyn SecretStore> = mem.clone();
        let id = SiteId("s1".into());
        assert_eq!(
            get(store.clone(), id.clone(), SecretKind::Password)
                .await
                .unwrap(),
            None
        );
        set(
            store.clone(),
            id.clone(),
            SecretKind::Password,
            Secret::new("pw"),
        )
        .await
        .unwrap();
        set(
            store.clone(),
            id.clone(),
            SecretKind::Passphrase,
            Secret::new("pp"),
        )
        .await
        .unwrap();
        let got = get(store.clone(), id.clone(), SecretKind::Password)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(got.expose(), "pw");
        assert_eq!(format!("{mem:?}"), "MemoryStore(2 secrets)");
        delete(store.clone(), id.clone(), SecretKind::Password)
            .await
            .unwrap();
        delete(store.clone(), id.clone(), SecretKind::Password)
            .await
            .unwrap();
        assert_eq!(mem.len(), 1);
        delete_all(store.clone(), id.clone()).await.unwrap();
        assert!(mem.is_empty());
    }

    #[tokio::test]
    async fn unavailable_store_says_so_clearly() {
        let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::unavailable("no session bus"));
        let e = set(
            store,
            SiteId("x".into()),
            SecretKind::Password,
            Secret::new("pw"),
        )
        .await
        .unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("No OS keyring is available (no session bus)"));
        assert!(msg.contains("never stores it in a file"), "{msg}");
    }

    #[test]
    fn keyring_errors_are_sorted() {
        assert!(matches!(
            map_keyring_error(&keyring::Error::NoDefaultStore),
            Error::KeyringUnavailable { .. }
        ));
        assert!(matches!(
            map_keyring_error(&keyring::Error::Invalid("a".into(), "b".into())),
            Error::Keyring { .. }
        ));
        assert_eq!(
            account(&SiteId("id".into()), SecretKind::Passphrase),
            "id/passphrase"
        );
    }
}
