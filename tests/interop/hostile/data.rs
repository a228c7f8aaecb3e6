//! Data and timing a hostile server plays with: lying reads, a stall, a connection dropped mid-file,
//! a file that never ends, endless or slow listings in a download, a name listed twice.

use super::*;

#[test]
fn lying_reads_are_never_written_as_good_files() {
    let GetRun {
        server,
        outer,
        dest,
        out,
        rss,
        err,
        ..
    } = get_from("bad-data", "dir");
    assert!(!out.status.success(), "{err}");

    // A reply longer than asked is refused, never written (the padding is "X").
    assert!(
        err.lines()
            .any(|l| l.contains("overlong.bin") && l.contains("more data than asked")),
        "{err}"
    );
    // 2^64-1 claimed, 2000 there: an error naming the file, no huge preallocation.
    assert!(
        err.lines()
            .any(|l| l.contains("huge.bin") && l.contains("18446744073709551615")),
        "{err}"
    );
    // Cut short while read: an error, not a short file passed off as complete.
    assert!(err.lines().any(|l| l.contains("shrinks.bin")), "{err}");
    // Grew while read: copied to its real end, with a note.
    assert!(
        err.contains("grows.bin grew while it was copied"),
        "no note about the growing file: {err}"
    );
    let grown = std::fs::read(dest.join("dir/grows.bin")).expect("grows.bin arrived");
    assert!(
        grown.len() > 4000 && grown.len() <= 40_000 && grown == pattern(grown.len(), 6),
        "grows.bin: {} bytes, not the server's bytes",
        grown.len()
    );
    assert_eq!(
        std::fs::read(dest.join("dir/honest.bin")).ok(),
        Some(pattern(3000, 3)),
        "the honest file next to the liars"
    );
    // Only the good files are there; no partial file holds more than the server really had.
    let found = tree_without_links(outer.path());
    for f in &found {
        let len = std::fs::metadata(outer.path().join(f)).unwrap().len();
        assert!(len <= 300_000, "{f} is {len} bytes");
        assert!(
            !f.ends_with("/overlong.bin") && !f.ends_with("/huge.bin"),
            "{found:#?}"
        );
        assert!(!f.ends_with("/shrinks.bin"), "{found:#?}");
    }
    assert!(rss < RSS_LIMIT_KIB, "peak RSS {rss} KiB");

    // The 2^64-1 file alone.
    let (_outer, dest, dest_arg) = destination("ferry-hostile-huge-");
    let (out, _, rss) = server.ferry_rss(&["get", &server.url("/hostile/dir/huge.bin"), &dest_arg]);
    let err = stderr(&out);
    assert!(!out.status.success() && err.contains("huge.bin"), "{err}");
    assert!(!dest.join("huge.bin").exists());
    assert!(rss < RSS_LIMIT_KIB, "peak RSS {rss} KiB");
}

#[test]
fn a_stalled_server_times_out_and_the_job_carries_on() {
    let server = Hostile::start("slow");
    let (_outer, dest, dest_arg) = destination("ferry-hostile-slow-");
    let (out, took, rss) = server.ferry_rss(&[
        "get",
        "-r",
        "--request-timeout",
        "3",
        &server.url("/hostile/dir"),
        &dest_arg,
    ]);
    let err = stderr(&out);
    eprintln!("ferry get -r: {} in {took:?}\n{err}", out.status);
    assert!(out.status.success(), "{err}\n{}", server.log());
    assert!(
        server.log().contains("stalling a READ"),
        "the server never stalled: {}",
        server.log()
    );
    assert!(err.contains("reconnecting"), "no word of the stall: {err}");
    assert_eq!(std::fs::read(dest.join("dir/fast.txt")).unwrap(), b"fast");
    assert_eq!(
        std::fs::read(dest.join("dir/slow.txt")).unwrap(),
        b"slow but steady"
    );
    assert_eq!(
        std::fs::read(dest.join("dir/stall.bin")).ok(),
        Some(pattern(300_000, 9)),
        "stall.bin after the reconnect"
    );
    assert!(rss < RSS_LIMIT_KIB, "peak RSS {rss} KiB");
}

#[test]
fn a_connection_dropped_mid_file() {
    let GetRun {
        server,
        outer,
        dest,
        out,
        rss,
        err,
        ..
    } = get_from("drop", "dir");
    assert!(
        server.log().contains("mid-drop.bin"),
        "the server never dropped: {}",
        server.log()
    );
    // Dropped once: reconnected, resumed, identical.
    assert_eq!(
        std::fs::read(dest.join("dir/drop.bin")).ok(),
        Some(pattern(3 << 20, 10)),
        "drop.bin after the reconnect: {err}"
    );
    assert_eq!(std::fs::read(dest.join("dir/ok.txt")).unwrap(), b"good");
    // Dropped every time: a clear error after the retries, and no complete-looking file.
    assert!(!out.status.success(), "{err}");
    assert!(
        err.lines()
            .any(|l| l.contains("always.bin") && l.to_lowercase().contains("connection")),
        "{err}"
    );
    assert!(!dest.join("dir/always.bin").exists());
    assert!(
        tree_without_links(outer.path())
            .iter()
            .all(|p| !p.contains("drop.bin.ferrypart")),
        "a partial file of the finished drop.bin was left"
    );
    assert!(rss < RSS_LIMIT_KIB, "peak RSS {rss} KiB");
}

