//! The `decode_extract` fuzz target: see [`qari_fuzz::decode_extract`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| qari_fuzz::decode_extract(data));
