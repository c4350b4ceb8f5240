//! The runtime functions compiled code calls (by absolute address, with the
//! VM's context in the first argument): the interpreter's slow path for
//! one instruction, interpreted calls, the panics compiled code raises
//! itself, `--verify-guards`' report, and the miss path's and stress
//! modes' hooks. Each finds its VM and tier layer through the context.

use super::Jit;
use crate::bytecode::frame::JitCtx;
use crate::bytecode::Op;
use crate::interp::Vm;
use crate::runtime::panic::Panic;
use pgojit_profiler::FuncId;

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

/// The tier layer whose compiled code is running.
///
/// # Safety
/// `jc` must be the context of a VM running compiled code: entering it
/// sets `tier` to the `Jit` that installed the code, which outlives the run.
unsafe fn jit_of<'a>(jc: *mut JitCtx) -> &'a Jit<'a> {
    &*((*jc).tier as *const Jit<'a>)
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
    let r = vm.exec_op_compiled(op, FuncId(func as u32), fp);
    status(vm, r)
}

/// The unwind trampoline's first step: the compiled frames from the
/// innermost one (whose last call returned to `ret`, the return address
/// still in the slot at `rsp - 8`) out to the nearest `enter`, added to
/// the pending panic's traceback. Each frame's call site says where the
/// next return address is ([`pgojit_jit::frames`]); the walk stops at
/// `enter`'s own call, whose site has no frames.
pub extern "sysv64" fn trace_unwind(jc: *mut JitCtx, rsp: u64, ret: u64) {
    // SAFETY: called only from the unwind trampoline, with the running
    // VM's context; the frame argument is not used.
    let end = unsafe { (*jc).unwind_rsp };
    let (vm, _) = unsafe { vm_of(jc, (*jc).stack_base as *mut u64) };
    if !vm.pending.as_ref().is_some_and(|p| p.traced()) {
        // (A fatal error prints no traceback; the frames may be half made.)
        return;
    }
    let mut slot = rsp - 8;
    let mut ret = ret;
    loop {
        let Some(site) = pgojit_jit::frames::call_site(ret) else {
            // Not a call site: a bug in the sites' depths.
            vm.trace_lost();
            return;
        };
        if site.frames.is_empty() {
            // `enter`'s own call (its return address is the last word
            // below the unwind point).
            if slot + 8 != end {
                vm.trace_lost();
            }
            return;
        }
        vm.trace_compiled(&site.frames, site.offset);
        slot = pgojit_jit::frames::next_slot(slot, &site);
        if slot >= end {
            vm.trace_lost();
            return;
        }
        // SAFETY: `slot` lies between the innermost frame's `rsp` and the
        // unwind point, in the frames of this compiled segment, which stay
        // in place until the trampoline restores `rsp`.
        ret = unsafe { *(slot as *const u64) };
    }
}

/// Allocates a zeroed object for compiled code (`Op::Alloc`, and boxing
/// into an interface, which the optimizing tier lowers to it): `spec` is
/// the object's words in its low half and its layout in the high half.
/// A safepoint as `op` is (the caller saved its live pointers to `frame`,
/// `func`'s frame): a collection may run first. Returns the object, or 0
/// with the panic pending (out of memory).
pub extern "sysv64" fn alloc(jc: *mut JitCtx, frame: *mut u64, func: u64, spec: u64) -> u64 {
    // SAFETY: as in `op`.
    let (vm, fp) = unsafe { vm_of(jc, frame) };
    let r = vm.alloc_at_safepoint(
        FuncId(func as u32),
        fp,
        (spec & 0xFFFF_FFFF) as usize,
        (spec >> 32) as u32,
    );
    match r {
        Ok(p) => p,
        Err(p) => {
            vm.pending = Some(p);
            0
        }
    }
}

/// Gives the object at `p` back to the heap: the optimizing tier's
/// `Release`, after the last use of an allocation nothing else can reach.
pub extern "sysv64" fn release(jc: *mut JitCtx, p: u64) {
    // SAFETY: as in `op`; the frame is not used.
    let jcr = unsafe { &*jc };
    let (vm, _) = unsafe { vm_of(jc, jcr.stack_base as *mut u64) };
    vm.heap.release(p);
}

