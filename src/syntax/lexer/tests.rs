//! Lexer tests: token streams with semicolon insertion, every literal form
//! and escape, positions, and lexical errors (messages and positions as gc
//! reports them).

use super::Lexer;
use crate::syntax::ast::Pos;
use crate::syntax::token::{LitValue, Tok, Token};

/// All tokens of `src` up to EOF (at most 10000, in case of a bug).
fn tokens(src: &str) -> Vec<Token> {
    let mut lx = Lexer::new(src.as_bytes());
    let mut out = Vec::new();
    for _ in 0..10_000 {
        let t = lx.next_token();
        if t.tok == Tok::Eof {
            break;
        }
        out.push(t);
    }
    out
}

/// The tokens of `src` as short strings: names and literals by their text,
/// semicolons by why they are there.
fn show(src: &str) -> String {
    let parts: Vec<String> = tokens(src)
        .iter()
        .map(|t| match t.tok {
            Tok::Semi => format!(";{}", t.lit),
            Tok::Name => t.lit.clone(),
            k if k.is_literal() => t.lit.clone(),
            k => k.text().to_string(),
        })
        .collect();
    parts.join(" ")
}

fn one(src: &str) -> Token {
    let mut ts = tokens(src);
    assert!(!ts.is_empty(), "no token in {src:?}");
    ts.remove(0)
}

/// The first lexical error for `src`, as `line:col: message`.
fn lex_err(src: &str) -> String {
    let mut lx = Lexer::new(src.as_bytes());
    while lx.next_token().tok != Tok::Eof {}
    match lx.error() {
        Some(e) => format!("{}: {}", e.pos, e.msg),
        None => panic!("no error for {src:?}"),
    }
}

fn no_err(src: &str) {
    let mut lx = Lexer::new(src.as_bytes());
    while lx.next_token().tok != Tok::Eof {}
    assert!(lx.error().is_none(), "{src:?}: {:?}", lx.error());
}

fn str_value(src: &str) -> Vec<u8> {
    match one(src).value {
        LitValue::Str(s) => s,
        v => panic!("{v:?}"),
    }
}

fn rune_value(src: &str) -> u32 {
    match one(src).value {
        LitValue::Rune(r) => r,
        v => panic!("{v:?}"),
    }
}

#[test]
fn semicolons_after_line_enders() {
    assert_eq!(show("x := a[i]\n"), "x := a [ i ] ;newline");
    assert_eq!(
        show("f(x)\ny++\nz--\n"),
        "f ( x ) ;newline y ++ ;newline z -- ;newline"
    );
    assert_eq!(
        show("return\nbreak\ncontinue\nfallthrough\n"),
        "return ;newline break ;newline continue ;newline fallthrough ;newline"
    );
    assert_eq!(
        show("}\n1\n1.5\n'a'\n\"s\"\n`r`\n"),
        "} ;newline 1 ;newline 1.5 ;newline 'a' ;newline \"s\" ;newline `r` ;newline"
    );
    // No semicolon after operators, `{`, `,`, `(`, keywords other than the four.
    assert_eq!(
        show("a +\nb {\nc,\nd(\nif\nfunc\n"),
        "a + b { c , d ( if func"
    );
    assert_eq!(show("x ]\n"), "x ] ;newline");
}

#[test]
fn semicolon_at_eof_and_explicit() {
    assert_eq!(show("x"), "x ;EOF");
    assert_eq!(show("x)"), "x ) ;EOF");
    assert_eq!(show("x;y"), "x ;semicolon y ;EOF");
    assert_eq!(show("x // c"), "x ;EOF");
    assert_eq!(show("{"), "{");
    assert_eq!(show(""), "");
}

