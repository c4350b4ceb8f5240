//! The baseline compiler: one pass over a function's bytecode, each
//! instruction expanded into x86-64 that works on the interpreter's frame
//! (`FRAME` = r12 points at slot 0, `VM` = r13 at the [`JitCtx`]).
//!
//! The frame in memory is the contract: the interpreter, compiled code and
//! the collector all read it. Within that contract the hottest one-word
//! slots are pinned to registers for the whole function (`analysis`
//! chooses them, `regs` keeps them), written back before every call,
//! helper and return and reloaded after. Integer, float, memory,
//! bounds-checked slice and frame-array instructions, calls, returns and
//! branches are expanded inline; allocation, strings, conversions, fmt and
//! panics call runtime helpers (`crate::tier::runtime`), which run the same code as
//! the interpreter. Every fast path that can fail (nil, bounds, zero
//! divisor, negative shift) branches to an out-of-line stub that re-runs
//! the instruction in a helper, so panics are the interpreter's.
//!
//! This file holds the [`Emitter`] and the driver ([`compile`]: plan the
//! call sites, choose pins, prologue, every instruction, out-of-line code,
//! OSR entries). The rest, by concept:
//!
//! | file | owns |
//! |---|---|
//! | `analysis.rs` | loop headers and depths, pin choice, `inline_safe`, `pin_aware`, slots a leaf reads before writing |
//! | `regs.rs` | `ld`/`st` of a slot (its register or memory), spills and reloads, counter registers, the native frame's saves |
//! | `ops.rs` | the exhaustive `match` over `Op`: one arm per instruction; integer, float and branch helpers |
//! | `memory.rs` | addresses (heap objects, slices, frame arrays, package variables) and word copies to and from slots |
//! | `calls.rs` | direct calls, interface and function-value sites: the guard chain, misses, stress hooks, `--verify-guards` |
//! | `inline.rs` | guarded leaves expanded in place |
//! | `out_of_line.rs` | helper calls, panic paths, moves to recompiled code, the shared exits |
//!
//! [`JitCtx`]: crate::bytecode::frame::JitCtx

mod analysis;
mod calls;
mod inline;
mod memory;
mod ops;
mod out_of_line;
mod regs;

// The tier layer's services and the frame contract, imported once here
// for the files above.
use crate::bytecode::frame::{GLOBALS_DELTA, RSP_LIMIT, STACK_END};
use crate::tier::compiler::{Output, SiteShape};
use crate::tier::devirt::site_shape;
use crate::tier::devirt::{self, SitePlan};
use crate::tier::{counters, runtime, Jit, SITE_ENTRY};

use crate::bytecode::entry::slots_read_unwritten;
use crate::bytecode::op::Op;
use crate::bytecode::{slot_offset, Function, Program};
pub use analysis::inline_safe;
use analysis::{choose_pins, loop_depths, PIN_REGS};
use out_of_line::Slow;
use pgojit_jit::abi::{FRAME, PARAMS, TMP0, VM};
use pgojit_jit::{Cond, Label, MacroAssembler, Mem, Reg};
use pgojit_profiler::FuncId;

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
    /// The nil-panic exits, one per location (call-site tag) that has one,
    /// so a traceback names the line that dereferenced nil.
    nil_exits: Vec<(u32, Label)>,
    /// Bytes the prologue pushes: the native stack depth of the body.
    frame_depth: i32,
    /// The frames an inlined body is expanded in: (function, pc of the
    /// call), innermost last.
    inlined_at: Vec<(u32, u32)>,
    slow: Vec<Slow>,
    trace: Vec<String>,
    sites: Vec<SiteShape>,
    /// Frame slots kept in machine registers (see [`choose_pins`]).
    pins: Vec<(u32, Reg)>,
    /// Guarded sites in loops whose call counts live in a register.
    counter_regs: Vec<(usize, Reg)>,
    /// Count calls and loop trips in compiled code.
    count: bool,
    /// Cells holding the guards' keys.
    keys: Vec<crate::tier::keycell::KeyCell>,
    /// Expanding an inlined body.
    inlining: bool,
    /// The pc of the instruction being expanded (in the outer function).
    pc: usize,
    /// The function's entry (a back-edge compares it with the entry cell).
    entry: Label,
    /// Exits to recompiled code from guard misses: (label, pc of the call
    /// site, where to go on in this code when there is no new code).
    transfers: Vec<(Label, u32, Label)>,
    /// Per call site: the entry code leaving an older version at the
    /// site's miss continues at ([`SITE_ENTRY`]` | pc`).
    site_entries: Vec<(u32, Label)>,
    /// The function being compiled (not an inlined callee).
    outer: &'a Function,
    /// False while expanding an instruction that works on the frame in
    /// memory (between a spill and a reload).
    pins_active: bool,
    /// Exits taken when `--max-steps` runs out: (label, function, pc).
    step_exits: Vec<(Label, FuncId, u32)>,
    /// The cell this code counts its calls and back-edges down in, when a
    /// higher tier may take the function over.
    budget: Option<u64>,
    /// Exits taken when the budget runs out: (label, loop header pc or 0
    /// at the entry, where to go on in this code).
    hot_exits: Vec<(Label, u32, Label)>,
    /// Exits taken when `--verify-guards` finds a wrong receiver: (label,
    /// site, the first type or function the guard stood for, closure site).
    verify_exits: Vec<(Label, usize, u64, bool)>,
}

