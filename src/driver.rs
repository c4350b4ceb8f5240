//! From a file name to a result: read, parse, check, lower, run; and the
//! exit codes: 0 ok; 1 compile error, unreadable file or bad usage; 2 Go
//! panic or fatal error (as Go: also stack overflow, `--max-stack`, and
//! out of memory, `--heap-limit`); 3 internal error (a pgojit bug); 4
//! `--max-steps` ran out.

use crate::bytecode::{self, Program};
use crate::diag::CompileError;
use crate::interp::{TierUp, Vm};
use crate::options::{Disasm, ReportFormat, RunOptions, TierMode};
use crate::runtime::panic::Panic;
use pgojit_profiler::FuncId;

pub enum Outcome {
    Ok,
    CompileError,
    Panic,
    Internal,
    Limit,
    /// `os.Exit(code)`.
    Exit(u8),
}

impl Outcome {
    pub fn code(&self) -> u8 {
        match self {
            Outcome::Ok => 0,
            Outcome::CompileError => 1,
            Outcome::Panic => 2,
            Outcome::Internal => 3,
            Outcome::Limit => 4,
            Outcome::Exit(c) => *c,
        }
    }
}

/// Parses, checks and lowers a source text, a program of one file.
pub fn compile(src: &[u8], file_name: &str) -> Result<Program, CompileError> {
    let source = crate::packages::load_file(file_name, src.to_vec()).map_err(|e| match e {
        crate::packages::LoadError::Compile(e, _) => e,
        crate::packages::LoadError::Io(m) => CompileError::new(Default::default(), m),
    })?;
    compile_source(&source)
}

/// Checks and lowers a program's source.
pub fn compile_source(source: &crate::syntax::ast::Source) -> Result<Program, CompileError> {
    let info = crate::types::check::check(source)?;
    let mut prog = bytecode::lower::lower(source, info)?;
    bytecode::peephole::program(&mut prog);
    bytecode::framemap::program(&mut prog);
    // The interpreter's unchecked slot accesses rest on this.
    bytecode::verify::program(&prog)
        .map_err(|e| CompileError::new(Default::default(), format!("internal error: {e}")))?;
    Ok(prog)
}

/// Reads and compiles a program: a `.go` file, or the main package in a
/// directory (`pgojit run .`, as `go run .`).
fn load(path: &str) -> Result<Program, Outcome> {
    let p = std::path::Path::new(path);
    let source = if p.is_dir() {
        crate::packages::load_dir(p)
    } else {
        let src = match std::fs::read(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("pgojit: {path}: {e}");
                return Err(Outcome::CompileError);
            }
        };
        crate::packages::load_file(path, src)
    };
    let source = source.map_err(|e| {
        eprintln!("{}", e.render());
        Outcome::CompileError
    })?;
    compile_source(&source).map_err(|e| {
        let names: Vec<String> = source.files.iter().map(|f| f.name.clone()).collect();
        eprintln!("{}", e.render_in(&names));
        Outcome::CompileError
    })
}

pub fn check_file(path: &str, print_bytecode: bool) -> Outcome {
    match load(path) {
        Ok(p) => {
            if print_bytecode {
                print!("{}", bytecode::print::program(&p));
            }
            Outcome::Ok
        }
        Err(o) => o,
    }
}

