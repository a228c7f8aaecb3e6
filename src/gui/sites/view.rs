//! The site manager's look: the tree of folders and sites on the left, the selected site's form
//! on the right, imports and the last outcome below, Close / Save / Connect.

use iced::widget::{
    button, checkbox, column, container, pick_list, row, rule, scrollable, space, text, text_input,
};
use iced::{Element, Fill, Length};

use crate::gui::sites::{Field, KeyPick, Message, PickedKey, SiteManager};
use crate::gui::text::t;
use ferry_engine::secrets::Secret;
use ferry_engine::sites::AuthMethod;

const AUTH: [AuthMethod; 4] = [
    AuthMethod::Agent,
    AuthMethod::KeyFile,
    AuthMethod::Password,
    AuthMethod::Interactive,
];

/// How an auth method is shown in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Auth(AuthMethod);

impl std::fmt::Display for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            AuthMethod::Agent => t!("auth-agent"),
            AuthMethod::KeyFile => t!("auth-key"),
            AuthMethod::Password => t!("auth-password"),
            AuthMethod::Interactive => t!("auth-interactive"),
        })
    }
}

fn labelled<'a>(label: String, input: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    row![
        text(label).size(13).width(Length::Fixed(130.0)),
        input.into()
    ]
    .spacing(8)
    .align_y(iced::Center)
    .into()
}

fn field<'a>(label: String, f: Field, value: &'a str, hint: String) -> Element<'a, Message> {
    let mut input = text_input(&hint, value)
        .on_input(move |s| Message::Edit(f, s))
        .on_submit(Message::Save)
        .size(13);
    if f == Field::Name {
        input = input.id("site-name");
    }
    labelled(label, input)
}

/// The password or passphrase field: hidden, and a `Secret` from the first keystroke.
fn secret_field<'a>(label: String, value: &'a Secret, hint: String) -> Element<'a, Message> {
    let input = text_input(&hint, value.expose())
        .on_input(|s| Message::Password(Secret::new(s)))
        .on_submit(Message::Save)
        .secure(true)
        .size(13);
    labelled(label, input)
}

