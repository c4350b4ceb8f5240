//! Runtime helpers that run an instruction, and the code placed after the
//! function body: the panic paths of fast paths that can fail (they re-run
//! the instruction in the helper, which panics as the interpreter does),
//! moves to recompiled code after a guard miss, `--max-steps` and
//! `--verify-guards` exits, and the shared nil, stack-overflow and unwind
//! exits.

use super::{runtime, Emitter};
use crate::bytecode::op::Op;
use crate::bytecode::slot_offset;
use crate::tier::machine;
use pgojit_jit::abi::{ARGS, CALL_TARGET, FRAME, TMP0, TMP1, VM};
use pgojit_jit::{Label, Mem};
use pgojit_profiler::FuncId;

/// An out-of-line path: re-run `op` of `func` in a helper (it will panic).
pub(super) struct Slow {
    label: Label,
    op: *const Op,
    func: FuncId,
    /// Frame offset (in slots) of the function the op belongs to.
    base: u32,
    /// Pinned registers hold the current values (spill them first).
    spill: bool,
    /// The location of the instruction (its call-site tag).
    tag: u32,
    /// An instruction that succeeds in the helper (an allocation whose
    /// cache is spent): where to go on after it, and the frame slot
    /// (absolute) holding its result, which goes on in `TMP0`.
    resume: Option<(Label, u32)>,
}

