//! The differential runner: each generated program runs with
//! `--tier=interp` (the reference) and once per mode; stdout, the exit
//! status, the first line of stderr and a panic's traceback (frame by
//! frame: function and line) must agree. With `go`, the program
//! is also built with Go and compared with the interpreter. A difference,
//! crash or timeout saves the program and a report under `keep`.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The modes every program runs in (`{seed}` is replaced by the program's
/// seed). Modes with `--max-steps` are compared with the interpreter under
/// the same limit.
pub const MODES: &[&str] = &[
    "--tier=jit",
    "--tier=opt",
    "--tier=opt --max-steps={steps}",
    "--opt-at-tier-up --hot-calls=2 --hot-loops=10 --jit-sync --min-site-calls=1 --verify-guards",
    "--opt-at-tier-up --stress-mode=flip=7 --seed={seed} --hot-calls=2 --hot-loops=10 --min-site-calls=1 --jit-sync --miss-window=50 --verify-guards",
    "--opt-at-tier-up --hot-calls=2 --hot-loops=10 --jit-sync --min-site-calls=1 --max-steps={steps}",
    "--opt-after=20 --hot-calls=2 --hot-loops=10 --jit-sync --min-site-calls=1 --verify-guards",
    "--opt-after=20 --hot-calls=2 --hot-loops=10 --min-site-calls=1 --max-steps={steps}",
    "--tier=auto --hot-calls=2 --hot-loops=10",
    "--tier=auto --hot-calls=2 --hot-loops=10 --jit-sync --min-site-calls=1 --verify-guards",
    "--tier=auto --hot-calls=2 --hot-loops=10 --jit-sync --min-site-calls=1 --no-inline --no-regs",
    "--tier=auto --hot-calls=50 --hot-loops=500 --jit-sync",
    "--stress-mode=force-miss --hot-calls=2 --hot-loops=10 --min-site-calls=1 --jit-sync --verify-guards",
    "--stress-mode=random-miss=0.3 --seed={seed} --hot-calls=2 --hot-loops=10 --min-site-calls=1 --verify-guards",
    "--stress-mode=poison --seed={seed} --hot-calls=2 --hot-loops=10 --min-site-calls=1 --jit-sync --verify-guards",
    "--stress-mode=flip=7 --seed={seed} --hot-calls=2 --hot-loops=10 --min-site-calls=1 --jit-sync --miss-window=50 --verify-guards",
    "--copies=2 --hot-calls=2 --hot-loops=10 --min-site-calls=1",
    // Real recompilation decisions: tiny miss windows, a low miss ratio.
    "--hot-calls=2 --hot-loops=10 --min-site-calls=1 --jit-sync --miss-window=16 --miss-ratio=0.1 --verify-guards",
    "--tier=jit --max-steps={steps}",
    "--hot-calls=2 --hot-loops=10 --jit-sync --min-site-calls=1 --max-steps={steps}",
];

/// Every this many seeds, also `--gc-stress` (it is slow).
pub const GC_STRESS_EVERY: u64 = 8;

/// When `diff` compares with real Go.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoMode {
    Auto,
    Always,
    Never,
}

/// What `pgojit-fuzz diff` does.
#[derive(clap::Args, Clone, Debug)]
pub struct DiffArgs {
    /// How many seeds.
    #[arg(long, default_value_t = 100)]
    pub seeds: u64,
    /// The first seed.
    #[arg(long, default_value_t = 1)]
    pub start: u64,
    /// Programs run in parallel.
    #[arg(long, default_value_t = 2)]
    pub jobs: usize,
    /// The pgojit binary.
    #[arg(long, default_value = "target/release/pgojit")]
    pub pgojit: PathBuf,
    /// Seconds per run before it counts as a hang.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    /// Where failing programs and their reports go.
    #[arg(long, default_value = "target/fuzz-failures")]
    pub keep: PathBuf,
    /// Compare with real Go (`go` on PATH, $GO, or the go-oracle venv):
    /// `auto` when one is installed, `always` (an error without one), or
    /// `never`.
    #[arg(long, value_enum, default_value_t = GoMode::Auto)]
    pub go: GoMode,
    /// Build and run with Go only every this many seeds (a Go build takes
    /// longer than all of pgojit's modes together).
    #[arg(long, default_value_t = 10)]
    pub go_every: u64,
    /// Replace the default modes (each a whitespace-separated argument list).
    #[arg(long)]
    pub mode: Vec<String>,
    /// Print every program's result.
    #[arg(long)]
    pub verbose: bool,
}

/// What a run showed.
#[derive(Clone, PartialEq, Eq, Debug)]
struct Seen {
    /// Exit code, or `signal N`, or `timeout`.
    status: String,
    stdout: Vec<u8>,
    stderr1: String,
    /// A panic's traceback ([`traceback`], without file names: Go's
    /// copy of the program has another).
    trace: String,
}

