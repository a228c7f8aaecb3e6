//! `ferry get` and `ferry put`: one transfer job from the terminal, with a progress line on a tty
//! (quiet otherwise), failures as they happen, a summary, and a non-zero exit when any file failed.
//! The job is recorded in the saved queue first (the window's `queue.json`) and runs through it, so
//! a run cut off (killed, Ctrl-C, a connection lost past its retries) leaves its unfinished work
//! there for `ferry queue run` (`queue.rs`).

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::{Args, ValueEnum};
use futures::StreamExt;

use crate::cli::CommonArgs;
use crate::cli::common::resolve;
use crate::cli::prompt::TerminalPrompter;
use crate::cli::say;
use ferry_engine::dirs::AppDirs;
use ferry_engine::error::{Error, Result};
use ferry_engine::fs::FileSystem;
use ferry_engine::fs::entry::Kind;
use ferry_engine::fs::local::{LocalFs, from_local};
use ferry_engine::fs::path::FsPath;
use ferry_engine::ssh::ConnectOptions;
use ferry_engine::transfer::manager::{self, SharedQueue, Update, Work};
use ferry_engine::transfer::progress::{Snapshot, human_bytes};
use ferry_engine::transfer::queue::SiteRef;
use ferry_engine::transfer::{
    ConflictPolicy, Direction, Event, JobSpec, JobSummary, Note, Pool, TransferOptions,
};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OnConflict {
    Overwrite,
    /// Overwrite only when the source is newer.
    Newer,
    /// Continue an existing partial file.
    Resume,
    /// Keep both: "name (1).ext".
    Rename,
    Skip,
}

#[derive(Debug, Args)]
pub struct TransferArgs {
    /// Copy folders and everything in them.
    #[arg(short = 'r', long)]
    pub recursive: bool,
    /// Files copied at once (1-32).
    #[arg(short = 'j', long = "jobs", value_name = "N", default_value_t = 32)]
    pub jobs: usize,
    /// SSH connections to use (1-16) [default: 4, each opened only when it pays off]. Given
    /// explicitly, files over 64 KiB always spread over them and big files are split.
    #[arg(long, value_name = "M")]
    pub connections: Option<usize>,
    /// Compare checksums with the server after each file (the strongest it has: check-file, or
    /// sha256sum, sha512sum, sha1sum or md5sum over exec; -v says which).
    #[arg(long)]
    pub verify: bool,
    /// Uploads: have the server sync each file to its disk (fsync@openssh.com, where offered)
    /// before it is renamed into place, so it survives a crash of the server's machine (slower:
    /// each file waits for the disk).
    #[arg(long)]
    pub fsync: bool,
    /// What to do when a destination file exists.
    #[arg(long, value_enum, default_value_t = OnConflict::Overwrite)]
    pub on_conflict: OnConflict,
    /// Copy permission bits too.
    #[arg(short = 'p', long)]
    pub preserve_permissions: bool,
    /// Recurse into folders that symlinks point at (off by default: no loops).
    #[arg(long)]
    pub follow_links: bool,
    /// Fail a folder whose listing has more than this many entries.
    #[arg(long, value_name = "N", default_value_t = ferry_engine::fs::DEFAULT_LIST_CAP)]
    pub max_entries: usize,
    /// Move at most RATE bytes a second over all the job's connections: 500K, 2M, 1.5M, 1G
    /// (binary units, as curl's --limit-rate), or plain bytes.
    #[arg(long, value_name = "RATE", value_parser = parse_limit)]
    pub limit_rate: Option<u64>,
}

pub(crate) fn parse_limit(s: &str) -> std::result::Result<u64, String> {
    ferry_engine::transfer::limit::parse_rate(s)
        .ok_or_else(|| format!("{s}: not a rate such as 500K, 2M or 1.5M (bytes a second)"))
}

#[derive(Debug, Args)]
pub struct GetArgs {
    #[command(flatten)]
    pub t: TransferArgs,
    /// sftp://[user@]host[:port]/path, [user@]host:path or SITE:path (the last part may be a
    /// glob like *.log)
    pub url: String,
    /// Local file or folder (a trailing / or an existing folder: copy into it).
    pub local: String,
}

