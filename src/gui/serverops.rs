//! Copies made on the server itself, from the remote pane: Duplicate (a copy beside each row),
//! Copy then Paste (into the folder shown, here or after browsing elsewhere on the same
//! connection) and Ctrl+drag onto a folder. Each runs in a task with the engine's
//! `SftpFs::copy_on_server` (copy-data and the like, else streamed through Ferry with no
//! temporary file); the way it went is logged. A copy never replaces anything: a name that is
//! taken becomes "NAME copy.EXT", then "NAME copy 2.EXT", …

use std::sync::Arc;

use iced::Task;

use crate::gui::pane::Source;
use crate::gui::text::{error_text, t};
use crate::gui::{App, Message, PaneSide, pane};
use ferry_engine::error::{Error, Result};
use ferry_engine::fs::FileSystem;
use ferry_engine::fs::entry::Entry;
use ferry_engine::fs::path::FsPath;
use ferry_engine::fs::sftp::duplicate::{CopyOptions, CopyReport, CopyWay};
use ferry_engine::transfer::pool::Link;

/// Rows of a server's folder remembered by Copy.
#[derive(Debug, Clone)]
pub struct Clip {
    /// The connection they belong to (`user@host:port`): Paste works only on that one.
    server: String,
    dir: FsPath,
    entries: Vec<Entry>,
}

/// How many taken names are stepped over before giving up.
const NAME_TRIES: u32 = 100;

impl App {
    /// The remote pane's browsing connection, if it is open.
    fn remote_link(&self) -> Option<Arc<Link>> {
        match &self.remote.source {
            Some(Source::Remote(link)) => Some(link.clone()),
            _ => None,
        }
    }

    /// Copy: remembers `entries` of the remote folder for Paste.
    pub(super) fn copy_rows(&mut self, entries: Vec<Entry>) -> Task<Message> {
        let Some(server) = self.session.server().map(str::to_string) else {
            return Task::none();
        };
        if entries.is_empty() {
            return Task::none();
        }
        self.clip = Some(Clip {
            server,
            dir: self.remote.path.clone(),
            entries,
        });
        self.remote.can_paste = true;
        Task::none()
    }

    /// Paste: copies what Copy remembered into the folder shown, on the server.
    pub(super) fn paste_rows(&mut self) -> Task<Message> {
        let Some(clip) = self.clip.clone() else {
            return Task::none();
        };
        if self.session.server() != Some(clip.server.as_str()) {
            // Another connection now: its files are not on this server.
            self.clip = None;
            self.remote.can_paste = false;
            self.notice = Some(t!("paste-other-server"));
            return Task::none();
        }
        let dest = self.remote.path.clone();
        self.copy_on_server(clip.dir, clip.entries, dest)
    }

    /// Duplicate: a copy of each row beside it.
    pub(super) fn duplicate_rows(&mut self, entries: Vec<Entry>) -> Task<Message> {
        let dir = self.remote.path.clone();
        self.copy_on_server(dir.clone(), entries, dir)
    }

    /// Copies `entries` of `dir` into `dest`, on the server of the remote pane.
    pub(super) fn copy_on_server(
        &mut self,
        dir: FsPath,
        entries: Vec<Entry>,
        dest: FsPath,
    ) -> Task<Message> {
        let Some(link) = self.remote_link() else {
            return Task::none();
        };
        let opts = CopyOptions {
            preserve: true,
            exec_cp: self.session.site().is_some_and(|s| s.exec_copy),
        };
        let copy = t!("copy-suffix");
        Task::perform(
            copy_all(link, dir, entries, dest, opts, copy),
            Message::ServerCopied,
        )
    }

    /// A server-side copy ended: say how it went, and show the folder again.
    pub(super) fn server_copied(&mut self, r: Result<CopyReport>) -> Task<Message> {
        match &r {
            Ok(report) => {
                let ways: Vec<String> = report
                    .ways
                    .iter()
                    .map(|(way, n)| match way {
                        // The others are the names of protocol extensions and commands.
                        CopyWay::Streamed => format!("{} × {n}", t!("copy-way-streamed")),
                        other => format!("{} × {n}", other.name()),
                    })
                    .collect();
                self.transfers.log(
                    t!(
                        "log-server-copy",
                        files = report.files,
                        ways = ways.join(", ")
                    ),
                    false,
                );
            }
            Err(e) => self.notice = Some(error_text(e)),
        }
        self.pane_message(PaneSide::Remote, pane::Message::Refresh)
    }
}

/// Copies each of `entries` (in `dir`) into `dest` under a free name.
async fn copy_all(
    link: Arc<Link>,
    dir: FsPath,
    entries: Vec<Entry>,
    dest: FsPath,
    opts: CopyOptions,
    copy: String,
) -> Result<CopyReport> {
    let mut total = CopyReport::default();
    for e in entries {
        if !e.exact {
            return Err(Error::InexactName { name: e.display });
        }
        let from = dir.join(&e.name)?;
        let to = free_name(&link.sftp, &dest, &e.name, &copy).await?;
        let r = link.sftp.copy_on_server(&from, &to, opts).await?;
        total.files += r.files;
        total.folders += r.folders;
        total.links += r.links;
        total.bytes += r.bytes;
        for (way, n) in r.ways {
            *total.ways.entry(way).or_default() += n;
        }
    }
    Ok(total)
}

/// `dest/name` when nothing is there, else `dest/STEM copy.EXT`, `dest/STEM copy 2.EXT`, …
async fn free_name(fs: &dyn FileSystem, dest: &FsPath, name: &[u8], copy: &str) -> Result<FsPath> {
    for n in 0..NAME_TRIES {
        let candidate = dest.join(&copy_name(name, copy, n))?;
        match fs.lstat(&candidate).await {
            Err(Error::NotFound { .. }) => return Ok(candidate),
            Err(e) => return Err(e),
            Ok(_) => {}
        }
    }
    Err(Error::NoFreeName {
        path: dest.join(name)?.display_lossy(),
        tries: NAME_TRIES,
    })
}

/// The `n`th name tried for a copy of `name`: itself, then `STEM copy.EXT`, `STEM copy 2.EXT`, …
/// (the extension is kept at the end; a leading dot is no extension).
fn copy_name(name: &[u8], copy: &str, n: u32) -> Vec<u8> {
    if n == 0 {
        return name.to_vec();
    }
    let dot = name
        .iter()
        .rposition(|b| *b == b'.')
        .filter(|&i| i > 0 && i + 1 < name.len());
    let (stem, ext) = match dot {
        Some(i) => name.split_at(i),
        None => (name, &b""[..]),
    };
    let mut out = stem.to_vec();
    out.push(b' ');
    out.extend_from_slice(copy.as_bytes());
    if n > 1 {
        out.extend_from_slice(format!(" {n}").as_bytes());
    }
    out.extend_from_slice(ext);
    out
}

#[cfg(test)]
mod tests {
    use super::copy_name;

    #[test]
    fn copies_are_named_beside_the_original() {
        let names: Vec<String> = (0..3)
            .map(|n| String::from_utf8(copy_name(b"report.pdf", "copy", n)).unwrap())
            .collect();
        assert_eq!(
            names,
            ["report.pdf", "report copy.pdf", "report copy 2.pdf"]
        );
        assert_eq!(copy_name(b".bashrc", "copy", 1), b".bashrc copy");
        assert_eq!(copy_name(b"photos", "copy", 2), b"photos copy 2");
        assert_eq!(copy_name(b"a.", "copy", 1), b"a. copy");
    }
}
