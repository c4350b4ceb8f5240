//! Go panics as values: runtime errors and `panic(v)`, ending the program
//! with exit code 2 and Go's first stderr line.

/// Go's report when every goroutine is blocked.
pub const DEADLOCK: &str = "fatal error: all goroutines are asleep - deadlock!";

/// Why a Go program stopped abnormally, or a panic on its way to the
/// deferred calls that may recover it (`interp::defers`).
#[derive(Debug, Clone)]
pub enum Panic {
    /// A runtime error: the text after `panic: runtime error: `.
    Runtime(String),
    /// A runtime error Go prints without that prefix (`assignment to
    /// entry in nil map`: a `runtime.plainError`).
    Plain(String),
    /// `panic(v)` with a non-nil `v`: its type and data words, printed
    /// when the program ends (with the `Error`/`String` method Go calls).
    Value([u64; 2]),
    /// An interface conversion failure (`interface conversion: ...`).
    Conversion(String),
    /// A fatal error that is not a panic (`fatal error: stack overflow`).
    Fatal(String),
    /// A fatal error Go prints with a traceback (`msg`: `fatal error: all
    /// goroutines are asleep - deadlock!`, `fatal error: go of nil func
    /// value`): the state of the goroutine it unwinds (`running`, `chan
    /// receive`...) and the tracebacks of the others.
    Throw {
        msg: String,
        status: String,
        others: String,
    },
    /// A limit set on the command line ran out (`--max-steps`): not a Go
    /// error, so not Go's exit code (see `driver::Outcome::Limit`).
    Limit(String),
    /// `os.Exit(code)`: the program ends now with that exit code, no
    /// deferred call run, nothing printed.
    Exit(i32),
    /// The newest panic the VM holds (`Vm::panics`) goes on unwinding: the
    /// deferred calls of a frame it passed did not recover it.
    Unwinding,
    /// What Go prints when panics end the program: one line per panic of
    /// the chain, oldest first (`Vm::report`); `signal` when the last is
    /// a nil dereference (Go's `[signal SIGSEGV ...]` line); the traceback
    /// from `goroutine 1 [running]:` on.
    Report {
        lines: Vec<String>,
        signal: bool,
        trace: String,
    },
}

impl Panic {
    /// Every goroutine is blocked; the one it unwinds waits for `status`.
    pub fn deadlock(status: &str) -> Panic {
        Panic::Throw {
            msg: DEADLOCK.into(),
            status: status.into(),
            others: String::new(),
        }
    }

    pub fn nil_deref() -> Panic {
        Panic::Runtime("invalid memory address or nil pointer dereference".into())
    }

    pub fn index(i: i64, len: u64) -> Panic {
        if i < 0 {
            return Panic::Runtime(format!("index out of range [{i}]"));
        }
        Panic::Runtime(format!("index out of range [{i}] with length {len}"))
    }

    /// An iterator called its loop's body after the body returned false,
    /// or (`exited`) after the whole loop was over.
    pub fn range_done(exited: bool) -> Panic {
        Panic::Runtime(if exited {
            "range function continued iteration after whole loop exit".into()
        } else {
            "range function continued iteration after function for loop body returned false".into()
        })
    }

    pub fn divide() -> Panic {
        Panic::Runtime("integer divide by zero".into())
    }

    /// The first line Go prints on stderr for this panic.
    pub fn first_line(&self) -> String {
        match self {
            Panic::Runtime(m) => format!("panic: runtime error: {m}"),
            Panic::Plain(m) | Panic::Conversion(m) => format!("panic: {m}"),
            Panic::Value(_) | Panic::Unwinding => "panic: (a Go value)".into(),
            Panic::Report { lines, .. } => lines.first().cloned().unwrap_or_default(),
            Panic::Fatal(m) | Panic::Limit(m) => m.clone(),
            Panic::Throw { msg, .. } => msg.clone(),
            Panic::Exit(_) => String::new(),
        }
    }

    /// Lines Go prints after the first one: the rest of a chain, the
    /// signal line of a nil dereference, the traceback (see
    /// `interp::trace`) and `go run`'s last line.
    pub fn rest(&self) -> String {
        const SIGNAL: &str = "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n";
        const NO_TRACE: &str = "goroutine 1 [running]:\nmain.main()\n\t(pgojit)";
        match self {
            Panic::Limit(_) | Panic::Exit(_) => String::new(),
            Panic::Fatal(_) | Panic::Throw { .. } => format!("\n{NO_TRACE}"),
            Panic::Report {
                lines,
                signal,
                trace,
            } => {
                let mut s = String::new();
                for l in lines.iter().skip(1) {
                    s.push_str(l);
                    s.push('\n');
                }
                if *signal {
                    s.push_str(SIGNAL);
                }
                format!("{s}\n{trace}\nexit status 2")
            }
            _ => format!("\n{NO_TRACE}\nexit status 2"),
        }
    }

    /// A nil dereference (which Go detects by a fault: its report has a
    /// signal line).
    pub fn is_nil_deref(&self) -> bool {
        matches!(self, Panic::Runtime(m) if m == "invalid memory address or nil pointer dereference")
    }

    /// Whether deferred calls run for it and `recover` may stop it (not
    /// a fatal error or a spent limit).
    pub fn recoverable(&self) -> bool {
        !matches!(
            self,
            Panic::Fatal(_)
                | Panic::Limit(_)
                | Panic::Report { .. }
                | Panic::Throw { .. }
                | Panic::Exit(_)
        )
    }

    /// Whether the frames it leaves go to its traceback: a panic's, and a
    /// throw's (whose frames are whole: it leaves from a runtime call, not
    /// from a half-made frame as a stack overflow may).
    pub fn traced(&self) -> bool {
        self.recoverable() || matches!(self, Panic::Throw { .. })
    }
}
