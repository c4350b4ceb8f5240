//! Type descriptors and itabs with Go's layout, and the global itab cache.
//!
//! `TypeDesc` and `Itab` are `#[repr(C)]` with the fixed offsets that
//! compiled code reads (`itab.type` at +8, `itab.fun` at +24, as in Go).
//! Both live for the whole process: descriptors are leaked when a program
//! is loaded, itabs when they are first built, so raw pointers to them stay
//! valid wherever they are copied (interface words, bytecode immediates).

use std::alloc::Layout;
use std::mem::offset_of;
use std::sync::atomic::{AtomicPtr, Ordering};

use parking_lot::Mutex;

use crate::types::Ty;
use pgojit_profiler::FuncId;

/// What kind of Go type a descriptor describes (Go's `reflect.Kind`, abridged).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Kind {
    Bool,
    Int,
    Uint,
    Float,
    /// Two float64 words (a complex64's parts rounded to float32).
    Complex,
    String,
    Pointer,
    Slice,
    Array,
    Struct,
    Func,
    Interface,
    Map,
    Chan,
}

/// A method as it appears in a type's method set, with the function that
/// implements it when called through an interface (receiver = the data word).
#[derive(Clone, Debug)]
pub struct MethodEntry {
    pub name: String,
    pub sig: Ty,
    pub entry: FuncId,
}

/// The runtime's view of one type.
#[repr(C)]
pub struct TypeDesc {
    /// Size of a value in bytes (a whole number of 8-byte words).
    pub size: u64,
    pub hash: u32,
    pub kind: Kind,
    /// Pointer-shaped: stored directly in an interface's data word.
    pub direct: bool,
    pub comparable: bool,
    _pad: u8,
    /// The checker's type (index into the program's type table).
    pub ty: Ty,
    /// As `%T` prints it: `main.Circle`, `*main.Square`, `[]int`.
    pub name: String,
    /// The method set, sorted by name (interfaces: their methods, entry unused).
    pub methods: Vec<MethodEntry>,
    /// The collector's layout of a boxed value of this type.
    pub layout: u32,
}

const _: () = assert!(offset_of!(TypeDesc, size) == 0);
const _: () = assert!(offset_of!(TypeDesc, hash) == 8);

impl TypeDesc {
    pub fn new(
        ty: Ty,
        name: String,
        words: usize,
        kind: Kind,
        direct: bool,
        comparable: bool,
        methods: Vec<MethodEntry>,
    ) -> TypeDesc {
        TypeDesc {
            size: (words * 8) as u64,
            hash: fnv(name.as_bytes()),
            kind,
            direct,
            comparable,
            _pad: 0,
            ty,
            name,
            methods,
            layout: 0,
        }
    }

    pub fn words(&self) -> usize {
        (self.size / 8) as usize
    }
}

/// Go's itab: `{inter, type, hash, fun[]}`; `fun[i]` implements the i-th
/// method of `inter` (sorted by name) for `type`, as a `FuncId`.
#[repr(C)]
pub struct Itab {
    pub inter: *const TypeDesc,
    pub typ: *const TypeDesc,
    pub hash: u32,
    /// The concrete type's id (`typ.ty`), kept here so the receiver-type
    /// profile needs one load from the itab.
    pub type_id: u32,
    fun: [u64; 0],
}

pub const ITAB_INTER: usize = 0;
pub const ITAB_TYPE: usize = 8;
pub const ITAB_FUN: usize = 24;
const _: () = assert!(offset_of!(Itab, inter) == ITAB_INTER);
const _: () = assert!(offset_of!(Itab, typ) == ITAB_TYPE);
const _: () = assert!(offset_of!(Itab, fun) == ITAB_FUN);

impl Itab {
    /// The function implementing method `i` of the interface.
    #[inline]
    pub fn fun(&self, i: usize) -> FuncId {
        // SAFETY: itabs are only made by `build_itab`, which allocates one
        // `fun` word per interface method; callers index with a method index
        // of `inter`, checked by the type checker.
        let w = unsafe { *self.fun.as_ptr().add(i) };
        FuncId(w as u32)
    }

    pub fn typ(&self) -> &TypeDesc {
        // SAFETY: `typ` points to a leaked, never-freed descriptor.
        unsafe { &*self.typ }
    }

    pub fn inter(&self) -> &TypeDesc {
        // SAFETY: as above.
        unsafe { &*self.inter }
    }
}

