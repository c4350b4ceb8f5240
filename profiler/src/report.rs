//! What `pgojit profile` prints: the per-site table, hottest site first,
//! then the function counters; and the same content as JSON.
//!
//! Both are rendered from one `Report` value, so they cannot disagree.
//! The JSON schema (version 1; `profiler/SCHEMA.md` has it too):
//!
//! ```text
//! {
//!   "version": 1,
//!   "file": "prog.go",                 // the profiled program
//!   "options": { "hot_calls": 1000, "hot_loops": 10000, "bias": 0.8,
//!                "bimorphic": 0.95, "min_site_calls": 100, "width": 4 },
//!   "sites": [                         // most calls first, then by position
//!     { "pos": "prog.go:12:14",        // file:line:col of the call
//!       "caller": "main.run",          // function containing the site
//!       "interface": "main.Shape",     // kind "func": the function type
//!       "method": "Area",              // kind "func": the callee expression
//!       "kind": "iface",               // "iface" | "func"
//!       "calls": 1000000,              // all observed calls, other included
//!       "receivers": [ { "type": "main.A", "count": 900000 } ],
//!                                      // most frequent first; kind "func":
//!                                      // "type" names the called function
//!       "other": 0,                    // calls whose receiver had no row
//!       "decision": "guard main.A",    // "guard T[,T2]" | "indirect" | "cold"
//!       "reason": "biased" } ],        // a reason code (reason.rs)
//!   "functions": [                     // hot first, then most calls
//!     { "name": "main.run", "calls": 1, "backedges": 1000000,
//!       "hot": true, "reason": "hot-loops" } ]
//! }
//! ```
//!
//! Percentages in the text are rounded down to 0.1%, so a share printed as
//! 80.0% really is at least 80.0% (and meets a bias of 0.80).

use std::cmp::Reverse;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ids::SiteId;
use crate::policy::{decide_func, decide_site, Options};
use crate::profile::{Profile, SiteKind};
use crate::reason::Reason;

/// The version of the report's JSON schema.
pub const REPORT_VERSION: u32 = 1;

/// One receiver row by name: a type (interface sites) or a function
/// (function-value sites), and its count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiverCount {
    #[serde(rename = "type")]
    pub ty: String,
    pub count: u64,
}

/// The whole report; serializes to the JSON schema above.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub version: u32,
    pub file: String,
    pub options: Options,
    pub sites: Vec<SiteRow>,
    pub functions: Vec<FuncRow>,
    /// Direct calls (of functions and of methods on concrete types) per
    /// call site that made any, most calls first; exact in every tier.
    /// Calls inside pgojit's standard library are not counted.
    #[serde(default)]
    pub direct_calls: Vec<EdgeRow>,
}

/// One direct call site's line of the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EdgeRow {
    /// `file:line:col` of the call.
    pub pos: String,
    pub caller: String,
    pub callee: String,
    pub calls: u64,
}

/// One call site's line of the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteRow {
    pub pos: String,
    pub caller: String,
    pub interface: String,
    pub method: String,
    pub kind: SiteKind,
    pub calls: u64,
    pub receivers: Vec<ReceiverCount>,
    pub other: u64,
    pub decision: String,
    pub reason: Reason,
    /// How the JIT compiled the site and what compiled code counted there
    /// (absent when the site never ran compiled). `calls` and `receivers`
    /// are the interpreter's counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compiled: Option<crate::profile::CompiledSite>,
}

impl SiteRow {
    /// The callee as the table prints it: `main.Shape.Area`, `f (func() int)`.
    pub fn callee(&self) -> String {
        match self.kind {
            SiteKind::Iface => format!("{}.{}", self.interface, self.method),
            SiteKind::Func => format!("{} ({})", self.method, self.interface),
        }
    }
}

/// One function's line of the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FuncRow {
    pub name: String,
    pub calls: u64,
    pub backedges: u64,
    pub hot: bool,
    pub reason: Reason,
}

