//! Proxies in front of the server (`--proxy`, `--proxy-command`) against real ones on loopback: a
//! SOCKS5 proxy made by OpenSSH's own `ssh -D`, an HTTP CONNECT proxy in Python that wants a Basic
//! login, a proxy that is not listening, and ProxyCommand through `ssh -W` and one that exits. The
//! host key is always the target's, checked under the target's own name and port.

use crate::common;

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{Running, Scripted, Sshd, SshdOptions, free_port, http_proxy};
use ferry_engine::error::Error;
use ferry_engine::ssh::connect;
use ferry_engine::ssh::proxy::Proxy;

use super::jump::forwards_to;
use super::transfer::{err, ferry};

/// An sshd whose debug log shows each forward, for a proxy in front of the target.
fn gate() -> Sshd {
    Sshd::start_with(SshdOptions {
        extra_config: "LogLevel DEBUG1\n".into(),
        ..SshdOptions::default()
    })
}

/// `ssh` logging in to `gate` with its client key and checking its host key, plus `args`.
fn ssh_to(gate: &Sshd, args: &[&str]) -> String {
    format!(
        "ssh -F /dev/null -o BatchMode=yes -o IdentitiesOnly=yes -o StrictHostKeyChecking=yes \
         -o UserKnownHostsFile={} -i {} -p {} {} {}@127.0.0.1",
        gate.known_hosts.display(),
        gate.client_key.display(),
        gate.port,
        args.join(" "),
        gate.user
    )
}

/// A SOCKS5 proxy on `port`: `ssh -N -D` logged in to `gate`.
fn socks_proxy(gate: &Sshd, port: u16) -> Running {
    let line = ssh_to(gate, &["-N", "-D", &format!("127.0.0.1:{port}")]);
    let args: Vec<&str> = line.split(' ').filter(|a| !a.is_empty()).collect();
    let child = Command::new(args[0])
        .args(&args[1..])
        .stdin(Stdio::null())
        .spawn()
        .expect("start ssh -D");
    let running = Running(child);
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "ssh -D did not listen");
        std::thread::sleep(Duration::from_millis(20));
    }
    running
}

#[test]
fn socks5_by_ssh_d_reaches_the_target_whose_key_is_checked_under_its_own_name() {
    let target = Sshd::start();
    std::fs::write(target.data.join("behind.txt"), b"x").unwrap();
    let gate = gate();
    let port = free_port();
    let _socks = socks_proxy(&gate, port);
    let proxy = format!("socks5://127.0.0.1:{port}");

    // known_hosts holds the target's key alone: the proxy's sshd is never asked for one.
    let ls = ferry(&target, &["--proxy", &proxy, "ls", &target.data_url("")]);
    assert!(ls.status.success(), "{}", err(&ls));
    assert!(String::from_utf8_lossy(&ls.stdout).contains("behind.txt"));
    assert_eq!(forwards_to(&gate, target.port), 1, "{}", gate.log());

    // Named "localhost" (the proxy resolves it): no key is recorded under that name and port.
    let by_name = format!("sftp://{}@localhost:{}/", target.user, target.port);
    let ls = ferry(&target, &["--proxy", &proxy, "ls", &by_name]);
    assert!(!ls.status.success());
    let said = err(&ls);
    assert!(
        said.contains(&format!(
            "The authenticity of host '[localhost]:{}' can't be established",
            target.port
        )),
        "{said}"
    );

    // A saved site keeps its proxy; `--proxy none` goes direct.
    let add = ferry(
        &target,
        &["sites", "add", "inner", &target.url(""), "--proxy", &proxy],
    );
    assert!(add.status.success(), "{}", err(&add));
    let dir = format!("inner:{}", target.data.display());
    let ls = ferry(&target, &["ls", &dir]);
    assert!(ls.status.success(), "{}", err(&ls));
    assert_eq!(
        forwards_to(&gate, target.port),
        2,
        "the site used its proxy"
    );
    let ls = ferry(&target, &["--proxy", "none", "ls", &dir]);
    assert!(ls.status.success(), "{}", err(&ls));
    assert_eq!(
        forwards_to(&gate, target.port),
        2,
        "--proxy none went direct"
    );

    // Nothing listening where the proxy should be: the message names the proxy.
    let dead = free_port();
    let ls = ferry(
        &target,
        &[
            "--proxy",
            &format!("socks5://127.0.0.1:{dead}"),
            "ls",
            &target.url("/"),
        ],
    );
    assert!(!ls.status.success());
    assert!(
        err(&ls).contains(&format!(
            "Cannot use the proxy socks5://127.0.0.1:{dead} (127.0.0.1:{dead} refused the \
             connection): check its address and port, and that it is running."
        )),
        "{}",
        err(&ls)
    );
}

