//! Numbers under a directive: Go's `fmtInteger` (all bases, signs, `#`
//! prefixes, precision and zero padding), `fmtUnicode` (`%U`), `fmtC` and
//! `fmtQc` (`%c`/`%q` of integers) and `fmtFloat` (every float verb, with
//! Go's sign, Inf/NaN and `#` handling), transcribed from Go 1.27's
//! `fmt/format.go`.

use super::spec::{pad, write_padding, Spec};
use super::strconv::{append_float, append_quote_rune, append_quote_rune_to_ascii, is_print};
use super::utf8::{append_rune, MAX_RUNE, RUNE_ERROR};

/// Go's `ldigits`: lower-case digits, with the `x` of a `0x` prefix last.
pub const LDIGITS: &[u8; 17] = b"0123456789abcdefx";
/// Go's `udigits`: upper-case digits, with the `X` of a `0X` prefix last.
pub const UDIGITS: &[u8; 17] = b"0123456789ABCDEFX";

/// Go's `fmtInteger`: `u` in `base` (2, 8, 10 or 16). When `is_signed`, `u`
/// holds an `int64`'s bits (pass `v as u64`) and is printed with its sign;
/// otherwise it is a `uint64`. `verb` only matters for `'O'` (the `0o`
/// prefix); `digits` is [`LDIGITS`] or [`UDIGITS`]. Handles precision as a
/// minimum digit count (`%.0d` of 0 prints only padding), `0` padding
/// (ignored with a precision or `-`), `+`/space signs and `#` prefixes
/// (`0b`, `0`, `0x`).
pub fn fmt_integer(
    out: &mut Vec<u8>,
    spec: &Spec,
    mut u: u64,
    base: u32,
    is_signed: bool,
    verb: char,
    digits: &[u8; 17],
) {
    let negative = is_signed && (u as i64) < 0;
    if negative {
        u = u.wrapping_neg();
    }

    // Two ways to ask for extra leading zero digits: %.3d or %03d. If both
    // are specified the zero flag is ignored and spaces are used instead.
    let mut prec = 0usize;
    if let Some(p) = spec.prec {
        prec = p;
        // Precision 0 and value 0 means "print nothing" but padding.
        if p == 0 && u == 0 {
            let s = Spec {
                zero: false,
                ..*spec
            };
            write_padding(out, &s, spec.wid.unwrap_or(0) as isize);
            return;
        }
    } else if let (true, false, Some(w)) = (spec.zero, spec.minus, spec.wid) {
        prec = w;
        if negative || spec.plus || spec.space {
            prec = prec.saturating_sub(1); // leave room for the sign
        }
    }

    // Formatted right to left into the end of `buf`, as Go does; a stack
    // buffer (Go's intbuf) unless a large precision needs more room.
    let mut stack = [0u8; 72];
    let mut heap = Vec::new();
    let buf: &mut [u8] = if prec + 5 <= stack.len() {
        &mut stack
    } else {
        heap.resize(prec + 5, 0);
        &mut heap
    };
    let mut r = RevBuf { i: buf.len(), buf };
    let b = base as u64;
    match base {
        2 | 8 | 10 | 16 => {
            while u >= b {
                r.put(digits[(u % b) as usize]);
                u /= b;
            }
        }
        _ => panic!("fmt: unknown base; can't happen"),
    }
    r.put(digits[u as usize]);
    while prec > r.len() {
        r.put(b'0');
    }
    if spec.sharp {
        match base {
            2 => r.put_all(b"0b"),
            // A leading 0 already says octal.
            8 if r.first() != b'0' => r.put(b'0'),
            16 => r.put_all(&[b'0', digits[16]]),
            _ => {}
        }
    }
    if verb == 'O' {
        r.put_all(b"0o");
    }
    if negative {
        r.put(b'-');
    } else if spec.plus {
        r.put(b'+');
    } else if spec.space {
        r.put(b' ');
    }
    let buf = &r.buf[r.i..];

    // Zero padding was done above as precision, or is ignored because of an
    // explicit precision.
    pad(
        out,
        &Spec {
            zero: false,
            ..*spec
        },
        buf,
    );
}

