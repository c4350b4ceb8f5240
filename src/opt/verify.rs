//! The SSA verifier: what every graph must satisfy, after building and
//! (later) after every pass.
//!
//! - every block is reachable from the entry, which has no predecessors,
//!   and ends in a terminator whose edges name blocks of the graph;
//! - every instruction sits in one place (a block's parameters or its
//!   body), parameters are [`Insn::Param`] and nothing else is;
//! - every use is dominated by its definition: earlier in the same block
//!   (a parameter before the body), or in a block that dominates the
//!   user's (an edge argument is used at the end of its predecessor);
//! - an edge passes one argument per parameter, each of a type that fits;
//! - operands are words ([`Ty::is_word`]) of the kind their instruction
//!   reads (float bits where float arithmetic is, never where an address
//!   or an integer is, for values whose own instruction gives their type),
//!   [`Insn::Proj`] reads a tuple inside its width, and
//!   a `Return` passes the function's result words;
//! - the accesses marked in bounds ([`Graph::in_bounds`]) are placed
//!   slice or string accesses (the proof itself is the bounds pass's).

use super::ir::*;

/// What is wrong, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError(pub String);

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

macro_rules! fail {
    ($($t:tt)*) => { return Err(VerifyError(format!($($t)*))) };
}

/// An instruction as a verifier message names it (`v3 = AddI`).
struct User<'a>(InsnId, &'a Insn);

impl std::fmt::Display for User<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} = {}", self.0, self.1.name())
    }
}

/// Where an instruction is: its block and position (-1 for a parameter).
#[derive(Clone, Copy)]
struct Place {
    block: BlockId,
    pos: i64,
}

