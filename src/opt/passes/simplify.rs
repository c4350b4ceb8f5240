//! Local simplification, repeated to a fixed point (a few rounds):
//!
//! - **constant folding** of `Bin`, `Un` and `Cmp` with Go's semantics:
//!   wrapping integer arithmetic, `MinInt64 / -1 == MinInt64` and
//!   `MinInt64 % -1 == 0`, shift counts read unsigned (64 or more shifts
//!   every bit out, or gives the sign for a signed right shift, as
//!   `tier/machine.rs` emits it), `Trunc` with its kind's extension, float
//!   arithmetic with Rust's IEEE `f64` operations (as SSE computes them).
//!   A division or remainder by zero is never folded: it must still panic
//!   where it stands. `FToI` and unsigned `IToF` are left to the machine;
//! - **integer identities** (`x+0`, `x*1`, `x*0`, `x&-1`, `x-x`, `x^x`,
//!   shifts by 0, comparisons of a value with itself...). None for
//!   floats: `x+0.0` is not `x` for `-0.0`, and `x==x` is false for NaN;
//! - **float division by a power of two** (`x / 4`, `g /= 2`) becomes a
//!   multiplication by its reciprocal (`x * 0.25`), as Go's compiler
//!   does: the reciprocal of `±2^k` is exact when it is a normal number
//!   (`k` in -1022..=1022), and then `x * (1/c)` rounds to the very bits
//!   `x / c` does for every `x` (both are the exact quotient, rounded
//!   once). A `mulsd` has a third of a `divsd`'s latency;
//! - **checks on constants**: a `CheckIndex` or `CheckShift` whose operand
//!   is a constant that passes is removed (one that fails stays);
//! - **branches**: on a constant, or to one edge twice, become a `Jump`;
//!   one on `!x` becomes one on `x` with its edges swapped
//!   (keeping `term_pc`: a back-edge taken stays one);
//! - **jump threading**: an edge into a block that only branches on one
//!   of its parameters (or on a comparison of it with a constant), when
//!   the edge's argument for it is known (a constant, or the branch
//!   condition the edge was taken on: `a && b`'s short circuit), goes
//!   straight to the side the branch would take; a `Jump` into a block
//!   that only jumps goes straight to its target; a `Jump` into a
//!   block that branches on `x` (or `x != 0`, `x == 0`) of what the jump
//!   passes becomes that branch, on the value itself (a switch's `ok`, a
//!   callee's `return a < b` its inlined caller tests: the comparison
//!   then fuses with its branch), and a `Jump` into an empty block that
//!   branches on a value from before it becomes that branch (the last
//!   comparison of an inlined `return a == x || a == y` then fuses with
//!   its caller's test); never through a loop header, and no back-edge
//!   made or lost;
//! - **block parameters**: one whose incoming arguments are all one value
//!   (or the parameter itself), or any parameter of a block with a single
//!   predecessor edge, is replaced by that value (which dominates the
//!   block: it dominates the end of every predecessor);
//! - **block merging**: a block ending in `Jump` to a block whose only
//!   predecessor it is takes that block's body, terminator and `term_pc`,
//!   when both have the same `inlined`, `cold` and `unlikely` flags, the target is not
//!   a loop header (`entry_state`), the edge is not a back-edge and the
//!   target's back-edges stay back-edges (not when merging into the entry
//!   block, whose edges the code generator never counts as back-edges);
//! - **unreachable blocks** are removed and the blocks renumbered.

use super::{apply, back_edge, can_replace, compact_blocks, Counts, Subst};
use crate::bytecode::op::Cmp;
use crate::opt::ir::*;

#[derive(Default)]
struct Stats {
    folded: usize,
    identities: usize,
    checks: usize,
    reciprocals: usize,
    branches: usize,
    threaded: usize,
    negations: usize,
    params: usize,
    merged: usize,
    unreachable: usize,
}

pub fn run(g: &mut Graph) -> Counts {
    let mut st = Stats::default();
    for _ in 0..8 {
        let mut changed = fold(g, &mut st);
        changed |= branches(g, &mut st);
        changed |= thread(g, &mut st);
        st.unreachable += compact_blocks(g);
        changed |= params(g, &mut st);
        changed |= merge(g, &mut st);
        st.unreachable += compact_blocks(g);
        if !changed {
            break;
        }
    }
    vec![
        ("constants folded", st.folded),
        ("identities applied", st.identities),
        ("checks on constants removed", st.checks),
        (
            "float divisions by a power of two made multiplications",
            st.reciprocals,
        ),
        ("branches folded", st.branches),
        ("edges threaded past a branch", st.threaded),
        ("negated branches swapped", st.negations),
        ("block parameters removed", st.params),
        ("blocks merged", st.merged),
        ("unreachable blocks removed", st.unreachable),
    ]
}

