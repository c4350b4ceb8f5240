//! The lexer: Go source bytes to tokens, per the spec's "Lexical elements".
//!
//! It follows the gc compiler's scanner (cmd/compile/internal/syntax) so
//! that semicolon insertion, positions (1-based line, 1-based byte column)
//! and error messages match what `go build` reports. Literal scanning lives
//! in `lexer/literals.rs`.
//!
//! Lexical errors do not stop the lexer: like gc it reports, skips and goes
//! on, and the parser later picks the earliest error. Only the first one is
//! kept ([`Lexer::error`]). Imaginary literals scan fine but are outside the
//! subset; they are recorded separately ([`Lexer::unsupported`]) because a
//! syntax error anywhere in the file must win over them, as in Go, where
//! syntax errors are reported before anything else.

mod literals;
#[cfg(test)]
mod tests;

use super::ast::Pos;
use super::token::{LitValue, Tok, Token};
use crate::diag::CompileError;

/// Character value used for end of input.
const EOF: i32 = -1;

pub struct Lexer<'a> {
    src: &'a [u8],
    /// Offset of the byte after `ch`.
    r: usize,
    /// The current character, or `EOF`.
    ch: i32,
    /// Width of `ch` in bytes (0 at the start and at end of input).
    chw: usize,
    /// 0-based line and byte column of `ch`.
    line: u32,
    col: u32,
    /// A newline or end of input here becomes a semicolon.
    nlsemi: bool,
    /// Offset and position of the token being scanned.
    start: usize,
    tok_line: u32,
    tok_col: u32,
    error: Option<CompileError>,
    unsupported: Option<CompileError>,
    /// The file id its positions carry.
    file: u16,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a [u8]) -> Lexer<'a> {
        let mut lx = Lexer {
            src,
            r: 0,
            ch: ' ' as i32,
            chw: 0,
            line: 0,
            col: 0,
            nlsemi: false,
            start: 0,
            tok_line: 0,
            tok_col: 0,
            error: None,
            unsupported: None,
            file: 0,
        };
        lx.nextch();
        lx
    }

    /// A lexer whose positions are in file `file`.
    pub fn in_file(src: &'a [u8], file: u16) -> Lexer<'a> {
        let mut lx = Lexer::new(src);
        lx.file = file;
        lx
    }

    /// The earliest lexical error seen so far.
    pub fn error(&self) -> Option<&CompileError> {
        self.error.as_ref()
    }

    /// The first construct outside the subset (an imaginary literal) seen so far.
    pub fn unsupported(&self) -> Option<&CompileError> {
        self.unsupported.as_ref()
    }

    fn pos(&self) -> Pos {
        Pos::in_file(
            self.file,
            self.line.saturating_add(1),
            self.col.saturating_add(1),
        )
    }

    fn tok_pos(&self) -> Pos {
        Pos::in_file(
            self.file,
            self.tok_line.saturating_add(1),
            self.tok_col.saturating_add(1),
        )
    }

    fn error_at(&mut self, pos: Pos, msg: String) {
        // gc sorts its errors by position; keep the earliest (first on ties).
        if self.error.as_ref().is_none_or(|e| pos < e.pos) {
            self.error = Some(CompileError::new(pos, msg));
        }
    }

    /// An error at the current character.
    fn errorf(&mut self, msg: String) {
        self.error_at(self.pos(), msg);
    }

    /// An error at a byte offset from the start of the current token.
    fn error_in_token(&mut self, offset: usize, msg: String) {
        let col = self.tok_col.saturating_add(1).saturating_add(offset as u32);
        self.error_at(
            Pos::in_file(self.file, self.tok_line.saturating_add(1), col),
            msg,
        );
    }

    /// Reads the next character into `ch`, reporting and skipping NUL bytes,
    /// invalid UTF-8 and byte order marks (allowed only at the very start).
    fn nextch(&mut self) {
        loop {
            self.col = self.col.saturating_add(self.chw as u32);
            if self.ch == '\n' as i32 {
                self.line = self.line.saturating_add(1);
                self.col = 0;
            }
            let Some(&b) = self.src.get(self.r) else {
                self.ch = EOF;
                self.chw = 0;
                return;
            };
            if b < 0x80 {
                self.r += 1;
                self.chw = 1;
                self.ch = b as i32;
                if b == 0 {
                    self.errorf("invalid NUL character".into());
                    continue;
                }
                return;
            }
            match decode_utf8(&self.src[self.r..]) {
                Some(c) => {
                    self.chw = c.len_utf8();
                    self.r += self.chw;
                    self.ch = c as i32;
                    if c == '\u{feff}' {
                        if self.line > 0 || self.col > 0 {
                            self.errorf("invalid BOM in the middle of the file".into());
                        }
                        continue;
                    }
                    return;
                }
                None => {
                    self.r += 1;
                    self.chw = 1;
                    self.ch = 0xfffd;
                    self.errorf("invalid UTF-8 encoding".into());
                }
            }
        }
    }

    /// Marks the current character as the start of a token.
    fn start_token(&mut self) {
        self.start = self.r - self.chw;
        self.tok_line = self.line;
        self.tok_col = self.col;
    }

    /// The source text of the token so far (up to, not including, `ch`).
    fn segment(&self) -> &'a [u8] {
        let end = self.r - self.chw;
        self.src.get(self.start..end).unwrap_or(&[])
    }

    fn token(&self, tok: Tok) -> Token {
        Token {
            tok,
            pos: self.tok_pos(),
            lit: String::new(),
            value: LitValue::None,
        }
    }

    fn semi(&self, why: &str) -> Token {
        Token {
            tok: Tok::Semi,
            pos: self.tok_pos(),
            lit: why.to_string(),
            value: LitValue::None,
        }
    }

    fn is(&self, c: char) -> bool {
        self.ch == c as i32
    }

    /// Scans the next token, inserting semicolons per the spec: a newline
    /// or end of input after an identifier, a literal, `break`, `continue`,
    /// `fallthrough`, `return`, `++`, `--`, `)`, `]` or `}` is a `;`.
    pub fn next_token(&mut self) -> Token {
        let nlsemi = self.nlsemi;
        self.nlsemi = false;
        loop {
            while self.is(' ') || self.is('\t') || self.is('\n') && !nlsemi || self.is('\r') {
                self.nextch();
            }
            self.start_token();
            if is_letter(self.ch) || self.ch >= 0x80 && self.at_ident_char(true) {
                self.nextch();
                return self.ident();
            }
            let Ok(c) = u8::try_from(self.ch) else {
                // End of input (a non-ASCII character was handled above).
                if nlsemi {
                    return self.semi("EOF");
                }
                return self.token(Tok::Eof);
            };
            let tok = match c {
                b'\n' => {
                    self.nextch();
                    return self.semi("newline");
                }
                b'0'..=b'9' => return self.number(false),
                b'"' => return self.std_string(),
                b'`' => return self.raw_string(),
                b'\'' => return self.rune(),
                b'(' => self.single(Tok::LParen),
                b'[' => self.single(Tok::LBrack),
                b'{' => self.single(Tok::LBrace),
                b',' => self.single(Tok::Comma),
                b';' => {
                    self.nextch();
                    return self.semi("semicolon");
                }
                b')' => {
                    self.nlsemi = true;
                    self.single(Tok::RParen)
                }
                b']' => {
                    self.nlsemi = true;
                    self.single(Tok::RBrack)
                }
                b'}' => {
                    self.nlsemi = true;
                    self.single(Tok::RBrace)
                }
                b':' => {
                    self.nextch();
                    self.pick('=', Tok::Define, Tok::Colon)
                }
                b'.' => {
                    self.nextch();
                    if is_decimal(self.ch) {
                        return self.number(true);
                    }
                    if self.is('.') && self.src.get(self.r) == Some(&b'.') {
                        self.nextch();
                        self.nextch();
                        Tok::Ellipsis
                    } else {
                        Tok::Period
                    }
                }
                b'+' => {
                    self.nextch();
                    if self.is('+') {
                        self.nextch();
                        self.nlsemi = true;
                        Tok::Inc
                    } else {
                        self.pick('=', Tok::AddAssign, Tok::Add)
                    }
                }
                b'-' => {
                    self.nextch();
                    if self.is('-') {
                        self.nextch();
                        self.nlsemi = true;
                        Tok::Dec
                    } else {
                        self.pick('=', Tok::SubAssign, Tok::Sub)
                    }
                }
                b'*' => {
                    self.nextch();
                    self.pick('=', Tok::MulAssign, Tok::Mul)
                }
                b'/' => {
                    self.nextch();
                    if self.is('/') {
                        self.nextch();
                        self.line_comment();
                        continue;
                    }
                    if self.is('*') {
                        self.nextch();
                        let line = self.tok_line;
                        self.full_comment();
                        if self.line > line && nlsemi {
                            // A comment spanning lines acts like a newline.
                            return self.semi("newline");
                        }
                        continue;
                    }
                    self.pick('=', Tok::QuoAssign, Tok::Quo)
                }
                b'%' => {
                    self.nextch();
                    self.pick('=', Tok::RemAssign, Tok::Rem)
                }
                b'&' => {
                    self.nextch();
                    if self.is('&') {
                        self.nextch();
                        Tok::LAnd
                    } else if self.is('^') {
                        self.nextch();
                        self.pick('=', Tok::AndNotAssign, Tok::AndNot)
                    } else {
                        self.pick('=', Tok::AndAssign, Tok::And)
                    }
                }
                b'|' => {
                    self.nextch();
                    if self.is('|') {
                        self.nextch();
                        Tok::LOr
                    } else {
                        self.pick('=', Tok::OrAssign, Tok::Or)
                    }
                }
                b'^' => {
                    self.nextch();
                    self.pick('=', Tok::XorAssign, Tok::Xor)
                }
                b'<' => {
                    self.nextch();
                    if self.is('=') {
                        self.nextch();
                        Tok::Leq
                    } else if self.is('<') {
                        self.nextch();
                        self.pick('=', Tok::ShlAssign, Tok::Shl)
                    } else if self.is('-') {
                        self.nextch();
                        Tok::Arrow
                    } else {
                        Tok::Lss
                    }
                }
                b'>' => {
                    self.nextch();
                    if self.is('=') {
                        self.nextch();
                        Tok::Geq
                    } else if self.is('>') {
                        self.nextch();
                        self.pick('=', Tok::ShrAssign, Tok::Shr)
                    } else {
                        Tok::Gtr
                    }
                }
                b'=' => {
                    self.nextch();
                    self.pick('=', Tok::Eql, Tok::Assign)
                }
                b'!' => {
                    self.nextch();
                    self.pick('=', Tok::Neq, Tok::Not)
                }
                b'~' => self.single(Tok::Tilde),
                _ => {
                    let msg = format!("invalid character {}", quote_u(self.ch));
                    self.errorf(msg);
                    self.nextch();
                    continue;
                }
            };
            return self.token(tok);
        }
    }

    fn single(&mut self, tok: Tok) -> Tok {
        self.nextch();
        tok
    }

    /// `yes` (consuming `c`) if the current character is `c`, else `no`.
    fn pick(&mut self, c: char, yes: Tok, no: Tok) -> Tok {
        if self.is(c) {
            self.nextch();
            yes
        } else {
            no
        }
    }

    fn ident(&mut self) -> Token {
        while is_letter(self.ch) || is_decimal(self.ch) {
            self.nextch();
        }
        if self.ch >= 0x80 {
            while self.at_ident_char(false) {
                self.nextch();
            }
        }
        let text = self.segment();
        if let Some(kw) = Tok::keyword(text) {
            self.nlsemi = matches!(
                kw,
                Tok::Break | Tok::Continue | Tok::Fallthrough | Tok::Return
            );
            return self.token(kw);
        }
        self.nlsemi = true;
        let mut t = self.token(Tok::Name);
        t.lit = String::from_utf8_lossy(text).into_owned();
        t
    }

    /// Whether `ch` can continue (or with `first`, start) an identifier.
    /// Like gc, a non-ASCII character that is neither letter nor digit is
    /// reported but still taken into the identifier.
    fn at_ident_char(&mut self, first: bool) -> bool {
        let c = char::from_u32(self.ch as u32).unwrap_or('\u{fffd}');
        if self.ch < 0 {
            return false;
        }
        if is_unicode_letter(c) || c == '_' {
            return true;
        }
        if is_unicode_digit(c) {
            if first {
                self.errorf(format!(
                    "identifier cannot begin with digit {}",
                    quote_u(self.ch)
                ));
            }
            return true;
        }
        if self.ch >= 0x80 {
            self.errorf(format!(
                "invalid character {} in identifier",
                quote_u(self.ch)
            ));
            return true;
        }
        false
    }

    fn line_comment(&mut self) {
        // The newline is left for semicolon insertion.
        while self.ch >= 0 && !self.is('\n') {
            self.nextch();
        }
    }

    fn full_comment(&mut self) {
        while self.ch >= 0 {
            while self.is('*') {
                self.nextch();
                if self.is('/') {
                    self.nextch();
                    return;
                }
            }
            self.nextch();
        }
        self.error_in_token(0, "comment not terminated".into());
    }
}

