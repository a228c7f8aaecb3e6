//! dropbear (Debian's `dropbear-bin`), which has no SFTP of its own and runs OpenSSH's
//! `sftp-server` for the subsystem. Root only: dropbear switches to the test account itself.
//!
//! dropbear 2022.83 reads public keys only from `~/.ssh/authorized_keys` of the account, so the
//! fixture appends its client key there (tagged with a unique comment, under a file lock shared
//! by every test process) and takes exactly that line out again on drop.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use super::{Peer, random_hex, run_ok, wait_listening, workdir, write_known_hosts};
use crate::common::{chown_to, free_port, is_root, keygen, read_pub, test_account};

fn home_of(user: &str) -> PathBuf {
    let line = run_ok(Command::new("getent").args(["passwd", user]));
    PathBuf::from(line.trim().split(':').nth(5).expect("home field"))
}

fn with_lock<T>(f: impl FnOnce() -> T) -> T {
    let lock = std::fs::File::create("/var/lib/ferry-tests/authorized_keys.lock").unwrap();
    lock.lock().unwrap();
    f()
}

/// Adds `line` to the account's authorized_keys; returns the file.
fn authorize(user: &str, line: &str) -> PathBuf {
    let ssh = home_of(user).join(".ssh");
    let file = ssh.join("authorized_keys");
    with_lock(|| {
        std::fs::create_dir_all(&ssh).unwrap();
        std::fs::set_permissions(&ssh, std::fs::Permissions::from_mode(0o700)).unwrap();
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&file)
            .unwrap();
        writeln!(f, "{line}").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        chown_to(&ssh, user);
    });
    file
}

fn unauthorize(file: &Path, tag: &str) {
    with_lock(|| {
        if let Ok(s) = std::fs::read_to_string(file) {
            let kept: String = s
                .lines()
                .filter(|l| !l.contains(tag))
                .map(|l| format!("{l}\n"))
                .collect();
            let _ = std::fs::write(file, kept);
        }
    });
}

pub fn start() -> Option<Peer> {
    if !is_root() {
        return None;
    }
    let (user, password) = test_account();
    let (dir, data) = workdir("ferry-peer-dropbear-", &user);
    let d = dir.path().to_path_buf();
    let host_key = d.join("host_ed25519.dropbear");
    run_ok(
        Command::new("dropbearkey")
            .args(["-t", "ed25519", "-f"])
            .arg(&host_key),
    );
    let host_pub = run_ok(
        Command::new("dropbearkey")
            .arg("-y")
            .arg("-f")
            .arg(&host_key),
    );
    let host_pub = host_pub
        .lines()
        .find(|l| l.starts_with("ssh-"))
        .expect("dropbearkey -y prints the public key")
        .to_string();
    let client_key = keygen(&d, "client_ed25519", "ed25519", "");
    let tag = format!("ferry-dropbear-{}", random_hex(8));
    let public = read_pub(&client_key);
    let pubkey: Vec<&str> = public.split_whitespace().take(2).collect();
    let auth_file = authorize(&user, &format!("{} {tag}", pubkey.join(" ")));
    let log = d.join("dropbear.log");
    let known_hosts = d.join("known_hosts");

    for _ in 0..5 {
        let port = free_port();
        let mut child = Command::new("dropbear")
            .args(["-F", "-E", "-m", "-w", "-p", &format!("127.0.0.1:{port}")])
            .arg("-r")
            .arg(&host_key)
            .arg("-P")
            .arg(d.join("dropbear.pid"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("start dropbear");
        if !wait_listening(&mut child, port, Duration::from_secs(10)) {
            super::stop_child(&mut child);
            continue;
        }
        write_known_hosts(&known_hosts, port, &host_pub);
        let (file, tag) = (auth_file.clone(), tag.clone());
        return Some(Peer {
            name: "dropbear",
            port,
            owner: user.clone(),
            user,
            password,
            client_key,
            known_hosts,
            data,
            log,
            procs: vec![child],
            cleanups: vec![Box::new(move || unauthorize(&file, &tag))],
            keep: None,
            dir,
        });
    }
    unauthorize(&auth_file, &tag);
    panic!(
        "dropbear did not start:\n{}",
        std::fs::read_to_string(&log).unwrap_or_default()
    );
}
