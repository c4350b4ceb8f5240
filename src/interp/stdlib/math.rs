//! `math`'s and `math/bits`'s natives: the functions Go computes with
//! assembly or compiler intrinsics on amd64, with the same arithmetic so
//! the results are the same bits (NaN payloads included). The rest of
//! both packages is Go (stdlib/math).

// The constants are Go's assembly's literals, digit for digit (each rounds
// to the double Go uses).
#![allow(clippy::excessive_precision, clippy::approx_constant)]

const SIGN: u64 = 1 << 63;
const POS_INF: u64 = 0x7FF0_0000_0000_0000;
const NEG_INF: u64 = 0xFFF0_0000_0000_0000;
/// The NaN Go's functions return (`math.NaN()`): quiet, payload 1.
const GO_NAN: u64 = 0x7FF8_0000_0000_0001;
const QUIET: u64 = 1 << 51;

/// Whether Go's amd64 code takes its FMA paths (`math.useFMA`: AVX and
/// FMA, as the processor and the system report them).
fn use_fma() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx") && std::arch::is_x86_feature_detected!("fma")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// A rounding instruction's result (ROUNDSD, Go's intrinsic for Floor,
/// Ceil, Trunc and RoundToEven with SSE4.1): `round` of a number, a NaN
/// quieted.
pub(crate) fn round_op(x: f64, round: fn(f64) -> f64) -> f64 {
    if x.is_nan() {
        f64::from_bits(x.to_bits() | QUIET)
    } else {
        round(x)
    }
}

/// `math.FMA` as Go's amd64 intrinsic (VFMADD231SD): x*y+z rounded once;
/// of NaN arguments the first (x, then y, then z) is the result, quieted.
pub(crate) fn fma(x: f64, y: f64, z: f64) -> f64 {
    for v in [x, y, z] {
        if v.is_nan() {
            return f64::from_bits(v.to_bits() | QUIET);
        }
    }
    x.mul_add(y, z)
}

/// `math.Float32bits` of a float32 word (held as the float64 of the same
/// value): exact for numbers; a NaN keeps its payload's top 23 bits and
/// whether it is signaling (Go moves a float32 NaN as it is).
pub(crate) fn float32_bits(w: u64) -> u32 {
    let x = f64::from_bits(w);
    if !x.is_nan() {
        return (x as f32).to_bits();
    }
    let frac = (w >> 29) as u32 & 0x7F_FFFF;
    ((w >> 63) as u32) << 31 | 0x7F80_0000 | if frac == 0 { 0x40_0000 } else { frac }
}

/// `math.Float32frombits`: the float32 word of bits `b` (a NaN's payload
/// kept, signaling or not, as `float32_bits` reads it back).
pub(crate) fn float32_from_bits(b: u32) -> u64 {
    let x = f32::from_bits(b);
    if !x.is_nan() {
        return (x as f64).to_bits();
    }
    ((b >> 31) as u64) << 63 | 0x7FF << 52 | ((b & 0x7F_FFFF) as u64) << 29
}

/// CVTSD2SL: to int32 in the current rounding mode (nearest, ties to
/// even); NaN and values out of range give MinInt32.
fn cvtsd2sl(v: f64) -> i32 {
    let r = v.round_ties_even();
    if r.is_nan() || !(-2147483648.0..=2147483647.0).contains(&r) {
        i32::MIN
    } else {
        r as i32
    }
}

