//! File operations on either pane — new folder, rename (F2), delete (Delete, confirmed, folders
//! with everything in them) — as small dialogs, run in tasks on the pane's `FileSystem`.

use iced::widget::{button, column, container, row, text, text_input};
use iced::{Element, Length, Task};

use crate::engine::entry::Entry;
use crate::engine::error::{Error, Result};
use crate::engine::fs::remove_recursive;
use crate::engine::path::FsPath;
use crate::gui::Side;
use crate::gui::pane::Source;
use crate::gui::text::t;

#[derive(Debug, Clone)]
pub enum Op {
    NewFolder {
        side: Side,
        dir: FsPath,
        name: String,
    },
    Rename {
        side: Side,
        dir: FsPath,
        entry: Entry,
        name: String,
    },
    Delete {
        side: Side,
        dir: FsPath,
        entries: Vec<Entry>,
    },
}

#[derive(Debug, Clone)]
pub enum Message {
    Input(String),
    Confirm,
    Cancel,
}

impl Op {
    pub fn side(&self) -> Side {
        match self {
            Op::NewFolder { side, .. } | Op::Rename { side, .. } | Op::Delete { side, .. } => *side,
        }
    }

    pub fn input(&mut self, s: String) {
        match self {
            Op::NewFolder { name, .. } | Op::Rename { name, .. } => *name = s,
            Op::Delete { .. } => {}
        }
    }

    /// Runs the operation in a task on `source`.
    pub fn run(self, source: Source) -> Task<Result<()>> {
        Task::perform(self.execute(source), |r| r)
    }

    /// The operation itself (names go through `FsPath::join`, so a typed name cannot escape the
    /// folder).
    pub async fn execute(self, source: Source) -> Result<()> {
        let fs = source.fs();
        match self {
            Op::NewFolder { dir, name, .. } => fs.mkdir(&dir.join(name.trim().as_bytes())?).await,
            Op::Rename {
                dir, entry, name, ..
            } => {
                if !entry.exact {
                    return Err(Error::InexactName {
                        name: entry.display,
                    });
                }
                let from = dir.join(&entry.name)?;
                fs.rename(&from, &dir.join(name.trim().as_bytes())?, false)
                    .await
            }
            Op::Delete { dir, entries, .. } => {
                for e in entries {
                    if !e.exact {
                        return Err(Error::InexactName { name: e.display });
                    }
                    remove_recursive(fs, &dir.join(&e.name)?).await?;
                }
                Ok(())
            }
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let (title, body): (&str, Element<'_, Message>) = match self {
            Op::NewFolder { name, .. } => (t("new-folder"), self.name_input(name)),
            Op::Rename { entry, name, .. } => (
                t("rename"),
                column![text(entry.display.clone()), self.name_input(name)]
                    .spacing(8)
                    .into(),
            ),
            Op::Delete { entries, .. } => {
                let list = entries
                    .iter()
                    .take(8)
                    .map(|e| e.display.as_str())
                    .collect::<Vec<_>>()
                    .join("\n");
                let more = entries.len().saturating_sub(8);
                let mut col = column![text(t("delete-confirm")), text(list)].spacing(8);
                if more > 0 {
                    col = col.push(text(format!("… +{more}")));
                }
                (t("delete-title"), col.into())
            }
        };
        let ok = match self {
            Op::Delete { .. } => button(text(t("delete"))).style(button::danger),
            _ => button(text(t("ok"))),
        };
        container(
            column![
                text(title).size(20),
                body,
                row![
                    button(text(t("cancel")))
                        .on_press(Message::Cancel)
                        .style(button::secondary),
                    ok.on_press(Message::Confirm),
                ]
                .spacing(8),
            ]
            .spacing(10),
        )
        .padding(20)
        .width(Length::Fixed(460.0))
        .style(container::bordered_box)
        .into()
    }

    fn name_input<'a>(&self, value: &'a str) -> Element<'a, Message> {
        text_input(t("name-placeholder"), value)
            .id("fileop-name")
            .on_input(Message::Input)
            .on_submit(Message::Confirm)
            .into()
    }
}
