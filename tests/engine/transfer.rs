//! Transfers against a real OpenSSH sshd, checked byte for byte on disk: round-trips of a tree,
//! resume after the server is killed, cancel, conflict policies, checksum verification, and the
//! destination-safety rules.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Arc;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use common::{Sshd, bytes, snapshot};
use ferry_engine::fs::local::from_local;
use ferry_engine::ssh::prompt::NoPrompt;
use ferry_engine::transfer::{
    ConflictInfo, ConflictPolicy, ConflictResolver, Control, Direction, Event, JobSpec, Pool,
    TransferOptions, run_job,
};

pub(crate) fn make_tree(root: &Path, big_mib: usize) {
    let dirs = ["a", "a/b", "a/b/c", "empty dir", "ünï cödé", "-dash"];
    for d in dirs {
        std::fs::create_dir_all(root.join(d)).unwrap();
    }
    let files: Vec<(&str, usize)> = vec![
        ("top.txt", 1234),
        ("empty.bin", 0),
        ("a/one byte", 1),
        ("a/b/exact-32k", 32 * 1024),
        ("a/b/c/odd 255k+1", 255 * 1024 + 1),
        ("ünï cödé/ファイル.txt", 5000),
        ("-dash/-rf", 77),
        ("a/*star*", 10),
        ("a/b/big.bin", big_mib << 20),
    ];
    for (i, (f, len)) in files.iter().enumerate() {
        std::fs::write(root.join(f), bytes(i as u64 + 1, *len)).unwrap();
    }
}

pub(crate) fn ferry(sshd: &Sshd, args: &[&str]) -> Output {
    sshd.ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .args(args)
        .output()
        .expect("run ferry")
}

/// `ferry get -r` of a folder of the server's data into `dir/`.
pub(crate) fn get_tree_into(sshd: &Sshd, folder: &str, dir: &Path) -> Output {
    ferry(
        sshd,
        &[
            "get",
            "-r",
            &sshd.data_url(folder),
            &format!("{}/", dir.display()),
        ],
    )
}

pub(crate) fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn tree_round_trip_is_byte_identical() {
    let sshd = Sshd::start();
    let local = tempfile::tempdir().unwrap();
    let src = local.path().join("tree");
    make_tree(&src, 50);

    let up = ferry(
        &sshd,
        &["put", "-r", src.to_str().unwrap(), &sshd.data_url("")],
    );
    assert!(up.status.success(), "put: {}", err(&up));
    assert_eq!(
        snapshot(&sshd.data.join("tree")),
        snapshot(&src),
        "upload differs"
    );

    let back = local.path().join("back");
    std::fs::create_dir(&back).unwrap();
    let down = ferry(
        &sshd,
        &[
            "get",
            "-r",
            &sshd.data_url("tree"),
            &format!("{}/", back.display()),
        ],
    );
    assert!(down.status.success(), "get: {}", err(&down));
    assert_eq!(
        snapshot(&back.join("tree")),
        snapshot(&src),
        "download differs"
    );

    // Modification times are kept both ways.
    let mt = |p: &Path| std::fs::metadata(p).unwrap().modified().unwrap();
    assert_eq!(
        mt(&back.join("tree/top.txt")),
        mt(&sshd.data.join("tree/top.txt"))
    );
    // No partial files are left anywhere.
    assert!(!format!("{:?}", snapshot(&back).keys()).contains(".ferrypart"));
    assert!(!format!("{:?}", snapshot(&sshd.data).keys()).contains(".ferrypart"));
}

fn mode_of(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

fn set_mode(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// `ferry ARGS` with the given umask (for the child only).
fn ferry_umask(sshd: &Sshd, umask: u32, args: &[&str]) -> Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = sshd.ferry();
    cmd.arg("-i").arg(&sshd.client_key).args(args);
    // SAFETY: umask(2) only sets this child's file-creation mask between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            libc::umask(umask as libc::mode_t);
            Ok(())
        });
    }
    cmd.output().expect("run ferry")
}

