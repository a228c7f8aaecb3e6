//! Importing `Host` entries from OpenSSH's `~/.ssh/config`: one site per concrete host alias, with
//! HostName, Port, User and IdentityFile resolved the way `ssh` does (the first value obtained wins,
//! from every block whose patterns match, wildcard blocks included). Wildcard-only patterns are not
//! sites. `Match` and `Include` are skipped with a note; ProxyJump/ProxyCommand are noted as not
//! supported yet.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::sites::{AuthMethod, Import, Site, clean_name};

struct Block {
    patterns: Vec<String>,
    options: Vec<(String, String)>,
}

/// Reads and imports `path` (usually `~/.ssh/config`).
pub fn import_ssh_config(path: &Path) -> Result<Import> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Import {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })?;
    let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
    Ok(import_ssh_config_text(&text, home.as_deref()))
}

/// Imports config text; `~` in IdentityFile expands to `home`.
pub fn import_ssh_config_text(text: &str, home: Option<&Path>) -> Import {
    let mut import = Import::default();
    let blocks = parse_blocks(text, &mut import.notes);
    let mut aliases: Vec<String> = Vec::new();
    for b in &blocks {
        for p in &b.patterns {
            if !p.contains(['*', '?', '!']) && !aliases.contains(p) {
                aliases.push(p.clone());
            }
        }
    }
    for alias in aliases {
        let value = |key: &str| -> Option<&str> {
            blocks
                .iter()
                .filter(|b| block_matches(&b.patterns, &alias))
                .flat_map(|b| b.options.iter())
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        let mut site = Site::new(clean_name(&alias), value("hostname").unwrap_or(&alias));
        site.host = site.host.replace("%h", &alias);
        site.folder = String::new();
        if let Some(port) = value("port") {
            match port.parse::<u16>() {
                Ok(p) if p > 0 => site.port = p,
                _ => import.notes.push(format!(
                    "{alias}: Port '{port}' is not a port number; using 22"
                )),
            }
        }
        if let Some(user) = value("user") {
            site.user = user.to_string();
        }
        if let Some(identity) = value("identityfile") {
            site.key_file = Some(expand_tilde(identity, home));
            site.auth = AuthMethod::KeyFile;
            if identity.contains('%') {
                import.notes.push(format!(
                    "{alias}: IdentityFile {identity} uses % tokens, which Ferry does not expand"
                ));
            }
        }
        for unsupported in ["proxyjump", "proxycommand"] {
            if let Some(v) = value(unsupported).filter(|v| !v.eq_ignore_ascii_case("none")) {
                let name = if unsupported == "proxyjump" {
                    "ProxyJump"
                } else {
                    "ProxyCommand"
                };
                import.notes.push(format!(
                    "{alias}: {name} {v} is not supported yet; the site connects directly"
                ));
            }
        }
        site.notes = format!("Imported from ~/.ssh/config (Host {alias})");
        import.sites.push(site);
    }
    import
}

fn parse_blocks(text: &str, notes: &mut Vec<String>) -> Vec<Block> {
    // Options before the first Host apply to every host.
    let mut blocks = vec![Block {
        patterns: vec!["*".into()],
        options: Vec::new(),
    }];
    let mut in_match = false;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, rest) = split_keyword(line);
        let key = key.to_ascii_lowercase();
        let args = split_args(rest);
        match key.as_str() {
            "host" => {
                in_match = false;
                blocks.push(Block {
                    patterns: args,
                    options: Vec::new(),
                });
            }
            "match" => {
                in_match = true;
                notes.push(format!(
                    "line {}: Match blocks are not imported ({line})",
                    n + 1
                ));
            }
            "include" => notes.push(format!(
                "line {}: Include {} was not followed; import those files separately",
                n + 1,
                args.join(" ")
            )),
            _ if in_match => {}
            _ => {
                if let (Some(block), Some(first)) = (blocks.last_mut(), args.first()) {
                    block.options.push((key, first.clone()));
                }
            }
        }
    }
    blocks
}

