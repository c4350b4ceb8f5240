//! The baseline compiler: one pass over a function's bytecode, each
//! instruction expanded into x86-64 that works on the interpreter's frame
//! (`FRAME` = r12 points at slot 0, `VM` = r13 at the [`JitCtx`]).
//!
//! Values live in their frame slots between instructions (no register
//! allocation yet: a later tier can keep values in registers between
//! safepoints without changing the frame contract). Integer, float, memory,
//! bounds-checked slice and frame-array instructions, calls, returns and
//! branches are expanded inline; allocation, strings, conversions, fmt and
//! panics call runtime helpers ([`super::ctx`]), which run the same code as
//! the interpreter. Every fast path that can fail (nil, bounds, zero
//! divisor, negative shift) branches to an out-of-line stub that re-runs
//! the instruction in a helper, so panics are the interpreter's.
//!
//! [`JitCtx`]: super::ctx::JitCtx

mod analysis;
mod calls;
mod inline;
mod memory;
use memory::Word;
mod out_of_line;
use out_of_line::Slow;
mod regs;

use super::ctx::{self, CTX, GLOBALS_DELTA, RSP_LIMIT, STACK_END, STEPS_LEFT};
use super::devirt::{self, SitePlan};
use super::{recompile, Jit};
use crate::bytecode::op::{jit_helper_ops, Cmp, IntKind, Op};
use crate::bytecode::{Function, Program};
pub use analysis::inline_safe;
use analysis::{
    backedge_targets, choose_pins, loop_depths, pin_aware, slots_read_unwritten, PIN_REGS,
};
use pgojit_jit::abi::{FRAME, TMP0, TMP1, TMP2, VM};
use pgojit_jit::masm::{Ext, FloatOp};
use pgojit_jit::{Assembled, Cond, Label, MacroAssembler, Mem, Reg};
use pgojit_profiler::FuncId;

/// A compiled function before it is mapped.
pub struct Output {
    pub asm: Assembled,
    pub entry: Label,
    /// OSR entries: (bytecode pc of a loop header, label).
    pub osr: Vec<(u32, Label)>,
    /// `--trace-tier` lines for the function's call sites.
    pub trace: Vec<String>,
    /// Every call site of the function and how it was compiled.
    pub sites: Vec<SiteShape>,
    /// The guards' key cells, read by the code (kept with its version).
    pub keys: Vec<Box<std::sync::atomic::AtomicU64>>,
}

/// How a call site was compiled.
#[derive(Clone, Debug)]
pub struct SiteShape {
    pub site: u32,
    pub guards: usize,
    /// `guard *main.Square (inlined)`, `guard main.A, main.B`, `indirect`.
    pub shape: String,
    /// The guarded targets, in order.
    pub targets: Vec<pgojit_profiler::Target>,
}

impl SiteShape {
    fn of(site: usize, plan: &SitePlan, prog: &Program) -> SiteShape {
        let shape = if plan.guards.is_empty() {
            "indirect".to_string()
        } else {
            let names: Vec<String> = plan
                .guards
                .iter()
                .map(|g| {
                    let _ = prog;
                    if g.inline {
                        format!("{} (inlined)", g.name)
                    } else {
                        g.name.clone()
                    }
                })
                .collect();
            format!("guard {}", names.join(", "))
        };
        SiteShape {
            site: site as u32,
            guards: plan.guards.len(),
            shape,
            targets: plan.guards.iter().map(|g| g.profile_target).collect(),
        }
    }
}

struct Emitter<'a> {
    m: MacroAssembler,
    prog: &'a Program,
    jit: &'a Jit<'a>,
    /// The function whose code is being expanded (the callee while inlining).
    func: FuncId,
    /// Slot offset of `func`'s frame from `FRAME` (non-zero while inlining).
    base: u32,
    labels: Vec<Label>,
    /// Where `Ret` goes while inlining (`None`: return from the function).
    inline_exit: Option<Label>,
    fail: Label,
    overflow: Label,
    nil: Label,
    slow: Vec<Slow>,
    trace: Vec<String>,
    sites: Vec<SiteShape>,
    /// Frame slots kept in machine registers (see [`choose_pins`]).
    pins: Vec<(u32, Reg)>,
    /// Guarded sites in loops whose call counts live in a register.
    counter_regs: Vec<(usize, Reg)>,
    /// Count calls and loop trips in compiled code.
    count: bool,
    /// Cells holding the guards' keys (addresses stay put: boxed).
    keys: Vec<Box<std::sync::atomic::AtomicU64>>,
    /// Expanding an inlined body.
    inlining: bool,
    /// The pc of the instruction being expanded (in the outer function).
    pc: usize,
    /// The function's entry (a back-edge compares it with the entry cell).
    entry: Label,
    /// Exits to recompiled code from guard misses: (label, pc of the call
    /// site, where to go on in this code when there is no new code).
    transfers: Vec<(Label, u32, Label)>,
    /// The function being compiled (not an inlined callee).
    outer: &'a Function,
    /// False while expanding an instruction that works on the frame in
    /// memory (between a spill and a reload).
    pins_active: bool,
    /// Exits taken when `--max-steps` runs out: (label, function, pc).
    step_exits: Vec<(Label, FuncId, u32)>,
    /// Exits taken when `--verify-guards` finds a wrong receiver: (label,
    /// site, the first type or function the guard stood for, closure site).
    verify_exits: Vec<(Label, usize, u64, bool)>,
}

