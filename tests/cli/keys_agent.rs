//! PuTTY keys and the ssh-agent as a person uses them: a `.ppk` from `puttygen` logging in and
//! listed with `ssh-keygen`'s fingerprint; `ferry keys generate --add-to-agent` and `ferry keys
//! add` (a passphrase from the environment, a PuTTY key) putting keys in a private `ssh-agent`
//! that then logs in with no key file and no password; a site's `--agent-key` offering that key
//! alone; no agent running, said clearly, with the new key kept.

use crate::common;
use crate::keys::{ferry, keygen_fingerprint, new_key, printed_fingerprint, run, stderr, stdout};

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::Sshd;

/// A private ssh-agent on its own socket (`ssh-agent -D -a SOCK`), killed by PID on drop.
struct Agent {
    sock: PathBuf,
    child: Child,
    _dir: tempfile::TempDir,
}

impl Agent {
    fn start() -> Agent {
        let dir = tempfile::tempdir().unwrap();
        let sock = dir.path().join("agent.sock");
        let child = Command::new("ssh-agent")
            .arg("-D")
            .arg("-a")
            .arg(&sock)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start ssh-agent");
        let deadline = Instant::now() + Duration::from_secs(10);
        while !sock.exists() {
            assert!(Instant::now() < deadline, "ssh-agent made no socket");
            std::thread::sleep(Duration::from_millis(10));
        }
        Agent {
            sock,
            child,
            _dir: dir,
        }
    }

