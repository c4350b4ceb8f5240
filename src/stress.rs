//! `pgojit stress`: runs a program under adversarial guard modes and checks
//! that each run prints exactly what the interpreter printed. With
//! `--threads=N` each run is N copies of the program at once in one
//! process (own VM, heap and package variables each; one itab cache,
//! profile and code), which must also agree with one another.
//!
//! Every run is a child process of this binary (`pgojit run` with the
//! internal `--stress-mode` flag), so a crash in one mode is reported, not
//! shared. The reference is `--tier=interp`: stdout, the exit code and
//! the line saying how the run ended (a panic's first line) must match.
//!
//! The report: one line per mode (its verdict and counts), then per
//! site of a run the number of versions of its code, its recompilations
//! and a few of those versions (all with `--verbose`); `--format=json`
//! prints it all as one JSON document. Each child writes what its run
//! counted to a file (`--stress-report=FILE`, a [`RunReport`]), which
//! this side reads: nothing is scraped from `--stats` text.

use crate::driver::Outcome;
use crate::options::StressMode;
use crate::tier::recompile::SiteVersion;
use serde::{Deserialize, Serialize};
use std::process::Command;
use std::time::Instant;

/// The modes `pgojit stress` runs when none is named.
pub const ALL_MODES: &[&str] = &["force-miss", "random-miss=0.3", "poison", "flip=1000"];

/// Versions of a site's code the text report shows at each end of its
/// history (the rest: "… N more"), without `--verbose`.
const ENDS: usize = 3;
/// Sites the text report shows per run, without `--verbose`.
const MAX_SITES: usize = 8;
/// Characters of a shape or call text in the text report.
const CLIP: usize = 90;

/// What a `--stress-report` run counted (written by the child at exit).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct RunReport {
    /// Recompilations of functions over the run.
    pub recompilations: u64,
    /// Guard hits at every site; `None` without `--count-guards`.
    pub guard_hits: Option<u64>,
    /// Guard misses at every site (always counted).
    pub guard_misses: u64,
    /// The sites that had guards, recompiled or missed.
    pub sites: Vec<SiteReport>,
}

/// One call site over a run.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct SiteReport {
    /// `file:line:col`.
    pub at: String,
    /// The call as written (`s.Area`).
    pub call: String,
    /// Every version of the site's code, in order of installation.
    pub versions: Vec<SiteVersion>,
    /// Recompilations this site's misses caused.
    pub recompiles: u32,
    /// `--stress-mode=flip`: recompilations the mode forced (rotations).
    pub flips: u32,
    /// Past the recompilation cap: compiled as an indirect call.
    pub settled: bool,
    /// Guard hits over every version; `None` when not counted.
    pub hits: Option<u64>,
    /// Guard misses over every version.
    pub misses: u64,
    /// Calls compiled code made without guards.
    pub indirect: u64,
}

/// What the JIT counted in a run, for `--stress-report`.
pub fn run_report(prog: &crate::bytecode::Program, j: &crate::tier::Jit) -> RunReport {
    let counted = j.opts.count_guards;
    let mut r = RunReport {
        recompilations: j.stats.lock().recompiles.len() as u64,
        guard_hits: counted.then_some(0),
        ..RunReport::default()
    };
    for (i, meta) in prog.sites.iter().enumerate() {
        let (hits, _, indirect) = j.counters.site(i);
        let hits: u64 = hits.iter().sum();
        let misses = j.site_misses(i);
        r.guard_misses += misses;
        if let Some(h) = &mut r.guard_hits {
            *h += hits;
        }
        let versions = j.site_versions(i);
        let (recompiles, flips, settled) = {
            let st = j.sites.state(i);
            (st.recompiles, st.flips, st.settled)
        };
        let guarded = versions.iter().any(|v| v.shape.starts_with("guard"));
        if !guarded && recompiles == 0 && misses == 0 {
            continue;
        }
        r.sites.push(SiteReport {
            at: prog.at(meta.pos),
            call: meta.text.clone(),
            versions,
            recompiles,
            flips,
            settled,
            hits: counted.then_some(hits),
            misses,
            indirect,
        });
    }
    r
}

