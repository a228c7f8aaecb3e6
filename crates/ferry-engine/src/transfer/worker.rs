//! Copying one file: settle a conflict, write to `name.ferrypart` (continuing one left by an earlier
//! attempt), check the size, optionally compare checksums, rename into place, keep the mtime. A
//! lost connection is reopened and the copy resumed from the exact prefix the lost attempt left,
//! for as long as attempts make progress (a connection that drops every few hundred KiB still gets
//! the file across), with a growing pause after attempts that do not, and an overall bound;
//! nothing partial is ever reported as done.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};
use crate::fs::entry::Kind;
use crate::fs::local::to_local;
use crate::fs::path::FsPath;
use crate::transfer::dest::{create_mode, free_name, part_path};
use crate::transfer::io::{self, Copy, is_connection_error, resume_window};
use crate::transfer::partid::{self, PartId};
use crate::transfer::pool::Link;
use crate::transfer::progress::Counters;
use crate::transfer::task::{FileTask, JobCtx};
use crate::transfer::verify;
use crate::transfer::{ConflictInfo, ConflictPolicy, Direction, Event, Note, Skip};

enum Outcome {
    Done {
        dst: FsPath,
        bytes: u64,
        /// Of `bytes`, those found in place (a resumed prefix).
        resumed: u64,
        /// How its contents were checked, when they were.
        checked: Option<verify::SumWay>,
    },
    Skipped(Skip),
}

/// Runs one file and reports how it went.
pub(crate) async fn run(ctx: &JobCtx, slot: usize, task: FileTask) {
    if let Err(e) = ctx.control.checkpoint().await {
        ctx.fail_to(task.src, Some(task.dst), e);
        return;
    }
    ctx.emit(Event::FileStarted {
        src: task.src.clone(),
        size: task.size,
    });
    let file_bytes = Arc::new(std::sync::atomic::AtomicU64::new(0));
    if let Ok(mut a) = ctx.active.lock() {
        a.insert(slot, (task.src.clone(), task.size, file_bytes.clone()));
    }
    let outcome = with_retries(ctx, slot, &task, &file_bytes).await;
    if let Ok(mut a) = ctx.active.lock() {
        a.remove(&slot);
    }
    match outcome {
        Ok(Outcome::Done {
            dst,
            bytes,
            resumed,
            checked,
        }) => {
            Counters::add(&ctx.counters.files_done, 1);
            Counters::add(&ctx.counters.bytes_resumed, resumed);
            ctx.emit(Event::FileDone {
                src: task.src,
                dst,
                bytes,
                verified: checked.is_some(),
                checked: checked.map(|w| w.describe()),
            });
        }
        Ok(Outcome::Skipped(reason)) => {
            Counters::sub(&ctx.counters.bytes_total, task.size);
            ctx.skip(task.src, reason);
        }
        Err(e) => {
            // The bytes of a file that failed are not counted as copied (its partial file stays
            // for a later resume, which counts them then).
            Counters::sub(
                &ctx.counters.bytes_done,
                file_bytes.swap(0, Ordering::Relaxed),
            );
            ctx.fail_to(task.src, Some(task.dst), e);
        }
    }
}

/// Reconnects of one file, in all, however much each made progress: a bound for a link that drops
/// forever, far past what any real copy needs (a 1 GiB file cut every 2 MiB needs 512).
pub(crate) const MAX_RESUMES: u32 = 2_000;

