//! Settings → Editing: the editor a server's file opens in (one default, empty for the OS's
//! default app, plus one per extension), and whether a double-click on a text file edits it
//! instead of downloading it.

use iced::widget::{button, checkbox, column, row, text, text_input};
use iced::{Element, Length};
use serde::{Deserialize, Serialize};

use crate::gui::text::t;

/// One extension's editor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByExtension {
    /// Without the dot, compared without case.
    pub extension: String,
    pub command: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EditPrefs {
    /// Words as a shell would split them, the file's path added; empty: the OS's default app.
    pub editor: String,
    pub by_extension: Vec<ByExtension>,
    pub double_click_edits: bool,
}

/// Names whose type is text though their extension says nothing (or there is none).
const TEXT_NAMES: &[&str] = &[
    "makefile",
    "dockerfile",
    "readme",
    "license",
    "authorized_keys",
    "known_hosts",
    "crontab",
    ".bashrc",
    ".profile",
    ".htaccess",
    ".gitignore",
    ".env",
    ".vimrc",
    ".zshrc",
];

const TEXT_EXTENSIONS: &[&str] = &[
    "txt",
    "md",
    "markdown",
    "rst",
    "log",
    "csv",
    "tsv",
    "json",
    "yaml",
    "yml",
    "toml",
    "ini",
    "cfg",
    "conf",
    "config",
    "properties",
    "env",
    "xml",
    "html",
    "htm",
    "css",
    "scss",
    "js",
    "mjs",
    "ts",
    "tsx",
    "jsx",
    "vue",
    "php",
    "py",
    "rb",
    "pl",
    "pm",
    "sh",
    "bash",
    "zsh",
    "fish",
    "ps1",
    "bat",
    "c",
    "h",
    "cc",
    "cpp",
    "hpp",
    "cs",
    "java",
    "kt",
    "go",
    "rs",
    "swift",
    "sql",
    "lua",
    "r",
    "tex",
    "service",
    "timer",
    "socket",
    "desktop",
    "nginx",
    "tf",
    "gradle",
];

impl EditPrefs {
    /// The editor for a file named `name`: its extension's, else the default.
    pub fn editor_for(&self, name: &str) -> String {
        let ext = extension(name);
        self.by_extension
            .iter()
            .find(|b| {
                !b.extension.is_empty()
                    && ext.as_deref() == Some(&*b.extension.trim_start_matches('.').to_lowercase())
            })
            .map(|b| b.command.clone())
            .unwrap_or_else(|| self.editor.clone())
    }
}

fn extension(name: &str) -> Option<String> {
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty()).then(|| ext.to_lowercase())
}

/// Whether `name` looks like a text file (for the double-click choice).
pub fn is_text(name: &str) -> bool {
    let lower = name.to_lowercase();
    TEXT_NAMES.contains(&lower.as_str())
        || extension(&lower).is_some_and(|e| TEXT_EXTENSIONS.contains(&e.as_str()))
}

#[derive(Debug, Clone)]
pub enum Message {
    Editor(String),
    Extension(usize, String),
    Command(usize, String),
    Add,
    Remove(usize),
    DoubleClick(bool),
}

/// Applies `m` to `prefs`.
pub fn update(prefs: &mut EditPrefs, m: Message) {
    match m {
        Message::Editor(s) => prefs.editor = s,
        Message::Extension(i, s) => {
            if let Some(b) = prefs.by_extension.get_mut(i) {
                b.extension = s;
            }
        }
        Message::Command(i, s) => {
            if let Some(b) = prefs.by_extension.get_mut(i) {
                b.command = s;
            }
        }
        Message::Add => prefs.by_extension.push(ByExtension::default()),
        Message::Remove(i) => {
            if i < prefs.by_extension.len() {
                prefs.by_extension.remove(i);
            }
        }
        Message::DoubleClick(on) => prefs.double_click_edits = on,
    }
}

pub fn view(prefs: &EditPrefs) -> Element<'_, Message> {
    let mut body = column![
        text(t!("settings-editor")),
        text_input(&t!("settings-editor-default-app"), &prefs.editor)
            .id("settings-editor")
            .on_input(Message::Editor),
        text(t!("settings-editor-note")).size(12),
        text(t!("settings-editor-by-extension")),
    ]
    .spacing(8);
    for (i, b) in prefs.by_extension.iter().enumerate() {
        body = body.push(
            row![
                text_input("md", &b.extension)
                    .on_input(move |s| Message::Extension(i, s))
                    .width(Length::Fixed(80.0)),
                text_input(&t!("settings-editor-command"), &b.command)
                    .on_input(move |s| Message::Command(i, s)),
                button(text("✕"))
                    .on_press(Message::Remove(i))
                    .style(button::secondary),
            ]
            .spacing(6),
        );
    }
    body.push(
        button(text(t!("settings-editor-add")).size(13))
            .on_press(Message::Add)
            .style(button::secondary),
    )
    .push(
        checkbox(prefs.double_click_edits)
            .label(t!("settings-double-click-edits"))
            .on_toggle(Message::DoubleClick),
    )
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_extensions_editor_wins_and_text_names_are_told() {
        let prefs = EditPrefs {
            editor: "gedit".into(),
            by_extension: vec![ByExtension {
                extension: ".MD".into(),
                command: "typora".into(),
            }],
            double_click_edits: true,
        };
        assert_eq!(prefs.editor_for("notes.md"), "typora");
        assert_eq!(prefs.editor_for("site.conf"), "gedit");
        assert!(is_text("nginx.conf") && is_text("Makefile") && is_text(".bashrc"));
        assert!(!is_text("photo.jpg") && !is_text("archive.tar.gz"));
    }
}
