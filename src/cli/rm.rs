//! `ferry rm [-r] [-f] ADDRESS...`: remove remote files, and with `-r` folders and everything in
//! them, as coreutils' `rm` does. The tree delete is the engine's pipelined one
//! (`fs::remove::remove_tree`: many requests in flight, symlinks removed and never followed,
//! nothing outside the given path). `-f` says nothing about what does not exist. `/`, the home
//! folder and a path ending in `.` or `..` are refused.

use std::process::ExitCode;

use clap::Args;

use crate::cli::CommonArgs;
use crate::cli::remote::{Remotes, Report, quoted};
use ferry_engine::error::{Error, Result};
use futures::StreamExt;

use ferry_engine::fs::FileSystem;
use ferry_engine::fs::entry::Kind;
use ferry_engine::fs::path::FsPath;
use ferry_engine::fs::remove::{IN_FLIGHT, remove_tree};

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Remove folders and everything in them (symlinks are removed, not followed).
    #[arg(short = 'r', short_alias = 'R', long)]
    pub recursive: bool,
    /// Ignore files that do not exist; no error for a glob that matches nothing.
    #[arg(short = 'f', long)]
    pub force: bool,
    /// sftp://[user@]host[:port]/path, [user@]host:path or SITE:path, one or more (the last part
    /// may be a glob like *.log).
    #[arg(required = true, value_name = "ADDRESS")]
    pub paths: Vec<String>,
}

/// True when the last part of what was typed is `.` or `..` (refused, as coreutils does).
fn ends_in_dots(input: &str) -> bool {
    let tail = input.trim_end_matches('/');
    let last = tail.rsplit(['/', ':']).next().unwrap_or(tail);
    (last == "." || last == "..") && tail.len() > last.len()
}

/// Paths of one argument (a glob's matches) removed at once.
const PATHS_AT_ONCE: usize = 16;

pub async fn run(common: &CommonArgs, args: RmArgs) -> Result<ExitCode> {
    let mut remotes = Remotes::new(common);
    let mut report = Report::new("rm");
    for input in &args.paths {
        if ends_in_dots(input) {
            report.say(&format!("refusing to remove '.' or '..': {input}"));
            continue;
        }
        let found = match remotes.expand(input).await {
            Ok(found) => found,
            Err(Error::NotFound { .. }) if args.force => continue,
            Err(e) => {
                report.error(&e);
                continue;
            }
        };
        let Some(server) = found.first().map(|at| at.server) else {
            continue;
        };
        let fs = remotes.fs(server);
        let home = fs.home().await.ok();
        let mut done = futures::stream::iter(found)
            .map(|at| remove_one(fs, at.path, &args, home.as_ref()))
            .buffered(PATHS_AT_ONCE);
        while let Some(failures) = done.next().await {
            for f in failures {
                match f {
                    Failure::Error(e) => report.error(&e),
                    Failure::Said(text) => report.say(&text),
                }
            }
        }
    }
    remotes.close().await;
    Ok(report.exit())
}

enum Failure {
    Error(Error),
    Said(String),
}

/// Removes one path (a tree with `-r`); what failed, in order.
async fn remove_one(
    fs: &dyn FileSystem,
    path: FsPath,
    args: &RmArgs,
    home: Option<&FsPath>,
) -> Vec<Failure> {
    let missing = |e: &Error| args.force && matches!(e, Error::NotFound { .. });
    if path.file_name().is_none() {
        return vec![Failure::Said("refusing to remove '/'".into())];
    }
    if home == Some(&path) {
        return vec![Failure::Said(format!(
            "refusing to remove the home folder {}",
            quoted(&path)
        ))];
    }
    let entry = match fs.lstat(&path).await {
        Ok(e) => e,
        Err(e) if missing(&e) => return Vec::new(),
        Err(e) => return vec![Failure::Error(e)],
    };
    if entry.kind != Kind::Dir {
        return match fs.remove_file(&path).await {
            Ok(()) => Vec::new(),
            Err(e) if missing(&e) => Vec::new(),
            Err(e) => vec![Failure::Error(e)],
        };
    }
    if !args.recursive {
        return vec![Failure::Said(format!(
            "cannot remove {}: it is a folder (use -r)",
            quoted(&path)
        ))];
    }
    match remove_tree(fs, &path, IN_FLIGHT).await {
        Ok(removed) => {
            tracing::info!(
                "{path}: removed {} files and {} folders",
                removed.files,
                removed.dirs
            );
            removed
                .failed
                .into_iter()
                .filter(|e| !missing(e))
                .map(Failure::Error)
                .collect()
        }
        Err(e) if missing(&e) => Vec::new(),
        Err(e) => vec![Failure::Error(e)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dots_are_refused() {
        for yes in [
            "h:.",
            "h:..",
            "h:/a/..",
            "h:/a/./",
            "sftp://h/a/..",
            "s:x/.",
        ] {
            assert!(ends_in_dots(yes), "{yes}");
        }
        for no in ["h:/a/..b", "h:/a/.x", "h:/.hidden", "h:a"] {
            assert!(!ends_in_dots(no), "{no}");
        }
    }
}
