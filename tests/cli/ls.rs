//! `ferry ls` as a person or a script runs it, against a real OpenSSH sshd: output, exit status and
//! the one-line errors.

use crate::common;

use std::process::Output;

use common::{Sshd, SshdOptions};

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn lines(o: &Output) -> Vec<String> {
    stdout(o).lines().map(str::to_string).collect()
}

fn ls(sshd: &Sshd, args: &[&str]) -> Output {
    sshd.ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .arg("ls")
        .args(args)
        .output()
        .expect("run ferry")
}

#[test]
fn lists_names_with_odd_characters() {
    let sshd = Sshd::start();
    for n in ["a b.txt", "ünï.txt", "*", "-rf", ".hidden"] {
        std::fs::write(sshd.data.join(n), n).unwrap();
    }
    std::fs::create_dir(sshd.data.join("sub dir")).unwrap();
    sshd.chown_data();
    let out = ls(&sshd, &[&sshd.data_url("")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(lines(&out), ["sub dir", "*", "-rf", "a b.txt", "ünï.txt"]);

    let all = ls(&sshd, &["-a", &sshd.data_url("")]);
    assert!(lines(&all).contains(&".hidden".to_string()));

    let long = ls(&sshd, &["-l", &sshd.data_url("")]);
    let text = stdout(&long);
    let row = text.lines().find(|l| l.ends_with(" a b.txt")).expect(&text);
    assert!(row.starts_with("-rw"), "{row}");
    assert!(
        row.contains(&format!(" {} ", sshd.user)),
        "owner shown: {row}"
    );
    assert!(row.contains(" 7 "), "size shown: {row}");
    assert!(
        text.lines()
            .any(|l| l.starts_with('d') && l.ends_with(" sub dir")),
        "{text}"
    );
}

/// Names that are not UTF-8 are listed with their bytes escaped (`caf\xe9.txt`, two that decode
/// to the same text both shown, apart), and `ferry ls` exits 0.
#[test]
fn lists_names_that_are_not_utf8_escaped() {
    use std::os::unix::ffi::OsStrExt;
    let os = |b: &[u8]| std::ffi::OsStr::from_bytes(b).to_os_string();
    let sshd = Sshd::start();
    std::fs::create_dir(sshd.data.join(os(b"d\xff"))).unwrap();
    std::fs::write(sshd.data.join(os(b"caf\xe9.txt")), b"x").unwrap();
    std::fs::write(sshd.data.join(os(b"caf\xe8.txt")), b"y").unwrap();
    sshd.chown_data();
    let out = ls(&sshd, &[&sshd.data_url("")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(lines(&out), ["d\\xff", "caf\\xe8.txt", "caf\\xe9.txt"]);
    let long = ls(&sshd, &["-l", &sshd.data_url("")]);
    assert!(long.status.success(), "{}", stderr(&long));
    let text = stdout(&long);
    assert!(
        text.lines()
            .any(|l| l.starts_with('d') && l.ends_with(" d\\xff")),
        "{text}"
    );
    assert!(!text.contains("not valid UTF-8"), "{text}");
    // Such a folder can be typed, its bytes percent-encoded.
    std::fs::write(sshd.data.join(os(b"d\xff")).join("inner.txt"), b"z").unwrap();
    sshd.chown_data();
    let typed = ls(&sshd, &[&sshd.data_url("d%FF")]);
    assert!(typed.status.success(), "{}", stderr(&typed));
    assert_eq!(lines(&typed), ["inner.txt"]);
}

#[test]
fn glob_filters_client_side_and_single_file() {
    let sshd = Sshd::start();
    for n in ["x.log", "y.log", "messages.1", "messages.10", "z.txt"] {
        std::fs::write(sshd.data.join(n), "").unwrap();
    }
    let out = ls(&sshd, &[&sshd.data_url("*.log")]);
    assert_eq!(lines(&out), ["x.log", "y.log"], "{}", stderr(&out));
    let out = ls(&sshd, &[&sshd.data_url("messages.?")]);
    assert_eq!(lines(&out), ["messages.1"]);
    let out = ls(&sshd, &[&sshd.data_url("z.txt")]);
    assert_eq!(lines(&out), ["z.txt"]);
}

#[test]
fn home_folder_with_tilde() {
    let sshd = Sshd::start();
    let home_url = sshd.url("/~");
    let out = ls(&sshd, &["-a", &home_url]);
    assert!(out.status.success(), "{}", stderr(&out));
    let no_path = ls(&sshd, &["-a", &sshd.url("")]);
    assert_eq!(lines(&out), lines(&no_path));
}

#[test]
fn ten_thousand_entries() {
    let sshd = Sshd::start();
    for i in 0..10_000 {
        std::fs::File::create(sshd.data.join(format!("f{i:05}"))).unwrap();
    }
    let out = ls(&sshd, &[&sshd.data_url("")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let l = lines(&out);
    assert_eq!(l.len(), 10_000);
    assert_eq!((l[0].as_str(), l[9_999].as_str()), ("f00000", "f09999"));

    let capped = ls(&sshd, &["--max-entries", "100", &sshd.data_url("")]);
    assert!(!capped.status.success());
    assert!(
        stderr(&capped).contains("more than 100 entries"),
        "{}",
        stderr(&capped)
    );
}

#[test]
fn errors_are_one_clear_line() {
    let sshd = Sshd::start();
    let missing = ls(&sshd, &[&sshd.data_url("nope")]);
    assert!(!missing.status.success());
    let err = stderr(&missing);
    assert!(
        err.starts_with("ferry: No such file or folder:") && err.contains("nope"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");

    let bad = ls(&sshd, &["http://example.com/"]);
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("must start with sftp://"),
        "{}",
        stderr(&bad)
    );

    let port = common::free_port();
    let refused = ls(&sshd, &[&format!("sftp://u@127.0.0.1:{port}/")]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("refused the connection"),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn host_key_policy_from_the_cli() {
    let mut sshd = Sshd::start();
    std::fs::write(&sshd.known_hosts, "").unwrap();
    let url = sshd.data_url("");

    // No terminal, unknown key: refused with the fingerprint, like StrictHostKeyChecking=yes.
    let out = ls(&sshd, &[&url]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("can't be established") && err.contains("SHA256:"),
        "{err}"
    );

    // --accept-new-host-key learns it; afterwards it is simply trusted.
    let out = sshd
        .ferry()
        .args(["--accept-new-host-key", "-i"])
        .arg(&sshd.client_key)
        .args(["ls", &url])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&sshd.known_hosts)
            .unwrap()
            .contains(&format!("[127.0.0.1]:{}", sshd.port))
    );
    assert!(ls(&sshd, &[&url]).status.success());

    // A changed key is refused even with --accept-new-host-key.
    sshd.regenerate_host_keys(&["ed25519"]);
    let out = sshd
        .ferry()
        .args(["--accept-new-host-key", "-i"])
        .arg(&sshd.client_key)
        .args(["ls", &url])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("CHANGED") && err.contains("ssh-keygen -R"),
        "{err}"
    );
}

#[test]
fn password_from_environment() {
    if !common::is_root() {
        eprintln!(
            "skipped: password logins need the root-created test account (run as root, as CI does)"
        );
        return;
    }
    let sshd = Sshd::start_with(SshdOptions {
        auth_methods: "password".into(),
        ..Default::default()
    });
    let url = sshd.data_url("");
    let ok = sshd
        .ferry()
        .env("FERRY_TEST_PW", sshd.password.as_deref().unwrap())
        .args(["--password-env", "FERRY_TEST_PW", "ls", &url])
        .output()
        .unwrap();
    assert!(ok.status.success(), "{}", stderr(&ok));

    let bad = sshd
        .ferry()
        .env("FERRY_TEST_PW", "wrong-password-123")
        .args(["--password-env", "FERRY_TEST_PW", "-v", "ls", &url])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let err = stderr(&bad);
    assert!(
        err.contains("Authentication failed") && err.contains("password"),
        "{err}"
    );
    assert!(
        !err.contains("wrong-password-123"),
        "the password leaked into the output: {err}"
    );

    let unset = sshd
        .ferry()
        .args(["--password-env", "FERRY_NO_SUCH_VAR", "ls", &url])
        .output()
        .unwrap();
    assert!(
        stderr(&unset).contains("FERRY_NO_SUCH_VAR is not set"),
        "{}",
        stderr(&unset)
    );
}

#[test]
fn a_server_without_sftp_says_so_at_once() {
    let sshd = Sshd::start_with(SshdOptions {
        subsystem: String::new(),
        ..SshdOptions::default()
    });
    let began = std::time::Instant::now();
    let out = ls(&sshd, &[&sshd.url("")]);
    let took = began.elapsed();
    assert!(!out.status.success());
    let said = stderr(&out);
    assert!(said.contains("has no SFTP service"), "{said}");
    assert!(said.contains("Subsystem sftp"), "{said}");
    // The refusal was heard, not waited out (the request timeout is 30 s).
    assert!(took < std::time::Duration::from_secs(10), "took {took:?}");
}
