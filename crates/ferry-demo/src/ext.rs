//! Payloads of the SFTP extensions the demo server answers: the strings in a request, and the
//! `limits@openssh.com` and `statvfs@openssh.com` replies (big-endian u64s, as OpenSSH sends them).

use russh_sftp::protocol::{ExtendedReply, Packet, StatusCode};
use russh_sftp::server::StatusReply;

use ferry_engine::fs::FreeSpace;

/// Largest read answered and write accepted (as advertised with `limits@openssh.com`).
pub(super) const MAX_IO_LEN: u32 = 255 * 1024;
/// russh-sftp's server refuses bigger incoming packets (its default limit).
const MAX_PACKET_LEN: u64 = 256 * 1024;
/// Open handles per SFTP session.
pub(super) const MAX_HANDLES: usize = 1024;

/// The first `n` strings of an extended request's payload (each a u32 length and bytes).
pub(super) fn strings(data: &[u8], n: usize) -> Result<Vec<String>, StatusReply> {
    let bad = || StatusCode::BadMessage.with_message("malformed extended request");
    let mut out = Vec::with_capacity(n);
    let mut rest = data;
    for _ in 0..n {
        let (len, tail) = rest.split_first_chunk::<4>().ok_or_else(bad)?;
        let len = u32::from_be_bytes(*len) as usize;
        if tail.len() < len {
            return Err(bad());
        }
        out.push(String::from_utf8_lossy(&tail[..len]).into_owned());
        rest = &tail[len..];
    }
    Ok(out)
}

fn reply(id: u32, values: &[u64]) -> Packet {
    let data = values.iter().flat_map(|v| v.to_be_bytes()).collect();
    Packet::ExtendedReply(ExtendedReply { id, data })
}

pub(super) fn limits_reply(id: u32) -> Packet {
    let io = u64::from(MAX_IO_LEN);
    reply(id, &[MAX_PACKET_LEN, io, io, MAX_HANDLES as u64])
}

/// Free space of the disk the demo folder is on, in 1-byte blocks.
pub(super) fn statvfs_reply(id: u32, space: FreeSpace) -> Packet {
    let (total, free) = (space.total, space.available);
    // bsize, frsize, blocks, bfree, bavail, files, ffree, favail, fsid, flag, namemax
    reply(id, &[1, 1, total, free, free, 0, 0, 0, 0, 0, 255])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extended_strings_are_parsed_and_checked() {
        let mut data = Vec::new();
        for s in ["/a", "/b c"] {
            data.extend_from_slice(&(s.len() as u32).to_be_bytes());
            data.extend_from_slice(s.as_bytes());
        }
        assert_eq!(strings(&data, 2).unwrap(), vec!["/a", "/b c"]);
        assert!(strings(&data[..data.len() - 1], 2).is_err());
        assert!(strings(&[0, 0], 1).is_err());
    }

    #[test]
    fn replies_are_big_endian_u64s() {
        let Packet::ExtendedReply(r) = limits_reply(7) else {
            panic!("not an extended reply")
        };
        assert_eq!((r.id, r.data.len()), (7, 32));
        assert_eq!(r.data[8..16], (255u64 * 1024).to_be_bytes());
    }
}
