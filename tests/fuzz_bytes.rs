//! Hostile input, bounded (the cargo-fuzz targets in `fuzz/` run the same
//! checks for as long as one likes): thousands of seeded mutations of the
//! test programs (bytes flipped, spans deleted, duplicated or spliced from
//! other programs, Go tokens inserted, truncation) must never make the
//! front end panic, hang or fail without `file:line:col`; those that still
//! compile run under `--max-steps`, `--heap-limit` and `--max-stack` in the
//! interpreter and the JIT, which must exit with a documented code, never
//! panic or crash, and agree. `PGOJIT_FUZZ_SEED` and `PGOJIT_FUZZ_MUTANTS`
//! run other and more mutants than CI's.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const TOKENS: &[&str] = &[
    "func",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "...",
    ":=",
    "=",
    "<<",
    ">>",
    "&^",
    "interface{}",
    "nil",
    "go",
    "defer",
    "map[int]",
    "chan",
    "0x",
    "1e309",
    "\"",
    "'",
    "`",
    "/*",
    "//",
    "\n",
    "range",
    "type",
    "struct{",
    ".",
    ",",
    ";",
    "*",
    "&",
    "<-",
    "iota",
    "-9223372036854775808",
    "99999999999999999999",
    "switch",
    "case",
    "default:",
    "fallthrough",
    "break",
    "continue",
    "return",
    "var",
    "const",
    "for",
    "if",
    "else",
    "x",
    "main",
    "fmt.Println(",
    "panic(",
    "'\\",
    "\"\\x",
    "0b",
    "0o",
    "1_000",
    "._",
    "string(",
    "[]byte(",
    "append(",
    "make([]int, ",
    ".(type)",
    "T{",
    "&T{",
    "len(",
    "uint8(",
    "float64(",
    "%",
    "/",
    "L:",
    "goto",
];

fn corpus() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/programs", "tests/jit", "tests/unsupported"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "go") {
                files.push(p);
            }
        }
    }
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

fn mutate(rng: &mut Pcg64, corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut v = corpus[rng.gen_range(0..corpus.len())].clone();
    // Mostly one edit; line- and number-level edits keep many mutants
    // compiling, so they reach the tiers.
    let edits = if rng.gen_bool(0.6) {
        1
    } else {
        rng.gen_range(2..=4)
    };
    for _ in 0..edits {
        if rng.gen_bool(0.5) {
            v = mutate_lines(rng, &v);
            continue;
        }
        let n = v.len().max(1);
        let at = rng.gen_range(0..n).min(v.len());
        match rng.gen_range(0..6) {
            0 if !v.is_empty() => {
                let i = at.min(v.len() - 1);
                v[i] = rng.gen();
            }
            1 => {
                let end = (at + rng.gen_range(1..40)).min(v.len());
                v.drain(at..end);
            }
            2 => {
                let end = (at + rng.gen_range(1..60)).min(v.len());
                let span = v[at..end].to_vec();
                v.splice(at..at, span);
            }
            3 => {
                let t = TOKENS[rng.gen_range(0..TOKENS.len())];
                v.splice(at..at, t.bytes());
            }
            4 => {
                let other = &corpus[rng.gen_range(0..corpus.len())];
                let o = rng.gen_range(0..other.len().max(1)).min(other.len());
                let end = (o + rng.gen_range(1..200)).min(other.len());
                let cut = (at + rng.gen_range(0..100)).min(v.len());
                v.splice(at..cut, other[o..end].iter().copied());
            }
            _ => v.truncate(at),
        }
    }
    v
}

/// Deletes, duplicates or swaps whole lines, or swaps a number for an
/// edge value.
fn mutate_lines(rng: &mut Pcg64, v: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(v).into_owned();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    if lines.is_empty() {
        return v.to_vec();
    }
    let i = rng.gen_range(0..lines.len());
    match rng.gen_range(0..4) {
        0 => {
            lines.remove(i);
        }
        1 => {
            let l = lines[i].clone();
            lines.insert(i, l);
        }
        2 => {
            let j = rng.gen_range(0..lines.len());
            lines.swap(i, j);
        }
        _ => {
            const EDGES: &[&str] = &[
                "0",
                "-1",
                "1",
                "63",
                "64",
                "255",
                "256",
                "-128",
                "2147483647",
                "-2147483648",
                "9223372036854775807",
                "1<<62",
                "1000000",
                "7",
            ];
            let l = &lines[i];
            if let Some(p) = l.find(|c: char| c.is_ascii_digit()) {
                let end = l[p..]
                    .find(|c: char| !c.is_ascii_digit())
                    .map_or(l.len(), |e| p + e);
                let e = EDGES[rng.gen_range(0..EDGES.len())];
                lines[i] = format!("{}{e}{}", &l[..p], &l[end..]);
            }
        }
    }
    (lines.join("\n") + "\n").into_bytes()
}

/// Compiles on a thread with the command line's stack; `None` on a hang.
fn compile(src: Vec<u8>) -> Option<Result<Result<(), String>, String>> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let r = std::panic::catch_unwind(|| {
                pgojit::driver::compile(&src, "fuzz.go")
                    .map(|_| ())
                    .map_err(|e| e.render("fuzz.go"))
            });
            let _ = tx.send(r.map_err(|p| {
                p.downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default()
            }));
        })
        .unwrap();
    rx.recv_timeout(Duration::from_secs(20)).ok()
}