#[derive(Debug, Args)]
pub struct PutArgs {
    #[command(flatten)]
    pub t: TransferArgs,
    /// Local files or folders, then the destination: an sftp:// URL, [user@]host:path or
    /// SITE:path (a trailing / or an existing folder: copy into it).
    #[arg(required = true, num_args = 2..)]
    pub paths: Vec<String>,
}

fn options(t: &TransferArgs) -> TransferOptions {
    TransferOptions {
        parallel_files: t.jobs.clamp(1, 32),
        conflict: match t.on_conflict {
            OnConflict::Overwrite => ConflictPolicy::Overwrite,
            OnConflict::Newer => ConflictPolicy::OverwriteIfNewer,
            OnConflict::Resume => ConflictPolicy::Resume,
            OnConflict::Rename => ConflictPolicy::Rename,
            OnConflict::Skip => ConflictPolicy::Skip,
        },
        verify: t.verify,
        preserve_permissions: t.preserve_permissions,
        follow_dir_links: t.follow_links,
        list_cap: t.max_entries,
        fsync: t.fsync,
        limit: t
            .limit_rate
            .map(ferry_engine::transfer::limit::RateLimit::new),
        ..Default::default()
    }
}

pub(crate) fn pool(
    common: &CommonArgs,
    opts: ConnectOptions,
    connections: Option<usize>,
) -> Arc<Pool> {
    let mut pool = Pool::new(
        opts,
        Arc::new(TerminalPrompter::new()),
        connections.unwrap_or(ferry_engine::transfer::pool::DEFAULT_CONNECTIONS),
    );
    pool.sftp_options = crate::cli::common::sftp_options(common);
    if connections.is_some() {
        pool.lanes_min_rtt = std::time::Duration::ZERO;
    }
    Arc::new(pool)
}

/// Splits a destination into (folder, optional new name): "into" when it ends with '/' or is an
/// existing folder.
async fn destination(
    fs: &dyn FileSystem,
    path: &FsPath,
    trailing_slash: bool,
) -> Result<(FsPath, Option<Vec<u8>>)> {
    if trailing_slash {
        return Ok((path.normalized(), None));
    }
    match fs.stat(path).await {
        Ok(e) if e.kind == Kind::Dir => Ok((path.normalized(), None)),
        _ => {
            let name = path.file_name().map(<[u8]>::to_vec);
            let parent = path.parent().unwrap_or_else(|| FsPath::from("."));
            Ok((parent, name))
        }
    }
}

pub async fn get(common: &CommonArgs, args: GetArgs) -> Result<ExitCode> {
    let address = resolve(common, &args.url).await?;
    let site = site_of(&address.opts);
    let pool = pool(common, address.opts, args.t.connections);
    let link = pool.get(0).await?;
    let remote = address.path.resolve(&link.sftp).await?;

    // A glob in the last component selects from its folder's listing.
    let sources = crate::cli::glob::expand(&link.sftp, &remote).await?;
    drop(link);
    let local_abs = absolute_local(&args.local)?;
    let (dest_dir, dest_name) =
        destination(&LocalFs, &local_abs, args.local.ends_with('/')).await?;
    let spec = job_spec(Direction::Download, sources, dest_dir, dest_name, &args.t);
    run_new(common, site, pool, spec, options(&args.t)).await
}

/// The job for `sources`; a new name applies only when there is one source.
fn job_spec(
    direction: Direction,
    sources: Vec<FsPath>,
    dest_dir: FsPath,
    dest_name: Option<Vec<u8>>,
    t: &TransferArgs,
) -> JobSpec {
    JobSpec {
        direction,
        dest_name: dest_name.filter(|_| sources.len() == 1),
        sources,
        dest_dir,
        recursive: t.recursive,
    }
}

