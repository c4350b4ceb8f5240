//! Limits for untrusted programs, from the command line: `--max-steps`
//! (exit 4, at the same step in every tier), `--max-stack` (Go's stack
//! overflow), `--code-limit` (compiling stops, running goes on), bad usage
//! (exit 1), and `--verify-guards` (a wrong guard aborts instead of
//! running the wrong body). `--heap-limit` is in gc_cli.rs.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pgojit"))
        .args(args)
        .output()
        .expect("pgojit runs")
}

fn path(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(rel)
        .display()
        .to_string()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Everything a run shows: stdout, stderr, exit code.
fn seen(o: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}--- stderr\n{}",
        o.status.code(),
        text(&o.stdout),
        frames_only(&text(&o.stderr))
    )
}

/// A traceback's lines without what differs between tiers and runs: a
/// frame's arguments (words, addresses) and its code offset (`+0x1d`).
fn frames_only(stderr: &str) -> String {
    let mut out = String::new();
    let mut frames = false;
    for l in stderr.lines() {
        frames |= l.starts_with("goroutine ") && l.ends_with("]:");
        let l = if !frames {
            l
        } else if l.starts_with('\t') {
            l.split(" +0x").next().unwrap_or(l)
        } else {
            l.rfind('(').map_or(l, |i| &l[..i])
        };
        out.push_str(l);
        out.push('\n');
    }
    out
}

const TIERS: &[&str] = &[
    "--tier=jit",
    "--tier=opt",
    "--tier=auto --hot-calls=2 --hot-loops=10",
    "--tier=auto --hot-calls=2 --hot-loops=10 --jit-sync --min-site-calls=1",
    "--tier=auto --hot-calls=2 --hot-loops=10 --jit-sync --min-site-calls=1 --no-inline --no-regs",
    "--stress-mode=force-miss --hot-calls=2 --hot-loops=10 --min-site-calls=1 --jit-sync",
    "--stress-mode=flip=50 --hot-calls=2 --hot-loops=10 --min-site-calls=1 --jit-sync",
];

/// The map orders of the runs compared (`--map-seed`).
const MAP_SEED: &str = "--map-seed=1";

