//! The JIT from the command line: what the listings of the guard shapes
//! say (their code is compared in tests/listings.rs),
//! `--trace-tier` decisions, `--stats`, `--perf-map`, and code memory that
//! is never writable and executable at once while compiled code runs.
//! Programs are in tests/jit/.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/jit")
}

fn pgojit(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_pgojit"))
        .args(args)
        .output()
        .expect("pgojit runs");
    assert!(
        out.status.success(),
        "pgojit {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn prog(name: &str) -> String {
    dir().join(format!("{name}.go")).display().to_string()
}

/// The `--stable` listing of `main.run` in `name.go`. Its code is
/// compared in small pieces by tests/listings.rs; these tests check what
/// the guard comments say.
fn listing(name: &str) -> String {
    listing_with(name, &[])
}

fn listing_with(name: &str, extra: &[&str]) -> String {
    let p = prog(name);
    let mut args = vec!["disasm", "--jit-sync", "--no-opt", "--stable"];
    args.extend(extra);
    args.extend(["--func", "main.run", &p]);
    let out = pgojit(&args);
    let text = String::from_utf8_lossy(&out.stdout);
    text[text.find("TEXT main.run").expect("a listing")..].to_string()
}

#[test]
fn listing_monomorphic_guard_with_inlined_target() {
    let l = listing("mono");
    assert!(l.contains("; guard 1: itab == *main.Square"), "{l}");
    assert!(l.contains("; inlined main.(*Square).Area"), "{l}");
    assert!(
        l.contains("; guard miss: indirect call through the itab"),
        "{l}"
    );
}

#[test]
fn listing_bimorphic_guards() {
    let l = listing("bimorphic");
    assert!(l.contains("; guard 1: itab == main.Square"), "{l}");
    assert!(l.contains("; guard 2: itab == *main.Rect"), "{l}");
}

#[test]
fn listing_megamorphic_indirect_call() {
    let l = listing_with("mega", &["--polymorphic=2"]);
    assert!(!l.contains("; guard 1"), "{l}");
    assert!(l.contains("; indirect call through the itab"), "{l}");
}

#[test]
fn listing_polymorphic_chain_of_inlined_guards() {
    // Four receivers, 25% each: a guard per type, each body inlined, and
    // the indirect call for anything else.
    let l = listing("mega");
    for (k, t) in ["A", "B", "C", "D"].iter().enumerate() {
        let guard = format!("; guard {}: itab == *main.{t}", k + 1);
        assert!(l.contains(&guard), "{guard}\n{l}");
        let body = format!("; inlined main.(*{t}).Area");
        assert!(l.contains(&body), "{body}\n{l}");
    }
    assert!(
        l.contains("; guard miss: indirect call through the itab"),
        "{l}"
    );
}

#[test]
fn trace_tier_explains_each_decision() {
    let out = pgojit(&["run", "--jit-sync", "--trace-tier", &prog("mono")]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "900000\n");
    assert!(
        err.contains("mono.go:14:10: devirtualizing shapes[i % len(shapes)].Area to *main.Square (9999 of 9999 calls, 100.0%)"),
        "{err}"
    );
    assert!(
        err.contains("mono.go:14:10: inlining call to main.(*Square).Area"),
        "{err}"
    );
    assert!(
        err.contains("tier-up main.run: 10000 loop back-edges (--hot-loops=10000)"),
        "{err}"
    );
    assert!(err.contains("OSR into compiled main.run"), "{err}");

    let out = pgojit(&[
        "run",
        "--jit-sync",
        "--trace-tier",
        "--polymorphic=2",
        &prog("mega"),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("mega.go:20:10: not devirtualizing shapes[i % len(shapes)].Area: megamorphic (top *main.A 25.0%)"),
        "{err}"
    );
    let out = pgojit(&["run", "--jit-sync", "--trace-tier", &prog("mega")]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("mega.go:20:10: devirtualizing shapes[i % len(shapes)].Area to *main.A, *main.B, *main.C, *main.D (polymorphic, 9999 of 9999 calls, 100.0%)"),
        "{err}"
    );
    // The same shape of site, with bodies too big to inline: no chain.
    let out = pgojit(&["run", "--jit-sync", "--trace-tier", &prog("poly_calls")]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "210000\n"); // (real Go: 210000)
    assert!(
        err.contains("poly_calls.go:38:10: not devirtualizing shapes[i % len(shapes)].Area: polymorphic (3 receivers, 9999 of 9999 calls), but *main.A is not inlined"),
        "{err}"
    );

    let out = pgojit(&[
        "run",
        "--jit-sync",
        "--trace-tier",
        "--no-devirt",
        &prog("mono"),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not devirtualizing shapes[i % len(shapes)].Area: --no-devirt"),
        "{err}"
    );
}

#[test]
fn tier_jit_compiles_at_first_call_and_stats_count_tiers() {
    let out = pgojit(&["run", "--tier=jit", "--no-opt", "--stats", &prog("mono")]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "900000\n");
    // The program's four functions, and the one the initialization of
    // the standard-library packages it imports calls (errors.New, called
    // by name in package errors: one call).
    assert!(err.contains("functions compiled 5 (0 failed)"), "{err}");
    // Every call ran compiled; the profile saw nothing, so the site stays
    // an indirect call.
    assert!(
        err.contains("calls             0 interpreted, 100004 compiled"),
        "{err}"
    );
    assert!(
        err.contains("loop trips        0 interpreted, 100000 compiled"),
        "{err}"
    );

    let out = pgojit(&[
        "run",
        "--jit-sync",
        "--count-guards",
        "--stats",
        &prog("mono"),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    // The loop went compiled after 10,000 interpreted trips (--hot-loops).
    assert!(
        err.contains(
            "guard tests/jit/mono.go:14:10 shapes[i % len(shapes)].Area: 90001 hits, 0 misses"
        ) || err.contains("shapes[i % len(shapes)].Area: 90001 hits, 0 misses"),
        "{err}"
    );
}

#[test]
fn perf_map_names_compiled_functions() {
    let child = Command::new(env!("CARGO_BIN_EXE_pgojit"))
        .args(["run", "--jit-sync", "--perf-map", &prog("mono")])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let path = format!("/tmp/perf-{pid}.map");
    let map = std::fs::read_to_string(&path).expect("perf map written");
    let _ = std::fs::remove_file(&path);
    let line = map
        .lines()
        .find(|l| l.ends_with(" go::main.run"))
        .unwrap_or_else(|| panic!("main.run in the map:\n{map}"));
    let mut parts = line.split(' ');
    let start = u64::from_str_radix(parts.next().unwrap(), 16).unwrap();
    let len = u64::from_str_radix(parts.next().unwrap(), 16).unwrap();
    assert!(start > 0 && len > 0, "{line}");
}

/// Reads the child's `/proc/PID/maps` while its compiled loop runs: no
/// mapping may be writable and executable at once.
#[test]
fn code_memory_is_never_writable_and_executable() {
    let child = Command::new(env!("CARGO_BIN_EXE_pgojit"))
        .args(["run", "--jit-sync", &prog("long_loop")])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut seen_exec_anon = false;
    for _ in 0..20 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let Ok(maps) = std::fs::read_to_string(format!("/proc/{pid}/maps")) else {
            break;
        };
        for line in maps.lines() {
            let perms = line.split_whitespace().nth(1).unwrap_or("");
            assert!(
                !(perms.contains('w') && perms.contains('x')),
                "writable and executable: {line}"
            );
            // Anonymous executable mappings: JIT code.
            if perms.contains('x') && line.split_whitespace().count() == 5 {
                seen_exec_anon = true;
            }
        }
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(
        seen_exec_anon,
        "compiled code was mapped while the loop ran"
    );
}

/// A phase change: the guard goes stale, the function is recompiled from
/// the window's receivers, and the running loop leaves the old code.
#[test]
fn stale_guard_is_recompiled_and_the_loop_moves_over() {
    // (The baseline tier's mechanism: it continues at the guard's call
    // site in the new code.)
    let out = pgojit(&[
        "run",
        "--jit-sync",
        "--no-opt",
        "--trace-tier",
        "--stats",
        &prog("phase"),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "3400000\n");
    assert!(
        err.contains("phase.go:22:10: devirtualizing s.Area to *main.Square"),
        "{err}"
    );
    assert!(
        err.contains("phase.go:22:10: s.Area missed 10098 of 10098 calls (100.0%) since compilation: recompiling main.run"),
        "{err}"
    );
    assert!(
        err.contains("phase.go:22:10: devirtualizing s.Area to *main.Circle"),
        "{err}"
    );
    assert!(
        err.contains("main.run leaves its old code for the recompiled one"),
        "{err}"
    );
    assert!(err.contains("recompilations    1"), "{err}");
}

/// A function hot through its calls gets optimized code without OSR
/// entries, while an activation of it (the outer call of `walk`) runs
/// another of its loops in baseline code for the whole program: that loop
/// keeps coming back, asks for a compilation with an entry at every
/// header, and continues in it.
#[test]
fn a_loop_without_an_entry_asks_for_one_and_moves_over() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/programs/osr_other_loop.go")
        .display()
        .to_string();
    let out = pgojit(&["run", "--jit-sync", "--trace-tier", &p]);
    let err = String::from_utf8_lossy(&out.stderr);
    let want = std::fs::read_to_string(p.replace(".go", ".stdout")).expect("expected output");
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
    let asked = "main.walk still runs its baseline code at the loop header (pc 11), where its opt code has no entry: compiling it again with an entry at every header";
    let at = err.find(asked).unwrap_or_else(|| panic!("{err}"));
    assert!(
        err[at..]
            .contains("main.walk leaves its baseline code for opt code at the loop header (pc 11)"),
        "{err}"
    );
    assert_eq!(err.matches(asked).count(), 1, "{err}");
}

/// The same phase change in optimized code: its miss path notices the
/// recompilation, and the loop's next back-edge writes the header's live
/// slots to the frame and continues in the new code's OSR entry.
#[test]
fn optimized_code_leaves_for_the_recompiled_code_at_the_loop_header() {
    let out = pgojit(&[
        "run",
        "--jit-sync",
        "--opt-at-tier-up",
        "--trace-tier",
        "--stats",
        &prog("phase"),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "3400000\n");
    assert!(
        err.contains("phase.go:22:10: devirtualizing s.Area to *main.Circle"),
        "{err}"
    );
    assert!(
        err.contains("main.run leaves its old code for the recompiled one at pc 3"),
        "{err}"
    );
    assert!(err.contains("recompilations    1"), "{err}");
    let out = pgojit(&[
        "disasm",
        "--jit-sync",
        "--opt-at-tier-up",
        "--func",
        "main.run",
        &prog("phase"),
    ]);
    let l = String::from_utf8_lossy(&out.stdout);
    assert!(
        l.contains("; recompiled: continue at the loop header (pc 3) in the new code"),
        "{l}"
    );
}

/// Two guarded sites in one loop whose receivers change at different
/// times (the flag in a frame word, not in the site-count register): each
/// site's recompilation moves the loop over.
#[test]
fn optimized_code_with_two_guarded_sites_leaves_for_the_recompiled_code() {
    let out = pgojit(&[
        "run",
        "--jit-sync",
        "--opt-at-tier-up",
        "--trace-tier",
        // (With pairs of guards, `t` would get both types at the first
        // recompilation and never miss.)
        "--bimorphic",
        "1.01",
        &prog("phase_two_times"),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    // (Real Go prints 12800000.)
    assert_eq!(String::from_utf8_lossy(&out.stdout), "12800000\n");
    let leaves = err
        .matches("main.run leaves its old code for the recompiled one at pc 3")
        .count();
    assert_eq!(leaves, 2, "{err}");
}

/// Two guarded sites whose receivers change together: the recompilation
/// the first one's window asks for plans the second from its own window
/// too (already past the miss ratio), so one recompilation serves both.
#[test]
fn sites_missing_together_are_planned_in_one_recompilation() {
    let out = pgojit(&[
        "run",
        "--jit-sync",
        "--opt-at-tier-up",
        "--trace-tier",
        "--stats",
        "--bimorphic",
        "1.01",
        &prog("phase_two_sites"),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    // (Real Go prints 10200000.)
    assert_eq!(String::from_utf8_lossy(&out.stdout), "10200000\n");
    assert!(
        err.contains("phase_two_sites.go:23:10: s.Area missed 10098 of 10098 calls (100.0%) since compilation: recompiling main.run"),
        "{err}"
    );
    assert!(
        err.contains("phase_two_sites.go:23:23: t.Area missed 10097 of 10097 calls (100.0%) so far: planned from them in the same recompilation"),
        "{err}"
    );
    assert!(
        err.contains("phase_two_sites.go:23:23: devirtualizing t.Area to *main.Square"),
        "{err}"
    );
    assert!(err.contains("recompilations    1"), "{err}");
    assert_eq!(
        err.matches("main.run leaves its old code for the recompiled one at pc 3")
            .count(),
        1,
        "{err}"
    );
}

/// A dominant type that keeps flipping: recompilations stop at
/// --max-recompiles and the site settles to an indirect call.
#[test]
fn flipping_site_settles_to_an_indirect_call() {
    let out = pgojit(&[
        "run",
        "--jit-sync",
        "--trace-tier",
        "--stats",
        "--bimorphic=1.01",
        "--miss-window=100",
        "--max-recompiles=3",
        &prog("alternating_slow"),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "12000000\n");
    assert!(
        err.contains("after 3 recompilations it settles to an indirect call"),
        "{err}"
    );
    assert!(
        err.contains(
            "not devirtualizing s.Area: settled to an indirect call after 3 recompilations"
        ),
        "{err}"
    );
    assert!(err.contains("recompilations    4"), "{err}");

    // Flipping faster than a window: the window sees both types, and
    // (with bimorphic guards off) the site ends as an indirect call
    // without recompiling at all.
    let out = pgojit(&[
        "run",
        "--jit-sync",
        "--trace-tier",
        "--stats",
        "--bimorphic=1.01",
        &prog("alternating"),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "12000000\n");
    assert!(
        err.contains("not devirtualizing s.Area: below-bimorphic"),
        "{err}"
    );
    assert!(err.contains("recompilations    0"), "{err}");
}

/// `pgojit stress`: every adversarial mode prints what the interpreter
/// printed, also with four copies of the program at once.
#[test]
fn stress_modes_match_the_interpreter() {
    let out = pgojit(&["stress", "--repeat=2", &prog("phase")]);
    let text = String::from_utf8_lossy(&out.stdout);
    for mode in ["force-miss", "random-miss=0.3", "poison", "flip=1000"] {
        // One line per mode, for both runs.
        let lines: Vec<&str> = text.lines().filter(|l| l.starts_with(mode)).collect();
        assert_eq!(lines.len(), 1, "{mode} once:\n{text}");
        assert!(
            lines[0].contains(" matches the interpreter: 2 runs, "),
            "{text}"
        );
    }
    assert!(
        text.contains("stress: every run matches the interpreter"),
        "{text}"
    );

    // Run options after `--` may override stress's own defaults.
    let out = pgojit(&[
        "stress",
        "--mode=force-miss",
        &prog("phase"),
        "--",
        "--hot-calls=200",
        "--stats",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("stress: every run matches the interpreter"),
        "{text}"
    );

    // Four copies at once in one process, sharing profile and code.
    let out = pgojit(&["stress", "--threads=4", "--mode=flip=500", &prog("phase")]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("stress: every run matches the interpreter"),
        "{text}"
    );
}

/// The counts of `pgojit profile --tier=interp --format=json` at each
/// site, by position: the interpreter's exact calls.
fn interp_calls(file: &str) -> std::collections::HashMap<String, u64> {
    let out = pgojit(&["profile", "--tier=interp", "--format=json", file]);
    let v: serde_json::Value = serde_json::from_slice(&out.stderr).expect("profile JSON");
    v["sites"]
        .as_array()
        .expect("sites")
        .iter()
        .map(|s| {
            (
                s["pos"].as_str().unwrap().to_string(),
                s["calls"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// `pgojit stress`'s report: short lines, a time per call only where the
/// version's own calls measured it, guard counts from the run's counters
/// (not from the code installed at exit), and `--format=json`.
#[test]
fn stress_report_is_bounded_and_counted() {
    let file = prog("phase");
    let exact = interp_calls(&file);
    // --jit-sync: force-miss's recompilations happen before the run ends.
    let out = pgojit(&[
        "stress",
        "--mode=force-miss",
        "--mode=flip=1000",
        &file,
        "--",
        "--jit-sync",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().count() < 40, "{text}");
    for line in text.lines() {
        assert!(line.chars().count() < 200, "{line}");
        // A version line: "    vN SHAPE: C calls, T ns/call" or "not measured".
        if let Some((_, rest)) = line
            .trim_start()
            .split_once(": ")
            .filter(|_| line.starts_with("    v"))
        {
            let calls: u64 = rest.split(' ').next().unwrap().parse().expect(line);
            if rest.ends_with(" ns/call") {
                assert!(calls >= 100, "a time over {calls} calls: {line}");
            } else {
                assert!(rest.ends_with("not measured"), "{line}");
            }
        }
    }
    // force-miss recompiles, and says how many guards missed (every one).
    let fm = text.lines().find(|l| l.starts_with("force-miss")).unwrap();
    assert!(fm.contains("matches the interpreter"), "{text}");
    let recompiles: u64 = fm
        .split(", ")
        .find_map(|p| p.strip_suffix(" recompilations"))
        .and_then(|n| n.parse().ok())
        .expect(fm);
    assert!(recompiles > 0, "{fm}");
    assert!(fm.contains("guard hits 0, misses "), "{fm}");
    assert!(!fm.contains("misses 0,"), "{fm}");
    // flip's history is cut to its ends.
    assert!(text.contains(" more versions"), "{text}");

    // The same as one JSON document.
    let out = pgojit(&[
        "stress",
        "--format=json",
        "--mode=force-miss",
        "--mode=flip=1000",
        &file,
        "--",
        "--jit-sync",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stress JSON");
    assert_eq!(v["matches"], true);
    let modes: Vec<&str> = v["modes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["mode"].as_str().unwrap())
        .collect();
    assert_eq!(modes, ["force-miss", "flip=1000"]);
    for m in v["modes"].as_array().unwrap() {
        let r = &m["runs"][0]["report"];
        let sites = r["sites"].as_array().unwrap();
        assert!(!sites.is_empty(), "{r}");
        let mut misses = 0;
        for s in sites {
            let versions = s["versions"].as_array().unwrap();
            let last = versions.last().unwrap();
            assert!(last["ns_per_call"].is_null(), "{s}");
            for ver in versions {
                if !ver["ns_per_call"].is_null() {
                    assert!(ver["calls"].as_u64().unwrap() >= 100, "{s}");
                }
            }
            // Compiled code's calls at the site (hits, misses, unguarded)
            // are every version's, and no more than the interpreter
            // counted there.
            let (h, mi, ind) = (
                s["hits"].as_u64().expect("--count-guards"),
                s["misses"].as_u64().unwrap(),
                s["indirect"].as_u64().unwrap(),
            );
            let calls: u64 = versions.iter().map(|v| v["calls"].as_u64().unwrap()).sum();
            assert_eq!(calls, h + mi + ind, "{s}");
            assert!(calls <= exact[s["at"].as_str().unwrap()], "{s}");
            if m["mode"] == "force-miss" {
                assert_eq!(h, 0, "force-miss: every guard misses: {s}");
            }
            misses += mi;
        }
        assert_eq!(r["guard_misses"].as_u64().unwrap(), misses, "{r}");
        if m["mode"] == "force-miss" {
            assert!(r["recompilations"].as_u64().unwrap() > 0, "{r}");
            assert!(misses > 0, "{r}");
        }
    }
}

/// Two guarded targets with the same inlined body share one branch-free
/// guard and one body; the answer is Go's.
#[test]
fn identical_bimorphic_bodies_share_one_guard() {
    let out = pgojit(&[
        "disasm",
        "--jit-sync",
        "--no-opt",
        "--stable",
        "--func",
        "main.run",
        &prog("twins"),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("681250\n3431\n"), "{text}");
    assert!(
        text.contains(
            "; guards 1, 2: itab == *main.Square or *main.Circle (identical inlined bodies)"
        ),
        "{text}"
    );
    assert!(!text.contains("; guard 1:"), "{text}");
    // With hit counting the guards stay apart (hits are told apart).
    let out = pgojit(&[
        "disasm",
        "--jit-sync",
        "--no-opt",
        "--stable",
        "--count-guards",
        "--func",
        "main.run",
        &prog("twins"),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("; guard 2: itab == *main.Circle"), "{text}");
}

/// Trivial callees (`Vec.Add`, `Vec.Dot`) do not use up the inlining
/// budget: after forty-nine of them, a larger callee is inlined too.
#[test]
fn trivial_callees_leave_the_inlining_budget_to_larger_ones() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/opt_trivial_inlines.go");
    let p = p.display().to_string();
    let out = pgojit(&["run", "--tier=opt", "--trace-tier", &p]);
    let err = String::from_utf8_lossy(&out.stderr);
    for callee in ["main.V.Add", "main.V.Dot", "main.mix"] {
        assert!(
            err.contains(&format!("main.step: inlining call to {callee}")),
            "{callee}: {err}"
        );
    }
    assert!(!err.contains("main.step: cannot inline"), "{err}");
    let want = std::fs::read_to_string(p.replace(".go", ".stdout")).expect("expected output");
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
}

/// The optimizing tier inlines small static leaves and says why it does
/// not inline the others, and the program's output is Go's.
#[test]
fn the_optimizing_tier_inlines_static_leaves_and_says_why_not_others() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/opt_registers.go");
    let p = p.display().to_string();
    let out = pgojit(&["run", "--tier=opt", "--trace-tier", &p]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("main.acrossCalls: inlining call to main.id"),
        "{err}"
    );
    // A callee with a loop is inlined, unless compiled code counts loop
    // trips (`--stats`) or steps: an inlined loop's back-edges do not.
    assert!(
        err.contains("main.main: inlining call to main.swaps"),
        "{err}"
    );
    let counted = pgojit(&["run", "--tier=opt", "--trace-tier", "--stats", &p]);
    assert!(
        String::from_utf8_lossy(&counted.stderr)
            .contains("main.main: cannot inline main.swaps: has a loop (--max-steps or counts on)"),
        "{}",
        String::from_utf8_lossy(&counted.stderr)
    );
    assert!(
        err.contains("pgojit: compiled main.acrossCalls (opt tier,"),
        "{err}"
    );
    let want = std::fs::read_to_string(p.replace(".go", ".stdout")).expect("expected output");
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
    // Without inlining, the same output and no inlining lines.
    let out = pgojit(&["run", "--tier=opt", "--no-inline", "--trace-tier", &p]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("inlining call"));
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
}

/// Baseline code that stays hot is compiled again by the optimizing tier,
/// which devirtualizes from the profile, and the running loop moves into
/// it at its header; `--stats` shows both tiers' compile times.
#[test]
fn hot_baseline_code_moves_up_to_the_optimizing_tier() {
    let out = pgojit(&[
        "run",
        "--jit-sync",
        "--opt-after=1000",
        "--trace-tier",
        "--stats",
        &prog("mono"),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "900000\n");
    assert!(
        err.contains("tier-up main.run to opt: 1000 calls and loop back-edges in baseline code (--opt-after=1000)"),
        "{err}"
    );
    assert!(
        err.contains("pgojit: compiled main.run (opt tier,"),
        "{err}"
    );
    assert!(
        err.contains("main.run leaves its baseline code for opt code at the loop header"),
        "{err}"
    );
    assert!(err.contains("(baseline: "), "{err}");
    assert!(err.contains("opt: "), "{err}");
    // --no-opt stops at baseline code.
    let out = pgojit(&[
        "run",
        "--jit-sync",
        "--no-opt",
        "--trace-tier",
        &prog("mono"),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("opt tier"), "{err}");
}

/// The optimized code of `name` in tests/jit/opt_constants.go.
fn optimized(name: &str) -> String {
    let p = prog("opt_constants");
    let out = pgojit(&["disasm", "--tier=opt", "--func", name, &p]);
    let text = String::from_utf8_lossy(&out.stdout);
    text[text.find(&format!("TEXT {name}")).expect("a listing")..].to_string()
}

/// Constant operands as Go's compiler uses them: no `div` for a
/// constant divisor, a shift by a constant count as one instruction, and
/// float constants read from the constant pool after the code.
#[test]
fn optimized_code_uses_constant_operands() {
    let digits = optimized("main.digits");
    assert!(digits.contains("  mul "), "{digits}");
    assert!(!digits.contains(" div "), "{digits}");
    assert!(
        digits.contains("dq CCCCCCCCCCCCCCCDh") || digits.contains("0CCCCCCCCCCCCCCCDh"),
        "{digits}"
    );
    let scramble = optimized("main.scramble");
    assert!(scramble.contains(", 0Dh"), "{scramble}");
    assert!(
        scramble.contains("shr ") && scramble.contains(", 7"),
        "{scramble}"
    );
    assert!(!scramble.contains(", cl"), "{scramble}");
    let newton = optimized("main.newton");
    assert!(newton.contains("; constants"), "{newton}");
    for k in [
        "3FD0000000000000h",
        "3FE0000000000000h",
        "4010000000000000h",
    ] {
        assert!(
            newton.contains(&format!("dq {k}")),
            "{k} in the pool: {newton}"
        );
        // (Not moved in through a general register.)
        assert!(!newton.contains(&format!(", {k}")), "{k}: {newton}");
    }
}

/// `pgojit stress`'s time per call of a version starts at the version's
/// first call, not at its installation. With the compiler thread, biased90's
/// first version may be installed while the interpreter still runs `run`'s
/// loop (before its OSR entry); timed from installation it then showed the
/// interpreter's time (3,600 to 23,000 ns/call against about 30 for every
/// later version, in 8 of 10 runs before the fix). Timing on a shared
/// machine varies (a version is some 30 us: one preemption makes it slow),
/// so over ten runs (that flipped at least three times) the median of the
/// first version's time over the median version's must be under 5
/// (before the fix: about 75).
#[test]
fn stress_times_a_version_from_its_first_call() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/pprof/biased90.go")
        .display()
        .to_string();
    let mut seen = Vec::new();
    // (On a loaded machine a run may compile late and flip only once or
    // twice: such runs say nothing here and are skipped.)
    for _ in 0..20 {
        if seen.len() == 10 {
            break;
        }
        let out = pgojit(&["stress", "--format=json", "--mode=flip", &file]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stress JSON");
        assert_eq!(v["matches"], true, "{v}");
        let site = &v["modes"][0]["runs"][0]["report"]["sites"][0];
        let ns: Vec<Option<f64>> = site["versions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["ns_per_call"].as_f64())
            .collect();
        let mut measured: Vec<f64> = ns.iter().flatten().copied().collect();
        let Some(first) = ns[0].filter(|_| measured.len() >= 3) else {
            continue;
        };
        measured.sort_by(f64::total_cmp);
        let median = measured[measured.len() / 2];
        seen.push((first, median));
    }
    assert!(seen.len() >= 5, "too few runs flipped: {seen:?}");
    let mut ratios: Vec<f64> = seen.iter().map(|(f, m)| f / m).collect();
    ratios.sort_by(f64::total_cmp);
    assert!(
        ratios[ratios.len() / 2] < 5.0,
        "(first version's ns/call, median) in ten runs: {seen:?}"
    );
}
