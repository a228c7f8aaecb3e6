//! `ferry ls [-l] [-a] URL|SITE:/path`: list a remote folder (or one file), with client-side glob filtering
//! when the last part of the path is a pattern (`/var/log/*.log`).

use std::io::Write;
use std::process::ExitCode;
use std::time::SystemTime;

use clap::Args;

use crate::cli::CommonArgs;
use crate::cli::common;
use crate::cli::glob::{self, Glob};
use ferry_engine::error::Result;
use ferry_engine::fs::entry::{Entry, Kind, SortKey, sort_entries};
use ferry_engine::fs::path::FsPath;
use ferry_engine::fs::{FileSystem, ListOptions};

#[derive(Debug, Args)]
pub struct LsArgs {
    /// Long format: permissions, owner, group, size, modification time.
    #[arg(short = 'l')]
    pub long: bool,
    /// Show entries whose names start with '.'.
    #[arg(short = 'a')]
    pub all: bool,
    /// Stop with an error past this many entries (every entry the server sends counts).
    #[arg(long, value_name = "N", default_value_t = ferry_engine::fs::DEFAULT_LIST_CAP)]
    pub max_entries: usize,
    /// Stop with an error when listing takes longer than this (seconds).
    #[arg(long, value_name = "SECS", default_value_t = ferry_engine::fs::DEFAULT_LIST_TIME.as_secs())]
    pub max_list_secs: u64,
    /// sftp://[user@]host[:port]/path, [user@]host:path or SITE:path (~ = home; the last part may
    /// be a glob like *.log)
    pub url: String,
}

pub async fn run(common_args: &CommonArgs, args: LsArgs) -> Result<ExitCode> {
    let address = common::resolve(common_args, &args.url).await?;
    let link = common::open(&address.opts, common::sftp_options(common_args)).await?;
    let path = address.path.resolve(&link.sftp).await?;
    let opts = ListOptions {
        cap: args.max_entries,
        max_time: std::time::Duration::from_secs(args.max_list_secs.max(1)),
        resolve_links: args.long,
        ..ListOptions::default()
    };

    // A pattern in the last component filters its parent's listing.
    let glob = Glob::of(&path)?;
    let dir = glob
        .as_ref()
        .map_or_else(|| path.clone(), |g| g.dir.clone());
    let mut entries = if glob.is_none() && link.sftp.stat(&dir).await?.kind != Kind::Dir {
        vec![link.sftp.lstat(&dir).await?]
    } else {
        glob::list(&link.sftp, &dir, opts)
            .await?
            .into_iter()
            .filter(|e| match &glob {
                Some(g) => g.matches(e, args.all),
                None => args.all || !e.is_hidden(),
            })
            .collect()
    };
    link.close().await;
    sort_entries(&mut entries, SortKey::Name, false);
    print(&entries, args.long, &dir);
    Ok(ExitCode::SUCCESS)
}

fn print(entries: &[Entry], long: bool, _dir: &FsPath) {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let now = SystemTime::now();
    let (ow, gw, sw) = entries.iter().fold((1, 1, 1), |(o, g, s), e| {
        (
            o.max(e.owner.as_deref().unwrap_or("?").len()),
            g.max(e.group.as_deref().unwrap_or("?").len()),
            s.max(e.size.unwrap_or(0).to_string().len()),
        )
    });
    for e in entries {
        let mark = if e.exact {
            ""
        } else {
            "  [name is not valid UTF-8]"
        };
        let line = if long {
            let link = e
                .link_target
                .as_deref()
                .map(|t| format!(" -> {}", ferry_engine::fs::name::escape_for_display(t)))
                .unwrap_or_default();
            format!(
                "{} {:ow$} {:gw$} {:>sw$} {} {}{}{}",
                e.perms_string(),
                e.owner.as_deref().unwrap_or("?"),
                e.group.as_deref().unwrap_or("?"),
                e.size.unwrap_or(0),
                format_time(e.mtime, now),
                e.display,
                link,
                mark
            )
        } else {
            format!("{}{}", e.display, mark)
        };
        if writeln!(out, "{line}").is_err() {
            return; // stdout closed (e.g. piped into `head`)
        }
    }
}

/// `ls`-style time: `Mar  4 12:30` within six months, `Mar  4  2023` otherwise.
fn format_time(t: Option<SystemTime>, now: SystemTime) -> String {
    let Some(t) = t else {
        return "            ".to_string();
    };
    let local: chrono::DateTime<chrono::Local> = t.into();
    let recent = now
        .duration_since(t)
        .map(|d| d.as_secs() < 182 * 24 * 3600)
        .unwrap_or(true);
    if recent {
        local.format("%b %e %H:%M").to_string()
    } else {
        local.format("%b %e  %Y").to_string()
    }
}
