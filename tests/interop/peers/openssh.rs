//! OpenSSH sshd (the `tests/common` fixture) serving SFTP with `internal-sftp` or with the
//! separate `sftp-server` program named in `Subsystem`.

use super::Peer;
use crate::common::{Sshd, SshdOptions};

fn wrap(name: &'static str, sshd: Sshd) -> Peer {
    let dir = tempfile::Builder::new()
        .prefix("ferry-peer-openssh-")
        .tempdir()
        .unwrap();
    Peer {
        name,
        port: sshd.port,
        user: sshd.user.clone(),
        owner: sshd.user.clone(),
        password: sshd.password.clone(),
        client_key: sshd.client_key.clone(),
        known_hosts: sshd.known_hosts.clone(),
        data: sshd.data.clone(),
        log: sshd.dir.path().join("sshd.log"),
        procs: Vec::new(),
        cleanups: Vec::new(),
        keep: Some(Box::new(sshd)),
        dir,
    }
}

pub fn internal_sftp() -> Peer {
    wrap("openssh-internal", Sshd::start())
}

pub fn sftp_server() -> Peer {
    wrap(
        "openssh-sftp-server",
        Sshd::start_with(SshdOptions {
            subsystem: "/usr/lib/openssh/sftp-server".into(),
            ..Default::default()
        }),
    )
}