/// The profiler's view of a program: its sites, functions and type names.
pub fn new_profile(prog: &Program, width: usize) -> pgojit_profiler::Profile {
    use pgojit_profiler::{FuncInfo, FuncKey, SiteInfo, SiteKey, SiteKind};
    let funcs: Vec<FuncInfo> = prog
        .funcs
        .iter()
        .enumerate()
        .map(|(i, f)| FuncInfo {
            id: FuncId(i as u32),
            name: f.name.clone(),
            key: FuncKey {
                func: f.name.clone(),
                body_hash: prog.func_keys[i].1,
            },
        })
        .collect();
    let sites: Vec<SiteInfo> = prog
        .sites
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let caller = prog.func(s.caller);
            let (start, hash) = prog.func_keys[s.caller.index()];
            SiteInfo {
                id: pgojit_profiler::SiteId(i as u32),
                caller: caller.name.clone(),
                file: prog.file_of(s.pos).to_string(),
                pos: (s.pos.line, s.pos.col),
                iface: s.iface.clone(),
                method: s.method.clone(),
                kind: if s.is_iface {
                    SiteKind::Iface
                } else {
                    SiteKind::Func
                },
                key: SiteKey::new(
                    caller.name.clone(),
                    start,
                    (s.pos.line, s.pos.col),
                    s.method.clone(),
                    hash,
                ),
            }
        })
        .collect();
    let mut p = pgojit_profiler::Profile::new(prog.file_name.clone(), width, sites, funcs);
    for d in prog.descs.iter().flatten() {
        p.set_type_name(pgojit_profiler::TypeId(d.ty.0), d.name.clone());
    }
    p.set_edges(
        prog.edges
            .iter()
            .enumerate()
            .map(|(i, e)| pgojit_profiler::EdgeInfo {
                id: pgojit_profiler::EdgeId(i as u32),
                caller: e.caller,
                file: prog.file_of(e.pos).to_string(),
                pos: (e.pos.line, e.pos.col),
                callee: e.callee,
            })
            .collect(),
    );
    p
}

pub fn run_file(path: &str, opts: &RunOptions) -> Outcome {
    match load(path) {
        Ok(p) => run_program(&p, opts, None),
        Err(o) => o,
    }
}

/// Compiles and runs a source text in this process, its standard output
/// going to `out` (`pgojit run` without a file: fuzzing, embedding).
/// Compile errors and panics are reported on stderr as `run` reports them.
pub fn run_source(
    src: &[u8],
    file_name: &str,
    opts: &RunOptions,
    out: Box<dyn std::io::Write + Send>,
) -> Outcome {
    match compile(src, file_name) {
        Ok(p) => run_program(&p, opts, Some(out)),
        Err(e) => {
            eprintln!("{}", e.render(file_name));
            Outcome::CompileError
        }
    }
}

/// Gives the memory the front end freed (the syntax trees, the checker's
/// tables, the library's sources: about 2 MB for a hello world) back to the
/// system before the program runs, so that a run's peak RSS is its own.
/// glibc keeps freed memory of a thread's arena for reuse; it would stay
/// resident for the whole run. Returns the bytes of code pages released
/// (`release_code_pages`).
fn release_front_end_memory() -> u64 {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of malloc's arenas to the
    // system; it touches no live allocation.
    unsafe {
        libc::malloc_trim(0);
    }
    release_code_pages()
}

/// Unmaps the process's resident read-only file pages: pgojit's own code
/// and constants (4 to 5 MB, most of them the front end's: parser, checker,
/// lowering, the library's Go sources, which the run never touches again)
/// and the shared libraries' (libc, libm). They are clean pages of files:
/// the ones the run does use (interpreter, runtime, compilers) come back
/// from the page cache at their next touch, a minor fault each, and the
/// rest stay in the page cache, counted in no process. Linux frees its
/// `__init` sections after boot for the same reason. A mapping that is
/// writable, or that holds a private (copied-on-write) page, as the RELRO
/// segment does (read-only, but relocated), keeps its pages.
fn release_code_pages() -> u64 {
    #[cfg(target_os = "linux")]
    {
        let Ok(smaps) = std::fs::read_to_string("/proc/self/smaps") else {
            return 0;
        };
        let mut released = 0;
        for (start, end, rss) in clean_file_mappings(&smaps) {
            // SAFETY: [start, end) is a whole mapping of a file, read-only
            // and without private pages (clean_file_mappings): dropping its
            // pages loses nothing, they are read back from the file at
            // their next touch.
            let r = unsafe {
                libc::madvise(
                    start as *mut libc::c_void,
                    (end - start) as usize,
                    libc::MADV_DONTNEED,
                )
            };
            if r == 0 {
                released += rss;
            }
        }
        released
    }
    #[cfg(not(target_os = "linux"))]
    0
}

