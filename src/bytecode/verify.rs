//! The bytecode verifier: every slot an instruction touches lies inside the
//! function's frame, and every jump lands inside the function, which ends
//! in a return or a jump. The interpreter relies on this to access frame
//! slots without bounds checks; a failure is a lowering bug.

use super::op::{Op, PrintKind, Slot};
use super::{Function, Program};

/// What is wrong with a function's code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyError {
    pub func: String,
    pub pc: usize,
    pub what: String,
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "bytecode verifier: {} at {}: {}",
            self.func, self.pc, self.what
        )
    }
}

const NONE: Slot = u32::MAX;

/// The frame ranges (first slot, words) an instruction reads or writes.
pub fn slots(op: &Op) -> Vec<(Slot, u32)> {
    use Op::*;
    let opt = |s: Slot| if s == NONE { None } else { Some((s, 1)) };
    match *op {
        Const { d, .. } | LoadCtx { d } | AddrG { d, .. } | Alloc { d, .. } => vec![(d, 1)],
        Zero { d, n } => vec![(d, n)],
        Move { d, s } => vec![(d, 1), (s, 1)],
        MoveN { d, s, n } => vec![(d, n), (s, n)],
        AddI { d, a, b }
        | SubI { d, a, b }
        | MulI { d, a, b }
        | DivS { d, a, b }
        | DivU { d, a, b }
        | RemS { d, a, b }
        | RemU { d, a, b }
        | And { d, a, b }
        | Or { d, a, b }
        | Xor { d, a, b }
        | AndNot { d, a, b }
        | Shl { d, a, b }
        | ShrS { d, a, b }
        | ShrU { d, a, b }
        | AddF { d, a, b }
        | SubF { d, a, b }
        | MulF { d, a, b }
        | DivF { d, a, b }
        | CmpI { d, a, b, .. }
        | CmpF { d, a, b, .. } => vec![(d, 1), (a, 1), (b, 1)],
        AddImm { d, a, .. }
        | CmpImm { d, a, .. }
        | AndImm { d, a, .. }
        | MulImm { d, a, .. }
        | AddImmJfCmpImm { d, a, .. } => vec![(d, 1), (a, 1)],
        AddImmJfCmpI { d, a, b, .. } => vec![(d, 1), (a, 1), (b, 1)],
        LoadAddI { t, p, d, a, b, .. } => vec![(t, 1), (p, 1), (d, 1), (a, 1), (b, 1)],
        CheckShift { s } => vec![(s, 1)],
        NegI { d, s }
        | NotI { d, s }
        | Not { d, s }
        | Trunc { d, s, .. }
        | NegF { d, s }
        | IToF { d, s, .. }
        | FToI { d, s, .. } => {
            vec![(d, 1), (s, 1)]
        }
        StrConcat { d, a, b } => vec![(d, 2), (a, 2), (b, 2)],
        StrCmp { d, a, b, .. } => vec![(d, 1), (a, 2), (b, 2)],
        StrIndex { d, s, i } => vec![(d, 1), (s, 2), (i, 1)],
        StrSlice { d, s, lo, hi } => [Some((d, 2)), Some((s, 2)), opt(lo), opt(hi)]
            .into_iter()
            .flatten()
            .collect(),
        StrDecodeRune { d, s, i } => vec![(d, 2), (s, 2), (i, 1)],
        StrFromRune { d, s } => vec![(d, 2), (s, 1)],
        StrFromBytes { d, s } | StrFromRunes { d, s } => vec![(d, 2), (s, 3)],
        BytesFromStr { d, s } | RunesFromStr { d, s } => vec![(d, 3), (s, 2)],
        Load { d, p, n, .. } => vec![(d, n), (p, 1)],
        Store { p, s, n, .. } => vec![(p, 1), (s, n)],
        AddrOff { d, p, .. } => vec![(d, 1), (p, 1)],
        LoadG { d, n, .. } => vec![(d, n)],
        StoreG { s, n, .. } => vec![(s, n)],
        SliceAddr { d, s, i, .. } => vec![(d, 1), (s, 3), (i, 1)],
        SliceLoad { d, s, i, n, .. } => vec![(d, n), (s, 3), (i, 1)],
        SliceStore { s, i, v, n, .. } => vec![(s, 3), (i, 1), (v, n)],
        FrameLoadIdx {
            d,
            base,
            i,
            len,
            stride,
            n,
            ..
        } => vec![(d, n), (base, len * stride), (i, 1)],
        FrameStoreIdx {
            base,
            i,
            v,
            len,
            stride,
            n,
            ..
        } => vec![(base, len * stride), (i, 1), (v, n)],
        // The dynamic offset is bounds-checked at run time.
        FrameLoadDyn { d, base, o, n, .. } => vec![(d, n), (base, 1), (o, 1)],
        FrameStoreDyn { base, o, v, n, .. } => vec![(base, 1), (o, 1), (v, n)],
        CheckIndex { i, .. } => vec![(i, 1)],
        SliceSlice {
            d, s, lo, hi, max, ..
        } => [Some((d, 3)), Some((s, 3)), opt(lo), opt(hi), opt(max)]
            .into_iter()
            .flatten()
            .collect(),
        ArraySlice {
            d, p, lo, hi, max, ..
        } => [Some((d, 3)), Some((p, 1)), opt(lo), opt(hi), opt(max)]
            .into_iter()
            .flatten()
            .collect(),
        MakeSlice { d, len, cap, .. } => [Some((d, 3)), Some((len, 1)), opt(cap)]
            .into_iter()
            .flatten()
            .collect(),
        Append {
            d,
            s,
            v,
            count,
            stride,
            ..
        } => vec![(d, 3), (s, 3), (v, count * stride)],
        AppendSlice {
            d, s, t, from_str, ..
        } => vec![(d, 3), (s, 3), (t, if from_str { 2 } else { 3 })],
        Copy {
            d,
            dst,
            src,
            from_str,
            ..
        } => vec![(d, 1), (dst, 3), (src, if from_str { 2 } else { 3 })],
        MakeIface {
            d, s, n, direct, ..
        } => vec![(d, 2), (s, if direct { 1 } else { n })],
        IfaceToIface { d, s, .. } => vec![(d, 2), (s, 2)],
        AssertType { d, s, n, ok, .. } => [Some((d, n.max(1))), Some((s, 2)), opt(ok)]
            .into_iter()
            .flatten()
            .collect(),
        AssertIface { d, s, ok, .. } => [Some((d, 2)), Some((s, 2)), opt(ok)]
            .into_iter()
            .flatten()
            .collect(),
        IfaceEq { d, a, b, .. } => vec![(d, 1), (a, 2), (b, 2)],
        // The width comes from the descriptor; checked by lowering's layout.
        ValueEq { d, a, b, .. } => vec![(d, 1), (a, 1), (b, 1)],
        Call { base, .. } | CallNative { base, .. } => vec![(base, 0)],
        CallClosure { f, base, .. } => vec![(f, 1), (base, 0)],
        CallIface { recv, base, .. } => vec![(recv, 2), (base, 1)],
        MakeClosure { d, caps, n, .. } => vec![(d, 1), (caps, n)],
        Ret { s, n } => vec![(s, n)],
        RetLoad { p, .. } => vec![(p, 1)],
        Jmp { .. } | PanicNil | PrintNl => vec![],
        JfCmpI { a, b, .. } => vec![(a, 1), (b, 1)],
        JfCmpImm { a, .. } => vec![(a, 1)],
        Jz { c, .. } | Jnz { c, .. } => vec![(c, 1)],
        Panic { s } => vec![(s, 2)],
        Print { s, kind, .. } => vec![(
            s,
            if matches!(kind, PrintKind::String | PrintKind::Iface) {
                2
            } else {
                1
            },
        )],
    }
}

