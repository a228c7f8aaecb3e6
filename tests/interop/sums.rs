//! Checksums and copies over exec on servers whose only tools are commands: an AsyncSSH server
//! that runs `md5sum` and `sha1sum` only, SFTPGo-style (no shell, no options), and one whose
//! commands go to `/bin/sh` and whose SFTP has no `copy-data` (the `cp -p --` fallback), both
//! with names a shell would misread.

use crate::common::bytes;
use crate::peers;

use std::sync::Arc;

use ferry_engine::fs::local::from_local;
use ferry_engine::fs::sftp::checksum::{Algo, SumWay, local_sum};
use ferry_engine::fs::sftp::duplicate::{CopyOptions, CopyWay};
use ferry_engine::fs::sftp::{SftpFs, SftpOptions};
use ferry_engine::ssh::connect;
use ferry_engine::ssh::prompt::NoPrompt;
use ferry_engine::transfer::{Control, Direction, Event, JobSpec, Pool, TransferOptions, run_job};

/// Names a shell reads as more than a name.
const HOSTILE: &[&str] = &[
    "it's $(touch pwned) `touch pwned2`.txt",
    "a  b;rm -rf x",
    "*",
];

async fn session(peer: &peers::Peer) -> SftpFs {
    let conn = Arc::new(
        connect(&peer.connect_options(false), Arc::new(NoPrompt))
            .await
            .expect("connect"),
    );
    let sftp = SftpFs::open(&conn, SftpOptions::default())
        .await
        .expect("sftp");
    std::mem::forget(conn);
    sftp
}

#[tokio::test]
async fn md5sum_and_sha1sum_only_verify_by_sha1() {
    let peer = peers::python::asyncssh("sums");
    let sftp = session(&peer).await;
    let file = peer.data.join(HOSTILE[0]);
    std::fs::write(&file, bytes(4, 70_000)).unwrap();
    // The strongest of the two, learned once; sha256sum and sha512sum were asked and refused.
    let way = sftp
        .sum_way(&from_local(&file), 70_000, None)
        .await
        .unwrap();
    assert_eq!(way, SumWay::Exec(Algo::Sha1));
    let theirs = sftp
        .remote_sum(way, &from_local(&file), 70_000, false)
        .await
        .unwrap()
        .expect("a sum");
    assert_eq!(theirs, local_sum(&file, Algo::Sha1, false).await.unwrap());
    let md5 = sftp
        .sum_way(&from_local(&file), 70_000, Some(Algo::Md5))
        .await
        .unwrap();
    assert_eq!(md5, SumWay::Exec(Algo::Md5));
    assert!(!peer.data.join("pwned").exists() && !peer.data.join("pwned2").exists());

    // An upload with --verify says sha1 checked it.
    let local = tempfile::tempdir().unwrap();
    let src = local.path().join(HOSTILE[1]);
    std::fs::write(&src, bytes(5, 300_000)).unwrap();
    let pool = Arc::new(Pool::new(
        peer.connect_options(false),
        Arc::new(NoPrompt),
        1,
    ));
    let spec = JobSpec {
        direction: Direction::Upload,
        sources: vec![from_local(&src)],
        dest_dir: from_local(&peer.data),
        dest_name: None,
        recursive: false,
    };
    let opts = TransferOptions {
        verify: true,
        ..Default::default()
    };
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let summary = run_job(pool.clone(), spec, opts, Control::new(), tx)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(summary.files_done, 1, "{:?}", summary.failures);
    let mut checked = None;
    while let Ok(ev) = rx.try_recv() {
        if let Event::FileDone { checked: c, .. } = ev {
            checked = c;
        }
    }
    assert_eq!(checked.as_deref(), Some("sha1 (sha1sum)"));
    assert_eq!(
        std::fs::read(peer.data.join(HOSTILE[1])).unwrap(),
        bytes(5, 300_000)
    );
}

/// Sums that never agree: the file is copied again once (the server asked for three sums: one
/// to learn the way, one per attempt), then fails with both sums shown, and nothing is left
/// under its name or as a partial file.
#[tokio::test]
async fn a_mismatch_is_retried_once_then_fails_with_both_sums() {
    let peer = peers::python::asyncssh("badsums");
    let local = tempfile::tempdir().unwrap();
    let src = local.path().join("f.bin");
    std::fs::write(&src, bytes(6, 100_000)).unwrap();
    let pool = Arc::new(Pool::new(
        peer.connect_options(false),
        Arc::new(NoPrompt),
        1,
    ));
    let spec = JobSpec {
        direction: Direction::Upload,
        sources: vec![from_local(&src)],
        dest_dir: from_local(&peer.data),
        dest_name: None,
        recursive: false,
    };
    let opts = TransferOptions {
        verify: true,
        ..Default::default()
    };
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
    let summary = run_job(pool.clone(), spec, opts, Control::new(), tx)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(summary.files_done, 0);
    let failure = summary
        .failures
        .first()
        .expect("a failure")
        .error
        .to_string();
    let ours = local_sum(&src, Algo::Sha1, false).await.unwrap().hex();
    assert!(
        failure.contains(&format!("local sha1 {ours}")) && failure.contains("server sha1 "),
        "{failure}"
    );
    let log = std::fs::read_to_string(&peer.log).unwrap();
    assert_eq!(log.matches("exec sha1sum").count(), 3, "{log}");
    assert!(!peer.data.join("f.bin").exists());
    assert!(!peer.data.join("f.bin.ferrypart").exists());
}

#[tokio::test]
async fn cp_over_exec_quotes_hostile_names() {
    let peer = peers::python::asyncssh("shell");
    let sftp = session(&peer).await;
    assert!(!sftp.extensions().copy_data);
    for (i, name) in HOSTILE.iter().enumerate() {
        std::fs::write(peer.data.join(name), bytes(i as u64, 1000 + i)).unwrap();
    }
    let allowed = CopyOptions {
        exec_cp: true,
        ..Default::default()
    };
    for (i, name) in HOSTILE.iter().enumerate() {
        let from = from_local(&peer.data.join(name));
        let to = from_local(&peer.data.join(format!("copy of {name}")));
        let r = sftp.copy_on_server(&from, &to, allowed).await.expect("cp");
        assert_eq!(r.ways.get(&CopyWay::ExecCp), Some(&1), "{name}: {r:?}");
        assert_eq!(
            std::fs::read(peer.data.join(format!("copy of {name}"))).unwrap(),
            bytes(i as u64, 1000 + i)
        );
    }
    assert!(!peer.data.join("pwned").exists() && !peer.data.join("pwned2").exists());
    // Not allowed for this site: streamed through the client instead, the same bytes.
    let from = from_local(&peer.data.join(HOSTILE[0]));
    let to = from_local(&peer.data.join("streamed"));
    let r = sftp
        .copy_on_server(&from, &to, CopyOptions::default())
        .await
        .expect("streamed");
    assert_eq!(r.ways.get(&CopyWay::Streamed), Some(&1), "{r:?}");
    assert_eq!(
        std::fs::read(peer.data.join("streamed")).unwrap(),
        bytes(0, 1000)
    );
}
