//! Test fixtures: a private OpenSSH sshd on 127.0.0.1 at a free port, with its own host key,
//! authorized_keys, known_hosts and data folder; stopped by PID when the fixture is dropped.
//!
//! As root (CI), the server logs in a dedicated account `ferrytest` (created on first use, with a
//! random password kept in /var/lib/ferry-tests/password, mode 600), so password and
//! keyboard-interactive logins and permission bits are real. As another user, sshd runs as that
//! user with key authentication only, and password tests say they were skipped.
#![allow(dead_code)]

pub mod gui;
mod measure;
mod netns;
mod proxies;

// Each test binary uses some of these.
#[allow(unused_imports)]
pub use measure::{Measured, run_measured};
#[allow(unused_imports)]
pub use netns::{Netns, in_netns, in_netns_command};
#[allow(unused_imports)]
pub use proxies::{Running, http_proxy};

use std::io::Write;
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use ferry_engine::secrets::Secret;
use ferry_engine::ssh::prompt::{HostKeyDecision, HostKeyInfo, InteractiveRequest, Prompter};

pub const TEST_USER: &str = "ferrytest";

/// Leaves what an interrupted Ferry run leaves beside the partial file of `dst`: the id of the
/// source it was copying (`src`, a local path whose size and mtime are read), so that the next run
/// recognises the partial file as that source's (see `crates/ferry-engine/src/transfer/partid.rs`).
pub fn plant_part_id(dst: &Path, src: &Path) {
    let meta = std::fs::metadata(src).expect("source for the partial file's id");
    let mtime = meta
        .modified()
        .unwrap()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let name = format!(
        "{}.ferrypart-id",
        dst.file_name().unwrap().to_str().unwrap()
    );
    std::fs::write(
        dst.with_file_name(name),
        format!(
            "ferry partial file v1\nsize {}\nmtime {mtime}\n",
            meta.len()
        ),
    )
    .unwrap();
}

pub fn is_root() -> bool {
    // SAFETY: getuid has no preconditions.
    unsafe { libc::getuid() == 0 }
}

pub(crate) fn run(cmd: &mut Command) {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Generates a key pair with ssh-keygen; returns the private key path.
pub fn keygen(dir: &Path, name: &str, kind: &str, passphrase: &str) -> PathBuf {
    let path = dir.join(name);
    let mut cmd = Command::new("ssh-keygen");
    cmd.args(["-q", "-t", kind, "-N", passphrase, "-C", "ferry-test", "-f"])
        .arg(&path);
    if kind == "rsa" {
        cmd.args(["-b", "2048"]);
    }
    run(&mut cmd);
    path
}

pub fn read_pub(private: &Path) -> String {
    std::fs::read_to_string(private.with_extension("pub"))
        .or_else(|_| std::fs::read_to_string(format!("{}.pub", private.display())))
        .expect("public key")
        .trim()
        .to_string()
}

/// The test account and its password (root only): created once per machine, shared by every test
/// process under a file lock.
pub fn test_account() -> (String, Option<String>) {
    if !is_root() {
        let user = std::env::var("USER").unwrap_or_else(|_| "nobody".into());
        return (user, None);
    }
    let state = Path::new("/var/lib/ferry-tests");
    std::fs::create_dir_all(state).expect("state dir");
    let lock = std::fs::File::create(state.join("lock")).expect("lock file");
    lock.lock().expect("lock");
    let exists = Command::new("id")
        .arg(TEST_USER)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !exists {
        run(Command::new("useradd").args(["-m", "-s", "/bin/sh", TEST_USER]));
    }
    let pw_file = state.join("password");
    let password = match std::fs::read_to_string(&pw_file) {
        Ok(p) if !p.trim().is_empty() => p.trim().to_string(),
        _ => {
            let mut bytes = [0u8; 12];
            std::fs::File::open("/dev/urandom")
                .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes))
                .expect("random");
            let pw: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            let mut child = Command::new("chpasswd")
                .stdin(Stdio::piped())
                .spawn()
                .expect("chpasswd");
            writeln!(child.stdin.take().expect("stdin"), "{TEST_USER}:{pw}").expect("write");
            assert!(child.wait().expect("chpasswd").success());
            std::fs::write(&pw_file, &pw).expect("save password");
            std::fs::set_permissions(&pw_file, std::fs::Permissions::from_mode(0o600)).ok();
            pw
        }
    };
    (TEST_USER.to_string(), Some(password))
}

pub fn chown_to(path: &Path, user: &str) {
    if is_root() {
        run(Command::new("chown")
            .arg("-R")
            .arg(format!("{user}:{user}"))
            .arg(path));
    }
}