impl Emitter<'_> {
    /// A helper call that re-runs (or runs) `op`; jumps to `fail` on a panic.
    pub(super) fn call_op_helper(&mut self, op: &Op) {
        let base = self.base;
        let func = self.func;
        self.emit_op_helper(op as *const Op, func, base);
    }

    pub(super) fn emit_op_helper(&mut self, op: *const Op, func: FuncId, base: u32) {
        self.m.mov(ARGS[0], VM);
        self.m.lea(ARGS[1], Mem::at(FRAME, slot_offset(base)));
        self.m.mov_imm(ARGS[2], op as u64);
        self.m.mov_imm(ARGS[3], func.0 as u64);
        machine::call_runtime(&mut self.m, runtime::op as *const () as usize);
        self.m.test(TMP0, TMP0);
        self.m.jne(self.fail);
    }

    /// A label for an out-of-line re-run of `op` (its panic path).
    pub(super) fn slow_path(&mut self, op: &Op) -> Label {
        let label = self.m.new_label();
        self.push_slow(label, op, None);
        label
    }

    /// An out-of-line run of `op` in the helper at `label`; with
    /// `resume`, one that succeeds there and goes on at its label with
    /// the slot's value in `TMP0`.
    fn push_slow(&mut self, label: Label, op: &Op, resume: Option<(Label, u32)>) {
        self.slow.push(Slow {
            label,
            op: op as *const Op,
            func: self.func,
            base: self.base,
            spill: self.pins_active,
            tag: self.m.tag(),
            resume,
        });
    }

    /// `Op::Alloc` into slot `d`: inline, the bump of its allocation cache
    /// (`tier::machine::alloc_inline`), the object then written to `d`;
    /// out of line, when the cache's run is spent, the interpreter's own
    /// instruction in the helper (a safepoint: it may collect, with the
    /// pins spilled). `false` for objects that always take the helper.
    pub(super) fn alloc_inline(&mut self, op: &Op, d: u32, words: u32, layout: u32) -> bool {
        let (spent, join) = (self.m.new_label(), self.m.new_label());
        if !machine::alloc_inline(&mut self.m, words, layout, spent) {
            return false;
        }
        self.push_slow(spent, op, Some((join, d + self.base)));
        self.m.bind(join);
        self.st(d, TMP0);
        true
    }

    /// Asks runtime `helper(jc, func, t)` for newer code's entry at pc `t`:
    /// leaves this code for it (as a return would, then in as the
    /// interpreter enters an OSR entry), or goes on at `resume`.
    fn move_over(&mut self, label: Label, t: u32, resume: Label, helper: usize, why: &str) {
        self.m.comment(why);
        self.m.bind(label);
        self.spill_all();
        self.m.mov(ARGS[0], VM);
        self.m.mov_imm(ARGS[1], self.func.0 as u64);
        self.m.mov_imm(ARGS[2], t as u64);
        self.m.call_abs(helper);
        let go = self.m.new_label();
        self.m.test(TMP0, TMP0);
        self.m.jne(go);
        self.reload_all();
        self.m.jmp(resume);
        self.m.bind(go);
        self.frame_leave();
        self.m.jmp_reg(TMP0);
        self.m.set_depth(self.frame_depth);
    }

    /// Out-of-line code: moves to recompiled code, panic paths, the shared
    /// failure exit, overflow.
    pub(super) fn out_of_line(&mut self) {
        // Every path below is entered from the body, in its frame.
        self.m.set_depth(self.frame_depth);
        for (label, t, resume) in std::mem::take(&mut self.hot_exits) {
            let why = if t == 0 {
                "hot again? (budget spent at the entry)".to_string()
            } else {
                "hot again? (budget spent at a back-edge)".to_string()
            };
            let helper = runtime::hot_again as *const () as usize;
            self.move_over(label, t, resume, helper, &why);
        }
        for (label, t, resume) in std::mem::take(&mut self.transfers) {
            let why = format!("recompiled: continue at {t} in the new code");
            let helper = runtime::osr_target as *const () as usize;
            self.move_over(label, t, resume, helper, &why);
        }
        let slow = std::mem::take(&mut self.slow);
        for s in slow {
            if s.resume.is_some() {
                self.m
                    .comment("allocation cache's run spent: the runtime refills it");
            }
            self.m.bind(s.label);
            self.m.set_tag(s.tag);
            if s.spill {
                self.spill_all();
            }
            self.emit_op_helper(s.op, s.func, s.base);
            if let Some((join, d)) = s.resume {
                if s.spill {
                    self.reload_all();
                }
                self.m.load(TMP0, Mem::at(FRAME, slot_offset(d)));
                self.m.jmp(join);
                continue;
            }
            // A re-run that did not fail is a bug in a fast path; fail loudly
            // rather than continue with a wrong value.
            self.m.mov_imm(ARGS[1], 2);
            self.m.mov(ARGS[0], VM);
            self.m.call_abs(runtime::fail as *const () as usize);
            self.m.jmp(self.fail);
        }
        for (label, f, pc) in std::mem::take(&mut self.step_exits) {
            self.m.comment(&format!("--max-steps ran out at {pc}"));
            self.m.bind(label);
            self.m.mov(ARGS[0], VM);
            self.m.mov_imm(ARGS[1], 3);
            self.m.mov_imm(ARGS[2], f.0 as u64);
            self.m.mov_imm(ARGS[3], pc as u64);
            self.m.call_abs(runtime::fail as *const () as usize);
            self.m.jmp(self.fail);
        }
        for (label, site, expected, closure) in std::mem::take(&mut self.verify_exits) {
            self.m.comment("--verify-guards: wrong receiver (aborts)");
            self.m.bind(label);
            // The receiver's type (or function) is in TMP1 (rcx = ARGS[3]).
            self.m.mov(ARGS[2], TMP1);
            self.m.mov_imm(ARGS[3], expected);
            self.m.mov(ARGS[0], VM);
            self.m
                .mov_imm(ARGS[1], site as u64 | (closure as u64) << 32);
            self.m
                .call_abs(runtime::guard_violation as *const () as usize);
        }
        for (tag, label) in std::mem::take(&mut self.nil_exits) {
            self.m.comment("nil dereference");
            self.m.bind(label);
            self.m.set_tag(tag);
            self.m.mov(ARGS[0], VM);
            self.m.mov_imm(ARGS[1], 0);
            self.m.call_abs(runtime::fail as *const () as usize);
            self.m.jmp(self.fail);
        }
        self.m.set_tag(pgojit_jit::NO_TAG);
        self.m.comment("stack overflow");
        self.m.bind(self.overflow);
        // The check may have failed before the frame's alignment push.
        self.m.mov(ARGS[0], VM);
        self.m.mov_imm(ARGS[1], 1);
        self.m.call_abs(runtime::fail as *const () as usize);
        self.m.comment("unwind to the nearest entry");
        self.m.bind(self.fail);
        self.m.mov_imm(CALL_TARGET, self.jit.stubs.unwind);
        self.m.jmp_reg(CALL_TARGET);
    }
}
