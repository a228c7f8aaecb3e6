//! Connecting through the engine to a real OpenSSH sshd: every authentication method, and the
//! host-key policy (unknown, changed, other type, accept-new); what a person gave once (a key's
//! passphrase, a host key accepted for the session) is not asked again when the pool reconnects.

use crate::common;

use std::sync::Arc;

use common::{Scripted, Sshd, SshdOptions, keygen};
use ferry_engine::error::Error;
use ferry_engine::secrets::Secret;
use ferry_engine::ssh::prompt::{HostKeyDecision, NoPrompt};
use ferry_engine::ssh::{UnknownHostKey, connect};
use ferry_engine::transfer::{Control, Pool};

#[tokio::test]
async fn key_auth_connects() {
    let sshd = Sshd::start();
    let conn = connect(&sshd.connect_options(), Arc::new(NoPrompt))
        .await
        .expect("connect");
    assert_eq!(conn.user, sshd.user);
    assert!(!conn.is_closed());
    conn.disconnect().await;
}

#[tokio::test]
async fn encrypted_key_asks_for_passphrase() {
    let sshd = Sshd::start();
    let key = keygen(sshd.dir.path(), "enc_ed25519", "ed25519", "s3cret phrase");
    sshd.authorize(&key);
    let mut opts = sshd.connect_options();
    opts.identity_files = vec![key.clone()];

    let prompter = Arc::new(Scripted {
        passphrase: Some("s3cret phrase".into()),
        ..Default::default()
    });
    connect(&opts, prompter.clone())
        .await
        .expect("connect with passphrase");
    assert_eq!(prompter.asked(), [format!("passphrase {}", key.display())]);

    // Three wrong passphrases (in another session, which has not opened the key): a clear error
    // naming the key file.
    let wrong = Arc::new(Scripted {
        passphrase: Some("nope".into()),
        ..Default::default()
    });
    let err = connect(&opts.new_session(), wrong.clone())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::KeyFile { .. }), "{err:?}");
    assert!(err.to_string().contains("wrong passphrase"), "{err}");
    assert_eq!(wrong.asked().len(), 3);
}

#[tokio::test]
async fn rsa_and_ecdsa_keys_work() {
    let sshd = Sshd::start();
    for kind in ["rsa", "ecdsa"] {
        let key = keygen(sshd.dir.path(), &format!("client_{kind}"), kind, "");
        sshd.authorize(&key);
        let mut opts = sshd.connect_options();
        opts.identity_files = vec![key];
        connect(&opts, Arc::new(NoPrompt))
            .await
            .unwrap_or_else(|e| panic!("{kind}: {e}"));
    }
}

fn password_server(methods: &str) -> Option<Sshd> {
    if !common::is_root() {
        eprintln!(
            "skipped: password logins need the root-created test account (run as root, as CI does)"
        );
        return None;
    }
    Some(Sshd::start_with(SshdOptions {
        auth_methods: methods.into(),
        ..Default::default()
    }))
}

