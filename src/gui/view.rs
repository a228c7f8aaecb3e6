//! What the window shows: the connection bar, the two panes with the divider, the notice, the
//! transfer panel, the drag label and whichever dialog is open; and the event subscriptions
//! (keys, file drops, window size and close, the cursor while rows are dragged).

use iced::widget::{
    button, column, container, mouse_area, pane_grid, row, rule, stack, text as label, text_input,
};
use iced::{Element, Fill, Length, Subscription, keyboard, mouse};

use crate::gui::pane::{self, Pane};
use crate::gui::session::Conn;
use crate::gui::text::t;
use crate::gui::{
    App, BarAction, Message, PaneSide, confirm, dialogs, fileops, saved, settings, sites, transfers,
};

impl App {
    pub fn subscription(&self) -> Subscription<Message> {
        let keys = keyboard::listen().filter_map(|e| match e {
            keyboard::Event::KeyPressed { key, modifiers, .. } => {
                Some(Message::Key(key, modifiers))
            }
            keyboard::Event::ModifiersChanged(m) => Some(Message::Modifiers(m)),
            _ => None,
        });
        let drops = iced::event::listen_with(|event, _status, _id| match event {
            iced::Event::Window(iced::window::Event::FileDropped(path)) => {
                Some(Message::FileDropped(path))
            }
            _ => None,
        });
        let window = iced::event::listen_with(|event, _status, id| match event {
            iced::Event::Window(iced::window::Event::Resized(size)) => Some(Message::Resized(size)),
            iced::Event::Window(iced::window::Event::CloseRequested) => {
                Some(Message::CloseRequested(id))
            }
            _ => None,
        });
        let mut subs = vec![
            keys,
            drops,
            window,
            self.session.subscription(),
            self.edits.subscription().map(Message::Edit),
        ];
        if self.drag.is_pressed() {
            subs.push(iced::event::listen_with(
                |event, _status, _id| match event {
                    iced::Event::Mouse(mouse::Event::CursorMoved { position }) => {
                        Some(Message::DragMoved(position))
                    }
                    iced::Event::Mouse(mouse::Event::ButtonReleased(mouse::Button::Left)) => {
                        Some(Message::DragReleased)
                    }
                    _ => None,
                },
            ));
        }
        Subscription::batch(subs)
    }

