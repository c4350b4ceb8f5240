//! Declarations: the package clause, imports, `const`, `var`, `type` (at
//! top level and, through `decl_stmt`, in functions) and `func`.

use super::{BExpr, PResult, Parser};
use crate::diag::CompileError;
use crate::syntax::ast::{
    BinOp, ConstSpec, Decl, Expr, ExprKind, File, FuncDecl, Ident, Import, Pos, TypeSpec, VarSpec,
};
use crate::syntax::token::{LitValue, Tok};

impl Parser<'_> {
    /// `SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" }`.
    pub(super) fn file(&mut self) -> PResult<File> {
        if !self.got(Tok::Package) {
            // `go build` reports this through go/parser, with its wording.
            return Err(CompileError::new(
                self.tok.pos,
                format!("expected 'package', found {}", self.go_parser_found()),
            ));
        }
        let package = self.name()?;
        self.want(Tok::Semi)?;

        let mut imports = Vec::new();
        let mut decls: Vec<Decl> = Vec::new();
        let mut prev = Tok::Import;
        while self.tok.tok != Tok::Eof {
            if self.tok.tok == Tok::Import && prev != Tok::Import {
                return Err(self.syntax_error("imports must appear before other declarations"));
            }
            prev = self.tok.tok;
            match self.tok.tok {
                Tok::Import => {
                    self.next();
                    self.group(|p, _| {
                        imports.push(p.import_spec()?);
                        Ok(())
                    })?;
                }
                Tok::Const | Tok::Var | Tok::Type => decls.push(self.decl()?),
                Tok::Func => {
                    let pos = self.tok.pos;
                    self.next();
                    decls.push(Decl::Func(self.func_decl(pos)?));
                }
                _ => {
                    let after_bodyless_func =
                        matches!(decls.last(), Some(Decl::Func(f)) if f.body.is_none());
                    if self.tok.tok == Tok::LBrace && after_bodyless_func {
                        // The opening brace of a function on the next line.
                        return Err(self.syntax_error("unexpected semicolon or newline before {"));
                    }
                    return Err(
                        self.syntax_error("non-declaration statement outside function body")
                    );
                }
            }
            if self.tok.tok != Tok::Eof && !self.got(Tok::Semi) {
                return Err(self.syntax_error("after top level declaration"));
            }
        }
        Ok(File {
            package,
            imports,
            decls,
            node_count: 0,
            src: Vec::new(),
        })
    }

    /// The current token as go/parser names it after "found".
    fn go_parser_found(&self) -> String {
        match self.tok.tok {
            Tok::Semi if self.tok.lit == "newline" => "newline".into(),
            Tok::Semi if self.tok.lit == "EOF" => "'EOF'".into(),
            t if t == Tok::Name || t.is_literal() => self.tok.lit.clone(),
            t => format!("'{}'", t.text()),
        }
    }

    /// `f | "(" { f ";" } ")"`; `f` gets the index of the spec in the group.
    fn group(&mut self, mut f: impl FnMut(&mut Self, usize) -> PResult<()>) -> PResult<()> {
        if !self.got(Tok::LParen) {
            return f(self, 0);
        }
        let mut index = 0;
        self.list("grouped declaration", Tok::Semi, Tok::RParen, |p| {
            f(p, index)?;
            index += 1;
            Ok(false)
        })?;
        Ok(())
    }

    /// A `const`, `var` or `type` declaration, at the keyword.
    pub(super) fn decl(&mut self) -> PResult<Decl> {
        let keyword = self.tok.tok;
        self.next();
        Ok(match keyword {
            Tok::Const => {
                let mut specs: Vec<ConstSpec> = Vec::new();
                self.group(|p, iota| {
                    let spec = p.const_spec(iota as i64, specs.last())?;
                    specs.push(spec);
                    Ok(())
                })?;
                Decl::Const(specs)
            }
            Tok::Var => {
                let mut specs = Vec::new();
                self.group(|p, _| {
                    specs.push(p.var_spec()?);
                    Ok(())
                })?;
                Decl::Var(specs)
            }
            _ => {
                let mut specs = Vec::new();
                self.group(|p, _| {
                    specs.push(p.type_spec()?);
                    Ok(())
                })?;
                Decl::Type(specs)
            }
        })
    }

    /// `ImportSpec = [ "." | PackageName ] ImportPath`.
    fn import_spec(&mut self) -> PResult<Import> {
        let pos = self.tok.pos;
        let name = match self.tok.tok {
            Tok::Name => Some(self.name()?),
            Tok::Period => {
                self.next();
                Some(self.ident(".".into(), pos))
            }
            _ => None,
        };
        if !self.tok.tok.is_literal() {
            // These two come from go/parser under `go build`, unprefixed.
            return Err(CompileError::new(self.tok.pos, "missing import path"));
        }
        let path_pos = self.tok.pos;
        let kind = self.tok.tok;
        let value = std::mem::take(&mut self.tok.value);
        self.next();
        let LitValue::Str(bytes) = value else {
            debug_assert!(kind != Tok::Str);
            return Err(CompileError::new(path_pos, "import path must be a string"));
        };
        let path = String::from_utf8_lossy(&bytes).into_owned();
        Ok(Import {
            pos,
            path_pos,
            path,
            name,
        })
    }

    /// `ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ]`; a spec
    /// without type and values repeats the previous one's.
    fn const_spec(&mut self, iota: i64, prev: Option<&ConstSpec>) -> PResult<ConstSpec> {
        let pos = self.tok.pos;
        let first = self.name()?;
        let names = self.name_list(first)?;
        let mut ty = None;
        let mut values = Vec::new();
        if !matches!(self.tok.tok, Tok::Eof | Tok::Semi | Tok::RParen) {
            ty = self.type_or_nil()?;
            if self.got_assign()? {
                values = self.expr_list()?;
            }
        }
        let mut implicit = false;
        if let (None, true, Some(prev)) = (&ty, values.is_empty(), prev) {
            if !prev.values.is_empty() {
                // Go's implicit repetition of the previous type and values.
                ty = prev.ty.clone().map(Box::new);
                values = prev.values.clone();
                implicit = true;
            }
        }
        Ok(ConstSpec {
            pos,
            names,
            ty: ty.map(|t| *t),
            values,
            iota,
            implicit,
        })
    }

    /// `VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList )`.
    fn var_spec(&mut self) -> PResult<VarSpec> {
        let pos = self.tok.pos;
        let first = self.name()?;
        let names = self.name_list(first)?;
        let mut ty = None;
        let mut values = Vec::new();
        if self.got_assign()? {
            values = self.expr_list()?;
        } else {
            ty = Some(self.type_()?);
            if self.got_assign()? {
                values = self.expr_list()?;
            }
        }
        Ok(VarSpec {
            pos,
            names,
            ty: ty.map(|t| *t),
            values,
        })
    }

    /// `TypeSpec = identifier [ TypeParams ] [ "=" ] Type`.
    fn type_spec(&mut self) -> PResult<TypeSpec> {
        let pos = self.tok.pos;
        let name = self.name()?;
        let mut alias = false;
        let mut tparams = Vec::new();
        let ty = if self.tok.tok == Tok::LBrack {
            // An array or slice type, or a type parameter list.
            let lbrack = self.tok.pos;
            self.next();
            match self.tok.tok {
                Tok::Name => {
                    let n = self.name()?;
                    let mut x = self.name_expr(n);
                    if self.tok.tok != Tok::LBrack {
                        self.xnest += 1;
                        let px = self.pexpr(Some(x))?;
                        x = self.binary_expr(Some(px), 0)?;
                        self.xnest -= 1;
                    }
                    // gc's reading: `[P C]`, `[P *C]`, `[P, ...` or `[P C|D]`
                    // start type parameters; `[N]`, `[N*M]` is an array length.
                    match extract_name(self, x, self.tok.tok == Tok::Comma) {
                        Ok((pname, ptype)) if ptype.is_some() || self.tok.tok != Tok::RBrack => {
                            tparams =
                                self.param_list(Some(pname), ptype, Tok::RBrack, true, false)?;
                            alias = self.got_assign()?;
                            self.type_or_nil()?
                        }
                        Ok((pname, _)) => {
                            let len = self.name_expr(pname);
                            Some(self.array_type(lbrack, Some(len))?)
                        }
                        Err(x) => Some(self.array_type(lbrack, Some(x))?),
                    }
                }
                Tok::RBrack => {
                    self.next();
                    Some(self.slice_type(lbrack)?)
                }
                _ => Some(self.array_type(lbrack, None)?),
            }
        } else {
            alias = self.got_assign()?;
            self.type_or_nil()?
        };
        let Some(ty) = ty else {
            return Err(self.syntax_error("in type declaration"));
        };
        Ok(TypeSpec {
            pos,
            name,
            alias,
            tparams,
            ty: *ty,
        })
    }

    /// After `func`: `FunctionName Signature [ Body ]` or
    /// `Receiver MethodName Signature [ Body ]`.
    fn func_decl(&mut self, pos: Pos) -> PResult<FuncDecl> {
        let mut recv = None;
        let has_recv = self.got(Tok::LParen);
        if has_recv {
            let mut list = self.param_list(None, None, Tok::RParen, false, false)?;
            match list.len() {
                0 => return Err(CompileError::new(self.tok.pos, "method has no receiver")),
                1 => recv = list.pop(),
                _ => {
                    return Err(CompileError::new(
                        self.tok.pos,
                        "method has multiple receivers",
                    ))
                }
            }
        }
        if self.tok.tok != Tok::Name {
            return Err(self.syntax_error(if has_recv {
                "expected name"
            } else {
                "expected name or ("
            }));
        }
        let name = self.name()?;
        // (Methods may have type parameters: Go 1.27.)
        let ty = self.func_type(pos, "")?;
        let body = if self.tok.tok == Tok::LBrace {
            Some(self.func_body()?)
        } else {
            None
        };
        Ok(FuncDecl {
            pos,
            name,
            recv,
            ty,
            body,
        })
    }
}

