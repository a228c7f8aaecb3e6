//! The site manager: the saved sites as a tree of folders, a form to add / edit / duplicate /
//! delete / move them, passwords into the OS keyring (never a file), imports from OpenSSH's
//! config and FileZilla, and Connect. The sites file and the keyring are read and written in
//! tasks, off the UI thread; `view.rs` draws it.

mod view;

use std::path::PathBuf;
use std::sync::Arc;

use iced::Task;

use crate::gui::settings::keys::{Found, find};
use crate::gui::text::{error_text, t};
use ferry_engine::display::escape_for_display;
use ferry_engine::error::Error;
use ferry_engine::fs::local::blocking;
use ferry_engine::keys::{KeyInfo, Listed};
use ferry_engine::secrets::Secret;
use ferry_engine::secrets::{self, SecretKind, SecretStore};
use ferry_engine::sites::{AuthMethod, Import, Site, SiteId, Sites};

/// The form's text fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Folder,
    Host,
    Port,
    User,
    KeyFile,
    JumpHosts,
    Proxy,
    ProxyCommand,
    RemoteDir,
    LocalDir,
    MaxTransfers,
    Notes,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The sites file was read (when the manager opens).
    Loaded(Result<Sites, Error>),
    Select(SiteId),
    New,
    Duplicate,
    Delete,
    Edit(Field, String),
    /// The password or passphrase field (a `Secret` from the first keystroke).
    Password(Secret),
    Auth(AuthMethod),
    Verify(bool),
    /// Server-side copies may run `cp -p` on the server.
    ExecCopy(bool),
    BrowseKey,
    KeyPicked(Option<PathBuf>),
    Save,
    /// The file (and the password, if one was typed) were written; the text says what happened.
    Saved(Result<Sites, Error>, Option<String>),
    Connect,
    /// Try to log in with the form as it stands (nothing is saved).
    Test,
    ImportSsh,
    /// `~/.ssh/config`, if it is there (looked for in a task).
    SshConfigFound(Option<PathBuf>),
    ImportFileZilla,
    FileZillaPicked(Option<PathBuf>),
    Imported(Result<(Sites, Vec<String>), Error>),
    /// The keys of `~/.ssh` and the agent, for the form's lists.
    KeysFound(Result<Found, Error>),
    /// A key picked from the form's list (a file, or an agent key).
    PickKey(KeyPick),
    /// "Set up key login…" for the selected site.
    SetUpKeyLogin,
    Close,
}

/// An entry of the form's list of keys found: a key file, an agent key, or any agent key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPick {
    pub label: String,
    pub key: PickedKey,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickedKey {
    File(PathBuf),
    Agent(Option<String>),
}

impl std::fmt::Display for KeyPick {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// What the manager asks of the app.
#[derive(Debug, Clone)]
pub enum Event {
    Connect(Box<Site>),
    /// Log in to this site and report back with [`SiteManager::tested`].
    Test(Box<Site>, Option<Secret>),
    /// Connect to this saved site and open "Set up key login…" on it.
    SetUpKeyLogin(Box<Site>),
    Close,
    /// The sites changed on disk: the connection bar's list follows.
    Changed,
}

/// The site being edited, as typed.
#[derive(Debug, Clone)]
struct Form {
    site: Site,
    port: String,
    max: String,
    key_file: String,
    local_dir: String,
    /// A password typed to store; empty leaves the keyring as it is.
    password: Secret,
    is_new: bool,
}

impl Form {
    fn of(site: Site, is_new: bool) -> Form {
        Form {
            port: site.port.to_string(),
            max: site
                .max_transfers
                .map(|m| m.to_string())
                .unwrap_or_default(),
            key_file: path_text(&site.key_file),
            local_dir: path_text(&site.local_dir),
            password: Secret::default(),
            site,
            is_new,
        }
    }

