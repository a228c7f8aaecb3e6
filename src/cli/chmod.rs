//! `ferry chmod [-R] MODE ADDRESS...`: set permission bits on the server, as coreutils' `chmod`
//! does (MODE in `mode.rs`). A symlink named on the command line has its target changed (SETSTAT
//! follows links); with `-R`, links inside a folder are skipped and never followed
//! (`fs::chmod_tree_with`).

use std::process::ExitCode;

use clap::Args;

use crate::cli::CommonArgs;
use crate::cli::mode::Mode;
use crate::cli::remote::{Remotes, Report};
use ferry_engine::error::Result;
use ferry_engine::fs::entry::Kind;
use ferry_engine::fs::{FileSystem, chmod_tree_with};

#[derive(Debug, Args)]
pub struct ChmodArgs {
    /// Change folders and everything in them (symlinks inside are not followed).
    #[arg(short = 'R', long)]
    pub recursive: bool,
    /// Octal (755) or symbolic (u+x,go-w) as chmod takes it.
    #[arg(value_name = "MODE", allow_hyphen_values = true)]
    pub mode: String,
    /// sftp://[user@]host[:port]/path, [user@]host:path or SITE:path, one or more (the last part
    /// may be a glob like *.sh).
    #[arg(required = true, value_name = "ADDRESS")]
    pub paths: Vec<String>,
}

pub async fn run(common: &CommonArgs, args: ChmodArgs) -> Result<ExitCode> {
    let mut report = Report::new("chmod");
    let mode = match Mode::parse(&args.mode) {
        Ok(m) => m,
        Err(why) => {
            report.say(&why);
            return Ok(report.exit());
        }
    };
    let mut remotes = Remotes::new(common);
    for input in &args.paths {
        let found = match remotes.expand(input).await {
            Ok(found) => found,
            Err(e) => {
                report.error(&e);
                continue;
            }
        };
        for at in found {
            let fs = remotes.fs(at.server);
            let done = async {
                let top = fs.lstat(&at.path).await?;
                if args.recursive && top.kind == Kind::Dir {
                    let of = |perms: u32, kind: Kind| mode.apply(perms, kind == Kind::Dir);
                    return chmod_tree_with(fs, &at.path, true, &of).await.map(|_| ());
                }
                // What the name leads to (a link's target), as SETSTAT changes that.
                let target = fs.stat(&at.path).await?;
                let old = target.perms.unwrap_or(0) & 0o7777;
                fs.chmod(&at.path, mode.apply(old, target.kind == Kind::Dir))
                    .await
            };
            if let Err(e) = done.await {
                report.error(&e);
            }
        }
    }
    remotes.close().await;
    Ok(report.exit())
}