/// From `/proc/self/smaps`: the file mappings (start, end, resident bytes)
/// that are neither writable nor hold an anonymous (copied-on-write) page.
fn clean_file_mappings(smaps: &str) -> Vec<(u64, u64, u64)> {
    // (start, end, clean file mapping so far, resident bytes)
    let mut maps: Vec<(u64, u64, bool, u64)> = Vec::new();
    for line in smaps.lines() {
        let mut f = line.split_ascii_whitespace();
        let Some(first) = f.next() else { continue };
        let kb = |f: &mut std::str::SplitAsciiWhitespace| {
            f.next().and_then(|v| v.parse::<u64>().ok()).unwrap_or(0) * 1024
        };
        match (first, maps.last_mut()) {
            ("Rss:", Some(m)) => m.3 = kb(&mut f),
            ("Anonymous:", Some(m)) => m.2 &= kb(&mut f) == 0,
            _ => {
                let Some((a, b)) = first.split_once('-') else {
                    continue;
                };
                let (Ok(start), Ok(end)) = (u64::from_str_radix(a, 16), u64::from_str_radix(b, 16))
                else {
                    continue;
                };
                let perms = f.next().unwrap_or("w");
                let inode = f.nth(2).unwrap_or("0");
                maps.push((start, end, !perms.contains('w') && inode != "0", 0));
            }
        }
    }
    maps.into_iter()
        .filter(|m| m.2)
        .map(|m| (m.0, m.1, m.3))
        .collect()
}

