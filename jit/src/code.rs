//! W^X code memory: finished code becomes executable and is never writable
//! and executable at the same time.
//!
//! [`CodeMemory`] copies an [`Assembled`] into a fresh read-write anonymous
//! mapping, then flips it to read-execute (dynasmrt's `MutableBuffer` →
//! `ExecutableBuffer`, an `mprotect`); it is never made writable again. Every
//! mapping is charged, in whole pages, against a byte budget shared by all code
//! from one `CodeMemory`, and given back when its [`CompiledCode`] is dropped.
//! Code starts at one of several offsets into its first page, in turn, so
//! that functions do not all begin at a page boundary (see [`COLORS`]).

use crate::masm::{Assembled, Label};
use dynasmrt::mmap::MutableBuffer;
use dynasmrt::{AssemblyOffset, ExecutableBuffer};
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Granularity of code mappings and of the budget (x86-64 Linux pages).
pub const PAGE_SIZE: usize = 4096;

/// Why code could not be mapped.
#[derive(Debug)]
pub enum CodeError {
    /// Mapping `requested` more bytes would exceed the budget.
    BudgetExceeded {
        requested: usize,
        in_use: usize,
        limit: usize,
    },
    /// There was no code to map.
    Empty,
    /// The operating system refused to map or protect the pages.
    Map(std::io::Error),
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::BudgetExceeded {
                requested,
                in_use,
                limit,
            } => write!(
                f,
                "code memory budget exceeded: {requested} bytes requested, {in_use} of {limit} in use"
            ),
            CodeError::Empty => write!(f, "no code to map"),
            CodeError::Map(e) => write!(f, "cannot map code memory: {e}"),
        }
    }
}

impl std::error::Error for CodeError {}

/// Hands out executable mappings under a byte budget.
#[derive(Debug, Clone)]
pub struct CodeMemory {
    limit: usize,
    in_use: Arc<AtomicUsize>,
    /// The next mapping's color (see [`COLORS`]), shared by clones.
    next_color: Arc<AtomicUsize>,
}

impl CodeMemory {
    /// A budget of `limit` bytes, counted in whole pages.
    pub fn new(limit: usize) -> CodeMemory {
        CodeMemory {
            limit,
            in_use: Arc::new(AtomicUsize::new(0)),
            next_color: Arc::new(AtomicUsize::new(0)),
        }
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Bytes currently charged by live [`CompiledCode`]s.
    pub fn in_use(&self) -> usize {
        self.in_use.load(Ordering::Acquire)
    }

    /// Maps `code` read-execute and returns its owner.
    pub fn alloc(&self, code: &Assembled) -> Result<CompiledCode, CodeError> {
        let len = code.bytes.len();
        if len == 0 {
            return Err(CodeError::Empty);
        }
        // Each mapping starts its code at the next of [`COLORS`] offsets in
        // its first page (when the code fits; padding is `int3`).
        let color = self.next_color.fetch_add(1, Ordering::Relaxed) % COLORS;
        let skip = if len.next_multiple_of(PAGE_SIZE) - len >= color * COLOR_STEP {
            color * COLOR_STEP
        } else {
            0
        };
        let charge = (skip + len).next_multiple_of(PAGE_SIZE);
        self.in_use
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |used| {
                used.checked_add(charge).filter(|&n| n <= self.limit)
            })
            .map_err(|in_use| CodeError::BudgetExceeded {
                requested: charge,
                in_use,
                limit: self.limit,
            })?;
        match map_exec(&code.bytes, skip, charge) {
            Ok(buf) => Ok(CompiledCode {
                _faults: (!code.faults.is_empty()).then(|| {
                    let start = buf.ptr(AssemblyOffset(skip)) as usize;
                    crate::faults::register(start, len, &code.faults)
                }),
                _frames: (!code.calls.is_empty()).then(|| {
                    let start = buf.ptr(AssemblyOffset(skip)) as usize;
                    crate::frames::register(
                        start,
                        len,
                        &code.calls,
                        &code.locations,
                        &code.stack_maps,
                    )
                }),
                buf,
                skip,
                labels: code.labels.clone(),
                comments: code.comments.clone(),
                data: code.data.clone(),
                charge,
                budget: Arc::clone(&self.in_use),
            }),
            Err(e) => {
                self.in_use.fetch_sub(charge, Ordering::AcqRel);
                Err(CodeError::Map(e))
            }
        }
    }
}

