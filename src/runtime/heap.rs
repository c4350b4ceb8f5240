//! The garbage-collected heap: a precise, non-moving mark-sweep collector
//! over size-classed blocks in one reserved arena.
//!
//! **Arena.** The heap reserves one large range of address space
//! (memmap2, `MAP_NORESERVE`: pages cost memory only once touched) and
//! carves it into 32 KiB blocks. A word's block is `(w - base) >> 15`, an
//! index into [`Heap::blocks`]: finding the object behind a pointer is
//! arithmetic (Go's `spanOf`), never a hash lookup. A block holds objects
//! of one size class (Go's 67 classes, 8 bytes to 32 KiB) and one layout
//! (pointer map), so it needs no per-object metadata: its slot size, its
//! layout, and two side bitmaps, *allocated* and *marked*, one bit per
//! slot. A slot's index is a multiplication (`divMul`). Objects past 32
//! KiB take a span of whole blocks of their own.
//!
//! **Allocation.** Each (size class, layout) pair has an allocation cache,
//! two words `next` and `end` bounding a run of free, zeroed slots in one
//! of its blocks: allocating is `next += size` when that stays within
//! `end`, which compiled code does inline (the caches live in a table
//! whose address compiled code finds in its `JitCtx`, each at an offset a
//! compiler computes: [`cache_slot`]), falling back to [`Heap::alloc`] when the run is
//! spent. Refilling takes the next run of free slots (the allocated
//! bitmap's zero bits) of a block of the pair, or a new block; it zeroes
//! the run (blocks fresh from the system are zero already), sets its
//! allocated bits and counts its bytes as in use at once, as Go counts a
//! span cached in an `mcache`. Statistics are brought up to date per run.
//!
//! **Collection.** Allocation never collects. The interpreter asks
//! [`Heap::due`] at its safepoints (before allocating instructions, when
//! every live value is in a frame slot), compiled code's slow path does the
//! same, and then [`Heap::collect`] runs with the roots: the caches' runs
//! are given back, the roots and then the heap are traced (interior
//! pointers keep their object; a word that maps to no allocated slot is
//! ignored) by up to [`Heap::gc_threads`] threads that share a work list
//! and set mark bytes with plain stores (one byte per slot; two threads
//! that mark one object at once both scan it, which is harmless), and the
//! sweep packs each block's mark bytes into its allocated bitmap. Wholly empty blocks go back to the arena's
//! free runs, and free memory well past what the next cycle needs is given
//! back to the system (`MADV_DONTNEED`). Pacing follows Go's GOGC: a cycle
//! starts when the heap has grown by `gc_percent`% over what the last cycle
//! left live; a run never reaches past that goal by more than one slot.

use crate::runtime::panic::Panic;
use parking_lot::{Condvar, Mutex};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, AtomicU8, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Go's default GOGC (`--gc-percent`).
pub const DEFAULT_GC_PERCENT: u64 = 100;

/// Index of a pointer map registered with [`Heap::register_layout`].
pub type LayoutId = u32;
/// Words without pointers (string bytes, integers, floats).
pub const NOSCAN: LayoutId = 0;
/// One pointer word per element.
pub const PTR: LayoutId = 1;
/// A string header `(ptr, len)` per element.
pub const STRING: LayoutId = 2;

/// The address handed out for zero-sized objects (never dereferenced, never nil).
pub const ZERO_SIZED: u64 = 8;

/// 32 KiB: the largest size class fits one; a block per (class, layout)
/// pair being filled is what a program's heap holds beyond its objects,
/// so smaller is leaner (64 KiB blocks: boxing's arena 4.9 MB for a 4 MB
/// heap, 32 KiB: 4.5 MB; Go's small spans are 8 KiB).
const BLOCK_SHIFT: u32 = 15;
const BLOCK: usize = 1 << BLOCK_SHIFT;

/// Go's small-object size classes in bytes (`SizeClassToSize`, Go 1.27,
/// amd64), class 0 left out: the heap's classes, and what `growslice`
/// rounds a grown array to.
pub const SIZE_CLASSES: [u64; 67] = [
    8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352,
    384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048,
    2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768,
];
const NCLASS: usize = SIZE_CLASSES.len();
/// The largest small object, in words; larger ones get blocks of their own.
const MAX_SMALL: usize = 32768 / 8;
/// Size class of an object of `w` words (`w` from 1 to [`MAX_SMALL`]),
/// looked up rather than searched on every allocation.
static CLASS_OF: [u8; MAX_SMALL + 1] = {
    let mut t = [0u8; MAX_SMALL + 1];
    let (mut w, mut c) = (1, 0);
    while w <= MAX_SMALL {
        if (SIZE_CLASSES[c] as usize) < w * 8 {
            c += 1;
        }
        t[w] = c as u8;
        w += 1;
    }
    t
};

/// The multiplier that divides an offset in a block by `size` bytes
/// (`slot_of`): `ceil(2^32 / size)`, as Go's runtime finds an object's
/// index in its span (`divMul`).
const fn div_mul(size: usize) -> u32 {
    (u32::MAX / size as u32).wrapping_add(1)
}

/// `off / size` for an offset in a block, by a multiplication: exact
/// because `off * size < 2^32` (`off` < 32 KiB, `size` ≤ 32 KiB), so the
/// multiplier's rounding error, below `off / 2^32`, stays under `1 /
/// size`.
#[inline]
fn slot_of(off: usize, div_mul: u32) -> usize {
    ((off as u64 * div_mul as u64) >> 32) as usize
}

/// Strings shorter than this share blocks of this many bytes (Go's
/// `maxTinySize`).
const TINY: usize = 16;

/// The smallest first heap goal (Go's is 4 MB).
const MIN_GOAL: u64 = 4 << 20;

/// Address space the arena asks for first (halved until the system
/// agrees): only what is touched costs memory.
const ARENA_RESERVE: usize = 1 << 38;

/// The longest run a cache takes (more slots when one is larger): the
/// heap counts a run's bytes as in use, so with a run per pair cached,
/// long runs would bring collections forward (Go's spans for small
/// classes are 8 KiB).
const MAX_RUN: usize = 16 << 10;

/// Layouts whose pairs get a slot in the cache table: allocations of the
/// layouts past it take the slow path every time.
const CACHE_LAYOUTS: usize = 4096;

/// A pair's allocation cache: the run of free, zeroed slots it allocates
/// from. Compiled code reads and bumps `next` ([`cache_slot`]).
#[repr(C)]
#[derive(Clone, Copy, Default, Debug)]
pub struct Cache {
    pub next: u64,
    pub end: u64,
}

/// Where compiled code finds the cache of objects of `words` words with
/// `layout`: its offset from the cache table's address (`JitCtx`'s
/// `alloc_caches`, [`Heap::alloc_caches`]), and their slot size in bytes;
/// `None` when such objects always take the slow path (large objects,
/// layouts past the table).
pub fn cache_slot(words: usize, layout: LayoutId) -> Option<(i32, u32)> {
    if words == 0 || words > MAX_SMALL || layout as usize >= CACHE_LAYOUTS {
        return None;
    }
    let class = CLASS_OF[words] as usize;
    let pair = layout as usize * NCLASS + class;
    Some((
        (pair * std::mem::size_of::<Cache>()) as i32,
        SIZE_CLASSES[class] as u32,
    ))
}

/// The cache table: `CACHE_LAYOUTS * NCLASS` caches in an anonymous
/// mapping (zero, and memory only where touched), which stays in place
/// as the heap moves. Each VM has its own heap and table: compiled code,
/// shared by the copies of `--copies`, finds the table through its `JitCtx`.
struct CacheTable {
    ptr: *mut Cache,
    _map: memmap2::MmapMut,
}

impl CacheTable {
    fn new() -> CacheTable {
        let bytes = CACHE_LAYOUTS * NCLASS * std::mem::size_of::<Cache>();
        let mut map = memmap2::MmapOptions::new()
            .len(bytes)
            .map_anon()
            .expect("the allocation caches' mapping");
        CacheTable {
            ptr: map.as_mut_ptr().cast(),
            _map: map,
        }
    }

    #[inline]
    fn get(&mut self, pair: usize) -> &mut Cache {
        debug_assert!(pair < CACHE_LAYOUTS * NCLASS);
        // SAFETY: `pair` is within the table, which this heap owns and
        // which only compiled code run by this heap's thread also writes
        // (never while Rust holds this reference).
        unsafe { &mut *self.ptr.add(pair) }
    }
}

/// A block's role.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Free,
    /// Slots of one size class and layout.
    Small,
    /// The first block of a large object's span.
    Large,
    /// Another block of a large object's span (`head` is its first).
    Tail,
}

