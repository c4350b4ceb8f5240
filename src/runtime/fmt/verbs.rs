//! Format strings: parsing Go `Printf` directives ([`parse`]) and the
//! driver that runs a whole format against operands ([`printf`]), a
//! transcription of Go 1.27's `doPrintf` including its corner cases: `*`
//! widths and precisions taken from operands (`%!(BADWIDTH)`,
//! `%!(BADPREC)`, negative widths meaning `-`), explicit argument indexes
//! `%[n]d` (`%!d(BADINDEX)`, and no `%!(EXTRA …)` check once used), `%%`, a
//! trailing `%` (`%!(NOVERB)`), `%!d(MISSING)` and `%!(EXTRA type=value, …)`.
//!
//! Parsing does not depend on the operands (in Go too: only which operand a
//! directive uses does), so [`parse`] is usable at compile time, e.g. to
//! lint or specialize constant formats; [`printf`] replays exactly Go's
//! evaluation order over the parsed pieces.

use std::borrow::Cow;

use super::print::{bad_arg_num, extra_arg, missing_arg, BAD_PREC, BAD_WIDTH, NO_VERB};
use super::spec::Spec;
use super::utf8::decode_rune;

/// An explicit argument index `[n]` as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgIndex {
    /// `[n]`: the 1-based operand number as written; it may be 0 or past
    /// the last operand, which makes the directive `%!v(BADINDEX)`.
    Number(usize),
    /// `[` without a well-formed `n]` (e.g. `[x]`, `[1`, `[]`): always
    /// `BADINDEX`.
    Malformed,
}

/// A width or precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// Literal digits (a precision with no digits, `%.f`, is `Num(0)`).
    Num(usize),
    /// `*`: taken from the next operand, which must be an integer.
    Star,
}

/// The precision part of a directive, after the `.`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Precision {
    /// `[n]` right after the `.` (`%.[2]*d`).
    pub arg_index: Option<ArgIndex>,
    pub count: Count,
}

/// One `%` directive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Directive {
    /// The flags `-+# 0` (only the flag fields are set).
    pub flags: Spec,
    /// `[n]` before the width.
    pub arg_index: Option<ArgIndex>,
    pub width: Option<Count>,
    pub precision: Option<Precision>,
    /// `[n]` right before the verb.
    pub verb_index: Option<ArgIndex>,
    /// Go rejects an index followed by a literal width or precision
    /// (`%[3]2d`, `%[3].2d`) with `BADINDEX`.
    pub index_misplaced: bool,
    /// The verb; an undecodable byte is U+FFFD. `None`: the format ended
    /// inside the directive (`%!(NOVERB)`; nothing after it is processed,
    /// so this is the last piece). `Some('%')` is `%%` (also with flags or
    /// width, which `%` ignores).
    pub verb: Option<char>,
}

/// A piece of a format string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Bytes copied as they are.
    Literal(&'a [u8]),
    Directive(Directive),
}

/// Splits a format string into [`Piece`]s, as Go's `doPrintf` reads it.
pub fn parse(format: &[u8]) -> Pieces<'_> {
    Pieces {
        format,
        i: 0,
        done: false,
    }
}

/// Iterator returned by [`parse`].
#[derive(Clone, Debug)]
pub struct Pieces<'a> {
    format: &'a [u8],
    i: usize,
    done: bool,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        let f = self.format;
        if self.done || self.i >= f.len() {
            return None;
        }
        if f[self.i] != b'%' {
            let start = self.i;
            while self.i < f.len() && f[self.i] != b'%' {
                self.i += 1;
            }
            return Some(Piece::Literal(&f[start..self.i]));
        }
        self.i += 1;
        let d = self.directive();
        if d.verb.is_none() {
            self.done = true;
        }
        Some(Piece::Directive(d))
    }
}

/// Go's `parsenum` result.
enum Num {
    None,
    Some(usize),
    /// More than 1e6: Go gives up on the rest of the format.
    Overflow,
}