pub(crate) fn target(op: &Op) -> Option<u32> {
    match *op {
        Op::Jmp { t }
        | Op::Jz { t, .. }
        | Op::Jnz { t, .. }
        | Op::JfCmpI { t, .. }
        | Op::JfCmpImm { t, .. }
        | Op::AddImmJfCmpI { t, .. }
        | Op::AddImmJfCmpImm { t, .. } => Some(t),
        _ => None,
    }
}

/// Whether `op` continues at pc + 2 when it does not jump (a fused
/// increment and test whose test stays at pc + 1).
pub fn skips_next(op: &Op) -> bool {
    matches!(op, Op::AddImmJfCmpI { .. } | Op::AddImmJfCmpImm { .. })
}

/// Checks one function.
pub fn function(f: &Function) -> Result<(), VerifyError> {
    let err = |pc: usize, what: String| VerifyError {
        func: f.name.clone(),
        pc,
        what,
    };
    if f.frame_size < f.param_words.max(f.result_words) {
        return Err(err(
            0,
            "frame smaller than its parameters or results".into(),
        ));
    }
    match f.code.last() {
        Some(Op::Ret { .. })
        | Some(Op::RetLoad { .. })
        | Some(Op::Jmp { .. })
        | Some(Op::Panic { .. })
        | Some(Op::PanicNil) => {}
        _ => {
            return Err(err(
                f.code.len(),
                "code does not end in a return or jump".into(),
            ))
        }
    }
    for (pc, op) in f.code.iter().enumerate() {
        for (s, n) in slots(op) {
            if s as u64 + n as u64 > f.frame_size as u64 {
                return Err(err(
                    pc,
                    format!(
                        "{op:?} touches slots {s}..{} outside a frame of {}",
                        s as u64 + n as u64,
                        f.frame_size
                    ),
                ));
            }
        }
        if skips_next(op) {
            // The compiled tier runs the increment and falls through to
            // the test it was fused with: it must follow.
            let test = match *op {
                Op::AddImmJfCmpI {
                    d, b, c, signed, t, ..
                } => Op::JfCmpI {
                    a: d,
                    b,
                    c,
                    signed,
                    t,
                },
                Op::AddImmJfCmpImm { d, k, c, t, .. } => Op::JfCmpImm { a: d, imm: k, c, t },
                _ => unreachable!(),
            };
            if f.code.get(pc + 1) != Some(&test) || pc + 2 >= f.code.len() {
                return Err(err(pc, format!("{op:?} is not followed by {test:?}")));
            }
        }
        if let Some(t) = target(op) {
            if t as usize >= f.code.len() {
                return Err(err(
                    pc,
                    format!("jump to {t} past the end ({})", f.code.len()),
                ));
            }
        }
    }
    Ok(())
}

