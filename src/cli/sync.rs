//! `ferry sync`: a local folder and a server's compared (the engine's `sync` layer), the plan
//! printed one action a line with a summary of files and bytes per kind, then carried out unless
//! `--dry-run` (which changes nothing at all). Without `--delete` extra files stay; with it, the
//! engine's guard refuses a plan that deletes more than half of the destination unless
//! `--max-delete N` allows it. The exit status is non-zero when anything failed. `--watch` keeps
//! going: each settled burst of local changes is planned and run again (the engine's
//! `sync::watch`), until Ctrl-C.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;

use crate::cli::CommonArgs;
use crate::cli::common::resolve;
use crate::cli::say;
use crate::cli::transfer::{Printer, absolute_local, pool};
use ferry_engine::display::display_bytes;
use ferry_engine::error::{Error, Result};
use ferry_engine::fs::entry::Kind;
use ferry_engine::fs::local::to_local;
use ferry_engine::fs::path::FsPath;
use ferry_engine::sites::SiteAddress;
use ferry_engine::sync::watch::TreeWatch;
use ferry_engine::sync::{
    self, Action, ActionKind, Compare, Filter, Mode, Outcome, Plan, Reason, RunOptions, SyncOptions,
};
use ferry_engine::transfer::progress::human_bytes;
use ferry_engine::transfer::{Control, Pool, TransferOptions};
use ferry_engine::url::Target;

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Print what would be done, and change nothing.
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Delete files in DEST that SRC does not have (off: extra files stay).
    #[arg(long)]
    pub delete: bool,
    /// Allow up to N deletions (without it, a sync that would delete more than half of DEST's
    /// files is refused).
    #[arg(long, value_name = "N")]
    pub max_delete: Option<u64>,
    /// Compare files of the same size by checksum (computed by the server) instead of by time.
    #[arg(short = 'c', long)]
    pub checksum: bool,
    /// Both ways: the newer file wins on either side, nothing is deleted.
    #[arg(long, conflicts_with = "delete")]
    pub both: bool,
    /// Leave out names matching GLOB (a name, or a path from the top if it holds a '/'; names
    /// starting with '.' match only a GLOB starting with '.'). May be repeated.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Only files matching GLOB (folders are always looked into). May be repeated.
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Leave out names starting with '.'.
    #[arg(long)]
    pub no_hidden: bool,
    /// Compare checksums with the server after each copy.
    #[arg(long)]
    pub verify: bool,
    /// Files copied at once (1-32).
    #[arg(short = 'j', long = "jobs", value_name = "N", default_value_t = 32)]
    pub jobs: usize,
    /// Move at most RATE bytes a second: 500K, 2M, 1.5M (as get and put).
    #[arg(long, value_name = "RATE", value_parser = crate::cli::transfer::parse_limit)]
    pub limit_rate: Option<u64>,
    /// SSH connections to use (1-16).
    #[arg(long, value_name = "M")]
    pub connections: Option<usize>,
    /// After the first sync, keep watching the local SRC and sync again each time something in
    /// it changes (local to server only; deletions follow only with --delete).
    #[arg(long, conflicts_with_all = ["both", "dry_run"])]
    pub watch: bool,
    /// The folder to copy from: a local path, or an sftp:// URL, [user@]host:path or SITE:path.
    pub src: String,
    /// The folder to make the same (the other side: remote when SRC is local, and back).
    pub dest: String,
}

/// True when `s` names a server's folder rather than a local one (as scp tells them apart).
fn is_remote(s: &str) -> bool {
    Target::is_url(s) || Target::parse_scp(s).is_ok() || SiteAddress::parse(s).is_some()
}

