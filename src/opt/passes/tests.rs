//! The passes on hand-built graphs: what each removes, and what it must
//! keep (divisions by zero, loads after calls or across back-edges,
//! `Entered` and `Bump`, loop headers, entry states).

use super::*;
use crate::bytecode::op::{Cmp, IntKind};
use crate::opt::print::{graph, NoNames};
use pgojit_profiler::FuncId;

/// A graph under construction: `bb0` is the entry.
struct G(Graph);

impl G {
    fn new() -> G {
        let mut g = G(Graph {
            name: "t".into(),
            insns: Vec::new(),
            blocks: Vec::new(),
            entry: BlockId(0),
            result_words: 1,
            in_bounds: Default::default(),
            frame_bufs: 0,
            inline_ctxs: Vec::new(),
        });
        g.block(0);
        g
    }

    fn block(&mut self, pc: u32) -> BlockId {
        self.0.blocks.push(Block {
            params: Vec::new(),
            insns: Vec::new(),
            term: None,
            pc,
            inlined: false,
            cold: false,
            unlikely: false,
            term_pc: None,
            entry_state: None,
        });
        BlockId(self.0.blocks.len() as u32 - 1)
    }

    fn new_insn(&mut self, insn: Insn, ty: Ty) -> InsnId {
        self.0.insns.push(InsnData {
            insn,
            ty,
            pc: 0,
            ctx: 0,
        });
        InsnId(self.0.insns.len() as u32 - 1)
    }

    fn param(&mut self, b: BlockId, ty: Ty) -> InsnId {
        let slot = self.0.blocks[b.index()].params.len() as u32;
        let v = self.new_insn(Insn::Param { slot }, ty);
        self.0.blocks[b.index()].params.push(v);
        v
    }

    fn add(&mut self, b: BlockId, insn: Insn, ty: Ty) -> InsnId {
        let v = self.new_insn(insn, ty);
        self.0.blocks[b.index()].insns.push(v);
        v
    }

    fn konst(&mut self, b: BlockId, bits: u64) -> InsnId {
        self.add(b, Insn::Const { bits }, Ty::Int)
    }

    fn bin(&mut self, b: BlockId, op: BinOp, x: InsnId, y: InsnId) -> InsnId {
        let ty = if op.float() { Ty::Float } else { Ty::Int };
        self.add(b, Insn::Bin { op, a: x, b: y }, ty)
    }

    fn term(&mut self, b: BlockId, t: Term) {
        self.0.blocks[b.index()].term = Some(t);
    }

    fn jump(&mut self, b: BlockId, to: BlockId, args: Vec<InsnId>) {
        self.term(b, Term::Jump(Edge { block: to, args }));
    }

    fn ret(&mut self, b: BlockId, v: InsnId) {
        self.term(b, Term::Return(vec![v]));
    }

    /// Verifies, runs `pass`, verifies again.
    fn run(mut self, pass: Pass) -> (Graph, Counts) {
        let text = graph(&self.0, &NoNames);
        if let Err(e) = verify::verify(&self.0) {
            panic!("the test graph is broken: {e}\n{text}");
        }
        let c = pass(&mut self.0);
        if let Err(e) = verify::verify(&self.0) {
            panic!("{e}\n{}", graph(&self.0, &NoNames));
        }
        (self.0, c)
    }
}

fn count(c: &Counts, what: &str) -> usize {
    c.iter().find(|(w, _)| w.contains(what)).map_or(0, |x| x.1)
}

/// The placed instructions' names, in block order.
fn names(g: &Graph) -> Vec<&'static str> {
    g.blocks
        .iter()
        .flat_map(|b| b.insns.iter().map(|&i| g.insn(i).insn.name()))
        .collect()
}

fn returned(g: &Graph) -> InsnId {
    g.blocks
        .iter()
        .find_map(|b| match &b.term {
            Some(Term::Return(v)) => Some(v[0]),
            _ => None,
        })
        .expect("a return")
}

fn const_of(g: &Graph, v: InsnId) -> Option<u64> {
    match g.insn(v).insn {
        Insn::Const { bits } => Some(bits),
        _ => None,
    }
}

#[test]
fn folding_follows_go() {
    use super::simplify::{eval_bin, eval_cmp, eval_un};
    let min = i64::MIN as u64;
    assert_eq!(eval_bin(BinOp::DivS, min, u64::MAX), Some(min));
    assert_eq!(eval_bin(BinOp::RemS, min, u64::MAX), Some(0));
    assert_eq!(eval_bin(BinOp::DivS, 7, 0), None);
    assert_eq!(eval_bin(BinOp::RemU, 7, 0), None);
    assert_eq!(
        eval_bin(BinOp::DivS, (-7i64) as u64, 2),
        Some((-3i64) as u64)
    );
    assert_eq!(eval_bin(BinOp::Shl, 1, 64), Some(0));
    assert_eq!(eval_bin(BinOp::Shl, 1, 63), Some(1 << 63));
    assert_eq!(eval_bin(BinOp::ShrU, u64::MAX, 200), Some(0));
    assert_eq!(eval_bin(BinOp::ShrS, (-8i64) as u64, 100), Some(u64::MAX));
    assert_eq!(eval_bin(BinOp::ShrS, 8, 100), Some(0));
    assert_eq!(eval_bin(BinOp::MulI, u64::MAX, 3), Some((-3i64) as u64));
    assert_eq!(eval_un(UnOp::Trunc(IntKind::I8), 0x1ff), Some(u64::MAX));
    assert_eq!(eval_un(UnOp::Trunc(IntKind::U16), u64::MAX), Some(0xffff));
    assert_eq!(eval_un(UnOp::Not, 5), Some(0));
    assert_eq!(
        eval_un(
            UnOp::FToI {
                signed: true,
                w32: false
            },
            0
        ),
        None
    );
    let nan = f64::NAN.to_bits();
    assert_eq!(eval_cmp(Cmp::Eq, CmpKind::Float, nan, nan), 0);
    assert_eq!(eval_cmp(Cmp::Lt, CmpKind::Unsigned, 1, u64::MAX), 1);
    assert_eq!(eval_cmp(Cmp::Lt, CmpKind::Signed, 1, u64::MAX), 0);
}

#[test]
fn constants_fold_but_a_division_by_zero_stays() {
    let mut g = G::new();
    let b = g.0.entry;
    let x = g.param(b, Ty::Int);
    let six = g.konst(b, 6);
    let seven = g.konst(b, 7);
    let zero = g.konst(b, 0);
    let m = g.bin(b, BinOp::MulI, six, seven);
    let d = g.bin(b, BinOp::DivS, m, zero);
    let a = g.bin(b, BinOp::AddI, x, zero);
    let s = g.bin(b, BinOp::AddI, a, d);
    g.ret(b, s);
    let (g, c) = g.run(simplify::run);
    assert_eq!(const_of(&g, m), Some(42));
    assert!(matches!(
        g.insn(d).insn,
        Insn::Bin {
            op: BinOp::DivS,
            ..
        }
    ));
    assert!(g.block(g.entry).insns.contains(&d), "the division panics");
    assert_eq!(count(&c, "constants folded"), 1);
    assert_eq!(count(&c, "identities"), 1);
    // x + 0 is x.
    assert!(matches!(g.insn(s).insn, Insn::Bin { a: ax, .. } if ax == x));
}

#[test]
fn no_float_identity_is_applied() {
    let mut g = G::new();
    let b = g.0.entry;
    let x = g.param(b, Ty::Float);
    let z = g.add(b, Insn::Const { bits: 0 }, Ty::Float);
    let s = g.bin(b, BinOp::AddF, x, z);
    let e = g.add(
        b,
        Insn::Cmp {
            c: Cmp::Eq,
            kind: CmpKind::Float,
            a: s,
            b: s,
        },
        Ty::Int,
    );
    g.ret(b, e);
    let (g, c) = g.run(simplify::run);
    assert!(c.iter().all(|x| x.1 == 0), "{c:?}");
    assert_eq!(names(&g), ["Const", "AddF", "CmpF"]);
}