/// Writes [`run_report`] to `path` as JSON.
pub fn write_run_report(
    prog: &crate::bytecode::Program,
    j: &crate::tier::Jit,
    path: &str,
) -> Result<(), String> {
    let json = serde_json::to_string(&run_report(prog, j)).map_err(|e| e.to_string())?;
    std::fs::write(path, json).map_err(|e| format!("{path}: {e}"))
}

/// How `pgojit stress` prints its report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum StressFormat {
    #[default]
    Text,
    Json,
}

/// What one run printed.
struct Run {
    stdout: Vec<u8>,
    code: Option<i32>,
    stderr: String,
    secs: f64,
}

fn run(args: &[String]) -> Result<Run, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find pgojit itself: {e}"))?;
    let t0 = Instant::now();
    let out = Command::new(exe)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run pgojit: {e}"))?;
    Ok(Run {
        stdout: out.stdout,
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        secs: t0.elapsed().as_secs_f64(),
    })
}

/// The reference run, in the JSON report.
#[derive(Serialize)]
struct Reference {
    exit: Option<i32>,
    stdout_bytes: usize,
    secs: f64,
}

/// One stress run, in the JSON report.
#[derive(Serialize)]
struct StressRun {
    seed: u64,
    matches: bool,
    exit: Option<i32>,
    stdout_bytes: usize,
    secs: f64,
    /// How it differs from the reference (`None` when it matches).
    difference: Option<Vec<String>>,
    /// What the run counted; `None` when it wrote no report (it crashed).
    report: Option<RunReport>,
}

/// One mode's runs, in the JSON report.
#[derive(Serialize)]
struct ModeRuns {
    mode: String,
    matches: bool,
    runs: Vec<StressRun>,
}

#[derive(Serialize)]
struct StressReport {
    program: String,
    reference: Reference,
    matches: bool,
    modes: Vec<ModeRuns>,
}

/// Options of `pgojit stress` beyond the program.
#[derive(Clone, Debug)]
pub struct StressArgs {
    /// Modes to run (all when empty).
    pub modes: Vec<String>,
    /// Seed of the first run; repeats take the next ones.
    pub seed: u64,
    /// Runs per mode.
    pub repeat: u32,
    /// Copies of the program at once per run.
    pub threads: u32,
    /// Run options passed through (thresholds, policy).
    pub extra: Vec<String>,
    /// Every site and every version of its code.
    pub verbose: bool,
    pub format: StressFormat,
}

