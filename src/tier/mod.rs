//! The tier layer: where the interpreter and the compilers meet, so that
//! neither imports the other. It decides, asking the profiler's policy,
//! when a function goes up a tier; queues compilations for the compiler
//! thread (or runs them on the spot); installs each code version through
//! the function's entry cell and retires the one it replaces; and enters
//! compiled code from the interpreter, at calls and at loop headers (OSR).
//!
//! - [`compiler`]: the contract a compiler implements (`Compiler`, `Output`).
//! - [`entry`]: the interpreter's side of tier-up (`tier_call`, `tier_loop`).
//! - [`runtime`]: the functions compiled code calls.
//! - [`recompile`]: guards that go stale: windows, the policy, recompiling.
//! - [`counters`]: what compiled code counts, and a site's counter layout.
//! - [`keycell`]: the guards' key cells, below 2 GB where the system allows.
//! - [`stubs`]: the `enter`/`unwind` trampolines and the interpreter stub.
//! - this module: entry cells, code versions, the compile queue and
//!   thread, installation, `--perf-map`, `--stats` and listings.
//!
//! Calls between compiled functions go through one entry cell per function
//! (`call [cell]`): a cell holds the function's compiled code, or the
//! interpreter stub until then, so installing code is one atomic store and
//! never patches code that may be running.

pub mod compiler;
pub mod counters;
pub mod devirt;
pub mod entry;
pub mod keycell;
pub mod machine;
pub mod recompile;
pub mod runtime;
pub mod stackwalk;
pub mod stubs;

use crate::bytecode::Program;
use crate::options::JitOptions;
use compiler::{Compiler, Tier};
use counters::Counters;
use parking_lot::{Condvar, Mutex};
use pgojit_jit::{CodeMemory, CompiledCode};
use pgojit_profiler::{EventKind, EventLog, FuncId, Profile};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU32, AtomicU64, AtomicU8, Ordering};
use std::sync::Arc;
use std::time::Instant;
use stubs::Stubs;

/// Marks an entry at a call site (in baseline code) apart from one at a
/// loop header with the same pc.
pub const SITE_ENTRY: u32 = 1 << 31;

/// One function's installed code.
pub struct FuncCode {
    pub entry: u64,
    pub osr: Vec<(u32, u64)>,
    pub code: CompiledCode,
    /// The tier that compiled it.
    pub tier: Tier,
    /// Its call sites and how each was compiled.
    pub sites: Vec<compiler::SiteShape>,
    /// Its guards' key cells (see [`Jit::disable_guards`]).
    keys: Vec<keycell::KeyCell>,
    /// Instructions its helper calls point at.
    _ops: Vec<Box<crate::bytecode::Op>>,
}

const NOT_COMPILED: u8 = 0;
const QUEUED: u8 = 1;
const COMPILED: u8 = 2;
const FAILED: u8 = 3;