/// A buffer filled from its end, like Go's `intbuf` with index `i`.
struct RevBuf<'a> {
    buf: &'a mut [u8],
    i: usize,
}

impl RevBuf<'_> {
    fn put(&mut self, c: u8) {
        self.i -= 1;
        self.buf[self.i] = c;
    }

    /// Prepends `s` (in reading order).
    fn put_all(&mut self, s: &[u8]) {
        for &c in s.iter().rev() {
            self.put(c);
        }
    }

    fn len(&self) -> usize {
        self.buf.len() - self.i
    }

    fn first(&self) -> u8 {
        self.buf[self.i]
    }
}

/// Go's `fmtUnicode`: `U+0078`, or with `#` and a printable rune
/// `U+0078 'x'`; at least 4 hex digits, more with a larger precision. The
/// `0` flag is ignored.
pub fn fmt_unicode(out: &mut Vec<u8>, spec: &Spec, u: u64) {
    let prec = match spec.prec {
        Some(p) if p > 4 => p,
        _ => 4,
    };
    let hex = format!("{u:X}");
    let mut buf = Vec::with_capacity(prec + 10);
    buf.extend_from_slice(b"U+");
    buf.extend(std::iter::repeat_n(b'0', prec.saturating_sub(hex.len())));
    buf.extend_from_slice(hex.as_bytes());
    if spec.sharp && u <= MAX_RUNE as u64 && is_print(u as u32) {
        buf.extend_from_slice(b" '");
        append_rune(&mut buf, u as u32);
        buf.push(b'\'');
    }
    pad(
        out,
        &Spec {
            zero: false,
            ..*spec
        },
        &buf,
    );
}

/// Go's `fmtC`: the integer as a UTF-8 character; values past MaxRune and
/// surrogates print U+FFFD. Pass signed values as `v as u64` (so negatives
/// are past MaxRune, as in Go).
pub fn fmt_c(out: &mut Vec<u8>, spec: &Spec, c: u64) {
    let r = if c > MAX_RUNE as u64 {
        RUNE_ERROR
    } else {
        c as u32
    };
    let mut buf = Vec::with_capacity(4);
    append_rune(&mut buf, r);
    pad(out, spec, &buf);
}

/// Go's `fmtQc`: the integer as a single-quoted Go rune literal (`+` flag:
/// ASCII only); invalid runes quote as `'�'`.
pub fn fmt_qc(out: &mut Vec<u8>, spec: &Spec, c: u64) {
    let r = if c > MAX_RUNE as u64 {
        RUNE_ERROR
    } else {
        c as u32
    };
    let mut buf = Vec::with_capacity(12);
    if spec.plus {
        append_quote_rune_to_ascii(&mut buf, r);
    } else {
        append_quote_rune(&mut buf, r);
    }
    pad(out, spec, &buf);
}

