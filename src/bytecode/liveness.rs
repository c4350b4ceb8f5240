//! Stack maps: which pointer slots of a frame are live while its function
//! stands at an instruction, for the collector (Go's stack maps, HotSpot's
//! oop maps at safepoints).
//!
//! A backward dataflow over the opcode table's reads and writes: a slot is
//! live at `pc` when some path from `pc` reads it before writing it. The
//! map of `pc` is what a collection that runs *during* its instruction
//! must keep: the slots the instruction reads (its operands, a call's
//! arguments) and the slots live after it that it does not write,
//! intersected with the function's pointer slots ([`super::framemap`]).
//! A collection starts an instruction (an allocation) or runs inside a
//! call it makes, before it writes its results, so a slot it writes holds
//! nothing live yet. (A call that copies its receiver first, `MoveCall`,
//! reads the same pointer from its source slot.)
//!
//! Without the maps a frame keeps whatever its slots last held: a temporary
//! that held a whole tree (binary-trees' stretch tree) keeps it until the
//! slot is reused. Slots that outlive the activation (`in_memory`) are live
//! everywhere.

use super::op::{Callee, Kind, Op};
use super::{Function, Program};

/// One function's stack maps: for every pc, the pointer slots live during
/// its instruction, in increasing order.
#[derive(Debug, Clone, Default)]
pub struct StackMaps {
    /// `slots[starts[pc]..starts[pc + 1]]` is `pc`'s map.
    starts: Vec<u32>,
    slots: Vec<u32>,
}

impl StackMaps {
    /// The live pointer slots at `pc` (`None` past the code).
    pub fn at(&self, pc: usize) -> Option<&[u32]> {
        let (a, b) = (*self.starts.get(pc)?, *self.starts.get(pc + 1)?);
        Some(&self.slots[a as usize..b as usize])
    }
}

/// Slots `from..to`.
pub type Range = (u32, u32);

/// A set of slots, one bit each.
#[derive(Clone, PartialEq)]
struct Bits(Vec<u64>);

