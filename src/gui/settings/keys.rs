//! Settings → Keys: the person's SSH keys, and a new one made.
//!
//! Lists the private keys of `~/.ssh` (`ferry_engine::keys::list_folder`) and the keys of a
//! running ssh-agent (`agent_keys`), read in a task, never on the UI thread: each row says the
//! type, bits, SHA256 fingerprint, comment and whether a passphrase protects it; a file that could
//! not be read says why. "Copy public key" puts the OpenSSH line on the clipboard, "Show" draws the
//! fingerprint's randomart. "Create key…" opens a form (type, passphrase twice, file name) whose
//! Create runs `keys::generate` in a task; the engine refuses an existing file, and its sentence is
//! shown. The passphrase is a `Secret` from the first keystroke (redacted in any Debug print).

use std::collections::HashSet;
use std::path::PathBuf;

use iced::widget::{
    button, column, container, pick_list, row, scrollable, space, text, text_input,
};
use iced::{Element, Length, Task};

use crate::gui::text::{error_text, t};
use ferry_engine::display::escape_for_display;
use ferry_engine::error::Error;
use ferry_engine::keys::{self, GenerateRequest, Generated, KeyInfo, KeyType, Listed};
use ferry_engine::secrets::Secret;

/// What was found: the folder's files and the agent's keys.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub files: Vec<Listed>,
    pub agent: Vec<KeyInfo>,
}

/// A row whose randomart is shown.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Row {
    File(PathBuf),
    Agent(String),
}

/// A key type in the form's list, with its size where there is a choice (RSA: 3072 or 4096).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind(pub KeyType, pub Option<u32>);

/// The form's choices, the recommended first.
const KINDS: [Kind; 4] = [
    Kind(KeyType::Ed25519, None),
    Kind(KeyType::Ecdsa, None),
    Kind(KeyType::Rsa, None),
    Kind(KeyType::Rsa, Some(4096)),
];

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            KeyType::Ed25519 => t!("keys-type-ed25519"),
            KeyType::Ecdsa => t!("keys-type-ecdsa"),
            KeyType::Rsa => t!(
                "keys-type-rsa",
                bits = self.1.unwrap_or(keys::RSA_DEFAULT_BITS)
            ),
        })
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    /// Read the folder and the agent again.
    Refresh,
    Listed(Result<Found, Error>),
    /// Put this public key line on the clipboard.
    Copy(String),
    /// Show or hide a row's fingerprint and randomart.
    Show(Row),
    /// "Create key…": open the form; `Cancel` closes it.
    NewKey,
    Cancel,
    Kind(Kind),
    Passphrase(Secret),
    Repeat(Secret),
    FileName(String),
    Create,
    Created(Result<Box<Generated>, Error>),
}

/// The form of a new key.
#[derive(Debug, Default)]
pub struct Form {
    pub kind: KeyType,
    /// RSA's size (`None`: the default, 3072).
    pub bits: Option<u32>,
    pub passphrase: Secret,
    pub repeat: Secret,
    /// In `~/.ssh`, or a full path.
    pub file: String,
    /// The name was typed: a new type no longer changes it.
    file_typed: bool,
    /// `keys::generate` is running.
    pub busy: bool,
    /// Why the last Create failed.
    pub problem: Option<String>,
}

/// The Keys tab's state.
#[derive(Debug)]
pub struct Keys {
    /// `~/.ssh` (`None`: no home folder).
    dir: Option<PathBuf>,
    use_agent: bool,
    loading: bool,
    found: Option<Result<Found, Error>>,
    shown: HashSet<Row>,
    pub form: Option<Form>,
    /// The key made last: its fingerprint and randomart stay on show.
    pub created: Option<Box<Generated>>,
}

impl Keys {
    /// The keys of `dir` (normally `keys::default_dir()`), and the agent's when `use_agent`.
    pub fn new(dir: Option<PathBuf>, use_agent: bool) -> Keys {
        Keys {
            dir,
            use_agent,
            loading: false,
            found: None,
            shown: HashSet::new(),
            form: None,
            created: None,
        }
    }

