//! `ferry mkdir`, `rm`, `mv`, `chmod`, `cat` and `df` against a real OpenSSH sshd, checked on disk;
//! the `user@host:path` address (with `-P`) next to a saved site's `SITE:path`; globs; one line per
//! failure and the exit status; names a shell would trip on; completions and the man page; `get`
//! and `put` held to `--limit-rate`.

use crate::common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Output;

use common::Sshd;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// `ferry -i KEY -P PORT ARGS…` against `sshd`.
fn ferry(sshd: &Sshd, args: &[&str]) -> Output {
    sshd.ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .arg("-P")
        .arg(sshd.port.to_string())
        .args(args)
        .output()
        .expect("run ferry")
}

/// `user@127.0.0.1:DATA/rel`, the scp form (the port goes with -P).
fn at(sshd: &Sshd, rel: &str) -> String {
    format!("{}@127.0.0.1:{}/{rel}", sshd.user, sshd.data.display())
}

fn mode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o7777
}

/// The failure lines of a run: each starts with "ferry: CMD: ".
fn failures(o: &Output, cmd: &str) -> Vec<String> {
    let prefix = format!("ferry: {cmd}: ");
    let text = stderr(o);
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    assert!(
        lines.iter().all(|l| l.starts_with(&prefix)),
        "every line a failure of {cmd}: {text}"
    );
    lines
}