/// A panic's traceback in a stderr text (after `goroutine 1 [running]:`),
/// as the tests compare pgojit's with Go's: per frame, the function
/// without its argument list and the file's base name (with `files`) and
/// line (`main.(*T).get a.go:8`), so that arguments, directories and code
/// offsets (`+0x1d`), which differ between Go and pgojit, are left out;
/// Go's elision line as it is. Frames of Go's generated functions (a
/// struct type's hash function, `<autogenerated>`) are left out: pgojit
/// has none of them. So are the standard library's frames (and `created
/// by` lines): pgojit's library is its own code, with other functions
/// and lines than Go's.
pub fn traceback(stderr: &str, files: bool) -> String {
    let mut out = String::new();
    let mut on = false;
    let mut func = String::new();
    for l in stderr.lines() {
        if let Some(head) = goroutine_header(l) {
            on = true;
            // (`goroutine 1 [running]:`, the common case, is implied.)
            if head != "goroutine 1 [running]:" {
                out.push_str(&head);
                out.push('\n');
            }
            continue;
        }
        if !on {
            continue;
        }
        if l.is_empty() {
            on = false;
        } else if l.starts_with("...") && l.ends_with(" frames elided...") {
            out.push_str(l);
            out.push('\n');
        } else if let Some(loc) = l.strip_prefix('\t') {
            let loc = loc.split_whitespace().next().unwrap_or("");
            if loc.starts_with("<autogenerated>") || in_std(func.trim_start_matches("created by "))
            {
                continue;
            }
            let loc = loc.rsplit('/').next().unwrap_or(loc);
            let loc = if files {
                loc
            } else {
                loc.rsplit_once(':').map_or(loc, |(_, line)| line)
            };
            out.push_str(&func);
            out.push(' ');
            out.push_str(loc);
            out.push('\n');
        } else if let Some(by) = l.strip_prefix("created by ") {
            // Goroutine numbers other than main's are the runtime's to give.
            let by = match by.rsplit_once(" in goroutine ") {
                Some((f, "1")) => format!("{f} in goroutine 1"),
                Some((f, _)) => format!("{f} in goroutine N"),
                None => by.to_string(),
            };
            func = format!("created by {by}");
        } else {
            func = match (l.rfind('('), l.ends_with(')')) {
                (Some(i), true) if !l[i + 1..l.len() - 1].contains(['(', ')']) => {
                    l[..i].to_string()
                }
                _ => l.to_string(),
            };
        }
    }
    out
}

/// Whether function `f` (as a traceback names it: `sync.(*Mutex).Lock`,
/// `example.com/m/geom.Area`, `main.main`, `panic`) belongs to the
/// standard library: its package path's first element has no dot, and it
/// is not `main`.
pub fn in_std(f: &str) -> bool {
    let f = f.split(" in goroutine ").next().unwrap_or(f);
    let (dir, rest) = match f.rfind('/') {
        Some(i) => (&f[..=i], &f[i + 1..]),
        None => ("", f),
    };
    let Some(dot) = rest.find('.') else {
        return false; // `panic`: no package
    };
    let pkg = format!("{dir}{}", &rest[..dot]);
    pkg != "main" && !pkg.split('/').next().unwrap_or("").contains('.')
}

/// A traceback's `goroutine N [status]:` line, with any number but main's
/// (1) as `N`.
fn goroutine_header(l: &str) -> Option<String> {
    let rest = l.strip_prefix("goroutine ")?;
    let (n, status) = rest.split_once(' ')?;
    if !n.bytes().all(|b| b.is_ascii_digit()) || !status.starts_with('[') || !status.ends_with("]:")
    {
        return None;
    }
    let n = if n == "1" { "1" } else { "N" };
    Some(format!("goroutine {n} {status}"))
}

impl Seen {
    fn show(&self) -> String {
        let out = String::from_utf8_lossy(&self.stdout);
        let tail: String = if out.len() > 2000 {
            format!("...{}", &out[out.len() - 2000..])
        } else {
            out.into_owned()
        };
        format!(
            "status {}\nstderr: {}\ntraceback:\n{}stdout:\n{}",
            self.status, self.stderr1, self.trace, tail
        )
    }
}