/// Functions start this many different offsets into their first page...
const COLORS: usize = 32;
/// ... this far apart. Code mapped page by page would otherwise put every
/// function at offset 0 of a page, and the same code in two functions
/// (eight `Apply` methods of one shape) at addresses equal in their low
/// 12 bits, which branch predictors index and hash by: the calls and
/// returns of a megamorphic site alias, and its indirect call is
/// mispredicted far more often than when the targets are spread out.
const COLOR_STEP: usize = 64;

/// Writes `bytes` at offset `skip` of a read-write mapping of `size`
/// bytes (`int3` before them), then makes it read-execute.
fn map_exec(bytes: &[u8], skip: usize, size: usize) -> std::io::Result<ExecutableBuffer> {
    let mut buf = MutableBuffer::new(size)?;
    buf.set_len(skip + bytes.len());
    buf[..skip].fill(0xCC);
    buf[skip..].copy_from_slice(bytes);
    buf.make_exec()
}

/// Executable machine code. Owns its mapping: pointers from [`entry`](Self::entry)
/// are valid only while this value lives (and no thread may still be running
/// the code when it is dropped).
#[derive(Debug)]
pub struct CompiledCode {
    /// Its implicit nil checks, registered while it is mapped (dropped
    /// before `buf`).
    _faults: Option<crate::faults::Registration>,
    /// Its call sites, registered while it is mapped (dropped before `buf`).
    _frames: Option<crate::frames::Registration>,
    buf: ExecutableBuffer,
    /// Padding before the code's first byte.
    skip: usize,
    labels: Vec<(Label, usize)>,
    comments: Vec<(usize, String)>,
    /// Data ranges in the code (the constant pool).
    data: Vec<(usize, usize)>,
    charge: usize,
    budget: Arc<AtomicUsize>,
}

impl CompiledCode {
    /// Address of `label`, if it was bound in this code.
    pub fn entry(&self, label: Label) -> Option<*const u8> {
        let (_, at) = self.labels.iter().find(|(l, _)| *l == label)?;
        Some(self.buf.ptr(AssemblyOffset(self.skip + *at)))
    }

    /// Address of the first byte.
    pub fn start(&self) -> *const u8 {
        self.buf.ptr(AssemblyOffset(self.skip))
    }