fn run_program(
    prog: &Program,
    opts: &RunOptions,
    out: Option<Box<dyn std::io::Write + Send>>,
) -> Outcome {
    let code_released = release_front_end_memory();
    let profile = opts.profile.then(|| new_profile(&prog, opts.policy.width));
    if let (Some(p), Some(path)) = (&profile, &opts.profile_in) {
        match pgojit_profiler::ProfileFile::read(std::path::Path::new(path)) {
            Ok(f) => eprintln!("{}", pgojit_profiler::load_into(p, &f)),
            Err(e) => {
                eprintln!("pgojit: {path}: {e}");
                return Outcome::CompileError;
            }
        }
    }
    let start = std::time::Instant::now();
    // (Copies share the program through the JIT's state, even interpreted.)
    let jit =
        (opts.tier != TierMode::Interp || opts.disasm.is_some() || opts.copies > 1).then(|| {
            let mut jo = opts.jit.clone();
            jo.opt_first |= opts.tier == TierMode::Opt;
            crate::tier::Jit::new(
                &prog,
                profile.as_ref(),
                jo,
                opts.policy.clone(),
                matches!(opts.tier, TierMode::Jit | TierMode::Opt),
                vec![
                    &crate::baseline::Baseline,
                    &crate::opt::compiler::Optimizing,
                ],
            )
        });
    let mut vm = Vm::new(prog);
    vm.args = opts.args.clone();
    if let Some(out) = out {
        vm.capture_output(out);
    }
    vm.profile = profile.as_ref();
    vm.tier = jit
        .as_ref()
        .filter(|_| opts.tier != TierMode::Interp)
        .map(|j| j as &dyn TierUp);
    set_limits(&mut vm, opts);
    let background = jit.as_ref().filter(|j| !j.opts.sync && !j.eager);
    let r = std::thread::scope(|scope| {
        if let Some(j) = background {
            std::thread::Builder::new()
                .name("pgojit-compiler".into())
                .spawn_scoped(scope, || j.worker())
                .expect("spawn the compiler thread");
        }
        let r = if opts.copies > 1 {
            let j = jit.as_ref().expect("copies run with the JIT on");
            run_copies(j, opts, &mut vm)
        } else {
            vm.run_main()
        };
        if let Some(j) = background {
            j.stop();
        }
        r
    });
    vm.flush();
    if let Some(log) = jit.as_ref().and_then(|j| j.events.as_ref()) {
        log.end();
    }
    if let Some(j) = &jit {
        j.flush_miss_runs();
    }
    if let (Some(j), Some(p)) = (&jit, &profile) {
        // Invocations that compiled code ran (its prologues and inlined
        // copies) count toward each function too: the interpreter counted
        // the others, each invocation once at its entry.
        for e in 0..prog.edges.len() {
            let e = pgojit_profiler::EdgeId(e as u32);
            p.add_edge(e, j.counters.edge_calls(e));
        }
        for f in 0..prog.funcs.len() {
            let (calls, loops) = j.counters.func(FuncId(f as u32));
            p.func(FuncId(f as u32)).add(calls, loops);
            // What compiled code saw at each of its sites, beside the
            // interpreter's receiver counts.
            if let Some(code) = j.installed(FuncId(f as u32)) {
                for sh in &code.sites {
                    let (hits, misses, indirect) = j.counters.site(sh.site as usize);
                    let (recompiles, settled, receivers_estimated) = {
                        let st = j.sites.state(sh.site as usize);
                        (st.recompiles, st.settled, st.estimated)
                    };
                    p.set_compiled(
                        pgojit_profiler::SiteId(sh.site),
                        pgojit_profiler::CompiledSite {
                            shape: sh.shape.clone(),
                            // (Every version's hits: a word per target
                            // over the run, as the misses are.)
                            guard_hits: (j.opts.count_guards && sh.guards > 0)
                                .then(|| hits.iter().sum()),
                            guard_misses: misses,
                            indirect_calls: indirect,
                            recompiles,
                            settled,
                            receivers_estimated,
                        },
                    );
                }
            }
        }
        // Sites compiled code counted at that no installed code lists
        // (function-value sites the optimizing tier calls indirectly,
        // sites of retired code): their calls are not the rows', or
        // retired code credited its hits to the rows by their shares.
        for site in 0..prog.sites.len() {
            let id = pgojit_profiler::SiteId(site as u32);
            let (hits, misses, indirect) = j.counters.site(site);
            let (recompiles, settled, receivers_estimated) = {
                let st = j.sites.state(site);
                (st.recompiles, st.settled, st.estimated)
            };
            if p.compiled(id).is_none() && (indirect > 0 || misses > 0 || receivers_estimated) {
                p.set_compiled(
                    id,
                    pgojit_profiler::CompiledSite {
                        shape: if misses == 0 && indirect > 0 {
                            "indirect".into()
                        } else {
                            "retired code".into()
                        },
                        guard_hits: j.opts.count_guards.then(|| hits.iter().sum()),
                        guard_misses: misses,
                        indirect_calls: indirect,
                        recompiles,
                        settled,
                        receivers_estimated,
                    },
                );
            }
        }
    }
    if let (Some(d), Some(j)) = (&opts.disasm, &jit) {
        print_listings(&prog, j, d);
    }
    if let (Some(path), Some(j)) = (&opts.stress_report, &jit) {
        if let Err(e) = crate::stress::write_run_report(prog, j, path) {
            eprintln!("pgojit: --stress-report: {e}");
        }
    }
    if opts.stats {
        if let Some(j) = &jit {
            print_jit_stats(&prog, j, &vm);
        }
        let s = vm.heap.stats();
        let total = start.elapsed();
        eprintln!("pgojit stats:");
        eprintln!("  run time          {:.3} s", total.as_secs_f64());
        eprintln!(
            "  gc collections    {} ({} marked on {} threads)",
            s.collections, s.parallel_collections, vm.heap.gc_threads
        );
        eprintln!(
            "  gc time           {:.3} s ({:.1}% of run time)",
            s.gc_time.as_secs_f64(),
            100.0 * s.gc_time.as_secs_f64() / total.as_secs_f64().max(1e-9)
        );
        let (p50, max) = s.pause_p50_max();
        eprintln!(
            "  gc pauses         p50 {:.3} ms, max {:.3} ms",
            p50.as_secs_f64() * 1e3,
            max.as_secs_f64() * 1e3
        );
        let mark = s.mark_time.as_secs_f64();
        eprintln!(
            "  marking           {:.3} s, {} objects, {} MB ({:.0} MB/s)",
            mark,
            s.marked_objects,
            s.marked_bytes >> 20,
            s.marked_bytes as f64 / 1e6 / mark.max(1e-9)
        );
        eprintln!(
            "  allocated         {} bytes in {} objects ({:.0} MB/s; {} runs of free slots, {:.1} objects each)",
            s.allocated_bytes,
            s.allocated_objects,
            s.allocated_bytes as f64 / 1e6 / total.as_secs_f64().max(1e-9),
            s.runs,
            s.allocated_objects as f64 / s.runs.max(1) as f64
        );
        eprintln!(
            "  freed             {} objects ({} of them released by compiled code after their last use)",
            s.freed_objects + s.released_objects,
            s.released_objects
        );
        eprintln!("  peak heap         {} bytes", s.peak_live_bytes);
        eprintln!("  live after last gc {} bytes", s.last_live_bytes);
        eprintln!("  heap at exit      {} bytes", vm.heap.in_use());
        eprintln!(
            "  arena             {} bytes used at most, {} bytes given back to the system",
            s.arena_bytes, s.scavenged_bytes
        );
        eprintln!(
            "  code pages        {} bytes released after the front end (read back on use)",
            code_released
        );
        if let Some(g) = vm.goroutine_stats() {
            eprintln!(
                "  goroutines        {} started, {} alive at most (main's counted), {} switches",
                g.created, g.max_live, g.switches
            );
        }
    }
    drop(vm);
    if let Some(p) = &profile {
        if let Some(path) = &opts.profile_out {
            if let Err(e) = pgojit_profiler::save(p).write(std::path::Path::new(path)) {
                eprintln!("pgojit: {path}: {e}");
            }
        }
        if let Some(fmt) = opts.report {
            let rep = pgojit_profiler::report(p, &opts.policy);
            let text = match fmt {
                ReportFormat::Text => rep.to_text().into_bytes(),
                ReportFormat::Json => format!("{}\n", rep.to_json()).into_bytes(),
                ReportFormat::Html => rep
                    .to_html(
                        jit.as_ref()
                            .and_then(|j| j.events.as_ref())
                            .map(|l| l.timeline())
                            .as_ref(),
                    )
                    .into_bytes(),
                ReportFormat::Pprof => crate::pprof::export(prog, p),
            };
            // To its file, or to stderr (as `time` and `perf stat` report):
            // never into the program's stdout.
            match &opts.report_out {
                Some(path) => {
                    if let Err(e) = std::fs::write(path, text) {
                        eprintln!("pgojit: {path}: {e}");
                        return Outcome::CompileError;
                    }
                }
                None => {
                    use std::io::Write;
                    let _ = std::io::stdout().flush();
                    let _ = std::io::stderr().write_all(&text);
                }
            }
        }
    }
    match r {
        Ok(()) => Outcome::Ok,
        Err(Panic::Exit(code)) => Outcome::Exit(code as u8),
        Err(p) => {
            report_panic(&p);
            match &p {
                Panic::Limit(_) => Outcome::Limit,
                Panic::Fatal(m) if m.starts_with("internal error") => Outcome::Internal,
                _ => Outcome::Panic,
            }
        }
    }
}

