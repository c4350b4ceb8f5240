//! Native forms of instructions the builder leaves to the interpreter's
//! code ([`Insn::Bytecode`]): reslicing, `append`, string comparison,
//! indexing and slicing. Each becomes its fast path in the graph, where
//! the passes and the register allocator see it, with the generic
//! instruction kept as the slow path in a cold block (as V8 and
//! HotSpot lower their allocation and array-store nodes): the slow path
//! grows an `append`'s array, and raises a failing reslice's panic word
//! for word as the interpreter does, since it is the interpreter's own
//! code.
//!
//! | bytecode | fast path | slow path |
//! |---|---|---|
//! | `SliceSlice` `s[lo:hi:max]` | unsigned checks `max <= cap`, `hi <= max`, `lo <= hi`; the new header by arithmetic (the pointer moves only when the new capacity is not 0, as in the interpreter) | the bytecode (it panics) |
//! | `StrSlice` `s[lo:hi]` | `hi <= len`, `lo <= hi`; pointer 0 for an empty result, as in the interpreter | the bytecode (it panics) |
//! | `Append` `append(s, v...)` | `len + count <= cap`: the elements stored in place | the bytecode (it grows the array) |
//! | `AppendSlice` `append(s, t...)` | `len + len(t) <= cap`: [`Insn::MemMove`] of `t`'s bytes after `s`'s elements | the bytecode (it grows the array) |
//! | `StrIndex` `s[i]` | [`Insn::StrByte`], bounds-checked inline | none |
//! | `StrCmp` | [`Insn::CallRt`] of a runtime comparison (no safepoint) | none |
//! | `IfaceEq` against `nil` | the type word compared with 0 (`err != nil`, `sh == nil`) | none (other interface comparisons stay generic) |
//!
//! Runs on every graph as it is built (so inlined callees are lowered
//! too), before devirtualization.

use super::ir::*;
use super::passes::loads::writes_nothing;
use crate::bytecode::op::{elem_bytes, slots_of, Cmp, Op, NONE};
use std::collections::{HashMap, HashSet};

/// Lowers the instructions of `g` that have a native form; returns how
/// many.
pub fn lower(g: &mut Graph) -> usize {
    // (Linear in the graph: the candidates and their projections are
    // found once, and the uses of the words they replace are rewritten
    // once at the end.)
    let mut cx = Cx::new(g);
    let candidates: Vec<InsnId> = g
        .blocks
        .iter()
        .flat_map(|b| b.insns.iter().copied())
        .filter(|&v| matches!(&g.insn(v).insn, Insn::Bytecode { op, .. } if has_native_form(op)))
        .collect();
    let mut count = 0;
    for v in candidates {
        let Some((b, k)) = g.position(v) else {
            continue;
        };
        let Insn::Bytecode { op, args, .. } = g.insn(v).insn.clone() else {
            continue;
        };
        match op {
            Op::StrCmp { c, .. } => str_cmp(g, b, k, v, c, &args),
            Op::IfaceEq { ne, .. } => {
                if !iface_nil_cmp(g, v, ne, &args) {
                    continue;
                }
            }
            Op::StrIndex { .. } => {
                let d = &mut g.insns[v.index()];
                d.insn = Insn::StrByte {
                    ptr: args[0],
                    len: args[1],
                    i: args[2],
                };
            }
            Op::SliceSlice {
                lo,
                hi,
                max,
                stride,
                ..
            } => reslice(g, &mut cx, b, k, v, &args, [lo, hi, max], stride),
            Op::StrSlice { lo, hi, .. } => str_slice(g, &mut cx, b, k, v, &args, [lo, hi]),
            Op::Append { count, stride, .. } => append(g, &mut cx, (b, k, v), &args, count, stride),
            Op::AppendSlice { stride, .. } => append_slice(g, &mut cx, (b, k, v), &args, stride),
            Op::MakeIface {
                d,
                tab,
                n,
                direct,
                layout,
                ..
            } => make_iface(g, &mut cx, b, k, v, &args, d, tab, n, direct, layout),
            _ => continue,
        }
        count += 1;
    }
    // Each replaced word by its new value (following chains: a new value
    // may itself be a word replaced later).
    let resolve = |mut x: InsnId| {
        while let Some(&y) = cx.subst.get(&x) {
            x = y;
        }
        x
    };
    let map: HashMap<InsnId, InsnId> = cx.subst.keys().map(|&x| (x, resolve(x))).collect();
    g.replace_uses(&map);
    // (A native form's word may be a pointer where the generic
    // instruction's projection was typed an integer: a block parameter
    // taking both becomes any word.)
    if count > 0 {
        super::inline::widen_params(g);
    }
    count
}

