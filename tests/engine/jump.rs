//! Jump hosts (`-J`, ProxyJump) through real OpenSSH sshds on loopback: one hop and two chained,
//! each hop's log showing the `direct-tcpip` forward to the next; a hop's host key checked under its
//! own name and port (unknown refused, changed a hard stop); a hop that forbids forwarding; a hop's
//! password asked for that hop by name, and its connection closed with the target's; a hop that
//! asked a person marking the session (the pool shares its connection).

use crate::common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{Scripted, Sshd, SshdOptions, read_pub};
use ferry_engine::ssh::connect;
use ferry_engine::ssh::jump::Hop;

use super::transfer::{err, ferry};

/// A jump host whose log shows forwards, that lets `target`'s client key in.
fn hop_for(target: &Sshd, extra: &str) -> Sshd {
    let hop = Sshd::start_with(SshdOptions {
        extra_config: format!("LogLevel DEBUG1\n{extra}"),
        ..SshdOptions::default()
    });
    hop.authorize(&target.client_key);
    hop
}

/// `target`'s known_hosts with `hop`'s keys added, under the hop's own name and port.
fn trust(target: &Sshd, hop: &Sshd) {
    let mut known = std::fs::read_to_string(&target.known_hosts).unwrap();
    for k in &hop.host_keys {
        known += &format!("[127.0.0.1]:{} {}\n", hop.port, read_pub(k));
    }
    std::fs::write(&target.known_hosts, known).unwrap();
}

fn spec(hop: &Sshd) -> String {
    format!("{}@127.0.0.1:{}", hop.user, hop.port)
}

/// The forwards `hop` opened to `port`, from its debug log.
pub(crate) fn forwards_to(hop: &Sshd, port: u16) -> usize {
    hop.log()
        .lines()
        .filter(|l| {
            l.contains("server_request_direct_tcpip")
                && l.trim_end()
                    .ends_with(&format!("target 127.0.0.1 port {port}"))
        })
        .count()
}

fn logins(sshd: &Sshd) -> usize {
    sshd.log().matches("Accepted publickey").count()
}

#[test]
fn one_hop_and_two_chained_reach_the_target() {
    let target = Sshd::start();
    std::fs::write(target.data.join("behind.txt"), b"x").unwrap();
    let (first, second) = (hop_for(&target, ""), hop_for(&target, ""));
    trust(&target, &first);
    trust(&target, &second);

    let ls = ferry(&target, &["-J", &spec(&first), "ls", &target.data_url("")]);
    assert!(ls.status.success(), "{}", err(&ls));
    assert!(String::from_utf8_lossy(&ls.stdout).contains("behind.txt"));
    assert_eq!(forwards_to(&first, target.port), 1, "{}", first.log());

    // A transfer's extra connections go through the hop too: every login the target saw did.
    for i in 0..4 {
        std::fs::write(target.data.join(format!("f{i}.bin")), vec![7u8; 200 << 10]).unwrap();
    }
    let local = tempfile::tempdir().unwrap();
    let (logins_before, forwards) = (logins(&target), forwards_to(&first, target.port));
    let get = ferry(
        &target,
        &[
            "-J",
            &spec(&first),
            "get",
            "--connections",
            "3",
            &target.data_url("f*.bin"),
            local.path().to_str().unwrap(),
        ],
    );
    assert!(get.status.success(), "{}", err(&get));
    assert_eq!(
        std::fs::read(local.path().join("f3.bin")).unwrap().len(),
        200 << 10
    );
    let more = logins(&target) - logins_before;
    assert!(more >= 2, "{more} connections");
    assert_eq!(forwards_to(&first, target.port) - forwards, more);

    let chain = format!("{},{}", spec(&first), spec(&second));
    let ls = ferry(&target, &["-J", &chain, "ls", &target.data_url("")]);
    assert!(ls.status.success(), "{}", err(&ls));
    assert!(String::from_utf8_lossy(&ls.stdout).contains("behind.txt"));
    assert_eq!(forwards_to(&first, second.port), 1, "{}", first.log());
    assert_eq!(forwards_to(&second, target.port), 1, "{}", second.log());
    assert_eq!(
        forwards_to(&first, target.port),
        1 + more,
        "the chain went through both"
    );

    // A saved site keeps its jump hosts; `-J none` goes direct.
    let add = ferry(
        &target,
        &["sites", "add", "inner", &target.url(""), "--jump", &chain],
    );
    assert!(add.status.success(), "{}", err(&add));
    let dir = format!("inner:{}", target.data.display());
    let ls = ferry(&target, &["ls", &dir]);
    assert!(ls.status.success(), "{}", err(&ls));
    assert_eq!(
        forwards_to(&second, target.port),
        2,
        "the site used its hops"
    );
    let ls = ferry(&target, &["-J", "none", "ls", &dir]);
    assert!(ls.status.success(), "{}", err(&ls));
    assert_eq!(forwards_to(&second, target.port), 2, "-J none went direct");
    let edit = ferry(
        &target,
        &["sites", "edit", "inner", "--jump", "127.0.0.1:0"],
    );
    assert!(!edit.status.success());
    assert!(err(&edit).contains("jump hosts"), "{}", err(&edit));
}

