//! ProxyCommand: the SSH session runs over a command's standard input and output, as OpenSSH's
//! `ProxyCommand ssh -W %h:%p gate` does.
//!
//! The command's `%h`, `%p`, `%r` and `%n` become the host, port, user and host as named (here
//! the same as `%h`), `%%` a literal `%`; any other `%` is refused before anything runs. On Unix it
//! runs as OpenSSH runs it, `exec COMMAND` through `$SHELL -c` (`/bin/sh` when unset); on Windows
//! through `cmd /C` (`shell.rs`). Its standard error is logged line by line and its last line kept:
//! a command that ends before the SSH session is up is reported with its exit status and that
//! line. The process lives as long as the stream and is killed when the session drops it.

mod shell;

use std::io;
use std::pin::Pin;
use std::process::{ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, BufReader, ReadBuf};
use tokio::process::{Child, ChildStdin, ChildStdout};
use tokio::sync::oneshot;

use crate::error::{Error, Result};

/// How long to wait, once the SSH handshake failed, for the command's exit to be known.
const EXIT_GRACE: Duration = Duration::from_secs(2);

/// How long a command whose stream was dropped has to end by itself before it is killed.
const OWN_END: Duration = Duration::from_millis(500);

/// Checks that every `%` of `template` is one the expansion knows.
pub(super) fn check(template: &str) -> Result<()> {
    expand(template, "h", 22, "u").map(|_| ())
}

/// `template` with `%h`, `%n` (the host), `%p` (the port), `%r` (the user) and `%%` replaced.
pub(super) fn expand(template: &str, host: &str, port: u16, user: &str) -> Result<String> {
    let mut out = String::with_capacity(template.len());
    let mut chars = template.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('h' | 'n') => out.push_str(host),
            Some('p') => out.push_str(&port.to_string()),
            Some('r') => out.push_str(user),
            Some('%') => out.push('%'),
            other => {
                let token = other.map(|c| format!("%{c}")).unwrap_or("%".into());
                return Err(Error::ProxyCommandInvalid {
                    command: template.to_string(),
                    reason: format!("{token} is not one of %h, %p, %r, %n and %%"),
                });
            }
        }
    }
    if out.trim().is_empty() {
        return Err(Error::ProxyCommandInvalid {
            command: template.to_string(),
            reason: "it is empty".into(),
        });
    }
    Ok(out)
}

/// A running proxy command: the stream the SSH session runs over, and what became of it.
pub(super) struct Started {
    pub stream: Piped,
    pub outcome: Outcome,
}

/// Starts `command` (already expanded) with its standard input and output piped.
pub(super) fn start(command: &str) -> Result<Started> {
    let mut child = shell::command(command)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| Error::ProxyCommandEnded {
            command: command.to_string(),
            detail: format!("it could not be started: {e}"),
        })?;
    let (Some(stdin), Some(stdout), Some(stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        unreachable!("all three were asked to be piped");
    };
    let last_line = Arc::new(Mutex::new(String::new()));
    tokio::spawn(keep_last_line(stderr, last_line.clone()));
    let (dropped, watch) = oneshot::channel();
    let (exit_tx, exit) = oneshot::channel();
    tokio::spawn(watch_exit(child, watch, exit_tx));
    Ok(Started {
        stream: Piped {
            stdin,
            stdout,
            _dropped: dropped,
        },
        outcome: Outcome {
            command: command.to_string(),
            exit,
            last_line,
        },
    })
}

/// Waits for the command to end on its own, or ends it once its stream is dropped: it is given a
/// moment to finish by itself first (its output may have ended just before its exit). Sends the
/// status when it ended on its own (a command killed here reports nothing).
async fn watch_exit(
    mut child: Child,
    dropped: oneshot::Receiver<()>,
    exit: oneshot::Sender<ExitStatus>,
) {
    tokio::select! {
        status = child.wait() => {
            if let Ok(status) = status {
                let _ = exit.send(status);
            }
        }
        _ = dropped => {
            if let Ok(Ok(status)) = tokio::time::timeout(OWN_END, child.wait()).await {
                let _ = exit.send(status);
                return;
            }
            let _ = child.start_kill();
            let _ = child.wait().await;
        }
    }
}

/// Logs each line of the command's standard error and keeps the last non-empty one.
async fn keep_last_line(stderr: tokio::process::ChildStderr, last: Arc<Mutex<String>>) {
    let mut lines = BufReader::new(stderr).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        let shown = crate::display::escape_for_display(line.trim_end());
        tracing::info!("proxy command: {shown}");
        if !shown.trim().is_empty()
            && let Ok(mut slot) = last.lock()
        {
            *slot = shown;
        }
    }
}

/// What a failed SSH handshake over the command means.
pub(super) struct Outcome {
    command: String,
    exit: oneshot::Receiver<ExitStatus>,
    last_line: Arc<Mutex<String>>,
}

impl Outcome {
    /// `failure` as the person should read it: when the session's stream ended (not a refused
    /// host key or login), the command's own end (its status and last line of standard error);
    /// otherwise `failure` itself.
    pub async fn explain(self, failure: Error) -> Error {
        if !matches!(
            failure,
            Error::ConnectionLost { .. } | Error::Protocol { .. }
        ) {
            return failure;
        }
        let Ok(Ok(status)) = tokio::time::timeout(EXIT_GRACE, self.exit).await else {
            return failure;
        };
        // Let the last of its standard error be read.
        tokio::time::sleep(Duration::from_millis(50)).await;
        let line = self.last_line.lock().map(|l| l.clone()).unwrap_or_default();
        let ended = match status.code() {
            Some(code) => format!("exit status {code}"),
            None => format!("{status}"),
        };
        let detail = if line.is_empty() {
            format!("{ended}, nothing on its standard error")
        } else {
            format!("{ended}: {line}")
        };
        Error::ProxyCommandEnded {
            command: self.command,
            detail,
        }
    }
}

/// The command's standard output to read and standard input to write, as one stream. Dropping it
/// ends the command.
pub(super) struct Piped {
    stdin: ChildStdin,
    stdout: ChildStdout,
    _dropped: oneshot::Sender<()>,
}

impl AsyncRead for Piped {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stdout).poll_read(cx, buf)
    }
}

impl AsyncWrite for Piped {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stdin).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stdin).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stdin).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_the_tokens_openssh_does() {
        assert_eq!(
            expand("ssh -W %h:%p -l %r gate # 100%%", "db", 2222, "al").unwrap(),
            "ssh -W db:2222 -l al gate # 100%"
        );
        assert_eq!(expand("nc %n %p", "::1", 22, "u").unwrap(), "nc ::1 22");
        for bad in ["nc %h %d", "nc %h %", "  "] {
            let e = expand(bad, "h", 22, "u").unwrap_err();
            assert!(matches!(e, Error::ProxyCommandInvalid { .. }), "{bad}: {e}");
        }
    }
}
