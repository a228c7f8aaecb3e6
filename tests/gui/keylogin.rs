//! "Set up key login…" against a real sshd whose users' keys are also read from
//! `.ssh/authorized_keys` in the SFTP start folder: from the site manager, a new key is made,
//! put on the server, proven to log in alone, and the site switched to it with its password
//! removed from the keyring; from the connection bar's menu, the same key again is "already
//! there", and a wrong passphrase is said before anything is written.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Arc;

use iced_test::simulator;

use crate::common::gui::{app_started, send};
use crate::common::{Sshd, SshdOptions};
use ferry::gui::keylogin::{Choice, Message as K};
use ferry::gui::{BarAction, Message, sites};
use ferry_engine::secrets::{MemoryStore, Secret, SecretKind, SecretStore};
use ferry_engine::sites::{AuthMethod, Site, Sites};

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn key(app: &mut ferry::gui::App, m: K) {
    send(app, Message::KeySetup(m));
}

fn shows(app: &ferry::gui::App, text: &str) -> bool {
    simulator(app.view()).find(text).is_ok()
}

#[test]
fn a_new_key_goes_on_the_server_and_the_site_switches_to_it() {
    let home = tempfile::tempdir().unwrap();
    let list = home.path().join(".ssh/authorized_keys");
    let sshd = Sshd::start_with(SshdOptions {
        subsystem: format!("internal-sftp -d {}", home.path().display()),
        extra_authorized_keys: Some(list.clone()),
        ..SshdOptions::default()
    });
    crate::common::chown_to(home.path(), &sshd.user);
    let config = tempfile::tempdir().unwrap();
    let ssh_dir = tempfile::tempdir().unwrap();
    // A site that logs in with a password (stored) and, for this test, the fixture's key.
    let mut site = Site::new("box", "127.0.0.1");
    site.port = sshd.port;
    site.user = sshd.user.clone();
    site.auth = AuthMethod::Password;
    site.key_file = Some(sshd.client_key.clone());
    let file = Sites::path_in(config.path());
    let mut saved = Sites::default();
    saved.add(site.clone()).unwrap();
    saved.save(&file).unwrap();
    let store = Arc::new(MemoryStore::new());
    store
        .set(&site.id, SecretKind::Password, &Secret::new("old-pw"))
        .unwrap();

    let mut app = app_started(&sshd, config.path());
    app.set_ssh_dir(ssh_dir.path().join(".ssh"));
    app.set_secret_store(store.clone());
    // Site manager → Set up key login…: connects to the site, then opens the dialog.
    send(&mut app, Message::OpenSites);
    send(
        &mut app,
        Message::Sites(sites::Message::Select(site.id.clone())),
    );
    send(&mut app, Message::Sites(sites::Message::SetUpKeyLogin));
    let server = format!("{}@[127.0.0.1]:{}", sshd.user, sshd.port);
    assert!(
        shows(&app, &format!("Set up key login for {server}")),
        "connected to the site, the dialog is open"
    );
    key(&mut app, K::Choose(Choice::New));
    key(&mut app, K::NewPassphrase(Secret::new("open sesame")));
    key(&mut app, K::NewRepeat(Secret::new("open sesame")));
    key(&mut app, K::Install);
    assert!(
        shows(&app, "Key login works: no password is needed from now on."),
        "the key alone logs in"
    );
    let private = ssh_dir.path().join(".ssh/id_ed25519");
    assert_eq!(mode(&ssh_dir.path().join(".ssh")), 0o700);
    assert_eq!(mode(&private), 0o600);
    let public = std::fs::read_to_string(private.with_extension("pub")).unwrap();
    let held = std::fs::read_to_string(&list).unwrap();
    assert_eq!(
        held.trim_end(),
        public.trim_end(),
        "the server holds the new key"
    );
    assert_eq!(mode(&list), 0o600);
    assert_eq!(mode(list.parent().unwrap()), 0o700);

    key(&mut app, K::ForgetPassword(true));
    key(&mut app, K::RememberPassphrase(true));
    key(&mut app, K::Apply);
    assert!(shows(&app, "The site now logs in with the key."));
    let now = Sites::load(&file).unwrap();
    let switched = now.get(&site.id).unwrap();
    assert_eq!(switched.auth, AuthMethod::KeyFile);
    assert_eq!(switched.key_file.as_deref(), Some(private.as_path()));
    assert!(store.get(&site.id, SecretKind::Password).unwrap().is_none());
    assert_eq!(
        store
            .get(&site.id, SecretKind::Passphrase)
            .unwrap()
            .map(|p| p.expose().to_string()),
        Some("open sesame".into())
    );
    key(&mut app, K::Close);

    // From the bar's menu, the same key again: already there, nothing written.
    send(&mut app, Message::Menu(BarAction::SetUpKeyLogin));
    key(&mut app, K::Choose(Choice::File(private.clone())));
    key(&mut app, K::Passphrase(Secret::new("wrong")));
    key(&mut app, K::Install);
    let wrong = format!(
        "Cannot use the key file {}: the passphrase does not open it.",
        private.display()
    );
    assert!(shows(&app, &wrong), "a wrong passphrase is said");
    key(&mut app, K::Passphrase(Secret::new("open sesame")));
    key(&mut app, K::Install);
    let again = format!(
        "The key is already in {}/.ssh/authorized_keys on {server}; nothing was written.",
        home.path().display()
    );
    assert!(shows(&app, &again), "a second install writes nothing");
    assert_eq!(std::fs::read_to_string(&list).unwrap(), held);
}
