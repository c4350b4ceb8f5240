//! The bytecode verifier: every slot an instruction touches lies inside the
//! function's frame, and every jump lands inside the function, which ends
//! in a return or a jump. The interpreter relies on this to access frame
//! slots without bounds checks; a failure is a lowering bug.

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
    if !f.code.last().is_some_and(|op| op.facts().end) {
        return Err(err(
            f.code.len(),
            "code does not end in a return or jump".into(),
        ));
    }
    for (pc, op) in f.code.iter().enumerate() {
        let (reads, writes) = (op.reads(), op.writes());
        for (s, n) in reads.iter().chain(&writes).map(|o| (o.slot, o.words)) {
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
        if op.facts().skips {
            // The compiled tier runs the increment and falls through to
            // the test it was fused with: it must follow, and something
            // must follow it.
            let test = super::peephole::parts(op).map(|[_, test]| test);
            if test.is_none() || f.code.get(pc + 1) != test.as_ref() || pc + 2 >= f.code.len() {
                return Err(err(pc, format!("{op:?} is not followed by its test")));
            }
        }
        if let Some(t) = op.target() {
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
    use crate::bytecode::Op;

    fn func(code: Vec<Op>, frame: u32) -> Function {
        let all: Vec<u32> = (0..frame).collect();
        Function::for_test(code, 0, frame, 0, &all)
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
