//! The whole window headlessly (iced_test): messages go through the app's `update` the way the
//! runtime would deliver them, and the view is checked as a person would see it — the context menu
//! opens the permissions dialog over the window and Escape closes it; a drag shows what goes where
//! and, with no server connected, dropping says to connect first; keys select and switch panes.

use std::time::{Duration, UNIX_EPOCH};

use ferry::gui::memory::Memory;
use ferry::gui::{App, Message, PaneSide, pane};
use ferry_engine::fs::local::{LocalFs, from_local};
use ferry_engine::fs::{FileSystem, ListOptions};
use iced::keyboard::{Key, Modifiers, key::Named};
use iced::{Point, Task};
use iced_test::simulator;

struct Fixture {
    app: App,
    _dirs: (tempfile::TempDir, tempfile::TempDir),
}

/// The app with its local pane showing a folder of three files (the listing fed in as the task
/// would have delivered it).
fn app() -> Fixture {
    let config = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    for name in ["apple.txt", "banana.txt", "cherry.txt"] {
        std::fs::write(files.path().join(name), name).unwrap();
        let t =
            filetime::FileTime::from_system_time(UNIX_EPOCH + Duration::from_secs(1_700_000_000));
        filetime::set_file_mtime(files.path().join(name), t).unwrap();
    }
    let cli = ferry::cli::parse(
        ["ferry", "--config-dir", config.path().to_str().unwrap()]
            .map(Into::into)
            .to_vec(),
    );
    let (mut app, _task): (App, Task<Message>) = App::new(
        cli.common.gui_options(),
        Memory::default(),
        config.path().join("window.json"),
    );
    let path = from_local(files.path());
    let listing = tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(LocalFs.list(&path, ListOptions::default()))
        .unwrap();
    let _ = app.update(Message::Local(pane::Message::Listed(
        path,
        Ok((listing.entries, None, 0)),
    )));
    Fixture {
        app,
        _dirs: (config, files),
    }
}

fn send(app: &mut App, messages: impl IntoIterator<Item = Message>) {
    for m in messages {
        let _ = app.update(m);
    }
}

fn click(app: &mut App, target: &str) {
    let msgs: Vec<Message> = {
        let mut ui = simulator(app.view());
        ui.click(target)
            .unwrap_or_else(|e| panic!("{target}: {e:?}"));
        ui.into_messages().collect()
    };
    send(app, msgs);
}

fn shows(app: &App, text: &str) -> bool {
    simulator(app.view()).find(text).is_ok()
}

#[test]
fn the_context_menu_opens_the_permissions_dialog_and_escape_closes_it() {
    let mut f = app();
    send(&mut f.app, [Message::Local(pane::Message::RightClicked(1))]);
    assert!(shows(&f.app, "Permissions…"));
    click(&mut f.app, "Permissions…");
    assert!(shows(&f.app, "banana.txt"), "the dialog names the file");
    assert!(shows(&f.app, "Octal"));
    send(
        &mut f.app,
        [Message::Key(Key::Named(Named::Escape), Modifiers::empty())],
    );
    assert!(!shows(&f.app, "Octal"), "Escape closes the dialog");
}

#[test]
fn a_drag_says_what_goes_where_and_a_drop_without_a_server_asks_to_connect() {
    let mut f = app();
    send(
        &mut f.app,
        [
            Message::Local(pane::Message::Clicked(0)),
            Message::DragMoved(Point::new(100.0, 200.0)),
            Message::DragMoved(Point::new(103.0, 201.0)),
        ],
    );
    assert!(
        !shows(&f.app, "apple.txt (drop on the other pane or a folder)"),
        "a few pixels are a click, not a drag"
    );
    send(
        &mut f.app,
        [
            Message::DragMoved(Point::new(400.0, 220.0)),
            Message::Hover(PaneSide::Remote),
        ],
    );
    assert!(
        shows(&f.app, "apple.txt (drop on the other pane or a folder)"),
        "nothing to drop on: the remote pane is not connected"
    );
    send(&mut f.app, [Message::DragReleased]);
    assert!(!shows(
        &f.app,
        "apple.txt (drop on the other pane or a folder)"
    ));
    // Double-click on a file while disconnected asks to connect.
    send(
        &mut f.app,
        [Message::Local(pane::Message::DoubleClicked(1))],
    );
    assert!(shows(&f.app, "Connect to a server to see its files"));
}

#[test]
fn keys_select_all_and_tab_switches_panes() {
    let mut f = app();
    send(
        &mut f.app,
        [Message::Key(Key::Character("a".into()), Modifiers::CTRL)],
    );
    assert_eq!(f.app.local.selection().len(), 3);
    assert!(
        shows(&f.app, "3 items, 3 selected"),
        "status line counts the selection"
    );
    send(
        &mut f.app,
        [
            Message::Key(Key::Named(Named::Tab), Modifiers::empty()),
            Message::Key(Key::Named(Named::ArrowDown), Modifiers::empty()),
        ],
    );
    assert_eq!(
        f.app.local.selection().len(),
        3,
        "arrows now act on the remote pane"
    );
}
