#![no_main]
//! See `verklaar::fuzzing::pdf` for the property checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| verklaar::fuzzing::pdf(data));
