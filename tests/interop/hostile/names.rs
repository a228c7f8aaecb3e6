//! Names and sizes a hostile server sends: names that are paths, controls, bad UTF-8 or 4096
//! bytes, endless listings in `ls`, claimed sizes that lie, symlink loops and links out of the tree.

use super::*;

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
