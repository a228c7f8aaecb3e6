//! The translations: every language file complete and consistent, and the language switch in the
//! window. Its own binary because the language is process-wide.

#[path = "../common/mod.rs"]
mod common;
mod files;
mod switch;
