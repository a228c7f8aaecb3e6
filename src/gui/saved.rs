//! The app's side of saved sites: the list in the connection bar (sites, then recent quick
//! connections), opening the site manager, connecting to a site with its secrets from the OS
//! keyring, storing a password typed with "remember" once the login worked, and recording quick
//! connections. Keyring and file work run in tasks.

use std::sync::Arc;

use iced::Task;

use crate::gui::sites::{self, SiteManager};
use crate::gui::text::{error_text, t};
use crate::gui::{App, Message};
use ferry_engine::error::Error;
use ferry_engine::secrets::Secret;
use ferry_engine::secrets::{self, SecretKind};
use ferry_engine::sites::{self as engine_sites, Site, SiteSecrets, Sites};
use ferry_engine::ssh::UnknownHostKey;
use ferry_engine::url::RemoteStart;

/// One entry of the connection bar's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteOrRecent {
    Site(String),
    Recent(String),
}

impl std::fmt::Display for SiteOrRecent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SiteOrRecent::Site(name) => f.write_str(name),
            SiteOrRecent::Recent(address) => write!(f, "↺ {address}"),
        }
    }
}

/// Reads the sites file in a task (at start, for the bar), and tells whether this is the first
/// start (no sites file yet) with sites elsewhere to import (OpenSSH's config, FileZilla's list):
/// every probe of the disk runs there, off the UI thread.
pub fn load(file: std::path::PathBuf) -> Task<Message> {
    Task::perform(
        async move {
            tokio::task::spawn_blocking(move || {
                let first_start = !file.exists();
                let sites = Sites::load(&file);
                let offer = first_start
                    && (sites::ssh_config_path().is_some() || sites::filezilla_path().is_some());
                (sites, offer)
            })
            .await
            .unwrap_or_else(|e| {
                let e = Error::Io {
                    path: String::new(),
                    detail: e.to_string(),
                };
                (Err(e), false)
            })
        },
        |(sites, offer_import)| Message::SitesLoaded(sites, offer_import),
    )
}

impl App {
    /// The bar's list: saved sites by folder and name, then recent quick connections.
    pub(crate) fn choices(&self) -> Vec<SiteOrRecent> {
        let mut sites: Vec<&Site> = self.sites.sites.iter().collect();
        sites.sort_by_key(|s| (s.folder.to_lowercase(), s.name.to_lowercase()));
        let mut out: Vec<SiteOrRecent> = sites
            .into_iter()
            .map(|s| SiteOrRecent::Site(s.full_name()))
            .collect();
        out.extend(self.sites.recent.iter().map(|r| {
            SiteOrRecent::Recent(
                ferry_engine::url::Target {
                    user: (!r.user.is_empty()).then(|| r.user.clone()),
                    host: r.host.clone(),
                    port: r.port,
                    path: RemoteStart::Home(String::new()),
                }
                .authority(),
            )
        }));
        out
    }

    pub(crate) fn sites_loaded(
        &mut self,
        r: Result<Sites, Error>,
        offer_import: bool,
    ) -> Task<Message> {
        match r {
            Ok(s) => {
                self.sites = s;
                self.sites_ok = true;
                if offer_import {
                    self.info = Some(t!("offer-import").to_string());
                }
            }
            Err(e) => self.notice = Some(error_text(&e)),
        }
        Task::none()
    }

    pub(crate) fn open_sites(&mut self) -> Task<Message> {
        let (mut manager, task) = SiteManager::open(self.sites_file.clone(), self.secrets.clone());
        let keys = manager.find_keys(self.ssh_dir.clone(), !self.options.no_agent);
        self.manager = Some(manager);
        Task::batch([task, keys]).map(Message::Sites)
    }