#[test]
fn comments_and_semicolons() {
    // A line comment leaves the newline.
    assert_eq!(show("x // c\ny"), "x ;newline y ;EOF");
    // A block comment spanning lines acts as a newline.
    assert_eq!(show("x /* a\nb */ y"), "x ;newline y ;EOF");
    // One on a single line does not.
    assert_eq!(show("x /* a */ y"), "x y ;EOF");
    assert_eq!(show("/* a\nb */ x"), "x ;EOF");
    assert_eq!(show("a /**/+/**/b"), "a + b ;EOF");
}

#[test]
fn semicolon_positions() {
    // The inserted semicolon sits where the newline (or EOF) is.
    let ts = tokens("\tfmt.Println(x)  \ny");
    let semi = &ts[6];
    assert_eq!((semi.tok, semi.pos), (Tok::Semi, Pos::new(1, 18)));
    let ts = tokens("x /* a\n b */");
    assert_eq!((ts[1].tok, ts[1].pos), (Tok::Semi, Pos::new(1, 3)));
    let ts = tokens("ab");
    assert_eq!((ts[1].tok, ts[1].pos), (Tok::Semi, Pos::new(1, 3)));
}

#[test]
fn all_operators() {
    let src = "+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ != <= >= := ... ( [ { , . ) ] } ; :";
    let got: Vec<&str> = tokens(src).iter().map(|t| t.tok.text()).collect();
    let want: Vec<&str> = src.split(' ').collect();
    assert_eq!(got[..want.len()], want[..]);
}

#[test]
fn greedy_operators() {
    assert_eq!(show("a&^=b"), "a &^= b ;EOF");
    assert_eq!(show("a<<=b"), "a <<= b ;EOF");
    assert_eq!(show("a<-b"), "a <- b ;EOF");
    assert_eq!(show("a...b"), "a ... b ;EOF");
    assert_eq!(show("a..b"), "a . . b ;EOF");
    assert_eq!(show("a.b"), "a . b ;EOF");
    assert_eq!(show("a&&^b"), "a && ^ b ;EOF");
    assert_eq!(show("x:=y"), "x := y ;EOF");
}

#[test]
fn keywords_and_identifiers() {
    let ts = tokens("break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var");
    assert_eq!(ts.iter().filter(|t| t.tok.is_keyword()).count(), 25);
    assert_eq!(
        show("iota _x x1 αβ 日本 breaks"),
        "iota _x x1 αβ 日本 breaks ;EOF"
    );
    let t = one("héllo");
    assert_eq!((t.tok, t.lit.as_str()), (Tok::Name, "héllo"));
}

#[test]
fn positions_are_byte_columns() {
    let ts = tokens("\t\tx = \"é\" + y\n  z");
    let at = |i: usize| ts[i].pos;
    assert_eq!(at(0), Pos::new(1, 3)); // tabs count one column each
    assert_eq!(at(1), Pos::new(1, 5));
    assert_eq!(at(2), Pos::new(1, 7));
    assert_eq!(at(3), Pos::new(1, 12)); // "é" is 4 bytes with the quotes
    assert_eq!(at(4), Pos::new(1, 14));
    assert_eq!(at(6), Pos::new(2, 3));
}

#[test]
fn integer_literals_keep_their_text() {
    for src in [
        "0",
        "42",
        "0x1F",
        "0X1f",
        "0o17",
        "0O17",
        "017",
        "0b101",
        "0B1",
        "1_000",
        "0x_1F",
        "0b_1",
        "123456789012345678901234567890",
    ] {
        let t = one(src);
        assert_eq!((t.tok, t.lit.as_str()), (Tok::Int, src));
        no_err(src);
    }
}

#[test]
fn float_literals_keep_their_text() {
    for src in [
        "1.5", "1.", ".5", "1e9", "1E+9", "1e-9", "1_000.5", "0.", "01.5", "09.5", "0x1p-2",
        "0x1.8p1", "0X.8P0", "0x_1p4", "1e1_0",
    ] {
        let t = one(src);
        assert_eq!((t.tok, t.lit.as_str()), (Tok::Float, src), "{src}");
        no_err(src);
    }
}

