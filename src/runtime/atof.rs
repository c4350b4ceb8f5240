//! `strconv.ParseFloat`'s parsing, with Go's syntax and results: a
//! decimal or hexadecimal (`0x1.8p3`) mantissa, underscores between
//! digits, `inf`/`infinity` (signed) and `nan` (unsigned) in any case;
//! correctly rounded; past the largest float, ±Inf and a range error;
//! below the smallest, zero without error.

/// What [`atof`] found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Parsed {
    Ok(f64),
    Syntax,
    Range(f64),
}

/// Parses `s` as a float of 32 or 64 bits (a 32-bit result is returned
/// widened, as Go's `ParseFloat(s, 32)`).
pub fn atof(s: &[u8], bits32: bool) -> Parsed {
    if s.is_empty() {
        return Parsed::Syntax;
    }
    let (neg, body) = match s[0] {
        b'+' => (false, &s[1..]),
        b'-' => (true, &s[1..]),
        _ => (false, s),
    };
    let sign = if neg { -1.0 } else { 1.0 };
    let lower: Vec<u8> = body.iter().map(|c| c.to_ascii_lowercase()).collect();
    if lower == b"inf" || lower == b"infinity" {
        return Parsed::Ok(sign * f64::INFINITY);
    }
    if lower == b"nan" && body.len() == s.len() {
        return Parsed::Ok(f64::NAN);
    }
    let hex = lower.starts_with(b"0x");
    if !well_formed(&lower, hex) || (s.contains(&b'_') && !underscore_ok(s)) {
        return Parsed::Syntax;
    }
    let clean: Vec<u8> = body.iter().copied().filter(|&c| c != b'_').collect();
    let v = if hex {
        hex_float(&clean[2..], bits32)
    } else {
        // (Checked above: Rust's grammar accepts all of these, the same way.)
        let text = std::str::from_utf8(&clean).unwrap_or("");
        if bits32 {
            text.parse::<f32>().map(f64::from).unwrap_or(f64::NAN)
        } else {
            text.parse::<f64>().unwrap_or(f64::NAN)
        }
    };
    let v = sign * v;
    if v.is_infinite() {
        Parsed::Range(v)
    } else {
        Parsed::Ok(v)
    }
}

/// Go's float syntax (without the sign; underscores skipped here, checked
/// by [`underscore_ok`]): digits with at most one point, at least one
/// digit; an exponent (`e` for decimal, `p`, required, for hexadecimal)
/// with an optional sign and at least one decimal digit.
fn well_formed(s: &[u8], hex: bool) -> bool {
    let mut i = if hex { 2 } else { 0 };
    let mut digits = 0;
    let mut point = false;
    while i < s.len() {
        let c = s[i];
        match c {
            b'_' => {}
            b'.' if !point => point = true,
            b'0'..=b'9' => digits += 1,
            b'a'..=b'f' if hex => digits += 1,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return false;
    }
    let exp_char = if hex { b'p' } else { b'e' };
    if i == s.len() {
        return !hex;
    }
    if s[i] != exp_char {
        return false;
    }
    i += 1;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        i += 1;
    }
    let mut edigits = 0;
    while i < s.len() {
        match s[i] {
            b'0'..=b'9' => edigits += 1,
            b'_' => {}
            _ => return false,
        }
        i += 1;
    }
    edigits > 0
}

