//! The tier-up and devirtualization policy: pure functions from counts and
//! options to a decision with its reason. Nothing else in pgojit decides
//! whether a function is hot or what a call site's guard is.
//!
//! Shares compare exactly, in integers: a fraction option is rounded once to
//! parts per million (`ppm`) and `count * 1_000_000 >= ppm * total` is
//! evaluated in `u128`, so 799 of 1000 calls (79.9%) never meets a bias of
//! 0.80 and 800 of 1000 always does, whatever the binary rounding of 0.80.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::func::FuncSnapshot;
use crate::ids::Target;
use crate::profile::{MAX_WIDTH, MIN_WIDTH};

/// The most guards a site gets (`--polymorphic` at most): compiled code
/// keeps a hit counter per guard.
pub const MAX_GUARDS: usize = 8;
use crate::reason::Reason;
use crate::site::SiteSnapshot;

/// The policy's knobs, one per command-line option of the same name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// `--hot-calls`: a function is hot once called this many times.
    pub hot_calls: u64,
    /// `--hot-loops`: a function is hot once its loops took this many
    /// back-edges (counted over all its loops and invocations).
    pub hot_loops: u64,
    /// `--bias`: the share of a site's calls one receiver needs for a
    /// single guard.
    pub bias: f64,
    /// `--bimorphic`: the share two receivers together need for a pair of
    /// guards. Above 1.0, never.
    pub bimorphic: f64,
    /// `--major`: at a site that saw three receivers or more, the share the
    /// top one needs for a guard of its own when a second one brings the
    /// pair to `bimorphic`: below it the site gets both guards (HotSpot's
    /// `TypeProfileMajorReceiverPercent`, 90). A site that saw exactly two
    /// receivers guards both whatever the split, as HotSpot's bimorphic
    /// inlining does: a 90/10 site's second guard is one compare on the
    /// path that would otherwise miss, cheaper than the miss.
    pub major: f64,
    /// `--polymorphic`: the most receivers one site is guarded for. When
    /// neither one nor two reach their shares, the fewest top receivers
    /// (three up to this many) that together reach `bimorphic` get a chain
    /// of guards (`polymorphic`), as V8's polymorphic inlining does; the
    /// compiler keeps such a chain only where every target is inlined (a
    /// chain of calls costs more than the one indirect call it replaces).
    /// 2 turns it off. Only counted receivers are known: `width` rows at
    /// most.
    ///
    /// Default 4, V8's polymorphic limit. Past four, a chain's taken
    /// branches (each receiver not matched jumps to the next test: four
    /// and a half on average for eight even receivers) cost more than the
    /// one indirect call, even when every branch is predicted: on the
    /// eight-type megamorphic scenario, on an Intel Xeon, the chain of
    /// eight ran 2.60 ns per call, the indirect call 2.1 (Go's 2.24).
    /// (On the AMD EPYC machines of earlier sessions, where Go's indirect
    /// call took 3.4 ns, the chain of eight was the faster.)
    pub polymorphic: usize,
    /// `--min-site-calls`: a site with fewer observations stays cold.
    ///
    /// Default 100. A guard decided from a handful of calls reflects
    /// start-up more than the steady state (one warm-up call with another
    /// type is 20% of five calls), and with 100 observations a measured 80%
    /// share is within about +-8 points of the true one at 95% confidence.
    /// Waiting longer buys little: a guard that turns out wrong costs an
    /// extra compare before the same indirect call (never correctness), and
    /// a function only compiles after `hot_calls` = 1000 calls, by which
    /// time a site executed once per call has ten times this many.
    pub min_site_calls: u64,
    /// `--profile-width`: receiver rows per site, at least 4.
    pub width: usize,
    /// `--miss-ratio`: a compiled site whose guards miss this share of its
    /// calls over a window is recompiled with a fresh profile.
    pub miss_ratio: f64,
    /// `--miss-window`: calls a compiled site must make before its miss
    /// ratio counts (doubled after each recompilation of the site).
    pub miss_window: u64,
    /// `--max-recompiles`: recompilations of one site before it settles to
    /// an indirect call (a function stops at four times this).
    pub max_recompiles: u32,
}

