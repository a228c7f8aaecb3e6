//! The window's saved transfer queue, end to end against a real sshd: a download a crash left
//! half done (its job unfinished in `queue.json`, its `.ferrypart` on disk) starts again by itself
//! when the window next connects to that server, continues the partial file rather than starting
//! over, and ends exact and recorded as done; a transfer started in the window is recorded in the
//! queue file too, with no secret in it. And one connection at a time: Disconnect while a transfer
//! runs asks first, then cancels it and closes the connection; Enter in the address box while
//! connected (or connecting) asks "Break the current connection?" and closes the first one. A
//! server name that is not UTF-8 shows escaped in the remote pane, and Rename and Delete act on it.

use crate::common;

use common::gui::{app_for, app_started, collect, join, run, send, spawn};
use common::{Sshd, bytes};
use ferry::gui::pane::Source;
use ferry::gui::{App, Message, connect, transfers};
use ferry_engine::fs::local::from_local;
use ferry_engine::fs::sftp::MAX_IO_LEN;
use ferry_engine::transfer::io::resume_window;
use ferry_engine::transfer::pool::Link;
use ferry_engine::transfer::queue::{JobState, Queue, SiteRef};
use ferry_engine::transfer::{ConflictPolicy, Direction, JobSpec};
use iced_test::simulator;

pub(crate) fn shows(app: &App, text: &str) -> bool {
    simulator(app.view()).find(text).is_ok()
}

/// Some text on screen holds `part`.
pub(crate) fn shows_part(app: &App, part: &str) -> bool {
    use iced_test::selector::Candidate;
    let mut ui = simulator(app.view());
    ui.find(|c: Candidate<'_>| match c {
        Candidate::Text { content, .. } if content.contains(part) => Some(()),
        _ => None,
    })
    .is_ok()
}

/// A Log line (they start with the time) ending in `text`.
fn logged(app: &App, text: &str) -> bool {
    use iced_test::selector::Candidate;
    let mut ui = simulator(app.view());
    ui.find(|c: Candidate<'_>| match c {
        Candidate::Text { content, .. } if content.ends_with(text) => Some(()),
        _ => None,
    })
    .is_ok()
}

#[test]
fn an_unfinished_download_resumes_when_its_server_is_connected_again() {
    let sshd = Sshd::start();
    let data = bytes(77, 48 << 20);
    std::fs::write(sshd.data.join("q.bin"), &data).unwrap();
    sshd.chown_data();
    let config = tempfile::tempdir().unwrap();
    let dest = tempfile::tempdir().unwrap();
    let site = SiteRef {
        host: "127.0.0.1".into(),
        port: sshd.port,
        user: sshd.user.clone(),
    };

    // What the last run left: the job recorded as running (it crashed), 40 MiB copied.
    let queue_file = config.path().join("data/queue.json");
    let (mut queue, _) = Queue::load(&queue_file);
    let spec = JobSpec {
        direction: Direction::Download,
        sources: vec![from_local(&sshd.data.join("q.bin"))],
        dest_dir: from_local(dest.path()),
        dest_name: None,
        recursive: false,
    };
    let id = queue
        .add(site.clone(), vec![spec], ConflictPolicy::Ask, false)
        .unwrap();
    queue.set_state(id, JobState::Running, Vec::new()).unwrap();
    drop(queue);
    let part = dest.path().join("q.bin.ferrypart");
    std::fs::write(&part, &data[..40 << 20]).unwrap();
    common::plant_part_id(&dest.path().join("q.bin"), &sshd.data.join("q.bin"));

    // The window opens (reading the queue off the UI thread) and connects to the same server
    // through the quick-connect bar.
    let mut app = app_started(&sshd, config.path());
    // The Log says at once what is waiting, and for which server.
    send(
        &mut app,
        Message::Transfers(transfers::Message::Tab(transfers::Tab::Log)),
    );
    let waiting = format!(
        "One unfinished transfer from last time continues when you connect to {}@[127.0.0.1]:{}.",
        sshd.user, sshd.port
    );
    assert!(logged(&app, &waiting), "no {waiting:?}");
    send(
        &mut app,
        Message::QuickEdited(sshd.data_url("")), // the remote pane opens in the data folder
    );
    send(&mut app, Message::Connect); // runs the connection and the resumed job to their end
    assert!(shows(&app, "Disconnect"), "did not connect");

    assert!(
        std::fs::read(dest.path().join("q.bin")).unwrap() == data,
        "the resumed download differs"
    );
    assert!(!part.exists(), "the partial file was left behind");
    assert!(logged(
        &app,
        "  Picking up an unfinished transfer from last time: q.bin"
    ));
    // It continued one request window behind the end of the partial file (that window may have
    // holes after a crash), not from the start. OpenSSH's requests are 255 KiB.
    let resumed_at = (40u64 << 20) - resume_window(MAX_IO_LEN);
    let line = format!(
        "q.bin continues at {}",
        ferry::gui::format::size(resumed_at)
    );
    assert!(logged(&app, &line), "no {line:?}: the copy started over");
    let (queue, _) = Queue::load(&queue_file);
    assert_eq!(queue.get(id).unwrap().state, JobState::Done);
    assert!(queue.unfinished_for(&site).is_empty());

    // A transfer started in the window is recorded in the queue too.
    let upload = dest.path().join("up.txt");
    std::fs::write(&upload, b"dropped from the file manager").unwrap();
    send(&mut app, Message::FileDropped(upload));
    assert_eq!(
        std::fs::read(sshd.data.join("up.txt")).unwrap(),
        b"dropped from the file manager"
    );
    let text = std::fs::read_to_string(&queue_file).unwrap();
    let (queue, _) = Queue::load(&queue_file);
    let recorded = queue.jobs().last().unwrap();
    assert_eq!(recorded.site, site);
    assert_eq!(recorded.state, JobState::Done);
    assert!(
        queue.get(id).is_none(),
        "finished jobs of earlier runs are not kept"
    );
    assert!(!text.to_lowercase().contains("password"));
}

