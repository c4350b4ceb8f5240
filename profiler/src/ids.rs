//! Newtype ids used across crate boundaries (STYLE.md, rule 8).

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
    /// A type known to the runtime.
    TypeId,
    "t"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_display_with_prefix() {
        assert_eq!(FuncId(3).to_string(), "f3");
        assert_eq!(SiteId(7).to_string(), "site7");
        assert_eq!(TypeId(0).index(), 0);
    }
}