/// Decodes the first character of `b`, or `None` if `b` does not start with
/// valid UTF-8 (Go's `utf8.DecodeRune` returning `RuneError` of width 1).
fn decode_utf8(b: &[u8]) -> Option<char> {
    let b = &b[..b.len().min(4)];
    let valid = match std::str::from_utf8(b) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&b[..e.valid_up_to()]).ok()?,
    };
    valid.chars().next()
}

fn lower(ch: i32) -> i32 {
    ('a' as i32 - 'A' as i32) | ch
}

fn is_letter(ch: i32) -> bool {
    ('a' as i32..='z' as i32).contains(&lower(ch)) || ch == '_' as i32
}

fn is_decimal(ch: i32) -> bool {
    ('0' as i32..='9' as i32).contains(&ch)
}

fn is_hex(ch: i32) -> bool {
    is_decimal(ch) || ('a' as i32..='f' as i32).contains(&lower(ch))
}

// Go's letters are Unicode category L and its digits category Nd. Rust's
// std only offers the Alphabetic and Numeric properties, which are close
// supersets; the difference (e.g. combining vowel signs) only matters for
// exotic identifiers.
fn is_unicode_letter(c: char) -> bool {
    c.is_alphabetic()
}

fn is_unicode_digit(c: char) -> bool {
    c.is_numeric() && !c.is_alphabetic()
}

/// A character as Go's `%#U` prints it: `U+0040 '@'`.
fn quote_u(ch: i32) -> String {
    match char::from_u32(ch as u32) {
        Some(c) if !c.is_control() && (!c.is_whitespace() || c == ' ') => {
            format!("U+{:04X} '{}'", ch, c)
        }
        _ => format!("U+{:04X}", ch),
    }
}

/// A character as Go's `%q` prints it: `'x'`, `'"'`, `'\''`, `'\n'`.
fn quote_char(ch: i32) -> String {
    match char::from_u32(ch as u32) {
        Some('\'') => "'\\''".to_string(),
        Some('"') => "'\"'".to_string(),
        Some(c) => format!("'{}'", c.escape_debug()),
        None => format!("'\\x{:02x}'", ch),
    }
}