#[test]
fn float_division_by_a_power_of_two_multiplies_by_its_exact_reciprocal() {
    use super::simplify::exact_reciprocal;
    let f = |x: f64| x.to_bits();
    assert_eq!(exact_reciprocal(f(4.0)), Some(f(0.25)));
    assert_eq!(exact_reciprocal(f(-0.5)), Some(f(-2.0)));
    assert_eq!(exact_reciprocal(f(1.0)), Some(f(1.0)));
    assert_eq!(
        exact_reciprocal(f(2f64.powi(1022))),
        Some(f(2f64.powi(-1022)))
    );
    assert_eq!(
        exact_reciprocal(f(2f64.powi(-1022))),
        Some(f(2f64.powi(1022)))
    );
    // 2^1023's reciprocal is subnormal; subnormals, 3, 0, Inf, NaN have none.
    for c in [
        2f64.powi(1023),
        2f64.powi(-1023),
        3.0,
        0.0,
        -0.0,
        f64::INFINITY,
        f64::NAN,
    ] {
        assert_eq!(exact_reciprocal(f(c)), None, "{c}");
    }
    // The same bits as the division, for every kind of dividend.
    let xs = [
        1.0,
        -3.7,
        1e308,
        5e-324,
        2.2250738585072014e-308,
        f64::MAX,
        0.1,
        -0.0,
        f64::NAN,
        f64::INFINITY,
    ];
    for c in [2.0, 0.25, -8.0, 2f64.powi(1000), 2f64.powi(-1000)] {
        let r = f64::from_bits(exact_reciprocal(f(c)).unwrap());
        for x in xs {
            let (q, m) = (x / c, x * r);
            assert!(
                q.to_bits() == m.to_bits() || q.is_nan() && m.is_nan(),
                "{x} / {c}"
            );
        }
    }

    let mut g = G::new();
    let b = g.0.entry;
    let x = g.param(b, Ty::Float);
    let four = g.add(b, Insn::Const { bits: f(4.0) }, Ty::Float);
    let three = g.add(b, Insn::Const { bits: f(3.0) }, Ty::Float);
    let q = g.bin(b, BinOp::DivF, x, four);
    let r = g.bin(b, BinOp::DivF, q, three);
    g.ret(b, r);
    let (g, c) = g.run(simplify::run);
    assert_eq!(
        count(&c, "float divisions by a power of two made multiplications"),
        1
    );
    // (The 4.0 stays for the dead code pass.)
    assert_eq!(names(&g), ["Const", "Const", "Const", "MulF", "DivF"]);
    let Insn::Bin { b: k, .. } = g.insn(g.block(b).insns[3]).insn else {
        panic!("a multiplication")
    };
    assert_eq!(const_of(&g, k), Some(f(0.25)));
}

/// bb0 branches on `cond` to bb1 or bb2, both jumping to bb3(v).
fn diamond(g: &mut G, cond: InsnId) -> [BlockId; 4] {
    let b0 = g.0.entry;
    let (b1, b2, b3) = (g.block(1), g.block(2), g.block(3));
    let one = g.konst(b1, 1);
    let two = g.konst(b2, 2);
    g.term(
        b0,
        Term::Branch {
            cond,
            then: Edge {
                block: b1,
                args: vec![],
            },
            else_: Edge {
                block: b2,
                args: vec![],
            },
        },
    );
    g.jump(b1, b3, vec![one]);
    g.jump(b2, b3, vec![two]);
    let p = g.param(b3, Ty::Int);
    g.ret(b3, p);
    [b0, b1, b2, b3]
}

#[test]
fn a_branch_on_a_constant_becomes_a_jump_and_the_blocks_merge() {
    let mut g = G::new();
    let c = g.konst(g.0.entry, 0);
    diamond(&mut g, c);
    let (g, counts) = g.run(simplify::run);
    assert_eq!(count(&counts, "branches folded"), 1);
    assert_eq!(g.blocks.len(), 1, "{}", graph(&g, &NoNames));
    assert_eq!(const_of(&g, returned(&g)), Some(2));
}

#[test]
fn a_branch_on_a_negation_tests_its_operand_with_the_edges_swapped() {
    let mut g = G::new();
    let x = g.param(g.0.entry, Ty::Int);
    let n = g.add(
        g.0.entry,
        Insn::Un {
            op: UnOp::Not,
            a: x,
        },
        Ty::Int,
    );
    let [_, b1, b2, _] = diamond(&mut g, n);
    let (g, counts) = g.run(simplify::run);
    assert_eq!(count(&counts, "negated branches swapped"), 1);
    let Some(Term::Branch { cond, then, else_ }) = &g.block(g.entry).term else {
        panic!("{}", graph(&g, &NoNames));
    };
    assert_eq!(*cond, x);
    // (bb1 held `1`, bb2 `2`: `!x` went to bb1, so `x` goes to bb2.)
    assert_eq!((then.block, else_.block), (b2, b1));
}

/// `if x < y && z != 0 { return 1 }; return 2`, as the builder makes a
/// short circuit: the false side passes the first comparison to a join
/// that branches on it.
#[test]
fn a_short_circuit_edge_goes_straight_to_the_side_it_decides() {
    let mut g = G::new();
    let e = g.0.entry;
    let (x, y, z) = (
        g.param(e, Ty::Int),
        g.param(e, Ty::Int),
        g.param(e, Ty::Int),
    );
    let (rhs, join, yes, no) = (g.block(1), g.block(2), g.block(3), g.block(4));
    let lt = cmp(&mut g, e, Cmp::Lt, x, y);
    g.term(
        e,
        Term::Branch {
            cond: lt,
            then: Edge {
                block: rhs,
                args: vec![],
            },
            else_: Edge {
                block: join,
                args: vec![lt],
            },
        },
    );
    let zero = g.konst(rhs, 0);
    let ne = g.add(
        rhs,
        Insn::Cmp {
            c: Cmp::Ne,
            kind: CmpKind::Signed,
            a: z,
            b: zero,
        },
        Ty::Int,
    );
    g.jump(rhs, join, vec![ne]);
    let t = g.param(join, Ty::Int);
    let edge = |block| Edge {
        block,
        args: vec![],
    };
    g.term(
        join,
        Term::Branch {
            cond: t,
            then: edge(yes),
            else_: edge(no),
        },
    );
    let one = g.konst(yes, 1);
    g.ret(yes, one);
    let two = g.konst(no, 2);
    g.ret(no, two);
    let (g, counts) = g.run(simplify::run);
    assert_eq!(count(&counts, "threaded"), 2, "{}", graph(&g, &NoNames));
    // The comparison's false side returns 2 at once, and the comparison
    // has one use left: the branch (which the code generator fuses).
    let Some(Term::Branch { cond, then, else_ }) = &g.block(g.entry).term else {
        panic!("{}", graph(&g, &NoNames));
    };
    assert_eq!(*cond, lt);
    assert!(else_.args.is_empty());
    let returns = |b: BlockId, k: u64| matches!(&g.block(b).term, Some(Term::Return(v)) if const_of(&g, v[0]) == Some(k));
    assert!(returns(else_.block, 2), "{}", graph(&g, &NoNames));
    // And the right-hand side's jump to the join became the join's
    // branch, on `z != 0` itself: no block is left to join.
    let Some(Term::Branch {
        cond,
        then: t2,
        else_: e2,
    }) = &g.block(then.block).term
    else {
        panic!("{}", graph(&g, &NoNames));
    };
    assert!(
        matches!(g.insn(*cond).insn, Insn::Cmp { c: Cmp::Ne, a, .. } if a == z),
        "{}",
        graph(&g, &NoNames)
    );
    assert!(
        returns(t2.block, 1) && returns(e2.block, 2),
        "{}",
        graph(&g, &NoNames)
    );
}

