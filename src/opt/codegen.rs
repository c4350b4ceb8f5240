//! Machine code from the SSA graph and its register allocation, through
//! the same `jit/` macro-assembler as the baseline tier.
//!
//! **The frame.** The function runs on its VM frame as every tier does
//! (`FRAME` = r12 at slot 0, parameters in the first slots, results
//! written to slot 0 on), so it is entered, called and returned from
//! like baseline code. Above the bytecode's slots it keeps its own:
//!
//! | slots | what |
//! |---|---|
//! | `0 .. frame_size` | the bytecode's frame: parameters, frame arrays, the operands of instructions run by a helper |
//! | then 9 | one save slot per allocatable register (calls and safepoints) |
//! | then `xmm_used` | one save slot per XMM register given to a float (the first `xmm_used` of `XMM_ALLOCATABLE`) |
//! | then `spills` | spill slots of values the allocator put in memory |
//! | then 0 or 1 | the leave flag, when it is a frame word |
//! | then `frame_bufs` | the buffers of objects allocated in the frame (`FrameAlloc`) |
//! | then | the window of outgoing calls: the callee's frame starts there |
//!
//! The slots up to the window are the function's *extra* frame words
//! ([`Output::extra`]).
//!
//! **Safepoints.** Every call (a compiled or interpreted callee, a
//! runtime helper) first writes each register live across it that may
//! hold a pointer, or is caller-saved, to its save slot, and reloads the
//! caller-saved ones after it: the collector sees every live pointer in
//! the frame, and nothing a callee clobbers is lost. (XMM registers are
//! all caller-saved.) Each call records its stack map
//! ([`Gen::stack_map`]): the frame words that hold live pointers during
//! it, which the collector reads instead of the whole frame
//! (`tier::stackwalk`), so a dead temporary keeps nothing alive.
//!
//! **Floats.** A float in an XMM register is computed there (`addsd`,
//! `ucomisd`, `cvtsi2sd`, loads and stores with `movsd`; xmm0 and xmm1 are
//! scratch). Everything that reads a value as a word (call arguments, a
//! `ptr`-typed parameter, a helper's operand slots) gets its bits in a
//! general register through `movq` ([`Gen::get`]), and a word result with
//! an XMM home is moved there the same way ([`Gen::def`]).
//!
//! **What is expanded how.** Arithmetic, comparisons (fused with the
//! branch that tests them), loads and stores with their nil checks,
//! bounds-checked slice accesses, package variables and frame arrays are
//! inline; static calls go through the callee's entry cell, interface
//! and function-value calls through the itab or closure (indirect, for
//! now); instructions the graph keeps as bytecode run in the
//! interpreter's own code (`runtime::op`), their operands written to
//! their frame slots first. A failing check (nil, bounds, zero divisor,
//! negative shift) calls `runtime::panic_with`, which raises the panic
//! the interpreter would.

use super::ir::*;
use super::magic;
use super::regalloc::{self, Alloc, Loc, ALLOCATABLE, XMM_ALLOCATABLE};
use crate::bytecode::frame::{CTX, GLOBALS_DELTA, RSP_LIMIT, STACK_END, STEPS_LEFT};
use crate::bytecode::op::{Cmp, Kind, Op, PACKED};
use crate::bytecode::{slot_offset, Function, Program, Slot};
use crate::runtime::typedesc::{ITAB_FUN, ITAB_TYPE};
use crate::tier::compiler::Output;
use crate::tier::machine::{self, int_cond, shift_by_count, trunc_ext, Shift};
use crate::tier::{runtime, Jit};
use pgojit_jit::abi::{
    is_callee_saved, ARGS, CALL_TARGET, FRAME, PARAMS, RET, TMP0, TMP1, TMP2, VM,
};
use pgojit_jit::masm::{Ext, FloatOp};
use pgojit_jit::{Cond, Label, MacroAssembler, Mem, Reg, NO_TAG};
use pgojit_profiler::{EdgeId, FuncId};
use std::collections::HashMap;

/// Save slots: one per allocatable register.
const SAVES: u32 = ALLOCATABLE.len() as u32;

/// The register a site's call count is kept in (callee-saved: calls to
/// compiled code and helpers leave it alone).
const COUNTER_REG: Reg = ALLOCATABLE[3];

/// Why a panic path was taken (the `kind` of `runtime::panic_with`).
#[derive(Clone, Copy)]
enum PanicKind {
    Nil = 0,
    Index = 1,
    Divide = 2,
    Shift = 3,
}

/// An out-of-line path.
enum Stub {
    /// A panic with up to two operand values (index, length), then a
    /// jump to the unwind path given.
    /// (And the location's call-site tag.)
    Panic(
        Label,
        PanicKind,
        Option<Operand>,
        Option<Operand>,
        Label,
        u32,
    ),
    /// Adds a derived site count to the counter register, then jumps on
    /// (to the nil or unwind path): a panic in the counted loop.
    Count(Label, Phase, Label),
    /// `--max-steps` ran out entering a function (`pc` 0) or at the
    /// back-edge at `pc`.
    Step(Label, FuncId, u32),
    /// An allocation whose cache's run is spent: `runtime::alloc` (with
    /// the registers live there saved and reloaded), then back to the
    /// label after the inline bump, the object in `RET`.
    Alloc(Label, Label, Vec<(Loc, bool)>, u32, u32, Label, Vec<u32>),
    /// `--verify-guards` found the wrong type (in `TMP1`) at `site`,
    /// where the guard stood for `check`.
    Verify(Label, u32, u64),
    /// A back-edge to loop header `BlockId` found the leave flag set: the
    /// function was recompiled; continue in the new code's OSR entry.
    /// (With the derived count at the header, when the site count is
    /// derived from the loop's trips.)
    Leave(Label, BlockId, Option<Phase>),
}

/// A value, or a constant known at compile time.
#[derive(Clone, Copy)]
enum Operand {
    Value(Loc),
    Imm(u64),
    /// The address of a frame word (`FrameAddr`, at this byte offset from
    /// the frame's base): no location, an `lea` where a register needs it.
    Frame(i32),
}

/// What a conditional jump tests after a comparison: one flag condition,
/// or one of the two a float (in)equality needs (`ucomisd` sets the
/// parity flag for an unordered pair, a NaN operand).
#[derive(Clone, Copy)]
enum Test {
    Flag(Cond),
    /// Equal and ordered: ZF set, PF clear.
    EqOrdered,
    /// Not equal or unordered: ZF clear or PF set.
    NeOrUnordered,
}

impl Test {
    fn negate(self) -> Test {
        match self {
            Test::Flag(c) => Test::Flag(c.negate()),
            Test::EqOrdered => Test::NeOrUnordered,
            Test::NeOrUnordered => Test::EqOrdered,
        }
    }
}

struct Gen<'a> {
    m: &'a mut MacroAssembler,
    /// Entry parameters whose frame slot holds them for the whole code
    /// (nothing here writes the slot): at a call, the collector finds them
    /// there, so one in a callee-saved register is not saved for it.
    in_slot: Vec<bool>,
    /// Entered by on-stack replacement.
    osr: bool,
    g: &'a Graph,
    a: &'a Alloc,
    prog: &'a Program,
    jit: &'a Jit<'a>,
    func: FuncId,
    f: &'a Function,
    blocks: Vec<Label>,
    stubs: Vec<Stub>,
    /// Shared exits.
    nil: Label,
    unwind: Label,
    overflow: Label,
    internal: Label,
    /// Slot of the outgoing call window.
    window: u32,
    /// Slot of the first frame buffer word (`FrameAlloc`).
    bufs: u32,
    /// Where a tuple's words were left (frame slots), by value.
    results: HashMap<InsnId, Vec<Slot>>,
    /// Instructions the code generator keeps alive (helpers read them).
    ops: Vec<Box<Op>>,
    /// Comparisons expanded by the branch that tests them.
    fused: Vec<bool>,
    /// Loads that are `add [p+off], imm` of a `*p += imm` (see `emit`).
    rmw: HashMap<InsnId, i32>,
    /// The scaled index of the last instruction's slice element, if it
    /// was a slice access.
    elem_cache: Option<ElemCache>,
    /// The memory operand a folded load left for the next instruction.
    mem_operand: Option<(InsnId, Mem)>,
    /// The pointer of the folded load whose access is its implicit nil
    /// check, until the instruction that reads it is emitted.
    mem_fault: Option<InsnId>,
    /// Pointers checked for nil in the current block (and the ones it
    /// falls through from).
    nil_checked: Vec<InsnId>,
    /// The flag a miss path sets when the function was recompiled
    /// (functions with guards and loops).
    leave: LeaveFlag,
    /// Whether back-edges test the leave flag. Not when every miss path
    /// has a leaving copy of the code from its rejoin point to its loop's
    /// back-edge ([`leave_chain`]): the miss path that sets the flag then
    /// goes on in the copy, whose back-edge leaves, and the hot loop has
    /// no test.
    poll: bool,
    /// Per miss block: the blocks its leaving copy runs through, and the
    /// copy's label for each.
    copies: HashMap<BlockId, LeaveCopy>,
    /// While a leaving copy is emitted: its blocks and their labels.
    copying: Option<LeaveCopy>,
    /// The counted site's calls, derived from its loop's trips: one per
    /// `Bump` of it, each in its own loop (a loop and its versioned copy,
    /// see `passes::version`), or none.
    trips: Vec<TripCount>,
    /// The block and instruction being emitted.
    at: Option<(BlockId, usize)>,
    /// Paths that add the derived count to the counter register before
    /// a panic: (count, `true` for the nil path, label).
    count_labels: Vec<(Phase, Label, Label)>,
    /// Bytes the prologue pushes: the native stack depth of the body.
    frame_depth: i32,
    /// Call-site tags by (inline context, pc).
    tags: HashMap<(u32, u32), u32>,
    /// The nil-panic exits, one per location that has one (a traceback
    /// names the line that dereferenced nil).
    nil_exits: Vec<(u32, Label)>,
    /// The entry of this code version's main graph (what its entry cell
    /// holds while the version is installed).
    main_entry: Label,
    /// A counter kept in a register: (its address in memory, the register).
    counter: Option<(u64, Reg)>,
    /// Index checks already made in the current block: (ptr, len, i).
    checked: Vec<(InsnId, InsnId, InsnId)>,
    /// Sites with guards: their indirect call is the miss path, whose
    /// calls the miss counters count (not the indirect-call counter).
    guarded: Vec<pgojit_profiler::SiteId>,
    saved: Vec<Reg>,
    /// A leaf: no calls (of functions or helpers that return) and no loop
    /// that may leave for recompiled code. Its `rsp` needs no 16-byte
    /// alignment but on the panic paths (which align it themselves: they
    /// never come back), and it needs no frame beyond its parameter and
    /// result words when it spills nothing and keeps no frame memory.
    leaf: bool,
    /// Calls only on cold paths (miss paths, an `append` that grows, ...),
    /// no spills, no frame memory, no leave flag, no loop to leave from:
    /// the stack checks move from the prologue to those calls (the hot
    /// path writes only its result words, which its caller's frame holds).
    lazy_checks: bool,
    /// The frame words the checks ask for.
    frame_need: u32,
    /// The function keeps values in its bytecode slots (frame arrays,
    /// `LoadSlot`/`StoreSlot`): a collection reads them there.
    memory: bool,
}

/// Where optimized code keeps its "recompiled: leave at the next loop
/// header" flag.
#[derive(Clone, Copy, PartialEq)]
enum LeaveFlag {
    /// No guards or no loops: nothing to leave.
    None,
    /// The top bit of the site-count register.
    Sign(Reg),
    /// A frame word.
    Word(Mem),
}

const TOP_BIT: u64 = 1 << 63;

/// What a block's code checked by its end: pointers not nil, and
/// (ptr, len, index) triples in bounds.
type Checked = (Vec<InsnId>, Vec<(InsnId, InsnId, InsnId)>);

/// A slice element's address as the last instruction left it:
/// `[ptr + index*scale]` for `key` = (ptr, len, i, stride).
#[derive(Clone, Copy)]
struct ElemCache {
    key: (InsnId, InsnId, InsnId, u32),
    index: Reg,
    scale: u8,
}

/// Whether the edge `from` → `to` is a loop back-edge of the function
/// itself (a bytecode jump to an earlier pc, not one inside inlined code).
fn is_back_edge(g: &Graph, from: BlockId, to: BlockId) -> bool {
    let (f, t) = (g.block(from), g.block(to));
    match f.term_pc {
        Some(pc) => from != g.entry && !f.inlined && !t.inlined && t.pc <= pc,
        None => false,
    }
}

/// Loop headers' alignment.
const LOOP_ALIGN: usize = 32;

/// Per block: whether it is a loop header, a back-edge's target that
/// dominates the back-edge's source.
fn loop_headers(g: &Graph, idom: &[Option<BlockId>]) -> Vec<bool> {
    let mut headers = vec![false; g.blocks.len()];
    for b in g.block_ids() {
        let Some(t) = &g.block(b).term else {
            continue;
        };
        for e in t.edges() {
            let dominated = super::verify::dominates(idom, g.entry, e.block, b);
            if dominated && !g.block(e.block).cold {
                headers[e.block.index()] = true;
            }
        }
    }
    headers
}

/// At most this many blocks and instructions in a leaving copy.
const CHAIN_BLOCKS: usize = 4;
const CHAIN_INSNS: usize = 64;

/// The blocks a miss block `m` goes on through to its loop's back-edge,
/// when they are a short chain of jumps ending in a branch or jump back
/// to a loop header: what its leaving copy holds. Empty when the way on
/// returns first (nothing to leave); `None` when it forks or is long
/// (then back-edges poll the flag instead).
fn leave_chain(g: &Graph, m: BlockId) -> Option<Vec<BlockId>> {
    let Some(Term::Jump(e)) = &g.block(m).term else {
        return None;
    };
    let header = |from: BlockId, to: BlockId| {
        is_back_edge(g, from, to).then(|| g.block(to).entry_state.is_some())
    };
    let mut chain = Vec::new();
    let mut insns = 0;
    let mut cur = e.block;
    loop {
        let blk = g.block(cur);
        if chain.contains(&cur) || blk.cold {
            return None;
        }
        chain.push(cur);
        insns += blk.insns.len();
        if chain.len() > CHAIN_BLOCKS || insns > CHAIN_INSNS {
            return None;
        }
        match blk.term.as_ref()? {
            Term::Jump(e) => match header(cur, e.block) {
                Some(true) => return Some(chain),
                Some(false) => return None,
                None => cur = e.block,
            },
            Term::Branch { then, else_, .. } => {
                return [then, else_]
                    .iter()
                    .any(|e| header(cur, e.block) == Some(true))
                    .then_some(chain);
            }
            Term::Return(_) | Term::Unreachable => return Some(Vec::new()),
        }
    }
}

/// A miss path's leaving copy: the blocks it runs through, and their
/// labels in the copy.
type LeaveCopy = (Vec<BlockId>, Vec<Label>);

/// A derived site count: the count is the counter register plus
/// this value, plus this many.
type Phase = (InsnId, u8);

/// A guarded site called once per trip of its loop, whose call count is
/// the loop's induction variable's progress: the counter register holds
/// the count minus the induction variable while the loop runs, and the
/// loop needs no increment of its own. Every way out of the loop (its
/// exit, a call, a panic, a leave) adds the variable back first.
struct TripCount {
    /// The loop's blocks.
    body: Vec<bool>,
    header: BlockId,
    /// The one block with a back-edge to the header, and the loop's only
    /// exit.
    latch: BlockId,
    /// The induction variable (a header parameter) and its next value
    /// (`iv + 1`, at `next_pos` of the latch, on the back-edge).
    iv: InsnId,
    next: InsnId,
    next_pos: usize,
    /// Where the site's `Bump` is.
    bump_block: BlockId,
    bump_pos: usize,
    /// Per block: after the site in a trip (dominated by its block).
    after_bump: Vec<bool>,
}

