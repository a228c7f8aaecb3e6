//! Every file operation of the shared `FileSystem` interface, run the same way against the local
//! disk (`LocalFs`) and a real OpenSSH server (`SftpFs`), checked against what is on disk.

use crate::common;

use std::collections::BTreeSet;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use common::Sshd;
use ferry_engine::error::Error;
use ferry_engine::fs::entry::{Kind, NameFilter};
use ferry_engine::fs::local::{LocalFs, from_local};
use ferry_engine::fs::path::FsPath;
use ferry_engine::fs::sftp::{SftpFs, SftpOptions};
use ferry_engine::fs::{FileSystem, ListOptions, remove_recursive};
use ferry_engine::ssh::connect;
use ferry_engine::ssh::prompt::NoPrompt;

const ODD_NAMES: &[&str] = &["a b.txt", "ünïcödé ✓.txt", "*", "-rf", "[x]?", ".hidden"];

/// The suite: `disk` is where `base` lives on this machine, for checking results.
async fn exercise(fs: &dyn FileSystem, base: &FsPath, disk: &Path, fix_owner: &dyn Fn()) {
    for (i, name) in ODD_NAMES.iter().enumerate() {
        std::fs::write(disk.join(name), vec![b'x'; i * 10]).unwrap();
    }
    std::fs::create_dir(disk.join("tree")).unwrap();
    std::fs::create_dir_all(disk.join("tree/sub/deeper")).unwrap();
    std::fs::write(disk.join("tree/sub/deeper/f"), b"deep").unwrap();
    std::fs::create_dir(disk.join("outside")).unwrap();
    std::fs::write(disk.join("outside/keep.txt"), b"keep").unwrap();
    std::os::unix::fs::symlink(disk.join("outside"), disk.join("tree/link-to-outside")).unwrap();
    fix_owner();

    // list: every odd name, exact, with sizes and kinds.
    let listing = fs.list(base, ListOptions::default()).await.expect("list");
    assert!(listing.refused.is_empty());
    let names: BTreeSet<String> = listing.entries.iter().map(|e| e.display.clone()).collect();
    for name in ODD_NAMES {
        assert!(names.contains(*name), "{name} missing from {names:?}");
    }
    for (i, name) in ODD_NAMES.iter().enumerate() {
        let e = listing.entries.iter().find(|e| e.display == *name).unwrap();
        assert!(e.exact);
        assert_eq!(
            (e.kind, e.size),
            (Kind::File, Some(i as u64 * 10)),
            "{name}"
        );
        assert!(e.mtime.is_some() && e.perms.is_some());
    }
    let tree = listing
        .entries
        .iter()
        .find(|e| e.display == "tree")
        .unwrap();
    assert_eq!(tree.kind, Kind::Dir);

    // glob filtering happens client-side
    let f = NameFilter::new("*.txt").unwrap();
    let txt: BTreeSet<_> = listing
        .entries
        .iter()
        .filter(|e| f.matches(e))
        .map(|e| e.display.as_str())
        .collect();
    assert_eq!(txt, BTreeSet::from(["a b.txt", "ünïcödé ✓.txt"]));

    // mkdir / exists / stat
    let dir = base.join("new dir".as_bytes()).unwrap();
    fs.mkdir(&dir).await.expect("mkdir");
    assert!(disk.join("new dir").is_dir());
    assert!(matches!(
        fs.mkdir(&dir).await,
        Err(Error::AlreadyExists { .. })
    ));
    let st = fs.stat(&base.join(b"-rf").unwrap()).await.unwrap();
    assert_eq!((st.kind, st.size), (Kind::File, Some(30)));
    let missing = fs.stat(&base.join(b"nope").unwrap()).await.unwrap_err();
    assert!(matches!(missing, Error::NotFound { .. }), "{missing:?}");
    assert!(missing.to_string().contains("nope"));

    // rename: plain, refused onto an existing name, replacing with overwrite
    let a = base.join(b"a b.txt").unwrap();
    let renamed = base.join(b"renamed.txt").unwrap();
    fs.rename(&a, &renamed, false).await.expect("rename");
    assert!(!disk.join("a b.txt").exists() && disk.join("renamed.txt").exists());
    let star = base.join(b"*").unwrap();
    let err = fs.rename(&star, &renamed, false).await.unwrap_err();
    assert!(matches!(err, Error::AlreadyExists { .. }), "{err:?}");
    assert_eq!(std::fs::read(disk.join("*")).unwrap().len(), 20);
    fs.rename(&star, &renamed, true).await.expect("rename over");
    assert_eq!(std::fs::read(disk.join("renamed.txt")).unwrap().len(), 20);
    assert!(!disk.join("*").exists());

    // chmod and mtime
    fs.chmod(&renamed, 0o640).await.expect("chmod");
    assert_eq!(
        std::fs::metadata(disk.join("renamed.txt")).unwrap().mode() & 0o7777,
        0o640
    );
    let when = UNIX_EPOCH + Duration::from_secs(1_600_000_000);
    fs.set_mtime(&renamed, when).await.expect("set mtime");
    assert_eq!(
        std::fs::metadata(disk.join("renamed.txt")).unwrap().mtime(),
        1_600_000_000
    );
    assert_eq!(fs.stat(&renamed).await.unwrap().mtime, Some(when));

    // symlinks: create, read, lstat vs stat, listing shows the target's kind
    let link = base.join(b"link").unwrap();
    fs.symlink(&FsPath::from("renamed.txt"), &link)
        .await
        .expect("symlink");
    assert_eq!(
        std::fs::read_link(disk.join("link")).unwrap(),
        Path::new("renamed.txt")
    );
    assert_eq!(
        fs.read_link(&link).await.unwrap(),
        FsPath::from("renamed.txt")
    );
    assert_eq!(fs.lstat(&link).await.unwrap().kind, Kind::Symlink);
    assert_eq!(fs.stat(&link).await.unwrap().kind, Kind::File);
    let listed = fs.list(base, ListOptions::default()).await.unwrap();
    let l = listed.entries.iter().find(|e| e.display == "link").unwrap();
    assert_eq!(
        (l.kind, l.target_kind, l.link_target.as_deref()),
        (Kind::Symlink, Some(Kind::File), Some("renamed.txt"))
    );

    // canonical path
    let canon = fs
        .canonicalize(&base.join_relative("new dir/.."))
        .await
        .unwrap();
    assert_eq!(canon, from_local(&std::fs::canonicalize(disk).unwrap()));

    // rmdir refuses a non-empty folder; recursive delete never follows a link out of the tree
    let tree = base.join(b"tree").unwrap();
    assert!(fs.rmdir(&tree).await.is_err());
    remove_recursive(fs, &tree).await.expect("recursive delete");
    assert!(!disk.join("tree").exists());
    assert_eq!(
        std::fs::read(disk.join("outside/keep.txt")).unwrap(),
        b"keep"
    );
    fs.rmdir(&dir).await.expect("rmdir");
    assert!(!disk.join("new dir").exists());
    fs.remove_file(&link).await.unwrap();
    assert!(std::fs::symlink_metadata(disk.join("link")).is_err());
    assert!(
        disk.join("renamed.txt").exists(),
        "removing a link keeps its target"
    );

    let space = fs
        .free_space(base)
        .await
        .unwrap()
        .expect("free space is reported");
    assert!(space.total > 0 && space.available <= space.total);
    assert!(fs.home().await.unwrap().is_absolute());
}

