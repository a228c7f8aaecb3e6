//! Putting a public key on a server, as `ssh-copy-id` does, over an SFTP connection that is
//! already logged in (with a password, say): `~/.ssh` (0700) and `authorized_keys` (0600) made
//! when missing, the key added only when it is not there yet, every line already there kept byte
//! for byte, and the new list written beside the old one and renamed over it, so the file is
//! never truncated in place and a failure leaves it as it was.

use std::path::Path;

use russh::keys::ssh_key::PublicKey;

use crate::error::{Error, Result};
use crate::fs::FileSystem;
use crate::fs::entry::Kind;
use crate::fs::local::blocking;
use crate::fs::path::FsPath;
use crate::fs::sftp::SftpFs;

/// The largest `authorized_keys` read (a list of keys is a few KiB).
const CAP: u64 = 1 << 20;

/// What installing did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Installed {
    /// The key was added to this file.
    Added(FsPath),
    /// The file already had the key: nothing was written.
    AlreadyThere(FsPath),
}

/// Whether `list` (an `authorized_keys` file's bytes) has a line with `key`'s key data, whatever
/// its options and comment.
pub fn lists(list: &[u8], key: &PublicKey) -> bool {
    let Ok(line) = key.to_openssh() else {
        return false;
    };
    let Some(blob) = line.split_whitespace().nth(1) else {
        return false;
    };
    list.split(|b| *b == b'\n').any(|l| {
        let l = String::from_utf8_lossy(l);
        let l = l.trim();
        !l.starts_with('#') && l.split_whitespace().any(|token| token == blob)
    })
}

/// `list` with `key`'s line added at the end (after a line break when the last line has none).
pub fn with_key(list: &[u8], key: &PublicKey) -> Result<Vec<u8>> {
    let line = key.to_openssh().map_err(|e| Error::Protocol {
        detail: format!("the public key cannot be written: {e}"),
    })?;
    let mut out = list.to_vec();
    if !out.is_empty() && !out.ends_with(b"\n") {
        // A file whose lines end in CRLF keeps that ending for the line it lacked.
        out.extend_from_slice(if out.contains(&b'\r') { b"\r\n" } else { b"\n" });
    }
    out.extend_from_slice(line.trim_end().as_bytes());
    out.push(b'\n');
    Ok(out)
}

/// The public key in `path` (an OpenSSH `.pub` line), read off the caller's thread.
pub async fn read_public(path: &Path) -> Result<PublicKey> {
    let p = path.to_path_buf();
    let text = blocking(move || {
        std::fs::read_to_string(&p).map_err(|e| Error::KeyFile {
            path: p.clone(),
            detail: e.to_string(),
        })
    })
    .await?;
    PublicKey::from_openssh(text.trim()).map_err(|e| Error::KeyFile {
        path: path.to_path_buf(),
        detail: format!("it is not an OpenSSH public key ({e})"),
    })
}

/// A public key from its OpenSSH line (`ssh-ed25519 AAAA… comment`), as `KeyInfo` carries it.
pub fn parse_public(line: &str) -> Result<PublicKey> {
    PublicKey::from_openssh(line.trim()).map_err(|e| Error::Internal {
        detail: format!("not an OpenSSH public key line ({e})"),
    })
}

/// Adds `key` to the logged-in user's `~/.ssh/authorized_keys` on the server.
pub async fn install(sftp: &SftpFs, key: &PublicKey) -> Result<Installed> {
    let home = sftp.home().await?;
    let dir = home.join(b".ssh")?;
    match sftp.stat(&dir).await {
        Ok(e) if e.kind == Kind::Dir => {}
        Ok(_) => {
            return Err(Error::UnsafeDestination {
                path: dir.display_lossy(),
                why: "it is not a folder".into(),
            });
        }
        Err(Error::NotFound { .. }) => sftp.mkdir_mode(&dir, 0o700).await?,
        Err(e) => return Err(e),
    }
    let file = dir.join(b"authorized_keys")?;
    let old = match sftp.read_whole(&file, CAP).await {
        Ok(bytes) => Some(bytes),
        Err(Error::NotFound { .. }) => None,
        Err(e) => return Err(e),
    };
    if old.as_deref().is_some_and(|list| lists(list, key)) {
        return Ok(Installed::AlreadyThere(file));
    }
    let new = with_key(old.as_deref().unwrap_or_default(), key)?;
    let temp = dir.join(format!("authorized_keys.ferry-{}", std::process::id()).as_bytes())?;
    // A temporary file left by an earlier attempt that died is ours to replace.
    let _ = sftp.remove_file(&temp).await;
    sftp.write_new(&temp, &new, 0o600).await?;
    if let Err(e) = sftp.rename(&temp, &file, true).await {
        let _ = sftp.remove_file(&temp).await;
        return Err(e);
    }
    Ok(Installed::Added(file))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBdKC1kAAC8bY2YSfoZpSxAnv+g4eY9c803GJ3J8mEDF me@laptop";

    fn key() -> PublicKey {
        PublicKey::from_openssh(KEY).unwrap()
    }

    #[test]
    fn a_key_is_found_whatever_its_options_and_comment() {
        let blob = KEY.split(' ').nth(1).unwrap();
        let listed = format!("# old\r\nno-pty,command=\"x y\" ssh-ed25519 {blob} other\r\n");
        assert!(lists(listed.as_bytes(), &key()));
        assert!(!lists(format!("# ssh-ed25519 {blob}\n").as_bytes(), &key()));
        assert!(!lists(b"ssh-ed25519 AAAAC3Nza other\n", &key()));
    }

    #[test]
    fn the_lines_there_are_kept_byte_for_byte_and_the_key_goes_last() {
        let line = key().to_openssh().unwrap();
        assert_eq!(
            with_key(b"", &key()).unwrap(),
            format!("{line}\n").as_bytes()
        );
        assert_eq!(
            with_key(b"a\nb", &key()).unwrap(),
            format!("a\nb\n{line}\n").as_bytes()
        );
        assert_eq!(
            with_key(b"a\r\nb", &key()).unwrap(),
            format!("a\r\nb\r\n{line}\n").as_bytes()
        );
        assert_eq!(
            with_key(b"a\r\n", &key()).unwrap(),
            format!("a\r\n{line}\n").as_bytes()
        );
    }
}