/// Everything the tiers share about compiled code.
pub struct Jit<'p> {
    pub prog: &'p Program,
    pub profile: Option<&'p Profile>,
    pub opts: JitOptions,
    pub policy: pgojit_profiler::Options,
    /// Compile at first call (`--tier=jit`).
    pub eager: bool,
    /// Per function: the address compiled calls go through.
    cells: Box<[AtomicU64]>,
    /// Per function: its compiled entry, or 0.
    compiled: Box<[AtomicU64]>,
    state: Box<[AtomicU8]>,
    /// Per function: the most frame words any of its code versions uses
    /// above its bytecode frame (the collector scans them).
    extra: Box<[AtomicU32]>,
    /// Per function: calls and back-edges its baseline code may still run
    /// before it asks to be optimized (decremented by that code; see
    /// [`Jit::hot_again`]).
    budget: Box<[AtomicI64]>,
    /// Per function: the tier its next compilation should use, when above
    /// the installed code's (0: none).
    upgrade: Box<[AtomicU8]>,
    /// Per function: the loop header (pc + 1; 0: none) where a running
    /// activation asked for it to be compiled, the one OSR entry a first
    /// optimizing compilation makes ([`Jit::osr_headers`]).
    osr_want: Box<[AtomicU32]>,
    /// Per function: how many times a running activation came back to
    /// [`Jit::hot_again`] at a loop header where the optimizing tier's
    /// code has no entry (at `OSR_PATIENCE`, it asks for a compilation
    /// with an entry at every header).
    osr_again: Box<[AtomicU32]>,
    /// Per function: every version of its code, the installed one last
    /// (older ones stay mapped: a loop may still be running in them).
    code: Box<[Mutex<Vec<Arc<FuncCode>>>]>,
    /// Per site: windows, recompilations, settled sites.
    pub(crate) sites: recompile::Sites,
    /// One compiler per tier, the lowest first (only the baseline one so
    /// far). A function's first code comes from the lowest; a
    /// recompilation stays in the tier of the code it replaces.
    compilers: Vec<&'p dyn Compiler>,
    pub stubs: Stubs,
    pub counters: Counters,
    mem: CodeMemory,
    queue: Mutex<VecDeque<FuncId>>,
    wake: Condvar,
    shutdown: AtomicBool,
    pub stats: Mutex<Stats>,
    /// Calls seen by the stress modes' runtime hook.
    stress_calls: AtomicU64,
    perf_map: Mutex<Option<std::fs::File>>,
    /// The tier events with their times, for the HTML report's timeline
    /// (`JitOptions::timeline`).
    pub events: Option<EventLog>,
}

/// Compiler statistics for `--stats`.
#[derive(Default, Debug, Clone)]
pub struct Stats {
    pub compiled: u64,
    pub failed: u64,
    pub code_bytes: u64,
    pub compile_ns: u64,
    /// Per tier that compiled something: (tier, functions compiled, ns).
    pub per_tier: Vec<(Tier, u64, u64)>,
    pub osr_entries: u64,
    /// Each recompilation: the function and why.
    pub recompiles: Vec<String>,
    /// The code budget ran out: later functions stay interpreted.
    pub budget_exhausted: bool,
}

// SAFETY: the program is immutable once loaded (its raw descriptor and itab
// pointers refer to leaked, never-mutated data), the profile is atomics, and
// every other field is atomic or behind a lock.
unsafe impl Sync for Jit<'_> {}
unsafe impl Send for Jit<'_> {}

