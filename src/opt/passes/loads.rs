//! Redundant load elimination and store-to-load forwarding.
//!
//! A table of available memory facts — "location L holds value v" — is
//! carried through each extended basic block: a block starts with its
//! single predecessor's facts at its end when it has exactly one
//! predecessor edge (and that predecessor was visited first, in reverse
//! postorder), else with none. So facts never cross a merge point, and
//! never a loop back-edge (a loop header has two predecessors; a block
//! whose only predecessor comes later in reverse postorder starts empty).
//!
//! Locations: `p + off` (`Load`/`Store`, by the pointer's value and the
//! word offset), package word `addr` (`LoadG`/`StoreG`), slice element
//! word (`SliceLoad`/`SliceStore` with the same pointer, length, index,
//! stride and offset) and frame slot (`LoadSlot`/`StoreSlot`).
//!
//! A load of an available location is replaced by the value there (the
//! earlier load, or the value stored): the earlier access already
//! nil-checked the pointer or bounds-checked the index with the same
//! operands, so the load could not have failed. What kills facts:
//!
//! - a `Store p+off`: every fact about `p+off`, about any other base
//!   (different values may point to the same word), slice elements,
//!   package words (`&global`) and frame slots; facts about `p` at other
//!   offsets stay;
//! - a `StoreG addr`: every fact but those about other package words;
//! - a `SliceStore` or `StoreSlot`: every fact (a pointer may reach a
//!   slice's array or a frame array);
//! - any instruction that may run other code or write memory: calls,
//!   `Bytecode` (runs interpreter ops, may allocate), guard hooks
//!   (`SiteMiss`, `StressTick`): everything. (The collector moves nothing
//!   and does not change reachable objects, so an allocation by itself
//!   would kill nothing; the calls around allocations do.)
//!
//! Also, a load whose result nothing reads (a loop header's
//! `entry_state` counts as a read) is removed when its pointer is known
//! non-nil: an earlier load or store through the same pointer value in
//! the extended block already faulted if it was nil.

use super::{can_replace, remove_insns, Counts, Subst};
use crate::opt::ir::*;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Loc {
    Word(InsnId, u32),
    Global(u64),
    Slice([InsnId; 3], u32, u32),
    Slot(u32),
}

/// The facts at one point of an extended basic block.
#[derive(Clone, Default)]
struct Facts {
    mem: HashMap<Loc, InsnId>,
    /// Pointers dereferenced already (non-nil from here on).
    nonnull: HashSet<InsnId>,
}

impl Facts {
    fn kill_all(&mut self) {
        self.mem.clear();
    }
}

/// Instructions that write no memory the program can see and run no
/// other code (what `Bump` and `Entered` write is the runtime's).
pub(crate) fn writes_nothing(i: &Insn) -> bool {
    matches!(
        i,
        Insn::Param { .. }
            | Insn::Const { .. }
            | Insn::TypeWord { .. }
            | Insn::Bin { .. }
            | Insn::Un { .. }
            | Insn::Cmp { .. }
            | Insn::CheckShift { .. }
            | Insn::CheckIndex { .. }
            | Insn::Load { .. }
            | Insn::AddrOff { .. }
            | Insn::AddrG { .. }
            | Insn::FrameAddr { .. }
            | Insn::LoadG { .. }
            | Insn::SliceAddr { .. }
            | Insn::SliceLoad { .. }
            | Insn::LoadCtx
            | Insn::Entered { .. }
            | Insn::KeyEq { .. }
            | Insn::Bump { .. }
            | Insn::VerifyType { .. }
            | Insn::Proj { .. }
            | Insn::LoadSlot { .. }
            | Insn::Select { .. }
            | Insn::StrByte { .. }
            | Insn::StrEqConst { .. }
            | Insn::CallRt { .. }
    )
}

pub fn run(g: &mut Graph) -> Counts {
    let rpo = g.rpo();
    let preds = g.preds();
    let mut order = vec![usize::MAX; g.blocks.len()];
    for (k, b) in rpo.iter().enumerate() {
        order[b.index()] = k;
    }
    let uses = g.use_counts();
    let mut s = Subst::new(g);
    let mut gone = vec![false; g.insns.len()];
    let mut out: Vec<Option<Facts>> = vec![None; g.blocks.len()];
    let (mut redundant, mut forwarded, mut dead) = (0, 0, 0);
    for &b in &rpo {
        let mut f = match preds[b.index()].as_slice() {
            [p] if order[p.index()] < order[b.index()] => {
                out[p.index()].clone().unwrap_or_default()
            }
            _ => Facts::default(),
        };
        for i in g.block(b).insns.clone() {
            for o in g.insns[i.index()].insn.operands_mut() {
                *o = s.get(*o);
            }
            let insn = g.insn(i).insn.clone();
            let load = match insn {
                Insn::Load { p, off } => Some((Loc::Word(p, off), Some(p))),
                Insn::LoadG { addr } => Some((Loc::Global(addr), None)),
                Insn::SliceLoad {
                    ptr,
                    len,
                    i: x,
                    stride,
                    off,
                } => Some((Loc::Slice([ptr, len, x], stride, off), None)),
                Insn::LoadSlot { slot } => Some((Loc::Slot(slot), None)),
                _ => None,
            };
            if let Some((loc, ptr)) = load {
                match f.mem.get(&loc) {
                    Some(&v) if can_replace(g, i, v) => {
                        let stored = !matches!(
                            g.insn(v).insn,
                            Insn::Load { .. }
                                | Insn::LoadG { .. }
                                | Insn::SliceLoad { .. }
                                | Insn::LoadSlot { .. }
                        );
                        if stored {
                            forwarded += 1;
                        } else {
                            redundant += 1;
                        }
                        s.set(i, v);
                        gone[i.index()] = true;
                    }
                    _ if ptr.is_some_and(|p| f.nonnull.contains(&p)) && uses[i.index()] == 0 => {
                        dead += 1;
                        gone[i.index()] = true;
                    }
                    _ => {
                        f.mem.insert(loc, i);
                        if let Some(p) = ptr {
                            f.nonnull.insert(p);
                        }
                    }
                }
                continue;
            }
            match insn {
                Insn::Store { p, off, v } => {
                    f.mem
                        .retain(|l, _| matches!(l, Loc::Word(q, o) if *q == p && *o != off));
                    f.mem.insert(Loc::Word(p, off), v);
                    f.nonnull.insert(p);
                }
                Insn::AddrOff { p, .. } => {
                    f.nonnull.insert(p);
                }
                Insn::StoreG { addr, v } => {
                    f.mem
                        .retain(|l, _| matches!(l, Loc::Global(a) if *a != addr));
                    f.mem.insert(Loc::Global(addr), v);
                }
                Insn::SliceStore {
                    ptr,
                    len,
                    i: x,
                    stride,
                    off,
                    v,
                } => {
                    f.kill_all();
                    f.mem.insert(Loc::Slice([ptr, len, x], stride, off), v);
                }
                Insn::StoreSlot { slot, v } => {
                    f.kill_all();
                    f.mem.insert(Loc::Slot(slot), v);
                }
                ref x if writes_nothing(x) => {}
                _ => f.kill_all(),
            }
        }
        out[b.index()] = Some(f);
    }
    super::apply(g, &s);
    remove_insns(g, &gone);
    vec![
        ("redundant loads removed", redundant),
        ("stores forwarded to loads", forwarded),
        ("unused loads of non-nil pointers removed", dead),
    ]
}