/// `strconv.ParseUint(s, base, bits)` (base 0: from the prefix, with
/// underscores between digits): the value, and 0 ok, 1 a syntax error, 2
/// out of range (the value then the largest).
pub fn parse_uint(s: &[u8], base: u32, bits: u32) -> (u64, u8) {
    let bits = if bits == 0 { 64 } else { bits.min(64) };
    let max = if bits == 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    };
    let base0 = base == 0;
    let (mut base, mut body) = (base, s);
    if s.is_empty() || !(base0 || (2..=36).contains(&base)) {
        return (0, 1);
    }
    if base0 {
        base = 10;
        if s[0] == b'0' {
            match s.get(1).map(|c| c | 0x20) {
                Some(b'x') if s.len() >= 3 => (base, body) = (16, &s[2..]),
                Some(b'b') if s.len() >= 3 => (base, body) = (2, &s[2..]),
                Some(b'o') if s.len() >= 3 => (base, body) = (8, &s[2..]),
                _ => (base, body) = (8, &s[1..]),
            }
        }
    }
    let mut n: u64 = 0;
    let mut over = false;
    let mut underscores = false;
    for &c in body {
        let d = match c {
            b'_' if base0 => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => (c - b'0') as u32,
            b'a'..=b'z' | b'A'..=b'Z' => ((c | 0x20) - b'a') as u32 + 10,
            _ => return (0, 1),
        };
        if d >= base {
            return (0, 1);
        }
        match n
            .checked_mul(base as u64)
            .and_then(|m| m.checked_add(d as u64))
        {
            Some(m) if m <= max => n = m,
            _ => over = true,
        }
    }
    if underscores && !underscore_ok(s) {
        return (0, 1);
    }
    if over {
        (max, 2)
    } else {
        (n, 0)
    }
}

/// `strconv.ParseInt(s, base, bits)`, as [`parse_uint`] with a sign
/// (out of range: the nearest bound).
pub fn parse_int(s: &[u8], base: u32, bits: u32) -> (i64, u8) {
    let bits = if bits == 0 { 64 } else { bits.min(64) };
    let (neg, body) = match s.first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    let (u, code) = parse_uint(body, base, bits);
    if code == 1 {
        return (0, 1);
    }
    let cutoff = 1u64 << (bits - 1);
    if !neg && (code == 2 || u >= cutoff) {
        return ((cutoff - 1) as i64, 2);
    }
    if neg && (code == 2 || u > cutoff) {
        return ((cutoff as i64).wrapping_neg(), 2);
    }
    let v = u as i64;
    (if neg { v.wrapping_neg() } else { v }, 0)
}

/// Underscores only between digits (a base prefix counts as a digit).
pub(crate) fn underscore_ok(s: &[u8]) -> bool {
    let s = match s.first() {
        Some(b'+' | b'-') => &s[1..],
        _ => s,
    };
    let mut saw = b'^';
    let mut i = 0;
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(s[1] | 0x20, b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = s[1] | 0x20 == b'x';
    }
    while i < s.len() {
        let c = s[i];
        if c.is_ascii_digit() || (hex && (b'a'..=b'f').contains(&(c | 0x20))) {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
        i += 1;
    }
    saw != b'_'
}

/// A hexadecimal mantissa with its `p` exponent (already well formed,
/// underscores removed), correctly rounded (to nearest, ties to even).
fn hex_float(s: &[u8], bits32: bool) -> f64 {
    let mut mant: u64 = 0;
    let mut exp: i64 = 0;
    let mut sticky = false;
    let mut point = false;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        let d = match c {
            b'.' => {
                point = true;
                i += 1;
                continue;
            }
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            _ => break,
        } as u64;
        if mant >> 60 == 0 {
            mant = mant << 4 | d;
            if point {
                exp -= 4;
            }
        } else {
            sticky |= d != 0;
            if !point {
                exp += 4;
            }
        }
        i += 1;
    }
    // The exponent after `p`.
    i += 1;
    let mut eneg = false;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        eneg = s[i] == b'-';
        i += 1;
    }
    let mut e: i64 = 0;
    for &c in &s[i..] {
        e = (e * 10 + (c - b'0') as i64).min(1 << 40);
    }
    exp += if eneg { -e } else { e };
    round_binary(mant, exp, sticky, bits32)
}

