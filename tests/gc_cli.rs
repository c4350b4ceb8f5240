//! The collector seen from the command line: long allocation churn runs in
//! a bounded heap with the right answer, `--heap-limit` stops a program
//! whose live heap keeps growing with Go's out-of-memory error, and
//! `--stats` reports the collections, and dead temporaries in frames of
//! every tier are not roots (stack maps).

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pgojit"))
        .args(args)
        .output()
        .expect("pgojit runs")
}

fn prog(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/gc")
        .join(name)
        .display()
        .to_string()
}

fn stat(stderr: &str, name: &str) -> u64 {
    let line = stderr
        .lines()
        .find(|l| l.trim_start().starts_with(name))
        .unwrap_or_else(|| panic!("no {name} in {stderr}"));
    line.split_whitespace()
        .find_map(|w| w.parse::<u64>().ok())
        .unwrap_or_else(|| panic!("no number in {line}"))
}

#[test]
fn churn_is_collected_and_prints_what_go_prints() {
    // 22 million objects, 352 MB over the run (the output is real Go's).
    let o = run(&["run", "--stats", &prog("churn.go")]);
    assert!(o.status.success());
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "199999990000000 9999000000\n"
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(stat(&err, "gc collections") >= 50, "{err}");
    // (And 456 bytes of the imported packages' variables: the error
    // values io and errors make at initialization, whose short strings
    // share 16-byte blocks, as Go's tiny allocator has them.)
    assert_eq!(stat(&err, "allocated"), 352_000_504, "{err}");
    // The peak heap stays near the 4 MB minimum goal, far below what was allocated.
    assert!(stat(&err, "peak heap") < 16 << 20, "{err}");
}

#[test]
fn heap_limit_stops_a_growing_heap_with_gos_error() {
    let o = run(&["run", "--heap-limit=32M", &prog("grow_forever.go")]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        err.lines().next(),
        Some("fatal error: runtime: out of memory"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn gc_stress_gives_the_same_answer() {
    let o = run(&["run", "--gc-stress", &prog("churn.go")]);
    assert!(o.status.success());
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "199999990000000 9999000000\n"
    );
}

#[test]
fn dead_temporaries_are_not_roots_in_any_tier() {
    // A 16 MB tree is dead once main has printed its count; 128 MB of
    // small trees follow. Frames are scanned through stack maps (the
    // interpreter's and baseline frames by bytecode liveness, optimized
    // ones by the code generator's map of each call), so the last
    // collection finds only a small tree live. Scanning frames word by
    // word kept the big tree (16 MB) to the end.
    for tier in ["--tier=interp", "--tier=jit", "--tier=opt", "--tier=auto"] {
        let o = run(&["run", tier, "--stats", &prog("dead_temporaries.go")]);
        assert!(o.status.success(), "{tier}");
        // (Real Go's output.)
        assert_eq!(
            String::from_utf8_lossy(&o.stdout),
            "big 1048575\n8188000\n",
            "{tier}"
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(stat(&err, "gc collections") >= 3, "{tier}: {err}");
        assert!(stat(&err, "live after last gc") < 1 << 20, "{tier}: {err}");
    }
}
