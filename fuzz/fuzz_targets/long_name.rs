//! `ferry_engine::props::long_name`: an SFTP NAME entry (name, `ls -l` long name, mode, size).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let (head, rest) = data.split_at(data.len().min(12));
    let mut h = [0u8; 12];
    h[..head.len()].copy_from_slice(head);
    let mode = u32::from_le_bytes([h[0], h[1], h[2], h[3]]);
    let size = u64::from_le_bytes([h[4], h[5], h[6], h[7], h[8], h[9], h[10], h[11]]);
    let p = ferry_engine::props::split(rest, 2);
    ferry_engine::props::long_name(p[0], p[1], mode, size);
});
