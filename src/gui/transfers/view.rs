//! The transfer panel's look: tabs (Queue, Failed, Finished, Log) with counts, the totals line
//! with Pause all / Resume all / Cancel all, one row per job with its progress, and the failed
//! files each with its error and Retry.

use iced::widget::{button, column, container, progress_bar, row, scrollable, space, text};
use iced::{Element, Fill, Length};

use crate::gui::format;
use crate::gui::text::{error_text, t};
use crate::gui::transfers::{Message, Tab, Transfers, label_of, shown};
use ferry_engine::fs::name::escape_for_display;
use ferry_engine::transfer::Direction;
use ferry_engine::transfer::manager::{Job, Status};

fn arrow(d: Direction) -> &'static str {
    match d {
        Direction::Upload => "↑",
        Direction::Download => "↓",
    }
}

fn small(label: String, message: Message) -> iced::widget::Button<'static, Message> {
    button(text(label).size(12))
        .padding([2, 8])
        .on_press(message)
        .style(button::secondary)
}

impl Transfers {
    pub fn view(&self) -> Element<'_, Message> {
        let jobs = self.manager.jobs();
        let queued = jobs.iter().filter(|j| j.active()).count();
        let finished = jobs.len() - queued;
        let tab = |tab: Tab, label: String| {
            let b = button(text(label).size(13))
                .padding([3, 10])
                .on_press(Message::Tab(tab));
            if self.tab == tab {
                b.style(button::primary)
            } else {
                b.style(button::text)
            }
        };
        let mut bar = row![
            tab(Tab::Queue, t!("tab-queue", count = queued)),
            tab(
                Tab::Failed,
                t!("tab-failed", count = self.manager.failed().len())
            ),
            tab(Tab::Finished, t!("tab-finished", count = finished)),
            tab(Tab::Log, t!("tab-log", count = self.log.len())),
            space::horizontal(),
        ]
        .spacing(4)
        .align_y(iced::Center);
        match self.tab {
            Tab::Queue if queued > 0 => {
                bar = bar.push(text(self.totals()).size(12)).push(
                    row![
                        small(t!("pause-all"), Message::PauseAll),
                        small(t!("resume-all"), Message::ResumeAll),
                        small(t!("cancel-all"), Message::CancelAll).style(button::danger),
                    ]
                    .spacing(4),
                )
            }
            Tab::Failed if !self.manager.failed().is_empty() => {
                bar = bar.push(
                    row![
                        small(t!("retry-all"), Message::RetryAll).style(button::primary),
                        small(t!("clear"), Message::ClearFailed),
                    ]
                    .spacing(4),
                )
            }
            Tab::Finished if finished > 0 => {
                bar = bar.push(small(t!("clear-finished"), Message::ClearFinished))
            }
            _ => {}
        }
        let body: Element<'_, Message> = match self.tab {
            Tab::Queue => {
                let waiting = self.waiting();
                let empty = if !waiting.is_empty() {
                    waiting.join("\n")
                } else if finished > 0 {
                    t!("queue-empty")
                } else {
                    t!("no-transfers")
                };
                self.list(true, empty)
            }
            Tab::Finished => self.list(false, t!("no-finished")),
            Tab::Failed => self.failed_view(),
            Tab::Log => self.log_view(),
        };
        column![bar, body].spacing(6).into()
    }

    /// Bytes and rate over every job still going.
    fn totals(&self) -> String {
        let (mut done, mut total, mut rate) = (0u64, 0u64, 0f64);
        for j in self.manager.jobs().iter().filter(|j| j.active()) {
            done += j.progress.bytes_done;
            total += j.progress.bytes_total;
            rate += j.progress.rate;
        }
        t!(
            "transfer-totals",
            done = format::size(done),
            total = format::size(total),
            rate = format::rate(rate)
        )
    }

    fn list(&self, active: bool, empty: String) -> Element<'_, Message> {
        let jobs: Vec<&Job> = self
            .manager
            .jobs()
            .iter()
            .rev()
            .filter(|j| j.active() == active)
            .collect();
        if jobs.is_empty() {
            return text(empty).size(13).into();
        }
        scrollable(column(jobs.into_iter().map(job_view)).spacing(2))
            .height(Fill)
            .into()
    }

    fn failed_view(&self) -> Element<'_, Message> {
        let failed = self.manager.failed();
        if failed.is_empty() {
            return text(t!("no-failed")).size(13).into();
        }
        let rows = failed.iter().enumerate().map(|(i, f)| {
            let what = match &f.file {
                Some(file) => shown(file),
                None => label_of(&f.retry),
            };
            row![
                text(format!("{} {what}", arrow(f.direction)))
                    .size(13)
                    .width(Length::FillPortion(2)),
                text(error_text(&f.error))
                    .size(12)
                    .style(text::danger)
                    .width(Length::FillPortion(4)),
                small(t!("retry"), Message::Retry(i)),
            ]
            .spacing(8)
            .align_y(iced::Center)
            .into()
        });
        scrollable(column(rows).spacing(4)).height(Fill).into()
    }

    fn log_view(&self) -> Element<'_, Message> {
        if self.log.is_empty() {
            return text(t!("no-log")).size(13).into();
        }
        let lines = self.log.iter().map(|l| {
            let line = text(format!("{}  {}", l.at.format("%H:%M:%S"), l.text))
                .size(12)
                .font(iced::Font::MONOSPACE);
            if l.error {
                line.style(text::danger).into()
            } else {
                line.into()
            }
        });
        scrollable(column(lines).spacing(1))
            .anchor_bottom()
            .height(Fill)
            .width(Fill)
            .into()
    }
}