async fn with_retries(
    ctx: &JobCtx,
    slot: usize,
    task: &FileTask,
    file_bytes: &AtomicU64,
) -> Result<Outcome> {
    let mut slot = ctx.pool.slot_for(slot, task.size);
    let mut link = match ctx.pool.get(slot).await {
        Ok(link) => link,
        Err(e) => {
            let Some(first) = ctx.pool.give_up_on(slot) else {
                return Err(e);
            };
            if first {
                ctx.emit(Event::Note(Note::NoMoreConnections { error: e }));
            }
            slot = ctx.pool.slot_for(slot, task.size);
            ctx.pool.get(slot).await?
        }
    };
    // Attempts in a row that ended no further into the file than an earlier one: after
    // `max_retries` of them the file fails. An attempt that got further starts the count again.
    let mut fruitless = 0;
    let mut resumes = 0;
    // Halvings of the requests in flight: on a link that drops often, a full window of writes is
    // lost before any of them is acknowledged, so each fruitless attempt sends fewer at once (and
    // the file keeps the smaller window, since the link keeps dropping).
    let mut shrink = 0;
    // The furthest contiguous prefix an attempt of this run left in the partial file.
    let mut best: Option<u64> = None;
    let mut task = task.clone();
    // Where the first attempt started: what later attempts find in place beyond it, this run
    // carried (the summary's "already there" must not count it).
    let mut first_start = None;
    // A copy whose checksum differed is made again from its start, once.
    let mut rechecked = false;
    loop {
        // Take back what an earlier attempt counted: each attempt counts from where it starts.
        Counters::sub(
            &ctx.counters.bytes_done,
            file_bytes.swap(0, Ordering::Relaxed),
        );
        let tries = Tries {
            known: best,
            shrink,
        };
        let outcome = once(ctx, slot, &link, &task, file_bytes, &mut first_start, tries).await;
        // A failed attempt leaves its exact contiguous prefix counted (see `io::Shared::finish`).
        let reached = file_bytes.load(Ordering::Relaxed);
        match outcome {
            Err(e)
                if is_connection_error(&e)
                    && resumes < MAX_RESUMES
                    && (best.is_none_or(|b| reached > b) || fruitless < ctx.opts.max_retries) =>
            {
                if best.is_none_or(|b| reached > b) {
                    fruitless = 0;
                    best = Some(reached);
                } else {
                    fruitless += 1;
                    shrink = (shrink + 1).min(6);
                    // Give a link that keeps failing at the same place some time to recover.
                    let pause = std::time::Duration::from_millis(500 * u64::from(fruitless));
                    tokio::select! {
                        _ = tokio::time::sleep(pause) => {}
                        _ = ctx.control.cancelled() => return Err(Error::Cancelled),
                    }
                }
                resumes += 1;
                tracing::info!(
                    "{}: {e}; reconnecting (resume {resumes}, {reached} bytes in place)",
                    task.src
                );
                // The SFTP layer only sees its channel close; the SSH session knows why.
                let why = link.conn.end_reason().unwrap_or(e);
                ctx.emit(Event::Note(Note::Reconnecting {
                    src: task.src.clone(),
                    why,
                }));
                link = ctx.pool.reconnect(slot, &link, &ctx.control).await?;
                // The failed attempt may have left a partial file to continue.
                task.fresh_dir = false;
            }
            Err(e) if is_connection_error(&e) => return Err(link.conn.end_reason().unwrap_or(e)),
            Err(Error::ChecksumMismatch { local, remote, .. }) if !rechecked => {
                rechecked = true;
                tracing::warn!(
                    "{}: checksums differ (local {local}, server {remote}); copying it again",
                    task.src
                );
                best = None;
                task.fresh_dir = false;
            }
            other => return other,
        }
    }
}

/// The conflict choice for an existing destination: sticky "apply to all", else the job's policy,
/// else the resolver (one question at a time).
async fn conflict_choice(ctx: &JobCtx, info: &ConflictInfo) -> Option<ConflictPolicy> {
    if let Some(p) = ctx.sticky_conflict.lock().ok().and_then(|s| *s) {
        return Some(p);
    }
    if ctx.opts.conflict != ConflictPolicy::Ask {
        return Some(ctx.opts.conflict);
    }
    let Some(resolver) = ctx.opts.resolver.clone() else {
        return Some(ConflictPolicy::Overwrite);
    };
    let _turn = ctx.asking.lock().await;
    if let Some(p) = ctx.sticky_conflict.lock().ok().and_then(|s| *s) {
        return Some(p); // answered "for all" while we waited
    }
    let (choice, all) = resolver.resolve(info).await?;
    if all && let Ok(mut s) = ctx.sticky_conflict.lock() {
        *s = Some(choice);
    }
    Some(choice)
}