/// A 32 KiB block of the arena and its side bitmaps.
struct Block {
    kind: Kind,
    class: u8,
    /// Small: every slot's layout. Large: the object's.
    layout: u32,
    slot_bytes: u32,
    div_mul: u32,
    nslots: u32,
    /// Tail: the span's first block.
    head: u32,
    /// Large: the object's words and its span's blocks.
    words: usize,
    nblocks: u32,
    /// Small: where the next run of free slots is looked for.
    cursor: u32,
    /// Small: slots from here on have been zero since the memory came
    /// from the system.
    fresh_from: u32,
    /// Small: allocated slots (runs counted whole).
    live: u32,
    /// Small: on its pair's list of blocks with free slots.
    in_partial: bool,
    /// Free: every byte is zero (fresh from the system or given back).
    zeroed: bool,
}

impl Block {
    fn free(zeroed: bool) -> Block {
        Block {
            kind: Kind::Free,
            class: 0,
            layout: 0,
            slot_bytes: 0,
            div_mul: 0,
            nslots: 0,
            head: 0,
            words: 0,
            nblocks: 0,
            cursor: 0,
            fresh_from: 0,
            live: 0,
            in_partial: false,
            zeroed,
        }
    }
}

/// Allocated-bits words per block: one bit per slot.
const BITS_PER_BLOCK: usize = BLOCK / 8 / 64;

/// Mark bytes per block: one byte per slot (a large object: its first
/// block's byte 0). Between collections every mark byte is zero (the
/// sweep clears what marking set), so a block changing class or layout
/// finds its marks clear; pages of marks are written only where an object
/// was marked. A byte, not a bit: marking threads set marks with
/// plain byte stores, no locked read-modify-write (which cost a third of
/// parallel marking), and two threads that mark the same object at once
/// both scan it, which is harmless. The sweep packs them into bits.
const MARKS_PER_BLOCK: usize = BLOCK / 8;

/// The allocated-bits word of slots `64k..64k+64` of block `bi`.
#[inline]
fn alloc_at(bits: &[AtomicU64], bi: usize, k: usize) -> &AtomicU64 {
    &bits[bi * BITS_PER_BLOCK + k]
}

/// The 64 mark bytes at `p` (each 0 or 1) as the bits of a word, byte `i`
/// bit `i`: eight bytes a multiply (each byte's bit lands in the top
/// byte; the other products fall below it or past bit 63, at distinct
/// positions, so nothing carries).
#[inline]
fn pack_marks(p: &[u8; 64]) -> u64 {
    let mut m = 0;
    for j in 0..8 {
        let w = u64::from_le_bytes(p[8 * j..8 * j + 8].try_into().unwrap());
        m |= (w.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * j);
    }
    m
}

#[inline]
fn is_alloc(bits: &[AtomicU64], bi: usize, slot: usize) -> bool {
    alloc_at(bits, bi, slot >> 6).load(Ordering::Relaxed) & (1 << (slot & 63)) != 0
}

/// Sets or clears slot `slot`'s allocated bit (the program's thread only).
#[inline]
fn set_alloc(bits: &[AtomicU64], bi: usize, slot: usize, on: bool) {
    let a = alloc_at(bits, bi, slot >> 6);
    let v = a.load(Ordering::Relaxed);
    let bit = 1 << (slot & 63);
    a.store(if on { v | bit } else { v & !bit }, Ordering::Relaxed);
}

/// Sets or clears the allocated bits of slots `first..last` of block
/// `bi`, a bitmap word at a time (a run is up to 2,048 slots).
fn set_alloc_range(bits: &[AtomicU64], bi: usize, first: usize, last: usize, on: bool) {
    let mut s = first;
    while s < last {
        let k = s >> 6;
        let lo = s & 63;
        let hi = (last - (k << 6)).min(64);
        let mask = if hi - lo == 64 {
            u64::MAX
        } else {
            ((1u64 << (hi - lo)) - 1) << lo
        };
        let a = alloc_at(bits, bi, k);
        let v = a.load(Ordering::Relaxed);
        a.store(if on { v | mask } else { v & !mask }, Ordering::Relaxed);
        s = (k + 1) << 6;
    }
}

/// A pair's state on the Rust side.
#[derive(Default)]
struct Pair {
    /// Blocks with free slots (the lowest address last: taken first).
    partial: Vec<u32>,
    /// Where the cache's current run started (statistics).
    run_start: u64,
    /// The block the current run is in.
    run_block: u32,
    /// The pair's cache when its layout has no slot in the table.
    own: Cache,
    /// On [`Heap::active`].
    active: bool,
}

/// How to scan one layout: its element's words and the pointer words'
/// offsets in it.
struct Scan {
    elem: usize,
    ptrs: Vec<usize>,
    /// The pointer words of 64 words of elements as bits, when an
    /// element divides 64 words (most layouts): scanning is then a walk
    /// over set bits.
    mask: Option<u64>,
}

/// An object to scan: start address, words, layout.
#[derive(Clone, Copy)]
struct Obj {
    start: usize,
    words: usize,
    layout: u32,
}

/// Allocation and collection statistics, for `--stats`.
#[derive(Default, Debug, Clone)]
pub struct GcStats {
    pub collections: u64,
    pub allocated_bytes: u64,
    pub allocated_objects: u64,
    pub peak_live_bytes: u64,
    pub last_live_bytes: u64,
    pub gc_time: Duration,
    pub freed_objects: u64,
    /// Objects given back by [`Heap::release`] (not by a collection).
    pub released_objects: u64,
    /// Each collection's pause.
    pub pauses: Vec<Duration>,
    /// Time spent marking, and what it marked.
    pub mark_time: Duration,
    pub marked_bytes: u64,
    pub marked_objects: u64,
    /// Collections that marked on more than one thread.
    pub parallel_collections: u64,
    /// Runs of free slots given to the allocation caches.
    pub runs: u64,
    /// Bytes given back to the system, and the arena's high-water mark.
    pub scavenged_bytes: u64,
    pub arena_bytes: u64,
}

impl GcStats {
    /// The median and the longest pause.
    pub fn pause_p50_max(&self) -> (Duration, Duration) {
        let mut p = self.pauses.clone();
        p.sort();
        let max = p.last().copied().unwrap_or_default();
        let p50 = if p.is_empty() {
            Duration::ZERO
        } else {
            p[(p.len() - 1) / 2]
        };
        (p50, max)
    }
}

pub struct Heap {
    layouts: Vec<Vec<bool>>,
    scans: Vec<Scan>,
    /// The arena: `base`, its capacity in blocks, and the blocks carved so far.
    map: memmap2::MmapMut,
    base: usize,
    cap_blocks: usize,
    blocks: Vec<Block>,
    /// Every block's allocated bits ([`BITS_PER_BLOCK`] words each).
    bits: Vec<AtomicU64>,
    /// Every block's mark bytes ([`MARKS_PER_BLOCK`] each), reserved for
    /// the whole arena: a block's page of them is touched when used.
    marks: memmap2::MmapMut,
    /// Free blocks as runs: first block → length, coalesced.
    free_runs: BTreeMap<u32, u32>,
    caches: CacheTable,
    pairs: Vec<Pair>,
    /// Pairs with a run since the last collection.
    active: Vec<u32>,
    /// Bytes of objects, and of the caches' runs, now.
    in_use: u64,
    next_gc: u64,
    /// Calls of [`Heap::alloc`] (the stress mode's clock).
    alloc_calls: u64,
    /// The tiny allocator's block and the bytes of it taken ([`Heap::tiny`]).
    tiny: u64,
    tiny_used: usize,
    pub stats: GcStats,
    /// GOGC: grow this much (percent) over the live heap before collecting.
    pub gc_percent: u64,
    /// Collect at (nearly) every safepoint that allocates: see [`Heap::due`].
    pub stress: bool,
    /// End the program with "out of memory" past this many live bytes.
    pub limit: Option<u64>,
    /// Threads that mark (`--gc-threads`; 1: the program's own only).
    pub gc_threads: usize,
    /// The live heap from which more than one thread marks.
    pub parallel_min_live: u64,
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

/// What [`Heap::collect`] gives the root scanner.
pub struct Marker<'h> {
    heap: Tracer<'h>,
    work: Vec<Obj>,
}

/// What marking reads of the heap (shared by the marking threads): the
/// arena's base, the blocks with their bitmaps, the layouts.
#[derive(Clone, Copy)]
struct Tracer<'h> {
    base: usize,
    /// The bytes of arena carved into blocks so far.
    span: usize,
    blocks: &'h [Block],
    bits: &'h [AtomicU64],
    marks: &'h [AtomicU8],
    scans: &'h [Scan],
}

