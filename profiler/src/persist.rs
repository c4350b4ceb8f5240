//! Profile files: `--profile-out` writes one (`save`), `--profile-in` seeds
//! a run's counters from one (`load_into`), `pgojit profile merge` adds
//! several (`merge`).
//!
//! Entries are matched by key, not id (`key.rs`): a site by its function,
//! line offset, column and method (the n-th site with the same anchor
//! matches the n-th, should two ever share one); a function by its name.
//! A key whose function body hash differs is stale: the function changed,
//! its counts may describe code that no longer exists, and they are skipped.
//! Receivers are matched by name, because type and function ids are handed
//! out afresh by every run; a name the running program lacks counts into
//! `other`. The schema is in `profiler/SCHEMA.md`.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::ids::{FuncId, SiteId};
use crate::key::{FuncKey, SiteKey};
use crate::profile::{Profile, SiteKind};
use crate::report::ReceiverCount;

/// The `format` field of every profile file.
pub const FILE_FORMAT: &str = "pgojit-profile";
/// The schema version this crate writes and reads.
pub const FILE_VERSION: u32 = 1;

/// A saved profile: counts by key, receivers by name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileFile {
    /// Always `FILE_FORMAT`.
    pub format: String,
    /// Always `FILE_VERSION`.
    pub version: u32,
    /// Receiver rows per site in the run(s) that produced it.
    pub width: usize,
    pub sites: Vec<SiteEntry>,
    pub functions: Vec<FuncEntry>,
}

/// One call site's saved counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteEntry {
    pub key: SiteKey,
    pub kind: SiteKind,
    /// Most frequent first; at most `width` rows.
    pub receivers: Vec<ReceiverCount>,
    pub other: u64,
}

impl SiteEntry {
    /// All calls: the receivers plus `other`.
    pub fn calls(&self) -> u64 {
        self.receivers.iter().map(|r| r.count).sum::<u64>() + self.other
    }
}

/// One function's saved counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FuncEntry {
    pub key: FuncKey,
    pub calls: u64,
    pub backedges: u64,
}

/// Why a profile file could not be read or written.
#[derive(Debug)]
pub enum PersistError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    Json(serde_json::Error),
    /// Valid JSON, but not a profile file this version understands.
    Format(String),
}

impl fmt::Display for PersistError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PersistError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            PersistError::Json(e) => write!(f, "profile file: {e}"),
            PersistError::Format(m) => write!(f, "profile file: {m}"),
        }
    }
}

impl std::error::Error for PersistError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PersistError::Io { error, .. } => Some(error),
            PersistError::Json(e) => Some(e),
            PersistError::Format(_) => None,
        }
    }
}

impl ProfileFile {
    /// A file with no entries.
    pub fn empty(width: usize) -> ProfileFile {
        ProfileFile {
            format: FILE_FORMAT.to_string(),
            version: FILE_VERSION,
            width,
            sites: Vec::new(),
            functions: Vec::new(),
        }
    }

