//! Faults networks and disks throw at a transfer, against a real OpenSSH sshd, driving the real
//! `ferry` binary:
//! - a connection ended (FIN), reset (RST) or silently stalled mid-file, by a cutting proxy: the
//!   stall is caught by keepalive within a bounded time, the connection reopened and the file
//!   resumed, identical;
//! - a connection reset by the same proxy while `ferry edit` uploads a save: it reconnects and
//!   the newest save reaches the server;
//! - 5 % packet loss under a bandwidth limit, in a network namespace the test creates: the copies
//!   are exact and the throughput is printed beside the loss-free figure;
//! - a full disk on the server (a 4 MiB tmpfs) and locally (a nearly full ext4 image): the error names
//!   the side, the partial file is kept and resumes once there is room, the other files arrive;
//! - permission denied on the server and locally (ferry run as another user): a clear error, the
//!   other files arrive.
//!
//! Namespaces, mounts and other users need root (CI is); elsewhere those tests say they were
//! skipped.

use crate::common;
#[path = "faults/proxy.rs"]
mod proxy;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::{Netns, Sshd, SshdOptions, bytes, is_root, read_pub};
use proxy::{Cut, CutProxy};

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn sh(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(out.status.success(), "{cmd:?}: {}", err(&out));
}

/// Also trusts the server's keys when reached through `port` (a proxy in front of it).
fn trust_port(sshd: &Sshd, port: u16) {
    let mut s = std::fs::read_to_string(&sshd.known_hosts).unwrap();
    for k in &sshd.host_keys {
        s += &format!("[127.0.0.1]:{port} {}\n", read_pub(k));
    }
    std::fs::write(&sshd.known_hosts, s).unwrap();
}

fn url_at(sshd: &Sshd, port: u16, path: &Path) -> String {
    format!("sftp://{}@127.0.0.1:{port}{}", sshd.user, path.display())
}

const BIG: usize = 48 << 20;

/// Copies a 48 MiB file through a proxy that breaks the first connection after 32 MiB (past the
/// 16 MiB a resume backs off, so the retry continues a partial file); returns
/// ferry's output and how long it ran after the break.
fn copy_through_cut(cut: Cut, upload: bool, extra: &[&str]) -> (Output, Duration) {
    let sshd = Sshd::start();
    let local = tempfile::tempdir().unwrap();
    let data = bytes(u64::from(upload) + 7, BIG);
    let (src_file, dst_file) = if upload {
        (local.path().join("big.bin"), sshd.data.join("big.bin"))
    } else {
        (sshd.data.join("big.bin"), local.path().join("big.bin"))
    };
    std::fs::write(&src_file, &data).unwrap();
    sshd.chown_data();
    let proxy = CutProxy::start(sshd.port, cut, 32 << 20, 1);
    trust_port(&sshd, proxy.port);
    let mut cmd = sshd.ferry();
    cmd.arg("-i").arg(&sshd.client_key).arg("-v").args(extra);
    if upload {
        cmd.args(["put", "-j", "1", "--connections", "1"])
            .arg(&src_file)
            .arg(url_at(&sshd, proxy.port, &sshd.data));
    } else {
        cmd.args(["get", "-j", "1", "--connections", "1"])
            .arg(url_at(&sshd, proxy.port, &src_file))
            .arg(local.path());
    }
    let out = common::run_measured(&mut cmd, Duration::from_secs(150), String::new).out;
    let ended = Instant::now();
    assert_eq!(proxy.cuts(), 1, "the connection was never broken");
    assert!(out.status.success(), "{cut:?}: {}", err(&out));
    assert!(err(&out).contains("reconnecting"), "{}", err(&out));
    assert!(
        std::fs::read(&dst_file).unwrap() == data,
        "{cut:?}: the resumed copy differs"
    );
    let part = dst_file.with_file_name("big.bin.ferrypart");
    assert!(!part.exists(), "a partial file was left behind");
    // All of it was carried by this run: what the reconnect found in place is not "already there".
    assert!(
        err(&out).contains("ferry: 1 file (48.0 MiB) in"),
        "{cut:?}: the summary is off: {}",
        err(&out)
    );
    let after_cut = ended.duration_since(proxy.cut_at().unwrap());
    eprintln!("{cut:?} upload={upload}: finished {after_cut:?} after the break");
    if cut != Cut::Stall {
        // A FIN or RST is noticed at once: only the reconnect backoff (1 s) and the rest of the
        // copy remain. A request left waiting on the dead session would show here as 30 s.
        assert!(
            after_cut < Duration::from_secs(15),
            "{cut:?}: took {after_cut:?} after the break"
        );
    }
    (out, after_cut)
}

