//! A TCP proxy on 127.0.0.1 that breaks connections the way networks do: after a connection has
//! carried N bytes (both directions together) it is ended with a FIN, reset with an RST, or
//! silently stalled (nothing more is forwarded either way, the sockets stay open). Only the first
//! `times` connections that reach N bytes are broken; later ones (the client reconnecting) are
//! forwarded untouched. Threads and std only; everything stops when the proxy is dropped.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// An orderly close: the client reads end-of-stream.
    Fin,
    /// A reset: the client's next read or write fails with "connection reset".
    Rst,
    /// Silence: the connection stays open but nothing more arrives (a dead route, a sleeping NAT).
    Stall,
}

struct Shared {
    cut: Cut,
    after: u64,
    times: usize,
    cuts_done: AtomicUsize,
    stop: AtomicBool,
    /// When the last connection was broken.
    cut_at: Mutex<Option<Instant>>,
    /// Stalled sockets are kept here, open and unread, until the proxy is dropped.
    held: Mutex<Vec<TcpStream>>,
}

pub struct CutProxy {
    pub port: u16,
    shared: Arc<Shared>,
}

impl CutProxy {
    pub fn start(target_port: u16, cut: Cut, after: u64, times: usize) -> CutProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("proxy bind");
        let port = listener.local_addr().unwrap().port();
        let shared = Arc::new(Shared {
            cut,
            after,
            times,
            cuts_done: AtomicUsize::new(0),
            stop: AtomicBool::new(false),
            cut_at: Mutex::new(None),
            held: Mutex::new(Vec::new()),
        });
        let sh = shared.clone();
        std::thread::spawn(move || {
            for client in listener.incoming() {
                if sh.stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(client) = client else { continue };
                let Ok(server) = TcpStream::connect(("127.0.0.1", target_port)) else {
                    continue;
                };
                client.set_nodelay(true).ok();
                server.set_nodelay(true).ok();
                let conn = Arc::new(Conn {
                    client,
                    server,
                    bytes: AtomicU64::new(0),
                    broken: AtomicBool::new(false),
                    shared: sh.clone(),
                });
                for upstream in [true, false] {
                    let c = conn.clone();
                    std::thread::spawn(move || c.pump(upstream));
                }
            }
        });
        CutProxy { port, shared }
    }

    /// How many connections were broken so far.
    pub fn cuts(&self) -> usize {
        self.shared.cuts_done.load(Ordering::SeqCst)
    }

    /// When the last connection was broken.
    pub fn cut_at(&self) -> Option<Instant> {
        *self.shared.cut_at.lock().unwrap()
    }
}

impl Drop for CutProxy {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port)); // wake the accept loop
        for s in self.shared.held.lock().unwrap().drain(..) {
            let _ = s.shutdown(Shutdown::Both);
        }
    }
}

struct Conn {
    client: TcpStream,
    server: TcpStream,
    bytes: AtomicU64,
    broken: AtomicBool,
    shared: Arc<Shared>,
}

impl Conn {
    /// Copies one direction until either side ends or this connection is broken.
    fn pump(&self, upstream: bool) {
        let (mut from, mut to) = if upstream {
            (&self.client, &self.server)
        } else {
            (&self.server, &self.client)
        };
        // After a FIN the client's remaining bytes are read and dropped, so that closing its
        // socket later is clean (unread data would turn the close into a reset).
        let drain = upstream && self.shared.cut == Cut::Fin;
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            if self.shared.stop.load(Ordering::SeqCst) {
                return;
            }
            let n = match from.read(&mut buf) {
                Ok(0) | Err(_) => {
                    if !self.broken.load(Ordering::SeqCst) {
                        let _ = to.shutdown(Shutdown::Write);
                    }
                    return;
                }
                Ok(n) => n,
            };
            if self.broken.load(Ordering::SeqCst) {
                if drain {
                    continue;
                }
                return;
            }
            let total = self.bytes.fetch_add(n as u64, Ordering::SeqCst) + n as u64;
            if total >= self.shared.after && self.claim_cut() {
                self.break_now();
                if drain {
                    continue;
                }
                return;
            }
            if to.write_all(&buf[..n]).is_err() {
                return;
            }
        }
    }

    /// True when this connection is one of the first `times` to be broken.
    fn claim_cut(&self) -> bool {
        if self.broken.load(Ordering::SeqCst) {
            return false;
        }
        let sh = &self.shared;
        let mut done = sh.cuts_done.load(Ordering::SeqCst);
        loop {
            if done >= sh.times {
                return false;
            }
            match sh
                .cuts_done
                .compare_exchange(done, done + 1, Ordering::SeqCst, Ordering::SeqCst)
            {
                Ok(_) => return true,
                Err(now) => done = now,
            }
        }
    }

    fn break_now(&self) {
        self.broken.store(true, Ordering::SeqCst);
        *self.shared.cut_at.lock().unwrap() = Some(Instant::now());
        match self.shared.cut {
            Cut::Fin => {
                // FIN to the client; the server's side is shut down, which also wakes the pump
                // reading from it.
                let _ = self.client.shutdown(Shutdown::Write);
                let _ = self.server.shutdown(Shutdown::Both);
                self.client
                    .set_read_timeout(Some(Duration::from_secs(30)))
                    .ok();
            }
            Cut::Rst => {
                // With SO_LINGER 0, closing sends RST instead of FIN. Shutting down reading wakes
                // both pumps; when they return the sockets are closed.
                for s in [&self.client, &self.server] {
                    let linger = libc::linger {
                        l_onoff: 1,
                        l_linger: 0,
                    };
                    // SAFETY: setsockopt on an open socket with a correctly sized linger struct.
                    unsafe {
                        libc::setsockopt(
                            s.as_raw_fd(),
                            libc::SOL_SOCKET,
                            libc::SO_LINGER,
                            (&linger as *const libc::linger).cast(),
                            std::mem::size_of::<libc::linger>() as libc::socklen_t,
                        );
                    }
                    let _ = s.shutdown(Shutdown::Read);
                }
            }
            Cut::Stall => {
                let mut held = self.shared.held.lock().unwrap();
                if let (Ok(c), Ok(s)) = (self.client.try_clone(), self.server.try_clone()) {
                    held.push(c);
                    held.push(s);
                }
            }
        }
    }
}
