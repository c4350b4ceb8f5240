//! The optimizing tier's SSA graphs (`src/opt/`).
//!
//! Golden graphs: each `tests/ir/NAME.go`, and each `tests/programs/NAME.go`
//! that has such lines, names the functions to print in its leading
//! comments (`// ir: main.run`, one per line); their `pgojit disasm --ir
//! --func F` output goes to `tests/ir/NAME.txt`, and `PGOJIT_BLESS=1 cargo
//! test --release --test ir` rewrites it. (A program of `tests/programs`
//! is also run in every mode against Go's output.)
//!
//! The sweep: the graph of every function of every program under
//! `tests/programs/`, `benches/workloads/`, `benches/programs/` and
//! `../shared/bench/` (when it exists) builds and passes the verifier.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn go_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "go"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// The functions a golden file names in its leading comments.
fn ir_funcs(src: &str) -> Vec<&str> {
    src.lines()
        .take_while(|l| l.starts_with("//"))
        .filter_map(|l| l.strip_prefix("// ir:"))
        .map(str::trim)
        .collect()
}

/// The graph text of the functions a golden file names.
fn golden_text(file: &Path) -> String {
    let src = std::fs::read_to_string(file).expect("read");
    let funcs = ir_funcs(&src);
    assert!(!funcs.is_empty(), "{}: no `// ir:` line", file.display());
    let mut out = String::new();
    for f in funcs {
        let o = Command::new(env!("CARGO_BIN_EXE_pgojit"))
            .args(["disasm", "--ir", "--tier=interp", "--func", f])
            .arg(file)
            .output()
            .expect("run pgojit");
        assert!(o.status.success(), "{}: {f}: {o:?}", file.display());
        let text = String::from_utf8_lossy(&o.stdout);
        // The program's own output comes first.
        let at = text.find("fn ").unwrap_or(text.len());
        // (Positions in decision lines name the file as it was passed.)
        let g = text[at..].replace(
            &format!("{}:", file.display()),
            &format!(
                "{}:",
                file.file_name().and_then(|n| n.to_str()).unwrap_or("")
            ),
        );
        let g = g.as_str();
        assert!(!g.contains("no graph"), "{}: {g}", file.display());
        out.push_str(g);
    }
    out
}

#[test]
fn golden_graphs() {
    let bless = std::env::var_os("PGOJIT_BLESS").is_some();
    let mut files = go_files(&root().join("tests/ir"));
    files.extend(
        go_files(&root().join("tests/programs"))
            .into_iter()
            .filter(|f| !ir_funcs(&std::fs::read_to_string(f).unwrap_or_default()).is_empty()),
    );
    assert!(!files.is_empty());
    let mut diffs = Vec::new();
    for f in files {
        let got = golden_text(&f);
        let want_path = root()
            .join("tests/ir")
            .join(f.file_name().expect("a file"))
            .with_extension("txt");
        if bless {
            std::fs::write(&want_path, &got).expect("write");
            continue;
        }
        let want = std::fs::read_to_string(&want_path).unwrap_or_default();
        if got != want {
            diffs.push(format!(
                "{} differs (PGOJIT_BLESS=1 to accept):\n--- want\n{want}\n--- got\n{got}",
                want_path.display()
            ));
        }
    }
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

#[test]
fn every_function_of_the_corpus_builds_and_verifies() {
    let mut files = go_files(&root().join("tests/programs"));
    files.extend(go_files(&root().join("benches/workloads")));
    files.extend(go_files(&root().join("benches/programs")));
    files.extend(go_files(&root().join("../shared/bench")));
    let (mut progs, mut funcs, mut failures) = (0, 0, Vec::new());
    let mut refused: Vec<String> = Vec::new();
    for file in &files {
        let src = std::fs::read(file).expect("read");
        let name = file.display().to_string();
        let Ok(prog) = pgojit::driver::compile(&src, &name) else {
            continue; // a compile-error test
        };
        progs += 1;
        for i in 0..prog.funcs.len() {
            funcs += 1;
            let id = pgojit_profiler::FuncId(i as u32);
            match pgojit::opt::graph_of(&prog, id) {
                // (Refused on purpose: such a function keeps its baseline
                // code.)
                Err(e)
                    if e.starts_with("irreducible control flow")
                        || e.starts_with("a deferred-call frame") =>
                {
                    refused.push(prog.funcs[i].name.to_string());
                }
                Err(e) => failures.push(format!("{name}: {}: {e}", prog.funcs[i].name)),
                Ok(_) => {}
            }
        }
    }
    eprintln!("{funcs} functions of {progs} programs");
    assert!(progs > 50, "the corpus is there");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // goto_basic.go's loop entered in the middle, and nothing else.
    refused.retain(|n| !n.ends_with("·defers"));
    assert_eq!(refused, ["main.irreducible"], "{refused:?}");
}