impl Marker<'_> {
    /// A root word: if it points into an object, that object is live.
    #[inline]
    pub fn mark(&mut self, w: u64) {
        // Most root words are no heap pointers: one test, inline.
        if (w as usize).wrapping_sub(self.heap.base) >= self.heap.span {
            return;
        }
        if let Some(o) = self.heap.mark_word(w) {
            self.work.push(o);
        }
    }

    /// A root range in memory described by a layout (package variables).
    pub fn mark_object(&mut self, addr: u64, words: usize, layout: LayoutId) {
        self.work.push(Obj {
            start: addr as usize,
            words,
            layout,
        });
    }
}

/// The threads' shared work list.
struct Shared {
    queue: Vec<Vec<Obj>>,
    idle: usize,
}

/// The live heap (after the last collection) from which a collection
/// marks on more than one thread.
const PARALLEL_MIN_LIVE: u64 = 8 << 20;

/// Work handed to the shared list when another thread may want it.
const SPLIT: usize = 4;

/// Default `--gc-threads`: the machine's cores, at most 8.
pub fn default_gc_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(8)
}

impl Heap {
    pub fn new() -> Heap {
        let mut reserve = ARENA_RESERVE;
        let map = loop {
            match memmap2::MmapOptions::new()
                .len(reserve)
                .no_reserve_swap()
                .map_anon()
            {
                Ok(m) => break m,
                Err(_) if reserve > 64 << 20 => reserve /= 2,
                Err(e) => panic!("pgojit: cannot reserve the heap's arena: {e}"),
            }
        };
        let base = map.as_ptr() as usize;
        let marks = memmap2::MmapOptions::new()
            .len(reserve / BLOCK * MARKS_PER_BLOCK)
            .no_reserve_swap()
            .map_anon()
            .unwrap_or_else(|e| panic!("pgojit: cannot reserve the heap's mark bytes: {e}"));
        let mut h = Heap {
            layouts: Vec::new(),
            scans: Vec::new(),
            map,
            base,
            cap_blocks: reserve / BLOCK,
            blocks: Vec::new(),
            bits: Vec::new(),
            marks,
            free_runs: BTreeMap::new(),
            caches: CacheTable::new(),
            pairs: Vec::new(),
            active: Vec::new(),
            in_use: 0,
            next_gc: MIN_GOAL,
            alloc_calls: 0,
            tiny: 0,
            tiny_used: 0,
            stats: GcStats::default(),
            gc_percent: DEFAULT_GC_PERCENT,
            stress: false,
            limit: None,
            gc_threads: 1,
            parallel_min_live: PARALLEL_MIN_LIVE,
        };
        for l in [vec![false], vec![true], vec![true, false]] {
            h.register_layout(l);
        }
        h
    }

    /// Registers a pointer map (one `bool` per word of an element).
    pub fn register_layout(&mut self, ptrs: Vec<bool>) -> LayoutId {
        if let Some(i) = self.layouts.iter().position(|l| *l == ptrs) {
            return i as LayoutId;
        }
        let elem = ptrs.len().max(1);
        let mask = 64usize.is_multiple_of(elem).then(|| {
            (0..64)
                .filter(|&i| ptrs.get(i % elem).copied().unwrap_or(false))
                .fold(0u64, |m, i| m | 1 << i)
        });
        self.scans.push(Scan {
            elem,
            ptrs: (0..ptrs.len()).filter(|&i| ptrs[i]).collect(),
            mask,
        });
        self.layouts.push(ptrs);
        (self.layouts.len() - 1) as LayoutId
    }

    /// The cache table's address, where compiled code finds a cache
    /// ([`cache_slot`]).
    pub fn alloc_caches(&self) -> u64 {
        self.caches.ptr as u64
    }

    /// Bytes in allocated objects now (the caches' unused runs left out).
    pub fn in_use(&self) -> u64 {
        let mut spare = 0;
        for &p in &self.active {
            let c = self.cache_ref(p as usize);
            spare += c.end - c.next;
        }
        self.in_use - spare
    }

    /// Whether the interpreter should collect at this safepoint.
    #[inline]
    pub fn due(&self) -> bool {
        if self.stress {
            // Every allocation for the first 2,000 collections, then every
            // 1,024th: each collection traces the whole live heap, so one per
            // allocation for ever is quadratic on long-running programs.
            return self.stats.collections < 2_000 || self.alloc_calls.is_multiple_of(1024);
        }
        self.in_use >= self.next_gc
    }

    /// A zeroed object of `words` words whose elements follow `layout`;
    /// Go's out-of-memory error when the system refuses it or when it alone
    /// is larger than `--heap-limit`.
    #[inline]
    pub fn alloc(&mut self, words: usize, layout: LayoutId) -> Result<u64, Panic> {
        self.alloc_filled(words, layout, 0)
    }

    /// [`Heap::alloc`] for an object whose first `filled` words the
    /// caller writes at once, before anything else can run (a slice grown
    /// by `append`: the old elements are copied over): a large object's
    /// memory there is not zeroed first. (A small object comes from a run
    /// the refill zeroed whole.)
    pub fn alloc_filled(
        &mut self,
        words: usize,
        layout: LayoutId,
        filled: usize,
    ) -> Result<u64, Panic> {
        if words == 0 {
            return Ok(ZERO_SIZED);
        }
        let bytes = (words as u64).saturating_mul(8);
        if bytes > MAX_OBJECT || self.limit.is_some_and(|l| bytes > l) {
            return Err(out_of_memory());
        }
        self.alloc_calls += 1;
        if words > MAX_SMALL {
            return self
                .alloc_large(words, layout, filled.min(words))
                .ok_or_else(out_of_memory);
        }
        let class = CLASS_OF[words] as usize;
        let pair = layout as usize * NCLASS + class;
        let size = SIZE_CLASSES[class];
        let c = self.cache(pair);
        if c.next + size > c.end && !self.refill(pair, class, layout) {
            return Err(out_of_memory());
        }
        let c = self.cache(pair);
        let p = c.next;
        c.next += size;
        Ok(p)
    }

    #[inline]
    fn cache(&mut self, pair: usize) -> &mut Cache {
        if pair < CACHE_LAYOUTS * NCLASS {
            self.caches.get(pair)
        } else {
            self.pair(pair);
            &mut self.pairs[pair].own
        }
    }

    fn cache_ref(&self, pair: usize) -> Cache {
        if pair < CACHE_LAYOUTS * NCLASS {
            // SAFETY: within the table (see `CacheTable::get`).
            unsafe { *self.caches.ptr.add(pair) }
        } else {
            self.pairs[pair].own
        }
    }

    fn pair(&mut self, pair: usize) -> &mut Pair {
        if pair >= self.pairs.len() {
            self.pairs.resize_with(pair + 1, Pair::default);
        }
        &mut self.pairs[pair]
    }

    /// Ends the pair's current run: its allocations go to the statistics,
    /// its unused slots back to their block.
    fn retire_run(&mut self, pair: usize) {
        let c = *self.cache(pair);
        if c.end == 0 {
            return;
        }
        let size = SIZE_CLASSES[pair % NCLASS];
        let start = self.pairs[pair].run_start;
        let used = c.next - start;
        self.stats.allocated_bytes += used;
        self.stats.allocated_objects += used / size;
        if c.end > c.next {
            self.in_use -= c.end - c.next;
            let bi = self.pairs[pair].run_block as usize;
            let block_base = self.base + (bi << BLOCK_SHIFT);
            let first = (c.next as usize - block_base) / size as usize;
            let last = (c.end as usize - block_base) / size as usize;
            set_alloc_range(&self.bits, bi, first, last, false);
            let b = &mut self.blocks[bi];
            b.live -= (last - first) as u32;
            b.cursor = b.cursor.min(first as u32);
            if !b.in_partial {
                b.in_partial = true;
                self.pairs[pair].partial.push(bi as u32);
            }
        }
        *self.cache(pair) = Cache::default();
    }

    /// Gives the pair's cache a new run; `false` when the arena is full.
    fn refill(&mut self, pair: usize, class: usize, layout: LayoutId) -> bool {
        self.retire_run(pair);
        let size = SIZE_CLASSES[class] as usize;
        // A run stays below the next collection's goal, unless it is one
        // slot: `due` turns true when objects reach the goal, not before.
        let room = self.next_gc.saturating_sub(self.in_use) as usize;
        let max_slots = if self.stress {
            1
        } else {
            (room.saturating_sub(1).min(MAX_RUN) / size).max(1)
        };
        loop {
            let bi = match self.pair(pair).partial.last() {
                Some(&b) => b as usize,
                None => match self.new_small_block(class, layout) {
                    Some(b) => {
                        self.pairs[pair].partial.push(b as u32);
                        b
                    }
                    None => return false,
                },
            };
            let base = self.base + (bi << BLOCK_SHIFT);
            let b = &mut self.blocks[bi];
            let Some((first, last)) = free_run(&self.bits, bi, b, max_slots) else {
                b.in_partial = false;
                self.pairs[pair].partial.pop();
                continue;
            };
            set_alloc_range(&self.bits, bi, first, last, true);
            b.cursor = last as u32;
            b.live += (last - first) as u32;
            // Slots below `fresh_from` were used before: zero them.
            let dirty_end = last.min(b.fresh_from as usize);
            if first < dirty_end {
                zero(
                    (base + first * size) as *mut u64,
                    (dirty_end - first) * size / 8,
                );
            }
            b.fresh_from = b.fresh_from.max(last as u32);
            let (start, end) = ((base + first * size) as u64, (base + last * size) as u64);
            self.in_use += end - start;
            self.stats.runs += 1;
            let p = &mut self.pairs[pair];
            p.run_start = start;
            p.run_block = bi as u32;
            if !p.active {
                p.active = true;
                self.active.push(pair as u32);
            }
            *self.cache(pair) = Cache { next: start, end };
            return true;
        }
    }

