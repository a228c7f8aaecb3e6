//! Continuing what an earlier run left: the rule for a leftover `.ferrypart` (continued only when it
//! is this source's), and the saved queue resuming after a restart.

use crate::common;

use std::path::Path;
use std::process::Output;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{Sshd, bytes};
use ferry_engine::fs::local::from_local;
use ferry_engine::ssh::prompt::NoPrompt;
use ferry_engine::transfer::{
    ConflictPolicy, Control, Direction, Event, JobSpec, Pool, TransferOptions,
};

use super::transfer::{err, ferry};

fn corrupt_partial(part: &Path, good: &[u8], len: usize) {
    let mut p = good[..len].to_vec();
    for b in &mut p[..1 << 20] {
        *b ^= 0xff; // damage the start, which a resume does not re-copy
    }
    std::fs::write(part, p).unwrap();
}

/// The rule for a leftover `.ferrypart` (`crates/ferry-engine/src/transfer/partid.rs`): it is continued only
/// when it was started from this very source (size and mtime recorded beside it) and, where the
/// server computes checksums, its bytes are the source's. Anything else starts again from zero, so
/// a changed source is never spliced onto an old prefix; an existing file the person chose to
/// continue (`--on-conflict resume`) that is not the source's beginning fails instead.
#[test]
fn a_partial_file_is_continued_only_if_it_is_this_sources() {
    let sshd = Sshd::start();
    let data = bytes(77, 40 << 20);
    let src = sshd.data.join("v.bin");
    std::fs::write(&src, &data).unwrap();
    let dest = tempfile::tempdir().unwrap();
    let part = dest.path().join("v.bin.ferrypart");
    let get = |extra: &[&str]| {
        let url = sshd.data_url("v.bin");
        let into = format!("{}/", dest.path().display());
        let mut args = vec!["get", "-v"];
        args.extend_from_slice(extra);
        args.extend([url.as_str(), into.as_str()]);
        ferry(&sshd, &args)
    };
    let fresh = |out: &Output| !err(out).contains("resum") && !err(out).contains("already there");

    // 1. A partial file with no id (another program's, or an older Ferry's): started again.
    std::fs::write(&part, bytes(5, 30 << 20)).unwrap();
    let out = get(&[]);
    assert!(out.status.success(), "{}", err(&out));
    assert!(
        fresh(&out),
        "continued a partial file of unknown origin: {}",
        err(&out)
    );
    assert!(std::fs::read(dest.path().join("v.bin")).unwrap() == data);
    std::fs::remove_file(dest.path().join("v.bin")).unwrap();

    // 2. The id of this source but damaged bytes (the source was rewritten in place and its
    //    time put back): the prefix checksum tells, and the copy starts again.
    corrupt_partial(&part, &data, 30 << 20);
    common::plant_part_id(&dest.path().join("v.bin"), &src);
    let out = get(&["--verify"]);
    assert!(out.status.success(), "{}", err(&out));
    assert!(fresh(&out), "spliced onto a damaged prefix: {}", err(&out));
    assert!(std::fs::read(dest.path().join("v.bin")).unwrap() == data);
    std::fs::remove_file(dest.path().join("v.bin")).unwrap();

    // 3. The id says another version of the source (another size): started again.
    std::fs::write(&part, &data[..30 << 20]).unwrap();
    std::fs::write(
        dest.path().join("v.bin.ferrypart-id"),
        "ferry partial file v1\nsize 999999999\nmtime 1\n",
    )
    .unwrap();
    let out = get(&[]);
    assert!(
        fresh(&out),
        "continued another version's partial file: {}",
        err(&out)
    );
    assert!(std::fs::read(dest.path().join("v.bin")).unwrap() == data);
    std::fs::remove_file(dest.path().join("v.bin")).unwrap();

    // 4. This source's partial file, intact: continued, and nothing of it is left afterwards.
    std::fs::write(&part, &data[..30 << 20]).unwrap();
    common::plant_part_id(&dest.path().join("v.bin"), &src);
    let out = get(&[]);
    assert!(out.status.success(), "{}", err(&out));
    assert!(
        !fresh(&out),
        "started again instead of continuing: {}",
        err(&out)
    );
    assert!(std::fs::read(dest.path().join("v.bin")).unwrap() == data);
    assert!(!part.exists() && !dest.path().join("v.bin.ferrypart-id").exists());

    // 5. "Resume" on an existing file that is not the source's beginning: refused, not spliced,
    //    and the file is left as it was.
    corrupt_partial(&dest.path().join("v.bin"), &data, 30 << 20);
    let before = std::fs::read(dest.path().join("v.bin")).unwrap();
    let out = get(&["--on-conflict", "resume"]);
    assert!(!out.status.success());
    assert!(err(&out).contains("not the beginning"), "{}", err(&out));
    assert!(std::fs::read(dest.path().join("v.bin")).unwrap() == before);

    // Upload: the same rule on the server's side.
    let local = dest.path().join("up.bin");
    std::fs::write(&local, &data).unwrap();
    corrupt_partial(&sshd.data.join("up.bin.ferrypart"), &data, 30 << 20);
    common::plant_part_id(&sshd.data.join("up.bin"), &local);
    sshd.chown_data();
    let out = ferry(
        &sshd,
        &[
            "put",
            "-v",
            "--verify",
            local.to_str().unwrap(),
            &sshd.data_url(""),
        ],
    );
    assert!(out.status.success(), "{}", err(&out));
    assert!(fresh(&out), "spliced onto a damaged prefix: {}", err(&out));
    assert_eq!(std::fs::read(sshd.data.join("up.bin")).unwrap(), data);
    assert!(!sshd.data.join("up.bin.ferrypart-id").exists());
}