/// A join whose parameter the side it branches to reads directly (it
/// dominates that side) is not threaded through: the side would lose the
/// value.
#[test]
fn no_threading_when_a_side_reads_the_joins_parameter() {
    let mut g = G::new();
    let e = g.0.entry;
    let x = g.param(e, Ty::Int);
    let (join, yes, no) = (g.block(1), g.block(2), g.block(3));
    let one = g.konst(e, 1);
    let edge = |block| Edge {
        block,
        args: vec![],
    };
    g.term(
        e,
        Term::Branch {
            cond: x,
            then: Edge {
                block: join,
                args: vec![one],
            },
            else_: Edge {
                block: join,
                args: vec![x],
            },
        },
    );
    let t = g.param(join, Ty::Int);
    g.term(
        join,
        Term::Branch {
            cond: t,
            then: edge(yes),
            else_: edge(no),
        },
    );
    let r = g.bin(yes, BinOp::AddI, t, t);
    g.ret(yes, r);
    let two = g.konst(no, 2);
    g.ret(no, two);
    let (g, counts) = g.run(simplify::run);
    assert_eq!(count(&counts, "threaded"), 0, "{}", graph(&g, &NoNames));
}

/// A loop header is never threaded through (its entry state and OSR
/// entry stay), nor a back-edge made.
#[test]
fn no_threading_through_a_loop_header() {
    let mut g = G::new();
    let e = g.0.entry;
    let x = g.param(e, Ty::Int);
    let (head, yes, no) = (g.block(1), g.block(2), g.block(3));
    let one = g.konst(e, 1);
    g.jump(e, head, vec![one]);
    let t = g.param(head, Ty::Int);
    g.0.blocks[head.index()].entry_state = Some(vec![(0, t)]);
    let edge = |block| Edge {
        block,
        args: vec![],
    };
    g.term(
        head,
        Term::Branch {
            cond: t,
            then: edge(yes),
            else_: edge(no),
        },
    );
    g.jump(yes, head, vec![x]);
    g.0.blocks[yes.index()].term_pc = Some(5);
    let two = g.konst(no, 2);
    g.ret(no, two);
    let (g, counts) = g.run(simplify::run);
    assert_eq!(count(&counts, "threaded"), 0, "{}", graph(&g, &NoNames));
}

#[test]
fn a_merge_point_keeps_its_parameter() {
    let mut g = G::new();
    let c = g.param(g.0.entry, Ty::Int);
    diamond(&mut g, c);
    let (g, counts) = g.run(simplify::run);
    assert_eq!(g.blocks.len(), 4);
    assert_eq!(count(&counts, "merged"), 0);
    assert_eq!(g.blocks[3].params.len(), 1);
}

#[test]
fn blocks_merge_only_with_equal_flags_and_never_into_a_loop_header() {
    // bb0 -> bb1 (inlined) -> bb2 -> bb3 (a header, with state) -> return
    let mut g = G::new();
    let b0 = g.0.entry;
    let (b1, b2, b3) = (g.block(0), g.block(5), g.block(6));
    g.0.blocks[b1.index()].inlined = true;
    let x = g.param(b0, Ty::Int);
    g.jump(b0, b1, vec![]);
    g.add(
        b1,
        Insn::Entered {
            func: FuncId(1),
            edge: pgojit_profiler::EdgeId::NONE,
        },
        Ty::Void,
    );
    g.jump(b1, b2, vec![]);
    g.0.blocks[b2.index()].inlined = true;
    g.jump(b2, b3, vec![x]);
    let p = g.param(b3, Ty::Int);
    g.0.blocks[b3.index()].entry_state = Some(vec![(0, p)]);
    g.ret(b3, p);
    let (g, counts) = g.run(simplify::run);
    // bb1 and bb2 (both inlined) become one (merged, or the empty bb2
    // jumped past); the entry and the header stay.
    assert_eq!(count(&counts, "merged") + count(&counts, "threaded"), 1);
    assert_eq!(g.blocks.len(), 3);
    assert!(g.blocks[2].entry_state.is_some());
    // The header's parameter (one incoming value) is replaced, in its
    // state too.
    assert_eq!(g.blocks[2].entry_state, Some(vec![(0, x)]));
    assert_eq!(names(&g), ["Entered"]);
}

#[test]
fn a_jump_from_the_entry_does_not_take_in_a_back_edge() {
    // bb0 -> bb1 (pc 7: the loop's test) -> bb2 (pc 3, the body) -> bb1
    let mut g = G::new();
    let b0 = g.0.entry;
    let (b1, b2, b3) = (g.block(7), g.block(3), g.block(8));
    let x = g.param(b0, Ty::Int);
    g.jump(b0, b1, vec![]);
    g.0.blocks[b1.index()].term_pc = Some(7);
    g.term(
        b1,
        Term::Branch {
            cond: x,
            then: Edge {
                block: b2,
                args: vec![],
            },
            else_: Edge {
                block: b3,
                args: vec![],
            },
        },
    );
    g.add(b2, Insn::Bump { addr: 8 }, Ty::Void);
    g.0.blocks[b2.index()].term_pc = Some(6);
    g.0.blocks[b2.index()].entry_state = Some(vec![]);
    g.term(
        b2,
        Term::Branch {
            cond: x,
            then: Edge {
                block: b2,
                args: vec![],
            },
            else_: Edge {
                block: b3,
                args: vec![],
            },
        },
    );
    g.ret(b3, x);
    let (g, counts) = g.run(simplify::run);
    assert_eq!(count(&counts, "merged"), 0);
    assert_eq!(g.blocks.len(), 4);
}

#[test]
fn redundant_loads_go_and_stores_forward() {
    let mut g = G::new();
    let b = g.0.entry;
    let p = g.param(b, Ty::Ptr);
    let v = g.param(b, Ty::Int);
    let l1 = g.add(b, Insn::Load { p, off: 1 }, Ty::Int);
    let l2 = g.add(b, Insn::Load { p, off: 1 }, Ty::Int);
    g.add(b, Insn::Store { p, off: 2, v }, Ty::Void);
    let l3 = g.add(b, Insn::Load { p, off: 1 }, Ty::Int);
    let l4 = g.add(b, Insn::Load { p, off: 2 }, Ty::Int);
    let s1 = g.bin(b, BinOp::AddI, l1, l2);
    let s2 = g.bin(b, BinOp::AddI, l3, l4);
    let s = g.bin(b, BinOp::AddI, s1, s2);
    g.ret(b, s);
    let (g, c) = g.run(loads::run);
    assert_eq!(count(&c, "redundant loads"), 2);
    assert_eq!(count(&c, "forwarded"), 1);
    assert_eq!(
        g.insn(s1).insn,
        Insn::Bin {
            op: BinOp::AddI,
            a: l1,
            b: l1
        }
    );
    assert_eq!(
        g.insn(s2).insn,
        Insn::Bin {
            op: BinOp::AddI,
            a: l1,
            b: v
        }
    );
}

#[test]
fn a_call_or_a_store_elsewhere_kills_loads() {
    let mut g = G::new();
    let b = g.0.entry;
    let p = g.param(b, Ty::Ptr);
    let q = g.param(b, Ty::Ptr);
    let l1 = g.add(b, Insn::Load { p, off: 0 }, Ty::Int);
    g.add(
        b,
        Insn::Call {
            func: FuncId(0),
            args: vec![],
            edge: pgojit_profiler::EdgeId::NONE,
        },
        Ty::Tuple(0),
    );
    let l2 = g.add(b, Insn::Load { p, off: 0 }, Ty::Int);
    g.add(
        b,
        Insn::Store {
            p: q,
            off: 3,
            v: l1,
        },
        Ty::Void,
    );
    let l3 = g.add(b, Insn::Load { p, off: 0 }, Ty::Int);
    let s1 = g.bin(b, BinOp::AddI, l1, l2);
    let s = g.bin(b, BinOp::AddI, s1, l3);
    g.ret(b, s);
    let (g, c) = g.run(loads::run);
    assert!(c.iter().all(|x| x.1 == 0), "{c:?}");
    assert_eq!(
        names(&g),
        ["Load", "Call", "Load", "Store", "Load", "AddI", "AddI"]
    );
}

