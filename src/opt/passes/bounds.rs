//! Bounds check elimination: slice and string accesses (`SliceLoad`,
//! `SliceStore`, `SliceAddr`, `StrByte`) whose index is proved in range
//! where they are go into [`Graph::in_bounds`], for which the code
//! generator emits no check (`nobounds` in listings); a `CheckIndex`
//! proved in range is removed.
//!
//! The proof: facts about values hold in every block a fact's source
//! dominates (SSA values never change), collected in reverse postorder
//! from each block's immediate dominator:
//!
//! - `x < y` (signed) and `x <u y`, `0 <= x`, `x <= k` and `y > k` for
//!   constants `k`: from a branch on a comparison, on the edge into a
//!   block whose only predecessor is the branch (negated on the false
//!   edge); from an access or a `CheckIndex` (after it, `0 <= i < len`);
//! - from the shape of a value: a non-negative constant; `x & m` with
//!   `m >= 0` is in `0..=m`; `x >>u k` is non-negative; `x + 1` is
//!   non-negative when `x` is and `x < y` for some `y` (so `x + 1` does
//!   not overflow);
//! - induction, at a loop header: a block parameter `p` is assumed
//!   non-negative, and below a value `L` defined before the loop, when
//!   the arguments of the edges from outside the loop are; the facts are
//!   then computed with these assumptions and each is checked on every
//!   incoming edge (the back-edges included: `p + 1` with `p + 1 < L`
//!   tested on the way). Failing assumptions are dropped and everything
//!   recomputed until all hold: by induction on the visits of headers, an
//!   assumption that every incoming edge keeps is true at every visit.
//!
//! An access `(ptr, len, i)` is in range when `0 <= i` and `i < len`, or
//! `i <u len` (a length is never negative), or `i <= k` and `len > k`;
//! one whose very triple the code generator already checked on the way
//! (a dominating access) is left alone: the code generator skips it
//! anyway.
//!
//! This covers `for i := lo; i < len(s); i++ { s[i] }` (also rotated,
//! with a guard before the loop and the test at the bottom, as the
//! bytecode's loops are), `i < n` with `n` the same value as the length,
//! a second slice indexed with an index checked against the same length
//! value, and `s[i & m]` when a constant or dominating check made
//! `len > m`, and `0 <= i && i < len(s)` (two tests merged into one
//! bool, which a block then branches on: the facts of the one way in
//! where the bool can be true). Not: a decrementing loop, `i <= len`,
//! lengths known equal only by value (`len(a) == len(b)`,
//! `b := a[:len(a)]`), frame arrays (their accesses
//! are bytecode instructions that check themselves). An OSR graph starts
//! at its loop header: what was checked before the loop is not known
//! there.
//!
//! The pass runs after loop-invariant code motion and a second round of
//! load elimination and GVN, so that a length the loop reads again on
//! every trip is the very value its test compares with.

use super::{remove_insns, Counts};
use crate::bytecode::op::Cmp;
use crate::opt::ir::*;
use crate::opt::verify;
use std::collections::{HashMap, HashSet};

/// What holds at a point of the graph.
#[derive(Clone, Default)]
struct Facts {
    /// `0 <= x`.
    nonneg: HashSet<InsnId>,
    /// `x < y`, signed.
    lt: HashSet<(InsnId, InsnId)>,
    /// Values `x` with `x < y` for some `y` (so `x + 1` cannot overflow).
    bounded: HashSet<InsnId>,
    /// `x <u y`.
    ult: HashSet<(InsnId, InsnId)>,
    /// `x <= k`, signed.
    ub: HashMap<InsnId, i64>,
    /// `y > k` (the largest such `k`).
    above: HashMap<InsnId, i64>,
    /// `(ptr, len, i)` triples the code generator checks on the way.
    checked: HashSet<(InsnId, InsnId, InsnId)>,
}

/// An assumption at a loop header: parameter `p` is non-negative
/// (`None`) or below `Some(l)`.
type Assumption = (BlockId, InsnId, Option<InsnId>);

struct Ctx<'a> {
    g: &'a Graph,
    idom: Vec<Option<BlockId>>,
    /// The block defining each value.
    def: Vec<Option<BlockId>>,
    preds: Vec<Vec<BlockId>>,
}

