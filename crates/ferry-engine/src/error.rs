//! Errors a person can act on.
//!
//! Every failure the engine reports is one of these kinds, worded as a sentence that says what went
//! wrong and what to do about it in any face. Advice that names one face's controls (a command-line
//! option, a terminal command, a button) is that face's to add: `cli::say` for the terminal,
//! `gui::text` for the window. They are `Clone` (the GUI keeps them in its state and the transfer
//! queue in its log), so sources are carried as text, never as live objects. No variant holds a
//! secret.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("Cannot find the host '{host}': check the name, or your network's DNS ({detail}).")]
    Dns { host: String, detail: String },

    #[error(
        "{addr} refused the connection: no SSH server is listening on that port, or a firewall rejects it."
    )]
    ConnectionRefused { addr: String },

    #[error(
        "Timed out {what} after {secs} s: the host may be down, or a firewall drops the traffic."
    )]
    Timeout { what: String, secs: u64 },

    #[error("Cannot reach {host}: {detail}.")]
    Unreachable { host: String, detail: String },

    #[error(
        "The authenticity of host '{host}' can't be established: its {key_type} key fingerprint is {fingerprint}, and that key has not been accepted."
    )]
    HostKeyUnknown {
        host: String,
        key_type: String,
        fingerprint: String,
    },

    #[error(
        "WARNING: the {key_type} host key of '{host}' has CHANGED (now {fingerprint}). Someone could be intercepting the connection, or the server was reinstalled. Ferry refuses to connect. If you know the change is legitimate, remove the old key from {} line {line}.", file.display()
    )]
    HostKeyChanged {
        host: String,
        key_type: String,
        fingerprint: String,
        file: PathBuf,
        line: usize,
    },

    #[error(
        "WARNING: '{host}' now offers a {offered} host key, but {recorded} is recorded for it ({} line {line}). Ferry refuses to connect. If the change is legitimate, remove the old entry.", file.display()
    )]
    HostKeyOtherType {
        host: String,
        offered: String,
        recorded: String,
        file: PathBuf,
        line: usize,
    },

    #[error("The host key of '{host}' is marked as revoked in {} line {line}: refusing to connect.", file.display())]
    HostKeyRevoked {
        host: String,
        file: PathBuf,
        line: usize,
    },

    #[error(
        "WARNING: '{host}' now offers the {key_type} host key {fingerprint}, not the key {accepted} accepted for this session. Someone could be intercepting the connection. Ferry refuses to connect."
    )]
    HostKeyChangedInSession {
        host: String,
        key_type: String,
        fingerprint: String,
        accepted: String,
    },

    /// A failure at one of the jump hosts on the way to the server (the connection to it, its
    /// host key, the login there): `hop` is `host` or `[host]:port`, `error` what went wrong.
    #[error("Through the jump host {hop}: {error}")]
    ThroughJump { hop: String, error: Box<Error> },

    #[error(
        "The jump host {hop} refused to open a connection to {target} ({reason}): its SSH server may not allow forwarding (AllowTcpForwarding), or cannot reach that address."
    )]
    ForwardRefused {
        hop: String,
        target: String,
        reason: String,
    },

    /// A SOCKS5 or HTTP proxy that could not be reached or did not answer as one.
    #[error(
        "Cannot use the proxy {proxy} ({detail}): check its address and port, and that it is running."
    )]
    ProxyUnreachable { proxy: String, detail: String },

    #[error(
        "The proxy {proxy} asks for a user name and password ({detail}): check the user in the proxy address and its password."
    )]
    ProxyAuth { proxy: String, detail: String },

    #[error(
        "The proxy {proxy} refused to connect to {target} ({reason}): it may not allow that address or port, or cannot reach it."
    )]
    ProxyRefused {
        proxy: String,
        target: String,
        reason: String,
    },

    /// A proxy command (ProxyCommand) that could not start, or ended before the SSH session was up.
    #[error(
        "The proxy command “{command}” ended before the SSH session started ({detail}): check that it runs and reaches the server."
    )]
    ProxyCommandEnded { command: String, detail: String },

    #[error("Cannot use the proxy command “{command}”: {reason}.")]
    ProxyCommandInvalid { command: String, reason: String },

    #[error(
        "The name “{name}” has characters a shell would act on, so it is not put into the proxy command: check the address."
    )]
    ProxyCommandUnsafeName { name: String },

    #[error("Could not read or record known hosts: {detail}.")]
    KnownHosts { detail: String },

    #[error("Authentication failed for {user}@{host} (tried: {}). Check the user name, key or password.", if tried.is_empty() { "nothing the server accepts".to_string() } else { tried.join(", ") })]
    AuthFailed {
        user: String,
        host: String,
        tried: Vec<String>,
    },

    #[error(
        "Logging in to {user}@{host} again needs answers only a person can give (such as a one-time code), and none were accepted. Connect again to go on."
    )]
    LoginNeedsPerson { user: String, host: String },

    #[error("Cannot use the key file {}: {detail}.", path.display())]
    KeyFile { path: PathBuf, detail: String },

    #[error("Permission denied on {side}: {path}.")]
    PermissionDenied { side: Side, path: String },

    #[error("No such file or folder: {path}.")]
    NotFound { path: String },

    #[error("{path} is not a file (a folder, or a special file): only files can be edited.")]
    NotAFile { path: String },

    #[error("{path} already exists.")]
    AlreadyExists { path: String },

    #[error("No space left on {side} ({path}): free some space and try again.")]
    DiskFull { side: Side, path: String },

    #[error("The connection was lost: {detail}. Reconnect to continue.")]
    ConnectionLost { detail: String },

    #[error("The server does not support {what}.")]
    Unsupported { what: String },

    #[error("Refused the name \"{name}\" sent by the server: {why} is not a safe file name.")]
    UnsafeName { name: String, why: &'static str },

    #[error(
        "\"{name}\" is not valid UTF-8 and cannot be addressed exactly over this connection; rename it on the server."
    )]
    InexactName { name: String },

    #[error("The folder {path} has more than {cap} entries, the listing limit; use a filter.")]
    ListingTooLarge { path: String, cap: usize },

    #[error(
        "The listing of {path} was stopped at {mib} MiB, the memory a listing may use: the server sent more than a folder holds, or names far too long; use a filter."
    )]
    ListingTooBig { path: String, mib: u64 },

    #[error(
        "The listing of {path} was stopped after {secs} s, the time a listing may take: the server is too slow or never ends the list; try again, or use a filter."
    )]
    ListingTooSlow { path: String, secs: u64 },

    #[error("Not a valid address '{input}': {reason}.")]
    InvalidUrl { input: String, reason: String },

    #[error("The server could not complete the operation on {path}: {message}.")]
    Failure { path: String, message: String },

    #[error("{path}: {detail}.")]
    Io { path: String, detail: String },

    #[error("SSH error: {detail}.")]
    Protocol { detail: String },

    #[error(
        "{path} changed size while it was being copied (expected {expected} bytes, got {got}); try again when it is no longer being written."
    )]
    SizeChanged {
        path: String,
        expected: u64,
        got: u64,
    },

    #[error(
        "Checksum mismatch for {path}: local {local}, server {remote}. The copy is corrupt; it was not put in place."
    )]
    ChecksumMismatch {
        path: String,
        local: String,
        remote: String,
    },

    #[error(
        "{path} was not continued: it is not the beginning of the file being copied (the source changed, or it is another file). Overwrite it instead, or move it away."
    )]
    NotAPrefix { path: String },

    #[error(
        "Cannot keep both copies of {path}: the names up to \"({tries})\" are all taken; nothing was overwritten. Move some of them away, or choose another conflict option."
    )]
    NoFreeName { path: String, tries: u32 },

    #[error("Refused to write {path}: {why}.")]
    UnsafeDestination { path: String, why: String },

    #[error(
        "No OS keyring is available ({why}): Ferry will ask for the password each time and never stores it in a file."
    )]
    KeyringUnavailable { why: String },

    #[error("The OS keyring refused the request: {detail}.")]
    Keyring { detail: String },

    #[error("The ssh-agent could not take the key: {detail}.")]
    Agent { detail: String },

    #[error(
        "{host} has no SFTP service: it refused the sftp subsystem (its sshd_config may lack a Subsystem sftp line, or the account may allow only a shell). Ask its administrator to enable SFTP."
    )]
    NoSftp { host: String },

    #[error(
        "Transfer job {id} is being run by another Ferry (a window or a ferry command); it is left to that one."
    )]
    JobBusy { id: u64 },

    #[error(
        "The sites file {} could not be read ({detail}); it was kept as {} and nothing was overwritten. Fix or remove it, then try again.", path.display(), backup.display()
    )]
    SitesFileCorrupt {
        path: PathBuf,
        backup: PathBuf,
        detail: String,
    },

    #[error(
        "The sites file {} is version {version}, written by a newer Ferry; update Ferry to use it.", path.display()
    )]
    SitesFileNewer { path: PathBuf, version: u32 },

    #[error("There is no saved site named '{name}'.")]
    UnknownSite { name: String },

    #[error("More than one saved site is named '{name}': say which with its folder ({}).", candidates.join(", "))]
    AmbiguousSite {
        name: String,
        candidates: Vec<String>,
    },

    #[error("A site named '{name}' already exists in that folder; choose another name.")]
    SiteExists { name: String },

    #[error("Not a valid site: {reason}.")]
    InvalidSite { reason: String },

    #[error("Cannot import {}: {detail}.", path.display())]
    Import { path: PathBuf, detail: String },

    #[error(
        "The sync would delete {count} of the {total} files in {path}, more than half of them, so nothing was changed. Check that the two folders are the right ones, or allow that many deletions."
    )]
    TooManyDeletes {
        path: String,
        count: u64,
        total: u64,
    },

    #[error(
        "The sync would delete {count} files in {path}, more than the {allowed} allowed, so nothing was changed."
    )]
    DeleteLimit {
        path: String,
        count: u64,
        allowed: u64,
    },

    #[error("Cancelled.")]
    Cancelled,

    /// A fault inside Ferry, not the server's or the person's: a lock left poisoned by a task that
    /// panicked, a background task that died. Never "Cancelled": nobody cancelled anything.
    #[error(
        "Internal error: {detail}. This is a bug in Ferry; please report it, and restart Ferry to go on."
    )]
    Internal { detail: String },
}