#[test]
fn a_load_is_not_reused_across_a_loop_back_edge() {
    // bb0: load; -> bb1 (header): load; store; branch bb1 | bb2
    let mut g = G::new();
    let b0 = g.0.entry;
    let (b1, b2) = (g.block(1), g.block(2));
    let p = g.param(b0, Ty::Ptr);
    let l0 = g.add(b0, Insn::Load { p, off: 0 }, Ty::Int);
    g.jump(b0, b1, vec![]);
    let l1 = g.add(b1, Insn::Load { p, off: 0 }, Ty::Int);
    let one = g.konst(b1, 1);
    let n = g.bin(b1, BinOp::AddI, l1, one);
    g.add(b1, Insn::Store { p, off: 0, v: n }, Ty::Void);
    g.term(
        b1,
        Term::Branch {
            cond: n,
            then: Edge {
                block: b1,
                args: vec![],
            },
            else_: Edge {
                block: b2,
                args: vec![],
            },
        },
    );
    g.ret(b2, l0);
    let (g, c) = g.run(loads::run);
    assert!(c.iter().all(|x| x.1 == 0), "{c:?}");
    assert!(g.block(b1).insns.contains(&l1));
}

#[test]
fn an_unused_load_stays_unless_its_pointer_was_dereferenced() {
    let mut g = G::new();
    let b = g.0.entry;
    let p = g.param(b, Ty::Ptr);
    let l1 = g.add(b, Insn::Load { p, off: 0 }, Ty::Int);
    let l2 = g.add(b, Insn::Load { p, off: 1 }, Ty::Int);
    g.ret(b, p);
    let (g, c) = g.run(|g| {
        let mut c = dce::run(g);
        c.extend(loads::run(g));
        c
    });
    assert_eq!(count(&c, "non-nil"), 1);
    assert!(g.block(b).insns.contains(&l1), "may fault on nil");
    assert!(!g.block(b).insns.contains(&l2));
}

#[test]
fn dce_keeps_effects_and_entry_states() {
    let mut g = G::new();
    let b0 = g.0.entry;
    let b1 = g.block(1);
    let x = g.param(b0, Ty::Int);
    let zero = g.konst(b0, 0);
    let two = g.konst(b0, 2);
    g.bin(b0, BinOp::DivS, x, zero);
    g.bin(b0, BinOp::DivS, x, two);
    g.add(
        b0,
        Insn::Entered {
            func: FuncId(2),
            edge: pgojit_profiler::EdgeId::NONE,
        },
        Ty::Void,
    );
    g.add(b0, Insn::Bump { addr: 16 }, Ty::Void);
    g.add(b0, Insn::CheckIndex { i: x, len: 4 }, Ty::Void);
    let kept = g.bin(b0, BinOp::MulI, x, x);
    g.jump(b0, b1, vec![]);
    g.0.blocks[b1.index()].entry_state = Some(vec![(3, kept)]);
    g.0.blocks[b1.index()].term_pc = Some(1);
    g.ret(b1, x);
    let (g, c) = g.run(dce::run);
    assert_eq!(count(&c, "unused instructions"), 2, "{c:?}");
    assert_eq!(
        names(&g),
        ["Const", "DivS", "Entered", "Bump", "CheckIndex", "MulI"]
    );
}

#[test]
fn dead_parameters_go_with_their_arguments() {
    let mut g = G::new();
    let p = g.param(g.0.entry, Ty::Int);
    let [_, _, _, b3] = diamond(&mut g, p);
    g.0.blocks[b3.index()].term = Some(Term::Return(vec![p]));
    let (g, c) = g.run(dce::run);
    assert_eq!(count(&c, "parameters"), 1);
    assert_eq!(count(&c, "instructions"), 2);
    assert!(g.blocks[3].params.is_empty());
}

#[test]
fn gvn_replaces_dominated_values_and_checks_but_not_guards() {
    let mut g = G::new();
    let b0 = g.0.entry;
    let b1 = g.block(1);
    let x = g.param(b0, Ty::Int);
    let y = g.param(b0, Ty::Int);
    let a1 = g.bin(b0, BinOp::AddI, x, y);
    g.add(b0, Insn::CheckIndex { i: x, len: 9 }, Ty::Void);
    let k1 = g.add(b0, Insn::KeyEq { cell: 64, v: x }, Ty::Int);
    g.jump(b0, b1, vec![]);
    let a2 = g.bin(b1, BinOp::AddI, y, x);
    g.add(b1, Insn::CheckIndex { i: x, len: 9 }, Ty::Void);
    let k2 = g.add(b1, Insn::KeyEq { cell: 64, v: x }, Ty::Int);
    let d1 = g.bin(b1, BinOp::DivS, a2, y);
    let d2 = g.bin(b1, BinOp::DivS, a1, y);
    let s1 = g.bin(b1, BinOp::AddI, k1, k2);
    let s2 = g.bin(b1, BinOp::AddI, d1, d2);
    let s = g.bin(b1, BinOp::AddI, s1, s2);
    g.ret(b1, s);
    let (g, c) = g.run(gvn::run);
    assert_eq!(count(&c, "values"), 2, "{c:?}");
    assert_eq!(count(&c, "checks"), 1);
    assert_eq!(
        names(&g),
        [
            "AddI",
            "CheckIndex",
            "KeyEq",
            "KeyEq",
            "DivS",
            "AddI",
            "AddI",
            "AddI"
        ]
    );
    assert_eq!(
        g.insn(s2).insn,
        Insn::Bin {
            op: BinOp::AddI,
            a: d1,
            b: d1
        }
    );
}

#[test]
fn the_pipeline_folds_what_the_loads_pass_shows_equal() {
    let mut g = G::new();
    let b = g.0.entry;
    let p = g.param(b, Ty::Ptr);
    let c = g.konst(b, 3);
    let l1 = g.add(b, Insn::Load { p, off: 0 }, Ty::Int);
    let l2 = g.add(b, Insn::Load { p, off: 0 }, Ty::Int);
    let d = g.bin(b, BinOp::SubI, l1, l2);
    let e = g.bin(b, BinOp::AddI, d, c);
    g.ret(b, e);
    let trace = run(&mut g.0);
    assert_eq!(const_of(&g.0, returned(&g.0)), Some(3));
    // (The folded 3 is the constant 3 of the start, once the second GVN
    // has run.)
    assert_eq!(names(&g.0), ["Const", "Load"]);
    assert!(trace.iter().any(|l| l.starts_with("t: loads: 1 redundant")));
}

// ----- bounds -----

fn cmp(g: &mut G, b: BlockId, c: Cmp, x: InsnId, y: InsnId) -> InsnId {
    g.add(
        b,
        Insn::Cmp {
            c,
            kind: CmpKind::Signed,
            a: x,
            b: y,
        },
        Ty::Int,
    )
}

fn slice_load(g: &mut G, b: BlockId, ptr: InsnId, len: InsnId, i: InsnId) -> InsnId {
    g.add(
        b,
        Insn::SliceLoad {
            ptr,
            len,
            i,
            stride: 1,
            off: 0,
        },
        Ty::Int,
    )
}

/// How the test loop is made.
struct LoopShape {
    /// The first index: a constant, or `None` for a parameter `x` (any
    /// integer).
    start: Option<u64>,
    step: u64,
    /// The loop goes on while `i' c bound` is false (`Ge`: `i' < bound`).
    exit: Cmp,
    /// Test against the slice's length (else against another parameter).
    against_len: bool,
}

/// A rotated loop, as the bytecode makes them: `bb0(ptr, len, n, x)`
/// guards `start c bound` into `bb2`, else `bb1(i)` loads `s[i]`, steps
/// `i` and tests `i' c bound` at the bottom. Returns the graph and the
/// load.
fn rotated(shape: &LoopShape) -> (G, InsnId) {
    let mut g = G::new();
    let b0 = g.0.entry;
    let (body, exit) = (g.block(3), g.block(7));
    let ptr = g.param(b0, Ty::Ptr);
    let len = g.param(b0, Ty::Int);
    let n = g.param(b0, Ty::Int);
    let x = g.param(b0, Ty::Int);
    let bound = if shape.against_len { len } else { n };
    let start = match shape.start {
        Some(k) => g.konst(b0, k),
        None => x,
    };
    let guard = cmp(&mut g, b0, shape.exit, start, bound);
    let zero = g.konst(b0, 0);
    let i = g.param(body, Ty::Int);
    let t = g.param(body, Ty::Int);
    let load = slice_load(&mut g, body, ptr, len, i);
    let t2 = g.bin(body, BinOp::AddI, t, load);
    let step = g.konst(body, shape.step);
    let i2 = g.bin(body, BinOp::AddI, i, step);
    let test = cmp(&mut g, body, shape.exit, i2, bound);
    let r = g.param(exit, Ty::Int);
    g.term(
        b0,
        Term::Branch {
            cond: guard,
            then: Edge {
                block: exit,
                args: vec![zero],
            },
            else_: Edge {
                block: body,
                args: vec![start, zero],
            },
        },
    );
    g.term(
        body,
        Term::Branch {
            cond: test,
            then: Edge {
                block: exit,
                args: vec![t2],
            },
            else_: Edge {
                block: body,
                args: vec![i2, t2],
            },
        },
    );
    g.0.blocks[body.index()].term_pc = Some(6);
    g.ret(exit, r);
    (g, load)
}

