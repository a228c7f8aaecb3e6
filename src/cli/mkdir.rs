//! `ferry mkdir [-p] ADDRESS...`: make remote folders, as coreutils' `mkdir` does. With `-p`, the
//! missing folders above are made too and one that already exists is no error.

use std::process::ExitCode;

use clap::Args;

use crate::cli::CommonArgs;
use crate::cli::remote::{Remotes, Report, quoted};
use ferry_engine::error::{Error, Result};
use ferry_engine::fs::FileSystem;
use ferry_engine::fs::entry::Kind;
use ferry_engine::fs::path::FsPath;

#[derive(Debug, Args)]
pub struct MkdirArgs {
    /// Make the folders above as needed; no error when a folder exists.
    #[arg(short = 'p', long)]
    pub parents: bool,
    /// sftp://[user@]host[:port]/path, [user@]host:path or SITE:path, one or more.
    #[arg(required = true, value_name = "ADDRESS")]
    pub paths: Vec<String>,
}

pub async fn run(common: &CommonArgs, args: MkdirArgs) -> Result<ExitCode> {
    let mut remotes = Remotes::new(common);
    let mut report = Report::new("mkdir");
    for input in &args.paths {
        let at = match remotes.at(input).await {
            Ok(at) => at,
            Err(e) => {
                report.error(&e);
                continue;
            }
        };
        let fs = remotes.fs(at.server);
        let made = if args.parents {
            make_parents(fs, &at.path).await
        } else {
            fs.mkdir(&at.path).await
        };
        match made {
            Ok(()) => {}
            Err(Error::AlreadyExists { .. }) => report.say(&format!(
                "cannot create folder {}: it already exists",
                quoted(&at.path)
            )),
            Err(e) => report.error(&e),
        }
    }
    remotes.close().await;
    Ok(report.exit())
}

/// `mkdir -p`: each missing folder from the top down; an existing folder is fine, anything else
/// in the way is an error.
async fn make_parents(fs: &dyn FileSystem, path: &FsPath) -> Result<()> {
    for dir in &path.normalized().ancestors() {
        match fs.stat(dir).await {
            Ok(e) if e.kind == Kind::Dir => continue,
            Ok(_) => {
                return Err(Error::AlreadyExists {
                    path: dir.to_string(),
                });
            }
            Err(Error::NotFound { .. }) => {}
            Err(e) => return Err(e),
        }
        match fs.mkdir(dir).await {
            Ok(()) => {}
            // Made meanwhile by someone else: fine if it is a folder.
            Err(Error::AlreadyExists { .. })
                if fs.stat(dir).await.is_ok_and(|e| e.kind == Kind::Dir) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
