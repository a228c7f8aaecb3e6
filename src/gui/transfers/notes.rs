//! A job's skip reasons and notes in the user's language (the engine keeps them as data; the
//! command line words them in English through `Display`).

use super::shown;
use crate::gui::format;
use crate::gui::text::{error_text, t};
use ferry_engine::error::Error;
use ferry_engine::transfer::{Note, Skip};

/// An error inside a sentence: without its own full stop.
fn inner(e: &Error) -> String {
    error_text(e).trim_end_matches(['.', '。']).to_string()
}

/// Why a file was skipped, to follow "name skipped:".
pub fn skip_text(s: &Skip) -> String {
    match s {
        Skip::Folder => t!("skip-folder"),
        Skip::NotAFile => t!("skip-not-a-file"),
        Skip::FolderLink { target } => t!("skip-folder-link", target = target.as_str()),
        Skip::BrokenLink => t!("skip-broken-link"),
        Skip::LinkLoop => t!("skip-link-loop"),
        Skip::Exists => t!("skip-exists"),
        Skip::NotNewer => t!("skip-not-newer"),
    }
}

/// A note as a log line; `None` for one the log already says another way (a folder link not
/// followed is also reported as skipped, with its target).
pub fn note_text(n: &Note) -> Option<String> {
    Some(match n {
        Note::FolderLinkNotFollowed { .. } => return None,
        Note::NoMoreConnections { error } => {
            t!("note-no-more-connections", error = inner(error))
        }
        Note::Reconnecting { src, why } => {
            // The lost connection's own detail (the system's words) reads best bare.
            let why = match why {
                Error::ConnectionLost { detail } => detail.clone(),
                other => inner(other),
            };
            t!("note-reconnecting", name = shown(src), why = why)
        }
        Note::Grew {
            src,
            listed,
            copied,
        } => t!(
            "note-grew",
            name = shown(src),
            listed = format::size(*listed),
            copied = format::size(*copied)
        ),
        Note::MtimeNotKept { dst, error } => {
            t!(
                "note-mtime-not-kept",
                name = shown(dst),
                error = inner(error)
            )
        }
        Note::PermissionsNotSet { dst, error } => {
            t!(
                "note-permissions-not-set",
                name = shown(dst),
                error = inner(error)
            )
        }
        Note::NoChecksums { host } => t!("note-no-checksums", host = host.as_str()),
        Note::QueueUnsaved { error } => t!("log-queue-unsaved", error = inner(error)),
        Note::DuplicateNames { dir, names, count } => {
            let (names, count) = (names.join(", "), *count);
            t!(
                "note-duplicate-names",
                folder = shown(dir),
                names = names,
                count = count
            )
        }
        Note::MoreRefused { dir, count } => {
            let count = *count;
            t!("note-more-refused", folder = shown(dir), count = count)
        }
    })
}