/// Runs `cmd` with a time limit, its output going to files in `dir`.
fn run(mut cmd: Command, dir: &Path, timeout: Duration) -> Seen {
    let (o, e) = (dir.join("out"), dir.join("err"));
    cmd.stdin(Stdio::null())
        .stdout(fs::File::create(&o).expect("stdout file"))
        .stderr(fs::File::create(&e).expect("stderr file"));
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(err) => {
            return Seen {
                status: format!("spawn failed: {err}"),
                stdout: Vec::new(),
                stderr1: String::new(),
                trace: String::new(),
            }
        }
    };
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break Some(s),
            Ok(None) if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(1)),
            Err(_) => break None,
        }
    };
    let status = match status {
        None => "timeout".to_string(),
        Some(s) => match s.code() {
            Some(c) => c.to_string(),
            None => {
                use std::os::unix::process::ExitStatusExt;
                format!("signal {}", s.signal().unwrap_or(0))
            }
        },
    };
    let stderr = fs::read(&e).unwrap_or_default();
    Seen {
        status,
        stdout: fs::read(&o).unwrap_or_default(),
        stderr1: String::from_utf8_lossy(&stderr)
            .lines()
            .next()
            .unwrap_or("")
            .to_string(),
        trace: traceback(&String::from_utf8_lossy(&stderr), false),
    }
}

fn find_go() -> Option<PathBuf> {
    if let Some(g) = std::env::var_os("GO") {
        return Some(g.into());
    }
    if Command::new("go")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return Some("go".into());
    }
    let home = std::env::var_os("HOME")?;
    let venv = Path::new(&home).join(".cache/go-oracle-venv/bin/go");
    venv.exists().then_some(venv)
}

/// Builds `file` with Go in `dir` and runs it.
fn run_go(go: &Path, file: &Path, dir: &Path, timeout: Duration) -> Result<Seen, String> {
    let m = dir.join("gomod");
    fs::create_dir_all(&m).map_err(|e| e.to_string())?;
    fs::write(m.join("go.mod"), "module fuzz\n\ngo 1.27\n").map_err(|e| e.to_string())?;
    fs::copy(file, m.join("main.go")).map_err(|e| e.to_string())?;
    let out = Command::new(go)
        .args(["build", "-o", "prog", "."])
        .current_dir(&m)
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "-mod=mod")
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!(
            "go build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(run(Command::new(m.join("prog")), dir, timeout))
}

struct Totals {
    programs: AtomicU64,
    runs: AtomicU64,
    failures: Mutex<Vec<String>>,
    panicked: AtomicU64,
    go_checked: AtomicU64,
}

/// What a `diff` run found.
#[derive(Debug)]
pub struct Report {
    pub first_seed: u64,
    pub last_seed: u64,
    pub programs: u64,
    /// Programs whose reference run ended in a Go panic (exit 2).
    pub panicked: u64,
    pub runs: u64,
    pub go_checked: u64,
    /// One line per failing seed (details in `keep`).
    pub failures: Vec<String>,
    pub seconds: f64,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        writeln!(
            f,
            "pgojit-fuzz: seeds {}..={}: {} programs ({} ended in a Go panic), {} runs, {} compared with Go, {} failures, {:.1} s",
            self.first_seed,
            self.last_seed,
            self.programs,
            self.panicked,
            self.runs,
            self.go_checked,
            self.failures.len(),
            self.seconds
        )?;
        for l in &self.failures {
            writeln!(f, "  {l}")?;
        }
        Ok(())
    }
}

static RUN_ID: AtomicUsize = AtomicUsize::new(0);

/// Runs the seeds through every mode.
pub fn diff(a: &DiffArgs) -> Result<Report, String> {
    let pgojit = fs::canonicalize(&a.pgojit).map_err(|e| {
        format!(
            "{}: {e} (build it: cargo build --release)",
            a.pgojit.display()
        )
    })?;
    let go = match a.go {
        GoMode::Never => None,
        GoMode::Auto => find_go(),
        GoMode::Always => Some(find_go().ok_or(
            "--go=always: no Go toolchain found (PATH, $GO, ~/.cache/go-oracle-venv)".to_string(),
        )?),
    };
    let modes: Vec<String> = if a.mode.is_empty() {
        MODES.iter().map(|m| m.to_string()).collect()
    } else {
        a.mode.clone()
    };
    let work = std::env::temp_dir().join(format!(
        "pgojit-fuzz-{}-{}",
        std::process::id(),
        RUN_ID.fetch_add(1, Ordering::Relaxed)
    ));
    fs::create_dir_all(&work).expect("work directory");
    let next = AtomicU64::new(a.start);
    let end = a.start + a.seeds;
    let totals = Totals {
        programs: AtomicU64::new(0),
        runs: AtomicU64::new(0),
        failures: Mutex::new(Vec::new()),
        panicked: AtomicU64::new(0),
        go_checked: AtomicU64::new(0),
    };
    let started = Instant::now();
    let done = AtomicUsize::new(0);
    let timeout = Duration::from_secs(a.timeout);
    std::thread::scope(|s| {
        for w in 0..a.jobs.max(1) {
            let (next, totals, modes, work, pgojit, go, done) =
                (&next, &totals, &modes, &work, &pgojit, &go, &done);
            s.spawn(move || {
                let dir = work.join(format!("w{w}"));
                fs::create_dir_all(&dir).expect("worker directory");
                loop {
                    let seed = next.fetch_add(1, Ordering::Relaxed);
                    if seed >= end {
                        break;
                    }
                    one_seed(seed, a, pgojit, go.as_deref(), modes, &dir, timeout, totals);
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    if n % 500 == 0 {
                        eprintln!(
                            "pgojit-fuzz: {n} programs, {} failures, {:.0} s",
                            totals.failures.lock().unwrap().len(),
                            started.elapsed().as_secs_f64()
                        );
                    }
                }
            });
        }
    });
    let _ = fs::remove_dir_all(&work);
    let failures = std::mem::take(&mut *totals.failures.lock().unwrap());
    Ok(Report {
        first_seed: a.start,
        last_seed: end - 1,
        programs: totals.programs.load(Ordering::Relaxed),
        panicked: totals.panicked.load(Ordering::Relaxed),
        runs: totals.runs.load(Ordering::Relaxed),
        go_checked: totals.go_checked.load(Ordering::Relaxed),
        failures,
        seconds: started.elapsed().as_secs_f64(),
    })
}

