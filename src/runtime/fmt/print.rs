//! Verb dispatch per operand kind and the error shapes, from Go 1.27's
//! `fmt/print.go`: which primitive each verb selects for bools, integers,
//! floats, complex numbers, strings, byte slices and pointers, and the
//! exact text of `%!verb(type=value)`, `%!verb(MISSING)`,
//! `%!verb(BADINDEX)`, `%!(EXTRA …)`, `%!verb(PANIC=…)` and `<nil>`.
//!
//! The `print_*` functions return `false` when Go would report a bad verb;
//! the value walker then calls [`bad_verb`] (it alone knows the operand's
//! Go type name and how to print the value with `%v`).

use super::num::{fmt_c, fmt_float, fmt_integer, fmt_qc, fmt_unicode, LDIGITS, UDIGITS};
use super::spec::{fmt_boolean, pad, Spec};
use super::text::{fmt_q, fmt_s, fmt_sbx};

/// Written for a nil operand (`%v` of a nil interface, map, pointer…).
pub const NIL_ANGLE: &[u8] = b"<nil>";
/// Written after a type name for `%#v` of nil slices, maps and interfaces.
pub const NIL_PAREN: &[u8] = b"(nil)";
/// Written when a `*` width operand is not a usable int.
pub const BAD_WIDTH: &[u8] = b"%!(BADWIDTH)";
/// Written when a `*` precision operand is not a usable int.
pub const BAD_PREC: &[u8] = b"%!(BADPREC)";
/// Written when the format ends inside a directive.
pub const NO_VERB: &[u8] = b"%!(NOVERB)";

/// Go's `fmtBool`: `%t` and `%v`.
pub fn print_bool(out: &mut Vec<u8>, spec: &Spec, v: bool, verb: char) -> bool {
    match verb {
        't' | 'v' => fmt_boolean(out, spec, v),
        _ => return false,
    }
    true
}

/// Go's `fmt0x64`: `v` in lower-case hex, with a `0x` prefix iff
/// `leading_0x` (used for `%p`, pointers under `%v` and `%#v` of unsigned
/// integers and bytes).
pub fn fmt_0x64(out: &mut Vec<u8>, spec: &Spec, v: u64, leading_0x: bool) {
    let s = Spec {
        sharp: leading_0x,
        ..*spec
    };
    fmt_integer(out, &s, v, 16, false, 'v', LDIGITS);
}

/// Go's `pp.fmtInteger`: any integer type under `%v %d %b %o %O %x %X %c
/// %q %U`. Signed values are passed as `v as i64 as u64` with `is_signed`.
/// `%#v` of an unsigned integer is `0x…`.
pub fn print_integer(out: &mut Vec<u8>, spec: &Spec, v: u64, is_signed: bool, verb: char) -> bool {
    match verb {
        'v' => {
            if spec.sharp_v && !is_signed {
                fmt_0x64(out, spec, v, true);
            } else {
                fmt_integer(out, spec, v, 10, is_signed, verb, LDIGITS);
            }
        }
        'd' => fmt_integer(out, spec, v, 10, is_signed, verb, LDIGITS),
        'b' => fmt_integer(out, spec, v, 2, is_signed, verb, LDIGITS),
        'o' | 'O' => fmt_integer(out, spec, v, 8, is_signed, verb, LDIGITS),
        'x' => fmt_integer(out, spec, v, 16, is_signed, verb, LDIGITS),
        'X' => fmt_integer(out, spec, v, 16, is_signed, verb, UDIGITS),
        'c' => fmt_c(out, spec, v),
        'q' => fmt_qc(out, spec, v),
        'U' => fmt_unicode(out, spec, v),
        _ => return false,
    }
    true
}

/// Go's `pp.fmtFloat`: a float under `%v %b %g %G %x %X %f %F %e %E`
/// (`size` 32 for `float32`, whose value is passed widened, else 64).
/// `%v` is shortest `%g`; `%f %e %E %F` default to 6 digits.
pub fn print_float(out: &mut Vec<u8>, spec: &Spec, v: f64, size: u32, verb: char) -> bool {
    match verb {
        'v' => fmt_float(out, spec, v, size, 'g', -1),
        'b' | 'g' | 'G' | 'x' | 'X' => fmt_float(out, spec, v, size, verb, -1),
        'f' | 'e' | 'E' => fmt_float(out, spec, v, size, verb, 6),
        'F' => fmt_float(out, spec, v, size, 'f', 6),
        _ => return false,
    }
    true
}

/// Go's `pp.fmtComplex`: `(re+imi)` with each part under the float verb,
/// the imaginary part always signed; `size` is 64 (`complex64`) or 128.
/// Width and flags apply to each part separately, as in Go.
pub fn print_complex(
    out: &mut Vec<u8>,
    spec: &Spec,
    re: f64,
    im: f64,
    size: u32,
    verb: char,
) -> bool {
    match verb {
        'v' | 'b' | 'g' | 'G' | 'x' | 'X' | 'f' | 'F' | 'e' | 'E' => {
            out.push(b'(');
            print_float(out, spec, re, size / 2, verb);
            let s = Spec {
                plus: true,
                ..*spec
            };
            print_float(out, &s, im, size / 2, verb);
            out.extend_from_slice(b"i)");
            true
        }
        _ => false,
    }
}

