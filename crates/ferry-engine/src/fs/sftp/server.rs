//! Work the server does itself, through SFTP extensions: open files on either client
//! ([`Open`]), `fsync@openssh.com`, `hardlink@openssh.com`, `users-groups-by-id@openssh.com`
//! (owner and group names), and the server-side copies `copy-data` (OpenSSH, dropbear's
//! sftp-server, AsyncSSH) and `copy-file` (ProFTPD's mod_sftp). Checksums are `checksum.rs`'s;
//! choosing a way to copy and walking folders is `copy.rs`'s.
//!
//! Every path goes byte for byte: name-based requests travel as opaque bytes on russh-sftp's
//! session, handle-based ones on the client that opened the handle (the byte client for a path
//! that is not UTF-8).

use std::collections::HashMap;

use russh_sftp::client::error::Error as SftpError;
use russh_sftp::protocol::{FileAttributes, OpenFlags, Packet, StatusCode};

use crate::error::{Error, Result};
use crate::fs::entry::Entry;
use crate::fs::path::FsPath;
use crate::fs::sftp::SftpFs;

/// A request's payload, in SFTP's wire types.
#[derive(Default)]
pub(crate) struct Wire(pub(crate) Vec<u8>);

impl Wire {
    pub(crate) fn str(mut self, s: &[u8]) -> Wire {
        self.0.extend_from_slice(&(s.len() as u32).to_be_bytes());
        self.0.extend_from_slice(s);
        self
    }
    pub(crate) fn u32(mut self, n: u32) -> Wire {
        self.0.extend_from_slice(&n.to_be_bytes());
        self
    }
    pub(crate) fn u64(mut self, n: u64) -> Wire {
        self.0.extend_from_slice(&n.to_be_bytes());
        self
    }
    pub(crate) fn bool(mut self, b: bool) -> Wire {
        self.0.push(u8::from(b));
        self
    }
}

/// Reads SFTP wire types from a reply, `None` past its end.
pub(crate) struct Read<'a>(pub(crate) &'a [u8]);

impl<'a> Read<'a> {
    pub(crate) fn u32(&mut self) -> Option<u32> {
        let (head, rest) = self.0.split_at_checked(4)?;
        self.0 = rest;
        Some(u32::from_be_bytes(head.try_into().ok()?))
    }
    pub(crate) fn str(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }
    pub(crate) fn rest(&mut self) -> &'a [u8] {
        std::mem::take(&mut self.0)
    }
}

/// A file open on the server, on whichever client could name it.
#[derive(Debug, Clone)]
pub enum Open {
    Raw(String),
    Bytes(Vec<u8>),
}

impl Open {
    fn on_bytes(&self) -> bool {
        matches!(self, Open::Bytes(_))
    }
    fn wire(&self) -> &[u8] {
        match self {
            Open::Raw(h) => h.as_bytes(),
            Open::Bytes(h) => h,
        }
    }
}

/// True for an answer that means "this server does not do that" rather than a failure of the
/// request itself.
pub(crate) fn is_unsupported(e: &SftpError) -> bool {
    match e {
        SftpError::Status(s) => s.status_code == StatusCode::OpUnsupported,
        SftpError::UnexpectedPacket => true,
        _ => false,
    }
}

impl SftpFs {
    /// An extended request; `Some(data)` for an EXTENDED_REPLY, `None` for an OK status.
    pub(crate) async fn ext_call(
        &self,
        on_bytes: bool,
        name: &str,
        data: Wire,
    ) -> std::result::Result<Option<Vec<u8>>, SftpError> {
        if on_bytes {
            let b = self.bytes().await.map_err(|e| {
                SftpError::UnexpectedBehavior(format!("the second SFTP channel: {e}"))
            })?;
            return b.extended(name.as_bytes(), &data.0).await;
        }
        match self.raw.extended(name, data.0).await? {
            Packet::ExtendedReply(r) => Ok(Some(r.data)),
            Packet::Status(s) if s.status_code == StatusCode::Ok => Ok(None),
            Packet::Status(s) => Err(SftpError::Status(s)),
            _ => Err(SftpError::UnexpectedPacket),
        }
    }