/// What an instruction simplifies to.
enum Simple {
    Const(u64),
    Value(InsnId),
    /// A check that always passes.
    Gone,
}

fn konst(g: &Graph, v: InsnId) -> Option<u64> {
    match g.insn(v).insn {
        Insn::Const { bits } => Some(bits),
        _ => None,
    }
}

/// `a op b` on constants, as Go computes it; `None` where the operation
/// panics (a zero divisor).
pub fn eval_bin(op: BinOp, a: u64, b: u64) -> Option<u64> {
    let (sa, sb) = (a as i64, b as i64);
    let f = |x: u64| f64::from_bits(x);
    Some(match op {
        BinOp::AddI => a.wrapping_add(b),
        BinOp::SubI => a.wrapping_sub(b),
        BinOp::MulI => a.wrapping_mul(b),
        BinOp::DivS => {
            if sb == 0 {
                return None;
            }
            sa.wrapping_div(sb) as u64
        }
        BinOp::RemS => {
            if sb == 0 {
                return None;
            }
            sa.wrapping_rem(sb) as u64
        }
        BinOp::DivU => a.checked_div(b)?,
        BinOp::RemU => a.checked_rem(b)?,
        BinOp::And => a & b,
        BinOp::Or => a | b,
        BinOp::Xor => a ^ b,
        BinOp::AndNot => a & !b,
        BinOp::Shl => {
            if b >= 64 {
                0
            } else {
                a << b
            }
        }
        BinOp::ShrU => {
            if b >= 64 {
                0
            } else {
                a >> b
            }
        }
        BinOp::ShrS => (sa >> b.min(63)) as u64,
        BinOp::AddF => (f(a) + f(b)).to_bits(),
        BinOp::SubF => (f(a) - f(b)).to_bits(),
        BinOp::MulF => (f(a) * f(b)).to_bits(),
        BinOp::DivF => (f(a) / f(b)).to_bits(),
    })
}

/// `op a` on a constant; `None` for the conversions left to the machine.
pub fn eval_un(op: UnOp, a: u64) -> Option<u64> {
    Some(match op {
        UnOp::NegI => (a as i64).wrapping_neg() as u64,
        UnOp::NotI => !a,
        UnOp::Not => u64::from(a == 0),
        UnOp::Trunc(k) => k.truncate(a),
        UnOp::NegF => (-f64::from_bits(a)).to_bits(),
        UnOp::RoundF32 => (f64::from_bits(a) as f32 as f64).to_bits(),
        UnOp::IToF { signed: true } => (a as i64 as f64).to_bits(),
        UnOp::IToF { signed: false } | UnOp::FToI { .. } => return None,
    })
}

pub fn eval_cmp(c: Cmp, kind: CmpKind, a: u64, b: u64) -> u64 {
    u64::from(match kind {
        CmpKind::Signed => c.holds(a as i64, b as i64),
        CmpKind::Unsigned => c.holds(a, b),
        CmpKind::Float => c.holds(f64::from_bits(a), f64::from_bits(b)),
    })
}

/// Integer identities of `a op b` (one side constant, or both the same).
fn identity(g: &Graph, op: BinOp, a: InsnId, b: InsnId) -> Option<Simple> {
    use BinOp::*;
    let (ka, kb) = (konst(g, a), konst(g, b));
    let same = a == b;
    let v = |x| Some(Simple::Value(x));
    let c = |x| Some(Simple::Const(x));
    match op {
        AddI if kb == Some(0) => v(a),
        AddI if ka == Some(0) => v(b),
        SubI if kb == Some(0) => v(a),
        SubI if same => c(0),
        MulI if kb == Some(1) => v(a),
        MulI if ka == Some(1) => v(b),
        MulI if ka == Some(0) || kb == Some(0) => c(0),
        And if ka == Some(0) || kb == Some(0) => c(0),
        And if kb == Some(u64::MAX) || same => v(a),
        And if ka == Some(u64::MAX) => v(b),
        Or if ka == Some(u64::MAX) || kb == Some(u64::MAX) => c(u64::MAX),
        Or if kb == Some(0) || same => v(a),
        Or if ka == Some(0) => v(b),
        Xor if kb == Some(0) => v(a),
        Xor if ka == Some(0) => v(b),
        Xor if same => c(0),
        AndNot if kb == Some(0) => v(a),
        AndNot if same || ka == Some(0) => c(0),
        Shl | ShrU | ShrS if kb == Some(0) => v(a),
        Shl | ShrU | ShrS if ka == Some(0) => c(0),
        DivS | DivU if kb == Some(1) => v(a),
        RemS | RemU if kb == Some(1) => c(0),
        RemS if kb == Some(u64::MAX) => c(0),
        _ => None,
    }
}

