//! Dispatch benchmark: runs each Go program of `benches/workloads/` under
//! every mode of [`MODES`], `BENCH_RUNS` times, and prints the median wall
//! time and the time per interface call (`// calls: N` on the program's
//! first line), plus the startup time of `hello.go`.
//!
//! Columns: `interp` (`--tier=interp`), `interp-noprof` (without receiver
//! counting), then the JIT through automatic tier-up: `jit-indirect`
//! (`--no-devirt`: interface calls stay indirect calls), `jit-guard`
//! (`--no-inline`: guarded direct calls, no inlining), `jit` (the default:
//! guards and inlining), `jit-count` (`--count-guards`); then `go`,
//! `go+pgo` and the `rs-*` references below.
//!
//! After the table, a ratios section ([`RATIOS`]) divides the medians of
//! the same run, per workload: `interp/jit` (what tier-up buys),
//! `jit-indirect/jit-guard` and `jit-indirect/jit` (what devirtualization
//! buys), `jit/go` and `jit/go+pgo`, `jit-count/jit` (what counting guard
//! hits costs). A ratio is `n/a` when either column was not run, is `n/a`
//! or failed.
//!
//! It builds nothing: `scripts/bench.sh` (or `cargo build --release`)
//! builds the binary first; `cargo bench --bench dispatch` runs this.
//!
//! Environment:
//! - `PGOJIT_BIN`: the pgojit binary (default `target/release/pgojit`).
//! - `BENCH_RUNS`: timed runs per cell, median reported (default 5).
//! - `BENCH_WARMUP`: untimed runs first (default 1).
//! - `BENCH_FILTER`: only workloads whose name contains this.
//! - `BENCH_MODES`: `,`-separated mode labels to run (default: all).
//! - `BENCH_TIMEOUT`: seconds before a run is killed (default 120).
//! - `BENCH_TSV`: also write the results as tab-separated values to this
//!   file: a row per workload and mode (`median_s`, `ns_per_call`), then a
//!   row per workload and ratio (mode `num/den`, value in `ratio`).
//!
//! A run that exits non-zero or prints something other than the recorded
//! Go output (`NAME.stdout`, from `scripts/regen-expected.sh`) is reported
//! as `FAIL`/`WRONG` instead of a time: a fast wrong answer is no result.
//!
//! The `go` / `go+pgo` columns run real Go binaries built by
//! `scripts/go-pgo.sh` (or `scripts/bench.sh --go`); without them those
//! columns show `n/a` with a note, and nothing fails. The `rs-*` columns
//! are native Rust twins of the loops, timed in-process
//! (`dispatch/native_refs.rs`): static calls, `dyn` calls, and a
//! hand-written type guard.

#[path = "dispatch/native_refs.rs"]
mod native_refs;

use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// A column of the table: how to run one workload. In `argv`, `{pgojit}`
/// is the pgojit binary, `{file}` the workload's .go file, `{name}` its
/// name without `.go`, `{target}` cargo's target directory. A mode whose
/// program does not exist (say, a Go binary not built yet) shows `n/a`.
struct Mode {
    label: &'static str,
    argv: &'static [&'static str],
    /// Instead of running `argv`, time the in-process Rust twin.
    native: Option<native_refs::Kind>,
}

