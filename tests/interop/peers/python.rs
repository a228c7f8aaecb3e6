//! The two Python SFTP servers: AsyncSSH's (`asyncssh_server.py`) and paramiko's
//! (`paramiko_server.py`), each serving the real disk as the user running the tests, with key and
//! password login (the password travels in an environment variable, never on the command line).
//!
//! They run with `$FERRY_TEST_PYTHON`, else `target/test-venv/bin/python` (which `tests/run.sh`
//! creates with asyncssh and paramiko).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use super::{Peer, random_hex, read_port_line, workdir, write_known_hosts};
use crate::common::{keygen, read_pub};

pub fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("FERRY_TEST_PYTHON") {
        return PathBuf::from(p);
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-venv/bin/python");
    assert!(
        venv.exists(),
        "the interop tests need Python with asyncssh and paramiko at {}: run `bash tests/run.sh` \
         once (it creates that venv), or set FERRY_TEST_PYTHON",
        venv.display()
    );
    venv
}

const PASSWORD_VAR: &str = "FERRY_PEER_PASSWORD";

fn start(name: &'static str, script: &str, extra: &[&str]) -> Peer {
    let user = "ferry".to_string();
    let me = std::env::var("USER").unwrap_or_else(|_| "root".into());
    let (dir, data) = workdir(&format!("ferry-peer-{name}-"), &me);
    let d = dir.path().to_path_buf();
    let host_key = keygen(&d, "host_ed25519", "ed25519", "");
    let client_key = keygen(&d, "client_ed25519", "ed25519", "");
    let authorized = d.join("authorized_keys");
    std::fs::write(&authorized, format!("{}\n", read_pub(&client_key))).unwrap();
    let password = random_hex(12);
    let log = d.join("server.log");
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/interop/peers")
        .join(script);
    let mut child = Command::new(python())
        .arg(&script)
        .args([
            "--port",
            "0",
            "--user",
            &user,
            "--password-env",
            PASSWORD_VAR,
        ])
        .arg("--host-key")
        .arg(&host_key)
        .arg("--authorized-keys")
        .arg(&authorized)
        .args(extra)
        .env(PASSWORD_VAR, &password)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("start {}: {e}", script.display()));
    let Some(port) = read_port_line(&mut child, Duration::from_secs(30)) else {
        super::stop_child(&mut child);
        panic!(
            "{name} did not report its port:\n{}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
    };
    let known_hosts = d.join("known_hosts");
    write_known_hosts(&known_hosts, port, &read_pub(&host_key));
    Peer {
        name,
        port,
        owner: me,
        user,
        password: Some(password),
        client_key,
        known_hosts,
        data,
        log,
        procs: vec![child],
        cleanups: Vec::new(),
        keep: None,
        dir,
    }
}

/// AsyncSSH's SFTP server; `exec` is "refuse" (its own behaviour) or "silent" (never answers).
pub fn asyncssh(exec: &str) -> Peer {
    start("asyncssh", "asyncssh_server.py", &["--exec", exec])
}

pub fn paramiko() -> Peer {
    start("paramiko", "paramiko_server.py", &[])
}
