//! Checks every primitive against `testdata/golden.txt`, which the real Go
//! 1.27 toolchain printed by running `testdata/golden.go` (see that file for
//! the line format and how to regenerate it). The `P` lines go through the
//! whole stack: [`printf`] with a small stand-in for the value walker that
//! dispatches the basic Go types the way Go's `printArg` does.

use std::borrow::Cow;

use super::print::{
    bad_verb, print_bool, print_bytes, print_complex, print_float, print_integer, print_nil,
    print_string,
};
use super::spec::Spec;
use super::strconv::{
    can_backquote, format_float, is_graphic, is_print, quote, quote_rune, quote_rune_to_ascii,
    quote_rune_to_graphic, quote_to_ascii, quote_to_graphic,
};
use super::text::fmt_s;
use super::utf8::append_rune;
use super::verbs::{printf, PrintfArgs};

const GOLDEN: &str = include_str!("testdata/golden.txt");

/// Reverses `strconv.Quote` (the forms it emits).
fn unquote(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    assert!(
        b.len() >= 2 && b[0] == b'"' && b[b.len() - 1] == b'"',
        "not quoted: {s}"
    );
    let b = &b[1..b.len() - 1];
    let mut out = Vec::new();
    let mut i = 0;
    let hex = |h: &[u8]| u32::from_str_radix(std::str::from_utf8(h).unwrap(), 16).unwrap();
    while i < b.len() {
        if b[i] != b'\\' {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let c = b[i + 1];
        i += 2;
        match c {
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'\\' | b'"' | b'\'' => out.push(c),
            b'x' => {
                out.push(hex(&b[i..i + 2]) as u8);
                i += 2;
            }
            b'u' => {
                append_rune(&mut out, hex(&b[i..i + 4]));
                i += 4;
            }
            b'U' => {
                append_rune(&mut out, hex(&b[i..i + 8]));
                i += 8;
            }
            _ => panic!("unknown escape in {s}"),
        }
    }
    out
}

fn parse_float(s: &str) -> f64 {
    match s {
        "NaN" => f64::NAN,
        "+Inf" => f64::INFINITY,
        "-Inf" => f64::NEG_INFINITY,
        _ => s.parse().unwrap_or_else(|_| panic!("bad float {s}")),
    }
}

/// One operand, as Go's `printArg` sees its dynamic type.
#[derive(Debug)]
enum Arg {
    Int(i64, String),
    Uint(u64, String),
    F64(f64),
    F32(f32),
    C128(f64, f64),
    Str(Vec<u8>),
    Bytes(Option<Vec<u8>>),
    Bool(bool),
    Nil,
}

impl Arg {
    fn parse(tok: &str) -> Arg {
        if tok == "nil" {
            return Arg::Nil;
        }
        let (ty, v) = tok.split_once(':').unwrap();
        match ty {
            "int" | "int8" | "int16" | "int32" | "int64" => Arg::Int(v.parse().unwrap(), ty.into()),
            "uint" | "uint8" | "uint16" | "uint32" | "uint64" | "uintptr" => {
                Arg::Uint(v.parse().unwrap(), ty.into())
            }
            "float64" => Arg::F64(parse_float(v)),
            "float32" => Arg::F32(parse_float(v) as f32),
            "complex128" => {
                let (re, im) = v.split_once(',').unwrap();
                Arg::C128(parse_float(re), parse_float(im))
            }
            "string" => Arg::Str(unquote(v)),
            "[]byte" if v == "nil" => Arg::Bytes(None),
            "[]byte" => Arg::Bytes(Some(unquote(v))),
            "bool" => Arg::Bool(v == "true"),
            _ => panic!("unknown arg type {ty}"),
        }
    }

    fn type_name(&self) -> &str {
        match self {
            Arg::Int(_, t) | Arg::Uint(_, t) => t,
            Arg::F64(_) => "float64",
            Arg::F32(_) => "float32",
            Arg::C128(..) => "complex128",
            Arg::Str(_) => "string",
            // reflect spells []byte's type this way.
            Arg::Bytes(_) => "[]uint8",
            Arg::Bool(_) => "bool",
            Arg::Nil => "<nil>",
        }
    }

    /// Go's `printArg` for the basic types.
    fn print(&self, out: &mut Vec<u8>, spec: &Spec, verb: char) {
        if let Arg::Nil = self {
            return print_nil(out, spec, verb);
        }
        match verb {
            'T' => return fmt_s(out, spec, self.type_name().as_bytes()),
            // Not a pointer kind: Go's fmtPointer reports a bad verb.
            'p' => return self.bad(out, spec, verb),
            _ => {}
        }
        let ok = match self {
            Arg::Int(v, _) => print_integer(out, spec, *v as u64, true, verb),
            Arg::Uint(v, _) => print_integer(out, spec, *v, false, verb),
            Arg::F64(v) => print_float(out, spec, *v, 64, verb),
            Arg::F32(v) => print_float(out, spec, *v as f64, 32, verb),
            Arg::C128(re, im) => print_complex(out, spec, *re, *im, 128, verb),
            Arg::Str(s) => print_string(out, spec, s, verb),
            Arg::Bool(b) => print_bool(out, spec, *b, verb),
            Arg::Bytes(b) => {
                let v = b.as_deref().unwrap_or(&[]);
                if !print_bytes(out, spec, v, b.is_none(), verb, "[]byte") {
                    // Go's printValue for a []uint8 under other verbs.
                    out.push(b'[');
                    for (i, &c) in v.iter().enumerate() {
                        if i > 0 {
                            out.push(b' ');
                        }
                        if !print_integer(out, spec, c as u64, false, verb) {
                            bad_verb(out, verb, Some("uint8"), |o| {
                                print_integer(o, spec, c as u64, false, 'v');
                            });
                        }
                    }
                    out.push(b']');
                }
                true
            }
            Arg::Nil => unreachable!(),
        };
        if !ok {
            self.bad(out, spec, verb);
        }
    }

    /// Go's `badVerb`: the value is printed with `v` and the same flags.
    fn bad(&self, out: &mut Vec<u8>, spec: &Spec, verb: char) {
        bad_verb(out, verb, Some(self.type_name()), |o| {
            self.print(o, spec, 'v')
        });
    }
}

struct Args(Vec<Arg>);

impl PrintfArgs for Args {
    fn num_args(&self) -> usize {
        self.0.len()
    }

    fn int_value(&self, i: usize) -> Option<i64> {
        match &self.0[i] {
            Arg::Int(v, _) => Some(*v),
            Arg::Uint(v, _) => i64::try_from(*v).ok(),
            _ => None,
        }
    }

    fn print_arg(&mut self, out: &mut Vec<u8>, i: usize, spec: &Spec, verb: char) {
        self.0[i].print(out, spec, verb);
    }

    fn type_name(&self, i: usize) -> Option<Cow<'_, str>> {
        match &self.0[i] {
            Arg::Nil => None,
            a => Some(Cow::Borrowed(a.type_name())),
        }
    }
}

