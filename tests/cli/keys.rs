//! `ferry keys generate`, `list` and `install` as a person or a script runs them: the files and
//! their modes, never overwriting a key, `ssh-keygen` agreeing on what was made, a passphrase from
//! the environment, the new key logging in to a real sshd, and `install` putting it on the server
//! over a password login, once, with the lines already there kept byte for byte.

use crate::common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{Sshd, SshdOptions};

pub(crate) fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `ferry` with HOME (and so ~/.ssh) in `home`, a private config dir and no agent.
pub(crate) fn ferry(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ferry"));
    cmd.arg("--config-dir")
        .arg(home.join("config"))
        .arg("--no-agent")
        .env("HOME", home)
        .env_remove("SSH_AUTH_SOCK")
        .stdin(Stdio::null());
    cmd
}

pub(crate) fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("run ferry")
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// The fingerprint `ferry keys generate` printed (the line after "The key fingerprint is:").
pub(crate) fn printed_fingerprint(out: &Output) -> String {
    let text = stdout(out);
    let mut lines = text.lines();
    lines
        .find(|l| *l == "The key fingerprint is:")
        .expect(&text);
    let line = lines.next().expect(&text);
    line.split_whitespace().next().unwrap().to_string()
}

fn have_ssh_keygen() -> bool {
    let ok = Command::new("ssh-keygen").arg("-?").output().is_ok();
    if !ok {
        eprintln!("note: ssh-keygen is not installed; its cross-checks are skipped");
    }
    ok
}

/// What `ssh-keygen -lf FILE` says the fingerprint is.
pub(crate) fn keygen_fingerprint(file: &Path) -> String {
    let out = Command::new("ssh-keygen")
        .arg("-lf")
        .arg(file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).split_whitespace().nth(1).unwrap().to_string()
}

#[test]
fn generate_writes_the_pair_once_and_never_overwrites_it() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("k");
    let out = run(ferry(home.path())
        .args([
            "keys",
            "generate",
            "--no-passphrase",
            "--comment",
            "me@test",
            "--out",
        ])
        .arg(&key));
    assert!(out.status.success(), "{}", stderr(&out));
    let public = dir.path().join("k.pub");
    assert_eq!(mode(&key), 0o600);
    assert_eq!(mode(&public), 0o644);
    let text = stdout(&out);
    assert!(
        text.contains(&format!("saved in {}", key.display())),
        "{text}"
    );
    assert!(text.contains("+--[ED25519 256]--+"), "{text}");
    assert!(text.contains("+----[SHA256]-----+"), "{text}");
    let fingerprint = printed_fingerprint(&out);
    assert!(fingerprint.starts_with("SHA256:"), "{text}");
    if have_ssh_keygen() {
        assert_eq!(keygen_fingerprint(&key), fingerprint);
    }

    let private_bytes = std::fs::read(&key).unwrap();
    let public_bytes = std::fs::read(&public).unwrap();
    let again = run(ferry(home.path())
        .args(["keys", "generate", "--no-passphrase", "--out"])
        .arg(&key));
    assert!(!again.status.success());
    let said = stderr(&again);
    assert!(said.contains(&key.display().to_string()), "{said}");
    assert!(said.contains("already exists"), "{said}");
    assert_eq!(std::fs::read(&key).unwrap(), private_bytes);
    assert_eq!(std::fs::read(&public).unwrap(), public_bytes);
}

#[test]
fn the_default_is_home_ssh_made_0700_and_list_shows_the_key() {
    let home = tempfile::tempdir().unwrap();
    let out = run(ferry(home.path()).args(["keys", "generate", "--no-passphrase"]));
    assert!(out.status.success(), "{}", stderr(&out));
    let ssh = home.path().join(".ssh");
    assert_eq!(mode(&ssh), 0o700);
    let key = ssh.join("id_ed25519");
    assert_eq!(mode(&key), 0o600);
    let fingerprint = printed_fingerprint(&out);

    let list = run(ferry(home.path()).args(["keys", "list"]));
    assert!(list.status.success(), "{}", stderr(&list));
    let text = stdout(&list);
    let row = text
        .lines()
        .find(|l| l.starts_with(&format!("{}: ", key.display())))
        .expect(&text);
    assert!(row.contains(&format!("256 {fingerprint} ")), "{row}");
    assert!(row.ends_with("(ED25519)"), "{row}");

    // The second default key of the same type is refused, naming the file.
    let again = run(ferry(home.path()).args(["keys", "generate", "--no-passphrase"]));
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains(&key.display().to_string()),
        "{}",
        stderr(&again)
    );
}

