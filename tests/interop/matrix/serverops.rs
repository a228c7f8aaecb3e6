//! The matrix's server-side scenarios: a copy within the server (`copy-data` where offered,
//! `copy-file` where ProFTPD handles it, else streamed through the client), checked on disk, with
//! the way each server took in the table.

use std::time::Instant;

use ferry_engine::fs::sftp::duplicate::{CopyOptions, CopyWay};

use super::scenarios::{check, give_to, remote, session};
use super::{Outcome, Peer, bytes, snapshot};

/// The way a server is expected to copy (what it advertises; ProFTPD handles `copy-file`
/// without advertising it at SFTP v3).
fn expected(peer: &Peer) -> CopyWay {
    match peer.name {
        "openssh-internal" | "openssh-sftp-server" | "dropbear" | "asyncssh" => CopyWay::CopyData,
        "proftpd" => CopyWay::CopyFile,
        _ => CopyWay::Streamed,
    }
}

pub(super) async fn server_copy(peer: &Peer) -> Outcome {
    let dir = peer.data.join("scopy");
    std::fs::create_dir_all(dir.join("tree/sub")).unwrap();
    std::fs::write(dir.join("tree/sub/big"), bytes(11, 600 * 1024 + 5)).unwrap();
    std::fs::write(dir.join("tree/top"), bytes(12, 10)).unwrap();
    std::fs::write(dir.join("tree/empty"), b"").unwrap();
    give_to(peer, &dir);
    let (_conn, sftp) = session(peer, false).await?;
    let started = Instant::now();
    let report = sftp
        .copy_on_server(
            &remote(&dir.join("tree")),
            &remote(&dir.join("copy")),
            CopyOptions::default(),
        )
        .await
        .map_err(|e| format!("copy: {e}"))?;
    let took = started.elapsed();
    check(
        snapshot(&dir.join("copy")) == snapshot(&dir.join("tree")),
        || "the copy differs from its source".into(),
    )?;
    let want = expected(peer);
    check(report.ways.get(&want) == Some(&3), || {
        format!("expected 3 files by {}: {:?}", want.name(), report.ways)
    })?;
    Ok(format!("{} ({} ms)", want.name(), took.as_millis()))
}
