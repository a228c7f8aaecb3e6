//! File operations on either pane — new folder, rename (F2), delete (Delete, confirmed, folders
//! with everything in them), permissions (a checkbox grid and octal, optionally recursive), a
//! properties sheet, a new symbolic or hard link on a server, and moving rows into a folder by
//! drag — as small dialogs, run in tasks on the pane's `FileSystem`. `update` edits the open dialog and hands the app the operation to run.

use iced::widget::{button, checkbox, column, container, row, text, text_input};
use iced::{Element, Length, Task};

use crate::gui::PaneSide;
use crate::gui::pane::Source;
use crate::gui::text::t;
use ferry_engine::error::{Error, Result};
use ferry_engine::fs::entry::Entry;
use ferry_engine::fs::path::FsPath;
use ferry_engine::fs::{chmod_tree, remove_recursive};

#[derive(Debug, Clone)]
pub enum Op {
    NewFolder {
        side: PaneSide,
        dir: FsPath,
        name: String,
    },
    Rename {
        side: PaneSide,
        dir: FsPath,
        entry: Entry,
        name: String,
    },
    Delete {
        side: PaneSide,
        dir: FsPath,
        entries: Vec<Entry>,
    },
    Permissions {
        side: PaneSide,
        dir: FsPath,
        entries: Vec<Entry>,
        /// The nine rwx bits (plus setuid/setgid/sticky typed in octal).
        mode: u32,
        /// The octal field as typed.
        octal: String,
        recursive: bool,
    },
    Properties {
        side: PaneSide,
        dir: FsPath,
        entry: Entry,
    },
    /// A link named `name` in `dir`, pointing at `target` (as typed: a symlink may be relative;
    /// a hard link's relative target is in `dir`).
    NewLink {
        side: PaneSide,
        dir: FsPath,
        name: String,
        target: String,
        hard: bool,
    },
}

#[derive(Debug, Clone)]
pub enum Message {
    Input(String),
    /// A permission checkbox: the bit and its new state.
    Bit(u32, bool),
    Recursive(bool),
    /// The new link's target, and whether it is a hard link.
    Target(String),
    Hard(bool),
    Confirm,
    Cancel,
}

/// A message of the open dialog (`open`): edits it, or closes it; Confirm closes it and gives back
/// the operation to run, when it is one that runs (not Properties) and is valid.
pub fn update(open: &mut Option<Op>, m: Message) -> Option<Op> {
    match m {
        Message::Input(_)
        | Message::Bit(..)
        | Message::Recursive(_)
        | Message::Target(_)
        | Message::Hard(_) => {
            if let Some(op) = open.as_mut() {
                op.edit(m);
            }
            None
        }
        Message::Cancel => {
            *open = None;
            None
        }
        Message::Confirm => open
            .take()
            .filter(|op| !matches!(op, Op::Properties { .. }) && op.valid()),
    }
}

/// Moves `entries` of `dir` into the folder `dest` on the same file system (a drag onto a folder).
pub fn move_into(
    source: Source,
    dir: FsPath,
    entries: Vec<Entry>,
    dest: FsPath,
) -> Task<Result<()>> {
    Task::perform(
        async move {
            let fs = source.fs();
            for e in entries {
                if !e.exact {
                    return Err(Error::InexactName { name: e.display });
                }
                fs.rename(&dir.join(&e.name)?, &dest.join(&e.name)?, false)
                    .await?;
            }
            Ok(())
        },
        |r| r,
    )
}

impl Op {
    /// The permissions dialog for `entries`, starting from the first one's mode.
    pub fn permissions(side: PaneSide, dir: FsPath, entries: Vec<Entry>) -> Option<Op> {
        let mode = entries.first()?.perms.unwrap_or(0o644) & 0o7777;
        Some(Op::Permissions {
            side,
            dir,
            entries,
            mode,
            octal: format!("{mode:04o}"),
            recursive: false,
        })
    }

    pub fn side(&self) -> PaneSide {
        match self {
            Op::NewFolder { side, .. }
            | Op::Rename { side, .. }
            | Op::Delete { side, .. }
            | Op::Permissions { side, .. }
            | Op::Properties { side, .. }
            | Op::NewLink { side, .. } => *side,
        }
    }

