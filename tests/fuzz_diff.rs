//! A bounded run of the differential fuzzer (`scripts/fuzz.sh` runs it at
//! length): generated programs (`progen/`) in every tier and stress mode,
//! each compared with `--tier=interp`. `PGOJIT_FUZZ_SEEDS` changes how many
//! (default 240, about a minute on two cores); `PGOJIT_FUZZ_START` where
//! they start.

use pgojit_progen::runner::{diff, DiffArgs, GoMode};
use std::path::PathBuf;

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn generated_programs_agree_in_every_tier_and_stress_mode() {
    let keep = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures");
    let args = DiffArgs {
        seeds: env_u64("PGOJIT_FUZZ_SEEDS", 240),
        start: env_u64("PGOJIT_FUZZ_START", 1_000_000),
        jobs: env_u64("PGOJIT_TEST_THREADS", 2) as usize,
        pgojit: PathBuf::from(env!("CARGO_BIN_EXE_pgojit")),
        timeout: 60,
        keep: keep.clone(),
        // (CI has no Go; the expectations of tests/programs come from it.)
        go: GoMode::Never,
        go_every: 1,
        mode: Vec::new(),
        verbose: false,
    };
    let r = diff(&args).expect("the runner starts");
    eprint!("{r}");
    assert_eq!(r.programs, args.seeds, "every seed ran");
    // The generator's programs do what they are for: most run to the end,
    // some end in a runtime panic.
    assert!(r.panicked > 0 && r.panicked < r.programs / 2, "{r}");
    assert!(
        r.failures.is_empty(),
        "differences between tiers (programs and reports in {}):\n{r}",
        keep.display()
    );
}
