//! The desktop app (iced). For now a window that shows the local home folder through the engine's
//! `LocalFs`, listed off the UI thread; the two-pane browser grows here (issue: the desktop app).

use std::process::ExitCode;

use iced::widget::{column, container, scrollable, text};
use iced::{Element, Length, Task};

use crate::cli::CommonArgs;
use crate::engine::entry::{Entry, SortKey, sort_entries};
use crate::engine::error::Error;
use crate::engine::fs::{FileSystem, ListOptions};
use crate::engine::local::LocalFs;
use crate::engine::path::FsPath;

/// Starts the GUI and blocks until the window closes.
pub fn run(common: CommonArgs) -> ExitCode {
    crate::logging::init(common.verbose);
    let result = iced::application(App::boot, App::update, App::view)
        .title("Ferry")
        .window_size((1100.0, 720.0))
        .run();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ferry: cannot open a window: {e}");
            ExitCode::FAILURE
        }
    }
}

#[derive(Debug, Default)]
pub struct App {
    folder: Option<FsPath>,
    entries: Vec<Entry>,
    error: Option<Error>,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The local home folder was listed (or could not be).
    Listed(Result<(FsPath, Vec<Entry>), Error>),
}

impl App {
    fn boot() -> (App, Task<Message>) {
        (App::default(), Task::perform(list_home(), Message::Listed))
    }

    fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Listed(Ok((folder, entries))) => {
                self.folder = Some(folder);
                self.entries = entries;
                self.error = None;
            }
            Message::Listed(Err(e)) => self.error = Some(e),
        }
        Task::none()
    }

    fn view(&self) -> Element<'_, Message> {
        let header = text(match &self.folder {
            Some(f) => format!("Local: {f}"),
            None => "Local: loading…".to_string(),
        })
        .size(18);
        let mut rows = column![].spacing(2);
        if let Some(e) = &self.error {
            rows = rows.push(text(e.to_string()));
        }
        for e in &self.entries {
            let size = e
                .size
                .filter(|_| !e.is_dir_like())
                .map(|s| format!("{s} B"))
                .unwrap_or_default();
            let name = if e.is_dir_like() {
                format!("{}/", e.display)
            } else {
                e.display.clone()
            };
            rows = rows
                .push(iced::widget::row![text(name).width(Length::Fill), text(size)].spacing(12));
        }
        container(column![header, scrollable(rows).height(Length::Fill)].spacing(10))
            .padding(12)
            .into()
    }
}

async fn list_home() -> Result<(FsPath, Vec<Entry>), Error> {
    let fs = LocalFs;
    let home = fs.home().await?;
    let mut entries: Vec<Entry> = fs
        .list(&home, ListOptions::default())
        .await?
        .entries
        .into_iter()
        .filter(|e| !e.is_hidden())
        .collect();
    sort_entries(&mut entries, SortKey::Name, false);
    Ok((home, entries))
}
