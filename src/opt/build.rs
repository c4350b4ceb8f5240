//! Bytecode to SSA, in one pass over the function's blocks, as Maglev's
//! graph builder and ZJIT's `hir.rs` build straight from bytecode.
//!
//! **Blocks** come from the opcode table's facts: a block starts at pc 0,
//! at every branch target ([`Op::target`]), after every branch or
//! instruction that never falls through (`facts().end`), and at pc + 2
//! after a fused increment and test (`facts().skips`), which continues
//! there. Blocks no path from pc 0 reaches are left out. When pc 0 is
//! itself a branch target (a loop at the very start), a block without
//! instructions comes first, so the entry block has no predecessors.
//!
//! **Values** follow Braun et al., "Simple and Efficient Construction of
//! Static Single Assignment Form" (CC 2013): each block maps a frame slot
//! to the SSA value it holds; a read that a block cannot answer asks its
//! predecessors, creating a block parameter where they may disagree (an
//! incomplete one in a loop header whose back edges are not built yet,
//! completed when the header is sealed). Parameters that turn out to
//! merge one value are removed at the end (the paper's trivial phis), so
//! loop variables get a parameter and loop-invariant slots do not. The
//! CFG is known from the bytecode before building, so blocks are filled
//! in reverse postorder and each is sealed as soon as its last
//! predecessor is filled. A slot read before any write is zero, as every
//! tier's entry makes it: a `Const 0` in the entry block.
//!
//! Moves build no instruction: the destination slot holds the source's
//! value. Multi-word loads and stores become one instruction per word.
//!
//! **Frame memory.** Frame arrays are reached by computed address
//! (operands of kind `Array`, `Elems` and `Frame`: a dynamic index into
//! the frame). Their slots are not SSA values at all: every access to one
//! of those slots, by any instruction, is a [`Insn::LoadSlot`] or a
//! [`Insn::StoreSlot`] of the frame in memory, and the generic
//! instruction that indexes them reads and writes memory. A `Frame`
//! operand (nested arrays, an offset from its base) puts every slot from
//! its base on in memory. Call windows are not memory: a call's argument
//! and result widths come from the callee's signature ([`Signatures`]),
//! so its arguments are explicit operands and its results values.
//!
//! Which instructions are specific and which generic: see [`Builder::op`],
//! one arm per opcode; the generic ones become [`Insn::Bytecode`] with the
//! words the table says they read and write.

use std::collections::HashMap;

use super::ir::*;
use crate::bytecode::op::{Cmp, Kind, Op, PACKED};
use crate::bytecode::{Function, Program, Slot};
use crate::runtime::typedesc::TypeDesc;
use pgojit_profiler::{FuncId, SiteId};

/// What the builder needs to know beyond the function: the widths of
/// calls and of values whose type a descriptor gives.
pub trait Signatures {
    /// (argument words, result words) of a function.
    fn func(&self, f: FuncId) -> Option<(u32, u32)>;
    /// (argument words, the receiver's data word first for an interface
    /// method; result words) of a call site.
    fn site(&self, s: SiteId) -> Option<(u32, u32)>;
    /// Words of a value of the type whose descriptor is at `addr`.
    fn desc_words(&self, addr: u64) -> Option<u32>;
}

impl Signatures for Program {
    fn func(&self, f: FuncId) -> Option<(u32, u32)> {
        self.funcs
            .get(f.index())
            .map(|f| (f.param_words, f.result_words))
    }

    fn site(&self, s: SiteId) -> Option<(u32, u32)> {
        self.sites
            .get(s.index())
            .map(|s| (s.arg_words, s.result_words))
    }

    fn desc_words(&self, addr: u64) -> Option<u32> {
        self.descs
            .iter()
            .flatten()
            .find(|d| std::ptr::eq(**d, addr as *const TypeDesc))
            .map(|d| d.words() as u32)
    }
}

/// Why a function has no SSA graph (bytecode the verifier should have
/// refused, or a width the program does not give).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BuildError {
    Empty,
    /// A branch or fall-through leaves the code.
    BadTarget {
        pc: u32,
    },
    /// A slot outside the frame.
    BadSlot {
        pc: u32,
        slot: Slot,
    },
    /// A callee, site or descriptor the program does not know.
    Unknown {
        pc: u32,
        what: String,
    },
    /// An operand kind where the builder does not expect it.
    Unexpected {
        pc: u32,
        what: String,
    },
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Empty => write!(f, "no instructions"),
            BuildError::BadTarget { pc } => write!(f, "pc {pc}: control leaves the code"),
            BuildError::BadSlot { pc, slot } => write!(f, "pc {pc}: slot {slot} outside the frame"),
            BuildError::Unknown { pc, what } => write!(f, "pc {pc}: unknown {what}"),
            BuildError::Unexpected { pc, what } => write!(f, "pc {pc}: unexpected {what}"),
        }
    }
}

type R<T> = Result<T, BuildError>;

/// The SSA graph of function `id` of `prog`.
pub fn build_func(prog: &Program, id: FuncId) -> R<Graph> {
    let f = prog.funcs.get(id.index()).ok_or(BuildError::Unknown {
        pc: 0,
        what: format!("function {}", id.0),
    })?;
    build(f, prog)
}

/// The SSA graph of `f`.
pub fn build(f: &Function, sigs: &dyn Signatures) -> R<Graph> {
    Builder::new(f, sigs, None)?.run()
}

/// The graph of `f` entered at bytecode `pc` with its frame as another
/// tier left it (on-stack replacement): the entry block loads every slot
/// that is a value from the frame and jumps to `pc`; code only reachable
/// before `pc` is left out.
pub fn build_osr(f: &Function, sigs: &dyn Signatures, pc: u32) -> R<Graph> {
    Builder::new(f, sigs, Some(pc))?.run()
}

/// Which way an edge leaves a block's last instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Succ {
    Fall,
    Target,
}

