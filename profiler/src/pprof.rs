//! The profile as a pprof file (`pgojit profile --format=pprof`): gzipped
//! `perftools.profiles.Profile` messages, the format `go tool pprof` reads
//! and `go build -pgo=FILE` consumes.
//!
//! The messages are generated at build time (build.rs, prost-build) from
//! the vendored `proto/profile.proto`, google/pprof's published schema.
//!
//! What the file holds, one sample type `samples`/`count` (the type Go's
//! PGO reads; one sample is one call, so every value is an exact count):
//!
//! - per call site and per receiver row with count `c`, one sample of
//!   value `c` whose stack is `[callee, caller at the site's line]`: a
//!   call edge weighted by pgojit's count. Go's PGO keys an edge by the
//!   caller's name, the site's line minus the caller's `Function.start_line`
//!   and the callee's name, so both are set as Go's compiler sees them;
//! - per function, one single-frame sample `[function]` of the calls not
//!   already attributed to it by an edge (its call count minus its edges'
//!   counts), so a function's flat value in `go tool pprof -top` is its
//!   call count. Single frames are no edges: Go's PGO ignores them.
//!
//! - per direct call site (a call of a function or of a method on a
//!   concrete type) that made `c` calls, one sample of value `c` whose
//!   stack is `[callee, caller at the call's line]`, like a receiver row.
//!
//! Calls counted as a site's `other` (no row) have no known callee and are
//! left out. Sites the embedder does not export
//! (`Program::exports`: pgojit's own standard library, whose lines are not
//! those of Go's) give no edges: their callees' calls are flat samples.

use std::collections::HashMap;
use std::io::Write;

use prost::Message;

use crate::ids::{FuncId, SiteId, Target};
use crate::profile::Profile;

/// The generated `perftools.profiles` messages.
#[allow(clippy::all, missing_docs)]
pub mod proto {
    include!(concat!(env!("OUT_DIR"), "/perftools.profiles.rs"));
}

/// Where a function's source is: Go matches call sites by the caller's
/// start line, and tools print the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FuncSource {
    /// Source file path.
    pub file: String,
    /// Line of the `func` keyword (what Go's `Function.start_line` holds).
    pub start_line: u32,
}

/// What the embedder knows beyond the `Profile`: the functions' sources,
/// each site's caller, and which function a receiver row calls.
pub struct Program<'a> {
    /// By `FuncId`.
    pub sources: &'a [FuncSource],
    /// The function containing site `id`.
    pub caller: &'a dyn Fn(SiteId) -> FuncId,
    /// The function a call at site `id` runs for row `target` (the concrete
    /// method of a receiver type, or the called function); `None` if unknown.
    pub callee: &'a dyn Fn(SiteId, Target) -> Option<FuncId>,
    /// The function `f` is exported as: itself, or the one Go knows it by
    /// (pgojit's adapter `main.T.M·iface` is Go's `main.T.M`). Its calls
    /// count as that function's.
    pub export_as: &'a dyn Fn(FuncId) -> FuncId,
    /// Whether site `id`'s rows become edges.
    pub exports: &'a dyn Fn(SiteId) -> bool,
}

/// The pprof message for `p` (see the module docs for what it holds).
pub fn build(p: &Profile, prog: &Program) -> proto::Profile {
    let mut b = Builder::default();
    b.string(""); // string_table[0] must be ""
    let samples = b.string("samples");
    let count = b.string("count");
    let mut out = proto::Profile {
        sample_type: vec![proto::ValueType {
            r#type: samples,
            unit: count,
        }],
        period_type: Some(proto::ValueType {
            r#type: samples,
            unit: count,
        }),
        period: 1,
        default_sample_type: samples,
        ..Default::default()
    };

    // Calls reaching each function through a site's row.
    let mut via_edges = vec![0u64; p.func_count()];
    for (info, counters) in p.sites() {
        if !(prog.exports)(info.id) {
            continue;
        }
        let caller = (prog.caller)(info.id);
        for (target, c) in counters.snapshot().ranked() {
            let Some(callee) = (prog.callee)(info.id, target) else {
                continue;
            };
            let callee = (prog.export_as)(callee);
            via_edges[callee.index()] += c;
            out.sample
                .push(b.edge(p, prog, caller, info.pos.0, callee, c));
        }
    }
    for (e, c) in p.edges() {
        if c == 0 {
            continue;
        }
        let (caller, callee) = ((prog.export_as)(e.caller), (prog.export_as)(e.callee));
        via_edges[callee.index()] += c;
        out.sample.push(b.edge(p, prog, caller, e.pos.0, callee, c));
    }
    let mut calls = vec![0u64; p.func_count()];
    for (info, counters) in p.funcs() {
        calls[(prog.export_as)(info.id).index()] += counters.snapshot().calls;
    }
    for (i, &n) in calls.iter().enumerate() {
        let rest = n.saturating_sub(via_edges[i]);
        if rest > 0 {
            let at = b.location(p, prog, FuncId(i as u32), None);
            out.sample.push(proto::Sample {
                location_id: vec![at],
                value: vec![rest as i64],
                label: vec![],
            });
        }
    }

    let comment = b.string(&format!(
        "pgojit profile of {}: exact counts, one sample is one call",
        p.program()
    ));
    out.comment = vec![comment];
    let program = b.string(p.program());
    out.mapping = vec![proto::Mapping {
        id: 1,
        filename: program,
        has_functions: true,
        has_filenames: true,
        has_line_numbers: true,
        ..Default::default()
    }];
    out.location = b.locations;
    out.function = b.functions;
    out.string_table = b.strings;
    out
}