    /// A dialog message that edits the dialog (not Confirm / Cancel).
    pub fn edit(&mut self, m: Message) {
        match (self, m) {
            (
                Op::NewFolder { name, .. } | Op::Rename { name, .. } | Op::NewLink { name, .. },
                Message::Input(s),
            ) => *name = s,
            (Op::NewLink { target, .. }, Message::Target(s)) => *target = s,
            (Op::NewLink { hard, .. }, Message::Hard(on)) => *hard = on,
            (Op::Permissions { mode, octal, .. }, Message::Input(s)) => {
                if let Ok(m) = u32::from_str_radix(s.trim(), 8)
                    && m <= 0o7777
                {
                    *mode = m;
                }
                *octal = s;
            }
            (Op::Permissions { mode, octal, .. }, Message::Bit(bit, on)) => {
                if on {
                    *mode |= bit;
                } else {
                    *mode &= !bit;
                }
                *octal = format!("{:04o}", *mode);
            }
            (Op::Permissions { recursive, .. }, Message::Recursive(on)) => *recursive = on,
            _ => {}
        }
    }

    /// False when the dialog cannot be confirmed as it stands (an octal field that is not octal).
    pub fn valid(&self) -> bool {
        match self {
            Op::Permissions { octal, .. } => u32::from_str_radix(octal.trim(), 8)
                .map(|m| m <= 0o7777)
                .unwrap_or(false),
            Op::NewFolder { name, .. } | Op::Rename { name, .. } => !name.trim().is_empty(),
            Op::NewLink { name, target, .. } => {
                !name.trim().is_empty() && !target.trim().is_empty()
            }
            _ => true,
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
            Op::Permissions {
                dir,
                entries,
                mode,
                recursive,
                ..
            } => {
                for e in entries {
                    if !e.exact {
                        return Err(Error::InexactName { name: e.display });
                    }
                    chmod_tree(fs, &dir.join(&e.name)?, mode, recursive).await?;
                }
                Ok(())
            }
            Op::Properties { .. } => Ok(()),
            Op::NewLink {
                dir,
                name,
                target,
                hard,
                ..
            } => {
                let link = dir.join(name.trim().as_bytes())?;
                if !hard {
                    return fs.symlink(&FsPath::from(target.trim()), &link).await;
                }
                let Source::Remote(l) = &source else {
                    return Err(Error::Unsupported {
                        what: t!("link-hard-local"),
                    });
                };
                l.sftp
                    .hard_link(&dir.join_relative(target.trim()), &link)
                    .await
            }
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let (title, body): (String, Element<'_, Message>) = match self {
            Op::NewFolder { name, .. } => (t!("new-folder"), self.name_input(name)),
            Op::Rename { entry, name, .. } => (
                t!("rename"),
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
                let mut col = column![text(t!("delete-confirm")), text(list)].spacing(8);
                if more > 0 {
                    col = col.push(text(t!("and-more", count = more)));
                }
                (t!("delete-title"), col.into())
            }
            Op::Permissions {
                entries,
                mode,
                octal,
                recursive,
                ..
            } => (
                t!("permissions-title"),
                permissions_view(entries, *mode, octal, *recursive),
            ),
            Op::Properties { dir, entry, .. } => {
                (t!("properties-title"), properties_view(dir, entry))
            }
            Op::NewLink {
                name, target, hard, ..
            } => (
                t!("link-title"),
                column![
                    text(t!("link-name")).size(13),
                    self.name_input(name),
                    text(t!("link-target")).size(13),
                    text_input("", target)
                        .on_input(Message::Target)
                        .on_submit(Message::Confirm),
                    checkbox(*hard)
                        .label(t!("link-hard"))
                        .text_size(13)
                        .on_toggle(Message::Hard),
                ]
                .spacing(6)
                .into(),
            ),
        };
        let ok = match self {
            Op::Delete { .. } => button(text(t!("delete"))).style(button::danger),
            Op::Properties { .. } => button(text(t!("close"))),
            _ => button(text(t!("ok"))),
        };
        container(
            column![
                text(title).size(20),
                body,
                row![
                    button(text(t!("cancel")))
                        .on_press(Message::Cancel)
                        .style(button::secondary),
                    ok.on_press_maybe(self.valid().then_some(Message::Confirm)),
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
        text_input(&t!("name-placeholder"), value)
            .id("fileop-name")
            .on_input(Message::Input)
            .on_submit(Message::Confirm)
            .into()
    }
}

fn permissions_view<'a>(
    entries: &'a [Entry],
    mode: u32,
    octal: &'a str,
    recursive: bool,
) -> Element<'a, Message> {
    let names = entries
        .iter()
        .take(4)
        .map(|e| e.display.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let more = entries.len().saturating_sub(4);
    let mut grid = column![row![
        text("").width(Length::Fixed(120.0)),
        text(t!("perm-read")).width(Length::Fixed(90.0)),
        text(t!("perm-write")).width(Length::Fixed(90.0)),
        text(t!("perm-exec")).width(Length::Fixed(90.0)),
    ]]
    .spacing(6);
    let whos = [
        (t!("perm-owner"), 6),
        (t!("perm-group"), 3),
        (t!("perm-others"), 0),
    ];
    for (who, shift) in whos {
        let cell = |bit: u32| {
            let bit = bit << shift;
            container(checkbox(mode & bit != 0).on_toggle(move |on| Message::Bit(bit, on)))
                .width(Length::Fixed(90.0))
        };
        grid = grid.push(
            row![
                text(who).width(Length::Fixed(120.0)),
                cell(0o4),
                cell(0o2),
                cell(0o1)
            ]
            .align_y(iced::Center),
        );
    }
    let mut col = column![text(if more > 0 {
        t!("names-and-more", names = names, count = more)
    } else {
        names
    })]
    .spacing(10)
    .push(grid)
    .push(
        row![
            text(t!("perm-octal")),
            text_input("0644", octal)
                .id("fileop-name")
                .on_input(Message::Input)
                .on_submit(Message::Confirm)
                .width(Length::Fixed(80.0)),
        ]
        .spacing(8)
        .align_y(iced::Center),
    );
    if entries
        .iter()
        .any(|e| e.kind == ferry_engine::fs::entry::Kind::Dir)
    {
        col = col.push(
            checkbox(recursive)
                .label(t!("perm-recursive"))
                .on_toggle(Message::Recursive),
        );
    }
    col.into()
}

fn properties_view<'a>(dir: &FsPath, e: &'a Entry) -> Element<'a, Message> {
    use ferry_engine::fs::entry::Kind;
    let kind = match e.kind {
        Kind::Dir => t!("kind-folder"),
        Kind::File => t!("kind-file"),
        Kind::Symlink => t!("kind-link"),
        Kind::Other => t!("kind-other"),
    };
    let path = dir
        .join(&e.name)
        .map(|p| p.display_lossy())
        .unwrap_or_else(|_| e.display.clone());
    let size = e
        .size
        .map(|s| {
            t!(
                "size-with-bytes",
                size = crate::gui::format::size(s),
                bytes = s
            )
        })
        .unwrap_or_default();
    let modified = e
        .mtime
        .map(crate::gui::format::date_time_seconds)
        .unwrap_or_default();
    let perms = e
        .perms
        .map(|p| format!("{} ({:04o})", e.perms_string(), p & 0o7777))
        .unwrap_or_default();
    let owner = match (&e.owner, e.uid) {
        (Some(o), _) => o.clone(),
        (None, Some(u)) => u.to_string(),
        _ => String::new(),
    };
    let group = match (&e.group, e.gid) {
        (Some(g), _) => g.clone(),
        (None, Some(g)) => g.to_string(),
        _ => String::new(),
    };
    let mut lines = vec![
        (t!("prop-name"), e.display.clone()),
        (t!("prop-path"), path),
        (t!("prop-kind"), kind),
        (t!("col-size"), size),
        (t!("col-modified"), modified),
        (t!("col-perms"), perms),
        (t!("col-owner"), owner),
        (t!("prop-group"), group),
    ];
    if let Some(target) = &e.link_target {
        lines.push((
            t!("prop-target"),
            ferry_engine::fs::name::escape_for_display(target),
        ));
    }
    column(
        lines
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| {
                row![
                    text(k).width(Length::Fixed(110.0)),
                    text(v).width(Length::Fill)
                ]
                .spacing(8)
                .into()
            }),
    )
    .spacing(6)
    .into()
}
