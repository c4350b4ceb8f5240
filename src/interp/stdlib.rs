//! The standard library's natives: functions its Go source declares
//! without a body (`types::natives`), where Go itself uses assembly or
//! the runtime. Each reads its arguments from the call window at `at`
//! and writes its results there, as a Go function's frame would.

use super::{dyn_type, mem, Vm};
use crate::runtime::atof::{atof, Parsed};
use crate::runtime::fmt::strconv as fmtconv;
use crate::runtime::panic::Panic;
use crate::runtime::unicode_tables as tables;
use crate::types::Native;

impl Vm<'_> {
    fn str_arg(&self, at: usize) -> &'static [u8] {
        mem::bytes(self.stack[at], self.stack[at + 1])
    }

    /// Writes a new string's two words at `at`.
    fn ret_string(&mut self, at: usize, text: &[u8]) -> Result<(), Panic> {
        let (p, n) = self.heap.new_string(text)?;
        self.stack[at] = p;
        self.stack[at + 1] = n;
        Ok(())
    }

    pub(crate) fn std_native(&mut self, n: Native, at: usize) -> Result<(), Panic> {
        let s = &mut self.stack;
        match n {
            Native::ErrorsTypeComparable => {
                let t = s[at];
                s[at] = (t != 0 && dyn_type(t, true).comparable) as u64;
            }
            Native::StringsIndexByte => {
                let hay = self.str_arg(at);
                let c = self.stack[at + 2] as u8;
                self.stack[at] = index_of(hay.iter().position(|&b| b == c));
            }
            Native::StringsIndex => {
                let (hay, needle) = (self.str_arg(at), self.str_arg(at + 2));
                self.stack[at] = index_of(find(hay, needle));
            }
            Native::StringsLastIndex => {
                let (hay, needle) = (self.str_arg(at), self.str_arg(at + 2));
                self.stack[at] = index_of(rfind(hay, needle));
            }
            Native::StringsCount => {
                let (hay, needle) = (self.str_arg(at), self.str_arg(at + 2));
                self.stack[at] = count(hay, needle) as u64;
            }
            Native::UnicodeProps => {
                let r = s[at] as i32;
                s[at] = props(r) as u64;
            }
            Native::UnicodeSimpleFold => s[at] = simple_fold(s[at] as i32) as i64 as u64,
            Native::UnicodeToCase => {
                let (c, r) = (s[at] as i64, s[at + 1] as i32);
                s[at] = to_case(c, r) as i64 as u64;
            }
            Native::StrconvFormatInt => {
                let t = fmtconv::format_int(s[at] as i64, s[at + 1] as u32);
                self.ret_string(at, t.as_bytes())?;
            }
            Native::StrconvFormatUint => {
                let t = fmtconv::format_uint(s[at], s[at + 1] as u32);
                self.ret_string(at, t.as_bytes())?;
            }
            Native::StrconvFormatFloat => {
                let (f, fmt, prec, bits) = (
                    f64::from_bits(s[at]),
                    s[at + 1] as u8,
                    s[at + 2] as i64,
                    s[at + 3],
                );
                let prec = prec.clamp(-1, i32::MAX as i64) as i32;
                let t = fmtconv::format_float(f, fmt, prec, bits as u32);
                self.ret_string(at, t.as_bytes())?;
            }
            Native::StrconvAtof => {
                let text = self.str_arg(at);
                let (v, code) = match atof(text, self.stack[at + 2] == 32) {
                    Parsed::Ok(v) => (v, 0),
                    Parsed::Syntax => (0.0, 1),
                    Parsed::Range(v) => (v, 2),
                };
                self.stack[at] = v.to_bits();
                self.stack[at + 1] = code;
            }
            Native::StrconvQuoteWith => {
                let text = self.str_arg(at);
                let t = match self.stack[at + 2] {
                    1 => fmtconv::quote_to_ascii(text),
                    2 => fmtconv::quote_to_graphic(text),
                    _ => fmtconv::quote(text),
                };
                self.ret_string(at, t.as_bytes())?;
            }
            Native::StrconvQuoteRuneWith => {
                let r = rune_u32(s[at]);
                let t = match s[at + 1] {
                    1 => fmtconv::quote_rune_to_ascii(r),
                    2 => fmtconv::quote_rune_to_graphic(r),
                    _ => fmtconv::quote_rune(r),
                };
                self.ret_string(at, t.as_bytes())?;
            }
            Native::StrconvIsPrint => s[at] = fmtconv::is_print(rune_u32(s[at])) as u64,
            Native::StrconvIsGraphic => s[at] = fmtconv::is_graphic(rune_u32(s[at])) as u64,
            Native::StrconvCanBackquote => {
                let text = self.str_arg(at);
                self.stack[at] = fmtconv::can_backquote(text) as u64;
            }
            other => unreachable!("{} is not a standard-library native", other.name()),
        }
        Ok(())
    }
}

