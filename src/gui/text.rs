//! The one lookup for user-visible text.
//!
//! Every string the GUI shows comes from the Fluent files in `i18n/<lang>/ferry.ftl`, embedded in
//! the binary. [`t!`] looks a message up by id, with optional `name = value` arguments; the id and
//! the argument names are checked against the English file at compile time (i18n-embed-fl), so a
//! typo is a build error, not a blank label. English is complete and fills in any message a
//! translation lacks. The language follows the OS unless the user picks one in Settings, and a
//! switch applies at once: the next view reads the new bundle.
//!
//! [`error_text`] turns an engine error into a translated sentence.

use std::sync::LazyLock;

use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use i18n_embed::{DesktopLanguageRequester, LanguageLoader};
use rust_embed::RustEmbed;
use unic_langid::LanguageIdentifier;

use ferry_engine::error::{Error, Side};

/// The Fluent files, embedded at build time.
#[derive(RustEmbed)]
#[folder = "i18n/"]
pub struct Localizations;

/// The loader every [`t!`] reads. It starts in English; [`apply_language`] switches it.
pub static LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    loader
        .load_fallback_language(&Localizations)
        .expect("the English Fluent file is embedded in the binary");
    // No Unicode isolation marks around arguments: they would show as boxes in some fonts.
    // (The setting applies to the bundles loaded so far, so it follows every load.)
    loader.set_use_isolating(false);
    loader
});

/// Looks up a message: `t!("connect")`, or `t!("items", count = 5)`.
macro_rules! t {
    ($id:literal) => {
        i18n_embed_fl::fl!($crate::gui::text::LOADER, $id)
    };
    ($id:literal, $($args:tt)*) => {
        i18n_embed_fl::fl!($crate::gui::text::LOADER, $id, $($args)*)
    };
}
pub(crate) use t;

/// The languages Ferry ships, as (tag, the language's name in itself). The names are not
/// translated on purpose: a person looks for their own language's name.
pub const LANGUAGES: [(&str, &str); 10] = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("pt-BR", "Português (Brasil)"),
    ("ru", "Русский"),
    ("pl", "Polski"),
    ("zh-CN", "简体中文"),
    ("ja", "日本語"),
];

/// Loads `choice` (a tag from [`LANGUAGES`]), or the best match for the OS's languages when
/// `None`. Returns the tag now shown; English when nothing matches.
pub fn apply_language(choice: Option<&str>) -> String {
    let requested: Vec<LanguageIdentifier> = match choice {
        Some(tag) => tag.parse().into_iter().collect(),
        None => DesktopLanguageRequester::requested_languages(),
    };
    let loaded = i18n_embed::select(&*LOADER, &Localizations, &requested).unwrap_or_default();
    if loaded.is_empty() {
        let _ = LOADER.load_fallback_language(&Localizations);
    }
    LOADER.set_use_isolating(false);
    current_language()
}

/// The tag of the language shown now.
pub fn current_language() -> String {
    LOADER
        .current_languages()
        .first()
        .map(|l| l.to_string())
        .unwrap_or_else(|| "en".into())
}

/// The language the OS asks for, as one of ours (for "System (Deutsch)" in Settings).
pub fn os_language() -> &'static str {
    let requested = DesktopLanguageRequester::requested_languages();
    let available: Vec<LanguageIdentifier> = LANGUAGES
        .iter()
        .filter_map(|(tag, _)| tag.parse().ok())
        .collect();
    let en: LanguageIdentifier = "en".parse().expect("a valid tag");
    let best = fluent_langneg::negotiate_languages(
        &requested,
        &available,
        Some(&en),
        fluent_langneg::NegotiationStrategy::Filtering,
    );
    let tag = best.first().map(|l| l.to_string()).unwrap_or_default();
    LANGUAGES
        .iter()
        .find(|(t, _)| *t == tag)
        .map(|(t, _)| *t)
        .unwrap_or("en")
}

/// The name of a language tag in itself.
pub fn language_name(tag: &str) -> &'static str {
    LANGUAGES
        .iter()
        .find(|(t, _)| *t == tag)
        .map(|(_, n)| *n)
        .unwrap_or("English")
}

