//! Profiles and tier-up policy for pgojit: ids, call-site receiver-type
//! counters, function counters, and the pure `decide` policy.
//!
//! This crate knows neither x86 nor Go syntax. For now it holds the newtype
//! ids shared across crate boundaries; counters and the policy arrive with
//! issue 4.

pub mod ids;

pub use ids::{FuncId, SiteId, TypeId};
