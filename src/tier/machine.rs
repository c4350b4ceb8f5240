//! Machine-level choices both compilers make alike: the x86 condition of
//! a bytecode comparison, a float comparison's flag logic (NaN compares
//! unordered: only `!=` holds), the extension of a truncation, and Go's
//! shift by a count of 64 or more.

use crate::bytecode::op::{Cmp, IntKind};
use pgojit_jit::abi::{TMP0, TMP1};
use pgojit_jit::masm::Ext;
use pgojit_jit::{Cond, MacroAssembler, Reg};

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