impl<'p> Jit<'p> {
    pub fn new(
        prog: &'p Program,
        profile: Option<&'p Profile>,
        opts: JitOptions,
        policy: pgojit_profiler::Options,
        eager: bool,
        compilers: Vec<&'p dyn Compiler>,
    ) -> Jit<'p> {
        assert!(
            !compilers.is_empty() && compilers.windows(2).all(|w| w[0].tier() < w[1].tier()),
            "one compiler per tier, lowest first"
        );
        let n = prog.funcs.len();
        // One page more than asked for: the shared stubs live there.
        let mem = CodeMemory::new(opts.code_limit.saturating_add(pgojit_jit::code::PAGE_SIZE));
        let stubs = stubs::build(&mem);
        let perf_map = opts.perf_map.then(|| {
            let path = format!("/tmp/perf-{}.map", std::process::id());
            std::fs::File::create(path).ok()
        });
        let jit = Jit {
            prog,
            profile,
            policy,
            eager,
            cells: (0..n).map(|_| AtomicU64::new(stubs.interp)).collect(),
            compiled: (0..n).map(|_| AtomicU64::new(0)).collect(),
            state: (0..n).map(|_| AtomicU8::new(NOT_COMPILED)).collect(),
            extra: (0..n).map(|_| AtomicU32::new(0)).collect(),
            budget: (0..n)
                .map(|_| {
                    AtomicI64::new(
                        opts.opt_after
                            .map_or(i64::MAX, |b| b.min(i64::MAX as u64) as i64),
                    )
                })
                .collect(),
            upgrade: (0..n).map(|_| AtomicU8::new(0)).collect(),
            osr_want: (0..n).map(|_| AtomicU32::new(0)).collect(),
            osr_again: (0..n).map(|_| AtomicU32::new(0)).collect(),
            code: (0..n).map(|_| Mutex::new(Vec::new())).collect(),
            sites: recompile::Sites::new(prog.sites.len(), n),
            compilers,
            stubs,
            counters: Counters::new(
                n,
                prog.sites.len(),
                &prog.edges.iter().map(|e| e.callee).collect::<Vec<_>>(),
            ),
            mem,
            queue: Mutex::new(VecDeque::new()),
            wake: Condvar::new(),
            shutdown: AtomicBool::new(false),
            stats: Mutex::new(Stats::default()),
            stress_calls: AtomicU64::new(0),
            perf_map: Mutex::new(perf_map.flatten()),
            events: opts
                .timeline
                .then(|| EventLog::new(Instant::now(), pgojit_profiler::timeline::DEFAULT_CAP)),
            opts,
        };
        if let Some(f) = jit.perf_map.lock().as_mut() {
            use std::io::Write;
            let s = &jit.stubs;
            let _ = writeln!(f, "{:x} {:x} pgojit::enter", s.enter, 64);
        }
        jit
    }

    /// Records a tier event of `f` for the report's timeline, when one is
    /// kept (`detail` is built only then).
    #[inline]
    pub(crate) fn event(&self, kind: EventKind, f: FuncId, detail: impl FnOnce() -> String) {
        if let Some(log) = &self.events {
            log.record(kind, &self.prog.func(f).name, detail);
        }
    }

    /// Address of `f`'s entry cell.
    pub fn cell_addr(&self, f: FuncId) -> u64 {
        self.cells[f.index()].as_ptr() as u64
    }

    /// `f`'s compiled entry, or 0.
    #[inline(always)]
    pub fn compiled(&self, f: FuncId) -> u64 {
        self.compiled[f.index()].load(Ordering::Acquire)
    }

    /// The OSR entry of `f` at loop header `pc`, or at a call site (`pc` with
    /// [`SITE_ENTRY`]: code that missed there in an older version goes on
    /// past the site's counting and guards).
    pub fn osr_entry(&self, f: FuncId, pc: u32) -> Option<u64> {
        let c = self.installed(f)?;
        c.osr.iter().find(|&&(t, _)| t == pc).map(|&(_, a)| a)
    }

    /// The cell baseline code of `f` counts its calls and back-edges down
    /// in, when a higher tier may take the function over (`None`: the
    /// code counts nothing).
    pub fn budget_addr(&self, f: FuncId) -> Option<u64> {
        (self.opts.opt_after.is_some() && self.compilers.len() > 1)
            .then(|| self.budget[f.index()].as_ptr() as u64)
    }

    /// The decision place for code that is hot again: `f`'s baseline code
    /// ran out of its budget (at its entry, `pc` 0, or at the back-edge to
    /// loop header `pc`). The first time, the function is compiled by the
    /// next tier (on the spot or on the compiler thread); after that the
    /// code comes back every `HOT_AGAIN_EVERY` steps to see whether the
    /// new code is there, and at a back-edge gets its OSR entry to
    /// continue in. Returns that entry, or 0 to go on where it is.
    pub fn hot_again(&self, f: FuncId, pc: u32) -> u64 {
        const HOT_AGAIN_EVERY: i64 = 1024;
        let installed = self.installed(f).map(|c| c.tier);
        let top = self.compilers[self.compilers.len() - 1].tier();
        self.budget[f.index()].store(HOT_AGAIN_EVERY, Ordering::Relaxed);
        // (A loop that asks while the new code is queued may still get
        // its entry.)
        if pc != 0 && installed.is_none_or(|t| t < top) {
            self.want_osr(f, pc);
        }
        if installed.is_none_or(|t| t < top) && self.upgrade[f.index()].load(Ordering::Acquire) == 0
        {
            self.upgrade[f.index()].store(top as u8 + 1, Ordering::Release);
            let after = self.opts.opt_after.unwrap_or(0);
            let why = format!(
                "{after} calls and loop back-edges in {} code (--opt-after={after})",
                installed.map_or("no", |t| t.name())
            );
            if self.state[f.index()]
                .compare_exchange(COMPILED, QUEUED, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                self.event(EventKind::TierUp, f, || {
                    format!("to {} code: {why}", top.name())
                });
                if self.opts.trace {
                    eprintln!(
                        "{}: tier-up {} to {}: {why}{}",
                        self.prog.file_name,
                        self.prog.func(f).name,
                        top.name(),
                        self.queued()
                    );
                }
                self.compile_or_queue(f);
            }
        }
        if self.installed(f).is_none_or(|c| c.tier < top) || pc == 0 {
            // (Calls go to the new code through the entry cell. The budget
            // stays short: only activations still running this code count
            // it down, and a loop among them must come back for its
            // entry.)
            return 0;
        }
        let at = self.osr_entry(f, pc).unwrap_or(0);
        if at != 0 {
            self.event(EventKind::Osr, f, || {
                format!(
                    "from {} code into {} code at the loop header (pc {pc})",
                    self.compilers[0].tier().name(),
                    top.name()
                )
            });
            if self.opts.trace {
                eprintln!(
                    "{}: {} leaves its {} code for {} code at the loop header (pc {pc})",
                    self.prog.file_name,
                    self.prog.func(f).name,
                    self.compilers[0].tier().name(),
                    top.name()
                );
            }
            return at;
        }
        // No entry here: a first optimizing compilation makes one only at
        // the header whose back-edge asked for it (none for a function hot
        // by its calls), and this activation runs another of its loops (an
        // inner one, or an outer loop calling the function itself). Left
        // there, a `main` whose loops run the whole program would never
        // leave baseline code. As HotSpot compiles an OSR version for each
        // loop that asks, a loop that keeps coming back (OSR_PATIENCE
        // times: most in-flight loops end first) asks once for a
        // compilation with an entry at every header (a recompilation makes
        // those), and keeps coming back until it finds its entry.
        const OSR_PATIENCE: u32 = 8;
        let asked = self.osr_again[f.index()].fetch_add(1, Ordering::AcqRel) + 1;
        if asked == OSR_PATIENCE {
            self.want_osr(f, pc);
            if self.state[f.index()]
                .compare_exchange(COMPILED, QUEUED, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                self.event(EventKind::TierUp, f, || {
                    format!(
                        "to {} code again, with an entry at every loop header: still in {} code at pc {pc}",
                        top.name(),
                        self.compilers[0].tier().name()
                    )
                });
                if self.opts.trace {
                    eprintln!(
                        "{}: {} still runs its {} code at the loop header (pc {pc}), where its {} code has no entry: compiling it again with an entry at every header{}",
                        self.prog.file_name,
                        self.prog.func(f).name,
                        self.compilers[0].tier().name(),
                        top.name(),
                        self.queued()
                    );
                }
                if self.compile_or_queue(f) {
                    return self.hot_again(f, pc);
                }
            }
        } else if asked > OSR_PATIENCE && !self.compile_pending(f) {
            // Every header asked for, and none here (a header the
            // optimizing tier cannot enter): stay.
            self.budget[f.index()].store(i64::MAX, Ordering::Relaxed);
        }
        0
    }

    /// A running activation of `f` at loop header `pc` asks for `f` to be
    /// compiled: the new code needs an OSR entry there.
    pub(crate) fn want_osr(&self, f: FuncId, pc: u32) {
        self.osr_want[f.index()].store(pc + 1, Ordering::Release);
    }

    /// The loop headers an optimizing compilation of `f` makes OSR entries
    /// for, of `all` its headers. A first one only where a running
    /// activation asked for the code (the back-edge that made it hot; a
    /// function hot by its calls gets none: its activations start in the
    /// new code), as HotSpot and V8 compile OSR code for the loop that
    /// asks: each entry is a compilation of the whole function from that
    /// header, and most were never entered (half the optimizing compile
    /// time of raytrace's `Trace`, four fifths of `main`'s). A
    /// recompilation replaces code that activations may be running in at
    /// any header: every header. (An activation already running baseline
    /// code at another header stays there until its loop ends.)
    pub fn osr_headers(&self, f: FuncId, all: Vec<u32>) -> Vec<u32> {
        let want = self.osr_want[f.index()].swap(0, Ordering::AcqRel);
        if self.installed(f).is_some_and(|c| c.tier == Tier::Opt) {
            return all;
        }
        all.into_iter().filter(|&t| t + 1 == want).collect()
    }

    /// Frame words above `f`'s bytecode frame that its compiled code may
    /// keep live values in (0 for baseline code).
    pub fn frame_extra(&self, f: FuncId) -> u32 {
        self.extra[f.index()].load(Ordering::Acquire)
    }

    /// Whether `f` has no code yet and none is coming (not queued, not
    /// being compiled, not refused).
    pub fn wants(&self, f: FuncId) -> bool {
        self.state[f.index()].load(Ordering::Acquire) == NOT_COMPILED
    }

    /// Whether `f` waits for the compiler (queued or being compiled).
    pub fn compile_pending(&self, f: FuncId) -> bool {
        self.state[f.index()].load(Ordering::Acquire) == QUEUED
    }

    /// The installed version of `f`'s code.
    pub fn installed(&self, f: FuncId) -> Option<Arc<FuncCode>> {
        self.code[f.index()].lock().last().cloned()
    }

    /// Retires a replaced code version: its guards can no longer match (no
    /// itab or zero-extended function id is all ones), and its sites' next
    /// miss goes to the runtime,
    /// which sends the running code over to the new version at that site.
    /// So a loop still running the old code leaves it at its next guarded
    /// call, with no check on its hot path.
    ///
    /// In two steps: [`Jit::disable_guards`] before the new code's sites
    /// take over the old code's counts, and [`Jit::send_misses`] once the
    /// new code is published.
    fn disable_guards(&self, old: &FuncCode) {
        for k in &old.keys {
            k.store(u64::MAX, Ordering::Release);
        }
    }

    /// The second step of retiring `old` (see [`Jit::disable_guards`]).
    fn send_misses(&self, old: &FuncCode) {
        for sh in &old.sites {
            self.force_miss_check(sh.site as usize);
        }
    }

    /// Compiles `f` again (the policy found a site's guards stale); the
    /// new code replaces the old through the entry cell.
    pub fn recompile(&self, f: FuncId, why: String) {
        // With the code memory spent, the code there is stays (it is
        // right, only slower), as a JIT whose code cache is full stops
        // compiling.
        if self.stats.lock().budget_exhausted {
            return;
        }
        if self.state[f.index()]
            .compare_exchange(COMPILED, QUEUED, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return;
        }
        self.event(EventKind::Recompile, f, || why.clone());
        if self.opts.trace {
            eprintln!("{why}: recompiling {}", self.prog.func(f).name);
        }
        self.stats
            .lock()
            .recompiles
            .push(format!("{}: {why}", self.prog.func(f).name));
        self.compile_or_queue(f);
    }

    /// Compiles `f` now (`--jit-sync`, `--tier=jit`: returns true, the
    /// code installed) or queues it for the compiler thread.
    fn compile_or_queue(&self, f: FuncId) -> bool {
        if self.opts.sync || self.eager {
            self.compile_and_install(f);
            return true;
        }
        self.queue.lock().push_back(f);
        self.wake.notify_one();
        false
    }

    /// What a `--trace-tier` line about a compilation adds when it goes to
    /// the compiler thread.
    fn queued(&self) -> &'static str {
        if self.opts.sync || self.eager {
            ""
        } else {
            ", queued for the compiler thread"
        }
    }

    /// Asks for `f` to be compiled: now (`--jit-sync`, `--tier=jit`) or on
    /// the compiler thread. Returns once it is compiled, queued or refused.
    pub fn request(&self, f: FuncId, why: &str) {
        if self.state[f.index()]
            .compare_exchange(NOT_COMPILED, QUEUED, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return;
        }
        self.event(EventKind::TierUp, f, || why.to_string());
        if self.opts.trace {
            let func = self.prog.func(f);
            let pos = func.pos.first().copied().unwrap_or_default();
            // Synthesized functions (the package initializer, wrappers) have no position.
            let at = if pos.line == 0 {
                self.prog.file_name.clone()
            } else {
                self.prog.at(pos).to_string()
            };
            eprintln!("{at}: tier-up {}: {why}{}", func.name, self.queued());
        }
        self.compile_or_queue(f);
    }

    /// The compiler thread: compiles queued functions until [`Jit::stop`].
    pub fn worker(&self) {
        recompile::ON_COMPILER_THREAD.with(|c| c.set(true));
        loop {
            let f = {
                let mut q = self.queue.lock();
                loop {
                    if self.shutdown.load(Ordering::Acquire) {
                        return;
                    }
                    if let Some(f) = q.pop_front() {
                        break f;
                    }
                    self.wake.wait(&mut q);
                }
            };
            self.compile_and_install(f);
        }
    }

    /// Ends the compiler thread (after the function it is compiling).
    pub fn stop(&self) {
        self.shutdown.store(true, Ordering::Release);
        let _q = self.queue.lock();
        self.wake.notify_all();
    }

    /// The compiler of `tier` (the lowest tier's when there is none).
    fn compiler(&self, tier: Tier) -> &'p dyn Compiler {
        let c = self.compilers.iter().find(|c| c.tier() == tier);
        *c.unwrap_or(&self.compilers[0])
    }

    /// Compiles `f` with the compiler of the tier its installed code came
    /// from (the lowest tier's for a first compilation) and installs it.
    fn compile_and_install(&self, f: FuncId) {
        let t0 = Instant::now();
        let first = if self.opts.opt_first {
            self.compilers[self.compilers.len() - 1].tier()
        } else {
            self.compilers[0].tier()
        };
        let installed = self.installed(f).map(|c| c.tier);
        let tier = installed.map_or(first, |c| c);
        // A function hot again in lower-tier code moves up.
        let up = self.upgrade[f.index()].load(Ordering::Acquire);
        let tier = self
            .compilers
            .iter()
            .map(|c| c.tier())
            .find(|t| up != 0 && *t as u8 + 1 == up && *t > tier)
            .unwrap_or(tier);
        let mut compiler = self.compiler(tier);
        let out = match compiler.compile(self, f) {
            Ok(out) => out,
            Err(why) if installed.is_some_and(|t| t < tier) => {
                // An upgrade declined: keep the code there is.
                if self.opts.trace {
                    eprintln!(
                        "pgojit: {} tier declined {}: {why}; keeping its {} code",
                        tier.name(),
                        self.prog.func(f).name,
                        installed.map_or("", |t| t.name())
                    );
                }
                self.budget[f.index()].store(i64::MAX, Ordering::Relaxed);
                self.state[f.index()].store(COMPILED, Ordering::Release);
                return;
            }
            Err(why) => {
                if self.opts.trace {
                    eprintln!(
                        "pgojit: {} tier declined {}: {why}; {} code instead",
                        tier.name(),
                        self.prog.func(f).name,
                        self.compilers[0].tier().name()
                    );
                }
                compiler = self.compilers[0];
                compiler
                    .compile(self, f)
                    .expect("the lowest tier compiles every function")
            }
        };
        let tier = compiler.tier();
        if tier != Tier::Opt {
            // (The loop that asked for this code enters it: baseline code
            // has an OSR entry at every header. A later optimizing
            // compilation learns its own loop from `hot_again`.)
            self.osr_want[f.index()].store(0, Ordering::Release);
        }
        let mapped = self.mem.alloc(&out.asm);
        let ns = t0.elapsed().as_nanos() as u64;
        let code = match mapped {
            Ok(c) => c,
            Err(e) => {
                let mut st = self.stats.lock();
                st.failed += 1;
                st.budget_exhausted = true;
                drop(st);
                // A recompilation that finds no room keeps the old code.
                let keep = if self.code[f.index()].lock().is_empty() {
                    FAILED
                } else {
                    COMPILED
                };
                self.state[f.index()].store(keep, Ordering::Release);
                if self.opts.trace {
                    eprintln!("pgojit: not compiling {}: {e}", self.prog.func(f).name);
                }
                return;
            }
        };
        let entry = code.entry(out.entry).expect("entry label") as u64;
        let osr = out
            .osr
            .iter()
            .map(|&(pc, l)| (pc, code.entry(l).expect("OSR label") as u64))
            .collect();
        if self.opts.trace {
            for line in &out.trace {
                eprintln!("{line}");
            }
        }
        let len = code.len() as u64;
        let start = code.start() as u64;
        if let Some(file) = self.perf_map.lock().as_mut() {
            use std::io::Write;
            let _ = writeln!(file, "{start:x} {len:x} go::{}", self.prog.func(f).name);
            let _ = file.flush();
        }
        // The old code's guards stop matching before its sites' hits so
        // far are credited to its guarded targets (`reset_windows`): a hit
        // it made after the credit would be credited to the new code's
        // targets, or to none where the new code has no guards. (Calls
        // that reach the old code until the new code is published miss,
        // and are counted as misses, by receiver.)
        let old = self.installed(f);
        if let Some(old) = &old {
            self.disable_guards(old);
        }
        self.reset_windows(f, &out.sites);
        {
            let mut versions = self.code[f.index()].lock();
            versions.push(Arc::new(FuncCode {
                entry,
                osr,
                code,
                tier: compiler.tier(),
                sites: out.sites,
                keys: out.keys,
                _ops: out.ops,
            }));
        }
        {
            let mut st = self.stats.lock();
            st.compiled += 1;
            st.code_bytes += len;
            st.compile_ns += ns;
            match st.per_tier.iter_mut().find(|t| t.0 == tier) {
                Some(t) => {
                    t.1 += 1;
                    t.2 += ns;
                }
                None => st.per_tier.push((tier, 1, ns)),
            }
        }
        // The collector learns of the code's frame words before any frame
        // can use them.
        self.extra[f.index()].fetch_max(out.extra, Ordering::AcqRel);
        // Publish: the code (mapped and made executable above) before the
        // addresses that lead to it.
        self.compiled[f.index()].store(entry, Ordering::Release);
        self.cells[f.index()].store(entry, Ordering::Release);
        self.state[f.index()].store(COMPILED, Ordering::Release);
        // (After publishing: a miss in the meantime found the compilation
        // pending and put the runtime's next call off.)
        if let Some(old) = &old {
            self.send_misses(old);
        }
        self.event(EventKind::Compiled, f, || {
            format!(
                "{} tier, {} bytes in {:.3} ms",
                tier.name(),
                len,
                ns as f64 / 1e6
            )
        });
        if self.opts.trace {
            eprintln!(
                "pgojit: compiled {} ({} tier, {} bytes in {:.3} ms)",
                self.prog.func(f).name,
                tier.name(),
                len,
                ns as f64 / 1e6
            );
        }
    }

    /// Compiles `f` now unless it has code or was refused (for listings,
    /// after the run; returns whether it was compiled during the run).
    pub fn ensure_compiled(&self, f: FuncId) -> bool {
        if self.installed(f).is_some() {
            return true;
        }
        if self.state[f.index()]
            .compare_exchange(NOT_COMPILED, QUEUED, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
        {
            self.compile_and_install(f);
        }
        false
    }

    /// Machine code listing of `f` with its bytecode and guard comments;
    /// `stable` prints offsets instead of addresses and hides 64-bit
    /// immediates (itabs, cells, helpers), which change from run to run.
    pub fn listing(&self, f: FuncId, stable: bool) -> Option<String> {
        let c = self.installed(f)?;
        if !stable {
            return Some(c.code.listing());
        }
        let text = pgojit_jit::disassemble(c.code.bytes(), 0, c.code.comments(), c.code.data());
        let len = c.code.bytes().len() as u64;
        let counters = self.counters.range();
        Some(
            text.lines()
                .map(|l| hide_absolute_operands(&hide_addresses(l, counters), len))
                .collect::<Vec<_>>()
                .join("\n")
                + "\n",
        )
    }
}

