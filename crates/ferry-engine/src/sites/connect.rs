//! From a saved [`Site`] to a connection: which secrets its login needs from the keyring, the
//! [`ConnectOptions`] it fills, and the folder browsing starts in.

use std::sync::Arc;

use crate::error::Result;
use crate::secrets::Secret;
use crate::secrets::{self, SecretKind, SecretStore};
use crate::sites::lookup::parse_site_path;
use crate::sites::{AuthMethod, Site};
use crate::ssh::ConnectOptions;
use crate::ssh::hostkeys::KnownHosts;
use crate::url::RemoteStart;

/// The secrets a site's login uses; `Debug` shows only whether each is there.
#[derive(Debug, Clone, Default)]
pub struct SiteSecrets {
    pub password: Option<Secret>,
    pub passphrase: Option<Secret>,
    /// The password of the user named in the site's proxy address.
    pub proxy_password: Option<Secret>,
}

/// Reads from the keyring (off the async thread) the secrets the site's auth method uses, and the
/// proxy's password when its proxy address names a user: nothing for the agent without a proxy
/// login, so a missing keyring costs agent users nothing. A missing or locked keyring is
/// [`crate::error::Error::KeyringUnavailable`]: say so, then connect without (the
/// prompter asks).
pub async fn load_secrets(store: Arc<dyn SecretStore>, site: &Site) -> Result<SiteSecrets> {
    let id = site.id.clone();
    let get = |kind| secrets::get(store.clone(), id.clone(), kind);
    let mut found = SiteSecrets::default();
    match site.auth {
        AuthMethod::Agent => {}
        AuthMethod::Password | AuthMethod::Interactive => {
            found.password = get(SecretKind::Password).await?;
        }
        AuthMethod::KeyFile => found.passphrase = get(SecretKind::Passphrase).await?,
    }
    if proxy_user(site).is_some() {
        found.proxy_password = get(SecretKind::ProxyPassword).await?;
    }
    Ok(found)
}

/// The user the site's proxy address logs in as, if it names one.
fn proxy_user(site: &Site) -> Option<String> {
    let mut proxy = site.proxy().ok()??;
    proxy.server_mut()?.user.clone()
}

/// The options to connect to `site`. `local_user` is the login name when the site (or one of its
/// jump hosts) names none. The caller may still override (a CLI `-i`, `--no-agent`, a host-key
/// policy, `-J`). A site whose jump hosts do not parse (a hand-edited file) is
/// [`Error::InvalidSite`](crate::error::Error::InvalidSite).
pub fn connect_options(
    site: &Site,
    known_hosts: KnownHosts,
    secrets: SiteSecrets,
    local_user: &str,
) -> Result<ConnectOptions> {
    let user = if site.user.is_empty() {
        local_user.to_string()
    } else {
        site.user.clone()
    };
    let mut opts = ConnectOptions::new(site.host.clone(), site.port, user, known_hosts);
    if let Some(key) = &site.key_file {
        opts.identity_files = vec![key.clone()];
    }
    // A key file or password site should not spend the server's auth tries on agent keys.
    opts.use_agent = matches!(site.auth, AuthMethod::Agent);
    if opts.use_agent {
        opts.agent_key = site.agent_key.clone();
    }
    opts.password = secrets.password;
    opts.passphrase = secrets.passphrase;
    opts.jump = crate::ssh::jump::parse_jump_hosts(&site.jump_hosts, local_user).map_err(|e| {
        crate::error::Error::InvalidSite {
            reason: format!("the jump hosts of {}: {e}", site.full_name()),
        }
    })?;
    opts.proxy = site.proxy()?;
    if let Some(server) = opts.proxy.as_mut().and_then(|p| p.server_mut()) {
        server.password = secrets.proxy_password;
    }
    Ok(opts)
}

