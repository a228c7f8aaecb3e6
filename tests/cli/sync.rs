//! `ferry sync` against a real OpenSSH sshd, checked on both disks: mirrors both ways byte for
//! byte (names with spaces, glob characters and bytes that are not UTF-8), both ways at once, a
//! dry run that leaves the server as it was, `--delete` and the deletion guard, a second sync that
//! finds nothing to do on a server that keeps whole seconds, `--checksum`, links in the
//! destination that a delete never follows, and `--watch`.

use crate::common;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::Output;
use std::time::{Duration, SystemTime};

use common::{Sshd, snapshot};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// `ferry -i KEY -P PORT sync ARGS…`.
fn sync(sshd: &Sshd, args: &[&str]) -> Output {
    sshd.ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .arg("-P")
        .arg(sshd.port.to_string())
        .arg("sync")
        .args(args)
        .output()
        .expect("run ferry")
}

/// `user@127.0.0.1:DATA/rel`.
fn at(sshd: &Sshd, rel: &str) -> String {
    format!("{}@127.0.0.1:{}/{rel}", sshd.user, sshd.data.display())
}

/// The action lines of a plan (everything before its summary line).
fn actions(o: &Output) -> Vec<String> {
    stdout(o)
        .lines()
        .take_while(|l| !l.starts_with("plan: "))
        .map(str::to_string)
        .collect()
}

fn set_mtime(p: &Path, t: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(p)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

/// Every entry under `root` with its size and mtime (to the nanosecond), links as links.
fn listing(root: &Path) -> BTreeMap<String, (u64, SystemTime, bool)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            let m = std::fs::symlink_metadata(&p).unwrap();
            let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            out.insert(rel, (m.len(), m.modified().unwrap(), m.is_symlink()));
            if m.is_dir() {
                stack.push(p);
            }
        }
    }
    out
}

