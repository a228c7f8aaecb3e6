// A GUI program on Windows: no console window when double-clicked (the CLI attaches to its shell's).
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().collect();
    #[cfg(windows)]
    if args.len() > 1 {
        ferry::cli::attach_console();
    }
    let cli = ferry::cli::parse(args);
    if cli.command.is_none() {
        return ferry::gui::run(cli.common.gui_options(), cli.open, cli.demo);
    }
    ferry::cli::run(cli)
}
