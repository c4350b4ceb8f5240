//! Every run option, declared once with its default.
//!
//! [`RunOptions::DEFAULT`] is the one place a run's defaults are written,
//! except the policy's thresholds, which are the profiler's
//! ([`Policy::DEFAULT`]: the profiler crate cannot see this one), and
//! GOGC's 100, which is the collector's ([`DEFAULT_GC_PERCENT`]). The
//! command line (`main.rs`) takes its defaults, and so its `--help`, from
//! these, and maps its flags onto [`RunOptions`]; the driver runs with it,
//! and the tiers read the parts they need ([`JitOptions`], [`StressMode`]).
//! This module depends on nothing of pgojit's but those two constants, so
//! every layer may import it.

use std::fmt;
use std::str::FromStr;

pub use crate::runtime::heap::DEFAULT_GC_PERCENT;
/// The tier-up and devirtualization policy's knobs (`--hot-calls`,
/// `--bias`, `--miss-ratio`...), with their defaults.
pub use pgojit_profiler::Options as Policy;

/// How to run a program.
#[derive(Clone, Debug, PartialEq)]
pub struct RunOptions {
    /// GOGC: the heap grows this much (percent) over the live heap between collections.
    pub gc_percent: u64,
    /// Stop with Go's out-of-memory error past this many live bytes.
    pub heap_limit: Option<u64>,
    /// Threads that mark during a collection; 0: one per core, up to 8
    /// (`heap::default_gc_threads`).
    pub gc_threads: usize,
    /// Stop after this many steps (function entries and loop back-edges).
    pub max_steps: Option<u64>,
    /// Bytes of VM stack (Go's stack overflow past them).
    pub max_stack: Option<u64>,
    /// Collect at every allocation; poison dead objects.
    pub gc_stress: bool,
    /// Print statistics to stderr at exit.
    pub stats: bool,
    /// Count receivers and calls (off with `--no-profile`).
    pub profile: bool,
    /// Policy thresholds and the width of receiver tables.
    pub policy: Policy,
    /// Write the profile here at exit.
    pub profile_out: Option<String>,
    /// Seed the profile from this file at startup.
    pub profile_in: Option<String>,
    /// Print the profile table at exit (`pgojit profile`), as text or JSON.
    pub report: Option<ReportFormat>,
    /// Where the report goes (`pgojit profile -o FILE`); stderr when not
    /// given: the program's stdout stays the program's.
    pub report_out: Option<String>,
    /// `pgojit stress`'s child runs: write what the JIT counted (a
    /// `stress::RunReport`, JSON) to this file at exit.
    pub stress_report: Option<String>,
    /// Which tiers run.
    pub tier: TierMode,
    /// How the JIT compiles (ignored with `TierMode::Interp`).
    pub jit: JitOptions,
    /// `pgojit disasm`: after the run, list the machine code of the
    /// functions whose name contains this (all with `""`).
    pub disasm: Option<Disasm>,
    /// Run this many copies of the program at once in one process, sharing
    /// the itab cache, the profile and the compiled code (`pgojit stress
    /// --threads`); they must all print the same.
    pub copies: u32,
    /// The program's command line (`os.Args`), its name first.
    pub args: Vec<String>,
    /// Map iteration orders from this seed (tests), not from the process.
    pub map_seed: Option<u64>,
}

impl RunOptions {
    /// `pgojit run FILE` without options.
    pub const DEFAULT: RunOptions = RunOptions {
        gc_percent: DEFAULT_GC_PERCENT,
        heap_limit: None,
        gc_threads: 0,
        max_steps: None,
        max_stack: None,
        gc_stress: false,
        stats: false,
        profile: true,
        policy: Policy::DEFAULT,
        profile_out: None,
        profile_in: None,
        report: None,
        report_out: None,
        stress_report: None,
        tier: TierMode::Auto,
        jit: JitOptions::DEFAULT,
        disasm: None,
        copies: 1,
        args: Vec::new(),
        map_seed: None,
    };
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions::DEFAULT
    }
}

/// What `pgojit disasm` lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Disasm {
    /// Only functions whose name contains this (or equals it exactly, when
    /// some function does).
    pub func: Option<String>,
    /// Offsets instead of addresses, 64-bit immediates hidden.
    pub stable: bool,
    /// The optimizing tier's SSA graph instead of machine code.
    pub ir: bool,
}

/// `--tier`. (The doc comments are `--help`'s text.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TierMode {
    /// Interpreter only.
    Interp,
    /// Compile every function at its first call.
    Jit,
    /// Compile every function with the optimizing tier at its first call
    /// (what it cannot compile yet gets baseline code).
    Opt,
    /// Interpret, and compile what gets hot (the default).
    Auto,
}

