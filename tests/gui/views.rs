//! The GUI's views driven headlessly with iced_test: a pane lists a real folder, sorts by a
//! clicked header, selects with click / Ctrl-click / Shift-click, opens a folder on double-click
//! and asks for a transfer on a file; the host-key dialog answers what was clicked. Rendering uses
//! `ICED_TEST_BACKEND=tiny-skia` (tests/run.sh sets it).

use std::time::{Duration, UNIX_EPOCH};

use ferry::gui::connect::{Question, Reply};
use ferry::gui::dialogs::{self, Dialog};
use ferry::gui::pane::{self, Pane, Source};
use ferry_engine::fs::local::{LocalFs, from_local};
use ferry_engine::fs::{FileSystem, ListOptions};
use ferry_engine::ssh::prompt::{HostKeyDecision, HostKeyInfo};
use iced::keyboard::Modifiers;
use iced_test::simulator;

fn folder() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    for (name, size) in [
        ("beta.txt", 300),
        ("alpha.log", 3000),
        ("gamma.bin", 2000),
        (".hidden", 1),
    ] {
        std::fs::write(d.path().join(name), vec![b'x'; size]).unwrap();
    }
    std::fs::create_dir(d.path().join("zeta dir")).unwrap();
    std::fs::write(d.path().join("zeta dir/inner.txt"), b"in").unwrap();
    for e in std::fs::read_dir(d.path()).unwrap() {
        let t =
            filetime::FileTime::from_system_time(UNIX_EPOCH + Duration::from_secs(1_700_000_000));
        filetime::set_file_mtime(e.unwrap().path(), t).unwrap();
    }
    d
}

/// A pane showing `dir`, with the listing fed in as the task would have.
fn pane_at(dir: &std::path::Path) -> Pane {
    let mut p = Pane::new("local", Some(Source::Local));
    let path = from_local(dir);
    let listing = tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(LocalFs.list(&path, ListOptions::default()))
        .unwrap();
    let _ = p.update(pane::Message::Listed(path, Ok((listing.entries, None, 0))));
    p
}

fn names(p: &Pane) -> Vec<String> {
    p.rows().map(|e| e.display.clone()).collect()
}

/// Clicks `target` in the pane's view `times` times and applies the resulting messages.
fn click(p: &mut Pane, target: &str, times: usize) -> Vec<pane::Event> {
    let messages: Vec<pane::Message> = {
        let mut ui = simulator(p.view("Local".into()));
        for _ in 0..times {
            ui.click(target)
                .unwrap_or_else(|e| panic!("{target}: {e:?}"));
        }
        ui.into_messages().collect()
    };
    feed(p, messages)
}

fn feed(p: &mut Pane, messages: impl IntoIterator<Item = pane::Message>) -> Vec<pane::Event> {
    let mut events = Vec::new();
    for m in messages {
        if let (_, Some(e)) = p.update(m) {
            events.push(e);
        }
    }
    events
}

#[test]
fn lists_sorts_and_hides_dotfiles() {
    let d = folder();
    let mut p = pane_at(d.path());
    assert_eq!(
        names(&p),
        ["zeta dir", "alpha.log", "beta.txt", "gamma.bin"]
    );

    click(&mut p, "Size", 1);
    assert_eq!(
        names(&p),
        ["zeta dir", "beta.txt", "gamma.bin", "alpha.log"],
        "folders first, then by size"
    );

    click(&mut p, "Size ▲", 1);
    assert_eq!(
        names(&p),
        ["zeta dir", "alpha.log", "gamma.bin", "beta.txt"],
        "clicking again reverses"
    );

    click(&mut p, "Hidden", 1);
    assert!(names(&p).contains(&".hidden".to_string()));
}