/// Snapshots every counter of `p`, decides each site and function with `o`,
/// and orders the rows for reading. `options.width` is reported as the
/// profile's actual width.
pub fn report(p: &Profile, o: &Options) -> Report {
    // Most calls first, then by file, position and id.
    type Order<'a> = (Reverse<u64>, &'a str, (u32, u32), SiteId);
    let mut sites: Vec<(Order, SiteRow)> = p
        .sites()
        .map(|(info, counters)| {
            let snap = counters.snapshot();
            let decision = decide_site(&snap, o);
            let receivers = snap
                .ranked()
                .into_iter()
                .map(|(t, count)| ReceiverCount {
                    ty: p.target_name(t),
                    count,
                })
                .collect();
            let row = SiteRow {
                pos: info.position(),
                caller: info.caller.clone(),
                interface: info.iface.clone(),
                method: info.method.clone(),
                kind: info.kind,
                calls: decision.total,
                receivers,
                other: snap.other,
                decision: decision.what.describe(|t| p.target_name(t)),
                reason: decision.reason,
                compiled: p.compiled(info.id),
            };
            let order = (Reverse(row.calls), info.file.as_str(), info.pos, info.id);
            (order, row)
        })
        .collect();
    sites.sort_by(|a, b| a.0.cmp(&b.0));

    let mut functions: Vec<(u32, FuncRow)> = p
        .funcs()
        .map(|(info, counters)| {
            let snap = counters.snapshot();
            let d = decide_func(&snap, o);
            let row = FuncRow {
                name: info.name.clone(),
                calls: snap.calls,
                backedges: snap.backedges,
                hot: d.hot,
                reason: d.reason,
            };
            (info.id.0, row)
        })
        .collect();
    functions.sort_by(|(ia, a), (ib, b)| {
        (b.hot, b.calls, b.backedges)
            .cmp(&(a.hot, a.calls, a.backedges))
            .then(ia.cmp(ib))
    });

    let mut direct_calls: Vec<(Order, EdgeRow)> = p
        .edges()
        .filter(|(_, n)| *n > 0)
        .map(|(e, n)| {
            let row = EdgeRow {
                pos: e.position(),
                caller: p.func_name(e.caller),
                callee: p.func_name(e.callee),
                calls: n,
            };
            ((Reverse(n), e.file.as_str(), e.pos, SiteId(e.id.0)), row)
        })
        .collect();
    direct_calls.sort_by(|a, b| a.0.cmp(&b.0));

    Report {
        version: REPORT_VERSION,
        file: p.program().to_string(),
        options: Options {
            width: p.width(),
            ..o.clone()
        },
        sites: sites.into_iter().map(|s| s.1).collect(),
        functions: functions.into_iter().map(|f| f.1).collect(),
        direct_calls: direct_calls.into_iter().map(|e| e.1).collect(),
    }
}

impl Report {
    /// The report as pretty-printed JSON (the schema in the module docs).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serializes")
    }

    /// Reads a JSON report back (tests, tools comparing runs).
    pub fn from_json(text: &str) -> Result<Report, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The report as one self-contained HTML page, with the run's
    /// timeline when there is one (`html.rs`).
    pub fn to_html(&self, timeline: Option<&crate::timeline::Timeline>) -> String {
        crate::html::to_html(self, timeline)
    }

    /// The text tables.
    pub fn to_text(&self) -> String {
        self.to_string()
    }
}

