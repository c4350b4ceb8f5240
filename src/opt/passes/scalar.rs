//! Scalar replacement of allocations that do not escape: an `Alloc` (a
//! Go variable whose address is taken, `new(T)`, `&T{...}`) whose
//! pointer is only ever dereferenced in this graph — loaded from, stored
//! to, offset by `AddrOff` (`&x.f`) — never stored anywhere, passed to a
//! call, returned, passed along an edge or kept in a loop header's
//! entry state, is replaced by its words as SSA values (`mem2reg`, as
//! HotSpot's and Go's escape analysis keep such a variable on the stack
//! or in registers). After inlining this is the common case of
//! `slab(o, d, lo, hi, &tmin, &tmax)`: the cells were heap allocations
//! only because their address crossed a call.
//!
//! The rewrite: each word of the cell is a variable. In the blocks the
//! allocation's block dominates (every use is there), in reverse
//! postorder, a store sets the word's current value, a load reads it, and
//! the allocation itself starts every word at zero (Go zeroes new
//! memory). A block with several predecessors gets a parameter per word,
//! each edge passing the predecessor's value at its end; the simplify
//! pass then removes the parameters that turn out trivial. The
//! allocation, its stores, loads and `AddrOff`s leave the graph.
//!
//! Why this is safe: nothing else can see the cell (no pointer to it
//! leaves the graph's loads and stores), so its contents are exactly
//! what the graph's own stores put there, in control-flow order; a
//! loop header's entry state never names its pointer (the code that
//! leaves for recompiled code would need the cell in memory). The
//! allocation can no longer run a collection or fail for lack of
//! memory, which only makes the program cheaper.

use super::{apply, remove_insns, Counts, Subst};
use crate::bytecode::op::Op;
use crate::opt::ir::*;
use crate::opt::verify;
use std::collections::HashMap;

/// What each value of a candidate allocation's family is: the word
/// offset of a pointer into the cell, by value.
type Family = HashMap<InsnId, u32>;

pub fn run(g: &mut Graph) -> Counts {
    let allocs: Vec<(InsnId, u32)> = g
        .blocks
        .iter()
        .flat_map(|b| b.insns.iter().copied())
        .filter_map(|i| match &g.insn(i).insn {
            Insn::Bytecode {
                op: Op::Alloc { n, .. },
                ..
            } if *n > 0 => Some((i, *n)),
            _ => None,
        })
        .collect();
    if allocs.is_empty() {
        return vec![("allocations replaced by values", 0)];
    }
    let uses = index_uses(g);
    let leaves = g
        .insns
        .iter()
        .any(|d| matches!(d.insn, Insn::SiteMiss { .. }));
    let plans: Vec<(InsnId, Family, Vec<Option<Ty>>)> = allocs
        .into_iter()
        .filter_map(|(a, n)| confined(g, &uses, a, n, leaves).map(|(f, t)| (a, f, t)))
        .collect();
    // All at once, verified once; should the verifier refuse the types
    // some values now meet (a guessed type may not fit a typed use), one
    // at a time, keeping those it accepts.
    let mut h = g.clone();
    for (a, family, tys) in &plans {
        replace(&mut h, *a, family, tys);
    }
    let replaced = if verify::verify(&h).is_ok() {
        *g = h;
        plans.len()
    } else {
        let mut n = 0;
        for (a, family, tys) in &plans {
            let mut h = g.clone();
            replace(&mut h, *a, family, tys);
            if verify::verify(&h).is_ok() {
                *g = h;
                n += 1;
            }
        }
        n
    };
    vec![("allocations replaced by values", replaced)]
}

/// How a value is used.
#[derive(Clone, Copy)]
pub(super) enum Use {
    /// As an operand of this instruction.
    Insn(InsnId),
    /// By a terminator or an edge.
    Other,
    /// In a loop header's entry state.
    State,
}