/// A step is a function entry or a taken loop back-edge in every tier, so
/// a program stopped by `--max-steps` prints exactly the same output and
/// message whichever tier (or mix of tiers, after tier-up, OSR, inlining
/// and recompilation) ran it.
#[test]
fn max_steps_stops_every_tier_at_the_same_step() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().into_owned();
            n.ends_with(".go") && !n.starts_with("ce_")
        })
        .collect();
    files.sort();
    assert!(files.len() > 100, "the corpus is there");
    let (mut stopped, mut failures) = (0, Vec::new());
    for (i, f) in files.iter().enumerate() {
        let f = f.display().to_string();
        // Limits that strike early, in the middle of tier-up, and late.
        for k in [
            1 + i as u64 % 5,
            300 + 37 * i as u64,
            70_000 + 1_009 * i as u64,
        ] {
            let steps = format!("--max-steps={k}");
            // Every run sees the same map orders (a program's steps may
            // follow them: a sort of a map's keys, flag's PrintDefaults).
            let want = run(&["run", "--tier=interp", MAP_SEED, &steps, &f]);
            // A program whose steps follow something else that varies
            // (the clock) cannot be matched: its runs differ.
            if seen(&run(&["run", "--tier=interp", MAP_SEED, &steps, &f])) != seen(&want) {
                continue;
            }
            if want.status.code() == Some(4) {
                stopped += 1;
                // (After whatever the program wrote to stderr itself.)
                let err = text(&want.stderr);
                assert!(
                    err.lines().any(
                        |l| l.starts_with("pgojit: step limit reached: ") && l.contains(".go:")
                    ),
                    "{f}: {err}"
                );
            }
            let tier = TIERS[(i + k as usize) % TIERS.len()];
            let mut args = vec!["run"];
            args.extend(tier.split_whitespace());
            args.extend([MAP_SEED, steps.as_str(), f.as_str()]);
            let got = run(&args);
            if seen(&got) != seen(&want) {
                failures.push(format!(
                    "{f} {steps} [{tier}]\n=== interp\n{}=== jit\n{}",
                    seen(&want),
                    seen(&got)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Most programs are stopped by at least the smallest limit.
    assert!(stopped > files.len(), "only {stopped} runs were stopped");
}

#[test]
fn max_steps_names_the_loop_that_ran_out() {
    let p = path("tests/jit/long_loop.go");
    // The loop alternates a back-edge and a call's entry; the imported
    // packages' initialization takes some steps first, so the limit that
    // falls on a back-edge is 100000 or the next.
    let k = ["--max-steps=100000", "--max-steps=100001"]
        .into_iter()
        .find(|k| text(&run(&["run", "--tier=interp", k, &p]).stderr).contains("ran out in main."))
        .expect("one of two consecutive limits falls on the loop's back-edge");
    for tier in ["--tier=interp", "--tier=jit", "--tier=opt"] {
        let o = run(&["run", tier, k, &p]);
        assert_eq!(o.status.code(), Some(4), "{}", seen(&o));
        let err = text(&o.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with(&format!(
                "pgojit: step limit reached: {k} (function entries and loop back-edges) ran out in main."
            )),
            "{err}"
        );
        assert!(err.contains("long_loop.go:"), "{err}");
    }
    // Enough steps: the program's own result.
    let o = run(&["run", "--max-steps=1000000000", &p]);
    assert!(o.status.success(), "{}", seen(&o));
}

#[test]
fn max_stack_is_gos_stack_overflow() {
    let p = path("tests/programs/jit_stack_overflow_self.go");
    let want =
        std::fs::read_to_string(path("tests/programs/jit_stack_overflow_self.stderr1")).unwrap();
    // Go's default limit, Go's message.
    let o = run(&["run", &p]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(text(&o.stderr).lines().next(), Some(want.trim_end()));
    for tier in ["--tier=interp", "--tier=jit", "--tier=opt"] {
        let o = run(&["run", tier, "--max-stack=1M", &p]);
        assert_eq!(o.status.code(), Some(2), "{}", seen(&o));
        let err = text(&o.stderr);
        let mut lines = err.lines();
        assert_eq!(
            lines.next(),
            Some("runtime: goroutine stack exceeds 1048576-byte limit")
        );
        assert_eq!(lines.next(), Some("fatal error: stack overflow"));
    }
    // Frames that use no VM stack are bounded by it too, in every tier.
    let empty = path("tests/limits/empty_recursion.go");
    for tier in ["--tier=interp", "--tier=jit", "--tier=opt", "--hot-calls=2"] {
        let o = run(&["run", tier, "--max-stack=256K", &empty]);
        assert_eq!(o.status.code(), Some(2), "{}", seen(&o));
        assert_eq!(text(&o.stdout), "start\n");
        assert_eq!(
            text(&o.stderr).lines().next(),
            Some("runtime: goroutine stack exceeds 262144-byte limit"),
            "{tier}"
        );
    }
}

#[test]
fn a_full_code_budget_leaves_functions_interpreted() {
    let p = path("tests/jit/phase.go");
    let full = run(&["run", "--tier=interp", &p]);
    let o = run(&["run", "--tier=jit", "--code-limit=2K", "--stats", &p]);
    assert!(o.status.success(), "{}", seen(&o));
    assert_eq!(o.stdout, full.stdout);
    let err = text(&o.stderr);
    assert!(
        err.contains("code memory budget exhausted: those stay interpreted"),
        "{err}"
    );
}

#[test]
fn bad_usage_exits_1_not_gos_panic_code() {
    let o = run(&["run", "--no-such-flag", "x.go"]);
    assert_eq!(o.status.code(), Some(1), "{}", seen(&o));
    let o = run(&["run", "--max-steps=lots", "x.go"]);
    assert_eq!(o.status.code(), Some(1), "{}", seen(&o));
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0), "{}", seen(&o));
}

/// `--break-guards` is a deliberately wrong compiler: every site's first
/// guard lets any receiver in. Without verification that silently prints
/// a wrong answer; with `--verify-guards`, the inlined body's re-check
/// catches the first wrong receiver and aborts.
#[test]
fn verify_guards_catches_a_guard_that_lets_the_wrong_type_in() {
    let p = path("tests/jit/bimorphic.go");
    let tiny = [
        "--hot-calls=2",
        "--hot-loops=10",
        "--jit-sync",
        "--min-site-calls=1",
    ];
    let right = run(&["run", "--tier=interp", &p]);
    let mut args = vec!["run"];
    args.extend(tiny);
    args.extend(["--break-guards", &p]);
    let wrong = run(&args);
    assert!(wrong.status.success());
    assert_ne!(
        wrong.stdout, right.stdout,
        "the broken guard changes the answer"
    );
    args.insert(1, "--verify-guards");
    let caught = run(&args);
    let err = text(&caught.stderr);
    assert_eq!(caught.status.code(), None, "killed by SIGABRT: {err}");
    assert!(
        err.contains("pgojit: internal error: --verify-guards: at ")
            && err.contains("bimorphic.go:21:")
            && err.contains("a *main.Rect receiver reached code compiled for main.Square"),
        "{err}"
    );
    // Correct guards pass verification, inlined, called and bimorphic.
    for extra in [&[][..], &["--no-inline"][..], &["--bias=0.99"][..]] {
        let mut args = vec!["run", "--verify-guards"];
        args.extend(tiny);
        args.extend(extra);
        args.push(&p);
        let o = run(&args);
        assert!(o.status.success(), "{}", seen(&o));
        assert_eq!(o.stdout, right.stdout);
    }
}

/// Allocations the machine cannot give (here 2^47 bytes, within Go's
/// maxAlloc) end as Go's out-of-memory fatal error, never as an abort of
/// the Rust allocator; a live heap growing past `--heap-limit` stops at
/// the limit (collections come forward to it), in every tier.
#[test]
fn out_of_memory_is_gos_fatal_error_in_every_tier() {
    for tier in [
        "--tier=interp",
        "--tier=jit",
        "--hot-calls=2 --hot-loops=10 --jit-sync",
    ] {
        let mut args = vec!["run"];
        args.extend(tier.split_whitespace());
        let huge = path("tests/limits/huge_make.go");
        let mut a = args.clone();
        a.push(&huge);
        let o = run(&a);
        assert_eq!(o.status.code(), Some(2), "{}", seen(&o));
        assert_eq!(text(&o.stdout), "before\n");
        assert_eq!(
            text(&o.stderr).lines().next(),
            Some("fatal error: runtime: out of memory")
        );
        let growing = path("tests/limits/growing.go");
        let mut a = args.clone();
        a.extend(["--heap-limit=64M", &growing]);
        let o = run(&a);
        assert_eq!(o.status.code(), Some(2), "{}", seen(&o));
        // 1 MB per trip: stopped after about 64 of them.
        assert_eq!(text(&o.stdout), "0\n", "{}", seen(&o));
        assert_eq!(
            text(&o.stderr).lines().next(),
            Some("fatal error: runtime: out of memory")
        );
    }
}

/// `pgojit check --bytecode big.go | head -1`: a reader that goes away ends
/// pgojit by SIGPIPE, as it would end a Go program, not by a Rust panic.
#[test]
fn a_closed_stdout_is_sigpipe_not_a_panic() {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    let mut src = String::from("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 0\n");
    for i in 0..20000 {
        src.push_str(&format!("\tx += {i}\n"));
    }
    src.push_str("\tfmt.Println(x)\n}\n");
    let file = std::env::temp_dir().join(format!("pgojit-sigpipe-{}.go", std::process::id()));
    std::fs::write(&file, src).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_pgojit"))
        .args(["check", "--bytecode", &file.display().to_string()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // (The pipe's read end is dropped here.)
    let out = child.wait_with_output().unwrap();
    std::fs::remove_file(&file).ok();
    const SIGPIPE: i32 = 13; // Linux
    assert_eq!(out.status.signal(), Some(SIGPIPE), "{}", seen(&out));
    assert!(!text(&out.stderr).contains("panicked"), "{}", seen(&out));
}