#[test]
fn click_ctrl_click_and_shift_click_select() {
    let d = folder();
    let mut p = pane_at(d.path());
    click(&mut p, "alpha.log", 1);
    assert_eq!(sel(&p), ["alpha.log"]);

    p.modifiers = Modifiers::CTRL;
    click(&mut p, "gamma.bin", 1);
    assert_eq!(sel(&p), ["alpha.log", "gamma.bin"]);

    p.modifiers = Modifiers::SHIFT;
    click(&mut p, "zeta dir/", 1);
    assert_eq!(
        sel(&p),
        ["zeta dir", "alpha.log", "beta.txt", "gamma.bin"],
        "a range from the last click"
    );
    p.modifiers = Modifiers::default();
}

fn sel(p: &Pane) -> Vec<String> {
    p.selection().iter().map(|e| e.display.clone()).collect()
}

#[test]
fn double_click_opens_folders_and_transfers_files() {
    let d = folder();
    let mut p = pane_at(d.path());
    // A file: the app decides (a transfer, or Edit when Settings says so).
    let events = click(&mut p, "beta.txt", 2);
    match events.as_slice() {
        [pane::Event::Activated(entry)] => assert_eq!(entry.display, "beta.txt"),
        other => panic!("expected the file activated, got {other:?}"),
    }
    // A double-click on a folder asks for its listing (a task), not a transfer.
    assert!(click(&mut p, "zeta dir/", 2).is_empty());
}

/// A folder that cannot be opened (here: deleted after it was listed) leaves the pane in the folder
/// it showed, rows, path and item count alike, with the reason above them. When the folder shown
/// is the one that fails, the pane shows it empty, with the reason in place of the rows.
#[test]
fn a_folder_that_cannot_be_opened_leaves_the_pane_where_it_was() {
    let d = folder();
    let here = from_local(d.path());
    let mut p = pane_at(d.path());
    let before = names(&p);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let failed = |p: &mut Pane, dir: &std::path::Path| {
        let path = from_local(dir);
        let e = rt
            .block_on(LocalFs.list(&path, ListOptions::default()))
            .unwrap_err();
        let shown = ferry::gui::text::error_text(&e);
        let _ = p.update(pane::Message::Listed(path, Err(e)));
        shown
    };

    assert!(click(&mut p, "zeta dir/", 2).is_empty()); // asks for the listing (a task)...
    std::fs::remove_dir_all(d.path().join("zeta dir")).unwrap(); // ...which finds it gone
    let why = failed(&mut p, &d.path().join("zeta dir"));
    assert_eq!(p.path, here, "the pane left the folder it shows");
    assert_eq!(names(&p), before);
    let mut ui = simulator(p.view("Local".into()));
    assert!(
        ui.find(why.as_str()).is_ok(),
        "the reason is not shown: {why}"
    );
    assert!(ui.find("beta.txt").is_ok(), "the rows were replaced");
    assert!(
        ui.find("4 items, 1 selected").is_ok(),
        "the status line is not the folder's"
    );

    // Now the folder shown is deleted: a refresh of it shows it empty, with why.
    let shown = d.path().join("shown");
    std::fs::create_dir(&shown).unwrap();
    std::fs::write(shown.join("kept.txt"), b"x").unwrap();
    let mut p = pane_at(&shown);
    std::fs::remove_dir_all(&shown).unwrap();
    let why = failed(&mut p, &shown);
    assert_eq!(p.path, from_local(&shown));
    assert!(names(&p).is_empty(), "rows of a folder that is gone");
    let mut ui = simulator(p.view("Local".into()));
    assert!(
        ui.find(why.as_str()).is_ok(),
        "the reason is not shown: {why}"
    );
    assert!(ui.find("0 items").is_ok());
}

