//! The garbage-collected heap: a precise, non-moving mark-sweep collector
//! over size-classed blocks.
//!
//! Every object records a layout (which words of one element are pointers)
//! and its size, so the collector scans the heap precisely. Objects never
//! move, so interior pointers (`&s.f`, `s[i:]`, substrings) keep their
//! object alive: a pointer is mapped to the object that contains it through
//! the block it falls in (blocks are aligned to their size) or, for large
//! objects, an ordered map. A word that maps to no object (nil, constants,
//! static data, scalars in maybe-pointer frame slots) is ignored.
//!
//! Allocation never collects. The interpreter asks [`Heap::due`] at its
//! safepoints (before allocating instructions, when every live value is in
//! a frame slot) and then calls [`Heap::collect`] with the roots. Pacing
//! follows Go's GOGC: a cycle starts when the heap has grown by
//! `gc_percent`% over what the last cycle left live.

use crate::runtime::panic::Panic;
use std::alloc::Layout as AllocLayout;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
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

const BLOCK: usize = 64 * 1024;
const FREE: u32 = u32::MAX;
/// Size classes in words; larger objects are allocated on their own.
const CLASSES: &[usize] = &[
    1, 2, 3, 4, 6, 8, 10, 12, 16, 20, 24, 32, 40, 48, 64, 80, 96, 128, 160, 192, 256, 320, 384,
    512, 640, 768, 1024,
];
/// The largest size class, in words.
const MAX_SMALL: usize = 1024;
/// Size class of an object of `w` words (`w` from 1 to [`MAX_SMALL`]),
/// looked up rather than searched on every allocation.
static CLASS_OF: [u8; MAX_SMALL + 1] = {
    let mut t = [0u8; MAX_SMALL + 1];
    let (mut w, mut c) = (1, 0);
    while w <= MAX_SMALL {
        if CLASSES[c] < w {
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
/// because `off * size < 2^32` (`off` < 64 KiB, `size` ≤ 8 KiB), so the
/// multiplier's rounding error, below `off / 2^32`, stays under `1 /
/// size`. A 64-bit `div` on the marking path and at every release cost
/// more than the rest of either.
#[inline]
fn slot_of(off: usize, div_mul: u32) -> usize {
    ((off as u64 * div_mul as u64) >> 32) as usize
}

/// The smallest first heap goal (Go's is 4 MB).
const MIN_GOAL: u64 = 4 << 20;

/// Block addresses are multiples of `BLOCK`: a multiplicative hash of the
/// block number is enough, and much cheaper than SipHash on the marking path.
#[derive(Default)]
struct BlockHasher(u64);

impl Hasher for BlockHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = ((n / BLOCK) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

#[derive(Clone, Copy)]
struct Meta {
    layout: u32,
    words: u32,
    mark: bool,
}

struct Block {
    base: usize,
    class: usize,
    slot_words: usize,
    /// `slot_of`'s multiplier for this block's slot size.
    div_mul: u32,
    meta: Vec<Meta>,
    free: Vec<u32>,
    in_free_list: bool,
    /// Objects allocated in the block (the sweep skips empty blocks).
    used: u32,
}

struct Large {
    words: usize,
    layout: u32,
    mark: bool,
}

/// Allocation and collection statistics, for `--stats`.
#[derive(Default, Debug, Clone, Copy)]
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
}

pub struct Heap {
    layouts: Vec<Vec<bool>>,
    blocks: Vec<Option<Block>>,
    /// Block base address → index in `blocks`.
    block_index: HashMap<usize, u32, BuildHasherDefault<BlockHasher>>,
    /// Lowest and highest addresses any object may have: a cheap first test for roots.
    lo: usize,
    hi: usize,
    /// Per size class, blocks that have free slots.
    partial: Vec<Vec<u32>>,
    empty_blocks: Vec<u32>,
    large: BTreeMap<usize, Large>,
    /// Bytes in allocated objects now.
    in_use: u64,
    next_gc: u64,
    pub stats: GcStats,
    /// GOGC: grow this much (percent) over the live heap before collecting.
    pub gc_percent: u64,
    /// Collect at (nearly) every safepoint that allocates: see [`Heap::due`].
    pub stress: bool,
    /// End the program with "out of memory" past this many live bytes.
    pub limit: Option<u64>,
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

/// What [`Heap::collect`] gives the root scanner.
pub struct Marker<'h> {
    heap: &'h mut Heap,
    work: Vec<(usize, usize, u32)>,
}

impl Marker<'_> {
    /// A root word: if it points into an object, that object is live.
    #[inline]
    pub fn mark(&mut self, w: u64) {
        if w < 4096 {
            return;
        }
        if let Some(obj) = self.heap.find_and_mark(w as usize) {
            self.work.push(obj);
        }
    }

    /// A root range in memory described by a layout (package variables).
    pub fn mark_object(&mut self, addr: u64, words: usize, layout: LayoutId) {
        self.work.push((addr as usize, words, layout));
    }
}

impl Heap {
    pub fn new() -> Heap {
        Heap {
            layouts: vec![vec![false], vec![true], vec![true, false]],
            blocks: Vec::new(),
            block_index: HashMap::default(),
            lo: usize::MAX,
            hi: 0,
            partial: vec![Vec::new(); CLASSES.len()],
            empty_blocks: Vec::new(),
            large: BTreeMap::new(),
            in_use: 0,
            next_gc: MIN_GOAL,
            stats: GcStats::default(),
            gc_percent: DEFAULT_GC_PERCENT,
            stress: false,
            limit: None,
        }
    }

    /// Registers a pointer map (one `bool` per word of an element).
    pub fn register_layout(&mut self, ptrs: Vec<bool>) -> LayoutId {
        if let Some(i) = self.layouts.iter().position(|l| *l == ptrs) {
            return i as LayoutId;
        }
        self.layouts.push(ptrs);
        (self.layouts.len() - 1) as LayoutId
    }

    pub fn in_use(&self) -> u64 {
        self.in_use
    }

    /// Whether the interpreter should collect at this safepoint.
    #[inline]
    pub fn due(&self) -> bool {
        if self.stress {
            // Every allocation for the first 2,000 collections, then every
            // 1,024th: each collection traces the whole live heap, so one per
            // allocation for ever is quadratic on long-running programs.
            return self.stats.collections < 2_000
                || self.stats.allocated_objects.is_multiple_of(1024);
        }
        self.in_use >= self.next_gc
    }

    /// A zeroed object of `words` words whose elements follow `layout`;
    /// Go's out-of-memory error when the system refuses it or when it alone
    /// is larger than `--heap-limit`.
    pub fn alloc(&mut self, words: usize, layout: LayoutId) -> Result<u64, Panic> {
        if words == 0 {
            return Ok(ZERO_SIZED);
        }
        let bytes = (words as u64).saturating_mul(8);
        if bytes > MAX_OBJECT || self.limit.is_some_and(|l| bytes > l) {
            return Err(out_of_memory());
        }
        self.stats.allocated_objects += 1;
        self.stats.allocated_bytes += bytes;
        self.in_use += bytes;
        if words <= MAX_SMALL {
            Ok(self.alloc_small(CLASS_OF[words] as usize, words, layout))
        } else {
            self.alloc_large(words, layout).ok_or_else(|| {
                self.in_use -= bytes;
                out_of_memory()
            })
        }
    }

    /// Gives back the object that starts at `p` at once, for reuse by the
    /// next allocation of its size class: compiled code does this after
    /// the last use of an allocation that nothing else can reach (see
    /// `opt::passes::release`). An address that is no object's start
    /// (`ZERO_SIZED`, an object already free) is left alone.
    pub fn release(&mut self, p: u64) {
        let p = p as usize;
        if p < self.lo || p >= self.hi {
            return;
        }
        if let Some((bi, slot, start)) = self.block_slot(p) {
            let b = self.blocks[bi].as_mut().expect("live block");
            if p != start {
                return;
            }
            let Some(m) = b.meta.get_mut(slot) else {
                return;
            };
            if m.layout == FREE {
                return;
            }
            self.in_use -= 8 * m.words as u64;
            m.layout = FREE;
            m.mark = false;
            b.free.push(slot as u32);
            b.used -= 1;
            if !b.in_free_list {
                b.in_free_list = true;
                self.partial[b.class].push(bi as u32);
            }
            self.stats.released_objects += 1;
            return;
        }
        if let Some(o) = self.large.remove(&p) {
            self.in_use -= 8 * o.words as u64;
            let l = AllocLayout::from_size_align(o.words * 8, 8).expect("object layout");
            // SAFETY: allocated in `alloc_large` with this layout; the
            // caller guarantees nothing reads it any more.
            unsafe { std::alloc::dealloc(p as *mut u8, l) };
            self.stats.released_objects += 1;
        }
    }

    /// The statistics, with the peak brought up to date (the heap only
    /// grows between collections, so the peak is taken before each sweep
    /// and here, not at every allocation).
    pub fn stats(&self) -> GcStats {
        let mut s = self.stats;
        s.peak_live_bytes = s.peak_live_bytes.max(self.in_use);
        s
    }

    /// A new string whose bytes are the low bytes of the `n` words at `p`
    /// (a `[]byte`'s elements): (pointer, length).
    pub fn new_string_from_words(&mut self, p: u64, n: usize) -> Result<(u64, u64), Panic> {
        if n == 0 {
            return Ok((0, 0));
        }
        let d = self.alloc_bytes(n)? as *mut u8;
        for i in 0..n {
            // SAFETY: `p` holds `n` words (a live slice's elements; allocation
            // neither collects nor moves), and `d` was just allocated with
            // room for `n` bytes.
            unsafe { *d.add(i) = *(p as *const u64).add(i) as u8 };
        }
        Ok((d as u64, n as u64))
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
        let p = self.alloc_bytes(n)?;
        let mut at = p as *mut u8;
        for part in parts {
            // SAFETY: `p` was just allocated with room for all `n` bytes,
            // and the parts (other objects or Rust buffers) do not overlap it.
            unsafe {
                std::ptr::copy_nonoverlapping(part.as_ptr(), at, part.len());
                at = at.add(part.len());
            }
        }
        Ok((p, n as u64))
    }

    fn alloc_small(&mut self, class: usize, words: usize, layout: LayoutId) -> u64 {
        let bi = match self.partial[class].last() {
            Some(&b) => b,
            None => self.new_block(class),
        };
        let block = self.blocks[bi as usize].as_mut().expect("live block");
        let slot = block.free.pop().expect("partial blocks have free slots");
        if block.free.is_empty() {
            block.in_free_list = false;
            self.partial[class].pop();
        }
        block.meta[slot as usize] = Meta {
            layout,
            words: words as u32,
            mark: false,
        };
        block.used += 1;
        let addr = block.base + slot as usize * block.slot_words * 8;
        let p = addr as *mut u64;
        if words <= 8 {
            // Small objects (most of them) are zeroed inline: a `memset`
            // call costs more than their few stores. (Volatile so that the
            // loop is not turned back into that call.)
            for i in 0..words {
                // SAFETY: the slot lies inside the block, which is allocated and owned by the heap.
                unsafe { p.add(i).write_volatile(0) };
            }
        } else {
            // SAFETY: as above.
            unsafe { std::ptr::write_bytes(p, 0, words) };
        }
        addr as u64
    }

    fn new_block(&mut self, class: usize) -> u32 {
        let slot_words = CLASSES[class];
        let n = BLOCK / (slot_words * 8);
        let base = match self.empty_blocks.pop() {
            Some(i) => {
                let old = self.blocks[i as usize].take().expect("empty block");
                self.block_index.remove(&old.base);
                old.base
            }
            None => {
                let layout = AllocLayout::from_size_align(BLOCK, BLOCK).expect("block layout");
                // SAFETY: non-zero size; the block is owned by the heap until `Drop`.
                let p = unsafe { std::alloc::alloc(layout) };
                if p.is_null() {
                    std::alloc::handle_alloc_error(layout);
                }
                p as usize
            }
        };
        let block = Block {
            base,
            class,
            slot_words,
            div_mul: div_mul(slot_words * 8),
            meta: vec![
                Meta {
                    layout: FREE,
                    words: 0,
                    mark: false
                };
                n
            ],
            free: (0..n as u32).rev().collect(),
            in_free_list: true,
            used: 0,
        };
        let idx = match self.blocks.iter().position(|b| b.is_none()) {
            Some(i) => {
                self.blocks[i] = Some(block);
                i as u32
            }
            None => {
                self.blocks.push(Some(block));
                (self.blocks.len() - 1) as u32
            }
        };
        self.block_index.insert(base, idx);
        self.lo = self.lo.min(base);
        self.hi = self.hi.max(base + BLOCK);
        self.partial[class].push(idx);
        idx
    }

    /// `None` when the system has no memory for it.
    fn alloc_large(&mut self, words: usize, layout: LayoutId) -> Option<u64> {
        let l = AllocLayout::from_size_align(words.checked_mul(8)?, 8).ok()?;
        // SAFETY: non-zero size; freed by the sweep or `Drop`.
        let p = unsafe { std::alloc::alloc_zeroed(l) };
        if p.is_null() {
            return None;
        }
        self.large.insert(
            p as usize,
            Large {
                words,
                layout,
                mark: false,
            },
        );
        self.lo = self.lo.min(p as usize);
        self.hi = self.hi.max(p as usize + words * 8);
        Some(p as u64)
    }

    /// The block of size-classed slots holding address `p` (an index in
    /// `blocks`), `p`'s slot in it and the slot's address; `None` when `p`
    /// lies in no such block.
    #[inline]
    fn block_slot(&self, p: usize) -> Option<(usize, usize, usize)> {
        let bi = *self.block_index.get(&(p & !(BLOCK - 1)))? as usize;
        let b = self.blocks[bi].as_ref()?;
        let slot = slot_of(p - b.base, b.div_mul);
        Some((bi, slot, b.base + slot * b.slot_words * 8))
    }

    /// The object containing address `p`, marked; `None` if none or already marked.
    fn find_and_mark(&mut self, p: usize) -> Option<(usize, usize, u32)> {
        if p < self.lo || p >= self.hi {
            return None;
        }
        if let Some((bi, slot, start)) = self.block_slot(p) {
            let b = self.blocks[bi].as_mut().expect("live block");
            let m = b.meta.get_mut(slot)?;
            if m.layout == FREE || m.mark {
                return None;
            }
            if p >= start + m.words as usize * 8 {
                return None;
            }
            m.mark = true;
            return Some((start, m.words as usize, m.layout));
        }
        let (&start, obj) = self.large.range_mut(..=p).next_back()?;
        if p >= start + obj.words * 8 || obj.mark {
            return None;
        }
        obj.mark = true;
        Some((start, obj.words, obj.layout))
    }

    /// Runs a collection: `roots` marks every root word; then the heap is
    /// traced and unmarked objects are freed. Returns an error text when
    /// the live heap exceeds the limit.
    pub fn collect(&mut self, roots: impl FnOnce(&mut Marker)) -> Result<(), String> {
        let t0 = Instant::now();
        self.stats.peak_live_bytes = self.stats.peak_live_bytes.max(self.in_use);
        let mut m = Marker {
            heap: self,
            work: Vec::new(),
        };
        roots(&mut m);
        let mut work = std::mem::take(&mut m.work);
        let layouts = std::mem::take(&mut self.layouts);
        while let Some((start, words, layout)) = work.pop() {
            if layout == NOSCAN {
                continue;
            }
            let map = &layouts[layout as usize];
            for i in 0..words {
                if map[i % map.len()] {
                    // SAFETY: `start..start+words` is a live object (or a root range).
                    let w = unsafe { *(start as *const u64).add(i) };
                    if w >= 4096 {
                        if let Some(obj) = self.find_and_mark(w as usize) {
                            work.push(obj);
                        }
                    }
                }
            }
        }
        self.layouts = layouts;
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
        self.stats.gc_time += t0.elapsed();
        if let Some(limit) = self.limit {
            if self.in_use > limit {
                return Err("fatal error: runtime: out of memory".into());
            }
        }
        Ok(())
    }

    fn sweep(&mut self) {
        let mut freed_bytes = 0u64;
        let mut freed = 0u64;
        for (bi, slot) in self.blocks.iter_mut().enumerate() {
            let Some(b) = slot.as_mut() else { continue };
            if b.used == 0 {
                continue;
            }
            let mut any_live = false;
            for (i, m) in b.meta.iter_mut().enumerate() {
                if m.layout == FREE {
                    continue;
                }
                if m.mark {
                    m.mark = false;
                    any_live = true;
                } else {
                    freed_bytes += 8 * m.words as u64;
                    freed += 1;
                    m.layout = FREE;
                    b.free.push(i as u32);
                    b.used -= 1;
                }
            }
            if !any_live && b.free.len() == b.meta.len() {
                // Keep wholly empty blocks for reuse by any size class.
                if b.in_free_list {
                    let list = &mut self.partial[b.class];
                    if let Some(pos) = list.iter().position(|&x| x == bi as u32) {
                        list.swap_remove(pos);
                    }
                    b.in_free_list = false;
                }
                if !self.empty_blocks.contains(&(bi as u32)) {
                    self.empty_blocks.push(bi as u32);
                }
                continue;
            }
            if !b.free.is_empty() && !b.in_free_list {
                b.in_free_list = true;
                self.partial[b.class].push(bi as u32);
            }
        }
        let dead: Vec<usize> = self
            .large
            .iter()
            .filter(|(_, o)| !o.mark)
            .map(|(a, _)| *a)
            .collect();
        for a in dead {
            let o = self.large.remove(&a).expect("large object");
            freed_bytes += 8 * o.words as u64;
            freed += 1;
            let l = AllocLayout::from_size_align(o.words * 8, 8).expect("object layout");
            // SAFETY: allocated in `alloc_large` with this layout and no longer reachable.
            unsafe { std::alloc::dealloc(a as *mut u8, l) };
        }
        for o in self.large.values_mut() {
            o.mark = false;
        }
        // Too many empty blocks: give them back to the system.
        while self.empty_blocks.len() > 8 {
            let i = self.empty_blocks.pop().expect("non-empty");
            if let Some(b) = self.blocks[i as usize].take() {
                self.block_index.remove(&b.base);
                let layout = AllocLayout::from_size_align(BLOCK, BLOCK).expect("block layout");
                // SAFETY: the block was allocated in `new_block` with this layout and holds no live object.
                unsafe { std::alloc::dealloc(b.base as *mut u8, layout) };
            }
        }
        self.in_use -= freed_bytes;
        self.stats.freed_objects += freed;
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        let layout = AllocLayout::from_size_align(BLOCK, BLOCK).expect("block layout");
        for b in self.blocks.iter().flatten() {
            // SAFETY: every live block was allocated with this layout.
            unsafe { std::alloc::dealloc(b.base as *mut u8, layout) };
        }
        for (&a, o) in &self.large {
            let l = AllocLayout::from_size_align(o.words * 8, 8).expect("object layout");
            // SAFETY: allocated in `alloc_large` with this layout.
            unsafe { std::alloc::dealloc(a as *mut u8, l) };
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_of_divides_exactly_for_every_class_and_offset() {
        for &words in CLASSES {
            let size = words * 8;
            let m = div_mul(size);
            for off in 0..BLOCK {
                assert_eq!(slot_of(off, m), off / size, "{off} / {size}");
            }
        }
    }

    #[test]
    fn the_class_table_gives_the_smallest_class_that_fits() {
        for w in 1..=MAX_SMALL {
            let want = CLASSES.iter().position(|&c| c >= w).unwrap();
            assert_eq!(CLASS_OF[w] as usize, want, "{w} words");
        }
        assert_eq!(*CLASSES.last().unwrap(), MAX_SMALL);
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
        let w = h.alloc(3, NOSCAN).unwrap();
        for (i, c) in [b'G' as u64, 0x16F, b'o' as u64].iter().enumerate() {
            // SAFETY: `w` has 3 words.
            unsafe { *(w as *mut u64).add(i) = *c };
        }
        let (p, n) = h.new_string_from_words(w, 3).unwrap();
        // SAFETY: a string the heap just made.
        assert_eq!(unsafe { str_bytes(p, n) }, b"Goo");
        assert_eq!(h.new_string_from_words(w, 0).unwrap(), (0, 0));
    }

    #[test]
    fn a_released_object_is_reused_at_once_and_only_object_starts_count() {
        let mut h = Heap::new();
        let a = h.alloc(3, NOSCAN).unwrap();
        let b = h.alloc(3, NOSCAN).unwrap();
        assert_eq!(h.in_use(), 48);
        h.release(a + 8); // an interior pointer: not an object's start
        h.release(ZERO_SIZED);
        assert_eq!(h.in_use(), 48);
        h.release(a);
        h.release(a); // already free
        assert_eq!(h.in_use(), 24);
        assert_eq!(h.stats().released_objects, 1);
        let c = h.alloc(3, NOSCAN).unwrap();
        assert_eq!(c, a, "the released slot comes back first");
        // A full block's released slot puts the block back in use.
        let mut objs: Vec<u64> = (0..9000).map(|_| h.alloc(1, NOSCAN).unwrap()).collect();
        let x = objs.remove(10);
        h.release(x);
        assert_eq!(h.alloc(1, NOSCAN).unwrap(), x);
        // Large objects go back to the system.
        let big = h.alloc(5000, NOSCAN).unwrap();
        let before = h.in_use();
        h.release(big);
        assert_eq!(h.in_use(), before - 5000 * 8);
        // A collection afterwards sees the heap as it is.
        h.collect(|m| {
            m.mark(b);
            m.mark(c);
        })
        .unwrap();
        assert_eq!(h.in_use(), 48);
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
    }

    #[test]
    fn objects_too_large_are_gos_out_of_memory_not_an_abort() {
        let mut h = Heap::new();
        let e = h.alloc(1 << 60, NOSCAN).unwrap_err();
        assert_eq!(e.first_line(), "fatal error: runtime: out of memory");
        assert!(h.alloc(usize::MAX / 4, NOSCAN).is_err());
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
}
