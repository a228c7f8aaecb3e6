//! The language switch as a person uses it (iced_test): Settings opens from the top bar, picking
//! Deutsch turns the window German at once, without a restart, with sizes and dates written the
//! German way; the choice is saved for the next start; Japanese works the same; "System" goes back
//! to the OS's language. One test: the language is process-wide.

use crate::common;

use std::time::{Duration, UNIX_EPOCH};

use common::gui::send;

use ferry::gui::settings::{self, Language, Prefs};
use ferry::gui::{App, Message, format, pane, text};
use ferry_engine::fs::local::{LocalFs, from_local};
use ferry_engine::fs::{FileSystem, ListOptions};
use fluent_bundle::{FluentBundle, FluentResource};
use iced_test::simulator;

/// A message as the language's file has it (no arguments).
fn message(lang: &str, id: &str) -> String {
    let path = format!("{}/i18n/{lang}/ferry.ftl", env!("CARGO_MANIFEST_DIR"));
    let res = FluentResource::try_new(std::fs::read_to_string(path).unwrap()).unwrap();
    let mut bundle = FluentBundle::new(vec![lang.parse().unwrap()]);
    bundle.set_use_isolating(false);
    bundle.add_resource(res).unwrap();
    let pattern = bundle.get_message(id).unwrap().value().unwrap();
    bundle
        .format_pattern(pattern, None, &mut Vec::new())
        .into_owned()
}

fn shows(app: &App, text: &str) -> bool {
    simulator(app.view()).find(text).is_ok()
}

#[test]
fn settings_switch_the_language_at_once_and_remember_it() {
    let config = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    std::fs::write(files.path().join("report.pdf"), vec![0u8; 1536]).unwrap();
    let when = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    filetime::set_file_mtime(
        files.path().join("report.pdf"),
        filetime::FileTime::from_system_time(when),
    )
    .unwrap();
    let mut app = common::gui::app(config.path(), &[]);
    let path = from_local(files.path());
    let listing = tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(LocalFs.list(&path, ListOptions::default()))
        .unwrap();
    let _ = app.update(Message::Local(pane::Message::Listed(
        path,
        Ok((listing.entries, None, 0)),
    )));

    // English to begin with (nothing applied a language in this process).
    assert!(shows(&app, "Connect"));
    assert!(shows(&app, "1.5 KiB"));

    // Settings opens from its button in the top bar.
    let msgs: Vec<Message> = {
        let mut ui = simulator(app.view());
        ui.click("⚙").expect("a Settings button");
        ui.into_messages().collect()
    };
    for m in msgs {
        send(&mut app, m);
    }
    assert!(shows(&app, "Language"), "the Settings dialog is open");

    // Deutsch: the window is German now, with no restart.
    send(
        &mut app,
        Message::Settings(settings::Message::Language(Language::Fixed("de"))),
    );
    assert_eq!(text::current_language(), "de");
    for id in ["settings-language", "settings-title"] {
        let german = message("de", id);
        assert_ne!(german, message("en", id));
        assert!(shows(&app, &german), "{id} shows as {german:?}");
    }
    send(&mut app, Message::Settings(settings::Message::Close));
    for id in ["connect", "sites-button", "refresh", "col-size"] {
        assert!(shows(&app, &message("de", id)), "{id} in German");
    }
    assert!(!shows(&app, "Connect"));
    // Sizes with a decimal comma, dates day first.
    assert_eq!(format::decimal(1.5), "1,5");
    assert!(
        format::size(1536).starts_with("1,5"),
        "{}",
        format::size(1536)
    );
    assert!(shows(&app, &format::size(1536)));
    let date = format::date_time(when);
    assert!(
        date.contains(".11.2023"),
        "German dates are day.month.year: {date}"
    );
    // The status line's plural: one item.
    assert!(!shows(&app, "1 items"), "the count is German, not English");

    // The choice is saved for the next start.
    let file = Prefs::file(&ferry_engine::dirs::AppDirs::new(Some(config.path())));
    assert_eq!(Prefs::load(&file).language.as_deref(), Some("de"));

    // Japanese renders the same way.
    send(
        &mut app,
        Message::Settings(settings::Message::Language(Language::Fixed("ja"))),
    );
    assert!(shows(&app, &message("ja", "connect")));
    assert!(format::date_time(when).starts_with("2023/11/"));

    // System: back to the OS's language.
    send(
        &mut app,
        Message::Settings(settings::Message::Language(Language::System)),
    );
    assert_eq!(text::current_language(), text::os_language());
}
