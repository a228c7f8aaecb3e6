//! The transfer panel, the conflict dialog, the context menu, the permissions dialog and a huge
//! folder, driven headlessly with iced_test: engine events are fed in as a running job would send
//! them, clicks come out as messages, and what they do is checked (answers reach the job, a retry
//! copies the failed file to where it was going, chmod changes the mode on disk). The transfer
//! panel is also compared against a stored snapshot (`ICED_TEST_BACKEND=tiny-skia`).

use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use ferry::gui::PaneSide;
use ferry::gui::connect::Reply;
use ferry::gui::fileops::{self, Op};
use ferry::gui::pane::{self, MenuAction, Pane, Source};
use ferry::gui::transfers::{Message, Outcome, Transfers};
use ferry_engine::error::Error;
use ferry_engine::fs::entry::{Entry, Kind};
use ferry_engine::fs::path::FsPath;
use ferry_engine::ssh::ConnectOptions;
use ferry_engine::ssh::hostkeys::KnownHosts;
use ferry_engine::ssh::prompt::NoPrompt;
use ferry_engine::transfer::progress::Snapshot;
use ferry_engine::transfer::{
    ConflictInfo, ConflictPolicy, Direction, Event, JobSpec, JobSummary, Note, Pool, Skip,
    TransferOptions,
};
use iced_test::simulator;

/// A pool that is never used: the job's task is not run here, its events are fed by hand.
fn idle_pool() -> Arc<Pool> {
    let kh = KnownHosts::new(vec![], "/nonexistent/known_hosts".into());
    let opts = ConnectOptions::new("127.0.0.1", 9, "nobody".to_string(), kh);
    Arc::new(Pool::new(opts, Arc::new(NoPrompt), 1))
}

fn download_of_folder(panel: &mut Transfers) {
    let spec = JobSpec {
        direction: Direction::Download,
        sources: vec![FsPath::from("/srv/photos")],
        dest_dir: FsPath::from("/home/ann/Pictures"),
        dest_name: None,
        recursive: true,
    };
    let site = ferry_engine::transfer::queue::SiteRef {
        host: "127.0.0.1".into(),
        port: 9,
        user: "nobody".into(),
    };
    let _task = panel.start(idle_pool(), spec, TransferOptions::default(), site);
}

fn clicks(view: iced::Element<'_, Message>, targets: &[&str]) -> Vec<Message> {
    let mut ui = simulator(view);
    for t in targets {
        ui.click(*t).unwrap_or_else(|e| panic!("{t}: {e:?}"));
    }
    ui.into_messages().collect()
}

#[test]
fn a_running_job_shows_progress_and_answers_pause_and_cancel() {
    let mut panel = Transfers::default();
    download_of_folder(&mut panel);
    let progress = Snapshot {
        bytes_done: 3 << 20,
        bytes_total: 8 << 20,
        files_done: 2,
        files_total: 5,
        rate: (1 << 20) as f64,
        eta: Some(Duration::from_secs(5)),
        ..Snapshot::default()
    };
    panel.update(Message::Event(1, Event::Progress(progress)));
    panel.update(Message::Event(
        1,
        Event::FileStarted {
            src: FsPath::from("/srv/photos/beach.jpg"),
            size: 1 << 20,
        },
    ));
    let mut ui = simulator(panel.view());
    let detail = "3.0 MiB / 8.0 MiB · 1.0 MiB/s · 5 s left · 2/5 files";
    assert!(ui.find(detail).is_ok(), "no {detail:?}");
    assert!(ui.find("↓ photos  ·  beach.jpg").is_ok());
    assert!(ui.find("Queue (1)").is_ok());
    let snapshot = ui.snapshot(&iced::Theme::Light).unwrap();
    assert!(
        snapshot
            .matches_hash("tests/snapshots/transfer-panel")
            .unwrap(),
        "the transfer panel looks different from tests/snapshots/transfer-panel-*.sha256"
    );
    // And in the dark theme (Settings → Theme, FERRY_THEME=dark).
    let dark = ui.snapshot(&iced::Theme::Dark).unwrap();
    assert!(
        dark.matches_hash("tests/snapshots/transfer-panel-dark")
            .unwrap(),
        "the dark transfer panel looks different from tests/snapshots/transfer-panel-dark-*.sha256"
    );
    drop(ui);

    let msgs = clicks(panel.view(), &["Pause"]);
    assert!(matches!(msgs.as_slice(), [Message::Pause(1)]), "{msgs:?}");
    panel.update(Message::Pause(1));
    let msgs = clicks(panel.view(), &["Resume", "Cancel all"]);
    assert!(
        matches!(msgs.as_slice(), [Message::Resume(1), Message::CancelAll]),
        "{msgs:?}"
    );
}