/// The lowering's state: each tuple's projections, and the words
/// replaced so far.
#[derive(Default)]
struct Cx {
    projs: HashMap<InsnId, Vec<(u32, InsnId)>>,
    subst: HashMap<InsnId, InsnId>,
}

impl Cx {
    /// The graph's projections, by the tuple they read.
    fn new(g: &Graph) -> Cx {
        let mut cx = Cx::default();
        for (x, d) in g.insns.iter().enumerate() {
            if let Insn::Proj { of, index } = d.insn {
                cx.projs
                    .entry(of)
                    .or_default()
                    .push((index, InsnId(x as u32)));
            }
        }
        cx
    }

    /// Takes the projections of `v` out of the graph (`rest`, the
    /// instructions after it in its block, holds them as the builder
    /// leaves them; anywhere else they are looked for), and replaces
    /// word `i` by `words[i]`.
    fn replace_words(
        &mut self,
        g: &mut Graph,
        v: InsnId,
        rest: &mut Vec<InsnId>,
        words: &[InsnId],
    ) {
        let old = self.projs.remove(&v).unwrap_or_default();
        let ids: HashSet<InsnId> = old.iter().map(|&(_, x)| x).collect();
        let before = rest.len();
        rest.retain(|x| !ids.contains(x));
        if before - rest.len() < ids.len() {
            for blk in &mut g.blocks {
                blk.insns.retain(|x| !ids.contains(x));
            }
        }
        for (index, x) in old {
            if let Some(&w) = words.get(index as usize) {
                self.subst.insert(x, w);
            }
        }
    }
}

fn has_native_form(op: &Op) -> bool {
    matches!(
        op,
        Op::StrCmp { .. }
            | Op::IfaceEq { .. }
            | Op::StrIndex { .. }
            | Op::SliceSlice { .. }
            | Op::StrSlice { .. }
            | Op::Append { .. }
            | Op::AppendSlice { .. }
            | Op::MakeIface { .. }
    )
}

/// Instructions appended to one block as they are made.
pub(crate) struct At<'g> {
    g: &'g mut Graph,
    b: BlockId,
    pc: u32,
}

impl At<'_> {
    pub(crate) fn push(&mut self, insn: Insn, ty: Ty) -> InsnId {
        let id = self.g.add_insn(insn, ty, self.pc);
        self.g.blocks[self.b.index()].insns.push(id);
        id
    }

    fn konst(&mut self, bits: u64) -> InsnId {
        self.push(Insn::Const { bits }, Ty::Int)
    }

    fn bin(&mut self, op: BinOp, a: InsnId, b: InsnId, ty: Ty) -> InsnId {
        self.push(Insn::Bin { op, a, b }, ty)
    }

    /// `a <= b`, unsigned.
    pub(crate) fn le_u(&mut self, a: InsnId, b: InsnId) -> InsnId {
        self.push(
            Insn::Cmp {
                c: Cmp::Le,
                kind: CmpKind::Unsigned,
                a,
                b,
            },
            Ty::Int,
        )
    }

    /// `a * k` for a constant `k` (a shift when it is a power of two).
    fn times(&mut self, a: InsnId, k: u64) -> InsnId {
        if k == 1 {
            a
        } else if k.is_power_of_two() {
            let s = self.konst(k.trailing_zeros() as u64);
            self.bin(BinOp::Shl, a, s, Ty::Int)
        } else {
            let c = self.konst(k);
            self.bin(BinOp::MulI, a, c, Ty::Int)
        }
    }
}

