//! Selectors: fields and methods (through the lookup), and
//! package-qualified names (`fmt.Println`, `errors.New`) with their native
//! signatures.

use super::{Mode, Operand};
use crate::syntax::ast::*;
use crate::types::check::{Checker, R};
use crate::types::ty::{builtin, Ty};
use crate::types::{Native, ObjKind, Package, Selection};

impl Checker<'_> {
    pub(super) fn selector(&mut self, e: &Expr, x: &Expr, sel: &Ident) -> R<Operand> {
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
        if self.generic_method_of(xo.ty, &sel.name, true).is_some() {
            // (Calls of one are checked before, `Checker::call`, and its
            // instances as values, `generic_method_value`.)
            return self.err(
                e.pos,
                format!(
                    "cannot use generic function {} without instantiation",
                    self.expr_string(e)
                ),
            );
        }
        self.select_member(e, x, &xo, sel)
    }

    pub(super) fn qualified(&mut self, e: &Expr, p: Package, sel: &Ident) -> R<Operand> {
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
                self.new_signature(vec![ANYS], vec![INT, ERROR], true)
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
}
