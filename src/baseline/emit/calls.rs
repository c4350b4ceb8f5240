//! Calls: direct calls through entry cells, and the guarded call sites of
//! interface methods and function values, as the devirtualization plan
//! ([`SitePlan`]) shapes them: one guard chain for both kinds of site (a
//! key cell compared with the receiver's itab or the closure's function,
//! then the target called or inlined), the indirect call on a miss, the
//! miss path's inline receiver rows and its runtime call, the stress
//! modes' hooks and `--verify-guards`' independent re-check.

use super::memory::word_offset;
use super::{counters, runtime, site_shape, Emitter, SITE_ENTRY};
use crate::bytecode::frame::CTX;
use crate::bytecode::slot_offset;
use crate::runtime::typedesc::{ITAB_FUN, ITAB_TYPE};
use crate::tier::devirt::{Guard, SitePlan};
use crate::tier::keycell::KeyCell;
use pgojit_jit::abi::{ARGS, CALL_TARGET, FRAME, PARAMS, TMP0, TMP1, TMP2, VM};
use pgojit_jit::{Cond, Label, Mem};
use pgojit_profiler::FuncId;

/// What a guarded site compares with its guards' keys.
#[derive(Clone, Copy)]
enum Receiver {
    /// An interface method call on the interface in slots `recv`,
    /// `recv + 1`: the key is its itab.
    Iface(u32),
    /// A call of the function value in slot `f`: the key is the function
    /// its closure holds.
    Closure(u32),
}

