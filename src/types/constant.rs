//! Exact constant values, as Go's spec requires: integers are unbounded and
//! floats are exact rationals, so `0.1 + 0.2 == 0.3` holds for constants.

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::fmt;

use super::ty::Basic;
use crate::syntax::ast::BinOp;

#[derive(Clone, Debug, PartialEq)]
pub enum ConstVal {
    Bool(bool),
    Int(BigInt),
    Float(BigRational),
    /// Real and imaginary parts.
    Complex(BigRational, BigRational),
    Str(Vec<u8>),
}

impl ConstVal {
    pub fn int(v: i64) -> ConstVal {
        ConstVal::Int(BigInt::from(v))
    }

    /// Parses a Go integer literal (`0x1F`, `0o17`, `017`, `0b1`, `1_000`).
    pub fn parse_int(text: &str) -> Option<ConstVal> {
        let s: String = text.chars().filter(|&c| c != '_').collect();
        let (digits, radix) = if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X"))
        {
            (r.to_string(), 16)
        } else if let Some(r) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
            (r.to_string(), 2)
        } else if let Some(r) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
            (r.to_string(), 8)
        } else if s.len() > 1 && s.starts_with('0') {
            (s[1..].to_string(), 8)
        } else {
            (s, 10)
        };
        BigInt::parse_bytes(digits.as_bytes(), radix).map(ConstVal::Int)
    }

    /// Parses a Go floating-point literal exactly (decimal or hexadecimal).
    pub fn parse_float(text: &str) -> Option<ConstVal> {
        let s: String = text.chars().filter(|&c| c != '_').collect();
        let lower = s.to_ascii_lowercase();
        if let Some(hex) = lower.strip_prefix("0x") {
            let (mant, exp) = match hex.split_once('p') {
                Some((m, e)) => (m, e.parse::<i64>().ok()?),
                None => (hex, 0),
            };
            let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
            let digits = format!("{ip}{fp}");
            let m = if digits.is_empty() {
                BigInt::zero()
            } else {
                BigInt::parse_bytes(digits.as_bytes(), 16)?
            };
            let e2 = exp - 4 * fp.len() as i64;
            return Some(ConstVal::Float(scale(BigRational::from_integer(m), 2, e2)?));
        }
        let (mant, exp) = match lower.split_once('e') {
            Some((m, e)) => (m, e.parse::<i64>().ok()?),
            None => (lower.as_str(), 0),
        };
        let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
        let digits = format!("{ip}{fp}");
        let m = if digits.is_empty() {
            BigInt::zero()
        } else {
            BigInt::parse_bytes(digits.as_bytes(), 10)?
        };
        let e10 = exp - fp.len() as i64;
        Some(ConstVal::Float(scale(
            BigRational::from_integer(m),
            10,
            e10,
        )?))
    }

    pub fn as_bigint(&self) -> Option<BigInt> {
        match self {
            ConstVal::Int(i) => Some(i.clone()),
            ConstVal::Float(r) if r.is_integer() => Some(r.to_integer()),
            ConstVal::Complex(r, i) if i.is_zero() && r.is_integer() => Some(r.to_integer()),
            _ => None,
        }
    }

    pub fn as_rat(&self) -> Option<BigRational> {
        match self {
            ConstVal::Int(i) => Some(BigRational::from_integer(i.clone())),
            ConstVal::Float(r) => Some(r.clone()),
            // (A complex constant with no imaginary part is a real one.)
            ConstVal::Complex(r, i) if i.is_zero() => Some(r.clone()),
            _ => None,
        }
    }

    /// (real, imaginary) of a numeric constant.
    pub fn as_complex(&self) -> Option<(BigRational, BigRational)> {
        match self {
            ConstVal::Complex(r, i) => Some((r.clone(), i.clone())),
            _ => self.as_rat().map(|r| (r, BigRational::zero())),
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        self.as_bigint().and_then(|i| i.to_i64())
    }

    pub fn to_f64(&self) -> f64 {
        match self {
            ConstVal::Int(i) => rat_to_f64(&BigRational::from_integer(i.clone())),
            ConstVal::Float(r) => rat_to_f64(r),
            _ => 0.0,
        }
    }

    /// Converts the constant to the representation of basic type `b`
    /// (an integer for integer types, a float for floats), or `None` if it is
    /// not representable (Go's "overflows" / "truncated").
    pub fn represent(&self, b: Basic) -> Result<ConstVal, Repr> {
        if let ConstVal::Complex(_, i) = self {
            if !b.is_complex() {
                if !i.is_zero() {
                    return Err(if b.is_numeric() {
                        Repr::Truncated
                    } else {
                        Repr::Mismatch
                    });
                }
                return self
                    .as_rat()
                    .map_or(Err(Repr::Mismatch), |r| ConstVal::Float(r).represent(b));
            }
        }
        match b {
            Basic::UntypedComplex => match self.as_complex() {
                Some((r, i)) => Ok(ConstVal::Complex(r, i)),
                None => Err(Repr::Mismatch),
            },
            Basic::Complex64 | Basic::Complex128 => match self.as_complex() {
                Some((r, i)) => {
                    let part = if b == Basic::Complex64 {
                        Basic::Float32
                    } else {
                        Basic::Float64
                    };
                    let r = ConstVal::Float(r).represent(part)?;
                    let i = ConstVal::Float(i).represent(part)?;
                    match (r, i) {
                        (ConstVal::Float(r), ConstVal::Float(i)) => Ok(ConstVal::Complex(r, i)),
                        _ => Err(Repr::Mismatch),
                    }
                }
                None => Err(Repr::Mismatch),
            },
            Basic::Bool | Basic::UntypedBool => match self {
                ConstVal::Bool(_) => Ok(self.clone()),
                _ => Err(Repr::Mismatch),
            },
            Basic::String | Basic::UntypedString => match self {
                ConstVal::Str(_) => Ok(self.clone()),
                _ => Err(Repr::Mismatch),
            },
            Basic::Float64 => match self.as_rat() {
                Some(r) => {
                    let f = rat_to_f64(&r);
                    if f.is_infinite() {
                        Err(Repr::Overflow)
                    } else {
                        Ok(ConstVal::Float(
                            BigRational::from_float(f).unwrap_or_else(BigRational::zero),
                        ))
                    }
                }
                None => Err(Repr::Mismatch),
            },
            Basic::Float32 => match self.as_rat() {
                Some(r) => match rat_to_f32(&r) {
                    Some(f) => Ok(ConstVal::Float(
                        BigRational::from_float(f).unwrap_or_else(BigRational::zero),
                    )),
                    None => Err(Repr::Overflow),
                },
                None => Err(Repr::Mismatch),
            },
            Basic::UntypedFloat => match self.as_rat() {
                Some(r) => Ok(ConstVal::Float(r)),
                None => Err(Repr::Mismatch),
            },
            b if b.is_integer() => {
                let i = match self {
                    ConstVal::Int(i) => i.clone(),
                    ConstVal::Float(r) => {
                        if !r.is_integer() {
                            return Err(Repr::Truncated);
                        }
                        r.to_integer()
                    }
                    _ => return Err(Repr::Mismatch),
                };
                if b.is_untyped() {
                    return Ok(ConstVal::Int(i));
                }
                let bits = b.int_bits();
                let (lo, hi) = if b.is_unsigned() {
                    (BigInt::zero(), (BigInt::one() << bits) - 1)
                } else {
                    (
                        -(BigInt::one() << (bits - 1)),
                        (BigInt::one() << (bits - 1)) - 1,
                    )
                };
                if i < lo || i > hi {
                    Err(Repr::Overflow)
                } else {
                    Ok(ConstVal::Int(i))
                }
            }
            _ => Err(Repr::Mismatch),
        }
    }

    /// The 64-bit slot image of a constant already represented in its type.
    pub fn to_bits(&self) -> u64 {
        match self {
            ConstVal::Bool(b) => *b as u64,
            ConstVal::Int(i) => {
                if let Some(v) = i.to_i64() {
                    v as u64
                } else {
                    i.to_u64().unwrap_or(0)
                }
            }
            ConstVal::Float(r) => rat_to_f64(r).to_bits(),
            ConstVal::Complex(r, _) => rat_to_f64(r).to_bits(),
            ConstVal::Str(_) => 0,
        }
    }

    /// The second word of a complex constant's slot image (its imaginary
    /// part).
    pub fn imag_bits(&self) -> u64 {
        match self {
            ConstVal::Complex(_, i) => rat_to_f64(i).to_bits(),
            _ => 0,
        }
    }

    pub fn kind_name(&self) -> &'static str {
        match self {
            ConstVal::Bool(_) => "bool",
            ConstVal::Int(_) => "int",
            ConstVal::Float(_) => "float",
            ConstVal::Complex(..) => "complex",
            ConstVal::Str(_) => "string",
        }
    }
}

