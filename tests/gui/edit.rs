//! Edit in the window, against a real sshd: the remote pane's Edit opens the file in the editor
//! chosen in Settings (a script that appends a line), a save goes to the server, the Editing list
//! says so; a save over a copy someone changed on the server is a conflict the dialog settles
//! (here: mine beside theirs), and closing the window with a save not on the server, or
//! disconnecting while a file is edited, asks first.
//! A `ferry edit` killed (SIGKILL) before its save went up leaves the edit for the next start:
//! the window lists it and uploads it once connected to its server.

use std::time::{Duration, Instant};

use crate::common::Sshd;
use crate::common::gui::{app_started, send};
use crate::queue::connected_app;
use crate::queue::{shows, shows_part};
use ferry::gui::edit::{self, State};
use ferry::gui::pane::{self, MenuAction};
use ferry::gui::settings::{self, editing};
use ferry::gui::{App, Message};
use ferry_engine::edit::Resolution;

fn wait_for(what: &str, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < Duration::from_secs(20), "{what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn edit_message(app: &mut App, m: edit::Message) {
    send(app, Message::Edit(m));
}

#[test]
fn edit_uploads_each_save_and_a_conflict_is_settled_in_the_dialog() {
    let sshd = Sshd::start();
    std::fs::write(sshd.data.join("notes.txt"), "v1\n").unwrap();
    sshd.chown_data();
    let config = tempfile::tempdir().unwrap();
    let script = config.path().join("editor.sh");
    std::fs::write(&script, "#!/bin/sh\nprintf 'edited\\n' >> \"$1\"\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut app = connected_app(&sshd, config.path());
    send(
        &mut app,
        Message::Settings(settings::Message::Editing(editing::Message::Editor(
            script.display().to_string(),
        ))),
    );

    let row = app
        .remote
        .rows()
        .position(|e| e.name == b"notes.txt")
        .unwrap();
    send(&mut app, Message::Remote(pane::Message::RightClicked(row)));
    send(
        &mut app,
        Message::Remote(pane::Message::MenuChosen(MenuAction::Edit)),
    );
    let item = &app.edits.items[0];
    let (id, local) = (item.id, item.local().expect("downloaded").to_path_buf());
    assert!(matches!(item.state, State::Watching), "{:?}", item.state);
    assert!(shows(&app, "Editing (1)"));
    // Opening uploaded nothing; the editor's save is what the watch reports.
    wait_for("the editor saved", || {
        std::fs::read_to_string(&local).is_ok_and(|s| s == "v1\nedited\n")
    });
    assert_eq!(
        std::fs::read_to_string(sshd.data.join("notes.txt")).unwrap(),
        "v1\n"
    );
    edit_message(&mut app, edit::Message::Saved(id));
    assert_eq!(
        std::fs::read_to_string(sshd.data.join("notes.txt")).unwrap(),
        "v1\nedited\n"
    );
    assert!(shows_part(&app, "Uploaded at"));
    // The remote pane shows the new size (it was 3 B).
    assert!(shows(&app, "10 B"), "the remote pane was not listed again");

    // Someone changes the server's copy; my next save is not uploaded over it.
    std::fs::write(sshd.data.join("notes.txt"), "theirs, longer\n").unwrap();
    std::fs::write(&local, "mine\n").unwrap();
    edit_message(&mut app, edit::Message::Saved(id));
    assert!(shows(&app, "notes.txt changed on the server"));
    assert_eq!(
        std::fs::read_to_string(sshd.data.join("notes.txt")).unwrap(),
        "theirs, longer\n"
    );
    // Closing now asks first.
    let window = iced::window::Id::unique();
    send(&mut app, Message::CloseRequested(window));
    assert!(shows(&app, "Quit with edits not on the server?"));
    send(&mut app, Message::Confirm(false));
    // So does Disconnect, while a file is being edited.
    send(&mut app, Message::Disconnect);
    assert!(shows_part(
        &app,
        "A file is being edited: a save made after this is not uploaded"
    ));
    send(&mut app, Message::Confirm(false));
    assert!(shows(&app, "Disconnect"), "still connected");
    edit_message(&mut app, edit::Message::Resolve(id, Resolution::KeepBoth));
    assert_eq!(
        std::fs::read_to_string(sshd.data.join("notes (1).txt")).unwrap(),
        "mine\n"
    );
    assert_eq!(
        std::fs::read_to_string(sshd.data.join("notes.txt")).unwrap(),
        "theirs, longer\n"
    );

    // Stop editing: every save is on the server, so the private copy goes.
    edit_message(&mut app, edit::Message::Stop(id));
    assert!(app.edits.items.is_empty());
    assert!(!local.exists());
}

#[test]
fn an_edit_a_killed_run_left_off_the_server_is_offered_at_the_next_start_and_uploaded() {
    let sshd = Sshd::start();
    std::fs::write(sshd.data.join("plan.txt"), "v1\n").unwrap();
    sshd.chown_data();
    // The editor saves, then kills `ferry edit` (its parent) long before the 30 s debounce
    // would let the save go up.
    let script = sshd.dir.path().join("crash.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\nprintf 'v2, saved before the crash\\n' > \"$1\"\nkill -9 $PPID\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = sshd
        .ferry()
        .arg("-i")
        .arg(&sshd.client_key)
        .arg("edit")
        .arg("--editor")
        .arg(&script)
        .arg(sshd.data_url("plan.txt"))
        .env("FERRY_EDIT_DEBOUNCE_MS", "30000")
        .output()
        .unwrap();
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(out.status.signal(), Some(9), "{out:?}");
    let server = sshd.data.join("plan.txt");
    assert_eq!(std::fs::read_to_string(&server).unwrap(), "v1\n");

    // The next start (same config folder) lists it.
    let config = sshd.dir.path().join("config");
    let mut app = app_started(&sshd, &config);
    assert_eq!(app.edits.items.len(), 1);
    let id = app.edits.items[0].id;
    assert!(shows(&app, "plan.txt"));
    assert!(shows(&app, "Not on the server (from an earlier run)"));
    // Upload asks for its server first.
    edit_message(&mut app, edit::Message::Upload(id));
    let server_name = format!("{}@127.0.0.1:{}", sshd.user, sshd.port);
    assert!(shows(
        &app,
        &format!("Connect to {server_name} to upload this edit.")
    ));
    send(&mut app, Message::QuickEdited(sshd.data_url("")));
    send(&mut app, Message::Connect);
    edit_message(&mut app, edit::Message::Upload(id));
    assert_eq!(
        std::fs::read_to_string(&server).unwrap(),
        "v2, saved before the crash\n"
    );
    assert!(shows_part(&app, "Uploaded at"));
    // Once on the server, Stop editing leaves nothing behind.
    let local = app.edits.items[0].local().unwrap().to_path_buf();
    edit_message(&mut app, edit::Message::Stop(id));
    assert!(app.edits.items.is_empty());
    assert!(!local.exists());
}
