//! Ferry against a *hostile* SFTP server (`tests/hostile/server.py`, AsyncSSH): listings with names
//! that are paths (`../escape.txt`, `/tmp/ferry-abs.txt`, `a/b.txt`), names with control characters,
//! invalid UTF-8 or 4,096 bytes, listings that never end, symlink loops and links out of the tree,
//! files whose real size differs from the size the server claims (or is 2^64-1), that change while
//! read, read replies longer than asked, stalled and slow replies, and connections dropped
//! mid-file. Each test checks what a person would: nothing written outside the destination, the
//! other files of the job intact, a clear error naming the file, bounded time (the harness kills
//! a run after [`FERRY_LIMIT`]) and bounded memory (the peak RSS of the `ferry` process).
//!
//! The server runs with the Python of `target/test-venv` (made by `bash tests/run.sh`) or the one
//! named by `FERRY_TEST_PYTHON`.

mod common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// How long any one `ferry` run may take before the test kills it and fails.
// (180 s: a connection that drops on every attempt goes through the whole reconnect backoff, which
// on a loaded 2-core CI machine took over 60 s.)
const FERRY_LIMIT: Duration = Duration::from_secs(180);

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The Python interpreter with asyncssh: `$FERRY_TEST_PYTHON`, else the venv `tests/run.sh` makes.
fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("FERRY_TEST_PYTHON") {
        let p = PathBuf::from(p);
        assert!(
            p.exists(),
            "FERRY_TEST_PYTHON={} does not exist; unset it or run `bash tests/run.sh`",
            p.display()
        );
        return p;
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-venv/bin/python");
    assert!(
        venv.exists(),
        "the hostile-server tests need Python with asyncssh at {}: run `bash tests/run.sh` once \
         (it creates that venv), or set FERRY_TEST_PYTHON to a python that has asyncssh",
        venv.display()
    );
    venv
}

/// A running `tests/hostile/server.py`, stopped (SIGTERM, then SIGKILL) by PID when dropped.
struct Hostile {
    port: u16,
    dir: tempfile::TempDir,
    key: PathBuf,
    known_hosts: PathBuf,
    child: Child,
}

impl Hostile {
    fn start(mode: &str) -> Hostile {
        let dir = tempfile::Builder::new()
            .prefix("ferry-hostile-")
            .tempdir()
            .expect("tempdir");
        let key = common::keygen(dir.path(), "client_ed25519", "ed25519", "");
        let authorized = dir.path().join("authorized_keys");
        std::fs::write(&authorized, format!("{}\n", common::read_pub(&key))).unwrap();
        let host_pub = dir.path().join("host_ed25519.pub");
        let log = std::fs::File::create(dir.path().join("server.log")).unwrap();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/server.py");
        let mut child = Command::new(python())
            .arg(&script)
            .args(["--port", "0", "--user", "test", "--mode", mode])
            .arg("--host-key-pub")
            .arg(&host_pub)
            .arg("--authorized-keys")
            .arg(&authorized)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .expect("start tests/hostile/server.py");

        // Read "PORT n" on a thread (keeps draining stdout afterwards) so the wait is bounded.
        let out = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines() {
                let Ok(line) = line else { break };
                if let Some(p) = line.strip_prefix("PORT ") {
                    let _ = tx.send(p.trim().parse::<u16>().ok());
                }
            }
        });
        let port = match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(Some(port)) => port,
            other => {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "hostile server did not report its port ({other:?}):\n{}",
                    std::fs::read_to_string(dir.path().join("server.log")).unwrap_or_default()
                );
            }
        };
        let known_hosts = dir.path().join("known_hosts");
        std::fs::write(
            &known_hosts,
            format!(
                "[127.0.0.1]:{port} {}\n",
                std::fs::read_to_string(&host_pub).unwrap().trim()
            ),
        )
        .unwrap();
        Hostile {
            port,
            dir,
            key,
            known_hosts,
            child,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("sftp://test@127.0.0.1:{}{}", self.port, path)
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }

    /// Runs `ferry [common options] ARGS` to completion (killed after [`FERRY_LIMIT`]).
    fn ferry(&self, args: &[&str]) -> (Output, Duration) {
        let (out, took, _) = self.ferry_rss(args);
        (out, took)
    }

    /// [`Hostile::ferry`], also returning the peak resident memory of the `ferry` process in KiB.
    fn ferry_rss(&self, args: &[&str]) -> (Output, Duration, u64) {
        let run = common::run_measured(
            Command::new(env!("CARGO_BIN_EXE_ferry"))
                .arg("--known-hosts")
                .arg(&self.known_hosts)
                .arg("--config-dir")
                .arg(self.dir.path().join("config"))
                .arg("--no-agent")
                .arg("-i")
                .arg(&self.key)
                .args(args)
                .env_remove("SSH_AUTH_SOCK"),
            FERRY_LIMIT,
            || format!("server log:\n{}", self.log()),
        );
        (run.out, run.elapsed, run.max_rss_kib)
    }
}

