//! Real SFTP servers for the interop matrix (`tests/interop/matrix.rs`), each started on 127.0.0.1 at a
//! free port with its own host key (written to a private known_hosts, so Ferry's normal host-key
//! check passes), a client key it accepts and, where it supports one, a password:
//!
//! - `openssh.rs`: OpenSSH sshd with `internal-sftp` and with the `sftp-server` binary (the
//!   fixture in `tests/common`);
//! - `dropbear.rs`: dropbear, which runs OpenSSH's `sftp-server`;
//! - `proftpd.rs`: ProFTPD's `mod_sftp`;
//! - `python.rs`: AsyncSSH's SFTP server and a paramiko one (`asyncssh_server.py`,
//!   `paramiko_server.py`, run by the Python of `target/test-venv` or `$FERRY_TEST_PYTHON`).
//!
//! Every server works on the real disk and none chroots, so a path on disk is the same path over
//! SFTP. Every process a fixture starts is ended by PID when its [`Peer`] is dropped.
#![allow(dead_code)]

pub mod dropbear;
pub mod openssh;
pub mod proftpd;
pub mod python;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use ferry_engine::secrets::Secret;
use ferry_engine::ssh::ConnectOptions;
use ferry_engine::ssh::hostkeys::KnownHosts;

/// One running server and what a client needs to log in to it.
pub struct Peer {
    pub name: &'static str,
    pub port: u16,
    pub user: String,
    /// The system account the server's file operations run as (owner of what it creates).
    pub owner: String,
    /// `None` where the server (or a non-root run) offers no password login.
    pub password: Option<String>,
    pub client_key: PathBuf,
    pub known_hosts: PathBuf,
    /// A folder the login may write, for the test's files (same path on disk and over SFTP).
    pub data: PathBuf,
    /// The server's own log, for failure messages.
    pub log: PathBuf,
    /// Processes to end (by PID) on drop, and clean-ups to run after that.
    procs: Vec<Child>,
    cleanups: Vec<Box<dyn FnOnce() + Send>>,
    /// Fixtures that own their own processes (the OpenSSH one).
    keep: Option<Box<dyn Send>>,
    pub dir: tempfile::TempDir,
}

impl Peer {
    /// Engine options for a key login (`password == false`) or a password-only login.
    pub fn connect_options(&self, password: bool) -> ConnectOptions {
        let kh = KnownHosts::new(vec![self.known_hosts.clone()], self.known_hosts.clone());
        let mut o = ConnectOptions::new("127.0.0.1", self.port, self.user.clone(), kh);
        o.use_agent = false;
        o.connect_timeout = Duration::from_secs(15);
        if password {
            // A key the server does not know: only the password can log in.
            let stranger = self.dir.path().join("unauthorized_ed25519");
            if !stranger.exists() {
                crate::common::keygen(self.dir.path(), "unauthorized_ed25519", "ed25519", "");
            }
            o.identity_files = vec![stranger];
            o.password = self.password.clone().map(Secret::new);
        } else {
            o.identity_files = vec![self.client_key.clone()];
        }
        o
    }

    pub fn log_tail(&self) -> String {
        let s = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = s.lines().collect();
        lines[lines.len().saturating_sub(15)..].join("\n")
    }
}

impl Drop for Peer {
    fn drop(&mut self) {
        for child in &mut self.procs {
            stop_child(child);
        }
        self.keep.take();
        for c in self.cleanups.drain(..) {
            c();
        }
    }
}

/// SIGTERM, a short wait, then SIGKILL: always by the child's own PID.
pub fn stop_child(child: &mut Child) {
    if let Ok(None) = child.try_wait() {
        // SAFETY: kill(2) on the PID of a child this process started and has not reaped.
        unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = child.kill();
    }
    let _ = child.wait();
}

/// A fresh temp folder (mode 755, so a server's session process running as the test account can
/// reach its data folder) with `data/` owned by `user`.
pub fn workdir(prefix: &str, user: &str) -> (tempfile::TempDir, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::Builder::new().prefix(prefix).tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    crate::common::chown_to(&data, user);
    (dir, data)
}

/// Random hex for one-time passwords.
pub fn random_hex(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes))
        .expect("random");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes a known_hosts line for `[127.0.0.1]:port` with the OpenSSH-format public key `pubkey`.
pub fn write_known_hosts(path: &Path, port: u16, pubkey: &str) {
    let key: Vec<&str> = pubkey.split_whitespace().take(2).collect();
    std::fs::write(path, format!("[127.0.0.1]:{port} {}\n", key.join(" "))).unwrap();
}

/// Waits until something accepts TCP connections on `port` (or the child exits).
pub fn wait_listening(child: &mut Child, port: u16, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return false;
        }
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// Reads "PORT n" from a child's stdout on a thread (which keeps draining it), within `limit`.
pub fn read_port_line(child: &mut Child, limit: Duration) -> Option<u16> {
    let out = child.stdout.take()?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if let Some(p) = line.strip_prefix("PORT ") {
                let _ = tx.send(p.trim().parse::<u16>().ok());
            }
        }
    });
    rx.recv_timeout(limit).ok().flatten()
}

/// Runs a command that must succeed; returns its stdout.
pub fn run_ok(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