impl Ctx<'_> {
    fn konst(&self, v: InsnId) -> Option<i64> {
        match self.g.insn(v).insn {
            Insn::Const { bits } if self.g.insn(v).ty != Ty::Float => Some(bits as i64),
            _ => None,
        }
    }

    /// `a` dominates `b`.
    fn dominates(&self, a: BlockId, mut b: BlockId) -> bool {
        loop {
            if a == b {
                return true;
            }
            match self.idom[b.index()] {
                Some(d) if d != b => b = d,
                _ => return false,
            }
        }
    }

    fn nonneg(&self, f: &Facts, v: InsnId, depth: u32) -> bool {
        if f.nonneg.contains(&v) || self.konst(v).is_some_and(|k| k >= 0) {
            return true;
        }
        if depth == 0 {
            return false;
        }
        match self.g.insn(v).insn {
            Insn::Bin {
                op: BinOp::And,
                a,
                b,
            } => self.nonneg(f, a, depth - 1) || self.nonneg(f, b, depth - 1),
            Insn::Bin {
                op: BinOp::ShrU, b, ..
            } => self.konst(b).is_some_and(|k| (1..64).contains(&k)),
            // (`x % k` for a constant k > 0: below k; signed, as
            // non-negative as `x`.)
            Insn::Bin {
                op: BinOp::RemU, b, ..
            } => self.konst(b).is_some_and(|k| k > 0),
            Insn::Bin {
                op: BinOp::RemS, a, ..
            } => self.nonneg(f, a, depth - 1),
            Insn::Bin {
                op: BinOp::AddI,
                a,
                b,
            } => {
                let inc = |x: InsnId, c: InsnId| {
                    self.konst(c).is_some_and(|c| (0..=1).contains(&c))
                        && self.nonneg(f, x, depth - 1)
                        && (self.konst(c) == Some(0) || f.bounded.contains(&x))
                };
                inc(a, b) || inc(b, a)
            }
            _ => false,
        }
    }

    /// A constant `k` with `v <= k` (signed).
    fn upper(&self, f: &Facts, v: InsnId) -> Option<i64> {
        let shape = match self.g.insn(v).insn {
            Insn::Const { .. } => self.konst(v),
            Insn::Bin {
                op: BinOp::And,
                a,
                b,
            } => {
                let m = |x: InsnId| self.konst(x).filter(|&m| m >= 0);
                match (m(a), m(b)) {
                    (Some(x), Some(y)) => Some(x.min(y)),
                    (x, y) => x.or(y),
                }
            }
            Insn::Bin {
                op: BinOp::RemU | BinOp::RemS,
                b,
                ..
            } => self.konst(b).filter(|&k| k > 0).map(|k| k - 1),
            _ => None,
        };
        match (shape, f.ub.get(&v).copied()) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        }
    }

    /// `0 <= i < len`, where `len` is a length (never negative).
    fn in_range(&self, f: &Facts, i: InsnId, len: InsnId) -> bool {
        if f.ult.contains(&(i, len)) {
            return true;
        }
        if !self.nonneg(f, i, 4) {
            return false;
        }
        if f.lt.contains(&(i, len)) {
            return true;
        }
        let Some(u) = self.upper(f, i) else {
            return false;
        };
        self.konst(len).is_some_and(|n| u < n) || f.above.get(&len).is_some_and(|&k| u <= k)
    }

    fn add_lt(&self, f: &mut Facts, a: InsnId, b: InsnId) {
        f.lt.insert((a, b));
        f.bounded.insert(a);
        if let Some(k) = self.konst(a) {
            if k >= -1 {
                f.nonneg.insert(b);
            }
            let e = f.above.entry(b).or_insert(k);
            *e = (*e).max(k);
        }
        if let Some(k) = self.konst(b) {
            add_ub(f, a, k.saturating_sub(1));
        }
    }

    /// What `a c b` being true says.
    fn add_cmp(&self, f: &mut Facts, c: Cmp, kind: CmpKind, a: InsnId, b: InsnId) {
        let (c, a, b) = match c {
            Cmp::Gt => (Cmp::Lt, b, a),
            Cmp::Ge => (Cmp::Le, b, a),
            _ => (c, a, b),
        };
        match (c, kind) {
            (Cmp::Lt, CmpKind::Signed) => self.add_lt(f, a, b),
            (Cmp::Lt, CmpKind::Unsigned) => {
                f.ult.insert((a, b));
                if let Some(k) = self.konst(b).filter(|&k| k > 0) {
                    f.nonneg.insert(a);
                    add_ub(f, a, k - 1);
                }
            }
            (Cmp::Le, CmpKind::Signed) => {
                if let Some(k) = self.konst(b) {
                    add_ub(f, a, k);
                }
                if self.konst(a).is_some_and(|k| k >= 0) {
                    f.nonneg.insert(b);
                }
            }
            (Cmp::Le, CmpKind::Unsigned) => {
                if let Some(k) = self.konst(b).filter(|&k| k >= 0) {
                    f.nonneg.insert(a);
                    add_ub(f, a, k);
                }
            }
            _ => {}
        }
    }

    /// The facts on the edge `p -> s` at the end of `p` (given `p`'s).
    fn edge(&self, mut f: Facts, p: BlockId, s: BlockId) -> Facts {
        if let Some(Term::Branch { cond, then, else_ }) = &self.g.block(p).term {
            if then.block != else_.block {
                if let Insn::Cmp { c, kind, a, b } = self.g.insn(*cond).insn {
                    let c = if then.block == s { c } else { c.negate() };
                    self.add_cmp(&mut f, c, kind, a, b);
                }
            }
        }
        f
    }

    /// `a && b` as the bytecode makes it: `p(c)` is empty and branches on
    /// its parameter `c`, which its predecessors pass, one of them the
    /// condition `a` it just branched on (false on that edge: it skipped
    /// `b`). Into `s`, the edge where `c` is true (or false), every
    /// predecessor whose `c` cannot be so is no way in; when one way in
    /// `q` is left, what holds at `q`'s end, on its edge, and what its `c`
    /// being true (or false) says, holds in `s`.
    fn merged(&self, exits: &[Option<Facts>], p: BlockId, s: BlockId) -> Option<Facts> {
        let blk = self.g.block(p);
        let Some(Term::Branch { cond, then, else_ }) = &blk.term else {
            return None;
        };
        let k = blk.params.iter().position(|x| x == cond)?;
        if !blk.insns.is_empty() || then.block == else_.block {
            return None;
        }
        let want = then.block == s;
        // Does `q`'s edge into `p` pass a `c` that is never `want`?
        let never = |q: BlockId, e: &Edge| match &self.g.block(q).term {
            Some(Term::Branch {
                cond: qc,
                then: qt,
                else_: qe,
            }) if qt.block != qe.block && e.args[k] == *qc => {
                // (On q's then edge qc is true; on its else edge false.)
                let on_then = std::ptr::eq(e, qt);
                on_then != want
            }
            _ => false,
        };
        let mut ways = Vec::new();
        for &q in &self.preds[p.index()] {
            let edges = self.g.block(q).term.as_ref().map(|t| t.edges());
            for e in edges.unwrap_or_default() {
                if e.block == p && !never(q, e) {
                    ways.push((q, e.args[k]));
                }
            }
        }
        let [(q, c)] = ways[..] else { return None };
        let mut f = self.edge(exits[q.index()].clone()?, q, p);
        if let Insn::Cmp { c: op, kind, a, b } = self.g.insn(c).insn {
            let op = if want { op } else { op.negate() };
            self.add_cmp(&mut f, op, kind, a, b);
        }
        Some(f)
    }

    /// The facts at every block's end under `assumed`, and the accesses
    /// proved in range.
    fn compute(&self, assumed: &[Assumption]) -> (Vec<Option<Facts>>, Vec<InsnId>) {
        let g = self.g;
        let mut exits: Vec<Option<Facts>> = vec![None; g.blocks.len()];
        let mut proved = Vec::new();
        for b in g.rpo() {
            let mut f = match self.idom[b.index()].filter(|&d| d != b) {
                Some(d) => exits[d.index()].clone().unwrap_or_default(),
                None => Facts::default(),
            };
            if let [p] = self.preds[b.index()][..] {
                if let Some(pf) = self.merged(&exits, p, b) {
                    f = pf;
                } else if let Some(pf) = exits[p.index()].clone() {
                    f = self.edge(pf, p, b);
                }
            }
            for &(h, p, l) in assumed {
                if h == b {
                    match l {
                        None => {
                            f.nonneg.insert(p);
                        }
                        Some(l) => self.add_lt(&mut f, p, l),
                    }
                }
            }
            for &x in &g.block(b).insns {
                if let Some(t @ (_, len, i)) = g.access(x) {
                    if !f.checked.contains(&t) && self.in_range(&f, i, len) {
                        proved.push(x);
                    }
                    f.checked.insert(t);
                    f.nonneg.insert(i);
                    self.add_lt(&mut f, i, len);
                } else if let Insn::CheckIndex { i, len } = g.insn(x).insn {
                    if self.nonneg(&f, i, 4) && self.upper(&f, i).is_some_and(|u| u < len as i64) {
                        proved.push(x);
                    }
                    f.nonneg.insert(i);
                    add_ub(&mut f, i, len as i64 - 1);
                }
            }
            exits[b.index()] = Some(f);
        }
        (exits, proved)
    }

    /// Does `(h, p, l)` hold on every edge into `h` (given the facts at
    /// the predecessors' ends)?
    fn holds(&self, exits: &[Option<Facts>], (h, p, l): Assumption) -> bool {
        let pos = self.g.block(h).params.iter().position(|&x| x == p);
        let Some(pos) = pos else { return false };
        self.preds[h.index()].iter().all(|&q| {
            let Some(qf) = exits[q.index()].clone() else {
                return false;
            };
            let f = self.edge(qf, q, h);
            let edges = self.g.block(q).term.as_ref().map(|t| t.edges());
            edges
                .unwrap_or_default()
                .iter()
                .filter(|e| e.block == h)
                .all(|e| {
                    let a = e.args[pos];
                    match l {
                        None => self.nonneg(&f, a, 4),
                        Some(l) => f.lt.contains(&(a, l)),
                    }
                })
        })
    }

    /// The candidate assumptions: for each parameter of a loop header,
    /// non-negative, and below each value defined before the loop that
    /// its first incoming argument from outside the loop is below.
    fn candidates(&self, exits: &[Option<Facts>]) -> Vec<Assumption> {
        let mut out = Vec::new();
        for h in self.g.block_ids() {
            let preds = &self.preds[h.index()];
            if !preds.iter().any(|&q| self.dominates(h, q)) {
                continue;
            }
            let Some(&q) = preds.iter().find(|&&q| !self.dominates(h, q)) else {
                continue;
            };
            let Some(qf) = exits[q.index()].clone() else {
                continue;
            };
            let f = self.edge(qf, q, h);
            let Some(e) = self.g.block(q).term.as_ref().and_then(|t| {
                t.edges()
                    .into_iter()
                    .find(|e| e.block == h)
                    .map(|e| e.args.clone())
            }) else {
                continue;
            };
            for (k, &p) in self.g.block(h).params.iter().enumerate() {
                if self.g.insn(p).ty == Ty::Float {
                    continue;
                }
                out.push((h, p, None));
                let a = e[k];
                let mut ls: Vec<InsnId> = f
                    .lt
                    .iter()
                    .filter(|(x, l)| {
                        *x == a
                            && self.def[l.index()].is_some_and(|d| d != h && self.dominates(d, h))
                    })
                    .map(|&(_, l)| l)
                    .collect();
                ls.sort();
                out.extend(ls.into_iter().map(|l| (h, p, Some(l))));
            }
        }
        out
    }
}