    /// Reads the keys unless they were read already.
    pub fn load(&mut self) -> Task<Message> {
        if self.found.is_some() || self.loading {
            return Task::none();
        }
        self.refresh()
    }

    fn refresh(&mut self) -> Task<Message> {
        self.loading = true;
        Task::perform(find(self.dir.clone(), self.use_agent), Message::Listed)
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Refresh => return self.refresh(),
            Message::Listed(r) => {
                self.loading = false;
                self.found = Some(r);
            }
            Message::Copy(line) => return iced::clipboard::write(line),
            Message::Show(r) => {
                if !self.shown.remove(&r) {
                    self.shown.insert(r);
                }
            }
            Message::NewKey => {
                self.form = Some(Form {
                    file: self.default_file(KeyType::Ed25519),
                    ..Form::default()
                })
            }
            Message::Cancel => self.form = None,
            Message::Kind(Kind(k, bits)) => {
                let file = self.default_file(k);
                if let Some(f) = &mut self.form {
                    f.kind = k;
                    f.bits = bits;
                    f.problem = None;
                    if !f.file_typed {
                        f.file = file;
                    }
                }
            }
            Message::Passphrase(p) => self.form_mut(|f| f.passphrase = p),
            Message::Repeat(p) => self.form_mut(|f| f.repeat = p),
            Message::FileName(s) => self.form_mut(|f| {
                f.file = s;
                f.file_typed = true;
                f.problem = None;
            }),
            Message::Create => return self.create(),
            Message::Created(r) => match r {
                Ok(made) => {
                    self.form = None;
                    self.created = Some(made);
                    return self.refresh();
                }
                Err(e) => self.form_mut(|f| {
                    f.busy = false;
                    f.problem = Some(error_text(&e));
                }),
            },
        }
        Task::none()
    }

    fn form_mut(&mut self, change: impl FnOnce(&mut Form)) {
        if let Some(f) = &mut self.form {
            change(f);
        }
    }

    /// `~/.ssh/id_TYPE`, as `ssh-keygen` names it, or a free name beside it when that is taken.
    fn default_file(&self, kind: KeyType) -> String {
        let found = match &self.found {
            Some(Ok(f)) => Some(f),
            _ => None,
        };
        free_file(self.dir.as_deref(), found, kind, None)
    }

    fn create(&mut self) -> Task<Message> {
        let dir = self.dir.clone();
        let Some(f) = &mut self.form else {
            return Task::none();
        };
        if f.busy {
            return Task::none();
        }
        if f.passphrase != f.repeat {
            f.problem = Some(t!("keys-passphrases-differ"));
            return Task::none();
        }
        let name = f.file.trim();
        if name.is_empty() {
            f.problem = Some(t!("keys-file-needed"));
            return Task::none();
        }
        // A bare name goes in ~/.ssh; a path is taken as it is.
        let out = match &dir {
            Some(d) if !name.contains(std::path::MAIN_SEPARATOR) && !name.contains('/') => {
                d.join(name)
            }
            _ => PathBuf::from(name),
        };
        // ~/.ssh is made 0700 when the key goes there, as ssh-keygen does.
        let folder = dir.filter(|d| out.parent() == Some(d.as_path()));
        let req = GenerateRequest {
            kind: f.kind,
            bits: f.bits,
            out: Some(out),
            comment: None,
            passphrase: Some(f.passphrase.clone()).filter(|p| !p.is_empty()),
        };
        f.busy = true;
        f.problem = None;
        Task::perform(
            async move {
                tokio::task::spawn_blocking(move || {
                    if let Some(d) = &folder {
                        keys::make_private_dir(d)?;
                    }
                    keys::generate(&req).map(Box::new)
                })
                .await
                .map_err(|e| Error::Internal {
                    detail: format!("making the key stopped: {e}"), // i18n-ok: internal
                })?
            },
            Message::Created,
        )
    }

    pub fn view(&self) -> Element<'_, Message> {
        let mut body = column![].spacing(10);
        if let Some(made) = &self.created {
            body = body.push(created(made));
        }
        match &self.form {
            Some(f) => body = body.push(self.form_view(f)),
            None => {
                body = body.push(
                    row![
                        button(text(t!("keys-create")).size(13)).on_press(Message::NewKey),
                        button(text(t!("keys-refresh")).size(13))
                            .on_press(Message::Refresh)
                            .style(button::secondary),
                    ]
                    .spacing(8),
                )
            }
        }
        body = body.push(scrollable(self.list()).height(Length::Fixed(240.0)));
        body.into()
    }

    fn list(&self) -> Element<'_, Message> {
        let found = match &self.found {
            None => return text(t!("loading")).size(13).into(),
            Some(Err(e)) => return text(error_text(e)).size(13).style(text::danger).into(),
            Some(Ok(found)) => found,
        };
        let mut rows = column![].spacing(6).padding(iced::Padding::ZERO.right(12));
        for file in &found.files {
            rows = rows.push(match file {
                Listed::Key { path, info } => {
                    self.key_row(shown_path(path), info, Row::File(path.clone()))
                }
                Listed::Unreadable { path, reason } => boxed(
                    column![
                        text(shown_path(path)).size(13),
                        text(t!("keys-unreadable", reason = escape_for_display(reason)))
                            .size(12)
                            .style(text::danger),
                    ]
                    .spacing(2),
                ),
            });
        }
        for info in &found.agent {
            rows = rows.push(self.key_row(
                t!("keys-agent"),
                info,
                Row::Agent(info.fingerprint.clone()),
            ));
        }
        if found.files.is_empty() && found.agent.is_empty() {
            let dir = self.dir.as_deref().map(shown_path).unwrap_or_default();
            rows = rows.push(text(t!("keys-none", folder = dir)).size(13));
        }
        rows.into()
    }

    fn key_row<'a>(&self, place: String, info: &'a KeyInfo, id: Row) -> Element<'a, Message> {
        let bits = info.bits.map(|b| format!(" {b}")).unwrap_or_default();
        let mut head = row![
            text(format!("{}{bits}", info.kind))
                .size(13)
                .width(Length::Fixed(110.0)),
            text(place).size(13),
            space::horizontal(),
        ]
        .spacing(8)
        .align_y(iced::Center);
        if let Some(line) = &info.public_key {
            head = head.push(
                button(text(t!("keys-copy")).size(12))
                    .on_press(Message::Copy(line.clone()))
                    .style(button::secondary),
            );
        }
        let open = self.shown.contains(&id);
        head = head.push(
            button(
                text(if open {
                    t!("keys-hide")
                } else {
                    t!("keys-show")
                })
                .size(12),
            )
            .on_press(Message::Show(id))
            .style(button::secondary),
        );
        let mut about = vec![escape_for_display(&info.comment)];
        about.push(if info.protected {
            t!("keys-protected")
        } else {
            t!("keys-unprotected")
        });
        about.retain(|s| !s.is_empty());
        let mut col = column![
            head,
            text(info.fingerprint.clone())
                .size(12)
                .font(iced::Font::MONOSPACE),
            text(about.join(" · ")).size(12),
        ]
        .spacing(2);
        if open && let Some(art) = info.randomart() {
            col = col.push(text(art).size(12).font(iced::Font::MONOSPACE));
        }
        boxed(col)
    }

    fn form_view<'a>(&self, f: &'a Form) -> Element<'a, Message> {
        let label = |s: String| text(s).size(13).width(Length::Fixed(150.0));
        let mut form = column![
            text(t!("keys-new-title")).size(15),
            row![
                label(t!("keys-type")),
                pick_list(KINDS.to_vec(), Some(Kind(f.kind, f.bits)), Message::Kind)
                    .text_size(13)
                    .width(Length::Fill),
            ]
            .spacing(8)
            .align_y(iced::Center),
            row![
                label(t!("keys-passphrase")),
                text_input("", f.passphrase.expose())
                    .on_input(|s| Message::Passphrase(Secret::new(s)))
                    .secure(true)
                    .size(13),
            ]
            .spacing(8)
            .align_y(iced::Center),
            row![
                label(t!("keys-passphrase-again")),
                text_input("", f.repeat.expose())
                    .on_input(|s| Message::Repeat(Secret::new(s)))
                    .on_submit(Message::Create)
                    .secure(true)
                    .size(13),
            ]
            .spacing(8)
            .align_y(iced::Center),
        ]
        .spacing(8);
        if f.passphrase.is_empty() {
            form = form.push(text(t!("keys-no-passphrase-warning")).size(12));
        }
        form = form.push(
            row![
                label(t!("keys-file")),
                text_input("", &f.file).on_input(Message::FileName).size(13),
            ]
            .spacing(8)
            .align_y(iced::Center),
        );
        if let Some(p) = &f.problem {
            form = form.push(text(p.clone()).size(12).style(text::danger));
        }
        let create = button(text(if f.busy {
            t!("keys-creating")
        } else {
            t!("keys-create-button")
        }));
        form = form.push(
            row![
                space::horizontal(),
                button(text(t!("cancel")))
                    .on_press(Message::Cancel)
                    .style(button::secondary),
                if f.busy {
                    create
                } else {
                    create.on_press(Message::Create)
                },
            ]
            .spacing(8),
        );
        container(form)
            .padding(10)
            .width(Length::Fill)
            .style(container::bordered_box)
            .into()
    }
}