/// The uses of every value.
pub(super) fn index_uses(g: &Graph) -> Vec<Vec<Use>> {
    let mut uses = vec![Vec::new(); g.insns.len()];
    for blk in &g.blocks {
        for &i in &blk.insns {
            for o in g.insn(i).insn.operands() {
                uses[o.index()].push(Use::Insn(i));
            }
        }
        if let Some(t) = &blk.term {
            let args = t.edges().into_iter().flat_map(|e| e.args.iter().copied());
            for o in t.operands().into_iter().chain(args) {
                uses[o.index()].push(Use::Other);
            }
        }
        for &(_, v) in blk.entry_state.iter().flatten() {
            uses[v.index()].push(Use::State);
        }
    }
    uses
}

/// The pointers derived from allocation `a` of `n` words and the type of
/// each word, if every use of them is a load or store inside the cell
/// or another `AddrOff` of it, and the values stored are not among them
/// (`leaves`: the code may leave for recompiled code at a loop header,
/// writing its entry state to the frame, where the cell must then be).
fn confined(
    g: &Graph,
    uses: &[Vec<Use>],
    a: InsnId,
    n: u32,
    leaves: bool,
) -> Option<(Family, Vec<Option<Ty>>)> {
    let mut family: Family = HashMap::from([(a, 0)]);
    let mut work = vec![a];
    // A word's type: the join of its loads' and stores' (the bytecode
    // types some words by guess: integer and float bits meeting make it
    // "any word", `ptr`, which the collector looks at, safely).
    let mut tys: Vec<Option<Ty>> = vec![None; n as usize];
    let mut agree = |w: u32, t: Ty| -> bool {
        let Some(slot) = tys.get_mut(w as usize) else {
            return false;
        };
        *slot = Some(match *slot {
            None => t,
            Some(x) => x.join(t).unwrap_or(Ty::Ptr),
        });
        true
    };
    while let Some(m) = work.pop() {
        let base = family[&m];
        for &u in &uses[m.index()] {
            let i = match u {
                Use::Insn(i) => i,
                Use::State if !leaves => continue,
                Use::State | Use::Other => return None,
            };
            let d = g.insn(i);
            match d.insn {
                Insn::Load { p, off } if p == m => {
                    if !agree(base + off, d.ty) {
                        return None;
                    }
                }
                Insn::Store { p, off, v } if p == m && v != m => {
                    // (A constant's bits take the word's type.)
                    let konst = matches!(g.insn(v).insn, Insn::Const { .. });
                    let w = base + off;
                    if w >= n || (!konst && !agree(w, g.insn(v).ty)) {
                        return None;
                    }
                }
                Insn::AddrOff { p, off } if p == m => {
                    if let std::collections::hash_map::Entry::Vacant(e) = family.entry(i) {
                        e.insert(base + off);
                        work.push(i);
                    }
                }
                _ => return None,
            }
        }
    }
    // (A stored value may be a member only through a use of it: checked
    // above as that member's use, `Store { v }` with `p` elsewhere.)
    Some((family, tys))
}

