//! Running a `ferry` process with a time limit, measuring its peak memory (RSS) as it runs.

use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// What one run of a program printed and cost.
pub struct Measured {
    pub out: Output,
    pub elapsed: Duration,
    /// Peak resident memory in KiB (`ru_maxrss`, from `wait4`).
    pub max_rss_kib: u64,
}

/// Runs `cmd` to completion, its output going to files (no pipe can fill and block it); after
/// `limit` it is killed by PID and the test fails with what it printed, plus `context()`.
// The child is reaped by `waitpid` in `reap`; its peak RSS is polled from /proc while it runs.
#[allow(clippy::zombie_processes)]
pub fn run_measured(cmd: &mut Command, limit: Duration, context: impl Fn() -> String) -> Measured {
    let out_file = tempfile::tempfile().expect("stdout file");
    let err_file = tempfile::tempfile().expect("stderr file");
    let start = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(out_file.try_clone().unwrap())
        .stderr(err_file.try_clone().unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let read = |mut f: &std::fs::File| {
        use std::io::{Read, Seek};
        let mut v = Vec::new();
        f.seek(std::io::SeekFrom::Start(0)).unwrap();
        f.read_to_end(&mut v).unwrap();
        v
    };
    // The peak is the process's own high-water mark (VmHWM), read while it runs: wait4's
    // ru_maxrss would also count this test process's memory at the time it was spawned, which in a
    // test binary of many tests is unrelated to what `ferry` uses.
    let mut max_rss_kib = 0;
    let status = loop {
        max_rss_kib = max_rss_kib.max(high_water_kib(child.id()));
        if let Some(done) = reap(&child) {
            break done;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{cmd:?} still running after {limit:?}; stderr:\n{}\n{}",
                String::from_utf8_lossy(&read(&err_file)),
                context()
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Measured {
        out: Output {
            status,
            stdout: read(&out_file),
            stderr: read(&err_file),
        },
        elapsed: start.elapsed(),
        max_rss_kib,
    }
}

/// The peak resident memory (KiB) of the running process `pid` so far; 0 once it has exited.
fn high_water_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Reaps `child` if it has exited: its status. `None` while it runs.
fn reap(child: &Child) -> Option<std::process::ExitStatus> {
    use std::os::unix::process::ExitStatusExt;
    let mut status = 0;
    // SAFETY: waitpid(2) on the PID of a child this test started, with a valid out-pointer.
    let pid = unsafe { libc::waitpid(child.id() as i32, &mut status, libc::WNOHANG) };
    assert!(pid >= 0, "waitpid: {}", std::io::Error::last_os_error());
    (pid != 0).then(|| std::process::ExitStatus::from_raw(status))
}
