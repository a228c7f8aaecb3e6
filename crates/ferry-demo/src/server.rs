//! The SSH side of the demo server: the russh configuration, the accept loop on the loopback
//! listener, and one russh server [`Handler`] per connection.
//!
//! Only password authentication is offered, and only the demo user's one-time password is
//! accepted. Session channels may run the `sftp` subsystem and nothing else: exec, shell and pty
//! requests are refused (so a client's checksum-over-exec gives up at once instead of waiting).
//! On shutdown the listener is closed first, then every live connection is disconnected.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use russh::keys::PrivateKey;
use russh::server::{Auth, ChannelOpenHandle, Config, Handler, Msg, Session};
use russh::{Channel, ChannelId, MethodKind, MethodSet};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;

use super::jail::Jail;
use super::sftp::DemoSftp;
use ferry_engine::secrets::Secret;

/// Session channels one connection may hold open.
const MAX_CHANNELS: usize = 16;

/// What every connection of one demo server shares.
pub(super) struct Shared {
    pub user: String,
    pub password: Secret,
    pub jail: Arc<Jail>,
}

pub(super) fn config(host_key: PrivateKey) -> Config {
    Config {
        methods: MethodSet::from(&[MethodKind::Password][..]),
        // The first "none" probe is answered at once; a wrong password costs a second.
        auth_rejection_time: Duration::from_secs(1),
        auth_rejection_time_initial: Some(Duration::ZERO),
        max_auth_attempts: 6,
        keys: vec![host_key],
        window_size: 16 * 1024 * 1024,
        nodelay: true,
        // The demo may sit idle in the GUI for a long time; it ends when the app does.
        inactivity_timeout: None,
        ..Default::default()
    }
}

/// Equal-length comparison that does not stop at the first difference.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Accepts connections until `stop` changes (or its sender is dropped), then disconnects them all.
pub(super) async fn serve(
    listener: TcpListener,
    config: Arc<Config>,
    shared: Arc<Shared>,
    mut stop: watch::Receiver<bool>,
) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = stop.changed() => break,
            accepted = listener.accept() => {
                while connections.try_join_next().is_some() {}
                let (stream, peer) = match accepted {
                    Ok(a) => a,
                    Err(e) => {
                        tracing::warn!("demo server: accept failed: {e}");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                if !peer.ip().is_loopback() {
                    continue;
                }
                tracing::debug!("demo server: connection from {peer}");
                let handler = Connection {
                    shared: shared.clone(),
                    channels: HashMap::new(),
                };
                connections.spawn(connection(stream, handler, config.clone(), stop.clone()));
            }
        }
    }
    drop(listener);
    let all_closed = async { while connections.join_next().await.is_some() {} };
    if tokio::time::timeout(Duration::from_secs(5), all_closed)
        .await
        .is_err()
    {
        tracing::warn!("demo server: some connections did not close in time");
    }
}

/// One connection, from the SSH handshake until it ends or the server stops.
async fn connection(
    stream: tokio::net::TcpStream,
    handler: Connection,
    config: Arc<Config>,
    mut stop: watch::Receiver<bool>,
) {
    let started = tokio::select! {
        s = russh::server::run_stream(config, stream, handler) => s,
        _ = stop.changed() => return,
    };
    let session = match started {
        Ok(s) => s,
        Err(e) => {
            tracing::debug!("demo server: handshake failed: {e}");
            return;
        }
    };
    let handle = session.handle();
    tokio::pin!(session);
    let stopping = tokio::select! {
        ended = &mut session => {
            if let Err(e) = ended {
                tracing::debug!("demo server: connection ended: {e}");
            }
            false
        }
        _ = stop.changed() => true,
    };
    if stopping {
        let _ = handle
            .disconnect(
                russh::Disconnect::ByApplication,
                "the demo server is stopping".into(),
                "en".into(),
            )
            .await;
        let _ = tokio::time::timeout(Duration::from_secs(2), session).await;
    }
}

struct Connection {
    shared: Arc<Shared>,
    /// Session channels opened but not yet turned into an SFTP stream.
    channels: HashMap<ChannelId, Channel<Msg>>,
}

impl Connection {
    /// Refuses a request on a channel and closes it: only the `sftp` subsystem is served.
    fn refuse(&mut self, channel: ChannelId, session: &mut Session) -> Result<(), russh::Error> {
        self.channels.remove(&channel);
        session.channel_failure(channel)?;
        session.close(channel)
    }
}

impl Handler for Connection {
    type Error = russh::Error;

    async fn auth_password(&mut self, user: &str, password: &str) -> Result<Auth, Self::Error> {
        let right_user = same_secret(user.as_bytes(), self.shared.user.as_bytes());
        let right_password = same_secret(
            password.as_bytes(),
            self.shared.password.expose().as_bytes(),
        );
        if right_user && right_password {
            tracing::debug!("demo server: {user} logged in");
            return Ok(Auth::Accept);
        }
        tracing::debug!("demo server: refused a password for {user:?}");
        Ok(Auth::Reject {
            proceed_with_methods: Some(MethodSet::from(&[MethodKind::Password][..])),
            partial_success: false,
        })
    }

    async fn auth_publickey_offered(
        &mut self,
        _user: &str,
        _offer: russh::server::PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        Ok(Auth::reject())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channels.len() >= MAX_CHANNELS {
            return Ok(()); // dropping `reply` refuses the channel
        }
        self.channels.insert(channel.id(), channel);
        reply.accept().await;
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.channels.remove(&channel);
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.close(channel)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if name != "sftp" {
            return self.refuse(channel, session);
        }
        let Some(ch) = self.channels.remove(&channel) else {
            return session.channel_failure(channel);
        };
        session.channel_success(channel)?;
        let sftp = DemoSftp::new(self.shared.jail.clone(), self.shared.user.clone());
        russh_sftp::server::run(ch.into_stream(), sftp).await;
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(channel, session)
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(channel, session)
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        _term: &str,
        _col_width: u32,
        _row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(russh::Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        _variable_name: &str,
        _variable_value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret(b"abc", b"abc"));
        assert!(!same_secret(b"abc", b"abd"));
        assert!(!same_secret(b"abc", b"abcd"));
        assert!(!same_secret(b"", b"a"));
    }
}
