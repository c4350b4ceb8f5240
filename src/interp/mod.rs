//! The interpreter tier: runs bytecode on the shared frame layout.
//!
//! Frames live on one VM stack of 64-bit slots; a call places the callee's
//! frame at the caller's argument window, so arguments need no copying and
//! results come back at the same place. Go calls never recurse on the Rust
//! stack (each `run` keeps its own list of suspended frames); only runtime
//! functions that call back into Go (`fmt` calling `String()`) nest.

pub(crate) mod chans;
mod defers;
mod gc;
pub(crate) mod maps;
pub(crate) use maps::{HEADER_PTRS as MAP_HEADER_PTRS, ITER_PTRS as MAP_ITER_PTRS};
mod mem;
mod natives;
mod sched;
mod slow;
mod stdlib;
mod tiering;
mod trace;
mod values;

use crate::bytecode::frame::JitCtx;

/// What the interpreter asks of the tier layer (`crate::tier`) when a
/// compiled tier is on: it counts interpreted calls and back-edges, and
/// runs compiled code when there is some.
pub trait TierUp: Sync {
    /// A call of `f` with its frame at `fp`: true when it ran compiled
    /// (and has returned).
    fn call(&self, vm: &mut Vm<'_>, f: FuncId, fp: usize) -> Result<bool, Panic>;
    /// A taken back-edge to loop header `t` of interpreted `f`: true when
    /// the rest of `f` ran compiled (it has returned).
    fn backedge(&self, vm: &mut Vm<'_>, f: FuncId, t: u32, fp: usize) -> Result<bool, Panic>;
    /// Frame words above `f`'s bytecode frame that its compiled code may
    /// keep values in (the collector scans them).
    fn frame_extra(&self, f: FuncId) -> usize;
    /// Appends the compiled frames the running goroutine is in, innermost
    /// first (`false` when they cannot be told: the collector is then
    /// conservative).
    fn compiled_frames(
        &self,
        jc: &JitCtx,
        out: &mut Vec<CompiledFrame>,
        maps: &mut Vec<std::sync::Arc<[u32]>>,
    ) -> bool;
}

/// A compiled frame the collector finds on the native stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompiledFrame {
    pub func: FuncId,
    /// The instruction it stands at (a call's).
    pub pc: u32,
    /// Its first slot in the VM stack.
    pub fp: usize,
    pub words: FrameWords,
}

/// Which words of a compiled frame hold live pointers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameWords {
    /// Its bytecode slots and nothing else (baseline code, no inlined
    /// frame at this pc): its function's stack map at `pc` says which.
    Bytecode,
    /// These (the optimizing tier's map of the call: save and spill slots
    /// of live pointers, frame memory, the operands of a helper), an index
    /// into the maps the walk returned beside the frames.
    These(u32),
    /// Not known: every word up to its callee's frame, conservatively.
    Unknown,
}

use std::collections::HashMap;
use std::io::Write;

use crate::bytecode::op::{interp_slow_ops, Cmp, Op};
use crate::bytecode::Program;
use crate::runtime::heap::{Heap, ZERO_SIZED};
use crate::runtime::panic::Panic;
use crate::runtime::typedesc::{Itab, TypeDesc};
use pgojit_profiler::{EdgeId, FuncId, Profile, TypeId as ProfTypeId};

/// Slots in the VM stack (512 MiB of address space, touched only as used;
/// Go's own limit is 1 GB of its more compact frames).
const STACK_SLOTS: usize = 64 << 20;
/// Suspended interpreted frames before Go's stack overflow (a function
/// with an empty frame can recurse without using VM stack slots).
const MAX_FRAMES: usize = 1 << 22;

/// The native stack pointer. (Not the address of a local: under
/// AddressSanitizer locals may live in a heap-allocated fake stack, which
/// once made every compiled call look like a stack overflow.)
#[inline(always)]
fn stack_pointer() -> u64 {
    let sp: u64;
    // SAFETY: copies rsp into a register; touches no memory and no flags.
    unsafe {
        std::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags));
    }
    sp
}

/// Native stack compiled code may use below `run_main`'s frame.
pub const NATIVE_STACK_BUDGET: u64 = 192 << 20;
const NONE: u32 = u32::MAX;

pub struct Vm<'p> {
    pub prog: &'p Program,
    stack: mem::VmStack,
    pub heap: Heap,
    out: Box<dyn Write + Send>,
    /// The program's command line (`os.Args`), its name first.
    pub args: Vec<String>,
    /// Files the program opened (`os`), by descriptor.
    pub(crate) files: HashMap<i64, std::fs::File>,
    /// The frame of the running native's caller (`runtime.GC` collects
    /// with it as the running frame).
    pub(crate) native_frame: (FuncId, usize),
    /// fmt's buffer, kept between calls (Go's `pp` cache): `Sprintf`
    /// allocates its result string and nothing else.
    pub(crate) fmt_buf: Vec<u8>,
    /// Each function's stack maps, computed at its first collection.
    stack_maps: Vec<Option<Box<crate::bytecode::liveness::StackMaps>>>,
    gc_scratch: gc::GcScratch,
    /// Functions of `fmt` the runtime's printing calls (`fmt.callFormat`),
    /// found by name on first use.
    pub(crate) fmt_helpers: Vec<(&'static str, Option<FuncId>)>,
    /// When the program started (`time`'s monotonic clock).
    pub(crate) started: std::time::Instant,
    /// Where `print`/`println` write (`None`: stderr).
    err: Option<Box<dyn Write + Send>>,
    /// What compiled code reaches through its `VM` register, including
    /// the closure register (Go's context register) both tiers use.
    jc: Box<JitCtx>,
    /// The tier layer, when a compiled tier is on.
    pub tier: Option<&'p dyn TierUp>,
    /// A panic raised in compiled code, on its way to the nearest `enter`.
    pub(crate) pending: Option<Panic>,
    /// Interpreted calls and loop trips per function, for tier-up.
    tier_calls: Vec<u32>,
    tier_loops: Vec<u32>,
    /// Nesting of runtime → Go calls.
    depth: u32,
    /// Suspended frames of every active `run`, innermost last: with the
    /// running frame, the roots the collector scans.
    frames: Vec<Suspended>,
    /// How many frames a call may push without the slow path: at most
    /// `frames`' capacity and at most `max_frames` (one compare per call
    /// covers both the limit and the room; see `push_frame`).
    frames_room: usize,
    /// One past the VM stack's last slot (`enter`'s overflow check).
    stack_end: *mut u64,
    /// Receiver and call counters (`None` with `--no-profile`).
    pub profile: Option<&'p Profile>,
    /// `--max-steps`, for its message (the count itself is in `jc`).
    max_steps: Option<u64>,
    /// `--max-stack` in bytes, for Go's message (`None`: Go's 1 GB text).
    max_stack: Option<u64>,
    /// Suspended interpreted frames allowed (`MAX_FRAMES`, fewer under a
    /// small `--max-stack`: a frame costs at least 32 bytes of Go stack).
    max_frames: usize,
    /// Per function: what a call needs to enter it.
    entries: Vec<Entry>,
    /// Calls deferred by running functions, innermost last (`defers.rs`).
    defers: Vec<defers::DeferRec>,
    /// The running `Protect`s, innermost last: where their deferred calls
    /// start in `defers`, and their frame functions.
    protects: Vec<(usize, FuncId)>,
    /// Their saved words.
    defer_words: Vec<u64>,
    /// Panics on their way, oldest first (`defers.rs`).
    panics: Vec<defers::ActivePanic>,
    /// The traceback of the panic on its way out of the frames it has
    /// left so far, innermost first (`trace.rs`).
    trace: Vec<trace::TraceFrame>,
    /// The error values of the runtime's panics that Go raises with one
    /// value each time (its `rangeDoneError` and `rangeExitError`), once
    /// `recover` has returned them: a repanic of a recovered one is told
    /// by them (`defers.rs`).
    runtime_singletons: Vec<(String, [u64; 2])>,
    /// The frame (stack index) and function in which `recover` stops the
    /// newest panic: the callee of the deferred call it runs.
    recover_at: Option<(usize, FuncId)>,
    /// The generator behind map seeds, iteration starts and NaN key
    /// hashes (`interp::maps`): seeded at random per run, as Go's is.
    pub(crate) map_rng: u64,
    /// What entries zero, for `Entry::zero`.
    zeroings: Vec<Zeroing>,
    /// The slots entries zero, for `Zeroing::at`.
    zero_slots: Vec<u32>,
    /// One past the largest call site and the largest direct callee the
    /// code names: a profile counting at least these takes unchecked
    /// look-ups (`run` checks it once).
    sites_named: usize,
    funcs_named: usize,
    /// The goroutines, once a `go` statement has run (`sched.rs`).
    sched: Option<Box<sched::Sched>>,
    /// The running goroutine's Go number.
    goid: u64,
}

