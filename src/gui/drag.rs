//! Dragging rows from one pane to the other (or onto a folder): what is carried, when a press
//! becomes a drag, the pane under the cursor (`Dragging`), where a drop would go, the drop itself
//! (a transfer, a move into a folder of the same pane, or with Ctrl in the remote pane a copy
//! made on the server) and the label that follows the cursor
//! saying what goes where.

use iced::widget::{container, pin, text};
use iced::{Element, Point, Task};

use crate::gui::pane::Pane;
use crate::gui::text::t;
use crate::gui::{App, Message, PaneSide, fileops, pane};
use ferry_engine::fs::entry::Entry;
use ferry_engine::fs::path::FsPath;

/// How far (logical pixels) the cursor must move with the button down before a press is a drag.
const THRESHOLD: f32 = 6.0;

#[derive(Debug, Clone)]
pub struct Drag {
    pub from: PaneSide,
    pub entries: Vec<Entry>,
    /// Where the cursor was first seen after the press, and where it is now.
    start: Option<Point>,
    pub at: Point,
    /// True once the cursor moved far enough: from then on the release drops.
    pub active: bool,
}

impl Drag {
    pub fn new(from: PaneSide, entries: Vec<Entry>) -> Drag {
        Drag {
            from,
            entries,
            start: None,
            at: Point::ORIGIN,
            active: false,
        }
    }

    /// The cursor moved; returns true when this move turned the press into a drag.
    pub fn moved(&mut self, p: Point) -> bool {
        self.at = p;
        let start = *self.start.get_or_insert(p);
        if !self.active && start.distance(p) >= THRESHOLD {
            self.active = true;
            return true;
        }
        false
    }

    /// What is dragged, for the label: the one name, or how many.
    pub fn what(&self) -> String {
        match self.entries.as_slice() {
            [one] if one.is_dir_like() => format!("{}/", one.display),
            [one] => one.display.clone(),
            many => t!("items", count = many.len()),
        }
    }

    /// The label that follows the cursor: `report.pdf → /srv/www` or a hint where nothing can go.
    pub fn view<'a, M: 'a>(&self, target: Option<String>) -> Element<'a, M> {
        let line = match target {
            Some(dest) => format!("{}  →  {dest}", self.what()),
            None => t!("drop-hint", what = self.what()),
        };
        let label = container(text(line).size(13))
            .padding([4, 8])
            .style(container::rounded_box);
        pin(label).x(self.at.x + 14.0).y(self.at.y + 12.0).into()
    }
}

/// Rows pressed (and perhaps dragged) with the left button, and the pane under the cursor.
#[derive(Debug, Default)]
pub struct Dragging {
    drag: Option<Drag>,
    hover: Option<PaneSide>,
}

impl Dragging {
    /// Rows are pressed: the cursor's moves and the release are followed.
    pub fn is_pressed(&self) -> bool {
        self.drag.is_some()
    }

    /// The drag under way, once the press moved far enough.
    pub fn active(&self) -> Option<&Drag> {
        self.drag.as_ref().filter(|d| d.active)
    }

    /// The left button went down on selected rows of `from`.
    pub fn press(&mut self, from: PaneSide, entries: Vec<Entry>) {
        self.drag = Some(Drag::new(from, entries));
    }

    /// Escape: nothing is dragged any more.
    pub fn cancel(&mut self) {
        self.drag = None;
    }

    /// Where a drop would go now, over `local` and `remote`: the side and the folder (a folder
    /// row under the cursor, else the pane's folder when it is the other side).
    pub fn target(&self, local: &Pane, remote: &Pane) -> Option<(PaneSide, FsPath)> {
        let drag = self.active()?;
        let side = self.hover?;
        let pane = match side {
            PaneSide::Local => local,
            PaneSide::Remote => remote,
        };
        pane.source.as_ref()?;
        let folder = pane
            .drag_over
            .and_then(|row| pane.folder_at(row))
            .filter(|(e, _)| side != drag.from || !drag.entries.iter().any(|d| d.name == e.name));
        match (folder, side == drag.from) {
            (Some((_, path)), _) => Some((side, path)),
            (None, false) => Some((side, pane.path.clone())),
            (None, true) => None,
        }
    }
}

impl App {
    /// Where a drop would go now: the side and the folder.
    pub(super) fn drop_target(&self) -> Option<(PaneSide, FsPath)> {
        self.drag.target(&self.local, &self.remote)
    }

    pub(super) fn hovered(&mut self, side: PaneSide) -> Task<Message> {
        self.drag.hover = Some(side);
        Task::none()
    }

    pub(super) fn unhovered(&mut self, side: PaneSide) -> Task<Message> {
        if self.drag.hover == Some(side) {
            self.drag.hover = None;
        }
        Task::none()
    }

    /// The cursor moved with rows pressed: once it is a drag, both panes show it.
    pub(super) fn drag_moved(&mut self, p: Point) -> Task<Message> {
        if let Some(d) = self.drag.drag.as_mut()
            && d.moved(p)
        {
            self.local.dragging = true;
            self.remote.dragging = true;
        }
        Task::none()
    }

    pub(super) fn drag_released(&mut self) -> Task<Message> {
        let target = self.drop_target();
        let Some(drag) = self.drag.drag.take() else {
            return Task::none();
        };
        let side = drag.from;
        if !drag.active {
            self.local.end_drag();
            self.remote.end_drag();
            return self.pane_message(side, pane::Message::ClickReleased);
        }
        self.local.end_drag();
        self.remote.end_drag();
        match target {
            Some((to, dest)) if to != side => self.transfer(side, drag.entries, dest),
            Some((_, dest)) if side == PaneSide::Remote && self.remote.modifiers.control() => {
                // Ctrl+drag onto a folder of the server: a copy, made on the server.
                let dir = self.remote.path.clone();
                self.copy_on_server(dir, drag.entries, dest)
            }
            Some((_, dest)) => {
                // Dropped on a folder in the same pane: move the rows into it.
                let pane = self.pane_mut(side);
                let (Some(source), dir) = (pane.source.clone(), pane.path.clone()) else {
                    return Task::none();
                };
                fileops::move_into(source, dir, drag.entries, dest)
                    .map(move |r| Message::FileOpDone(side, r))
            }
            None => Task::none(),
        }
    }
}
