//! The natives of `os`, `time`, `sync` and `sync/atomic`: the program's
//! command line and environment, files, clocks, sleeping, and the
//! semaphores `sync` blocks on (the scheduler's).

use std::io::{Read, Seek, SeekFrom, Write};

use super::super::{dyn_type, mem, Vm};
use crate::runtime::panic::Panic;
use crate::types::Native;

/// An errno for an I/O error (EIO when it has none).
fn errno(e: &std::io::Error) -> u64 {
    e.raw_os_error().unwrap_or(5) as u64
}

impl Vm<'_> {
    /// Runs an `os`, `time`, `sync` or `sync/atomic` native (`None`: not one).
    pub(super) fn sys_native(
        &mut self,
        n: Native,
        at: usize,
        top: usize,
    ) -> Option<Result<(), Panic>> {
        Some(match n {
            Native::OsRuntimeArgs => self.os_args(at),
            Native::OsGetenv => {
                let key = String::from_utf8_lossy(self.str_arg(at)).into_owned();
                match std::env::var_os(&key) {
                    Some(v) => {
                        use std::os::unix::ffi::OsStrExt;
                        let r = self.ret_string(at, v.as_bytes());
                        self.stack[at + 2] = 1;
                        r
                    }
                    None => {
                        self.stack[at] = 0;
                        self.stack[at + 1] = 0;
                        self.stack[at + 2] = 0;
                        Ok(())
                    }
                }
            }
            Native::OsExit => {
                self.flush();
                Err(Panic::Exit(self.stack[at] as i32))
            }
            Native::OsOpen => {
                let name = String::from_utf8_lossy(self.str_arg(at)).into_owned();
                let (flag, perm) = (self.stack[at + 2] as i64, self.stack[at + 3] as u32);
                let r = open(&name, flag, perm).map(|f| {
                    use std::os::fd::AsRawFd;
                    let fd = f.as_raw_fd() as i64;
                    self.files.insert(fd, f);
                    fd as u64
                });
                self.set_result(at, r);
                Ok(())
            }
            Native::OsRead => {
                let (fd, p, len) = (
                    self.stack[at] as i64,
                    self.stack[at + 1],
                    self.stack[at + 2],
                );
                let r = self.read_fd(fd, p, len);
                self.set_result(at, r.map(|n| n as u64));
                Ok(())
            }
            Native::FmtReadStdin => {
                let (p, len) = (self.stack[at], self.stack[at + 1]);
                let n = self.read_fd(0, p, len).unwrap_or(0);
                self.stack[at] = n as u64;
                self.stack[at + 1] = (n == 0) as u64;
                Ok(())
            }
            Native::OsWrite => {
                let (fd, p, len) = (
                    self.stack[at] as i64,
                    self.stack[at + 1],
                    self.stack[at + 2],
                );
                let buf = &mem::byte_slice(p, len).to_vec()[..];
                let r = match fd {
                    1 => {
                        self.write_out(buf);
                        Ok(buf.len())
                    }
                    2 => {
                        self.flush();
                        self.print_raw(buf);
                        Ok(buf.len())
                    }
                    _ => match self.files.get_mut(&fd) {
                        Some(f) => f.write_all(buf).map(|_| buf.len()),
                        None => Err(std::io::Error::from_raw_os_error(9)),
                    },
                };
                self.set_result(at, r.map(|n| n as u64));
                Ok(())
            }
            Native::OsClose => {
                let fd = self.stack[at] as i64;
                self.stack[at] = match self.files.remove(&fd) {
                    Some(_) => 0,
                    None if (0..=2).contains(&fd) => 0,
                    None => 9,
                };
                Ok(())
            }
            Native::OsSeek => {
                let (fd, off, whence) = (
                    self.stack[at] as i64,
                    self.stack[at + 1] as i64,
                    self.stack[at + 2],
                );
                let pos = match whence {
                    0 if off >= 0 => Some(SeekFrom::Start(off as u64)),
                    1 => Some(SeekFrom::Current(off)),
                    2 => Some(SeekFrom::End(off)),
                    _ => None,
                };
                let r = match (self.files.get_mut(&fd), pos) {
                    (_, None) => Err(std::io::Error::from_raw_os_error(22)),
                    (Some(f), Some(pos)) => f.seek(pos),
                    (None, _) => Err(std::io::Error::from_raw_os_error(29)),
                };
                self.set_result(at, r);
                Ok(())
            }
            Native::OsRemove => {
                let name = String::from_utf8_lossy(self.str_arg(at)).into_owned();
                let p = std::path::Path::new(&name);
                let r = if p.is_dir() {
                    std::fs::remove_dir(p)
                } else {
                    std::fs::remove_file(p)
                };
                self.stack[at] = r.err().map_or(0, |e| errno(&e));
                Ok(())
            }
            Native::OsMkdir => {
                use std::os::unix::fs::DirBuilderExt;
                let name = String::from_utf8_lossy(self.str_arg(at)).into_owned();
                let r = std::fs::DirBuilder::new()
                    .mode(self.stack[at + 2] as u32)
                    .create(&name);
                self.stack[at] = r.err().map_or(0, |e| errno(&e));
                Ok(())
            }
            Native::OsStat => {
                use std::os::unix::fs::MetadataExt;
                let name = String::from_utf8_lossy(self.str_arg(at)).into_owned();
                match std::fs::metadata(&name) {
                    Ok(m) => {
                        let mut mode = (m.mode() & 0o777) as u64;
                        if m.is_dir() {
                            mode |= 1 << 31;
                        }
                        self.stack[at] = m.size();
                        self.stack[at + 1] = mode;
                        self.stack[at + 2] = m.mtime() as u64;
                        self.stack[at + 3] = 0;
                    }
                    Err(e) => {
                        self.stack[at..at + 3].fill(0);
                        self.stack[at + 3] = errno(&e);
                    }
                }
                Ok(())
            }
            Native::TimeNow => {
                let d = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap_or_default();
                self.stack[at] = d.as_secs();
                self.stack[at + 1] = d.subsec_nanos() as u64;
                self.stack[at + 2] = self.started.elapsed().as_nanos() as u64;
                Ok(())
            }
            Native::TimeLocalZone => {
                let (name, off) = local_zone(self.stack[at] as i64);
                let r = self.ret_string(at, name.as_bytes());
                self.stack[at + 2] = off as u64;
                r
            }
            Native::TimeSleep => {
                let d = self.stack[at] as i64;
                if d <= 0 {
                    return Some(Ok(()));
                }
                self.flush();
                let deadline =
                    std::time::Instant::now() + std::time::Duration::from_nanos(d as u64);
                self.sleep_until(deadline, top)
            }
            Native::SyncSemacquire => {
                const WHY: [&str; 5] = [
                    "sync.Mutex.Lock",
                    "sync.WaitGroup.Wait",
                    "sync.RWMutex.RLock",
                    "sync.RWMutex.Lock",
                    "sync.Cond.Wait",
                ];
                let (addr, why) = (self.stack[at], self.stack[at + 1] as usize);
                self.sem_acquire(addr, WHY[why.min(WHY.len() - 1)], top)
            }
            Native::SyncSemrelease => {
                self.sem_release(self.stack[at]);
                Ok(())
            }
            Native::SyncFatal => {
                let msg = String::from_utf8_lossy(self.str_arg(at)).into_owned();
                Err(Panic::Throw {
                    msg: format!("fatal error: {msg}"),
                    status: "running".into(),
                    others: String::new(),
                })
            }
            Native::RuntimeGosched => self.yield_now(top),
            Native::IterCorostarted => {
                self.stack[at] = self.last_started() as u64;
                Ok(())
            }
            Native::IterCoroself => {
                self.stack[at] = self.cur_g() as u64;
                Ok(())
            }
            Native::IterCoroswitch => {
                let to = usize::try_from(self.stack[at] as i64).ok();
                self.coro_switch(to, self.stack[at + 1] != 0, top)
            }
            Native::RuntimeNumGoroutine => {
                self.stack[at] = self.live_goroutines() as u64;
                Ok(())
            }
            Native::RuntimeGC => {
                let (cur, fp) = self.native_frame;
                self.collect(cur, fp, crate::interp::gc::At::Unknown)
            }
            // The runtime's random numbers (math/rand's top-level functions):
            // the generator of map orders, seeded at start (--map-seed fixes
            // it, as it fixes map orders).
            Native::RandRuntimeRand | Native::RandV2RuntimeRand => {
                self.stack[at] = self.map_rand();
                Ok(())
            }
            Native::RuntimeNumCPU => {
                self.stack[at] = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
                Ok(())
            }
            Native::FlagZeroValue => {
                let (tab, data) = (self.stack[at], self.stack[at + 1]);
                if tab != 0 {
                    let z = self.zero_of(dyn_type(tab, false), data);
                    match z {
                        Ok(w) => self.stack[at + 1] = w,
                        Err(e) => return Some(Err(e)),
                    }
                }
                Ok(())
            }
            Native::AtomicSameType => {
                let (a, b) = (self.stack[at], self.stack[at + 2]);
                let same = a != 0 && b != 0 && dyn_type(a, true).ty == dyn_type(b, true).ty;
                self.stack[at] = same as u64;
                Ok(())
            }
            _ => return None,
        })
    }

    /// The data word of a zero value of dynamic type `d` (whose value's
    /// data word is `data`): a pointer to a new zero element for a pointer
    /// type, a new zeroed box otherwise (none for other pointer-shaped types).
    fn zero_of(
        &mut self,
        d: &'static crate::runtime::typedesc::TypeDesc,
        data: u64,
    ) -> Result<u64, Panic> {
        let types = &self.prog.types;
        if let Some(elem) = types.pointee(d.ty) {
            let Some(ed) = self.prog.descs.get(elem.0 as usize).copied().flatten() else {
                return Ok(data);
            };
            return self.heap.alloc((ed.size / 8).max(1) as usize, ed.layout);
        }
        if d.direct {
            return Ok(0);
        }
        self.heap.alloc((d.size / 8).max(1) as usize, d.layout)
    }

    /// `os.Args`: a new `[]string` of the command line.
    fn os_args(&mut self, at: usize) -> Result<(), Panic> {
        let args = self.args.clone();
        let n = args.len();
        let arr = self
            .heap
            .alloc(2 * n.max(1), crate::runtime::heap::STRING)?;
        for (i, a) in args.iter().enumerate() {
            let (p, l) = self.heap.new_string(a.as_bytes())?;
            mem::store(arr, 2 * i, p);
            mem::store(arr, 2 * i + 1, l);
        }
        self.stack[at] = arr;
        self.stack[at + 1] = n as u64;
        self.stack[at + 2] = n as u64;
        Ok(())
    }

    /// Reads up to `len` bytes of descriptor `fd` (0: the program's
    /// stdin, stdout flushed first) into the `[]byte` array at `p`.
    fn read_fd(&mut self, fd: i64, p: u64, len: u64) -> std::io::Result<usize> {
        let mut buf = vec![0u8; len as usize];
        let n = match fd {
            0 => {
                self.flush();
                std::io::stdin().read(&mut buf)
            }
            _ => match self.files.get_mut(&fd) {
                Some(f) => f.read(&mut buf),
                None => Err(std::io::Error::from_raw_os_error(9)),
            },
        }?;
        mem::store_bytes(p, &buf[..n]);
        Ok(n)
    }

    /// A (value, errno) result pair.
    fn set_result(&mut self, at: usize, r: std::io::Result<u64>) {
        match r {
            Ok(v) => {
                self.stack[at] = v;
                self.stack[at + 1] = 0;
            }
            Err(e) => {
                self.stack[at] = 0;
                self.stack[at + 1] = errno(&e);
            }
        }
    }
}

