//! The optimizing tier's passes over the SSA graph, run after
//! devirtualization and inlining on the main graph and on every OSR graph
//! ([`run`]), each followed by the verifier.
//!
//! | file | pass |
//! |---|---|
//! | [`simplify`] | constant folding, integer identities, constant branches, trivial block parameters, block merging, unreachable blocks (to a fixed point) |
//! | [`scalar`] | allocations whose pointer never leaves the graph's loads and stores replaced by SSA values (`mem2reg`) |
//! | [`loads`] | redundant load elimination and store-to-load forwarding in extended basic blocks |
//! | [`gvn`] | global value numbering: a dominator-tree walk with a scoped table |
//! | [`bounds`] | bounds check elimination: accesses whose index is proved in range (loop induction variables, masks, dominating checks) marked `nobounds` |
//! | [`version`] | loops with `s[x & m]` accesses still checked copied behind a test of `len(s) > m`, where the bounds pass (run again) proves them |
//! | [`licm`] | loop-invariant code motion: pure instructions, and loads in loops that write no memory, to the preheader |
//! | [`stack`] | objects nothing else can reach allocated in the function's frame (`FrameAlloc`), a `make` of a size known at run time behind a test that it fits |
//! | [`release`] | last: a `Release` after the last use of an allocation nothing else can reach (`b := make([]byte, n)` ... `string(b)`), so its slot is reused at once |
//! | [`dce`] | unused instructions and block parameters without effects |
//!
//! Shared rules, which every pass keeps (the code generator relies on
//! them):
//!
//! - an instruction keeps its `pc` (panic positions); effects (calls,
//!   stores, checks, `Entered`, `Bump`, guard hooks) are never reordered,
//!   duplicated or removed unless proven redundant;
//! - a value named in a loop header's `entry_state` is a use: a
//!   replacement rewrites it there too ([`apply`]), and DCE keeps it;
//! - a replacement `new` for `old` has the same type, or one that fits
//!   and is not an instruction the verifier types by its own operation
//!   ([`can_replace`]);
//! - instructions a pass takes out of the graph are left in the arena as
//!   inert `Const 0` ([`tombstone`]): the code generator scans the arena
//!   for some facts (counters, guard hooks) and must not see removed
//!   ones.

pub mod bounds;
pub mod dce;
pub mod gvn;
pub mod licm;
pub mod loads;
pub mod release;
pub mod scalar;
pub mod simplify;
pub mod stack;
pub mod version;

#[cfg(test)]
mod tests;

use super::ir::*;
use super::verify;

/// What a pass did: a count per kind of change (zero counts left out of
/// the trace).
pub type Counts = Vec<(&'static str, usize)>;

/// A pass: it rewrites the graph and says what it did.
pub type Pass = fn(&mut Graph) -> Counts;

/// The pipeline, in order.
const PIPELINE: &[(&str, Pass)] = &[
    ("scalar", scalar::run),
    ("simplify", simplify::run),
    ("loads", loads::run),
    ("gvn", gvn::run),
    ("simplify", simplify::run),
    ("licm", licm::run),
    // (What moved out of a loop may meet its equal before the loop: a
    // slice's length read again on every trip becomes the one the loop's
    // guard tested, for the bounds pass.)
    ("loads", loads::run),
    ("gvn", gvn::run),
    ("bounds", bounds::run),
    ("version", version::run),
    ("dce", dce::run),
    ("stack", stack::run),
    ("release", release::run),
];

/// The passes' names, as their trace lines say them.
pub fn names() -> impl Iterator<Item = &'static str> {
    PIPELINE.iter().map(|(name, _)| *name)
}

