//! Ferry against a *hostile* SFTP server (`tests/interop/hostile/server.py`, AsyncSSH): listings with names
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

use crate::common;

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

/// A running `tests/interop/hostile/server.py`, stopped (SIGTERM, then SIGKILL) by PID when dropped.
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
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/hostile/server.py");
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
            .expect("start tests/interop/hostile/server.py");

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

mod data;
mod names;
