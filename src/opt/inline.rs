//! Inlining of static calls, on the graph: a call of a small callee (no
//! interface or function-value calls, no helpers, no frame memory, no
//! loops) is replaced by a copy of the callee's graph. The copy's own
//! static calls are considered in turn, so inlining nests (`Ray.At` into
//! `Trace`, then the `Vec.Add` and `Vec.Scale` it calls) to the budget of
//! [`MAX_INLINES`] per function (trivial callees, [`TRIVIAL_INSNS`], not
//! counted; no graph grows past [`MAX_GRAPH_INSNS`]); a call the budget or a refusal leaves
//! stays a call inside the copy. The caller's block is split at the call: its first
//! half jumps into the copy of the callee's entry, whose parameters are
//! the call's arguments; each `Return` of the copy jumps to the second
//! half, a new block whose parameters are the call's results (its
//! projections and uses are rewritten to them). The copy starts with
//! [`Insn::Entered`], which counts the call and takes its `--max-steps`
//! step as the call would have.
//!
//! A callee's interface calls come along: the optimizer devirtualizes
//! them in the copy from their sites' profiles and inlines their guarded
//! targets in turn (the host function is then recompiled whenever such a
//! site is). What is not done yet: callees with function-value calls of
//! their own, or that run helpers on frame memory.

use super::ir::*;
use super::regalloc;
use crate::bytecode::op::Kind;
use crate::bytecode::Program;
use pgojit_profiler::FuncId;
use std::collections::HashMap;

/// Callees larger than this many instructions are called. (Only code hot
/// enough to reach this tier inlines, so the
/// budget is of the order of HotSpot's for hot sites, not of its 35
/// bytecodes for any site: `particles`' 50- and 64-instruction `Step`
/// methods, the targets of its guarded site, are worth expanding.)
pub const MAX_INSNS: usize = 100;

/// Callees with more interface calls than this are called.
pub const MAX_IFACE_CALLS: usize = 3;

/// At most this many calls are inlined into one function, trivial
/// callees apart.
pub const MAX_INLINES: usize = 32;

/// Callees of at most this many instructions (`Vec.Add`, `Vec.Dot`, a
/// getter: smaller than the call that would run them) are trivial: they
/// do not count against [`MAX_INLINES`], as HotSpot inlines a trivial
/// method wherever it is called (`MaxTrivialSize`). A ray tracer's
/// `Trace` makes dozens of such calls; with each counted, the budget ran
/// out before the larger calls it makes were considered.
pub const TRIVIAL_INSNS: usize = 10;

/// No inlining makes a graph larger than this many instructions (the
/// bound trivial callees are held to; Go's compiler, similarly, stops
/// inlining into a function once it is big).
pub const MAX_GRAPH_INSNS: usize = 4000;

/// A graph's placed instructions.
fn size(g: &Graph) -> usize {
    g.blocks.iter().map(|b| b.insns.len()).sum()
}

/// Whether callees with loops may be inlined: not when compiled code
/// counts loop trips (`--stats`, `pgojit profile`) or steps
/// (`--max-steps`), which an inlined loop's back-edges do not. (An
/// inlined loop is a plain loop of the caller's graph: no OSR entry, no
/// leave for recompiled code at its header.)
pub fn loops_ok(jit: &crate::tier::Jit) -> bool {
    !jit.opts.count && !jit.opts.steps
}

