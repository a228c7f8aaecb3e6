//! What OpenSSH's server does for Ferry itself, checked on disk: `copy-data` (a file and a folder
//! tree, with `ferry cp`), `hardlink@openssh.com` and symlinks (`ferry ln`), owner names from
//! `users-groups-by-id@openssh.com`, `fsync@openssh.com` before the rename of each upload (seen
//! in the server's own log), and `ferry sum` / `--verify` by `sha256sum` over exec.

use crate::common;

use std::os::unix::fs::MetadataExt;
use std::sync::Arc;

use common::{Sshd, SshdOptions, bytes, snapshot};
use ferry_engine::fs::FileSystem;
use ferry_engine::fs::local::from_local;
use ferry_engine::fs::sftp::duplicate::{CopyOptions, CopyWay};
use ferry_engine::fs::sftp::{SftpFs, SftpOptions};
use ferry_engine::ssh::connect;
use ferry_engine::ssh::prompt::NoPrompt;

/// What coreutils' `sha256sum` says of these bytes.
fn sha256_hex(data: &[u8]) -> String {
    use std::io::Write;
    let mut c = std::process::Command::new("sha256sum")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    c.stdin.take().unwrap().write_all(data).unwrap();
    let out = c.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout)[..64].to_string()
}

use crate::transfer::{err, ferry};

async fn open_sftp(sshd: &Sshd) -> SftpFs {
    let conn = Arc::new(
        connect(&sshd.connect_options(), Arc::new(NoPrompt))
            .await
            .expect("connect"),
    );
    let fs = SftpFs::open(&conn, SftpOptions::default())
        .await
        .expect("sftp");
    std::mem::forget(conn);
    fs
}

#[tokio::test]
async fn copy_data_links_and_owner_names_on_openssh() {
    let sshd = Sshd::start();
    let d = &sshd.data;
    std::fs::write(d.join("big.bin"), bytes(7, 700 * 1024)).unwrap();
    std::fs::create_dir_all(d.join("tree/sub")).unwrap();
    std::fs::write(d.join("tree/sub/it's $(x).txt"), b"odd").unwrap();
    std::fs::write(d.join("tree/top"), bytes(8, 3000)).unwrap();
    std::os::unix::fs::symlink("sub", d.join("tree/link")).unwrap();
    sshd.chown_data();
    let fs = open_sftp(&sshd).await;
    assert!(fs.extensions().copy_data);
    let p = |rel: &str| from_local(&d.join(rel));

    // One file, by copy-data: the same bytes, the same mode.
    let r = fs
        .copy_on_server(&p("big.bin"), &p("copy.bin"), CopyOptions::default())
        .await
        .expect("copy");
    assert_eq!(r.ways.get(&CopyWay::CopyData), Some(&1), "{r:?}");
    assert_eq!(
        std::fs::read(d.join("copy.bin")).unwrap(),
        bytes(7, 700 * 1024)
    );
    // A folder, recursively: files by copy-data, the link as a link.
    let r = fs
        .copy_on_server(&p("tree"), &p("tree2"), CopyOptions::default())
        .await
        .expect("copy tree");
    assert_eq!((r.files, r.links), (2, 1), "{r:?}");
    assert_eq!(snapshot(&d.join("tree2")), snapshot(&d.join("tree")));
    assert_eq!(
        std::fs::read_link(d.join("tree2/link")).unwrap(),
        std::path::Path::new("sub")
    );
    // Into itself is refused, and nothing is made.
    assert!(
        fs.copy_on_server(&p("tree"), &p("tree/inner"), CopyOptions::default())
            .await
            .is_err()
    );
    assert!(!d.join("tree/inner").exists());

    // A hard link: the same inode.
    fs.hard_link(&p("big.bin"), &p("hard"))
        .await
        .expect("hardlink");
    let ino = |rel: &str| std::fs::metadata(d.join(rel)).unwrap().ino();
    assert_eq!(ino("hard"), ino("big.bin"));

    // Owner names by id: a stat carries no `ls -l` line, so the name can only come from it.
    let st = fs.stat(&p("big.bin")).await.unwrap();
    assert_eq!(st.owner.as_deref(), Some(sshd.user.as_str()), "{st:?}");
}

