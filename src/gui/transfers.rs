//! The transfer panel: one row per job (direction, name, progress bar, bytes, rate, ETA, status)
//! with pause / resume / cancel, and the failures with the error a person can act on. Jobs run in
//! tasks; their engine events arrive as messages.

use std::sync::Arc;

use iced::futures::{SinkExt, Stream};
use iced::widget::{button, column, container, progress_bar, row, scrollable, text};
use iced::{Element, Fill, Length, Task};
use tokio::sync::mpsc;

use crate::engine::error::Error;
use crate::engine::transfer::progress::{Snapshot, human_bytes};
use crate::engine::transfer::{
    Control, Direction, Event, JobSpec, JobSummary, Pool, TransferOptions, run_job,
};
use crate::gui::text::{error_text, t};

#[derive(Debug, Clone)]
pub enum Message {
    Event(u64, Event),
    Finished(u64, Result<JobSummary, Error>),
    Pause(u64),
    Resume(u64),
    Cancel(u64),
    ClearFinished,
}

#[derive(Debug, Clone, PartialEq)]
enum State {
    Running,
    Paused,
    Done,
    Failed(u64),
    Cancelled,
    Error(String),
}

#[derive(Debug)]
struct Job {
    id: u64,
    direction: Direction,
    label: String,
    control: Control,
    progress: Snapshot,
    state: State,
    errors: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Transfers {
    jobs: Vec<Job>,
    next_id: u64,
}

/// A finished job's direction, for refreshing the destination pane.
pub struct Finished(pub Direction);

impl Transfers {
    pub fn start(
        &mut self,
        pool: Arc<Pool>,
        spec: JobSpec,
        opts: TransferOptions,
    ) -> Task<Message> {
        self.next_id += 1;
        let id = self.next_id;
        let label = match spec.sources.as_slice() {
            [one] => one
                .file_name()
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default(),
            many => format!("{} items", many.len()),
        };
        let control = Control::new();
        self.jobs.push(Job {
            id,
            direction: spec.direction,
            label,
            control: control.clone(),
            progress: Snapshot::default(),
            state: State::Running,
            errors: Vec::new(),
        });
        Task::run(job_stream(id, pool, spec, opts, control), |m| m)
    }

    pub fn update(&mut self, message: Message) -> Option<Finished> {
        fn find(jobs: &mut [Job], id: u64) -> Option<&mut Job> {
            jobs.iter_mut().find(|j| j.id == id)
        }
        match message {
            Message::Event(id, ev) => {
                let job = find(&mut self.jobs, id)?;
                match ev {
                    Event::Progress(s) => job.progress = s,
                    Event::FileFailed { src, error } => {
                        job.errors.push(format!("{src}: {}", error_text(&error)))
                    }
                    _ => {}
                }
            }
            Message::Finished(id, result) => {
                let job = find(&mut self.jobs, id)?;
                job.state = match result {
                    Err(e) => State::Error(error_text(&e)),
                    Ok(_)
                        if job.control.state()
                            == crate::engine::transfer::control::RunState::Cancelled =>
                    {
                        State::Cancelled
                    }
                    Ok(s) if s.files_failed > 0 => State::Failed(s.files_failed),
                    Ok(_) => State::Done,
                };
                return Some(Finished(job.direction));
            }
            Message::Pause(id) => {
                let job = find(&mut self.jobs, id)?;
                job.control.pause();
                job.state = State::Paused;
            }
            Message::Resume(id) => {
                let job = find(&mut self.jobs, id)?;
                job.control.resume();
                job.state = State::Running;
            }
            Message::Cancel(id) => find(&mut self.jobs, id)?.control.cancel(),
            Message::ClearFinished => self
                .jobs
                .retain(|j| matches!(j.state, State::Running | State::Paused)),
        }
        None
    }

