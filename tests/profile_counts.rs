//! Exact counts in every tier: every program of `tests/programs/` (the
//! `*.go` files that compile, and the module directories) runs under
//! `pgojit profile --format=json` in `--tier=interp`, whose counts are the
//! truth (every invocation counted at its entry, every interface and
//! function-value call in its site's rows), and with tier-up: the default
//! tier, and `--jit-sync` with tiny thresholds (`--hot-calls=2
//! --hot-loops=10 --min-site-calls=1`, so that nearly everything runs in
//! baseline and optimized code, guarded, inlined, missed and recompiled).
//! The tiered runs' tables must equal the interpreter's:
//!
//! - every function's calls and back-edges, exactly;
//! - every direct call site's calls (`direct_calls`: calls of functions
//!   and of methods on concrete types, counted per call site by the
//!   interpreter, by compiled calls and by inlined copies), exactly;
//! - every site's calls, exactly (the rows' calls plus the calls compiled
//!   code made at the site compiled without guards, whose receivers are
//!   not counted by type: the table says so);
//! - every site's receiver rows and `other`, exactly, unless the table
//!   marks them: `receivers_estimated` (hits split between several guards
//!   by the rows' shares, without `--count-guards`) or indirect calls.
//!
//! The default-tier run is without `--count-guards` (the table may mark
//! estimates); the tiny-threshold run counts guard hits per target, so its
//! rows are exact wherever compiled code guarded the site; the same run
//! without `--count-guards` credits hits from the calls less the misses
//! (marked estimates where that cannot say which target took them).
//!
//! In the default tier, compilation is on the compiler thread, and which
//! code version runs which call depends on timing: the counts must not.
//! (They did not always: hits the old code made after its counts were
//! credited at the new code's installation went to the new code's guarded
//! targets, or nowhere when the new code had no guards, jit_iface_results.go's
//! `Bounds` and `Label` sites losing up to a few hundred of 90,000 calls.)
//!
//! Programs are deterministic (goroutines included: one thread, a
//! cooperative scheduler; map orders and math/rand's runtime seed fixed by
//! `--map-seed`) except the few in [`EXCLUDED`], which say why. They run
//! on two threads (a 2-core machine); the whole test took about 55 s there
//! (302 programs, 4 runs each).

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The runs compared with `--tier=interp`: (name, arguments). The first
/// compiles on the compiler thread.
const TIERED: &[(&str, &[&str])] = &[
    ("default tier", &["--tier=auto"]),
    (
        "tiny thresholds",
        &[
            "--tier=auto",
            "--jit-sync",
            "--hot-calls=2",
            "--hot-loops=10",
            "--min-site-calls=1",
            "--count-guards",
        ],
    ),
    // The same without `--count-guards`: hits are the calls less the
    // misses, credited to the guarded targets (rows exact unless marked
    // estimated: several guards, or copies of a site inlined into other
    // functions with guards of other targets).
    (
        "tiny thresholds, hits not counted",
        &[
            "--tier=auto",
            "--jit-sync",
            "--hot-calls=2",
            "--hot-loops=10",
            "--min-site-calls=1",
        ],
    ),
];

/// The programs: `tests/programs/*.go` without a `.compile_error`
/// expectation, and the directories with a `go.mod`.
fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/programs")
        .map(|e| e.unwrap().path())
        .filter(|p| {
            if p.is_dir() {
                p.join("go.mod").exists()
            } else {
                p.extension().is_some_and(|e| e == "go")
                    && !p.with_extension("compile_error").exists()
            }
        })
        .collect();
    out.sort();
    if let Ok(f) = std::env::var("PGOJIT_TEST_FILTER") {
        out.retain(|p| p.display().to_string().contains(&f));
    }
    out
}

/// One run's table: functions by name (calls, back-edges), sites by
/// position, caller and method; and the exit code.
struct Table {
    code: Option<i32>,
    funcs: BTreeMap<String, (u64, u64)>,
    sites: BTreeMap<(String, String, String), Value>,
    /// Direct call sites by (position, caller, callee): calls.
    edges: BTreeMap<(String, String, String), u64>,
}

fn profile(prog: &Path, args: &[&str]) -> Result<Table, String> {
    let out = Command::new(env!("CARGO_BIN_EXE_pgojit"))
        .arg("profile")
        .arg("--format=json")
        // The same map iteration orders and runtime random numbers (math/rand's
        // top-level functions) in every run.
        .arg("--map-seed=1")
        .args(args)
        .arg(prog)
        .output()
        .map_err(|e| format!("cannot run pgojit: {e}"))?;
    let err = String::from_utf8_lossy(&out.stderr);
    // The report on stderr, after whatever the program printed there and
    // before a panic's message.
    let at = err
        .find("{\n  \"version\"")
        .ok_or_else(|| format!("no JSON report on stderr: {err}"))?;
    let v: Value = serde_json::Deserializer::from_str(&err[at..])
        .into_iter::<Value>()
        .next()
        .ok_or("no JSON value")?
        .map_err(|e| format!("invalid JSON: {e}"))?;
    let mut funcs = BTreeMap::new();
    for f in v["functions"].as_array().ok_or("no functions")? {
        let name = f["name"].as_str().unwrap().to_string();
        let counts = (
            f["calls"].as_u64().unwrap(),
            f["backedges"].as_u64().unwrap(),
        );
        if funcs.insert(name.clone(), counts).is_some() {
            return Err(format!("function {name} twice in the table"));
        }
    }
    let mut sites = BTreeMap::new();
    for s in v["sites"].as_array().ok_or("no sites")? {
        let key = |k: &str| s[k].as_str().unwrap_or("").to_string();
        let k = (key("pos"), key("caller"), key("method"));
        if sites.insert(k.clone(), s.clone()).is_some() {
            return Err(format!("site {k:?} twice in the table"));
        }
    }
    let mut edges = BTreeMap::new();
    for e in v["direct_calls"].as_array().ok_or("no direct_calls")? {
        let key = |k: &str| e[k].as_str().unwrap_or("").to_string();
        let k = (key("pos"), key("caller"), key("callee"));
        if edges
            .insert(k.clone(), e["calls"].as_u64().unwrap())
            .is_some()
        {
            return Err(format!("direct call {k:?} twice in the table"));
        }
    }
    Ok(Table {
        code: out.status.code(),
        funcs,
        sites,
        edges,
    })
}

