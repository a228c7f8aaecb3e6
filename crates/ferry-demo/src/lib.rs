//! A built-in demo SFTP server, for `ferry --demo`: a real SSH/SFTP server on 127.0.0.1 serving a
//! fresh temporary folder of sample files, so Ferry can be tried without any server of one's own.
//!
//! This file owns the server's life: start (temporary folder, sample files, ephemeral ed25519 host
//! key, one-time password, a private known_hosts that already trusts the key, listener on a random
//! loopback port) and stop (connections closed, folder deleted — also on drop). The SSH side is
//! `server.rs`; the SFTP side `sftp.rs` (with `attrs.rs` and `ext.rs`) over the jail in `jail.rs`;
//! the sample files `samples.rs`. No GUI crate is used here.

mod attrs;
mod ext;
mod jail;
mod samples;
mod server;
mod sftp;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rand::RngExt;
use rand::distr::Alphanumeric;
use russh::keys::{Algorithm, PrivateKey};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use ferry_engine::error::{Error, Result};
use ferry_engine::secrets::Secret;
use ferry_engine::ssh::hostkeys::KnownHosts;
use ferry_engine::ssh::{ConnectOptions, UnknownHostKey};

pub use samples::BIG_FILE_LEN;

/// The user name the demo server accepts.
pub const DEMO_USER: &str = "demo";
/// Length of the one-time password (letters and digits).
const PASSWORD_LEN: usize = 32;

/// A running demo server. Stops, and deletes its folder, when stopped or dropped.
pub struct DemoServer {
    port: u16,
    password: Secret,
    root: PathBuf,
    known_hosts: PathBuf,
    stop: Option<watch::Sender<bool>>,
    task: Option<JoinHandle<()>>,
    dir: Option<tempfile::TempDir>,
}

impl std::fmt::Debug for DemoServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DemoServer")
            .field("port", &self.port)
            .field("user", &DEMO_USER)
            .field("root", &self.root)
            .finish_non_exhaustive()
    }
}

fn io_err(what: &str) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::Io {
        path: format!("demo server ({what})"),
        detail: e.to_string(),
    }
}

impl DemoServer {
    /// Starts the server on 127.0.0.1 at a random port, serving a fresh temporary folder with
    /// sample files. Must be called within a tokio runtime, which then runs the server.
    pub async fn start() -> Result<DemoServer> {
        let dir = tempfile::Builder::new()
            .prefix("ferry-demo-")
            .tempdir()
            .map_err(io_err("temporary folder"))?;
        let served = dir.path().join("files");
        let prepared = served.clone();
        let jail = tokio::task::spawn_blocking(move || {
            std::fs::create_dir(&prepared)?;
            samples::create(&prepared)?;
            jail::Jail::new(&prepared)
        })
        .await
        .map_err(|e| Error::Io {
            path: "demo server (sample files)".into(),
            detail: e.to_string(),
        })?
        .map_err(io_err("sample files"))?;
        let root = jail.root().to_path_buf();

        let host_key =
            PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).map_err(|e| Error::Io {
                path: "demo server (host key)".into(),
                detail: e.to_string(),
            })?;
        let password = Secret::new(
            rand::rng()
                .sample_iter(Alphanumeric)
                .take(PASSWORD_LEN)
                .map(char::from)
                .collect::<String>(),
        );

        let listener = tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
            .await
            .map_err(io_err("listening on 127.0.0.1"))?;
        let port = listener
            .local_addr()
            .map_err(io_err("listening on 127.0.0.1"))?
            .port();

        let known_hosts = dir.path().join("known_hosts");
        KnownHosts::new(vec![known_hosts.clone()], known_hosts.clone())
            .learn(
                &Ipv4Addr::LOCALHOST.to_string(),
                port,
                host_key.public_key(),
            )
            .map_err(|e| Error::KnownHosts {
                detail: e.to_string(),
            })?;

        let shared = Arc::new(server::Shared {
            user: DEMO_USER.to_string(),
            password: password.clone(),
            jail: Arc::new(jail),
        });
        let config = Arc::new(server::config(host_key));
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(server::serve(listener, config, shared, stopped));
        tracing::info!(
            "demo server listening on 127.0.0.1:{port}, serving {}",
            root.display()
        );
        Ok(DemoServer {
            port,
            password,
            root,
            known_hosts,
            stop: Some(stop),
            task: Some(task),
            dir: Some(dir),
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn user(&self) -> &str {
        DEMO_USER
    }

    /// The served folder on this machine: what the client sees as `/` (and its start folder).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Options ready to connect: 127.0.0.1, the port, the demo user and its one-time password, no
    /// agent or keys, and a known_hosts file of the demo's own that already trusts its host key
    /// (unknown keys refused, so the normal host-key check applies).
    pub fn connect_options(&self) -> ConnectOptions {
        let kh = KnownHosts::new(vec![self.known_hosts.clone()], self.known_hosts.clone());
        let mut o = ConnectOptions::new(Ipv4Addr::LOCALHOST.to_string(), self.port, DEMO_USER, kh);
        o.use_agent = false;
        o.password = Some(self.password.clone());
        o.unknown_host_key = UnknownHostKey::Refuse;
        o
    }

    /// Stops listening, closes every connection, and deletes the temporary folder.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(true);
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
        if let Some(dir) = self.dir.take()
            && let Err(e) = dir.close()
        {
            tracing::warn!("could not delete the demo folder: {e}");
        }
        tracing::info!("demo server on port {} stopped", self.port);
    }
}

impl Drop for DemoServer {
    /// Signals the server to stop (it winds down on the runtime) and deletes the folder now.
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(true);
        }
    }
}