/// Runs the passes over `g`, verifying the graph after each one, and
/// returns the trace lines (`main.f: loads: 6 redundant loads removed`),
/// one per pass that changed something.
///
/// A pass whose output fails verification is a compiler bug: this panics
/// (in every build), so that the test suites, which run release builds,
/// fail loudly rather than falling back to other code unnoticed.
pub fn run(g: &mut Graph) -> Vec<String> {
    let mut trace = Vec::new();
    for (name, pass) in PIPELINE {
        let counts = pass(g);
        if let Err(e) = verify::verify(g) {
            panic!(
                "pgojit: the {name} pass broke the graph of {}: {e}\n{}",
                g.name,
                super::print::graph(g, &super::print::NoNames)
            );
        }
        let said: Vec<String> = counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(what, n)| format!("{n} {what}"))
            .collect();
        if !said.is_empty() {
            trace.push(format!("{}: {name}: {}", g.name, said.join(", ")));
        }
    }
    trace
}

/// Instructions whose type the verifier checks against their use (float
/// bits never where an integer is): a replacement of another type must
/// not be one of these.
fn typed(i: &Insn) -> bool {
    matches!(
        i,
        Insn::Bin { .. }
            | Insn::Un { .. }
            | Insn::Cmp { .. }
            | Insn::AddrOff { .. }
            | Insn::SliceAddr { .. }
    )
}

/// May every use of `old` read `new` instead? The same type; or one
/// that fits where `old`'s does (an integer for a possible pointer) and
/// is either not an instruction typed by its operation or not read by
/// any use as the other kind of word (float bits, an integer).
pub fn can_replace(g: &Graph, old: InsnId, new: InsnId) -> bool {
    let (to, tn) = (g.insn(old).ty, g.insn(new).ty);
    if to == tn {
        return true;
    }
    if !tn.fits(to) {
        return false;
    }
    if !typed(&g.insn(new).insn) {
        return true;
    }
    // (Rare: scan the uses.)
    let wrong = if tn == Ty::Float { Ty::Int } else { Ty::Float };
    !g.blocks.iter().any(|blk| {
        let branch = matches!(&blk.term, Some(Term::Branch { cond, .. }) if *cond == old);
        branch && wrong == Ty::Int
            || blk
                .insns
                .iter()
                .any(|&i| operand_kinds(&g.insn(i).insn).any(|(o, t)| o == old && t == wrong))
    })
}

/// The operands an instruction reads as float bits or as integers
/// (those the verifier checks).
fn operand_kinds(i: &Insn) -> impl Iterator<Item = (InsnId, Ty)> {
    let (f, n) = (Ty::Float, Ty::Int);
    let v: Vec<(InsnId, Ty)> = match i {
        Insn::Bin { op, a, b } => {
            let t = if op.float() { f } else { n };
            vec![(*a, t), (*b, t)]
        }
        Insn::Un { op, a } => vec![(*a, op.types().0)],
        Insn::Cmp { kind, a, b, .. } => {
            let t = if *kind == CmpKind::Float { f } else { n };
            vec![(*a, t), (*b, t)]
        }
        Insn::CheckShift { a } | Insn::CheckIndex { i: a, .. } => vec![(*a, n)],
        Insn::Load { p, .. } | Insn::AddrOff { p, .. } | Insn::Store { p, .. } => vec![(*p, n)],
        Insn::SliceAddr { ptr, len, i, .. }
        | Insn::SliceLoad { ptr, len, i, .. }
        | Insn::SliceStore { ptr, len, i, .. } => vec![(*ptr, n), (*len, n), (*i, n)],
        Insn::MemMove { dst, src, bytes } => vec![(*dst, n), (*src, n), (*bytes, n)],
        Insn::CallIface { recv, .. } => vec![(recv[0], n)],
        Insn::CallClosure { f: c, .. } => vec![(*c, n)],
        _ => vec![],
    };
    v.into_iter()
}

/// A substitution of values: `map[v]` replaces `v` (chains resolved).
pub struct Subst {
    map: Vec<InsnId>,
    changed: bool,
}

impl Subst {
    pub fn new(g: &Graph) -> Subst {
        Subst {
            map: (0..g.insns.len() as u32).map(InsnId).collect(),
            changed: false,
        }
    }

    /// Replaces `old` by `new` from now on.
    pub fn set(&mut self, old: InsnId, new: InsnId) {
        let new = self.get(new);
        if new != old {
            self.map[old.index()] = new;
            self.changed = true;
        }
    }

