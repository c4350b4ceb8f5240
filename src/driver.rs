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

pub fn run_file(path: &str) -> Outcome {
    let prog = match load(path) {
        Ok(p) => p,
        Err(o) => return o,
    };
    let mut vm = Vm::new(&prog);
    let r = vm.run_main();
    vm.flush();
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
    if let Panic::Fatal(_) = p {
        eprintln!("fatal error: stack overflow");
    }
    eprintln!("{}", p.rest());
}
