//! Register allocation for the optimizing tier: liveness over the SSA
//! graph, one live interval per value, and linear scan (Poletto and
//! Sarkar, with Wimmer's intervals with holes) over the blocks in code
//! order: reverse postorder with the cold blocks (guard misses) last.
//!
//! Each word value gets one location for its whole life: a register of
//! its class or a spill slot (no splitting). There are two classes, each
//! scanned on its own: floats (`Ty::Float`, a float64's bits, and words
//! only read as floats: [`float_class`]) live in the XMM registers of
//! [`XMM_ALLOCATABLE`], every other word in the general registers of
//! [`ALLOCATABLE`]. (A float flowing into a parameter of
//! another type, a `ptr` one, changes class on the edge: the code
//! generator moves the bits across.) An interval is the
//! list of pieces of code where the value is live: in each block, from
//! its definition (or the block's start, when live in) to its last use
//! (or the block's end, when live out). Two values may share a register
//! when no pieces overlap, so a short value lives in the hole a loop's
//! miss path leaves in a long one. When no register fits, a value that
//! alone keeps a register from it and ends later goes to a spill slot
//! instead, or else this one does (locations are chosen before any code
//! is emitted, so moving an assigned interval to memory costs nothing
//! but its uses).
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
//! All XMM registers are caller-saved: a float live across a call is
//! saved and reloaded around it (floats are never pointers: only the
//! reload matters).

use super::ir::*;
use pgojit_jit::abi::{is_callee_saved, PARAMS, PINNABLE};
use pgojit_jit::Reg;

/// The registers values live in: the baseline's pinnable set (neither a
/// scratch register of the code generator, nor `FRAME`/`VM`).
pub const ALLOCATABLE: [Reg; 9] = PINNABLE;

/// The XMM registers float values live in: all but xmm0 and xmm1, the
/// code generator's scratch registers. SysV preserves none of them
/// across calls.
pub const XMM_ALLOCATABLE: [u8; 14] = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

/// Where a value lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loc {
    /// Not a word (void, tuples) or never reached.
    None,
    Reg(Reg),
    /// XMM register `n` (a float's bits).
    Xmm(u8),
    /// Spill slot `n` (the code generator places it in the frame).
    Spill(u32),
}

/// The allocation of a graph.
pub struct Alloc {
    /// Per value.
    pub loc: Vec<Loc>,
    /// Per value: the pieces of code where it is live, as sorted,
    /// disjoint position ranges (an interval with holes).
    pub ranges: Vec<Vec<(u32, u32)>>,
    /// Per value: the position of its definition.
    pub pos: Vec<u32>,
    /// Spill slots used.
    pub spills: u32,
    /// Blocks in code order ([`code_order`]).
    pub order: Vec<BlockId>,
    /// General registers given to some value.
    pub used: Vec<Reg>,
    /// XMM registers given to some value: the first `xmm_used` of
    /// [`XMM_ALLOCATABLE`] cover them all.
    pub xmm_used: u32,
    /// Loads the code generator folds into the next instruction
    /// ([`folded_loads`]).
    pub folded: Vec<bool>,
}