fn add_ub(f: &mut Facts, a: InsnId, k: i64) {
    let e = f.ub.entry(a).or_insert(k);
    *e = (*e).min(k);
}

/// Rounds of dropping failed loop assumptions before giving them all up.
const MAX_ROUNDS: usize = 8;

pub fn run(g: &mut Graph) -> Counts {
    let mut def = vec![None; g.insns.len()];
    for b in g.block_ids() {
        for &x in g.block(b).params.iter().chain(&g.block(b).insns) {
            def[x.index()] = Some(b);
        }
    }
    let cx = Ctx {
        g,
        idom: verify::dominators(g),
        def,
        preds: g.preds(),
    };
    let (exits, _) = cx.compute(&[]);
    let mut assumed = cx.candidates(&exits);
    let mut rounds = 0;
    let proved = loop {
        let (exits, proved) = cx.compute(&assumed);
        let before = assumed.len();
        assumed.retain(|&a| cx.holds(&exits, a));
        if assumed.len() == before {
            break proved;
        }
        rounds += 1;
        if rounds == MAX_ROUNDS {
            break cx.compute(&[]).1;
        }
    };
    let mut dead = vec![false; g.insns.len()];
    let mut n = 0;
    for x in proved {
        n += 1;
        if matches!(g.insn(x).insn, Insn::CheckIndex { .. }) {
            dead[x.index()] = true;
        } else {
            g.in_bounds.insert(x);
        }
    }
    remove_insns(g, &dead);
    vec![("bounds checks removed", n)]
}