    /// Opens `path` with SFTP v3 `pflags` (`OpenFlags` bits).
    pub async fn open_file(
        &self,
        path: &FsPath,
        flags: OpenFlags,
        attrs: FileAttributes,
    ) -> Result<Open> {
        match path.to_wire() {
            Ok(w) => self
                .raw
                .open(w, flags, attrs)
                .await
                .map(|h| Open::Raw(h.handle)),
            Err(_) => {
                let b = self.bytes().await?;
                b.open(path.as_bytes(), flags.bits(), &attrs)
                    .await
                    .map(Open::Bytes)
            }
        }
        .map_err(self.err(path))
    }

    pub async fn close_file(&self, file: Open, path: &FsPath) -> Result<()> {
        match file {
            Open::Raw(h) => self.raw.close(h).await.map(|_| ()),
            Open::Bytes(h) => self.bytes().await?.close(&h).await,
        }
        .map_err(self.err(path))
    }

    /// Up to `len` bytes at `off` of an open file (`None` at its end).
    pub async fn read_at(
        &self,
        file: &Open,
        off: u64,
        len: u32,
        path: &FsPath,
    ) -> Result<Option<Vec<u8>>> {
        let got = match file {
            Open::Raw(h) => self.raw.read(h.clone(), off, len).await.map(|d| d.data),
            Open::Bytes(h) => self.bytes().await?.read(h, off, len).await,
        };
        match got {
            Ok(d) if d.is_empty() => Ok(None),
            Ok(d) if d.len() > len as usize => Err(Error::Protocol {
                detail: format!("the server sent more data than asked for reading {path}"),
            }),
            Ok(d) => Ok(Some(d)),
            Err(SftpError::Status(s)) if s.status_code == StatusCode::Eof => Ok(None),
            Err(e) => Err(self.err(path)(e)),
        }
    }

    pub async fn write_at(
        &self,
        file: &Open,
        off: u64,
        data: Vec<u8>,
        path: &FsPath,
    ) -> Result<()> {
        match file {
            Open::Raw(h) => self.raw.write(h.clone(), off, data).await.map(|_| ()),
            Open::Bytes(h) => self.bytes().await?.write(h, off, &data).await,
        }
        .map_err(self.err(path))
    }

    /// `fsync@openssh.com` on an open file: its bytes are on the server's disk when this returns.
    /// `Ok(false)` when the server does not offer it.
    pub async fn fsync(&self, file: &Open, path: &FsPath) -> Result<bool> {
        if !self.ext.fsync {
            return Ok(false);
        }
        let data = Wire::default().str(file.wire());
        match self
            .ext_call(file.on_bytes(), "fsync@openssh.com", data)
            .await
        {
            Ok(_) => Ok(true),
            Err(e) if is_unsupported(&e) => Ok(false),
            Err(e) => Err(self.err(path)(e)),
        }
    }

    /// A hard link at `link` to the file `target` (`hardlink@openssh.com`).
    pub async fn hard_link(&self, target: &FsPath, link: &FsPath) -> Result<()> {
        if !self.ext.hardlink {
            return Err(Error::Unsupported {
                what: format!(
                    "hard links ({} does not offer hardlink@openssh.com)",
                    self.host
                ),
            });
        }
        let data = Wire::default().str(target.as_bytes()).str(link.as_bytes());
        self.ext_call(false, "hardlink@openssh.com", data)
            .await
            .map(|_| ())
            .map_err(self.err(link))
    }

    /// `copy-data`: the server copies all of `from` (open for reading) into `to` (open for
    /// writing) from offset 0. Both handles must be on the same client.
    pub(crate) async fn copy_data(
        &self,
        from: &Open,
        to: &Open,
        path: &FsPath,
    ) -> std::result::Result<(), Error> {
        let data = Wire::default()
            .str(from.wire())
            .u64(0)
            .u64(0) // 0: to the end of the file
            .str(to.wire())
            .u64(0);
        self.ext_call(from.on_bytes(), "copy-data", data)
            .await
            .map(|_| ())
            .map_err(self.err(path))
    }