fn simplify(g: &Graph, i: InsnId) -> Option<Simple> {
    match g.insn(i).insn {
        Insn::Bin { op, a, b } => match (konst(g, a), konst(g, b)) {
            (Some(x), Some(y)) => eval_bin(op, x, y).map(Simple::Const),
            _ if op.float() => None,
            _ => identity(g, op, a, b),
        },
        Insn::Un { op, a } => {
            if let Some(x) = konst(g, a) {
                return eval_un(op, x).map(Simple::Const);
            }
            match (op, &g.insn(a).insn) {
                (
                    UnOp::NegI,
                    Insn::Un {
                        op: UnOp::NegI,
                        a: x,
                    },
                )
                | (
                    UnOp::NotI,
                    Insn::Un {
                        op: UnOp::NotI,
                        a: x,
                    },
                ) => Some(Simple::Value(*x)),
                (
                    UnOp::Trunc(k),
                    Insn::Un {
                        op: UnOp::Trunc(j), ..
                    },
                ) if k == *j => Some(Simple::Value(a)),
                _ => None,
            }
        }
        Insn::Cmp { c, kind, a, b } => match (konst(g, a), konst(g, b)) {
            (Some(x), Some(y)) => Some(Simple::Const(eval_cmp(c, kind, x, y))),
            _ if a == b && kind != CmpKind::Float => Some(Simple::Const(u64::from(matches!(
                c,
                Cmp::Eq | Cmp::Le | Cmp::Ge
            )))),
            // `x != 0` of a truth value (0 or 1) is `x` itself, so a
            // branch on it can test the comparison that made it.
            (None, Some(0)) if c == Cmp::Ne && kind != CmpKind::Float && is_truth(g, a) => {
                Some(Simple::Value(a))
            }
            _ => None,
        },
        Insn::CheckIndex { i: x, len } => {
            let k = konst(g, x)?;
            ((k as i64) >= 0 && k < u64::from(len)).then_some(Simple::Gone)
        }
        Insn::CheckShift { a } => {
            let k = konst(g, a)?;
            ((k as i64) >= 0).then_some(Simple::Gone)
        }
        _ => None,
    }
}

/// The exact reciprocal of the float with bits `c`, when `c` is `±2^k`
/// with `k` in -1022..=1022 (so both it and `2^-k` are normal numbers).
pub fn exact_reciprocal(c: u64) -> Option<u64> {
    let exp = (c >> 52) & 0x7FF;
    let mantissa = c & ((1 << 52) - 1);
    if mantissa != 0 || !(1..=2045).contains(&exp) {
        return None;
    }
    Some(c & (1 << 63) | (2046 - exp) << 52)
}

/// Whether `v` is always 0 or 1: a comparison's result.
fn is_truth(g: &Graph, v: InsnId) -> bool {
    matches!(
        g.insn(v).insn,
        Insn::Cmp { .. } | Insn::KeyEq { .. } | Insn::StrEqConst { .. }
    )
}

