//! Transfers over several connections against a real OpenSSH sshd: big files split across them,
//! resuming after a kill, small files kept on one connection, a server that allows only one, and a
//! second factor asked once for all of them.

use crate::common;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{Sshd, bytes, snapshot};
use ferry_engine::fs::local::from_local;
use ferry_engine::ssh::prompt::NoPrompt;
use ferry_engine::transfer::{Control, Direction, Event, JobSpec, Pool, TransferOptions, run_job};

use super::transfer::{err, ferry};

#[test]
fn big_files_over_several_connections_are_exact() {
    let sshd = Sshd::start();
    let local = tempfile::tempdir().unwrap();
    let data = bytes(3, (150 << 20) + 12345);
    let src = local.path().join("lanes.bin");
    std::fs::write(&src, &data).unwrap();
    let before = logins(&sshd);
    let up = ferry(
        &sshd,
        &[
            "put",
            "--connections",
            "3",
            src.to_str().unwrap(),
            &sshd.data_url(""),
        ],
    );
    assert!(up.status.success(), "{}", err(&up));
    assert!(
        std::fs::read(sshd.data.join("lanes.bin")).unwrap() == data,
        "upload over 3 connections differs"
    );
    assert_eq!(logins(&sshd) - before, 3, "asked for 3 connections");
    // By default, on a link this fast (loopback), one connection carries the file.
    let before = logins(&sshd);
    let up = ferry(
        &sshd,
        &["put", src.to_str().unwrap(), &sshd.data_url("one.bin")],
    );
    assert!(up.status.success(), "{}", err(&up));
    assert!(std::fs::read(sshd.data.join("one.bin")).unwrap() == data);
    assert_eq!(logins(&sshd) - before, 1, "a fast link needs no lanes");
    let back = local.path().join("back.bin");
    let down = ferry(
        &sshd,
        &[
            "get",
            "--connections",
            "4",
            &sshd.data_url("lanes.bin"),
            back.to_str().unwrap(),
        ],
    );
    assert!(down.status.success(), "{}", err(&down));
    assert!(
        std::fs::read(&back).unwrap() == data,
        "download over 4 connections differs"
    );
}