    /// Pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a profile file always serializes")
    }

    /// Parses a file, checking `format` and `version` before the rest so a
    /// file from another version says so instead of naming a missing field.
    pub fn from_json(text: &str) -> Result<ProfileFile, PersistError> {
        #[derive(Deserialize)]
        struct Header {
            format: Option<String>,
            version: Option<u32>,
        }
        let header: Header = serde_json::from_str(text).map_err(PersistError::Json)?;
        if header.format.as_deref() != Some(FILE_FORMAT) {
            return Err(PersistError::Format(format!(
                "not a pgojit profile (format {:?})",
                header.format.unwrap_or_default()
            )));
        }
        if header.version != Some(FILE_VERSION) {
            return Err(PersistError::Format(format!(
                "version {} is not the supported version {FILE_VERSION}",
                header
                    .version
                    .map_or("(none)".to_string(), |v| v.to_string())
            )));
        }
        serde_json::from_str(text).map_err(PersistError::Json)
    }

    /// Reads and parses `path`.
    pub fn read(path: &Path) -> Result<ProfileFile, PersistError> {
        let text = std::fs::read_to_string(path).map_err(|error| PersistError::Io {
            path: path.to_path_buf(),
            error,
        })?;
        ProfileFile::from_json(&text)
    }

    /// Writes the file to `path`.
    pub fn write(&self, path: &Path) -> Result<(), PersistError> {
        let mut text = self.to_json();
        text.push('\n');
        std::fs::write(path, text).map_err(|error| PersistError::Io {
            path: path.to_path_buf(),
            error,
        })
    }

    /// Adds `other`'s counts into this file, as `merge` does.
    pub fn absorb(&mut self, other: &ProfileFile) -> MergeReport {
        let mut report = MergeReport::default();
        self.width = self.width.max(other.width);

        let mut index = ordinal_index(self.sites.iter().map(|s| s.key.anchor()));
        let anchors = ordinals(other.sites.iter().map(|s| s.key.anchor()));
        for (entry, (anchor, n)) in other.sites.iter().zip(anchors) {
            let slot = (anchor.to_owned_anchor(), n);
            match index.get(&slot) {
                Some(&i) if same_code(&self.sites[i], entry) => {
                    let mine = &mut self.sites[i];
                    for r in &entry.receivers {
                        match mine.receivers.iter_mut().find(|m| m.ty == r.ty) {
                            Some(m) => m.count += r.count,
                            None => mine.receivers.push(r.clone()),
                        }
                    }
                    mine.other += entry.other;
                    report.sites_combined += 1;
                }
                Some(&i) => {
                    self.sites[i] = entry.clone();
                    report.sites_replaced += 1;
                }
                None => {
                    index.insert(slot, self.sites.len());
                    self.sites.push(entry.clone());
                    report.sites_new += 1;
                }
            }
        }
        for site in &mut self.sites {
            fold_rows(site, self.width);
        }

        let mut index = ordinal_index(self.functions.iter().map(|f| f.key.func.as_str()));
        let names = ordinals(other.functions.iter().map(|f| f.key.func.as_str()));
        for (entry, (name, n)) in other.functions.iter().zip(names) {
            let slot = (name.to_string(), n);
            match index.get(&slot) {
                Some(&i) if self.functions[i].key.body_hash == entry.key.body_hash => {
                    self.functions[i].calls += entry.calls;
                    self.functions[i].backedges += entry.backedges;
                    report.funcs_combined += 1;
                }
                Some(&i) => {
                    self.functions[i] = entry.clone();
                    report.funcs_replaced += 1;
                }
                None => {
                    index.insert(slot, self.functions.len());
                    self.functions.push(entry.clone());
                    report.funcs_new += 1;
                }
            }
        }
        report
    }
}

fn same_code(a: &SiteEntry, b: &SiteEntry) -> bool {
    a.key.body_hash == b.key.body_hash && a.kind == b.kind
}

/// Sorts rows most frequent first (ties by name) and folds the rows past
/// `width` into `other`.
fn fold_rows(site: &mut SiteEntry, width: usize) {
    site.receivers.retain(|r| r.count > 0);
    site.receivers
        .sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.ty.cmp(&b.ty)));
    if site.receivers.len() > width {
        site.other += site.receivers.drain(width..).map(|r| r.count).sum::<u64>();
    }
}

/// Pairs each anchor with how many equal anchors came before it.
fn ordinals<A: Eq + std::hash::Hash + Copy>(anchors: impl Iterator<Item = A>) -> Vec<(A, usize)> {
    let mut seen: HashMap<A, usize> = HashMap::new();
    anchors
        .map(|a| {
            let n = seen.entry(a).or_insert(0);
            *n += 1;
            (a, *n - 1)
        })
        .collect()
}