fn job_view(job: &Job) -> Element<'_, Message> {
    let p = &job.progress;
    let frac = if p.bytes_total > 0 {
        p.bytes_done as f32 / p.bytes_total as f32
    } else if job.status == Status::Done {
        1.0
    } else {
        0.0
    };
    let status = match &job.status {
        Status::Running => t!("running"),
        Status::Paused => t!("paused"),
        Status::Done => t!("done"),
        Status::Failed(n) => {
            let n = *n;
            t!("job-failed-files", count = n)
        }
        Status::Cancelled => t!("cancelled"),
        Status::Error(e) => error_text(e),
    };
    let eta = match (&job.status, p.eta) {
        (Status::Running, Some(d)) => Some(format::duration(d.as_secs())),
        _ => None,
    };
    let done = format::size(p.bytes_done);
    let total = format::size(p.bytes_total);
    let rate = format::rate(p.rate);
    let files = t!("job-files", done = p.files_done, count = p.files_total);
    let detail = match eta {
        Some(eta) => t!(
            "job-detail-eta",
            done = done,
            total = total,
            rate = rate,
            eta = eta,
            files = files
        ),
        None => t!(
            "job-detail",
            done = done,
            total = total,
            rate = rate,
            files = files
        ),
    };
    let controls = match job.status {
        Status::Running => row![
            small(t!("pause"), Message::Pause(job.id)),
            small(t!("cancel"), Message::Cancel(job.id)).style(button::danger)
        ],
        Status::Paused => row![
            small(t!("resume"), Message::Resume(job.id)),
            small(t!("cancel"), Message::Cancel(job.id)).style(button::danger)
        ],
        _ => row![],
    }
    .spacing(4);
    // A folder or several files: also the file being copied now.
    let label = label_of(&job.spec);
    let current = job
        .current
        .as_ref()
        .and_then(|c| c.file_name())
        .map(|n| escape_for_display(&String::from_utf8_lossy(n)));
    let arrow = arrow(job.direction());
    let name = match (current, job.active()) {
        (Some(c), true) if c != label => format!("{arrow} {label}  ·  {c}"),
        _ => format!("{arrow} {label}"),
    };
    container(
        row![
            text(name)
                .size(13)
                .width(Length::FillPortion(3))
                .wrapping(text::Wrapping::None),
            progress_bar(0.0..=1.0, frac)
                .length(Length::FillPortion(3))
                .girth(10),
            text(detail).size(12).width(Length::FillPortion(4)),
            text(status).size(12).width(Length::FillPortion(2)),
            controls,
        ]
        .spacing(8)
        .align_y(iced::Center),
    )
    .padding([3, 4])
    .width(Fill)
    .into()
}
