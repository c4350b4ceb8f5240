//! Calls: functions, methods, function values, conversions, builtins and
//! the functions of imported packages.

use super::expr::{strip_parens, Mode, Operand};
use super::{Checker, R};
use crate::syntax::ast::*;
use crate::types::constant::ConstVal;
use crate::types::ty::{builtin, Basic, Signature, Ty, TypeKind};
use crate::types::{Builtin, CallKind, ObjKind, Selection};

/// What [`Checker::method_callee`] made of a call's function.
enum Callee {
    /// A method with type parameters, called: the call's result.
    Called(Operand),
    /// A selector checked as usual.
    Checked(Operand),
    /// Not looked at.
    NotChecked,
}

impl Checker<'_> {
    /// `x.M(...)` or `x.M[A](...)` where some type has a method `M` with
    /// type parameters: checks `x`, and calls the method if its type is
    /// that one; otherwise the selector as usual (an instance of one that
    /// is not a generic method's is left to `expr`, which checks `x` again).
    fn method_callee(
        &mut self,
        e: &Expr,
        fun: &Expr,
        args: &[Expr],
        ellipsis: Option<Pos>,
        rparen: Pos,
    ) -> R<Callee> {
        let f = strip_parens(fun);
        let (sel_e, explicit): (&Expr, Vec<&Expr>) = match &f.kind {
            ExprKind::Selector(..) => (f, Vec::new()),
            ExprKind::Index(b, i) => (strip_parens(b), vec![i.as_ref()]),
            ExprKind::Instance(b, a) => (strip_parens(b), a.iter().collect()),
            _ => return Ok(Callee::NotChecked),
        };
        let ExprKind::Selector(x, sel) = &sel_e.kind else {
            return Ok(Callee::NotChecked);
        };
        if !self.gen.generic_methods.keys().any(|(_, m)| *m == sel.name) {
            return Ok(Callee::NotChecked);
        }
        if let ExprKind::Ident(n) = &x.kind {
            if self.lookup(n, x.pos).is_some_and(|o| {
                matches!(self.obj(o).kind, ObjKind::Package(_) | ObjKind::TypeName)
            }) {
                return Ok(Callee::NotChecked);
            }
        }
        let xo = self.expr(x)?;
        if xo.mode == Mode::TypeExpr {
            return self.err(
                sel_e.pos,
                format!(
                    "unsupported: method expression {} of a method with type parameters",
                    self.expr_string(sel_e)
                ),
            );
        }
        self.single_value(&xo, x)?;
        let addressable = xo.mode == Mode::Var;
        match self.generic_method_of(xo.ty, &sel.name, addressable) {
            Some(m) => {
                let r =
                    self.generic_method_call(e, sel_e, x, m, explicit, args, ellipsis, rparen)?;
                if let Some(&t) = self.info.expr_types.get(&sel_e.id) {
                    self.info.expr_types.insert(f.id, t);
                    self.info.expr_types.insert(fun.id, t);
                }
                Ok(Callee::Called(r))
            }
            None if explicit.is_empty() => {
                let fo = self.select_member(sel_e, x, &xo, sel)?;
                self.info.expr_types.insert(sel_e.id, fo.ty);
                self.info.expr_types.insert(fun.id, fo.ty);
                Ok(Callee::Checked(fo))
            }
            None => Ok(Callee::NotChecked),
        }
    }

    pub(crate) fn call(&mut self, e: &Expr) -> R<Operand> {
        let ExprKind::Call {
            fun,
            args,
            ellipsis,
            rparen,
            ..
        } = &e.kind
        else {
            unreachable!()
        };
        if let Some((g, o, explicit)) = self.generic_callee(fun) {
            return self.generic_call(e, fun, g, o, explicit, args, *ellipsis, *rparen);
        }
        let fo = match self.method_callee(e, fun, args, *ellipsis, *rparen)? {
            Callee::Called(r) => return Ok(r),
            Callee::Checked(fo) => fo,
            Callee::NotChecked => {
                let saved = self.calling.replace(strip_parens(fun).id);
                let r = self.expr(fun);
                self.calling = saved;
                r?
            }
        };
        match fo.mode {
            Mode::TypeExpr => return self.conversion(e, fo.ty, args, *ellipsis, *rparen),
            Mode::Builtin(b) => {
                self.info.calls.insert(e.id, CallKind::Builtin(b));
                return self.builtin_call(e, b, args, *ellipsis, *rparen);
            }
            Mode::Package(_) => {
                return self.err(
                    fun.pos,
                    format!("use of package {} without selector", self.expr_string(fun)),
                )
            }
            Mode::NoValue => {
                return self.err(
                    fun.pos,
                    format!("{} (no value) used as value", self.expr_string(fun)),
                )
            }
            _ => {}
        }
        let Some(sig) = self.info.types.sig(fo.ty).cloned() else {
            return self.err(
                e.pos,
                format!(
                    "invalid operation: cannot call non-function {}",
                    self.describe(&fo, fun)
                ),
            );
        };
        let kind = {
            let f = strip_parens(fun);
            match &f.kind {
                ExprKind::Ident(_) => {
                    match self.info.uses.get(&f.id).map(|o| self.obj(*o).kind.clone()) {
                        Some(ObjKind::Func(fi)) => CallKind::Static(fi),
                        _ => CallKind::Closure,
                    }
                }
                ExprKind::Selector(..) if self.info.uses.contains_key(&f.id) => {
                    // A qualified name, `pkg.F` (a native called in place).
                    match self.info.uses.get(&f.id).map(|o| self.obj(*o).kind.clone()) {
                        Some(ObjKind::Func(fi)) => match self.info.funcs[fi].native {
                            Some(n) => CallKind::Native(n),
                            None => CallKind::Static(fi),
                        },
                        _ => CallKind::Closure,
                    }
                }
                ExprKind::Selector(..) => match self.info.selections.get(&f.id) {
                    Some(Selection::Promoted { last, .. })
                        if matches!(**last, Selection::Method { .. }) =>
                    {
                        CallKind::Method
                    }
                    Some(Selection::Method { .. })
                    | Some(Selection::MethodExpr { .. })
                    | Some(Selection::IfaceMethodExpr { .. }) => CallKind::Method,
                    Some(Selection::IfaceMethod { .. }) => CallKind::Iface,
                    _ => CallKind::Closure,
                },
                _ => CallKind::Closure,
            }
        };
        self.info.calls.insert(e.id, kind);
        let fname = self.expr_string(fun);
        self.arguments(&fname, &sig, args, *ellipsis, *rparen)?;
        Ok(self.call_result(&sig))
    }

    /// The value of a call of a function with signature `sig`.
    pub(crate) fn call_result(&mut self, sig: &Signature) -> Operand {
        match sig.results.len() {
            0 => Operand {
                mode: Mode::NoValue,
                ty: builtin::INVALID,
                val: None,
            },
            1 => Operand::value(sig.results[0]),
            _ => {
                let t = self.info.types.tuple(sig.results.clone());
                Operand::value(t)
            }
        }
    }

    /// Checks call arguments against a signature (including `f(g())` spreading).
    fn arguments(
        &mut self,
        fname: &str,
        sig: &Signature,
        args: &[Expr],
        ellipsis: Option<Pos>,
        rparen: Pos,
    ) -> R<()> {
        let ctx = format!("argument to {fname}");
        // f(g()) where g returns several values.
        if args.len() == 1 && ellipsis.is_none() {
            let x = self.expr(&args[0])?;
            if let Some(ts) = self.info.types.tuple_elems(x.ty).map(|t| t.to_vec()) {
                let n = sig.params.len();
                let fixed = if sig.variadic { n - 1 } else { n };
                if ts.len() < fixed || (!sig.variadic && ts.len() > n) {
                    let what = if ts.len() < fixed {
                        "not enough"
                    } else {
                        "too many"
                    };
                    return self.err(
                        if ts.len() < fixed {
                            rparen
                        } else {
                            args[0].pos
                        },
                        format!(
                            "{what} arguments in call to {fname}\n\thave {}\n\twant {}",
                            self.tuple_string(&ts),
                            self.params_string(sig)
                        ),
                    );
                }
                for (i, t) in ts.iter().enumerate() {
                    let want = self.param_type(sig, i);
                    if !self.assignable(*t, want) {
                        return self.err(
                            args[0].pos,
                            format!(
                                "cannot use {} (value of type {}) as {} value in {ctx}",
                                self.expr_string(&args[0]),
                                self.info.types.name_unqualified(*t),
                                self.info.types.name_unqualified(want)
                            ),
                        );
                    }
                }
                return Ok(());
            }
            return self.args_checked(fname, sig, args, vec![x], ellipsis, rparen, &ctx);
        }
        self.args_checked(fname, sig, args, Vec::new(), ellipsis, rparen, &ctx)
    }

    /// Checks the arguments against `sig`; the first `pre.len()` are
    /// already evaluated.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn args_checked(
        &mut self,
        fname: &str,
        sig: &Signature,
        args: &[Expr],
        pre: Vec<Operand>,
        ellipsis: Option<Pos>,
        rparen: Pos,
        ctx: &str,
    ) -> R<()> {
        let n = sig.params.len();
        let mut ops = Vec::new();
        let mut pre = pre.into_iter();
        for a in args {
            let x = match pre.next() {
                Some(x) => x,
                None => self.expr(a)?,
            };
            self.single_value(&x, a)?;
            ops.push(x);
        }
        if ellipsis.is_some() {
            if !sig.variadic {
                return self.err(
                    ellipsis.unwrap_or(rparen),
                    format!("have (...) but function is not variadic: {fname}"),
                );
            }
            if args.len() != n {
                let what = if args.len() < n {
                    "not enough"
                } else {
                    "too many"
                };
                return self.err(rparen, format!("{what} arguments in call to {fname}"));
            }
            for (i, (a, x)) in args.iter().zip(ops.iter_mut()).enumerate() {
                let t = sig.params[i];
                self.assign_to(x, t, a, ctx)?;
            }
            return Ok(());
        }
        let fixed = if sig.variadic { n - 1 } else { n };
        if args.len() < fixed || (!sig.variadic && args.len() > n) {
            let have: Vec<Ty> = ops.iter().map(|o| self.default_type(o.ty)).collect();
            if args.len() < fixed {
                return self.err(
                    rparen,
                    format!(
                        "not enough arguments in call to {fname}\n\thave {}\n\twant {}",
                        self.tuple_string(&have),
                        self.params_string(sig)
                    ),
                );
            }
            return self.err(
                args[n].pos,
                format!(
                    "too many arguments in call to {fname}\n\thave {}\n\twant {}",
                    self.tuple_string(&have),
                    self.params_string(sig)
                ),
            );
        }
        for (i, (a, x)) in args.iter().zip(ops.iter_mut()).enumerate() {
            let t = self.param_type(sig, i);
            self.assign_to(x, t, a, ctx)?;
        }
        Ok(())
    }

    /// The type the i-th argument must have (the element type for variadic extras).
    fn param_type(&self, sig: &Signature, i: usize) -> Ty {
        let n = sig.params.len();
        if sig.variadic && i + 1 >= n {
            match self.info.types.kind(sig.params[n - 1]) {
                TypeKind::Slice(e) => *e,
                _ => sig.params[n - 1],
            }
        } else {
            sig.params[i]
        }
    }

    fn tuple_string(&self, ts: &[Ty]) -> String {
        format!(
            "({})",
            ts.iter()
                .map(|t| self.info.types.name_unqualified(*t))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }

    fn params_string(&self, sig: &Signature) -> String {
        self.info.types.sig_string(
            &Signature {
                params: sig.params.clone(),
                results: vec![],
                variadic: sig.variadic,
            },
            false,
        )
    }

    /// `T(x)`.
    fn conversion(
        &mut self,
        e: &Expr,
        t: Ty,
        args: &[Expr],
        ellipsis: Option<Pos>,
        rparen: Pos,
    ) -> R<Operand> {
        self.info.calls.insert(e.id, CallKind::Conversion(t));
        let tn = self.info.types.name_unqualified(t);
        if args.len() != 1 || ellipsis.is_some() {
            if args.is_empty() {
                return self.err(rparen, format!("missing argument in conversion to {tn}"));
            }
            return self.err(
                args.get(1).map(|a| a.pos).unwrap_or(rparen),
                format!("too many arguments in conversion to {tn}"),
            );
        }
        let a = &args[0];
        let mut x = self.value_expr(a)?;
        // Constant conversions stay constant.
        if let (Some(v), Some(tb)) = (x.val.clone(), self.info.types.basic(t)) {
            let xb = self.info.types.basic(x.ty).expect("constants are basic");
            if tb.is_string() && xb.is_integer() {
                let r = v
                    .as_i64()
                    .and_then(|i| u32::try_from(i).ok())
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                let mut buf = [0u8; 4];
                let s = r.encode_utf8(&mut buf).as_bytes().to_vec();
                if self.info.types.is_untyped(x.ty) {
                    let d = self.default_type(x.ty);
                    self.convert_untyped(&mut x, d, a)?;
                }
                return Ok(Operand::constant(t, ConstVal::Str(s)));
            }
            let ok = (tb.is_numeric() && xb.is_numeric())
                || (tb.is_string() && xb.is_string())
                || (tb.is_boolean() && xb.is_boolean());
            if ok {
                let conv = if tb.is_integer() && xb.is_float() && !self.info.types.is_untyped(x.ty)
                {
                    // A typed float constant converted to an integer must be exact.
                    v.represent(tb)
                } else if tb.is_float() && !tb.is_untyped() {
                    v.represent(tb)
                } else if tb.is_float() {
                    v.represent(Basic::Float64)
                } else {
                    v.represent(tb)
                };
                match conv {
                    Ok(nv) => {
                        if self.info.types.is_untyped(x.ty) {
                            let xt = x.ty;
                            let _ = xt;
                            self.info.expr_types.insert(a.id, t);
                            self.info.consts.insert(a.id, nv.clone());
                        }
                        return Ok(Operand::constant(t, nv));
                    }
                    Err(r) => {
                        let what = if r == crate::types::constant::Repr::Truncated {
                            "truncated"
                        } else {
                            "overflows"
                        };
                        let _ = what;
                        return self.err(
                            a.pos,
                            format!("cannot convert {} to type {tn}", self.describe(&x, a))
                                + if r == crate::types::constant::Repr::Truncated {
                                    " (truncated)"
                                } else {
                                    ""
                                },
                        );
                    }
                }
            }
        }
        if self.info.types.is_untyped(x.ty) {
            // Untyped non-constant (comparison result, shift) or nil: it
            // becomes T when the kinds agree, else takes its default type.
            let direct = x.ty == builtin::UNTYPED_NIL || self.assignable(x.ty, t);
            let target = if direct { t } else { self.default_type(x.ty) };
            self.convert_untyped(&mut x, target, a)?;
        }
        if !self.convertible(&x, t) {
            return self.err(
                a.pos,
                format!("cannot convert {} to type {tn}", self.describe(&x, a)),
            );
        }
        Ok(Operand::value(t))
    }

    fn builtin_call(
        &mut self,
        e: &Expr,
        b: Builtin,
        args: &[Expr],
        ellipsis: Option<Pos>,
        rparen: Pos,
    ) -> R<Operand> {
        let name = match b {
            Builtin::Len => "len",
            Builtin::Cap => "cap",
            Builtin::Append => "append",
            Builtin::Make => "make",
            Builtin::New => "new",
            Builtin::Copy => "copy",
            Builtin::Panic => "panic",
            Builtin::Print => "print",
            Builtin::Println => "println",
            Builtin::Min => "min",
            Builtin::Max => "max",
            Builtin::Delete => "delete",
            Builtin::Clear => "clear",
            Builtin::Close => "close",
            Builtin::Recover => "recover",
            Builtin::Complex => "complex",
            Builtin::Real => "real",
            Builtin::Imag => "imag",
        };
        let nargs = |c: &Self, lo: usize, hi: usize| -> R<()> {
            if args.len() < lo {
                return c.err(
                    rparen,
                    format!(
                        "not enough arguments for {}() (expected {lo}, found {})",
                        name,
                        args.len()
                    ),
                );
            }
            if args.len() > hi {
                return c.err(
                    args[hi].pos,
                    format!(
                        "too many arguments for {}() (expected {hi}, found {})",
                        name,
                        args.len()
                    ),
                );
            }
            Ok(())
        };
        if ellipsis.is_some() && b != Builtin::Append {
            return self.err(
                e.pos,
                format!("invalid operation: invalid use of ... with built-in {name}"),
            );
        }
        match b {
            Builtin::Len | Builtin::Cap => {
                nargs(self, 1, 1)?;
                let mut x = self.value_expr(&args[0])?;
                let ok = match self.info.types.under(x.ty).clone() {
                    TypeKind::Basic(bb) if bb.is_string() && b == Builtin::Len => {
                        if let Some(ConstVal::Str(s)) = &x.val {
                            return Ok(Operand::constant(
                                builtin::INT,
                                ConstVal::int(s.len() as i64),
                            ));
                        }
                        if self.info.types.is_untyped(x.ty) {
                            self.convert_untyped(&mut x, builtin::STRING, &args[0])?;
                        }
                        true
                    }
                    TypeKind::Slice(_) => true,
                    TypeKind::Array(..) | TypeKind::Pointer(_) => match self.array_len_of(x.ty) {
                        // A constant when the operand calls no function
                        // (conversions and constant builtins aside), as
                        // Go's spec says.
                        Some(n) if !self.has_call(&args[0]) => {
                            return Ok(Operand::constant(builtin::INT, ConstVal::int(n)));
                        }
                        Some(_) => true,
                        None => false,
                    },
                    TypeKind::Map(..) => b == Builtin::Len,
                    TypeKind::Chan(..) => true,
                    _ => false,
                };
                if !ok {
                    return self.err(
                        args[0].pos,
                        format!(
                            "invalid argument: {} for built-in {name}",
                            self.describe(&x, &args[0])
                        ),
                    );
                }
                Ok(Operand::value(builtin::INT))
            }
            Builtin::Append => {
                if args.is_empty() {
                    return self.err(
                        rparen,
                        "not enough arguments for append() (expected 1, found 0)",
                    );
                }
                let mut s = self.value_expr(&args[0])?;
                if s.ty == builtin::UNTYPED_NIL {
                    return self.err(
                        args[0].pos,
                        "first argument to append must be a typed slice; have untyped nil",
                    );
                }
                let TypeKind::Slice(el) = self.info.types.under(s.ty).clone() else {
                    return self.err(
                        args[0].pos,
                        format!(
                            "invalid argument: {} is not a slice",
                            self.describe(&s, &args[0])
                        ),
                    );
                };
                let st = s.ty;
                self.assign_to(&mut s, st, &args[0], "argument to append")?;
                if ellipsis.is_some() {
                    if args.len() != 2 {
                        return self.err(rparen, "can only use ... with final argument in list");
                    }
                    let mut x = self.value_expr(&args[1])?;
                    let is_str = self
                        .info
                        .types
                        .basic(x.ty)
                        .map(|b| b.is_string())
                        .unwrap_or(false);
                    if is_str && self.info.types.basic(el) == Some(Basic::Uint8) {
                        if self.info.types.is_untyped(x.ty) {
                            self.convert_untyped(&mut x, builtin::STRING, &args[1])?;
                        }
                    } else {
                        let t = self.info.types.slice(el);
                        self.assign_to(&mut x, t, &args[1], "argument to append")?;
                    }
                } else {
                    for a in &args[1..] {
                        let mut x = self.value_expr(a)?;
                        self.assign_to(&mut x, el, a, "argument to append")?;
                    }
                }
                Ok(Operand::value(st))
            }
            Builtin::Make => {
                if args.is_empty() {
                    return self.err(
                        rparen,
                        "not enough arguments for make() (expected 1, found 0)",
                    );
                }
                let t = self.resolve_type(&args[0])?;
                match self.info.types.under(t) {
                    TypeKind::Slice(_) => {
                        nargs(self, 2, 3)?;
                    }
                    TypeKind::Map(..) | TypeKind::Chan(..) => {
                        nargs(self, 1, 2)?;
                    }
                    _ => {
                        return self.err(
                            args[0].pos,
                            format!(
                            "invalid argument: cannot make {}; type must be slice, map, or channel",
                            self.expr_string(&args[0])
                        ),
                        )
                    }
                }
                let mut consts = Vec::new();
                for a in &args[1..] {
                    let mut x = self.value_expr(a)?;
                    if !self
                        .info
                        .types
                        .basic(x.ty)
                        .map(|b| {
                            b.is_integer()
                                || (b == Basic::UntypedFloat
                                    && x.val.as_ref().and_then(|v| v.as_bigint()).is_some())
                        })
                        .unwrap_or(false)
                    {
                        return self.err(
                            a.pos,
                            format!("cannot convert {} to type int", self.describe(&x, a)),
                        );
                    }
                    if self.info.types.is_untyped(x.ty) {
                        self.convert_untyped(&mut x, builtin::INT, a)?;
                    }
                    if let Some(v) = x.val.as_ref().and_then(|v| v.as_i64()) {
                        if v < 0 {
                            return self.err(a.pos, format!("invalid argument: index {} (constant of type int) must not be negative", self.expr_string(a)));
                        }
                        consts.push(v);
                    }
                }
                if consts.len() == 2 && consts[0] > consts[1] {
                    return self.err(args[1].pos, "invalid argument: length and capacity swapped");
                }
                Ok(Operand::value(t))
            }
            Builtin::Delete => {
                nargs(self, 2, 2)?;
                let m = self.value_expr(&args[0])?;
                let TypeKind::Map(kt, _) = self.info.types.under(m.ty).clone() else {
                    return self.err(
                        args[0].pos,
                        format!(
                            "invalid argument: {} is not a map",
                            self.describe(&m, &args[0])
                        ),
                    );
                };
                let mut k = self.value_expr(&args[1])?;
                self.assign_to(&mut k, kt, &args[1], "argument to delete")?;
                Ok(Operand {
                    mode: Mode::NoValue,
                    ty: builtin::INVALID,
                    val: None,
                })
            }
            Builtin::Close => {
                nargs(self, 1, 1)?;
                let x = self.value_expr(&args[0])?;
                match self.info.types.under(x.ty) {
                    TypeKind::Chan(ChanDir::Recv, _) => {
                        let msg = format!(
                            "invalid operation: cannot close receive-only channel {}",
                            self.describe(&x, &args[0])
                        );
                        return self.err(args[0].pos, msg);
                    }
                    TypeKind::Chan(..) => {}
                    _ => {
                        let msg = format!(
                            "invalid operation: cannot close non-channel {}",
                            self.describe(&x, &args[0])
                        );
                        return self.err(args[0].pos, msg);
                    }
                }
                Ok(Operand {
                    mode: Mode::NoValue,
                    ty: builtin::INVALID,
                    val: None,
                })
            }
            Builtin::Clear => {
                nargs(self, 1, 1)?;
                let x = self.value_expr(&args[0])?;
                if !matches!(
                    self.info.types.under(x.ty),
                    TypeKind::Map(..) | TypeKind::Slice(_)
                ) {
                    return self.err(
                        args[0].pos,
                        format!(
                            "invalid argument: {} must be a map or slice",
                            self.describe(&x, &args[0])
                        ),
                    );
                }
                Ok(Operand {
                    mode: Mode::NoValue,
                    ty: builtin::INVALID,
                    val: None,
                })
            }
            Builtin::New => {
                nargs(self, 1, 1)?;
                let t = self.resolve_type(&args[0])?;
                let p = self.info.types.pointer(t);
                Ok(Operand::value(p))
            }
            Builtin::Copy => {
                nargs(self, 2, 2)?;
                let d = self.value_expr(&args[0])?;
                let mut s = self.value_expr(&args[1])?;
                let TypeKind::Slice(de) = self.info.types.under(d.ty).clone() else {
                    return self.err(
                        e.pos,
                        format!(
                            "invalid argument: copy expects slice arguments; found {} and {}",
                            self.describe(&d, &args[0]),
                            self.describe(&s, &args[1])
                        ),
                    );
                };
                let s_is_str = self
                    .info
                    .types
                    .basic(s.ty)
                    .map(|b| b.is_string())
                    .unwrap_or(false);
                if s_is_str && self.info.types.basic(de) == Some(Basic::Uint8) {
                    if self.info.types.is_untyped(s.ty) {
                        self.convert_untyped(&mut s, builtin::STRING, &args[1])?;
                    }
                } else {
                    match self.info.types.under(s.ty) {
                        TypeKind::Slice(se) if *se == de => {}
                        _ => return self.err(e.pos, format!("invalid argument: arguments to copy {} and {} have different element types", self.describe(&d, &args[0]), self.describe(&s, &args[1]))),
                    }
                }
                Ok(Operand::value(builtin::INT))
            }
            Builtin::Recover => {
                nargs(self, 0, 0)?;
                Ok(Operand::value(builtin::ANY))
            }
            Builtin::Complex => {
                nargs(self, 2, 2)?;
                let mut x = self.value_expr(&args[0])?;
                let mut y = self.value_expr(&args[1])?;
                let (ux, uy) = (
                    self.info.types.is_untyped(x.ty),
                    self.info.types.is_untyped(y.ty),
                );
                if ux && !uy {
                    self.convert_untyped(&mut x, y.ty, &args[0])?;
                } else if uy && !ux {
                    self.convert_untyped(&mut y, x.ty, &args[1])?;
                }
                let both_const = x.val.is_some() && y.val.is_some();
                if ux && uy {
                    let (Some(a), Some(b)) = (
                        x.val.as_ref().and_then(|v| v.as_rat()),
                        y.val.as_ref().and_then(|v| v.as_rat()),
                    ) else {
                        return self.err(
                            e.pos,
                            format!(
                                "invalid operation: complex({}, {}) (arguments must be real)",
                                self.expr_string(&args[0]),
                                self.expr_string(&args[1])
                            ),
                        );
                    };
                    return Ok(Operand::constant(
                        builtin::UNTYPED_COMPLEX,
                        ConstVal::Complex(a, b),
                    ));
                }
                if x.ty != y.ty {
                    return self.err(
                        args[0].pos,
                        format!(
                            "invalid operation: complex({}, {}) (mismatched types {} and {})",
                            self.expr_string(&args[0]),
                            self.expr_string(&args[1]),
                            self.info.types.name_unqualified(x.ty),
                            self.info.types.name_unqualified(y.ty)
                        ),
                    );
                }
                let t = match self.info.types.basic(x.ty) {
                    Some(Basic::Float64) => builtin::COMPLEX128,
                    Some(Basic::Float32) => builtin::COMPLEX64,
                    _ => {
                        return self.err(
                            args[0].pos,
                            format!(
                                "invalid argument: arguments have type {}, expected floating-point",
                                self.info.types.name_unqualified(x.ty)
                            ),
                        )
                    }
                };
                if both_const {
                    let a = x.val.as_ref().and_then(|v| v.as_rat()).unwrap_or_default();
                    let b = y.val.as_ref().and_then(|v| v.as_rat()).unwrap_or_default();
                    return Ok(Operand::constant(t, ConstVal::Complex(a, b)));
                }
                Ok(Operand::value(t))
            }
            Builtin::Real | Builtin::Imag => {
                nargs(self, 1, 1)?;
                let x = self.value_expr(&args[0])?;
                let part = |v: &ConstVal| {
                    let (r, i) = v.as_complex().unwrap_or_default();
                    ConstVal::Float(if b == Builtin::Real { r } else { i })
                };
                if self.info.types.is_untyped(x.ty) {
                    if let Some(v) = &x.val {
                        if v.as_complex().is_some() {
                            return Ok(Operand::constant(builtin::UNTYPED_FLOAT, part(v)));
                        }
                    }
                }
                let t = match self.info.types.basic(x.ty) {
                    Some(Basic::Complex128) => builtin::FLOAT64,
                    Some(Basic::Complex64) => builtin::FLOAT32,
                    _ => {
                        return self.err(
                            args[0].pos,
                            format!(
                                "invalid argument: {} must be of complex type",
                                self.describe(&x, &args[0])
                            ),
                        )
                    }
                };
                if let Some(v) = &x.val {
                    return Ok(Operand::constant(t, part(v)));
                }
                Ok(Operand::value(t))
            }
            Builtin::Panic => {
                nargs(self, 1, 1)?;
                let mut x = self.value_expr(&args[0])?;
                self.assign_to(&mut x, builtin::ANY, &args[0], "argument to panic")?;
                Ok(Operand {
                    mode: Mode::NoValue,
                    ty: builtin::INVALID,
                    val: None,
                })
            }
            Builtin::Print | Builtin::Println => {
                for a in args {
                    let mut x = self.value_expr(a)?;
                    if x.ty == builtin::UNTYPED_NIL {
                        return self.err(a.pos, "use of untyped nil in argument to built-in print");
                    }
                    let t = self.default_type(x.ty);
                    self.convert_untyped(&mut x, t, a)?;
                    match self.info.types.under(x.ty) {
                        TypeKind::Basic(_)
                        | TypeKind::Pointer(_)
                        | TypeKind::Interface(_)
                        | TypeKind::Slice(_)
                        | TypeKind::Func(_) => {}
                        _ => {
                            return self.err(
                                a.pos,
                                format!(
                                    "illegal types for operand: print\n\t{}",
                                    self.info.types.name_unqualified(x.ty)
                                ),
                            )
                        }
                    }
                }
                Ok(Operand {
                    mode: Mode::NoValue,
                    ty: builtin::INVALID,
                    val: None,
                })
            }
            Builtin::Min | Builtin::Max => {
                if args.is_empty() {
                    return self.err(
                        rparen,
                        format!("not enough arguments for {name}() (expected 1, found 0)"),
                    );
                }
                let mut ops: Vec<Operand> = Vec::new();
                for a in args {
                    ops.push(self.value_expr(a)?);
                }
                // The common type: the first typed operand's, else the largest untyped kind.
                let typed = ops
                    .iter()
                    .map(|o| o.ty)
                    .find(|t| !self.info.types.is_untyped(*t));
                let target = match typed {
                    Some(t) => t,
                    None => {
                        let mut t = ops[0].ty;
                        for o in &ops[1..] {
                            let rank = |t: Ty| {
                                if t == builtin::UNTYPED_COMPLEX {
                                    4
                                } else if t == builtin::UNTYPED_FLOAT {
                                    3
                                } else if t == builtin::UNTYPED_RUNE {
                                    2
                                } else {
                                    1
                                }
                            };
                            if rank(o.ty) > rank(t) {
                                t = o.ty;
                            }
                        }
                        t
                    }
                };
                for (o, a) in ops.iter_mut().zip(args) {
                    if self.info.types.is_untyped(o.ty) {
                        self.convert_untyped(o, target, a)?;
                    } else if o.ty != target {
                        return self.err(a.pos, format!("invalid argument: mismatched types {} (previous argument) and {} (type of {})", self.info.types.name_unqualified(target), self.info.types.name_unqualified(o.ty), self.expr_string(a)));
                    }
                }
                let ordered = self
                    .info
                    .types
                    .basic(target)
                    .map(|b| b.is_numeric() || b.is_string())
                    .unwrap_or(false);
                if !ordered {
                    return self.err(
                        args[0].pos,
                        format!(
                            "invalid argument: {} cannot be ordered",
                            self.describe(&ops[0], &args[0])
                        ),
                    );
                }
                if ops.iter().all(|o| o.val.is_some()) {
                    let mut best = ops[0].val.clone().expect("const");
                    for o in &ops[1..] {
                        let v = o.val.clone().expect("const");
                        let op = if b == Builtin::Min {
                            BinOp::Lss
                        } else {
                            BinOp::Gtr
                        };
                        if crate::types::constant::binary(op, &v, &best, true)
                            == Some(ConstVal::Bool(true))
                        {
                            best = v;
                        }
                    }
                    return Ok(Operand::constant(target, best));
                }
                Ok(Operand::value(target))
            }
        }
    }

    /// Checks an expression producing `n` values (a call or a comma-ok form).
    /// The length of an array type, or of the array a pointer type points to.
    fn array_len_of(&self, t: Ty) -> Option<i64> {
        match self.info.types.under(t) {
            TypeKind::Array(_, n) => Some(*n),
            TypeKind::Pointer(p) => match self.info.types.under(*p) {
                TypeKind::Array(_, n) => Some(*n),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether checked expression `e` calls a function (a conversion or a
    /// builtin with a constant result is no call).
    fn has_call(&self, e: &Expr) -> bool {
        let mut found = false;
        crate::syntax::walk::walk_expr(e, &mut |x: &Expr| {
            if let ExprKind::Call { .. } = &x.kind {
                let constant = self.info.consts.contains_key(&x.id);
                if !constant && !matches!(self.info.calls.get(&x.id), Some(CallKind::Conversion(_)))
                {
                    found = true;
                }
            }
        });
        found
    }

    pub(crate) fn multi_value(&mut self, e: &Expr, n: usize, ctx: &str) -> R<Vec<Ty>> {
        // (The comma-ok forms exist in assignments only: `return m[k]`
        // is one value.)
        if n == 2 && ctx == "assignment" {
            if let ExprKind::TypeAssert(_, Some(_)) = &strip_parens(e).kind {
                let x = self.expr(e)?;
                self.info.comma_ok.insert(strip_parens(e).id);
                return Ok(vec![x.ty, builtin::UNTYPED_BOOL]);
            }
            if let ExprKind::Unary(UnOp::Recv, _) = &strip_parens(e).kind {
                let x = self.expr(e)?;
                self.info.comma_ok.insert(strip_parens(e).id);
                return Ok(vec![x.ty, builtin::UNTYPED_BOOL]);
            }
            if let ExprKind::Index(..) = &strip_parens(e).kind {
                let x = self.expr(e)?;
                if x.mode == Mode::MapIndex {
                    self.info.comma_ok.insert(strip_parens(e).id);
                    return Ok(vec![x.ty, builtin::UNTYPED_BOOL]);
                }
            }
        }
        let x = self.expr(e)?;
        let tys = match self.info.types.tuple_elems(x.ty) {
            Some(ts) => ts.to_vec(),
            None => {
                if x.mode == Mode::NoValue {
                    return self.err(
                        e.pos,
                        format!("{} (no value) used as value", self.expr_string(e)),
                    );
                }
                vec![x.ty]
            }
        };
        if tys.len() != n {
            let _ = ctx;
            let vars = format!("{n} variable{}", if n == 1 { "" } else { "s" });
            let values = format!(
                "{} value{}",
                tys.len(),
                if tys.len() == 1 { "" } else { "s" }
            );
            let msg = if matches!(crate::syntax::walk::unparen(e).kind, ExprKind::Call { .. }) {
                format!(
                    "assignment mismatch: {vars} but {} returns {values}",
                    self.expr_string(e)
                )
            } else {
                format!("assignment mismatch: {vars} but {values}")
            };
            return self.err(e.pos, msg);
        }
        Ok(tys)
    }
}