/// Compiles `f`.
pub fn compile(jit: &Jit, prog: &Program, f: FuncId) -> Output {
    let func = prog.func(f);
    let mut m = MacroAssembler::new();
    let labels = (0..func.code.len()).map(|_| m.new_label()).collect();
    let (fail, overflow, nil, entry) = (m.new_label(), m.new_label(), m.new_label(), m.new_label());
    let mut e = Emitter {
        m,
        prog,
        jit,
        func: f,
        base: 0,
        labels,
        inline_exit: None,
        fail,
        overflow,
        nil,
        slow: Vec::new(),
        trace: Vec::new(),
        sites: Vec::new(),
        counter_regs: Vec::new(),
        pins: if jit.opts.regs {
            choose_pins(func)
        } else {
            Vec::new()
        },
        count: jit.opts.count,
        keys: Vec::new(),
        inlining: false,
        pc: 0,
        entry,
        transfers: Vec::new(),
        outer: func,
        pins_active: true,
        step_exits: Vec::new(),
        verify_exits: Vec::new(),
    };
    // Plan every call site first: inlined callees widen the frame the
    // prologue must check.
    let plans: Vec<Option<SitePlan>> = func
        .code
        .iter()
        .map(|op| op.site().map(|_| devirt::plan(jit, prog, op)))
        .collect();
    // Registers left over by the pins count calls at guarded sites in loops.
    if jit.opts.regs {
        let loops = loop_depths(func);
        let mut free = PIN_REGS
            .iter()
            .copied()
            .filter(|r| !e.pins.iter().any(|p| p.1 == *r));
        for (pc, (op, plan)) in func.code.iter().zip(&plans).enumerate() {
            let guarded = plan.as_ref().is_some_and(|p| !p.guards.is_empty());
            let Some(site) = op.site().map(|s| s.index()) else {
                continue;
            };
            if guarded && loops[pc] > 0 {
                match free.next() {
                    Some(r) => e.counter_regs.push((site, r)),
                    None => break,
                }
            }
        }
    }
    let mut need = func.frame_size;
    for (op, plan) in func.code.iter().zip(&plans) {
        if let (Some(p), Op::CallIface { base, .. }) = (plan, op) {
            for g in p.guards.iter().filter(|g| g.inline) {
                need = need.max(base + prog.func(g.target).frame_size);
            }
        }
    }
    e.m.comment(&format!(
        "function {} (frame {} slots)",
        func.name, func.frame_size
    ));
    if !e.pins.is_empty() {
        let names: Vec<String> = e.pins.iter().map(|(s, r)| format!("{s}={r}")).collect();
        e.m.comment(&format!("slots in registers: {}", names.join(" ")));
    }
    e.m.bind(entry);
    e.prologue(func, need);
    // OSR entries: loop headers (the interpreter's back-edges) and call
    // sites (older code leaves for this code at a guard miss).
    let mut osr_pcs = backedge_targets(func);
    for (pc, op) in func.code.iter().enumerate() {
        if op.site().is_some() {
            osr_pcs.push(pc as u32);
        }
    }
    osr_pcs.sort_unstable();
    osr_pcs.dedup();
    for (pc, op) in func.code.iter().enumerate() {
        e.m.bind(e.labels[pc]);
        e.m.comment(&format!("{pc:4}  {op:?}"));
        e.pc = pc;
        e.op(pc, op, plans[pc].as_ref());
    }
    e.out_of_line();
    // OSR entries: entered like a call (through `enter`, or by a jump from
    // older code that has left its frame), so they save and align as the
    // prologue does.
    let mut osr = Vec::new();
    for t in osr_pcs {
        let l = e.m.new_label();
        e.m.comment(&format!("OSR entry at {t}"));
        e.m.bind(l);
        e.frame_enter();
        e.reload_all();
        e.m.jmp(e.labels[t as usize]);
        osr.push((t, l));
    }
    let trace = std::mem::take(&mut e.trace);
    let sites = std::mem::take(&mut e.sites);
    let keys = std::mem::take(&mut e.keys);
    let asm = e.m.finish().expect("baseline code assembles");
    Output {
        asm,
        entry,
        osr,
        trace,
        sites,
        keys,
    }
}

