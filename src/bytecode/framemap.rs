//! Frame maps for the collector: which slots of a function's frame may
//! hold a heap pointer.
//!
//! Computed from the bytecode itself after lowering: every instruction says
//! what it writes (a scalar, a possible pointer, or a copy of other slots),
//! parameters and call results may be anything, and a fixpoint propagates
//! possible pointers through copies. A slot never written with a possible
//! pointer is skipped by the collector. (Each slot keeps one type for the
//! whole function, so this is the type-derived map; the collector still
//! checks every word it scans against the heap.)

use super::op::{Op, Slot};
use super::{Function, Program};
use crate::types::Native;

const NONE: Slot = u32::MAX;

/// What an instruction writes into a run of slots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum W {
    /// Never a heap pointer (integers, floats, bools, lengths, constants, itabs).
    Scalar,
    /// Possibly a heap pointer.
    Ptr,
    /// A copy of the same number of slots starting at this one.
    CopyOf(Slot),
}

/// The slots an instruction writes, as (first slot, words, what).
pub(crate) fn writes(op: &Op, result_words: impl Fn(&Op) -> u32) -> Vec<(Slot, u32, W)> {
    use Op::*;
    use W::*;
    match *op {
        Const { d, .. } => vec![(d, 1, Scalar)],
        Zero { d, n } => vec![(d, n, Scalar)],
        Move { d, s } => vec![(d, 1, CopyOf(s))],
        MoveN { d, s, n } => vec![(d, n, CopyOf(s))],
        AddI { d, .. }
        | AddImm { d, .. }
        | AndImm { d, .. }
        | MulImm { d, .. }
        | AddImmJfCmpI { d, .. }
        | AddImmJfCmpImm { d, .. }
        | SubI { d, .. }
        | MulI { d, .. }
        | DivS { d, .. }
        | DivU { d, .. }
        | RemS { d, .. }
        | RemU { d, .. }
        | And { d, .. }
        | Or { d, .. }
        | Xor { d, .. }
        | AndNot { d, .. }
        | Shl { d, .. }
        | ShrS { d, .. }
        | ShrU { d, .. }
        | NegI { d, .. }
        | NotI { d, .. }
        | Not { d, .. }
        | Trunc { d, .. }
        | CmpI { d, .. }
        | CmpImm { d, .. }
        | AddF { d, .. }
        | SubF { d, .. }
        | MulF { d, .. }
        | DivF { d, .. }
        | NegF { d, .. }
        | CmpF { d, .. }
        | IToF { d, .. }
        | FToI { d, .. }
        | StrCmp { d, .. }
        | StrIndex { d, .. }
        | IfaceEq { d, .. }
        | ValueEq { d, .. }
        | Op::Copy { d, .. } => vec![(d, 1, Scalar)],
        CheckShift { .. }
        | CheckIndex { .. }
        | Store { .. }
        | StoreG { .. }
        | SliceStore { .. } => vec![],
        StrDecodeRune { d, .. } => vec![(d, 2, Scalar)],
        StrConcat { d, .. }
        | StrSlice { d, .. }
        | StrFromRune { d, .. }
        | StrFromBytes { d, .. }
        | StrFromRunes { d, .. } => {
            vec![(d, 1, Ptr), (d + 1, 1, Scalar)]
        }
        BytesFromStr { d, .. }
        | RunesFromStr { d, .. }
        | SliceSlice { d, .. }
        | ArraySlice { d, .. }
        | MakeSlice { d, .. }
        | Append { d, .. }
        | AppendSlice { d, .. } => vec![(d, 1, Ptr), (d + 1, 2, Scalar)],
        // The loaded word may be a pointer; the sum is not.
        LoadAddI { t, d, .. } => vec![(t, 1, Ptr), (d, 1, Scalar)],
        Load { d, n, .. }
        | LoadG { d, n, .. }
        | SliceLoad { d, n, .. }
        | FrameLoadIdx { d, n, .. }
        | FrameLoadDyn { d, n, .. } => {
            vec![(d, n, Ptr)]
        }
        // The value may land in any element of the frame array.
        FrameStoreIdx {
            base,
            v,
            len,
            stride,
            off,
            n,
            ..
        } => (0..len)
            .map(|k| (base + k * stride + off, n, CopyOf(v)))
            .collect(),
        FrameStoreDyn { base, .. } => vec![(base, 0, Ptr)],
        AddrOff { d, .. }
        | Alloc { d, .. }
        | SliceAddr { d, .. }
        | MakeClosure { d, .. }
        | LoadCtx { d }
        | AddrG { d, .. } => vec![(d, 1, Ptr)],
        MakeIface { d, .. } | IfaceToIface { d, .. } | AssertIface { d, .. } => {
            vec![(d, 1, Scalar), (d + 1, 1, Ptr)]
        }
        AssertType { d, n, ok, .. } => {
            let mut v = vec![(d, n.max(1), Ptr)];
            if ok != NONE {
                v.push((ok, 1, Scalar));
            }
            v
        }
        Call { base, .. }
        | CallClosure { base, .. }
        | CallIface { base, .. }
        | CallNative { base, .. } => {
            vec![(base, result_words(op), Ptr)]
        }
        Ret { .. }
        | RetLoad { .. }
        | Jmp { .. }
        | JfCmpI { .. }
        | JfCmpImm { .. }
        | Jz { .. }
        | Jnz { .. }
        | Panic { .. }
        | PanicNil
        | PrintNl => vec![],
        Print { .. } => vec![],
    }
}

