//! `pgojit profile --format=pprof`: the exported file against pgojit's own
//! JSON report, and against Go's tools.
//!
//! Programs (tests/pprof/): three scenarios of ../shared/bench with `n`
//! cut (biased90, bimorphic, megamorphic), biased90 with the types swapped
//! (the hot type is then not the one Go picks on a tie), and shapes.go (a
//! value-receiver method and a call through a function value), and
//! hotcall.go (a hot direct call of a function over Go's inlining budget).
//!
//! Without Go: the edges of the pprof file equal the JSON report's rows
//! and direct calls.
//! With Go (`$GO`, scripts/.go/venv/bin/go as scripts/go-env.sh installs
//! it, or `go` on PATH; otherwise a printed notice and no check): `go build
//! -pgo=FILE -gcflags=-m=2` devirtualizes every site to the type the JSON
//! report shows as its top row, and `go tool pprof -top` lists the
//! program's functions; Go's PGO inlines hotcall.go's hot direct call,
//! which a build without a profile does not.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pgojit_profiler::pprof::{decode, proto};

const PROGRAMS: [&str; 5] = [
    "biased90",
    "biased90_t1",
    "bimorphic",
    "megamorphic",
    "shapes",
];

fn source(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/pprof/{name}.go"))
}

fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("pprof_go")
        .join(name);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn pgojit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pgojit"))
        .args(args)
        .output()
        .expect("pgojit runs")
}