/// `MakeIface`: the type word a [`Insn::TypeWord`] (a call through it
/// can be resolved statically), the data word the value itself (a
/// pointer-shaped one), the zero-sized object's address, or a new
/// object: an `Alloc` and its stores, which scalar replacement removes
/// when the box never leaves the graph.
#[allow(clippy::too_many_arguments)]
fn make_iface(
    g: &mut Graph,
    cx: &mut Cx,
    b: BlockId,
    k: usize,
    v: InsnId,
    args: &[InsnId],
    d: u32,
    tab: u64,
    n: u32,
    direct: bool,
    layout: u32,
) {
    let pc = g.insn(v).pc;
    let tw = g.add_insn(Insn::TypeWord { tab }, Ty::Int, pc);
    let mut before = vec![tw];
    let mut after = Vec::new();
    let data = if direct {
        args[0]
    } else if n == 0 {
        let z = g.add_insn(
            Insn::Const {
                bits: crate::runtime::heap::ZERO_SIZED,
            },
            Ty::Ptr,
            pc,
        );
        before.push(z);
        z
    } else {
        for (w, &x) in args.iter().enumerate() {
            let st = g.add_insn(
                Insn::Store {
                    p: v,
                    off: w as u32,
                    v: x,
                },
                Ty::Void,
                pc,
            );
            after.push(st);
        }
        v
    };
    let mut rest = g.blocks[b.index()].insns.split_off(k + 1);
    cx.replace_words(g, v, &mut rest, &[tw, data]);
    g.blocks[b.index()].insns.extend(rest);
    let keep = data == v;
    if keep {
        g.insns[v.index()] = InsnData {
            insn: Insn::Bytecode {
                op: Op::Alloc { d, n, layout },
                args: Vec::new(),
                inlined_from: None,
            },
            ty: Ty::Ptr,
            pc,
            ctx: g.insns[v.index()].ctx,
        };
    }
    let mut seq = before;
    if keep {
        seq.push(v);
    }
    seq.extend(after);
    g.blocks[b.index()].insns.splice(k..k + 1, seq);
}

/// `x == nil` (or `!=`) for an interface `x`: its type word against 0
/// (an interface is nil exactly when its type word is, whatever its data
/// word holds). Other interface comparisons stay generic. Returns
/// whether `v` was replaced.
fn iface_nil_cmp(g: &mut Graph, v: InsnId, ne: bool, args: &[InsnId]) -> bool {
    let zero = |x: InsnId| matches!(g.insn(x).insn, Insn::Const { bits: 0 });
    let (tab, z) = match args {
        [t, _, b0, b1] if zero(*b0) && zero(*b1) => (*t, *b0),
        [a0, a1, t, _] if zero(*a0) && zero(*a1) => (*t, *a0),
        _ => return false,
    };
    let d = &mut g.insns[v.index()];
    d.insn = Insn::Cmp {
        c: if ne { Cmp::Ne } else { Cmp::Eq },
        kind: CmpKind::Unsigned,
        a: tab,
        b: z,
    };
    d.ty = Ty::Int;
    true
}