/// `pgojit profile --format`: how the profile table is printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    #[default]
    Text,
    Json,
    /// One self-contained page: bars per site, a timeline of tier events.
    Html,
    /// A gzipped pprof profile for `go build -pgo=FILE` and `go tool
    /// pprof` (binary: needs `-o FILE`).
    Pprof,
}

/// The JIT's switches.
#[derive(Clone, Debug, PartialEq)]
pub struct JitOptions {
    /// Compile on the interpreter's thread (`--jit-sync`).
    pub sync: bool,
    /// Guarded direct calls from the profile (off: `--no-devirt`).
    pub devirt: bool,
    /// Inline small leaf targets under their guard (off: `--no-inline`).
    pub inline: bool,
    /// Count guard hits in compiled code (`--count-guards`).
    pub count_guards: bool,
    /// Count calls and loop trips in compiled code (`--stats`,
    /// `--count-guards`, `pgojit profile`): exact function counts, at the
    /// price of a memory increment per call and per loop trip.
    pub count: bool,
    /// Keep hot frame slots in registers (off: `--no-regs`).
    pub regs: bool,
    /// `--trace-tier`.
    pub trace: bool,
    /// Record the tier events `--trace-tier` prints, with their times, in
    /// a bounded log (`pgojit profile --format=html`'s timeline).
    pub timeline: bool,
    /// `--perf-map`.
    pub perf_map: bool,
    /// Code memory budget in bytes (`--code-limit`).
    pub code_limit: usize,
    /// An adversarial mode for `pgojit stress`.
    pub stress: StressMode,
    /// Seed of the stress mode's choices (`--seed`).
    pub seed: u64,
    /// Compiled code takes steps at function entries and loop back-edges
    /// (`--max-steps` is set).
    pub steps: bool,
    /// Guarded targets re-check the receiver's type before they run and
    /// abort on a mismatch (`--verify-guards`).
    pub verify_guards: bool,
    /// A deliberately wrong compiler, to show `--verify-guards` at work:
    /// the first guard of every site passes for any receiver.
    pub break_guards: bool,
    /// A function's first code comes from the optimizing tier
    /// (`--tier=opt`).
    pub opt_first: bool,
    /// Only functions whose name contains this get optimized code
    /// (`--opt-filter`).
    pub opt_filter: Option<String>,
    /// Baseline code that runs this many more calls and loop back-edges
    /// is compiled again by the optimizing tier (`--opt-after`); `None`
    /// stops at baseline code (`--no-opt`).
    pub opt_after: Option<u64>,
    /// Optimized code lets a load or store through nil fault instead of
    /// testing the pointer first (`--explicit-nil-checks` turns it off).
    pub implicit_nil: bool,
}

impl JitOptions {
    pub const DEFAULT: JitOptions = JitOptions {
        sync: false,
        devirt: true,
        inline: true,
        count_guards: false,
        count: false,
        regs: true,
        trace: false,
        timeline: false,
        perf_map: false,
        code_limit: 64 << 20,
        stress: StressMode::None,
        seed: 1,
        steps: false,
        verify_guards: false,
        break_guards: false,
        opt_first: false,
        opt_filter: None,
        opt_after: Some(10_000),
        implicit_nil: true,
    };
}

impl Default for JitOptions {
    fn default() -> Self {
        JitOptions::DEFAULT
    }
}

/// How `pgojit stress` attacks the guards (every mode must leave the
/// program's output unchanged).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StressMode {
    /// No attack.
    None,
    /// Every guard is compiled for a receiver that never comes.
    ForceMiss,
    /// Each guarded call takes the miss path with this probability.
    RandomMiss(f64),
    /// The policy decides from randomized profiles.
    Poison,
    /// Every this many calls at a guarded site, recompile with the guard
    /// rotated to another type (32 times per site at most: then the site
    /// keeps its code, as a real site settles).
    Flip(u64),
}

impl StressMode {
    /// `random-miss` alone: the probability of `pgojit stress`'s default run.
    pub const RANDOM_MISS: f64 = 0.3;
    /// `flip` alone: the calls between flips of `pgojit stress`'s default run.
    pub const FLIP_EVERY: u64 = 1000;