#[test]
fn cp_ln_and_sum_commands() {
    let sshd = Sshd::start();
    let d = &sshd.data;
    std::fs::create_dir_all(d.join("src/deep")).unwrap();
    std::fs::write(d.join("src/deep/a b.txt"), b"hello").unwrap();
    std::fs::write(d.join("f.txt"), b"abc").unwrap();
    std::fs::create_dir(d.join("into")).unwrap();
    sshd.chown_data();

    // cp of a folder needs -r, says so, and fails.
    let no_r = ferry(&sshd, &["cp", &sshd.data_url("src"), &sshd.data_url("x")]);
    assert!(!no_r.status.success());
    assert!(err(&no_r).contains("-r"), "{}", err(&no_r));
    let cp = ferry(
        &sshd,
        &[
            "cp",
            "-r",
            &sshd.data_url("src"),
            &sshd.data_url("f.txt"),
            &sshd.data_url("into"),
        ],
    );
    assert!(cp.status.success(), "cp: {}", err(&cp));
    assert_eq!(
        std::fs::read(d.join("into/src/deep/a b.txt")).unwrap(),
        b"hello"
    );
    assert_eq!(std::fs::read(d.join("into/f.txt")).unwrap(), b"abc");

    // ln -s stores the target as written, ln makes a hard link.
    let s = ferry(&sshd, &["ln", "-s", "f.txt", &sshd.data_url("sym")]);
    assert!(s.status.success(), "ln -s: {}", err(&s));
    assert_eq!(
        std::fs::read_link(d.join("sym")).unwrap(),
        std::path::Path::new("f.txt")
    );
    let h = ferry(&sshd, &["ln", "f.txt", &sshd.data_url("hard")]);
    assert!(h.status.success(), "ln: {}", err(&h));
    let ino = |rel: &str| std::fs::metadata(d.join(rel)).unwrap().ino();
    assert_eq!(ino("hard"), ino("f.txt"));

    // sum prints what sha256sum prints; --algo md5 what md5sum does; a missing file fails.
    let sum = ferry(
        &sshd,
        &[
            "sum",
            &sshd.data_url("f.txt"),
            &sshd.data_url("into/src/deep/*.txt"),
        ],
    );
    assert!(sum.status.success(), "sum: {}", err(&sum));
    let out = String::from_utf8_lossy(&sum.stdout);
    let want = sha256_hex(b"abc");
    assert!(
        out.starts_with(&format!("{want}  {}/f.txt\n", d.display())),
        "{out}"
    );
    assert!(out.contains(&sha256_hex(b"hello")), "{out}");
    let md5 = ferry(&sshd, &["sum", "--algo", "md5", &sshd.data_url("f.txt")]);
    assert!(
        String::from_utf8_lossy(&md5.stdout).starts_with("900150983cd24fb0d6963f7d28e17f72  "),
        "{}",
        err(&md5)
    );
    let missing = ferry(&sshd, &["sum", &sshd.data_url("nope")]);
    assert!(!missing.status.success());
    assert_eq!(err(&missing).lines().count(), 1, "{}", err(&missing));
}

/// With `--fsync` each upload is synced (`fsync@openssh.com`) before it is renamed into place,
/// and `--verify` says which algorithm checked it; without it none is sent (the default).
#[test]
fn fsync_uploads_are_synced_before_the_rename() {
    // OpenSSH's sftp-server logs each request at DEBUG3, here into a file of the test's.
    let logs = tempfile::tempdir().unwrap();
    let sftp_log = logs.path().join("sftp.log");
    std::fs::write(&sftp_log, b"").unwrap();
    std::fs::set_permissions(
        &sftp_log,
        std::os::unix::fs::PermissionsExt::from_mode(0o666),
    )
    .unwrap();
    let sshd = Sshd::start_with(SshdOptions {
        subsystem: format!(
            "/usr/lib/openssh/sftp-server -e -l DEBUG3 2>>{}",
            sftp_log.display()
        ),
        ..Default::default()
    });
    let server_log = || std::fs::read_to_string(&sftp_log).unwrap();
    let local = tempfile::tempdir().unwrap();
    std::fs::write(local.path().join("small"), b"tiny").unwrap();
    std::fs::write(local.path().join("large"), bytes(3, 2 << 20)).unwrap();
    let src = |n: &str| local.path().join(n).display().to_string();
    let up = ferry(
        &sshd,
        &[
            "put",
            "-v",
            "--verify",
            "--fsync",
            &src("small"),
            &src("large"),
            &sshd.data_url(""),
        ],
    );
    assert!(up.status.success(), "put: {}", err(&up));
    assert!(
        err(&up).contains("verified by sha256 (sha256sum)"),
        "{}",
        err(&up)
    );
    assert_eq!(
        std::fs::read(sshd.data.join("large")).unwrap(),
        bytes(3, 2 << 20)
    );
    let log = server_log();
    for name in ["small", "large"] {
        // `fsync "…/small.ferrypart"`, then its close, then the rename into place.
        let part = format!("{}.ferrypart\"", sshd.data.join(name).display());
        let at = |what: &str| {
            log.lines()
                .position(|l| l.starts_with(what) && l.contains(&part))
                .unwrap_or_else(|| panic!("no {what} of {name}:\n{log}"))
        };
        assert!(
            at("fsync") < at("close") && at("close") < at("posix-rename"),
            "{log}"
        );
    }
    let before = log.matches("fsync").count();
    let again = ferry(&sshd, &["put", &src("small"), &sshd.data_url("again")]);
    assert!(again.status.success(), "{}", err(&again));
    assert_eq!(server_log().matches("fsync").count(), before);
}
