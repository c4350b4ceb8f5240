//! Newtype ids used across crate boundaries (STYLE.md, rule 8), and
//! `Target`, what a call site's profile rows count: a receiver type at an
//! interface call, a callee function at a call through a function value.

use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Default)]
        pub struct $name(pub u32);

        impl $name {
            /// The id as an index into a table.
            #[inline]
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

id_type!(
    /// A compiled function (top-level function, method, closure body or wrapper).
    FuncId,
    "f"
);
id_type!(
    /// An interface or function-value call site.
    SiteId,
    "site"
);
id_type!(
    /// A direct (static) call site: a call of a top-level function or of a
    /// method on a concrete type, counted per call site.
    EdgeId,
    "edge"
);
id_type!(
    /// A type known to the runtime.
    TypeId,
    "t"
);

impl EdgeId {
    /// A direct call that is not counted (calls inside pgojit's standard
    /// library, synthesized calls).
    pub const NONE: EdgeId = EdgeId(u32::MAX);
}

/// What one row of a call site's profile counts.
///
/// Interface call sites count the dynamic type of the receiver; calls
/// through a function value count the function that was called (a closure's
/// body or a top-level function). Both are profiled and decided alike.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub enum Target {
    Type(TypeId),
    Func(FuncId),
}

/// `Target::encode` of an empty profile row: no target has this encoding.
pub const EMPTY_TARGET: u64 = 0;

const FUNC_TAG: u64 = 1 << 32;

impl Target {
    /// The word a profile row stores for this target (never `EMPTY_TARGET`).
    ///
    /// `Type(t)` is `t + 1` (1 ..= 2^32), `Func(f)` is `2^32 + 1 + f`, so the
    /// two kinds never collide and machine code that inlines a site's row
    /// scan can compare against a constant.
    #[inline]
    pub const fn encode(self) -> u64 {
        match self {
            Target::Type(t) => t.0 as u64 + 1,
            Target::Func(f) => FUNC_TAG + 1 + f.0 as u64,
        }
    }

    /// The inverse of `encode`; `None` for `EMPTY_TARGET`.
    #[inline]
    pub const fn decode(word: u64) -> Option<Target> {
        if word == EMPTY_TARGET {
            None
        } else if word <= FUNC_TAG {
            Some(Target::Type(TypeId((word - 1) as u32)))
        } else {
            Some(Target::Func(FuncId((word - FUNC_TAG - 1) as u32)))
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Type(t) => t.fmt(f),
            Target::Func(id) => id.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_round_trip_through_their_encoding() {
        for t in [
            Target::Type(TypeId(0)),
            Target::Type(TypeId(7)),
            Target::Type(TypeId(u32::MAX)),
            Target::Func(FuncId(0)),
            Target::Func(FuncId(u32::MAX)),
        ] {
            assert_ne!(t.encode(), EMPTY_TARGET);
            assert_eq!(Target::decode(t.encode()), Some(t));
        }
        assert_eq!(Target::decode(EMPTY_TARGET), None);
        assert_ne!(
            Target::Type(TypeId(u32::MAX)).encode(),
            Target::Func(FuncId(0)).encode()
        );
    }

    #[test]
    fn ids_display_with_prefix() {
        assert_eq!(FuncId(3).to_string(), "f3");
        assert_eq!(SiteId(7).to_string(), "site7");
        assert_eq!(TypeId(0).index(), 0);
    }
}
