//! Profiles and tier-up policy for pgojit: call-site receiver counters,
//! function counters, the one pure policy that decides hotness and guards,
//! the reports users read, and profile files that persist across runs.
//!
//! This crate knows neither x86 nor Go syntax. The embedder describes the
//! program once at load time (`SiteInfo`, `FuncInfo`, type names), builds a
//! `Profile`, bumps its counters from the interpreter (`Profile::site(id)
//! .record(ty)`, `Profile::func(id).record_call()`), asks `decide_site` /
//! `decide_func`, prints `report`, and saves and seeds with `persist`.
//!
//! | file | owns |
//! |---|---|
//! | `ids.rs` | `FuncId`, `SiteId`, `TypeId`, and `Target` (what a row counts) |
//! | `site.rs` | one site's rows, `other`, snapshot, counter addresses |
//! | `func.rs` | one function's call and back-edge counters |
//! | `profile.rs` | the program's counters with their descriptions and type names |
//! | `key.rs` | site and function keys that survive edits, `body_hash` |
//! | `reason.rs` | reason codes |
//! | `policy.rs` | `Options`, `decide_site`, `decide_func` |
//! | `report.rs` | the text table and the JSON report (schema in SCHEMA.md) |
//! | `persist.rs` | profile files: save, seed, merge |

pub mod func;
pub mod ids;
pub mod key;
pub mod policy;
pub mod profile;
pub mod reason;
pub mod report;
pub mod site;

pub use func::{FuncProfile, FuncSnapshot};
pub use ids::{FuncId, SiteId, Target, TypeId};
pub use key::{body_hash, FuncKey, SiteKey};
pub use policy::{
    decide_func, decide_site, FuncDecision, Options, OptionsError, SiteAction, SiteDecision,
};
pub use profile::{FuncInfo, Profile, SiteInfo, SiteKind, MAX_WIDTH, MIN_WIDTH};
pub use reason::Reason;
pub use report::{report, FuncRow, ReceiverCount, Report, SiteRow, REPORT_VERSION};
pub use site::{SiteProfile, SiteSnapshot};
