//! Lowering loops over functions (Go 1.23 iterators): `for k, v := range f`
//! calls `f` with a closure, the loop's body, as its `yield` argument.
//!
//! The body is a function of its own (`main.f-range1`, Go's name), whose
//! parameters are the loop's variables and whose `bool` result says
//! whether to go on: `continue` and the end of the body return true,
//! `break` returns false. A `return` stores its values in the enclosing
//! function's hidden result variables, sets the loop's state to 2 and
//! returns false; after `f` returns, the enclosing function returns those
//! values if the state says so. Those variables and the state are cells
//! the body captures (`types::RangeFunc`).
//!
//! `break L`, `continue L` or `goto L` to a label outside the body stops the
//! iteration with state 3 + k (the k-th such branch of the body), and the
//! enclosing function, once `f` returns, takes that branch itself (which,
//! from a loop body nested in another, stops that one in turn).
//!
//! An iterator that calls `yield` again after it returned false gets Go's
//! panic (the body's first instructions test the state), and so does one
//! that keeps `yield` and calls it after the whole loop is over (the
//! enclosing function sets the state to [`EXITED`] when the iterator
//! returns). A `goto` out of the body escapes as `break L` does.

use super::{FnCtx, VarLoc, R};
use crate::bytecode::op::{Cmp, Op, Slot};
use crate::syntax::ast::{Block, Expr, Ident, Stmt, StmtKind};
use crate::types::RangeFunc;

/// The loop's state once the iterator has returned: the body, if kept
/// and called, panics.
const EXITED: u64 = u64::MAX;

/// What the body of a loop over a function needs while it is lowered.
#[derive(Clone)]
pub(crate) struct RangeBody {
    pub rf: RangeFunc,
    /// The node id of the loop's function expression (`Lowerer::range_asts`).
    pub x: crate::syntax::ast::NodeId,
}

/// The parts of a loop over a function the body's lowering reads: its
/// variables (for the `=` form) and its body.
#[derive(Clone)]
pub(crate) struct RangeAst {
    pub key: Option<*const Expr>,
    pub value: Option<*const Expr>,
    pub body: *const Block,
    /// The body's `break L`, `continue L` and `goto L` to labels outside
    /// it.
    pub escapes: Vec<(String, Escape)>,
}

/// A branch out of the body of a loop over a function, which the
/// enclosing function takes once the iterator has returned.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Escape {
    Break,
    Continue,
    Goto,
}

/// Labeled branches in `ss` to labels not declared there (nor `own`), in
/// order of appearance, without repeats; not inside function literals.
fn escapes(ss: &[Stmt], own: Option<&str>, out: &mut Vec<(String, Escape)>) {
    let mut inner = Vec::new();
    labels(ss, &mut inner);
    fn labels(ss: &[Stmt], out: &mut Vec<String>) {
        for s in ss {
            each_child(s, &mut |c| labels(std::slice::from_ref(c), out));
            if let StmtKind::Labeled { label, .. } = &s.kind {
                out.push(label.name.clone());
            }
        }
    }
    fn walk(ss: &[Stmt], skip: &[String], own: Option<&str>, out: &mut Vec<(String, Escape)>) {
        for s in ss {
            let (l, cont) = match &s.kind {
                StmtKind::Break(Some(l)) => (l, Escape::Break),
                StmtKind::Continue(Some(l)) => (l, Escape::Continue),
                StmtKind::Goto(l) => (l, Escape::Goto),
                _ => {
                    each_child(s, &mut |c| walk(std::slice::from_ref(c), skip, own, out));
                    continue;
                }
            };
            // (A `goto` to the loop's own label leaves it too.)
            if skip.contains(&l.name) || (own == Some(l.name.as_str()) && cont != Escape::Goto) {
                continue;
            }
            if !out.iter().any(|(n, c)| *n == l.name && *c == cont) {
                out.push((l.name.clone(), cont));
            }
        }
    }
    walk(ss, &inner, own, out);
}

/// Calls `f` on each statement directly inside `s`.
fn each_child(s: &Stmt, f: &mut dyn FnMut(&Stmt)) {
    match &s.kind {
        StmtKind::Block(b) => b.stmts.iter().for_each(f),
        StmtKind::If {
            init, then, els, ..
        } => {
            init.iter().for_each(|s| f(s));
            then.stmts.iter().for_each(&mut *f);
            els.iter().for_each(|s| f(s));
        }
        StmtKind::For {
            init, post, body, ..
        } => {
            init.iter().for_each(|s| f(s));
            post.iter().for_each(|s| f(s));
            body.stmts.iter().for_each(f);
        }
        StmtKind::Range { body, .. } => body.stmts.iter().for_each(f),
        StmtKind::Switch { init, cases, .. } => {
            init.iter().for_each(|s| f(s));
            cases.iter().flat_map(|c| &c.body).for_each(f);
        }
        StmtKind::TypeSwitch { init, cases, .. } => {
            init.iter().for_each(|s| f(s));
            cases.iter().flat_map(|c| &c.body).for_each(f);
        }
        StmtKind::Labeled { stmt, .. } => f(stmt),
        _ => {}
    }
}

