//! One file pane — used twice, for the local disk and for the server — over the engine's
//! `FileSystem`: path bar, Up/Home/Refresh, hidden-files toggle, glob filter, a sortable table
//! (folders first) with click / Ctrl-click / Shift-click selection, double-click to open.
//!
//! Listing runs in a task, never in `update`. Only the rows in view are built, so a folder of
//! 100,000 entries scrolls as smoothly as one of ten.

use std::sync::Arc;
use std::time::SystemTime;

use iced::widget::{
    button, checkbox, column, container, mouse_area, opaque, pin, row, scrollable, space, stack,
    text, text_input,
};
use iced::{Element, Fill, Length, Task};

use crate::engine::entry::{Entry, NameFilter, SortKey, sort_entries};
use crate::engine::error::Error;
use crate::engine::fs::{FileSystem, FreeSpace, ListOptions};
use crate::engine::local::LocalFs;
use crate::engine::path::FsPath;
use crate::engine::transfer::pool::Link;
use crate::engine::transfer::progress::human_bytes;
use crate::engine::url::RemoteStart;
use crate::gui::text::{error_text, t};

pub const ROW_HEIGHT: f32 = 26.0;

/// Name, Size, Modified, Permissions, Owner: shares of the width, so a narrow pane squeezes every
/// column (text is clipped, never wrapped) instead of losing the names.
const COLUMNS: [Length; 5] = [
    Length::FillPortion(7),
    Length::FillPortion(3),
    Length::FillPortion(5),
    Length::FillPortion(3),
    Length::FillPortion(2),
];

/// Which file system a pane shows.
#[derive(Clone)]
pub enum Source {
    Local,
    Remote(Arc<Link>),
}

impl Source {
    pub fn fs(&self) -> &dyn FileSystem {
        static LOCAL: LocalFs = LocalFs;
        match self {
            Source::Local => &LOCAL,
            Source::Remote(link) => &link.sftp,
        }
    }
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Local => f.write_str("Local"),
            Source::Remote(l) => write!(f, "Remote({})", l.conn.host),
        }
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    /// Open this folder.
    Navigate(FsPath),
    /// A listing finished (for the folder it was asked for).
    Listed(
        FsPath,
        Result<(Vec<Entry>, Option<FreeSpace>, usize), Error>,
    ),
    Up,
    Home,
    Refresh,
    /// The path bar's text changed / was submitted.
    PathEdited(String),
    PathSubmitted,
    FilterEdited(String),
    ToggleHidden(bool),
    SortBy(SortKey),
    /// The mouse went down on a row (index into the visible rows), with Ctrl / Shift held.
    Clicked(usize),
    /// The mouse went up without a drag: a press on a row of a multiple selection selects just it.
    ClickReleased,
    DoubleClicked(usize),
    /// Right-click on a row: select it (unless already selected) and ask for the context menu.
    RightClicked(usize),
    /// While something is dragged, the cursor entered / left a row.
    DragEnter(usize),
    DragExit(usize),
    /// The table scrolled: the first visible pixel.
    Scrolled(f32, f32),
    /// The New folder button.
    NewFolder,
    /// The Upload / Download button: send the selection to the other pane.
    SendSelection,
    /// A context-menu item was chosen / the menu was dismissed.
    MenuChosen(MenuAction),
    CloseMenu,
}

/// What the pane asks its parent to do.
#[derive(Debug, Clone)]
pub enum Event {
    /// A file was double-clicked: transfer it to the other side.
    Transfer(Vec<Entry>),
    /// The New folder button was pressed.
    NewFolder,
    /// A context-menu command for the selection.
    Menu(MenuAction, Vec<Entry>),
}

/// The commands of the right-click menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuAction {
    Open,
    Send,
    Rename,
    Delete,
    NewFolder,
    Permissions,
    CopyPath,
    Properties,
}