fn ok(o: Output, what: &str) -> Output {
    assert!(
        o.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// The program's JSON report and pprof file (two runs of `pgojit profile`
/// with `flags`), and its stdout; files in a folder of test `test`'s own.
fn profile(
    test: &str,
    name: &str,
    flags: &[&str],
) -> (serde_json::Value, proto::Profile, PathBuf, String) {
    let d = scratch(&format!("{test}/{name}{}", flags.join("")));
    let src = source(name);
    let src = src.to_str().unwrap();
    let json = d.join("p.json");
    let pgo = d.join("default.pgo");
    let run = |format: &str, out: &Path| {
        let mut args = vec!["profile", format, "-o", out.to_str().unwrap()];
        args.extend(flags);
        args.push(src);
        ok(pgojit(&args), &format!("pgojit {args:?}"))
    };
    run("--format=json", &json);
    let out = run("--format=pprof", &pgo);
    let report = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let bytes = std::fs::read(&pgo).unwrap();
    assert_eq!(&bytes[..2], &[0x1f, 0x8b], "{name}: gzipped");
    let prof = decode(&bytes).expect("a pprof profile");
    (
        report,
        prof,
        pgo,
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// The Go function a receiver row runs, from the JSON report's names:
/// type `*main.T0` and method `Apply` give `main.(*T0).Apply`, `main.Sq`
/// gives `main.Sq.Area`; a function-value row names the function itself.
fn go_callee(site: &serde_json::Value, row: &serde_json::Value) -> String {
    let ty = row["type"].as_str().unwrap();
    if site["kind"] == "func" {
        return ty.to_string();
    }
    let method = site["method"].as_str().unwrap();
    match ty.strip_prefix('*') {
        Some(t) => {
            let (pkg, name) = t.rsplit_once('.').unwrap();
            format!("{pkg}.(*{name}).{method}")
        }
        None => format!("{ty}.{method}"),
    }
}

fn line_of(site: &serde_json::Value) -> i64 {
    let pos = site["pos"].as_str().unwrap();
    pos.rsplit(':').nth(1).unwrap().parse().unwrap()
}

/// The line of `func NAME(` or `func (...) NAME(` in the source text.
fn decl_line(src: &str, go_name: &str) -> i64 {
    let short = go_name.rsplit('.').next().unwrap();
    let recv = go_name
        .strip_prefix("main.")
        .and_then(|r| r.rsplit_once('.'))
        .map(|(t, _)| t.trim_start_matches("(*").trim_end_matches(')'))
        .filter(|t| *t != short);
    let at = src
        .lines()
        .position(|l| {
            l.starts_with("func ")
                && l.contains(&format!("{short}("))
                && recv.is_none_or(|t| l.contains(&format!("{t})")))
        })
        .unwrap_or_else(|| panic!("no declaration of {go_name}"));
    at as i64 + 1
}

/// (value, [(function, start line, line)]) of every sample.
type Samples = Vec<(i64, Vec<(String, i64, i64)>)>;

/// The samples of `p` (see [`Samples`]).
fn samples(p: &proto::Profile) -> Samples {
    p.sample
        .iter()
        .map(|s| {
            let frames = s
                .location_id
                .iter()
                .map(|&id| {
                    let loc = p.location.iter().find(|l| l.id == id).unwrap();
                    let line = &loc.line[0];
                    let f = p
                        .function
                        .iter()
                        .find(|f| f.id == line.function_id)
                        .unwrap();
                    let name = p.string_table[f.name as usize].clone();
                    assert_eq!(f.system_name, f.name);
                    assert!(
                        p.string_table[f.filename as usize].ends_with(".go"),
                        "{name}: a source file"
                    );
                    (name, f.start_line, line.line)
                })
                .collect();
            (s.value[0], frames)
        })
        .collect()
}

#[test]
fn pprof_edges_are_the_json_reports_rows() {
    for name in PROGRAMS.into_iter().chain(["hotcall"]) {
        // The interpreter's counts: exact, and the same in both runs.
        let (report, prof, _, _) = profile("edges", name, &["--tier=interp"]);
        let src = std::fs::read_to_string(source(name)).unwrap();
        let st = &prof.sample_type[0];
        assert_eq!(prof.string_table[st.r#type as usize], "samples");
        assert_eq!(prof.string_table[st.unit as usize], "count");
        let samples = samples(&prof);
        let edges: Vec<_> = samples.iter().filter(|s| s.1.len() == 2).collect();
        let mut want_edges = 0;
        for site in report["sites"].as_array().unwrap() {
            let caller = site["caller"].as_str().unwrap();
            let line = line_of(site);
            for row in site["receivers"].as_array().unwrap() {
                let callee = go_callee(site, row);
                let count = row["count"].as_i64().unwrap();
                if !caller.starts_with("main.") {
                    // a site of pgojit's library (not at that line of
                    // Go's): no edge; its calls are the callee's flat ones
                    assert!(
                        !edges.iter().any(|e| e.1[1].0 == caller && e.1[1].2 == line),
                        "{name}: an edge from library site {caller}:{line} in {edges:?}"
                    );
                    continue;
                }
                want_edges += 1;
                // the program's: start lines from the source text
                let want = (
                    count,
                    vec![
                        (
                            callee.clone(),
                            decl_line(&src, &callee),
                            decl_line(&src, &callee),
                        ),
                        (caller.to_string(), decl_line(&src, caller), line),
                    ],
                );
                assert!(
                    edges.contains(&&want),
                    "{name}: no edge {want:?} in {edges:?}"
                );
            }
        }
        // Direct calls: one edge per call site that made calls.
        for e in report["direct_calls"].as_array().unwrap() {
            let (caller, callee) = (e["caller"].as_str().unwrap(), e["callee"].as_str().unwrap());
            let line = line_of(e);
            let count = e["calls"].as_i64().unwrap();
            assert!(count > 0);
            let found = edges.iter().any(|s| {
                s.0 == count
                    && s.1[0].0 == callee
                    && s.1[1] == (caller.to_string(), decl_line(&src, caller), line)
                    && (!callee.starts_with("main.")
                        || s.1[0].1 == decl_line(&src, callee) && s.1[0].2 == s.1[0].1)
            });
            assert!(found, "{name}: no edge for direct call {e} in {edges:?}");
            want_edges += 1;
        }
        assert_eq!(
            edges.len(),
            want_edges,
            "{name}: one edge per row and direct call"
        );
        // A function's samples add up to its calls in the function table
        // (a value method's interface adapter `main.T.M·iface` is Go's
        // `main.T.M`: its calls are the method's).
        let mut calls = std::collections::BTreeMap::<String, i64>::new();
        for f in report["functions"].as_array().unwrap() {
            let fname = f["name"].as_str().unwrap();
            let fname = fname.strip_suffix("·iface").unwrap_or(fname);
            *calls.entry(fname.to_string()).or_default() += f["calls"].as_i64().unwrap();
        }
        for (fname, n) in calls {
            let flat: i64 = samples
                .iter()
                .filter(|s| s.1[0].0 == fname)
                .map(|s| s.0)
                .sum();
            assert_eq!(flat, n, "{name}: {fname}");
        }
        assert!(
            !samples
                .iter()
                .any(|s| s.1.iter().any(|f| f.0.ends_with("·iface"))),
            "{name}: adapters are exported as their methods"
        );
    }
}

#[test]
fn pprof_without_o_is_refused_before_the_program_runs() {
    let o = pgojit(&[
        "profile",
        "--format=pprof",
        source("shapes").to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(o.stdout.is_empty(), "the program did not run");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("-o FILE"), "{err}");
}

/// A Go toolchain, or None (with a notice) when there is none.
fn go() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cands = [
        std::env::var_os("GO").map(PathBuf::from),
        Some(root.join("scripts/.go/venv/bin/go")),
        Some(PathBuf::from("go")),
    ];
    for c in cands.into_iter().flatten() {
        if let Ok(o) = Command::new(&c).arg("version").output() {
            if o.status.success() {
                eprintln!(
                    "pprof_go: using {}",
                    String::from_utf8_lossy(&o.stdout).trim()
                );
                return Some(c);
            }
        }
    }
    eprintln!(
        "pprof_go: SKIPPED: no Go toolchain ($GO, scripts/.go/venv/bin/go or go on PATH; \
         `source scripts/go-env.sh` installs one)"
    );
    None
}

fn go_cmd(go: &Path, dir: &Path) -> Command {
    let mut c = Command::new(go);
    c.current_dir(dir)
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "");
    if std::env::var_os("GOCACHE").is_none() {
        c.env(
            "GOCACHE",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("pprof_go/gocache"),
        );
    }
    c
}

#[test]
fn go_pgo_devirtualizes_to_pgojits_top_type_and_pprof_reads_the_file() {
    let Some(go) = go() else { return };
    // Every program with the interpreter's exact counts (the two runs, JSON
    // and pprof, then agree even on near-ties: megamorphic's top row leads
    // by one call), and the clearly biased ones with default flags too
    // (tier-up; counts may differ by a few calls between runs).
    let runs = PROGRAMS
        .iter()
        .map(|&p| (p, "--tier=interp"))
        .chain([("biased90", ""), ("biased90_t1", "")]);
    for (name, flag) in runs {
        let flags: Vec<&str> = [flag].into_iter().filter(|f| !f.is_empty()).collect();
        let (report, _, pgo, pgojit_out) = profile("go", name, &flags);
        let d = scratch(&format!("go/{name}{flag}/gomod"));
        std::fs::create_dir_all(&d).unwrap();
        std::fs::copy(source(name), d.join("main.go")).unwrap();
        std::fs::write(d.join("go.mod"), "module pgotest\n\ngo 1.22\n").unwrap();
        // (An up-to-date `prog` from an earlier run with the same profile
        // would be kept without replaying the compiler's -m output.)
        let _ = std::fs::remove_file(d.join("prog"));
        let out = ok(
            go_cmd(&go, &d)
                .args(["build", "-gcflags=-m=2", "-o", "prog"])
                .arg(format!("-pgo={}", pgo.display()))
                .arg(".")
                .output()
                .unwrap(),
            "go build -pgo",
        );
        let diag = String::from_utf8_lossy(&out.stderr);
        let devirt: Vec<&str> = diag
            .lines()
            .filter(|l| l.contains("PGO devirtualizing"))
            .collect();
        // The program's sites that ran (-gcflags=-m=2 applies to package
        // main only).
        let sites: Vec<_> = report["sites"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["caller"].as_str().unwrap().starts_with("main.") && s["calls"] != 0)
            .collect();
        assert!(!sites.is_empty());
        for site in sites {
            let top = &site["receivers"][0];
            // Go prints the callee without its package: `(*T0).Apply`, `cube`.
            let callee = go_callee(site, top);
            let callee = callee.strip_prefix("main.").unwrap();
            let at = format!("./main.go:{}:", line_of(site));
            let line = devirt
                .iter()
                .find(|l| l.starts_with(&at))
                .unwrap_or_else(|| panic!("{name} {flag}: Go did not devirtualize {at}:\n{diag}"));
            assert!(
                line.ends_with(&format!(" to {callee}")),
                "{name} {flag}: pgojit's top row is {top}, Go chose: {line}"
            );
        }
        // The PGO build computes what pgojit printed.
        let run = ok(
            Command::new(d.join("prog")).output().unwrap(),
            "the Go binary",
        );
        assert_eq!(String::from_utf8_lossy(&run.stdout), pgojit_out, "{name}");

        // `go tool pprof -top` reads the file and lists the functions.
        let top = ok(
            go_cmd(&go, &d)
                .args(["tool", "pprof", "-top", "-nodefraction=0"])
                .arg(&pgo)
                .output()
                .unwrap(),
            "go tool pprof -top",
        );
        let text = String::from_utf8_lossy(&top.stdout);
        for f in report["functions"].as_array().unwrap() {
            if f["calls"].as_u64().unwrap() > 0 {
                let fname = f["name"].as_str().unwrap();
                let fname = fname.strip_suffix("·iface").unwrap_or(fname);
                assert!(
                    text.lines()
                        .any(|l| l.trim_end().ends_with(&format!(" {fname}"))),
                    "{name}: {fname} not in go tool pprof -top:\n{text}"
                );
            }
        }
    }
}

/// hotcall.go's `run` calls `mix` (cost over Go's inlining budget of 80)
/// on every trip: with pgojit's profile, Go's PGO sees the hot direct call
/// and inlines it (its budget for hot call sites is 2000); without a
/// profile it does not.
#[test]
fn go_pgo_inlines_a_hot_direct_call_from_pgojits_profile() {
    let Some(go) = go() else { return };
    for flag in ["--tier=interp", ""] {
        let flags: Vec<&str> = [flag].into_iter().filter(|f| !f.is_empty()).collect();
        let (report, _, pgo, pgojit_out) = profile("inline", "hotcall", &flags);
        // The call's count: the trips of run's loop (the program's `n`),
        // and mix's own call count (it has no other caller).
        let src = std::fs::read_to_string(source("hotcall")).unwrap();
        let n: u64 = src
            .split("run(")
            .nth(2)
            .and_then(|s| s.split(')').next())
            .and_then(|s| s.parse().ok())
            .expect("main calls run(n)");
        let mix_calls = report["functions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == "main.mix")
            .unwrap()["calls"]
            .as_u64()
            .unwrap();
        assert_eq!(mix_calls, n);
        let e = report["direct_calls"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["caller"] == "main.run" && e["callee"] == "main.mix")
            .unwrap_or_else(|| panic!("no direct call main.run -> main.mix in {report}"))
            .clone();
        assert_eq!(e["calls"].as_u64(), Some(n), "{flag}: {e}");
        let at = format!("./main.go:{}:", line_of(&e));

        let d = scratch(&format!("inline/hotcall{flag}/gomod"));
        std::fs::create_dir_all(&d).unwrap();
        std::fs::copy(source("hotcall"), d.join("main.go")).unwrap();
        std::fs::write(d.join("go.mod"), "module pgotest\n\ngo 1.22\n").unwrap();
        let build = |pgo_flag: String| {
            // (Else an up-to-date `prog` is kept without the -m output.)
            let _ = std::fs::remove_file(d.join("prog"));
            let out = ok(
                go_cmd(&go, &d)
                    .args(["build", "-gcflags=-m=2", "-o", "prog", &pgo_flag, "."])
                    .output()
                    .unwrap(),
                "go build",
            );
            String::from_utf8_lossy(&out.stderr).into_owned()
        };
        // (-pgo=off: not even a default.pgo beside the source.)
        let plain = build("-pgo=off".into());
        assert!(
            plain.contains("cannot inline mix: function too complex"),
            "without a profile mix is over the budget:\n{plain}"
        );
        assert!(!plain.contains("inlining call to mix"), "{plain}");
        let with = build(format!("-pgo={}", pgo.display()));
        assert!(
            with.lines()
                .any(|l| l.starts_with(&at) && l.ends_with("inlining call to mix")),
            "{flag}: Go's PGO did not inline the hot call at {at}:\n{with}"
        );
        let run = ok(
            Command::new(d.join("prog")).output().unwrap(),
            "the Go binary",
        );
        assert_eq!(String::from_utf8_lossy(&run.stdout), pgojit_out);
    }
}