const UP: LoopShape = LoopShape {
    start: Some(0),
    step: 1,
    exit: Cmp::Ge,
    against_len: true,
};

#[test]
fn bounds_an_induction_variable_below_the_length_is_in_range() {
    for start in [0, 5] {
        let (g, load) = rotated(&LoopShape {
            start: Some(start),
            ..UP
        });
        let (g, c) = g.run(bounds::run);
        assert!(g.in_bounds.contains(&load), "{}", graph(&g, &NoNames));
        assert_eq!(count(&c, "bounds checks removed"), 1);
        assert!(graph(&g, &NoNames).contains("nobounds"));
    }
}

#[test]
fn bounds_loops_that_may_leave_the_range_keep_their_checks() {
    let shapes = [
        // i < n, n not the length.
        LoopShape {
            against_len: false,
            ..UP
        },
        // A decrementing loop tested `i < len`: i goes negative.
        LoopShape {
            step: u64::MAX,
            ..UP
        },
        // i <= len.
        LoopShape {
            exit: Cmp::Gt,
            ..UP
        },
        // An index that starts anywhere (it may be negative).
        LoopShape { start: None, ..UP },
        // A step of 2: i + 2 may overflow, and is not proved non-negative.
        LoopShape { step: 2, ..UP },
        // A negative start.
        LoopShape {
            start: Some(-1i64 as u64),
            ..UP
        },
    ];
    for s in &shapes {
        let (g, load) = rotated(s);
        let (g, c) = g.run(bounds::run);
        assert!(!g.in_bounds.contains(&load), "{}", graph(&g, &NoNames));
        assert_eq!(count(&c, "bounds checks removed"), 0);
    }
}

/// `bb0(ptr, len)` jumps to the header `bb1(i, l)`, which tests
/// `i < len0` into `bb2` (loads `(ptr, l)[i]`, jumps back with `i + 1`
/// and `next_len(l)`) or leaves to `bb3`.
fn top_tested(change_len: bool) -> (G, InsnId) {
    let mut g = G::new();
    let b0 = g.0.entry;
    let (head, body, exit) = (g.block(2), g.block(3), g.block(9));
    let ptr = g.param(b0, Ty::Ptr);
    let len = g.param(b0, Ty::Int);
    let zero = g.konst(b0, 0);
    g.jump(b0, head, vec![zero, len]);
    let i = g.param(head, Ty::Int);
    let l = g.param(head, Ty::Int);
    let t = cmp(&mut g, head, Cmp::Lt, i, l);
    g.term(
        head,
        Term::Branch {
            cond: t,
            then: Edge {
                block: body,
                args: vec![],
            },
            else_: Edge {
                block: exit,
                args: vec![],
            },
        },
    );
    let load = slice_load(&mut g, body, ptr, l, i);
    let one = g.konst(body, 1);
    let i2 = g.bin(body, BinOp::AddI, i, one);
    let l2 = if change_len {
        g.add(body, Insn::Load { p: ptr, off: 1 }, Ty::Int)
    } else {
        l
    };
    g.jump(body, head, vec![i2, l2]);
    g.0.blocks[body.index()].term_pc = Some(8);
    g.ret(exit, zero);
    (g, load)
}

#[test]
fn bounds_a_loop_tested_at_the_top_and_a_length_that_changes() {
    // The length is a header parameter, the same on every trip (simplify
    // would make it `len`; the pass does not need it to): the test on the
    // way in proves the access.
    let (g, load) = top_tested(false);
    let (g, _) = g.run(bounds::run);
    assert!(g.in_bounds.contains(&load), "{}", graph(&g, &NoNames));
    // A length read again in the loop: still `i < l` on the way to the
    // access, which is what matters; and `i + 1 >= 0` since `i < l`.
    let (g, load) = top_tested(true);
    let (g, _) = g.run(bounds::run);
    assert!(g.in_bounds.contains(&load), "{}", graph(&g, &NoNames));
}

#[test]
fn bounds_a_length_defined_in_the_loop_is_no_bound_for_the_header() {
    // The rotated loop with its access against a length loaded in the
    // body, tested against the outer length: stays.
    let (mut g, load) = rotated(&UP);
    let body = BlockId(1);
    let Insn::SliceLoad { ptr, .. } = g.0.insn(load).insn else {
        unreachable!()
    };
    let l = g.new_insn(Insn::Load { p: ptr, off: 1 }, Ty::Int);
    g.0.blocks[body.index()].insns.insert(0, l);
    if let Insn::SliceLoad { len, .. } = &mut g.0.insns[load.index()].insn {
        *len = l;
    }
    let (g, _) = g.run(bounds::run);
    assert!(!g.in_bounds.contains(&load), "{}", graph(&g, &NoNames));
}

#[test]
fn bounds_masks_and_dominating_checks() {
    let mut g = G::new();
    let b = g.0.entry;
    let ptr = g.param(b, Ty::Ptr);
    let len = g.param(b, Ty::Int);
    let ptr2 = g.param(b, Ty::Ptr);
    let len2 = g.param(b, Ty::Int);
    let i = g.param(b, Ty::Int);
    let m15 = g.konst(b, 15);
    let m16 = g.konst(b, 16);
    let m1023 = g.konst(b, 1023);
    let a15 = g.bin(b, BinOp::And, i, m15);
    let a16 = g.bin(b, BinOp::And, i, m16);
    let a1023 = g.bin(b, BinOp::And, i, m1023);
    let c15 = g.add(b, Insn::CheckIndex { i: a15, len: 16 }, Ty::Void);
    let c16 = g.add(b, Insn::CheckIndex { i: a16, len: 16 }, Ty::Void);
    // Unknown length: stays; then s[1023] proves len > 1023.
    let before = slice_load(&mut g, b, ptr, len, a1023);
    let top = slice_load(&mut g, b, ptr, len, m1023);
    let after = slice_load(&mut g, b, ptr2, len, a1023);
    // The same index against the same length value, another pointer.
    let first = slice_load(&mut g, b, ptr, len, i);
    let same_len = slice_load(&mut g, b, ptr2, len, i);
    let other_len = slice_load(&mut g, b, ptr2, len2, i);
    g.ret(b, first);
    let (g, c) = g.run(bounds::run);
    let body = &g.block(g.entry).insns;
    assert!(!body.contains(&c15), "i & 15 < 16");
    assert!(body.contains(&c16), "i & 16 may be 16");
    assert!(!g.in_bounds.contains(&before));
    assert!(!g.in_bounds.contains(&top));
    assert!(g.in_bounds.contains(&after));
    assert!(!g.in_bounds.contains(&first));
    assert!(g.in_bounds.contains(&same_len));
    assert!(!g.in_bounds.contains(&other_len));
    assert_eq!(count(&c, "bounds checks removed"), 3);
}

// ----- licm -----