const MODES: &[Mode] = &[
    Mode {
        label: "interp",
        argv: &["{pgojit}", "run", "--tier=interp", "{file}"],
        native: None,
    },
    // What counting receivers and calls costs (issue 4).
    Mode {
        label: "interp-noprof",
        argv: &["{pgojit}", "run", "--tier=interp", "--no-profile", "{file}"],
        native: None,
    },
    // The JIT tiers (issue 5), all through automatic tier-up: without
    // devirtualization (interface calls stay indirect calls), with guarded
    // direct calls but no inlining, the default (guards and inlining), and
    // the default while counting every guard hit.
    Mode {
        label: "jit-indirect",
        argv: &["{pgojit}", "run", "--tier=auto", "--no-devirt", "{file}"],
        native: None,
    },
    Mode {
        label: "jit-guard",
        argv: &["{pgojit}", "run", "--tier=auto", "--no-inline", "{file}"],
        native: None,
    },
    Mode {
        label: "jit",
        argv: &["{pgojit}", "run", "--tier=auto", "{file}"],
        native: None,
    },
    Mode {
        label: "jit-count",
        argv: &["{pgojit}", "run", "--tier=auto", "--count-guards", "{file}"],
        native: None,
    },
    // Real Go, plain and PGO-built (scripts/go-pgo.sh).
    Mode {
        label: "go",
        argv: &["{target}/bench-go/{name}"],
        native: None,
    },
    Mode {
        label: "go+pgo",
        argv: &["{target}/bench-go/{name}.pgo"],
        native: None,
    },
    // Native Rust references, in-process (the time is the loop alone).
    Mode {
        label: "rs-static",
        argv: &[],
        native: Some(native_refs::Kind::Static),
    },
    Mode {
        label: "rs-dyn",
        argv: &[],
        native: Some(native_refs::Kind::Dyn),
    },
    Mode {
        label: "rs-guard",
        argv: &[],
        native: Some(native_refs::Kind::Guard),
    },
];

/// Table order; other workloads found in the directory follow, sorted.
const ORDER: &[&str] = &[
    "hello",
    "mono",
    "biased",
    "bimorphic",
    "random8020",
    "phase",
    "mega8",
];

/// A line of the ratios section: `num / den` of the two columns' medians
/// in the same run, per workload. `n/a` when either column was not run
/// (`BENCH_MODES`), is missing (`n/a`) or failed (`FAIL`/`WRONG`).
struct Ratio {
    num: &'static str,
    den: &'static str,
    what: &'static str,
}

const RATIOS: &[Ratio] = &[
    Ratio {
        num: "interp",
        den: "jit",
        what: "speedup of automatic tier-up over the interpreter",
    },
    Ratio {
        num: "jit-indirect",
        den: "jit-guard",
        what: "what guarded direct calls buy over indirect calls",
    },
    Ratio {
        num: "jit-indirect",
        den: "jit",
        what: "what devirtualization (guards and inlining) buys",
    },
    Ratio {
        num: "jit",
        den: "go",
        what: "pgojit's JIT against plain Go (< 1: faster than Go)",
    },
    Ratio {
        num: "jit",
        den: "go+pgo",
        what: "pgojit's JIT against Go built with PGO",
    },
    Ratio {
        num: "jit-count",
        den: "jit",
        what: "what counting every guard hit costs",
    },
];

struct Workload {
    name: String,
    file: PathBuf,
    calls: u64,
    expected_stdout: Option<Vec<u8>>,
}

enum Cell {
    Time(Duration),
    Missing(String),
    Failed(String),
}