/// The private keys of `dir` and, when `use_agent`, the running agent's: read off the UI thread.
pub async fn find(dir: Option<PathBuf>, use_agent: bool) -> Result<Found, Error> {
    let files = match dir {
        Some(dir) => tokio::task::spawn_blocking(move || keys::list_folder(&dir))
            .await
            .map_err(|e| Error::Internal {
                detail: format!("listing the keys stopped: {e}"), // i18n-ok: internal
            })??,
        None => Vec::new(),
    };
    let agent = if use_agent {
        keys::agent_keys().await
    } else {
        Vec::new()
    };
    Ok(Found { files, agent })
}

/// A file for a new key of `kind`: `dir/id_TYPE` as `ssh-keygen` names it when no listed file
/// has that name, else `id_TYPE_HINT` (the server's name, say), then `_2`, `_3`, … The engine
/// still refuses a file that exists.
pub fn free_file(
    dir: Option<&std::path::Path>,
    found: Option<&Found>,
    kind: KeyType,
    hint: Option<&str>,
) -> String {
    let base = kind.default_file_name();
    let taken = |name: &str| {
        found.is_some_and(|f| {
            f.files
                .iter()
                .any(|l| l.path().file_name().is_some_and(|n| n == name))
        })
    };
    let hint: String = hint
        .unwrap_or("")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let stem = if hint.is_empty() {
        base.to_string()
    } else {
        format!("{base}_{hint}")
    };
    let name = std::iter::once(base.to_string())
        .chain(std::iter::once(stem.clone()))
        .chain((2..100).map(|n| format!("{stem}_{n}")))
        .find(|n| !taken(n))
        .unwrap_or(stem);
    match dir {
        Some(d) => d.join(name).to_string_lossy().into_owned(),
        None => name,
    }
}

/// The key just made: where, its fingerprint and randomart (beside, as a picture).
fn created(made: &Generated) -> Element<'_, Message> {
    let about = column![
        text(t!("keys-created", path = shown_path(&made.path))).size(13),
        text(made.info.fingerprint.clone())
            .size(12)
            .font(iced::Font::MONOSPACE),
        button(text(t!("keys-copy")).size(12))
            .on_press(Message::Copy(made.public_key.clone()))
            .style(button::secondary),
    ]
    .spacing(6)
    .width(Length::Fill);
    container(
        row![
            text(made.randomart.clone())
                .size(12)
                .font(iced::Font::MONOSPACE),
            about,
        ]
        .spacing(16),
    )
    .padding(10)
    .width(Length::Fill)
    .style(container::bordered_box)
    .into()
}

/// One row of the list, framed.
fn boxed<'a>(content: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    container(content)
        .padding(6)
        .width(Length::Fill)
        .style(container::bordered_box)
        .into()
}

fn shown_path(p: &std::path::Path) -> String {
    escape_for_display(&p.to_string_lossy())
}