/// What entering a function takes, kept together for the call path (16
/// bytes: two loads on a call).
#[derive(Clone, Copy)]
struct Entry {
    /// The function's code (the program's, which outlives the VM's runs).
    code: *const Op,
    /// The frame size in slots, and above bit 32 what to zero (0: nothing;
    /// otherwise `zeroings[zero - 1]`). So one compare of the frame's end
    /// with the stack's covers both: an entry that zeroes ends past any
    /// stack (at least 2^32 slots on; stacks are smaller, see
    /// `limit_stack`) and takes `enter_slow`.
    need: u64,
}

impl Entry {
    fn size(self) -> usize {
        self.need as u32 as usize
    }

    fn zero(self) -> u32 {
        (self.need >> 32) as u32
    }
}

/// The slots a function's entry zeroes.
#[derive(Clone, Copy)]
struct Zeroing {
    params: u32,
    /// `zero_slots[at..at + n]`, or every local when `n` is `u32::MAX`
    /// (see `bytecode::entry::interp_zeroing`).
    at: u32,
    n: u32,
}

struct Suspended {
    func: FuncId,
    /// Where it continues, in its function's code (which starts at `code`).
    ip: *const Op,
    code: *const Op,
    /// Its frame's first slot in the VM stack (`Vm::fp_of` gives the index).
    fr: *mut u64,
}

impl<'p> Vm<'p> {
    pub fn new(prog: &'p Program) -> Vm<'p> {
        let mut vm = Vm {
            prog,
            stack: mem::VmStack::new(STACK_SLOTS),
            heap: {
                let mut h = Heap::new();
                for l in &prog.layouts {
                    h.register_layout(l.clone());
                }
                h
            },
            out: Box::new(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            )),
            args: Vec::new(),
            files: HashMap::new(),
            started: std::time::Instant::now(),
            native_frame: (FuncId(0), 0),
            fmt_buf: Vec::new(),
            stack_maps: Vec::new(),
            gc_scratch: Default::default(),
            fmt_helpers: Vec::new(),
            err: None,
            jc: Box::new(JitCtx::new()),
            tier: None,
            pending: None,
            tier_calls: vec![0; prog.funcs.len()],
            tier_loops: vec![0; prog.funcs.len()],
            depth: 0,
            frames: Vec::with_capacity(1024),
            frames_room: 1024,
            stack_end: std::ptr::null_mut(),
            profile: None,
            max_steps: None,
            max_stack: None,
            max_frames: MAX_FRAMES,
            entries: Vec::new(),
            defers: Vec::new(),
            defer_words: Vec::new(),
            panics: Vec::new(),
            trace: Vec::new(),
            runtime_singletons: Vec::new(),
            protects: Vec::new(),
            recover_at: None,
            map_rng: {
                use std::hash::{BuildHasher, Hasher};
                let mut h = std::collections::hash_map::RandomState::new().build_hasher();
                h.write_u64(std::process::id() as u64);
                h.finish()
            },
            zeroings: Vec::new(),
            zero_slots: Vec::new(),
            sites_named: 0,
            funcs_named: 0,
            sched: None,
            goid: 1,
        };
        vm.jc.alloc_caches = vm.heap.alloc_caches();
        vm.with_entries()
    }

    fn with_entries(mut self) -> Self {
        self.stack_end = self.stack.as_mut_ptr_range().end;
        self.funcs_named = self.prog.funcs.len();
        for f in &self.prog.funcs {
            for op in &f.code {
                if let Some(s) = op.site() {
                    self.sites_named = self.sites_named.max(s.index() + 1);
                }
                if let Op::Call { func, .. } | Op::MoveCall { func, .. } = *op {
                    self.funcs_named = self.funcs_named.max(func.index() + 1);
                }
            }
            let zero = match crate::bytecode::entry::interp_zeroing(f) {
                Some(slots) => {
                    let at = self.zero_slots.len() as u32;
                    self.zero_slots.extend(&slots);
                    (at, slots.len() as u32)
                }
                None => (0, u32::MAX),
            };
            let zero = if zero.1 == 0 {
                0
            } else {
                self.zeroings.push(Zeroing {
                    params: f.param_words,
                    at: zero.0,
                    n: zero.1,
                });
                // (`Entry::need` times 8 stays below 2^64.)
                assert!(self.zeroings.len() < 1 << 28, "too many functions");
                self.zeroings.len() as u32
            };
            self.entries.push(Entry {
                code: f.code.as_ptr(),
                need: f.frame_size as u64 | (zero as u64) << 32,
            });
        }
        self
    }