impl FnCtx<'_, '_> {
    /// `for k, v := range x` where `x` is a function.
    pub(crate) fn range_func(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        x: &Expr,
        body: &Block,
    ) -> R<()> {
        let rf = self.info().range_funcs[&x.id].clone();
        let mut esc = Vec::new();
        escapes(&body.stmts, rf.label.as_deref(), &mut esc);
        self.l.range_asts.insert(
            x.id,
            RangeAst {
                key: key.map(|k| k as *const Expr),
                value: value.map(|v| v as *const Expr),
                body: body as *const Block,
                escapes: esc.clone(),
            },
        );
        for &o in std::iter::once(&rf.state).chain(&rf.results) {
            self.l.declare_zero_var(&mut self.b, o);
        }
        let f = self.temp(1);
        self.expr_to(x, f)?;
        let y = self.temp(1);
        self.make_closure(rf.body, y, x.pos)?;
        let base = self.temp(1);
        self.emit(Op::Move { d: base, s: y });
        let meta = crate::bytecode::SiteMeta {
            caller: self.l.current,
            pos: x.pos,
            iface: self.l.types().name(self.ty(x)),
            method: crate::syntax::parser::expr_string(x),
            is_iface: false,
            text: crate::syntax::parser::expr_string(x),
            iface_desc: 0,
            result_words: 0,
            arg_words: 1,
        };
        let site = self.l.new_site(meta);
        self.b.pos = x.pos;
        self.emit(Op::CallClosure { f, base, site });
        // A `return` in the body: return what it left, from here.
        let st = self.read_var(rf.state, 1);
        // (The body may be kept and called again: the loop is over.)
        let st = if self.is_var_slot(st) {
            let t = self.temp(1);
            self.emit(Op::Move { d: t, s: st });
            t
        } else {
            st
        };
        let t = self.temp(1);
        self.emit(Op::Const { d: t, v: EXITED });
        let p = self.var_place(rf.state);
        self.write(p, t, 1);
        let skip = self.emit(Op::JfCmpImm {
            a: st,
            imm: 2,
            c: Cmp::Eq,
            t: 0,
        });
        let mut vals = Vec::new();
        for &r in &rf.results {
            let w = self.words(self.info().obj(r).ty);
            let s = self.read_var(r, w);
            vals.push((s, w));
        }
        self.return_slots(vals)?;
        let here = self.b.here();
        self.b.patch(skip, here);
        // A branch to a loop outside the body: taken here.
        for (k, (label, cont)) in esc.into_iter().enumerate() {
            let skip = self.emit(Op::JfCmpImm {
                a: st,
                imm: 3 + k as i64,
                c: Cmp::Eq,
                t: 0,
            });
            let l = Ident {
                name: label,
                pos: x.pos,
                id: crate::syntax::ast::NodeId(u32::MAX),
            };
            let s = Stmt {
                pos: x.pos,
                kind: match cont {
                    Escape::Continue => StmtKind::Continue(Some(l)),
                    Escape::Break => StmtKind::Break(Some(l)),
                    Escape::Goto => StmtKind::Goto(l),
                },
            };
            self.stmt(&s)?;
            let here = self.b.here();
            self.b.patch(skip, here);
        }
        Ok(())
    }

    /// The value of variable `o` in fresh slots.
    fn read_var(&mut self, o: crate::types::ObjId, w: u32) -> Slot {
        let p = self.var_place(o);
        let d = self.temp(w);
        self.read_to(p, d, w);
        d
    }

    /// Returns the values in `vals` from the function being lowered, as a
    /// `return` of them would.
    pub(crate) fn return_slots(&mut self, vals: Vec<(Slot, u32)>) -> R<()> {
        if let Some(rb) = self.b.range_body.clone() {
            return self.range_return(&rb, vals);
        }
        if self.b.results_in_vars {
            let robjs = self.info().funcs[self.b.func_index].results.clone();
            for (o, (s, w)) in robjs.iter().zip(vals) {
                let p = self.var_place(*o);
                self.write(p, s, w);
            }
            self.emit(Op::Ret { s: 0, n: 0 });
            return Ok(());
        }
        let total: u32 = vals.iter().map(|v| v.1).sum();
        let out = self.temp(total);
        let mut d = out;
        for (s, w) in vals {
            self.mov(d, s, w);
            d += w;
        }
        self.emit_ret(out)
    }

    /// `return results` in the body of a loop over a function: the values
    /// for the function the loop is in (its named results for a bare
    /// `return`).
    pub(crate) fn range_ret(&mut self, rb: &RangeBody, results: &[Expr]) -> R<()> {
        let rtys: Vec<_> = rb
            .rf
            .results
            .iter()
            .map(|o| self.info().obj(*o).ty)
            .collect();
        let temps = if results.is_empty() {
            let mut f = self.b.func_index;
            while let crate::types::FuncSource::RangeBody(_) = self.info().funcs[f].source {
                f = self.info().funcs[f]
                    .parent
                    .expect("a loop body has a parent");
            }
            let named = self.info().funcs[f].results.clone();
            let mut v = Vec::new();
            for (o, t) in named.iter().zip(&rtys) {
                let w = self.words(*t);
                v.push((self.read_var(*o, w), w));
            }
            v
        } else {
            self.result_temps(results, &rtys)?
        };
        self.range_return(rb, temps)
    }