    /// The site as typed, or what is wrong with it.
    fn site(&self) -> Result<Site, String> {
        let mut s = self.site.clone();
        s.port = self
            .port
            .trim()
            .parse()
            .ok()
            .filter(|p| *p > 0)
            .ok_or_else(|| t!("site-bad-port").to_string())?;
        s.max_transfers = match self.max.trim() {
            "" => None,
            m => Some(
                m.parse()
                    .ok()
                    .filter(|n| (1..=32).contains(n))
                    .ok_or_else(|| t!("site-bad-max").to_string())?,
            ),
        };
        s.key_file = non_empty_path(&self.key_file);
        s.local_dir = non_empty_path(&self.local_dir);
        s.validate().map_err(|e| error_text(&e))?;
        Ok(s)
    }
}

/// `ED25519 · id_ed25519 · comment · SHA256:b4xAKNl+F1KdGUUY…`: the fingerprint's start is
/// enough to tell keys apart in a list that must fit the form.
fn key_label(place: &str, info: &KeyInfo) -> String {
    let mut parts = vec![info.kind.clone(), place.to_string()];
    let comment = escape_for_display(&info.comment);
    if !comment.is_empty() {
        parts.push(comment);
    }
    let fp: String = info.fingerprint.chars().take(23).collect();
    parts.push(if fp.len() < info.fingerprint.len() {
        format!("{fp}…")
    } else {
        fp
    });
    parts.join(" · ")
}

fn path_text(p: &Option<PathBuf>) -> String {
    p.as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

fn non_empty_path(s: &str) -> Option<PathBuf> {
    let s = s.trim();
    (!s.is_empty()).then(|| PathBuf::from(s))
}

pub struct SiteManager {
    sites: Sites,
    file: PathBuf,
    store: Arc<dyn SecretStore>,
    selected: Option<SiteId>,
    form: Option<Form>,
    loading: bool,
    /// The last outcome, and whether it is a problem.
    status: Option<(String, bool)>,
    /// Connect once the save in progress lands.
    connect_after_save: bool,
    /// The keys found in `~/.ssh` and the agent, offered in the form.
    keys: Option<Found>,
}

impl SiteManager {
    /// Opens the manager and reads the sites file in a task.
    pub fn open(file: PathBuf, store: Arc<dyn SecretStore>) -> (SiteManager, Task<Message>) {
        let read = file.clone();
        (
            SiteManager {
                sites: Sites::default(),
                file,
                store,
                selected: None,
                form: None,
                loading: true,
                status: None,
                connect_after_save: false,
                keys: None,
            },
            Task::perform(blocking(move || Sites::load(&read)), Message::Loaded),
        )
    }

    /// Reads the keys of `dir` (`~/.ssh`) and, when `use_agent`, the agent's, for the form.
    pub fn find_keys(&mut self, dir: Option<PathBuf>, use_agent: bool) -> Task<Message> {
        Task::perform(find(dir, use_agent), Message::KeysFound)
    }

    /// The form's list of key files found, each by type, name, fingerprint and comment.
    pub fn key_files(&self) -> Vec<KeyPick> {
        let Some(found) = &self.keys else {
            return Vec::new();
        };
        found
            .files
            .iter()
            .filter_map(|l| match l {
                Listed::Key { path, info } => Some(KeyPick {
                    label: key_label(&path.file_name()?.to_string_lossy(), info),
                    key: PickedKey::File(path.clone()),
                }),
                Listed::Unreadable { .. } => None,
            })
            .collect()
    }

    /// The form's list of agent keys: any of them, then each by fingerprint and comment.
    pub fn agent_keys(&self) -> Vec<KeyPick> {
        let mut out = vec![KeyPick {
            label: t!("site-agent-any"),
            key: PickedKey::Agent(None),
        }];
        if let Some(found) = &self.keys {
            out.extend(found.agent.iter().map(|info| KeyPick {
                label: key_label(&t!("keylogin-agent-key"), info),
                key: PickedKey::Agent(Some(info.fingerprint.clone())),
            }));
        }
        out
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        let task = match message {
            Message::KeysFound(r) => {
                // No keys to offer is no list; the form still takes a typed path.
                self.keys = r.ok();
                Task::none()
            }
            Message::PickKey(pick) => {
                if let Some(f) = self.form.as_mut() {
                    match pick.key {
                        PickedKey::File(p) => {
                            f.key_file = p.display().to_string();
                            f.site.auth = AuthMethod::KeyFile;
                        }
                        PickedKey::Agent(fp) => {
                            f.site.agent_key = fp;
                            f.site.auth = AuthMethod::Agent;
                        }
                    }
                }
                Task::none()
            }
            Message::SetUpKeyLogin => {
                let saved = self.selected.as_ref().and_then(|id| self.sites.get(id));
                return match saved {
                    Some(site) => (
                        Task::none(),
                        Some(Event::SetUpKeyLogin(Box::new(site.clone()))),
                    ),
                    None => {
                        self.status = Some((t!("site-save-first"), true));
                        (Task::none(), None)
                    }
                };
            }
            Message::Loaded(Ok(sites)) => {
                self.loading = false;
                self.sites = sites;
                if let Some(first) = self.sorted().first() {
                    let id = first.id.clone();
                    self.select(id);
                }
                Task::none()
            }
            Message::Loaded(Err(e)) => {
                self.loading = false;
                self.status = Some((error_text(&e), true));
                Task::none()
            }
            Message::Select(id) => {
                self.select(id);
                Task::none()
            }
            Message::New => {
                let mut site = Site::new(t!("site-new-name"), "");
                if let Some(f) = &self.form {
                    site.folder = f.site.folder.clone();
                }
                self.selected = None;
                self.form = Some(Form::of(site, true));
                self.status = None;
                iced::widget::operation::focus("site-name")
            }
            Message::Duplicate => {
                if let Some(f) = &self.form {
                    let mut site = f.site.clone();
                    site.id = SiteId::new_random();
                    site.name = t!("site-copy", name = site.name.as_str());
                    self.selected = None;
                    self.form = Some(Form::of(site, true));
                }
                Task::none()
            }
            Message::Delete => return (self.delete(), None),
            Message::Edit(field, value) => {
                if let Some(f) = self.form.as_mut() {
                    match field {
                        Field::Name => f.site.name = value,
                        Field::Folder => f.site.folder = value,
                        Field::Host => f.site.host = value.trim().to_string(),
                        Field::Port => f.port = value,
                        Field::User => f.site.user = value.trim().to_string(),
                        Field::KeyFile => f.key_file = value,
                        Field::JumpHosts => f.site.jump_hosts = value.trim().to_string(),
                        Field::Proxy => f.site.proxy = value.trim().to_string(),
                        Field::ProxyCommand => f.site.proxy_command = value,
                        Field::RemoteDir => f.site.remote_dir = value,
                        Field::LocalDir => f.local_dir = value,
                        Field::MaxTransfers => f.max = value,
                        Field::Notes => f.site.notes = value,
                    }
                }
                Task::none()
            }
            Message::Password(typed) => {
                if let Some(f) = self.form.as_mut() {
                    f.password = typed;
                }
                Task::none()
            }
            Message::Auth(a) => {
                if let Some(f) = self.form.as_mut() {
                    f.site.auth = a;
                }
                Task::none()
            }
            Message::Verify(on) => {
                if let Some(f) = self.form.as_mut() {
                    f.site.verify_checksum = on;
                }
                Task::none()
            }
            Message::ExecCopy(on) => {
                if let Some(f) = self.form.as_mut() {
                    f.site.exec_copy = on;
                }
                Task::none()
            }
            Message::BrowseKey => Task::perform(
                rfd::AsyncFileDialog::new()
                    .set_title(t!("site-pick-key"))
                    .pick_file(),
                |f| Message::KeyPicked(f.map(|f| f.path().to_path_buf())),
            ),
            Message::KeyPicked(Some(p)) => {
                if let Some(f) = self.form.as_mut() {
                    f.key_file = p.display().to_string();
                    f.site.auth = AuthMethod::KeyFile;
                }
                Task::none()
            }
            Message::KeyPicked(None) => Task::none(),
            Message::Save => self.save(false),
            Message::Connect => self.save(true),
            Message::Test => {
                let Some(form) = &self.form else {
                    return (Task::none(), None);
                };
                match form.site() {
                    Ok(site) => {
                        let typed = (!form.password.is_empty()).then(|| form.password.clone());
                        self.status = Some((t!("site-testing").to_string(), false));
                        return (Task::none(), Some(Event::Test(Box::new(site), typed)));
                    }
                    Err(why) => {
                        self.status = Some((why, true));
                        Task::none()
                    }
                }
            }
            Message::Saved(Ok(sites), note) => {
                let saved = self
                    .form
                    .as_ref()
                    .and_then(|f| sites.get(&f.site.id).cloned());
                self.sites = sites;
                if let Some(id) = saved.as_ref().map(|s| s.id.clone()) {
                    let status = self.status.take();
                    self.select(id);
                    self.status = status;
                }
                let problem = note.is_some();
                self.status = Some((
                    note.unwrap_or_else(|| t!("site-saved").to_string()),
                    problem,
                ));
                if std::mem::take(&mut self.connect_after_save)
                    && let Some(site) = saved
                {
                    return (Task::none(), Some(Event::Connect(Box::new(site))));
                }
                return (Task::none(), Some(Event::Changed));
            }
            Message::Saved(Err(e), _) => {
                self.connect_after_save = false;
                self.status = Some((error_text(&e), true));
                Task::none()
            }
            // Looking for the files touches the disk (perhaps a dead network home): in tasks.
            Message::ImportSsh => Task::perform(
                async {
                    tokio::task::spawn_blocking(ssh_config_path)
                        .await
                        .ok()
                        .flatten()
                },
                Message::SshConfigFound,
            ),
            Message::SshConfigFound(None) => {
                self.status = Some((t!("site-no-ssh-config").to_string(), true));
                Task::none()
            }
            Message::SshConfigFound(Some(path)) => {
                self.import(move || ferry_engine::sites::import_ssh_config(&path))
            }
            Message::ImportFileZilla => {
                let title = t!("site-pick-filezilla");
                Task::perform(
                    async move {
                        let mut dialog = rfd::AsyncFileDialog::new()
                            .set_title(title)
                            .add_filter("FileZilla", &["xml"]); // i18n-ok: a name
                        let found = tokio::task::spawn_blocking(filezilla_path).await;
                        if let Some(dir) = found
                            .ok()
                            .flatten()
                            .and_then(|p| p.parent().map(|d| d.to_owned()))
                        {
                            dialog = dialog.set_directory(dir);
                        }
                        dialog.pick_file().await
                    },
                    |f| Message::FileZillaPicked(f.map(|f| f.path().to_path_buf())),
                )
            }
            Message::FileZillaPicked(Some(path)) => {
                self.import(move || ferry_engine::sites::import_filezilla(&path))
            }
            Message::FileZillaPicked(None) => Task::none(),
            Message::Imported(Ok((sites, notes))) => {
                self.sites = sites;
                let text = if notes.is_empty() {
                    t!("site-imported").to_string()
                } else {
                    notes.join("\n")
                };
                if self.form.is_none()
                    && let Some(first) = self.sorted().first()
                {
                    let id = first.id.clone();
                    self.select(id);
                }
                self.status = Some((text, false));
                return (Task::none(), Some(Event::Changed));
            }
            Message::Imported(Err(e)) => {
                self.status = Some((error_text(&e), true));
                Task::none()
            }
            Message::Close => return (Task::none(), Some(Event::Close)),
        };
        (task, None)
    }

    /// Whether the form shows a site that is saved (Set up key login works on the saved one).
    fn is_saved_site(&self) -> bool {
        self.form.as_ref().is_some_and(|f| !f.is_new) && self.selected.is_some()
    }

    /// The sites in tree order: by folder, then name.
    fn sorted(&self) -> Vec<&Site> {
        let mut v: Vec<&Site> = self.sites.sites.iter().collect();
        v.sort_by_key(|s| (s.folder.to_lowercase(), s.name.to_lowercase()));
        v
    }

    fn select(&mut self, id: SiteId) {
        if let Some(site) = self.sites.get(&id) {
            self.form = Some(Form::of(site.clone(), false));
            self.selected = Some(id);
            self.status = None;
        }
    }

    /// Validates the form, writes the file, then stores a typed password in the keyring; with
    /// `connect`, asks the app to connect once saved.
    fn save(&mut self, connect: bool) -> Task<Message> {
        let Some(form) = &self.form else {
            return Task::none();
        };
        let site = match form.site() {
            Ok(s) => s,
            Err(why) => {
                self.status = Some((why, true));
                return Task::none();
            }
        };
        let mut sites = self.sites.clone();
        let written = if form.is_new {
            sites.add(site.clone()).map(|_| ())
        } else {
            sites.update(site.clone())
        };
        if let Err(e) = written {
            self.status = Some((error_text(&e), true));
            return Task::none();
        }
        let password = (!form.password.is_empty()).then(|| form.password.clone());
        let kind = if site.auth == AuthMethod::KeyFile {
            SecretKind::Passphrase
        } else {
            SecretKind::Password
        };
        if let Some(f) = self.form.as_mut() {
            f.is_new = false;
            f.password = Secret::default();
        }
        let secret = password.map(|p| (site.id.clone(), kind, p));
        let saved = Task::perform(
            persist(sites, self.file.clone(), self.store.clone(), secret),
            |(r, note)| Message::Saved(r, note),
        );
        self.connect_after_save = connect;
        saved
    }

    fn delete(&mut self) -> Task<Message> {
        let Some(id) = self.selected.clone() else {
            // A new site not saved yet: just drop the form.
            self.form = None;
            return Task::none();
        };
        let mut sites = self.sites.clone();
        if sites.remove(&id).is_none() {
            return Task::none();
        }
        self.form = None;
        self.selected = None;
        let (file, store) = (self.file.clone(), self.store.clone());
        Task::perform(
            async move {
                let to_disk = sites.clone();
                if let Err(e) = blocking(move || to_disk.save(&file)).await {
                    return (Err(e), None);
                }
                // The site is gone from the file; now its secrets go from the keyring.
                let note = secrets::delete_all(store, id)
                    .await
                    .err()
                    .map(|e| error_text(&e));
                (Ok(sites), note)
            },
            |(r, note)| Message::Saved(r, note),
        )
    }

    fn import(
        &mut self,
        read: impl FnOnce() -> Result<Import, Error> + Send + 'static,
    ) -> Task<Message> {
        let (mut sites, file, store) = (self.sites.clone(), self.file.clone(), self.store.clone());
        Task::perform(
            async move {
                let mut import = blocking(read).await?;
                let mut notes = std::mem::take(&mut import.notes);
                notes.extend(sites.merge(&mut import));
                let to_disk = sites.clone();
                blocking(move || to_disk.save(&file)).await?;
                for (id, kind, secret) in import.secrets.drain(..) {
                    if let Err(e) = secrets::set(store.clone(), id, kind, secret).await {
                        notes.push(t!("site-saved-no-password", error = error_text(&e)));
                        break;
                    }
                }
                Ok((sites, notes))
            },
            Message::Imported,
        )
    }

    /// The outcome of a test login, shown under the form.
    pub fn tested(&mut self, result: Result<String, Error>) {
        self.status = Some(match result {
            Ok(who) => (t!("site-test-ok", who = who), false),
            Err(e) => (error_text(&e), true),
        });
    }

    /// The sites as last read or written.
    pub fn sites(&self) -> &Sites {
        &self.sites
    }
}

/// Writes the sites file, then stores `secret` (if one was typed) in the keyring — never in the
/// file. Returns the sites written and, when the secret could not be stored, what to tell.
pub async fn persist(
    sites: Sites,
    file: PathBuf,
    store: Arc<dyn SecretStore>,
    secret: Option<(SiteId, SecretKind, Secret)>,
) -> (Result<Sites, Error>, Option<String>) {
    let to_disk = sites.clone();
    if let Err(e) = blocking(move || to_disk.save(&file)).await {
        return (Err(e), None);
    }
    let note = match secret {
        Some((id, kind, secret)) => secrets::set(store, id, kind, secret)
            .await
            .err()
            .map(|e| t!("site-saved-no-password", error = error_text(&e))),
        None => None,
    };
    (Ok(sites), note)
}

/// `~/.ssh/config`, if it exists.
pub fn ssh_config_path() -> Option<PathBuf> {
    let p = directories::BaseDirs::new()?.home_dir().join(".ssh/config");
    p.is_file().then_some(p)
}

/// FileZilla's site list, if it exists (`~/.config/filezilla/sitemanager.xml` on Linux,
/// `%APPDATA%\FileZilla\sitemanager.xml` on Windows).
pub fn filezilla_path() -> Option<PathBuf> {
    let base = directories::BaseDirs::new()?;
    [
        base.config_dir().join("filezilla/sitemanager.xml"),
        base.config_dir().join("FileZilla/sitemanager.xml"), // i18n-ok: a path
        base.home_dir().join(".filezilla/sitemanager.xml"),
    ]
    .into_iter()
    .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_keeps_a_typed_password_out_of_debug_prints() {
        let typed = "correct-horse-7F3q";
        let mut form = Form::of(Site::new("db", "db.example.org"), true);
        form.password = Secret::new(typed);
        let printed = format!("{form:?} {:?}", Message::Password(Secret::new(typed)));
        assert!(!printed.contains(typed), "{printed}");
        assert!(printed.contains("Secret(***)"), "{printed}");
    }
}
