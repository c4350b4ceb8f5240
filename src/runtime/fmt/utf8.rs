//! Go's `unicode/utf8` semantics over byte strings: Go strings are arbitrary
//! bytes, and every fmt/strconv routine that walks runes must treat invalid
//! input exactly as Go does (one `U+FFFD` per undecodable byte), which Rust's
//! lossy decoders do not (they may swallow a whole bad sequence at once).

/// `utf8.RuneError`, the replacement character.
pub const RUNE_ERROR: u32 = 0xFFFD;
/// `utf8.MaxRune`.
pub const MAX_RUNE: u32 = 0x10FFFF;
/// `utf8.RuneSelf`: runes below this are a single byte.
pub const RUNE_SELF: u32 = 0x80;

/// `utf8.DecodeRune`: the first rune of `s` and its width in bytes.
/// Empty input gives `(RUNE_ERROR, 0)`; an invalid or truncated encoding,
/// an encoded surrogate, or an overlong form gives `(RUNE_ERROR, 1)`.
pub fn decode_rune(s: &[u8]) -> (u32, usize) {
    let Some(&b0) = s.first() else {
        return (RUNE_ERROR, 0);
    };
    if b0 < 0x80 {
        return (b0 as u32, 1);
    }
    // The accepted range of the second byte depends on the first byte; this
    // is what rejects overlong forms, surrogates and runes past MaxRune.
    let (len, lo, hi) = match b0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return (RUNE_ERROR, 1),
    };
    if s.len() < len {
        return (RUNE_ERROR, 1);
    }
    let b1 = s[1];
    if b1 < lo || b1 > hi {
        return (RUNE_ERROR, 1);
    }
    let cont = |b: u8| (0x80..=0xBF).contains(&b);
    match len {
        2 => ((((b0 & 0x1F) as u32) << 6) | (b1 & 0x3F) as u32, 2),
        3 => {
            if !cont(s[2]) {
                return (RUNE_ERROR, 1);
            }
            let r =
                (((b0 & 0x0F) as u32) << 12) | (((b1 & 0x3F) as u32) << 6) | (s[2] & 0x3F) as u32;
            (r, 3)
        }
        _ => {
            if !cont(s[2]) || !cont(s[3]) {
                return (RUNE_ERROR, 1);
            }
            let r = (((b0 & 0x07) as u32) << 18)
                | (((b1 & 0x3F) as u32) << 12)
                | (((s[2] & 0x3F) as u32) << 6)
                | (s[3] & 0x3F) as u32;
            (r, 4)
        }
    }
}

/// `utf8.RuneCount`: the number of runes in `s`, each undecodable byte
/// counting as one.
pub fn rune_count(s: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < s.len() {
        if s[i] < 0x80 {
            i += 1;
        } else {
            i += decode_rune(&s[i..]).1;
        }
        n += 1;
    }
    n
}

/// `utf8.ValidRune`: a Unicode scalar value (not a surrogate, at most
/// MaxRune).
pub fn valid_rune(r: u32) -> bool {
    r < 0xD800 || (0xE000..=MAX_RUNE).contains(&r)
}

/// Bytes [`append_rune`] writes for `r` (Go's `utf8.RuneLen` for valid
/// runes; invalid ones are written as U+FFFD, 3 bytes).
pub fn rune_len(r: u32) -> usize {
    match r {
        0..=0x7F => 1,
        0x80..=0x7FF => 2,
        _ if !valid_rune(r) => 3,
        0x800..=0xFFFF => 3,
        _ => 4,
    }
}

/// `utf8.AppendRune`: appends the UTF-8 encoding of `r`, or of U+FFFD when
/// `r` is not a valid rune (a surrogate or past MaxRune).
pub fn append_rune(out: &mut Vec<u8>, r: u32) {
    let c = char::from_u32(r).unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_matches_go() {
        assert_eq!(decode_rune(b""), (RUNE_ERROR, 0));
        assert_eq!(decode_rune(b"a"), ('a' as u32, 1));
        assert_eq!(decode_rune("é".as_bytes()), (0xE9, 2));
        assert_eq!(decode_rune("世".as_bytes()), (0x4E16, 3));
        assert_eq!(decode_rune("😀".as_bytes()), (0x1F600, 4));
        // Truncated, overlong, surrogate, past MaxRune: one byte at a time.
        assert_eq!(decode_rune(b"\xe4\xb8"), (RUNE_ERROR, 1));
        assert_eq!(decode_rune(b"\xc0\x80"), (RUNE_ERROR, 1));
        assert_eq!(decode_rune(b"\xed\xa0\x80"), (RUNE_ERROR, 1));
        assert_eq!(decode_rune(b"\xf4\x90\x80\x80"), (RUNE_ERROR, 1));
        assert_eq!(decode_rune(b"\xff"), (RUNE_ERROR, 1));
        // A correctly encoded U+FFFD is width 3.
        assert_eq!(decode_rune("\u{FFFD}".as_bytes()), (RUNE_ERROR, 3));
    }

    #[test]
    fn count_and_encode() {
        assert_eq!(rune_count(b"h\xe4\xb8llo\xff"), 7);
        assert_eq!(rune_count("héllo世".as_bytes()), 6);
        let mut v = Vec::new();
        append_rune(&mut v, 0xD800);
        append_rune(&mut v, 0x110000);
        append_rune(&mut v, -1i32 as u32);
        append_rune(&mut v, 'x' as u32);
        assert_eq!(v, "\u{FFFD}\u{FFFD}\u{FFFD}x".as_bytes());
        assert_eq!(rune_len(0xD800), 3);
        assert_eq!(rune_len(0x1F600), 4);
    }
}