    pub fn get(&self, mut v: InsnId) -> InsnId {
        while let Some(&n) = self.map.get(v.index()) {
            if n == v {
                break;
            }
            v = n;
        }
        v
    }

    pub fn is_empty(&self) -> bool {
        !self.changed
    }
}

/// Rewrites every use of a replaced value in `g`: operands, terminators,
/// edge arguments and loop headers' entry states.
pub fn apply(g: &mut Graph, s: &Subst) {
    if s.is_empty() {
        return;
    }
    let placed: Vec<InsnId> = g.blocks.iter().flat_map(|b| b.insns.clone()).collect();
    for i in placed {
        for o in g.insns[i.index()].insn.operands_mut() {
            *o = s.get(*o);
        }
    }
    for blk in &mut g.blocks {
        if let Some(t) = blk.term.as_mut() {
            for o in t.operands_mut() {
                *o = s.get(*o);
            }
            for e in t.edges_mut() {
                for a in &mut e.args {
                    *a = s.get(*a);
                }
            }
        }
        if let Some(state) = blk.entry_state.as_mut() {
            for (_, v) in state.iter_mut() {
                *v = s.get(*v);
            }
        }
    }
}

/// Makes a removed instruction inert (see the module's doc).
pub fn tombstone(g: &mut Graph, i: InsnId) {
    g.insns[i.index()].insn = Insn::Const { bits: 0 };
    g.in_bounds.remove(&i);
}

/// Removes the instructions `dead` marks from their blocks' bodies and
/// tombstones them.
pub fn remove_insns(g: &mut Graph, dead: &[bool]) {
    let mut gone = Vec::new();
    for blk in &mut g.blocks {
        blk.insns.retain(|i| {
            let d = dead[i.index()];
            if d {
                gone.push(*i);
            }
            !d
        });
    }
    for i in gone {
        tombstone(g, i);
    }
}

/// Removes the blocks not reachable from the entry (a block merged away
/// is one: nothing jumps to it, and it holds nothing), renumbering the others in their order and remapping every
/// edge and the entry. Returns how many went.
pub fn compact_blocks(g: &mut Graph) -> usize {
    let mut keep = vec![false; g.blocks.len()];
    for b in g.rpo() {
        keep[b.index()] = true;
    }
    let removed = keep.iter().filter(|k| !**k).count();
    if removed == 0 {
        return 0;
    }
    let mut map = vec![BlockId(u32::MAX); g.blocks.len()];
    let mut n = 0;
    for (b, k) in keep.iter().enumerate() {
        if *k {
            map[b] = BlockId(n);
            n += 1;
        }
    }
    let old = std::mem::take(&mut g.blocks);
    let mut gone = Vec::new();
    for (b, mut blk) in old.into_iter().enumerate() {
        if !keep[b] {
            gone.extend(blk.params.iter().chain(&blk.insns).copied());
            continue;
        }
        if let Some(t) = blk.term.as_mut() {
            for e in t.edges_mut() {
                e.block = map[e.block.index()];
            }
        }
        g.blocks.push(blk);
    }
    g.entry = map[g.entry.index()];
    for i in gone {
        tombstone(g, i);
    }
    removed
}

/// Would the code generator treat the edge `from -> to` as a loop
/// back-edge (a `--max-steps` step, a poll of the leave flag)? As
/// `codegen.rs` decides it; passes keep this set of edges unchanged.
pub fn back_edge(g: &Graph, from: BlockId, to: BlockId) -> bool {
    let (f, t) = (g.block(from), g.block(to));
    match f.term_pc {
        Some(pc) => from != g.entry && !f.inlined && !t.inlined && t.pc <= pc,
        None => false,
    }
}

/// Blocks in the dominator tree: the children of each block, in reverse
/// postorder.
pub fn dom_children(g: &Graph) -> Vec<Vec<BlockId>> {
    let idom = verify::dominators(g);
    let mut kids = vec![Vec::new(); g.blocks.len()];
    for b in g.rpo() {
        if b == g.entry {
            continue;
        }
        if let Some(d) = idom[b.index()] {
            kids[d.index()].push(b);
        }
    }
    kids
}
