//! The interop matrix: one scenario suite run through Ferry's engine against six real SFTP servers
//! (OpenSSH `internal-sftp` and `sftp-server`, dropbear, ProFTPD `mod_sftp`, AsyncSSH, paramiko;
//! fixtures in `tests/interop/peers/`), checked against what each server holds on disk.
//!
//! One `#[test]` runs every server and scenario (a failing scenario does not stop the others),
//! prints a servers × scenarios table with the fallback Ferry took where a server lacks a feature
//! (no `limits@openssh.com`, no exec, no posix-rename, no statvfs, non-UTF-8 names), then fails
//! if any cell failed. A second test checks that an exec request a server never answers ends in
//! "verification unavailable" within a bounded time instead of hanging the copy.

use crate::common;
use crate::peers;

use std::collections::BTreeMap;
use std::future::Future;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{bytes, snapshot};
use ferry_engine::fs::entry::Kind;
use ferry_engine::fs::local::from_local;
use ferry_engine::fs::path::FsPath;
use ferry_engine::fs::sftp::{SftpFs, SftpOptions};
use ferry_engine::fs::{FileSystem, ListOptions};
use ferry_engine::ssh::prompt::NoPrompt;
use ferry_engine::ssh::{Connection, connect};
use ferry_engine::transfer::{
    Control, Direction, Event, JobSpec, JobSummary, Pool, TransferOptions, run_job,
};
use peers::Peer;

mod cli;
mod scenarios;
mod serverops;

use scenarios::{failures, notes, remote, session, transfer};

type Outcome = Result<String, String>;
type ScenarioFn = for<'a> fn(&'a Peer) -> Pin<Box<dyn Future<Output = Outcome> + 'a>>;

/// Scenario names (the matrix columns) and how long each may take before it counts as hung.
const SCENARIOS: &[(&str, ScenarioFn)] = &[
    ("key", |p| Box::pin(scenarios::key_login(p))),
    ("password", |p| Box::pin(scenarios::password_login(p))),
    ("list", |p| Box::pin(scenarios::list(p))),
    ("tree", |p| Box::pin(scenarios::tree(p))),
    ("ops", |p| Box::pin(scenarios::ops(p))),
    ("resume", |p| Box::pin(scenarios::resume(p))),
    ("verify", |p| Box::pin(scenarios::verify(p))),
    ("statvfs", |p| Box::pin(scenarios::statvfs(p))),
    ("non-utf8", |p| Box::pin(scenarios::non_utf8(p))),
    ("cli", |p| Box::pin(cli::cli(p))),
    ("server-copy", |p| Box::pin(serverops::server_copy(p))),
];
const SCENARIO_LIMIT: Duration = Duration::from_secs(60);

// ---------------------------------------------------------------------------------------------

type Starter = fn() -> Option<Peer>;

const SERVERS: &[(&str, Starter)] = &[
    ("openssh-internal", || Some(peers::openssh::internal_sftp())),
    (
        "openssh-sftp-server",
        || Some(peers::openssh::sftp_server()),
    ),
    ("dropbear", peers::dropbear::start),
    ("proftpd", peers::proftpd::start),
    ("asyncssh", || Some(peers::python::asyncssh("refuse"))),
    ("paramiko", || Some(peers::python::paramiko())),
];

enum Cell {
    Pass(String),
    Fail(String),
    Skip(String),
}

#[test]
fn interop_matrix() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let started = Instant::now();
    let mut rows: Vec<(&str, Vec<Cell>)> = Vec::new();
    // Only the named servers, e.g. FERRY_INTEROP=proftpd,paramiko (to iterate on one).
    let only = std::env::var("FERRY_INTEROP").ok();
    for (name, start) in SERVERS {
        if let Some(only) = &only
            && !only.split(',').any(|o| o == *name)
        {
            continue;
        }
        let peer = match std::panic::catch_unwind(*start) {
            Ok(Some(p)) => p,
            Ok(None) => {
                let why = "needs root (system account, daemon switching users)".to_string();
                rows.push((
                    *name,
                    SCENARIOS.iter().map(|_| Cell::Skip(why.clone())).collect(),
                ));
                continue;
            }
            Err(e) => {
                let why = format!("server did not start: {}", panic_text(&e));
                rows.push((
                    *name,
                    SCENARIOS.iter().map(|_| Cell::Fail(why.clone())).collect(),
                ));
                continue;
            }
        };
        let mut cells = Vec::new();
        for (scenario, run) in SCENARIOS {
            let t = Instant::now();
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                rt.block_on(async { tokio::time::timeout(SCENARIO_LIMIT, run(&peer)).await })
            }));
            let cell = match result {
                Ok(Ok(Ok(note))) if note.starts_with("skipped") => Cell::Skip(note),
                Ok(Ok(Ok(note))) => Cell::Pass(note),
                Ok(Ok(Err(why))) => {
                    Cell::Fail(format!("{why}\n      server log:\n{}", peer.log_tail()))
                }
                Ok(Err(_)) => Cell::Fail(format!("hung for {SCENARIO_LIMIT:?}")),
                Err(e) => Cell::Fail(format!("panicked: {}", panic_text(&e))),
            };
            eprintln!(
                "{name} / {scenario}: {} ({:.1} s)",
                cell.word(),
                t.elapsed().as_secs_f64()
            );
            cells.push(cell);
        }
        rows.push((*name, cells));
    }
    let table = render(&rows);
    println!("{table}");
    eprintln!(
        "{table}\nmatrix took {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let failed = rows
        .iter()
        .flat_map(|(_, c)| c)
        .filter(|c| matches!(c, Cell::Fail(_)))
        .count();
    assert_eq!(
        failed, 0,
        "{failed} interop cells failed: see the table above"
    );
}

