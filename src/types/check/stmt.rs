//! Statements: declarations, assignments, control flow, labels, and the
//! spec's "terminating statement" rule (for "missing return").

use rustc_hash::FxHashSet as HashSet;

use super::expr::{strip_parens, Mode, Operand};
use super::{Checker, R};
use crate::syntax::ast::*;
use crate::types::constant::ConstVal;
use crate::types::ty::{builtin, Ty, TypeKind};
use crate::types::{ObjId, ObjKind, VarInfo};

impl Checker<'_> {
    pub(crate) fn stmt(&mut self, s: &Stmt) -> R<()> {
        match &s.kind {
            StmtKind::Empty => Ok(()),
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Defer(e) => self.defer_stmt(e),
            StmtKind::Go(e) => self.go_stmt(e),
            StmtKind::Send { ch, value } => self.send_stmt(s, ch, value),
            StmtKind::Select { cases, .. } => self.select_stmt(cases),
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::Assign {
                lhs,
                op,
                op_pos,
                rhs,
            } => self.assign_stmt(s, lhs, *op, *op_pos, rhs),
            StmtKind::IncDec { x, inc } => {
                let mut xo = self.lhs(x)?;
                // (`x++` reads x: Go counts it as a use.)
                self.set_used(x);
                if !self
                    .info
                    .types
                    .basic(xo.ty)
                    .map(|b| b.is_numeric())
                    .unwrap_or(false)
                {
                    let op = if *inc { "++" } else { "--" };
                    return self.err(
                        x.pos,
                        format!(
                            "invalid operation: {}{} (non-numeric type {})",
                            self.expr_string(x),
                            op,
                            self.info.types.name_unqualified(xo.ty)
                        ),
                    );
                }
                xo.mode = Mode::Var;
                Ok(())
            }
            StmtKind::Block(b) => {
                self.push_scope();
                for st in &b.stmts {
                    self.stmt_in_list(st)?;
                }
                self.pop_scope();
                Ok(())
            }
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.push_scope();
                if let Some(i) = init {
                    self.stmt(i)?;
                }
                self.condition(cond, "if statement")?;
                self.push_scope();
                for st in &then.stmts {
                    self.stmt_in_list(st)?;
                }
                self.pop_scope();
                if let Some(e) = els {
                    self.stmt(e)?;
                }
                self.pop_scope();
                Ok(())
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.push_scope();
                if let Some(i) = init {
                    self.stmt(i)?;
                }
                if let Some(c) = cond {
                    self.condition(c, "for loop")?;
                }
                if let Some(p) = post {
                    if let StmtKind::Assign {
                        op: AssignOp::Define,
                        ..
                    } = &p.kind
                    {
                        return self.err(p.pos, "cannot declare in post statement of for loop");
                    }
                    self.stmt(p)?;
                }
                self.loop_body(body, true)?;
                self.pop_scope();
                Ok(())
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range_stmt(s.pos, key.as_deref(), value.as_deref(), *define, x, body),
            StmtKind::Switch {
                init, tag, cases, ..
            } => self.switch_stmt(init.as_deref(), tag.as_deref(), cases),
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                cases,
                ..
            } => self.type_switch(init.as_deref(), bind.as_ref(), x, cases),
            StmtKind::Return(results) => self.return_stmt(s, results),
            StmtKind::Break(label) => {
                match label {
                    Some(l) => {
                        if !self
                            .breakables
                            .iter()
                            .any(|(n, _)| n.as_deref() == Some(l.name.as_str()))
                        {
                            return self.err(l.pos, format!("invalid break label {}", l.name));
                        }
                        self.used_labels_insert(&l.name);
                    }
                    None => {
                        if self.breakables.is_empty() {
                            return self.err(s.pos, "break is not in a loop, switch, or select");
                        }
                    }
                }
                Ok(())
            }
            StmtKind::Continue(label) => {
                match label {
                    Some(l) => {
                        if !self
                            .breakables
                            .iter()
                            .any(|(n, is_loop)| *is_loop && n.as_deref() == Some(l.name.as_str()))
                        {
                            return self.err(l.pos, format!("invalid continue label {}", l.name));
                        }
                        self.used_labels_insert(&l.name);
                    }
                    None => {
                        if !self.breakables.iter().any(|(_, is_loop)| *is_loop) {
                            return self.err(s.pos, "continue is not in a loop");
                        }
                    }
                }
                Ok(())
            }
            StmtKind::Fallthrough => self.err(s.pos, "fallthrough statement out of place"),
            // (Its label was resolved by the parser's branch check.)
            StmtKind::Goto(_) => Ok(()),
            StmtKind::Labeled { label, stmt } => {
                let is_target = matches!(
                    stmt.kind,
                    StmtKind::For { .. }
                        | StmtKind::Range { .. }
                        | StmtKind::Switch { .. }
                        | StmtKind::TypeSwitch { .. }
                        | StmtKind::Select { .. }
                );
                if is_target {
                    self.pending_label = Some(label.name.clone());
                }
                // (Labels nothing uses, `goto`s included, are reported by
                // the parser's branch check, as gc does.)
                let _ = label;
                self.stmt(stmt)?;
                self.pending_label = None;
                Ok(())
            }
        }
    }

    fn used_labels_insert(&mut self, l: &str) {
        self.used_labels.insert(l.to_string());
    }

    fn loop_body(&mut self, body: &Block, is_loop: bool) -> R<()> {
        let label = self.pending_label.take();
        self.breakables.push((label, is_loop));
        self.push_scope();
        let r = body.stmts.iter().try_for_each(|st| self.stmt_in_list(st));
        self.pop_scope();
        self.breakables.pop();
        r
    }

    fn condition(&mut self, c: &Expr, what: &str) -> R<()> {
        let mut x = self.value_expr(c)?;
        if !self
            .info
            .types
            .basic(x.ty)
            .map(|b| b.is_boolean())
            .unwrap_or(false)
        {
            return self.err(c.pos, format!("non-boolean condition in {what}"));
        }
        self.convert_untyped(&mut x, builtin::BOOL, c)
    }

    /// `defer f(args)`: a call (not a conversion, not a builtin that only
    /// computes a value), checked as a call statement; the function it is
    /// in gets its deferred-call frame.
    fn defer_stmt(&mut self, e: &Expr) -> R<()> {
        self.call_stmt(e, "defer")?;
        // (In the body of a loop over a function, the call is deferred to
        // the function the loop is in.)
        let mut fi = self.cur_func;
        while let Some(f) = fi {
            match self.info.funcs[f].source {
                crate::types::FuncSource::RangeBody(_) => fi = self.info.funcs[f].parent,
                _ => break,
            }
        }
        if let Some(fi) = fi {
            self.info.funcs[fi].has_defer = true;
        }
        Ok(())
    }

    /// The call of a `go` or `defer` statement (`what`): a call, not a
    /// conversion, not a builtin that only computes a value.
    pub(super) fn call_stmt(&mut self, e: &Expr, what: &str) -> R<()> {
        let ExprKind::Call { .. } = &e.kind else {
            self.expr(e)?;
            return self.err(e.pos, format!("expression in {what} must be function call"));
        };
        let x = self.expr(e)?;
        let operand = || self.describe(&x, e);
        match self.info.calls.get(&e.id) {
            Some(crate::types::CallKind::Conversion(_)) => {
                let msg = format!(
                    "{what} requires function call, not conversion {}",
                    operand()
                );
                return self.err(e.pos, msg);
            }
            Some(crate::types::CallKind::Builtin(b)) => {
                use crate::types::Builtin::*;
                if matches!(b, Len | Cap | Append | Make | New | Min | Max) {
                    let msg = format!("{what} discards result of {}", operand());
                    return self.err(e.pos, msg);
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn expr_stmt(&mut self, e: &Expr) -> R<()> {
        let inner = strip_parens(e);
        let x = self.expr(e)?;
        if let ExprKind::Unary(UnOp::Recv, _) = &inner.kind {
            return Ok(());
        }
        if let ExprKind::Call { .. } = &inner.kind {
            if let Some(crate::types::CallKind::Conversion(_)) = self.info.calls.get(&inner.id) {
                return self.err(
                    e.pos,
                    format!(
                        "{} ({}) is not used",
                        self.expr_string(e),
                        self.value_desc(&x)
                    ),
                );
            }
            if let Some(crate::types::CallKind::Builtin(b)) = self.info.calls.get(&inner.id) {
                use crate::types::Builtin::*;
                if matches!(b, Len | Cap | Append | Make | New | Min | Max) {
                    return self.err(
                        e.pos,
                        format!(
                            "{} ({}) is not used",
                            self.expr_string(e),
                            self.value_desc(&x)
                        ),
                    );
                }
            }
            return Ok(());
        }
        self.single_value(&x, e)?;
        self.err(
            e.pos,
            format!(
                "{} ({}) is not used",
                self.expr_string(e),
                self.value_desc(&x)
            ),
        )
    }

    fn value_desc(&self, x: &Operand) -> String {
        if x.mode == Mode::Const {
            if self.info.types.is_untyped(x.ty) {
                return format!("{} constant", self.info.types.name_unqualified(x.ty));
            }
            return format!(
                "constant of type {}",
                self.info.types.name_unqualified(x.ty)
            );
        }
        format!("value of type {}", self.info.types.name_unqualified(x.ty))
    }

    fn local_decl(&mut self, d: &Decl) -> R<()> {
        match d {
            Decl::Var(specs) => {
                for s in specs {
                    let want = match &s.ty {
                        Some(t) => Some(self.resolve_type(t)?),
                        None => None,
                    };
                    let tys = self.check_init(&s.names, want, &s.values, s.pos)?;
                    for (n, t) in s.names.iter().zip(tys) {
                        self.new_local_var(n, t)?;
                    }
                }
                Ok(())
            }
            Decl::Const(specs) => {
                for s in specs {
                    let mut objs = Vec::new();
                    for (ni, n) in s.names.iter().enumerate() {
                        let o = self.new_obj(
                            &n.name,
                            n.pos,
                            builtin::INVALID,
                            ObjKind::Const(ConstVal::int(0)),
                        );
                        self.check_local_const(s, ni, o)?;
                        objs.push((n, o));
                    }
                    for (n, o) in objs {
                        self.declare_local(n, o)?;
                    }
                }
                Ok(())
            }
            Decl::Type(specs) => {
                for s in specs {
                    if s.alias {
                        let t = self.resolve_type(&s.ty)?;
                        let o = self.new_obj(&s.name.name, s.name.pos, t, ObjKind::TypeName);
                        self.declare_local(&s.name, o)?;
                    } else {
                        let named = self.new_named_at(s.name.pos, &s.name.name);
                        let o = self.new_obj(&s.name.name, s.name.pos, named, ObjKind::TypeName);
                        self.declare_local(&s.name, o)?;
                        let u = self.resolve_type(&s.ty)?;
                        if self.info.types.underlying(u) == builtin::INVALID {
                            return self.err(
                                s.name.pos,
                                format!("invalid recursive type {}", s.name.name),
                            );
                        }
                        self.info.types.set_underlying(named, u);
                        self.promote_methods(named)?;
                    }
                }
                Ok(())
            }
            Decl::Func(f) => self.err(f.pos, "unsupported: nested function declaration"),
        }
    }

    fn check_local_const(&mut self, s: &ConstSpec, ni: usize, o: crate::types::ObjId) -> R<()> {
        let n = &s.names[ni];
        let Some(e) = s.values.get(ni) else {
            return self.err(n.pos, "missing init expr for const declaration");
        };
        let want = match &s.ty {
            Some(t) => Some(self.resolve_type(t)?),
            None => None,
        };
        let saved = self.iota.replace(s.iota);
        let x = self.expr(e);
        self.iota = saved;
        let mut x = x?;
        let Some(_) = x.val.clone() else {
            return self.err(e.pos, format!("{} is not constant", self.expr_string(e)));
        };
        if let Some(t) = want {
            self.assign_to(&mut x, t, e, "constant declaration")?;
        }
        let obj = self.obj_mut(o);
        obj.ty = x.ty;
        obj.kind = ObjKind::Const(x.val.expect("constant"));
        Ok(())
    }

    /// The left side of an assignment: addressable, or `_`. Not a "use".
    pub(crate) fn lhs(&mut self, e: &Expr) -> R<Operand> {
        if let ExprKind::Ident(name) = &e.kind {
            if name == "_" {
                return Ok(Operand {
                    mode: Mode::Var,
                    ty: builtin::INVALID,
                    val: None,
                });
            }
            let x = self.ident(e, name, false)?;
            self.info.expr_types.insert(e.id, x.ty);
            if x.mode != Mode::Var {
                return self.err(
                    e.pos,
                    format!(
                        "cannot assign to {} (neither addressable nor a map index expression)",
                        self.describe(&x, e)
                    ),
                );
            }
            return Ok(x);
        }
        let x = self.expr(e)?;
        self.single_value(&x, e)?;
        if x.mode != Mode::Var && x.mode != Mode::MapIndex {
            // Assigning to a field of a struct held in a map.
            if let ExprKind::Selector(base, _) = &strip_parens(e).kind {
                let in_map = matches!(&strip_parens(base).kind, ExprKind::Index(m, _)
                    if matches!(self.info.types.under(self.info.type_of(m.id)), TypeKind::Map(..)));
                if in_map {
                    return self.err(
                        e.pos,
                        format!(
                            "cannot assign to struct field {} in map",
                            self.expr_string(e)
                        ),
                    );
                }
            }
            return self.err(
                e.pos,
                format!(
                    "cannot assign to {} (neither addressable nor a map index expression)",
                    self.describe(&x, e)
                ),
            );
        }
        Ok(x)
    }

    fn assign_stmt(
        &mut self,
        s: &Stmt,
        lhs: &[Expr],
        op: AssignOp,
        op_pos: Pos,
        rhs: &[Expr],
    ) -> R<()> {
        match op {
            AssignOp::Op(bop) => {
                if lhs.len() != 1 || rhs.len() != 1 {
                    return self.err(
                        op_pos,
                        format!(
                            "assignment operation {}= requires single-valued expressions",
                            bop.as_str()
                        ),
                    );
                }
                // Check `x op= y` as `x = x op y` (which reads x: Go
                // counts it as a use).
                let xo = self.lhs(&lhs[0])?;
                let _ = xo;
                let fake = Expr {
                    id: lhs[0].id,
                    pos: lhs[0].pos,
                    kind: ExprKind::Binary {
                        op: bop,
                        op_pos,
                        x: Box::new(lhs[0].clone()),
                        y: Box::new(rhs[0].clone()),
                    },
                };
                let r = self.expr(&fake)?;
                // The binary check recorded the lhs' type under its own id; restore it.
                let lt = self.info.type_of(lhs[0].id);
                let _ = lt;
                let mut r = r;
                let t = xo_type(self, &lhs[0]);
                self.info.expr_types.insert(lhs[0].id, t);
                self.assign_to(&mut r, t, &rhs[0], "assignment")?;
                Ok(())
            }
            AssignOp::Define => self.define(s, lhs, rhs),
            AssignOp::Assign => {
                let mut targets: Vec<Ty> = Vec::new();
                for l in lhs {
                    let x = self.lhs(l)?;
                    targets.push(x.ty);
                }
                if rhs.len() == 1 && lhs.len() > 1 {
                    let tys = self.multi_value(&rhs[0], lhs.len(), "assignment")?;
                    for (i, (t, want)) in tys.iter().zip(&targets).enumerate() {
                        if *want == builtin::INVALID {
                            continue;
                        }
                        if !self.assignable(*t, *want) {
                            // (types2's words for the comma-ok forms.)
                            let r = strip_parens(&rhs[0]);
                            let (what, ctx) = match &r.kind {
                                _ if !self.info.comma_ok.contains(&r.id) => ("value", "assignment"),
                                ExprKind::Index(..) => {
                                    ("map index expression", "multiple assignment")
                                }
                                _ => ("comma, ok expression", "multiple assignment"),
                            };
                            return self.err(
                                rhs[0].pos,
                                format!(
                                    "cannot use {} ({what} of type {}) as {} value in {ctx}",
                                    self.expr_string(&rhs[0]),
                                    self.info.types.name_unqualified(*t),
                                    self.info.types.name_unqualified(*want)
                                ),
                            );
                        }
                        let _ = i;
                    }
                    return Ok(());
                }
                if lhs.len() != rhs.len() {
                    return self.err(
                        lhs[0].pos,
                        format!(
                            "assignment mismatch: {} variable{} but {} value{}",
                            lhs.len(),
                            if lhs.len() == 1 { "" } else { "s" },
                            rhs.len(),
                            if rhs.len() == 1 { "" } else { "s" }
                        ),
                    );
                }
                for (r, want) in rhs.iter().zip(targets) {
                    let mut x = self.value_expr(r)?;
                    if want == builtin::INVALID {
                        // `_ = x`: untyped values take their default type.
                        if x.ty == builtin::UNTYPED_NIL {
                            return self.err(r.pos, "use of untyped nil in assignment");
                        }
                        let d = self.default_type(x.ty);
                        self.convert_untyped(&mut x, d, r)?;
                        continue;
                    }
                    self.assign_to(&mut x, want, r, "assignment")?;
                }
                Ok(())
            }
        }
    }

    /// Counts the variable `e` names (if it names one) as used.
    fn set_used(&mut self, e: &Expr) {
        if let ExprKind::Ident(_) = &e.kind {
            if let Some(&o) = self.info.uses.get(&e.id) {
                if let ObjKind::Var(v) = &mut self.obj_mut(o).kind {
                    v.used = true;
                }
            }
        }
    }

    fn define(&mut self, s: &Stmt, lhs: &[Expr], rhs: &[Expr]) -> R<()> {
        let mut idents = Vec::new();
        for l in lhs {
            let ExprKind::Ident(name) = &l.kind else {
                return self.err(
                    l.pos,
                    format!("non-name {} on left side of :=", self.expr_string(l)),
                );
            };
            idents.push(Ident {
                name: name.clone(),
                pos: l.pos,
                id: l.id,
            });
        }
        // Which names are new in this scope?
        let scope = self.scopes.last().expect("local scope").clone();
        let mut any_new = false;
        let mut seen = HashSet::default();
        let mut existing: Vec<Option<crate::types::ObjId>> = Vec::new();
        for id in &idents {
            if id.name != "_" && !seen.insert(id.name.clone()) {
                return self.err(id.pos, format!("{} repeated on left side of :=", id.name));
            }
            match scope.get(&id.name) {
                Some(&o) if id.name != "_" => existing.push(Some(o)),
                _ => {
                    if id.name != "_" {
                        any_new = true;
                    }
                    existing.push(None);
                }
            }
        }
        if !any_new {
            return self.err(s.pos, "no new variables on left side of :=");
        }
        // Types: from the right side.
        let tys: Vec<Ty> = if rhs.len() == 1 && lhs.len() > 1 {
            let ts = self.multi_value(&rhs[0], lhs.len(), "assignment")?;
            ts.into_iter().map(|t| self.default_type(t)).collect()
        } else {
            if lhs.len() != rhs.len() {
                return self.err(
                    lhs[0].pos,
                    format!(
                        "assignment mismatch: {} variable{} but {} value{}",
                        lhs.len(),
                        if lhs.len() == 1 { "" } else { "s" },
                        rhs.len(),
                        if rhs.len() == 1 { "" } else { "s" }
                    ),
                );
            }
            let mut out = Vec::new();
            for (i, r) in rhs.iter().enumerate() {
                let mut x = self.value_expr(r)?;
                let t = match existing[i] {
                    Some(o) => self.obj(o).ty,
                    None => {
                        if x.ty == builtin::UNTYPED_NIL {
                            return self.err(r.pos, "use of untyped nil in assignment");
                        }
                        self.default_type(x.ty)
                    }
                };
                self.assign_to(&mut x, t, r, "assignment")?;
                out.push(t);
            }
            out
        };
        for (i, id) in idents.iter().enumerate() {
            match existing[i] {
                Some(o) => {
                    self.info.uses.insert(id.id, o);
                    let ot = self.obj(o).ty;
                    self.info.expr_types.insert(id.id, ot);
                    if rhs.len() == 1 && lhs.len() > 1 && !self.assignable(tys[i], ot) {
                        return self.err(
                            rhs[0].pos,
                            format!(
                                "cannot use value of type {} as {} value in assignment",
                                self.info.types.name_unqualified(tys[i]),
                                self.info.types.name_unqualified(ot)
                            ),
                        );
                    }
                }
                None => {
                    let o = self.new_local_var(id, tys[i])?;
                    self.info.expr_types.insert(id.id, tys[i]);
                    let _ = o;
                }
            }
        }
        Ok(())
    }

    fn range_stmt(
        &mut self,
        _pos: Pos,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &Block,
    ) -> R<()> {
        self.push_scope();
        let mut xo = self.value_expr(x)?;
        let (kt, vt): (Ty, Option<Ty>) = match self.info.types.under(xo.ty).clone() {
            TypeKind::Basic(b) if b.is_integer() => {
                if self.info.types.is_untyped(xo.ty) {
                    self.convert_untyped(&mut xo, builtin::INT, x)?;
                }
                (xo.ty, None)
            }
            TypeKind::Basic(b) if b.is_string() => {
                if self.info.types.is_untyped(xo.ty) {
                    self.convert_untyped(&mut xo, builtin::STRING, x)?;
                }
                (builtin::INT, Some(builtin::INT32))
            }
            TypeKind::Slice(e) | TypeKind::Array(e, _) => (builtin::INT, Some(e)),
            TypeKind::Pointer(p) => match self.info.types.under(p).clone() {
                TypeKind::Array(e, _) => (builtin::INT, Some(e)),
                _ => {
                    return self.err(
                        x.pos,
                        format!("cannot range over {}", self.describe(&xo, x)),
                    )
                }
            },
            TypeKind::Map(k, v) => (k, Some(v)),
            TypeKind::Chan(d, e) => {
                if d == crate::types::ty::ChanDir::Send {
                    return self.err(
                        x.pos,
                        format!(
                            "invalid operation: range {} receive from send-only channel {}",
                            self.expr_string(x),
                            self.describe(&xo, x)
                        ),
                    );
                }
                (e, None)
            }
            TypeKind::Func(sig) => {
                let r = self.range_func(key, value, define, x, &xo, &sig, body);
                self.pop_scope();
                return r;
            }
            _ => {
                return self.err(
                    x.pos,
                    format!("cannot range over {}", self.describe(&xo, x)),
                )
            }
        };
        if value.is_some() && vt.is_none() {
            return self.err(
                value.map(|v| v.pos).unwrap_or(x.pos),
                format!(
                    "range over {} permits only one iteration variable",
                    self.describe(&xo, x)
                ),
            );
        }
        let parts = [(key, Some(kt)), (value, vt)];
        if define {
            for (e, t) in parts {
                let (Some(e), Some(t)) = (e, t) else { continue };
                let id = self.range_define(e)?;
                self.new_local_var(&id, t)?;
                self.info.expr_types.insert(e.id, t);
            }
        } else {
            for (e, t) in parts {
                let (Some(e), Some(t)) = (e, t) else { continue };
                self.range_assign(e, t)?;
            }
        }
        self.loop_body(body, true)?;
        self.pop_scope();
        Ok(())
    }

    /// `for e := range ...`: `e` must be a name.
    fn range_define(&self, e: &Expr) -> R<Ident> {
        let ExprKind::Ident(name) = &e.kind else {
            return self.err(
                e.pos,
                format!("non-name {} on left side of :=", self.expr_string(e)),
            );
        };
        Ok(Ident {
            name: name.clone(),
            pos: e.pos,
            id: e.id,
        })
    }

    /// `for e = range ...`: `e` must take values of type `t`.
    fn range_assign(&mut self, e: &Expr, t: Ty) -> R<()> {
        let lo = self.lhs(e)?;
        if lo.ty != builtin::INVALID && !self.assignable(t, lo.ty) {
            return self.err(
                e.pos,
                format!(
                    "cannot assign {} to {} in range",
                    self.info.types.name_unqualified(t),
                    self.describe(&lo, e)
                ),
            );
        }
        Ok(())
    }

    fn switch_stmt(
        &mut self,
        init: Option<&Stmt>,
        tag: Option<&Expr>,
        cases: &[CaseClause],
    ) -> R<()> {
        self.push_scope();
        if let Some(i) = init {
            self.stmt(i)?;
        }
        let tag_op = match tag {
            Some(t) => {
                let mut x = self.value_expr(t)?;
                if x.ty == builtin::UNTYPED_NIL {
                    return self.err(t.pos, "use of untyped nil in switch expression");
                }
                let d = self.default_type(x.ty);
                self.convert_untyped(&mut x, d, t)?;
                Some(x)
            }
            None => None,
        };
        let mut defaults = 0;
        let mut seen: Vec<(ConstVal, Ty)> = Vec::new();
        let label = self.pending_label.take();
        self.breakables.push((label, false));
        for (ci, c) in cases.iter().enumerate() {
            if c.is_default {
                defaults += 1;
                if defaults > 1 {
                    return self.err(c.pos, "multiple defaults in switch");
                }
            }
            for e in &c.exprs {
                let mut x = self.value_expr(e)?;
                match &tag_op {
                    Some(t) => {
                        // The case value is compared with the tag: `tag == x`.
                        if self.info.types.is_untyped(x.ty) {
                            let tt = t.ty;
                            self.convert_untyped(&mut x, tt, e).map_err(|mut er| {
                                er.msg = format!(
                                    "invalid case {} in switch on {} (mismatched types {} and {})",
                                    self.expr_string(e),
                                    self.expr_string(tag.expect("tag")),
                                    self.info.types.name_unqualified(x.ty),
                                    self.info.types.name_unqualified(tt)
                                );
                                er
                            })?;
                        } else if !self.assignable(x.ty, t.ty) && !self.assignable(t.ty, x.ty) {
                            return self.err(
                                e.pos,
                                format!(
                                    "invalid case {} in switch on {} (mismatched types {} and {})",
                                    self.expr_string(e),
                                    self.expr_string(tag.expect("tag")),
                                    self.info.types.name_unqualified(x.ty),
                                    self.info.types.name_unqualified(t.ty)
                                ),
                            );
                        }
                        if !self.info.types.comparable(x.ty) && x.ty != builtin::UNTYPED_NIL {
                            return self.err(
                                e.pos,
                                format!(
                                    "invalid case {} in switch (can only compare {} to nil)",
                                    self.expr_string(e),
                                    self.info.types.name_unqualified(x.ty)
                                ),
                            );
                        }
                    }
                    None => {
                        if !self
                            .info
                            .types
                            .basic(x.ty)
                            .map(|b| b.is_boolean())
                            .unwrap_or(false)
                        {
                            return self.err(
                                e.pos,
                                format!(
                                    "invalid case {} in switch (mismatched types {} and bool)",
                                    self.expr_string(e),
                                    self.info.types.name_unqualified(x.ty)
                                ),
                            );
                        }
                        self.convert_untyped(&mut x, builtin::BOOL, e)?;
                    }
                }
                if let Some(v) = &x.val {
                    if tag_op.is_some() {
                        if seen.iter().any(|(sv, st)| sv == v && *st == x.ty) {
                            return self.err(
                                e.pos,
                                format!(
                                    "duplicate case {} in expression switch",
                                    self.expr_string(e)
                                ),
                            );
                        }
                        seen.push((v.clone(), x.ty));
                    }
                }
            }
            self.push_scope();
            for (si, st) in c.body.iter().enumerate() {
                if let StmtKind::Fallthrough = st.kind {
                    if si + 1 != c.body.len() {
                        return self.err(st.pos, "fallthrough statement out of place");
                    }
                    if ci + 1 == cases.len() {
                        return self.err(st.pos, "cannot fallthrough final case in switch");
                    }
                    continue;
                }
                self.stmt_in_list(st)?;
            }
            self.pop_scope();
        }
        self.breakables.pop();
        self.pop_scope();
        Ok(())
    }

    fn type_switch(
        &mut self,
        init: Option<&Stmt>,
        bind: Option<&Ident>,
        x: &Expr,
        cases: &[TypeCaseClause],
    ) -> R<()> {
        self.push_scope();
        if let Some(i) = init {
            self.stmt(i)?;
        }
        let xo = self.value_expr(x)?;
        if !self.info.types.is_interface(xo.ty) {
            return self.err(
                x.pos,
                format!("{} is not an interface", self.describe(&xo, x)),
            );
        }
        let label = self.pending_label.take();
        self.breakables.push((label, false));
        let mut bind_objs = Vec::new();
        let mut defaults = 0;
        let mut seen: Vec<Ty> = Vec::new();
        for c in cases {
            if c.is_default {
                defaults += 1;
                if defaults > 1 {
                    return self.err(c.pos, "multiple defaults in switch");
                }
            }
            let mut single: Option<Ty> = None;
            for te in &c.types {
                if let ExprKind::Ident(n) = &te.kind {
                    if n == "nil"
                        && matches!(
                            self.lookup("nil", te.pos).map(|o| &self.obj(o).kind),
                            Some(ObjKind::Nil)
                        )
                    {
                        self.info.expr_types.insert(te.id, builtin::UNTYPED_NIL);
                        single = None;
                        if c.types.len() == 1 {
                            single = Some(xo.ty);
                        }
                        continue;
                    }
                }
                let t = self.resolve_type(te)?;
                if seen.contains(&t) {
                    return self.err(
                        te.pos,
                        format!("duplicate case {} in type switch", self.expr_string(te)),
                    );
                }
                seen.push(t);
                if !self.info.types.is_interface(t) {
                    if let Some(m) = self.missing_method(t, xo.ty) {
                        return self.err(
                            te.pos,
                            format!(
                                "impossible type switch case: {} cannot have dynamic type {} ({})",
                                self.describe(&xo, x),
                                self.expr_string(te),
                                self.missing_reason(&m)
                            ),
                        );
                    }
                }
                if c.types.len() == 1 {
                    single = Some(t);
                }
            }
            self.push_scope();
            if let Some(b) = bind {
                let t = if c.types.len() == 1 {
                    single.unwrap_or(xo.ty)
                } else {
                    xo.ty
                };
                let v = VarInfo {
                    global: false,
                    boxed: false,
                    owner: self.cur_func,
                    used: false,
                };
                let o = self.new_obj(&b.name, b.pos, t, ObjKind::Var(v));
                self.info.defs.insert(c.id, o);
                if b.name != "_" {
                    self.scopes
                        .last_mut()
                        .expect("scope")
                        .insert(b.name.clone(), o);
                }
                bind_objs.push(o);
            }
            for st in &c.body {
                self.stmt_in_list(st)?;
            }
            self.pop_scope();
        }
        self.breakables.pop();
        if let Some(b) = bind {
            if b.name == "_" {
                return self.err(b.pos, "no new variable on left side of :=");
            }
            let used = bind_objs
                .iter()
                .any(|o| matches!(&self.obj(*o).kind, ObjKind::Var(v) if v.used));
            if !used {
                return self.err(b.pos, format!("declared and not used: {}", b.name));
            }
            // The clause variables are reported as one; mark them all used.
            for o in bind_objs {
                self.mark_used(o);
            }
        }
        self.pop_scope();
        Ok(())
    }

    /// The function a `return` returns from: the enclosing one, past the
    /// bodies of loops over functions.
    fn returning_func(&self) -> Option<usize> {
        let mut f = self.cur_func?;
        while let crate::types::FuncSource::RangeBody(_) = self.info.funcs[f].source {
            f = self.info.funcs[f].parent?;
        }
        Some(f)
    }

    /// `for k, v := range f` over a function `func(yield func(K, V) bool)`:
    /// the body is checked as the `yield` function's (a closure of the
    /// enclosing function), with the loop's hidden state and result
    /// variables captured.
    #[allow(clippy::too_many_arguments)]
    fn range_func(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        xo: &super::expr::Operand,
        sig: &crate::types::ty::Signature,
        body: &Block,
    ) -> R<()> {
        // (types2's reasons, in its order.)
        let shape = |c: &Self| -> Result<crate::types::ty::Signature, &'static str> {
            if sig.params.len() != 1 {
                return Err("wrong argument count");
            }
            if !sig.results.is_empty() {
                return Err("wrong result count");
            }
            let y = c
                .info
                .types
                .sig(sig.params[0])
                .cloned()
                .ok_or("argument is not func")?;
            if y.params.len() > 2 {
                return Err("yield func has too many parameters");
            }
            if y.results.len() != 1 || y.results[0] != builtin::BOOL {
                let user_bool = y.results.len() == 1
                    && c.info
                        .types
                        .basic(y.results[0])
                        .is_some_and(|b| b.is_boolean());
                return Err(if user_bool {
                    "yield func returns user-defined boolean, not bool"
                } else {
                    "yield func does not return bool"
                });
            }
            Ok(y)
        };
        let ysig = match shape(self) {
            Ok(y) => y,
            Err(why) => {
                return self.err(
                    x.pos,
                    format!(
                        "cannot range over {}: func must be func(yield func(...) bool): {why}",
                        self.describe(xo, x)
                    ),
                )
            }
        };
        let n = ysig.params.len();
        let given = [key, value].iter().filter(|e| e.is_some()).count();
        if given > n {
            let at = if n == 0 { key } else { value };
            let what = if n == 0 {
                "permits no iteration variables"
            } else {
                "permits only one iteration variable"
            };
            return self.err(
                at.map_or(x.pos, |e| e.pos),
                format!("range over {} {what}", self.describe(xo, x)),
            );
        }
        let Some(outer) = self.cur_func else {
            return self.err(x.pos, "range over a function outside a function");
        };
        let ret = self.returning_func().unwrap_or(outer);
        let hidden = |c: &mut Self, name: &str, t: Ty| {
            c.new_obj(
                name,
                x.pos,
                t,
                ObjKind::Var(VarInfo {
                    global: false,
                    boxed: true,
                    owner: Some(outer),
                    used: true,
                }),
            )
        };
        let state = hidden(self, "range-state", builtin::INT);
        let rtys: Vec<Ty> = self
            .info
            .types
            .sig(self.info.funcs[ret].sig)
            .map(|s| s.results.clone())
            .unwrap_or_default();
        let results: Vec<ObjId> = rtys
            .iter()
            .map(|&t| hidden(self, "range-result", t))
            .collect();
        let k = self
            .info
            .funcs
            .iter()
            .filter(|f| {
                f.parent == Some(outer)
                    && matches!(f.source, crate::types::FuncSource::RangeBody(_))
            })
            .count()
            + 1;
        let fi = self.info.funcs.len();
        let mut info = crate::types::FuncInfo::new(
            format!("{}-range{k}", self.info.funcs[outer].name),
            crate::types::FuncSource::RangeBody(x.id),
            sig.params[0],
            x.pos,
        );
        info.parent = Some(outer);
        self.info.funcs.push(info);
        let label = self.pending_label.take();
        let saved = self.cur_func.replace(fi);
        for &o in std::iter::once(&state).chain(&results) {
            if let ObjKind::Var(v) = self.obj(o).kind.clone() {
                self.note_capture(o, v);
            }
        }
        self.push_scope();
        // The body's parameters: the loop's variables (`:=`), or hidden
        // ones the body assigns to them (`=`).
        let parts = [key, value];
        let mut params = Vec::new();
        let mut assign = Vec::new();
        for (i, &t) in ysig.params.iter().enumerate() {
            let e = parts[i];
            let p = match e {
                Some(e) if define => {
                    let id = self.range_define(e)?;
                    self.info.expr_types.insert(e.id, t);
                    if id.name == "_" {
                        hidden(self, "_", t)
                    } else {
                        self.new_local_var(&id, t)?
                    }
                }
                Some(e) => {
                    self.range_assign(e, t)?;
                    assign.push(Some(e.id));
                    hidden(self, "_", t)
                }
                None => hidden(self, "_", t),
            };
            if let ObjKind::Var(v) = &mut self.obj_mut(p).kind {
                v.owner = Some(fi);
                v.boxed = false;
            }
            params.push(p);
        }
        self.info.funcs[fi].params = params;
        self.pending_label = label.clone();
        let r = self.loop_body(body, true);
        self.pop_scope();
        self.cur_func = saved;
        r?;
        self.info.range_funcs.insert(
            x.id,
            crate::types::RangeFunc {
                body: fi,
                state,
                results,
                assign,
                label,
            },
        );
        Ok(())
    }

    fn return_stmt(&mut self, s: &Stmt, results: &[Expr]) -> R<()> {
        let Some(fi) = self.returning_func() else {
            return self.err(s.pos, "return outside function");
        };
        // A bare return in a loop body over a function reads the named
        // results from there.
        if results.is_empty() && Some(fi) != self.cur_func {
            for r in self.info.funcs[fi].results.clone() {
                if let ObjKind::Var(v) = self.obj(r).kind.clone() {
                    self.note_capture(r, v);
                }
            }
        }
        let sig = self
            .info
            .types
            .sig(self.info.funcs[fi].sig)
            .cloned()
            .expect("signature");
        if results.is_empty() {
            if self.info.funcs[fi].named_results {
                for &r in &self.info.funcs[fi].results.clone() {
                    let name = self.obj(r).name.clone();
                    if name != "_" && self.lookup(&name, s.pos) != Some(r) {
                        let inner = self
                            .lookup(&name, s.pos)
                            .map(|o| self.obj(o).pos)
                            .unwrap_or_default();
                        return self.err(s.pos, format!("result parameter {name} not in scope at return\n\tinner declaration of {name} at {inner}"));
                    }
                }
            }
            if !sig.results.is_empty() && !self.info.funcs[fi].named_results {
                return self.err(
                    s.pos,
                    format!(
                        "not enough return values\n\thave ()\n\twant {}",
                        self.tuple_names(&sig.results)
                    ),
                );
            }
            return Ok(());
        }
        if results.len() == 1 && sig.results.len() > 1 {
            let tys = self
                .multi_value(&results[0], sig.results.len(), "return statement")
                .map_err(|mut e| {
                    e.msg = format!(
                        "not enough return values\n\thave ({})\n\twant {}",
                        self.expr_string(&results[0]),
                        self.tuple_names(&sig.results)
                    );
                    e
                })?;
            for (t, want) in tys.iter().zip(&sig.results) {
                if !self.assignable(*t, *want) {
                    return self.err(
                        results[0].pos,
                        format!(
                            "cannot use {} value as {} value in return statement",
                            self.info.types.name_unqualified(*t),
                            self.info.types.name_unqualified(*want)
                        ),
                    );
                }
            }
            return Ok(());
        }
        if results.len() != sig.results.len() {
            let mut have = Vec::new();
            for r in results {
                let x = self.expr(r)?;
                have.push(
                    if x.mode == Mode::Const && self.info.types.is_untyped(x.ty) {
                        "number".to_string()
                    } else {
                        self.info.types.name_unqualified(x.ty)
                    },
                );
            }
            let what = if results.len() < sig.results.len() {
                "not enough"
            } else {
                "too many"
            };
            let pos = if results.len() > sig.results.len() {
                results[sig.results.len()].pos
            } else {
                results[0].pos
            };
            return self.err(
                pos,
                format!(
                    "{what} return values\n\thave ({})\n\twant {}",
                    have.join(", "),
                    self.tuple_names(&sig.results)
                ),
            );
        }
        for (r, want) in results.iter().zip(&sig.results) {
            let mut x = self.value_expr(r)?;
            self.assign_to(&mut x, *want, r, "return statement")?;
        }
        Ok(())
    }

    fn tuple_names(&self, ts: &[Ty]) -> String {
        format!(
            "({})",
            ts.iter()
                .map(|t| self.info.types.name_unqualified(*t))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

fn xo_type(c: &Checker<'_>, e: &Expr) -> Ty {
    match c.info.uses.get(&e.id) {
        Some(o) if matches!(strip_parens(e).kind, ExprKind::Ident(_)) => c.obj(*o).ty,
        _ => c.info.type_of(e.id),
    }
}

/// The spec's terminating statements, for "missing return".
pub(crate) fn is_terminating_list(stmts: &[Stmt]) -> bool {
    match stmts
        .iter()
        .rev()
        .find(|s| !matches!(s.kind, StmtKind::Empty))
    {
        Some(s) => is_terminating(s, None),
        None => false,
    }
}

fn is_terminating(s: &Stmt, label: Option<&str>) -> bool {
    match &s.kind {
        StmtKind::Return(_) | StmtKind::Goto(_) => true,
        StmtKind::Expr(e) => {
            if let ExprKind::Call { fun, .. } = &strip_parens(e).kind {
                if let ExprKind::Ident(n) = &strip_parens(fun).kind {
                    return n == "panic";
                }
            }
            false
        }
        StmtKind::Block(b) => is_terminating_list(&b.stmts),
        StmtKind::If {
            then, els: Some(e), ..
        } => is_terminating_list(&then.stmts) && is_terminating(e, None),
        StmtKind::For { cond, body, .. } => cond.is_none() && !has_break(&body.stmts, label, true),
        StmtKind::Labeled { label: l, stmt } => is_terminating(stmt, Some(&l.name)),
        StmtKind::Switch { cases, .. } => {
            cases.iter().any(|c| c.is_default)
                && cases.iter().all(|c| {
                    !has_break(&c.body, label, true)
                        && (is_terminating_list(&c.body)
                            || matches!(
                                c.body.last().map(|s| &s.kind),
                                Some(StmtKind::Fallthrough)
                            ))
                })
        }
        StmtKind::TypeSwitch { cases, .. } => {
            cases.iter().any(|c| c.is_default)
                && cases
                    .iter()
                    .all(|c| !has_break(&c.body, label, true) && is_terminating_list(&c.body))
        }
        StmtKind::Select { cases, .. } => cases
            .iter()
            .all(|c| !has_break(&c.body, label, true) && is_terminating_list(&c.body)),
        _ => false,
    }
}

/// Whether a `break` in these statements targets the enclosing statement.
fn has_break(stmts: &[Stmt], label: Option<&str>, top: bool) -> bool {
    stmts.iter().any(|s| stmt_has_break(s, label, top))
}

fn stmt_has_break(s: &Stmt, label: Option<&str>, top: bool) -> bool {
    match &s.kind {
        StmtKind::Break(None) => top,
        StmtKind::Break(Some(l)) => Some(l.name.as_str()) == label,
        StmtKind::Block(b) => has_break(&b.stmts, label, top),
        StmtKind::If { then, els, .. } => {
            has_break(&then.stmts, label, top)
                || els
                    .as_ref()
                    .map(|e| stmt_has_break(e, label, top))
                    .unwrap_or(false)
        }
        StmtKind::Labeled { stmt, .. } => stmt_has_break(stmt, label, top),
        // Unlabeled breaks inside nested breakable statements target those.
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
            has_break(&body.stmts, label, false)
        }
        StmtKind::Switch { cases, .. } => cases.iter().any(|c| has_break(&c.body, label, false)),
        StmtKind::TypeSwitch { cases, .. } => {
            cases.iter().any(|c| has_break(&c.body, label, false))
        }
        StmtKind::Select { cases, .. } => cases.iter().any(|c| has_break(&c.body, label, false)),
        _ => false,
    }
}