/// Go's `pp.fmtString`: a string under `%v %s %x %X %q` (`%#v` quotes).
/// Also what a `String()`/`Error()` result is printed with.
pub fn print_string(out: &mut Vec<u8>, spec: &Spec, s: &[u8], verb: char) -> bool {
    match verb {
        'v' => {
            if spec.sharp_v {
                fmt_q(out, spec, s);
            } else {
                fmt_s(out, spec, s);
            }
        }
        's' => fmt_s(out, spec, s),
        'x' => fmt_sbx(out, spec, s, LDIGITS),
        'X' => fmt_sbx(out, spec, s, UDIGITS),
        'q' => fmt_q(out, spec, s),
        _ => return false,
    }
    true
}

/// Go's `pp.fmtBytes`: a `[]byte` (or byte array, `is_nil` false) under
/// `%v %d` (`[1 2 3]`, or with `%#v` `type_string{0x1, 0x2}` /
/// `type_string(nil)`), `%s`, `%x`, `%X` and `%q`. Returns `false` for any
/// other verb: Go then prints it as an ordinary slice of `uint8`
/// (`[%!z(uint8=1) …]`, or `%o` per element), which is the walker's job.
pub fn print_bytes(
    out: &mut Vec<u8>,
    spec: &Spec,
    v: &[u8],
    is_nil: bool,
    verb: char,
    type_string: &str,
) -> bool {
    match verb {
        'v' | 'd' => {
            if spec.sharp_v {
                out.extend_from_slice(type_string.as_bytes());
                if is_nil {
                    out.extend_from_slice(NIL_PAREN);
                    return true;
                }
                out.push(b'{');
                for (i, &c) in v.iter().enumerate() {
                    if i > 0 {
                        out.extend_from_slice(b", ");
                    }
                    fmt_0x64(out, spec, c as u64, true);
                }
                out.push(b'}');
            } else {
                out.push(b'[');
                for (i, &c) in v.iter().enumerate() {
                    if i > 0 {
                        out.push(b' ');
                    }
                    fmt_integer(out, spec, c as u64, 10, false, verb, LDIGITS);
                }
                out.push(b']');
            }
        }
        's' => fmt_s(out, spec, v),
        'x' => fmt_sbx(out, spec, v, LDIGITS),
        'X' => fmt_sbx(out, spec, v, UDIGITS),
        'q' => fmt_q(out, spec, v),
        _ => return false,
    }
    true
}

/// Go's `pp.fmtPointer` for a pointer, channel, func, map, slice or unsafe
/// pointer whose address is `u`: `%p` and `%v` print `0xc000012345` (`#`
/// drops the `0x`), nil under `%v` prints `<nil>`, `%#v` prints
/// `(type_string)(0x…)` or `(type_string)(nil)`, and `%b %o %d %x %X` print
/// the address as an integer.
pub fn print_pointer(
    out: &mut Vec<u8>,
    spec: &Spec,
    u: u64,
    verb: char,
    type_string: &str,
) -> bool {
    match verb {
        'v' => {
            if spec.sharp_v {
                out.push(b'(');
                out.extend_from_slice(type_string.as_bytes());
                out.extend_from_slice(b")(");
                if u == 0 {
                    out.extend_from_slice(b"nil");
                } else {
                    fmt_0x64(out, spec, u, true);
                }
                out.push(b')');
            } else if u == 0 {
                pad(out, spec, NIL_ANGLE);
            } else {
                fmt_0x64(out, spec, u, !spec.sharp);
            }
        }
        'p' => fmt_0x64(out, spec, u, !spec.sharp),
        'b' | 'o' | 'd' | 'x' | 'X' => return print_integer(out, spec, u, false, verb),
        _ => return false,
    }
    true
}

/// Go's `printArg` for a nil interface operand: `<nil>` (padded) for `%v`
/// and `%T`, `%!verb(<nil>)` otherwise.
pub fn print_nil(out: &mut Vec<u8>, spec: &Spec, verb: char) {
    match verb {
        'T' | 'v' => pad(out, spec, NIL_ANGLE),
        _ => bad_verb(out, verb, None, |_| {}),
    }
}

/// Go's `badVerb`: `%!verb(type=value)`, or `%!verb(<nil>)` when
/// `type_name` is `None` (a nil operand). `value` writes the operand as Go
/// does there: `printArg(arg, 'v')` with the directive's flags and width
/// still in force (`%5z` of 3 is `%!z(int=    3)`), and no Stringer/error
/// methods called.
pub fn bad_verb(
    out: &mut Vec<u8>,
    verb: char,
    type_name: Option<&str>,
    value: impl FnOnce(&mut Vec<u8>),
) {
    write_bang(out, verb);
    out.push(b'(');
    match type_name {
        Some(t) => {
            out.extend_from_slice(t.as_bytes());
            out.push(b'=');
            value(out);
        }
        None => out.extend_from_slice(NIL_ANGLE),
    }
    out.push(b')');
}

