//! `ferry queue` against a real OpenSSH sshd: a `ferry get` killed mid-transfer leaves its job in
//! the saved queue, `ferry queue` lists it with how far it got, and `ferry queue run` finishes it,
//! continuing the partial file with the options the `get` was given (`-p` keeps the mode), and
//! leaves it alone while the `get` still runs it; a `get`
//! stopped with Ctrl-C says its work is kept, exits 130, and is listed; a second Ctrl-C stops it at
//! once, the partial file and the job kept.

use crate::common;

use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use common::{Sshd, bytes};

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn queue(sshd: &Sshd, args: &[&str]) -> Output {
    sshd.ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .arg("queue")
        .args(args)
        .output()
        .expect("run ferry")
}

/// Waits up to `secs` for `ready`.
fn wait_for(secs: u64, what: &str, mut ready: impl FnMut() -> bool) {
    let until = Instant::now() + Duration::from_secs(secs);
    while !ready() {
        assert!(Instant::now() < until, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_killed_get_is_listed_and_finished_by_queue_run() {
    const SIZE: usize = 128 << 20;
    let sshd = Sshd::start();
    let data = bytes(41, SIZE);
    std::fs::write(sshd.data.join("big.bin"), &data).unwrap();
    sshd.chown_data();
    // An unusual mode, so that only `-p` can give the copy the same one.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(
        sshd.data.join("big.bin"),
        std::fs::Permissions::from_mode(0o604),
    )
    .unwrap();
    let local = tempfile::tempdir().unwrap();
    let dst = local.path().join("big.bin");
    let part = local.path().join("big.bin.ferrypart");
    let queue_file = sshd.dir.path().join("config/data/queue.json");

    let mut child = sshd
        .ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .args(["get", "-p", "-j", "1", "--connections", "1"])
        .arg(sshd.data_url("big.bin"))
        .arg(format!("{}/", local.path().display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run ferry");
    wait_for(60, "the partial file to grow", || {
        std::fs::metadata(&part).is_ok_and(|m| m.len() >= 48 << 20)
    });
    // Past the 16 MiB a resume backs off (writes in flight may have left holes before the end).
    // Freeze the server so the copy cannot finish, let the job record how far it got, then kill
    // ferry by its PID, as a crash or `kill -9` would.
    let stalled = sshd.stall_sessions();
    wait_for(10, "the progress to be recorded", || {
        std::fs::read_to_string(&queue_file)
            .is_ok_and(|t| t.contains(&format!("\"bytes_total\": {SIZE}")))
    });
    // While the get still holds its job (stalled), another ferry lists it as running elsewhere,
    // and `queue run` leaves it alone: two writers never fill one partial file.
    let busy = stdout(&queue(&sshd, &[]));
    assert!(busy.contains("(running in another Ferry)"), "{busy}");
    let left_alone = queue(&sshd, &["run"]);
    assert!(left_alone.status.success(), "{}", stderr(&left_alone));
    assert!(
        stderr(&left_alone).contains("no unfinished transfers"),
        "{}",
        stderr(&left_alone)
    );
    child.kill().unwrap();
    child.wait().unwrap();
    Sshd::kill_pids(&stalled);
    assert!(!dst.exists(), "the copy finished before it was killed");
    let left = std::fs::metadata(&part).unwrap().len();
    assert!(left > 0 && left < SIZE as u64);

    let listed = queue(&sshd, &[]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    let text = stdout(&listed);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.contains("download") && text.contains("big.bin"),
        "{text}"
    );
    assert!(text.contains(&local.path().display().to_string()), "{text}");
    assert!(text.contains("of 128.0 MiB"), "{text}");
    assert_eq!(stdout(&queue(&sshd, &["list"])), text);

    let ran = queue(&sshd, &["-v", "run"]);
    assert!(ran.status.success(), "{}", stderr(&ran));
    assert!(
        stderr(&ran).contains("of it already there"),
        "the partial file was not continued: {}",
        stderr(&ran)
    );
    assert!(
        std::fs::read(&dst).unwrap() == data,
        "the finished copy differs"
    );
    assert!(!part.exists(), "a partial file was left behind");
    let mode = std::fs::metadata(&dst).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o604, "queue run forgot the get's -p: mode {mode:o}");

    let after = queue(&sshd, &[]);
    assert!(after.status.success(), "{}", stderr(&after));
    assert_eq!(stdout(&after), "", "the queue is not empty");
    let cleared = queue(&sshd, &["clear"]);
    assert!(cleared.status.success(), "{}", stderr(&cleared));
}

#[test]
fn a_get_stopped_with_ctrl_c_keeps_its_job_and_exits_130() {
    let sshd = Sshd::start();
    let local = tempfile::tempdir().unwrap();
    let mut child = get_in_the_background(&sshd, "c.bin", 128 << 20, local.path());
    // The server is frozen so the copy cannot finish first, and thawed once Ctrl-C is sent.
    let stalled = sshd.stall_sessions();
    interrupt(&child);
    std::thread::sleep(Duration::from_millis(200));
    for pid in &stalled {
        // SAFETY: kill(2) on PIDs of processes this test's server started (frozen above).
        unsafe { libc::kill(*pid as i32, libc::SIGCONT) };
    }
    wait_for(60, "ferry to stop", || child.try_wait().unwrap().is_some());
    let out = child.wait_with_output().unwrap();
    let said = stderr(&out);
    assert_eq!(out.status.code(), Some(130), "{said}");
    assert!(
        said.contains("the unfinished part is kept: `ferry queue run` continues it"),
        "{said}"
    );
    assert!(!local.path().join("c.bin").exists());
    let listed = stdout(&queue(&sshd, &[]));
    assert!(listed.contains("c.bin"), "not listed: {listed}");
}

#[test]
fn a_second_ctrl_c_stops_at_once_and_the_job_stays() {
    let sshd = Sshd::start();
    let local = tempfile::tempdir().unwrap();
    let mut child = get_in_the_background(&sshd, "d.bin", 32 << 20, local.path());
    // Frozen, the server may hold the first Ctrl-C's orderly stop until its requests time out
    // (30 s): the second Ctrl-C must not wait for that. (When the orderly stop needs nothing
    // from the server, it ends before the second one and says the usual.)
    let stalled = sshd.stall_sessions();
    interrupt(&child);
    std::thread::sleep(Duration::from_millis(300));
    if child.try_wait().unwrap().is_none() {
        interrupt(&child);
    }
    wait_for(10, "ferry to stop at the second Ctrl-C", || {
        child.try_wait().unwrap().is_some()
    });
    let out = child.wait_with_output().unwrap();
    Sshd::kill_pids(&stalled);
    let said = stderr(&out);
    assert_eq!(out.status.code(), Some(130), "{said}");
    assert!(
        said.contains("stopped at once") || said.contains("the unfinished part is kept"),
        "{said}"
    );
    assert!(
        local.path().join("d.bin.ferrypart").exists(),
        "the partial file is kept"
    );
    let listed = stdout(&queue(&sshd, &[]));
    assert!(listed.contains("d.bin"), "not listed: {listed}");
    assert!(!listed.contains("running in another Ferry"), "{listed}");
}

/// Starts `ferry get` of a new `size`-byte file `name` into `local` over one connection, and
/// returns once part of it has arrived.
fn get_in_the_background(
    sshd: &Sshd,
    name: &str,
    size: usize,
    local: &std::path::Path,
) -> std::process::Child {
    std::fs::write(sshd.data.join(name), bytes(43, size)).unwrap();
    sshd.chown_data();
    let part = local.join(format!("{name}.ferrypart"));
    let child = sshd
        .ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .args(["get", "-j", "1", "--connections", "1"])
        .arg(sshd.data_url(name))
        .arg(format!("{}/", local.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ferry");
    wait_for(60, "the partial file to grow", || {
        std::fs::metadata(&part).is_ok_and(|m| m.len() >= (size / 8) as u64)
    });
    child
}

/// Ctrl-C, as a terminal sends it.
fn interrupt(child: &std::process::Child) {
    // SAFETY: kill(2) on the PID of the ferry this test started.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
}