    /// `--max-steps`: stop after `n` steps, a step being a function entry
    /// or a taken loop back-edge, in whichever tier runs it.
    pub fn limit_steps(&mut self, n: u64) {
        self.max_steps = Some(n);
        self.jc.steps_left = n.min(i64::MAX as u64) as i64;
    }

    /// `--max-stack`: the VM stack holds `bytes` (Go's `debug.SetMaxStack`;
    /// the default is 512 MiB of 8-byte slots). Call before running.
    pub fn limit_stack(&mut self, bytes: u64) {
        // (At most 2^31 slots, 16 GiB: see `Entry::need`.)
        let slots = (bytes / 8).clamp(1024, 1 << 31) as usize;
        self.stack = mem::VmStack::new(slots);
        self.stack_end = self.stack.as_mut_ptr_range().end;
        self.max_stack = Some(bytes);
        self.max_frames = MAX_FRAMES.min((bytes / 32).max(64) as usize);
        self.frames_room = self.frames.capacity().min(self.max_frames);
    }

    /// Go's stack overflow (`fatal error: stack overflow` follows).
    pub(crate) fn stack_overflow(&self) -> Panic {
        let limit = self.max_stack.unwrap_or(1_000_000_000);
        Panic::Fatal(format!(
            "runtime: goroutine stack exceeds {limit}-byte limit"
        ))
    }

    /// `--max-steps` ran out at instruction `pc` of `f` (its entry: 0).
    #[cold]
    pub(crate) fn out_of_steps(&self, f: FuncId, pc: usize) -> Panic {
        let func = self.prog.func(f);
        let pos = func.pos.get(pc).copied().unwrap_or_default();
        Panic::Limit(format!(
            "pgojit: step limit reached: --max-steps={} (function entries and loop back-edges) ran out {} {} at {}",
            self.max_steps.unwrap_or(0),
            if pc == 0 { "entering" } else { "in" },
            func.name,
            self.prog.at(pos)
        ))
    }

    /// Takes one step (see [`Vm::limit_steps`]); false when none is left.
    #[inline(always)]
    fn step(&mut self) -> bool {
        self.jc.steps_left -= 1;
        self.jc.steps_left >= 0
    }

    /// Package variables, relocated for a VM with its own copy (kept out
    /// of `run`'s loop: the delta is one more value the loop would hold).
    #[inline(never)]
    fn load_global(&mut self, d: u32, addr: u64, n: u32, fp: usize) {
        let b = fp + d as usize;
        let at = addr.wrapping_add(self.jc.globals_delta);
        mem::load_n(at, 0, &mut self.stack[b..b + n as usize]);
    }

    #[inline(never)]
    fn store_global(&mut self, addr: u64, s: u32, n: u32, fp: usize) {
        let b = fp + s as usize;
        let at = addr.wrapping_add(self.jc.globals_delta);
        mem::store_n(at, 0, &self.stack[b..b + n as usize]);
    }

    /// Sends the program's standard output to `w` instead of stdout.
    pub fn capture_output(&mut self, w: Box<dyn Write + Send>) {
        self.out = w;
    }

    /// Sends the builtin `print`/`println` output to `w` instead of stderr.
    pub fn capture_prints(&mut self, w: Box<dyn Write + Send>) {
        self.err = Some(w);
    }

    /// Gives this VM its own zeroed package variables (one copy of the
    /// program among several in one process).
    pub fn own_globals(&mut self) {
        let (base, words) = self.prog.globals_block;
        let mine = crate::runtime::heap::alloc_static(words as usize);
        self.jc.globals_delta = mine.wrapping_sub(base);
    }