    /// What `ssh-add -l` lists.
    fn listed(&self) -> String {
        let out = Command::new("ssh-add")
            .arg("-l")
            .env("SSH_AUTH_SOCK", &self.sock)
            .output()
            .expect("run ssh-add");
        stdout(&out)
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `ferry` for `sshd` with the agent at `agent` and HOME in `home` (no `--no-agent`).
fn with_agent(sshd: &Sshd, home: &Path, agent: &Agent) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ferry"));
    cmd.arg("--known-hosts")
        .arg(&sshd.known_hosts)
        .arg("--config-dir")
        .arg(home.join("config"))
        .env("HOME", home)
        .env("SSH_AUTH_SOCK", &agent.sock)
        .stdin(Stdio::null());
    cmd
}

fn need_puttygen() {
    let found = Command::new("puttygen").arg("--version").output().is_ok();
    assert!(
        found,
        "puttygen is missing: install putty-tools (tests/run.sh does)"
    );
}

/// An Ed25519 key made by `ssh-keygen` in `dir` and its PuTTY copies: `putty.ppk` unencrypted
/// and `locked.ppk` with `passphrase`. Returns the OpenSSH key (its `.pub` beside it).
fn putty_pair(dir: &Path, ppk_dir: &Path, passphrase: &str) -> PathBuf {
    need_puttygen();
    let key = common::keygen(dir, "from_openssh", "ed25519", "");
    let pass_file = dir.join("ppk-pass");
    std::fs::write(&pass_file, passphrase).unwrap();
    for (name, encrypted) in [("putty.ppk", false), ("locked.ppk", true)] {
        let mut cmd = Command::new("puttygen");
        cmd.arg(&key)
            .args(["-O", "private", "-o"])
            .arg(ppk_dir.join(name));
        if encrypted {
            // A light Argon2 (the default takes PuTTY's 100 ms, more in a debug build).
            cmd.arg("--new-passphrase")
                .arg(&pass_file)
                .args(["--ppk-param", "memory=1024,passes=2"]);
        }
        let out = cmd.output().expect("run puttygen");
        assert!(out.status.success(), "puttygen: {}", stderr(&out));
    }
    key
}

/// A PuTTY key logs in with `-i key.ppk`, and `ferry keys list` shows both .ppk files with the
/// fingerprint `ssh-keygen` gives the key, the encrypted one as passphrase-protected.
#[test]
fn a_putty_key_logs_in_and_is_listed_with_its_fingerprint() {
    let sshd = Sshd::start();
    let home = tempfile::tempdir().unwrap();
    let ssh = home.path().join(".ssh");
    std::fs::create_dir(&ssh).unwrap();
    let made = tempfile::tempdir().unwrap();
    let key = putty_pair(made.path(), &ssh, "ppk phrase");
    sshd.authorize(&key);
    std::fs::write(sshd.data.join("hello.txt"), "hi").unwrap();
    sshd.chown_data();

    let ls = run(sshd
        .ferry()
        .arg("-i")
        .arg(ssh.join("putty.ppk"))
        .arg("ls")
        .arg(sshd.data_url("")));
    assert!(ls.status.success(), "{}\n{}", stderr(&ls), sshd.log());
    assert_eq!(stdout(&ls).trim(), "hello.txt");

    let fingerprint = keygen_fingerprint(&made.path().join("from_openssh.pub"));
    let list = run(ferry(home.path()).args(["keys", "list"]));
    assert!(list.status.success(), "{}", stderr(&list));
    let text = stdout(&list);
    let row = |name: &str| {
        let file = ssh.join(name);
        text.lines()
            .find(|l| l.starts_with(&format!("{}: ", file.display())))
            .unwrap_or_else(|| panic!("{name} is not listed: {text}"))
            .to_string()
    };
    assert!(
        row("putty.ppk").starts_with(&format!(
            "{}: 256 {fingerprint} ",
            ssh.join("putty.ppk").display()
        )),
        "{text}"
    );
    assert!(row("putty.ppk").ends_with("(ED25519)"), "{text}");
    assert!(
        row("locked.ppk").contains(&format!(" 256 {fingerprint} ")),
        "{text}"
    );
    assert!(
        row("locked.ppk").ends_with("(ED25519), passphrase-protected"),
        "{text}"
    );
}

/// The agent does what a passphrase would: a key made with `--add-to-agent` (and a PuTTY key
/// given with `ferry keys add --passphrase-env`) logs in with no key file in HOME and no password,
/// and a site's `--agent-key` offers only that key, the failure naming it.
#[test]
fn keys_in_the_agent_log_in_and_a_site_offers_only_its_agent_key() {
    let sshd = Sshd::start();
    let agent = Agent::start();
    let home = tempfile::tempdir().unwrap();
    let keys = tempfile::tempdir().unwrap();
    std::fs::write(sshd.data.join("hello.txt"), "hi").unwrap();
    sshd.chown_data();
    let ferry = || with_agent(&sshd, home.path(), &agent);

    // A passphrase-protected key, made and handed to the agent in one go.
    let good = keys.path().join("good");
    let out = run(ferry()
        .args([
            "keys",
            "generate",
            "--comment",
            "good@test",
            "--add-to-agent",
        ])
        .args(["--passphrase-env", "KEY_PASS", "--out"])
        .arg(&good)
        .env("KEY_PASS", "agent phrase"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("Identity added: {} (good@test)", good.display())),
        "{}",
        stderr(&out)
    );
    let good_fp = printed_fingerprint(&out);
    assert!(agent.listed().contains(&good_fp), "{}", agent.listed());
    sshd.authorize(&good);
    let ls = run(ferry().arg("ls").arg(sshd.data_url("")));
    assert!(ls.status.success(), "{}\n{}", stderr(&ls), sshd.log());
    assert_eq!(stdout(&ls).trim(), "hello.txt");

    // An encrypted PuTTY key (authorized) and a key the server does not know, both in the agent.
    let ppk_dir = keys.path().join("ppk");
    std::fs::create_dir(&ppk_dir).unwrap();
    let putty = putty_pair(keys.path(), &ppk_dir, "ppk phrase");
    sshd.authorize(&putty);
    let putty_fp = keygen_fingerprint(&keys.path().join("from_openssh.pub"));
    let locked = ppk_dir.join("locked.ppk");
    let out = run(ferry()
        .args(["keys", "add", "--passphrase-env", "PPK_PASS"])
        .arg(&locked)
        .env("PPK_PASS", "ppk phrase"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Identity added: "),
        "{}",
        stderr(&out)
    );
    let stranger = new_key(keys.path(), "stranger");
    let out = run(ferry().args(["keys", "add"]).arg(&stranger));
    assert!(out.status.success(), "{}", stderr(&out));
    let stranger_fp = keygen_fingerprint(&stranger);
    let listed = agent.listed();
    for fp in [&good_fp, &putty_fp, &stranger_fp] {
        assert!(
            listed.contains(fp.as_str()),
            "{fp} not in the agent: {listed}"
        );
    }

    // A site whose agent key the server does not know fails, saying which key it offered.
    let out = run(ferry()
        .args(["sites", "add", "box"])
        .arg(sshd.url(""))
        .args(["--agent-key", &stranger_fp]));
    assert!(out.status.success(), "{}", stderr(&out));
    let list = run(ferry().args(["sites", "list"]));
    assert!(
        stdout(&list).contains(&format!("\tagent {stranger_fp}")),
        "{}",
        stdout(&list)
    );
    let site_path = format!("box:{}", sshd.data.display());
    let ls = run(ferry().arg("ls").arg(&site_path));
    assert!(
        !ls.status.success(),
        "logged in with a key the server does not know"
    );
    assert!(
        stderr(&ls).contains(&format!("the ssh-agent's key {stranger_fp}")),
        "{}",
        stderr(&ls)
    );

    // The PuTTY key, opened by its passphrase into the agent, logs in.
    let out = run(ferry().args(["sites", "edit", "box", "--agent-key", &putty_fp]));
    assert!(out.status.success(), "{}", stderr(&out));
    let ls = run(ferry().arg("ls").arg(&site_path));
    assert!(ls.status.success(), "{}\n{}", stderr(&ls), sshd.log());
    assert_eq!(stdout(&ls).trim(), "hello.txt");

    let out = run(ferry().args(["sites", "edit", "box", "--no-agent-key"]));
    assert!(out.status.success(), "{}", stderr(&out));
    let list = run(ferry().args(["sites", "list"]));
    assert!(!stdout(&list).contains("SHA256:"), "{}", stdout(&list));
    let bad = run(ferry().args(["sites", "edit", "box", "--agent-key", "SHA256:short"]));
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("43 base64 characters"),
        "{}",
        stderr(&bad)
    );
}

/// Without an agent, `--add-to-agent` fails clearly and keeps the new key; `ferry keys add`
/// names what is wrong with its file, and asks for `--passphrase-env` when there is no terminal.
#[test]
fn no_agent_is_a_clear_error_and_the_key_stays() {
    let home = tempfile::tempdir().unwrap();
    let key = home.path().join("k");
    let gone = home.path().join("no-agent.sock");
    let out = run(ferry(home.path())
        .args([
            "keys",
            "generate",
            "--no-passphrase",
            "--add-to-agent",
            "--out",
        ])
        .arg(&key)
        .env("SSH_AUTH_SOCK", &gone));
    assert!(!out.status.success());
    let said = stderr(&out);
    assert!(said.contains("no ssh-agent is running"), "{said}");
    assert!(
        said.contains(&format!("ferry keys add {}", key.display())),
        "{said}"
    );
    assert!(key.exists() && home.path().join("k.pub").exists());

    let missing = run(ferry(home.path())
        .args(["keys", "add"])
        .arg(home.path().join("nope")));
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("No such file"),
        "{}",
        stderr(&missing)
    );
    let not_key = run(ferry(home.path())
        .args(["keys", "add"])
        .arg(home.path().join("k.pub")));
    assert!(!not_key.status.success());
    assert!(
        stderr(&not_key).contains("is not a private key"),
        "{}",
        stderr(&not_key)
    );

    let locked = home.path().join("locked");
    let out = run(ferry(home.path())
        .args(["keys", "generate", "--passphrase-env", "P", "--out"])
        .arg(&locked)
        .env("P", "pp"));
    assert!(out.status.success(), "{}", stderr(&out));
    let no_tty = run(ferry(home.path()).args(["keys", "add"]).arg(&locked));
    assert!(!no_tty.status.success());
    assert!(
        stderr(&no_tty).contains("--passphrase-env"),
        "{}",
        stderr(&no_tty)
    );
}