/// Opens a file as `os.OpenFile` with Go's (Linux) flags.
fn open(name: &str, flag: i64, perm: u32) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut o = std::fs::OpenOptions::new();
    match flag & 3 {
        0 => o.read(true),
        1 => o.write(true),
        _ => o.read(true).write(true),
    };
    if flag & 0x400 != 0 {
        o.append(true);
    }
    if flag & 0x40 != 0 {
        if flag & 0x80 != 0 {
            o.create_new(true);
        } else {
            o.create(true);
        }
    }
    if flag & 0x200 != 0 {
        o.truncate(true);
    }
    o.mode(perm).open(name)
}

/// The local time zone at Unix time `sec`: its abbreviation and offset
/// east of UTC in seconds (from the C library's tz data).
fn local_zone(sec: i64) -> (String, i64) {
    // SAFETY: `localtime_r` writes the `tm` it is given and reads `t`;
    // both live on this stack; `tm_zone` points to static tz data (or is
    // null), read at once.
    unsafe {
        let t: libc::time_t = sec;
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&t, &mut tm).is_null() {
            return ("UTC".into(), 0);
        }
        let name = if tm.tm_zone.is_null() {
            String::new()
        } else {
            std::ffi::CStr::from_ptr(tm.tm_zone)
                .to_string_lossy()
                .into_owned()
        };
        (name, tm.tm_gmtoff)
    }
}
