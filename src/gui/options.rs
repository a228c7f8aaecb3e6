//! What the window takes from the command line (`main.rs` fills it): where Ferry keeps its files,
//! how to log in, the timeouts, how much to log. The GUI reads these and never the CLI's own types.

use std::path::PathBuf;
use std::time::Duration;

use ferry_engine::fs::sftp::SftpOptions;
use ferry_engine::ssh::ConnectOptions;

#[derive(Debug, Clone)]
pub struct Options {
    /// Config, sites and app data here instead of the OS default folders.
    pub config_dir: Option<PathBuf>,
    /// The known_hosts file to check and record host keys in, instead of ~/.ssh/known_hosts.
    pub known_hosts: Option<PathBuf>,
    /// Private key files to authenticate with.
    pub identity: Vec<PathBuf>,
    /// Do not use a running ssh-agent.
    pub no_agent: bool,
    /// `-J HOSTS`: jump hosts for every connection of this run (a site's own are replaced;
    /// `none` connects directly).
    pub jump: Option<String>,
    /// `--proxy URL`: the SOCKS5 or HTTP proxy of every connection of this run (a site's own
    /// proxy or command is replaced; `none` connects directly).
    pub proxy: Option<String>,
    /// `--proxy-command CMD`: likewise, a ProxyCommand.
    pub proxy_command: Option<String>,
    /// The environment variable the `--proxy` user's password is read from.
    pub proxy_password_env: Option<String>,
    /// The environment variable a password is read from (for scripts and tests).
    pub password_env: Option<String>,
    pub connect_timeout: Duration,
    pub keepalive: Duration,
    /// How long one SFTP request may wait for its answer.
    pub request_timeout: Duration,
    /// 0 warnings, 1 info, 2 debug.
    pub verbosity: u8,
}

impl Options {
    /// The connect timeout and keepalive onto `opts`.
    pub(crate) fn apply_timeouts(&self, opts: &mut ConnectOptions) {
        opts.connect_timeout = self.connect_timeout;
        opts.keepalive_interval = self.keepalive;
    }

    /// `-J`, the proxy and `--no-agent` onto `opts`, the hops' agent included.
    pub(crate) fn apply_login(
        &self,
        opts: &mut ConnectOptions,
    ) -> Result<(), ferry_engine::error::Error> {
        if let Some(spec) = &self.jump {
            opts.jump =
                ferry_engine::ssh::jump::parse_jump_hosts(spec, &ferry_engine::dirs::local_user())?;
        }
        if let Some(url) = &self.proxy {
            opts.proxy = ferry_engine::ssh::proxy::Proxy::parse(url)?;
        }
        if let Some(line) = &self.proxy_command {
            opts.proxy = ferry_engine::ssh::proxy::Proxy::command(line)?;
        }
        if let Some(var) = &self.proxy_password_env
            && let Some(server) = opts.proxy.as_mut().and_then(|p| p.server_mut())
        {
            server.password = std::env::var(var)
                .ok()
                .map(ferry_engine::secrets::Secret::new);
        }
        if self.no_agent {
            opts.use_agent = false;
            for hop in &mut opts.jump {
                hop.use_agent = false;
            }
        }
        Ok(())
    }

    /// The SFTP session settings.
    pub(crate) fn sftp_options(&self) -> SftpOptions {
        SftpOptions {
            request_timeout: self.request_timeout,
        }
    }
}
