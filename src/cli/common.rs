//! What every CLI command does first: turn the common options and an address into a connection
//! and an SFTP session, and resolve the address's path (`~` = home). An address is an `sftp://` URL,
//! `SITE:path` for a saved site, or scp's `[user@]host:path` (on the port `-P` gives): a saved
//! site's name wins over a host of that name.

use std::io::IsTerminal;
use std::sync::Arc;
use std::time::Duration;

use crate::cli::CommonArgs;
use crate::cli::prompt::TerminalPrompter;
use crate::cli::say;
use ferry_engine::dirs::{AppDirs, local_user};
use ferry_engine::error::{Error, Result};
use ferry_engine::fs::sftp::SftpOptions;
use ferry_engine::link::Link;
use ferry_engine::secrets::KeyringStore;
use ferry_engine::secrets::Secret;
use ferry_engine::sites::{self, SiteAddress, SiteSecrets, Sites};
use ferry_engine::ssh::{ConnectOptions, UnknownHostKey};
use ferry_engine::url::{RemoteStart, Target};

pub fn connect_options(common: &CommonArgs, target: &Target) -> Result<ConnectOptions> {
    let dirs = AppDirs::new(common.config_dir.as_deref());
    let known_hosts = dirs.known_hosts(common.known_hosts.as_deref());
    let user = target.user.clone().unwrap_or_else(local_user);
    let mut opts = ConnectOptions::new(target.host.clone(), target.port, user, known_hosts);
    opts.identity_files = common.identity.clone();
    apply_common(common, &mut opts)?;
    Ok(opts)
}

/// What the command line says on top of an address or a site: jump hosts (`-J`, which replaces a
/// site's; `-J none` goes direct), a proxy (`--proxy` or `--proxy-command`, likewise), agent, timeout, a password from the environment, the host-key
/// policy.
fn apply_common(common: &CommonArgs, opts: &mut ConnectOptions) -> Result<()> {
    if let Some(spec) = &common.jump {
        opts.jump = ferry_engine::ssh::jump::parse_jump_hosts(spec, &local_user())?;
    }
    if let Some(spec) = &common.proxy {
        opts.proxy = ferry_engine::ssh::proxy::Proxy::parse(spec)?;
    }
    if let Some(line) = &common.proxy_command {
        opts.proxy = ferry_engine::ssh::proxy::Proxy::command(line)?;
    }
    if common.no_agent {
        opts.use_agent = false;
        for hop in &mut opts.jump {
            hop.use_agent = false;
        }
    }
    apply_timeouts(common, opts);
    if let Some(var) = &common.password_env {
        opts.password = Some(password_from_env(var)?);
    }
    if let Some(var) = &common.proxy_password_env
        && let Some(server) = opts.proxy.as_mut().and_then(|p| p.server_mut())
    {
        server.password = Some(password_from_env(var)?);
    }
    opts.unknown_host_key = if common.accept_new_host_key {
        UnknownHostKey::AcceptNew
    } else if std::io::stdin().is_terminal() {
        UnknownHostKey::Ask
    } else {
        UnknownHostKey::Refuse
    };
    Ok(())
}

/// `--timeout` and `--keepalive` (the window takes them from its command line too).
pub fn apply_timeouts(common: &CommonArgs, opts: &mut ConnectOptions) {
    opts.connect_timeout = Duration::from_secs(common.timeout.max(1));
    opts.keepalive_interval = Duration::from_secs(common.keepalive.max(1));
}

/// The value of `--password-env VAR`.
pub fn password_from_env(var: &str) -> Result<Secret> {
    std::env::var(var)
        .map(Secret::new)
        .map_err(|_| Error::InvalidUrl {
            input: format!("--password-env {var}"),
            reason: format!("the environment variable {var} is not set"),
        })
}

/// An address resolved: how to connect and where on the server.
pub struct Resolved {
    pub opts: ConnectOptions,
    pub path: RemoteStart,
    /// The saved site allows `cp -p` over exec for server-side copies.
    pub exec_copy: bool,
}

/// The one resolver behind every command that takes an address: an `sftp://` URL, `SITE:/path`
/// for a saved site (its password or passphrase from the keyring when one is stored; a missing
/// keyring is reported and the password asked for instead), or `[user@]host:path` when no saved
/// site has the name before the colon.
pub async fn resolve(common: &CommonArgs, input: &str) -> Result<Resolved> {
    let scp = || {
        (!Target::is_url(input))
            .then(|| Target::parse_scp(input).ok())
            .flatten()
    };
    if let Some(addr) = SiteAddress::parse(input) {
        let dirs = AppDirs::new(common.config_dir.as_deref());
        let list = match Sites::load(&Sites::path_in(&dirs.config)) {
            Ok(list) => list,
            // A broken sites file does not stop `host:path`, but is said.
            Err(e) if scp().is_some() => {
                eprintln!("ferry: note: {}", say::error(&e));
                Sites::default()
            }
            Err(e) => return Err(e),
        };
        match list.find(&addr.site) {
            Ok(site) => return resolve_site(common, &dirs, site, addr.path).await,
            Err(Error::UnknownSite { .. }) if scp().is_some() => {}
            Err(e) => return Err(e),
        }
    }
    let mut target = Target::parse_address(input)?;
    if let Some(port) = common.port
        && !Target::is_url(input)
    {
        target.port = port;
    }
    let opts = connect_options(common, &target)?;
    Ok(Resolved {
        opts,
        path: target.path,
        exec_copy: false,
    })
}

async fn resolve_site(
    common: &CommonArgs,
    dirs: &AppDirs,
    site: &sites::Site,
    path: Option<RemoteStart>,
) -> Result<Resolved> {
    let secrets = if common.password_env.is_some() {
        SiteSecrets::default()
    } else {
        match sites::load_secrets(Arc::new(KeyringStore::new()), site).await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("ferry: note: {}", say::error(&e));
                SiteSecrets::default()
            }
        }
    };
    let known_hosts = dirs.known_hosts(common.known_hosts.as_deref());
    let mut opts = sites::connect_options(site, known_hosts, secrets, &local_user())?;
    if !common.identity.is_empty() {
        opts.identity_files = common.identity.clone();
    }
    apply_common(common, &mut opts)?;
    Ok(Resolved {
        opts,
        path: path.unwrap_or_else(|| sites::remote_start(site)),
        exec_copy: site.exec_copy,
    })
}

/// The SFTP session settings the command line asks for (`--request-timeout`).
pub fn sftp_options(common: &CommonArgs) -> SftpOptions {
    SftpOptions {
        request_timeout: Duration::from_secs(common.request_timeout.max(1)),
    }
}

/// Connects, logs in (asking at the terminal) and starts SFTP.
pub async fn open(opts: &ConnectOptions, sftp: SftpOptions) -> Result<Link> {
    Link::open(opts, sftp, Arc::new(TerminalPrompter::new())).await
}
