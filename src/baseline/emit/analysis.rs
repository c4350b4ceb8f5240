//! What the compiler learns about a function before emitting it: loop
//! headers and depths, which slots to keep in registers, which
//! instructions may be inlined under a guard or run with pinned slots in
//! registers, and which slots a leaf reads before writing. All derived from
//! the opcode table's facts ([`Op::facts`], [`Op::reads`], [`Op::writes`],
//! [`Op::target`]), never from lists of opcodes.

use crate::bytecode::op::{Kind, Op};
use crate::bytecode::Function;
use pgojit_jit::Reg;

/// Whether `op` (at `pc`) may appear in a body inlined under a guard: it
/// expands inline (the slow path only on the way to a panic), calls
/// nothing, allocates nothing, reaches the frame slot by slot, does not
/// loop and does not read the closure register.
pub fn inline_safe(op: &Op, pc: usize) -> bool {
    if let Some(t) = op.target() {
        return t as usize > pc;
    }
    let f = op.facts();
    pin_aware(op) && !f.call && !f.ctx
}

/// Whether the expansion of `op` reaches frame slots only through
/// `ld`/`st` (so pinned slots may stay in registers across it). Others run
/// between a spill and a reload of every pinned register.
pub(super) fn pin_aware(op: &Op) -> bool {
    let f = op.facts();
    !f.helper && !f.frame && !f.alloc
}

/// Registers that hold frame slots. None is preserved by the calls compiled
/// code makes: pinned slots are spilled before and reloaded after every
/// call and helper. (The entry trampoline saves the callee-saved ones.)
pub(super) const PIN_REGS: [Reg; 9] = pgojit_jit::abi::PINNABLE;

/// Per pc: how many loops contain it.
pub(super) fn loop_depths(f: &Function) -> Vec<u32> {
    let mut depth = vec![0u32; f.code.len() + 1];
    for (pc, op) in f.code.iter().enumerate() {
        if let Some(t) = op.target().filter(|&t| (t as usize) <= pc) {
            for d in &mut depth[t as usize..=pc] {
                *d += 1;
            }
        }
    }
    depth
}

/// Picks the one-word slots most used by register-friendly instructions,
/// weighting uses inside loops, to keep in [`PIN_REGS`].
pub(super) fn choose_pins(f: &Function) -> Vec<(u32, Reg)> {
    let mut weight = vec![0u64; f.frame_size as usize];
    let depth = loop_depths(f);
    for (pc, op) in f.code.iter().enumerate() {
        if !pin_aware(op) {
            continue;
        }
        let w = 16u64.saturating_pow(depth[pc].min(4));
        for s in single_slots(op) {
            if let Some(x) = weight.get_mut(s as usize) {
                *x += w;
            }
        }
    }
    let mut ranked: Vec<(u32, u64)> = weight
        .iter()
        .enumerate()
        .filter(|&(s, &w)| w >= 32 && !f.in_memory.contains(&(s as u32)))
        .map(|(s, &w)| (s as u32, w))
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .zip(PIN_REGS)
        .map(|((s, _), r)| (s, r))
        .collect()
}

/// Slots an instruction reads or writes through `ld`/`st`: the first two
/// words of each operand the table names (a call's window is the
/// callee's business, a frame array is reached by address).
fn single_slots(op: &Op) -> Vec<u32> {
    let (r, w) = (op.reads(), op.writes());
    r.iter()
        .chain(&w)
        .filter(|o| !matches!(o.kind, Kind::Elems { .. } | Kind::Frame))
        .flat_map(|o| o.slot..o.slot + o.words.min(2))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::op::Cmp;
    use pgojit_jit::abi::is_callee_saved;

    fn func(code: Vec<Op>, params: u32, frame: u32) -> Function {
        Function {
            in_memory: Vec::new(),
            name: "f".into(),
            pos: vec![Default::default(); code.len()],
            code,
            frame_size: frame,
            param_words: params,
            result_words: 1,
            ptr_slots: vec![false; frame as usize],
        }
    }

    #[test]
    fn loop_headers_are_backward_branch_targets() {
        let f = func(
            vec![
                Op::Const { d: 1, v: 0 },
                Op::AddImm { d: 1, a: 1, imm: 1 },
                Op::JfCmpImm {
                    a: 1,
                    imm: 10,
                    c: Cmp::Ge,
                    t: 1,
                },
                Op::Jmp { t: 5 },
                Op::Jmp { t: 0 },
                Op::Ret { s: 1, n: 1 },
            ],
            1,
            2,
        );
        assert_eq!(f.loop_headers(), vec![0, 1]);
        assert!(!inline_safe(&f.code[2], 2), "a loop is not inlined");
        assert!(inline_safe(&f.code[3], 3));
    }

    #[test]
    fn pins_go_to_the_hottest_loop_slots_callee_saved_first() {
        let f = func(
            vec![
                Op::Const { d: 1, v: 0 },
                Op::Const { d: 2, v: 0 },
                Op::AddI { d: 2, a: 2, b: 1 },
                Op::AddImm { d: 1, a: 1, imm: 1 },
                Op::JfCmpI {
                    a: 1,
                    b: 0,
                    c: Cmp::Ge,
                    signed: true,
                    t: 2,
                },
                Op::Ret { s: 2, n: 1 },
            ],
            1,
            4,
        );
        let pins = choose_pins(&f);
        let slots: Vec<u32> = pins.iter().map(|p| p.0).collect();
        // Slot 1 (three uses per trip) before slot 2 (two); slot 0, read
        // once per trip, stays in memory (a load without a dependency).
        assert_eq!(slots, vec![1, 2], "uses in the loop decide the order");
        assert!(pins.iter().all(|&(_, r)| is_callee_saved(r)));
        assert!(!slots.contains(&3), "an unused slot is never pinned");
        // Frame-array instructions address the frame in memory: their
        // operands gain nothing from a register.
        assert!(!pin_aware(&Op::FrameLoadDyn {
            d: 0,
            base: 1,
            o: 2,
            off: 0,
            n: 1
        }));
        assert!(pin_aware(&Op::SliceLoad {
            d: 0,
            s: 1,
            i: 4,
            stride: 1,
            off: 0,
            n: 1
        }));
    }
}
