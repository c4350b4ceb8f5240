//! Peephole rewriting after lowering (and before the frame maps and the
//! verifier): fewer instructions for the interpreter to dispatch, the same
//! behaviour in every tier.
//!
//! - **Immediate forms**: `Const { d: k, v }` followed by an instruction
//!   that reads `k` as one operand becomes that instruction's immediate form
//!   (`AndImm`, `MulImm`, `AddImm`, `CmpImm`, `JfCmpImm`), and the `Const`
//!   goes away. Only when nothing else in the function names `k` (so its
//!   value is never observed again: not read, not written, not scanned as a
//!   pointer, not part of a call's window) and the consumer is not a jump
//!   target (every path to it runs the `Const`).
//! - **Copies forwarded**: a one-word value made into a temporary, then
//!   `Move`d to where it is used (a receiver copied into a call's window),
//!   is made there directly, and the `Move` goes. Only when nothing else in
//!   the function names the temporary, nothing between the two names the
//!   destination or branches, and no jump lands after the maker.
//! - **Superinstructions** for pairs common in hot code: a one-word `Load`
//!   then an `AddI` reading it (`LoadAddI`, a field added to a value), and a
//!   loop's increment then its test (`AddImmJfCmpI`, `AddImmJfCmpImm`). A
//!   fused pair writes every slot its two instructions write. The test of
//!   a fused increment stays in place (a loop's entry jumps to it), so the
//!   fused instruction continues at pc + 2; the verifier checks the pair.
//! - **A masked value** used as an index (`AndImmSliceLoad`) or scaled
//!   (`AndImmMulImm`).
//! - **Calls and returns**: an argument's `Move` into a call's window then
//!   the call (`MoveCall`, `MoveCallIface`), and a sum then the `Ret` of it
//!   (`AddIRet`, `LoadAddIRet`: the second pass fuses a `LoadAddI` made by
//!   the first).
//! - **Unreachable code** goes (the trailing `Ret` after a returned value).
//!
//! Nothing is fused across a jump target: the second instruction of a pair
//! that is removed is never a target, so every path runs both. Removing
//! instructions renumbers the code; jump targets follow, and each kept
//! instruction keeps its source position (a fused one takes the position of
//! the part that can fail or branch, for panics and `--max-steps`).

use super::op::{Cmp, Op, Slot};
use super::{Function, Program};

/// Rewrites every function of a program.
pub fn program(prog: &mut Program) {
    for f in &mut prog.funcs {
        function(f);
    }
}

/// Rewrites one function.
pub fn function(f: &mut Function) {
    immediates(f);
    forward_copies(f);
    fuse_pairs(f);
    fuse_pairs(f);
    drop_unreachable(f);
}

/// The instructions a superinstruction stands for, in order (`None` for
/// any other instruction): analyses that care about the order of reads and
/// writes inside one instruction look at these.
pub fn parts(op: &Op) -> Option<[Op; 2]> {
    Some(match *op {
        Op::LoadAddI { t, p, off, d, a, b } => {
            [Op::Load { d: t, p, off, n: 1 }, Op::AddI { d, a, b }]
        }
        Op::AddImmJfCmpI {
            d,
            a,
            imm,
            b,
            c,
            signed,
            t,
        } => [
            Op::AddImm { d, a, imm },
            Op::JfCmpI {
                a: d,
                b,
                c,
                signed,
                t,
            },
        ],
        Op::AddImmJfCmpImm { d, a, imm, k, c, t } => [
            Op::AddImm { d, a, imm },
            Op::JfCmpImm { a: d, imm: k, c, t },
        ],
        Op::MoveCall {
            d,
            s,
            func,
            base,
            edge,
        } => [Op::Move { d, s }, Op::Call { func, base, edge }],
        Op::MoveCallIface {
            d,
            s,
            recv,
            method,
            base,
            site,
        } => [
            Op::Move { d, s },
            Op::CallIface {
                recv,
                method,
                base,
                site,
            },
        ],
        Op::AndImmSliceLoad {
            m,
            a,
            imm,
            d,
            s,
            stride,
            off,
            n,
        } => [
            Op::AndImm { d: m, a, imm },
            Op::SliceLoad {
                d,
                s,
                i: m,
                stride,
                off,
                n,
            },
        ],
        Op::AndImmMulImm { m, a, mask, d, k } => [
            Op::AndImm { d: m, a, imm: mask },
            Op::MulImm { d, a: m, imm: k },
        ],
        Op::AddIRet { d, a, b } => [Op::AddI { d, a, b }, Op::Ret { s: d, n: 1 }],
        // (Its first part is itself fused: see `flat_parts`.)
        Op::LoadAddIRet { t, p, off, d, a, b } => {
            [Op::LoadAddI { t, p, off, d, a, b }, Op::Ret { s: d, n: 1 }]
        }
        _ => return None,
    })
}

