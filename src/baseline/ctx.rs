//! The state compiled code reaches through the `VM` register (r13), and the
//! runtime helpers it calls.
//!
//! Compiled code may keep its hottest one-word slots in registers (pinned,
//! see `emit::analysis`), but writes them back to their VM frame slots
//! before every call, helper and return and reloads them after: whenever a
//! helper runs, every value is in its frame slot, so it may collect
//! garbage, and a guard miss may leave for other code. OSR entries load the
//! pinned registers from the frame.

use crate::bytecode::Op;
use crate::interp::Vm;
use crate::runtime::panic::Panic;
use pgojit_profiler::FuncId;
use std::mem::offset_of;

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
}

pub const UNWIND_RSP: i32 = offset_of!(JitCtx, unwind_rsp) as i32;
pub const RSP_LIMIT: i32 = offset_of!(JitCtx, rsp_limit) as i32;
pub const STACK_END: i32 = offset_of!(JitCtx, stack_end) as i32;
pub const CTX: i32 = offset_of!(JitCtx, ctx) as i32;
pub const GLOBALS_DELTA: i32 = offset_of!(JitCtx, globals_delta) as i32;
pub const STEPS_LEFT: i32 = offset_of!(JitCtx, steps_left) as i32;

impl JitCtx {
    pub fn new() -> JitCtx {
        JitCtx {
            unwind_rsp: 0,
            rsp_limit: 0,
            stack_end: 0,
            ctx: 0,
            vm: std::ptr::null_mut(),
            stack_base: 0,
            globals_delta: 0,
            steps_left: i64::MAX,
        }
    }
}

impl Default for JitCtx {
    fn default() -> Self {
        Self::new()
    }
}

/// The VM behind a context, and the slot index of a frame address.
///
/// # Safety
/// `jc` must be the context of a live VM that is suspended in a call into
/// compiled code (so nothing else borrows it), and `frame` must point into
/// its stack.
unsafe fn vm_of<'a>(jc: *mut JitCtx, frame: *mut u64) -> (&'a mut Vm<'a>, usize) {
    let jc = &*jc;
    let vm = &mut *(jc.vm as *mut Vm<'a>);
    let fp = (frame as u64 - jc.stack_base) as usize / 8;
    (vm, fp)
}

/// Result of a helper: 0 to go on, 1 when a panic is pending in the VM
/// (compiled code then unwinds to the nearest `enter`).
fn status(vm: &mut Vm, r: Result<(), Panic>) -> u64 {
    match r {
        Ok(()) => 0,
        Err(p) => {
            vm.pending = Some(p);
            1
        }
    }
}

/// Runs one bytecode instruction that compiled code does not expand inline
/// (allocation, strings, conversions, fmt, printing, panics), or re-runs one
/// whose inline fast path found it would fail (nil, bounds, zero divisor),
/// so that the panic is the interpreter's, word for word.
pub extern "sysv64" fn op(jc: *mut JitCtx, frame: *mut u64, op: *const Op, func: u64) -> u64 {
    // SAFETY: called only from compiled code, which passes its own context,
    // its frame, an instruction of `func`'s code (the program outlives the
    // run) and `func`.
    let (vm, fp) = unsafe { vm_of(jc, frame) };
    let op = unsafe { &*op };
    let r = vm.exec_op(op, FuncId(func as u32), fp);
    status(vm, r)
}

/// Interprets `func` on `frame` (compiled code calling a function that has
/// no compiled code yet; the interpreter may compile it on the way).
pub extern "sysv64" fn interp_call(jc: *mut JitCtx, frame: *mut u64, func: u64) -> u64 {
    // SAFETY: as in `op`.
    let (vm, fp) = unsafe { vm_of(jc, frame) };
    let r = vm.run(FuncId(func as u32), fp);
    status(vm, r)
}

/// Panics compiled code raises itself: 0 nil dereference, 1 stack
/// overflow, 2 a fast path and its helper disagreeing (a compiler bug,
/// reported rather than continued from), 3 `--max-steps` spent at
/// instruction `pc` of `func`.
pub extern "sysv64" fn fail(jc: *mut JitCtx, kind: u64, func: u64, pc: u64) -> u64 {
    // SAFETY: as in `op`; the frame argument is not used.
    let jcr = unsafe { &*jc };
    let (vm, _) = unsafe { vm_of(jc, jcr.stack_base as *mut u64) };
    let p = match kind {
        0 => Panic::nil_deref(),
        1 => vm.stack_overflow(),
        2 => Panic::Fatal("internal error: a compiled fast path disagreed with its helper".into()),
        _ => vm.out_of_steps(FuncId(func as u32), pc as usize),
    };
    vm.flush();
    vm.pending = Some(p);
    1
}

/// `--verify-guards` found a receiver the guard at `site` should have
/// turned away (its low 32 bits; bit 32 set for a function-value site)
/// inside code compiled for `expected`: the compiler or its guard handling
/// is wrong, and nothing the program does next can be trusted. Reports
/// and aborts, as HotSpot's `VerifyOops` and V8's slow asserts do.
pub extern "sysv64" fn guard_violation(
    jc: *mut JitCtx,
    site: u64,
    actual: u64,
    expected: u64,
) -> u64 {
    // SAFETY: as in `fail`.
    let jcr = unsafe { &*jc };
    let (vm, _) = unsafe { vm_of(jc, jcr.stack_base as *mut u64) };
    vm.flush();
    let prog = vm.prog;
    let closure = site >> 32 != 0;
    let meta = &prog.sites[(site & 0xffff_ffff) as usize];
    let name = |w: u64| -> String {
        if w == 0 {
            "nil".into()
        } else if closure {
            prog.funcs
                .get(w as usize)
                .map_or_else(|| format!("function #{w}"), |f| f.name.clone())
        } else {
            // SAFETY: a non-nil itab's `typ` is a leaked descriptor.
            unsafe { &*(w as *const crate::runtime::typedesc::TypeDesc) }
                .name
                .clone()
        }
    };
    eprintln!(
        "pgojit: internal error: --verify-guards: at {}:{}:{} ({}) a {} receiver reached code compiled for {}",
        prog.file_name,
        meta.pos.line,
        meta.pos.col,
        meta.text,
        name(actual),
        name(expected)
    );
    std::process::abort()
}