/// `build`, encoded and gzipped: the bytes of a `.pgo` / `.pb.gz` file.
pub fn encode(p: &Profile, prog: &Program) -> Vec<u8> {
    let bytes = build(p, prog).encode_to_vec();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&bytes).expect("writing to a Vec cannot fail");
    gz.finish().expect("writing to a Vec cannot fail")
}

/// Reads a file `encode` wrote (or any gzipped or plain pprof profile).
pub fn decode(bytes: &[u8]) -> Result<proto::Profile, std::io::Error> {
    let plain = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes), &mut v)?;
        v
    } else {
        bytes.to_vec()
    };
    proto::Profile::decode(plain.as_slice())
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

/// The tables under construction, each entry made once.
#[derive(Default)]
struct Builder {
    strings: Vec<String>,
    string_ids: HashMap<String, i64>,
    functions: Vec<proto::Function>,
    function_ids: HashMap<FuncId, u64>,
    locations: Vec<proto::Location>,
    location_ids: HashMap<(FuncId, u32), u64>,
}

impl Builder {
    fn string(&mut self, s: &str) -> i64 {
        if let Some(&i) = self.string_ids.get(s) {
            return i;
        }
        let i = self.strings.len() as i64;
        self.strings.push(s.to_string());
        self.string_ids.insert(s.to_string(), i);
        i
    }

    fn function(&mut self, p: &Profile, prog: &Program, f: FuncId) -> u64 {
        if let Some(&id) = self.function_ids.get(&f) {
            return id;
        }
        let id = self.functions.len() as u64 + 1;
        let name = self.string(&p.func_info(f).name);
        let src = prog.sources.get(f.index()).cloned().unwrap_or_default();
        let filename = self.string(&src.file);
        self.functions.push(proto::Function {
            id,
            name,
            system_name: name,
            filename,
            start_line: src.start_line as i64,
        });
        self.function_ids.insert(f, id);
        id
    }

    /// A call edge's sample: `c` calls of `callee` from `caller` at `line`
    /// (the stack [callee, caller at the call's line]).
    fn edge(
        &mut self,
        p: &Profile,
        prog: &Program,
        caller: FuncId,
        line: u32,
        callee: FuncId,
        c: u64,
    ) -> proto::Sample {
        let at = self.location(p, prog, caller, Some(line));
        let to = self.location(p, prog, callee, None);
        proto::Sample {
            location_id: vec![to, at],
            value: vec![c as i64],
            label: vec![],
        }
    }

