//! Loop versioning for bounds checks (loop predication, as HotSpot's range
//! check elimination does it, but with a checked copy of the loop where
//! HotSpot would deoptimize: this tier never does, DESIGN decision 4).
//!
//! A slice access `s[x & m]` in a loop, with `s`'s length `len` defined
//! before the loop, is in range on every trip when `len > m`: one test
//! before the loop can stand for the check on every trip, but only if the
//! loop also exists without that knowledge, for the runs where the test
//! fails (the access may still be in range for the trips that happen, and
//! when it is not, the panic must come at the trip that goes out of range,
//! after the earlier trips' effects). So the loop is copied: the way in
//! tests `len > m` for each such length and enters the copy when all hold,
//! the original (with its checks) otherwise. The pass runs after the
//! bounds pass, so only accesses it could not prove count (`s[1023]`
//! before the loop, or a constant length, already proves `s[i & 1023]`),
//! and then runs it again: it proves the copy's accesses from the test (a
//! branch on `len > m` gives `len > m` in the block it alone leads to, and
//! so in everything that block dominates: the copy) and marks them
//! `nobounds`.
//! This is the `xs[i&1023]` of every dispatch scenario, with `xs` a
//! parameter whose length the function cannot know.
//!
//! Which loops: innermost natural loops (a header dominating the sources
//! of its back-edges) entered from one block outside them, with such an
//! access in a block that is not a miss path, of at most
//! [`MAX_LOOP_INSNS`] instructions, whose values are not used outside
//! them except through the exit edges' arguments (the copy's exits pass
//! the copy's values on the same edges; a value read directly in a block
//! after the loop would have two definitions). At most [`MAX_LOOPS`] loops
//! per graph.
//!
//! The rewrite, for a loop with header `h` entered from `p`:
//!
//! ```text
//! p -> h(args)   becomes   p -> v;  v: branch len > m, fast, h(args)
//!                          fast: jump h'(args)        (h' the copy's header)
//! ```
//!
//! Every block of the loop is copied with its flags, `pc`, `term_pc` and
//! entry state (so the copy's back-edges are back-edges: they count
//! trips, take `--max-steps` steps and leave for recompiled code at the
//! copy's header as the original's do), its instructions with their
//! `pc`s, `in_bounds` marks and operands (values of the loop mapped to
//! the copy's). The edge `p -> v` stands for `p -> h`: `v` takes `h`'s
//! `pc`, so a bytecode jump back into the loop (a rotated loop's guard at
//! the bottom) stays a back-edge, and `v`'s own edges, made by the pass,
//! are none.

use super::{back_edge, bounds, Counts};
use crate::bytecode::op::Cmp;
use crate::opt::ir::*;
use crate::opt::verify;
use std::collections::HashMap;

/// Loops larger than this (instructions, parameters included) are not
/// copied: the copy's code would cost more than the checks it saves.
pub const MAX_LOOP_INSNS: usize = 160;
/// Loops versioned per graph, at most.
pub const MAX_LOOPS: usize = 4;

/// A natural loop: its header, the one block entering it, and its blocks.
struct Loop {
    header: BlockId,
    entry: BlockId,
    body: Vec<bool>,
}

pub fn run(g: &mut Graph) -> Counts {
    let mut versioned = 0;
    let mut proved = 0;
    for l in innermost_loops(g) {
        if versioned == MAX_LOOPS {
            break;
        }
        let Some(tests) = tests_for(g, &l) else {
            continue;
        };
        version(g, &l, &tests);
        versioned += 1;
    }
    if versioned > 0 {
        let before = g.in_bounds.len();
        bounds::run(g);
        proved = g.in_bounds.len() - before;
    }
    vec![
        ("loops copied behind a length test", versioned),
        ("bounds checks removed in the copies", proved),
    ]
}