/// `StrCmp`: a runtime comparison, then the condition on its result.
fn str_cmp(g: &mut Graph, b: BlockId, k: usize, v: InsnId, c: Cmp, args: &[InsnId]) {
    let pc = g.insn(v).pc;
    if let Some(cmp) = const_eq(g, c, args) {
        let zero = g.add_insn(Insn::Const { bits: 0 }, Ty::Int, pc);
        g.insns[v.index()].insn = Insn::Cmp {
            c: if c == Cmp::Eq { Cmp::Ne } else { Cmp::Eq },
            kind: CmpKind::Unsigned,
            a: cmp,
            b: zero,
        };
        g.insns[v.index()].pc = pc;
        g.insns[cmp.index()].pc = pc;
        let insns = &mut g.blocks[b.index()].insns;
        insns.insert(k, zero);
        insns.insert(k, cmp);
        return;
    }
    let rt = if matches!(c, Cmp::Eq | Cmp::Ne) {
        Rt::StrEq
    } else {
        Rt::StrCmp
    };
    let call = g.add_insn(
        Insn::CallRt {
            rt,
            args: args.to_vec(),
        },
        Ty::Int,
        pc,
    );
    let zero = g.add_insn(Insn::Const { bits: 0 }, Ty::Int, pc);
    // Equal strings: `strequal` gives 1, so `==` is `!= 0`.
    let (c, kind) = match c {
        Cmp::Eq => (Cmp::Ne, CmpKind::Unsigned),
        Cmp::Ne => (Cmp::Eq, CmpKind::Unsigned),
        c => (c, CmpKind::Signed),
    };
    g.insns[v.index()].insn = Insn::Cmp {
        c,
        kind,
        a: call,
        b: zero,
    };
    g.insns[v.index()].ty = Ty::Int;
    let insns = &mut g.blocks[b.index()].insns;
    insns.insert(k, zero);
    insns.insert(k, call);
}

/// `==` or `!=` against a string constant of at most 8 bytes (a
/// `switch` on strings, a keyword test): its bytes compared inline, as
/// Go's compiler does, in a [`Insn::StrEqConst`] (not in a block).
fn const_eq(g: &mut Graph, c: Cmp, args: &[InsnId]) -> Option<InsnId> {
    if !matches!(c, Cmp::Eq | Cmp::Ne) {
        return None;
    }
    let konst = |x: InsnId| match g.insn(x).insn {
        Insn::Const { bits } => Some(bits),
        _ => None,
    };
    let (ptr, len, p, n) = match (konst(args[2]), konst(args[3])) {
        (Some(p), Some(n)) if n <= 8 => (args[0], args[1], p, n),
        _ => match (konst(args[0]), konst(args[1])) {
            (Some(p), Some(n)) if n <= 8 => (args[2], args[3], p, n),
            _ => return None,
        },
    };
    let mut bytes = [0u8; 8];
    if n > 0 {
        // SAFETY: a string value whose words are both constants is a
        // string literal: `n` bytes of the program's static strings at
        // `p` (`bytecode::lower::string_const`), never freed or written.
        let text = unsafe { std::slice::from_raw_parts(p as *const u8, n as usize) };
        bytes[..n as usize].copy_from_slice(text);
    }
    let pc = 0;
    Some(g.add_insn(
        Insn::StrEqConst {
            ptr,
            len,
            bytes: u64::from_le_bytes(bytes),
            n: n as u32,
        },
        Ty::Int,
        pc,
    ))
}

/// The operands of a slicing instruction: its present bounds follow the
/// `before` words of the sliced value, in order.
fn bounds<const N: usize>(args: &[InsnId], before: usize, slots: [u32; N]) -> [Option<InsnId>; N] {
    let mut out = [None; N];
    let mut next = before;
    for (o, &s) in out.iter_mut().zip(&slots) {
        if s != NONE {
            *o = Some(args[next]);
            next += 1;
        }
    }
    out
}

