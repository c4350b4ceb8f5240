//! Functions of imported packages (`fmt`, `errors`), the builtins `print`
//! and `println`, and the text of `panic(v)`.

use std::borrow::Cow;
use std::io::Write;

use super::{dyn_type, mem, Vm};
use crate::bytecode::op::PrintKind;
use crate::runtime::fmt::print::bad_verb;
use crate::runtime::fmt::spec::Spec;
use crate::runtime::fmt::strconv::format_float_println;
use crate::runtime::fmt::verbs::{printf, PrintfArgs};
use crate::runtime::panic::Panic;
use crate::runtime::typedesc::Kind;
use crate::types::Native;

/// The operands of one fmt call.
/// A call's `...any` operands (inline up to four: most calls have few).
type AnyArgs = smallvec::SmallVec<[[u64; 2]; 4]>;

struct Args<'v, 'p> {
    vm: &'v mut Vm<'p>,
    args: AnyArgs,
    top: usize,
    err: Option<Panic>,
    /// `fmt.Errorf`: the operands a `%w` verb formatted (as `%v`) because
    /// they are errors, one bit each; `None` in the other functions,
    /// where `%w` is a bad verb.
    wrapped: Option<u64>,
}

impl PrintfArgs for Args<'_, '_> {
    fn num_args(&self) -> usize {
        self.args.len()
    }

    fn int_value(&self, i: usize) -> Option<i64> {
        let a = self.args[i];
        if a[0] == 0 {
            return None;
        }
        let d = dyn_type(a[0], true);
        match d.kind {
            Kind::Int => Some(mem::load(a[1], 0) as i64),
            Kind::Uint => i64::try_from(mem::load(a[1], 0)).ok(),
            _ => None,
        }
    }

    fn print_arg(&mut self, out: &mut Vec<u8>, i: usize, spec: &Spec, verb: char) {
        if self.err.is_some() {
            return;
        }
        let a = self.args[i];
        let mut verb = verb;
        if verb == 'w' {
            // Only `fmt.Errorf`'s error operands take `%w` (as `%v`); any
            // other is Go's bad verb, the value printed without methods.
            let is_error = a[0] != 0
                && dyn_type(a[0], true)
                    .methods
                    .iter()
                    .any(|m| m.name == "Error" && m.sig == crate::types::ty::builtin::FUNC_STRING);
            match &mut self.wrapped {
                Some(w) if is_error => {
                    if i < 64 {
                        *w |= 1 << i;
                    }
                    verb = 'v';
                }
                _ => {
                    if a[0] == 0 {
                        bad_verb(out, 'w', None, |_| {});
                        return;
                    }
                    let d = dyn_type(a[0], true);
                    let words = self.vm.iface_words(d, a[1]);
                    let mut inner = Vec::new();
                    let r = self
                        .vm
                        .fmt_value(&mut inner, d.ty, &words, spec, 'v', 0, false, self.top);
                    if let Err(e) = r {
                        self.err = Some(e);
                        return;
                    }
                    bad_verb(out, 'w', Some(&d.name), |o| o.extend_from_slice(&inner));
                    return;
                }
            }
        }
        if let Err(e) = self.vm.fmt_arg(out, a, spec, verb, self.top) {
            self.err = Some(e);
        }
    }

    fn type_name(&self, i: usize) -> Option<Cow<'_, str>> {
        let a = self.args[i];
        if a[0] == 0 {
            return None;
        }
        Some(Cow::Owned(dyn_type(a[0], true).name.clone()))
    }
}