/// Where browsing on `site` starts: its remote folder, or home.
pub fn remote_start(site: &Site) -> RemoteStart {
    parse_site_path(site.remote_dir.trim()).unwrap_or(RemoteStart::Home(String::new()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::path::FsPath;
    use crate::secrets::MemoryStore;

    fn kh() -> KnownHosts {
        KnownHosts::new(vec![], std::path::PathBuf::from("/dev/null"))
    }

    #[tokio::test]
    async fn password_site_takes_its_password_from_the_store() {
        let mem = Arc::new(MemoryStore::new());
        let mut site = Site::new("s", "example.com");
        site.port = 2200;
        site.auth = AuthMethod::Password;
        site.remote_dir = "/srv".into();
        mem.set(&site.id, SecretKind::Password, &Secret::new("pw"))
            .unwrap();
        let secrets = load_secrets(mem.clone(), &site).await.unwrap();
        let opts = connect_options(&site, kh(), secrets, "me").unwrap();
        assert_eq!(
            (opts.host.as_str(), opts.port, opts.user.as_str()),
            ("example.com", 2200, "me")
        );
        assert_eq!(opts.password.as_ref().map(Secret::expose), Some("pw"));
        assert!(!opts.use_agent);
        assert!(!format!("{opts:?}").contains("pw\""), "no secret in Debug");
        assert_eq!(
            remote_start(&site),
            RemoteStart::Absolute(FsPath::from("/srv"))
        );
    }

    #[tokio::test]
    async fn agent_site_never_touches_the_keyring() {
        let store = Arc::new(MemoryStore::unavailable("none"));
        let mut site = Site::new("s", "h");
        site.user = "ann".into();
        let secrets = load_secrets(store.clone(), &site).await.unwrap();
        let opts = connect_options(&site, kh(), secrets, "me").unwrap();
        assert!(opts.use_agent && opts.password.is_none());
        assert_eq!(opts.user, "ann");
        assert_eq!(remote_start(&site), RemoteStart::Home(String::new()));
        site.auth = AuthMethod::KeyFile;
        site.key_file = Some("/k".into());
        assert!(load_secrets(store, &site).await.is_err());
        let opts = connect_options(&site, kh(), SiteSecrets::default(), "me").unwrap();
        assert_eq!(opts.identity_files, [std::path::PathBuf::from("/k")]);
        assert!(opts.jump.is_empty());
    }

    #[test]
    fn a_site_goes_through_its_jump_hosts() {
        let mut site = Site::new("s", "inner");
        site.jump_hosts = "al@bastion:2222,gate".into();
        let opts = connect_options(&site, kh(), SiteSecrets::default(), "me").unwrap();
        let hops: Vec<_> = opts
            .jump
            .iter()
            .map(|h| (h.host.as_str(), h.port, h.user.as_str()))
            .collect();
        assert_eq!(hops, [("bastion", 2222, "al"), ("gate", 22, "me")]);
        site.jump_hosts = "bastion:0".into();
        assert!(site.validate().is_err());
        let e = connect_options(&site, kh(), SiteSecrets::default(), "me").unwrap_err();
        assert!(e.to_string().contains("jump hosts"), "{e}");
    }

    /// A site's proxy login: its password from the keyring (even for an agent login), never in
    /// a Debug print; a proxy and a proxy command at once is not a site.
    #[tokio::test]
    async fn a_site_goes_through_its_proxy_with_the_keyrings_password() {
        let mem = Arc::new(MemoryStore::new());
        let mut site = Site::new("s", "inner");
        site.proxy = "socks5://al@gate:1081".into();
        mem.set(&site.id, SecretKind::ProxyPassword, &Secret::new("hunter2"))
            .unwrap();
        let secrets = load_secrets(mem.clone(), &site).await.unwrap();
        let opts = connect_options(&site, kh(), secrets, "me").unwrap();
        let mut proxy = opts.proxy.clone().expect("a proxy");
        assert_eq!(proxy.name(), "socks5://gate:1081");
        let server = proxy.server_mut().unwrap();
        assert_eq!(server.user.as_deref(), Some("al"));
        assert_eq!(
            server.password.as_ref().map(Secret::expose),
            Some("hunter2")
        );
        assert!(
            !format!("{opts:?}").contains("hunter2"),
            "no secret in Debug"
        );

        site.proxy_command = "ssh -W %h:%p gate".into();
        let e = connect_options(&site, kh(), SiteSecrets::default(), "me").unwrap_err();
        assert!(e.to_string().contains("not both"), "{e}");
        site.proxy.clear();
        let opts = connect_options(&site, kh(), SiteSecrets::default(), "me").unwrap();
        assert_eq!(opts.proxy.unwrap().name(), "ssh -W %h:%p gate");
        site.proxy_command = "nc %h %x".into();
        assert!(
            site.validate()
                .unwrap_err()
                .to_string()
                .contains("proxy command of s")
        );
    }
}
