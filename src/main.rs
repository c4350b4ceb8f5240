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
    },
    /// Parse and type-check a Go program.
    Check {
        file: String,
        /// Print the bytecode of every function.
        #[arg(long)]
        bytecode: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Front-end recursion follows the program's nesting: give it room.
    let child = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || match cli.cmd {
            Cmd::Run { file, tier } => {
                if tier == Tier::Jit {
                    // The JIT tier arrives with issue 5; until then every tier interprets.
                }
                driver::run_file(&file)
            }
            Cmd::Check { file, bytecode } => driver::check_file(&file, bytecode),
        });
    let outcome = match child.map(|h| h.join()) {
        Ok(Ok(o)) => o,
        _ => Outcome::Internal,
    };
    ExitCode::from(outcome.code())
}