/// (anchor, ordinal) → position, with owned anchors.
fn ordinal_index<A>(anchors: impl Iterator<Item = A>) -> HashMap<(A::Owned, usize), usize>
where
    A: Eq + std::hash::Hash + Copy + ToOwnedAnchor,
{
    ordinals(anchors)
        .into_iter()
        .enumerate()
        .map(|(i, (a, n))| ((a.to_owned_anchor(), n), i))
        .collect()
}

type SiteAnchor = (String, u32, u32, String);

/// Borrowed anchors as owned map keys (`&str` → `String`).
trait ToOwnedAnchor {
    type Owned: Eq + std::hash::Hash;
    fn to_owned_anchor(self) -> Self::Owned;
}

impl ToOwnedAnchor for (&str, u32, u32, &str) {
    type Owned = SiteAnchor;
    fn to_owned_anchor(self) -> SiteAnchor {
        (self.0.to_string(), self.1, self.2, self.3.to_string())
    }
}

impl ToOwnedAnchor for &str {
    type Owned = String;
    fn to_owned_anchor(self) -> String {
        self.to_string()
    }
}

/// The running program's counters as a profile file. Every site and
/// function is written, never-executed ones too, so a later `--profile-in`
/// reports against the whole program.
pub fn save(p: &Profile) -> ProfileFile {
    let sites = p
        .sites()
        .map(|(info, counters)| {
            let snap = counters.snapshot();
            let mut entry = SiteEntry {
                key: info.key.clone(),
                kind: info.kind,
                receivers: snap
                    .ranked()
                    .into_iter()
                    .map(|(t, count)| ReceiverCount {
                        ty: p.target_name(t),
                        count,
                    })
                    .collect(),
                other: snap.other,
            };
            fold_rows(&mut entry, p.width());
            entry
        })
        .collect();
    let functions = p
        .funcs()
        .map(|(info, counters)| {
            let snap = counters.snapshot();
            FuncEntry {
                key: info.key.clone(),
                calls: snap.calls,
                backedges: snap.backedges,
            }
        })
        .collect();
    ProfileFile {
        sites,
        functions,
        ..ProfileFile::empty(p.width())
    }
}

/// What `load_into` did with a file's entries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SeedReport {
    /// Site entries in the file: `matched + stale + unmatched`.
    pub sites: usize,
    /// Entries whose counts were added to a live site.
    pub matched: usize,
    /// Entries whose site exists but whose function body (or site kind)
    /// changed; their counts were skipped.
    pub stale: usize,
    /// Entries naming no site of this program (function gone, or the site
    /// moved within its function); skipped.
    pub unmatched: usize,
    /// Function entries in the file, and the same three-way split.
    pub funcs: usize,
    pub funcs_matched: usize,
    pub funcs_stale: usize,
    pub funcs_unmatched: usize,
    /// Receiver rows of matched sites naming a type or function this
    /// program lacks; their counts went to `other`.
    pub unknown_receivers: usize,
}

impl fmt::Display for SeedReport {
    /// `profile: 37 of 40 sites matched, 3 stale` (`, N unmatched` added
    /// when some entries name no site of this program).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "profile: {} of {} sites matched, {} stale",
            self.matched, self.sites, self.stale
        )?;
        if self.unmatched > 0 {
            write!(f, ", {} unmatched", self.unmatched)?;
        }
        Ok(())
    }
}