    /// `force-miss`, `random-miss=0.3`, `poison`, `flip=1000`; `random-miss`
    /// and `flip` alone take those defaults.
    pub fn parse(s: &str) -> Result<StressMode, String> {
        let (name, arg) = s.split_once('=').map_or((s, None), |(a, b)| (a, Some(b)));
        match (name, arg) {
            ("force-miss", None) => Ok(StressMode::ForceMiss),
            ("poison", None) => Ok(StressMode::Poison),
            ("random-miss", None) => Ok(StressMode::RandomMiss(Self::RANDOM_MISS)),
            ("flip", None) => Ok(StressMode::Flip(Self::FLIP_EVERY)),
            ("random-miss", Some(p)) => match p.parse::<f64>() {
                Ok(p) if (0.0..=1.0).contains(&p) => Ok(StressMode::RandomMiss(p)),
                _ => Err(format!("random-miss={p}: a probability in [0, 1]")),
            },
            ("flip", Some(n)) => match n.parse::<u64>() {
                Ok(n) if n > 0 => Ok(StressMode::Flip(n)),
                _ => Err(format!("flip={n}: a positive number of calls")),
            },
            _ => Err(format!(
                "unknown stress mode {s:?} (force-miss, random-miss[=P], poison, flip[=N])"
            )),
        }
    }
}

/// A number of bytes as the command line writes it: `4096`, `512K`, `64M`,
/// `2G` (`--heap-limit`, `--max-stack`, `--code-limit`). It prints in the
/// largest unit that divides it, so a default shows as `64M` in `--help`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size(pub u64);

const UNITS: [(char, u32); 3] = [('G', 30), ('M', 20), ('K', 10)];

impl FromStr for Size {
    type Err = String;

    fn from_str(s: &str) -> Result<Size, String> {
        let last = s.chars().last().map(|c| c.to_ascii_uppercase());
        let (num, shift) = match UNITS.iter().find(|u| Some(u.0) == last) {
            Some(&(_, shift)) => (&s[..s.len() - 1], shift),
            None => (s, 0),
        };
        let n = num
            .parse::<u64>()
            .map_err(|e| format!("invalid size {s:?}: {e}"))?;
        n.checked_mul(1 << shift)
            .map(Size)
            .ok_or_else(|| format!("invalid size {s:?}: number too large to fit in target type"))
    }
}

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match UNITS
            .iter()
            .find(|&&(_, shift)| self.0 != 0 && self.0 & ((1 << shift) - 1) == 0)
        {
            Some(&(unit, shift)) => write!(f, "{}{unit}", self.0 >> shift),
            None => write!(f, "{}", self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_and_print() {
        for (text, n, shown) in [
            ("4096", 4096, "4K"),
            ("512k", 512 << 10, "512K"),
            ("64M", 64 << 20, "64M"),
            ("2G", 2 << 30, "2G"),
            ("1536M", 1536 << 20, "1536M"),
            ("0", 0, "0"),
            ("1000", 1000, "1000"),
        ] {
            assert_eq!(text.parse::<Size>(), Ok(Size(n)), "{text}");
            assert_eq!(Size(n).to_string(), shown);
        }
        assert_eq!(
            "12X".parse::<Size>(),
            Err("invalid size \"12X\": invalid digit found in string".into())
        );
        assert!("M".parse::<Size>().is_err());
        assert_eq!(
            "17179869184G".parse::<Size>(),
            Err("invalid size \"17179869184G\": number too large to fit in target type".into())
        );
        assert_eq!("17179869183G".parse::<Size>(), Ok(Size(17179869183 << 30)));
    }

    #[test]
    fn stress_modes_parse_with_defaults() {
        use StressMode::*;
        assert_eq!(StressMode::parse("flip"), Ok(Flip(1000)));
        assert_eq!(StressMode::parse("flip=7"), Ok(Flip(7)));
        assert_eq!(StressMode::parse("random-miss"), Ok(RandomMiss(0.3)));
        assert_eq!(StressMode::parse("random-miss=0.5"), Ok(RandomMiss(0.5)));
        assert_eq!(StressMode::parse("force-miss"), Ok(ForceMiss));
        assert_eq!(StressMode::parse("poison"), Ok(Poison));
        // The defaults are the ones `pgojit stress` runs when no mode is named.
        for m in crate::stress::ALL_MODES {
            let name = m.split('=').next().unwrap();
            assert_eq!(StressMode::parse(name), StressMode::parse(m), "{m}");
        }
        for bad in [
            "flip=0",
            "flip=x",
            "random-miss=2",
            "poison=1",
            "force-miss=1",
            "nope",
        ] {
            assert!(StressMode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn defaults_are_the_default_impls() {
        assert_eq!(RunOptions::default(), RunOptions::DEFAULT);
        assert_eq!(Policy::default(), RunOptions::DEFAULT.policy);
        assert_eq!(
            crate::runtime::heap::Heap::new().gc_percent,
            RunOptions::DEFAULT.gc_percent
        );
    }
}