    /// Function `f` at `line` (default: its start line).
    fn location(&mut self, p: &Profile, prog: &Program, f: FuncId, line: Option<u32>) -> u64 {
        let line = line.unwrap_or_else(|| prog.sources.get(f.index()).map_or(0, |s| s.start_line));
        if let Some(&id) = self.location_ids.get(&(f, line)) {
            return id;
        }
        let function_id = self.function(p, prog, f);
        let id = self.locations.len() as u64 + 1;
        self.locations.push(proto::Location {
            id,
            mapping_id: 1,
            line: vec![proto::Line {
                function_id,
                line: line as i64,
                column: 0,
            }],
            ..Default::default()
        });
        self.location_ids.insert((f, line), id);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::TypeId;
    use crate::profile::tests::{func_info, iface_site};

    /// main.run (line 10) calls `Area` at line 12: 900 times on type 0
    /// (main.A.Area, line 3), 100 on type 1 (main.B.Area, line 6), and 5
    /// times on a type with no row.
    fn demo() -> (Profile, Vec<FuncSource>) {
        let mut p = Profile::new(
            "prog.go",
            4,
            vec![iface_site(0, 12, 14, "Area")],
            vec![
                func_info(0, "main.run"),
                func_info(1, "main.A.Area"),
                func_info(2, "main.B.Area"),
                func_info(3, "main.main"),
            ],
        );
        p.set_type_name(TypeId(0), "main.A");
        p.set_type_name(TypeId(1), "main.B");
        let s = p.site(SiteId(0));
        s.add(Target::Type(TypeId(0)), 900);
        s.add(Target::Type(TypeId(1)), 100);
        for t in 2..6 {
            s.add(Target::Type(TypeId(t)), 1);
        }
        s.add_other(1);
        p.func(FuncId(1)).add(900, 0);
        p.func(FuncId(2)).add(100, 0);
        p.func(FuncId(0)).add(1, 7);
        let src = |file: &str, start_line| FuncSource {
            file: file.into(),
            start_line,
        };
        let sources = vec![
            src("/src/prog.go", 10),
            src("/src/prog.go", 3),
            src("/src/prog.go", 6),
            src("/src/prog.go", 20),
        ];
        (p, sources)
    }

    fn callee(_: SiteId, t: Target) -> Option<FuncId> {
        match t {
            Target::Type(TypeId(0)) => Some(FuncId(1)),
            Target::Type(TypeId(1)) => Some(FuncId(2)),
            _ => None,
        }
    }

    /// Each sample as (value, [(function name, start line, line)]).
    /// (value, [(function, start line, line)]) per sample.
    type Stacks = Vec<(i64, Vec<(String, i64, i64)>)>;

    fn stacks(m: &proto::Profile) -> Stacks {
        let s = |i: i64| m.string_table[i as usize].clone();
        m.sample
            .iter()
            .map(|smp| {
                let frames = smp
                    .location_id
                    .iter()
                    .map(|&l| {
                        let loc = m.location.iter().find(|x| x.id == l).unwrap();
                        let line = &loc.line[0];
                        let f = m
                            .function
                            .iter()
                            .find(|f| f.id == line.function_id)
                            .unwrap();
                        assert_eq!(f.name, f.system_name);
                        (s(f.name), f.start_line, line.line)
                    })
                    .collect();
                (smp.value[0], frames)
            })
            .collect()
    }

    #[test]
    fn edges_carry_the_row_counts_and_functions_their_remaining_calls() {
        let (p, sources) = demo();
        let prog = Program {
            sources: &sources,
            caller: &|_| FuncId(0),
            callee: &callee,
            export_as: &|f| f,
            exports: &|_| true,
        };
        let bytes = encode(&p, &prog);
        assert_eq!(&bytes[..2], &[0x1f, 0x8b], "gzipped");
        let m = decode(&bytes).unwrap();
        assert_eq!(m.string_table[0], "");
        let st = &m.sample_type[0];
        assert_eq!(
            (
                &*m.string_table[st.r#type as usize],
                &*m.string_table[st.unit as usize]
            ),
            ("samples", "count")
        );
        let f = |n: &str, start: i64, line: i64| (n.to_string(), start, line);
        assert_eq!(
            stacks(&m),
            vec![
                (900, vec![f("main.A.Area", 3, 3), f("main.run", 10, 12)]),
                (100, vec![f("main.B.Area", 6, 6), f("main.run", 10, 12)]),
                // main.run's own call, at its start line; the Area
                // methods' calls all came through the edges
                (1, vec![f("main.run", 10, 10)]),
            ]
        );
        // one Function per function, one Location per (function, line)
        assert_eq!(m.function.len(), 3);
        assert_eq!(m.location.len(), 4);
    }

    #[test]
    fn direct_calls_are_edges_and_leave_the_callees_flat_samples() {
        let (mut p, sources) = demo();
        // main.main (line 20) calls main.run at line 22, once, and
        // main.A.Area at line 23, 40 times (line 24: never).
        let edge = |id, line, callee| crate::profile::EdgeInfo {
            id: crate::ids::EdgeId(id),
            caller: FuncId(3),
            file: "/src/prog.go".into(),
            pos: (line, 5),
            callee: FuncId(callee),
        };
        p.set_edges(vec![edge(0, 22, 0), edge(1, 23, 1), edge(2, 24, 2)]);
        p.record_edge(crate::ids::EdgeId(0));
        p.add_edge(crate::ids::EdgeId(1), 40);
        p.func(FuncId(1)).add(40, 0);
        let prog = Program {
            sources: &sources,
            caller: &|_| FuncId(0),
            callee: &callee,
            export_as: &|f| f,
            exports: &|_| true,
        };
        let m = decode(&encode(&p, &prog)).unwrap();
        let f = |n: &str, start: i64, line: i64| (n.to_string(), start, line);
        assert_eq!(
            stacks(&m),
            vec![
                (900, vec![f("main.A.Area", 3, 3), f("main.run", 10, 12)]),
                (100, vec![f("main.B.Area", 6, 6), f("main.run", 10, 12)]),
                (1, vec![f("main.run", 10, 10), f("main.main", 20, 22)]),
                (40, vec![f("main.A.Area", 3, 3), f("main.main", 20, 23)]),
                // every call of main.run and main.A.Area came through an
                // edge: no flat samples are left
            ]
        );
    }

    #[test]
    fn an_empty_profile_still_has_its_sample_type() {
        let p = Profile::new("e.go", 4, vec![], vec![func_info(0, "main.main")]);
        let prog = Program {
            sources: &[],
            caller: &|_| FuncId(0),
            callee: &|_, _| None,
            export_as: &|f| f,
            exports: &|_| true,
        };
        let m = decode(&encode(&p, &prog)).unwrap();
        assert!(m.sample.is_empty());
        assert_eq!(m.sample_type.len(), 1);
    }
}
