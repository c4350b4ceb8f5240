//! Machine-level choices both compilers make alike: the x86 condition of
//! a bytecode comparison, a float comparison's flag logic (NaN compares
//! unordered: only `!=` holds), and the extension of a truncation.

use crate::bytecode::op::{Cmp, IntKind};
use pgojit_jit::masm::Ext;
use pgojit_jit::{Cond, MacroAssembler, Reg};

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