/// Interprets `func` on `frame` (compiled code calling a function that has
/// no compiled code yet; the interpreter may compile it on the way).
/// `params`: the four parameter registers as the caller set them (the
/// optimizing tier's callers pass the first four argument words only
/// there); the function's first (up to four) parameter words go to its
/// frame first.
pub extern "sysv64" fn interp_call(
    jc: *mut JitCtx,
    frame: *mut u64,
    func: u64,
    params: *const u64,
) -> u64 {
    // SAFETY: called only from the interpreter stub, with its own context.
    let jit = unsafe { jit_of(jc) };
    let n = jit.prog.func(FuncId(func as u32)).param_words.min(4) as usize;
    // SAFETY: `params` points at the stub's four saved registers; `frame`
    // is the callee's frame (the caller's call window, within the VM
    // stack) with room for its parameter words, which compiled code
    // writes in the same way.
    unsafe { std::ptr::copy_nonoverlapping(params, frame, n) };
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

/// Panics the optimizing tier's inline checks raise: 0 nil dereference, 1
/// index `a` out of range with length `b`, 2 integer divide by zero, 3
/// negative shift amount.
pub extern "sysv64" fn panic_with(jc: *mut JitCtx, kind: u64, a: u64, b: u64) -> u64 {
    // SAFETY: as in `fail`.
    let jcr = unsafe { &*jc };
    let (vm, _) = unsafe { vm_of(jc, jcr.stack_base as *mut u64) };
    let p = match kind {
        0 => Panic::nil_deref(),
        1 => Panic::index(a as i64, b),
        2 => Panic::divide(),
        _ => Panic::Runtime("negative shift amount".into()),
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
        "pgojit: internal error: --verify-guards: at {} ({}) a {} receiver reached code compiled for {}",
        prog.at(meta.pos),
        meta.text,
        name(actual),
        name(expected)
    );
    std::process::abort()
}

/// Baseline code of `func` ran out of its budget at its entry (`pc` 0) or
/// at the back-edge to loop header `pc`: the tier layer decides whether it
/// is hot again (see `Jit::hot_again`). Returns the OSR entry of newer
/// code to continue in, or 0.
pub extern "sysv64" fn hot_again(jc: *mut JitCtx, func: u64, pc: u64) -> u64 {
    // SAFETY: called only from compiled code, with its own context.
    let jit = unsafe { jit_of(jc) };
    jit.hot_again(FuncId(func as u32), pc as u32)
}

/// The miss path's helper: `key` is the missed receiver's itab (interface
/// sites) or function id + 1 (function-value sites).
pub extern "sysv64" fn site_miss(jc: *mut JitCtx, site: u64, key: u64) -> u64 {
    // SAFETY: called only from compiled code, with its own context.
    let jit = unsafe { jit_of(jc) };
    jit.on_miss(site as usize, key);
    0
}

/// Code found its function recompiled: the new code's entry at `pc` (a
/// guard's call site in baseline code, a loop header in optimized code),
/// or 0 to stay in the old code.
pub extern "sysv64" fn osr_target(jc: *mut JitCtx, func: u64, pc: u64) -> u64 {
    // SAFETY: as in `site_miss`.
    let jit = unsafe { jit_of(jc) };
    let f = FuncId(func as u32);
    let addr = jit.osr_entry(f, pc as u32).unwrap_or(0);
    let at = || {
        if pc as u32 & super::SITE_ENTRY != 0 {
            format!("the call site at pc {}", pc as u32 & !super::SITE_ENTRY)
        } else {
            format!("pc {pc}")
        }
    };
    if addr != 0 {
        jit.event(pgojit_profiler::EventKind::Osr, f, || {
            format!("from its old code into the recompiled code at {}", at())
        });
    }
    if addr != 0 && jit.opts.trace {
        eprintln!(
            "{}: {} leaves its old code for the recompiled one at {}",
            jit.prog.file_name,
            jit.prog.func(f).name,
            at()
        );
    }
    addr
}

/// `pgojit stress`, before each guarded call in the random-miss and flip
/// modes: 1 forces the miss path.
pub extern "sysv64" fn stress_tick(jc: *mut JitCtx, site: u64) -> u64 {
    // SAFETY: as in `site_miss`.
    let jit = unsafe { jit_of(jc) };
    jit.stress_tick(site as usize) as u64
}

/// The bytes of a string value (`ptr`, `len`).
///
/// # Safety
/// `(ptr, len)` must be a string value of the running program: `len`
/// readable bytes at `ptr` (any pointer when `len` is 0).
unsafe fn str_bytes<'a>(ptr: u64, len: u64) -> &'a [u8] {
    if len == 0 {
        &[]
    } else {
        std::slice::from_raw_parts(ptr as *const u8, len as usize)
    }
}

/// `a == b` for strings: 1 or 0 (optimized code's string comparison;
/// no safepoint, no panic).
pub extern "sysv64" fn str_equal(ap: u64, an: u64, bp: u64, bn: u64) -> u64 {
    if an != bn {
        return 0;
    }
    // SAFETY: compiled code passes two string values of the program.
    let (a, b) = unsafe { (str_bytes(ap, an), str_bytes(bp, bn)) };
    (a == b) as u64
}

/// Copies `n` bytes from `src` to `dst`, which may overlap (optimized
/// code's longer copies, [`crate::opt::ir::Insn::MemMove`]; no safepoint,
/// no panic).
pub extern "sysv64" fn mem_move(dst: u64, src: u64, n: u64) {
    if n > 0 {
        // SAFETY: compiled code passes an `append`'s destination, inside
        // the array's capacity, and its source, `n` bytes each.
        unsafe { std::ptr::copy(src as *const u8, dst as *mut u8, n as usize) }
    }
}

/// Compares two strings bytewise, as Go does: -1, 0 or 1.
pub extern "sysv64" fn str_compare(ap: u64, an: u64, bp: u64, bn: u64) -> i64 {
    // SAFETY: compiled code passes two string values of the program.
    let (a, b) = unsafe { (str_bytes(ap, an), str_bytes(bp, bn)) };
    crate::runtime::strings::compare(a, b) as i64
}