/// The site counted at `addr` as its loop's trips, when that is exact:
/// one `Bump` of it, in a loop (the innermost one around it) with one
/// latch that is also its only exit, stepping a header parameter by one,
/// whose block the latch cannot be reached around.
/// With several `Bump`s of it (a loop and its versioned copy), one per
/// `Bump`, each exact in its own loop, the loops disjoint; else none.
fn trip_counts(g: &Graph, idom: &[Option<BlockId>], addr: u64) -> Vec<TripCount> {
    let mut bumps = Vec::new();
    for b in g.block_ids() {
        for (k, &i) in g.block(b).insns.iter().enumerate() {
            if matches!(g.insn(i).insn, Insn::Bump { addr: a } if a == addr) {
                bumps.push((b, k));
            }
        }
    }
    if bumps.is_empty() {
        return Vec::new();
    }
    let preds = g.preds();
    let dominates = |a: BlockId, b: BlockId| super::verify::dominates(idom, g.entry, a, b);
    // The natural loops: (header, latch, body), for back-edges to a
    // header that dominates their source (a bytecode jump back to a
    // header may also be the loop's way in: not a latch).
    let mut loops: Vec<Loop> = Vec::new();
    for b in g.block_ids() {
        let Some(t) = &g.block(b).term else {
            continue;
        };
        for e in t.edges() {
            if is_back_edge(g, b, e.block)
                && g.block(e.block).entry_state.is_some()
                && dominates(e.block, b)
            {
                loops.push((e.block, b, loop_body(&preds, e.block, [b])));
            }
        }
    }
    let mut trips: Vec<TripCount> = Vec::new();
    for (b, k) in bumps {
        match trip_count(g, idom, &loops, b, k) {
            Some(t)
                if trips
                    .iter()
                    .all(|u| t.body.iter().zip(&u.body).all(|(x, y)| !(*x && *y))) =>
            {
                trips.push(t)
            }
            _ => return Vec::new(),
        }
    }
    trips
}

/// A natural loop: its header, the latch of one back-edge, its blocks.
type Loop = (BlockId, BlockId, Vec<bool>);

/// [`trip_counts`] for the `Bump` at `bump_pos` of `bump_block`, among
/// the function's natural `loops`.
fn trip_count(
    g: &Graph,
    idom: &[Option<BlockId>],
    loops: &[Loop],
    bump_block: BlockId,
    bump_pos: usize,
) -> Option<TripCount> {
    let dominates = |a: BlockId, b: BlockId| super::verify::dominates(idom, g.entry, a, b);
    let around: Vec<&Loop> = loops.iter().filter(|l| l.2[bump_block.index()]).collect();
    let &(header, latch, ref body) = *around
        .iter()
        .min_by_key(|l| l.2.iter().filter(|&&x| x).count())?;
    // Loops around the site are around its loop's header too (none is
    // an inner loop of it), and its header has one latch.
    if around.iter().any(|l| !l.2[header.index()])
        || loops.iter().filter(|l| l.0 == header).count() != 1
    {
        return None;
    }
    // The one exit: the latch's branch.
    for b in g.block_ids().filter(|b| body[b.index()]) {
        match g.block(b).term.as_ref()? {
            Term::Return(_) | Term::Unreachable => return None,
            t => {
                if b != latch && t.edges().iter().any(|e| !body[e.block.index()]) {
                    return None;
                }
            }
        }
    }
    let Some(Term::Branch { then, else_, .. }) = &g.block(latch).term else {
        return None;
    };
    let (back, out) = if then.block == header {
        (then, else_)
    } else {
        (else_, then)
    };
    if back.block != header || body[out.block.index()] {
        return None;
    }
    // The induction variable: a header parameter whose back-edge value is
    // itself plus one, computed in the latch.
    let params = &g.block(header).params;
    let (iv, next) = params
        .iter()
        .zip(&back.args)
        .find_map(|(&p, &a)| match g.insn(a).insn {
            Insn::Bin {
                op: BinOp::AddI,
                a: x,
                b: c,
            } if x == p && matches!(g.insn(c).insn, Insn::Const { bits: 1 }) => Some((p, a)),
            _ => None,
        })?;
    let next_pos = g.block(latch).insns.iter().position(|&i| i == next)?;
    if !dominates(bump_block, latch) || (bump_block == latch && bump_pos > next_pos) {
        return None;
    }
    let after_bump = g
        .block_ids()
        .map(|b| b != bump_block && body[b.index()] && dominates(bump_block, b))
        .collect();
    Some(TripCount {
        body: body.clone(),
        header,
        latch,
        iv,
        next,
        next_pos,
        bump_block,
        bump_pos,
        after_bump,
    })
}

/// Compiles graph `g` of function `func`.
pub fn generate(jit: &Jit, prog: &Program, func: FuncId, g: &Graph) -> Result<Output, String> {
    let mut m = MacroAssembler::new();
    let mut ops = Vec::new();
    let (entry, extra) = emit(&mut m, &mut ops, jit, prog, func, g, None)?;
    let asm = m.finish().map_err(|x| x.to_string())?;
    Ok(Output {
        asm,
        entry,
        osr: Vec::new(),
        trace: Vec::new(),
        sites: Vec::new(),
        keys: Vec::new(),
        ops,
        extra,
    })
}

/// Emits graph `g` of function `func` into `m`: its entry label and the
/// frame words it uses above the bytecode frame. An OSR graph (`osr`: the main graph's entry) is entered
/// with the frame another tier left (no step, no call counted, frame
/// arrays kept). Instructions helpers read are added to `ops`.
pub fn emit(
    m: &mut MacroAssembler,
    ops: &mut Vec<Box<Op>>,
    jit: &Jit,
    prog: &Program,
    func: FuncId,
    g: &Graph,
    osr: Option<Label>,
) -> Result<(Label, u32), String> {
    // (`osr`: the main graph's entry, for an OSR graph.)
    let (main_entry, osr) = (osr, osr.is_some());
    // (Several graphs share one assembler: each is entered anew.)
    m.set_depth(0);
    let f = prog.func(func);
    // A guarded site's call count (the miss ratio's denominator) is kept
    // in a callee-saved register while the code runs, and added to its
    // counter in memory before anything that may read it (a miss, a call,
    // a return): a memory increment in a loop is a chain of store-to-load
    // forwarding, several cycles per trip. (Only for the one site of a
    // function, counted in a loop whose trips make no call: a call
    // flushes the register, which then costs more than the memory
    // increment it replaces. Others count in memory.)
    let in_loop = g.loop_blocks();
    let mut bumps: Vec<(u64, bool)> = Vec::new();
    let mut loop_calls = false;
    for b in g.block_ids() {
        let blk = g.block(b);
        for &i in &blk.insns {
            match g.insn(i).insn {
                Insn::Bump { addr } => bumps.push((addr, in_loop[b.index()])),
                ref x if in_loop[b.index()] && !blk.cold && regalloc::calls(x) => loop_calls = true,
                _ => {}
            }
        }
    }
    let counter = match bumps.as_slice() {
        [(addr, _), rest @ ..]
            if !loop_calls && bumps.iter().any(|b| b.1) && rest.iter().all(|x| x.0 == *addr) =>
        {
            Some((*addr, COUNTER_REG))
        }
        _ => None,
    };
    let idom = super::verify::dominators(g);
    let trips = counter
        .filter(|_| !jit.opts.steps)
        .map(|(addr, _)| trip_counts(g, &idom, addr))
        .unwrap_or_default();
    let reserved: Vec<Reg> = counter.iter().map(|c| c.1).collect();
    let a = regalloc::allocate(g, &reserved);
    let blocks = (0..g.blocks.len()).map(|_| m.new_label()).collect();
    let (nil, unwind, overflow, internal, entry) = (
        m.new_label(),
        m.new_label(),
        m.new_label(),
        m.new_label(),
        m.new_label(),
    );
    // (At least two: a rare conversion runs on the window too. A Go
    // callee's argument and result words are this frame's too: they are
    // written before the callee checks its own frame, and a leaf callee
    // checks none.)
    let native_words = g
        .insns
        .iter()
        .filter_map(|d| match &d.insn {
            Insn::CallNative { native, .. } => Some(native.arg_words().max(native.result_words())),
            Insn::Call { func, .. } => {
                let f = prog.func(*func);
                Some(f.param_words.max(f.result_words))
            }
            Insn::CallIface { site, .. } | Insn::CallClosure { site, .. } => {
                let s = &prog.sites[site.index()];
                Some(s.arg_words.max(s.result_words))
            }
            _ => None,
        })
        .chain(g.insns.iter().filter_map(|d| match &d.insn {
            // An inlined callee's generic instruction runs on a frame of
            // it at the window.
            Insn::Bytecode {
                inlined_from: Some(h),
                ..
            } => Some(prog.func(*h).frame_size),
            _ => None,
        }))
        .max()
        .unwrap_or(0)
        .max(2);
    // A function with guards and loops keeps a flag that its miss paths
    // set once the function is recompiled: the loops' back-edges then
    // leave for the new code at their header (they have no other way to:
    // optimized code has no entries at call sites). The flag is the top
    // bit of the register that counts the site's calls when there is one
    // (a count never gets there; `test; jl` is one fused instruction on
    // the back-edge), else a frame word.
    // (Only a miss path inside a loop has a back-edge to leave at: one
    // outside every loop lets the function's next call enter the new
    // code, as a recursive tree walker's do.)
    let in_loop = g.loop_blocks();
    let loop_misses: Vec<BlockId> = g
        .block_ids()
        .filter(|b| {
            in_loop[b.index()]
                && g.block(*b)
                    .insns
                    .iter()
                    .any(|&i| matches!(g.insn(i).insn, Insn::SiteMiss { .. }))
        })
        .collect();
    let guarded_code = !loop_misses.is_empty();
    let has_headers = g.blocks.iter().any(|b| b.entry_state.is_some());
    let leave = if !(guarded_code && has_headers) {
        LeaveFlag::None
    } else if let (Some((_, r)), true) = (counter, trips.is_empty()) {
        LeaveFlag::Sign(r)
    } else {
        LeaveFlag::Word(Mem::at(
            FRAME,
            slot_offset(f.frame_size + SAVES + a.xmm_used + a.spills),
        ))
    };
    let flag_words = u32::from(matches!(leave, LeaveFlag::Word(_)));
    // Miss paths in loops leave through copies of their continuation
    // when every one has a short one; else back-edges poll the flag.
    let mut chains: Vec<(BlockId, Vec<BlockId>)> = Vec::new();
    let mut poll = false;
    if leave != LeaveFlag::None {
        for &b in &loop_misses {
            match leave_chain(g, b) {
                Some(c) if c.is_empty() => {}
                Some(c) => chains.push((b, c)),
                None => poll = true,
            }
        }
    }
    if poll {
        chains.clear();
    }
    let copies: HashMap<BlockId, LeaveCopy> = chains
        .into_iter()
        .map(|(b, c)| {
            let labels = c.iter().map(|_| m.new_label()).collect();
            (b, (c, labels))
        })
        .collect();
    let bufs = f.frame_size + SAVES + a.xmm_used + a.spills + flag_words;
    let window = bufs + g.frame_bufs;
    // Uses of each value, to fuse a comparison into its branch.
    let uses = g.use_counts();
    let mut fused = vec![false; g.insns.len()];
    // `*p += c` (a load, an add of a constant, a store back, in a row):
    // one `add [p+off], imm` at the load; the add and the store are
    // fused into it.
    let mut rmw: HashMap<InsnId, i32> = HashMap::new();
    for b in g.block_ids() {
        // (Constants between them emit no code.)
        let code: Vec<InsnId> = g
            .block(b)
            .insns
            .iter()
            .copied()
            .filter(|&i| !matches!(g.insn(i).insn, Insn::Const { .. }))
            .collect();
        for w in code.windows(3) {
            let (l, a, s) = (w[0], w[1], w[2]);
            let (
                Insn::Load { p, off },
                Insn::Bin {
                    op: BinOp::AddI,
                    a: x,
                    b: y,
                },
                Insn::Store { p: q, off: o, v },
            ) = (&g.insn(l).insn, &g.insn(a).insn, &g.insn(s).insn)
            else {
                continue;
            };
            let c = match (*x == l, *y == l) {
                (true, false) => *y,
                (false, true) => *x,
                _ => continue,
            };
            let imm = match g.insn(c).insn {
                Insn::Const { bits } if fits_i32(bits) => bits as i32,
                _ => continue,
            };
            if p == q && off == o && *v == a && uses[l.index()] == 1 && uses[a.index()] == 1 {
                rmw.insert(l, imm);
                fused[a.index()] = true;
                fused[s.index()] = true;
            }
        }
    }
    for (f, b) in fused.iter_mut().zip(regalloc::branch_fused(g)) {
        *f |= b;
    }
    let saved: Vec<Reg> = a
        .used
        .iter()
        .copied()
        .chain(counter.map(|c| c.1))
        .filter(|&r| is_callee_saved(r))
        .collect();
    let in_slot = params_in_their_slots(g, f.frame_size);
    let leaf = !g.insns.iter().any(|d| regalloc::calls(&d.insn))
        && !g.blocks.iter().any(|b| b.entry_state.is_some());
    let mut e = Gen {
        m,
        in_slot,
        osr,
        g,
        a: &a,
        prog,
        jit,
        func,
        f,
        blocks,
        stubs: Vec::new(),
        nil,
        unwind,
        overflow,
        internal,
        window,
        bufs,
        results: HashMap::new(),
        ops: Vec::new(),
        fused,
        rmw,
        checked: Vec::new(),
        elem_cache: None,
        mem_operand: None,
        mem_fault: None,
        nil_checked: Vec::new(),
        counter,
        guarded: g
            .insns
            .iter()
            .filter_map(|d| match d.insn {
                Insn::SiteMiss { site, .. } => Some(site),
                _ => None,
            })
            .collect(),
        saved,
        leaf,
        lazy_checks: false,
        frame_need: 0,
        memory: false,
        leave,
        poll,
        copies,
        copying: None,
        trips,
        at: None,
        count_labels: Vec::new(),
        frame_depth: 0,
        tags: HashMap::new(),
        nil_exits: Vec::new(),
        main_entry: main_entry.unwrap_or(entry),
    };
    e.m.comment(&format!(
        "function {} (optimizing tier: frame {} + {} saves + {} spills)",
        f.name,
        f.frame_size,
        SAVES + a.xmm_used,
        a.spills
    ));
    for t in &e.trips {
        e.m.comment(&format!(
            "site calls counted by the loop's trips: {} plus the count register in the loop at {}",
            t.iv, t.header
        ));
    }
    let regs: Vec<String> = g
        .insns
        .iter()
        .enumerate()
        .filter_map(|(i, _)| match a.loc[i] {
            Loc::Reg(r) => Some(format!("v{i}={r}")),
            Loc::Xmm(x) => Some(format!("v{i}=xmm{x}")),
            _ => None,
        })
        .collect();
    if !regs.is_empty() {
        e.m.comment(&format!("registers: {}", regs.join(" ")));
    }
    e.m.bind(entry);
    e.locate(None);
    e.prologue(native_words);
    e.frame_depth = e.m.depth();
    let order = a.order.clone();
    // What a block checked (pointers not nil, indexes in bounds) holds in
    // every block it dominates: values do not change, and a block's checks
    // all run before it goes on.
    let mut exits: Vec<Option<Checked>> = vec![None; g.blocks.len()];
    // Loop headers start a 32-byte fetch block (as Go's and HotSpot's
    // compilers align them): the padding runs once per loop entry.
    let headers = loop_headers(g, &idom);
    for (k, &b) in order.iter().enumerate() {
        let next = order.get(k + 1).copied();
        if headers[b.index()] {
            e.m.align_nop(LOOP_ALIGN);
        }
        e.m.bind(e.blocks[b.index()]);
        // (After a return path, the next block is in the frame.)
        e.m.set_depth(e.frame_depth);
        let inherited = idom[b.index()]
            .filter(|&d| d != b)
            .and_then(|d| exits[d.index()].clone());
        let (nil_checked, checked) = inherited.unwrap_or_default();
        e.nil_checked = nil_checked;
        e.checked = checked;
        e.elem_cache = None;
        e.mem_operand = None;
        e.mem_fault = None;
        e.m.comment(&format!("{b} (pc {})", g.block(b).pc));
        for (k, &i) in g.block(b).insns.iter().enumerate() {
            e.at = Some((b, k));
            e.insn(i)?;
        }
        exits[b.index()] = Some((e.nil_checked.clone(), e.checked.clone()));
        e.at = Some((b, g.block(b).insns.len()));
        e.term(b, next)?;
    }
    // The leaving copies (out of line, after the cold blocks), with
    // nothing known checked at their entry.
    let mut copies: Vec<(BlockId, LeaveCopy)> = e.copies.clone().into_iter().collect();
    copies.sort_by_key(|c| c.0);
    for (from, (chain, labels)) in copies {
        e.copying = Some((chain.clone(), labels.clone()));
        for (k, &b) in chain.iter().enumerate() {
            e.m.bind(labels[k]);
            e.m.set_depth(e.frame_depth);
            e.nil_checked.clear();
            e.checked.clear();
            e.elem_cache = None;
            e.mem_operand = None;
            e.mem_fault = None;
            e.m.comment(&format!(
                "{b} (pc {}), copied: the way on from {from}'s miss once the function was recompiled",
                g.block(b).pc
            ));
            for (n, &i) in g.block(b).insns.iter().enumerate() {
                e.at = Some((b, n));
                e.insn(i)?;
            }
            e.at = Some((b, g.block(b).insns.len()));
            e.term(b, chain.get(k + 1).copied())?;
        }
        e.copying = None;
    }
    e.at = None;
    e.out_of_line();
    ops.append(&mut e.ops);
    Ok((
        entry,
        SAVES + a.xmm_used + a.spills + flag_words + g.frame_bufs + native_words,
    ))
}

