//! Checksums a server computes, by any means it has, learned once per session: the `check-file`
//! extension (draft-ietf-secsh-filexfer-extensions: `check-file-name`, `check-file-handle`, and
//! paramiko's `check-file` on a handle), else `sha256sum`, `sha512sum`, `sha1sum` or `md5sum` over
//! an SSH exec channel (a shell's, or a server like SFTPGo that runs those names itself), else
//! none. The strongest that works is used. The same sums of local files are here too, so that a
//! caller compares like with like.
//!
//! `check-file` is asked for in 64 KiB blocks (a list of one digest per block): paramiko 5.1
//! hashes the wrong bytes of any block longer than 128 KiB, and every server computes short
//! blocks right. Whole-file sums (for `ferry sum`) ask for one block.

use std::io::Read as _;
use std::path::Path;

use russh_sftp::protocol::{FileAttributes, OpenFlags};
use sha1::Digest as _;

use crate::error::{Error, Result};
use crate::fs::path::FsPath;
use crate::fs::sftp::SftpFs;
use crate::fs::sftp::server::{Read, Wire, is_unsupported};
use crate::ssh::Connection;

/// A checksum algorithm, weakest first (so `max` is the strongest).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Algo {
    Md5,
    Sha1,
    Sha256,
    Sha512,
}

impl Algo {
    /// Strongest first, as offered in a `check-file` request.
    pub const ALL: [Algo; 4] = [Algo::Sha512, Algo::Sha256, Algo::Sha1, Algo::Md5];
    /// The order exec commands are tried in.
    const EXEC_ORDER: [Algo; 4] = [Algo::Sha256, Algo::Sha512, Algo::Sha1, Algo::Md5];

    /// The name `check-file` and `--algo` use.
    pub fn name(self) -> &'static str {
        match self {
            Algo::Md5 => "md5",
            Algo::Sha1 => "sha1",
            Algo::Sha256 => "sha256",
            Algo::Sha512 => "sha512",
        }
    }

    pub fn parse(s: &str) -> Option<Algo> {
        Algo::ALL
            .into_iter()
            .find(|a| a.name().eq_ignore_ascii_case(s.trim_end_matches("sum")))
    }

    /// The coreutils command that computes it.
    pub fn command(self) -> String {
        format!("{}sum", self.name())
    }

    /// Digest length in bytes.
    pub fn digest_len(self) -> usize {
        match self {
            Algo::Md5 => 16,
            Algo::Sha1 => 20,
            Algo::Sha256 => 32,
            Algo::Sha512 => 64,
        }
    }

    fn hasher(self) -> Hasher {
        match self {
            Algo::Md5 => Hasher::Md5(md5::Context::new()),
            Algo::Sha1 => Hasher::Sha1(sha1::Sha1::new()),
            Algo::Sha256 => Hasher::Sha256(<sha2::Sha256 as sha2::Digest>::new()),
            Algo::Sha512 => Hasher::Sha512(<sha2::Sha512 as sha2::Digest>::new()),
        }
    }
}

impl std::fmt::Display for Algo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

enum Hasher {
    Md5(md5::Context),
    Sha1(sha1::Sha1),
    Sha256(sha2::Sha256),
    Sha512(sha2::Sha512),
}

impl Hasher {
    fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Md5(h) => h.consume(data),
            Hasher::Sha1(h) => h.update(data),
            Hasher::Sha256(h) => sha2::Digest::update(h, data),
            Hasher::Sha512(h) => sha2::Digest::update(h, data),
        }
    }
    fn finish(self) -> Vec<u8> {
        match self {
            Hasher::Md5(h) => h.finalize().0.to_vec(),
            Hasher::Sha1(h) => h.finalize().to_vec(),
            Hasher::Sha256(h) => sha2::Digest::finalize(h).to_vec(),
            Hasher::Sha512(h) => sha2::Digest::finalize(h).to_vec(),
        }
    }
}

/// The `check-file` block size Ferry asks for (see the module header).
pub const BLOCK: u32 = 64 * 1024;
/// Bytes covered by one `check-file` request (1,024 digests: at most 64 KiB of reply).
const RANGE: u64 = 1024 * BLOCK as u64;

/// Which request names a file in a `check-file` request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFile {
    /// `check-file-name`: by path.
    Name,
    /// `check-file-handle`, or paramiko's `check-file` (`legacy`): on an open file.
    Handle { legacy: bool },
}

