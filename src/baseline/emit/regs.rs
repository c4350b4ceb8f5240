//! Where a frame slot lives: in its register when it is pinned (see
//! [`super::analysis::choose_pins`]), else in the frame in memory. `ld`/`st`
//! reach a slot either way; spills and reloads keep memory true where the
//! frame contract needs it (calls, helpers, returns, safepoints); the
//! registers that count guarded calls in loops are flushed alongside; and
//! the native frame saves the callee-saved registers that pins use.

use super::{counters, Emitter};
use crate::bytecode::slot_offset;
use pgojit_jit::abi::{is_callee_saved, CALL_TARGET, FRAME};
use pgojit_jit::{Mem, Reg};

impl Emitter<'_> {
    /// Frame slot `s` of the function being expanded.
    pub(super) fn slot(&self, s: u32) -> Mem {
        Mem::at(FRAME, slot_offset(s + self.base))
    }

    /// The register holding slot `s` of the function being expanded, if any.
    pub(super) fn pin(&self, s: u32) -> Option<Reg> {
        if !self.pins_active {
            return None;
        }
        let abs = s + self.base;
        self.pins.iter().find(|&&(p, _)| p == abs).map(|&(_, r)| r)
    }

    pub(super) fn ld(&mut self, r: Reg, s: u32) {
        match self.pin(s) {
            Some(p) => self.m.mov(r, p),
            None => {
                let m = self.slot(s);
                self.m.load(r, m);
            }
        }
    }

    pub(super) fn st(&mut self, s: u32, r: Reg) {
        match self.pin(s) {
            Some(p) => self.m.mov(p, r),
            None => {
                let m = self.slot(s);
                self.m.store(m, r);
            }
        }
    }

    /// Writes every pinned register to its slot (before anything that
    /// reads the frame from memory: calls, helpers, returns, safepoints).
    pub(super) fn spill_all(&mut self) {
        for i in 0..self.pins.len() {
            let (s, r) = self.pins[i];
            self.m.store(Mem::at(FRAME, slot_offset(s)), r);
        }
        self.flush_counters(false);
    }

    /// Adds the site-call counts held in registers to memory and zeroes
    /// the registers (only the caller-saved ones, when `caller_saved`).
    pub(super) fn flush_counters(&mut self, caller_saved: bool) {
        for i in 0..self.counter_regs.len() {
            let (site, r) = self.counter_regs[i];
            if caller_saved && is_callee_saved(r) {
                continue;
            }
            let addr = self.jit.counters.word_addr(site, counters::CALLS);
            self.m.add_word_at(addr, r, CALL_TARGET);
            self.m.mov_imm(r, 0);
        }
    }

    /// Zeroes counter registers a call or helper may have clobbered.
    pub(super) fn zero_counters(&mut self, caller_saved: bool) {
        for i in 0..self.counter_regs.len() {
            let r = self.counter_regs[i].1;
            if !(caller_saved && is_callee_saved(r)) {
                self.m.mov_imm(r, 0);
            }
        }
    }

    /// Reloads every pinned register from its slot (after anything that
    /// may have written the frame in memory).
    pub(super) fn reload_all(&mut self) {
        for i in 0..self.pins.len() {
            let (s, r) = self.pins[i];
            self.m.load(r, Mem::at(FRAME, slot_offset(s)));
        }
        self.zero_counters(false);
    }

    /// Saves the callee-saved registers holding pins and aligns the native
    /// stack (entry: `rsp` = 8 mod 16).
    pub(super) fn frame_enter(&mut self) {
        let saved = self.saved_pins();
        for &r in &saved {
            self.m.push_reg(r);
        }
        if saved.len() % 2 == 0 {
            self.m.sub_rsp(8);
        }
    }

    /// Undoes [`Self::frame_enter`].
    pub(super) fn frame_leave(&mut self) {
        let saved = self.saved_pins();
        if saved.len() % 2 == 0 {
            self.m.add_rsp(8);
        }
        for &r in saved.iter().rev() {
            self.m.pop_reg(r);
        }
    }

    pub(super) fn saved_pins(&self) -> Vec<Reg> {
        self.pins
            .iter()
            .map(|&(_, r)| r)
            .chain(self.counter_regs.iter().map(|&(_, r)| r))
            .filter(|&r| is_callee_saved(r))
            .collect()
    }

    /// Writes back the pins `keep(slot, reg)` selects.
    pub(super) fn spill_where(&mut self, keep: impl Fn(u32, Reg) -> bool) {
        for i in 0..self.pins.len() {
            let (s, r) = self.pins[i];
            if keep(s, r) {
                self.m.store(Mem::at(FRAME, slot_offset(s)), r);
            }
        }
    }

    /// Reloads the pins `keep(slot, reg)` selects.
    pub(super) fn reload_where(&mut self, keep: impl Fn(u32, Reg) -> bool) {
        for i in 0..self.pins.len() {
            let (s, r) = self.pins[i];
            if keep(s, r) {
                self.m.load(r, Mem::at(FRAME, slot_offset(s)));
            }
        }
    }

    /// Around a call of a Go function with its frame at (absolute) slot
    /// `base`: the callee reads its arguments and writes its results at
    /// `base` and up, may run the collector (which must find every
    /// pointer in memory), and clobbers the caller-saved registers.
    pub(super) fn spill_for_call(&mut self, base: u32) {
        let ptrs = &self.outer.ptr_slots;
        let ptr = |s: u32| ptrs.get(s as usize).copied().unwrap_or(true);
        let pins = self.pins.clone();
        for (s, r) in pins {
            if !is_callee_saved(r) || s >= base || ptr(s) {
                self.m.store(Mem::at(FRAME, slot_offset(s)), r);
            }
        }
        self.flush_counters(true);
    }

    pub(super) fn reload_after_call(&mut self, base: u32) {
        self.reload_where(|s, r| !is_callee_saved(r) || s >= base);
        self.zero_counters(true);
    }

    /// Slot `s` as a register operand: its pin, or loaded into `scratch`.
    pub(super) fn src(&mut self, s: u32, scratch: Reg) -> Reg {
        match self.pin(s) {
            Some(r) => r,
            None => {
                self.ld(scratch, s);
                scratch
            }
        }
    }
}
