//! The transfer panel's look: tabs (Queue, Failed, Finished, Log) with counts, the totals line
//! with Pause all / Resume all / Cancel all, one row per job with its progress, and the failed
//! files each with its error and Retry.

use iced::widget::{button, column, container, progress_bar, row, scrollable, space, text};
use iced::{Element, Fill, Length};

use crate::engine::transfer::Direction;
use crate::engine::transfer::progress::human_bytes;
use crate::gui::text::t;
use crate::gui::transfers::{Job, Message, State, Tab, Transfers};

fn arrow(d: Direction) -> &'static str {
    match d {
        Direction::Upload => "↑",
        Direction::Download => "↓",
    }
}

fn small(label: &'static str, message: Message) -> iced::widget::Button<'static, Message> {
    button(text(t(label)).size(12))
        .padding([2, 8])
        .on_press(message)
        .style(button::secondary)
}

fn eta(secs: u64) -> String {
    match secs {
        0..60 => format!("{secs}s"),
        60..3600 => format!("{}m {:02}s", secs / 60, secs % 60),
        _ => format!("{}h {:02}m", secs / 3600, secs / 60 % 60),
    }
}

impl Transfers {
    pub fn view(&self) -> Element<'_, Message> {
        let queued = self.jobs.iter().filter(|j| j.active()).count();
        let finished = self.jobs.len() - queued;
        let tab = |tab: Tab, label: &'static str, n: usize| {
            let b = button(text(format!("{} ({n})", t(label))).size(13))
                .padding([3, 10])
                .on_press(Message::Tab(tab));
            if self.tab == tab {
                b.style(button::primary)
            } else {
                b.style(button::text)
            }
        };
        let mut bar = row![
            tab(Tab::Queue, "tab-queue", queued),
            tab(Tab::Failed, "tab-failed", self.failed.len()),
            tab(Tab::Finished, "tab-finished", finished),
            tab(Tab::Log, "tab-log", self.log.len()),
            space::horizontal(),
        ]
        .spacing(4)
        .align_y(iced::Center);
        match self.tab {
            Tab::Queue if queued > 0 => {
                bar = bar.push(text(self.totals()).size(12)).push(
                    row![
                        small("pause-all", Message::PauseAll),
                        small("resume-all", Message::ResumeAll),
                        small("cancel-all", Message::CancelAll).style(button::danger),
                    ]
                    .spacing(4),
                )
            }
            Tab::Failed if !self.failed.is_empty() => {
                bar = bar.push(
                    row![
                        small("retry-all", Message::RetryAll).style(button::primary),
                        small("clear", Message::ClearFailed),
                    ]
                    .spacing(4),
                )
            }
            Tab::Finished if finished > 0 => {
                bar = bar.push(small("clear-finished", Message::ClearFinished))
            }
            _ => {}
        }
        let body: Element<'_, Message> = match self.tab {
            Tab::Queue if finished > 0 => self.list(true, "queue-empty"),
            Tab::Queue => self.list(true, "no-transfers"),
            Tab::Finished => self.list(false, "no-finished"),
            Tab::Failed => self.failed_view(),
            Tab::Log => self.log_view(),
        };
        column![bar, body].spacing(6).into()
    }

    /// Bytes and rate over every job still going.
    fn totals(&self) -> String {
        let (mut done, mut total, mut rate) = (0u64, 0u64, 0f64);
        for j in self.jobs.iter().filter(|j| j.active()) {
            done += j.progress.bytes_done;
            total += j.progress.bytes_total;
            rate += j.progress.rate;
        }
        format!(
            "{} / {} · {}/s",
            human_bytes(done),
            human_bytes(total),
            human_bytes(rate as u64)
        )
    }

    fn list(&self, active: bool, empty: &'static str) -> Element<'_, Message> {
        let jobs: Vec<&Job> = self
            .jobs
            .iter()
            .rev()
            .filter(|j| j.active() == active)
            .collect();
        if jobs.is_empty() {
            return text(t(empty)).size(13).into();
        }
        scrollable(column(jobs.into_iter().map(job_view)).spacing(2))
            .height(Fill)
            .into()
    }

    fn failed_view(&self) -> Element<'_, Message> {
        if self.failed.is_empty() {
            return text(t("no-failed")).size(13).into();
        }
        let rows = self.failed.iter().enumerate().map(|(i, f)| {
            row![
                text(format!("{} {}", arrow(f.direction), f.what))
                    .size(13)
                    .width(Length::FillPortion(2)),
                text(f.error.clone())
                    .size(12)
                    .style(text::danger)
                    .width(Length::FillPortion(4)),
                small("retry", Message::Retry(i)),
            ]
            .spacing(8)
            .align_y(iced::Center)
            .into()
        });
        scrollable(column(rows).spacing(4)).height(Fill).into()
    }

    fn log_view(&self) -> Element<'_, Message> {
        if self.log.is_empty() {
            return text(t("no-log")).size(13).into();
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
    } else if job.state == State::Done {
        1.0
    } else {
        0.0
    };
    let status = match &job.state {
        State::Running => t("running").to_string(),
        State::Paused => t("paused").to_string(),
        State::Done => t("done").to_string(),
        State::Failed(n) => format!("{} ({n})", t("failed")),
        State::Cancelled => t("cancelled").to_string(),
        State::Error(e) => e.clone(),
    };
    let eta = match (&job.state, p.eta) {
        (State::Running, Some(d)) => format!(" · {} {}", t("eta"), eta(d.as_secs())),
        _ => String::new(),
    };
    let detail = format!(
        "{} / {} · {}/s{eta} · {}/{} {}",
        human_bytes(p.bytes_done),
        human_bytes(p.bytes_total),
        human_bytes(p.rate as u64),
        p.files_done,
        p.files_total,
        t("files")
    );
    let controls = match job.state {
        State::Running => row![
            small("pause", Message::Pause(job.id)),
            small("cancel", Message::Cancel(job.id)).style(button::danger)
        ],
        State::Paused => row![
            small("resume", Message::Resume(job.id)),
            small("cancel", Message::Cancel(job.id)).style(button::danger)
        ],
        _ => row![],
    }
    .spacing(4);
    // A folder or several files: also the file being copied now.
    let name = match (&job.current, job.active()) {
        (Some(c), true) if *c != job.label => {
            format!("{} {}  ·  {c}", arrow(job.direction), job.label)
        }
        _ => format!("{} {}", arrow(job.direction), job.label),
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