/// gc's `extractName`: splits `x` into a type parameter name and an optional
/// constraint if it can be read as `name constraint` (the constraint must
/// look like a type, unless `force`). Gives `x` back otherwise.
fn extract_name(
    p: &mut Parser<'_>,
    x: BExpr,
    force: bool,
) -> Result<(Ident, Option<BExpr>), BExpr> {
    let Expr { id, pos, kind } = *x;
    let rebuild = |kind| Box::new(Expr { id, pos, kind });
    match kind {
        ExprKind::Ident(name) => Ok((Ident { name, pos, id }, None)),
        ExprKind::Binary {
            op: BinOp::Mul,
            op_pos,
            x: a,
            y: b,
        } if force || is_type_elem(&b) => match as_ident(a) {
            Ok(name) => Ok((name, Some(p.mk(op_pos, ExprKind::Star(b))))),
            Err(a) => Err(rebuild(ExprKind::Binary {
                op: BinOp::Mul,
                op_pos,
                x: a,
                y: b,
            })),
        },
        ExprKind::Binary {
            op: BinOp::Or,
            op_pos,
            x: a,
            y: b,
        } => {
            let force = force || is_type_elem(&b);
            let a = match extract_name(p, a, force) {
                Ok((name, Some(lhs))) => {
                    let t = p.mk(
                        lhs.pos,
                        ExprKind::Binary {
                            op: BinOp::Or,
                            op_pos,
                            x: lhs,
                            y: b,
                        },
                    );
                    return Ok((name, Some(t)));
                }
                Ok((name, None)) => p.name_expr(name),
                Err(a) => a,
            };
            Err(rebuild(ExprKind::Binary {
                op: BinOp::Or,
                op_pos,
                x: a,
                y: b,
            }))
        }
        ExprKind::Call {
            fun,
            mut args,
            ellipsis: None,
            lparen,
            rparen,
        } if args.len() == 1 && (force || is_type_elem(&args[0])) => match as_ident(fun) {
            Ok(name) => Ok((name, args.pop().map(|a| super::unparen(Box::new(a))))),
            Err(fun) => Err(rebuild(ExprKind::Call {
                fun,
                args,
                ellipsis: None,
                lparen,
                rparen,
            })),
        },
        kind => Err(rebuild(kind)),
    }
}

fn as_ident(x: BExpr) -> Result<Ident, BExpr> {
    let Expr { id, pos, kind } = *x;
    match kind {
        ExprKind::Ident(name) => Ok(Ident { name, pos, id }),
        kind => Err(Box::new(Expr { id, pos, kind })),
    }
}

/// gc's `isTypeElem`: whether `x` can only be a type (element), not a value.
pub(super) fn is_type_elem(x: &Expr) -> bool {
    use ExprKind::*;
    match &x.kind {
        ArrayType { .. } | StructType(_) | FuncType(_) | InterfaceType(_) | MapType(..) => true,
        Binary { x, y, .. } => is_type_elem(x) || is_type_elem(y),
        Unary(_, x) | Star(x) | Paren(x) => is_type_elem(x),
        _ => false,
    }
}
