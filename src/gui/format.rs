//! Sizes, rates, dates and durations written the way the chosen language writes them.
//!
//! The rules live in the Fluent files (`format-*` messages: the decimal point, the unit names, the
//! order of day, month and year), so a translator changes them without touching code; this module
//! only does the arithmetic.

use std::time::SystemTime;

use chrono::{Datelike, Timelike};

use super::text::t;

/// `1.5 MiB` in English, `1,5 Mio` in French: binary units, one decimal above a kibibyte.
pub fn size(n: u64) -> String {
    const UNITS: [&str; 5] = ["b", "kib", "mib", "gib", "tib"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    let value = if u == 0 { n.to_string() } else { decimal(v) };
    t!("format-size", value = value, unit = UNITS[u])
}

/// A transfer rate in bytes a second: `12.3 MiB/s`.
pub fn rate(bytes_per_sec: f64) -> String {
    t!("format-rate", size = size(bytes_per_sec.max(0.0) as u64))
}

/// One decimal, with this language's decimal point.
pub fn decimal(v: f64) -> String {
    let s = format!("{v:.1}");
    let point = t!("format-decimal-point");
    if point == "." {
        s
    } else {
        s.replace('.', &point)
    }
}

/// `at` in local time, or `None` when it lies outside what a calendar shows (years 1 to 9999):
/// tmpfs and btrfs keep any 64-bit mtime, and chrono's own conversion panics beyond its range.
fn local(at: SystemTime) -> Option<chrono::DateTime<chrono::Local>> {
    let (secs, nanos) = match at.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => (i64::try_from(d.as_secs()).ok()?, d.subsec_nanos()),
        Err(e) => {
            let d = e.duration();
            let secs = i64::try_from(d.as_secs()).ok()?;
            match d.subsec_nanos() {
                0 => (secs.checked_neg()?, 0),
                n => (secs.checked_neg()?.checked_sub(1)?, 1_000_000_000 - n),
            }
        }
    };
    let utc = chrono::DateTime::from_timestamp(secs, nanos)?;
    let local = utc.with_timezone(&chrono::Local);
    (1..=9999).contains(&local.year()).then_some(local)
}

/// A local date and time to the minute, as in a file list (empty for a date no calendar shows).
pub fn date_time(at: SystemTime) -> String {
    let Some(local) = local(at) else {
        return String::new();
    };
    t!(
        "format-date-time",
        year = format!("{:04}", local.year()),
        month = format!("{:02}", local.month()),
        day = format!("{:02}", local.day()),
        hour = format!("{:02}", local.hour()),
        minute = format!("{:02}", local.minute())
    )
}

/// A local date and time to the second, where two files are compared (empty for a date no
/// calendar shows).
pub fn date_time_seconds(at: SystemTime) -> String {
    let Some(local) = local(at) else {
        return String::new();
    };
    t!(
        "format-date-time-seconds",
        year = format!("{:04}", local.year()),
        month = format!("{:02}", local.month()),
        day = format!("{:02}", local.day()),
        hour = format!("{:02}", local.hour()),
        minute = format!("{:02}", local.minute()),
        second = format!("{:02}", local.second())
    )
}

/// A time left or taken: `45 s`, `3 min 05 s`, `2 h 10 min`.
pub fn duration(secs: u64) -> String {
    match secs {
        0..60 => t!("format-duration-seconds", s = secs),
        60..3600 => {
            let (m, s) = (secs / 60, format!("{:02}", secs % 60));
            t!("format-duration-minutes", m = m, s = s)
        }
        _ => {
            let (h, m) = (secs / 3600, format!("{:02}", secs / 60 % 60));
            t!("format-duration-hours", h = h, m = m)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_formats() {
        assert_eq!(size(12), "12 B");
        assert_eq!(size(1536), "1.5 KiB");
        assert_eq!(size(3 * 1024 * 1024 * 1024), "3.0 GiB");
        assert_eq!(rate(2.5 * 1024.0 * 1024.0), "2.5 MiB/s");
        assert_eq!(duration(45), "45 s");
        assert_eq!(duration(185), "3 min 05 s");
        assert_eq!(duration(7800), "2 h 10 min");
    }

    #[test]
    fn dates_out_of_any_calendar_are_left_blank_not_a_panic() {
        use std::time::Duration;
        let epoch = SystemTime::UNIX_EPOCH;
        // What tmpfs and btrfs store for `touch -d @<huge>` and `@-<huge>`.
        for at in [
            epoch + Duration::from_secs(u64::MAX / 2),
            epoch + Duration::from_secs(i64::MAX as u64),
            epoch + Duration::from_secs(1 << 40),
            epoch - Duration::from_secs(i64::MAX as u64),
            epoch - Duration::from_secs(1 << 40),
            epoch - Duration::new(1 << 40, 5),
        ] {
            assert_eq!(date_time(at), "", "{at:?}");
            assert_eq!(date_time_seconds(at), "", "{at:?}");
        }
        let ordinary = date_time(epoch + Duration::from_secs(1_700_000_000));
        assert!(ordinary.contains("2023"), "{ordinary}");
        let before_1970 = date_time(epoch - Duration::new(86_400 * 365, 1));
        assert!(
            before_1970.contains("1968") || before_1970.contains("1969"),
            "{before_1970}"
        );
    }
}
