//! The standard library's natives: functions its Go source declares
//! without a body (`types::natives`), where Go itself uses assembly or
//! the runtime. Each reads its arguments from the call window at `at`
//! and writes its results there, as a Go function's frame would.

use super::{dyn_type, mem, Vm};
use crate::runtime::atof::{atof, Parsed};
use crate::runtime::fmt::strconv as fmtconv;
use crate::runtime::panic::Panic;
use crate::types::Native;

mod math;
mod strings;
mod sys;
mod unicode;

use strings::{count, find, rfind};
use unicode::{props, simple_fold, to_case};

impl Vm<'_> {
    fn str_arg(&self, at: usize) -> &'static [u8] {
        mem::bytes(self.stack[at], self.stack[at + 1])
    }

    /// Writes a new string's two words at `at`.
    fn ret_string(&mut self, at: usize, text: &[u8]) -> Result<(), Panic> {
        let (p, n) = self.heap.new_string(text)?;
        self.stack[at] = p;
        self.stack[at + 1] = n;
        Ok(())
    }

    /// The descriptor of the type `errors.As`'s target points to, or its
    /// complaint (1: no non-nil pointer, 2: neither interface nor error).
    fn as_target_elem(
        &self,
        ttab: u64,
        tdata: u64,
    ) -> Result<&'static crate::runtime::typedesc::TypeDesc, u64> {
        if ttab == 0 {
            return Err(1);
        }
        let td = dyn_type(ttab, true);
        let types = &self.prog.types;
        let Some(elem) = types.pointee(td.ty).filter(|_| tdata != 0) else {
            return Err(1);
        };
        let ed = self
            .prog
            .descs
            .get(elem.0 as usize)
            .copied()
            .flatten()
            .ok_or(2u64)?;
        let error = self.prog.descs[crate::types::ty::builtin::ERROR.0 as usize].ok_or(2u64)?;
        if types.is_interface(elem) || crate::runtime::typedesc::itab(error, ed).is_some() {
            Ok(ed)
        } else {
            Err(2)
        }
    }

    /// `errors.As`'s step: when the error (type word `etab` of an `error`,
    /// data `edata`) is assignable to the target's element type, stores it
    /// through the target pointer `tdata`.
    fn as_target(&mut self, etab: u64, edata: u64, ttab: u64, tdata: u64) -> bool {
        let Ok(ed) = self.as_target_elem(ttab, tdata) else {
            return false;
        };
        if etab == 0 {
            return false;
        }
        let dyn_t = dyn_type(etab, false);
        if self.prog.types.is_interface(ed.ty) {
            // An interface: the error's type must implement it.
            let word = if ed.methods.is_empty() {
                dyn_t as *const _ as u64
            } else {
                match crate::runtime::typedesc::itab(ed, dyn_t) {
                    Some(t) => t as *const _ as u64,
                    None => return false,
                }
            };
            mem::store(tdata, 0, word);
            mem::store(tdata, 1, edata);
            return true;
        }
        if dyn_t.ty != ed.ty {
            return false;
        }
        if dyn_t.direct {
            mem::store(tdata, 0, edata);
        } else {
            mem::copy_words(tdata, edata, (ed.size / 8) as usize);
        }
        true
    }

    pub(crate) fn std_native(&mut self, n: Native, at: usize, top: usize) -> Result<(), Panic> {
        if let Some(r) = self.sys_native(n, at, top) {
            return r;
        }
        let s = &mut self.stack;
        match n {
            Native::ErrorsTypeComparable => {
                let t = s[at];
                s[at] = (t != 0 && dyn_type(t, true).comparable) as u64;
            }
            Native::ErrorsCheckTarget => {
                let (ttab, tdata) = (s[at], s[at + 1]);
                let code = self.as_target_elem(ttab, tdata).map_or_else(|c| c, |_| 0);
                self.stack[at] = code;
            }
            Native::ErrorsAsTarget => {
                let (etab, edata, ttab, tdata) = (s[at], s[at + 1], s[at + 2], s[at + 3]);
                self.stack[at] = self.as_target(etab, edata, ttab, tdata) as u64;
            }
            Native::StringsIndexByte => {
                let hay = self.str_arg(at);
                let c = self.stack[at + 2] as u8;
                self.stack[at] = index_of(hay.iter().position(|&b| b == c));
            }
            Native::StringsIndex => {
                let (hay, needle) = (self.str_arg(at), self.str_arg(at + 2));
                self.stack[at] = index_of(find(hay, needle));
            }
            Native::StringsLastIndex => {
                let (hay, needle) = (self.str_arg(at), self.str_arg(at + 2));
                self.stack[at] = index_of(rfind(hay, needle));
            }
            Native::StringsCount => {
                let (hay, needle) = (self.str_arg(at), self.str_arg(at + 2));
                self.stack[at] = count(hay, needle) as u64;
            }
            Native::UnicodeProps => {
                let r = s[at] as i32;
                s[at] = props(r) as u64;
            }
            Native::UnicodeSimpleFold => s[at] = simple_fold(s[at] as i32) as i64 as u64,
            Native::UnicodeToCase => {
                let (c, r) = (s[at] as i64, s[at + 1] as i32);
                s[at] = to_case(c, r) as i64 as u64;
            }
            Native::StrconvFormatInt => {
                let (i, base) = (s[at] as i64, s[at + 1] as u32);
                match fmtconv::small_int(i).filter(|_| base == 10) {
                    // (Go's `small`: a static string, no allocation.)
                    Some(t) => {
                        s[at] = t.as_ptr() as u64;
                        s[at + 1] = t.len() as u64;
                    }
                    None => {
                        let mut buf = [0; 65];
                        self.ret_string(at, fmtconv::int_digits(&mut buf, i, base))?
                    }
                }
            }
            Native::StrconvFormatUint => {
                let mut buf = [0; 65];
                let t = fmtconv::uint_digits(&mut buf, s[at], false, s[at + 1] as u32);
                self.ret_string(at, t)?;
            }
            Native::StrconvFormatFloat => {
                let (f, fmt, prec, bits) = (
                    f64::from_bits(s[at]),
                    s[at + 1] as u8,
                    s[at + 2] as i64,
                    s[at + 3],
                );
                let prec = prec.clamp(-1, i32::MAX as i64) as i32;
                let t = fmtconv::format_float(f, fmt, prec, bits as u32);
                self.ret_string(at, t.as_bytes())?;
            }
            Native::FmtParseInt => {
                let (base, bits) = (s[at + 2] as u32, s[at + 3] as u32);
                let (v, code) = crate::runtime::atof::parse_int(self.str_arg(at), base, bits);
                self.stack[at] = v as u64;
                self.stack[at + 1] = code as u64;
            }
            Native::FmtParseUint => {
                let (base, bits) = (s[at + 2] as u32, s[at + 3] as u32);
                let (v, code) = crate::runtime::atof::parse_uint(self.str_arg(at), base, bits);
                self.stack[at] = v;
                self.stack[at + 1] = code as u64;
            }
            Native::FmtParseFloat | Native::StrconvAtof => {
                let text = self.str_arg(at);
                let (v, code) = match atof(text, self.stack[at + 2] == 32) {
                    Parsed::Ok(v) => (v, 0),
                    Parsed::Syntax => (0.0, 1),
                    Parsed::Range(v) => (v, 2),
                };
                self.stack[at] = v.to_bits();
                self.stack[at + 1] = code;
            }
            Native::StrconvQuoteWith => {
                let text = self.str_arg(at);
                let t = match self.stack[at + 2] {
                    1 => fmtconv::quote_to_ascii(text),
                    2 => fmtconv::quote_to_graphic(text),
                    _ => fmtconv::quote(text),
                };
                self.ret_string(at, t.as_bytes())?;
            }
            Native::StrconvQuoteRuneWith => {
                let r = rune_u32(s[at]);
                let t = match s[at + 1] {
                    1 => fmtconv::quote_rune_to_ascii(r),
                    2 => fmtconv::quote_rune_to_graphic(r),
                    _ => fmtconv::quote_rune(r),
                };
                self.ret_string(at, t.as_bytes())?;
            }
            // (A negative rune is neither.)
            Native::StrconvIsPrint => {
                s[at] = u32::try_from(s[at] as i32).is_ok_and(fmtconv::is_print) as u64
            }
            Native::StrconvIsGraphic => {
                s[at] = u32::try_from(s[at] as i32).is_ok_and(fmtconv::is_graphic) as u64
            }
            Native::StrconvCanBackquote => {
                let text = self.str_arg(at);
                self.stack[at] = fmtconv::can_backquote(text) as u64;
            }
            Native::MathFloat64bits | Native::MathFloat64frombits => {} // the same word
            Native::MathFloat32bits => s[at] = math::float32_bits(s[at]) as u64,
            Native::MathFloat32frombits => s[at] = math::float32_from_bits(s[at] as u32),
            Native::MathAbs => s[at] &= !(1 << 63),
            Native::MathCopysign => s[at] = s[at] & !(1 << 63) | s[at + 1] & (1 << 63),
            Native::MathFloor => s[at] = math::round_op(f(s[at]), f64::floor).to_bits(),
            Native::MathCeil => s[at] = math::round_op(f(s[at]), f64::ceil).to_bits(),
            Native::MathTrunc => s[at] = math::round_op(f(s[at]), f64::trunc).to_bits(),
            Native::MathRoundToEven => {
                s[at] = math::round_op(f(s[at]), f64::round_ties_even).to_bits();
            }
            Native::MathSqrt => s[at] = f(s[at]).sqrt().to_bits(),
            Native::MathFMA => s[at] = math::fma(f(s[at]), f(s[at + 1]), f(s[at + 2])).to_bits(),
            Native::MathExp => s[at] = math::exp(f(s[at])).to_bits(),
            Native::MathLog => s[at] = math::log(f(s[at])).to_bits(),
            Native::MathHypot => s[at] = math::hypot(f(s[at]), f(s[at + 1])).to_bits(),
            Native::MathMax => s[at] = math::max(f(s[at]), f(s[at + 1])).to_bits(),
            Native::MathMin => s[at] = math::min(f(s[at]), f(s[at + 1])).to_bits(),
            Native::BitsLen64 => s[at] = 64 - s[at].leading_zeros() as u64,
            Native::BitsTrailingZeros64 => s[at] = s[at].trailing_zeros() as u64,
            Native::BitsOnesCount64 => s[at] = s[at].count_ones() as u64,
            Native::BitsReverse64 => s[at] = s[at].reverse_bits(),
            Native::BitsReverseBytes64 => s[at] = s[at].swap_bytes(),
            Native::BitsMul64 => {
                let p = s[at] as u128 * s[at + 1] as u128;
                s[at] = (p >> 64) as u64;
                s[at + 1] = p as u64;
            }
            Native::BitsDiv64 => {
                let (hi, lo, y) = (s[at], s[at + 1], s[at + 2]);
                if y == 0 {
                    return Err(Panic::divide());
                }
                if y <= hi {
                    return Err(Panic::Runtime("integer overflow".into()));
                }
                let n = (hi as u128) << 64 | lo as u128;
                s[at] = (n / y as u128) as u64;
                s[at + 1] = (n % y as u128) as u64;
            }
            Native::BitsOverflow => return Err(Panic::Runtime("integer overflow".into())),
            other => unreachable!("{} is not a standard-library native", other.name()),
        }
        Ok(())
    }
}

/// A float64 word.
fn f(w: u64) -> f64 {
    f64::from_bits(w)
}

/// A rune argument as the formatting code takes it (an invalid one,
/// negative or past U+10FFFF, as U+FFFD).
fn rune_u32(w: u64) -> u32 {
    u32::try_from(w as i32).unwrap_or(0xFFFD)
}

/// An index as Go returns it (-1 for none).
fn index_of(i: Option<usize>) -> u64 {
    i.map_or(-1i64, |i| i as i64) as u64
}