/// The plain instructions `op` stands for, in order (`op` itself when it
/// is not fused): [`parts`] all the way down.
pub fn flat_parts(op: &Op) -> Vec<Op> {
    match parts(op) {
        Some(ps) => ps.iter().flat_map(flat_parts).collect(),
        None => vec![op.clone()],
    }
}

/// Where control may go from `pc`: a jump's target and whether it falls
/// through (to pc + 1, and to pc + 2 past the kept test of a fused
/// increment and test: see the module docs), from the opcode table.
pub(crate) fn successors(op: &Op, pc: usize) -> Vec<usize> {
    let f = op.facts();
    let mut next: Vec<usize> = op.target().map(|t| t as usize).into_iter().collect();
    if !f.end {
        next.push(pc + 1);
    }
    if f.skips {
        next.push(pc + 2);
    }
    next
}

fn jump_targets(code: &[Op]) -> Vec<bool> {
    let mut is = vec![false; code.len() + 1];
    for op in code {
        if let Some(t) = op.target() {
            if let Some(x) = is.get_mut(t as usize) {
                *x = true;
            }
        }
    }
    is
}

/// Keeps the instructions marked in `keep`, renumbering jump targets (a
/// removed instruction's number goes to the next kept one).
fn compact(f: &mut Function, keep: &[bool]) {
    if keep.iter().all(|&k| k) {
        return;
    }
    let mut new_pc = vec![0u32; f.code.len() + 1];
    let mut n = 0u32;
    for (pc, &k) in keep.iter().enumerate() {
        new_pc[pc] = n;
        n += k as u32;
    }
    new_pc[f.code.len()] = n;
    let code = std::mem::take(&mut f.code);
    let pos = std::mem::take(&mut f.pos);
    for ((mut op, p), &k) in code.into_iter().zip(pos).zip(keep) {
        if k {
            if let Some(t) = op.target_mut() {
                *t = new_pc[*t as usize];
            }
            f.code.push(op);
            f.pos.push(p);
        }
    }
}

/// Whether an operand of `op` might include slot `k`, counting operands
/// whose extent the table leaves open (call windows, dynamically indexed
/// frame arrays, values as wide as their type) as reaching every slot
/// above their first.
fn names(op: &Op, k: Slot) -> bool {
    let (r, w) = (op.reads(), op.writes());
    r.iter()
        .chain(&w)
        .any(|o| o.range().contains(&k) || (o.open() && k >= o.slot))
}

/// The immediate form of `op` when it reads the constant slot `k` (holding
/// `v`) as exactly one of its operands.
fn with_immediate(op: &Op, k: Slot, v: u64) -> Option<Op> {
    let imm = v as i64;
    // One operand is `k`, the other is not: (the other, whether k was first).
    let one = |a: Slot, b: Slot| match (a == k, b == k) {
        (false, true) => Some((a, false)),
        (true, false) => Some((b, true)),
        _ => None,
    };
    Some(match *op {
        Op::AddI { d, a, b } => {
            let (x, _) = one(a, b)?;
            Op::AddImm { d, a: x, imm }
        }
        Op::SubI { d, a, b } if b == k && a != k => Op::AddImm {
            d,
            a,
            imm: imm.wrapping_neg(),
        },
        Op::And { d, a, b } => {
            let (x, _) = one(a, b)?;
            Op::AndImm { d, a: x, imm }
        }
        Op::MulI { d, a, b } => {
            let (x, _) = one(a, b)?;
            Op::MulImm { d, a: x, imm }
        }
        Op::CmpI {
            d,
            a,
            b,
            c,
            signed: true,
        } => {
            let (x, swapped) = one(a, b)?;
            Op::CmpImm {
                d,
                a: x,
                imm,
                c: if swapped { mirror(c) } else { c },
            }
        }
        Op::JfCmpI {
            a,
            b,
            c,
            signed: true,
            t,
        } => {
            let (x, swapped) = one(a, b)?;
            Op::JfCmpImm {
                a: x,
                imm,
                c: if swapped { mirror(c) } else { c },
                t,
            }
        }
        _ => return None,
    })
}