/// Go's `parsenum` over `s[*i..end]`: decimal digits, refusing numbers past
/// 1e6 (then `*i` jumps to `end`).
fn parse_num(s: &[u8], i: &mut usize, end: usize) -> Num {
    let mut num: usize = 0;
    let mut isnum = false;
    while *i < end && s[*i].is_ascii_digit() {
        if num > 1_000_000 {
            *i = end;
            return Num::Overflow;
        }
        num = num * 10 + (s[*i] - b'0') as usize;
        isnum = true;
        *i += 1;
    }
    if isnum {
        Num::Some(num)
    } else {
        Num::None
    }
}

/// Go's `argNumber` (parsing part): an optional `[n]` at `*i`. The bool is
/// Go's `found`/`afterIndex`: true iff `n]` parsed, in range or not.
fn parse_arg_index(f: &[u8], i: &mut usize) -> (Option<ArgIndex>, bool) {
    if *i >= f.len() || f[*i] != b'[' {
        return (None, false);
    }
    let s = &f[*i..];
    // Go's parseArgNumber: at least "[n]"; the number must fill the
    // brackets; without a closing bracket only the '[' is consumed.
    if s.len() >= 3 {
        if let Some(close) = s.iter().skip(1).position(|&c| c == b']').map(|p| p + 1) {
            *i += close + 1;
            let mut j = 1;
            return match parse_num(s, &mut j, close) {
                Num::Some(n) if j == close => (Some(ArgIndex::Number(n)), true),
                _ => (Some(ArgIndex::Malformed), false),
            };
        }
    }
    *i += 1;
    (Some(ArgIndex::Malformed), false)
}

impl Pieces<'_> {
    /// Parses the directive after a `%`, leaving `self.i` after it.
    fn directive(&mut self) -> Directive {
        let f = self.format;
        let end = f.len();
        let mut i = self.i;
        let mut flags = Spec::default();
        while i < end {
            match f[i] {
                b'#' => flags.sharp = true,
                b'0' => flags.zero = true,
                b'+' => flags.plus = true,
                b'-' => flags.minus = true,
                b' ' => flags.space = true,
                _ => break,
            }
            i += 1;
        }
        let mut d = Directive {
            flags,
            arg_index: None,
            width: None,
            precision: None,
            verb_index: None,
            index_misplaced: false,
            verb: None,
        };

        let (ix, mut after_index) = parse_arg_index(f, &mut i);
        d.arg_index = ix;

        if i < end && f[i] == b'*' {
            i += 1;
            d.width = Some(Count::Star);
            after_index = false;
        } else {
            match parse_num(f, &mut i, end) {
                Num::Some(w) => {
                    d.width = Some(Count::Num(w));
                    if after_index {
                        d.index_misplaced = true; // "%[3]2d"
                    }
                }
                Num::None | Num::Overflow => {}
            }
        }

        // A '.' that ends the format is not a precision (it is the verb).
        if i + 1 < end && f[i] == b'.' {
            i += 1;
            if after_index {
                d.index_misplaced = true; // "%[3].2d"
            }
            let (ix, after) = parse_arg_index(f, &mut i);
            after_index = after;
            let count = if i < end && f[i] == b'*' {
                i += 1;
                after_index = false;
                Count::Star
            } else {
                match parse_num(f, &mut i, end) {
                    Num::Some(p) => Count::Num(p),
                    Num::None | Num::Overflow => Count::Num(0),
                }
            };
            d.precision = Some(Precision {
                arg_index: ix,
                count,
            });
        }

        if !after_index {
            d.verb_index = parse_arg_index(f, &mut i).0;
        }

        if i < end {
            let (r, size) = decode_rune(&f[i..]);
            i += size;
            d.verb = Some(char::from_u32(r).unwrap_or('\u{FFFD}'));
        }
        self.i = i;
        d
    }
}

