//! Heap allocation of Go objects (structs behind pointers, boxed interface
//! values, slice backing arrays, closures, cells of captured variables,
//! string bytes).
//!
//! For now objects are never freed: the collector (a precise, non-moving
//! mark-sweep over the VM stack, globals and heap) arrives with issue 3.
//! The interfaces here are the ones it will keep: every allocation goes
//! through `Heap`, and every object is at least 8-byte aligned and zeroed.

use std::alloc::Layout;

/// Allocation statistics, for `--stats`.
#[derive(Default, Debug, Clone, Copy)]
pub struct HeapStats {
    pub objects: u64,
    pub bytes: u64,
}

#[derive(Default)]
pub struct Heap {
    pub stats: HeapStats,
}

/// The address handed out for zero-sized objects (never dereferenced, never nil).
pub const ZERO_SIZED: u64 = 8;

impl Heap {
    pub fn new() -> Heap {
        Heap::default()
    }

    /// A zeroed object of `words` 64-bit words; returns its address.
    pub fn alloc_words(&mut self, words: usize) -> u64 {
        self.alloc_bytes(words * 8)
    }

    /// A zeroed byte buffer (string data); returns its address.
    pub fn alloc_bytes(&mut self, bytes: usize) -> u64 {
        if bytes == 0 {
            return ZERO_SIZED;
        }
        self.stats.objects += 1;
        self.stats.bytes += bytes as u64;
        let layout = Layout::from_size_align(bytes.next_multiple_of(8), 8).expect("object layout");
        // SAFETY: the layout has non-zero size; the block is leaked until the
        // collector exists (issue 3).
        let p = unsafe { std::alloc::alloc_zeroed(layout) };
        if p.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        p as u64
    }

    /// A new string holding `bytes`: returns (pointer, length).
    pub fn new_string(&mut self, bytes: &[u8]) -> (u64, u64) {
        let p = self.alloc_bytes(bytes.len());
        if !bytes.is_empty() {
            // SAFETY: `p` was just allocated with room for `bytes.len()` bytes.
            unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), p as *mut u8, bytes.len()) };
        }
        (p, bytes.len() as u64)
    }
}

/// Views string data as bytes.
///
/// # Safety
/// `(ptr, len)` must be a string value made by this runtime (or a constant
/// from the program's pool): strings are immutable and never freed while reachable.
#[inline]
pub unsafe fn str_bytes<'a>(ptr: u64, len: u64) -> &'a [u8] {
    if len == 0 {
        return &[];
    }
    std::slice::from_raw_parts(ptr as *const u8, len as usize)
}