fn innermost_loops(g: &Graph) -> Vec<Loop> {
    let idom = verify::dominators(g);
    let preds = g.preds();
    let mut loops: Vec<Loop> = Vec::new();
    for h in g.block_ids() {
        let latches: Vec<BlockId> = preds[h.index()]
            .iter()
            .copied()
            .filter(|&b| back_edge(g, b, h) && verify::dominates(&idom, g.entry, h, b))
            .collect();
        if latches.is_empty() {
            continue;
        }
        let body = loop_body(&preds, h, latches);
        let outside: Vec<BlockId> = preds[h.index()]
            .iter()
            .copied()
            .filter(|b| !body[b.index()])
            .collect();
        if let [entry] = outside[..] {
            loops.push(Loop {
                header: h,
                entry,
                body,
            });
        }
    }
    // Innermost: no other loop's header inside.
    let headers: Vec<BlockId> = loops.iter().map(|l| l.header).collect();
    loops.retain(|l| headers.iter().all(|&h| h == l.header || !l.body[h.index()]));
    loops
}

/// The tests that let the loop's copy skip checks: `(len, m, accesses)`
/// for `len > m`; `None` when the loop does not qualify.
fn tests_for(g: &Graph, l: &Loop) -> Option<Vec<(InsnId, i64, usize)>> {
    let in_loop = |b: BlockId| l.body[b.index()];
    let mut defined_in = vec![false; g.insns.len()];
    let mut size = 0;
    for b in g.block_ids().filter(|&b| in_loop(b)) {
        let blk = g.block(b);
        for &v in blk.params.iter().chain(&blk.insns) {
            defined_in[v.index()] = true;
            size += 1;
        }
    }
    if size > MAX_LOOP_INSNS {
        return None;
    }
    // The entry has one edge into the header.
    let into = g.block(l.entry).term.as_ref()?.edges();
    if into.iter().filter(|e| e.block == l.header).count() != 1 {
        return None;
    }
    let mut tests: Vec<(InsnId, i64, usize)> = Vec::new();
    for b in g.block_ids().filter(|&b| in_loop(b) && !g.block(b).cold) {
        for &i in &g.block(b).insns {
            if g.in_bounds.contains(&i) {
                continue;
            }
            let Some((_, len, idx)) = g.access(i) else {
                continue;
            };
            if defined_in[len.index()] || matches!(g.insn(len).insn, Insn::Const { .. }) {
                continue;
            }
            let Some(m) = mask(g, idx) else {
                continue;
            };
            match tests.iter_mut().find(|t| t.0 == len) {
                Some(t) => {
                    t.1 = t.1.max(m);
                    t.2 += 1;
                }
                None => tests.push((len, m, 1)),
            }
        }
    }
    if tests.is_empty() || tests.len() > 2 {
        return None;
    }
    // No value of the loop is read after it except on its exit edges.
    for b in g.block_ids().filter(|&b| !in_loop(b)) {
        let blk = g.block(b);
        let ops = blk.insns.iter().flat_map(|&i| g.insn(i).insn.operands());
        let term = blk.term.iter().flat_map(|t| {
            let args = t.edges().into_iter().flat_map(|e| e.args.iter().copied());
            t.operands().into_iter().chain(args).collect::<Vec<_>>()
        });
        let state = blk.entry_state.iter().flatten().map(|&(_, v)| v);
        if ops.chain(term).chain(state).any(|v| defined_in[v.index()]) {
            return None;
        }
    }
    Some(tests)
}

/// `m` when `v` is `x & m` (either side) for a constant `0 <= m < 2^31`.
fn mask(g: &Graph, v: InsnId) -> Option<i64> {
    let Insn::Bin {
        op: BinOp::And,
        a,
        b,
    } = g.insn(v).insn
    else {
        return None;
    };
    let k = |x: InsnId| match g.insn(x).insn {
        Insn::Const { bits } => i64::try_from(bits).ok().filter(|&m| m < 1 << 31),
        _ => None,
    };
    k(b).or_else(|| k(a))
}

