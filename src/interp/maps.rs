//! Go maps: open-addressed hash tables in collected memory, hashed and
//! compared as Go's `==` says, for every tier (compiled code calls these
//! through the interpreter's slow path).
//!
//! A map value is one word: nil, or the address of its header, a
//! [`HEADER_WORDS`]-word object:
//!
//! | word | holds |
//! |---|---|
//! | 0 | live entries (`len(m)`) |
//! | 1 | the entry array (a pointer the collector follows) |
//! | 2 | the array's capacity in entries (a power of two) |
//! | 3 | entries in use: live ones and tombstones of deleted ones |
//! | 4 | this map's hash seed |
//! | 5 | the entry array's layout (which words are pointers) |
//!
//! An entry is a tag word, then the key's words, then the value's: tag 0
//! is an empty entry, 1 a deleted one (a tombstone, which probing goes
//! past), and a live entry's tag is its key's hash with the top bit set.
//! Probing is linear; the array doubles when live entries and tombstones
//! would pass three quarters of it, and is rebuilt at the same size when
//! tombstones make most of that. Everything is ordinary heap memory with a
//! layout, so the collector traces keys and values like any object's.
//!
//! Iteration starts at a random entry and wraps around, so no program can
//! come to depend on an order (Go randomizes too). An iterator is a heap
//! object ([`ITER_WORDS`]) that remembers the entry array it walks: if the
//! map grows meanwhile, each key found in the old array is looked up in
//! the new one, so a deleted entry is never produced and an updated value
//! is produced as it is now, as the spec asks (entries added during the
//! iteration may or may not be produced).

use super::{dyn_type, mem, Vm};
use crate::runtime::heap::LayoutId;
use crate::runtime::panic::Panic;
use crate::types::ty::{Ty, TypeKind};
use smallvec::{smallvec, SmallVec};

/// A key's or value's words, copied out of the frame or an entry (most
/// fit without an allocation).
pub(crate) type Words = SmallVec<[u64; 8]>;

/// Words of a map header.
pub const HEADER_WORDS: usize = 6;
/// Which header words are pointers (the entry array).
pub const HEADER_PTRS: [bool; HEADER_WORDS] = [false, true, false, false, false, false];
/// Words of an iterator: the map, the entry array it walks, that array's
/// capacity, the random start, the entries visited so far.
pub const ITER_WORDS: usize = 5;
pub const ITER_PTRS: [bool; ITER_WORDS] = [true, true, false, false, false];

const COUNT: usize = 0;
const ENTRIES: usize = 1;
const CAP: usize = 2;
const USED: usize = 3;
const SEED: usize = 4;
const LAYOUT: usize = 5;

const EMPTY: u64 = 0;
const DELETED: u64 = 1;
const LIVE: u64 = 1 << 63;
/// The smallest entry array.
const MIN_CAP: u64 = 8;

/// The shape of one map type's entries, as its instructions give it.
#[derive(Clone, Copy)]
pub struct MapShape {
    /// The key's type (for hashing and `==`).
    pub key: Ty,
    /// Words of the key and of the value.
    pub kw: usize,
    pub vw: usize,
}

impl MapShape {
    fn stride(&self) -> usize {
        1 + self.kw + self.vw
    }
}

fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn fold(h: u64, w: u64) -> u64 {
    mix(h ^ w.wrapping_mul(0xFF51_AFD7_ED55_8CCD))
}

fn hash_bytes(h: u64, b: &[u8]) -> u64 {
    let mut h = fold(h, b.len() as u64);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = fold(h, u64::from_le_bytes(c.try_into().expect("8 bytes")));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = fold(h, u64::from_le_bytes(w));
    }
    h
}