/// Which side of a transfer an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Local,
    Remote,
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Side::Local => "the local disk",
            Side::Remote => "the server",
        })
    }
}

impl Error {
    /// Maps a local I/O error on `path` to the kind a person can act on.
    pub fn from_local_io(err: &std::io::Error, path: &std::path::Path) -> Error {
        use std::io::ErrorKind as K;
        // A local path can hold a server's name with control characters: escape it for people.
        let path_s = crate::display::escape_for_display(&path.to_string_lossy());
        match err.kind() {
            K::NotFound => Error::NotFound { path: path_s },
            K::PermissionDenied | K::ReadOnlyFilesystem => Error::PermissionDenied {
                side: Side::Local,
                path: path_s,
            },
            K::AlreadyExists => Error::AlreadyExists { path: path_s },
            K::StorageFull | K::QuotaExceeded => Error::DiskFull {
                side: Side::Local,
                path: path_s,
            },
            _ => Error::Io {
                path: path_s,
                detail: err.to_string(),
            },
        }
    }

    /// For a lock on `what` that a panicking task left poisoned: its data may be half-changed, so
    /// the operation stops and says so instead of passing for a cancel.
    pub fn poisoned(what: &str) -> Error {
        Error::Internal {
            detail: format!("{what} was left half-changed by a task that crashed"),
        }
    }

    /// The failure itself, under the jump hosts it happened behind.
    pub fn root(&self) -> &Error {
        match self {
            Error::ThroughJump { error, .. } => error.root(),
            other => other,
        }
    }

    /// True for the host-key refusals that must never be overridden (at a jump host too).
    pub fn is_host_key_refusal(&self) -> bool {
        matches!(
            self.root(),
            Error::HostKeyChanged { .. }
                | Error::HostKeyOtherType { .. }
                | Error::HostKeyRevoked { .. }
                | Error::HostKeyChangedInSession { .. }
        )
    }
}
