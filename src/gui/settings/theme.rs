//! Settings → General → Theme: System (the OS's light or dark, which iced follows as it changes:
//! on Linux the freedesktop `color-scheme` through the portal, elsewhere what winit reports),
//! Light or Dark. `FERRY_THEME=light|dark` sets it for one run (screenshots, bug reports), as
//! `FERRY_LANG` does the language, until the person picks one.

use serde::{Deserialize, Serialize};

use crate::gui::text::t;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// The theme to draw with; `None` lets iced follow the OS.
    pub fn theme(self) -> Option<iced::Theme> {
        match self {
            ThemeChoice::System => None,
            ThemeChoice::Light => Some(iced::Theme::Light),
            ThemeChoice::Dark => Some(iced::Theme::Dark),
        }
    }

    /// What `FERRY_THEME` asks for (`light`, `dark` or `system`, any case); `None` when unset or
    /// not one of those.
    pub fn from_env() -> Option<ThemeChoice> {
        let v = std::env::var("FERRY_THEME").ok()?; // i18n-ok: a variable name
        match v.trim().to_ascii_lowercase().as_str() {
            "light" => Some(ThemeChoice::Light),
            "dark" => Some(ThemeChoice::Dark),
            "system" => Some(ThemeChoice::System),
            _ => None,
        }
    }
}

impl std::fmt::Display for ThemeChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            ThemeChoice::System => t!("settings-theme-system"),
            ThemeChoice::Light => t!("settings-theme-light"),
            ThemeChoice::Dark => t!("settings-theme-dark"),
        })
    }
}
