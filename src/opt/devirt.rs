//! Guarded devirtualization on the graph, from the profile's snapshot of
//! each interface call site (the policy's plan, `tier::devirt::plan`,
//! the same decision the baseline tier makes). A site with guards
//! becomes:
//!
//! ```text
//! bb_head:  ... Bump [site calls]            (the miss ratio's denominator)
//!           [StressTick: non-zero -> bb_miss] (stress modes only)
//! bb_g1:    KeyEq tab, [key cell 1] -> bb_hit1 else bb_g2
//! bb_hit1:  [VerifyType] Call T1.M(data, args...) -> bb_cont(results)
//! ...
//! bb_miss:  SiteMiss tab; CallIface (the indirect call) -> bb_cont(results)
//! bb_cont(results): what followed the call
//! ```
//!
//! The direct calls are static calls like any other, so the inliner
//! expands the small ones in place. The miss path is the indirect call,
//! which rejoins: never a deoptimization (DESIGN decision 4). Key cells
//! belong to the code version; retiring the version makes every guard
//! miss.
//!
//! Not yet: function-value sites (they stay indirect), merged guards for
//! identical bodies, and moving a running loop to recompiled code at a
//! miss (the baseline does; optimized code has no entries at call sites).

use super::inline::{call_words, split_at_call};
use super::ir::*;
use crate::bytecode::{Op, Program};
use crate::options::StressMode;
use crate::runtime::typedesc::Itab;
use crate::tier::devirt::{plan, SitePlan};
use crate::tier::keycell::KeyCell;
use crate::tier::{counters, Jit};
use pgojit_profiler::EdgeId;

/// What devirtualizing a graph decided.
#[derive(Default)]
pub struct Devirt {
    /// Every interface site of the graph and its plan.
    pub plans: Vec<(usize, SitePlan)>,
    /// The guards' key cells (kept with the code).
    pub keys: Vec<KeyCell>,
}

/// A later guard's target is laid out of line when the first guard's
/// target had more than this many times its calls.
const UNLIKELY_RATIO: u64 = 3;

/// Devirtualizes the interface call sites of `g`.
pub fn devirtualize(g: &mut Graph, jit: &Jit, prog: &Program) -> Devirt {
    devirtualize_calls(g, jit, prog, iface_calls(g))
}

/// Devirtualizes interface calls `calls` of `g` (those inlined bodies
/// brought, after [`devirtualize`]).
pub fn devirtualize_calls(g: &mut Graph, jit: &Jit, prog: &Program, calls: Vec<InsnId>) -> Devirt {
    let mut out = Devirt::default();
    for c in calls {
        let Insn::CallIface {
            site,
            method,
            recv,
            ref args,
        } = g.insn(c).insn
        else {
            continue;
        };
        let args = args.clone();
        let op = Op::CallIface {
            recv: 0,
            method,
            base: 0,
            site,
        };
        // (The inliner expands the guarded targets it accepts; the plan
        // asks the same question, as polymorphic chains need it.)
        let inlinable = |f| {
            jit.opts.inline
                && super::graph_of(prog, f).is_ok_and(|h| {
                    super::inline::refusal(&h, super::inline::loops_ok(jit), false).is_none()
                })
        };
        let p = plan(jit, prog, &op, &inlinable);
        let guards = p.guards.clone();
        out.plans.push((site.index(), p));
        if guards.is_empty() {
            continue;
        }
        let Some((b, k)) = g.position(c) else {
            continue;
        };
        let (pc, ctx) = (g.insn(c).pc, g.insn(c).ctx);
        let inlined = g.block(b).inlined;
        let rw = prog.sites[site.index()].result_words as usize;
        let call_ty = g.insn(c).ty;
        let cont = split_at_call(g, b, k, rw);
        let new_block = |g: &mut Graph| {
            let id = BlockId(g.blocks.len() as u32);
            g.blocks.push(Block {
                params: Vec::new(),
                insns: Vec::new(),
                term: None,
                pc,
                inlined,
                cold: false,
                unlikely: false,
                term_pc: None,
                entry_state: None,
            });
            id
        };
        let emit = |g: &mut Graph, b: BlockId, insn: Insn, ty: Ty| {
            let id = InsnId(g.insns.len() as u32);
            g.insns.push(InsnData { insn, ty, pc, ctx });
            g.blocks[b.index()].insns.push(id);
            id
        };
        let miss = new_block(g);
        g.blocks[miss.index()].cold = true;
        let firsts: Vec<BlockId> = guards.iter().map(|_| new_block(g)).collect();
        // The head: count the call, maybe force a miss.
        let addr = jit.counters.word_addr(site.index(), counters::CALLS);
        emit(g, b, Insn::Bump { addr }, Ty::Void);
        let stress = matches!(
            jit.opts.stress,
            StressMode::RandomMiss(_) | StressMode::Flip(_)
        );
        let to = |block: BlockId| Edge {
            block,
            args: Vec::new(),
        };
        g.blocks[b.index()].term = Some(if stress {
            let t = emit(g, b, Insn::StressTick { site }, Ty::Int);
            Term::Branch {
                cond: t,
                then: to(miss),
                else_: to(firsts[0]),
            }
        } else {
            Term::Jump(to(firsts[0]))
        });
        for (n, gd) in guards.iter().enumerate() {
            let test = firsts[n];
            let hit = new_block(g);
            // A later guard whose type is much rarer than the first's
            // (biased90's 10% beside 90%) is tested and run out of line,
            // so the first type's path falls through to the join.
            if n > 0 && gd.calls.saturating_mul(UNLIKELY_RATIO) < guards[0].calls {
                g.blocks[test.index()].unlikely = true;
                g.blocks[hit.index()].unlikely = true;
            }
            let next = firsts.get(n + 1).copied().unwrap_or(miss);
            let cell = KeyCell::new(gd.key);
            let cell_addr = cell.addr();
            out.keys.push(cell);
            let eq = emit(
                g,
                test,
                Insn::KeyEq {
                    cell: cell_addr,
                    v: recv[0],
                },
                Ty::Int,
            );
            g.blocks[test.index()].term = Some(if jit.opts.break_guards && n == 0 {
                Term::Jump(to(hit))
            } else {
                Term::Branch {
                    cond: eq,
                    then: to(hit),
                    else_: to(next),
                }
            });
            if jit.opts.count_guards {
                let addr = jit.counters.hit_addr(site.index(), gd.hit_slot);
                emit(g, hit, Insn::Bump { addr }, Ty::Void);
            }
            if jit.opts.verify_guards {
                emit(
                    g,
                    hit,
                    Insn::VerifyType {
                        site,
                        tab: recv[0],
                        check: gd.check,
                    },
                    Ty::Void,
                );
            }
            let mut call_args = vec![recv[1]];
            call_args.extend(&args);
            let id = InsnId(g.insns.len() as u32);
            g.insns.push(InsnData {
                insn: Insn::Call {
                    func: gd.target,
                    args: call_args,
                    edge: EdgeId::NONE,
                },
                ty: call_ty,
                pc,
                ctx,
            });
            let words = call_words(g, hit, id, rw, cont);
            g.blocks[hit.index()].term = Some(Term::Jump(Edge {
                block: cont,
                args: words,
            }));
        }
        emit(g, miss, Insn::SiteMiss { site, key: recv[0] }, Ty::Void);
        let words = call_words(g, miss, c, rw, cont);
        g.blocks[miss.index()].term = Some(Term::Jump(Edge {
            block: cont,
            args: words,
        }));
    }
    out
}