/// The collector's settings and the run's limits.
fn set_limits(vm: &mut Vm, opts: &RunOptions) {
    if let Some(seed) = opts.map_seed {
        vm.map_rng = seed;
    }
    vm.heap.gc_percent = opts.gc_percent;
    vm.heap.stress = opts.gc_stress;
    vm.heap.limit = opts.heap_limit;
    vm.heap.gc_threads = match opts.gc_threads {
        0 => crate::runtime::heap::default_gc_threads(),
        n => n,
    };
    if let Some(n) = opts.max_steps {
        vm.limit_steps(n);
    }
    if let Some(b) = opts.max_stack {
        vm.limit_stack(b);
    }
}

/// A shared byte sink: one copy's standard output.
#[derive(Clone, Default)]
struct Captured(std::sync::Arc<parking_lot::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs `opts.copies` copies of the program on their own threads (each with
/// its own VM, heap, stack and package variables; one profile, itab cache
/// and code for all). Copy 0 runs in `vm`; its output goes to stdout and
/// its panic, if any, is the run's. Copies that end differently are an
/// internal error.
fn run_copies(j: &crate::tier::Jit, opts: &RunOptions, vm: &mut Vm) -> Result<(), Panic> {
    let n = opts.copies as usize;
    let outs: Vec<Captured> = (0..n).map(|_| Captured::default()).collect();
    let errs: Vec<Captured> = (0..n).map(|_| Captured::default()).collect();
    let ending = |r: &Result<(), Panic>| r.as_ref().err().map(|p| p.first_line());
    let (first, others) = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..n)
            .map(|k| {
                let out = outs[k].clone();
                let err = errs[k].clone();
                std::thread::Builder::new()
                    .name(format!("pgojit-copy-{k}"))
                    .stack_size(256 << 20)
                    .spawn_scoped(scope, move || {
                        let mut vm = Vm::new(j.prog);
                        vm.args = opts.args.clone();
                        vm.profile = j.profile;
                        vm.tier = Some(j as &dyn TierUp).filter(|_| opts.tier != TierMode::Interp);
                        set_limits(&mut vm, opts);
                        vm.own_globals();
                        vm.capture_output(Box::new(out));
                        vm.capture_prints(Box::new(err));
                        let r = vm.run_main();
                        vm.flush();
                        ending(&r)
                    })
                    .expect("spawn a copy")
            })
            .collect();
        vm.own_globals();
        vm.capture_output(Box::new(outs[0].clone()));
        vm.capture_prints(Box::new(errs[0].clone()));
        let first = vm.run_main();
        vm.flush();
        let others: Vec<Option<Option<String>>> =
            handles.into_iter().map(|h| h.join().ok()).collect();
        (first, others)
    });
    let texts: Vec<Vec<u8>> = outs.iter().map(|o| o.0.lock().clone()).collect();
    let prints: Vec<Vec<u8>> = errs.iter().map(|o| o.0.lock().clone()).collect();
    {
        use std::io::Write;
        let mut so = std::io::stdout();
        let _ = so.write_all(&texts[0]);
        let _ = so.flush();
        let _ = std::io::stderr().write_all(&prints[0]);
    }
    let want = ending(&first);
    for (k, got) in others.iter().enumerate().map(|(i, g)| (i + 1, g)) {
        if texts[k] != texts[0] || prints[k] != prints[0] || got.as_ref() != Some(&want) {
            return Err(Panic::Fatal(format!(
                "internal error: copy {k} of {n} ended differently from copy 0: {} vs {} bytes of output, {:?} vs {:?}",
                texts[k].len(),
                texts[0].len(),
                got,
                want
            )));
        }
    }
    first
}