/// How a server computes checksums.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SumWay {
    CheckFile(CheckFile, Algo),
    /// `ALGOsum PATH` over exec.
    Exec(Algo),
    None,
}

impl SumWay {
    pub fn algo(self) -> Option<Algo> {
        match self {
            SumWay::CheckFile(_, a) | SumWay::Exec(a) => Some(a),
            SumWay::None => None,
        }
    }

    /// How a person is told which way it went: `sha1 (sha1sum)`, `md5 (check-file)`.
    pub fn describe(self) -> String {
        match self {
            SumWay::CheckFile(_, a) => format!("{a} (check-file)"),
            SumWay::Exec(a) => format!("{a} ({})", a.command()),
            SumWay::None => "none".into(),
        }
    }
}

/// A checksum of one file: one digest, or (`blocks`) one per [`BLOCK`] bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sum {
    pub algo: Algo,
    pub blocks: bool,
    pub bytes: Vec<u8>,
}

impl Sum {
    /// The digest as `sha256sum` prints it (for block lists: the first block that differs from
    /// `other`, with its offset).
    pub fn show(&self, other: Option<&Sum>) -> String {
        if !self.blocks || self.bytes.len() <= self.algo.digest_len() {
            return format!("{} {}", self.algo, hex::encode(&self.bytes));
        }
        let n = self.algo.digest_len();
        let at = other
            .and_then(|o| {
                self.bytes
                    .chunks(n)
                    .zip(o.bytes.chunks(n))
                    .position(|(a, b)| a != b)
            })
            .unwrap_or(0);
        let block = self.bytes.chunks(n).nth(at).unwrap_or(&[]);
        format!(
            "{} {} (of the 64 KiB block at byte {})",
            self.algo,
            hex::encode(block),
            at as u64 * u64::from(BLOCK)
        )
    }

    pub fn hex(&self) -> String {
        hex::encode(&self.bytes)
    }
}

/// The checksum of a local file: whole, or per [`BLOCK`] when `blocks`.
pub async fn local_sum(path: &Path, algo: Algo, blocks: bool) -> Result<Sum> {
    let p = path.to_path_buf();
    tokio::task::spawn_blocking(move || local_sum_blocking(&p, algo, blocks))
        .await
        .map_err(|e| Error::Io {
            path: path.display().to_string(),
            detail: e.to_string(),
        })?
}

/// [`local_sum`] on the calling thread (for work already off the UI's).
pub fn local_sum_blocking(p: &Path, algo: Algo, blocks: bool) -> Result<Sum> {
    let mut f = std::fs::File::open(p).map_err(|e| Error::from_local_io(&e, p))?;
    let mut out = Vec::new();
    let mut h = algo.hasher();
    let mut in_block = 0usize;
    let mut buf = vec![0u8; BLOCK as usize];
    loop {
        let want = if blocks {
            BLOCK as usize - in_block
        } else {
            buf.len()
        };
        let n = f
            .read(&mut buf[..want])
            .map_err(|e| Error::from_local_io(&e, p))?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
        in_block += n;
        if blocks && in_block == BLOCK as usize {
            out.extend(std::mem::replace(&mut h, algo.hasher()).finish());
            in_block = 0;
        }
    }
    if !blocks || in_block > 0 {
        out.extend(h.finish());
    }
    Ok(Sum {
        algo,
        blocks,
        bytes: out,
    })
}

/// Single-quotes `s` for a POSIX shell (SFTPGo splits its commands the same way).
pub fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// `path` as one shell word, and what must run before it: the quoted text when it is UTF-8 (an
/// exec request is text); otherwise a variable that POSIX `printf` fills from octal escapes of
/// every byte (the `X` keeps trailing newlines from being cut by `$(...)`; needs a shell).
pub fn shell_word(path: &FsPath) -> (String, String) {
    shell_word_named(path, "f")
}

/// [`shell_word`] with the variable named `var` (two paths in one command need two).
pub fn shell_word_named(path: &FsPath, var: &str) -> (String, String) {
    match std::str::from_utf8(path.as_bytes()) {
        Ok(text) => (String::new(), shell_quote(text)),
        Err(_) => {
            let octal: String = path
                .as_bytes()
                .iter()
                .map(|b| format!("\\{b:03o}"))
                .collect();
            (
                format!("{var}=$(printf '{octal}X'); "),
                format!("\"${{{var}%X}}\""),
            )
        }
    }
}