/// `mant · 2^exp` (plus a nonzero tail below when `sticky`), rounded to
/// the nearest float of the format.
fn round_binary(mant: u64, exp: i64, sticky: bool, bits32: bool) -> f64 {
    if mant == 0 {
        return 0.0;
    }
    let (prec, emin, emax): (i64, i64, i64) = if bits32 {
        (24, -126, 127)
    } else {
        (53, -1022, 1023)
    };
    let lz = mant.leading_zeros() as i64;
    let m = (mant as u128) << (lz + 64);
    // The value is m · 2^(exp - lz - 64), m in [2^127, 2^128): its
    // binary exponent is e.
    let e = exp - lz + 63;
    // Bits kept: fewer below the smallest normal exponent.
    let keep = if e < emin { prec - (emin - e) } else { prec };
    if keep < 0 {
        return 0.0;
    }
    let shift = (128 - keep) as u32;
    let (mut q, rem) = if shift >= 128 {
        (0u128, m)
    } else {
        (m >> shift, m & ((1u128 << shift) - 1))
    };
    let half = 1u128 << (shift - 1);
    if rem > half || (rem == half && (sticky || q & 1 == 1)) {
        q += 1;
    }
    // q · 2^(e - keep + 1), q below 2^keep (or equal after rounding up).
    let mut e2 = e - keep + 1;
    if q >> prec != 0 {
        q >>= 1;
        e2 += 1;
    }
    if q == 0 {
        return 0.0;
    }
    let top = e2 + 127 - q.leading_zeros() as i64; // exponent of q's top bit
    if top > emax {
        return f64::INFINITY;
    }
    // Exact: q has at most `prec` bits and the result is representable.
    let qf = q as f64;
    let v = if e2 >= -1000 {
        qf * 2f64.powi(e2 as i32)
    } else {
        qf * 2f64.powi(-1000) * 2f64.powi((e2 + 1000) as i32)
    };
    if bits32 {
        f64::from(v as f32)
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::{atof, Parsed};

    fn ok(s: &str, bits32: bool) -> f64 {
        match atof(s.as_bytes(), bits32) {
            Parsed::Ok(v) => v,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn go_syntax() {
        assert_eq!(ok("1_000.5", false), 1000.5);
        assert_eq!(ok("0x1_0p0", false), 16.0);
        assert_eq!(ok("+.5e1", false), 5.0);
        assert_eq!(ok("0x.8p1", false), 1.0);
        assert_eq!(ok("0X1P2", false), 4.0);
        assert_eq!(ok("1e-400", false), 0.0);
        assert!(ok("nan", false).is_nan());
        assert_eq!(ok("-Inf", false), f64::NEG_INFINITY);
        assert_eq!(ok("+infinity", false), f64::INFINITY);
        for bad in [
            "+nan", "infin", ".", "1e", "0x1", "_1", "1__0", "0b101", "0o17", "", "1e5x",
        ] {
            assert_eq!(atof(bad.as_bytes(), false), Parsed::Syntax, "{bad}");
        }
        assert_eq!(
            atof(b"1.7976931348623159e308", false),
            Parsed::Range(f64::INFINITY)
        );
        assert_eq!(
            atof(b"0x1.fffffffffffff8p1023", false),
            Parsed::Range(f64::INFINITY)
        );
    }

    #[test]
    fn hex_rounding() {
        assert_eq!(ok("0x1p-1074", false), 5e-324);
        assert_eq!(ok("0x1p-1074", true), 0.0);
        assert_eq!(ok("0x1p-1080", false), 0.0);
        assert_eq!(ok("0x1.0000000000000fffp0", false), 1.0000000000000002);
        assert_eq!(ok("0x1.0000000000000fffp0", true), 1.0);
        assert_eq!(ok("0x1.00000000000008p0", false), 1.0);
        assert_eq!(ok("0x1.00000000000018p0", false), 1.0000000000000004);
        assert_eq!(ok("3.4028235e38", true), 3.4028234663852886e38);
        assert_eq!(atof(b"3.4028236e38", true), Parsed::Range(f64::INFINITY));
    }

    #[test]
    fn integers_as_strconv() {
        use super::{parse_int, parse_uint};
        assert_eq!(parse_int(b"-0x_1F", 0, 8), (-31, 0));
        assert_eq!(parse_int(b"300", 10, 8), (127, 2));
        assert_eq!(parse_int(b"-300", 10, 8), (-128, 2));
        assert_eq!(parse_uint(b"10000000000000000", 16, 64), (u64::MAX, 2));
        assert_eq!(parse_uint(b"1_000", 10, 64), (0, 1));
        assert_eq!(parse_uint(b"1_000", 0, 64), (1000, 0));
        assert_eq!(parse_uint(b"0b101", 0, 64), (5, 0));
        assert_eq!(parse_uint(b"017", 0, 64), (15, 0));
        assert_eq!(parse_uint(b"", 10, 64), (0, 1));
        assert_eq!(parse_uint(b"z", 36, 64), (35, 0));
    }
}
