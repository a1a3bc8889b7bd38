#![no_main]
//! See `verklaar::fuzzing::render` for the property checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| verklaar::fuzzing::render(data));
