//! The site manager headlessly (iced_test): the tree shows folders and sites, the form refuses what
//! a site cannot be (with the reason shown), saving writes the file and puts a typed password in
//! the secret store only (an in-memory store here; the real OS keyring is tested through the CLI
//! in `sites_keyring.rs`), and the password dialog offers "remember" for a saved site.

use std::sync::Arc;

use ferry::gui::sites::{self, Field, Message, SiteManager};
use ferry_engine::secrets::Secret;
use ferry_engine::secrets::{MemoryStore, SecretKind, SecretStore};
use ferry_engine::sites::{AuthMethod, Site, Sites};
use iced_test::simulator;

fn saved_sites(file: &std::path::Path) -> Sites {
    let mut s = Sites::load(file).unwrap();
    let mut web = Site::new("shop", "web.example.org");
    web.folder = "Work/Web".into();
    s.add(web).unwrap();
    s.add(Site::new("home nas", "192.0.2.7")).unwrap();
    s.save(file).unwrap();
    Sites::load(file).unwrap()
}

fn apply(m: &mut SiteManager, msgs: impl IntoIterator<Item = Message>) -> Vec<sites::Event> {
    msgs.into_iter().filter_map(|msg| m.update(msg).1).collect()
}

fn click(m: &mut SiteManager, target: &str) -> Vec<sites::Event> {
    let msgs: Vec<Message> = {
        let mut ui = simulator(m.view());
        ui.click(target)
            .unwrap_or_else(|e| panic!("{target}: {e:?}"));
        ui.into_messages().collect()
    };
    apply(m, msgs)
}

fn shows(m: &SiteManager, text: &str) -> bool {
    simulator(m.view()).find(text).is_ok()
}

#[test]
fn the_tree_the_form_and_its_checks() {
    let dir = tempfile::tempdir().unwrap();
    let file = Sites::path_in(dir.path());
    let sites = saved_sites(&file);
    let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let (mut m, _read) = SiteManager::open(file, store);
    apply(&mut m, [Message::Loaded(Ok(sites))]);
    for text in ["▸ Work", "▸ Web", "shop", "home nas"] {
        assert!(shows(&m, text), "{text} in the tree");
    }
    // The first site in tree order (top level first) is open in the form.
    assert!(shows(&m, "192.0.2.7"));
    click(&mut m, "shop");
    assert!(shows(&m, "web.example.org"));

    click(&mut m, "New site");
    apply(
        &mut m,
        [
            Message::Edit(Field::Name, "db".into()),
            Message::Edit(Field::Host, "db.example.org".into()),
            Message::Edit(Field::Port, "70000".into()),
        ],
    );
    click(&mut m, "Save");
    assert!(shows(&m, "The port must be a number from 1 to 65535"));
    apply(
        &mut m,
        [
            Message::Edit(Field::Port, "22".into()),
            Message::Edit(Field::Name, "a/b".into()),
        ],
    );
    click(&mut m, "Save");
    assert!(shows(
        &m,
        "Not a valid site: a name cannot contain '/', ':' or control characters."
    ));
    // A password field appears for password logins only.
    assert!(
        !shows(&m, "Password"),
        "no password field for an agent login"
    );
    apply(&mut m, [Message::Auth(AuthMethod::Password)]);
    assert!(shows(&m, "Password"));
}

