//! The `pgojit` command line.

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use pgojit::driver::{self, Outcome};
use pgojit::options::{
    Disasm, JitOptions, Policy, ReportFormat, RunOptions, Size, StressMode, TierMode,
};

/// The defaults of the options below, and so `--help`'s.
const RUN: RunOptions = RunOptions::DEFAULT;
const POLICY: Policy = Policy::DEFAULT;
const JIT: JitOptions = JitOptions::DEFAULT;

#[derive(Parser)]
#[command(
    name = "pgojit",
    version,
    about = "A JIT for Go with profile-guided devirtualization of interface calls"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

/// Options shared by `run`, `profile` and `disasm`: the command line of
/// [`RunOptions`] (`run_options` maps one onto the other).
#[derive(Args, Clone, Debug)]
struct RunArgs {
    /// The program: a .go file, or a directory holding the main package
    /// (of a module with a go.mod), as `go run`.
    file: String,
    /// The program's arguments (`os.Args[1:]`): everything after the file.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    program_args: Vec<String>,
    #[arg(long, value_enum, default_value_t = RUN.tier)]
    tier: TierMode,
    /// GOGC: grow the heap this much (percent) over the live heap before collecting.
    #[arg(long, default_value_t = RUN.gc_percent)]
    gc_percent: u64,
    /// End with Go's out-of-memory error past this much live heap (bytes, or with K/M/G).
    #[arg(long)]
    heap_limit: Option<Size>,
    /// Threads that mark during a collection (0: one per core, up to 8).
    #[arg(long, default_value_t = RUN.gc_threads)]
    gc_threads: usize,
    /// Stop with exit code 4 after this many steps (function entries and
    /// loop back-edges, counted alike in every tier), for untrusted programs.
    #[arg(long)]
    max_steps: Option<u64>,
    /// Bytes of goroutine stack (Go's debug.SetMaxStack; bytes, or with
    /// K/M/G); past it, Go's stack overflow.
    #[arg(long)]
    max_stack: Option<Size>,
    /// Compiled guarded calls re-check the receiver's type before the
    /// target runs, and abort loudly on a mismatch.
    #[arg(long)]
    verify_guards: bool,
    /// Internal (for testing --verify-guards): compile every site's first
    /// guard so that it passes for any receiver.
    #[arg(long, hide = true)]
    break_guards: bool,
    /// Internal (for differential tests): seed map iteration orders, so
    /// that runs in different tiers see the same orders.
    #[arg(long, hide = true)]
    map_seed: Option<u64>,
    /// Baseline code that runs this many more calls and loop back-edges
    /// is compiled again by the optimizing tier (and a running loop moves
    /// into the new code at its header).
    #[arg(long, value_name = "N")]
    opt_after: Option<u64>,
    /// Stop at baseline code (for comparison with the optimizing tier).
    #[arg(long, conflicts_with = "opt_after")]
    no_opt: bool,
    /// Hot functions are compiled by the optimizing tier directly, with
    /// no baseline code first (as V8's Ignition to Maglev).
    #[arg(long)]
    opt_at_tier_up: bool,
    /// Only functions whose name contains this get optimized code (as
    /// V8's --turbo-filter; for narrowing down a miscompilation).
    #[arg(long)]
    opt_filter: Option<String>,
    /// Collect at every allocation, and fill dead objects with a poison
    /// pattern (for testing the collector and the stack maps: a missed
    /// root reads garbage at once).
    #[arg(long)]
    gc_stress: bool,
    /// Print run and collector statistics to stderr at exit.
    #[arg(long)]
    stats: bool,
    /// Do not count receiver types and calls (to measure what counting costs).
    #[arg(long)]
    no_profile: bool,
    /// Write the profile to this file at exit.
    #[arg(long)]
    profile_out: Option<String>,
    /// Seed the profile from this file at startup.
    #[arg(long)]
    profile_in: Option<String>,
    /// Receiver rows per call site.
    #[arg(long, default_value_t = POLICY.width)]
    profile_width: usize,
    /// A function is hot after this many calls.
    #[arg(long, default_value_t = POLICY.hot_calls)]
    hot_calls: u64,
    /// A function is hot after this many loop back-edges.
    #[arg(long, default_value_t = POLICY.hot_loops)]
    hot_loops: u64,
    /// Share of a site's calls one type needs for a guard.
    #[arg(long, default_value_t = POLICY.bias)]
    bias: f64,
    /// Share two types together need for a bimorphic guard.
    #[arg(long, default_value_t = POLICY.bimorphic)]
    bimorphic: f64,
    /// Share the top type needs to be guarded alone when a second type
    /// brings the pair to --bimorphic (below it, both are guarded).
    #[arg(long, default_value_t = POLICY.major)]
    major: f64,
    /// Most receivers a site is guarded for: three or more (together
    /// reaching --bimorphic) get a chain of inlined guards (2: never).
    #[arg(long, default_value_t = POLICY.polymorphic)]
    polymorphic: usize,
    /// A site with fewer observations stays cold.
    #[arg(long, default_value_t = POLICY.min_site_calls)]
    min_site_calls: u64,
    /// Recompile a compiled site whose guards miss this share of its calls.
    #[arg(long, default_value_t = POLICY.miss_ratio)]
    miss_ratio: f64,
    /// Calls a compiled site makes before its miss ratio counts (doubled
    /// after each recompilation).
    #[arg(long, default_value_t = POLICY.miss_window)]
    miss_window: u64,
    /// Recompilations of one site before it settles to an indirect call.
    #[arg(long, default_value_t = POLICY.max_recompiles)]
    max_recompiles: u32,
    /// Compile on the spot when a function gets hot, instead of on the
    /// background compiler thread (deterministic runs).
    #[arg(long)]
    jit_sync: bool,
    /// Compile interface calls as plain indirect calls, whatever the profile says.
    #[arg(long)]
    no_devirt: bool,
    /// Call guarded targets instead of inlining small leaf methods.
    #[arg(long)]
    no_inline: bool,
    /// Count every guard hit in compiled code (exact tables; costs a memory
    /// increment per call).
    #[arg(long)]
    count_guards: bool,
    /// Keep every frame slot in memory (no slots in registers), for comparison.
    #[arg(long)]
    no_regs: bool,
    /// Test every pointer for nil before optimized code loads or stores
    /// through it, instead of letting the access fault (implicit nil
    /// checks, as Go's compiler and HotSpot do), for comparison.
    #[arg(long)]
    explicit_nil_checks: bool,
    /// Print each tier-up, OSR and devirtualization decision to stderr.
    #[arg(long)]
    trace_tier: bool,
    /// Write /tmp/perf-PID.map so `perf report` names compiled code.
    #[arg(long)]
    perf_map: bool,
    /// Internal (set by `pgojit stress --threads`): run this many copies of
    /// the program at once, sharing the profile and the compiled code.
    #[arg(long, hide = true, default_value_t = RUN.copies)]
    copies: u32,
    /// Internal (set by `pgojit stress`): an adversarial mode for guards.
    #[arg(long, hide = true, value_parser = StressMode::parse)]
    stress_mode: Option<StressMode>,
    /// Internal (set by `pgojit stress`): write what the JIT counted to
    /// this file (JSON) at exit.
    #[arg(long, hide = true)]
    stress_report: Option<String>,
    /// Seed of the stress mode's random choices.
    #[arg(long, default_value_t = JIT.seed)]
    seed: u64,
    /// Bytes of machine code the JIT may map (with K/M/G); past it, functions stay interpreted.
    #[arg(long, default_value_t = Size(JIT.code_limit as u64))]
    code_limit: Size,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run a Go program.
    Run(RunArgs),
    /// Run a Go program, then print the per-site profile table.
    #[command(args_conflicts_with_subcommands = true)]
    Profile {
        #[command(subcommand)]
        merge: Option<ProfileCmd>,
        #[command(flatten)]
        run: Option<RunArgs>,
        /// Report format (pprof: a gzipped pprof file for `go build -pgo`
        /// and `go tool pprof`; needs -o).
        #[arg(long, value_enum, default_value_t)]
        format: ReportFormat,
        /// Write the report to FILE (default: stderr, so the program's
        /// stdout stays its own).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<String>,
    },
    /// Run a Go program, then print the machine code of its functions with
    /// the bytecode and guard comments beside it.
    Disasm {
        #[command(flatten)]
        run: RunArgs,
        /// Only functions whose name contains this (or is exactly this).
        #[arg(long = "func")]
        func: Option<String>,
        /// Print code offsets and hide addresses (for comparing listings).
        #[arg(long)]
        stable: bool,
        /// Print the optimizing tier's SSA graph of each function instead
        /// of machine code.
        #[arg(long)]
        ir: bool,
    },
    /// Run a Go program under adversarial guard modes and check that each
    /// run prints what the interpreter printed (exit 1 on a difference).
    Stress {
        file: String,
        /// force-miss, random-miss[=P] (0.3), poison, flip[=N] (1000) (repeatable; all by default).
        #[arg(long = "mode")]
        modes: Vec<String>,
        /// Seed of the first run; repeats use the next ones.
        #[arg(long, default_value_t = JIT.seed)]
        seed: u64,
        /// Runs per mode.
        #[arg(long, default_value_t = 1)]
        repeat: u32,
        /// Copies of the program at once in one process, sharing the itab
        /// cache, the profile and the compiled code.
        #[arg(long, default_value_t = 1)]
        threads: u32,
        /// Every site and every version of its code, of every run.
        #[arg(long)]
        verbose: bool,
        /// Report format (json: one document with every mode, run and site).
        #[arg(long, value_enum, default_value_t)]
        format: pgojit::stress::StressFormat,
        /// Run options passed to every run (after `--`).
        #[arg(last = true)]
        extra: Vec<String>,
    },
    /// Parse and type-check a Go program.
    Check {
        file: String,
        /// Print the bytecode of every function.
        #[arg(long)]
        bytecode: bool,
    },
}