#[test]
fn resume_over_several_connections_after_a_kill() {
    let mut sshd = Sshd::start();
    let data = bytes(8, 300 << 20);
    std::fs::write(sshd.data.join("big.bin"), &data).unwrap();
    let dest = tempfile::tempdir().unwrap();
    let child = sshd
        .ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .args([
            "get",
            "--connections",
            "3",
            &sshd.data_url("big.bin"),
            &format!("{}/", dest.path().display()),
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let part = dest.path().join("big.bin.ferrypart");
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::fs::metadata(&part).map(|m| m.len()).unwrap_or(0) < 60 << 20 {
        assert!(Instant::now() < deadline, "download did not start");
        std::thread::sleep(Duration::from_millis(5));
    }
    sshd.kill_with_sessions();
    std::thread::sleep(Duration::from_millis(300));
    sshd.restart();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", err(&out));
    assert!(
        std::fs::read(dest.path().join("big.bin")).unwrap() == data,
        "resumed file differs"
    );
}

/// Connections the server accepted so far (sshd logs each at LogLevel VERBOSE).
fn logins(sshd: &Sshd) -> usize {
    sshd.log().matches("Accepted publickey").count()
}

#[test]
fn small_files_share_one_connection_bigger_ones_spread() {
    let sshd = Sshd::start();
    let local = tempfile::tempdir().unwrap();
    let small = local.path().join("small");
    let medium = local.path().join("medium");
    for d in ["x", "y", "z"] {
        std::fs::create_dir_all(small.join(d)).unwrap();
        std::fs::create_dir_all(medium.join(d)).unwrap();
    }
    for i in 0..150u64 {
        let d = ["x", "y", "z"][i as usize % 3];
        std::fs::write(small.join(d).join(format!("s{i}")), bytes(i, 4096)).unwrap();
    }
    for i in 0..24u64 {
        let d = ["x", "y", "z"][i as usize % 3];
        std::fs::write(medium.join(d).join(format!("m{i}")), bytes(i, 200 << 10)).unwrap();
    }
    let put = |tree: &Path| {
        let before = logins(&sshd);
        let o = ferry(
            &sshd,
            &[
                "put",
                "-r",
                "--connections",
                "4",
                tree.to_str().unwrap(),
                &sshd.data_url(""),
            ],
        );
        assert!(o.status.success(), "{}", err(&o));
        let name = tree.file_name().unwrap();
        assert_eq!(snapshot(&sshd.data.join(name)), snapshot(tree));
        logins(&sshd) - before
    };
    // 4 KiB files: opening three more connections would cost more than it gives.
    assert_eq!(put(&small), 1, "{}", sshd.log());
    // 200 KiB files want more than one channel window in flight: every slot is used.
    assert_eq!(put(&medium), 4, "{}", sshd.log());
}

/// A server that lets the first connection in but no more (a per-user limit, a second factor
/// nobody is there to answer, a host key accepted only once): the files meant for the extra
/// connections go over the open one, every file arrives, and the person is told once.
#[tokio::test]
async fn files_go_over_the_open_connection_when_no_more_can_be_opened() {
    let sshd = Sshd::start();
    let local = tempfile::tempdir().unwrap();
    let tree = local.path().join("medium");
    std::fs::create_dir_all(&tree).unwrap();
    for i in 0..12u64 {
        std::fs::write(tree.join(format!("m{i}")), bytes(i, 200 << 10)).unwrap();
    }
    let first = Pool::new(sshd.connect_options(), Arc::new(NoPrompt), 1)
        .get(0)
        .await
        .unwrap();
    // The next connections offer a key the server does not know.
    let mut opts = sshd.connect_options();
    opts.identity_files = vec![common::keygen(local.path(), "stranger", "ed25519", "")];
    let mut pool = Pool::with_first(opts, Arc::new(NoPrompt), first, 3);
    pool.lanes_min_rtt = Duration::ZERO; // spread 200 KiB files even on loopback
    let spec = JobSpec {
        direction: Direction::Upload,
        sources: vec![from_local(&tree)],
        dest_dir: from_local(&sshd.data),
        dest_name: None,
        recursive: true,
    };
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let job = tokio::spawn(run_job(
        Arc::new(pool),
        spec,
        TransferOptions::default(),
        Control::new(),
        tx,
    ));
    let mut notes = Vec::new();
    while let Some(ev) = rx.recv().await {
        if let Event::Note(n) = ev {
            notes.push(n.to_string());
        }
    }
    let summary = job.await.unwrap().unwrap();
    assert_eq!(
        (summary.files_done, summary.files_failed),
        (12, 0),
        "{:?}",
        summary.failures
    );
    assert_eq!(snapshot(&sshd.data.join("medium")), snapshot(&tree));
    let told = notes
        .iter()
        .filter(|n| n.starts_with("Could not open one more connection"))
        .count();
    assert_eq!(told, 1, "{notes:?}");
}

/// Runs `spec` on `pool` to its end; the summary, or why nothing could start.
async fn run(
    pool: &Arc<Pool>,
    spec: JobSpec,
) -> ferry_engine::error::Result<ferry_engine::transfer::JobSummary> {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let job = tokio::spawn(run_job(
        pool.clone(),
        spec,
        TransferOptions::default(),
        Control::new(),
        tx,
    ));
    while rx.recv().await.is_some() {}
    job.await.unwrap()
}

/// A login that needs keyboard-interactive answers (a second factor: a one-time code cannot be
/// sent twice) is answered once: the job's four connections are SFTP channels on that one login,
/// and every file arrives. When that connection is lost, logging in again asks the person once
/// more; nobody answering is said plainly, and an answer lets the next job go on.
#[tokio::test]
async fn a_second_factor_is_asked_once_and_the_connections_share_that_login() {
    if !common::is_root() {
        eprintln!("skipped: keyboard-interactive logins need the root-created test account");
        return;
    }
    let mut sshd = Sshd::start_with(common::SshdOptions {
        auth_methods: "keyboard-interactive".into(),
        ..Default::default()
    });
    let local = tempfile::tempdir().unwrap();
    let tree = local.path().join("medium");
    std::fs::create_dir_all(&tree).unwrap();
    for i in 0..12u64 {
        std::fs::write(tree.join(format!("m{i}")), bytes(i, 200 << 10)).unwrap();
    }
    let mut opts = sshd.connect_options();
    opts.identity_files.clear();
    let person = Arc::new(common::Scripted {
        interactive: vec![sshd.password.clone().unwrap()],
        ..Default::default()
    });
    person.answer_more(1);
    let mut pool = Pool::new(opts, person.clone(), 4);
    pool.lanes_min_rtt = Duration::ZERO; // spread 200 KiB files even on loopback
    let pool = Arc::new(pool);
    let upload = JobSpec {
        direction: Direction::Upload,
        sources: vec![from_local(&tree)],
        dest_dir: from_local(&sshd.data),
        dest_name: None,
        recursive: true,
    };
    let summary = run(&pool, upload).await.expect("upload");
    assert_eq!(
        (summary.files_done, summary.files_failed),
        (12, 0),
        "{:?}",
        summary.failures
    );
    assert_eq!(snapshot(&sshd.data.join("medium")), snapshot(&tree));
    assert_eq!(person.asked().len(), 1, "{:?}", person.asked());
    let log = sshd.log();
    assert_eq!(
        log.matches("Accepted keyboard-interactive").count(),
        1,
        "{log}"
    );
    assert!(
        log.matches("Starting session: subsystem 'sftp'").count() > 1,
        "the other connections were not opened: {log}"
    );

    // The server restarts: the one login is gone, and logging in again needs the person.
    let held = pool.get(0).await.expect("the open link");
    sshd.kill_with_sessions();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !held.is_closed() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(held.is_closed(), "the killed connection still looks open");
    sshd.restart();
    let back = tempfile::tempdir().unwrap();
    let download = JobSpec {
        direction: Direction::Download,
        sources: vec![from_local(&sshd.data.join("medium"))],
        dest_dir: from_local(back.path()),
        dest_name: None,
        recursive: true,
    };
    let err = run(&pool, download.clone()).await.unwrap_err();
    assert!(
        matches!(err, ferry_engine::error::Error::LoginNeedsPerson { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("one-time code"), "{err}");
    assert_eq!(person.asked().len(), 2, "{:?}", person.asked());

    person.answer_more(1);
    let summary = run(&pool, download).await.expect("download");
    assert_eq!((summary.files_done, summary.files_failed), (12, 0));
    assert_eq!(snapshot(&back.path().join("medium")), snapshot(&tree));
    assert_eq!(person.asked().len(), 3, "{:?}", person.asked());
    assert_eq!(
        sshd.log().matches("Accepted keyboard-interactive").count(),
        1
    );
    pool.close().await;
}
