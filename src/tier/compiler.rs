//! What the tier layer asks of a compiler, and what a compiler hands back:
//! the contract that lets one tier layer serve the baseline compiler today
//! and an optimizing one next, without either importing the other.

use super::Jit;
use pgojit_jit::{Assembled, Label};
use pgojit_profiler::FuncId;

/// The compiled tiers, in the order code moves up through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// Fast to compile, on the interpreter's frame in memory: `baseline/`.
    Baseline,
    /// SSA, register allocation and the passes: `opt/`.
    Opt,
}

impl Tier {
    pub fn name(self) -> &'static str {
        match self {
            Tier::Baseline => "baseline",
            Tier::Opt => "opt",
        }
    }
}

/// A compiler of one tier.
pub trait Compiler: Send + Sync {
    fn tier(&self) -> Tier;
    /// Compiles `f` with what `jit` knows now (profile, site windows,
    /// options); the tier layer maps and installs the result. A compiler
    /// may decline a function (the reason), which then gets the code of
    /// the tier below.
    fn compile(&self, jit: &Jit, f: FuncId) -> Result<Output, String>;
}

/// A compiled function before it is mapped.
pub struct Output {
    pub asm: Assembled,
    pub entry: Label,
    /// OSR entries: (bytecode pc of a loop header, label).
    pub osr: Vec<(u32, Label)>,
    /// `--trace-tier` lines for the function's call sites.
    pub trace: Vec<String>,
    /// Every call site of the function and how it was compiled.
    pub sites: Vec<SiteShape>,
    /// The guards' key cells, read by the code (kept with its version).
    pub keys: Vec<crate::tier::keycell::KeyCell>,
    /// Instructions the code passes to runtime helpers by address (kept
    /// with its version).
    pub ops: Vec<Box<crate::bytecode::Op>>,
    /// Frame words the code uses above the function's bytecode frame
    /// (save and spill slots), which the collector must scan.
    pub extra: u32,
}

/// How a call site was compiled.
#[derive(Clone, Debug)]
pub struct SiteShape {
    pub site: u32,
    pub guards: usize,
    /// `guard *main.Square (inlined)`, `guard main.A, main.B`, `indirect`.
    pub shape: String,
    /// The guarded targets, in order.
    pub targets: Vec<pgojit_profiler::Target>,
}
