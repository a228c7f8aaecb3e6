//! "Set up key login…": what `ssh-copy-id` does, as one dialog on the connection that is open.
//!
//! The person picks a key (the private keys of `~/.ssh` and the agent's, by type, fingerprint and
//! comment) or a new Ed25519 key (a passphrase offered, the file named so that no key is
//! overwritten, and added to the running ssh-agent on request). Install then runs in a task: the
//! new key is made, its public line is added to the server's `~/.ssh/authorized_keys` over the
//! open SFTP session (the engine's `keys::install`: made when missing, every line kept, replaced
//! whole), and a fresh login with that key alone proves it works (`link::key_login_works`).
//! Afterwards the dialog offers to switch the saved site to the key (or to save the server as a
//! site that uses it), to remove the site's password from the keyring (off unless ticked), and to
//! keep the key's passphrase in the keyring (off unless ticked). Every file, network and keyring
//! step runs in a task; secrets stay `Secret`s. `run.rs` holds those tasks, `view.rs` draws.

mod app;
mod run;
mod view;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use iced::Task;

use crate::gui::settings::keys::{Found, find, free_file};
use crate::gui::text::{error_text, t};
use ferry_engine::error::Error;
use ferry_engine::fs::sftp::SftpOptions;
use ferry_engine::keys::{KeyInfo, KeyType, Listed};
use ferry_engine::secrets::{Secret, SecretStore};
use ferry_engine::sites::{AuthMethod, Site, Sites};
use ferry_engine::ssh::ConnectOptions;
use ferry_engine::transfer::pool::Link;

pub use run::Outcome;

/// The connection the key goes to, and where the result is kept.
pub struct Target {
    /// The browsing connection: the key is installed over its SFTP session.
    pub link: Arc<Link>,
    /// How that connection logged in (the key check reuses host, port, user and host keys).
    pub opts: ConnectOptions,
    pub sftp: SftpOptions,
    /// `user@host`, as the bar shows it.
    pub label: String,
    /// The saved site the connection came from, if any.
    pub site: Option<Site>,
    pub sites_file: PathBuf,
    pub store: Arc<dyn SecretStore>,
    /// `~/.ssh` (`None`: no home folder).
    pub dir: Option<PathBuf>,
    pub use_agent: bool,
}

/// Which key goes to the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    File(PathBuf),
    /// The agent's key with this fingerprint.
    Agent(String),
    /// A new Ed25519 key.
    New,
}

#[derive(Debug, Clone)]
pub enum Message {
    Listed(Result<Found, Error>),
    Choose(Choice),
    /// The chosen key file's passphrase (to open it for the check).
    Passphrase(Secret),
    /// The new key's passphrase, twice, and its file.
    NewPassphrase(Secret),
    NewRepeat(Secret),
    NewFile(String),
    AddToAgent(bool),
    Install,
    Installed(Result<Box<Outcome>, Error>),
    UseForSite(bool),
    ForgetPassword(bool),
    RememberPassphrase(bool),
    Apply,
    Applied(Result<Sites, Error>, Vec<String>),
    Close,
}

/// What the dialog asks of the app.
#[derive(Debug, Clone)]
pub enum Event {
    Close,
    /// The sites file was written: the bar's list follows.
    SitesChanged(Sites),
}

/// Where the dialog is.
#[derive(Debug)]
enum Step {
    Choose,
    /// Making, installing and checking the key.
    Working,
    Done(Box<Outcome>),
    /// The site was changed (or the change failed): the lines say what happened.
    Applied(Vec<(String, bool)>),
}

pub struct KeySetup {
    target: Target,
    found: Option<Result<Found, Error>>,
    choice: Option<Choice>,
    passphrase: Secret,
    new_passphrase: Secret,
    new_repeat: Secret,
    new_file: String,
    add_to_agent: bool,
    step: Step,
    /// Why the last Install could not start or failed.
    problem: Option<String>,
    use_for_site: bool,
    forget_password: bool,
    remember_passphrase: bool,
}

