//! Arbitrary bytes through `run`: what compiles runs under limits in the
//! interpreter and in the JIT (every function compiled at its first call,
//! guards from the first observations, `--verify-guards`), in this
//! process. Neither may panic or crash, and they must print the same and
//! end the same way.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pgojit::driver::run_source;
use pgojit::options::{JitOptions, RunOptions, TierMode};
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        let mut v = self.0.lock().unwrap();
        if v.len() < 1 << 20 {
            v.extend_from_slice(b);
        }
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn run(src: &[u8], tier: TierMode) -> (u8, Vec<u8>) {
    let mut opts = RunOptions {
        tier,
        max_steps: Some(100_000),
        heap_limit: Some(64 << 20),
        max_stack: Some(8 << 20),
        jit: JitOptions {
            sync: true,
            code_limit: 4 << 20,
            verify_guards: true,
            steps: true,
            ..JitOptions::default()
        },
        ..RunOptions::default()
    };
    opts.policy.hot_calls = 2;
    opts.policy.hot_loops = 10;
    opts.policy.min_site_calls = 1;
    let out = Sink::default();
    let sink = out.clone();
    let src = src.to_vec();
    // Compiled code runs on the native stack: give it the command line's.
    let code = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || run_source(&src, "fuzz.go", &opts, Box::new(sink)).code())
        .unwrap()
        .join()
        .expect("no panic in pgojit");
    let text = out.0.lock().unwrap().clone();
    (code, without_addresses(&text))
}

/// Pointers print as addresses (`&{1 0xc000012345}`, as in Go), which
/// differ between runs: long `0x` hex runs compare equal.
fn without_addresses(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"0x") {
            let n = b[i + 2..].iter().take_while(|c| c.is_ascii_hexdigit()).count();
            if n >= 6 {
                out.extend_from_slice(b"0x?");
                i += 2 + n;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

fuzz_target!(|data: &[u8]| {
    if pgojit::driver::compile(data, "fuzz.go").is_err() {
        return;
    }
    let interp = run(data, TierMode::Interp);
    let jit = run(data, TierMode::Jit);
    assert!(
        [0, 2, 4].contains(&interp.0),
        "interpreter exit code {}",
        interp.0
    );
    assert_eq!(interp, jit, "the JIT disagrees with the interpreter");
});