/// What earlier attempts of this run at a file tell the next one.
#[derive(Debug, Clone, Copy)]
struct Tries {
    /// The contiguous prefix an earlier attempt left in the partial file (its holes, if any, lie
    /// past it), so the copy continues exactly there instead of backing off a whole window as
    /// after a crash.
    known: Option<u64>,
    /// Halvings of the requests in flight (see `with_retries`).
    shrink: u32,
}

/// One attempt at the file.
async fn once(
    ctx: &JobCtx,
    slot: usize,
    link: &Arc<Link>,
    task: &FileTask,
    file_bytes: &AtomicU64,
    first_start: &mut Option<u64>,
    tries: Tries,
) -> Result<Outcome> {
    let known = tries.known;
    let (_src_fs, dst_fs) = ctx.sides(link);
    let mut dst = task.dst.clone();
    let mut resume_existing = None;
    // In a folder this job just created there is nothing to collide with and no partial file:
    // skip the two look-ups (two round trips per file on a server).
    let existing = if task.fresh_dir {
        Err(Error::NotFound {
            path: String::new(),
        })
    } else {
        dst_fs.lstat(&dst).await
    };

    match existing {
        Err(Error::NotFound { .. }) => {}
        Err(e) => return Err(e),
        Ok(existing) => {
            if existing.kind == Kind::Dir {
                return Err(Error::AlreadyExists {
                    path: dst.to_string(),
                });
            }
            let info = ConflictInfo {
                src: task.src.clone(),
                dst: dst.clone(),
                src_size: task.size,
                src_mtime: task.mtime,
                dst_size: existing.size,
                dst_mtime: existing.mtime,
            };
            match conflict_choice(ctx, &info).await {
                None | Some(ConflictPolicy::Skip) => {
                    return Ok(Outcome::Skipped(Skip::Exists));
                }
                Some(ConflictPolicy::OverwriteIfNewer) => {
                    let newer = match (task.mtime, existing.mtime) {
                        (Some(s), Some(d)) => s > d,
                        _ => true,
                    };
                    if !newer {
                        return Ok(Outcome::Skipped(Skip::NotNewer));
                    }
                }
                Some(ConflictPolicy::Rename) => dst = free_name(dst_fs, &dst).await?,
                Some(ConflictPolicy::Resume) if existing.kind == Kind::File => {
                    resume_existing = existing
                        .size
                        .filter(|s| *s <= task.size)
                        .map(|s| (s, existing.perms));
                }
                Some(_) => {}
            }
        }
    }

    let part = part_path(&dst);
    let chunk = match ctx.direction {
        Direction::Download => link.sftp.limits().read_len,
        Direction::Upload => link.sftp.limits().write_len,
    };
    let mut start = 0;
    // The copy is created with the source's bits (never more permissive than the source).
    let mode = create_mode(task.perms, false);
    // The mode of a file this copy continues, which a server keeps when it opens it.
    let mut continued = None;
    if let Some((size, perms)) = resume_existing {
        // The person chose to continue this file; where the server can tell, it must be the
        // source's beginning (see `partid.rs`).
        if !ctx.no_exec.load(Ordering::Relaxed)
            && partid::prefix_matches(link, ctx.direction, &task.src, &dst, size).await
                == Some(false)
        {
            return Err(Error::NotAPrefix {
                path: dst.to_string(),
            });
        }
        // Continue the existing file: it becomes the partial file.
        dst_fs.rename(&dst, &part, true).await?;
        start = size;
        continued = perms;
    } else if task.fresh_dir {
    } else if let Ok(p) = dst_fs.lstat(&part).await {
        let size = p.size.unwrap_or(0);
        let keep = match known {
            // This run's own partial file: exactly this much of it is good.
            Some(k) if k <= size => Some(k),
            // Left by an earlier run: its last window may have holes, so back off, and continue
            // it only if it is this source's (see `partid.rs`).
            _ => Some(size.saturating_sub(resume_window(chunk))),
        }
        .filter(|_| p.kind == Kind::File && size <= task.size);
        let ours = match keep {
            Some(_) if known.is_some_and(|k| k <= size) => true,
            Some(keep) => {
                let checksums = !ctx.no_exec.load(Ordering::Relaxed);
                partid::belongs(
                    link,
                    ctx.direction,
                    &task.src,
                    &dst,
                    size,
                    PartId::of(task.size, task.mtime),
                    checksums.then_some(keep),
                )
                .await
            }
            None => false,
        };
        match keep {
            Some(keep) if ours => {
                start = keep;
                continued = p.perms;
            }
            _ => {
                tracing::debug!(
                    "{}: a partial file of another source; starting again",
                    task.src
                );
                dst_fs.remove_file(&part).await?;
            }
        }
    }
    // A local partial file is narrowed when it is opened (`disk::open_part_local`); a server's is
    // narrowed here, before any byte of this source goes into it.
    if ctx.direction == Direction::Upload
        && let Some(now) = continued
        && now & 0o777 & !mode != 0
    {
        dst_fs.chmod(&part, now & mode & 0o777).await?;
    }
    let resumed = start.min(*first_start.get_or_insert(start));
    if start > 0 {
        Counters::add(&ctx.counters.bytes_done, start);
        file_bytes.store(start, Ordering::Relaxed);
        ctx.emit(Event::FileResumed {
            src: task.src.clone(),
            offset: start,
        });
    }

    // Big files go over every connection of the pool at once (opened together, not in turn),
    // on links slow enough for that to pay off.
    let mut links = vec![link.clone()];
    if task.size.saturating_sub(start) >= io::LANES_MIN_SIZE
        && ctx.pool.spread_pays(link.sftp.rtt())
    {
        let others = (1..ctx.pool.size())
            .map(|i| slot + i)
            .filter(|&k| ctx.pool.usable(k))
            .map(|k| async move { (k, ctx.pool.get(k).await) });
        for (k, got) in futures::future::join_all(others).await {
            match got {
                Ok(l) => links.push(l),
                // Fewer lanes, then: this file's own connection is open.
                Err(_) => {
                    ctx.pool.give_up_on(k);
                }
            }
        }
    }
    // Share the job's request budget between the files in flight.
    let active = ctx.active.lock().map(|a| a.len()).unwrap_or(1).max(1);
    let window = ((4 * io::IN_FLIGHT / active).clamp(8, io::IN_FLIGHT) >> tries.shrink).max(1);
    let copies: Vec<Copy> = links
        .iter()
        .map(|l| Copy {
            sftp: &l.sftp,
            control: &ctx.control,
            limit: ctx.opts.limit.as_ref(),
            counters: &ctx.counters,
            file_bytes,
            window,
            mode,
            fsync: ctx.direction == Direction::Upload
                && ctx.opts.fsync
                && l.sftp.extensions().fsync,
        })
        .collect();
    let mtime = task.mtime.filter(|_| ctx.opts.preserve_mtime);
    // A big file started from zero records which source its partial file is (for a later run),
    // at the same time as the first data goes out.
    let identify = async {
        let id = PartId::of(task.size, task.mtime).filter(|_| start == 0);
        if let Some(id) = id.filter(|id| id.size >= partid::RESUMABLE_MIN)
            && let Err(e) = partid::write(link, ctx.direction, &dst, id).await
        {
            tracing::debug!("{}: the partial file's id was not written: {e}", task.src);
        }
    };
    let copy = async {
        match ctx.direction {
            Direction::Download => {
                io::download(
                    &copies,
                    &task.src,
                    &to_local(&part),
                    start,
                    task.size,
                    mtime,
                )
                .await
            }
            // No SETSTAT(size) to cut the partial file back to `start` first: the writes from `start`
            // cover everything after it (a partial file is never longer than the source), and servers
            // built on paramiko's `set_file_attr` truncate to zero and then extend, which would leave
            // zeros in front of the resumed part.
            Direction::Upload => {
                // What the walk read ahead is the file from its start.
                let head = task
                    .head
                    .as_ref()
                    .filter(|_| start == 0)
                    .and_then(|h| h.take());
                io::upload(&copies, &to_local(&task.src), &part, start, mtime, head).await
            }
        }
    };
    let (copied, ()) = tokio::join!(copy, identify);
    // On failure the job's byte count still holds this file's kept prefix (`file_bytes`): the
    // next attempt or `run` takes it back.
    let (size, settled) = copied?;
    if size < task.size {
        return Err(Error::SizeChanged {
            path: task.src.to_string(),
            expected: task.size,
            got: size,
        });
    }
    if size > task.size {
        Counters::add(&ctx.counters.bytes_total, size - task.size);
        ctx.emit(Event::Note(Note::Grew {
            src: task.src.clone(),
            listed: task.size,
            copied: size,
        }));
    }

    let written = match settled.size {
        Some(n) => Some(n),
        None => dst_fs.stat(&part).await?.size,
    };
    if written != Some(size) {
        return Err(Error::SizeChanged {
            path: dst.to_string(),
            expected: size,
            got: written.unwrap_or(0),
        });
    }
    let checked = if ctx.opts.verify {
        match verify_copy(ctx, link, task, &part, size).await {
            Err(e @ Error::ChecksumMismatch { .. }) => {
                // A corrupt copy is never continued: the next attempt starts from nothing.
                let _ = dst_fs.remove_file(&part).await;
                return Err(e);
            }
            other => other?,
        }
    } else {
        None
    };
    if task.size >= partid::RESUMABLE_MIN {
        let (renamed, ()) = tokio::join!(
            dst_fs.rename(&part, &dst, true),
            partid::remove(link, ctx.direction, &dst)
        );
        renamed?;
    } else {
        dst_fs.rename(&part, &dst, true).await?;
    }
    if !settled.mtime_set
        && let Some(m) = mtime
        && let Err(e) = dst_fs.set_mtime(&dst, m).await
    {
        ctx.emit(Event::Note(Note::MtimeNotKept {
            dst: dst.clone(),
            error: e,
        }));
    }
    if ctx.opts.preserve_permissions
        && let Some(p) = task.perms
        // The `rwx` bits, as OpenSSH's `sftp -p`: a set-id bit is not carried to another machine.
        && let Err(e) = dst_fs.chmod(&dst, p & 0o777).await
    {
        ctx.emit(Event::Note(Note::PermissionsNotSet {
            dst: dst.clone(),
            error: e,
        }));
    }
    Ok(Outcome::Done {
        dst,
        bytes: size,
        resumed,
        checked,
    })
}

