//! The optimizing tier as the tier layer sees it: build the graph,
//! verify it, devirtualize its interface sites from the profile, inline,
//! run the passes (`passes/`), allocate registers and emit (`--tier=opt`, or `--opt-at-tier-up`). The
//! same for an on-stack-replacement graph per loop header, entered from
//! the interpreter's (or older code's) frame at that header. A function
//! the tier cannot compile yet is declined with the reason, and gets
//! baseline code.

use super::ir::InsnId;
use super::{codegen, devirt, graph_of, inline, osr_graph_of, passes, verify, Graph};
use crate::tier::compiler::{Compiler, Output, Tier};
use crate::tier::devirt::{site_shape, SitePlan};
use crate::tier::keycell::KeyCell;
use crate::tier::Jit;
use pgojit_jit::MacroAssembler;
use pgojit_profiler::FuncId;

/// The optimizing compiler.
pub struct Optimizing;

/// A graph after the passes, and what they decided.
struct Optimized {
    /// The graph before the passes (for `pgojit disasm --ir`).
    before: Option<Graph>,
    g: Graph,
    plans: Vec<(usize, SitePlan)>,
    inlined: Vec<FuncId>,
    trace: Vec<String>,
    keys: Vec<KeyCell>,
}

/// Inlining rounds (see [`optimize`]): two, so one level of callees
/// with interface calls. (With four, ast's `Call.Eval` grew to 14 KB of
/// code, compiled in 10 ms, and ran 8% slower.)
const INLINE_ROUNDS: usize = 2;

/// Devirtualizes and inlines `g`, then runs the passes (keeping a copy
/// of the graph before them when `keep`).
fn optimize(jit: &Jit, f: FuncId, mut g: Graph, keep: bool) -> Result<Optimized, String> {
    // Calls on receivers of a known type first (no profile needed), then
    // the profile's guards.
    // (Counted, when compiled code counts, in the hit word of the
    // receiver's type at the site, which the rows are credited from.)
    let known_counter = |site: usize, ty: u32| {
        jit.opts.count.then(|| {
            let t = pgojit_profiler::Target::Type(pgojit_profiler::TypeId(ty));
            let k = jit.sites.state(site).hit_slot(t);
            jit.counters.hit_addr(site, k)
        })
    };
    let mut trace = devirt::devirtualize_known(&mut g, jit.prog, &known_counter);
    let d = devirt::devirtualize(&mut g, jit, jit.prog);
    verify::verify(&g).map_err(|e| format!("devirtualized graph: {e}"))?;
    let mut inlined = Vec::new();
    let mut plans = d.plans;
    let mut keys = d.keys;
    let mut budget = 0;
    let loops = inline::loops_ok(jit);
    if jit.opts.inline {
        // Rounds: inline; devirtualize the interface calls the inlined
        // bodies brought (each copy of a site guarded from its own
        // profile, so that every call is counted); inline their guarded
        // targets in turn. The last round inlines no callee with
        // interface calls, so none is left undevirtualized.
        let mut seen = devirt::iface_calls(&g);
        for round in 0..INLINE_ROUNDS {
            let allow = inline::Allow {
                loops,
                ifaces: round + 1 < INLINE_ROUNDS,
            };
            let mut h = g.clone();
            let lines = inline::inline_calls(&mut h, jit.prog, f, &mut inlined, allow, &mut budget);
            if let Err(e) = verify::verify(&h) {
                trace.push(format!(
                    "{}: inlining abandoned (the graph fails verification: {e})",
                    g.name
                ));
                break;
            }
            for l in lines {
                if !trace.contains(&l) {
                    trace.push(l);
                }
            }
            g = h;
            let new: Vec<InsnId> = devirt::iface_calls(&g)
                .into_iter()
                .filter(|c| !seen.contains(c))
                .collect();
            if new.is_empty() {
                break;
            }
            let mut h = g.clone();
            let d2 = devirt::devirtualize_calls(&mut h, jit, jit.prog, new);
            verify::verify(&h).map_err(|e| format!("devirtualized inlined graph: {e}"))?;
            g = h;
            plans.extend(d2.plans);
            keys.extend(d2.keys);
            seen = devirt::iface_calls(&g);
        }
    }
    let before = keep.then(|| g.clone());
    trace.extend(passes::run(&mut g));
    // Types the inlined callees made known (a callee that boxes what it
    // returns): resolve, inline and run the passes once more.
    // (A call left here of a guarded site is its miss path's, whose
    // misses are counted; one of an unguarded site would have been
    // counted as indirect: counted as its known receiver's instead.)
    let guarded: Vec<usize> = plans
        .iter()
        .filter(|(_, p)| !p.guards.is_empty())
        .map(|(s, _)| *s)
        .collect();
    let known_counter_after = |site: usize, ty: u32| {
        if guarded.contains(&site) {
            None
        } else {
            known_counter(site, ty)
        }
    };
    let known = devirt::devirtualize_known(&mut g, jit.prog, &known_counter_after);
    if jit.opts.inline && !known.is_empty() {
        trace.extend(known);
        let mut h = g.clone();
        // (No callee with interface calls here: no round follows to
        // devirtualize them.)
        let allow = inline::Allow {
            loops,
            ifaces: false,
        };
        let more = inline::inline_calls(&mut h, jit.prog, f, &mut inlined, allow, &mut budget);
        if verify::verify(&h).is_ok() {
            g = h;
            for l in more {
                if !trace.contains(&l) {
                    trace.push(l);
                }
            }
            trace.extend(passes::run(&mut g));
        }
    } else {
        trace.extend(known);
    }
    Ok(Optimized {
        before,
        g,
        plans,
        inlined,
        trace,
        keys,
    })
}

