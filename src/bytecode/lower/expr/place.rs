//! Places: assignable locations (frame slots, memory behind a pointer,
//! globals, slice elements, frame arrays indexed at run time), how an
//! expression denotes one, and reading, writing and taking their address.

use super::NONE;
use crate::bytecode::lower::{FnCtx, VarLoc, R};
use crate::bytecode::op::{Op, Slot, PACKED};
use crate::syntax::ast::*;
use crate::types::ty::{Ty, TypeKind};
use crate::types::{ObjKind, Selection};

/// An assignable location.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Place {
    Slot(Slot),
    /// `*(p + off words)`, with a nil check on access.
    Mem {
        p: Slot,
        off: u32,
    },
    Global {
        addr: u64,
    },
    /// Element `i` of the slice in `s` (bounds-checked), `off` words into it.
    SliceElem {
        s: Slot,
        i: Slot,
        stride: u32,
        off: u32,
    },
    /// Element `i` of an array held in the frame at `base`.
    FrameIdx {
        base: Slot,
        i: Slot,
        len: u32,
        stride: u32,
        off: u32,
    },
    /// A frame location at `base` + the word offset in slot `o` + `off`.
    FrameDyn {
        base: Slot,
        o: Slot,
        off: u32,
    },
    /// Byte `i` (bounds-checked) of the slice of bytes in `s` (packed:
    /// see `bytecode::op::PACKED`).
    SliceByte {
        s: Slot,
        i: Slot,
    },
    /// The byte `*p` (a `*byte`), nil-checked.
    MemByte {
        p: Slot,
    },
    /// A byte of a packed byte array held in the frame: in the word at
    /// `base + off` (plus the word offset in slot `o` unless `o` is
    /// `NONE`), at the bit shift in slot `sh`, or `8 * k` when `sh` is
    /// `NONE`. Read and written through its word.
    FrameByte {
        base: Slot,
        o: Slot,
        off: u32,
        sh: Slot,
        k: u32,
    },
    /// `m[k]`: the map in slot `m`, the key in `kw` slots at `k`, the map
    /// type's descriptor `ty` (read and written whole: Go has no place
    /// inside a map's value).
    MapElem {
        m: Slot,
        k: Slot,
        ty: u64,
        kw: u32,
    },
    Blank,
}

impl Place {
    fn plus(self, o: u32) -> Place {
        match self {
            Place::Slot(s) => Place::Slot(s + o),
            Place::Mem { p, off } => Place::Mem { p, off: off + o },
            Place::Global { addr } => Place::Global {
                addr: addr + 8 * o as u64,
            },
            Place::SliceElem { s, i, stride, off } => Place::SliceElem {
                s,
                i,
                stride,
                off: off + o,
            },
            Place::FrameIdx {
                base,
                i,
                len,
                stride,
                off,
            } => Place::FrameIdx {
                base,
                i,
                len,
                stride,
                off: off + o,
            },
            Place::FrameDyn { base, o: os, off } => Place::FrameDyn {
                base,
                o: os,
                off: off + o,
            },
            Place::MapElem { .. }
            | Place::SliceByte { .. }
            | Place::MemByte { .. }
            | Place::FrameByte { .. } => {
                debug_assert_eq!(o, 0, "no place inside a map's value or a byte");
                self
            }
            Place::Blank => Place::Blank,
        }
    }
}

impl FnCtx<'_, '_> {
    pub(crate) fn var_place(&mut self, o: crate::types::ObjId) -> Place {
        if let Some(v) = self.b.vars.get(&o).copied() {
            return match v {
                VarLoc::Slot(s) => Place::Slot(s),
                VarLoc::Cell(s) => Place::Mem { p: s, off: 0 },
            };
        }
        if let Some(v) = self.info().var(o) {
            if v.global {
                return Place::Global {
                    addr: self.l.global_addr(o),
                };
            }
        }
        // A variable declared in code the lowering has not reached (cannot happen in checked code).
        Place::Blank
    }

