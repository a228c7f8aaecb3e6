//! Pause / resume / cancel for a running job, checked by workers between chunks.
//!
//! Cloning a `Control` shares it. Cancelling wins over pausing; a cancelled job leaves its partial
//! files as `.ferrypart` (resumable) and never reports them as done.

use tokio::sync::watch;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunState {
    Running,
    Paused,
    Cancelled,
}

#[derive(Debug, Clone)]
pub struct Control {
    tx: watch::Sender<RunState>,
}

impl Default for Control {
    fn default() -> Self {
        Control::new()
    }
}

impl Control {
    pub fn new() -> Control {
        Control {
            tx: watch::Sender::new(RunState::Running),
        }
    }

    pub fn pause(&self) {
        self.tx.send_if_modified(|s| {
            let change = *s == RunState::Running;
            if change {
                *s = RunState::Paused;
            }
            change
        });
    }

    pub fn resume(&self) {
        self.tx.send_if_modified(|s| {
            let change = *s == RunState::Paused;
            if change {
                *s = RunState::Running;
            }
            change
        });
    }

    pub fn cancel(&self) {
        self.tx.send_replace(RunState::Cancelled);
    }

    pub fn state(&self) -> RunState {
        *self.tx.borrow()
    }

    /// Returns at once when running, waits while paused, errors when cancelled.
    pub async fn checkpoint(&self) -> Result<()> {
        let mut rx = self.tx.subscribe();
        loop {
            match *rx.borrow_and_update() {
                RunState::Running => return Ok(()),
                RunState::Cancelled => return Err(Error::Cancelled),
                RunState::Paused => {}
            }
            if rx.changed().await.is_err() {
                return Err(Error::Cancelled);
            }
        }
    }

    /// Resolves when the job is cancelled (for racing against long waits).
    pub async fn cancelled(&self) {
        let mut rx = self.tx.subscribe();
        while *rx.borrow_and_update() != RunState::Cancelled {
            if rx.changed().await.is_err() {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn pause_blocks_until_resume_and_cancel_wins() {
        let c = Control::new();
        c.checkpoint().await.unwrap();
        c.pause();
        let c2 = c.clone();
        let waiter = tokio::spawn(async move { c2.checkpoint().await });
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(!waiter.is_finished());
        c.resume();
        waiter.await.unwrap().unwrap();
        c.pause();
        c.cancel();
        assert_eq!(c.checkpoint().await, Err(Error::Cancelled));
        c.resume();
        assert_eq!(c.state(), RunState::Cancelled);
    }
}