impl Drop for Hostile {
    fn drop(&mut self) {
        // SAFETY: plain kill(2) on the PID of the server this fixture started.
        unsafe { libc::kill(self.child.id() as i32, libc::SIGTERM) };
        for _ in 0..100 {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Every path under `root` (relative, `/`-separated), bounded in count so a runaway tree can't hang
/// the test.
fn tree(root: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            assert!(
                found.len() < 10_000,
                "runaway tree under {}",
                root.display()
            );
            found.insert(rel);
            if e.file_type().map(|t| t.is_dir()).unwrap_or(false) {
                stack.push(path);
            }
        }
    }
    found
}

/// The bytes `server.py` serves for its lying-size files (`pattern(n, seed)` there).
fn pattern(n: usize, seed: usize) -> Vec<u8> {
    (0..n)
        .map(|i| ((i * 31 + seed + i / 251) % 256) as u8)
        .collect()
}

/// Names the evil-names server sends that must never become paths.
const EVIL: [&str; 5] = [
    "../escape.txt",
    "/tmp/ferry-abs.txt",
    "a/b.txt",
    "nul",
    "../../up.txt",
];

#[test]
fn ls_skips_names_that_are_paths() {
    let server = Hostile::start("evil-names");
    for flags in [&[][..], &["-a"][..], &["-l"][..]] {
        let url = server.url("/hostile/dir");
        let mut args = vec!["ls"];
        args.extend_from_slice(flags);
        args.push(&url);
        let (out, _) = server.ferry(&args);
        let err = stderr(&out);
        assert!(
            out.status.success(),
            "ls {flags:?}: {err}\n{}",
            server.log()
        );
        let names: Vec<String> = stdout(&out)
            .lines()
            .map(|l| {
                if flags == ["-l"] {
                    l.rsplit(' ').next().unwrap_or("").to_string()
                } else {
                    l.to_string()
                }
            })
            .collect();
        assert!(
            names.contains(&"ok.txt".into()) && names.contains(&"nested".into()),
            "{flags:?}: {names:?}"
        );
        for n in &names {
            // `sub\back.txt` is one legal name on POSIX, so it may be shown; nothing else may.
            assert!(
                ["ok.txt", "nested", "sub\\back.txt"].contains(&n.as_str()),
                "ls {flags:?} printed a name it should have refused: {n:?}"
            );
        }
        for evil in EVIL.iter().take(3) {
            assert!(err.contains(evil), "no warning about {evil:?}: {err}");
        }
        assert!(
            err.contains("nul") && err.to_lowercase().contains("skipped"),
            "{err}"
        );
    }

    let (out, _) = server.ferry(&["ls", &server.url("/hostile/dir/nested")]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert_eq!(stdout(&out).lines().collect::<Vec<_>>(), ["fine.txt"]);
    assert!(err.contains("../../up.txt"), "{err}");
}

#[test]
fn ls_of_endless_listing_stops_at_the_limit() {
    let server = Hostile::start("endless");
    let (out, took) = server.ferry(&["ls", "--max-entries", "5000", &server.url("/hostile/dir")]);
    let err = stderr(&out);
    assert!(!out.status.success(), "an endless listing 'succeeded'");
    assert!(err.contains("more than 5000 entries"), "{err}");
    assert!(took < Duration::from_secs(60), "took {took:?}");
    assert!(stdout(&out).is_empty(), "printed a partial listing");
}

#[test]
fn get_recursive_never_writes_outside_the_destination() {
    let server = Hostile::start("evil-names");
    // DEST sits three levels down in a fresh folder, so a `../` escape lands somewhere we can see.
    let outer = tempfile::Builder::new()
        .prefix("ferry-hostile-get-")
        .tempdir()
        .unwrap();
    let dest = outer.path().join("l1/l2/dest");
    std::fs::create_dir_all(&dest).unwrap();
    let absolute = Path::new("/tmp/ferry-abs.txt");
    if absolute.exists() {
        eprintln!(
            "removing a leftover {} from an earlier run",
            absolute.display()
        );
        std::fs::remove_file(absolute).unwrap();
    }
    let tmp_before: Vec<bool> = ["/tmp/escape.txt", "/tmp/up.txt"]
        .iter()
        .map(|p| Path::new(p).exists())
        .collect();

    let dest_arg = format!("{}/", dest.display());
    let (out, _) = server.ferry(&["get", "-r", &server.url("/hostile/dir"), &dest_arg]);
    let err = stderr(&out);
    eprintln!("ferry get: {}\n{err}", out.status);

    assert!(!absolute.exists(), "an absolute name was written: {err}");
    for (p, existed) in ["/tmp/escape.txt", "/tmp/up.txt"].iter().zip(tmp_before) {
        assert!(existed || !Path::new(p).exists(), "{p} was written: {err}");
    }
    let mut expected: BTreeSet<String> = [
        "l1",
        "l1/l2",
        "l1/l2/dest",
        "l1/l2/dest/dir",
        "l1/l2/dest/dir/ok.txt",
        "l1/l2/dest/dir/nested",
        "l1/l2/dest/dir/nested/fine.txt",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    let found = tree(outer.path());
    // `sub\back.txt` is a legal POSIX name: it may be written, but only as one file in dir/.
    let backslash = "l1/l2/dest/dir/sub\\back.txt".to_string();
    if found.contains(&backslash) {
        expected.insert(backslash);
    }
    assert_eq!(
        found, expected,
        "files outside the expected tree; stderr: {err}"
    );
    assert_eq!(
        std::fs::read_to_string(dest.join("dir/ok.txt")).unwrap(),
        "good"
    );
    assert_eq!(
        std::fs::read_to_string(dest.join("dir/nested/fine.txt")).unwrap(),
        "good"
    );
    // Non-zero exit or a warning: either way the refused names are named.
    for evil in EVIL {
        assert!(
            err.contains(evil),
            "stderr does not mention {evil:?}: {err}"
        );
    }
}

#[test]
fn get_does_not_trust_claimed_sizes() {
    let server = Hostile::start("lying-size");
    let top = tempfile::Builder::new()
        .prefix("ferry-hostile-size-")
        .tempdir()
        .unwrap();

    let check = |file: &Path, name: &str, truth: &[u8], out: &Output| {
        let err = stderr(out);
        let local = std::fs::read(file).ok();
        let right = local.as_deref().is_some_and(|l| l.len() == truth.len());
        assert!(
            !out.status.success() || right,
            "{name}: reported done but the local file has {:?} bytes, the server sent {}; stderr: {err}",
            local.as_ref().map(Vec::len),
            truth.len()
        );
        if right {
            assert!(local.as_deref() == Some(truth), "{name}: wrong content");
        }
        assert!(err.contains(name), "stderr does not mention {name}: {err}");
    };

    // The whole folder.
    let dest = top.path().join("all");
    std::fs::create_dir(&dest).unwrap();
    let dest_arg = format!("{}/", dest.display());
    let (out, _) = server.ferry(&["get", "-r", &server.url("/hostile/dir"), &dest_arg]);
    eprintln!("ferry get -r: {}\n{}", out.status, stderr(&out));
    check(
        &dest.join("dir/big.bin"),
        "big.bin",
        &pattern(5000, 1),
        &out,
    );
    check(
        &dest.join("dir/small.bin"),
        "small.bin",
        &pattern(1000, 2),
        &out,
    );
    assert_eq!(
        std::fs::read(dest.join("dir/honest.bin")).ok(),
        Some(pattern(3000, 3)),
        "the honest file next to the liars: {}",
        stderr(&out)
    );

    // One file at a time.
    for (name, truth) in [
        ("big.bin", pattern(5000, 1)),
        ("small.bin", pattern(1000, 2)),
    ] {
        let dest = top.path().join(format!("one-{name}"));
        std::fs::create_dir(&dest).unwrap();
        let dest_arg = format!("{}/", dest.display());
        let url = server.url(&format!("/hostile/dir/{name}"));
        let (out, _) = server.ferry(&["get", &url, &dest_arg]);
        eprintln!("ferry get {name}: {}\n{}", out.status, stderr(&out));
        check(&dest.join(name), name, &truth, &out);
    }
}

/// Peak RSS any hostile run may reach (KiB). Ferry itself needs ~20-40 MiB; an endless listing or a
/// lying size that made it buffer without bound would blow far past this.
const RSS_LIMIT_KIB: u64 = 256 * 1024;

/// Fails when `text` holds a raw control character (a name that reached the terminal unescaped).
fn assert_no_raw_controls(what: &str, text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
        .collect();
    assert!(
        bad.is_empty(),
        "{what} has raw control characters {bad:?}:\n{text}"
    );
}

/// A fresh destination folder `OUTER/l1/dest` (so `../` escapes would land where we can see them).
fn destination(prefix: &str) -> (tempfile::TempDir, PathBuf, String) {
    let outer = tempfile::Builder::new().prefix(prefix).tempdir().unwrap();
    let dest = outer.path().join("l1/dest");
    std::fs::create_dir_all(&dest).unwrap();
    let arg = format!("{}/", dest.display());
    (outer, dest, arg)
}

/// What `ferry get -r /hostile/<what> DEST/` did against a fresh server in one mode.
struct GetRun {
    server: Hostile,
    /// Holds `l1/dest`; anything written outside DEST would land here.
    outer: tempfile::TempDir,
    dest: PathBuf,
    out: Output,
    rss: u64,
    err: String,
}

/// Starts a server in `mode` and downloads `/hostile/<what>` into a fresh destination, printing
/// what happened for the test log.
fn get_from(mode: &str, what: &str) -> GetRun {
    get_from_with(mode, what, &[])
}

/// [`get_from`] with more options for `ferry get`.
fn get_from_with(mode: &str, what: &str, extra: &[&str]) -> GetRun {
    let server = Hostile::start(mode);
    let (outer, dest, dest_arg) = destination(&format!("ferry-hostile-{mode}-"));
    let url = server.url(&format!("/hostile/{what}"));
    let mut args = vec!["get", "-r"];
    args.extend_from_slice(extra);
    args.extend([url.as_str(), dest_arg.as_str()]);
    let (out, took, rss) = server.ferry_rss(&args);
    let err = stderr(&out);
    eprintln!(
        "ferry get -r ({mode}): {} in {took:?}, peak RSS {rss} KiB\n{err}",
        out.status
    );
    GetRun {
        server,
        outer,
        dest,
        out,
        rss,
        err,
    }
}

/// Every path under `root` as `tree` lists it, and no symlink among them.
fn tree_without_links(root: &Path) -> BTreeSet<String> {
    // Walked by the real paths: `tree`'s are lossy text, which names no file that is not UTF-8.
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let kind = e.file_type().unwrap();
            assert!(
                !kind.is_symlink(),
                "a symlink was created: {}",
                e.path().display()
            );
            if kind.is_dir() {
                stack.push(e.path());
            }
        }
    }
    tree(root)
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn names_with_controls_bad_utf8_or_4096_bytes() {
    let server = Hostile::start("odd-names");
    let long = "L".repeat(4096);

    // ls: one line per name, every control character escaped, the bytes that are not UTF-8 as
    // `\xff` (the name is listed again over Ferry's byte-exact client, so it is exact).
    let (out, _, rss) = server.ferry_rss(&["ls", &server.url("/hostile/dir")]);
    let (so, se) = (stdout(&out), stderr(&out));
    assert!(out.status.success(), "{se}\n{}", server.log());
    assert_no_raw_controls("ls output", &so);
    assert_no_raw_controls("ls stderr", &se);
    let lines: BTreeSet<String> = so.lines().map(String::from).collect();
    let expected = set(&[
        "bad-\\xff\\xfe-utf8.txt",
        "cr\\rreturn.txt",
        "esc\\x1b[31mred.txt",
        "line\\nbreak.txt",
        long.as_str(),
        "ok.txt",
    ]);
    assert_eq!(lines, expected, "ls printed:\n{so}");
    assert!(rss < RSS_LIMIT_KIB, "ls peak RSS {rss} KiB");

    // get -r: the legal names arrive (inside DEST), the non-UTF-8 one under its exact bytes; the
    // one that cannot be stored fails with its own line; nothing else is written, not even a
    // partial file.
    let (outer, dest, dest_arg) = destination("ferry-hostile-odd-");
    let (out, _, rss) = server.ferry_rss(&["get", "-r", &server.url("/hostile/dir"), &dest_arg]);
    let err = stderr(&out);
    eprintln!("ferry get -r: {}\n{err}", out.status);
    assert!(!out.status.success(), "a file cannot be stored, yet: {err}");
    assert_no_raw_controls("get stderr", &err);
    assert!(!err.contains("bad-"), "the non-UTF-8 name failed: {err}");
    assert!(
        err.lines()
            .any(|l| l.contains(&long) && l.contains("longer than 255 bytes")),
        "no clear error for the 4,096-byte name: {err}"
    );
    let found = tree_without_links(outer.path());
    assert_eq!(
        found,
        set(&[
            "l1",
            "l1/dest",
            "l1/dest/dir",
            "l1/dest/dir/bad-\u{FFFD}\u{FFFD}-utf8.txt",
            "l1/dest/dir/cr\rreturn.txt",
            "l1/dest/dir/esc\u{1b}[31mred.txt",
            "l1/dest/dir/line\nbreak.txt",
            "l1/dest/dir/ok.txt",
        ]),
        "stderr: {err}"
    );
    assert_eq!(std::fs::read(dest.join("dir/ok.txt")).unwrap(), b"good");
    let exact =
        <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(b"bad-\xff\xfe-utf8.txt");
    assert_eq!(std::fs::read(dest.join("dir").join(exact)).unwrap(), b"ctl");
    assert_eq!(
        std::fs::read(dest.join("dir/line\nbreak.txt")).unwrap(),
        b"ctl"
    );
    assert!(rss < RSS_LIMIT_KIB, "get peak RSS {rss} KiB");
}

#[test]
fn symlink_loops_and_links_out_of_the_tree() {
    let server = Hostile::start("links");

    // Default: links to folders are not followed (each one named), a link to a file outside the
    // tree is copied as a regular file *inside* DEST, a dangling link is skipped.
    let (outer, dest, dest_arg) = destination("ferry-hostile-links-");
    let (out, _, rss) =
        server.ferry_rss(&["get", "-r", "-v", &server.url("/hostile/dir"), &dest_arg]);
    let err = stderr(&out);
    eprintln!("ferry get -r: {}\n{err}", out.status);
    assert!(out.status.success(), "{err}\n{}", server.log());
    for link in ["loop", "up", "self", "outside", "sub/back"] {
        assert!(
            err.contains(&format!(
                "Not following the folder link /hostile/dir/{link} ->"
            )),
            "no note about {link}: {err}"
        );
    }
    assert!(err.contains("dangling") && err.contains("broken"), "{err}");
    // A link's target is the server's text: shown escaped, never raw on the terminal.
    assert!(
        err.contains("/hostile/dir/red -> /etc/\\x1b[31mred"),
        "the escaped target is not shown: {err}"
    );
    assert!(
        !err.contains('\x1b'),
        "a raw escape reached the terminal: {err:?}"
    );
    assert_eq!(
        tree_without_links(outer.path()),
        set(&[
            "l1",
            "l1/dest",
            "l1/dest/dir",
            "l1/dest/dir/ok.txt",
            "l1/dest/dir/secret.txt",
            "l1/dest/dir/sub",
            "l1/dest/dir/sub/fine.txt",
        ])
    );
    assert_eq!(
        std::fs::read(dest.join("dir/secret.txt")).unwrap(),
        b"OUTSIDE"
    );
    assert!(rss < RSS_LIMIT_KIB, "peak RSS {rss} KiB");

    // --follow-links: every loop is cut (each folder copied once), the link out of the tree is
    // copied into DEST like any folder, and the run ends.
    let (outer, _dest, dest_arg) = destination("ferry-hostile-follow-");
    let (out, _, rss) = server.ferry_rss(&[
        "get",
        "-r",
        "-v",
        "--follow-links",
        &server.url("/hostile/dir"),
        &dest_arg,
    ]);
    let err = stderr(&out);
    eprintln!("ferry get -r --follow-links: {}\n{err}", out.status);
    assert!(out.status.success(), "{err}\n{}", server.log());
    assert!(err.contains("a loop"), "no loop was reported: {err}");
    let found = tree_without_links(outer.path());
    assert!(
        found.contains("l1/dest/dir/outside/secret.txt") && found.contains("l1/dest/dir/ok.txt"),
        "{found:#?}"
    );
    // /hostile holds one folder: following `up` copies the tree once more, never again.
    assert!(found.len() < 40, "the loop was not cut: {found:#?}");
    assert!(
        found.iter().all(|p| p.starts_with("l1")),
        "outside DEST: {found:#?}"
    );
    assert!(rss < RSS_LIMIT_KIB, "peak RSS {rss} KiB");
}

#[test]
fn lying_reads_are_never_written_as_good_files() {
    let GetRun {
        server,
        outer,
        dest,
        out,
        rss,
        err,
        ..
    } = get_from("bad-data", "dir");
    assert!(!out.status.success(), "{err}");

    // A reply longer than asked is refused, never written (the padding is "X").
    assert!(
        err.lines()
            .any(|l| l.contains("overlong.bin") && l.contains("more data than asked")),
        "{err}"
    );
    // 2^64-1 claimed, 2000 there: an error naming the file, no huge preallocation.
    assert!(
        err.lines()
            .any(|l| l.contains("huge.bin") && l.contains("18446744073709551615")),
        "{err}"
    );
    // Cut short while read: an error, not a short file passed off as complete.
    assert!(err.lines().any(|l| l.contains("shrinks.bin")), "{err}");
    // Grew while read: copied to its real end, with a note.
    assert!(
        err.contains("grows.bin grew while it was copied"),
        "no note about the growing file: {err}"
    );
    let grown = std::fs::read(dest.join("dir/grows.bin")).expect("grows.bin arrived");
    assert!(
        grown.len() > 4000 && grown.len() <= 40_000 && grown == pattern(grown.len(), 6),
        "grows.bin: {} bytes, not the server's bytes",
        grown.len()
    );
    assert_eq!(
        std::fs::read(dest.join("dir/honest.bin")).ok(),
        Some(pattern(3000, 3)),
        "the honest file next to the liars"
    );
    // Only the good files are there; no partial file holds more than the server really had.
    let found = tree_without_links(outer.path());
    for f in &found {
        let len = std::fs::metadata(outer.path().join(f)).unwrap().len();
        assert!(len <= 300_000, "{f} is {len} bytes");
        assert!(
            !f.ends_with("/overlong.bin") && !f.ends_with("/huge.bin"),
            "{found:#?}"
        );
        assert!(!f.ends_with("/shrinks.bin"), "{found:#?}");
    }
    assert!(rss < RSS_LIMIT_KIB, "peak RSS {rss} KiB");

    // The 2^64-1 file alone.
    let (_outer, dest, dest_arg) = destination("ferry-hostile-huge-");
    let (out, _, rss) = server.ferry_rss(&["get", &server.url("/hostile/dir/huge.bin"), &dest_arg]);
    let err = stderr(&out);
    assert!(!out.status.success() && err.contains("huge.bin"), "{err}");
    assert!(!dest.join("huge.bin").exists());
    assert!(rss < RSS_LIMIT_KIB, "peak RSS {rss} KiB");
}

#[test]
fn a_stalled_server_times_out_and_the_job_carries_on() {
    let server = Hostile::start("slow");
    let (_outer, dest, dest_arg) = destination("ferry-hostile-slow-");
    let (out, took, rss) = server.ferry_rss(&[
        "get",
        "-r",
        "--request-timeout",
        "3",
        &server.url("/hostile/dir"),
        &dest_arg,
    ]);
    let err = stderr(&out);
    eprintln!("ferry get -r: {} in {took:?}\n{err}", out.status);
    assert!(out.status.success(), "{err}\n{}", server.log());
    assert!(
        server.log().contains("stalling a READ"),
        "the server never stalled: {}",
        server.log()
    );
    assert!(err.contains("reconnecting"), "no word of the stall: {err}");
    assert_eq!(std::fs::read(dest.join("dir/fast.txt")).unwrap(), b"fast");
    assert_eq!(
        std::fs::read(dest.join("dir/slow.txt")).unwrap(),
        b"slow but steady"
    );
    assert_eq!(
        std::fs::read(dest.join("dir/stall.bin")).ok(),
        Some(pattern(300_000, 9)),
        "stall.bin after the reconnect"
    );
    assert!(rss < RSS_LIMIT_KIB, "peak RSS {rss} KiB");
}

#[test]
fn a_connection_dropped_mid_file() {
    let GetRun {
        server,
        outer,
        dest,
        out,
        rss,
        err,
        ..
    } = get_from("drop", "dir");
    assert!(
        server.log().contains("mid-drop.bin"),
        "the server never dropped: {}",
        server.log()
    );
    // Dropped once: reconnected, resumed, identical.
    assert_eq!(
        std::fs::read(dest.join("dir/drop.bin")).ok(),
        Some(pattern(3 << 20, 10)),
        "drop.bin after the reconnect: {err}"
    );
    assert_eq!(std::fs::read(dest.join("dir/ok.txt")).unwrap(), b"good");
    // Dropped every time: a clear error after the retries, and no complete-looking file.
    assert!(!out.status.success(), "{err}");
    assert!(
        err.lines()
            .any(|l| l.contains("always.bin") && l.to_lowercase().contains("connection")),
        "{err}"
    );
    assert!(!dest.join("dir/always.bin").exists());
    assert!(
        tree_without_links(outer.path())
            .iter()
            .all(|p| !p.contains("drop.bin.ferrypart")),
        "a partial file of the finished drop.bin was left"
    );
    assert!(rss < RSS_LIMIT_KIB, "peak RSS {rss} KiB");
}

#[test]
fn a_file_that_never_ends_is_cut_off() {
    let GetRun {
        outer,
        dest,
        out,
        rss,
        err,
        ..
    } = get_from("forever", "dir");
    assert!(!out.status.success(), "{err}");
    assert!(
        err.lines()
            .any(|l| l.contains("forever.bin") && l.contains("changed size")),
        "{err}"
    );
    assert!(!dest.join("dir/forever.bin").exists());
    assert_eq!(
        std::fs::read(dest.join("dir/honest.bin")).ok(),
        Some(pattern(3000, 3))
    );
    // What is kept (a resumable partial file) stops near the growth allowance.
    let cap = 1000 + ferry_engine::transfer::io::GROWTH_ALLOWANCE;
    for f in tree_without_links(outer.path()) {
        let len = std::fs::metadata(outer.path().join(&f)).unwrap().len();
        assert!(len <= cap + (1 << 20), "{f}: {len} bytes");
    }
    assert!(rss < RSS_LIMIT_KIB, "peak RSS {rss} KiB");
}

#[test]
fn an_endless_listing_in_a_download_stops_at_the_cap() {
    // `/hostile/*` is the endless folder and an ordinary file beside it.
    let GetRun {
        outer,
        dest,
        out,
        rss,
        err,
        ..
    } = get_from_with("endless", "*", &["--max-entries", "50000"]);
    assert!(!out.status.success(), "an endless listing 'succeeded'");
    assert!(
        err.lines()
            .any(|l| l.contains("/hostile/dir") && l.contains("more than 50000 entries")),
        "{err}"
    );
    assert_eq!(std::fs::read(dest.join("also.txt")).unwrap(), b"also");
    assert_eq!(
        tree_without_links(outer.path()),
        set(&["l1", "l1/dest", "l1/dest/also.txt", "l1/dest/dir"]),
        "nothing from the endless folder is copied"
    );
    assert!(rss < RSS_LIMIT_KIB, "peak RSS {rss} KiB");
}

/// Entries a client drops (endless `.`, endless `../escape_N.txt`) still count against the cap:
/// before, they were skipped before counting, so the listing never ended and the list of refused
/// names grew without bound (109 MiB and counting).
#[test]
fn endless_dots_or_refused_names_still_stop_at_the_cap() {
    for mode in ["endless-dots", "endless-escapes"] {
        let server = Hostile::start(mode);
        let (out, took, rss) =
            server.ferry_rss(&["ls", "--max-entries", "20000", &server.url("/hostile/dir")]);
        let err = stderr(&out);
        eprintln!("{mode}: {} in {took:?}, peak RSS {rss} KiB", out.status);
        assert!(
            !out.status.success(),
            "{mode}: an endless listing 'succeeded'"
        );
        assert!(err.contains("more than 20000 entries"), "{mode}: {err}");
        assert!(took < Duration::from_secs(60), "{mode}: took {took:?}");
        assert!(rss < RSS_LIMIT_KIB, "{mode}: peak RSS {rss} KiB");
        // The refused names are reported, but not without bound.
        assert!(
            err.lines().count() < 120,
            "{mode}: {} lines",
            err.lines().count()
        );
    }
}

/// A server that trickles an endless listing is cut off by time, with a message saying so.
#[test]
fn a_listing_that_takes_too_long_is_cut_off_by_time() {
    let server = Hostile::start("endless");
    let (out, took) = server.ferry(&[
        "ls",
        "--max-entries",
        "100000000",
        "--max-list-secs",
        "2",
        &server.url("/hostile/dir"),
    ]);
    let err = stderr(&out);
    assert!(!out.status.success(), "an endless listing 'succeeded'");
    assert!(err.contains("stopped after 2 s"), "{err}");
    assert!(took < Duration::from_secs(30), "took {took:?}");
}

/// One name listed as a file and again as a folder (and another listed twice): the first entry is
/// copied, the repeat noted, and the rest of the folder arrives; nothing partial is left. Before,
/// the whole folder failed and a `.ferrypart` stayed behind.
#[test]
fn a_name_listed_twice_with_different_types() {
    let GetRun {
        outer,
        dest,
        out,
        err,
        ..
    } = get_from("dup-types", "dir");
    assert!(out.status.success(), "{err}");
    assert_eq!(std::fs::read(dest.join("dir/twice")).unwrap(), b"first");
    assert_eq!(std::fs::read(dest.join("dir/same.txt")).unwrap(), b"same");
    assert_eq!(std::fs::read(dest.join("dir/ok.txt")).unwrap(), b"good");
    assert!(err.contains("more than once"), "{err}");
    assert!(
        tree_without_links(outer.path())
            .iter()
            .all(|p| !p.ends_with(".ferrypart")),
        "a partial file was left"
    );
}
