//! The engine against real servers: logins and host keys, listings and file operations, transfers
//! (resume, conflicts, permissions), the edit session, faults (lost links, full disks, denied
//! permissions), jump hosts, load, the fuzz regressions and the demo server. One binary, one
//! module per concern.

mod auth;
#[path = "../common/mod.rs"]
mod common;
mod connections;
mod demo;
mod edit;
mod faults;
mod files;
mod fuzz_regressions;
mod jump;
mod load;
mod manager;
mod proxy;
mod resume;
mod serverops;
mod transfer;
