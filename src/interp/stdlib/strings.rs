//! `strings`' byte search (Go's is assembly).

/// The first occurrence of `needle` in `hay`.
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle.len() {
        0 => Some(0),
        1 => hay.iter().position(|&b| b == needle[0]),
        n if n > hay.len() => None,
        n => {
            let first = needle[0];
            let mut i = 0;
            while i + n <= hay.len() {
                match hay[i..=hay.len() - n].iter().position(|&b| b == first) {
                    None => return None,
                    Some(k) => i += k,
                }
                if &hay[i..i + n] == needle {
                    return Some(i);
                }
                i += 1;
            }
            None
        }
    }
}

/// The last occurrence of `needle` in `hay`.
pub(crate) fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let n = needle.len();
    if n == 0 {
        return Some(hay.len());
    }
    if n > hay.len() {
        return None;
    }
    (0..=hay.len() - n)
        .rev()
        .find(|&i| &hay[i..i + n] == needle)
}

/// Non-overlapping occurrences of `needle` (runes plus one when empty).
pub(crate) fn count(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() {
        return crate::runtime::fmt::utf8::rune_count(hay) + 1;
    }
    let mut n = 0;
    let mut at = 0;
    while let Some(i) = find(&hay[at..], needle) {
        n += 1;
        at += i + needle.len();
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searching() {
        assert_eq!(find(b"chicken", b"ken"), Some(4));
        assert_eq!(find(b"chicken", b"dmr"), None);
        assert_eq!(find(b"abc", b""), Some(0));
        assert_eq!(rfind(b"go gopher", b"go"), Some(3));
        assert_eq!(rfind(b"abc", b""), Some(3));
        assert_eq!(count(b"cheese", b"e"), 3);
        assert_eq!(count(b"five", b""), 5);
        assert_eq!(count(b"aaaa", b"aa"), 2);
    }
}