/// Seeds `p`'s counters from `file`: each matched entry's counts are ADDED
/// to the live counters (so seeding at start-up, then running, then saving
/// accumulates). Meant for start-up, before the interpreter runs; it takes
/// `&Profile` because counters are atomics.
pub fn load_into(p: &Profile, file: &ProfileFile) -> SeedReport {
    let mut report = SeedReport {
        sites: file.sites.len(),
        funcs: file.functions.len(),
        ..SeedReport::default()
    };
    let targets = p.targets_by_name();

    let live = ordinal_index(p.sites().map(|(info, _)| info.key.anchor()));
    for (entry, (anchor, n)) in file
        .sites
        .iter()
        .zip(ordinals(file.sites.iter().map(|s| s.key.anchor())))
    {
        let Some(&i) = live.get(&(anchor.to_owned_anchor(), n)) else {
            report.unmatched += 1;
            continue;
        };
        let id = SiteId(i as u32);
        let (info, counters) = (p.site_info(id), p.site(id));
        if info.key.body_hash != entry.key.body_hash || info.kind != entry.kind {
            report.stale += 1;
            continue;
        }
        report.matched += 1;
        for r in &entry.receivers {
            match targets.get(&(info.kind, r.ty.as_str())) {
                Some(&t) => counters.add(t, r.count),
                None => {
                    counters.add_other(r.count);
                    report.unknown_receivers += 1;
                }
            }
        }
        counters.add_other(entry.other);
    }

    let live = ordinal_index(p.funcs().map(|(info, _)| info.key.func.as_str()));
    let names = ordinals(file.functions.iter().map(|f| f.key.func.as_str()));
    for (entry, (name, n)) in file.functions.iter().zip(names) {
        let Some(&i) = live.get(&(name.to_string(), n)) else {
            report.funcs_unmatched += 1;
            continue;
        };
        let id = FuncId(i as u32);
        let (info, counters) = (p.func_info(id), p.func(id));
        if info.key.body_hash != entry.key.body_hash {
            report.funcs_stale += 1;
            continue;
        }
        report.funcs_matched += 1;
        counters.add(entry.calls, entry.backedges);
    }
    report
}

/// What `merge` / `ProfileFile::absorb` did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Sites in both files with the same body: counts added.
    pub sites_combined: usize,
    /// Sites only in the second file: copied.
    pub sites_new: usize,
    /// Sites in both whose bodies differ: the second file's entry kept
    /// (arguments are taken in run order, later runs describing newer code).
    pub sites_replaced: usize,
    pub funcs_combined: usize,
    pub funcs_new: usize,
    pub funcs_replaced: usize,
}

impl fmt::Display for MergeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "merge: {} sites combined, {} new, {} replaced (function changed)",
            self.sites_combined, self.sites_new, self.sites_replaced
        )
    }
}

