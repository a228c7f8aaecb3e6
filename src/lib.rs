//! Ferry: a desktop SFTP client. One engine (no GUI code), two faces: the iced GUI and the CLI.

pub mod cli;
pub mod demo;
pub mod engine;
pub mod gui;
pub mod icon;
pub mod logging;