    /// Runs the package initializer, then `main`.
    pub fn run_main(&mut self) -> Result<(), Panic> {
        let base = self.stack.as_mut_ptr() as u64;
        self.jc.stack_base = base;
        self.jc.stack_end = base + 8 * self.stack.len() as u64;
        // Compiled Go calls nest on the native stack: leave them most of
        // the thread's stack (the command line runs the VM on a 256 MiB one).
        let here = stack_pointer();
        // (A small --max-stack bounds compiled recursion as well: empty
        // frames use no VM stack, only this.)
        let budget = self.max_stack.map_or(NATIVE_STACK_BUDGET, |b| {
            b.clamp(64 << 10, NATIVE_STACK_BUDGET)
        });
        self.jc.rsp_limit = here.saturating_sub(budget);
        let r = self
            .run(self.prog.init, 0)
            .and_then(|_| self.run(self.prog.main, 0));
        self.flush();
        r.map_err(|e| self.report(e))
    }

    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }

    /// Calls `f` with its frame at `fp` and runs until it returns.
    pub fn run(&mut self, entry: FuncId, fp: usize) -> Result<(), Panic> {
        let depth = self.frames.len();
        let r = self.run_at(entry, fp);
        if r.is_err() {
            // A panic leaves the frames it passed suspended: gone now (a
            // later traceback or return must not find them).
            self.frames.truncate(depth);
        }
        r
    }

    fn run_at(&mut self, entry: FuncId, fp: usize) -> Result<(), Panic> {
        if let Some(tier) = self.tier {
            // Compiled code first, outside the interpreter's large frame:
            // runtime → Go calls (deferred calls, `String` methods) nest
            // on the native stack.
            if tier.call(self, entry, fp)? {
                return Ok(());
            }
            self.run_in::<true>(entry, fp)
        } else {
            self.run_in::<false>(entry, fp)
        }
    }

    /// [`Vm::run`], compiled twice: without a tier layer (`TIERED` false)
    /// the calls and back-edges have no test for one.
    fn run_in<const TIERED: bool>(&mut self, entry: FuncId, fp: usize) -> Result<(), Panic> {
        let prog = self.prog;
        // Kept in a local: the hot paths test it on every call and back-edge.
        let prof = self.profile;
        // What makes the unchecked look-ups below sound: every site an
        // instruction names, every direct callee and every running
        // function (`cur`, which has an entry) has its counters.
        if let Some(pr) = prof {
            assert!(
                pr.site_count() >= self.sites_named && pr.func_count() >= self.funcs_named,
                "a profile of another program"
            );
        }
        let base_depth = self.frames.len();
        let mut cur = entry;
        // The running code and the next instruction: `ip` walks `code`,
        // and the index of the next instruction (`pc!()`) is computed
        // from the two only where it is needed (panics, positions).
        let mut code: *const Op = prog.func(cur).code.as_ptr();
        let mut ip: *const Op = code;
        let tier = if TIERED { self.tier } else { None };
        // (`run` has offered the entry to the tier layer.)
        if !self.step() {
            self.flush();
            return Err(self.out_of_steps(cur, 0));
        }
        // Frame slots: the verifier proved every slot operand of a function
        // lies below its frame size, and `enter` proved the frame lies inside
        // the stack, so slot accesses need no bounds checks.
        // The stack buffer is allocated once and never resized while code
        // runs, so its address is fixed. References into it made by
        // runtime helpers (natives, equality) end before control returns here.
        let st: *mut u64 = self.stack.as_mut_ptr();
        // The running frame's first slot: the frame's index in the stack
        // (`fp!()`) is derived from it only where it is needed.
        let mut fr: *mut u64 = st.wrapping_add(fp);
        self.enter(fr, self.entries[cur.index()])?;
        // (The invocation `run` did not hand to compiled code: see `call!`.)
        if let Some(pr) = prof {
            pr.func(cur).record_call();
        }
        // The running instruction's index.
        macro_rules! pc {
            () => {
                // SAFETY: `ip` points into the code that starts at `code`.
                unsafe { ip.offset_from(code) as usize }
            };
        }
        // Goes to instruction `$t` of the running code, counting a back-edge.
        macro_rules! jump {
            ($t:expr) => {{
                // SAFETY: the verifier proved every jump target lies inside the code.
                let to = unsafe { code.add($t as usize) };
                if to <= ip {
                    backedge!($t);
                }
                ip = to;
                continue;
            }};
        }
        // Skips the instruction after this one (the kept test of a fused
        // increment and test): the verifier checks that one follows it.
        macro_rules! skip {
            () => {{
                ip = ip.wrapping_add(2);
                continue;
            }};
        }
        // A call at a counted direct call site (whatever tier the callee
        // runs in: compiled callers count at their call sites too).
        macro_rules! count_edge {
            ($edge:expr) => {
                if $edge != EdgeId::NONE {
                    if let Some(pr) = prof {
                        pr.record_edge($edge);
                    }
                }
            };
        }
        // The running frame's index in the VM stack.
        macro_rules! fp {
            () => {
                (fr as usize - st as usize) / 8
            };
        }
        macro_rules! s {
            ($i:expr) => {
                // SAFETY: `fp + $i < fp + frame_size <= stack.len()` (see above).
                *unsafe { &mut *fr.add($i as usize) }
            };
        }
        // A bounds-checked element index of the slice in slot `$s`: (data pointer, index).
        macro_rules! checked_elem {
            ($s:expr, $i:expr) => {{
                let (p, len) = (s!($s), s!($s + 1));
                let i = s!($i) as i64;
                if i < 0 || i as u64 >= len {
                    return Err(self.fail(Panic::index(i, len), cur, pc!(), fr, base_depth));
                }
                (p, i)
            }};
        }
        macro_rules! call {
            ($target:expr, $base:expr) => {{
                let target: FuncId = $target;
                if let Some(tier) = tier {
                    // (Suspended while compiled code runs, so that a
                    // collection finds this frame and its pc.)
                    self.frames.push(Suspended {
                        func: cur,
                        ip: ip.wrapping_add(1),
                        code,
                        fr,
                    });
                    let ran = tier.call(self, target, fp!() + $base as usize);
                    self.frames.pop();
                    match ran {
                        Ok(true) => {
                            ip = ip.wrapping_add(1);
                            continue;
                        }
                        Ok(false) => {}
                        Err(e) => return Err(self.fail(e, cur, pc!(), fr, base_depth)),
                    }
                }
                if !self.step() {
                    return Err(self.fail(
                        self.out_of_steps(target, 0),
                        cur,
                        pc!(),
                        fr,
                        base_depth,
                    ));
                }
                let e = self.entries[target.index()];
                // Every interpreted invocation is counted here or at
                // `run_in`'s entry, once, whatever called it (compiled
                // code counts the invocations it runs: its prologues and
                // inlined copies), so function counts are exact in every tier.
                if let Some(pr) = prof {
                    // SAFETY: `target` has an entry (indexed just above),
                    // so `target < funcs_named`.
                    unsafe { pr.func_unchecked(target) }.record_call();
                }
                if !self.push_frame(Suspended {
                    func: cur,
                    ip: ip.wrapping_add(1),
                    code,
                    fr,
                }) {
                    return Err(self.fail(self.stack_overflow(), cur, pc!(), fr, base_depth));
                }
                fr = fr.wrapping_add($base as usize);
                cur = target;
                code = e.code;
                ip = code;
                self.enter(fr, e)?;
                continue;
            }};
        }
        // An interface call: the receiver's method through its itab, the
        // receiver type counted at the site (`CallIface`, `MoveCallIface`).
        macro_rules! iface_call {
            ($recv:expr, $method:expr, $base:expr, $site:expr) => {{
                let (recv, method, base, site) = ($recv, $method, $base, $site);
                let tab = s!(recv);
                if tab == 0 {
                    return Err(self.fail(Panic::nil_deref(), cur, pc!(), fr, base_depth));
                }
                // SAFETY: a non-nil type word of a non-empty interface is a leaked itab.
                let itab = unsafe { &*(tab as *const Itab) };
                let target = itab.fun(method as usize);
                if let Some(pr) = prof {
                    // SAFETY: `site < sites_named` (checked above).
                    unsafe { pr.site_unchecked(site) }.record(ProfTypeId(itab.type_id));
                }
                s!(base) = s!(recv + 1);
                call!(target, base)
            }};
        }
        // Pops the finished frame (its results already at slot 0).
        macro_rules! pop_frame {
            () => {{
                let len = self.frames.len();
                if len == base_depth {
                    return Ok(());
                }
                // SAFETY: `len > base_depth >= 0`: there is a last frame,
                // and a `Suspended` needs no drop.
                // (Volatile field loads: loaded plainly, LLVM kept `code` and
                // `fr` in one vector register and extracted `fr` on every
                // dispatch.)
                unsafe {
                    self.frames.set_len(len - 1);
                    let f = self.frames.as_ptr().add(len - 1);
                    cur = std::ptr::addr_of!((*f).func).read_volatile();
                    code = std::ptr::addr_of!((*f).code).read_volatile();
                    ip = std::ptr::addr_of!((*f).ip).read_volatile();
                    fr = std::ptr::addr_of!((*f).fr).read_volatile();
                }
                continue;
            }};
        }
        // A taken back-edge to `$t`: count it, and move to compiled code
        // (on-stack replacement) once the function has some.
        macro_rules! backedge {
            ($t:expr) => {{
                if !self.step() {
                    return Err(self.fail(
                        self.out_of_steps(cur, pc!()),
                        cur,
                        pc!(),
                        fr,
                        base_depth,
                    ));
                }
                if let Some(pr) = prof {
                    // SAFETY: `cur` has an entry, so `cur < funcs_named`.
                    unsafe { pr.func_unchecked(cur) }.record_backedge();
                }
                if let Some(tier) = tier {
                    match tier.backedge(self, cur, $t, fp!()) {
                        Ok(true) => pop_frame!(),
                        Ok(false) => {}
                        // (The compiled code that took over the running
                        // frame has put it in the traceback.)
                        Err(e) => return Err(self.fail_above(e, base_depth)),
                    }
                }
            }};
        }
        loop {
            // SAFETY: the verifier proved every jump target lies inside the
            // code and that the code ends in a return or jump, so `ip` stays
            // inside the code: instructions that go elsewhere (jumps, calls,
            // returns, a fused test's skip) `continue`, the others fall
            // through to the next one below.
            let op = unsafe { &*ip };
            match *op {
                Op::Const { d, v } => s!(d) = v,
                Op::Zero { d, n } => {
                    let b = fp!() + d as usize;
                    self.stack[b..b + n as usize].fill(0);
                }
                Op::Move { d, s } => s!(d) = s!(s),
                Op::MoveN { d, s, n } => {
                    if n == 2 {
                        let (x, y) = (s!(s), s!(s + 1));
                        s!(d) = x;
                        s!(d + 1) = y;
                    } else {
                        let (d, s) = (fp!() + d as usize, fp!() + s as usize);
                        self.stack.copy_within(s..s + n as usize, d);
                    }
                }
                Op::AddI { d, a, b } => s!(d) = s!(a).wrapping_add(s!(b)),
                Op::AddImm { d, a, imm } => s!(d) = s!(a).wrapping_add(imm as u64),
                Op::SubI { d, a, b } => s!(d) = s!(a).wrapping_sub(s!(b)),
                Op::MulI { d, a, b } => s!(d) = s!(a).wrapping_mul(s!(b)),
                Op::And { d, a, b } => s!(d) = s!(a) & s!(b),
                Op::Or { d, a, b } => s!(d) = s!(a) | s!(b),
                Op::Xor { d, a, b } => s!(d) = s!(a) ^ s!(b),
                Op::AndNot { d, a, b } => s!(d) = s!(a) & !s!(b),
                Op::Shl { d, a, b } => {
                    let n = s!(b);
                    s!(d) = if n >= 64 { 0 } else { s!(a) << n };
                }
                Op::ShrS { d, a, b } => {
                    let n = s!(b);
                    s!(d) = ((s!(a) as i64) >> n.min(63)) as u64;
                }
                Op::ShrU { d, a, b } => {
                    let n = s!(b);
                    s!(d) = if n >= 64 { 0 } else { s!(a) >> n };
                }
                Op::CheckShift { s } => {
                    if (s!(s) as i64) < 0 {
                        return Err(self.fail(
                            Panic::Runtime("negative shift amount".into()),
                            cur,
                            pc!(),
                            fr,
                            base_depth,
                        ));
                    }
                }
                Op::NegI { d, s } => s!(d) = (s!(s) as i64).wrapping_neg() as u64,
                Op::NotI { d, s } => s!(d) = !s!(s),
                Op::Not { d, s } => s!(d) = (s!(s) == 0) as u64,
                Op::Trunc { d, s, k } => s!(d) = k.truncate(s!(s)),
                Op::CmpI { d, a, b, c, signed } => {
                    let (x, y) = (s!(a), s!(b));
                    s!(d) = if signed {
                        cmp(x as i64, y as i64, c)
                    } else {
                        cmp(x, y, c)
                    } as u64;
                }
                Op::CmpImm { d, a, imm, c } => s!(d) = cmp(s!(a) as i64, imm, c) as u64,
                Op::AddF { d, a, b } => s!(d) = (f(s!(a)) + f(s!(b))).to_bits(),
                Op::SubF { d, a, b } => s!(d) = (f(s!(a)) - f(s!(b))).to_bits(),
                Op::MulF { d, a, b } => s!(d) = (f(s!(a)) * f(s!(b))).to_bits(),
                Op::DivF { d, a, b } => s!(d) = (f(s!(a)) / f(s!(b))).to_bits(),
                Op::NegF { d, s } => s!(d) = (-f(s!(s))).to_bits(),
                Op::CmpF { d, a, b, c } => {
                    let (x, y) = (f(s!(a)), f(s!(b)));
                    s!(d) = c.holds(x, y) as u64;
                }
                Op::IToF { d, s, signed } => {
                    let v = s!(s);
                    s!(d) = if signed { (v as i64) as f64 } else { v as f64 }.to_bits();
                }
                Op::RoundF32 { d, s } => s!(d) = (f(s!(s)) as f32 as f64).to_bits(),
                Op::Load { d, p, off, n } => {
                    let a = s!(p);
                    if a == 0 {
                        return Err(self.fail(Panic::nil_deref(), cur, pc!(), fr, base_depth));
                    }
                    if n == 1 {
                        s!(d) = mem::load(a, off as usize);
                    } else {
                        let b = fp!() + d as usize;
                        mem::load_n(a, off as usize, &mut self.stack[b..b + n as usize]);
                    }
                }
                Op::Store { p, off, s, n } => {
                    let a = s!(p);
                    if a == 0 {
                        return Err(self.fail(Panic::nil_deref(), cur, pc!(), fr, base_depth));
                    }
                    if n == 1 {
                        mem::store(a, off as usize, s!(s));
                    } else {
                        let b = fp!() + s as usize;
                        mem::store_n(a, off as usize, &self.stack[b..b + n as usize]);
                    }
                }
                Op::AddrOff { d, p, off } => {
                    let a = s!(p);
                    if a == 0 {
                        return Err(self.fail(Panic::nil_deref(), cur, pc!(), fr, base_depth));
                    }
                    s!(d) = a + 8 * off as u64;
                }
                Op::LoadG { d, addr, n } => self.load_global(d, addr, n, fp!()),
                Op::StoreG { addr, s, n } => self.store_global(addr, s, n, fp!()),
                Op::AddrG { d, addr } => s!(d) = addr.wrapping_add(self.jc.globals_delta),
                Op::Alloc { d, n, layout } => {
                    if self.heap.due() {
                        self.collect(cur, fp!(), gc::At::Pc(pc!()))
                            .map_err(|e| self.fail(e, cur, pc!(), fr, base_depth))?;
                    }
                    s!(d) = match self.heap.alloc(n as usize, layout) {
                        Ok(p) => p,
                        Err(e) => return Err(self.fail(e, cur, pc!(), fr, base_depth)),
                    };
                }
                Op::SliceAddr { d, s, i, stride } => {
                    let (p, i) = checked_elem!(s, i);
                    s!(d) = p + 8 * (i as u64 * stride as u64);
                }
                Op::SliceLoad {
                    d,
                    s,
                    i,
                    stride,
                    off,
                    n,
                } => {
                    let (p, i) = checked_elem!(s, i);
                    let w = i as usize * stride as usize + off as usize;
                    if n == 2 {
                        s!(d) = mem::load(p, w);
                        s!(d + 1) = mem::load(p, w + 1);
                    } else if n == 1 {
                        s!(d) = mem::load(p, w);
                    } else {
                        let b = fp!() + d as usize;
                        mem::load_n(p, w, &mut self.stack[b..b + n as usize]);
                    }
                }
                Op::SliceStore {
                    s,
                    i,
                    v,
                    stride,
                    off,
                    n,
                } => {
                    let (p, i) = checked_elem!(s, i);
                    let b = fp!() + v as usize;
                    mem::store_n(
                        p,
                        i as usize * stride as usize + off as usize,
                        &self.stack[b..b + n as usize],
                    );
                }
                Op::SliceLoadB { d, s, i } => {
                    let (p, i) = checked_elem!(s, i);
                    s!(d) = mem::load_byte(p, i as u64);
                }
                Op::SliceStoreB { s, i, v } => {
                    let (p, i) = checked_elem!(s, i);
                    mem::store_byte(p, i as u64, s!(v));
                }
                Op::CheckIndex { i, len } => {
                    in_bounds(s!(i), len).map_err(|e| self.fail(e, cur, pc!(), fr, base_depth))?;
                }
                Op::Call {
                    func: target,
                    base,
                    edge,
                } => {
                    count_edge!(edge);
                    call!(target, base)
                }
                Op::CallClosure { f, base, site } => {
                    let fv = s!(f);
                    if fv == 0 {
                        return Err(self.fail(Panic::nil_deref(), cur, pc!(), fr, base_depth));
                    }
                    self.jc.ctx = fv;
                    let target = FuncId(mem::load(fv, 0) as u32);
                    if let Some(pr) = prof {
                        // SAFETY: `site < sites_named` (checked above).
                        unsafe { pr.site_unchecked(site) }.record_func(target);
                    }
                    call!(target, base)
                }
                Op::CallIface {
                    recv,
                    method,
                    base,
                    site,
                } => {
                    iface_call!(recv, method, base, site)
                }
                Op::CallNative { .. } | Op::Protect { .. } => {
                    self.frames.push(Suspended {
                        func: cur,
                        ip: ip.wrapping_add(1),
                        code,
                        fr,
                    });
                    let r = self.exec_op(op, cur, fp!());
                    self.frames.pop();
                    r.map_err(|e| self.fail(e, cur, pc!(), fr, base_depth))?;
                }
                Op::LoadCtx { d } => s!(d) = self.jc.ctx,
                Op::RetLoad { p, off } => {
                    let a = s!(p);
                    if a == 0 {
                        return Err(self.fail(Panic::nil_deref(), cur, pc!(), fr, base_depth));
                    }
                    s!(0) = mem::load(a, off as usize);
                    pop_frame!();
                }
                Op::Ret { s, n } => {
                    match n {
                        0 => {}
                        1 => s!(0) = s!(s),
                        _ => {
                            let src = fp!() + s as usize;
                            self.stack.copy_within(src..src + n as usize, fp!());
                        }
                    }
                    pop_frame!();
                }
                Op::Jmp { t } => {
                    jump!(t);
                }
                Op::JfCmpI { a, b, c, signed, t } => {
                    if !holds(s!(a), s!(b), c, signed) {
                        jump!(t);
                    }
                }
                Op::JfCmpImm { a, imm, c, t } => {
                    if !holds(s!(a), imm as u64, c, true) {
                        jump!(t);
                    }
                }
                Op::Jz { c, t } => {
                    if s!(c) == 0 {
                        jump!(t);
                    }
                }
                Op::Jnz { c, t } => {
                    if s!(c) != 0 {
                        jump!(t);
                    }
                }
                // ----- added by interp-speed (see `bytecode::peephole`) -----
                Op::AndImm { d, a, imm } => s!(d) = s!(a) & imm as u64,
                Op::MulImm { d, a, imm } => s!(d) = s!(a).wrapping_mul(imm as u64),
                Op::LoadAddI { t, p, off, d, a, b } => {
                    let x = s!(p);
                    if x == 0 {
                        return Err(self.fail(Panic::nil_deref(), cur, pc!(), fr, base_depth));
                    }
                    s!(t) = mem::load(x, off as usize);
                    s!(d) = s!(a).wrapping_add(s!(b));
                }
                Op::AddImmJfCmpI {
                    d,
                    a,
                    imm,
                    b,
                    c,
                    signed,
                    t,
                } => {
                    let x = s!(a).wrapping_add(imm as u64);
                    s!(d) = x;
                    if holds(x, s!(b), c, signed) {
                        // The fused `JfCmpI` at pc + 1 is done.
                        skip!();
                    } else {
                        jump!(t);
                    }
                }
                Op::AddImmJfCmpImm { d, a, imm, k, c, t } => {
                    let x = s!(a).wrapping_add(imm as u64);
                    s!(d) = x;
                    if holds(x, k as u64, c, true) {
                        skip!();
                    } else {
                        jump!(t);
                    }
                }
                Op::AndImmMulImm { m, a, mask, d, k } => {
                    let x = s!(a) & mask as u64;
                    s!(m) = x;
                    s!(d) = x.wrapping_mul(k as u64);
                }
                Op::AndImmSliceLoad {
                    m,
                    a,
                    imm,
                    d,
                    s,
                    stride,
                    off,
                    n,
                } => {
                    s!(m) = s!(a) & imm as u64;
                    let (p, i) = checked_elem!(s, m);
                    let w = i as usize * stride as usize + off as usize;
                    if n == 2 {
                        s!(d) = mem::load(p, w);
                        s!(d + 1) = mem::load(p, w + 1);
                    } else if n == 1 {
                        s!(d) = mem::load(p, w);
                    } else {
                        let b = fp!() + d as usize;
                        mem::load_n(p, w, &mut self.stack[b..b + n as usize]);
                    }
                }
                Op::MoveCall {
                    d,
                    s,
                    func: target,
                    base,
                    edge,
                } => {
                    count_edge!(edge);
                    s!(d) = s!(s);
                    call!(target, base)
                }
                Op::MoveCallIface {
                    d,
                    s,
                    recv,
                    method,
                    base,
                    site,
                } => {
                    s!(d) = s!(s);
                    iface_call!(recv, method, base, site)
                }
                // (The sum's slot `d` is left unwritten: the frame is done.)
                Op::AddIRet { d: _, a, b } => {
                    s!(0) = s!(a).wrapping_add(s!(b));
                    pop_frame!();
                }
                Op::LoadAddIRet {
                    t,
                    p,
                    off,
                    d: _,
                    a,
                    b,
                } => {
                    let x = s!(p);
                    if x == 0 {
                        return Err(self.fail(Panic::nil_deref(), cur, pc!(), fr, base_depth));
                    }
                    s!(t) = mem::load(x, off as usize);
                    s!(0) = s!(a).wrapping_add(s!(b));
                    pop_frame!();
                }
                Op::Panic { .. } => {
                    self.frames.push(Suspended {
                        func: cur,
                        ip: ip.wrapping_add(1),
                        code,
                        fr,
                    });
                    let r = self.exec_op(op, cur, fp!());
                    self.frames.pop();
                    r.map_err(|e| self.fail(e, cur, pc!(), fr, base_depth))?;
                }
                Op::PanicNil => {
                    return Err(self.fail(Panic::nil_deref(), cur, pc!(), fr, base_depth))
                }
                Op::PanicRangeDone { exited } => {
                    return Err(self.fail(Panic::range_done(exited), cur, pc!(), fr, base_depth))
                }
                Op::PrintNl => self.print_raw(b"\n"),
                interp_slow_ops!() => {
                    self.exec_op(op, cur, fp!())
                        .map_err(|e| self.fail(e, cur, pc!(), fr, base_depth))?;
                }
            }
            ip = ip.wrapping_add(1);
        }
    }

    /// Prepares a new frame: checks the stack and zeroes the non-parameter
    /// slots. (`fr`: the frame's first slot, at or after the stack's start.)
    #[inline(always)]
    fn enter(&mut self, fr: *mut u64, e: Entry) -> Result<(), Panic> {
        // (`fr` and the stack are below 2^47: no wrap-around.)
        let end = (fr as usize).wrapping_add((e.need as usize).wrapping_mul(8));
        if end > self.stack_end as usize {
            return self.enter_slow(fr, e);
        }
        Ok(())
    }

    /// `enter` for an entry that zeroes, or past the stack's end.
    #[inline(never)]
    fn enter_slow(&mut self, fr: *mut u64, e: Entry) -> Result<(), Panic> {
        if fr.wrapping_add(e.size()) as usize > self.stack_end as usize {
            self.flush();
            return Err(self.stack_overflow());
        }
        if e.zero() != 0 {
            self.zero_frame(fr, e);
        }
        Ok(())
    }

    /// Zeroes what entry `e` needs zeroed in the frame at `fr`, which
    /// `enter` has checked.
    #[inline(always)]
    fn zero_frame(&mut self, fr: *mut u64, e: Entry) {
        let Zeroing { params, at, n } = self.zeroings[e.zero() as usize - 1];
        if n != u32::MAX {
            for &s in &self.zero_slots[at as usize..(at + n) as usize] {
                // SAFETY: `s < size` (slots of the frame), so `fr + s < end <= stack_end`.
                unsafe { *fr.add(s as usize) = 0 };
            }
            return;
        }
        // Frames are small: a loop beats a call to memset.
        let end = fr.wrapping_add(e.size());
        let mut p = fr.wrapping_add(params as usize);
        while p < end {
            // SAFETY: `p < end <= stack_end`, checked by `enter`. (Volatile
            // keeps LLVM from turning this short loop into a call to memset.)
            unsafe { std::ptr::write_volatile(p, 0) };
            p = p.wrapping_add(1);
        }
    }

    /// Suspends a frame for a call: false past `max_frames` (Go's stack
    /// overflow). One compare in the common case: `frames_room` is at
    /// most both the capacity and the limit.
    #[inline(always)]
    fn push_frame(&mut self, s: Suspended) -> bool {
        let len = self.frames.len();
        if len >= self.frames_room && !self.grow_frames() {
            return false;
        }
        // SAFETY: `len < frames_room <= capacity`.
        unsafe {
            let p = self.frames.as_mut_ptr().add(len);
            (*p).func = s.func;
            (*p).ip = s.ip;
            (*p).code = s.code;
            (*p).fr = s.fr;
            self.frames.set_len(len + 1);
        }
        true
    }

    /// Room for one more suspended frame (false: none under the limit).
    /// Takes nothing of the frame: an argument would be spilled on the
    /// hot path for the sake of this call.
    #[cold]
    #[inline(never)]
    fn grow_frames(&mut self) -> bool {
        let len = self.frames.len();
        if len >= self.max_frames {
            return false;
        }
        self.frames.reserve(len.max(1024));
        self.frames_room = self.frames.capacity().min(self.max_frames);
        len < self.frames_room
    }

    /// The stack index of a frame that starts at `fr`.
    fn fp_of(&self, fr: *mut u64) -> usize {
        (fr as usize - self.stack.as_ptr() as usize) / 8
    }

    /// Flushes stdout before a panic message goes to stderr.
    /// A panic leaving a `run` that started with `base` suspended frames:
    /// its running frame (`f` at `pc`, frame at `fr`) and its suspended
    /// ones go to the traceback.
    fn fail(&mut self, p: Panic, f: FuncId, pc: usize, fr: *mut u64, base: usize) -> Panic {
        self.flush();
        if p.traced() {
            let fp = (fr as usize - self.stack.as_ptr() as usize) / 8;
            self.trace_interp(f, pc, fp);
            self.trace_suspended(base);
        }
        p
    }

    /// [`Vm::fail`] when compiled code has put the running frame in the
    /// traceback (it took the frame over by OSR).
    fn fail_above(&mut self, p: Panic, base: usize) -> Panic {
        self.flush();
        if p.traced() {
            self.trace_suspended(base);
        }
        p
    }

    /// Calls a Go function from the runtime with `args`, returning its result words.
    pub(crate) fn call_go(
        &mut self,
        f: FuncId,
        args: &[u64],
        top: usize,
    ) -> Result<Vec<u64>, Panic> {
        // Each runtime → Go call nests on the native stack (fmt calling a
        // String method that formats its neighbour...): stop, as Go's
        // stack limit would, before the thread's stack runs out.
        let here = stack_pointer();
        if self.depth > 1_000_000 || here < self.jc.rsp_limit {
            return Err(self.stack_overflow());
        }
        let fp = top;
        if fp + args.len() + 64 > self.stack.len() {
            return Err(self.stack_overflow());
        }
        self.stack[fp..fp + args.len()].copy_from_slice(args);
        self.depth += 1;
        let saved_ctx = self.jc.ctx;
        let depth = self.frames.len();
        let r = self.run(f, fp);
        self.frames.truncate(depth);
        self.jc.ctx = saved_ctx;
        self.depth -= 1;
        r?;
        let n = self.prog.func(f).result_words as usize;
        Ok(self.stack[fp..fp + n].to_vec())
    }
}

