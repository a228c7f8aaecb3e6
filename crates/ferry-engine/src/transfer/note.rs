//! What a job tells a person besides "copied" and "failed": why a file was skipped, and notes along
//! the way (a reconnect, a file that grew, checksums the server cannot compute). Kept as data, not
//! sentences, so each face words them in its own language: `Display` is the command line's
//! English, the window looks each one up in the user's language.

use std::fmt;

use crate::error::Error;
use crate::fs::path::FsPath;

/// Why a file or folder was left alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// A folder given without "recursive".
    Folder,
    /// A device, socket, pipe or other special file.
    NotAFile,
    /// A link to a folder, and links to folders are not followed.
    FolderLink { target: String },
    /// A link whose target is missing or cannot be read.
    BrokenLink,
    /// A link to a folder this job has copied already.
    LinkLoop,
    /// The destination exists and the conflict choice was to skip.
    Exists,
    /// The destination exists and is as new or newer ("overwrite if newer").
    NotNewer,
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Skip::Folder => write!(f, "is a folder (folders are copied only when asked)"),
            Skip::NotAFile => write!(f, "is not a regular file"),
            Skip::FolderLink { target } => write!(
                f,
                "is a link to a folder ({target}); links to folders are not followed"
            ),
            Skip::BrokenLink => write!(f, "is a broken or unreadable link"),
            Skip::LinkLoop => write!(f, "is a link to a folder already copied (a loop)"),
            Skip::Exists => write!(f, "the destination exists"),
            Skip::NotNewer => write!(f, "the destination is as new or newer"),
        }
    }
}

/// An error inside a sentence: without its own full stop.
fn bare(e: &Error) -> String {
    e.to_string().trim_end_matches('.').to_string()
}

/// Something a person should know that is neither a copy nor a failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A link to a folder met during a walk, left alone (the file is also reported skipped).
    FolderLinkNotFollowed {
        link: FsPath,
        target: String,
    },
    /// A further connection could not be opened; the job goes on over the open ones (said once).
    NoMoreConnections {
        error: Error,
    },
    /// The connection dropped while `src` was copied; it is being reopened and the copy resumed.
    Reconnecting {
        src: FsPath,
        why: Error,
    },
    /// `src` grew while it was copied: everything read was copied.
    Grew {
        src: FsPath,
        listed: u64,
        copied: u64,
    },
    MtimeNotKept {
        dst: FsPath,
        error: Error,
    },
    PermissionsNotSet {
        dst: FsPath,
        error: Error,
    },
    /// The server runs no `sha256sum`: sizes were checked, contents were not (said once a job).
    NoChecksums {
        host: String,
    },
    /// The transfer queue could not be saved: the job runs, but will not resume after a restart.
    QueueUnsaved {
        error: Error,
    },
    /// The server listed `count` names of `dir` more than once (with the same or another type):
    /// the first entry of each was copied, the repeats were not. `names`: the first few, escaped.
    DuplicateNames {
        dir: FsPath,
        names: Vec<String>,
        count: usize,
    },
    /// More names of `dir` were refused than are reported one by one (`count` in all).
    MoreRefused {
        dir: FsPath,
        count: usize,
    },
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::FolderLinkNotFollowed { link, target } => {
                write!(f, "Not following the folder link {link} -> {target}")
            }
            Note::NoMoreConnections { error } => write!(
                f,
                "Could not open one more connection ({}); going on over the open ones",
                bare(error)
            ),
            Note::Reconnecting { src, why } => {
                // The lost connection's own detail reads best bare: "(127.0.0.1: reset by peer)".
                let why = match why {
                    Error::ConnectionLost { detail } => detail.clone(),
                    other => bare(other),
                };
                write!(
                    f,
                    "Connection lost while copying {src} ({why}); reconnecting…"
                )
            }
            Note::Grew {
                src,
                listed,
                copied,
            } => write!(
                f,
                "{src} grew while it was copied ({listed} bytes listed, {copied} copied)"
            ),
            Note::MtimeNotKept { dst, error } => {
                write!(f, "Could not keep the modification time of {dst}: {error}")
            }
            Note::PermissionsNotSet { dst, error } => {
                write!(f, "Could not set the permissions of {dst}: {error}")
            }
            Note::NoChecksums { host } => write!(
                f,
                "{host} cannot compute checksums (no sha256sum over SSH): sizes were checked, \
                 contents were not"
            ),
            Note::QueueUnsaved { error } => write!(
                f,
                "The transfer queue could not be saved ({}); this transfer will not resume after \
                 a restart",
                bare(error)
            ),
            Note::DuplicateNames { dir, names, count } => write!(
                f,
                "The server listed {count} name(s) in {dir} more than once (\"{}\"); the first \
                 entry of each was copied, the repeats were left out",
                names.join("\", \"")
            ),
            Note::MoreRefused { dir, count } => write!(
                f,
                "{count} names in {dir} were refused in all (the first ones are listed)"
            ),
        }
    }
}
