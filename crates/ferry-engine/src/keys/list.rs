//! The private keys in a folder (`~/.ssh`): every file that reads as an OpenSSH, PEM or PuTTY
//! private key, described as `ssh-keygen -l` describes it, with whether it needs a passphrase.
//! Other files (public keys, `known_hosts`, `config`) are passed over; a file that cannot be read
//! is listed with the reason, and never stops the list.

use std::io::Read;
use std::path::{Path, PathBuf};

use russh::keys::ssh_key::{PrivateKey, PublicKey};

use crate::error::{Error, Result};
use crate::keys::KeyInfo;

/// More than any private key file (a 16384-bit RSA key is about 12 KiB).
const MAX_KEY_FILE: u64 = 64 * 1024;

/// One file of the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listed {
    Key {
        path: PathBuf,
        info: KeyInfo,
    },
    /// A file that may be a key but could not be read, and why.
    Unreadable {
        path: PathBuf,
        reason: String,
    },
}

impl Listed {
    pub fn path(&self) -> &Path {
        match self {
            Listed::Key { path, .. } | Listed::Unreadable { path, .. } => path,
        }
    }
}

/// The private keys in `dir`, by file name. A missing folder has none. Reads files: call it off
/// any thread that must stay responsive.
pub fn list_folder(dir: &Path) -> Result<Vec<Listed>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::from_local_io(&e, dir)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                out.push(Listed::Unreadable {
                    path: dir.to_path_buf(),
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let path = entry.path();
        if path.extension().is_some_and(|x| x == "pub") {
            continue;
        }
        if let Some(listed) = look_at(&path) {
            out.push(listed);
        }
    }
    out.sort_by(|a, b| a.path().cmp(b.path()));
    Ok(out)
}

/// One private key file described as [`list_folder`] describes it (whether it needs a passphrase,
/// say); `None` when the file is no private key. Reads the file: call it off a responsive thread.
pub fn describe_file(path: &Path) -> Option<Listed> {
    look_at(path)
}

/// What `path` is, or `None` when it is no private key.
fn look_at(path: &Path) -> Option<Listed> {
    let unreadable = |reason: String| {
        Some(Listed::Unreadable {
            path: path.to_path_buf(),
            reason,
        })
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return unreadable(e.to_string()),
    };
    if !meta.is_file() || meta.len() > MAX_KEY_FILE {
        return None;
    }
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path)
        .and_then(|f| f.take(MAX_KEY_FILE).read_to_end(&mut bytes).map(|_| ()));
    if let Err(e) = read {
        return unreadable(e.to_string());
    }
    let text = String::from_utf8_lossy(&bytes);
    let kind = Format::of(&text)?;
    Some(match describe(kind, &text, path) {
        Ok(info) => Listed::Key {
            path: path.to_path_buf(),
            info,
        },
        Err(reason) => Listed::Unreadable {
            path: path.to_path_buf(),
            reason,
        },
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    OpenSsh,
    /// PKCS#1, SEC1 or PKCS#8 PEM; `true` when encrypted.
    Pem(bool),
    /// PuTTY's `.ppk`; `true` when encrypted.
    Ppk(bool),
}

impl Format {
    fn of(text: &str) -> Option<Format> {
        let text = text.trim_start();
        let first = text.lines().next().unwrap_or("").trim_end();
        if first == "-----BEGIN OPENSSH PRIVATE KEY-----" {
            Some(Format::OpenSsh)
        } else if first.starts_with("-----BEGIN ") && first.ends_with("PRIVATE KEY-----") {
            Some(Format::Pem(
                first.contains("ENCRYPTED") || text.contains("Proc-Type: 4,ENCRYPTED"),
            ))
        } else if first.starts_with("PuTTY-User-Key-File-") {
            let encrypted = text
                .lines()
                .find_map(|l| l.strip_prefix("Encryption:"))
                .is_some_and(|e| e.trim() != "none");
            Some(Format::Ppk(encrypted))
        } else {
            None
        }
    }
}

fn describe(format: Format, text: &str, path: &Path) -> std::result::Result<KeyInfo, String> {
    let beside = public_beside(path);
    let mut info = match format {
        Format::OpenSsh => {
            // The public half and the encryption are in the clear, even in an encrypted file.
            let key = PrivateKey::from_openssh(text.trim()).map_err(not_a_key)?;
            let mut info = KeyInfo::of(key.public_key());
            info.protected = key.is_encrypted();
            info
        }
        Format::Pem(false) | Format::Ppk(false) => {
            let key = russh::keys::decode_secret_key(text, None).map_err(not_a_key)?;
            KeyInfo::of(key.public_key())
        }
        Format::Ppk(true) => {
            let mut info = ppk_public(text).map_err(not_a_key)?;
            info.protected = true;
            info
        }
        Format::Pem(true) => {
            let Some(public) = &beside else {
                return Err(
                    "it is protected by a passphrase, and there is no .pub file beside it to \
                     read its fingerprint from"
                        .into(),
                );
            };
            let mut info = KeyInfo::of(public);
            info.protected = true;
            info
        }
    };
    // The public line to copy is the `.pub` file's, when it is this key's (it carries the
    // comment); else the one the private key holds in the clear (OpenSSH, PuTTY).
    if let Some(public) = beside
        && public.fingerprint(russh::keys::HashAlg::Sha256).to_string() == info.fingerprint
    {
        if info.comment.is_empty() {
            info.comment = public.comment().as_str_lossy().to_string();
        }
        info.public_key = public.to_openssh().ok();
    }
    Ok(info)
}

fn not_a_key(e: impl std::fmt::Display) -> String {
    format!("it looks like a private key but cannot be read ({e})")
}

/// The `.pub` file beside a private key, when there is one that reads.
fn public_beside(path: &Path) -> Option<PublicKey> {
    let mut name = path.as_os_str().to_os_string();
    name.push(".pub");
    let text = std::fs::read_to_string(PathBuf::from(name)).ok()?;
    PublicKey::from_openssh(text.trim()).ok()
}

/// An encrypted `.ppk`'s public half, which PuTTY keeps in the clear (`Public-Lines`).
fn ppk_public(text: &str) -> std::result::Result<KeyInfo, String> {
    use base64::Engine;
    let mut lines = text.lines();
    let mut comment = String::new();
    let mut blob = String::new();
    while let Some(line) = lines.next() {
        if let Some(c) = line.strip_prefix("Comment:") {
            comment = c.trim().to_string();
        } else if let Some(n) = line.strip_prefix("Public-Lines:") {
            let n: usize = n
                .trim()
                .parse()
                .map_err(|_| "bad Public-Lines".to_string())?;
            for _ in 0..n {
                blob.push_str(lines.next().ok_or("the public key is cut short")?.trim());
            }
        }
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(blob)
        .map_err(|e| e.to_string())?;
    let key = PublicKey::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let mut info = KeyInfo::of(&key);
    info.comment = comment;
    Ok(info)
}
