//! `ferry mv SOURCE... DEST`: rename or move remote files and folders within one server, as
//! coreutils' `mv` does: into DEST when it is a folder (or ends with '/'), else to DEST itself
//! (then only one source). An existing file at the destination is replaced, atomically where the
//! server offers `posix-rename@openssh.com` (see `FileSystem::rename`). DEST may be a full address
//! or a plain path on the sources' server (absolute, or from the home folder).

use std::process::ExitCode;

use clap::Args;

use crate::cli::CommonArgs;
use crate::cli::remote::{At, Remotes, Report, quoted};
use ferry_engine::error::Result;
use ferry_engine::fs::FileSystem;
use ferry_engine::fs::entry::Kind;
use ferry_engine::url::{RemoteStart, Target, plain_path};

#[derive(Debug, Args)]
pub struct MvArgs {
    /// Sources (addresses; the last part may be a glob), then the destination: an address or a
    /// path on the same server.
    #[arg(required = true, num_args = 2.., value_name = "ADDRESS")]
    pub paths: Vec<String>,
}

/// True when `input` is a plain path (no host, site or scheme): it is on the sources' server.
fn is_plain_path(input: &str) -> bool {
    !Target::is_url(input) && !input.split('/').next().unwrap_or("").contains(':')
}

pub async fn run(common: &CommonArgs, mut args: MvArgs) -> Result<ExitCode> {
    let dest_input = args.paths.pop().unwrap_or_default();
    let mut remotes = Remotes::new(common);
    let mut report = Report::new("mv");
    let mut sources: Vec<At> = Vec::new();
    for input in &args.paths {
        match remotes.expand(input).await {
            Ok(found) => sources.extend(found),
            Err(e) => report.error(&e),
        }
    }
    let Some(first) = sources.first().map(|s| s.server) else {
        remotes.close().await;
        return Ok(report.exit());
    };
    let dest = if is_plain_path(&dest_input) {
        let start = plain_path(&dest_input).unwrap_or(RemoteStart::Home(String::new()));
        start.resolve(remotes.fs(first)).await.map(|path| At {
            server: first,
            path,
        })
    } else {
        remotes.at(&dest_input).await
    };
    let dest = match dest {
        Ok(d) => d,
        Err(e) => {
            report.error(&e);
            remotes.close().await;
            return Ok(report.exit());
        }
    };
    let fs = remotes.fs(dest.server);
    let into =
        dest_input.ends_with('/') || fs.stat(&dest.path).await.is_ok_and(|e| e.kind == Kind::Dir);
    if !into && sources.len() > 1 {
        report.say(&format!("target {} is not a folder", quoted(&dest.path)));
        remotes.close().await;
        return Ok(report.exit());
    }
    for src in &sources {
        if src.server != dest.server {
            report.say(&format!(
                "cannot move {} from {} to {}: mv works within one server",
                quoted(&src.path),
                remotes.name(src.server),
                remotes.name(dest.server)
            ));
            continue;
        }
        let to = if into {
            match src.path.file_name().map(|n| dest.path.join(n)) {
                Some(Ok(to)) => to,
                Some(Err(e)) => {
                    report.error(&e);
                    continue;
                }
                None => {
                    report.say(&format!("cannot move {}", quoted(&src.path)));
                    continue;
                }
            }
        } else {
            dest.path.clone()
        };
        if to == src.path {
            report.say(&format!(
                "{} and {} are the same file",
                quoted(&src.path),
                quoted(&to)
            ));
            continue;
        }
        if let Err(e) = fs.rename(&src.path, &to, true).await {
            report.error(&e);
        }
    }
    remotes.close().await;
    Ok(report.exit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_and_addresses() {
        for p in ["/srv/x", "x", "a b/c", "dir/with:colon"] {
            assert!(is_plain_path(p), "{p}");
        }
        for a in ["h:/x", "u@h:x", "sftp://h/x", "site:", "[::1]:/x"] {
            assert!(!is_plain_path(a), "{a}");
        }
    }
}
