//! Saved sites against the REAL OS keyring: gnome-keyring's Secret Service in a private D-Bus
//! session this test starts (and stops, by PID), driving the `ferry` binary like a person would.
//!
//! Covers: a password saved with `sites add --password-env` is used by a later process
//! (`ls SITE:/path`, `get SITE:/file`) without being given again; `secret-tool` sees the entry;
//! `sites remove` deletes it; no file under the config and data folders ever holds the password;
//! no session bus and a locked keyring both fail at once with the clear message and store nothing.

use crate::common;

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{Sshd, SshdOptions};
use ferry_engine::sites::Sites;

const KEYRING_MESSAGE: &str = "No OS keyring is available";
const FILE_PROMISE: &str = "never stores it in a file";

/// A private D-Bus session bus with gnome-keyring-daemon's Secret Service on it, with HOME and the
/// XDG folders in a temp dir. Both processes are killed by PID on drop.
struct KeyringSession {
    dir: tempfile::TempDir,
    address: String,
    bus: Child,
    keyring: Option<Child>,
}

const KEYRING_PASSWORD: &str = "test-login-keyring-password";

fn need(tool: &str) {
    let found = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join(tool).is_file()))
        .unwrap_or(false);
    assert!(
        found,
        "{tool} is missing: install gnome-keyring, libsecret-tools, dbus and dbus-x11 (tests/run.sh does)"
    );
}

impl KeyringSession {
    /// A session whose login keyring exists and is unlocked.
    fn start() -> KeyringSession {
        let mut s = Self::bus_only();
        s.start_keyring(true);
        s
    }

    /// A session whose login keyring exists on disk but is locked (the daemon was restarted without
    /// the password).
    fn start_locked() -> KeyringSession {
        let mut s = Self::start();
        s.stop_keyring();
        s.start_keyring(false);
        s
    }

