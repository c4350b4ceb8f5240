//! The interpreter's side of the tier layer's contract: the counts it
//! keeps for tier-up (the policy decides on them in `crate::tier`), and the
//! way into compiled code on one of its frames.

use super::Vm;
use crate::bytecode::frame::JitCtx;
use crate::runtime::panic::Panic;
use pgojit_profiler::{FuncId, FuncSnapshot};

impl Vm<'_> {
    /// Counts an interpreted call of `f` (for tier-up): the function's
    /// interpreted calls and back-edges so far.
    pub(crate) fn count_call(&mut self, f: FuncId) -> FuncSnapshot {
        let c = &mut self.tier_calls[f.index()];
        *c = c.saturating_add(1);
        self.tier_snapshot(f)
    }

    /// Takes back a counted call that ran compiled after all.
    pub(crate) fn uncount_call(&mut self, f: FuncId) {
        self.tier_calls[f.index()] -= 1;
    }

    /// Counts an interpreted back-edge of `f` (for tier-up).
    pub(crate) fn count_backedge(&mut self, f: FuncId) -> FuncSnapshot {
        let c = &mut self.tier_loops[f.index()];
        *c = c.saturating_add(1);
        self.tier_snapshot(f)
    }

    fn tier_snapshot(&self, f: FuncId) -> FuncSnapshot {
        let (calls, backedges) = self.tier_counts(f);
        FuncSnapshot { calls, backedges }
    }

    /// Gets the VM ready to run compiled code on the frame at `fp`: its
    /// context (pointing back at this VM and at `tier`, the tier layer
    /// whose code runs) and the frame's address.
    pub(crate) fn native_entry(&mut self, fp: usize, tier: *const u8) -> (*mut JitCtx, *mut u64) {
        self.jc.vm = self as *mut Vm as *mut u8;
        self.jc.tier = tier;
        let jc: *mut JitCtx = &mut *self.jc;
        // `fp` lies inside the stack (the caller's frame contains the window).
        (jc, self.stack[fp..].as_mut_ptr())
    }

    /// The panic compiled code left when it unwound.
    pub(crate) fn take_pending(&mut self) -> Panic {
        self.pending.take().unwrap_or_else(|| {
            Panic::Fatal("internal error: compiled code failed without a panic".into())
        })
    }

    /// Interpreted calls and loop trips of `f` (for `--stats`).
    pub fn tier_counts(&self, f: FuncId) -> (u64, u64) {
        (
            self.tier_calls[f.index()] as u64,
            self.tier_loops[f.index()] as u64,
        )
    }
}