fn new_block(g: &mut Graph, like: &Block) -> BlockId {
    g.blocks.push(Block {
        params: Vec::new(),
        insns: Vec::new(),
        term: None,
        pc: like.pc,
        inlined: like.inlined,
        cold: false,
        unlikely: false,
        term_pc: None,
        entry_state: None,
    });
    BlockId(g.blocks.len() as u32 - 1)
}

fn version(g: &mut Graph, l: &Loop, tests: &[(InsnId, i64, usize)]) {
    let blocks: Vec<BlockId> = g.block_ids().filter(|b| l.body[b.index()]).collect();
    // The copy's blocks, then its values.
    let mut bmap: HashMap<BlockId, BlockId> = HashMap::new();
    for &b in &blocks {
        let old = g.block(b).clone();
        let nb = new_block(g, &old);
        let blk = &mut g.blocks[nb.index()];
        blk.cold = old.cold;
        blk.unlikely = old.unlikely;
        blk.term_pc = old.term_pc;
        bmap.insert(b, nb);
    }
    let mut vmap: HashMap<InsnId, InsnId> = HashMap::new();
    for &b in &blocks {
        let blk = g.block(b).clone();
        for &v in blk.params.iter().chain(&blk.insns) {
            let d = g.insn(v).clone();
            vmap.insert(v, g.add_insn_at(d.insn, d.ty, d.pc, d.ctx));
        }
    }
    let val = |v: InsnId| vmap.get(&v).copied().unwrap_or(v);
    for &b in &blocks {
        let old = g.block(b).clone();
        let nb = bmap[&b];
        for &v in old.params.iter().chain(&old.insns) {
            let c = vmap[&v];
            for o in g.insns[c.index()].insn.operands_mut() {
                *o = val(*o);
            }
            if g.in_bounds.contains(&v) {
                g.in_bounds.insert(c);
            }
        }
        let mut term = old.term.clone().expect("a finished block");
        for o in term.operands_mut() {
            *o = val(*o);
        }
        for e in term.edges_mut() {
            if let Some(&t) = bmap.get(&e.block) {
                e.block = t;
            }
            for a in &mut e.args {
                *a = val(*a);
            }
        }
        let blk = &mut g.blocks[nb.index()];
        blk.params = old.params.iter().map(|&v| val(v)).collect();
        blk.insns = old.insns.iter().map(|&v| val(v)).collect();
        blk.term = Some(term);
        blk.entry_state = old
            .entry_state
            .map(|st| st.into_iter().map(|(s, v)| (s, val(v))).collect());
    }
    // The way in: the entry's edge to the header goes to the tests.
    let header = g.block(l.header).clone();
    let first = BlockId(g.blocks.len() as u32);
    let args = {
        let t = g.blocks[l.entry.index()]
            .term
            .as_mut()
            .expect("a finished block");
        let e = t
            .edges_mut()
            .into_iter()
            .find(|e| e.block == l.header)
            .expect("the entry's edge into the loop");
        e.block = first;
        std::mem::take(&mut e.args)
    };
    let mut at = new_block(g, &header);
    debug_assert_eq!(at, first);
    let fast = {
        let f = new_block(g, &header);
        g.blocks[f.index()].term = Some(Term::Jump(Edge {
            block: bmap[&l.header],
            args: args.clone(),
        }));
        f
    };
    for (k, &(len, m, _)) in tests.iter().enumerate() {
        let pc = header.pc;
        let c = g.add_insn(Insn::Const { bits: m as u64 }, Ty::Int, pc);
        let t = g.add_insn(
            Insn::Cmp {
                c: Cmp::Gt,
                kind: CmpKind::Signed,
                a: len,
                b: c,
            },
            Ty::Int,
            pc,
        );
        g.blocks[at.index()].insns.extend([c, t]);
        let then = if k + 1 == tests.len() {
            fast
        } else {
            new_block(g, &header)
        };
        g.blocks[at.index()].term = Some(Term::Branch {
            cond: t,
            then: Edge {
                block: then,
                args: Vec::new(),
            },
            else_: Edge {
                block: l.header,
                args: args.clone(),
            },
        });
        at = then;
    }
}