impl Options {
    /// The defaults, written only here: `Default`, the command line's
    /// defaults and its `--help` all read them.
    pub const DEFAULT: Options = Options {
        hot_calls: 1000,
        hot_loops: 10_000,
        bias: 0.80,
        bimorphic: 0.95,
        major: 0.90,
        polymorphic: 4,
        min_site_calls: 100,
        width: 8,
        miss_ratio: 0.25,
        miss_window: 10_000,
        max_recompiles: 4,
    };
}

impl Default for Options {
    fn default() -> Options {
        Options::DEFAULT
    }
}

/// An option value the policy cannot use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionsError {
    /// The option, as spelled on the command line (`--bias`).
    pub option: &'static str,
    pub message: String,
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.option, self.message)
    }
}

impl std::error::Error for OptionsError {}

/// The largest fraction accepted: anything above 1.0 already means "never".
const MAX_FRACTION: f64 = 100.0;

impl Options {
    /// Checks every value (the CLI calls this before building a `Profile`).
    pub fn validate(&self) -> Result<(), OptionsError> {
        for (option, x) in [
            ("--bias", self.bias),
            ("--bimorphic", self.bimorphic),
            ("--major", self.major),
        ] {
            if !(x.is_finite() && x > 0.0 && x <= MAX_FRACTION) {
                return Err(OptionsError {
                    option,
                    message: format!(
                        "{x} is not a fraction in (0, {MAX_FRACTION}] (0.80 means 80%)"
                    ),
                });
            }
        }
        if !(self.miss_ratio.is_finite() && self.miss_ratio > 0.0 && self.miss_ratio <= 1.0) {
            return Err(OptionsError {
                option: "--miss-ratio",
                message: format!("{} is not a fraction in (0, 1]", self.miss_ratio),
            });
        }
        if self.miss_window == 0 {
            return Err(OptionsError {
                option: "--miss-window",
                message: "a window needs at least one call".into(),
            });
        }
        if !(2..=MAX_GUARDS).contains(&self.polymorphic) {
            return Err(OptionsError {
                option: "--polymorphic",
                message: format!(
                    "{} guards: at least 2 (2 turns it off), at most {MAX_GUARDS}",
                    self.polymorphic
                ),
            });
        }
        if !(MIN_WIDTH..=MAX_WIDTH).contains(&self.width) {
            return Err(OptionsError {
                option: "--profile-width",
                message: format!("{} rows is outside {MIN_WIDTH}..={MAX_WIDTH}", self.width),
            });
        }
        Ok(())
    }

    /// `bias` in parts per million, as the policy compares it.
    pub fn bias_ppm(&self) -> u64 {
        ppm(self.bias)
    }

    /// `bimorphic` in parts per million, as the policy compares it.
    pub fn bimorphic_ppm(&self) -> u64 {
        ppm(self.bimorphic)
    }

    /// `major` in parts per million, as the policy compares it.
    pub fn major_ppm(&self) -> u64 {
        ppm(self.major)
    }
}

/// A fraction in parts per million, rounded to the nearest (0.80 -> 800000).
/// NaN and negatives give 0 (rejected earlier by `validate`).
pub fn ppm(fraction: f64) -> u64 {
    (fraction * 1e6).round() as u64
}

/// `count / total >= ppm / 1e6`, exactly.
pub fn reaches(count: u64, total: u64, ppm: u64) -> bool {
    count as u128 * 1_000_000 >= ppm as u128 * total as u128
}

/// What the JIT does at a call site.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SiteAction {
    /// Compare the receiver against these targets, most frequent first, and
    /// call each directly; anything else takes the indirect call.
    Guard(Vec<Target>),
    /// A plain indirect call: no receiver is frequent enough.
    Indirect,
    /// Too few observations to speculate: a plain indirect call, and the
    /// site may be decided again once it has run more.
    Cold,
}

