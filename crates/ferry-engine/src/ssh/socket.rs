//! The TCP stream under an SSH session, tuned for many small SFTP replies, and how it is opened
//! (the name looked up and each address tried within the connect timeout).
//!
//! - **Buffered reads.** russh reads every packet with two `read_exact` calls straight from its
//!   stream: two `recv` system calls for each of the thousands of 28-byte status replies a tree of
//!   small files brings back. Here one `recv` takes in whatever has arrived.
//! - **Prompt ACKs (Linux).** OpenSSH's sshd leaves Nagle's algorithm on for SFTP sessions, so a
//!   small reply queued behind an unacknowledged one waits for our ACK, and Linux delays an ACK by
//!   up to 40 ms when it has nothing to send with it. That cost 40 ms at every channel open (the
//!   server's two messages before the confirmation) and stalled pipelined transfers whenever every
//!   request in flight was waiting. `TCP_QUICKACK` is not sticky, so it is re-armed after each read.

use std::io::{self, IoSlice};
use std::pin::Pin;
use std::task::{Context, Poll};

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, BufReader, ReadBuf};
use tokio::net::TcpStream;

use crate::error::{Error, Result};

/// Read buffer size: holds hundreds of small replies; a data packet (up to 32 KiB of payload in
/// russh's default) mostly goes through it in one piece.
const READ_BUFFER: usize = 64 << 10;

/// An SSH connection's socket: buffered reads, prompt ACKs, writes passed straight through (russh
/// already gathers the packets of one turn of its loop into one write).
pub type Wire = BufReader<Acking>;

pub fn wire(stream: TcpStream) -> Wire {
    BufReader::with_capacity(READ_BUFFER, Acking(stream))
}

/// The bare socket, re-arming `TCP_QUICKACK` after each read that got data.
pub struct Acking(TcpStream);

impl Acking {
    #[cfg(target_os = "linux")]
    fn ack_promptly(&self) {
        // Best effort: a socket that refuses the option just acknowledges as usual.
        let _ = socket2::SockRef::from(&self.0).set_tcp_quickack(true);
    }

    #[cfg(not(target_os = "linux"))]
    fn ack_promptly(&self) {}
}

impl AsyncRead for Acking {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.0).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.ack_promptly();
        }
        polled
    }
}

impl AsyncWrite for Acking {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.0.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

/// The addresses of `host`, within `limit`.
pub(crate) async fn resolve(host: &str, port: u16, limit: Duration) -> Result<Vec<SocketAddr>> {
    let lookup = tokio::net::lookup_host((host, port));
    match tokio::time::timeout(limit, lookup).await {
        Err(_) => Err(Error::Timeout {
            what: format!("looking up {host}"),
            secs: limit.as_secs(),
        }),
        Ok(Err(e)) => Err(Error::Dns {
            host: host.to_string(),
            detail: e.to_string(),
        }),
        Ok(Ok(addrs)) => {
            let addrs: Vec<_> = addrs.collect();
            if addrs.is_empty() {
                Err(Error::Dns {
                    host: host.to_string(),
                    detail: "no address found".into(),
                })
            } else {
                Ok(addrs)
            }
        }
    }
}

/// Tries each address in turn; reports the most telling failure.
pub(crate) async fn dial(
    host: &str,
    addrs: &[SocketAddr],
    limit: Duration,
) -> Result<(tokio::net::TcpStream, SocketAddr)> {
    let mut last = None;
    for addr in addrs {
        match tokio::time::timeout(limit, tokio::net::TcpStream::connect(addr)).await {
            Ok(Ok(s)) => return Ok((s, *addr)),
            Ok(Err(e)) => {
                let err = match e.kind() {
                    std::io::ErrorKind::ConnectionRefused => Error::ConnectionRefused {
                        addr: addr.to_string(),
                    },
                    std::io::ErrorKind::TimedOut => Error::Timeout {
                        what: format!("connecting to {addr}"),
                        secs: limit.as_secs(),
                    },
                    _ => Error::Unreachable {
                        host: host.to_string(),
                        detail: e.to_string(),
                    },
                };
                last = Some(err);
            }
            Err(_) => {
                last = Some(Error::Timeout {
                    what: format!("connecting to {addr}"),
                    secs: limit.as_secs(),
                })
            }
        }
    }
    Err(last.unwrap_or_else(|| Error::Unreachable {
        host: host.to_string(),
        detail: "no address to try".into(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// Bytes written in many small pieces and read back in pieces of other sizes arrive whole and
    /// in order, both ways.
    #[tokio::test]
    async fn carries_bytes_exactly_both_ways() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let sent: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let expected = sent.clone();
        let peer = tokio::spawn(async move {
            let (mut s, _) = listener.accept().await.unwrap();
            for piece in sent.chunks(28) {
                s.write_all(piece).await.unwrap();
            }
            let mut back = Vec::new();
            s.read_to_end(&mut back).await.unwrap();
            back
        });
        let mut wire = wire(TcpStream::connect(addr).await.unwrap());
        let mut got = Vec::new();
        let mut sizes = [4usize, 12, 28, 40_000, 70_000].into_iter().cycle();
        while got.len() < expected.len() {
            let want = sizes.next().unwrap().min(expected.len() - got.len());
            let mut piece = vec![0; want];
            wire.read_exact(&mut piece).await.unwrap();
            got.extend_from_slice(&piece);
        }
        assert!(got == expected, "the bytes read differ from the bytes sent");
        wire.write_all(b"reply").await.unwrap();
        wire.shutdown().await.unwrap();
        assert_eq!(peer.await.unwrap(), b"reply");
    }
}
