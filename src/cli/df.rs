//! `ferry df [-h] ADDRESS`: the size and free space of the file system holding a remote path, as
//! coreutils' `df` prints them, from the server's `statvfs@openssh.com` (a server without it is
//! said in one line, and the exit status is 1).

use std::process::ExitCode;

use clap::{ArgAction, Args};

use crate::cli::CommonArgs;
use crate::cli::remote::{Remotes, Report};
use ferry_engine::error::Result;
use ferry_engine::fs::sftp::SpaceStats;

#[derive(Debug, Args)]
#[command(disable_help_flag = true)]
pub struct DfArgs {
    /// Sizes in powers of 1024 (K, M, G, T), as df -h.
    #[arg(short = 'h', long = "human-readable")]
    pub human: bool,
    /// Print help.
    #[arg(long, action = ArgAction::Help)]
    pub help: Option<bool>,
    /// sftp://[user@]host[:port]/path, [user@]host:path or SITE:path, one or more.
    #[arg(required = true, value_name = "ADDRESS")]
    pub paths: Vec<String>,
}

pub async fn run(common: &CommonArgs, args: DfArgs) -> Result<ExitCode> {
    let mut remotes = Remotes::new(common);
    let mut report = Report::new("df");
    let mut rows = Vec::new();
    for input in &args.paths {
        let at = match remotes.at(input).await {
            Ok(at) => at,
            Err(e) => {
                report.error(&e);
                continue;
            }
        };
        match remotes.fs(at.server).space_stats(&at.path).await {
            Ok(Some(stats)) => rows.push(row(&stats, args.human, &at.path.to_string())),
            Ok(None) => report.say(&format!(
                "{} does not offer statvfs@openssh.com, so it cannot tell its free space",
                remotes.name(at.server)
            )),
            Err(e) => report.error(&e),
        }
    }
    remotes.close().await;
    if !rows.is_empty() {
        let size = if args.human { "Size" } else { "1K-blocks" };
        let avail = if args.human { "Avail" } else { "Available" };
        println!("{size:>10} {:>10} {avail:>10} {:>4} Path", "Used", "Use%");
        for r in rows {
            println!("{r}");
        }
    }
    Ok(report.exit())
}

fn row(s: &SpaceStats, human: bool, path: &str) -> String {
    let used = s.total.saturating_sub(s.free);
    // As df: the share of what an ordinary user can have, rounded up.
    let base = used + s.available;
    let pct = if base == 0 {
        "-".to_string()
    } else {
        format!("{}%", (used * 100).div_ceil(base))
    };
    let n = |b: u64| {
        if human {
            human_size(b)
        } else {
            b.div_ceil(1024).to_string()
        }
    };
    format!(
        "{:>10} {:>10} {:>10} {pct:>4} {path}",
        n(s.total),
        n(used),
        n(s.available)
    )
}

/// `df -h` sizes: one decimal below 10 of a unit, rounded up as df does (`9.8G`, `20G`, `512K`).
fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 6] = ["K", "M", "G", "T", "P", "E"];
    if bytes < 1024 {
        return bytes.to_string();
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if value < 10.0 {
        let tenths = (value * 10.0).ceil() / 10.0;
        if tenths < 10.0 {
            return format!("{tenths:.1}{}", UNITS[unit]);
        }
        value = tenths;
    }
    format!("{}{}", value.ceil() as u64, UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_as_df_shows_them() {
        assert_eq!(human_size(512), "512");
        assert_eq!(human_size(1024), "1.0K");
        assert_eq!(human_size(10 << 30), "10G");
        assert_eq!(human_size((98 << 30) / 10), "9.8G");
        assert_eq!(human_size(20 << 30), "20G");
        let s = SpaceStats {
            total: 100 << 20,
            free: 40 << 20,
            available: 30 << 20,
            files: 0,
            files_free: 0,
        };
        assert_eq!(
            row(&s, false, "/srv"),
            format!("{:>10} {:>10} {:>10}  67% /srv", 102400, 61440, 30720)
        );
    }
}