impl SiteAction {
    /// `guard main.A,main.B`, `indirect` or `cold`, naming targets by `name`.
    pub fn describe(&self, mut name: impl FnMut(Target) -> String) -> String {
        match self {
            SiteAction::Guard(ts) => {
                let names: Vec<String> = ts.iter().map(|&t| name(t)).collect();
                format!("guard {}", names.join(","))
            }
            SiteAction::Indirect => "indirect".to_string(),
            SiteAction::Cold => "cold".to_string(),
        }
    }
}

impl fmt::Display for SiteAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(|t| t.to_string()))
    }
}

/// The policy's verdict on one call site.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SiteDecision {
    pub what: SiteAction,
    pub reason: Reason,
    /// Calls that reached the guarded targets (0 unless `Guard`).
    pub covered: u64,
    /// All observed calls, `other` included.
    pub total: u64,
}

impl fmt::Display for SiteDecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.what, self.reason)
    }
}

/// Decides a call site.
///
/// In order: no calls → `cold`; fewer than `min_site_calls` → `cold`
/// (`below-min-calls`); the most frequent target reaching `bias` → one guard
/// (`monomorphic` if it is the only target ever seen, else `biased`),
/// unless exactly two targets were seen, or it stays below `major` and the
/// top two reach `bimorphic` together (two guards, `bimorphic`); the
/// top two reaching `bimorphic` together → two guards (`bimorphic`); the
/// fewest top three to `polymorphic` reaching `bimorphic` together → that
/// many guards (`polymorphic`); otherwise `indirect`, because: calls in
/// `other` at least equal the top target (`other-too-high`), any other
/// untracked calls or three or more targets (`megamorphic`), two targets
/// (`below-bimorphic`), or one (`below-bias`, possible only with `bias`
/// above 1).
///
/// `other` counts toward the total, so untracked receivers dilute every
/// share. Ties between equally frequent targets go to the lower id
/// (`SiteSnapshot::ranked`): the decision depends only on the counts, never
/// on the order in which types first arrived.
pub fn decide_site(s: &SiteSnapshot, o: &Options) -> SiteDecision {
    let total = s.total();
    let decision = |what, reason, covered| SiteDecision {
        what,
        reason,
        covered,
        total,
    };
    if total == 0 {
        return decision(SiteAction::Cold, Reason::Cold, 0);
    }
    if total < o.min_site_calls {
        return decision(SiteAction::Cold, Reason::BelowMinCalls, 0);
    }
    let ranked = s.ranked();
    let top = ranked.first().copied();
    if let Some((t1, c1)) = top {
        if reaches(c1, total, o.bias_ppm()) {
            // Exactly two receivers seen: both guarded whatever the
            // split (HotSpot's bimorphic inlining, `morphism == 2`).
            let two_only = ranked.len() == 2 && s.other == 0;
            if two_only || !reaches(c1, total, o.major_ppm()) {
                if let Some(&(t2, c2)) = ranked.get(1) {
                    if reaches(c1 + c2, total, o.bimorphic_ppm()) {
                        return decision(
                            SiteAction::Guard(vec![t1, t2]),
                            Reason::Bimorphic,
                            c1 + c2,
                        );
                    }
                }
            }
            let reason = if c1 == total {
                Reason::Monomorphic
            } else {
                Reason::Biased
            };
            return decision(SiteAction::Guard(vec![t1]), reason, c1);
        }
        if let Some(&(t2, c2)) = ranked.get(1) {
            if reaches(c1 + c2, total, o.bimorphic_ppm()) {
                return decision(SiteAction::Guard(vec![t1, t2]), Reason::Bimorphic, c1 + c2);
            }
        }
        let mut covered = c1 + ranked.get(1).map_or(0, |r| r.1);
        for (k, &(_, c)) in ranked
            .iter()
            .enumerate()
            .skip(2)
            .take(o.polymorphic.saturating_sub(2))
        {
            covered += c;
            if reaches(covered, total, o.bimorphic_ppm()) {
                let ts = ranked[..=k].iter().map(|r| r.0).collect();
                return decision(SiteAction::Guard(ts), Reason::Polymorphic, covered);
            }
        }
    }
    let c1 = top.map_or(0, |r| r.1);
    let reason = if s.other > 0 && s.other >= c1 {
        Reason::OtherTooHigh
    } else if s.other > 0 || ranked.len() >= 3 {
        Reason::Megamorphic
    } else if ranked.len() == 2 {
        Reason::BelowBimorphic
    } else {
        Reason::BelowBias
    };
    decision(SiteAction::Indirect, reason, 0)
}

