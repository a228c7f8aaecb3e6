//! The Editing list (beside the transfer panel while a file is edited), the conflict dialog, the
//! question before a large or binary file opens, and the watches on the copies.

use std::path::PathBuf;
use std::time::Duration;

use futures::SinkExt;
use iced::widget::{button, column, container, row, scrollable, space, text};
use iced::{Element, Fill, Length, Subscription};

use super::{Editing, Edits, Message, State};
use crate::gui::format;
use crate::gui::text::t;
use ferry_engine::edit::{Resolution, Watch};
use ferry_engine::fs::name::escape_for_display;

fn small(label: String, message: Message) -> iced::widget::Button<'static, Message> {
    button(text(label).size(12))
        .padding([2, 8])
        .on_press(message)
        .style(button::secondary)
}

/// The watch of one copy: every settled save is a [`Message::Saved`]. One comes as soon as the
/// watch runs, too: the editor starts before the subscription does, and a save it makes in between
/// would otherwise go unseen (an unchanged copy uploads nothing).
fn watch(
    (id, local, debounce): &(u64, PathBuf, Duration),
) -> impl iced::futures::Stream<Item = Message> + use<> {
    let (id, local, debounce) = (*id, local.clone(), *debounce);
    iced::stream::channel(4, async move |mut out| {
        let Ok(mut w) = Watch::start(&local, debounce) else {
            return;
        };
        if out.send(Message::Saved(id)).await.is_err() {
            return;
        }
        // A failed watch is a reason to look at the copy, not to stop.
        while w.next().await.is_some() {
            if out.send(Message::Saved(id)).await.is_err() {
                return;
            }
        }
    })
}

impl Edits {
    pub fn subscription(&self) -> Subscription<Message> {
        Subscription::batch(self.items.iter().filter_map(|e| {
            let local = e.local.clone()?;
            e.session.as_ref()?;
            Some(Subscription::run_with(
                (e.id, local, self.opts.debounce),
                watch,
            ))
        }))
    }

    fn state_text(e: &Editing) -> (String, bool) {
        match &e.state {
            State::Opening => (t!("edit-state-opening"), false),
            State::AskLarge(_) | State::AskBinary => (t!("edit-state-asking"), false),
            State::Watching => (t!("edit-state-watching"), false),
            State::ReadOnly => (t!("edit-state-read-only"), true),
            State::Uploading => (t!("edit-state-uploading"), false),
            State::Uploaded(at) => (
                t!("edit-state-uploaded", at = format::date_time_seconds(*at)),
                false,
            ),
            State::Conflict => (t!("edit-state-conflict"), true),
            State::Failed(why) => (t!("edit-state-failed", error = why.as_str()), true),
            State::NotUploaded => (t!("edit-state-not-uploaded"), true),
        }
    }

    /// The Editing list.
    pub fn view(&self) -> Element<'_, Message> {
        let rows = self.items.iter().map(|e| {
            let (state, bad) = Self::state_text(e);
            let mut buttons = row![].spacing(4);
            match e.state {
                State::NotUploaded if !e.busy => {
                    buttons = buttons
                        .push(
                            small(t!("edit-upload"), Message::Upload(e.id)).style(button::primary),
                        )
                        .push(
                            small(t!("edit-discard"), Message::Discard(e.id)).style(button::danger),
                        );
                }
                State::Conflict => {
                    buttons = buttons
                        .push(small(t!("edit-resolve"), Message::Ask(e.id)).style(button::primary));
                }
                _ => {}
            }
            if e.session.is_some() && !e.busy {
                buttons = buttons
                    .push(small(t!("edit-open-again"), Message::Reopen(e.id)))
                    .push(small(t!("edit-stop"), Message::Stop(e.id)));
            }
            let state = text(state).size(12);
            let state = if bad {
                state.style(text::danger)
            } else {
                state
            };
            column![
                row![
                    text(escape_for_display(&e.name())).size(13).width(Fill),
                    text(e.server()).size(12),
                ]
                .spacing(8),
                row![state.width(Fill), buttons]
                    .spacing(8)
                    .align_y(iced::Center),
            ]
            .spacing(2)
            .into()
        });
        column![
            text(t!("edit-list-title", count = self.items.len())).size(13),
            scrollable(column(rows).spacing(8)).spacing(4).height(Fill),
        ]
        .spacing(6)
        .padding(4)
        .width(Length::Fixed(380.0))
        .into()
    }

    /// The dialog that waits on the person: a conflict, or a large or binary file.
    pub fn dialog(&self) -> Option<Element<'_, Message>> {
        if let Some(e) = self
            .asking
            .and_then(|id| self.items.iter().find(|e| e.id == id))
        {
            return Some(conflict(e));
        }
        let e = self
            .items
            .iter()
            .find(|e| matches!(e.state, State::AskLarge(_) | State::AskBinary))?;
        let name = escape_for_display(&e.name());
        let question = match e.state {
            State::AskLarge(size) => t!(
                "edit-ask-large",
                name = name.as_str(),
                size = format::size(size)
            ),
            _ => t!("edit-ask-binary", name = name.as_str()),
        };
        Some(boxed(
            column![
                text(question),
                row![
                    space::horizontal(),
                    button(text(t!("cancel")))
                        .on_press(Message::GoOn(e.id, false))
                        .style(button::secondary),
                    button(text(t!("edit-anyway"))).on_press(Message::GoOn(e.id, true)),
                ]
                .spacing(8),
            ]
            .spacing(14)
            .into(),
        ))
    }
}

fn conflict(e: &Editing) -> Element<'_, Message> {
    let name = escape_for_display(&e.name());
    boxed(
        column![
            text(t!("edit-conflict-title", name = name.as_str())).size(20),
            text(t!(
                "edit-conflict-body",
                name = name.as_str(),
                server = e.server()
            )),
            row![
                button(text(t!("edit-overwrite")))
                    .on_press(Message::Resolve(e.id, Resolution::Overwrite))
                    .style(button::danger),
                button(text(t!("edit-keep-both")))
                    .on_press(Message::Resolve(e.id, Resolution::KeepBoth)),
                button(text(t!("edit-discard-mine")))
                    .on_press(Message::Resolve(e.id, Resolution::Discard))
                    .style(button::secondary),
            ]
            .spacing(8)
            .wrap()
            .vertical_spacing(8),
            row![
                space::horizontal(),
                button(text(t!("edit-later")))
                    .on_press(Message::Later)
                    .style(button::secondary),
            ],
        ]
        .spacing(12)
        .into(),
    )
}

fn boxed(body: Element<'_, Message>) -> Element<'_, Message> {
    container(body)
        .padding(20)
        .width(Length::Fixed(600.0))
        .style(container::bordered_box)
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::StreamExt;

    #[tokio::test]
    async fn a_save_made_before_the_watch_ran_is_looked_at() {
        let dir = tempfile::tempdir().unwrap();
        let local = dir.path().join("notes.txt");
        std::fs::write(&local, "saved before the watch\n").unwrap();
        let mut saves = std::pin::pin!(watch(&(7, local, Duration::from_secs(30))));
        let first = tokio::time::timeout(Duration::from_secs(5), saves.next()).await;
        assert!(matches!(first, Ok(Some(Message::Saved(7)))), "{first:?}");
    }
}