/// Folds and simplifies instructions, in reverse postorder (operands
/// before their uses, except around loops).
fn fold(g: &mut Graph, st: &mut Stats) -> bool {
    let mut s = Subst::new(g);
    let mut gone = vec![false; g.insns.len()];
    let mut changed = false;
    // (block, division made a multiplication, its new constant operand)
    let mut reciprocals: Vec<(BlockId, InsnId, InsnId)> = Vec::new();
    for b in g.rpo() {
        for k in 0..g.block(b).insns.len() {
            let i = g.block(b).insns[k];
            // Operands replaced earlier in this walk.
            for o in g.insns[i.index()].insn.operands_mut() {
                *o = s.get(*o);
            }
            if let Insn::Bin {
                op: BinOp::DivF,
                a,
                b: d,
            } = g.insn(i).insn
            {
                if let Some(r) = konst(g, d).and_then(exact_reciprocal) {
                    let pc = g.insn(d).pc;
                    let c = g.add_insn(Insn::Const { bits: r }, Ty::Float, pc);
                    g.insns[i.index()].insn = Insn::Bin {
                        op: BinOp::MulF,
                        a,
                        b: c,
                    };
                    reciprocals.push((b, i, c));
                    st.reciprocals += 1;
                    changed = true;
                    continue;
                }
            }
            match simplify(g, i) {
                Some(Simple::Const(bits)) => {
                    g.insns[i.index()].insn = Insn::Const { bits };
                    st.folded += 1;
                    changed = true;
                }
                Some(Simple::Value(x)) if can_replace(g, i, x) => {
                    s.set(i, x);
                    gone[i.index()] = true;
                    st.identities += 1;
                    changed = true;
                }
                Some(Simple::Gone) => {
                    gone[i.index()] = true;
                    st.checks += 1;
                    changed = true;
                }
                _ => {}
            }
        }
    }
    // The reciprocals go right before their multiplications.
    gone.resize(g.insns.len(), false);
    for (b, i, c) in reciprocals {
        let insns = &mut g.blocks[b.index()].insns;
        let at = insns
            .iter()
            .position(|&x| x == i)
            .expect("the division's block");
        insns.insert(at, c);
    }
    apply(g, &s);
    super::remove_insns(g, &gone);
    changed
}

/// Branches on constants, and to the same edge twice, become jumps.
fn branches(g: &mut Graph, st: &mut Stats) -> bool {
    let mut changed = false;
    for b in 0..g.blocks.len() {
        let Some(Term::Branch { cond, then, else_ }) = &g.blocks[b].term else {
            continue;
        };
        // A branch on `!x` is one on `x` with its edges swapped (bools
        // are 0 or 1).
        if let Insn::Un { op: UnOp::Not, a } = g.insn(*cond).insn {
            let (then, else_) = (else_.clone(), then.clone());
            g.blocks[b].term = Some(Term::Branch {
                cond: a,
                then,
                else_,
            });
            st.negations += 1;
            changed = true;
            continue;
        }
        let to = match konst(g, *cond) {
            Some(0) => else_.clone(),
            Some(_) => then.clone(),
            None if then == else_ => then.clone(),
            None => continue,
        };
        g.blocks[b].term = Some(Term::Jump(to));
        st.branches += 1;
        changed = true;
    }
    changed
}

/// What a block does with its parameters, for jump threading: nothing
/// in its body but constants and the comparison its branch tests.
#[derive(Clone)]
enum Pass {
    /// Branches on `test` of parameter `p`.
    Branch {
        p: usize,
        test: Test,
        then: Edge,
        else_: Edge,
    },
    /// Only jumps on.
    Jump(Edge),
    /// Branches on `cond`, a value from before the block (a callee's
    /// `return c == ' ' || ...` its inlined caller tests, once the
    /// block's parameter for it was replaced by the last comparison).
    BranchOn {
        cond: InsnId,
        then: Edge,
        else_: Edge,
    },
}

/// The condition a threadable block branches on, of its parameter `x`.
#[derive(Clone, Copy)]
enum Test {
    /// `x != 0` (the parameter itself).
    NonZero,
    /// `x c k` for a constant `k`.
    Cmp(Cmp, CmpKind, u64),
}

impl Test {
    /// The branch's side for a known `x`.
    fn eval(self, x: u64) -> bool {
        match self {
            Test::NonZero => x != 0,
            Test::Cmp(c, kind, k) => eval_cmp(c, kind, x, k) != 0,
        }
    }
}