/// The policy's verdict on one function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FuncDecision {
    /// Compile it.
    pub hot: bool,
    pub reason: Reason,
}

impl fmt::Display for FuncDecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hot = if self.hot { "hot" } else { "not hot" };
        write!(f, "{hot} ({})", self.reason)
    }
}

/// Decides a function: hot once `calls >= hot_calls` (`hot-calls`, checked
/// first) or `backedges >= hot_loops` (`hot-loops`); otherwise `below-hot`.
/// A threshold of 0 makes every function hot.
pub fn decide_func(f: &FuncSnapshot, o: &Options) -> FuncDecision {
    let (hot, reason) = if f.calls >= o.hot_calls {
        (true, Reason::HotCalls)
    } else if f.backedges >= o.hot_loops {
        (true, Reason::HotLoops)
    } else {
        (false, Reason::BelowHot)
    };
    FuncDecision { hot, reason }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::TypeId;

    fn t(i: u32) -> Target {
        Target::Type(TypeId(i))
    }

    fn snap(rows: &[(u32, u64)], other: u64) -> SiteSnapshot {
        SiteSnapshot {
            rows: rows.iter().map(|&(i, c)| (t(i), c)).collect(),
            other,
        }
    }

    fn with(f: impl FnOnce(&mut Options)) -> Options {
        let mut o = Options::default();
        f(&mut o);
        o
    }

    use Reason::*;
    const COLD: Option<&[u32]> = None;

    /// (name, rows (type, count), other, options, guard (None: indirect or
    /// cold), reason)
    type Case<'a> = (
        &'a str,
        &'a [(u32, u64)],
        u64,
        &'a Options,
        Option<&'a [u32]>,
        Reason,
    );

    #[test]
    fn site_decisions_on_a_table_of_cases() {
        let d = Options::default();
        let bias95 = with(|o| o.bias = 0.95);
        let bias95_bi101 = with(|o| {
            o.bias = 0.95;
            o.bimorphic = 1.01;
        });
        let half = with(|o| {
            o.bias = 0.45;
            o.major = 0.45;
        });
        let bi80 = with(|o| {
            o.bias = 0.9;
            o.bimorphic = 0.8;
        });
        let min0 = with(|o| o.min_site_calls = 0);
        let poly2 = with(|o| o.polymorphic = 2);
        let poly8 = with(|o| o.polymorphic = 8);
        #[rustfmt::skip]
        let cases: &[Case] = &[
            ("empty site", &[], 0, &d, COLD, Cold),
            ("empty site, min 0", &[], 0, &min0, COLD, Cold),
            ("one call below min", &[(1, 1)], 0, &d, COLD, BelowMinCalls),
            ("99 calls below min 100", &[(1, 99)], 0, &d, COLD, BelowMinCalls),
            ("exactly min calls", &[(1, 100)], 0, &d, Some(&[1]), Monomorphic),
            ("below min counts other", &[(1, 50)], 49, &d, COLD, BelowMinCalls),
            ("min reached through other", &[(1, 80)], 20, &d, Some(&[1]), Biased),
            ("79.9% does not meet 0.80", &[(1, 799), (2, 150), (3, 51)], 0, &poly2, None, Megamorphic),
            ("79.9%, three make 100%", &[(1, 799), (2, 150), (3, 51)], 0, &d, Some(&[1, 2, 3]), Polymorphic),
            ("79.9%, pair 100%", &[(1, 799), (2, 201)], 0, &d, Some(&[1, 2]), Bimorphic),
            ("exactly 80.0% meets 0.80", &[(1, 800), (2, 100), (3, 100)], 0, &d, Some(&[1]), Biased),
            // Exactly two receivers: both guarded (HotSpot's bimorphic
            // inlining). With more, below --major with a second receiver
            // completing the pair: both (HotSpot's major-receiver rule); at
            // or above it, or without such a pair, the top one alone.
            ("80/20 below major: both", &[(1, 800), (2, 200)], 0, &d, Some(&[1, 2]), Bimorphic),
            ("89.9/10.1 below major: both", &[(1, 899), (2, 101)], 0, &d, Some(&[1, 2]), Bimorphic),
            ("90/10, two seen: both", &[(1, 900), (2, 100)], 0, &d, Some(&[1, 2]), Bimorphic),
            ("99.9/0.1, two seen: both", &[(1, 999), (2, 1)], 0, &d, Some(&[1, 2]), Bimorphic),
            ("90/9/1 at major: alone", &[(1, 900), (2, 90), (3, 10)], 0, &d, Some(&[1]), Biased),
            ("90/10 with other at major: alone", &[(1, 900), (2, 90)], 10, &d, Some(&[1]), Biased),
            ("89.9/9.1/1 below major: both", &[(1, 899), (2, 91), (3, 10)], 0, &d, Some(&[1, 2]), Bimorphic),
            ("85/5/5/5, pair short: alone", &[(1, 850), (2, 50), (3, 50), (4, 50)], 0, &d, Some(&[1]), Biased),
            ("80.0% from the second row", &[(2, 200), (1, 800)], 0, &d, Some(&[1, 2]), Bimorphic),
            ("80.0% from the second row, pair short", &[(2, 100), (1, 800)], 100, &d, Some(&[1]), Biased),
            ("other counts toward total", &[(1, 799)], 201, &d, None, Megamorphic),
            ("other makes exactly 80%", &[(1, 800)], 200, &d, Some(&[1]), Biased),
            ("pair exactly 95.0%", &[(1, 700), (2, 250), (3, 50)], 0, &d, Some(&[1, 2]), Bimorphic),
            ("pair 94.9%", &[(1, 700), (2, 249), (3, 51)], 0, &poly2, None, Megamorphic),
            ("pair 94.9%, three 100%", &[(1, 700), (2, 249), (3, 51)], 0, &d, Some(&[1, 2, 3]), Polymorphic),
            ("eight equal types, at most 8", &[(1, 125), (2, 125), (3, 125), (4, 125), (5, 125), (6, 125), (7, 125), (8, 125)], 0, &poly8, Some(&[1, 2, 3, 4, 5, 6, 7, 8]), Polymorphic),
            ("eight equal types, at most 4 (the default)", &[(1, 125), (2, 125), (3, 125), (4, 125), (5, 125), (6, 125), (7, 125), (8, 125)], 0, &d, None, Megamorphic),
            ("four equal types", &[(1, 250), (2, 250), (3, 250), (4, 250)], 0, &d, Some(&[1, 2, 3, 4]), Polymorphic),
            ("the fewest that reach 95%", &[(1, 400), (2, 300), (3, 200), (4, 60), (5, 40)], 0, &d, Some(&[1, 2, 3, 4]), Polymorphic),
            ("polymorphic short through other", &[(1, 400), (2, 300), (3, 200)], 100, &d, None, Megamorphic),
            ("pair short through other", &[(1, 700), (2, 249)], 51, &d, None, Megamorphic),
            ("other outweighs the top", &[(1, 100), (2, 100), (3, 100), (4, 100)], 600, &d, None, OtherTooHigh),
            ("other equals the top", &[(1, 300), (2, 100), (3, 100), (4, 200)], 300, &d, None, OtherTooHigh),
            ("all calls in other", &[], 500, &d, None, OtherTooHigh),
            ("90/10 default", &[(1, 900_000), (2, 100_000)], 0, &d, Some(&[1, 2]), Bimorphic),
            ("90/10 bias 0.95", &[(1, 900_000), (2, 100_000)], 0, &bias95, Some(&[1, 2]), Bimorphic),
            ("90/10 bimorphic 1.01", &[(1, 900_000), (2, 100_000)], 0, &bias95_bi101, None, BelowBimorphic),
            ("one type, bias above 1", &[(1, 1000)], 0, &with(|o| o.bias = 1.01), None, BelowBias),
            ("bias exactly 1.0", &[(1, 1000)], 0, &with(|o| o.bias = 1.0), Some(&[1]), Monomorphic),
            ("tie goes to the lower id", &[(7, 450), (3, 450), (5, 100)], 0, &half, Some(&[3]), Biased),
            ("tie in a pair, two seen", &[(7, 500), (3, 500)], 0, &half, Some(&[3, 7]), Bimorphic),
            ("tie order in a pair", &[(9, 400), (5, 400), (4, 200)], 0, &bi80, Some(&[5, 9]), Bimorphic),
            ("tie for second place", &[(1, 800), (9, 100), (4, 100)], 0, &bi80, Some(&[1, 4]), Bimorphic),
            ("zero rows are ignored", &[(1, 0), (2, 100)], 0, &d, Some(&[2]), Monomorphic),
        ];
        for &(name, rows, other, opts, guard, reason) in cases {
            let got = decide_site(&snap(rows, other), opts);
            let want = match guard {
                Some(ts) => SiteAction::Guard(ts.iter().map(|&i| t(i)).collect()),
                None if matches!(reason, Cold | BelowMinCalls) => SiteAction::Cold,
                None => SiteAction::Indirect,
            };
            assert_eq!((&got.what, got.reason), (&want, reason), "case {name:?}");
            assert_eq!(got.total, snap(rows, other).total(), "case {name:?}");
        }
    }

    #[test]
    fn covered_counts_the_guarded_calls() {
        let o = Options::default();
        let d = decide_site(&snap(&[(1, 700), (2, 250), (3, 50)], 0), &o);
        assert_eq!((d.covered, d.total), (950, 1000));
        assert_eq!(d.to_string(), "guard t1,t2 (bimorphic)");
        let d = decide_site(&snap(&[(1, 5)], 0), &o);
        assert_eq!(
            (d.covered, d.to_string().as_str()),
            (0, "cold (below-min-calls)")
        );
    }

    #[test]
    fn fractions_round_to_ppm_once() {
        assert_eq!(ppm(0.80), 800_000);
        assert_eq!(ppm(0.1 * 8.0), 800_000); // 0.8000000000000002
        assert_eq!(ppm(0.95), 950_000);
        assert_eq!(ppm(1.01), 1_010_000);
        assert!(reaches(800, 1000, ppm(0.1 * 8.0)));
        assert!(!reaches(799, 1000, ppm(0.80)));
        assert!(reaches(u64::MAX, u64::MAX, ppm(1.0)));
        assert!(!reaches(u64::MAX - 1, u64::MAX, ppm(1.0)));
    }

    #[test]
    fn func_decisions_on_a_table_of_cases() {
        let d = Options::default();
        let zero = with(|o| o.hot_calls = 0);
        #[rustfmt::skip]
        let cases: &[(&str, u64, u64, &Options, bool, Reason)] = &[
            ("never run", 0, 0, &d, false, BelowHot),
            ("999 calls", 999, 0, &d, false, BelowHot),
            ("exactly 1000 calls", 1000, 0, &d, true, HotCalls),
            ("9999 back-edges", 1, 9999, &d, false, BelowHot),
            ("exactly 10000 back-edges", 1, 10_000, &d, true, HotLoops),
            ("both: calls checked first", 5000, 50_000, &d, true, HotCalls),
            ("just under both", 999, 9999, &d, false, BelowHot),
            ("hot-calls 0: everything hot", 0, 0, &zero, true, HotCalls),
        ];
        for &(name, calls, backedges, opts, hot, reason) in cases {
            let got = decide_func(&FuncSnapshot { calls, backedges }, opts);
            assert_eq!(got, FuncDecision { hot, reason }, "case {name:?}");
        }
        let hot = decide_func(
            &FuncSnapshot {
                calls: 1000,
                backedges: 0,
            },
            &d,
        );
        assert_eq!(hot.to_string(), "hot (hot-calls)");
    }

    #[test]
    fn options_validate() {
        assert_eq!(Options::default().validate(), Ok(()));
        assert!(with(|o| o.bimorphic = 1.01).validate().is_ok());
        let bad = |f: fn(&mut Options)| with(f).validate().unwrap_err().option;
        assert_eq!(bad(|o| o.bias = 0.0), "--bias");
        assert_eq!(bad(|o| o.bias = f64::NAN), "--bias");
        assert_eq!(bad(|o| o.bimorphic = -1.0), "--bimorphic");
        assert_eq!(bad(|o| o.bimorphic = f64::INFINITY), "--bimorphic");
        assert_eq!(bad(|o| o.width = 3), "--profile-width");
        assert_eq!(bad(|o| o.width = 65), "--profile-width");
    }

    #[test]
    fn options_serialize_with_defaults_for_missing_fields() {
        let o: Options = serde_json::from_str(r#"{"bias": 0.9}"#).unwrap();
        assert_eq!(o, with(|o| o.bias = 0.9));
    }
}