/// Devirtualization without a profile where the type is known: an
/// interface call whose receiver's type word is a [`Insn::TypeWord`]
/// (the value was boxed into the interface in this graph, or in a callee
/// inlined into it) calls its method directly, with no guard, as Go's
/// compiler does statically (`var s Shape = Rect{...}; s.Area()`). The
/// inliner may then expand it, and scalar replacement drop the box.
/// Returns the trace lines, one per call resolved.
///
/// `counter(site, type)`: the address of the counter word such a call
/// bumps (so that the site's rows count it as its receiver's: when
/// compiled code counts), or `None`.
pub fn devirtualize_known(
    g: &mut Graph,
    prog: &Program,
    counter: &dyn Fn(usize, u32) -> Option<u64>,
) -> Vec<String> {
    let mut trace = Vec::new();
    for c in iface_calls(g) {
        let Insn::CallIface {
            site,
            method,
            recv,
            ref args,
        } = g.insn(c).insn
        else {
            continue;
        };
        let Insn::TypeWord { tab } = g.insn(recv[0]).insn else {
            continue;
        };
        let meta = &prog.sites[site.index()];
        if !meta.is_iface || meta.iface_desc == 0 || tab == 0 {
            continue;
        }
        // SAFETY: the type word of an interface value that an interface
        // method is called on is that interface's itab: `MakeIface` (whose
        // `tab` a `TypeWord` carries) boxes into the call's interface type,
        // and `bytecode::lower` builds such itabs once and leaks them.
        let itab: &'static Itab = unsafe { &*(tab as *const Itab) };
        if itab.inter() as *const _ as u64 != meta.iface_desc {
            continue;
        }
        let target = itab.fun(method as usize);
        let mut call_args = vec![recv[1]];
        call_args.extend(args);
        g.insns[c.index()].insn = Insn::Call {
            func: target,
            args: call_args,
            edge: EdgeId::NONE,
        };
        if let Some(addr) = counter(site.index(), itab.type_id) {
            let (pc, ctx) = (g.insn(c).pc, g.insn(c).ctx);
            let id = InsnId(g.insns.len() as u32);
            g.insns.push(InsnData {
                insn: Insn::Bump { addr },
                ty: Ty::Void,
                pc,
                ctx,
            });
            if let Some(blk) = g.blocks.iter_mut().find(|b| b.insns.contains(&c)) {
                let at = blk.insns.iter().position(|&i| i == c).unwrap();
                blk.insns.insert(at, id);
            }
        }
        trace.push(format!(
            "{}: devirtualizing {} to {}: the receiver's type is known (no guard)",
            prog.at(meta.pos),
            meta.text,
            itab.typ().name
        ));
    }
    trace
}

/// The interface calls of `g`, in reverse postorder.
/// The interface calls in `g`'s reachable blocks, in reverse postorder.
pub(super) fn iface_calls(g: &Graph) -> Vec<InsnId> {
    g.rpo()
        .iter()
        .flat_map(|&b| g.block(b).insns.clone())
        .filter(|&i| matches!(g.insn(i).insn, Insn::CallIface { .. }))
        .collect()
}
