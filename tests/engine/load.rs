//! Load, against a real OpenSSH sshd: a 100,000-entry folder listed by `ferry ls` (beside OpenSSH's
//! `sftp` on the same server) and shown in the window's pane, and a 10,000-file tree uploaded and
//! downloaded with `ferry put -r` / `get -r`, compared file by file. Each run prints its time and
//! the peak memory of the process; the assertions bound memory (it must not grow with the number
//! of files beyond what the entries themselves take) and the time only loosely, against hangs and
//! quadratic blow-ups, never as a speed goal (that is the benchmark's job). For release figures:
//! `cargo build --release && FERRY_TEST_BIN=target/release/ferry cargo test --test engine load:: -- --nocapture`.

use crate::common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{Sshd, bytes, run_measured, snapshot};

const LIMIT: Duration = Duration::from_secs(300);

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn ferry_measured(sshd: &Sshd, args: &[&str]) -> common::Measured {
    let run = run_measured(
        sshd.ferry().arg("-i").arg(&sshd.client_key).args(args),
        LIMIT,
        String::new,
    );
    assert!(
        run.out.status.success(),
        "ferry {args:?}: {}",
        String::from_utf8_lossy(&run.out.stderr)
    );
    run
}

#[test]
fn a_folder_of_100000_entries_lists_in_bounded_memory() {
    const N: usize = 100_000;
    let sshd = Sshd::start();
    let dir = sshd.data.join("many");
    std::fs::create_dir(&dir).unwrap();
    for i in 0..N {
        std::fs::File::create(dir.join(format!("file-{i:06}.txt"))).unwrap();
    }
    sshd.chown_data();

    let run = ferry_measured(&sshd, &["ls", &sshd.data_url("many")]);
    let names = String::from_utf8_lossy(&run.out.stdout);
    let names: Vec<&str> = names.lines().collect();
    assert_eq!(names.len(), N);
    assert_eq!(names[0], "file-000000.txt");
    assert_eq!(names[N - 1], "file-099999.txt");
    let long = ferry_measured(&sshd, &["ls", "-l", &sshd.data_url("many")]);
    assert_eq!(String::from_utf8_lossy(&long.out.stdout).lines().count(), N);

    // OpenSSH's sftp on the same server, for reference.
    let batch = sshd.dir.path().join("ls.batch");
    std::fs::write(&batch, format!("ls -1 {}\n", dir.display())).unwrap();
    let sftp = run_measured(
        Command::new("sftp")
            .arg("-b")
            .arg(&batch)
            .args(["-P", &sshd.port.to_string(), "-i"])
            .arg(&sshd.client_key)
            .arg("-o")
            .arg(format!("UserKnownHostsFile={}", sshd.known_hosts.display()))
            .args(["-o", "BatchMode=yes"])
            .arg(format!("{}@127.0.0.1", sshd.user)),
        LIMIT,
        String::new,
    );
    assert!(sftp.out.status.success());
    eprintln!(
        "100,000 entries: ferry ls {:.2} s, {:.1} MiB peak; ferry ls -l {:.2} s, {:.1} MiB; \
         OpenSSH sftp ls -1 {:.2} s, {:.1} MiB",
        run.elapsed.as_secs_f64(),
        mib(run.max_rss_kib),
        long.elapsed.as_secs_f64(),
        mib(long.max_rss_kib),
        sftp.elapsed.as_secs_f64(),
        mib(sftp.max_rss_kib),
    );
    // The entries themselves are ~10 MiB; the process around them is ~20 MiB.
    assert!(run.max_rss_kib < 160 * 1024, "{} KiB", run.max_rss_kib);
    assert!(long.max_rss_kib < 160 * 1024, "{} KiB", long.max_rss_kib);

    // The window's pane takes the same listing (sorted and filtered on the UI thread) and draws
    // only the rows in view: both stay well below a frame budget a person would notice.
    pane_with(&dir, N);
}