/// What a compiled site's guards saw since its window opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MissWindow {
    /// Calls at the site in the window.
    pub calls: u64,
    /// Of those, calls that failed every guard.
    pub misses: u64,
    /// How often the site was recompiled already.
    pub recompiles: u32,
    /// How often its function was recompiled already (for any site).
    pub func_recompiles: u32,
}

/// The policy's verdict on a compiled site's window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecompileAction {
    /// Keep the code; the window goes on (not enough calls yet).
    Wait,
    /// Keep the code and open a new window: the guards hold.
    Keep,
    /// Recompile the function with the window's profile.
    Recompile,
    /// Recompile with this site as a plain indirect call, for good: it
    /// reached `max_recompiles` (or its function four times that).
    Settle,
}

/// The calls a window needs before [`decide_recompile`] judges it, for a
/// site recompiled `recompiles` times: `miss_window << recompiles`.
pub fn window_calls(recompiles: u32, o: &Options) -> u64 {
    o.miss_window.saturating_mul(1u64 << recompiles.min(40))
}

/// Decides a compiled site at the end of a window: fewer calls than
/// `miss_window << recompiles` (exponential backoff) → `Wait`; misses
/// below `miss_ratio` of the calls → `Keep`; otherwise `Recompile`, or
/// `Settle` once the site was recompiled `max_recompiles` times or its
/// function `4 * max_recompiles` times.
pub fn decide_recompile(w: &MissWindow, o: &Options) -> RecompileAction {
    if w.calls < window_calls(w.recompiles, o) {
        return RecompileAction::Wait;
    }
    if !reaches(w.misses, w.calls, ppm(o.miss_ratio)) {
        return RecompileAction::Keep;
    }
    if w.recompiles >= o.max_recompiles || w.func_recompiles >= o.max_recompiles.saturating_mul(4) {
        RecompileAction::Settle
    } else {
        RecompileAction::Recompile
    }
}