/// The bits of `1/x` when float64 `x` (bits) is a power of two whose
/// reciprocal is a normal float too: then `y / x == y * (1/x)` for every
/// `y` (NaN, infinities and signed zeros included).
fn exact_reciprocal(bits: u64) -> Option<u64> {
    let exp = (bits >> 52) & 0x7FF;
    let mantissa = bits & ((1 << 52) - 1);
    (mantissa == 0 && (1..=2045).contains(&exp)).then(|| (bits & (1 << 63)) | ((2046 - exp) << 52))
}

fn fits_i32(x: u64) -> bool {
    (x as i64) >= i32::MIN as i64 && (x as i64) <= i32::MAX as i64
}

impl Gen<'_> {
    // ----- locations -----

    fn slot(&self, s: Slot) -> Mem {
        Mem::at(FRAME, slot_offset(s))
    }

    fn spill_mem(&self, n: u32) -> Mem {
        self.slot(self.f.frame_size + SAVES + self.a.xmm_used + n)
    }

    /// The save slot of register `l` (general or XMM).
    fn save_mem(&self, l: Loc) -> Mem {
        let k = match l {
            Loc::Xmm(x) => SAVES + XMM_ALLOCATABLE.iter().position(|&y| y == x).unwrap_or(0) as u32,
            Loc::Reg(r) => ALLOCATABLE.iter().position(|&x| x == r).unwrap_or(0) as u32,
            _ => 0,
        };
        self.slot(self.f.frame_size + k)
    }

    fn operand(&self, v: InsnId) -> Operand {
        match self.g.insn(v).insn {
            Insn::Const { bits } | Insn::TypeWord { tab: bits } => Operand::Imm(bits),
            Insn::FrameAddr { slot } => Operand::Frame(slot_offset(slot)),
            _ => Operand::Value(self.a.loc[v.index()]),
        }
    }

    /// Puts operand `o` in a register: its own, or `scratch`.
    fn get(&mut self, o: Operand, scratch: Reg) -> Reg {
        match o {
            Operand::Imm(x) => {
                self.m.mov_imm(scratch, x);
                scratch
            }
            Operand::Frame(off) => {
                self.m.lea(scratch, Mem::at(FRAME, off));
                scratch
            }
            Operand::Value(Loc::Reg(r)) => r,
            Operand::Value(Loc::Xmm(x)) => {
                // (A float read as a word: its bits.)
                self.m.from_xmm(scratch, x);
                scratch
            }
            Operand::Value(Loc::Spill(n)) => {
                let mem = self.spill_mem(n);
                self.m.load(scratch, mem);
                scratch
            }
            Operand::Value(Loc::None) => {
                // A value with no location is never read by correct code;
                // zero keeps the listing readable if it is.
                self.m.mov_imm(scratch, 0);
                scratch
            }
        }
    }

    /// Puts operand `o` in an XMM register: its own, or `scratch` (a
    /// constant through general register `via`).
    fn getx(&mut self, o: Operand, scratch: u8, via: Reg) -> u8 {
        match o {
            Operand::Value(Loc::Xmm(x)) => x,
            Operand::Imm(0) => {
                self.m.xorps(scratch, scratch);
                scratch
            }
            Operand::Value(Loc::Spill(n)) => {
                let mem = self.spill_mem(n);
                self.m.load_xmm(scratch, mem);
                scratch
            }
            Operand::Imm(bits) => {
                let k = self.m.constant(bits);
                self.m.load_xmm_const(scratch, k);
                scratch
            }
            o => {
                let r = self.get(o, via);
                self.m.to_xmm(scratch, r);
                scratch
            }
        }
    }

    /// `v` in an XMM register (its own or `scratch`, through `via`).
    fn srcx(&mut self, v: InsnId, scratch: u8, via: Reg) -> u8 {
        let o = self.operand(v);
        self.getx(o, scratch, via)
    }

    /// The XMM register `v` is computed in: its own, or `scratch`.
    fn dstx(&self, v: InsnId, scratch: u8) -> u8 {
        match self.a.loc[v.index()] {
            Loc::Xmm(x) => x,
            _ => scratch,
        }
    }

    /// `v` was computed in XMM register `x`: move it home.
    fn defx(&mut self, v: InsnId, x: u8) {
        match self.a.loc[v.index()] {
            Loc::Xmm(d) if d != x => self.m.mov_xmm(d, x),
            Loc::Reg(r) => self.m.from_xmm(r, x),
            Loc::Spill(n) => {
                let mem = self.spill_mem(n);
                self.m.store_xmm(mem, x);
            }
            _ => {}
        }
    }

    /// `v` = the word at `mem` (a float loaded straight into its XMM
    /// register).
    fn load_def(&mut self, v: InsnId, mem: Mem) {
        if let Loc::Xmm(x) = self.a.loc[v.index()] {
            self.m.load_xmm(x, mem);
            return;
        }
        let r = self.dst(v, TMP0);
        self.m.load(r, mem);
        self.def(v, r);
    }

    /// `v` in a register (its own or `scratch`).
    fn src(&mut self, v: InsnId, scratch: Reg) -> Reg {
        let o = self.operand(v);
        self.get(o, scratch)
    }

    /// `v` into exactly `r`.
    fn src_to(&mut self, v: InsnId, r: Reg) {
        let x = self.src(v, r);
        if x != r {
            self.m.mov(r, x);
        }
    }

    /// The register `v` is computed in: its own, or `scratch`.
    fn dst(&self, v: InsnId, scratch: Reg) -> Reg {
        match self.a.loc[v.index()] {
            Loc::Reg(r) => r,
            _ => scratch,
        }
    }

    /// `v` was computed in `r`: move it home.
    fn def(&mut self, v: InsnId, r: Reg) {
        match self.a.loc[v.index()] {
            Loc::Reg(d) if d != r => self.m.mov(d, r),
            Loc::Xmm(x) => self.m.to_xmm(x, r),
            Loc::Spill(n) => {
                let mem = self.spill_mem(n);
                self.m.store(mem, r);
            }
            _ => {}
        }
    }

    /// Stores `v` to memory at `mem` (through `TMP1` when needed).
    fn store_value(&mut self, mem: Mem, v: InsnId) {
        if let Operand::Value(Loc::Xmm(x)) = self.operand(v) {
            self.m.store_xmm(mem, x);
            return;
        }
        let r = self.src(v, TMP1);
        self.m.store(mem, r);
    }

    // ----- prologue, calls, exits -----

    /// Whether the saved registers leave `rsp` off 16-byte alignment
    /// (the return address and an even number of pushes).
    fn odd_stack(&self) -> bool {
        self.saved.len() % 2 == 0
    }

    fn frame_enter(&mut self) {
        for r in self.saved.clone() {
            self.m.push_reg(r);
        }
        if self.odd_stack() && !self.leaf {
            self.m.sub_rsp(8);
        }
    }

    fn frame_leave(&mut self) {
        if self.odd_stack() && !self.leaf {
            self.m.add_rsp(8);
        }
        for r in self.saved.clone().into_iter().rev() {
            self.m.pop_reg(r);
        }
    }

    /// Aligns `rsp` for a helper on a path that never comes back (it
    /// unwinds to the entry trampoline, which restores `rsp`): a leaf
    /// left it unaligned.
    fn align_noreturn(&mut self) {
        if self.odd_stack() && self.leaf {
            self.m.sub_rsp(8);
        }
    }

    fn prologue(&mut self, native_words: u32) {
        self.frame_enter();
        if self.jit.opts.steps && !self.osr {
            let out = self.m.new_label();
            self.stubs.push(Stub::Step(out, self.func, 0));
            self.m.add_mem_imm(Mem::at(VM, STEPS_LEFT), -1);
            self.m.jcc(Cond::Lt, out);
        }
        // Calls that need the stack checks, and whether one is off the
        // cold paths.
        let (mut calls, mut hot_calls) = (false, false);
        for b in self.g.block_ids() {
            let blk = self.g.block(b);
            for &i in &blk.insns {
                if self.deep_call(i) {
                    calls = true;
                    hot_calls |= !blk.cold;
                }
            }
        }
        // Frame arrays are memory: Go zeroes them. (Everything else is a
        // value: a slot read before any write is a constant zero.)
        let memory = self.g.insns.iter().any(|d| match &d.insn {
            Insn::LoadSlot { .. } | Insn::StoreSlot { .. } => true,
            Insn::Bytecode { op, .. } => op.reads().iter().chain(op.writes().iter()).any(|o| {
                matches!(
                    o.kind,
                    Kind::Array { .. } | Kind::Elems { .. } | Kind::Frame
                )
            }),
            _ => false,
        });
        self.frame_need = self.window + native_words;
        self.memory = memory;
        // (A function that spills nothing, keeps no frame memory and
        // makes no call touches only its parameter and result words,
        // which its caller's frame holds already; one whose calls are all
        // on cold paths checks there.)
        let quiet = self.a.spills == 0
            && !memory
            && self.g.frame_bufs == 0
            && !self.osr
            && self.leave == LeaveFlag::None
            && !self.g.blocks.iter().any(|b| b.entry_state.is_some());
        self.lazy_checks = quiet && calls && !hot_calls;
        if !quiet || hot_calls {
            self.stack_checks(calls);
        }
        if memory && !self.osr {
            // Frame memory may read the parameters' slots: the first
            // words, which callers pass only in registers, go there too.
            let n = self.f.param_words.min(PARAMS.len() as u32);
            for (k, &r) in PARAMS.iter().enumerate().take(n as usize) {
                let mem = self.slot(k as u32);
                self.m.store(mem, r);
            }
        }
        if !memory && !self.osr && calls {
            // A pointer parameter that arrived only in its register and
            // whose slot nothing writes is not saved at calls (`in_slot`):
            // its slot must hold it for the collector.
            for &p in &self.g.block(self.g.entry).params {
                if let Insn::Param { slot } = self.g.insn(p).insn {
                    let in_reg = PARAMS.get(slot as usize).copied();
                    if let (Some(r), true, Ty::Ptr) =
                        (in_reg, self.in_slot[p.index()], self.g.insn(p).ty)
                    {
                        let mem = self.slot(slot);
                        self.m.store(mem, r);
                    }
                }
            }
        }
        self.params();
        if memory && !self.osr {
            self.m.mov_imm(TMP0, 0);
            for s in self.f.param_words..self.f.frame_size {
                let mem = self.slot(s);
                self.m.store(mem, TMP0);
            }
        }
        if self.jit.opts.count && !self.osr {
            let calls = self.jit.counters.calls_addr(self.func);
            self.m.bump(TMP0, calls);
        }
        if let Some((_, r)) = self.counter {
            self.m.mov_imm(r, 0);
        }
        // (The count register starts at zero: its flag bit too.)
        if let LeaveFlag::Word(flag) = self.leave {
            self.m.store_imm(flag, 0);
        }
    }

    /// Stops with Go's stack overflow when the native stack (`calls`:
    /// before a call) or the VM frame stack has no room for this frame.
    fn stack_checks(&mut self, calls: bool) {
        if calls {
            self.m.cmp_rsp_mem(Mem::at(VM, RSP_LIMIT));
            self.m.jcc(Cond::Below, self.overflow);
        }
        self.m
            .lea(TMP0, Mem::at(FRAME, slot_offset(self.frame_need)));
        self.m.cmp_rm(TMP0, Mem::at(VM, STACK_END));
        self.m.jcc(Cond::Above, self.overflow);
    }

    /// The parameters: at the entry, the first four words from the
    /// parameter registers ([`PARAMS`]) and the rest from their slots;
    /// after OSR (where all values are parameters), all from the slots.
    /// (Before anything else may write those registers.)
    fn params(&mut self) {
        let entry = self.g.entry;
        let mut moves = Vec::new();
        let mut loads = Vec::new();
        for &p in &self.g.block(entry).params {
            if let Insn::Param { slot } = self.g.insn(p).insn {
                if self.a.loc[p.index()] == Loc::None {
                    continue;
                }
                match PARAMS.get(slot as usize) {
                    Some(&r) if !self.osr && slot < self.f.param_words => {
                        moves.push((Operand::Value(Loc::Reg(r)), self.a.loc[p.index()]))
                    }
                    _ => loads.push((p, slot)),
                }
            }
        }
        // (The moves first: a load's destination may be a parameter
        // register still to be read.)
        self.parallel_move(moves);
        for (p, slot) in loads {
            let mem = self.slot(slot);
            self.load_def(p, mem);
        }
    }

    /// Adds the counter kept in a register to memory (before the runtime
    /// may read it) and starts it again from zero.
    fn flush_counter(&mut self) {
        let p = self.phase();
        self.flush_counter_at(p);
    }

    /// [`Self::flush_counter`] at derived count `phase` (in the counted
    /// loop): the register is the count minus it again after.
    fn flush_counter_at(&mut self, phase: Option<Phase>) {
        if let Some(p) = phase {
            self.shift_count(p, true);
            self.flush_plain();
            self.shift_count(p, false);
        } else {
            self.flush_plain();
        }
    }

    fn flush_plain(&mut self) {
        if let Some((addr, r)) = self.counter {
            if self.leave == LeaveFlag::Sign(r) {
                // The count without the flag bit, which stays.
                self.m.mov_imm(CALL_TARGET, !TOP_BIT);
                self.m.and(CALL_TARGET, r);
                self.m.sub(r, CALL_TARGET);
                self.m.add_word_at(addr, CALL_TARGET, TMP0);
                return;
            }
            self.m.add_word_at(addr, r, CALL_TARGET);
            self.m.mov_imm(r, 0);
        }
    }

    /// Sets (or clears) the leave flag.
    fn set_leave_flag(&mut self, on: bool) {
        match self.leave {
            LeaveFlag::None => {}
            LeaveFlag::Word(flag) => self.m.store_imm(flag, on as i32),
            LeaveFlag::Sign(r) => {
                if on {
                    self.m.mov_imm(TMP1, TOP_BIT);
                    self.m.or(r, TMP1);
                } else {
                    self.m.mov_imm(TMP1, !TOP_BIT);
                    self.m.and(r, TMP1);
                }
            }
        }
    }

    /// Registers to write to their save slots around a call at `pos`, and
    /// whether each must be reloaded after it.
    /// (XMM registers are all caller-saved; floats are never pointers.)
    /// Whether `i` is a call that needs the stack checks: not a runtime
    /// helper (`CallRt`: no safepoint, no Go code; the native stack it
    /// takes is within the margin below the limit, as a leaf's is)
    /// across which nothing is saved to the frame.
    fn deep_call(&self, i: InsnId) -> bool {
        let insn = &self.g.insn(i).insn;
        regalloc::calls(insn)
            && !(matches!(
                insn,
                Insn::CallRt { .. } | Insn::MemMove { .. } | Insn::Release { .. }
            ) && self.live_regs(i).is_empty())
    }

    fn live_regs(&self, i: InsnId) -> Vec<(Loc, bool)> {
        let p = self.a.pos[i.index()];
        self.a
            .live_across(p)
            .into_iter()
            .filter_map(|(v, l)| {
                let ptr = self.g.insn(v).ty == Ty::Ptr && !self.in_slot[v.index()];
                let reload = !matches!(l, Loc::Reg(r) if is_callee_saved(r));
                (ptr || reload).then_some((l, reload))
            })
            .collect()
    }

    /// The instruction being expanded (none in out-of-line code).
    fn current_insn(&self) -> Option<InsnId> {
        let (b, n) = self.at?;
        self.g.block(b).insns.get(n).copied()
    }

    /// The stack map of the call instruction `i` makes: the frame words
    /// (from slot 0) that hold live pointers meanwhile. The save slots of
    /// live pointers (and floats) in registers (`save` writes them), the
    /// spill slots of live spilled ones, parameters kept in their own slots
    /// (`in_slot`), the bytecode slots that may hold pointers when the
    /// function keeps values there (`memory`: they are zeroed at entry),
    /// the buffers of objects allocated in the frame, and `extra` (a
    /// helper's operands).
    fn stack_map(&self, i: InsnId, extra: &[u32]) -> Vec<u32> {
        let p = self.a.pos[i.index()];
        let fs = self.f.frame_size;
        let across = |v: usize| self.a.ranges[v].iter().any(|&(s, e)| s < p && e > p);
        let mut w: Vec<u32> = extra.to_vec();
        for (v, &l) in self.a.loc.iter().enumerate() {
            let d = &self.g.insns[v];
            // (A float may carry a pointer's bits: the graph types a
            // frame slot that holds both a float and, at another time, a
            // possible pointer as a float, as a call window whose float
            // argument and string result share a slot.)
            if !matches!(d.ty, Ty::Ptr | Ty::Float) || !across(v) {
                continue;
            }
            if self.in_slot[v] {
                if let Insn::Param { slot } = d.insn {
                    w.push(slot);
                    continue;
                }
            }
            match l {
                Loc::Reg(r) => {
                    if let Some(k) = ALLOCATABLE.iter().position(|&x| x == r) {
                        w.push(fs + k as u32);
                    }
                }
                Loc::Spill(n) => w.push(fs + SAVES + self.a.xmm_used + n),
                Loc::Xmm(x) => {
                    if let Some(k) = XMM_ALLOCATABLE.iter().position(|&y| y == x) {
                        w.push(fs + SAVES + k as u32);
                    }
                }
                _ => {}
            }
        }
        if self.memory {
            w.extend(
                (0..fs).filter(|&s| self.f.ptr_slots.get(s as usize).copied().unwrap_or(true)),
            );
        }
        w.extend(self.bufs..self.bufs + self.g.frame_bufs);
        w.sort_unstable();
        w.dedup();
        w
    }

    fn save(&mut self, live: &[(Loc, bool)]) {
        for &(l, _) in live {
            let mem = self.save_mem(l);
            match l {
                Loc::Reg(r) => self.m.store(mem, r),
                Loc::Xmm(x) => self.m.store_xmm(mem, x),
                _ => {}
            }
        }
    }

    fn reload(&mut self, live: &[(Loc, bool)]) {
        for &(l, reload) in live {
            if reload {
                let mem = self.save_mem(l);
                match l {
                    Loc::Reg(r) => self.m.load(r, mem),
                    Loc::Xmm(x) => self.m.load_xmm(x, mem),
                    _ => {}
                }
            }
        }
    }

    /// Calls `runtime::op` on `op` (kept alive with the code); its status
    /// unwinds on a panic.
    fn call_op_helper(&mut self, op: Op) {
        self.call_op_helper_on(op, 0, self.func);
    }

    /// [`Self::call_op_helper`] on a frame of `func` at slot `base`.
    fn call_op_helper_on(&mut self, op: Op, base: u32, func: FuncId) {
        let map = match self.current_insn() {
            Some(i) => {
                let reads = crate::bytecode::liveness::read_words(&op, self.prog);
                match reads {
                    Some(r) => {
                        let words: Vec<u32> =
                            r.iter().flat_map(|&(a, b)| base + a..base + b).collect();
                        self.stack_map(i, &words)
                    }
                    // (Reads of unknown extent: the whole frame.)
                    None => (0..self.frame_need).collect(),
                }
            }
            None => (0..self.frame_need).collect(),
        };
        self.m.set_stack_map(Some(&map));
        let boxed = Box::new(op);
        let ptr = &*boxed as *const Op as u64;
        self.ops.push(boxed);
        self.m.mov(ARGS[0], VM);
        if base == 0 {
            self.m.mov(ARGS[1], FRAME);
        } else {
            self.m.lea(ARGS[1], Mem::at(FRAME, slot_offset(base)));
        }
        self.m.mov_imm(ARGS[2], ptr);
        self.m.mov_imm(ARGS[3], func.0 as u64);
        machine::call_runtime(&mut self.m, runtime::op as *const () as usize);
        self.m.set_stack_map(None);
        self.m.test(TMP0, TMP0);
        let unwind = self.unwind_label();
        self.m.jne(unwind);
    }

    /// `i` = a new zeroed object of `words` words (`Op::Alloc`), in `RET`:
    /// inline, the bump of its allocation cache (`machine::alloc_inline`);
    /// out of line when the run is spent (or for large objects, inline), a
    /// call of `runtime::alloc`: a safepoint, with the
    /// live pointers in the frame (the whole function's, which the
    /// collector scans, inlined frames and save slots included).
    fn alloc(&mut self, i: InsnId, words: u32, layout: u32) {
        let live = self.live_regs(i);
        let map = self.stack_map(i, &[]);
        let unwind = self.unwind_label();
        let (spent, join) = (self.m.new_label(), self.m.new_label());
        if machine::alloc_inline(&mut self.m, words, layout, spent) {
            self.m.bind(join);
            self.stubs
                .push(Stub::Alloc(spent, join, live, words, layout, unwind, map));
        } else {
            self.alloc_call(&live, words, layout, unwind, &map);
        }
        self.def(i, RET);
    }

    /// The call of `runtime::alloc` for [`Self::alloc`]: the object in `RET`.
    fn alloc_call(
        &mut self,
        live: &[(Loc, bool)],
        words: u32,
        layout: u32,
        unwind: Label,
        map: &[u32],
    ) {
        self.save(live);
        self.m.set_stack_map(Some(map));
        self.m.mov(ARGS[0], VM);
        self.m.mov(ARGS[1], FRAME);
        self.m.mov_imm(ARGS[2], self.func.0 as u64);
        self.m
            .mov_imm(ARGS[3], words as u64 | (layout as u64) << 32);
        machine::call_runtime(&mut self.m, runtime::alloc as *const () as usize);
        self.m.set_stack_map(None);
        self.m.test(RET, RET);
        self.m.je(unwind);
        self.reload(live);
    }

    /// The results of a call in the window, read into `i` (one word) or
    /// left there for its projections.
    /// `in_ret`: the callee is Go code, whose first result word is in
    /// `RET` too (a compiled caller takes it from there, not through
    /// memory).
    fn call_results(&mut self, i: InsnId, words: u32, in_ret: bool) {
        let ty = self.g.insn(i).ty;
        if ty.is_word() && in_ret {
            self.def(i, RET);
        } else if ty.is_word() {
            let mem = self.slot(self.window);
            self.load_def(i, mem);
        } else if words > 1 {
            let slots = (self.window..self.window + words).collect();
            self.results.insert(i, slots);
        }
    }

    /// Calls the function whose id is in `eax` (or `f`) through its entry
    /// cell, with its frame at the window.
    ///
    /// `words` are the argument words, already in the window: the first
    /// four also go in the parameter registers ([`PARAMS`]), which every
    /// callee's entry expects. (After the saves: those registers are
    /// caller-saved, reloaded after the call; `r11` breaks a cycle, as
    /// `eax` may hold the callee.)
    fn call_cell(&mut self, i: InsnId, f: Option<FuncId>, words: &[InsnId]) {
        let live = self.live_regs(i);
        self.save(&live);
        let map = self.stack_map(i, &[]);
        self.m.set_stack_map(Some(&map));
        let moves = words
            .iter()
            .zip(PARAMS)
            .map(|(&v, r)| (self.operand(v), Loc::Reg(r)))
            .collect();
        self.parallel_move_via(moves, CALL_TARGET);
        let off = slot_offset(self.window);
        self.m.shift_frame(off);
        match f {
            Some(f) => {
                self.m.mov_imm(TMP0, f.0 as u64);
                self.m.mov_imm(CALL_TARGET, self.jit.cell_addr(f));
                self.m.call_mem(Mem::at(CALL_TARGET, 0));
            }
            None => {
                self.m.mov_imm(CALL_TARGET, self.jit.cell_addr(FuncId(0)));
                self.m.call_indexed(CALL_TARGET, TMP0);
            }
        }
        self.m.shift_frame(-off);
        self.m.set_stack_map(None);
        self.reload(&live);
    }

    fn panic_path(&mut self, kind: PanicKind, a: Option<Operand>, b: Option<Operand>) -> Label {
        let l = self.m.new_label();
        let unwind = self.unwind_label();
        let tag = self.m.tag();
        self.stubs.push(Stub::Panic(l, kind, a, b, unwind, tag));
        l
    }

    // ----- the site count derived from the loop's trips -----

    /// Where the emission is, as a derived count: `None` outside the
    /// counted loop (the counter register then holds the count itself).
    fn phase(&self) -> Option<Phase> {
        let (b, k) = self.at?;
        let t = self.trips.iter().find(|t| t.body[b.index()])?;
        Some(if b == t.latch && k > t.next_pos {
            (t.next, 0)
        } else if b == t.bump_block {
            (t.iv, u8::from(k > t.bump_pos))
        } else {
            (t.iv, u8::from(t.after_bump[b.index()]))
        })
    }

    /// Adds (or takes) derived count `p` to (from) the counter register:
    /// in the counted loop the count is the register plus `p`.
    fn shift_count(&mut self, p: Phase, add: bool) {
        let Some((_, r)) = self.counter else {
            return;
        };
        let v = self.src(p.0, TMP1);
        if add {
            self.m.add(r, v);
        } else {
            self.m.sub(r, v);
        }
        if p.1 != 0 {
            self.m.add_imm(r, if add { 1 } else { -1 });
        }
    }

    /// The unwind path from here (one that adds the derived count first,
    /// in the counted loop).
    fn unwind_label(&mut self) -> Label {
        self.count_path(false)
    }

    /// The nil-panic path from here (as [`Self::unwind_label`]).
    fn nil_label(&mut self) -> Label {
        self.count_path(true)
    }

    fn count_path(&mut self, nil: bool) -> Label {
        let to = if nil { self.nil_exit() } else { self.unwind };
        let Some(p) = self.phase() else {
            return to;
        };
        if let Some(&(_, _, l)) = self.count_labels.iter().find(|c| c.0 == p && c.1 == to) {
            return l;
        }
        let l = self.m.new_label();
        self.stubs.push(Stub::Count(l, p, to));
        self.count_labels.push((p, to, l));
        l
    }

    /// The nil-panic exit of the current location.
    fn nil_exit(&mut self) -> Label {
        let tag = self.m.tag();
        if let Some(&(_, l)) = self.nil_exits.iter().find(|e| e.0 == tag) {
            return l;
        }
        let l = self.m.new_label();
        self.nil_exits.push((tag, l));
        l
    }

    /// Calls emitted from here on are made at `pc` of inline context
    /// `ctx`: their return addresses name its frames in tracebacks.
    fn locate_at(&mut self, ctx: u32, pc: u32) {
        let tag = match self.tags.get(&(ctx, pc)) {
            Some(&t) => t,
            None => {
                let frames = self.g.frames_at(self.func, ctx, pc);
                let t = self.m.location(&frames);
                self.tags.insert((ctx, pc), t);
                t
            }
        };
        self.m.set_tag(tag);
    }

    /// [`Self::locate_at`] the location of instruction `i`.
    fn locate(&mut self, i: Option<InsnId>) {
        let (ctx, pc) = i.map_or((0, 0), |i| (self.g.insn(i).ctx, self.g.insn(i).pc));
        self.locate_at(ctx, pc);
    }

    // ----- instructions -----

    fn insn(&mut self, i: InsnId) -> Result<(), String> {
        self.locate(Some(i));
        // (Only a slice access right after one may reuse its index.)
        let cached = self.elem_cache.take();
        if self.fused[i.index()] {
            return Ok(());
        }
        // The runtime may read the count in a call (a miss, the policy).
        if regalloc::calls(&self.g.insn(i).insn) {
            if self.lazy_checks && self.deep_call(i) {
                self.stack_checks(true);
            }
            self.flush_counter();
        }
        // (An access the bounds pass proved in range: as if checked.)
        if let Some(t) = self.g.access(i).filter(|_| self.g.in_bounds.contains(&i)) {
            self.checked.push(t);
        }
        let d = self.g.insn(i).clone();
        match &d.insn {
            Insn::Param { .. } | Insn::Const { .. } | Insn::TypeWord { .. } => {}
            Insn::Bin { op, a, b } => self.bin(i, *op, *a, *b),
            Insn::Un { op, a } => self.un(i, *op, *a),
            Insn::Cmp { c, kind, a, b } => {
                let r = self.dst(i, TMP0);
                match kind {
                    CmpKind::Float => self.fcmp(*c, *a, *b, r),
                    _ => {
                        self.cmp(*a, *b);
                        self.m.set(int_cond(*c, *kind == CmpKind::Signed), r);
                    }
                }
                self.def(i, r);
            }
            Insn::CheckShift { a } => {
                let ra = self.src(*a, TMP0);
                let l = self.panic_path(PanicKind::Shift, None, None);
                self.m.cmp(ra, 0);
                self.m.jcc(Cond::Lt, l);
            }
            Insn::CheckIndex { i: x, len } => {
                let o = self.operand(*x);
                let rx = self.get(o, TMP0);
                let l = self.panic_path(PanicKind::Index, Some(o), Some(Operand::Imm(*len as u64)));
                self.m.cmp(rx, *len as i32);
                self.m.jcc(Cond::AboveEq, l);
            }
            Insn::Load { p, off } => {
                let disp = 8 * *off as i32;
                if let Some(&imm) = self.rmw.get(&i) {
                    let rp = self.src(*p, TMP1);
                    if self.nil_check_access(*p, rp, disp) {
                        let l = self.nil_label();
                        self.m.fault_here(l);
                        self.nil_checked.push(*p);
                    }
                    self.m.add_mem_imm(Mem::at(rp, disp), imm);
                    return Ok(());
                }
                if self.a.folded[i.index()] {
                    // (The next instruction reads it as its memory operand,
                    // and is the access that faults on nil when implicit.)
                    let rp = self.src(*p, CALL_TARGET);
                    let implicit = self.nil_check_access(*p, rp, disp);
                    self.mem_fault = implicit.then_some(*p);
                    self.mem_operand = Some((i, Mem::at(rp, disp)));
                    return Ok(());
                }
                let rp = self.src(*p, TMP1);
                if self.nil_check_access(*p, rp, disp) {
                    let l = self.nil_label();
                    self.m.fault_here(l);
                    self.nil_checked.push(*p);
                }
                self.load_def(i, Mem::at(rp, disp));
            }
            Insn::Store { p, off, v } => {
                let disp = 8 * *off as i32;
                let rp = self.src(*p, TMP1);
                let implicit = self.nil_check_access(*p, rp, disp);
                let mem = Mem::at(rp, disp);
                let o = self.operand(*v);
                let rv = match o {
                    Operand::Value(Loc::Xmm(_)) => None,
                    o => Some(self.get(o, TMP0)),
                };
                if implicit {
                    let l = self.nil_label();
                    self.m.fault_here(l);
                    self.nil_checked.push(*p);
                }
                match (o, rv) {
                    (Operand::Value(Loc::Xmm(x)), _) => self.m.store_xmm(mem, x),
                    (_, Some(rv)) => self.m.store(mem, rv),
                    (_, None) => unreachable!("a store's value in a register"),
                }
            }
            Insn::AddrOff { p, off } => {
                let rp = self.src(*p, TMP1);
                self.nil_check(*p, rp);
                let r = self.dst(i, TMP0);
                self.m.lea(r, Mem::at(rp, 8 * *off as i32));
                self.def(i, r);
            }
            // (No location: an `lea`, or the base of an element's
            // address, where it is read.)
            Insn::FrameAddr { .. } => {}
            Insn::AddrG { addr } => {
                let r = self.dst(i, TMP0);
                self.m.mov_imm(r, *addr);
                self.m.load(TMP1, Mem::at(VM, GLOBALS_DELTA));
                self.m.add(r, TMP1);
                self.def(i, r);
            }
            Insn::LoadG { addr } => {
                self.m.mov_imm(TMP0, *addr);
                self.m.load(TMP1, Mem::at(VM, GLOBALS_DELTA));
                self.m.add(TMP0, TMP1);
                let r = self.dst(i, TMP0);
                self.m.load(r, Mem::at(TMP0, 0));
                self.def(i, r);
            }
            Insn::StoreG { addr, v } => {
                self.m.mov_imm(TMP0, *addr);
                self.m.load(TMP1, Mem::at(VM, GLOBALS_DELTA));
                self.m.add(TMP0, TMP1);
                let rv = self.src(*v, TMP1);
                self.m.store(Mem::at(TMP0, 0), rv);
            }
            Insn::SliceAddr {
                ptr,
                len,
                i: x,
                stride,
            } => {
                let (base, index, scale, disp) = self.element(*ptr, *len, *x, *stride, cached);
                self.m.lea_sib(TMP0, base, index, scale, disp);
                // (TMP0 no longer holds the scaled index.)
                self.elem_cache = None;
                self.def(i, TMP0);
            }
            Insn::SliceLoad {
                ptr,
                len,
                i: x,
                stride,
                off,
            } => {
                let (base, index, scale, disp) = self.element(*ptr, *len, *x, *stride, cached);
                let r = self.dst(i, TMP1);
                if *stride & PACKED != 0 {
                    // A `[]byte`'s element: `movzx` of the byte.
                    self.m.load_u8_sib(r, base, index, disp);
                } else {
                    self.m
                        .load_sib(r, base, index, scale, disp + 8 * *off as i32);
                }
                if r == TMP0 {
                    self.elem_cache = None;
                }
                self.def(i, r);
            }
            Insn::SliceStore {
                ptr,
                len,
                i: x,
                stride,
                off,
                v,
            } => {
                let (base, index, scale, disp) = self.element(*ptr, *len, *x, *stride, cached);
                let rv = self.src(*v, TMP1);
                if *stride & PACKED != 0 {
                    self.m.store_u8_sib(base, index, disp, rv);
                } else {
                    self.m
                        .store_sib(base, index, scale, disp + 8 * *off as i32, rv);
                }
            }
            Insn::KeyEq { cell, v } => {
                let rv = self.src(*v, TMP0);
                self.m.cmp_word_at(*cell, rv, TMP1);
                let r = self.dst(i, TMP0);
                self.m.set(Cond::Eq, r);
                self.def(i, r);
            }
            Insn::Bump { addr } => match self.counter {
                // (Counted by the loop's trips.)
                Some((a, _)) if a == *addr && !self.trips.is_empty() => {}
                Some((a, r)) if a == *addr => self.m.add_imm(r, 1),
                _ => self.m.bump(TMP0, *addr),
            },
            Insn::SiteMiss { site, key } => {
                let back = self.m.new_label();
                self.src_to(*key, TMP2);
                // A nil receiver: the indirect call panics. It is counted
                // as a miss (no guard matched), not in the site's rows
                // (the interpreter counts no receiver for it): the calls
                // less the misses are the guards' hits.
                let not_nil = self.m.new_label();
                self.m.test(TMP2, TMP2);
                self.m.jne(not_nil);
                self.m.bump(TMP1, self.jit.counters.miss_addr(site.index()));
                self.m.jmp(back);
                self.m.bind(not_nil);
                let base = self.jit.counters.word_addr(site.index(), 0);
                crate::tier::counters::emit_miss_count(&mut self.m, base, back);
                let live = self.live_regs(i);
                self.save(&live);
                self.m.mov(ARGS[0], VM);
                self.m.mov_imm(ARGS[1], site.0 as u64);
                // ARGS[2] is rdx: the key (or 0) is already there.
                self.m.call_abs(runtime::site_miss as *const () as usize);
                self.reload(&live);
                if self.leave != LeaveFlag::None {
                    // Recompiled (this version's entry is no longer
                    // installed): the next back-edge leaves.
                    self.m.lea_label(TMP1, self.main_entry);
                    self.m.mov_imm(CALL_TARGET, self.jit.cell_addr(self.func));
                    self.m.cmp(Mem::at(CALL_TARGET, 0), TMP1);
                    self.m.je(back);
                    self.set_leave_flag(true);
                }
                self.m.bind(back);
            }
            Insn::VerifyType { site, tab, check } => {
                let bad = self.m.new_label();
                self.stubs.push(Stub::Verify(bad, site.0, *check));
                self.m.comment("--verify-guards: re-check the receiver");
                self.src_to(*tab, TMP1);
                self.m.test(TMP1, TMP1);
                self.m.je(bad);
                self.m.load(TMP1, Mem::at(TMP1, ITAB_TYPE as i32));
                self.m.mov_imm(TMP2, *check);
                self.m.cmp(TMP1, TMP2);
                self.m.jne(bad);
            }
            Insn::FrameAlloc { buf, words } => {
                // Zeroed 16 bytes at a time (xmm0 is scratch).
                let at = |k: u32| Mem::at(FRAME, slot_offset(self.bufs + buf + k));
                if *words > 1 {
                    self.m.xorps(0, 0);
                }
                let mut k = 0;
                while k + 1 < *words {
                    self.m.store_xmm128(at(k), 0);
                    k += 2;
                }
                if k < *words {
                    self.m.store_imm(at(k), 0);
                }
                let d = self.dst(i, TMP0);
                self.m.lea(d, at(0));
                self.def(i, d);
            }
            Insn::Release { p } => {
                // (No safepoint: the heap only takes the object back.)
                let live = self.live_regs(i);
                self.save(&live);
                self.src_to(*p, ARGS[1]);
                self.m.mov(ARGS[0], VM);
                self.m.call_abs(runtime::release as *const () as usize);
                self.reload(&live);
            }
            Insn::StressTick { site } => {
                self.m.comment("stress: maybe force a miss");
                let live = self.live_regs(i);
                self.save(&live);
                self.m.mov(ARGS[0], VM);
                self.m.mov_imm(ARGS[1], site.0 as u64);
                self.m.call_abs(runtime::stress_tick as *const () as usize);
                self.reload(&live);
                self.def(i, TMP0);
            }
            Insn::Entered { func, edge } => {
                self.m
                    .comment(&format!("inlined {}", self.prog.func(*func).name));
                if self.jit.opts.count {
                    // An inlined direct call: one word counts the call
                    // and the callee's entry (`Counters::func`).
                    let addr = if *edge == EdgeId::NONE {
                        self.jit.counters.calls_addr(*func)
                    } else {
                        self.jit.counters.inlined_edge_addr(*edge)
                    };
                    self.m.bump(TMP0, addr);
                }
                if self.jit.opts.steps {
                    let out = self.m.new_label();
                    self.stubs.push(Stub::Step(out, *func, 0));
                    self.m.add_mem_imm(Mem::at(VM, STEPS_LEFT), -1);
                    self.m.jcc(Cond::Lt, out);
                }
            }
            Insn::LoadCtx => {
                let r = self.dst(i, TMP0);
                self.m.load(r, Mem::at(VM, CTX));
                self.def(i, r);
            }
            Insn::LoadSlot { slot } => {
                let mem = self.slot(*slot);
                self.load_def(i, mem);
            }
            Insn::StoreSlot { slot, v } => {
                let mem = self.slot(*slot);
                self.store_value(mem, *v);
            }
            Insn::Proj { of, index } => {
                let Some(slot) = self
                    .results
                    .get(of)
                    .and_then(|s| s.get(*index as usize))
                    .copied()
                else {
                    return Err(format!("{i}: projection of {of}, whose words are gone"));
                };
                let mem = self.slot(slot);
                self.load_def(i, mem);
            }
            Insn::Call { func, args, edge } => {
                self.m
                    .comment(&format!("call {}", self.prog.func(*func).name));
                if self.jit.opts.count {
                    self.count_edge(*edge);
                }
                self.window_args_from(args, PARAMS.len());
                self.call_cell(i, Some(*func), args);
                let rw = self.prog.func(*func).result_words;
                self.call_results(i, rw, true);
            }
            Insn::CallIface {
                site, method, recv, ..
            } => {
                self.m.comment("indirect call through the itab");
                let rw = self.prog.sites[site.index()].result_words;
                let words = self.g.insn(i).insn.window_words().unwrap_or_default();
                self.window_args_from(&words, PARAMS.len());
                let tab = self.src(recv[0], TMP0);
                // A nil interface has a nil itab: reading its method
                // faults (implicitly checked), or is tested first.
                let fun = Mem::at(tab, ITAB_FUN as i32 + 8 * *method as i32);
                if self.faults_on_nil(fun.disp) {
                    let l = self.nil_label();
                    self.m.fault_here(l);
                } else {
                    self.m.test(tab, tab);
                    let l = self.nil_label();
                    self.m.je(l);
                }
                self.m.load32(TMP0, fun);
                // (Calls at an unguarded site: a report's figure, counted
                // when counts are asked for, as function calls are.)
                if !self.guarded.contains(site) && self.jit.opts.count {
                    self.m
                        .bump(TMP1, self.jit.counters.indirect_addr(site.index()));
                }
                self.call_cell(i, None, &words);
                self.call_results(i, rw, true);
            }
            Insn::CallClosure { site, f, args } => {
                self.m.comment("indirect call of a function value");
                let rw = self.prog.sites[site.index()].result_words;
                self.window_args_from(args, PARAMS.len());
                self.src_to(*f, TMP0);
                self.m.test(TMP0, TMP0);
                let l = self.nil_label();
                self.m.je(l);
                self.m.store(Mem::at(VM, CTX), TMP0);
                if self.jit.opts.count {
                    self.m
                        .bump(TMP1, self.jit.counters.indirect_addr(site.index()));
                }
                self.m.load(TMP0, Mem::at(TMP0, 0));
                self.call_cell(i, None, args);
                self.call_results(i, rw, true);
            }
            Insn::CallNative { native, args } => {
                self.window_args(args);
                let live = self.live_regs(i);
                self.save(&live);
                self.call_op_helper(Op::CallNative {
                    native: *native,
                    base: self.window,
                });
                self.reload(&live);
                self.call_results(i, native.result_words(), false);
            }
            Insn::Select { cond, a, b } => {
                let rc = self.src(*cond, TMP2);
                self.m.test(rc, rc);
                // (Moves leave the flags alone.)
                let r = self.dst(i, TMP0);
                let mut ra = self.src(*a, TMP1);
                if ra == r {
                    self.m.mov(TMP1, ra);
                    ra = TMP1;
                }
                let rb = self.src(*b, r);
                if rb != r {
                    self.m.mov(r, rb);
                }
                self.m.cmovne(r, ra);
                self.def(i, r);
            }
            Insn::StrByte { ptr, len, i: x } => {
                let (base, index, _, disp) = self.element(*ptr, *len, *x, 1, cached);
                self.elem_cache = None;
                let r = self.dst(i, TMP0);
                self.m.load_u8_sib(r, base, index, disp);
                self.def(i, r);
            }
            Insn::StrEqConst { ptr, len, bytes, n } => {
                self.str_eq_const_flags(*ptr, *len, *bytes, *n);
                let r = self.dst(i, TMP0);
                self.m.set(Cond::Eq, r);
                self.def(i, r);
            }
            Insn::CallRt { rt, args } => {
                let r = self.dst(i, TMP0);
                let done = self.m.new_label();
                if *rt == Rt::StrCmp {
                    // Inline: two non-empty strings whose first bytes
                    // differ (most that are compared) give those bytes'
                    // difference; with equal first bytes, two of at
                    // least four bytes whose first four differ (sorted
                    // neighbours: a sort's late comparisons) give -1 or
                    // 1 by those four, big-endian. (`r` is written only
                    // on the way out: it may be an operand's register.)
                    let (slow, four) = (self.m.new_label(), self.m.new_label());
                    for n in [args[1], args[3]] {
                        let rn = self.src(n, TMP1);
                        self.m.test(rn, rn);
                        self.m.je(slow);
                    }
                    let pa = self.src(args[0], TMP1);
                    self.m.load8(TMP1, Mem::at(pa, 0));
                    let pb = self.src(args[2], TMP2);
                    self.m.load8(TMP2, Mem::at(pb, 0));
                    self.m.sub(TMP1, TMP2);
                    self.m.je(four);
                    self.m.mov(r, TMP1);
                    self.m.jmp(done);
                    self.m.bind(four);
                    for n in [args[1], args[3]] {
                        let rn = self.src(n, TMP1);
                        self.m.cmp(rn, 4);
                        self.m.jcc(Cond::Below, slow);
                    }
                    let pa = self.src(args[0], TMP1);
                    self.m.load32(TMP1, Mem::at(pa, 0));
                    let pb = self.src(args[2], TMP2);
                    self.m.load32(TMP2, Mem::at(pb, 0));
                    self.m.bswap32(TMP1);
                    self.m.bswap32(TMP2);
                    self.m.cmp(TMP1, TMP2);
                    self.m.je(slow);
                    self.m.set(Cond::Above, TMP1);
                    self.m.lea_sib(TMP1, TMP1, TMP1, 1, -1);
                    self.m.mov(r, TMP1);
                    self.m.jmp(done);
                    self.m.bind(slow);
                }
                let f = match rt {
                    Rt::StrEq => runtime::str_equal as *const () as usize,
                    Rt::StrCmp => runtime::str_compare as *const () as usize,
                };
                self.call_leaf(i, args, f, Some(r));
                self.m.bind(done);
                self.def(i, r);
            }
            Insn::MemMove { dst, src, bytes } => self.mem_move(i, *dst, *src, *bytes),
            Insn::Bytecode {
                op,
                args,
                inlined_from,
            } => self.bytecode(i, op, args, *inlined_from)?,
        }
        Ok(())
    }

    /// [`Insn::MemMove`]: up to 16 bytes inline, as the C library's
    /// `memmove` copies short ones: the first and the last `w` bytes
    /// (overlapping), `w` the largest of 8, 4, 2, 1 that fits, both loaded
    /// before either is stored (so overlapping source and destination
    /// copy right); longer copies call `memmove`. Inline only when the
    /// three words are in registers (the temporaries hold the bytes).
    fn mem_move(&mut self, i: InsnId, dst: InsnId, src: InsnId, bytes: InsnId) {
        let done = self.m.new_label();
        let reg = |cg: &Self, v: InsnId| match cg.operand(v) {
            Operand::Value(Loc::Reg(r)) => Some(r),
            _ => None,
        };
        if let (Some(d), Some(s), Some(n)) = (reg(self, dst), reg(self, src), reg(self, bytes)) {
            let call = self.m.new_label();
            self.m.cmp(n, 16);
            self.m.jcc(Cond::Above, call);
            for w in [8u8, 4, 2, 1] {
                let next = self.m.new_label();
                if w == 1 {
                    self.m.test(n, n);
                    self.m.je(done);
                } else {
                    self.m.cmp(n, w as i32);
                    self.m.jcc(Cond::Below, next);
                }
                let back = -(w as i32);
                self.m.load_n(w, TMP0, s, None, 0);
                self.m.load_n(w, TMP1, s, Some(n), back);
                self.m.store_n(w, d, None, 0, TMP0);
                self.m.store_n(w, d, Some(n), back, TMP1);
                self.m.jmp(done);
                self.m.bind(next);
            }
            self.m.bind(call);
        }
        self.call_leaf(
            i,
            &[dst, src, bytes],
            runtime::mem_move as *const () as usize,
            None,
        );
        self.m.bind(done);
    }

    /// Calls runtime helper `f`, which neither collects nor panics, with
    /// `args` in the argument registers, the registers live across `i`
    /// saved and reloaded around it; its result word to `result`.
    fn call_leaf(&mut self, i: InsnId, args: &[InsnId], f: usize, result: Option<Reg>) {
        let live = self.live_regs(i);
        self.save(&live);
        let moves = args
            .iter()
            .enumerate()
            .map(|(k, &v)| (self.operand(v), Loc::Reg(ARGS[k])))
            .collect();
        self.parallel_move(moves);
        self.m.call_abs(f);
        if let Some(r) = result.filter(|&r| r != TMP0) {
            self.m.mov(r, TMP0);
        }
        self.reload(&live);
    }

    /// Writes call arguments to the window.
    fn window_args(&mut self, args: &[InsnId]) {
        self.window_args_from(args, 0);
    }

    /// The argument words from `first` on to the call's window. (A
    /// compiled function's callee takes its first four words from the
    /// parameter registers only: every entry writes to its frame those of
    /// them it reads from memory — baseline code, the interpreter stub,
    /// optimized code with frame memory.)
    /// One `add qword [counter], 1` for a call at direct call site `edge`
    /// (none for `EdgeId::NONE`).
    fn count_edge(&mut self, edge: EdgeId) {
        if edge != EdgeId::NONE {
            let addr = self.jit.counters.edge_addr(edge);
            self.m.bump(TMP0, addr);
        }
    }

    fn window_args_from(&mut self, args: &[InsnId], first: usize) {
        for (k, &v) in args.iter().enumerate().skip(first) {
            let mem = self.slot(self.window + k as u32);
            self.store_value(mem, v);
        }
    }

    /// `TMP0 = &ptr[i]` (elements of `stride` words), bounds-checked.
    /// The nil check of an access through `p` at byte offset `disp`:
    /// nothing when `p` was checked on the way here; `false` after
    /// `test p, p; je nil`; `true` when the access itself is the check (an
    /// implicit nil check, see `pgojit_jit::faults`): the caller marks the
    /// access with `fault_here` right before emitting it, and then records
    /// `p` as checked.
    fn nil_check_access(&mut self, p: InsnId, rp: Reg, disp: i32) -> bool {
        if self.nil_checked.contains(&p) {
            return false;
        }
        if self.faults_on_nil(disp) {
            return true;
        }
        self.nil_check(p, rp);
        false
    }

    /// An access at `disp` from a nil pointer faults (the first page is
    /// never mapped), so it can be its own nil check, when those are on.
    fn faults_on_nil(&self, disp: i32) -> bool {
        self.jit.opts.implicit_nil && (0..pgojit_jit::faults::IMPLICIT_LIMIT).contains(&disp)
    }

    /// Marks the next instruction, which reads the folded load's memory
    /// operand, as its implicit nil check (when it is one).
    fn fault_at_folded(&mut self) {
        if let Some(p) = self.mem_fault.take() {
            let l = self.nil_label();
            self.m.fault_here(l);
            self.nil_checked.push(p);
        }
    }

    /// Compares the string (`ptr`, `len`) with the constant of `n` bytes
    /// (`bytes`, little-endian), leaving ZF set exactly when they are
    /// equal: the length, then the bytes in pieces of 8 (all at once), 4,
    /// 2 and 1, each loaded zero-extended; a mismatch jumps to the end
    /// with ZF clear, the last comparison falls through with its own.
    fn str_eq_const_flags(&mut self, ptr: InsnId, len: InsnId, bytes: u64, n: u32) {
        let done = self.m.new_label();
        let rl = self.src(len, TMP1);
        let rp = self.src(ptr, TMP2);
        self.m.cmp(rl, n as i32);
        let mut off = 0;
        for size in [8u32, 4, 2, 1] {
            while n - off >= size && (size != 8 || off == 0) {
                self.m.jne(done);
                let mem = Mem::at(rp, off as i32);
                match size {
                    8 => self.m.load(TMP1, mem),
                    4 => self.m.load32(TMP1, mem),
                    2 => self.m.load16(TMP1, mem),
                    _ => self.m.load8(TMP1, mem),
                }
                let want = if size == 8 {
                    bytes
                } else {
                    (bytes >> (8 * off)) & ((1u64 << (8 * size)) - 1)
                };
                if want < 1 << 31 {
                    self.m.cmp(TMP1, want as i32);
                } else {
                    // (`mov` leaves the flags alone.)
                    self.m.mov_imm(CALL_TARGET, want);
                    self.m.cmp(TMP1, CALL_TARGET);
                }
                off += size;
            }
        }
        self.m.bind(done);
    }

    /// `test p, p; je nil`, unless `p` was checked on the way here.
    fn nil_check(&mut self, p: InsnId, rp: Reg) {
        if !self.nil_checked.contains(&p) {
            self.m.test(rp, rp);
            let l = self.nil_label();
            self.m.je(l);
            self.nil_checked.push(p);
        }
    }

    /// Checks index `i` of a slice (unless this block already did) and
    /// returns its element's address as `[base + index*scale]`: the index
    /// register itself for one-word elements, else `TMP0` holding the
    /// index scaled. `base` is the pointer's register (`CALL_TARGET` when
    /// it is spilled). The instruction right after one to the same
    /// element reuses the scaled index (`cached`).
    fn element(
        &mut self,
        ptr: InsnId,
        len: InsnId,
        i: InsnId,
        stride: u32,
        cached: Option<ElemCache>,
    ) -> (Reg, Reg, u8, i32) {
        let key = (ptr, len, i, stride);
        let (index, scale) = match cached {
            Some(c) if c.key == key => (c.index, c.scale),
            _ => {
                let (oi, ol) = (self.operand(i), self.operand(len));
                let ri = self.get(oi, TMP0);
                // (Values do not change: an index checked earlier in the
                // block against the same slice is still in bounds.)
                if !self.checked.contains(&(ptr, len, i)) {
                    self.checked.push((ptr, len, i));
                    let l = self.panic_path(PanicKind::Index, Some(oi), Some(ol));
                    match ol {
                        Operand::Imm(n) if fits_i32(n) => self.m.cmp(ri, n as i32),
                        _ => {
                            let rl = self.get(ol, TMP1);
                            self.m.cmp(ri, rl);
                        }
                    }
                    self.m.jcc(Cond::AboveEq, l);
                }
                if stride == 1 {
                    (ri, 8)
                } else if stride & PACKED != 0 {
                    // (Bytes: the index unscaled.)
                    (ri, 1)
                } else if stride == 2 && ri != TMP0 && !pgojit_jit::masm::base_needs_disp(ri) {
                    // (Two-word elements: `lea` doubles into TMP0 in one
                    // instruction, where a copy and a shift take two.)
                    self.m.lea_sib(TMP0, ri, ri, 1, 0);
                    (TMP0, 8)
                } else {
                    if ri != TMP0 {
                        self.m.mov(TMP0, ri);
                    }
                    if stride.is_power_of_two() {
                        self.m.shl_imm(TMP0, stride.trailing_zeros() as u8);
                        (TMP0, 8)
                    } else {
                        self.m.imul_imm(TMP0, TMP0, 8 * stride as i32);
                        (TMP0, 1)
                    }
                }
            }
        };
        self.elem_cache = Some(ElemCache { key, index, scale });
        // (A frame array's elements are addressed from the frame's base.)
        if let Operand::Frame(off) = self.operand(ptr) {
            return (FRAME, index, scale, off);
        }
        let base = self.src(ptr, CALL_TARGET);
        (base, index, scale, 0)
    }

    /// The memory operand of a load folded into this instruction, if `v`
    /// is that load.
    fn folded_mem(&mut self, v: InsnId) -> Option<Mem> {
        match self.mem_operand {
            Some((l, mem)) if l == v => {
                self.mem_operand = None;
                Some(mem)
            }
            _ => None,
        }
    }

    /// `cmp a, b` (an immediate when `b` is a small constant, memory
    /// when it is a folded load).
    fn cmp(&mut self, a: InsnId, b: InsnId) {
        let ra = self.src(a, TMP0);
        if let Some(mem) = self.folded_mem(b) {
            self.fault_at_folded();
            self.m.cmp_rm(ra, mem);
            return;
        }
        match self.operand(b) {
            Operand::Imm(x) if fits_i32(x) => self.m.cmp(ra, x as i32),
            o => {
                let rb = self.get(o, TMP1);
                self.m.cmp(ra, rb);
            }
        }
    }

    /// Jumps to `target` when `t` holds.
    fn jump_if(&mut self, t: Test, target: Label) {
        match t {
            Test::Flag(c) => self.m.jcc(c, target),
            Test::NeOrUnordered => {
                self.m.jcc(Cond::Parity, target);
                self.m.jcc(Cond::Ne, target);
            }
            Test::EqOrdered => {
                let skip = self.m.new_label();
                self.m.jcc(Cond::Parity, skip);
                self.m.jcc(Cond::Eq, target);
                self.m.bind(skip);
            }
        }
    }

    /// `ucomisd` of a float comparison's operands, and what holds when it
    /// is true with Go's NaN semantics (ordered comparisons with a NaN
    /// are false, `!=` is true): `a > b` is `ucomisd a, b; ja` (CF and ZF
    /// clear: both are set when unordered), `a < b` the same swapped.
    fn fcmp_flags(&mut self, c: Cmp, a: InsnId, b: InsnId) -> Test {
        // `ucomisd x, y` with `y` the right operand (`a` for `<`, `<=`):
        // a constant there is read from the pool.
        let (x, y) = match c {
            Cmp::Lt | Cmp::Le => (b, a),
            _ => (a, b),
        };
        let xx = self.srcx(x, 0, TMP0);
        match self.operand(y) {
            Operand::Imm(bits) if bits != 0 => {
                let k = self.m.constant(bits);
                self.m.ucomisd_const(xx, k);
            }
            _ => {
                let xy = self.srcx(y, 1, TMP1);
                self.m.ucomisd(xx, xy);
            }
        }
        match c {
            Cmp::Lt | Cmp::Gt => Test::Flag(Cond::Above),
            Cmp::Le | Cmp::Ge => Test::Flag(Cond::AboveEq),
            Cmp::Eq => Test::EqOrdered,
            Cmp::Ne => Test::NeOrUnordered,
        }
    }

    /// `r` = the float comparison `a c b` (0 or 1).
    fn fcmp(&mut self, c: Cmp, a: InsnId, b: InsnId, r: Reg) {
        match self.fcmp_flags(c, a, b) {
            Test::Flag(cond) => self.m.set(cond, r),
            Test::EqOrdered => {
                self.m.set(Cond::Eq, r);
                self.m.set(Cond::NoParity, TMP1);
                self.m.and(r, TMP1);
            }
            Test::NeOrUnordered => {
                self.m.set(Cond::Ne, r);
                self.m.set(Cond::Parity, TMP1);
                self.m.or(r, TMP1);
            }
        }
    }

    fn bin(&mut self, i: InsnId, op: BinOp, a: InsnId, b: InsnId) {
        match op {
            BinOp::DivS | BinOp::RemS | BinOp::DivU | BinOp::RemU => return self.div(i, op, a, b),
            BinOp::Shl | BinOp::ShrS | BinOp::ShrU => return self.shift(i, op, a, b),
            BinOp::AddF | BinOp::SubF | BinOp::MulF | BinOp::DivF => {
                // `d = a; d op= b` (`a` loaded straight into `d` when it
                // is not in a register); when `d` holds `b`, `d op= a` for
                // a commutative operation, else in xmm0. (Commuting changes
                // at most which NaN's payload comes out, as in Go's code.)
                let mut fop = match op {
                    BinOp::AddF => FloatOp::Add,
                    BinOp::SubF => FloatOp::Sub,
                    BinOp::MulF => FloatOp::Mul,
                    _ => FloatOp::Div,
                };
                // Dividing by a power of two is multiplying by its
                // reciprocal, exactly (both round the same real number).
                let mut ob = self.operand(b);
                if let (FloatOp::Div, Operand::Imm(bits)) = (fop, ob) {
                    if let Some(r) = exact_reciprocal(bits) {
                        fop = FloatOp::Mul;
                        ob = Operand::Imm(r);
                    }
                }
                let d = self.dstx(i, 0);
                let commutes = matches!(fop, FloatOp::Add | FloatOp::Mul);
                // A constant operand is read from the pool by the
                // operation itself: `d = a; d op= [k]` (the constant
                // first when the operation commutes: `0.5 * x`).
                let konst = match (self.operand(a), ob) {
                    (_, Operand::Imm(bits)) if bits != 0 => Some((a, bits)),
                    (Operand::Imm(bits), Operand::Value(_)) if bits != 0 && commutes => {
                        Some((b, bits))
                    }
                    _ => None,
                };
                if let Some((x, bits)) = konst {
                    let xx = self.srcx(x, d, TMP0);
                    if xx != d {
                        self.m.mov_xmm(d, xx);
                    }
                    let k = self.m.constant(bits);
                    self.m.float_op_const(fop, d, k);
                    self.defx(i, d);
                    return;
                }
                match (self.operand(a), ob) {
                    (Operand::Value(Loc::Xmm(xa)), ob)
                        if commutes && xa != d && !matches!(ob, Operand::Value(Loc::Xmm(_))) =>
                    {
                        // `a` stays live in its register, `b` is not in
                        // one: `b` straight into `d`, then `d op= a`.
                        self.getx(ob, d, TMP1);
                        self.m.float_op_rr(fop, d, xa);
                        self.defx(i, d);
                        return;
                    }
                    _ => {}
                }
                let xb = self.getx(ob, 1, TMP1);
                if d == xb {
                    let xa = self.srcx(a, 0, TMP0);
                    if xa != d && matches!(fop, FloatOp::Add | FloatOp::Mul) {
                        self.m.float_op_rr(fop, d, xa);
                        self.defx(i, d);
                        return;
                    }
                    if xa != d && xa != 0 {
                        self.m.mov_xmm(0, xa);
                    }
                    let d = if xa == d { d } else { 0 };
                    self.m.float_op_rr(fop, d, xb);
                    self.defx(i, d);
                    return;
                }
                let xa = self.srcx(a, d, TMP0);
                if d != xa {
                    self.m.mov_xmm(d, xa);
                }
                self.m.float_op_rr(fop, d, xb);
                self.defx(i, d);
                return;
            }
            _ => {}
        }
        // A folded load as the operand: `op d, [mem]` (the allocator kept
        // the load's pointer out of `d`).
        let commutes = matches!(
            op,
            BinOp::AddI | BinOp::MulI | BinOp::And | BinOp::Or | BinOp::Xor
        );
        let folded = match self.folded_mem(b) {
            Some(mem) => Some((a, mem)),
            None if commutes => self.folded_mem(a).map(|mem| (b, mem)),
            None => None,
        };
        if let Some((x, mem)) = folded {
            let d = self.dst(i, TMP0);
            let rx = self.src(x, TMP0);
            if d != rx {
                self.m.mov(d, rx);
            }
            self.fault_at_folded();
            match op {
                BinOp::AddI => self.m.add_rm(d, mem),
                BinOp::SubI => self.m.sub_rm(d, mem),
                BinOp::MulI => self.m.imul_rm(d, mem),
                BinOp::And => self.m.and_rm(d, mem),
                BinOp::Or => self.m.or_rm(d, mem),
                BinOp::Xor => self.m.xor_rm(d, mem),
                _ => unreachable!("regalloc::folded_loads folds no {op:?}"),
            }
            self.def(i, d);
            return;
        }
        let ob = self.operand(b);
        let d = self.dst(i, TMP0);
        let ra = self.src(a, TMP0);
        // Immediate forms: masks as zero-extending moves, multiplications
        // by 3, 5 and 9 as one `lea`.
        match (op, ob) {
            (BinOp::And, Operand::Imm(m @ (0xFF | 0xFFFF | 0xFFFF_FFFF))) => {
                let ext = match m {
                    0xFF => Ext::U8,
                    0xFFFF => Ext::U16,
                    _ => Ext::U32,
                };
                self.m.extend(ext, d, ra);
                self.def(i, d);
                return;
            }
            (BinOp::MulI, Operand::Imm(k @ (3 | 5 | 9))) => {
                // (An rbp or r13 base takes a displacement byte, and a
                // three-part `lea` is slower on AMD's cores: from a copy.)
                let ra = if pgojit_jit::masm::base_needs_disp(ra) {
                    self.m.mov(TMP0, ra);
                    TMP0
                } else {
                    ra
                };
                self.m.lea_sib(d, ra, ra, (k - 1) as u8, 0);
                self.def(i, d);
                return;
            }
            _ => {}
        }
        if let Operand::Imm(x) = ob {
            if fits_i32(x) {
                let x = x as i32;
                match op {
                    BinOp::AddI | BinOp::SubI | BinOp::And => {
                        if d != ra {
                            self.m.mov(d, ra);
                        }
                        match op {
                            BinOp::AddI => self.m.add_imm(d, x),
                            BinOp::SubI => self.m.add_imm(d, x.wrapping_neg()),
                            _ => self.m.and_imm(d, x),
                        }
                        self.def(i, d);
                        return;
                    }
                    BinOp::MulI => {
                        self.m.imul_imm(d, ra, x);
                        self.def(i, d);
                        return;
                    }
                    _ => {}
                }
            }
        }
        let rb = self.get(ob, TMP1);
        if d == rb && d != ra && commutes {
            // The result's register holds the second operand: `op d, a`.
            match op {
                BinOp::AddI => self.m.add(d, ra),
                BinOp::MulI => self.m.imul(d, ra),
                BinOp::And => self.m.and(d, ra),
                BinOp::Or => self.m.or(d, ra),
                BinOp::Xor => self.m.xor(d, ra),
                _ => unreachable!("not commutative: {op:?}"),
            }
            self.def(i, d);
            return;
        }
        let (d, rb) = if d == rb {
            // The result's register is the second operand's: compute in TMP0.
            (TMP0, rb)
        } else {
            (d, rb)
        };
        if d != ra {
            self.m.mov(d, ra);
        }
        match op {
            BinOp::AddI => self.m.add(d, rb),
            BinOp::SubI => self.m.sub(d, rb),
            BinOp::MulI => self.m.imul(d, rb),
            BinOp::And => self.m.and(d, rb),
            BinOp::Or => self.m.or(d, rb),
            BinOp::Xor => self.m.xor(d, rb),
            BinOp::AndNot => {
                self.m.mov(TMP2, rb);
                self.m.not(TMP2);
                self.m.and(d, TMP2);
            }
            _ => unreachable!("handled above"),
        }
        self.def(i, d);
    }

    fn div(&mut self, i: InsnId, op: BinOp, a: InsnId, b: InsnId) {
        let rem = matches!(op, BinOp::RemS | BinOp::RemU);
        let signed = matches!(op, BinOp::DivS | BinOp::RemS);
        if let Operand::Imm(k) = self.operand(b) {
            if self.div_const(i, signed, rem, a, k) {
                return;
            }
        }
        self.src_to(b, TMP1);
        self.src_to(a, TMP0);
        let l = self.panic_path(PanicKind::Divide, None, None);
        self.m.test(TMP1, TMP1);
        self.m.je(l);
        if signed {
            let (minus1, done) = (self.m.new_label(), self.m.new_label());
            self.m.cmp(TMP1, -1);
            self.m.je(minus1);
            self.m.idiv(TMP1);
            if rem {
                self.m.mov(TMP0, TMP2);
            }
            self.m.jmp(done);
            // x / -1 wraps (MinInt64 / -1 == MinInt64) and x % -1 == 0,
            // where `idiv` would trap.
            self.m.bind(minus1);
            if rem {
                self.m.mov_imm(TMP0, 0);
            } else {
                self.m.neg(TMP0);
            }
            self.m.bind(done);
        } else {
            self.m.udiv(TMP1);
            if rem {
                self.m.mov(TMP0, TMP2);
            }
        }
        self.def(i, TMP0);
    }

    /// `a / k` or `a % k` for a constant `k` with no `div`, as Go's
    /// compiler does it: a shift and a mask for a power of two (with a
    /// correction toward zero when signed), else a multiplication by a
    /// magic number ([`magic`]); the remainder is `a - q*k`. Returns
    /// false for the divisors left to `div` (0, which panics; 1 and -1,
    /// which the simplifier folds; unsigned ones above 2^63).
    fn div_const(&mut self, i: InsnId, signed: bool, rem: bool, a: InsnId, k: u64) -> bool {
        let sk = k as i64;
        let ak = if signed { sk.unsigned_abs() } else { k };
        if ak < 2 || (!signed && k > 1 << 63) {
            return false;
        }
        // `n` in TMP1 throughout; the quotient in `q` (TMP0 or TMP2).
        self.src_to(a, TMP1);
        let q;
        if ak.is_power_of_two() {
            let sh = ak.trailing_zeros() as u8;
            self.m.mov(TMP0, TMP1);
            if signed {
                // n + (n < 0 ? |k|-1 : 0): the shift then rounds toward
                // zero.
                self.m.sar_imm(TMP0, 63);
                self.m.shr_imm(TMP0, 64 - sh);
                self.m.add(TMP0, TMP1);
            }
            if rem {
                // n - (n rounded toward zero to a multiple of |k|); the
                // sign is the dividend's, as in Go.
                let mask = (ak - 1) as i64;
                if signed {
                    self.and_const(TMP0, !mask);
                    self.m.sub(TMP1, TMP0);
                    self.def(i, TMP1);
                } else {
                    self.and_const(TMP0, mask);
                    self.def(i, TMP0);
                }
                return true;
            }
            if signed {
                self.m.sar_imm(TMP0, sh);
                if sk < 0 {
                    self.m.neg(TMP0);
                }
            } else {
                self.m.shr_imm(TMP0, sh);
            }
            self.def(i, TMP0);
            return true;
        } else if signed {
            let g = magic::signed(sk);
            self.m.mov_imm(TMP0, g.m as u64);
            self.m.imul_wide(TMP1);
            if sk > 0 && g.m < 0 {
                self.m.add(TMP2, TMP1);
            }
            if sk < 0 && g.m > 0 {
                self.m.sub(TMP2, TMP1);
            }
            if g.s > 0 {
                self.m.sar_imm(TMP2, g.s);
            }
            self.m.mov(TMP0, TMP2);
            self.m.shr_imm(TMP0, 63);
            self.m.add(TMP2, TMP0);
            q = TMP2;
        } else {
            let u = magic::unsigned(k);
            self.m.mov_imm(TMP0, u.m);
            self.m.mul_wide(TMP1);
            if u.add {
                self.m.mov(TMP0, TMP1);
                self.m.sub(TMP0, TMP2);
                self.m.shr_imm(TMP0, 1);
                self.m.add(TMP0, TMP2);
                if u.s > 1 {
                    self.m.shr_imm(TMP0, u.s - 1);
                }
                q = TMP0;
            } else {
                if u.s > 0 {
                    self.m.shr_imm(TMP2, u.s);
                }
                q = TMP2;
            }
        }
        if rem {
            if fits_i32(k) {
                self.m.imul_imm(q, q, k as i32);
            } else {
                let other = if q == TMP0 { TMP2 } else { TMP0 };
                self.m.mov_imm(other, k);
                self.m.imul(q, other);
            }
            self.m.sub(TMP1, q);
            self.def(i, TMP1);
        } else {
            self.def(i, q);
        }
        true
    }

    /// `r &= k`, through TMP2 when `k` takes more than 32 bits.
    fn and_const(&mut self, r: Reg, k: i64) {
        if fits_i32(k as u64) {
            self.m.and_imm(r, k as i32);
        } else {
            self.m.mov_imm(TMP2, k as u64);
            self.m.and(r, TMP2);
        }
    }

    fn shift(&mut self, i: InsnId, op: BinOp, a: InsnId, b: InsnId) {
        if let Operand::Imm(k) = self.operand(b) {
            // A constant count: one instruction (Go's counts are
            // unsigned: 64 or more shifts every bit out, or copies the
            // sign bit).
            let d = self.dst(i, TMP0);
            if k >= 64 && op != BinOp::ShrS {
                self.m.mov_imm(d, 0);
            } else {
                let ra = self.src(a, TMP0);
                if d != ra {
                    self.m.mov(d, ra);
                }
                let k = k.min(63) as u8;
                match op {
                    BinOp::Shl => self.m.shl_imm(d, k),
                    BinOp::ShrS => self.m.sar_imm(d, k),
                    _ => self.m.shr_imm(d, k),
                }
            }
            self.def(i, d);
            return;
        }
        self.src_to(b, TMP1);
        self.src_to(a, TMP0);
        let kind = match op {
            BinOp::Shl => Shift::Left,
            BinOp::ShrS => Shift::RightSigned,
            _ => Shift::Right,
        };
        shift_by_count(self.m, kind);
        self.def(i, TMP0);
    }

    fn un(&mut self, i: InsnId, op: UnOp, a: InsnId) {
        match op {
            UnOp::IToF { signed: false }
            | UnOp::FToI {
                signed: false,
                w32: false,
            } => {
                // Rare conversions: the interpreter's code, on the window.
                let (s, d) = (self.window, self.window + 1);
                let mem = self.slot(s);
                self.store_value(mem, a);
                let live = self.live_regs(i);
                self.save(&live);
                self.call_op_helper(match op {
                    UnOp::IToF { signed } => Op::IToF { d, s, signed },
                    UnOp::FToI { signed, w32 } => Op::FToI { d, s, signed, w32 },
                    _ => unreachable!(),
                });
                self.reload(&live);
                let mem = self.slot(d);
                self.load_def(i, mem);
                return;
            }
            UnOp::NegF => {
                // The sign bit flipped: `xorps` with a mask in xmm1
                // (from the constant pool).
                let xa = self.srcx(a, 0, TMP0);
                let sign = self.m.constant(1 << 63);
                self.m.load_xmm_const(1, sign);
                let d = self.dstx(i, 0);
                if d != xa {
                    self.m.mov_xmm(d, xa);
                }
                self.m.xorps(d, 1);
                self.defx(i, d);
                return;
            }
            UnOp::RoundF32 => {
                let xa = self.srcx(a, 0, TMP0);
                let d = self.dstx(i, 0);
                self.m.round_f32(d, xa);
                self.defx(i, d);
                return;
            }
            UnOp::IToF { .. } => {
                let ra = self.src(a, TMP0);
                let d = self.dstx(i, 0);
                // (Zeroed first: `cvtsi2sd` keeps the upper half of `d`,
                // a dependency on its last writer.)
                self.m.xorps(d, d);
                self.m.cvt_i2f_to(d, ra);
                self.defx(i, d);
                return;
            }
            UnOp::FToI { w32, .. } => {
                // cvttsd2si gives MinInt64 (MinInt32 in 32 bits) for NaN and
                // out-of-range values, as Go's code on amd64 does.
                let xa = self.srcx(a, 0, TMP0);
                let r = self.dst(i, TMP0);
                if w32 {
                    self.m.cvt_f2i32_from(r, xa);
                    self.m.extend(Ext::S32, r, r);
                } else {
                    self.m.cvt_f2i_from(r, xa);
                }
                self.def(i, r);
                return;
            }
            _ => {}
        }
        self.src_to(a, TMP0);
        match op {
            UnOp::NegI => self.m.neg(TMP0),
            UnOp::NotI => self.m.not(TMP0),
            UnOp::Not => {
                self.m.mov_imm(TMP1, 1);
                self.m.xor(TMP0, TMP1);
            }
            UnOp::Trunc(k) => {
                let ext = trunc_ext(k);
                self.m.extend(ext, TMP0, TMP0);
            }
            UnOp::NegF | UnOp::RoundF32 | UnOp::IToF { .. } | UnOp::FToI { .. } => {
                unreachable!("handled above")
            }
        }
        self.def(i, TMP0);
    }

    /// An instruction the graph keeps as bytecode: its operands to their
    /// slots, the interpreter's code, its results from their slots.
    /// A generic instruction, run by the interpreter's code on the frame:
    /// its operands written to their slots, its results read from theirs.
    /// An inlined callee's (`inlined_from`) runs on a scratch frame of
    /// that callee at the call window.
    fn bytecode(
        &mut self,
        i: InsnId,
        op: &Op,
        args: &[InsnId],
        inlined_from: Option<FuncId>,
    ) -> Result<(), String> {
        let base = if inlined_from.is_some() {
            self.window
        } else {
            0
        };
        if let Op::Alloc { n, layout, .. } = *op {
            self.alloc(i, n, layout);
            return Ok(());
        }
        let mut reads: Vec<Slot> = Vec::new();
        for o in op.reads().iter() {
            match o.kind {
                Kind::Array { .. } | Kind::Frame => {}
                Kind::Sized => {
                    let w = match op {
                        Op::ValueEq { ty, .. } => {
                            crate::opt::build::Signatures::desc_words(self.prog, *ty)
                                .ok_or("a type descriptor the program does not know")?
                        }
                        _ => return Err(format!("sized operand of {}", op.name())),
                    };
                    reads.extend(o.slot..o.slot + w);
                }
                _ => reads.extend(o.range()),
            }
        }
        if reads.len() != args.len() {
            return Err(format!(
                "{i}: {} reads {} words, the graph passes {}",
                op.name(),
                reads.len(),
                args.len()
            ));
        }
        let mut writes: Vec<Slot> = Vec::new();
        for o in op.writes().iter() {
            match o.kind {
                Kind::Elems { .. } | Kind::Frame => {}
                _ => writes.extend(o.range()),
            }
        }
        for (&s, &v) in reads.iter().zip(args) {
            let mem = self.slot(base + s);
            self.store_value(mem, v);
        }
        let live = self.live_regs(i);
        let func = inlined_from.unwrap_or(self.func);
        match *op {
            Op::AssertType { .. } => self.assert_type_inline(op, base, func, &live),
            Op::StrDecodeRune { d, s, i } => {
                // An ASCII byte is its own rune, one byte wide (Go's
                // `range` over a string tests the same); the helper
                // decodes the rest.
                let (slow, done) = (self.m.new_label(), self.m.new_label());
                let (p, at) = (self.slot(base + s), self.slot(base + i));
                self.m.load(TMP0, p);
                self.m.load(TMP1, at);
                self.m.load_u8_sib(TMP2, TMP0, TMP1, 0);
                self.m.cmp(TMP2, 0x80);
                self.m.jcc(Cond::AboveEq, slow);
                let (r, w) = (self.slot(base + d), self.slot(base + d + 1));
                self.m.store(r, TMP2);
                self.m.store_imm(w, 1);
                self.m.jmp(done);
                self.m.bind(slow);
                self.save(&live);
                self.call_op_helper_on(op.clone(), base, func);
                self.reload(&live);
                self.m.bind(done);
            }
            _ => {
                self.save(&live);
                self.call_op_helper_on(op.clone(), base, func);
                self.reload(&live);
            }
        }
        if self.g.insn(i).ty.is_word() {
            let s = *writes.first().ok_or("a result with no slot")?;
            let mem = self.slot(base + s);
            self.load_def(i, mem);
        } else {
            // (Read by the projections right after it, before anything
            // else may use the window.)
            let writes = writes.into_iter().map(|s| base + s).collect();
            self.results.insert(i, writes);
        }
        Ok(())
    }

    /// `Op::AssertType` on the frame at `base` (its operand words written
    /// there), inline, as Go compiles `x.(T)`: the interface's type word
    /// (an itab's type for a non-empty interface) against `T`'s
    /// descriptor, then the value: the data word itself, or the `n` words
    /// it points at. With `ok` the miss writes zeros and `false` (a type
    /// switch, `v, ok := x.(T)`); without, it leaves for the helper,
    /// which raises the interpreter's panic (`func`'s op, `live` saved).
    fn assert_type_inline(&mut self, op: &Op, base: u32, func: FuncId, live: &[(Loc, bool)]) {
        let Op::AssertType {
            d,
            s,
            ty,
            n,
            direct,
            src_empty,
            ok,
            ..
        } = *op
        else {
            unreachable!("an AssertType");
        };
        let (miss, done) = (self.m.new_label(), self.m.new_label());
        let tab = self.slot(base + s);
        self.m.load(TMP0, tab);
        self.m.test(TMP0, TMP0);
        self.m.je(miss);
        if !src_empty {
            self.m.load(TMP0, Mem::at(TMP0, ITAB_TYPE as i32));
        }
        self.m.mov_imm(TMP1, ty);
        self.m.cmp(TMP0, TMP1);
        self.m.jne(miss);
        let data = self.slot(base + s + 1);
        self.m.load(TMP2, data);
        if direct {
            let m = self.slot(base + d);
            self.m.store(m, TMP2);
        } else {
            for k in 0..n {
                self.m.load(TMP0, Mem::at(TMP2, 8 * k as i32));
                let m = self.slot(base + d + k);
                self.m.store(m, TMP0);
            }
        }
        if ok == crate::bytecode::op::NONE {
            self.m.jmp(done);
            self.m.bind(miss);
            self.save(live);
            self.call_op_helper_on(op.clone(), base, func);
            self.reload(live);
            self.m.bind(done);
            return;
        }
        let okm = self.slot(base + ok);
        self.m.store_imm(okm, 1);
        self.m.jmp(done);
        self.m.bind(miss);
        for k in 0..n {
            let m = self.slot(base + d + k);
            self.m.store_imm(m, 0);
        }
        self.m.store_imm(okm, 0);
        self.m.bind(done);
    }

    // ----- terminators and edges -----

    fn back_edge(&self, from: BlockId, to: BlockId) -> bool {
        is_back_edge(self.g, from, to)
    }

    /// Where a jump to block `b` goes: its leaving copy while one is
    /// emitted, else the block.
    fn label_of(&self, b: BlockId) -> Label {
        match &self.copying {
            Some((chain, labels)) => match chain.iter().position(|&x| x == b) {
                Some(k) => labels[k],
                None => self.blocks[b.index()],
            },
            None => self.blocks[b.index()],
        }
    }

    /// The moves of an edge's arguments into its block's parameters.
    fn edge_moves(&self, e: &Edge) -> Vec<(Operand, Loc)> {
        let params = &self.g.block(e.block).params;
        e.args
            .iter()
            .zip(params)
            .map(|(&a, &p)| (self.operand(a), self.a.loc[p.index()]))
            .collect()
    }

    /// Moves an edge's arguments into its block's parameters, counts and
    /// steps a back-edge, and jumps (unless `to` comes next).
    fn edge(&mut self, from: BlockId, e: &Edge, next: Option<BlockId>) {
        let moves = self.edge_moves(e);
        // Leaving the counted loop, the count goes back into the register
        // (before the moves may reuse the induction variable's).
        // (Entering it, the register becomes the count minus the
        // induction variable again.)
        let exit = self
            .trips
            .iter()
            .find(|t| t.body[from.index()] && !t.body[e.block.index()])
            .map(|t| t.next);
        let entry = self
            .trips
            .iter()
            .find(|t| e.block == t.header && !t.body[from.index()])
            .map(|t| t.iv);
        if let Some(next) = exit {
            self.shift_count((next, 0), true);
        }
        self.parallel_move(moves);
        if let Some(iv) = entry {
            self.shift_count((iv, 0), false);
        }
        // Where a leave here finds the count: after the moves into the
        // counted loop's header, its induction variable; past the loop's
        // exit, the register; elsewhere, where the edge starts.
        let at_header = match self.trips.iter().find(|t| t.header == e.block) {
            Some(t) => Some((t.iv, 0)),
            _ if exit.is_some() => None,
            _ => self.phase(),
        };
        if self.back_edge(from, e.block) {
            if self.jit.opts.count {
                let addr = self.jit.counters.loops_addr(self.func);
                self.m.bump(TMP0, addr);
            }
            if self.jit.opts.steps {
                let out = self.m.new_label();
                let pc = self.g.block(from).term_pc.unwrap_or(0);
                self.stubs.push(Stub::Step(out, self.func, pc));
                self.m.add_mem_imm(Mem::at(VM, STEPS_LEFT), -1);
                self.m.jcc(Cond::Lt, out);
            }
        }
        let to_header =
            self.back_edge(from, e.block) && self.g.block(e.block).entry_state.is_some();
        if to_header && self.copying.is_some() {
            // A leaving copy's way round: the function was recompiled.
            let leave = self.m.new_label();
            self.stubs.push(Stub::Leave(leave, e.block, at_header));
            self.m.jmp(leave);
            return;
        }
        if self.poll && to_header {
            // (One taken branch on the way round, as without the flag.)
            let leave = self.m.new_label();
            self.stubs.push(Stub::Leave(leave, e.block, at_header));
            let set = match self.leave {
                LeaveFlag::Sign(r) => {
                    self.m.test(r, r);
                    Cond::Lt
                }
                LeaveFlag::Word(flag) => {
                    self.m.cmp_mem_imm32(flag, 0);
                    Cond::Ne
                }
                LeaveFlag::None => unreachable!("checked above"),
            };
            if Some(e.block) == next {
                self.m.jcc(set, leave);
            } else {
                self.m.jcc(set.negate(), self.blocks[e.block.index()]);
                self.m.jmp(leave);
            }
            return;
        }
        if Some(e.block) != next {
            self.m.jmp(self.label_of(e.block));
        }
    }

    /// Whether an edge needs code of its own (moves, counting, steps).
    fn edge_is_plain(&self, from: BlockId, e: &Edge) -> bool {
        let params = &self.g.block(e.block).params;
        let moves = e.args.iter().zip(params).any(|(&a, &p)| {
            !matches!((self.operand(a), self.a.loc[p.index()]), (Operand::Value(x), y) if x == y)
        });
        let poll =
            (self.poll || self.copying.is_some()) && self.g.block(e.block).entry_state.is_some();
        let counted = self.trips.iter().any(|t| {
            t.body[from.index()] != t.body[e.block.index()]
                || (e.block == t.header && !t.body[from.index()])
        });
        !moves
            && !counted
            && !(self.back_edge(from, e.block)
                && (self.jit.opts.count || self.jit.opts.steps || poll))
    }

    fn parallel_move(&mut self, moves: Vec<(Operand, Loc)>) {
        self.parallel_move_via(moves, TMP0);
    }

    /// [`Self::parallel_move`], breaking a cycle of general registers
    /// through `scratch`.
    fn parallel_move_via(&mut self, moves: Vec<(Operand, Loc)>, scratch: Reg) {
        let mut pending: Vec<(Operand, Loc)> = moves
            .into_iter()
            .filter(|(s, d)| *d != Loc::None && !matches!(s, Operand::Value(x) if x == d))
            .collect();
        while !pending.is_empty() {
            let ready = (0..pending.len()).find(|&k| {
                let d = pending[k].1;
                !pending
                    .iter()
                    .any(|(s, _)| matches!(s, Operand::Value(x) if *x == d))
            });
            match ready {
                Some(k) => {
                    let (s, d) = pending.remove(k);
                    self.move_to(d, s);
                }
                None => {
                    // A cycle: free one destination by copying it to
                    // `scratch` (xmm0 for an XMM register).
                    let d = pending[0].1;
                    let tmp = if let Loc::Xmm(x) = d {
                        self.m.mov_xmm(0, x);
                        Loc::Xmm(0)
                    } else {
                        let x = self.get(Operand::Value(d), scratch);
                        if x != scratch {
                            self.m.mov(scratch, x);
                        }
                        Loc::Reg(scratch)
                    };
                    for (s, _) in pending.iter_mut() {
                        if matches!(s, Operand::Value(v) if *v == d) {
                            *s = Operand::Value(tmp);
                        }
                    }
                }
            }
        }
    }

    fn move_to(&mut self, d: Loc, s: Operand) {
        match d {
            Loc::Reg(r) => {
                let x = self.get(s, r);
                if x != r {
                    self.m.mov(r, x);
                }
            }
            Loc::Xmm(x) => {
                let y = self.getx(s, x, TMP1);
                if y != x {
                    self.m.mov_xmm(x, y);
                }
            }
            Loc::Spill(n) => {
                let mem = self.spill_mem(n);
                if let Operand::Value(Loc::Xmm(x)) = s {
                    self.m.store_xmm(mem, x);
                    return;
                }
                let x = self.get(s, TMP1);
                self.m.store(mem, x);
            }
            Loc::None => {}
        }
    }

    fn term(&mut self, b: BlockId, next: Option<BlockId>) -> Result<(), String> {
        let t = self
            .g
            .block(b)
            .term
            .clone()
            .ok_or_else(|| format!("{b} has no terminator"))?;
        match t {
            Term::Jump(e) if self.copying.is_none() && self.copies.contains_key(&b) => {
                // A miss path: on in the leaving copy once the miss found
                // the function recompiled (the moves first: the copy
                // starts where the block's code would).
                let into = self.copies[&b].1[0];
                let moves = self.edge_moves(&e);
                self.parallel_move(moves);
                match self.leave {
                    LeaveFlag::Sign(r) => {
                        self.m.test(r, r);
                        self.m.jcc(Cond::Lt, into);
                    }
                    LeaveFlag::Word(flag) => {
                        self.m.cmp_mem_imm32(flag, 0);
                        self.m.jcc(Cond::Ne, into);
                    }
                    LeaveFlag::None => unreachable!("copies only with a flag"),
                }
                if Some(e.block) != next {
                    self.m.jmp(self.blocks[e.block.index()]);
                }
            }
            Term::Jump(e) => self.edge(b, &e, next),
            Term::Branch {
                cond: c,
                then,
                else_,
            } => {
                // Jump to the else side when the condition fails.
                let fail = match self.g.insn(c).insn.clone() {
                    Insn::Cmp {
                        c: k,
                        kind: CmpKind::Float,
                        a,
                        b: y,
                    } if self.fused[c.index()] => self.fcmp_flags(k, a, y).negate(),
                    Insn::Cmp {
                        c: k,
                        kind,
                        a,
                        b: y,
                    } if self.fused[c.index()] => {
                        self.cmp(a, y);
                        Test::Flag(int_cond(k, kind == CmpKind::Signed).negate())
                    }
                    Insn::KeyEq { cell, v } if self.fused[c.index()] => {
                        let rv = self.src(v, TMP0);
                        self.m.cmp_word_at(cell, rv, TMP1);
                        Test::Flag(Cond::Ne)
                    }
                    Insn::StrEqConst { ptr, len, bytes, n } if self.fused[c.index()] => {
                        self.str_eq_const_flags(ptr, len, bytes, n);
                        Test::Flag(Cond::Ne)
                    }
                    _ => match self.folded_mem(c) {
                        Some(mem) => {
                            // (A word loaded only for this branch.)
                            self.fault_at_folded();
                            self.m.cmp_mem_imm32(mem, 0);
                            Test::Flag(Cond::Eq)
                        }
                        None => {
                            let r = self.src(c, TMP0);
                            self.m.test(r, r);
                            Test::Flag(Cond::Eq)
                        }
                    },
                };
                if next == Some(else_.block) && self.edge_is_plain(b, &then) {
                    // (The else side comes next: fall into it.)
                    self.jump_if(fail.negate(), self.label_of(then.block));
                    self.edge(b, &else_, next);
                } else if self.edge_is_plain(b, &else_) {
                    self.jump_if(fail, self.label_of(else_.block));
                    self.edge(b, &then, next);
                } else if self.edge_is_plain(b, &then) {
                    self.jump_if(fail.negate(), self.label_of(then.block));
                    self.edge(b, &else_, next);
                } else {
                    let l = self.m.new_label();
                    self.jump_if(fail, l);
                    self.edge(b, &then, None);
                    self.m.bind(l);
                    self.edge(b, &else_, next);
                }
            }
            Term::Return(vs) => {
                self.flush_counter();
                for (k, &v) in vs.iter().enumerate() {
                    let mem = self.slot(k as u32);
                    self.store_value(mem, v);
                }
                // The first result word also in `RET`: a compiled caller
                // takes it from there, not through memory.
                if let Some(&v) = vs.first() {
                    self.src_to(v, RET);
                }
                self.frame_leave();
                self.m.ret();
            }
            Term::Unreachable => self.m.jmp(self.internal),
        }
        Ok(())
    }

    // ----- out of line -----

    fn out_of_line(&mut self) {
        for stub in std::mem::take(&mut self.stubs) {
            // (Each is entered from the body, in its frame.)
            self.m.set_depth(self.frame_depth);
            match stub {
                Stub::Count(l, p, to) => {
                    self.m.bind(l);
                    self.shift_count(p, true);
                    self.m.jmp(to);
                }
                Stub::Panic(l, kind, a, b, unwind, tag) => {
                    self.m.bind(l);
                    self.m.set_tag(tag);
                    self.align_noreturn();
                    let a = a.map(|o| self.get(o, TMP0));
                    if let Some(a) = a {
                        if a != TMP0 {
                            self.m.mov(TMP0, a);
                        }
                    }
                    let b = b.map(|o| self.get(o, CALL_TARGET));
                    if let Some(b) = b {
                        if b != CALL_TARGET {
                            self.m.mov(CALL_TARGET, b);
                        }
                    }
                    self.m.mov(ARGS[0], VM);
                    self.m.mov_imm(ARGS[1], kind as u64);
                    self.m.mov(ARGS[2], TMP0);
                    self.m.mov(ARGS[3], CALL_TARGET);
                    self.m.call_abs(runtime::panic_with as *const () as usize);
                    self.m.jmp(unwind);
                }
                Stub::Verify(l, site, check) => {
                    self.m.comment("--verify-guards: wrong receiver (aborts)");
                    self.m.bind(l);
                    self.align_noreturn();
                    self.m.mov(ARGS[2], TMP1);
                    self.m.mov_imm(ARGS[3], check);
                    self.m.mov(ARGS[0], VM);
                    self.m.mov_imm(ARGS[1], site as u64);
                    self.m
                        .call_abs(runtime::guard_violation as *const () as usize);
                }
                Stub::Leave(l, header, phase) => {
                    let pc = self.g.block(header).pc;
                    self.m.comment(&format!(
                        "recompiled: continue at the loop header (pc {pc}) in the new code"
                    ));
                    self.m.bind(l);
                    // The header's live slots to the frame, as the new
                    // code's OSR entry reads them (the back-edge's moves
                    // already put the header's parameters in place).
                    let state = self.g.block(header).entry_state.clone().unwrap_or_default();
                    for (slot, v) in state {
                        if matches!(self.operand(v), Operand::Value(Loc::None)) {
                            continue;
                        }
                        let mem = self.slot(slot);
                        self.store_value(mem, v);
                    }
                    let xmms = XMM_ALLOCATABLE[..self.a.xmm_used as usize].iter();
                    let regs: Vec<(Loc, bool)> = self
                        .a
                        .used
                        .iter()
                        .filter(|&&r| !is_callee_saved(r))
                        .map(|&r| (Loc::Reg(r), true))
                        .chain(xmms.map(|&x| (Loc::Xmm(x), true)))
                        .collect();
                    self.save(&regs);
                    self.flush_counter_at(phase);
                    self.m.mov(ARGS[0], VM);
                    self.m.mov_imm(ARGS[1], self.func.0 as u64);
                    self.m.mov_imm(ARGS[2], pc as u64);
                    self.m.call_abs(runtime::osr_target as *const () as usize);
                    let go = self.m.new_label();
                    self.m.test(TMP0, TMP0);
                    self.m.jne(go);
                    // No entry there: stay.
                    self.reload(&regs);
                    self.set_leave_flag(false);
                    self.m.jmp(self.blocks[header.index()]);
                    self.m.bind(go);
                    self.frame_leave();
                    self.m.jmp_reg(TMP0);
                }
                Stub::Alloc(l, join, live, words, layout, unwind, map) => {
                    self.m
                        .comment("allocation cache's run spent: the runtime refills it");
                    self.m.bind(l);
                    self.alloc_call(&live, words, layout, unwind, &map);
                    self.m.jmp(join);
                }
                Stub::Step(l, func, pc) => {
                    self.m.bind(l);
                    self.align_noreturn();
                    self.m.mov(ARGS[0], VM);
                    self.m.mov_imm(ARGS[1], 3);
                    self.m.mov_imm(ARGS[2], func.0 as u64);
                    self.m.mov_imm(ARGS[3], pc as u64);
                    self.m.call_abs(runtime::fail as *const () as usize);
                    self.m.jmp(self.unwind);
                }
            }
        }
        let shared = self.nil;
        let exits = std::mem::take(&mut self.nil_exits);
        for (tag, label) in exits.into_iter().chain([(NO_TAG, shared)]) {
            self.m.comment("nil dereference");
            self.m.bind(label);
            self.m.set_depth(self.frame_depth);
            self.m.set_tag(tag);
            self.align_noreturn();
            self.m.mov(ARGS[0], VM);
            self.m.mov_imm(ARGS[1], PanicKind::Nil as u64);
            self.m.call_abs(runtime::panic_with as *const () as usize);
            self.m.jmp(self.unwind);
        }
        self.m.set_depth(self.frame_depth);
        self.m.set_tag(NO_TAG);
        self.m.comment("stack overflow");
        self.m.bind(self.overflow);
        self.align_noreturn();
        self.m.mov(ARGS[0], VM);
        self.m.mov_imm(ARGS[1], 1);
        self.m.call_abs(runtime::fail as *const () as usize);
        self.m.jmp(self.unwind);
        self.m.comment("control reached an unreachable block");
        self.m.bind(self.internal);
        self.align_noreturn();
        self.m.mov(ARGS[0], VM);
        self.m.mov_imm(ARGS[1], 2);
        self.m.call_abs(runtime::fail as *const () as usize);
        self.m.jmp(self.unwind);
        self.m.comment("unwind to the nearest entry");
        self.m.bind(self.unwind);
        self.flush_counter();
        self.m.mov_imm(CALL_TARGET, self.jit.stubs.unwind);
        self.m.jmp_reg(CALL_TARGET);
    }
}

