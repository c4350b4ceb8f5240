//! Implicit nil checks: a load or store through a pointer that may be nil
//! is emitted without its `test p, p; je nil`, and the fault it takes on a
//! nil pointer is turned into a jump to the code's nil-panic path, as Go's
//! compiler and HotSpot do (Go: `SIGSEGV` in `runtime.sigpanic`; HotSpot:
//! `ImplicitNullChecks`). Only accesses whose offset from the pointer stays
//! in the first page qualify ([`IMPLICIT_LIMIT`]): the kernel never maps it
//! (`vm.mmap_min_addr`), so such an access through nil always faults.
//!
//! Each [`CompiledCode`](crate::CompiledCode) with such accesses registers
//! its table (faulting instruction → landing pad, both absolute addresses)
//! here while it is mapped. A `SIGSEGV` handler, installed once, looks the
//! faulting `rip` up and, when it is one of them and the address is in the
//! first page, returns to the landing pad instead; any other fault goes to
//! the handler that was installed before (Rust's stack-overflow reporter),
//! or to the default action. The landing pad sees the registers as they
//! were at the faulting instruction, which is what the explicit check's
//! `je` would have seen: nothing between the check and the access writes
//! anything.
//!
//! The table is read by the handler under a spin lock that registration
//! holds only briefly and never while running generated code, so the
//! thread that faults never holds it; the handler allocates nothing.

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

/// Largest offset from the pointer an implicitly checked access may have.
pub const IMPLICIT_LIMIT: i32 = 4096;

/// One mapped code region's table: sorted (faulting address, landing pad).
struct Region {
    start: usize,
    end: usize,
    sites: Box<[(usize, usize)]>,
}

/// The regions, behind a spin lock.
struct Table {
    lock: AtomicBool,
    regions: UnsafeCell<Vec<Region>>,
}

// SAFETY: `regions` is only touched while `lock` is held (`with_regions`).
unsafe impl Sync for Table {}

static TABLE: Table = Table {
    lock: AtomicBool::new(false),
    regions: UnsafeCell::new(Vec::new()),
};
static PREVIOUS: OnceLock<libc::sigaction> = OnceLock::new();

fn with_regions<T>(f: impl FnOnce(&mut Vec<Region>) -> T) -> T {
    while TABLE
        .lock
        .compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed)
        .is_err()
    {
        std::hint::spin_loop();
    }
    // SAFETY: the lock is held, so no other thread (and no handler on this
    // one: it faults only in generated code, never inside this lock) reads
    // or writes the regions until it is released below.
    let r = f(unsafe { &mut *TABLE.regions.get() });
    TABLE.lock.store(false, Ordering::Release);
    r
}

/// A registered region; unregisters it when dropped (with its code).
#[derive(Debug)]
pub(crate) struct Registration(usize);

/// Registers the code at `start..start + len` with its implicit checks
/// (`sites`: code offsets of faulting instructions and of their landing
/// pads), installing the handler on first use.
pub(crate) fn register(start: usize, len: usize, sites: &[(usize, usize)]) -> Registration {
    install();
    let mut abs: Vec<(usize, usize)> = sites.iter().map(|&(f, l)| (start + f, start + l)).collect();
    abs.sort_unstable();
    with_regions(|rs| {
        rs.push(Region {
            start,
            end: start + len,
            sites: abs.into_boxed_slice(),
        })
    });
    Registration(start)
}

impl Drop for Registration {
    fn drop(&mut self) {
        let start = self.0;
        // (The region's table is freed after the lock is released.)
        let gone = with_regions(|rs| {
            let at = rs.iter().position(|r| r.start == start)?;
            Some(rs.swap_remove(at))
        });
        drop(gone);
    }
}

/// The landing pad for a fault at `pc`, if `pc` is an implicit check.
fn landing(pc: usize) -> Option<usize> {
    with_regions(|rs| {
        let r = rs.iter().find(|r| r.start <= pc && pc < r.end)?;
        let at = r.sites.binary_search_by_key(&pc, |s| s.0).ok()?;
        Some(r.sites[at].1)
    })
}

fn install() {
    PREVIOUS.get_or_init(|| {
        // SAFETY: a zeroed sigaction is a valid value to fill in, and the
        // handler has the SA_SIGINFO signature. (It reads PREVIOUS, set by
        // this initializer once sigaction returns: a fault in generated
        // code needs a registered region, and none is registered yet.)
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = on_segv as *const () as usize;
            sa.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
            libc::sigemptyset(&mut sa.sa_mask);
            let mut old: libc::sigaction = std::mem::zeroed();
            old.sa_sigaction = libc::SIG_DFL;
            libc::sigaction(libc::SIGSEGV, &sa, &mut old);
            old
        }
    });
}