#[derive(Debug)]
pub struct Pane {
    pub source: Option<Source>,
    pub path: FsPath,
    path_text: String,
    entries: Vec<Entry>,
    /// Indices into `entries` that pass the filter and hidden toggle, in sort order.
    visible: Vec<usize>,
    pub selected: Vec<bool>,
    anchor: Option<usize>,
    /// A press on an already-selected row keeps a multiple selection (so it can be dragged) until
    /// the button comes up without a drag.
    pending_single: Option<usize>,
    /// Set by the app while rows are dragged: rows report the cursor and folders light up.
    pub dragging: bool,
    /// The row under the cursor during a drag.
    pub drag_over: Option<usize>,
    /// The row whose context menu is open.
    pub menu: Option<usize>,
    sort: SortKey,
    descending: bool,
    filter: String,
    show_hidden: bool,
    loading: bool,
    error: Option<String>,
    refused: usize,
    free: Option<FreeSpace>,
    scroll_y: f32,
    view_height: f32,
    pub modifiers: iced::keyboard::Modifiers,
    id: &'static str,
}

impl Pane {
    pub fn new(id: &'static str, source: Option<Source>) -> Pane {
        Pane {
            source,
            path: FsPath::root(),
            path_text: String::new(),
            entries: Vec::new(),
            visible: Vec::new(),
            selected: Vec::new(),
            anchor: None,
            pending_single: None,
            dragging: false,
            drag_over: None,
            menu: None,
            sort: SortKey::Name,
            descending: false,
            filter: String::new(),
            show_hidden: false,
            loading: false,
            error: None,
            refused: 0,
            free: None,
            scroll_y: 0.0,
            view_height: 600.0,
            modifiers: Default::default(),
            id,
        }
    }

    /// The entries shown, in order.
    pub fn rows(&self) -> impl Iterator<Item = &Entry> {
        self.visible.iter().map(|i| &self.entries[*i])
    }

    /// The selected entries (in view order).
    pub fn selection(&self) -> Vec<Entry> {
        self.visible
            .iter()
            .enumerate()
            .filter(|(row, _)| self.selected.get(*row).copied().unwrap_or(false))
            .map(|(_, i)| self.entries[*i].clone())
            .collect()
    }

    pub fn set_source(&mut self, source: Option<Source>) -> Task<Message> {
        self.set_source_at(source, RemoteStart::Home(String::new()))
    }

    /// Shows `source`, opening the folder `start` names (the home folder if that fails).
    pub fn set_source_at(&mut self, source: Option<Source>, start: RemoteStart) -> Task<Message> {
        self.source = source;
        self.entries.clear();
        self.recompute();
        self.error = None;
        self.menu = None;
        let Some(src) = self.source.clone() else {
            return Task::none();
        };
        self.loading = true;
        Task::perform(async move { start.resolve(src.fs()).await }, |r| match r {
            Ok(p) => Message::Navigate(p),
            Err(e) => Message::Listed(FsPath::root(), Err(e)),
        })
    }

    fn go_home(&mut self) -> Task<Message> {
        let Some(src) = self.source.clone() else {
            return Task::none();
        };
        self.loading = true;
        Task::perform(async move { src.fs().home().await }, |r| match r {
            Ok(p) => Message::Navigate(p),
            Err(e) => Message::Listed(FsPath::root(), Err(e)),
        })
    }

