//! The app's side of "Set up key login…": opening the dialog on the open connection (from the
//! connection bar's menu), or connecting to a saved site first (from the site manager) and
//! opening it once logged in; relaying its messages; taking the sites it wrote.

use iced::Task;

use crate::gui::keylogin::{self, Event, KeySetup, Target};
use crate::gui::text::t;
use crate::gui::{App, Message};
use ferry_engine::sites::Site;

impl App {
    /// Opens the dialog on the open connection; says why not when there is none.
    pub(crate) fn open_key_setup(&mut self) -> Task<Message> {
        let Some((link, opts, label, site)) = self.session.key_setup_parts() else {
            self.notice = Some(t!("keylogin-not-connected"));
            return Task::none();
        };
        let target = Target {
            link,
            opts,
            sftp: self.options.sftp_options(),
            label,
            site,
            sites_file: self.sites_file.clone(),
            store: self.secrets.clone(),
            dir: self.ssh_dir.clone(),
            use_agent: !self.options.no_agent,
        };
        let (setup, task) = KeySetup::open(target);
        self.key_setup = Some(setup);
        task.map(Message::KeySetup)
    }

    /// "Set up key login…" on a saved site: at once when connected to it, else after connecting.
    pub(crate) fn key_setup_for_site(&mut self, site: Site) -> Task<Message> {
        if self.session.is_connected() && self.session.site().is_some_and(|s| s.id == site.id) {
            return self.open_key_setup();
        }
        self.key_setup_after_connect = Some(site.id.clone());
        self.connect_site(site)
    }

    /// Logged in: open the dialog if the site manager asked for it for this site.
    pub(crate) fn key_setup_if_asked(&mut self) -> Task<Message> {
        let Some(wanted) = self.key_setup_after_connect.take() else {
            return Task::none();
        };
        if self.session.site().is_some_and(|s| s.id == wanted) {
            self.open_key_setup()
        } else {
            Task::none()
        }
    }

    pub(crate) fn key_setup_message(&mut self, m: keylogin::Message) -> Task<Message> {
        let Some(setup) = self.key_setup.as_mut() else {
            return Task::none();
        };
        let (task, event) = setup.update(m);
        let task = task.map(Message::KeySetup);
        match event {
            None => task,
            Some(Event::Close) => {
                self.key_setup = None;
                task
            }
            Some(Event::SitesChanged(sites)) => {
                self.sites = sites;
                self.sites_ok = true;
                task
            }
        }
    }
}

impl App {
    /// An entry of the connection bar's menu.
    pub(crate) fn bar_action(&mut self, action: crate::gui::BarAction) -> Task<Message> {
        use crate::gui::BarAction;
        match action {
            BarAction::SetUpKeyLogin => self.open_key_setup(),
            BarAction::CopyAddress => match self.session.key_setup_parts() {
                Some((_, _, label, _)) => iced::clipboard::write(format!(
                    "sftp://{label}{}",
                    self.remote.path.display_lossy()
                )),
                None => Task::none(),
            },
        }
    }
}
