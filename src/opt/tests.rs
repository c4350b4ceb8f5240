//! The builder on small hand-written bytecode: loops, merges, fused
//! tests, call sites, frame arrays and malformed code, each built,
//! verified and compared as text.

use super::build::{build, BuildError, Signatures};
use super::ir::*;
use super::print::{graph, NoNames};
use super::verify::verify;
use crate::bytecode::op::{Cmp, Op, NONE};
use crate::bytecode::Function;
use pgojit_profiler::{FuncId, SiteId};

/// Every function takes one word and returns one; every site takes the
/// receiver's data word and one argument.
struct Sigs;

impl Signatures for Sigs {
    fn func(&self, _: FuncId) -> Option<(u32, u32)> {
        Some((1, 1))
    }
    fn site(&self, s: SiteId) -> Option<(u32, u32)> {
        (s.0 == 0).then_some((2, 1))
    }
    fn desc_words(&self, _: u64) -> Option<u32> {
        None
    }
}

fn func(code: Vec<Op>, params: u32, frame: u32) -> Function {
    Function {
        in_memory: Vec::new(),
        name: "f".into(),
        pos: vec![Default::default(); code.len()],
        code,
        frame_size: frame,
        param_words: params,
        result_words: 1,
        ptr_slots: vec![false; frame as usize],
    }
}

/// Builds, verifies and prints. (Values are numbered in the order the
/// builder makes them: blocks in reverse postorder, parameters when a
/// read first needs them.)
fn ir(code: Vec<Op>, params: u32, frame: u32) -> (Graph, String) {
    let g = build(&func(code, params, frame), &Sigs).expect("builds");
    let text = graph(&g, &NoNames);
    if let Err(e) = verify(&g) {
        panic!("{e}\n{text}");
    }
    (g, text)
}

