//! The matrix's `cli` column: each file command of the `ferry` binary (`mkdir -p`, `cat`, `mv`
//! with a glob, `chmod`, `cp`, `ln -s`, `sum`, `df`, `rm -r`) run once against the server in its
//! `user@host:path` form, checked on disk (a checksum against coreutils' own).

use super::*;
use scenarios::{check, give_to};

use std::process::{Command, Output, Stdio};

fn ferry(peer: &Peer, args: &[&str]) -> Result<Output, String> {
    Command::new(env!("CARGO_BIN_EXE_ferry"))
        .arg("--known-hosts")
        .arg(&peer.known_hosts)
        .arg("--config-dir")
        .arg(peer.dir.path().join("cli-config"))
        .args(["--no-agent", "-i"])
        .arg(&peer.client_key)
        .args(["-P", &peer.port.to_string()])
        .args(args)
        .env_remove("SSH_AUTH_SOCK")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("run ferry: {e}"))
}

/// Runs `ferry ARGS`, failing the scenario unless it exits 0.
fn ok(peer: &Peer, args: &[&str]) -> Result<Output, String> {
    let out = ferry(peer, args)?;
    check(out.status.success(), || {
        format!(
            "ferry {}: {}",
            args.first().unwrap_or(&""),
            String::from_utf8_lossy(&out.stderr).trim()
        )
    })?;
    Ok(out)
}

pub(super) async fn cli(peer: &Peer) -> Outcome {
    let dir = peer.data.join("cli");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("f 1.txt"), b"first").unwrap();
    std::fs::write(dir.join("g.txt"), b"second").unwrap();
    give_to(peer, &dir);
    let at = |rel: &str| format!("{}@127.0.0.1:{}/{rel}", peer.user, dir.display());

    ok(peer, &["mkdir", "-p", &at("a/b")])?;
    check(dir.join("a/b").is_dir(), || "mkdir -p: no folder".into())?;
    let out = ok(peer, &["cat", &at("f 1.txt"), &at("g.txt")])?;
    check(out.stdout == b"firstsecond", || {
        format!("cat: {:?}", String::from_utf8_lossy(&out.stdout))
    })?;
    ok(peer, &["mv", &at("*.txt"), &at("a/b")])?;
    check(
        dir.join("a/b/f 1.txt").is_file() && dir.join("a/b/g.txt").is_file(),
        || "mv: not moved on disk".into(),
    )?;
    ok(peer, &["chmod", "u=rw,go=", &at("a/b/g.txt")])?;
    let mode = std::fs::metadata(dir.join("a/b/g.txt"))
        .map(|m| m.permissions().mode() & 0o777)
        .unwrap_or(0);
    check(mode == 0o600, || format!("chmod: mode {mode:o}"))?;
    ok(peer, &["cp", &at("a/b/g.txt"), &at("a/copy.txt")])?;
    check(
        std::fs::read(dir.join("a/copy.txt")).ok().as_deref() == Some(b"second".as_slice()),
        || "cp: the copy differs on disk".into(),
    )?;
    ok(peer, &["ln", "-s", "b/g.txt", &at("a/link")])?;
    let link = std::fs::read_link(dir.join("a/link")).unwrap_or_default();
    check(link == std::path::Path::new("b/g.txt"), || {
        format!("ln -s: the link points at {}", link.display())
    })?;
    let sum = ferry(peer, &["sum", &at("a/b/g.txt")])?;
    let sum_note = if sum.status.success() {
        let said = String::from_utf8_lossy(&sum.stdout).into_owned();
        let digest = said.split_whitespace().next().unwrap_or("").to_string();
        let known = ["sha256sum", "sha512sum", "sha1sum", "md5sum"]
            .iter()
            .find(|tool| coreutils_sum(tool, &dir.join("a/b/g.txt")) == digest);
        match known {
            Some(tool) => format!("sum ({tool})"),
            None => return Err(format!("sum: {said:?} is no checksum of the file")),
        }
    } else {
        "sum: none offered (said)".to_string()
    };
    let df = ferry(peer, &["df", &at("")])?;
    let df_note = if df.status.success() {
        "df"
    } else if String::from_utf8_lossy(&df.stderr).contains("does not offer statvfs") {
        "df: no statvfs (said)"
    } else {
        return Err(format!("df: {}", String::from_utf8_lossy(&df.stderr)));
    };
    ok(peer, &["rm", "-r", &at("a")])?;
    check(!dir.join("a").exists(), || "rm -r: still on disk".into())?;
    Ok(format!(
        "mkdir cat mv chmod cp ln rm; {sum_note}; {df_note}"
    ))
}

/// What `tool` (`sha256sum`, …) says of `path` here, for comparison.
fn coreutils_sum(tool: &str, path: &std::path::Path) -> String {
    Command::new(tool)
        .arg(path)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .split_whitespace()
                .next()
                .map(str::to_string)
        })
        .unwrap_or_default()
}
