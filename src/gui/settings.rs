//! Preferences a person sets, and the Settings dialog that sets them.
//!
//! Three tabs. General: the language, the OS's (the default) or one picked from the languages Ferry
//! ships, the theme (`theme.rs`) and the speed limit of all transfers (one `RateLimit` every job
//! shares, so a change reaches the running ones too). A pick applies at once (the next frame reads the new Fluent bundle) and is written to
//! `settings.json` in the config folder, atomically and off the UI thread. A missing or broken file
//! means the defaults. Editing (`editing.rs`): the editor. Keys (`keys.rs`): the person's SSH keys, listed and made.

pub mod editing;
pub mod keys;
pub mod theme;

use std::path::{Path, PathBuf};

use iced::widget::{button, column, container, pick_list, row, space, text, text_input};
use iced::{Element, Length, Task};
use serde::{Deserialize, Serialize};

use crate::gui::text::{self as i18n, t};
use ferry_engine::dirs::AppDirs;
use ferry_engine::transfer::limit::{RateLimit, format_rate, parse_rate};

/// What is kept on disk.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// A tag from [`i18n::LANGUAGES`]; `None` follows the OS.
    pub language: Option<String>,
    /// Settings → Editing.
    pub editing: editing::EditPrefs,
    /// Settings → General → Theme.
    pub theme: theme::ThemeChoice,
    /// Settings → General → Speed limit, bytes a second over all transfers (0: none).
    pub speed_limit: u64,
}

impl Prefs {
    pub fn file(dirs: &AppDirs) -> PathBuf {
        dirs.config.join("settings.json")
    }

    pub fn load(path: &Path) -> Prefs {
        let mut p: Prefs = std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        // A language this build does not ship (an older or newer file) means the OS's.
        if p.language
            .as_deref()
            .is_some_and(|l| !i18n::LANGUAGES.iter().any(|(tag, _)| *tag == l))
        {
            p.language = None;
        }
        p
    }

    async fn save(self, path: PathBuf) -> Result<(), String> {
        let bytes = serde_json::to_vec_pretty(&self).map_err(|e| e.to_string())?;
        tokio::task::spawn_blocking(move || {
            ferry_engine::fs::atomic::write_atomic(&path, &bytes).map_err(|e| e.to_string())
        })
        .await
        .map_err(|e| e.to_string())?
    }
}

/// One entry of the language list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    System,
    Fixed(&'static str),
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Language::System => f.write_str(&t!(
                "settings-language-system",
                language = i18n::language_name(i18n::os_language())
            )),
            Language::Fixed(tag) => f.write_str(i18n::language_name(tag)),
        }
    }
}

/// The dialog's tabs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    General,
    Editing,
    Keys,
}

#[derive(Debug, Clone)]
pub enum Message {
    Open,
    Close,
    Tab(Tab),
    Language(Language),
    Theme(theme::ThemeChoice),
    SpeedLimit(String),
    Saved(Result<(), String>),
    Keys(keys::Message),
    Editing(editing::Message),
}

/// The dialog's state and the preferences it edits.
#[derive(Debug)]
pub struct Settings {
    pub prefs: Prefs,
    file: PathBuf,
    pub open: bool,
    /// Why the last save failed, shown in the dialog.
    problem: Option<String>,
    /// The language `FERRY_LANG` set for this run (not saved): the dialog shows it as the one in
    /// effect until the person picks another.
    for_this_run: Option<&'static str>,
    /// The theme `FERRY_THEME` set for this run (not saved), until the person picks one.
    theme_for_this_run: Option<theme::ThemeChoice>,
    pub tab: Tab,
    /// The Keys tab (`~/.ssh` and the agent).
    pub keys: keys::Keys,
    /// The speed limit every transfer job of the window is given.
    pub limit: RateLimit,
    /// The speed limit as typed (kept while it does not read as a rate).
    limit_text: String,
}

/// With `FERRY_LANG` set: the language it loaded (the best match for what it names, `de-AT` or
/// `zh` too, else English), as the window shows it.
fn env_language() -> Option<&'static str> {
    std::env::var_os("FERRY_LANG").filter(|v| !v.is_empty())?; // i18n-ok: a variable name
    let shown = i18n::current_language();
    i18n::LANGUAGES
        .iter()
        .map(|(tag, _)| *tag)
        .find(|tag| *tag == shown)
}