#[cfg(test)]
mod recompile_tests {
    use super::*;

    fn w(calls: u64, misses: u64, recompiles: u32) -> MissWindow {
        MissWindow {
            calls,
            misses,
            recompiles,
            func_recompiles: recompiles,
        }
    }

    #[test]
    fn windows_back_off_and_sites_settle() {
        let o = Options::default();
        assert_eq!(
            decide_recompile(&w(9_999, 9_999, 0), &o),
            RecompileAction::Wait
        );
        assert_eq!(
            decide_recompile(&w(10_000, 2_499, 0), &o),
            RecompileAction::Keep
        );
        assert_eq!(
            decide_recompile(&w(10_000, 2_500, 0), &o),
            RecompileAction::Recompile
        );
        // After one recompilation the window doubles.
        assert_eq!(
            decide_recompile(&w(10_000, 10_000, 1), &o),
            RecompileAction::Wait
        );
        assert_eq!(
            decide_recompile(&w(20_000, 10_000, 1), &o),
            RecompileAction::Recompile
        );
        // At the cap the site settles.
        assert_eq!(
            decide_recompile(&w(160_000, 80_000, 4), &o),
            RecompileAction::Settle
        );
        let f = MissWindow {
            calls: 10_000,
            misses: 9_000,
            recompiles: 0,
            func_recompiles: 16,
        };
        assert_eq!(decide_recompile(&f, &o), RecompileAction::Settle);
    }
}
