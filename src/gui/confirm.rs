//! The questions the window asks before it drops a connection, as FileZilla does: Disconnect while
//! transfers run (they would be cancelled) or files are being edited (WinSCP's warning), connecting elsewhere while a connection is open or
//! being made ("Break current connection?"), and closing the window while an edit's save is not
//! on the server. What follows a "yes" is the app's (`session.rs`); this
//! module only holds what was asked and draws it.

use iced::widget::{button, column, container, row, text};
use iced::{Element, Length};

use crate::gui::text::t;
use ferry_engine::sites::Site;

/// What waits for the person's answer.
#[derive(Debug, Clone)]
pub enum Confirm {
    /// Disconnect, cancelling the transfers that run and stopping the edits.
    Disconnect,
    /// Close the connection open (or being made) and connect as `Next` says.
    Break(Next),
    /// Close the window though an edit's save is not on the server (it is kept for the next
    /// start).
    Quit(iced::window::Id),
}

/// The connection asked for while another one was open.
#[derive(Debug, Clone)]
pub enum Next {
    /// The address in the quick-connect box.
    Quick,
    /// A saved site.
    Site(Box<Site>),
}

/// The dialog: `current` is the connection that would close, `next` the address asked for (when
/// breaking), `running` the transfers that would be cancelled, `editing` the files being edited
/// over the connection (their later saves would not go up). `answer(true)` goes on.
pub fn view<'a, M: Clone + 'a>(
    confirm: &Confirm,
    current: &str,
    next: &str,
    running: usize,
    editing: usize,
    answer: impl Fn(bool) -> M,
) -> Element<'a, M> {
    let (title, body, go) = match confirm {
        Confirm::Disconnect => (
            t!("confirm-disconnect-title", address = current),
            None,
            t!("disconnect"),
        ),
        Confirm::Break(_) => (
            t!("confirm-break-title"),
            Some(t!("confirm-break-body", address = current, next = next)),
            t!("connect"),
        ),
        Confirm::Quit(_) => (
            t!("confirm-quit-title"),
            Some(t!("confirm-quit-body")),
            t!("confirm-quit"),
        ),
    };
    let mut col = column![text(title).size(20)].spacing(10);
    if let Some(body) = body {
        col = col.push(text(body));
    }
    if running > 0 {
        col = col.push(text(t!("confirm-running", count = running)));
    }
    if editing > 0 && !matches!(confirm, Confirm::Quit(_)) {
        col = col.push(text(t!("confirm-editing", count = editing)));
    }
    let buttons = row![
        button(text(t!("cancel")))
            .on_press(answer(false))
            .style(button::secondary),
        button(text(go)).on_press(answer(true)),
    ]
    .spacing(8);
    container(col.push(buttons))
        .padding(20)
        .width(Length::Fixed(520.0))
        .style(container::bordered_box)
        .into()
}
