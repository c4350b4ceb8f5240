//! `pgojit profile --format=pprof`: the profile as a gzipped pprof file
//! that `go build -pgo=FILE` and `go tool pprof` read. The encoding is the
//! profiler crate's (`pgojit_profiler::pprof`); this file supplies what
//! only the program knows: where each function starts, which function
//! contains each site, and which method a receiver type's row ran.

use pgojit_profiler::pprof::{FuncSource, Program as Known};
use pgojit_profiler::{FuncId, Profile, SiteId, Target};

use crate::bytecode::Program;

/// The gzipped pprof bytes of `p`, a profile of `prog`.
pub fn export(prog: &Program, p: &Profile) -> Vec<u8> {
    // Files as absolute paths (as Go's own profiles have them), so
    // `go tool pprof -list` finds the source from anywhere.
    let files: Vec<String> = prog
        .files
        .iter()
        .map(|f| std::fs::canonicalize(f).map_or_else(|_| f.clone(), |a| a.display().to_string()))
        .collect();
    let main_file = std::fs::canonicalize(&prog.file_name)
        .map_or_else(|_| prog.file_name.clone(), |a| a.display().to_string());
    let sources: Vec<FuncSource> = prog
        .funcs
        .iter()
        .enumerate()
        .map(|(i, f)| FuncSource {
            file: f
                .pos
                .iter()
                .find(|q| q.line > 0)
                .and_then(|q| files.get(q.file as usize))
                .unwrap_or(&main_file)
                .clone(),
            // the `func` keyword's line (0 for synthesized functions)
            start_line: prog.func_keys[i].0,
        })
        .collect();
    // pgojit calls a value-receiver method through an interface by an
    // adapter, `main.T.M·iface`, that unboxes the receiver: Go's name for
    // what runs is the method's, `main.T.M`.
    let by_name: std::collections::HashMap<&str, FuncId> = prog
        .funcs
        .iter()
        .enumerate()
        .map(|(i, f)| (f.name.as_str(), FuncId(i as u32)))
        .collect();
    let export_as = |f: FuncId| {
        prog.funcs[f.index()]
            .name
            .strip_suffix("·iface")
            .and_then(|m| by_name.get(m).copied())
            .unwrap_or(f)
    };
    let caller = |s: SiteId| prog.sites[s.index()].caller;
    let callee = |s: SiteId, t: Target| -> Option<FuncId> {
        match t {
            Target::Func(f) => Some(f),
            // The method the type's method set holds under the site's
            // name: what the interpreter's call ran.
            Target::Type(ty) => prog
                .descs
                .get(ty.index())
                .copied()
                .flatten()
                .and_then(|d| {
                    let m = &prog.sites[s.index()].method;
                    d.methods.iter().find(|e| &e.name == m)
                })
                .map(|e| e.entry),
        }
    };
    // A site in pgojit's standard library is not at that line of Go's
    // (the library is pgojit's own Go source): as an edge it would steer
    // Go's PGO at an unrelated call (and, through inlining, move the
    // program's code). Its calls stay in the callees' flat samples.
    let exports =
        |s: SiteId| !prog.files[prog.sites[s.index()].pos.file as usize].starts_with("$GOROOT/");
    pgojit_profiler::pprof::encode(
        p,
        &Known {
            sources: &sources,
            caller: &caller,
            callee: &callee,
            export_as: &export_as,
            exports: &exports,
        },
    )
}