impl Bits {
    fn new(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn set_range(&mut self, from: u32, to: u32, n: u32) {
        for s in from..to.min(n) {
            self.0[s as usize / 64] |= 1 << (s % 64);
        }
    }
    fn has(&self, s: usize) -> bool {
        self.0[s / 64] >> (s % 64) & 1 != 0
    }
}

/// The slots `op` reads, as ranges. A call's argument window is as wide
/// as its callee's parameters; another extent known only at run time (a
/// frame array at a computed offset, a value as wide as its type) reaches
/// `open_to`, or makes the answer `None` without one.
fn reads_of(op: &Op, prog: &Program, open_to: Option<u32>) -> Option<Vec<Range>> {
    let mut v = Vec::new();
    for part in super::peephole::flat_parts(op) {
        let callee = part.writes().iter().find_map(|o| match o.kind {
            Kind::Results(c) => Some(c),
            _ => None,
        });
        for o in part.reads().iter() {
            let to = match (o.kind, callee) {
                (Kind::Args, Some(Callee::Func(g))) => o.slot + prog.func(g).param_words,
                (Kind::Args, Some(Callee::Native(n))) => o.slot + n.arg_words(),
                (Kind::Args, Some(Callee::Site(site))) => match prog.sites.get(site.index()) {
                    Some(s) => o.slot + s.arg_words,
                    None => open_to?,
                },
                _ if o.open() => open_to?,
                _ => o.slot + o.words,
            };
            v.push((o.slot, to));
        }
    }
    Some(v)
}

/// The slots `op` reads, when their extent is known (what a tier that
/// runs it in the runtime writes to the frame first).
pub fn read_words(op: &Op, prog: &Program) -> Option<Vec<Range>> {
    reads_of(op, prog, None)
}

/// The slots `op` reads and the slots it surely writes, as ranges.
fn uses_and_defs(op: &Op, f: &Function, prog: &Program) -> (Vec<Range>, Vec<Range>) {
    let n = f.frame_size;
    let uses = reads_of(op, prog, Some(n)).unwrap_or_default();
    let mut defs = Vec::new();
    for part in super::peephole::flat_parts(op) {
        for o in part.writes().iter() {
            match o.kind {
                // One element of several, or an extent known at run time:
                // nothing is surely overwritten.
                Kind::Elems { .. } | Kind::Frame | Kind::Sized | Kind::Args => {}
                Kind::Results(Callee::Func(g)) => {
                    defs.push((o.slot, o.slot + prog.func(g).result_words))
                }
                Kind::Results(_) => {}
                _ => defs.push((o.slot, o.slot + o.words)),
            }
        }
    }
    (uses, defs)
}

/// Computes `f`'s stack maps.
pub fn compute(f: &Function, prog: &Program) -> StackMaps {
    let n = f.frame_size;
    let m = f.code.len();
    let mut use_ = Vec::with_capacity(m);
    let mut def = Vec::with_capacity(m);
    for op in &f.code {
        let (u, d) = uses_and_defs(op, f, prog);
        let mut ub = Bits::new(n as usize);
        u.iter().for_each(|&(a, b)| ub.set_range(a, b, n));
        let mut db = Bits::new(n as usize);
        d.iter().for_each(|&(a, b)| db.set_range(a, b, n));
        use_.push(ub);
        def.push(db);
    }
    let words = (n as usize).div_ceil(64);
    let mut live_in = vec![Bits::new(n as usize); m];
    let mut live_out = vec![Bits::new(n as usize); m];
    loop {
        let mut changed = false;
        for pc in (0..m).rev() {
            let mut out = Bits::new(n as usize);
            for s in super::peephole::successors(&f.code[pc], pc) {
                if s >= m {
                    continue;
                }
                for w in 0..words {
                    out.0[w] |= live_in[s].0[w];
                }
            }
            let mut inn = Bits::new(n as usize);
            for w in 0..words {
                inn.0[w] = use_[pc].0[w] | (out.0[w] & !def[pc].0[w]);
            }
            if inn != live_in[pc] {
                live_in[pc] = inn;
                changed = true;
            }
            live_out[pc] = out;
        }
        if !changed {
            break;
        }
    }
    let ptr = |s: usize| f.ptr_slots.get(s).copied().unwrap_or(true);
    let mut always = Bits::new(n as usize);
    for &s in &f.in_memory {
        always.set_range(s, s + 1, n);
    }
    let mut maps = StackMaps {
        starts: Vec::with_capacity(m + 1),
        slots: Vec::new(),
    };
    for pc in 0..m {
        maps.starts.push(maps.slots.len() as u32);
        for s in 0..n as usize {
            let live = use_[pc].has(s) || (live_out[pc].has(s) && !def[pc].has(s)) || always.has(s);
            if live && ptr(s) {
                maps.slots.push(s as u32);
            }
        }
    }
    maps.starts.push(maps.slots.len() as u32);
    maps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program_with(code: Vec<Op>, frame: u32, params: u32, ptrs: &[u32]) -> Program {
        let mut p =
            crate::driver::compile(b"package main\nfunc main() {}\n", "t.go").expect("compiles");
        p.funcs
            .push(Function::for_test(code, params, frame, 0, ptrs));
        p
    }

    #[test]
    fn a_temporary_is_dead_after_its_last_read() {
        // s1 = new; s2 = s1.f; s3 = new (s1 dead here); return s2, s3
        let code = vec![
            Op::Alloc {
                d: 1,
                n: 1,
                layout: 1,
            },
            Op::Load {
                d: 2,
                p: 1,
                off: 0,
                n: 1,
            },
            Op::Alloc {
                d: 3,
                n: 1,
                layout: 1,
            },
            Op::Ret { s: 2, n: 2 },
        ];
        let p = program_with(code, 4, 1, &[0, 1, 2, 3]);
        let maps = compute(p.funcs.last().unwrap(), &p);
        // At the first allocation nothing is live (its result is written
        // after it; the parameter is never read).
        assert_eq!(maps.at(0), Some(&[][..]));
        assert_eq!(maps.at(1), Some(&[1][..]));
        // The second allocation keeps s2 (returned), not s1.
        assert_eq!(maps.at(2), Some(&[2][..]));
        assert_eq!(maps.at(3), Some(&[2, 3][..]));
        assert_eq!(maps.at(4), None);
    }

    #[test]
    fn loops_keep_what_the_next_trip_reads_and_scalars_are_skipped() {
        // 0: s2 = new; 1: s3 = s1 + s1 (scalars); 2: jz s3 -> 0; 3: ret s0
        let code = vec![
            Op::Alloc {
                d: 2,
                n: 1,
                layout: 1,
            },
            Op::AddI { d: 3, a: 1, b: 1 },
            Op::Jz { c: 3, t: 0 },
            Op::Ret { s: 0, n: 1 },
        ];
        let p = program_with(code, 4, 2, &[0, 2]);
        let maps = compute(p.funcs.last().unwrap(), &p);
        // The pointer parameter s0 is returned after the loop: live in it.
        for pc in 0..4 {
            assert_eq!(maps.at(pc), Some(&[0][..]), "pc {pc}");
        }
    }

    #[test]
    fn a_call_keeps_its_arguments_not_its_results() {
        let p0 = program_with(vec![Op::Ret { s: 0, n: 1 }], 2, 1, &[0]);
        let callee = p0.funcs.len() as u32 - 1;
        let mut p = p0;
        let code = vec![
            Op::Alloc {
                d: 2,
                n: 1,
                layout: 1,
            },
            Op::Call {
                func: pgojit_profiler::FuncId(callee),
                base: 2,
                edge: pgojit_profiler::EdgeId::NONE,
            },
            Op::Ret { s: 2, n: 1 },
        ];
        p.funcs[callee as usize].result_words = 1;
        p.funcs.push(Function::for_test(code, 1, 4, 1, &[0, 2, 3]));
        let maps = compute(p.funcs.last().unwrap(), &p);
        // During the call: the argument (s2), not s3 past the callee's
        // one parameter word, nor the dead parameter s0.
        assert_eq!(maps.at(1), Some(&[2][..]));
        assert_eq!(maps.at(2), Some(&[2][..]));
    }
}
