//! How a proxy command line is run: through the shell, as OpenSSH runs it (`$SHELL -c "exec
//! LINE"`, `/bin/sh` when `$SHELL` is unset), or `cmd /C LINE` on Windows. The one place that
//! differs by system.

use tokio::process::Command;

#[cfg(unix)]
pub(super) fn command(line: &str) -> Command {
    let shell = std::env::var_os("SHELL")
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "/bin/sh".into());
    let mut cmd = Command::new(shell);
    cmd.arg("-c").arg(format!("exec {line}"));
    cmd
}

#[cfg(windows)]
pub(super) fn command(line: &str) -> Command {
    let mut cmd = Command::new("cmd");
    // As typed: cmd parses its own command line, Rust's quoting would change it.
    cmd.arg("/C").raw_arg(line);
    cmd
}