#[test]
fn host_key_dialog_answers_what_was_clicked() {
    let info = HostKeyInfo {
        host: "example.org".into(),
        port: 2222,
        key_type: "ED25519".into(),
        fingerprint: "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s".into(),
    };
    let (tx, _rx) = tokio::sync::oneshot::channel();
    let d = Dialog::new(Question::HostKey(info), Reply::new(tx));
    let mut ui = simulator(d.view());
    assert!(
        ui.find("SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s")
            .is_ok()
    );
    assert!(ui.find("[example.org]:2222").is_ok());
    ui.click("Trust and connect").unwrap();
    let msgs: Vec<_> = ui.into_messages().collect();
    assert!(
        matches!(
            msgs.as_slice(),
            [dialogs::Message::HostKey(HostKeyDecision::AcceptAndSave)]
        ),
        "{msgs:?}"
    );
    let mut ui = simulator(d.view());
    ui.click("Cancel").unwrap();
    let msgs: Vec<_> = ui.into_messages().collect();
    assert!(
        matches!(
            msgs.as_slice(),
            [dialogs::Message::HostKey(HostKeyDecision::Reject)]
        ),
        "{msgs:?}"
    );
}

#[test]
fn keyboard_interactive_texts_from_the_server_are_shown_escaped() {
    use ferry_engine::ssh::prompt::InteractiveRequest;
    use iced_test::selector::Candidate;
    // A server can send escape sequences and bidi overrides in every text of the request.
    let request = InteractiveRequest {
        name: "Corp\u{1b}[2J SSO".into(),
        instructions: "Open the app\nthen type\u{202e}edoc the".into(),
        prompts: vec![("Code\u{7}\u{2066}:".into(), true)],
    };
    let (tx, _rx) = tokio::sync::oneshot::channel();
    let d = Dialog::new(Question::Interactive(request), Reply::new(tx));
    let mut ui = simulator(d.view());
    for shown in [
        "Corp\\x1b[2J SSO",
        "Open the app\nthen type\\u{202e}edoc the",
        "Code\\x07\\u{2066}:",
    ] {
        assert!(ui.find(shown).is_ok(), "{shown:?} is not shown");
    }
    // Nothing raw reaches the window: no text holds a control (but the line break the server
    // meant) or a bidi character.
    let raw = ui.find(|c: Candidate<'_>| match c {
        Candidate::Text { content, .. }
            if content.chars().any(|c| {
                (c.is_control() && c != '\n') || ('\u{202a}'..='\u{2069}').contains(&c)
            }) =>
        {
            Some(content.to_string())
        }
        _ => None,
    });
    assert!(raw.is_err(), "shown raw: {raw:?}");
}

/// tmpfs and btrfs keep any 64-bit mtime (`touch -d @99999999999999`): such a file is listed
/// like any other (with no date), where the date conversion used to panic the window.
#[test]
fn a_file_with_an_mtime_beyond_any_calendar_is_listed() {
    let Ok(d) = tempfile::tempdir_in("/dev/shm") else {
        eprintln!("skipped: no /dev/shm (tmpfs) here");
        return;
    };
    let names_times = [
        ("far-future.txt", 99_999_999_999_999i64),
        ("far-past.txt", -99_999_999_999_999),
        ("ordinary.txt", 1_700_000_000),
    ];
    for (name, secs) in names_times {
        let p = d.path().join(name);
        std::fs::write(&p, b"x").unwrap();
        filetime::set_file_mtime(&p, filetime::FileTime::from_unix_time(secs, 0)).unwrap();
    }
    let kept = std::fs::metadata(d.path().join("far-future.txt"))
        .unwrap()
        .modified()
        .unwrap();
    if kept < UNIX_EPOCH + Duration::from_secs(1 << 40) {
        eprintln!("skipped: this /dev/shm clamps mtimes ({kept:?})");
        return;
    }
    let p = pane_at(d.path());
    assert_eq!(
        names(&p),
        ["far-future.txt", "far-past.txt", "ordinary.txt"]
    );
    let mut ui = simulator(p.view("Local".into()));
    assert!(ui.find("far-future.txt").is_ok());
    assert!(ui.find("far-past.txt").is_ok());
    let date = ferry::gui::format::date_time(UNIX_EPOCH + Duration::from_secs(1_700_000_000));
    assert!(ui.find(date.as_str()).is_ok(), "no {date:?}");
}