#[test]
fn imaginary_literals_scan() {
    let mut lx = Lexer::new(b"x = 1i + 2.5i");
    let mut toks = Vec::new();
    loop {
        let t = lx.next_token();
        if t.tok == Tok::Eof {
            break;
        }
        toks.push(t.tok);
    }
    assert_eq!(toks[2], Tok::Imag);
    assert_eq!(toks[4], Tok::Imag);
    assert!(lx.error().is_none());
    assert!(lx.unsupported().is_none());
}

#[test]
fn number_errors() {
    assert_eq!(lex_err("x := 0x"), "1:8: hexadecimal literal has no digits");
    assert_eq!(
        lex_err("x := 09"),
        "1:7: invalid digit '9' in octal literal"
    );
    assert_eq!(
        lex_err("x := 0b102"),
        "1:10: invalid digit '2' in binary literal"
    );
    assert_eq!(
        lex_err("x := 0o8"),
        "1:8: invalid digit '8' in octal literal"
    );
    assert_eq!(
        lex_err("x := 1__0"),
        "1:8: '_' must separate successive digits"
    );
    assert_eq!(
        lex_err("x := 10_"),
        "1:8: '_' must separate successive digits"
    );
    assert_eq!(
        lex_err("x := 0_x1"),
        "1:7: '_' must separate successive digits"
    );
    assert_eq!(lex_err("x := 1e"), "1:8: exponent has no digits");
    assert_eq!(
        lex_err("x := 0x1.0"),
        "1:11: hexadecimal mantissa requires a 'p' exponent"
    );
    assert_eq!(
        lex_err("x := 0b1.0"),
        "1:9: invalid radix point in binary literal"
    );
    assert_eq!(lex_err("x := 0x1e5p"), "1:12: exponent has no digits");
    assert_eq!(
        lex_err("x := 1p5"),
        "1:7: 'p' exponent requires hexadecimal mantissa"
    );
    assert_eq!(
        lex_err("x := 0b1e5"),
        "1:9: 'e' exponent requires decimal mantissa"
    );
}

#[test]
fn rune_literals() {
    for (src, want) in [
        ("'a'", 'a' as u32),
        ("'é'", 0xe9),
        ("'日'", 0x65e5),
        ("'\\a'", 7),
        ("'\\b'", 8),
        ("'\\f'", 12),
        ("'\\n'", 10),
        ("'\\r'", 13),
        ("'\\t'", 9),
        ("'\\v'", 11),
        ("'\\\\'", 92),
        ("'\\''", 39),
        ("'\\000'", 0),
        ("'\\377'", 255),
        ("'\\x41'", 65),
        ("'\\xff'", 255),
        ("'\\u00e9'", 0xe9),
        ("'\\U0001F600'", 0x1f600),
        ("'\"'", 34),
    ] {
        assert_eq!(rune_value(src), want, "{src}");
        assert_eq!(one(src).lit, src);
        no_err(src);
    }
}

#[test]
fn rune_errors() {
    assert_eq!(lex_err("x = ''"), "1:6: empty rune literal or unescaped '");
    assert_eq!(
        lex_err("x = 'ab'"),
        "1:5: more than one character in rune literal"
    );
    assert_eq!(lex_err("x = '\\q'"), "1:7: unknown escape");
    assert_eq!(lex_err("x = '\\\"'"), "1:7: unknown escape");
    assert_eq!(lex_err("x = '\\400'"), "1:10: octal escape value 256 > 255");
    assert_eq!(lex_err("x = '\\8'"), "1:7: unknown escape");
    assert_eq!(
        lex_err("x = '\\x4g'"),
        "1:9: invalid character 'g' in hexadecimal escape"
    );
    assert_eq!(
        lex_err("x = '\\ud800'"),
        "1:12: escape is invalid Unicode code point U+D800"
    );
    assert_eq!(
        lex_err("x = '\\U00110000'"),
        "1:16: escape is invalid Unicode code point U+110000"
    );
    assert_eq!(lex_err("x = 'a\n'"), "1:7: newline in rune literal");
    assert_eq!(lex_err("x = 'a"), "1:5: rune literal not terminated");
}

