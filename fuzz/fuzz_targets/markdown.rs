#![no_main]
//! See `verklaar::fuzzing::markdown` for the property checked.

libfuzzer_sys::fuzz_target!(|data: &[u8]| verklaar::fuzzing::markdown(data));