/// Checks every function of a program.
pub fn program(p: &Program) -> Result<(), VerifyError> {
    p.funcs.iter().try_for_each(function)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::Pos;

    fn func(code: Vec<Op>, frame: u32) -> Function {
        let n = code.len();
        Function {
            name: "t".into(),
            code,
            pos: vec![Pos::default(); n],
            frame_size: frame,
            param_words: 0,
            result_words: 0,
            ptr_slots: vec![true; frame as usize],
        }
    }

    #[test]
    fn accepts_in_frame_code() {
        let f = func(
            vec![
                Op::Const { d: 0, v: 1 },
                Op::MoveN { d: 1, s: 0, n: 1 },
                Op::Ret { s: 0, n: 0 },
            ],
            2,
        );
        assert_eq!(function(&f), Ok(()));
    }

    #[test]
    fn rejects_slots_outside_the_frame() {
        let f = func(
            vec![Op::MoveN { d: 1, s: 0, n: 2 }, Op::Ret { s: 0, n: 0 }],
            2,
        );
        assert!(function(&f)
            .unwrap_err()
            .what
            .contains("outside a frame of 2"));
    }

    #[test]
    fn rejects_bad_jumps_and_fallthrough() {
        let f = func(vec![Op::Jmp { t: 5 }], 1);
        assert!(function(&f).unwrap_err().what.contains("past the end"));
        let g = func(vec![Op::Const { d: 0, v: 0 }], 1);
        assert!(function(&g).unwrap_err().what.contains("does not end"));
    }
}
