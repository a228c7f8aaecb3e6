//! The interop scenarios, one per matrix column: logins, listings, a tree round trip, file
//! operations, resume, checksums, statvfs and non-UTF-8 names, each checked against what the server
//! holds on disk.

use super::*;

/// Names of two snapshots that differ (or "" when equal).
pub(super) fn diff(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> String {
    let mut out = Vec::new();
    for k in a.keys().chain(b.keys()) {
        if a.get(k) != b.get(k) && !out.contains(k) {
            out.push(k.clone());
        }
    }
    out.iter()
        .map(|k| {
            let len =
                |m: &BTreeMap<String, Vec<u8>>| m.get(k).map(|v| v.len() as i64).unwrap_or(-1);
            format!("{k} ({} vs {} bytes)", len(a), len(b))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Fails the scenario with `msg` unless `cond`.
pub(super) fn check(cond: bool, msg: impl FnOnce() -> String) -> Result<(), String> {
    if cond { Ok(()) } else { Err(msg()) }
}

/// Makes what the test wrote on disk belong to the account the server works as.
pub(super) fn give_to(peer: &Peer, path: &Path) {
    common::chown_to(path, &peer.owner);
}

pub(super) fn remote(path: &Path) -> FsPath {
    from_local(path)
}

pub(super) async fn session(
    peer: &Peer,
    password: bool,
) -> Result<(Arc<Connection>, SftpFs), String> {
    let conn = Arc::new(
        connect(&peer.connect_options(password), Arc::new(NoPrompt))
            .await
            .map_err(|e| format!("connect: {e}"))?,
    );
    let sftp = SftpFs::open(&conn, SftpOptions::default())
        .await
        .map_err(|e| format!("sftp: {e}"))?;
    Ok((conn, sftp))
}

/// Runs one transfer job over one connection and collects its events.
pub(super) async fn transfer(
    peer: &Peer,
    direction: Direction,
    sources: Vec<FsPath>,
    dest_dir: FsPath,
    opts: TransferOptions,
) -> Result<(JobSummary, Vec<Event>), String> {
    let pool = Arc::new(Pool::new(
        peer.connect_options(false),
        Arc::new(NoPrompt),
        1,
    ));
    let spec = JobSpec {
        direction,
        sources,
        dest_dir,
        dest_name: None,
        recursive: true,
    };
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let summary = run_job(pool.clone(), spec, opts, Control::new(), tx)
        .await
        .map_err(|e| format!("job: {e}"))?;
    pool.close().await;
    let mut events = Vec::new();
    while let Ok(ev) = rx.try_recv() {
        events.push(ev);
    }
    Ok((summary, events))
}

pub(super) fn failures(s: &JobSummary) -> String {
    s.failures
        .iter()
        .map(|f| format!("{}: {}", f.src, f.error))
        .collect::<Vec<_>>()
        .join("; ")
}

pub(super) fn notes(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Note(n) => Some(n.to_string()),
            _ => None,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Scenarios. Each returns a short note for the table's fallback column, or why it failed.

pub(super) async fn key_login(peer: &Peer) -> Outcome {
    let (conn, sftp) = session(peer, false).await?;
    let home = sftp.home().await.map_err(|e| format!("home: {e}"))?;
    let l = sftp.limits();
    let note = if sftp.extensions().limits {
        format!(
            "limits ext: r/w {}/{} KiB",
            l.read_len / 1024,
            l.write_len / 1024
        )
    } else {
        format!(
            "no limits ext: default r/w {}/{} KiB",
            l.read_len / 1024,
            l.write_len / 1024
        )
    };
    check(home.is_absolute(), || {
        format!("home {home} is not absolute")
    })?;
    conn.disconnect().await;
    Ok(note)
}

pub(super) async fn password_login(peer: &Peer) -> Outcome {
    if peer.password.is_none() {
        return Ok("skipped: no password login (not root)".into());
    }
    let (conn, sftp) = session(peer, true).await?;
    let listing = sftp
        .list(&remote(&peer.data), ListOptions::default())
        .await
        .map_err(|e| format!("list after password login: {e}"))?;
    drop(listing);
    // A wrong password is refused with a message that does not echo it.
    let mut wrong = peer.connect_options(true);
    wrong.password = Some(ferry_engine::secrets::Secret::new("wrong-pw-123"));
    match connect(&wrong, Arc::new(NoPrompt)).await {
        Ok(_) => return Err("a wrong password was accepted".into()),
        Err(e) => {
            let m = e.to_string();
            check(
                m.contains("Authentication failed") && !m.contains("wrong-pw-123"),
                || format!("wrong password: {m}"),
            )?;
        }
    }
    conn.disconnect().await;
    Ok(String::new())
}

pub(super) async fn list(peer: &Peer) -> Outcome {
    let dir = peer.data.join("list");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.txt"), b"abc").unwrap();
    std::fs::write(dir.join("b c.bin"), bytes(1, 1000)).unwrap();
    give_to(peer, &dir);
    let (conn, sftp) = session(peer, false).await?;
    let listing = sftp
        .list(&remote(&dir), ListOptions::default())
        .await
        .map_err(|e| format!("list: {e}"))?;
    let mut got: Vec<(String, Kind, Option<u64>)> = listing
        .entries
        .iter()
        .map(|e| {
            (
                String::from_utf8_lossy(&e.name).into_owned(),
                e.kind,
                if e.kind == Kind::File { e.size } else { None },
            )
        })
        .collect();
    got.sort_by(|a, b| a.0.cmp(&b.0));
    let want = vec![
        ("a.txt".to_string(), Kind::File, Some(3)),
        ("b c.bin".to_string(), Kind::File, Some(1000)),
        ("sub".to_string(), Kind::Dir, None),
    ];
    check(got == want, || format!("listing {got:?}"))?;
    conn.disconnect().await;
    Ok(String::new())
}

/// The odd names of the tree scenario (relative path, size).
pub(super) fn odd_tree(root: &Path) {
    let long = format!("{}.txt", "long-name-".repeat(21)); // 214 bytes
    let files: Vec<(String, usize)> = vec![
        ("with space.txt".into(), 1234),
        ("Résumé 日本.txt".into(), 4321),
        ("*star*".into(), 10),
        ("-rf.txt".into(), 77),
        (long, 300),
        ("empty".into(), 0),
        ("n1/n2/n3/deep.txt".into(), 5000),
        ("n1/ünï cödé/ファイル".into(), 999),
        ("big.bin".into(), 5 << 20),
    ];
    std::fs::create_dir_all(root.join("emptydir")).unwrap();
    for (i, (name, len)) in files.iter().enumerate() {
        let p = root.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes(i as u64 + 100, *len)).unwrap();
    }
}

pub(super) async fn tree(peer: &Peer) -> Outcome {
    let local = tempfile::tempdir().unwrap();
    let src = local.path().join("tree");
    odd_tree(&src);
    let up_dir = peer.data.join("up");
    std::fs::create_dir(&up_dir).unwrap();
    give_to(peer, &up_dir);

    let (s, _) = transfer(
        peer,
        Direction::Upload,
        vec![from_local(&src)],
        remote(&up_dir),
        TransferOptions::default(),
    )
    .await?;
    check(s.files_failed == 0, || format!("upload: {}", failures(&s)))?;
    let want = snapshot(&src);
    let on_server = snapshot(&up_dir.join("tree"));
    check(on_server == want, || {
        format!("upload differs: {}", diff(&on_server, &want))
    })?;

    let back = local.path().join("back");
    std::fs::create_dir(&back).unwrap();
    let (s, _) = transfer(
        peer,
        Direction::Download,
        vec![remote(&up_dir.join("tree"))],
        from_local(&back),
        TransferOptions::default(),
    )
    .await?;
    check(s.files_failed == 0, || {
        format!("download: {}", failures(&s))
    })?;
    let got = snapshot(&back.join("tree"));
    check(got == want, || {
        format!("download differs: {}", diff(&got, &want))
    })?;
    Ok(String::new())
}

pub(super) async fn ops(peer: &Peer) -> Outcome {
    let dir = peer.data.join("ops");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("f.txt"), b"first").unwrap();
    std::fs::write(dir.join("h.txt"), b"old h").unwrap();
    give_to(peer, &dir);
    let (conn, sftp) = session(peer, false).await?;
    let e = |what: &'static str| move |err: ferry_engine::error::Error| format!("{what}: {err}");

    sftp.mkdir(&remote(&dir.join("new dir")))
        .await
        .map_err(e("mkdir"))?;
    check(dir.join("new dir").is_dir(), || {
        "mkdir: no folder on disk".into()
    })?;
    match sftp.mkdir(&remote(&dir.join("new dir"))).await {
        Err(ferry_engine::error::Error::AlreadyExists { .. }) => {}
        other => return Err(format!("mkdir of an existing folder: {other:?}")),
    }

    sftp.rename(
        &remote(&dir.join("f.txt")),
        &remote(&dir.join("g.txt")),
        false,
    )
    .await
    .map_err(e("rename"))?;
    check(
        !dir.join("f.txt").exists()
            && std::fs::read(dir.join("g.txt")).ok().as_deref() == Some(&b"first"[..]),
        || "rename: not moved on disk".into(),
    )?;
    // Without overwrite an existing target is kept; with it, replaced.
    match sftp
        .rename(
            &remote(&dir.join("g.txt")),
            &remote(&dir.join("h.txt")),
            false,
        )
        .await
    {
        Err(ferry_engine::error::Error::AlreadyExists { .. }) => {}
        other => return Err(format!("rename onto an existing file: {other:?}")),
    }
    sftp.rename(
        &remote(&dir.join("g.txt")),
        &remote(&dir.join("h.txt")),
        true,
    )
    .await
    .map_err(e("rename over"))?;
    check(
        std::fs::read(dir.join("h.txt")).ok().as_deref() == Some(&b"first"[..])
            && !dir.join("g.txt").exists(),
        || "rename over an existing file: wrong contents on disk".into(),
    )?;

    sftp.chmod(&remote(&dir.join("h.txt")), 0o640)
        .await
        .map_err(e("chmod"))?;
    let mode = std::fs::metadata(dir.join("h.txt"))
        .unwrap()
        .permissions()
        .mode()
        & 0o7777;
    check(mode == 0o640, || format!("chmod: mode on disk {mode:o}"))?;
    let seen = sftp
        .stat(&remote(&dir.join("h.txt")))
        .await
        .map_err(e("stat"))?;
    check(seen.perms.map(|p| p & 0o7777) == Some(0o640), || {
        format!("stat after chmod: {:?}", seen.perms)
    })?;

    sftp.remove_file(&remote(&dir.join("h.txt")))
        .await
        .map_err(e("remove"))?;
    check(!dir.join("h.txt").exists(), || {
        "remove: still on disk".into()
    })?;
    sftp.rmdir(&remote(&dir.join("new dir")))
        .await
        .map_err(e("rmdir"))?;
    check(!dir.join("new dir").exists(), || {
        "rmdir: still on disk".into()
    })?;
    // A whole tree, the way the GUI deletes a folder.
    std::fs::create_dir_all(dir.join("t/a/b")).unwrap();
    std::fs::write(dir.join("t/a/b/x"), b"x").unwrap();
    give_to(peer, &dir);
    ferry_engine::fs::remove_recursive(&sftp, &remote(&dir.join("t")))
        .await
        .map_err(e("remove tree"))?;
    check(!dir.join("t").exists(), || {
        "remove tree: still on disk".into()
    })?;
    let note = if sftp.extensions().posix_rename {
        "rename over: posix-rename"
    } else {
        "rename over: no posix-rename, remove + rename"
    };
    conn.disconnect().await;
    Ok(note.into())
}

pub(super) fn resumed_offset(events: &[Event]) -> Option<u64> {
    events.iter().find_map(|e| match e {
        Event::FileResumed { offset, .. } => Some(*offset),
        _ => None,
    })
}

pub(super) async fn resume(peer: &Peer) -> Outcome {
    // Bigger than twice the resume window (64 requests of up to 255 KiB): a partial file's last
    // window may have holes, so Ferry re-copies it and resumes before it.
    let data = bytes(7, (40 << 20) + 12345);
    let half = data.len() / 2;
    let local = tempfile::tempdir().unwrap();

    // Upload: the server holds the first half as a partial file, as an interrupted put leaves it.
    let src = local.path().join("up.bin");
    std::fs::write(&src, &data).unwrap();
    let dir = peer.data.join("resume");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("up.bin.ferrypart"), &data[..half]).unwrap();
    common::plant_part_id(&dir.join("up.bin"), &src);
    give_to(peer, &dir);
    let (s, ev) = transfer(
        peer,
        Direction::Upload,
        vec![from_local(&src)],
        remote(&dir),
        TransferOptions::default(),
    )
    .await?;
    check(s.files_done == 1, || format!("upload: {}", failures(&s)))?;
    let up_at = resumed_offset(&ev).ok_or("upload restarted instead of resuming")?;
    let got = std::fs::read(dir.join("up.bin")).unwrap_or_default();
    check(got == data, || {
        let first_bad = got.iter().zip(&data).position(|(a, b)| a != b);
        format!(
            "resumed upload differs (resumed at {up_at}, {} bytes, first difference at {first_bad:?})",
            got.len()
        )
    })?;
    check(!dir.join("up.bin.ferrypart").exists(), || {
        "partial file left".into()
    })?;

    // Download: the same on the local side.
    std::fs::write(dir.join("down.bin"), &data).unwrap();
    give_to(peer, &dir);
    let dest = local.path().join("dest");
    std::fs::create_dir(&dest).unwrap();
    std::fs::write(dest.join("down.bin.ferrypart"), &data[..half]).unwrap();
    common::plant_part_id(&dest.join("down.bin"), &dir.join("down.bin"));
    let (s, ev) = transfer(
        peer,
        Direction::Download,
        vec![remote(&dir.join("down.bin"))],
        from_local(&dest),
        TransferOptions::default(),
    )
    .await?;
    check(s.files_done == 1, || format!("download: {}", failures(&s)))?;
    let down_at = resumed_offset(&ev).ok_or("download restarted instead of resuming")?;
    check(
        std::fs::read(dest.join("down.bin")).unwrap_or_default() == data,
        || "resumed download differs".into(),
    )?;
    Ok(format!(
        "resumed at {} / {} KiB",
        up_at >> 10,
        down_at >> 10
    ))
}

/// Whether the server runs commands (a shell for `sha256sum`).
pub(super) fn has_exec(peer: &Peer) -> bool {
    matches!(
        peer.name,
        "openssh-internal" | "openssh-sftp-server" | "dropbear"
    )
}

/// The servers that compute checksums by `check-file`, and the algorithm they pick.
fn check_file_algo(peer: &Peer) -> Option<&'static str> {
    match peer.name {
        "paramiko" => Some("sha1 (check-file)"),
        // mod_sftp answers `check-file-name` at SFTP v3 without advertising it.
        "proftpd" => Some("sha512 (check-file)"),
        _ => None,
    }
}

pub(super) async fn verify(peer: &Peer) -> Outcome {
    let data = bytes(9, (1 << 20) + 3);
    let local = tempfile::tempdir().unwrap();
    let src = local.path().join("v.bin");
    std::fs::write(&src, &data).unwrap();
    let dir = peer.data.join("verify");
    std::fs::create_dir(&dir).unwrap();
    give_to(peer, &dir);
    let opts = TransferOptions {
        verify: true,
        ..Default::default()
    };
    let started = Instant::now();
    let (s, ev) = transfer(
        peer,
        Direction::Upload,
        vec![from_local(&src)],
        remote(&dir),
        opts.clone(),
    )
    .await?;
    check(s.files_done == 1, || format!("upload: {}", failures(&s)))?;
    check(
        std::fs::read(dir.join("v.bin")).unwrap_or_default() == data,
        || "verified upload differs".into(),
    )?;
    let dest = local.path().join("dest");
    std::fs::create_dir(&dest).unwrap();
    let (s2, ev2) = transfer(
        peer,
        Direction::Download,
        vec![remote(&dir.join("v.bin"))],
        from_local(&dest),
        opts,
    )
    .await?;
    check(s2.files_done == 1, || {
        format!("download: {}", failures(&s2))
    })?;
    let took = started.elapsed();
    let verified = |evs: &[Event]| {
        evs.iter()
            .any(|e| matches!(e, Event::FileDone { verified: true, .. }))
    };
    let checked_by = |evs: &[Event]| {
        evs.iter().find_map(|e| match e {
            Event::FileDone { checked, .. } => checked.clone(),
            _ => None,
        })
    };
    let unavailable = |evs: &[Event]| {
        notes(evs)
            .iter()
            .any(|n| n.contains("cannot compute checksums"))
    };
    if has_exec(peer) {
        check(verified(&ev[..]) && verified(&ev2[..]), || {
            format!("not verified: {:?}", notes(&ev))
        })?;
        let by = checked_by(&ev[..]).unwrap_or_default();
        check(by == "sha256 (sha256sum)", || format!("checked by {by}"))?;
        Ok("sha256sum over exec".into())
    } else if let Some(want) = check_file_algo(peer) {
        // A 1 MiB file: paramiko's whole-file check-file is wrong past 128 KiB; blocks are not.
        for evs in [&ev[..], &ev2[..]] {
            let by = checked_by(evs).unwrap_or_default();
            check(by == want, || {
                format!("checked by {by:?}, not {want}: {:?}", notes(evs))
            })?;
        }
        Ok(want.to_string())
    } else {
        check(!verified(&ev[..]) && !verified(&ev2[..]), || {
            "reported verified without exec".into()
        })?;
        check(unavailable(&ev[..]) && unavailable(&ev2[..]), || {
            format!("no 'unavailable' note: {:?}", notes(&ev))
        })?;
        check(took < Duration::from_secs(30), || {
            format!("took {took:?} without exec")
        })?;
        Ok(format!("no exec: unavailable ({} ms)", took.as_millis()))
    }
}

pub(super) async fn statvfs(peer: &Peer) -> Outcome {
    let (conn, sftp) = session(peer, false).await?;
    let free = sftp
        .free_space(&remote(&peer.data))
        .await
        .map_err(|e| format!("free space: {e}"))?;
    let note = match (sftp.extensions().statvfs, free) {
        (true, Some(f)) if f.total > 0 && f.available <= f.total => "statvfs ext".to_string(),
        (true, other) => return Err(format!("statvfs advertised but gave {other:?}")),
        (false, None) => "no statvfs: free space unknown".to_string(),
        (false, Some(_)) => return Err("free space without statvfs".into()),
    };
    conn.disconnect().await;
    Ok(note)
}

pub(super) async fn non_utf8(peer: &Peer) -> Outcome {
    let dir = peer.data.join("raw");
    std::fs::create_dir(&dir).unwrap();
    let bad = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(dir.join(bad), b"latin-1").unwrap();
    std::fs::write(dir.join("ok.txt"), b"fine").unwrap();
    give_to(peer, &dir);
    let (conn, sftp) = session(peer, false).await?;
    let note = match sftp.list(&remote(&dir), ListOptions::default()).await {
        Ok(listing) => {
            let ok = listing
                .entries
                .iter()
                .any(|e| e.name == b"ok.txt" && e.exact);
            let odd: Vec<_> = listing
                .entries
                .iter()
                .filter(|e| e.name != b"ok.txt")
                .collect();
            check(ok, || format!("ok.txt missing: {:?}", listing.entries))?;
            // Servers that pass name bytes through: listed exactly (over Ferry's byte client).
            // Others: marked inexact (never acted on) or refused.
            let exact = odd.len() == 1 && odd[0].exact && odd[0].name == b"caf\xe9.txt";
            check(
                odd.len() + listing.refused.len() == 1 && (exact || odd.iter().all(|e| !e.exact)),
                || {
                    format!(
                        "the non-UTF-8 name came back as {odd:?} / {:?}",
                        listing.refused
                    )
                },
            )?;
            // Downloading the folder copies what it can, the exact name byte for byte, and
            // never writes under a guessed name.
            let dest = tempfile::tempdir().unwrap();
            let (s, _) = transfer(
                peer,
                Direction::Download,
                vec![remote(&dir)],
                from_local(dest.path()),
                TransferOptions::default(),
            )
            .await?;
            let got = snapshot(&dest.path().join("raw"));
            check(
                got.get("ok.txt").map(|v| v.as_slice()) == Some(&b"fine"[..]),
                || format!("download of the folder: {got:?} {}", failures(&s)),
            )?;
            let copied = std::fs::read(dest.path().join("raw").join(bad)).ok();
            check(
                got.len() == 1 + usize::from(exact)
                    && (!exact || copied.as_deref() == Some(&b"latin-1"[..])),
                || format!("files written: {:?} {}", got.keys(), failures(&s)),
            )?;
            format!(
                "listed {}; folder copy: {} done, {} failed, {} skipped",
                if exact {
                    "exactly, copied byte for byte"
                } else {
                    "with the name marked inexact"
                },
                s.files_done,
                s.files_failed,
                s.files_skipped
            )
        }
        Err(e) => {
            // Some servers (paramiko) fail the whole READDIR: Ferry must say so, not hang.
            let m = e.to_string();
            check(!m.is_empty(), || "empty error".into())?;
            format!("server fails the listing: \"{m}\"")
        }
    };
    conn.disconnect().await;
    Ok(note)
}