impl Emitter<'_> {
    /// `--verify-guards`: the receiver in `slot` (an interface's itab word,
    /// or a closure) must be one of `checks` (type descriptors, or function
    /// ids), read afresh and compared with constants rather than the
    /// guard's key cells. Clobbers TMP1 and TMP2 (and TMP0 for two).
    fn verify_receiver(&mut self, site: usize, rx: Receiver, checks: &[u64]) {
        let (slot, closure) = match rx {
            Receiver::Iface(recv) => (recv, false),
            Receiver::Closure(f) => (f, true),
        };
        let (ok, bad) = (self.m.new_label(), self.m.new_label());
        self.verify_exits.push((bad, site, checks[0], closure));
        self.m.comment("--verify-guards: re-check the receiver");
        self.ld(TMP1, slot);
        self.m.test(TMP1, TMP1);
        self.m.je(bad);
        let off = if closure { 0 } else { ITAB_TYPE as i32 };
        self.m.load(TMP1, Mem::at(TMP1, off));
        if let [a, b] = *checks {
            // Either of two (a merged guard): without a branch, as the
            // guard itself, so mixed receivers mispredict nothing. The hit
            // path no longer needs the itab in TMP0.
            self.m.mov_imm(TMP2, a);
            self.m.cmp(TMP1, TMP2);
            self.m.set(Cond::Eq, TMP0);
            self.m.mov_imm(TMP2, b);
            self.m.cmp(TMP1, TMP2);
            self.m.set(Cond::Eq, TMP2);
            self.m.or(TMP0, TMP2);
            self.m.test(TMP0, TMP0);
            self.m.je(bad);
        } else {
            for (i, &c) in checks.iter().enumerate() {
                self.m.mov_imm(TMP2, c);
                self.m.cmp(TMP1, TMP2);
                if i + 1 < checks.len() {
                    self.m.je(ok);
                } else {
                    self.m.jne(bad);
                }
            }
        }
        self.m.bind(ok);
    }

    /// Where code that left its old version at this call site's miss
    /// goes on in this one: the indirect call, with the call and its miss
    /// already counted (entry [`SITE_ENTRY`]` | pc`).
    fn site_entry(&mut self) {
        let l = self.m.new_label();
        self.m.bind(l);
        self.site_entries.push((self.pc as u32, l));
    }

    /// On a guard miss: if the function was recompiled meanwhile, continue
    /// at this call site (`pc`) in the new code, past its counting and
    /// guards (the call and its miss are counted here); else go on here.
    pub(super) fn leave_if_recompiled(&mut self, pc: usize) {
        let (transfer, resume) = (self.m.new_label(), self.m.new_label());
        self.transfers
            .push((transfer, pc as u32 | SITE_ENTRY, resume));
        self.m.lea_label(TMP1, self.entry);
        self.m.mov_imm(CALL_TARGET, self.jit.cell_addr(self.func));
        self.m.cmp(Mem::at(CALL_TARGET, 0), TMP1);
        self.m.jne(transfer);
        self.m.bind(resume);
    }

    /// Calls function `f` with its frame at `base`, through its entry cell
    /// (`eax` = its id, for the interpreter's stub).
    pub(super) fn call_direct(&mut self, f: FuncId, base: u32) {
        let off = slot_offset(base + self.base);
        self.spill_for_call(base + self.base);
        self.m.shift_frame(off);
        self.param_regs(self.prog.func(f).param_words);
        self.m.mov_imm(TMP0, f.0 as u64);
        self.m.mov_imm(CALL_TARGET, self.jit.cell_addr(f));
        self.m.call_mem(Mem::at(CALL_TARGET, 0));
        self.m.shift_frame(-off);
        self.reload_after_call(base + self.base);
    }

    /// Calls the function whose id is in `eax` through its entry cell
    /// (with `words` argument words).
    pub(super) fn call_cell_in_rax(&mut self, base: u32, words: u32) {
        let off = slot_offset(base + self.base);
        self.spill_for_call(base + self.base);
        self.m.shift_frame(off);
        self.param_regs(words);
        self.m.mov_imm(CALL_TARGET, self.jit.cell_addr(FuncId(0)));
        self.m.call_indexed(CALL_TARGET, TMP0);
        self.m.shift_frame(-off);
        self.reload_after_call(base + self.base);
    }

    /// The first `words` argument words, already in the callee's frame
    /// (at `FRAME`), also in the parameter registers, as every callee's
    /// entry expects ([`PARAMS`]). (After the spill for the call: the
    /// registers are caller-saved, reloaded after it.)
    fn param_regs(&mut self, words: u32) {
        for (k, r) in PARAMS.into_iter().enumerate().take(words as usize) {
            self.m.load(r, Mem::at(FRAME, slot_offset(k as u32)));
        }
    }

    /// An interface call: guards from the plan, then the indirect call
    /// through the itab.
    pub(super) fn call_iface(
        &mut self,
        recv: u32,
        method: u32,
        base: u32,
        site: usize,
        plan: &SitePlan,
    ) {
        self.trace.extend(plan.trace.iter().cloned());
        self.trace
            .extend(crate::tier::devirt::inlining_trace(self.prog, site, plan));
        self.sites.push(site_shape(site, plan));
        let done = self.m.new_label();
        if !plan.guards.is_empty() {
            self.count_site_call(site);
        }
        let forced = self.stress_tick(site, plan);
        self.ld(TMP0, recv);
        if self.same_inlined_bodies(plan) {
            // Two guarded targets with the same inlined body (getters of
            // the same field in two types, say): test both keys without a
            // branch, then one body. A receiver alternating between the two
            // types at random then costs no mispredicted branch.
            let next = self.m.new_label();
            let (a, b) = (&plan.guards[0], &plan.guards[1]);
            self.m.comment(&format!(
                "guards 1, 2: itab == {} or {} (identical inlined bodies)",
                a.name, b.name
            ));
            let (c1, c2) = (self.key_cell(a.key), self.key_cell(b.key));
            self.m.cmp_word_at(c1, TMP0, TMP1);
            self.m.set(Cond::Eq, TMP1);
            self.m.cmp_word_at(c2, TMP0, TMP2);
            self.m.set(Cond::Eq, TMP2);
            self.m.or(TMP1, TMP2);
            self.m.test(TMP1, TMP1);
            if !self.jit.opts.break_guards {
                self.m.je(next);
            }
            if self.jit.opts.verify_guards {
                self.verify_receiver(site, Receiver::Iface(recv), &[a.check, b.check]);
            }
            self.ld(TMP1, recv + 1);
            self.st(base, TMP1);
            self.m
                .comment(&format!("inlined {}", self.prog.func(a.target).name));
            self.inline(a.target, base, done);
            self.m.jmp(done);
            self.m.bind(next);
        }
        let separate: &[Guard] = if self.same_inlined_bodies(plan) {
            &[]
        } else {
            &plan.guards
        };
        self.guard_chain(site, separate, Receiver::Iface(recv), base, done);
        if let Some(forced) = forced {
            let miss = self.m.new_label();
            self.m.jmp(miss);
            self.m.bind(forced);
            self.ld(TMP0, recv);
            self.m.bind(miss);
        }
        self.m.comment(if plan.guards.is_empty() {
            "indirect call through the itab"
        } else {
            "guard miss: indirect call through the itab"
        });
        self.m.test(TMP0, TMP0);
        self.nil_receiver_exit(site, plan);
        if plan.guards.is_empty() {
            // (A report's figure: counted when counts are asked for.)
            if self.jit.opts.count {
                self.m.bump(TMP1, self.jit.counters.indirect_addr(site));
            }
        } else {
            // The miss key is the itab itself.
            self.m.mov(TMP2, TMP0);
            self.miss_path(site);
        }
        self.site_entry();
        self.ld(TMP0, recv);
        self.ld(TMP1, recv + 1);
        self.st(base, TMP1);
        self.m
            .load32(TMP0, Mem::at(TMP0, ITAB_FUN as i32 + word_offset(method)));
        self.call_cell_in_rax(base, self.prog.sites[site].arg_words);
        self.m.bind(done);
    }

    /// A call of a function value: the closure goes to the context
    /// register; guards compare the function it holds.
    pub(super) fn call_closure(&mut self, f: u32, base: u32, site: usize, plan: &SitePlan) {
        self.trace.extend(plan.trace.iter().cloned());
        self.sites.push(site_shape(site, plan));
        let done = self.m.new_label();
        if !plan.guards.is_empty() {
            self.count_site_call(site);
        }
        self.ld(TMP0, f);
        self.m.test(TMP0, TMP0);
        self.nil_receiver_exit(site, plan);
        self.m.store(Mem::at(VM, CTX), TMP0);
        // (After the closure register is set: a forced miss still calls
        // through it.)
        let forced = self.stress_tick(site, plan);
        if forced.is_some() {
            self.ld(TMP0, f);
        }
        self.m.load(TMP0, Mem::at(TMP0, 0));
        self.guard_chain(site, &plan.guards, Receiver::Closure(f), base, done);
        if let Some(forced) = forced {
            let miss = self.m.new_label();
            self.m.jmp(miss);
            self.m.bind(forced);
            self.ld(TMP0, f);
            self.m.load(TMP0, Mem::at(TMP0, 0));
            self.m.bind(miss);
        }
        if plan.guards.is_empty() {
            // (A report's figure: counted when counts are asked for.)
            if self.jit.opts.count {
                self.m.bump(TMP1, self.jit.counters.indirect_addr(site));
            }
        } else {
            // The miss key is the function id + 1 (id 0 is a function).
            self.m.lea(TMP2, Mem::at(TMP0, 1));
            self.miss_path(site);
        }
        self.site_entry();
        self.ld(TMP0, f);
        self.m.load(TMP0, Mem::at(TMP0, 0));
        self.call_cell_in_rax(base, self.prog.sites[site].arg_words);
        self.m.bind(done);
    }

    /// The separate guards of a site, in order, with the receiver's key
    /// (its itab, or its closure's function) in `rax`: a hit runs its
    /// target and jumps to `done`; when every guard misses, control falls
    /// through to the site's miss path.
    fn guard_chain(&mut self, site: usize, guards: &[Guard], rx: Receiver, base: u32, done: Label) {
        for (k, g) in guards.iter().enumerate() {
            let next = self.m.new_label();
            self.m.comment(&match rx {
                Receiver::Iface(_) => format!(
                    "guard {}: itab == {} (tab.type == {})",
                    k + 1,
                    g.name,
                    g.name
                ),
                Receiver::Closure(_) => format!("guard {}: func == {}", k + 1, g.name),
            });
            // The key lives in a cell of this code version: retiring the
            // version makes every guard miss (see `Jit::disable_guards`).
            let cell = self.key_cell(g.key);
            self.m.cmp_word_at(cell, TMP0, TMP1);
            if !(self.jit.opts.break_guards && k == 0) {
                self.m.jne(next);
            }
            if self.jit.opts.count_guards {
                self.m
                    .bump(TMP1, self.jit.counters.hit_addr(site, g.hit_slot));
            }
            if self.jit.opts.verify_guards {
                self.verify_receiver(site, rx, &[g.check]);
            }
            match rx {
                Receiver::Iface(recv) => {
                    // The method's receiver is the interface's data word.
                    self.ld(TMP1, recv + 1);
                    self.st(base, TMP1);
                    if g.inline {
                        self.m
                            .comment(&format!("inlined {}", self.prog.func(g.target).name));
                        self.inline(g.target, base, done);
                    } else {
                        self.m
                            .comment(&format!("direct call {}", self.prog.func(g.target).name));
                        self.call_direct(g.target, base);
                    }
                }
                // Function-value targets are always called: `compile`
                // widens the frame check for inlined interface targets only.
                Receiver::Closure(_) => self.call_direct(g.target, base),
            }
            self.m.jmp(done);
            self.m.bind(next);
        }
    }

    /// `pgojit stress` modes that act on every guarded call (random
    /// misses, flips): a runtime call that may force the miss path, whose
    /// label it returns.
    pub(super) fn stress_tick(&mut self, site: usize, plan: &SitePlan) -> Option<Label> {
        use crate::options::StressMode;
        if plan.guards.is_empty()
            || !matches!(
                self.jit.opts.stress,
                StressMode::RandomMiss(_) | StressMode::Flip(_)
            )
        {
            return None;
        }
        let forced = self.m.new_label();
        self.m.comment("stress: maybe force a miss");
        self.spill_all();
        self.m.mov(ARGS[0], VM);
        self.m.mov_imm(ARGS[1], site as u64);
        self.m.call_abs(runtime::stress_tick as *const () as usize);
        self.reload_all();
        self.m.test(TMP0, TMP0);
        self.m.jne(forced);
        Some(forced)
    }

    /// Two guards whose targets, both inlined, have the same code and frame
    /// (hits and invocations are then not told apart, so not with
    /// `--count-guards` or when compiled code counts).
    pub(super) fn same_inlined_bodies(&self, plan: &SitePlan) -> bool {
        let [a, b] = &plan.guards[..] else {
            return false;
        };
        let (fa, fb) = (self.prog.func(a.target), self.prog.func(b.target));
        // (Not with `--max-steps` either: the step taken entering the body
        // names its function.)
        // (Nor when invocations are counted: one body cannot tell which
        // function it runs.)
        a.inline
            && b.inline
            && !self.jit.opts.count_guards
            && !self.jit.opts.count
            && !self.jit.opts.steps
            && fa.code == fb.code
            && fa.frame_size == fb.frame_size
            && fa.param_words == fb.param_words
    }

    /// A cell holding `key` for a guard to compare with.
    pub(super) fn key_cell(&mut self, key: u64) -> u64 {
        let cell = KeyCell::new(key);
        let addr = cell.addr();
        self.keys.push(cell);
        addr
    }

    /// Counts a call at a guarded site (the denominator of its miss ratio):
    /// in its register when it has one, else in memory.
    /// After `test` of the receiver (the itab, the closure): a nil one
    /// leaves for the nil panic. At a guarded site, whose call is counted
    /// already, it is counted as a miss too (no guard matched), so that
    /// the calls less the misses, the hits credited to the guarded
    /// targets, do not count it: the interpreter counts no receiver for
    /// it either. Clobbers `TMP1`.
    fn nil_receiver_exit(&mut self, site: usize, plan: &SitePlan) {
        let nil = self.nil_exit();
        if plan.guards.is_empty() {
            self.m.je(nil);
            return;
        }
        let ok = self.m.new_label();
        self.m.jne(ok);
        self.m.bump(TMP1, self.jit.counters.miss_addr(site));
        self.m.jmp(nil);
        self.m.bind(ok);
    }

    pub(super) fn count_site_call(&mut self, site: usize) {
        if let Some(&(_, r)) = self.counter_regs.iter().find(|c| c.0 == site) {
            self.m.add_imm(r, 1);
            return;
        }
        let calls = self.jit.counters.word_addr(site, counters::CALLS);
        self.m.bump(CALL_TARGET, calls);
    }

    /// A guard miss with its key in `rdx`: counts it and its receiver in
    /// the site's rows inline (`counters::emit_miss_count`), and calls the
    /// runtime (which books the rows into the profile and asks the policy)
    /// for a key without a row, or when the site's next check is due.
    /// Clobbers the scratch registers.
    pub(super) fn miss_path(&mut self, site: usize) {
        let back = self.m.new_label();
        let base = self.jit.counters.word_addr(site, 0);
        counters::emit_miss_count(&mut self.m, base, back);
        self.spill_all();
        self.m.mov(ARGS[0], VM);
        self.m.mov_imm(ARGS[1], site as u64);
        // ARGS[2] is rdx: the key (or 0) is already there.
        self.m.call_abs(runtime::site_miss as *const () as usize);
        self.reload_all();
        // The runtime may have recompiled the function: if so, continue
        // at this call site in the new code.
        self.leave_if_recompiled(self.pc);
        self.m.bind(back);
    }
}
