//! Guards that go stale: the miss path's bookkeeping, the windows the
//! policy judges, and recompilation.
//!
//! Compiled code counts the calls at each guarded site (in a register
//! where one is free, flushed to memory at every call, helper and return)
//! and its misses, and records each missed receiver inline in a few rows
//! of (key, count) in the site's counters, as the interpreter's receiver
//! rows and HotSpot's receiver-type profile do
//! ([`emit_miss_count`](super::counters::emit_miss_count)). It calls
//! [`site_miss`](super::runtime::site_miss) only for a key without a row
//! (the runtime gives it one), or when a row's count reaches the site's
//! `MISS_DUE` word, which the runtime sets so that it hears again at most
//! [`CHECK_EVERY`] misses on, sooner when the window's calls should be in
//! by then. The runtime books the rows into
//! the site's profile rows (so the table stays true after tier-up) and
//! into its window, and asks the policy
//! (`pgojit_profiler::decide_recompile`) about the window. A
//! recompilation compiles the function again from the window's counts (the
//! receivers seen since the last decision, not the whole history: a phase
//! change flips the winner), installs it through the entry cell, and loops
//! running the old code move to the new at their next back-edge.

use super::counters::{
    miss_row, CALLS, CHECK_EVERY, HIT0, HITS, INDIRECT, MISSES, MISS_DUE, MISS_ROWS, SITE_WORDS,
};
use super::Jit;
use crate::runtime::typedesc::Itab;
use parking_lot::Mutex;
use pgojit_profiler::{
    decide_recompile, window_calls, FuncId, MissWindow, RecompileAction, SiteSnapshot, Target,
    TypeId,
};
use std::collections::BTreeMap;
use std::sync::atomic::Ordering;

/// What the JIT remembers about a compiled site between windows.
#[derive(Default, Debug)]
pub struct SiteState {
    /// Calls and misses when the window opened.
    start_calls: u64,
    start_misses: u64,
    /// Missed receivers in the window, by target.
    window: BTreeMap<Target, u64>,
    /// Recompilations this site caused.
    pub recompiles: u32,
    /// Past the cap: compiled as an indirect call from now on.
    pub settled: bool,
    /// The counts the next compilation decides the site from (the last
    /// window), instead of the whole profile.
    pub plan_from: Option<SiteSnapshot>,
    /// The targets the installed code guards, in order.
    pub guarded: Vec<Target>,
    /// The targets the last code version with guards at the site guarded,
    /// once code without guards replaced it: the calls guarded code still
    /// counts then are that retired code's (code without guards counts no
    /// guarded calls), its hits those targets'.
    retired_guarded: Vec<Target>,
    /// The function whose code's guards [`SiteState::guarded`] are: the
    /// site's own, or a host's that inlined it.
    guarded_by: Option<FuncId>,
    /// Hits credited on the compiler thread, waiting to be added to the
    /// profile rows on the program's thread (see [`Jit::credit_hits`]).
    deferred: Vec<(Target, u64)>,
    /// Calls, misses and guard hits already credited to the profile rows.
    credited: (u64, u64, [u64; HITS]),
    /// The hits the last credit gave each target (what the final credit
    /// takes back when a call in flight then was credited as a hit and
    /// later turned out a miss).
    last_credit: Vec<(Target, u64)>,
    /// `--count-guards`: the target each hit counter word counts, for
    /// every version of the site's code alike (a word per target, not per
    /// guard position, so that old code still running after a
    /// recompilation that reordered the guards counts its hits right).
    hit_targets: Vec<Target>,
    /// `pgojit stress --mode=flip`: rotations so far.
    pub flips: u32,
    /// The miss row a new key takes next when none is free.
    next_row: usize,
    /// When each version of the site's code was installed, the site's
    /// guarded and unguarded calls then (the `CALLS` and `INDIRECT`
    /// words), and its shape (for the calls and time per call of each
    /// version).
    pub timeline: Vec<(std::time::Instant, u64, u64, String)>,
    /// When the site itself asked for the installed version's successor
    /// (a recompilation for its misses, a settle, a stress flip), and its
    /// counters then: the end of that version's own time (see
    /// [`Jit::site_versions`]). Set once per version.
    pub ended: Vec<Option<(std::time::Instant, u64, u64)>>,
    /// Per version: when its first call reached the stress hook (random
    /// misses, flips: every guarded call does), and the site's counters
    /// before that call: the start of the version's own time. A version
    /// installed while the interpreter still runs the loop around the site
    /// (before its OSR entry) starts its clock there, not at installation.
    pub first_call: Vec<Option<(std::time::Instant, u64, u64)>>,
    /// Functions other than the site's own whose optimized code has the
    /// site's guards (they inlined its function): recompiled with it.
    hosts: Vec<FuncId>,
    /// Some guard hits were credited to the rows by the rows' shares, not
    /// counted per target (several guards without `--count-guards`, or
    /// more targets over the run than hit words), or code compiled on the
    /// compiler thread replaced guards of other targets (see
    /// [`Jit::reset_windows`]): the rows are estimates.
    pub estimated: bool,
}