/// An engine error as a person reads it, in the chosen language. Details that come from the OS or
/// the server (an errno text, a server's message) are passed through as they came.
pub fn error_text(e: &Error) -> String {
    match e.clone() {
        Error::Dns { host, detail } => t!("err-dns", host = host, detail = detail),
        Error::ConnectionRefused { addr } => t!("err-refused", addr = addr),
        Error::Timeout { what, secs } => t!("err-timeout", what = what, secs = secs),
        Error::Unreachable { host, detail } => t!("err-unreachable", host = host, detail = detail),
        Error::HostKeyUnknown {
            host,
            key_type,
            fingerprint,
        } => t!(
            "err-hostkey-unknown",
            host = host,
            key_type = key_type,
            fingerprint = fingerprint
        ),
        Error::HostKeyChanged {
            host,
            key_type,
            fingerprint,
            file,
            line,
        } => t!(
            "err-hostkey-changed",
            host = host,
            key_type = key_type,
            fingerprint = fingerprint,
            file = file.display().to_string(),
            line = line
        ),
        Error::HostKeyOtherType {
            host,
            offered,
            recorded,
            file,
            line,
        } => t!(
            "err-hostkey-other-type",
            host = host,
            offered = offered,
            recorded = recorded,
            file = file.display().to_string(),
            line = line
        ),
        Error::HostKeyRevoked { host, file, line } => t!(
            "err-hostkey-revoked",
            host = host,
            file = file.display().to_string(),
            line = line
        ),
        Error::HostKeyChangedInSession {
            host,
            key_type,
            fingerprint,
            accepted,
        } => t!(
            "err-hostkey-changed-in-session",
            host = host,
            key_type = key_type,
            fingerprint = fingerprint,
            accepted = accepted
        ),
        Error::ThroughJump { hop, error } => {
            t!("err-through-jump", hop = hop, error = error_text(&error))
        }
        Error::ForwardRefused {
            hop,
            target,
            reason,
        } => t!(
            "err-forward-refused",
            hop = hop,
            target = target,
            reason = reason
        ),
        Error::ProxyUnreachable { proxy, detail } => {
            t!("err-proxy-unreachable", proxy = proxy, detail = detail)
        }
        Error::ProxyAuth { proxy, detail } => t!("err-proxy-auth", proxy = proxy, detail = detail),
        Error::ProxyRefused {
            proxy,
            target,
            reason,
        } => t!(
            "err-proxy-refused",
            proxy = proxy,
            target = target,
            reason = reason
        ),
        Error::ProxyCommandEnded { command, detail } => {
            t!(
                "err-proxy-command-ended",
                command = command,
                detail = detail
            )
        }
        Error::ProxyCommandInvalid { command, reason } => {
            t!(
                "err-proxy-command-invalid",
                command = command,
                reason = reason
            )
        }
        Error::ProxyCommandUnsafeName { name } => {
            t!("err-proxy-command-unsafe-name", name = name)
        }
        Error::KnownHosts { detail } => t!("err-known-hosts", detail = detail),
        Error::LoginNeedsPerson { user, host } => {
            t!("err-login-needs-person", user = user, host = host)
        }
        Error::AuthFailed { user, host, tried } => {
            if tried.is_empty() {
                t!("err-auth-nothing", user = user, host = host)
            } else {
                t!(
                    "err-auth",
                    user = user,
                    host = host,
                    tried = tried.join(", ")
                )
            }
        }
        Error::KeyFile { path, detail } => t!(
            "err-key-file",
            path = path.display().to_string(),
            detail = detail
        ),
        Error::PermissionDenied { side, path } => match side {
            Side::Local => t!("err-permission-local", path = path),
            Side::Remote => t!("err-permission-remote", path = path),
        },
        Error::NotFound { path } => t!("err-not-found", path = path),
        Error::AlreadyExists { path } => t!("err-exists", path = path),
        Error::DiskFull { side, path } => match side {
            Side::Local => t!("err-disk-full-local", path = path),
            Side::Remote => t!("err-disk-full-remote", path = path),
        },
        Error::ConnectionLost { detail } => t!("err-connection-lost", detail = detail),
        Error::Unsupported { what } => t!("err-unsupported", what = what),
        Error::UnsafeName { name, why } => t!("err-unsafe-name", name = name, why = why),
        Error::InexactName { name } => t!("err-inexact-name", name = name),
        Error::ListingTooLarge { path, cap } => t!("err-listing-too-large", path = path, cap = cap),
        Error::ListingTooBig { path, mib } => t!("err-listing-too-big", path = path, mib = mib),
        Error::ListingTooSlow { path, secs } => {
            t!("err-listing-too-slow", path = path, secs = secs)
        }
        Error::InvalidUrl { input, reason } => {
            t!("err-invalid-url", input = input, reason = reason)
        }
        Error::Failure { path, message } => t!("err-failure", path = path, message = message),
        Error::Io { path, detail } => t!("err-io", path = path, detail = detail),
        Error::Protocol { detail } => t!("err-protocol", detail = detail),
        Error::SizeChanged {
            path,
            expected,
            got,
        } => t!(
            "err-size-changed",
            path = path,
            expected = expected,
            got = got
        ),
        Error::ChecksumMismatch {
            path,
            local,
            remote,
        } => t!("err-checksum", path = path, local = local, remote = remote),
        Error::NotAPrefix { path } => t!("err-not-a-prefix", path = path),
        Error::NotAFile { path } => t!("err-not-a-file", path = path),
        Error::NoFreeName { path, tries } => t!("err-no-free-name", path = path, tries = tries),
        Error::UnsafeDestination { path, why } => {
            t!("err-unsafe-destination", path = path, why = why)
        }
        Error::KeyringUnavailable { why } => t!("err-keyring-unavailable", why = why),
        Error::Keyring { detail } => t!("err-keyring", detail = detail),
        Error::Agent { detail } => t!("err-agent", detail = detail),
        Error::NoSftp { host } => t!("err-no-sftp", host = host),
        Error::JobBusy { id } => t!("err-job-busy", id = id),
        Error::SitesFileCorrupt {
            path,
            backup,
            detail,
        } => t!(
            "err-sites-corrupt",
            path = path.display().to_string(),
            backup = backup.display().to_string(),
            detail = detail
        ),
        Error::SitesFileNewer { path, version } => t!(
            "err-sites-newer",
            path = path.display().to_string(),
            version = version
        ),
        Error::UnknownSite { name } => t!("err-unknown-site", name = name),
        Error::AmbiguousSite { name, candidates } => t!(
            "err-ambiguous-site",
            name = name,
            candidates = candidates.join(", ")
        ),
        Error::SiteExists { name } => t!("err-site-exists", name = name),
        Error::InvalidSite { reason } => t!("err-invalid-site", reason = reason),
        Error::Import { path, detail } => t!(
            "err-import",
            path = path.display().to_string(),
            detail = detail
        ),
        Error::TooManyDeletes { path, count, total } => t!(
            "err-too-many-deletes",
            path = path,
            count = count,
            total = total
        ),
        Error::DeleteLimit {
            path,
            count,
            allowed,
        } => t!(
            "err-delete-limit",
            path = path,
            count = count,
            allowed = allowed
        ),
        Error::Cancelled => t!("err-cancelled"),
        Error::Internal { detail } => t!("err-internal", detail = detail),
    }
}