#[inline]
fn f(bits: u64) -> f64 {
    f64::from_bits(bits)
}

#[inline]
fn cmp<T: PartialOrd>(x: T, y: T, c: Cmp) -> bool {
    c.holds(x, y)
}

/// Whether `x c y` holds for 64-bit integers, signed or not, without a
/// branch on `c` (the interpreter's compare-and-jump instructions: a
/// `match` on `c` costs an indirect jump per test).
#[inline(always)]
fn holds(x: u64, y: u64, c: Cmp, signed: bool) -> bool {
    // One compare's outcome: bit 0 signed x < y, bit 1 unsigned x < y,
    // bit 2 x == y.
    let outcome = ((x as i64) < (y as i64)) as u32 | ((x < y) as u32) << 1 | ((x == y) as u32) << 2;
    let m = if signed { HOLDS_SIGNED } else { HOLDS_UNSIGNED };
    (m >> (cmp_index(c) * 8 + outcome)) & 1 != 0
}

/// A condition's byte in the `HOLDS_*` masks.
#[inline(always)]
fn cmp_index(c: Cmp) -> u32 {
    match c {
        Cmp::Eq => 0,
        Cmp::Ne => 1,
        Cmp::Lt => 2,
        Cmp::Le => 3,
        Cmp::Gt => 4,
        Cmp::Ge => 5,
    }
}

