//! `ferry_engine::props::display` on arbitrary bytes (see that module for the properties).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    ferry_engine::props::display(data);
});
