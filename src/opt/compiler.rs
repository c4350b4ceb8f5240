//! The optimizing tier as the tier layer sees it: build the graph,
//! verify it, allocate registers and emit (`--tier=opt`). A function the
//! tier cannot compile yet is declined with the reason, and gets
//! baseline code.

use super::{codegen, graph_of, inline, verify};
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
        let mut g = graph_of(jit.prog, f)?;
        let mut trace = Vec::new();
        if jit.opts.inline {
            let mut h = g.clone();
            trace = inline::inline_calls(&mut h, jit.prog, f);
            match verify::verify(&h) {
                Ok(()) => g = h,
                Err(e) => trace.push(format!(
                    "{}: inlining abandoned (the graph fails verification: {e})",
                    g.name
                )),
            }
        }
        let mut out = codegen::generate(jit, jit.prog, f, &g)?;
        out.trace = trace;
        Ok(out)
    }
}
