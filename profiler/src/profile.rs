//! The whole program's profile: what the embedder says about each call site
//! and function when the program is loaded, their live counters, and the
//! names of the types the counters refer to.
//!
//! All counters are allocated once in `Profile::new` and never reallocated,
//! so their addresses are stable for the profile's lifetime. Everything the
//! interpreter's hot path needs takes `&self`: `profile.site(id).record(ty)`
//! and `profile.func(id).record_call()`.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::func::{FuncProfile, FuncSnapshot};
use crate::ids::{EdgeId, FuncId, SiteId, Target, TypeId};
use crate::key::{FuncKey, SiteKey};
use crate::site::{SiteProfile, SiteSnapshot};

/// The fewest rows a call site's profile may have (the floor).
pub const MIN_WIDTH: usize = 4;
/// The most rows: the hot path scans them linearly.
pub const MAX_WIDTH: usize = 64;

/// What kind of call a site is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SiteKind {
    /// A method call through an interface; rows count receiver types.
    Iface,
    /// A call through a function value; rows count callee functions.
    Func,
}

impl SiteKind {
    /// The kind's name in reports and files: `iface` or `func`.
    pub fn name(self) -> &'static str {
        match self {
            SiteKind::Iface => "iface",
            SiteKind::Func => "func",
        }
    }
}

/// Static facts about one call site, supplied by the embedder at load time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteInfo {
    pub id: SiteId,
    /// Qualified name of the function containing the site.
    pub caller: String,
    /// Source file, as it should be printed.
    pub file: String,
    /// (line, column), both 1-based.
    pub pos: (u32, u32),
    /// Interface sites: the interface's qualified name (`main.Shape`).
    /// Function-value sites: the function type (`func(int) int`).
    pub iface: String,
    /// Interface sites: the method name. Function-value sites: the callee
    /// expression (`f`, `ops[i]`).
    pub method: String,
    pub kind: SiteKind,
    pub key: SiteKey,
}

impl SiteInfo {
    /// `file:line:col`.
    pub fn position(&self) -> String {
        format!("{}:{}:{}", self.file, self.pos.0, self.pos.1)
    }

    /// What is called: `main.Shape.Area`, or `f (func(int) int)`.
    pub fn callee(&self) -> String {
        match self.kind {
            SiteKind::Iface => format!("{}.{}", self.iface, self.method),
            SiteKind::Func => format!("{} ({})", self.method, self.iface),
        }
    }
}

/// Static facts about one function, supplied by the embedder at load time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FuncInfo {
    pub id: FuncId,
    /// Qualified name (`main.run`, `main.(*T).M`, `main.run.func1`).
    pub name: String,
    pub key: FuncKey,
}

/// Static facts about one direct call site (a call of a function or of a
/// method on a concrete type), supplied by the embedder at load time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EdgeInfo {
    pub id: EdgeId,
    /// The function containing the call.
    pub caller: FuncId,
    /// Source file, as it should be printed.
    pub file: String,
    /// (line, column) of the call, both 1-based.
    pub pos: (u32, u32),
    /// The function called.
    pub callee: FuncId,
}

impl EdgeInfo {
    /// `file:line:col`.
    pub fn position(&self) -> String {
        format!("{}:{}:{}", self.file, self.pos.0, self.pos.1)
    }
}

/// The program's call-site and function counters with their descriptions.
#[derive(Debug)]
pub struct Profile {
    program: String,
    width: usize,
    site_infos: Vec<SiteInfo>,
    sites: Box<[SiteProfile]>,
    func_infos: Vec<FuncInfo>,
    funcs: Box<[FuncProfile]>,
    type_names: Vec<Option<String>>,
    /// Direct call sites and their call counts (set once, before counting).
    edge_infos: Vec<EdgeInfo>,
    edges: Box<[std::sync::atomic::AtomicU64]>,
    /// Per site: how the JIT compiled it and what compiled code counted.
    compiled: Vec<std::sync::Mutex<Option<CompiledSite>>>,
}

