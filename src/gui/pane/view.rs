//! How a pane looks: toolbar, breadcrumbs, path and filter bar, the table (header, only the rows
//! in view, drawn kind icons), the right-click menu beside its row, and the status line.

use std::time::SystemTime;

use iced::widget::{
    button, checkbox, column, container, mouse_area, opaque, pin, row, scrollable, space, stack,
    text, text_input,
};
use iced::{Element, Fill, Length};

use super::{COLUMNS, MenuAction, Message, Pane, ROW_HEIGHT};
use crate::gui::format;
use crate::gui::text::t;
use ferry_engine::fs::entry::{Entry, SortKey};

impl Pane {
    pub fn view(&self, title: String) -> Element<'_, Message> {
        let connected = self.source.is_some();
        let tool = |label: String, message: Message| {
            button(text(label).size(13))
                .padding([3, 8])
                .on_press_maybe(connected.then_some(message))
                .style(button::secondary)
        };
        let send = button(
            text(if self.id == "local" {
                t!("upload")
            } else {
                t!("download")
            })
            .size(13)
            .wrapping(text::Wrapping::None),
        )
        .padding([3, 8])
        .on_press_maybe(
            (connected && self.selected.iter().any(|s| *s)).then_some(Message::SendSelection),
        );
        let toolbar = row![
            text(title).size(15),
            tool(t!("up"), Message::Up),
            tool(t!("home"), Message::Home),
            tool(t!("refresh"), Message::Refresh),
            tool(t!("new-folder"), Message::NewFolder),
            space::horizontal(),
            send,
        ]
        .spacing(6)
        .align_y(iced::Center);
        let path_bar = row![
            text_input("/", &self.path_text)
                .id(format!("{}-path", self.id))
                .on_input(Message::PathEdited)
                .on_submit(Message::PathSubmitted)
                .width(Fill),
            text_input(&t!("filter-placeholder"), &self.filter)
                .id(format!("{}-filter", self.id))
                .on_input(Message::FilterEdited)
                .width(Length::Fixed(120.0)),
            checkbox(self.show_hidden)
                .label(t!("show-hidden"))
                .text_size(13)
                .on_toggle(Message::ToggleHidden),
        ]
        .spacing(6)
        .align_y(iced::Center);