    /// A block of `layout` objects of size class `class`, all slots free.
    fn new_small_block(&mut self, class: usize, layout: LayoutId) -> Option<usize> {
        let bi = self.take_blocks(1)?;
        let size = SIZE_CLASSES[class] as usize;
        let nslots = BLOCK / size;
        for w in &self.bits[bi * BITS_PER_BLOCK..(bi + 1) * BITS_PER_BLOCK] {
            w.store(0, Ordering::Relaxed);
        }
        let b = &mut self.blocks[bi];
        let zeroed = b.zeroed;
        b.kind = Kind::Small;
        b.class = class as u8;
        b.layout = layout;
        b.slot_bytes = size as u32;
        b.div_mul = div_mul(size);
        b.nslots = nslots as u32;
        b.cursor = 0;
        b.fresh_from = if zeroed { 0 } else { nslots as u32 };
        b.live = 0;
        b.in_partial = true;
        b.zeroed = false;
        Some(bi)
    }

    /// `n` contiguous free blocks (the lowest that fit), carved from the
    /// arena's end when no free run is long enough.
    fn take_blocks(&mut self, n: usize) -> Option<usize> {
        let found = self
            .free_runs
            .iter()
            .find(|&(_, &len)| len as usize >= n)
            .map(|(&s, &l)| (s, l));
        if let Some((s, len)) = found {
            self.free_runs.remove(&s);
            if len as usize > n {
                self.free_runs.insert(s + n as u32, len - n as u32);
            }
            return Some(s as usize);
        }
        let s = self.blocks.len();
        if s + n > self.cap_blocks {
            return None;
        }
        self.blocks.extend((0..n).map(|_| Block::free(true)));
        self.bits
            .resize_with(self.blocks.len() * BITS_PER_BLOCK, || AtomicU64::new(0));
        self.stats.arena_bytes = (self.blocks.len() * BLOCK) as u64;
        Some(s)
    }

    /// Blocks `s..s+n` are free again.
    fn free_blocks(&mut self, s: usize, n: usize) {
        for b in &mut self.blocks[s..s + n] {
            b.kind = Kind::Free;
            b.zeroed = false;
            b.in_partial = false;
        }
        let (mut s, mut n) = (s as u32, n as u32);
        if let Some((&ps, &pl)) = self.free_runs.range(..s).next_back() {
            if ps + pl == s {
                self.free_runs.remove(&ps);
                s = ps;
                n += pl;
            }
        }
        if let Some(&nl) = self.free_runs.get(&(s + n)) {
            self.free_runs.remove(&(s + n));
            n += nl;
        }
        self.free_runs.insert(s, n);
    }

    /// `None` when the arena has no room for it.
    fn alloc_large(&mut self, words: usize, layout: LayoutId, filled: usize) -> Option<u64> {
        let bytes = words.checked_mul(8)?;
        let n = bytes.div_ceil(BLOCK);
        if n > self.cap_blocks {
            return None;
        }
        let s = self.take_blocks(n)?;
        let start = self.base + (s << BLOCK_SHIFT);
        for (i, b) in self.blocks[s..s + n].iter_mut().enumerate() {
            // (The first `filled` words are the caller's to write.)
            let at = (i * BLOCK).max(filled * 8);
            let end = ((i + 1) * BLOCK).min(bytes);
            if !b.zeroed && at < end {
                // SAFETY: inside the span just taken, in the arena's mapping.
                unsafe { std::ptr::write_bytes((start + at) as *mut u8, 0, end - at) };
            }
            b.zeroed = false;
            b.kind = Kind::Tail;
            b.head = s as u32;
        }
        let h = &mut self.blocks[s];
        h.kind = Kind::Large;
        h.words = words;
        h.layout = layout;
        h.nblocks = n as u32;
        self.in_use += bytes as u64;
        self.stats.allocated_objects += 1;
        self.stats.allocated_bytes += bytes as u64;
        Some(start as u64)
    }

    /// Gives back the object that starts at `p` at once, for reuse:
    /// compiled code does this after the last use of an allocation that
    /// nothing else can reach (see `opt::passes::release`). The object
    /// allocated last in its run goes back to the run's front, so the next
    /// allocation of its kind takes the same warm slot. An address that is
    /// no object's start (`ZERO_SIZED`, an object already free) is left
    /// alone.
    pub fn release(&mut self, p: u64) {
        let off = (p as usize).wrapping_sub(self.base);
        let bi = off >> BLOCK_SHIFT;
        let Some(b) = self.blocks.get(bi) else {
            return;
        };
        match b.kind {
            Kind::Small => {
                let size = b.slot_bytes as usize;
                let slot = slot_of(off & (BLOCK - 1), b.div_mul);
                let start = self.base + (bi << BLOCK_SHIFT) + slot * size;
                if start as u64 != p || slot >= b.nslots as usize || !is_alloc(&self.bits, bi, slot)
                {
                    return;
                }
                let pair = b.layout as usize * NCLASS + b.class as usize;
                self.stats.released_objects += 1;
                let c = self.cache(pair);
                if c.next == p + size as u64 && c.end != 0 {
                    // The run's last allocation: back to the run's front.
                    c.next = p;
                    self.stats.allocated_objects += 1;
                    self.stats.allocated_bytes += size as u64;
                    // (The object's own slot, which nothing reads any more:
                    // the caller's promise; the run's slots are zero.)
                    zero(p as *mut u64, size / 8);
                    return;
                }
                set_alloc(&self.bits, bi, slot, false);
                let b = &mut self.blocks[bi];
                b.live -= 1;
                b.cursor = b.cursor.min(slot as u32);
                self.in_use -= size as u64;
                if !b.in_partial {
                    b.in_partial = true;
                    self.pair(pair).partial.push(bi as u32);
                }
            }
            Kind::Large if self.base + (bi << BLOCK_SHIFT) == p as usize => {
                let (words, n) = (b.words, b.nblocks as usize);
                self.in_use -= 8 * words as u64;
                self.stats.released_objects += 1;
                self.free_blocks(bi, n);
            }
            _ => {}
        }
    }

    /// The statistics, with the peak brought up to date (the heap only
    /// grows between collections, so the peak is taken before each sweep
    /// and here, not at every allocation).
    pub fn stats(&self) -> GcStats {
        let mut s = self.stats.clone();
        s.peak_live_bytes = s.peak_live_bytes.max(self.in_use());
        for &p in &self.active {
            let c = self.cache_ref(p as usize);
            let used = c.next - self.pairs[p as usize].run_start;
            s.allocated_bytes += used;
            s.allocated_objects += used / SIZE_CLASSES[p as usize % NCLASS];
        }
        s
    }

    /// A zeroed byte buffer (string data).
    pub fn alloc_bytes(&mut self, bytes: usize) -> Result<u64, Panic> {
        self.alloc(bytes.div_ceil(8), NOSCAN)
    }

    /// A new string holding `bytes`: (pointer, length).
    pub fn new_string(&mut self, bytes: &[u8]) -> Result<(u64, u64), Panic> {
        self.new_string_of(&[bytes])
    }

    /// A new string holding `parts` one after another: (pointer, length).
    pub fn new_string_of(&mut self, parts: &[&[u8]]) -> Result<(u64, u64), Panic> {
        let n = parts.iter().map(|p| p.len()).sum::<usize>();
        if n == 0 {
            return Ok((0, 0));
        }
        let p = if n < TINY {
            self.tiny(n)?
        } else {
            self.alloc_bytes(n)?
        };
        let mut at = p as *mut u8;
        for part in parts {
            // SAFETY: `p` was just allocated with room for all `n` bytes,
            // and the parts (other objects or Rust buffers) do not overlap it.
            unsafe {
                copy_short(part, at);
                at = at.add(part.len());
            }
        }
        Ok((p, n as u64))
    }