impl Settings {
    /// The settings of `dirs`; the Keys tab lists the agent's keys too when `use_agent`.
    pub fn new(dirs: &AppDirs, use_agent: bool) -> Settings {
        let file = Prefs::file(dirs);
        let prefs = Prefs::load(&file);
        Settings {
            limit: RateLimit::new(prefs.speed_limit),
            limit_text: format_rate(prefs.speed_limit),
            prefs,
            file,
            open: false,
            problem: None,
            for_this_run: env_language(),
            theme_for_this_run: theme::ThemeChoice::from_env(),
            tab: Tab::General,
            keys: keys::Keys::new(ferry_engine::keys::default_dir(), use_agent),
        }
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Open => self.open = true,
            Message::Close => self.open = false,
            Message::Language(choice) => {
                self.for_this_run = None;
                self.prefs.language = match choice {
                    Language::System => None,
                    Language::Fixed(tag) => Some(tag.to_string()),
                };
                i18n::apply_language(self.prefs.language.as_deref());
                let prefs = self.prefs.clone();
                return Task::perform(prefs.save(self.file.clone()), Message::Saved);
            }
            Message::Theme(choice) => {
                self.theme_for_this_run = None;
                self.prefs.theme = choice;
                let prefs = self.prefs.clone();
                return Task::perform(prefs.save(self.file.clone()), Message::Saved);
            }
            Message::SpeedLimit(typed) => {
                let rate = match typed.trim() {
                    "" => Some(0),
                    t => parse_rate(t),
                };
                self.limit_text = typed;
                if let Some(rate) = rate {
                    self.limit.set(rate);
                    self.prefs.speed_limit = rate;
                    let prefs = self.prefs.clone();
                    return Task::perform(prefs.save(self.file.clone()), Message::Saved);
                }
            }
            Message::Saved(r) => self.problem = r.err(),
            Message::Tab(tab) => {
                self.tab = tab;
                if tab == Tab::Keys {
                    return self.keys.load().map(Message::Keys);
                }
            }
            Message::Keys(m) => return self.keys.update(m).map(Message::Keys),
            Message::Editing(m) => {
                editing::update(&mut self.prefs.editing, m);
                let prefs = self.prefs.clone();
                return Task::perform(prefs.save(self.file.clone()), Message::Saved);
            }
        }
        Task::none()
    }

    /// The theme in effect: this run's `FERRY_THEME`, else the one chosen.
    pub fn theme_choice(&self) -> theme::ThemeChoice {
        self.theme_for_this_run.unwrap_or(self.prefs.theme)
    }

    fn choice(&self) -> Language {
        if let Some(tag) = self.for_this_run {
            return Language::Fixed(tag);
        }
        match &self.prefs.language {
            None => Language::System,
            Some(l) => i18n::LANGUAGES
                .iter()
                .find(|(tag, _)| tag == l)
                .map(|(tag, _)| Language::Fixed(tag))
                .unwrap_or(Language::System),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let tab = |label: String, tab: Tab| {
            button(text(label).size(13))
                .on_press(Message::Tab(tab))
                .style(if self.tab == tab {
                    button::primary
                } else {
                    button::secondary
                })
        };
        let tabs = row![
            tab(t!("settings-tab-general"), Tab::General),
            tab(t!("settings-tab-editing"), Tab::Editing),
            tab(t!("settings-tab-keys"), Tab::Keys),
        ]
        .spacing(4);
        let (page, width) = match self.tab {
            Tab::General => (self.general(), 460.0),
            Tab::Editing => (
                editing::view(&self.prefs.editing).map(Message::Editing),
                560.0,
            ),
            Tab::Keys => (self.keys.view().map(Message::Keys), 640.0),
        };
        let body = column![
            text(t!("settings-title")).size(20),
            tabs,
            page,
            row![
                space::horizontal(),
                button(text(t!("close"))).on_press(Message::Close)
            ],
        ]
        .spacing(12);
        container(body)
            .padding(20)
            .width(Length::Fixed(width))
            .style(container::bordered_box)
            .into()
    }

    /// The General tab: the language, the theme and the speed limit.
    fn general(&self) -> Element<'_, Message> {
        let choices: Vec<Language> = std::iter::once(Language::System)
            .chain(i18n::LANGUAGES.iter().map(|(tag, _)| Language::Fixed(tag)))
            .collect();
        let mut body = column![
            row![
                text(t!("settings-language")).width(Length::Fixed(120.0)),
                pick_list(choices, Some(self.choice()), Message::Language)
                    .width(Length::Fixed(240.0)),
            ]
            .spacing(8)
            .align_y(iced::Center),
            text(t!("settings-language-note")).size(12),
            row![
                text(t!("settings-theme")).width(Length::Fixed(120.0)),
                pick_list(
                    theme::ThemeChoice::ALL,
                    Some(self.theme_choice()),
                    Message::Theme
                )
                .width(Length::Fixed(240.0)),
            ]
            .spacing(8)
            .align_y(iced::Center),
            row![
                text(t!("settings-limit")).width(Length::Fixed(120.0)),
                text_input(&t!("settings-limit-none"), &self.limit_text)
                    .on_input(Message::SpeedLimit)
                    .width(Length::Fixed(240.0)),
            ]
            .spacing(8)
            .align_y(iced::Center),
        ]
        .spacing(12);
        let typed = self.limit_text.trim();
        body = body.push(if typed.is_empty() || parse_rate(typed).is_some() {
            text(t!("settings-limit-note")).size(12)
        } else {
            text(t!("settings-limit-bad", text = typed))
                .size(12)
                .style(text::danger)
        });
        if let Some(p) = &self.problem {
            body = body.push(
                text(t!("settings-not-saved", error = p.as_str()))
                    .size(12)
                    .style(text::danger),
            );
        }
        body.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Settings kept in `file`, with nothing set for this run.
    fn in_folder(file: PathBuf) -> Settings {
        Settings {
            prefs: Prefs::default(),
            file,
            open: true,
            problem: None,
            for_this_run: None,
            theme_for_this_run: None,
            tab: Tab::General,
            keys: keys::Keys::new(None, false),
            limit: RateLimit::new(0),
            limit_text: String::new(),
        }
    }

    #[test]
    fn unknown_or_broken_files_mean_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        assert_eq!(Prefs::load(&path), Prefs::default());
        std::fs::write(&path, b"{ not json").unwrap();
        assert_eq!(Prefs::load(&path), Prefs::default());
        std::fs::write(&path, br#"{"language":"xx-YY"}"#).unwrap();
        assert_eq!(Prefs::load(&path).language, None);
        std::fs::write(&path, br#"{"language":"ja"}"#).unwrap();
        assert_eq!(Prefs::load(&path).language.as_deref(), Some("ja"));
    }

    #[test]
    fn the_language_set_for_this_run_shows_until_one_is_picked() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = in_folder(dir.path().join("settings.json"));
        s.for_this_run = Some("ja");
        assert_eq!(s.choice(), Language::Fixed("ja"));
        // (English: the language is process-wide, and other tests read English text.)
        let _ = s.update(Message::Language(Language::Fixed("en")));
        assert_eq!(s.choice(), Language::Fixed("en"));
        assert_eq!(s.prefs.language.as_deref(), Some("en"));
    }

    #[test]
    fn the_theme_set_for_this_run_shows_until_one_is_picked() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("settings.json");
        let mut s = in_folder(file.clone());
        s.theme_for_this_run = Some(theme::ThemeChoice::Dark);
        assert_eq!(s.theme_choice().theme(), Some(iced::Theme::Dark));
        let _ = s.update(Message::Theme(theme::ThemeChoice::Light));
        assert_eq!(s.theme_choice().theme(), Some(iced::Theme::Light));
        assert_eq!(s.prefs.theme, theme::ThemeChoice::Light);
        // The file's word for it, and an unknown one meaning the defaults.
        std::fs::write(&file, br#"{"theme":"dark"}"#).unwrap();
        assert_eq!(Prefs::load(&file).theme, theme::ThemeChoice::Dark);
        std::fs::write(&file, br#"{"theme":"sepia"}"#).unwrap();
        assert_eq!(Prefs::load(&file), Prefs::default());
        assert_eq!(theme::ThemeChoice::System.theme(), None);
    }

    #[test]
    fn a_speed_limit_applies_to_the_shared_limit_once_it_reads_as_a_rate() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = in_folder(dir.path().join("settings.json"));
        let jobs_share = s.limit.clone();
        let _ = s.update(Message::SpeedLimit("2M".into()));
        assert_eq!(jobs_share.rate(), 2 << 20);
        // Not (yet) a rate: the last one stays in force.
        let _ = s.update(Message::SpeedLimit("1.x".into()));
        assert_eq!(jobs_share.rate(), 2 << 20);
        assert_eq!(s.prefs.speed_limit, 2 << 20);
        let _ = s.update(Message::SpeedLimit(String::new()));
        assert_eq!(jobs_share.rate(), 0);
    }
}
