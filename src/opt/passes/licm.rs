//! Loop-invariant code motion: instructions of a loop whose operands are
//! all defined outside it move to the end of its preheader, inner loops
//! first (so an outer loop may take them further out).
//!
//! A loop is a header `h` and the blocks that reach one of its back-edge
//! predecessors (blocks `h` dominates that jump to it) without passing
//! `h`. Its preheader is the one block outside the loop that jumps to `h`,
//! and the instructions go at its end, before its terminator: no block is
//! made, so `h`'s parameters, `entry_state`, `pc`, flags and every edge
//! (and so which edges are back-edges, [`super::back_edge`]) stay as they
//! were. A header entered from several blocks outside the loop is left
//! alone (a preheader block would move the back-edges that rotated loops'
//! guards are by their pcs).
//!
//! When the preheader ends in a branch (the guard of a rotated loop), what
//! moves runs even when the loop does not: only instructions that have no
//! effect and cannot fail may move, which is all that does move:
//!
//! - pure instructions: integer and float `Bin` except divisions
//!   and remainders, `Un`, `Cmp`, `AddrG`, `FrameAddr`, `Select`, `Proj`, `StrEqConst`
//!   and `CallRt` (strings never change), and the constants they read
//!   (constants alone stay: the code generator makes them immediates);
//! - memory reads, `Load`, `LoadG` and `LoadSlot`, when no block of the
//!   loop (cold ones included) may write memory: no store, call,
//!   `Bytecode`, `SiteMiss` or `StressTick` (`CallRt` only reads), so the
//!   read gives the same word before the loop as on every trip; and when
//!   it cannot fault: a package variable or a frame slot, or a `Load`
//!   whose pointer was dereferenced (`Load`, `Store`, `AddrOff`) in a
//!   block that dominates the preheader, so it is not nil (the read runs
//!   earlier, and also when the loop does not run: it must not fault); or
//!   a `Load` at the top of the header (only pure instructions, or ones
//!   that move too, before it) when the preheader ends in a jump to the
//!   header that is no back-edge: then whenever the moved load runs the
//!   original would have run next, with nothing in between, so it faults
//!   exactly when the original would have (at the same pc: an
//!   instruction keeps its pc).
//!
//! Never moved: checks, anything with an effect, slice accesses (their
//! bounds proof holds where they are), `KeyEq` (its cell changes at any
//! call), `Entered`, `Bump`, `LoadCtx`.

use super::{back_edge, Counts};
use crate::opt::ir::*;
use crate::opt::verify;

/// May write memory a load reads.
fn writes(i: &Insn) -> bool {
    matches!(
        i,
        Insn::Store { .. }
            | Insn::StoreG { .. }
            | Insn::StoreSlot { .. }
            | Insn::SliceStore { .. }
            | Insn::MemMove { .. }
            | Insn::Call { .. }
            | Insn::CallIface { .. }
            | Insn::CallClosure { .. }
            | Insn::CallNative { .. }
            | Insn::Bytecode { .. }
            | Insn::SiteMiss { .. }
            | Insn::StressTick { .. }
            | Insn::Release { .. }
    )
}

/// Neither an effect nor a failure: the same word wherever it runs.
fn pure(i: &Insn) -> bool {
    match i {
        Insn::Bin { op, .. } => !op.fails(),
        Insn::Un { .. }
        | Insn::Cmp { .. }
        | Insn::AddrG { .. }
        | Insn::FrameAddr { .. }
        | Insn::Select { .. }
        | Insn::Proj { .. }
        | Insn::StrEqConst { .. }
        | Insn::CallRt { .. } => true,
        _ => false,
    }
}

fn dominates(idom: &[Option<BlockId>], a: BlockId, mut b: BlockId) -> bool {
    loop {
        if a == b {
            return true;
        }
        match idom[b.index()] {
            Some(d) if d != b => b = d,
            _ => return false,
        }
    }
}