    /// `n < TINY` bytes for a string, from Go's tiny allocator: strings
    /// that small share 16-byte blocks (a block lives while any of its
    /// strings does: a pointer into an object keeps it), so that a program
    /// making many short strings (`strconv.Itoa`, `"k" + s`) allocates a
    /// block for two or three of them. The block being filled is the
    /// heap's, not a root: a collection starts a new one.
    fn tiny(&mut self, n: usize) -> Result<u64, Panic> {
        if self.tiny != 0 && self.tiny_used + n <= TINY {
            let p = self.tiny + self.tiny_used as u64;
            self.tiny_used += n;
            return Ok(p);
        }
        let p = self.alloc_bytes(TINY)?;
        // (Keep filling whichever block has more room left, as Go does.)
        if self.tiny == 0 || TINY - n > TINY - self.tiny_used {
            self.tiny = p;
            self.tiny_used = n;
        }
        Ok(p)
    }

    /// Runs a collection: `roots` marks every root word; then the heap is
    /// traced and unmarked objects are freed. Returns an error text when
    /// the live heap exceeds the limit.
    pub fn collect(&mut self, roots: impl FnOnce(&mut Marker)) -> Result<(), String> {
        let t0 = Instant::now();
        // (The tiny block may die: it is no root.)
        self.tiny = 0;
        for p in std::mem::take(&mut self.active) {
            self.retire_run(p as usize);
            self.pairs[p as usize].active = false;
        }
        self.stats.peak_live_bytes = self.stats.peak_live_bytes.max(self.in_use);
        let t = Tracer {
            base: self.base,
            span: self.blocks.len() << BLOCK_SHIFT,
            blocks: &self.blocks,
            bits: &self.bits,
            // SAFETY: the mapping is the heap's and outlives the tracer;
            // AtomicU8 has u8's size and alignment; while the tracer lives
            // the marks are reached only through it (the heap is borrowed).
            marks: unsafe {
                std::slice::from_raw_parts(self.marks.as_ptr() as *const AtomicU8, self.marks.len())
            },
            scans: &self.scans,
        };
        let mut m = Marker {
            heap: t,
            work: Vec::new(),
        };
        roots(&mut m);
        let work = std::mem::take(&mut m.work);
        // More threads pay for their start and hand-offs on a heap of
        // some size only (slices, 2 MB live: marking 0.23 s on one thread,
        // 0.35 s on two).
        let threads = if self.stats.last_live_bytes >= self.parallel_min_live {
            self.gc_threads.max(1)
        } else {
            1
        };
        let tm = Instant::now();
        let (n, bytes) = if threads > 1 {
            t.mark_parallel(work, threads)
        } else {
            t.mark_serial(work)
        };
        if threads > 1 {
            self.stats.parallel_collections += 1;
        }
        self.stats.mark_time += tm.elapsed();
        self.stats.marked_objects += n;
        self.stats.marked_bytes += bytes;
        self.sweep();
        self.stats.collections += 1;
        self.stats.last_live_bytes = self.in_use;
        let goal = self.in_use.saturating_mul(100 + self.gc_percent) / 100;
        self.next_gc = goal.max(MIN_GOAL);
        if let Some(limit) = self.limit {
            // Collect again on reaching the limit rather than at the goal,
            // so the heap never holds much more than the limit (at most one
            // object more) before a collection finds it too full.
            self.next_gc = self.next_gc.min(limit.max(1));
        }
        self.scavenge();
        let pause = t0.elapsed();
        self.stats.gc_time += pause;
        self.stats.pauses.push(pause);
        if let Some(limit) = self.limit {
            if self.in_use > limit {
                return Err("fatal error: runtime: out of memory".into());
            }
        }
        Ok(())
    }

    /// Each block's marked slots become its allocated ones; empty blocks
    /// and dead large objects go back to the free runs. Under
    /// `--gc-stress` the dead slots are filled with [`POISON`] first, so
    /// that a pointer the collector missed (a root a stack map left out)
    /// reads garbage at once instead of an old value that looks right.
    fn sweep(&mut self) {
        let mut freed_bytes = 0u64;
        let mut freed = 0u64;
        for p in &mut self.pairs {
            p.partial.clear();
        }
        let mut empty = Vec::new();
        // From the top down, so each pair's list pops its lowest block first.
        for bi in (0..self.blocks.len()).rev() {
            let b = &mut self.blocks[bi];
            match b.kind {
                Kind::Small => {
                    let mut live = 0u32;
                    let mut dead = 0u32;
                    let marks = &mut self.marks[bi * MARKS_PER_BLOCK..(bi + 1) * MARKS_PER_BLOCK];
                    for k in 0..(b.nslots as usize).div_ceil(64) {
                        let a = alloc_at(&self.bits, bi, k);
                        let m: &mut [u8; 64] =
                            (&mut marks[64 * k..64 * k + 64]).try_into().unwrap();
                        let marked = pack_marks(m);
                        if marked != 0 {
                            // (Only written where something was marked: the
                            // other pages stay untouched, or the zero page.)
                            m.fill(0);
                        }
                        let gone = a.load(Ordering::Relaxed) & !marked;
                        if self.stress && gone != 0 {
                            poison_slots(
                                self.base + (bi << BLOCK_SHIFT),
                                b.slot_bytes as usize,
                                k,
                                gone,
                            );
                        }
                        dead += gone.count_ones();
                        live += marked.count_ones();
                        a.store(marked, Ordering::Relaxed);
                    }
                    freed += dead as u64;
                    freed_bytes += dead as u64 * b.slot_bytes as u64;
                    b.live = live;
                    b.cursor = 0;
                    b.in_partial = false;
                    if live == 0 {
                        empty.push((bi, 1));
                    } else if live < b.nslots {
                        b.in_partial = true;
                        let pair = b.layout as usize * NCLASS + b.class as usize;
                        if pair >= self.pairs.len() {
                            self.pairs.resize_with(pair + 1, Pair::default);
                        }
                        self.pairs[pair].partial.push(bi as u32);
                    }
                }
                Kind::Large => {
                    let m = &mut self.marks[bi * MARKS_PER_BLOCK];
                    if *m != 0 {
                        *m = 0;
                    } else {
                        freed += 1;
                        freed_bytes += 8 * b.words as u64;
                        empty.push((bi, b.nblocks as usize));
                    }
                }
                Kind::Tail | Kind::Free => {}
            }
        }
        for (bi, n) in empty {
            self.free_blocks(bi, n);
        }
        self.in_use -= freed_bytes;
        self.stats.freed_objects += freed;
    }

    /// Gives free blocks back to the system past what the heap may need
    /// before the next collection (and a margin), highest first: they stay
    /// reserved, and come back zeroed when used again.
    fn scavenge(&mut self) {
        let keep = self.next_gc.saturating_sub(self.in_use) + (8 << 20);
        let mut dirty: u64 = 0;
        let runs: Vec<(u32, u32)> = self.free_runs.iter().map(|(&s, &l)| (s, l)).collect();
        for &(s, l) in &runs {
            for b in &self.blocks[s as usize..(s + l) as usize] {
                if !b.zeroed {
                    dirty += BLOCK as u64;
                }
            }
        }
        for &(s, l) in runs.iter().rev() {
            if dirty <= keep {
                break;
            }
            for bi in (s as usize..(s + l) as usize).rev() {
                if dirty <= keep {
                    break;
                }
                if self.blocks[bi].zeroed {
                    continue;
                }
                // SAFETY: a free block of the arena: no object lives there,
                // and a block marked zeroed is never read before use.
                let r = unsafe {
                    self.map.unchecked_advise_range(
                        memmap2::UncheckedAdvice::DontNeed,
                        bi << BLOCK_SHIFT,
                        BLOCK,
                    )
                };
                if r.is_err() {
                    return;
                }
                self.blocks[bi].zeroed = true;
                dirty -= BLOCK as u64;
                self.stats.scavenged_bytes += BLOCK as u64;
            }
        }
    }
}

/// The next run of free slots in `b` from its cursor, at most `max`
/// long: (first, one past the last).
fn free_run(bits: &[AtomicU64], bi: usize, b: &Block, max: usize) -> Option<(usize, usize)> {
    let n = b.nslots as usize;
    let mut s = b.cursor as usize;
    // The first free slot.
    loop {
        if s >= n {
            return None;
        }
        let w = !alloc_at(bits, bi, s >> 6).load(Ordering::Relaxed) >> (s & 63);
        if w != 0 {
            s += w.trailing_zeros() as usize;
            break;
        }
        s = (s | 63) + 1;
    }
    if s >= n {
        return None;
    }
    // Up to the next allocated slot.
    let mut e = s;
    loop {
        if e >= n || e - s >= max {
            break;
        }
        let w = alloc_at(bits, bi, e >> 6).load(Ordering::Relaxed) >> (e & 63);
        if w != 0 {
            e += w.trailing_zeros() as usize;
            break;
        }
        e = (e | 63) + 1;
    }
    Some((s, e.min(n).min(s + max)))
}

