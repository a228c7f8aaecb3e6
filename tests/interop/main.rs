//! Other servers than OpenSSH's sshd: the interop matrix (dropbear, ProFTPD's mod_sftp, AsyncSSH,
//! Paramiko) and the hostile AsyncSSH server that sends what a server should not.

#[path = "../common/mod.rs"]
mod common;
mod hostile;
mod matrix;
mod peers;
mod sums;
