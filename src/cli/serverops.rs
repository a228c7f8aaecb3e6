//! Commands the server does the work of: `ferry sum` (checksums, printed as `sha256sum` does),
//! `ferry cp` (a copy within one server, server-side where it can be) and `ferry ln` (symbolic
//! and hard links). Each failure is one line on stderr and makes the exit status non-zero.

use std::process::ExitCode;

use clap::Args;

use crate::cli::{CommonArgs, common, say};
use ferry_engine::error::{Error, Result};
use ferry_engine::fs::FileSystem;
use ferry_engine::fs::entry::{Kind, NameFilter};
use ferry_engine::fs::path::FsPath;
use ferry_engine::fs::sftp::checksum::{Algo, ExecSum, SumWay, exec_sum};
use ferry_engine::fs::sftp::duplicate::CopyOptions;
use ferry_engine::link::Link;

#[derive(Debug, Args)]
pub struct SumArgs {
    /// The algorithm: md5, sha1, sha256 or sha512 [default: the strongest the server has].
    #[arg(long, value_name = "A", value_parser = parse_algo)]
    pub algo: Option<Algo>,
    /// Remote files: sftp://[user@]host[:port]/path or SITE:/path (the last part may be a glob).
    #[arg(required = true)]
    pub urls: Vec<String>,
}

fn parse_algo(s: &str) -> std::result::Result<Algo, String> {
    Algo::parse(s).ok_or_else(|| format!("{s}: not one of md5, sha1, sha256, sha512"))
}

#[derive(Debug, Args)]
pub struct CpArgs {
    /// Copy folders and everything in them.
    #[arg(short = 'r', short_alias = 'R', long)]
    pub recursive: bool,
    /// Keep modification times (the mode is always kept).
    #[arg(short = 'p', long)]
    pub preserve: bool,
    /// Where the server has no copy extension, run `cp -p --` there over exec (also a site
    /// setting: `ferry sites edit SITE --exec-copy true`).
    #[arg(long)]
    pub exec_cp: bool,
    /// Sources, then the destination, all on one server (a folder that exists: copy into it).
    #[arg(required = true, num_args = 2..)]
    pub paths: Vec<String>,
}

#[derive(Debug, Args)]
pub struct LnArgs {
    /// Make a symbolic link (TARGET is stored as written) instead of a hard link.
    #[arg(short = 's', long)]
    pub symbolic: bool,
    /// What the link points at: for -s any text; for a hard link a file on the same server
    /// (an address, or a path, relative ones from the link's folder).
    pub target: String,
    /// The link to make: sftp://[user@]host[:port]/path or SITE:/path (a folder: inside it).
    pub link: String,
}

/// One connection per server named on the command line.
struct Links(Vec<((String, u16, String), Link)>);

impl Links {
    async fn path_on(
        &mut self,
        common_args: &CommonArgs,
        input: &str,
    ) -> Result<(usize, FsPath, bool)> {
        let address = common::resolve(common_args, input).await?;
        let key = (
            address.opts.host.clone(),
            address.opts.port,
            address.opts.user.clone(),
        );
        let i = match self.0.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                let link = common::open(&address.opts, common::sftp_options(common_args)).await?;
                self.0.push((key, link));
                self.0.len() - 1
            }
        };
        let path = address.path.resolve(&self.0[i].1.sftp).await?;
        Ok((i, path, address.exec_copy))
    }

    async fn close(self) {
        for (_, l) in self.0 {
            l.close().await;
        }
    }
}

fn fail(what: &str, e: &Error) {
    eprintln!("ferry: {what}: {}", say::error(e));
}

