//! The inliner: a small leaf guarded at a call site is expanded in place,
//! its frame laid over the caller's argument window, by the same per-opcode
//! expansion as any function ([`Emitter::op`]); its returns jump to the
//! site's join point. Which leaves qualify is [`crate::baseline::inlinable`]
//! (from [`super::analysis::inline_safe`]).

use super::Emitter;
use crate::bytecode::entry::slots_read_unwritten;
use pgojit_jit::abi::TMP0;
use pgojit_jit::Label;
use pgojit_profiler::FuncId;

impl Emitter<'_> {
    /// Expands the small leaf `f` in place, its frame at `base` (the
    /// receiver already there).
    /// Returns go to `exit` (the site's join point).
    pub(super) fn inline(&mut self, f: FuncId, base: u32, exit: Label) {
        let callee = self.prog.func(f);
        let straight = !callee.code.iter().any(|op| op.target().is_some());
        let labels: Vec<Label> = (0..callee.code.len()).map(|_| self.m.new_label()).collect();
        let saved = (
            self.func,
            self.base,
            std::mem::replace(&mut self.labels, labels),
            self.inline_exit.replace(exit),
        );
        self.inlined_at.push((saved.0 .0, self.pc as u32));
        self.func = f;
        self.base += base;
        let was_inlining = std::mem::replace(&mut self.inlining, true);
        if self.count {
            // The invocation, as the callee's prologue would count it.
            let calls = self.jit.counters.calls_addr(f);
            self.m.bump(TMP0, calls);
        }
        if self.jit.opts.steps {
            // The call's step, as the callee's prologue would take it.
            self.take_step(f, 0);
        }
        for s in slots_read_unwritten(callee) {
            self.m.mov_imm(TMP0, 0);
            self.st(s, TMP0);
        }
        self.locate(0);
        for (pc, op) in callee.code.iter().enumerate() {
            let returns = op.facts().ret;
            self.m.bind(self.labels[pc]);
            self.locate(pc);
            if straight && returns {
                // The first return of a straight-line body ends it: what
                // follows is dead, and the join point comes right after.
                let keep = self.inline_exit.take();
                self.op(pc, op, None);
                self.inline_exit = keep;
                break;
            }
            self.op(pc, op, None);
        }
        self.inlining = was_inlining;
        self.inlined_at.pop();
        self.func = saved.0;
        self.base = saved.1;
        self.labels = saved.2;
        self.inline_exit = saved.3;
        self.locate(self.pc);
    }
}
