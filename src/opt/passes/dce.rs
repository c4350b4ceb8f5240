//! Dead code elimination: a mark from the roots, then a sweep.
//!
//! Roots: every instruction with an effect (calls, stores, checks,
//! `Entered`, `Bump`, guard hooks, loads — a load may fault on a nil
//! pointer, which Go reports —, a division by a divisor not known to be
//! non-zero), terminators' operands, the entry block's parameters (the
//! function's parameters, or an OSR entry's slots) and the values in
//! loop headers' `entry_state` (the code writes them to the frame when
//! it leaves for other code there). A live instruction makes its
//! operands live; a live block parameter makes the arguments every edge
//! passes it live (arguments to dead parameters are not uses).
//!
//! Swept: instructions without effect that nothing live reads, and dead
//! parameters of other blocks, with their arguments on every edge.

use super::{remove_insns, tombstone, Counts};
use crate::opt::ir::*;

/// May the instruction go when nothing reads it?
fn removable(g: &Graph, i: &Insn) -> bool {
    match i {
        Insn::Const { .. }
        | Insn::TypeWord { .. }
        | Insn::Un { .. }
        | Insn::Cmp { .. }
        | Insn::AddrG { .. }
        | Insn::FrameAddr { .. }
        | Insn::LoadG { .. }
        | Insn::LoadSlot { .. }
        | Insn::LoadCtx
        | Insn::Proj { .. }
        | Insn::Select { .. }
        | Insn::StrEqConst { .. }
        // (The runtime's string comparisons only read.)
        | Insn::CallRt { .. }
        | Insn::KeyEq { .. } => true,
        Insn::Bin { op, b, .. } => {
            !op.fails() || matches!(g.insn(*b).insn, Insn::Const { bits } if bits != 0)
        }
        _ => false,
    }
}

pub fn run(g: &mut Graph) -> Counts {
    let n = g.insns.len();
    let mut live = vec![false; n];
    let mut work: Vec<InsnId> = Vec::new();
    // Where each parameter is: (block, index).
    let mut param_at: Vec<Option<(BlockId, usize)>> = vec![None; n];
    // The edges into each block: (predecessor, index of the edge).
    let mut into: Vec<Vec<(BlockId, usize)>> = vec![Vec::new(); g.blocks.len()];
    let mark = |v: InsnId, live: &mut Vec<bool>, work: &mut Vec<InsnId>| {
        if !live[v.index()] {
            live[v.index()] = true;
            work.push(v);
        }
    };
    for b in g.block_ids() {
        let blk = g.block(b);
        for (k, &p) in blk.params.iter().enumerate() {
            param_at[p.index()] = Some((b, k));
            if b == g.entry {
                mark(p, &mut live, &mut work);
            }
        }
        for &i in &blk.insns {
            if !removable(g, &g.insn(i).insn) {
                mark(i, &mut live, &mut work);
            }
        }
        if let Some(t) = &blk.term {
            for o in t.operands() {
                mark(o, &mut live, &mut work);
            }
            for (k, e) in t.edges().iter().enumerate() {
                into[e.block.index()].push((b, k));
            }
        }
        for &(_, v) in blk.entry_state.iter().flatten() {
            mark(v, &mut live, &mut work);
        }
    }
    while let Some(v) = work.pop() {
        match param_at[v.index()] {
            Some((b, k)) => {
                for &(p, ek) in &into[b.index()] {
                    let t = g.block(p).term.as_ref().expect("terminated");
                    mark(t.edges()[ek].args[k], &mut live, &mut work);
                }
            }
            None => {
                for o in g.insn(v).insn.operands() {
                    mark(o, &mut live, &mut work);
                }
            }
        }
    }
    // Sweep.
    let mut dead = vec![false; n];
    let mut insns = 0;
    for blk in &g.blocks {
        for &i in &blk.insns {
            if !live[i.index()] {
                dead[i.index()] = true;
                insns += 1;
            }
        }
    }
    remove_insns(g, &dead);
    let mut params = 0;
    for b in g.block_ids().collect::<Vec<_>>() {
        let ps = g.block(b).params.clone();
        let keep: Vec<bool> = ps.iter().map(|p| live[p.index()]).collect();
        if keep.iter().all(|k| *k) {
            continue;
        }
        for &(p, ek) in &into[b.index()] {
            let t = g.blocks[p.index()].term.as_mut().expect("terminated");
            let e = &mut t.edges_mut()[ek];
            let mut k = 0;
            e.args.retain(|_| {
                k += 1;
                keep[k - 1]
            });
        }
        g.blocks[b.index()].params.retain(|p| live[p.index()]);
        for (p, k) in ps.iter().zip(&keep) {
            if !k {
                params += 1;
                tombstone(g, *p);
            }
        }
    }
    vec![
        ("unused instructions removed", insns),
        ("unused block parameters removed", params),
    ]
}
