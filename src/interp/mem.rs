//! Raw access to Go memory: the one place the interpreter dereferences
//! addresses held in slots.
//!
//! Invariant (established by lowering and the runtime): every non-nil
//! address in a pointer-typed slot, a slice's data word or an interface's
//! data word points into a live, 8-byte-aligned allocation made by
//! [`crate::runtime::heap::Heap`] (objects are not freed before issue 3's
//! collector, which will only free unreachable ones), and the offsets
//! lowering emits stay inside the object's type. Nil is checked by the
//! callers before these functions are used.

#[inline]
pub fn load(addr: u64, word: usize) -> u64 {
    // SAFETY: see the module invariant; `addr` is non-nil and `word` is inside the object.
    unsafe { *(addr as *const u64).add(word) }
}

#[inline]
pub fn store(addr: u64, word: usize, v: u64) {
    // SAFETY: as for `load`.
    unsafe { *(addr as *mut u64).add(word) = v }
}

#[inline]
pub fn load_n(addr: u64, word: usize, dst: &mut [u64]) {
    // SAFETY: as for `load`; `dst` is a frame range distinct from the heap object.
    unsafe {
        std::ptr::copy_nonoverlapping((addr as *const u64).add(word), dst.as_mut_ptr(), dst.len())
    }
}

#[inline]
pub fn store_n(addr: u64, word: usize, src: &[u64]) {
    // SAFETY: as for `load`; `src` is a frame range distinct from the heap object.
    unsafe { std::ptr::copy_nonoverlapping(src.as_ptr(), (addr as *mut u64).add(word), src.len()) }
}

/// Copies `n` words between heap objects (they may overlap, as in `copy(s, s[1:])`).
#[inline]
pub fn copy_words(dst: u64, src: u64, n: usize) {
    if n == 0 {
        return;
    }
    // SAFETY: both ranges lie inside live objects (module invariant).
    unsafe { std::ptr::copy(src as *const u64, dst as *mut u64, n) }
}

/// The bytes of a string value.
#[inline]
pub fn bytes<'a>(ptr: u64, len: u64) -> &'a [u8] {
    // SAFETY: strings are immutable and their data lives as long as the program.
    unsafe { crate::runtime::heap::str_bytes(ptr, len) }
}

/// The byte at `addr + i` (a `[]byte`'s element, packed; or a byte in a
/// word of its own, its low byte).
#[inline]
pub fn load_byte(addr: u64, i: u64) -> u64 {
    // SAFETY: see the module invariant (for bytes: `addr + i` is inside the
    // object).
    unsafe { *(addr as *const u8).add(i as usize) as u64 }
}

/// Writes the byte at `addr + i`, and only it.
#[inline]
pub fn store_byte(addr: u64, i: u64, v: u64) {
    // SAFETY: as for `load_byte`.
    unsafe { *(addr as *mut u8).add(i as usize) = v as u8 }
}

/// The bytes of a `[]byte`'s elements (`len` bytes at `ptr`).
#[inline]
pub fn byte_slice<'a>(ptr: u64, len: u64) -> &'a [u8] {
    if len == 0 {
        return &[];
    }
    // SAFETY: a live slice's elements (module invariant); the caller reads
    // them before anything can write them.
    unsafe { std::slice::from_raw_parts(ptr as *const u8, len as usize) }
}

/// Writes `b` at `ptr` (a `[]byte`'s elements).
#[inline]
pub fn store_bytes(ptr: u64, b: &[u8]) {
    // SAFETY: the slice's elements hold at least `b.len()` bytes (module
    // invariant); `b` is not heap memory.
    unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), ptr as *mut u8, b.len()) }
}

/// Zeroes `n` bytes at `ptr` (a slice's elements).
#[inline]
pub fn zero_bytes(ptr: u64, n: u64) {
    if n == 0 {
        return;
    }
    // SAFETY: inside a live object (module invariant).
    unsafe { std::ptr::write_bytes(ptr as *mut u8, 0, n as usize) }
}

/// Copies `n` bytes between heap objects (they may overlap).
#[inline]
pub fn copy_bytes(dst: u64, src: u64, n: u64) {
    if n == 0 {
        return;
    }
    // SAFETY: both ranges lie inside live objects (module invariant).
    unsafe { std::ptr::copy(src as *const u8, dst as *mut u8, n as usize) }
}

/// Copies `n` elements of `stride` (see [`crate::bytecode::op::PACKED`])
/// between heap objects, from element `from` of `src` to element `to` of
/// `dst` (they may overlap).
#[inline]
pub fn copy_elems(dst: u64, to: u64, src: u64, from: u64, n: u64, stride: u32) {
    let eb = crate::bytecode::op::elem_bytes(stride);
    copy_bytes(dst + to * eb, src + from * eb, n * eb);
}

/// A VM stack: `n` zeroed slots of anonymous memory, reserved at once and
/// touched only as frames use them (`malloc` would zero a stack below its
/// mmap threshold eagerly: a goroutine each).
#[derive(Default)]
pub(crate) struct VmStack {
    map: Option<memmap2::MmapMut>,
}

impl VmStack {
    /// `main`'s stack: reserving it cannot fail short of a broken system.
    pub(crate) fn new(slots: usize) -> VmStack {
        Self::try_new(slots).expect("reserve the VM stack")
    }

    /// A goroutine's stack (its reservation may fail: address space or
    /// the kernel's count of mappings).
    pub(crate) fn try_new(slots: usize) -> std::io::Result<VmStack> {
        let map = memmap2::MmapMut::map_anon(slots * 8)?;
        Ok(VmStack { map: Some(map) })
    }
}

impl std::ops::Deref for VmStack {
    type Target = [u64];
    fn deref(&self) -> &[u64] {
        match &self.map {
            // SAFETY: the mapping is page-aligned, a whole number of words
            // long, and lives as long as `self`.
            Some(m) => unsafe { std::slice::from_raw_parts(m.as_ptr().cast(), m.len() / 8) },
            None => &[],
        }
    }
}

impl std::ops::DerefMut for VmStack {
    fn deref_mut(&mut self) -> &mut [u64] {
        match &mut self.map {
            // SAFETY: as in `deref`, borrowed mutably through `self`.
            Some(m) => unsafe {
                std::slice::from_raw_parts_mut(m.as_mut_ptr().cast(), m.len() / 8)
            },
            None => &mut [],
        }
    }
}
