//! The keyboard: arrows, Enter, Backspace, Delete, F2, F5, Tab, Ctrl+A, Ctrl+L, Ctrl+Q, Escape,
//! Ctrl+C / Ctrl+V in the remote pane (copies made on the server) —
//! and, while a dialog is open, only what the dialog takes; and Ctrl/Shift held (for click
//! selection).

use iced::{Task, keyboard};

use crate::gui::{App, Message, PaneSide, dialogs, pane, transfers};

impl App {
    /// Ctrl/Shift changed: both panes' clicks see it.
    pub(super) fn modifiers_changed(&mut self, m: keyboard::Modifiers) -> Task<Message> {
        self.local.modifiers = m;
        self.remote.modifiers = m;
        Task::none()
    }

    pub(super) fn key(&mut self, key: keyboard::Key, mods: keyboard::Modifiers) -> Task<Message> {
        use keyboard::key::Named;
        if self.confirm.is_some() {
            if key == keyboard::Key::Named(Named::Escape) {
                return self.confirmed(false);
            }
            return Task::none();
        }
        if self.fileop.is_some() {
            if key == keyboard::Key::Named(Named::Escape) {
                self.fileop = None;
            }
            return Task::none();
        }
        if self.session.dialog().is_some() {
            if key == keyboard::Key::Named(Named::Escape) {
                return self.session.dialog_message(dialogs::Message::Cancel);
            }
            return Task::none();
        }
        if self.manager.is_some() {
            if key == keyboard::Key::Named(Named::Escape) {
                self.manager = None;
            }
            return Task::none();
        }
        if self.alarm.is_some() {
            if key == keyboard::Key::Named(Named::Escape) {
                self.alarm = None;
            }
            return Task::none();
        }
        if self.transfers.conflict().is_some() {
            if key == keyboard::Key::Named(Named::Escape) {
                return self.transfer_message(transfers::Message::Answer(None));
            }
            return Task::none();
        }
        let side = self.active;
        if key == keyboard::Key::Named(Named::Escape) {
            self.local.menu = None;
            self.remote.menu = None;
            self.drag.cancel();
            self.local.end_drag();
            self.remote.end_drag();
            return Task::none();
        }
        match key.as_ref() {
            keyboard::Key::Named(Named::Tab) => {
                self.active = if side == PaneSide::Local {
                    PaneSide::Remote
                } else {
                    PaneSide::Local
                };
                Task::none()
            }
            keyboard::Key::Named(Named::ArrowDown) => {
                self.pane_mut(side).move_selection(1);
                Task::none()
            }
            keyboard::Key::Named(Named::ArrowUp) => {
                self.pane_mut(side).move_selection(-1);
                Task::none()
            }
            keyboard::Key::Named(Named::Enter) => match self.pane_mut(side).cursor() {
                Some(row) => self.pane_message(side, pane::Message::DoubleClicked(row)),
                None => Task::none(),
            },
            keyboard::Key::Named(Named::Backspace) => self.pane_message(side, pane::Message::Up),
            keyboard::Key::Named(Named::F5) => self.pane_message(side, pane::Message::Refresh),
            keyboard::Key::Named(Named::F2) => self.start_fileop(side, true),
            keyboard::Key::Named(Named::F4) => self.edit_selection(),
            keyboard::Key::Named(Named::Delete) => self.start_fileop(side, false),
            keyboard::Key::Character("q") if mods.command() => {
                iced::window::latest().then(|id| match id {
                    Some(id) => Task::done(Message::CloseRequested(id)),
                    None => iced::exit(),
                })
            }
            // Copy and paste on the server itself (the local pane has the OS's file manager).
            keyboard::Key::Character("c") if mods.command() && side == PaneSide::Remote => {
                let rows = self.remote.selection();
                self.copy_rows(rows)
            }
            keyboard::Key::Character("v") if mods.command() && side == PaneSide::Remote => {
                self.paste_rows()
            }
            keyboard::Key::Character("a") if mods.command() => {
                self.pane_mut(side).select_all();
                Task::none()
            }
            keyboard::Key::Character("l") if mods.command() => {
                iced::widget::operation::focus(format!(
                    "{}-path",
                    if side == PaneSide::Local {
                        "local"
                    } else {
                        "remote"
                    }
                ))
            }
            _ => Task::none(),
        }
    }
}