/// A private file or folder stays private, down and up, as with OpenSSH's sftp: the copy gets
/// the source's mode less the umask (never the umask's default 0644), and `-p` the exact bits.
/// Before, a 0600 key or `.env` arrived as 0644, readable by everyone on the machine.
#[test]
fn copies_are_never_more_permissive_than_their_source() {
    let sshd = Sshd::start();
    let src = sshd.data.join("perms");
    std::fs::create_dir_all(src.join("secret")).unwrap();
    for (f, mode) in [
        ("id_ed25519", 0o600),
        ("shared.txt", 0o644),
        ("secret/inner.env", 0o600),
        ("big-private.bin", 0o640),
    ] {
        let len = if f.starts_with("big") { 3 << 20 } else { 100 };
        std::fs::write(src.join(f), bytes(3, len)).unwrap();
        set_mode(&src.join(f), mode);
    }
    set_mode(&src.join("secret"), 0o700);
    std::fs::create_dir_all(sshd.data.join("up")).unwrap();
    sshd.chown_data();
    // A partial file an earlier run left world-readable is narrowed before it is continued.
    let local = tempfile::tempdir().unwrap();
    let dl = local.path().join("dl");
    std::fs::create_dir_all(dl.join("perms")).unwrap();
    let part = dl.join("perms/big-private.bin.ferrypart");
    std::fs::write(&part, bytes(3, 1 << 20)).unwrap();
    set_mode(&part, 0o666);

    let out = ferry_umask(
        &sshd,
        0o022,
        &[
            "get",
            "-r",
            &sshd.data_url("perms"),
            &format!("{}/", dl.display()),
        ],
    );
    assert!(out.status.success(), "get: {}", err(&out));
    let got = dl.join("perms");
    assert_eq!(mode_of(&got.join("id_ed25519")), 0o600, "a private key");
    assert_eq!(mode_of(&got.join("shared.txt")), 0o644);
    assert_eq!(mode_of(&got.join("secret")), 0o700, "a private folder");
    assert_eq!(mode_of(&got.join("secret/inner.env")), 0o600);
    assert_eq!(
        mode_of(&got.join("big-private.bin")),
        0o640,
        "a resumed file"
    );
    assert_eq!(
        std::fs::read(got.join("big-private.bin")).unwrap(),
        bytes(3, 3 << 20)
    );

    // Up again, into a new folder on the server: the server's files are private too.
    let out = ferry_umask(
        &sshd,
        0o022,
        &["put", "-r", got.to_str().unwrap(), &sshd.data_url("up/")],
    );
    assert!(out.status.success(), "put: {}", err(&out));
    let up = sshd.data.join("up/perms");
    assert_eq!(mode_of(&up.join("id_ed25519")), 0o600, "on the server");
    assert_eq!(mode_of(&up.join("secret")), 0o700, "on the server");
    assert_eq!(
        mode_of(&up.join("secret/inner.env")),
        0o600,
        "on the server"
    );
    assert_eq!(
        mode_of(&up.join("big-private.bin")) & 0o077,
        0o040,
        "on the server"
    );

    // `-p` keeps the exact bits, past a stricter umask.
    let exact = local.path().join("exact");
    std::fs::create_dir_all(&exact).unwrap();
    let out = ferry_umask(
        &sshd,
        0o077,
        &[
            "get",
            "-r",
            "-p",
            &sshd.data_url("perms"),
            &format!("{}/", exact.display()),
        ],
    );
    assert!(out.status.success(), "get -p: {}", err(&out));
    assert_eq!(mode_of(&exact.join("perms/shared.txt")), 0o644);
    assert_eq!(mode_of(&exact.join("perms/id_ed25519")), 0o600);
    // Without -p the stricter umask applies.
    let masked = local.path().join("masked");
    std::fs::create_dir_all(&masked).unwrap();
    let out = ferry_umask(
        &sshd,
        0o077,
        &[
            "get",
            &sshd.data_url("perms/shared.txt"),
            &format!("{}/", masked.display()),
        ],
    );
    assert!(out.status.success(), "get: {}", err(&out));
    assert_eq!(mode_of(&masked.join("shared.txt")), 0o600);
}

