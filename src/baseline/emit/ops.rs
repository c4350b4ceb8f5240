//! The expansion of each instruction: one exhaustive `match` over [`Op`]
//! (no default arm: a new opcode does not compile until it is handled
//! here), each arm a few lines that name what the instruction does, with
//! the integer, float and control-flow helpers they share. Memory access
//! is in [`super::memory`], calls in [`super::calls`], instructions run by
//! a runtime helper are the table's [`jit_helper_ops!`] pattern.

use super::analysis::pin_aware;
use super::memory::{word, word_offset};
use super::Emitter;
use crate::bytecode::frame::{CTX, STEPS_LEFT};
use crate::bytecode::op::{jit_helper_ops, Op};
use crate::tier::devirt::SitePlan;
use crate::tier::machine::{shift_by_count, Shift};
use pgojit_jit::abi::{FRAME, RET, TMP0, TMP1, TMP2, VM};
use pgojit_jit::masm::{Ext, FloatOp};
use pgojit_jit::{Cond, MacroAssembler, Mem, Reg};
use pgojit_profiler::FuncId;

pub(super) use crate::tier::machine::int_cond as cond;

impl Emitter<'_> {
    pub(super) fn ret(&mut self) {
        if self.inlining && self.inline_exit.is_none() {
            // The last return of a straight-line inlined body: fall through.
            return;
        }
        match self.inline_exit {
            Some(l) => self.m.jmp(l),
            None => {
                // The caller reads the results from memory; the rest of
                // the frame is dead.
                let results = self.outer.result_words;
                self.spill_where(|s, _| s < results);
                self.flush_counters(false);
                // The first result word also in `RET` (compiled callers
                // read it there).
                if results > 0 {
                    self.m.load(RET, Mem::at(FRAME, 0));
                }
                self.frame_leave();
                self.m.ret();
                self.m.set_depth(self.frame_depth);
            }
        }
    }

    /// A branch to bytecode `t` from `pc`; back-edges count a loop trip
    /// (when counting).
    pub(super) fn branch(&mut self, c: Option<Cond>, pc: usize, t: u32) {
        let target = self.labels[t as usize];
        let back = (t as usize) <= pc && !self.inlining;
        let (count, step) = (back && self.count, back && self.jit.opts.steps);
        let hot = back && self.budget.is_some();
        if !count && !step && !hot {
            match c {
                Some(c) => self.m.jcc(c, target),
                None => self.m.jmp(target),
            }
            return;
        }
        let skip = self.m.new_label();
        if let Some(c) = c {
            self.m.jcc(c.negate(), skip);
        }
        if count {
            let addr = self.jit.counters.loops_addr(self.func);
            self.m.bump(TMP0, addr);
        }
        if step {
            self.take_step(self.func, pc as u32);
        }
        if hot {
            self.spend_budget(t, target);
        }
        self.m.jmp(target);
        self.m.bind(skip);
    }

    /// One step of `--max-steps` (a function entry: `pc` 0, or the
    /// back-edge at `pc`); out of line when none is left.
    pub(super) fn take_step(&mut self, f: FuncId, pc: u32) {
        let out = self.m.new_label();
        self.step_exits.push((out, f, pc));
        self.m.add_mem_imm(Mem::at(VM, STEPS_LEFT), -1);
        self.m.jcc(Cond::Lt, out);
    }

    /// `d = a op b`, with `f(m, x, y)` emitting `x op= y`; in place when
    /// `d` and `a` share a register.
    pub(super) fn binop(
        &mut self,
        d: u32,
        a: u32,
        b: u32,
        f: impl FnOnce(&mut MacroAssembler, Reg, Reg),
    ) {
        if let (Some(rd), Some(ra)) = (self.pin(d), self.pin(a)) {
            if rd == ra {
                let rb = self.src(b, TMP1);
                f(&mut self.m, rd, rb);
                return;
            }
        }
        self.ld(TMP0, a);
        let rb = self.src(b, TMP1);
        f(&mut self.m, TMP0, rb);
        self.st(d, TMP0);
    }

    pub(super) fn fbinop(&mut self, d: u32, a: u32, b: u32, op: FloatOp) {
        self.ld(TMP0, a);
        self.ld(TMP1, b);
        self.m.to_xmm(0, TMP0);
        self.m.to_xmm(1, TMP1);
        self.m.float_op(op);
        self.m.from_xmm(TMP0, 0);
        self.st(d, TMP0);
    }

    pub(super) fn op(&mut self, pc: usize, op: &Op, plan: Option<&SitePlan>) {
        if let Op::Alloc { d, n, layout } = *op {
            if self.alloc_inline(op, d, n, layout) {
                return;
            }
        }
        if self.pins.is_empty() || pin_aware(op) {
            self.op_inner(pc, op, plan);
        } else {
            self.spill_all();
            self.pins_active = false;
            self.op_inner(pc, op, plan);
            self.pins_active = true;
            self.reload_all();
        }
    }

    pub(super) fn op_inner(&mut self, pc: usize, op: &Op, plan: Option<&SitePlan>) {
        match *op {
            Op::Const { d, v } => {
                if let Some(r) = self.pin(d) {
                    self.m.mov_imm(r, v);
                } else if let Ok(i) = i32::try_from(v as i64) {
                    let m = self.slot(d);
                    self.m.store_imm(m, i);
                } else {
                    self.m.mov_imm(TMP0, v);
                    self.st(d, TMP0);
                }
            }
            Op::Zero { d, n } => self.zero(d, n),
            Op::Move { d, s } => {
                self.ld(TMP0, s);
                self.st(d, TMP0);
            }
            Op::MoveN { d, s, n } => self.move_slots(d, s, n),
            Op::AddI { d, a, b } => self.binop(d, a, b, |m, x, y| m.add(x, y)),
            Op::AddImm { d, a, imm }
                if self.pin(d).is_some()
                    && self.pin(d) == self.pin(a)
                    && i32::try_from(imm).is_ok() =>
            {
                let r = self.pin(d).expect("pinned");
                self.m.add_imm(r, imm as i32);
            }
            Op::AddImm { d, a, imm } => {
                self.ld(TMP0, a);
                if let Ok(i) = i32::try_from(imm) {
                    self.m.add_imm(TMP0, i);
                } else {
                    self.m.mov_imm(TMP1, imm as u64);
                    self.m.add(TMP0, TMP1);
                }
                self.st(d, TMP0);
            }
            Op::AndImm { d, a, imm } => match i32::try_from(imm) {
                Ok(i) if self.pin(d).is_some() && self.pin(d) == self.pin(a) => {
                    let r = self.pin(d).expect("pinned");
                    self.m.and_imm(r, i);
                }
                Ok(i) => {
                    self.ld(TMP0, a);
                    self.m.and_imm(TMP0, i);
                    self.st(d, TMP0);
                }
                Err(_) => {
                    self.ld(TMP0, a);
                    self.m.mov_imm(TMP1, imm as u64);
                    self.m.and(TMP0, TMP1);
                    self.st(d, TMP0);
                }
            },
            Op::MulImm { d, a, imm } => match i32::try_from(imm) {
                Ok(i) => {
                    let x = self.src(a, TMP0);
                    match self.pin(d) {
                        Some(r) => self.m.imul_imm(r, x, i),
                        None => {
                            self.m.imul_imm(TMP0, x, i);
                            self.st(d, TMP0);
                        }
                    }
                }
                Err(_) => {
                    self.ld(TMP0, a);
                    self.m.mov_imm(TMP1, imm as u64);
                    self.m.imul(TMP0, TMP1);
                    self.st(d, TMP0);
                }
            },
            Op::LoadAddI { t, p, off, d, a, b } => {
                self.op_inner(pc, &Op::Load { d: t, p, off, n: 1 }, plan);
                self.binop(d, a, b, |m, x, y| m.add(x, y));
            }
            // The verifier proved the fused test follows at pc + 1: the
            // increment falls through to it, as the unfused pair did.
            Op::AddImmJfCmpI { d, a, imm, .. } | Op::AddImmJfCmpImm { d, a, imm, .. } => {
                self.op_inner(pc, &Op::AddImm { d, a, imm }, plan)
            }
            // The mask, then the load; its slow path re-runs the fused op.
            #[rustfmt::skip]
            Op::AndImmSliceLoad { m, a, imm, d, s, stride, off, n } => {
                self.op_inner(pc, &Op::AndImm { d: m, a, imm }, plan);
                self.slice_elem(op, s, m, stride);
                self.load_words(d, off, n);
            }
            // A masked value scaled, fused calls and returns: their parts,
            // in order (a call site's plan goes to its call part). None of
            // these parts takes a slow path, which would keep a pointer to
            // the (temporary) part.
            Op::AndImmMulImm { .. }
            | Op::MoveCall { .. }
            | Op::MoveCallIface { .. }
            | Op::AddIRet { .. }
            | Op::LoadAddIRet { .. } => {
                for part in crate::bytecode::peephole::parts(op).expect("a fused op") {
                    self.op_inner(pc, &part, plan);
                }
            }
            Op::SubI { d, a, b } => self.binop(d, a, b, |m, x, y| m.sub(x, y)),
            Op::MulI { d, a, b } => self.binop(d, a, b, |m, x, y| m.imul(x, y)),
            Op::And { d, a, b } => self.binop(d, a, b, |m, x, y| m.and(x, y)),
            Op::Or { d, a, b } => self.binop(d, a, b, |m, x, y| m.or(x, y)),
            Op::Xor { d, a, b } => self.binop(d, a, b, |m, x, y| m.xor(x, y)),
            Op::AndNot { d, a, b } => self.binop(d, a, b, |m, x, y| {
                // `y` may be a pinned register: complement a copy.
                m.mov(TMP2, y);
                m.not(TMP2);
                m.and(x, TMP2);
            }),
            Op::DivS { d, a, b } | Op::RemS { d, a, b } => {
                let rem = matches!(op, Op::RemS { .. });
                let slow = self.slow_path(op);
                let (minus1, done) = (self.m.new_label(), self.m.new_label());
                self.ld(TMP0, a);
                self.ld(TMP1, b);
                self.m.test(TMP1, TMP1);
                self.m.je(slow);
                self.m.cmp(TMP1, -1);
                self.m.je(minus1);
                self.m.idiv(TMP1);
                self.st(d, if rem { TMP2 } else { TMP0 });
                self.m.jmp(done);
                // x / -1 wraps (MinInt64 / -1 == MinInt64) and x % -1 == 0,
                // where `idiv` would trap.
                self.m.bind(minus1);
                if rem {
                    self.m.mov_imm(TMP0, 0);
                } else {
                    self.m.neg(TMP0);
                }
                self.st(d, TMP0);
                self.m.bind(done);
            }
            Op::DivU { d, a, b } | Op::RemU { d, a, b } => {
                let rem = matches!(op, Op::RemU { .. });
                let slow = self.slow_path(op);
                self.ld(TMP0, a);
                self.ld(TMP1, b);
                self.m.test(TMP1, TMP1);
                self.m.je(slow);
                self.m.udiv(TMP1);
                self.st(d, if rem { TMP2 } else { TMP0 });
            }
            Op::Shl { d, a, b } | Op::ShrU { d, a, b } | Op::ShrS { d, a, b } => {
                self.ld(TMP1, b);
                self.ld(TMP0, a);
                let kind = match op {
                    Op::Shl { .. } => Shift::Left,
                    Op::ShrS { .. } => Shift::RightSigned,
                    _ => Shift::Right,
                };
                shift_by_count(&mut self.m, kind);
                self.st(d, TMP0);
            }
            Op::CheckShift { s } => {
                let slow = self.slow_path(op);
                self.ld(TMP0, s);
                self.m.cmp(TMP0, 0);
                self.m.jcc(Cond::Lt, slow);
            }
            Op::NegI { d, s } => {
                self.ld(TMP0, s);
                self.m.neg(TMP0);
                self.st(d, TMP0);
            }
            Op::NotI { d, s } => {
                self.ld(TMP0, s);
                self.m.not(TMP0);
                self.st(d, TMP0);
            }
            Op::Not { d, s } => {
                self.ld(TMP0, s);
                self.m.test(TMP0, TMP0);
                self.m.set(Cond::Eq, TMP0);
                self.st(d, TMP0);
            }
            Op::Trunc { d, s, k } => {
                self.ld(TMP0, s);
                let ext = crate::tier::machine::trunc_ext(k);
                self.m.extend(ext, TMP0, TMP0);
                self.st(d, TMP0);
            }
            Op::CmpI { d, a, b, c, signed } => {
                self.ld(TMP0, a);
                self.ld(TMP1, b);
                self.m.cmp(TMP0, TMP1);
                self.m.set(cond(c, signed), TMP0);
                self.st(d, TMP0);
            }
            Op::CmpImm { d, a, imm, c } => {
                self.cmp_imm(a, imm);
                self.m.set(cond(c, true), TMP0);
                self.st(d, TMP0);
            }
            Op::AddF { d, a, b } => self.fbinop(d, a, b, FloatOp::Add),
            Op::SubF { d, a, b } => self.fbinop(d, a, b, FloatOp::Sub),
            Op::MulF { d, a, b } => self.fbinop(d, a, b, FloatOp::Mul),
            Op::DivF { d, a, b } => self.fbinop(d, a, b, FloatOp::Div),
            Op::NegF { d, s } => {
                self.ld(TMP0, s);
                self.m.mov_imm(TMP1, 1 << 63);
                self.m.xor(TMP0, TMP1);
                self.st(d, TMP0);
            }
            Op::CmpF { d, a, b, c } => {
                self.ld(TMP0, a);
                self.ld(TMP1, b);
                self.m.to_xmm(0, TMP0);
                self.m.to_xmm(1, TMP1);
                crate::tier::machine::set_float_cmp(&mut self.m, c, TMP0, TMP1);
                self.st(d, TMP0);
            }
            Op::RoundF32 { d, s } => {
                self.ld(TMP0, s);
                self.m.to_xmm(0, TMP0);
                self.m.round_f32(0, 0);
                self.m.from_xmm(TMP0, 0);
                self.st(d, TMP0);
            }
            Op::IToF { d, s, signed } => {
                self.ld(TMP0, s);
                if signed {
                    self.m.cvt_i2f(TMP0);
                    self.m.from_xmm(TMP0, 0);
                    self.st(d, TMP0);
                } else {
                    self.call_op_helper(op);
                }
            }
            Op::FToI {
                d, s, w32: true, ..
            } => {
                // cvttsd2si r32 gives MinInt32 out of range, as Go's code.
                self.ld(TMP0, s);
                self.m.to_xmm(0, TMP0);
                self.m.cvt_f2i32(TMP0);
                self.m.extend(Ext::S32, TMP0, TMP0);
                self.st(d, TMP0);
            }
            Op::FToI { d, s, signed, .. } => {
                if signed {
                    // cvttsd2si gives MinInt64 for NaN and out-of-range
                    // values, as Go on amd64 does.
                    self.ld(TMP0, s);
                    self.m.to_xmm(0, TMP0);
                    self.m.cvt_f2i(TMP0);
                    self.st(d, TMP0);
                } else {
                    self.call_op_helper(op);
                }
            }
            Op::Load { d, p, off, n } => {
                self.deref(p);
                self.load_words(d, off, n);
            }
            Op::Store { p, off, s, n } => {
                self.deref(p);
                self.store_words(off, s, n);
            }
            Op::AddrOff { d, p, off } => {
                self.deref(p);
                self.m.add_imm(TMP0, word_offset(off));
                self.st(d, TMP0);
            }
            Op::LoadG { d, addr, n } => {
                self.global_addr(addr);
                self.load_words(d, 0, n);
            }
            Op::StoreG { addr, s, n } => {
                self.global_addr(addr);
                self.store_words(0, s, n);
            }
            Op::SliceAddr { d, s, i, stride } => {
                self.slice_elem(op, s, i, stride);
                self.st(d, TMP0);
            }
            #[rustfmt::skip]
            Op::SliceLoad { d, s, i, stride, off, n } => {
                self.slice_elem(op, s, i, stride);
                self.load_words(d, off, n);
            }
            #[rustfmt::skip]
            Op::SliceStore { s, i, v, stride, off, n } => {
                self.slice_elem(op, s, i, stride);
                self.store_words(off, v, n);
            }
            Op::SliceLoadB { d, s, i } => {
                self.slice_byte(op, s, i);
                self.m.load8(TMP0, Mem::at(TMP0, 0));
                self.st(d, TMP0);
            }
            Op::SliceStoreB { s, i, v } => {
                self.slice_byte(op, s, i);
                let r = self.src(v, TMP1);
                self.m.store8(Mem::at(TMP0, 0), r);
            }
            #[rustfmt::skip]
            Op::FrameLoadIdx { d, base, i, len, stride, off, n } => {
                self.frame_elem(op, base, i, len, stride);
                self.load_words(d, off, n);
            }
            #[rustfmt::skip]
            Op::FrameStoreIdx { base, i, v, len, stride, off, n } => {
                self.frame_elem(op, base, i, len, stride);
                self.store_words(off, v, n);
            }
            Op::FrameLoadDyn { d, base, o, off, n } => {
                self.frame_dyn_elem(base, o);
                self.load_words(d, off, n);
            }
            Op::FrameStoreDyn { base, o, off, v, n } => {
                self.frame_dyn_elem(base, o);
                self.store_words(off, v, n);
            }
            Op::CheckIndex { i, len } => {
                let slow = self.slow_path(op);
                self.ld(TMP0, i);
                self.m.mov_imm(TMP1, len as u64);
                self.m.cmp(TMP0, TMP1);
                self.m.jcc(Cond::AboveEq, slow);
            }
            jit_helper_ops!() => self.call_op_helper(op),
            Op::Call { func, base, edge } => {
                if self.count && edge != pgojit_profiler::EdgeId::NONE {
                    let addr = self.jit.counters.edge_addr(edge);
                    self.m.bump(TMP0, addr);
                }
                self.call_direct(func, base)
            }
            Op::CallClosure { f, base, site } => {
                self.call_closure(f, base, site.index(), plan.expect("site planned"))
            }
            Op::CallIface {
                recv,
                method,
                base,
                site,
            } => self.call_iface(
                recv,
                method,
                base,
                site.index(),
                plan.expect("site planned"),
            ),
            Op::LoadCtx { d } => {
                self.m.load(TMP0, Mem::at(VM, CTX));
                self.st(d, TMP0);
            }
            Op::AddrG { d, addr } => {
                self.global_addr(addr);
                self.st(d, TMP0);
            }
            Op::RetLoad { p, off } => {
                self.deref(p);
                self.m.load(TMP0, word(TMP0, off));
                self.st(0, TMP0);
                self.ret();
            }
            Op::Ret { s, n } => {
                self.move_slots(0, s, n);
                self.ret();
            }
            Op::Jmp { t } => self.branch(None, pc, t),
            Op::JfCmpI { a, b, c, signed, t } => {
                let (x, y) = (self.src(a, TMP0), self.src(b, TMP1));
                self.m.cmp(x, y);
                self.branch(Some(cond(c, signed).negate()), pc, t);
            }
            Op::JfCmpImm { a, imm, c, t } => {
                self.cmp_imm(a, imm);
                self.branch(Some(cond(c, true).negate()), pc, t);
            }
            Op::Jz { c, t } => {
                let x = self.src(c, TMP0);
                self.m.test(x, x);
                self.branch(Some(Cond::Eq), pc, t);
            }
            Op::Jnz { c, t } => {
                let x = self.src(c, TMP0);
                self.m.test(x, x);
                self.branch(Some(Cond::Ne), pc, t);
            }
        }
    }

    /// `cmp slot a, imm` (any 64-bit immediate).
    pub(super) fn cmp_imm(&mut self, a: u32, imm: i64) {
        let x = self.src(a, TMP0);
        if let Ok(i) = i32::try_from(imm) {
            self.m.cmp(x, i);
        } else {
            self.m.mov_imm(TMP1, imm as u64);
            self.m.cmp(x, TMP1);
        }
    }
}