/// `Key value`, `Key=value` or `Key = value`.
fn split_keyword(line: &str) -> (&str, &str) {
    let end = line
        .find(|c: char| c.is_whitespace() || c == '=')
        .unwrap_or(line.len());
    let rest = line[end..].trim_start();
    let rest = rest.strip_prefix('=').unwrap_or(rest).trim_start();
    (&line[..end], rest)
}

/// Whitespace-separated arguments; double quotes group.
fn split_args(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in s.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(cur);
    }
    out
}

/// ssh's rule: some positive pattern matches and no negated one does.
fn block_matches(patterns: &[String], alias: &str) -> bool {
    let mut hit = false;
    for p in patterns {
        if let Some(neg) = p.strip_prefix('!') {
            if wildcard(neg, alias) {
                return false;
            }
        } else if wildcard(p, alias) {
            hit = true;
        }
    }
    hit
}

/// `*` and `?` matching, case-insensitive as host names are.
fn wildcard(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let t: Vec<char> = text.to_lowercase().chars().collect();
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

fn expand_tilde(path: &str, home: Option<&Path>) -> PathBuf {
    match (path.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ if path == "~" => home.map(Path::to_path_buf).unwrap_or_else(|| path.into()),
        _ => PathBuf::from(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
# global defaults
User fallback
Include ~/.ssh/config.d/*

Host web prod-web
    HostName web.example.com
    Port 2222
    IdentityFile ~/.ssh/id_web

Host db
  HostName=10.0.0.5
  User = dba
  ProxyJump bastion
  IdentityFile "/keys/my key"

Host *.internal !secret.internal
    User internal-user

Host build.internal
    Port 2200

Match host foo
    User ignored

Host *
    Port 2022
    IdentityFile ~/.ssh/id_all
"#;

    #[test]
    fn imports_hosts_with_ssh_precedence() {
        let imp = import_ssh_config_text(SAMPLE, Some(Path::new("/home/ann")));
        let names: Vec<_> = imp.sites.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["web", "prod-web", "db", "build.internal"]);
        let web = &imp.sites[0];
        assert_eq!(
            (web.host.as_str(), web.port, web.user.as_str()),
            ("web.example.com", 2222, "fallback")
        );
        assert_eq!(web.key_file, Some(PathBuf::from("/home/ann/.ssh/id_web")));
        assert_eq!(web.auth, AuthMethod::KeyFile);
        let db = &imp.sites[2];
        assert_eq!(
            (db.host.as_str(), db.port, db.user.as_str()),
            ("10.0.0.5", 2022, "fallback"),
            "the first value obtained wins, as in ssh"
        );
        assert_eq!(db.key_file, Some(PathBuf::from("/keys/my key")));
        let build = &imp.sites[3];
        assert_eq!(
            (build.host.as_str(), build.port, build.user.as_str()),
            ("build.internal", 2200, "fallback")
        );
        let notes = imp.notes.join("\n");
        assert!(
            notes.contains("db: ProxyJump bastion is not supported yet"),
            "{notes}"
        );
        assert!(notes.contains("Include"), "{notes}");
        assert!(notes.contains("Match"), "{notes}");
        assert!(imp.secrets.is_empty());
    }

    #[test]
    fn host_specific_user_beats_later_wildcards() {
        let imp = import_ssh_config_text("Host a\n User alice\nHost *\n User everyone\n", None);
        assert_eq!(imp.sites[0].user, "alice");
        assert_eq!(imp.sites[0].host, "a");
        assert_eq!(imp.sites[0].auth, AuthMethod::Agent);
    }

    #[test]
    fn wildcards() {
        assert!(wildcard("*.example.com", "a.EXAMPLE.com"));
        assert!(wildcard("h?st", "host"));
        assert!(!wildcard("h?st", "hoost"));
        assert!(wildcard("*", ""));
        assert!(!block_matches(
            &["*.internal".into(), "!secret.internal".into()],
            "secret.internal"
        ));
    }

    #[test]
    fn reads_a_file() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("config");
        std::fs::write(&p, "Host x\n HostName y\n").unwrap();
        assert_eq!(import_ssh_config(&p).unwrap().sites[0].host, "y");
        assert!(matches!(
            import_ssh_config(&d.path().join("missing")),
            Err(Error::Import { .. })
        ));
    }
}
