//! The functions the runtime implements in Rust: `fmt`'s printing, and
//! the standard library's functions declared in Go without a body (where
//! Go itself uses assembly or the runtime: `math.Sqrt`, strings' byte
//! search, clocks, files). One row each: the variant, the function as Go
//! names it, and the words of its arguments and results. The checker binds
//! a body-less declaration to its row by name; `interp::natives` runs it.

macro_rules! natives {
    ($($v:ident = $name:literal ($a:literal -> $r:literal),)*) => {
        /// A function of the runtime (see the module docs).
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
        pub enum Native {
            $($v,)*
        }

        impl Native {
            pub const ALL: &'static [Native] = &[$(Native::$v,)*];

            /// As Go names the function (`fmt.Println`, `math.Sqrt`).
            pub fn name(self) -> &'static str {
                match self {
                    $(Native::$v => $name,)*
                }
            }

            /// Words of the arguments a call passes (a variadic `...any`
            /// is a slice: 3 words).
            pub fn arg_words(self) -> u32 {
                match self {
                    $(Native::$v => $a,)*
                }
            }

            /// Words of the results.
            pub fn result_words(self) -> u32 {
                match self {
                    $(Native::$v => $r,)*
                }
            }
        }
    };
}

impl Native {
    /// The native Go calls `name` (`math.Sqrt`).
    pub fn from_name(name: &str) -> Option<Native> {
        Native::ALL.iter().copied().find(|n| n.name() == name)
    }
}

natives! {
    FmtPrint = "fmt.Print" (3 -> 3),
    FmtPrintln = "fmt.Println" (3 -> 3),
    FmtPrintf = "fmt.Printf" (5 -> 3),
    FmtSprint = "fmt.Sprint" (3 -> 2),
    FmtSprintln = "fmt.Sprintln" (3 -> 2),
    FmtSprintf = "fmt.Sprintf" (5 -> 2),
    FmtErrorf = "fmt.errorf" (5 -> 3),
    FmtReadStdin = "fmt.readStdin" (3 -> 2),
    FmtParseInt = "fmt.parseInt" (4 -> 2),
    FmtParseUint = "fmt.parseUint" (4 -> 2),
    FmtParseFloat = "fmt.parseFloat" (3 -> 2),
    ErrorsNew = "errors.New" (2 -> 2),
    ErrorsTypeComparable = "errors.typeComparable" (2 -> 1),
    ErrorsCheckTarget = "errors.checkTarget" (2 -> 1),
    ErrorsAsTarget = "errors.asTarget" (4 -> 1),
    StringsIndexByte = "strings.IndexByte" (3 -> 1),
    StringsIndex = "strings.Index" (4 -> 1),
    StringsLastIndex = "strings.LastIndex" (4 -> 1),
    StringsCount = "strings.Count" (4 -> 1),
    StrconvFormatInt = "strconv.formatInt" (2 -> 2),
    StrconvFormatUint = "strconv.formatUint" (2 -> 2),
    StrconvFormatFloat = "strconv.formatFloat" (4 -> 2),
    StrconvAtof = "strconv.atof" (3 -> 2),
    StrconvQuoteWith = "strconv.quoteWith" (3 -> 2),
    StrconvQuoteRuneWith = "strconv.quoteRuneWith" (2 -> 2),
    StrconvIsPrint = "strconv.IsPrint" (1 -> 1),
    StrconvIsGraphic = "strconv.IsGraphic" (1 -> 1),
    StrconvCanBackquote = "strconv.CanBackquote" (2 -> 1),
    OsRuntimeArgs = "os.runtimeArgs" (0 -> 3),
    OsGetenv = "os.getenv" (2 -> 3),
    OsExit = "os.exit" (1 -> 0),
    OsOpen = "os.sysOpen" (4 -> 2),
    OsRead = "os.sysRead" (4 -> 2),
    OsWrite = "os.sysWrite" (4 -> 2),
    OsClose = "os.sysClose" (1 -> 1),
    OsSeek = "os.sysSeek" (3 -> 2),
    OsRemove = "os.sysRemove" (2 -> 1),
    OsMkdir = "os.sysMkdir" (3 -> 1),
    OsStat = "os.sysStat" (2 -> 4),
    TimeNow = "time.now" (0 -> 3),
    TimeLocalZone = "time.localZone" (1 -> 3),
    TimeSleep = "time.Sleep" (1 -> 0),
    SyncSemacquire = "sync.semacquire" (2 -> 0),
    SyncSemrelease = "sync.semrelease" (1 -> 0),
    SyncFatal = "sync.fatal" (2 -> 0),
    AtomicSameType = "sync/atomic.sameType" (4 -> 1),
    FlagZeroValue = "flag.zeroValue" (2 -> 2),
    RuntimeGosched = "runtime.Gosched" (0 -> 0),
    IterCorostarted = "iter.corostarted" (0 -> 1),
    IterCoroself = "iter.coroself" (0 -> 1),
    IterCoroswitch = "iter.coroswitch" (2 -> 0),
    RuntimeNumGoroutine = "runtime.NumGoroutine" (0 -> 1),
    RuntimeGC = "runtime.GC" (0 -> 0),
    RuntimeNumCPU = "runtime.NumCPU" (0 -> 1),
    UnicodeProps = "unicode.props" (1 -> 1),
    UnicodeToCase = "unicode.toCase" (2 -> 1),
    UnicodeSimpleFold = "unicode.SimpleFold" (1 -> 1),
    MathFloat64bits = "math.Float64bits" (1 -> 1),
    MathFloat64frombits = "math.Float64frombits" (1 -> 1),
    MathFloat32bits = "math.Float32bits" (1 -> 1),
    MathFloat32frombits = "math.Float32frombits" (1 -> 1),
    MathAbs = "math.Abs" (1 -> 1),
    MathCopysign = "math.Copysign" (2 -> 1),
    MathFloor = "math.Floor" (1 -> 1),
    MathCeil = "math.Ceil" (1 -> 1),
    MathTrunc = "math.Trunc" (1 -> 1),
    MathRoundToEven = "math.RoundToEven" (1 -> 1),
    MathSqrt = "math.Sqrt" (1 -> 1),
    MathFMA = "math.FMA" (3 -> 1),
    MathExp = "math.Exp" (1 -> 1),
    MathLog = "math.Log" (1 -> 1),
    MathHypot = "math.Hypot" (2 -> 1),
    MathMax = "math.Max" (2 -> 1),
    MathMin = "math.Min" (2 -> 1),
    BitsLen64 = "math/bits.Len64" (1 -> 1),
    BitsTrailingZeros64 = "math/bits.TrailingZeros64" (1 -> 1),
    BitsOnesCount64 = "math/bits.OnesCount64" (1 -> 1),
    BitsReverse64 = "math/bits.Reverse64" (1 -> 1),
    BitsReverseBytes64 = "math/bits.ReverseBytes64" (1 -> 1),
    BitsMul64 = "math/bits.Mul64" (2 -> 2),
    BitsDiv64 = "math/bits.Div64" (3 -> 2),
    BitsOverflow = "math/bits.overflow" (0 -> 0),
    RandRuntimeRand = "math/rand.runtime_rand" (0 -> 1),
    RandV2RuntimeRand = "math/rand/v2.runtime_rand" (0 -> 1),
}

#[cfg(test)]
mod tests {
    use super::Native;

    #[test]
    fn names_are_unique_and_found() {
        for &n in Native::ALL {
            assert_eq!(Native::from_name(n.name()), Some(n));
        }
    }
}