/// `s[lo:hi:max]` on a slice `(p, len, cap)`.
#[allow(clippy::too_many_arguments)]
fn reslice(
    g: &mut Graph,
    cx: &mut Cx,
    b: BlockId,
    k: usize,
    v: InsnId,
    args: &[InsnId],
    slots: [u32; 3],
    stride: u32,
) {
    let (p, len, cap) = (args[0], args[1], args[2]);
    let [lo, hi, max] = bounds(args, 3, slots);
    let h = hi.unwrap_or(len);
    let m = max.unwrap_or(cap);
    // `s = s[:n]`: only the length changes.
    let place = if lo.is_none() && max.is_none() {
        in_place(g, b, k, v, args)
    } else {
        None
    };
    diamond(
        g,
        cx,
        b,
        k,
        v,
        &[Ty::Ptr, Ty::Int, Ty::Int],
        |at| {
            let mut checks = Vec::new();
            if max.is_some() {
                checks.push(at.le_u(m, cap));
            }
            // (Without `hi` and `max`, `len <= cap` holds.)
            if hi.is_some() || max.is_some() {
                checks.push(at.le_u(h, m));
            }
            if let Some(l) = lo {
                checks.push(at.le_u(l, h));
            }
            checks
        },
        |at| match lo {
            None => {
                if let Some(pl) = &place {
                    pl.store_len(at, h);
                }
                vec![p, h, m]
            }
            Some(l) => {
                let n = at.bin(BinOp::SubI, h, l, Ty::Int);
                let c = at.bin(BinOp::SubI, m, l, Ty::Int);
                let off = at.times(l, elem_bytes(stride));
                let moved = at.bin(BinOp::AddI, p, off, Ty::Ptr);
                // (An empty capacity keeps the pointer: it must not point
                // past the array.)
                let np = at.push(
                    Insn::Select {
                        cond: c,
                        a: moved,
                        b: p,
                    },
                    Ty::Ptr,
                );
                vec![np, n, c]
            }
        },
        true,
    );
}

/// `s[lo:hi]` on a string `(p, len)`.
fn str_slice(
    g: &mut Graph,
    cx: &mut Cx,
    b: BlockId,
    k: usize,
    v: InsnId,
    args: &[InsnId],
    slots: [u32; 2],
) {
    let (p, len) = (args[0], args[1]);
    let [lo, hi] = bounds(args, 2, slots);
    let h = hi.unwrap_or(len);
    diamond(
        g,
        cx,
        b,
        k,
        v,
        &[Ty::Ptr, Ty::Int],
        |at| {
            let mut checks = Vec::new();
            if hi.is_some() {
                checks.push(at.le_u(h, len));
            }
            if let Some(l) = lo {
                checks.push(at.le_u(l, h));
            }
            checks
        },
        |at| {
            let (start, n) = match lo {
                None => (p, h),
                Some(l) => (
                    at.bin(BinOp::AddI, p, l, Ty::Ptr),
                    at.bin(BinOp::SubI, h, l, Ty::Int),
                ),
            };
            // (An empty string's pointer is 0, as the interpreter leaves it.)
            let zero = at.konst(0);
            let np = at.push(
                Insn::Select {
                    cond: n,
                    a: start,
                    b: zero,
                },
                Ty::Ptr,
            );
            vec![np, n]
        },
        true,
    );
}

/// `append(s, v...)` of `count` elements of `stride` words.
fn append(
    g: &mut Graph,
    cx: &mut Cx,
    (b, k, v): (BlockId, usize, InsnId),
    args: &[InsnId],
    count: u32,
    stride: u32,
) {
    let (p, len) = (args[0], args[1]);
    let words = args[3..].to_vec();
    append_within(
        g,
        cx,
        (b, k, v),
        args,
        |at| at.konst(count as u64),
        |at, nl| {
            for e in 0..count {
                let i = if e == 0 {
                    len
                } else {
                    let c = at.konst(e as u64);
                    at.bin(BinOp::AddI, len, c, Ty::Int)
                };
                // (A byte: one slot, stored as one byte, `stride` PACKED.)
                let slots = slots_of(stride);
                for w in 0..slots {
                    let x = words[(e * slots + w) as usize];
                    let st = at.push(
                        Insn::SliceStore {
                            ptr: p,
                            len: nl,
                            i,
                            stride,
                            off: w,
                            v: x,
                        },
                        Ty::Void,
                    );
                    // (`len + e < len + count <= cap`: a slice's length
                    // is never negative, so the sum does not wrap.)
                    at.g.in_bounds.insert(st);
                }
            }
        },
    );
}

