//! Register allocation for the optimizing tier: liveness over the SSA
//! graph, one live interval per value, and linear scan (Poletto and
//! Sarkar) over the blocks in reverse postorder.
//!
//! Each word value gets one location for its whole life: a register of
//! [`ALLOCATABLE`] or a spill slot. An interval is a single range from
//! the value's definition to its last use, stretched over every block it
//! is live out of (so a value live around a loop covers the whole loop):
//! coarser than Wimmer's intervals with holes, and never wrong. When no
//! register is free, the interval that ends last goes to a spill slot
//! (the current one or an active one: locations are chosen before any
//! code is emitted, so moving an active interval to memory costs
//! nothing but its uses).
//!
//! An interval that ends where another starts (an operand's last use by
//! the instruction that defines the other) may hand its register over:
//! the code generator reads every operand before it writes the result.
//! Values joined by an edge (a block argument and its parameter) are
//! hints for each other: a value takes its partner's register when that
//! one is free, so a loop variable and its next value share one register
//! and the back-edge moves nothing.
//!
//! Calls clobber the caller-saved registers, and the collector must find
//! every live pointer in the VM frame at a safepoint. The code generator
//! writes every register live across a call to that register's save slot
//! and reloads the caller-saved ones after it; the allocator helps by
//! giving intervals that cross a call the callee-saved registers first
//! (those need no reload), and the others the caller-saved ones first.

use super::ir::*;
use pgojit_jit::abi::{is_callee_saved, PINNABLE};
use pgojit_jit::Reg;

/// The registers values live in: the baseline's pinnable set (neither a
/// scratch register of the code generator, nor `FRAME`/`VM`).
pub const ALLOCATABLE: [Reg; 9] = PINNABLE;

/// Where a value lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loc {
    /// Not a word (void, tuples) or never reached.
    None,
    Reg(Reg),
    /// Spill slot `n` (the code generator places it in the frame).
    Spill(u32),
}

/// The allocation of a graph.
pub struct Alloc {
    /// Per value.
    pub loc: Vec<Loc>,
    /// Per value: first and last position where it is live.
    pub range: Vec<(u32, u32)>,
    /// Per value: the position of its definition.
    pub pos: Vec<u32>,
    /// Spill slots used.
    pub spills: u32,
    /// Blocks in code order (reverse postorder).
    pub order: Vec<BlockId>,
    /// Registers given to some value.
    pub used: Vec<Reg>,
}

impl Alloc {
    /// Registers holding a value live across position `p` (defined before
    /// it, used after it).
    pub fn live_across(&self, p: u32) -> Vec<(InsnId, Reg)> {
        let mut out: Vec<(InsnId, Reg)> = Vec::new();
        for (i, l) in self.loc.iter().enumerate() {
            if let Loc::Reg(r) = *l {
                let (s, e) = self.range[i];
                if s < p && e > p && !out.iter().any(|x| x.1 == r) {
                    out.push((InsnId(i as u32), r));
                }
            }
        }
        out
    }
}

/// Whether the code generator expands `insn` with a call (a compiled
/// callee, the interpreter or a runtime helper that may collect).
pub fn calls(insn: &Insn) -> bool {
    match insn {
        Insn::Call { .. }
        | Insn::CallIface { .. }
        | Insn::CallClosure { .. }
        | Insn::CallNative { .. }
        | Insn::SiteMiss { .. }
        | Insn::StressTick { .. }
        | Insn::Bytecode { .. } => true,
        Insn::Un { op, .. } => matches!(
            op,
            UnOp::IToF { signed: false }
                | UnOp::FToI {
                    signed: false,
                    w32: false
                }
        ),
        _ => false,
    }
}

/// A set of values, one bit each.
#[derive(Clone, PartialEq)]
struct Set(Vec<u64>);