/// Replaces allocation `a` and its family by values (see the module doc).
fn replace(g: &mut Graph, a: InsnId, family: &Family, tys: &[Option<Ty>]) {
    let n = tys.len();
    let pc = g.insn(a).pc;
    let (home, _) = g.position(a).expect("an allocation in a block");
    let idom = verify::dominators(g);
    let dominated = |mut b: BlockId| loop {
        if b == home {
            return true;
        }
        match idom[b.index()] {
            Some(d) if d != b => b = d,
            _ => return false,
        }
    };
    let preds = g.preds();
    let rpo: Vec<BlockId> = g.rpo().into_iter().filter(|&b| dominated(b)).collect();
    // Parameters of the merge blocks (not the home block: the allocation
    // starts the words afresh there).
    let mut params: HashMap<BlockId, Vec<InsnId>> = HashMap::new();
    for &b in &rpo {
        if b != home && preds[b.index()].len() > 1 {
            let ps: Vec<InsnId> = (0..n)
                .map(|w| {
                    let ty = tys[w].unwrap_or(Ty::Int);
                    g.add_insn(Insn::Param { slot: w as u32 }, ty, g.block(b).pc)
                })
                .collect();
            g.blocks[b.index()].params.extend(ps.iter().copied());
            params.insert(b, ps);
        }
    }
    let mut s = Subst::new(g);
    let mut gone = vec![false; g.insns.len()];
    let mut exits: HashMap<BlockId, Vec<Option<InsnId>>> = HashMap::new();
    for &b in &rpo {
        let mut cur: Vec<Option<InsnId>> = if b == home {
            vec![None; n]
        } else if let Some(ps) = params.get(&b) {
            ps.iter().map(|&p| Some(p)).collect()
        } else {
            let p = preds[b.index()][0];
            exits.get(&p).cloned().unwrap_or_else(|| vec![None; n])
        };
        let mut zeros = Vec::new();
        for (k, &i) in g.block(b).insns.clone().iter().enumerate() {
            match g.insn(i).insn.clone() {
                _ if i == a => {
                    // Go zeroes new memory.
                    for (w, c) in cur.iter_mut().enumerate() {
                        let z = g.add_insn(Insn::Const { bits: 0 }, tys[w].unwrap_or(Ty::Int), pc);
                        zeros.push((k, z));
                        *c = Some(z);
                    }
                    gone[i.index()] = true;
                }
                Insn::Load { p, off } if family.contains_key(&p) => {
                    let w = (family[&p] + off) as usize;
                    let v = match cur[w] {
                        Some(v) => v,
                        // (Not reached: every load is after the
                        // allocation, which sets every word.)
                        None => {
                            let z =
                                g.add_insn(Insn::Const { bits: 0 }, tys[w].unwrap_or(Ty::Int), pc);
                            zeros.push((k, z));
                            z
                        }
                    };
                    s.set(i, v);
                    gone[i.index()] = true;
                }
                Insn::Store { p, off, v } if family.contains_key(&p) => {
                    let w = (family[&p] + off) as usize;
                    let v = s.get(v);
                    let ty = tys[w].unwrap_or(Ty::Int);
                    cur[w] = Some(match g.insn(v).insn {
                        Insn::Const { bits } if g.insn(v).ty != ty => {
                            let c = g.add_insn(Insn::Const { bits }, ty, pc);
                            zeros.push((k, c));
                            c
                        }
                        _ => v,
                    });
                    gone[i.index()] = true;
                }
                Insn::AddrOff { p, .. } if family.contains_key(&p) => {
                    gone[i.index()] = true;
                }
                _ => {}
            }
        }
        // (The zeros go where the allocation was.)
        let insns = &mut g.blocks[b.index()].insns;
        for (k, z) in zeros.into_iter().rev() {
            insns.insert(k, z);
        }
        exits.insert(b, cur);
    }
    gone.resize(g.insns.len(), false);
    // Every edge into a merge block passes the words at its source's end
    // (a zero where a path has not stored one: never read).
    for &m in params.keys() {
        for &p in &preds[m.index()] {
            let words: Vec<InsnId> = (0..n)
                .map(|w| match exits.get(&p).and_then(|e| e[w]) {
                    Some(v) => s.get(v),
                    None => {
                        let z = g.add_insn(Insn::Const { bits: 0 }, tys[w].unwrap_or(Ty::Int), pc);
                        g.blocks[p.index()].insns.push(z);
                        z
                    }
                })
                .collect();
            let want = g.blocks[m.index()].params.len();
            if let Some(t) = g.blocks[p.index()].term.as_mut() {
                for e in t.edges_mut() {
                    if e.block == m && e.args.len() + n == want {
                        e.args.extend(words.iter().copied());
                    }
                }
            }
        }
    }
    gone.resize(g.insns.len(), false);
    // (A loop header's entry state may name the pointer only in code that
    // never leaves at its headers: nothing reads it.)
    for blk in &mut g.blocks {
        if let Some(st) = &mut blk.entry_state {
            st.retain(|(_, v)| !family.contains_key(v));
        }
    }
    apply(g, &s);
    remove_insns(g, &gone);
}