/// A site's receiver rows as a sorted list of (type, count), and `other`.
fn rows(s: &Value) -> (Vec<(String, u64)>, u64) {
    let mut r: Vec<(String, u64)> = s["receivers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["type"].as_str().unwrap().to_string(),
                r["count"].as_u64().unwrap(),
            )
        })
        .collect();
    r.sort();
    (r, s["other"].as_u64().unwrap())
}

/// The differences of `got` from the interpreter's counts: the exit
/// code, the functions' counts, and the sites': a site differs in its
/// calls, or in its receiver split (calls right, rows sharing them out
/// otherwise without the table saying they are estimates).
fn compare(want: &Table, got: &Table) -> Vec<String> {
    let mut diffs = Vec::new();
    if want.code != got.code {
        diffs.push(format!("exit {:?}, interpreter {:?}", got.code, want.code));
    }
    for (name, w) in &want.funcs {
        match got.funcs.get(name) {
            Some(g) if g == w => {}
            g => diffs.push(format!(
                "function {name}: (calls, back-edges) {g:?}, interpreter {w:?}"
            )),
        }
    }
    // (The table lists the direct call sites that made calls: one
    // missing is one that made none.)
    for k in want.edges.keys().chain(got.edges.keys()) {
        let (w, g) = (want.edges.get(k), got.edges.get(k));
        if w != g {
            diffs.push(format!(
                "direct call {} {} -> {}: {g:?} calls, interpreter {w:?}",
                k.0, k.1, k.2
            ));
        }
    }
    for (k, w) in &want.sites {
        let Some(g) = got.sites.get(k) else {
            diffs.push(format!("site {k:?} missing"));
            continue;
        };
        let c = &g["compiled"];
        let indirect = c["indirect_calls"].as_u64().unwrap_or(0);
        let estimated = c["receivers_estimated"].as_bool().unwrap_or(false);
        let (wc, gc) = (w["calls"].as_u64().unwrap(), g["calls"].as_u64().unwrap());
        if gc + indirect != wc {
            diffs.push(format!(
                "site {} {}: {gc} calls + {indirect} indirect, interpreter {wc}",
                k.0, k.2
            ));
        } else if indirect == 0 && !estimated && rows(g) != rows(w) {
            diffs.push(format!(
                "site {} {}: rows {:?}, interpreter {:?} (not marked estimated)",
                k.0,
                k.2,
                rows(g),
                rows(w)
            ));
        }
    }
    diffs
}

/// Programs whose runs differ between runs or tiers in what they do, not
/// in how they count: their counts cannot be compared.
const EXCLUDED: &[(&str, &str)] = &[
    // The depth at which Go's stack limit stops a recursion depends on
    // each tier's frame sizes.
    ("jit_stack_overflow_arg.go", "stack overflow depth"),
    ("jit_stack_overflow_iface.go", "stack overflow depth"),
    ("jit_stack_overflow_self.go", "stack overflow depth"),
    // sync.Map.Range's order varies from run to run even in the
    // interpreter, and so do the sort's back-edges after it.
    ("std_sync.go", "sync.Map order"),
    // A ticker and sleeps: how often the clock is read depends on timing.
    ("std_time.go", "timing"),
];

#[test]
fn every_tier_counts_what_the_interpreter_counts() {
    let mut progs = programs();
    progs.retain(|p| {
        let name = p.file_name().unwrap().to_string_lossy();
        !EXCLUDED.iter().any(|e| e.0 == name)
    });
    assert!(progs.len() > 200, "the corpus: {} programs", progs.len());
    let t0 = std::time::Instant::now();
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::<String>::new());
    // Direct calls the interpreter counted over the corpus (the test
    // compares something).
    let direct = AtomicUsize::new(0);
    let worker = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(p) = progs.get(i) else { break };
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let fail = |m: String| failures.lock().unwrap().push(format!("{name}: {m}"));
        let want = match profile(p, &["--tier=interp"]) {
            Ok(t) => t,
            Err(e) => {
                fail(format!("--tier=interp: {e}"));
                continue;
            }
        };
        direct.fetch_add(want.edges.values().sum::<u64>() as usize, Ordering::Relaxed);
        for (what, args) in TIERED {
            match profile(p, args) {
                Ok(got) => {
                    for d in compare(&want, &got) {
                        fail(format!("{what}: {d}"));
                    }
                }
                Err(e) => fail(format!("{what}: {e}")),
            }
        }
    };
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(worker);
        }
    });
    let failures = failures.into_inner().unwrap();
    let direct = direct.into_inner();
    eprintln!(
        "{} programs, {} runs each, {direct} direct calls, in {:.1} s",
        progs.len(),
        1 + TIERED.len(),
        t0.elapsed().as_secs_f64()
    );
    assert!(
        direct > 1_000_000 || std::env::var("PGOJIT_TEST_FILTER").is_ok(),
        "the corpus made only {direct} direct calls"
    );
    assert!(
        failures.is_empty(),
        "{} difference(s) from the interpreter's counts:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
