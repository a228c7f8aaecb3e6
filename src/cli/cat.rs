//! `ferry cat ADDRESS...`: remote files to standard output, one after the other, streamed as they
//! arrive (several reads in flight, never a whole file in memory: `SftpFs::read_to`). Output
//! closed early (`| head`) ends the run quietly, as `cat` does.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use crate::cli::CommonArgs;
use crate::cli::remote::{Remotes, Report, quoted};
use ferry_engine::error::Result;
use ferry_engine::fs::FileSystem;
use ferry_engine::fs::entry::Kind;

#[derive(Debug, Args)]
pub struct CatArgs {
    /// sftp://[user@]host[:port]/path, [user@]host:path or SITE:path, one or more (the last part
    /// may be a glob like *.log).
    #[arg(required = true, value_name = "ADDRESS")]
    pub paths: Vec<String>,
}

pub async fn run(common: &CommonArgs, args: CatArgs) -> Result<ExitCode> {
    let mut remotes = Remotes::new(common);
    let mut report = Report::new("cat");
    let mut out = std::io::stdout();
    let mut closed = false;
    'inputs: for input in &args.paths {
        let found = match remotes.expand(input).await {
            Ok(found) => found,
            Err(e) => {
                report.error(&e);
                continue;
            }
        };
        for at in found {
            let fs = remotes.fs(at.server);
            match fs.stat(&at.path).await {
                Ok(e) if e.kind == Kind::Dir => {
                    report.say(&format!("{}: is a folder", quoted(&at.path)));
                    continue;
                }
                Ok(_) => {}
                Err(e) => {
                    report.error(&e);
                    continue;
                }
            }
            let mut sink = |data: &[u8]| {
                let ok = out.write_all(data).is_ok();
                closed |= !ok;
                ok
            };
            let read = fs.read_to(&at.path, &mut sink).await;
            if out.flush().is_err() {
                closed = true;
            }
            if closed {
                break 'inputs;
            }
            if let Err(e) = read {
                report.error(&e);
            }
        }
    }
    remotes.close().await;
    Ok(report.exit())
}