#[allow(clippy::too_many_arguments)]
fn one_seed(
    seed: u64,
    a: &DiffArgs,
    pgojit: &Path,
    go: Option<&Path>,
    modes: &[String],
    dir: &Path,
    timeout: Duration,
    totals: &Totals,
) {
    let src = crate::generate(seed);
    let file = dir.join(format!("seed{seed}.go"));
    fs::write(&file, &src).expect("program file");
    let pg = |args: &[String]| {
        let mut c = Command::new(pgojit);
        c.arg("run").args(args).arg(&file);
        totals.runs.fetch_add(1, Ordering::Relaxed);
        run(c, dir, timeout)
    };
    let mut refs: HashMap<String, Seen> = HashMap::new();
    let reference = pg(&["--tier=interp".to_string()]);
    totals.programs.fetch_add(1, Ordering::Relaxed);
    if reference.status == "2" {
        totals.panicked.fetch_add(1, Ordering::Relaxed);
    }
    let mut problems = Vec::new();
    if reference.status != "0" && reference.status != "2" {
        problems.push(format!("--tier=interp itself: {}", reference.show()));
    }
    // Steps: a limit somewhere inside the run, different for each seed.
    let steps = 50 + seed.wrapping_mul(2_654_435_761) % 20_000;
    let mut all: Vec<String> = modes.to_vec();
    if seed.is_multiple_of(GC_STRESS_EVERY) {
        all.push("--tier=auto --hot-calls=2 --hot-loops=10 --jit-sync --gc-stress".into());
    }
    for m in &all {
        let m = m
            .replace("{seed}", &seed.to_string())
            .replace("{steps}", &steps.to_string());
        let args: Vec<String> = m.split_whitespace().map(String::from).collect();
        let want = match args.iter().find(|x| x.starts_with("--max-steps=")) {
            Some(limit) => refs
                .entry(limit.clone())
                .or_insert_with(|| pg(&["--tier=interp".to_string(), limit.clone()]))
                .clone(),
            None => reference.clone(),
        };
        let got = pg(&args);
        if got != want {
            problems.push(format!(
                "mode [{m}]\n--- interpreter\n{}\n--- this mode\n{}",
                want.show(),
                got.show()
            ));
        }
    }
    if let Some(go) = go.filter(|_| seed.is_multiple_of(a.go_every.max(1))) {
        totals.go_checked.fetch_add(1, Ordering::Relaxed);
        match run_go(go, &file, dir, timeout) {
            Ok(g) => {
                if g != reference {
                    problems.push(format!(
                        "real Go vs --tier=interp\n--- go\n{}\n--- interpreter\n{}",
                        g.show(),
                        reference.show()
                    ));
                }
            }
            Err(e) => problems.push(format!("real Go: {e}")),
        }
    }
    if a.verbose {
        eprintln!(
            "seed {seed}: status {} {}",
            reference.status,
            if problems.is_empty() { "ok" } else { "FAIL" }
        );
    }
    if !problems.is_empty() {
        let _ = fs::create_dir_all(&a.keep);
        let keep_go = a.keep.join(format!("seed{seed}.go"));
        let _ = fs::write(&keep_go, &src);
        let _ = fs::write(
            a.keep.join(format!("seed{seed}.txt")),
            problems.join("\n\n"),
        );
        let first = problems[0].lines().next().unwrap_or("").to_string();
        totals.failures.lock().unwrap().push(format!(
            "seed {seed}: {} difference(s), first: {first} (see {})",
            problems.len(),
            keep_go.display()
        ));
    }
}
