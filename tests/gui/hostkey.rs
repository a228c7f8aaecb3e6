//! Host keys in the window, end to end against a real sshd: the quick-connect bar connects as a
//! person would; a changed key, and a key of another type on a known host, are refused with the
//! full-window warning (no question, no way on), nothing connects, known_hosts is left alone, and
//! the remove-key command names the right file. The command line refuses the same servers. And
//! the window's connection after a stall: it reconnects within the timeouts its command line set.

use crate::common;

use common::Sshd;
use common::gui::{app_for, send};
use ferry::gui::{App, Message};
use iced_test::simulator;

fn shows(app: &App, text: &str) -> bool {
    simulator(app.view()).find(text).is_ok()
}

/// Connects through the quick-connect bar; returns whether it connected.
fn connect(app: &mut App, sshd: &Sshd) -> bool {
    let address = format!("{}@127.0.0.1:{}", sshd.user, sshd.port);
    send(app, Message::QuickEdited(address));
    send(app, Message::Connect);
    shows(app, "Disconnect")
}

fn refused_in_the_window(sshd: &Sshd, what: &str) {
    let config = tempfile::tempdir().unwrap();
    let before = std::fs::read_to_string(&sshd.known_hosts).unwrap();
    let mut app = app_for(sshd, config.path());
    assert!(!connect(&mut app, sshd), "{what}: connected anyway");
    assert!(
        shows(&app, "Warning: the server's identity has changed"),
        "{what}: no warning shown"
    );
    assert!(
        shows(
            &app,
            &format!(
                "ssh-keygen -R '[127.0.0.1]:{}' -f '{}'",
                sshd.port,
                sshd.known_hosts.display()
            )
        ),
        "{what}: the command to remove the old key is missing"
    );
    // There is no way on from the warning: only copying the command and closing.
    for offer in ["Connect once", "Trust and connect", "Connect anyway"] {
        assert!(!shows(&app, offer), "{what}: the warning offers {offer:?}");
    }
    assert_eq!(
        std::fs::read_to_string(&sshd.known_hosts).unwrap(),
        before,
        "{what}: known_hosts was changed"
    );
    // Closing the warning leaves the window disconnected.
    send(&mut app, Message::CloseAlarm);
    assert!(!shows(&app, "Warning: the server's identity has changed"));
    assert!(!shows(&app, "Disconnect"), "{what}: a connection is open");
}

fn refused_by_the_cli(sshd: &Sshd, expect: &str) {
    let out = sshd
        .ferry()
        .args(["--accept-new-host-key", "-i"])
        .arg(&sshd.client_key)
        .args(["ls", &sshd.data_url("")])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(e.contains(expect) && e.contains("ssh-keygen -R"), "{e}");
}

#[test]
fn changed_and_other_type_host_keys_are_refused_in_the_window_and_the_cli() {
    let mut sshd = Sshd::start();
    // The recorded key connects, from the window too (so a refusal below means the key).
    let config = tempfile::tempdir().unwrap();
    let mut app = app_for(&sshd, config.path());
    assert!(connect(&mut app, &sshd), "the recorded key did not connect");
    drop(app);

    // Same type, new key: the server was reinstalled, or someone is in the middle.
    sshd.regenerate_host_keys(&["ed25519"]);
    refused_in_the_window(&sshd, "changed key");
    refused_by_the_cli(&sshd, "CHANGED");

    // Only another type is offered now, while ed25519 is recorded.
    sshd.regenerate_host_keys(&["ecdsa"]);
    refused_in_the_window(&sshd, "other key type");
    refused_by_the_cli(&sshd, "now offers a");
}

/// The window honours `--request-timeout`, `--keepalive` and `--timeout` as the command line does,
/// and browsing reconnects after a stall instead of disconnecting: the server freezes (nothing
/// answered, nothing closed), a refresh gives up within the request timeout (or the keepalive
/// notices first), the window logs in again, and the folder shows what the server holds now.
#[test]
fn browsing_reconnects_after_a_stall_within_the_timeouts_given_on_the_command_line() {
    let sshd = Sshd::start();
    std::fs::write(sshd.data.join("before.txt"), "x").unwrap();
    sshd.chown_data();
    for (flags, seen) in [
        (
            ["--request-timeout", "2", "--keepalive", "60"],
            "after-request-timeout.txt",
        ),
        (
            ["--request-timeout", "60", "--keepalive", "1"],
            "after-keepalive.txt",
        ),
    ] {
        let config = tempfile::tempdir().unwrap();
        let mut args = vec![
            "--known-hosts",
            sshd.known_hosts.to_str().unwrap(),
            "--no-agent",
            "-i",
            sshd.client_key.to_str().unwrap(),
        ];
        args.extend(flags);
        ferry::gui::text::apply_language(Some("en"));
        let mut app = common::gui::app(config.path(), &args);
        send(&mut app, Message::QuickEdited(sshd.data_url("")));
        send(&mut app, Message::Connect);
        assert!(shows(&app, "before.txt"), "{flags:?}: did not connect");

        let frozen = sshd.stall_sessions();
        std::fs::write(sshd.data.join(seen), "y").unwrap();
        let started = std::time::Instant::now();
        send(
            &mut app,
            Message::Remote(ferry::gui::pane::Message::Refresh),
        );
        let took = started.elapsed();
        Sshd::kill_pids(&frozen);
        assert!(
            shows(&app, seen),
            "{flags:?}: the folder was not listed again"
        );
        assert!(
            shows(&app, "Disconnect"),
            "{flags:?}: the window disconnected"
        );
        // The defaults (30 s per request, 15 s keepalive) would take 30 s or more.
        assert!(
            took < std::time::Duration::from_secs(20),
            "{flags:?}: took {took:?}"
        );
        send(&mut app, Message::Disconnect);
    }

    // --timeout: a server that never speaks SSH is given up on in that time.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let config = tempfile::tempdir().unwrap();
    let mut app = common::gui::app(config.path(), &["--no-agent", "--timeout", "1"]);
    let started = std::time::Instant::now();
    send(
        &mut app,
        Message::QuickEdited(format!("someone@127.0.0.1:{port}")),
    );
    send(&mut app, Message::Connect);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
    let said = |part: &str| {
        use iced_test::selector::Candidate;
        simulator(app.view())
            .find(|c: Candidate<'_>| match c {
                Candidate::Text { content, .. } if content.contains(part) => Some(()),
                _ => None,
            })
            .is_ok()
    };
    assert!(said(
        "Timed out during the SSH handshake with 127.0.0.1 after 1 s"
    ));
    drop(silent);
}