fn cond(c: Cmp, signed: bool) -> Cond {
    match (c, signed) {
        (Cmp::Eq, _) => Cond::Eq,
        (Cmp::Ne, _) => Cond::Ne,
        (Cmp::Lt, true) => Cond::Lt,
        (Cmp::Le, true) => Cond::Le,
        (Cmp::Gt, true) => Cond::Gt,
        (Cmp::Ge, true) => Cond::Ge,
        (Cmp::Lt, false) => Cond::Below,
        (Cmp::Le, false) => Cond::BelowEq,
        (Cmp::Gt, false) => Cond::Above,
        (Cmp::Ge, false) => Cond::AboveEq,
    }
}

fn negate(c: Cond) -> Cond {
    match c {
        Cond::Eq => Cond::Ne,
        Cond::Ne => Cond::Eq,
        Cond::Lt => Cond::Ge,
        Cond::Le => Cond::Gt,
        Cond::Gt => Cond::Le,
        Cond::Ge => Cond::Lt,
        Cond::Below => Cond::AboveEq,
        Cond::BelowEq => Cond::Above,
        Cond::Above => Cond::BelowEq,
        Cond::AboveEq => Cond::Below,
        Cond::Parity => Cond::NoParity,
        Cond::NoParity => Cond::Parity,
    }
}