#[derive(Subcommand)]
enum ProfileCmd {
    /// Add the counts of several profile files.
    Merge {
        inputs: Vec<String>,
        #[arg(short = 'o', long = "output")]
        output: String,
    },
}

/// A report's format and file (`pgojit profile --format=F -o FILE`).
type Report = (ReportFormat, Option<String>);

fn run_options(a: &RunArgs, report: Option<Report>) -> Result<RunOptions, String> {
    let policy = Policy {
        hot_calls: a.hot_calls,
        hot_loops: a.hot_loops,
        bias: a.bias,
        bimorphic: a.bimorphic,
        polymorphic: a.polymorphic,
        major: a.major,
        min_site_calls: a.min_site_calls,
        width: a.profile_width,
        miss_ratio: a.miss_ratio,
        miss_window: a.miss_window,
        max_recompiles: a.max_recompiles,
    };
    policy.validate().map_err(|e| e.to_string())?;
    // A pprof file is binary: on stderr it would land on a terminal or mix
    // with the program's own stderr (`println`, panics). Refused before the
    // program runs.
    if let Some((ReportFormat::Pprof, None)) = &report {
        return Err(
            "--format=pprof writes a binary file: give -o FILE (e.g. -o default.pgo)".into(),
        );
    }
    Ok(RunOptions {
        gc_percent: a.gc_percent,
        heap_limit: a.heap_limit.map(|s| s.0),
        gc_threads: a.gc_threads,
        max_steps: a.max_steps,
        max_stack: a.max_stack.map(|s| s.0),
        gc_stress: a.gc_stress,
        stats: a.stats,
        profile: !a.no_profile || report.is_some(),
        policy,
        profile_out: a.profile_out.clone(),
        profile_in: a.profile_in.clone(),
        report: report.as_ref().map(|r| r.0),
        report_out: report.as_ref().and_then(|r| r.1.clone()),
        stress_report: a.stress_report.clone(),
        tier: a.tier,
        jit: JitOptions {
            sync: a.jit_sync,
            devirt: !a.no_devirt,
            inline: !a.no_inline,
            count_guards: a.count_guards,
            count: a.count_guards || a.stats || report.is_some() || a.stress_report.is_some(),
            regs: !a.no_regs,
            implicit_nil: !a.explicit_nil_checks,
            trace: a.trace_tier,
            timeline: report.as_ref().is_some_and(|r| r.0 == ReportFormat::Html),
            perf_map: a.perf_map,
            code_limit: a.code_limit.0 as usize,
            stress: a.stress_mode.unwrap_or(StressMode::None),
            seed: a.seed,
            steps: a.max_steps.is_some(),
            verify_guards: a.verify_guards,
            break_guards: a.break_guards,
            // (--tier=opt sets it too: see driver::run_program.)
            opt_first: a.opt_at_tier_up,
            opt_filter: a.opt_filter.clone(),
            opt_after: if a.no_opt {
                None
            } else {
                a.opt_after.or(JitOptions::DEFAULT.opt_after)
            },
        },
        disasm: None,
        copies: a.copies.max(1),
        map_seed: a.map_seed,
        args: std::iter::once(a.file.clone())
            .chain(a.program_args.iter().cloned())
            .collect(),
    })
}

