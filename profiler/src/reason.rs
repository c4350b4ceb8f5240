//! Why the policy decided what it did: one code per rule, with a stable
//! kebab-case name (printed in tables, JSON and `--trace-tier`) and a
//! sentence for people.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! reasons {
    ($($variant:ident $name:literal $explain:literal,)*) => {
        /// The rule behind a decision.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Reason {
            $(#[doc = $explain] $variant,)*
        }

        impl Reason {
            /// Every reason, in declaration order.
            pub const ALL: &'static [Reason] = &[$(Reason::$variant,)*];

            /// The stable kebab-case code.
            pub fn name(self) -> &'static str {
                match self {
                    $(Reason::$variant => $name,)*
                }
            }

            /// One sentence saying what the rule means.
            pub fn explain(self) -> &'static str {
                match self {
                    $(Reason::$variant => $explain,)*
                }
            }
        }
    };
}

reasons! {
    // Sites.
    Cold "cold"
        "never executed",
    BelowMinCalls "below-min-calls"
        "fewer calls than --min-site-calls: too few to trust a guess",
    Monomorphic "monomorphic"
        "every call had the same receiver",
    Biased "biased"
        "one receiver reached --bias of the calls",
    Bimorphic "bimorphic"
        "two receivers together reached --bimorphic of the calls",
    Polymorphic "polymorphic"
        "three or more receivers, the fewest most frequent of which together reached --bimorphic (at most --polymorphic)",
    BelowBias "below-bias"
        "one receiver seen, yet short of --bias",
    BelowBimorphic "below-bimorphic"
        "two receivers seen: neither reached --bias, together short of --bimorphic",
    Megamorphic "megamorphic"
        "three or more receivers, no one or two of them frequent enough",
    OtherTooHigh "other-too-high"
        "more receivers than the profile has rows, and the untracked ones outweigh the most frequent",
    // Functions.
    HotCalls "hot-calls"
        "called at least --hot-calls times",
    HotLoops "hot-loops"
        "took at least --hot-loops loop back-edges",
    BelowHot "below-hot"
        "fewer calls than --hot-calls and fewer back-edges than --hot-loops",
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is no reason code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownReason(pub String);

impl fmt::Display for UnknownReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown reason code {:?}", self.0)
    }
}

impl std::error::Error for UnknownReason {}

impl FromStr for Reason {
    type Err = UnknownReason;

    fn from_str(s: &str) -> Result<Reason, UnknownReason> {
        Reason::ALL
            .iter()
            .copied()
            .find(|r| r.name() == s)
            .ok_or_else(|| UnknownReason(s.to_string()))
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Reason {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Reason, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_parse_back() {
        let mut names: Vec<_> = Reason::ALL.iter().map(|r| r.name()).collect();
        for (r, n) in Reason::ALL.iter().zip(&names) {
            assert!(n.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
            assert_eq!(n.parse::<Reason>(), Ok(*r));
            assert!(!r.explain().is_empty());
        }
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Reason::ALL.len());
        assert!("hot".parse::<Reason>().is_err());
        assert_eq!(
            serde_json::to_string(&Reason::BelowMinCalls).unwrap(),
            "\"below-min-calls\""
        );
    }
}