    pub(crate) fn sites_message(&mut self, m: sites::Message) -> Task<Message> {
        let Some(manager) = self.manager.as_mut() else {
            return Task::none();
        };
        let (task, event) = manager.update(m);
        let task = task.map(Message::Sites);
        match event {
            None => task,
            Some(sites::Event::Changed) => {
                self.sites = manager.sites().clone();
                self.sites_ok = true;
                task
            }
            Some(sites::Event::Close) => {
                self.manager = None;
                task
            }
            Some(sites::Event::Test(site, typed)) => {
                let store = self.secrets.clone();
                Task::batch([
                    task,
                    Task::perform(
                        async move {
                            let mut secrets = engine_sites::load_secrets(store, &site)
                                .await
                                .unwrap_or_default();
                            // What was typed in the form (not saved yet) wins.
                            if let Some(typed) = typed {
                                match site.auth {
                                    engine_sites::AuthMethod::KeyFile => {
                                        secrets.passphrase = Some(typed)
                                    }
                                    _ => secrets.password = Some(typed),
                                }
                            }
                            (site, secrets)
                        },
                        |(site, secrets)| Message::TestSite(site, Box::new(secrets)),
                    ),
                ])
            }
            Some(sites::Event::SetUpKeyLogin(site)) => {
                self.sites = manager.sites().clone();
                self.manager = None;
                Task::batch([task, self.key_setup_for_site(*site)])
            }
            Some(sites::Event::Connect(site)) => {
                self.sites = manager.sites().clone();
                self.manager = None;
                Task::batch([task, self.connect_site(*site)])
            }
        }
    }

    pub(crate) fn pick(&mut self, choice: SiteOrRecent) -> Task<Message> {
        match choice {
            SiteOrRecent::Recent(address) => {
                self.quick = address;
                self.connect()
            }
            SiteOrRecent::Site(name) => match self.sites.find(&name) {
                Ok(site) => {
                    let site = site.clone();
                    self.connect_site(site)
                }
                Err(e) => {
                    self.notice = Some(error_text(&e));
                    Task::none()
                }
            },
        }
    }

    /// Connects to a saved site (asking first while another connection is open).
    pub(crate) fn connect_site(&mut self, site: Site) -> Task<Message> {
        self.connect_next(crate::gui::confirm::Next::Site(Box::new(site)))
    }

    /// Connects to a saved site now: its secrets come from the keyring first (off the UI thread).
    pub(crate) fn connect_site_now(&mut self, site: Site) -> Task<Message> {
        let store = self.secrets.clone();
        Task::perform(
            async move {
                let secrets = engine_sites::load_secrets(store, &site).await;
                (Box::new(site), secrets)
            },
            |(site, secrets)| Message::SiteSecrets(site, secrets),
        )
    }

    pub(crate) fn site_secrets(
        &mut self,
        site: Site,
        secrets: Result<SiteSecrets, Error>,
    ) -> Task<Message> {
        let secrets = match secrets {
            Ok(s) => {
                self.secrets_ok = true;
                s
            }
            Err(e) => {
                // No keyring: say so, and connect anyway (the password is asked for).
                self.secrets_ok = !matches!(e, Error::KeyringUnavailable { .. });
                self.transfers.log(error_text(&e), true);
                SiteSecrets::default()
            }
        };
        let opts = match self.site_options(&site, secrets) {
            Ok(opts) => opts,
            Err(e) => {
                self.notice = Some(error_text(&e));
                return Task::none();
            }
        };
        self.quick = site.authority();
        // The site's local folder, if it is there (asked in a task: the disk may hang).
        let local = match site.local_dir.clone() {
            Some(dir) => Task::future(async move {
                let there = dir.clone();
                let ok = tokio::task::spawn_blocking(move || there.is_dir()).await;
                ok.unwrap_or(false).then_some(dir)
            })
            .then(|dir| match dir {
                Some(dir) => Task::done(Message::Local(crate::gui::pane::Message::Navigate(
                    ferry_engine::fs::local::from_local(&dir),
                ))),
                None => Task::none(),
            }),
            None => Task::none(),
        };
        let start = engine_sites::remote_start(&site);
        let server = site.authority();
        self.session.set_site(Some(site));
        Task::batch([local, self.connect_with(opts, server, start)])
    }