/// `b`'s shape for threading, if it has one.
fn pass_of(g: &Graph, b: BlockId) -> Option<Pass> {
    let blk = g.block(b);
    let body: Vec<InsnId> = blk
        .insns
        .iter()
        .copied()
        .filter(|&i| konst(g, i).is_none())
        .collect();
    match (&blk.term, body.as_slice()) {
        (Some(Term::Jump(e)), []) => Some(Pass::Jump(e.clone())),
        (Some(Term::Branch { cond, then, else_ }), []) => {
            match blk.params.iter().position(|x| x == cond) {
                Some(p) => Some(Pass::Branch {
                    p,
                    test: Test::NonZero,
                    then: then.clone(),
                    else_: else_.clone(),
                }),
                None if !blk.insns.contains(cond) => Some(Pass::BranchOn {
                    cond: *cond,
                    then: then.clone(),
                    else_: else_.clone(),
                }),
                None => None,
            }
        }
        (Some(Term::Branch { cond, then, else_ }), [c]) if c == cond => {
            let Insn::Cmp { c, kind, a, b: k } = g.insn(*c).insn else {
                return None;
            };
            if !matches!(kind, CmpKind::Signed | CmpKind::Unsigned) {
                return None;
            }
            let p = blk.params.iter().position(|&x| x == a)?;
            Some(Pass::Branch {
                p,
                test: Test::Cmp(c, kind, konst(g, k)?),
                then: then.clone(),
                else_: else_.clone(),
            })
        }
        _ => None,
    }
}