/// Why a constant does not fit a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repr {
    Overflow,
    Truncated,
    Mismatch,
}

fn scale(r: BigRational, base: u32, exp: i64) -> Option<BigRational> {
    if exp.unsigned_abs() > 100_000 {
        return None;
    }
    let p = num_traits::pow(BigInt::from(base), exp.unsigned_abs() as usize);
    Some(if exp >= 0 {
        r * BigRational::from_integer(p)
    } else {
        r / BigRational::from_integer(p)
    })
}

/// `r` rounded to the nearest float32 (ties to even, subnormals
/// included), as a float64 holding it exactly; `None` past float32's range.
/// Rounded once, from the exact value (not through a float64, which could
/// round twice).
pub fn rat_to_f32(r: &BigRational) -> Option<f64> {
    let f = f32::from_bits(rat_to_ieee(r, 23, 127) as u32);
    (!f.is_infinite()).then_some(f as f64)
}

/// Correctly rounded (half to even) conversion of an exact rational to f64.
pub fn rat_to_f64(r: &BigRational) -> f64 {
    f64::from_bits(rat_to_ieee(r, 52, 1023))
}

/// The bits of `r` rounded (half to even) to the IEEE binary format with
/// `mant` fraction bits and exponent bias `bias` (subnormals included,
/// infinity past its range).
fn rat_to_ieee(r: &BigRational, mant: u32, bias: i64) -> u64 {
    let sign = (r.is_negative() as u64) << (mant as i64 + bits_of_exp(bias)) as u32;
    let inf = sign | (((2 * bias + 1) as u64) << mant);
    if r.is_zero() {
        return 0;
    }
    let num = r.numer().abs();
    let den = r.denom().abs();
    // E = floor(log2(num/den)).
    let mut e = num.bits() as i64 - den.bits() as i64;
    let ge = |e: i64| -> bool {
        // num/den >= 2^e ?
        if e >= 0 {
            num >= (&den << e as usize)
        } else {
            (&num << (-e) as usize) >= den
        }
    };
    if !ge(e) {
        e -= 1;
    }
    if e > bias {
        return inf;
    }
    // The weight of the last mantissa bit (2^-1074 for float64's
    // subnormals, 2^-149 for float32's).
    let min_lsb = 1 - bias - mant as i64;
    let lsb = (e - mant as i64).max(min_lsb);
    let (n2, d2) = if lsb <= 0 {
        (num << (-lsb) as usize, den)
    } else {
        (num, den << lsb as usize)
    };
    let (mut q, rem) = n2.div_rem(&d2);
    let twice: BigInt = rem * 2;
    if twice > d2 || (twice == d2 && q.is_odd()) {
        q += 1;
    }
    let mut m = q.to_u64().unwrap_or(0);
    let mut lsb = lsb;
    if m == 1u64 << (mant + 1) {
        m >>= 1;
        lsb += 1;
    }
    let bits = if m >= 1u64 << mant {
        let biased = lsb + mant as i64 + bias;
        if biased > 2 * bias {
            return inf;
        }
        ((biased as u64) << mant) | (m & ((1u64 << mant) - 1))
    } else {
        m // subnormal (or rounded up into the smallest normal, handled above)
    };
    sign | bits
}

