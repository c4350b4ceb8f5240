//! The collector seen from the command line: long allocation churn runs in
//! a bounded heap with the right answer, `--heap-limit` stops a program
//! whose live heap keeps growing with Go's out-of-memory error, and
//! `--stats` reports the collections.

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
    // (And 464 bytes of the imported packages' variables: the error
    // values io and errors make at initialization.)
    assert_eq!(stat(&err, "allocated"), 352_000_512, "{err}");
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