thread_local! {
    /// Whether this thread is the compiler thread ([`Jit::worker`]).
    pub(crate) static ON_COMPILER_THREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Per-site states, behind one lock each.
pub struct Sites {
    states: Box<[Mutex<SiteState>]>,
    /// Recompilations per function.
    func_recompiles: Box<[Mutex<u32>]>,
    /// Per site: the installed version's first call is not stamped yet
    /// (`SiteState::first_call`; read without the lock on every stress hook).
    unstamped: Box<[std::sync::atomic::AtomicBool]>,
}

impl Sites {
    pub fn new(sites: usize, funcs: usize) -> Sites {
        Sites {
            states: (0..sites)
                .map(|_| Mutex::new(SiteState::default()))
                .collect(),
            func_recompiles: (0..funcs).map(|_| Mutex::new(0)).collect(),
            unstamped: (0..sites)
                .map(|_| std::sync::atomic::AtomicBool::new(false))
                .collect(),
        }
    }

    pub fn state(&self, site: usize) -> parking_lot::MutexGuard<'_, SiteState> {
        self.states[site].lock()
    }

    pub fn func_recompiles(&self, f: FuncId) -> u32 {
        *self.func_recompiles[f.index()].lock()
    }
}

/// A small seeded generator (splitmix64) for the stress modes.
pub fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl SiteState {
    /// The hit counter word of guards for `t` (`--count-guards`). Past
    /// [`HITS`] targets over the run, the last word is shared (and the
    /// split among its targets is the profile's proportion).
    pub fn hit_slot(&mut self, t: Target) -> usize {
        match self.hit_targets.iter().position(|&x| x == t) {
            Some(k) => k,
            None if self.hit_targets.len() < HITS => {
                self.hit_targets.push(t);
                self.hit_targets.len() - 1
            }
            None => {
                // (The last word's hits are now split among its targets.)
                self.estimated = true;
                HITS - 1
            }
        }
    }
}