/// Replaces absolute memory operands (`[401DA010h]`: a key cell below
/// 2 GB) with `[<addr>]`: with the code at 0, a bracketed number is a
/// RIP-relative operand's target inside the code (`[2A6h]`, a constant)
/// unless it lies past the code's end.
fn hide_absolute_operands(line: &str, code_len: u64) -> String {
    if line.starts_with(';') {
        return line.to_string();
    }
    let mut out = String::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 1..close];
        let abs = inner
            .strip_suffix('h')
            .and_then(|h| u64::from_str_radix(h, 16).ok())
            .is_some_and(|v| v >= code_len);
        out.push_str(&rest[..=open]);
        out.push_str(if abs { "<addr>" } else { inner });
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// Replaces hexadecimal immediates of 9 or more digits (addresses), and
/// shorter ones inside `counters` (the counter words, mapped below
/// 2 GB), in a listing line with `<addr>`, leaving comments alone.
fn hide_addresses(line: &str, counters: (u64, u64)) -> String {
    if line.starts_with(';') {
        return line.to_string();
    }
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let hex = word
            .strip_suffix('h')
            .filter(|h| h.chars().all(|c| c.is_ascii_hexdigit()))
            // Long immediates are addresses, except sign-extended negatives.
            .filter(|h| {
                let counter =
                    u64::from_str_radix(h, 16).is_ok_and(|v| (counters.0..counters.1).contains(&v));
                counter || (h.len() >= 9 && !h.trim_start_matches('0').starts_with("FFFFFFFF"))
            });
        out.push_str(if hex.is_some() { "<addr>" } else { word });
        word.clear();
    };
    for ch in line.chars() {
        if ch.is_ascii_alphanumeric() {
            word.push(ch);
        } else {
            flush(&mut word, &mut out);
            out.push(ch);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn hides_only_long_hex_immediates() {
        assert_eq!(
            super::hide_addresses("  0010  mov r11, 7F12345678ABh", (0, 0)),
            "  0010  mov r11, <addr>"
        );
        assert_eq!(
            super::hide_addresses("  0010  add rax, 10h", (0, 0)),
            "  0010  add rax, 10h"
        );
        assert_eq!(
            super::hide_addresses("; guard 7F12345678ABh", (0, 0)),
            "; guard 7F12345678ABh"
        );
        // A counter below 2 GB: short, but inside the counters' range.
        assert_eq!(
            super::hide_addresses("  0000  mov r11d, 40DB4080h", (0x40DB_4000, 0x40DB_5000)),
            "  0000  mov r11d, <addr>"
        );
    }

    #[test]
    fn hides_absolute_operands_past_the_code() {
        assert_eq!(
            super::hide_absolute_operands("  001c  cmp [401DA010h], rax", 0x300),
            "  001c  cmp [<addr>], rax"
        );
        assert_eq!(
            super::hide_absolute_operands("  0040  mulsd xmm1, [2A8h]", 0x300),
            "  0040  mulsd xmm1, [2A8h]"
        );
        assert_eq!(
            super::hide_absolute_operands("  0040  mov rax, [r12+30h]", 0x10),
            "  0040  mov rax, [r12+30h]"
        );
    }
}