    /// The location an addressable expression denotes (or a temp holding a value).
    pub(crate) fn place(&mut self, e: &Expr) -> R<Place> {
        self.b.pos = e.pos;
        match &e.kind {
            ExprKind::Paren(x) => self.place(x),
            ExprKind::Ident(n) if n == "_" => Ok(Place::Blank),
            ExprKind::Ident(_) | ExprKind::Selector(..)
                if !self.info().consts.contains_key(&e.id)
                    && (matches!(e.kind, ExprKind::Ident(_))
                        || self.info().uses.contains_key(&e.id)) =>
            {
                let o = self
                    .info()
                    .uses
                    .get(&e.id)
                    .copied()
                    .or_else(|| self.info().defs.get(&e.id).copied());
                match o {
                    Some(o) if matches!(self.info().obj(o).kind, ObjKind::Var(_)) => {
                        Ok(self.var_place(o))
                    }
                    _ => Ok(Place::Slot(self.expr(e)?)),
                }
            }
            ExprKind::Selector(x, _) => match self.info().selections.get(&e.id).cloned() {
                Some(Selection::Promoted { path, last }) => {
                    let Selection::Field { index, deref } = *last else {
                        unreachable!("a promoted field")
                    };
                    let xt = self.ty(x);
                    let base = self.part_place(x)?;
                    let mut steps = path;
                    steps.push((index, deref));
                    Ok(self.walk_fields(base, xt, &steps).0)
                }
                Some(Selection::Field { index, deref }) => {
                    let xt = self.ty(x);
                    if deref {
                        let st = self.l.types().pointee(xt).expect("pointer to struct");
                        let off = self.l.field_offset(st, index);
                        let p = self.expr(x)?;
                        Ok(Place::Mem { p, off })
                    } else {
                        let off = self.l.field_offset(xt, index);
                        let base = self.part_place(x)?;
                        Ok(base.plus(off))
                    }
                }
                _ => Ok(Place::Slot(self.expr(e)?)),
            },
            ExprKind::Index(x, i) => {
                let xt = self.ty(x);
                match self.l.types().under(xt).clone() {
                    TypeKind::Slice(el) if self.l.packed(el) => {
                        let s = self.expr(x)?;
                        let iv = self.expr(i)?;
                        Ok(Place::SliceByte { s, i: iv })
                    }
                    TypeKind::Array(el, n) if self.l.packed(el) => {
                        let base = self.part_place(x)?;
                        let k = self.info().consts.get(&i.id).and_then(|v| v.as_i64());
                        self.array_byte(base, n as u32, i, k)
                    }
                    TypeKind::Slice(el) => {
                        let s = self.expr(x)?;
                        let iv = self.expr(i)?;
                        let stride = self.words(el);
                        Ok(Place::SliceElem {
                            s,
                            i: iv,
                            stride,
                            off: 0,
                        })
                    }
                    TypeKind::Array(el, n) => {
                        let stride = self.words(el);
                        let base = self.part_place(x)?;
                        if let Some(k) = self.info().consts.get(&i.id).and_then(|v| v.as_i64()) {
                            return Ok(base.plus(k as u32 * stride));
                        }
                        let iv = self.expr(i)?;
                        match base {
                            Place::Slot(b) => Ok(Place::FrameIdx {
                                base: b,
                                i: iv,
                                len: n as u32,
                                stride,
                                off: 0,
                            }),
                            Place::FrameIdx { .. } | Place::FrameDyn { .. } => {
                                let (b, o) = self.frame_dyn(base);
                                self.emit(Op::CheckIndex {
                                    i: iv,
                                    len: n as u32,
                                });
                                let k = self.temp(1);
                                self.emit(Op::Const {
                                    d: k,
                                    v: stride as u64,
                                });
                                let t = self.temp(1);
                                self.emit(Op::MulI { d: t, a: iv, b: k });
                                let o2 = self.temp(1);
                                self.emit(Op::AddI { d: o2, a: o, b: t });
                                Ok(Place::FrameDyn {
                                    base: b,
                                    o: o2,
                                    off: 0,
                                })
                            }
                            other => {
                                let s = self.array_as_slice(other, n as u32)?;
                                Ok(Place::SliceElem {
                                    s,
                                    i: iv,
                                    stride,
                                    off: 0,
                                })
                            }
                        }
                    }
                    TypeKind::Pointer(p) => {
                        let TypeKind::Array(el, n) = self.l.types().under(p).clone() else {
                            return self.unsupported(e.pos, "index of pointer");
                        };
                        let ptr = self.expr(x)?;
                        let s = self.array_as_slice(Place::Mem { p: ptr, off: 0 }, n as u32)?;
                        let iv = self.expr(i)?;
                        if self.l.packed(el) {
                            return Ok(Place::SliceByte { s, i: iv });
                        }
                        let stride = self.words(el);
                        Ok(Place::SliceElem {
                            s,
                            i: iv,
                            stride,
                            off: 0,
                        })
                    }
                    TypeKind::Map(kt, _) => {
                        let m = self.expr(x)?;
                        let k = self.expr_conv(i, kt)?;
                        let (ty, kw, _) = self.map_words(xt);
                        Ok(Place::MapElem { m, k, ty, kw })
                    }
                    _ => Ok(Place::Slot(self.expr(e)?)),
                }
            }
            ExprKind::Star(x) => {
                let xt = self.ty(x);
                let byte = self.l.types().pointee(xt).is_some_and(|t| self.l.packed(t));
                let p = self.expr(x)?;
                Ok(if byte {
                    Place::MemByte { p }
                } else {
                    Place::Mem { p, off: 0 }
                })
            }
            _ => Ok(Place::Slot(self.expr(e)?)),
        }
    }