#[tokio::test]
async fn saved_queue_resumes_after_a_restart() {
    use ferry_engine::transfer::queue::{JobState, Queue, SiteRef};
    let sshd = Sshd::start();
    let data = bytes(11, 120 << 20);
    std::fs::write(sshd.data.join("q.bin"), &data).unwrap();
    let dest = tempfile::tempdir().unwrap();
    let queue_path = dest.path().join("state/queue.json");
    let site = SiteRef {
        host: "127.0.0.1".into(),
        port: sshd.port,
        user: sshd.user.clone(),
    };
    let spec = JobSpec {
        direction: Direction::Download,
        sources: vec![from_local(&sshd.data.join("q.bin"))],
        dest_dir: from_local(dest.path()),
        dest_name: None,
        recursive: false,
    };

    // First run: the process "crashes" (the task is dropped) part-way through.
    let queue = std::sync::Mutex::new(Queue::load(&queue_path).0);
    let id = queue
        .lock()
        .unwrap()
        .add(site.clone(), vec![spec], ConflictPolicy::Overwrite, false)
        .unwrap();
    let pool = Arc::new(Pool::new(sshd.connect_options(), Arc::new(NoPrompt), 1));
    let part = dest.path().join("q.bin.ferrypart");
    {
        let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
        let opts = TransferOptions::default();
        let run =
            ferry_engine::transfer::run_saved(&queue, id, pool.clone(), opts, Control::new(), tx);
        tokio::pin!(run);
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            tokio::select! {
                r = &mut run => panic!("finished before the simulated crash: {r:?}"),
                _ = tokio::time::sleep(Duration::from_millis(5)) => {}
            }
            if std::fs::metadata(&part).map(|m| m.len()).unwrap_or(0) > 40 << 20 {
                break;
            }
            assert!(Instant::now() < deadline);
        }
    }
    pool.close().await;
    drop(queue);
    let partial = std::fs::metadata(&part).unwrap().len();

    // Restart: the queue file says the job is unfinished; running it continues the partial file.
    let (q, warning) = Queue::load(&queue_path);
    assert!(warning.is_none());
    let unfinished = q.unfinished_for(&site);
    assert_eq!(unfinished.len(), 1, "{:?}", q.jobs());
    assert_eq!(unfinished[0].state, JobState::Queued);
    let queue = std::sync::Mutex::new(q);
    let pool = Arc::new(Pool::new(sshd.connect_options(), Arc::new(NoPrompt), 1));
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let summary = ferry_engine::transfer::run_saved(
        &queue,
        id,
        pool,
        TransferOptions::default(),
        Control::new(),
        tx,
    )
    .await
    .unwrap();
    assert_eq!(
        (summary.files_done, summary.files_failed),
        (1, 0),
        "{:?}",
        summary.failures
    );
    assert!(
        std::fs::read(dest.path().join("q.bin")).unwrap() == data,
        "resumed copy differs"
    );
    assert_eq!(queue.lock().unwrap().get(id).unwrap().state, JobState::Done);
    let mut resumed_at = None;
    while let Ok(ev) = rx.try_recv() {
        if let Event::FileResumed { offset, .. } = ev {
            resumed_at = Some(offset);
        }
    }
    let resumed_at = resumed_at.expect("the copy was resumed, not restarted");
    assert!(
        partial > 0 && resumed_at <= partial && resumed_at + (17 << 20) >= partial,
        "{resumed_at} vs {partial}"
    );
    let saved = std::fs::read_to_string(&queue_path).unwrap();
    assert!(!saved.to_lowercase().contains("password"));
}
