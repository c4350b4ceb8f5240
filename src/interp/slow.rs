//! The interpreter's one slow path (`Vm::exec_op`): the instructions its
//! loop runs out of line, those compiled code leaves to the runtime, and
//! re-runs of compiled fast paths that are about to fail; with Go's
//! growslice and slicing rules, which only it needs.

use super::{
    desc, dyn_type, f, f_to_i32, f_to_i64, f_to_u64, iface_name, in_bounds, mem, Vm, NONE,
};
use crate::bytecode::op::{elem_bytes, elems_words, never_slow_ops, Op, PACKED};
use crate::runtime::heap::out_of_memory;
use crate::runtime::heap::ZERO_SIZED;
use crate::runtime::panic::Panic;
use crate::runtime::typedesc::{self, Itab, TypeDesc};
use pgojit_profiler::FuncId;

impl Vm<'_> {
    /// [`Vm::exec_op`] for compiled code (`tier::runtime::op`): the
    /// instructions it leaves to the runtime most often (string
    /// concatenation, calls of natives: `"k" + strconv.Itoa(i)`) run
    /// here without the dispatch over every opcode, the rest there.
    #[inline]
    pub(crate) fn exec_op_compiled(
        &mut self,
        op: &Op,
        cur: FuncId,
        fp: usize,
    ) -> Result<(), Panic> {
        match *op {
            Op::StrConcat { d, a, b } => {
                self.op_safepoint(op, cur, fp)?;
                self.str_concat(fp, d, a, b)
            }
            Op::CallNative { native, base } => {
                self.op_safepoint(op, cur, fp)?;
                self.call_native(cur, fp, native, base)
            }
            _ => self.exec_op(op, cur, fp),
        }
    }

    /// A safepoint before `op`, if it may allocate: a collection when one
    /// is due (every live value is in a frame slot).
    #[inline(always)]
    fn op_safepoint(&mut self, op: &Op, cur: FuncId, fp: usize) -> Result<(), Panic> {
        // (`due` first: it is a field compare, `facts` a match over every opcode.)
        if self.heap.due() && op.facts().alloc {
            self.collect(cur, fp, super::gc::At::Op(op))?;
        }
        Ok(())
    }

    /// `StrConcat`: slot `d` = the strings at slots `a` and `b`, one after
    /// the other (either one itself when the other is empty).
    #[inline(always)]
    fn str_concat(&mut self, fp: usize, d: u32, a: u32, b: u32) -> Result<(), Panic> {
        let (d, a, b) = (fp + d as usize, fp + a as usize, fp + b as usize);
        let st = &self.stack;
        let (x, y) = (mem::bytes(st[a], st[a + 1]), mem::bytes(st[b], st[b + 1]));
        let (p, n) = if y.is_empty() {
            (st[a], st[a + 1])
        } else if x.is_empty() {
            (st[b], st[b + 1])
        } else {
            self.heap.new_string_of(&[x, y])?
        };
        self.stack[d] = p;
        self.stack[d + 1] = n;
        Ok(())
    }

    /// `CallNative`: the native's arguments and results at slot `base`.
    #[inline(always)]
    fn call_native(
        &mut self,
        cur: FuncId,
        fp: usize,
        native: crate::types::Native,
        base: u32,
    ) -> Result<(), Panic> {
        let top = self.frame_top(cur, fp);
        self.native_frame = (cur, fp);
        self.native(native, fp + base as usize, top)
    }

    /// The interpreter's one slow path: the instructions its loop runs out
    /// of line (class `slow` in the opcode table), those compiled code
    /// leaves to the runtime (class `helper`), and re-runs of compiled fast
    /// paths that are about to fail (class `exits`), so the panic is this
    /// tier's. Kept out of `run`'s loop so that the common instructions
    /// keep their operands in registers.
    #[inline(never)]
    pub(crate) fn exec_op(&mut self, op: &Op, cur: FuncId, fp: usize) -> Result<(), Panic> {
        self.op_safepoint(op, cur, fp)?;
        let st: *mut u64 = self.stack.as_mut_ptr();
        macro_rules! s {
            ($i:expr) => {
                // SAFETY: as in `run`: the verifier bounds every slot operand by the frame.
                *unsafe { &mut *st.add(fp + $i as usize) }
            };
        }
        match *op {
            Op::DivS { d, a, b } => {
                let y = s!(b) as i64;
                if y == 0 {
                    return Err(Panic::divide());
                }
                s!(d) = (s!(a) as i64).wrapping_div(y) as u64;
            }
            Op::DivU { d, a, b } => {
                let y = s!(b);
                if y == 0 {
                    return Err(Panic::divide());
                }
                s!(d) = s!(a) / y;
            }
            Op::RemS { d, a, b } => {
                let y = s!(b) as i64;
                if y == 0 {
                    return Err(Panic::divide());
                }
                s!(d) = (s!(a) as i64).wrapping_rem(y) as u64;
            }
            Op::RemU { d, a, b } => {
                let y = s!(b);
                if y == 0 {
                    return Err(Panic::divide());
                }
                s!(d) = s!(a) % y;
            }
            Op::FToI { d, s, signed, w32 } => {
                let x = f(s!(s));
                s!(d) = if w32 {
                    f_to_i32(x) as i64 as u64
                } else if signed {
                    f_to_i64(x) as u64
                } else {
                    f_to_u64(x)
                };
            }
            Op::StrConcat { d, a, b } => self.str_concat(fp, d, a, b)?,
            Op::StrCmp { d, a, b, c } => {
                let (x, y) = (mem::bytes(s!(a), s!(a + 1)), mem::bytes(s!(b), s!(b + 1)));
                let o = crate::runtime::strings::compare(x, y);
                s!(d) = c.holds(o, std::cmp::Ordering::Equal) as u64;
            }
            Op::StrIndex { d, s, i } => {
                let (p, n) = (s!(s), s!(s + 1));
                let i = s!(i) as i64;
                if i < 0 || i as u64 >= n {
                    return Err(Panic::index(i, n));
                }
                s!(d) = mem::bytes(p, n)[i as usize] as u64;
            }
            Op::StrSlice { d, s, lo, hi } => {
                let (p, n) = (s!(s), s!(s + 1));
                let l = if lo == NONE { 0 } else { s!(lo) };
                let h = if hi == NONE { n } else { s!(hi) };
                if h > n {
                    let h = h as i64;
                    return Err(Panic::Runtime(if h < 0 {
                        format!("slice bounds out of range [:{h}]")
                    } else {
                        format!("slice bounds out of range [:{h}] with length {n}")
                    }));
                }
                if l > h {
                    let l = l as i64;
                    return Err(Panic::Runtime(if l < 0 {
                        format!("slice bounds out of range [{l}:]")
                    } else {
                        format!("slice bounds out of range [{l}:{h}]")
                    }));
                }
                s!(d) = if h == l { 0 } else { p + l };
                s!(d + 1) = h - l;
            }
            Op::StrDecodeRune { d, s, i } => {
                let b = mem::bytes(s!(s), s!(s + 1));
                let (r, w) = crate::runtime::fmt::utf8::decode_rune(&b[s!(i) as usize..]);
                s!(d) = r as i64 as u64;
                s!(d + 1) = w as u64;
            }
            Op::StrFromRune { d, s } => {
                let v = s!(s) as i64;
                let c = u32::try_from(v)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                let mut buf = [0u8; 4];
                let (p, n) = self.heap.new_string(c.encode_utf8(&mut buf).as_bytes())?;
                s!(d) = p;
                s!(d + 1) = n;
            }
            Op::StrFromBytes { d, s } => {
                let (p, n) = (s!(s), s!(s + 1));
                // (Allocation never collects or moves: the bytes stay put.)
                let (sp, sn) = self.heap.new_string(mem::byte_slice(p, n))?;
                s!(d) = sp;
                s!(d + 1) = sn;
            }
            Op::BytesFromStr { d, s } => {
                // (Allocation never collects or moves: `b` stays valid.)
                let b = mem::bytes(s!(s), s!(s + 1));
                let p = self.heap.alloc_bytes(b.len())?;
                mem::store_bytes(p, b);
                s!(d) = p;
                s!(d + 1) = b.len() as u64;
                s!(d + 2) = b.len() as u64;
            }
            Op::SliceAddrB { d, s, i } => {
                let (p, len) = (s!(s), s!(s + 1));
                let i = s!(i) as i64;
                if i < 0 || i as u64 >= len {
                    return Err(Panic::index(i, len));
                }
                s!(d) = p + i as u64;
            }
            Op::SliceLoadB { d, s, i } => {
                let (p, len) = (s!(s), s!(s + 1));
                let i = s!(i) as i64;
                if i < 0 || i as u64 >= len {
                    return Err(Panic::index(i, len));
                }
                s!(d) = mem::load_byte(p, i as u64);
            }
            Op::SliceStoreB { s, i, v } => {
                let (p, len) = (s!(s), s!(s + 1));
                let i = s!(i) as i64;
                if i < 0 || i as u64 >= len {
                    return Err(Panic::index(i, len));
                }
                mem::store_byte(p, i as u64, s!(v));
            }
            Op::LoadB { d, p } => {
                let a = s!(p);
                if a == 0 {
                    return Err(Panic::nil_deref());
                }
                s!(d) = mem::load_byte(a, 0);
            }
            Op::StoreB { p, s } => {
                let a = s!(p);
                if a == 0 {
                    return Err(Panic::nil_deref());
                }
                mem::store_byte(a, 0, s!(s));
            }
            Op::StrFromRunes { d, s } => {
                let (p, n) = (s!(s), s!(s + 1));
                let mut v = Vec::new();
                for i in 0..n as usize {
                    let r = mem::load(p, i) as i64;
                    let c = u32::try_from(r)
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or('\u{FFFD}');
                    let mut buf = [0u8; 4];
                    v.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                let (sp, sn) = self.heap.new_string(&v)?;
                s!(d) = sp;
                s!(d + 1) = sn;
            }
            Op::RunesFromStr { d, s } => {
                let b = mem::bytes(s!(s), s!(s + 1));
                let mut rs = Vec::new();
                let mut i = 0;
                while i < b.len() {
                    let (r, w) = crate::runtime::fmt::utf8::decode_rune(&b[i..]);
                    rs.push(r as i64 as u64);
                    i += w.max(1);
                }
                let p = self.heap.alloc(rs.len(), crate::runtime::heap::NOSCAN)?;
                for (i, r) in rs.iter().enumerate() {
                    mem::store(p, i, *r);
                }
                s!(d) = p;
                s!(d + 1) = rs.len() as u64;
                s!(d + 2) = rs.len() as u64;
            }
            Op::FrameLoadIdx {
                d,
                base,
                i,
                len,
                stride,
                off,
                n,
            } => {
                let i = in_bounds(s!(i), len)?;
                let src = fp + base as usize + i * stride as usize + off as usize;
                self.stack
                    .copy_within(src..src + n as usize, fp + d as usize);
            }
            Op::FrameStoreIdx {
                base,
                i,
                v,
                len,
                stride,
                off,
                n,
            } => {
                let i = in_bounds(s!(i), len)?;
                let dst = fp + base as usize + i as usize * stride as usize + off as usize;
                let src = fp + v as usize;
                self.stack.copy_within(src..src + n as usize, dst);
            }
            Op::FrameLoadDyn { d, base, o, off, n } => {
                let src = fp + base as usize + s!(o) as usize + off as usize;
                self.stack
                    .copy_within(src..src + n as usize, fp + d as usize);
            }
            Op::FrameStoreDyn { base, o, off, v, n } => {
                let dst = fp + base as usize + s!(o) as usize + off as usize;
                let src = fp + v as usize;
                self.stack.copy_within(src..src + n as usize, dst);
            }
            Op::SliceSlice {
                d,
                s,
                lo,
                hi,
                max,
                stride,
            } => {
                let (p, len, cap) = (s!(s), s!(s + 1), s!(s + 2));
                let r = self.reslice(p, len, cap, lo, hi, max, stride, fp, false);
                let (np, nl, nc) = r?;
                s!(d) = np;
                s!(d + 1) = nl;
                s!(d + 2) = nc;
            }
            Op::ArraySlice {
                d,
                p,
                len,
                lo,
                hi,
                max,
                stride,
            } => {
                let a = s!(p);
                let r = self.reslice(a, len as u64, len as u64, lo, hi, max, stride, fp, true);
                let (np, nl, nc) = r?;
                s!(d) = np;
                s!(d + 1) = nl;
                s!(d + 2) = nc;
            }
            Op::MakeSlice {
                d,
                len,
                cap,
                stride,
                layout,
            } => {
                let l = s!(len) as i64;
                let c = if cap == NONE { l } else { s!(cap) as i64 };
                // Go's makeslice: a length or capacity is out of range when
                // negative or when its bytes pass maxAlloc (2^48 on amd64).
                let too_big = |n: i64| {
                    n < 0
                        || (n as u64)
                            .checked_mul(elem_bytes(stride))
                            .is_none_or(|b| b > 1 << 48)
                };
                if too_big(c) || l > c {
                    return Err(Panic::Runtime(if too_big(l) {
                        "makeslice: len out of range".into()
                    } else {
                        "makeslice: cap out of range".into()
                    }));
                }
                s!(d) = self
                    .heap
                    .alloc(elems_words(c as u64, stride) as usize, layout)?;
                s!(d + 1) = l as u64;
                s!(d + 2) = c as u64;
            }
            Op::Append {
                d,
                s,
                v,
                count,
                stride,
                layout,
                elem,
            } => {
                let (p, len, cap) = (s!(s), s!(s + 1), s!(s + 2));
                let (np, nc) = self.grow(p, len, cap, count as u64, stride, layout, elem)?;
                let b = fp + v as usize;
                if stride & PACKED != 0 {
                    for k in 0..count as u64 {
                        mem::store_byte(np, len + k, self.stack[b + k as usize]);
                    }
                } else {
                    let n = (count * stride) as usize;
                    mem::store_n(np, len as usize * stride as usize, &self.stack[b..b + n]);
                }
                s!(d) = np;
                s!(d + 1) = len + count as u64;
                s!(d + 2) = nc;
            }
            Op::AppendSlice {
                d,
                s,
                t,
                stride,
                from_str: _,
                layout,
                elem,
            } => {
                let (p, len, cap) = (s!(s), s!(s + 1), s!(s + 2));
                let (tp, tl) = (s!(t), s!(t + 1));
                if tl == 0 {
                    s!(d) = p;
                    s!(d + 1) = len;
                    s!(d + 2) = cap;
                } else {
                    let (np, nc) = self.grow(p, len, cap, tl, stride, layout, elem)?;
                    // (A string's bytes are a `[]byte`'s elements.)
                    mem::copy_elems(np, len, tp, 0, tl, stride);
                    s!(d) = np;
                    s!(d + 1) = len + tl;
                    s!(d + 2) = nc;
                }
            }
            Op::Copy {
                d,
                dst,
                src,
                stride,
                from_str: _,
            } => {
                let (dp, dl) = (s!(dst), s!(dst + 1));
                let (sp, sl) = (s!(src), s!(src + 1));
                let n = dl.min(sl);
                mem::copy_elems(dp, 0, sp, 0, n, stride);
                s!(d) = n;
            }
            Op::MakeIface {
                d,
                s,
                tab,
                n,
                direct,
                layout,
            } => {
                let data = if direct {
                    s!(s)
                } else if n == 0 {
                    ZERO_SIZED
                } else {
                    let p = self.heap.alloc(n as usize, layout)?;
                    let b = fp + s as usize;
                    mem::store_n(p, 0, &self.stack[b..b + n as usize]);
                    p
                };
                s!(d) = tab;
                s!(d + 1) = data;
            }
            Op::IfaceToIface {
                d,
                s,
                target,
                src_empty,
            } => {
                let (tab, data) = (s!(s), s!(s + 1));
                if tab == 0 {
                    s!(d) = 0;
                    s!(d + 1) = 0;
                } else {
                    let dynt = dyn_type(tab, src_empty);
                    let tgt = desc(target);
                    let w = if tgt.methods.is_empty() {
                        dynt as *const TypeDesc as u64
                    } else {
                        match typedesc::itab(tgt, dynt) {
                            Some(it) => it as *const Itab as u64,
                            None => {
                                return Err(Panic::Conversion(format!(
                                    "interface conversion: {} is not {}",
                                    dynt.name, tgt.name
                                )))
                            }
                        }
                    };
                    s!(d) = w;
                    s!(d + 1) = data;
                }
            }
            Op::MapMake {
                d,
                hint,
                ty,
                header,
                layout,
            } => {
                let sh = self.map_shape(ty);
                let h = if hint == NONE { 0 } else { s!(hint) as i64 };
                s!(d) = self.map_make(h, header, layout, sh)?;
            }
            Op::MapIndex {
                d,
                m,
                k,
                ty,
                kw,
                vw,
                ok,
            } => {
                let sh = self.map_shape(ty);
                let key = self.slots(fp, k, kw);
                let mut out: super::maps::Words = smallvec::smallvec![0; vw as usize];
                let found = self.map_index(s!(m), &key, sh, &mut out)?;
                self.set_slots(fp, d, &out);
                if ok != NONE {
                    s!(ok) = found as u64;
                }
            }
            Op::MapAssign {
                m,
                k,
                v,
                ty,
                kw,
                vw,
            } => {
                let sh = self.map_shape(ty);
                let key = self.slots(fp, k, kw);
                let val = self.slots(fp, v, vw);
                self.map_assign(s!(m), &key, &val, sh)?;
            }
            Op::MapDelete { m, k, ty, kw, .. } => {
                let sh = self.map_shape(ty);
                let key = self.slots(fp, k, kw);
                self.map_delete(s!(m), &key, sh)?;
            }
            Op::MapLen { d, m } => s!(d) = Vm::map_len(s!(m)),
            Op::SliceClear { s, stride } => {
                let (p, n) = (s!(s), s!(s + 1) * elem_bytes(stride));
                mem::zero_bytes(p, n);
            }
            Op::MapClear { m, ty, .. } => {
                let sh = self.map_shape(ty);
                self.map_clear(s!(m), sh);
            }
            Op::MapIter { d, m, layout } => s!(d) = self.map_iter(s!(m), layout)?,
            Op::MapNext {
                ok,
                it,
                k,
                v,
                ty,
                kw,
                vw,
            } => {
                let sh = self.map_shape(ty);
                let mut key: super::maps::Words = smallvec::smallvec![0; kw as usize];
                let mut val: super::maps::Words = smallvec::smallvec![0; vw as usize];
                let more = self.map_next(s!(it), sh, &mut key, &mut val)?;
                if more {
                    self.set_slots(fp, k, &key);
                    self.set_slots(fp, v, &val);
                }
                s!(ok) = more as u64;
            }
            Op::AssertType {
                d,
                s,
                ty,
                n,
                direct,
                src_empty,
                src,
                ok,
            } => {
                let (tab, data) = (s!(s), s!(s + 1));
                let hit = tab != 0 && dyn_type(tab, src_empty) as *const TypeDesc as u64 == ty;
                if hit {
                    if direct {
                        s!(d) = data;
                    } else if n > 0 {
                        let b = fp + d as usize;
                        mem::load_n(data, 0, &mut self.stack[b..b + n as usize]);
                    }
                    if ok != NONE {
                        s!(ok) = 1;
                    }
                } else if ok != NONE {
                    let b = fp + d as usize;
                    self.stack[b..b + n as usize].fill(0);
                    s!(ok) = 0;
                } else {
                    let want = &desc(ty).name;
                    let from = iface_name(desc(src));
                    let msg = if tab == 0 {
                        format!("interface conversion: {from} is nil, not {want}")
                    } else {
                        format!(
                            "interface conversion: {from} is {}, not {want}",
                            dyn_type(tab, src_empty).name
                        )
                    };
                    return Err(Panic::Conversion(msg));
                }
            }
            Op::AssertIface {
                d,
                s,
                target,
                src_empty,
                src,
                ok,
            } => {
                let (tab, data) = (s!(s), s!(s + 1));
                let tgt = desc(target);
                let res: Result<u64, String> = if tab == 0 {
                    Err(format!(
                        "interface conversion: {} is nil, not {}",
                        iface_name(desc(src)),
                        tgt.name
                    ))
                } else {
                    let dynt = dyn_type(tab, src_empty);
                    if tgt.methods.is_empty() {
                        Ok(dynt as *const TypeDesc as u64)
                    } else {
                        match typedesc::itab(tgt, dynt) {
                            Some(it) => Ok(it as *const Itab as u64),
                            None => Err(format!(
                                "interface conversion: {} is not {}: missing method {}",
                                dynt.name,
                                tgt.name,
                                typedesc::missing_method(tgt, dynt).unwrap_or_default()
                            )),
                        }
                    }
                };
                let _ = src;
                match res {
                    Ok(w) => {
                        s!(d) = w;
                        s!(d + 1) = data;
                        if ok != NONE {
                            s!(ok) = 1;
                        }
                    }
                    Err(m) => {
                        if ok == NONE {
                            return Err(Panic::Conversion(m));
                        }
                        s!(d) = 0;
                        s!(d + 1) = 0;
                        s!(ok) = 0;
                    }
                }
            }
            Op::IfaceEq { d, a, b, empty, ne } => {
                let (x, y) = ([s!(a), s!(a + 1)], [s!(b), s!(b + 1)]);
                let r = self.iface_eq(x, y, empty)?;
                s!(d) = (r != ne) as u64;
            }
            Op::ValueEq { d, a, b, ty, ne } => {
                let t = desc(ty);
                let n = t.words();
                let x: Vec<u64> = self.stack[fp + a as usize..fp + a as usize + n].to_vec();
                let y: Vec<u64> = self.stack[fp + b as usize..fp + b as usize + n].to_vec();
                let r = self.value_eq(t.ty, &x, &y)?;
                s!(d) = (r != ne) as u64;
            }
            Op::MakeClosure {
                d,
                func: target,
                caps,
                n,
                layout,
            } => {
                let p = self.heap.alloc(1 + n as usize, layout)?;
                mem::store(p, 0, target.0 as u64);
                let b = fp + caps as usize;
                mem::store_n(p, 1, &self.stack[b..b + n as usize]);
                s!(d) = p;
            }
            Op::Print { s, kind, space } => {
                let b = fp + s as usize;
                let words = [self.stack[b], self.stack.get(b + 1).copied().unwrap_or(0)];
                self.print_builtin(kind, words, space);
            }
            Op::Alloc { d, n, layout } => s!(d) = self.heap.alloc(n as usize, layout)?,
            Op::CallNative { native, base } => return self.call_native(cur, fp, native, base),
            Op::Panic { s } => {
                if s!(s) == 0 {
                    return Err(Panic::Runtime("panic called with nil argument".into()));
                }
                return Err(Panic::Value([s!(s), s!(s + 1)]));
            }
            Op::Protect { body, line } => return self.protect(body, line, cur, fp),
            Op::DeferPush {
                wrap,
                base,
                n,
                nil_at,
                into,
            } => {
                if nil_at != NONE && s!(nil_at) == 0 {
                    return Err(Panic::nil_deref());
                }
                let into = (into.0 != NONE).then_some(into);
                self.defer_push(wrap, base, fp + base as usize, n as usize, into);
            }
            Op::ChanMake {
                d,
                size,
                w,
                header,
                layout,
            } => {
                let n = if size == NONE { 0 } else { s!(size) as i64 };
                s!(d) = self.chan_make(n, w, header, layout)?;
            }
            Op::ChanSend { ch, v, .. } => {
                let at = st.wrapping_add(fp + v as usize);
                self.chan_send(s!(ch), at, cur, fp)?;
            }
            Op::ChanRecv { d, ch, ok, .. } => {
                let at = st.wrapping_add(fp + d as usize);
                let okp = if ok == NONE {
                    std::ptr::null_mut()
                } else {
                    st.wrapping_add(fp + ok as usize)
                };
                self.chan_recv(s!(ch), at, okp, cur, fp)?;
            }
            Op::ChanClose { ch } => self.chan_close(s!(ch))?,
            Op::ChanLen { d, ch, cap } => s!(d) = self.chan_len(s!(ch), cap),
            Op::Select {
                d,
                cases,
                n,
                vals,
                outs,
                block,
                ..
            } => {
                s!(d) = self.select(cases, n, vals, outs, block, cur, fp)?;
            }
            Op::Go {
                wrap,
                base,
                n,
                nil_at,
                func_at,
                by,
                line,
            } => {
                if nil_at != NONE && s!(nil_at) == 0 {
                    return Err(Panic::nil_deref());
                }
                if func_at != NONE && s!(func_at) == 0 {
                    return Err(Panic::Throw {
                        msg: "fatal error: go of nil func value".into(),
                        status: "running".into(),
                        others: String::new(),
                    });
                }
                let words = self.slots(fp, base, n);
                self.go_start(wrap, base as usize, &words, by, line)?;
            }
            Op::Recover { d } => {
                let v = self.recover(cur, fp)?;
                s!(d) = v[0];
                s!(d + 1) = v[1];
            }
            Op::PanicNil => return Err(Panic::nil_deref()),
            Op::PanicRangeDone { exited } => return Err(Panic::range_done(exited)),
            Op::PrintNl => self.print_raw(b"\n"),
            Op::DivC { d, a, b } => {
                let (re, im) = complex128_div((f(s!(a)), f(s!(a + 1))), (f(s!(b)), f(s!(b + 1))));
                s!(d) = re.to_bits();
                s!(d + 1) = im.to_bits();
            }
            Op::IToF32 { d, s, signed } => {
                let v = s!(s);
                s!(d) = (if signed { v as i64 as f32 } else { v as f32 } as f64).to_bits();
            }
            Op::IToF { d, s, signed } => {
                let v = s!(s);
                s!(d) = if signed { (v as i64) as f64 } else { v as f64 }.to_bits();
            }
            Op::CheckShift { s } => {
                if (s!(s) as i64) < 0 {
                    return Err(Panic::Runtime("negative shift amount".into()));
                }
            }
            Op::SliceAddr { s, i, .. }
            | Op::SliceLoad { s, i, .. }
            | Op::SliceStore { s, i, .. } => {
                let (len, i) = (s!(s + 1), s!(i) as i64);
                if i < 0 || i as u64 >= len {
                    return Err(Panic::index(i, len));
                }
                return Err(Panic::Fatal(format!(
                    "internal error: {op:?} re-run in bounds"
                )));
            }
            Op::CheckIndex { i, len } => {
                in_bounds(s!(i), len)?;
            }
            // Compiled code's re-run of a masked load about to fail.
            Op::AndImmSliceLoad { m, a, imm, .. } => {
                s!(m) = s!(a) & imm as u64;
                let [_, load] = crate::bytecode::peephole::parts(op).expect("a fused op");
                return self.exec_op(&load, cur, fp);
            }
            never_slow_ops!() => {
                return Err(Panic::Fatal(format!(
                    "internal error: {op:?} has no slow path"
                )))
            }
        }
        Ok(())
    }

    /// Go's growslice: room for `extra` more elements, the capacity as
    /// Go's runtime gives it (`runtime::growslice`).
    #[allow(clippy::too_many_arguments)]
    fn grow(
        &mut self,
        p: u64,
        len: u64,
        cap: u64,
        extra: u64,
        stride: u32,
        layout: u32,
        elem: u32,
    ) -> Result<(u64, u64), Panic> {
        let need = len.checked_add(extra).ok_or_else(out_of_memory)?;
        if need <= cap {
            return Ok((p, cap));
        }
        let nc = crate::runtime::growslice::grown_cap(cap, need, elem);
        let words = if stride & PACKED != 0 {
            nc.div_ceil(8)
        } else {
            nc.checked_mul(stride as u64).ok_or_else(out_of_memory)?
        };
        // (Whole words of old elements only: a `[]byte`'s last word is
        // partly theirs, partly zeroed capacity.)
        let old = (len * elem_bytes(stride) / 8) as usize;
        let np = self.heap.alloc_filled(
            usize::try_from(words).map_err(|_| out_of_memory())?,
            layout,
            old,
        )?;
        mem::copy_elems(np, 0, p, 0, len, stride);
        Ok((np, nc))
    }

    /// `s[lo:hi:max]` of a slice (or, `array`, of an array of `len`
    /// elements): the new pointer, length and capacity, or Go's panic,
    /// whose text names the first bound found wrong (a negative one
    /// without the length or capacity, as Go's runtime prints it).
    #[allow(clippy::too_many_arguments)]
    fn reslice(
        &self,
        p: u64,
        len: u64,
        cap: u64,
        lo: u32,
        hi: u32,
        max: u32,
        stride: u32,
        fp: usize,
        array: bool,
    ) -> Result<(u64, u64, u64), Panic> {
        let get = |s: u32| self.stack[fp + s as usize];
        let l = if lo == NONE { 0 } else { get(lo) };
        let h = if hi == NONE { len } else { get(hi) };
        let m = if max == NONE { cap } else { get(max) };
        let bound = if array { "length" } else { "capacity" };
        let (li, hi_, mi) = (l as i64, h as i64, m as i64);
        let bad = |at: String| Err(Panic::Runtime(format!("slice bounds out of range {at}")));
        if max != NONE {
            if m > cap {
                return bad(if mi < 0 {
                    format!("[::{mi}]")
                } else {
                    format!("[::{mi}] with {bound} {cap}")
                });
            }
            if h > m {
                return bad(if hi_ < 0 {
                    format!("[:{hi_}:]")
                } else {
                    format!("[:{hi_}:{mi}]")
                });
            }
            if l > h {
                return bad(if li < 0 {
                    format!("[{li}::]")
                } else {
                    format!("[{li}:{hi_}:]")
                });
            }
        } else {
            if h > m {
                return bad(if hi_ < 0 {
                    format!("[:{hi_}]")
                } else {
                    format!("[:{hi_}] with {bound} {m}")
                });
            }
            if l > h {
                return bad(if li < 0 {
                    format!("[{li}:]")
                } else {
                    format!("[{li}:{hi_}]")
                });
            }
        }
        let np = if m - l == 0 {
            p
        } else {
            p + l * elem_bytes(stride)
        };
        Ok((np, h - l, m - l))
    }
}

