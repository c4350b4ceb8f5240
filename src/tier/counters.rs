//! Counters compiled code bumps with plain memory increments (read at
//! exit, and by the miss path's runtime half), the layout of a call
//! site's counter words, which the compilers address directly, and the
//! miss path's inline half, which both compilers emit alike.

use pgojit_jit::abi::{CALL_TARGET, TMP1, TMP2};
use pgojit_jit::{Cond, Label, MacroAssembler, Mem};
use pgojit_profiler::{EdgeId, FuncId};
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
///
/// They live below 2 GB when the system has room there (`MAP_32BIT`, as
/// the guards' key cells do), so that a bump is one instruction with an
/// absolute 32-bit address, `add qword [counter], 1`, instead of a
/// 64-bit address moved into a register first: on the hot path of every
/// guarded call outside a counted loop.
pub struct Counters {
    words: LowWords,
    funcs: usize,
    sites: usize,
    edges: usize,
    /// Per function: the direct call sites that call it.
    edges_into: Vec<Vec<EdgeId>>,
}

impl Counters {
    /// Counters for `funcs` functions, `sites` sites and the direct call
    /// sites calling `callees` (by `EdgeId`).
    pub(crate) fn new(funcs: usize, sites: usize, callees: &[FuncId]) -> Counters {
        let edges = callees.len();
        let mut edges_into = vec![Vec::new(); funcs];
        for (e, f) in callees.iter().enumerate() {
            edges_into[f.index()].push(EdgeId(e as u32));
        }
        Counters {
            words: LowWords::new(2 * funcs + sites * SITE_WORDS + 2 * edges),
            funcs,
            sites,
            edges,
            edges_into,
        }
    }
    /// Per direct call site: the calls compiled code made there by a call
    /// instruction (the callee's prologue counts its entry).
    fn edge(&self, e: EdgeId) -> &AtomicU64 {
        assert!(e.index() < self.edges);
        self.words
            .get(2 * self.funcs + self.sites * SITE_WORDS + e.index())
    }
    /// Per direct call site: the calls its inlined copies made. One word
    /// counts both the call and the callee's entry (which
    /// [`Counters::func`] adds in): an inlined direct call costs one
    /// increment, as it did before calls were counted per site.
    fn inlined_edge(&self, e: EdgeId) -> &AtomicU64 {
        assert!(e.index() < self.edges);
        self.words
            .get(2 * self.funcs + self.sites * SITE_WORDS + self.edges + e.index())
    }
    pub fn edge_addr(&self, e: EdgeId) -> u64 {
        self.edge(e).as_ptr() as u64
    }
    pub fn inlined_edge_addr(&self, e: EdgeId) -> u64 {
        self.inlined_edge(e).as_ptr() as u64
    }
    /// Calls compiled code made at direct call site `e` (called or inlined).
    pub fn edge_calls(&self, e: EdgeId) -> u64 {
        self.edge(e).load(Ordering::Relaxed) + self.inlined_edge(e).load(Ordering::Relaxed)
    }
    /// Per function: entries into compiled code.
    fn calls(&self, f: FuncId) -> &AtomicU64 {
        assert!(f.index() < self.funcs);
        self.words.get(f.index())
    }
    /// Per function: loop trips in compiled code.
    fn loops(&self, f: FuncId) -> &AtomicU64 {
        assert!(f.index() < self.funcs);
        self.words.get(self.funcs + f.index())
    }
    /// Per site: misses, calls at sites compiled without guards, calls at
    /// guarded sites, the miss count at which the miss path next calls
    /// the runtime, the rows of missed receivers, and the hits of each
    /// guard (`--count-guards`).
    pub(crate) fn site_words(&self, site: usize) -> &[AtomicU64; SITE_WORDS] {
        assert!(site < self.sites);
        self.words.array(2 * self.funcs + site * SITE_WORDS)
    }
    /// The addresses of all the counter words: `[lo, hi)`.
    pub fn range(&self) -> (u64, u64) {
        let lo = self.words.ptr as u64;
        (lo, lo + 8 * self.words.len as u64)
    }
    pub fn calls_addr(&self, f: FuncId) -> u64 {
        self.calls(f).as_ptr() as u64
    }
    pub fn loops_addr(&self, f: FuncId) -> u64 {
        self.loops(f).as_ptr() as u64
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
        self.site_words(site)[w].as_ptr() as u64
    }
    /// (compiled entries, compiled loop trips) of `f`: its prologues' and
    /// inlined copies' entries, with the inlined copies of direct calls
    /// counted at their call sites.
    pub fn func(&self, f: FuncId) -> (u64, u64) {
        let inlined: u64 = self.edges_into[f.index()]
            .iter()
            .map(|&e| self.inlined_edge(e).load(Ordering::Relaxed))
            .sum();
        (
            self.calls(f).load(Ordering::Relaxed) + inlined,
            self.loops(f).load(Ordering::Relaxed),
        )
    }
    /// (hits per guard, misses, unguarded calls) at `site`.
    pub fn site(&self, site: usize) -> ([u64; HITS], u64, u64) {
        let s = self.site_words(site);
        let l = |i: usize| s[i].load(Ordering::Relaxed);
        (std::array::from_fn(|k| l(HIT0 + k)), l(MISSES), l(INDIRECT))
    }
}

/// Zeroed words below 2 GB (a `MAP_32BIT` mapping) when the system has
/// room there, else on the heap; unmapped or freed when dropped.
struct LowWords {
    ptr: *mut AtomicU64,
    len: usize,
    /// Bytes mapped (0: a heap allocation of `len` words).
    mapped: usize,
}

// SAFETY: the words are atomics, shared by reference only.
unsafe impl Send for LowWords {}
// SAFETY: as above.
unsafe impl Sync for LowWords {}

impl LowWords {
    fn new(len: usize) -> LowWords {
        let bytes = (len.max(1) * 8).next_multiple_of(4096);
        // (Only ever read and written as the atomics handed out below.)
        if let Some(p) = super::keycell::map_low(bytes) {
            return LowWords {
                ptr: p.cast(),
                len,
                mapped: bytes,
            };
        }
        let words: Box<[AtomicU64]> = (0..len).map(|_| AtomicU64::new(0)).collect();
        LowWords {
            ptr: Box::into_raw(words).cast(),
            len,
            mapped: 0,
        }
    }

    fn get(&self, i: usize) -> &AtomicU64 {
        assert!(i < self.len, "counter word {i} of {}", self.len);
        // SAFETY: `i` is within the `len` zero-initialized words at `ptr`,
        // which live as long as `self`.
        unsafe { &*self.ptr.add(i) }
    }

    fn array<const N: usize>(&self, i: usize) -> &[AtomicU64; N] {
        assert!(i + N <= self.len, "counter words {i}+{N} of {}", self.len);
        // SAFETY: as in `get`, for the `N` consecutive words from `i`.
        unsafe { &*(self.ptr.add(i) as *const [AtomicU64; N]) }
    }
}

impl Drop for LowWords {
    fn drop(&mut self) {
        if self.mapped > 0 {
            // SAFETY: the mapping made in `new`; nothing refers to it any
            // more (compiled code that bumps it is gone with the JIT).
            unsafe { libc::munmap(self.ptr.cast(), self.mapped) };
        } else {
            // SAFETY: the box leaked in `new`, of `len` words.
            drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(self.ptr, self.len)) });
        }
    }
}