    pub fn list(&mut self, path: FsPath) -> Task<Message> {
        let Some(src) = self.source.clone() else {
            return Task::none();
        };
        self.loading = true;
        self.path_text = path.to_string();
        let asked = path.clone();
        Task::perform(
            async move {
                let fs = src.fs();
                let listing = fs.list(&path, ListOptions::default()).await?;
                let free = fs.free_space(&path).await.ok().flatten();
                Ok((listing.entries, free, listing.refused.len()))
            },
            move |r| Message::Listed(asked.clone(), r),
        )
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        let task = match message {
            Message::Navigate(p) => self.list(p),
            Message::Listed(path, Ok((entries, free, refused))) => {
                let same_folder = path == self.path;
                self.path = path;
                self.path_text = self.path.to_string();
                self.entries = entries;
                self.free = free;
                self.refused = refused;
                self.loading = false;
                self.error = None;
                if !same_folder {
                    self.scroll_y = 0.0;
                }
                self.recompute();
                Task::none()
            }
            Message::Listed(_, Err(e)) => {
                self.loading = false;
                self.error = Some(error_text(&e));
                Task::none()
            }
            Message::Up => match self.path.parent() {
                Some(p) => self.list(p),
                None => Task::none(),
            },
            Message::Home => self.go_home(),
            Message::Refresh => self.list(self.path.clone()),
            Message::PathEdited(s) => {
                self.path_text = s;
                Task::none()
            }
            Message::PathSubmitted => {
                let target = self.path.join_relative(self.path_text.trim());
                self.list(target)
            }
            Message::FilterEdited(s) => {
                self.filter = s;
                self.recompute();
                Task::none()
            }
            Message::ToggleHidden(b) => {
                self.show_hidden = b;
                self.recompute();
                Task::none()
            }
            Message::SortBy(key) => {
                if self.sort == key {
                    self.descending = !self.descending;
                } else {
                    self.sort = key;
                    self.descending = false;
                }
                self.recompute();
                Task::none()
            }
            Message::Clicked(row) => {
                self.click(row);
                Task::none()
            }
            Message::ClickReleased => {
                if let Some(row) = self.pending_single.take() {
                    self.select_only(row);
                }
                Task::none()
            }
            Message::DoubleClicked(row) => return self.activate(row),
            Message::RightClicked(row) => {
                if !self.selected.get(row).copied().unwrap_or(false) {
                    self.select_only(row);
                }
                self.menu = Some(row);
                Task::none()
            }
            Message::DragEnter(row) => {
                self.drag_over = Some(row);
                Task::none()
            }
            Message::DragExit(row) => {
                if self.drag_over == Some(row) {
                    self.drag_over = None;
                }
                Task::none()
            }
            Message::NewFolder => return (Task::none(), Some(Event::NewFolder)),
            Message::CloseMenu => {
                self.menu = None;
                Task::none()
            }
            Message::MenuChosen(action) => {
                let Some(row) = self.menu.take() else {
                    return (Task::none(), None);
                };
                if action == MenuAction::Open {
                    return self.activate(row);
                }
                return (Task::none(), Some(Event::Menu(action, self.selection())));
            }
            Message::SendSelection => {
                let selection = self.selection();
                if selection.is_empty() {
                    return (Task::none(), None);
                }
                return (Task::none(), Some(Event::Transfer(selection)));
            }
            Message::Scrolled(y, h) => {
                self.scroll_y = y;
                self.view_height = h;
                Task::none()
            }
        };
        (task, None)
    }

    /// Opens a folder, or asks the parent to transfer a file.
    pub fn activate(&mut self, row: usize) -> (Task<Message>, Option<Event>) {
        let Some(entry) = self.visible.get(row).map(|i| self.entries[*i].clone()) else {
            return (Task::none(), None);
        };
        if entry.is_dir_like() {
            match self.path.join(&entry.name) {
                Ok(p) if entry.exact => (self.list(p), None),
                _ => (Task::none(), None),
            }
        } else {
            (Task::none(), Some(Event::Transfer(vec![entry])))
        }
    }

    fn click(&mut self, row: usize) {
        if row >= self.selected.len() {
            return;
        }
        let m = self.modifiers;
        if m.shift() {
            let a = self.anchor.unwrap_or(row);
            let (lo, hi) = (a.min(row), a.max(row));
            if !m.command() {
                self.selected.iter_mut().for_each(|s| *s = false);
            }
            for s in &mut self.selected[lo..=hi] {
                *s = true;
            }
        } else if m.command() {
            self.selected[row] = !self.selected[row];
            self.anchor = Some(row);
        } else if self.selected[row] {
            self.pending_single = Some(row);
            self.anchor = Some(row);
        } else {
            self.select_only(row);
        }
    }

    fn select_only(&mut self, row: usize) {
        self.selected.iter_mut().for_each(|s| *s = false);
        if let Some(s) = self.selected.get_mut(row) {
            *s = true;
        }
        self.anchor = Some(row);
    }

    /// What a drag that starts on `row` carries: the selection if the row is in it.
    pub fn drag_entries(&self, row: usize) -> Vec<Entry> {
        if self.selected.get(row).copied().unwrap_or(false) {
            self.selection()
        } else {
            self.visible
                .get(row)
                .map(|i| vec![self.entries[*i].clone()])
                .unwrap_or_default()
        }
    }

