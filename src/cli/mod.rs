//! The command line: the same engine as the GUI, driven from a terminal or a script (tests and the
//! benchmark use it). `ferry` with no subcommand starts the GUI; `ferry ls …` and friends run here.

mod cat;
mod chmod;
mod common;
use common::sftp_options;
mod df;
mod edit;
mod glob;
mod keys;
mod ls;
mod manual;
mod mkdir;
mod mode;
mod mv;
mod prompt;
mod queue;
mod remote;
mod rm;
mod say;
mod serverops;
mod sites;
mod sync;
mod transfer;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "ferry",
    version,
    about = "Ferry: a fast, safe SFTP client",
    long_about = None
)]
pub struct Cli {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Open the window and connect to this address (user@host:port or sftp://user@host/path).
    #[arg(value_name = "ADDRESS")]
    pub open: Option<String>,

    /// Open the window connected to a built-in demo server (127.0.0.1 only, sample files in a
    /// temporary folder, gone when the window closes).
    #[arg(long, conflicts_with = "open")]
    pub demo: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command takes.
#[derive(Debug, Clone, Args)]
pub struct CommonArgs {
    /// Private key file to authenticate with (may be repeated).
    #[arg(short = 'i', long = "identity", value_name = "KEYFILE", global = true)]
    pub identity: Vec<PathBuf>,

    /// Go through these jump hosts, as ssh's -J (ProxyJump): [user@]host[:port], several
    /// separated by commas, first hop first; "none" connects directly, even to a site that has
    /// jump hosts.
    #[arg(short = 'J', long = "jump", value_name = "HOSTS", global = true)]
    pub jump: Option<String>,

    /// Reach the server (or the first jump host) through this proxy: socks5://[user@]host[:port]
    /// or http://[user@]host[:port] (the proxy resolves the name; its password is asked for,
    /// never part of the address); "none" connects directly, even for a site that has a proxy.
    #[arg(long, value_name = "URL", global = true)]
    pub proxy: Option<String>,

    /// Run the SSH session over this command's input and output, as ssh's ProxyCommand (for
    /// example "ssh -W %h:%p gate"): %h, %p and %r are the server's host, port and user, %% a
    /// literal %; run through the shell. "none" connects directly, even for a site that has one.
    #[arg(long, value_name = "COMMAND", global = true, conflicts_with = "proxy")]
    pub proxy_command: Option<String>,

    /// known_hosts file to check (and record) host keys in, instead of ~/.ssh/known_hosts.
    #[arg(long, value_name = "FILE", global = true)]
    pub known_hosts: Option<PathBuf>,

    /// Record the host key of a host seen for the first time (a changed key is still refused).
    #[arg(long, global = true)]
    pub accept_new_host_key: bool,

    /// Read the password from this environment variable (for scripts).
    #[arg(long, value_name = "VAR", global = true)]
    pub password_env: Option<String>,

    /// Read the password of the user in the --proxy address from this environment variable (for
    /// scripts; `sites add|edit` keep it in the keyring).
    #[arg(long, value_name = "VAR", global = true)]
    pub proxy_password_env: Option<String>,

    /// Keep config, sites and app data in DIR instead of the OS default folders.
    #[arg(long, value_name = "DIR", global = true)]
    pub config_dir: Option<PathBuf>,

    /// Do not use a running ssh-agent.
    #[arg(long, global = true)]
    pub no_agent: bool,

    /// The port for user@host:path addresses, which cannot name one (sftp:// URLs and saved
    /// sites carry their own).
    #[arg(short = 'P', long, value_name = "PORT", global = true)]
    pub port: Option<u16>,

    /// Connection timeout in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 15, global = true)]
    pub timeout: u64,

    /// How long one SFTP request may wait for the server's answer before the connection counts
    /// as stalled (it is then reopened and the transfer continued).
    #[arg(long, value_name = "SECS", default_value_t = 30, global = true)]
    pub request_timeout: u64,

    /// Send an SSH keepalive after this many seconds without traffic; three unanswered ones
    /// count the connection as dead (it is then reopened and the transfer continued).
    #[arg(long, value_name = "SECS", default_value_t = 15, global = true)]
    pub keepalive: u64,

    /// Log more (repeat for even more): -v info, -vv debug.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
}

impl CommonArgs {
    /// What the window takes from these options.
    pub fn gui_options(&self) -> crate::gui::Options {
        crate::gui::Options {
            config_dir: self.config_dir.clone(),
            known_hosts: self.known_hosts.clone(),
            identity: self.identity.clone(),
            no_agent: self.no_agent,
            jump: self.jump.clone(),
            proxy: self.proxy.clone(),
            proxy_command: self.proxy_command.clone(),
            proxy_password_env: self.proxy_password_env.clone(),
            password_env: self.password_env.clone(),
            connect_timeout: std::time::Duration::from_secs(self.timeout.max(1)),
            keepalive: std::time::Duration::from_secs(self.keepalive.max(1)),
            request_timeout: sftp_options(self).request_timeout,
            verbosity: self.verbose,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List a remote folder: ferry ls [-l] [-a] sftp://user@host[:port]/path (or user@host:path,
    /// SITE:path)
    Ls(ls::LsArgs),
    /// Download: ferry get [-r] user@host:path LOCAL
    Get(transfer::GetArgs),
    /// Upload: ferry put [-r] LOCAL... user@host:path
    Put(transfer::PutArgs),
    /// Make remote folders: ferry mkdir [-p] user@host:path...
    Mkdir(mkdir::MkdirArgs),
    /// Remove remote files (and folders with -r): ferry rm [-r] [-f] user@host:path...
    Rm(rm::RmArgs),
    /// Rename or move within one server: ferry mv user@host:path... DEST
    Mv(mv::MvArgs),
    /// Set permissions: ferry chmod [-R] MODE user@host:path... (MODE as 755 or u+x,go-w)
    Chmod(chmod::ChmodArgs),
    /// Print remote files: ferry cat user@host:path...
    Cat(cat::CatArgs),
    /// Edit a remote file in your editor, each save uploaded: ferry edit [--editor CMD] URL
    Edit(edit::EditArgs),
    /// Size and free space of the server's file system: ferry df [-h] user@host:path
    Df(df::DfArgs),
    /// Make a server's folder the same as a local one, or back: ferry sync [--dry-run]
    /// [--delete] [--checksum] [--exclude GLOB]... LOCAL user@host:path (or the other way)
    Sync(sync::SyncArgs),
    /// Unfinished transfers: ferry queue [list] | run | clear
    Queue(queue::QueueArgs),
    /// Saved sites: ferry sites list|add|edit|remove|import-ssh-config|import-filezilla|export|import
    Sites(sites::SitesArgs),
    /// Checksums the server computes, printed as sha256sum does: ferry sum [--algo A] URL...
    Sum(serverops::SumArgs),
    /// Copy within one server (server-side where it can be): ferry cp [-r] SRC... DEST
    Cp(serverops::CpArgs),
    /// Make a link on the server: ferry ln [-s] TARGET LINK
    Ln(serverops::LnArgs),
    /// SSH keys: ferry keys list | generate [--type ed25519|ecdsa|rsa] [--out FILE] | install URL | add KEY
    Keys(keys::KeysArgs),
    /// Shell completions: ferry completions bash|zsh|fish > FILE
    Completions(manual::CompletionsArgs),
    /// The manual page (ferry.1), or every page with --dir DIR (for packaging).
    #[command(hide = true)]
    Man(manual::ManArgs),
}

/// Parses the arguments; `None` means "no subcommand: start the GUI" (with the parsed options).
pub fn parse(args: Vec<OsString>) -> Cli {
    Cli::parse_from(args)
}

/// Runs a subcommand to completion and returns the process exit status.
pub fn run(cli: Cli) -> ExitCode {
    crate::logging::init(cli.common.verbose);
    let Some(command) = cli.command else {
        return ExitCode::SUCCESS;
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("ferry: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match command {
            Command::Ls(args) => ls::run(&cli.common, args).await,
            Command::Get(args) => transfer::get(&cli.common, args).await,
            Command::Put(args) => transfer::put(&cli.common, args).await,
            Command::Sync(args) => sync::run(&cli.common, args).await,
            Command::Queue(args) => queue::run_queue(&cli.common, args).await,
            Command::Sites(args) => sites::run(&cli.common, args).await,
            Command::Keys(args) => keys::run(&cli.common, args).await,
            Command::Mkdir(args) => mkdir::run(&cli.common, args).await,
            Command::Rm(args) => rm::run(&cli.common, args).await,
            Command::Mv(args) => mv::run(&cli.common, args).await,
            Command::Chmod(args) => chmod::run(&cli.common, args).await,
            Command::Cat(args) => cat::run(&cli.common, args).await,
            Command::Edit(args) => edit::run(&cli.common, args).await,
            Command::Df(args) => df::run(&cli.common, args).await,
            Command::Completions(args) => manual::completions(args),
            Command::Man(args) => manual::man(args),
            Command::Sum(args) => serverops::sum(&cli.common, args).await,
            Command::Cp(args) => serverops::cp(&cli.common, args).await,
            Command::Ln(args) => serverops::ln(&cli.common, args).await,
        }
    });
    // A keyring call stuck behind an unlock prompt must not keep the process alive.
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("ferry: {}", say::error(&e));
            ExitCode::FAILURE
        }
    }
}

/// On Windows the binary is a GUI program (no console window); a CLI run attaches to the console of
/// the shell that started it so output appears there.
#[cfg(windows)]
pub fn attach_console() {
    // SAFETY: plain Win32 call with a constant argument; failure (no parent console) is harmless.
    unsafe {
        windows_sys::Win32::System::Console::AttachConsole(
            windows_sys::Win32::System::Console::ATTACH_PARENT_PROCESS,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn global_options_go_before_or_after_a_subcommand() {
        for argv in [
            &[
                "ferry",
                "--no-agent",
                "--config-dir",
                "/c",
                "ls",
                "sftp://h/",
            ][..],
            &[
                "ferry",
                "ls",
                "--no-agent",
                "--config-dir",
                "/c",
                "sftp://h/",
            ],
            &[
                "ferry",
                "--config-dir",
                "/c",
                "sites",
                "add",
                "n",
                "sftp://h/",
            ],
        ] {
            let cli = Cli::try_parse_from(argv).unwrap_or_else(|e| panic!("{argv:?}: {e}"));
            assert!(cli.command.is_some() && cli.open.is_none(), "{argv:?}");
            assert_eq!(cli.common.config_dir.as_deref(), Some(Path::new("/c")));
        }
        let gui = Cli::try_parse_from(["ferry", "--no-agent", "sftp://h/"]).unwrap();
        assert_eq!(gui.open.as_deref(), Some("sftp://h/"));
        assert!(gui.command.is_none());
    }
}