/// `pgojit stress FILE`: each mode, `repeat` times with seeds `seed`,
/// `seed+1`...; the report on stdout (the runs' own output is compared,
/// never printed). Exit code 1 on any difference.
pub fn stress(file: &str, a: &StressArgs) -> Outcome {
    let (repeat, threads, extra) = (a.repeat, a.threads, &a.extra);
    if threads == 0 || threads > 64 {
        eprintln!("pgojit stress: --threads takes 1 to 64 copies");
        return Outcome::CompileError;
    }
    let modes: Vec<String> = if a.modes.is_empty() {
        ALL_MODES.iter().map(|s| s.to_string()).collect()
    } else {
        a.modes.clone()
    };
    for m in &modes {
        if let Err(e) = StressMode::parse(m) {
            eprintln!("pgojit stress: {e}");
            return Outcome::CompileError;
        }
    }
    let text = a.format == StressFormat::Text;
    let reference = match run(&["run".into(), "--tier=interp".into(), file.into()]) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("pgojit stress: {e}");
            return Outcome::Internal;
        }
    };
    if reference.code == Some(1) {
        // Not a program pgojit runs: the reference already said why.
        eprint!("{}", reference.stderr);
        return Outcome::CompileError;
    }
    if text {
        println!(
            "reference (--tier=interp): exit {}, {} bytes of output, {:.3} s",
            reference.code.map_or("signal".into(), |c| c.to_string()),
            reference.stdout.len(),
            reference.secs
        );
    }
    let report_path =
        std::env::temp_dir().join(format!("pgojit-stress-{}.json", std::process::id()));
    let mut all = StressReport {
        program: file.to_string(),
        reference: Reference {
            exit: reference.code,
            stdout_bytes: reference.stdout.len(),
            secs: reference.secs,
        },
        matches: true,
        modes: Vec::new(),
    };
    let mut failed = 0;
    for m in &modes {
        let mut runs = Vec::new();
        for k in 0..repeat {
            let s = a.seed + k as u64;
            let mut args: Vec<String> = vec![
                "run".into(),
                format!("--stress-mode={m}"),
                format!("--seed={s}"),
                format!("--stress-report={}", report_path.display()),
            ];
            // Defaults that make guards appear early, unless the run
            // options after `--` set them (clap refuses a flag twice).
            for d in [
                "--count-guards",
                "--hot-calls=2",
                "--hot-loops=10",
                "--min-site-calls=1",
                // A guard that lets a wrong receiver in aborts the run
                // instead of perhaps printing the same answer.
                "--verify-guards",
            ] {
                let name = d.split('=').next().unwrap_or(d);
                if !extra.iter().any(|e| e.split('=').next() == Some(name)) {
                    args.push(d.into());
                }
            }
            if threads > 1 {
                // N copies in one process: one itab cache, profile and
                // code, recompiled under all of them; all must agree.
                args.push(format!("--copies={threads}"));
            }
            args.extend(extra.iter().cloned());
            args.push(file.into());
            let _ = std::fs::remove_file(&report_path);
            let r = match run(&args) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("pgojit stress: {e}");
                    return Outcome::Internal;
                }
            };
            let report = std::fs::read_to_string(&report_path)
                .ok()
                .and_then(|t| serde_json::from_str::<RunReport>(&t).ok());
            let _ = std::fs::remove_file(&report_path);
            let same = r.stdout == reference.stdout
                && r.code == reference.code
                && ending(&r.stderr) == ending(&reference.stderr);
            let difference = (!same).then(|| differences(&reference, &r));
            if !same {
                failed += 1;
            }
            runs.push(StressRun {
                seed: s,
                matches: same,
                exit: r.code,
                stdout_bytes: r.stdout.len(),
                secs: r.secs,
                difference,
                report,
            });
        }
        let mode = ModeRuns {
            mode: m.clone(),
            matches: runs.iter().all(|r| r.matches),
            runs,
        };
        all.matches &= mode.matches;
        if text {
            for line in mode_text(&mode, a.verbose) {
                println!("{line}");
            }
        }
        all.modes.push(mode);
    }
    if text {
        if failed > 0 {
            println!("stress: {failed} run(s) differ from the interpreter");
        } else {
            println!("stress: every run matches the interpreter");
        }
    } else {
        match serde_json::to_string_pretty(&all) {
            Ok(j) => println!("{j}"),
            Err(e) => {
                eprintln!("pgojit stress: {e}");
                return Outcome::Internal;
            }
        }
    }
    if failed > 0 {
        Outcome::CompileError
    } else {
        Outcome::Ok
    }
}

/// How run `r` differs from the reference, a line each.
fn differences(reference: &Run, r: &Run) -> Vec<String> {
    let mut d = Vec::new();
    if r.code == Some(1) && r.stdout.is_empty() && r.stderr.starts_with("error:") {
        // The run options themselves were refused.
        d.push(r.stderr.lines().next().unwrap_or("").to_string());
    }
    d.push(format!(
        "exit {:?} (reference {:?}); stdout {} bytes (reference {}){}",
        r.code,
        reference.code,
        r.stdout.len(),
        reference.stdout.len(),
        first_difference(&reference.stdout, &r.stdout)
    ));
    if ending(&r.stderr) != ending(&reference.stderr) {
        d.push(format!(
            "ended with {:?} (reference {:?})",
            ending(&r.stderr),
            ending(&reference.stderr)
        ));
    }
    d
}