#[test]
fn mkdir_mv_chmod_cat_df_on_disk() {
    let sshd = Sshd::start();
    let d = &sshd.data;

    // mkdir: -p makes the chain and takes what exists; without it an existing folder fails,
    // the others are still made.
    let out = ferry(
        &sshd,
        &["mkdir", "-p", &at(&sshd, "a/b/c"), &at(&sshd, "a")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(d.join("a/b/c").is_dir());
    let out = ferry(
        &sshd,
        &[
            "mkdir",
            &at(&sshd, "a"),
            &at(&sshd, "x"),
            &at(&sshd, "no/y"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let lines = failures(&out, "mkdir");
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].contains("already exists"), "{lines:?}");
    assert!(d.join("x").is_dir() && !d.join("no").exists());

    // cat: streamed, in order, byte for byte (2 MiB: many reads in flight); a folder and a missing
    // file fail on their own lines, what exists is still printed.
    let big = common::bytes(7, 2 << 20);
    std::fs::write(d.join("big.bin"), &big).unwrap();
    std::fs::write(d.join("hello.txt"), b"hello\n").unwrap();
    sshd.chown_data();
    let out = ferry(
        &sshd,
        &[
            "cat",
            &at(&sshd, "hello.txt"),
            &at(&sshd, "big.bin"),
            &at(&sshd, "a"),
            &at(&sshd, "missing"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(out.stdout.len(), 6 + big.len());
    assert!(out.stdout[..6] == *b"hello\n" && out.stdout[6..] == big[..]);
    let lines = failures(&out, "cat");
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].contains("is a folder") && lines[1].contains("No such file"));

    // mv: a rename, a glob into a folder, a replace; sources on another path form are fine.
    for n in ["1.txt", "2.txt", "keep.log"] {
        std::fs::write(d.join(n), n).unwrap();
    }
    sshd.chown_data();
    let out = ferry(&sshd, &["mv", &at(&sshd, "[12].txt"), &at(&sshd, "x")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(d.join("x/1.txt").is_file() && d.join("x/2.txt").is_file());
    assert!(d.join("keep.log").is_file() && !d.join("1.txt").exists());
    let dest = format!("{}/x/2.txt", d.display()); // a plain path: on the source's server
    let out = ferry(&sshd, &["mv", &at(&sshd, "x/1.txt"), &dest]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(d.join("x/2.txt")).unwrap(), b"1.txt");
    let out = ferry(
        &sshd,
        &[
            "mv",
            &at(&sshd, "keep.log"),
            &at(&sshd, "big.bin"),
            &at(&sshd, "new"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(failures(&out, "mv")[0].contains("is not a folder"));
    assert!(d.join("keep.log").exists());

    // chmod: octal, symbolic, -R that does not go through a link to a file outside.
    let outside = sshd.dir.path().join("outside.txt");
    std::fs::write(&outside, b"o").unwrap();
    std::fs::set_permissions(&outside, std::fs::Permissions::from_mode(0o644)).unwrap();
    common::chown_to(&outside, &sshd.user);
    std::os::unix::fs::symlink(&outside, d.join("a/b/link")).unwrap();
    std::fs::write(d.join("a/b/f"), b"f").unwrap();
    sshd.chown_data();
    let out = ferry(&sshd, &["chmod", "600", &at(&sshd, "hello.txt")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode(&d.join("hello.txt")), 0o600);
    let out = ferry(&sshd, &["chmod", "u+x,go+r", &at(&sshd, "hello.txt")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode(&d.join("hello.txt")), 0o744);
    let out = ferry(&sshd, &["chmod", "-R", "go-rx", &at(&sshd, "a")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode(&d.join("a/b/c")) & 0o077, 0);
    assert_eq!(mode(&d.join("a/b/f")) & 0o077, 0);
    assert_eq!(mode(&outside), 0o644, "the link's target is left alone");
    let out = ferry(&sshd, &["chmod", "u+q", &at(&sshd, "hello.txt")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(failures(&out, "chmod")[0].contains("invalid mode"));

    // df: OpenSSH has statvfs.
    let out = ferry(&sshd, &["df", "-h", &at(&sshd, "")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with(&format!("{:>10} ", "Size")), "{text}");
    assert!(
        text.lines().nth(1).is_some_and(|l| l.contains('%')),
        "{text}"
    );
}

#[test]
fn rm_on_disk_with_links_globs_and_force() {
    let sshd = Sshd::start();
    let d = &sshd.data;
    let outside = sshd.dir.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("precious"), b"keep").unwrap();
    common::chown_to(&outside, &sshd.user);
    for dir in ["tree/a/b", "tree/c"] {
        std::fs::create_dir_all(d.join(dir)).unwrap();
    }
    for i in 0..200 {
        std::fs::write(d.join(format!("tree/a/b/f{i}")), b"x").unwrap();
    }
    std::fs::write(d.join("tree/c/.hidden"), b"h").unwrap();
    std::os::unix::fs::symlink(&outside, d.join("tree/a/to-outside")).unwrap();
    std::os::unix::fs::symlink(&outside, d.join("link-top")).unwrap();
    for n in ["1.log", "2.log", ".dot.log", "keep.txt"] {
        std::fs::write(d.join(n), n).unwrap();
    }
    std::fs::create_dir(d.join("folder")).unwrap();
    sshd.chown_data();

    // A folder without -r fails; a missing file fails; the rest of the arguments go.
    let out = ferry(
        &sshd,
        &[
            "rm",
            &at(&sshd, "folder"),
            &at(&sshd, "missing"),
            &at(&sshd, "*.log"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let lines = failures(&out, "rm");
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].contains("is a folder (use -r)"), "{lines:?}");
    assert!(lines[1].contains("No such file"), "{lines:?}");
    assert!(!d.join("1.log").exists() && !d.join("2.log").exists());
    assert!(
        d.join(".dot.log").exists(),
        "a glob skips hidden names, as a shell does"
    );
    assert!(d.join("folder").is_dir());

    // -r: the tree goes, with the link inside; the folder the link points at stays. A link
    // given by name is removed as a link.
    let out = ferry(
        &sshd,
        &["rm", "-r", &at(&sshd, "tree"), &at(&sshd, "link-top")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!d.join("tree").exists() && !d.join("link-top").exists());
    assert_eq!(std::fs::read(outside.join("precious")).unwrap(), b"keep");

    // -f: missing files and empty globs are fine; '/', '..' and the home folder are refused.
    let out = ferry(
        &sshd,
        &["rm", "-f", &at(&sshd, "missing"), &at(&sshd, "*.none")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let root = format!("{}@127.0.0.1:/", sshd.user);
    let home = format!("{}@127.0.0.1:", sshd.user);
    let out = ferry(&sshd, &["rm", "-rf", &root, &at(&sshd, "folder/.."), &home]);
    assert_eq!(out.status.code(), Some(1));
    let lines = failures(&out, "rm");
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines.iter().all(|l| l.contains("refusing")), "{lines:?}");
    assert!(d.join("keep.txt").exists() && d.join("folder").is_dir());
}

/// Names with spaces, quotes, a leading '-' and a newline are taken as typed.
#[test]
fn hostile_names_are_taken_as_typed() {
    let sshd = Sshd::start();
    let d = &sshd.data;
    let names = ["a b", "it's \"q\"", "-rf", "new\nline", "$(x)"];
    for n in names {
        std::fs::write(d.join(n), n).unwrap();
    }
    sshd.chown_data();
    for n in names {
        let out = ferry(&sshd, &["cat", &at(&sshd, n)]);
        assert!(out.status.success(), "{n:?}: {}", stderr(&out));
        assert_eq!(out.stdout, n.as_bytes());
        let dir = format!("dir {n}");
        let out = ferry(&sshd, &["mkdir", &at(&sshd, &dir)]);
        assert!(out.status.success(), "{n:?}: {}", stderr(&out));
        let moved = format!("{dir}/{n} moved");
        let out = ferry(&sshd, &["mv", &at(&sshd, n), &at(&sshd, &moved)]);
        assert!(out.status.success(), "{n:?}: {}", stderr(&out));
        let out = ferry(&sshd, &["chmod", "640", &at(&sshd, &moved)]);
        assert!(out.status.success(), "{n:?}: {}", stderr(&out));
        assert_eq!(mode(&d.join(&moved)), 0o640);
        let out = ferry(&sshd, &["rm", "-r", "--", &at(&sshd, &dir)]);
        assert!(out.status.success(), "{n:?}: {}", stderr(&out));
        assert!(!d.join(&dir).exists(), "{n:?}");
    }
    // A name that is not UTF-8 (percent-encoded in a URL) goes over the byte client.
    use std::os::unix::ffi::OsStrExt;
    let latin1 = d.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::write(&latin1, b"latin-1").unwrap();
    sshd.chown_data();
    let url = sshd.data_url("caf%E9.txt");
    let out = ferry(&sshd, &["cat", &url]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(out.stdout, b"latin-1");
    let out = ferry(&sshd, &["rm", &url]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!latin1.exists());
    // A failure line shows a newline escaped, so it stays one line.
    let out = ferry(&sshd, &["rm", &at(&sshd, "gone\nfor good")]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(failures(&out, "rm").len(), 1, "{}", stderr(&out));
    assert!(std::fs::read_dir(d).unwrap().next().is_none());
}

/// `user@host:path` reads a relative path from the home folder; a saved site's name wins over a
/// host of the same name.
#[test]
fn scp_addresses_and_saved_sites() {
    let sshd = Sshd::start();
    std::fs::write(sshd.data.join("here.txt"), b"here").unwrap();
    sshd.chown_data();
    let ls = |args: &[&str]| ferry(&sshd, &[&["ls"], args].concat());
    let lines = |o: &Output| stdout(o).lines().map(str::to_string).collect::<Vec<_>>();

    // The home folder: "host:" lists what sftp://host/~ does.
    let home = ls(&["-a", &format!("{}@127.0.0.1:", sshd.user)]);
    assert!(home.status.success(), "{}", stderr(&home));
    assert_eq!(lines(&home), lines(&ls(&["-a", &sshd.url("/~")])));
    // A relative path is taken from the home folder.
    let passwd = std::process::Command::new("getent")
        .args(["passwd", &sshd.user])
        .output()
        .unwrap();
    let home_dir = stdout(&passwd)
        .trim()
        .split(':')
        .nth(5)
        .unwrap()
        .to_string();
    let ups = "../".repeat(Path::new(&home_dir).components().count() - 1);
    let rel = format!(
        "{ups}{}",
        sshd.data.display().to_string().trim_start_matches('/')
    );
    let out = ls(&[&format!("{}@127.0.0.1:{rel}", sshd.user)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(lines(&out), ["here.txt"]);

    // A site named like the host, on the test server's port: without -P only the site can reach
    // it, so the site's name won.
    let add = sshd
        .ferry()
        .args(["sites", "add", "127.0.0.1"])
        .arg(sshd.url(""))
        .output()
        .unwrap();
    assert!(add.status.success(), "{}", stderr(&add));
    let out = sshd
        .ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .args(["ls", &format!("127.0.0.1:{}", sshd.data.display())])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(lines(&out), ["here.txt"]);
}

#[test]
fn completions_and_man_page() {
    let bin = env!("CARGO_BIN_EXE_ferry");
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef ferry"),
        ("fish", "complete -c ferry"),
    ] {
        let out = std::process::Command::new(bin)
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains(marker), "{shell}: {text:.300}");
        assert!(text.contains("mkdir") && text.contains("chmod"), "{shell}");
    }
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(bin)
        .args(["man", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(dir.path().join("ferry.1")).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH ferry"),
        "{page:.300}"
    );
    assert!(dir.path().join("ferry-rm.1").is_file());
}

#[test]
fn limit_rate_holds_both_ways() {
    let sshd = Sshd::start();
    let local = tempfile::tempdir().unwrap();
    let data = common::bytes(5, 4 << 20);
    std::fs::write(local.path().join("up.bin"), &data).unwrap();
    std::fs::write(sshd.data.join("down.bin"), &data).unwrap();
    sshd.chown_data();
    let limit = 2u64 << 20;
    let up = local.path().join("up.bin");
    let down = local.path().join("back");
    std::fs::create_dir(&down).unwrap();
    let (into, from) = (at(&sshd, ""), at(&sshd, "down.bin"));
    let runs: [(&str, Vec<&str>); 2] = [
        ("put", vec![up.to_str().unwrap(), &into]),
        ("get", vec![&from, down.to_str().unwrap()]),
    ];
    for (cmd, paths) in runs {
        let mut args = vec![cmd, "--limit-rate", "2M"];
        args.extend(paths.iter().copied());
        let started = std::time::Instant::now();
        let out = ferry(&sshd, &args);
        let took = started.elapsed().as_secs_f64();
        assert!(out.status.success(), "{cmd}: {}", stderr(&out));
        // Connecting is in the time too, so the rate seen is a little under the limit; the
        // bucket's first tenth of a second is the only burst.
        let rate = data.len() as f64 / took;
        eprintln!(
            "{cmd} --limit-rate 2M: {:.2} MiB/s",
            rate / f64::from(1 << 20)
        );
        assert!(
            rate <= limit as f64 * 1.1 && rate >= limit as f64 * 0.7,
            "{cmd}: {rate:.0} B/s under a limit of {limit} B/s ({took:.2} s)"
        );
    }
    assert!(std::fs::read(sshd.data.join("up.bin")).unwrap() == data);
    assert!(std::fs::read(down.join("down.bin")).unwrap() == data);
    let bad = ferry(&sshd, &["get", "--limit-rate", "fast", &from, "."]);
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("fast: not a rate such as 500K, 2M or 1.5M"),
        "{}",
        stderr(&bad)
    );
}