/// The rotated loop of [`rotated`] with, in its body, `x * 3`, `ptr.1`
/// (a load), a `CheckShift x`, a `KeyEq x`, a `Bump`, and (`store`) a
/// store to `ptr.2`; `deref`: `ptr.0` read before the loop. Returns the
/// graph and (mul, its constant, load, check, key).
fn licm_loop(store: bool, deref: bool) -> (G, [InsnId; 5]) {
    let (mut g, _) = rotated(&UP);
    let (b0, body) = (BlockId(0), BlockId(1));
    let (ptr, x) = (g.0.block(b0).params[0], g.0.block(b0).params[3]);
    if deref {
        let d = g.new_insn(Insn::Load { p: ptr, off: 0 }, Ty::Int);
        g.0.blocks[b0.index()].insns.insert(0, d);
    }
    let three = g.konst(body, 3);
    let mul = g.bin(body, BinOp::MulI, x, three);
    let load = g.add(body, Insn::Load { p: ptr, off: 1 }, Ty::Int);
    let check = g.add(body, Insn::CheckShift { a: x }, Ty::Void);
    let key = g.add(body, Insn::KeyEq { cell: 64, v: x }, Ty::Int);
    g.add(body, Insn::Bump { addr: 64 }, Ty::Void);
    if store {
        g.add(
            body,
            Insn::Store {
                p: ptr,
                off: 2,
                v: mul,
            },
            Ty::Void,
        );
    }
    // (Used, as the loop's sum.)
    let t = g.0.block(body).params[1];
    let s = g.bin(body, BinOp::AddI, mul, load);
    let s = g.bin(body, BinOp::AddI, s, key);
    let s2 = g.bin(body, BinOp::AddI, s, t);
    if let Some(Term::Branch { then, else_, .. }) = &mut g.0.blocks[body.index()].term {
        then.args[0] = s2;
        else_.args[1] = s2;
    }
    g.0.blocks[body.index()].entry_state = Some(vec![(0, ptr)]);
    (g, [mul, three, load, check, key])
}

#[test]
fn licm_hoists_invariants_but_not_checks_guards_or_faulting_loads() {
    let (g, [mul, three, load, check, key]) = licm_loop(false, false);
    let before = g.0.block(BlockId(1)).clone();
    let (g, c) = g.run(licm::run);
    let (pre, body) = (g.block(BlockId(0)), g.block(BlockId(1)));
    assert!(pre.insns.contains(&mul) && pre.insns.contains(&three));
    // The pointer may be nil and the loop may not run.
    assert!(body.insns.contains(&load), "{}", graph(&g, &NoNames));
    assert!(body.insns.contains(&check) && body.insns.contains(&key));
    assert_eq!(count(&c, "hoisted"), 1);
    // The header as it was: parameters, pc, flags, state.
    assert_eq!(body.params, before.params);
    assert_eq!(
        (body.pc, body.term_pc, &body.entry_state),
        (before.pc, before.term_pc, &before.entry_state)
    );
}

#[test]
fn licm_moves_a_load_only_from_a_loop_that_writes_no_memory() {
    // Dereferenced before the loop, no store in it: moves.
    let (g, [_, _, load, ..]) = licm_loop(false, true);
    let (g, c) = g.run(licm::run);
    assert!(
        g.block(BlockId(0)).insns.contains(&load),
        "{}",
        graph(&g, &NoNames)
    );
    // x * 3, the load and their sum.
    assert_eq!(count(&c, "hoisted"), 3);
    // A store in the loop: stays.
    let (g, [mul, _, load, ..]) = licm_loop(true, true);
    let (g, _) = g.run(licm::run);
    assert!(
        g.block(BlockId(1)).insns.contains(&load),
        "{}",
        graph(&g, &NoNames)
    );
    assert!(g.block(BlockId(0)).insns.contains(&mul));
}

#[test]
fn licm_leaves_a_header_entered_from_two_blocks_alone() {
    // bb0(x) branches to bb1 or bb2, which both enter the loop bb3(i).
    let mut g = G::new();
    let b0 = g.0.entry;
    let (l, r, head, exit) = (g.block(1), g.block(2), g.block(3), g.block(9));
    let x = g.param(b0, Ty::Int);
    let zero = g.konst(b0, 0);
    g.term(
        b0,
        Term::Branch {
            cond: x,
            then: Edge {
                block: l,
                args: vec![],
            },
            else_: Edge {
                block: r,
                args: vec![],
            },
        },
    );
    g.jump(l, head, vec![zero]);
    g.jump(r, head, vec![x]);
    let i = g.param(head, Ty::Int);
    let three = g.konst(head, 3);
    let mul = g.bin(head, BinOp::MulI, x, three);
    let i2 = g.bin(head, BinOp::AddI, i, mul);
    g.term(
        head,
        Term::Branch {
            cond: i2,
            then: Edge {
                block: head,
                args: vec![i2],
            },
            else_: Edge {
                block: exit,
                args: vec![],
            },
        },
    );
    g.0.blocks[head.index()].term_pc = Some(8);
    g.ret(exit, zero);
    let (g, c) = g.run(licm::run);
    assert!(
        g.block(head).insns.contains(&mul),
        "{}",
        graph(&g, &NoNames)
    );
    assert_eq!(count(&c, "hoisted"), 0);
}

#[test]
fn licm_moves_a_load_at_the_top_of_the_header_only_with_nothing_before_it() {
    for check_first in [false, true] {
        let (mut g, _) = top_tested(false);
        let head = BlockId(1);
        let ptr = g.0.block(BlockId(0)).params[0];
        let i = g.0.block(head).params[0];
        let load = g.new_insn(Insn::Load { p: ptr, off: 1 }, Ty::Int);
        g.0.blocks[head.index()].insns.insert(0, load);
        if check_first {
            let c = g.new_insn(Insn::CheckShift { a: i }, Ty::Void);
            g.0.blocks[head.index()].insns.insert(0, c);
        }
        // (Used: the loop's exit returns it.)
        let exit = BlockId(3);
        g.ret(exit, load);
        let (g, _) = g.run(licm::run);
        assert_eq!(
            g.block(BlockId(0)).insns.contains(&load),
            !check_first,
            "{}",
            graph(&g, &NoNames)
        );
    }
}

// ----- scalar replacement -----

/// `bb0`: `p = Alloc 2 words; Store p+1, 7`, then `diamond` on param
/// `c`, whose bb1 stores `x` (a param) to `p+1` through `AddrOff p+1`;
/// bb3 loads `p+1` and `p+0` and returns their sum. `extra` may add a
/// use of `p` in bb0 (an escape).
fn cell_graph(extra: impl FnOnce(&mut G, InsnId)) -> G {
    let mut g = G::new();
    let e = g.0.entry;
    let (c, x) = (g.param(e, Ty::Int), g.param(e, Ty::Int));
    let p = g.add(
        e,
        Insn::Bytecode {
            op: crate::bytecode::op::Op::Alloc {
                d: 0,
                n: 2,
                layout: 0,
            },
            args: vec![],
            inlined_from: None,
        },
        Ty::Ptr,
    );
    let seven = g.konst(e, 7);
    g.add(
        e,
        Insn::Store {
            p,
            off: 1,
            v: seven,
        },
        Ty::Void,
    );
    extra(&mut g, p);
    let (b1, b2, b3) = (g.block(1), g.block(2), g.block(3));
    g.term(
        e,
        Term::Branch {
            cond: c,
            then: Edge {
                block: b1,
                args: vec![],
            },
            else_: Edge {
                block: b2,
                args: vec![],
            },
        },
    );
    let q = g.add(b1, Insn::AddrOff { p, off: 1 }, Ty::Ptr);
    g.add(b1, Insn::Store { p: q, off: 0, v: x }, Ty::Void);
    g.jump(b1, b3, vec![]);
    g.jump(b2, b3, vec![]);
    let y = g.add(b3, Insn::Load { p, off: 1 }, Ty::Int);
    let z = g.add(b3, Insn::Load { p, off: 0 }, Ty::Int);
    let s = g.bin(b3, BinOp::AddI, y, z);
    g.ret(b3, s);
    g
}