/// Per condition (`cmp_index`) a byte: bit `outcome` (see `holds`) set when
/// the condition holds for that outcome.
const HOLDS_SIGNED: u64 = holds_masks(true);
const HOLDS_UNSIGNED: u64 = holds_masks(false);

const fn holds_masks(signed: bool) -> u64 {
    let mut m = 0u64;
    let mut c = 0;
    while c < 6 {
        let mut o = 0;
        while o < 8 {
            let lt = if signed { o & 1 != 0 } else { o & 2 != 0 };
            let eq = o & 4 != 0;
            let h = match c {
                0 => eq,
                1 => !eq,
                2 => lt,
                3 => lt || eq,
                4 => !lt && !eq,
                _ => !lt,
            };
            if h {
                m |= 1 << (c * 8 + o);
            }
            o += 1;
        }
        c += 1;
    }
    m
}

/// float64 → int64 as amd64's CVTTSD2SQ: out of range and NaN give MinInt64.
fn f_to_i64(x: f64) -> i64 {
    if x.is_nan() || x >= 9.223372036854775807e18 || x < -9.223372036854775808e18 {
        i64::MIN
    } else {
        x as i64
    }
}

/// float64 → int32 as amd64's CVTTSD2SL: out of range and NaN give MinInt32.
fn f_to_i32(x: f64) -> i32 {
    if x.is_nan() || x >= 2147483648.0 || x <= -2147483649.0 {
        i32::MIN
    } else {
        x as i32
    }
}

