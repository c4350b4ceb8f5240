//! Function literals: their signature and body, checked as a nested
//! function.

use super::Operand;
use crate::syntax::ast::*;
use crate::types::check::{Checker, R};
use crate::types::{FuncInfo, FuncSource};

impl Checker<'_> {
    pub(super) fn func_lit(&mut self, e: &Expr, ft: &FuncType, body: &Block) -> R<Operand> {
        let sig = self.resolve_signature(ft)?;
        let parent = self.cur_func;
        let pkg = self.pkg_at(e.pos);
        let n = self
            .info
            .funcs
            .iter()
            .filter(|f| f.parent == parent && matches!(f.source, FuncSource::Lit(_)))
            .filter(|f| parent.is_some() || self.pkg_at(f.pos) == pkg)
            .count()
            + 1;
        let pname = match parent {
            Some(p) => self.info.funcs[p].name.clone(),
            None => format!("{}.glob", self.pkg_path_at(e.pos)),
        };
        let fi = self.info.funcs.len();
        let mut info = FuncInfo::new(
            format!("{pname}.func{n}"),
            FuncSource::Lit(e.id),
            sig,
            e.pos,
        );
        info.parent = parent;
        self.info.funcs.push(info);
        self.info.func_lits.insert(e.id, fi);
        let saved = self.cur_func.replace(fi);
        self.push_scope();
        self.declare_signature_vars(fi, ft, None)?;
        self.func_body(fi, body)?;
        self.pop_scope();
        self.cur_func = saved;
        Ok(Operand::value(sig))
    }
}
