//! The optimizing tier as the tier layer sees it: build the graph,
//! verify it, allocate registers and emit (`--tier=opt`). A function the
//! tier cannot compile yet is declined with the reason, and gets
//! baseline code.

use super::{codegen, graph_of};
use crate::tier::compiler::{Compiler, Output, Tier};
use crate::tier::Jit;
use pgojit_profiler::FuncId;

/// The optimizing compiler.
pub struct Optimizing;

impl Compiler for Optimizing {
    fn tier(&self) -> Tier {
        Tier::Opt
    }

    fn compile(&self, jit: &Jit, f: FuncId) -> Result<Output, String> {
        if let Some(only) = &jit.opts.opt_filter {
            if !jit.prog.func(f).name.contains(only.as_str()) {
                return Err(format!("not matched by --opt-filter={only}"));
            }
        }
        let g = graph_of(jit.prog, f)?;
        codegen::generate(jit, jit.prog, f, &g)
    }
}
