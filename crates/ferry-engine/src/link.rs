//! A [`Link`]: one logged-in SSH connection and the SFTP session on it, the thing every face opens
//! to reach a server. [`Link::open`] is the one way to connect, log in and start SFTP: the window's
//! connect, every CLI command and each slot of a transfer [`Pool`] call it, so timeouts, host-key
//! checks and the SFTP bound are the same everywhere.
//!
//! It sits above `ssh/` (the connection) and `fs/sftp` (the session, which needs the connection),
//! and below `transfer/`: neither of those two imports it, so no module imports its own caller.
//! Reconnecting and sharing one login between slots is the pool's business, not this one's.
//!
//! [`Pool`]: crate::transfer::pool::Pool

use std::sync::Arc;

use crate::error::{Error, Result};
use crate::fs::sftp::{SftpFs, SftpOptions};
use crate::secrets::Secret;
use crate::ssh::prompt::{KeyOnly, Prompter};
use crate::ssh::{self, ConnectOptions, Connection, LoginKey};

/// One live connection and its SFTP session.
pub struct Link {
    /// Several links share one connection when logging in again would need a person.
    pub conn: Arc<Connection>,
    pub sftp: SftpFs,
    /// Bumped by a pool on every reconnect of its slot, so a worker can tell whether someone else
    /// already replaced the link it saw fail. Zero for a link opened by [`Link::open`].
    pub(crate) generation: u64,
}

impl std::fmt::Debug for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Link({:?}, generation {})", self.conn, self.generation)
    }
}

impl Link {
    /// Connects to `opts.host`, checks its host key, logs in (asking `prompter` what only a person
    /// can answer) and starts SFTP. What the login learns from the person lands in `opts.session`,
    /// shared by every clone of `opts`, so the next link of the same session need not ask.
    pub async fn open(
        opts: &ConnectOptions,
        sftp: SftpOptions,
        prompter: Arc<dyn Prompter>,
    ) -> Result<Link> {
        let conn = Arc::new(ssh::connect(opts, prompter).await?);
        Link::start(conn, opts, sftp).await
    }

    /// A new SFTP session on a connection open already (the pool's slots sharing one login),
    /// within a bound: on a stalled connection the channel request is never answered.
    pub async fn start(
        conn: Arc<Connection>,
        opts: &ConnectOptions,
        sftp: SftpOptions,
    ) -> Result<Link> {
        let limit = sftp.request_timeout + opts.connect_timeout;
        let session = tokio::time::timeout(limit, SftpFs::open(&conn, sftp))
            .await
            .map_err(|_| Error::Timeout {
                what: format!("opening an SFTP session on {}", opts.host),
                secs: limit.as_secs(),
            })??;
        Ok(Link {
            conn,
            sftp: session,
            generation: 0,
        })
    }

    /// The number of reconnects of the pool slot this link came from (zero outside a pool).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn is_closed(&self) -> bool {
        self.conn.is_closed()
    }

    /// Ends the SFTP session and the connection under it (and so every link sharing it).
    pub async fn close(&self) {
        self.sftp.close();
        self.conn.disconnect().await;
    }
}

/// Whether `key` alone logs in where `opts` goes (after putting it on the server, say): a fresh
/// login with no password, no other key and no remembered secret, whose password and
/// keyboard-interactive prompts are declined. `passphrase` opens an encrypted key file before
/// `prompter` is asked for it. `Ok(false)` when the server refuses the key; any other failure
/// (unreachable, host key) is the error.
pub async fn key_login_works(
    opts: &ConnectOptions,
    key: &LoginKey,
    passphrase: Option<Secret>,
    sftp: SftpOptions,
    prompter: Arc<dyn Prompter>,
) -> Result<bool> {
    let check = opts.key_only(key, passphrase);
    match Link::open(&check, sftp, Arc::new(KeyOnly(prompter))).await {
        Ok(link) => {
            link.close().await;
            Ok(true)
        }
        Err(Error::AuthFailed { .. }) => Ok(false),
        Err(e) => Err(e),
    }
}
