//! Go's `fmt` formatting primitives: byte-exact ports of Go 1.27's
//! `fmt/format.go`, the verb dispatch and error shapes of `fmt/print.go`,
//! and the `strconv` they rest on. Everything is a pure function over
//! primitive Rust values appending to a `&mut Vec<u8>` (Go strings are
//! bytes and may be invalid UTF-8); walking Go values of arbitrary type and
//! calling these is the value printer's job.
//!
//! - [`verbs`]: format-string parsing and the `Printf` driver (`*`, `[n]`,
//!   `%%`, `NOVERB`, `MISSING`, `EXTRA`, `BADINDEX`, `BADWIDTH`, `BADPREC`).
//! - [`spec`]: the per-directive flags/width/precision ([`spec::Spec`]) and
//!   padding.
//! - [`num`]: integers (`%d %b %o %O %x %X %c %q %U`) and floats.
//! - [`text`]: strings and byte slices (`%s %q %x %X`).
//! - [`mod@print`]: per-kind verb dispatch and the `%!verb(…)` error forms.
//! - [`strconv`]: `FormatFloat`, `Quote`, `QuoteRune`, `IsPrint`, … and
//!   what the builtin `println` prints for floats.
//! - [`utf8`]: Go's UTF-8 decoding rules (one `U+FFFD` per bad byte).
//! - `isprint`: Go's printability tables.
//!
//! Expected outputs in the tests come from running the real Go toolchain;
//! the programs are in `src/runtime/fmt/testdata/`.

mod isprint;
pub mod num;
pub mod print;
pub mod spec;
pub mod strconv;
pub mod text;
pub mod utf8;
pub mod verbs;

pub use spec::Spec;

#[cfg(test)]
mod golden_tests;

/// Helpers shared by the unit tests.
#[cfg(test)]
mod test_util {
    use super::spec::Spec;
    use super::verbs::{parse, Count, Piece};

    /// The spec and verb of one literal directive such as `%-08.3f`, as
    /// the `printf` driver would pass them (`v` with `+`/`#` moved).
    pub fn directive(d: &str) -> (Spec, char) {
        let Some(Piece::Directive(d)) = parse(d.as_bytes()).next() else {
            panic!("not a directive: {d}");
        };
        let mut spec = d.flags;
        if let Some(Count::Num(w)) = d.width {
            spec.wid = Some(w);
        }
        if let Some(p) = d.precision {
            let Count::Num(p) = p.count else {
                panic!("no * here")
            };
            spec.prec = Some(p);
        }
        let verb = d.verb.expect("a verb");
        if verb == 'v' {
            spec = spec.for_verb_v();
        }
        (spec, verb)
    }

    /// Runs `f` on a fresh buffer and returns what it wrote as text.
    pub fn out(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut v = Vec::new();
        f(&mut v);
        String::from_utf8(v).expect("test output is UTF-8")
    }
}