/// What [`printf`] needs from the operands (Go's `a []any`).
pub trait PrintfArgs {
    /// Number of operands.
    fn num_args(&self) -> usize;

    /// For a `*` width or precision (Go's `intFromArg`): the operand's value
    /// if its kind is a Go integer kind (`int`…`int64`, `uint`…`uintptr`,
    /// named or not) and it fits in `i64`; `None` otherwise. The driver
    /// applies Go's ±1e6 limit.
    fn int_value(&self, i: usize) -> Option<i64>;

    /// Go's `printArg(a[i], verb)`: format operand `i` under `spec` (for
    /// `v`/`w` the driver has already moved `+`/`#` into `plus_v`/`sharp_v`),
    /// including `%T`, `%p`, methods, and [`super::print::bad_verb`] for
    /// verbs the operand's kind does not take.
    fn print_arg(&mut self, out: &mut Vec<u8>, i: usize, spec: &Spec, verb: char);

    /// `reflect.TypeOf(a[i]).String()`, or `None` for a nil interface; used
    /// for `%!(EXTRA type=value)`.
    fn type_name(&self, i: usize) -> Option<Cow<'_, str>>;
}

/// Go's `tooLarge` for `*` operands.
fn too_large(x: i64) -> bool {
    !(-1_000_000..=1_000_000).contains(&x)
}

/// Go's `intFromArg`: consumes operand `*arg_num` if there is one.
fn int_from_arg<A: PrintfArgs + ?Sized>(args: &A, arg_num: &mut usize) -> Option<i64> {
    if *arg_num >= args.num_args() {
        return None;
    }
    let v = args.int_value(*arg_num);
    *arg_num += 1;
    v.filter(|&x| !too_large(x))
}

/// Go's `argNumber` (evaluation part): selects operand `[n]` if in range;
/// otherwise marks the directive bad.
fn select_arg(ix: ArgIndex, n: usize, arg_num: &mut usize, good: &mut bool) {
    match ix {
        ArgIndex::Number(k) if k >= 1 && k - 1 < n => *arg_num = k - 1,
        _ => *good = false,
    }
}

/// Go's `Fprintf` core (`doPrintf`): appends the formatted result of
/// `format` applied to `args`.
pub fn printf<A: PrintfArgs + ?Sized>(out: &mut Vec<u8>, format: &[u8], args: &mut A) {
    let n = args.num_args();
    let mut arg_num = 0usize;
    let mut reordered = false;
    for piece in parse(format) {
        let d = match piece {
            Piece::Literal(b) => {
                out.extend_from_slice(b);
                continue;
            }
            Piece::Directive(d) => d,
        };
        let mut good = !d.index_misplaced;
        let mut spec = d.flags;

        if let Some(ix) = d.arg_index {
            reordered = true;
            select_arg(ix, n, &mut arg_num, &mut good);
        }
        match d.width {
            Some(Count::Star) => match int_from_arg(&*args, &mut arg_num) {
                Some(w) if w < 0 => {
                    // A negative width means left-justify, and zeros are
                    // never padded on the right.
                    spec.wid = Some(w.unsigned_abs() as usize);
                    spec.minus = true;
                    spec.zero = false;
                }
                Some(w) => spec.wid = Some(w as usize),
                None => out.extend_from_slice(BAD_WIDTH),
            },
            Some(Count::Num(w)) => spec.wid = Some(w),
            None => {}
        }
        if let Some(p) = d.precision {
            if let Some(ix) = p.arg_index {
                reordered = true;
                select_arg(ix, n, &mut arg_num, &mut good);
            }
            match p.count {
                Count::Star => match int_from_arg(&*args, &mut arg_num) {
                    // Negative precisions make no sense: reported too.
                    Some(p) if p >= 0 => spec.prec = Some(p as usize),
                    _ => out.extend_from_slice(BAD_PREC),
                },
                Count::Num(p) => spec.prec = Some(p),
            }
        }
        if let Some(ix) = d.verb_index {
            reordered = true;
            select_arg(ix, n, &mut arg_num, &mut good);
        }

        let Some(verb) = d.verb else {
            out.extend_from_slice(NO_VERB);
            break;
        };
        match verb {
            // Percent does not absorb operands and ignores width/precision.
            '%' => out.push(b'%'),
            _ if !good => bad_arg_num(out, verb),
            _ if arg_num >= n => missing_arg(out, verb),
            'v' | 'w' => {
                args.print_arg(out, arg_num, &spec.for_verb_v(), verb);
                arg_num += 1;
            }
            _ => {
                args.print_arg(out, arg_num, &spec, verb);
                arg_num += 1;
            }
        }
    }

    // Unused operands are reported, unless indexes were used (then it is
    // too expensive for Go to tell, so it doesn't).
    if !reordered && arg_num < n {
        out.extend_from_slice(b"%!(EXTRA ");
        for i in arg_num..n {
            if i > arg_num {
                out.extend_from_slice(b", ");
            }
            let name = args.type_name(i).map(Cow::into_owned);
            extra_arg(out, name.as_deref(), |o| {
                args.print_arg(o, i, &Spec::default(), 'v')
            });
        }
        out.push(b')');
    }
}