pub async fn put(common: &CommonArgs, mut args: PutArgs) -> Result<ExitCode> {
    let url = args.paths.pop().unwrap_or_default();
    let address = resolve(common, &url).await?;
    let mut sources = Vec::new();
    for p in &args.paths {
        let abs = absolute_local(p)?;
        LocalFs.lstat(&abs).await?; // a missing source is an error before connecting
        sources.push(abs);
    }
    let site = site_of(&address.opts);
    let pool = pool(common, address.opts, args.t.connections);
    let link = pool.get(0).await?;
    let remote = address.path.resolve(&link.sftp).await?;
    let trailing = url.ends_with('/') || url.ends_with("/~");
    let (dest_dir, dest_name) = destination(&link.sftp, &remote, trailing).await?;
    drop(link);
    let spec = job_spec(Direction::Upload, sources, dest_dir, dest_name, &args.t);
    run_new(common, site, pool, spec, options(&args.t)).await
}

pub(crate) fn absolute_local(p: &str) -> Result<FsPath> {
    let path = Path::new(p);
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| Error::from_local_io(&e, Path::new(".")))?
            .join(path)
    };
    Ok(from_local(&abs).normalized())
}

/// Which server a job talks to, as the saved queue records it (never a secret).
fn site_of(opts: &ConnectOptions) -> SiteRef {
    SiteRef {
        host: opts.host.clone(),
        port: opts.port,
        user: opts.user.clone(),
    }
}

/// Opens the saved queue in the data folder; `None` (with a note) when it cannot be.
pub(crate) async fn open_queue(common: &CommonArgs) -> Option<SharedQueue> {
    let dirs = AppDirs::new(common.config_dir.as_deref());
    match manager::store::open(manager::queue_path(&dirs.data)).await {
        Ok((queue, warning)) => {
            if let Some(w) = warning {
                eprintln!("ferry: note: {w}");
            }
            Some(queue)
        }
        Err(error) => {
            eprintln!("ferry: note: {}", Note::QueueUnsaved { error });
            None
        }
    }
}

/// Runs a new job, recorded in the saved queue first (without a queue, said in a note, it runs
/// all the same).
async fn run_new(
    common: &CommonArgs,
    site: SiteRef,
    pool: Arc<Pool>,
    spec: JobSpec,
    opts: TransferOptions,
) -> Result<ExitCode> {
    let work = match open_queue(common).await {
        None => Work::Plain(spec),
        Some(queue) => Work::New(queue, site, spec),
    };
    run(pool, work, opts, common.verbose).await
}

