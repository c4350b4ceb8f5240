//! The baseline JIT tier: compiles hot functions to x86-64 on the
//! interpreter's frame layout, with profile-guided guarded devirtualization
//! of interface calls, and the tiering machinery around it.
//!
//! - [`emit`]: bytecode → machine code, one instruction at a time.
//! - [`devirt`]: what the profile and policy make of each call site.
//! - [`ctx`]: the context compiled code addresses and the runtime helpers.
//! - this module: entry cells, the trampolines, code installation, the
//!   background compiler thread, counters, `--perf-map` and `--stats`.
//!
//! Calls between compiled functions go through one entry cell per function
//! (`call [cell]`): a cell holds the function's compiled code, or the
//! interpreter stub until then, so installing code is one atomic store and
//! never patches code that may be running.

pub mod ctx;
pub mod devirt;
pub mod emit;
pub mod recompile;

use crate::bytecode::Program;
use crate::options::JitOptions;
use ctx::UNWIND_RSP;
use parking_lot::{Condvar, Mutex};
use pgojit_jit::abi::{ARGS, FRAME, TMP0, VM};
use pgojit_jit::{CodeMemory, CompiledCode, MacroAssembler, Mem, Reg};
use pgojit_profiler::{FuncId, Profile};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// Counters compiled code bumps (plain memory increments; read at exit).
pub struct Counters {
    /// Per function: entries into compiled code, loop trips in compiled code.
    calls: Box<[AtomicU64]>,
    loops: Box<[AtomicU64]>,
    /// Per site, words at [`recompile::HIT0`]...: hits of guard 0 and 1
    /// (`--count-guards`), misses, calls at sites compiled without guards,
    /// calls at guarded sites, the last missed key and its run, and the
    /// miss count at which the miss path next calls the policy.
    pub(crate) sites: Box<[[AtomicU64; recompile::SITE_WORDS]]>,
}

impl Counters {
    fn new(funcs: usize, sites: usize) -> Counters {
        let z = |n: usize| (0..n).map(|_| AtomicU64::new(0)).collect();
        Counters {
            calls: z(funcs),
            loops: z(funcs),
            sites: (0..sites).map(|_| Default::default()).collect(),
        }
    }
    pub fn calls_addr(&self, f: FuncId) -> u64 {
        self.calls[f.index()].as_ptr() as u64
    }
    pub fn loops_addr(&self, f: FuncId) -> u64 {
        self.loops[f.index()].as_ptr() as u64
    }
    pub fn hit_addr(&self, site: usize, guard: usize) -> u64 {
        self.word_addr(site, recompile::HIT0 + guard.min(1))
    }
    pub fn miss_addr(&self, site: usize) -> u64 {
        self.word_addr(site, recompile::MISSES)
    }
    pub fn indirect_addr(&self, site: usize) -> u64 {
        self.word_addr(site, recompile::INDIRECT)
    }
    /// Address of word `w` of `site`'s counters.
    pub fn word_addr(&self, site: usize, w: usize) -> u64 {
        self.sites[site][w].as_ptr() as u64
    }
    /// (compiled entries, compiled loop trips) of `f`.
    pub fn func(&self, f: FuncId) -> (u64, u64) {
        (
            self.calls[f.index()].load(Ordering::Relaxed),
            self.loops[f.index()].load(Ordering::Relaxed),
        )
    }
    /// (guard hits [2], misses, unguarded calls) at `site`.
    pub fn site(&self, site: usize) -> ([u64; 2], u64, u64) {
        let s = &self.sites[site];
        let l = |i: usize| s[i].load(Ordering::Relaxed);
        (
            [l(recompile::HIT0), l(recompile::HIT0 + 1)],
            l(recompile::MISSES),
            l(recompile::INDIRECT),
        )
    }
}

/// Addresses of the shared stubs.
pub struct Stubs {
    /// `extern "sysv64" fn(jc, frame, code) -> u64`: enters compiled code.
    pub enter: u64,
    /// Where compiled code jumps on a pending panic.
    pub unwind: u64,
    /// Entry cell value of a function without compiled code.
    pub interp: u64,
    _code: CompiledCode,
}

/// One function's installed code.
pub struct FuncCode {
    pub entry: u64,
    pub osr: Vec<(u32, u64)>,
    pub code: CompiledCode,
    /// Its call sites and how each was compiled.
    pub sites: Vec<emit::SiteShape>,
    /// Its guards' key cells (see [`Jit::retire`]).
    keys: Vec<Box<AtomicU64>>,
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
    /// Per function: every version of its code, the installed one last
    /// (older ones stay mapped: a loop may still be running in them).
    code: Box<[Mutex<Vec<Arc<FuncCode>>>]>,
    /// Per site: windows, recompilations, settled sites.
    pub(crate) sites: recompile::Sites,
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
}