        let body: Element<'_, Message> = if !connected {
            container(text(t!("connect-first"))).center(Fill).into()
        } else if let Some(e) = &self.error {
            container(text(e.clone()).style(text::danger))
                .padding(12)
                .width(Fill)
                .height(Fill)
                .into()
        } else if self.loading && self.entries.is_empty() {
            container(text(t!("loading"))).center(Fill).into()
        } else if self.visible.is_empty() {
            container(text(t!("empty-folder"))).center(Fill).into()
        } else {
            self.table()
        };

        let status = {
            let n_sel = self.selected.iter().filter(|s| **s).count();
            let mut s = t!("items", count = self.visible.len());
            if n_sel > 0 {
                s = t!("items-selected", items = s, count = n_sel);
            }
            if let Some(f) = self.free {
                s = t!("status-free", status = s, size = format::size(f.available));
            }
            if self.refused > 0 {
                s = t!("unsafe-names-hidden", status = s, count = self.refused);
            }
            text(s).size(12)
        };
        let notice = self
            .notice
            .as_ref()
            .map(|n| text(n.clone()).size(13).style(text::danger));
        column![toolbar, self.breadcrumbs(), path_bar]
            .push(notice)
            .push(body)
            .push(status)
            .spacing(6)
            .height(Fill)
            .into()
    }

    /// The current path as clickable folders: `/ › home › ann › photos`.
    pub(super) fn breadcrumbs(&self) -> Element<'_, Message> {
        const SHOWN: usize = 6;
        let all = if self.source.is_some() {
            self.path.ancestors()
        } else {
            Vec::new()
        };
        let skip = all.len().saturating_sub(SHOWN);
        let mut crumbs = row![].spacing(2).align_y(iced::Center);
        if skip > 0 {
            crumbs = crumbs.push(text("…").size(13));
        }
        let last = all.len().saturating_sub(1);
        for (i, p) in all.iter().enumerate().skip(skip) {
            let name = match p.file_name() {
                Some(n) => ferry_engine::fs::name::display_bytes(n),
                None => "/".to_string(),
            };
            if i > skip || skip > 0 {
                crumbs = crumbs.push(text("›").size(13));
            }
            let b = button(text(name).size(13).wrapping(text::Wrapping::None))
                .padding([1, 5])
                .style(button::text);
            crumbs = crumbs.push(if i == last {
                b
            } else {
                b.on_press(Message::Navigate(p.clone()))
            });
        }
        container(crumbs).height(Length::Fixed(24.0)).into()
    }

    pub(super) fn header(&self) -> Element<'_, Message> {
        let head = |label: String, key: SortKey, width: Length| {
            let arrow = if self.sort == key {
                if self.descending { " ▼" } else { " ▲" }
            } else {
                ""
            };
            button(cell(text(format!("{label}{arrow}")), Fill))
                .on_press(Message::SortBy(key))
                .style(button::text)
                .padding([2, 0])
                .width(width)
        };
        row![
            head(t!("col-name"), SortKey::Name, COLUMNS[0]),
            head(t!("col-size"), SortKey::Size, COLUMNS[1]),
            head(t!("col-modified"), SortKey::Modified, COLUMNS[2]),
            head(t!("col-perms"), SortKey::Permissions, COLUMNS[3]),
            head(t!("col-owner"), SortKey::Owner, COLUMNS[4]),
        ]
        .spacing(4)
        .padding([0, 4])
        .into()
    }

    pub(super) fn table(&self) -> Element<'_, Message> {
        // Only the rows in view (plus a margin) are built; spacers stand for the rest.
        let total = self.visible.len();
        let first = ((self.scroll_y / ROW_HEIGHT) as usize)
            .saturating_sub(10)
            .min(total);
        let count = (self.view_height / ROW_HEIGHT) as usize + 20;
        let last = (first + count).min(total);
        let mut rows = column![space().height(Length::Fixed(first as f32 * ROW_HEIGHT))];
        for (row_idx, entry_idx) in self.visible.iter().enumerate().take(last).skip(first) {
            rows = rows.push(self.row_view(row_idx, &self.entries[*entry_idx]));
        }
        rows = rows.push(space().height(Length::Fixed((total - last) as f32 * ROW_HEIGHT)));
        let list = scrollable(rows)
            .id(format!("{}-list", self.id))
            .on_scroll(|v| Message::Scrolled(v.absolute_offset().y, v.bounds().height))
            .height(Fill);
        let body: Element<'_, Message> = match self.menu {
            // The menu is placed by the list's real height (known only at layout): below its
            // row, or above it when it would not fit.
            Some(row) => stack![
                list,
                opaque(
                    mouse_area(space().width(Fill).height(Fill))
                        .on_press(Message::CloseMenu)
                        .on_right_press(Message::CloseMenu)
                ),
                iced::widget::responsive(move |size| self.menu_view(row, size.height)),
            ]
            .into(),
            None => list.into(),
        };
        column![self.header(), body].into()
    }

    /// The right-click menu, next to the row it was opened on (above it near the bottom of a list
    /// `view_height` tall).
    pub(super) fn menu_view(&self, row: usize, view_height: f32) -> Element<'_, Message> {
        let folder = self.folder_at(row).is_some();
        let n = self.selected.iter().filter(|s| **s).count();
        let local = self.id == "local";
        let mut items: Vec<(MenuAction, String)> = Vec::new();
        if n == 1 && (folder || local) {
            items.push((MenuAction::Open, t!("menu-open")));
        }
        if n == 1 && !folder && !local {
            items.push((MenuAction::Edit, t!("menu-edit")));
        }
        items.push((
            MenuAction::Send,
            if local {
                t!("menu-upload")
            } else {
                t!("menu-download")
            },
        ));
        if !local {
            // Made on the server itself, where it can (copy-data and the like).
            items.push((MenuAction::CopyFiles, t!("menu-copy")));
            if self.can_paste {
                items.push((MenuAction::Paste, t!("menu-paste")));
            }
            items.push((MenuAction::Duplicate, t!("menu-duplicate")));
        }
        if n == 1 {
            items.push((MenuAction::Rename, t!("menu-rename")));
        }
        if !local && n == 1 {
            items.push((MenuAction::NewLink, t!("menu-new-link")));
        }
        items.push((MenuAction::Delete, t!("menu-delete")));
        items.push((MenuAction::NewFolder, t!("new-folder")));
        items.push((MenuAction::Permissions, t!("menu-permissions")));
        items.push((MenuAction::CopyPath, t!("menu-copy-path")));
        if n == 1 {
            items.push((MenuAction::Properties, t!("menu-properties")));
        }
        let height = items.len() as f32 * 28.0 + 8.0;
        let menu = column(items.into_iter().map(|(action, label)| {
            button(text(label).size(13))
                .on_press(Message::MenuChosen(action))
                .style(button::text)
                .width(Fill)
                .padding([5, 12])
                .into()
        }))
        .width(Length::Fixed(200.0));
        let menu = container(menu).padding(4).style(|theme: &iced::Theme| {
            let p = theme.extended_palette();
            container::Style {
                background: Some(p.background.base.color.into()),
                border: iced::Border {
                    color: p.background.strong.color,
                    width: 1.0,
                    radius: 4.0.into(),
                },
                shadow: iced::Shadow {
                    color: iced::Color::from_rgba(0.0, 0.0, 0.0, 0.3),
                    offset: iced::Vector::new(2.0, 3.0),
                    blur_radius: 8.0,
                },
                ..container::Style::default()
            }
        });
        let below = (row + 1) as f32 * ROW_HEIGHT - self.scroll_y;
        let y = if below + height > view_height {
            (below - ROW_HEIGHT - height).max(0.0)
        } else {
            below
        };
        pin(menu).x(60).y(y).into()
    }

    pub(super) fn row_view<'a>(&self, row_idx: usize, e: &'a Entry) -> Element<'a, Message> {
        let selected = self.selected.get(row_idx).copied().unwrap_or(false);
        let drop_here = self.dragging && self.drag_over == Some(row_idx) && e.is_dir_like();
        // An icon, and folders end in '/' and links show their target: readable in any font.
        let mut name = if e.is_dir_like() {
            format!("{}/", e.display)
        } else {
            e.display.clone()
        };
        if e.kind == ferry_engine::fs::entry::Kind::Symlink
            && let Some(target) = &e.link_target
        {
            name += &format!(" → {}", ferry_engine::fs::name::escape_for_display(target));
        }
        if !e.exact {
            name = t!("name-not-exact", name = name);
        }
        let size = if e.is_dir_like() {
            String::new()
        } else {
            e.size.map(format::size).unwrap_or_default()
        };
        let owner = e
            .owner
            .clone()
            .or_else(|| e.uid.map(|u| u.to_string()))
            .unwrap_or_default();
        let cells = row![
            container(
                row![
                    kind_icon(e),
                    text(name).size(13).wrapping(text::Wrapping::None)
                ]
                .spacing(6)
                .align_y(iced::Center)
            )
            .width(COLUMNS[0])
            .clip(true),
            cell(text(size), COLUMNS[1]),
            cell(text(format_mtime(e.mtime)), COLUMNS[2]),
            cell(
                text(e.perms_string()).font(iced::Font::MONOSPACE),
                COLUMNS[3]
            ),
            cell(text(owner), COLUMNS[4]),
        ]
        .spacing(4)
        .padding([4, 4])
        .height(Length::Fixed(ROW_HEIGHT));
        let styled = container(cells)
            .width(Fill)
            .style(move |theme: &iced::Theme| {
                let p = theme.extended_palette();
                if drop_here {
                    container::Style {
                        background: Some(p.success.weak.color.into()),
                        text_color: Some(p.success.weak.text),
                        border: iced::Border {
                            color: p.success.strong.color,
                            width: 1.0,
                            radius: 3.0.into(),
                        },
                        ..container::Style::default()
                    }
                } else if selected {
                    container::Style {
                        background: Some(p.primary.weak.color.into()),
                        text_color: Some(p.primary.weak.text),
                        ..container::Style::default()
                    }
                } else {
                    container::Style::default()
                }
            });
        let area = mouse_area(styled)
            .on_press(Message::Clicked(row_idx))
            .on_double_click(Message::DoubleClicked(row_idx))
            .on_right_press(Message::RightClicked(row_idx));
        if self.dragging {
            area.on_enter(Message::DragEnter(row_idx))
                .on_exit(Message::DragExit(row_idx))
                .into()
        } else {
            area.into()
        }
    }
}