// Expected strings below are what Go 1.27 printed (the same cases are lines
// of testdata/golden.txt, generated by testdata/golden.go).
#[cfg(test)]
mod tests {
    use super::super::print::{bad_verb, print_integer};
    use super::*;

    fn directives(f: &str) -> Vec<Directive> {
        parse(f.as_bytes())
            .filter_map(|p| match p {
                Piece::Directive(d) => Some(d),
                Piece::Literal(_) => None,
            })
            .collect()
    }

    #[test]
    fn parses_directives() {
        let p: Vec<Piece> = parse(b"a%-+# 012.3db%%c").collect();
        assert_eq!(p.len(), 5);
        assert_eq!(p[0], Piece::Literal(b"a"));
        let Piece::Directive(d) = p[1] else { panic!() };
        assert!(d.flags.minus && d.flags.plus && d.flags.sharp && d.flags.space && d.flags.zero);
        assert_eq!(d.width, Some(Count::Num(12)));
        assert_eq!(
            d.precision,
            Some(Precision {
                arg_index: None,
                count: Count::Num(3)
            })
        );
        assert_eq!(d.verb, Some('d'));
        assert_eq!(p[2], Piece::Literal(b"b"));
        let Piece::Directive(pct) = p[3] else {
            panic!()
        };
        assert_eq!(pct.verb, Some('%'));
        assert_eq!(p[4], Piece::Literal(b"c"));

        let d = directives("%[2]*.[1]*[3]f");
        assert_eq!(d[0].arg_index, Some(ArgIndex::Number(2)));
        assert_eq!(d[0].width, Some(Count::Star));
        assert_eq!(
            d[0].precision,
            Some(Precision {
                arg_index: Some(ArgIndex::Number(1)),
                count: Count::Star
            })
        );
        assert_eq!(d[0].verb_index, Some(ArgIndex::Number(3)));
        assert!(!d[0].index_misplaced);

        assert!(directives("%[3]2d")[0].index_misplaced);
        assert!(directives("%[3].2d")[0].index_misplaced);
        assert_eq!(directives("%[x]d")[0].arg_index, Some(ArgIndex::Malformed));
        assert_eq!(directives("%.f")[0].precision.unwrap().count, Count::Num(0));
        // A '.' ending the format is the verb, not a precision.
        assert_eq!(directives("%5.")[0].verb, Some('.'));
        assert_eq!(directives("%é")[0].verb, Some('é'));
        assert_eq!(directives("%\u{ff}")[0].verb, Some('\u{ff}'));
        // Invalid UTF-8 verb byte decodes as U+FFFD.
        let raw: Vec<Piece> = parse(b"%\xffz").collect();
        assert_eq!(raw[1], Piece::Literal(b"z"));
        // 10000000 is still a width; a longer number ends the format.
        assert_eq!(
            directives("%10000000d")[0].width,
            Some(Count::Num(10_000_000))
        );
        let cut: Vec<Piece> = parse(b"%100000000d|x").collect();
        assert_eq!(cut.len(), 1);
        let Piece::Directive(d) = cut[0] else {
            panic!()
        };
        assert_eq!(d.verb, None);
    }