pub async fn run(common: &CommonArgs, args: SyncArgs) -> Result<ExitCode> {
    let (local, remote, mode) = match (is_remote(&args.src), is_remote(&args.dest)) {
        (false, true) => (&args.src, &args.dest, Mode::Upload),
        (true, false) => (&args.dest, &args.src, Mode::Download),
        _ => {
            return Err(Error::InvalidUrl {
                input: format!("{} {}", args.src, args.dest),
                reason: "one of SRC and DEST must be a local folder and the other a server's"
                    .into(),
            });
        }
    };
    if args.watch && mode != Mode::Upload {
        eprintln!("ferry: sync: --watch keeps a server's folder up to date: SRC must be local");
        return Ok(ExitCode::from(2));
    }
    let mut opts = SyncOptions {
        mode: if args.both { Mode::Both } else { mode },
        compare: if args.checksum {
            Compare::Checksum
        } else {
            Compare::SizeAndTime
        },
        filter: Filter::new(&args.include, &args.exclude, !args.no_hidden)?,
        delete: args.delete,
        touched: Default::default(),
    };
    let local_root = absolute_local(local)?;
    // Watching starts before the first listing, so that nothing changed meanwhile is missed.
    let mut watch = match args.watch {
        true => Some(TreeWatch::start(&to_local(&local_root), WATCH_QUIET)?),
        false => None,
    };
    let address = resolve(common, remote).await?;
    let pool = pool(common, address.opts, args.connections);
    let link = pool.get(0).await?;
    let remote_root = address.path.resolve(&link.sftp).await?;
    drop(link);
    let roots = (local_root, remote_root);
    let first = round(&pool, &roots, &opts, &args, common.verbose, true).await;
    let (Some(mut watch), Ok(Some(_))) = (watch.take(), &first) else {
        pool.close().await;
        return Ok(match first? {
            Some(failed) => exit(failed),
            None => ExitCode::from(130),
        });
    };
    eprintln!("ferry: sync: watching {} (Ctrl-C stops)", roots.0);
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    let code = loop {
        let touched = tokio::select! {
            got = watch.next() => got,
            _ = &mut ctrl_c => break ExitCode::SUCCESS,
        };
        match touched {
            Some(Ok(touched)) => opts.touched = touched,
            Some(Err(e)) => {
                eprintln!("ferry: sync: the watch stopped: {e}");
                break ExitCode::FAILURE;
            }
            None => break ExitCode::FAILURE,
        }
        // A round that fails is said; the watch goes on (the next change tries again).
        match round(&pool, &roots, &opts, &args, common.verbose, false).await {
            Ok(Some(_)) => {}
            Ok(None) => break ExitCode::from(130),
            Err(e) => eprintln!("ferry: sync: {}", say::error(&e)),
        }
    };
    pool.close().await;
    Ok(code)
}

/// How long a burst of changes must settle before a watch round plans.
const WATCH_QUIET: Duration = Duration::from_millis(500);

/// One plan, printed (a round with nothing to do prints nothing when `always` is off), then run
/// unless it is a dry run: how many things failed, `None` when Ctrl-C stopped it.
async fn round(
    pool: &Arc<Pool>,
    (local_root, remote_root): &(FsPath, FsPath),
    opts: &SyncOptions,
    args: &SyncArgs,
    verbose: u8,
    always: bool,
) -> Result<Option<u64>> {
    let link = pool.get(0).await?;
    let plan = sync::plan(&link.sftp, local_root, remote_root, opts).await?;
    drop(link);
    if !always && plan.is_noop() && plan.problems.is_empty() {
        return Ok(Some(0));
    }
    let mut failed = show_plan(&plan);
    if args.dry_run {
        if let Err(e) = sync::check_deletes(&plan, args.max_delete) {
            eprintln!("ferry: sync: {}", say::error(&e));
            failed += 1;
        }
        return Ok(Some(failed));
    }
    let run_opts = RunOptions {
        max_delete: args.max_delete,
        transfer: TransferOptions {
            parallel_files: args.jobs.clamp(1, 32),
            verify: args.verify,
            limit: args
                .limit_rate
                .map(ferry_engine::transfer::limit::RateLimit::new),
            ..TransferOptions::default()
        },
    };
    let Some(outcome) = carry_out(&plan, pool.clone(), run_opts, verbose).await else {
        return Ok(None);
    };
    Ok(Some(failed + report(&outcome?)))
}

