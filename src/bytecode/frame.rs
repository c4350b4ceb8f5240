//! The frame contract every tier keeps: a function's frame is a run of
//! 64-bit slots on the VM stack (parameters first; results copied to slot
//! 0), and beside it the context compiled code reaches through its `VM`
//! register (r13). The interpreter owns both; the compilers address them
//! through [`slot_offset`] and the offsets below, never through the
//! interpreter's own types.
//!
//! Between calls, helpers and safepoints compiled code may keep frame
//! slots in machine registers; at each of them every live value is back
//! in its VM frame slot, so a helper may collect garbage, a guard may miss,
//! and the interpreter may take over at any call or loop header (OSR
//! enters compiled code the same way).

use super::Slot;
use std::mem::offset_of;

/// Byte offset of frame slot `slot` from slot 0: the one frame layout of
/// every tier. The interpreter indexes its stack by slot; compiled code
/// addresses slot `i` at `[FRAME + slot_offset(i)]`, and scales a dynamic
/// slot index by `slot_offset(1)`.
#[inline]
pub const fn slot_offset(slot: Slot) -> i32 {
    assert!(slot < (1 << 28), "frame slot out of range");
    (slot * 8) as i32
}

/// What compiled code addresses at `[VM + offset]`. Owned by the [`Vm`].
#[repr(C)]
pub struct JitCtx {
    /// Native stack pointer to unwind to when a helper reports a panic
    /// (set by the `enter` trampoline, restored on its way out).
    pub unwind_rsp: u64,
    /// The native stack may not grow below this (Go's stack overflow).
    pub rsp_limit: u64,
    /// One past the VM stack's last slot.
    pub stack_end: u64,
    /// The closure being called (Go's context register).
    pub ctx: u64,
    /// The VM running the code (type-erased `*mut Vm`).
    pub vm: *mut u8,
    /// The tier layer whose code runs (type-erased `*const tier::Jit`), set
    /// on every entry into compiled code.
    pub tier: *const u8,
    /// Address of slot 0 of the VM stack.
    pub stack_base: u64,
    /// Added to package-variable addresses (0 unless this VM has its own
    /// copy of them: `Vm::own_globals`).
    pub globals_delta: u64,
    /// Steps (function entries and loop back-edges) left before
    /// `--max-steps` stops the program; `i64::MAX` without the option.
    /// Both tiers take one per step, so the limit strikes at the same
    /// step in every tier.
    pub steps_left: i64,
    /// The heap's allocation caches (`heap::cache_slot`), which compiled
    /// code bumps inline.
    pub alloc_caches: u64,
    /// The last call from compiled code into the runtime (HotSpot's last
    /// Java frame): the native stack pointer it was made at (its return
    /// address is the word below) and the frame register then; 0 while
    /// the innermost `enter` has made none. `enter` saves and restores
    /// both, so each nested run of compiled code can be walked
    /// (`tier::stackwalk`).
    pub last_rsp: u64,
    pub last_frame: u64,
}

pub const UNWIND_RSP: i32 = offset_of!(JitCtx, unwind_rsp) as i32;
pub const RSP_LIMIT: i32 = offset_of!(JitCtx, rsp_limit) as i32;
pub const STACK_END: i32 = offset_of!(JitCtx, stack_end) as i32;
pub const CTX: i32 = offset_of!(JitCtx, ctx) as i32;
pub const GLOBALS_DELTA: i32 = offset_of!(JitCtx, globals_delta) as i32;
pub const STEPS_LEFT: i32 = offset_of!(JitCtx, steps_left) as i32;
pub const ALLOC_CACHES: i32 = offset_of!(JitCtx, alloc_caches) as i32;
pub const LAST_RSP: i32 = offset_of!(JitCtx, last_rsp) as i32;
pub const LAST_FRAME: i32 = offset_of!(JitCtx, last_frame) as i32;

impl JitCtx {
    pub fn new() -> JitCtx {
        JitCtx {
            unwind_rsp: 0,
            rsp_limit: 0,
            stack_end: 0,
            ctx: 0,
            vm: std::ptr::null_mut(),
            tier: std::ptr::null(),
            stack_base: 0,
            globals_delta: 0,
            steps_left: i64::MAX,
            alloc_caches: 0,
            last_rsp: 0,
            last_frame: 0,
        }
    }
}

impl Default for JitCtx {
    fn default() -> Self {
        Self::new()
    }
}
