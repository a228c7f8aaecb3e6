//! Edit in the window, against a real sshd: the remote pane's Edit opens the file in the editor
//! chosen in Settings (a script that appends a line), a save goes to the server, the Editing list
//! says so; a save over a copy someone changed on the server is a conflict the dialog settles
//! (here: mine beside theirs), and closing the window with a save not on the server asks first.

use std::time::{Duration, Instant};

use crate::common::Sshd;
use crate::common::gui::send;
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