extern "C" fn on_segv(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid siginfo and ucontext to an
    // SA_SIGINFO handler; rip is read and written in the saved context,
    // which the return from this handler restores.
    unsafe {
        let uc = ctx as *mut libc::ucontext_t;
        let rip = &mut (*uc).uc_mcontext.gregs[libc::REG_RIP as usize];
        let addr = (*info).si_addr() as usize;
        if addr < IMPLICIT_LIMIT as usize {
            if let Some(to) = landing(*rip as usize) {
                *rip = to as i64;
                return;
            }
        }
        forward(sig, info, ctx);
    }
}

/// Hands a fault that is not an implicit check to the handler installed
/// before ours, or restores the default action so that the faulting
/// instruction, run again on return, ends the process as it would have.
///
/// # Safety
/// Only from the signal handler, with its arguments.
unsafe fn forward(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    match PREVIOUS.get().copied() {
        Some(p) if p.sa_sigaction != libc::SIG_DFL && p.sa_sigaction != libc::SIG_IGN => {
            if p.sa_flags & libc::SA_SIGINFO != 0 {
                // SAFETY: the previous handler was installed with this
                // signature (SA_SIGINFO).
                let h: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
                    unsafe { std::mem::transmute(p.sa_sigaction) };
                h(sig, info, ctx);
            } else {
                // SAFETY: as above, without SA_SIGINFO.
                let h: extern "C" fn(libc::c_int) = unsafe { std::mem::transmute(p.sa_sigaction) };
                h(sig);
            }
        }
        _ => {
            // SAFETY: resetting a signal's action is async-signal-safe.
            unsafe {
                let mut sa: libc::sigaction = std::mem::zeroed();
                sa.sa_sigaction = libc::SIG_DFL;
                libc::sigaction(sig, &sa, std::ptr::null_mut());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::abi::{RET, TMP0};
    use crate::masm::{MacroAssembler, Mem};
    use crate::CodeMemory;

    /// `fn(p) -> u64`: loads `[p+8]` with no check; a nil `p` lands on a
    /// path that returns 7 instead.
    #[test]
    fn a_load_through_nil_lands_on_its_pad() {
        let mut m = MacroAssembler::new();
        let (entry, pad) = (m.new_label(), m.new_label());
        m.bind(entry);
        m.mov(TMP0, crate::abi::ARGS[0]);
        m.fault_here(pad);
        m.load(RET, Mem::at(TMP0, 8));
        m.ret();
        m.bind(pad);
        m.mov_imm(RET, 7);
        m.ret();
        let mem = CodeMemory::new(1 << 20);
        let code = mem.alloc(&m.finish().unwrap()).unwrap();
        let p = code.entry(entry).unwrap();
        // SAFETY: the code follows the C calling convention for
        // `fn(*const u64) -> u64` and reads only through its argument.
        let f: extern "C" fn(*const u64) -> u64 = unsafe { std::mem::transmute(p) };
        let words = [1u64, 42];
        assert_eq!(f(words.as_ptr()), 42);
        assert_eq!(f(std::ptr::null()), 7);
        drop(code);
    }

    /// A fault that is not an implicit check still ends the process with
    /// SIGSEGV once the handler is installed: this test runs itself in a
    /// child that registers code, then dereferences nil in Rust.
    #[test]
    fn other_faults_still_kill_the_process() {
        use std::os::unix::process::ExitStatusExt;
        const CHILD: &str = "PGOJIT_FAULTS_TEST_CHILD";
        if std::env::var_os(CHILD).is_some() {
            let mut m = MacroAssembler::new();
            let pad = m.new_label();
            m.fault_here(pad);
            m.load(RET, Mem::at(TMP0, 0));
            m.bind(pad);
            m.ret();
            let mem = CodeMemory::new(1 << 20);
            let _code = mem.alloc(&m.finish().unwrap()).unwrap();
            let p: *const u64 = std::hint::black_box(std::ptr::null());
            // SAFETY: deliberately not: the point is the fault.
            let v = unsafe { std::ptr::read_volatile(p) };
            std::process::exit(v as i32);
        }
        let me = std::env::current_exe().unwrap();
        let out = std::process::Command::new(me)
            .args([
                "--exact",
                "faults::tests::other_faults_still_kill_the_process",
                "--nocapture",
            ])
            .env(CHILD, "1")
            .output()
            .unwrap();
        assert_eq!(
            out.status.signal(),
            Some(libc::SIGSEGV),
            "{:?} {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
