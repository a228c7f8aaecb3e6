//! `ferry_engine::props::known_hosts_line`: a known_hosts line and a host name.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let p = ferry_engine::props::split(data, 2);
    ferry_engine::props::known_hosts_line(p[0], p[1]);
});
