//! `ferry completions bash|zsh|fish|…` (from `clap_complete`) and the hidden `ferry man [--dir
//! DIR]` (from `clap_mangen`): both made from the command line's own definition, so they never
//! drift from it. `packaging/linux/build-deb.sh` runs them on the built binary for the .deb.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::cli::Cli;
use ferry_engine::error::{Error, Result};

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write ferry.1 and a page per command (ferry-ls.1, …) into DIR instead of printing ferry.1.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn completions(args: CompletionsArgs) -> Result<ExitCode> {
    // Made whole first: clap_complete panics on a write error (output closed by `| head`).
    let mut text = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "ferry", &mut text);
    print(&text)
}

/// `bytes` to standard output; a reader that went away early is no error.
fn print(bytes: &[u8]) -> Result<ExitCode> {
    let mut out = std::io::stdout();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::from_local_io(
            &e,
            std::path::Path::new("standard output"),
        )),
        _ => Ok(ExitCode::SUCCESS),
    }
}

pub fn man(args: ManArgs) -> Result<ExitCode> {
    let io = |e: std::io::Error, path: &std::path::Path| Error::from_local_io(&e, path);
    let command = Cli::command();
    match args.dir {
        Some(dir) => {
            std::fs::create_dir_all(&dir).map_err(|e| io(e, &dir))?;
            clap_mangen::generate_to(command, &dir).map_err(|e| io(e, &dir))?;
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .map_err(|e| io(e, std::path::Path::new("standard output")))?;
            return print(&page);
        }
    }
    Ok(ExitCode::SUCCESS)
}