#[tokio::test]
async fn local_file_operations() {
    let dir = tempfile::tempdir().unwrap();
    exercise(&LocalFs, &from_local(dir.path()), dir.path(), &|| {}).await;
}

async fn open_sftp(sshd: &Sshd) -> SftpFs {
    let conn = Arc::new(
        connect(&sshd.connect_options(), Arc::new(NoPrompt))
            .await
            .expect("connect"),
    );
    let fs = SftpFs::open(&conn, SftpOptions::default())
        .await
        .expect("sftp");
    // Keep the connection alive for the test's duration.
    std::mem::forget(conn);
    fs
}

#[tokio::test]
async fn remote_file_operations() {
    let sshd = Sshd::start();
    let fs = open_sftp(&sshd).await;
    assert!(
        fs.extensions().posix_rename && fs.extensions().statvfs,
        "{:?}",
        fs.extensions()
    );
    exercise(&fs, &from_local(&sshd.data), &sshd.data, &|| {
        sshd.chown_data()
    })
    .await;
}

#[tokio::test]
async fn large_listing_and_cap() {
    let sshd = Sshd::start();
    let big = sshd.data.join("big");
    std::fs::create_dir(&big).unwrap();
    for i in 0..10_000 {
        std::fs::File::create(big.join(format!("file-{i:05}.dat"))).unwrap();
    }
    let fs = open_sftp(&sshd).await;
    let listing = fs
        .list(&from_local(&big), ListOptions::default())
        .await
        .expect("list 10k");
    assert_eq!(listing.entries.len(), 10_000);
    let names: BTreeSet<_> = listing.entries.iter().map(|e| e.display.clone()).collect();
    assert!(names.contains("file-00000.dat") && names.contains("file-09999.dat"));

    let capped = ListOptions {
        cap: 500,
        ..Default::default()
    };
    let err = fs.list(&from_local(&big), capped).await.unwrap_err();
    assert!(
        matches!(err, Error::ListingTooLarge { cap: 500, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("500"));
    // The session is still usable after the capped listing (its handle was closed).
    assert_eq!(
        fs.list(&from_local(&sshd.data), ListOptions::default())
            .await
            .unwrap()
            .entries
            .len(),
        1
    );
}

/// A name that is not UTF-8 and a real U+FFFD name that russh-sftp's lossy decoding makes look
/// alike are told apart: both listed exactly, shown differently, and removing one leaves the other.
#[tokio::test]
async fn look_alike_names_are_told_apart() {
    use std::os::unix::ffi::OsStrExt;
    let sshd = Sshd::start();
    let raw = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(sshd.data.join(raw), b"latin-1 name").unwrap();
    std::fs::write(sshd.data.join("caf\u{FFFD}.txt"), b"a different file").unwrap();
    let fs = open_sftp(&sshd).await;
    let base = from_local(&sshd.data);
    let listing = fs.list(&base, ListOptions::default()).await.unwrap();
    let mut seen: Vec<(Vec<u8>, String, bool)> = listing
        .entries
        .iter()
        .map(|e| (e.name.clone(), e.display.clone(), e.exact))
        .collect();
    seen.sort();
    let want: Vec<(Vec<u8>, String, bool)> = vec![
        (b"caf\xe9.txt".to_vec(), "caf\\xe9.txt".into(), true),
        (
            "caf\u{FFFD}.txt".as_bytes().to_vec(),
            "caf\u{FFFD}.txt".into(),
            true,
        ),
    ];
    assert_eq!(seen, want);
    fs.remove_file(&base.join(b"caf\xe9.txt").unwrap())
        .await
        .unwrap();
    assert!(!sshd.data.join(raw).exists());
    assert_eq!(
        std::fs::read(sshd.data.join("caf\u{FFFD}.txt")).unwrap(),
        b"a different file"
    );
}

#[tokio::test]
async fn permission_denied_is_reported() {
    if !common::is_root() {
        eprintln!("skipped: needs the non-root test account (run as root, as CI does)");
        return;
    }
    let sshd = Sshd::start();
    let locked = sshd.data.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("secret"), b"x").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700)).unwrap(); // root-owned
    let fs = open_sftp(&sshd).await;
    let err = fs
        .list(&from_local(&locked), ListOptions::default())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::PermissionDenied { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("Permission denied on the server"),
        "{err}"
    );
    let err = fs.mkdir(&from_local(&locked.join("x"))).await.unwrap_err();
    assert!(matches!(err, Error::PermissionDenied { .. }), "{err:?}");
    // The session goes on working after the refusal.
    fs.mkdir(&from_local(&sshd.data.join("ok")))
        .await
        .expect("mkdir after denial");
}