    /// One pane in the layout, outlined while it is where a drag would drop.
    pub(super) fn pane_view(&self, side: PaneSide) -> Element<'_, Message> {
        let (pane, title, wrap): (&Pane, _, fn(pane::Message) -> Message) = match side {
            PaneSide::Local => (&self.local, t!("local"), Message::Local),
            PaneSide::Remote => (&self.remote, t!("remote"), Message::Remote),
        };
        let target = self.drop_target().is_some_and(|(s, _)| s == side);
        let active = self.active == side;
        let body = container(pane.view(title.to_string()).map(wrap))
            .padding(4)
            .style(move |theme: &iced::Theme| {
                let p = theme.extended_palette();
                container::Style {
                    // Green where a drag would drop; a quiet outline on the pane the keyboard
                    // works in.
                    border: iced::Border {
                        color: if target {
                            p.success.strong.color
                        } else if active {
                            p.background.strong.color
                        } else {
                            iced::Color::TRANSPARENT
                        },
                        width: if target { 2.0 } else { 1.0 },
                        radius: 4.0.into(),
                    },
                    ..container::Style::default()
                }
            });
        mouse_area(body)
            .on_enter(Message::Hover(side))
            .on_exit(Message::Unhover(side))
            .into()
    }

    pub fn view(&self) -> Element<'_, Message> {
        let state: Element<'_, Message> = match self.session.conn() {
            Conn::Disconnected => label(t!("not-connected")).into(),
            Conn::Connecting { server, .. } => {
                label(t!("connecting-to", address = server.as_str())).into()
            }
            Conn::Connected {
                reconnecting: true,
                label: l,
                ..
            } => label(t!("reconnecting-to", address = l.as_str())).into(),
            // The address is in the field beside it: a green dot says the rest.
            Conn::Connected { label: l, .. } => iced::widget::tooltip(
                label(format!("● {}", t!("connected"))).style(strong_success),
                container(label(t!("connected-as", who = l.as_str())).size(13))
                    .padding(6)
                    .style(container::rounded_box),
                iced::widget::tooltip::Position::Bottom,
            )
            .into(),
        };
        let connected = self.session.is_connected();
        let idle = self.session.is_idle();
        let bar = row![
            iced::widget::pick_list(self.choices(), None::<saved::SiteOrRecent>, Message::Pick)
                .placeholder(t!("sites-pick"))
                .width(Length::Fixed(150.0)),
            button(label(t!("sites-button")))
                .style(button::secondary)
                .on_press(Message::OpenSites),
            // The address box gives way first when the window is narrow or the labels are long
            // (German), so the buttons on the right never fall off the edge.
            container(
                text_input(&t!("quick-connect-placeholder"), &self.quick)
                    .id("quick-connect")
                    .on_input(Message::QuickEdited)
                    .on_submit(Message::Connect)
                    .width(Fill),
            )
            .max_width(300)
            .width(Length::FillPortion(4)),
            if connected {
                button(label(t!("disconnect")))
                    .on_press(Message::Disconnect)
                    .style(button::secondary)
            } else {
                button(label(t!("connect"))).on_press_maybe(idle.then_some(Message::Connect))
            },
            state,
        ]
        .spacing(10)
        .align_y(iced::Center);
        // While connected: the connection's menu (key login, copy the address).
        let bar = if connected {
            bar.push(
                iced::widget::pick_list(
                    [BarAction::SetUpKeyLogin, BarAction::CopyAddress],
                    None::<BarAction>,
                    Message::Menu,
                )
                .placeholder(t!("connection-menu")),
            )
        } else {
            bar
        };
        let bar = bar.extend([
            iced::widget::space::horizontal()
                .width(Length::FillPortion(1))
                .into(),
            button(label(t!("pick-upload")))
                .style(button::secondary)
                .on_press_maybe(connected.then_some(Message::PickUpload))
                .into(),
            button(label(t!("pick-download")))
                .style(button::secondary)
                .on_press_maybe(connected.then_some(Message::PickDownloadDir))
                .into(),
            iced::widget::tooltip(
                button(label("⚙"))
                    .style(button::secondary)
                    .on_press(Message::Settings(settings::Message::Open)),
                container(label(t!("settings-button")).size(13))
                    .padding(6)
                    .style(container::rounded_box),
                iced::widget::tooltip::Position::Bottom,
            )
            .into(),
        ]);

        let panes = pane_grid(&self.layout, |_, side, _| {
            pane_grid::Content::new(self.pane_view(*side))
        })
        .spacing(10)
        .on_resize(10, Message::Divider)
        .height(Length::FillPortion(3));

        let mut main = column![bar].spacing(8).padding(10);
        // A problem in red; a suggestion (shown only when there is no problem) in grey.
        let banner = match (&self.notice, &self.info) {
            (Some(n), _) => Some((n, true)),
            (None, Some(n)) => Some((n, false)),
            (None, None) => None,
        };
        if let Some((n, problem)) = banner {
            main = main.push(
                container(
                    row![
                        label(n.clone()).width(Fill),
                        button(label(t!("dismiss")))
                            .on_press(Message::DismissNotice)
                            .style(button::secondary),
                    ]
                    .align_y(iced::Center),
                )
                .padding(8)
                .style(if problem {
                    container::danger
                } else {
                    container::secondary
                })
                .width(Fill),
            );
        }
        let transfers: Element<'_, Message> = if self.edits.items.is_empty() {
            self.transfers.view().map(Message::Transfers)
        } else {
            row![
                container(self.transfers.view().map(Message::Transfers)).width(Fill),
                rule::vertical(1),
                self.edits.view().map(Message::Edit),
            ]
            .spacing(8)
            .into()
        };
        let main = main
            .push(panes)
            .push(rule::horizontal(1))
            .push(container(transfers).height(Length::FillPortion(1)));
        let mut base: Element<'_, Message> = main.into();
        if let Some(d) = self.drag.active() {
            // Ctrl over a folder of the server the rows come from: a copy, not a move.
            let copying = d.from == PaneSide::Remote && self.remote.modifiers.control();
            let target = self.drop_target().map(|(side, p)| {
                if copying && side == PaneSide::Remote {
                    t!("drag-copy", dest = p.display_lossy())
                } else {
                    p.display_lossy()
                }
            });
            base = stack![base, d.view(target)].into();
        }
        let dialog = self.session.dialog();
        if let (Some(k), None, None) = (&self.key_setup, dialog, &self.alarm) {
            return dialogs::modal(
                base,
                k.view().map(Message::KeySetup),
                Message::KeySetup(crate::gui::keylogin::Message::Close),
            );
        }
        if let (Some(m), None, None) = (&self.manager, dialog, &self.alarm) {
            return dialogs::modal(
                base,
                m.view().map(Message::Sites),
                Message::Sites(sites::Message::Close),
            );
        }
        if let (true, None, None) = (self.settings.open, dialog, &self.alarm) {
            return dialogs::modal(
                base,
                self.settings.view().map(Message::Settings),
                Message::Settings(settings::Message::Close),
            );
        }
        if let Some(e) = &self.alarm {
            return dialogs::modal(
                base,
                dialogs::host_key_alarm(e, Message::Copy, Message::CloseAlarm),
                Message::CloseAlarm,
            );
        }
        if let Some(c) = &self.confirm {
            let next = match c {
                confirm::Confirm::Break(confirm::Next::Site(site)) => site.authority(),
                // The address as parsed (it was checked before asking), never the raw text.
                _ => ferry_engine::url::Target::parse_quick(&self.quick)
                    .map(|t| t.authority())
                    .unwrap_or_default(),
            };
            let current = self.session.address();
            let running = self.transfers.running();
            let editing = self.edits.sessions().len();
            return dialogs::modal(
                base,
                confirm::view(c, &current, &next, running, editing, Message::Confirm),
                Message::Confirm(false),
            );
        }
        match (dialog, &self.fileop) {
            (Some(d), _) => dialogs::modal(
                base,
                d.view().map(Message::Dialog),
                Message::Dialog(dialogs::Message::Cancel),
            ),
            (None, Some(op)) => dialogs::modal(
                base,
                op.view().map(Message::FileOp),
                Message::FileOp(fileops::Message::Cancel),
            ),
            (None, None) => match self.edits.dialog() {
                Some(dialog) => dialogs::modal(
                    base,
                    dialog.map(Message::Edit),
                    Message::Edit(crate::gui::edit::Message::Later),
                ),
                None => self.transfer_conflict(base),
            },
        }
    }

    /// The transfers' overwrite question, over `base`.
    fn transfer_conflict<'a>(&'a self, base: Element<'a, Message>) -> Element<'a, Message> {
        match self.transfers.conflict_view() {
            Some(dialog) => dialogs::modal(
                base,
                dialog.map(Message::Transfers),
                Message::Transfers(transfers::Message::Answer(None)),
            ),
            None => base,
        }
    }
}

/// Success text that reads on light and dark: the palette's strong green (darker on light,
/// lighter on dark) rather than its base, which is dim on a dark background.
fn strong_success(theme: &iced::Theme) -> iced::widget::text::Style {
    iced::widget::text::Style {
        color: Some(theme.extended_palette().success.strong.color),
    }
}