/// `n / m` on complex128 values, as Go's runtime `complex128div`: Smith's
/// algorithm (Commun. ACM 5(8), 1962), then C99's infinities and zeros
/// (ISO/IEC 9899:1999 G.5.1) where both parts came out NaN.
pub(crate) fn complex128_div(n: (f64, f64), m: (f64, f64)) -> (f64, f64) {
    let (a, b) = n;
    let (c, d) = m;
    let (mut e, mut f);
    if c.abs() >= d.abs() {
        let ratio = d / c;
        let denom = c + ratio * d;
        e = (a + b * ratio) / denom;
        f = (b - a * ratio) / denom;
    } else {
        let ratio = c / d;
        let denom = d + ratio * c;
        e = (a * ratio + b) / denom;
        f = (b * ratio - a) / denom;
    }
    if e.is_nan() && f.is_nan() {
        let inf = f64::INFINITY;
        let b2f = |x: bool| -> f64 {
            if x {
                1.0
            } else {
                0.0
            }
        };
        if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
            e = inf.copysign(c) * a;
            f = inf.copysign(c) * b;
        } else if (a.is_infinite() || b.is_infinite()) && c.is_finite() && d.is_finite() {
            let a = b2f(a.is_infinite()).copysign(a);
            let b = b2f(b.is_infinite()).copysign(b);
            e = inf * (a * c + b * d);
            f = inf * (b * c - a * d);
        } else if (c.is_infinite() || d.is_infinite()) && a.is_finite() && b.is_finite() {
            let c = b2f(c.is_infinite()).copysign(c);
            let d = b2f(d.is_infinite()).copysign(d);
            e = 0.0 * (a * c + b * d);
            f = 0.0 * (b * c - a * d);
        }
    }
    (e, f)
}