/// A call site as compiled code ran it: its shape, and the calls compiled
/// code counted there (the receiver rows are the interpreter's counts).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CompiledSite {
    /// `guard *main.Square (inlined)`, `guard main.A, main.B`, `indirect`.
    pub shape: String,
    /// Calls that passed a guard; counted only with `--count-guards`.
    pub guard_hits: Option<u64>,
    /// Calls that failed every guard and took the indirect call.
    pub guard_misses: u64,
    /// Calls at a site compiled without guards (their receivers are not
    /// in the rows: not counted by type).
    pub indirect_calls: u64,
    /// Recompilations the site's stale guards caused.
    #[serde(default)]
    pub recompiles: u32,
    /// Past the recompilation cap: compiled as an indirect call for good.
    #[serde(default)]
    pub settled: bool,
    /// Some guard hits went into the rows not counted per target (without
    /// `--count-guards`): split by the rows' shares between several
    /// guards, or between the targets of two code versions, one installed
    /// by the compiler thread while the program ran the other: the
    /// receiver counts are estimates (the site's calls stay exact).
    #[serde(default)]
    pub receivers_estimated: bool,
}

impl Profile {
    /// Records how site `id` was compiled (at the end of a run).
    pub fn set_compiled(&self, id: SiteId, c: CompiledSite) {
        if let Some(m) = self.compiled.get(id.index()) {
            *m.lock().unwrap_or_else(|e| e.into_inner()) = Some(c);
        }
    }

    /// How site `id` was compiled, if it was.
    pub fn compiled(&self, id: SiteId) -> Option<CompiledSite> {
        self.compiled
            .get(id.index())
            .and_then(|m| m.lock().unwrap_or_else(|e| e.into_inner()).clone())
    }

    /// Allocates every counter for `sites` and `funcs`, each site with
    /// `width` rows. `program` names the profiled program in reports.
    ///
    /// # Panics
    /// If `width` is outside `MIN_WIDTH..=MAX_WIDTH` (validate user input
    /// with `Options::validate` first), or if the ids are not dense and in
    /// order (`sites[i].id == SiteId(i)`, likewise for functions): these are
    /// the embedder's contract, and breaking it is a bug.
    pub fn new(
        program: impl Into<String>,
        width: usize,
        sites: Vec<SiteInfo>,
        funcs: Vec<FuncInfo>,
    ) -> Profile {
        assert!(
            (MIN_WIDTH..=MAX_WIDTH).contains(&width),
            "profile width {width} outside {MIN_WIDTH}..={MAX_WIDTH}"
        );
        for (i, s) in sites.iter().enumerate() {
            assert_eq!(s.id.index(), i, "site ids must be dense and in order");
        }
        for (i, f) in funcs.iter().enumerate() {
            assert_eq!(f.id.index(), i, "function ids must be dense and in order");
        }
        Profile {
            program: program.into(),
            width,
            sites: sites.iter().map(|_| SiteProfile::new(width)).collect(),
            compiled: sites.iter().map(|_| Default::default()).collect(),
            site_infos: sites,
            funcs: funcs.iter().map(|_| FuncProfile::default()).collect(),
            func_infos: funcs,
            type_names: Vec::new(),
            edge_infos: Vec::new(),
            edges: Box::new([]),
        }
    }

    /// Declares the program's direct call sites (at load time, before
    /// anything counts: it allocates their counters).
    ///
    /// # Panics
    /// If the ids are not dense and in order (the embedder's contract).
    pub fn set_edges(&mut self, edges: Vec<EdgeInfo>) {
        for (i, e) in edges.iter().enumerate() {
            assert_eq!(e.id.index(), i, "edge ids must be dense and in order");
        }
        self.edges = edges
            .iter()
            .map(|_| std::sync::atomic::AtomicU64::new(0))
            .collect();
        self.edge_infos = edges;
    }

    /// Counts one call at direct call site `id` (the interpreter's hot path;
    /// a relaxed load and store, as a site's rows are bumped).
    #[inline]
    pub fn record_edge(&self, id: EdgeId) {
        use std::sync::atomic::Ordering::Relaxed;
        if let Some(c) = self.edges.get(id.index()) {
            c.store(c.load(Relaxed).wrapping_add(1), Relaxed);
        }
    }

