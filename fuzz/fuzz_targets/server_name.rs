//! `ferry_engine::props::server_name` on arbitrary bytes (see that module for the properties).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    ferry_engine::props::server_name(data);
});
