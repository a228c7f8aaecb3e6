//! A site's connections for one job: `n` SSH connections, each with its own SFTP session, opened on
//! first use and reopened with backoff when one is lost (a bounded number of times). A connection
//! that cannot be opened while another is open (a per-user limit, a channel limit) is not tried
//! again: the job goes on over the open ones.
//!
//! The next logins reuse what the first one learned from a person (the session memory in
//! `ConnectOptions`: a key opened with a typed passphrase, a host key accepted once, a typed
//! password). When a login needed keyboard-interactive answers (a one-time code cannot be
//! replayed), every slot opens its SFTP channel on the one authenticated connection instead; only
//! when that connection is lost does a login ask the person again, once for all slots waiting.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::Mutex;

use crate::error::{Error, Result};
use crate::fs::sftp::SftpOptions;
/// The pool's slots hold links; named here too for the code that takes them from a pool.
pub use crate::link::Link;
use crate::ssh::prompt::Prompter;
use crate::ssh::{self, ConnectOptions, Connection};
use crate::transfer::control::Control;

/// Files up to this size share the connections already open (see `Pool::slot_for`): with the
/// most files in flight (32), they fit in OpenSSH's 2 MiB channel window together.
pub const SHARED_MAX: u64 = 64 << 10;

/// Below this round trip one SSH channel's window (OpenSSH: 2 MiB) already carries more than
/// one connection's CPU can encrypt (2 MiB / 5 ms = 400 MB/s), so splitting a big file over
/// several connections only makes their server processes fight over the same file: on loopback
/// 1 GiB went up in 3.2 s over one connection and 3.5 s over four. At 40 ms the window is what
/// limits, and four connections carry close to four times as much.
pub const LANES_MIN_RTT: Duration = Duration::from_millis(5);

/// Connections per site unless the person sets it: measured on a 40 ms link, four carry a big file
/// close to four times as fast as one (the SSH window limits each); on fast links the extra ones
/// are not opened (see `LANES_MIN_RTT`).
pub const DEFAULT_CONNECTIONS: usize = 4;

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Pool({}@{}, {} connections)",
            self.opts.user,
            self.opts.host,
            self.slots.len()
        )
    }
}

pub struct Pool {
    opts: ConnectOptions,
    prompter: Arc<dyn Prompter>,
    slots: Vec<Mutex<Option<Arc<Link>>>>,
    /// Slots whose connection could not be opened while another was open: not tried again.
    unusable: Vec<AtomicBool>,
    /// Some slot was given up on (the person is told once).
    gave_up: AtomicBool,
    /// How many times a lost connection is reopened before files fail.
    pub max_reconnects: u32,
    /// The SFTP session settings of every connection (how long a request may wait, …).
    pub sftp_options: SftpOptions,
    /// Files over `SHARED_MAX` spread over more connections, and a big file goes over several
    /// at once, only when the link's round trip is at least this long (see `LANES_MIN_RTT`);
    /// zero: always.
    pub lanes_min_rtt: Duration,
    /// When logging in needs a person: the one authenticated connection every slot opens its
    /// SFTP channel on.
    shared: Mutex<Option<Arc<Connection>>>,
    /// When logging in again last failed for want of a person's answers, and the error: slots
    /// that were already waiting for that login get it instead of a question each.
    refused: std::sync::Mutex<Option<(Instant, Error)>>,
}

impl Pool {
    pub fn new(opts: ConnectOptions, prompter: Arc<dyn Prompter>, connections: usize) -> Pool {
        let n = connections.clamp(1, 16);
        Pool {
            opts,
            prompter,
            slots: (0..n).map(|_| Mutex::new(None)).collect(),
            unusable: (0..n).map(|_| AtomicBool::new(false)).collect(),
            gave_up: AtomicBool::new(false),
            max_reconnects: 5,
            sftp_options: SftpOptions::default(),
            lanes_min_rtt: LANES_MIN_RTT,
            shared: Mutex::new(None),
            refused: std::sync::Mutex::new(None),
        }
    }

