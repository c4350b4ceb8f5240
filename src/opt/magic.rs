//! Division by a constant as a multiplication (Granlund and Montgomery,
//! "Division by invariant integers using multiplication", 1994; Warren,
//! "Hacker's Delight", chapter 10), as Go's compiler and every optimizing
//! compiler do it: a 64-bit `div` takes 10 to 40 cycles, a multiplication
//! and a shift 4. The code generator emits the sequences; this module only
//! finds their constants, and its tests check each shape against Rust's own
//! division on the edge values and a pseudo-random spread.

/// How to divide an unsigned 64-bit word by a constant `d` (2 or more,
/// not a power of two, at most 2^63): `q = hi(n * m) >> s`; or, with
/// `add`, where the magic number needs 65 bits (2^64 + m),
/// `t = hi(n * m); q = (((n - t) >> 1) + t) >> (s - 1)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unsigned {
    pub m: u64,
    pub s: u8,
    pub add: bool,
}

/// The constants of unsigned division by `d` (see [`Unsigned`]).
pub fn unsigned(d: u64) -> Unsigned {
    assert!(
        d >= 3 && !d.is_power_of_two() && d <= 1 << 63,
        "no magic for {d}"
    );
    // ceil(log2 d): every shift up to it is a candidate.
    let l = 64 - (d - 1).leading_zeros();
    for s in 0..=l {
        // Exact for every 64-bit n when 2^p <= m*d <= 2^p + 2^(p-64)
        // (their Theorem 4.2), with m = ceil(2^p / d) and p = 64 + s.
        let p = 64 + s;
        let two_p = 1u128 << p;
        let m = two_p.div_ceil(d as u128);
        if m < 1 << 64 && m * d as u128 - two_p <= 1u128 << s {
            return Unsigned {
                m: m as u64,
                s: s as u8,
                add: false,
            };
        }
    }
    // The 65-bit multiplier ceil(2^(64+l) / d), always exact; its top
    // bit is added back as `n`.
    let m = (1u128 << (64 + l)).div_ceil(d as u128);
    Unsigned {
        m: (m - (1 << 64)) as u64,
        s: l as u8,
        add: true,
    }
}

/// How to divide a signed 64-bit word by a constant `d` (|d| 3 or more,
/// not a power of two): `q = hi(n * m)` (signed), plus `n` when `d > 0`
/// and `m < 0`, minus `n` when `d < 0` and `m > 0`; then `q >>= s`
/// (arithmetic) and `q += q >>> 63` (rounding toward zero).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Signed {
    pub m: i64,
    pub s: u8,
}

/// The constants of signed division by `d` ("Hacker's Delight", figure
/// 10-1, for 64 bits).
pub fn signed(d: i64) -> Signed {
    let ad = d.unsigned_abs();
    assert!(ad >= 3 && !ad.is_power_of_two(), "no magic for {d}");
    const TWO63: u64 = 1 << 63;
    let t = TWO63 + ((d as u64) >> 63);
    let anc = t - 1 - t % ad; // |nc|
    let mut p = 63;
    let (mut q1, mut r1) = (TWO63 / anc, TWO63 % anc); // 2^p / |nc|
    let (mut q2, mut r2) = (TWO63 / ad, TWO63 % ad); // 2^p / |d|
    loop {
        p += 1;
        q1 = q1.wrapping_mul(2);
        r1 = r1.wrapping_mul(2);
        if r1 >= anc {
            q1 = q1.wrapping_add(1);
            r1 -= anc;
        }
        q2 = q2.wrapping_mul(2);
        r2 = r2.wrapping_mul(2);
        if r2 >= ad {
            q2 = q2.wrapping_add(1);
            r2 -= ad;
        }
        let delta = ad - r2;
        if !(q1 < delta || (q1 == delta && r1 == 0)) {
            break;
        }
    }
    let m = q2.wrapping_add(1) as i64;
    Signed {
        m: if d < 0 { m.wrapping_neg() } else { m },
        s: (p - 64) as u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The unsigned sequence, as the code generator emits it.
    fn udiv(n: u64, d: u64) -> u64 {
        let u = unsigned(d);
        let t = ((n as u128 * u.m as u128) >> 64) as u64;
        if u.add {
            (((n - t) >> 1) + t) >> (u.s - 1)
        } else {
            t >> u.s
        }
    }

    /// The signed sequence, as the code generator emits it.
    fn sdiv(n: i64, d: i64) -> i64 {
        let g = signed(d);
        let mut q = ((n as i128 * g.m as i128) >> 64) as i64;
        if d > 0 && g.m < 0 {
            q = q.wrapping_add(n);
        }
        if d < 0 && g.m > 0 {
            q = q.wrapping_sub(n);
        }
        q >>= g.s;
        q.wrapping_add(((q as u64) >> 63) as i64)
    }

    /// A spread of words: the edges, and xorshift values of every size.
    fn words() -> Vec<u64> {
        let mut v = vec![0, 1, 2, 3, u64::MAX, u64::MAX - 1, 1 << 63, (1 << 63) - 1];
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for k in 0..4000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            v.push(x >> (k % 64));
        }
        v
    }

    fn divisors() -> Vec<u64> {
        let mut v: Vec<u64> = (3..2000).collect();
        for k in 2..64 {
            v.extend([(1u64 << k) - 1, (1 << k) + 1, (1 << k) / 3 * 2 + 1]);
        }
        v.extend([
            1_000_000_007,
            10_000_000_000,
            641,
            6_700_417,
            (1 << 63) - 25,
        ]);
        for w in words().into_iter().take(400) {
            v.push(w | 3);
        }
        v.retain(|d| *d >= 3 && !d.is_power_of_two() && *d <= 1 << 63);
        v
    }

    #[test]
    fn unsigned_magic_divides_exactly() {
        let ns = words();
        for d in divisors() {
            for d in [d, d.next_power_of_two().min(1 << 63) - 1]
                .into_iter()
                .filter(|d| *d >= 3)
            {
                for &n in &ns {
                    assert_eq!(udiv(n, d), n / d, "{n} / {d} with {:?}", unsigned(d));
                }
            }
        }
    }

    #[test]
    fn signed_magic_divides_exactly() {
        let ns = words();
        for d in divisors() {
            let d = d as i64;
            if d < 3 {
                continue;
            }
            for d in [d, -d] {
                for &n in &ns {
                    for n in [n as i64, (n as i64).wrapping_neg(), i64::MIN, i64::MAX] {
                        assert_eq!(
                            sdiv(n, d),
                            n.wrapping_div(d),
                            "{n} / {d} with {:?}",
                            signed(d)
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn small_divisors_take_the_known_constants() {
        // (Those of Hacker's Delight's tables and Go's compiler.)
        assert_eq!(
            signed(3),
            Signed {
                m: 0x5555_5555_5555_5556,
                s: 0
            }
        );
        assert_eq!(
            signed(7),
            Signed {
                m: 0x4924_9249_2492_4925,
                s: 1
            }
        );
        assert!(unsigned(7).add, "7 needs the 65-bit multiplier");
        assert_eq!(
            unsigned(10),
            Unsigned {
                m: 0xCCCC_CCCC_CCCC_CCCD,
                s: 3,
                add: false
            }
        );
    }
}