fn main() {
    // cargo passes `--bench` (and any filter given after `--`)
    let arg_filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let pgojit = std::env::var_os("PGOJIT_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| target.join("release/pgojit"));
    let runs = env_num("BENCH_RUNS", 5).max(1) as usize;
    let warmup = env_num("BENCH_WARMUP", 1) as usize;
    let timeout = Duration::from_secs(env_num("BENCH_TIMEOUT", 120));
    let filter = std::env::var("BENCH_FILTER")
        .ok()
        .or(arg_filter)
        .unwrap_or_default();
    let wanted_modes: Option<Vec<String>> = std::env::var("BENCH_MODES")
        .ok()
        .map(|m| m.split(',').map(|s| s.trim().to_string()).collect());

    for r in RATIOS {
        for l in [r.num, r.den] {
            assert!(
                MODES.iter().any(|m| m.label == l),
                "ratio {}/{}: no mode {l}",
                r.num,
                r.den
            );
        }
    }
    let modes: Vec<&Mode> = MODES
        .iter()
        .filter(|m| {
            wanted_modes
                .as_ref()
                .is_none_or(|w| w.iter().any(|l| l == m.label))
        })
        .collect();
    if modes.is_empty() {
        eprintln!(
            "dispatch: no mode selected (BENCH_MODES={wanted_modes:?}); known: {}",
            MODES.iter().map(|m| m.label).collect::<Vec<_>>().join(",")
        );
        std::process::exit(2);
    }
    let workloads = load_workloads(&root.join("benches/workloads"), &filter);
    if workloads.is_empty() {
        eprintln!("dispatch: no workload matches {filter:?}");
        std::process::exit(2);
    }
    if !pgojit.exists() {
        eprintln!("dispatch: warning: {} does not exist (build with `cargo build --release` or set PGOJIT_BIN)", pgojit.display());
    }
    println!(
        "dispatch: {} workloads x {} modes, median of {runs} runs (+{warmup} warmup), pgojit = {}",
        workloads.len(),
        modes.len(),
        pgojit.display()
    );

    // results[w][m]
    let mut results: Vec<Vec<Cell>> = Vec::new();
    for w in &workloads {
        let mut row = Vec::new();
        for m in &modes {
            let argv: Vec<String> = m
                .argv
                .iter()
                .map(|a| {
                    a.replace("{pgojit}", &pgojit.to_string_lossy())
                        .replace("{file}", &w.file.to_string_lossy())
                        .replace("{name}", &w.name)
                        .replace("{target}", &target.to_string_lossy())
                })
                .collect();
            let cell = match m.native {
                Some(kind) => measure_native(kind, w, runs, warmup),
                None => measure(&argv, w, runs, warmup, timeout),
            };
            eprintln!(
                "  {:<12} {:<13} {}",
                w.name,
                m.label,
                cell_text(&cell, w.calls).0
            );
            row.push(cell);
        }
        results.push(row);
    }

    print_table(&workloads, &modes, &results);
    print_ratios(&workloads, &modes, &results);
    if let Ok(path) = std::env::var("BENCH_TSV") {
        write_tsv(Path::new(&path), &workloads, &modes, &results);
    }
    let failed = results
        .iter()
        .flatten()
        .any(|c| matches!(c, Cell::Failed(_)));
    if failed {
        std::process::exit(1);
    }
}

fn env_num(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v:?} is not a number")),
        Err(_) => default,
    }
}

fn load_workloads(dir: &Path, filter: &str) -> Vec<Workload> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "go").then(|| p.file_stem()?.to_str().map(str::to_string))?
        })
        .filter(|n| n.contains(filter))
        .collect();
    let rank = |n: &String| ORDER.iter().position(|o| o == n).unwrap_or(ORDER.len());
    names.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.cmp(b)));
    names
        .into_iter()
        .map(|name| {
            let file = dir.join(format!("{name}.go"));
            let src =
                fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let calls = src
                .lines()
                .next()
                .and_then(|l| l.strip_prefix("// calls:"))
                .and_then(|n| n.trim().replace('_', "").parse::<u64>().ok())
                .unwrap_or_else(|| panic!("{}: first line must be `// calls: N`", file.display()));
            let expected_stdout = fs::read(dir.join(format!("{name}.stdout"))).ok();
            Workload {
                name,
                file,
                calls,
                expected_stdout,
            }
        })
        .collect()
}

fn measure_native(kind: native_refs::Kind, w: &Workload, runs: usize, warmup: usize) -> Cell {
    let mut times = Vec::with_capacity(runs);
    let mut first_sum = None;
    for i in 0..warmup + runs {
        let Some((elapsed, sum)) = native_refs::time(&w.name, w.calls, kind) else {
            return Cell::Missing("no native Rust twin for this workload".to_string());
        };
        if *first_sum.get_or_insert(sum) != sum {
            return Cell::Failed(format!("WRONG (native sum {sum} changed)"));
        }
        if i >= warmup {
            times.push(elapsed);
        }
    }
    times.sort();
    Cell::Time(times[times.len() / 2])
}