/// The graph of `f` after devirtualization and inlining, then after the
/// passes, with what they decided (as `--trace-tier` says it), for
/// `pgojit disasm --ir`.
pub fn optimized_graph(jit: &Jit, f: FuncId) -> Result<(Graph, Graph, Vec<String>), String> {
    let o = optimize(jit, f, graph_of(jit.prog, f)?, true)?;
    let mut trace: Vec<String> = o.plans.iter().flat_map(|(_, p)| p.trace.clone()).collect();
    trace.extend(o.trace);
    Ok((o.before.unwrap_or_else(|| o.g.clone()), o.g, trace))
}

impl Compiler for Optimizing {
    fn tier(&self) -> Tier {
        Tier::Opt
    }

    fn compile(&self, jit: &Jit, f: FuncId) -> Result<Output, String> {
        if let Some(only) = &jit.opts.opt_filter {
            if !jit.prog.func(f).name.contains(only.as_str()) {
                return Err(format!("not matched by --opt-filter={only}"));
            }
        }
        let main = optimize(jit, f, graph_of(jit.prog, f)?, false)?;
        let mut m = MacroAssembler::new();
        let mut ops = Vec::new();
        let (entry, mut extra) = codegen::emit(&mut m, &mut ops, jit, jit.prog, f, &main.g, None)?;
        let mut keys = main.keys;
        // On-stack replacement: one graph per loop header. (Their guards
        // come from the same snapshot; their decisions are not traced
        // again.)
        let mut osr = Vec::new();
        let headers = jit.osr_headers(f, jit.prog.func(f).loop_headers());
        for t in headers {
            let o = optimize(jit, f, osr_graph_of(jit.prog, f, t)?, false)?;
            m.comment(&format!("OSR entry at pc {t}"));
            let (l, x) = codegen::emit(&mut m, &mut ops, jit, jit.prog, f, &o.g, Some(entry))?;
            extra = extra.max(x);
            keys.extend(o.keys);
            osr.push((t, l));
        }
        let asm = m.finish().map_err(|x| x.to_string())?;
        let mut out = Output {
            asm,
            entry,
            osr,
            trace: Vec::new(),
            sites: Vec::new(),
            keys,
            ops,
            extra,
        };
        let mut seen = Vec::new();
        for (site, mut plan) in main.plans {
            // (A body inlined twice brings its sites twice.)
            if seen.contains(&site) {
                continue;
            }
            seen.push(site);
            for gd in &mut plan.guards {
                gd.inline = main.inlined.contains(&gd.target);
            }
            out.trace.extend(plan.trace.iter().cloned());
            out.sites.push(site_shape(site, &plan));
        }
        out.trace.extend(main.trace);
        Ok(out)
    }
}
