//! The app's side of editing: Edit on the remote pane's file (menu, F4, a double-click when
//! Settings says so), Open on a local file, the events of the Editing list (a notice, the open
//! connection's pool for a left-over edit, the remote pane listed again after a save went up into
//! its folder), and ending the edits when the connection or the
//! window closes (asking first when a save is not on the server).

use iced::Task;

use crate::gui::edit::{self, Event, launch};
use crate::gui::settings::editing::is_text;
use crate::gui::text::t;
use crate::gui::{App, Message, PaneSide, confirm};
use ferry_engine::fs::entry::Entry;

impl App {
    /// Edit: the one file of `entries` in the remote pane.
    pub(crate) fn edit_rows(&mut self, entries: Vec<Entry>) -> Task<Message> {
        let [entry] = entries.as_slice() else {
            return Task::none();
        };
        if entry.is_dir_like() || !entry.exact {
            return Task::none();
        }
        let Some((pool, site)) = self.session.job_target() else {
            self.notice = Some(t!("connect-first").to_string());
            return Task::none();
        };
        let Ok(remote) = self.remote.path.join(&entry.name) else {
            return Task::none();
        };
        let editor = self.settings.prefs.editing.editor_for(&entry.display);
        self.edits
            .open(pool, site, remote, editor)
            .map(Message::Edit)
    }

    /// F4: Edit the selection of the remote pane.
    pub(crate) fn edit_selection(&mut self) -> Task<Message> {
        if self.active != PaneSide::Remote {
            return Task::none();
        }
        let rows = self.remote.selection();
        self.edit_rows(rows)
    }

    /// A double-click on a file: Edit when Settings says so and it is text, else the transfer.
    pub(crate) fn file_activated(&mut self, side: PaneSide, entry: Entry) -> Task<Message> {
        let edits = self.settings.prefs.editing.double_click_edits;
        if side == PaneSide::Remote && edits && is_text(&entry.display) {
            return self.edit_rows(vec![entry]);
        }
        let dest = self.pane_mut(crate::gui::other(side)).path.clone();
        self.transfer(side, vec![entry], dest)
    }

    /// Open: a local file in the OS's default app.
    pub(crate) fn open_local(&mut self, entries: Vec<Entry>) -> Task<Message> {
        let [entry] = entries.as_slice() else {
            return Task::none();
        };
        let Ok(path) = self.local.path.join(&entry.name) else {
            return Task::none();
        };
        let path = ferry_engine::fs::local::to_local(&path);
        Task::perform(launch::open(String::new(), path), |r| {
            Message::Edit(edit::Message::Launched(0, r))
        })
    }

    pub(crate) fn edit_message(&mut self, m: edit::Message) -> Task<Message> {
        let (task, event) = self.edits.update(m);
        let task = task.map(Message::Edit);
        match event {
            Some(Event::Notice(n)) => self.notice = Some(n),
            Some(Event::Info(n)) => self.info = Some(n),
            Some(Event::Uploaded(folder)) if folder == self.remote.path => {
                let list = self.remote.list(folder).map(Message::Remote);
                return Task::batch([task, list]);
            }
            Some(Event::Uploaded(_)) => {}
            Some(Event::WantsPool(id)) => {
                let want = self
                    .edits
                    .items
                    .iter()
                    .find(|e| e.id == id)
                    .map(|e| e.site.clone());
                match (self.session.job_target(), want) {
                    (Some((pool, site)), Some(want)) if site == want => {
                        return Task::batch([
                            task,
                            self.edits.recover(id, pool).map(Message::Edit),
                        ]);
                    }
                    (_, Some(want)) => {
                        self.notice = Some(t!("edit-connect-to", server = want.authority()))
                    }
                    _ => {}
                }
            }
            None => {}
        }
        task
    }

    /// Stops every edit of the connection that closes (a save not on the server stays in the
    /// list, to upload after connecting again).
    pub(crate) fn stop_edits(&mut self) -> Task<Message> {
        let ids: Vec<u64> = self
            .edits
            .items
            .iter()
            .filter(|e| e.session.is_some())
            .map(|e| e.id)
            .collect();
        Task::batch(
            ids.into_iter()
                .map(|id| self.edit_message(edit::Message::Stop(id))),
        )
    }

    /// Closing the window with a save not on the server asks first.
    pub(crate) fn ask_quit(&mut self, id: iced::window::Id) -> bool {
        if self.edits.unsent() == 0 || matches!(self.confirm, Some(confirm::Confirm::Quit(_))) {
            return false;
        }
        self.confirm = Some(confirm::Confirm::Quit(id));
        true
    }
}