fn exit(failed: u64) -> ExitCode {
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Runs the plan, printing failures as they happen; `None` when Ctrl-C stopped it (the partial
/// files stay, and the same sync again continues them).
async fn carry_out(
    plan: &Plan,
    pool: Arc<Pool>,
    opts: RunOptions,
    verbose: u8,
) -> Option<Result<Outcome>> {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let job = sync::run(plan, pool, opts, Control::new(), tx);
    tokio::pin!(job);
    let mut printer = Printer::new(verbose);
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    let mut events_open = true;
    loop {
        tokio::select! {
            result = &mut job => {
                while let Ok(ev) = rx.try_recv() {
                    printer.event(ev);
                }
                printer.clear();
                return Some(result);
            }
            ev = rx.recv(), if events_open => match ev {
                Some(ev) => printer.event(ev),
                None => events_open = false,
            },
            _ = &mut ctrl_c => {
                printer.clear();
                eprintln!("ferry: sync: stopped; the same sync again continues the partial files");
                return None;
            }
        }
    }
}

/// What one action is called in the plan.
fn verb(kind: ActionKind) -> &'static str {
    match kind {
        ActionKind::Upload => "upload",
        ActionKind::Download => "download",
        ActionKind::DeleteHere => "delete here",
        ActionKind::DeleteThere => "delete there",
        ActionKind::Conflict => "conflict",
        ActionKind::Same => "same",
    }
}

fn why(a: &Action) -> String {
    let size = || human_bytes(a.bytes);
    match a.reason {
        Reason::New if a.dir => "new folder".into(),
        Reason::New => format!("new, {}", size()),
        Reason::Changed => format!("changed, {}", size()),
        Reason::Extra if a.dir => format!("folder with {} files, {}", a.files, size()),
        Reason::Extra => format!("not in the source, {}", size()),
        Reason::KindsDiffer => "a file on one side, a folder or a link on the other".into(),
        Reason::NoNewer => "both differ and neither is newer".into(),
        Reason::Same => "same".into(),
    }
}

/// Prints each action (not the files that are the same), what is left alone and why, and the
/// summary; returns how many problems the listings met (each one a failure).
fn show_plan(plan: &Plan) -> u64 {
    for a in plan.actions.iter().filter(|a| a.kind != ActionKind::Same) {
        let slash = if a.dir { "/" } else { "" };
        println!(
            "{:<12} {}{slash}  ({})",
            verb(a.kind),
            display_bytes(&a.path),
            why(a)
        );
    }
    for l in &plan.left {
        let what = if l.kind == Kind::Symlink {
            "is a link; links are not followed"
        } else {
            "is not a regular file"
        };
        eprintln!("ferry: sync: skipped {}: {what}", display_bytes(&l.path));
    }
    for p in &plan.problems {
        eprintln!("ferry: sync: {}", say::error(p));
    }
    let counts = plan.counts();
    let part = |k: ActionKind| {
        let c = counts.get(&k).copied().unwrap_or_default();
        format!("{} {} ({})", verb(k), c.files, human_bytes(c.bytes))
    };
    let mut line: Vec<String> = [ActionKind::Upload, ActionKind::Download]
        .into_iter()
        .map(part)
        .collect();
    for k in [ActionKind::DeleteHere, ActionKind::DeleteThere] {
        if counts.contains_key(&k) {
            line.push(part(k));
        }
    }
    let n = |k| counts.get(&k).map_or(0, |c| c.files);
    line.push(format!("conflict {}", n(ActionKind::Conflict)));
    line.push(format!("same {}", n(ActionKind::Same)));
    println!("plan: {} files: {}", plan.dest_root(), line.join(", "));
    plan.problems.len() as u64
}

/// Prints what the run did and its failures; returns how many failed.
fn report(o: &Outcome) -> u64 {
    for f in &o.failures {
        eprintln!("ferry: sync: {}: {}", f.src, say::error(&f.error));
    }
    if o.deletes_held_back {
        eprintln!("ferry: sync: nothing was deleted, since not every copy went through");
    }
    let job = |s: &Option<ferry_engine::transfer::JobSummary>| {
        s.as_ref().map_or((0, 0), |s| (s.files_done, s.bytes))
    };
    let (up, up_bytes) = job(&o.uploaded);
    let (down, down_bytes) = job(&o.downloaded);
    println!(
        "done: uploaded {up} ({}), downloaded {down} ({}), deleted {} files and {} folders, {} failed",
        human_bytes(up_bytes),
        human_bytes(down_bytes),
        o.deleted_files,
        o.deleted_dirs,
        o.failed()
    );
    o.failed()
}