/// Runs `work` with the engine's manager, printing its progress line and summary. Ctrl-C stops
/// it (exit status 130), a second Ctrl-C at once; a run stopped so, or one whose failures all lost their connection, stays
/// in the queue as unfinished.
pub(crate) async fn run(
    pool: Arc<Pool>,
    work: Work,
    opts: TransferOptions,
    verbose: u8,
) -> Result<ExitCode> {
    let (handle, mut updates) = manager::spawn(pool.clone(), work, opts);
    handle.keep_when_cut_off();
    let mut printer = Printer::new(verbose);
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    let mut stopping = false;
    let finished = loop {
        tokio::select! {
            update = updates.next() => match update {
                Some(Update::Event(ev)) => printer.event(ev),
                // Nobody is asked here (the command line's policies never ask): skip the file.
                Some(Update::Conflict(..)) => {}
                Some(Update::Finished { result, kept }) => break Some((result, kept)),
                None => break None,
            },
            stop = &mut ctrl_c => {
                if stop.is_err() {
                    continue;
                }
                if stopping {
                    // A second Ctrl-C: out now. The partial files and the job stay as they
                    // are (a job left "running" is unfinished at the next start), and no
                    // claim outlives the process.
                    printer.clear();
                    eprintln!(
                        "ferry: stopped at once; `ferry queue run` continues the unfinished part"
                    );
                    std::process::exit(130);
                }
                stopping = true;
                handle.interrupt();
                ctrl_c.set(tokio::signal::ctrl_c());
            }
        }
    };
    printer.clear();
    drop(handle);
    pool.close().await;
    let (summary, kept) = finished.ok_or_else(|| Error::Internal {
        detail: "the transfer ended without a result".into(),
    })?;
    match kept {
        Some(Ok(())) => {
            eprintln!("ferry: the unfinished part is kept: `ferry queue run` continues it")
        }
        Some(Err(error)) => eprintln!("ferry: note: {}", Note::QueueUnsaved { error }),
        None => {}
    }
    let summary = summary?;
    print_summary(&summary, verbose);
    if stopping {
        // 128 + SIGINT, as a shell reports a command stopped by Ctrl-C: the work is not done.
        return Ok(ExitCode::from(130));
    }
    Ok(if summary.files_failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// What a run prints as it goes: the progress line on a terminal (redrawn at most five times a
/// second), failures and notes always, skips on a terminal or with `-v`, copies with `-v`.
pub(crate) struct Printer {
    tty: bool,
    verbose: u8,
    last_draw: Instant,
    line_shown: bool,
}

impl Printer {
    pub(crate) fn new(verbose: u8) -> Printer {
        Printer {
            tty: std::io::stderr().is_terminal(),
            verbose,
            last_draw: Instant::now() - Duration::from_secs(1),
            line_shown: false,
        }
    }

    /// Takes the progress line off the screen before another line is printed.
    pub(crate) fn clear(&mut self) {
        if self.line_shown {
            eprint!("\r\x1b[2K");
            self.line_shown = false;
        }
    }

    pub(crate) fn event(&mut self, ev: Event) {
        match ev {
            Event::Progress(s)
                if self.tty && self.last_draw.elapsed() >= Duration::from_millis(200) =>
            {
                eprint!("\r\x1b[2K{}", progress_line(&s));
                std::io::stderr().flush().ok();
                self.line_shown = true;
                self.last_draw = Instant::now();
            }
            Event::Progress(_) => {}
            Event::FileFailed { src, error } => {
                self.clear();
                eprintln!("ferry: {src}: {}", say::error(&error));
            }
            Event::Note(n) => {
                self.clear();
                eprintln!("ferry: note: {n}");
            }
            Event::FileSkipped { src, reason } if self.verbose > 0 || self.tty => {
                self.clear();
                eprintln!("ferry: skipped {src}: {}", say::skip(&reason));
            }
            Event::FileDone {
                src, dst, checked, ..
            } if self.verbose > 0 => {
                self.clear();
                match checked {
                    Some(way) => eprintln!("{src} -> {dst} (verified by {way})"),
                    None => eprintln!("{src} -> {dst}"),
                }
            }
            _ => {}
        }
    }
}

fn progress_line(s: &Snapshot) -> String {
    let pct = if s.bytes_total > 0 {
        s.bytes_done as f64 * 100.0 / s.bytes_total as f64
    } else {
        0.0
    };
    let eta = s
        .eta
        .map(|d| format!("  ETA {}s", d.as_secs()))
        .unwrap_or_default();
    format!(
        "{pct:5.1}%  {} / {}  {}/s{eta}  [{}/{} files]",
        human_bytes(s.bytes_done),
        human_bytes(s.bytes_total),
        human_bytes(s.rate as u64),
        s.files_done,
        s.files_total
    )
}

/// The closing line: on a terminal, with `-v`, or when something failed.
fn print_summary(s: &JobSummary, verbose: u8) {
    let secs = s.elapsed.as_secs_f64().max(0.001);
    let resumed = if s.resumed > 0 {
        format!(", {} of it already there", human_bytes(s.resumed))
    } else {
        String::new()
    };
    // The rate is what this run carried: a resumed prefix took no time.
    let mut line = format!(
        "ferry: {} file{} ({}{resumed}) in {:.1} s, {}/s",
        s.files_done,
        if s.files_done == 1 { "" } else { "s" },
        human_bytes(s.bytes),
        secs,
        human_bytes((s.moved as f64 / secs) as u64)
    );
    if s.files_skipped > 0 {
        line += &format!("; {} skipped", s.files_skipped);
    }
    if s.files_failed > 0 {
        line += &format!("; {} FAILED", s.files_failed);
    }
    if s.files_failed > 0 || verbose > 0 || std::io::stderr().is_terminal() {
        eprintln!("{line}");
    }
}
