//! [`Sites`]: the saved sites and recent connections as one versioned TOML file (`sites.toml` in the
//! config folder), read tolerantly (unknown keys are kept and written back), written atomically, and
//! never silently replaced: a file that cannot be read is moved aside as
//! `sites.toml.corrupt-<time>` and reported. Holds no secret: those are in the keyring.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::sites::{Import, Site, SiteId, normalize_folder};

pub const SITES_FILE: &str = "sites.toml";
const VERSION: u32 = 1;
/// How many quick connections `recent` keeps.
pub const RECENT_CAP: usize = 20;

/// A quick connection made without saving a site (most recent first in [`Sites::recent`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recent {
    pub host: String,
    pub port: u16,
    #[serde(default)]
    pub user: String,
    /// Seconds since the Unix epoch.
    #[serde(default)]
    pub last_used: i64,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Sites {
    pub version: u32,
    #[serde(rename = "site")]
    pub sites: Vec<Site>,
    pub recent: Vec<Recent>,
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl Sites {
    /// `sites.toml` in `config_dir` (see [`crate::dirs::AppDirs::config`]).
    pub fn path_in(config_dir: &Path) -> PathBuf {
        config_dir.join(SITES_FILE)
    }

    /// Reads the file; a missing file is an empty list. A file that does not parse is renamed to
    /// `<name>.corrupt-<time>` and [`Error::SitesFileCorrupt`] returned, so the next save cannot
    /// overwrite the person's sites with an empty list.
    pub fn load(path: &Path) -> Result<Sites> {
        let text = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Sites {
                    version: VERSION,
                    ..Sites::default()
                });
            }
            Err(e) => return Err(Error::from_local_io(&e, path)),
        };
        let parsed = std::str::from_utf8(&text)
            .map_err(|e| e.to_string())
            .and_then(|t| Self::parse(t).map_err(|e| describe_toml_error(&e)))
            .and_then(|s| s.check_ids().map(|()| s));
        match parsed {
            Ok(s) if s.version > VERSION => Err(Error::SitesFileNewer {
                path: path.to_path_buf(),
                version: s.version,
            }),
            Ok(mut s) => {
                s.version = VERSION;
                Ok(s)
            }
            Err(detail) => {
                let backup = backup_name(path);
                std::fs::rename(path, &backup).map_err(|e| Error::from_local_io(&e, path))?;
                tracing::warn!(
                    "sites file {} is corrupt ({detail}); moved to {}",
                    path.display(),
                    backup.display()
                );
                Err(Error::SitesFileCorrupt {
                    path: path.to_path_buf(),
                    backup,
                    detail,
                })
            }
        }
    }

    /// Parses Ferry's TOML (the sites file or an export).
    pub(crate) fn parse(text: &str) -> std::result::Result<Sites, toml::de::Error> {
        let mut s: Sites = toml::from_str(text)?;
        for site in &mut s.sites {
            site.folder = normalize_folder(&site.folder);
        }
        Ok(s)
    }

    fn check_ids(&self) -> std::result::Result<(), String> {
        let mut ids: Vec<&SiteId> = self.sites.iter().map(|s| &s.id).collect();
        ids.sort();
        match ids.windows(2).find(|w| w[0] == w[1]) {
            Some(w) => Err(format!("two sites have the id {}", w[0])),
            None => Ok(()),
        }
    }

    /// Writes the whole file atomically (temp file, fsync, rename).
    pub fn save(&self, path: &Path) -> Result<()> {
        let text = self.to_toml()?;
        crate::fs::atomic::write_atomic(path, text.as_bytes())
            .map_err(|e| Error::from_local_io(&e, path))
    }

    pub(crate) fn to_toml(&self) -> Result<String> {
        let mut copy = self.clone();
        copy.version = VERSION;
        // Unknown keys are kept for a newer Ferry, except any that looks like a secret (a password
        // typed into the file by hand): Ferry never writes one to a file.
        drop_secret_like(&mut copy.extra);
        for s in &mut copy.sites {
            drop_secret_like(&mut s.extra);
        }
        let body = toml::to_string_pretty(&copy).map_err(|e| Error::Io {
            path: SITES_FILE.to_string(),
            detail: e.to_string(),
        })?;
        Ok(format!(
            "# Ferry's saved sites. Passwords and passphrases are not here: they are in the OS keyring.\n{body}"
        ))
    }

    /// The same sites with only the fields this Ferry knows: what an export writes (a key this
    /// version does not understand may hold anything, so it does not leave the machine).
    pub fn known_fields_only(&self) -> Sites {
        let mut copy = self.clone();
        copy.extra.clear();
        for s in &mut copy.sites {
            s.extra.clear();
        }
        copy
    }

    pub fn get(&self, id: &SiteId) -> Option<&Site> {
        self.sites.iter().find(|s| &s.id == id)
    }

    pub fn get_mut(&mut self, id: &SiteId) -> Option<&mut Site> {
        self.sites.iter_mut().find(|s| &s.id == id)
    }

    /// Every folder path in use, sorted (parents before children).
    pub fn folders(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for s in &self.sites {
            let parts = s.folder_parts();
            for i in 1..=parts.len() {
                out.push(parts[..i].join("/"));
            }
        }
        out.sort();
        out.dedup();
        out
    }

    fn name_taken(&self, folder: &str, name: &str, except: Option<&SiteId>) -> bool {
        self.sites
            .iter()
            .any(|s| s.folder == folder && s.name == name && Some(&s.id) != except)
    }

    /// Adds a site (validated; names are unique within a folder). Returns its id.
    pub fn add(&mut self, mut site: Site) -> Result<SiteId> {
        site.folder = normalize_folder(&site.folder);
        site.validate()?;
        if self.name_taken(&site.folder, &site.name, None) {
            return Err(Error::SiteExists {
                name: site.full_name(),
            });
        }
        while self.get(&site.id).is_some() {
            site.id = SiteId::new_random();
        }
        let id = site.id.clone();
        self.sites.push(site);
        Ok(id)
    }

    /// Replaces the site with the same id (validated, names unique within a folder).
    pub fn update(&mut self, mut site: Site) -> Result<()> {
        site.folder = normalize_folder(&site.folder);
        site.validate()?;
        if self.name_taken(&site.folder, &site.name, Some(&site.id)) {
            return Err(Error::SiteExists {
                name: site.full_name(),
            });
        }
        let slot = self.get_mut(&site.id).ok_or_else(|| Error::UnknownSite {
            name: site.full_name(),
        })?;
        *slot = site;
        Ok(())
    }

    /// Removes a site and returns it. Its secrets are the caller's to delete
    /// ([`crate::secrets::delete_all`]).
    pub fn remove(&mut self, id: &SiteId) -> Option<Site> {
        let i = self.sites.iter().position(|s| &s.id == id)?;
        Some(self.sites.remove(i))
    }

    /// Adds an import's sites; one whose folder and name already exist is skipped (with a note),
    /// and its secrets are dropped from the import. Returns the notes.
    pub fn merge(&mut self, import: &mut Import) -> Vec<String> {
        let mut notes = Vec::new();
        let mut kept = Vec::new();
        for site in import.sites.drain(..) {
            let name = site.full_name();
            match self.add(site.clone()) {
                Ok(id) if id != site.id => {
                    // The id collided with an existing site: re-key its secrets.
                    for s in &mut import.secrets {
                        if s.0 == site.id {
                            s.0 = id.clone();
                        }
                    }
                    kept.push(id);
                }
                Ok(id) => kept.push(id),
                Err(Error::SiteExists { .. }) => {
                    notes.push(format!("'{name}' already exists: skipped"));
                }
                Err(e) => notes.push(format!("'{name}' skipped: {e}")),
            }
        }
        import.secrets.retain(|(id, _, _)| kept.contains(id));
        notes
    }

    /// Records a quick connection at the front of `recent` (deduplicated, capped at
    /// [`RECENT_CAP`]).
    pub fn touch_recent(&mut self, host: &str, port: u16, user: &str) {
        self.recent
            .retain(|r| !(r.host == host && r.port == port && r.user == user));
        self.recent.insert(
            0,
            Recent {
                host: host.to_string(),
                port,
                user: user.to_string(),
                last_used: chrono::Utc::now().timestamp(),
            },
        );
        self.recent.truncate(RECENT_CAP);
    }
}