/// Why `h` cannot be inlined (`loops`: callees with loops may be), or
/// `None`. A callee's interface calls stay in the copy, and are
/// devirtualized there from their own sites' profiles
/// (`compiler::optimize`), the host then recompiled with the site.
///
/// `ifaces`: callees with interface calls may be inlined (not when the
/// question is whether a polymorphic site's targets all inline: a chain
/// of guards in front of targets that dispatch again is not worth it).
pub fn refusal(h: &Graph, loops: bool, allow_ifaces: bool) -> Option<String> {
    let order = h.rpo();
    let n = order.iter().map(|&b| h.block(b).insns.len()).sum::<usize>();
    if n > MAX_INSNS {
        return Some(format!("too big ({n} instructions, budget {MAX_INSNS})"));
    }
    let mut rank = vec![usize::MAX; h.blocks.len()];
    for (k, &b) in order.iter().enumerate() {
        rank[b.index()] = k;
    }
    // A loop that makes interface calls (a sort's partitioning, say) gains
    // little from losing one call around it, and its sites are seldom
    // guarded: it stays a call, not a larger frame and register pressure
    // in every caller.
    let looping = order.iter().any(|&b| {
        h.succs(b)
            .iter()
            .any(|s| rank[s.index()] <= rank[b.index()])
    });
    let ifaces = order
        .iter()
        .flat_map(|&b| &h.block(b).insns)
        .filter(|&&i| matches!(h.insn(i).insn, Insn::CallIface { .. }))
        .count();
    if ifaces > 0 && !allow_ifaces {
        return Some("calls (CallIface)".into());
    }
    if looping && ifaces > 0 {
        return Some("has a loop with interface calls".into());
    }
    // (Each copy of a site is guarded from its own profile and makes the
    // host recompile with it: a tree walker's few, not a median's six.)
    if ifaces > MAX_IFACE_CALLS {
        return Some(format!(
            "makes {ifaces} interface calls (budget {MAX_IFACE_CALLS})"
        ));
    }
    for &b in &order {
        for s in h.succs(b) {
            if !loops && rank[s.index()] <= rank[b.index()] {
                return Some("has a loop (--max-steps or counts on)".into());
            }
        }
        for &i in &h.block(b).insns {
            let insn = &h.insn(i).insn;
            // A generic instruction runs on a scratch frame of the callee
            // (unless it reaches the frame by computed address).
            if let Insn::Bytecode { op, .. } = insn {
                let frame = op.reads().iter().chain(op.writes().iter()).any(|o| {
                    matches!(
                        o.kind,
                        Kind::Array { .. } | Kind::Elems { .. } | Kind::Frame
                    )
                });
                if frame || op.facts().end || op.facts().activation {
                    return Some(format!("uses its frame ({})", op.name()));
                }
                continue;
            }
            // Static and interface calls stay calls in the copy (and are
            // considered for devirtualization and inlining in turn, to the
            // budget of inlines per function); function values, not yet.
            // Runtime helpers that neither collect nor panic (a string
            // comparison, a copy) need no frame of the callee: a
            // `Less` that compares strings inlines as one that compares
            // ints does.
            if regalloc::calls(insn)
                && !matches!(
                    insn,
                    Insn::Call { .. }
                        | Insn::CallIface { .. }
                        | Insn::CallRt { .. }
                        | Insn::MemMove { .. }
                )
            {
                return Some(format!("calls ({})", insn.name()));
            }
            if matches!(
                insn,
                Insn::LoadSlot { .. }
                    | Insn::StoreSlot { .. }
                    | Insn::LoadCtx
                    | Insn::Entered { .. }
            ) {
                return Some(format!("uses its frame ({})", insn.name()));
            }
        }
    }
    None
}

/// What an inlining round may do.
#[derive(Clone, Copy)]
pub struct Allow {
    /// Callees with loops ([`loops_ok`]).
    pub loops: bool,
    /// Callees with interface calls (whose copies the optimizer then
    /// devirtualizes).
    pub ifaces: bool,
}

