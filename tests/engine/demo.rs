//! The built-in demo server, driven through Ferry's own engine (no mocks): host-key check against
//! its private known_hosts, password-only login, listing the sample files, uploads and downloads
//! through the transfer engine checked byte for byte on disk, file operations, the jail, and
//! stopping (port closed, folder deleted).

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use ferry_demo::{BIG_FILE_LEN, DemoServer};
use ferry_engine::error::Error;
use ferry_engine::fs::entry::Kind;
use ferry_engine::fs::local::from_local;
use ferry_engine::fs::path::FsPath;
use ferry_engine::fs::sftp::{SftpFs, SftpOptions};
use ferry_engine::fs::{FileSystem, ListOptions};
use ferry_engine::secrets::Secret;
use ferry_engine::ssh::hostkeys::KnownHosts;
use ferry_engine::ssh::prompt::NoPrompt;
use ferry_engine::ssh::{Connection, connect};
use ferry_engine::transfer::{Control, Direction, Event, JobSpec, Pool, TransferOptions, run_job};
use russh_sftp::protocol::{FileAttributes, OpenFlags};

/// Deterministic pseudo-random bytes.
fn bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 32) as u8
        })
        .collect()
}

fn p(s: &str) -> FsPath {
    FsPath::from(s)
}

async fn open(demo: &DemoServer) -> (Arc<Connection>, SftpFs) {
    let conn = Arc::new(
        connect(&demo.connect_options(), Arc::new(NoPrompt))
            .await
            .expect("connect to the demo server"),
    );
    let fs = SftpFs::open(&conn, SftpOptions::default())
        .await
        .expect("start SFTP");
    (conn, fs)
}