    /// Adds `n` calls at direct call site `id` (compiled code's counts, at exit).
    pub fn add_edge(&self, id: EdgeId, n: u64) {
        use std::sync::atomic::Ordering::Relaxed;
        if let Some(c) = self.edges.get(id.index()) {
            c.store(c.load(Relaxed).wrapping_add(n), Relaxed);
        }
    }

    /// Every direct call site with its call count, in id order.
    pub fn edges(&self) -> impl Iterator<Item = (&EdgeInfo, u64)> {
        self.edge_infos
            .iter()
            .zip(self.edges.iter())
            .map(|(i, c)| (i, c.load(std::sync::atomic::Ordering::Relaxed)))
    }

    /// How many direct call sites it counts.
    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// Names `ty` as reports and profile files print it (`main.A`, `*main.B`).
    /// Called by the embedder at load time for every runtime type.
    pub fn set_type_name(&mut self, ty: TypeId, name: impl Into<String>) {
        if self.type_names.len() <= ty.index() {
            self.type_names.resize(ty.index() + 1, None);
        }
        self.type_names[ty.index()] = Some(name.into());
    }

    /// The profiled program's name.
    pub fn program(&self) -> &str {
        &self.program
    }

    /// Rows per call site.
    pub fn width(&self) -> usize {
        self.width
    }

    /// The counters of site `id` (the interpreter's hot path).
    #[inline]
    pub fn site(&self, id: SiteId) -> &SiteProfile {
        &self.sites[id.index()]
    }

    /// The counters of function `id` (the interpreter's hot path).
    #[inline]
    pub fn func(&self, id: FuncId) -> &FuncProfile {
        &self.funcs[id.index()]
    }

    /// How many sites and functions it counts.
    pub fn site_count(&self) -> usize {
        self.sites.len()
    }

    pub fn func_count(&self) -> usize {
        self.funcs.len()
    }

    /// [`Profile::site`] without the bounds check.
    ///
    /// # Safety
    /// `id.index() < self.site_count()`.
    #[inline(always)]
    pub unsafe fn site_unchecked(&self, id: SiteId) -> &SiteProfile {
        // SAFETY: the caller's promise.
        unsafe { self.sites.get_unchecked(id.index()) }
    }

    /// [`Profile::func`] without the bounds check.
    ///
    /// # Safety
    /// `id.index() < self.func_count()`.
    #[inline(always)]
    pub unsafe fn func_unchecked(&self, id: FuncId) -> &FuncProfile {
        // SAFETY: the caller's promise.
        unsafe { self.funcs.get_unchecked(id.index()) }
    }

    /// The description of site `id`.
    pub fn site_info(&self, id: SiteId) -> &SiteInfo {
        &self.site_infos[id.index()]
    }

    /// The description of function `id`.
    pub fn func_info(&self, id: FuncId) -> &FuncInfo {
        &self.func_infos[id.index()]
    }

    /// Every site with its counters, in id order.
    pub fn sites(&self) -> impl Iterator<Item = (&SiteInfo, &SiteProfile)> {
        self.site_infos.iter().zip(self.sites.iter())
    }

    /// Every function with its counters, in id order.
    pub fn funcs(&self) -> impl Iterator<Item = (&FuncInfo, &FuncProfile)> {
        self.func_infos.iter().zip(self.funcs.iter())
    }

    /// Site `id`'s counts now.
    pub fn site_snapshot(&self, id: SiteId) -> SiteSnapshot {
        self.site(id).snapshot()
    }

    /// Function `id`'s counts now.
    pub fn func_snapshot(&self, id: FuncId) -> FuncSnapshot {
        self.func(id).snapshot()
    }

    /// The name of `ty`; `t12` for a type the embedder never named.
    pub fn type_name(&self, ty: TypeId) -> String {
        match self.type_names.get(ty.index()) {
            Some(Some(name)) => name.clone(),
            _ => ty.to_string(),
        }
    }

