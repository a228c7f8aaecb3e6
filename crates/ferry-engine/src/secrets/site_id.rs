//! [`SiteId`]: the stable identity of a saved site. It is defined here, below `sites`, because it
//! names a site's entries in the keyring; `sites` re-exports it.

use serde::{Deserialize, Serialize};

/// A site's stable identity: a random UUID made once, the key of its secrets in the keyring. It
/// never changes when the site is renamed or moved.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SiteId(pub String);

impl SiteId {
    pub fn new_random() -> SiteId {
        SiteId(uuid::Uuid::new_v4().to_string())
    }
}

impl Default for SiteId {
    fn default() -> Self {
        SiteId::new_random()
    }
}

impl std::fmt::Display for SiteId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
