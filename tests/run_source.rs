//! `driver::run_source`: a program run in-process, its output captured,
//! in every tier (what the `run` fuzz target relies on).

use pgojit::driver::run_source;
use pgojit::options::{JitOptions, RunOptions, TierMode};
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const PROG: &str = r#"package main

import "fmt"

type E struct{ v int }

func (e *E) Error() string { return fmt.Sprintf("bad %d", e.v) }

func check(n int) {
	if n > 100 {
		panic(&E{n})
	}
	fmt.Println("ok:", n)
}

func main() {
	check(42)
	check(200)
}
"#;

fn run(tier: TierMode, limits: bool) -> (u8, String) {
    let mut opts = RunOptions {
        tier,
        jit: JitOptions {
            sync: true,
            verify_guards: limits,
            steps: limits,
            ..JitOptions::default()
        },
        ..RunOptions::default()
    };
    if limits {
        opts.max_steps = Some(100_000);
        opts.max_stack = Some(8 << 20);
        opts.heap_limit = Some(64 << 20);
    }
    let out = Sink::default();
    let sink = out.clone();
    let code = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || run_source(PROG.as_bytes(), "p.go", &opts, Box::new(sink)).code())
        .unwrap()
        .join()
        .unwrap();
    let text = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
    (code, text)
}

#[test]
fn output_is_captured_in_every_tier() {
    for limits in [false, true] {
        for tier in [TierMode::Interp, TierMode::Jit, TierMode::Auto] {
            assert_eq!(
                run(tier, limits),
                (2, "ok: 42\n".to_string()),
                "{tier:?}, limits {limits}"
            );
        }
    }
}