/// The compiled-code column: the shape and what compiled code counted,
/// saying plainly which receiver counts are estimates or missing.
fn compiled_column(c: &crate::profile::CompiledSite) -> String {
    let mut out = if c.shape == "indirect" {
        format!("indirect: {} calls", c.indirect_calls)
    } else {
        let mut s = format!(
            "{}: {}, {} misses",
            c.shape,
            c.guard_hits
                .map_or("hits not counted".to_string(), |h| format!("{h} hits")),
            c.guard_misses
        );
        if c.indirect_calls > 0 {
            s += &format!(", {} indirect calls", c.indirect_calls);
        }
        s
    };
    if c.indirect_calls > 0 {
        out += " (receivers of indirect calls not counted: not in the rows)";
    }
    if c.receivers_estimated {
        out += " (receivers estimated: hits not counted per target; --count-guards counts them)";
    }
    out
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let o = &self.options;
        writeln!(
            f,
            "profile of {}: {} call sites, {} functions \
             (bias {}, major {}, bimorphic {}, polymorphic {}, min-site-calls {}, hot-calls {}, hot-loops {}, width {})",
            self.file,
            self.sites.len(),
            self.functions.len(),
            fraction(o.bias_ppm()),
            fraction(o.major_ppm()),
            fraction(o.bimorphic_ppm()),
            o.polymorphic,
            o.min_site_calls,
            o.hot_calls,
            o.hot_loops,
            o.width,
        )?;
        writeln!(f)?;
        let site_rows: Vec<Vec<String>> = self
            .sites
            .iter()
            .map(|s| {
                let receivers: Vec<String> = s
                    .receivers
                    .iter()
                    .map(|r| format!("{} {} ({})", r.ty, r.count, share(r.count, s.calls)))
                    .collect();
                let other = if s.other == 0 {
                    "0".to_string()
                } else {
                    format!("{} ({})", s.other, share(s.other, s.calls))
                };
                vec![
                    s.pos.clone(),
                    s.caller.clone(),
                    s.callee(),
                    s.calls.to_string(),
                    if receivers.is_empty() {
                        "-".to_string()
                    } else {
                        receivers.join(", ")
                    },
                    other,
                    s.decision.clone(),
                    s.reason.to_string(),
                    match &s.compiled {
                        None => "-".to_string(),
                        Some(c) => compiled_column(c),
                    },
                ]
            })
            .collect();
        // The compiled-code column appears once some site ran compiled.
        let mut headers = vec![
            ("site", false),
            ("caller", false),
            ("call", false),
            ("calls", true),
            ("receivers", false),
            ("other", true),
            ("decision", false),
            ("reason", false),
        ];
        let mut site_rows = site_rows;
        if self.sites.iter().any(|s| s.compiled.is_some()) {
            headers.push(("compiled code", false));
        } else {
            for r in &mut site_rows {
                r.pop();
            }
        }
        f.write_str(&table(&headers, &site_rows))?;
        writeln!(f)?;
        let func_rows: Vec<Vec<String>> = self
            .functions
            .iter()
            .map(|r| {
                vec![
                    r.name.clone(),
                    r.calls.to_string(),
                    r.backedges.to_string(),
                    if r.hot { "yes" } else { "no" }.to_string(),
                    r.reason.to_string(),
                ]
            })
            .collect();
        f.write_str(&table(
            &[
                ("function", false),
                ("calls", true),
                ("back-edges", true),
                ("hot", false),
                ("reason", false),
            ],
            &func_rows,
        ))
    }
}

/// `count / total` as a percentage rounded down to 0.1% (`90.0%`).
pub fn share(count: u64, total: u64) -> String {
    if total == 0 {
        return "-".to_string();
    }
    let permille = (count as u128 * 1000 / total as u128) as u64;
    format!("{}.{}%", permille / 10, permille % 10)
}

/// A fraction in ppm as a percentage without trailing zeros (`80%`, `95.5%`).
pub fn fraction(ppm: u64) -> String {
    let (whole, frac) = (ppm / 10_000, ppm % 10_000);
    if frac == 0 {
        format!("{whole}%")
    } else {
        let digits = format!("{frac:04}");
        format!("{whole}.{}%", digits.trim_end_matches('0'))
    }
}

