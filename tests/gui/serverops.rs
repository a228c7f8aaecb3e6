//! Copies made on the server from the remote pane (Duplicate, Copy then Paste with Ctrl+V,
//! Ctrl+drag onto a folder) and New link… (symbolic and hard), against a real OpenSSH sshd (which
//! offers copy-data and hardlink), each checked on disk: nothing there is ever replaced.

use std::os::unix::fs::MetadataExt;

use iced::Point;
use iced::keyboard::{Key, Modifiers};

use crate::common::Sshd;
use crate::common::gui::send;
use crate::queue::connected_app;
use ferry::gui::pane::{self, MenuAction};
use ferry::gui::{App, Message, PaneSide, fileops};
use ferry_engine::fs::path::FsPath;

fn row(app: &App, name: &[u8]) -> usize {
    app.remote
        .rows()
        .position(|e| e.name == name)
        .expect("the row")
}

/// Right-click on `name` in the remote pane, then `action` in the menu.
fn menu(app: &mut App, name: &[u8], action: MenuAction) {
    let r = row(app, name);
    send(app, Message::Remote(pane::Message::RightClicked(r)));
    send(app, Message::Remote(pane::Message::MenuChosen(action)));
}

#[test]
fn duplicate_paste_ctrl_drag_and_links_are_made_on_the_server() {
    let sshd = Sshd::start();
    let data = b"%PDF-1.7 the report".to_vec();
    std::fs::write(sshd.data.join("report.pdf"), &data).unwrap();
    std::fs::create_dir(sshd.data.join("sub")).unwrap();
    sshd.chown_data();
    let config = tempfile::tempdir().unwrap();
    let mut app = connected_app(&sshd, config.path());
    let read = |rel: &str| std::fs::read(sshd.data.join(rel)).unwrap();

    // Duplicate, twice: beside it, never over the first copy.
    menu(&mut app, b"report.pdf", MenuAction::Duplicate);
    assert_eq!(read("report copy.pdf"), data);
    menu(&mut app, b"report.pdf", MenuAction::Duplicate);
    assert_eq!(read("report copy 2.pdf"), data);
    assert!(
        app.remote.rows().any(|e| e.name == b"report copy 2.pdf"),
        "not refreshed"
    );

    // Copy, open another folder, Ctrl+V.
    menu(&mut app, b"report.pdf", MenuAction::CopyFiles);
    let sub = FsPath::from(format!("{}/sub", sshd.data.display()).as_str());
    send(&mut app, Message::Remote(pane::Message::Navigate(sub)));
    send(
        &mut app,
        Message::Key(Key::Character("v".into()), Modifiers::CTRL),
    );
    assert_eq!(read("sub/report.pdf"), data);

    // Back up, and Ctrl+drag the file onto `sub`: a copy (the name there is taken: "copy").
    send(&mut app, Message::Remote(pane::Message::Up));
    let file = row(&app, b"report.pdf");
    let folder = row(&app, b"sub");
    send(&mut app, Message::Remote(pane::Message::Clicked(file)));
    send(&mut app, Message::DragMoved(Point::new(700.0, 200.0)));
    send(&mut app, Message::DragMoved(Point::new(700.0, 260.0)));
    send(&mut app, Message::Hover(PaneSide::Remote));
    send(&mut app, Message::Remote(pane::Message::DragEnter(folder)));
    send(&mut app, Message::Modifiers(Modifiers::CTRL));
    send(&mut app, Message::DragReleased);
    send(&mut app, Message::Modifiers(Modifiers::empty()));
    assert_eq!(read("sub/report copy.pdf"), data);
    assert_eq!(
        read("report.pdf"),
        data,
        "the original stays (a copy, not a move)"
    );

    // New link…: a symbolic link, then a hard link.
    menu(&mut app, b"report.pdf", MenuAction::NewLink);
    send(&mut app, Message::FileOp(fileops::Message::Confirm));
    let link = std::fs::read_link(sshd.data.join("report.pdf link")).unwrap();
    assert_eq!(link, std::path::Path::new("report.pdf"));
    menu(&mut app, b"report.pdf", MenuAction::NewLink);
    send(
        &mut app,
        Message::FileOp(fileops::Message::Input("hard.pdf".into())),
    );
    send(&mut app, Message::FileOp(fileops::Message::Hard(true)));
    send(&mut app, Message::FileOp(fileops::Message::Confirm));
    let (a, b) = (
        std::fs::symlink_metadata(sshd.data.join("report.pdf")).unwrap(),
        std::fs::symlink_metadata(sshd.data.join("hard.pdf")).unwrap(),
    );
    assert_eq!((a.ino(), a.nlink()), (b.ino(), 2), "not a hard link");
}
