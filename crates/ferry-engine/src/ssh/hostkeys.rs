//! known_hosts checking and learning for the SSH host-key policy.
//!
//! Every host key is checked against the known_hosts files; a changed key is a
//! hard stop, and this module never accepts anything by itself. It does no
//! prompting: callers decide what to do with a [`HostKeyStatus`] and call
//! [`KnownHosts::learn`] only once the user has accepted a key.
//!
//! The parser follows the "SSH_KNOWN_HOSTS FILE FORMAT" section of sshd(8)
//! (markers, comma-separated patterns with `*`/`?`/`!`, hashed `|1|` entries)
//! and, unlike russh's own parser, skips lines it cannot understand instead of
//! failing on the whole file.

use std::fs::{self, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use hmac::{Hmac, KeyInit, Mac};
use russh::keys::ssh_encoding::base64::{Base64, Encoding};
use russh::keys::ssh_key::{self, Algorithm, HashAlg, PublicKey};
use sha1::Sha1;

/// Outcome of checking a server's host key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostKeyStatus {
    /// A recorded key for this host (any of the files) equals the offered key.
    Trusted,
    /// No key of any type is recorded for this host.
    Unknown,
    /// A key of the same algorithm is recorded but differs: hard stop.
    Changed {
        file: PathBuf,
        line: usize,
        recorded_fingerprint: String,
    },
    /// Keys are recorded for this host, but only of other algorithms than the one offered: hard stop too.
    OtherTypeRecorded {
        file: PathBuf,
        line: usize,
        recorded_algorithms: Vec<String>,
    },
    /// The offered key is marked `@revoked` in a file: hard stop.
    Revoked { file: PathBuf, line: usize },
}

#[derive(Debug, thiserror::Error)]
pub enum KnownHostsError {
    #[error("could not read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("could not write {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("could not encode host key: {0}")]
    Encode(#[from] ssh_key::Error),
}

/// A set of known_hosts files: several read in order, one appended to.
#[derive(Debug, Clone)]
pub struct KnownHosts {
    read: Vec<PathBuf>,
    write_to: PathBuf,
}

/// A parsed line whose host patterns match the looked-up host.
struct Entry {
    line: usize,
    revoked: bool,
    key: PublicKey,
}

impl KnownHosts {
    /// `read`: files consulted in order (missing ones are fine). `write_to`: where `learn` appends.
    pub fn new(read: Vec<PathBuf>, write_to: PathBuf) -> Self {
        Self { read, write_to }
    }

    pub fn check(
        &self,
        host: &str,
        port: u16,
        key: &PublicKey,
    ) -> Result<HostKeyStatus, KnownHostsError> {
        let name = lookup_name(host, port);
        let mut found = Vec::new();
        for path in &self.read {
            let entries = entries_for(path, &name)?;
            found.extend(entries.into_iter().map(|e| (path, e)));
        }

        // A revocation anywhere wins over any trust.
        if let Some((path, e)) = found
            .iter()
            .find(|(_, e)| e.revoked && same_key(&e.key, key))
        {
            return Ok(HostKeyStatus::Revoked {
                file: path.to_path_buf(),
                line: e.line,
            });
        }
        let recorded: Vec<_> = found.iter().filter(|(_, e)| !e.revoked).collect();
        if recorded.iter().any(|(_, e)| same_key(&e.key, key)) {
            return Ok(HostKeyStatus::Trusted);
        }
        let offered = key.algorithm();
        if let Some((path, e)) = recorded.iter().find(|(_, e)| e.key.algorithm() == offered) {
            return Ok(HostKeyStatus::Changed {
                file: path.to_path_buf(),
                line: e.line,
                recorded_fingerprint: fingerprint(&e.key),
            });
        }
        match recorded.first() {
            Some((path, e)) => Ok(HostKeyStatus::OtherTypeRecorded {
                file: path.to_path_buf(),
                line: e.line,
                recorded_algorithms: dedup_algorithms(recorded.iter().map(|(_, e)| &e.key))
                    .iter()
                    .map(|a| a.as_str().to_owned())
                    .collect(),
            }),
            None => Ok(HostKeyStatus::Unknown),
        }
    }

