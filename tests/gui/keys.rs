//! Settings → Keys driven headlessly with iced_test: a home folder's key is listed by its
//! fingerprint and its public line copied; the Create form writes `~/.ssh/id_ed25519` (`0600`, the
//! `.pub` `0644`, the folder `0700`), the list then shows it, and a second Create shows the
//! engine's refusal. The keys folder is the temporary home's `.ssh`, given to the panel as
//! `keys::default_dir()` would give it for `HOME` there (HOME itself is process-wide, and the tests
//! of this binary run side by side).

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use ferry::gui::Message;
use ferry::gui::settings::{self, Settings, Tab, keys};
use ferry_engine::dirs::AppDirs;
use ferry_engine::keys::{GenerateRequest, KeyType};
use ferry_engine::secrets::Secret;
use iced_test::simulator;

use crate::common::gui::collect;

/// The Settings dialog with its Keys tab on `home/.ssh`, no agent, in English.
fn settings_in(home: &Path, config: &Path) -> Settings {
    ferry::gui::text::apply_language(Some("en"));
    let mut s = Settings::new(&AppDirs::new(Some(config)), false);
    s.keys = keys::Keys::new(Some(home.join(".ssh")), false);
    s.open = true;
    s
}

/// Gives `s` a message and runs what it starts to its end, as the window's runtime would.
fn send(s: &mut Settings, m: settings::Message) {
    let mut queue = vec![m];
    while let Some(m) = queue.pop() {
        let task = s.update(m).map(Message::Settings);
        for out in collect(task) {
            match out {
                Message::Settings(m) => queue.push(m),
                other => panic!("not a settings message: {other:?}"),
            }
        }
    }
}

fn key(m: keys::Message) -> settings::Message {
    settings::Message::Keys(m)
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Clicks `target` in the dialog and returns the messages it gave.
fn click(s: &Settings, target: &str) -> Vec<settings::Message> {
    let mut ui = simulator(s.view());
    ui.click(target)
        .unwrap_or_else(|e| panic!("{target}: {e:?}"));
    ui.into_messages().collect()
}

fn shows(s: &Settings, what: &str) -> bool {
    let mut ui = simulator(s.view());
    ui.find(what).is_ok()
}

#[test]
fn a_key_in_home_is_listed_and_its_public_key_copied() {
    let home = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    // A named file's folder must be there (the engine makes only ~/.ssh of itself).
    std::fs::create_dir(home.path().join(".ssh")).unwrap();
    let made = ferry_engine::keys::generate(&GenerateRequest {
        kind: KeyType::Ed25519,
        out: Some(home.path().join(".ssh/id_test")),
        comment: Some("test@ferry".into()),
        ..Default::default()
    })
    .unwrap();
    let mut s = settings_in(home.path(), config.path());

    let tab = click(&s, "Keys");
    assert!(
        matches!(tab[..], [settings::Message::Tab(Tab::Keys)]),
        "{tab:?}"
    );
    for m in tab {
        send(&mut s, m);
    }
    assert!(shows(&s, &made.info.fingerprint), "no fingerprint listed");
    assert!(shows(&s, "test@ferry · no passphrase"));

    let copied = click(&s, "Copy public key");
    let line = std::fs::read_to_string(&made.public_path).unwrap();
    match &copied[..] {
        [settings::Message::Keys(keys::Message::Copy(l))] => assert_eq!(l, line.trim_end()),
        other => panic!("{other:?}"),
    }

    // "Show" draws the randomart the key was made with.
    for m in click(&s, "Show") {
        send(&mut s, m);
    }
    assert!(shows(&s, made.randomart.as_str()), "no randomart");
}

#[test]
fn create_writes_the_key_lists_it_offers_a_free_name_and_never_overwrites() {
    let home = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let mut s = settings_in(home.path(), config.path());
    send(&mut s, settings::Message::Tab(Tab::Keys));
    assert!(shows(&s, "Create key…"));

    for m in click(&s, "Create key…") {
        send(&mut s, m);
    }
    let private: PathBuf = home.path().join(".ssh/id_ed25519");
    let form = s.keys.form.as_ref().expect("the form is open");
    assert_eq!(form.kind, KeyType::Ed25519);
    assert_eq!(Path::new(&form.file), private);
    // No passphrase yet: the warning recommends one.
    assert!(shows(
        &s,
        "Without a passphrase, anyone who gets this file can use the key. A passphrase is recommended."
    ));
    send(&mut s, key(keys::Message::Passphrase(Secret::new("pw 1"))));
    send(&mut s, key(keys::Message::Repeat(Secret::new("pw 2"))));
    send(&mut s, key(keys::Message::Create));
    assert!(!private.exists());
    assert!(shows(&s, "The two passphrases are not the same."));

    send(&mut s, key(keys::Message::Repeat(Secret::new("pw 1"))));
    for m in click(&s, "Create") {
        send(&mut s, m);
    }
    assert!(s.keys.form.is_none(), "{:?}", s.keys.form);
    let made = s.keys.created.clone().expect("the key was made");
    assert_eq!(made.path, private);
    assert!(made.info.protected);
    assert_eq!(mode(&private), 0o600);
    assert_eq!(mode(&made.public_path), 0o644);
    assert_eq!(mode(&home.path().join(".ssh")), 0o700);
    // Shown at once with its randomart, and in the list read again.
    assert!(shows(&s, made.randomart.as_str()));
    let listed = simulator(s.view())
        .find(made.info.fingerprint.as_str())
        .is_ok();
    assert!(listed);
    assert!(shows(
        &s,
        &format!("{} · passphrase-protected", made.info.comment)
    ));

    // Again: a free name is offered beside it; the existing file typed in is refused by the
    // engine, and the form says so.
    send(&mut s, key(keys::Message::NewKey));
    let offered = s.keys.form.as_ref().unwrap().file.clone();
    assert_eq!(Path::new(&offered), home.path().join(".ssh/id_ed25519_2"));
    send(
        &mut s,
        key(keys::Message::FileName(private.display().to_string())),
    );
    send(&mut s, key(keys::Message::Create));
    let problem = s.keys.form.as_ref().unwrap().problem.clone().unwrap();
    assert!(problem.contains("already exists"), "{problem}");
    assert!(shows(&s, &problem));
}
