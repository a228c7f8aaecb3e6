//! The engine: everything a transfer needs and nothing that draws. No GUI crate (iced, rfd) may be
//! used in here; `tests/engine_is_headless.rs` checks it.

pub mod atomic;
pub mod auth;
pub mod dirs;
pub mod entry;
pub mod error;
pub mod fs;
pub mod hostkeys;
pub mod local;
pub mod login;
pub mod name;
pub mod path;
pub mod prompt;
pub mod props;
pub mod secret;
pub mod secrets;
pub mod sftp;
pub mod sftp_bytes;
pub mod sites;
pub mod ssh;
pub mod transfer;
pub mod url;
pub mod wire;
