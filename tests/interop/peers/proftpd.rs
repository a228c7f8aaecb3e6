//! ProFTPD's `mod_sftp` (Debian's `proftpd-core` + `proftpd-mod-crypto`), run as root in the
//! foreground with a config of its own: its own pid, scoreboard and log files, no system config,
//! no FTP. Root only (it logs the test account in with the system's password database).
//!
//! mod_sftp reads authorized keys in RFC 4716 form (`ssh-keygen -e`), not OpenSSH's one-line form.

use std::process::{Command, Stdio};
use std::time::Duration;

use super::{Peer, run_ok, wait_listening, workdir, write_known_hosts};
use crate::common::{free_port, is_root, keygen, read_pub, test_account};

pub fn start() -> Option<Peer> {
    if !is_root() {
        return None;
    }
    let (user, password) = test_account();
    let (dir, data) = workdir("ferry-peer-proftpd-", &user);
    let d = dir.path().to_path_buf();
    let host_key = keygen(&d, "host_ed25519", "ed25519", "");
    let client_key = keygen(&d, "client_ed25519", "ed25519", "");
    let rfc4716 = d.join("authorized_keys.rfc4716");
    let exported = run_ok(
        Command::new("ssh-keygen")
            .arg("-e")
            .arg("-f")
            .arg(client_key.with_extension("pub")),
    );
    std::fs::write(&rfc4716, exported).unwrap();
    let log = d.join("sftp.log");
    let known_hosts = d.join("known_hosts");

    for _ in 0..5 {
        let port = free_port();
        let config = d.join("proftpd.conf");
        let p = |name: &str| d.join(name).display().to_string();
        // AllowOverwrite: ProFTPD refuses to overwrite (or resume) an existing file by default;
        // sites that let users upload turn it on. Without it Ferry reports "Permission denied".
        std::fs::write(
            &config,
            format!(
                "ServerName \"ferry-test\"\nServerType standalone\nDefaultServer on\n\
                 Port {port}\nDefaultAddress 127.0.0.1\nSocketBindTight on\nUseIPv6 off\n\
                 User nobody\nGroup nogroup\nPidFile {pid}\nScoreboardFile {score}\n\
                 DelayTable none\nWtmpLog off\nTransferLog none\nSystemLog {syslog}\n\
                 RequireValidShell off\nUseReverseDNS off\nAuthOrder mod_auth_unix.c\n\
                 AllowOverwrite on\n\
                 ModulePath /usr/lib/proftpd\nLoadModule mod_sftp.c\n\
                 <IfModule mod_ctrls.c>\n  ControlsEngine off\n</IfModule>\n\
                 SFTPEngine on\nSFTPLog {sftplog}\nSFTPHostKey {host}\n\
                 SFTPAuthorizedUserKeys file:{keys}\nSFTPAuthMethods publickey password\n",
                pid = p("proftpd.pid"),
                score = p("proftpd.scoreboard"),
                syslog = p("system.log"),
                sftplog = log.display(),
                host = host_key.display(),
                keys = rfc4716.display(),
            ),
        )
        .unwrap();
        run_ok(Command::new("proftpd").arg("-t").arg("-c").arg(&config));
        let mut child = Command::new("proftpd")
            .arg("-n")
            .arg("-c")
            .arg(&config)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(d.join("proftpd.stderr")).unwrap())
            .spawn()
            .expect("start proftpd");
        if !wait_listening(&mut child, port, Duration::from_secs(10)) {
            super::stop_child(&mut child);
            continue;
        }
        write_known_hosts(&known_hosts, port, &read_pub(&host_key));
        return Some(Peer {
            name: "proftpd",
            port,
            owner: user.clone(),
            user,
            password,
            client_key,
            known_hosts,
            data,
            log,
            procs: vec![child],
            cleanups: Vec::new(),
            keep: None,
            dir,
        });
    }
    panic!(
        "proftpd did not start:\n{}",
        std::fs::read_to_string(d.join("proftpd.stderr")).unwrap_or_default()
    );
}
