//! The optimizing tier (issue 13; DESIGN decision 9, in the style of V8's
//! Maglev and ZJIT): an SSA graph built from a function's bytecode, to be
//! devirtualized from the profile's snapshot, inlined, optimized,
//! register-allocated and emitted through `jit/`.
//!
//! What exists: the graph, guarded devirtualization, inlining, the
//! passes after them (`passes/`), a linear-scan register allocator and a
//! code generator (`--tier=opt`), OSR entries at loop headers.
//!
//! | file | owns |
//! |---|---|
//! | [`ir`] | the IR: `InsnId`/`BlockId`, one SSA value per word, typed; blocks with parameters and terminators; call nodes that carry their `SiteId` |
//! | [`build`] | bytecode to SSA (Braun et al.), blocks from the opcode table's facts, frame arrays in memory |
//! | [`print`] | the text form behind `pgojit disasm --ir` |
//! | [`verify`] | the SSA verifier: dominance, terminators, block arguments, operand types |
//! | [`devirt`] | interface sites rewritten from the profile: key-cell guards, direct calls, the indirect call as the miss path |
//! | [`lower`] | native fast paths of generic bytecode (reslicing, `append`, string comparison, indexing and slicing), the bytecode kept as the cold slow path |
//! | [`inline`] | static calls of small leaves replaced by a copy of the callee's graph |
//! | [`passes`] | the passes after inlining, each verified: [`passes::simplify`] (folding, identities, constant branches, trivial block parameters, block merging, unreachable blocks), [`passes::loads`] (redundant loads, store-to-load forwarding), [`passes::gvn`] (value numbering over the dominator tree), [`passes::bounds`] (bounds check elimination), [`passes::licm`] (loop-invariant code motion), [`passes::dce`] (dead instructions and parameters) |
//! | [`regalloc`] | liveness, live intervals, linear scan over the allocatable registers |
//! | [`codegen`] | machine code from the graph and its allocation: the frame layout, calls and safepoints, panic paths |
//! | [`magic`] | the constants of division by a constant as a multiplication (Granlund and Montgomery), for the code generator |
//! | [`compiler`] | the tier layer's `Compiler` for `Tier::Opt` |

pub mod build;
pub mod codegen;
pub mod compiler;
pub mod devirt;
pub mod inline;
pub mod ir;
pub mod lower;
pub mod magic;
pub mod passes;
pub mod print;
pub mod regalloc;
pub mod verify;

#[cfg(test)]
mod tests;

pub use build::{build, build_func, build_osr, BuildError, Signatures};
pub use ir::{BlockId, Graph, InsnId, Ty};

use crate::bytecode::Program;
use pgojit_profiler::FuncId;

/// Builds and verifies the graph of `id`: the text of an error, or the graph.
pub fn graph_of(prog: &Program, id: FuncId) -> Result<Graph, String> {
    frame_shared(prog, id)?;
    let mut g = build_func(prog, id).map_err(|e| format!("build: {e}"))?;
    reducible(&g)?;
    lower::lower(&mut g);
    verify::verify(&g).map_err(|e| format!("verify: {e}"))?;
    Ok(g)
}

/// Refuses control flow with a loop entered other than at its header
/// (`goto` can make one): the passes and OSR assume natural loops, so
/// such a function keeps its baseline code, as C2 bails out on
/// irreducible loops it cannot handle.
fn reducible(g: &Graph) -> Result<(), String> {
    let rpo = g.rpo();
    let mut order = vec![usize::MAX; g.blocks.len()];
    for (i, b) in rpo.iter().enumerate() {
        order[b.index()] = i;
    }
    let idom = verify::dominators(g);
    for &b in &rpo {
        for s in g.succs(b) {
            if order[s.index()] > order[b.index()] {
                continue;
            }
            // A retreating edge: its target must dominate its source.
            let mut x = b;
            loop {
                if x == s {
                    break;
                }
                match idom[x.index()] {
                    Some(y) if y != x => x = y,
                    _ => {
                        return Err(
                            "irreducible control flow (a loop entered other than at its header)"
                                .into(),
                        )
                    }
                }
            }
        }
    }
    Ok(())
}

/// Refuses the frame function of a function with deferred calls, whose
/// body runs on its frame (`bytecode::lower::defers`): optimized code keeps
/// save and spill slots above its frame, where the body's own go. Three
/// instructions, which the baseline tier compiles.
fn frame_shared(prog: &Program, id: FuncId) -> Result<(), String> {
    let f = prog.funcs.get(id.index()).ok_or("no such function")?;
    if f.code
        .iter()
        .any(|op| matches!(op, crate::bytecode::Op::Protect { .. }))
    {
        return Err("a deferred-call frame (its body runs on its frame)".into());
    }
    Ok(())
}

/// The graph of `id` entered at `pc` by on-stack replacement, verified.
pub fn osr_graph_of(prog: &Program, id: FuncId, pc: u32) -> Result<Graph, String> {
    frame_shared(prog, id)?;
    let f = prog.funcs.get(id.index()).ok_or("no such function")?;
    let mut g = build_osr(f, prog, pc).map_err(|e| format!("build (OSR at {pc}): {e}"))?;
    reducible(&g)?;
    lower::lower(&mut g);
    verify::verify(&g).map_err(|e| format!("verify (OSR at {pc}): {e}"))?;
    Ok(g)
}