    /// Algorithms recorded for this host (deduplicated, file order) — used to prefer those host-key algorithms in negotiation, like OpenSSH.
    pub fn recorded_algorithms(&self, host: &str, port: u16) -> Vec<Algorithm> {
        let name = lookup_name(host, port);
        let mut keys = Vec::new();
        for path in &self.read {
            match entries_for(path, &name) {
                Ok(entries) => {
                    keys.extend(entries.into_iter().filter(|e| !e.revoked).map(|e| e.key))
                }
                Err(err) => tracing::warn!("ignoring known_hosts file: {err}"),
            }
        }
        dedup_algorithms(keys.iter())
    }

    /// Append `[host]:port keytype base64` (or `host keytype base64` when port 22), plain (unhashed), creating the file and parent dir (dir mode 0700 on unix) if needed; make sure the previous content ends with a newline first. Also, if the host is already trusted, do nothing.
    pub fn learn(&self, host: &str, port: u16, key: &PublicKey) -> Result<(), KnownHostsError> {
        if self.check(host, port, key)? == HostKeyStatus::Trusted {
            return Ok(());
        }
        let blob = Base64::encode_string(&key.to_bytes()?);
        let (name, alg) = (lookup_name(host, port), key.algorithm());
        let entry = format!("{name} {} {blob}\n", alg.as_str());
        append_line(&self.write_to, &entry).map_err(|source| KnownHostsError::Write {
            path: self.write_to.clone(),
            source,
        })
    }

    pub fn write_path(&self) -> &Path {
        &self.write_to
    }
}

/// OpenSSH-style fingerprint: "SHA256:" + unpadded base64 of sha256 of the key blob, as `ssh-keygen -lf` prints it.
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

/// Human name of the key type as OpenSSH prints it in messages: "ED25519", "ECDSA", "RSA".
pub fn key_type_label(key: &PublicKey) -> &'static str {
    match key.algorithm() {
        Algorithm::Ed25519 => "ED25519",
        Algorithm::Ecdsa { .. } => "ECDSA",
        Algorithm::Rsa { .. } => "RSA",
        Algorithm::Dsa => "DSA",
        Algorithm::SkEd25519 => "ED25519-SK",
        Algorithm::SkEcdsaSha2NistP256 => "ECDSA-SK",
        _ => "UNKNOWN",
    }
}

/// The name looked up in known_hosts: `host` on port 22, `[host]:port` otherwise.
fn lookup_name(host: &str, port: u16) -> String {
    let host = host.to_ascii_lowercase();
    if port == 22 {
        host
    } else {
        format!("[{host}]:{port}")
    }
}

/// Appends `entry` to `path`, creating it (and a 0700 parent) if needed and
/// first terminating a last line that lacks its newline.
fn append_line(path: &Path, entry: &str) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir)?;
    }
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(path)?;
    let mut last = [b'\n'];
    if file.seek(SeekFrom::End(0))? > 0 {
        file.seek(SeekFrom::End(-1))?;
        file.read_exact(&mut last)?;
    }
    let sep = if last[0] == b'\n' { "" } else { "\n" };
    file.write_all(format!("{sep}{entry}").as_bytes())?;
    file.flush()
}

fn same_key(a: &PublicKey, b: &PublicKey) -> bool {
    a.key_data() == b.key_data()
}

fn dedup_algorithms<'a>(keys: impl Iterator<Item = &'a PublicKey>) -> Vec<Algorithm> {
    let mut out: Vec<Algorithm> = Vec::new();
    for alg in keys.map(PublicKey::algorithm) {
        if !out.contains(&alg) {
            out.push(alg);
        }
    }
    out
}

/// Reads `path` (missing = empty) and returns the parsed lines matching `name`.
fn entries_for(path: &Path, name: &str) -> Result<Vec<Entry>, KnownHostsError> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(KnownHostsError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    Ok(text
        .lines()
        .enumerate()
        .filter_map(|(i, line)| parse_line(path, i + 1, line, name))
        .collect())
}

