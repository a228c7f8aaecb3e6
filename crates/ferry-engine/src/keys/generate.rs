//! A new key pair, as `ssh-keygen -t TYPE` makes it: Ed25519 by default, ECDSA (P-256, or P-384 and
//! P-521 by size) or RSA (3072 bits or more), in OpenSSH's format, encrypted with a passphrase when
//! one is given (AES-256-CTR with bcrypt-pbkdf, ssh-keygen's default). The randomness is the OS's.

use std::path::PathBuf;

use getrandom::SysRng;
use getrandom::rand_core::UnwrapErr;
use russh::keys::ssh_key::private::{EcdsaKeypair, Ed25519Keypair, KeypairData, RsaKeypair};
use russh::keys::ssh_key::{EcdsaCurve, HashAlg, LineEnding, PrivateKey};

use crate::error::{Error, Result};
use crate::keys::KeyInfo;
use crate::keys::write::KeyFiles;
use crate::secrets::Secret;

/// The smallest RSA key Ferry makes (NIST's advice for keys used past 2030; ssh-keygen's default).
pub const RSA_MIN_BITS: u32 = 3072;
/// The RSA size when none is asked for.
pub const RSA_DEFAULT_BITS: u32 = 3072;
/// The largest RSA key (ssh-keygen's limit).
const RSA_MAX_BITS: u32 = 16384;

/// Which kind of key to make.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum KeyType {
    #[default]
    Ed25519,
    Ecdsa,
    Rsa,
}

impl KeyType {
    /// The file name `ssh-keygen` gives this kind in `~/.ssh`: `id_ed25519`, `id_ecdsa`, `id_rsa`.
    pub fn default_file_name(self) -> &'static str {
        match self {
            KeyType::Ed25519 => "id_ed25519",
            KeyType::Ecdsa => "id_ecdsa",
            KeyType::Rsa => "id_rsa",
        }
    }

    /// The name people type: `ed25519`, `ecdsa`, `rsa`.
    pub fn name(self) -> &'static str {
        match self {
            KeyType::Ed25519 => "ed25519",
            KeyType::Ecdsa => "ecdsa",
            KeyType::Rsa => "rsa",
        }
    }

    pub fn parse(s: &str) -> Option<KeyType> {
        match s.to_ascii_lowercase().as_str() {
            "ed25519" => Some(KeyType::Ed25519),
            "ecdsa" => Some(KeyType::Ecdsa),
            "rsa" => Some(KeyType::Rsa),
            _ => None,
        }
    }
}

/// What to make and where.
#[derive(Debug, Clone, Default)]
pub struct GenerateRequest {
    pub kind: KeyType,
    /// RSA: the modulus (default [`RSA_DEFAULT_BITS`], at least [`RSA_MIN_BITS`]); ECDSA: 256,
    /// 384 or 521 (default 256); Ed25519: ignored, as by `ssh-keygen`.
    pub bits: Option<u32>,
    /// The private key's file (the public key is beside it, with `.pub`); `None`: `~/.ssh/id_TYPE`,
    /// the folder created `0700` when missing.
    pub out: Option<PathBuf>,
    /// `None`: `user@hostname`.
    pub comment: Option<String>,
    /// `None` or empty: the private key is not encrypted.
    pub passphrase: Option<Secret>,
}

/// A key made and written.
#[derive(Debug, Clone)]
pub struct Generated {
    pub path: PathBuf,
    pub public_path: PathBuf,
    /// Type, bits, fingerprint (`SHA256:…`), comment, protected.
    pub info: KeyInfo,
    /// The public key's line as in the `.pub` file (for `authorized_keys`).
    pub public_key: String,
    /// The fingerprint drawn as `ssh-keygen` draws it, header `[ED25519 256]`, footer `[SHA256]`.
    pub randomart: String,
}

/// The key as asked for, its size settled.
enum Shape {
    Ed25519,
    Ecdsa(EcdsaCurve),
    Rsa(usize),
}

