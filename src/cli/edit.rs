//! `ferry edit [--editor CMD] URL`: a server's file opened in an editor, each save uploaded as it
//! happens (the engine's `edit` session: a private copy, a watch on its folder, uploads through
//! the transfer engine, a conflict check before each). It waits for the editor to exit and exits
//! 0 when every save is on the server. A conflict (the server's copy changed meanwhile) is never
//! overwritten: the edit is kept in a file beside the private copy, named in the error.
//!
//! Everything that can be refused is refused before the editor opens: no editor, one that cannot
//! be started, a folder, a file that cannot be read; a file over 100 MiB or a binary one asks first
//! (at a terminal; without one, only `--yes` goes on). A file the login may not write opens
//! read-only, and says so. Ctrl-C stops waiting (status 130): the last save is uploaded and the
//! copy kept, since an editor may still have it open.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use crate::cli::CommonArgs;
use crate::cli::common::resolve;
use crate::cli::prompt::ask_line;
use crate::cli::say;
use ferry_engine::dirs::AppDirs;
use ferry_engine::edit::{self, EditOptions, EditRoot, EditSession, Finished, Synced};
use ferry_engine::error::{Error, Result};
use ferry_engine::transfer::progress::human_bytes;

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The editor, run with the local copy's path added (words split as a shell would, no shell
    /// run) [default: $VISUAL, then $EDITOR].
    #[arg(long, value_name = "CMD")]
    pub editor: Option<String>,
    /// Edit a file over 100 MiB or a binary file without asking.
    #[arg(short = 'y', long)]
    pub yes: bool,
    /// sftp://[user@]host[:port]/path, [user@]host:path or SITE:path
    #[arg(value_name = "URL")]
    pub url: String,
}

/// A refusal in this command's words, and the failure exit.
fn refuse(text: &str) -> ExitCode {
    eprintln!("ferry: edit: {text}");
    ExitCode::FAILURE
}

/// The editor's words: `--editor`, else `$VISUAL`, else `$EDITOR`.
fn editor_words(given: Option<&str>) -> std::result::Result<Vec<String>, String> {
    let (cmd, from) = match given {
        Some(c) => (c.to_string(), "--editor"),
        None => match (std::env::var("VISUAL"), std::env::var("EDITOR")) {
            (Ok(v), _) if !v.trim().is_empty() => (v, "$VISUAL"),
            (_, Ok(e)) if !e.trim().is_empty() => (e, "$EDITOR"),
            _ => {
                return Err("no editor: pass --editor CMD, or set $VISUAL or $EDITOR".to_string());
            }
        },
    };
    match shlex::split(&cmd) {
        Some(words) if !words.is_empty() => Ok(words),
        _ => Err(format!(
            "cannot read the editor command {from} '{cmd}' (an unclosed quote?)"
        )),
    }
}

/// Where `program` would be run from, as a shell finds it; `None` when nothing can be run.
fn find_program(program: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let runnable = |p: &Path| {
        std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    };
    if program.contains('/') {
        let p = PathBuf::from(program);
        return runnable(&p).then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| runnable(p))
}

/// Asks whether to go on (`--yes` says yes; without a terminal, no).
async fn go_on(why: &str, yes: bool) -> bool {
    if yes {
        return true;
    }
    if !std::io::stdin().is_terminal() {
        eprintln!("ferry: edit: {why}; pass --yes to edit it anyway");
        return false;
    }
    let answer = ask_line(format!("ferry: edit: {why}. Edit it anyway? [y/N] ")).await;
    matches!(answer.as_deref().map(str::trim), Some("y" | "Y" | "yes"))
}