struct Builder<'a> {
    f: &'a Function,
    sigs: &'a dyn Signatures,
    g: Graph,
    /// Per block: its pc range (empty for a synthetic entry).
    range: Vec<(u32, u32)>,
    /// Per block: its successors as the bytecode gives them.
    edges: Vec<Vec<(BlockId, Succ)>>,
    /// Per block: its predecessors, one per edge.
    preds: Vec<Vec<(BlockId, Succ)>>,
    /// Per block: the value each slot holds at the end of what is built.
    defs: Vec<Vec<Option<InsnId>>>,
    /// Per block and slot: the value the slot holds at the block's entry,
    /// where some read asked for it (a slot live at the entry).
    entry_defs: Vec<Vec<Option<InsnId>>>,
    sealed: Vec<bool>,
    filled: Vec<bool>,
    incomplete: Vec<Vec<(Slot, InsnId)>>,
    /// A block parameter's incoming values, by predecessor index.
    phi_ops: HashMap<InsnId, Vec<InsnId>>,
    /// Per block: which bytecode successor each terminator edge is.
    term_succ: Vec<Vec<Succ>>,
    /// Entered at a pc other than 0 (on-stack replacement).
    osr: bool,
    /// Slots that live in frame memory.
    mem: Vec<bool>,
    slot_ty: Vec<Ty>,
    /// Zeroes of slots read before written, placed first in the entry block.
    entry_prefix: Vec<InsnId>,
    cur: BlockId,
    pc: u32,
}

