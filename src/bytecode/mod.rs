//! Statically typed register bytecode: the opcode table ([`op`]), functions
//! and programs, lowering from the checked AST ([`lower`]) and the printer
//! behind `pgojit check --bytecode`.
//!
//! Frame layout, shared by every tier: a function's frame is `frame_size`
//! 64-bit slots on the VM stack. Parameters (receiver first) occupy the
//! first slots; on return the results are copied to slot 0, which is the
//! caller's argument window. A slot keeps one type for the whole function.
//!
//! GC invariant (for the collector and the JIT): at every allocation and
//! every call, every live value is in its frame slot; no tier keeps a heap
//! pointer only in a machine register across those points. Which slots
//! are live there is the function's stack map ([`liveness`]; the
//! optimizing tier records its own per call).

pub mod entry;
pub mod frame;
pub mod framemap;
pub mod liveness;
pub mod lower;
pub mod op;
pub mod peephole;
pub mod print;
pub mod verify;

use crate::runtime::typedesc::TypeDesc;
use crate::syntax::ast::Pos;
use crate::types::TypeTable;
pub use frame::slot_offset;
pub use op::{Op, Slot};
use pgojit_profiler::FuncId;

/// One compiled function.
pub struct Function {
    /// As Go's runtime names it (`main.(*Counter).Inc`).
    pub name: String,
    pub code: Vec<Op>,
    /// Source position of each instruction (for runtime errors and listings).
    pub pos: Vec<Pos>,
    pub frame_size: u32,
    pub param_words: u32,
    pub result_words: u32,
    /// Per frame slot: may it hold a heap pointer? The collector's frame map.
    pub ptr_slots: Vec<bool>,
    /// Slots another activation reads once this one has returned or
    /// panicked (a deferred-call body's result variables, which its
    /// function returns): compiled code keeps them in frame memory, never
    /// only in a register.
    pub in_memory: Vec<Slot>,
}

impl Function {
    /// A function named `t` over `code` for unit tests: `ptrs` are its
    /// pointer slots, its results `results` words.
    #[cfg(test)]
    pub(crate) fn for_test(
        code: Vec<Op>,
        params: u32,
        frame: u32,
        results: u32,
        ptrs: &[u32],
    ) -> Function {
        let n = code.len();
        Function {
            in_memory: Vec::new(),
            name: "t".into(),
            code,
            pos: vec![Pos::default(); n],
            frame_size: frame,
            param_words: params,
            result_words: results,
            ptr_slots: (0..frame).map(|s| ptrs.contains(&s)).collect(),
        }
    }

    /// Bytecode pcs that some branch jumps back to (loop headers), in
    /// order: where every tier takes OSR entries.
    pub fn loop_headers(&self) -> Vec<u32> {
        let mut v: Vec<u32> = self
            .code
            .iter()
            .enumerate()
            .filter_map(|(pc, op)| op.target().filter(|&t| (t as usize) <= pc))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// A loaded program: functions, types and their descriptors.
pub struct Program {
    pub funcs: Vec<Function>,
    /// Runs package variable initializers.
    pub init: FuncId,
    pub main: FuncId,
    pub types: TypeTable,
    /// Descriptor of each type that has one, indexed by `Ty`.
    pub descs: Vec<Option<&'static TypeDesc>>,
    pub file_name: String,
    /// Every source file's name, by file id (`Pos::file`): the main
    /// package's, the packages it imports (`$GOROOT/src/sort/sort.go`).
    pub files: Vec<String>,
    /// The type word of an `error` holding a `*errors.errorString` (what
    /// `errors.New` and `fmt.Errorf` return).
    pub error_itab: u64,
    /// The types of the values `recover` returns for runtime errors.
    pub runtime_errors: RuntimeErrors,
    /// Pointer maps of heap objects, by layout id (see `runtime::heap`).
    pub layouts: Vec<Vec<bool>>,
    /// Package variables: (address, words, layout), roots for the collector.
    pub globals: Vec<(u64, u32, u32)>,
    /// The block holding every package variable: (address, words).
    pub globals_block: (u64, u32),
    /// What each call site (`SiteId`) calls, for the profiler.
    pub sites: Vec<SiteMeta>,
    /// The counted direct call sites (`EdgeId`), for the profiler.
    pub edges: Vec<EdgeMeta>,
    /// Per function: the line it starts on and a hash of its source (0 for
    /// synthesized functions), for profile keys that survive edits elsewhere.
    pub func_keys: Vec<(u32, u64)>,
}

/// The type words (as `any` holds them) of the runtime's error types, the
/// values `recover` returns for runtime errors: each holds a pointer to its
/// `Error()` text (a string's two words), which its method returns.
#[derive(Clone, Copy, Debug, Default)]
pub struct RuntimeErrors {
    /// `runtime.boundsError`: index and slice bounds.
    pub bounds: u64,
    /// `runtime.errorString`: nil dereference, division by zero...
    pub error_string: u64,
    /// `runtime.plainError`: a write to a nil map.
    pub plain: u64,
    /// `*runtime.TypeAssertionError`: a failed interface conversion.
    pub type_assertion: u64,
    /// `*runtime.PanicNilError`: `panic(nil)`.
    pub panic_nil: u64,
}

/// A counted direct call site: a call of a top-level function or of a
/// method on a concrete type, in the program's own source.
#[derive(Clone, Debug)]
pub struct EdgeMeta {
    /// The calling function.
    pub caller: FuncId,
    /// The call's `(`.
    pub pos: Pos,
    pub callee: FuncId,
}

/// A profiled call site: an interface method call or a call of a function value.
#[derive(Clone, Debug)]
pub struct SiteMeta {
    /// The calling function.
    pub caller: pgojit_profiler::FuncId,
    pub pos: Pos,
    /// The interface (`main.Shape`), or the function type for function values.
    pub iface: String,
    /// The method, or the called expression for function values.
    pub method: String,
    pub is_iface: bool,
    /// The called expression as written (`s.Area`), for `--trace-tier`.
    pub text: String,
    /// The interface's descriptor (a leaked `TypeDesc`; 0 for function values).
    pub iface_desc: u64,
    /// Words of the call's results (written into the caller's window).
    pub result_words: u32,
    /// Words of the call's arguments in the window, the receiver's data
    /// word first for an interface method (which the call itself writes).
    pub arg_words: u32,
}

impl Program {
    /// The name of the file a position is in.
    pub fn file_of(&self, pos: Pos) -> &str {
        self.files
            .get(pos.file as usize)
            .map_or(self.file_name.as_str(), |f| f.as_str())
    }

    /// A position as messages print it: `file:line:col`.
    pub fn at(&self, pos: Pos) -> String {
        format!("{}:{}:{}", self.file_of(pos), pos.line, pos.col)
    }

    pub fn func(&self, f: FuncId) -> &Function {
        &self.funcs[f.index()]
    }
}