impl Tracer<'_> {
    /// The object containing `w`, marked now; `None` if `w` points into
    /// no allocated object or the object was marked already.
    #[inline(always)]
    fn mark_word(&self, w: u64) -> Option<Obj> {
        let off = (w as usize).wrapping_sub(self.base);
        let bi = off >> BLOCK_SHIFT;
        let b = self.blocks.get(bi)?;
        match b.kind {
            Kind::Small => {
                let slot = slot_of(off & (BLOCK - 1), b.div_mul);
                if slot >= b.nslots as usize {
                    return None;
                }
                let m = &self.marks[bi * MARKS_PER_BLOCK + slot];
                if m.load(Ordering::Relaxed) != 0 {
                    return None;
                }
                let a = alloc_at(self.bits, bi, slot >> 6).load(Ordering::Relaxed);
                if a & (1u64 << (slot & 63)) == 0 {
                    return None;
                }
                m.store(1, Ordering::Relaxed);
                let size = b.slot_bytes as usize;
                let start = self.base + (bi << BLOCK_SHIFT) + slot * size;
                Some(Obj {
                    start,
                    words: size / 8,
                    layout: b.layout,
                })
            }
            Kind::Large | Kind::Tail => {
                let hi = if b.kind == Kind::Tail {
                    b.head as usize
                } else {
                    bi
                };
                let h = &self.blocks[hi];
                let start = self.base + (hi << BLOCK_SHIFT);
                if w as usize >= start + h.words * 8 {
                    return None;
                }
                let m = &self.marks[hi * MARKS_PER_BLOCK];
                if m.load(Ordering::Relaxed) != 0 {
                    return None;
                }
                m.store(1, Ordering::Relaxed);
                Some(Obj {
                    start,
                    words: h.words,
                    layout: h.layout,
                })
            }
            Kind::Free => None,
        }
    }

    /// Scans `o`'s pointer words, pushing the objects they newly mark
    /// that hold pointers; an object without (string bytes, a `[]int`'s
    /// elements) is only marked and counted in `done`, as Go's
    /// `greyobject` does for a noscan span: its memory is never touched.
    #[inline]
    fn scan(&self, o: Obj, work: &mut Vec<Obj>, done: &mut (u64, u64)) {
        if o.layout == NOSCAN {
            return;
        }
        let s = &self.scans[o.layout as usize];
        let p = o.start as *const u64;
        if let Some(mask) = s.mask {
            // 64 words at a time, the pointer words' bits set.
            let mut at = 0;
            while at < o.words {
                let n = (o.words - at).min(64);
                let mut m = if n == 64 { mask } else { mask & ((1 << n) - 1) };
                while m != 0 {
                    let i = at + m.trailing_zeros() as usize;
                    m &= m - 1;
                    // SAFETY: `o` is a live object (or a root range) of `o.words` words.
                    let w = unsafe { *p.add(i) };
                    if (w as usize).wrapping_sub(self.base) < self.span {
                        if let Some(c) = self.mark_word(w) {
                            grey(c, work, done);
                        }
                    }
                }
                at += 64;
            }
            return;
        }
        let mut e = 0;
        while e < o.words {
            for &off in &s.ptrs {
                let i = e + off;
                if i < o.words {
                    // SAFETY: `o` is a live object (or a root range) of `o.words` words.
                    let w = unsafe { *p.add(i) };
                    if (w as usize).wrapping_sub(self.base) >= self.span {
                        continue;
                    }
                    if let Some(c) = self.mark_word(w) {
                        grey(c, work, done);
                    }
                }
            }
            e += s.elem;
        }
    }

    /// Traces from `work` to the end on this thread; returns the objects
    /// and bytes it scanned.
    fn mark_serial(&self, mut work: Vec<Obj>) -> (u64, u64) {
        self.drain(&mut work, |_| {})
    }

    /// Scans objects from `work` until it is empty. An object popped from
    /// the stack waits in a short queue, its memory prefetched, while the
    /// ones before it are scanned (Boehm's prefetch on grey): by its turn
    /// it has come from memory. `split` may take work off the stack after
    /// each object.
    fn drain(&self, work: &mut Vec<Obj>, mut split: impl FnMut(&mut Vec<Obj>)) -> (u64, u64) {
        const AHEAD: usize = 8;
        let mut ring = [Obj {
            start: 0,
            words: 0,
            layout: 0,
        }; AHEAD];
        let (mut head, mut len) = (0usize, 0usize);
        let (mut n, mut bytes) = (0, 0);
        // (Objects without pointers, marked and counted by `scan`.)
        let mut done = (0, 0);
        loop {
            while len < AHEAD {
                let Some(o) = work.pop() else { break };
                prefetch(o.start);
                ring[(head + len) % AHEAD] = o;
                len += 1;
            }
            if len == 0 {
                return (n + done.0, bytes + done.1);
            }
            let o = ring[head];
            head = (head + 1) % AHEAD;
            len -= 1;
            n += 1;
            bytes += 8 * o.words as u64;
            self.scan(o, work, &mut done);
            split(work);
        }
    }

    /// Traces from `work` on `threads` threads sharing a work list; each
    /// keeps a stack of its own and hands half of it over when another
    /// thread waits.
    fn mark_parallel(&self, work: Vec<Obj>, threads: usize) -> (u64, u64) {
        let shared = Mutex::new(Shared {
            queue: vec![work],
            idle: 0,
        });
        let waiting = AtomicUsize::new(0);
        let cv = Condvar::new();
        let worker = || {
            let (mut n, mut bytes) = (0u64, 0u64);
            let mut local: Vec<Obj> = Vec::new();
            loop {
                let (dn, db) = self.drain(&mut local, |local| {
                    if local.len() > SPLIT && waiting.load(Ordering::Relaxed) > 0 {
                        // The older half: the larger subgraphs.
                        let newer = local.split_off(local.len() / 2);
                        let older = std::mem::replace(local, newer);
                        shared.lock().queue.push(older);
                        cv.notify_one();
                    }
                });
                n += dn;
                bytes += db;
                let mut g = shared.lock();
                if let Some(b) = g.queue.pop() {
                    local = b;
                    continue;
                }
                g.idle += 1;
                if g.idle == threads {
                    cv.notify_all();
                    return (n, bytes);
                }
                waiting.fetch_add(1, Ordering::Relaxed);
                loop {
                    cv.wait(&mut g);
                    if g.idle == threads {
                        waiting.fetch_sub(1, Ordering::Relaxed);
                        return (n, bytes);
                    }
                    if let Some(b) = g.queue.pop() {
                        g.idle -= 1;
                        waiting.fetch_sub(1, Ordering::Relaxed);
                        local = b;
                        break;
                    }
                }
            }
        };
        std::thread::scope(|s| {
            let others: Vec<_> = (1..threads).map(|_| s.spawn(worker)).collect();
            let mut total = worker();
            for h in others {
                let (n, b) = h.join().expect("a marking thread");
                total.0 += n;
                total.1 += b;
            }
            total
        })
    }
}

/// A newly marked object: onto the work stack if it holds pointers, else
/// only counted (objects, bytes).
#[inline(always)]
fn grey(o: Obj, work: &mut Vec<Obj>, done: &mut (u64, u64)) {
    if o.layout == NOSCAN {
        done.0 += 1;
        done.1 += 8 * o.words as u64;
    } else {
        work.push(o);
    }
}

/// Zeroes `words` words at `p`: free slots of the arena, which nothing
/// reads. A few words (a one-slot run in a fragmented block, the common
/// case there) are stored inline: a `memset` call costs more.
#[inline]
fn zero(p: *mut u64, words: usize) {
    if words <= 8 {
        for i in 0..words {
            // SAFETY: `p..p+words` lies in free slots of the arena's
            // mapping. (Volatile: not turned back into a `memset` call.)
            unsafe { p.add(i).write_volatile(0) };
        }
    } else {
        // SAFETY: as above.
        unsafe { std::ptr::write_bytes(p, 0, words) };
    }
}

/// Copies `b` to `to`: a few bytes (most strings a program makes) by
/// hand, where a `memcpy` call costs more than the copy.
///
/// # Safety
/// `to` has room for `b.len()` bytes and does not overlap `b`.
#[inline]
unsafe fn copy_short(b: &[u8], to: *mut u8) {
    if b.len() <= 16 {
        for (i, &x) in b.iter().enumerate() {
            // (Volatile: not turned back into a `memcpy` call.)
            to.add(i).write_volatile(x);
        }
    } else {
        std::ptr::copy_nonoverlapping(b.as_ptr(), to, b.len());
    }
}