#[test]
fn a_passphrase_from_the_environment_protects_the_key() {
    let home = tempfile::tempdir().unwrap();
    let ssh = home.path().join(".ssh");
    let key = ssh.join("locked");
    std::fs::create_dir(&ssh).unwrap();
    let out = run(ferry(home.path())
        .args([
            "keys",
            "generate",
            "--type",
            "ecdsa",
            "--passphrase-env",
            "KEY_PASS",
            "--out",
        ])
        .arg(&key)
        .env("KEY_PASS", "s3cret phrase"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains("s3cret") && !stderr(&out).contains("s3cret"));
    assert!(
        stdout(&out).contains("+---[ECDSA 256]---+"),
        "{}",
        stdout(&out)
    );
    let fingerprint = printed_fingerprint(&out);

    let list = run(ferry(home.path()).args(["keys", "list"]));
    let text = stdout(&list);
    let row = text
        .lines()
        .find(|l| l.contains(&fingerprint))
        .expect(&text);
    assert!(row.ends_with("(ECDSA), passphrase-protected"), "{row}");

    if have_ssh_keygen() {
        let y = |pass: &str| {
            Command::new("ssh-keygen")
                .args(["-y", "-P", pass, "-f"])
                .arg(&key)
                .output()
                .unwrap()
        };
        assert!(!y("WRONG").status.success());
        let right = y("s3cret phrase");
        assert!(right.status.success(), "{}", stderr(&right));
        let public = std::fs::read_to_string(ssh.join("locked.pub")).unwrap();
        assert_eq!(
            stdout(&right).split_whitespace().nth(1),
            public.split_whitespace().nth(1)
        );
        assert_eq!(keygen_fingerprint(&key), fingerprint);
    }

    // A variable that is not set is an error, and no key is made.
    let missing = run(ferry(home.path())
        .args([
            "keys",
            "generate",
            "--passphrase-env",
            "NOT_SET_ANYWHERE",
            "--out",
        ])
        .arg(ssh.join("other")));
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("NOT_SET_ANYWHERE"),
        "{}",
        stderr(&missing)
    );
    assert!(!ssh.join("other").exists());

    // Without a terminal and without either option, nothing is asked and nothing made.
    let no_tty = run(ferry(home.path())
        .args(["keys", "generate", "--out"])
        .arg(ssh.join("other")));
    assert!(!no_tty.status.success());
    assert!(
        stderr(&no_tty).contains("--no-passphrase"),
        "{}",
        stderr(&no_tty)
    );
    assert!(!ssh.join("other").exists());
}

#[test]
fn the_generated_key_logs_in_to_sshd() {
    let sshd = Sshd::start();
    let home = tempfile::tempdir().unwrap();
    let key = home.path().join("login_key");
    let out = run(ferry(home.path())
        .args(["keys", "generate", "--no-passphrase", "--out"])
        .arg(&key));
    assert!(out.status.success(), "{}", stderr(&out));
    sshd.authorize(&key);
    std::fs::write(sshd.data.join("hello.txt"), "hi").unwrap();
    sshd.chown_data();
    let ls = sshd
        .ferry()
        .arg("-i")
        .arg(&key)
        .arg("ls")
        .arg(sshd.data_url(""))
        .output()
        .unwrap();
    assert!(ls.status.success(), "{}\n{}", stderr(&ls), sshd.log());
    assert_eq!(stdout(&ls).trim(), "hello.txt");
}

/// What `ferry keys install` is tested against: an sshd whose users' keys are also read from
/// `.ssh/authorized_keys` in the SFTP start folder (`internal-sftp -d HOME`), a private `HOME`
/// owned by the test account, which logs in with its password.
struct KeyServer {
    sshd: Sshd,
    home: tempfile::TempDir,
    password: String,
}

impl KeyServer {
    /// `None` when password logins cannot be tested here (not root: no test account).
    fn start() -> Option<KeyServer> {
        let (user, password) = common::test_account();
        let password = password?;
        let home = tempfile::tempdir().unwrap();
        common::chown_to(home.path(), &user);
        let options = SshdOptions {
            subsystem: format!("internal-sftp -d {}", home.path().display()),
            extra_authorized_keys: Some(home.path().join(".ssh/authorized_keys")),
            ..SshdOptions::default()
        };
        Some(KeyServer {
            sshd: Sshd::start_with(options),
            home,
            password,
        })
    }