    fn bus_only() -> KeyringSession {
        for tool in ["dbus-daemon", "gnome-keyring-daemon", "secret-tool"] {
            need(tool);
        }
        let dir = tempfile::Builder::new()
            .prefix("ferry-keyring-")
            .tempdir()
            .unwrap();
        for sub in ["home", "data", "config", "run"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        std::fs::set_permissions(
            dir.path().join("run"),
            std::fs::Permissions::from_mode(0o700),
        )
        .unwrap();
        let mut bus = Command::new("dbus-daemon")
            .args([
                "--config-file=/usr/share/dbus-1/session.conf",
                "--print-address=1",
                "--nofork",
            ])
            .arg(format!(
                "--address=unix:path={}",
                dir.path().join("run/bus").display()
            ))
            .envs(Self::env_of(dir.path(), None))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start dbus-daemon");
        let mut line = String::new();
        BufReader::new(bus.stdout.take().unwrap())
            .read_line(&mut line)
            .expect("dbus-daemon address");
        let address = line.trim().to_string();
        assert!(address.starts_with("unix:"), "bus address: {address:?}");
        KeyringSession {
            dir,
            address,
            bus,
            keyring: None,
        }
    }

    fn env_of(dir: &Path, address: Option<&str>) -> Vec<(String, String)> {
        let p = |s: &str| dir.join(s).display().to_string();
        let mut env = vec![
            ("HOME".to_string(), p("home")),
            ("XDG_DATA_HOME".to_string(), p("data")),
            ("XDG_CONFIG_HOME".to_string(), p("config")),
            ("XDG_RUNTIME_DIR".to_string(), p("run")),
        ];
        if let Some(a) = address {
            env.push(("DBUS_SESSION_BUS_ADDRESS".to_string(), a.to_string()));
        }
        env
    }

    fn env(&self) -> Vec<(String, String)> {
        Self::env_of(self.dir.path(), Some(&self.address))
    }

    fn start_keyring(&mut self, unlock: bool) {
        let mut cmd = Command::new("gnome-keyring-daemon");
        cmd.args(["--foreground", "--components=secrets"]);
        if unlock {
            cmd.arg("--unlock");
        }
        let mut child = cmd
            .envs(self.env())
            .stdin(if unlock {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start gnome-keyring-daemon");
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(KEYRING_PASSWORD.as_bytes()).unwrap();
        }
        self.keyring = Some(child);
        let deadline = Instant::now() + Duration::from_secs(20);
        while !self.secrets_service_up() {
            assert!(
                Instant::now() < deadline,
                "gnome-keyring-daemon did not take org.freedesktop.secrets"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        if unlock {
            // The login collection is created on first use; make sure it exists before locking.
            let out = self.secret_tool(&["search", "--all", "service", "warm-up"]);
            assert!(out.status.code().is_some(), "secret-tool ran");
        }
    }

    fn secrets_service_up(&self) -> bool {
        Command::new("dbus-send")
            .args([
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                "string:org.freedesktop.secrets",
            ])
            .envs(self.env())
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
            .unwrap_or(false)
    }

    fn stop_keyring(&mut self) {
        if let Some(mut c) = self.keyring.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
        // The bus notices the owner is gone.
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.secrets_service_up() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn secret_tool(&self, args: &[&str]) -> Output {
        run_with_timeout(
            Command::new("secret-tool").args(args).envs(self.env()),
            Duration::from_secs(20),
        )
    }
}

impl Drop for KeyringSession {
    fn drop(&mut self) {
        self.stop_keyring();
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}

/// Runs a command with stdin closed and kills it (by PID) if it outlives `limit`.
fn run_with_timeout(cmd: &mut Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let deadline = Instant::now() + limit;
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "{cmd:?} hung for more than {limit:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `ferry --config-dir CONFIG …` in the session's environment (no agent, no tty).
fn ferry(env: &[(String, String)], config: &Path, known_hosts: &Path, args: &[&str]) -> Output {
    run_with_timeout(
        Command::new(env!("CARGO_BIN_EXE_ferry"))
            .arg("--config-dir")
            .arg(config)
            .arg("--known-hosts")
            .arg(known_hosts)
            .arg("--no-agent")
            .args(args)
            .env_remove("SSH_AUTH_SOCK")
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .envs(env.iter().map(|(k, v)| (k, v))),
        Duration::from_secs(60),
    )
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Every file under `dir` that contains `needle`.
fn files_containing(dir: &Path, needle: &str) -> Vec<PathBuf> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(bytes) = std::fs::read(&p)
                && bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
            {
                hits.push(p);
            }
        }
    }
    hits
}

/// `sites add … --password-env` with a keyring that cannot be used: refused within `limit` with
/// the clear message, the password in no file under `search` (nor on stderr), and no site saved.
fn add_is_refused_without_keyring(
    env: &[(String, String)],
    config: &Path,
    known_hosts: &Path,
    search: &Path,
    secret: &str,
    limit: Duration,
) {
    let start = Instant::now();
    let out = ferry(
        env,
        config,
        known_hosts,
        &[
            "sites",
            "add",
            "s",
            "sftp://u@127.0.0.1:1/",
            "--password-env",
            "FERRY_TEST_PW",
        ],
    );
    let err = text(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains(KEYRING_MESSAGE) && err.contains(FILE_PROMISE),
        "{err}"
    );
    assert!(
        start.elapsed() < limit,
        "no hang: took {:?}",
        start.elapsed()
    );
    assert!(!err.contains(secret));
    assert_eq!(files_containing(search, secret), Vec::<PathBuf>::new());
    assert!(
        Sites::load(&Sites::path_in(config))
            .unwrap()
            .sites
            .is_empty(),
        "nothing saved when the password cannot be kept safely"
    );
}

fn password_sshd() -> Option<Sshd> {
    if !common::is_root() {
        eprintln!(
            "skipped: password logins need the root-created test account (run as root, as CI does)"
        );
        return None;
    }
    Some(Sshd::start_with(SshdOptions {
        auth_methods: "password".into(),
        ..SshdOptions::default()
    }))
}

#[test]
fn saved_password_lives_in_the_keyring_and_is_used_later() {
    let Some(sshd) = password_sshd() else {
        return;
    };
    let password = sshd.password.clone().unwrap();
    let session = KeyringSession::start();
    let config = tempfile::tempdir().unwrap();
    let cfg = config.path();
    let kh = &sshd.known_hosts;
    std::fs::write(sshd.data.join("report.txt"), "quarterly").unwrap();
    sshd.chown_data();

    // Reached through an HTTP proxy that wants a login of its own.
    let proxy_password = "proxy-secret-0815";
    let (_proxy, proxy_port) = common::http_proxy(&format!("al:{proxy_password}"));
    let proxy = format!("http://al@127.0.0.1:{proxy_port}");

    // Save the site; the passwords come from the environment and go to the keyring.
    let mut env = session.env();
    env.push(("FERRY_TEST_PW".into(), password.clone()));
    env.push(("FERRY_PROXY_PW".into(), proxy_password.into()));
    let url = format!("sftp://{}@127.0.0.1:{}/", sshd.user, sshd.port);
    let out = ferry(
        &env,
        cfg,
        kh,
        &[
            "sites",
            "add",
            "mysite",
            &url,
            "--password-env",
            "FERRY_TEST_PW",
            "--proxy",
            &proxy,
            "--proxy-password-env",
            "FERRY_PROXY_PW",
        ],
    );
    assert!(out.status.success(), "sites add: {}", text(&out.stderr));

    let list = Sites::load(&Sites::path_in(cfg)).unwrap();
    let site = list.find("mysite").unwrap().clone();
    let account = format!("{}/password", site.id);
    let found = session.secret_tool(&["lookup", "service", "ferry", "username", &account]);
    assert_eq!(text(&found.stdout), password, "secret-tool sees the entry");
    let proxy_account = format!("{}/proxy-password", site.id);
    let found = session.secret_tool(&["lookup", "service", "ferry", "username", &proxy_account]);
    assert_eq!(text(&found.stdout), proxy_password, "and the proxy's");
    assert_eq!(site.proxy, proxy, "the file keeps the address");

    // A new process ("after a restart"), no password given: the keyring's is used.
    let data = sshd.data.display().to_string();
    let env = session.env();
    let out = ferry(&env, cfg, kh, &["ls", &format!("mysite:{data}")]);
    assert!(out.status.success(), "ls: {}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim(), "report.txt");

    let local = tempfile::tempdir().unwrap();
    let dest = local.path().join("copy.txt");
    let out = ferry(
        &env,
        cfg,
        kh,
        &[
            "get",
            &format!("mysite:{data}/report.txt"),
            dest.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "get: {}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), "quarterly");

    let out = ferry(&env, cfg, kh, &["sites", "list"]);
    assert!(
        text(&out.stdout).starts_with("mysite\t"),
        "{}",
        text(&out.stdout)
    );

    // The passwords are in no file Ferry wrote (config and data folders).
    assert_eq!(files_containing(cfg, &password), Vec::<PathBuf>::new());
    assert_eq!(files_containing(cfg, proxy_password), Vec::<PathBuf>::new());

    // Removing the site removes its secret.
    let out = ferry(&env, cfg, kh, &["sites", "remove", "mysite"]);
    assert!(out.status.success(), "remove: {}", text(&out.stderr));
    let gone = session.secret_tool(&["lookup", "service", "ferry", "username", &account]);
    assert!(gone.stdout.is_empty(), "the secret is gone");
    let gone = session.secret_tool(&["lookup", "service", "ferry", "username", &proxy_account]);
    assert!(gone.stdout.is_empty(), "the proxy's secret is gone");
    assert!(Sites::load(&Sites::path_in(cfg)).unwrap().sites.is_empty());
    assert_eq!(files_containing(cfg, &password), Vec::<PathBuf>::new());
}

#[test]
fn no_session_bus_fails_clearly_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config");
    let run = dir.path().join("run");
    std::fs::create_dir(&run).unwrap();
    let secret = "no-bus-secret-4711";
    let env = vec![
        (
            "DBUS_SESSION_BUS_ADDRESS".to_string(),
            format!("unix:path={}", dir.path().join("no-such-bus").display()),
        ),
        ("XDG_RUNTIME_DIR".to_string(), run.display().to_string()),
        ("HOME".to_string(), dir.path().display().to_string()),
        ("FERRY_TEST_PW".to_string(), secret.to_string()),
    ];
    let kh = dir.path().join("known_hosts");
    add_is_refused_without_keyring(&env, &cfg, &kh, dir.path(), secret, Duration::from_secs(15));

    // A site without a stored password still works without a keyring: it says so, then asks.
    let out = ferry(
        &env,
        &cfg,
        &kh,
        &[
            "sites",
            "add",
            "p",
            "sftp://u@127.0.0.1:1/",
            "--auth",
            "password",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = ferry(&env, &cfg, &kh, &["ls", "p:/"]);
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("note: {KEYRING_MESSAGE}")),
        "the missing keyring is reported before connecting: {err}"
    );
    assert!(err.contains("refused the connection"), "{err}");
}

#[test]
fn locked_keyring_fails_clearly_without_hanging() {
    let session = KeyringSession::start_locked();
    let config = tempfile::tempdir().unwrap();
    let secret = "locked-secret-0815";
    let mut env = session.env();
    env.push(("FERRY_TEST_PW".into(), secret.into()));
    add_is_refused_without_keyring(
        &env,
        config.path(),
        &config.path().join("known_hosts"),
        config.path(),
        secret,
        Duration::from_secs(30),
    );
}

#[test]
fn imports_put_filezilla_passwords_in_the_keyring_only() {
    let session = KeyringSession::start();
    let work = tempfile::tempdir().unwrap();
    let cfg = work.path().join("config");
    let kh = work.path().join("known_hosts");
    let secret = "fz-plaintext-pw";
    let fz = work.path().join("sitemanager.xml");
    std::fs::write(
        &fz,
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<FileZilla3><Servers><Folder>Clients
  <Server><Host>fz.example.com</Host><Port>2222</Port><Protocol>1</Protocol><User>ann</User>
    <Pass encoding="base64">{}</Pass><Logontype>1</Logontype><RemoteDir>1 0 3 srv 3 www</RemoteDir>
    <Name>shop</Name></Server>
  <Server><Host>ftp.example.com</Host><Protocol>0</Protocol><Name>old</Name></Server>
</Folder></Servers></FileZilla3>"#,
            "ZnotcGxhaW50ZXh0LXB3"
        ),
    )
    .unwrap();
    let ssh_config = work.path().join("ssh_config");
    std::fs::write(
        &ssh_config,
        "Host box\n  HostName box.example.com\n  User bob\n  ProxyJump jump\nHost *\n  Port 2200\n",
    )
    .unwrap();
    let env = session.env();

    let out = ferry(
        &env,
        &cfg,
        &kh,
        &["sites", "import-filezilla", fz.to_str().unwrap()],
    );
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("FileZilla stored 1 password in plaintext; they are now in the OS keyring"),
        "{err}"
    );
    assert!(err.contains("old: not an SFTP site"), "{err}");
    let out = ferry(
        &env,
        &cfg,
        &kh,
        &["sites", "import-ssh-config", ssh_config.to_str().unwrap()],
    );
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("ProxyJump"), "{err}");

    let list = Sites::load(&Sites::path_in(&cfg)).unwrap();
    let shop = list.find("Clients/shop").unwrap();
    assert_eq!((shop.port, shop.remote_dir.as_str()), (2222, "/srv/www"));
    let account = format!("{}/password", shop.id);
    let found = session.secret_tool(&["lookup", "service", "ferry", "username", &account]);
    assert_eq!(text(&found.stdout), secret);
    let bx = list.find("box").unwrap();
    assert_eq!(
        (bx.host.as_str(), bx.port, bx.user.as_str()),
        ("box.example.com", 2200, "bob")
    );
    assert_eq!(bx.jump_hosts, "jump:2200", "the hop as ssh would reach it");

    // Edit, export and re-import elsewhere: no secret travels in the file.
    let out = ferry(
        &env,
        &cfg,
        &kh,
        &[
            "sites", "edit", "box", "--rename", "box2", "--folder", "Home", "--verify", "true",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let export = work.path().join("export.toml");
    let out = ferry(
        &env,
        &cfg,
        &kh,
        &["sites", "export", export.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let other = work.path().join("other");
    let out = ferry(
        &env,
        &other,
        &kh,
        &["sites", "import", export.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listed = text(&ferry(&env, &other, &kh, &["sites", "list"]).stdout);
    assert!(
        listed.contains("Home/box2\tbob@box.example.com:2200"),
        "{listed}"
    );
    assert!(
        listed.contains("Clients/shop\tann@fz.example.com:2222\tpassword"),
        "{listed}"
    );
    assert_eq!(files_containing(work.path(), secret), Vec::<PathBuf>::new());
}