#[test]
fn a_file_that_never_ends_is_cut_off() {
    let GetRun {
        outer,
        dest,
        out,
        rss,
        err,
        ..
    } = get_from("forever", "dir");
    assert!(!out.status.success(), "{err}");
    assert!(
        err.lines()
            .any(|l| l.contains("forever.bin") && l.contains("changed size")),
        "{err}"
    );
    assert!(!dest.join("dir/forever.bin").exists());
    assert_eq!(
        std::fs::read(dest.join("dir/honest.bin")).ok(),
        Some(pattern(3000, 3))
    );
    // What is kept (a resumable partial file) stops near the growth allowance.
    let cap = 1000 + ferry_engine::transfer::io::GROWTH_ALLOWANCE;
    for f in tree_without_links(outer.path()) {
        let len = std::fs::metadata(outer.path().join(&f)).unwrap().len();
        assert!(len <= cap + (1 << 20), "{f}: {len} bytes");
    }
    assert!(rss < RSS_LIMIT_KIB, "peak RSS {rss} KiB");
}

#[test]
fn an_endless_listing_in_a_download_stops_at_the_cap() {
    // `/hostile/*` is the endless folder and an ordinary file beside it.
    let GetRun {
        outer,
        dest,
        out,
        rss,
        err,
        ..
    } = get_from_with("endless", "*", &["--max-entries", "50000"]);
    assert!(!out.status.success(), "an endless listing 'succeeded'");
    assert!(
        err.lines()
            .any(|l| l.contains("/hostile/dir") && l.contains("more than 50000 entries")),
        "{err}"
    );
    assert_eq!(std::fs::read(dest.join("also.txt")).unwrap(), b"also");
    assert_eq!(
        tree_without_links(outer.path()),
        set(&["l1", "l1/dest", "l1/dest/also.txt", "l1/dest/dir"]),
        "nothing from the endless folder is copied"
    );
    assert!(rss < RSS_LIMIT_KIB, "peak RSS {rss} KiB");
}

/// Entries a client drops (endless `.`, endless `../escape_N.txt`) still count against the cap:
/// before, they were skipped before counting, so the listing never ended and the list of refused
/// names grew without bound (109 MiB and counting).
#[test]
fn endless_dots_or_refused_names_still_stop_at_the_cap() {
    for mode in ["endless-dots", "endless-escapes"] {
        let server = Hostile::start(mode);
        let (out, took, rss) =
            server.ferry_rss(&["ls", "--max-entries", "20000", &server.url("/hostile/dir")]);
        let err = stderr(&out);
        eprintln!("{mode}: {} in {took:?}, peak RSS {rss} KiB", out.status);
        assert!(
            !out.status.success(),
            "{mode}: an endless listing 'succeeded'"
        );
        assert!(err.contains("more than 20000 entries"), "{mode}: {err}");
        assert!(took < Duration::from_secs(60), "{mode}: took {took:?}");
        assert!(rss < RSS_LIMIT_KIB, "{mode}: peak RSS {rss} KiB");
        // The refused names are reported, but not without bound.
        assert!(
            err.lines().count() < 120,
            "{mode}: {} lines",
            err.lines().count()
        );
    }
}

/// A server that trickles an endless listing is cut off by time, with a message saying so.
#[test]
fn a_listing_that_takes_too_long_is_cut_off_by_time() {
    let server = Hostile::start("endless");
    let (out, took) = server.ferry(&[
        "ls",
        "--max-entries",
        "100000000",
        "--max-list-secs",
        "2",
        &server.url("/hostile/dir"),
    ]);
    let err = stderr(&out);
    assert!(!out.status.success(), "an endless listing 'succeeded'");
    assert!(err.contains("stopped after 2 s"), "{err}");
    assert!(took < Duration::from_secs(30), "took {took:?}");
}

/// One name listed as a file and again as a folder (and another listed twice): the first entry is
/// copied, the repeat noted, and the rest of the folder arrives; nothing partial is left. Before,
/// the whole folder failed and a `.ferrypart` stayed behind.
#[test]
fn a_name_listed_twice_with_different_types() {
    let GetRun {
        outer,
        dest,
        out,
        err,
        ..
    } = get_from("dup-types", "dir");
    assert!(out.status.success(), "{err}");
    assert_eq!(std::fs::read(dest.join("dir/twice")).unwrap(), b"first");
    assert_eq!(std::fs::read(dest.join("dir/same.txt")).unwrap(), b"same");
    assert_eq!(std::fs::read(dest.join("dir/ok.txt")).unwrap(), b"good");
    assert!(err.contains("more than once"), "{err}");
    assert!(
        tree_without_links(outer.path())
            .iter()
            .all(|p| !p.ends_with(".ferrypart")),
        "a partial file was left"
    );
}