fn body(text: &str) -> String {
    text.lines()
        .skip(1)
        .map(|l| l.split(" #").next().unwrap_or("").trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn straight_line_code_forwards_moves_and_splits_immediates() {
    let (_, t) = ir(
        vec![
            Op::AddImm { d: 1, a: 0, imm: 5 },
            Op::Move { d: 2, s: 1 },
            Op::MulI { d: 0, a: 2, b: 1 },
            Op::Ret { s: 0, n: 1 },
        ],
        1,
        3,
    );
    assert_eq!(
        body(&t),
        "bb0(v0:int):
  v1:int = Const 5
  v2:int = AddI v0, v1
  v3:int = MulI v2, v2
  Return v3"
    );
}

#[test]
fn a_loop_gets_a_block_parameter_for_what_changes_in_it() {
    // s = 0; i = 0; do { s += i; i++ } while i < n (slot 0)
    let (g, t) = ir(
        vec![
            Op::Const { d: 1, v: 0 },
            Op::Const { d: 2, v: 0 },
            Op::AddI { d: 1, a: 1, b: 2 },
            Op::AddImm { d: 2, a: 2, imm: 1 },
            Op::JfCmpI {
                a: 2,
                b: 0,
                c: Cmp::Ge,
                signed: true,
                t: 2,
            },
            Op::Ret { s: 1, n: 1 },
        ],
        1,
        3,
    );
    assert_eq!(
        body(&t),
        "bb0(v0:int):
  v1:int = Const 0
  v2:int = Const 0
  Jump bb1(v1, v2)
bb1(v3:int, v4:int):
  v5:int = AddI v3, v4
  v6:int = Const 1
  v7:int = AddI v4, v6
  v9:int = CmpS ge v7, v0
  Branch v9, bb2(), bb1(v5, v7)
bb2:
  Return v5"
    );
    // n (slot 0) is invariant: no parameter for it.
    assert_eq!(g.block(BlockId(1)).params.len(), 2);
}

#[test]
fn an_if_else_merges_into_one_parameter() {
    // x = c ? 1 : 2 (Jnz: to the else arm when c holds)
    let (_, t) = ir(
        vec![
            Op::Jnz { c: 0, t: 3 },
            Op::Const { d: 1, v: 1 },
            Op::Jmp { t: 4 },
            Op::Const { d: 1, v: 2 },
            Op::Ret { s: 1, n: 1 },
        ],
        1,
        2,
    );
    assert_eq!(
        body(&t),
        "bb0(v0:int):
  Branch v0, bb2(), bb1()
bb1:
  v2:int = Const 1
  Jump bb3(v2)
bb2:
  v1:int = Const 2
  Jump bb3(v1)
bb3(v3:int):
  Return v3"
    );
}

#[test]
fn a_fused_increment_and_test_continues_two_instructions_on() {
    // for i := 0; i < n; i++ {} as the peephole leaves it: the loop is
    // entered at the plain test (pc 2); the fused one (pc 1) continues at
    // pc 3 when the loop ends.
    let (g, t) = ir(
        vec![
            Op::Jmp { t: 2 },
            Op::AddImmJfCmpI {
                d: 1,
                a: 1,
                imm: 1,
                b: 0,
                c: Cmp::Ge,
                signed: true,
                t: 1,
            },
            Op::JfCmpI {
                a: 1,
                b: 0,
                c: Cmp::Ge,
                signed: true,
                t: 1,
            },
            Op::Ret { s: 1, n: 1 },
        ],
        1,
        2,
    );
    assert_eq!(
        body(&t),
        "bb0(v0:int):
  v1:int = Const 0
  Jump bb2()
bb1(v3:int):
  v4:int = Const 1
  v5:int = AddI v3, v4
  v7:int = CmpS ge v5, v0
  Branch v7, bb3(v5), bb1(v5)
bb2:
  v2:int = CmpS ge v1, v0
  Branch v2, bb3(v1), bb1(v1)
bb3(v8:int):
  Return v8"
    );
    assert_eq!(g.block(BlockId(3)).pc, 3, "the fused test's exit is pc + 2");
}

#[test]
fn a_loop_at_pc_0_gets_an_entry_block_before_it() {
    let (g, t) = ir(
        vec![
            Op::AddImm {
                d: 0,
                a: 0,
                imm: -1,
            },
            Op::JfCmpImm {
                a: 0,
                imm: 0,
                c: Cmp::Le,
                t: 0,
            },
            Op::Ret { s: 0, n: 1 },
        ],
        1,
        1,
    );
    assert!(g.block(g.entry).insns.is_empty(), "{t}");
    assert_eq!(g.preds()[0].len(), 0);
    assert_eq!(g.block(BlockId(1)).params.len(), 1, "{t}");
}

#[test]
fn an_interface_call_carries_its_site_receiver_and_arguments() {
    // recv in 0..2, argument in 3; window at 4: data word, argument.
    let (g, t) = ir(
        vec![
            Op::Move { d: 5, s: 2 },
            Op::CallIface {
                recv: 0,
                method: 1,
                base: 4,
                site: SiteId(0),
            },
            Op::Ret { s: 4, n: 1 },
        ],
        3,
        6,
    );
    assert_eq!(
        body(&t),
        "bb0(v0:int, v1:int, v2:int):
  v3:int = CallIface site=0 method=1 recv=(v0, v1) args=(v2)
  Return v3"
    );
    let call = g.block(g.entry).insns[0];
    assert!(matches!(
        g.insn(call).insn,
        Insn::CallIface {
            site: SiteId(0),
            method: 1,
            ..
        }
    ));
}

#[test]
fn calls_and_helpers_with_several_words_are_read_by_projection() {
    let (_, t) = ir(
        vec![
            Op::StrConcat { d: 4, a: 0, b: 2 },
            Op::Call {
                func: FuncId(3),
                base: 5,
                edge: pgojit_profiler::EdgeId::NONE,
            },
            Op::Ret { s: 5, n: 1 },
        ],
        4,
        6,
    );
    assert_eq!(
        body(&t),
        "bb0(v0:int, v1:int, v2:int, v3:int):
  v4:tuple2 = StrConcat { d: 4, a: 0, b: 2 } (v0, v1, v2, v3)
  v5:ptr = Proj v4.0
  v6:int = Proj v4.1
  v7:int = Call f3(v6)
  Return v7"
    );
}

#[test]
fn frame_arrays_live_in_memory() {
    // a [2]int at slots 1..3, a[i] = 7 with i in slot 0, then return a[1]:
    // the store is an element store at the array's frame address, and the
    // read after it loads the slot from memory.
    let (_, t) = ir(
        vec![
            Op::Const { d: 3, v: 7 },
            Op::FrameStoreIdx {
                base: 1,
                i: 0,
                v: 3,
                len: 2,
                stride: 1,
                off: 0,
                n: 1,
            },
            Op::Ret { s: 2, n: 1 },
        ],
        1,
        4,
    );
    assert_eq!(
        body(&t),
        "bb0(v0:int):
  v1:int = Const 7
  v2:ptr = FrameAddr 1
  v3:int = Const 2
  SliceStore (v2, v3)[v0]+0 stride=1, v1
  v5:int = LoadSlot 2
  Return v5"
    );
}

#[test]
fn malformed_code_is_an_error_not_a_panic() {
    let err = |code: Vec<Op>, frame: u32| build(&func(code, 0, frame), &Sigs).unwrap_err();
    assert_eq!(err(vec![], 1), BuildError::Empty);
    assert_eq!(
        err(vec![Op::Jmp { t: 9 }], 1),
        BuildError::BadTarget { pc: 0 }
    );
    assert_eq!(
        err(vec![Op::Const { d: 0, v: 1 }], 1),
        BuildError::BadTarget { pc: 0 },
        "falls off the end"
    );
    assert_eq!(
        err(vec![Op::Ret { s: 4, n: 1 }], 1),
        BuildError::BadSlot { pc: 0, slot: 4 }
    );
    assert!(matches!(
        err(
            vec![
                Op::CallClosure {
                    f: 0,
                    base: 1,
                    site: SiteId(5)
                },
                Op::Ret { s: 1, n: 1 }
            ],
            3
        ),
        BuildError::Unknown { .. }
    ));
}

#[test]
fn the_verifier_catches_broken_graphs() {
    let (g, _) = ir(
        vec![
            Op::Jnz { c: 0, t: 3 },
            Op::Const { d: 1, v: 1 },
            Op::Jmp { t: 4 },
            Op::Const { d: 1, v: 2 },
            Op::Ret { s: 1, n: 1 },
        ],
        1,
        2,
    );
    // An argument dropped.
    let mut bad = g.clone();
    if let Some(Term::Jump(e)) = &mut bad.blocks[1].term {
        e.args.clear();
    }
    assert!(verify(&bad).unwrap_err().0.contains("arguments"));
    // A use not dominated by its definition: bb2 returns bb1's constant.
    let mut bad = g.clone();
    let c1 = bad.blocks[1].insns[0];
    bad.blocks[2].term = Some(Term::Return(vec![c1]));
    assert!(verify(&bad).unwrap_err().0.contains("dominate"));
    // A block without a terminator.
    let mut bad = g;
    bad.blocks[3].term = None;
    assert!(verify(&bad).unwrap_err().0.contains("terminator"));
}

/// No two values that are live at once share a register (a value may hand
/// its register to the one its last use defines), and every word value
/// the code reads has a location, but the comparisons fused with their
/// branch, which have none.
fn check_alloc(g: &Graph, a: &super::regalloc::Alloc) {
    use super::regalloc::Loc;
    let fused = super::regalloc::branch_fused(g);
    for (v, _) in fused.iter().enumerate().filter(|f| *f.1) {
        assert_eq!(a.loc[v], Loc::None, "v{v} is fused with its branch");
    }
    let words: Vec<InsnId> = a
        .order
        .iter()
        .flat_map(|&b| {
            let blk = g.block(b);
            blk.params
                .iter()
                .chain(&blk.insns)
                .copied()
                .collect::<Vec<_>>()
        })
        .filter(|&v| {
            g.insn(v).ty.is_word()
                && !matches!(g.insn(v).insn, Insn::Const { .. })
                && !fused[v.index()]
        })
        .collect();
    for &v in &words {
        assert_ne!(a.loc[v.index()], Loc::None, "{v} has no location");
    }
    for (k, &v) in words.iter().enumerate() {
        for &w in &words[k + 1..] {
            let (r, s) = (a.loc[v.index()], a.loc[w.index()]);
            if r != s || !matches!(r, Loc::Reg(_) | Loc::Xmm(_)) {
                continue;
            }
            for &(vs, ve) in &a.ranges[v.index()] {
                for &(ws, we) in &a.ranges[w.index()] {
                    let apart = ve <= ws && vs < ws || we <= vs && ws < vs;
                    assert!(apart, "{v} [{vs},{ve}] and {w} [{ws},{we}] share {r:?}");
                }
            }
        }
    }
}

#[test]
fn a_loop_variable_and_its_next_value_share_a_register() {
    let (g, _) = ir(
        vec![
            Op::Const { d: 1, v: 0 },
            Op::Const { d: 2, v: 0 },
            Op::AddI { d: 1, a: 1, b: 2 },
            Op::AddImm { d: 2, a: 2, imm: 1 },
            Op::JfCmpI {
                a: 2,
                b: 0,
                c: Cmp::Ge,
                signed: true,
                t: 2,
            },
            Op::Ret { s: 1, n: 1 },
        ],
        1,
        3,
    );
    let a = super::regalloc::allocate(&g, &[]);
    check_alloc(&g, &a);
    // bb1(v3 = s, v4 = i): v5 = s + i and v7 = i + 1 flow back to them.
    assert_eq!(a.loc[3], a.loc[5], "s and s + i");
    assert_eq!(a.loc[4], a.loc[7], "i and i + 1");
    assert_eq!(a.spills, 0);
}

#[test]
fn more_live_values_than_registers_spill_the_longest() {
    // Twelve values loaded from slot 0's object, all summed at the end.
    let n = 12u32;
    let mut code: Vec<Op> = (0..n)
        .map(|k| Op::Load {
            d: 1 + k,
            p: 0,
            off: k,
            n: 1,
        })
        .collect();
    for k in 1..n {
        code.push(Op::AddI {
            d: 1,
            a: 1,
            b: 1 + k,
        });
    }
    code.push(Op::Ret { s: 1, n: 1 });
    let (g, _) = ir(code, 1, 1 + n);
    let a = super::regalloc::allocate(&g, &[]);
    check_alloc(&g, &a);
    assert!(a.spills >= 3, "{} spills", a.spills);
}

#[test]
fn values_live_across_a_call_prefer_callee_saved_registers() {
    // x = load; call f(slot 2); return x + result
    let (g, t) = ir(
        vec![
            Op::Load {
                d: 1,
                p: 0,
                off: 0,
                n: 1,
            },
            Op::Call {
                func: FuncId(0),
                base: 2,
                edge: pgojit_profiler::EdgeId::NONE,
            },
            Op::AddI { d: 1, a: 1, b: 2 },
            Op::Ret { s: 1, n: 1 },
        ],
        1,
        3,
    );
    let a = super::regalloc::allocate(&g, &[]);
    check_alloc(&g, &a);
    let x = g
        .insns
        .iter()
        .position(|d| matches!(d.insn, Insn::Load { .. }))
        .expect("a load");
    match a.loc[x] {
        super::regalloc::Loc::Reg(r) => {
            assert!(pgojit_jit::abi::is_callee_saved(r), "{r}\n{t}")
        }
        l => panic!("{l:?}\n{t}"),
    }
}

#[test]
fn intervals_with_holes_touch_but_do_not_overlap() {
    use super::regalloc::overlap;
    assert!(
        !overlap(&[(0, 10), (20, 30)], &[(12, 18)]),
        "a value in the hole"
    );
    assert!(!overlap(&[(0, 10)], &[(10, 14)]), "a last use hands over");
    assert!(
        overlap(&[(0, 10), (20, 30)], &[(12, 22)]),
        "into the second piece"
    );
    assert!(overlap(&[(4, 6)], &[(4, 8)]), "two parameters of one block");
}

#[test]
fn cold_blocks_come_last_and_values_keep_their_registers_around_them() {
    // for i := 0; i < n; i++ { if i > n { s += f(t) } }  with the call's
    // block marked cold, as a guard's miss path is.
    let (mut g, t) = ir(
        vec![
            Op::Const { d: 1, v: 0 },
            Op::Const { d: 2, v: 0 },
            Op::JfCmpI {
                a: 2,
                b: 0,
                c: Cmp::Gt,
                signed: true,
                t: 5,
            },
            Op::Call {
                func: FuncId(0),
                base: 3,
                edge: pgojit_profiler::EdgeId::NONE,
            },
            Op::AddI { d: 1, a: 1, b: 3 },
            Op::AddImm { d: 2, a: 2, imm: 1 },
            Op::JfCmpI {
                a: 2,
                b: 0,
                c: Cmp::Ge,
                signed: true,
                t: 2,
            },
            Op::Ret { s: 1, n: 1 },
        ],
        1,
        4,
    );
    let call_block = g
        .block_ids()
        .find(|&b| {
            g.block(b)
                .insns
                .iter()
                .any(|&i| matches!(g.insn(i).insn, Insn::Call { .. }))
        })
        .expect("a block with the call");
    g.blocks[call_block.index()].cold = true;
    let a = super::regalloc::allocate(&g, &[]);
    check_alloc(&g, &a);
    assert_eq!(a.order.last(), Some(&call_block), "{t}");
    assert_eq!(a.order[0], g.entry);
    assert_eq!(a.spills, 0, "{t}");
}

#[test]
fn a_load_folds_into_the_next_operation_and_keeps_its_pointer_apart() {
    // x = p.f0 + p.f1 (p in slot 0): the second load is `add x, [p+8]`,
    // so p must not hand its register to the sum.
    let (g, t) = ir(
        vec![
            Op::Load {
                d: 1,
                p: 0,
                off: 0,
                n: 1,
            },
            Op::Load {
                d: 2,
                p: 0,
                off: 1,
                n: 1,
            },
            Op::AddI { d: 1, a: 1, b: 2 },
            Op::Ret { s: 1, n: 1 },
        ],
        1,
        3,
    );
    let folded = super::regalloc::folded_loads(&g);
    let loads: Vec<usize> = (0..g.insns.len())
        .filter(|&i| matches!(g.insn(InsnId(i as u32)).insn, Insn::Load { .. }))
        .collect();
    assert_eq!(loads.len(), 2, "{t}");
    assert!(
        !folded[loads[0]],
        "the first load is not next to the add\n{t}"
    );
    assert!(folded[loads[1]], "the second load is\n{t}");
    let a = super::regalloc::allocate(&g, &[]);
    check_alloc(&g, &a);
    let sum = g
        .insns
        .iter()
        .position(|d| {
            matches!(
                d.insn,
                Insn::Bin {
                    op: BinOp::AddI,
                    ..
                }
            )
        })
        .expect("the add");
    let Insn::Load { p, .. } = g.insns[loads[1]].insn else {
        unreachable!()
    };
    assert_ne!(a.loc[p.index()], a.loc[sum], "{t}");
}

// ----- lowering (`lower.rs`) -----

/// Builds, lowers (`n` instructions expected), verifies and prints.
fn lowered(code: Vec<Op>, params: u32, frame: u32, n: usize) -> String {
    let (mut g, _) = ir(code, params, frame);
    assert_eq!(super::lower::lower(&mut g), n);
    let text = graph(&g, &NoNames);
    if let Err(e) = verify(&g) {
        panic!("{e}\n{text}");
    }
    body(&text)
}

#[test]
fn a_reslice_becomes_a_check_and_its_header_with_the_bytecode_as_cold_slow_path() {
    // return len(s[:hi]) for s in slots 0..3, hi in slot 3
    let t = lowered(
        vec![
            Op::SliceSlice {
                d: 4,
                s: 0,
                lo: NONE,
                hi: 3,
                max: NONE,
                stride: 1,
            },
            Op::Ret { s: 5, n: 1 },
        ],
        4,
        7,
        1,
    );
    assert_eq!(
        t,
        "bb0(v0:int, v1:int, v2:int, v3:int):
  v8:int = CmpU le v3, v2
  Branch v8, bb1(), bb3()
bb1:
  Jump bb2(v0, v3, v2)
bb2(v9:ptr, v10:int, v11:int):
  Return v10
bb3:
  v4:tuple3 = SliceSlice { d: 4, s: 0, lo: 4294967295, hi: 3, max: 4294967295, stride: 1 } (v0, v1, v2, v3)
  v12:ptr = Proj v4.0
  v13:int = Proj v4.1
  v14:int = Proj v4.2
  Unreachable"
    );
}

#[test]
fn a_full_reslice_needs_no_check_and_no_slow_path() {
    let t = lowered(
        vec![
            Op::SliceSlice {
                d: 4,
                s: 0,
                lo: NONE,
                hi: NONE,
                max: NONE,
                stride: 2,
            },
            Op::Ret { s: 6, n: 1 },
        ],
        4,
        7,
        1,
    );
    assert_eq!(
        t,
        "bb0(v0:int, v1:int, v2:int, v3:int):
  Return v2"
    );
}

#[test]
fn a_reslice_from_lo_moves_the_pointer_only_when_capacity_remains() {
    let t = lowered(
        vec![
            Op::SliceSlice {
                d: 4,
                s: 0,
                lo: 3,
                hi: NONE,
                max: NONE,
                stride: 3,
            },
            Op::Ret { s: 4, n: 1 },
        ],
        4,
        7,
        1,
    );
    assert_eq!(
        t,
        "bb0(v0:int, v1:int, v2:int, v3:int):
  v8:int = CmpU le v3, v1
  Branch v8, bb1(), bb3()
bb1:
  v9:int = SubI v1, v3
  v10:int = SubI v2, v3
  v11:int = Const 24
  v12:int = MulI v3, v11
  v13:ptr = AddI v0, v12
  v14:ptr = Select v10 ? v13 : v0
  Jump bb2(v14, v9, v10)
bb2(v15:ptr, v16:int, v17:int):
  Return v15
bb3:
  v4:tuple3 = SliceSlice { d: 4, s: 0, lo: 3, hi: 4294967295, max: 4294967295, stride: 3 } (v0, v1, v2, v3)
  v18:ptr = Proj v4.0
  v19:int = Proj v4.1
  v20:int = Proj v4.2
  Unreachable"
    );
}

#[test]
fn an_append_stores_in_place_when_it_fits_and_grows_in_the_slow_path() {
    let t = lowered(
        vec![
            Op::Append {
                d: 4,
                s: 0,
                v: 3,
                count: 1,
                stride: 1,
                layout: 0,
                elem: 8,
            },
            Op::Ret { s: 5, n: 1 },
        ],
        4,
        7,
        1,
    );
    assert_eq!(
        t,
        "bb0(v0:int, v1:int, v2:int, v3:int):
  v8:int = Const 1
  v9:int = AddI v1, v8
  v10:int = CmpU le v9, v2
  Branch v10, bb1(), bb3()
bb1:
  SliceStore (v0, v9)[v1]+0 stride=1, v3 nobounds
  Jump bb2(v0, v9, v2)
bb2(v12:ptr, v13:int, v14:int):
  Return v13
bb3:
  v4:tuple3 = Append { d: 4, s: 0, v: 3, count: 1, stride: 1, layout: 0, elem: 8 } (v0, v1, v2, v3)
  v15:ptr = Proj v4.0
  v16:int = Proj v4.1
  v17:int = Proj v4.2
  Jump bb2(v15, v16, v17)"
    );
}

#[test]
fn an_interface_compared_with_nil_tests_its_type_word() {
    // d = x != nil, x in slots 0..2; then x == y stays generic.
    for (nil_side, generic) in [(true, false), (false, true)] {
        let mut code = vec![];
        if nil_side {
            code.push(Op::Const { d: 2, v: 0 });
            code.push(Op::Const { d: 3, v: 0 });
        }
        code.push(Op::IfaceEq {
            d: 4,
            a: 0,
            b: 2,
            empty: false,
            ne: true,
        });
        code.push(Op::Ret { s: 4, n: 1 });
        let params = if nil_side { 2 } else { 4 };
        let (mut g, _) = ir(code, params, 5);
        super::lower::lower(&mut g);
        let t = graph(&g, &NoNames);
        assert_eq!(t.contains("IfaceEq"), generic, "{t}");
        assert_eq!(t.contains("CmpU ne v0, "), !generic, "{t}");
    }
}

#[test]
fn string_compares_call_the_runtime_and_indexing_is_inline() {
    // d = a < b; e = a[i]
    let t = lowered(
        vec![
            Op::StrCmp {
                d: 5,
                a: 0,
                b: 2,
                c: Cmp::Lt,
            },
            Op::StrCmp {
                d: 6,
                a: 0,
                b: 2,
                c: Cmp::Eq,
            },
            Op::StrIndex { d: 7, s: 0, i: 4 },
            Op::AddI { d: 5, a: 5, b: 6 },
            Op::AddI { d: 5, a: 5, b: 7 },
            Op::Ret { s: 5, n: 1 },
        ],
        5,
        8,
        3,
    );
    assert_eq!(
        t,
        "bb0(v0:int, v1:int, v2:int, v3:int, v4:int):
  v10:int = CallRt strcmp(v0, v1, v2, v3)
  v11:int = Const 0
  v5:int = CmpS lt v10, v11
  v12:int = CallRt strequal(v0, v1, v2, v3)
  v13:int = Const 0
  v6:int = CmpU ne v12, v13
  v7:int = StrByte (v0, v1)[v4]
  v8:int = AddI v5, v6
  v9:int = AddI v8, v7
  Return v9"
    );
}

#[test]
fn floats_live_in_xmm_registers_and_spill_past_fourteen() {
    // Sixteen words loaded from slot 0's object, only ever added as floats
    // (their slots are untyped: the loads are no `float` values), all live
    // until the sum at the end; then the sum's bits stored to the object.
    let n = 16u32;
    let mut code: Vec<Op> = (0..n)
        .map(|k| Op::Load {
            d: 1 + k,
            p: 0,
            off: k,
            n: 1,
        })
        .collect();
    for k in 1..n {
        code.push(Op::AddF {
            d: 1,
            a: 1,
            b: 1 + k,
        });
    }
    code.push(Op::Ret { s: 1, n: 1 });
    let (g, t) = ir(code, 1, 1 + n);
    let a = super::regalloc::allocate(&g, &[]);
    check_alloc(&g, &a);
    use super::regalloc::Loc;
    let loads: Vec<Loc> = g
        .insns
        .iter()
        .enumerate()
        .filter(|(_, d)| matches!(d.insn, Insn::Load { .. }))
        .map(|(k, _)| a.loc[k])
        .collect();
    assert_eq!(loads.len(), n as usize, "{t}");
    let xmm = loads.iter().filter(|l| matches!(l, Loc::Xmm(_))).count();
    assert!(xmm >= 12, "{xmm} loads in XMM registers: {loads:?}\n{t}");
    assert!(loads.iter().all(|l| !matches!(l, Loc::Reg(_))), "{loads:?}");
    assert!(a.spills >= 2, "{} spills", a.spills);
    // The pointer stays in a general register.
    assert!(matches!(a.loc[0], Loc::Reg(_)), "{:?}", a.loc[0]);
}
