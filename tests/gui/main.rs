//! The window (iced_test, and the real window under Xvfb): panes, sites, host-key questions, the
//! transfer panel and queue, Settings → Keys, "Set up key login…", and every view.

mod app;
#[path = "../common/mod.rs"]
mod common;
mod e2e;
mod edit;
mod hostkey;
mod keylogin;
mod keys;
mod panel;
mod queue;
mod serverops;
mod sites;
mod views;
