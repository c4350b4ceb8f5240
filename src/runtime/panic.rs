//! Go panics as values: runtime errors and `panic(v)`, ending the program
//! with exit code 2 and Go's first stderr line.

/// Why a Go program stopped abnormally.
#[derive(Debug, Clone)]
pub enum Panic {
    /// A runtime error: the text after `panic: runtime error: `.
    Runtime(String),
    /// `panic(v)`: the text Go prints after `panic: ` (already formatted).
    Value(String),
    /// An interface conversion failure (`interface conversion: ...`).
    Conversion(String),
    /// A fatal error that is not a panic (`fatal error: stack overflow`).
    Fatal(String),
    /// A limit set on the command line ran out (`--max-steps`): not a Go
    /// error, so not Go's exit code (see `driver::Outcome::Limit`).
    Limit(String),
}

impl Panic {
    pub fn nil_deref() -> Panic {
        Panic::Runtime("invalid memory address or nil pointer dereference".into())
    }

    pub fn index(i: i64, len: u64) -> Panic {
        if i < 0 {
            return Panic::Runtime(format!("index out of range [{i}]"));
        }
        Panic::Runtime(format!("index out of range [{i}] with length {len}"))
    }

    pub fn divide() -> Panic {
        Panic::Runtime("integer divide by zero".into())
    }

    /// The first line Go prints on stderr for this panic.
    pub fn first_line(&self) -> String {
        match self {
            Panic::Runtime(m) => format!("panic: runtime error: {m}"),
            Panic::Value(m) => format!("panic: {m}"),
            Panic::Conversion(m) => format!("panic: {m}"),
            Panic::Fatal(m) | Panic::Limit(m) => m.clone(),
        }
    }

    /// Lines Go prints after the first one (kept short: no goroutine dump).
    pub fn rest(&self) -> &'static str {
        match self {
            Panic::Runtime(_) => "[signal or runtime check]\n\ngoroutine 1 [running]:\nmain.main()\n\t(pgojit)\nexit status 2",
            Panic::Fatal(_) => "\ngoroutine 1 [running]:\nmain.main()\n\t(pgojit)",
            Panic::Limit(_) => "",
            _ => "\ngoroutine 1 [running]:\nmain.main()\n\t(pgojit)\nexit status 2",
        }
    }
}