#[tokio::test]
async fn home_and_free_space_from_server() {
    let sshd = Sshd::start();
    let fs = open_sftp(&sshd).await;
    let home = fs.home().await.unwrap();
    let expected = if common::is_root() {
        FsPath::from(format!("/home/{}", common::TEST_USER).as_str())
    } else {
        from_local(&std::fs::canonicalize(std::env::var("HOME").unwrap()).unwrap())
    };
    assert_eq!(home, expected);
}

#[tokio::test]
async fn lost_connection_is_reported_as_such() {
    let mut sshd = Sshd::start();
    let fs = open_sftp(&sshd).await;
    fs.list(&from_local(&sshd.data), ListOptions::default())
        .await
        .expect("list before");
    sshd.kill_with_sessions();
    let err = fs
        .list(&from_local(&sshd.data), ListOptions::default())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::ConnectionLost { .. }), "{err:?}");
    assert!(err.to_string().contains("connection was lost"), "{err}");
}

/// Names that are not UTF-8 (Latin-1 `café.txt`, a folder `d\xff`): listed with their exact bytes
/// and shown escaped, two of them that decode to the same text kept apart, and stat, rename,
/// chmod, canonicalize, free space, symlink, read_link, mkdir and remove_recursive act on
/// exactly those names on the server.
#[tokio::test]
async fn names_that_are_not_utf8_are_exact_on_the_server() {
    use std::os::unix::ffi::OsStrExt;
    let os = |b: &[u8]| std::ffi::OsStr::from_bytes(b).to_os_string();
    let sshd = Sshd::start();
    let disk = sshd.data.join("odd");
    std::fs::create_dir_all(disk.join(os(b"d\xff"))).unwrap();
    std::fs::write(disk.join(os(b"caf\xe9.txt")), b"latin-1").unwrap();
    // Decodes to the same lossy text as the one above: it must never be taken for it.
    std::fs::write(disk.join(os(b"caf\xe8.txt")), b"other").unwrap();
    std::fs::write(disk.join(os(b"d\xff")).join(os(b"in\xfe")), b"inside").unwrap();
    sshd.chown_data();
    let fs = open_sftp(&sshd).await;
    let base = from_local(&disk);
    let at = |name: &[u8]| base.join(name).unwrap();

    let listing = fs.list(&base, ListOptions::default()).await.expect("list");
    let mut seen: Vec<(Vec<u8>, String, bool)> = listing
        .entries
        .iter()
        .map(|e| (e.name.clone(), e.display.clone(), e.exact))
        .collect();
    seen.sort();
    let want: Vec<(Vec<u8>, String, bool)> = vec![
        (b"caf\xe8.txt".to_vec(), "caf\\xe8.txt".into(), true),
        (b"caf\xe9.txt".to_vec(), "caf\\xe9.txt".into(), true),
        (b"d\xff".to_vec(), "d\\xff".into(), true),
    ];
    assert_eq!(seen, want);
    let dir = at(b"d\xff");
    let inner = fs
        .list(&dir, ListOptions::default())
        .await
        .expect("list d\\xff");
    let inner: Vec<Vec<u8>> = inner.entries.into_iter().map(|e| e.name).collect();
    assert_eq!(inner, [b"in\xfe".to_vec()]);
    let st = fs.stat(&at(b"caf\xe9.txt")).await.expect("stat");
    assert_eq!((st.size, st.kind, st.exact), (Some(7), Kind::File, true));

    let renamed = at(b"renamed \xe9");
    fs.rename(&at(b"caf\xe9.txt"), &renamed, false)
        .await
        .expect("rename");
    assert_eq!(
        std::fs::read(disk.join(os(b"renamed \xe9"))).unwrap(),
        b"latin-1"
    );
    assert!(!disk.join(os(b"caf\xe9.txt")).exists());
    assert_eq!(
        std::fs::read(disk.join(os(b"caf\xe8.txt"))).unwrap(),
        b"other"
    );
    let refused = fs.rename(&renamed, &at(b"caf\xe8.txt"), false).await;
    assert!(
        matches!(refused, Err(Error::AlreadyExists { .. })),
        "{refused:?}"
    );
    assert_eq!(
        std::fs::read(disk.join(os(b"caf\xe8.txt"))).unwrap(),
        b"other"
    );

    fs.chmod(&renamed, 0o600).await.expect("chmod");
    let mode = std::fs::metadata(disk.join(os(b"renamed \xe9")))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);

    let real = fs.canonicalize(&dir).await.expect("canonicalize");
    assert_eq!(real.file_name(), Some(&b"d\xff"[..]));
    let free = fs.free_space(&dir).await.expect("free space");
    assert!(free.is_some_and(|f| f.total > 0), "{free:?}");
    let link = dir.join(b"link\xfb").unwrap();
    fs.symlink(&FsPath::from_bytes(b"in\xfe".to_vec()), &link)
        .await
        .expect("symlink");
    assert_eq!(
        std::fs::read(disk.join(os(b"d\xff")).join(os(b"link\xfb"))).unwrap(),
        b"inside"
    );
    let target = fs.read_link(&link).await.expect("read_link");
    assert_eq!(target.as_bytes(), b"in\xfe");
    let lsted = fs.lstat(&link).await.expect("lstat");
    assert_eq!(
        (lsted.kind, lsted.link_target.as_deref()),
        (Kind::Symlink, Some("in\\xfe"))
    );
    fs.mkdir(&dir.join(b"sub\xfa").unwrap())
        .await
        .expect("mkdir");
    assert!(disk.join(os(b"d\xff")).join(os(b"sub\xfa")).is_dir());
    remove_recursive(&fs, &dir).await.expect("remove_recursive");
    assert!(!disk.join(os(b"d\xff")).exists());
    fs.remove_file(&renamed).await.expect("remove");
    assert!(!disk.join(os(b"renamed \xe9")).exists());
    assert!(
        disk.join(os(b"caf\xe8.txt")).exists(),
        "only the named file went"
    );
}