impl Jit<'_> {
    pub(crate) fn stress_tick(&self, site: usize) -> bool {
        /// Flips of one site before it keeps its last code.
        const MAX_FLIPS: u32 = 32;
        use crate::options::StressMode;
        let n = self.stress_calls.fetch_add(1, Ordering::Relaxed);
        if self.sites.unstamped[site].swap(false, Ordering::Relaxed) {
            // The installed version's first call (counted just before
            // this hook): its clock starts here.
            let c = self.counters.site_words(site);
            let mut st = self.sites.state(site);
            if let Some(f @ None) = st.first_call.last_mut() {
                *f = Some((
                    std::time::Instant::now(),
                    c[CALLS].load(Ordering::Relaxed).saturating_sub(1),
                    c[INDIRECT].load(Ordering::Relaxed),
                ));
            }
        }
        match self.opts.stress {
            StressMode::RandomMiss(p) => {
                let r = mix(self.opts.seed ^ n.wrapping_mul(0x1000_0000_01B3) ^ site as u64);
                ((r >> 11) as f64 / (1u64 << 53) as f64) < p
            }
            StressMode::Flip(every) => {
                let c = self.counters.site_words(site);
                let calls = c[CALLS].load(Ordering::Relaxed);
                let mut st = self.sites.state(site);
                if calls.saturating_sub(st.start_calls) >= every && !st.settled {
                    let func = self.prog.sites[site].caller;
                    if self.compile_pending(func) {
                        return false;
                    }
                    // (Bounded, as real recompilations are: a site
                    // inlined into many hosts recompiles them all at
                    // every flip.)
                    if st.flips >= MAX_FLIPS {
                        st.settled = true;
                        return false;
                    }
                    // Rotate: the next target the profile has seen becomes
                    // the only one in the window.
                    let snap = self
                        .profile
                        .map(|p| p.site_snapshot(pgojit_profiler::SiteId(site as u32)))
                        .unwrap_or_default();
                    if snap.rows.is_empty() {
                        return false;
                    }
                    st.flips += 1;
                    let (t, _) = snap.rows[st.flips as usize % snap.rows.len()];
                    st.plan_from = Some(SiteSnapshot {
                        rows: vec![(t, every.max(self.policy.min_site_calls))],
                        other: 0,
                    });
                    st.start_calls = calls;
                    end_version(&mut st, c);
                    let hosts = st.hosts.clone();
                    drop(st);
                    let why = format!("stress flip at site {site} after {every} calls");
                    self.recompile_site(func, hosts, why);
                }
                false
            }
            _ => false,
        }
    }

    /// Recompiles a site's function `func` and the `hosts` that inlined
    /// a copy of the site, for `why`.
    fn recompile_site(&self, func: FuncId, hosts: Vec<FuncId>, why: String) {
        for h in hosts {
            self.recompile(h, why.clone());
        }
        self.recompile(func, why);
    }

    /// The target a miss key stands for.
    fn miss_target(&self, site: usize, key: u64) -> Target {
        if self.prog.sites[site].is_iface {
            // SAFETY: keys of interface sites are itabs (leaked, never freed).
            Target::Type(TypeId(unsafe { (*(key as *const Itab)).type_id }))
        } else {
            Target::Func(FuncId((key - 1) as u32))
        }
    }

    /// Sends `site`'s next miss to the runtime: done when a code version
    /// that counts there is retired, so that baseline code still running
    /// it moves to the new code at its next miss. (The miss rows are the
    /// site's, not the version's: what they hold is booked at the next
    /// runtime call or at exit.)
    pub(crate) fn force_miss_check(&self, site: usize) {
        let _st = self.sites.state(site);
        self.counters.site_words(site)[MISS_DUE].store(0, Ordering::Relaxed);
    }

    /// Books `n` misses by `key` into the site's miss count, the profile
    /// rows and the window.
    fn book_miss(&self, site: usize, st: &mut SiteState, key: u64, n: u64) {
        self.counters.site_words(site)[MISSES].fetch_add(n, Ordering::Relaxed);
        let t = self.miss_target(site, key);
        if let Some(p) = self.profile {
            p.site(pgojit_profiler::SiteId(site as u32)).add(t, n);
        }
        *st.window.entry(t).or_default() += n;
    }

    /// Books the misses counted in `site`'s rows (their keys stay).
    fn book_rows(&self, site: usize, st: &mut SiteState) {
        let c = self.counters.site_words(site);
        for k in 0..MISS_ROWS {
            let key = c[miss_row(k)].load(Ordering::Relaxed);
            if key != 0 {
                let n = c[miss_row(k) + 1].swap(0, Ordering::Relaxed);
                if n > 0 {
                    self.book_miss(site, st, key, n);
                }
            }
        }
    }

    /// Gives `key` a miss row at `site`: a free one, else the next in
    /// turn (whose count is booked first).
    fn claim_row(&self, site: usize, st: &mut SiteState, key: u64) {
        let c = self.counters.site_words(site);
        let keys: Vec<u64> = (0..MISS_ROWS)
            .map(|k| c[miss_row(k)].load(Ordering::Relaxed))
            .collect();
        if keys.contains(&key) {
            return;
        }
        let k = keys.iter().position(|&k| k == 0).unwrap_or_else(|| {
            st.next_row = st.next_row.wrapping_add(1);
            st.next_row % MISS_ROWS
        });
        let n = c[miss_row(k) + 1].swap(0, Ordering::Relaxed);
        if keys[k] != 0 && n > 0 {
            self.book_miss(site, st, keys[k], n);
        }
        c[miss_row(k)].store(key, Ordering::Relaxed);
    }

    /// The runtime half of a miss (see the module docs): books the rows,
    /// and `key` when no row counted it (`key` 0: one did), and lets the
    /// policy judge the site's window.
    pub(crate) fn on_miss(&self, site: usize, key: u64) {
        let c = self.counters.site_words(site);
        let mut st = self.sites.state(site);
        // (A key without a row: its miss is counted nowhere yet.)
        if key != 0 {
            self.book_miss(site, &mut st, key, 1);
        }
        self.credit_hits(site, &mut st, false);
        self.book_rows(site, &mut st);
        if key != 0 {
            self.claim_row(site, &mut st, key);
        }
        let misses = misses_now(c);
        let calls = c[CALLS].load(Ordering::Relaxed);
        let func = self.prog.sites[site].caller;
        // The next runtime call: after at most `n` more misses (the rows
        // are booked: a row reaching n / rows calls, so the `rows` taken
        // hold at most rows * (n / rows - 1) + 1 <= n misses by then).
        let rows = (0..MISS_ROWS)
            .filter(|&k| c[miss_row(k)].load(Ordering::Relaxed) != 0)
            .count() as u64;
        let due = |n: u64| {
            let per_row = n.clamp(1, CHECK_EVERY) / rows.max(1);
            c[MISS_DUE].store(per_row.max(1), Ordering::Relaxed);
        };
        // Nothing to decide for a settled site, without a profile, or while
        // the function's new code is being compiled (its windows reopen
        // when it is installed, and retiring the old code brings the next
        // miss here).
        if st.settled || self.profile.is_none() || self.compile_pending(func) {
            due(CHECK_EVERY);
            return;
        }
        let w = MissWindow {
            calls: calls.saturating_sub(st.start_calls),
            misses: misses.saturating_sub(st.start_misses),
            recompiles: st.recompiles,
            func_recompiles: self.sites.func_recompiles(func),
        };
        let action = decide_recompile(&w, &self.policy);
        match action {
            RecompileAction::Wait => {
                // Due when the window has its calls, if misses keep
                // coming as they did (in the window, or before it).
                let (m, n) = if w.calls > 0 {
                    (w.misses, w.calls)
                } else {
                    (misses, calls)
                };
                let left = window_calls(w.recompiles, &self.policy) - w.calls;
                due(misses_in(left, m, n));
            }
            RecompileAction::Keep => {
                // A site that keeps its code is judged again when its
                // misses could make a full window a recompilation (the
                // window is then as long as that takes, at least a full
                // one): one that keeps missing a little is not judged
                // again every window, while one whose receivers change
                // gets there within a window's calls.
                open_window(&mut st, calls, misses);
                let left = window_calls(st.recompiles, &self.policy);
                let ppm = pgojit_profiler::policy::ppm(self.policy.miss_ratio);
                due((left as u128 * ppm as u128).div_ceil(1_000_000) as u64);
            }
            RecompileAction::Recompile | RecompileAction::Settle => {
                st.plan_from = Some(self.window_plan(site, &st, &w));
                if action == RecompileAction::Settle {
                    st.settled = true;
                } else {
                    st.recompiles += 1;
                }
                end_version(&mut st, c);
                open_window(&mut st, calls, misses);
                // (Retiring the old code calls again at the next miss.)
                let left = window_calls(st.recompiles, &self.policy);
                due(misses_in(left, w.misses, w.calls));
                let n = st.recompiles;
                let hosts = st.hosts.clone();
                drop(st);
                *self.sites.func_recompiles[func.index()].lock() += 1;
                self.replan_siblings(func, site);
                let meta = &self.prog.sites[site];
                let why = format!(
                    "{}: {} missed {} of {} calls ({}) since {}",
                    self.prog.at(meta.pos),
                    meta.text,
                    w.misses,
                    w.calls,
                    pgojit_profiler::share(w.misses, w.calls),
                    if n == 0 || (n == 1 && action == RecompileAction::Recompile) {
                        "compilation"
                    } else {
                        "the last recompilation"
                    },
                );
                let why = if action == RecompileAction::Settle {
                    format!("{why}; after {n} recompilations it settles to an indirect call")
                } else {
                    why
                };
                self.recompile_site(func, hosts, why);
            }
        }
    }

    /// The counts a window's end decides `site` from: its misses by
    /// receiver, and its hits shared among the guarded targets as the
    /// profile has them.
    fn window_plan(&self, site: usize, st: &SiteState, w: &MissWindow) -> SiteSnapshot {
        let hits = w.calls.saturating_sub(w.misses);
        let mut rows: BTreeMap<Target, u64> = st.window.clone();
        let weights: Vec<u64> = st
            .guarded
            .iter()
            .map(|&t| self.profile_count(site, t).max(1))
            .collect();
        let total: u64 = weights.iter().sum::<u64>().max(1);
        for (t, wt) in st.guarded.iter().zip(&weights) {
            *rows.entry(*t).or_default() += (hits as u128 * *wt as u128 / total as u128) as u64;
        }
        SiteSnapshot {
            rows: rows.into_iter().filter(|r| r.1 > 0).collect(),
            other: 0,
        }
    }

    /// A recompilation of `func` for `site`'s misses: the other guarded
    /// sites of its code whose windows, not yet judged, already miss as
    /// often as a judged one must to recompile (they often see the same
    /// receivers: `sh.NormalAt` and `sh.MaterialOf` on one shape) are
    /// planned from their windows too, so that one recompilation serves
    /// them all instead of one each as their windows end (raytrace's
    /// `Trace`: five recompilations in a row when its rays first met the
    /// spheres). As HotSpot recompiles from everything its method's
    /// profile holds at the time, not only from the site that trapped.
    fn replan_siblings(&self, func: FuncId, site: usize) {
        let Some(code) = self.installed(func) else {
            return;
        };
        let ratio = pgojit_profiler::policy::ppm(self.policy.miss_ratio);
        for sh in &code.sites {
            let s = sh.site as usize;
            if s == site || sh.targets.is_empty() {
                continue;
            }
            let c = self.counters.site_words(s);
            let mut st = self.sites.state(s);
            if st.settled {
                continue;
            }
            self.credit_hits(s, &mut st, false);
            self.book_rows(s, &mut st);
            let (calls, misses) = (c[CALLS].load(Ordering::Relaxed), misses_now(c));
            let w = MissWindow {
                calls: calls.saturating_sub(st.start_calls),
                misses: misses.saturating_sub(st.start_misses),
                recompiles: st.recompiles,
                func_recompiles: 0,
            };
            if w.calls < self.policy.min_site_calls
                || !pgojit_profiler::policy::reaches(w.misses, w.calls, ratio)
            {
                continue;
            }
            st.plan_from = Some(self.window_plan(s, &st, &w));
            open_window(&mut st, calls, misses);
            drop(st);
            if self.opts.trace {
                let meta = &self.prog.sites[s];
                eprintln!(
                    "{}: {} missed {} of {} calls ({}) so far: planned from them in the same recompilation",
                    self.prog.at(meta.pos),
                    meta.text,
                    w.misses,
                    w.calls,
                    pgojit_profiler::share(w.misses, w.calls),
                );
            }
        }
    }

    /// Credits the guard hits since the last credit to the guarded
    /// targets' profile rows: each guard's own hit count with
    /// `--count-guards`; else the calls less the misses, all to a single
    /// guard's target, or between several in the proportion the rows
    /// already have.
    ///
    /// `last`: the run is over (no call is in flight any more).
    fn credit_hits(&self, site: usize, st: &mut SiteState, last: bool) {
        let c = self.counters.site_words(site);
        let l = |i: usize| c[i].load(Ordering::Relaxed);
        let h: [u64; HITS] = std::array::from_fn(|k| l(HIT0 + k));
        let (calls, misses) = (l(CALLS), misses_now(c));
        let (c0, m0, h0) = st.credited;
        // A call in flight on another thread (or the one now in its miss
        // path) is counted among the calls before its miss is: read then,
        // it looked like a hit, and the next credit finds one miss more
        // than calls. That credit must not start afresh from here (the
        // hit credited too many would stay): it waits for calls to catch
        // up.
        let id = pgojit_profiler::SiteId(site as u32);
        let off_thread = ON_COMPILER_THREAD.with(|c| c.get());
        if let (false, Some(p)) = (off_thread, self.profile) {
            for (t, n) in std::mem::take(&mut st.deferred) {
                p.site(id).add(t, n);
            }
        }
        // The profile rows are bumped with a plain load and store (see
        // `pgojit_profiler::site`), by the program's thread: an add from
        // the compiler thread at the same time could lose the other's
        // count, or its own. It waits for the program's thread.
        let add = |st: &mut SiteState, t: Target, n: u64| {
            if off_thread {
                st.deferred.push((t, n));
            } else if let Some(p) = self.profile {
                p.site(id).add(t, n);
            }
        };
        if self.opts.count_guards {
            // Each guard's own hits (not calls less misses, which a call
            // in flight between its count and its hit's would split by
            // the wrong weights).
            st.credited = (calls, misses, h);
            for k in 0..st.hit_targets.len() {
                let n = h[k].saturating_sub(h0[k]);
                if n > 0 {
                    let t = st.hit_targets[k];
                    add(st, t, n);
                }
            }
            return;
        }
        // Without `--count-guards` guards bump no hit word: what the words
        // hold are calls the optimizing tier devirtualized on a receiver
        // of known type (`opt::devirt::devirtualize_known`), each its
        // word's target's.
        for k in 0..st.hit_targets.len() {
            let n = h[k].saturating_sub(h0[k]);
            if n > 0 {
                let t = st.hit_targets[k];
                add(st, t, n);
            }
        }
        st.credited.2 = h;
        let hits = (calls.saturating_sub(c0)).checked_sub(misses.saturating_sub(m0));
        let Some(hits) = hits else {
            if last {
                // Nothing runs any more: no call will catch up. The hits
                // credited too many go back, from the last credit's
                // targets (calls in flight then, whose misses came later).
                let mut excess = misses.saturating_sub(m0) - calls.saturating_sub(c0);
                // (Which targets those calls were is a guess when the last
                // credit had several: the rows are estimates then.)
                if st.last_credit.len() > 1 && excess > 0 {
                    st.estimated = true;
                }
                if let Some(p) = self.profile {
                    for (t, n) in std::mem::take(&mut st.last_credit) {
                        excess -= p.site(id).take(t, n.min(excess));
                    }
                }
                st.credited = (calls, misses, h);
            }
            return;
        };
        st.credited = (calls, misses, h);
        // Code without guards counts no guarded calls: those counted since
        // it replaced guarded code are the retired code's (hits it made
        // before its guards were disabled and had not yet written to
        // memory: a count kept in a register in a loop).
        let targets = if st.guarded.is_empty() {
            st.retired_guarded.clone()
        } else {
            st.guarded.clone()
        };
        if self.profile.is_none() || targets.is_empty() {
            return;
        }
        let weights: Vec<u64> = if targets.len() == 1 {
            // (All to the one target: no need to read the profile.)
            vec![1]
        } else {
            targets
                .iter()
                .map(|&t| self.profile_count(site, t).max(1))
                .collect()
        };
        let total = weights.iter().sum::<u64>();
        if weights.len() > 1 && hits > 0 {
            st.estimated = true;
        }
        let mut left = hits;
        st.last_credit.clear();
        for (k, (&t, &w)) in targets.iter().zip(&weights).enumerate() {
            let share = if k + 1 == weights.len() || total == 0 {
                left
            } else {
                (hits as u128 * w as u128 / total as u128) as u64
            };
            left -= share.min(left);
            if share > 0 {
                add(st, t, share);
                st.last_credit.push((t, share));
            }
        }
    }

    /// Brings the profile rows up to date with compiled code: the misses
    /// pending in the rows and the guard hits (at exit, so the table counts
    /// every call).
    pub fn flush_miss_runs(&self) {
        for site in 0..self.prog.sites.len() {
            let mut st = self.sites.state(site);
            self.credit_hits(site, &mut st, true);
            self.book_rows(site, &mut st);
        }
    }

    /// Per version of a site's code: its shape, the calls compiled code
    /// counted at the site while it was installed (guarded and, with
    /// counts on, unguarded ones; not interpreted calls), and the wall
    /// time per call (the loop around the call included) where that is a
    /// measurement of the site's own calls: from the version's first call
    /// (`SiteState::first_call`; its installation when no stress hook saw
    /// one) to the site's own request for its successor (a
    /// recompilation for misses, a settle, a stress flip), over the calls
    /// counted in between, at least [`MIN_TIMED_CALLS`] of them. Not for a
    /// version replaced for another reason (a tier-up, another site's
    /// recompilation: the time up to the next installation would include
    /// compiling it, or idle time), nor the last one (its time would be
    /// the rest of the run); `None` then.
    pub fn site_versions(&self, site: usize) -> Vec<SiteVersion> {
        let st = self.sites.state(site);
        let c = self.counters.site_words(site);
        let now = (
            c[CALLS].load(Ordering::Relaxed),
            c[INDIRECT].load(Ordering::Relaxed),
        );
        st.timeline
            .iter()
            .enumerate()
            .map(|(i, &(t, g, u, ref shape))| {
                let next = st.timeline.get(i + 1);
                let calls = {
                    let (g1, u1) = next.map_or(now, |(_, g, u, _)| (*g, *u));
                    g1.saturating_sub(g) + u1.saturating_sub(u)
                };
                // Timed from the version's first call when the stress hook
                // saw it, else from its installation.
                let (t, g, u) = st.first_call.get(i).copied().flatten().unwrap_or((t, g, u));
                let ns = st
                    .ended
                    .get(i)
                    .copied()
                    .flatten()
                    .filter(|_| next.is_some())
                    .and_then(|(t1, g1, u1)| {
                        let n = g1.saturating_sub(g) + u1.saturating_sub(u);
                        (n >= MIN_TIMED_CALLS)
                            .then(|| t1.saturating_duration_since(t).as_nanos() as f64 / n as f64)
                    });
                SiteVersion {
                    shape: shape.clone(),
                    calls,
                    ns_per_call: ns,
                }
            })
            .collect()
    }

    /// Guard misses at `site` over the run, every version's (booked, and
    /// those its miss rows hold).
    pub fn site_misses(&self, site: usize) -> u64 {
        misses_now(self.counters.site_words(site))
    }

    /// Calls the profile credits to target `t` at `site` (0 without one).
    fn profile_count(&self, site: usize, t: Target) -> u64 {
        self.profile
            .map(|p| {
                p.site_snapshot(pgojit_profiler::SiteId(site as u32))
                    .rows
                    .iter()
                    .find(|r| r.0 == t)
                    .map_or(0, |r| r.1)
            })
            .unwrap_or(0)
    }

    /// Starts fresh windows for the guarded sites of `f`'s new code (its
    /// own, and those of the functions it inlined, whose host it becomes).
    pub(crate) fn reset_windows(&self, f: FuncId, sites: &[super::compiler::SiteShape]) {
        for sh in sites {
            let c = self.counters.site_words(sh.site as usize);
            let mut st = self.sites.state(sh.site as usize);
            if self.prog.sites[sh.site as usize].caller != f
                && !sh.targets.is_empty()
                && !st.hosts.contains(&f)
            {
                st.hosts.push(f);
            }
            // Hits so far belong to the old code's guards (disabled before
            // this: none come after but those a register still holds).
            self.credit_hits(sh.site as usize, &mut st, false);
            // On the compiler thread, the program may be running the old
            // code at the site meanwhile: a call counted but not yet its
            // miss was just credited as a hit, and hits counted in a
            // register (a loop's) reach memory after this credit. Both are
            // credited to the new code's guarded targets when they are
            // others (to the old ones where the new code has none; each
            // target's own hit word counts them with `--count-guards`):
            // the rows are then estimates.
            // So, on any thread, when the guards replaced are another
            // function's (a host's copy of the site, or the site's own
            // function's code beside a host's): that code stays, and its
            // hits go to this code's targets from now on.
            let off_thread = ON_COMPILER_THREAD.with(|c| c.get());
            if (off_thread || st.guarded_by.is_some_and(|g| g != f))
                && !self.opts.count_guards
                && !st.guarded.is_empty()
                && !sh.targets.is_empty()
                && st.guarded != sh.targets
            {
                st.estimated = true;
            }
            st.guarded_by = Some(f);
            if sh.targets.is_empty() && !st.guarded.is_empty() {
                st.retired_guarded = std::mem::take(&mut st.guarded);
            }
            st.guarded = sh.targets.clone();
            let (calls, misses) = (c[CALLS].load(Ordering::Relaxed), misses_now(c));
            open_window(&mut st, calls, misses);
            let indirect = c[INDIRECT].load(Ordering::Relaxed);
            st.ended.push(None);
            st.first_call.push(None);
            self.sites.unstamped[sh.site as usize].store(true, Ordering::Relaxed);
            st.timeline
                .push((std::time::Instant::now(), calls, indirect, sh.shape.clone()));
        }
    }
}

