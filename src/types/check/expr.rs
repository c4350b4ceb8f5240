//! Expressions: operands, untyped constants, operators, literals, selectors,
//! indexing, slicing and type assertions.

use super::{Checker, R};
use crate::syntax::ast::*;
use crate::types::constant::{self, ConstVal, Repr};
use crate::types::ty::{builtin, Basic, Field, Ty, TypeKind};
use crate::types::{
    Builtin, FuncInfo, FuncSource, Native, ObjId, ObjKind, Package, Selection, VarInfo,
};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Mode {
    /// A call of a function without results.
    NoValue,
    Value,
    /// An addressable location.
    Var,
    Const,
    TypeExpr,
    Builtin(Builtin),
    Native(Native),
    Package(Package),
}

#[derive(Clone, Debug)]
pub(crate) struct Operand {
    pub mode: Mode,
    pub ty: Ty,
    pub val: Option<ConstVal>,
}

impl Operand {
    pub fn value(ty: Ty) -> Operand {
        Operand {
            mode: Mode::Value,
            ty,
            val: None,
        }
    }
    pub fn constant(ty: Ty, v: ConstVal) -> Operand {
        Operand {
            mode: Mode::Const,
            ty,
            val: Some(v),
        }
    }
}

impl Checker<'_> {
    /// Checks an expression and records its type (and constant value).
    pub(crate) fn expr(&mut self, e: &Expr) -> R<Operand> {
        let x = self.expr_inner(e)?;
        if !matches!(x.mode, Mode::Builtin(_) | Mode::Package(_)) {
            self.info.expr_types.insert(e.id, x.ty);
        }
        if let Some(v) = &x.val {
            self.info.consts.insert(e.id, v.clone());
        }
        Ok(x)
    }

    /// Checks an expression that must produce exactly one value.
    pub(crate) fn value_expr(&mut self, e: &Expr) -> R<Operand> {
        let x = self.expr(e)?;
        self.single_value(&x, e)?;
        Ok(x)
    }

    pub(crate) fn single_value(&self, x: &Operand, e: &Expr) -> R<()> {
        match x.mode {
            Mode::NoValue => self.err(
                e.pos,
                format!("{} (no value) used as value", self.expr_string(e)),
            ),
            Mode::TypeExpr => self.err(
                e.pos,
                format!("{} (type) is not an expression", self.expr_string(e)),
            ),
            Mode::Builtin(_) => self.err(
                e.pos,
                format!("{} (built-in) must be called", self.expr_string(e)),
            ),
            Mode::Native(_) => Ok(()),
            Mode::Package(_) => self.err(
                e.pos,
                format!("use of package {} without selector", self.expr_string(e)),
            ),
            _ => {
                if let Some(ts) = self.info.types.tuple_elems(x.ty) {
                    return self.err(
                        e.pos,
                        format!(
                            "multiple-value {} (value of type ({})) in single-value context",
                            self.expr_string(e),
                            ts.iter()
                                .map(|t| self.info.types.name_unqualified(*t))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    );
                }
                Ok(())
            }
        }
    }

    fn expr_inner(&mut self, e: &Expr) -> R<Operand> {
        match &e.kind {
            ExprKind::Ident(name) => self.ident(e, name, true),
            ExprKind::IntLit(text) => match ConstVal::parse_int(text) {
                Some(v) => Ok(Operand::constant(builtin::UNTYPED_INT, v)),
                None => self.err(e.pos, format!("invalid integer literal {text}")),
            },
            ExprKind::FloatLit(text) => match ConstVal::parse_float(text) {
                Some(v) => Ok(Operand::constant(builtin::UNTYPED_FLOAT, v)),
                None => self.err(e.pos, format!("invalid floating-point literal {text}")),
            },
            ExprKind::RuneLit(r) => Ok(Operand::constant(
                builtin::UNTYPED_RUNE,
                ConstVal::int(*r as i64),
            )),
            ExprKind::StrLit(s) => Ok(Operand::constant(
                builtin::UNTYPED_STRING,
                ConstVal::Str(s.clone()),
            )),
            ExprKind::Paren(x) => {
                let mut o = self.expr(x)?;
                if o.mode == Mode::Var {
                    o.mode = Mode::Var;
                }
                Ok(o)
            }
            ExprKind::FuncLit { ty, body } => self.func_lit(e, ty, body),
            ExprKind::CompositeLit { .. } => self.composite_lit(e, None),
            ExprKind::Selector(x, sel) => self.selector(e, x, sel),
            ExprKind::Index(x, i) => self.index(e, x, i),
            ExprKind::Slice { x, lo, hi, max } => {
                self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref())
            }
            ExprKind::TypeAssert(x, t) => {
                let Some(t) = t else {
                    return self.err(
                        e.pos,
                        "invalid syntax tree: use of .(type) outside type switch",
                    );
                };
                let xo = self.value_expr(x)?;
                if !self.info.types.is_interface(xo.ty) {
                    return self.err(
                        x.pos,
                        format!(
                            "invalid operation: {} is not an interface",
                            self.describe(&xo, x)
                        ),
                    );
                }
                let tt = self.resolve_type(t)?;
                self.check_assertable(xo.ty, tt, e, x, t)?;
                Ok(Operand::value(tt))
            }
            ExprKind::Call { .. } => self.call(e),
            ExprKind::Star(x) => {
                let xo = self.expr(x)?;
                if xo.mode == Mode::TypeExpr {
                    let t = self.info.types.pointer(xo.ty);
                    return Ok(Operand {
                        mode: Mode::TypeExpr,
                        ty: t,
                        val: None,
                    });
                }
                self.single_value(&xo, x)?;
                if xo.ty == builtin::UNTYPED_NIL {
                    return self.err(e.pos, "invalid operation: cannot indirect nil");
                }
                match self.info.types.pointee(xo.ty) {
                    Some(t) => Ok(Operand {
                        mode: Mode::Var,
                        ty: t,
                        val: None,
                    }),
                    None => self.err(
                        e.pos,
                        format!(
                            "invalid operation: cannot indirect {}",
                            self.describe(&xo, x)
                        ),
                    ),
                }
            }
            ExprKind::Unary(op, x) => self.unary(e, *op, x),
            ExprKind::Binary { op, op_pos, x, y } => self.binary(e, *op, *op_pos, x, y),
            ExprKind::ArrayType { .. }
            | ExprKind::MapType(..)
            | ExprKind::FuncType(_)
            | ExprKind::StructType(_)
            | ExprKind::InterfaceType(_) => {
                let t = self.resolve_type(e)?;
                Ok(Operand {
                    mode: Mode::TypeExpr,
                    ty: t,
                    val: None,
                })
            }
        }
    }

    /// A name in an expression. `is_use` is false for the target of an assignment.
    pub(crate) fn ident(&mut self, e: &Expr, name: &str, is_use: bool) -> R<Operand> {
        if name == "_" {
            return self.err(e.pos, "cannot use _ as value");
        }
        let Some(o) = self.lookup(name) else {
            return self.undefined(e.pos, name);
        };
        self.info.uses.insert(e.id, o);
        self.resolve_obj(o)?;
        let obj = self.obj(o).clone();
        Ok(match &obj.kind {
            ObjKind::Var(v) => {
                if v.global {
                    self.record_dep(o);
                } else {
                    self.note_capture(o, v.clone());
                }
                if is_use {
                    self.mark_used(o);
                }
                Operand {
                    mode: Mode::Var,
                    ty: obj.ty,
                    val: None,
                }
            }
            ObjKind::Const(v) => {
                if name == "iota" && self.universe.get("iota") == Some(&o) {
                    match self.iota {
                        Some(i) => {
                            return Ok(Operand::constant(builtin::UNTYPED_INT, ConstVal::int(i)))
                        }
                        None => {
                            return self.err(e.pos, "cannot use iota outside constant declaration")
                        }
                    }
                }
                Operand::constant(obj.ty, v.clone())
            }
            ObjKind::TypeName => Operand {
                mode: Mode::TypeExpr,
                ty: obj.ty,
                val: None,
            },
            ObjKind::Func(_) => {
                self.record_dep(o);
                Operand::value(obj.ty)
            }
            ObjKind::Builtin(b) => Operand {
                mode: Mode::Builtin(*b),
                ty: builtin::INVALID,
                val: None,
            },
            ObjKind::Package(p) => {
                self.use_package(*p);
                Operand {
                    mode: Mode::Package(*p),
                    ty: builtin::INVALID,
                    val: None,
                }
            }
            ObjKind::Native(n) => Operand {
                mode: Mode::Native(*n),
                ty: obj.ty,
                val: None,
            },
            ObjKind::Nil => Operand::value(builtin::UNTYPED_NIL),
        })
    }

    /// A local variable used from a closure lives in a cell, and every
    /// function between its owner and here captures it.
    fn note_capture(&mut self, o: ObjId, v: VarInfo) {
        let (Some(owner), Some(mut cur)) = (v.owner, self.cur_func) else {
            return;
        };
        if owner == cur {
            return;
        }
        if let ObjKind::Var(vi) = &mut self.obj_mut(o).kind {
            vi.boxed = true;
        }
        while cur != owner {
            if !self.info.funcs[cur].captures.contains(&o) {
                self.info.funcs[cur].captures.push(o);
            }
            match self.info.funcs[cur].parent {
                Some(p) => cur = p,
                None => break,
            }
        }
    }

    /// Marks the variable at the root of an addressable expression as living
    /// in a heap cell, because its address escapes (`&x`, `&x.f`, `x[:]`, `x.PtrMethod()`).
    pub(crate) fn mark_addr_taken(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Ident(_) => {
                if let Some(&o) = self.info.uses.get(&e.id) {
                    if let ObjKind::Var(v) = &mut self.obj_mut(o).kind {
                        v.boxed = true;
                    }
                }
            }
            ExprKind::Paren(x) => self.mark_addr_taken(x),
            ExprKind::Selector(x, _) => {
                if let Some(Selection::Field { deref: false, .. }) = self.info.selections.get(&e.id)
                {
                    self.mark_addr_taken(x);
                }
            }
            ExprKind::Index(x, _) => {
                if matches!(
                    self.info.types.under(self.info.type_of(x.id)),
                    TypeKind::Array(..)
                ) {
                    self.mark_addr_taken(x);
                }
            }
            _ => {}
        }
    }

    fn func_lit(&mut self, e: &Expr, ft: &FuncType, body: &Block) -> R<Operand> {
        let sig = self.resolve_signature(ft)?;
        let parent = self.cur_func;
        let n = self
            .info
            .funcs
            .iter()
            .filter(|f| f.parent == parent && matches!(f.source, FuncSource::Lit(_)))
            .count()
            + 1;
        let pname = match parent {
            Some(p) => self.info.funcs[p].name.clone(),
            None => "main.glob".into(),
        };
        let fi = self.info.funcs.len();
        self.info.funcs.push(FuncInfo {
            name: format!("{pname}.func{n}"),
            source: FuncSource::Lit(e.id),
            sig,
            recv: None,
            recv_named: None,
            params: Vec::new(),
            results: Vec::new(),
            named_results: false,
            captures: Vec::new(),
            parent,
            pos: e.pos,
        });
        self.info.func_lits.insert(e.id, fi);
        let saved = self.cur_func.replace(fi);
        self.push_scope();
        self.declare_signature_vars(fi, ft, None)?;
        self.func_body(fi, body)?;
        self.pop_scope();
        self.cur_func = saved;
        Ok(Operand::value(sig))
    }

    // ----- untyped values -----

    /// The type an untyped value takes when nothing else decides.
    pub(crate) fn default_type(&self, t: Ty) -> Ty {
        match self.info.types.kind(t) {
            TypeKind::Basic(Basic::UntypedBool) => builtin::BOOL,
            TypeKind::Basic(Basic::UntypedInt) => builtin::INT,
            TypeKind::Basic(Basic::UntypedRune) => builtin::INT32,
            TypeKind::Basic(Basic::UntypedFloat) => builtin::FLOAT64,
            TypeKind::Basic(Basic::UntypedString) => builtin::STRING,
            _ => t,
        }
    }

    /// Gives an untyped operand the type `target` (or its default type when
    /// `target` is an interface), checking that constants are representable.
    pub(crate) fn convert_untyped(&mut self, x: &mut Operand, target: Ty, e: &Expr) -> R<()> {
        if !self.info.types.is_untyped(x.ty) || target == builtin::INVALID {
            return Ok(());
        }
        let tu = self.info.types.underlying(target);
        let xb = self.info.types.basic(x.ty).expect("untyped is basic");
        let final_ty = if self.info.types.is_untyped(target) {
            // Both untyped: the "larger" kind wins (int < rune < float).
            let tb = self.info.types.basic(target).expect("basic");
            let rank = |b: Basic| match b {
                Basic::UntypedInt => 1,
                Basic::UntypedRune => 2,
                Basic::UntypedFloat => 3,
                _ => 0,
            };
            if rank(xb) > 0 && rank(tb) > 0 {
                if rank(tb) > rank(xb) {
                    target
                } else {
                    x.ty
                }
            } else if xb == tb {
                target
            } else {
                return self.mismatch_untyped(x, target, e);
            }
        } else if let TypeKind::Interface(ms) = self.info.types.kind(tu) {
            if xb == Basic::UntypedNil {
                target
            } else {
                if !ms.is_empty() {
                    // An untyped constant's default type never has methods.
                    let d = self.default_type(x.ty);
                    return self.err(
                        e.pos,
                        format!(
                            "cannot use {} as {} value: {} does not implement {}",
                            self.describe(x, e),
                            self.info.types.name_unqualified(target),
                            self.info.types.name_unqualified(d),
                            self.info.types.name_unqualified(target)
                        ),
                    );
                }
                self.default_type(x.ty)
            }
        } else {
            let ok = match self.info.types.kind(tu) {
                TypeKind::Basic(tb) => match xb {
                    Basic::UntypedBool => tb.is_boolean(),
                    Basic::UntypedInt | Basic::UntypedRune | Basic::UntypedFloat => tb.is_numeric(),
                    Basic::UntypedString => tb.is_string(),
                    _ => false,
                },
                TypeKind::Pointer(_)
                | TypeKind::Slice(_)
                | TypeKind::Func(_)
                | TypeKind::Map(..) => xb == Basic::UntypedNil,
                _ => false,
            };
            if !ok {
                return self.mismatch_untyped(x, target, e);
            }
            target
        };
        if let Some(v) = &x.val {
            let b = self
                .info
                .types
                .basic(final_ty)
                .expect("constant types are basic");
            match v.represent(b) {
                Ok(nv) => x.val = Some(nv),
                Err(Repr::Truncated) => {
                    return self.err(
                        e.pos,
                        format!(
                            "cannot use {} as {} value in {} (truncated)",
                            self.describe(x, e),
                            self.info.types.name_unqualified(final_ty),
                            "assignment"
                        ),
                    );
                }
                Err(Repr::Overflow) => {
                    return self.err(
                        e.pos,
                        format!(
                            "cannot use {} as {} value in {} (overflows)",
                            self.describe(x, e),
                            self.info.types.name_unqualified(final_ty),
                            "assignment"
                        ),
                    );
                }
                Err(Repr::Mismatch) => return self.mismatch_untyped(x, target, e),
            }
        }
        x.ty = final_ty;
        self.update_expr_type(e, final_ty, x.val.clone());
        Ok(())
    }

    fn mismatch_untyped<T>(&self, x: &Operand, target: Ty, e: &Expr) -> R<T> {
        if x.ty == builtin::UNTYPED_NIL {
            return self.err(
                e.pos,
                format!(
                    "cannot use nil as {} value in assignment",
                    self.info.types.name_unqualified(target)
                ),
            );
        }
        self.err(
            e.pos,
            format!(
                "cannot use {} as {} value in assignment",
                self.describe(x, e),
                self.info.types.name_unqualified(target)
            ),
        )
    }

    /// Records the final type of an untyped expression tree.
    fn update_expr_type(&mut self, e: &Expr, t: Ty, val: Option<ConstVal>) {
        let Some(&old) = self.info.expr_types.get(&e.id) else {
            return;
        };
        if !self.info.types.is_untyped(old) {
            return;
        }
        self.info.expr_types.insert(e.id, t);
        if let Some(v) = val {
            // A constant: lowering materializes it whole.
            self.info.consts.insert(e.id, v);
            return;
        }
        match &e.kind {
            ExprKind::Paren(x) => self.update_expr_type(x, t, None),
            ExprKind::Unary(_, x) => self.update_expr_type(x, t, None),
            ExprKind::Binary { op, x, y, .. } => {
                if op.is_comparison() {
                    return;
                }
                self.update_expr_type(x, t, None);
                if !op.is_shift() {
                    self.update_expr_type(y, t, None);
                }
            }
            _ => {}
        }
    }

    // ----- operators -----

    fn unary(&mut self, e: &Expr, op: UnOp, x: &Expr) -> R<Operand> {
        if op == UnOp::Addr {
            // `&T{...}` is allowed although a literal is not addressable.
            let inner = strip_parens(x);
            if let ExprKind::CompositeLit { .. } = &inner.kind {
                let xo = self.expr(x)?;
                let t = self.info.types.pointer(xo.ty);
                return Ok(Operand::value(t));
            }
            let xo = self.expr(x)?;
            self.single_value(&xo, x)?;
            if xo.mode != Mode::Var {
                return self.err(
                    e.pos,
                    format!(
                        "invalid operation: cannot take address of {}",
                        self.describe(&xo, x)
                    ),
                );
            }
            self.mark_addr_taken(x);
            let t = self.info.types.pointer(xo.ty);
            return Ok(Operand::value(t));
        }
        let xo = self.value_expr(x)?;
        let b = self.info.types.basic(xo.ty);
        let ok = match (op, b) {
            (UnOp::Pos | UnOp::Neg, Some(b)) => b.is_numeric(),
            (UnOp::Not, Some(b)) => b.is_boolean(),
            (UnOp::BitNot, Some(b)) => b.is_integer(),
            _ => false,
        };
        if !ok {
            return self.err(
                e.pos,
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    self.describe(&xo, x)
                ),
            );
        }
        let Some(v) = xo.val.clone() else {
            return Ok(Operand::value(xo.ty));
        };
        let b = b.expect("checked");
        let r = match (op, &v) {
            (UnOp::Pos, _) => v,
            (UnOp::Neg, ConstVal::Int(i)) => ConstVal::Int(-i.clone()),
            (UnOp::Neg, ConstVal::Float(f)) => ConstVal::Float(-f.clone()),
            (UnOp::Not, ConstVal::Bool(x)) => ConstVal::Bool(!x),
            (UnOp::BitNot, ConstVal::Int(i)) => {
                if b.is_unsigned() {
                    let mask = (num_bigint::BigInt::from(1) << b.int_bits()) - 1;
                    ConstVal::Int(i ^ mask)
                } else {
                    ConstVal::Int(!i.clone())
                }
            }
            _ => {
                return self.err(
                    e.pos,
                    format!(
                        "invalid operation: operator {} not defined on {}",
                        op.as_str(),
                        self.describe(&xo, x)
                    ),
                )
            }
        };
        self.check_const_fits(&r, xo.ty, e)?;
        Ok(Operand::constant(xo.ty, r))
    }

    /// A typed constant must fit its type.
    pub(crate) fn check_const_fits(&self, v: &ConstVal, t: Ty, e: &Expr) -> R<()> {
        if self.info.types.is_untyped(t) {
            return Ok(());
        }
        if let Some(b) = self.info.types.basic(t) {
            if let Err(r) = v.represent(b) {
                let what = if r == Repr::Truncated {
                    "truncated"
                } else {
                    "overflows"
                };
                return self.err(
                    e.pos,
                    format!(
                        "constant {} {} {}",
                        v,
                        what,
                        self.info.types.name_unqualified(t)
                    ),
                );
            }
        }
        Ok(())
    }

    fn binary(&mut self, e: &Expr, op: BinOp, op_pos: Pos, x: &Expr, y: &Expr) -> R<Operand> {
        if op.is_shift() {
            return self.shift(e, op, x, y);
        }
        let mut xo = self.value_expr(x)?;
        let mut yo = self.value_expr(y)?;
        let nil_operand = xo.ty == builtin::UNTYPED_NIL || yo.ty == builtin::UNTYPED_NIL;
        // Untyped operands take the other side's type.
        let (xu, yu) = (
            self.info.types.is_untyped(xo.ty),
            self.info.types.is_untyped(yo.ty),
        );
        if xu && !yu {
            let t = yo.ty;
            if self.convert_untyped(&mut xo, t, x).is_err() {
                return self.mismatch(e, &xo, &yo);
            }
        } else if yu && !xu {
            let t = xo.ty;
            if self.convert_untyped(&mut yo, t, y).is_err() {
                return self.mismatch(e, &xo, &yo);
            }
        } else if xu && yu {
            let nil_x = xo.ty == builtin::UNTYPED_NIL;
            let nil_y = yo.ty == builtin::UNTYPED_NIL;
            if nil_x || nil_y {
                if nil_x && nil_y && op.is_comparison() {
                    return self.err(
                        e.pos,
                        format!(
                            "invalid operation: {} (operator {} not defined on nil)",
                            self.expr_string(e),
                            op.as_str()
                        ),
                    );
                }
                return self.mismatch(e, &xo, &yo);
            }
            let (xt, yt) = (xo.ty, yo.ty);
            if self.convert_untyped(&mut xo, yt, x).is_err()
                || self.convert_untyped(&mut yo, xt, y).is_err()
            {
                return self.mismatch(e, &xo, &yo);
            }
            let _ = op_pos;
        }
        if op.is_comparison() {
            return self.comparison(e, op, x, y, xo, yo, nil_operand);
        }
        if xo.ty != yo.ty {
            return self.mismatch(e, &xo, &yo);
        }
        let b = self.info.types.basic(xo.ty);
        let ok = match (op, b) {
            (BinOp::Add, Some(b)) => b.is_numeric() || b.is_string(),
            (BinOp::Sub | BinOp::Mul | BinOp::Quo, Some(b)) => b.is_numeric(),
            (BinOp::Rem | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::AndNot, Some(b)) => {
                b.is_integer()
            }
            (BinOp::LAnd | BinOp::LOr, Some(b)) => b.is_boolean(),
            _ => false,
        };
        if !ok {
            return self.err(
                x.pos,
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    self.describe(&xo, x)
                ),
            );
        }
        let b = b.expect("checked");
        if matches!(op, BinOp::Quo | BinOp::Rem) {
            if let Some(v) = &yo.val {
                let zero = match v {
                    ConstVal::Int(i) => num_traits::Zero::is_zero(i),
                    ConstVal::Float(f) => num_traits::Zero::is_zero(f) && b.is_integer(),
                    _ => false,
                };
                if zero {
                    return self.err(y.pos, "invalid operation: division by zero");
                }
            }
        }
        if let (Some(a), Some(c)) = (&xo.val, &yo.val) {
            let int_div = b.is_integer();
            let Some(r) = constant::binary(op, a, c, int_div) else {
                return self.err(e.pos, format!("invalid operation: {}", self.expr_string(e)));
            };
            self.check_const_fits(&r, xo.ty, e)?;
            return Ok(Operand::constant(xo.ty, r));
        }
        Ok(Operand::value(xo.ty))
    }

    fn mismatch<T>(&self, e: &Expr, xo: &Operand, yo: &Operand) -> R<T> {
        self.err(
            e.pos,
            format!(
                "invalid operation: {} (mismatched types {} and {})",
                self.expr_string(e),
                self.info.types.name_unqualified(xo.ty),
                self.info.types.name_unqualified(yo.ty)
            ),
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn comparison(
        &mut self,
        e: &Expr,
        op: BinOp,
        x: &Expr,
        y: &Expr,
        xo: Operand,
        yo: Operand,
        nil_operand: bool,
    ) -> R<Operand> {
        let t = &self.info.types;
        let assignable = self.assignable(xo.ty, yo.ty) || self.assignable(yo.ty, xo.ty);
        if !assignable {
            return self.mismatch(e, &xo, &yo);
        }
        let eq = matches!(op, BinOp::Eql | BinOp::Neq);
        if eq {
            let xnil = xo.ty == builtin::UNTYPED_NIL || nil_operand;
            let ynil = yo.ty == builtin::UNTYPED_NIL;
            let bad = |c: &Self, o: &Operand| {
                !c.info.types.comparable(o.ty) && o.ty != builtin::UNTYPED_NIL
            };
            if !(xnil || ynil) {
                for (o, ex) in [(&xo, x), (&yo, y)] {
                    if bad(self, o) {
                        let what = match t.under(o.ty) {
                            TypeKind::Slice(_) => "slice can only be compared to nil",
                            TypeKind::Func(_) => "func can only be compared to nil",
                            TypeKind::Map(..) => "map can only be compared to nil",
                            _ => "",
                        };
                        if !what.is_empty() {
                            return self.err(
                                ex.pos,
                                format!("invalid operation: {} ({})", self.expr_string(e), what),
                            );
                        }
                        return self.err(
                            ex.pos,
                            format!(
                                "invalid operation: {} ({} cannot be compared)",
                                self.expr_string(e),
                                self.info.types.name_unqualified(o.ty)
                            ),
                        );
                    }
                }
            }
        } else {
            let ordered = |c: &Self, o: &Operand| {
                c.info
                    .types
                    .basic(o.ty)
                    .map(|b| b.is_numeric() || b.is_string())
                    .unwrap_or(false)
            };
            if !ordered(self, &xo) {
                return self.err(
                    x.pos,
                    format!(
                        "invalid operation: {} (operator {} not defined on {})",
                        self.expr_string(e),
                        op.as_str(),
                        self.describe_kind(&xo)
                    ),
                );
            }
        }
        if let (Some(a), Some(b)) = (&xo.val, &yo.val) {
            if let Some(r) = constant::binary(op, a, b, true) {
                return Ok(Operand::constant(builtin::UNTYPED_BOOL, r));
            }
        }
        Ok(Operand::value(builtin::UNTYPED_BOOL))
    }

    fn shift(&mut self, e: &Expr, op: BinOp, x: &Expr, y: &Expr) -> R<Operand> {
        let mut xo = self.value_expr(x)?;
        let mut yo = self.value_expr(y)?;
        // The count: an integer, or an untyped constant representable as uint.
        if let Some(v) = &yo.val {
            match v.as_bigint() {
                Some(i) if i.sign() == num_bigint::Sign::Minus => {
                    return self.err(
                        y.pos,
                        format!("invalid shift count {} (negative)", self.expr_string(y)),
                    );
                }
                Some(_) => {}
                None => {
                    return self.err(
                        y.pos,
                        format!("invalid shift count {}", self.describe(&yo, y)),
                    )
                }
            }
            if self.info.types.is_untyped(yo.ty) {
                self.convert_untyped(&mut yo, builtin::UINT, y)?;
            }
        } else if !self
            .info
            .types
            .basic(yo.ty)
            .map(|b| b.is_integer())
            .unwrap_or(false)
        {
            return self.err(
                y.pos,
                format!(
                    "invalid operation: shift count {} must be integer",
                    self.describe(&yo, y)
                ),
            );
        }
        let xb = self.info.types.basic(xo.ty);
        if let Some(v) = xo.val.clone() {
            // An untyped float constant shifted must be an integer value.
            if self.info.types.is_untyped(xo.ty) {
                if v.as_bigint().is_none() {
                    return self.err(
                        x.pos,
                        format!(
                            "invalid operation: shifted operand {} must be integer",
                            self.describe(&xo, x)
                        ),
                    );
                }
                if yo.val.is_some() && xb == Some(Basic::UntypedFloat) {
                    xo.ty = builtin::UNTYPED_INT;
                    xo.val = Some(ConstVal::Int(v.as_bigint().expect("checked")));
                }
            }
            if let Some(s) = &yo.val {
                let n = s
                    .as_bigint()
                    .and_then(|i| num_traits::ToPrimitive::to_u64(&i))
                    .unwrap_or(u64::MAX);
                let xi = xo
                    .val
                    .as_ref()
                    .and_then(|v| v.as_bigint())
                    .expect("integer");
                let Some(r) = constant::shift(op, &xi, n) else {
                    return self.err(
                        y.pos,
                        format!("invalid shift count {}", self.expr_string(y)),
                    );
                };
                let r = ConstVal::Int(r);
                self.check_const_fits(&r, xo.ty, e)?;
                return Ok(Operand::constant(xo.ty, r));
            }
            // Non-constant shift of an untyped constant: the context will type it.
            if self.info.types.is_untyped(xo.ty) {
                return Ok(Operand::value(if xb == Some(Basic::UntypedFloat) {
                    builtin::UNTYPED_INT
                } else {
                    xo.ty
                }));
            }
        }
        if !xb.map(|b| b.is_integer()).unwrap_or(false) {
            return self.err(
                x.pos,
                format!(
                    "invalid operation: shifted operand {} must be integer",
                    self.describe(&xo, x)
                ),
            );
        }
        Ok(Operand::value(xo.ty))
    }

    // ----- composite literals -----

    /// `T{...}`; `hint` is the element type of an enclosing literal when `T` is elided.
    pub(crate) fn composite_lit(&mut self, e: &Expr, hint: Option<Ty>) -> R<Operand> {
        let ExprKind::CompositeLit { ty, elts, .. } = &e.kind else {
            unreachable!()
        };
        let (lit_ty, result_ty) = match ty {
            Some(te) => {
                let t = if let ExprKind::ArrayType {
                    len: ArrayLen::Ellipsis,
                    elem,
                } = &te.kind
                {
                    let el = self.resolve_type(elem)?;
                    let n = self.array_lit_len(elts)?;
                    let t = self.info.types.array(el, n);
                    self.info.expr_types.insert(te.id, t);
                    t
                } else {
                    self.resolve_type(te)?
                };
                (t, t)
            }
            None => {
                let Some(h) = hint else {
                    return self.err(e.pos, "invalid composite literal type: missing type");
                };
                // `[]*T{{...}}` means `&T{...}`.
                match self.info.types.pointee(h) {
                    Some(p) if !self.info.types.is_named(h) => (p, h),
                    _ => (h, h),
                }
            }
        };
        match self.info.types.under(lit_ty).clone() {
            TypeKind::Struct(fields) => self.struct_lit(e, lit_ty, &fields, elts)?,
            TypeKind::Array(el, n) => {
                self.elements(e, el, Some(n), elts)?;
            }
            TypeKind::Slice(el) => {
                self.elements(e, el, None, elts)?;
            }
            TypeKind::Map(..) => return self.err(e.pos, "unsupported: maps"),
            _ => {
                return self.err(
                    e.pos,
                    format!(
                        "invalid composite literal type {}",
                        self.info.types.name_unqualified(lit_ty)
                    ),
                );
            }
        }
        self.info.expr_types.insert(e.id, result_ty);
        Ok(Operand::value(result_ty))
    }

    fn array_lit_len(&mut self, elts: &[Element]) -> R<i64> {
        let mut idx: i64 = 0;
        let mut max: i64 = 0;
        for el in elts {
            if let Some(k) = &el.key {
                let ko = self.expr(k)?;
                idx = ko.val.as_ref().and_then(|v| v.as_i64()).unwrap_or(idx);
            }
            idx += 1;
            max = max.max(idx);
        }
        Ok(max)
    }

    fn struct_lit(&mut self, e: &Expr, t: Ty, fields: &[Field], elts: &[Element]) -> R<()> {
        if elts.is_empty() {
            return Ok(());
        }
        let keyed = elts[0].key.is_some();
        if keyed {
            let mut seen = std::collections::HashSet::new();
            for el in elts {
                let Some(k) = &el.key else {
                    return self.err(
                        el.value.pos,
                        "mixture of field:value and value elements in struct literal",
                    );
                };
                let ExprKind::Ident(name) = &k.kind else {
                    return self.err(
                        k.pos,
                        format!(
                            "invalid field name {} in struct literal",
                            self.expr_string(k)
                        ),
                    );
                };
                let Some(fi) = fields.iter().position(|f| &f.name == name) else {
                    return self.err(
                        k.pos,
                        format!(
                            "unknown field {} in struct literal of type {}",
                            name,
                            self.info.types.name_unqualified(t)
                        ),
                    );
                };
                if !seen.insert(fi) {
                    return self.err(
                        k.pos,
                        format!("duplicate field name {name} in struct literal"),
                    );
                }
                self.info.selections.insert(
                    k.id,
                    Selection::Field {
                        index: fi,
                        deref: false,
                    },
                );
                self.elem_value(&el.value, fields[fi].ty, "struct literal")?;
            }
        } else {
            for (i, el) in elts.iter().enumerate() {
                if el.key.is_some() {
                    return self.err(
                        el.value.pos,
                        "mixture of field:value and value elements in struct literal",
                    );
                }
                let Some(f) = fields.get(i) else {
                    return self.err(
                        el.value.pos,
                        format!(
                            "too many values in struct literal of type {}",
                            self.info.types.name_unqualified(t)
                        ),
                    );
                };
                self.elem_value(&el.value, f.ty, "struct literal")?;
            }
            if elts.len() < fields.len() {
                let ExprKind::CompositeLit { rbrace, .. } = &e.kind else {
                    unreachable!()
                };
                return self.err(
                    *rbrace,
                    format!(
                        "too few values in struct literal of type {}",
                        self.info.types.name_unqualified(t)
                    ),
                );
            }
        }
        Ok(())
    }

    fn elements(&mut self, _e: &Expr, el: Ty, len: Option<i64>, elts: &[Element]) -> R<()> {
        let mut idx: i64 = 0;
        let mut seen = std::collections::HashSet::new();
        for item in elts {
            if let Some(k) = &item.key {
                let mut ko = self.value_expr(k)?;
                let Some(i) = ko.val.as_ref().and_then(|v| v.as_i64()) else {
                    return self.err(
                        k.pos,
                        format!("index {} must be integer constant", self.expr_string(k)),
                    );
                };
                if i < 0 {
                    return self.err(
                        k.pos,
                        format!(
                            "index {} must be non-negative integer constant",
                            self.expr_string(k)
                        ),
                    );
                }
                self.convert_untyped(&mut ko, builtin::INT, k)?;
                idx = i;
            }
            if let Some(n) = len {
                if idx >= n {
                    return self.err(item.value.pos, format!("index {idx} out of bounds [0:{n}]"));
                }
            }
            if !seen.insert(idx) {
                return self.err(
                    item.value.pos,
                    format!("duplicate index {idx} in array or slice literal"),
                );
            }
            self.elem_value(&item.value, el, "array or slice literal")?;
            idx += 1;
        }
        Ok(())
    }

    fn elem_value(&mut self, v: &Expr, t: Ty, ctx: &str) -> R<()> {
        if let ExprKind::CompositeLit { ty: None, .. } = &v.kind {
            self.composite_lit(v, Some(t))?;
            return Ok(());
        }
        let mut x = self.value_expr(v)?;
        self.assign_to(&mut x, t, v, ctx)
    }

    // ----- selectors, indexing, slicing -----

    fn index(&mut self, e: &Expr, x: &Expr, i: &Expr) -> R<Operand> {
        let xo = self.value_expr(x)?;
        let (elem, mode, len) = match self.info.types.under(xo.ty).clone() {
            TypeKind::Basic(b) if b.is_string() => {
                let len = match &xo.val {
                    Some(ConstVal::Str(s)) => Some(s.len() as i64),
                    _ => None,
                };
                if self.info.types.is_untyped(xo.ty) {
                    let mut x2 = xo.clone();
                    self.convert_untyped(&mut x2, builtin::STRING, x)?;
                }
                (builtin::UINT8, Mode::Value, len)
            }
            TypeKind::Slice(el) => (el, Mode::Var, None),
            TypeKind::Array(el, n) => (
                el,
                if xo.mode == Mode::Var {
                    Mode::Var
                } else {
                    Mode::Value
                },
                Some(n),
            ),
            TypeKind::Pointer(p) => match self.info.types.under(p).clone() {
                TypeKind::Array(el, n) => (el, Mode::Var, Some(n)),
                _ => {
                    return self.err(
                        x.pos,
                        format!("invalid operation: cannot index {}", self.describe(&xo, x)),
                    )
                }
            },
            TypeKind::Map(..) => return self.err(e.pos, "unsupported: maps"),
            _ => {
                return self.err(
                    x.pos,
                    format!("invalid operation: cannot index {}", self.describe(&xo, x)),
                )
            }
        };
        self.index_value(i, len)?;
        Ok(Operand {
            mode,
            ty: elem,
            val: None,
        })
    }

    /// An index: an integer, non-negative and in range when constant.
    fn index_value(&mut self, i: &Expr, len: Option<i64>) -> R<Option<i64>> {
        let mut io = self.value_expr(i)?;
        if !self
            .info
            .types
            .basic(io.ty)
            .map(|b| {
                b.is_integer()
                    || (b == Basic::UntypedFloat
                        && io.val.as_ref().and_then(|v| v.as_bigint()).is_some())
            })
            .unwrap_or(false)
        {
            return self.err(
                i.pos,
                format!(
                    "invalid argument: index {} must be integer",
                    self.describe(&io, i)
                ),
            );
        }
        if self.info.types.is_untyped(io.ty) {
            self.convert_untyped(&mut io, builtin::INT, i)?;
        }
        if let Some(v) = io.val.as_ref().and_then(|v| v.as_i64()) {
            if v < 0 {
                return self.err(
                    i.pos,
                    format!(
                        "invalid argument: index {} (constant of type int) must not be negative",
                        self.expr_string(i)
                    ),
                );
            }
            if let Some(n) = len {
                if v >= n {
                    return self.err(
                        i.pos,
                        format!("invalid argument: index {} out of bounds [0:{}]", v, n),
                    );
                }
            }
            return Ok(Some(v));
        }
        Ok(None)
    }

    fn slice_expr(
        &mut self,
        e: &Expr,
        x: &Expr,
        lo: Option<&Expr>,
        hi: Option<&Expr>,
        max: Option<&Expr>,
    ) -> R<Operand> {
        let xo = self.value_expr(x)?;
        let (result, len) = match self.info.types.under(xo.ty).clone() {
            TypeKind::Basic(b) if b.is_string() => {
                if max.is_some() {
                    return self.err(e.pos, "invalid operation: 3-index slice of string");
                }
                let len = match &xo.val {
                    Some(ConstVal::Str(s)) => Some(s.len() as i64),
                    _ => None,
                };
                if self.info.types.is_untyped(xo.ty) {
                    let mut x2 = xo.clone();
                    self.convert_untyped(&mut x2, builtin::STRING, x)?;
                    (builtin::STRING, len)
                } else {
                    (xo.ty, len)
                }
            }
            TypeKind::Slice(_) => (xo.ty, None),
            TypeKind::Array(el, n) => {
                if xo.mode != Mode::Var {
                    return self.err(
                        x.pos,
                        format!(
                            "invalid operation: {} (slice of unaddressable value)",
                            self.expr_string(e)
                        ),
                    );
                }
                self.mark_addr_taken(x);
                (self.info.types.slice(el), Some(n + 1))
            }
            TypeKind::Pointer(p) => match self.info.types.under(p).clone() {
                TypeKind::Array(el, n) => (self.info.types.slice(el), Some(n + 1)),
                _ => return self.err(x.pos, format!("cannot slice {}", self.describe(&xo, x))),
            },
            _ => return self.err(x.pos, format!("cannot slice {}", self.describe(&xo, x))),
        };
        let mut consts = Vec::new();
        for part in [lo, hi, max].into_iter().flatten() {
            if let Some(v) = self.index_value(part, len)? {
                consts.push((v, part.pos));
            }
        }
        for w in consts.windows(2) {
            if w[1].0 < w[0].0 {
                return self.err(
                    w[1].1,
                    format!("invalid slice indices: {} < {}", w[1].0, w[0].0),
                );
            }
        }
        Ok(Operand::value(result))
    }

    fn selector(&mut self, e: &Expr, x: &Expr, sel: &Ident) -> R<Operand> {
        // Qualified identifiers: fmt.Println, errors.New.
        if let ExprKind::Ident(pkg) = &x.kind {
            if let Some(o) = self.lookup(pkg) {
                if let ObjKind::Package(p) = self.obj(o).kind {
                    self.info.uses.insert(x.id, o);
                    self.use_package(p);
                    return self.qualified(e, p, sel);
                }
            }
        }
        let xo = self.expr(x)?;
        if xo.mode == Mode::TypeExpr {
            return self.method_expr(e, xo.ty, sel);
        }
        self.single_value(&xo, x)?;
        self.select_member(e, x, &xo, sel)
    }

    /// `undefined: x`, or `unsupported: x` for Go's predeclared names outside the subset.
    pub(crate) fn undefined<T>(&self, pos: Pos, name: &str) -> R<T> {
        const OUTSIDE: &[&str] = &[
            "float32",
            "complex64",
            "complex128",
            "complex",
            "real",
            "imag",
            "recover",
            "close",
            "clear",
            "delete",
        ];
        if OUTSIDE.contains(&name) {
            return self.err(pos, format!("unsupported: {name}"));
        }
        self.err(pos, format!("undefined: {name}"))
    }

    fn qualified(&mut self, e: &Expr, p: Package, sel: &Ident) -> R<Operand> {
        let n = match (p, sel.name.as_str()) {
            (Package::Fmt, "Println") => Native::FmtPrintln,
            (Package::Fmt, "Printf") => Native::FmtPrintf,
            (Package::Fmt, "Print") => Native::FmtPrint,
            (Package::Fmt, "Sprintf") => Native::FmtSprintf,
            (Package::Fmt, "Sprint") => Native::FmtSprint,
            (Package::Fmt, "Sprintln") => Native::FmtSprintln,
            (Package::Fmt, "Errorf") => Native::FmtErrorf,
            (Package::Errors, "New") => Native::ErrorsNew,
            (Package::Fmt, "Stringer") => {
                return Ok(Operand {
                    mode: Mode::TypeExpr,
                    ty: builtin::STRINGER,
                    val: None,
                });
            }
            (pk, name) => {
                let pn = if pk == Package::Fmt { "fmt" } else { "errors" };
                if name
                    .chars()
                    .next()
                    .map(|c| c.is_uppercase())
                    .unwrap_or(false)
                {
                    return self.err(e.pos, format!("unsupported: {pn}.{name}"));
                }
                return self.err(sel.pos, format!("name {name} not exported by package {pn}"));
            }
        };
        self.info.selections.insert(e.id, Selection::Native(n));
        let sig = self.native_sig(n);
        Ok(Operand {
            mode: Mode::Native(n),
            ty: sig,
            val: None,
        })
    }

    pub(crate) fn native_sig(&mut self, n: Native) -> Ty {
        use builtin::*;
        match n {
            Native::FmtPrint | Native::FmtPrintln => {
                let s = self.new_signature(vec![ANYS], vec![INT, ERROR], true);
                s
            }
            Native::FmtPrintf => self.new_signature(vec![STRING, ANYS], vec![INT, ERROR], true),
            Native::FmtSprint | Native::FmtSprintln => {
                self.new_signature(vec![ANYS], vec![STRING], true)
            }
            Native::FmtSprintf => self.new_signature(vec![STRING, ANYS], vec![STRING], true),
            Native::FmtErrorf => self.new_signature(vec![STRING, ANYS], vec![ERROR], true),
            Native::ErrorsNew => self.new_signature(vec![STRING], vec![ERROR], false),
        }
    }

    // ----- printing expressions and operands for messages -----

    /// The expression as Go's messages show it (`n + label`, `Square{…}`).
    pub(crate) fn expr_string(&self, e: &Expr) -> String {
        let s = |x: &Expr| self.expr_string(x);
        match &e.kind {
            ExprKind::Ident(n) => n.clone(),
            ExprKind::IntLit(t) | ExprKind::FloatLit(t) => t.clone(),
            ExprKind::RuneLit(r) => match char::from_u32(*r) {
                Some(c) => format!("{c:?}"),
                None => format!("{r}"),
            },
            ExprKind::StrLit(b) => format!("{:?}", String::from_utf8_lossy(b)),
            ExprKind::CompositeLit { ty, .. } => match ty {
                Some(t) => format!("{}{{…}}", s(t)),
                None => "{…}".into(),
            },
            ExprKind::FuncLit { .. } => "func literal".into(),
            ExprKind::Paren(x) => format!("({})", s(x)),
            ExprKind::Selector(x, sel) => format!("{}.{}", s(x), sel.name),
            ExprKind::Index(x, i) => format!("{}[{}]", s(x), s(i)),
            ExprKind::Slice { x, lo, hi, max } => {
                let o = |p: &Option<Box<Expr>>| p.as_ref().map(|x| s(x)).unwrap_or_default();
                match max {
                    Some(m) => format!("{}[{}:{}:{}]", s(x), o(lo), o(hi), s(m)),
                    None => format!("{}[{}:{}]", s(x), o(lo), o(hi)),
                }
            }
            ExprKind::TypeAssert(x, t) => match t {
                Some(t) => format!("{}.({})", s(x), s(t)),
                None => format!("{}.(type)", s(x)),
            },
            ExprKind::Call {
                fun,
                args,
                ellipsis,
                ..
            } => {
                let a: Vec<String> = args.iter().map(s).collect();
                format!(
                    "{}({}{})",
                    s(fun),
                    a.join(", "),
                    if ellipsis.is_some() { "..." } else { "" }
                )
            }
            ExprKind::Star(x) => format!("*{}", s(x)),
            ExprKind::Unary(op, x) => format!("{}{}", op.as_str(), s(x)),
            ExprKind::Binary { op, x, y, .. } => format!("{} {} {}", s(x), op.as_str(), s(y)),
            ExprKind::ArrayType { len, elem } => match len {
                ArrayLen::Slice => format!("[]{}", s(elem)),
                ArrayLen::Ellipsis => format!("[...]{}", s(elem)),
                ArrayLen::Expr(n) => format!("[{}]{}", s(n), s(elem)),
            },
            ExprKind::MapType(k, v) => format!("map[{}]{}", s(k), s(v)),
            ExprKind::FuncType(_) => "func(...)".into(),
            ExprKind::StructType(_) => "struct{...}".into(),
            ExprKind::InterfaceType(_) => "interface{...}".into(),
        }
    }

    /// `bad (variable of struct type Clicks)`, `300 (untyped int constant)`.
    pub(crate) fn describe(&self, x: &Operand, e: &Expr) -> String {
        let es = self.expr_string(e);
        if x.ty == builtin::UNTYPED_NIL {
            return "nil".into();
        }
        let tn = self.type_with_kind(x.ty);
        match x.mode {
            Mode::Const => {
                let v = x.val.as_ref().map(|v| v.to_string()).unwrap_or_default();
                if self.info.types.is_untyped(x.ty) {
                    if v == es {
                        format!("{es} ({} constant)", self.info.types.name_unqualified(x.ty))
                    } else {
                        format!(
                            "{es} ({} constant {v})",
                            self.info.types.name_unqualified(x.ty)
                        )
                    }
                } else if v == es {
                    format!("{es} (constant of {tn})")
                } else {
                    format!("{es} (constant {v} of {tn})")
                }
            }
            Mode::Var => format!("{es} (variable of {tn})"),
            _ => {
                if self.info.types.is_untyped(x.ty) {
                    format!("{es} ({} value)", self.info.types.name_unqualified(x.ty))
                } else {
                    format!("{es} (value of {tn})")
                }
            }
        }
    }

    /// `type int`, `struct type Clicks`, `int type MyInt`.
    pub(crate) fn type_with_kind(&self, t: Ty) -> String {
        let n = self.info.types.name_unqualified(t);
        if !self.info.types.is_named(t) || t == builtin::ERROR {
            return format!("type {n}");
        }
        let k = match self.info.types.under(t) {
            TypeKind::Basic(b) => b.name(),
            TypeKind::Struct(_) => "struct",
            TypeKind::Interface(_) => "interface",
            TypeKind::Pointer(_) => "pointer",
            TypeKind::Slice(_) => "slice",
            TypeKind::Array(..) => "array",
            TypeKind::Func(_) => "func",
            TypeKind::Map(..) => "map",
            _ => "",
        };
        format!("{k} type {n}")
    }

    fn describe_kind(&self, x: &Operand) -> String {
        match self.info.types.under(x.ty) {
            TypeKind::Struct(_) => "struct".into(),
            TypeKind::Interface(_) => "interface".into(),
            TypeKind::Pointer(_) => "pointer".into(),
            TypeKind::Slice(_) => "slice".into(),
            TypeKind::Func(_) => "func".into(),
            TypeKind::Basic(b) => b.name().into(),
            _ => self.info.types.name_unqualified(x.ty),
        }
    }
}

pub(crate) fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip_parens(x),
        _ => e,
    }
}
