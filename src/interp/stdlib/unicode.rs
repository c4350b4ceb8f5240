//! `unicode`'s classes, case mappings and folds, from the tables
//! generated from Go's own Unicode data (`runtime::unicode_tables`).

use crate::runtime::unicode_tables as tables;

/// The classes of rune `r` (`unicode.props`: the bits of
/// stdlib/unicode/unicode.go), from Go's Unicode data.
pub(crate) fn props(r: i32) -> u32 {
    let Ok(r) = u32::try_from(r) else { return 0 };
    in_range(tables::PROPS, r).map_or(0, |(_, _, p)| p as u32)
}

/// The range of `t` (sorted, disjoint `(first, last, data)`) holding `r`.
fn in_range<T: Copy>(t: &[(u32, u32, T)], r: u32) -> Option<(u32, u32, T)> {
    let i = t
        .binary_search_by(|&(lo, hi, _)| {
            if hi < r {
                std::cmp::Ordering::Less
            } else if lo > r {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .ok()?;
    Some(t[i])
}

/// `unicode.To`: rune `r` in case `c` (0 upper, 1 lower, 2 title) by
/// Go's case ranges (Unicode's simple case mapping).
pub(crate) fn to_case(c: i64, r: i32) -> i32 {
    let (Ok(u), Ok(c)) = (u32::try_from(r), usize::try_from(c)) else {
        return r;
    };
    let Some((lo, _, delta)) = in_range(tables::CASE_RANGES, u) else {
        return r;
    };
    let d = delta[c.min(2)];
    if d == tables::UPPER_LOWER {
        // Alternating upper (even offset) and lower (odd) case; title is upper.
        return (lo + (((u - lo) & !1) | (c as u32 & 1))) as i32;
    }
    r + d
}

/// `unicode.SimpleFold`: the next rune in `r`'s case-folding orbit.
pub(crate) fn simple_fold(r: i32) -> i32 {
    let Ok(u) = u32::try_from(r) else { return r };
    match tables::FOLDS.binary_search_by_key(&u, |&(a, _)| a) {
        Ok(i) => tables::FOLDS[i].1 as i32,
        Err(_) => r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_and_cases() {
        // (The bits: Ll 2, Nd 32, White_Space 2048.)
        assert_eq!(props('é' as i32) & 2, 2);
        assert_eq!(props('٣' as i32) & 32, 32);
        assert_eq!(props(0x3000) & 2048, 2048);
        assert_eq!(props(0xD800), 0);
        assert_eq!(to_case(0, 'é' as i32), 'É' as i32);
        assert_eq!(to_case(0, 'ß' as i32), 'ß' as i32);
        assert_eq!(to_case(1, 'Σ' as i32), 'σ' as i32);
        assert_eq!(to_case(2, 'ǆ' as i32), 'ǅ' as i32);
        assert_eq!(to_case(1, 'İ' as i32), 'i' as i32);
        assert_eq!(simple_fold('k' as i32), 0x212A);
        assert_eq!(simple_fold(0x212A), 'K' as i32);
    }
}
