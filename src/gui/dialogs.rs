//! Modal dialogs: an unknown host key (SHA256 fingerprint, connect once / trust / cancel), a
//! password or passphrase, keyboard-interactive prompts (2FA codes). A changed (or revoked, or
//! other-type) host key gets a warning with no accept button: it explains the danger and how to
//! remove the old key, with the command ready to copy.
//! What is typed is a `Secret` from the first keystroke (a `Debug` print shows `Secret(***)`), and
//! the server's keyboard-interactive texts are shown escaped, as the command line shows them.

use iced::widget::{
    button, center, column, container, mouse_area, opaque, row, stack, text, text_input,
};
use iced::{Color, Element, Fill, Length};

use crate::gui::connect::{Question, Reply};
use crate::gui::text::t;
use ferry_engine::error::Error;
use ferry_engine::fs::name::escape_for_display;
use ferry_engine::secrets::Secret;
use ferry_engine::ssh::display_host;
use ferry_engine::ssh::prompt::{HostKeyDecision, InteractiveRequest};

#[derive(Debug, Clone)]
pub struct Dialog {
    pub question: Question,
    pub reply: Reply,
    /// What has been typed, one per prompt.
    pub inputs: Vec<Secret>,
    /// "Remember in the OS keyring", offered for a saved site's password or passphrase.
    pub remember: Option<bool>,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// What is typed in the answer field at this index.
    Input(usize, Secret),
    HostKey(HostKeyDecision),
    Remember(bool),
    Submit,
    Cancel,
}

impl Dialog {
    pub fn new(question: Question, reply: Reply) -> Dialog {
        let n = match &question {
            Question::Interactive(InteractiveRequest { prompts, .. }) => prompts.len(),
            Question::HostKey(_) => 0,
            _ => 1,
        };
        Dialog {
            question,
            reply,
            inputs: vec![Secret::default(); n],
            remember: None,
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let body: Element<'_, Message> = match &self.question {
            Question::HostKey(info) => column![
                text(t!("hostkey-title")).size(20),
                text(t!("hostkey-body")),
                text(display_host(&info.host, info.port)).size(15),
                text(t!("hostkey-fingerprint", key_type = info.key_type.as_str())),
                text(info.fingerprint.clone())
                    .font(iced::Font::MONOSPACE)
                    .size(13)
                    .wrapping(text::Wrapping::None),
                row![
                    button(text(t!("cancel")))
                        .on_press(Message::HostKey(HostKeyDecision::Reject))
                        .style(button::secondary),
                    button(text(t!("hostkey-accept-once")))
                        .on_press(Message::HostKey(HostKeyDecision::AcceptOnce))
                        .style(button::secondary),
                    button(text(t!("hostkey-accept-save")))
                        .on_press(Message::HostKey(HostKeyDecision::AcceptAndSave)),
                ]
                .spacing(8),
            ]
            .spacing(10)
            .into(),
            Question::Password { user, host } => {
                self.secret_form(t!("password-title"), format!("{user}@{host}"), true)
            }
            Question::ProxyPassword { user, proxy } => self.secret_form(
                t!("proxy-password-title"),
                t!(
                    "proxy-password-subject",
                    user = user.as_str(),
                    proxy = proxy.as_str()
                ),
                true,
            ),
            Question::Passphrase(file) => {
                self.secret_form(t!("passphrase-title"), file.clone(), true)
            }
            Question::Interactive(req) => {
                let mut col = column![text(t!("interactive-title")).size(20)].spacing(8);
                // The server wrote these: shown escaped, never acting on the text around them.
                if !req.name.is_empty() {
                    col = col.push(text(server_text(&req.name)));
                }
                if !req.instructions.is_empty() {
                    col = col.push(text(server_text(&req.instructions)));
                }
                for (i, (prompt, echo)) in req.prompts.iter().enumerate() {
                    let typed = self.inputs.get(i).map_or("", Secret::expose);
                    col = col.push(text(server_text(prompt)));
                    col = col.push(
                        text_input("", typed)
                            .id(format!("dialog-input-{i}"))
                            .secure(!echo)
                            .on_input(move |s| Message::Input(i, Secret::new(s)))
                            .on_submit(Message::Submit),
                    );
                }
                col.push(self.buttons()).into()
            }
        };
        container(body)
            .padding(20)
            .width(Length::Fixed(520.0))
            .style(container::bordered_box)
            .into()
    }