/// Left- or right-aligned columns (`true` = right), two spaces apart, no
/// trailing blanks.
fn table(headers: &[(&str, bool)], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.0.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let header: Vec<String> = headers.iter().map(|h| h.0.to_string()).collect();
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = widths[i] - cell.chars().count();
            if headers[i].1 {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{FuncId, TypeId};
    use crate::key::FuncKey;
    use crate::profile::tests::{func_info, iface_site};
    use crate::profile::{FuncInfo, SiteInfo};

    fn demo() -> Profile {
        let func_site = SiteInfo {
            kind: SiteKind::Func,
            iface: "func(int) int".into(),
            method: "f".into(),
            ..iface_site(2, 20, 7, "f")
        };
        let mut p = Profile::new(
            "prog.go",
            4,
            vec![
                iface_site(0, 12, 14, "Area"),
                iface_site(1, 13, 9, "Perimeter"),
                func_site,
            ],
            vec![
                func_info(0, "main.main"),
                func_info(1, "main.run"),
                FuncInfo {
                    id: FuncId(2),
                    name: "main.square".into(),
                    key: FuncKey {
                        func: "main.square".into(),
                        body_hash: 1,
                    },
                },
            ],
        );
        p.set_type_name(TypeId(0), "main.A");
        p.set_type_name(TypeId(1), "main.B");
        for i in 0..1000 {
            p.site(SiteId(1)).record(TypeId(i % 3));
        }
        for _ in 0..150 {
            p.site(SiteId(2)).record_func(FuncId(2));
            p.func(FuncId(2)).record_call();
        }
        p.func(FuncId(0)).record_call();
        p.func(FuncId(1)).record_call();
        for _ in 0..10_000 {
            p.func(FuncId(1)).record_backedge();
        }
        p
    }

    #[test]
    fn text_table_hottest_first_with_shares_and_reasons() {
        let text = report(&demo(), &Options::default()).to_text();
        let want = "\
profile of prog.go: 3 call sites, 3 functions (bias 80%, major 90%, bimorphic 95%, polymorphic 4, min-site-calls 100, hot-calls 1000, hot-loops 10000, width 4)

site           caller    call                  calls  receivers                                               other  decision                reason
prog.go:13:9   main.run  main.Shape.Perimeter   1000  main.A 334 (33.4%), main.B 333 (33.3%), t2 333 (33.3%)      0  guard main.A,main.B,t2  polymorphic
prog.go:20:7   main.run  f (func(int) int)       150  main.square 150 (100.0%)                                    0  guard main.square       monomorphic
prog.go:12:14  main.run  main.Shape.Area           0  -                                                           0  cold                    cold

function     calls  back-edges  hot  reason
main.run         1       10000  yes  hot-loops
main.square    150           0  no   below-hot
main.main        1           0  no   below-hot
";
        assert_eq!(text, want, "got:\n{text}");
    }

    #[test]
    fn json_follows_the_schema_and_reads_back() {
        let r = report(&demo(), &Options::default());
        let json = r.to_json();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["version"], 1);
        assert_eq!(v["file"], "prog.go");
        assert_eq!(v["options"]["min_site_calls"], 100);
        assert_eq!(v["options"]["bias"], 0.8);
        let s = &v["sites"][0];
        assert_eq!(s["pos"], "prog.go:13:9");
        assert_eq!(s["caller"], "main.run");
        assert_eq!(s["interface"], "main.Shape");
        assert_eq!(s["method"], "Perimeter");
        assert_eq!(s["kind"], "iface");
        assert_eq!(s["calls"], 1000);
        assert_eq!(
            s["receivers"][0],
            serde_json::json!({"type": "main.A", "count": 334})
        );
        assert_eq!(s["other"], 0);
        assert_eq!(s["decision"], "guard main.A,main.B,t2");
        assert_eq!(s["reason"], "polymorphic");
        assert_eq!(v["sites"][1]["kind"], "func");
        assert_eq!(
            v["functions"][0],
            serde_json::json!({"name": "main.run", "calls": 1, "backedges": 10000, "hot": true, "reason": "hot-loops"})
        );
        assert_eq!(Report::from_json(&json).unwrap(), r);
    }

    #[test]
    fn shares_round_down() {
        assert_eq!(share(900_000, 1_000_000), "90.0%");
        assert_eq!(share(7999, 10_000), "79.9%");
        assert_eq!(share(2, 3), "66.6%");
        assert_eq!(share(1, 1), "100.0%");
        assert_eq!(share(0, 0), "-");
        assert_eq!(fraction(800_000), "80%");
        assert_eq!(fraction(955_000), "95.5%");
        assert_eq!(fraction(1_010_000), "101%");
        assert_eq!(fraction(123_456), "12.3456%");
    }
}