    /// Length of the code in bytes.
    pub fn len(&self) -> usize {
        self.buf.len() - self.skip
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The code bytes (readable; the mapping is read-execute).
    pub fn bytes(&self) -> &[u8] {
        &self.buf[self.skip..]
    }

    /// Listing comments: (code offset, text).
    pub fn comments(&self) -> &[(usize, String)] {
        &self.comments
    }

    /// Data ranges `[start, end)` in the code (the constant pool).
    pub fn data(&self) -> &[(usize, usize)] {
        &self.data
    }

    /// Annotated disassembly at the code's real addresses.
    pub fn listing(&self) -> String {
        crate::listing::disassemble(
            self.bytes(),
            self.start() as u64,
            &self.comments,
            &self.data,
        )
    }
}

impl Drop for CompiledCode {
    fn drop(&mut self) {
        self.budget.fetch_sub(self.charge, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::{RET, TMP0};
    use crate::masm::MacroAssembler;

    fn ret_42() -> Assembled {
        let mut m = MacroAssembler::new();
        let entry = m.new_label();
        m.bind(entry);
        m.mov_imm(RET, 42);
        m.ret();
        m.finish().unwrap()
    }

    /// Permissions (`rwxp`) of every mapping of this process overlapping
    /// `[start, start+len)`.
    fn perms_of(start: usize, len: usize) -> Vec<String> {
        let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
        maps.lines()
            .filter_map(|line| {
                let mut parts = line.split_whitespace();
                let range = parts.next()?;
                let perms = parts.next()?;
                let (lo, hi) = range.split_once('-')?;
                let lo = usize::from_str_radix(lo, 16).ok()?;
                let hi = usize::from_str_radix(hi, 16).ok()?;
                (lo < start + len && start < hi).then(|| perms.to_string())
            })
            .collect()
    }

    #[test]
    fn code_is_executable_and_never_writable() {
        let mem = CodeMemory::new(1 << 20);
        let asm = ret_42();
        let code = mem.alloc(&asm).unwrap();
        let perms = perms_of(code.start() as usize, code.len());
        assert!(!perms.is_empty(), "code not found in /proc/self/maps");
        for p in &perms {
            assert!(p.contains('x'), "code mapping not executable: {p}");
            assert!(
                !p.contains('w'),
                "code mapping writable and executable: {p}"
            );
        }
        let f = code.entry(asm.labels[0].0).unwrap();
        // SAFETY: the code is a complete sysv64 function `() -> u64` (mov eax, 42; ret)
        // and `code` keeps it mapped for the call.
        let f: extern "sysv64" fn() -> u64 = unsafe { std::mem::transmute(f) };
        assert_eq!(f(), 42);
        assert_eq!(code.bytes(), &asm.bytes[..]);
        assert_eq!(code.len(), asm.bytes.len());
        assert!(code.listing().contains("mov eax, 2Ah"));
    }

    #[test]
    fn functions_start_at_different_offsets_in_their_pages() {
        let mem = CodeMemory::new(1 << 24);
        let asm = ret_42();
        let codes: Vec<CompiledCode> = (0..COLORS).map(|_| mem.alloc(&asm).unwrap()).collect();
        let mut offsets: Vec<usize> = codes
            .iter()
            .map(|c| c.start() as usize % PAGE_SIZE)
            .collect();
        offsets.sort_unstable();
        offsets.dedup();
        assert_eq!(offsets.len(), COLORS, "{offsets:?}");
        for c in &codes {
            let f = c.entry(asm.labels[0].0).unwrap();
            assert_eq!(f, c.start());
            // SAFETY: as above: `() -> u64`, mapped while `c` lives.
            let f: extern "sysv64" fn() -> u64 = unsafe { std::mem::transmute(f) };
            assert_eq!(f(), 42);
            assert_eq!(c.bytes(), &asm.bytes[..]);
        }
    }

    #[test]
    fn budget_is_charged_in_pages_and_returned_on_drop() {
        let mem = CodeMemory::new(2 * PAGE_SIZE);
        let asm = ret_42();
        let a = mem.alloc(&asm).unwrap();
        assert_eq!(mem.in_use(), PAGE_SIZE);
        let b = mem.alloc(&asm).unwrap();
        assert_eq!(mem.in_use(), 2 * PAGE_SIZE);
        match mem.alloc(&asm) {
            Err(CodeError::BudgetExceeded {
                requested,
                in_use,
                limit,
            }) => {
                assert_eq!(
                    (requested, in_use, limit),
                    (PAGE_SIZE, 2 * PAGE_SIZE, 2 * PAGE_SIZE)
                );
            }
            other => panic!("expected BudgetExceeded, got {other:?}"),
        }
        drop(a);
        assert_eq!(mem.in_use(), PAGE_SIZE);
        let c = mem.alloc(&asm).unwrap();
        assert_eq!(mem.in_use(), 2 * PAGE_SIZE);
        drop((b, c));
        assert_eq!(mem.in_use(), 0);
        assert_eq!(mem.limit(), 2 * PAGE_SIZE);
    }

    #[test]
    fn empty_code_and_unknown_labels_are_errors() {
        let mem = CodeMemory::new(1 << 20);
        let m = MacroAssembler::new();
        assert!(matches!(
            mem.alloc(&m.finish().unwrap()),
            Err(CodeError::Empty)
        ));

        let mut m = MacroAssembler::new();
        let bound = m.new_label();
        let never_bound = m.new_label();
        m.bind(bound);
        m.mov_imm(TMP0, 1);
        m.ret();
        let code = mem.alloc(&m.finish().unwrap()).unwrap();
        assert_eq!(code.entry(bound), Some(code.start()));
        assert!(code.entry(never_bound).is_none());
        assert!(!code.is_empty());

        let mut m = MacroAssembler::new();
        let dangling = m.new_label();
        m.jmp(dangling);
        assert!(
            m.finish().is_err(),
            "a jump to an unbound label must not assemble"
        );
    }
}