    /// A `return` in the body of a loop over a function: the values to the
    /// enclosing function's hidden result variables, the state to 2, and
    /// `false` to stop the iteration.
    fn range_return(&mut self, rb: &RangeBody, vals: Vec<(Slot, u32)>) -> R<()> {
        for (&o, (s, w)) in rb.rf.results.iter().zip(vals) {
            let p = self.var_place(o);
            self.write(p, s, w);
        }
        self.set_state(rb, 2);
        self.yield_result(false);
        Ok(())
    }

    fn set_state(&mut self, rb: &RangeBody, v: u64) {
        let t = self.temp(1);
        self.emit(Op::Const { d: t, v });
        let p = self.var_place(rb.rf.state);
        self.write(p, t, 1);
    }

    /// Returns `go on` from the body.
    pub(crate) fn yield_result(&mut self, go_on: bool) {
        let t = self.temp(1);
        self.emit(Op::Const {
            d: t,
            v: go_on as u64,
        });
        self.emit(Op::Ret { s: t, n: 1 });
    }

    /// `break` or `continue` (with `label`) that no loop inside the body
    /// takes: to the loop over the function, or an error.
    pub(crate) fn range_branch(&mut self, label: Option<&str>, is_continue: bool) -> R<bool> {
        let Some(rb) = self.b.range_body.clone() else {
            return Ok(false);
        };
        if label.is_some() && label != rb.rf.label.as_deref() {
            // To a loop outside: stop, and let the enclosing function take it.
            let ast = self.l.range_asts.get(&rb.x).cloned();
            let kind = if is_continue {
                Escape::Continue
            } else {
                Escape::Break
            };
            let k = ast.and_then(|a| {
                a.escapes
                    .iter()
                    .position(|(n, c)| Some(n.as_str()) == label && *c == kind)
            });
            let Some(k) = k else {
                return self.unsupported(self.b.pos, "this branch out of a loop over a function");
            };
            self.set_state(&rb, 3 + k as u64);
            self.yield_result(false);
            return Ok(true);
        }
        if !is_continue {
            self.set_state(&rb, 1);
        }
        self.yield_result(is_continue);
        Ok(true)
    }

    /// `goto label` in the body of a loop over a function, to a label
    /// outside it: stop, and let the enclosing function take it (true).
    pub(crate) fn range_goto(&mut self, label: &str) -> bool {
        let Some(rb) = self.b.range_body.clone() else {
            return false;
        };
        let ast = self.l.range_asts.get(&rb.x).cloned();
        let k = ast.and_then(|a| {
            a.escapes
                .iter()
                .position(|(n, c)| n == label && *c == Escape::Goto)
        });
        let Some(k) = k else {
            return false;
        };
        self.set_state(&rb, 3 + k as u64);
        self.yield_result(false);
        true
    }

    /// The start of a body: Go's panic if the loop has stopped (the
    /// iterator calls `yield` after it returned false), then the loop's
    /// variables of the `=` form set from the parameters.
    pub(crate) fn range_body_prologue(&mut self, ast: RangeAst) -> R<()> {
        let Some(rb) = self.b.range_body.clone() else {
            return Ok(());
        };
        let st = self.read_var(rb.rf.state, 1);
        let go_on = self.emit(Op::JfCmpImm {
            a: st,
            imm: 0,
            c: Cmp::Ne,
            t: 0,
        });
        let stopped = self.emit(Op::JfCmpImm {
            a: st,
            imm: EXITED as i64,
            c: Cmp::Eq,
            t: 0,
        });
        self.emit(Op::PanicRangeDone { exited: true });
        let here = self.b.here();
        self.b.patch(stopped, here);
        self.emit(Op::PanicRangeDone { exited: false });
        let here = self.b.here();
        self.b.patch(go_on, here);
        if rb.rf.assign.is_empty() {
            return Ok(());
        }
        let fi = self.b.func_index;
        let params = self.info().funcs[fi].params.clone();
        // SAFETY: the loop's AST outlives the lowering (see `Lowerer::range_asts`).
        let parts: [Option<&Expr>; 2] = unsafe { [ast.key.map(|k| &*k), ast.value.map(|v| &*v)] };
        for (p, e) in params.iter().zip(parts) {
            let Some(e) = e else { continue };
            let w = self.words(self.info().obj(*p).ty);
            let s = match self.b.vars.get(p).copied() {
                Some(VarLoc::Slot(s)) => s,
                _ => continue,
            };
            let place = self.place(e)?;
            self.write(place, s, w);
        }
        Ok(())
    }
}