    /// The folder at `row`, if it is one that can be opened (a drop target).
    pub fn folder_at(&self, row: usize) -> Option<(Entry, FsPath)> {
        let entry = &self.entries[*self.visible.get(row)?];
        if !entry.is_dir_like() || !entry.exact {
            return None;
        }
        Some((entry.clone(), self.path.join(&entry.name).ok()?))
    }

    /// A drag ended (dropped or not): forget the pending single selection and the hover.
    pub fn end_drag(&mut self) {
        self.pending_single = None;
        self.dragging = false;
        self.drag_over = None;
    }

    pub fn select_all(&mut self) {
        self.selected.iter_mut().for_each(|s| *s = true);
    }

    /// Moves the single selection by `delta` rows (arrow keys).
    pub fn move_selection(&mut self, delta: i64) {
        if self.selected.is_empty() {
            return;
        }
        let cur = self
            .selected
            .iter()
            .position(|s| *s)
            .map_or(-1, |i| i as i64);
        let next = (cur + delta).clamp(0, self.selected.len() as i64 - 1) as usize;
        self.selected.iter_mut().for_each(|s| *s = false);
        self.selected[next] = true;
        self.anchor = Some(next);
        let top = next as f32 * ROW_HEIGHT;
        if top < self.scroll_y || top + ROW_HEIGHT > self.scroll_y + self.view_height {
            self.scroll_y = (top - self.view_height / 2.0).max(0.0);
        }
    }

    /// The first selected row, for Enter.
    pub fn cursor(&self) -> Option<usize> {
        self.selected.iter().position(|s| *s)
    }