impl Vm<'_> {
    /// The shape of the entries of the map type whose descriptor is `ty`.
    pub(crate) fn map_shape(&self, ty: u64) -> MapShape {
        let t = super::desc(ty).ty;
        match self.prog.types.under(t) {
            TypeKind::Map(k, v) => MapShape {
                key: *k,
                kw: self.words_of(*k),
                vw: self.words_of(*v),
            },
            _ => unreachable!("a map instruction's descriptor is a map type's"),
        }
    }

    /// A copy of `n` frame words from slot `s` of the frame at `fp`.
    pub(crate) fn slots(&self, fp: usize, s: u32, n: u32) -> Words {
        let b = fp + s as usize;
        SmallVec::from_slice(&self.stack[b..b + n as usize])
    }

    /// `w` into the frame at `fp` from slot `s` on.
    pub(crate) fn set_slots(&mut self, fp: usize, s: u32, w: &[u64]) {
        let b = fp + s as usize;
        self.stack[b..b + w.len()].copy_from_slice(w);
    }

    /// The next number of the generator behind NaN hashes, iteration
    /// starts and map seeds.
    pub(crate) fn map_rand(&mut self) -> u64 {
        self.map_rng = mix(self.map_rng);
        self.map_rng
    }

    /// `hash(key)` for a key of type `t` in words `w`, from `h`: equal keys
    /// (Go's `==`) hash alike; Go's panic for a dynamic type that has no
    /// `==`.
    fn hash_key(&mut self, t: Ty, w: &[u64], h: u64) -> Result<u64, Panic> {
        // (The program outlives `self`'s borrow: no copy of the type.)
        let prog = self.prog;
        Ok(match prog.types.under(t) {
            TypeKind::Basic(b) if b.is_string() => hash_bytes(h, mem::bytes(w[0], w[1])),
            TypeKind::Basic(b) if b.is_complex() => {
                // (Each part as a float64 key.)
                let h = self.hash_key(crate::types::ty::builtin::FLOAT64, &w[..1], h)?;
                self.hash_key(crate::types::ty::builtin::FLOAT64, &w[1..2], h)?
            }
            TypeKind::Basic(b) if b.is_float() => {
                let f = f64::from_bits(w[0]);
                if f == 0.0 {
                    // (+0 and -0 are equal.)
                    fold(h, 0)
                } else if f.is_nan() {
                    // (NaN equals nothing, itself included: each NaN key
                    // is its own entry, spread at random.)
                    let r = self.map_rand();
                    fold(h, r)
                } else {
                    fold(h, w[0])
                }
            }
            TypeKind::Interface(ms) => {
                if w[0] == 0 {
                    fold(h, 0)
                } else {
                    let d = dyn_type(w[0], ms.is_empty());
                    if !d.comparable {
                        return Err(Panic::Runtime(format!(
                            "hash of unhashable type {}",
                            d.name
                        )));
                    }
                    let h = fold(h, d as *const _ as u64);
                    let v = self.iface_words(d, w[1]);
                    self.hash_key(d.ty, &v, h)?
                }
            }
            TypeKind::Struct(fs) => {
                let mut h = h;
                let mut off = 0;
                for f in fs {
                    let n = self.words_of(f.ty);
                    h = self.hash_key(f.ty, &w[off..off + n], h)?;
                    off += n;
                }
                h
            }
            // (Packed bytes: their words, the padding zero.)
            &TypeKind::Array(e, _) if self.is_byte(e) => w.iter().fold(h, |h, &x| fold(h, x)),
            &TypeKind::Array(e, n) => {
                let ew = self.words_of(e);
                let mut h = h;
                for i in 0..n as usize {
                    h = self.hash_key(e, &w[i * ew..(i + 1) * ew], h)?;
                }
                h
            }
            _ => fold(h, w.first().copied().unwrap_or(0)),
        })
    }

    /// A new map with room for `hint` entries.
    pub(crate) fn map_make(
        &mut self,
        hint: i64,
        header_layout: LayoutId,
        entry_layout: LayoutId,
        s: MapShape,
    ) -> Result<u64, Panic> {
        if hint < 0 {
            return Err(Panic::Runtime("makemap: size out of range".into()));
        }
        let mut cap = MIN_CAP;
        while (cap * 3 / 4) < hint as u64 {
            cap = cap
                .checked_mul(2)
                .ok_or_else(|| Panic::Runtime("makemap: size out of range".into()))?;
        }
        let m = self.heap.alloc(HEADER_WORDS, header_layout)?;
        let entries = self.heap.alloc(cap as usize * s.stride(), entry_layout)?;
        let seed = self.map_rand();
        mem::store_n(m, 0, &[0, entries, cap, 0, seed, entry_layout as u64]);
        Ok(m)
    }

    /// The entry (word offset in the entry array) holding `key`, if any.
    fn map_find(&mut self, m: u64, key: &[u64], s: MapShape) -> Result<Option<usize>, Panic> {
        let h = self.hash_key(s.key, key, mem::load(m, SEED))? | LIVE;
        let (entries, cap) = (mem::load(m, ENTRIES), mem::load(m, CAP));
        let stride = s.stride();
        let mut i = h & (cap - 1);
        for _ in 0..cap {
            let at = i as usize * stride;
            let tag = mem::load(entries, at);
            if tag == EMPTY {
                return Ok(None);
            }
            if tag == h {
                let mut k: Words = smallvec![0; s.kw];
                mem::load_n(entries, at + 1, &mut k);
                if self.value_eq(s.key, &k, key)? {
                    return Ok(Some(at));
                }
            }
            i = (i + 1) & (cap - 1);
        }
        Ok(None)
    }

    /// `v, ok := m[key]`: the value's words in `out` (zero when absent).
    pub(crate) fn map_index(
        &mut self,
        m: u64,
        key: &[u64],
        s: MapShape,
        out: &mut [u64],
    ) -> Result<bool, Panic> {
        if m == 0 || mem::load(m, COUNT) == 0 {
            // (A missing key is still hashed: an unhashable one panics.)
            self.hash_key(s.key, key, 0)?;
            out.fill(0);
            return Ok(false);
        }
        match self.map_find(m, key, s)? {
            Some(at) => {
                mem::load_n(mem::load(m, ENTRIES), at + 1 + s.kw, out);
                Ok(true)
            }
            None => {
                out.fill(0);
                Ok(false)
            }
        }
    }

    /// `m[key] = v`.
    pub(crate) fn map_assign(
        &mut self,
        m: u64,
        key: &[u64],
        v: &[u64],
        s: MapShape,
    ) -> Result<(), Panic> {
        if m == 0 {
            // (Go hashes the key first: an unhashable key panics as such.)
            self.hash_key(s.key, key, 0)?;
            return Err(Panic::Plain("assignment to entry in nil map".into()));
        }
        if let Some(at) = self.map_find(m, key, s)? {
            // (The key is stored again too, as Go's mapassign does: an
            // equal key may differ, as -0 does from +0.)
            let entries = mem::load(m, ENTRIES);
            mem::store_n(entries, at + 1, key);
            mem::store_n(entries, at + 1 + s.kw, v);
            return Ok(());
        }
        let (count, cap, used) = (mem::load(m, COUNT), mem::load(m, CAP), mem::load(m, USED));
        if (used + 1) * 4 > cap * 3 {
            // Twice the entries when live ones fill half; else the same
            // size without the tombstones.
            let new_cap = if (count + 1) * 2 > cap { cap * 2 } else { cap };
            self.map_rebuild(m, new_cap, s)?;
        }
        let h = self.hash_key(s.key, key, mem::load(m, SEED))? | LIVE;
        let (entries, cap) = (mem::load(m, ENTRIES), mem::load(m, CAP));
        let stride = s.stride();
        let mut i = h & (cap - 1);
        loop {
            let at = i as usize * stride;
            let tag = mem::load(entries, at);
            if tag == EMPTY || tag == DELETED {
                mem::store(entries, at, h);
                mem::store_n(entries, at + 1, key);
                mem::store_n(entries, at + 1 + s.kw, v);
                mem::store(m, COUNT, mem::load(m, COUNT) + 1);
                if tag == EMPTY {
                    mem::store(m, USED, mem::load(m, USED) + 1);
                }
                return Ok(());
            }
            i = (i + 1) & (cap - 1);
        }
    }

    /// Moves every live entry of `m` into a new array of `cap` entries.
    fn map_rebuild(&mut self, m: u64, cap: u64, s: MapShape) -> Result<(), Panic> {
        let stride = s.stride();
        let layout = mem::load(m, LAYOUT) as LayoutId;
        let fresh = self.heap.alloc(cap as usize * stride, layout)?;
        let (old, old_cap) = (mem::load(m, ENTRIES), mem::load(m, CAP));
        let mut e = vec![0; stride];
        for j in 0..old_cap as usize {
            let tag = mem::load(old, j * stride);
            if tag & LIVE == 0 {
                continue;
            }
            mem::load_n(old, j * stride, &mut e);
            let mut i = tag & (cap - 1);
            while mem::load(fresh, i as usize * stride) != EMPTY {
                i = (i + 1) & (cap - 1);
            }
            mem::store_n(fresh, i as usize * stride, &e);
        }
        let count = mem::load(m, COUNT);
        mem::store_n(m, ENTRIES, &[fresh, cap, count]);
        Ok(())
    }

    /// `delete(m, key)`.
    pub(crate) fn map_delete(&mut self, m: u64, key: &[u64], s: MapShape) -> Result<(), Panic> {
        if m == 0 || mem::load(m, COUNT) == 0 {
            self.hash_key(s.key, key, 0)?;
            return Ok(());
        }
        if let Some(at) = self.map_find(m, key, s)? {
            let entries = mem::load(m, ENTRIES);
            for j in 1..s.stride() {
                mem::store(entries, at + j, 0);
            }
            mem::store(entries, at, DELETED);
            mem::store(m, COUNT, mem::load(m, COUNT) - 1);
        }
        Ok(())
    }

    /// `clear(m)`: every entry deleted (the array stays).
    pub(crate) fn map_clear(&mut self, m: u64, s: MapShape) {
        if m == 0 {
            return;
        }
        let (entries, cap) = (mem::load(m, ENTRIES), mem::load(m, CAP));
        let zero = vec![0; cap as usize * s.stride()];
        mem::store_n(entries, 0, &zero);
        mem::store(m, COUNT, 0);
        mem::store(m, USED, 0);
        // (A new seed, as Go's clear gives: no iteration order survives.)
        let seed = self.map_rand();
        mem::store(m, SEED, seed);
    }

    /// `len(m)`.
    pub(crate) fn map_len(m: u64) -> u64 {
        if m == 0 {
            0
        } else {
            mem::load(m, COUNT)
        }
    }

    /// A new iterator over `m` (nil: one that ends at once).
    pub(crate) fn map_iter(&mut self, m: u64, layout: LayoutId) -> Result<u64, Panic> {
        let it = self.heap.alloc(ITER_WORDS, layout)?;
        if m != 0 {
            let (entries, cap) = (mem::load(m, ENTRIES), mem::load(m, CAP));
            let start = self.map_rand() & (cap - 1);
            mem::store_n(it, 0, &[m, entries, cap, start, 0]);
        }
        Ok(it)
    }

    /// The next entry of iterator `it`: its key's and value's words in
    /// `k` and `v`; false when the iteration is over.
    pub(crate) fn map_next(
        &mut self,
        it: u64,
        s: MapShape,
        k: &mut [u64],
        v: &mut [u64],
    ) -> Result<bool, Panic> {
        let m = mem::load(it, 0);
        if m == 0 {
            return Ok(false);
        }
        let (entries, cap, start) = (mem::load(it, 1), mem::load(it, 2), mem::load(it, 3));
        let stride = s.stride();
        loop {
            let n = mem::load(it, 4);
            if n >= cap {
                return Ok(false);
            }
            mem::store(it, 4, n + 1);
            let at = ((start + n) & (cap - 1)) as usize * stride;
            if mem::load(entries, at) & LIVE == 0 {
                continue;
            }
            mem::load_n(entries, at + 1, k);
            if mem::load(m, ENTRIES) == entries {
                // (The array the map still uses: a deleted entry is a
                // tombstone here already, an updated value is here.)
                mem::load_n(entries, at + 1 + s.kw, v);
                return Ok(true);
            }
            // The map grew: the entry counts only if its key is still
            // there, with the value it has now.
            let key = Words::from_slice(k);
            if self.map_index(m, &key, s, v)? {
                return Ok(true);
            }
        }
    }

    /// Every entry of map `m` as (key words, value words), in no order.
    pub(crate) fn map_entries(&mut self, m: u64, s: MapShape) -> Vec<(Vec<u64>, Vec<u64>)> {
        let mut out = Vec::new();
        if m == 0 {
            return out;
        }
        let (entries, cap) = (mem::load(m, ENTRIES), mem::load(m, CAP));
        let stride = s.stride();
        for j in 0..cap as usize {
            if mem::load(entries, j * stride) & LIVE == 0 {
                continue;
            }
            let mut k = vec![0; s.kw];
            let mut v = vec![0; s.vw];
            mem::load_n(entries, j * stride + 1, &mut k);
            mem::load_n(entries, j * stride + 1 + s.kw, &mut v);
            out.push((k, v));
        }
        out
    }
}
