//! The state of one formatting directive — Go's `fmt` struct (flags, width,
//! precision) — and the padding every primitive ends with (`pad`,
//! `writePadding`).

use super::utf8::rune_count;

/// One directive's flags, width and precision, as Go's `fmt.fmt` holds
/// them. `Default` is a plain `%v` with no flags (what `Print`/`Println` use).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Spec {
    /// Width, when given (`%8d`, `%*d`); never negative (a negative `*`
    /// width sets `minus` instead).
    pub wid: Option<usize>,
    /// Precision, when given (`%.2f`, `%.*d`; a bare `%.d` is `Some(0)`).
    pub prec: Option<usize>,
    /// `-`: pad on the right.
    pub minus: bool,
    /// `+`: always print a sign (for `%q`: ASCII-only quoting).
    pub plus: bool,
    /// `#`: alternate form.
    pub sharp: bool,
    /// ` `: leave a space for an elided sign; separate hex bytes.
    pub space: bool,
    /// `0`: pad with leading zeros (never on the right).
    pub zero: bool,
    /// `%+v`: print struct field names. For `v` verbs `plus` is moved here.
    pub plus_v: bool,
    /// `%#v`: Go syntax. For `v` verbs `sharp` is moved here.
    pub sharp_v: bool,
}

impl Spec {
    /// Go moves `+` and `#` into `plusV`/`sharpV` for `%v` (and `%w`)
    /// because they mean something else there; the directive driver calls
    /// this, a value walker printing nested `%v` gets it already applied.
    pub fn for_verb_v(mut self) -> Spec {
        self.sharp_v = self.sharp;
        self.sharp = false;
        self.plus_v = self.plus;
        self.plus = false;
        self
    }

    /// Go's `clearflags`: back to a plain directive.
    pub fn clear(&mut self) {
        *self = Spec::default();
    }

    /// The byte `writePadding` fills with: zeros only on the left.
    fn pad_byte(&self) -> u8 {
        if self.zero && !self.minus {
            b'0'
        } else {
            b' '
        }
    }
}

/// Go's `writePadding`: `n` bytes of padding (none if `n <= 0`), zeros if
/// the `0` flag is set without `-`, spaces otherwise.
pub fn write_padding(out: &mut Vec<u8>, spec: &Spec, n: isize) {
    if n > 0 {
        out.extend(std::iter::repeat_n(spec.pad_byte(), n as usize));
    }
}

/// Go's `pad`/`padString`: `b` padded to the width, counted in runes (each
/// undecodable byte counts as one), on the left unless `-`. Note Go really
/// does zero-pad strings: `%06s` of `ab` is `0000ab`.
pub fn pad(out: &mut Vec<u8>, spec: &Spec, b: &[u8]) {
    let wid = match spec.wid {
        Some(w) if w != 0 => w,
        _ => {
            out.extend_from_slice(b);
            return;
        }
    };
    let width = wid as isize - rune_count(b) as isize;
    if !spec.minus {
        write_padding(out, spec, width);
        out.extend_from_slice(b);
    } else {
        out.extend_from_slice(b);
        write_padding(out, spec, width);
    }
}

/// Go's `fmtBoolean`: `true`/`false`, padded.
pub fn fmt_boolean(out: &mut Vec<u8>, spec: &Spec, v: bool) {
    pad(out, spec, if v { b"true" } else { b"false" });
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{directive, out};
    use super::*;

    #[test]
    fn padding_counts_runes() {
        // Go: Sprintf("%6s|%-6s|%06s", "日本", "日本", "日本") = "    日本|日本    |0000日本"
        assert_eq!(
            out(|o| pad(o, &directive("%6s").0, "日本".as_bytes())),
            "    日本"
        );
        assert_eq!(
            out(|o| pad(o, &directive("%-6s").0, "日本".as_bytes())),
            "日本    "
        );
        assert_eq!(
            out(|o| pad(o, &directive("%06s").0, "日本".as_bytes())),
            "0000日本"
        );
        // Zeros are never padded on the right.
        assert_eq!(out(|o| pad(o, &directive("%-06s").0, b"ab")), "ab    ");
        assert_eq!(out(|o| pad(o, &directive("%1s").0, b"abc")), "abc");
    }

    #[test]
    fn booleans() {
        assert_eq!(out(|o| fmt_boolean(o, &directive("%5t").0, true)), " true");
        assert_eq!(
            out(|o| fmt_boolean(o, &directive("%-6t").0, false)),
            "false "
        );
        assert_eq!(
            out(|o| fmt_boolean(o, &directive("%06t").0, true)),
            "00true"
        );
    }

    #[test]
    fn verb_v_moves_plus_and_sharp() {
        let (s, _) = directive("%+#v");
        assert!(s.plus_v && s.sharp_v && !s.plus && !s.sharp);
    }
}