#[test]
fn a_failed_file_is_listed_with_its_error_and_retried_to_where_it_was_going() {
    let mut panel = Transfers::default();
    download_of_folder(&mut panel);
    panel.update(Message::Event(
        1,
        Event::FileFailed {
            src: FsPath::from("/srv/photos/2024/x\u{1b}y.jpg"),
            error: Error::PermissionDenied {
                side: ferry_engine::error::Side::Remote,
                path: "/srv/photos/2024/x\\x1by.jpg".into(),
            },
        },
    ));
    let outcome = panel.update(Message::Finished(
        1,
        Ok(JobSummary {
            files_done: 4,
            files_failed: 1,
            ..JobSummary::default()
        }),
    ));
    assert!(matches!(
        outcome,
        Some(Outcome::Finished(Direction::Download))
    ));

    // The panel switches to the Failed tab by itself once nothing is running.
    let mut ui = simulator(panel.view());
    assert!(ui.find("Failed (1)").is_ok());
    assert!(
        ui.find("↓ /srv/photos/2024/x\\x1by.jpg").is_ok(),
        "name escaped"
    );
    drop(ui);
    let msgs = clicks(panel.view(), &["Retry"]);
    let [Message::Retry(0)] = msgs.as_slice() else {
        panic!("{msgs:?}")
    };
    let Some(Outcome::Retry(jobs)) = panel.update(Message::Retry(0)) else {
        panic!("no retry")
    };
    let [(spec, ConflictPolicy::Ask)] = jobs.as_slice() else {
        panic!("{jobs:?}")
    };
    assert_eq!(
        spec.sources,
        [FsPath::from("/srv/photos/2024/x\u{1b}y.jpg")]
    );
    assert_eq!(
        spec.dest_dir,
        FsPath::from("/home/ann/Pictures/photos/2024")
    );
    assert_eq!(spec.dest_name.as_deref(), Some(&b"x\x1by.jpg"[..]));

    // The Log tab has the start, the failure and the summary, with times.
    panel.update(Message::Tab(ferry::gui::transfers::Tab::Log));
    let mut ui = simulator(panel.view());
    assert!(ui.find("Log (3)").is_ok());
}

/// What the engine reports as data (skip reasons, notes) reaches the Log as sentences, with the
/// server's text escaped; a folder link not followed is said once, by its skip line.
#[test]
fn skips_and_notes_are_worded_in_the_log() {
    let mut panel = Transfers::default();
    download_of_folder(&mut panel);
    for ev in [
        Event::FileSkipped {
            src: FsPath::from("/srv/photos/a.jpg"),
            reason: Skip::NotNewer,
        },
        Event::Note(Note::FolderLinkNotFollowed {
            link: FsPath::from("/srv/photos/loop"),
            target: "..".into(),
        }),
        Event::FileSkipped {
            src: FsPath::from("/srv/photos/loop"),
            reason: Skip::FolderLink {
                target: "..".into(),
            },
        },
        Event::Note(Note::Reconnecting {
            src: FsPath::from("/srv/photos/b\u{1b}[2J.jpg"),
            why: Error::Timeout {
                what: "waiting for 127.0.0.1".into(),
                secs: 30,
            },
        }),
        Event::Note(Note::Grew {
            src: FsPath::from("/srv/photos/log.txt"),
            listed: 1024,
            copied: 3072,
        }),
    ] {
        panel.update(Message::Event(1, ev));
    }
    panel.update(Message::Tab(ferry::gui::transfers::Tab::Log));
    let mut lines: Vec<String> = Vec::new();
    {
        use iced_test::selector::Candidate;
        let mut ui = simulator(panel.view());
        // Finds nothing on purpose: the selector visits every text and keeps it.
        let _ = ui.find(|c: Candidate<'_>| {
            if let Candidate::Text { content, .. } = c {
                lines.push(content.to_string());
            }
            None::<()>
        });
    }
    let has = |want: &str| lines.iter().any(|l| l.ends_with(want));
    for want in [
        "/srv/photos/a.jpg skipped: the destination is as new or newer",
        "/srv/photos/loop skipped: it is a link to a folder (..), and links to folders are not followed",
        "Connection lost while copying /srv/photos/b\\x1b[2J.jpg (Timed out waiting for 127.0.0.1 after 30 s: the host may be down, or a firewall drops the traffic); reconnecting…",
        "/srv/photos/log.txt grew while it was copied (1.0 KiB listed, 3.0 KiB copied)",
    ] {
        assert!(has(want), "no log line ending {want:?} in {lines:#?}");
    }
    assert!(
        !lines.iter().any(|l| l.contains("Not following")),
        "the folder link is said twice: {lines:#?}"
    );
}

#[test]
fn the_conflict_dialog_sends_the_choice_to_the_waiting_job() {
    let mut panel = Transfers::default();
    download_of_folder(&mut panel);
    let t0 = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let info = ConflictInfo {
        src: FsPath::from("/srv/photos/a.jpg"),
        dst: FsPath::from("/home/ann/Pictures/photos/a.jpg"),
        src_size: 2000,
        src_mtime: Some(t0 + Duration::from_secs(3600)),
        dst_size: Some(500),
        dst_mtime: Some(t0),
    };
    let (tx, mut rx) = tokio::sync::oneshot::channel();
    panel.update(Message::Conflict(1, info, Reply::new(tx)));
    let view = panel.conflict_view().expect("a dialog");
    let mut ui = simulator(view);
    assert!(ui.find("The file being copied is newer.").is_ok());
    assert!(
        ui.find("Resume").is_ok(),
        "the existing file is shorter: resumable"
    );
    ui.click("Do this for every conflict in this transfer")
        .unwrap();
    ui.click("Keep both").unwrap();
    let msgs: Vec<_> = ui.into_messages().collect();
    for m in msgs {
        panel.update(m);
    }
    assert_eq!(rx.try_recv().unwrap(), Some((ConflictPolicy::Rename, true)));
    assert!(panel.conflict().is_none());
}