/// Parses one line; `None` for blank/comment/unparsable/non-matching lines.
fn parse_line(path: &Path, line: usize, text: &str, name: &str) -> Option<Entry> {
    let mut fields = text.split([' ', '\t', '\r']).filter(|f| !f.is_empty());
    let mut first = fields.next()?;
    if first.starts_with('#') {
        return None;
    }
    let mut revoked = false;
    if let Some(marker) = first.strip_prefix('@') {
        match marker {
            "revoked" => revoked = true,
            "cert-authority" => return None,
            _ => {
                return skip(path, line, &format!("unknown marker @{marker}"));
            }
        }
        first = fields.next()?;
    }
    if !hosts_match(first, name) {
        return None;
    }
    let (Some(key_type), Some(blob)) = (fields.next(), fields.next()) else {
        return skip(path, line, "missing key type or key");
    };
    match PublicKey::from_openssh(&format!("{key_type} {blob}")) {
        Ok(key) => Some(Entry { line, revoked, key }),
        Err(err) => skip(path, line, &format!("unparsable {key_type} key ({err})")),
    }
}

/// [`parse_line`] for the fuzz properties (`crate::props`): whether a line holds a key for `name`.
#[cfg(feature = "props")]
pub(crate) fn parse_line_for_fuzz(text: &str, name: &str) -> bool {
    parse_line(Path::new("known_hosts"), 1, text, name).is_some()
}

/// [`hosts_match`] for the fuzz properties.
#[cfg(feature = "props")]
pub(crate) fn hosts_match_for_fuzz(patterns: &str, name: &str) -> bool {
    hosts_match(patterns, name)
}

fn skip(path: &Path, line: usize, why: &str) -> Option<Entry> {
    tracing::warn!("{}:{line}: {why}; line skipped", path.display());
    None
}

/// OpenSSH `match_hostname`: a comma-separated pattern list matches when some
/// positive pattern matches and no negated (`!`) pattern does.
fn hosts_match(patterns: &str, name: &str) -> bool {
    let mut matched = false;
    for pat in patterns.split(',').filter(|p| !p.is_empty()) {
        if let Some(hashed) = pat.strip_prefix("|1|") {
            matched |= hashed_match(hashed, name);
        } else if let Some(neg) = pat.strip_prefix('!') {
            if wildcard_match(&neg.to_ascii_lowercase(), name) {
                return false;
            }
        } else {
            matched |= wildcard_match(&pat.to_ascii_lowercase(), name);
        }
    }
    matched
}

/// `salt|hash` (both base64): HMAC-SHA1(key = salt, data = name) == hash.
fn hashed_match(salt_and_hash: &str, name: &str) -> bool {
    let Some((salt, hash)) = salt_and_hash.split_once('|') else {
        return false;
    };
    let (Ok(salt), Ok(hash)) = (Base64::decode_vec(salt), Base64::decode_vec(hash)) else {
        return false;
    };
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(&salt) else {
        return false;
    };
    mac.update(name.as_bytes());
    mac.verify_slice(&hash).is_ok()
}