/// `a` plus `b`: entries with the same key and body hash add their counts,
/// receivers merged by name, the most frequent `width` kept (the larger of
/// the two widths) and the rest folded into `other`. An entry whose body
/// hash differs between the files is taken from `b`, the later run.
pub fn merge(a: &ProfileFile, b: &ProfileFile) -> ProfileFile {
    let mut out = a.clone();
    out.absorb(b);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{Target, TypeId};
    use crate::profile::tests::{func_info, iface_site};
    use crate::profile::SiteInfo;

    /// `prog.go` with sites in `main.run` (body hash `hash`) and types A..E.
    fn program(hash: u64) -> Profile {
        let mut sites = vec![
            iface_site(0, 12, 14, "Area"),
            iface_site(1, 13, 9, "Perimeter"),
        ];
        for s in &mut sites {
            s.key.body_hash = hash;
        }
        let mut funcs = vec![func_info(0, "main.main"), func_info(1, "main.run")];
        funcs[1].key.body_hash = hash;
        let mut p = Profile::new("prog.go", 4, sites, funcs);
        for (i, n) in ["main.A", "main.B", "main.C", "main.D", "main.E"]
            .iter()
            .enumerate()
        {
            p.set_type_name(TypeId(i as u32), *n);
        }
        p
    }

    fn record(p: &Profile, site: u32, ty: u32, n: u64) {
        p.site(SiteId(site)).add(Target::Type(TypeId(ty)), n);
    }

    #[test]
    fn save_then_load_round_trips_the_counts() {
        let p = program(1);
        record(&p, 0, 0, 900);
        record(&p, 0, 1, 100);
        p.site(SiteId(1)).add_other(3);
        p.func(FuncId(1)).add(5, 7);
        let file = save(&p);
        let text = file.to_json();
        let back = ProfileFile::from_json(&text).unwrap();
        assert_eq!(back, file);

        let mut q = program(1);
        // The next run numbers types differently: names still match.
        q.set_type_name(TypeId(0), "main.B");
        q.set_type_name(TypeId(1), "main.A");
        let seeded = load_into(&q, &back);
        assert_eq!(seeded.to_string(), "profile: 2 of 2 sites matched, 0 stale");
        assert_eq!((seeded.funcs, seeded.funcs_matched), (2, 2));
        let snap = q.site(SiteId(0)).snapshot();
        assert_eq!(
            snap.rows,
            vec![
                (Target::Type(TypeId(1)), 900),
                (Target::Type(TypeId(0)), 100)
            ]
        );
        assert_eq!(q.site(SiteId(1)).snapshot().other, 3);
        assert_eq!(q.func(FuncId(1)).snapshot().calls, 5);
        // Seeding adds to what is already counted.
        load_into(&q, &back);
        assert_eq!(q.site(SiteId(0)).snapshot().total(), 2000);
    }

    #[test]
    fn body_hash_change_makes_entries_stale() {
        let p = program(1);
        record(&p, 0, 0, 500);
        let file = save(&p);
        let q = program(2);
        let seeded = load_into(&q, &file);
        assert_eq!(seeded.to_string(), "profile: 0 of 2 sites matched, 2 stale");
        assert_eq!((seeded.funcs_matched, seeded.funcs_stale), (1, 1));
        assert_eq!(q.site(SiteId(0)).snapshot().total(), 0);
    }

    #[test]
    fn keys_survive_edits_elsewhere_and_report_the_unmatched() {
        let p = program(1);
        record(&p, 1, 2, 40);
        let file = save(&p);
        // main.run moved down 30 lines and lost its Area call.
        let mut moved = iface_site(0, 43, 9, "Perimeter");
        moved.key = SiteKey::new("main.run", 40, (43, 9), "Perimeter", 1);
        let mut funcs = vec![func_info(0, "main.run")];
        funcs[0].key.body_hash = 1;
        let mut q = Profile::new("prog.go", 4, vec![moved], funcs);
        q.set_type_name(TypeId(9), "main.C");
        let seeded = load_into(&q, &file);
        assert_eq!(
            seeded.to_string(),
            "profile: 1 of 2 sites matched, 0 stale, 1 unmatched"
        );
        assert_eq!(seeded.funcs_unmatched, 1);
        assert_eq!(
            q.site(SiteId(0)).snapshot().rows,
            vec![(Target::Type(TypeId(9)), 40)]
        );
    }

    #[test]
    fn unknown_receivers_and_kind_changes() {
        let p = program(1);
        record(&p, 0, 4, 10);
        let file = save(&p);
        let mut q = program(1);
        q.set_type_name(TypeId(4), "main.Renamed");
        let seeded = load_into(&q, &file);
        assert_eq!(seeded.unknown_receivers, 1);
        assert_eq!(q.site(SiteId(0)).snapshot().other, 10);

        let mut sites = vec![iface_site(0, 12, 14, "Area")];
        sites[0].kind = SiteKind::Func;
        sites[0].key.body_hash = 1;
        let r = Profile::new("prog.go", 4, sites, vec![]);
        assert_eq!(load_into(&r, &file).stale, 1);
    }

    #[test]
    fn function_value_sites_match_callees_by_name() {
        let site = SiteInfo {
            kind: SiteKind::Func,
            ..iface_site(0, 12, 3, "f")
        };
        let funcs = || vec![func_info(0, "main.run"), func_info(1, "main.square")];
        let p = Profile::new("prog.go", 4, vec![site.clone()], funcs());
        p.site(SiteId(0)).record_func(FuncId(1));
        let file = save(&p);
        assert_eq!(file.sites[0].receivers[0].ty, "main.square");
        let mut swapped = funcs();
        swapped.swap(0, 1);
        swapped[0].id = FuncId(0);
        swapped[1].id = FuncId(1);
        let q = Profile::new("prog.go", 4, vec![site], swapped);
        load_into(&q, &file);
        assert_eq!(
            q.site(SiteId(0)).snapshot().rows,
            vec![(Target::Func(FuncId(0)), 1)]
        );
    }

    #[test]
    fn merge_adds_counts_and_folds_rows_past_the_width() {
        let p = program(1);
        record(&p, 0, 0, 100); // A
        record(&p, 0, 1, 50); // B
        record(&p, 0, 2, 40); // C
        record(&p, 0, 3, 30); // D
        p.site(SiteId(0)).add_other(5);
        p.func(FuncId(1)).add(10, 100);
        let a = save(&p);

        let q = program(1);
        record(&q, 0, 4, 80); // E
        record(&q, 0, 3, 30); // D
        record(&q, 0, 0, 1); // A
        q.func(FuncId(1)).add(1, 1);
        let b = save(&q);

        let mut m = a.clone();
        let report = m.absorb(&b);
        assert_eq!(report.sites_combined, 2);
        assert_eq!(report.funcs_combined, 2);
        assert_eq!(m, merge(&a, &b));
        let rows: Vec<(&str, u64)> = m.sites[0]
            .receivers
            .iter()
            .map(|r| (r.ty.as_str(), r.count))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("main.A", 101),
                ("main.E", 80),
                ("main.D", 60),
                ("main.B", 50)
            ]
        );
        assert_eq!(m.sites[0].other, 5 + 40); // C folded into other
        assert_eq!(m.sites[0].calls(), a.sites[0].calls() + b.sites[0].calls());
        assert_eq!((m.functions[1].calls, m.functions[1].backedges), (11, 101));
    }

    #[test]
    fn merge_replaces_changed_and_appends_new_entries() {
        let p = program(1);
        record(&p, 0, 0, 100);
        let a = save(&p);
        let q = program(2);
        record(&q, 0, 1, 7);
        let mut b = save(&q);
        let mut extra = b.sites[0].clone();
        extra.key.col = 99;
        b.sites.push(extra);
        let mut m = a.clone();
        let report = m.absorb(&b);
        assert_eq!(
            report.to_string(),
            "merge: 0 sites combined, 1 new, 2 replaced (function changed)"
        );
        assert_eq!(m.sites.len(), 3);
        assert_eq!(m.sites[0].receivers[0].ty, "main.B");
        assert_eq!(m.sites[0].key.body_hash, 2);
    }

    #[test]
    fn bad_files_are_errors_not_panics() {
        let err = |text: &str| ProfileFile::from_json(text).unwrap_err().to_string();
        assert!(err("{").starts_with("profile file: "));
        assert!(err(r#"{"format":"other","version":1}"#).contains("not a pgojit profile"));
        assert!(err(r#"{"format":"pgojit-profile","version":2}"#).contains("version 2 is not"));
        assert!(err(r#"{"format":"pgojit-profile","version":1}"#).contains("missing field"));
        let missing = ProfileFile::read(Path::new("/nonexistent/p.json")).unwrap_err();
        assert!(missing.to_string().starts_with("/nonexistent/p.json: "));
    }

    #[test]
    fn files_write_and_read_back() {
        let p = program(1);
        record(&p, 0, 0, 3);
        let file = save(&p);
        let path = std::env::temp_dir().join(format!("pgojit-profile-{}.json", std::process::id()));
        file.write(&path).unwrap();
        assert_eq!(ProfileFile::read(&path).unwrap(), file);
        std::fs::remove_file(&path).unwrap();
    }
}