pub fn run(g: &mut Graph) -> Counts {
    let idom = verify::dominators(g);
    let preds = g.preds();
    let rpo = g.rpo();
    let mut order = vec![usize::MAX; g.blocks.len()];
    for (k, b) in rpo.iter().enumerate() {
        order[b.index()] = k;
    }
    // Where each value is defined (updated as instructions move).
    let mut def = vec![None; g.insns.len()];
    for b in g.block_ids() {
        for &x in g.block(b).params.iter().chain(&g.block(b).insns) {
            def[x.index()] = Some(b);
        }
    }
    let mut loops: Vec<(BlockId, Vec<bool>)> = Vec::new();
    for &h in &rpo {
        let latches: Vec<BlockId> = preds[h.index()]
            .iter()
            .copied()
            .filter(|&q| dominates(&idom, h, q))
            .collect();
        if latches.is_empty() {
            continue;
        }
        loops.push((h, loop_body(&preds, h, latches)));
    }
    // Inner loops (later headers) first.
    loops.sort_by_key(|(h, _)| std::cmp::Reverse(order[h.index()]));
    // Comparisons fused with their branch stay: they cost nothing more
    // in the loop, while a hoisted one is a bool kept in a register (or a
    // spill slot) through the whole loop.
    let fused = crate::opt::regalloc::branch_fused(g);
    let mut moved = 0;
    for (h, inside) in loops {
        let outside: Vec<BlockId> = preds[h.index()]
            .iter()
            .copied()
            .filter(|q| !inside[q.index()])
            .collect();
        let [pre] = outside[..] else { continue };
        let body: Vec<BlockId> = rpo.iter().copied().filter(|b| inside[b.index()]).collect();
        let no_writes = !body
            .iter()
            .any(|&b| g.block(b).insns.iter().any(|&i| writes(&g.insn(i).insn)));
        let not_nil = |g: &Graph, p: InsnId| {
            g.block_ids().any(|b| {
                dominates(&idom, b, pre)
                    && g.block(b).insns.iter().any(|&i| match g.insn(i).insn {
                        Insn::Load { p: q, .. }
                        | Insn::Store { p: q, .. }
                        | Insn::AddrOff { p: q, .. } => q == p,
                        _ => false,
                    })
            })
        };
        // A load at the top of the header runs whenever the loop is
        // entered: from a preheader that only jumps there (no step on the
        // way), before anything that stays may fail or have an effect.
        let enters = matches!(&g.block(pre).term, Some(Term::Jump(_))) && !back_edge(g, pre, h);
        let mut hoisted: Vec<InsnId> = Vec::new();
        for &b in &body {
            let mut top = b == h && enters;
            for i in g.block(b).insns.clone() {
                let d = &g.insn(i).insn;
                let is_const = |o: InsnId| matches!(g.insn(o).insn, Insn::Const { .. });
                let invariant = d
                    .operands()
                    .iter()
                    .all(|&o| is_const(o) || def[o.index()].is_some_and(|db| !inside[db.index()]));
                let movable = pure(d)
                    || no_writes
                        && match *d {
                            Insn::LoadG { .. } | Insn::LoadSlot { .. } => true,
                            Insn::Load { p, .. } => {
                                // (A load moved before it reads `p` too.)
                                let read = |&x: &InsnId| matches!(g.insn(x).insn, Insn::Load { p: q, .. } if q == p);
                                top || hoisted.iter().any(read) || not_nil(g, p)
                            }
                            _ => false,
                        };
                if !(invariant && movable) || fused[i.index()] || g.in_bounds.contains(&i) {
                    top &= pure(d);
                    continue;
                }
                // (Its constants from the loop go first.)
                for o in d.operands() {
                    if def[o.index()].is_some_and(|db| inside[db.index()]) {
                        def[o.index()] = Some(pre);
                        hoisted.push(o);
                    }
                }
                def[i.index()] = Some(pre);
                hoisted.push(i);
                moved += 1;
            }
        }
        let mut gone = vec![false; g.insns.len()];
        for &i in &hoisted {
            gone[i.index()] = true;
        }
        for &b in &body {
            g.blocks[b.index()].insns.retain(|i| !gone[i.index()]);
        }
        g.blocks[pre.index()].insns.extend(hoisted);
    }
    vec![("invariant instructions hoisted", moved)]
}