/// Inlines the static calls of `g` (function `me`) whose callees allow
/// it, while `done` (inlines so far, across rounds) is below
/// [`MAX_INLINES`]; returns one `-m`-style line per call site considered,
/// and adds the functions inlined to `inlined`.
pub fn inline_calls(
    g: &mut Graph,
    prog: &Program,
    me: FuncId,
    inlined: &mut Vec<FuncId>,
    allow: Allow,
    done: &mut usize,
) -> Vec<String> {
    let mut trace = Vec::new();
    let start = *done;
    let mut refused: HashMap<FuncId, String> = HashMap::new();
    let mut graphs: HashMap<FuncId, Graph> = HashMap::new();
    'again: loop {
        let room = size(g) < MAX_GRAPH_INSNS;
        for b in g.rpo() {
            for (k, &c) in g.block(b).insns.iter().enumerate() {
                let Insn::Call { func, .. } = g.insn(c).insn else {
                    continue;
                };
                if refused.contains_key(&func) {
                    continue;
                }
                if func == me {
                    refused.insert(func, "recursive".into());
                    continue;
                }
                if let std::collections::hash_map::Entry::Vacant(slot) = graphs.entry(func) {
                    match super::graph_of(prog, func) {
                        // (A callee that calls itself would unroll its
                        // recursion into the copy to the whole budget.)
                        Ok(h)
                            if h.insns.iter().any(
                                |d| matches!(d.insn, Insn::Call { func: x, .. } if x == func),
                            ) =>
                        {
                            refused.insert(func, "recursive".into());
                            continue;
                        }
                        Ok(h) => match refusal(&h, allow.loops, allow.ifaces) {
                            None => {
                                slot.insert(h);
                            }
                            Some(why) => {
                                refused.insert(func, why);
                                continue;
                            }
                        },
                        Err(e) => {
                            refused.insert(func, e);
                            continue;
                        }
                    }
                }
                let h = &graphs[&func];
                let trivial = size(h) <= TRIVIAL_INSNS;
                if !room || (!trivial && *done >= MAX_INLINES) {
                    continue;
                }
                splice(g, b, k, h, func);
                if !inlined.contains(&func) {
                    inlined.push(func);
                }
                trace.push(format!(
                    "{}: inlining call to {}",
                    g.name,
                    prog.func(func).name
                ));
                if !trivial {
                    *done += 1;
                }
                continue 'again;
            }
        }
        break;
    }
    for (f, why) in refused {
        trace.push(format!(
            "{}: cannot inline {}: {why}",
            g.name,
            prog.func(f).name
        ));
    }
    if *done > start {
        widen_params(g);
    }
    trace.sort();
    trace
}

