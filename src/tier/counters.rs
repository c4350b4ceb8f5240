//! Counters compiled code bumps with plain memory increments (read at
//! exit, and by the miss path's runtime half), and the layout of a call
//! site's counter words, which the compilers address directly.

use pgojit_profiler::FuncId;
use std::sync::atomic::{AtomicU64, Ordering};

/// Words of a site's counters (see `Counters::sites`).
pub const HIT0: usize = 0;
pub const MISSES: usize = 2;
pub const INDIRECT: usize = 3;
pub const CALLS: usize = 4;
pub const MISS_KEY: usize = 5;
pub const MISS_RUN: usize = 6;
pub const SITE_WORDS: usize = 7;

/// The miss path calls the policy every this many misses of one run (a
/// power of two).
pub const CHECK_EVERY: u64 = 1024;

/// Counters compiled code bumps (plain memory increments; read at exit).
pub struct Counters {
    /// Per function: entries into compiled code, loop trips in compiled code.
    calls: Box<[AtomicU64]>,
    loops: Box<[AtomicU64]>,
    /// Per site, words at [`HIT0`]...: hits of guard 0 and 1
    /// (`--count-guards`), misses, calls at sites compiled without guards,
    /// calls at guarded sites, the last missed key and its run, and the
    /// miss count at which the miss path next calls the policy.
    pub(crate) sites: Box<[[AtomicU64; SITE_WORDS]]>,
}

impl Counters {
    pub(crate) fn new(funcs: usize, sites: usize) -> Counters {
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
        self.word_addr(site, HIT0 + guard.min(1))
    }
    pub fn miss_addr(&self, site: usize) -> u64 {
        self.word_addr(site, MISSES)
    }
    pub fn indirect_addr(&self, site: usize) -> u64 {
        self.word_addr(site, INDIRECT)
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
        ([l(HIT0), l(HIT0 + 1)], l(MISSES), l(INDIRECT))
    }
}