#[tokio::test]
async fn password_auth_and_wrong_password() {
    let Some(sshd) = password_server("password") else {
        return;
    };
    let mut opts = sshd.connect_options();
    opts.identity_files.clear();
    opts.password = sshd.password.clone().map(Secret::new);
    connect(&opts, Arc::new(NoPrompt))
        .await
        .expect("password login");

    // Asked through the prompter when not known in advance.
    opts.password = None;
    let prompter = Arc::new(Scripted {
        password: sshd.password.clone(),
        ..Default::default()
    });
    connect(&opts, prompter.clone())
        .await
        .expect("prompted password");
    assert_eq!(
        prompter.asked(),
        [format!("password {}@127.0.0.1", sshd.user)]
    );
    // The session keeps what was typed (in memory): its next login asks nothing.
    connect(&opts, Arc::new(NoPrompt))
        .await
        .expect("the typed password, remembered");

    // In another session (this one remembers the password typed).
    opts.password = Some(Secret::new("definitely-wrong"));
    let err = connect(&opts.new_session(), Arc::new(NoPrompt))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::AuthFailed { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(
        msg.contains("Authentication failed") && msg.contains("password"),
        "{msg}"
    );
    assert!(
        !msg.contains("definitely-wrong"),
        "the message must not echo the password"
    );
}

#[tokio::test]
async fn keyboard_interactive_prompts_reach_the_prompter() {
    let Some(sshd) = password_server("keyboard-interactive") else {
        return;
    };
    let mut opts = sshd.connect_options();
    opts.identity_files.clear();
    let prompter = Arc::new(Scripted {
        interactive: vec![sshd.password.clone().unwrap()],
        ..Default::default()
    });
    connect(&opts, prompter.clone())
        .await
        .expect("keyboard-interactive login");
    let asked = prompter.asked();
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert!(
        asked[0].starts_with("interactive") && asked[0].contains("assword"),
        "{asked:?}"
    );

    // A known password answers a "Password:" prompt without asking.
    opts.password = sshd.password.clone().map(Secret::new);
    connect(&opts, Arc::new(NoPrompt))
        .await
        .expect("kbd-int with known password");

    // Wrong answers: refused with the methods named.
    let wrong = Arc::new(Scripted {
        interactive: vec!["wrong".into()],
        ..Default::default()
    });
    opts.password = None;
    let err = connect(&opts, wrong).await.unwrap_err();
    assert!(err.to_string().contains("keyboard-interactive"), "{err}");
}

#[tokio::test]
async fn unknown_host_key_is_refused_or_asked() {
    let sshd = Sshd::start();
    std::fs::write(&sshd.known_hosts, "").unwrap();
    let opts = sshd.connect_options();
    let err = connect(&opts, Arc::new(NoPrompt)).await.unwrap_err();
    assert!(matches!(err, Error::HostKeyUnknown { .. }), "{err:?}");
    assert!(err.to_string().contains("SHA256:"), "{err}");

    // Ask: rejected → refused; accepted once → connects but records nothing.
    let mut ask = opts.clone();
    ask.unknown_host_key = UnknownHostKey::Ask;
    let reject = Arc::new(Scripted::default());
    assert!(connect(&ask, reject.clone()).await.is_err());
    assert!(
        reject.asked()[0].starts_with("host-key ED25519 SHA256:"),
        "{:?}",
        reject.asked()
    );
    let once = Arc::new(Scripted {
        host_key: Some(HostKeyDecision::AcceptOnce),
        ..Default::default()
    });
    connect(&ask, once).await.expect("accept once");
    assert_eq!(std::fs::read_to_string(&sshd.known_hosts).unwrap(), "");

    // Accept and save (in another session) → recorded, and the next connection needs no question.
    let save = Arc::new(Scripted {
        host_key: Some(HostKeyDecision::AcceptAndSave),
        ..Default::default()
    });
    connect(&ask.new_session(), save.clone())
        .await
        .expect("accept and save");
    assert_eq!(save.asked().len(), 1);
    let recorded = std::fs::read_to_string(&sshd.known_hosts).unwrap();
    assert!(
        recorded.contains(&format!("[127.0.0.1]:{} ssh-ed25519 ", sshd.port)),
        "{recorded}"
    );
    connect(&opts, Arc::new(NoPrompt)).await.expect("now known");
}

#[tokio::test]
async fn accept_new_learns_the_key() {
    let sshd = Sshd::start();
    std::fs::remove_file(&sshd.known_hosts).unwrap();
    let mut opts = sshd.connect_options();
    opts.unknown_host_key = UnknownHostKey::AcceptNew;
    connect(&opts, Arc::new(NoPrompt))
        .await
        .expect("accept-new");
    opts.unknown_host_key = UnknownHostKey::Refuse;
    connect(&opts, Arc::new(NoPrompt)).await.expect("learned");
}

#[tokio::test]
async fn changed_host_key_is_a_hard_stop() {
    let mut sshd = Sshd::start();
    sshd.regenerate_host_keys(&["ed25519"]);
    for policy in [
        UnknownHostKey::Refuse,
        UnknownHostKey::AcceptNew,
        UnknownHostKey::Ask,
    ] {
        let mut opts = sshd.connect_options();
        opts.unknown_host_key = policy;
        let asker = Arc::new(Scripted {
            host_key: Some(HostKeyDecision::AcceptAndSave),
            ..Default::default()
        });
        let err = connect(&opts, asker.clone()).await.unwrap_err();
        assert!(
            matches!(err, Error::HostKeyChanged { line: 1, .. }),
            "{policy:?}: {err:?}"
        );
        assert!(err.to_string().contains("CHANGED"), "{err}");
        assert!(
            asker.asked().is_empty(),
            "a changed key must never be put to the user"
        );
    }
}

#[tokio::test]
async fn other_key_type_on_known_host_is_refused() {
    let mut sshd = Sshd::start();
    // The host was known by its ed25519 key; now it only offers ECDSA.
    sshd.regenerate_host_keys(&["ecdsa"]);
    let mut opts = sshd.connect_options();
    opts.unknown_host_key = UnknownHostKey::AcceptNew;
    let err = connect(&opts, Arc::new(NoPrompt)).await.unwrap_err();
    assert!(matches!(err, Error::HostKeyOtherType { .. }), "{err:?}");
    assert!(err.is_host_key_refusal());
}

#[tokio::test]
async fn server_with_several_keys_presents_the_recorded_type() {
    // known_hosts records only the RSA key; the server also has ed25519 (which russh prefers).
    let sshd = Sshd::start_with(SshdOptions {
        host_key_types: vec!["ed25519", "rsa"],
        ..Default::default()
    });
    let rsa_pub = common::read_pub(&sshd.host_keys[1]);
    std::fs::write(
        &sshd.known_hosts,
        format!("[127.0.0.1]:{} {rsa_pub}\n", sshd.port),
    )
    .unwrap();
    connect(&sshd.connect_options(), Arc::new(NoPrompt))
        .await
        .expect("negotiates the recorded RSA key");
}

#[tokio::test]
async fn network_errors_are_clear() {
    let port = common::free_port();
    let kh = ferry_engine::ssh::hostkeys::KnownHosts::new(vec![], "/nonexistent/kh".into());
    let opts = ferry_engine::ssh::ConnectOptions::new("127.0.0.1", port, "u", kh.clone());
    let err = connect(&opts, Arc::new(NoPrompt)).await.unwrap_err();
    assert!(matches!(err, Error::ConnectionRefused { .. }), "{err:?}");
    assert!(err.to_string().contains("refused"), "{err}");

    let opts = ferry_engine::ssh::ConnectOptions::new("no-such-host.invalid", 22, "u", kh);
    let err = connect(&opts, Arc::new(NoPrompt)).await.unwrap_err();
    assert!(matches!(err, Error::Dns { .. }), "{err:?}");
    assert!(err.to_string().contains("no-such-host.invalid"), "{err}");
}

#[tokio::test]
async fn ipv6_loopback() {
    if std::net::TcpListener::bind("[::1]:0").is_err() {
        eprintln!("skipped: this machine has no IPv6 loopback");
        return;
    }
    let sshd = Sshd::start_with(SshdOptions {
        listen: "::1",
        ..Default::default()
    });
    let key = common::read_pub(&sshd.host_keys[0]);
    std::fs::write(&sshd.known_hosts, format!("[::1]:{} {key}\n", sshd.port)).unwrap();
    let mut opts = sshd.connect_options();
    opts.host = "::1".into();
    connect(&opts, Arc::new(NoPrompt)).await.expect("IPv6");
}

#[tokio::test]
async fn host_names_resolve_and_are_checked_by_name() {
    let sshd = Sshd::start();
    let mut opts = sshd.connect_options();
    opts.host = "localhost".into();
    // known_hosts records "[127.0.0.1]:port", not "[localhost]:port": a different name is unknown.
    let err = connect(&opts, Arc::new(NoPrompt)).await.unwrap_err();
    assert!(matches!(err, Error::HostKeyUnknown { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains(&format!("[localhost]:{}", sshd.port)),
        "{err}"
    );
    opts.unknown_host_key = UnknownHostKey::AcceptNew;
    connect(&opts, Arc::new(NoPrompt)).await.expect("by name");
    let kh = std::fs::read_to_string(&sshd.known_hosts).unwrap();
    assert!(
        kh.contains(&format!("[localhost]:{} ssh-ed25519", sshd.port)),
        "{kh}"
    );
}

#[tokio::test]
async fn ssh_agent_keys_are_used() {
    let sshd = Sshd::start();
    let sock = sshd.dir.path().join("agent.sock");
    let mut agent = std::process::Command::new("ssh-agent")
        .arg("-D")
        .arg("-a")
        .arg(&sock)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("ssh-agent");
    for _ in 0..100 {
        if sock.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let added = std::process::Command::new("ssh-add")
        .arg(&sshd.client_key)
        .env("SSH_AUTH_SOCK", &sock)
        .output()
        .expect("ssh-add");
    assert!(added.status.success(), "{added:?}");

    // SAFETY: this test binary's other tests never read SSH_AUTH_SOCK concurrently in a way that
    // matters: they all set use_agent = false.
    unsafe { std::env::set_var("SSH_AUTH_SOCK", &sock) };
    let mut opts = sshd.connect_options();
    opts.identity_files = vec![sshd.dir.path().join("no-such-key")];
    opts.use_agent = true;
    // The explicit key file does not exist: only the agent's key can log in (agent keys come first;
    // reaching the missing file would be an error).
    let result = connect(&opts, Arc::new(NoPrompt)).await;
    let _ = agent.kill();
    let _ = agent.wait();
    result.expect("agent login");
}

#[tokio::test]
async fn silent_server_times_out() {
    // Accepts TCP but never speaks SSH, like a wedged server or a wrong port behind a proxy.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let kh = ferry_engine::ssh::hostkeys::KnownHosts::new(vec![], "/nonexistent/kh".into());
    let mut opts = ferry_engine::ssh::ConnectOptions::new("127.0.0.1", port, "u", kh);
    opts.connect_timeout = std::time::Duration::from_secs(1);
    let started = std::time::Instant::now();
    let err = connect(&opts, Arc::new(NoPrompt)).await.unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(err.to_string().contains("handshake"), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    drop(listener);
}

/// A key's passphrase is typed once: the session keeps the opened key (in memory, never the
/// passphrase), so a reconnect after the server restarts logs in without asking, the options
/// print neither, and a new session asks again.
#[tokio::test]
async fn a_typed_passphrase_is_not_asked_again_when_the_pool_reconnects() {
    let mut sshd = Sshd::start();
    let key = keygen(
        sshd.dir.path(),
        "typed_ed25519",
        "ed25519",
        "typed only once",
    );
    sshd.authorize(&key);
    let mut opts = sshd.connect_options();
    opts.identity_files = vec![key.clone()];
    let person = Arc::new(Scripted {
        passphrase: Some("typed only once".into()),
        ..Default::default()
    });
    person.answer_more(1); // then the person is gone
    let pool = Pool::new(opts.clone(), person.clone(), 1);
    let first = pool.get(0).await.expect("first login");
    sshd.kill_with_sessions();
    sshd.restart();
    let again = pool
        .reconnect(0, &first, &Control::new())
        .await
        .expect("reconnect with the key opened before");
    assert!(!again.is_closed());
    assert_eq!(person.asked(), [format!("passphrase {}", key.display())]);
    let shown = format!("{opts:?} {pool:?} {again:?}");
    assert!(!shown.contains("typed only once"), "{shown}");
    assert!(shown.contains("SessionMemory(1 keys"), "{shown}");

    // Another session has not seen the passphrase: it asks (and nobody answers).
    let mut other = sshd.connect_options();
    other.identity_files = vec![key.clone()];
    let err = connect(&other, Arc::new(NoPrompt)).await.unwrap_err();
    assert!(matches!(err, Error::AuthFailed { .. }), "{err:?}");
    pool.close().await;
}

/// A host key accepted "once" holds for that session: the pool's reconnect after a restart asks
/// nothing and records nothing; a new session asks again; and a different key offered later in
/// the session is refused outright, without a question.
#[tokio::test]
async fn a_host_key_accepted_once_holds_for_the_session_and_only_that_key() {
    let mut sshd = Sshd::start();
    std::fs::write(&sshd.known_hosts, "").unwrap();
    let mut opts = sshd.connect_options();
    opts.unknown_host_key = UnknownHostKey::Ask;
    let person = Arc::new(Scripted {
        host_key: Some(HostKeyDecision::AcceptOnce),
        ..Default::default()
    });
    person.answer_more(1);
    let pool = Pool::new(opts.clone(), person.clone(), 1);
    let first = pool.get(0).await.expect("accepted once");
    sshd.kill_with_sessions();
    sshd.restart();
    pool.reconnect(0, &first, &Control::new())
        .await
        .expect("the same key again needs no question");
    assert_eq!(person.asked().len(), 1, "{:?}", person.asked());
    assert_eq!(std::fs::read_to_string(&sshd.known_hosts).unwrap(), "");
    pool.close().await;

    let err = connect(&sshd.connect_options(), Arc::new(NoPrompt))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::HostKeyUnknown { .. }), "{err:?}");

    // The server now shows another key: within the session that is a changed key.
    sshd.regenerate_host_keys(&["ed25519"]);
    let asker = Arc::new(Scripted {
        host_key: Some(HostKeyDecision::AcceptAndSave),
        ..Default::default()
    });
    let err = connect(&opts, asker.clone()).await.unwrap_err();
    assert!(
        matches!(err, Error::HostKeyChangedInSession { .. }),
        "{err:?}"
    );
    assert!(err.is_host_key_refusal());
    assert!(
        err.to_string().contains("accepted for this session"),
        "{err}"
    );
    assert!(asker.asked().is_empty(), "{:?}", asker.asked());
    assert_eq!(std::fs::read_to_string(&sshd.known_hosts).unwrap(), "");
}