#[test]
fn connection_ended_mid_download_is_resumed() {
    copy_through_cut(Cut::Fin, false, &[]);
}

#[test]
fn connection_reset_mid_upload_is_resumed() {
    copy_through_cut(Cut::Rst, true, &[]);
}

/// A link that drops every connection after a few hundred KiB, every time: each attempt continues
/// exactly where the last one stopped, so the file still gets across (as `reget` in a loop would),
/// both ways. Before, every attempt backed off a whole 16 MiB window and so started again from
/// zero, and the file failed after a few reconnects with half of it left as `.ferrypart`.
#[test]
fn a_link_that_drops_every_few_hundred_kib_still_copies_the_file() {
    let sshd = Sshd::start();
    let local = tempfile::tempdir().unwrap();
    let size = 2 << 20;
    let down = bytes(21, size);
    let up = bytes(22, size);
    std::fs::write(sshd.data.join("down.bin"), &down).unwrap();
    std::fs::write(local.path().join("up.bin"), &up).unwrap();
    sshd.chown_data();
    // Every connection, reconnects included, is reset after 800 KiB (handshake and login are a
    // few KiB of it).
    let proxy = CutProxy::start(sshd.port, Cut::Rst, 800 << 10, usize::MAX);
    trust_port(&sshd, proxy.port);
    for upload in [false, true] {
        let mut cmd = sshd.ferry();
        cmd.arg("-i").arg(&sshd.client_key).arg("-v");
        if upload {
            cmd.args(["put", "-j", "1", "--connections", "1"])
                .arg(local.path().join("up.bin"))
                .arg(url_at(&sshd, proxy.port, &sshd.data));
        } else {
            cmd.args(["get", "-j", "1", "--connections", "1"])
                .arg(url_at(&sshd, proxy.port, &sshd.data.join("down.bin")))
                .arg(local.path());
        }
        let cuts_before = proxy.cuts();
        let out = common::run_measured(&mut cmd, Duration::from_secs(120), String::new).out;
        let cuts = proxy.cuts() - cuts_before;
        assert!(
            out.status.success(),
            "upload={upload}, {cuts} cuts: {}",
            err(&out)
        );
        assert!(cuts >= 2, "upload={upload}: only {cuts} cuts");
        let (dst, want) = if upload {
            (sshd.data.join("up.bin"), &up)
        } else {
            (local.path().join("down.bin"), &down)
        };
        assert!(
            std::fs::read(&dst).unwrap() == *want,
            "upload={upload}: the copy differs"
        );
        assert!(
            !dst.with_file_name(format!(
                "{}.ferrypart",
                dst.file_name().unwrap().to_str().unwrap()
            ))
            .exists()
        );
        eprintln!("upload={upload}: {cuts} cuts survived");
    }
}

/// A stall with keepalive every second and the request timeout far away: only keepalive (or the
/// write bound it sets) can notice the silence; it must within seconds, and say so.
#[test]
fn edit_a_save_whose_upload_is_reset_reaches_the_server() {
    use std::os::unix::fs::PermissionsExt;
    let sshd = Sshd::start();
    let server = sshd.data.join("edit.bin");
    std::fs::write(&server, bytes(7, 2 << 20)).unwrap();
    sshd.chown_data();
    let work = tempfile::tempdir().unwrap();
    let saved = work.path().join("saved.bin");
    std::fs::write(&saved, bytes(11, 2 << 20)).unwrap();
    // The editor saves 2 MiB of new bytes, then waits (up to 30 s) until the server holds them.
    let editor = work.path().join("editor.sh");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\ncp '{s}' \"$1\"\ni=0; until cmp -s '{s}' '{d}'; do i=$((i+1)); [ $i -lt 600 ] || exit 3; sleep 0.05; done\n",
            s = saved.display(),
            d = server.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    // The download is 2 MiB; the reset comes 1 MiB into the save's upload.
    let proxy = CutProxy::start(sshd.port, Cut::Rst, 3 << 20, 1);
    trust_port(&sshd, proxy.port);
    let out = sshd
        .ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .args(["edit", "--yes", "--editor"])
        .arg(&editor)
        .arg(url_at(&sshd, proxy.port, &server))
        .env("FERRY_EDIT_DEBOUNCE_MS", "100")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", err(&out));
    assert_eq!(proxy.cuts(), 1, "the proxy never reset the connection");
    assert!(
        std::fs::read(&server).unwrap() == std::fs::read(&saved).unwrap(),
        "the server does not hold the save: {}",
        err(&out)
    );
}

