//! What the window remembers between runs: its size, where the divider sits, the last local
//! folder and the last folder on each server. A small JSON file in the config folder, written
//! whole (never half) when the window closes; a missing or broken file means the defaults.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use ferry_engine::dirs::AppDirs;

/// Folders remembered per server at most (the least recently used are forgotten).
const SERVERS: usize = 200;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Memory {
    pub width: f32,
    pub height: f32,
    /// The left pane's share of the width (0.25–0.75).
    pub divider: f32,
    pub local_dir: Option<String>,
    /// `user@host:port` → the folder open when it was last left, most recent last.
    pub remote_dirs: Vec<(String, String)>,
}

impl Default for Memory {
    fn default() -> Self {
        Memory {
            width: 1200.0,
            height: 780.0,
            divider: 0.5,
            local_dir: None,
            remote_dirs: Vec::new(),
        }
    }
}

impl Memory {
    pub fn file(dirs: &AppDirs) -> PathBuf {
        dirs.config.join("window.json")
    }

    /// Reads the file; anything wrong with it gives the defaults (it is only a convenience).
    pub fn load(path: &Path) -> Memory {
        let mut m: Memory = std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        m.width = m.width.clamp(600.0, 10_000.0);
        m.height = m.height.clamp(400.0, 10_000.0);
        m.divider = if m.divider.is_finite() {
            m.divider.clamp(0.25, 0.75)
        } else {
            0.5
        };
        m
    }

    pub async fn save(self, path: PathBuf) {
        let Ok(bytes) = serde_json::to_vec_pretty(&self) else {
            return;
        };
        let written = tokio::task::spawn_blocking(move || {
            ferry_engine::fs::atomic::write_atomic(&path, &bytes)
        })
        .await;
        if let Ok(Err(e)) = written {
            tracing::warn!("could not remember the window's layout: {e}");
        }
    }

    pub fn remote_dir(&self, server: &str) -> Option<&str> {
        self.remote_dirs
            .iter()
            .find(|(s, _)| s == server)
            .map(|(_, d)| d.as_str())
    }

    pub fn set_remote_dir(&mut self, server: &str, dir: String) {
        self.remote_dirs.retain(|(s, _)| s != server);
        self.remote_dirs.push((server.to_string(), dir));
        let excess = self.remote_dirs.len().saturating_sub(SERVERS);
        self.remote_dirs.drain(..excess);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_or_absurd_files_give_usable_values() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("window.json");
        assert_eq!(Memory::load(&p), Memory::default());
        std::fs::write(&p, b"{not json").unwrap();
        assert_eq!(Memory::load(&p), Memory::default());
        std::fs::write(&p, br#"{"width": 5, "divider": 7.0}"#).unwrap();
        let m = Memory::load(&p);
        assert_eq!((m.width, m.height, m.divider), (600.0, 780.0, 0.75));
    }

    #[test]
    fn remembers_the_latest_folder_per_server() {
        let mut m = Memory::default();
        m.set_remote_dir("ann@a:22", "/one".into());
        m.set_remote_dir("bob@b:22", "/two".into());
        m.set_remote_dir("ann@a:22", "/three".into());
        assert_eq!(m.remote_dir("ann@a:22"), Some("/three"));
        assert_eq!(m.remote_dirs.len(), 2);
        for i in 0..300 {
            m.set_remote_dir(&format!("u@h{i}:22"), "/".into());
        }
        assert_eq!(m.remote_dirs.len(), SERVERS);
        assert_eq!(m.remote_dir("u@h299:22"), Some("/"));
    }
}
