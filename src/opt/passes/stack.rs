//! Allocation in the frame: an object that nothing else can reach (the
//! `release` pass's confinement: its pointer is only ever the address of
//! loads and stores, or the bytes `string(b)` copies) lives in a buffer
//! of the function's own frame instead of the heap, as Go's escape
//! analysis puts such values on the goroutine stack. The buffer is
//! zeroed where the allocation was (`FrameAlloc`), so an allocation in a
//! loop gets a fresh object each trip, in the same words: the pointer
//! never passes along an edge, so the last trip's object is dead by
//! then.
//!
//! - `new(T)`, `&T{...}` (`Alloc`) of at most [`MAX_WORDS`] words: the
//!   object in the frame;
//! - `make([]T, n)` and `make([]T, n, c)` with constant sizes of at most
//!   [`MAX_WORDS`] words: the array in the frame;
//! - with a size known only at run time (`b := make([]byte, n)`, as Go
//!   1.25 does with its 32-byte stack buffer): a buffer of
//!   [`DYNAMIC_WORDS`] words used when the capacity fits, tested inline;
//!   else the generic instruction allocates on the heap as before (and
//!   raises `makeslice`'s panics).
//!
//! Not when the code may leave for recompiled code at a loop header
//! whose entry state holds the pointer (guarded code, as in `scalar`):
//! the new code would find the object in words of the frame it uses for
//! itself. The collector scans compiled frames conservatively, buffers
//! included, so pointers stored in a frame object keep their targets
//! alive; a frame address is no heap object, which marking and `Release`
//! ignore. The frame never moves (the VM stack is allocated once).
//!
//! Runs after everything but `release`, which then has the heap
//! allocations that are left.

use super::release::{candidates, confined};
use super::scalar::{index_uses, Use};
use super::Counts;
use crate::bytecode::op::Op;
use crate::opt::ir::*;
use crate::opt::lower::fast_path;

/// The largest object (or constant-size array) put in the frame, in words.
pub const MAX_WORDS: u32 = 32;
/// The buffer of a `make` whose size is known only at run time, in words.
pub const DYNAMIC_WORDS: u32 = 8;
/// Frame buffer words a function may use in all.
pub const MAX_FRAME_WORDS: u32 = 256;

enum Plan {
    /// An `Alloc` of so many words.
    Object(InsnId, u32),
    /// A `MakeSlice` (the tuple), its length and capacity values and
    /// element stride.
    Slice(InsnId, InsnId, InsnId, u32),
}

pub fn run(g: &mut Graph) -> Counts {
    let leaves = g
        .insns
        .iter()
        .any(|d| matches!(d.insn, Insn::SiteMiss { .. }));
    let uses = index_uses(g);
    let mut plans = Vec::new();
    for p in candidates(g, &uses) {
        let in_state = uses[p.index()].iter().any(|u| matches!(u, Use::State));
        if (leaves && in_state) || confined(g, p, &uses[p.index()]).is_none() {
            continue;
        }
        match &g.insn(p).insn {
            Insn::Bytecode {
                op: Op::Alloc { n, .. },
                ..
            } if *n <= MAX_WORDS => plans.push(Plan::Object(p, *n)),
            Insn::Proj { of, .. } => {
                if let Insn::Bytecode {
                    op: Op::MakeSlice { stride, .. },
                    args,
                    ..
                } = &g.insn(*of).insn
                {
                    // (A `[]byte`'s packed elements are left to the heap.)
                    if *stride & crate::bytecode::op::PACKED != 0 {
                        continue;
                    }
                    let len = args[0];
                    let cap = args.get(1).copied().unwrap_or(len);
                    plans.push(Plan::Slice(*of, len, cap, *stride));
                }
            }
            _ => {}
        }
    }
    let mut placed = 0;
    for plan in plans {
        match plan {
            Plan::Object(p, n) => {
                if g.frame_bufs + n > MAX_FRAME_WORDS {
                    continue;
                }
                g.insns[p.index()].insn = Insn::FrameAlloc {
                    buf: g.frame_bufs,
                    words: n,
                };
                g.frame_bufs += n;
            }
            Plan::Slice(m, len, cap, stride) => {
                let konst = |x: InsnId| match g.insn(x).insn {
                    Insn::Const { bits } => i64::try_from(bits).ok(),
                    _ => None,
                };
                let fixed = match (konst(len), konst(cap)) {
                    (Some(l), Some(c)) if l <= c => u32::try_from(c).ok(),
                    _ => None,
                };
                let (elems, checked) = match fixed {
                    Some(c) => (c, false),
                    None => (DYNAMIC_WORDS / stride.max(1), true),
                };
                let words = elems.saturating_mul(stride);
                if elems == 0 || words > MAX_WORDS || g.frame_bufs + words > MAX_FRAME_WORDS {
                    continue;
                }
                let buf = g.frame_bufs;
                g.frame_bufs += words;
                fast_path(
                    g,
                    m,
                    &[Ty::Ptr, Ty::Int, Ty::Int],
                    |at| {
                        if !checked {
                            return Vec::new();
                        }
                        // (Unsigned: a negative size takes the slow path,
                        // which panics as Go does.)
                        let room = at.push(Insn::Const { bits: elems as u64 }, Ty::Int);
                        let mut checks = vec![at.le_u(cap, room)];
                        if cap != len {
                            checks.push(at.le_u(len, cap));
                        }
                        checks
                    },
                    |at| {
                        let p = at.push(Insn::FrameAlloc { buf, words }, Ty::Ptr);
                        vec![p, len, cap]
                    },
                );
            }
        }
        placed += 1;
    }
    vec![("allocations put in the frame", placed)]
}
