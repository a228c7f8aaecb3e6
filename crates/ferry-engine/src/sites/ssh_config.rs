//! Importing `Host` entries from OpenSSH's `~/.ssh/config`: one site per concrete host alias, with
//! HostName, Port, User and IdentityFile resolved the way `ssh` does (the first value obtained wins,
//! from every block whose patterns match, wildcard blocks included). Wildcard-only patterns are not
//! sites. `Match` and `Include` are skipped with a note. ProxyJump becomes the site's jump hosts,
//! each hop that is itself a `Host` alias resolved to its HostName, Port and User as `ssh` would;
//! ProxyCommand (the whole rest of its line, as `ssh` reads it) becomes the site's proxy command.

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
        if let Some(v) = value("proxyjump").filter(|v| !v.eq_ignore_ascii_case("none")) {
            match resolve_jump(&blocks, v) {
                Ok(hops) => site.jump_hosts = hops,
                Err(e) => import.notes.push(format!(
                    "{alias}: ProxyJump {v} was not imported ({e}); the site connects directly"
                )),
            }
        }
        if let Some(v) = value("proxycommand").filter(|v| !v.eq_ignore_ascii_case("none")) {
            import_proxy_command(&mut site, &alias, v, &mut import.notes);
        }
        site.notes = format!("Imported from ~/.ssh/config (Host {alias})");
        import.sites.push(site);
    }
    import
}

/// ProxyCommand as the site's proxy command, unless it cannot be one (noted).
fn import_proxy_command(site: &mut Site, alias: &str, command: &str, notes: &mut Vec<String>) {
    if !site.jump_hosts.is_empty() {
        notes.push(format!(
            "{alias}: ProxyCommand was not imported: the site goes through its ProxyJump hosts, \
             and ssh uses only one of the two"
        ));
        return;
    }
    match crate::ssh::proxy::Proxy::command(command) {
        Ok(_) => site.proxy_command = command.to_string(),
        Err(e) => notes.push(format!(
            "{alias}: ProxyCommand was not imported ({e}); the site connects directly"
        )),
    }
}

/// A ProxyJump value with each hop that is a `Host` alias replaced by its HostName, Port and User
/// (what the hop itself says wins), in the syntax a site keeps.
fn resolve_jump(blocks: &[Block], spec: &str) -> Result<String> {
    let hops = crate::ssh::jump::parse_jump_hosts(spec, "")?;
    // Whether each hop names its port (which then beats the alias's Port).
    let explicit_ports: Vec<bool> = spec
        .split(',')
        .map(|one| {
            let one = one.trim();
            let one = one.strip_prefix("ssh://").unwrap_or(one);
            let host = one.rsplit_once('@').map_or(one, |(_, h)| h);
            if host.starts_with('[') {
                host.contains("]:")
            } else {
                host.matches(':').count() == 1
            }
        })
        .collect();
    let mut out = Vec::new();
    for (hop, explicit_port) in hops.iter().zip(explicit_ports) {
        let value = |key: &str| -> Option<&str> {
            blocks
                .iter()
                .filter(|b| block_matches(&b.patterns, &hop.host))
                .flat_map(|b| b.options.iter())
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        let host = value("hostname")
            .unwrap_or(&hop.host)
            .replace("%h", &hop.host);
        let port = if explicit_port {
            Some(hop.port)
        } else {
            value("port").and_then(|p| p.parse::<u16>().ok())
        };
        let user = if hop.user.is_empty() {
            value("user").unwrap_or("").to_string()
        } else {
            hop.user.clone()
        };
        let mut one = String::new();
        if !user.is_empty() {
            one.push_str(&user);
            one.push('@');
        }
        match (host.contains(':'), port.filter(|p| *p != 22)) {
            (true, Some(p)) => one.push_str(&format!("[{host}]:{p}")),
            (false, Some(p)) => one.push_str(&format!("{host}:{p}")),
            (_, None) => one.push_str(&host),
        }
        out.push(one);
    }
    let joined = out.join(",");
    // What was resolved must still read back.
    crate::ssh::jump::parse_jump_hosts(&joined, "")?;
    Ok(joined)
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
            // The rest of the line as it is: a command line, with its own quoting.
            "proxycommand" if !rest.is_empty() => {
                if let Some(block) = blocks.last_mut() {
                    block.options.push((key, rest.to_string()));
                }
            }
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
        assert_eq!(
            db.jump_hosts, "fallback@bastion:2022",
            "ssh's values for the hop"
        );
        assert!(!notes.contains("ProxyJump"), "{notes}");
        assert!(notes.contains("Include"), "{notes}");
        assert!(notes.contains("Match"), "{notes}");
        assert!(imp.secrets.is_empty());
    }

    #[test]
    fn proxyjump_hops_are_resolved_through_their_aliases() {
        let text = "Host in\n ProxyJump al@gate:2200,b\nHost b\n HostName 10.1.1.1\n \
                    User bo\n Port 2201\nHost gate\n Port 9\nHost bad\n ProxyJump x:0\n";
        let imp = import_ssh_config_text(text, None);
        assert_eq!(imp.sites[0].jump_hosts, "al@gate:2200,bo@10.1.1.1:2201");
        let bad = imp.sites.iter().find(|s| s.name == "bad").unwrap();
        assert!(bad.jump_hosts.is_empty());
        let notes = imp.notes.join("\n");
        assert!(
            notes.contains("bad: ProxyJump x:0 was not imported"),
            "{notes}"
        );
    }

    /// ProxyCommand keeps its whole line, quotes and all; one beside ProxyJump, or with a token
    /// Ferry does not know, is noted and left out.
    #[test]
    fn proxycommand_keeps_its_whole_line() {
        let text = "Host a\n ProxyCommand ssh -W \"%h:%p\" -o 'X=1 2' gate\n\
                    Host b\n ProxyCommand=nc %h %d\n\
                    Host c\n ProxyJump gate\n ProxyCommand ssh -W %h:%p gate\n\
                    Host d\n ProxyCommand none\n";
        let imp = import_ssh_config_text(text, None);
        let cmd: Vec<_> = imp.sites.iter().map(|s| s.proxy_command.as_str()).collect();
        assert_eq!(cmd, ["ssh -W \"%h:%p\" -o 'X=1 2' gate", "", "", ""]);
        assert_eq!(imp.sites[2].jump_hosts, "gate");
        let notes = imp.notes.join("\n");
        assert!(
            notes.contains("b: ProxyCommand was not imported"),
            "{notes}"
        );
        assert!(
            notes.contains("c: ProxyCommand was not imported"),
            "{notes}"
        );
        assert!(!imp.notes.iter().any(|n| n.starts_with("d:")), "{notes}");
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