fn fnv(b: &[u8]) -> u32 {
    let mut h: u32 = 0x811c9dc5;
    for &x in b {
        h ^= x as u32;
        h = h.wrapping_mul(0x01000193);
    }
    h
}

/// Why a type does not implement an interface.
pub fn missing_method(inter: &TypeDesc, typ: &TypeDesc) -> Option<String> {
    for m in &inter.methods {
        match typ.methods.iter().find(|x| x.name == m.name) {
            Some(x) if x.sig == m.sig => {}
            _ => return Some(m.name.clone()),
        }
    }
    None
}

fn build_itab(inter: &'static TypeDesc, typ: &'static TypeDesc) -> Option<&'static Itab> {
    let n = inter.methods.len();
    let mut funs = Vec::with_capacity(n);
    for m in &inter.methods {
        let x = typ
            .methods
            .iter()
            .find(|x| x.name == m.name && x.sig == m.sig)?;
        funs.push(x.entry.0 as u64);
    }
    let layout = Layout::from_size_align(ITAB_FUN + 8 * n.max(1), 8).expect("itab layout");
    // SAFETY: the layout has a non-zero size; the memory is initialized
    // field by field below before a reference to it is made, and leaked on purpose.
    unsafe {
        let p = std::alloc::alloc_zeroed(layout) as *mut Itab;
        if p.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        (*p).inter = inter;
        (*p).typ = typ;
        (*p).hash = typ.hash;
        (*p).type_id = typ.ty.0;
        let fun = (p as *mut u8).add(ITAB_FUN) as *mut u64;
        for (i, f) in funs.into_iter().enumerate() {
            *fun.add(i) = f;
        }
        Some(&*p)
    }
}

/// One cached answer: the itab of (interface, type), or 0 when the type
/// does not implement the interface (negative answers are cached too).
#[derive(Debug)]
struct Entry {
    inter: usize,
    typ: usize,
    itab: usize,
}

/// An open-addressing table of leaked entries. Readers probe it without a
/// lock; writers (serialized by the cache's mutex) fill empty slots with an
/// atomic store, so a reader sees either nothing or a whole entry.
struct Table {
    slots: Box<[AtomicPtr<Entry>]>,
    /// Entries stored (changed only under the mutex).
    used: std::sync::atomic::AtomicUsize,
}

impl Table {
    fn new(size: usize) -> Table {
        Table {
            slots: (0..size)
                .map(|_| AtomicPtr::new(std::ptr::null_mut()))
                .collect(),
            used: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// The entry for the key, or the empty slot where it would go.
    fn probe(&self, inter: usize, typ: usize) -> Result<&'static Entry, usize> {
        let mask = self.slots.len() - 1;
        let mut i = (inter.wrapping_mul(31) ^ typ).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 7 & mask;
        loop {
            let p = self.slots[i].load(Ordering::Acquire);
            if p.is_null() {
                return Err(i);
            }
            // SAFETY: non-null slots hold leaked entries, published whole.
            let e: &'static Entry = unsafe { &*p };
            if e.inter == inter && e.typ == typ {
                return Ok(e);
            }
            i = (i + 1) & mask;
        }
    }
}

/// The global itab cache, shaped like Go's `itabTable`: lookups take no
/// lock; a writer takes the mutex, and when the table is 3/4 full it
/// publishes one twice as large. Replaced tables stay allocated (a reader
/// may still be probing one), which costs at most as much again as the
/// current table: memory stays linear in the number of pairs.
struct ItabCache {
    current: AtomicPtr<Table>,
    // Boxed: `current` and readers point into these tables.
    #[allow(clippy::vec_box)]
    writers: Mutex<Vec<Box<Table>>>,
}

static CACHE: ItabCache = ItabCache {
    current: AtomicPtr::new(std::ptr::null_mut()),
    writers: Mutex::new(Vec::new()),
};

fn answer(e: &Entry) -> Option<&'static Itab> {
    // SAFETY: non-zero answers are leaked itabs.
    (e.itab != 0).then(|| unsafe { &*(e.itab as *const Itab) })
}