impl SiteManager {
    pub fn view(&self) -> Element<'_, Message> {
        let tree = self.tree();
        let form: Element<'_, Message> = match &self.form {
            None if self.loading => text(t!("loading")).into(),
            None => text(t!("site-none")).into(),
            Some(f) => {
                let s = &f.site;
                let auth = pick_list(AUTH.map(Auth).to_vec(), Some(Auth(s.auth)), |a: Auth| {
                    Message::Auth(a.0)
                })
                .text_size(13);
                let key = row![
                    // i18n-ok: an example path, the same in every language
                    text_input("~/.ssh/id_ed25519", &f.key_file)
                        .on_input(|s| Message::Edit(Field::KeyFile, s))
                        .size(13),
                    button(text(t!("browse")).size(13))
                        .on_press(Message::BrowseKey)
                        .style(button::secondary),
                ]
                .spacing(6);
                let secret_label = if s.auth == AuthMethod::KeyFile {
                    t!("site-passphrase")
                } else {
                    t!("site-password")
                };
                let mut col = column![
                    field(t!("site-name"), Field::Name, &s.name, t!("site-name-hint")),
                    field(
                        t!("site-folder"),
                        Field::Folder,
                        &s.folder,
                        t!("site-folder-hint")
                    ),
                    field(t!("site-host"), Field::Host, &s.host, t!("site-host-hint")),
                    field(t!("site-port"), Field::Port, &f.port, "22".into()),
                    field(t!("site-user"), Field::User, &s.user, t!("site-user-hint")),
                    labelled(t!("site-auth"), auth),
                ]
                .spacing(8);
                if s.auth == AuthMethod::KeyFile {
                    col = col.push(labelled(t!("site-key"), key));
                    let found = self.key_files();
                    if !found.is_empty() {
                        let current = found.iter().find(|k| {
                            matches!(&k.key, PickedKey::File(p) if p.display().to_string() == f.key_file.trim())
                        });
                        col = col.push(labelled(
                            t!("site-keys-found"),
                            pick_list(found.clone(), current.cloned(), Message::PickKey)
                                .placeholder(t!("site-keys-pick"))
                                .text_size(13)
                                .width(Fill),
                        ));
                    }
                }
                // The agent's keys to pick from (none to offer: no row).
                if s.auth == AuthMethod::Agent
                    && (self.agent_keys().len() > 1 || s.agent_key.is_some())
                {
                    let keys = self.agent_keys();
                    let mut current = keys
                        .iter()
                        .find(|k| k.key == PickedKey::Agent(s.agent_key.clone()))
                        .cloned();
                    let mut keys = keys;
                    if current.is_none()
                        && let Some(fp) = &s.agent_key
                    {
                        // Chosen earlier, not in the agent now: still shown as the choice.
                        let gone = KeyPick {
                            label: t!("site-agent-key-gone", fingerprint = fp.as_str()),
                            key: PickedKey::Agent(Some(fp.clone())),
                        };
                        keys.push(gone.clone());
                        current = Some(gone);
                    }
                    col = col.push(labelled(
                        t!("site-agent-key"),
                        pick_list(keys, current, Message::PickKey)
                            .text_size(13)
                            .width(Fill),
                    ));
                }
                if s.auth != AuthMethod::Agent {
                    col = col.push(secret_field(
                        secret_label,
                        &f.password,
                        t!("site-password-hint"),
                    ));
                }
                col.push(field(
                    t!("site-jump"),
                    Field::JumpHosts,
                    &s.jump_hosts,
                    t!("site-jump-hint"),
                ))
                .push(field(
                    t!("site-proxy"),
                    Field::Proxy,
                    &s.proxy,
                    t!("site-proxy-hint"),
                ))
                .push(field(
                    t!("site-proxy-command"),
                    Field::ProxyCommand,
                    &s.proxy_command,
                    t!("site-proxy-command-hint"),
                ))
                .push(field(
                    t!("site-remote-dir"),
                    Field::RemoteDir,
                    &s.remote_dir,
                    t!("site-remote-hint"),
                ))
                .push(field(
                    t!("site-local-dir"),
                    Field::LocalDir,
                    &f.local_dir,
                    t!("site-local-hint"),
                ))
                .push(field(
                    t!("site-max"),
                    Field::MaxTransfers,
                    &f.max,
                    t!("site-max-hint"),
                ))
                .push(labelled(
                    t!("site-verify"),
                    checkbox(s.verify_checksum)
                        .label(t!("site-verify-label"))
                        .text_size(13)
                        .on_toggle(Message::Verify),
                ))
                .push(labelled(
                    t!("site-exec-copy"),
                    checkbox(s.exec_copy)
                        .label(t!("site-exec-copy-label"))
                        .text_size(13)
                        .on_toggle(Message::ExecCopy),
                ))
                .push(field(
                    t!("site-notes"),
                    Field::Notes,
                    &s.notes,
                    String::new(),
                ))
                // Room for the scroll bar, so it never covers a field.
                .padding(iced::Padding::ZERO.right(14))
                .into()
            }
        };
        let has_form = self.form.is_some();
        let tree_buttons = row![
            button(text(t!("site-new")).size(13)).on_press(Message::New),
            button(text(t!("site-duplicate")).size(13))
                .style(button::secondary)
                .on_press_maybe(has_form.then_some(Message::Duplicate)),
            button(text(t!("delete")).size(13))
                .style(button::danger)
                .on_press_maybe(has_form.then_some(Message::Delete)),
        ]
        .spacing(6);
        let left = column![
            container(scrollable(tree).height(Fill))
                .style(container::bordered_box)
                .padding(4)
                .height(Fill),
            tree_buttons
        ]
        .spacing(8)
        .width(Length::Fixed(260.0));
        let status: Element<'_, Message> = match &self.status {
            Some((msg, true)) => text(msg.clone()).size(13).style(text::danger).into(),
            Some((msg, false)) => text(msg.clone()).size(13).into(),
            None => space().into(),
        };
        let bottom = row![
            button(text(t!("site-import-ssh")).size(13))
                .style(button::secondary)
                .on_press(Message::ImportSsh),
            button(text(t!("site-import-filezilla")).size(13))
                .style(button::secondary)
                .on_press(Message::ImportFileZilla),
            space::horizontal(),
            button(text(t!("close")))
                .style(button::secondary)
                .on_press(Message::Close),
            button(text(t!("sites-key-login")))
                .style(button::secondary)
                .on_press_maybe(self.is_saved_site().then_some(Message::SetUpKeyLogin)),
            button(text(t!("site-test")))
                .style(button::secondary)
                .on_press_maybe(has_form.then_some(Message::Test)),
            button(text(t!("save"))).on_press_maybe(has_form.then_some(Message::Save)),
            button(text(t!("connect")))
                .style(button::success)
                .on_press_maybe(has_form.then_some(Message::Connect)),
        ]
        .spacing(8)
        .align_y(iced::Center);
        container(
            column![
                text(t!("sites-title")).size(20),
                row![left, scrollable(form).width(Fill)]
                    .spacing(16)
                    .height(Fill),
                status,
                rule::horizontal(1),
                bottom,
            ]
            .spacing(10),
        )
        .padding(20)
        .width(Length::Fixed(900.0))
        .height(Length::Fixed(600.0))
        .style(container::bordered_box)
        .into()
    }

    /// Folders as headings, indented by depth, with their sites below.
    fn tree(&self) -> Element<'_, Message> {
        let mut col = column![].spacing(2);
        let mut last_folder: Option<&str> = None;
        for site in self.sorted() {
            if last_folder != Some(site.folder.as_str()) {
                // Headings for each folder level not shown yet.
                let parts = site.folder_parts();
                let shown: Vec<&str> = last_folder
                    .map(|f| f.split('/').filter(|p| !p.is_empty()).collect())
                    .unwrap_or_default();
                let common = parts.iter().zip(&shown).take_while(|(a, b)| a == b).count();
                for (depth, part) in parts.iter().enumerate().skip(common) {
                    col = col.push(
                        container(text(format!("▸ {part}")).size(13))
                            .padding(iced::Padding::new(2.0).left(4.0 + 14.0 * depth as f32)),
                    );
                }
                last_folder = Some(site.folder.as_str());
            }
            let depth = site.folder_parts().len();
            let selected = self.selected.as_ref() == Some(&site.id);
            col = col.push(
                button(text(site.name.clone()).size(13))
                    .width(Fill)
                    .padding(iced::Padding::new(3.0).left(6.0 + 14.0 * depth as f32))
                    .style(if selected {
                        button::primary
                    } else {
                        button::text
                    })
                    .on_press(Message::Select(site.id.clone())),
            );
        }
        if self.sites.sites.is_empty() && !self.loading {
            col = col.push(text(t!("sites-empty")).size(13));
        }
        col.into()
    }
}