/// Compiles `f`.
pub fn compile(jit: &Jit, prog: &Program, f: FuncId) -> Output {
    let func = prog.func(f);
    let mut m = MacroAssembler::new();
    let labels = (0..func.code.len()).map(|_| m.new_label()).collect();
    let (fail, overflow, entry) = (m.new_label(), m.new_label(), m.new_label());
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
        nil_exits: Vec::new(),
        frame_depth: 0,
        inlined_at: Vec::new(),
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
        site_entries: Vec::new(),
        outer: func,
        pins_active: true,
        step_exits: Vec::new(),
        budget: jit.budget_addr(f),
        hot_exits: Vec::new(),
        verify_exits: Vec::new(),
    };
    // Plan every call site first: inlined callees widen the frame the
    // prologue must check.
    let plans: Vec<Option<SitePlan>> = func
        .code
        .iter()
        .map(|op| {
            op.site()
                .map(|_| devirt::plan(jit, prog, op, &|f| super::inlinable(prog, f)))
        })
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
        if let (Some(p), Op::CallIface { base, .. } | Op::MoveCallIface { base, .. }) = (plan, op) {
            for g in p.guards.iter().filter(|g| g.inline) {
                need = need.max(base + prog.func(g.target).frame_size);
            }
        }
    }
    // Baseline frames are their bytecode slots: a collection reads them
    // through the function's stack maps.
    e.m.set_bytecode_frames(true);
    e.m.comment(&format!(
        "function {} (frame {} slots)",
        func.name, func.frame_size
    ));
    if !e.pins.is_empty() {
        let names: Vec<String> = e.pins.iter().map(|(s, r)| format!("{s}={r}")).collect();
        e.m.comment(&format!("slots in registers: {}", names.join(" ")));
    }
    e.m.bind(entry);
    e.locate(0);
    e.prologue(func, need);
    e.frame_depth = e.m.depth();
    // OSR entries: loop headers (the interpreter's back-edges) and call
    // sites (older code leaves for this code at a guard miss).
    let mut osr_pcs = func.loop_headers();
    osr_pcs.sort_unstable();
    osr_pcs.dedup();
    for (pc, op) in func.code.iter().enumerate() {
        e.m.bind(e.labels[pc]);
        e.m.comment(&format!("{pc:4}  {op:?}"));
        e.pc = pc;
        // (After a return path, the next instruction is in the frame.)
        e.m.set_depth(e.frame_depth);
        e.locate(pc);
        e.op(pc, op, plans[pc].as_ref());
    }
    e.out_of_line();
    // OSR entries: entered like a call (through `enter`, or by a jump from
    // older code that has left its frame), so they save and align as the
    // prologue does.
    let mut osr = Vec::new();
    let targets = osr_pcs
        .into_iter()
        .map(|t| (t, e.labels[t as usize], format!("OSR entry at {t}")))
        .chain(
            std::mem::take(&mut e.site_entries)
                .into_iter()
                .map(|(pc, l)| {
                    (
                        pc | SITE_ENTRY,
                        l,
                        format!("entry at call site {pc}, past its counting"),
                    )
                }),
        )
        .collect::<Vec<_>>();
    for (t, to, why) in targets {
        let l = e.m.new_label();
        e.m.comment(&why);
        e.m.bind(l);
        e.m.set_depth(0);
        e.frame_enter();
        e.reload_all();
        e.m.jmp(to);
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
        ops: Vec::new(),
        extra: 0,
    }
}

impl Emitter<'_> {
    /// Calls emitted from here on are made at instruction `pc` of the
    /// function being expanded (inside the frames it is inlined in): their
    /// return addresses name these frames in tracebacks.
    pub(super) fn locate(&mut self, pc: usize) {
        let mut frames = vec![(self.func.0, pc as u32)];
        frames.extend(self.inlined_at.iter().rev());
        let tag = self.m.location(&frames);
        self.m.set_tag(tag);
    }

    /// The nil-panic exit of the current location.
    pub(super) fn nil_exit(&mut self) -> Label {
        let tag = self.m.tag();
        if let Some(&(_, l)) = self.nil_exits.iter().find(|e| e.0 == tag) {
            return l;
        }
        let l = self.m.new_label();
        self.nil_exits.push((tag, l));
        l
    }

    fn prologue(&mut self, f: &Function, need: u32) {
        self.frame_enter();
        // The first (up to four) argument words come in the parameter
        // registers; optimized callers write them nowhere else.
        for (k, r) in PARAMS.into_iter().enumerate().take(f.param_words as usize) {
            self.m.mov_reg_to_slot(k as u32, r);
        }
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
        self.m.lea(TMP0, Mem::at(FRAME, slot_offset(need)));
        self.m.cmp_rm(TMP0, Mem::at(VM, STACK_END));
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
        if self.budget.is_some() {
            let resume = self.m.new_label();
            self.spend_budget(0, resume);
            self.m.bind(resume);
        }
    }

    /// One call or back-edge off the budget; when it runs out, the tier
    /// layer is asked whether the function is hot again (then `pc` is the
    /// loop header, and `resume` where this code goes on).
    pub(super) fn spend_budget(&mut self, pc: u32, resume: Label) {
        let Some(cell) = self.budget else {
            return;
        };
        let out = self.m.new_label();
        self.hot_exits.push((out, pc, resume));
        self.m.mov_imm(TMP0, cell);
        self.m.add_mem_imm(Mem::at(TMP0, 0), -1);
        self.m.jcc(Cond::Lt, out);
    }
}