#[derive(Clone, Debug)]
pub struct SshdOptions {
    /// `AuthenticationMethods` value, e.g. "publickey", "password", "keyboard-interactive".
    pub auth_methods: String,
    /// Host key types to generate and serve ("ed25519", "ecdsa", "rsa").
    pub host_key_types: Vec<&'static str>,
    /// Listen on this address.
    pub listen: &'static str,
    /// `internal-sftp` or the path of `sftp-server`.
    pub subsystem: String,
    /// Run the server (and `ferry()`) inside this network namespace (see [`Netns`]).
    pub netns: Option<String>,
    /// A second `AuthorizedKeysFile` the server reads keys from (besides the test's own list).
    pub extra_authorized_keys: Option<PathBuf>,
    /// sshd_config lines put before the fixture's own (sshd keeps a keyword's first value, so
    /// these win): `LogLevel DEBUG1`, `AllowTcpForwarding no`.
    pub extra_config: String,
}

impl Default for SshdOptions {
    fn default() -> Self {
        SshdOptions {
            auth_methods: "any".into(),
            host_key_types: vec!["ed25519"],
            listen: "127.0.0.1",
            subsystem: "internal-sftp".into(),
            netns: None,
            extra_authorized_keys: None,
            extra_config: String::new(),
        }
    }
}

pub struct Sshd {
    pub port: u16,
    pub dir: tempfile::TempDir,
    /// A folder the login owns, for the test's files.
    pub data: PathBuf,
    pub user: String,
    pub password: Option<String>,
    /// Unencrypted ed25519 key in authorized_keys.
    pub client_key: PathBuf,
    /// known_hosts holding this server's host keys.
    pub known_hosts: PathBuf,
    pub host_keys: Vec<PathBuf>,
    pub options: SshdOptions,
    child: Option<Child>,
}

impl Sshd {
    pub fn start() -> Sshd {
        Self::start_with(SshdOptions::default())
    }

    pub fn start_with(options: SshdOptions) -> Sshd {
        let dir = tempfile::Builder::new()
            .prefix("ferry-sshd-")
            .tempdir()
            .expect("tempdir");
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let (user, password) = test_account();
        let host_keys: Vec<PathBuf> = options
            .host_key_types
            .iter()
            .map(|t| keygen(dir.path(), &format!("host_{t}"), t, ""))
            .collect();
        let client_key = keygen(dir.path(), "client_ed25519", "ed25519", "");
        std::fs::write(
            dir.path().join("authorized_keys"),
            format!("{}\n", read_pub(&client_key)),
        )
        .unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();
        chown_to(&data, &user);
        let known_hosts = dir.path().join("known_hosts");
        let mut sshd = Sshd {
            port: 0,
            dir,
            data,
            user,
            password,
            client_key,
            known_hosts,
            host_keys,
            options,
            child: None,
        };
        sshd.launch();
        sshd.write_known_hosts();
        sshd
    }

    fn write_config(&self) -> PathBuf {
        let d = self.dir.path();
        let root = is_root();
        let mut cfg = self.options.extra_config.clone();
        if !cfg.is_empty() && !cfg.ends_with('\n') {
            cfg.push('\n');
        }
        cfg += &format!(
            "Port {}\nListenAddress {}\n",
            self.port, self.options.listen
        );
        for k in &self.host_keys {
            cfg += &format!("HostKey {}\n", k.display());
        }
        let extra = match &self.options.extra_authorized_keys {
            Some(p) => format!(" {}", p.display()),
            None => String::new(),
        };
        cfg += &format!(
            "PidFile none\nUsePAM {}\nStrictModes no\nAuthorizedKeysFile {}{extra}\n",
            if root { "yes" } else { "no" },
            d.join("authorized_keys").display()
        );
        cfg += "PubkeyAuthentication yes\nPasswordAuthentication yes\nKbdInteractiveAuthentication yes\n";
        cfg += &format!("AllowUsers {}\nPermitRootLogin no\n", self.user);
        if self.options.auth_methods != "any" {
            cfg += &format!("AuthenticationMethods {}\n", self.options.auth_methods);
        }
        // An empty subsystem: no SFTP at all (a shell-only server).
        if !self.options.subsystem.is_empty() {
            cfg += &format!("Subsystem sftp {}\n", self.options.subsystem);
        }
        cfg += "LogLevel VERBOSE\nMaxStartups 100:30:200\nMaxSessions 100\nMaxAuthTries 10\nClientAliveInterval 0\n";
        let path = d.join("sshd_config");
        std::fs::write(&path, cfg).unwrap();
        path
    }