/// Jump threading (see the module's list).
fn thread(g: &mut Graph, st: &mut Stats) -> bool {
    let mut changed = false;
    // A block qualifies when nothing but its own terminator (and the
    // comparison it branches on) reads its parameters (the side it sends
    // an edge to may no longer be dominated by it), every predecessor
    // comes before it (no back-edge into it) and it heads no loop (an
    // inlined callee's header has no entry state).
    let uses = g.use_counts();
    let rpo = g.rpo();
    let mut rank = vec![usize::MAX; g.blocks.len()];
    for (k, &b) in rpo.iter().enumerate() {
        rank[b.index()] = k;
    }
    let preds = g.preds();
    let shapes: Vec<Option<Pass>> = g
        .block_ids()
        .map(|b| {
            let blk = g.block(b);
            let t = blk.term.as_ref()?;
            // (The parameters, then the body's values: the constants a
            // threaded edge makes again must not be read past `b`.)
            let own: Vec<InsnId> = blk.params.iter().chain(&blk.insns).copied().collect();
            let mut reads = vec![0usize; own.len()];
            let mut count = |q: InsnId| {
                if let Some(i) = own.iter().position(|&x| x == q) {
                    reads[i] += 1;
                }
            };
            for o in t.operands() {
                count(o);
            }
            for e in t.edges() {
                e.args.iter().for_each(|&x| count(x));
            }
            for &i in &blk.insns {
                g.insn(i).insn.operands().into_iter().for_each(&mut count);
            }
            let ok = own
                .iter()
                .zip(&reads)
                .all(|(&q, &n)| n == uses[q.index()] as usize)
                && preds[b.index()]
                    .iter()
                    .all(|p| rank[p.index()] < rank[b.index()])
                && blk.entry_state.is_none()
                && b != g.entry;
            // (The comparison a branch tests is one of the body's values:
            // read by nothing past the block either.)
            if !ok {
                return None;
            }
            pass_of(g, b)
        })
        .collect();
    // An edge's arguments through `b`'s parameters (`via` the edge from
    // `a`); a constant of `b`'s body is made again at the top of `a`.
    let map_args = |g: &mut Graph, a: BlockId, b: BlockId, via: &Edge, to: &Edge| -> Vec<InsnId> {
        let mut out = Vec::new();
        for &x in &to.args {
            let y = if let Some(i) = g.block(b).params.iter().position(|&q| q == x) {
                via.args[i]
            } else if let (true, Some(bits)) = (g.block(b).insns.contains(&x), konst(g, x)) {
                let d = g.insn(x);
                let c = g.add_insn(Insn::Const { bits }, d.ty, d.pc);
                g.blocks[a.index()].insns.insert(0, c);
                c
            } else {
                x
            };
            out.push(y);
        }
        out
    };
    // (A block changed this round is gone through in the next one: its
    // shape above is the old one.)
    let mut changed_blocks = vec![false; g.blocks.len()];
    for a in g.block_ids() {
        let Some(t) = g.block(a).term.clone() else {
            continue;
        };
        let branch_cond = match &t {
            Term::Branch { cond, then, else_ } if then.block != else_.block => Some(*cond),
            _ => None,
        };
        let mut new = t.clone();
        let mut any = false;
        for (k, e) in new.edges_mut().into_iter().enumerate() {
            let b = e.block;
            let Some(shape) = &shapes[b.index()] else {
                continue;
            };
            if changed_blocks[b.index()] {
                continue;
            }
            if b == a || back_edge(g, a, b) {
                continue;
            }
            let to = match shape {
                // A jump through a block that only jumps on (not a
                // branch's edge: that would give the branch two edges to
                // one block, each with its own moves).
                Pass::Jump(to) if matches!(t, Term::Jump(_)) => to,
                Pass::Jump(_) => continue,
                // (An edge taken on the very condition `b` tests.)
                Pass::BranchOn { cond, then, else_ } => {
                    if Some(*cond) != branch_cond {
                        continue;
                    }
                    if k == 0 {
                        then
                    } else {
                        else_
                    }
                }
                Pass::Branch {
                    p,
                    test,
                    then,
                    else_,
                } => {
                    let Some(&arg) = e.args.get(*p) else {
                        continue;
                    };
                    // The value on this edge: a constant, or the condition
                    // this edge was taken on (the then-edge is edge 0).
                    let known = match (konst(g, arg), test) {
                        (Some(c), _) => Some(test.eval(c)),
                        (None, Test::NonZero) if Some(arg) == branch_cond => Some(k == 0),
                        _ => None,
                    };
                    let Some(taken) = known else {
                        continue;
                    };
                    if taken {
                        then
                    } else {
                        else_
                    }
                }
            };
            if to.block == b || back_edge(g, b, to.block) || back_edge(g, a, to.block) {
                continue;
            }
            let args = map_args(g, a, b, e, to);
            *e = Edge {
                block: to.block,
                args,
            };
            any = true;
            st.threaded += 1;
        }
        // A jump into a block that only branches on what the jump passes
        // (`ok` of a switch's cases, a callee's `return a < b` tested by
        // its caller) becomes that branch, on the value itself: the
        // comparison that made it then fuses with it.
        if let (false, Term::Jump(e)) = (any, &new) {
            if let Some(Pass::Branch {
                p,
                test,
                then,
                else_,
            }) = &shapes[e.block.index()]
            {
                let b = e.block;
                let arg = e.args[*p];
                // (`x == 0`: the branch on `x` with its edges swapped.)
                let swap = match test {
                    Test::NonZero | Test::Cmp(Cmp::Ne, _, 0) => Some(false),
                    Test::Cmp(Cmp::Eq, _, 0) => Some(true),
                    _ => None,
                };
                let ok = !changed_blocks[b.index()]
                    && b != a
                    && !back_edge(g, a, b)
                    && [then, else_].iter().all(|to| {
                        to.block != b && !back_edge(g, b, to.block) && !back_edge(g, a, to.block)
                    })
                    && konst(g, arg).is_none()
                    && matches!(g.insn(arg).ty, Ty::Int | Ty::Ptr);
                if let (true, Some(swap)) = (ok, swap) {
                    let (t1, t2) = (
                        Edge {
                            block: then.block,
                            args: map_args(g, a, b, e, then),
                        },
                        Edge {
                            block: else_.block,
                            args: map_args(g, a, b, e, else_),
                        },
                    );
                    let (then, else_) = if swap { (t2, t1) } else { (t1, t2) };
                    new = Term::Branch {
                        cond: arg,
                        then,
                        else_,
                    };
                    any = true;
                    st.threaded += 1;
                }
            }
        }
        // A jump into a block that only branches on a value from before
        // it becomes that branch (the comparison, if it is the jumping
        // block's, then fuses with it).
        if let (false, Term::Jump(e)) = (any, &new) {
            if let Some(Pass::BranchOn { cond, then, else_ }) = &shapes[e.block.index()] {
                let b = e.block;
                let ok = !changed_blocks[b.index()]
                    && b != a
                    && !back_edge(g, a, b)
                    && [then, else_].iter().all(|to| {
                        to.block != b && !back_edge(g, b, to.block) && !back_edge(g, a, to.block)
                    })
                    && matches!(g.insn(*cond).ty, Ty::Int | Ty::Ptr);
                if ok {
                    new = Term::Branch {
                        cond: *cond,
                        then: Edge {
                            block: then.block,
                            args: map_args(g, a, b, e, then),
                        },
                        else_: Edge {
                            block: else_.block,
                            args: map_args(g, a, b, e, else_),
                        },
                    };
                    any = true;
                    st.threaded += 1;
                }
            }
        }
        if any {
            g.blocks[a.index()].term = Some(new);
            changed_blocks[a.index()] = true;
            changed = true;
        }
    }
    changed
}