/// Go's `missingArg`: `%!verb(MISSING)`.
pub fn missing_arg(out: &mut Vec<u8>, verb: char) {
    write_bang(out, verb);
    out.extend_from_slice(b"(MISSING)");
}

/// Go's `badArgNum`: `%!verb(BADINDEX)`.
pub fn bad_arg_num(out: &mut Vec<u8>, verb: char) {
    write_bang(out, verb);
    out.extend_from_slice(b"(BADINDEX)");
}

/// Go's `catchPanic` text for a `String`/`Error`/`Format`/`GoString` method
/// that panicked: `%!verb(PANIC=method method: value)`, where `value`
/// prints the panic value with `%v` and cleared flags. (A nil receiver
/// pointer prints just `<nil>` instead; the caller decides that.)
pub fn panic_in_method(
    out: &mut Vec<u8>,
    verb: char,
    method: &str,
    value: impl FnOnce(&mut Vec<u8>),
) {
    write_bang(out, verb);
    out.extend_from_slice(b"(PANIC=");
    out.extend_from_slice(method.as_bytes());
    out.extend_from_slice(b" method: ");
    value(out);
    out.push(b')');
}

/// One operand of `%!(EXTRA …)`: `type=value`, or `<nil>` for a nil
/// interface; `value` prints it with `%v` and cleared flags. The
/// [`super::verbs::printf`] driver writes the `%!(EXTRA `, `, ` and `)`
/// around these.
pub fn extra_arg(out: &mut Vec<u8>, type_name: Option<&str>, value: impl FnOnce(&mut Vec<u8>)) {
    match type_name {
        Some(t) => {
            out.extend_from_slice(t.as_bytes());
            out.push(b'=');
            value(out);
        }
        None => out.extend_from_slice(NIL_ANGLE),
    }
}

fn write_bang(out: &mut Vec<u8>, verb: char) {
    let mut b = [0u8; 4];
    out.extend_from_slice(b"%!");
    out.extend_from_slice(verb.encode_utf8(&mut b).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{directive, out};
    use super::*;

    /// Go's printArg for a pointer operand, with the bad-verb fallback.
    fn ptr(d: &str, u: u64, ty: &str) -> String {
        let (spec, verb) = directive(d);
        out(|o| {
            if !print_pointer(o, &spec, u, verb, ty) {
                bad_verb(o, verb, Some(ty), |o| {
                    print_pointer(o, &spec, u, 'v', ty);
                });
            }
        })
    }

    #[test]
    fn pointers() {
        // Go 1.27, p := unsafe.Pointer(uintptr(0xc000)); var n *int:
        // Printf("%v|%p|%#v|%d|%x|%#p|%10p|%-10v|%#x|%o|%z|%s", p, ...) and
        // Printf("%v|%p|%#v|%d|%x|%#p|%10v|%-10v|%s", n, ...) printed:
        let want = "0xc000|0xc000|(unsafe.Pointer)(0xc000)|49152|c000|c000|    0xc000|0xc000    |0xc000|140000|%!z(unsafe.Pointer=0xc000)|%!s(unsafe.Pointer=0xc000)";
        let ds = [
            "%v", "%p", "%#v", "%d", "%x", "%#p", "%10p", "%-10v", "%#x", "%o", "%z", "%s",
        ];
        let got: Vec<String> = ds
            .iter()
            .map(|d| ptr(d, 0xc000, "unsafe.Pointer"))
            .collect();
        assert_eq!(got.join("|"), want);
        let want = "<nil>|0x0|(*int)(nil)|0|0|0|     <nil>|<nil>     |%!s(*int=<nil>)";
        let ds = ["%v", "%p", "%#v", "%d", "%x", "%#p", "%10v", "%-10v", "%s"];
        let got: Vec<String> = ds.iter().map(|d| ptr(d, 0, "*int")).collect();
        assert_eq!(got.join("|"), want);
    }

    #[test]
    fn error_forms() {
        assert_eq!(out(|o| missing_arg(o, 'd')), "%!d(MISSING)");
        assert_eq!(out(|o| bad_arg_num(o, 'é')), "%!é(BADINDEX)");
        assert_eq!(out(|o| bad_verb(o, 'd', None, |_| {})), "%!d(<nil>)");
        assert_eq!(
            out(|o| bad_verb(o, 'd', Some("string"), |o| o.extend_from_slice(b"hi"))),
            "%!d(string=hi)"
        );
        assert_eq!(
            out(|o| panic_in_method(o, 'v', "String", |o| o.extend_from_slice(b"boom"))),
            "%!v(PANIC=String method: boom)"
        );
        assert_eq!(out(|o| print_nil(o, &directive("%5v").0, 'v')), "<nil>");
        assert_eq!(out(|o| print_nil(o, &directive("%d").0, 'd')), "%!d(<nil>)");
    }
}