/// A small drawn icon for the kind of entry: an amber folder, a paper-white file, either outlined
/// in blue when it is a link; grey for anything else (devices, sockets).
fn kind_icon<'a>(e: &Entry) -> Element<'a, Message> {
    use ferry_engine::fs::entry::Kind;
    let link = e.kind == Kind::Symlink;
    let kind = if link {
        e.target_kind.unwrap_or(Kind::File)
    } else {
        e.kind
    };
    let (w, h) = if kind == Kind::Dir {
        (15.0, 11.0)
    } else {
        (11.0, 14.0)
    };
    let shape = container(space().width(w).height(h)).style(move |theme: &iced::Theme| {
        let p = theme.extended_palette();
        let fill = match kind {
            Kind::Dir => iced::Color::from_rgb8(0xE8, 0xB3, 0x3C),
            Kind::File => p.background.base.color,
            _ => p.background.strong.color,
        };
        container::Style {
            background: Some(fill.into()),
            border: iced::Border {
                color: if link {
                    p.primary.strong.color
                } else if kind == Kind::Dir {
                    iced::Color::from_rgb8(0xB8, 0x86, 0x1B)
                } else {
                    p.background.strong.text
                },
                width: if link { 2.0 } else { 1.0 },
                radius: 2.0.into(),
            },
            ..container::Style::default()
        }
    });
    container(shape)
        .width(Length::Fixed(16.0))
        .center_y(Length::Fixed(16.0))
        .into()
}

/// One table cell: small text on one line, clipped at the column's edge.
fn cell<'a>(t: text::Text<'a>, width: Length) -> Element<'a, Message> {
    container(t.size(13).wrapping(text::Wrapping::None))
        .width(width)
        .clip(true)
        .into()
}

fn format_mtime(t: Option<SystemTime>) -> String {
    t.map(format::date_time).unwrap_or_default()
}