/// Glob match with `*` (any run) and `?` (any one character).
fn wildcard_match(pattern: &str, name: &str) -> bool {
    let (p, n): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    let (mut pi, mut ni) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ni));
            pi += 1;
        } else if let Some((sp, sn)) = star {
            pi = sp + 1;
            ni = sn + 1;
            star = Some((sp, sn + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::HostKeyStatus::{Trusted, Unknown};
    use super::*;
    use std::process::Command;

    struct Key {
        key: PublicKey,
        /// `keytype base64` without comment.
        text: String,
        pub_path: PathBuf,
    }

    fn ssh_keygen(args: &[&str], file: &Path) -> std::process::Output {
        let out = Command::new("ssh-keygen").args(args).arg(file).output();
        out.unwrap()
    }

    fn keygen(dir: &Path, name: &str, ty: &str) -> Key {
        let path = dir.join(name);
        let out = ssh_keygen(&["-q", "-t", ty, "-N", "", "-C", "test", "-f"], &path);
        assert!(out.status.success());
        let pub_path = path.with_extension("pub");
        let line = fs::read_to_string(&pub_path).unwrap();
        let key = PublicKey::from_openssh(line.trim()).unwrap();
        let text = line
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        Key {
            key,
            text,
            pub_path,
        }
    }

    /// Two ed25519 keys and one ECDSA key (the TempDir must outlive them).
    fn keys() -> (tempfile::TempDir, Key, Key, Key) {
        let dir = tempfile::tempdir().unwrap();
        let a = keygen(dir.path(), "a", "ed25519");
        let b = keygen(dir.path(), "b", "ed25519");
        let e = keygen(dir.path(), "e", "ecdsa");
        (dir, a, b, e)
    }

    /// A known_hosts file with `content`, read after a missing file.
    fn setup(content: &str) -> (tempfile::TempDir, KnownHosts) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("known_hosts");
        fs::write(&file, content).unwrap();
        let kh = KnownHosts::new(vec![dir.path().join("missing"), file.clone()], file);
        (dir, kh)
    }

    fn st(kh: &KnownHosts, host: &str, port: u16, key: &Key) -> HostKeyStatus {
        kh.check(host, port, &key.key).unwrap()
    }

    #[test]
    fn plain_and_port_matching() {
        let (_k, a, _, _) = keys();
        let t = &a.text;
        let (_d, kh) = setup(&format!("# c\n\nexample.com {t} c\n[other.org]:2222 {t}\n"));
        assert_eq!(st(&kh, "example.com", 22, &a), Trusted);
        assert_eq!(st(&kh, "EXAMPLE.com", 22, &a), Trusted);
        assert_eq!(st(&kh, "example.com", 2222, &a), Unknown);
        assert_eq!(st(&kh, "other.org", 2222, &a), Trusted);
        assert_eq!(st(&kh, "other.org", 2223, &a), Unknown);
        assert_eq!(st(&kh, "other.org", 22, &a), Unknown);
        let algs = kh.recorded_algorithms("other.org", 2222);
        assert_eq!(algs, vec![Algorithm::Ed25519]);
    }

    #[test]
    fn hashed_entry() {
        let (_k, a, b, _) = keys();
        let (_d, kh) = setup(&format!(
            "[host.example]:2200 {}\nplain.example {}\n",
            a.text, b.text
        ));
        assert!(ssh_keygen(&["-H", "-f"], kh.write_path()).status.success());
        let content = fs::read_to_string(kh.write_path()).unwrap();
        assert!(
            content.starts_with("|1|") && !content.contains("example"),
            "{content}"
        );
        assert_eq!(st(&kh, "host.example", 2200, &a), Trusted);
        assert_eq!(st(&kh, "host.example", 22, &a), Unknown);
        assert_eq!(st(&kh, "plain.example", 22, &b), Trusted);
        let changed = st(&kh, "plain.example", 22, &a);
        assert!(matches!(changed, HostKeyStatus::Changed { line: 2, .. }));
    }

    #[test]
    fn wildcards_and_negation() {
        let (_k, a, _, _) = keys();
        let (_d, kh) = setup(&format!(
            "*.example.com,!bad.example.com,host?.org {}\n",
            a.text
        ));
        assert_eq!(st(&kh, "www.example.com", 22, &a), Trusted);
        assert_eq!(st(&kh, "www.example.com", 2222, &a), Unknown);
        assert_eq!(st(&kh, "bad.example.com", 22, &a), Unknown);
        assert_eq!(st(&kh, "host1.org", 22, &a), Trusted);
        assert_eq!(st(&kh, "host12.org", 22, &a), Unknown);
        assert!(wildcard_match("a*b*c", "axxbyyc") && !wildcard_match("a*b*c", "axxbyy"));
        assert!(wildcard_match("*", "[::1]:2222"));
    }

    #[test]
    fn changed_and_other_type() {
        let (_k, a, b, e) = keys();
        let (_d, kh) = setup(&format!("h1 {}\nh1 {}\nh2 {}\n", e.text, a.text, e.text));
        let file = kh.write_path().to_path_buf();
        let recorded_fingerprint = fingerprint(&a.key);
        let changed = HostKeyStatus::Changed {
            file: file.clone(),
            line: 2,
            recorded_fingerprint,
        };
        assert_eq!(st(&kh, "h1", 22, &b), changed);
        let recorded_algorithms = vec!["ecdsa-sha2-nistp256".to_owned()];
        let other = HostKeyStatus::OtherTypeRecorded {
            file,
            line: 3,
            recorded_algorithms,
        };
        assert_eq!(st(&kh, "h2", 22, &a), other);
        let algs = kh.recorded_algorithms("h1", 22);
        assert_eq!(algs, vec![e.key.algorithm(), Algorithm::Ed25519]);
        assert_eq!(key_type_label(&e.key), "ECDSA");
        assert_eq!(key_type_label(&a.key), "ED25519");
    }

    #[test]
    fn revoked_wins() {
        let (_k, a, _, _) = keys();
        let t = &a.text;
        let (_d, kh) = setup(&format!("h {t}\n@cert-authority h {t}\n@revoked * {t}\n"));
        let file = kh.write_path().to_path_buf();
        assert_eq!(
            st(&kh, "h", 22, &a),
            HostKeyStatus::Revoked { file, line: 3 }
        );
        assert_eq!(kh.recorded_algorithms("h", 22), vec![Algorithm::Ed25519]);
    }

    #[test]
    fn garbage_and_tabs() {
        let (_k, a, _, _) = keys();
        let tabbed = a.text.replace(' ', "\t \t");
        let bad = "h ssh-ed25519 !!!notbase64\nh ssh-foo AAAA\nh\n";
        let (_d, kh) = setup(&format!(
            "{bad}@bogus h {}\n  h\t{tabbed}\tcomment\r\n",
            a.text
        ));
        assert_eq!(st(&kh, "h", 22, &a), Trusted);
    }

    #[test]
    fn learn_then_check() {
        let (_k, a, b, _) = keys();
        // No trailing newline, truncated key.
        let (d, kh0) = setup("other ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA");
        let file = d.path().join("sub/dir/known_hosts");
        let kh = KnownHosts::new(vec![kh0.write_path().into(), file.clone()], file.clone());
        assert_eq!(st(&kh, "127.0.0.1", 2222, &a), Unknown);
        kh.learn("127.0.0.1", 2222, &a.key).unwrap();
        kh.learn("127.0.0.1", 2222, &a.key).unwrap(); // already trusted: no-op
        kh.learn("127.0.0.1", 22, &b.key).unwrap();
        assert_eq!(st(&kh, "127.0.0.1", 2222, &a), Trusted);
        assert_eq!(st(&kh, "127.0.0.1", 22, &b), Trusted);
        let written = fs::read_to_string(&file).unwrap();
        assert_eq!(
            written,
            format!("[127.0.0.1]:2222 {}\n127.0.0.1 {}\n", a.text, b.text)
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let meta = fs::metadata(file.parent().unwrap()).unwrap();
            assert_eq!(meta.permissions().mode() & 0o777, 0o700);
        }
        let out = ssh_keygen(&["-F", "[127.0.0.1]:2222", "-f"], &file);
        assert!(out.status.success());

        // Appending to a file lacking a final newline adds one first.
        let kh2 = KnownHosts::new(vec![], kh0.write_path().to_path_buf());
        kh2.learn("h", 22, &a.key).unwrap();
        let content = fs::read_to_string(kh0.write_path()).unwrap();
        assert!(
            content.ends_with(&format!("AAAAIA\nh {}\n", a.text)),
            "{content}"
        );
        assert_eq!(st(&kh2, "h", 22, &a), Unknown); // nothing is read
    }

    #[test]
    fn fingerprint_matches_ssh_keygen() {
        let (_k, a, _, e) = keys();
        for k in [&a, &e] {
            let out = ssh_keygen(&["-lf"], &k.pub_path);
            assert!(out.status.success());
            let stdout = String::from_utf8(out.stdout).unwrap();
            assert_eq!(
                Some(fingerprint(&k.key).as_str()),
                stdout.split_whitespace().nth(1)
            );
        }
    }

    #[test]
    fn ipv6_lookup_name() {
        assert_eq!(lookup_name("::1", 2222), "[::1]:2222");
        assert_eq!(lookup_name("::1", 22), "::1");
        let (_k, a, _, _) = keys();
        let (_d, kh) = setup(&format!("[::1]:2222 {}\n", a.text));
        assert_eq!(st(&kh, "::1", 2222, &a), Trusted);
        assert_eq!(st(&kh, "::1", 22, &a), Unknown);
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_file_is_an_error() {
        let (k, a, _, _) = keys();
        // A directory in place of a file cannot be read.
        let kh = KnownHosts::new(vec![k.path().to_path_buf()], k.path().join("x"));
        let err = kh.check("h", 22, &a.key).unwrap_err();
        assert!(err.to_string().contains(&k.path().display().to_string()));
    }
}
