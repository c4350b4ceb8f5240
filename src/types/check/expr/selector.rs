//! Selectors: fields and methods (through the lookup), and
//! package-qualified names (`fmt.Println`, `errors.New`) with their native
//! signatures.

use super::{Mode, Operand};
use crate::syntax::ast::*;
use crate::types::check::{is_exported, Checker, R};
use crate::types::{ObjId, ObjKind, Package};

impl Checker<'_> {
    pub(super) fn selector(&mut self, e: &Expr, x: &Expr, sel: &Ident) -> R<Operand> {
        // Qualified identifiers: fmt.Println, errors.New.
        if let ExprKind::Ident(pkg) = &x.kind {
            if let Some(o) = self.lookup(pkg, x.pos) {
                if let ObjKind::Package(p) = self.obj(o).kind {
                    self.info.uses.insert(x.id, o);
                    self.use_package(o);
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

    /// `pkg.Name`: a name package `p` exports.
    pub(super) fn qualified(&mut self, e: &Expr, p: Package, sel: &Ident) -> R<Operand> {
        let o = self.qualified_obj(p, sel)?;
        self.ident_obj(e, o, &sel.name, true)
    }

    /// The object `pkg.Name` denotes, with gc's errors for a name the
    /// package does not declare or export.
    pub(crate) fn qualified_obj(&mut self, p: Package, sel: &Ident) -> R<ObjId> {
        let pkg = &self.file.pkgs[p.0 as usize];
        let exported = is_exported(&sel.name);
        match self.pkg_scopes[p.0 as usize].get(&sel.name) {
            Some(&o) if exported => Ok(o),
            Some(_) => self.err(
                sel.pos,
                format!("name {} not exported by package {}", sel.name, pkg.name),
            ),
            // (What pgojit's standard library lacks is refused as such.)
            None if exported && pkg.std => {
                self.err(sel.pos, format!("unsupported: {}.{}", pkg.path, sel.name))
            }
            None => self.err(sel.pos, format!("undefined: {}.{}", pkg.name, sel.name)),
        }
    }
}
