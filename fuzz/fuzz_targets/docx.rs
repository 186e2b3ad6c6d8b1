//! Any bytes read as `input.docx`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| plankg_fuzz::read(data, "input.docx"));