    /// A pool around a connection opened already (the GUI's browsing connection, say); the
    /// others are opened on demand.
    pub fn with_first(
        opts: ConnectOptions,
        prompter: Arc<dyn Prompter>,
        first: Arc<Link>,
        connections: usize,
    ) -> Pool {
        let pool = Pool::new(opts, prompter, connections);
        if pool.opts.session.needs_person()
            && let Ok(mut shared) = pool.shared.try_lock()
        {
            *shared = Some(first.conn.clone());
        }
        if let Ok(mut slot) = pool.slots[0].try_lock() {
            *slot = Some(first);
        }
        pool
    }

    /// How this pool's connections log in (the session memory included).
    pub fn connect_options(&self) -> &ConnectOptions {
        &self.opts
    }

    pub fn size(&self) -> usize {
        self.slots.len()
    }

    /// The slot worker `i` should copy a file of `size` bytes over. The worker's own slot when
    /// its connection is open already; else, for a file up to `SHARED_MAX` or on a fast link,
    /// the first open one. A job's files in flight that small all fit in one SSH channel window,
    /// and on a fast link one window carries more than one connection's CPU can fill, so another
    /// connection would not make them faster, while opening it costs the server more CPU than
    /// hundreds of small files (measured on loopback: 2,000 × 16 KiB up took 0.50 s over one
    /// connection, 0.59 s over four). Bigger files on a slow link spread over every slot,
    /// opening them as needed.
    pub fn slot_for(&self, i: usize, size: u64) -> usize {
        let own = i % self.slots.len();
        let open = (0..self.slots.len()).find(|&k| self.is_open(k));
        let spread = size > SHARED_MAX
            && self.usable(own)
            && open
                .and_then(|k| self.rtt_of(k))
                .is_none_or(|rtt| self.spread_pays(rtt));
        if spread || self.is_open(own) {
            return own;
        }
        open.unwrap_or(0)
    }

    /// Whether slot `k` may still be connected (see [`Pool::give_up_on`]).
    pub fn usable(&self, k: usize) -> bool {
        !self.unusable[k % self.slots.len()].load(Ordering::Relaxed)
    }

    /// After slot `k` failed to connect: `None` when no other connection is open (the failure is
    /// the caller's to report). Otherwise `k` is not tried again and `slot_for` picks open ones;
    /// `Some(true)` the first time this pool gives up on a slot, so that the person is told once.
    pub fn give_up_on(&self, k: usize) -> Option<bool> {
        let k = k % self.slots.len();
        if !(0..self.slots.len()).any(|j| j != k && self.is_open(j)) {
            return None;
        }
        self.unusable[k].store(true, Ordering::Relaxed);
        Some(!self.gave_up.swap(true, Ordering::Relaxed))
    }

    /// Whether more connections make a link with this round trip faster (see `LANES_MIN_RTT`).
    pub fn spread_pays(&self, rtt: Duration) -> bool {
        rtt >= self.lanes_min_rtt
    }

    fn rtt_of(&self, k: usize) -> Option<Duration> {
        let slot = self.slots[k].try_lock().ok()?;
        slot.as_ref().map(|l| l.sftp.rtt())
    }

    /// Whether slot `k` holds a live link right now (not while someone is connecting it).
    fn is_open(&self, k: usize) -> bool {
        self.slots[k]
            .try_lock()
            .is_ok_and(|s| s.as_ref().is_some_and(|l| !l.is_closed()))
    }

    /// The link in slot `i % size`, connecting if needed.
    pub async fn get(&self, i: usize) -> Result<Arc<Link>> {
        let mut slot = self.slots[i % self.slots.len()].lock().await;
        match slot.as_ref() {
            Some(link) if !link.is_closed() => Ok(link.clone()),
            old => {
                let generation = old.map_or(0, |l| l.generation + 1);
                let link = Arc::new(self.open(generation).await?);
                *slot = Some(link.clone());
                Ok(link)
            }
        }
    }