/// A tree with the names a shell or a glob would trip on, a name that is not UTF-8, a file of
/// some size, an empty folder.
fn awkward_tree(root: &Path) {
    for d in ["dir with space/deeper", "empty", "[x]*?"] {
        std::fs::create_dir_all(root.join(d)).unwrap();
    }
    let files: [(&str, usize); 5] = [
        ("a b.txt", 10),
        ("glob[1]*?.txt", 200),
        ("dir with space/deeper/big.bin", 3 << 20),
        ("[x]*?/in brackets", 1),
        ("-rf", 0),
    ];
    for (i, (name, len)) in files.iter().enumerate() {
        std::fs::write(root.join(name), common::bytes(i as u64 + 1, *len)).unwrap();
    }
    let latin1 = root
        .join("dir with space")
        .join(OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::write(latin1, b"latin-1").unwrap();
}

/// Local → server and server → local, byte for byte; both ways at once, where the newer side
/// wins in each direction and nothing is deleted; a server's name that cannot be a local one.
#[test]
fn mirrors_both_ways_byte_for_byte() {
    let sshd = Sshd::start();
    let tmp = tempfile::tempdir().unwrap();
    let local = tmp.path().join("local");
    awkward_tree(&local);
    let out = sync(&sshd, &[local.to_str().unwrap(), &at(&sshd, "mirror")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let remote = sshd.data.join("mirror");
    assert_eq!(snapshot(&remote), snapshot(&local));
    let lines = actions(&out);
    assert!(
        lines.contains(&"upload       dir with space/caf\\xe9.txt  (new, 7 B)".to_string()),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("upload       empty/")),
        "{lines:?}"
    );

    // Back: into a folder that does not exist yet.
    let back = tmp.path().join("back");
    let out = sync(&sshd, &[&at(&sshd, "mirror"), back.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(snapshot(&back), snapshot(&local));

    // Both ways: a newer local file goes up, a newer server file comes down, each side's new
    // file goes to the other, nothing is deleted.
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    set_mtime(&local.join("a b.txt"), hour_ago);
    std::fs::write(remote.join("a b.txt"), b"newer on the server").unwrap();
    std::fs::write(local.join("glob[1]*?.txt"), b"newer here").unwrap();
    set_mtime(&remote.join("glob[1]*?.txt"), hour_ago);
    std::fs::write(remote.join("only there"), b"t").unwrap();
    std::fs::write(local.join("only here"), b"h").unwrap();
    sshd.chown_data();
    let out = sync(
        &sshd,
        &["--both", local.to_str().unwrap(), &at(&sshd, "mirror")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(local.join("a b.txt")).unwrap(),
        b"newer on the server"
    );
    assert_eq!(
        std::fs::read(remote.join("glob[1]*?.txt")).unwrap(),
        b"newer here"
    );
    assert_eq!(snapshot(&remote), snapshot(&local));
    assert!(local.join("only there").exists() && remote.join("only here").exists());

    // A server's name that cannot be a local one fails, alone; the rest comes down.
    std::fs::write(remote.join("back\\slash"), b"b").unwrap();
    sshd.chown_data();
    let out = sync(&sshd, &[&at(&sshd, "mirror"), back.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("a name containing '\\'"),
        "{}",
        stderr(&out)
    );
    let mut want = snapshot(&remote);
    want.remove("back\\slash");
    assert_eq!(snapshot(&back), want);
}

/// A dry run prints the plan and leaves the server's names, sizes and mtimes as they were.
#[test]
fn a_dry_run_changes_nothing() {
    let sshd = Sshd::start();
    let tmp = tempfile::tempdir().unwrap();
    let local = tmp.path().join("local");
    std::fs::create_dir_all(local.join("sub")).unwrap();
    std::fs::write(local.join("new.txt"), b"new").unwrap();
    std::fs::write(local.join("sub/changed.txt"), b"changed here").unwrap();
    let remote = sshd.data.join("site");
    std::fs::create_dir_all(remote.join("sub")).unwrap();
    std::fs::create_dir_all(remote.join("extra/deep")).unwrap();
    std::fs::write(remote.join("sub/changed.txt"), b"old").unwrap();
    std::fs::write(remote.join("extra/deep/x"), b"x").unwrap();
    sshd.chown_data();
    let before = listing(&remote);
    let out = sync(
        &sshd,
        &[
            "--dry-run",
            "--delete",
            "--max-delete",
            "10",
            local.to_str().unwrap(),
            &at(&sshd, "site"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        actions(&out),
        [
            "delete there extra/  (folder with 1 files, 1 B)",
            "upload       new.txt  (new, 3 B)",
            "upload       sub/changed.txt  (changed, 12 B)",
        ]
    );
    assert!(
        stdout(&out).contains("upload 2 (15 B), download 0 (0 B), delete there 1 (1 B)"),
        "{}",
        stdout(&out)
    );
    assert_eq!(listing(&remote), before);
}

/// Without --delete extra files stay; with it they go, unless that is more than half of the
/// destination's files, which needs --max-delete (and more than it allows is refused too).
/// A refused plan changes nothing at all; what --exclude leaves out stays, and so does its folder.
#[test]
fn delete_and_the_deletion_guard() {
    let sshd = Sshd::start();
    let tmp = tempfile::tempdir().unwrap();
    let local = tmp.path().join("local");
    std::fs::create_dir_all(&local).unwrap();
    std::fs::write(local.join("keep"), b"keep").unwrap();
    let remote = sshd.data.join("dst");
    std::fs::create_dir_all(remote.join("old")).unwrap();
    for f in ["x1", "x2", "old/x3"] {
        std::fs::write(remote.join(f), b"extra").unwrap();
    }
    sshd.chown_data();
    let src = local.to_str().unwrap();
    let dst = at(&sshd, "dst");

    let out = sync(&sshd, &[src, &dst]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(remote.join("x1").exists() && remote.join("keep").exists());

    // 3 of 4 files: refused, and "keep" changed locally is not uploaded either.
    std::fs::write(local.join("keep"), b"keep, changed").unwrap();
    let before = listing(&remote);
    let out = sync(&sshd, &["--delete", src, &dst]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("delete 3 of the 4 files"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("--max-delete 3"), "{}", stderr(&out));
    assert_eq!(listing(&remote), before);
    let out = sync(&sshd, &["--delete", "--max-delete", "2", src, &dst]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("more than the 2 allowed"),
        "{}",
        stderr(&out)
    );
    assert_eq!(listing(&remote), before);

    // What --exclude leaves out is neither copied nor deleted (nor counted).
    std::fs::write(local.join("mine.log"), b"local log").unwrap();
    std::fs::write(remote.join("old/theirs.log"), b"server log").unwrap();
    sshd.chown_data();
    let out = sync(
        &sshd,
        &[
            "--delete",
            "--max-delete",
            "3",
            "--exclude",
            "*.log",
            src,
            &dst,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::remove_file(local.join("mine.log")).unwrap();
    let mut want = snapshot(&local);
    want.insert("old/".into(), Vec::new());
    want.insert("old/theirs.log".into(), b"server log".to_vec());
    assert_eq!(snapshot(&remote), want);
    assert!(
        stdout(&out).contains("deleted 3 files and 0 folders, 0 failed"),
        "{}",
        stdout(&out)
    );
}

/// The server keeps whole seconds: a second sync after the first finds every file the same
/// (no endless re-uploads), both ways. Same size and time with other bytes is "same" by time
/// and copied by --checksum.
#[test]
fn a_second_sync_has_nothing_to_do() {
    let sshd = Sshd::start();
    let tmp = tempfile::tempdir().unwrap();
    let local = tmp.path().join("local");
    std::fs::create_dir_all(local.join("d")).unwrap();
    let fraction = SystemTime::UNIX_EPOCH + Duration::from_millis(1_700_000_000_900);
    for (i, f) in ["one", "d/two", "d/three"].iter().enumerate() {
        std::fs::write(local.join(f), common::bytes(i as u64, 1000)).unwrap();
        set_mtime(&local.join(f), fraction);
    }
    let (src, dst) = (local.to_str().unwrap(), at(&sshd, "copy"));
    let out = sync(&sshd, &[src, &dst]);
    assert!(out.status.success(), "{}", stderr(&out));
    let remote = sshd.data.join("copy");
    let kept = std::fs::metadata(remote.join("one"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(
        kept,
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000)
    );
    for args in [[src, dst.as_str()], [dst.as_str(), src]] {
        let out = sync(&sshd, &args);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(actions(&out), Vec::<String>::new(), "{args:?}");
        assert!(
            stdout(&out).contains("upload 0 (0 B), download 0 (0 B), conflict 0, same 3"),
            "{}",
            stdout(&out)
        );
    }

    // Other bytes, same size and time: by time the same, by checksum not.
    std::fs::write(local.join("d/two"), common::bytes(99, 1000)).unwrap();
    set_mtime(&local.join("d/two"), fraction);
    let out = sync(&sshd, &[src, &dst]);
    assert_eq!(actions(&out), Vec::<String>::new());
    let out = sync(&sshd, &["--checksum", src, &dst]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(actions(&out), ["upload       d/two  (changed, 1000 B)"]);
    assert_eq!(snapshot(&remote), snapshot(&local));
}

/// Links in the destination are deleted as links, never followed: what they point at outside
/// the tree keeps its files. A link where the source has a folder is a conflict, left alone; a
/// link in the source is not copied.
#[test]
fn a_delete_never_follows_a_link() {
    let sshd = Sshd::start();
    let tmp = tempfile::tempdir().unwrap();
    let local = tmp.path().join("local");
    std::fs::create_dir_all(local.join("shared")).unwrap();
    std::fs::write(local.join("shared/mine"), b"mine").unwrap();
    std::fs::write(local.join("f"), b"f").unwrap();
    std::os::unix::fs::symlink("/etc", local.join("etc link")).unwrap();
    let outside = sshd.dir.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    for f in ["precious1", "precious2"] {
        std::fs::write(outside.join(f), b"keep me").unwrap();
    }
    let remote = sshd.data.join("dst");
    std::fs::create_dir_all(remote.join("old")).unwrap();
    std::fs::write(remote.join("f"), b"f").unwrap();
    std::os::unix::fs::symlink(&outside, remote.join("linked")).unwrap();
    std::os::unix::fs::symlink(&outside, remote.join("old/inner link")).unwrap();
    std::os::unix::fs::symlink(&outside, remote.join("shared")).unwrap();
    sshd.chown_data();
    common::chown_to(&outside, &sshd.user);
    let out = sync(
        &sshd,
        &[
            "--delete",
            "--max-delete",
            "10",
            local.to_str().unwrap(),
            &at(&sshd, "dst"),
        ],
    );
    // The conflict is said, and not a failure; the source's link is skipped with a note.
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = actions(&out);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("conflict     shared  (")),
        "{lines:?}"
    );
    assert!(
        stderr(&out).contains("skipped etc link: is a link"),
        "{}",
        stderr(&out)
    );
    assert!(!remote.join("old").exists());
    assert!(std::fs::symlink_metadata(remote.join("linked")).is_err());
    assert!(
        std::fs::symlink_metadata(remote.join("shared"))
            .unwrap()
            .is_symlink()
    );
    assert!(std::fs::symlink_metadata(remote.join("etc link")).is_err());
    let mut left: Vec<_> = std::fs::read_dir(&outside)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    left.sort();
    assert_eq!(left, ["precious1", "precious2"]);
}

/// A process this test started, stopped (by its own handle) when the test ends, pass or fail.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits up to 20 s for `done`; the watch's log is shown when it does not come.
fn wait_for(what: &str, log: &Path, done: impl Fn() -> bool) {
    let until = std::time::Instant::now() + Duration::from_secs(20);
    while !done() {
        assert!(
            std::time::Instant::now() < until,
            "{what} did not happen: {}",
            std::fs::read_to_string(log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// --watch keeps the server's folder up to date: a new file, a change that keeps its size
/// within the same second, and a rename (the old name deleted, with --delete).
#[test]
fn watch_picks_up_a_new_file_a_change_and_a_rename() {
    let sshd = Sshd::start();
    let tmp = tempfile::tempdir().unwrap();
    let local = tmp.path().join("local");
    std::fs::create_dir_all(local.join("sub")).unwrap();
    std::fs::write(local.join("first"), b"first").unwrap();
    let remote = sshd.data.join("kept");
    let log = tmp.path().join("watch.log");
    let _watch = Running(
        sshd.ferry()
            .arg("-i")
            .arg(&sshd.client_key)
            .arg("-P")
            .arg(sshd.port.to_string())
            .args(["sync", "--watch", "--delete", "--max-delete", "10"])
            .arg(&local)
            .arg(at(&sshd, "kept"))
            .stdout(std::fs::File::create(&log).unwrap())
            .stderr(std::fs::File::options().append(true).open(&log).unwrap())
            .spawn()
            .expect("run ferry"),
    );
    let read = |rel: &str| std::fs::read(remote.join(rel)).ok();
    wait_for("the first sync", &log, || {
        read("first").as_deref() == Some(b"first")
    });
    wait_for("the watch", &log, || {
        std::fs::read_to_string(&log).unwrap().contains("watching")
    });
    std::fs::write(local.join("sub/new.txt"), b"v1").unwrap();
    wait_for("the new file", &log, || {
        read("sub/new.txt").as_deref() == Some(b"v1")
    });
    std::fs::write(local.join("sub/new.txt"), b"v2").unwrap();
    wait_for("the change", &log, || {
        read("sub/new.txt").as_deref() == Some(b"v2")
    });
    std::fs::rename(local.join("sub/new.txt"), local.join("renamed.txt")).unwrap();
    wait_for("the rename", &log, || {
        read("renamed.txt").as_deref() == Some(b"v2") && read("sub/new.txt").is_none()
    });
    assert_eq!(snapshot(&remote), snapshot(&local));
}