fn sprintf(format: &[u8], args: Vec<Arg>) -> Vec<u8> {
    let mut out = Vec::new();
    printf(&mut out, format, &mut Args(args));
    out
}

#[test]
fn golden() {
    let counts = check(GOLDEN);
    assert!(
        counts[0] > 7000 && counts[1] > 10000 && counts[2] > 30 && counts[4] > 100,
        "{counts:?}"
    );
}

/// Checks a golden file named by `PGOJIT_FMT_GOLDEN`, in the same format:
/// for large throwaway comparisons (e.g. millions of random floats) that are
/// too big to keep in the repository.
#[test]
#[ignore]
fn golden_from_env() {
    let path = std::env::var("PGOJIT_FMT_GOLDEN").expect("set PGOJIT_FMT_GOLDEN to a golden file");
    let text = std::fs::read_to_string(path).unwrap();
    eprintln!("checked {:?}", check(&text));
}

/// Runs every line of `golden`, panicking with the first mismatches; returns
/// how many lines of each kind it checked.
fn check(golden: &str) -> [usize; 6] {
    let mut failures = Vec::new();
    let mut counts = [0usize; 6];
    let mut fail = |line: &str, got: String| failures.push(format!("{line}\n    got: {got}"));
    for line in golden.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        match f[0] {
            "P" => {
                counts[0] += 1;
                let args = f[3..].iter().map(|t| Arg::parse(t)).collect();
                let got = sprintf(&unquote(f[1]), args);
                if got != unquote(f[2]) {
                    fail(line, quote(&got));
                }
            }
            "F" => {
                counts[1] += 1;
                let bits: u32 = f[1].parse().unwrap();
                let prec: i32 = f[3].parse().unwrap();
                let v = parse_float(f[4].split_once(':').unwrap().1);
                let got = format_float(v, f[2].as_bytes()[0], prec, bits);
                if got.as_bytes() != unquote(f[5]) {
                    fail(line, got);
                }
            }
            "Q" => {
                counts[2] += 1;
                let s = unquote(f[1]);
                let got = [quote(&s), quote_to_ascii(&s), quote_to_graphic(&s)];
                for (g, want) in got.iter().zip(&f[2..5]) {
                    if g.as_bytes() != unquote(want) {
                        fail(line, g.clone());
                    }
                }
                if can_backquote(&s).to_string() != f[5] {
                    fail(line, format!("CanBackquote {}", can_backquote(&s)));
                }
            }
            "R" => {
                counts[3] += 1;
                let r = f[1].parse::<i32>().unwrap() as u32;
                let got = [
                    quote_rune(r),
                    quote_rune_to_ascii(r),
                    quote_rune_to_graphic(r),
                ];
                for (g, want) in got.iter().zip(&f[2..5]) {
                    if g.as_bytes() != unquote(want) {
                        fail(line, g.clone());
                    }
                }
            }
            "IP" | "IG" => {
                counts[4] += 1;
                let (lo, hi): (u32, u32) = (f[1].parse().unwrap(), f[2].parse().unwrap());
                let want = f[3] == "true";
                let pred = if f[0] == "IP" { is_print } else { is_graphic };
                if let Some(r) = (lo..=hi).find(|&r| pred(r) != want) {
                    fail(line, format!("differs at {r:#x}"));
                }
            }
            "W" => {
                counts[5] += 1;
                let a = sprintf(b"%10000000d", vec![Arg::Int(1, "int".into())]).len();
                let b = sprintf(b"%.10000000d|", vec![Arg::Int(1, "int".into())]).len();
                if [a.to_string(), b.to_string()] != [f[1], f[2]] {
                    fail(line, format!("{a} {b}"));
                }
            }
            _ => panic!("unknown golden line {line}"),
        }
    }
    let n = failures.len();
    failures.truncate(40);
    assert!(n == 0, "{n} mismatches with Go:\n{}", failures.join("\n"));
    counts
}
