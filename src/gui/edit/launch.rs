//! Opening a file in a program: the editor a person chose in Settings (its words, then the path;
//! no shell runs), or the OS's default app for the file's type. The program is not waited for
//! (an editor may keep running after Ferry), only reaped when it exits.

use std::path::{Path, PathBuf};

/// Starts `command` (words as a shell would split them; empty: the OS's default app) on `path`.
/// The error is a sentence for the window.
pub async fn open(command: String, path: PathBuf) -> Result<(), String> {
    let words = if command.trim().is_empty() {
        default_app()
    } else {
        shlex::split(&command)
            .filter(|w| !w.is_empty())
            .ok_or_else(|| {
                crate::gui::text::t!("edit-editor-unreadable", editor = command.as_str())
            })?
    };
    spawn(&words, &path)
}

fn spawn(words: &[String], path: &Path) -> Result<(), String> {
    let mut child = tokio::process::Command::new(&words[0])
        .args(&words[1..])
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| {
            crate::gui::text::t!(
                "edit-cannot-start",
                editor = words[0].as_str(),
                error = e.to_string()
            )
        })?;
    tokio::spawn(async move {
        let _ = child.wait().await;
    });
    Ok(())
}

/// The OS's opener of a file with its default app.
fn default_app() -> Vec<String> {
    let words: &[&str] = if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        // `start`'s first quoted word is a window title.
        &["cmd", "/C", "start", ""]
    } else {
        &["xdg-open"]
    };
    words.iter().map(|w| w.to_string()).collect()
}