/// Immediate dominators (Cooper, Harvey and Kennedy), indexed by block;
/// the entry is its own.
pub fn dominators(g: &Graph) -> Vec<Option<BlockId>> {
    let rpo = g.rpo();
    let mut order = vec![usize::MAX; g.blocks.len()];
    for (i, b) in rpo.iter().enumerate() {
        order[b.index()] = i;
    }
    let preds = g.preds();
    let mut idom: Vec<Option<BlockId>> = vec![None; g.blocks.len()];
    if rpo.is_empty() {
        return idom;
    }
    idom[g.entry.index()] = Some(g.entry);
    let intersect = |idom: &Vec<Option<BlockId>>, mut a: BlockId, mut b: BlockId| {
        while a != b {
            while order[a.index()] > order[b.index()] {
                a = idom[a.index()].unwrap_or(g.entry);
            }
            while order[b.index()] > order[a.index()] {
                b = idom[b.index()].unwrap_or(g.entry);
            }
        }
        a
    };
    loop {
        let mut changed = false;
        for &b in rpo.iter().skip(1) {
            let mut new: Option<BlockId> = None;
            for &p in &preds[b.index()] {
                if idom[p.index()].is_none() {
                    continue;
                }
                new = Some(match new {
                    None => p,
                    Some(n) => intersect(&idom, p, n),
                });
            }
            if new.is_some() && idom[b.index()] != new {
                idom[b.index()] = new;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    idom
}

/// Does `a` dominate `b`?
pub(crate) fn dominates(
    idom: &[Option<BlockId>],
    entry: BlockId,
    a: BlockId,
    mut b: BlockId,
) -> bool {
    loop {
        if a == b {
            return true;
        }
        if b == entry {
            return false;
        }
        match idom[b.index()] {
            Some(d) => b = d,
            None => return false,
        }
    }
}

pub fn verify(g: &Graph) -> Result<(), VerifyError> {
    let nb = g.blocks.len();
    if g.entry.index() >= nb {
        fail!("the entry {} is not a block", g.entry);
    }
    // Places.
    let mut place: Vec<Option<Place>> = vec![None; g.insns.len()];
    for b in g.block_ids() {
        let blk = g.block(b);
        let body = blk.insns.iter().enumerate().map(|(i, &x)| (i as i64, x));
        for (pos, x) in blk.params.iter().map(|&x| (-1, x)).chain(body) {
            let Some(slot) = place.get_mut(x.index()) else {
                fail!("{b}: {x} is not an instruction");
            };
            if slot.is_some() {
                fail!("{b}: {x} is placed twice");
            }
            *slot = Some(Place { block: b, pos });
            let is_param = matches!(g.insn(x).insn, Insn::Param { .. });
            if is_param != (pos < 0) {
                fail!("{b}: {x} is a Param exactly when it is a block parameter");
            }
        }
        let Some(t) = &blk.term else {
            fail!("{b} has no terminator");
        };
        for e in t.edges() {
            if e.block.index() >= nb {
                fail!("{b} jumps to {}, not a block", e.block);
            }
            if e.block == g.entry {
                fail!("{b} jumps to the entry block");
            }
            let params = &g.block(e.block).params;
            if e.args.len() != params.len() {
                fail!(
                    "{b} passes {} arguments to {}, which has {} parameters",
                    e.args.len(),
                    e.block,
                    params.len()
                );
            }
        }
    }
    for &x in &g.in_bounds {
        if place.get(x.index()).copied().flatten().is_none() || g.access(x).is_none() {
            fail!("{x}, marked nobounds, is not a placed slice or string access");
        }
    }
    let rpo = g.rpo();
    if rpo.len() != nb {
        fail!("{} of {} blocks are unreachable", nb - rpo.len(), nb);
    }
    let idom = dominators(g);
    let ty = |x: InsnId| g.insn(x).ty;
    // A use at `(b, pos)` of `x`.
    let check_use = |user: &dyn std::fmt::Display,
                     b: BlockId,
                     pos: i64,
                     x: InsnId|
     -> Result<(), VerifyError> {
        let Some(Some(d)) = place.get(x.index()).copied() else {
            fail!("{user} in {b} uses {x}, which no block holds");
        };
        let ok = if d.block == b {
            d.pos < pos
        } else {
            dominates(&idom, g.entry, d.block, b)
        };
        if !ok {
            fail!(
                "{user} in {b} uses {x}, defined in {} which does not dominate it",
                d.block
            );
        }
        Ok(())
    };
    let word =
        |user: &dyn std::fmt::Display, x: InsnId, want: Option<Ty>| -> Result<(), VerifyError> {
            let t = ty(x);
            if !t.is_word() {
                fail!("{user} uses {x} of type {}, not a word", t.name());
            }
            // Float bits and integers are told apart where an instruction's
            // own type says which (arithmetic, comparisons, addresses); a word
            // loaded, passed or returned has its slot's type, a guess where
            // the bytecode reuses a slot for several types (call windows).
            let typed = matches!(
                g.insn(x).insn,
                Insn::Bin { .. }
                    | Insn::Un { .. }
                    | Insn::Cmp { .. }
                    | Insn::AddrOff { .. }
                    | Insn::SliceAddr { .. }
            );
            if !typed {
                return Ok(());
            }
            match want {
                Some(Ty::Float) if t != Ty::Float => {
                    fail!("{user} uses {x} of type {} as float bits", t.name())
                }
                Some(Ty::Int) | Some(Ty::Ptr) if t == Ty::Float => {
                    fail!("{user} uses float bits {x} as an integer or address")
                }
                _ => Ok(()),
            }
        };
    for b in g.block_ids() {
        let blk = g.block(b);
        for (pos, &x) in blk.insns.iter().enumerate() {
            let d = g.insn(x);
            // (Named only when something is wrong: formatting every
            // instruction's name would cost more than the checks.)
            let user = User(x, &d.insn);
            for o in d.insn.operands() {
                check_use(&user, b, pos as i64, o)?;
            }
            let int = Some(Ty::Int);
            match &d.insn {
                Insn::Proj { of, index } => match ty(*of) {
                    Ty::Tuple(n) if *index < n => {}
                    t => fail!("{user} projects word {index} of {of}, of type {}", t.name()),
                },
                Insn::Bin { op, a, b: y } => {
                    let w = if op.float() { Some(Ty::Float) } else { int };
                    word(&user, *a, w)?;
                    word(&user, *y, w)?;
                }
                Insn::Un { op, a } => word(&user, *a, Some(op.types().0))?,
                Insn::Cmp { kind, a, b: y, .. } => {
                    let w = if *kind == CmpKind::Float {
                        Some(Ty::Float)
                    } else {
                        int
                    };
                    word(&user, *a, w)?;
                    word(&user, *y, w)?;
                }
                Insn::CheckShift { a } | Insn::CheckIndex { i: a, .. } => word(&user, *a, int)?,
                Insn::Load { p, .. } | Insn::AddrOff { p, .. } => word(&user, *p, int)?,
                Insn::Store { p, v, .. } => {
                    word(&user, *p, int)?;
                    word(&user, *v, None)?;
                }
                Insn::SliceAddr { ptr, len, i, .. } | Insn::SliceLoad { ptr, len, i, .. } => {
                    for o in [ptr, len, i] {
                        word(&user, *o, int)?;
                    }
                }
                Insn::StrByte { ptr, len, i } => {
                    for o in [ptr, len, i] {
                        word(&user, *o, int)?;
                    }
                }
                Insn::StrEqConst { ptr, len, .. } => {
                    word(&user, *ptr, int)?;
                    word(&user, *len, int)?;
                }
                Insn::MemMove { dst, src, bytes } => {
                    for o in [dst, src, bytes] {
                        word(&user, *o, int)?;
                    }
                }
                Insn::Select { cond, a, b: y } => {
                    word(&user, *cond, int)?;
                    word(&user, *a, None)?;
                    word(&user, *y, None)?;
                }
                Insn::CallRt { args, .. } => {
                    for o in args {
                        word(&user, *o, None)?;
                    }
                }
                Insn::SliceStore { ptr, len, i, v, .. } => {
                    for o in [ptr, len, i] {
                        word(&user, *o, int)?;
                    }
                    word(&user, *v, None)?;
                }
                Insn::CallIface { recv, .. } => {
                    word(&user, recv[0], int)?;
                    word(&user, recv[1], None)?;
                    for o in d.insn.operands() {
                        word(&user, o, None)?;
                    }
                }
                Insn::CallClosure { f, .. } => {
                    word(&user, *f, int)?;
                    for o in d.insn.operands() {
                        word(&user, o, None)?;
                    }
                }
                Insn::Param { .. } => fail!("{user} in the body of {b}"),
                Insn::Const { .. }
                | Insn::TypeWord { .. }
                | Insn::AddrG { .. }
                | Insn::FrameAddr { .. }
                | Insn::LoadG { .. }
                | Insn::LoadCtx
                | Insn::Entered { .. }
                | Insn::Bump { .. }
                | Insn::StressTick { .. }
                | Insn::FrameAlloc { .. }
                | Insn::LoadSlot { .. } => {}
                Insn::KeyEq { .. }
                | Insn::SiteMiss { .. }
                | Insn::VerifyType { .. }
                | Insn::Release { .. } => {
                    for o in d.insn.operands() {
                        word(&user, o, None)?;
                    }
                }
                Insn::StoreG { .. }
                | Insn::StoreSlot { .. }
                | Insn::Call { .. }
                | Insn::CallNative { .. }
                | Insn::Bytecode { .. } => {
                    for o in d.insn.operands() {
                        word(&user, o, None)?;
                    }
                }
            }
        }
        let end = blk.insns.len() as i64;
        let Some(t) = &blk.term else { continue };
        for o in t.operands() {
            check_use(&"the terminator", b, end, o)?;
            word(&"the terminator", o, None)?;
        }
        if let Term::Branch { cond, .. } = t {
            word(&"the branch", *cond, Some(Ty::Int))?;
        }
        if let Term::Return(v) = t {
            if v.len() != g.result_words as usize {
                fail!("{b} returns {} words of {}", v.len(), g.result_words);
            }
        }
        for e in t.edges() {
            for (&a, &p) in e.args.iter().zip(&g.block(e.block).params) {
                check_use(&"an edge argument", b, end, a)?;
                if !ty(a).fits(ty(p)) {
                    fail!(
                        "{b} passes {a} of type {} to {p} of type {} in {}",
                        ty(a).name(),
                        ty(p).name(),
                        e.block
                    );
                }
            }
        }
    }
    Ok(())
}
