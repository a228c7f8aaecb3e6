//! Finding a saved site from what a person types: `name` or `folder/name`, and the `SITE:/path`
//! address form accepted wherever an `sftp://` URL is (`ferry ls mysite:/var/log`).
//!
//! `SITE:path` has the shape of scp's `host:path` (`crate::url`): where both could be meant, a
//! saved site of that name wins, and an address that names no saved site is read as a host.

use crate::error::{Error, Result};
use crate::sites::{Site, Sites};
use crate::url::RemoteStart;

/// `SITE:path`: a saved site's name (or `folder/name`) and a path on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteAddress {
    pub site: String,
    /// `None` when nothing follows the ':' (the site's own start folder).
    pub path: Option<RemoteStart>,
}

impl SiteAddress {
    /// Parses `SITE:/abs`, `SITE:~/rel`, `SITE:rel` (home-relative, as in scp) or `SITE:`.
    /// `None` for anything that is not of that form (a URL, a bare name, a Windows drive path).
    pub fn parse(input: &str) -> Option<SiteAddress> {
        if input.contains("://") {
            return None;
        }
        let (site, path) = input.split_once(':')?;
        // "C:\x" or "C:/x" is a local Windows path, not a one-letter site.
        if site.len() == 1 && site.chars().all(|c| c.is_ascii_alphabetic()) && cfg!(windows) {
            return None;
        }
        if site.is_empty() || site.starts_with('/') || site.ends_with('/') || path.contains('\0') {
            return None;
        }
        Some(SiteAddress {
            site: site.to_string(),
            path: parse_site_path(path),
        })
    }
}

/// A site's remote folder text (an address's path or [`Site::remote_dir`]) as a start point,
/// read as `host:path` is (`crate::url::plain_path`).
pub(crate) fn parse_site_path(path: &str) -> Option<RemoteStart> {
    crate::url::plain_path(path)
}

impl Sites {
    /// The site `query` names: `folder/name` exactly, or a `name` that is unique over all folders.
    pub fn find(&self, query: &str) -> Result<&Site> {
        if let Some(site) = self.sites.iter().find(|s| s.full_name() == query) {
            return Ok(site);
        }
        let matches: Vec<&Site> = self.sites.iter().filter(|s| s.name == query).collect();
        match matches.as_slice() {
            [one] => Ok(one),
            [] => Err(Error::UnknownSite {
                name: query.to_string(),
            }),
            many => Err(Error::AmbiguousSite {
                name: query.to_string(),
                candidates: many.iter().map(|s| s.full_name()).collect(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::path::FsPath;

    #[test]
    fn parses_site_addresses() {
        let a = SiteAddress::parse("mysite:/var/log").unwrap();
        assert_eq!(a.site, "mysite");
        assert_eq!(
            a.path,
            Some(RemoteStart::Absolute(FsPath::from("/var/log")))
        );
        let b = SiteAddress::parse("Work/prod:~/docs").unwrap();
        assert_eq!(b.site, "Work/prod");
        assert_eq!(b.path, Some(RemoteStart::Home("docs".into())));
        assert_eq!(SiteAddress::parse("s:").unwrap().path, None);
        assert_eq!(
            SiteAddress::parse("s:rel/x").unwrap().path,
            Some(RemoteStart::Home("rel/x".into()))
        );
        for not in ["sftp://h/x", "plain", ":/x", "/abs:x"] {
            assert_eq!(SiteAddress::parse(not), None, "{not}");
        }
    }

    #[test]
    fn finds_by_name_or_folder_path() {
        let mut s = Sites::default();
        s.add(Site::new("solo", "h1")).unwrap();
        let mut a = Site::new("db", "h2");
        a.folder = "Work".into();
        s.add(a).unwrap();
        let mut b = Site::new("db", "h3");
        b.folder = "Home".into();
        s.add(b).unwrap();
        assert_eq!(s.find("solo").unwrap().host, "h1");
        assert_eq!(s.find("Home/db").unwrap().host, "h3");
        let e = s.find("db").unwrap_err();
        assert!(matches!(e, Error::AmbiguousSite { .. }));
        assert!(e.to_string().contains("Work/db"), "{e}");
        assert!(matches!(s.find("nope"), Err(Error::UnknownSite { .. })));
        assert!(matches!(s.find("SOLO"), Err(Error::UnknownSite { .. })));
    }
}