#[test]
fn single_files_and_renaming_on_copy() {
    let sshd = Sshd::start();
    let local = tempfile::tempdir().unwrap();
    let f = local.path().join("report.pdf");
    std::fs::write(&f, bytes(9, 100_000)).unwrap();
    // put FILE URL-of-new-name
    let out = ferry(
        &sshd,
        &["put", f.to_str().unwrap(), &sshd.data_url("renamed.pdf")],
    );
    assert!(out.status.success(), "{}", err(&out));
    assert_eq!(
        std::fs::read(sshd.data.join("renamed.pdf")).unwrap(),
        bytes(9, 100_000)
    );
    // get URL LOCAL-new-name
    let to = local.path().join("copy.pdf");
    let out = ferry(
        &sshd,
        &["get", &sshd.data_url("renamed.pdf"), to.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", err(&out));
    assert_eq!(std::fs::read(&to).unwrap(), bytes(9, 100_000));
    // A folder without -r is skipped and said so; a missing source fails with exit status 1.
    std::fs::create_dir(sshd.data.join("folder")).unwrap();
    let out = ferry(
        &sshd,
        &[
            "get",
            &sshd.data_url("nope.txt"),
            local.path().to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    assert!(
        err(&out).contains("No such file") && err(&out).contains("nope.txt"),
        "{}",
        err(&out)
    );
}

#[test]
fn resume_after_the_server_is_killed() {
    let mut sshd = Sshd::start();
    let local = tempfile::tempdir().unwrap();
    let big = local.path().join("big.bin");
    let data = bytes(42, 300 << 20);
    std::fs::write(&big, &data).unwrap();

    let child = sshd
        .ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .args([
            "put",
            "-j",
            "1",
            "--connections",
            "1",
            big.to_str().unwrap(),
            &sshd.data_url(""),
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let part = sshd.data.join("big.bin.ferrypart");
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::fs::metadata(&part).map(|m| m.len()).unwrap_or(0) < 40 << 20 {
        assert!(Instant::now() < deadline, "upload did not start");
        std::thread::sleep(Duration::from_millis(5));
    }
    sshd.kill_with_sessions();
    let at_kill = std::fs::metadata(&part).unwrap().len();
    assert!(
        at_kill < 300 << 20,
        "finished before the kill; make the file bigger"
    );
    std::thread::sleep(Duration::from_millis(300));
    sshd.restart();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", err(&out));
    assert!(err(&out).contains("reconnecting"), "{}", err(&out));
    assert!(
        std::fs::read(sshd.data.join("big.bin")).unwrap() == data,
        "resumed file differs"
    );
    assert!(!part.exists());
}

#[tokio::test]
async fn cancel_never_reports_a_partial_file_as_done() {
    let sshd = Sshd::start();
    std::fs::write(sshd.data.join("big.bin"), bytes(5, 200 << 20)).unwrap();
    let dest = tempfile::tempdir().unwrap();
    let pool = Arc::new(Pool::new(sshd.connect_options(), Arc::new(NoPrompt), 1));
    let spec = JobSpec {
        direction: Direction::Download,
        sources: vec![from_local(&sshd.data.join("big.bin"))],
        dest_dir: from_local(dest.path()),
        dest_name: None,
        recursive: false,
    };
    let control = Control::new();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let job = tokio::spawn(run_job(
        pool,
        spec,
        TransferOptions::default(),
        control.clone(),
        tx,
    ));
    let mut done = Vec::new();
    while let Some(ev) = rx.recv().await {
        match ev {
            Event::Progress(s) if s.bytes_done > 20 << 20 => control.cancel(),
            Event::FileDone { src, .. } => done.push(src),
            _ => {}
        }
    }
    let summary = job.await.unwrap().unwrap();
    assert!(done.is_empty(), "a cancelled file was reported done");
    assert_eq!((summary.files_done, summary.files_failed), (0, 1));
    assert!(
        !dest.path().join("big.bin").exists(),
        "no half file under the real name"
    );
    let part = std::fs::metadata(dest.path().join("big.bin.ferrypart"))
        .unwrap()
        .len();
    assert!(
        part > 0 && part < 200 << 20,
        "the partial file is kept for resuming"
    );
}

#[test]
fn conflict_policies() {
    let sshd = Sshd::start();
    let local = tempfile::tempdir().unwrap();
    let src = local.path().join("f.txt");
    std::fs::write(&src, b"new content").unwrap();
    let remote = sshd.data.join("f.txt");
    let put = |policy: &str| {
        ferry(
            &sshd,
            &[
                "put",
                "--on-conflict",
                policy,
                src.to_str().unwrap(),
                &sshd.data_url(""),
            ],
        )
    };

    std::fs::write(&remote, b"old").unwrap();
    sshd.chown_data();
    assert!(put("skip").status.success());
    assert_eq!(std::fs::read(&remote).unwrap(), b"old");

    assert!(put("rename").status.success());
    assert_eq!(
        std::fs::read(sshd.data.join("f (1).txt")).unwrap(),
        b"new content"
    );
    assert_eq!(std::fs::read(&remote).unwrap(), b"old");

    // newer: the remote copy is newer than the source → skipped; older → replaced.
    let remote_mtime = |secs| {
        filetime::set_file_mtime(&remote, filetime::FileTime::from_unix_time(secs, 0)).unwrap()
    };
    remote_mtime(4_000_000_000);
    assert!(put("newer").status.success());
    assert_eq!(std::fs::read(&remote).unwrap(), b"old");
    remote_mtime(1_000_000_000);
    assert!(put("newer").status.success());
    assert_eq!(std::fs::read(&remote).unwrap(), b"new content");

    // resume: an existing prefix is continued, not rewritten.
    std::fs::write(&remote, b"new ").unwrap();
    assert!(put("resume").status.success());
    assert_eq!(std::fs::read(&remote).unwrap(), b"new content");

    std::fs::write(&remote, b"whatever").unwrap();
    assert!(put("overwrite").status.success());
    assert_eq!(std::fs::read(&remote).unwrap(), b"new content");
}

/// Answers every conflict with one choice and records the questions.
struct Answer(ConflictPolicy, bool, std::sync::Mutex<Vec<String>>);

#[async_trait]
impl ConflictResolver for Answer {
    async fn resolve(&self, info: &ConflictInfo) -> Option<(ConflictPolicy, bool)> {
        self.2.lock().unwrap().push(info.dst.to_string());
        Some((self.0, self.1))
    }
}

#[tokio::test]
async fn ask_with_apply_to_all_asks_once() {
    let sshd = Sshd::start();
    let dest = tempfile::tempdir().unwrap();
    for i in 0..5 {
        std::fs::write(sshd.data.join(format!("f{i}")), b"remote").unwrap();
        std::fs::write(dest.path().join(format!("f{i}")), b"local").unwrap();
    }
    let resolver = Arc::new(Answer(ConflictPolicy::Skip, true, Default::default()));
    let opts = TransferOptions {
        conflict: ConflictPolicy::Ask,
        resolver: Some(resolver.clone()),
        ..Default::default()
    };
    let pool = Arc::new(Pool::new(sshd.connect_options(), Arc::new(NoPrompt), 1));
    let spec = JobSpec {
        direction: Direction::Download,
        sources: (0..5)
            .map(|i| from_local(&sshd.data.join(format!("f{i}"))))
            .collect(),
        dest_dir: from_local(dest.path()),
        dest_name: None,
        recursive: false,
    };
    let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
    let s = run_job(pool, spec, opts, Control::new(), tx).await.unwrap();
    assert_eq!(
        resolver.2.lock().unwrap().len(),
        1,
        "asked once, applied to all"
    );
    assert_eq!(s.files_skipped, 5);
    for i in 0..5 {
        assert_eq!(
            std::fs::read(dest.path().join(format!("f{i}"))).unwrap(),
            b"local"
        );
    }
}

/// A resumed download counts the prefix it found as done but not as carried: the summary tells the
/// two apart, and the job's average rate (the last progress report) is measured on what moved.
#[tokio::test]
async fn a_resumed_prefix_counts_as_done_not_as_carried() {
    let sshd = Sshd::start();
    let data = bytes(21, 40 << 20);
    std::fs::write(sshd.data.join("r.bin"), &data).unwrap();
    let dest = tempfile::tempdir().unwrap();
    std::fs::write(dest.path().join("r.bin"), &data[..30 << 20]).unwrap();
    let opts = TransferOptions {
        conflict: ConflictPolicy::Resume,
        ..Default::default()
    };
    let pool = Arc::new(Pool::new(sshd.connect_options(), Arc::new(NoPrompt), 1));
    let spec = JobSpec {
        direction: Direction::Download,
        sources: vec![from_local(&sshd.data.join("r.bin"))],
        dest_dir: from_local(dest.path()),
        dest_name: None,
        recursive: false,
    };
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let s = run_job(pool, spec, opts, Control::new(), tx).await.unwrap();
    assert_eq!(std::fs::read(dest.path().join("r.bin")).unwrap(), data);
    assert_eq!((s.files_done, s.bytes, s.resumed), (1, 40 << 20, 30 << 20));
    assert_eq!(s.moved, 10 << 20, "only the missing 10 MiB were carried");
    let mut last = None;
    while let Ok(e) = rx.try_recv() {
        if let Event::Progress(p) = e {
            last = Some(p);
        }
    }
    let last = last.expect("a last progress report");
    let carried_rate = (10 << 20) as f64 / s.elapsed.as_secs_f64();
    assert!(
        last.rate <= carried_rate * 1.01,
        "average rate {} B/s, but only 10 MiB moved in {:?}",
        last.rate,
        s.elapsed
    );
}

#[test]
fn downloads_never_follow_links_planted_in_the_destination() {
    let sshd = Sshd::start();
    std::fs::create_dir(sshd.data.join("d")).unwrap();
    std::fs::write(sshd.data.join("d/a.txt"), b"from server").unwrap();
    std::fs::write(sshd.data.join("d/b.txt"), b"from server").unwrap();
    let outside = tempfile::tempdir().unwrap();
    let victim_a: PathBuf = outside.path().join("victim-a");
    let victim_b: PathBuf = outside.path().join("victim-b");
    std::fs::write(&victim_a, b"precious").unwrap();
    std::fs::write(&victim_b, b"precious").unwrap();

    let dest = tempfile::tempdir().unwrap();
    std::fs::create_dir(dest.path().join("d")).unwrap();
    // A link at the final name and one at the partial name.
    std::os::unix::fs::symlink(&victim_a, dest.path().join("d/a.txt")).unwrap();
    std::os::unix::fs::symlink(&victim_b, dest.path().join("d/b.txt.ferrypart")).unwrap();

    let out = get_tree_into(&sshd, "d", dest.path());
    assert!(out.status.success(), "{}", err(&out));
    assert_eq!(std::fs::read(&victim_a).unwrap(), b"precious");
    assert_eq!(std::fs::read(&victim_b).unwrap(), b"precious");
    assert_eq!(
        std::fs::read(dest.path().join("d/a.txt")).unwrap(),
        b"from server"
    );
    assert_eq!(
        std::fs::read(dest.path().join("d/b.txt")).unwrap(),
        b"from server"
    );
    assert!(
        !std::fs::symlink_metadata(dest.path().join("d/a.txt"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn folder_links_are_reported_not_followed() {
    let sshd = Sshd::start();
    std::fs::create_dir_all(sshd.data.join("t/real")).unwrap();
    std::fs::write(sshd.data.join("t/real/f"), b"x").unwrap();
    std::os::unix::fs::symlink("real", sshd.data.join("t/loop")).unwrap();
    std::os::unix::fs::symlink("real/f", sshd.data.join("t/file-link")).unwrap();
    let dest = tempfile::tempdir().unwrap();
    let out = get_tree_into(&sshd, "t", dest.path());
    assert!(out.status.success(), "{}", err(&out));
    assert!(
        err(&out).contains("Not following the folder link"),
        "{}",
        err(&out)
    );
    assert!(!dest.path().join("t/loop").exists());
    assert_eq!(
        std::fs::read(dest.path().join("t/file-link")).unwrap(),
        b"x",
        "file links are followed"
    );
}

/// Every file and folder under `root` by its exact name bytes (the shared `snapshot` keys are
/// lossy text, which would take a wrongly decoded name for the right one).
#[cfg(unix)]
fn snapshot_bytes(root: &Path) -> std::collections::BTreeMap<Vec<u8>, Vec<u8>> {
    use std::os::unix::ffi::OsStrExt;
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            let mut rel = p
                .strip_prefix(root)
                .unwrap()
                .as_os_str()
                .as_bytes()
                .to_vec();
            if p.is_dir() {
                rel.push(b'/');
                out.insert(rel, Vec::new());
                stack.push(p);
            } else {
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// Names that are not UTF-8 (Latin-1 `café.txt`, a folder `d\xff` holding a file bigger than
/// one request) are copied byte for byte under their exact names, down with `ferry get -r` and
/// up with `ferry put -r`.
#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_are_copied_byte_for_byte() {
    use std::os::unix::ffi::OsStrExt;
    let os = |b: &[u8]| std::ffi::OsStr::from_bytes(b).to_os_string();
    let sshd = Sshd::start();
    let tree = sshd.data.join("odd");
    let dir = tree.join(os(b"d\xff"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(tree.join(os(b"caf\xe9.txt")), b"latin-1 name").unwrap();
    std::fs::write(tree.join(os(b"caf\xe8.txt")), b"another one").unwrap();
    std::fs::write(dir.join(os(b"big\xfe.bin")), bytes(3, 700_000)).unwrap();
    std::fs::write(dir.join("plain.txt"), b"plain").unwrap();
    sshd.chown_data();

    let local = tempfile::tempdir().unwrap();
    let down = get_tree_into(&sshd, "odd", local.path());
    assert!(down.status.success(), "get: {}", err(&down));
    let got = local.path().join("odd");
    assert_eq!(
        snapshot_bytes(&got),
        snapshot_bytes(&tree),
        "download differs"
    );

    // Up: a local tree whose names inside are not UTF-8 (the top folder's name is typed).
    let up_src = local.path().join("up");
    std::fs::rename(&got, &up_src).unwrap();
    let up = ferry(
        &sshd,
        &["put", "-r", up_src.to_str().unwrap(), &sshd.data_url("")],
    );
    assert!(up.status.success(), "put: {}", err(&up));
    assert_eq!(
        snapshot_bytes(&sshd.data.join("up")),
        snapshot_bytes(&up_src),
        "upload differs"
    );

    // With --verify the server's checksum of such a name is asked for too (and matches).
    let again = tempfile::tempdir().unwrap();
    let verified = ferry(
        &sshd,
        &[
            "get",
            "-r",
            "--verify",
            &sshd.data_url("odd"),
            &format!("{}/", again.path().display()),
        ],
    );
    assert!(
        verified.status.success(),
        "get --verify: {}",
        err(&verified)
    );
    assert!(!err(&verified).contains("checksum"), "{}", err(&verified));
    assert_eq!(
        snapshot_bytes(&again.path().join("odd")),
        snapshot_bytes(&tree)
    );
}
