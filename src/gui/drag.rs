//! Dragging rows from one pane to the other (or onto a folder): what is carried, when a press
//! becomes a drag, and the label that follows the cursor saying what goes where.

use iced::widget::{container, pin, text};
use iced::{Element, Point};

use crate::engine::entry::Entry;
use crate::gui::Side;
use crate::gui::text::t;

/// How far (logical pixels) the cursor must move with the button down before a press is a drag.
const THRESHOLD: f32 = 6.0;

#[derive(Debug, Clone)]
pub struct Drag {
    pub from: Side,
    pub entries: Vec<Entry>,
    /// Where the cursor was first seen after the press, and where it is now.
    start: Option<Point>,
    pub at: Point,
    /// True once the cursor moved far enough: from then on the release drops.
    pub active: bool,
}

impl Drag {
    pub fn new(from: Side, entries: Vec<Entry>) -> Drag {
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
            many => format!("{} {}", many.len(), t("items")),
        }
    }

    /// The label that follows the cursor: `report.pdf → /srv/www` or a hint where nothing can go.
    pub fn view<'a, M: 'a>(&self, target: Option<String>) -> Element<'a, M> {
        let line = match target {
            Some(dest) => format!("{}  →  {dest}", self.what()),
            None => format!("{}  ({})", self.what(), t("drop-hint")),
        };
        let label = container(text(line).size(13))
            .padding([4, 8])
            .style(container::rounded_box);
        pin(label).x(self.at.x + 14.0).y(self.at.y + 12.0).into()
    }
}