/// What an exec checksum gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExecSum {
    Digest(Vec<u8>),
    /// The command ran but gave no checksum (no such command, an unreadable file).
    NoDigest,
    /// The server runs no commands at all.
    NoExec,
}

/// `ALGOsum PATH` over exec: the command name and the quoted path only (no options), so that
/// servers that run the names themselves, without a shell, as SFTPGo does, understand it. A path
/// on the server is absolute, so it never reads as an option.
pub async fn exec_sum(conn: &Connection, algo: Algo, path: &FsPath) -> Result<ExecSum> {
    let (set, word) = shell_word(path);
    let command = format!("{set}{} {word}", algo.command());
    Ok(match exec_digest_word(conn, &command).await? {
        None => ExecSum::NoExec,
        Some(word) => match hex::decode(&word) {
            Ok(d) if d.len() == algo.digest_len() => ExecSum::Digest(d),
            _ => ExecSum::NoDigest,
        },
    })
}

/// Runs a `*sum`-style `command` over exec and gives the first word it printed (`sha256sum`
/// escapes odd names with a leading backslash, dropped here): `None` when the server runs no
/// commands at all, an empty word when the command failed or printed nothing.
pub(crate) async fn exec_digest_word(conn: &Connection, command: &str) -> Result<Option<String>> {
    let (status, out) = match conn.exec(command, 4096).await {
        Ok(r) => r,
        Err(Error::Unsupported { what }) => {
            tracing::info!("no checksums over exec: the server does not support {what}");
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    if status != Some(0) {
        return Ok(Some(String::new()));
    }
    let text = String::from_utf8_lossy(&out);
    let word = text.split_whitespace().next().unwrap_or("");
    Ok(Some(word.trim_start_matches('\\').to_string()))
}

/// A `check-file` reply: (the algorithm, its digests). The draft and paramiko start it with the
/// string "check-file"; ProFTPD starts with the algorithm's name.
fn parse_check_file(reply: &[u8]) -> Option<(Algo, Vec<u8>)> {
    let mut r = Read(reply);
    let mut first = r.str()?;
    if first == b"check-file" {
        first = r.str()?;
    }
    let algo = Algo::parse(std::str::from_utf8(first).ok()?)?;
    Some((algo, r.rest().to_vec()))
}

impl SftpFs {
    /// The `check-file` requests this server advertises (else `check-file-name`, asked once:
    /// ProFTPD handles it at SFTP v3 without listing it).
    fn check_file_kinds(&self) -> Vec<CheckFile> {
        let has = |n: &str| self.ext.all.contains_key(n);
        let mut kinds = Vec::new();
        if has("check-file-name") {
            kinds.push(CheckFile::Name);
        }
        if has("check-file-handle") {
            kinds.push(CheckFile::Handle { legacy: false });
        }
        if has("check-file") {
            kinds.push(CheckFile::Handle { legacy: true });
        }
        if kinds.is_empty() {
            kinds.push(CheckFile::Name);
        }
        kinds
    }

    /// One `check-file` request over `[start, start + len)`: the algorithm the server chose
    /// among `algos` and its digests. `Ok(None)` when it does not do `check-file` (or none of
    /// these algorithms).
    async fn check_file_range(
        &self,
        kind: CheckFile,
        path: &FsPath,
        algos: &[Algo],
        (start, len, block): (u64, u64, u32),
    ) -> Result<Option<(Algo, Vec<u8>)>> {
        let list = algos.iter().map(|a| a.name()).collect::<Vec<_>>().join(",");
        let (name, open) = match kind {
            CheckFile::Name => ("check-file-name", None),
            CheckFile::Handle { legacy } => {
                let attrs = FileAttributes::empty();
                let f = self.open_file(path, OpenFlags::READ, attrs).await?;
                (
                    if legacy {
                        "check-file"
                    } else {
                        "check-file-handle"
                    },
                    Some(f),
                )
            }
        };
        let target = match &open {
            Some(super::server::Open::Raw(h)) => h.as_bytes().to_vec(),
            Some(super::server::Open::Bytes(h)) => h.clone(),
            None => path.as_bytes().to_vec(),
        };
        let on_bytes = matches!(open, Some(super::server::Open::Bytes(_)));
        let data = Wire::default()
            .str(&target)
            .str(list.as_bytes())
            .u64(start)
            .u64(len)
            .u32(block);
        let reply = self.ext_call(on_bytes, name, data).await;
        if let Some(f) = open {
            let _ = self.close_file(f, path).await;
        }
        let reply = match reply {
            Ok(Some(r)) => r,
            Ok(None) => return Ok(None),
            Err(e) if is_unsupported(&e) => return Ok(None),
            Err(e) => {
                tracing::debug!("{}: {name} on {path}: {e}", self.host);
                return Ok(None);
            }
        };
        let parsed = parse_check_file(&reply);
        match parsed {
            Some((algo, hashes)) if !hashes.is_empty() && hashes.len() % algo.digest_len() == 0 => {
                Ok(Some((algo, hashes)))
            }
            _ => Err(Error::Protocol {
                detail: format!("{} sent a malformed check-file reply for {path}", self.host),
            }),
        }
    }

    /// The server's checksum of `path` (`size` bytes long) by `check-file`: per block when
    /// `blocks`, else whole (one request).
    async fn check_file(
        &self,
        kind: CheckFile,
        path: &FsPath,
        algo: Algo,
        size: u64,
        blocks: bool,
    ) -> Result<Option<Sum>> {
        if !blocks {
            let got = self
                .check_file_range(kind, path, &[algo], (0, size, 0))
                .await?;
            return Ok(got
                .filter(|(a, h)| *a == algo && h.len() == algo.digest_len())
                .map(|(algo, bytes)| Sum {
                    algo,
                    blocks,
                    bytes,
                }));
        }
        let ranges: Vec<(u64, u64)> = (0..size.div_ceil(RANGE))
            .map(|i| (i * RANGE, (size - i * RANGE).min(RANGE)))
            .collect();
        let only = [algo];
        let asked = ranges
            .iter()
            .map(|&(start, len)| self.check_file_range(kind, path, &only, (start, len, BLOCK)));
        let mut bytes = Vec::new();
        for (got, (_, len)) in futures::future::join_all(asked)
            .await
            .into_iter()
            .zip(&ranges)
        {
            match got? {
                Some((a, h))
                    if a == algo
                        && h.len() as u64
                            == len.div_ceil(u64::from(BLOCK)) * algo.digest_len() as u64 =>
                {
                    bytes.extend(h)
                }
                _ => return Ok(None),
            }
        }
        Ok(Some(Sum {
            algo,
            blocks,
            bytes,
        }))
    }

    /// How this server computes checksums: learned on `path` (a file of `size` bytes that
    /// exists) the first time, then kept for the session. `only` limits it to one algorithm
    /// (`ferry sum --algo`: not kept).
    pub async fn sum_way(&self, path: &FsPath, size: u64, only: Option<Algo>) -> Result<SumWay> {
        if let Some(algo) = only {
            return self.learn(path, size, &[algo]).await;
        }
        self.sum_way
            .get_or_try_init(|| self.learn(path, size, &Algo::EXEC_ORDER))
            .await
            .copied()
    }

    async fn learn(&self, path: &FsPath, size: u64, algos: &[Algo]) -> Result<SumWay> {
        let mut best = SumWay::None;
        // An empty file tells nothing (ProFTPD refuses check-file at offset 0 of 0 bytes).
        if size > 0 {
            let mut offer = algos.to_vec();
            offer.sort_by(|a, b| b.cmp(a));
            for kind in self.check_file_kinds() {
                let range = (0, size.min(u64::from(BLOCK)), 0);
                if let Some((algo, _)) = self.check_file_range(kind, path, &offer, range).await? {
                    best = SumWay::CheckFile(kind, algo);
                    break;
                }
            }
        }
        // SHA-256 or better by check-file needs no command.
        if best.algo().is_none_or(|a| a < Algo::Sha256)
            && let Some(conn) = self.connection()
        {
            let stronger: Vec<Algo> = algos
                .iter()
                .copied()
                .filter(|a| best.algo().is_none_or(|b| *a > b))
                .collect();
            for algo in stronger {
                match exec_sum(&conn, algo, path).await? {
                    ExecSum::Digest(_) => {
                        best = SumWay::Exec(algo);
                        break;
                    }
                    ExecSum::NoDigest => {}
                    ExecSum::NoExec => break,
                }
            }
        }
        tracing::info!("{}: checksums by {}", self.host, best.describe());
        Ok(best)
    }

    /// The server's checksum of `path` (`size` bytes) the way it was learned; `blocks` asks a
    /// `check-file` server for a block list (exec sums are always whole). `Ok(None)`: none.
    pub async fn remote_sum(
        &self,
        way: SumWay,
        path: &FsPath,
        size: u64,
        blocks: bool,
    ) -> Result<Option<Sum>> {
        match way {
            SumWay::None => Ok(None),
            SumWay::CheckFile(kind, algo) => {
                if size == 0 {
                    // Nothing to ask: the sum of no bytes.
                    return Ok(Some(Sum {
                        algo,
                        blocks,
                        bytes: if blocks {
                            Vec::new()
                        } else {
                            algo.hasher().finish()
                        },
                    }));
                }
                self.check_file(kind, path, algo, size, blocks).await
            }
            SumWay::Exec(algo) => {
                let Some(conn) = self.connection() else {
                    return Ok(None);
                };
                Ok(match exec_sum(&conn, algo, path).await? {
                    ExecSum::Digest(bytes) => Some(Sum {
                        algo,
                        blocks: false,
                        bytes,
                    }),
                    _ => None,
                })
            }
        }
    }

    /// Paramiko (5.1) advertises `check-file` and nothing else, and hashes the wrong bytes of a
    /// whole file over 128 KiB: a whole-file sum from it is not to be trusted past that.
    pub fn whole_check_file_trusted(&self, size: u64) -> bool {
        !(self.ext.all.len() == 1 && self.ext.all.contains_key("check-file")) || size <= 128 * 1024
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        let odd = FsPath::from_bytes(b"/t/\xe9'\n".to_vec());
        assert_eq!(
            shell_word(&odd),
            (
                r"f=$(printf '\057\164\057\351\047\012X'); ".to_string(),
                "\"${f%X}\"".to_string()
            )
        );
    }

    #[test]
    fn check_file_replies_of_both_shapes() {
        let wire = |parts: &[&[u8]]| parts.iter().fold(Wire::default(), |w, p| w.str(p)).0;
        let mut paramiko = wire(&[b"check-file", b"md5"]);
        paramiko.extend([1; 16]);
        assert_eq!(parse_check_file(&paramiko), Some((Algo::Md5, vec![1; 16])));
        let mut proftpd = wire(&[b"sha256"]);
        proftpd.extend([2; 32]);
        assert_eq!(
            parse_check_file(&proftpd),
            Some((Algo::Sha256, vec![2; 32]))
        );
        assert_eq!(parse_check_file(&wire(&[b"crc32"])), None);
    }

    #[test]
    fn algorithm_names() {
        assert_eq!(Algo::parse("SHA256"), Some(Algo::Sha256));
        assert_eq!(Algo::parse("md5sum"), Some(Algo::Md5));
        assert_eq!(Algo::parse("crc32"), None);
        assert!(Algo::Sha512 > Algo::Sha256 && Algo::Sha1 > Algo::Md5);
    }

    #[tokio::test]
    async fn local_sums_whole_and_by_block() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("f");
        std::fs::write(&p, b"abc").unwrap();
        let md5 = local_sum(&p, Algo::Md5, false).await.unwrap();
        assert_eq!(md5.hex(), "900150983cd24fb0d6963f7d28e17f72");
        let sha1 = local_sum(&p, Algo::Sha1, false).await.unwrap();
        assert_eq!(sha1.hex(), "a9993e364706816aba3e25717850c26c9cd0d89d");
        let big = vec![7u8; BLOCK as usize * 2 + 10];
        std::fs::write(&p, &big).unwrap();
        let blocks = local_sum(&p, Algo::Sha256, true).await.unwrap();
        assert_eq!(blocks.bytes.len(), 3 * 32);
        let first = local_sum_of(&big[..BLOCK as usize], Algo::Sha256);
        assert_eq!(&blocks.bytes[..32], &first[..]);
        let last = local_sum_of(&big[2 * BLOCK as usize..], Algo::Sha256);
        assert_eq!(&blocks.bytes[64..], &last[..]);
    }

    fn local_sum_of(data: &[u8], algo: Algo) -> Vec<u8> {
        let mut h = algo.hasher();
        h.update(data);
        h.finish()
    }
}
