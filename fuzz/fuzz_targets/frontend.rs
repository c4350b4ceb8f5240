//! Arbitrary bytes through the front end (parse, check, lower, verify):
//! `Ok` or an error with a position, never a panic, a hang or a stack
//! overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = pgojit::driver::compile(data, "fuzz.go") {
        let msg = e.render("fuzz.go");
        assert!(msg.starts_with("fuzz.go:"), "error without a position: {msg}");
    }
});