impl<'a> Builder<'a> {
    fn new(f: &'a Function, sigs: &'a dyn Signatures, osr: Option<u32>) -> R<Builder<'a>> {
        let n = f.code.len() as u32;
        if n == 0 {
            return Err(BuildError::Empty);
        }
        let fs = f.frame_size as usize;
        let start = osr.unwrap_or(0);
        if start >= n {
            return Err(BuildError::BadTarget { pc: start });
        }
        // Leaders.
        let mut leader = vec![false; n as usize + 2];
        leader[0] = true;
        leader[start as usize] = true;
        for (pc, op) in f.code.iter().enumerate() {
            let pc = pc as u32;
            let facts = op.facts();
            if let Some(t) = op.target() {
                if t >= n {
                    return Err(BuildError::BadTarget { pc });
                }
                leader[t as usize] = true;
            }
            if op.target().is_some() || facts.end {
                leader[pc as usize + 1] = true;
            }
            if facts.skips {
                leader[pc as usize + 2] = true;
            }
        }
        let starts: Vec<u32> = (0..n).filter(|&p| leader[p as usize]).collect();
        let block_at = |pc: u32| starts.binary_search(&pc).ok();
        // Successors of each bytecode block.
        let mut bc_edges: Vec<Vec<(usize, Succ)>> = Vec::new();
        for (i, _) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(n);
            let last = end - 1;
            let op = &f.code[last as usize];
            let facts = op.facts();
            let mut e = Vec::new();
            if !facts.end {
                let fall = if facts.skips { last + 2 } else { last + 1 };
                e.push((
                    block_at(fall).ok_or(BuildError::BadTarget { pc: last })?,
                    Succ::Fall,
                ));
            }
            if let Some(t) = op.target() {
                e.push((
                    block_at(t).ok_or(BuildError::BadTarget { pc: last })?,
                    Succ::Target,
                ));
            }
            bc_edges.push(e);
        }
        // Reachable blocks, numbered in pc order.
        let si = starts
            .binary_search(&start)
            .map_err(|_| BuildError::BadTarget { pc: start })?;
        let mut reach = vec![false; starts.len()];
        let mut stack = vec![si];
        reach[si] = true;
        // (An OSR graph always gets an entry block of its own.)
        let mut entry_targeted = osr.is_some();
        while let Some(b) = stack.pop() {
            for &(s, _) in &bc_edges[b] {
                entry_targeted |= s == si;
                if !reach[s] {
                    reach[s] = true;
                    stack.push(s);
                }
            }
        }
        let mut id_of = vec![None; starts.len()];
        let mut range = Vec::new();
        if entry_targeted {
            range.push((start, start));
        }
        for (i, &s) in starts.iter().enumerate() {
            if reach[i] {
                id_of[i] = Some(BlockId(range.len() as u32));
                range.push((s, starts.get(i + 1).copied().unwrap_or(n)));
            }
        }
        let nb = range.len();
        let mut edges = vec![Vec::new(); nb];
        if entry_targeted {
            let first = id_of[si].ok_or(BuildError::BadTarget { pc: start })?;
            edges[0].push((first, Succ::Fall));
        }
        for (i, e) in bc_edges.iter().enumerate() {
            if let Some(b) = id_of[i] {
                edges[b.index()] = e
                    .iter()
                    .filter_map(|&(s, k)| id_of[s].map(|t| (t, k)))
                    .collect();
            }
        }
        let mut preds = vec![Vec::new(); nb];
        for (b, e) in edges.iter().enumerate() {
            for &(t, k) in e {
                preds[t.index()].push((BlockId(b as u32), k));
            }
        }
        // Slots reached by computed address, and each slot's word type.
        let mut mem = vec![false; fs];
        let mut float = vec![false; fs];
        for (pc, op) in f.code.iter().enumerate() {
            for o in op.reads().iter().chain(op.writes().iter()) {
                let reach = match o.kind {
                    Kind::Array { .. } | Kind::Elems { .. } => o.range(),
                    Kind::Frame => o.slot..f.frame_size.max(o.slot),
                    Kind::Float => {
                        for s in o.range() {
                            *float.get_mut(s as usize).ok_or(BuildError::BadSlot {
                                pc: pc as u32,
                                slot: s,
                            })? = true;
                        }
                        continue;
                    }
                    _ => continue,
                };
                for s in reach {
                    *mem.get_mut(s as usize).ok_or(BuildError::BadSlot {
                        pc: pc as u32,
                        slot: s,
                    })? = true;
                }
            }
        }
        // Slots another activation reads after this one (a deferred-call
        // body's results) stay in memory.
        for &s in &f.in_memory {
            *mem.get_mut(s as usize)
                .ok_or(BuildError::BadSlot { pc: 0, slot: s })? = true;
        }
        // Copies keep float bits float (a constant moved into a float
        // variable, a float moved into a call's window).
        loop {
            let mut changed = false;
            for op in &f.code {
                for o in op.writes().iter() {
                    if let Kind::CopyOf(src) = o.kind {
                        for k in 0..o.words {
                            let (d, s) = ((o.slot + k) as usize, (src + k) as usize);
                            if d < fs && s < fs && float[d] != float[s] {
                                float[d] = true;
                                float[s] = true;
                                changed = true;
                            }
                        }
                    }
                }
            }
            if !changed {
                break;
            }
        }
        let slot_ty = (0..fs)
            .map(|s| {
                let ptr = f.ptr_slots.get(s).copied().unwrap_or(true);
                if float[s] {
                    Ty::Float
                } else if ptr {
                    Ty::Ptr
                } else {
                    Ty::Int
                }
            })
            .collect();
        let g = Graph {
            name: f.name.clone(),
            insns: Vec::new(),
            blocks: range
                .iter()
                .map(|&(s, _)| Block {
                    params: vec![],
                    insns: vec![],
                    term: None,
                    pc: s,
                    inlined: false,
                    cold: false,
                    unlikely: false,
                    term_pc: None,
                    entry_state: None,
                })
                .collect(),
            entry: BlockId(0),
            result_words: f.result_words,
            in_bounds: Default::default(),
            frame_bufs: 0,
            inline_ctxs: Vec::new(),
        };
        Ok(Builder {
            f,
            sigs,
            g,
            range,
            edges,
            preds,
            defs: vec![vec![None; fs]; nb],
            entry_defs: vec![vec![None; fs]; nb],
            sealed: vec![false; nb],
            filled: vec![false; nb],
            incomplete: vec![Vec::new(); nb],
            phi_ops: HashMap::new(),
            term_succ: vec![Vec::new(); nb],
            mem,
            slot_ty,
            entry_prefix: Vec::new(),
            cur: BlockId(0),
            pc: 0,
            osr: osr.is_some(),
        })
    }

    fn run(mut self) -> R<Graph> {
        // The function's parameters.
        let entry = BlockId(0);
        self.cur = entry;
        if self.osr {
            // Every slot that is a value comes from the frame; frame arrays
            // are already there.
            for s in 0..self.f.frame_size {
                if !self.mem[s as usize] {
                    let p = self.new_param(entry, s);
                    self.defs[0][s as usize] = Some(p);
                }
            }
        }
        for s in 0..self.f.param_words.min(self.f.frame_size) {
            if self.osr {
                break;
            }
            let p = self.new_param(entry, s);
            if self.mem[s as usize] {
                let v = self.push(Insn::StoreSlot { slot: s, v: p }, Ty::Void);
                self.entry_prefix.push(v);
            } else {
                self.defs[0][s as usize] = Some(p);
            }
        }
        let order = self.order();
        for b in order {
            if !self.sealed[b.index()] && self.preds_filled(b) {
                self.seal(b);
            }
            self.fill(b)?;
            self.filled[b.index()] = true;
            for (s, _) in self.edges[b.index()].clone() {
                if !self.sealed[s.index()] && self.preds_filled(s) {
                    self.seal(s);
                }
            }
        }
        for b in 0..self.g.blocks.len() {
            if !self.sealed[b] {
                self.seal(BlockId(b as u32));
            }
        }
        self.finish()
    }

    /// Reverse postorder of the blocks.
    fn order(&self) -> Vec<BlockId> {
        reverse_postorder(self.g.blocks.len(), BlockId(0), |b| {
            self.edges[b.index()]
                .iter()
                .map(|&(s, _)| s)
                .collect::<Vec<BlockId>>()
        })
    }

    fn preds_filled(&self, b: BlockId) -> bool {
        self.preds[b.index()]
            .iter()
            .all(|(p, _)| self.filled[p.index()])
    }

    // ----- values of slots (Braun et al.) -----

    fn push(&mut self, insn: Insn, ty: Ty) -> InsnId {
        let id = InsnId(self.g.insns.len() as u32);
        self.g.insns.push(InsnData {
            insn,
            ty,
            pc: self.pc,
            ctx: 0,
        });
        id
    }

    /// Appends an instruction to the current block.
    fn emit(&mut self, insn: Insn, ty: Ty) -> InsnId {
        let id = self.push(insn, ty);
        self.g.blocks[self.cur.index()].insns.push(id);
        id
    }

    fn new_param(&mut self, b: BlockId, slot: Slot) -> InsnId {
        let ty = self.slot_ty[slot as usize];
        let pc = self.pc;
        self.pc = self.range[b.index()].0;
        let id = self.push(Insn::Param { slot }, ty);
        self.pc = pc;
        self.g.blocks[b.index()].params.push(id);
        id
    }

    fn read_var(&mut self, s: Slot, b: BlockId) -> InsnId {
        if let Some(v) = self.defs[b.index()][s as usize] {
            return v;
        }
        let v = if !self.sealed[b.index()] {
            let p = self.new_param(b, s);
            self.incomplete[b.index()].push((s, p));
            p
        } else {
            match self.preds[b.index()].len() {
                0 => {
                    // Read before written: the zero every entry stores.
                    let pc = self.pc;
                    self.pc = 0;
                    let z = self.push(Insn::Const { bits: 0 }, self.slot_ty[s as usize]);
                    self.pc = pc;
                    self.entry_prefix.push(z);
                    z
                }
                1 => {
                    let p = self.preds[b.index()][0].0;
                    self.read_var(s, p)
                }
                _ => {
                    let p = self.new_param(b, s);
                    self.defs[b.index()][s as usize] = Some(p);
                    self.add_phi_operands(s, p, b);
                    p
                }
            }
        };
        self.defs[b.index()][s as usize] = Some(v);
        // (The block had not written the slot: this is its entry value.)
        self.entry_defs[b.index()][s as usize] = Some(v);
        v
    }

    fn add_phi_operands(&mut self, s: Slot, p: InsnId, b: BlockId) {
        let preds = self.preds[b.index()].clone();
        let ops = preds.iter().map(|&(q, _)| self.read_var(s, q)).collect();
        self.phi_ops.insert(p, ops);
    }

    fn seal(&mut self, b: BlockId) {
        while let Some((s, p)) = self.incomplete[b.index()].pop() {
            self.add_phi_operands(s, p, b);
        }
        self.sealed[b.index()] = true;
    }

    fn check(&self, s: Slot) -> R<()> {
        if (s as usize) < self.mem.len() {
            Ok(())
        } else {
            Err(BuildError::BadSlot {
                pc: self.pc,
                slot: s,
            })
        }
    }

    /// The value of slot `s` here.
    fn read(&mut self, s: Slot) -> R<InsnId> {
        self.check(s)?;
        Ok(if self.mem[s as usize] {
            let ty = self.slot_ty[s as usize];
            self.emit(Insn::LoadSlot { slot: s }, ty)
        } else {
            self.read_var(s, self.cur)
        })
    }

    fn read_n(&mut self, s: Slot, n: u32) -> R<Vec<InsnId>> {
        (s..s + n).map(|x| self.read(x)).collect()
    }

    /// Slot `s` holds `v` from here on.
    fn write(&mut self, s: Slot, v: InsnId) -> R<()> {
        self.check(s)?;
        if self.mem[s as usize] {
            self.emit(Insn::StoreSlot { slot: s, v }, Ty::Void);
        } else {
            self.defs[self.cur.index()][s as usize] = Some(v);
        }
        Ok(())
    }

    fn ty(&self, s: Slot) -> R<Ty> {
        self.check(s)?;
        Ok(self.slot_ty[s as usize])
    }

    // ----- instructions -----

    /// `n` words of element `i` (of `stride` words, from word `off`) of
    /// the slice (`ptr`, `len`) into slots `d`...: one `SliceLoad` each.
    fn elem_loads(
        &mut self,
        d: Slot,
        (ptr, len, i): (InsnId, InsnId, InsnId),
        stride: u32,
        off: u32,
        n: u32,
    ) -> R<()> {
        let mut vs = Vec::new();
        for k in 0..n {
            let ty = self.ty(d + k)?;
            let off = off + k;
            vs.push(self.emit(
                Insn::SliceLoad {
                    ptr,
                    len,
                    i,
                    stride,
                    off,
                },
                ty,
            ));
        }
        for (k, v) in vs.into_iter().enumerate() {
            self.write(d + k as u32, v)?;
        }
        Ok(())
    }

    /// Slots `v`... into `n` words of element `i` of the slice (`ptr`,
    /// `len`): one `SliceStore` each.
    fn elem_stores(
        &mut self,
        (ptr, len, i): (InsnId, InsnId, InsnId),
        v: Slot,
        stride: u32,
        off: u32,
        n: u32,
    ) -> R<()> {
        let vs = self.read_n(v, n)?;
        for (k, v) in vs.into_iter().enumerate() {
            let off = off + k as u32;
            self.emit(
                Insn::SliceStore {
                    ptr,
                    len,
                    i,
                    stride,
                    off,
                    v,
                },
                Ty::Void,
            );
        }
        Ok(())
    }

    fn konst(&mut self, v: i64) -> InsnId {
        self.emit(Insn::Const { bits: v as u64 }, Ty::Int)
    }

    fn bin(&mut self, op: BinOp, d: Slot, a: Slot, b: Slot) -> R<()> {
        let (a, b) = (self.read(a)?, self.read(b)?);
        let ty = if op.float() { Ty::Float } else { Ty::Int };
        let v = self.emit(Insn::Bin { op, a, b }, ty);
        self.write(d, v)
    }

    fn bin_imm(&mut self, op: BinOp, d: Slot, a: Slot, imm: i64) -> R<()> {
        let a = self.read(a)?;
        let k = self.konst(imm);
        let v = self.emit(Insn::Bin { op, a, b: k }, Ty::Int);
        self.write(d, v)
    }

    fn un(&mut self, op: UnOp, d: Slot, s: Slot) -> R<()> {
        let a = self.read(s)?;
        let v = self.emit(Insn::Un { op, a }, op.types().1);
        self.write(d, v)
    }

    fn cmp(&mut self, c: Cmp, kind: CmpKind, a: InsnId, b: InsnId) -> InsnId {
        self.emit(Insn::Cmp { c, kind, a, b }, Ty::Int)
    }

    fn signed(signed: bool) -> CmpKind {
        if signed {
            CmpKind::Signed
        } else {
            CmpKind::Unsigned
        }
    }

    /// Ends the block: to the fall-through when `cond` holds, else to the
    /// branch target (`swap`: the other way round).
    fn branch(&mut self, cond: InsnId, swap: bool) {
        let (t, e) = if swap {
            (Succ::Target, Succ::Fall)
        } else {
            (Succ::Fall, Succ::Target)
        };
        let then = self.edge(t);
        let else_ = self.edge(e);
        self.term(Term::Branch { cond, then, else_ }, vec![t, e]);
    }

    fn edge(&self, k: Succ) -> Edge {
        let block = self.edges[self.cur.index()]
            .iter()
            .find(|e| e.1 == k)
            .map(|e| e.0)
            .unwrap_or(BlockId(u32::MAX));
        Edge {
            block,
            args: vec![],
        }
    }

    fn term(&mut self, t: Term, succ: Vec<Succ>) {
        self.term_succ[self.cur.index()] = succ;
        self.g.blocks[self.cur.index()].term = Some(t);
        self.g.blocks[self.cur.index()].term_pc = Some(self.pc);
    }

    /// A call's value: its one result word, or a tuple read word by word.
    fn results(&mut self, insn: Insn, base: Slot, rw: u32) -> R<()> {
        let ty = match rw {
            0 => Ty::Void,
            1 => self.ty(base)?,
            n => Ty::Tuple(n),
        };
        let v = self.emit(insn, ty);
        self.outputs(v, &(base..base + rw).collect::<Vec<_>>(), None)
    }

    /// Writes the words of `v` to `slots` (`tys`: their types, else the slots').
    fn outputs(&mut self, v: InsnId, slots: &[Slot], tys: Option<&[Ty]>) -> R<()> {
        if slots.len() == 1 {
            return self.write(slots[0], v);
        }
        for (k, &s) in slots.iter().enumerate() {
            let ty = match tys {
                Some(t) => t[k],
                None => self.ty(s)?,
            };
            let p = self.emit(
                Insn::Proj {
                    of: v,
                    index: k as u32,
                },
                ty,
            );
            self.write(s, p)?;
        }
        Ok(())
    }

    fn unknown(&self, what: String) -> BuildError {
        BuildError::Unknown { pc: self.pc, what }
    }

    fn unexpected(&self, op: &Op, what: &str) -> BuildError {
        BuildError::Unexpected {
            pc: self.pc,
            what: format!("{what} operand of {}", op.name()),
        }
    }

    /// Any instruction, as it is: the words the table says it reads are
    /// its arguments, the words it writes its result (`sized`: the width
    /// of its `Sized` operands).
    fn generic(&mut self, op: &Op, sized: Option<u32>) -> R<()> {
        let mut args = Vec::new();
        for o in op.reads().iter() {
            match o.kind {
                Kind::Int
                | Kind::Float
                | Kind::Ptr
                | Kind::Str
                | Kind::Slice
                | Kind::Iface
                | Kind::Ints
                | Kind::Words => {
                    for s in o.range() {
                        args.push(self.read(s)?);
                    }
                }
                Kind::Sized => {
                    let w = sized.ok_or_else(|| self.unexpected(op, "sized"))?;
                    for s in o.slot..o.slot + w {
                        args.push(self.read(s)?);
                    }
                }
                // In frame memory.
                Kind::Array { .. } | Kind::Frame => {}
                Kind::Elems { .. } | Kind::CopyOf(_) | Kind::Args | Kind::Results(_) => {
                    return Err(self.unexpected(op, "read"));
                }
            }
        }
        let mut out: Vec<(Slot, Ty)> = Vec::new();
        for o in op.writes().iter() {
            let tys: Vec<Ty> = match o.kind {
                Kind::Int | Kind::Ints => vec![Ty::Int; o.words as usize],
                Kind::Float => vec![Ty::Float],
                Kind::Ptr => vec![Ty::Ptr],
                Kind::Str => vec![Ty::Ptr, Ty::Int],
                Kind::Slice => vec![Ty::Ptr, Ty::Int, Ty::Int],
                Kind::Iface => vec![Ty::Int, Ty::Ptr],
                Kind::Words | Kind::CopyOf(_) => {
                    o.range().map(|s| self.ty(s)).collect::<R<Vec<Ty>>>()?
                }
                // In frame memory.
                Kind::Elems { .. } | Kind::Frame => vec![],
                Kind::Array { .. } | Kind::Sized | Kind::Args | Kind::Results(_) => {
                    return Err(self.unexpected(op, "written"));
                }
            };
            if !tys.is_empty() {
                out.extend(o.range().zip(tys));
            }
        }
        let ty = match out.len() {
            0 => Ty::Void,
            1 => out[0].1,
            n => Ty::Tuple(n as u32),
        };
        let v = self.emit(
            Insn::Bytecode {
                op: op.clone(),
                args,
                inlined_from: None,
            },
            ty,
        );
        if !out.is_empty() {
            let (slots, tys): (Vec<Slot>, Vec<Ty>) = out.into_iter().unzip();
            self.outputs(v, &slots, Some(&tys))?;
        }
        if op.facts().end {
            self.term(Term::Unreachable, vec![]);
        }
        Ok(())
    }

    fn fill(&mut self, b: BlockId) -> R<()> {
        self.cur = b;
        let (start, end) = self.range[b.index()];
        self.pc = start;
        for pc in start..end {
            self.pc = pc;
            let op = &self.f.code[pc as usize];
            self.op(op)?;
        }
        if self.g.blocks[b.index()].term.is_none() {
            let e = self.edge(Succ::Fall);
            self.term(Term::Jump(e), vec![Succ::Fall]);
        }
        Ok(())
    }

    /// One bytecode instruction.
    fn op(&mut self, op: &Op) -> R<()> {
        match *op {
            Op::Const { d, v } => {
                let ty = self.ty(d)?;
                let c = self.emit(Insn::Const { bits: v }, ty);
                self.write(d, c)?;
            }
            Op::Zero { d, n } => {
                for s in d..d + n {
                    let ty = self.ty(s)?;
                    let c = self.emit(Insn::Const { bits: 0 }, ty);
                    self.write(s, c)?;
                }
            }
            Op::Move { d, s } => {
                let v = self.read(s)?;
                self.write(d, v)?;
            }
            Op::MoveN { d, s, n } => {
                let vs = self.read_n(s, n)?;
                for (k, v) in vs.into_iter().enumerate() {
                    self.write(d + k as u32, v)?;
                }
            }
            Op::AddI { d, a, b } => self.bin(BinOp::AddI, d, a, b)?,
            Op::SubI { d, a, b } => self.bin(BinOp::SubI, d, a, b)?,
            Op::MulI { d, a, b } => self.bin(BinOp::MulI, d, a, b)?,
            Op::DivS { d, a, b } => self.bin(BinOp::DivS, d, a, b)?,
            Op::DivU { d, a, b } => self.bin(BinOp::DivU, d, a, b)?,
            Op::RemS { d, a, b } => self.bin(BinOp::RemS, d, a, b)?,
            Op::RemU { d, a, b } => self.bin(BinOp::RemU, d, a, b)?,
            Op::And { d, a, b } => self.bin(BinOp::And, d, a, b)?,
            Op::Or { d, a, b } => self.bin(BinOp::Or, d, a, b)?,
            Op::Xor { d, a, b } => self.bin(BinOp::Xor, d, a, b)?,
            Op::AndNot { d, a, b } => self.bin(BinOp::AndNot, d, a, b)?,
            Op::Shl { d, a, b } => self.bin(BinOp::Shl, d, a, b)?,
            Op::ShrS { d, a, b } => self.bin(BinOp::ShrS, d, a, b)?,
            Op::ShrU { d, a, b } => self.bin(BinOp::ShrU, d, a, b)?,
            Op::AddF { d, a, b } => self.bin(BinOp::AddF, d, a, b)?,
            Op::SubF { d, a, b } => self.bin(BinOp::SubF, d, a, b)?,
            Op::MulF { d, a, b } => self.bin(BinOp::MulF, d, a, b)?,
            Op::DivF { d, a, b } => self.bin(BinOp::DivF, d, a, b)?,
            Op::AddImm { d, a, imm } => self.bin_imm(BinOp::AddI, d, a, imm)?,
            Op::AndImm { d, a, imm } => self.bin_imm(BinOp::And, d, a, imm)?,
            Op::MulImm { d, a, imm } => self.bin_imm(BinOp::MulI, d, a, imm)?,
            Op::CheckShift { s } => {
                let a = self.read(s)?;
                self.emit(Insn::CheckShift { a }, Ty::Void);
            }
            Op::NegI { d, s } => self.un(UnOp::NegI, d, s)?,
            Op::NotI { d, s } => self.un(UnOp::NotI, d, s)?,
            Op::Not { d, s } => self.un(UnOp::Not, d, s)?,
            Op::Trunc { d, s, k } => self.un(UnOp::Trunc(k), d, s)?,
            Op::NegF { d, s } => self.un(UnOp::NegF, d, s)?,
            Op::IToF { d, s, signed } => self.un(UnOp::IToF { signed }, d, s)?,
            Op::RoundF32 { d, s } => self.un(UnOp::RoundF32, d, s)?,
            Op::FToI { d, s, signed, w32 } => self.un(UnOp::FToI { signed, w32 }, d, s)?,
            Op::CmpI { d, a, b, c, signed } => {
                let (a, b) = (self.read(a)?, self.read(b)?);
                let v = self.cmp(c, Self::signed(signed), a, b);
                self.write(d, v)?;
            }
            Op::CmpImm { d, a, imm, c } => {
                let a = self.read(a)?;
                let k = self.konst(imm);
                let v = self.cmp(c, CmpKind::Signed, a, k);
                self.write(d, v)?;
            }
            Op::CmpF { d, a, b, c } => {
                let (a, b) = (self.read(a)?, self.read(b)?);
                let v = self.cmp(c, CmpKind::Float, a, b);
                self.write(d, v)?;
            }
            Op::Load { d, p, off, n } => {
                let p = self.read(p)?;
                let mut vs = Vec::new();
                for k in 0..n {
                    let ty = self.ty(d + k)?;
                    vs.push(self.emit(Insn::Load { p, off: off + k }, ty));
                }
                for (k, v) in vs.into_iter().enumerate() {
                    self.write(d + k as u32, v)?;
                }
            }
            Op::Store { p, off, s, n } => {
                let p = self.read(p)?;
                let vs = self.read_n(s, n)?;
                for (k, v) in vs.into_iter().enumerate() {
                    let off = off + k as u32;
                    self.emit(Insn::Store { p, off, v }, Ty::Void);
                }
            }
            Op::AddrOff { d, p, off } => {
                let p = self.read(p)?;
                let v = self.emit(Insn::AddrOff { p, off }, Ty::Ptr);
                self.write(d, v)?;
            }
            Op::AddrG { d, addr } => {
                let v = self.emit(Insn::AddrG { addr }, Ty::Ptr);
                self.write(d, v)?;
            }
            Op::LoadG { d, addr, n } => {
                for k in 0..n {
                    let ty = self.ty(d + k)?;
                    let addr = addr.wrapping_add(8 * k as u64);
                    let v = self.emit(Insn::LoadG { addr }, ty);
                    self.write(d + k, v)?;
                }
            }
            Op::StoreG { addr, s, n } => {
                let vs = self.read_n(s, n)?;
                for (k, v) in vs.into_iter().enumerate() {
                    let addr = addr.wrapping_add(8 * k as u64);
                    self.emit(Insn::StoreG { addr, v }, Ty::Void);
                }
            }
            Op::SliceAddr { d, s, i, stride } => {
                let (ptr, len, i) = (self.read(s)?, self.read(s + 1)?, self.read(i)?);
                let v = self.emit(
                    Insn::SliceAddr {
                        ptr,
                        len,
                        i,
                        stride,
                    },
                    Ty::Ptr,
                );
                self.write(d, v)?;
            }
            Op::SliceLoad {
                d,
                s,
                i,
                stride,
                off,
                n,
            } => {
                let (ptr, len, i) = (self.read(s)?, self.read(s + 1)?, self.read(i)?);
                self.elem_loads(d, (ptr, len, i), stride, off, n)?;
            }
            // A `[]byte`'s element: one byte (`stride` PACKED).
            Op::SliceLoadB { d, s, i } => {
                let (ptr, len, i) = (self.read(s)?, self.read(s + 1)?, self.read(i)?);
                self.elem_loads(d, (ptr, len, i), PACKED, 0, 1)?;
            }
            Op::SliceStoreB { s, i, v } => {
                let (ptr, len, i) = (self.read(s)?, self.read(s + 1)?, self.read(i)?);
                self.elem_stores((ptr, len, i), v, PACKED, 0, 1)?;
            }
            // A frame array indexed at run time: the elements of a "slice"
            // at the array's first slot, of its constant length (its slots
            // live in memory; the same bounds check and Go's message).
            Op::FrameLoadIdx {
                d,
                base,
                i,
                len,
                stride,
                off,
                n,
            } => {
                let ptr = self.emit(Insn::FrameAddr { slot: base }, Ty::Ptr);
                let len = self.konst(len as i64);
                let i = self.read(i)?;
                self.elem_loads(d, (ptr, len, i), stride, off, n)?;
            }
            Op::FrameStoreIdx {
                base,
                i,
                v,
                len,
                stride,
                off,
                n,
            } => {
                let ptr = self.emit(Insn::FrameAddr { slot: base }, Ty::Ptr);
                let len = self.konst(len as i64);
                let i = self.read(i)?;
                self.elem_stores((ptr, len, i), v, stride, off, n)?;
            }
            Op::SliceStore {
                s,
                i,
                v,
                stride,
                off,
                n,
            } => {
                let (ptr, len, i) = (self.read(s)?, self.read(s + 1)?, self.read(i)?);
                self.elem_stores((ptr, len, i), v, stride, off, n)?;
            }
            Op::CheckIndex { i, len } => {
                let i = self.read(i)?;
                self.emit(Insn::CheckIndex { i, len }, Ty::Void);
            }
            Op::Call { func, base, edge } => {
                let (aw, rw) = self
                    .sigs
                    .func(func)
                    .ok_or_else(|| self.unknown(format!("function {}", func.0)))?;
                let args = self.read_n(base, aw)?;
                self.results(Insn::Call { func, args, edge }, base, rw)?;
            }
            Op::CallClosure { f, base, site } => {
                let (aw, rw) = self
                    .sigs
                    .site(site)
                    .ok_or_else(|| self.unknown(format!("site {}", site.0)))?;
                let f = self.read(f)?;
                let args = self.read_n(base, aw)?;
                self.results(Insn::CallClosure { site, f, args }, base, rw)?;
            }
            Op::CallIface {
                recv,
                method,
                base,
                site,
            } => {
                let (aw, rw) = self
                    .sigs
                    .site(site)
                    .ok_or_else(|| self.unknown(format!("site {}", site.0)))?;
                let recv = [self.read(recv)?, self.read(recv + 1)?];
                let args = self.read_n(base + 1, aw.saturating_sub(1))?;
                // The call writes the data word to the window's first slot.
                self.write(base, recv[1])?;
                self.results(
                    Insn::CallIface {
                        site,
                        method,
                        recv,
                        args,
                    },
                    base,
                    rw,
                )?;
            }
            Op::CallNative { native, base } => {
                let args = self.read_n(base, native.arg_words())?;
                self.results(
                    Insn::CallNative { native, args },
                    base,
                    native.result_words(),
                )?;
            }
            Op::LoadCtx { d } => {
                let v = self.emit(Insn::LoadCtx, Ty::Ptr);
                self.write(d, v)?;
            }
            Op::RetLoad { p, off } => {
                let p = self.read(p)?;
                // A result word of any type.
                let v = self.emit(Insn::Load { p, off }, Ty::Ptr);
                self.term(Term::Return(vec![v]), vec![]);
            }
            Op::Ret { s, n } => {
                let vs = self.read_n(s, n)?;
                self.term(Term::Return(vs), vec![]);
            }
            Op::Jmp { .. } => {
                let e = self.edge(Succ::Target);
                self.term(Term::Jump(e), vec![Succ::Target]);
            }
            Op::JfCmpI {
                a, b, c, signed, ..
            } => {
                let (a, b) = (self.read(a)?, self.read(b)?);
                let cond = self.cmp(c, Self::signed(signed), a, b);
                self.branch(cond, false);
            }
            Op::JfCmpImm { a, imm, c, .. } => {
                let a = self.read(a)?;
                let k = self.konst(imm);
                let cond = self.cmp(c, CmpKind::Signed, a, k);
                self.branch(cond, false);
            }
            Op::Jz { c, .. } => {
                let cond = self.read(c)?;
                self.branch(cond, false);
            }
            Op::Jnz { c, .. } => {
                let cond = self.read(c)?;
                self.branch(cond, true);
            }
            Op::LoadAddI { t, p, off, d, a, b } => {
                let p = self.read(p)?;
                let ty = self.ty(t)?;
                let x = self.emit(Insn::Load { p, off }, ty);
                self.write(t, x)?;
                self.bin(BinOp::AddI, d, a, b)?;
            }
            Op::AddImmJfCmpI {
                d,
                a,
                imm,
                b,
                c,
                signed,
                ..
            } => {
                self.bin_imm(BinOp::AddI, d, a, imm)?;
                let (x, b) = (self.read(d)?, self.read(b)?);
                let cond = self.cmp(c, Self::signed(signed), x, b);
                self.branch(cond, false);
            }
            Op::AddImmJfCmpImm {
                d, a, imm, k, c, ..
            } => {
                self.bin_imm(BinOp::AddI, d, a, imm)?;
                let x = self.read(d)?;
                let k = self.konst(k);
                let cond = self.cmp(c, CmpKind::Signed, x, k);
                self.branch(cond, false);
            }
            // The interpreter's superinstructions, as the instructions they
            // stand for.
            Op::MoveCall { .. }
            | Op::MoveCallIface { .. }
            | Op::AndImmMulImm { .. }
            | Op::AndImmSliceLoad { .. }
            | Op::AddIRet { .. }
            | Op::LoadAddIRet { .. } => {
                for part in crate::bytecode::peephole::flat_parts(op) {
                    self.op(&part)?;
                }
            }
            Op::ValueEq { ty, .. } => {
                let w = self
                    .sigs
                    .desc_words(ty)
                    .ok_or_else(|| self.unknown("type descriptor".into()))?;
                self.generic(op, Some(w))?;
            }
            // Run as they are, for now.
            Op::SliceAddrB { .. }
            | Op::LoadB { .. }
            | Op::StoreB { .. }
            | Op::StrConcat { .. }
            | Op::StrCmp { .. }
            | Op::StrIndex { .. }
            | Op::StrSlice { .. }
            | Op::StrDecodeRune { .. }
            | Op::StrFromRune { .. }
            | Op::StrFromBytes { .. }
            | Op::BytesFromStr { .. }
            | Op::StrFromRunes { .. }
            | Op::RunesFromStr { .. }
            | Op::Alloc { .. }
            | Op::FrameLoadDyn { .. }
            | Op::FrameStoreDyn { .. }
            | Op::SliceSlice { .. }
            | Op::ArraySlice { .. }
            | Op::MakeSlice { .. }
            | Op::Append { .. }
            | Op::AppendSlice { .. }
            | Op::Copy { .. }
            | Op::MakeIface { .. }
            | Op::IfaceToIface { .. }
            | Op::AssertType { .. }
            | Op::AssertIface { .. }
            | Op::IfaceEq { .. }
            | Op::MakeClosure { .. }
            | Op::Panic { .. }
            | Op::PanicNil
            | Op::PanicRangeDone { .. }
            | Op::Print { .. }
            | Op::SliceClear { .. }
            | Op::MapMake { .. }
            | Op::MapIndex { .. }
            | Op::MapAssign { .. }
            | Op::MapDelete { .. }
            | Op::MapLen { .. }
            | Op::MapClear { .. }
            | Op::MapIter { .. }
            | Op::MapNext { .. }
            | Op::DeferPush { .. }
            | Op::ChanMake { .. }
            | Op::ChanSend { .. }
            | Op::ChanRecv { .. }
            | Op::ChanClose { .. }
            | Op::ChanLen { .. }
            | Op::Select { .. }
            | Op::Go { .. }
            | Op::IToF32 { .. }
            | Op::DivC { .. }
            | Op::Recover { .. }
            | Op::PrintNl => self.generic(op, None)?,
            // (Refused before building: `opt::graph_of`.)
            Op::Protect { .. } => return Err(self.unexpected(op, "a deferred-call frame's")),
        }
        Ok(())
    }

    // ----- the end: trivial parameters out, edge arguments in -----

    fn finish(mut self) -> R<Graph> {
        let mut forward: HashMap<InsnId, InsnId> = HashMap::new();
        fn resolve(fw: &HashMap<InsnId, InsnId>, mut x: InsnId) -> InsnId {
            while let Some(&y) = fw.get(&x) {
                x = y;
            }
            x
        }
        let entry = self.g.entry;
        loop {
            let mut changed = false;
            for b in 1..self.g.blocks.len() {
                for &p in &self.g.blocks[b].params {
                    if forward.contains_key(&p) {
                        continue;
                    }
                    let Some(ops) = self.phi_ops.get(&p) else {
                        continue;
                    };
                    let mut same = None;
                    let mut trivial = true;
                    for &o in ops {
                        let o = resolve(&forward, o);
                        if o == p || Some(o) == same {
                            continue;
                        }
                        if same.is_some() {
                            trivial = false;
                            break;
                        }
                        same = Some(o);
                    }
                    if trivial {
                        if let Some(s) = same {
                            forward.insert(p, s);
                            changed = true;
                        }
                    }
                }
            }
            if !changed {
                break;
            }
        }
        for b in &mut self.g.blocks {
            b.params.retain(|p| !forward.contains_key(p));
        }
        // Parameter types: the join of what flows in.
        let mut pty: HashMap<InsnId, Option<Ty>> = HashMap::new();
        loop {
            let mut changed = false;
            for b in 1..self.g.blocks.len() {
                for &p in &self.g.blocks[b].params {
                    let Some(ops) = self.phi_ops.get(&p) else {
                        continue;
                    };
                    let mut t: Option<Ty> = None;
                    for &o in ops {
                        let o = resolve(&forward, o);
                        let ot = if self.phi_ops.contains_key(&o) {
                            pty.get(&o).copied().flatten()
                        } else {
                            Some(self.g.insns[o.index()].ty)
                        };
                        if let Some(ot) = ot {
                            // Float bits meeting an integer: a window slot
                            // reused across types, any word.
                            t = Some(t.map_or(ot, |t| t.join(ot).unwrap_or(Ty::Ptr)));
                        }
                    }
                    if pty.get(&p).copied().flatten() != t {
                        pty.insert(p, t);
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        for (p, t) in pty {
            if let Some(t) = t {
                self.g.insns[p.index()].ty = t;
            }
        }
        // Operands through the forwarding, and edge arguments.
        let ids: Vec<InsnId> = self
            .g
            .blocks
            .iter()
            .flat_map(|b| b.insns.iter().copied())
            .chain(self.entry_prefix.iter().copied())
            .collect();
        for i in ids {
            for o in self.g.insns[i.index()].insn.operands_mut() {
                *o = resolve(&forward, *o);
            }
        }
        for b in 0..self.g.blocks.len() {
            let succ = self.term_succ[b].clone();
            let Some(mut t) = self.g.blocks[b].term.take() else {
                continue;
            };
            for o in t.operands_mut() {
                *o = resolve(&forward, *o);
            }
            for (e, k) in t.edges_mut().into_iter().zip(succ) {
                let Some(ix) = self
                    .preds
                    .get(e.block.index())
                    .and_then(|ps| ps.iter().position(|&(p, pk)| p.index() == b && pk == k))
                else {
                    continue;
                };
                e.args = self.g.blocks[e.block.index()]
                    .params
                    .iter()
                    .map(|p| {
                        self.phi_ops
                            .get(p)
                            .and_then(|ops| ops.get(ix))
                            .map(|&o| resolve(&forward, o))
                            .unwrap_or(*p)
                    })
                    .collect();
            }
            self.g.blocks[b].term = Some(t);
        }
        // Loop headers' entry states, through the forwarding.
        let headers = self.f.loop_headers();
        for b in 0..self.g.blocks.len() {
            if BlockId(b as u32) == entry || !headers.contains(&self.g.blocks[b].pc) {
                continue;
            }
            let state = self.entry_defs[b]
                .iter()
                .enumerate()
                .filter_map(|(slot, v)| v.map(|v| (slot as u32, resolve(&forward, v))))
                .collect();
            self.g.blocks[b].entry_state = Some(state);
        }
        let prefix = std::mem::take(&mut self.entry_prefix);
        let insns = &mut self.g.blocks[entry.index()].insns;
        insns.splice(0..0, prefix);
        Ok(self.g)
    }
}