/// `panic(v)` of a struct prints its address, as Go does
/// (`panic: (main.T) 0xc000012345`), and printing a pointer does:
/// addresses differ from run to run.
fn without_addresses(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(p) = rest.find("0x") {
        out.push_str(&rest[..p]);
        out.push_str("0x?");
        rest = rest[p + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

/// (exit status, stdout, first stderr line) of a limited run.
fn run(file: &Path, mode: &[&str]) -> (String, Vec<u8>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pgojit"))
        .arg("run")
        .args(mode)
        .args(["--max-steps=200000", "--heap-limit=256M", "--max-stack=16M"])
        // (The same map orders in every tier: a mutant's output may
        // follow them.)
        .arg("--map-seed=1")
        .arg(file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (out, err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let ro = std::thread::spawn(move || std::io::read_to_string(out).unwrap_or_default());
    let re = std::thread::spawn(move || std::io::read_to_string(err).unwrap_or_default());
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("{} hung in {mode:?}", file.display());
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let (out, err) = (ro.join().unwrap(), re.join().unwrap());
    assert!(
        !err.contains("panicked at") && !err.contains("internal error"),
        "{} in {mode:?}: {err}",
        file.display()
    );
    let code = match status.code() {
        Some(c) => c.to_string(),
        None => panic!("{} crashed in {mode:?}: {status:?}\n{err}", file.display()),
    };
    // (A program that calls os.Exit may end with any code; an internal
    // error is told by its message, checked above.)
    let exits = std::fs::read_to_string(file).is_ok_and(|s| s.contains("os.Exit("));
    assert!(
        exits || ["0", "1", "2", "4"].contains(&code.as_str()),
        "{} exit {code}: {err}",
        file.display()
    );
    (
        code,
        // (A mutant may print a pointer, `%p` or `%v` of one.)
        without_addresses(&out).into_bytes(),
        without_addresses(err.lines().next().unwrap_or("")),
    )
}

/// A runaway recursion under both `--max-steps` and `--max-stack`: the
/// tiers' frames differ in size (optimized frames keep their register
/// save and spill slots in the VM stack), so which of the two limits the
/// harness sets is reached first may differ between tiers; neither is Go's
/// behaviour (its stack limit is 1 GB), and the output up to there agrees.
fn limits_crossed(a: &(String, Vec<u8>, String), b: &(String, Vec<u8>, String)) -> bool {
    let limit = |r: &(String, Vec<u8>, String)| {
        (r.0 == "4" && r.2.starts_with("pgojit: step limit reached"))
            || (r.0 == "2" && r.2.starts_with("runtime: goroutine stack exceeds"))
    };
    let prefix = |x: &[u8], y: &[u8]| y.starts_with(x) || x.starts_with(y);
    limit(a) && limit(b) && a.0 != b.0 && prefix(&a.1, &b.1)
}

#[test]
fn mutated_programs_never_break_the_front_end_or_the_tiers() {
    let corpus = corpus();
    let env = |k: &str, d: u64| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let mut rng = Pcg64::seed_from_u64(env("PGOJIT_FUZZ_SEED", 20261124));
    let mutants = env("PGOJIT_FUZZ_MUTANTS", 10000);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-bytes");
    std::fs::create_dir_all(&dir).unwrap();
    let (mut compiled, mut ran, mut failures) = (0, 0, Vec::new());
    for k in 0..mutants {
        let src = mutate(&mut rng, &corpus);
        let file = dir.join(format!("m{k}.go"));
        match compile(src.clone()) {
            None => {
                std::fs::write(&file, &src).unwrap();
                failures.push(format!("{}: the front end hangs", file.display()));
            }
            Some(Err(panic)) => {
                std::fs::write(&file, &src).unwrap();
                failures.push(format!("{}: the front end panics: {panic}", file.display()));
            }
            Some(Ok(Err(msg))) => {
                let ok = msg.starts_with("fuzz.go:")
                    && msg["fuzz.go:".len()..]
                        .split(':')
                        .take(2)
                        .all(|n| n.trim().parse::<u32>().is_ok());
                if !ok {
                    std::fs::write(&file, &src).unwrap();
                    failures.push(format!(
                        "{}: error without file:line:col: {msg}",
                        file.display()
                    ));
                }
            }
            Some(Ok(Ok(()))) => {
                compiled += 1;
                // Run a bounded share of what compiles, in both tiers.
                if ran < 300 && k % 3 == 0 {
                    ran += 1;
                    std::fs::write(&file, &src).unwrap();
                    let want = run(&file, &["--tier=interp"]);
                    let mut keep = false;
                    for mode in [
                        &["--tier=jit"][..],
                        &[
                            "--hot-calls=2",
                            "--hot-loops=10",
                            "--jit-sync",
                            "--min-site-calls=1",
                            "--verify-guards",
                        ][..],
                    ] {
                        let got = run(&file, mode);
                        if got != want && !limits_crossed(&got, &want) {
                            keep = true;
                            failures.push(format!(
                                "{}: {mode:?} differs from the interpreter: {:?} vs {:?}",
                                file.display(),
                                (&got.0, String::from_utf8_lossy(&got.1), &got.2),
                                (&want.0, String::from_utf8_lossy(&want.1), &want.2)
                            ));
                        }
                    }
                    if !keep {
                        let _ = std::fs::remove_file(&file);
                    }
                }
            }
        }
    }
    eprintln!("{mutants} mutants: {compiled} compiled, {ran} run in three modes");
    assert!(
        compiled > 100 && ran > 50,
        "mutations too destructive: {compiled} compiled, {ran} ran"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
