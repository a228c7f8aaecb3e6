//! `ferry queue`: the unfinished work of the saved queue (`queue.json` in the data folder, which the
//! window and `ferry get`/`put` record their jobs in). `list` (the default) says what each job
//! copies, from where to where and how far it got; `run` runs them again, oldest first, continuing
//! their partial files and logging in as for any address (a saved site's keyring entry, keys and
//! the agent, a prompt); `clear` forgets them.

use std::process::ExitCode;

use clap::{Args, Subcommand};

use crate::cli::CommonArgs;
use crate::cli::common::{connect_options, resolve};
use crate::cli::say;
use crate::cli::transfer::{open_queue, pool, run};
use ferry_engine::dirs::AppDirs;
use ferry_engine::error::Result;
use ferry_engine::fs::name::escape_for_display;
use ferry_engine::fs::path::FsPath;
use ferry_engine::sites::Sites;
use ferry_engine::ssh::ConnectOptions;
use ferry_engine::transfer::manager::{self, Work};
use ferry_engine::transfer::progress::human_bytes;
use ferry_engine::transfer::queue::{JobState, SavedJob, SiteRef};
use ferry_engine::transfer::{Direction, JobSpec, TransferOptions};
use ferry_engine::url::{RemoteStart, Target};

#[derive(Debug, Args)]
pub struct QueueArgs {
    #[command(subcommand)]
    pub action: Option<Action>,
}

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Print the unfinished jobs: what, from where to where, how far (the default).
    List,
    /// Run the unfinished jobs again, continuing their partial files.
    Run(RunArgs),
    /// Forget every job in the queue (partial files stay where they are).
    Clear,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Files copied at once (1-32).
    #[arg(short = 'j', long = "jobs", value_name = "N", default_value_t = 32)]
    pub jobs: usize,
    /// SSH connections to use (1-16) [default: 4, each opened only when it pays off].
    #[arg(long, value_name = "M")]
    pub connections: Option<usize>,
}

pub async fn run_queue(common: &CommonArgs, args: QueueArgs) -> Result<ExitCode> {
    let Some(queue) = open_queue(common).await else {
        return Ok(ExitCode::FAILURE);
    };
    match args.action.unwrap_or(Action::List) {
        Action::List => {
            let jobs = manager::store::unfinished(&queue);
            if jobs.is_empty() {
                eprintln!("ferry: no unfinished transfers");
            }
            for job in &jobs {
                if manager::store::running_elsewhere(&queue, job.id) {
                    println!("{} (running in another Ferry)", describe(job));
                } else {
                    println!("{}", describe(job));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Action::Clear => {
            let count = manager::store::unfinished(&queue).len();
            manager::store::clear(&queue).await?;
            eprintln!("ferry: forgot {count} unfinished transfer(s)");
            Ok(ExitCode::SUCCESS)
        }
        Action::Run(r) => {
            let jobs = manager::store::runnable(&queue);
            if jobs.is_empty() {
                eprintln!("ferry: no unfinished transfers");
            }
            let mut code = ExitCode::SUCCESS;
            for job in jobs {
                eprintln!("ferry: continuing {}", describe(&job));
                match run_one(common, &queue, &job, &r).await {
                    Ok(c) if c == ExitCode::SUCCESS => {}
                    Ok(c) => code = c,
                    Err(e) => {
                        eprintln!("ferry: {}", say::error(&e));
                        code = ExitCode::FAILURE;
                    }
                }
            }
            Ok(code)
        }
    }
}

async fn run_one(
    common: &CommonArgs,
    queue: &manager::SharedQueue,
    job: &SavedJob,
    r: &RunArgs,
) -> Result<ExitCode> {
    // A job of the window's that asked about conflicts continues what is there (the manager
    // records that): nobody is asked here. Any other keeps its choice (a leftover partial file
    // is continued under every one).
    let opts = login(common, &job.site).await?;
    let pool = pool(common, opts, r.connections);
    let topts = TransferOptions {
        parallel_files: r.jobs.clamp(1, 32),
        ..Default::default()
    };
    // The options the job was started with (-p, --follow-links, --max-entries) were saved with
    // it and apply again.
    run(
        pool,
        Work::Saved(queue.clone(), job.id),
        topts,
        common.verbose,
    )
    .await
}

/// How to log in to a job's server: as its saved site when one has this host, port and user (its
/// keyring entry, key file, method), else as the address `user@host:port` would.
async fn login(common: &CommonArgs, site: &SiteRef) -> Result<ConnectOptions> {
    let dirs = AppDirs::new(common.config_dir.as_deref());
    let path = Sites::path_in(&dirs.config);
    let saved = ferry_engine::fs::local::blocking(move || Sites::load(&path))
        .await
        .ok()
        .and_then(|list| {
            list.sites
                .iter()
                .find(|s| s.host == site.host && s.port == site.port && s.user == site.user)
                .map(|s| s.full_name())
        });
    if let Some(name) = saved.filter(|n| !n.contains(':')) {
        return Ok(resolve(common, &format!("{name}:")).await?.opts);
    }
    let target = Target {
        user: Some(site.user.clone()),
        host: site.host.clone(),
        port: site.port,
        path: RemoteStart::Home(String::new()),
    };
    connect_options(common, &target)
}

fn shown(p: &FsPath) -> String {
    escape_for_display(&p.display_lossy())
}

/// One line for a job: its id, direction, sources, destination and how far it got.
fn describe(job: &SavedJob) -> String {
    let server = format!(
        "{}@{}",
        escape_for_display(&job.site.user),
        escape_for_display(&ferry_engine::ssh::display_host(
            &job.site.host,
            job.site.port
        ))
    );
    let mut parts = Vec::new();
    for spec in &job.specs {
        let spec = JobSpec::from(spec);
        let sources: Vec<String> = spec.sources.iter().map(shown).collect();
        let dest = match (&spec.dest_name, spec.sources.len()) {
            (Some(n), 1) => spec
                .dest_dir
                .join(n)
                .map(|p| shown(&p))
                .unwrap_or_else(|_| shown(&spec.dest_dir)),
            _ => format!("{}/", shown(&spec.dest_dir).trim_end_matches('/')),
        };
        let (what, from, to) = match spec.direction {
            Direction::Download => ("download", format!("{server}:"), String::new()),
            Direction::Upload => ("upload", String::new(), format!("{server}:")),
        };
        parts.push(format!("{what} {from}{} -> {to}{dest}", sources.join(", ")));
    }
    let far = match job.progress {
        Some(p) if p.bytes_total > 0 => format!(
            "{} of {} ({:.0}%), {} of {} file(s)",
            human_bytes(p.bytes_done),
            human_bytes(p.bytes_total),
            p.bytes_done as f64 * 100.0 / p.bytes_total as f64,
            p.files_done,
            p.files_total
        ),
        Some(p) => format!("{} of {} file(s)", p.files_done, p.files_total),
        None => "not started".to_string(),
    };
    let state = match job.state {
        JobState::Paused => ", paused",
        _ => "",
    };
    format!("{}  {}  [{far}{state}]", job.id, parts.join("; "))
}
