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
//! ```
//! use pgojit_profiler::*;
//!
//! let hash = body_hash(b"func run(s []Shape) { ... }");
//! let site = SiteInfo {
//!     id: SiteId(0),
//!     caller: "main.run".into(),
//!     file: "prog.go".into(),
//!     pos: (12, 14),
//!     iface: "main.Shape".into(),
//!     method: "Area".into(),
//!     kind: SiteKind::Iface,
//!     key: SiteKey::new("main.run", 9, (12, 14), "Area", hash),
//! };
//! let run = FuncInfo {
//!     id: FuncId(0),
//!     name: "main.run".into(),
//!     key: FuncKey { func: "main.run".into(), body_hash: hash },
//! };
//! let opts = Options::default();
//! opts.validate().unwrap();
//! let mut profile = Profile::new("prog.go", opts.width, vec![site], vec![run]);
//! profile.set_type_name(TypeId(0), "main.A");
//!
//! // The interpreter, at each call of main.run and each CallIface:
//! profile.func(FuncId(0)).record_call();
//! for _ in 0..100 {
//!     profile.site(SiteId(0)).record(TypeId(0));
//! }
//!
//! let d = decide_site(&profile.site(SiteId(0)).snapshot(), &opts);
//! assert_eq!(d.what, SiteAction::Guard(vec![Target::Type(TypeId(0))]));
//! assert_eq!(d.reason.name(), "monomorphic");
//! assert!(report(&profile, &opts).to_text().contains("guard main.A"));
//! ```
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
//! | `html.rs` | the report as a self-contained HTML page |
//! | `timeline.rs` | the bounded log of a run's tier events the page draws |
//! | `persist.rs` | profile files: save, seed, merge |
//! | `pprof.rs` | the profile as a gzipped pprof file (`go build -pgo`, `go tool pprof`) |

pub mod func;
pub mod html;
pub mod ids;
pub mod key;
pub mod persist;
pub mod policy;
pub mod pprof;
pub mod profile;
pub mod reason;
pub mod report;
pub mod site;
pub mod timeline;

pub use func::{FuncProfile, FuncSnapshot};
pub use ids::{EdgeId, FuncId, SiteId, Target, TypeId};
pub use key::{body_hash, FuncKey, SiteKey};
pub use persist::{load_into, merge, save, MergeReport, PersistError, ProfileFile, SeedReport};
pub use policy::{
    decide_func, decide_recompile, decide_site, window_calls, FuncDecision, MissWindow, Options,
    OptionsError, RecompileAction, SiteAction, SiteDecision,
};
pub use profile::{
    CompiledSite, EdgeInfo, FuncInfo, Profile, SiteInfo, SiteKind, MAX_WIDTH, MIN_WIDTH,
};
pub use reason::Reason;
pub use report::{report, share, EdgeRow, FuncRow, ReceiverCount, Report, SiteRow, REPORT_VERSION};
pub use site::{SiteProfile, SiteSnapshot};
pub use timeline::{Event, EventKind, EventLog, Timeline};