/// The fewest calls a version of a site's code must have counted for its
/// time per call to be printed (see [`Jit::site_versions`]).
pub const MIN_TIMED_CALLS: u64 = 100;

/// One version of a site's code (see [`Jit::site_versions`]); also a row
/// of `pgojit stress`'s report.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SiteVersion {
    /// `guard main.Circle (inlined), main.Square`, `indirect`...
    pub shape: String,
    /// Calls compiled code counted at the site while it was installed.
    pub calls: u64,
    /// Wall time per call, only where measured over the site's own calls;
    /// `None`: not measured.
    pub ns_per_call: Option<f64>,
}

impl SiteVersion {
    /// `1.25 ns/call`, or `not measured`.
    pub fn timing(&self) -> String {
        self.ns_per_call
            .map_or("not measured".into(), |ns| format!("{ns:.2} ns/call"))
    }
}

/// Marks the end of the installed version's own time (the site asked for
/// its successor), once.
fn end_version(st: &mut SiteState, c: &[std::sync::atomic::AtomicU64; SITE_WORDS]) {
    if let Some(e @ None) = st.ended.last_mut() {
        *e = Some((
            std::time::Instant::now(),
            c[CALLS].load(Ordering::Relaxed),
            c[INDIRECT].load(Ordering::Relaxed),
        ));
    }
}

/// Misses at a site: the booked ones and those its rows hold.
fn misses_now(c: &[std::sync::atomic::AtomicU64; SITE_WORDS]) -> u64 {
    c[MISSES].load(Ordering::Relaxed)
        + (0..MISS_ROWS)
            .map(|k| c[miss_row(k) + 1].load(Ordering::Relaxed))
            .sum::<u64>()
}

/// The misses `calls` more calls bring at `misses` per `per` calls, and
/// an eighth more (a window judged a little late rather than a call that
/// finds it a few calls short; at least one, at most [`CHECK_EVERY`]).
fn misses_in(calls: u64, misses: u64, per: u64) -> u64 {
    let n = (calls as u128 * misses as u128).div_ceil(per.max(1) as u128);
    let n = n + n.div_ceil(8);
    n.clamp(1, CHECK_EVERY as u128) as u64
}

fn open_window(st: &mut SiteState, calls: u64, misses: u64) {
    st.start_calls = calls;
    st.start_misses = misses;
    st.window.clear();
}