    /// After a login worked: store a password typed with "remember", and record a quick
    /// connection among the recent ones.
    pub(crate) fn connected_extras(&mut self) -> Task<Message> {
        let mut tasks = Vec::new();
        if let Some((id, kind, secret)) = self.session.take_remembered() {
            tasks.push(store_secret(self, id, kind, secret));
        }
        if self.session.is_quick()
            && self.sites_ok
            && let Ok(target) = ferry_engine::url::Target::parse_quick(&self.quick)
        {
            let user = target.user.clone().unwrap_or_default();
            self.sites.touch_recent(&target.host, target.port, &user);
            let (sites, file) = (self.sites.clone(), self.sites_file.clone());
            tasks.push(
                Task::perform(
                    async move {
                        tokio::task::spawn_blocking(move || sites.save(&file))
                            .await
                            .ok()
                            .and_then(|r| r.err())
                    },
                    |e| match e {
                        Some(e) => Message::SecretStored(Err(e)),
                        None => Message::SecretStored(Ok(())),
                    },
                )
                .discard(),
            );
        }
        Task::batch(tasks)
    }

    /// A remembered password was stored (or could not be).
    pub(crate) fn secret_stored(&mut self, r: Result<(), Error>) -> Task<Message> {
        if let Err(e) = r {
            self.notice = Some(t!("remember-failed", error = error_text(&e)));
        }
        Task::none()
    }
}

fn store_secret(
    app: &App,
    id: engine_sites::SiteId,
    kind: SecretKind,
    secret: Secret,
) -> Task<Message> {
    let store = Arc::clone(&app.secrets);
    Task::perform(secrets::set(store, id, kind, secret), Message::SecretStored)
}

impl App {
    /// The options to log in to `site` with `secrets` (known_hosts and agent from the command line).
    fn site_options(
        &self,
        site: &Site,
        secrets: SiteSecrets,
    ) -> Result<ferry_engine::ssh::ConnectOptions, Error> {
        let dirs = ferry_engine::dirs::AppDirs::new(self.options.config_dir.as_deref());
        let known_hosts = dirs.known_hosts(self.options.known_hosts.as_deref());
        let mut opts = engine_sites::connect_options(
            site,
            known_hosts,
            secrets,
            &ferry_engine::dirs::local_user(),
        )?;
        opts.unknown_host_key = UnknownHostKey::Ask;
        self.options.apply_login(&mut opts)?;
        Ok(opts)
    }

    /// "Test" in the site manager: log in (asking what needs asking), then hang up at once.
    pub(crate) fn test_site(&mut self, site: Site, secrets: SiteSecrets) -> Task<Message> {
        let mut opts = match self.site_options(&site, secrets) {
            Ok(opts) => opts,
            Err(e) => {
                self.notice = Some(error_text(&e));
                return Task::none();
            }
        };
        self.options.apply_timeouts(&mut opts);
        let sftp = self.options.sftp_options();
        Task::run(
            crate::gui::connect::connect(opts, sftp),
            Message::TestProgress,
        )
    }

    pub(crate) fn test_progress(&mut self, p: crate::gui::connect::ConnectEvent) -> Task<Message> {
        use crate::gui::connect::ConnectEvent;
        match p {
            // Nothing of a test is remembered.
            ConnectEvent::Ask(q, reply) => self.session.ask(q, reply, false),
            ConnectEvent::Done(r) => {
                self.session.close_dialog();
                let (result, hang_up) = match r {
                    Ok((link, _)) => {
                        let who = format!(
                            "{}@{}",
                            link.conn.user,
                            ferry_engine::ssh::display_host(&link.conn.host, link.conn.port)
                        );
                        let hang_up = Task::future(async move {
                            link.sftp.close();
                            link.conn.disconnect().await;
                        })
                        .discard();
                        (Ok(who), hang_up)
                    }
                    Err(e) if e.is_host_key_refusal() => {
                        self.alarm = Some(e.clone());
                        (Err(e), Task::none())
                    }
                    Err(e) => (Err(e), Task::none()),
                };
                if let Some(m) = self.manager.as_mut() {
                    m.tested(result);
                }
                hang_up
            }
        }
    }
}
