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
            has_defer: false,
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
}
