//! String comparison as Go's `runtime.cmpstring` does it: bytewise, eight
//! bytes at a time. (Most strings a program compares are short: a call of
//! the C library's `memcmp` costs more than the comparison.)

use std::cmp::Ordering;

/// `a` against `b`, bytewise (Go's `<` on strings).
pub fn compare(a: &[u8], b: &[u8]) -> Ordering {
    let n = a.len().min(b.len());
    let (mut x, mut y) = (a[..n].chunks_exact(8), b[..n].chunks_exact(8));
    for (p, q) in (&mut x).zip(&mut y) {
        // (Big-endian: the first differing byte decides.)
        let (p, q) = (
            u64::from_be_bytes(p.try_into().expect("8 bytes")),
            u64::from_be_bytes(q.try_into().expect("8 bytes")),
        );
        if p != q {
            return p.cmp(&q);
        }
    }
    for (p, q) in x.remainder().iter().zip(y.remainder()) {
        if p != q {
            return p.cmp(q);
        }
    }
    a.len().cmp(&b.len())
}

#[cfg(test)]
mod tests {
    use super::compare;

    #[test]
    fn agrees_with_slice_order() {
        let words: Vec<Vec<u8>> = [
            &b""[..],
            b"a",
            b"ab",
            b"abc",
            b"abcdefgh",
            b"abcdefghi",
            b"abcdefgi",
            b"abcdefghh",
            b"abcdefgh\xff",
            b"\xff",
            b"\x00",
            b"zzzzzzzzzzzzzzzzzz",
            b"zzzzzzzzzzzzzzzzza",
            b"zzzzzzzz",
        ]
        .iter()
        .map(|w| w.to_vec())
        .collect();
        for a in &words {
            for b in &words {
                assert_eq!(compare(a, b), a.cmp(b), "{a:?} {b:?}");
            }
        }
    }
}