    fn recompute(&mut self) {
        sort_entries(&mut self.entries, self.sort, self.descending);
        let filter = NameFilter::new(&self.filter).ok();
        self.visible = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| self.show_hidden || !e.is_hidden())
            .filter(|(_, e)| {
                filter
                    .as_ref()
                    .is_none_or(|f| e.is_dir_like() || f.matches(e))
            })
            .map(|(i, _)| i)
            .collect();
        self.selected = vec![false; self.visible.len()];
        self.anchor = None;
        self.pending_single = None;
        self.drag_over = None;
        self.menu = None;
    }

    pub fn view(&self, title: String) -> Element<'_, Message> {
        let connected = self.source.is_some();
        let tool = |label: &'static str, message: Message| {
            button(text(t(label)).size(13))
                .padding([3, 8])
                .on_press_maybe(connected.then_some(message))
                .style(button::secondary)
        };
        let send = button(
            text(t(if self.id == "local" {
                "upload"
            } else {
                "download"
            }))
            .size(13)
            .wrapping(text::Wrapping::None),
        )
        .padding([3, 8])
        .on_press_maybe(
            (connected && self.selected.iter().any(|s| *s)).then_some(Message::SendSelection),
        );
        let toolbar = row![
            text(title).size(15),
            tool("up", Message::Up),
            tool("home", Message::Home),
            tool("refresh", Message::Refresh),
            tool("new-folder", Message::NewFolder),
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
            text_input(t("filter-placeholder"), &self.filter)
                .id(format!("{}-filter", self.id))
                .on_input(Message::FilterEdited)
                .width(Length::Fixed(120.0)),
            checkbox(self.show_hidden)
                .label(t("show-hidden"))
                .text_size(13)
                .on_toggle(Message::ToggleHidden),
        ]
        .spacing(6)
        .align_y(iced::Center);

        let body: Element<'_, Message> = if !connected {
            container(text(t("connect-first"))).center(Fill).into()
        } else if let Some(e) = &self.error {
            container(text(e.clone()).style(text::danger))
                .padding(12)
                .width(Fill)
                .height(Fill)
                .into()
        } else if self.loading && self.entries.is_empty() {
            container(text(t("loading"))).center(Fill).into()
        } else if self.visible.is_empty() {
            container(text(t("empty-folder"))).center(Fill).into()
        } else {
            self.table()
        };

        let status = {
            let n_sel = self.selected.iter().filter(|s| **s).count();
            let mut s = format!("{} {}", self.visible.len(), t("items"));
            if n_sel > 0 {
                s += &format!(", {n_sel} {}", t("selected"));
            }
            if let Some(f) = self.free {
                s += &format!(" — {} {}", human_bytes(f.available), t("free"));
            }
            if self.refused > 0 {
                s += &format!(" — {} {}", self.refused, t("unsafe-names-hidden"));
            }
            text(s).size(12)
        };
        column![toolbar, self.breadcrumbs(), path_bar, body, status]
            .spacing(6)
            .height(Fill)
            .into()
    }

    /// The current path as clickable folders: `/ › home › ann › photos`.
    fn breadcrumbs(&self) -> Element<'_, Message> {
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
                Some(n) => crate::engine::name::escape_for_display(&String::from_utf8_lossy(n)),
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

    fn header(&self) -> Element<'_, Message> {
        let head = |label: &'static str, key: SortKey, width: Length| {
            let arrow = if self.sort == key {
                if self.descending { " ▼" } else { " ▲" }
            } else {
                ""
            };
            button(cell(text(format!("{}{arrow}", t(label))), Fill))
                .on_press(Message::SortBy(key))
                .style(button::text)
                .padding([2, 0])
                .width(width)
        };
        row![
            head("col-name", SortKey::Name, COLUMNS[0]),
            head("col-size", SortKey::Size, COLUMNS[1]),
            head("col-modified", SortKey::Modified, COLUMNS[2]),
            head("col-perms", SortKey::Permissions, COLUMNS[3]),
            head("col-owner", SortKey::Owner, COLUMNS[4]),
        ]
        .spacing(4)
        .padding([0, 4])
        .into()
    }

    fn table(&self) -> Element<'_, Message> {
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
            Some(row) => stack![
                list,
                opaque(
                    mouse_area(space().width(Fill).height(Fill))
                        .on_press(Message::CloseMenu)
                        .on_right_press(Message::CloseMenu)
                ),
                self.menu_view(row),
            ]
            .into(),
            None => list.into(),
        };
        column![self.header(), body].into()
    }

    /// The right-click menu, next to the row it was opened on (above it near the bottom).
    fn menu_view(&self, row: usize) -> Element<'_, Message> {
        let folder = self.folder_at(row).is_some();
        let n = self.selected.iter().filter(|s| **s).count();
        let local = self.id == "local";
        let mut items: Vec<(MenuAction, &'static str)> = Vec::new();
        if folder && n == 1 {
            items.push((MenuAction::Open, "menu-open"));
        }
        items.push((
            MenuAction::Send,
            if local {
                "menu-upload"
            } else {
                "menu-download"
            },
        ));
        if n == 1 {
            items.push((MenuAction::Rename, "menu-rename"));
        }
        items.push((MenuAction::Delete, "menu-delete"));
        items.push((MenuAction::NewFolder, "new-folder"));
        items.push((MenuAction::Permissions, "menu-permissions"));
        items.push((MenuAction::CopyPath, "menu-copy-path"));
        if n == 1 {
            items.push((MenuAction::Properties, "menu-properties"));
        }
        let height = items.len() as f32 * 28.0 + 8.0;
        let menu = column(items.into_iter().map(|(action, label)| {
            button(text(t(label)).size(13))
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
        let y = if below + height > self.view_height {
            (below - ROW_HEIGHT - height).max(0.0)
        } else {
            below
        };
        pin(menu).x(60).y(y).into()
    }

    fn row_view<'a>(&self, row_idx: usize, e: &'a Entry) -> Element<'a, Message> {
        let selected = self.selected.get(row_idx).copied().unwrap_or(false);
        let drop_here = self.dragging && self.drag_over == Some(row_idx) && e.is_dir_like();
        // An icon, and folders end in '/' and links show their target: readable in any font.
        let mut name = if e.is_dir_like() {
            format!("{}/", e.display)
        } else {
            e.display.clone()
        };
        if e.kind == crate::engine::entry::Kind::Symlink
            && let Some(target) = &e.link_target
        {
            name += &format!(" → {}", crate::engine::name::escape_for_display(target));
        }
        if !e.exact {
            name += &format!(" {}", t("name-not-exact"));
        }
        let size = if e.is_dir_like() {
            String::new()
        } else {
            e.size.map(human_bytes).unwrap_or_default()
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
    use crate::engine::entry::Kind;
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
    t.map(|t| {
        let local: chrono::DateTime<chrono::Local> = t.into();
        local.format("%Y-%m-%d %H:%M").to_string()
    })
    .unwrap_or_default()
}