impl std::fmt::Debug for KeySetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeySetup") // i18n-ok: a type name in a Debug print
            .field("server", &self.target.label)
            .field("choice", &self.choice)
            .field("passphrase", &self.passphrase)
            .field("new_passphrase", &self.new_passphrase)
            .field("step", &self.step)
            .finish_non_exhaustive()
    }
}

impl KeySetup {
    /// Opens the dialog for `target` and reads the keys in a task.
    pub fn open(target: Target) -> (KeySetup, Task<Message>) {
        let task = Task::perform(find(target.dir.clone(), target.use_agent), Message::Listed);
        let setup = KeySetup {
            new_file: free_file(target.dir.as_deref(), None, KeyType::Ed25519, None),
            target,
            found: None,
            choice: None,
            passphrase: Secret::default(),
            new_passphrase: Secret::default(),
            new_repeat: Secret::default(),
            add_to_agent: false,
            step: Step::Choose,
            problem: None,
            use_for_site: true,
            forget_password: false,
            remember_passphrase: false,
        };
        (setup, task)
    }

    /// The key chosen first: OpenSSH's default key if it has a public line, else any key file
    /// that has one, else the agent's first key, else a new key.
    fn first_choice(found: &Found) -> Choice {
        let usable =
            |l: &&Listed| matches!(l, Listed::Key { info, .. } if info.public_key.is_some());
        let files: Vec<&Listed> = found.files.iter().filter(usable).collect();
        let default = files.iter().find(|l| {
            l.path()
                .file_name()
                .is_some_and(|n| ["id_ed25519", "id_ecdsa", "id_rsa"].iter().any(|d| n == *d))
        });
        match default.or(files.first()) {
            Some(l) => Choice::File(l.path().to_path_buf()),
            None => match found.agent.first() {
                Some(k) => Choice::Agent(k.fingerprint.clone()),
                None => Choice::New,
            },
        }
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Listed(r) => {
                if let Ok(found) = &r {
                    self.choice.get_or_insert_with(|| Self::first_choice(found));
                    let host = self.target.opts.host.clone();
                    self.new_file = free_file(
                        self.target.dir.as_deref(),
                        Some(found),
                        KeyType::Ed25519,
                        Some(&host),
                    );
                    if !found.agent.is_empty() {
                        self.add_to_agent = true;
                    }
                } else {
                    self.choice.get_or_insert(Choice::New);
                }
                self.found = Some(r);
            }
            Message::Choose(c) => {
                self.choice = Some(c);
                self.passphrase = Secret::default();
                self.problem = None;
            }
            Message::Passphrase(p) => self.passphrase = p,
            Message::NewPassphrase(p) => self.new_passphrase = p,
            Message::NewRepeat(p) => self.new_repeat = p,
            Message::NewFile(s) => {
                self.new_file = s;
                self.problem = None;
            }
            Message::AddToAgent(on) => self.add_to_agent = on,
            Message::Install => return (self.install(), None),
            Message::Installed(Ok(outcome)) => {
                self.use_for_site = outcome.works;
                self.forget_password = false;
                self.remember_passphrase = false;
                self.step = Step::Done(outcome);
            }
            Message::Installed(Err(e)) => {
                self.step = Step::Choose;
                self.problem = Some(error_text(&e));
            }
            Message::UseForSite(on) => self.use_for_site = on,
            Message::ForgetPassword(on) => self.forget_password = on,
            Message::RememberPassphrase(on) => self.remember_passphrase = on,
            Message::Apply => return (self.apply(), None),
            Message::Applied(r, notes) => {
                let mut lines = Vec::new();
                let event = match r {
                    Ok(sites) => {
                        lines.push((t!("keylogin-site-switched"), false));
                        Some(Event::SitesChanged(sites))
                    }
                    Err(e) => {
                        lines.push((error_text(&e), true));
                        None
                    }
                };
                lines.extend(notes.into_iter().map(|n| (n, false)));
                self.step = Step::Applied(lines);
                return (Task::none(), event);
            }
            Message::Close => return (Task::none(), Some(Event::Close)),
        }
        (Task::none(), None)
    }

    /// Whether the saved site keeps a password in the keyring (one to offer to remove).
    fn site_has_password(&self) -> bool {
        self.target
            .site
            .as_ref()
            .is_some_and(|s| matches!(s.auth, AuthMethod::Password | AuthMethod::Interactive))
    }

    /// The chosen key as found.
    fn chosen_info(&self) -> Option<(Option<&Path>, &KeyInfo)> {
        let found = match &self.found {
            Some(Ok(f)) => f,
            _ => return None,
        };
        match self.choice.as_ref()? {
            Choice::File(p) => found.files.iter().find_map(|l| match l {
                Listed::Key { path, info } if path == p => Some((Some(path.as_path()), info)),
                _ => None,
            }),
            Choice::Agent(fp) => found
                .agent
                .iter()
                .find(|k| &k.fingerprint == fp)
                .map(|k| (None, k)),
            Choice::New => None,
        }
    }

    fn install(&mut self) -> Task<Message> {
        if matches!(self.step, Step::Working) {
            return Task::none();
        }
        let plan = match self.plan() {
            Ok(p) => p,
            Err(why) => {
                self.problem = Some(why);
                return Task::none();
            }
        };
        self.problem = None;
        self.step = Step::Working;
        Task::perform(run::install(plan), |r| Message::Installed(r.map(Box::new)))
    }

    /// What Install does, or why it cannot start.
    fn plan(&self) -> Result<run::Plan, String> {
        let key = match self.choice.as_ref() {
            None => return Err(t!("keylogin-choose")),
            Some(Choice::New) => {
                if self.new_passphrase != self.new_repeat {
                    return Err(t!("keys-passphrases-differ"));
                }
                let name = self.new_file.trim();
                if name.is_empty() {
                    return Err(t!("keys-file-needed"));
                }
                let out = match &self.target.dir {
                    Some(d) if !name.contains('/') && !name.contains(std::path::MAIN_SEPARATOR) => {
                        d.join(name)
                    }
                    _ => PathBuf::from(name),
                };
                run::Key::New {
                    out,
                    dir: self.target.dir.clone(),
                    passphrase: Some(self.new_passphrase.clone()).filter(|p| !p.is_empty()),
                    add_to_agent: self.add_to_agent,
                }
            }
            Some(Choice::File(path)) => {
                let info = self.chosen_info().map(|(_, i)| i);
                let Some(line) = info.and_then(|i| i.public_key.clone()) else {
                    return Err(t!("keylogin-no-public"));
                };
                if info.is_some_and(|i| i.protected) && self.passphrase.is_empty() {
                    return Err(t!("keylogin-passphrase-needed"));
                }
                run::Key::File {
                    path: path.clone(),
                    public: line,
                    passphrase: Some(self.passphrase.clone()).filter(|p| !p.is_empty()),
                }
            }
            Some(Choice::Agent(fp)) => {
                let Some(line) = self.chosen_info().and_then(|(_, i)| i.public_key.clone()) else {
                    return Err(t!("keylogin-no-public"));
                };
                run::Key::Agent {
                    fingerprint: fp.clone(),
                    public: line,
                }
            }
        };
        Ok(run::Plan {
            key,
            link: self.target.link.clone(),
            opts: self.target.opts.clone(),
            sftp: self.target.sftp,
        })
    }

    fn apply(&mut self) -> Task<Message> {
        let Step::Done(outcome) = &self.step else {
            return Task::none();
        };
        let passphrase = match (&outcome.login, self.remember_passphrase) {
            (ferry_engine::ssh::LoginKey::File(_), true) => outcome.passphrase.clone(),
            _ => None,
        };
        let change = run::Change {
            login: outcome.login.clone(),
            site: self.target.site.clone(),
            new_site: self.target.site.is_none().then(|| {
                let mut s = Site::new(self.target.opts.host.clone(), self.target.opts.host.clone());
                s.port = self.target.opts.port;
                s.user = self.target.opts.user.clone();
                s
            }),
            use_key: self.use_for_site && outcome.works,
            forget_password: self.forget_password,
            passphrase,
            sites_file: self.target.sites_file.clone(),
            store: self.target.store.clone(),
        };
        self.step = Step::Working;
        Task::perform(run::apply(change), |(r, notes)| Message::Applied(r, notes))
    }
}