#[test]
fn a_confined_allocation_becomes_values_merged_at_the_join() {
    let (g, counts) = cell_graph(|_, _| {}).run(scalar::run);
    assert_eq!(count(&counts, "allocations replaced"), 1);
    let text = graph(&g, &NoNames);
    assert!(
        !names(&g)
            .iter()
            .any(|n| matches!(*n, "Alloc" | "Load" | "Store" | "AddrOff" | "Bytecode")),
        "{text}"
    );
    // The join takes word 0 (zero from both sides) and word 1 (x, or 7).
    let args = |b: usize| match &g.blocks[b].term {
        Some(Term::Jump(e)) => e.args.clone(),
        t => panic!("{t:?}\n{text}"),
    };
    let (one, two) = (args(1), args(2));
    assert_eq!(g.blocks[3].params.len(), 2, "{text}");
    assert_eq!(const_of(&g, one[0]), Some(0), "{text}");
    assert_eq!(const_of(&g, two[0]), Some(0), "{text}");
    assert_eq!(one[1], g.blocks[0].params[1], "{text}");
    assert_eq!(const_of(&g, two[1]), Some(7), "{text}");
}

#[test]
fn an_allocation_that_escapes_stays() {
    // Its pointer stored, passed to a call, or named by a loop header's
    // entry state in code that leaves for recompiled code.
    let stored = cell_graph(|g, p| {
        let e = g.0.entry;
        let q = g.param(e, Ty::Ptr);
        g.add(e, Insn::Store { p: q, off: 0, v: p }, Ty::Void);
    });
    let called = cell_graph(|g, p| {
        let e = g.0.entry;
        g.add(
            e,
            Insn::Call {
                func: FuncId(1),
                args: vec![p],
                edge: pgojit_profiler::EdgeId::NONE,
            },
            Ty::Void,
        );
    });
    let outside = cell_graph(|g, p| {
        let e = g.0.entry;
        g.add(e, Insn::Load { p, off: 2 }, Ty::Int);
    });
    for g in [stored, called, outside] {
        let (g, counts) = g.run(scalar::run);
        assert_eq!(count(&counts, "allocations replaced"), 0);
        assert!(names(&g).contains(&"Bytecode"));
    }
    // A loop header's entry state naming the pointer: kept where a guard
    // miss may make the code leave at the header, replaced (and the
    // state's entry dropped) where nothing leaves.
    for guarded in [true, false] {
        let mut g = cell_graph(|g, _| {
            if guarded {
                let e = g.0.entry;
                let key = g.0.blocks[e.index()].params[0];
                g.add(
                    e,
                    Insn::SiteMiss {
                        site: pgojit_profiler::SiteId(0),
                        key,
                    },
                    Ty::Void,
                );
            }
        });
        let alloc = InsnId(2);
        g.0.blocks[3].entry_state = Some(vec![(4, alloc)]);
        let (g, counts) = g.run(scalar::run);
        assert_eq!(
            count(&counts, "allocations replaced"),
            usize::from(!guarded)
        );
        assert_eq!(
            g.blocks[3].entry_state.as_ref().map(Vec::len),
            Some(usize::from(guarded))
        );
    }
}

fn bounds_then_version(g: &mut Graph) -> Counts {
    let mut c = bounds::run(g);
    c.extend(version::run(g));
    c
}

/// `bb0(ptr, len, n)` guards `0 >= n`; `bb1(i, t)` sums `s[i & 1023]`
/// while `i + 1 < n`; `bb2(r)` returns. With `read_after`, the loop exits
/// through `bb3`, which reads the loop's last load directly (not through
/// a parameter) before jumping to `bb2`.
fn masked_loop(read_after: bool) -> (G, InsnId) {
    let mut g = G::new();
    let b0 = g.0.entry;
    let (body, exit) = (g.block(3), g.block(7));
    let ptr = g.param(b0, Ty::Ptr);
    let len = g.param(b0, Ty::Int);
    let n = g.param(b0, Ty::Int);
    let zero = g.konst(b0, 0);
    let guard = cmp(&mut g, b0, Cmp::Ge, zero, n);
    let i = g.param(body, Ty::Int);
    let t = g.param(body, Ty::Int);
    let m = g.konst(body, 1023);
    let idx = g.bin(body, BinOp::And, i, m);
    let load = slice_load(&mut g, body, ptr, len, idx);
    let t2 = g.bin(body, BinOp::AddI, t, load);
    let one = g.konst(body, 1);
    let i2 = g.bin(body, BinOp::AddI, i, one);
    let test = cmp(&mut g, body, Cmp::Ge, i2, n);
    let r = g.param(exit, Ty::Int);
    let after = if read_after {
        let x = g.block(8);
        let sum = g.bin(x, BinOp::AddI, t2, load);
        g.jump(x, exit, vec![sum]);
        x
    } else {
        exit
    };
    g.term(
        b0,
        Term::Branch {
            cond: guard,
            then: Edge {
                block: exit,
                args: vec![zero],
            },
            else_: Edge {
                block: body,
                args: vec![zero, zero],
            },
        },
    );
    g.term(
        body,
        Term::Branch {
            cond: test,
            then: Edge {
                block: after,
                args: if read_after { vec![] } else { vec![t2] },
            },
            else_: Edge {
                block: body,
                args: vec![i2, t2],
            },
        },
    );
    g.0.blocks[body.index()].term_pc = Some(6);
    g.0.blocks[body.index()].entry_state = Some(vec![(0, ptr), (3, i), (4, t)]);
    g.ret(exit, r);
    (g, load)
}

#[test]
fn version_copies_a_masked_loop_behind_a_length_test() {
    let (g, load) = masked_loop(false);
    let (g, c) = g.run(bounds_then_version);
    let text = graph(&g, &NoNames);
    assert_eq!(count(&c, "loops copied"), 1, "{text}");
    assert_eq!(
        count(&c, "bounds checks removed in the copies"),
        1,
        "{text}"
    );
    // The original keeps its check; the copy's load (another value) has none.
    assert!(!g.in_bounds.contains(&load), "{text}");
    let loads: Vec<InsnId> = g
        .blocks
        .iter()
        .flat_map(|b| b.insns.iter().copied())
        .filter(|&i| matches!(g.insn(i).insn, Insn::SliceLoad { .. }))
        .collect();
    assert_eq!(loads.len(), 2, "{text}");
    assert!(loads.iter().any(|l| g.in_bounds.contains(l)), "{text}");
    // The way in: `len > 1023`, the copy on its true side, the original
    // on its false side; both loops' headers keep their entry states and
    // back-edges, and the edge into the test is the loop's way in.
    let test = g
        .blocks
        .iter()
        .find(|b| {
            b.insns
                .iter()
                .any(|&i| matches!(g.insn(i).insn, Insn::Cmp { c: Cmp::Gt, .. }))
        })
        .expect("the test block");
    assert_eq!(test.pc, 3, "{text}");
    assert_eq!(
        g.blocks.iter().filter(|b| b.entry_state.is_some()).count(),
        2,
        "{text}"
    );
    let latches = g
        .block_ids()
        .flat_map(|b| g.succs(b).into_iter().map(move |s| (b, s)))
        .filter(|&(b, s)| back_edge(&g, b, s))
        .count();
    assert_eq!(latches, 2, "one back-edge per copy: {text}");
}

#[test]
fn version_leaves_a_loop_whose_values_are_read_after_it() {
    let (g, load) = masked_loop(true);
    let (g, c) = g.run(bounds_then_version);
    assert_eq!(count(&c, "loops copied"), 0);
    assert!(!g.in_bounds.contains(&load));
    assert_eq!(g.blocks.len(), 4);
}

fn alloc(g: &mut G, b: BlockId) -> InsnId {
    g.add(
        b,
        Insn::Bytecode {
            op: crate::bytecode::op::Op::Alloc {
                d: 0,
                n: 2,
                layout: 0,
            },
            args: vec![],
            inlined_from: None,
        },
        Ty::Ptr,
    )
}

/// Where the graph releases: the instruction each `Release` follows.
fn released_after(g: &Graph) -> Vec<InsnId> {
    let mut out = Vec::new();
    for b in &g.blocks {
        for w in b.insns.windows(2) {
            if matches!(g.insn(w[1]).insn, Insn::Release { .. }) {
                out.push(w[0]);
            }
        }
    }
    out
}