/// The browsing connection the remote pane shows, if any.
fn browsing(app: &App) -> Option<std::sync::Arc<Link>> {
    match &app.remote.source {
        Some(Source::Remote(link)) => Some(link.clone()),
        _ => None,
    }
}

/// True once `link`'s SSH session has ended (waiting a little: the close runs on its own).
fn closes(link: &Link) -> bool {
    let start = std::time::Instant::now();
    while !link.is_closed() {
        if start.elapsed() > std::time::Duration::from_secs(10) {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    true
}

pub(crate) fn connected_app(sshd: &Sshd, config: &std::path::Path) -> App {
    let mut app = app_for(sshd, config);
    send(&mut app, Message::QuickEdited(sshd.data_url("")));
    send(&mut app, Message::Connect);
    assert!(shows(&app, "Disconnect"), "did not connect");
    app
}

#[test]
fn disconnect_while_a_transfer_runs_asks_then_cancels_it_and_closes_the_connection() {
    let sshd = Sshd::start();
    sshd.chown_data();
    let config = tempfile::tempdir().unwrap();
    let local = tempfile::tempdir().unwrap();
    // 1 GiB that reads fast (sparse): the upload is still going when Disconnect is pressed.
    let big = local.path().join("big.bin");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let mut app = connected_app(&sshd, config.path());
    let link = browsing(&app).expect("a remote pane");
    let job = spawn(app.update(Message::FileDropped(big)));

    let _ = app.update(Message::Disconnect);
    let address = format!("{}@[127.0.0.1]:{}", sshd.user, sshd.port);
    assert!(
        shows(&app, &format!("Disconnect from {address}?")),
        "Disconnect did not ask"
    );
    assert!(shows(
        &app,
        "One transfer is running: it will be cancelled."
    ));
    // Escape (like "Cancel") leaves everything as it was.
    let _ = app.update(Message::Key(
        iced::keyboard::Key::Named(iced::keyboard::key::Named::Escape),
        iced::keyboard::Modifiers::empty(),
    ));
    assert!(!shows(&app, &format!("Disconnect from {address}?")));
    assert!(!link.is_closed(), "the connection closed without a yes");

    let _ = app.update(Message::Disconnect);
    let close = app.update(Message::Confirm(true));
    run(&mut app, close);
    assert!(shows(&app, "Not connected"));
    assert!(closes(&link), "the browsing connection is still open");
    // The job was cancelled (not left to reopen connections on its own) and ends as such.
    for m in join(job) {
        send(&mut app, m);
    }
    send(
        &mut app,
        Message::Transfers(transfers::Message::Tab(transfers::Tab::Log)),
    );
    assert!(
        logged(&app, "big.bin: cancelled"),
        "the transfer was not cancelled"
    );
    let on_server = std::fs::metadata(sshd.data.join("big.bin")).map(|m| m.len());
    assert!(
        on_server.map_or(true, |n| n < 1 << 30),
        "the upload went on to the end"
    );
}

#[test]
fn enter_in_the_address_box_while_connected_asks_and_closes_the_first_connection() {
    let sshd = Sshd::start();
    sshd.chown_data();
    let config = tempfile::tempdir().unwrap();
    let mut app = connected_app(&sshd, config.path());
    let first = browsing(&app).expect("a remote pane");
    let address = format!("{}@[127.0.0.1]:{}", sshd.user, sshd.port);

    // Enter in the address box (the same server or another: a second connection either way).
    send(&mut app, Message::QuickEdited(sshd.data_url("")));
    let _ = app.update(Message::Connect);
    assert!(
        shows(&app, "Break the current connection?"),
        "Enter did not ask"
    );
    let body = format!(
        "Connecting to {}@127.0.0.1:{} closes the connection to {address}.",
        sshd.user, sshd.port
    );
    assert!(shows(&app, &body), "no {body:?}");
    let _ = app.update(Message::Confirm(false));
    assert!(!shows(&app, "Break the current connection?"));
    assert!(
        browsing(&app).is_some_and(|l| std::sync::Arc::ptr_eq(&l, &first)) && !first.is_closed(),
        "saying no changed the connection"
    );

    // An address that cannot be used (here: a password in it) is said at once, masked, and the
    // open connection stays: no question, nothing broken.
    let with_password = format!("sftp://{}:hunter2@127.0.0.1:{}/", sshd.user, sshd.port);
    send(&mut app, Message::QuickEdited(with_password));
    let _ = app.update(Message::Connect);
    assert!(
        !shows(&app, "Break the current connection?"),
        "asked for a bad address"
    );
    let masked = format!("sftp://{}:***@127.0.0.1:{}/", sshd.user, sshd.port);
    assert!(
        shows_part(&app, &masked),
        "no masked address in the message"
    );
    assert!(!shows_part(&app, "hunter2"), "the password is shown");
    assert!(!first.is_closed(), "a bad address broke the connection");
    send(&mut app, Message::QuickEdited(sshd.data_url("")));

    let _ = app.update(Message::Connect);
    send(&mut app, Message::Confirm(true));
    let second = browsing(&app).expect("connected again");
    assert!(!std::sync::Arc::ptr_eq(&second, &first));
    assert!(closes(&first), "the first connection was left open");
    assert!(!second.is_closed());
    assert!(shows(&app, "Disconnect"));
}

#[test]
fn enter_while_connecting_gives_up_the_first_attempt_and_closes_what_it_opened() {
    let sshd = Sshd::start();
    sshd.chown_data();
    let config = tempfile::tempdir().unwrap();
    let mut app = app_for(&sshd, config.path());
    send(&mut app, Message::QuickEdited(sshd.data_url("")));
    let attempt = app.update(Message::Connect);
    let connecting = {
        use iced_test::selector::Candidate;
        let mut ui = simulator(app.view());
        ui.find(|c: Candidate<'_>| match c {
            Candidate::Text { content, .. } if content.starts_with("Connecting to ") => Some(()),
            _ => None,
        })
        .is_ok()
    };
    assert!(connecting, "not connecting");
    // The first attempt gets through, but its answer is still on its way to the window...
    let late = collect(attempt);
    let first = late
        .iter()
        .find_map(|m| match m {
            Message::Conn(_, connect::ConnectEvent::Done(Ok((link, _)))) => Some(link.clone()),
            _ => None,
        })
        .expect("the first attempt connected");
    // ...when Enter is pressed again and the person says to connect anew.
    let _ = app.update(Message::Connect);
    assert!(shows(&app, "Break the current connection?"));
    let second_attempt = app.update(Message::Confirm(true));
    for m in late {
        send(&mut app, m);
    }
    assert!(
        closes(&first),
        "the first attempt's connection was left open"
    );
    assert!(browsing(&app).is_none(), "the given-up attempt was taken");
    run(&mut app, second_attempt);
    let second = browsing(&app).expect("the second attempt connected");
    assert!(!std::sync::Arc::ptr_eq(&second, &first));
    assert!(!second.is_closed());
}

/// A name that is not UTF-8 shows in the remote pane with its byte escaped (`caf\xe9.txt`), and
/// the window's Rename and Delete (menu, dialog, confirm, as a person does it) act on exactly it.
#[test]
fn a_name_that_is_not_utf8_shows_escaped_and_renames_and_deletes() {
    use ferry::gui::fileops;
    use ferry::gui::pane::{self, MenuAction};
    use std::os::unix::ffi::OsStrExt;
    let os = |b: &[u8]| std::ffi::OsStr::from_bytes(b).to_os_string();
    let sshd = Sshd::start();
    std::fs::write(sshd.data.join(os(b"caf\xe9.txt")), b"latin-1").unwrap();
    std::fs::create_dir(sshd.data.join(os(b"d\xff"))).unwrap();
    std::fs::write(sshd.data.join(os(b"d\xff")).join("in.txt"), b"inside").unwrap();
    sshd.chown_data();
    let config = tempfile::tempdir().unwrap();
    let mut app = connected_app(&sshd, config.path());
    assert!(shows(&app, "caf\\xe9.txt"), "the name is not shown escaped");
    assert!(shows(&app, "d\\xff/"));

    let act = |app: &mut App, name: &[u8], action: MenuAction, typed: Option<&str>| {
        let row = app
            .remote
            .rows()
            .position(|e| e.name == name)
            .expect("the row");
        send(app, Message::Remote(pane::Message::RightClicked(row)));
        send(app, Message::Remote(pane::Message::MenuChosen(action)));
        if let Some(t) = typed {
            send(app, Message::FileOp(fileops::Message::Input(t.into())));
        }
        send(app, Message::FileOp(fileops::Message::Confirm));
    };
    act(
        &mut app,
        b"caf\xe9.txt",
        MenuAction::Rename,
        Some("café.txt"),
    );
    assert_eq!(
        std::fs::read(sshd.data.join("café.txt")).unwrap(),
        b"latin-1"
    );
    assert!(!sshd.data.join(os(b"caf\xe9.txt")).exists());
    act(&mut app, b"d\xff", MenuAction::Delete, None);
    assert!(
        !sshd.data.join(os(b"d\xff")).exists(),
        "the folder is still there"
    );
    assert!(
        shows(&app, "café.txt") && !shows(&app, "d\\xff"),
        "the pane was not refreshed"
    );
}
