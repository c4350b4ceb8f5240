//! `pgojit-fuzz`: generate Go programs and run them differentially.
//!
//! ```text
//! pgojit-fuzz gen --seed 7                 # print the program of seed 7
//! pgojit-fuzz diff --seeds 1000 --start 1  # seeds 1..=1000 in every mode vs --tier=interp
//! pgojit-fuzz diff --seeds 200 --go=always --go-every=1   # ... and every one in real Go
//! ```
//!
//! See [`pgojit_progen::runner`] for what `diff` compares.

use clap::{Parser, Subcommand};
use pgojit_progen::runner::{diff, DiffArgs};

#[derive(Parser)]
#[command(
    name = "pgojit-fuzz",
    about = "Random Go programs, run differentially through pgojit's tiers"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Print the program of one seed.
    Gen {
        #[arg(long)]
        seed: u64,
    },
    /// Run seeds through every mode and compare with the interpreter.
    Diff(DiffArgs),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Gen { seed } => {
            print!("{}", pgojit_progen::generate(seed));
            std::process::ExitCode::SUCCESS
        }
        Cmd::Diff(a) => match diff(&a) {
            Ok(r) => {
                print!("{r}");
                if r.failures.is_empty() {
                    std::process::ExitCode::SUCCESS
                } else {
                    std::process::ExitCode::FAILURE
                }
            }
            Err(e) => {
                eprintln!("pgojit-fuzz: {e}");
                std::process::ExitCode::FAILURE
            }
        },
    }
}