/// Shows the `n` entries of `dir` in the window's local pane; prints how long taking the listing
/// and building the view took.
fn pane_with(dir: &Path, n: usize) {
    use ferry::gui::memory::Memory;
    use ferry::gui::{App, Message, pane};
    use ferry_engine::fs::local::{LocalFs, from_local};
    use ferry_engine::fs::{FileSystem, ListOptions};

    let config = tempfile::tempdir().unwrap();
    let cli = ferry::cli::parse(
        ["ferry", "--config-dir", config.path().to_str().unwrap()]
            .map(Into::into)
            .to_vec(),
    );
    let (mut app, _): (App, iced::Task<Message>) = App::new(
        cli.common.gui_options(),
        Memory::default(),
        config.path().join("window.json"),
    );
    let path = from_local(dir);
    let options = ListOptions {
        cap: 1_000_000,
        ..ListOptions::default()
    };
    let mut listing = tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(LocalFs.list(&path, options))
        .unwrap();
    assert_eq!(listing.entries.len(), n);
    // The pane's listing task sorts, off the UI thread; `update` then only checks the order.
    let t = Instant::now();
    ferry_engine::fs::entry::sort_entries(
        &mut listing.entries,
        ferry_engine::fs::entry::SortKey::Name,
        false,
    );
    let took_task_sort = t.elapsed();
    let t = Instant::now();
    let _ = app.update(Message::Local(pane::Message::Listed(
        path,
        Ok((listing.entries, None, 0)),
    )));
    let took_update = t.elapsed();
    // Sorting by another column happens on the UI thread: it must stay a short hitch.
    let t = Instant::now();
    let _ = app.update(Message::Local(pane::Message::SortBy(
        ferry_engine::fs::entry::SortKey::Size,
    )));
    let _ = app.update(Message::Local(pane::Message::SortBy(
        ferry_engine::fs::entry::SortKey::Name,
    )));
    let took_sorts = t.elapsed() / 2;
    let t = Instant::now();
    let ui = iced_test::simulator(app.view());
    let took_view = t.elapsed();
    let mut ui = ui;
    assert!(ui.find("file-000000.txt").is_ok(), "the first row is shown");
    assert!(
        ui.find("file-099999.txt").is_err(),
        "rows out of view are not built"
    );
    eprintln!(
        "window pane with {n} entries: sorted in the listing task in {:.0} ms, taken by the UI thread in {:.0} ms, a sort by another column {:.0} ms, view built in {:.0} ms",
        took_task_sort.as_secs_f64() * 1e3,
        took_update.as_secs_f64() * 1e3,
        took_sorts.as_secs_f64() * 1e3,
        took_view.as_secs_f64() * 1e3
    );
    assert!(
        took_update + took_view < Duration::from_secs(5),
        "{took_update:?} + {took_view:?}"
    );
    assert!(took_sorts < Duration::from_secs(2), "{took_sorts:?}");
}

#[test]
fn a_tree_of_10000_files_goes_up_and_down_exactly_in_bounded_memory() {
    let sshd = Sshd::start();
    let local = tempfile::tempdir().unwrap();
    let tree = local.path().join("tree");
    let mut total = 0usize;
    for d in 0..100 {
        let sub = tree.join(format!("dir-{d:03}"));
        std::fs::create_dir_all(&sub).unwrap();
        for f in 0..100 {
            let len = (d * 100 + f) * 37 % 8192;
            total += len;
            std::fs::write(
                sub.join(format!("file-{f:03}.dat")),
                bytes((d * 100 + f) as u64, len),
            )
            .unwrap();
        }
    }
    let want = snapshot(&tree);
    assert_eq!(want.len(), 10_100);

    let up = ferry_measured(
        &sshd,
        &["put", "-r", tree.to_str().unwrap(), &sshd.data_url("")],
    );
    assert!(snapshot(&sshd.data.join("tree")) == want, "upload differs");
    let back = local.path().join("back");
    std::fs::create_dir(&back).unwrap();
    let down = ferry_measured(
        &sshd,
        &["get", "-r", &sshd.data_url("tree"), back.to_str().unwrap()],
    );
    assert!(snapshot(&back.join("tree")) == want, "download differs");
    for (what, run) in [("put -r", &up), ("get -r", &down)] {
        eprintln!(
            "10,000 files ({:.1} MiB) {what}: {:.1} s, {:.0} files/s, {:.1} MiB peak",
            total as f64 / 1048576.0,
            run.elapsed.as_secs_f64(),
            10_000.0 / run.elapsed.as_secs_f64(),
            mib(run.max_rss_kib)
        );
        assert!(
            run.max_rss_kib < 256 * 1024,
            "{what}: {} KiB",
            run.max_rss_kib
        );
    }
}