/// Compares the checksum of the local side with the server's, the strongest way the server has
/// (learned once per session); `Ok(None)` when the server cannot compute one (noted once per
/// job). A server that runs no commands and has no `check-file` is not asked again in this job.
async fn verify_copy(
    ctx: &JobCtx,
    link: &Link,
    task: &FileTask,
    part: &FsPath,
    size: u64,
) -> Result<Option<verify::SumWay>> {
    let (local_path, remote_path) = match ctx.direction {
        Direction::Download => (to_local(part), &task.src),
        Direction::Upload => (to_local(&task.src), part),
    };
    let compared = if ctx.no_exec.load(Ordering::Relaxed) {
        verify::Compared::Unavailable
    } else {
        verify::compare(&link.sftp, &local_path, remote_path, size).await?
    };
    match compared {
        verify::Compared::Same(way) => {
            tracing::info!("{}: contents verified by {}", task.src, way.describe());
            Ok(Some(way))
        }
        verify::Compared::Differ { local, remote } => Err(Error::ChecksumMismatch {
            path: task.src.to_string(),
            local,
            remote,
        }),
        verify::Compared::Unavailable => {
            if link.sftp.sum_way.get() == Some(&verify::SumWay::None) {
                ctx.no_exec.store(true, Ordering::Relaxed);
            }
            if !ctx.verify_unavailable_noted.swap(true, Ordering::Relaxed) {
                ctx.emit(Event::Note(Note::NoChecksums {
                    host: link.conn.host.clone(),
                }));
            }
            Ok(None)
        }
    }
}
