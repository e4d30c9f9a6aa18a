//! The `layout` fuzz target: see [`qari_fuzz::layout`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| qari_fuzz::layout(data));