/// Where the key would go and what it would be; fails as [`generate`] would before making it
/// (a size not allowed, a file already there). `~/.ssh` is created when it is the destination.
fn plan(req: &GenerateRequest) -> Result<(KeyFiles, Shape)> {
    let files = match &req.out {
        Some(path) => KeyFiles::at(path.clone()),
        None => KeyFiles::in_default_dir(req.kind.default_file_name())?,
    };
    let bad = |detail: String| Error::KeyFile {
        path: files.private.clone(),
        detail,
    };
    let shape = match req.kind {
        KeyType::Ed25519 => Shape::Ed25519,
        KeyType::Ecdsa => Shape::Ecdsa(match req.bits.unwrap_or(256) {
            256 => EcdsaCurve::NistP256,
            384 => EcdsaCurve::NistP384,
            521 => EcdsaCurve::NistP521,
            n => {
                return Err(bad(format!(
                    "an ECDSA key has 256, 384 or 521 bits, not {n}"
                )));
            }
        }),
        KeyType::Rsa => {
            let n = req.bits.unwrap_or(RSA_DEFAULT_BITS);
            if !(RSA_MIN_BITS..=RSA_MAX_BITS).contains(&n) {
                return Err(bad(format!(
                    "an RSA key needs {RSA_MIN_BITS} to {RSA_MAX_BITS} bits, not {n}"
                )));
            }
            Shape::Rsa(n as usize)
        }
    };
    files.check_free()?;
    Ok((files, shape))
}

/// Whether [`generate`] would refuse `req` (a size not allowed, a file already there), without
/// making a key: for a face to ask before it asks for a passphrase.
pub fn check(req: &GenerateRequest) -> Result<()> {
    plan(req).map(|_| ())
}

/// Makes a key and writes its two files; an existing file is never overwritten. RSA keys take a
/// few seconds: run it off any thread that must stay responsive.
pub fn generate(req: &GenerateRequest) -> Result<Generated> {
    // Refused before spending seconds on an RSA key.
    let (files, shape) = plan(req)?;
    let bad = |detail: String| Error::KeyFile {
        path: files.private.clone(),
        detail,
    };
    let mut rng = UnwrapErr(SysRng);
    let data = match shape {
        Shape::Ed25519 => Ok(KeypairData::from(Ed25519Keypair::random(&mut rng))),
        Shape::Ecdsa(curve) => EcdsaKeypair::random(&mut rng, curve).map(KeypairData::from),
        Shape::Rsa(n) => RsaKeypair::random(&mut rng, n).map(KeypairData::from),
    }
    .map_err(|e| bad(format!("the key could not be made ({e})")))?;
    let comment = req.comment.clone().unwrap_or_else(default_comment);
    let key = PrivateKey::new(data, comment.as_str())
        .map_err(|e| bad(format!("the key could not be made ({e})")))?;
    let passphrase = req.passphrase.as_ref().filter(|p| !p.is_empty());
    let encrypted = match passphrase {
        Some(p) => Some(
            key.encrypt(&mut rng, p.expose().as_bytes())
                .map_err(|e| bad(format!("the key could not be encrypted ({e})")))?,
        ),
        None => None,
    };
    let private_text = encrypted
        .as_ref()
        .unwrap_or(&key)
        .to_openssh(LineEnding::LF)
        .map_err(|e| bad(format!("the key could not be encoded ({e})")))?;
    let public_key = key
        .public_key()
        .to_openssh()
        .map_err(|e| bad(format!("the public key could not be encoded ({e})")))?;
    files.write(
        private_text.as_bytes(),
        format!("{public_key}\n").as_bytes(),
    )?;

    let mut info = KeyInfo::of(key.public_key());
    info.protected = passphrase.is_some();
    let randomart = key
        .public_key()
        .fingerprint(HashAlg::Sha256)
        .to_randomart(&info.randomart_header());
    Ok(Generated {
        path: files.private,
        public_path: files.public,
        info,
        public_key,
        randomart,
    })
}

/// `user@hostname`, as `ssh-keygen` comments a new key.
pub fn default_comment() -> String {
    format!("{}@{}", crate::dirs::local_user(), hostname())
}

fn hostname() -> String {
    #[cfg(unix)]
    {
        let mut buf = [0u8; 256];
        // SAFETY: the buffer is valid for its length; gethostname writes at most that many bytes.
        let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
        if rc == 0 {
            let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            if let Ok(name) = std::str::from_utf8(&buf[..end])
                && !name.is_empty()
            {
                return name.to_string();
            }
        }
    }
    std::env::var("COMPUTERNAME")
        .or_else(|_| std::env::var("HOSTNAME"))
        .unwrap_or_else(|_| "localhost".to_string())
}