/// The byte client's channel is opened only when a name needs it, once per session: ordinary
/// folders and files never cost a second SFTP channel.
#[tokio::test]
async fn the_byte_client_opens_only_when_a_name_needs_it() {
    use std::os::unix::ffi::OsStrExt;
    let sshd = Sshd::start();
    std::fs::create_dir_all(sshd.data.join("plain/sub")).unwrap();
    std::fs::write(sshd.data.join("plain/a.txt"), b"a").unwrap();
    let odd = sshd.data.join("odd");
    std::fs::create_dir(&odd).unwrap();
    std::fs::write(odd.join(std::ffi::OsStr::from_bytes(b"caf\xe9")), b"b").unwrap();
    sshd.chown_data();
    let fs = open_sftp(&sshd).await;
    let channels = || {
        sshd.log()
            .matches("Starting session: subsystem 'sftp'")
            .count()
    };
    assert_eq!(channels(), 1, "{}", sshd.log());

    let plain = from_local(&sshd.data.join("plain"));
    assert_eq!(
        fs.list(&plain, ListOptions::default())
            .await
            .unwrap()
            .entries
            .len(),
        2
    );
    let a = plain.join(b"a.txt").unwrap();
    fs.rename(&a, &plain.join(b"b.txt").unwrap(), false)
        .await
        .unwrap();
    remove_recursive(&fs, &plain).await.unwrap();
    assert_eq!(channels(), 1, "an ordinary name opened a second channel");

    for _ in 0..2 {
        let listing = fs
            .list(&from_local(&odd), ListOptions::default())
            .await
            .unwrap();
        assert!(listing.entries[0].exact);
    }
    assert_eq!(channels(), 2, "the byte client is opened once, when needed");
}