/// `pgojit disasm`: listings of the selected functions, compiled now with
/// the run's profile when the run did not compile them.
fn print_listings(prog: &Program, j: &crate::tier::Jit, d: &Disasm) {
    if d.ir {
        print_ir(prog, j, d);
        return;
    }
    let exact = d
        .func
        .as_ref()
        .is_some_and(|n| prog.funcs.iter().any(|f| &f.name == n));
    for (i, f) in prog.funcs.iter().enumerate() {
        let selected = match &d.func {
            None => true,
            Some(n) if exact => &f.name == n,
            Some(n) => f.name.contains(n.as_str()),
        };
        if !selected {
            continue;
        }
        let id = FuncId(i as u32);
        let during = j.ensure_compiled(id);
        let Some(text) = j.listing(id, d.stable) else {
            println!("TEXT {}: not compiled (code memory budget)\n", f.name);
            continue;
        };
        println!(
            "TEXT {} ({})",
            f.name,
            if during {
                "compiled during the run"
            } else {
                "compiled after the run, with its profile"
            }
        );
        println!("{text}");
    }
}

/// `pgojit disasm --ir`: the SSA graph of the selected functions (built
/// and verified after the run; a function whose graph cannot be built or
/// fails the verifier says why), then the graph after devirtualization
/// and inlining with the run's profile, then after the passes.
fn print_ir(prog: &Program, j: &crate::tier::Jit, d: &Disasm) {
    let names = crate::opt::print::ProgramNames::new(prog);
    for (i, f) in prog.funcs.iter().enumerate() {
        if !selected(prog, d, &f.name) {
            continue;
        }
        match crate::opt::build_func(prog, FuncId(i as u32)) {
            Ok(g) => {
                if let Err(e) = crate::opt::verify::verify(&g) {
                    println!("fn {}: the verifier fails: {e}", f.name);
                }
                println!("{}", crate::opt::print::graph(&g, &names));
                match crate::opt::compiler::optimized_graph(j, FuncId(i as u32)) {
                    Ok((inlined, g, trace)) => {
                        println!("; after devirtualization and inlining, with the run's profile:");
                        let (decided, passes): (Vec<_>, Vec<_>) =
                            trace.into_iter().partition(|l| !is_pass_line(l));
                        for line in decided {
                            println!("; {line}");
                        }
                        println!("{}", crate::opt::print::graph(&inlined, &names));
                        println!("; after the passes (what the code generator sees):");
                        for line in passes {
                            println!("; {line}");
                        }
                        println!("{}", crate::opt::print::graph(&g, &names));
                    }
                    Err(e) => println!("; no optimized graph: {e}\n"),
                }
            }
            Err(e) => println!("fn {}: no graph (build: {e})\n", f.name),
        }
    }
}

