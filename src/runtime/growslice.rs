//! The capacity `append` gives a grown slice, as Go's runtime computes
//! it (`growslice`): the next capacity (double, or 1.25x plus a bit past
//! 256 elements, or the needed length when that is more), then the
//! array's bytes rounded up to the allocator's size class, so that
//! `cap(s)` after an append is what Go prints. Go sizes the array by its
//! own element sizes (a `[]byte` element is one byte) and gives arrays
//! that hold pointers an 8-byte header past 512 bytes; pgojit's own
//! arrays (a word per element) then get exactly that capacity.
//!
//! (Go's compiler may also give `append` a 32-byte stack buffer of its
//! own for a slice that does not escape; this follows the runtime only.)

use super::heap::SIZE_CLASSES as CLASSES;

const MAX_SMALL: u64 = 32768;
const PAGE: u64 = 8192;
/// The header of an object with pointers past [`HEADERLESS`] bytes.
const HEADER: u64 = 8;
const HEADERLESS: u64 = 512;

/// An element as `growslice` sees it: its size in Go bytes, and the top
/// bit set when it holds pointers (sizes past 2^31 - 1 saturate: no
/// array of such elements can grow anyway).
pub fn go_elem(size: u64, pointers: bool) -> u32 {
    let s = size.min((1 << 31) - 1) as u32;
    s | (u32::from(pointers) << 31)
}

/// Go's `nextslicecap`: the capacity to grow `old_cap` to for `new_len`.
fn next_cap(new_len: u64, old_cap: u64) -> u64 {
    let double = old_cap.saturating_add(old_cap);
    if new_len > double {
        return new_len;
    }
    const THRESHOLD: u64 = 256;
    if old_cap < THRESHOLD {
        return double;
    }
    let mut c = old_cap;
    while c < new_len {
        c = c.saturating_add((c + 3 * THRESHOLD) >> 2);
    }
    c
}

/// Go's `roundupsize`: the bytes an allocation of `size` bytes gets
/// (`pointers`: it needs the malloc header, whose 8 bytes are not the
/// caller's).
fn round_up(size: u64, pointers: bool) -> u64 {
    if size <= MAX_SMALL - HEADER {
        let req = if pointers && size > HEADERLESS {
            size + HEADER
        } else {
            size
        };
        if let Some(&c) = CLASSES.iter().find(|&&c| c >= req) {
            return c - (req - size);
        }
    }
    size.checked_next_multiple_of(PAGE).unwrap_or(size)
}

/// The capacity of the array `append` allocates for `new_len` elements
/// of `elem` ([`go_elem`]) when the capacity `old_cap` is too small.
pub fn grown_cap(old_cap: u64, new_len: u64, elem: u32) -> u64 {
    let size = u64::from(elem & !(1 << 31));
    let pointers = elem >> 31 != 0;
    let c = next_cap(new_len, old_cap);
    if size == 0 {
        // (Go: zero-size elements take no memory; the capacity is the length.)
        return new_len;
    }
    let Some(bytes) = c.checked_mul(size) else {
        return c;
    };
    (round_up(bytes, pointers) / size).max(new_len)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Capacities after appending one element at a time from empty.
    fn caps(elem: u32, n: u64) -> Vec<u64> {
        let (mut len, mut cap) = (0, 0);
        let mut out = Vec::new();
        for _ in 0..n {
            if len + 1 > cap {
                cap = grown_cap(cap, len + 1, elem);
                out.push(cap);
            }
            len += 1;
        }
        out
    }

    #[test]
    fn capacities_follow_go() {
        // As Go 1.27 prints them: one element at a time from nil into a
        // slice that escapes ([]int, []string, []byte, and a 32-byte
        // struct with a pointer), then append(s, 2, 3, 4) to []int{0, 1},
        // three ints to nil, seven struct{}{} to nil.
        assert_eq!(
            caps(go_elem(8, false), 2000),
            [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560]
        );
        assert_eq!(
            caps(go_elem(16, true), 700),
            [1, 2, 4, 8, 16, 32, 71, 143, 303, 591, 1023]
        );
        assert_eq!(caps(go_elem(1, false), 100), [8, 16, 32, 64, 128]);
        assert_eq!(
            caps(go_elem(32, true), 300),
            [1, 2, 4, 8, 16, 35, 71, 151, 303]
        );
        assert_eq!(grown_cap(2, 5, go_elem(8, false)), 6);
        assert_eq!(grown_cap(0, 3, go_elem(8, false)), 3);
        assert_eq!(grown_cap(0, 7, go_elem(0, false)), 7);
    }
}
