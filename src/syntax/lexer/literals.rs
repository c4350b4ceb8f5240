//! Literal scanning: numbers (kept as source text), rune and string
//! literals (decoded), and escapes, with gc's checks and messages.

use super::{is_decimal, is_hex, lower, quote_char, Lexer, EOF};
use crate::syntax::token::{LitValue, Tok, Token};

/// The value of one escape sequence.
enum Esc {
    /// `\x..` and octal escapes: one byte in a string.
    Byte(u8),
    /// The other escapes: a code point, UTF-8 encoded in a string.
    Char(u32),
    /// Input ended inside the escape; the caller reports it.
    Eof,
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        16 => "hexadecimal",
        _ => "decimal",
    }
}

impl Lexer<'_> {
    fn literal(&mut self, tok: Tok, value: LitValue) -> Token {
        self.nlsemi = true;
        let mut t = self.token(tok);
        t.lit = String::from_utf8_lossy(self.segment()).into_owned();
        t.value = value;
        t
    }

    /// Scans `{ digit | '_' }`. For bases up to 10 any decimal digit is
    /// taken, recording in `invalid` the offset of the first one too large.
    /// Returns bit 0 if there was a digit and bit 1 if there was a `_`.
    fn digits(&mut self, base: u32, invalid: &mut Option<usize>) -> u8 {
        let mut digsep = 0;
        if base <= 10 {
            let max = '0' as i32 + base as i32;
            while is_decimal(self.ch) || self.is('_') {
                let mut ds = 1;
                if self.is('_') {
                    ds = 2;
                } else if self.ch >= max && invalid.is_none() {
                    *invalid = Some(self.col.saturating_sub(self.tok_col) as usize);
                }
                digsep |= ds;
                self.nextch();
            }
        } else {
            while is_hex(self.ch) || self.is('_') {
                digsep |= if self.is('_') { 2 } else { 1 };
                self.nextch();
            }
        }
        digsep
    }

    /// Integer, floating-point and imaginary literals; `seen_point` when
    /// the literal started with `.`.
    pub(super) fn number(&mut self, mut seen_point: bool) -> Token {
        let mut ok = true;
        let mut kind = Tok::Int;
        let mut base = 10;
        // 0 (decimal), b'0' (legacy octal), b'x', b'o' or b'b'.
        let mut prefix = 0u8;
        let mut digsep = 0;
        let mut invalid = None;

        if !seen_point {
            if self.is('0') {
                self.nextch();
                match u8::try_from(lower(self.ch)).unwrap_or(0) {
                    b'x' => {
                        self.nextch();
                        (base, prefix) = (16, b'x');
                    }
                    b'o' => {
                        self.nextch();
                        (base, prefix) = (8, b'o');
                    }
                    b'b' => {
                        self.nextch();
                        (base, prefix) = (2, b'b');
                    }
                    _ => {
                        (base, prefix) = (8, b'0');
                        digsep = 1; // the leading 0
                    }
                }
            }
            digsep |= self.digits(base, &mut invalid);
            if self.is('.') {
                if prefix == b'o' || prefix == b'b' {
                    self.errorf(format!(
                        "invalid radix point in {} literal",
                        base_name(base)
                    ));
                    ok = false;
                }
                self.nextch();
                seen_point = true;
            }
        }

        if seen_point {
            kind = Tok::Float;
            digsep |= self.digits(base, &mut invalid);
        }

        if digsep & 1 == 0 && ok {
            self.errorf(format!("{} literal has no digits", base_name(base)));
            ok = false;
        }

        let e = lower(self.ch);
        if e == 'e' as i32 || e == 'p' as i32 {
            if ok {
                if e == 'e' as i32 && prefix != 0 && prefix != b'0' {
                    self.errorf(format!(
                        "{} exponent requires decimal mantissa",
                        quote_char(self.ch)
                    ));
                    ok = false;
                } else if e == 'p' as i32 && prefix != b'x' {
                    self.errorf(format!(
                        "{} exponent requires hexadecimal mantissa",
                        quote_char(self.ch)
                    ));
                    ok = false;
                }
            }
            self.nextch();
            kind = Tok::Float;
            if self.is('+') || self.is('-') {
                self.nextch();
            }
            let ds = self.digits(10, &mut None);
            digsep = ds | (digsep & 2);
            if ds & 1 == 0 && ok {
                self.errorf("exponent has no digits".into());
                ok = false;
            }
        } else if prefix == b'x' && kind == Tok::Float && ok {
            self.errorf("hexadecimal mantissa requires a 'p' exponent".into());
            ok = false;
        }

        if self.is('i') {
            kind = Tok::Imag;
            self.nextch();
        }

        let t = self.literal(kind, LitValue::None);

        if let (Tok::Int, Some(i), true) = (kind, invalid, ok) {
            let d = t.lit.as_bytes().get(i).copied().unwrap_or(b'?');
            let msg = format!(
                "invalid digit {} in {} literal",
                quote_char(d as i32),
                base_name(base)
            );
            self.error_in_token(i, msg);
            ok = false;
        }
        if digsep & 2 != 0 && ok {
            if let Some(i) = invalid_sep(t.lit.as_bytes()) {
                self.error_in_token(i, "'_' must separate successive digits".into());
            }
        }
        t
    }

    pub(super) fn rune(&mut self) -> Token {
        let mut ok = true;
        let mut value = 0;
        self.nextch();
        let mut n = 0;
        loop {
            if self.is('\'') {
                if ok {
                    if n == 0 {
                        self.errorf("empty rune literal or unescaped '".into());
                    } else if n != 1 {
                        self.error_in_token(0, "more than one character in rune literal".into());
                    }
                }
                self.nextch();
                break;
            }
            if self.is('\\') {
                self.nextch();
                match self.escape('\'') {
                    Some(Esc::Byte(b)) if n == 0 => value = b as u32,
                    Some(Esc::Char(c)) if n == 0 => value = c,
                    Some(_) => {}
                    None => ok = false,
                }
                n += 1;
                continue;
            }
            if self.is('\n') {
                if ok {
                    self.errorf("newline in rune literal".into());
                }
                break;
            }
            if self.ch == EOF {
                if ok {
                    self.error_in_token(0, "rune literal not terminated".into());
                }
                break;
            }
            if n == 0 {
                value = self.ch as u32;
            }
            n += 1;
            self.nextch();
        }
        self.literal(Tok::Rune, LitValue::Rune(value))
    }

    pub(super) fn std_string(&mut self) -> Token {
        let mut bytes = Vec::new();
        self.nextch();
        loop {
            if self.is('"') {
                self.nextch();
                break;
            }
            if self.is('\\') {
                self.nextch();
                match self.escape('"') {
                    Some(Esc::Byte(b)) => bytes.push(b),
                    Some(Esc::Char(c)) => push_utf8(&mut bytes, c),
                    Some(Esc::Eof) | None => {}
                }
                continue;
            }
            if self.is('\n') {
                self.errorf("newline in string".into());
                break;
            }
            if self.ch == EOF {
                self.error_in_token(0, "string not terminated".into());
                break;
            }
            push_utf8(&mut bytes, self.ch as u32);
            self.nextch();
        }
        self.literal(Tok::Str, LitValue::Str(bytes))
    }

    pub(super) fn raw_string(&mut self) -> Token {
        let mut bytes = Vec::new();
        self.nextch();
        loop {
            if self.is('`') {
                self.nextch();
                break;
            }
            if self.ch == EOF {
                self.error_in_token(0, "string not terminated".into());
                break;
            }
            // Carriage returns are part of the literal but not of its value.
            if !self.is('\r') {
                push_utf8(&mut bytes, self.ch as u32);
            }
            self.nextch();
        }
        self.literal(Tok::Str, LitValue::Str(bytes))
    }

    /// Scans an escape after its `\`; `None` after reporting an error.
    fn escape(&mut self, quote: char) -> Option<Esc> {
        let simple = match u8::try_from(self.ch).unwrap_or(0) {
            b'a' => Some(7),
            b'b' => Some(8),
            b'f' => Some(12),
            b'n' => Some(10),
            b'r' => Some(13),
            b't' => Some(9),
            b'v' => Some(11),
            b'\\' => Some(92),
            _ if self.is(quote) => Some(quote as u32),
            _ => None,
        };
        if let Some(v) = simple {
            self.nextch();
            return Some(Esc::Char(v));
        }
        let (n, base, max): (u32, u32, u32) = match u8::try_from(self.ch).unwrap_or(0) {
            b'0'..=b'7' => (3, 8, 255),
            b'x' => (2, 16, 255),
            b'u' => (4, 16, 0x10ffff),
            b'U' => (8, 16, 0x10ffff),
            _ => {
                if self.ch == EOF {
                    return Some(Esc::Eof);
                }
                self.errorf("unknown escape".into());
                return None;
            }
        };
        if base == 16 {
            self.nextch();
        }
        let mut x: u32 = 0;
        for _ in 0..n {
            if self.ch == EOF {
                return Some(Esc::Eof);
            }
            let d = if is_decimal(self.ch) {
                (self.ch - '0' as i32) as u32
            } else if ('a' as i32..='f' as i32).contains(&lower(self.ch)) {
                (lower(self.ch) - 'a' as i32 + 10) as u32
            } else {
                base
            };
            if d >= base {
                let msg = format!(
                    "invalid character {} in {} escape",
                    quote_char(self.ch),
                    base_name(base)
                );
                self.errorf(msg);
                return None;
            }
            // At most 8 hex digits: fits in u32.
            x = x.wrapping_mul(base).wrapping_add(d);
            self.nextch();
        }
        if x > max && base == 8 {
            self.errorf(format!("octal escape value {x} > 255"));
            return None;
        }
        if x > max || (0xd800..0xe000).contains(&x) {
            self.errorf(format!(
                "escape is invalid Unicode code point {}",
                super::quote_u(x as i32)
            ));
            return None;
        }
        Some(if max == 255 {
            Esc::Byte(x as u8)
        } else {
            Esc::Char(x)
        })
    }
}

fn push_utf8(out: &mut Vec<u8>, c: u32) {
    let c = char::from_u32(c).unwrap_or('\u{fffd}');
    let mut buf = [0; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

/// The offset of the first `_` in a number literal that does not separate
/// two digits (a base prefix counts as a digit), if any.
fn invalid_sep(x: &[u8]) -> Option<usize> {
    let lower = |b: u8| b | 0x20;
    let mut x1 = b' '; // prefix char; only 'x' matters
    let mut d = b'.'; // '_', '0' (a digit) or '.' (anything else)
    let mut i = 0;
    if x.len() >= 2 && x[0] == b'0' {
        x1 = lower(x[1]);
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            d = b'0';
            i = 2;
        }
    }
    while i < x.len() {
        let p = d;
        d = x[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || x1 == b'x' && d.is_ascii_hexdigit() {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    if d == b'_' {
        return Some(x.len() - 1);
    }
    None
}