    /// The place of `x` for one of its parts (a field, an array element):
    /// a map's value, which has no place of its own, is read whole into a
    /// temp first (only read: the checker refuses assignments to parts of
    /// it).
    pub(crate) fn part_place(&mut self, x: &Expr) -> R<Place> {
        let p = self.place(x)?;
        if let Place::MapElem { .. } = p {
            let t = self.ty(x);
            let w = self.words(t);
            return Ok(Place::Slot(self.read(p, w)));
        }
        Ok(p)
    }

    /// The place reached from `base`, a value of type `t`, through the
    /// fields `steps` (field index, and whether the value before it is a
    /// pointer to the struct, loaded with a nil check), and its type.
    pub(crate) fn walk_fields(
        &mut self,
        mut base: Place,
        mut t: Ty,
        steps: &[(usize, bool)],
    ) -> (Place, Ty) {
        for &(i, deref) in steps {
            if deref {
                let st = self.l.types().pointee(t).expect("pointer to struct");
                let p = self.read(base, 1);
                let off = self.l.field_offset(st, i);
                base = Place::Mem { p, off };
                t = self.l.types().struct_fields(st).expect("struct")[i].ty;
            } else {
                let off = self.l.field_offset(t, i);
                base = base.plus(off);
                t = self.l.types().struct_fields(t).expect("struct")[i].ty;
            }
        }
        (base, t)
    }

    /// A dynamic frame place as (base, slot holding its word offset).
    pub(super) fn frame_dyn(&mut self, p: Place) -> (Slot, Slot) {
        match p {
            Place::FrameIdx {
                base,
                i,
                len,
                stride,
                off,
            } => {
                self.emit(Op::CheckIndex { i, len });
                let k = self.temp(1);
                self.emit(Op::Const {
                    d: k,
                    v: stride as u64,
                });
                let o = self.temp(1);
                self.emit(Op::MulI { d: o, a: i, b: k });
                self.emit(Op::AddImm {
                    d: o,
                    a: o,
                    imm: off as i64,
                });
                (base, o)
            }
            Place::FrameDyn { base, o, off } => {
                let o2 = self.temp(1);
                self.emit(Op::AddImm {
                    d: o2,
                    a: o,
                    imm: off as i64,
                });
                (base, o2)
            }
            _ => unreachable!("only frame places"),
        }
    }

    /// Element `i` of a packed byte array of `n` bytes at `base` (`k`: the
    /// index when constant).
    fn array_byte(&mut self, base: Place, n: u32, i: &Expr, k: Option<i64>) -> R<Place> {
        let word = match base {
            Place::Slot(b) => Some((b, NONE)),
            Place::FrameIdx { .. } | Place::FrameDyn { .. } => Some(self.frame_dyn(base)),
            _ => None,
        };
        let Some((b, o)) = word else {
            // In memory: a slice over the array.
            let iv = match k {
                Some(k) => self.konst(k as u64),
                None => self.expr(i)?,
            };
            let s = self.array_as_slice(base, n)?;
            return Ok(Place::SliceByte { s, i: iv });
        };
        if let Some(k) = k {
            // (The checker proved `0 <= k < n`.)
            return Ok(Place::FrameByte {
                base: b,
                o,
                off: k as u32 / 8,
                sh: NONE,
                k: k as u32 % 8,
            });
        }
        let iv = self.expr(i)?;
        self.emit(Op::CheckIndex { i: iv, len: n });
        Ok(self.frame_byte_at(b, o, iv))
    }