pub async fn sum(common_args: &CommonArgs, args: SumArgs) -> Result<ExitCode> {
    let mut links = Links(Vec::new());
    let mut failed = false;
    for url in &args.urls {
        let (i, path) = match links.path_on(common_args, url).await {
            Ok((i, p, _)) => (i, p),
            Err(e) => {
                fail(url, &e);
                failed = true;
                continue;
            }
        };
        let sftp = &links.0[i].1.sftp;
        for file in match expand(sftp, &path).await {
            Ok(f) => f,
            Err(e) => {
                fail(&path.to_string(), &e);
                failed = true;
                continue;
            }
        } {
            match sftp.stat(&file).await {
                Ok(e) if e.kind == Kind::Dir => {
                    eprintln!("ferry: {file}: is a folder");
                    failed = true;
                    continue;
                }
                _ => {}
            }
            match sum_one(sftp, &file, args.algo).await {
                Ok(Some(hex)) => println!("{hex}  {file}"),
                Ok(None) => {
                    eprintln!(
                        "ferry: {file}: {} computes no {} checksum of it",
                        sftp.host(),
                        args.algo.map(|a| a.name()).unwrap_or("")
                    );
                    failed = true;
                }
                Err(e) => {
                    fail(&file.to_string(), &e);
                    failed = true;
                }
            }
        }
    }
    links.close().await;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The files a path names: itself, or the files of its folder a glob in its last part matches.
async fn expand(sftp: &ferry_engine::fs::sftp::SftpFs, path: &FsPath) -> Result<Vec<FsPath>> {
    let last = path
        .file_name()
        .map(|n| String::from_utf8_lossy(n).into_owned());
    let (Some(name), Some(dir)) = (last, path.parent()) else {
        return Ok(vec![path.clone()]);
    };
    if !NameFilter::is_pattern(&name) {
        return Ok(vec![path.clone()]);
    }
    let filter = NameFilter::new(&name)?;
    let listing = sftp.list(&dir, Default::default()).await?;
    let mut files: Vec<FsPath> = listing
        .entries
        .iter()
        .filter(|e| e.exact && e.kind == Kind::File && filter.matches(e))
        .map(|e| dir.join(&e.name))
        .collect::<Result<_>>()?;
    files.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
    if files.is_empty() {
        return Err(Error::NotFound {
            path: path.to_string(),
        });
    }
    Ok(files)
}

/// A whole-file checksum as lowercase hex, the strongest way (or `algo`) the server has.
async fn sum_one(
    sftp: &ferry_engine::fs::sftp::SftpFs,
    path: &FsPath,
    algo: Option<Algo>,
) -> Result<Option<String>> {
    let entry = sftp.stat(path).await?;
    let size = entry.size.unwrap_or(0);
    let way = sftp.sum_way(path, size, algo).await?;
    if let SumWay::CheckFile(..) = way
        && !sftp.whole_check_file_trusted(size)
    {
        // This server's whole-file `check-file` is wrong for big files: a command, or nothing.
        let conn = sftp.connection();
        for a in algo
            .map(|a| vec![a])
            .unwrap_or_else(|| vec![Algo::Sha256, Algo::Sha512, Algo::Sha1, Algo::Md5])
        {
            let Some(conn) = &conn else { break };
            match exec_sum(conn, a, path).await? {
                ExecSum::Digest(d) => return Ok(Some(hex(&d))),
                ExecSum::NoDigest => {}
                ExecSum::NoExec => break,
            }
        }
        return Ok(None);
    }
    tracing::info!("{path}: by {}", way.describe());
    Ok(sftp
        .remote_sum(way, path, size, false)
        .await?
        .map(|s| s.hex()))
}

fn hex(d: &[u8]) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

pub async fn cp(common_args: &CommonArgs, args: CpArgs) -> Result<ExitCode> {
    let mut links = Links(Vec::new());
    let (dest_input, sources) = args.paths.split_last().expect("clap: two or more");
    let (server, dest, exec_copy) = links.path_on(common_args, dest_input).await?;
    let mut failed = false;
    let sftp_dest_kind = links.0[server].1.sftp.stat(&dest).await.map(|e| e.kind);
    let into = matches!(sftp_dest_kind, Ok(Kind::Dir));
    if sources.len() > 1 && !into {
        let e = Error::NotFound {
            path: format!("{dest} (the folder to copy into)"),
        };
        links.close().await;
        return Err(e);
    }
    let opts = CopyOptions {
        preserve: args.preserve,
        exec_cp: args.exec_cp || exec_copy,
    };
    for src in sources {
        let (i, from) = match links.path_on(common_args, src).await {
            Ok((i, p, _)) => (i, p),
            Err(e) => {
                fail(src, &e);
                failed = true;
                continue;
            }
        };
        if i != server {
            eprintln!("ferry: {src}: not on the same server as {dest_input}; use get and put");
            failed = true;
            continue;
        }
        let sftp = &links.0[i].1.sftp;
        let to = match (into, from.file_name()) {
            (true, Some(name)) => dest.join(name)?,
            _ => dest.clone(),
        };
        match sftp.stat(&from).await {
            Ok(e) if e.kind == Kind::Dir && !args.recursive => {
                eprintln!("ferry: -r not given; omitting the folder {from}");
                failed = true;
                continue;
            }
            Err(e) => {
                fail(&from.to_string(), &e);
                failed = true;
                continue;
            }
            Ok(_) => {}
        }
        match sftp.copy_on_server(&from, &to, opts).await {
            Ok(report) => {
                let ways: Vec<String> = report
                    .ways
                    .iter()
                    .map(|(w, n)| format!("{n} by {}", w.name()))
                    .collect();
                tracing::info!(
                    "{from} -> {to}: {} files ({}), {} folders, {} links",
                    report.files,
                    ways.join(", "),
                    report.folders,
                    report.links
                );
            }
            Err(e) => {
                fail(&from.to_string(), &e);
                failed = true;
            }
        }
    }
    links.close().await;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

pub async fn ln(common_args: &CommonArgs, args: LnArgs) -> Result<ExitCode> {
    let mut links = Links(Vec::new());
    let result = async {
        let (i, mut link) = {
            let (i, p, _) = links.path_on(common_args, &args.link).await?;
            (i, p)
        };
        let is_address = args.target.contains("://")
            || ferry_engine::sites::SiteAddress::parse(&args.target).is_some();
        let target = if is_address {
            let (j, p, _) = links.path_on(common_args, &args.target).await?;
            if j != i {
                return Err(Error::InvalidUrl {
                    input: args.target.clone(),
                    reason: "a link and its target must be on one server".into(),
                });
            }
            p
        } else {
            FsPath::from(args.target.as_str())
        };
        let sftp = &links.0[i].1.sftp;
        if let Ok(e) = sftp.stat(&link).await
            && e.kind == Kind::Dir
            && let Some(name) = target.file_name()
        {
            link = link.join(name)?;
        }
        if args.symbolic {
            sftp.symlink(&target, &link).await
        } else {
            let target = match (target.is_absolute(), link.parent()) {
                (false, Some(dir)) => dir.join_relative(&target.to_string()),
                _ => target,
            };
            sftp.hard_link(&target, &link).await
        }
    }
    .await;
    links.close().await;
    result.map(|()| ExitCode::SUCCESS)
}