/// Per instruction: an entry parameter whose frame slot nothing in `g`
/// writes (no `StoreSlot`, no generic instruction run on this frame), so
/// the slot holds the parameter's value wherever the value is live (the
/// prologue stores a pointer that arrived only in its register there
/// when the function calls: `Gen::prologue`).
fn params_in_their_slots(g: &Graph, frame_size: u32) -> Vec<bool> {
    let mut written = vec![false; frame_size as usize];
    let mut write = |from: u32, words: u32| {
        // (A width of 0 is a call window: everything from it on.)
        let to = if words == 0 {
            frame_size
        } else {
            (from + words).min(frame_size)
        };
        for s in from.min(frame_size)..to {
            written[s as usize] = true;
        }
    };
    for d in &g.insns {
        match &d.insn {
            Insn::StoreSlot { slot, .. } => write(*slot, 1),
            Insn::Bytecode {
                op,
                inlined_from: None,
                ..
            } => {
                for w in op.writes().iter() {
                    write(w.slot, w.words);
                }
            }
            _ => {}
        }
    }
    let mut in_slot = vec![false; g.insns.len()];
    for &p in &g.block(g.entry).params {
        if let Insn::Param { slot } = g.insn(p).insn {
            in_slot[p.index()] = !written.get(slot as usize).copied().unwrap_or(true);
        }
    }
    in_slot
}

#[cfg(test)]
mod tests {
    use super::exact_reciprocal;

    #[test]
    fn reciprocals_of_powers_of_two() {
        let r = |x: f64| exact_reciprocal(x.to_bits()).map(f64::from_bits);
        assert_eq!(r(4.0), Some(0.25));
        assert_eq!(r(-0.5), Some(-2.0));
        assert_eq!(r(1.0), Some(1.0));
        assert_eq!(r(2f64.powi(1022)), Some(2f64.powi(-1022)));
        // 2^1023's reciprocal is subnormal; 2^-1023 itself is.
        assert_eq!(r(2f64.powi(1023)), None);
        assert_eq!(r(2f64.powi(-1023)), None);
        for x in [3.0, 0.0, -0.0, f64::INFINITY, f64::NAN, 1.5] {
            assert_eq!(r(x), None, "{x}");
        }
        for y in [1e-308, 3.7, -0.0, f64::INFINITY, f64::NAN, 5e-324] {
            let (a, b) = (y / 8.0, y * r(8.0).unwrap());
            assert!(a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()));
        }
    }
}
