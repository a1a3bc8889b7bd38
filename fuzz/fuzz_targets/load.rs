#![no_main]
//! See `verklaar::fuzzing::load` for the property checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| verklaar::fuzzing::load(data));