#[test]
fn interpreted_strings_are_decoded() {
    assert_eq!(str_value(r#""abc""#), b"abc");
    assert_eq!(str_value(r#""a\tb\n\\\"""#), b"a\tb\n\\\"");
    assert_eq!(str_value(r#""\a\b\f\r\v""#), b"\x07\x08\x0c\r\x0b");
    // \x and octal escapes give raw bytes, \u and \U give UTF-8.
    assert_eq!(str_value(r#""\xff\377\x41""#), b"\xff\xffA");
    assert_eq!(str_value(r#""\u00e9\U0001F600""#), "é😀".as_bytes());
    assert_eq!(str_value("\"héllo\""), "héllo".as_bytes());
    assert_eq!(str_value(r#""""#), b"");
    no_err(r#""\xff\u00e9""#);
}

#[test]
fn raw_strings_drop_carriage_returns() {
    assert_eq!(str_value("`a\\n\r\nb`"), b"a\\n\nb");
    assert_eq!(str_value("``"), b"");
    let t = one("`x\ny`");
    assert_eq!(t.lit, "`x\ny`");
    // A raw string spanning lines still ends the line for semicolons.
    assert_eq!(show("`a\nb`\nx"), "`a\nb` ;newline x ;EOF");
}

#[test]
fn string_errors() {
    assert_eq!(lex_err("x = \"ab\ny\""), "1:8: newline in string");
    assert_eq!(lex_err("x = \"ab"), "1:5: string not terminated");
    assert_eq!(lex_err("x = `ab"), "1:5: string not terminated");
    assert_eq!(lex_err("x = \"\\'\""), "1:7: unknown escape");
    assert_eq!(
        lex_err("x = \"\\x\""),
        "1:8: invalid character '\"' in hexadecimal escape"
    );
}

#[test]
fn encoding_errors() {
    assert_eq!(lex_err("x = 1\n\tab\u{0}c"), "2:4: invalid NUL character");
    assert_eq!(lex_err("x = \"a\u{0}\""), "1:7: invalid NUL character");
    let mut lx = Lexer::new(b"x = \"\xffa\" // \xfe\n");
    while lx.next_token().tok != Tok::Eof {}
    let e = lx.error().unwrap();
    assert_eq!(
        (e.pos, e.msg.as_str()),
        (Pos::new(1, 6), "invalid UTF-8 encoding")
    );
    // A surrogate encoded in UTF-8 is invalid too.
    let mut lx = Lexer::new(b"// \xed\xa0\x80\n");
    while lx.next_token().tok != Tok::Eof {}
    assert_eq!(lx.error().unwrap().pos, Pos::new(1, 4));
}

#[test]
fn byte_order_mark() {
    // Skipped at the start; columns still count its bytes, as in gc.
    let ts = tokens("\u{feff}package p");
    assert_eq!((ts[0].tok, ts[0].pos), (Tok::Package, Pos::new(1, 4)));
    assert_eq!(
        lex_err("package p\n\u{feff}"),
        "2:1: invalid BOM in the middle of the file"
    );
}

#[test]
fn invalid_characters() {
    assert_eq!(lex_err("x = @y"), "1:5: invalid character U+0040 '@'");
    assert_eq!(lex_err("x = #"), "1:5: invalid character U+0023 '#'");
    assert_eq!(
        lex_err("x = a€"),
        "1:6: invalid character U+20AC '€' in identifier"
    );
    assert_eq!(
        lex_err("x = ٣x"),
        "1:5: identifier cannot begin with digit U+0663 '٣'"
    );
    assert_eq!(lex_err("x = 1 /* open"), "1:7: comment not terminated");
    // The lexer goes on after an error, like gc's.
    assert_eq!(show("a @ b"), "a b ;EOF");
}