fn run(a: &RunArgs) -> Outcome {
    run_with(a, None, None)
}

fn run_with(a: &RunArgs, report: Option<Report>, disasm: Option<Disasm>) -> Outcome {
    match run_options(a, report) {
        Ok(mut o) => {
            o.disasm = disasm;
            driver::run_file(&a.file, &o)
        }
        Err(e) => {
            eprintln!("pgojit: {e}");
            Outcome::CompileError
        }
    }
}

fn main() -> ExitCode {
    // A closed stdout (`pgojit ... | head`) ends the process quietly, as it
    // ends a Go program or `cat`, instead of a Rust panic in `print!`.
    // SAFETY: restores the default disposition of one signal, at startup,
    // before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // Bad usage exits 1 like other bad input (clap's own code, 2, is the
    // code of a Go panic).
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 1 } else { 0 });
        }
    };
    // Front-end recursion follows the program's nesting: give it room.
    let child = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || match cli.cmd {
            Cmd::Run(a) => run(&a),
            Cmd::Profile {
                merge: Some(ProfileCmd::Merge { inputs, output }),
                ..
            } => driver::merge_files(&inputs, &output),
            Cmd::Profile {
                run: Some(a),
                format,
                output,
                ..
            } => run_with(&a, Some((format, output)), None),
            Cmd::Profile { .. } => {
                eprintln!("pgojit profile: give a FILE.go to run, or `merge A B -o C`");
                Outcome::CompileError
            }
            Cmd::Check { file, bytecode } => driver::check_file(&file, bytecode),
            Cmd::Stress {
                file,
                modes,
                seed,
                repeat,
                threads,
                verbose,
                format,
                extra,
            } => pgojit::stress::stress(
                &file,
                &pgojit::stress::StressArgs {
                    modes,
                    seed,
                    repeat,
                    threads,
                    extra,
                    verbose,
                    format,
                },
            ),
            Cmd::Disasm {
                run,
                func,
                stable,
                ir,
            } => run_with(&run, None, Some(Disasm { func, stable, ir })),
        });
    let outcome = match child.map(|h| h.join()) {
        Ok(Ok(o)) => o,
        _ => Outcome::Internal,
    };
    ExitCode::from(outcome.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Cli {
        Cli::try_parse_from([&["pgojit"], args].concat()).expect("parses")
    }

    /// A command line without options is a run with the default options.
    #[test]
    fn no_options_is_the_default_run() {
        let Cmd::Run(a) = parse(&["run", "p.go"]).cmd else {
            panic!("not run")
        };
        // (The program's command line: its name.)
        let expected = RunOptions {
            args: vec!["p.go".into()],
            ..RunOptions::DEFAULT
        };
        assert_eq!(run_options(&a, None), Ok(expected));
        let Cmd::Run(a) = parse(&["run", "p.go", "-n", "3", "--tier=jit"]).cmd else {
            panic!("not run")
        };
        let o = run_options(&a, None).expect("valid");
        assert_eq!(
            o.args,
            ["p.go", "-n", "3", "--tier=jit"],
            "after the file: the program's"
        );
        assert_eq!(o.tier, RunOptions::DEFAULT.tier);
        let Cmd::Profile {
            run: Some(a),
            format,
            output,
            ..
        } = parse(&["profile", "p.go"]).cmd
        else {
            panic!("not profile")
        };
        assert_eq!(format, ReportFormat::Text);
        assert_eq!(output, None, "stderr by default");
        let o = run_options(&a, Some((format, output))).expect("valid");
        assert_eq!(o.report, Some(ReportFormat::Text));
        assert_eq!(o.report_out, None);
        assert!(o.jit.count);
        let Cmd::Profile {
            run: Some(a),
            format,
            output,
            ..
        } = parse(&["profile", "--format=json", "-o", "p.json", "p.go"]).cmd
        else {
            panic!("not profile")
        };
        let o = run_options(&a, Some((format, output))).expect("valid");
        assert_eq!(o.report, Some(ReportFormat::Json));
        assert_eq!(o.report_out.as_deref(), Some("p.json"));
        for (args, ok) in [
            (
                &["profile", "--format=pprof", "-o", "d.pgo", "p.go"][..],
                true,
            ),
            (&["profile", "--format=pprof", "p.go"][..], false),
        ] {
            let Cmd::Profile {
                run: Some(a),
                format,
                output,
                ..
            } = parse(args).cmd
            else {
                panic!("not profile")
            };
            let o = run_options(&a, Some((format, output)));
            assert_eq!(o.is_ok(), ok, "{args:?}: binary pprof needs -o");
        }
    }

    #[test]
    fn options_map_onto_run_options() {
        let Cmd::Run(a) = parse(&[
            "run",
            "--tier=jit",
            "--code-limit=1k",
            "--heap-limit=2G",
            "--max-stack=8M",
            "--no-devirt",
            "--stress-mode=flip=7",
            "--hot-calls=2",
            "p.go",
        ])
        .cmd
        else {
            panic!("not run")
        };
        let o = run_options(&a, None).expect("valid");
        assert_eq!(o.tier, TierMode::Jit);
        assert_eq!(o.jit.code_limit, 1024);
        assert_eq!(o.heap_limit, Some(2 << 30));
        assert_eq!(o.max_stack, Some(8 << 20));
        assert!(!o.jit.devirt);
        assert_eq!(o.jit.stress, StressMode::Flip(7));
        assert_eq!(o.policy.hot_calls, 2);
    }
}