fn stall_caught_by_keepalive(upload: bool) {
    let (out, after) = copy_through_cut(
        Cut::Stall,
        upload,
        &["--keepalive", "1", "--request-timeout", "600"],
    );
    assert!(
        after < Duration::from_secs(30),
        "the stall took {after:?} to notice and recover from"
    );
    assert!(err(&out).contains("keepalive"), "{}", err(&out));
}

#[test]
fn stalled_download_is_caught_by_keepalive_and_resumed() {
    stall_caught_by_keepalive(false);
}

#[test]
fn stalled_upload_is_caught_by_keepalive_and_resumed() {
    // The stalled writes block russh's session loop: keepalive alone would never fire.
    stall_caught_by_keepalive(true);
}

#[test]
fn stalled_download_with_default_settings_recovers_in_bounded_time() {
    // Default keepalive (15 s × 3) and request timeout (30 s): the first to fire wins.
    let (_, after) = copy_through_cut(Cut::Stall, false, &[]);
    assert!(
        after < Duration::from_secs(90),
        "the stall took {after:?} to notice and recover from"
    );
}

/// Runs `ferry` inside the namespace against the server there, timing it.
fn timed(sshd: &Sshd, args: &[&str]) -> Duration {
    let t = Instant::now();
    let out = sshd
        .ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {}", err(&out));
    t.elapsed()
}

#[test]
fn packet_loss_and_a_bandwidth_limit_still_copy_exactly() {
    if !is_root() {
        eprintln!("skipped: network namespaces need root");
        return;
    }
    let ns = Netns::new("loss");
    // 40 Mbit/s on the namespace's loopback (tbf; this kernel has no netem).
    ns.run(&[
        "tc", "qdisc", "add", "dev", "lo", "root", "tbf", "rate", "40mbit", "burst", "64kb",
        "latency", "200ms",
    ]);
    let sshd = Sshd::start_with(SshdOptions {
        netns: Some(ns.name.clone()),
        ..Default::default()
    });
    const SIZE: usize = 16 << 20;
    let up = bytes(21, SIZE);
    let down = bytes(22, SIZE);
    let local = tempfile::tempdir().unwrap();
    std::fs::write(local.path().join("up.bin"), &up).unwrap();
    std::fs::write(sshd.data.join("down.bin"), &down).unwrap();
    sshd.chown_data();
    let up_src = local.path().join("up.bin").display().to_string();
    let down_url = sshd.data_url("down.bin");
    let up_url = sshd.data_url("");
    let into = local.path().display().to_string();

    let mut rates = Vec::new();
    for loss in [false, true] {
        if loss {
            ns.run(&[
                "iptables",
                "-A",
                "INPUT",
                "-m",
                "statistic",
                "--mode",
                "random",
                "--probability",
                "0.05",
                "-j",
                "DROP",
            ]);
        }
        std::fs::remove_file(sshd.data.join("up.bin")).ok();
        std::fs::remove_file(local.path().join("down.bin")).ok();
        let t_up = timed(&sshd, &["put", &up_src, &up_url]);
        let t_down = timed(&sshd, &["get", &down_url, &into]);
        assert!(std::fs::read(sshd.data.join("up.bin")).unwrap() == up);
        assert!(std::fs::read(local.path().join("down.bin")).unwrap() == down);
        let mbs = |t: Duration| SIZE as f64 / 1e6 / t.as_secs_f64();
        eprintln!(
            "40 Mbit/s, loss {}: upload {:.1} MB/s, download {:.1} MB/s",
            if loss { "5 %" } else { "0 %" },
            mbs(t_up),
            mbs(t_down)
        );
        rates.push((mbs(t_up), mbs(t_down)));
    }
    // Degrades, but gracefully: TCP recovers, nothing stalls for good.
    let (clean, lossy) = (rates[0], rates[1]);
    assert!(
        lossy.0 > clean.0 / 4.0 && lossy.1 > clean.1 / 4.0,
        "{rates:?}"
    );
}

/// A file system mounted for one test, unmounted (lazily) on drop.
struct Mount {
    path: PathBuf,
}