    fn launch(&mut self) {
        std::fs::create_dir_all("/run/sshd").ok();
        for attempt in 0..5 {
            if self.port == 0 || attempt > 0 {
                self.port = free_port();
            }
            let config = self.write_config();
            run(Command::new("/usr/sbin/sshd")
                .arg("-t")
                .arg("-f")
                .arg(&config));
            let log = std::fs::File::create(self.dir.path().join("sshd.log")).unwrap();
            let mut child = in_netns_command(self.options.netns.as_deref(), "/usr/sbin/sshd")
                .arg("-D")
                .arg("-e")
                .arg("-f")
                .arg(&config)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .expect("start sshd");
            let deadline = Instant::now() + Duration::from_secs(10);
            loop {
                if let Ok(Some(_)) = child.try_wait() {
                    break; // exited: port taken? try another
                }
                let addr = (self.options.listen, self.port);
                if in_netns(self.options.netns.as_deref(), || {
                    std::net::TcpStream::connect(addr).is_ok()
                }) {
                    self.child = Some(child);
                    return;
                }
                if Instant::now() > deadline {
                    let _ = child.kill();
                    let _ = child.wait();
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        panic!("sshd did not start:\n{}", self.log());
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("sshd.log")).unwrap_or_default()
    }

    /// Writes known_hosts with every host key of this server.
    pub fn write_known_hosts(&self) {
        let mut s = String::new();
        for k in &self.host_keys {
            s += &format!("[127.0.0.1]:{} {}\n", self.port, read_pub(k));
        }
        std::fs::write(&self.known_hosts, s).unwrap();
    }

    /// Stops the server (by PID) and starts it again on the same port with the same keys.
    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Kills the listener and every session process under it (by PID, with SIGKILL), the way a
    /// crashed or rebooted server drops its clients.
    pub fn kill_with_sessions(&mut self) {
        let Some(child) = self.child.as_ref() else {
            return;
        };
        let mut pids = vec![child.id()];
        pids.extend(self.session_pids());
        for pid in pids.iter().rev() {
            // SAFETY: plain kill(2) on PIDs of processes this fixture started (and their children).
            unsafe { libc::kill(*pid as i32, libc::SIGKILL) };
        }
        self.stop();
    }

    /// The processes serving the connections open now (every descendant of the listener).
    pub fn session_pids(&self) -> Vec<u32> {
        let Some(child) = self.child.as_ref() else {
            return Vec::new();
        };
        let mut pids = vec![child.id()];
        let mut i = 0;
        while i < pids.len() {
            let out = Command::new("pgrep")
                .arg("-P")
                .arg(pids[i].to_string())
                .output();
            if let Ok(out) = out {
                pids.extend(
                    String::from_utf8_lossy(&out.stdout)
                        .split_whitespace()
                        .filter_map(|p| p.parse::<u32>().ok()),
                );
            }
            i += 1;
        }
        pids.remove(0);
        pids
    }

    /// Freezes the connections open now (SIGSTOP), the way a stalled route or a hung server
    /// leaves them: nothing is answered and nothing is closed; new connections are served.
    /// Returns their PIDs for [`Sshd::kill_pids`].
    pub fn stall_sessions(&self) -> Vec<u32> {
        let pids = self.session_pids();
        for pid in &pids {
            // SAFETY: kill(2) on PIDs of processes this fixture's server started.
            unsafe { libc::kill(*pid as i32, libc::SIGSTOP) };
        }
        pids
    }

    /// Ends processes [`Sshd::stall_sessions`] froze.
    pub fn kill_pids(pids: &[u32]) {
        for pid in pids {
            // SAFETY: kill(2) on PIDs of processes this fixture's server started.
            unsafe { libc::kill(*pid as i32, libc::SIGKILL) };
        }
    }

    pub fn restart(&mut self) {
        self.stop();
        self.launch_same_port();
    }

    fn launch_same_port(&mut self) {
        let port = self.port;
        self.launch();
        assert_eq!(self.port, port, "could not restart on the same port");
    }

    /// Replaces the host keys with fresh ones of `types` (known_hosts is left as it was).
    pub fn regenerate_host_keys(&mut self, types: &[&'static str]) {
        self.stop();
        for k in &self.host_keys {
            std::fs::remove_file(k).ok();
            std::fs::remove_file(format!("{}.pub", k.display())).ok();
        }
        self.host_keys = types
            .iter()
            .map(|t| keygen(self.dir.path(), &format!("host2_{t}"), t, ""))
            .collect();
        self.options.host_key_types = types.to_vec();
        self.launch_same_port();
    }

    /// Adds a public key to authorized_keys.
    pub fn authorize(&self, private_key: &Path) {
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(self.dir.path().join("authorized_keys"))
            .unwrap();
        writeln!(f, "{}", read_pub(private_key)).unwrap();
    }

    pub fn url(&self, path: &str) -> String {
        format!("sftp://{}@127.0.0.1:{}{}", self.user, self.port, path)
    }

    /// The data folder as a URL path.
    pub fn data_url(&self, rel: &str) -> String {
        let base = self.data.display().to_string();
        if rel.is_empty() {
            self.url(&base)
        } else {
            self.url(&format!("{base}/{rel}"))
        }
    }

    /// `ferry` with this server's known_hosts, a private config dir and no agent (add `-i`).
    /// `FERRY_TEST_BIN=target/release/ferry` runs another build (for the load figures).
    pub fn ferry(&self) -> Command {
        let bin = std::env::var("FERRY_TEST_BIN")
            .unwrap_or_else(|_| env!("CARGO_BIN_EXE_ferry").to_string());
        let mut cmd = in_netns_command(self.options.netns.as_deref(), &bin);
        cmd.arg("--known-hosts")
            .arg(&self.known_hosts)
            .arg("--config-dir")
            .arg(self.dir.path().join("config"))
            .arg("--no-agent")
            .env_remove("SSH_AUTH_SOCK")
            .stdin(Stdio::null());
        cmd
    }

    /// Makes files the test wrote in `data` belong to the login.
    pub fn chown_data(&self) {
        chown_to(&self.data, &self.user);
    }

    /// Engine connect options for this server (key auth with the client key).
    pub fn connect_options(&self) -> ferry_engine::ssh::ConnectOptions {
        let kh = ferry_engine::ssh::hostkeys::KnownHosts::new(
            vec![self.known_hosts.clone()],
            self.known_hosts.clone(),
        );
        let mut o =
            ferry_engine::ssh::ConnectOptions::new("127.0.0.1", self.port, self.user.clone(), kh);
        o.identity_files = vec![self.client_key.clone()];
        o.use_agent = false;
        o.connect_timeout = Duration::from_secs(10);
        o
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        self.stop();
    }
}

/// `program`, run inside network namespace `ns` when one is given (`ip netns exec` execs it, so
/// the child's PID is the program's own).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

/// A prompter with scripted answers that records what it was asked.
#[derive(Default)]
pub struct Scripted {
    pub host_key: Option<HostKeyDecision>,
    pub password: Option<String>,
    pub passphrase: Option<String>,
    pub interactive: Vec<String>,
    pub asked: Mutex<Vec<String>>,
    /// Answer only while fewer questions than this were asked in all (a person who walked away);
    /// `None`: answer every one.
    pub limit: Mutex<Option<usize>>,
}

impl Scripted {
    pub fn asked(&self) -> Vec<String> {
        self.asked.lock().unwrap().clone()
    }

    /// Answers `n` more questions, then no more.
    pub fn answer_more(&self, n: usize) {
        let asked = self.asked.lock().unwrap().len();
        *self.limit.lock().unwrap() = Some(asked + n);
    }

    /// Records a question; whether to answer it.
    fn ask(&self, question: String) -> bool {
        let mut asked = self.asked.lock().unwrap();
        asked.push(question);
        self.limit.lock().unwrap().is_none_or(|n| asked.len() <= n)
    }
}

#[async_trait]
impl Prompter for Scripted {
    async fn confirm_host_key(&self, info: &HostKeyInfo) -> HostKeyDecision {
        if !self.ask(format!("host-key {} {}", info.key_type, info.fingerprint)) {
            return HostKeyDecision::Reject;
        }
        self.host_key.unwrap_or(HostKeyDecision::Reject)
    }
    async fn password(&self, user: &str, host: &str) -> Option<Secret> {
        if !self.ask(format!("password {user}@{host}")) {
            return None;
        }
        self.password.clone().map(Secret::new)
    }
    async fn passphrase(&self, key_file: &Path) -> Option<Secret> {
        if !self.ask(format!("passphrase {}", key_file.display())) {
            return None;
        }
        self.passphrase.clone().map(Secret::new)
    }
    async fn keyboard_interactive(&self, request: &InteractiveRequest) -> Option<Vec<Secret>> {
        let prompts: Vec<_> = request.prompts.iter().map(|p| p.0.clone()).collect();
        if !self.ask(format!("interactive {prompts:?}")) {
            return None;
        }
        if self.interactive.len() < request.prompts.len() {
            return None;
        }
        Some(
            self.interactive
                .iter()
                .take(request.prompts.len())
                .cloned()
                .map(Secret::new)
                .collect(),
        )
    }
}

/// Deterministic pseudo-random bytes.
pub fn bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407)
        | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// Every file under `root` (relative path → contents); folders as `path/` → empty.
pub fn snapshot(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in rd {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            if p.is_dir() {
                out.insert(format!("{rel}/"), Vec::new());
                stack.push(p);
            } else {
                out.insert(rel, std::fs::read(&p).unwrap_or_default());
            }
        }
    }
    out
}
