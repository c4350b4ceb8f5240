//! Keys that name a call site or a function across runs and edits.
//!
//! Ids (`SiteId`, `FuncId`, `TypeId`) are handed out afresh each run, and
//! absolute line numbers move whenever anything above them changes. A key
//! instead anchors a site to its function: the function's qualified name,
//! the site's line offset from the function's first line, its column and
//! method. Editing another function leaves the key unchanged. The hash of the
//! function's body tells whether the function itself changed, in which case
//! its saved counts are stale and are not used.

use serde::{Deserialize, Serialize};

/// Where a call site is, relative to the function that contains it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SiteKey {
    /// Qualified name of the containing function (`main.run`,
    /// `main.(*T).M`, `main.run.func1`).
    pub func: String,
    /// The site's line minus the containing function's first line.
    pub line_offset: u32,
    /// The site's column (1-based, as in positions).
    pub col: u32,
    /// Method name (interface sites) or callee expression (function values).
    pub method: String,
    /// `body_hash` of the containing function's source.
    #[serde(with = "hex_u64")]
    pub body_hash: u64,
}

impl SiteKey {
    /// The key of a site at `site_line:col` in a function that starts at
    /// `func_line`. A site above its function's start (which a front end
    /// should never report) gets offset 0.
    pub fn new(
        func: impl Into<String>,
        func_line: u32,
        (site_line, col): (u32, u32),
        method: impl Into<String>,
        body_hash: u64,
    ) -> SiteKey {
        SiteKey {
            func: func.into(),
            line_offset: site_line.saturating_sub(func_line),
            col,
            method: method.into(),
            body_hash,
        }
    }

    /// Everything but the body hash: what identifies "the same site".
    pub fn anchor(&self) -> (&str, u32, u32, &str) {
        (&self.func, self.line_offset, self.col, &self.method)
    }
}

/// A function across runs: its qualified name and the hash of its body.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FuncKey {
    pub func: String,
    #[serde(with = "hex_u64")]
    pub body_hash: u64,
}

/// A hash of a function body's source that stays the same across runs,
/// platforms and Rust versions (64-bit FNV-1a; `std`'s hasher promises none
/// of that). The embedder chooses what to feed it, e.g. the body's text.
pub fn body_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Body hashes are written as `"0x"` and 16 hex digits: JSON readers that
/// parse numbers as doubles would round a 64-bit integer.
mod hex_u64 {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &u64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("0x{v:016x}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        let s = String::deserialize(d)?;
        let digits = s
            .strip_prefix("0x")
            .ok_or_else(|| D::Error::custom(format!("body_hash {s:?} lacks the 0x prefix")))?;
        u64::from_str_radix(digits, 16)
            .map_err(|e| D::Error::custom(format!("body_hash {s:?}: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_key_is_relative_to_the_function() {
        let a = SiteKey::new("main.run", 10, (12, 14), "Area", 7);
        let moved = SiteKey::new("main.run", 30, (32, 14), "Area", 7);
        assert_eq!(a, moved);
        assert_eq!(a.line_offset, 2);
        assert_eq!(a.anchor(), ("main.run", 2, 14, "Area"));
    }

    #[test]
    fn body_hash_is_fnv1a() {
        assert_eq!(body_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(body_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(body_hash(b"x := 1"), body_hash(b"x := 2"));
    }

    #[test]
    fn body_hash_serializes_as_hex() {
        let k = FuncKey {
            func: "main.f".into(),
            body_hash: u64::MAX - 1,
        };
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(
            json,
            r#"{"func":"main.f","body_hash":"0xfffffffffffffffe"}"#
        );
        assert_eq!(serde_json::from_str::<FuncKey>(&json).unwrap(), k);
        assert!(serde_json::from_str::<FuncKey>(r#"{"func":"f","body_hash":"12"}"#).is_err());
    }
}