/// An HTTP proxy that wants a login: without one, the person reads that it asks for one; with
/// the user in the address, its password is asked for by the proxy's name, once a session.
#[tokio::test]
async fn an_http_proxy_asks_for_a_login_and_gets_it() {
    let target = Sshd::start();
    let (_http, port) = http_proxy("al:s3cret");
    let name = format!("http://127.0.0.1:{port}");

    let ls = ferry(&target, &["--proxy", &name, "ls", &target.url("/")]);
    assert!(!ls.status.success());
    assert!(
        err(&ls).contains(&format!(
            "The proxy {name} asks for a user name and password (HTTP/1.1 407 Proxy \
             Authentication Required): check the user in the proxy address and its password. \
             Put the user in the --proxy address"
        )),
        "{}",
        err(&ls)
    );

    // A script gives the password from the environment.
    let with_user = format!("http://al@127.0.0.1:{port}");
    let ls = target
        .ferry()
        .arg("-i")
        .arg(&target.client_key)
        .args(["--proxy", &with_user, "--proxy-password-env", "PROXY_PW"])
        .args(["ls", &target.data_url("")])
        .env("PROXY_PW", "s3cret")
        .output()
        .unwrap();
    assert!(ls.status.success(), "{}", err(&ls));

    let mut opts = target.connect_options();
    opts.proxy = Proxy::parse(&with_user).unwrap();
    let wrong = Arc::new(Scripted {
        password: Some("guess".into()),
        ..Default::default()
    });
    let e = connect(&opts, wrong).await.unwrap_err();
    assert!(matches!(e, Error::ProxyAuth { .. }), "{e}");

    let prompter = Arc::new(Scripted {
        password: Some("s3cret".into()),
        ..Default::default()
    });
    let conn = connect(&opts, prompter.clone()).await.expect("through");
    let (_, out) = conn.exec("echo $SSH_CONNECTION", 1024).await.unwrap();
    assert!(String::from_utf8_lossy(&out).contains(&format!(" {}", target.port)));
    let again = connect(&opts, prompter.clone()).await.expect("again");
    assert_eq!(prompter.asked(), [format!("password al@{name}")]);
    again.disconnect().await;
    conn.disconnect().await;
}

/// ProxyCommand: `ssh -W %h:%p` through another sshd carries the session (the gate's log shows
/// the forward); a command that ends at once is named with its exit status and last words.
#[test]
fn a_proxy_command_carries_the_session_or_says_how_it_ended() {
    let target = Sshd::start();
    std::fs::write(target.data.join("behind.txt"), b"x").unwrap();
    let gate = gate();
    // %r: the gate's account is the target's (the one test user).
    let through = ssh_to(&gate, &["-W", "%h:%p"]).replace(&format!(" {}@", gate.user), " %r@");
    let ls = ferry(
        &target,
        &["--proxy-command", &through, "ls", &target.data_url("")],
    );
    assert!(ls.status.success(), "{}", err(&ls));
    assert!(String::from_utf8_lossy(&ls.stdout).contains("behind.txt"));
    assert_eq!(forwards_to(&gate, target.port), 1, "{}", gate.log());

    // A saved site keeps its command.
    let add = ferry(
        &target,
        &[
            "sites",
            "add",
            "inner",
            &target.url(""),
            "--proxy-command",
            &through,
        ],
    );
    assert!(add.status.success(), "{}", err(&add));
    let ls = ferry(
        &target,
        &["ls", &format!("inner:{}", target.data.display())],
    );
    assert!(ls.status.success(), "{}", err(&ls));
    assert_eq!(
        forwards_to(&gate, target.port),
        2,
        "the site used its command"
    );

    let ends = "sh -c 'echo no route to %h, 100%% sure >&2; exit 3'";
    let ls = ferry(&target, &["--proxy-command", ends, "ls", &target.url("/")]);
    assert!(!ls.status.success());
    assert!(
        err(&ls).contains(
            "The proxy command “sh -c 'echo no route to 127.0.0.1, 100% sure >&2; exit 3'” \
             ended before the SSH session started (exit status 3: no route to 127.0.0.1, 100% \
             sure): check that it runs and reaches the server."
        ),
        "{}",
        err(&ls)
    );
}
