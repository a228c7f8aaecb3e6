//! One file pane — used twice, for the local disk and for the server — over the engine's
//! `FileSystem`: its state and messages (navigation, hidden-files toggle, glob filter, sort with
//! folders first, click / Ctrl-click / Shift-click selection, double-click to open, drag hover,
//! the context menu). `view.rs` draws it.
//!
//! Listing runs in a task, never in `update`. Only the rows in view are built, so a folder of
//! 100,000 entries scrolls as smoothly as one of ten.

mod view;

use std::sync::Arc;

use iced::{Length, Task};

use crate::gui::text::{error_text, t};
use ferry_engine::error::Error;
use ferry_engine::fs::entry::{Entry, NameFilter, SortKey, sort_entries};
use ferry_engine::fs::local::LocalFs;
use ferry_engine::fs::path::FsPath;
use ferry_engine::fs::{FileSystem, FreeSpace, ListCut, ListOptions};
use ferry_engine::transfer::pool::Link;
use ferry_engine::url::RemoteStart;

pub const ROW_HEIGHT: f32 = 26.0;

/// Name, Size, Modified, Permissions, Owner: shares of the width, so a narrow pane squeezes every
/// column (text is clipped, never wrapped) instead of losing the names. Owner gets as much as
/// Permissions: its header is a long word in several languages ("Propriétaire", "Właściciel").
const COLUMNS: [Length; 5] = [
    Length::FillPortion(7),
    Length::FillPortion(3),
    Length::FillPortion(5),
    Length::FillPortion(3),
    Length::FillPortion(3),
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
            Source::Local => f.write_str("Local"), // i18n-ok: Debug
            Source::Remote(l) => write!(f, "Remote({})", l.conn.host), // i18n-ok: Debug
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
    /// The listing of this folder stopped before its end (sent right after its `Listed`): the
    /// pane shows what arrived, with why it is not all.
    Cut(FsPath, ListCut),
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
    /// The selection is to go to the other side.
    Transfer(Vec<Entry>),
    /// A file was double-clicked (or Enter pressed on it): a transfer, or Edit.
    Activated(Entry),
    /// The New folder button was pressed.
    NewFolder,
    /// A context-menu command for the selection.
    Menu(MenuAction, Vec<Entry>),
}

/// The commands of the right-click menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuAction {
    /// A folder: open it; a local file: the OS's default app.
    Open,
    /// A server's file in an editor, each save uploaded.
    Edit,
    Send,
    Rename,
    Delete,
    NewFolder,
    Permissions,
    CopyPath,
    Properties,
    /// A copy beside each, made on the server ("NAME copy").
    Duplicate,
    /// Remember the rows to paste (a server's own files, copied on the server).
    CopyFiles,
    /// Copy the remembered rows into this folder, on the server.
    Paste,
    /// A symbolic or hard link.
    NewLink,
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
    /// Rows of this server were copied (Copy): the menu offers Paste.
    pub can_paste: bool,
    sort: SortKey,
    descending: bool,
    filter: String,
    show_hidden: bool,
    loading: bool,
    /// Why the folder in `path` cannot be shown (in place of the table).
    error: Option<String>,
    /// Why the folder asked for last could not be opened, shown above the listing of `path`,
    /// which stays (as in FileZilla and WinSCP: a folder that cannot be opened does not leave
    /// the pane half in one folder and half in the other).
    notice: Option<String>,
    /// A listing of `path` is on screen.
    listed: bool,
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
            can_paste: false,
            sort: SortKey::Name,
            descending: false,
            filter: String::new(),
            show_hidden: false,
            loading: false,
            error: None,
            notice: None,
            listed: false,
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
        self.listed = false;
        self.error = None;
        self.notice = None;
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
        let (sort, descending) = (self.sort, self.descending);
        Task::future(async move {
            let fs = src.fs();
            let listing = match fs.list_partial(&path, ListOptions::default()).await {
                Ok(l) => l,
                Err(e) => return (Err(e), None),
            };
            let free = fs.free_space(&path).await.ok().flatten();
            // Sorted here, off the UI thread; `update` then only checks the order.
            let mut entries = listing.entries;
            sort_entries(&mut entries, sort, descending);
            let hidden = listing.refused_count + listing.duplicate_count;
            (Ok((entries, free, hidden)), listing.cut)
        })
        .then(move |(listed, cut)| {
            let listed = Task::done(Message::Listed(asked.clone(), listed));
            match cut {
                Some(cut) => listed.chain(Task::done(Message::Cut(asked.clone(), cut))),
                None => listed,
            }
        })
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
                self.notice = None;
                self.listed = true;
                if !same_folder {
                    self.scroll_y = 0.0;
                }
                self.recompute();
                Task::none()
            }
            Message::Cut(path, cut) => {
                if path == self.path {
                    self.notice = Some(t!(
                        "listing-cut-shown",
                        reason = error_text(&cut.error(&path))
                    ));
                }
                Task::none()
            }
            Message::Listed(path, Err(e)) => {
                self.loading = false;
                if self.listed && path != self.path {
                    // Another folder could not be opened: stay where we are.
                    self.notice = Some(error_text(&e));
                    self.path_text = self.path.to_string();
                } else {
                    // Nothing to stay in, or the folder shown is the one that failed (deleted
                    // meanwhile): the pane shows that folder, empty, with why.
                    self.path = path;
                    self.path_text = self.path.to_string();
                    self.entries.clear();
                    self.free = None;
                    self.refused = 0;
                    self.listed = false;
                    self.notice = None;
                    self.error = Some(error_text(&e));
                    self.recompute();
                }
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
                if action == MenuAction::Open && self.folder_at(row).is_some() {
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

    /// Opens a folder, or tells the parent a file was activated.
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
            (Task::none(), Some(Event::Activated(entry)))
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
}
