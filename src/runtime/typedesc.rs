//! Type descriptors and itabs with Go's layout, and the global itab cache.
//!
//! `TypeDesc` and `Itab` are `#[repr(C)]` with the fixed offsets that
//! compiled code reads (`itab.type` at +8, `itab.fun` at +24, as in Go).
//! Both live for the whole process: descriptors are leaked when a program
//! is loaded, itabs when they are first built, so raw pointers to them stay
//! valid wherever they are copied (interface words, bytecode immediates).

use std::alloc::Layout;
use std::collections::HashMap;
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
    String,
    Pointer,
    Slice,
    Array,
    Struct,
    Func,
    Interface,
    Map,
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

type Key = (usize, usize);
type Table = HashMap<Key, usize>;

/// The global itab cache: a copy-on-write table, so readers take no lock;
/// writers serialize on a parking_lot mutex and publish a new table.
/// Negative answers are cached as 0.
struct ItabCache {
    current: AtomicPtr<Table>,
    writers: Mutex<Vec<Box<Table>>>,
}

static CACHE: ItabCache = ItabCache {
    current: AtomicPtr::new(std::ptr::null_mut()),
    writers: Mutex::new(Vec::new()),
};

/// The itab for (interface, concrete type), built on first use; `None` if
/// the type does not implement the interface.
pub fn itab(inter: &'static TypeDesc, typ: &'static TypeDesc) -> Option<&'static Itab> {
    let key = (inter as *const _ as usize, typ as *const _ as usize);
    let cur = CACHE.current.load(Ordering::Acquire);
    if !cur.is_null() {
        // SAFETY: published tables are never freed (kept in `writers`).
        if let Some(&p) = unsafe { &*cur }.get(&key) {
            // SAFETY: non-zero entries are leaked itabs.
            return if p == 0 {
                None
            } else {
                Some(unsafe { &*(p as *const Itab) })
            };
        }
    }
    let mut old = CACHE.writers.lock();
    let cur = CACHE.current.load(Ordering::Acquire);
    let mut table: Table = if cur.is_null() {
        HashMap::new()
    } else {
        unsafe { &*cur }.clone()
    };
    if let Some(&p) = table.get(&key) {
        // SAFETY: as above.
        return if p == 0 {
            None
        } else {
            Some(unsafe { &*(p as *const Itab) })
        };
    }
    let it = build_itab(inter, typ);
    table.insert(key, it.map(|i| i as *const Itab as usize).unwrap_or(0));
    let mut boxed = Box::new(table);
    let ptr: *mut Table = &mut *boxed;
    old.push(boxed);
    CACHE.current.store(ptr, Ordering::Release);
    it
}