    /// Operands that are all Go `int`s.
    struct Ints(Vec<i64>);

    impl PrintfArgs for Ints {
        fn num_args(&self) -> usize {
            self.0.len()
        }
        fn int_value(&self, i: usize) -> Option<i64> {
            Some(self.0[i])
        }
        fn print_arg(&mut self, out: &mut Vec<u8>, i: usize, spec: &Spec, verb: char) {
            let v = self.0[i] as u64;
            if !print_integer(out, spec, v, true, verb) {
                bad_verb(out, verb, Some("int"), |o| {
                    print_integer(o, spec, v, true, 'v');
                });
            }
        }
        fn type_name(&self, _: usize) -> Option<Cow<'_, str>> {
            Some(Cow::Borrowed("int"))
        }
    }

    fn sprintf(f: &str, args: &[i64]) -> String {
        let mut out = Vec::new();
        printf(&mut out, f.as_bytes(), &mut Ints(args.to_vec()));
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn error_shapes() {
        let cases: &[(&str, &[i64], &str)] = &[
            ("%[2]d %[1]d", &[1, 2], "2 1"),
            ("%[3]d", &[1, 2], "%!d(BADINDEX)"),
            ("%[2]*[1]d", &[1, 2], " 1"),
            ("%[1]2d", &[1, 2], "%!d(BADINDEX)"),
            ("%.2[1]d", &[1, 2], "01"),
            ("%[2]d %d", &[1, 2], "2 %!d(MISSING)"),
            ("%[2]*d", &[3, 4], "%!d(MISSING)"),
            ("%d %d", &[1], "1 %!d(MISSING)"),
            ("%d", &[1, 2, 3], "1%!(EXTRA int=2, int=3)"),
            ("%", &[], "%!(NOVERB)"),
            ("abc%", &[1], "abc%!(NOVERB)%!(EXTRA int=1)"),
            ("%.", &[1], "%!.(int=1)"),
            ("%5.", &[1], "%!.(int=    1)"),
            ("%*d", &[-5, 3], "3    "),
            ("%0*d", &[-5, 3], "3    "),
            ("%.*d", &[-1, 5], "%!(BADPREC)5"),
            ("%*d", &[10000000, 4], "%!(BADWIDTH)4"),
            ("%*d", &[], "%!(BADWIDTH)%!d(MISSING)"),
            ("%!", &[1], "%!!(int=1)"),
            ("%5z", &[3], "%!z(int=    3)"),
            ("%%", &[1], "%%!(EXTRA int=1)"),
            ("%-5%", &[], "%"),
            ("%[1]%", &[1], "%"),
            ("%é", &[1], "%!é(int=1)"),
            ("%w", &[1], "%!w(int=1)"),
            ("%[1]d %[1]x %[1]o", &[64], "64 40 100"),
            ("%100000000d|x", &[1], "%!(NOVERB)%!(EXTRA int=1)"),
        ];
        for &(f, args, want) in cases {
            assert_eq!(sprintf(f, args), want, "{f} {args:?}");
        }
        let mut out = Vec::new();
        printf(&mut out, b"%\xff|\xfe", &mut Ints(vec![1]));
        let mut want = "%!\u{FFFD}(int=1)|".as_bytes().to_vec();
        want.push(0xfe); // literal bytes pass through untouched
        assert_eq!(out, want);
    }
}
