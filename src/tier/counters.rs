//! Counters compiled code bumps with plain memory increments (read at
//! exit, and by the miss path's runtime half), the layout of a call
//! site's counter words, which the compilers address directly, and the
//! miss path's inline half, which both compilers emit alike.

use pgojit_jit::abi::{CALL_TARGET, TMP1, TMP2};
use pgojit_jit::{Cond, Label, MacroAssembler, Mem};
use pgojit_profiler::FuncId;
use std::sync::atomic::{AtomicU64, Ordering};

/// Words of a site's counters (see `Counters::sites`).
pub const MISSES: usize = 0;
pub const INDIRECT: usize = 1;
pub const CALLS: usize = 2;
/// The count at which a miss row sends its next miss to the runtime
/// (only the runtime writes it).
pub const MISS_DUE: usize = 3;
/// The first of [`MISS_ROWS`] rows of missed receivers, two words each:
/// a key (an itab, or a function id + 1; 0 while free; only the runtime
/// writes it) and the misses by that key not yet booked into [`MISSES`]
/// and the profile.
pub const MISS_ROW0: usize = 4;
pub const MISS_ROWS: usize = 4;
/// The hits of each guard (`--count-guards`), one word per guard.
pub const HIT0: usize = MISS_ROW0 + 2 * MISS_ROWS;
pub const HITS: usize = pgojit_profiler::policy::MAX_GUARDS;
pub const SITE_WORDS: usize = HIT0 + HITS;

/// The miss path calls the runtime at least every this many misses of a
/// site (sooner when the site's window is due to be judged).
pub const CHECK_EVERY: u64 = 1024;

/// Word of row `k`'s key (its count is the next word).
pub const fn miss_row(k: usize) -> usize {
    MISS_ROW0 + 2 * k
}

/// The miss path's inline half, for the site whose counters start at
/// `base`, with the missed key (never 0) in `rdx`: counts the miss in the
/// key's row, then jumps to `done` unless the row's count reached
/// [`MISS_DUE`]. Falls through to the runtime call with `rdx` = the key
/// when no row has it (the runtime counts it and gives it a row), or 0
/// when a row counted it. Clobbers `rcx` and `r11`.
pub fn emit_miss_count(m: &mut MacroAssembler, base: u64, done: Label) {
    let w = |i: usize| Mem::at(CALL_TARGET, 8 * i as i32);
    let (counted, call) = (m.new_label(), m.new_label());
    let rows: Vec<Label> = (0..MISS_ROWS).map(|_| m.new_label()).collect();
    m.mov_imm(CALL_TARGET, base);
    for (k, &row) in rows.iter().enumerate() {
        if k > 0 {
            m.bind(row);
        }
        m.cmp(w(miss_row(k)), TMP2);
        m.jne(rows.get(k + 1).copied().unwrap_or(call));
        m.load(TMP1, w(miss_row(k) + 1));
        m.add_imm(TMP1, 1);
        m.store(w(miss_row(k) + 1), TMP1);
        if k == 0 {
            // (The first row's count falls through to the test; a key
            // without a row goes on to the others out of the way.)
            m.bind(counted);
            m.cmp_rm(TMP1, w(MISS_DUE));
            m.jcc(Cond::Below, done);
            m.mov_imm(TMP2, 0);
            m.jmp(call);
        } else {
            m.jmp(counted);
        }
    }
    m.bind(call);
}

/// Counters compiled code bumps (plain memory increments; read at exit).
pub struct Counters {
    /// Per function: entries into compiled code, loop trips in compiled code.
    calls: Box<[AtomicU64]>,
    loops: Box<[AtomicU64]>,
    /// Per site: misses, calls at sites compiled without guards, calls at
    /// guarded sites, the miss count at which the miss path next calls
    /// the runtime, the rows of missed receivers, and the hits of each
    /// guard (`--count-guards`).
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
        assert!(guard < HITS, "at most {HITS} guards (--polymorphic)");
        self.word_addr(site, HIT0 + guard)
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
    /// (hits per guard, misses, unguarded calls) at `site`.
    pub fn site(&self, site: usize) -> ([u64; HITS], u64, u64) {
        let s = &self.sites[site];
        let l = |i: usize| s[i].load(Ordering::Relaxed);
        (std::array::from_fn(|k| l(HIT0 + k)), l(MISSES), l(INDIRECT))
    }
}