    /// The name of `f`; `f12` for an id without a `FuncInfo`.
    pub fn func_name(&self, f: FuncId) -> String {
        match self.func_infos.get(f.index()) {
            Some(info) => info.name.clone(),
            None => f.to_string(),
        }
    }

    /// The name of a row's target: its type's or its function's.
    pub fn target_name(&self, t: Target) -> String {
        match t {
            Target::Type(ty) => self.type_name(ty),
            Target::Func(f) => self.func_name(f),
        }
    }

    /// Name → target, for matching a saved profile's rows (by name, since
    /// ids differ between runs). The first of two equal names wins.
    pub(crate) fn targets_by_name(&self) -> HashMap<(SiteKind, &str), Target> {
        let mut map = HashMap::new();
        for (i, name) in self.type_names.iter().enumerate() {
            if let Some(name) = name {
                map.entry((SiteKind::Iface, name.as_str()))
                    .or_insert(Target::Type(TypeId(i as u32)));
            }
        }
        for f in &self.func_infos {
            map.entry((SiteKind::Func, f.name.as_str()))
                .or_insert(Target::Func(f.id));
        }
        map
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An interface site in `main.run` at `prog.go:line:col`.
    pub fn iface_site(id: u32, line: u32, col: u32, method: &str) -> SiteInfo {
        SiteInfo {
            id: SiteId(id),
            caller: "main.run".into(),
            file: "prog.go".into(),
            pos: (line, col),
            iface: "main.Shape".into(),
            method: method.into(),
            kind: SiteKind::Iface,
            key: SiteKey::new("main.run", 10, (line, col), method, 0xabc),
        }
    }

    pub fn func_info(id: u32, name: &str) -> FuncInfo {
        FuncInfo {
            id: FuncId(id),
            name: name.into(),
            key: FuncKey {
                func: name.into(),
                body_hash: 0xabc,
            },
        }
    }

    #[test]
    fn sites_and_functions_are_indexed_by_id() {
        let mut p = Profile::new(
            "prog.go",
            4,
            vec![
                iface_site(0, 12, 14, "Area"),
                iface_site(1, 13, 9, "Perimeter"),
            ],
            vec![func_info(0, "main.main"), func_info(1, "main.run")],
        );
        p.set_type_name(TypeId(3), "main.A");
        p.site(SiteId(1)).record(TypeId(3));
        p.func(FuncId(1)).record_call();
        assert_eq!(p.site_snapshot(SiteId(1)).total(), 1);
        assert_eq!(p.site_snapshot(SiteId(0)).total(), 0);
        assert_eq!(p.func_snapshot(FuncId(1)).calls, 1);
        assert_eq!(p.site_info(SiteId(0)).position(), "prog.go:12:14");
        assert_eq!(p.site_info(SiteId(0)).callee(), "main.Shape.Area");
        assert_eq!(p.target_name(Target::Type(TypeId(3))), "main.A");
        assert_eq!(p.target_name(Target::Type(TypeId(4))), "t4");
        assert_eq!(p.target_name(Target::Func(FuncId(1))), "main.run");
        assert_eq!(p.sites().count(), 2);
    }

    #[test]
    fn profiles_can_be_shared_between_threads() {
        fn shareable<T: Send + Sync>() {}
        shareable::<Profile>();
    }

    #[test]
    fn counters_do_not_move_with_the_profile() {
        let p = Profile::new("p.go", 4, vec![iface_site(0, 11, 2, "M")], vec![]);
        let addr = p.site(SiteId(0)).other_addr();
        let boxed = Box::new(p);
        assert_eq!(boxed.site(SiteId(0)).other_addr(), addr);
    }

    #[test]
    #[should_panic(expected = "dense")]
    fn sparse_site_ids_are_a_bug() {
        Profile::new("p.go", 4, vec![iface_site(1, 11, 2, "M")], vec![]);
    }

    #[test]
    #[should_panic(expected = "width")]
    fn width_below_four_is_a_bug() {
        Profile::new("p.go", 3, vec![], vec![]);
    }
}