fn measure(argv: &[String], w: &Workload, runs: usize, warmup: usize, timeout: Duration) -> Cell {
    let program = Path::new(&argv[0]);
    if !program.exists() {
        let hint = if program.to_string_lossy().contains("bench-go") {
            " (build it with scripts/go-pgo.sh or scripts/bench.sh --go; needs Go 1.27)"
        } else {
            ""
        };
        return Cell::Missing(format!("{} not found{hint}", program.display()));
    }
    let mut times = Vec::with_capacity(runs);
    for i in 0..warmup + runs {
        match run_once(argv, timeout) {
            Err(e) => return Cell::Failed(e),
            Ok((elapsed, status, stdout, stderr)) => {
                if !status.is_some_and(|s| s.success()) {
                    let why = match status {
                        None => format!("timeout after {}s", timeout.as_secs()),
                        Some(s) => format!("{s}"),
                    };
                    let err = String::from_utf8_lossy(&stderr);
                    return Cell::Failed(format!(
                        "FAIL ({why}: {})",
                        err.lines()
                            .next()
                            .unwrap_or("")
                            .chars()
                            .take(80)
                            .collect::<String>()
                    ));
                }
                if let Some(want) = &w.expected_stdout {
                    if &stdout != want {
                        let got = String::from_utf8_lossy(&stdout);
                        return Cell::Failed(format!(
                            "WRONG (stdout {:?}, Go printed {:?})",
                            got.chars().take(60).collect::<String>(),
                            String::from_utf8_lossy(want).trim_end()
                        ));
                    }
                }
                if i >= warmup {
                    times.push(elapsed);
                }
            }
        }
    }
    times.sort();
    Cell::Time(times[times.len() / 2])
}

type RunResult = (Duration, Option<ExitStatus>, Vec<u8>, Vec<u8>);

fn run_once(argv: &[String], timeout: Duration) -> Result<RunResult, String> {
    let start = Instant::now();
    let mut child = Command::new(&argv[0])
        .args(&argv[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("FAIL (cannot start {}: {e})", argv[0]))?;
    let out = drain(child.stdout.take().unwrap());
    let err = drain(child.stderr.take().unwrap());
    let deadline = start + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break Some(s),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => thread::sleep(Duration::from_micros(200)),
            Err(e) => return Err(format!("FAIL (wait: {e})")),
        }
    };
    let elapsed = start.elapsed();
    let grace = Duration::from_secs(2);
    Ok((
        elapsed,
        status,
        out.recv_timeout(grace).unwrap_or_default(),
        err.recv_timeout(grace).unwrap_or_default(),
    ))
}

fn drain<R: Read + Send + 'static>(mut r: R) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut v = Vec::new();
        let _ = r.read_to_end(&mut v);
        let _ = tx.send(v);
    });
    rx
}

/// (seconds column, ns/call column)
fn cell_text(cell: &Cell, calls: u64) -> (String, String) {
    match cell {
        Cell::Time(d) => {
            let s = format!("{:.3}", d.as_secs_f64());
            let per = if calls > 0 {
                format!("{:.2}", d.as_nanos() as f64 / calls as f64)
            } else {
                "-".to_string()
            };
            (s, per)
        }
        Cell::Missing(_) => ("n/a".to_string(), "n/a".to_string()),
        Cell::Failed(e) => (e.clone(), String::new()),
    }
}

fn print_table(workloads: &[Workload], modes: &[&Mode], results: &[Vec<Cell>]) {
    // seconds column as wide as its heading (`jit-indirect s`)
    let width = |m: &Mode| (m.label.len() + 2).max(9);
    let mut header = format!("{:<12} {:>11}", "workload", "calls");
    for m in modes {
        let _ = write!(
            header,
            " | {:>w$} {:>8}",
            format!("{} s", m.label),
            "ns/call",
            w = width(m)
        );
    }
    println!();
    println!("{header}");
    println!("{}", "-".repeat(header.len()));
    let mut notes = Vec::new();
    for (w, row) in workloads.iter().zip(results) {
        let mut line = format!("{:<12} {:>11}", w.name, w.calls);
        for (m, cell) in modes.iter().zip(row) {
            let (secs, per) = cell_text(cell, w.calls);
            if let Cell::Failed(e) | Cell::Missing(e) = cell {
                notes.push(format!("{} [{}]: {e}", w.name, m.label));
                let short = if matches!(cell, Cell::Missing(_)) {
                    "n/a"
                } else {
                    "FAIL"
                };
                let _ = write!(line, " | {short:>w$} {:>8}", "", w = width(m));
            } else {
                let _ = write!(line, " | {secs:>w$} {per:>8}", w = width(m));
            }
        }
        println!("{line}");
    }
    if let Some(i) = workloads.iter().position(|w| w.name == "hello") {
        let mut line = String::from("startup (hello.go median):");
        for (m, cell) in modes.iter().zip(&results[i]) {
            match cell {
                Cell::Time(d) => {
                    let _ = write!(line, " {} {:.1} ms;", m.label, d.as_secs_f64() * 1e3);
                }
                _ => {
                    let _ = write!(line, " {} n/a;", m.label);
                }
            }
        }
        println!("{}", line.trim_end_matches(';'));
    }
    for n in notes {
        println!("note: {n}");
    }
}

