//! A bandwidth limit: a token bucket the data path takes from before it sends each request (a read
//! asked for, a write sent), so that the bytes a job moves per second stay at the limit over any
//! stretch longer than a fraction of a second. One `RateLimit` can be shared by several jobs (the
//! window's global limit) and changed while they run; 0 means no limit.
//!
//! The bucket holds at most a tenth of a second's bytes (at least one 256 KiB request), so a
//! job never bursts past the limit for long. A request bigger than what is in the bucket is let
//! through at once and paid back: the next take waits until the debt is covered.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Clone)]
pub struct RateLimit(Arc<Bucket>);

struct Bucket {
    /// Bytes per second; 0: no limit.
    rate: AtomicU64,
    state: Mutex<State>,
}

struct State {
    /// Bytes that may go now (negative: owed).
    tokens: f64,
    at: Instant,
}

impl std::fmt::Debug for RateLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("RateLimit").field(&self.rate()).finish()
    }
}

impl RateLimit {
    /// A limit of `bytes_per_sec` (0: none).
    pub fn new(bytes_per_sec: u64) -> RateLimit {
        RateLimit(Arc::new(Bucket {
            rate: AtomicU64::new(bytes_per_sec),
            state: Mutex::new(State {
                tokens: 0.0,
                at: Instant::now(),
            }),
        }))
    }

    pub fn rate(&self) -> u64 {
        self.0.rate.load(Ordering::Relaxed)
    }

    /// Changes the limit for every job sharing it (0: none).
    pub fn set(&self, bytes_per_sec: u64) {
        self.0.rate.store(bytes_per_sec, Ordering::Relaxed);
    }

    /// Waits until `bytes` may be sent.
    pub async fn take(&self, bytes: u64) {
        let wait = self.debit(bytes, Instant::now());
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
    }

    /// Takes `bytes` out of the bucket at `now`; how long the caller waits to have paid for them.
    fn debit(&self, bytes: u64, now: Instant) -> Duration {
        let rate = self.rate();
        let mut s = self.0.state.lock().unwrap_or_else(|p| p.into_inner());
        if rate == 0 {
            s.tokens = 0.0;
            s.at = now;
            return Duration::ZERO;
        }
        let rate = rate as f64;
        let cap = (rate / 10.0).max(256.0 * 1024.0);
        let elapsed = now.saturating_duration_since(s.at).as_secs_f64();
        s.tokens = (s.tokens + elapsed * rate).min(cap);
        s.at = now;
        s.tokens -= bytes as f64;
        if s.tokens >= 0.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64(-s.tokens / rate)
        }
    }
}

/// Parses a rate as people write it: `500K`, `2M`, `1.5M`, `1G` (binary units, as curl's
/// `--limit-rate` and rclone's `--bwlimit`; a trailing `B`, `iB` or `/s` is allowed), or plain
/// bytes per second. `None` for anything else, or for 0.
pub fn parse_rate(text: &str) -> Option<u64> {
    let t = text.trim();
    let t = t.strip_suffix("/s").unwrap_or(t);
    let t = t
        .strip_suffix("iB")
        .or_else(|| t.strip_suffix('B'))
        .unwrap_or(t);
    let (num, unit) = match t.char_indices().last()? {
        (i, c) if c.is_ascii_alphabetic() => (&t[..i], c.to_ascii_uppercase()),
        _ => (t, ' '),
    };
    let scale = match unit {
        ' ' => 1.0,
        'K' => 1024.0,
        'M' => 1024.0 * 1024.0,
        'G' => 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    let n: f64 = num.trim().parse().ok()?;
    let bytes = n * scale;
    (1.0..1e15).contains(&bytes).then_some(bytes as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_as_people_write_them() {
        assert_eq!(parse_rate("500K"), Some(500 << 10));
        assert_eq!(parse_rate("2M"), Some(2 << 20));
        assert_eq!(parse_rate("1.5m"), Some(3 << 19));
        assert_eq!(parse_rate("1GiB/s"), Some(1 << 30));
        assert_eq!(parse_rate("4096"), Some(4096));
        assert_eq!(parse_rate("10MB"), Some(10 << 20));
        for bad in ["", "0", "-1M", "fast", "2X", "1e99", "M"] {
            assert_eq!(parse_rate(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_bucket_lets_a_tenth_of_a_second_through_then_paces() {
        let l = RateLimit::new(10 << 20);
        let t0 = Instant::now();
        // Full after a while: a tenth of a second's bytes pass at once, the rest waits its time.
        let later = t0 + Duration::from_secs(5);
        assert_eq!(l.debit(1 << 20, later), Duration::ZERO);
        let wait = l.debit(10 << 20, later);
        assert!(
            (wait.as_secs_f64() - 1.0).abs() < 0.01,
            "{wait:?} for a second's bytes"
        );
        // No limit: nothing waits, whatever was owed.
        l.set(0);
        assert_eq!(l.debit(1 << 30, later), Duration::ZERO);
    }
}