/// Exponent bits of the IEEE format with exponent bias `bias`.
fn bits_of_exp(bias: i64) -> i64 {
    64 - (2 * bias + 1).leading_zeros() as i64
}

/// Evaluates a binary operation on two constants of the same kind.
/// `int_div` selects truncated integer division (for integer-typed operands).
pub fn binary(op: BinOp, x: &ConstVal, y: &ConstVal, int_div: bool) -> Option<ConstVal> {
    use ConstVal::*;
    Some(match (x, y) {
        (Bool(a), Bool(b)) => match op {
            BinOp::LAnd => Bool(*a && *b),
            BinOp::LOr => Bool(*a || *b),
            BinOp::Eql => Bool(a == b),
            BinOp::Neq => Bool(a != b),
            _ => return None,
        },
        (Str(a), Str(b)) => match op {
            BinOp::Add => Str([a.as_slice(), b.as_slice()].concat()),
            BinOp::Eql => Bool(a == b),
            BinOp::Neq => Bool(a != b),
            BinOp::Lss => Bool(a < b),
            BinOp::Leq => Bool(a <= b),
            BinOp::Gtr => Bool(a > b),
            BinOp::Geq => Bool(a >= b),
            _ => return None,
        },
        (Int(a), Int(b)) if int_div || !matches!(op, BinOp::Quo) => match op {
            BinOp::Add => Int(a + b),
            BinOp::Sub => Int(a - b),
            BinOp::Mul => Int(a * b),
            BinOp::Quo => {
                if b.is_zero() {
                    return None;
                }
                Int(a / b)
            }
            BinOp::Rem => {
                if b.is_zero() {
                    return None;
                }
                Int(a % b)
            }
            BinOp::And => Int(a & b),
            BinOp::Or => Int(a | b),
            BinOp::Xor => Int(a ^ b),
            BinOp::AndNot => Int(a & !b),
            _ => {
                return compare(
                    op,
                    &BigRational::from_integer(a.clone()),
                    &BigRational::from_integer(b.clone()),
                )
            }
        },
        (Complex(..), _) | (_, Complex(..)) => {
            let (a, b) = x.as_complex()?;
            let (c, d) = y.as_complex()?;
            match op {
                BinOp::Add => Complex(a + c, b + d),
                BinOp::Sub => Complex(a - c, b - d),
                BinOp::Mul => Complex(&a * &c - &b * &d, &a * &d + &b * &c),
                BinOp::Quo => {
                    let den = &c * &c + &d * &d;
                    if den.is_zero() {
                        return None;
                    }
                    Complex((&a * &c + &b * &d) / &den, (&b * &c - &a * &d) / &den)
                }
                BinOp::Eql => Bool(a == c && b == d),
                BinOp::Neq => Bool(a != c || b != d),
                _ => return None,
            }
        }
        _ => {
            let a = x.as_rat()?;
            let b = y.as_rat()?;
            match op {
                BinOp::Add => Float(a + b),
                BinOp::Sub => Float(a - b),
                BinOp::Mul => Float(a * b),
                BinOp::Quo => {
                    if b.is_zero() {
                        return None;
                    }
                    Float(a / b)
                }
                _ => return compare(op, &a, &b),
            }
        }
    })
}