/// A trace line of the optimizing tier's passes (`main.f: gvn: ...`).
fn is_pass_line(l: &str) -> bool {
    crate::opt::passes::names().any(|p| l.contains(&format!(": {p}: ")))
}

/// Is function `name` one `--func` selects (exactly, when some function
/// has that name, else by substring)?
fn selected(prog: &Program, d: &Disasm, name: &str) -> bool {
    match &d.func {
        None => true,
        Some(n) if prog.funcs.iter().any(|f| &f.name == n) => name == n,
        Some(n) => name.contains(n.as_str()),
    }
}

/// `--stats` for the compiled tier.
fn print_jit_stats(prog: &Program, j: &crate::tier::Jit, vm: &Vm) {
    let st = j.stats.lock().clone();
    eprintln!("pgojit jit stats:");
    eprintln!(
        "  functions compiled {} ({} failed{})",
        st.compiled,
        st.failed,
        if st.budget_exhausted {
            ", code memory budget exhausted: those stay interpreted"
        } else {
            ""
        }
    );
    eprintln!("  code bytes        {}", st.code_bytes);
    let tiers: Vec<String> = st
        .per_tier
        .iter()
        .map(|(t, n, ns)| format!("{}: {n} in {:.3} ms", t.name(), *ns as f64 / 1e6))
        .collect();
    eprintln!(
        "  compile time      {:.3} ms ({})",
        st.compile_ns as f64 / 1e6,
        tiers.join(", ")
    );
    eprintln!("  OSR entries       {}", st.osr_entries);
    eprintln!("  recompilations    {}", st.recompiles.len());
    for r in &st.recompiles {
        eprintln!("    {r}");
    }
    // Time per call of each version of a recompiled site (where
    // measured), the first and last few (`pgojit stress --verbose` has
    // them all).
    for (i, meta) in prog.sites.iter().enumerate() {
        let versions = j.site_versions(i);
        if versions.len() < 2 {
            continue;
        }
        let part = |v: &crate::tier::recompile::SiteVersion| {
            format!("{}: {} calls, {}", v.shape, v.calls, v.timing())
        };
        let n = versions.len();
        let mut parts: Vec<String> = Vec::new();
        for (k, v) in versions.iter().enumerate() {
            if n <= 6 || k < 3 || k >= n - 3 {
                parts.push(part(v));
            } else if k == 3 {
                parts.push(format!("… {} more", n - 6));
            }
        }
        eprintln!(
            "  versions {} {}: {}",
            prog.at(meta.pos),
            meta.text,
            parts.join(" -> ")
        );
    }
    let (mut ic, mut il, mut cc, mut cl) = (0, 0, 0, 0);
    for f in 0..prog.funcs.len() {
        let f = FuncId(f as u32);
        let (a, b) = vm.tier_counts(f);
        let (c, d) = j.counters.func(f);
        ic += a;
        il += b;
        cc += c;
        cl += d;
    }
    eprintln!("  calls             {ic} interpreted, {cc} compiled");
    eprintln!("  loop trips        {il} interpreted, {cl} compiled");
    for f in 0..prog.funcs.len() {
        let Some(code) = j.installed(FuncId(f as u32)) else {
            continue;
        };
        for sh in code.sites.iter().filter(|s| s.guards > 0) {
            let (site, guards) = (sh.site, sh.guards);
            let meta = &prog.sites[site as usize];
            let (hits, misses, _) = j.counters.site(site as usize);
            let hits = if j.opts.count_guards {
                format!(
                    "{} hits",
                    hits[..guards.min(crate::tier::counters::HITS)]
                        .iter()
                        .sum::<u64>()
                )
            } else {
                "hits not counted (--count-guards)".to_string()
            };
            eprintln!(
                "  guard {} {}: {hits}, {misses} misses",
                prog.at(meta.pos),
                meta.text
            );
        }
    }
}

