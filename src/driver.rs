//! From a file name to a result: read, parse, check, lower, run; and the
//! exit codes (0 ok, 1 compile error or unreadable file, 2 Go panic or
//! fatal error, 3 internal error).

use crate::bytecode::{self, Program};
use crate::diag::CompileError;
use crate::interp::Vm;
use crate::runtime::panic::Panic;

pub enum Outcome {
    Ok,
    CompileError,
    Panic,
    Internal,
}

impl Outcome {
    pub fn code(&self) -> u8 {
        match self {
            Outcome::Ok => 0,
            Outcome::CompileError => 1,
            Outcome::Panic => 2,
            Outcome::Internal => 3,
        }
    }
}

/// Parses, checks and lowers a source text.
pub fn compile(src: &[u8], file_name: &str) -> Result<Program, CompileError> {
    let file = crate::syntax::parse(src)?;
    let info = crate::types::check::check(&file)?;
    let prog = bytecode::lower::lower(&file, info, file_name)?;
    // The interpreter's unchecked slot accesses rest on this.
    bytecode::verify::program(&prog)
        .map_err(|e| CompileError::new(Default::default(), format!("internal error: {e}")))?;
    Ok(prog)
}

fn load(path: &str) -> Result<Program, Outcome> {
    let src = match std::fs::read(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("pgojit: {path}: {e}");
            return Err(Outcome::CompileError);
        }
    };
    compile(&src, path).map_err(|e| {
        eprintln!("{}", e.render(path));
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

/// How to run a program.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// GOGC: the heap grows this much (percent) over the live heap between collections.
    pub gc_percent: u64,
    /// Stop with Go's out-of-memory error past this many live bytes.
    pub heap_limit: Option<u64>,
    /// Collect at every allocation.
    pub gc_stress: bool,
    /// Print statistics to stderr at exit.
    pub stats: bool,
}

pub fn run_file(path: &str, opts: &RunOptions) -> Outcome {
    let prog = match load(path) {
        Ok(p) => p,
        Err(o) => return o,
    };
    let start = std::time::Instant::now();
    let mut vm = Vm::new(&prog);
    vm.heap.gc_percent = opts.gc_percent;
    vm.heap.stress = opts.gc_stress;
    vm.heap.limit = opts.heap_limit;
    let r = vm.run_main();
    vm.flush();
    if opts.stats {
        let s = vm.heap.stats;
        let total = start.elapsed();
        eprintln!("pgojit stats:");
        eprintln!("  run time          {:.3} s", total.as_secs_f64());
        eprintln!("  gc collections    {}", s.collections);
        eprintln!(
            "  gc time           {:.3} s ({:.1}% of run time)",
            s.gc_time.as_secs_f64(),
            100.0 * s.gc_time.as_secs_f64() / total.as_secs_f64().max(1e-9)
        );
        eprintln!(
            "  allocated         {} bytes in {} objects",
            s.allocated_bytes, s.allocated_objects
        );
        eprintln!("  freed             {} objects", s.freed_objects);
        eprintln!("  peak heap         {} bytes", s.peak_live_bytes);
        eprintln!("  live after last gc {} bytes", s.last_live_bytes);
        eprintln!("  heap at exit      {} bytes", vm.heap.in_use());
    }
    match r {
        Ok(()) => Outcome::Ok,
        Err(p) => {
            report_panic(&p);
            Outcome::Panic
        }
    }
}

fn report_panic(p: &Panic) {
    eprintln!("{}", p.first_line());
    if let Panic::Fatal(m) = p {
        if m.starts_with("runtime: goroutine stack exceeds") {
            eprintln!("fatal error: stack overflow");
        }
    }
    eprintln!("{}", p.rest());
}