    /// Byte `i` (a slot, in range) of a packed byte array in the frame at
    /// `base` (plus the word offset in slot `o` unless `NONE`).
    pub(crate) fn frame_byte_at(&mut self, b: Slot, o: Slot, iv: Slot) -> Place {
        // Word `i >> 3` (added to `o`), bits `(i & 7) * 8`.
        let three = self.konst(3);
        let w = self.temp(1);
        self.emit(Op::ShrU {
            d: w,
            a: iv,
            b: three,
        });
        let o2 = if o == NONE {
            w
        } else {
            let t = self.temp(1);
            self.emit(Op::AddI { d: t, a: o, b: w });
            t
        };
        let seven = self.konst(7);
        let sh = self.temp(1);
        self.emit(Op::And {
            d: sh,
            a: iv,
            b: seven,
        });
        self.emit(Op::Shl {
            d: sh,
            a: sh,
            b: three,
        });
        Place::FrameByte {
            base: b,
            o: o2,
            off: 0,
            sh,
            k: 0,
        }
    }

    /// `s[i] = v` for a slice `s` of elements of `stride` (whole elements:
    /// `SliceStoreB` for packed bytes).
    pub(crate) fn elem_store(&mut self, s: Slot, i: Slot, v: Slot, stride: u32) {
        if stride & PACKED != 0 {
            self.emit(Op::SliceStoreB { s, i, v });
        } else {
            self.emit(Op::SliceStore {
                s,
                i,
                v,
                stride,
                off: 0,
                n: stride,
            });
        }
    }

    /// A temp holding `v`.
    fn konst(&mut self, v: u64) -> Slot {
        let d = self.temp(1);
        self.emit(Op::Const { d, v });
        d
    }

    /// The word place of a [`Place::FrameByte`], and its bit shift (a slot).
    fn frame_byte_word(
        &mut self,
        base: Slot,
        o: Slot,
        off: u32,
        sh: Slot,
        k: u32,
    ) -> (Place, Slot) {
        let word = if o == NONE {
            Place::Slot(base + off)
        } else {
            Place::FrameDyn { base, o, off }
        };
        let sh = if sh == NONE {
            self.konst(8 * k as u64)
        } else {
            sh
        };
        (word, sh)
    }

    /// A slice header over an array stored at a memory place.
    pub(super) fn array_as_slice(&mut self, p: Place, n: u32) -> R<Slot> {
        let s = self.temp(3);
        let a = self.addr(p)?;
        self.emit(Op::Move { d: s, s: a });
        self.emit(Op::Const {
            d: s + 1,
            v: n as u64,
        });
        self.emit(Op::Const {
            d: s + 2,
            v: n as u64,
        });
        Ok(s)
    }

    /// The address of a place in memory.
    pub(crate) fn addr(&mut self, p: Place) -> R<Slot> {
        let d = self.temp(1);
        match p {
            Place::Mem { p, off } => {
                self.emit(Op::AddrOff { d, p, off });
            }
            Place::Global { addr } => {
                self.emit(Op::AddrG { d, addr });
            }
            Place::SliceElem { s, i, stride, off } => {
                self.emit(Op::SliceAddr { d, s, i, stride });
                if off > 0 {
                    self.emit(Op::AddrOff { d, p: d, off });
                }
            }
            Place::SliceByte { s, i } => {
                self.emit(Op::SliceAddrB { d, s, i });
            }
            Place::MemByte { p } => {
                self.emit(Op::AddrOff { d, p, off: 0 });
            }
            Place::Slot(_)
            | Place::FrameIdx { .. }
            | Place::FrameDyn { .. }
            | Place::FrameByte { .. }
            | Place::MapElem { .. }
            | Place::Blank => {
                return Err(crate::diag::CompileError::new(
                    self.b.pos,
                    "internal error: address of a value in a frame slot",
                ));
            }
        }
        Ok(d)
    }