/// A rune argument as the formatting code takes it (an invalid one,
/// negative or past U+10FFFF, as U+FFFD).
fn rune_u32(w: u64) -> u32 {
    u32::try_from(w as i32).unwrap_or(0xFFFD)
}

/// An index as Go returns it (-1 for none).
fn index_of(i: Option<usize>) -> u64 {
    i.map_or(-1i64, |i| i as i64) as u64
}

/// The first occurrence of `needle` in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
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
pub fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
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
pub fn count(hay: &[u8], needle: &[u8]) -> usize {
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

/// The classes of rune `r` (`unicode.props`: the bits of
/// stdlib/unicode/unicode.go), from Go's Unicode data.
fn props(r: i32) -> u32 {
    let Ok(r) = u32::try_from(r) else { return 0 };
    let t = tables::PROPS;
    match t.binary_search_by(|&(lo, hi, _)| {
        if hi < r {
            std::cmp::Ordering::Less
        } else if lo > r {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => t[i].2 as u32,
        Err(_) => 0,
    }
}

/// `unicode.To`: rune `r` in case `c` (0 upper, 1 lower, 2 title) by
/// Go's case ranges (Unicode's simple case mapping).
fn to_case(c: i64, r: i32) -> i32 {
    let (Ok(u), Ok(c)) = (u32::try_from(r), usize::try_from(c)) else {
        return r;
    };
    let t = tables::CASE_RANGES;
    let Ok(i) = t.binary_search_by(|&(lo, hi, _)| {
        if hi < u {
            std::cmp::Ordering::Less
        } else if lo > u {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) else {
        return r;
    };
    let (lo, _, delta) = t[i];
    let d = delta[c.min(2)];
    if d == tables::UPPER_LOWER {
        // Alternating upper (even offset) and lower (odd) case; title is upper.
        return (lo + (((u - lo) & !1) | (c as u32 & 1))) as i32;
    }
    r + d
}

/// `unicode.SimpleFold`: the next rune in `r`'s case-folding orbit.
fn simple_fold(r: i32) -> i32 {
    let Ok(u) = u32::try_from(r) else { return r };
    match tables::FOLDS.binary_search_by_key(&u, |&(a, _)| a) {
        Ok(i) => tables::FOLDS[i].1 as i32,
        Err(_) => r,
    }
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

    #[test]
    fn classes_and_cases() {
        // (The bits: Ll 2, Nd 32, White_Space 2048.)
        assert_eq!(props('é' as i32) & 2, 2);
        assert_eq!(props('٣' as i32) & 32, 32);
        assert_eq!(props(0x3000) & 2048, 2048);
        assert_eq!(props(0xD800), 0);
        assert_eq!(to_case(0, 'é' as i32), 'É' as i32);
        assert_eq!(to_case(0, 'ß' as i32), 'ß' as i32);
        assert_eq!(to_case(1, 'Σ' as i32), 'σ' as i32);
        assert_eq!(to_case(2, 'ǆ' as i32), 'ǅ' as i32);
        assert_eq!(to_case(1, 'İ' as i32), 'i' as i32);
        assert_eq!(simple_fold('k' as i32), 0x212A);
        assert_eq!(simple_fold(0x212A), 'K' as i32);
    }
}