    pub fn view(&self) -> Element<'_, Message> {
        let header = row![
            text(t("transfers")).size(15).width(Fill),
            button(text(t("clear-finished")).size(13))
                .on_press(Message::ClearFinished)
                .style(button::secondary),
        ]
        .align_y(iced::Center);
        if self.jobs.is_empty() {
            return column![header, text(t("no-transfers")).size(13)]
                .spacing(6)
                .into();
        }
        let mut list = column![].spacing(4);
        for job in self.jobs.iter().rev() {
            list = list.push(job_view(job));
        }
        column![header, scrollable(list).height(Fill)]
            .spacing(6)
            .into()
    }
}

fn job_view(job: &Job) -> Element<'_, Message> {
    let p = &job.progress;
    let frac = if p.bytes_total > 0 {
        p.bytes_done as f32 / p.bytes_total as f32
    } else {
        0.0
    };
    let arrow = match job.direction {
        Direction::Upload => "↑",
        Direction::Download => "↓",
    };
    let status = match &job.state {
        State::Running => t("running").to_string(),
        State::Paused => t("paused").to_string(),
        State::Done => t("done").to_string(),
        State::Failed(n) => format!("{} ({n})", t("failed")),
        State::Cancelled => t("cancelled").to_string(),
        State::Error(e) => e.clone(),
    };
    let eta = p
        .eta
        .map(|d| format!(" · ETA {}s", d.as_secs()))
        .unwrap_or_default();
    let detail = format!(
        "{} / {} · {}/s{eta} · {}/{} files",
        human_bytes(p.bytes_done),
        human_bytes(p.bytes_total),
        human_bytes(p.rate as u64),
        p.files_done,
        p.files_total
    );
    let cancel = || {
        button(text(t("cancel")).size(12))
            .on_press(Message::Cancel(job.id))
            .style(button::danger)
    };
    let toggle = |label, message| {
        button(text(t(label)).size(12))
            .on_press(message)
            .style(button::secondary)
    };
    let controls = match job.state {
        State::Running => row![toggle("pause", Message::Pause(job.id)), cancel()],
        State::Paused => row![toggle("resume", Message::Resume(job.id)), cancel()],
        _ => row![],
    }
    .spacing(4);
    let mut col = column![
        row![
            text(format!("{arrow} {}", job.label))
                .size(13)
                .width(Length::FillPortion(3)),
            progress_bar(0.0..=1.0, frac)
                .length(Length::FillPortion(3))
                .girth(10),
            text(detail).size(12).width(Length::FillPortion(4)),
            text(status).size(12).width(Length::FillPortion(2)),
            controls,
        ]
        .spacing(8)
        .align_y(iced::Center)
    ];
    for e in job.errors.iter().take(5) {
        col = col.push(text(e.clone()).size(12).style(text::danger));
    }
    container(col).padding(4).width(Fill).into()
}

fn job_stream(
    id: u64,
    pool: Arc<Pool>,
    spec: JobSpec,
    opts: TransferOptions,
    control: Control,
) -> impl Stream<Item = Message> {
    iced::stream::channel(
        64,
        async move |mut out: iced::futures::channel::mpsc::Sender<Message>| {
            let (tx, mut rx) = mpsc::unbounded_channel();
            let job = run_job(pool, spec, opts, control, tx);
            tokio::pin!(job);
            // Per-file progress is not shown yet: it is dropped here rather than flood the UI.
            let wanted = |ev: &Event| !matches!(ev, Event::FileProgress { .. });
            let result = loop {
                tokio::select! {
                    r = &mut job => break r,
                    Some(ev) = rx.recv() => {
                        if wanted(&ev) {
                            let _ = out.send(Message::Event(id, ev)).await;
                        }
                    }
                }
            };
            while let Ok(ev) = rx.try_recv() {
                if wanted(&ev) {
                    let _ = out.send(Message::Event(id, ev)).await;
                }
            }
            let _ = out.send(Message::Finished(id, result)).await;
        },
    )
}
