//! The window's saved transfer queue, end to end against a real sshd: a download a crash left
//! half done (its job unfinished in `queue.json`, its `.ferrypart` on disk) starts again by itself
//! when the window next connects to that server, continues the partial file rather than starting
//! over, and ends exact and recorded as done; a transfer started in the window is recorded in the
//! queue file too, with no secret in it.

mod common;

use common::gui::{app_for, send};
use common::{Sshd, bytes};
use ferry::engine::local::from_local;
use ferry::engine::sftp::MAX_IO_LEN;
use ferry::engine::transfer::io::resume_window;
use ferry::engine::transfer::queue::{JobState, Queue, SiteRef};
use ferry::engine::transfer::{ConflictPolicy, Direction, JobSpec};
use ferry::gui::{App, Message, transfers};
use iced_test::simulator;

fn shows(app: &App, text: &str) -> bool {
    simulator(app.view()).find(text).is_ok()
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

    // The window opens and connects to the same server through the quick-connect bar.
    let mut app = app_for(&sshd, config.path());
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
