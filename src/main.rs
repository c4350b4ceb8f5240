//! The `pgojit` command line.

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use pgojit::driver::{self, Outcome};

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

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
enum Tier {
    /// Interpreter only.
    Interp,
    /// Compile every function at its first call.
    Jit,
    /// Interpret, and compile what gets hot (the default).
    Auto,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run a Go program.
    Run {
        file: String,
        #[arg(long, value_enum, default_value_t = Tier::Auto)]
        tier: Tier,
        /// GOGC: grow the heap this much (percent) over the live heap before collecting.
        #[arg(long, default_value_t = 100)]
        gc_percent: u64,
        /// End with Go's out-of-memory error past this much live heap (bytes, or with K/M/G).
        #[arg(long, value_parser = parse_size)]
        heap_limit: Option<u64>,
        /// Collect at every allocation (for testing the collector).
        #[arg(long)]
        gc_stress: bool,
        /// Print run and collector statistics to stderr at exit.
        #[arg(long)]
        stats: bool,
    },
    /// Parse and type-check a Go program.
    Check {
        file: String,
        /// Print the bytecode of every function.
        #[arg(long)]
        bytecode: bool,
    },
}

/// `512M`, `2G`, `4096`.
fn parse_size(s: &str) -> Result<u64, String> {
    let (num, mul) = match s.chars().last() {
        Some('K' | 'k') => (&s[..s.len() - 1], 1u64 << 10),
        Some('M' | 'm') => (&s[..s.len() - 1], 1 << 20),
        Some('G' | 'g') => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    num.parse::<u64>()
        .map(|n| n * mul)
        .map_err(|e| format!("invalid size {s:?}: {e}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Front-end recursion follows the program's nesting: give it room.
    let child = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || match cli.cmd {
            Cmd::Run {
                file,
                tier,
                gc_percent,
                heap_limit,
                gc_stress,
                stats,
            } => {
                // The JIT tier arrives with issue 5; until then every tier interprets.
                let _ = tier;
                let opts = driver::RunOptions {
                    gc_percent,
                    heap_limit,
                    gc_stress,
                    stats,
                };
                driver::run_file(&file, &opts)
            }
            Cmd::Check { file, bytecode } => driver::check_file(&file, bytecode),
        });
    let outcome = match child.map(|h| h.join()) {
        Ok(Ok(o)) => o,
        _ => Outcome::Internal,
    };
    ExitCode::from(outcome.code())
}