/// `pgojit profile merge A B ... -o OUT`: adds the counts of several runs.
pub fn merge_files(inputs: &[String], out: &str) -> Outcome {
    let mut acc: Option<pgojit_profiler::ProfileFile> = None;
    for path in inputs {
        let f = match pgojit_profiler::ProfileFile::read(std::path::Path::new(path)) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("pgojit: {path}: {e}");
                return Outcome::CompileError;
            }
        };
        acc = Some(match acc {
            None => f,
            Some(a) => pgojit_profiler::merge(&a, &f),
        });
    }
    let Some(merged) = acc else {
        eprintln!("pgojit: profile merge needs at least one input");
        return Outcome::CompileError;
    };
    if let Err(e) = merged.write(std::path::Path::new(out)) {
        eprintln!("pgojit: {out}: {e}");
        return Outcome::CompileError;
    }
    Outcome::Ok
}

fn report_panic(p: &Panic) {
    eprintln!("{}", p.first_line());
    if let Panic::Fatal(m) = p {
        if m.starts_with("runtime: goroutine stack exceeds") {
            eprintln!("fatal error: stack overflow");
        }
    }
    if !p.rest().is_empty() {
        eprintln!("{}", p.rest());
    }
}

#[cfg(test)]
mod tests {
    use super::clean_file_mappings;

    #[test]
    fn only_clean_read_only_file_mappings_are_released() {
        let smaps = "\
55af1e000000-55af1e400000 r-xp 00100000 fe:00 5310853    /usr/bin/pgojit
Size:               4096 kB
Rss:                3876 kB
Anonymous:             0 kB
55af1e400000-55af1e4a0000 r--p 00500000 fe:00 5310853    /usr/bin/pgojit
Size:                640 kB
Rss:                 108 kB
Anonymous:           108 kB
55af1e4a0000-55af1e4a3000 rw-p 00578000 fe:00 5310853    /usr/bin/pgojit
Rss:                  12 kB
Anonymous:            12 kB
7f2ee0000000-7f6ee0000000 rw-p 00000000 00:00 0
Rss:                4176 kB
Anonymous:          4176 kB
7f6f15be1000-7f6f15c09000 r--p 00000000 fe:00 326279     /usr/lib/x86_64-linux-gnu/libc.so.6
Rss:                 152 kB
Anonymous:             0 kB
7ffd1000-7ffd3000 r-xp 00000000 00:00 0                  [vdso]
Rss:                   8 kB
Anonymous:             0 kB
";
        assert_eq!(
            clean_file_mappings(smaps),
            vec![
                (0x55af1e000000, 0x55af1e400000, 3876 * 1024),
                (0x7f6f15be1000, 0x7f6f15c09000, 152 * 1024),
            ]
        );
    }
}
