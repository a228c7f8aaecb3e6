//! Progress counters shared by a job's workers, and the throttled snapshots sent to the UI: bytes
//! and files done/total, a smoothed rate and an ETA, at most ~10 a second.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[derive(Debug, Default)]
pub struct Counters {
    /// Bytes of the job's files that are in place: what each file copied plus what an earlier
    /// attempt had left (a resumed prefix). A failed file's bytes are taken back out.
    pub bytes_done: AtomicU64,
    /// Bytes carried this run, never taken back: what the rate is measured on (a resumed prefix
    /// is not carried, and counting it would show a burst of speed that never happened).
    pub bytes_moved: AtomicU64,
    /// Bytes that files copied to the end found already there (resumed prefixes).
    pub bytes_resumed: AtomicU64,
    pub bytes_total: AtomicU64,
    pub files_done: AtomicU64,
    pub files_failed: AtomicU64,
    pub files_skipped: AtomicU64,
    pub files_total: AtomicU64,
}

impl Counters {
    /// Adds `n`, saturating: a server may claim a size of 2^64-1, which must not wrap the totals.
    pub fn add(c: &AtomicU64, n: u64) {
        let _ = c.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |v| {
            Some(v.saturating_add(n))
        });
    }

    pub fn sub(c: &AtomicU64, n: u64) {
        let _ = c.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |v| {
            Some(v.saturating_sub(n))
        });
    }

    pub fn get(c: &AtomicU64) -> u64 {
        c.load(Ordering::Relaxed)
    }
}

/// One progress report for a whole job.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Snapshot {
    pub bytes_done: u64,
    /// Bytes known so far (grows while folders are still being walked).
    pub bytes_total: u64,
    pub files_done: u64,
    pub files_failed: u64,
    pub files_skipped: u64,
    pub files_total: u64,
    /// Bytes per second, smoothed.
    pub rate: f64,
    pub eta: Option<Duration>,
    /// True once the walk has finished, so totals are final.
    pub totals_final: bool,
}

/// Turns counter readings into snapshots with an exponentially smoothed rate.
#[derive(Debug)]
pub struct RateMeter {
    last: Option<(Instant, u64)>,
    rate: f64,
}

impl Default for RateMeter {
    fn default() -> Self {
        RateMeter {
            last: None,
            rate: 0.0,
        }
    }
}

impl RateMeter {
    pub fn snapshot(&mut self, c: &Counters, totals_final: bool) -> Snapshot {
        let now = Instant::now();
        let done = Counters::get(&c.bytes_done);
        let moved = Counters::get(&c.bytes_moved);
        if let Some((t, b)) = self.last {
            let dt = now.duration_since(t).as_secs_f64();
            if dt > 0.0 {
                let inst = moved.saturating_sub(b) as f64 / dt;
                // ~1 s time constant at 10 samples a second.
                self.rate = if self.rate == 0.0 {
                    inst
                } else {
                    self.rate * 0.8 + inst * 0.2
                };
            }
        }
        self.last = Some((now, moved));
        let total = Counters::get(&c.bytes_total);
        let eta = (totals_final && self.rate > 1.0)
            .then(|| Duration::from_secs_f64(total.saturating_sub(done) as f64 / self.rate));
        Snapshot {
            bytes_done: done,
            bytes_total: total,
            files_done: Counters::get(&c.files_done),
            files_failed: Counters::get(&c.files_failed),
            files_skipped: Counters::get(&c.files_skipped),
            files_total: Counters::get(&c.files_total),
            rate: self.rate,
            eta,
            totals_final,
        }
    }
}

/// `1.5 MiB`-style sizes.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 6] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human() {
        assert_eq!(human_bytes(12), "12 B");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(3 * 1024 * 1024 * 1024), "3.0 GiB");
    }

    #[test]
    fn rate_and_eta() {
        let c = Counters::default();
        Counters::add(&c.bytes_total, 1000);
        let mut m = RateMeter::default();
        m.snapshot(&c, true);
        std::thread::sleep(Duration::from_millis(100));
        Counters::add(&c.bytes_done, 100);
        Counters::add(&c.bytes_moved, 100);
        let s = m.snapshot(&c, true);
        assert!(s.rate > 100.0, "{s:?}");
        assert!(s.eta.is_some());
    }

    #[test]
    fn a_resumed_prefix_is_not_speed() {
        let c = Counters::default();
        Counters::add(&c.bytes_total, 1 << 30);
        let mut m = RateMeter::default();
        m.snapshot(&c, true);
        std::thread::sleep(Duration::from_millis(100));
        // 900 MiB found in place, 1 MiB carried.
        Counters::add(&c.bytes_done, (900 << 20) + (1 << 20));
        Counters::add(&c.bytes_moved, 1 << 20);
        let s = m.snapshot(&c, true);
        assert_eq!(s.bytes_done, 901 << 20);
        assert!(s.rate < 20.0 * (1 << 20) as f64, "{s:?}");
        // A retry taking bytes back does not stall the rate at zero either.
        std::thread::sleep(Duration::from_millis(100));
        Counters::sub(&c.bytes_done, 1 << 20);
        Counters::add(&c.bytes_moved, 1 << 20);
        assert!(m.snapshot(&c, true).rate > 1.0);
    }
}
