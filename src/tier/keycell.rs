//! Guard key cells: the word a guard compares the receiver's itab (or a
//! closure's function id) with, kept in memory rather than in the code so
//! that retiring a code version (see `Jit::disable_guards`) and the stress modes
//! can make its guards miss by storing to it, without touching the code.
//!
//! The cells come from pages mapped below 2 GB (`MAP_32BIT`), so that a
//! guard reads its cell with an absolute 32-bit address, `cmp [cell], reg`:
//! one instruction where a cell anywhere else needs its 64-bit address
//! moved into a register first (`mov rcx, cell; cmp [rcx], reg`), on the
//! hot path of every guarded call. Where the system has no room there, a
//! cell is an ordinary heap word and the guard takes the two instructions
//! ([`KeyCell::low`] says which). A dropped cell goes back to a free list
//! for the next code version's guards.

use parking_lot::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Cells mapped at a time (one 64 KB mapping).
const CELLS_PER_MAP: usize = 8192;

/// Free cells: addresses of `AtomicU64`s that live for the whole run (the
/// low mappings are never unmapped; heap cells are leaked boxes).
static FREE: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// One guard's key word.
pub struct KeyCell(&'static AtomicU64);

impl KeyCell {
    /// A cell holding `key`.
    pub fn new(key: u64) -> KeyCell {
        let addr = {
            let mut free = FREE.lock();
            if free.is_empty() {
                refill(&mut free);
            }
            free.pop().expect("refill adds cells")
        };
        // SAFETY: every address on the free list is an aligned word that
        // lives for the whole run and that no other `KeyCell` holds.
        let cell = unsafe { &*(addr as *const AtomicU64) };
        cell.store(key, Ordering::Release);
        KeyCell(cell)
    }

    /// The cell's address, which compiled code reads.
    pub fn addr(&self) -> u64 {
        self.0 as *const AtomicU64 as u64
    }

    /// Whether the cell is below 2 GB: compiled code may address it with
    /// an absolute 32-bit displacement ([`low_address`]).
    pub fn low(&self) -> bool {
        low_address(self.addr())
    }

    pub fn store(&self, key: u64, order: Ordering) {
        self.0.store(key, order)
    }

    pub fn load(&self, order: Ordering) -> u64 {
        self.0.load(order)
    }
}

/// Whether `addr` can be an absolute 32-bit memory operand (sign-extended:
/// below 2 GB).
pub fn low_address(addr: u64) -> bool {
    addr < 1 << 31
}

impl Drop for KeyCell {
    fn drop(&mut self) {
        FREE.lock().push(self.addr() as usize);
    }
}

/// Adds cells to the free list: a mapping below 2 GB, or one heap cell
/// when the system gives none there.
fn refill(free: &mut Vec<usize>) {
    // (Only read as the atomics handed out above; never unmapped.)
    if let Some(p) = map_low(CELLS_PER_MAP * 8) {
        let base = p as usize;
        // Handed out from the lowest address up (the list pops its end).
        free.extend((0..CELLS_PER_MAP).rev().map(|i| base + 8 * i));
        return;
    }
    free.push(Box::leak(Box::new(AtomicU64::new(0))) as *const AtomicU64 as usize);
}

/// A zeroed anonymous mapping of `bytes` bytes wholly below 2 GB
/// (`MAP_32BIT`), if the system has room there. The caller owns it.
pub(crate) fn map_low(bytes: usize) -> Option<*mut libc::c_void> {
    // SAFETY: an anonymous private mapping with no address hint.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            bytes,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_32BIT,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        return None;
    }
    if low_address(p as u64 + bytes as u64 - 1) {
        return Some(p);
    }
    // SAFETY: the mapping just made, of `bytes` bytes, unused.
    unsafe { libc::munmap(p, bytes) };
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_hold_their_keys_lie_low_and_are_reused() {
        let a = KeyCell::new(7);
        let b = KeyCell::new(u64::MAX);
        assert_ne!(a.addr(), b.addr());
        assert_eq!(a.load(Ordering::Acquire), 7);
        assert_eq!(b.load(Ordering::Acquire), u64::MAX);
        // SAFETY: the cell's own word, as compiled code reads it.
        assert_eq!(unsafe { *(a.addr() as *const u64) }, 7);
        a.store(9, Ordering::Release);
        assert_eq!(a.load(Ordering::Acquire), 9);
        assert!(a.low(), "Linux x86-64 maps MAP_32BIT pages below 2 GB");
        let at = b.addr();
        drop(b);
        // (Other tests' compilers take cells too: the one dropped is on
        // the list, or already someone else's.)
        let c = KeyCell::new(3);
        assert_eq!(c.load(Ordering::Acquire), 3);
        assert!(c.addr() == at || !FREE.lock().is_empty() || c.low());
    }
}