#[test]
fn a_hop_host_key_is_checked_under_its_own_name() {
    let target = Sshd::start();
    let hop = hop_for(&target, "");
    let name = format!("[127.0.0.1]:{}", hop.port);

    // Unknown, with no terminal: refused, and the message names the hop.
    let ls = ferry(&target, &["-J", &spec(&hop), "ls", &target.url("/")]);
    assert!(!ls.status.success());
    let said = err(&ls);
    assert!(
        said.contains(&format!("Through the jump host {name}:"))
            && said.contains("can't be established"),
        "{said}"
    );
    assert_eq!(forwards_to(&hop, target.port), 0);

    // Recorded with another key (the target's): a changed key, refused even with accept-new.
    let mut known = std::fs::read_to_string(&target.known_hosts).unwrap();
    known += &format!("{name} {}\n", read_pub(&target.host_keys[0]));
    std::fs::write(&target.known_hosts, known).unwrap();
    let ls = ferry(
        &target,
        &[
            "--accept-new-host-key",
            "-J",
            &spec(&hop),
            "ls",
            &target.url("/"),
        ],
    );
    assert!(!ls.status.success());
    let said = err(&ls);
    assert!(
        said.contains(&format!("Through the jump host {name}:"))
            && said.contains("CHANGED")
            && said.contains("ssh-keygen -R"),
        "{said}"
    );
    assert_eq!(forwards_to(&hop, target.port), 0);
}

#[test]
fn a_hop_that_forbids_forwarding_is_named() {
    let target = Sshd::start();
    let hop = hop_for(&target, "AllowTcpForwarding no");
    trust(&target, &hop);
    let ls = ferry(&target, &["-J", &spec(&hop), "ls", &target.url("/")]);
    assert!(!ls.status.success());
    let said = err(&ls);
    assert!(
        said.contains(&format!(
            "The jump host [127.0.0.1]:{} refused to open a connection to [127.0.0.1]:{}",
            hop.port, target.port
        )) && said.contains("AllowTcpForwarding"),
        "{said}"
    );
}

/// A hop that takes only a password: asked for by the hop's name, once; the connection holds
/// the hop open and closing it closes the hop's session too.
#[tokio::test]
async fn a_hop_password_is_asked_for_that_hop_and_closed_with_the_target() {
    if !common::is_root() {
        eprintln!("skipped: password logins need the root-created test account");
        return;
    }
    let target = Sshd::start();
    let hop = Sshd::start_with(SshdOptions {
        auth_methods: "password".into(),
        ..SshdOptions::default()
    });
    // Named "localhost" to tell its prompt from the target's (127.0.0.1).
    let mut known = std::fs::read_to_string(&target.known_hosts).unwrap();
    known += &format!("[localhost]:{} {}\n", hop.port, read_pub(&hop.host_keys[0]));
    std::fs::write(&target.known_hosts, known).unwrap();
    let mut opts = target.connect_options();
    opts.jump = vec![Hop::new("localhost", hop.port, hop.user.clone())];
    let prompter = Arc::new(Scripted {
        password: hop.password.clone(),
        ..Default::default()
    });
    let conn = connect(&opts, prompter.clone())
        .await
        .expect("through the hop");
    assert_eq!(
        prompter.asked(),
        [format!("password {}@localhost", hop.user)]
    );
    assert_eq!(conn.jump_hosts(), [format!("[localhost]:{}", hop.port)]);
    assert!(!conn.is_closed());
    let (status, out) = conn.exec("echo $SSH_CONNECTION", 1024).await.unwrap();
    assert_eq!(status, Some(0));
    assert!(String::from_utf8_lossy(&out).contains(&format!(" {}", target.port)));
    assert!(!hop.session_pids().is_empty(), "the hop is held open");

    // The pool's next connection asks nothing more: the hop's password is remembered for it.
    let again = connect(&opts, prompter.clone()).await.expect("again");
    assert_eq!(prompter.asked().len(), 1, "{:?}", prompter.asked());
    again.disconnect().await;

    conn.disconnect().await;
    let deadline = Instant::now() + Duration::from_secs(5);
    while !hop.session_pids().is_empty() {
        assert!(
            Instant::now() < deadline,
            "the hop's session outlived the connection"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A hop that asked a person (keyboard-interactive, perhaps a one-time code) marks the session:
/// the pool then shares the one connection rather than asking again for each.
#[tokio::test]
async fn a_hop_that_asked_a_person_marks_the_session() {
    if !common::is_root() {
        eprintln!("skipped: keyboard-interactive logins need the root-created test account");
        return;
    }
    let target = Sshd::start();
    let hop = Sshd::start_with(SshdOptions {
        auth_methods: "keyboard-interactive".into(),
        ..SshdOptions::default()
    });
    trust(&target, &hop);
    let mut opts = target.connect_options();
    opts.jump = vec![Hop::new("127.0.0.1", hop.port, hop.user.clone())];
    let prompter = Arc::new(Scripted {
        interactive: hop.password.clone().into_iter().collect(),
        ..Default::default()
    });
    let conn = connect(&opts, prompter.clone())
        .await
        .expect("through the hop");
    assert_eq!(prompter.asked().len(), 1, "{:?}", prompter.asked());
    assert!(opts.session.needs_person());
    conn.disconnect().await;
}
