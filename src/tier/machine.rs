//! Machine-level choices both compilers make alike: the x86 condition of
//! a bytecode comparison, a float comparison's flag logic (NaN compares
//! unordered: only `!=` holds), the extension of a truncation, Go's
//! shift by a count of 64 or more, the inline allocation, and runtime
//! calls a stack walk can start from.

use crate::bytecode::frame::{ALLOC_CACHES, LAST_FRAME, LAST_RSP};
use crate::bytecode::op::{Cmp, IntKind};
use crate::runtime::heap;
use pgojit_jit::abi::{FRAME, TMP0, TMP1, TMP2, VM};
use pgojit_jit::masm::Ext;
use pgojit_jit::{Cond, Label, MacroAssembler, Mem, Reg};

/// A new object of `words` words with `layout` in `TMP0`: the bump of its
/// allocation cache (`heap::cache_slot`; the table's address is in the
/// `JitCtx`), `next += size` while that stays within `end`, else a jump to
/// `spent` (where the compiler calls the runtime, which refills the cache,
/// and comes back with the object in `TMP0`). The run's slots are zero and
/// marked allocated already, as Go's `mallocgc` takes the next free slot of
/// its `mcache` span. `false` (and no code) for objects that always take
/// the runtime (large ones, layouts past the cache table).
pub fn alloc_inline(m: &mut MacroAssembler, words: u32, layout: u32, spent: Label) -> bool {
    let Some((off, size)) = heap::cache_slot(words as usize, layout) else {
        return false;
    };
    m.comment(&format!(
        "new object: {words} words, layout {layout}, {size}-byte slot from the cache"
    ));
    m.load(TMP1, Mem::at(VM, ALLOC_CACHES));
    m.load(TMP0, Mem::at(TMP1, off));
    m.lea(TMP2, Mem::at(TMP0, size as i32));
    m.cmp(Mem::at(TMP1, off + 8), TMP2);
    m.jcc(Cond::Below, spent);
    m.store(Mem::at(TMP1, off), TMP2);
    true
}

/// Calls runtime function `addr` from compiled code, as the last runtime
/// call (`JitCtx::last_rsp`/`last_frame`): a collection the runtime runs
/// walks the compiled frames from its return address (`tier::stackwalk`).
/// Every runtime call that may collect or run Go code is made so.
pub fn call_runtime(m: &mut MacroAssembler, addr: usize) {
    m.store_rsp(Mem::at(VM, LAST_RSP));
    m.store(Mem::at(VM, LAST_FRAME), FRAME);
    m.call_abs(addr);
}

/// A shift's direction and kind.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    Left,
    /// Unsigned right shift.
    Right,
    /// Signed right shift.
    RightSigned,
}

/// `TMP0 = TMP0 shifted by TMP1` (a count already checked non-negative),
/// as Go defines it: a count of 64 or more shifts every bit out (0, or
/// the sign for a signed right shift), where x86 would take it mod 64.
pub fn shift_by_count(m: &mut MacroAssembler, kind: Shift) {
    if kind == Shift::RightSigned {
        let ok = m.new_label();
        m.cmp(TMP1, 63);
        m.jcc(Cond::BelowEq, ok);
        m.mov_imm(TMP1, 63);
        m.bind(ok);
        m.sar_cl(TMP0);
        return;
    }
    let (big, done) = (m.new_label(), m.new_label());
    m.cmp(TMP1, 64);
    m.jcc(Cond::AboveEq, big);
    if kind == Shift::Left {
        m.shl_cl(TMP0);
    } else {
        m.shr_cl(TMP0);
    }
    m.jmp(done);
    m.bind(big);
    m.mov_imm(TMP0, 0);
    m.bind(done);
}

/// The condition of integer comparison `c` (`signed` or unsigned), read
/// after `cmp a, b`.
pub fn int_cond(c: Cmp, signed: bool) -> Cond {
    match (c, signed) {
        (Cmp::Eq, _) => Cond::Eq,
        (Cmp::Ne, _) => Cond::Ne,
        (Cmp::Lt, true) => Cond::Lt,
        (Cmp::Le, true) => Cond::Le,
        (Cmp::Gt, true) => Cond::Gt,
        (Cmp::Ge, true) => Cond::Ge,
        (Cmp::Lt, false) => Cond::Below,
        (Cmp::Le, false) => Cond::BelowEq,
        (Cmp::Gt, false) => Cond::Above,
        (Cmp::Ge, false) => Cond::AboveEq,
    }
}

/// `dst = xmm0 c xmm1` as 0 or 1 (clobbers `scratch` for `==` and `!=`).
pub fn set_float_cmp(m: &mut MacroAssembler, c: Cmp, dst: Reg, scratch: Reg) {
    match c {
        Cmp::Lt => {
            m.ucomisd(1, 0);
            m.set(Cond::Above, dst);
        }
        Cmp::Le => {
            m.ucomisd(1, 0);
            m.set(Cond::AboveEq, dst);
        }
        Cmp::Gt => {
            m.ucomisd(0, 1);
            m.set(Cond::Above, dst);
        }
        Cmp::Ge => {
            m.ucomisd(0, 1);
            m.set(Cond::AboveEq, dst);
        }
        Cmp::Eq => {
            m.ucomisd(0, 1);
            m.set(Cond::Eq, dst);
            m.set(Cond::NoParity, scratch);
            m.and(dst, scratch);
        }
        Cmp::Ne => {
            m.ucomisd(0, 1);
            m.set(Cond::Ne, dst);
            m.set(Cond::Parity, scratch);
            m.or(dst, scratch);
        }
    }
}

/// The extension that truncates a word to `k`.
pub fn trunc_ext(k: IntKind) -> Ext {
    match k {
        IntKind::I8 => Ext::S8,
        IntKind::I16 => Ext::S16,
        IntKind::I32 => Ext::S32,
        IntKind::U8 => Ext::U8,
        IntKind::U16 => Ext::U16,
        IntKind::U32 => Ext::U32,
    }
}