    fn list(&self) -> std::path::PathBuf {
        self.home.path().join(".ssh/authorized_keys")
    }

    /// `ferry -i KEY keys install URL`, logging in with the password.
    fn install(&self, key: &Path) -> Output {
        self.sshd
            .ferry()
            .env("FERRY_TEST_PW", &self.password)
            .args(["--password-env", "FERRY_TEST_PW", "-i"])
            .arg(key)
            .args(["keys", "install"])
            .arg(self.sshd.url(""))
            .output()
            .expect("run ferry")
    }

    /// Whether `ferry -i KEY ls` logs in with the key alone (no password, no agent).
    fn key_logs_in(&self, key: &Path) -> bool {
        self.sshd
            .ferry()
            .arg("-i")
            .arg(key)
            .arg("ls")
            .arg(self.sshd.url(""))
            .output()
            .expect("run ferry")
            .status
            .success()
    }
}

/// A new key for `name` in `dir`, with no passphrase; returns the private key's path.
pub(crate) fn new_key(dir: &Path, name: &str) -> std::path::PathBuf {
    let key = dir.join(name);
    let out = ferry(dir)
        .args(["keys", "generate", "--no-passphrase", "--out"])
        .arg(&key)
        .output()
        .expect("run ferry");
    assert!(out.status.success(), "{}", stderr(&out));
    key
}

/// `ferry keys install` over a password login: the server's `~/.ssh` (0700) and list (0600) are
/// made, the key logs in from then on, a second install adds nothing, lines already there
/// (options, comments, CRLF, no final line break) stay byte for byte, and a `~/.ssh` the login
/// may not write is a clear error that leaves the list as it was and no temporary file behind.
#[test]
fn keys_install_adds_the_key_once_and_the_key_logs_in() {
    let Some(server) = KeyServer::start() else {
        eprintln!("skipped: password logins need root here (the test account)");
        return;
    };
    let keys = tempfile::tempdir().unwrap();
    let a = new_key(keys.path(), "a");
    assert!(
        !server.key_logs_in(&a),
        "the key logged in before it was installed"
    );

    let out = server.install(&a);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("added the key"), "{said}");
    assert!(said.contains("key login works"), "{said}");
    let line_a = std::fs::read_to_string(keys.path().join("a.pub")).unwrap();
    assert_eq!(std::fs::read_to_string(server.list()).unwrap(), line_a);
    assert_eq!(mode(&server.home.path().join(".ssh")), 0o700);
    assert_eq!(mode(&server.list()), 0o600);
    assert!(server.key_logs_in(&a));

    let out = server.install(&a);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("already"));
    assert_eq!(std::fs::read_to_string(server.list()).unwrap(), line_a);

    // Someone's own lines: a comment, options, CRLF endings, and no line break at the end.
    let mine = format!(
        "# laptop\r\nno-pty,command=\"/bin/true\" {}\r\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHVzZWQgZm9yIHRlc3RpbmcgZmVycnkgaW5zdGFsbA old",
        line_a.trim_end()
    );
    std::fs::write(server.list(), &mine).unwrap();
    let b = new_key(keys.path(), "b");
    let out = server.install(&b);
    assert!(out.status.success(), "{}", stderr(&out));
    let line_b = std::fs::read_to_string(keys.path().join("b.pub")).unwrap();
    let now = std::fs::read(server.list()).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&now),
        format!("{mine}\r\n{line_b}"),
        "the lines already there changed"
    );
    assert!(server.key_logs_in(&b));

    // A `~/.ssh` the login may not write: nothing half-written, and a clear message.
    std::fs::set_permissions(
        server.home.path().join(".ssh"),
        std::fs::Permissions::from_mode(0o500),
    )
    .unwrap();
    let c = new_key(keys.path(), "c");
    let out = server.install(&c);
    assert!(!out.status.success());
    let said = stderr(&out);
    assert!(said.contains("Permission denied"), "{said}");
    assert_eq!(std::fs::read(server.list()).unwrap(), now);
    let left: Vec<_> = std::fs::read_dir(server.home.path().join(".ssh"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["authorized_keys"], "a temporary file was left");
    assert!(!server.key_logs_in(&c));
}