impl Emitter<'_> {
    fn prologue(&mut self, f: &Function, need: u32) {
        self.frame_enter();
        if self.jit.opts.steps {
            self.take_step(self.func, 0);
        }
        // Only calls deepen the native stack; a leaf stays within the
        // margin its caller checked.
        let calls = f.code.iter().any(|op| op.facts().call);
        if calls {
            self.m.cmp_rsp_mem(Mem::at(VM, RSP_LIMIT));
            self.m.jcc(Cond::Below, self.overflow);
        }
        self.m.lea(TMP0, Mem::at(FRAME, (need * 8) as i32));
        self.m.load(TMP1, Mem::at(VM, STACK_END));
        self.m.cmp(TMP0, TMP1);
        self.m.jcc(Cond::Above, self.overflow);
        // Go zeroes a frame's locals; a straight-line body only needs the
        // slots it reads before writing (with the JIT on, the collector
        // scans frames conservatively, so stale words are harmless).
        if f.code.iter().any(|op| op.target().is_some()) {
            self.zero_mem(f.param_words, f.frame_size - f.param_words);
        } else {
            for s in slots_read_unwritten(f) {
                self.zero_mem(s, 1);
            }
        }
        if self.count {
            let calls = self.jit.counters.calls_addr(self.func);
            self.m.bump(TMP0, calls);
        }
        self.reload_all();
    }

    fn ret(&mut self) {
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
                self.frame_leave();
                self.m.ret();
            }
        }
    }

    /// A branch to bytecode `t` from `pc`; back-edges count a loop trip
    /// (when counting).
    fn branch(&mut self, c: Option<Cond>, pc: usize, t: u32) {
        let target = self.labels[t as usize];
        let back = (t as usize) <= pc && !self.inlining;
        let (count, step) = (back && self.count, back && self.jit.opts.steps);
        if !count && !step {
            match c {
                Some(c) => self.m.jcc(c, target),
                None => self.m.jmp(target),
            }
            return;
        }
        let skip = self.m.new_label();
        if let Some(c) = c {
            self.m.jcc(negate(c), skip);
        }
        if count {
            let addr = self.jit.counters.loops_addr(self.func);
            self.m.bump(TMP0, addr);
        }
        if step {
            self.take_step(self.func, pc as u32);
        }
        self.m.jmp(target);
        self.m.bind(skip);
    }

    /// One step of `--max-steps` (a function entry: `pc` 0, or the
    /// back-edge at `pc`); out of line when none is left.
    fn take_step(&mut self, f: FuncId, pc: u32) {
        let out = self.m.new_label();
        self.step_exits.push((out, f, pc));
        self.m.add_mem_imm(Mem::at(VM, STEPS_LEFT), -1);
        self.m.jcc(Cond::Lt, out);
    }

    /// `d = a op b`, with `f(m, x, y)` emitting `x op= y`; in place when
    /// `d` and `a` share a register.
    fn binop(&mut self, d: u32, a: u32, b: u32, f: impl FnOnce(&mut MacroAssembler, Reg, Reg)) {
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

    fn fbinop(&mut self, d: u32, a: u32, b: u32, op: FloatOp) {
        self.ld(TMP0, a);
        self.ld(TMP1, b);
        self.m.to_xmm(0, TMP0);
        self.m.to_xmm(1, TMP1);
        self.m.float_op(op);
        self.m.from_xmm(TMP0, 0);
        self.st(d, TMP0);
    }

    fn op(&mut self, pc: usize, op: &Op, plan: Option<&SitePlan>) {
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

    fn op_inner(&mut self, pc: usize, op: &Op, plan: Option<&SitePlan>) {
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
            Op::Shl { d, a, b } | Op::ShrU { d, a, b } => {
                let (big, done) = (self.m.new_label(), self.m.new_label());
                self.ld(TMP1, b);
                self.ld(TMP0, a);
                self.m.cmp(TMP1, 64);
                self.m.jcc(Cond::AboveEq, big);
                if matches!(op, Op::Shl { .. }) {
                    self.m.shl_cl(TMP0);
                } else {
                    self.m.shr_cl(TMP0);
                }
                self.m.jmp(done);
                self.m.bind(big);
                self.m.mov_imm(TMP0, 0);
                self.m.bind(done);
                self.st(d, TMP0);
            }
            Op::ShrS { d, a, b } => {
                let ok = self.m.new_label();
                self.ld(TMP1, b);
                self.ld(TMP0, a);
                self.m.cmp(TMP1, 63);
                self.m.jcc(Cond::BelowEq, ok);
                self.m.mov_imm(TMP1, 63);
                self.m.bind(ok);
                self.m.sar_cl(TMP0);
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
                let ext = match k {
                    IntKind::I8 => Ext::S8,
                    IntKind::I16 => Ext::S16,
                    IntKind::I32 => Ext::S32,
                    IntKind::U8 => Ext::U8,
                    IntKind::U16 => Ext::U16,
                    IntKind::U32 => Ext::U32,
                };
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
                // NaN compares unordered: only `!=` holds.
                match c {
                    Cmp::Lt => {
                        self.m.ucomisd(1, 0);
                        self.m.set(Cond::Above, TMP0);
                    }
                    Cmp::Le => {
                        self.m.ucomisd(1, 0);
                        self.m.set(Cond::AboveEq, TMP0);
                    }
                    Cmp::Gt => {
                        self.m.ucomisd(0, 1);
                        self.m.set(Cond::Above, TMP0);
                    }
                    Cmp::Ge => {
                        self.m.ucomisd(0, 1);
                        self.m.set(Cond::AboveEq, TMP0);
                    }
                    Cmp::Eq => {
                        self.m.ucomisd(0, 1);
                        self.m.set(Cond::Eq, TMP0);
                        self.m.set(Cond::NoParity, TMP1);
                        self.m.and(TMP0, TMP1);
                    }
                    Cmp::Ne => {
                        self.m.ucomisd(0, 1);
                        self.m.set(Cond::Ne, TMP0);
                        self.m.set(Cond::Parity, TMP1);
                        self.m.or(TMP0, TMP1);
                    }
                }
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
                self.ld(TMP0, p);
                self.m.test(TMP0, TMP0);
                self.m.je(self.nil);
                self.copy(
                    n,
                    false,
                    |i| Word::Mem(Mem::at(TMP0, ((off + i) * 8) as i32)),
                    |i| Word::Slot(d + i),
                );
            }
            Op::Store { p, off, s, n } => {
                self.ld(TMP0, p);
                self.m.test(TMP0, TMP0);
                self.m.je(self.nil);
                self.copy(
                    n,
                    false,
                    |i| Word::Slot(s + i),
                    |i| Word::Mem(Mem::at(TMP0, ((off + i) * 8) as i32)),
                );
            }
            Op::AddrOff { d, p, off } => {
                self.ld(TMP0, p);
                self.m.test(TMP0, TMP0);
                self.m.je(self.nil);
                self.m.add_imm(TMP0, (off * 8) as i32);
                self.st(d, TMP0);
            }
            Op::LoadG { d, addr, n } => {
                self.global_addr(addr);
                self.copy(
                    n,
                    false,
                    |i| Word::Mem(Mem::at(TMP0, (i * 8) as i32)),
                    |i| Word::Slot(d + i),
                );
            }
            Op::StoreG { addr, s, n } => {
                self.global_addr(addr);
                self.copy(
                    n,
                    false,
                    |i| Word::Slot(s + i),
                    |i| Word::Mem(Mem::at(TMP0, (i * 8) as i32)),
                );
            }
            Op::SliceAddr { d, s, i, stride } => {
                self.slice_elem(op, s, i, stride);
                self.st(d, TMP0);
            }
            Op::SliceLoad {
                d,
                s,
                i,
                stride,
                off,
                n,
            } => {
                self.slice_elem(op, s, i, stride);
                self.copy(
                    n,
                    false,
                    |k| Word::Mem(Mem::at(TMP0, ((off + k) * 8) as i32)),
                    |k| Word::Slot(d + k),
                );
            }
            Op::SliceStore {
                s,
                i,
                v,
                stride,
                off,
                n,
            } => {
                self.slice_elem(op, s, i, stride);
                self.copy(
                    n,
                    false,
                    |k| Word::Slot(v + k),
                    |k| Word::Mem(Mem::at(TMP0, ((off + k) * 8) as i32)),
                );
            }
            Op::FrameLoadIdx {
                d,
                base,
                i,
                len,
                stride,
                off,
                n,
            } => {
                self.frame_elem(op, base, i, len, stride);
                self.copy(
                    n,
                    false,
                    |k| Word::Mem(Mem::at(TMP0, ((off + k) * 8) as i32)),
                    |k| Word::Slot(d + k),
                );
            }
            Op::FrameStoreIdx {
                base,
                i,
                v,
                len,
                stride,
                off,
                n,
            } => {
                self.frame_elem(op, base, i, len, stride);
                self.copy(
                    n,
                    false,
                    |k| Word::Slot(v + k),
                    |k| Word::Mem(Mem::at(TMP0, ((off + k) * 8) as i32)),
                );
            }
            Op::FrameLoadDyn { d, base, o, off, n } => {
                self.ld(TMP0, o);
                self.m.imul_imm(TMP0, TMP0, 8);
                let m = self.slot(base);
                self.m.lea(TMP1, m);
                self.m.add(TMP0, TMP1);
                self.copy(
                    n,
                    false,
                    |k| Word::Mem(Mem::at(TMP0, ((off + k) * 8) as i32)),
                    |k| Word::Slot(d + k),
                );
            }
            Op::FrameStoreDyn { base, o, off, v, n } => {
                self.ld(TMP0, o);
                self.m.imul_imm(TMP0, TMP0, 8);
                let m = self.slot(base);
                self.m.lea(TMP1, m);
                self.m.add(TMP0, TMP1);
                self.copy(
                    n,
                    false,
                    |k| Word::Slot(v + k),
                    |k| Word::Mem(Mem::at(TMP0, ((off + k) * 8) as i32)),
                );
            }
            Op::CheckIndex { i, len } => {
                let slow = self.slow_path(op);
                self.ld(TMP0, i);
                self.m.mov_imm(TMP1, len as u64);
                self.m.cmp(TMP0, TMP1);
                self.m.jcc(Cond::AboveEq, slow);
            }
            jit_helper_ops!() => self.call_op_helper(op),
            Op::Call { func, base } => self.call_direct(func, base),
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
                self.ld(TMP0, p);
                self.m.test(TMP0, TMP0);
                self.m.je(self.nil);
                self.m.load(TMP0, Mem::at(TMP0, (off * 8) as i32));
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
                self.branch(Some(negate(cond(c, signed))), pc, t);
            }
            Op::JfCmpImm { a, imm, c, t } => {
                self.cmp_imm(a, imm);
                self.branch(Some(negate(cond(c, true))), pc, t);
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
    fn cmp_imm(&mut self, a: u32, imm: i64) {
        let x = self.src(a, TMP0);
        if let Ok(i) = i32::try_from(imm) {
            self.m.cmp(x, i);
        } else {
            self.m.mov_imm(TMP1, imm as u64);
            self.m.cmp(x, TMP1);
        }
    }
}