impl Alloc {
    /// Registers (general or XMM) holding a value live across position
    /// `p` (defined before it, used after it).
    pub fn live_across(&self, p: u32) -> Vec<(InsnId, Loc)> {
        let mut out: Vec<(InsnId, Loc)> = Vec::new();
        for (i, &l) in self.loc.iter().enumerate() {
            if matches!(l, Loc::Reg(_) | Loc::Xmm(_)) {
                let across = self.ranges[i].iter().any(|&(s, e)| s < p && e > p);
                if across && !out.iter().any(|x| x.1 == l) {
                    out.push((InsnId(i as u32), l));
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
        | Insn::CallRt { .. }
        | Insn::MemMove { .. }
        | Insn::Release { .. }
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

/// Loads the code generator folds into the next instruction as its
/// memory operand (`add rsi, [r10]`): a word `Load` whose only use is the
/// instruction right after it in its block, an integer add, subtract
/// (as its right operand), multiply, and, or, xor, or a comparison (as
/// its right operand). The load's pointer must then stay in its register
/// until that instruction, which [`allocate`] sees to.
pub fn folded_loads(g: &Graph) -> Vec<bool> {
    let uses = g.use_counts();
    let mut out = vec![false; g.insns.len()];
    for b in g.block_ids() {
        // A branch on a word loaded last in its block: `cmp [m], 0`.
        if let (Some(Term::Branch { cond, .. }), Some(&l)) =
            (&g.block(b).term, g.block(b).insns.last())
        {
            if *cond == l && uses[l.index()] == 1 && matches!(g.insn(l).insn, Insn::Load { .. }) {
                out[l.index()] = true;
            }
        }
        for w in g.block(b).insns.windows(2) {
            let (l, u) = (w[0], w[1]);
            if !matches!(g.insn(l).insn, Insn::Load { .. }) || uses[l.index()] != 1 {
                continue;
            }
            out[l.index()] = match g.insn(u).insn {
                Insn::Bin { op, a, b } => match op {
                    BinOp::SubI => b == l && a != l,
                    // (Not beside a constant: `mov r, [m]; add r, imm`
                    // beats `mov r, imm; add r, [m]`.)
                    BinOp::AddI | BinOp::MulI | BinOp::And | BinOp::Or | BinOp::Xor => {
                        let other = if a == l { b } else { a };
                        (a == l) != (b == l)
                            && !matches!(
                                g.insn(other).insn,
                                Insn::Const { .. } | Insn::TypeWord { .. }
                            )
                    }
                    _ => false,
                },
                Insn::Cmp {
                    kind: CmpKind::Signed | CmpKind::Unsigned,
                    a,
                    b,
                    ..
                } => b == l && a != l,
                _ => false,
            };
        }
    }
    out
}

/// Conditions the code generator fuses with their block's branch (`cmp`
/// and a conditional jump): a comparison, guard key test or constant
/// string test that is its block's last instruction and read only by
/// the branch. They take no register (the branch computes them into the
/// flags; their operands are read at the branch, which follows them
/// directly).
pub fn branch_fused(g: &Graph) -> Vec<bool> {
    let uses = g.use_counts();
    let mut out = vec![false; g.insns.len()];
    for b in g.block_ids() {
        let blk = g.block(b);
        if let (Some(Term::Branch { cond, .. }), Some(&last)) = (&blk.term, blk.insns.last()) {
            if *cond == last
                && uses[last.index()] == 1
                && matches!(
                    g.insn(last).insn,
                    Insn::Cmp {
                        kind: CmpKind::Signed | CmpKind::Unsigned | CmpKind::Float,
                        ..
                    } | Insn::KeyEq { .. }
                        | Insn::StrEqConst { .. }
                )
            {
                out[last.index()] = true;
            }
        }
    }
    out
}

/// The values that live in XMM registers: floats (`Ty::Float`), words
/// of another type the graph only reads as floats (an operand of float
/// arithmetic, a float comparison or conversion) or moves around (stored,
/// passed, returned, a block argument): a struct's float field loaded
/// through an untyped slot, say; and words only moved around that meet
/// floats on every edge (all their arguments, or all the parameters they
/// flow into, are floats).
pub fn float_class(g: &Graph) -> Vec<bool> {
    // Per value: 0 no use seen, 1 read as a float, 2 read as a word.
    let mut how = vec![0u8; g.insns.len()];
    let float = |how: &mut Vec<u8>, v: InsnId| {
        if how[v.index()] == 0 {
            how[v.index()] = 1;
        }
    };
    let word = |how: &mut Vec<u8>, v: InsnId| how[v.index()] = 2;
    for b in g.block_ids() {
        let blk = g.block(b);
        for &i in &blk.insns {
            match &g.insn(i).insn {
                Insn::Bin {
                    op: BinOp::AddF | BinOp::SubF | BinOp::MulF | BinOp::DivF,
                    a,
                    b,
                }
                | Insn::Cmp {
                    kind: CmpKind::Float,
                    a,
                    b,
                    ..
                } => {
                    float(&mut how, *a);
                    float(&mut how, *b);
                }
                Insn::Un {
                    op: UnOp::NegF | UnOp::FToI { signed: true, .. },
                    a,
                } => float(&mut how, *a),
                Insn::Store { p, v, .. } => {
                    word(&mut how, *p);
                    if v == p {
                        word(&mut how, *v);
                    }
                }
                // (Arguments are stored to the call's window and moved to
                // the parameter registers: a float's bits as well from an
                // XMM register. The receiver and the function value are
                // read as words.)
                Insn::StoreSlot { .. } | Insn::Call { .. } | Insn::CallNative { .. } => {}
                Insn::CallIface { recv, .. } => {
                    word(&mut how, recv[0]);
                    word(&mut how, recv[1]);
                }
                Insn::CallClosure { f, .. } => word(&mut how, *f),
                d => {
                    for o in d.operands() {
                        word(&mut how, o);
                    }
                }
            }
        }
        if let Some(Term::Branch { cond, .. }) = &blk.term {
            word(&mut how, *cond);
        }
    }
    let mut class: Vec<bool> = g
        .insns
        .iter()
        .zip(&how)
        .map(|(d, &h)| d.ty == Ty::Float || (d.ty.is_word() && h == 1))
        .collect();
    // A block parameter nothing reads as a word or a float (it is only
    // passed on) is a float when every argument it gets is: a merge of
    // two floats whose slot is untyped.
    // And a value only passed on is one when every parameter it flows
    // into is (a float field loaded for a merge of floats).
    let mut args: Vec<Vec<InsnId>> = vec![Vec::new(); g.insns.len()];
    let mut into: Vec<Vec<InsnId>> = vec![Vec::new(); g.insns.len()];
    for b in g.block_ids() {
        if let Some(t) = &g.block(b).term {
            for e in t.edges() {
                for (&a, &p) in e.args.iter().zip(&g.block(e.block).params) {
                    args[p.index()].push(a);
                    into[a.index()].push(p);
                }
            }
        }
    }
    let all_float =
        |vs: &[InsnId], class: &[bool]| !vs.is_empty() && vs.iter().all(|v| class[v.index()]);
    loop {
        let mut changed = false;
        for v in 0..class.len() {
            if !class[v]
                && how[v] == 0
                && g.insns[v].ty.is_word()
                && (all_float(&args[v], &class) || all_float(&into[v], &class))
            {
                class[v] = true;
                changed = true;
            }
        }
        if !changed {
            return class;
        }
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

/// Code order: reverse postorder, with the unlikely blocks (a rare
/// second guard's path) after the others and the cold blocks (a guard's
/// miss path) last, so the hot path falls through and its
/// values' intervals have holes where the cold code sits rather than
/// stretching over it.
pub fn code_order(g: &Graph) -> Vec<BlockId> {
    // Reverse postorder, visiting a block's loop exits before the
    // successors in its loop, so that a loop's body follows its header
    // and the exit comes after the loop.
    let depth = g.loop_depths();
    let rpo = reverse_postorder(g.blocks.len(), g.entry, |b| {
        let mut s = g.succs(b);
        s.reverse();
        s.sort_by_key(|x| depth[x.index()] >= depth[b.index()]);
        s
    });
    let heat = |b: BlockId| {
        let blk = g.block(b);
        match (b == g.entry, blk.cold, blk.unlikely) {
            (true, ..) | (false, false, false) => 0,
            (false, false, true) => 1,
            (false, true, _) => 2,
        }
    };
    let mut order = rpo;
    // (A stable sort: reverse postorder within each kind.)
    order.sort_by_key(|&b| heat(b));
    order
}

/// Adds piece `[s, e]` to a sorted list of pieces (blocks are visited
/// in code order, so pieces arrive in order), joining it to the last one
/// when only the gap between two blocks separates them.
fn add_piece(r: &mut Vec<(u32, u32)>, s: u32, e: u32) {
    match r.last_mut() {
        Some(last) if s <= last.1 + 2 => last.1 = last.1.max(e),
        _ => r.push((s, e)),
    }
}

/// Whether two intervals need different registers: some piece of one
/// overlaps some piece of the other. Touching pieces do not (an operand's
/// last use hands its register to the result of the same instruction),
/// unless both start at one position (a block's parameters).
pub fn overlap(a: &[(u32, u32)], b: &[(u32, u32)]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let ((as_, ae), (bs, be)) = (a[i], b[j]);
        if as_ == bs || (as_ < be && bs < ae) {
            return true;
        }
        if ae <= be {
            i += 1;
        } else {
            j += 1;
        }
    }
    false
}

/// Allocates registers for `g`, leaving out `reserved`.
pub fn allocate(g: &Graph, reserved: &[Reg]) -> Alloc {
    let nv = g.insns.len();
    let nb = g.blocks.len();
    let order = code_order(g);
    let folded = folded_loads(g);
    // Positions: a block's parameters at its start, each instruction two
    // apart, the terminator (and its edges' moves) last.
    let mut pos = vec![u32::MAX; nv];
    let mut bstart = vec![0u32; nb];
    let mut bend = vec![0u32; nb];
    let mut p = 0u32;
    let mut call_pos = Vec::new();
    for &b in &order {
        let blk = g.block(b);
        bstart[b.index()] = p;
        for &v in &blk.params {
            pos[v.index()] = p;
        }
        p += 2;
        for &i in &blk.insns {
            pos[i.index()] = p;
            // (Calls on a guard's miss path do not count: a value live
            // across one is saved and reloaded there, rather than taking
            // a callee-saved register that every call pushes and pops.)
            if calls(&g.insn(i).insn) && !blk.cold {
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
        // A loop header's entry state is read when the code leaves at
        // its back-edge, after the edge's moves: live into the header,
        // so apart from its parameters' registers.
        for &(_, v) in blk.entry_state.iter().flatten() {
            if !d.contains(v) {
                u.insert(v);
            }
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
    // Intervals with holes: in each block, a value is live from its
    // definition (or the block's start, when live in) to its last use
    // there (or the block's end, when live out).
    let mut ranges: Vec<Vec<(u32, u32)>> = vec![Vec::new(); nv];
    let mut last_use: Vec<u32> = vec![0; nv];
    let mut seen: Vec<u32> = vec![u32::MAX; nv];
    for &b in &order {
        let blk = g.block(b);
        let (bs, be) = (bstart[b.index()], bend[b.index()]);
        let mut here: Vec<InsnId> = Vec::new();
        let mut touch = |v: InsnId, at: u32, here: &mut Vec<InsnId>| {
            if seen[v.index()] != bs {
                seen[v.index()] = bs;
                last_use[v.index()] = at;
                here.push(v);
            } else {
                last_use[v.index()] = last_use[v.index()].max(at);
            }
        };
        for &v in &blk.params {
            touch(v, bs, &mut here);
        }
        for v in live_in[b.index()].iter() {
            touch(v, bs, &mut here);
        }
        for (k, &i) in blk.insns.iter().enumerate() {
            let at = pos[i.index()];
            for o in g.insn(i).insn.operands() {
                touch(o, at, &mut here);
            }
            touch(i, at, &mut here);
            // A folded load's pointer is read by the next instruction,
            // and must not hand its register to that one's result.
            if folded[i.index()] {
                if let Some(&u) = blk.insns.get(k + 1) {
                    for o in g.insn(i).insn.operands() {
                        touch(o, pos[u.index()] + 1, &mut here);
                    }
                }
            }
        }
        if let Some(t) = &blk.term {
            let edge_args = t.edges().into_iter().flat_map(|e| e.args.iter().copied());
            for o in t.operands().into_iter().chain(edge_args) {
                touch(o, be, &mut here);
            }
        }
        for v in live_out[b.index()].iter() {
            touch(v, be, &mut here);
        }
        for v in here {
            let s = if live_in[b.index()].contains(v) {
                bs
            } else {
                pos[v.index()]
            };
            if s == u32::MAX {
                continue;
            }
            add_piece(&mut ranges[v.index()], s, last_use[v.index()]);
        }
    }
    for (v, r) in ranges.iter_mut().enumerate() {
        r.sort_unstable();
        if r.is_empty() && pos[v] != u32::MAX {
            r.push((pos[v], pos[v]));
        }
    }
    // Values nothing reads need no location (an instruction computes them
    // in a scratch register; a parameter is not loaded at all).
    let fused = branch_fused(g);
    let used_vals: Vec<bool> = g
        .use_counts()
        .iter()
        .zip(&fused)
        .map(|(&n, &f)| n > 0 && !f)
        .collect();
    // Linear scan.
    let mut vals: Vec<InsnId> = (0..nv as u32)
        .map(InsnId)
        .filter(|&v| {
            // Constants (and frame addresses) are immediates or
            // rematerialized at each use.
            pos[v.index()] != u32::MAX
                && used_vals[v.index()]
                && g.insn(v).ty.is_word()
                && !matches!(
                    g.insn(v).insn,
                    Insn::Const { .. } | Insn::TypeWord { .. } | Insn::FrameAddr { .. }
                )
        })
        .collect();
    vals.sort_by_key(|&v| (ranges[v.index()][0].0, v));
    let end_of = |v: InsnId| ranges[v.index()].last().map_or(0, |r| r.1);
    let mut loc = vec![Loc::None; nv];
    // The two classes: general registers for words, XMM registers for
    // floats (all caller-saved).
    let gprs: Vec<Loc> = ALLOCATABLE
        .iter()
        .copied()
        .filter(|r| !reserved.contains(r))
        .map(Loc::Reg)
        .collect();
    let xmms: Vec<Loc> = XMM_ALLOCATABLE.iter().map(|&x| Loc::Xmm(x)).collect();
    let saved = |l: Loc| matches!(l, Loc::Reg(r) if is_callee_saved(r));
    let mut spills = 0u32;
    let mut used: Vec<Reg> = Vec::new();
    let mut xmm_used = 0u32;
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
    // Registers the calling convention suggests: a parameter's word
    // arrives in a parameter register, and a call's argument words leave
    // in them (`PARAMS`): there, a value costs no copy.
    let mut fixed: Vec<Option<Reg>> = vec![None; nv];
    for &p in &g.block(g.entry).params {
        if let Insn::Param { slot } = g.insn(p).insn {
            fixed[p.index()] = PARAMS.get(slot as usize).copied();
        }
    }
    for d in &g.insns {
        let Some(words) = d.insn.window_words() else {
            continue;
        };
        for (v, r) in words.into_iter().zip(PARAMS) {
            fixed[v.index()].get_or_insert(r);
        }
    }
    let class = float_class(g);
    let weights = g.use_weights();
    // Values a multiplication by 3, 5 or 9 reads: it becomes a `lea` with
    // the value as base and index, which from rbp or r13 needs a
    // displacement byte (a three-part `lea`, slower) or a copy first.
    let mut lea_base = vec![false; nv];
    for d in &g.insns {
        if let Insn::Bin {
            op: BinOp::MulI,
            a,
            b,
        } = d.insn
        {
            if matches!(g.insn(b).insn, Insn::Const { bits: 3 | 5 | 9 }) {
                lea_base[a.index()] = true;
            }
        }
    }
    let needs_disp = |l: Loc| matches!(l, Loc::Reg(r) if pgojit_jit::masm::base_needs_disp(r));
    let crosses = |v: InsnId| {
        ranges[v.index()].iter().any(|&(s, e)| {
            let k = call_pos.partition_point(|&c| c <= s);
            call_pos.get(k).is_some_and(|&c| c < e)
        })
    };
    for float in [false, true] {
        let regs = if float { &xmms } else { &gprs };
        let any_saved = regs.iter().any(|&l| saved(l));
        // Per register: the intervals given it that have not ended yet.
        let mut holders: Vec<Vec<InsnId>> = vec![Vec::new(); regs.len()];
        for &v in vals.iter().filter(|&&v| class[v.index()] == float) {
            let start = ranges[v.index()][0].0;
            for h in holders.iter_mut() {
                h.retain(|&a| end_of(a) >= start);
            }
            let conflicts = |k: usize| -> Vec<InsnId> {
                holders[k]
                    .iter()
                    .copied()
                    .filter(|&a| overlap(&ranges[a.index()], &ranges[v.index()]))
                    .collect()
            };
            let fits: Vec<bool> = (0..regs.len()).map(|k| conflicts(k).is_empty()).collect();
            let want_saved = any_saved && crosses(v);
            let hinted = hints[v.index()].iter().find_map(|h| {
                let l = loc[h.index()];
                // (Not a caller-saved register for a value that lives
                // across a call, when the class has callee-saved ones.)
                if !want_saved || saved(l) {
                    regs.iter().position(|&x| x == l).filter(|&k| fits[k])
                } else {
                    None
                }
            });
            // (The second operand's register, handed over at its last use,
            // costs a copy to a two-address subtraction or division.)
            let avoid = match g.insn(v).insn {
                Insn::Bin {
                    op: BinOp::SubF | BinOp::DivF,
                    a,
                    b,
                } if a != b => loc[b.index()],
                _ => Loc::None,
            };
            let shun = |l: Loc| l == avoid || (lea_base[v.index()] && needs_disp(l));
            let convention = fixed[v.index()]
                .filter(|_| !float && !want_saved)
                .and_then(|r| regs.iter().position(|&x| x == Loc::Reg(r)))
                .filter(|&k| fits[k] && !shun(regs[k]));
            let pick = hinted
                .or(convention)
                .or_else(|| {
                    (0..regs.len())
                        .find(|&k| fits[k] && saved(regs[k]) == want_saved && !shun(regs[k]))
                })
                .or_else(|| (0..regs.len()).find(|&k| fits[k] && !shun(regs[k])))
                .or_else(|| (0..regs.len()).find(|&k| fits[k] && regs[k] != avoid))
                .or_else(|| (0..regs.len()).find(|&k| fits[k]));
            if let Some(k) = pick {
                let l = regs[k];
                loc[v.index()] = l;
                match l {
                    Loc::Reg(r) if !used.contains(&r) => used.push(r),
                    Loc::Xmm(_) => xmm_used = xmm_used.max(k as u32 + 1),
                    _ => {}
                }
                holders[k].push(v);
                continue;
            }
            // No register: when one register is kept from it by a single
            // interval that is cheaper in memory (fewer uses per length of
            // its live range, weighing uses in loops more; at equal
            // density, the one that ends later),
            // that one goes to memory instead (the cheapest); otherwise
            // this one does.
            let cost = |x: InsnId| {
                let r = &ranges[x.index()];
                let len: u32 = r.iter().map(|&(s, e)| e - s).sum::<u32>().max(1);
                (
                    u64::from(weights[x.index()]) * 1024 / u64::from(len),
                    std::cmp::Reverse(end_of(x)),
                )
            };
            let victim = (0..regs.len())
                .filter_map(|k| match conflicts(k).as_slice() {
                    [a] if cost(*a) < cost(v) => Some((cost(*a), *a, k)),
                    _ => None,
                })
                .min();
            match victim {
                Some((_, a, k)) => {
                    loc[v.index()] = regs[k];
                    loc[a.index()] = Loc::Spill(spills);
                    holders[k].retain(|&x| x != a);
                    holders[k].push(v);
                }
                None => loc[v.index()] = Loc::Spill(spills),
            }
            spills += 1;
        }
    }
    Alloc {
        loc,
        ranges,
        pos,
        spills,
        order,
        used,
        xmm_used,
        folded,
    }
}