/// `s` cut to `n` characters, with "…" when cut.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The text report of one mode: its line, then each run's differences
/// and sites.
fn mode_text(mode: &ModeRuns, verbose: bool) -> Vec<String> {
    let n = mode.runs.len() as u64;
    let differ = mode.runs.iter().filter(|r| !r.matches).count();
    let reports: Vec<&RunReport> = mode.runs.iter().filter_map(|r| r.report.as_ref()).collect();
    let verdict = if differ == 0 {
        "matches the interpreter".to_string()
    } else {
        format!("DIFFERS ({differ} of {n} runs)")
    };
    let mut counts = vec![plural(n, "run", "runs")];
    if reports.len() < mode.runs.len() {
        counts.push(format!(
            "{} without a report",
            mode.runs.len() - reports.len()
        ));
    }
    if !reports.is_empty() {
        let rec: u64 = reports.iter().map(|r| r.recompilations).sum();
        counts.push(plural(rec, "recompilation", "recompilations"));
        let hits: Option<u64> = reports.iter().map(|r| r.guard_hits).sum();
        counts.push(format!(
            "guard hits {}",
            hits.map_or("not counted".to_string(), |h| h.to_string())
        ));
        let misses: u64 = reports.iter().map(|r| r.guard_misses).sum();
        counts.push(format!("misses {misses}"));
    }
    let secs: f64 = mode.runs.iter().map(|r| r.secs).sum();
    counts.push(format!("{secs:.3} s"));
    let mut out = vec![clip(
        &format!("{:<18} {verdict}: {}", mode.mode, counts.join(", ")),
        200,
    )];
    for (i, r) in mode.runs.iter().enumerate() {
        // The sites of the first run, and of any that differs.
        let sites = verbose || i == 0 || !r.matches;
        let head = mode.runs.len() > 1 && (sites || r.difference.is_some());
        if head {
            out.push(format!("  seed {}:", r.seed));
        }
        for d in r.difference.iter().flatten() {
            out.push(clip(&format!("  {d}"), 200));
        }
        if let (true, Some(rep)) = (sites, &r.report) {
            out.extend(sites_text(rep, verbose));
        }
    }
    out
}

/// The sites of one run: the ones that recompiled or missed first.
fn sites_text(r: &RunReport, verbose: bool) -> Vec<String> {
    let mut sites: Vec<&SiteReport> = r
        .sites
        .iter()
        .filter(|s| verbose || s.recompiles > 0 || s.misses > 0 || s.versions.len() > 1)
        .collect();
    sites.sort_by_key(|s| std::cmp::Reverse((s.versions.len(), s.recompiles, s.misses)));
    let shown = if verbose {
        sites.len()
    } else {
        sites.len().min(MAX_SITES)
    };
    let mut out = Vec::new();
    for s in &sites[..shown] {
        let mut line = format!(
            "  {} {}: {}, {}",
            s.at,
            clip(&s.call, CLIP),
            plural(s.versions.len() as u64, "version", "versions"),
            plural(s.recompiles as u64, "recompilation", "recompilations"),
        );
        line.push_str(" for misses");
        if s.flips > 0 {
            line.push_str(&format!(", {} by flips", s.flips));
        }
        if s.settled {
            line.push_str(", settled");
            if s.versions.last().is_some_and(|v| v.shape == "indirect") {
                line.push_str(" to an indirect call");
            }
        }
        line.push_str(&format!(
            "; guard hits {}, misses {}",
            s.hits.map_or("not counted".to_string(), |h| h.to_string()),
            s.misses
        ));
        if s.indirect > 0 {
            line.push_str(&format!(", {} indirect calls", s.indirect));
        }
        out.push(clip(&line, 200));
        let v = &s.versions;
        let show = |i: usize, out: &mut Vec<String>| {
            out.push(format!(
                "    v{} {}: {}, {}",
                i + 1,
                clip(&v[i].shape, CLIP),
                plural(v[i].calls, "call", "calls"),
                v[i].timing()
            ));
        };
        if verbose || v.len() <= 2 * ENDS + 1 {
            (0..v.len()).for_each(|i| show(i, &mut out));
        } else {
            (0..ENDS).for_each(|i| show(i, &mut out));
            out.push(format!("    … {} more versions", v.len() - 2 * ENDS));
            (v.len() - ENDS..v.len()).for_each(|i| show(i, &mut out));
        }
    }
    if shown < sites.len() {
        out.push(format!(
            "  … {} more sites (--verbose)",
            sites.len() - shown
        ));
    }
    out
}

/// The stderr line that says how a run ended abnormally (Go's panic or
/// fatal error, a spent limit), `--stats` output aside.
fn ending(stderr: &str) -> Option<&str> {
    stderr.lines().find(|l| {
        ["panic: ", "fatal error: ", "runtime: ", "pgojit: "]
            .iter()
            .any(|p| l.starts_with(p))
    })
}

/// ` at line N: want ..., got ...` for the first differing line.
fn first_difference(want: &[u8], got: &[u8]) -> String {
    let (w, g) = (String::from_utf8_lossy(want), String::from_utf8_lossy(got));
    for (i, (a, b)) in w.lines().zip(g.lines()).enumerate() {
        if a != b {
            return format!(
                "; line {}: want {:?}, got {:?}",
                i + 1,
                clip(a, 60),
                clip(b, 60)
            );
        }
    }
    String::new()
}
#[cfg(test)]
mod tests {
    use super::*;