/// `k c x` as `x c' k`.
fn mirror(c: Cmp) -> Cmp {
    match c {
        Cmp::Eq => Cmp::Eq,
        Cmp::Ne => Cmp::Ne,
        Cmp::Lt => Cmp::Gt,
        Cmp::Le => Cmp::Ge,
        Cmp::Gt => Cmp::Lt,
        Cmp::Ge => Cmp::Le,
    }
}

/// `Const` + consumer → the consumer's immediate form.
fn immediates(f: &mut Function) {
    let targets = jump_targets(&f.code);
    let mut keep = vec![true; f.code.len()];
    let reserved = f.param_words.max(f.result_words);
    let mut pc = 0;
    while pc + 1 < f.code.len() {
        if let Op::Const { d: k, v } = f.code[pc] {
            let next = pc + 1;
            let fused = (k >= reserved && !targets[next])
                .then(|| with_immediate(&f.code[next], k, v))
                .flatten()
                .filter(|_| {
                    f.code
                        .iter()
                        .enumerate()
                        .all(|(i, op)| i == pc || i == next || !names(op, k))
                });
            if let Some(op) = fused {
                f.code[next] = op;
                keep[pc] = false;
                pc += 2;
                continue;
            }
        }
        pc += 1;
    }
    compact(f, &keep);
}

/// `op` writing slot `d` instead of `t`, when `op` is a plain one-word
/// producer whose only operand at `t` is its result.
fn retarget(op: &Op, t: Slot, to: Slot) -> Option<Op> {
    let mut op = op.clone();
    let d = match &mut op {
        Op::Const { d, .. }
        | Op::Move { d, .. }
        | Op::AddI { d, .. }
        | Op::AddImm { d, .. }
        | Op::SubI { d, .. }
        | Op::MulI { d, .. }
        | Op::And { d, .. }
        | Op::AndImm { d, .. }
        | Op::MulImm { d, .. }
        | Op::Or { d, .. }
        | Op::Xor { d, .. }
        | Op::LoadCtx { d }
        | Op::Load { d, n: 1, .. }
        | Op::SliceLoad { d, n: 1, .. } => d,
        _ => return None,
    };
    if *d != t {
        return None;
    }
    *d = to;
    Some(op)
}

/// `t = x; ...; Move { d, s: t }` → `d = x; ...` when `t` is a temporary
/// (see the module docs).
fn forward_copies(f: &mut Function) {
    let targets = jump_targets(&f.code);
    let reserved = f.param_words.max(f.result_words);
    let mut keep = vec![true; f.code.len()];
    for pc in 0..f.code.len() {
        let Op::Move { d, s: t } = f.code[pc] else {
            continue;
        };
        if t < reserved || d < reserved || d == t || targets[pc] {
            continue;
        }
        // The maker: the nearest kept instruction before that names `t`,
        // with nothing in between that names `d`, branches or is landed on.
        let mut w = pc;
        let maker = loop {
            if w == 0 {
                break None;
            }
            w -= 1;
            if !keep[w] {
                continue;
            }
            let op = &f.code[w];
            if names(op, t) {
                break Some(w);
            }
            if names(op, d) || targets[w] || op.target().is_some() || op.facts().end {
                break None;
            }
        };
        let Some(w) = maker else { continue };
        let only_here = f
            .code
            .iter()
            .enumerate()
            .all(|(i, op)| i == w || i == pc || !keep[i] || !names(op, t));
        if !only_here || names(&f.code[w], d) || op_reads(&f.code[w], t) {
            continue;
        }
        if let Some(op) = retarget(&f.code[w], t, d) {
            f.code[w] = op;
            keep[pc] = false;
        }
    }
    compact(f, &keep);
}

/// Whether `op` reads slot `k`.
fn op_reads(op: &Op, k: Slot) -> bool {
    op.reads()
        .iter()
        .any(|o| o.range().contains(&k) || (o.open() && k >= o.slot))
}