impl Mount {
    fn tmpfs(path: &Path, size: &str) -> Mount {
        std::fs::create_dir_all(path).unwrap();
        sh(Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0755"),
                "tmpfs",
            ])
            .arg(path));
        Mount {
            path: path.to_path_buf(),
        }
    }

    /// An ext4 image of `mib` MiB with no blocks reserved for root.
    fn ext4(image: &Path, path: &Path, mib: u32) -> Mount {
        std::fs::create_dir_all(path).unwrap();
        sh(Command::new("truncate")
            .arg("-s")
            .arg(format!("{mib}M"))
            .arg(image));
        sh(Command::new("mkfs.ext4")
            .args(["-q", "-F", "-m", "0"])
            .arg(image));
        sh(Command::new("mount")
            .args(["-o", "loop"])
            .arg(image)
            .arg(path));
        Mount {
            path: path.to_path_buf(),
        }
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).output();
    }
}

/// A tree with small files around a folder `big/` holding one 8 MiB file.
fn disk_tree(root: &Path) -> Vec<u8> {
    std::fs::create_dir_all(root.join("big")).unwrap();
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::write(root.join("a.txt"), b"first").unwrap();
    std::fs::write(root.join("z.txt"), b"last").unwrap();
    std::fs::write(root.join("sub/c.txt"), b"in a folder").unwrap();
    let big = bytes(31, 8 << 20);
    std::fs::write(root.join("big/big.bin"), &big).unwrap();
    big
}

fn assert_small_files_arrived(root: &Path) {
    assert_eq!(std::fs::read(root.join("a.txt")).unwrap(), b"first");
    assert_eq!(std::fs::read(root.join("z.txt")).unwrap(), b"last");
    assert_eq!(
        std::fs::read(root.join("sub/c.txt")).unwrap(),
        b"in a folder"
    );
}

#[test]
fn server_disk_full_names_the_server_and_resumes_when_there_is_room() {
    if !is_root() {
        eprintln!("skipped: mounting a tmpfs needs root");
        return;
    }
    let sshd = Sshd::start();
    let local = tempfile::tempdir().unwrap();
    let big = disk_tree(&local.path().join("tree"));
    // The server's tree/big/ is a 4 MiB tmpfs: the 8 MiB file cannot fit, the rest can.
    let remote_big = sshd.data.join("tree/big");
    let mount = Mount::tmpfs(&remote_big, "4m");
    sshd.chown_data();
    let put = |extra: &[&str]| {
        sshd.ferry()
            .arg("-i")
            .arg(&sshd.client_key)
            .args(["put", "-r", "-j", "2"])
            .args(extra)
            .arg(local.path().join("tree"))
            .arg(sshd.data_url(""))
            .output()
            .unwrap()
    };
    full_disk_then_room(put, "the server", &sshd.data.join("tree"), &big, || {
        sh(Command::new("mount")
            .args(["-o", "remount,size=64m"])
            .arg(&mount.path))
    });
}

#[test]
fn local_disk_full_names_the_local_disk_and_resumes_when_there_is_room() {
    if !is_root() {
        eprintln!("skipped: mounting a disk image needs root");
        return;
    }
    let sshd = Sshd::start();
    let big = disk_tree(&sshd.data.join("tree"));
    sshd.chown_data();
    let local = tempfile::tempdir().unwrap();
    let local_big = local.path().join("tree/big");
    let image = local.path().join("disk.img");
    let _mount = Mount::ext4(&image, &local_big, 16);
    // Most of the disk is taken by something else: about 4 MiB stay free.
    let filler = local_big.join("filler.bin");
    std::fs::write(&filler, vec![1u8; 10 << 20]).unwrap();
    let get = |extra: &[&str]| {
        sshd.ferry()
            .arg("-i")
            .arg(&sshd.client_key)
            .args(["get", "-r", "-j", "2"])
            .args(extra)
            .arg(sshd.data_url("tree"))
            .arg(local.path())
            .output()
            .unwrap()
    };
    full_disk_then_room(
        get,
        "the local disk",
        &local.path().join("tree"),
        &big,
        || std::fs::remove_file(&filler).unwrap(),
    );
}