impl Set {
    fn new(n: usize) -> Set {
        Set(vec![0; n.div_ceil(64)])
    }
    fn insert(&mut self, v: InsnId) {
        self.0[v.index() / 64] |= 1 << (v.index() % 64);
    }
    fn remove(&mut self, v: InsnId) {
        self.0[v.index() / 64] &= !(1 << (v.index() % 64));
    }
    fn contains(&self, v: InsnId) -> bool {
        self.0[v.index() / 64] & (1 << (v.index() % 64)) != 0
    }
    fn union(&mut self, o: &Set) {
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a |= *b;
        }
    }
    fn iter(&self) -> impl Iterator<Item = InsnId> + '_ {
        self.0.iter().enumerate().flat_map(|(k, &w)| {
            (0..64)
                .filter(move |b| w & (1 << b) != 0)
                .map(move |b| InsnId((k * 64 + b) as u32))
        })
    }
}

/// Allocates registers for `g`, leaving out `reserved`.
pub fn allocate(g: &Graph, reserved: &[Reg]) -> Alloc {
    let nv = g.insns.len();
    let nb = g.blocks.len();
    // Code order: reverse postorder. (Cold blocks stay in place: moved
    // to the end, the values they read would be live, in one interval
    // without holes, over everything in between: a loop's sum spilled to
    // save a jump.)
    let order = g.rpo();
    // Positions: a block's parameters at its start, each instruction two
    // apart, the terminator (and its edges' moves) last.
    let mut pos = vec![u32::MAX; nv];
    let mut bend = vec![0u32; nb];
    let mut p = 0u32;
    let mut call_pos = Vec::new();
    for &b in &order {
        let blk = g.block(b);
        for &v in &blk.params {
            pos[v.index()] = p;
        }
        p += 2;
        for &i in &blk.insns {
            pos[i.index()] = p;
            if calls(&g.insn(i).insn) {
                call_pos.push(p);
            }
            p += 2;
        }
        bend[b.index()] = p;
        p += 2;
    }
    // Liveness: values used in a block before (or without) a definition
    // there, and the fixpoint of live-out sets.
    let mut uses = vec![Set::new(nv); nb];
    let mut defs = vec![Set::new(nv); nb];
    for &b in &order {
        let blk = g.block(b);
        let (u, d) = (&mut uses[b.index()], &mut defs[b.index()]);
        for &v in &blk.params {
            d.insert(v);
        }
        for &i in &blk.insns {
            for o in g.insn(i).insn.operands() {
                if !d.contains(o) {
                    u.insert(o);
                }
            }
            d.insert(i);
        }
        if let Some(t) = &blk.term {
            let edge_args = t.edges().into_iter().flat_map(|e| e.args.iter().copied());
            for o in t.operands().into_iter().chain(edge_args) {
                if !d.contains(o) {
                    u.insert(o);
                }
            }
        }
    }
    let mut live_in = vec![Set::new(nv); nb];
    let mut live_out = vec![Set::new(nv); nb];
    loop {
        let mut changed = false;
        for &b in order.iter().rev() {
            let mut out = Set::new(nv);
            for s in g.succs(b) {
                let mut x = live_in[s.index()].clone();
                for &prm in &g.block(s).params {
                    x.remove(prm);
                }
                out.union(&x);
            }
            let mut inn = out.clone();
            for v in defs[b.index()].iter() {
                inn.remove(v);
            }
            inn.union(&uses[b.index()]);
            if inn != live_in[b.index()] || out != live_out[b.index()] {
                live_in[b.index()] = inn;
                live_out[b.index()] = out;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // Intervals.
    let mut range: Vec<(u32, u32)> = pos.iter().map(|&p| (p, p)).collect();
    let mut extend = |v: InsnId, at: u32| {
        let r = &mut range[v.index()];
        r.1 = r.1.max(at);
    };
    for &b in &order {
        let blk = g.block(b);
        for &i in &blk.insns {
            for o in g.insn(i).insn.operands() {
                extend(o, pos[i.index()]);
            }
        }
        if let Some(t) = &blk.term {
            let edge_args = t.edges().into_iter().flat_map(|e| e.args.iter().copied());
            for o in t.operands().into_iter().chain(edge_args) {
                extend(o, bend[b.index()]);
            }
        }
        for v in live_out[b.index()].iter() {
            extend(v, bend[b.index()]);
        }
    }
    // Values nothing reads need no location (an instruction computes them
    // in a scratch register; a parameter is not loaded at all).
    let mut used_vals = vec![false; nv];
    for &b in &order {
        let blk = g.block(b);
        for &i in &blk.insns {
            for o in g.insn(i).insn.operands() {
                used_vals[o.index()] = true;
            }
        }
        if let Some(t) = &blk.term {
            for o in t.operands() {
                used_vals[o.index()] = true;
            }
            for e in t.edges() {
                for &a in &e.args {
                    used_vals[a.index()] = true;
                }
            }
        }
    }
    // Linear scan.
    let mut vals: Vec<InsnId> = (0..nv as u32)
        .map(InsnId)
        .filter(|&v| {
            // Constants are immediates or rematerialized at each use.
            pos[v.index()] != u32::MAX
                && used_vals[v.index()]
                && g.insn(v).ty.is_word()
                && !matches!(g.insn(v).insn, Insn::Const { .. })
        })
        .collect();
    vals.sort_by_key(|&v| (range[v.index()].0, v));
    let mut loc = vec![Loc::None; nv];
    let mut free: Vec<Reg> = ALLOCATABLE
        .iter()
        .copied()
        .filter(|r| !reserved.contains(r))
        .collect();
    let mut active: Vec<InsnId> = Vec::new();
    let mut spills = 0u32;
    let mut used: Vec<Reg> = Vec::new();
    // Edge partners: each block argument and the parameter it flows to.
    let mut hints: Vec<Vec<InsnId>> = vec![Vec::new(); nv];
    for &b in &order {
        if let Some(t) = &g.block(b).term {
            for e in t.edges() {
                for (&a, &p) in e.args.iter().zip(&g.block(e.block).params) {
                    hints[a.index()].push(p);
                    hints[p.index()].push(a);
                }
            }
        }
    }
    let crosses = |s: u32, e: u32| {
        let k = call_pos.partition_point(|&c| c <= s);
        call_pos.get(k).is_some_and(|&c| c < e)
    };
    for v in vals {
        let (start, end) = range[v.index()];
        active.retain(|&a| {
            if range[a.index()].1 <= start && range[a.index()].0 < start {
                if let Loc::Reg(r) = loc[a.index()] {
                    free.push(r);
                }
                false
            } else {
                true
            }
        });
        let want_saved = crosses(start, end);
        let hinted = hints[v.index()].iter().find_map(|h| match loc[h.index()] {
            // (Not a caller-saved register for a value that lives across a call.)
            Loc::Reg(r) if !want_saved || is_callee_saved(r) => free.iter().position(|&x| x == r),
            _ => None,
        });
        let pick = hinted
            .or_else(|| free.iter().position(|&r| is_callee_saved(r) == want_saved))
            .or(if free.is_empty() { None } else { Some(0) });
        if let Some(k) = pick {
            let r = free.remove(k);
            loc[v.index()] = Loc::Reg(r);
            if !used.contains(&r) {
                used.push(r);
            }
            active.push(v);
            continue;
        }
        // No register: the interval that ends last goes to memory.
        let victim = active
            .iter()
            .copied()
            .filter(|a| matches!(loc[a.index()], Loc::Reg(_)))
            .max_by_key(|a| (range[a.index()].1, *a));
        match victim {
            Some(a) if range[a.index()].1 > end => {
                loc[v.index()] = loc[a.index()];
                loc[a.index()] = Loc::Spill(spills);
                active.retain(|&x| x != a);
                active.push(v);
            }
            _ => loc[v.index()] = Loc::Spill(spills),
        }
        spills += 1;
    }
    Alloc {
        loc,
        range,
        pos,
        spills,
        order,
        used,
    }
}