/// Asks for the object at `p` in the cache ahead of its scan.
#[inline]
fn prefetch(p: usize) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint: it never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch(p as *const i8, std::arch::x86_64::_MM_HINT_T0)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Memory for the program's static data (string constants, package
/// variables, closures of top-level functions): never collected, never freed.
pub fn alloc_static(words: usize) -> u64 {
    if words == 0 {
        return ZERO_SIZED;
    }
    let v: Box<[u64]> = vec![0u64; words].into_boxed_slice();
    Box::leak(v).as_mut_ptr() as u64
}

/// Larger objects are refused with Go's out-of-memory error (Go's own
/// bound on amd64 is 2^48 bytes; this machine has far less).
pub const MAX_OBJECT: u64 = 1 << 46;

/// Go's fatal error when memory runs out.
pub fn out_of_memory() -> Panic {
    Panic::Fatal("fatal error: runtime: out of memory".into())
}

/// A static string: (pointer, length).
pub fn static_string(bytes: &[u8]) -> (u64, u64) {
    if bytes.is_empty() {
        return (0, 0);
    }
    let v: Box<[u8]> = bytes.to_vec().into_boxed_slice();
    let n = v.len() as u64;
    (Box::leak(v).as_ptr() as u64, n)
}

/// Views string data as bytes.
///
/// # Safety
/// `(ptr, len)` must be a string value made by this runtime (or a constant
/// from the program's pool) that is still reachable.
#[inline]
pub unsafe fn str_bytes<'a>(ptr: u64, len: u64) -> &'a [u8] {
    if len == 0 {
        return &[];
    }
    std::slice::from_raw_parts(ptr as *const u8, len as usize)
}

/// What `--gc-stress` writes over dead objects (a non-canonical address,
/// an absurd integer).
pub const POISON: u64 = 0xDEAD_F00D_DEAD_F00D;