    /// `copy-file` (ProFTPD, draft-ietf-secsh-filexfer-extensions): the server copies `from` to
    /// `to` by name. `Ok(false)` when it does not know the request.
    pub(crate) async fn copy_file(&self, from: &FsPath, to: &FsPath) -> Result<bool> {
        let data = Wire::default()
            .str(from.as_bytes())
            .str(to.as_bytes())
            .bool(true);
        match self.ext_call(false, "copy-file", data).await {
            Ok(_) => Ok(true),
            Err(e) if is_unsupported(&e) => Ok(false),
            Err(e) => Err(self.err(to)(e)),
        }
    }

    /// Fills in owner and group names from `users-groups-by-id@openssh.com` where the server
    /// offers it (names the server does not know stay as they were). Names are remembered for the
    /// session; failures only leave the numbers.
    pub(crate) async fn name_owners(&self, entries: &mut [Entry]) {
        if !self.ext.all.contains_key("users-groups-by-id@openssh.com") || entries.is_empty() {
            return;
        }
        let (mut uids, mut gids) = (Vec::new(), Vec::new());
        {
            let known = self.owner_names.lock().unwrap_or_else(|p| p.into_inner());
            for e in entries.iter() {
                if let Some(u) = e.uid
                    && !known.0.contains_key(&u)
                    && !uids.contains(&u)
                {
                    uids.push(u);
                }
                if let Some(g) = e.gid
                    && !known.1.contains_key(&g)
                    && !gids.contains(&g)
                {
                    gids.push(g);
                }
            }
        }
        if !uids.is_empty() || !gids.is_empty() {
            match self.users_groups(&uids, &gids).await {
                Ok((users, groups)) => {
                    let mut known = self.owner_names.lock().unwrap_or_else(|p| p.into_inner());
                    known.0.extend(uids.iter().copied().zip(users));
                    known.1.extend(gids.iter().copied().zip(groups));
                }
                Err(e) => {
                    tracing::debug!("{}: users-groups-by-id failed: {e}", self.host);
                    return;
                }
            }
        }
        let known = self.owner_names.lock().unwrap_or_else(|p| p.into_inner());
        let escape = crate::display::escape_for_display;
        for e in entries.iter_mut() {
            if let Some(n) = e
                .uid
                .and_then(|u| known.0.get(&u))
                .filter(|n| !n.is_empty())
            {
                e.owner = Some(escape(n));
            }
            if let Some(n) = e
                .gid
                .and_then(|g| known.1.get(&g))
                .filter(|n| !n.is_empty())
            {
                e.group = Some(escape(n));
            }
        }
    }

    /// The names of these user and group ids (an empty name: unknown to the server).
    async fn users_groups(
        &self,
        uids: &[u32],
        gids: &[u32],
    ) -> std::result::Result<(Vec<String>, Vec<String>), SftpError> {
        let list = |ids: &[u32]| ids.iter().fold(Wire::default(), |w, id| w.u32(*id)).0;
        let data = Wire::default().str(&list(uids)).str(&list(gids));
        let reply = self
            .ext_call(false, "users-groups-by-id@openssh.com", data)
            .await?
            .ok_or(SftpError::UnexpectedPacket)?;
        let bad = || SftpError::UnexpectedBehavior("a malformed users-groups-by-id reply".into());
        let mut r = Read(&reply);
        let names = |blob: &[u8], n: usize| {
            let mut r = Read(blob);
            (0..n)
                .map(|_| {
                    r.str()
                        .map(|s| String::from_utf8_lossy(s).into_owned())
                        .ok_or_else(bad)
                })
                .collect::<std::result::Result<Vec<_>, _>>()
        };
        let users = names(r.str().ok_or_else(bad)?, uids.len())?;
        let groups = names(r.str().ok_or_else(bad)?, gids.len())?;
        Ok((users, groups))
    }
}

/// Owner and group names learned from the server, by id.
pub(crate) type OwnerNames = std::sync::Mutex<(HashMap<u32, String>, HashMap<u32, String>)>;
