//! Early release of allocations that nothing else can reach: after the
//! last use of such an object the code gives it back to the heap
//! (`Release`), so the next allocation of its size reuses the slot while
//! it is still in the cache, and the collector has less garbage to find.
//! This is what Go's escape analysis gets by putting such a value on the
//! stack (`b := make([]byte, n)` filled and converted with `string(b)`),
//! for the objects this tier cannot replace by values (`scalar.rs`: a
//! slice of a size known only at run time, an object indexed dynamically
//! or used in a loop that may leave for recompiled code).
//!
//! A candidate is an `Alloc` or a `MakeSlice` (through its data pointer,
//! its tuple's word 0) whose pointer `p` is used only as the address of
//! loads and stores (`Load`, `Store`, `SliceLoad`, `SliceStore`: never as
//! the value stored, a length or an index), as the bytes of `string(b)`
//! (`StrFromBytes`, which copies them), and in loop headers' entry
//! states: never passed along an edge, returned, stored, compared or
//! given to a call or another bytecode instruction, so no other pointer
//! to the object exists. A `Release` goes right after each use of `p`
//! after which no use of `p` can follow: none later in its block, and
//! none in a block reachable from it before the allocation runs again (a
//! loop allocating a new object each trip); a header's entry state counts
//! as a use (code leaving for recompiled code there takes `p` along). At
//! most one such use lies on any path, so an object is released at most
//! once; paths with none (a panic, a use elsewhere) leave it to the
//! collector.
//!
//! The pass runs last: no later pass moves, merges or removes the
//! `Release`s. Safe with the conservative scan of compiled frames: a stale
//! copy of `p` left in a frame word only keeps whatever object later
//! takes the slot alive until the next collection after it is
//! overwritten, as any dead word in a frame does.

use super::scalar::{index_uses, Use};
use super::Counts;
use crate::bytecode::op::Op;
use crate::opt::ir::*;

pub fn run(g: &mut Graph) -> Counts {
    let mut def_block = vec![None; g.insns.len()];
    for b in g.block_ids() {
        let blk = g.block(b);
        for &v in blk.params.iter().chain(&blk.insns) {
            def_block[v.index()] = Some(b);
        }
    }
    let uses = index_uses(g);
    let mut released = 0;
    let mut inserts: Vec<(BlockId, InsnId, InsnId)> = Vec::new();
    for p in candidates(g, &uses) {
        let Some(home) = def_block[p.index()] else {
            continue;
        };
        let Some(users) = confined(g, p, &uses[p.index()]) else {
            continue;
        };
        let mut points = Vec::new();
        for u in users {
            let Some(b) = def_block[u.index()] else {
                continue;
            };
            if dead_after(g, p, home, b, u) {
                points.push((b, u));
            }
        }
        if points.is_empty() {
            continue;
        }
        released += 1;
        for (b, u) in points {
            let pc = g.insn(u).pc;
            let r = g.add_insn(Insn::Release { p }, Ty::Void, pc);
            inserts.push((b, u, r));
        }
    }
    for (b, u, r) in inserts {
        let insns = &mut g.blocks[b.index()].insns;
        let at = insns.iter().position(|&x| x == u).expect("the use's block");
        insns.insert(at + 1, r);
    }
    vec![("allocations released after their last use", released)]
}

/// The pointers of the graph's allocations: an `Alloc`'s result, a
/// `MakeSlice`'s data word (its one `Proj` of word 0, when the tuple is
/// read only by projections).
pub(super) fn candidates(g: &Graph, uses: &[Vec<Use>]) -> Vec<InsnId> {
    let mut out = Vec::new();
    for blk in &g.blocks {
        for &i in &blk.insns {
            let Insn::Bytecode { op, .. } = &g.insn(i).insn else {
                continue;
            };
            match op {
                Op::Alloc { n, .. } if *n > 0 => out.push(i),
                Op::MakeSlice { .. } => {
                    let proj = |u: &Use| match *u {
                        Use::Insn(x) => match g.insn(x).insn {
                            Insn::Proj { index, .. } => Some((x, index)),
                            _ => None,
                        },
                        _ => None,
                    };
                    let Some(projs) = uses[i.index()].iter().map(proj).collect::<Option<Vec<_>>>()
                    else {
                        continue;
                    };
                    let data: Vec<InsnId> =
                        projs.iter().filter(|p| p.1 == 0).map(|p| p.0).collect();
                    if let [d] = data[..] {
                        out.push(d);
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// The instructions that read `p`, if each reads it only as an address
/// or as the bytes `string(b)` copies, and nothing else (no terminator:
/// passed, returned or branched on) reads it but entry states: no other
/// pointer to the object can come to exist.
pub(super) fn confined(g: &Graph, p: InsnId, uses: &[Use]) -> Option<Vec<InsnId>> {
    let only_as = |addr: InsnId, rest: &[InsnId]| addr == p && rest.iter().all(|&x| x != p);
    let mut users = Vec::new();
    for u in uses {
        let i = match *u {
            Use::State => continue,
            Use::Other => return None,
            Use::Insn(i) => i,
        };
        let ok = match &g.insn(i).insn {
            Insn::Load { p: a, .. } => *a == p,
            Insn::Store { p: a, v, .. } => only_as(*a, &[*v]),
            Insn::SliceLoad { ptr, len, i, .. } => only_as(*ptr, &[*len, *i]),
            Insn::SliceStore { ptr, len, i, v, .. } => only_as(*ptr, &[*len, *i, *v]),
            Insn::Bytecode {
                op: Op::StrFromBytes { .. },
                args,
                ..
            } => args.first() == Some(&p) && args[1..].iter().all(|&x| x != p),
            _ => false,
        };
        if !ok {
            return None;
        }
        if users.last() != Some(&i) {
            users.push(i);
        }
    }
    Some(users)
}

/// Whether no use of `p` can follow instruction `u` of block `b`: none
/// after it in `b`, and none in a block reachable from `b` without
/// passing `home`, the block that allocates (again).
fn dead_after(g: &Graph, p: InsnId, home: BlockId, b: BlockId, u: InsnId) -> bool {
    let uses_p = |i: &InsnId| g.insn(*i).insn.operands().contains(&p);
    let blk = g.block(b);
    let k = blk.insns.iter().position(|&x| x == u).expect("u is in b");
    if blk.insns[k + 1..].iter().any(uses_p) {
        return false;
    }
    let mut seen = vec![false; g.blocks.len()];
    let mut work: Vec<BlockId> = g.succs(b).into_iter().collect();
    while let Some(x) = work.pop() {
        if seen[x.index()] || x == home {
            continue;
        }
        seen[x.index()] = true;
        let xb = g.block(x);
        let in_state = xb.entry_state.iter().flatten().any(|&(_, v)| v == p);
        if in_state || xb.insns.iter().any(uses_p) {
            return false;
        }
        work.extend(g.succs(x));
    }
    true
}