/// Go's `fmt.fmtFloat`: `v` (a `float32` widened, when `size` is 32) with
/// strconv verb `verb` (`b e E f g G x X`; callers map `%v` to `'g'` and
/// `%F` to `'f'`, see [`super::print::print_float`]) and default precision
/// `prec` (`-1` = shortest), overridden by the directive's precision. Adds
/// `+`/space signs, keeps the sign ahead of zero padding, never zero-pads
/// `Inf`/`NaN` (and drops `NaN`'s `+` unless asked), and implements `#`
/// (keep the point and trailing zeros).
pub fn fmt_float(out: &mut Vec<u8>, spec: &Spec, v: f64, size: u32, verb: char, prec: i32) {
    let prec = spec.prec.map_or(prec, |p| p.min(i32::MAX as usize) as i32);
    // Format the number, reserving num[0] for a leading sign.
    let mut num = Vec::with_capacity(32);
    num.push(b'+');
    append_float(&mut num, v, verb as u8, prec, size);
    if num[1] == b'-' || num[1] == b'+' {
        num.remove(0);
    }
    // The space flag means a leading space instead of a "+" sign unless the
    // sign is explicitly asked for by the plus flag.
    if spec.space && num[0] == b'+' && !spec.plus {
        num[0] = b' ';
    }
    // Infinities and NaN don't look like numbers, so no zero padding.
    if num[1] == b'I' || num[1] == b'N' {
        let s = Spec {
            zero: false,
            ..*spec
        };
        // Remove the sign before NaN if not asked for.
        let start = usize::from(num[1] == b'N' && !spec.space && !spec.plus);
        pad(out, &s, &num[start..]);
        return;
    }
    // The sharp flag forces a decimal point for non-binary formats and
    // keeps trailing zeros, which we may need to restore.
    if spec.sharp && verb != 'b' {
        let mut digits: i64 = match verb {
            // Go lists 'x' but not 'X' here, so %#X does not restore zeros.
            'v' | 'g' | 'G' | 'x' => {
                if prec == -1 {
                    6
                } else {
                    prec as i64
                }
            }
            _ => 0,
        };
        let mut tail = Vec::new();
        let mut has_decimal_point = false;
        let mut saw_nonzero_digit = false;
        let mut i = 1; // skip the sign at num[0]
        while i < num.len() {
            match num[i] {
                b'.' => has_decimal_point = true,
                b'p' | b'P' => {
                    tail.extend_from_slice(&num[i..]);
                    num.truncate(i);
                }
                b'e' | b'E' if verb != 'x' && verb != 'X' => {
                    tail.extend_from_slice(&num[i..]);
                    num.truncate(i);
                }
                c => {
                    if c != b'0' {
                        saw_nonzero_digit = true;
                    }
                    // Count significant digits after the first non-zero one.
                    if saw_nonzero_digit {
                        digits -= 1;
                    }
                }
            }
            i += 1;
        }
        if !has_decimal_point {
            // A lone leading 0 counts once as a digit.
            if num.len() == 2 && num[1] == b'0' {
                digits -= 1;
            }
            num.push(b'.');
        }
        while digits > 0 {
            num.push(b'0');
            digits -= 1;
        }
        num.extend_from_slice(&tail);
    }
    // A sign is wanted if asked for or negative.
    if spec.plus || num[0] != b'+' {
        // With zero padding on the left the sign goes before the zeros.
        if let (true, false, Some(w)) = (spec.zero, spec.minus, spec.wid) {
            if w > num.len() {
                out.push(num[0]);
                write_padding(out, spec, (w - num.len()) as isize);
                out.extend_from_slice(&num[1..]);
                return;
            }
        }
        pad(out, spec, &num);
        return;
    }
    // No sign to show and the number is positive.
    pad(out, spec, &num[1..]);
}

// Expected strings below are what Go 1.27 printed (the same cases are lines
// of testdata/golden.txt, generated by testdata/golden.go).
#[cfg(test)]
mod tests {
    use super::super::print::{print_float, print_integer};
    use super::super::test_util::{directive, out};

    fn int(d: &str, v: i64) -> String {
        let (spec, verb) = directive(d);
        out(|o| assert!(print_integer(o, &spec, v as u64, true, verb)))
    }

    fn uint(d: &str, v: u64) -> String {
        let (spec, verb) = directive(d);
        out(|o| assert!(print_integer(o, &spec, v, false, verb)))
    }

    fn float(d: &str, v: f64) -> String {
        let (spec, verb) = directive(d);
        out(|o| assert!(print_float(o, &spec, v, 64, verb)))
    }