fn compare(op: BinOp, a: &BigRational, b: &BigRational) -> Option<ConstVal> {
    Some(ConstVal::Bool(match op {
        BinOp::Eql => a == b,
        BinOp::Neq => a != b,
        BinOp::Lss => a < b,
        BinOp::Leq => a <= b,
        BinOp::Gtr => a > b,
        BinOp::Geq => a >= b,
        _ => return None,
    }))
}

/// `x << s` or `x >> s` on an integer constant.
pub fn shift(op: BinOp, x: &BigInt, s: u64) -> Option<BigInt> {
    if s > 10_000 {
        return None;
    }
    Some(match op {
        BinOp::Shl => x << s as usize,
        // Arithmetic shift: floor division by 2^s, as Go's big.Int Rsh.
        _ => x >> s as usize,
    })
}

impl fmt::Display for ConstVal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConstVal::Bool(b) => write!(f, "{b}"),
            ConstVal::Int(i) => write!(f, "{i}"),
            // As go/constant: an integer within int64 as one, otherwise
            // `%.6g` (`%g` where that hides a fraction).
            ConstVal::Float(r) => {
                if r.is_integer() && r.to_integer().to_i64().is_some() {
                    return write!(f, "{}", r.to_integer());
                }
                let x = rat_to_f64(r);
                let fmt_g = |p| crate::runtime::fmt::strconv::format_float(x, b'g', p, 64);
                let s = fmt_g(6);
                if !r.is_integer() && !s.contains('.') && !s.contains("Inf") {
                    return write!(f, "{}", fmt_g(-1));
                }
                write!(f, "{s}")
            }
            ConstVal::Complex(r, i) => write!(
                f,
                "({} + {}i)",
                ConstVal::Float(r.clone()),
                ConstVal::Float(i.clone())
            ),
            ConstVal::Str(s) => write!(f, "{:?}", String::from_utf8_lossy(s)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> f64 {
        ConstVal::parse_float(s).unwrap().to_f64()
    }

    #[test]
    fn float32_rounding_is_correct_once() {
        for s in [
            "0.1",
            "1e38",
            "3.4028235e38",
            "3.4028236e38",
            "1e-45",
            "1.4e-45",
            "7e-46",
            "1.17549435e-38",
            "16777217",
            "16777219",
            "0.3",
            "123456.789",
            "2.5",
            "1e-40",
            "33554431",
            "9.999999e-39",
        ] {
            let r = ConstVal::parse_float(s).unwrap().as_rat().unwrap();
            let want = s.parse::<f32>().unwrap();
            match rat_to_f32(&r) {
                Some(f) => assert_eq!(f, want as f64, "{s}"),
                None => assert!(want.is_infinite(), "{s}"),
            }
        }
        assert_eq!(
            rat_to_f32(&ConstVal::parse_float("1e39").unwrap().as_rat().unwrap()),
            None
        );
    }

    #[test]
    fn float_literals_round_correctly() {
        for s in [
            "0.1",
            "1e21",
            "1e-7",
            "5e-324",
            "1.7976931348623157e308",
            "2.5",
            "123456.789",
            "4.9e-324",
            "2.2250738585072014e-308",
            "0.3",
        ] {
            assert_eq!(f(s), s.parse::<f64>().unwrap(), "{s}");
        }
        assert_eq!(f("0x1p-2"), 0.25);
        assert_eq!(f("1_000.5"), 1000.5);
    }

    #[test]
    fn exact_constant_arithmetic() {
        let a = ConstVal::parse_float("0.1").unwrap();
        let b = ConstVal::parse_float("0.2").unwrap();
        let s = binary(BinOp::Add, &a, &b, false).unwrap();
        assert_eq!(s.to_f64(), 0.3);
    }

    #[test]
    fn int_literals_and_representability() {
        assert_eq!(ConstVal::parse_int("0x1F").unwrap(), ConstVal::int(31));
        assert_eq!(ConstVal::parse_int("017").unwrap(), ConstVal::int(15));
        assert_eq!(ConstVal::parse_int("0b101").unwrap(), ConstVal::int(5));
        assert_eq!(
            ConstVal::int(300).represent(Basic::Int8),
            Err(Repr::Overflow)
        );
        assert_eq!(
            ConstVal::int(255).represent(Basic::Uint8),
            Ok(ConstVal::int(255))
        );
        assert_eq!(
            ConstVal::int(-1).represent(Basic::Uint),
            Err(Repr::Overflow)
        );
        let half = ConstVal::parse_float("2.5").unwrap();
        assert_eq!(half.represent(Basic::Int), Err(Repr::Truncated));
        let two = ConstVal::parse_float("2.0").unwrap();
        assert_eq!(two.represent(Basic::Int), Ok(ConstVal::int(2)));
    }

    #[test]
    fn integer_division_truncates() {
        let q = binary(BinOp::Quo, &ConstVal::int(-7), &ConstVal::int(2), true).unwrap();
        assert_eq!(q, ConstVal::int(-3));
        let r = binary(BinOp::Rem, &ConstVal::int(-7), &ConstVal::int(2), true).unwrap();
        assert_eq!(r, ConstVal::int(-1));
        assert!(binary(BinOp::Quo, &ConstVal::int(1), &ConstVal::int(0), true).is_none());
    }
}
