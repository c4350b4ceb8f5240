//! The shared trampolines between Rust and compiled code: `enter` (and its
//! `unwind` exit for panics) and the interpreter stub that entry cells of
//! functions without compiled code hold.

use super::runtime;
use crate::bytecode::frame::{JitCtx, LAST_FRAME, LAST_RSP, UNWIND_RSP};
use pgojit_jit::abi::{ARGS, CALL_TARGET, FRAME, PARAMS, TMP0, VM};
use pgojit_jit::{CodeMemory, CompiledCode, Cond, MacroAssembler, Mem, Reg};

/// Addresses of the shared stubs.
pub struct Stubs {
    /// `extern "sysv64" fn(jc, frame, code, nargs) -> u64`: enters
    /// compiled code (with the first `nargs` words of the frame in the
    /// parameter registers too, at a function's entry).
    pub enter: u64,
    /// Where compiled code jumps on a pending panic.
    pub unwind: u64,
    /// Entry cell value of a function without compiled code.
    pub interp: u64,
    _code: CompiledCode,
}

/// Builds the shared trampolines.
///
/// `enter(jc, frame, code, nargs)`: saves the callee-saved registers and the
/// previous unwind point, records the native stack pointer as the new
/// unwind point, calls `code` with `FRAME` = `frame`, `VM` = `jc` and the
/// first `nargs` (at most 4) frame words in `PARAMS`, and
/// returns 0; `unwind` (reached by a jump from compiled code when a helper
/// reports a panic, with `rsp` as it was at that helper's call) adds the
/// compiled frames to the panic's traceback (`runtime::trace_unwind`),
/// restores that stack pointer and returns 1 from the same `enter`. `interp`: the entry cell of a function not compiled yet.
pub(crate) fn build(mem: &CodeMemory) -> Stubs {
    let mut m = MacroAssembler::new();
    let (enter, exit, unwind, interp) =
        (m.new_label(), m.new_label(), m.new_label(), m.new_label());
    let unwind_interp = m.new_label();
    let saved: [Reg; 6] = pgojit_jit::abi::ENTRY_SAVED;
    m.comment("enter(jc, frame, code, nargs)");
    m.bind(enter);
    for r in saved {
        m.push_reg(r);
    }
    // (The enclosing run's last runtime call, if any, for stack walks:
    // the words above the unwind point, read by `stackwalk`.)
    m.push_mem(Mem::at(ARGS[0], LAST_RSP));
    m.push_mem(Mem::at(ARGS[0], LAST_FRAME));
    m.push_mem(Mem::at(ARGS[0], UNWIND_RSP));
    m.mov(VM, ARGS[0]);
    m.mov(FRAME, ARGS[1]);
    m.store_rsp(Mem::at(VM, UNWIND_RSP));
    m.store_imm(Mem::at(VM, LAST_RSP), 0);
    // The first `nargs` (at most 4) argument words in their registers.
    let done = m.new_label();
    m.mov(CALL_TARGET, ARGS[2]);
    let nargs = ARGS[3];
    for (k, r) in PARAMS.into_iter().enumerate() {
        m.cmp(nargs, k as i32 + 1);
        m.jcc(Cond::Below, done);
        m.load(r, Mem::at(FRAME, 8 * k as i32));
    }
    m.bind(done);
    m.call_reg(CALL_TARGET);
    m.mov_imm(TMP0, 0);
    m.bind(exit);
    m.pop_mem(Mem::at(VM, UNWIND_RSP));
    m.pop_mem(Mem::at(VM, LAST_FRAME));
    m.pop_mem(Mem::at(VM, LAST_RSP));
    for r in saved.into_iter().rev() {
        m.pop_reg(r);
    }
    m.ret();
    m.comment("unwind from the interpreter stub: its caller's frame");
    m.bind(unwind_interp);
    m.add_rsp(8);
    m.comment("unwind: the compiled frames to the traceback, then to the entry");
    m.bind(unwind);
    // The innermost frame's last call returned to the address still in
    // the slot below `rsp` (nothing has been pushed since).
    m.mov_from_rsp(ARGS[1]);
    m.load(ARGS[2], Mem::at(ARGS[1], -8));
    m.mov(ARGS[0], VM);
    m.align_rsp();
    m.call_abs(runtime::trace_unwind as *const () as usize);
    m.load_rsp(Mem::at(VM, UNWIND_RSP));
    m.mov_imm(TMP0, 1);
    m.jmp(exit);
    m.comment("interpreter stub: eax = function id, the first argument words in PARAMS");
    m.bind(interp);
    // The parameter registers on the native stack, for `interp_call` to
    // put in the frame (aligned: 8 + 32 bytes below the return address).
    m.sub_rsp(8);
    for r in PARAMS.into_iter().rev() {
        m.push_reg(r);
    }
    // The caller's call is the last runtime call (its return address is
    // the word above the four parameters and the padding).
    m.mov_from_rsp(ARGS[0]);
    m.lea(ARGS[0], Mem::at(ARGS[0], 48));
    m.store(Mem::at(VM, LAST_RSP), ARGS[0]);
    m.store(Mem::at(VM, LAST_FRAME), FRAME);
    m.mov(ARGS[0], VM);
    m.mov(ARGS[1], FRAME);
    m.mov(ARGS[2], TMP0);
    m.mov_from_rsp(ARGS[3]);
    m.call_abs(runtime::interp_call as *const () as usize);
    m.add_rsp(40);
    m.test(TMP0, TMP0);
    m.jne(unwind_interp);
    // Compiled callers read the first result word in `RET`.
    m.load(TMP0, Mem::at(FRAME, 0));
    m.ret();
    let asm = m.finish().expect("stubs assemble");
    let code = mem.alloc(&asm).expect("code memory for the stubs");
    let at = |l| code.entry(l).expect("stub label") as u64;
    Stubs {
        enter: at(enter),
        unwind: at(unwind),
        interp: at(interp),
        _code: code,
    }
}

/// Calls compiled code at `code` with the frame at `frame`; `nargs` is the
/// function's parameter words at its entry (0 at an OSR entry).
///
/// # Safety
/// `code` must be an entry or OSR address of installed code, `jc` the
/// context of the running VM (with `vm` pointing at it) and `frame` a frame
/// of that VM's stack laid out for the code's function, with at least
/// `nargs` words.
pub unsafe fn enter(stubs: &Stubs, jc: *mut JitCtx, frame: *mut u64, code: u64, nargs: u32) -> u64 {
    let f: extern "sysv64" fn(*mut JitCtx, *mut u64, u64, u64) -> u64 =
        std::mem::transmute(stubs.enter as *const () as usize);
    f(jc, frame, code, nargs as u64)
}
