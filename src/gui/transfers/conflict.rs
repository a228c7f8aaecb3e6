//! The "file exists" dialog: both files side by side (size, modified), the five choices, and
//! "apply to the rest of this transfer".

use std::time::SystemTime;

use iced::widget::{button, checkbox, column, container, row, text};
use iced::{Element, Length};

use crate::gui::format;
use crate::gui::text::t;
use crate::gui::transfers::{Message, Transfers};
use ferry_engine::fs::name::escape_for_display;
use ferry_engine::transfer::ConflictPolicy;

fn when(t: Option<SystemTime>) -> String {
    t.map(format::date_time_seconds)
        .unwrap_or_else(|| "?".into())
}

impl Transfers {
    /// The dialog for the oldest conflict waiting, if any.
    pub fn conflict_view(&self) -> Option<Element<'_, Message>> {
        let info = self.conflict()?;
        let side = |label: String, path: String, size: Option<u64>, mtime| {
            column![
                text(label).size(13),
                text(path).size(13),
                text(format!(
                    "{} · {}",
                    size.map(format::size).unwrap_or_else(|| "?".into()),
                    when(mtime)
                ))
                .size(12),
            ]
            .spacing(2)
        };
        let choice = |label: String, policy: ConflictPolicy| {
            button(text(label).size(13))
                .padding([4, 10])
                .on_press(Message::Answer(Some(policy)))
        };
        // SFTP keeps whole seconds: closer than that is "the same time".
        let secs = |t: SystemTime| {
            t.duration_since(SystemTime::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0)
        };
        let newer = match (info.src_mtime.map(secs), info.dst_mtime.map(secs)) {
            (Some(s), Some(d)) if s > d => Some(t!("conflict-source-newer")),
            (Some(s), Some(d)) if s < d => Some(t!("conflict-target-newer")),
            _ => None,
        };
        let mut body = column![
            text(t!("conflict-title")).size(20),
            text(t!("conflict-body")),
            side(
                t!("conflict-existing"),
                escape_for_display(&info.dst.display_lossy()),
                info.dst_size,
                info.dst_mtime
            ),
            side(
                t!("conflict-new"),
                escape_for_display(&info.src.display_lossy()),
                Some(info.src_size),
                info.src_mtime
            ),
        ]
        .spacing(10);
        if let Some(n) = newer {
            body = body.push(text(n).size(13));
        }
        let resumable = info.dst_size.is_some_and(|d| d < info.src_size);
        let mut choices = row![
            choice(t!("conflict-overwrite"), ConflictPolicy::Overwrite).style(button::danger),
            choice(t!("conflict-if-newer"), ConflictPolicy::OverwriteIfNewer),
        ]
        .spacing(6);
        if resumable {
            choices = choices.push(choice(t!("conflict-resume"), ConflictPolicy::Resume));
        }
        choices = choices
            .push(choice(t!("conflict-rename"), ConflictPolicy::Rename))
            .push(
                button(text(t!("conflict-skip")).size(13))
                    .padding([4, 10])
                    .style(button::secondary)
                    .on_press(Message::Answer(Some(ConflictPolicy::Skip))),
            );
        body = body.push(choices).push(
            checkbox(self.apply_to_all)
                .label(t!("conflict-apply-all"))
                .on_toggle(Message::ApplyToAll),
        );
        Some(
            container(body)
                .padding(20)
                .width(Length::Fixed(620.0))
                .style(container::bordered_box)
                .into(),
        )
    }
}
