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

use super::op::{Callee, Kind, Op, Slot};
use super::{Function, Program};

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

/// The slots an instruction writes, as (first slot, words, what), from
/// the opcode table; `result_words` gives a call's result width.
pub(crate) fn writes(op: &Op, result_words: impl Fn(Callee) -> u32) -> Vec<(Slot, u32, W)> {
    let mut v = Vec::new();
    for o in &op.writes() {
        let d = o.slot;
        match o.kind {
            Kind::Int | Kind::Float | Kind::Ints => v.push((d, o.words, W::Scalar)),
            Kind::Ptr | Kind::Words | Kind::Sized | Kind::Array { .. } => {
                v.push((d, o.words, W::Ptr))
            }
            Kind::Str => v.extend([(d, 1, W::Ptr), (d + 1, 1, W::Scalar)]),
            Kind::Slice => v.extend([(d, 1, W::Ptr), (d + 1, 2, W::Scalar)]),
            Kind::Iface => v.extend([(d, 1, W::Scalar), (d + 1, 1, W::Ptr)]),
            Kind::CopyOf(s) => v.push((d, o.words, W::CopyOf(s))),
            // The value may land in any element of the frame array.
            Kind::Elems {
                len,
                stride,
                off,
                n,
                src,
            } => v.extend((0..len).map(|k| (d + k * stride + off, n, W::CopyOf(src)))),
            // Unknown extent: `compute` makes the whole frame conservative.
            Kind::Frame => v.push((d, 0, W::Ptr)),
            Kind::Results(from) => v.push((d, result_words(from), W::Ptr)),
            Kind::Args => {}
        }
    }
    v
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
    let result_words = |from: Callee| -> u32 {
        match from {
            Callee::Func(func) => prog.func(func).result_words,
            Callee::Site(site) => prog
                .sites
                .get(site.index())
                .map(|s| s.result_words)
                .unwrap_or(f.frame_size),
            Callee::Native(native) => native.result_words(),
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
        .any(|op| op.writes().iter().any(|o| o.kind == Kind::Frame))
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
    use crate::types::Native;

    fn program_of(code: Vec<Op>, frame: u32, params: u32) -> Program {
        let mut p =
            crate::driver::compile(b"package main\nfunc main() {}\n", "t.go").expect("compiles");
        let mut f = Function::for_test(code, params, frame, 0, &[]);
        f.ptr_slots.clear();
        p.funcs.push(f);
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
                edge: pgojit_profiler::EdgeId::NONE,
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
