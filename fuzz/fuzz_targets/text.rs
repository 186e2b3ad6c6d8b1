//! Any bytes read as `input.txt`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| plankg_fuzz::read(data, "input.txt"));