/// The edges into each block: (predecessor, index of the edge in its
/// terminator).
fn pred_edges(g: &Graph) -> Vec<Vec<(BlockId, usize)>> {
    let mut p = vec![Vec::new(); g.blocks.len()];
    for b in g.block_ids() {
        if let Some(t) = &g.block(b).term {
            for (k, e) in t.edges().iter().enumerate() {
                p[e.block.index()].push((b, k));
            }
        }
    }
    p
}

/// Replaces trivial block parameters by their one incoming value.
fn params(g: &mut Graph, st: &mut Stats) -> bool {
    let preds = pred_edges(g);
    let mut s = Subst::new(g);
    let mut changed = false;
    for b in g.block_ids().collect::<Vec<_>>() {
        if b == g.entry || preds[b.index()].is_empty() {
            continue;
        }
        let ps = g.block(b).params.clone();
        let mut drop = vec![false; ps.len()];
        for (k, &p) in ps.iter().enumerate() {
            let mut one: Option<InsnId> = None;
            let mut trivial = true;
            for &(pb, ek) in &preds[b.index()] {
                let t = g.block(pb).term.as_ref().expect("terminated");
                let a = s.get(t.edges()[ek].args[k]);
                if a == p || one == Some(a) {
                    continue;
                }
                if one.is_some() {
                    trivial = false;
                    break;
                }
                one = Some(a);
            }
            match one {
                Some(x) if trivial && can_replace(g, p, x) => {
                    s.set(p, x);
                    drop[k] = true;
                }
                _ => {}
            }
        }
        if !drop.iter().any(|d| *d) {
            continue;
        }
        changed = true;
        for &(pb, ek) in &preds[b.index()] {
            let t = g.blocks[pb.index()].term.as_mut().expect("terminated");
            let e = &mut t.edges_mut()[ek];
            let mut k = 0;
            e.args.retain(|_| {
                k += 1;
                !drop[k - 1]
            });
        }
        let mut k = 0;
        let blk = &mut g.blocks[b.index()];
        blk.params.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
        for (p, d) in ps.iter().zip(&drop) {
            if *d {
                st.params += 1;
                super::tombstone(g, *p);
            }
        }
    }
    apply(g, &s);
    changed
}

/// Merges blocks into their single predecessor where that keeps the code
/// generator's loops, cold paths and inlined regions as they were.
fn merge(g: &mut Graph, st: &mut Stats) -> bool {
    // (Merging moves a block's edges to its predecessor: every block
    // keeps its number of predecessor edges.)
    let npreds: Vec<usize> = pred_edges(g).iter().map(Vec::len).collect();
    let mut changed = false;
    for a in g.block_ids().collect::<Vec<_>>() {
        while let Some(b) = mergeable(g, &npreds, a) {
            let body = std::mem::take(&mut g.blocks[b.index()].insns);
            let term = g.blocks[b.index()].term.replace(Term::Unreachable);
            let term_pc = g.blocks[b.index()].term_pc;
            let blk = &mut g.blocks[a.index()];
            blk.insns.extend(body);
            blk.term = term;
            blk.term_pc = term_pc;
            st.merged += 1;
            changed = true;
        }
    }
    changed
}

/// The block `a` may take in (see the module's doc).
fn mergeable(g: &Graph, npreds: &[usize], a: BlockId) -> Option<BlockId> {
    let Some(Term::Jump(e)) = &g.block(a).term else {
        return None;
    };
    let b = e.block;
    let (ba, bb) = (g.block(a), g.block(b));
    if b == a
        || b == g.entry
        || npreds[b.index()] != 1
        || bb.entry_state.is_some()
        || ba.inlined != bb.inlined
        || ba.cold != bb.cold
        || ba.unlikely != bb.unlikely
        || back_edge(g, a, b)
        || !e.args.is_empty()
    {
        return None;
    }
    // The code generator counts no edge from the entry as a back-edge
    // (nor as a loop, for its counter register).
    if a == g.entry {
        let loops = bb
            .term_pc
            .is_some_and(|pc| g.succs(b).iter().any(|&t| g.block(t).pc <= pc));
        if loops {
            return None;
        }
    }
    Some(b)
}
