//! Ferry against a *hostile* SFTP server (`tests/hostile/server.py`, AsyncSSH): listings with names
//! that are paths (`../escape.txt`, `/tmp/ferry-abs.txt`, `a/b.txt`), listings that never end, and
//! files whose real size differs from the size the server claims.
//!
//! The server runs with the Python of `target/test-venv` (made by `bash tests/run.sh`) or the one
//! named by `FERRY_TEST_PYTHON`.

mod common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long any one `ferry` run may take before the test kills it and fails.
const FERRY_LIMIT: Duration = Duration::from_secs(60);

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
        static RUNS: AtomicUsize = AtomicUsize::new(0);
        let n = RUNS.fetch_add(1, Ordering::Relaxed);
        let out_path = self.dir.path().join(format!("ferry-{n}.out"));
        let err_path = self.dir.path().join(format!("ferry-{n}.err"));
        let start = Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_ferry"))
            .arg("--known-hosts")
            .arg(&self.known_hosts)
            .arg("--config-dir")
            .arg(self.dir.path().join("config"))
            .arg("--no-agent")
            .arg("-i")
            .arg(&self.key)
            .args(args)
            .env_remove("SSH_AUTH_SOCK")
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&out_path).unwrap())
            .stderr(std::fs::File::create(&err_path).unwrap())
            .spawn()
            .expect("run ferry");
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait for ferry") {
                break status;
            }
            if start.elapsed() > FERRY_LIMIT {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "ferry {args:?} still running after {FERRY_LIMIT:?}; stderr:\n{}\nserver log:\n{}",
                    std::fs::read_to_string(&err_path).unwrap_or_default(),
                    self.log()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let output = Output {
            status,
            stdout: std::fs::read(&out_path).unwrap_or_default(),
            stderr: std::fs::read(&err_path).unwrap_or_default(),
        };
        (output, start.elapsed())
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