/// The full-disk story as a person sees it: the copy fails with an error naming `side`, the small
/// files arrive, the big one exists only as its partial file; once `make_room` has run, the same
/// command (skipping what arrived) continues that partial file to an exact copy.
fn full_disk_then_room(
    copy: impl Fn(&[&str]) -> Output,
    side: &str,
    dest: &Path,
    big: &[u8],
    make_room: impl FnOnce(),
) {
    let out = copy(&[]);
    assert!(
        !out.status.success(),
        "a file that did not fit was reported done"
    );
    let e = err(&out);
    eprintln!("what the person sees:\n{e}");
    assert!(e.contains(&format!("No space left on {side}")), "{e}");
    assert!(e.contains("big.bin"), "{e}");
    // The summary counts what arrived, not the part of big.bin that was written before the disk
    // filled: the three small files hold 5 + 4 + 11 bytes.
    assert!(e.contains("ferry: 3 files (20 B)"), "{e}");
    assert_small_files_arrived(dest);
    let (done, part) = (dest.join("big/big.bin"), dest.join("big/big.bin.ferrypart"));
    assert!(!done.exists(), "a half file under the real name");
    let kept = std::fs::metadata(&part).map(|m| m.len()).unwrap_or(0);
    assert!(kept > 0, "the partial file was not kept for resuming");

    make_room();
    let out = copy(&["--on-conflict", "skip"]);
    assert!(out.status.success(), "{}", err(&out));
    assert!(std::fs::read(&done).unwrap() == big);
    assert!(!part.exists());
}

/// `a.txt`, `locked/secret.txt` and `z.txt` under `tree`.
fn permission_tree(tree: &Path) {
    std::fs::create_dir_all(tree.join("locked")).unwrap();
    std::fs::write(tree.join("a.txt"), b"first").unwrap();
    std::fs::write(tree.join("locked/secret.txt"), b"nope").unwrap();
    std::fs::write(tree.join("z.txt"), b"last").unwrap();
}

/// The copy of a [`permission_tree`] into `dest` where `locked/` may not be written: a clear
/// error for that one file, the two others arrived, nothing in the locked folder.
fn denied_only_there(out: &Output, dest: &Path, side: &str) {
    assert!(!out.status.success());
    let e = err(out);
    eprintln!("what the person sees:\n{e}");
    assert!(
        e.contains(&format!("Permission denied on {side}")) && e.contains("locked/secret.txt"),
        "{e}"
    );
    assert_eq!(std::fs::read(dest.join("a.txt")).unwrap(), b"first");
    assert_eq!(std::fs::read(dest.join("z.txt")).unwrap(), b"last");
    let inside = std::fs::read_dir(dest.join("locked")).unwrap().count();
    assert_eq!(inside, 0, "something was written into the locked folder");
}

/// A folder only root may write to.
fn locked_dir(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(path).unwrap();
    sh(Command::new("chown").arg("root:root").arg(path));
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o555)).unwrap();
}

#[test]
fn permission_denied_on_the_server_fails_that_file_only() {
    if !is_root() {
        eprintln!("skipped: the server's login would own every folder");
        return;
    }
    let sshd = Sshd::start();
    let local = tempfile::tempdir().unwrap();
    let tree = local.path().join("tree");
    permission_tree(&tree);
    std::fs::create_dir_all(sshd.data.join("tree")).unwrap();
    sshd.chown_data();
    locked_dir(&sshd.data.join("tree/locked"));
    let out = sshd
        .ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .args(["put", "-r", "-j", "1"])
        .arg(&tree)
        .arg(sshd.data_url(""))
        .output()
        .unwrap();
    denied_only_there(&out, &sshd.data.join("tree"), "the server");
}

#[test]
fn permission_denied_locally_fails_that_file_only() {
    if !is_root() {
        eprintln!("skipped: running ferry as another user needs root");
        return;
    }
    let sshd = Sshd::start();
    permission_tree(&sshd.data.join("tree"));
    sshd.chown_data();

    // ferry runs as the test account (root would ignore mode bits), with its own copy of the key.
    let home = tempfile::tempdir().unwrap();
    let key = home.path().join("id");
    std::fs::copy(&sshd.client_key, &key).unwrap();
    let known = home.path().join("known_hosts");
    std::fs::copy(&sshd.known_hosts, &known).unwrap();
    let dest = home.path().join("dest");
    std::fs::create_dir_all(dest.join("tree")).unwrap();
    common::chown_to(home.path(), &sshd.user);
    locked_dir(&dest.join("tree/locked"));
    let out = Command::new("setpriv")
        .arg(format!("--reuid={}", sshd.user))
        .arg(format!("--regid={}", sshd.user))
        .args(["--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_ferry"))
        .arg("--known-hosts")
        .arg(&known)
        .arg("--config-dir")
        .arg(home.path().join("config"))
        .args(["--no-agent", "-i"])
        .arg(&key)
        .args(["get", "-r", "-j", "1"])
        .arg(sshd.data_url("tree"))
        .arg(&dest)
        .env("HOME", home.path())
        .env_remove("SSH_AUTH_SOCK")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    denied_only_there(&out, &dest.join("tree"), "the local disk");
}