fn entry(name: &str, kind: Kind, perms: u32) -> Entry {
    let mut e = Entry::new(name.as_bytes().to_vec(), kind);
    e.perms = Some(perms);
    e.size = Some(10);
    e
}

#[test]
fn right_click_opens_a_menu_whose_commands_reach_the_app() {
    let mut p = Pane::new("remote", Some(Source::Local));
    let entries = vec![
        entry("docs", Kind::Dir, 0o40755),
        entry("a.txt", Kind::File, 0o100644),
    ];
    let _ = p.update(pane::Message::Listed(
        FsPath::from("/srv"),
        Ok((entries, None, 0)),
    ));
    let _ = p.update(pane::Message::RightClicked(1));
    let mut ui = simulator(p.view("Remote".into()));
    for item in [
        "Download",
        "Rename…",
        "Delete…",
        "Permissions…",
        "Copy path",
        "Properties",
    ] {
        assert!(ui.find(item).is_ok(), "menu item {item}");
    }
    assert!(ui.find("Open").is_err(), "no Open on a file");
    ui.click("Permissions…").unwrap();
    let msgs: Vec<_> = ui.into_messages().collect();
    let mut events = Vec::new();
    for m in msgs {
        if let (_, Some(e)) = p.update(m) {
            events.push(e);
        }
    }
    let [pane::Event::Menu(MenuAction::Permissions, chosen)] = events.as_slice() else {
        panic!("{events:?}")
    };
    assert_eq!(chosen.len(), 1);
    assert_eq!(chosen[0].display, "a.txt");
    assert!(p.menu.is_none(), "the menu closes");
}

#[test]
fn permissions_dialog_edits_bits_and_octal_and_chmods_recursively() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(d.path().join("site/css")).unwrap();
    std::fs::write(d.path().join("site/css/a.css"), b"x").unwrap();
    std::os::unix::fs::symlink("/etc/passwd", d.path().join("site/link")).unwrap();
    let dir = ferry_engine::fs::local::from_local(d.path());
    let mut op = Op::permissions(
        PaneSide::Local,
        dir,
        vec![entry("site", Kind::Dir, 0o40755)],
    )
    .unwrap();
    let mut ui = simulator(op.view());
    assert!(ui.find("0755").is_ok());
    ui.click("Also everything inside the folders (links are skipped)")
        .unwrap();
    let msgs: Vec<_> = ui.into_messages().collect();
    for m in msgs {
        op.edit(m);
    }
    op.edit(fileops::Message::Bit(0o005, false)); // others: no read, no execute
    op.edit(fileops::Message::Bit(0o001, false));
    op.edit(fileops::Message::Bit(0o004, false));
    let mut ui = simulator(op.view());
    assert!(
        ui.find("0750").is_ok(),
        "the checkboxes update the octal field"
    );
    drop(ui);
    op.edit(fileops::Message::Input("9".into()));
    assert!(!op.valid(), "9 is not octal: OK is disabled");
    op.edit(fileops::Message::Input("0750".into()));
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(op.execute(Source::Local))
        .unwrap();
    let mode = |p: &str| {
        std::fs::metadata(d.path().join(p))
            .unwrap()
            .permissions()
            .mode()
            & 0o7777
    };
    assert_eq!(mode("site"), 0o750);
    assert_eq!(mode("site/css"), 0o750);
    assert_eq!(mode("site/css/a.css"), 0o750);
    let passwd = std::fs::metadata("/etc/passwd")
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(passwd, 0o644, "the link's target is untouched");
}

#[test]
fn a_folder_of_100000_entries_builds_only_the_rows_in_view() {
    let mut p = Pane::new("local", Some(Source::Local));
    let entries: Vec<Entry> = (0..100_000)
        .map(|i| entry(&format!("file-{i:06}"), Kind::File, 0o100644))
        .collect();
    let _ = p.update(pane::Message::Listed(
        FsPath::from("/big"),
        Ok((entries, None, 0)),
    ));
    let mut ui = simulator(p.view("Local".into()));
    assert!(ui.find("file-000000").is_ok());
    assert!(ui.find("file-050000").is_err(), "far rows are not built");
    drop(ui);
    // Scrolled half-way, the rows there are built instead.
    let _ = p.update(pane::Message::Scrolled(50_000.0 * pane::ROW_HEIGHT, 600.0));
    let mut ui = simulator(p.view("Local".into()));
    assert!(ui.find("file-050000").is_ok());
    assert!(ui.find("file-000000").is_err());
}