/// Runs a transfer job to its end; returns (files done, notes).
async fn transfer(demo: &DemoServer, spec: JobSpec, verify: bool) -> (u64, Vec<String>) {
    let pool = Arc::new(Pool::new(demo.connect_options(), Arc::new(NoPrompt), 2));
    let opts = TransferOptions {
        verify,
        ..TransferOptions::default()
    };
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let job = tokio::spawn(run_job(pool.clone(), spec, opts, Control::new(), tx));
    let mut notes = Vec::new();
    while let Some(ev) = rx.recv().await {
        match ev {
            Event::Note(n) => notes.push(n.to_string()),
            Event::FileFailed { src, error } => panic!("{src}: {error}"),
            _ => {}
        }
    }
    let summary = tokio::time::timeout(Duration::from_secs(60), job)
        .await
        .expect("the job finishes")
        .unwrap()
        .expect("the job runs");
    assert!(summary.failures.is_empty(), "{:?}", summary.failures);
    pool.close().await;
    (summary.files_done, notes)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lists_the_samples_and_copies_both_ways() {
    let demo = DemoServer::start().await.expect("start");
    assert_eq!(demo.user(), "demo");
    let (conn, fs) = open(&demo).await;

    // The client starts in the demo folder, seen as "/".
    assert_eq!(fs.home().await.unwrap(), FsPath::root());
    assert!(fs.extensions().posix_rename);
    assert_eq!(fs.limits().read_len, 255 * 1024);
    #[cfg(unix)]
    {
        let space = fs.free_space(&FsPath::root()).await.unwrap().unwrap();
        assert!(space.total > 0 && space.available <= space.total);
    }

    let listing = fs
        .list(&FsPath::root(), ListOptions::default())
        .await
        .unwrap();
    assert!(listing.refused.is_empty());
    let names: BTreeSet<&str> = listing.entries.iter().map(|e| e.display.as_str()).collect();
    let expected = [
        "README.txt",
        "Documents",
        "Photos",
        "Music",
        "big-file.bin",
        "Résumé 2026.txt",
        ".config",
    ];
    assert_eq!(names, BTreeSet::from(expected));
    let entry = |n: &str| listing.entries.iter().find(|e| e.display == n).unwrap();
    assert_eq!(entry("Documents").kind, Kind::Dir);
    assert_eq!(entry("big-file.bin").kind, Kind::File);
    assert_eq!(entry("big-file.bin").size, Some(BIG_FILE_LEN as u64));
    assert_eq!(entry("README.txt").owner.as_deref(), Some("demo"));
    let mtimes: BTreeSet<_> = listing.entries.iter().map(|e| e.mtime).collect();
    assert!(mtimes.len() >= 5, "sample times vary: {mtimes:?}");
    let music = fs.list(&p("/Music"), ListOptions::default()).await.unwrap();
    assert!(music.entries.is_empty());
    let docs = fs
        .list(&p("Documents"), ListOptions::default())
        .await
        .unwrap();
    assert!(docs.entries.len() >= 2);

    // Upload through the transfer engine (a big-ish odd size, a small file, an empty one), with
    // verification asked for: the demo has no shell, so it is reported unavailable, not hung on.
    let local = tempfile::tempdir().unwrap();
    let up = local.path().join("up");
    std::fs::create_dir(&up).unwrap();
    let files = [
        ("up.bin", 3 * 1024 * 1024 + 17),
        ("small ü.txt", 999),
        ("empty", 0),
    ];
    for (i, (name, len)) in files.iter().enumerate() {
        std::fs::write(up.join(name), bytes(i as u64 + 1, *len)).unwrap();
    }
    let spec = JobSpec {
        direction: Direction::Upload,
        sources: vec![from_local(&up)],
        dest_dir: FsPath::root(),
        dest_name: None,
        recursive: true,
    };
    let (done, notes) = transfer(&demo, spec, true).await;
    assert_eq!(done, 3, "notes: {notes:?}");
    assert!(
        notes.iter().any(|n| n.contains("cannot compute checksums")),
        "{notes:?}"
    );
    for (i, (name, len)) in files.iter().enumerate() {
        let on_disk = std::fs::read(demo.root().join("up").join(name)).unwrap();
        assert!(on_disk == bytes(i as u64 + 1, *len), "{name} differs");
    }
    // The modification time was kept.
    let mt = |p: &Path| std::fs::metadata(p).unwrap().modified().unwrap();
    let secs = |t: std::time::SystemTime| t.duration_since(UNIX_EPOCH).unwrap().as_secs();
    assert_eq!(
        secs(mt(&demo.root().join("up/up.bin"))),
        secs(mt(&up.join("up.bin")))
    );

    // Download big-file.bin and compare it with the served copy.
    let down = tempfile::tempdir().unwrap();
    let spec = JobSpec {
        direction: Direction::Download,
        sources: vec![p("/big-file.bin")],
        dest_dir: from_local(down.path()),
        dest_name: None,
        recursive: false,
    };
    let (done, _) = transfer(&demo, spec, false).await;
    assert_eq!(done, 1);
    let served = std::fs::read(demo.root().join("big-file.bin")).unwrap();
    assert_eq!(served.len(), BIG_FILE_LEN);
    assert!(std::fs::read(down.path().join("big-file.bin")).unwrap() == served);

    // Many handles at once, reads at odd offsets and full-size lengths.
    let raw = fs.raw().clone();
    let reads = (0..80u64).map(|i| {
        let raw = raw.clone();
        async move {
            let h = raw
                .open("/big-file.bin", OpenFlags::READ, FileAttributes::empty())
                .await
                .unwrap()
                .handle;
            let off = i * 99_991;
            let d = raw.read(h.clone(), off, 255 * 1024).await.unwrap().data;
            (off, d, h)
        }
    });
    let results = futures::future::join_all(reads).await;
    for (off, d, h) in results {
        let off = off as usize;
        assert!(d == served[off..off + d.len()] && d.len() == 255 * 1024);
        raw.close(h).await.unwrap();
    }
    // A read at the end is EOF, and a file opened read-only cannot be written.
    let h = raw
        .open("big-file.bin", OpenFlags::READ, FileAttributes::empty())
        .await
        .unwrap()
        .handle;
    assert!(raw.read(h.clone(), BIG_FILE_LEN as u64, 10).await.is_err());
    assert!(raw.write(h.clone(), 0, vec![1, 2, 3]).await.is_err());
    raw.close(h).await.unwrap();
    assert_eq!(
        std::fs::read(demo.root().join("big-file.bin")).unwrap(),
        served
    );

    fs.close();
    conn.disconnect().await;
    demo.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn file_operations() {
    let demo = DemoServer::start().await.unwrap();
    let (_conn, fs) = open(&demo).await;
    let root = demo.root().to_path_buf();

    fs.mkdir(&p("/New folder")).await.unwrap();
    assert!(root.join("New folder").is_dir());
    assert!(matches!(
        fs.mkdir(&p("/New folder")).await,
        Err(Error::AlreadyExists { .. })
    ));
    fs.rename(&p("/New folder"), &p("/Renamed"), false)
        .await
        .unwrap();
    assert!(root.join("Renamed").is_dir() && !root.join("New folder").exists());

    // Renaming onto an existing name: refused unless overwriting (posix-rename).
    let (a, b) = (p("/Documents/notes.txt"), p("/Documents/todo.md"));
    assert!(matches!(
        fs.rename(&a, &b, false).await,
        Err(Error::AlreadyExists { .. })
    ));
    let raw = fs.raw().clone();
    let (aw, bw) = (a.to_wire().unwrap(), b.to_wire().unwrap());
    assert!(
        raw.rename(aw, bw).await.is_err(),
        "plain RENAME never replaces"
    );
    let notes = std::fs::read(root.join("Documents/notes.txt")).unwrap();
    fs.rename(&a, &b, true).await.unwrap();
    assert_eq!(
        std::fs::read(root.join("Documents/todo.md")).unwrap(),
        notes
    );
    assert!(!root.join("Documents/notes.txt").exists());

    // chmod and mtime land on disk; stat reads them back.
    let readme = p("/README.txt");
    fs.chmod(&readme, 0o600).await.unwrap();
    let when = UNIX_EPOCH + Duration::from_secs(1_600_000_000);
    fs.set_mtime(&readme, when).await.unwrap();
    let st = fs.stat(&readme).await.unwrap();
    assert_eq!(
        (st.perms.map(|m| m & 0o777), st.mtime),
        (Some(0o600), Some(when))
    );
    assert_eq!(
        std::fs::metadata(root.join("README.txt"))
            .unwrap()
            .modified()
            .unwrap(),
        when
    );

    // Open flags: create + exclusive, append, truncate.
    let create_new = OpenFlags::WRITE | OpenFlags::CREATE | OpenFlags::EXCLUDE;
    let h = raw
        .open("/x.txt", create_new, FileAttributes::empty())
        .await
        .unwrap()
        .handle;
    raw.write(h.clone(), 0, b"hello".to_vec()).await.unwrap();
    raw.write(h.clone(), 10, b"end".to_vec()).await.unwrap();
    raw.close(h).await.unwrap();
    assert_eq!(
        std::fs::read(root.join("x.txt")).unwrap(),
        b"hello\0\0\0\0\0end"
    );
    assert!(
        raw.open("/x.txt", create_new, FileAttributes::empty())
            .await
            .is_err()
    );
    let h = raw
        .open(
            "/x.txt",
            OpenFlags::WRITE | OpenFlags::APPEND,
            FileAttributes::empty(),
        )
        .await
        .unwrap()
        .handle;
    raw.write(h.clone(), 0, b"+more".to_vec()).await.unwrap();
    raw.close(h).await.unwrap();
    assert_eq!(
        std::fs::read(root.join("x.txt")).unwrap(),
        b"hello\0\0\0\0\0end+more"
    );
    let trunc = OpenFlags::WRITE | OpenFlags::TRUNCATE;
    let h = raw
        .open("/x.txt", trunc, FileAttributes::empty())
        .await
        .unwrap()
        .handle;
    let size = raw.fstat(h.clone()).await.unwrap().attrs.size;
    raw.close(h).await.unwrap();
    assert_eq!(size, Some(0));

    // remove, rmdir, and what they refuse.
    fs.remove_file(&p("/x.txt")).await.unwrap();
    assert!(!root.join("x.txt").exists());
    assert!(matches!(
        fs.remove_file(&p("/x.txt")).await,
        Err(Error::NotFound { .. })
    ));
    assert!(fs.remove_file(&p("/Renamed")).await.is_err());
    assert!(fs.rmdir(&p("/Photos")).await.is_err(), "not empty");
    fs.rmdir(&p("/Renamed")).await.unwrap();
    assert!(!root.join("Renamed").exists());
    assert!(fs.rmdir(&p("/")).await.is_err());
    assert!(root.is_dir());
    assert!(matches!(
        fs.stat(&p("/nope")).await,
        Err(Error::NotFound { .. })
    ));
    // A listing longer than one READDIR reply comes in several.
    std::fs::create_dir(root.join("many")).unwrap();
    for i in 0..300 {
        std::fs::write(root.join(format!("many/f{i:03}")), [i as u8]).unwrap();
    }
    let many = fs.list(&p("/many"), ListOptions::default()).await.unwrap();
    let names: BTreeSet<String> = many.entries.iter().map(|e| e.display.clone()).collect();
    assert_eq!(names.len(), 300);
    assert!(names.contains("f000") && names.contains("f299"));
    assert_eq!(
        fs.canonicalize(&p("/Photos/../Music/.")).await.unwrap(),
        p("/Music")
    );

    demo.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_outside_the_folder_is_reachable() {
    let demo = DemoServer::start().await.unwrap();
    let (_conn, fs) = open(&demo).await;
    let root = demo.root().to_path_buf();
    let above = root.parent().unwrap().to_path_buf();
    // The demo's known_hosts sits right next to the served folder: a real file to aim at.
    assert!(above.join("known_hosts").is_file());
    let raw = fs.raw().clone();

    for path in [
        "/../known_hosts",
        "../known_hosts",
        "/../../etc/passwd",
        "../../../../etc/passwd",
    ] {
        assert!(
            matches!(fs.stat(&p(path)).await, Err(Error::NotFound { .. })),
            "{path}"
        );
        assert!(
            raw.open(path, OpenFlags::READ, FileAttributes::empty())
                .await
                .is_err(),
            "{path}"
        );
    }
    // `..` stops at the root: a write to "../outside" lands inside the folder, never above it.
    let flags = OpenFlags::WRITE | OpenFlags::CREATE | OpenFlags::TRUNCATE;
    let h = raw
        .open("../outside", flags, FileAttributes::empty())
        .await
        .unwrap()
        .handle;
    raw.write(h.clone(), 0, b"in".to_vec()).await.unwrap();
    raw.close(h).await.unwrap();
    assert!(!above.join("outside").exists());
    assert_eq!(std::fs::read(root.join("outside")).unwrap(), b"in");
    fs.mkdir(&p("/../../made")).await.unwrap();
    assert!(!above.join("made").exists() && root.join("made").is_dir());
    let listed = fs.list(&p("/.."), ListOptions::default()).await.unwrap();
    assert!(listed.entries.iter().all(|e| e.display != "known_hosts"));

    // Symbolic links: none can be made, and one planted on disk cannot lead out.
    assert!(matches!(
        fs.symlink(&p("/etc/passwd"), &p("/link")).await,
        Err(Error::PermissionDenied { .. })
    ));
    assert!(!root.join("link").exists());
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&above, root.join("escape")).unwrap();
        std::os::unix::fs::symlink(above.join("known_hosts"), root.join("kh")).unwrap();
        let denied = |r: Result<(), Error>| matches!(r, Err(Error::PermissionDenied { .. }));
        assert!(denied(fs.stat(&p("/escape/known_hosts")).await.map(|_| ())));
        assert!(denied(fs.stat(&p("/kh")).await.map(|_| ())));
        assert!(denied(
            fs.list(&p("/escape"), ListOptions::default())
                .await
                .map(|_| ())
        ));
        assert!(
            raw.open("/kh", OpenFlags::READ, FileAttributes::empty())
                .await
                .is_err()
        );
        assert!(
            raw.open("/escape/new", flags, FileAttributes::empty())
                .await
                .is_err()
        );
        assert!(fs.mkdir(&p("/escape/dir")).await.is_err());
        assert!(
            fs.rename(&p("/README.txt"), &p("/escape/stolen"), true)
                .await
                .is_err()
        );
        assert!(fs.set_mtime(&p("/kh"), UNIX_EPOCH).await.is_err());
        // The link itself is visible (lstat), its target not revealed, and it can be removed.
        assert_eq!(fs.lstat(&p("/kh")).await.unwrap().kind, Kind::Symlink);
        assert!(fs.read_link(&p("/kh")).await.is_err());
        fs.remove_file(&p("/kh")).await.unwrap();
        assert!(above.join("known_hosts").is_file());
        assert!(!above.join("new").exists() && !above.join("dir").exists());
        assert!(!above.join("stolen").exists() && root.join("README.txt").exists());
    }
    demo.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_one_time_password_and_the_recorded_key_work() {
    let demo = DemoServer::start().await.unwrap();

    let mut wrong = demo.connect_options();
    wrong.password = Some(Secret::new("not-the-password"));
    let e = connect(&wrong, Arc::new(NoPrompt)).await.unwrap_err();
    assert!(matches!(e, Error::AuthFailed { .. }), "{e:?}");

    let mut other_user = demo.connect_options();
    other_user.user = "root".into();
    let e = connect(&other_user, Arc::new(NoPrompt)).await.unwrap_err();
    assert!(matches!(e, Error::AuthFailed { .. }), "{e:?}");

    // The password never shows in a Debug print of the options or the server.
    let pw = demo.connect_options().password.unwrap();
    assert!(pw.expose().len() >= 20);
    assert!(!format!("{:?}", demo.connect_options()).contains(pw.expose()));
    assert!(!format!("{demo:?}").contains(pw.expose()));

    // The host key is really checked: without the demo's known_hosts it is unknown.
    let empty = tempfile::tempdir().unwrap();
    let kh = empty.path().join("known_hosts");
    let mut unknown = demo.connect_options();
    unknown.known_hosts = KnownHosts::new(vec![kh.clone()], kh);
    let e = connect(&unknown, Arc::new(NoPrompt)).await.unwrap_err();
    assert!(matches!(e, Error::HostKeyUnknown { .. }), "{e:?}");

    // A right login still works after the failures.
    let (_conn, fs) = open(&demo).await;
    assert!(fs.stat(&p("/README.txt")).await.is_ok());
    demo.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stopping_closes_the_port_and_deletes_the_folder() {
    let demo = DemoServer::start().await.unwrap();
    let (port, root) = (demo.port(), demo.root().to_path_buf());
    let temp = root.parent().unwrap().to_path_buf();
    let (conn, fs) = open(&demo).await;
    assert!(fs.stat(&p("/big-file.bin")).await.is_ok());

    demo.stop().await;
    assert!(!root.exists() && !temp.exists(), "the folder is deleted");
    let refused = tokio::net::TcpStream::connect(("127.0.0.1", port)).await;
    assert!(refused.is_err(), "nothing listens on {port} any more");
    // The open session was closed by the server.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while !conn.is_closed() {
        assert!(tokio::time::Instant::now() < deadline, "session still open");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    // Dropping a server stops it too.
    let demo = DemoServer::start().await.unwrap();
    let (port, root) = (demo.port(), demo.root().to_path_buf());
    drop(demo);
    assert!(!root.exists());
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_ok()
    {
        assert!(tokio::time::Instant::now() < deadline, "still listening");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
