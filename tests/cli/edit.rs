//! `ferry edit` against a real OpenSSH sshd, with scripted editors (small shell scripts) that save
//! the way real ones do: in place, through a temporary file and a rename (vim), by deleting and
//! writing again, ten times in a burst, not at all; and a conflict made by changing the server's
//! copy while the "editor" runs. Checked on the server's disk and in what a person reads.

use crate::common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, SystemTime};

use common::Sshd;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Writes an editor script: `body` runs with the file's path in `$1`.
fn editor(sshd: &Sshd, name: &str, body: &str) -> PathBuf {
    let path = sshd.dir.path().join(name);
    std::fs::write(&path, format!("#!/bin/sh\nset -e\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// `ferry edit --editor EDITOR URL` with a short debounce time and no terminal.
fn edit(sshd: &Sshd, editor: &Path, rel: &str, debounce_ms: u32, more: &[&str]) -> Output {
    sshd.ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .arg("edit")
        .arg("--editor")
        .arg(editor)
        .args(more)
        .arg(sshd.data_url(rel))
        .env("FERRY_EDIT_DEBOUNCE_MS", debounce_ms.to_string())
        .env_remove("VISUAL")
        .env_remove("EDITOR")
        .output()
        .expect("run ferry")
}

/// A server file the login owns, with `mode`.
fn server_file(sshd: &Sshd, rel: &str, text: &str, mode: u32) -> PathBuf {
    let p = sshd.data.join(rel);
    std::fs::write(&p, text).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
    sshd.chown_data();
    p
}

/// Waits (in the editor) until the server holds `text`: the save went up while it ran.
fn wait_for_server(server: &Path, text: &str) -> String {
    format!(
        "i=0; while [ \"$(cat '{}')\" != '{text}' ]; do i=$((i+1)); [ $i -lt 100 ] || exit 3; sleep 0.05; done",
        server.display()
    )
}

fn uploads(o: &Output) -> usize {
    stderr(o).matches("ferry: edit: uploaded").count()
}

/// The private folders left in the cache.
fn leftovers(sshd: &Sshd) -> Vec<PathBuf> {
    let edits = sshd.dir.path().join("config/cache/edits");
    std::fs::read_dir(&edits)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

#[test]
fn saves_in_place_by_rename_and_by_rewriting_go_to_the_server() {
    let sshd = Sshd::start();
    let styles = [
        ("in-place", "printf 'one\\n' > \"$1\""),
        (
            "rename",
            // vim: the new text in another file of the folder, renamed over the old one.
            "d=$(dirname \"$1\"); printf 'two\\n' > \"$d/4913\"; mv \"$d/4913\" \"$1\"",
        ),
        (
            "recreate",
            "rm \"$1\"; sleep 0.05; printf 'three\\n' > \"$1\"",
        ),
    ];
    for (i, (style, save)) in styles.iter().enumerate() {
        let rel = format!("{style}.txt");
        let server = server_file(&sshd, &rel, "old\n", 0o640);
        let want = ["one", "two", "three"][i];
        let ed = editor(
            &sshd,
            &format!("{style}.sh"),
            &format!("{save}\n{}", wait_for_server(&server, want)),
        );
        let out = edit(&sshd, &ed, &rel, 100, &[]);
        assert!(out.status.success(), "{style}: {}", stderr(&out));
        assert_eq!(
            std::fs::read_to_string(&server).unwrap(),
            format!("{want}\n")
        );
        assert_eq!(
            uploads(&out),
            1,
            "{style}: one save, one upload: {}",
            stderr(&out)
        );
        let mode = std::fs::metadata(&server).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640, "{style}: the server file keeps its mode");
        let names: Vec<_> = std::fs::read_dir(&sshd.data)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().all(|n| !n.ends_with(".ferrypart")),
            "{names:?}"
        );
    }
    assert!(leftovers(&sshd).is_empty(), "{:?}", leftovers(&sshd));
}

#[test]
fn a_burst_of_saves_is_one_upload_and_an_unchanged_file_none() {
    let sshd = Sshd::start();
    let server = server_file(&sshd, "burst.txt", "start\n", 0o644);
    let ed = editor(
        &sshd,
        "burst.sh",
        &format!(
            "for i in 1 2 3 4 5 6 7 8 9 10; do printf \"save $i\\n\" > \"$1\"; sleep 0.05; done\n{}",
            wait_for_server(&server, "save 10")
        ),
    );
    let out = edit(&sshd, &ed, "burst.txt", 300, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&server).unwrap(), "save 10\n");
    assert_eq!(
        uploads(&out),
        1,
        "ten saves in half a second: {}",
        stderr(&out)
    );

    // Opened, read, touched and written back with the same bytes: nothing goes up.
    let same = server_file(&sshd, "same.txt", "as it was\n", 0o644);
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    filetime::set_file_mtime(&same, filetime::FileTime::from_system_time(old)).unwrap();
    let ed = editor(
        &sshd,
        "same.sh",
        "cat \"$1\" > /dev/null; t=$(cat \"$1\"); printf '%s\\n' \"$t\" > \"$1\"; touch \"$1\"; sleep 0.3",
    );
    let out = edit(&sshd, &ed, "same.txt", 100, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(uploads(&out), 0, "{}", stderr(&out));
    assert_eq!(std::fs::metadata(&same).unwrap().modified().unwrap(), old);
    assert!(leftovers(&sshd).is_empty());
}

#[test]
fn a_conflict_keeps_the_edit_and_the_server_copy() {
    let sshd = Sshd::start();
    let server = server_file(&sshd, "shared.txt", "first\n", 0o644);
    // Someone changes the server's copy, then "I" save.
    let ed = editor(
        &sshd,
        "conflict.sh",
        &format!(
            "printf 'theirs, changed\\n' > '{}'\nprintf 'mine\\n' > \"$1\"; sleep 0.4",
            server.display()
        ),
    );
    let out = edit(&sshd, &ed, "shared.txt", 100, &[]);
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert_eq!(
        std::fs::read_to_string(&server).unwrap(),
        "theirs, changed\n"
    );
    assert_eq!(uploads(&out), 0, "{err}");
    let kept = err
        .lines()
        .find_map(|l| l.split_once("is kept in ").map(|(_, p)| PathBuf::from(p)))
        .unwrap_or_else(|| panic!("the kept file is named: {err}"));
    assert!(err.contains("changed on the server"), "{err}");
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "mine\n");
    assert!(kept.starts_with(sshd.dir.path().join("config/cache/edits")));
}

#[test]
fn bad_input_is_refused_before_the_editor_opens() {
    let sshd = Sshd::start();
    let ran = sshd.dir.path().join("editor-ran");
    let ed = editor(
        &sshd,
        "mark.sh",
        &format!("stat -c %a \"$1\" > '{}'", ran.display()),
    );
    std::fs::create_dir(sshd.data.join("folder")).unwrap();
    server_file(&sshd, "binary.bin", "a\0b\0c", 0o644);
    server_file(&sshd, "locked.txt", "locked\n", 0o444);
    server_file(&sshd, "secret.txt", "secret\n", 0o000);
    let refused = |rel: &str, more: &[&str], says: &str| {
        let out = edit(&sshd, &ed, rel, 100, more);
        let err = stderr(&out);
        assert!(!out.status.success(), "{rel}: {err}");
        assert!(err.contains(says), "{rel}: {err}");
        assert!(!ran.exists(), "{rel}: the editor never opened");
    };
    refused("folder", &[], "is not a file");
    refused("missing.txt", &[], "No such file");
    if !common::is_root() || sshd.user != "root" {
        refused("secret.txt", &[], "Permission denied");
    }
    refused("binary.bin", &[], "looks like a binary file; pass --yes");
    let out = sshd
        .ferry()
        .args(["-i"])
        .arg(&sshd.client_key)
        .args(["edit", "--editor", "no-such-editor-here"])
        .arg(sshd.data_url("locked.txt"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("cannot start the editor 'no-such-editor-here'"),
        "{}",
        stderr(&out)
    );
    // Over 100 MiB (sparse: refused before a byte is downloaded).
    let big = std::fs::File::create(sshd.data.join("big.log")).unwrap();
    big.set_len(101 << 20).unwrap();
    sshd.chown_data();
    refused("big.log", &[], "is 101.0 MiB; pass --yes");
    let out = sshd
        .ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .arg("edit")
        .arg(sshd.data_url("locked.txt"))
        .env_remove("VISUAL")
        .env_remove("EDITOR")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no editor: pass --editor CMD"),
        "{}",
        stderr(&out)
    );
    assert!(leftovers(&sshd).is_empty(), "{:?}", leftovers(&sshd));

    // An editor with arguments, split as a shell would ($VISUAL here), the path added last.
    let args_out = sshd.dir.path().join("args");
    let with_args = editor(
        &sshd,
        "args.sh",
        &format!("printf '%s|' \"$@\" > '{}'", args_out.display()),
    );
    let out = sshd
        .ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .arg("edit")
        .arg(sshd.data_url("locked.txt"))
        .env(
            "VISUAL",
            format!("{} --wait 'two words'", with_args.display()),
        )
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let got = std::fs::read_to_string(&args_out).unwrap();
    assert!(
        got.starts_with("--wait|two words|") && got.ends_with("/locked.txt|"),
        "{got}"
    );

    // With --yes the binary file opens; a file the login may not write opens read-only.
    let out = edit(&sshd, &ed, "binary.bin", 100, &["--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::remove_file(&ran).unwrap();
    if !common::is_root() || sshd.user != "root" {
        let out = edit(&sshd, &ed, "locked.txt", 100, &[]);
        let err = stderr(&out);
        assert!(out.status.success(), "{err}");
        assert!(err.contains("it opens read-only"), "{err}");
        assert_eq!(std::fs::read_to_string(&ran).unwrap().trim(), "444");
    }
}

#[test]
fn a_save_after_the_connection_was_cut_reaches_the_server() {
    let sshd = Sshd::start();
    let server = server_file(&sshd, "cut.txt", "before\n", 0o644);
    let (opened, go) = (sshd.dir.path().join("opened"), sshd.dir.path().join("go"));
    let ed = editor(
        &sshd,
        "cut.sh",
        &format!(
            "touch '{}'\ni=0; while [ ! -e '{}' ]; do i=$((i+1)); [ $i -lt 100 ] || exit 4; sleep 0.05; done\nprintf 'after the cut\\n' > \"$1\"\n{}",
            opened.display(),
            go.display(),
            wait_for_server(&server, "after the cut")
        ),
    );
    let child = sshd
        .ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .args(["edit", "--editor"])
        .arg(&ed)
        .arg(sshd.data_url("cut.txt"))
        .env("FERRY_EDIT_DEBOUNCE_MS", "100")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !opened.exists() {
        assert!(std::time::Instant::now() < deadline, "the editor opened");
        std::thread::sleep(Duration::from_millis(20));
    }
    // The server drops the connection while the file is open; then "I" save.
    let sessions = sshd.session_pids();
    assert!(!sessions.is_empty());
    Sshd::kill_pids(&sessions);
    std::fs::write(&go, "").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&server).unwrap(), "after the cut\n");
    assert!(leftovers(&sshd).is_empty(), "{:?}", leftovers(&sshd));
}

#[test]
fn ctrl_c_uploads_the_last_save_and_keeps_the_copy() {
    let sshd = Sshd::start();
    let server = server_file(&sshd, "stop.txt", "before\n", 0o644);
    let opened = sshd.dir.path().join("saved");
    // An editor that goes on after ferry stops (as a GUI one may): its output not ferry's.
    let ed = editor(
        &sshd,
        "stay.sh",
        &format!(
            "exec >/dev/null 2>&1\nprintf 'saved\\n' > \"$1\"\n{}\ntouch '{}'\nsleep 1",
            wait_for_server(&server, "saved"),
            opened.display()
        ),
    );
    let child = sshd
        .ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .args(["edit", "--editor"])
        .arg(&ed)
        .arg(sshd.data_url("stop.txt"))
        .env("FERRY_EDIT_DEBOUNCE_MS", "100")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !opened.exists() {
        assert!(std::time::Instant::now() < deadline, "the save went up");
        std::thread::sleep(Duration::from_millis(20));
    }
    // SAFETY: kill(2) on the ferry process this test started.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("every save so far is on the server"), "{err}");
    let kept = err
        .lines()
        .find_map(|l| {
            l.split_once("the copy is kept in ")
                .map(|(_, p)| PathBuf::from(p))
        })
        .unwrap_or_else(|| panic!("the copy is named: {err}"));
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "saved\n");
    assert_eq!(std::fs::read_to_string(&server).unwrap(), "saved\n");
}