impl Cell {
    fn word(&self) -> &'static str {
        match self {
            Cell::Pass(_) => "ok",
            Cell::Fail(_) => "FAIL",
            Cell::Skip(_) => "skip",
        }
    }
}

fn panic_text(e: &Box<dyn std::any::Any + Send>) -> String {
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "?".into())
}

fn render(rows: &[(&str, Vec<Cell>)]) -> String {
    let w = 20;
    let mut s = format!("\n{:w$}", "server");
    for (name, _) in SCENARIOS {
        s += &format!(" {name:>9}");
    }
    s += "\n";
    for (server, cells) in rows {
        s += &format!("{server:w$}");
        for c in cells {
            s += &format!(" {:>9}", c.word());
        }
        s += "\n";
    }
    s += "\nfallbacks and notes:\n";
    for (server, cells) in rows {
        let notes: Vec<String> = SCENARIOS
            .iter()
            .zip(cells)
            .filter_map(|((name, _), c)| match c {
                Cell::Pass(n) if !n.is_empty() => Some(format!("{name}: {n}")),
                _ => None,
            })
            .collect();
        s += &format!("  {server}: {}\n", notes.join("; "));
    }
    let problems: Vec<String> = rows
        .iter()
        .flat_map(|(server, cells)| {
            SCENARIOS
                .iter()
                .zip(cells)
                .filter_map(move |((name, _), c)| match c {
                    Cell::Fail(why) => Some(format!("  FAIL {server} / {name}: {why}")),
                    Cell::Skip(why) => Some(format!("  skip {server} / {name}: {why}")),
                    Cell::Pass(_) => None,
                })
        })
        .collect();
    if !problems.is_empty() {
        s += &format!("\n{}\n", problems.join("\n"));
    }
    s
}

/// An exec request the server never answers (AsyncSSH here, like some russh-based servers) must
/// not hang: `Connection::exec` gives up after its reply timeout, and a `--verify` copy finishes
/// with "verification unavailable" instead of failing or hanging.
#[tokio::test]
async fn unanswered_exec_is_bounded_and_verification_falls_back() {
    let peer = peers::python::asyncssh("silent");
    let (conn, _sftp) = session(&peer, false).await.unwrap();

    let t = Instant::now();
    let r = conn
        .exec_with_reply_timeout(
            "sha256sum -b -- /etc/hostname",
            4096,
            Duration::from_secs(2),
        )
        .await;
    let err = r
        .expect_err("an unanswered exec must not succeed")
        .to_string();
    assert!(
        t.elapsed() < Duration::from_secs(5),
        "took {:?}",
        t.elapsed()
    );
    assert!(
        err.contains("does not support running commands") && err.contains("did not answer"),
        "{err}"
    );
    // The connection is still usable afterwards.
    let (_c2, sftp) = session(&peer, false).await.unwrap();
    assert!(sftp.home().await.is_ok());

    // A verified upload of three files: done, not verified, one note, one exec timeout in all.
    let local = tempfile::tempdir().unwrap();
    for i in 0..3 {
        std::fs::write(local.path().join(format!("f{i}")), bytes(i, 10_000)).unwrap();
    }
    let dir = peer.data.join("silent");
    std::fs::create_dir(&dir).unwrap();
    let t = Instant::now();
    let (s, ev) = transfer(
        &peer,
        Direction::Upload,
        (0..3)
            .map(|i| from_local(&local.path().join(format!("f{i}"))))
            .collect(),
        remote(&dir),
        TransferOptions {
            verify: true,
            parallel_files: 1,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let took = t.elapsed();
    assert_eq!((s.files_done, s.files_failed), (3, 0), "{}", failures(&s));
    for i in 0..3 {
        assert_eq!(
            std::fs::read(dir.join(format!("f{i}"))).unwrap(),
            bytes(i, 10_000)
        );
    }
    assert!(
        !ev.iter()
            .any(|e| matches!(e, Event::FileDone { verified: true, .. })),
        "nothing can be verified without exec"
    );
    let n = notes(&ev);
    assert_eq!(
        n.iter()
            .filter(|n| n.contains("cannot compute checksums"))
            .count(),
        1,
        "{n:?}"
    );
    let limit = ferry_engine::ssh::EXEC_REPLY_TIMEOUT + Duration::from_secs(10);
    assert!(
        took < limit,
        "the exec timeout is paid once per job, not per file: took {took:?}"
    );
}