/// float64 → uint64 as Go's amd64 code does it: below 2^63 a signed
/// conversion; otherwise convert `x - 2^63` and set the top bit (NaN, the
/// infinities and values past 2^64 give 2^63).
fn f_to_u64(x: f64) -> u64 {
    if x < 9.223372036854775807e18 {
        f_to_i64(x) as u64
    } else {
        (f_to_i64(x - 9.223372036854775808e18) as u64) | (1 << 63)
    }
}

/// A descriptor from a bytecode immediate.
pub(crate) fn desc(p: u64) -> &'static TypeDesc {
    // SAFETY: immediates naming descriptors come from leaked `TypeDesc`s.
    unsafe { &*(p as *const TypeDesc) }
}

/// The dynamic type of a non-nil interface's type word.
pub(crate) fn dyn_type(tab: u64, empty: bool) -> &'static TypeDesc {
    if empty {
        desc(tab)
    } else {
        // SAFETY: the type word of a non-empty interface is a leaked itab.
        unsafe { &*(*(tab as *const Itab)).typ }
    }
}

/// How Go names an interface type in conversion panics (`interface {}` for `any`).
fn iface_name(d: &TypeDesc) -> String {
    if d.name == "interface {}" {
        "interface {}".into()
    } else {
        d.name.clone()
    }
}