/// Fills with [`POISON`] the slots of word `k` of a block's bitmap (at
/// `base`, slots of `size` bytes) whose bits are set in `dead`.
fn poison_slots(base: usize, size: usize, k: usize, dead: u64) {
    let mut d = dead;
    while d != 0 {
        let slot = 64 * k + d.trailing_zeros() as usize;
        d &= d - 1;
        let p = (base + slot * size) as *mut u64;
        for w in 0..size / 8 {
            // SAFETY: the slot is one of the block's (its bit is in the
            // block's bitmap), in the arena's mapped memory; it is dead, so
            // nothing reads it before a refill zeroes it again (slots below
            // the block's `fresh_from` are zeroed when handed out).
            unsafe { p.add(w).write(POISON) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grown_object_is_zero_past_what_its_caller_fills() {
        let mut h = Heap::new();
        let words = 3 * MAX_SMALL;
        let a = h.alloc(words, NOSCAN).unwrap();
        for i in 0..words {
            // SAFETY: `a` is an object of `words` words.
            unsafe { *(a as *mut u64).add(i) = u64::MAX };
        }
        h.collect(|_| {}).unwrap();
        // The same blocks again, dirty: only the first 100 words are left.
        let b = h.alloc_filled(words, NOSCAN, 100).unwrap();
        assert_eq!(a, b, "the freed span is reused");
        for i in 100..words {
            // SAFETY: as above.
            assert_eq!(unsafe { *(b as *const u64).add(i) }, 0, "word {i}");
        }
    }

    #[test]
    fn short_strings_share_tiny_blocks_that_live_while_one_does() {
        let mut h = Heap::new();
        let (a, _) = h.new_string(b"hello").unwrap();
        let (b, _) = h.new_string(b"world!").unwrap();
        let (c, _) = h.new_string(b"0123456").unwrap();
        // "hello" and "world!" share a block; "0123456" does not fit.
        assert_eq!(b, a + 5);
        assert_ne!(c >> 4, a >> 4);
        // A string of 16 bytes or more has its own object.
        let (d, n) = h.new_string(b"sixteen bytes!!!").unwrap();
        assert_eq!((d & 7, n), (0, 16));
        // Only "world!" is a root: its block (with "hello") survives.
        h.collect(|m| m.mark(b)).unwrap();
        // SAFETY: strings the heap made, `b`'s block kept by the root.
        assert_eq!(unsafe { str_bytes(a, 5) }, b"hello");
        assert_eq!(unsafe { str_bytes(b, 6) }, b"world!");
        // After a collection the next short string starts a new block.
        let (e, _) = h.new_string(b"x").unwrap();
        assert_ne!(e >> 4, a >> 4);
    }

    #[test]
    fn packed_marks_are_the_bytes_bits() {
        // Every pattern of each byte lane, and mixed ones.
        for lane in 0..8 {
            for v in 0..256u64 {
                let mut p = [0u8; 64];
                for i in 0..8 {
                    p[8 * lane + i] = ((v >> i) & 1) as u8;
                }
                assert_eq!(pack_marks(&p), v << (8 * lane));
            }
        }
        let mut p = [0u8; 64];
        let mut want = 0u64;
        for i in (0..64).filter(|i| i % 3 == 0 || i % 7 == 1) {
            p[i] = 1;
            want |= 1 << i;
        }
        assert_eq!(pack_marks(&p), want);
        assert_eq!(pack_marks(&[1; 64]), u64::MAX);
    }

    #[test]
    fn alloc_bit_ranges_match_slot_by_slot() {
        let n = BITS_PER_BLOCK * 2;
        let ranges = [
            (0, 1),
            (3, 64),
            (0, 64),
            (63, 65),
            (5, 200),
            (64, 128),
            (100, 2048),
        ];
        for &(first, last) in &ranges {
            for on in [true, false] {
                let init = if on { 0 } else { u64::MAX };
                let a: Vec<AtomicU64> = (0..n).map(|_| AtomicU64::new(init)).collect();
                let b: Vec<AtomicU64> = (0..n).map(|_| AtomicU64::new(init)).collect();
                set_alloc_range(&a, 1, first, last, on);
                for s in first..last {
                    set_alloc(&b, 1, s, on);
                }
                let words = |v: &[AtomicU64]| {
                    v.iter()
                        .map(|x| x.load(Ordering::Relaxed))
                        .collect::<Vec<_>>()
                };
                assert_eq!(words(&a), words(&b), "{first}..{last} {on}");
            }
        }
    }

    #[test]
    fn slot_of_divides_exactly_for_every_class_and_offset() {
        for &size in &SIZE_CLASSES {
            let size = size as usize;
            let m = div_mul(size);
            for off in 0..BLOCK {
                assert_eq!(slot_of(off, m), off / size, "{off} / {size}");
            }
        }
    }

    #[test]
    fn the_class_table_gives_the_smallest_class_that_fits() {
        for w in 1..=MAX_SMALL {
            let want = SIZE_CLASSES
                .iter()
                .position(|&c| c as usize >= w * 8)
                .unwrap();
            assert_eq!(CLASS_OF[w] as usize, want, "{w} words");
        }
        assert_eq!(*SIZE_CLASSES.last().unwrap() as usize, MAX_SMALL * 8);
    }

    #[test]
    fn reused_slots_are_zeroed_and_peak_and_strings_from_words() {
        let mut h = Heap::new();
        for words in [1usize, 5, 8, 9, 40] {
            let a = h.alloc(words, NOSCAN).unwrap();
            for i in 0..words {
                // SAFETY: `a` has `words` words.
                unsafe { *(a as *mut u64).add(i) = u64::MAX };
            }
            let keep = h.alloc(words, NOSCAN).unwrap();
            h.collect(|m| m.mark(keep)).unwrap();
            let b = h.alloc(words, NOSCAN).unwrap();
            assert_eq!(a, b, "the freed slot is reused");
            for i in 0..words {
                // SAFETY: as above.
                assert_eq!(unsafe { *(b as *const u64).add(i) }, 0, "{words} words");
            }
        }
        let s = h.stats();
        assert!(s.peak_live_bytes >= 40 * 8, "{}", s.peak_live_bytes);
        let (p, n) = h.new_string(b"Goo").unwrap();
        // SAFETY: a string the heap just made.
        assert_eq!(unsafe { str_bytes(p, n) }, b"Goo");
        assert_eq!(h.new_string(b"").unwrap(), (0, 0));
    }

    #[test]
    fn a_released_object_is_reused_and_only_object_starts_count() {
        let mut h = Heap::new();
        let a = h.alloc(3, NOSCAN).unwrap();
        let b = h.alloc(3, NOSCAN).unwrap();
        assert_eq!(h.in_use(), 48);
        h.release(b + 8); // an interior pointer: not an object's start
        h.release(ZERO_SIZED);
        h.release(0);
        assert_eq!(h.in_use(), 48);
        // The run's last object goes back to its front, zeroed.
        // SAFETY: `b` has 3 words.
        unsafe { *(b as *mut u64) = 7 };
        h.release(b);
        assert_eq!(h.in_use(), 24);
        assert_eq!(h.stats().released_objects, 1);
        let c = h.alloc(3, NOSCAN).unwrap();
        assert_eq!(c, b, "the released slot comes back first");
        // SAFETY: as above.
        assert_eq!(unsafe { *(c as *const u64) }, 0);
        // Another object is free at once and reused by a later run.
        h.release(a);
        h.release(a); // already free
        assert_eq!(h.in_use(), 24);
        assert_eq!(h.stats().released_objects, 2);
        let objs: Vec<u64> = (0..6000).map(|_| h.alloc(3, NOSCAN).unwrap()).collect();
        assert!(objs.contains(&a), "the released slot is reused");
        let big = h.alloc(5000, NOSCAN).unwrap();
        let before = h.in_use();
        h.release(big);
        assert_eq!(h.in_use(), before - 5000 * 8);
        // A collection afterwards sees the heap as it is.
        h.collect(|m| {
            m.mark(c);
            m.mark(objs[0]);
        })
        .unwrap();
        assert_eq!(h.in_use(), 48);
        let s = h.stats();
        assert_eq!(s.allocated_objects, 2 + 1 + 6000 + 1);
        assert_eq!(
            s.freed_objects + s.released_objects,
            s.allocated_objects - 2
        );
    }

    #[test]
    fn unreachable_objects_are_freed_and_reused() {
        let mut h = Heap::new();
        let a = h.alloc(2, NOSCAN).unwrap();
        let _b = h.alloc(2, NOSCAN).unwrap();
        assert_eq!(h.in_use(), 32);
        h.collect(|m| m.mark(a)).unwrap();
        assert_eq!(h.in_use(), 16);
        assert_eq!(h.stats.freed_objects, 1);
        let c = h.alloc(2, NOSCAN).unwrap();
        assert_ne!(c, a);
    }

    #[test]
    fn pointers_inside_objects_are_traced_and_interior_pointers_keep_objects() {
        let mut h = Heap::new();
        let list = h.register_layout(vec![true, false]);
        // a -> b -> c through word 0; the root is an interior pointer into a.
        let c = h.alloc(2, list).unwrap();
        let b = h.alloc(2, list).unwrap();
        let a = h.alloc(2, list).unwrap();
        // SAFETY: a and b have two words each.
        unsafe {
            *(a as *mut u64) = b;
            *(b as *mut u64) = c;
        }
        let garbage = h.alloc(2, list).unwrap();
        h.collect(|m| m.mark(a + 8)).unwrap();
        assert_eq!(h.in_use(), 48);
        let _ = garbage;
    }

    #[test]
    fn layouts_of_one_size_class_live_in_blocks_of_their_own() {
        let mut h = Heap::new();
        let ptr_then_int = h.register_layout(vec![true, false]);
        let a = h.alloc(2, ptr_then_int).unwrap();
        let n = h.alloc(2, NOSCAN).unwrap();
        let b = h.alloc(2, ptr_then_int).unwrap();
        assert_eq!(b, a + 16, "a pair's run is contiguous");
        assert_ne!(a >> BLOCK_SHIFT, n >> BLOCK_SHIFT);
        // A word in a NOSCAN object that looks like a pointer keeps nothing.
        // SAFETY: n has two words.
        unsafe { *(n as *mut u64) = b };
        h.collect(|m| m.mark(n)).unwrap();
        assert_eq!(h.in_use(), 16);
    }

    #[test]
    fn a_long_list_is_traced_on_two_threads_as_on_one() {
        for threads in [1, 2] {
            let mut h = Heap::new();
            h.gc_threads = threads;
            h.parallel_min_live = 1 << 20;
            let node = h.register_layout(vec![true, true, false]);
            // A binary tree of 2^16 nodes and as much garbage.
            fn tree(h: &mut Heap, layout: u32, d: u32) -> u64 {
                let n = h.alloc(3, layout).unwrap();
                if d > 0 {
                    let (l, r) = (tree(h, layout, d - 1), tree(h, layout, d - 1));
                    let _junk = h.alloc(3, layout).unwrap();
                    // SAFETY: n has three words.
                    unsafe {
                        *(n as *mut u64) = l;
                        *(n as *mut u64).add(1) = r;
                        *(n as *mut u64).add(2) = d as u64;
                    }
                }
                n
            }
            let root = tree(&mut h, node, 15);
            h.collect(|m| m.mark(root)).unwrap();
            h.collect(|m| m.mark(root)).unwrap();
            assert_eq!(h.in_use(), ((1 << 16) - 1) * 24, "{threads} threads");
            assert_eq!(h.stats.marked_objects, 2 * ((1 << 16) - 1));
            if threads == 2 {
                assert_eq!(
                    h.stats.parallel_collections, 1,
                    "the second pass, on a big heap"
                );
            }
        }
    }

    #[test]
    fn large_objects_and_the_limit() {
        let mut h = Heap::new();
        let big = h.alloc(100_000, NOSCAN).unwrap();
        h.collect(|m| m.mark(big + 800)).unwrap();
        assert_eq!(h.in_use(), 800_000);
        h.limit = Some(1000);
        assert!(h.collect(|m| m.mark(big)).is_err());
        h.limit = None;
        h.collect(|_| {}).unwrap();
        assert_eq!(h.in_use(), 0);
        // The span's blocks are reused, zeroed.
        let again = h.alloc(100_000, NOSCAN).unwrap();
        assert_eq!(again, big);
        // SAFETY: the object's last word.
        assert_eq!(unsafe { *(again as *const u64).add(99_999) }, 0);
    }

    #[test]
    fn objects_too_large_are_gos_out_of_memory_not_an_abort() {
        let mut h = Heap::new();
        let e = h.alloc(1 << 60, NOSCAN).unwrap_err();
        assert_eq!(e.first_line(), "fatal error: runtime: out of memory");
        assert!(h.alloc(usize::MAX / 4, NOSCAN).is_err());
        assert!(h.alloc(1 << 43, NOSCAN).is_err(), "larger than the arena");
        h.limit = Some(1 << 20);
        assert!(
            h.alloc(1 << 18, NOSCAN).is_err(),
            "one object over the limit"
        );
        assert!(h
            .new_string_of(&[&[b'x'; 600_000], &[b'y'; 600_000]])
            .is_err());
        assert_eq!(h.in_use(), 0, "refused objects are not counted");
        let (p, n) = h.new_string_of(&[b"ab", b"", b"cd"]).unwrap();
        // SAFETY: a string the heap just made, still allocated.
        assert_eq!(unsafe { str_bytes(p, n) }, b"abcd");
    }

    #[test]
    fn a_limit_brings_the_next_collection_forward() {
        let mut h = Heap::new();
        h.limit = Some(64 << 10);
        h.collect(|_| {}).unwrap();
        for _ in 0..((64 << 10) / 64 - 1) {
            h.alloc(8, NOSCAN).unwrap();
        }
        assert!(!h.due());
        h.alloc(8, NOSCAN).unwrap();
        assert!(h.due(), "due at the limit, far below the 4 MB goal");
    }

    #[test]
    fn pacing_follows_gc_percent() {
        let mut h = Heap::new();
        h.gc_percent = 100;
        assert!(!h.due());
        for _ in 0..(MIN_GOAL / 64) {
            h.alloc(8, NOSCAN).unwrap();
        }
        assert!(h.due());
        h.collect(|_| {}).unwrap();
        assert!(!h.due());
    }

    #[test]
    fn free_memory_past_the_goal_goes_back_to_the_system() {
        let mut h = Heap::new();
        let objs: Vec<u64> = (0..40_000).map(|_| h.alloc(128, NOSCAN).unwrap()).collect();
        assert_eq!(objs.len(), 40_000);
        h.collect(|_| {}).unwrap();
        let s = h.stats();
        assert!(s.scavenged_bytes > 20 << 20, "{}", s.scavenged_bytes);
        // Given-back blocks are used again (zero, as fresh ones).
        let p = h.alloc(128, NOSCAN).unwrap();
        // SAFETY: p has 128 words.
        assert_eq!(unsafe { *(p as *const u64).add(127) }, 0);
    }

    #[test]
    fn caches_are_where_compiled_code_looks() {
        let mut h = Heap::new();
        let (off, size) = cache_slot(2, PTR).unwrap();
        let addr = h.alloc_caches() + off as u64;
        assert_eq!(size, 16);
        let p = h.alloc(2, PTR).unwrap();
        // SAFETY: the cache's two words, as compiled code reads them.
        let (next, end) = unsafe { (*(addr as *const u64), *(addr as *const u64).add(1)) };
        assert_eq!(next, p + 16);
        assert!(end > next);
        assert!(cache_slot(MAX_SMALL + 1, PTR).is_none());
        assert!(cache_slot(1, CACHE_LAYOUTS as u32).is_none());
    }
}
