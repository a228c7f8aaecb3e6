//! The Ferry engine: everything a transfer needs and nothing that draws. The GUI and the CLI (the
//! root `ferry` package) are its two faces; this crate's dependency tree has no GUI crate, and
//! `ARCHITECTURE.md` at the repository root is the map of its folders.
//!
//! - [`ssh`]: one SSH connection (connect, host keys, authentication, prompts, the socket).
//! - [`fs`]: the [`fs::FileSystem`] trait, the local disk and a server's files over SFTP, entries,
//!   paths and server-sent names.
//! - [`link`]: the one way to open a server (connect, log in, start SFTP), for every face.
//! - [`transfer`]: jobs of uploads and downloads, their workers, retries and saved queue.
//! - [`sync`]: a local folder and a server's compared into a plan and made the same.
//! - [`edit`]: a server's file edited in a local program, each save uploaded, conflicts refused.
//! - [`keys`]: SSH keys a person owns: making a new pair, listing `~/.ssh` and the agent's.
//! - [`sites`] and [`secrets`]: saved sites and the passwords kept for them in the OS keyring.
//! - [`url`], [`dirs`], [`error`]: addresses people type, where Ferry keeps its files, and the
//!   errors a person can act on.

pub mod dirs;
pub mod display;
pub mod edit;
pub mod error;
pub mod fs;
pub mod keys;
pub mod link;
#[cfg(feature = "props")]
pub mod props;
pub mod secrets;
pub mod sites;
pub mod ssh;
pub mod sync;
pub mod transfer;
pub mod url;