/// The debounce time: `FERRY_EDIT_DEBOUNCE_MS` (for tests), else the engine's.
fn options() -> EditOptions {
    let debounce = std::env::var("FERRY_EDIT_DEBOUNCE_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(Duration::from_millis)
        .unwrap_or(edit::DEFAULT_DEBOUNCE);
    EditOptions { debounce }
}

pub async fn run(common: &CommonArgs, args: EditArgs) -> Result<ExitCode> {
    let words = match editor_words(args.editor.as_deref()) {
        Ok(w) => w,
        Err(why) => return Ok(refuse(&why)),
    };
    let Some(program) = find_program(&words[0]) else {
        return Ok(refuse(&format!(
            "cannot start the editor '{}': no such program (or it is not executable)",
            words[0]
        )));
    };
    let address = resolve(common, &args.url).await?;
    let pool = crate::cli::transfer::pool(common, address.opts, Some(1));
    let link = pool.get(0).await?;
    let remote = address.path.resolve(&link.sftp).await?;
    drop(link);
    let result = edit_file(common, &args, &words, &program, pool.clone(), remote).await;
    pool.close().await;
    result
}

async fn edit_file(
    common: &CommonArgs,
    args: &EditArgs,
    words: &[String],
    program: &Path,
    pool: std::sync::Arc<ferry_engine::transfer::Pool>,
    remote: ferry_engine::fs::path::FsPath,
) -> Result<ExitCode> {
    let inspection = edit::inspect(&pool, &remote).await?;
    if inspection.size > edit::LARGE {
        let why = format!("{remote} is {}", human_bytes(inspection.size));
        if !go_on(&why, args.yes).await {
            return Ok(ExitCode::FAILURE);
        }
    }
    let dirs = AppDirs::new(common.config_dir.as_deref());
    let root = EditRoot::create(&dirs.cache)?;
    let mut session = EditSession::open(&root, pool, &inspection, options()).await?;
    if session.looks_binary()
        && !go_on(&format!("{remote} looks like a binary file"), args.yes).await
    {
        session.finish();
        return Ok(ExitCode::FAILURE);
    }
    if session.read_only() {
        eprintln!(
            "ferry: edit: you may not write {remote} on the server: it opens read-only, and saves are not uploaded"
        );
    }
    let mut watch = session.watch()?;
    let mut child = match tokio::process::Command::new(program)
        .args(&words[1..])
        .arg(session.local_path())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => {
            session.finish();
            return Ok(refuse(&format!(
                "cannot start the editor '{}': {e}",
                words[0]
            )));
        }
    };
    let mut said_conflict = false;
    let mut failed_edit = false;
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    let mut interrupted = false;
    let status = loop {
        tokio::select! {
            status = child.wait() => break status,
            stop = &mut ctrl_c, if !interrupted => {
                if stop.is_ok() {
                    // A GUI editor may go on without us: its copy is not deleted under it.
                    interrupted = true;
                    break Ok(std::process::ExitStatus::default());
                }
            }
            change = watch.next() => {
                if change.is_none() {
                    // The watch ended: the editor's exit still settles the last save.
                    break child.wait().await;
                }
                say_sync(session.sync().await, &session, &mut said_conflict);
            }
        }
    };
    drop(watch);
    match status {
        Ok(s) if !s.success() => {
            eprintln!("ferry: edit: the editor exited with {s}");
            failed_edit = true;
        }
        Ok(_) => {}
        Err(e) => {
            eprintln!("ferry: edit: waiting for the editor failed: {e}");
            failed_edit = true;
        }
    }
    // The last save, whether or not the watch has reported it yet (a lost connection: tried
    // again, the pool reopening it).
    for attempt in 0..3 {
        let got = session.sync().await;
        let again = matches!(
            &got,
            Err(Error::ConnectionLost { .. } | Error::Timeout { .. })
        );
        say_sync(got, &session, &mut said_conflict);
        if !again || attempt == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    if interrupted && session.conflict().is_none() {
        let kept = session.local_path().display().to_string();
        let on_server = !session.pending() && session.conflict().is_none();
        drop(session);
        eprintln!(
            "ferry: edit: stopped{}; later saves are not uploaded, and the copy is kept in {kept}",
            if on_server {
                " (every save so far is on the server)"
            } else {
                ""
            }
        );
        return Ok(ExitCode::from(130));
    }
    if let Some(conflict) = session.conflict().cloned() {
        let kept = session.keep_mine()?;
        let what = match conflict.now {
            None => "was removed from the server",
            Some(_) => "changed on the server",
        };
        session.finish();
        return Ok(refuse(&format!(
            "{} {what} since it was opened: your edit was not uploaded (the server's copy is untouched) and is kept in {}",
            conflict.remote,
            kept.display()
        )));
    }
    let read_only = session.read_only();
    match session.finish() {
        Finished::Removed if !failed_edit => Ok(ExitCode::SUCCESS),
        Finished::Removed => Ok(ExitCode::FAILURE),
        Finished::Kept(path) if read_only => Ok(refuse(&format!(
            "{remote} is read-only on the server: your edit was not uploaded and is kept in {}",
            path.display()
        ))),
        Finished::Kept(path) => Ok(refuse(&format!(
            "your last save of {remote} is not on the server; it is kept in {}",
            path.display()
        ))),
    }
}

/// Says what one look at the copy did.
fn say_sync(got: Result<Synced>, session: &EditSession, said_conflict: &mut bool) {
    match got {
        Ok(Synced::Uploaded { remote, bytes }) => {
            eprintln!("ferry: edit: uploaded {remote} ({})", human_bytes(bytes))
        }
        Ok(Synced::Conflict(c)) if !*said_conflict => {
            *said_conflict = true;
            eprintln!(
                "ferry: edit: {} changed on the server since it was opened: not uploading over it (your edit will be kept)",
                c.remote
            );
        }
        Ok(_) => {}
        Err(e) => eprintln!(
            "ferry: edit: {} not uploaded: {}",
            session.remote(),
            say::error(&e)
        ),
    }
}