/// `r.num / r.den` for one workload's row, from the medians; `None` when
/// either column is absent from this run, missing or failed.
fn ratio(r: &Ratio, modes: &[&Mode], row: &[Cell]) -> Option<f64> {
    let median = |label: &str| {
        let i = modes.iter().position(|m| m.label == label)?;
        match row.get(i)? {
            Cell::Time(d) => Some(d.as_secs_f64()),
            Cell::Missing(_) | Cell::Failed(_) => None,
        }
    };
    let (num, den) = (median(r.num)?, median(r.den)?);
    (den > 0.0).then(|| num / den)
}

fn ratio_text(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a".to_string(), |x| format!("{x:.2}x"))
}

fn print_ratios(workloads: &[Workload], modes: &[&Mode], results: &[Vec<Cell>]) {
    let labels: Vec<String> = RATIOS
        .iter()
        .map(|r| format!("{}/{}", r.num, r.den))
        .collect();
    let mut header = format!("{:<12}", "workload");
    for l in &labels {
        let _ = write!(header, " | {l:>w$}", w = l.len().max(6));
    }
    println!();
    println!("ratios (of the medians above, same run; n/a: a column not run, n/a or FAIL):");
    println!("{header}");
    println!("{}", "-".repeat(header.len()));
    for (w, row) in workloads.iter().zip(results) {
        let mut line = format!("{:<12}", w.name);
        for (r, l) in RATIOS.iter().zip(&labels) {
            let _ = write!(
                line,
                " | {:>w$}",
                ratio_text(ratio(r, modes, row)),
                w = l.len().max(6)
            );
        }
        println!("{line}");
    }
    for (r, l) in RATIOS.iter().zip(&labels) {
        println!("  {l}: {}", r.what);
    }
}

fn write_tsv(path: &Path, workloads: &[Workload], modes: &[&Mode], results: &[Vec<Cell>]) {
    // One table: a row per (workload, mode) with its median, then a row per
    // (workload, ratio) with `num/den` as the mode and the value in `ratio`.
    let mut out = String::from("workload\tcalls\tmode\tmedian_s\tns_per_call\tratio\n");
    for (w, row) in workloads.iter().zip(results) {
        for (m, cell) in modes.iter().zip(row) {
            let (secs, per) = match cell {
                Cell::Time(_) => cell_text(cell, w.calls),
                Cell::Missing(_) => ("n/a".into(), "n/a".into()),
                Cell::Failed(_) => ("FAIL".into(), "FAIL".into()),
            };
            let _ = writeln!(out, "{}\t{}\t{}\t{secs}\t{per}\t", w.name, w.calls, m.label);
        }
    }
    for (w, row) in workloads.iter().zip(results) {
        for r in RATIOS {
            let x = ratio(r, modes, row).map_or_else(|| "n/a".to_string(), |x| format!("{x:.4}"));
            let _ = writeln!(out, "{}\t{}\t{}/{}\t\t\t{x}", w.name, w.calls, r.num, r.den);
        }
    }
    match fs::write(path, out) {
        Ok(()) => println!("wrote {}", path.display()),
        Err(e) => eprintln!("dispatch: cannot write {}: {e}", path.display()),
    }
}