    fn site(versions: usize, shape: &str) -> SiteReport {
        SiteReport {
            at: "p.go:3:4".into(),
            call: "s.Area".into(),
            versions: (0..versions)
                .map(|i| SiteVersion {
                    shape: shape.into(),
                    calls: i as u64,
                    ns_per_call: (i % 2 == 1).then_some(1.5),
                })
                .collect(),
            recompiles: versions.saturating_sub(1) as u32,
            flips: 0,
            settled: false,
            hits: None,
            misses: 7,
            indirect: 0,
        }
    }

    #[test]
    fn long_histories_are_cut_to_their_ends() {
        // A site recompiled hundreds of times with long shapes, as
        // phase.go's flip=1000 run: a bounded report of short lines.
        let shape = format!("guard {}", vec!["main.Circle (inlined)"; 20].join(", "));
        let r = RunReport {
            sites: (0..30).map(|_| site(486, &shape)).collect(),
            ..RunReport::default()
        };
        let lines = sites_text(&r, false);
        assert!(lines.iter().all(|l| l.chars().count() < 200), "{lines:#?}");
        // Per site: its line, 3 + "… more" + 3 versions; then "… more sites".
        assert_eq!(lines.len(), MAX_SITES * 8 + 1, "{lines:#?}");
        assert!(lines.contains(&"    … 480 more versions".to_string()));
        assert_eq!(lines.last().unwrap(), "  … 22 more sites (--verbose)");
        assert!(lines[0].contains("486 versions, 485 recompilations for misses"));
        assert!(lines[0].contains("guard hits not counted, misses 7"));
        // The first versions, then the last three (v484..v486).
        assert!(lines[1].starts_with("    v1 guard main.Circle"));
        assert!(lines[7].starts_with("    v486 "));
        // --verbose: all of them.
        let all = sites_text(&r, true);
        assert_eq!(all.len(), 30 * 487);
    }

    #[test]
    fn unmeasured_versions_say_so() {
        let r = RunReport {
            sites: vec![site(3, "indirect")],
            ..RunReport::default()
        };
        let lines = sites_text(&r, false);
        assert_eq!(lines[1], "    v1 indirect: 0 calls, not measured");
        assert_eq!(lines[2], "    v2 indirect: 1 call, 1.50 ns/call");
        assert_eq!(lines[3], "    v3 indirect: 2 calls, not measured");
    }

    #[test]
    fn mode_lines_say_what_was_not_counted() {
        let run = |matches, hits| StressRun {
            seed: 1,
            matches,
            exit: Some(0),
            stdout_bytes: 3,
            secs: 0.5,
            difference: (!matches).then(|| vec!["exit Some(2) (reference Some(0))".into()]),
            report: Some(RunReport {
                recompilations: 5,
                guard_hits: hits,
                guard_misses: 9,
                sites: vec![],
            }),
        };
        let m = ModeRuns {
            mode: "force-miss".into(),
            matches: true,
            runs: vec![run(true, None), run(true, None)],
        };
        assert_eq!(
            mode_text(&m, false)[0],
            "force-miss         matches the interpreter: 2 runs, 10 recompilations, \
             guard hits not counted, misses 18, 1.000 s"
        );
        let m = ModeRuns {
            mode: "poison".into(),
            matches: false,
            runs: vec![run(true, Some(4)), run(false, Some(6))],
        };
        let t = mode_text(&m, false);
        assert!(t[0].starts_with("poison             DIFFERS (1 of 2 runs): 2 runs"));
        assert!(t[0].contains("guard hits 10, misses 18"), "{t:?}");
        assert!(t.contains(&"  exit Some(2) (reference Some(0))".to_string()));
    }

    #[test]
    fn differences_are_clipped() {
        assert_eq!(
            first_difference(b"a\nb\n", b"a\nc\n"),
            "; line 2: want \"b\", got \"c\""
        );
        let long = "x".repeat(500);
        let d = first_difference(b"a\n", long.as_bytes());
        assert!(d.len() < 100, "{d}");
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
    }
}
