//! The `query` fuzz target: see [`qari_fuzz::query`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| qari_fuzz::query(data));
