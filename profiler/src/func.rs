//! One function's counters: invocations and loop back-edges.
//!
//! Like a site's rows, the two words live in an allocation that never moves
//! (the `Profile`'s boxed slice), so compiled code can bump them by address;
//! bumps are relaxed loads and stores (see `site.rs` for why).

use std::mem::offset_of;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

/// Invocation and back-edge counters of one function.
#[repr(C)]
#[derive(Debug, Default)]
pub struct FuncProfile {
    calls: AtomicU64,
    backedges: AtomicU64,
}

/// Offset of the call counter in a `FuncProfile`.
pub const FUNC_CALLS_OFFSET: usize = 0;
/// Offset of the back-edge counter in a `FuncProfile`.
pub const FUNC_BACKEDGES_OFFSET: usize = 8;

const _: () = assert!(offset_of!(FuncProfile, calls) == FUNC_CALLS_OFFSET);
const _: () = assert!(offset_of!(FuncProfile, backedges) == FUNC_BACKEDGES_OFFSET);

impl FuncProfile {
    /// Counts one invocation.
    #[inline]
    pub fn record_call(&self) {
        self.calls
            .store(self.calls.load(Relaxed).wrapping_add(1), Relaxed);
    }

    /// Counts one loop back-edge taken.
    #[inline]
    pub fn record_backedge(&self) {
        self.backedges
            .store(self.backedges.load(Relaxed).wrapping_add(1), Relaxed);
    }

    /// Adds counts in bulk (seeding from a saved profile).
    pub fn add(&self, calls: u64, backedges: u64) {
        self.calls
            .store(self.calls.load(Relaxed).wrapping_add(calls), Relaxed);
        self.backedges.store(
            self.backedges.load(Relaxed).wrapping_add(backedges),
            Relaxed,
        );
    }

    /// The counts as they are now.
    pub fn snapshot(&self) -> FuncSnapshot {
        FuncSnapshot {
            calls: self.calls.load(Relaxed),
            backedges: self.backedges.load(Relaxed),
        }
    }

    /// Address of the call counter, valid while the owning `Profile` lives;
    /// writes must be single aligned 8-byte stores.
    pub fn calls_addr(&self) -> *mut u64 {
        self.calls.as_ptr()
    }

    /// Address of the back-edge counter (same validity as `calls_addr`).
    pub fn backedges_addr(&self) -> *mut u64 {
        self.backedges.as_ptr()
    }
}

/// A function's counts at one moment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FuncSnapshot {
    pub calls: u64,
    pub backedges: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_calls_and_backedges() {
        let f = FuncProfile::default();
        f.record_call();
        f.record_backedge();
        f.record_backedge();
        f.add(10, 20);
        assert_eq!(
            f.snapshot(),
            FuncSnapshot {
                calls: 11,
                backedges: 22
            }
        );
        assert_eq!(f.backedges_addr() as usize - f.calls_addr() as usize, 8);
    }
}
