//! Channels, `go` and `select`: receives, sends, and the clauses of a
//! `select` (the spec's "Receive operator", "Send statements", "Go
//! statements" and "Select statements").

use super::expr::{strip_parens, Operand};
use super::{Checker, R};
use crate::syntax::ast::*;
use crate::types::ty::TypeKind;

impl Checker<'_> {
    /// `<-x`: a value of the channel's element type (a comma-ok form in
    /// assignments: `multi_value`).
    pub(super) fn recv(&mut self, e: &Expr, x: &Expr) -> R<Operand> {
        let _ = e;
        let xo = self.value_expr(x)?;
        // (types2 names the operand's type twice: `non-channel int x
        // (variable of type int)`.)
        let tn = self.info.types.name_unqualified(xo.ty);
        match self.info.types.under(xo.ty).clone() {
            TypeKind::Chan(ChanDir::Send, _) => self.err(
                x.pos,
                format!(
                    "invalid operation: cannot receive from send-only channel {tn} {}",
                    self.describe(&xo, x)
                ),
            ),
            TypeKind::Chan(_, el) => Ok(Operand::value(el)),
            _ => self.err(
                x.pos,
                format!(
                    "invalid operation: cannot receive from non-channel {tn} {}",
                    self.describe(&xo, x)
                ),
            ),
        }
    }

    /// `ch <- value`.
    pub(super) fn send_stmt(&mut self, s: &Stmt, ch: &Expr, value: &Expr) -> R<()> {
        let _ = s;
        let co = self.value_expr(ch)?;
        let tn = self.info.types.name_unqualified(co.ty);
        let el = match self.info.types.under(co.ty).clone() {
            TypeKind::Chan(ChanDir::Recv, _) => {
                let msg = format!(
                    "invalid operation: cannot send to receive-only channel {tn} {}",
                    self.describe(&co, ch)
                );
                return self.err(ch.pos, msg);
            }
            TypeKind::Chan(_, el) => el,
            _ => {
                let msg = format!(
                    "invalid operation: cannot send to non-channel {tn} {}",
                    self.describe(&co, ch)
                );
                return self.err(ch.pos, msg);
            }
        };
        let mut v = self.value_expr(value)?;
        self.single_value(&v, value)?;
        self.assign_to(&mut v, el, value, "send")
    }

    /// `go f(args)`.
    pub(super) fn go_stmt(&mut self, e: &Expr) -> R<()> {
        self.call_stmt(e, "go")
    }

    /// `select { ... }`: each clause's communication in the clause's own
    /// scope, as Go scopes the variables a receive declares.
    pub(super) fn select_stmt(&mut self, cases: &[CommClause]) -> R<()> {
        let label = self.pending_label.take();
        let mut default: Option<Pos> = None;
        for c in cases {
            self.push_scope();
            match &c.comm {
                None => {
                    if let Some(first) = default {
                        self.pop_scope();
                        return self.err(c.pos, format!("multiple defaults (first at {first})"));
                    }
                    default = Some(c.pos);
                }
                Some(comm) => {
                    if !is_comm(comm) {
                        self.pop_scope();
                        let at = match &comm.kind {
                            StmtKind::Expr(e) => match &strip_parens(e).kind {
                                ExprKind::Call { lparen, .. } => *lparen,
                                _ => e.pos,
                            },
                            _ => comm.pos,
                        };
                        let msg = "select case must be send or receive (possibly with assignment)";
                        return self.err(at, msg);
                    }
                    if let Err(e) = self.stmt(comm) {
                        self.pop_scope();
                        return Err(e);
                    }
                }
            }
            self.breakables.push((label.clone(), false));
            let r = c.body.iter().try_for_each(|st| self.stmt_in_list(st));
            self.breakables.pop();
            self.pop_scope();
            r?;
        }
        Ok(())
    }
}

/// Whether `s` may be a `select` clause's communication: a send, a
/// receive, or an assignment of one receive to one or two operands.
fn is_comm(s: &Stmt) -> bool {
    let is_recv = |e: &Expr| matches!(strip_parens(e).kind, ExprKind::Unary(UnOp::Recv, _));
    match &s.kind {
        StmtKind::Send { .. } => true,
        StmtKind::Expr(e) => is_recv(e),
        StmtKind::Assign { lhs, op, rhs, .. } => {
            matches!(op, AssignOp::Assign | AssignOp::Define)
                && rhs.len() == 1
                && (1..=2).contains(&lhs.len())
                && is_recv(&rhs[0])
        }
        _ => false,
    }
}