/// Compiler statistics for `--stats`.
#[derive(Default, Debug, Clone)]
pub struct Stats {
    pub compiled: u64,
    pub failed: u64,
    pub code_bytes: u64,
    pub compile_ns: u64,
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
    ) -> Jit<'p> {
        let n = prog.funcs.len();
        // One page more than asked for: the shared stubs live there.
        let mem = CodeMemory::new(opts.code_limit.saturating_add(pgojit_jit::code::PAGE_SIZE));
        let stubs = build_stubs(&mem);
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
            code: (0..n).map(|_| Mutex::new(Vec::new())).collect(),
            sites: recompile::Sites::new(prog.sites.len(), n),
            stubs,
            counters: Counters::new(n, prog.sites.len()),
            mem,
            queue: Mutex::new(VecDeque::new()),
            wake: Condvar::new(),
            shutdown: AtomicBool::new(false),
            stats: Mutex::new(Stats::default()),
            stress_calls: AtomicU64::new(0),
            perf_map: Mutex::new(perf_map.flatten()),
            opts,
        };
        if let Some(f) = jit.perf_map.lock().as_mut() {
            use std::io::Write;
            let s = &jit.stubs;
            let _ = writeln!(f, "{:x} {:x} pgojit::enter", s.enter, 64);
        }
        jit
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

    /// The OSR entry of `f` at loop header `pc`, if it is compiled.
    pub fn osr_entry(&self, f: FuncId, pc: u32) -> Option<u64> {
        let c = self.installed(f)?;
        c.osr.iter().find(|&&(t, _)| t == pc).map(|&(_, a)| a)
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
    fn retire(&self, old: &FuncCode) {
        for k in &old.keys {
            k.store(u64::MAX, Ordering::Release);
        }
        for sh in &old.sites {
            self.counters.sites[sh.site as usize][recompile::MISS_KEY].store(0, Ordering::Release);
        }
    }

    /// Compiles `f` again (the policy found a site's guards stale); the
    /// new code replaces the old through the entry cell.
    pub fn recompile(&self, f: FuncId, why: String) {
        if self.state[f.index()]
            .compare_exchange(COMPILED, QUEUED, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return;
        }
        if self.opts.trace {
            eprintln!("{why}: recompiling {}", self.prog.func(f).name);
        }
        self.stats
            .lock()
            .recompiles
            .push(format!("{}: {why}", self.prog.func(f).name));
        if self.opts.sync || self.eager {
            self.compile_and_install(f);
        } else {
            self.queue.lock().push_back(f);
            self.wake.notify_one();
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
        if self.opts.trace {
            let func = self.prog.func(f);
            let pos = func.pos.first().copied().unwrap_or_default();
            // Synthesized functions (the package initializer, wrappers) have no position.
            let at = if pos.line == 0 {
                self.prog.file_name.clone()
            } else {
                format!("{}:{}:{}", self.prog.file_name, pos.line, pos.col)
            };
            eprintln!(
                "{at}: tier-up {}: {why}{}",
                func.name,
                if self.opts.sync || self.eager {
                    ""
                } else {
                    ", queued for the compiler thread"
                }
            );
        }
        if self.opts.sync || self.eager {
            self.compile_and_install(f);
        } else {
            self.queue.lock().push_back(f);
            self.wake.notify_one();
        }
    }

    /// The compiler thread: compiles queued functions until [`Jit::stop`].
    pub fn worker(&self) {
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

    fn compile_and_install(&self, f: FuncId) {
        let t0 = Instant::now();
        let out = emit::compile(self, self.prog, f);
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
        self.reset_windows(&out.sites);
        {
            let mut versions = self.code[f.index()].lock();
            if let Some(old) = versions.last() {
                self.retire(old);
            }
            versions.push(Arc::new(FuncCode {
                entry,
                osr,
                code,
                sites: out.sites,
                keys: out.keys,
            }));
        }
        {
            let mut st = self.stats.lock();
            st.compiled += 1;
            st.code_bytes += len;
            st.compile_ns += ns;
        }
        // Publish: the code (mapped and made executable above) before the
        // addresses that lead to it.
        self.compiled[f.index()].store(entry, Ordering::Release);
        self.cells[f.index()].store(entry, Ordering::Release);
        self.state[f.index()].store(COMPILED, Ordering::Release);
        if self.opts.trace {
            eprintln!(
                "pgojit: compiled {} ({} bytes in {:.3} ms)",
                self.prog.func(f).name,
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
        let text = pgojit_jit::disassemble(c.code.bytes(), 0, c.code.comments());
        Some(
            text.lines()
                .map(hide_addresses)
                .collect::<Vec<_>>()
                .join("\n")
                + "\n",
        )
    }
}

/// Builds the shared trampolines.
///
/// `enter(jc, frame, code)`: saves the callee-saved registers and the
/// previous unwind point, records the native stack pointer as the new
/// unwind point, calls `code` with `FRAME` = `frame` and `VM` = `jc`, and
/// returns 0; `unwind` (reached by a jump from compiled code when a helper
/// reports a panic) restores that stack pointer and returns 1 from the
/// same `enter`. `interp`: the entry cell of a function not compiled yet.
fn build_stubs(mem: &CodeMemory) -> Stubs {
    let mut m = MacroAssembler::new();
    let (enter, exit, unwind, interp) =
        (m.new_label(), m.new_label(), m.new_label(), m.new_label());
    let saved: [Reg; 6] = pgojit_jit::abi::ENTRY_SAVED;
    m.comment("enter(jc, frame, code)");
    m.bind(enter);
    for r in saved {
        m.push_reg(r);
    }
    m.push_mem(Mem::at(ARGS[0], UNWIND_RSP));
    m.mov(VM, ARGS[0]);
    m.mov(FRAME, ARGS[1]);
    m.store_rsp(Mem::at(VM, UNWIND_RSP));
    m.call_reg(ARGS[2]);
    m.mov_imm(TMP0, 0);
    m.bind(exit);
    m.pop_mem(Mem::at(VM, UNWIND_RSP));
    for r in saved.into_iter().rev() {
        m.pop_reg(r);
    }
    m.ret();
    m.comment("unwind");
    m.bind(unwind);
    m.load_rsp(Mem::at(VM, UNWIND_RSP));
    m.mov_imm(TMP0, 1);
    m.jmp(exit);
    m.comment("interpreter stub: eax = function id");
    m.bind(interp);
    m.sub_rsp(8);
    m.mov(ARGS[0], VM);
    m.mov(ARGS[1], FRAME);
    m.mov(ARGS[2], TMP0);
    m.call_abs(ctx::interp_call as *const () as usize);
    m.add_rsp(8);
    m.test(TMP0, TMP0);
    m.jne(unwind);
    m.ret();
    let asm = m.finish().expect("stubs assemble");
    let code = mem.alloc(&asm).expect("code memory for the stubs");
    let at = |l| code.entry(l).expect("stub label") as u64;
    Stubs {
        enter: at(enter),
        unwind: at(unwind),
        interp: at(interp),
        _code: code,
    }
}

/// Calls compiled code at `code` with the frame at `frame`.
///
/// # Safety
/// `code` must be an entry or OSR address of installed code, `jc` the
/// context of the running VM (with `vm` pointing at it) and `frame` a frame
/// of that VM's stack laid out for the code's function.
pub unsafe fn enter(stubs: &Stubs, jc: *mut ctx::JitCtx, frame: *mut u64, code: u64) -> u64 {
    let f: extern "sysv64" fn(*mut ctx::JitCtx, *mut u64, u64) -> u64 =
        std::mem::transmute(stubs.enter as *const () as usize);
    f(jc, frame, code)
}

/// Replaces hexadecimal immediates of 9 or more digits (addresses) in a
/// listing line with `<addr>`, leaving comments alone.
fn hide_addresses(line: &str) -> String {
    if line.starts_with(';') {
        return line.to_string();
    }
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let hex = word
            .strip_suffix('h')
            // Long immediates are addresses, except sign-extended negatives.
            .filter(|h| {
                h.len() >= 9
                    && h.chars().all(|c| c.is_ascii_hexdigit())
                    && !h.trim_start_matches('0').starts_with("FFFFFFFF")
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
            super::hide_addresses("  0010  mov r11, 7F12345678ABh"),
            "  0010  mov r11, <addr>"
        );
        assert_eq!(
            super::hide_addresses("  0010  add rax, 10h"),
            "  0010  add rax, 10h"
        );
        assert_eq!(
            super::hide_addresses("; guard 7F12345678ABh"),
            "; guard 7F12345678ABh"
        );
    }
}