/// `math.Exp` as Go's exp_amd64.s computes it: x = k ln2 + r with k the
/// nearest integer to x/ln2 (ln2 in two parts), e**(r/16) by its Taylor
/// polynomial, squared four times as (y+2)y steps, then scaled by 2**k
/// with one multiplication (two for subnormal results). Past 709.78... (and
/// when k+1023 reaches 2047) +Inf; below 2**-1074 0.
pub(crate) fn exp(x: f64) -> f64 {
    const LN2U: f64 = 0.69314718055966295651160180568695068359375;
    const LN2L: f64 = 0.28235290563031577122588448175013436025525412068e-12;
    const LOG2E: f64 = 1.4426950408889634073599246810018920;
    const OVERFLOW: f64 = 7.09782712893384e+02;
    // e**r's Taylor coefficients from 1/8! down to 1/2 and 1 (Go's
    // table: 1/2, 1, 2, then 1/3! to 1/8!).
    const TAYLOR: [f64; 8] = [
        2.4801587301587301587e-5,
        1.9841269841269841270e-4,
        1.3888888888888888889e-3,
        8.3333333333333333333e-3,
        4.1666666666666666667e-2,
        1.6666666666666666667e-1,
        0.5,
        1.0,
    ];
    let b = x.to_bits();
    if b & !SIGN >= POS_INF {
        // ±Inf, NaN: -Inf gives 0, the others themselves.
        return if b == NEG_INF { 0.0 } else { x };
    }
    if x > OVERFLOW {
        return f64::from_bits(POS_INF);
    }
    let k = cvtsd2sl(LOG2E * x);
    let kf = k as f64;
    let fma = use_fma();
    let mut r = if fma {
        let r = (-kf).mul_add(LN2U, x);
        (-kf).mul_add(LN2L, r)
    } else {
        let r = x - kf * LN2U;
        r - kf * LN2L
    };
    r *= 0.0625;
    // e**r - 1 = r × (1 + r/2 + r²/3! + ...), by Horner's rule.
    let mut p = TAYLOR[0];
    for &c in &TAYLOR[1..] {
        p = if fma { p.mul_add(r, c) } else { p * r + c };
    }
    r *= p;
    // e**(16r) - 1 from e**r - 1 = r: four times r = r(r+2).
    if fma {
        for _ in 0..3 {
            let t = r + 2.0;
            r *= t;
        }
        let t = r + 2.0;
        r = t.mul_add(r, 1.0);
    } else {
        for _ in 0..4 {
            let t = 2.0 + r;
            r *= t;
        }
        r += 1.0;
    }
    let mut e = k.wrapping_add(0x3FF);
    if e <= 0 {
        if e < -52 {
            return 0.0;
        }
        e += 0x3FE;
        r *= f64::from_bits((e as u64) << 52);
        e = 1;
    } else if e >= 0x7FF {
        return f64::from_bits(POS_INF);
    }
    r * f64::from_bits((e as u64) << 52)
}

/// `math.Log` as Go's log_amd64.s computes it: FreeBSD's algorithm with
/// the fraction and exponent taken straight from the bits (so a subnormal
/// x is read as if normal: Go's amd64 result) and the fraction doubled
/// when it is not above √2/2.
pub(crate) fn log(x: f64) -> f64 {
    const HSQRT2: f64 = 7.07106781186547524401e-01;
    const LN2HI: f64 = 6.93147180369123816490e-01;
    const LN2LO: f64 = 1.90821492927058770002e-10;
    const L1: f64 = 6.666666666666735130e-01;
    const L2: f64 = 3.999999999940941908e-01;
    const L3: f64 = 2.857142874366239149e-01;
    const L4: f64 = 2.222219843214978396e-01;
    const L5: f64 = 1.818357216161805012e-01;
    const L6: f64 = 1.531383769920937332e-01;
    const L7: f64 = 1.479819860511658591e-01;
    let b = x.to_bits();
    if b & !SIGN == 0 {
        return f64::from_bits(NEG_INF);
    }
    if (b as i64) < 0 {
        return f64::from_bits(GO_NAN);
    }
    if b >= POS_INF {
        return x;
    }
    let f1 = f64::from_bits(b & ((1 << 52) - 1) | 0x3FE0_0000_0000_0000);
    let k = (((b >> 52) & 0x7FF) as i32 - 0x3FE) as f64;
    let adj = if HSQRT2 < f1 { 0.0 } else { 1.0 };
    let k = k - adj;
    let f = f1 * (adj + 1.0) - 1.0;
    let s = f / (2.0 + f);
    let s2 = s * s;
    let s4 = s2 * s2;
    let t1 = s2 * (((L7 * s4 + L5) * s4 + L3) * s4 + L1);
    let t2 = s4 * ((L6 * s4 + L4) * s4 + L2);
    let hfsq = 0.5 * f * f;
    let v = s * (t1 + t2 + hfsq) + k * LN2LO;
    k * LN2HI - ((hfsq - v) - f)
}