/// `append(s, t...)` (`t` a slice, or a string's bytes): `t`'s elements
/// copied after `s`'s ([`Insn::MemMove`]: they may overlap,
/// `append(s[:i], s[j:]...)`).
fn append_slice(
    g: &mut Graph,
    cx: &mut Cx,
    (b, k, v): (BlockId, usize, InsnId),
    args: &[InsnId],
    stride: u32,
) {
    let (p, len, tp, tl) = (args[0], args[1], args[3], args[4]);
    let eb = elem_bytes(stride);
    append_within(
        g,
        cx,
        (b, k, v),
        args,
        |_| tl,
        |at, _| {
            // (An address inside the array, used only by the copy: no
            // safepoint holds it.)
            let off = at.times(len, eb);
            let dst = at.bin(BinOp::AddI, p, off, Ty::Int);
            let bytes = at.times(tl, eb);
            at.push(
                Insn::MemMove {
                    dst,
                    src: tp,
                    bytes,
                },
                Ty::Void,
            );
        },
    );
}

/// What both appends share: `nl = len + added`; when `nl <= cap`
/// (unsigned; lengths are below 2^48, the sum does not wrap) the new
/// length is stored where the slice lives (Go's order: the length, then
/// the elements), `fill` writes the elements, and the result is `(p, nl,
/// cap)`; otherwise the bytecode grows the array (the slow path, which
/// stores all three words back).
fn append_within(
    g: &mut Graph,
    cx: &mut Cx,
    (b, k, v): (BlockId, usize, InsnId),
    args: &[InsnId],
    added: impl FnOnce(&mut At) -> InsnId,
    fill: impl FnOnce(&mut At, InsnId),
) {
    let (p, len, cap) = (args[0], args[1], args[2]);
    let n = std::cell::Cell::new(len);
    let place = in_place(g, b, k, v, args);
    let slow = diamond(
        g,
        cx,
        b,
        k,
        v,
        &[Ty::Ptr, Ty::Int, Ty::Int],
        |at| {
            let c = added(at);
            let nl = at.bin(BinOp::AddI, len, c, Ty::Int);
            n.set(nl);
            vec![at.le_u(nl, cap)]
        },
        |at| {
            let nl = n.get();
            if let Some(pl) = &place {
                pl.store_len(at, nl);
            }
            fill(at, nl);
            vec![p, nl, cap]
        },
        false,
    );
    // (An append always has its capacity check, so a slow path.)
    if let (Some(pl), Some(slow)) = (place, slow) {
        pl.store_all(g, slow);
    }
}

/// A slice value `s = f(s)` updated where it lives (`x.s = append(x.s,
/// v)`, `x.s = x.s[:n]`): its three words loaded from `base + off ..`
/// with nothing written in between, and the new words stored right back
/// there. Go's compiler then writes only the length on the fast path
/// (the pointer and capacity words already hold the same values); the
/// slow path (a grown array) writes all three.
struct InPlace {
    base: InsnId,
    off: u32,
    pc: u32,
}

impl InPlace {
    /// The fast path's one store: the new length.
    fn store_len(&self, at: &mut At, len: InsnId) {
        let st = at.g.add_insn(
            Insn::Store {
                p: self.base,
                off: self.off + 1,
                v: len,
            },
            Ty::Void,
            self.pc,
        );
        at.g.blocks[at.b.index()].insns.push(st);
    }

    /// The slow path's stores: its three result words.
    fn store_all(&self, g: &mut Graph, slow: BlockId) {
        let Some(Term::Jump(e)) = g.block(slow).term.clone() else {
            unreachable!("the slow path jumps to the merge");
        };
        for (w, &x) in e.args.iter().enumerate().take(3) {
            let st = g.add_insn(
                Insn::Store {
                    p: self.base,
                    off: self.off + w as u32,
                    v: x,
                },
                Ty::Void,
                self.pc,
            );
            g.blocks[slow.index()].insns.push(st);
        }
    }
}

