//! Signatures: function types and parameter lists, with Go's rule for
//! telling `a, b int` (names sharing a type) from `int, string` (types
//! only), variadic parameters and results. Type parameter lists are parsed
//! here too, then reported as unsupported.

use super::types::ArrayOrArgs;
use super::{BExpr, PResult, Parser};
use crate::diag::CompileError;
use crate::syntax::ast::{FuncType, Ident, Param, Pos};
use crate::syntax::token::Tok;

/// A parameter before the names-or-types decision.
struct RawParam {
    name: Option<Ident>,
    ty: Option<BExpr>,
    /// Position of `...` for a variadic parameter.
    dots: Option<Pos>,
}

impl Parser<'_> {
    /// After `func` (at `pos`) or at the `(` of a method: `[ TypeParams ]
    /// Parameters [ Result ]`. A non-empty `context` forbids type parameters.
    pub(super) fn func_type(&mut self, pos: Pos, context: &str) -> PResult<FuncType> {
        self.enter()?;
        let ft = self.func_type_inner(pos, context)?;
        self.leave();
        Ok(ft)
    }

    fn func_type_inner(&mut self, pos: Pos, context: &str) -> PResult<FuncType> {
        let mut tparams = Vec::new();
        if self.tok.tok == Tok::LBrack {
            let lbrack = self.tok.pos;
            if !context.is_empty() {
                return Err(self
                    .syntax_error_at(lbrack, &format!("{context} must have no type parameters")));
            }
            self.next();
            if self.tok.tok == Tok::RBrack {
                return Err(self.syntax_error("empty type parameter list"));
            }
            tparams = self.param_list(None, None, Tok::RBrack, true, false)?;
        }
        self.want(Tok::LParen)?;
        let params = self.param_list(None, None, Tok::RParen, false, true)?;
        let results = self.func_result()?;
        Ok(FuncType {
            pos,
            tparams,
            params,
            results,
        })
    }

    /// `Result = Parameters | Type`.
    fn func_result(&mut self) -> PResult<Vec<Param>> {
        if self.got(Tok::LParen) {
            return self.param_list(None, None, Tok::RParen, false, false);
        }
        Ok(match self.type_or_nil()? {
            Some(ty) => vec![Param {
                name: None,
                ty: *ty,
                variadic: false,
            }],
            None => Vec::new(),
        })
    }

    /// gc's `paramDeclOrNil`: `[ name ] [ "..." ] Type`, or just a name
    /// (which may turn out to be a type). `follow` is the closing token;
    /// `]` means a type parameter list, where type sets may appear.
    fn param_decl(&mut self, name: Option<Ident>, follow: Tok) -> PResult<RawParam> {
        let type_sets_ok = follow == Tok::RBrack;
        let mut f = RawParam {
            name: None,
            ty: None,
            dots: None,
        };
        if name.is_none() && type_sets_ok && self.tok.tok == Tok::Tilde {
            f.ty = Some(self.embedded_elem(None)?);
            return Ok(f);
        }
        if self.tok.tok == Tok::Name || name.is_some() {
            let name = match name {
                Some(n) => n,
                None => self.name()?,
            };
            if self.tok.tok == Tok::LBrack {
                // name "[" ...
                match self.array_or_args()? {
                    ArrayOrArgs::Type(t) => {
                        f.name = Some(name);
                        f.ty = Some(t);
                    }
                    ArrayOrArgs::Args(args) => {
                        let x = self.name_expr(name);
                        f.ty =
                            Some(self.mk(x.pos, crate::syntax::ast::ExprKind::Instance(x, args)));
                    }
                }
                if type_sets_ok && self.tok.tok == Tok::Or {
                    f.ty = Some(self.embedded_elem(f.ty.take())?);
                }
                return Ok(f);
            }
            if self.tok.tok == Tok::Period {
                // name "." ...
                let t = self.qualified_name(Some(name))?;
                f.ty = Some(if type_sets_ok && self.tok.tok == Tok::Or {
                    self.embedded_elem(Some(t))?
                } else {
                    t
                });
                return Ok(f);
            }
            if type_sets_ok && self.tok.tok == Tok::Or {
                // name "|" ...
                let t = self.name_expr(name);
                f.ty = Some(self.embedded_elem(Some(t))?);
                return Ok(f);
            }
            f.name = Some(name);
        }
        if self.tok.tok == Tok::Ellipsis {
            // [name] "..." ...
            f.dots = Some(self.tok.pos);
            self.next();
            match self.type_or_nil()? {
                Some(t) => f.ty = Some(t),
                None => return Err(self.syntax_error("... is missing type")),
            }
            return Ok(f);
        }
        if type_sets_ok && self.tok.tok == Tok::Tilde {
            // [name] "~" ...
            f.ty = Some(self.embedded_elem(None)?);
            return Ok(f);
        }
        f.ty = self.type_or_nil()?;
        if type_sets_ok && self.tok.tok == Tok::Or {
            if let Some(t) = f.ty.take() {
                f.ty = Some(self.embedded_elem(Some(t))?);
            }
        }
        if f.name.is_some() || f.ty.is_some() {
            return Ok(f);
        }
        Err(self.syntax_error(&format!("expected {}", follow.expected_name())))
    }

    /// gc's `paramList`, after the opening `(` or `[`. `name` (and `ty`) may
    /// be an already parsed first parameter. Either every parameter has a
    /// name or none has: `a, b int` gives each name a clone of `int`, while
    /// `int, string` are types. `require_names` marks type parameters;
    /// `dddok` allows `...` on the last parameter.
    pub(super) fn param_list(
        &mut self,
        name: Option<Ident>,
        ty: Option<BExpr>,
        close: Tok,
        require_names: bool,
        dddok: bool,
    ) -> PResult<Vec<Param>> {
        if name.is_some() && ty.is_some() && self.tok.tok == close {
            self.next();
            let ty = ty.unwrap_or_else(|| self.placeholder(Pos::default()));
            return Ok(vec![Param {
                name,
                ty: *ty,
                variadic: false,
            }]);
        }

        let (list, end) = self.raw_params(name, ty, close)?;
        self.finish_params(list, end, require_names, dddok)
    }

    /// The parameters up to `close` as written, and the position of `close`.
    fn raw_params(
        &mut self,
        mut name: Option<Ident>,
        mut ty: Option<BExpr>,
        close: Tok,
    ) -> PResult<(Vec<RawParam>, Pos)> {
        let mut list: Vec<RawParam> = Vec::new();
        let end = self.list("parameter list", Tok::Comma, close, |p| {
            let par = match (name.take(), ty.take()) {
                (Some(n), Some(t)) => RawParam {
                    name: Some(n),
                    ty: Some(t),
                    dots: None,
                },
                (n, _) => {
                    p.enter()?;
                    let par = p.param_decl(n, close)?;
                    p.leave();
                    par
                }
            };
            list.push(par);
            Ok(false)
        })?;
        Ok((list, end))
    }

    /// Decides between names and types and checks `...` (see `param_list`).
    fn finish_params(
        &mut self,
        mut list: Vec<RawParam>,
        end: Pos,
        require_names: bool,
        dddok: bool,
    ) -> PResult<Vec<Param>> {
        // Parameters with an explicit name and type, and with a type.
        let named = list
            .iter()
            .filter(|p| p.name.is_some() && p.ty.is_some())
            .count();
        let typed = list.iter().filter(|p| p.ty.is_some()).count();
        if list.is_empty() {
            return Ok(Vec::new());
        }

        if named == 0 && !require_names {
            // All unnamed: the names found are type names.
            for par in &mut list {
                if let Some(n) = par.name.take() {
                    par.ty = Some(self.name_expr(n));
                }
            }
        } else if named != list.len() {
            // Some named: all must be. Hand types leftward to the names
            // before them, as in `a, b int`.
            let mut err_pos = None; // leftmost problem
            let mut src: Option<usize> = None; // the type to the right
            for i in (0..list.len()).rev() {
                if let Some(t) = &list[i].ty {
                    if list[i].name.is_none() {
                        let start = list[i].dots.unwrap_or(t.pos);
                        err_pos = Some(start);
                        list[i].name = Some(self.ident("_".into(), start));
                    }
                    src = Some(i);
                } else if let Some(s) = src {
                    list[i].ty = list[s].ty.clone();
                    list[i].dots = list[s].dots;
                } else {
                    err_pos = list[i].name.as_ref().map(|n| n.pos);
                }
            }
            if let Some(mut pos) = err_pos {
                let msg = if named == typed {
                    // Types missing at the end: report at the closing token.
                    pos = end;
                    if require_names {
                        "missing type constraint"
                    } else {
                        "missing parameter type"
                    }
                } else if require_names {
                    if list.len() == 1 {
                        "missing type parameter name or invalid array length"
                    } else {
                        "missing type parameter name"
                    }
                } else {
                    "missing parameter name"
                };
                return Err(self.syntax_error_at(pos, msg));
            }
        }

        for (i, par) in list.iter().enumerate() {
            if let Some(dots) = par.dots {
                if !dddok || i + 1 < list.len() {
                    let msg = if dddok {
                        "can only use ... with final parameter"
                    } else {
                        "invalid use of ..."
                    };
                    return Err(CompileError::new(dots, msg));
                }
            }
        }

        let mut params = Vec::with_capacity(list.len());
        for par in list {
            let ty = match par.ty {
                Some(t) => t,
                None => self.placeholder(Pos::default()),
            };
            params.push(Param {
                name: par.name,
                ty: *ty,
                variadic: par.dots.is_some(),
            });
        }
        Ok(params)
    }
}
