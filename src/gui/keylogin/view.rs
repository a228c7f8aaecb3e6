//! How "Set up key login…" looks: the keys to choose from (or a new one), then what Install did
//! and the choices for the saved site.

use iced::widget::{button, checkbox, column, container, radio, row, space, text, text_input};
use iced::{Element, Length};

use crate::gui::keylogin::{Choice, KeySetup, Message, Step};
use crate::gui::text::t;
use ferry_engine::display::escape_for_display;
use ferry_engine::keys::install::Installed;
use ferry_engine::keys::{KeyInfo, Listed};
use ferry_engine::secrets::Secret;
use ferry_engine::ssh::LoginKey;

impl KeySetup {
    pub fn view(&self) -> Element<'_, Message> {
        let server = escape_for_display(&self.target.label);
        let mut col = column![
            text(t!("keylogin-title", server = server.as_str())).size(20),
            text(t!("keylogin-intro")).size(13),
        ]
        .spacing(10);
        col = match &self.step {
            Step::Choose => col.push(self.choose_view(&server)),
            Step::Working => col.push(text(t!("keylogin-working")).size(13)).push(row![
                space::horizontal(),
                button(text(t!("close")))
                    .style(button::secondary)
                    .on_press(Message::Close)
            ]),
            Step::Done(outcome) => col.push(self.done_view(outcome, &server)),
            Step::Applied(lines) => {
                for (line, problem) in lines {
                    let l = text(line.clone()).size(13);
                    col = col.push(if *problem { l.style(text::danger) } else { l });
                }
                col.push(row![
                    space::horizontal(),
                    button(text(t!("close"))).on_press(Message::Close)
                ])
            }
        };
        container(col)
            .padding(20)
            .width(Length::Fixed(680.0))
            .style(container::bordered_box)
            .into()
    }

    /// The keys to choose from, the chosen one's passphrase or the new key's form, and Install.
    fn choose_view(&self, server: &str) -> Element<'_, Message> {
        let mut col = column![text(t!("keylogin-key")).size(15)].spacing(8);
        let selected = self.choice.as_ref();
        let mut index = 0usize;
        let mut option = |label: String, choice: Choice| {
            let i = index;
            index += 1;
            let on = selected == Some(&choice);
            radio(label, i, on.then_some(i), move |_| {
                Message::Choose(choice.clone())
            })
            .size(14)
            .text_size(13)
        };
        match &self.found {
            None => col = col.push(text(t!("loading")).size(13)),
            Some(Err(e)) => {
                col = col.push(
                    text(crate::gui::text::error_text(e))
                        .size(13)
                        .style(text::danger),
                )
            }
            Some(Ok(found)) => {
                for listed in &found.files {
                    if let Listed::Key { path, info } = listed
                        && info.public_key.is_some()
                    {
                        let place = escape_for_display(&path.to_string_lossy());
                        col = col.push(option(describe(&place, info), Choice::File(path.clone())));
                    }
                }
                for info in &found.agent {
                    if info.public_key.is_some() {
                        col = col.push(option(
                            describe(&t!("keylogin-agent-key"), info),
                            Choice::Agent(info.fingerprint.clone()),
                        ));
                    }
                }
            }
        }
        col = col.push(option(t!("keylogin-new"), Choice::New));
        match selected {
            Some(Choice::New) => {
                col = col
                    .push(labelled(
                        t!("keys-file"),
                        text_input("", &self.new_file).on_input(Message::NewFile),
                    ))
                    .push(labelled(
                        t!("keys-passphrase"),
                        secret(&self.new_passphrase, Message::NewPassphrase),
                    ))
                    .push(labelled(
                        t!("keys-passphrase-again"),
                        secret(&self.new_repeat, Message::NewRepeat).on_submit(Message::Install),
                    ));
                if self.new_passphrase.is_empty() {
                    col = col.push(text(t!("keys-no-passphrase-warning")).size(12));
                }
                if self.target.use_agent {
                    col = col.push(
                        checkbox(self.add_to_agent)
                            .label(t!("keylogin-add-to-agent"))
                            .text_size(13)
                            .on_toggle(Message::AddToAgent),
                    );
                }
            }
            Some(Choice::File(_)) if self.chosen_info().is_some_and(|(_, i)| i.protected) => {
                col = col.push(labelled(
                    t!("keylogin-passphrase"),
                    secret(&self.passphrase, Message::Passphrase).on_submit(Message::Install),
                ));
            }
            _ => {}
        }
        if let Some(p) = &self.problem {
            col = col.push(text(p.clone()).size(13).style(text::danger));
        }
        col.push(
            row![
                space::horizontal(),
                button(text(t!("cancel")))
                    .style(button::secondary)
                    .on_press(Message::Close),
                button(text(t!("keylogin-install", server = server)))
                    .on_press_maybe(self.choice.is_some().then_some(Message::Install)),
            ]
            .spacing(8),
        )
        .into()
    }

    /// What Install did, and what to change now.
    fn done_view<'a>(
        &'a self,
        outcome: &'a crate::gui::keylogin::Outcome,
        server: &str,
    ) -> Element<'a, Message> {
        let mut col = column![].spacing(8);
        if let Some(made) = &outcome.generated {
            col = col.push(
                row![
                    text(made.randomart.clone())
                        .size(12)
                        .font(iced::Font::MONOSPACE),
                    column![
                        text(t!(
                            "keys-created",
                            path = escape_for_display(&made.path.to_string_lossy())
                        ))
                        .size(13),
                        text(made.info.fingerprint.clone())
                            .size(12)
                            .font(iced::Font::MONOSPACE),
                    ]
                    .spacing(4),
                ]
                .spacing(16),
            );
        }
        if let Some(p) = &outcome.agent_problem {
            col = col.push(text(p.clone()).size(13).style(text::danger));
        }
        col = col.push(
            text(match &outcome.installed {
                Installed::Added(file) => t!(
                    "keylogin-added",
                    file = escape_for_display(&file.display_lossy()),
                    server = server
                ),
                Installed::AlreadyThere(file) => t!(
                    "keylogin-already",
                    file = escape_for_display(&file.display_lossy()),
                    server = server
                ),
            })
            .size(13),
        );
        if !outcome.works {
            col = col.push(
                text(t!("keylogin-refused", server = server))
                    .size(13)
                    .style(text::danger),
            );
            return col
                .push(row![
                    space::horizontal(),
                    button(text(t!("close"))).on_press(Message::Close)
                ])
                .into();
        }
        col = col.push(text(t!("keylogin-works")).size(13).style(text::success));
        let site_label = match &self.target.site {
            Some(site) => t!(
                "keylogin-use-for-site",
                site = escape_for_display(&site.full_name())
            ),
            None => t!("keylogin-save-site", server = server),
        };
        col = col.push(
            checkbox(self.use_for_site)
                .label(site_label)
                .text_size(13)
                .on_toggle(Message::UseForSite),
        );
        if self.site_has_password() {
            let mut forget = checkbox(self.forget_password)
                .label(t!("keylogin-forget-password"))
                .text_size(13);
            if self.use_for_site {
                forget = forget.on_toggle(Message::ForgetPassword);
            }
            col = col.push(forget);
        }
        if matches!(outcome.login, LoginKey::File(_)) && outcome.passphrase.is_some() {
            let mut keep = checkbox(self.remember_passphrase)
                .label(t!("keylogin-keep-passphrase"))
                .text_size(13);
            if self.use_for_site {
                keep = keep.on_toggle(Message::RememberPassphrase);
            }
            col = col.push(keep);
        }
        col.push(
            row![
                space::horizontal(),
                button(text(t!("close")))
                    .style(button::secondary)
                    .on_press(Message::Close),
                button(text(t!("keylogin-apply")))
                    .on_press_maybe(self.use_for_site.then_some(Message::Apply)),
            ]
            .spacing(8),
        )
        .into()
    }
}

/// A field with its label on the left.
fn labelled<'a>(label: String, input: text_input::TextInput<'a, Message>) -> Element<'a, Message> {
    row![
        text(label).size(13).width(Length::Fixed(170.0)),
        input.size(13),
    ]
    .spacing(8)
    .align_y(iced::Center)
    .into()
}

/// A hidden field whose text is a `Secret` from the first keystroke.
fn secret<'a>(
    value: &'a Secret,
    wrap: fn(Secret) -> Message,
) -> text_input::TextInput<'a, Message> {
    text_input("", value.expose())
        .on_input(move |s| wrap(Secret::new(s)))
        .secure(true)
}

/// `ED25519 ~/.ssh/id_ed25519 · SHA256:… · comment · protected`
fn describe(place: &str, info: &KeyInfo) -> String {
    let bits = info.bits.map(|b| format!(" {b}")).unwrap_or_default();
    let mut parts = vec![
        format!("{}{bits}  {place}", info.kind),
        info.fingerprint.clone(),
    ];
    let comment = escape_for_display(&info.comment);
    if !comment.is_empty() {
        parts.push(comment);
    }
    if info.protected {
        parts.push(t!("keys-protected"));
    }
    parts.join(" · ")
}
