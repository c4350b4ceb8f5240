//! Type-directed operations on Go values: equality (with Go's panic on
//! uncomparable dynamic types) and printing through `fmt`'s rules,
//! including calls of `Error()` and `String()` methods.

use super::{dyn_type, mem, Vm};
use crate::runtime::fmt::print::{
    bad_verb, print_bool, print_bytes, print_float, print_integer, print_nil, print_pointer,
    print_string,
};
use crate::runtime::fmt::spec::Spec;
use crate::runtime::panic::Panic;
use crate::runtime::typedesc::{Kind, TypeDesc};
use crate::types::ty::{builtin, Basic, Ty, TypeKind};

impl Vm<'_> {
    pub(crate) fn desc_of(&self, t: Ty) -> Option<&'static TypeDesc> {
        self.prog.descs.get(t.0 as usize).copied().flatten()
    }

    /// The words of the value held by a non-nil interface.
    /// The words of an interface's dynamic value (`data` itself when it
    /// is pointer-shaped). Inline up to four words: formatting an `int`
    /// or a string allocates nothing for it.
    pub(crate) fn iface_words(&self, d: &TypeDesc, data: u64) -> smallvec::SmallVec<[u64; 4]> {
        if d.direct {
            return smallvec::smallvec![data];
        }
        let mut v = smallvec::smallvec![0; d.words()];
        if !v.is_empty() {
            mem::load_n(data, 0, &mut v);
        }
        v
    }

    pub(crate) fn iface_eq(
        &mut self,
        x: [u64; 2],
        y: [u64; 2],
        empty: bool,
    ) -> Result<bool, Panic> {
        if x[0] == 0 || y[0] == 0 {
            return Ok(x[0] == y[0]);
        }
        let (tx, ty) = (dyn_type(x[0], empty), dyn_type(y[0], empty));
        if !std::ptr::eq(tx, ty) {
            return Ok(false);
        }
        if !tx.comparable {
            return Err(Panic::Runtime(format!(
                "comparing uncomparable type {}",
                tx.name
            )));
        }
        if tx.direct {
            return Ok(x[1] == y[1]);
        }
        let (a, b) = (self.iface_words(tx, x[1]), self.iface_words(tx, y[1]));
        self.value_eq(tx.ty, &a, &b)
    }

    /// `==` on two values of type `t`, word by word as the type says.
    pub(crate) fn value_eq(&mut self, t: Ty, a: &[u64], b: &[u64]) -> Result<bool, Panic> {
        // (The program outlives `self`'s borrow: no copy of the type.)
        let prog = self.prog;
        match prog.types.under(t) {
            TypeKind::Basic(bb) if bb.is_string() => {
                Ok(mem::bytes(a[0], a[1]) == mem::bytes(b[0], b[1]))
            }
            TypeKind::Basic(bb) if bb.is_complex() => Ok(f64::from_bits(a[0])
                == f64::from_bits(b[0])
                && f64::from_bits(a[1]) == f64::from_bits(b[1])),
            TypeKind::Basic(bb) if bb.is_float() => {
                Ok(f64::from_bits(a[0]) == f64::from_bits(b[0]))
            }
            TypeKind::Interface(ms) => self.iface_eq([a[0], a[1]], [b[0], b[1]], ms.is_empty()),
            TypeKind::Struct(fs) => {
                let mut off = 0usize;
                for f in fs {
                    let w = self.words_of(f.ty);
                    if !self.value_eq(f.ty, &a[off..off + w], &b[off..off + w])? {
                        return Ok(false);
                    }
                    off += w;
                }
                Ok(true)
            }
            // (Packed bytes: their words, the padding zero.)
            &TypeKind::Array(e, _) if self.is_byte(e) => Ok(a == b),
            &TypeKind::Array(e, n) => {
                let w = self.words_of(e);
                for i in 0..n as usize {
                    if !self.value_eq(e, &a[i * w..(i + 1) * w], &b[i * w..(i + 1) * w])? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            _ => Ok(a[0] == b[0]),
        }
    }

    /// Whether arrays and slices of `e` hold it packed (Go's `byte`; see
    /// `bytecode::op::PACKED`).
    pub(crate) fn is_byte(&self, e: Ty) -> bool {
        self.prog.types.packed(e)
    }

    pub(crate) fn words_of(&self, t: Ty) -> usize {
        match self.desc_of(t) {
            Some(d) => d.words(),
            None => 1,
        }
    }

    /// Go's handleMethods: a value whose type has a `Format` method prints
    /// through it for every verb; under `%#v` one with `GoString` prints
    /// its result; for `%v %s %x %X %q` one with `Error` (else `String`)
    /// prints as that string.
    fn method_string(
        &mut self,
        t: Ty,
        w: &[u64],
        spec: &Spec,
        top: usize,
        verb: char,
    ) -> Result<Option<MethodText>, Panic> {
        let Some(d) = self.desc_of(t) else {
            return Ok(None);
        };
        if d.kind == Kind::Interface {
            return Ok(None);
        }
        let string_method = |n: &str| {
            d.methods
                .iter()
                .find(|m| m.name == n && m.sig == builtin::FUNC_STRING)
        };
        if d.methods.iter().any(|m| m.name == "Format") {
            if let Some(f) = self.fmt_helper("fmt.callFormat") {
                // fmt.callFormat(arg any, verb rune, wid, prec, flags int)
                // asserts Formatter (the signature) and calls it.
                let flag = |on: bool, bit: u64| if on { bit } else { 0 };
                let flags = flag(spec.minus, 1)
                    | flag(spec.plus || spec.plus_v, 2)
                    | flag(spec.sharp || spec.sharp_v, 4)
                    | flag(spec.space, 8)
                    | flag(spec.zero, 16);
                let opt = |o: Option<usize>| o.map_or(u64::MAX, |n| n as u64);
                let data = self.box_words(d, w)?;
                let args = [
                    d as *const TypeDesc as u64,
                    data,
                    verb as u64,
                    opt(spec.wid),
                    opt(spec.prec),
                    flags,
                ];
                match self.call_printing_method(f, &args, d, w, "Format", verb, top)? {
                    MethodText::Result(s) => return Ok(Some(MethodText::Raw(s))),
                    MethodText::NotThere => {}
                    r => return Ok(Some(r)),
                }
                // (A Format method of another signature: not a Formatter.)
            }
        }
        let m = if spec.sharp_v {
            string_method("GoString")
        } else if matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') {
            string_method("Error").or_else(|| string_method("String"))
        } else {
            None
        };
        let Some(m) = m else { return Ok(None) };
        let (entry, name) = (m.entry, m.name.clone());
        let recv = self.box_words(d, w)?;
        Ok(Some(
            match self.call_printing_method(entry, &[recv], d, w, &name, verb, top)? {
                MethodText::Result(s) if name == "GoString" => MethodText::GoSyntax(s),
                r => r,
            },
        ))
    }

    /// A value of type `d` as an interface's data word holds it: the word
    /// itself, or a new box holding a copy.
    fn box_words(&mut self, d: &TypeDesc, w: &[u64]) -> Result<u64, Panic> {
        if d.direct {
            return Ok(w[0]);
        }
        let p = self.heap.alloc(w.len(), d.layout)?;
        if !w.is_empty() {
            mem::store_n(p, 0, w);
        }
        Ok(p)
    }

    /// A function of the fmt package the runtime's printing calls, by name.
    fn fmt_helper(&mut self, name: &'static str) -> Option<super::FuncId> {
        if let Some(&(_, f)) = self.fmt_helpers.iter().find(|(n, _)| *n == name) {
            return f;
        }
        let f = self
            .prog
            .funcs
            .iter()
            .position(|g| g.name == name)
            .map(|i| super::FuncId(i as u32));
        self.fmt_helpers.push((name, f));
        f
    }

    /// Calls a method (or fmt's helper calling one) that prints a value of
    /// type `d` (words `w`) and returns a string: its text, or fmt's
    /// `%!v(PANIC=Name method: ...)` when it panics (Go's catchPanic);
    /// `NotThere` when fmt's helper said its operand is not of the
    /// interface (a method of the name with another signature).
    #[allow(clippy::too_many_arguments)]
    fn call_printing_method(
        &mut self,
        f: super::FuncId,
        args: &[u64],
        d: &TypeDesc,
        w: &[u64],
        name: &str,
        verb: char,
        top: usize,
    ) -> Result<MethodText, Panic> {
        let mark = self.panic_mark();
        match self.call_go(f, args, top) {
            // (fmt's helpers return (text, ok).)
            Ok(r) if r.len() == 3 && r[2] == 0 => Ok(MethodText::NotThere),
            Ok(r) => Ok(MethodText::Result(mem::bytes(r[0], r[1]).to_vec())),
            // A fatal error (stack overflow) or a spent limit is not a
            // panic fmt can recover.
            Err(e @ (Panic::Fatal(_) | Panic::Limit(_) | Panic::Exit(_))) => Err(e),
            Err(e) => {
                // Go's fmt recovers the method's panic (catchPanic): a nil
                // pointer receiver prints `<nil>`; anything else prints
                // `%!v(PANIC=String method: value)`.
                if d.kind == Kind::Pointer && w[0] == 0 {
                    return Ok(MethodText::Result(b"<nil>".to_vec()));
                }
                let value = self.catch(e, mark, top)?;
                let mut out = Vec::new();
                crate::runtime::fmt::print::panic_in_method(&mut out, verb, name, |o| {
                    o.extend_from_slice(value.as_bytes())
                });
                Ok(MethodText::Panicked(out))
            }
        }
    }

    /// fmt's printValue: `w` holds a value of type `t`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn fmt_value(
        &mut self,
        out: &mut Vec<u8>,
        t: Ty,
        w: &[u64],
        spec: &Spec,
        verb: char,
        depth: usize,
        methods: bool,
        top: usize,
    ) -> Result<(), Panic> {
        if methods {
            match self.method_string(t, w, spec, top, verb)? {
                Some(MethodText::Result(s)) => {
                    print_string(out, spec, &s, verb);
                    return Ok(());
                }
                Some(MethodText::GoSyntax(s)) => {
                    crate::runtime::fmt::text::fmt_s(out, spec, &s);
                    return Ok(());
                }
                Some(MethodText::Raw(text) | MethodText::Panicked(text)) => {
                    out.extend_from_slice(&text);
                    return Ok(());
                }
                Some(MethodText::NotThere) | None => {}
            }
        }
        // (The type's name only where it is printed: building it for every
        // value formatted was an allocation per `%d`.)
        let prog = self.prog;
        let name = || prog.types.name(t);
        let types = &prog.types;
        let ok = match types.under(t).clone() {
            TypeKind::Basic(b) => match b {
                Basic::Bool | Basic::UntypedBool => print_bool(out, spec, w[0] != 0, verb),
                Basic::String | Basic::UntypedString => {
                    print_string(out, spec, mem::bytes(w[0], w[1]), verb)
                }
                Basic::Float64 | Basic::UntypedFloat => {
                    print_float(out, spec, f64::from_bits(w[0]), 64, verb)
                }
                Basic::Float32 => print_float(out, spec, f64::from_bits(w[0]), 32, verb),
                Basic::Complex64 | Basic::Complex128 | Basic::UntypedComplex => {
                    let size = if b == Basic::Complex64 { 64 } else { 128 };
                    let (re, im) = (f64::from_bits(w[0]), f64::from_bits(w[1]));
                    crate::runtime::fmt::print::print_complex(out, spec, re, im, size, verb)
                }
                b if b.is_unsigned() => print_integer(out, spec, w[0], false, verb),
                _ => print_integer(out, spec, w[0], true, verb),
            },
            TypeKind::Pointer(p) => {
                if w[0] != 0
                    && depth == 0
                    && matches!(
                        types.under(p),
                        TypeKind::Struct(_)
                            | TypeKind::Array(..)
                            | TypeKind::Slice(_)
                            | TypeKind::Map(..)
                    )
                {
                    out.push(b'&');
                    let n = self.words_of(p);
                    let mut v = vec![0; n];
                    if n > 0 {
                        mem::load_n(w[0], 0, &mut v);
                    }
                    return self.fmt_value(out, p, &v, spec, verb, depth + 1, methods, top);
                }
                print_pointer(out, spec, w[0], verb, &name())
            }
            TypeKind::Func(_) | TypeKind::Chan(..) => print_pointer(out, spec, w[0], verb, &name()),
            TypeKind::Slice(e) | TypeKind::Array(e, _) => {
                let is_slice = matches!(types.under(t), TypeKind::Slice(_));
                let (p, n) = if is_slice {
                    (w[0], w[1] as usize)
                } else {
                    (
                        0,
                        match types.under(t) {
                            TypeKind::Array(_, n) => *n as usize,
                            _ => 0,
                        },
                    )
                };
                let ew = self.words_of(e);
                let packed = self.is_byte(e);
                let elem = |i: usize| -> Vec<u64> {
                    if packed {
                        vec![if is_slice {
                            mem::load_byte(p, i as u64)
                        } else {
                            packed_byte(w, i)
                        }]
                    } else if is_slice {
                        let mut v = vec![0; ew];
                        if ew > 0 {
                            mem::load_n(p, i * ew, &mut v);
                        }
                        v
                    } else {
                        w[i * ew..(i + 1) * ew].to_vec()
                    }
                };
                if types.basic(e) == Some(Basic::Uint8) && matches!(verb, 's' | 'q' | 'x' | 'X') {
                    let bytes: Vec<u8> = (0..n).map(|i| elem(i)[0] as u8).collect();
                    print_bytes(out, spec, &bytes, is_slice && p == 0, verb, &name())
                } else if spec.sharp_v {
                    // Go syntax: `[]main.P{...}`, a nil slice `[]int(nil)`.
                    out.extend_from_slice(name().as_bytes());
                    if is_slice && p == 0 {
                        out.extend_from_slice(b"(nil)");
                        return Ok(());
                    }
                    out.push(b'{');
                    for i in 0..n {
                        if i > 0 {
                            out.extend_from_slice(b", ");
                        }
                        let v = elem(i);
                        self.fmt_value(out, e, &v, spec, verb, depth + 1, methods, top)?;
                    }
                    out.push(b'}');
                    true
                } else {
                    out.push(b'[');
                    for i in 0..n {
                        if i > 0 {
                            out.push(b' ');
                        }
                        let v = elem(i);
                        self.fmt_value(out, e, &v, spec, verb, depth + 1, methods, top)?;
                    }
                    out.push(b']');
                    true
                }
            }
            TypeKind::Struct(fs) => {
                if spec.sharp_v {
                    out.extend_from_slice(name().as_bytes());
                }
                out.push(b'{');
                let mut off = 0;
                for (i, f) in fs.iter().enumerate() {
                    if i > 0 {
                        out.extend_from_slice(if spec.sharp_v { b", " } else { b" " });
                    }
                    if spec.plus_v || spec.sharp_v {
                        out.extend_from_slice(f.name.as_bytes());
                        out.push(b':');
                    }
                    let fw = self.words_of(f.ty);
                    let exported = f
                        .name
                        .chars()
                        .next()
                        .map(|c| c.is_uppercase())
                        .unwrap_or(false);
                    self.fmt_value(
                        out,
                        f.ty,
                        &w[off..off + fw],
                        spec,
                        verb,
                        depth + 1,
                        methods && exported,
                        top,
                    )?;
                    off += fw;
                }
                out.push(b'}');
                true
            }
            TypeKind::Map(kt, vt) => {
                if spec.sharp_v {
                    out.extend_from_slice(name().as_bytes());
                    if w[0] == 0 {
                        out.extend_from_slice(b"(nil)");
                        return Ok(());
                    }
                    out.push(b'{');
                } else {
                    out.extend_from_slice(b"map[");
                }
                let sh = crate::interp::maps::MapShape {
                    key: kt,
                    kw: self.words_of(kt),
                    vw: self.words_of(vt),
                };
                let mut entries = self.map_entries(w[0], sh);
                // fmt prints a map's entries in key order (internal/fmtsort).
                entries.sort_by(|a, b| self.key_order(kt, &a.0, &b.0));
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.extend_from_slice(if spec.sharp_v { b", " } else { b" " });
                    }
                    self.fmt_value(out, kt, k, spec, verb, depth + 1, methods, top)?;
                    out.push(b':');
                    self.fmt_value(out, vt, v, spec, verb, depth + 1, methods, top)?;
                }
                out.push(if spec.sharp_v { b'}' } else { b']' });
                true
            }
            TypeKind::Interface(ms) => {
                if w[0] == 0 {
                    if spec.sharp_v {
                        // A nil interface inside a value: `error(nil)`.
                        out.extend_from_slice(name().as_bytes());
                        out.extend_from_slice(b"(nil)");
                    } else {
                        print_nil(out, spec, verb);
                    }
                    true
                } else {
                    let d = dyn_type(w[0], ms.is_empty());
                    let v = self.iface_words(d, w[1]);
                    return self.fmt_value(out, d.ty, &v, spec, verb, depth + 1, methods, top);
                }
            }
            _ => {
                out.extend_from_slice(b"?");
                true
            }
        };
        if !ok {
            let mut inner = Vec::new();
            // (With the verb's flags, as Go's badVerb prints the value: a
            // width pads it.)
            self.fmt_value(&mut inner, t, w, spec, 'v', depth, false, top)?;
            bad_verb(out, verb, Some(&name()), |o: &mut Vec<u8>| {
                o.extend_from_slice(&inner)
            });
        }
        Ok(())
    }

    /// The order fmt prints map keys of type `t` in (Go's
    /// `internal/fmtsort`): numbers, strings and bools by value (NaN
    /// first), pointers by address, structs and arrays part by part,
    /// interfaces nil first, then by dynamic type (its descriptor's
    /// address, as Go compares type pointers), then by value.
    pub(crate) fn key_order(&self, t: Ty, a: &[u64], b: &[u64]) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        let types = &self.prog.types;
        match types.under(t).clone() {
            TypeKind::Basic(bb) if bb.is_string() => {
                mem::bytes(a[0], a[1]).cmp(mem::bytes(b[0], b[1]))
            }
            TypeKind::Basic(bb) if bb.is_float() => {
                let (x, y) = (f64::from_bits(a[0]), f64::from_bits(b[0]));
                match (x.is_nan(), y.is_nan()) {
                    (true, true) => Ordering::Equal,
                    (true, false) => Ordering::Less,
                    (false, true) => Ordering::Greater,
                    _ => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
                }
            }
            TypeKind::Basic(bb) if bb.is_unsigned() || bb.is_boolean() => a[0].cmp(&b[0]),
            TypeKind::Basic(_) => (a[0] as i64).cmp(&(b[0] as i64)),
            TypeKind::Struct(fs) => {
                let mut off = 0;
                for f in fs {
                    let n = self.words_of(f.ty);
                    let c = self.key_order(f.ty, &a[off..off + n], &b[off..off + n]);
                    if c != Ordering::Equal {
                        return c;
                    }
                    off += n;
                }
                Ordering::Equal
            }
            TypeKind::Array(e, n) if self.is_byte(e) => (0..n as usize)
                .map(|i| packed_byte(a, i).cmp(&packed_byte(b, i)))
                .find(|c| c.is_ne())
                .unwrap_or(Ordering::Equal),
            TypeKind::Array(e, n) => {
                let ew = self.words_of(e);
                for i in 0..n as usize {
                    let c = self.key_order(e, &a[i * ew..(i + 1) * ew], &b[i * ew..(i + 1) * ew]);
                    if c != Ordering::Equal {
                        return c;
                    }
                }
                Ordering::Equal
            }
            TypeKind::Interface(ms) => match (a[0], b[0]) {
                (0, 0) => Ordering::Equal,
                (0, _) => Ordering::Less,
                (_, 0) => Ordering::Greater,
                _ => {
                    let (da, db) = (dyn_type(a[0], ms.is_empty()), dyn_type(b[0], ms.is_empty()));
                    if !std::ptr::eq(da, db) {
                        return (da as *const TypeDesc as usize)
                            .cmp(&(db as *const TypeDesc as usize));
                    }
                    let (x, y) = (self.iface_words(da, a[1]), self.iface_words(db, b[1]));
                    self.key_order(da.ty, &x, &y)
                }
            },
            _ => a[0].cmp(&b[0]),
        }
    }

    /// Go's printArg for one `any` operand.
    pub(crate) fn fmt_arg(
        &mut self,
        out: &mut Vec<u8>,
        arg: [u64; 2],
        spec: &Spec,
        verb: char,
        top: usize,
    ) -> Result<(), Panic> {
        if arg[0] == 0 {
            print_nil(out, spec, verb);
            return Ok(());
        }
        let d = dyn_type(arg[0], true);
        if verb == 'T' {
            crate::runtime::fmt::text::fmt_s(out, spec, d.name.as_bytes());
            return Ok(());
        }
        let v = self.iface_words(d, arg[1]);
        if verb == 'p' {
            // Go's fmtPointer: the kinds that are a pointer word.
            let pointer = matches!(
                self.prog.types.under(d.ty),
                TypeKind::Pointer(_)
                    | TypeKind::Func(_)
                    | TypeKind::Chan(..)
                    | TypeKind::Map(..)
                    | TypeKind::Slice(_)
            );
            if !pointer || !print_pointer(out, spec, v[0], verb, &d.name) {
                let mut inner = Vec::new();
                self.fmt_value(&mut inner, d.ty, &v, spec, 'v', 0, false, top)?;
                bad_verb(out, verb, Some(&d.name), |o: &mut Vec<u8>| {
                    o.extend_from_slice(&inner)
                });
            }
            return Ok(());
        }
        self.fmt_value(out, d.ty, &v, spec, verb, 0, true, top)
    }
}

/// What an `Error()`/`String()` call gave fmt.
enum MethodText {
    /// The method's result, formatted like any string.
    Result(Vec<u8>),
    /// What a `GoString` method returned: printed as it is (cut to the
    /// precision, padded to the width).
    GoSyntax(Vec<u8>),
    /// What a `Format` method wrote: the output as it is.
    Raw(Vec<u8>),
    /// fmt's helper found the value is not of the interface after all.
    NotThere,
    /// The method panicked: fmt's finished `%!v(PANIC=...)` text.
    Panicked(Vec<u8>),
}

/// Byte `i` of a packed byte array held in words `w`.
pub(crate) fn packed_byte(w: &[u64], i: usize) -> u64 {
    (w[i / 8] >> (8 * (i % 8))) & 0xff
}