/// Pairs → superinstructions. Run twice: a pair fused in the first pass
/// may fuse with what follows in the second (`LoadAddI` then `Ret`).
fn fuse_pairs(f: &mut Function) {
    let targets = jump_targets(&f.code);
    let mut keep = vec![true; f.code.len()];
    let mut pc = 0;
    while pc + 1 < f.code.len() {
        let next = pc + 1;
        match (&f.code[pc], &f.code[next]) {
            (&Op::Load { d: t, p, off, n: 1 }, &Op::AddI { d, a, b })
                if !targets[next] && (a == t || b == t) =>
            {
                f.code[pc] = Op::LoadAddI { t, p, off, d, a, b };
                keep[next] = false;
                pc += 2;
                continue;
            }
            (
                &Op::AddImm { d, a, imm },
                &Op::JfCmpI {
                    a: x,
                    b,
                    c,
                    signed,
                    t,
                },
            ) if x == d && t as usize != next && pc + 2 < f.code.len() => {
                f.code[pc] = Op::AddImmJfCmpI {
                    d,
                    a,
                    imm,
                    b,
                    c,
                    signed,
                    t,
                };
                f.pos[pc] = f.pos[next];
                // The test stays (it may be a target; it is skipped otherwise).
                pc += 2;
                continue;
            }
            (&Op::AddImm { d, a, imm }, &Op::JfCmpImm { a: x, imm: k, c, t })
                if x == d && t as usize != next && pc + 2 < f.code.len() =>
            {
                f.code[pc] = Op::AddImmJfCmpImm { d, a, imm, k, c, t };
                f.pos[pc] = f.pos[next];
                pc += 2;
                continue;
            }
            // An argument copied into a call's window (from outside it),
            // then the call: the call's position (it can fail and step).
            (&Op::Move { d, s }, &Op::Call { func, base, edge })
                if !targets[next] && d >= base && s < base =>
            {
                f.code[pc] = Op::MoveCall {
                    d,
                    s,
                    func,
                    base,
                    edge,
                };
                f.pos[pc] = f.pos[next];
                keep[next] = false;
                pc += 2;
                continue;
            }
            (
                &Op::Move { d, s },
                &Op::CallIface {
                    recv,
                    method,
                    base,
                    site,
                },
            ) if !targets[next] && d > base && s < base && d != recv && d != recv + 1 => {
                f.code[pc] = Op::MoveCallIface {
                    d,
                    s,
                    recv,
                    method,
                    base,
                    site,
                };
                f.pos[pc] = f.pos[next];
                keep[next] = false;
                pc += 2;
                continue;
            }
            // An element at a masked index: the load's position (it can fail).
            (
                &Op::AndImm { d: m, a, imm },
                &Op::SliceLoad {
                    d,
                    s,
                    i,
                    stride,
                    off,
                    n,
                },
            ) if !targets[next] && i == m => {
                f.code[pc] = Op::AndImmSliceLoad {
                    m,
                    a,
                    imm,
                    d,
                    s,
                    stride,
                    off,
                    n,
                };
                f.pos[pc] = f.pos[next];
                keep[next] = false;
                pc += 2;
                continue;
            }
            (&Op::AndImm { d: m, a, imm: mask }, &Op::MulImm { d, a: x, imm: k })
                if !targets[next] && x == m =>
            {
                f.code[pc] = Op::AndImmMulImm { m, a, mask, d, k };
                keep[next] = false;
                pc += 2;
                continue;
            }
            // A sum returned as soon as it is made.
            (&Op::AddI { d, a, b }, &Op::Ret { s, n: 1 }) if !targets[next] && s == d => {
                f.code[pc] = Op::AddIRet { d, a, b };
                keep[next] = false;
                pc += 2;
                continue;
            }
            (&Op::LoadAddI { t, p, off, d, a, b }, &Op::Ret { s, n: 1 })
                if !targets[next] && s == d =>
            {
                f.code[pc] = Op::LoadAddIRet { t, p, off, d, a, b };
                keep[next] = false;
                pc += 2;
                continue;
            }
            _ => {}
        }
        pc += 1;
    }
    compact(f, &keep);
}