/// `math.Hypot` as Go's hypot_amd64.s: max × √(1 + (min/max)²), +Inf if
/// either is infinite, else NaN if either is.
pub(crate) fn hypot(p: f64, q: f64) -> f64 {
    let (p, q) = (p.to_bits() & !SIGN, q.to_bits() & !SIGN);
    if p >= POS_INF || q >= POS_INF {
        return f64::from_bits(if p == POS_INF || q == POS_INF {
            POS_INF
        } else {
            GO_NAN
        });
    }
    if p | q == 0 {
        return 0.0;
    }
    let (p, q) = (f64::from_bits(p), f64::from_bits(q));
    let big = if p > q { p } else { q };
    let small = if q < p { q } else { p };
    let r = small / big;
    big * (r * r + 1.0).sqrt()
}

/// `math.Max` as Go's dim_amd64.s: +Inf first, then NaN (Go's), +0 over
/// -0, then MAXSD.
pub(crate) fn max(x: f64, y: f64) -> f64 {
    let (bx, by) = (x.to_bits(), y.to_bits());
    if bx == POS_INF || by == POS_INF {
        return f64::from_bits(POS_INF);
    }
    if bx & !SIGN > POS_INF || by & !SIGN > POS_INF {
        return f64::from_bits(GO_NAN);
    }
    if (bx | by) & !SIGN == 0 {
        return if bx == SIGN { y } else { x };
    }
    if x > y {
        x
    } else {
        y
    }
}

/// `math.Min` as Go's dim_amd64.s: -Inf first, then NaN (Go's), -0 under
/// +0, then MINSD.
pub(crate) fn min(x: f64, y: f64) -> f64 {
    let (bx, by) = (x.to_bits(), y.to_bits());
    if bx == NEG_INF || by == NEG_INF {
        return f64::from_bits(NEG_INF);
    }
    if bx & !SIGN > POS_INF || by & !SIGN > POS_INF {
        return f64::from_bits(GO_NAN);
    }
    if (bx | by) & !SIGN == 0 {
        return if bx == SIGN { x } else { y };
    }
    if x < y {
        x
    } else {
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A few values checked against Go 1.27 on amd64 (with FMA, as the
    /// test programs check many more against Go itself).
    #[test]
    fn asm_algorithms() {
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(exp(1.0), std::f64::consts::E);
        assert_eq!(exp(709.7), f64::INFINITY); // Go's amd64 quirk
        assert_eq!(exp(-745.1).to_bits(), 1);
        assert_eq!(exp(f64::NEG_INFINITY), 0.0);
        assert_eq!(log(1.0), 0.0);
        assert_eq!(log(5e-324), -709.0895657128241); // subnormals read as normal
        assert_eq!(log(-1.0).to_bits(), GO_NAN);
        assert_eq!(log(0.0), f64::NEG_INFINITY);
        assert_eq!(hypot(3.0, -4.0), 5.0);
        assert_eq!(hypot(f64::NAN, f64::NEG_INFINITY), f64::INFINITY);
        assert_eq!(max(-0.0, 0.0).to_bits(), 0);
        assert_eq!(min(0.0, -0.0).to_bits(), SIGN);
        assert_eq!(max(f64::NAN, f64::INFINITY), f64::INFINITY);
        assert_eq!(min(1.0, f64::NAN).to_bits(), GO_NAN);
        assert_eq!(round_op(-0.5, f64::ceil).to_bits(), SIGN);
        for b in [
            0x7F80_0001,
            0xFFC0_0000,
            0x7FBF_FFFF,
            0x3F80_0000,
            1,
            0x8000_0000,
        ] {
            assert_eq!(float32_bits(float32_from_bits(b)), b);
        }
        assert_eq!(
            round_op(f64::from_bits(0x7FF0_0000_0000_0001), f64::floor).to_bits(),
            0x7FF8_0000_0000_0001
        );
    }
}