/// Whether `v` (index `k` of block `b`, slice operand `args[0..3]`) is
/// an in-place update: then its three stores are taken out of `b` (the
/// caller puts them on the fast and slow paths).
fn in_place(g: &mut Graph, b: BlockId, k: usize, v: InsnId, args: &[InsnId]) -> Option<InPlace> {
    let (base, off) = match g.insn(args[0]).insn {
        Insn::Load { p, off } => (p, off),
        _ => return None,
    };
    for w in 1..3 {
        if !matches!(g.insn(args[w]).insn, Insn::Load { p, off: o } if p == base && o == off + w as u32)
        {
            return None;
        }
    }
    let insns = &g.block(b).insns;
    // Right after `v`: its projections and the three stores of them
    // (nothing else, so moving the stores earlier is unobservable), to
    // the words loaded (through the same pointer, or one loaded again
    // from the same place: `x.p.s = append(x.p.s, v)`).
    let same = |q: InsnId| {
        q == base
            || matches!((&g.insn(q).insn, &g.insn(base).insn),
                (Insn::Load { p: a, off: x }, Insn::Load { p: b, off: y }) if a == b && x == y)
    };
    let mut stores = [None; 3];
    let mut store_base = base;
    let mut pc = 0;
    for &x in &insns[k + 1..] {
        match g.insn(x).insn {
            Insn::Proj { of, .. } if of == v => continue,
            Insn::Store { p, off: o, v: val } if same(p) && (off..off + 3).contains(&o) => {
                if stores.iter().any(Option::is_some) && p != store_base {
                    return None;
                }
                store_base = p;
                let w = (o - off) as usize;
                let proj = matches!(g.insn(val).insn, Insn::Proj { of, index } if of == v && index as usize == w);
                if !proj || stores[w].is_some() {
                    return None;
                }
                stores[w] = Some(x);
                pc = g.insn(x).pc;
                if stores.iter().all(Option::is_some) {
                    break;
                }
            }
            _ => return None,
        }
    }
    if !stores.iter().all(Option::is_some) {
        return None;
    }
    // The loads (and the stores' pointer, when loaded again) in `b`
    // before `v`, and nothing written from the first of them on.
    let mut reads = args[..3].to_vec();
    if store_base != base {
        reads.extend([base, store_base]);
    }
    let first = (0..k).find(|&j| reads.contains(&insns[j]))?;
    if !reads.iter().all(|r| insns[first..k].contains(r))
        || !insns[first..k]
            .iter()
            .all(|&x| writes_nothing(&g.insn(x).insn))
    {
        return None;
    }
    let gone: Vec<InsnId> = stores.iter().flatten().copied().collect();
    g.blocks[b.index()].insns.retain(|x| !gone.contains(x));
    for x in gone {
        crate::opt::passes::tombstone(g, x);
    }
    Some(InPlace {
        base: store_base,
        off,
        pc,
    })
}

/// [`diamond`] for instruction `v` of a graph the lowering is done with
/// (a pass's rewrite): its projections become the merge's parameters.
pub(crate) fn fast_path(
    g: &mut Graph,
    v: InsnId,
    tys: &[Ty],
    checks: impl FnOnce(&mut At) -> Vec<InsnId>,
    fast: impl FnOnce(&mut At) -> Vec<InsnId>,
) {
    let Some((b, k)) = g.position(v) else {
        return;
    };
    let mut cx = Cx::new(g);
    let old: Vec<InsnId> = cx
        .projs
        .get(&v)
        .into_iter()
        .flatten()
        .map(|p| p.1)
        .collect();
    diamond(g, &mut cx, b, k, v, tys, checks, fast, false);
    let map: HashMap<InsnId, InsnId> = cx.subst.into_iter().collect();
    g.replace_uses(&map);
    // (What left the graph leaves the arena inert: see `passes`.)
    for x in old.into_iter().chain([v]) {
        if g.position(x).is_none() {
            crate::opt::passes::tombstone(g, x);
        }
    }
}