/// Removes instructions no path from the entry reaches.
fn drop_unreachable(f: &mut Function) {
    let n = f.code.len();
    let mut seen = vec![false; n];
    let mut work = vec![0usize];
    while let Some(pc) = work.pop() {
        if pc >= n || seen[pc] {
            continue;
        }
        seen[pc] = true;
        work.extend(successors(&f.code[pc], pc));
    }
    compact(f, &seen);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::Pos;
    use pgojit_profiler::FuncId;

    fn func(code: Vec<Op>, frame: u32, params: u32) -> Function {
        let n = code.len();
        Function {
            in_memory: Vec::new(),
            name: "t".into(),
            code,
            pos: (0..n as u32)
                .map(|i| Pos {
                    file: 0,
                    line: i + 1,
                    col: 1,
                })
                .collect(),
            frame_size: frame,
            param_words: params,
            result_words: 1,
            ptr_slots: vec![true; frame as usize],
        }
    }

    fn run(code: Vec<Op>, frame: u32, params: u32) -> Function {
        let mut f = func(code, frame, params);
        function(&mut f);
        super::super::verify::function(&f).expect("verifies");
        f
    }

    #[test]
    fn apply_body_becomes_two_instructions() {
        // (x&65535)*3 + t.base, as lowering emits it.
        let f = run(
            vec![
                Op::Const { d: 6, v: 65535 },
                Op::And { d: 5, a: 1, b: 6 },
                Op::Const { d: 7, v: 3 },
                Op::MulI { d: 4, a: 5, b: 7 },
                Op::Load {
                    d: 8,
                    p: 0,
                    off: 0,
                    n: 1,
                },
                Op::AddI { d: 3, a: 4, b: 8 },
                Op::Ret { s: 3, n: 1 },
                Op::Ret { s: 0, n: 1 },
            ],
            9,
            2,
        );
        assert_eq!(
            f.code,
            vec![
                Op::AndImmMulImm {
                    m: 5,
                    a: 1,
                    mask: 65535,
                    d: 4,
                    k: 3
                },
                Op::LoadAddIRet {
                    t: 8,
                    p: 0,
                    off: 0,
                    d: 3,
                    a: 4,
                    b: 8
                },
            ]
        );
        // Each keeps the position of its consumer / failing part.
        let lines: Vec<u32> = f.pos.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![2, 5]);
    }

    #[test]
    fn copies_into_a_call_window_are_made_there() {
        // static.go's loop body: the receiver loaded into 7, copied to 10,
        // then into the window at 11.
        let body = |tail: Op| {
            vec![
                Op::Move { d: 6, s: 3 },
                Op::AndImm {
                    d: 8,
                    a: 6,
                    imm: 1023,
                },
                Op::SliceLoad {
                    d: 7,
                    s: 0,
                    i: 8,
                    stride: 1,
                    off: 0,
                    n: 1,
                },
                Op::Move { d: 10, s: 7 },
                Op::Move { d: 12, s: 6 },
                Op::Move { d: 11, s: 10 },
                Op::Call {
                    func: FuncId(0),
                    base: 11,
                    edge: pgojit_profiler::EdgeId::NONE,
                },
                tail,
                Op::Ret { s: 11, n: 1 },
            ]
        };
        let f = run(body(Op::AddI { d: 5, a: 5, b: 11 }), 14, 5);
        assert_eq!(
            f.code[1..3],
            [
                Op::AndImmSliceLoad {
                    m: 8,
                    a: 6,
                    imm: 1023,
                    d: 11,
                    s: 0,
                    stride: 1,
                    off: 0,
                    n: 1
                },
                Op::MoveCall {
                    d: 12,
                    s: 6,
                    func: FuncId(0),
                    base: 11,
                    edge: pgojit_profiler::EdgeId::NONE,
                },
            ]
        );
        // A temporary read again later stays.
        let f = run(body(Op::AddI { d: 5, a: 5, b: 10 }), 14, 5);
        let kept = Op::MoveCall {
            d: 11,
            s: 10,
            func: FuncId(0),
            base: 11,
            edge: pgojit_profiler::EdgeId::NONE,
        };
        assert!(f.code.contains(&kept), "{:?}", f.code);
        assert!(!f.code.contains(&Op::Move { d: 10, s: 7 }), "{:?}", f.code);
    }

    #[test]
    fn copies_are_not_forwarded_past_a_branch_or_a_target() {
        let code = vec![
            Op::AddImm { d: 7, a: 1, imm: 1 },
            Op::Jz { c: 2, t: 3 },
            Op::Move { d: 8, s: 7 },
            Op::Ret { s: 8, n: 1 },
        ];
        let f = run(code.clone(), 9, 3);
        assert_eq!(f.code, code);
        let code = vec![
            Op::AddImm { d: 7, a: 1, imm: 1 },
            Op::Move { d: 8, s: 7 },
            Op::Jz { c: 2, t: 1 },
            Op::Ret { s: 8, n: 1 },
        ];
        let f = run(code.clone(), 9, 3);
        assert_eq!(f.code, code);
    }

    #[test]
    fn constant_first_operand_and_mirrored_compare() {
        let f = run(
            vec![
                Op::Const { d: 2, v: 7 },
                Op::MulI { d: 3, a: 2, b: 1 },
                Op::Const { d: 4, v: 10 },
                // 10 < x  ==  x > 10
                Op::CmpI {
                    d: 5,
                    a: 4,
                    b: 3,
                    c: Cmp::Lt,
                    signed: true,
                },
                Op::Const { d: 6, v: 5 },
                Op::SubI { d: 0, a: 3, b: 6 },
                Op::Ret { s: 0, n: 1 },
            ],
            7,
            2,
        );
        assert_eq!(
            f.code,
            vec![
                Op::MulImm { d: 3, a: 1, imm: 7 },
                Op::CmpImm {
                    d: 5,
                    a: 3,
                    imm: 10,
                    c: Cmp::Gt
                },
                Op::AddImm {
                    d: 0,
                    a: 3,
                    imm: -5
                },
                Op::Ret { s: 0, n: 1 },
            ]
        );
    }

    #[test]
    fn constants_still_observed_stay() {
        let code = vec![
            // Read again later.
            Op::Const { d: 2, v: 7 },
            Op::And { d: 3, a: 1, b: 2 },
            Op::AddI { d: 3, a: 3, b: 2 },
            // Inside a later call's window.
            Op::Const { d: 4, v: 1 },
            Op::MulI { d: 3, a: 3, b: 4 },
            Op::Call {
                func: FuncId(0),
                base: 4,
                edge: pgojit_profiler::EdgeId::NONE,
            },
            // Unsigned compares have no immediate form.
            Op::Const { d: 5, v: 1 },
            Op::CmpI {
                d: 0,
                a: 3,
                b: 5,
                c: Cmp::Lt,
                signed: false,
            },
            // A parameter slot.
            Op::Const { d: 1, v: 3 },
            Op::And { d: 0, a: 0, b: 1 },
            // Both operands the constant.
            Op::Const { d: 6, v: 3 },
            Op::MulI { d: 0, a: 6, b: 6 },
            Op::Ret { s: 0, n: 1 },
        ];
        let f = run(code.clone(), 8, 2);
        assert_eq!(f.code, code);
    }

    #[test]
    fn no_fusion_into_a_jump_target() {
        let code = vec![
            Op::Const { d: 2, v: 0 },
            Op::Jz { c: 1, t: 3 },
            Op::Const { d: 3, v: 9 },
            // Reached from the Jz without the Const.
            Op::And { d: 0, a: 1, b: 3 },
            Op::Jz { c: 1, t: 6 },
            Op::Load {
                d: 4,
                p: 1,
                off: 0,
                n: 1,
            },
            // Reached from the Jz without the Load.
            Op::AddI { d: 0, a: 0, b: 4 },
            Op::Ret { s: 0, n: 1 },
        ];
        let f = run(code.clone(), 5, 2);
        // (A target may be the first of a pair: the sum and its return fuse.)
        let mut want = code[..6].to_vec();
        want.push(Op::AddIRet { d: 0, a: 0, b: 4 });
        assert_eq!(f.code, want);
    }

    #[test]
    fn an_argument_move_fuses_into_its_call() {
        let site = pgojit_profiler::SiteId(0);
        let call = Op::CallIface {
            recv: 2,
            method: 0,
            base: 5,
            site,
        };
        let f = run(
            vec![
                Op::Move { d: 6, s: 1 },
                call.clone(),
                Op::Move { d: 5, s: 1 },
                Op::Call {
                    func: FuncId(0),
                    base: 5,
                    edge: pgojit_profiler::EdgeId::NONE,
                },
                // Not from inside the window, nor into the receiver's word.
                Op::Move { d: 6, s: 7 },
                call.clone(),
                Op::Move { d: 5, s: 1 },
                call.clone(),
                Op::Ret { s: 0, n: 0 },
            ],
            9,
            2,
        );
        assert_eq!(
            f.code,
            vec![
                Op::MoveCallIface {
                    d: 6,
                    s: 1,
                    recv: 2,
                    method: 0,
                    base: 5,
                    site
                },
                Op::MoveCall {
                    d: 5,
                    s: 1,
                    func: FuncId(0),
                    base: 5,
                    edge: pgojit_profiler::EdgeId::NONE,
                },
                Op::Move { d: 6, s: 7 },
                call.clone(),
                Op::Move { d: 5, s: 1 },
                call,
                Op::Ret { s: 0, n: 0 },
            ]
        );
    }

    #[test]
    fn loop_increment_and_test_fuse_and_targets_move() {
        // for i := lo; i < hi; i++ { sum += i & 1023 }   (run's shape)
        let f = run(
            vec![
                Op::Const { d: 3, v: 0 },
                Op::Move { d: 4, s: 1 },
                Op::Jmp { t: 7 },
                Op::Const { d: 6, v: 1023 },
                Op::And { d: 5, a: 4, b: 6 },
                Op::AddI { d: 3, a: 3, b: 5 },
                Op::AddImm { d: 4, a: 4, imm: 1 },
                Op::JfCmpI {
                    a: 4,
                    b: 2,
                    c: Cmp::Ge,
                    signed: true,
                    t: 3,
                },
                Op::Const { d: 0, v: 100 },
                Op::AddImm { d: 4, a: 4, imm: 2 },
                Op::JfCmpImm {
                    a: 4,
                    imm: 1000,
                    c: Cmp::Ge,
                    t: 9,
                },
                Op::Ret { s: 3, n: 1 },
                Op::Ret { s: 0, n: 1 },
            ],
            7,
            3,
        );
        assert_eq!(
            f.code,
            vec![
                Op::Const { d: 3, v: 0 },
                Op::Move { d: 4, s: 1 },
                Op::Jmp { t: 6 },
                Op::AndImm {
                    d: 5,
                    a: 4,
                    imm: 1023
                },
                Op::AddI { d: 3, a: 3, b: 5 },
                Op::AddImmJfCmpI {
                    d: 4,
                    a: 4,
                    imm: 1,
                    b: 2,
                    c: Cmp::Ge,
                    signed: true,
                    t: 3
                },
                Op::JfCmpI {
                    a: 4,
                    b: 2,
                    c: Cmp::Ge,
                    signed: true,
                    t: 3,
                },
                // No consumer: this Const stays.
                Op::Const { d: 0, v: 100 },
                Op::AddImmJfCmpImm {
                    d: 4,
                    a: 4,
                    imm: 2,
                    k: 1000,
                    c: Cmp::Ge,
                    t: 8
                },
                Op::JfCmpImm {
                    a: 4,
                    imm: 1000,
                    c: Cmp::Ge,
                    t: 8,
                },
                Op::Ret { s: 3, n: 1 },
            ]
        );
        // The fused test takes the test's position.
        assert_eq!(f.pos[5].line, 8);
    }

    #[test]
    fn a_test_jumping_to_itself_is_not_fused() {
        let code = vec![
            Op::AddImm { d: 1, a: 1, imm: 1 },
            Op::JfCmpImm {
                a: 1,
                imm: 5,
                c: Cmp::Ge,
                t: 1,
            },
            Op::Ret { s: 1, n: 1 },
        ];
        let f = run(code.clone(), 2, 1);
        assert_eq!(f.code, code);
    }

    #[test]
    fn unreachable_code_goes() {
        let f = run(
            vec![
                Op::Jz { c: 0, t: 3 },
                Op::Ret { s: 0, n: 1 },
                Op::Const { d: 1, v: 1 },
                Op::Ret { s: 0, n: 1 },
                Op::Ret { s: 0, n: 1 },
            ],
            2,
            1,
        );
        assert_eq!(
            f.code,
            vec![
                Op::Jz { c: 0, t: 2 },
                Op::Ret { s: 0, n: 1 },
                Op::Ret { s: 0, n: 1 },
            ]
        );
    }
}