    #[test]
    fn integers() {
        let cases: &[(&str, i64, &str)] = &[
            ("%d", i64::MIN, "-9223372036854775808"),
            ("%+05d", 42, "+0042"),
            ("%+05d", -42, "-0042"),
            ("% 05d", 42, " 0042"),
            ("%-05d", -42, "-42  "),
            ("%8.3d", -42, "    -042"),
            ("%08.3d", 42, "     042"),
            ("%.0d", 0, ""),
            ("%5.0d", 0, "     "),
            ("%x", -42, "-2a"),
            ("%x", i64::MIN, "-8000000000000000"),
            ("%#08x", -42, "-0x000002a"),
            ("%#08x", 0, "0x00000000"),
            ("%#o", -42, "-052"),
            ("%#o", 0, "0"),
            ("%O", 0, "0o0"),
            ("%O", -1, "-0o1"),
            ("%#b", -42, "-0b101010"),
            ("%08b", -42, "-0101010"),
            ("%08b", 39, "00100111"),
            ("%c", 0x1F600, "😀"),
            ("%c", -1, "\u{FFFD}"),
            ("%c", 0xD800, "\u{FFFD}"),
            ("%q", 39, "'\\''"),
            ("%q", 0xAD, "'\\u00ad'"),
            ("%+q", 0x1F600, "'\\U0001f600'"),
            ("%+q", 0xE9, "'\\u00e9'"),
            ("%U", -42, "U+FFFFFFFFFFFFFFD6"),
            ("%U", 0xE9, "U+00E9"),
            ("%3c", 0xE9, "  é"),
            ("%-3c", 0xE9, "é  "),
            ("%03c", 0xE9, "00é"),
        ];
        for &(d, v, want) in cases {
            assert_eq!(int(d, v), want, "{d} of {v}");
        }
        assert_eq!(uint("%d", u64::MAX), "18446744073709551615");
        assert_eq!(uint("%#08x", u64::MAX), "0xffffffffffffffff");
        assert_eq!(uint("%#o", u64::MAX), "01777777777777777777777");
        assert_eq!(uint("%#v", 5), "0x5");
        assert_eq!(int("%#v", -5), "-5");
    }

    #[test]
    fn unicode_verb() {
        let cases: &[(&str, u64, &str)] = &[
            ("%U", 0x1F600, "U+1F600"),
            ("%#U", 0x1F600, "U+1F600 '😀'"),
            ("%#U", 0xAD, "U+00AD"),
            ("%#.6U", 'x' as u64, "U+000078 'x'"),
            ("%8U", 'x' as u64, "  U+0078"),
            ("%08U", 'x' as u64, "  U+0078"),
            ("%-8U", 'x' as u64, "U+0078  "),
            ("%.2U", 'x' as u64, "U+0078"),
        ];
        for &(d, v, want) in cases {
            assert_eq!(uint(d, v), want, "{d} of {v:#x}");
        }
    }

    #[test]
    fn floats() {
        let cases: &[(&str, f64, &str)] = &[
            ("%v", 0.0, "0"),
            ("%v", -0.0, "-0"),
            ("%v", 1e21, "1e+21"),
            ("%v", 1e20, "1e+20"),
            ("%v", 123456789.0, "1.23456789e+08"),
            ("%v", 100000.0, "100000"),
            ("%v", 1e6, "1e+06"),
            ("%v", 1e-5, "1e-05"),
            ("%v", 0.000123, "0.000123"),
            ("%v", 5e-324, "5e-324"),
            ("%v", f64::MAX, "1.7976931348623157e+308"),
            ("%v", 1.0 / 3.0, "0.3333333333333333"),
            ("%v", f64::NAN, "NaN"),
            ("%v", f64::NEG_INFINITY, "-Inf"),
            ("%8.3f", -0.0, "  -0.000"),
            ("%8.3f", 1.0 / 3.0, "   0.333"),
            ("%8.3f", f64::NAN, "     NaN"),
            ("%8.3f", f64::INFINITY, "    +Inf"),
            ("%-8.3f", 2.5, "2.500   "),
            ("%-8.3f", f64::NAN, "NaN     "),
            ("%08.3f", -0.0, "-000.000"),
            ("%08.3f", 2.5, "0002.500"),
            ("%08.3f", -123.456, "-123.456"),
            ("%08.3f", f64::NEG_INFINITY, "    -Inf"),
            ("%+.2e", -0.0, "-0.00e+00"),
            ("%+.2e", 0.125, "+1.25e-01"),
            ("%+.2e", 5e-324, "+4.94e-324"),
            ("%.2f", 0.125, "0.12"), // exact ties round half to even
            ("%.0f", 2.5, "2"),
            ("%.0f", 3.5, "4"),
            ("%.2f", 1.005, "1.00"), // 1.005 is really 1.00499999999999989…
        ];
        for &(d, v, want) in cases {
            assert_eq!(float(d, v), want, "{d} of {v}");
        }
    }
}
