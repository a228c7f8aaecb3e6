//! The engine's transfer manager against a real sshd: `spawn` gives a handle and a stream of
//! updates; dropping the handle cancels the job (the queue records it cancelled, nothing lands at
//! the destination); interrupting it keeps it unfinished in the saved queue, with the options it
//! was started with, and running it again continues the partial file to an exact copy.

use crate::common;

use std::sync::Arc;

use common::{Sshd, bytes};
use ferry_engine::fs::local::from_local;
use ferry_engine::ssh::prompt::NoPrompt;
use ferry_engine::transfer::manager::{self, Update, Updates, Work};
use ferry_engine::transfer::queue::{JobState, SiteRef};
use ferry_engine::transfer::{
    ConflictPolicy, Direction, Event, JobSpec, JobSummary, Pool, TransferOptions,
};

use futures::StreamExt;

/// Reads updates until the job has copied more than `bytes`.
async fn until_copied(updates: &mut Updates, bytes: u64) {
    while let Some(u) = updates.next().await {
        match u {
            Update::Event(Event::Progress(s)) if s.bytes_done > bytes => return,
            Update::Finished { result, .. } => panic!("finished too soon: {result:?}"),
            _ => {}
        }
    }
    panic!("the updates ended without a result");
}

/// Reads the rest of the updates: the job's result and whether it was kept unfinished.
async fn finish(
    mut updates: Updates,
) -> (
    ferry_engine::error::Result<JobSummary>,
    Option<ferry_engine::error::Result<()>>,
) {
    while let Some(u) = updates.next().await {
        if let Update::Finished { result, kept } = u {
            assert!(updates.next().await.is_none(), "updates after Finished");
            return (result, kept);
        }
    }
    panic!("the updates ended without a result");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_handle_cancels_and_an_interrupted_job_is_kept_and_continued() {
    let sshd = Sshd::start();
    let data = bytes(5, 128 << 20);
    std::fs::write(sshd.data.join("m.bin"), &data).unwrap();
    sshd.chown_data();
    let dest = tempfile::tempdir().unwrap();
    let (queue, warning) = manager::store::open(dest.path().join("state/queue.json"))
        .await
        .unwrap();
    assert!(warning.is_none());
    let site = SiteRef {
        host: "127.0.0.1".into(),
        port: sshd.port,
        user: sshd.user.clone(),
    };
    let spec = JobSpec {
        direction: Direction::Download,
        sources: vec![from_local(&sshd.data.join("m.bin"))],
        dest_dir: from_local(dest.path()),
        dest_name: None,
        recursive: false,
    };
    let opts = TransferOptions {
        parallel_files: 1,
        conflict: ConflictPolicy::Overwrite,
        preserve_permissions: true,
        ..TransferOptions::default()
    };
    let pool = || Arc::new(Pool::new(sshd.connect_options(), Arc::new(NoPrompt), 1));
    let jobs = || manager::store::unfinished(&queue);

    // Dropped: the job stops, is recorded as cancelled, and leaves no file at the destination.
    let (handle, mut updates) = manager::spawn(
        pool(),
        Work::New(queue.clone(), site.clone(), spec.clone()),
        opts.clone(),
    );
    until_copied(&mut updates, 0).await;
    drop(handle);
    let (result, kept) = finish(updates).await;
    assert_eq!(result.unwrap().files_done, 0);
    assert!(kept.is_none());
    assert!(jobs().is_empty(), "a cancelled job is not unfinished");
    let cancelled = queue.lock().unwrap().jobs().last().unwrap().clone();
    assert_eq!(cancelled.state, JobState::Cancelled);
    assert!(!dest.path().join("m.bin").exists());

    // Interrupted (Ctrl-C): kept unfinished, with the options it was started with.
    let (handle, mut updates) = manager::spawn(
        pool(),
        Work::New(queue.clone(), site.clone(), spec.clone()),
        opts.clone(),
    );
    // Past the 16 MiB a resume backs off (writes in flight may have left holes before the end).
    until_copied(&mut updates, 48 << 20).await;
    handle.interrupt();
    let (_, kept) = finish(updates).await;
    assert!(matches!(kept, Some(Ok(()))), "{kept:?}");
    let [job] = jobs().try_into().expect("one unfinished job");
    assert!(job.options.is_some_and(|o| o.preserve_permissions));
    assert_ne!(job.id, cancelled.id);

    // Run again: it continues the partial file and ends exact, recorded as done.
    let (_handle, updates) = manager::spawn(
        pool(),
        Work::Saved(queue.clone(), job.id),
        TransferOptions::default(),
    );
    let (result, kept) = finish(updates).await;
    let summary = result.unwrap();
    assert_eq!((summary.files_done, summary.files_failed), (1, 0));
    assert!(summary.resumed > 0, "the partial file was not continued");
    assert!(kept.is_none());
    assert!(std::fs::read(dest.path().join("m.bin")).unwrap() == data);
    assert!(jobs().is_empty());
    assert_eq!(
        queue.lock().unwrap().get(job.id).unwrap().state,
        JobState::Done
    );
}