#[allow(dead_code)]
fn zero_sized() -> u64 {
    ZERO_SIZED
}

impl Drop for Vm<'_> {
    fn drop(&mut self) {
        let _ = self.out.flush();
    }
}

/// Writes bytes to stdout through the VM's buffer.
impl Vm<'_> {
    pub(crate) fn write_out(&mut self, b: &[u8]) {
        let _ = self.out.write_all(b);
    }
}

/// A bounds check against a static length: the index as `usize`, or Go's panic.
#[inline]
fn in_bounds(i: u64, len: u32) -> Result<usize, Panic> {
    let i = i as i64;
    if i < 0 || i as u64 >= len as u64 {
        return Err(Panic::index(i, len as u64));
    }
    Ok(i as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_agrees_with_plain_compares() {
        let vals = [
            0u64,
            1,
            2,
            u64::MAX,
            u64::MAX - 1,
            1 << 63,
            (1 << 63) - 1,
            42,
        ];
        let conds = [Cmp::Eq, Cmp::Ne, Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge];
        for &x in &vals {
            for &y in &vals {
                for &c in &conds {
                    assert_eq!(
                        holds(x, y, c, true),
                        cmp(x as i64, y as i64, c),
                        "{x} {c:?} {y} signed"
                    );
                    assert_eq!(
                        holds(x, y, c, false),
                        cmp(x, y, c),
                        "{x} {c:?} {y} unsigned"
                    );
                }
            }
        }
    }
}
