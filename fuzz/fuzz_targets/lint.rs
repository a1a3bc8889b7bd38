#![no_main]
//! See `verklaar::fuzzing::lint` for the property checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| verklaar::fuzzing::lint(data));