/// The "Jump hosts" field: checked as `-J` takes it, and carried by the site the form makes; so
/// are "Proxy" and "Proxy command", one or the other.
#[test]
fn the_form_takes_jump_hosts_and_a_proxy() {
    let dir = tempfile::tempdir().unwrap();
    let file = Sites::path_in(dir.path());
    let sites = saved_sites(&file);
    let store: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let (mut m, _read) = SiteManager::open(file, store);
    apply(&mut m, [Message::Loaded(Ok(sites))]);
    assert!(shows(&m, "Jump hosts"));
    apply(
        &mut m,
        [Message::Edit(Field::JumpHosts, "bastion:0".into())],
    );
    click(&mut m, "Save");
    assert!(shows(
        &m,
        "Not a valid site: jump hosts: the port in 'bastion:0' must be 1-65535."
    ));
    apply(
        &mut m,
        [Message::Edit(
            Field::JumpHosts,
            " ann@bastion:2222,gate ".into(),
        )],
    );
    let events = apply(&mut m, [Message::Test]);
    let tested: Vec<String> = events
        .into_iter()
        .filter_map(|e| match e {
            sites::Event::Test(site, _) => Some(site.jump_hosts.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(tested, ["ann@bastion:2222,gate"]);

    assert!(shows(&m, "Proxy") && shows(&m, "Proxy command"));
    apply(
        &mut m,
        [
            Message::Edit(Field::Proxy, " socks5://al@gate:1081 ".into()),
            Message::Edit(Field::ProxyCommand, "ssh -W %h:%p gate".into()),
        ],
    );
    click(&mut m, "Save");
    assert!(shows(
        &m,
        "Not a valid site: a site has a proxy or a proxy command, not both."
    ));
    apply(&mut m, [Message::Edit(Field::ProxyCommand, String::new())]);
    let events = apply(&mut m, [Message::Test]);
    let tested: Vec<(String, String)> = events
        .into_iter()
        .filter_map(|e| match e {
            sites::Event::Test(site, _) => Some((site.proxy.clone(), site.proxy_command.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(tested, [("socks5://al@gate:1081".into(), String::new())]);
}

#[test]
fn saving_puts_the_password_in_the_keyring_and_not_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = Sites::path_in(dir.path());
    let mut sites = saved_sites(&file);
    let mut site = Site::new("db", "db.example.org");
    site.auth = AuthMethod::Password;
    let id = sites.add(site).unwrap();
    let store = Arc::new(MemoryStore::new());
    let password = "correct horse battery staple";
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (written, note) = rt.block_on(sites::persist(
        sites,
        file.clone(),
        store.clone(),
        Some((id.clone(), SecretKind::Password, Secret::new(password))),
    ));
    assert!(note.is_none(), "{note:?}");
    assert!(written.unwrap().get(&id).is_some());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("db.example.org") && !text.contains(password));
    let stored = store.get(&id, SecretKind::Password).unwrap().unwrap();
    assert_eq!(stored.expose(), password);

    // No keyring: the file is written, the password is not stored anywhere, and the person is
    // told so.
    let down = Arc::new(MemoryStore::unavailable(
        "no Secret Service on the session bus",
    ));
    let sites = Sites::load(&file).unwrap();
    let (written, note) = rt.block_on(sites::persist(
        sites,
        file.clone(),
        down.clone(),
        Some((id, SecretKind::Password, Secret::new(password))),
    ));
    assert!(written.is_ok());
    let note = note.expect("a note");
    assert!(
        note.contains("NOT stored") && note.contains("No OS keyring"),
        "{note}"
    );
    assert!(!std::fs::read_to_string(&file).unwrap().contains(password));
    assert_eq!(down.len(), 0);
}

#[test]
fn the_password_dialog_offers_to_remember_for_a_saved_site() {
    use ferry::gui::connect::{Question, Reply};
    use ferry::gui::dialogs::{self, Dialog};
    let (tx, _rx) = tokio::sync::oneshot::channel();
    let mut d = Dialog::new(
        Question::Password {
            user: "ann".into(),
            host: "db.example.org".into(),
        },
        Reply::new(tx),
    );
    assert!(
        simulator(d.view())
            .find("Remember in the OS keyring")
            .is_err()
    );
    d.remember = Some(false);
    let mut ui = simulator(d.view());
    ui.click("Remember in the OS keyring").unwrap();
    let msgs: Vec<_> = ui.into_messages().collect();
    assert!(
        matches!(msgs.as_slice(), [dialogs::Message::Remember(true)]),
        "{msgs:?}"
    );

    // A proxy's password is asked for by the proxy's name.
    let (tx, _rx) = tokio::sync::oneshot::channel();
    let d = Dialog::new(
        Question::ProxyPassword {
            user: "al".into(),
            proxy: "socks5://gate:1080".into(),
        },
        Reply::new(tx),
    );
    let mut ui = simulator(d.view());
    assert!(ui.find("Proxy password").is_ok());
    assert!(ui.find("al at the proxy socks5://gate:1080").is_ok());
}