    fn secret_form(&self, title: String, subject: String, secure: bool) -> Element<'_, Message> {
        let typed = self.inputs.first().map_or("", Secret::expose);
        let mut col = column![
            text(title).size(20),
            text(subject),
            text_input("", typed)
                .id("dialog-input-0")
                .secure(secure)
                .on_input(|s| Message::Input(0, Secret::new(s)))
                .on_submit(Message::Submit),
        ]
        .spacing(10);
        if let Some(on) = self.remember {
            col = col.push(
                iced::widget::checkbox(on)
                    .label(t!("remember-password"))
                    .on_toggle(Message::Remember),
            );
        }
        col.push(self.buttons()).into()
    }

    fn buttons(&self) -> Element<'_, Message> {
        row![
            button(text(t!("cancel")))
                .on_press(Message::Cancel)
                .style(button::secondary),
            button(text(t!("ok"))).on_press(Message::Submit),
        ]
        .spacing(8)
        .into()
    }
}

/// Text a server sent, escaped line by line: control characters and bidirectional overrides are
/// shown as `\x1b` / `\u{202e}`, while the server's own line breaks stay line breaks.
pub fn server_text(s: &str) -> String {
    s.split('\n')
        .map(|line| escape_for_display(line.strip_suffix('\r').unwrap_or(line)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The command that removes the recorded key, for a host-key refusal.
pub fn remove_key_command(e: &Error) -> Option<String> {
    match e {
        Error::HostKeyChanged { host, file, .. }
        | Error::HostKeyOtherType { host, file, .. }
        | Error::HostKeyRevoked { host, file, .. } => {
            // i18n-ok: a command to run, the same in every language
            Some(format!("ssh-keygen -R '{host}' -f '{}'", file.display()))
        }
        _ => None,
    }
}

/// The warning for a refused host key: what happened, why it matters, what to do. No way on.
pub fn host_key_alarm<'a, M: Clone + 'a>(
    e: &Error,
    copy: impl Fn(String) -> M,
    close: M,
) -> Element<'a, M> {
    let mut col = column![
        text(t!("hostkey-alarm-title")).size(20).style(text::danger),
        text(t!("hostkey-alarm-body")),
        text(crate::gui::text::error_text(e)).size(13),
    ]
    .spacing(10);
    let mut buttons = row![].spacing(8);
    if let Some(cmd) = remove_key_command(e) {
        col = col.push(text(t!("hostkey-alarm-fix")).size(13)).push(
            container(text(cmd.clone()).font(iced::Font::MONOSPACE).size(12))
                .padding(6)
                .width(Fill)
                .style(container::bordered_box),
        );
        buttons = buttons.push(
            button(text(t!("copy-command")))
                .on_press(copy(cmd))
                .style(button::secondary),
        );
    }
    buttons = buttons.push(button(text(t!("close"))).on_press(close));
    container(col.push(buttons))
        .padding(20)
        .width(Length::Fixed(620.0))
        .style(container::bordered_box)
        .into()
}

/// Puts `dialog` over `base`, dimming it and blocking clicks to it.
pub fn modal<'a, M: Clone + 'a>(
    base: Element<'a, M>,
    dialog: Element<'a, M>,
    on_blur: M,
) -> Element<'a, M> {
    stack![
        base,
        opaque(
            mouse_area(center(opaque(dialog)).style(|_theme| {
                container::Style {
                    background: Some(
                        Color {
                            a: 0.6,
                            ..Color::BLACK
                        }
                        .into(),
                    ),
                    ..container::Style::default()
                }
            }))
            .on_press(on_blur)
        ),
    ]
    .width(Fill)
    .height(Fill)
    .into()
}
