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

use crate::driver::Outcome;
use crate::options::StressMode;
use std::process::Command;
use std::time::Instant;

/// The modes `pgojit stress` runs when none is named.
pub const ALL_MODES: &[&str] = &["force-miss", "random-miss=0.3", "poison", "flip=1000"];

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

/// `pgojit stress FILE`: each mode in `modes` (all when empty), `repeat`
/// times with seeds `seed`, `seed+1`...; `extra` are run options passed
/// through (thresholds, policy). Exit code 1 on any difference.
pub fn stress(
    file: &str,
    modes: &[String],
    seed: u64,
    repeat: u32,
    threads: u32,
    extra: &[String],
) -> Outcome {
    if threads == 0 || threads > 64 {
        eprintln!("pgojit stress: --threads takes 1 to 64 copies");
        return Outcome::CompileError;
    }
    let modes: Vec<String> = if modes.is_empty() {
        ALL_MODES.iter().map(|s| s.to_string()).collect()
    } else {
        modes.to_vec()
    };
    for m in &modes {
        if let Err(e) = StressMode::parse(m) {
            eprintln!("pgojit stress: {e}");
            return Outcome::CompileError;
        }
    }
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
    println!(
        "reference (--tier=interp): exit {}, {} bytes of output, {:.3} s",
        reference.code.map_or("signal".into(), |c| c.to_string()),
        reference.stdout.len(),
        reference.secs
    );
    let mut failed = 0;
    for m in &modes {
        for k in 0..repeat {
            let s = seed + k as u64;
            let mut args: Vec<String> = vec![
                "run".into(),
                format!("--stress-mode={m}"),
                format!("--seed={s}"),
            ];
            // Defaults that make guards appear early, unless the run
            // options after `--` set them (clap refuses a flag twice).
            for d in [
                "--stats",
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
            let r = match run(&args) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("pgojit stress: {e}");
                    return Outcome::Internal;
                }
            };
            let same = r.stdout == reference.stdout
                && r.code == reference.code
                && ending(&r.stderr) == ending(&reference.stderr);
            let (hits, misses) = guard_counts(&r.stderr);
            let recompiles = stat(&r.stderr, "recompilations");
            println!(
                "{:<18} seed {s:<4} {}  guard hits {hits}, misses {misses}, recompilations {}, {:.3} s",
                m,
                if same { "ok      " } else { "MISMATCH" },
                recompiles.unwrap_or(0),
                r.secs
            );
            // Time per call of each version of each recompiled site.
            for line in r
                .stderr
                .lines()
                .filter(|l| l.trim_start().starts_with("versions "))
            {
                println!("  {}", line.trim_start());
            }
            if !same {
                failed += 1;
                if r.code == Some(1) && r.stdout.is_empty() && r.stderr.starts_with("error:") {
                    // The run options themselves were refused.
                    println!("  {}", r.stderr.lines().next().unwrap_or(""));
                }
                println!(
                    "  exit {:?} (reference {:?}); stdout {} bytes (reference {}){}",
                    r.code,
                    reference.code,
                    r.stdout.len(),
                    reference.stdout.len(),
                    first_difference(&reference.stdout, &r.stdout)
                );
                if ending(&r.stderr) != ending(&reference.stderr) {
                    println!(
                        "  ended with {:?} (reference {:?})",
                        ending(&r.stderr),
                        ending(&reference.stderr)
                    );
                }
            }
        }
    }
    if failed > 0 {
        println!("stress: {failed} run(s) differ from the interpreter");
        Outcome::CompileError
    } else {
        println!("stress: every run matches the interpreter");
        Outcome::Ok
    }
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

/// Sums the `guard ...: N hits, M misses` lines of `--stats`.
fn guard_counts(stderr: &str) -> (u64, u64) {
    let mut h = 0;
    let mut m = 0;
    for line in stderr
        .lines()
        .filter(|l| l.trim_start().starts_with("guard "))
    {
        let nums: Vec<u64> = line
            .split([' ', ','])
            .filter_map(|w| w.parse::<u64>().ok())
            .collect();
        if line.contains(" hits") && nums.len() >= 2 {
            h += nums[nums.len() - 2];
            m += nums[nums.len() - 1];
        } else if let Some(&x) = nums.last() {
            m += x;
        }
    }
    (h, m)
}

/// The number after `name` on a `--stats` line.
fn stat(stderr: &str, name: &str) -> Option<u64> {
    stderr
        .lines()
        .find(|l| l.trim_start().starts_with(name))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|w| w.parse().ok())
}

/// ` at line N: want ..., got ...` for the first differing line.
fn first_difference(want: &[u8], got: &[u8]) -> String {
    let (w, g) = (String::from_utf8_lossy(want), String::from_utf8_lossy(got));
    for (i, (a, b)) in w.lines().zip(g.lines()).enumerate() {
        if a != b {
            return format!("; line {}: want {a:?}, got {b:?}", i + 1);
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_stats_lines() {
        let err = "  guard p.go:3:4 s.Area: 90 hits, 10 misses\n  guard p.go:5:6 f: 7 hits, 3 misses\n  recompilations    2\n";
        assert_eq!(super::guard_counts(err), (97, 13));
        assert_eq!(super::stat(err, "recompilations"), Some(2));
        assert_eq!(
            super::first_difference(b"a\nb\n", b"a\nc\n"),
            "; line 2: want \"b\", got \"c\""
        );
    }
}