    /// Replaces the link in slot `i` after `failed` was lost, retrying with backoff (1, 2, 4… s,
    /// at most 15 s) up to `max_reconnects` times. If another worker already replaced it, that one
    /// is returned. Host-key and authentication refusals are not retried.
    pub async fn reconnect(
        &self,
        i: usize,
        failed: &Arc<Link>,
        control: &Control,
    ) -> Result<Arc<Link>> {
        let mut slot = self.slots[i % self.slots.len()].lock().await;
        if let Some(current) = slot.as_ref()
            && current.generation != failed.generation
            && !current.is_closed()
        {
            return Ok(current.clone());
        }
        let mut delay = Duration::from_secs(1);
        let mut last = None;
        for attempt in 1..=self.max_reconnects {
            tokio::select! {
                _ = tokio::time::sleep(delay) => {}
                _ = control.cancelled() => return Err(Error::Cancelled),
            }
            tracing::info!("reconnecting to {} (attempt {attempt})", self.opts.host);
            match self.open(failed.generation + 1).await {
                Ok(link) => {
                    let link = Arc::new(link);
                    *slot = Some(link.clone());
                    retire(failed, &link);
                    return Ok(link);
                }
                Err(e)
                    if e.is_host_key_refusal()
                        || matches!(
                            e.root(),
                            Error::AuthFailed { .. } | Error::LoginNeedsPerson { .. }
                        ) =>
                {
                    return Err(e);
                }
                Err(e) => last = Some(e),
            }
            delay = (delay * 2).min(Duration::from_secs(15));
        }
        Err(last.unwrap_or(Error::ConnectionLost {
            detail: "could not reconnect".into(),
        }))
    }

    async fn open(&self, generation: u64) -> Result<Link> {
        if !self.opts.session.needs_person() {
            let mut link = Link::open(&self.opts, self.sftp_options, self.prompter.clone()).await?;
            link.generation = generation;
            // This very login may have needed a person: the next slots share its connection.
            if self.opts.session.needs_person() {
                *self.shared.lock().await = Some(link.conn.clone());
            }
            return Ok(link);
        }
        let waiting_since = Instant::now();
        let mut shared = self.shared.lock().await;
        if let Some(conn) = shared.as_ref().filter(|c| !c.is_closed()).cloned() {
            match self.link_on(conn.clone(), generation).await {
                Ok(link) => return Ok(link),
                // Gone or stalled (a new channel went unanswered): log in again below.
                Err(e) if conn.is_closed() || matches!(e, Error::Timeout { .. }) => {
                    tracing::info!("the shared connection to {} is lost: {e}", self.opts.host);
                    hang_up(conn);
                }
                // The connection is fine but takes no more channels (MaxSessions).
                Err(e) => return Err(e),
            }
        }
        if let Some((when, e)) = self.refused.lock().ok().and_then(|r| r.clone())
            && when >= waiting_since
        {
            return Err(e);
        }
        let conn = match ssh::connect(&self.opts, self.prompter.clone()).await {
            Ok(c) => Arc::new(c),
            Err(Error::AuthFailed { .. }) => {
                let e = Error::LoginNeedsPerson {
                    user: self.opts.user.clone(),
                    host: self.opts.host.clone(),
                };
                if let Ok(mut r) = self.refused.lock() {
                    *r = Some((Instant::now(), e.clone()));
                }
                return Err(e);
            }
            Err(e) => return Err(e),
        };
        *shared = Some(conn.clone());
        self.link_on(conn, generation).await
    }

    /// A new SFTP session on `conn`, numbered `generation`.
    async fn link_on(&self, conn: Arc<Connection>, generation: u64) -> Result<Link> {
        let mut link = Link::start(conn, &self.opts, self.sftp_options).await?;
        link.generation = generation;
        Ok(link)
    }

    /// Closes every connection.
    pub async fn close(&self) {
        for slot in &self.slots {
            if let Some(link) = slot.lock().await.take() {
                link.close().await;
            }
        }
        if let Some(conn) = self.shared.lock().await.take() {
            conn.disconnect().await;
        }
    }
}

/// Ends what a reconnect replaced: the failed SFTP session, and its connection unless the new
/// link shares it. A stalled connection would otherwise linger until keepalive gave up on it.
fn retire(failed: &Link, new: &Link) {
    failed.sftp.close();
    if !Arc::ptr_eq(&failed.conn, &new.conn) {
        hang_up(failed.conn.clone());
    }
}

/// Disconnects in the background, bounded: a stalled connection may never take the message.
fn hang_up(conn: Arc<Connection>) {
    tokio::spawn(async move {
        let _ = tokio::time::timeout(Duration::from_secs(5), conn.disconnect()).await;
    });
}