    pub(crate) fn read(&mut self, p: Place, w: u32) -> Slot {
        if let Place::Slot(s) = p {
            return s;
        }
        let d = self.temp(w);
        self.read_to(p, d, w);
        d
    }

    pub(crate) fn read_to(&mut self, p: Place, d: Slot, n: u32) {
        match p {
            Place::Slot(s) => self.mov(d, s, n),
            Place::Mem { p, off } => {
                self.emit(Op::Load { d, p, off, n });
            }
            Place::Global { addr } => {
                self.emit(Op::LoadG { d, addr, n });
            }
            Place::SliceElem { s, i, stride, off } => {
                self.emit(Op::SliceLoad {
                    d,
                    s,
                    i,
                    stride,
                    off,
                    n,
                });
            }
            Place::FrameIdx {
                base,
                i,
                len,
                stride,
                off,
            } => {
                self.emit(Op::FrameLoadIdx {
                    d,
                    base,
                    i,
                    len,
                    stride,
                    off,
                    n,
                });
            }
            Place::FrameDyn { base, o, off } => {
                self.emit(Op::FrameLoadDyn { d, base, o, off, n });
            }
            Place::SliceByte { s, i } => {
                self.emit(Op::SliceLoadB { d, s, i });
            }
            Place::MemByte { p } => {
                self.emit(Op::LoadB { d, p });
            }
            Place::FrameByte {
                base,
                o,
                off,
                sh,
                k,
            } => {
                // d = (word >> sh) & 0xff
                let (word, sh) = self.frame_byte_word(base, o, off, sh, k);
                let w = self.read(word, 1);
                self.emit(Op::ShrU { d, a: w, b: sh });
                let ff = self.konst(0xff);
                self.emit(Op::And { d, a: d, b: ff });
            }
            Place::MapElem { m, k, ty, kw } => {
                self.emit(Op::MapIndex {
                    d,
                    m,
                    k,
                    ty,
                    kw,
                    vw: n,
                    ok: super::NONE,
                });
            }
            Place::Blank => {}
        }
    }

    pub(crate) fn write(&mut self, p: Place, s: Slot, n: u32) {
        match p {
            Place::Slot(d) => self.mov(d, s, n),
            Place::Mem { p, off } => {
                self.emit(Op::Store { p, off, s, n });
            }
            Place::Global { addr } => {
                self.emit(Op::StoreG { addr, s, n });
            }
            Place::SliceElem {
                s: sl,
                i,
                stride,
                off,
            } => {
                self.emit(Op::SliceStore {
                    s: sl,
                    i,
                    v: s,
                    stride,
                    off,
                    n,
                });
            }
            Place::FrameIdx {
                base,
                i,
                len,
                stride,
                off,
            } => {
                self.emit(Op::FrameStoreIdx {
                    base,
                    i,
                    v: s,
                    len,
                    stride,
                    off,
                    n,
                });
            }
            Place::FrameDyn { base, o, off } => {
                self.emit(Op::FrameStoreDyn {
                    base,
                    o,
                    off,
                    v: s,
                    n,
                });
            }
            Place::SliceByte { s: sl, i } => {
                self.emit(Op::SliceStoreB { s: sl, i, v: s });
            }
            Place::MemByte { p } => {
                self.emit(Op::StoreB { p, s });
            }
            Place::FrameByte {
                base,
                o,
                off,
                sh,
                k,
            } => {
                // word = word &^ (0xff << sh) | (v << sh)
                let (word, sh) = self.frame_byte_word(base, o, off, sh, k);
                let t = self.temp(1);
                self.read_to(word, t, 1);
                let m = self.konst(0xff);
                self.emit(Op::Shl { d: m, a: m, b: sh });
                self.emit(Op::AndNot { d: t, a: t, b: m });
                let v = self.temp(1);
                self.emit(Op::Shl { d: v, a: s, b: sh });
                self.emit(Op::Or { d: t, a: t, b: v });
                self.write(word, t, 1);
            }
            Place::MapElem { m, k, ty, kw } => {
                self.emit(Op::MapAssign {
                    m,
                    k,
                    v: s,
                    ty,
                    kw,
                    vw: n,
                });
            }
            Place::Blank => {}
        }
    }
}