/// Widens each block parameter to take what its edges pass: a copy's
/// result may be a float where the caller's untyped call result was a
/// guessed `ptr`, or the reverse; a parameter that gets both (or a float
/// and an integer) becomes `ptr`, any word (see [`Ty::fits`]).
pub(super) fn widen_params(g: &mut Graph) {
    loop {
        let mut changed = false;
        for b in g.block_ids().collect::<Vec<_>>() {
            let Some(t) = g.block(b).term.clone() else {
                continue;
            };
            for e in t.edges() {
                let params = g.block(e.block).params.clone();
                for (&a, &p) in e.args.iter().zip(&params) {
                    let (at, pt) = (g.insn(a).ty, g.insn(p).ty);
                    if !at.fits(pt) {
                        g.insns[p.index()].ty = pt.join(at).unwrap_or(Ty::Ptr);
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
}

/// Replaces call `k` of block `b` (a call of `func`, whose graph is `h`)
/// by a copy of `h`.
/// Splits block `b` at its instruction `k`, a call with `rw` result
/// words: the call leaves the block, and what follows it moves, with the
/// terminator, to a new block whose parameters are the call's results
/// (uses of the call and of its projections are rewritten to them). `b`
/// is left without a terminator. Returns the new block.
pub(super) fn split_at_call(g: &mut Graph, b: BlockId, k: usize, rw: usize) -> BlockId {
    let c = g.block(b).insns[k];
    let call_pc = g.insn(c).pc;
    let outer_inlined = g.block(b).inlined;
    let (outer_cold, outer_unlikely) = (g.block(b).cold, g.block(b).unlikely);
    let outer_term_pc = g.blocks[b.index()].term_pc.take();
    // The second half of the block: what follows the call.
    let blk = &mut g.blocks[b.index()];
    let mut tail = blk.insns.split_off(k + 1);
    blk.insns.pop();
    let term = blk.term.take();
    let cont = BlockId(g.blocks.len() as u32);
    // Its parameters: the call's result words.
    let mut subst: HashMap<InsnId, InsnId> = HashMap::new();
    let mut result_tys = vec![Ty::Int; rw];
    let call_ty = g.insn(c).ty;
    if call_ty.is_word() && rw == 1 {
        result_tys[0] = call_ty;
    }
    for &i in &tail {
        if let Insn::Proj { of, index } = g.insn(i).insn {
            if of == c && (index as usize) < rw {
                result_tys[index as usize] = g.insn(i).ty;
            }
        }
    }
    let mut params = Vec::new();
    for (w, &ty) in result_tys.iter().enumerate() {
        let p = g.add_insn(Insn::Param { slot: w as u32 }, ty, call_pc);
        params.push(p);
    }
    if call_ty.is_word() {
        if let Some(&p) = params.first() {
            subst.insert(c, p);
        }
    }
    tail.retain(|&i| match g.insn(i).insn {
        Insn::Proj { of, index } if of == c => {
            if let Some(&p) = params.get(index as usize) {
                subst.insert(i, p);
            }
            false
        }
        _ => true,
    });
    g.blocks.push(Block {
        params,
        insns: tail,
        term,
        pc: call_pc,
        inlined: outer_inlined,
        cold: outer_cold,
        unlikely: outer_unlikely,
        term_pc: outer_term_pc,
        entry_state: None,
    });
    g.replace_uses(&subst);
    cont
}

/// Appends call `c` (with `rw` result words) to block `b` and returns its
/// result words, as projections when there are several (typed as `cont`'s
/// parameters).
pub(super) fn call_words(
    g: &mut Graph,
    b: BlockId,
    c: InsnId,
    rw: usize,
    cont: BlockId,
) -> Vec<InsnId> {
    g.blocks[b.index()].insns.push(c);
    if rw == 0 {
        return Vec::new();
    }
    if g.insn(c).ty.is_word() {
        return vec![c];
    }
    let pc = g.insn(c).pc;
    let tys: Vec<Ty> = g.block(cont).params.iter().map(|&p| g.insn(p).ty).collect();
    (0..rw)
        .map(|w| {
            let p = g.add_insn(
                Insn::Proj {
                    of: c,
                    index: w as u32,
                },
                tys[w],
                pc,
            );
            g.blocks[b.index()].insns.push(p);
            p
        })
        .collect()
}

fn splice(g: &mut Graph, b: BlockId, k: usize, h: &Graph, func: FuncId) {
    let c = g.block(b).insns[k];
    let Insn::Call { args, edge, .. } = g.insn(c).insn.clone() else {
        unreachable!("splice is given a call");
    };
    let rw = h.result_words as usize;
    let (outer_cold, outer_unlikely) = (g.block(b).cold, g.block(b).unlikely);
    let cont = split_at_call(g, b, k, rw);
    // The results' types: the caller's guess for an untyped call (`ptr`,
    // which also keeps a pointer the callee does not type visible to the
    // collector), unless the callee's returns say float.
    let mut tys: Vec<Option<Ty>> = vec![None; rw];
    for hb in h.block_ids() {
        if let Some(Term::Return(vs)) = &h.block(hb).term {
            for (t, v) in tys.iter_mut().zip(vs) {
                let ty = h.insn(*v).ty;
                *t = match *t {
                    None => Some(ty),
                    Some(x) => x.join(ty),
                };
            }
        }
    }
    for (&p, t) in g.blocks[cont.index()].params.clone().iter().zip(tys) {
        if let Some(ty) = t.filter(|t| t.is_word()) {
            let guess = g.insns[p.index()].ty;
            g.insns[p.index()].ty = guess.join(ty).unwrap_or(ty);
        }
    }
    // The copy of the callee: its values, then its blocks.
    let base = g.blocks.len() as u32;
    let entry_params = &h.block(h.entry).params;
    let mut map: HashMap<InsnId, InsnId> = HashMap::new();
    for &p in entry_params {
        if let Insn::Param { slot } = h.insn(p).insn {
            if let Some(&a) = args.get(slot as usize) {
                map.insert(p, a);
            }
        }
    }
    // The callee's code runs in a new inline context (and the contexts of
    // what was inlined into it, below that one).
    let (call_ctx, call_pc) = (g.insn(c).ctx, g.insn(c).pc);
    let first = g.inline_ctxs.len() as u32 + 1;
    g.inline_ctxs.push(super::ir::InlineCtx {
        func,
        parent: call_ctx,
        call_pc,
    });
    for ic in &h.inline_ctxs {
        g.inline_ctxs.push(super::ir::InlineCtx {
            func: ic.func,
            parent: if ic.parent == 0 {
                first
            } else {
                ic.parent + first
            },
            call_pc: ic.call_pc,
        });
    }
    let order = h.rpo();
    for &hb in &order {
        let blk = h.block(hb);
        let ids = blk.insns.iter().chain(if hb == h.entry {
            [].iter()
        } else {
            blk.params.iter()
        });
        for &i in ids {
            let mut d = h.insn(i).clone();
            if let Insn::Bytecode { inlined_from, .. } = &mut d.insn {
                inlined_from.get_or_insert(func);
            }
            let ctx = if d.ctx == 0 { first } else { d.ctx + first };
            let id = g.add_insn_at(d.insn, d.ty, d.pc, ctx);
            map.insert(i, id);
        }
    }
    for x in &h.in_bounds {
        if let Some(&y) = map.get(x) {
            g.in_bounds.insert(y);
        }
    }
    let remap = |v: InsnId, map: &HashMap<InsnId, InsnId>| *map.get(&v).unwrap_or(&v);
    let mut new_ids = Vec::new();
    for hb in h.block_ids() {
        let blk = h.block(hb);
        let reachable = order.contains(&hb);
        let mut insns: Vec<InsnId> = if reachable {
            blk.insns.iter().map(|i| map[i]).collect()
        } else {
            Vec::new()
        };
        for &i in &insns {
            for o in g.insns[i.index()].insn.operands_mut() {
                *o = remap(*o, &map);
            }
        }
        if hb == h.entry {
            let e = g.add_insn(Insn::Entered { func, edge }, Ty::Void, 0);
            insns.insert(0, e);
        }
        let params = if hb == h.entry || !reachable {
            Vec::new()
        } else {
            blk.params.iter().map(|p| map[p]).collect()
        };
        let term = if reachable {
            blk.term.clone().map(|t| match t {
                Term::Return(vs) => Term::Jump(Edge {
                    block: cont,
                    args: vs.iter().map(|&v| remap(v, &map)).collect(),
                }),
                mut t => {
                    for o in t.operands_mut() {
                        *o = remap(*o, &map);
                    }
                    for e in t.edges_mut() {
                        e.block = BlockId(base + e.block.0);
                        for a in e.args.iter_mut() {
                            *a = remap(*a, &map);
                        }
                    }
                    t
                }
            })
        } else {
            Some(Term::Unreachable)
        };
        new_ids.push(BlockId(base + hb.0));
        g.blocks.push(Block {
            params,
            insns,
            term,
            pc: blk.pc,
            inlined: true,
            cold: blk.cold || outer_cold,
            unlikely: blk.unlikely || outer_unlikely,
            term_pc: None,
            entry_state: None,
        });
    }
    g.blocks[b.index()].term = Some(Term::Jump(Edge {
        block: BlockId(base + h.entry.0),
        args: Vec::new(),
    }));
}