/// One line: where and what ("line 2, column 7: invalid table header").
pub(crate) fn describe_toml_error(e: &toml::de::Error) -> String {
    let first = e.to_string();
    let place = first
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches("TOML parse error at ")
        .to_string();
    format!("{place}: {}", e.message().trim().replace('\n', "; "))
}

fn backup_name(path: &Path) -> PathBuf {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".corrupt-{stamp}"));
    let mut candidate = path.with_file_name(&name);
    let mut n = 1;
    while candidate.exists() {
        let mut numbered = name.clone();
        numbered.push(format!("-{n}"));
        candidate = path.with_file_name(numbered);
        n += 1;
    }
    candidate
}

/// Removes keys (at any depth) whose names suggest a secret.
fn drop_secret_like(table: &mut toml::Table) {
    table.retain(|k, _| {
        let k = k.to_ascii_lowercase();
        !["pass", "secret", "token", "pwd"]
            .iter()
            .any(|s| k.contains(s))
    });
    for (_, v) in table.iter_mut() {
        match v {
            toml::Value::Table(t) => drop_secret_like(t),
            toml::Value::Array(a) => {
                for item in a {
                    if let toml::Value::Table(t) = item {
                        drop_secret_like(t);
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sites::AuthMethod;

    fn sample() -> Sites {
        let mut s = Sites::default();
        let mut a = Site::new("prod", "example.com");
        a.folder = "Work/Clients".into();
        a.port = 2222;
        a.user = "ann".into();
        a.auth = AuthMethod::Password;
        a.remote_dir = "/var/www".into();
        a.max_transfers = Some(4);
        a.verify_checksum = true;
        a.notes = "line one\nline two".into();
        s.add(a).unwrap();
        s.add(Site::new("home", "10.0.0.2")).unwrap();
        s
    }

    #[test]
    fn round_trip_through_the_file() {
        let d = tempfile::tempdir().unwrap();
        let p = Sites::path_in(d.path());
        let s = sample();
        s.save(&p).unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains("version = 1"), "{text}");
        assert!(text.contains("[[site]]"), "{text}");
        let back = Sites::load(&p).unwrap();
        assert_eq!(back.sites, s.sites);
        assert_eq!(back.folders(), ["Work", "Work/Clients"]);
    }

    #[test]
    fn missing_file_is_empty() {
        let d = tempfile::tempdir().unwrap();
        let s = Sites::load(&d.path().join("nope.toml")).unwrap();
        assert!(s.sites.is_empty() && s.recent.is_empty());
    }

    #[test]
    fn unknown_keys_are_tolerated_and_kept() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join(SITES_FILE);
        std::fs::write(
            &p,
            "version = 1\nfuture_setting = \"x\"\n[[site]]\nid = \"abc\"\nname = \"a\"\nhost = \"h\"\ncolour = \"blue\"\n[site.tunnel]\nvia = \"bastion\"\n",
        )
        .unwrap();
        let s = Sites::load(&p).unwrap();
        assert_eq!(s.sites[0].name, "a");
        assert_eq!(s.sites[0].port, 22, "defaults fill missing keys");
        s.save(&p).unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        for kept in ["future_setting", "colour = \"blue\"", "via = \"bastion\""] {
            assert!(text.contains(kept), "{kept} lost:\n{text}");
        }
        // ...but never one that looks like a secret typed into the file by hand.
        std::fs::write(
            &p,
            "version = 1\n[[site]]\nid = \"abc\"\nname = \"a\"\nhost = \"h\"\npassword = \"hunter2\"\n[site.gateway]\nproxy_pass = \"hunter3\"\nvia = \"x\"\n",
        )
        .unwrap();
        Sites::load(&p).unwrap().save(&p).unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(!text.contains("hunter"), "{text}");
        assert!(text.contains("via = \"x\""), "{text}");
        assert_eq!(Sites::load(&p).unwrap().sites[0].id, SiteId("abc".into()));
    }

    #[test]
    fn corrupt_file_is_moved_aside_and_reported() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join(SITES_FILE);
        std::fs::write(&p, "version = 1\n[[site]\nname = ").unwrap();
        let err = Sites::load(&p).unwrap_err();
        let Error::SitesFileCorrupt { backup, .. } = &err else {
            panic!("{err:?}");
        };
        assert!(
            !p.exists(),
            "the corrupt file is moved, not left to be overwritten"
        );
        assert_eq!(
            std::fs::read_to_string(backup).unwrap(),
            "version = 1\n[[site]\nname = "
        );
        let msg = err.to_string();
        assert!(
            msg.contains("corrupt-") && msg.contains("nothing was overwritten"),
            "{msg}"
        );
        // A second corrupt file gets its own backup name.
        std::fs::write(&p, "garbage = = =").unwrap();
        let Error::SitesFileCorrupt { backup: b2, .. } = Sites::load(&p).unwrap_err() else {
            panic!()
        };
        assert_ne!(&b2, backup);
    }

    #[test]
    fn newer_version_is_refused_untouched() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join(SITES_FILE);
        std::fs::write(&p, "version = 7\n").unwrap();
        assert!(matches!(
            Sites::load(&p),
            Err(Error::SitesFileNewer { version: 7, .. })
        ));
        assert!(p.exists());
    }

    #[test]
    fn names_unique_within_a_folder() {
        let mut s = sample();
        assert!(matches!(
            s.add(Site::new("home", "other")),
            Err(Error::SiteExists { .. })
        ));
        let mut elsewhere = Site::new("home", "other");
        elsewhere.folder = "/Work//".into();
        let id = s.add(elsewhere).unwrap();
        assert_eq!(s.get(&id).unwrap().full_name(), "Work/home");
        for bad in ["a/b", "a:b", " "] {
            assert!(matches!(
                s.add(Site::new(bad, "h")),
                Err(Error::InvalidSite { .. })
            ));
        }
        let mut renamed = s.get(&id).unwrap().clone();
        renamed.folder = String::new();
        assert!(
            s.update(renamed).is_err(),
            "would clash with top-level 'home'"
        );
        assert!(s.remove(&id).is_some());
        assert!(s.get(&id).is_none());
    }

    #[test]
    fn recent_is_deduplicated_and_capped() {
        let mut s = Sites::default();
        for i in 0..30 {
            s.touch_recent(&format!("h{i}"), 22, "u");
        }
        s.touch_recent("h25", 22, "u");
        assert_eq!(s.recent.len(), RECENT_CAP);
        assert_eq!(s.recent[0].host, "h25");
        assert_eq!(s.recent.iter().filter(|r| r.host == "h25").count(), 1);
    }
}