/// Words a native function returns.
fn native_results(n: Native) -> u32 {
    match n {
        Native::FmtPrint | Native::FmtPrintln | Native::FmtPrintf => 3,
        Native::FmtSprint | Native::FmtSprintln | Native::FmtSprintf => 2,
        Native::FmtErrorf | Native::ErrorsNew => 2,
    }
}

/// The frame map of one function: `true` for slots that may hold a heap pointer.
pub fn compute(f: &Function, prog: &Program) -> Vec<bool> {
    let n = f.frame_size as usize;
    let mut ptr = vec![false; n];
    // Parameters come from the caller: as their types say (lowering seeds
    // `ptr_slots` with that), else anything.
    for (i, p) in ptr.iter_mut().take(f.param_words as usize).enumerate() {
        *p = f.ptr_slots.get(i).copied().unwrap_or(true);
    }
    let result_words = |op: &Op| -> u32 {
        match *op {
            Op::Call { func, .. } => prog.func(func).result_words,
            Op::CallIface { site, .. } | Op::CallClosure { site, .. } => prog
                .sites
                .get(site.index())
                .map(|s| s.result_words)
                .unwrap_or(f.frame_size),
            Op::CallNative { native, .. } => native_results(native),
            _ => 0,
        }
    };
    let writes: Vec<Vec<(Slot, u32, W)>> =
        f.code.iter().map(|op| writes(op, result_words)).collect();
    loop {
        let mut changed = false;
        for ws in &writes {
            for &(s, w, what) in ws {
                for i in 0..w {
                    let d = (s + i) as usize;
                    if d >= n || ptr[d] {
                        continue;
                    }
                    let becomes = match what {
                        W::Scalar => false,
                        W::Ptr => true,
                        W::CopyOf(src) => ptr.get((src + i) as usize).copied().unwrap_or(true),
                    };
                    if becomes {
                        ptr[d] = true;
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    // Writes of unknown extent (dynamic frame-array stores) make the rest conservative.
    if f.code
        .iter()
        .any(|op| matches!(op, Op::FrameStoreDyn { .. }))
    {
        ptr.iter_mut().for_each(|p| *p = true);
    }
    ptr
}

/// Fills in every function's frame map.
pub fn program(prog: &mut Program) {
    let maps: Vec<Vec<bool>> = prog.funcs.iter().map(|f| compute(f, prog)).collect();
    for (f, m) in prog.funcs.iter_mut().zip(maps) {
        f.ptr_slots = m;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::Pos;

    fn program_of(code: Vec<Op>, frame: u32, params: u32) -> Program {
        let prog =
            crate::driver::compile(b"package main\nfunc main() {}\n", "t.go").expect("compiles");
        let n = code.len();
        let mut p = prog;
        p.funcs.push(Function {
            name: "t".into(),
            code,
            pos: vec![Pos::default(); n],
            frame_size: frame,
            param_words: params,
            result_words: 0,
            ptr_slots: vec![],
        });
        p
    }

    #[test]
    fn scalars_are_skipped_and_pointers_propagate_through_copies() {
        let code = vec![
            Op::Const { d: 1, v: 42 },
            Op::AddI { d: 2, a: 1, b: 1 },
            Op::Alloc {
                d: 3,
                n: 1,
                layout: 0,
            },
            Op::Move { d: 4, s: 3 },
            Op::Move { d: 5, s: 2 },
            Op::Ret { s: 0, n: 0 },
        ];
        let p = program_of(code, 6, 1);
        let map = compute(p.funcs.last().unwrap(), &p);
        // slot 0: a parameter; 3: a new object; 4: a copy of it.
        assert_eq!(map, vec![true, false, false, true, true, false]);
    }

    #[test]
    fn call_results_may_be_pointers() {
        let p0 = program_of(vec![Op::Ret { s: 0, n: 0 }], 1, 0);
        let callee = p0.main;
        let results = p0.func(callee).result_words;
        let code = vec![
            Op::Const { d: 0, v: 0 },
            Op::Call {
                func: callee,
                base: 1,
            },
            Op::Ret { s: 0, n: 0 },
        ];
        let p = program_of(code, 4, 0);
        let map = compute(p.funcs.last().unwrap(), &p);
        assert_eq!(results, 0);
        assert_eq!(map, vec![false, false, false, false]);
        // A native's results (fmt.Sprint returns a string) are possible pointers.
        let code = vec![
            Op::CallNative {
                native: Native::FmtSprint,
                base: 1,
            },
            Op::Ret { s: 0, n: 0 },
        ];
        let p = program_of(code, 4, 0);
        let map = compute(p.funcs.last().unwrap(), &p);
        assert_eq!(map, vec![false, true, true, false]);
    }
}