#[test]
fn release_follows_the_last_use_on_each_path_that_has_one() {
    // bb0: p = Alloc; Store p+1 = 7; branch c: bb1 loads p+1 and returns
    // it, bb2 returns 0 (no use: the collector's).
    let mut g = G::new();
    let e = g.0.entry;
    let c = g.param(e, Ty::Int);
    let p = alloc(&mut g, e);
    let seven = g.konst(e, 7);
    g.add(
        e,
        Insn::Store {
            p,
            off: 1,
            v: seven,
        },
        Ty::Void,
    );
    let (b1, b2) = (g.block(1), g.block(2));
    g.term(
        e,
        Term::Branch {
            cond: c,
            then: Edge {
                block: b1,
                args: vec![],
            },
            else_: Edge {
                block: b2,
                args: vec![],
            },
        },
    );
    let y = g.add(b1, Insn::Load { p, off: 1 }, Ty::Int);
    g.ret(b1, y);
    let z = g.konst(b2, 0);
    g.ret(b2, z);
    let (g, counts) = g.run(release::run);
    assert_eq!(count(&counts, "released"), 1);
    assert_eq!(released_after(&g), [y], "{}", graph(&g, &NoNames));
}

#[test]
fn release_waits_for_the_loop_and_never_frees_what_escapes() {
    // bb0: p = Alloc, into the loop bb1 (loads p+0 each trip, back-edge
    // while the load is non-zero), then bb2 loads p+1 and returns it:
    // the release follows bb2's load, not the loop's.
    let looped = |escape: u8| {
        let mut g = G::new();
        let e = g.0.entry;
        let q = g.param(e, Ty::Ptr);
        let p = alloc(&mut g, e);
        let (b1, b2) = (g.block(3), g.block(7));
        g.jump(e, b1, vec![]);
        let x = g.add(b1, Insn::Load { p, off: 0 }, Ty::Int);
        g.term(
            b1,
            Term::Branch {
                cond: x,
                then: Edge {
                    block: b1,
                    args: vec![],
                },
                else_: Edge {
                    block: b2,
                    args: vec![],
                },
            },
        );
        g.0.blocks[b1.index()].term_pc = Some(5);
        let y = g.add(b2, Insn::Load { p, off: 1 }, Ty::Int);
        match escape {
            // Stored somewhere.
            1 => {
                g.add(b2, Insn::Store { p: q, off: 0, v: p }, Ty::Void);
                g.ret(b2, y);
            }
            // Returned.
            2 => g.ret(b2, p),
            _ => g.ret(b2, y),
        }
        (g, y)
    };
    let (g, y) = looped(0);
    let (g, counts) = g.run(release::run);
    assert_eq!(count(&counts, "released"), 1);
    assert_eq!(released_after(&g), [y], "{}", graph(&g, &NoNames));
    for escape in [1, 2] {
        let (g, _) = looped(escape);
        let (g, counts) = g.run(release::run);
        assert_eq!(count(&counts, "released"), 0, "escape {escape}");
        assert!(released_after(&g).is_empty());
    }
}

/// `make([]T, len)` (`cap` absent) of `stride`-word elements in `b`:
/// the tuple and its data word.
fn make_slice(g: &mut G, b: BlockId, len: InsnId, stride: u32) -> (InsnId, InsnId) {
    let m = g.add(
        b,
        Insn::Bytecode {
            op: crate::bytecode::op::Op::MakeSlice {
                d: 0,
                len: 3,
                cap: crate::bytecode::op::NONE,
                stride,
                layout: 0,
            },
            args: vec![len],
            inlined_from: None,
        },
        Ty::Tuple(3),
    );
    let p = g.add(b, Insn::Proj { of: m, index: 0 }, Ty::Ptr);
    (m, p)
}

fn frame_allocs(g: &Graph) -> Vec<(u32, u32)> {
    g.blocks
        .iter()
        .flat_map(|b| b.insns.iter())
        .filter_map(|&i| match g.insn(i).insn {
            Insn::FrameAlloc { buf, words } => Some((buf, words)),
            _ => None,
        })
        .collect()
}

#[test]
fn stack_puts_a_confined_object_in_the_frame_and_leaves_one_that_escapes() {
    // p = Alloc (2 words); Store p+1 = 7; return Load p+1 (confined), or
    // return p itself (escapes).
    for escapes in [false, true] {
        let mut g = G::new();
        let e = g.0.entry;
        let p = alloc(&mut g, e);
        let seven = g.konst(e, 7);
        g.add(
            e,
            Insn::Store {
                p,
                off: 1,
                v: seven,
            },
            Ty::Void,
        );
        let y = g.add(e, Insn::Load { p, off: 1 }, Ty::Int);
        g.ret(e, if escapes { p } else { y });
        let (g, c) = g.run(stack::run);
        let text = graph(&g, &NoNames);
        if escapes {
            assert_eq!(count(&c, "in the frame"), 0, "{text}");
            assert!(frame_allocs(&g).is_empty(), "{text}");
            assert_eq!(g.frame_bufs, 0);
        } else {
            assert_eq!(count(&c, "in the frame"), 1, "{text}");
            assert_eq!(frame_allocs(&g), [(0, 2)], "{text}");
            assert_eq!(g.frame_bufs, 2);
        }
    }
}

#[test]
fn stack_tests_a_run_time_size_against_the_buffer_and_keeps_the_heap_path() {
    // b := make([]T, n) for elements of 1 and 3 words; b[0] = 5;
    // return b[0].
    for (stride, elems) in [(1u32, 8u64), (3, 2)] {
        let mut g = G::new();
        let e = g.0.entry;
        let n = g.param(e, Ty::Int);
        let (m, p) = make_slice(&mut g, e, n, stride);
        let zero = g.konst(e, 0);
        let five = g.konst(e, 5);
        g.add(
            e,
            Insn::SliceStore {
                ptr: p,
                len: n,
                i: zero,
                stride,
                off: 0,
                v: five,
            },
            Ty::Void,
        );
        let y = g.add(
            e,
            Insn::SliceLoad {
                ptr: p,
                len: n,
                i: zero,
                stride,
                off: 0,
            },
            Ty::Int,
        );
        g.ret(e, y);
        let (g, c) = g.run(stack::run);
        let text = graph(&g, &NoNames);
        assert_eq!(count(&c, "in the frame"), 1, "{text}");
        let words = elems as u32 * stride;
        assert_eq!(frame_allocs(&g), [(0, words)], "{text}");
        assert_eq!(g.frame_bufs, words);
        // The test: n <=u elems, then the frame; else the MakeSlice.
        let test = g.blocks[e.index()].insns.iter().any(|&i| {
            matches!(g.insn(i).insn, Insn::Cmp { c: Cmp::Le, kind: CmpKind::Unsigned, a, b }
                if a == n && const_of(&g, b) == Some(elems))
        });
        assert!(test, "{text}");
        assert!(g.position(m).is_some(), "the heap path stays: {text}");
        assert!(g.blocks[g.position(m).unwrap().0.index()].cold, "{text}");
    }
}

#[test]
fn stack_keeps_an_object_a_loop_may_take_to_recompiled_code() {
    // p = Alloc; a loop whose header's entry state holds p; with a guard
    // hook in the graph (the code may leave at the header) p stays on
    // the heap, without one it goes in the frame.
    for guarded in [false, true] {
        let mut g = G::new();
        let e = g.0.entry;
        let p = alloc(&mut g, e);
        let h = g.block(3);
        let out = g.block(9);
        g.jump(e, h, vec![]);
        let x = g.add(h, Insn::Load { p, off: 0 }, Ty::Int);
        if guarded {
            g.add(
                h,
                Insn::SiteMiss {
                    site: pgojit_profiler::SiteId(0),
                    key: x,
                },
                Ty::Void,
            );
        }
        g.term(
            h,
            Term::Branch {
                cond: x,
                then: Edge {
                    block: h,
                    args: vec![],
                },
                else_: Edge {
                    block: out,
                    args: vec![],
                },
            },
        );
        g.0.blocks[h.index()].entry_state = Some(vec![(0, p)]);
        g.ret(out, x);
        let (g, c) = g.run(stack::run);
        assert_eq!(
            count(&c, "in the frame"),
            usize::from(!guarded),
            "{}",
            graph(&g, &NoNames)
        );
    }
}
