//! The baseline compiler: hot functions to x86-64 on the interpreter's
//! frame layout, with profile-guided guarded devirtualization of interface
//! and function-value calls. It compiles fast and keeps counting; the tier
//! layer (`crate::tier`) decides when it runs and installs what it makes.
//!
//! - [`emit`]: bytecode → machine code, one instruction at a time.
//! - [`devirt`]: what the profile and policy make of each call site.

pub mod emit;

use crate::bytecode::Program;
use crate::tier::compiler::{Compiler, Output, Tier};
use crate::tier::Jit;
use pgojit_profiler::FuncId;

/// The baseline compiler, as the tier layer calls it.
pub struct Baseline;

impl Compiler for Baseline {
    fn tier(&self) -> Tier {
        Tier::Baseline
    }

    fn compile(&self, jit: &Jit, f: FuncId) -> Result<Output, String> {
        Ok(emit::compile(jit, jit.prog, f))
    }
}

/// Largest leaf body (in instructions) the baseline inlines under a guard.
pub const INLINE_MAX_OPS: usize = 12;

/// A small leaf: no calls, no loops, no allocation, nothing that needs the
/// closure register. Its body can be expanded under the guard.
pub fn inlinable(prog: &Program, f: FuncId) -> bool {
    let func = prog.func(f);
    func.code.len() <= INLINE_MAX_OPS
        && func
            .code
            .iter()
            .enumerate()
            .all(|(pc, op)| emit::inline_safe(op, pc))
}
