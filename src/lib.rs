//! Ferry: a desktop SFTP client. The engine (`ferry_engine`, no GUI code) has two faces here: the
//! iced GUI and the CLI. `ARCHITECTURE.md` at the repository root is the map.

pub mod cli;
pub mod gui;
pub mod icon;
pub mod logging;