mod fileops_tests {
    use super::*;
    use ferry::gui::PaneSide;
    use ferry::gui::fileops::{Message, Op};
    use ferry_engine::error::Error;

    fn entry(p: &Pane, name: &str) -> ferry_engine::fs::entry::Entry {
        p.rows().find(|e| e.display == name).unwrap().clone()
    }

    #[test]
    fn new_folder_rename_and_delete_on_disk() {
        let d = folder();
        let p = pane_at(d.path());
        tokio::runtime::Runtime::new()
            .unwrap()
            .block_on(run_ops(&d, &p));
    }

    async fn run_ops(d: &tempfile::TempDir, p: &Pane) {
        let dir = from_local(d.path());
        let op = Op::NewFolder {
            side: PaneSide::Local,
            dir: dir.clone(),
            name: "made here".into(),
        };
        op.execute(Source::Local).await.unwrap();
        assert!(d.path().join("made here").is_dir());

        let op = Op::Rename {
            side: PaneSide::Local,
            dir: dir.clone(),
            entry: entry(p, "beta.txt"),
            name: "renamed.txt".into(),
        };
        op.execute(Source::Local).await.unwrap();
        assert!(d.path().join("renamed.txt").exists() && !d.path().join("beta.txt").exists());

        // A typed name is one name: it cannot climb out of the folder.
        let op = Op::Rename {
            side: PaneSide::Local,
            dir: dir.clone(),
            entry: entry(p, "gamma.bin"),
            name: "../escaped".into(),
        };
        assert!(matches!(
            op.execute(Source::Local).await,
            Err(Error::UnsafeName { .. })
        ));
        assert!(d.path().join("gamma.bin").exists());

        let op = Op::Delete {
            side: PaneSide::Local,
            dir,
            entries: vec![entry(p, "zeta dir"), entry(p, "alpha.log")],
        };
        op.execute(Source::Local).await.unwrap();
        assert!(!d.path().join("zeta dir").exists() && !d.path().join("alpha.log").exists());
        assert!(d.path().join("gamma.bin").exists());
    }

    #[test]
    fn delete_dialog_lists_what_goes_and_confirms() {
        let d = folder();
        let p = pane_at(d.path());
        let op = Op::Delete {
            side: PaneSide::Local,
            dir: from_local(d.path()),
            entries: vec![entry(&p, "zeta dir"), entry(&p, "alpha.log")],
        };
        let mut ui = simulator(op.view());
        assert!(ui.find("zeta dir\nalpha.log").is_ok());
        ui.click("Delete").unwrap();
        let msgs: Vec<_> = ui.into_messages().collect();
        assert!(matches!(msgs.as_slice(), [Message::Confirm]), "{msgs:?}");
    }
}

/// A listing cut short (here: more entries than the cap) shows what arrived, with a note above the
/// rows saying that it is only part of the folder, and why.
#[test]
fn a_listing_cut_short_shows_what_arrived_with_a_note() {
    let d = folder();
    let path = from_local(d.path());
    let opts = ListOptions {
        cap: 3,
        ..ListOptions::default()
    };
    let listing = tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(LocalFs.list_partial(&path, opts))
        .unwrap();
    let cut = listing.cut.expect("the listing was cut");
    assert_eq!(listing.entries.len(), 3);
    let mut p = Pane::new("local", Some(Source::Local));
    let _ = p.update(pane::Message::Listed(
        path.clone(),
        Ok((listing.entries, None, 0)),
    ));
    let _ = p.update(pane::Message::Cut(path.clone(), cut));
    assert_eq!(
        p.rows().count(),
        2,
        "what arrived (the hidden file aside) is shown"
    );
    let mut ui = simulator(p.view("Local".into()));
    let note = format!(
        "Only part of this folder is shown. {}",
        ferry::gui::text::error_text(&cut.error(&path))
    );
    assert!(ui.find(note.as_str()).is_ok(), "no note: {note}");
}
