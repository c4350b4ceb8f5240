//! What a function's entry must zero: Go zeroes a frame's locals, but a
//! straight-line body only needs the slots it may read before writing
//! them, and (for the interpreter's precise collector) the pointer slots
//! it has not written by its first safepoint.

use super::op::Kind;
use super::Function;

/// Non-parameter slots a straight-line body may read before writing them
/// (which must be zeroed, as a call's prologue would), from the opcode
/// table's reads and writes. Exact for straight-line bodies (up to their
/// first return); every slot when the body branches.
pub fn slots_read_unwritten(f: &Function) -> Vec<u32> {
    if f.code.iter().any(|op| op.target().is_some()) {
        return (f.param_words..f.frame_size).collect();
    }
    let mut written = vec![false; f.frame_size as usize];
    let mut need = Vec::new();
    // A superinstruction as its parts: `LoadAddI` writes its loaded word
    // before the addition reads it.
    let ops = f.code.iter().flat_map(super::peephole::flat_parts);
    for op in ops {
        for x in op.reads().iter().flat_map(|o| o.range()) {
            if x >= f.param_words && !written[x as usize] && !need.contains(&x) {
                need.push(x);
            }
        }
        // (A frame-array store writes one element of several: none is
        // known to be written.)
        for o in op.writes().iter() {
            if !matches!(o.kind, Kind::Elems { .. } | Kind::Frame) {
                o.range().for_each(|x| written[x as usize] = true);
            }
        }
        if op.facts().end {
            break;
        }
    }
    need
}

/// The slots the interpreter zeroes on entry to `f`: `None` for every
/// local (a body that branches), else the slots read before written plus
/// the pointer slots not written before the first safepoint (or return),
/// which the precise collector would otherwise find stale.
pub fn interp_zeroing(f: &Function) -> Option<Vec<u32>> {
    if f.code.iter().any(|op| op.target().is_some()) {
        return None;
    }
    let mut need = slots_read_unwritten(f);
    let mut written = vec![false; f.frame_size as usize];
    for op in &f.code {
        if op.facts().safepoint() || op.facts().end {
            break;
        }
        for (s, n, _) in super::framemap::writes(op, |_| 0) {
            for x in s..s + n {
                written[x as usize] = true;
            }
        }
    }
    for s in f.param_words..f.frame_size {
        let ptr = f.ptr_slots.get(s as usize).copied().unwrap_or(true);
        if ptr && !written[s as usize] && !need.contains(&s) {
            need.push(s);
        }
    }
    need.sort_unstable();
    Some(need)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::Op;

    fn func(code: Vec<Op>, params: u32, frame: u32, ptrs: &[u32]) -> Function {
        Function::for_test(code, params, frame, 1, ptrs)
    }

    #[test]
    fn straight_line_leaf_zeroes_only_slots_read_first() {
        // s2 = s0 + s1 (written first), s3 += s2 (s3 read first), return s3.
        let f = func(
            vec![
                Op::AddI { d: 2, a: 0, b: 1 },
                Op::AddI { d: 3, a: 3, b: 2 },
                Op::Ret { s: 3, n: 1 },
                Op::Ret { s: 4, n: 1 },
            ],
            2,
            5,
            &[],
        );
        // Slot 4 is read only after the first return: dead code.
        assert_eq!(slots_read_unwritten(&f), vec![3]);
        assert_eq!(interp_zeroing(&f), Some(vec![3]));
        // Any branch: every local is zeroed.
        let g = func(
            vec![
                Op::Jz { c: 0, t: 2 },
                Op::Const { d: 1, v: 1 },
                Op::Ret { s: 1, n: 1 },
            ],
            1,
            3,
            &[],
        );
        assert_eq!(slots_read_unwritten(&g), vec![1, 2]);
        assert_eq!(interp_zeroing(&g), None);
    }

    #[test]
    fn pointer_slots_are_zeroed_unless_written_before_a_safepoint() {
        let f = func(
            vec![
                Op::Load {
                    d: 2,
                    p: 0,
                    off: 0,
                    n: 1,
                },
                Op::Alloc {
                    d: 4,
                    n: 1,
                    layout: 0,
                },
                Op::Load {
                    d: 3,
                    p: 0,
                    off: 1,
                    n: 1,
                },
                Op::Ret { s: 2, n: 1 },
            ],
            1,
            5,
            &[0, 2, 3, 4],
        );
        // 2 is written before the Alloc; 3 after it; 4 by it.
        assert_eq!(interp_zeroing(&f), Some(vec![3, 4]));
    }

    #[test]
    fn a_superinstruction_counts_as_its_parts() {
        // t = p.f; d = x + t: t is written before it is read.
        let f = func(
            vec![
                Op::LoadAddI {
                    t: 3,
                    p: 0,
                    off: 0,
                    d: 2,
                    a: 1,
                    b: 3,
                },
                Op::Ret { s: 2, n: 1 },
            ],
            2,
            4,
            &[0, 3],
        );
        assert_eq!(slots_read_unwritten(&f), Vec::<u32>::new());
        assert_eq!(interp_zeroing(&f), Some(vec![]));
        // x = x + 1 reads x first.
        let g = func(
            vec![
                Op::LoadAddI {
                    t: 3,
                    p: 0,
                    off: 0,
                    d: 2,
                    a: 2,
                    b: 3,
                },
                Op::Ret { s: 2, n: 1 },
            ],
            2,
            4,
            &[0, 3],
        );
        assert_eq!(slots_read_unwritten(&g), vec![2]);
    }
}
