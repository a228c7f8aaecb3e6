//! The `ferry` command as a person runs it: `ls`, `get`, `put`, the file commands (`files.rs`),
//! `edit` with scripted editors (`edit.rs`),
//! `queue`, `sites` (a saved proxy's password too), `keys`, and the OS
//! keyring in a private D-Bus session.

#[path = "../common/mod.rs"]
mod common;
mod edit;
mod files;
mod keys;
mod keys_agent;
mod ls;
mod queue;
mod sites_keyring;
mod sync;