impl Vm<'_> {
    /// The `[]any` operands of a variadic fmt call.
    fn any_slice(&self, at: usize) -> AnyArgs {
        let (p, n) = (self.stack[at], self.stack[at + 1]);
        (0..n as usize)
            .map(|i| [mem::load(p, 2 * i), mem::load(p, 2 * i + 1)])
            .collect()
    }

    /// The string at slot `at`, in place: a native's operand, which its
    /// slots keep alive (they are roots) for the whole call, and strings
    /// never change.
    fn string_at<'s>(&self, at: usize) -> &'s [u8] {
        mem::bytes(self.stack[at], self.stack[at + 1])
    }

    /// fmt's buffer, empty (the one the last call gave back).
    fn take_fmt_buf(&mut self) -> Vec<u8> {
        let mut b = std::mem::take(&mut self.fmt_buf);
        b.clear();
        b
    }

    /// Keeps `b` for the next call (not a huge one: a program that once
    /// printed a megabyte need not keep it).
    fn give_fmt_buf(&mut self, b: Vec<u8>) {
        if b.capacity() <= 64 << 10 {
            self.fmt_buf = b;
        }
    }

    /// Print, Sprint: spaces between operands when neither is a string.
    fn sprint(&mut self, args: AnyArgs, top: usize, ln: bool) -> Result<Vec<u8>, Panic> {
        let mut out = self.take_fmt_buf();
        let is_string = |a: &[u64; 2]| a[0] != 0 && dyn_type(a[0], true).kind == Kind::String;
        for (i, a) in args.iter().enumerate() {
            if i > 0 && (ln || (!is_string(a) && !is_string(&args[i - 1]))) {
                out.push(b' ');
            }
            self.fmt_arg(&mut out, *a, &Spec::default(), 'v', top)?;
        }
        if ln {
            out.push(b'\n');
        }
        Ok(out)
    }

    fn sprintf(&mut self, format: &[u8], args: AnyArgs, top: usize) -> Result<Vec<u8>, Panic> {
        self.sprintf_wrapping(format, args, top, false).map(|r| r.0)
    }

    /// `sprintf`, with `%w` taking error operands when `errorf`; the
    /// operands it took, one bit each.
    fn sprintf_wrapping(
        &mut self,
        format: &[u8],
        args: AnyArgs,
        top: usize,
        errorf: bool,
    ) -> Result<(Vec<u8>, u64), Panic> {
        let mut out = self.take_fmt_buf();
        let mut a = Args {
            vm: self,
            args,
            top,
            err: None,
            wrapped: errorf.then_some(0),
        };
        printf(&mut out, format, &mut a);
        match a.err {
            Some(e) => Err(e),
            None => Ok((out, a.wrapped.unwrap_or(0))),
        }
    }

    /// An `error` whose `Error()` returns `msg` (Go's `*errors.errorString`).
    fn new_error(&mut self, msg: &[u8]) -> Result<[u64; 2], Panic> {
        let (p, n) = self.heap.new_string(msg)?;
        let obj = self.heap.alloc(2, crate::runtime::heap::STRING)?;
        mem::store(obj, 0, p);
        mem::store(obj, 1, n);
        Ok([self.prog.error_itab, obj])
    }

    /// Runs a package function with its call window at absolute slot `at`.
    pub(crate) fn native(&mut self, n: Native, at: usize, top: usize) -> Result<(), Panic> {
        match n {
            Native::FmtPrint | Native::FmtPrintln => {
                let args = self.any_slice(at);
                let out = self.sprint(args, top, n == Native::FmtPrintln)?;
                self.write_out(&out);
                self.stack[at] = out.len() as u64;
                self.stack[at + 1] = 0;
                self.stack[at + 2] = 0;
                self.give_fmt_buf(out);
            }
            Native::FmtPrintf => {
                let f = self.string_at(at);
                let args = self.any_slice(at + 2);
                let out = self.sprintf(f, args, top)?;
                self.write_out(&out);
                self.stack[at] = out.len() as u64;
                self.stack[at + 1] = 0;
                self.stack[at + 2] = 0;
                self.give_fmt_buf(out);
            }
            Native::FmtSprint | Native::FmtSprintln => {
                let args = self.any_slice(at);
                let out = self.sprint(args, top, n == Native::FmtSprintln)?;
                let (p, l) = self.heap.new_string(&out)?;
                self.stack[at] = p;
                self.stack[at + 1] = l;
                self.give_fmt_buf(out);
            }
            Native::FmtSprintf => {
                let f = self.string_at(at);
                let args = self.any_slice(at + 2);
                let out = self.sprintf(f, args, top)?;
                let (p, l) = self.heap.new_string(&out)?;
                self.stack[at] = p;
                self.stack[at + 1] = l;
                self.give_fmt_buf(out);
            }
            Native::FmtErrorf => {
                let f = self.string_at(at);
                let args = self.any_slice(at + 2);
                let (out, wrapped) = self.sprintf_wrapping(f, args, top, true)?;
                let (p, l) = self.heap.new_string(&out)?;
                self.stack[at] = p;
                self.stack[at + 1] = l;
                self.stack[at + 2] = wrapped;
                self.give_fmt_buf(out);
            }
            Native::ErrorsNew => {
                let s = self.string_at(at);
                let e = self.new_error(s)?;
                self.stack[at] = e[0];
                self.stack[at + 1] = e[1];
            }
            n => return self.std_native(n, at, top),
        }
        Ok(())
    }

    /// What Go prints after `panic: ` for `panic(v)` (`v` not nil), or the
    /// panic of its `Error` or `String` method.
    pub(crate) fn panic_value(&mut self, v: [u64; 2], top: usize) -> Result<String, Panic> {
        let d = dyn_type(v[0], true);
        let w = self.iface_words(d, v[1]);
        // error and Stringer values print through their methods.
        let mut out = Vec::new();
        let has = |n: &str| {
            d.methods
                .iter()
                .any(|m| m.name == n && m.sig == crate::types::ty::builtin::FUNC_STRING)
        };
        if has("Error") || has("String") {
            self.fmt_value(&mut out, d.ty, &w, &Spec::default(), 'v', 0, true, top)?;
            return Ok(String::from_utf8_lossy(&out).into_owned());
        }
        let plain = match d.kind {
            Kind::String => {
                let s = String::from_utf8_lossy(mem::bytes(w[0], w[1])).into_owned();
                if d.name == "string" {
                    s
                } else {
                    format!("{}({:?})", d.name, s)
                }
            }
            Kind::Int | Kind::Uint | Kind::Bool | Kind::Float => {
                let _ = self.fmt_value(&mut out, d.ty, &w, &Spec::default(), 'v', 0, false, top);
                let s = if d.kind == Kind::Float {
                    format_float_println(f64::from_bits(w[0]), 64)
                } else {
                    String::from_utf8_lossy(&out).into_owned()
                };
                if matches!(
                    d.name.as_str(),
                    "int"
                        | "int8"
                        | "int16"
                        | "int32"
                        | "int64"
                        | "uint"
                        | "uint8"
                        | "uint16"
                        | "uint32"
                        | "uint64"
                        | "uintptr"
                        | "bool"
                        | "float64"
                ) {
                    s
                } else {
                    format!("{}({})", d.name, s)
                }
            }
            _ => format!("({}) {:#x}", d.name, v[1]),
        };
        Ok(plain)
    }

    /// The builtin print/println: one operand to stderr.
    pub(crate) fn print_builtin(&mut self, kind: PrintKind, w: [u64; 2], space: bool) {
        let mut s = String::new();
        if space {
            s.push(' ');
        }
        match kind {
            PrintKind::Bool => s.push_str(if w[0] != 0 { "true" } else { "false" }),
            PrintKind::Int => s.push_str(&(w[0] as i64).to_string()),
            PrintKind::Uint => s.push_str(&w[0].to_string()),
            PrintKind::Float => s.push_str(&format_float_println(f64::from_bits(w[0]), 64)),
            PrintKind::Float32 => s.push_str(&format_float_println(f64::from_bits(w[0]), 32)),
            PrintKind::Complex | PrintKind::Complex64 => {
                let size = if kind == PrintKind::Complex { 128 } else { 64 };
                s.push_str(&crate::runtime::fmt::strconv::format_complex_println(
                    f64::from_bits(w[0]),
                    f64::from_bits(w[1]),
                    size,
                ))
            }
            PrintKind::String => {
                self.print_raw(s.as_bytes());
                let b = mem::bytes(w[0], w[1]).to_vec();
                self.print_raw(&b);
                return;
            }
            PrintKind::Pointer => s.push_str(&format!("{:#x}", w[0])),
            PrintKind::Iface => s.push_str(&format!("({:#x},{:#x})", w[0], w[1])),
        }
        self.print_raw(s.as_bytes());
    }

    pub(crate) fn print_raw(&mut self, b: &[u8]) {
        self.flush();
        match &mut self.err {
            Some(w) => {
                let _ = w.write_all(b);
            }
            None => {
                let _ = std::io::stderr().write_all(b);
            }
        }
    }
}