/// The itab for (interface, concrete type), built on first use; `None` if
/// the type does not implement the interface.
pub fn itab(inter: &'static TypeDesc, typ: &'static TypeDesc) -> Option<&'static Itab> {
    let (ik, tk) = (inter as *const _ as usize, typ as *const _ as usize);
    let cur = CACHE.current.load(Ordering::Acquire);
    if !cur.is_null() {
        // SAFETY: published tables are never freed (kept in `writers`).
        if let Ok(e) = unsafe { &*cur }.probe(ik, tk) {
            return answer(e);
        }
    }
    let mut tables = CACHE.writers.lock();
    let mut cur = CACHE.current.load(Ordering::Acquire);
    if !cur.is_null() {
        // SAFETY: as above.
        if let Ok(e) = unsafe { &*cur }.probe(ik, tk) {
            return answer(e);
        }
    }
    // SAFETY: as above.
    let full = cur.is_null() || {
        let t = unsafe { &*cur };
        4 * (t.used.load(Ordering::Relaxed) + 1) > 3 * t.slots.len()
    };
    if full {
        let size = if cur.is_null() {
            64
        } else {
            // SAFETY: as above.
            2 * unsafe { &*cur }.slots.len()
        };
        let mut bigger = Box::new(Table::new(size));
        if !cur.is_null() {
            // SAFETY: as above; writers are serialized, so nothing is added meanwhile.
            let old = unsafe { &*cur };
            for slot in old.slots.iter() {
                let p = slot.load(Ordering::Acquire);
                if !p.is_null() {
                    // SAFETY: a leaked entry.
                    let e = unsafe { &*p };
                    if let Err(i) = bigger.probe(e.inter, e.typ) {
                        bigger.slots[i].store(p, Ordering::Relaxed);
                    }
                }
            }
            bigger.used = std::sync::atomic::AtomicUsize::new(old.used.load(Ordering::Relaxed));
        }
        cur = &mut *bigger;
        tables.push(bigger);
        CACHE.current.store(cur, Ordering::Release);
    }
    // SAFETY: `cur` is the published table, kept alive in `tables`.
    let t = unsafe { &*cur };
    let it = build_itab(inter, typ);
    let entry = Box::leak(Box::new(Entry {
        inter: ik,
        typ: tk,
        itab: it.map_or(0, |i| i as *const Itab as usize),
    }));
    let slot = t.probe(ik, tk).expect_err("a new key");
    t.slots[slot].store(entry, Ordering::Release);
    t.used.fetch_add(1, Ordering::Relaxed);
    it
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leak(name: String, kind: Kind, methods: &[(&str, FuncId)]) -> &'static TypeDesc {
        let methods = methods
            .iter()
            .map(|&(n, entry)| MethodEntry {
                name: n.into(),
                sig: Ty(0),
                entry,
            })
            .collect();
        Box::leak(Box::new(TypeDesc::new(
            Ty(0),
            name,
            1,
            kind,
            true,
            true,
            methods,
        )))
    }

    /// Thousands of pairs (the cache grows many times), looked up from
    /// four threads at once: every answer is right and stable, and the
    /// same itab comes back for the same pair.
    #[test]
    fn itab_cache_grows_and_answers_from_many_threads() {
        let inter = leak("main.I".into(), Kind::Interface, &[("M", FuncId(0))]);
        let other = leak("main.J".into(), Kind::Interface, &[("N", FuncId(0))]);
        let types: Vec<&'static TypeDesc> = (0..3000)
            .map(|i| leak(format!("main.T{i}"), Kind::Struct, &[("M", FuncId(i))]))
            .collect();
        let first: Vec<usize> = std::thread::scope(|s| {
            let hs: Vec<_> = (0..4)
                .map(|k| {
                    let types = &types;
                    s.spawn(move || {
                        let mut seen = vec![0usize; types.len()];
                        for step in 0..types.len() {
                            let i = (step * 7 + k * 13) % types.len();
                            let it = itab(inter, types[i]).expect("implements I");
                            assert_eq!(it.typ as usize, types[i] as *const _ as usize);
                            assert_eq!(it.fun(0), FuncId(i as u32));
                            assert!(itab(other, types[i]).is_none(), "no method N");
                            seen[i] = it as *const Itab as usize;
                        }
                        seen
                    })
                })
                .collect();
            let all: Vec<Vec<usize>> = hs.into_iter().map(|h| h.join().unwrap()).collect();
            for v in &all[1..] {
                assert_eq!(v, &all[0], "one itab per pair");
            }
            all[0].clone()
        });
        for (i, t) in types.iter().enumerate() {
            assert_eq!(itab(inter, t).unwrap() as *const Itab as usize, first[i]);
        }
    }
}
