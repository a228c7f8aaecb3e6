//! The engine's edit session as the window will drive it: a save compared with the server's copy,
//! and each way of settling a conflict (overwrite, keep both, discard mine), a change only the
//! server's checksum shows, on a real sshd.

use crate::common;

use std::sync::Arc;

use common::Sshd;
use ferry_engine::edit::{self, EditOptions, EditRoot, EditSession, Finished, Resolution, Synced};
use ferry_engine::fs::local::from_local;
use ferry_engine::ssh::prompt::NoPrompt;
use ferry_engine::transfer::Pool;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conflicts_are_settled_as_the_caller_says() {
    let sshd = Sshd::start();
    let server = sshd.data.join("doc.txt");
    std::fs::write(&server, "v1\n").unwrap();
    sshd.chown_data();
    let pool = Arc::new(Pool::new(sshd.connect_options(), Arc::new(NoPrompt), 1));
    let cache = tempfile::tempdir().unwrap();
    let root = EditRoot::create(cache.path()).unwrap();
    let mode = |p: &std::path::Path| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    };
    assert_eq!(mode(root.dir()), 0o700);
    let at = edit::inspect(&pool, &from_local(&server)).await.unwrap();
    let mut s = EditSession::open(&root, pool.clone(), &at, EditOptions::default())
        .await
        .unwrap();
    assert_eq!(std::fs::read_to_string(s.local_path()).unwrap(), "v1\n");
    assert_eq!(s.sync().await.unwrap(), Synced::Unchanged);

    // Theirs, then mine: a conflict, and the server's copy stays theirs.
    std::fs::write(&server, "theirs\n").unwrap();
    std::fs::write(s.local_path(), "mine\n").unwrap();
    assert!(matches!(s.sync().await.unwrap(), Synced::Conflict(_)));
    assert_eq!(std::fs::read_to_string(&server).unwrap(), "theirs\n");
    assert!(s.pending());
    // What a crash would leave for the next start: the edit, not on the server.
    let record = edit::Record::read(s.record_path()).unwrap();
    assert!(record.pending);
    assert_eq!(record.remote, from_local(&server));
    assert_eq!(record.local, s.local_path());

    // Keep both: mine beside theirs, and later saves go there.
    match s.resolve(Resolution::KeepBoth).await.unwrap() {
        Synced::Uploaded { remote, .. } => assert!(remote.to_string().ends_with("doc (1).txt")),
        other => panic!("{other:?}"),
    }
    let beside = sshd.data.join("doc (1).txt");
    assert_eq!(std::fs::read_to_string(&beside).unwrap(), "mine\n");
    assert_eq!(std::fs::read_to_string(&server).unwrap(), "theirs\n");

    // Overwrite: someone changes the copy; mine goes over it when asked.
    std::fs::write(&beside, "someone else's\n").unwrap();
    std::fs::write(s.local_path(), "mine again\n").unwrap();
    assert!(matches!(s.sync().await.unwrap(), Synced::Conflict(_)));
    assert!(matches!(
        s.resolve(Resolution::Overwrite).await.unwrap(),
        Synced::Uploaded { .. }
    ));
    assert_eq!(std::fs::read_to_string(&beside).unwrap(), "mine again\n");

    // Discard: the server's copy comes back over mine, and nothing goes up.
    std::fs::write(&beside, "the server's, longer\n").unwrap();
    std::fs::write(s.local_path(), "dropped\n").unwrap();
    assert!(matches!(s.sync().await.unwrap(), Synced::Conflict(_)));
    assert_eq!(
        s.resolve(Resolution::Discard).await.unwrap(),
        Synced::Unchanged
    );
    assert_eq!(
        std::fs::read_to_string(s.local_path()).unwrap(),
        "the server's, longer\n"
    );
    assert_eq!(s.sync().await.unwrap(), Synced::Unchanged);

    // Changed on the server with the same size and time: the server's checksum tells.
    let was = std::fs::metadata(&beside).unwrap().modified().unwrap();
    std::fs::write(&beside, "THE SERVER'S, LONGER\n").unwrap();
    filetime::set_file_mtime(&beside, filetime::FileTime::from_system_time(was)).unwrap();
    std::fs::write(s.local_path(), "mine, once more\n").unwrap();
    assert!(matches!(s.sync().await.unwrap(), Synced::Conflict(_)));
    assert_eq!(
        std::fs::read_to_string(&beside).unwrap(),
        "THE SERVER'S, LONGER\n"
    );
    assert_eq!(
        s.resolve(Resolution::Discard).await.unwrap(),
        Synced::Unchanged
    );
    let folder = s.local_path().parent().unwrap().to_path_buf();
    let record = s.record_path().to_path_buf();
    assert!(!edit::Record::read(&record).unwrap().pending);
    assert_eq!(s.finish(), Finished::Removed);
    assert!(!record.exists());
    assert!(!folder.exists());
    drop(root);
    assert_eq!(
        std::fs::read_dir(cache.path().join("edits"))
            .unwrap()
            .count(),
        0
    );
    pool.close().await;
}