/// Replaces generic instruction `v` (index `k` of block `b`, results of
/// types `tys`) by: the conditions `checks` makes in `b`, the fast path
/// `fast` makes (taken when every condition holds) and `v` itself in a
/// cold block otherwise, both passing the results to a block that goes
/// on with the rest of `b` (the fast path alone when `slow_panics`: a
/// failed check's instruction never comes back). Without conditions
/// the fast path is all. Returns the slow path's block, if any.
#[allow(clippy::too_many_arguments)]
fn diamond(
    g: &mut Graph,
    cx: &mut Cx,
    b: BlockId,
    k: usize,
    v: InsnId,
    tys: &[Ty],
    checks: impl FnOnce(&mut At) -> Vec<InsnId>,
    fast: impl FnOnce(&mut At) -> Vec<InsnId>,
    slow_panics: bool,
) -> Option<BlockId> {
    let pc = g.insn(v).pc;
    let blk = &mut g.blocks[b.index()];
    let mut rest = blk.insns.split_off(k + 1);
    blk.insns.pop();
    let term = blk.term.take();
    let term_pc = blk.term_pc.take();
    let (inlined, cold, unlikely) = (blk.inlined, blk.cold, blk.unlikely);
    let conds = checks(&mut At { g, b, pc });
    let new_block = |g: &mut Graph, cold: bool| {
        g.blocks.push(Block {
            params: Vec::new(),
            insns: Vec::new(),
            term: None,
            pc,
            inlined,
            cold,
            unlikely,
            term_pc: None,
            entry_state: None,
        });
        BlockId(g.blocks.len() as u32 - 1)
    };
    let fast_b = if conds.is_empty() {
        b
    } else {
        new_block(g, cold)
    };
    let results = fast(&mut At { g, b: fast_b, pc });
    // The words of `v` were read through projections: now the merge
    // block's parameters (or, without a slow path, the fast results).
    let (merge, words): (BlockId, Vec<InsnId>) = if conds.is_empty() {
        (b, results.clone())
    } else {
        let m = new_block(g, cold);
        // (A word the bytecode does not type is a `ptr`: the join.)
        let params: Vec<InsnId> = tys
            .iter()
            .zip(&results)
            .enumerate()
            .map(|(w, (&ty, &r))| {
                let ty = ty.join(g.insn(r).ty).unwrap_or(Ty::Ptr);
                g.add_insn(Insn::Param { slot: w as u32 }, ty, pc)
            })
            .collect();
        g.blocks[m.index()].params = params.clone();
        (m, params)
    };
    cx.replace_words(g, v, &mut rest, &words);
    g.blocks[merge.index()].insns.extend(rest);
    g.blocks[merge.index()].term = term;
    g.blocks[merge.index()].term_pc = term_pc;
    if conds.is_empty() {
        return None;
    }
    // The slow path: the generic instruction, its words to the merge.
    let slow = new_block(g, true);
    g.blocks[slow.index()].insns.push(v);
    let projs: Vec<InsnId> = tys
        .iter()
        .enumerate()
        .map(|(w, &ty)| {
            let x = g.add_insn(
                Insn::Proj {
                    of: v,
                    index: w as u32,
                },
                ty,
                pc,
            );
            g.blocks[slow.index()].insns.push(x);
            x
        })
        .collect();
    // (A slow path that always panics does not come back: the merge
    // has the fast path alone for a predecessor, and what the fast path
    // knew holds after it.)
    g.blocks[slow.index()].term = Some(if slow_panics {
        Term::Unreachable
    } else {
        Term::Jump(Edge {
            block: merge,
            args: projs,
        })
    });
    g.blocks[fast_b.index()].term = Some(Term::Jump(Edge {
        block: merge,
        args: results,
    }));
    // The checks, one branch each, all failing to the slow path.
    let mut from = b;
    for (n, &c) in conds.iter().enumerate() {
        let then = if n + 1 == conds.len() {
            fast_b
        } else {
            new_block(g, cold)
        };
        g.blocks[from.index()].term = Some(Term::Branch {
            cond: c,
            then: Edge {
                block: then,
                args: Vec::new(),
            },
            else_: Edge {
                block: slow,
                args: Vec::new(),
            },
        });
        from = then;
    }
    Some(slow)
}
