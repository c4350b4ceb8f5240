//! Expressions and operands as Go's error messages print them.

use super::{Mode, Operand};
use crate::syntax::ast::*;
use crate::types::check::Checker;
use crate::types::ty::{builtin, Ty, TypeKind};

impl Checker<'_> {
    /// The expression as Go's messages show it (`n + label`, `Square{…}`).
    pub(crate) fn expr_string(&self, e: &Expr) -> String {
        let s = |x: &Expr| self.expr_string(x);
        match &e.kind {
            ExprKind::Ident(n) => n.clone(),
            ExprKind::IntLit(t) | ExprKind::FloatLit(t) | ExprKind::ImagLit(t) => t.clone(),
            ExprKind::RuneLit(r) => match char::from_u32(*r) {
                Some(c) => format!("{c:?}"),
                None => format!("{r}"),
            },
            ExprKind::StrLit(b) => format!("{:?}", String::from_utf8_lossy(b)),
            // (An empty literal shows its braces, as Go's do.)
            ExprKind::CompositeLit { ty, elts, .. } => {
                let body = if elts.is_empty() { "{}" } else { "{…}" };
                match ty {
                    Some(t) => format!("{}{body}", s(t)),
                    None => body.into(),
                }
            }
            ExprKind::FuncLit { .. } => "func literal".into(),
            ExprKind::Paren(x) => format!("({})", s(x)),
            ExprKind::Selector(x, sel) => format!("{}.{}", s(x), sel.name),
            ExprKind::Index(x, i) => format!("{}[{}]", s(x), s(i)),
            ExprKind::Instance(x, args) => {
                let a: Vec<String> = args.iter().map(s).collect();
                format!("{}[{}]", s(x), a.join(", "))
            }
            ExprKind::Tilde(t) => format!("~{}", s(t)),
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
            ExprKind::ChanType(d, t) => format!("{}{}", chan_prefix(*d), s(t)),
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
            Mode::MapIndex => format!("{es} (map index expression of {tn})"),
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
        if let Some(c) = self.gen.tparam_constraints.get(&t) {
            // A type parameter, while its generic is checked as Go checks it.
            return format!("type {n} constrained by {c}");
        }
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
            TypeKind::Chan(..) => "chan",
            _ => "",
        };
        format!("{k} type {n}")
    }

    pub(super) fn describe_kind(&self, x: &Operand) -> String {
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

/// How a channel type of direction `d` starts, as Go writes it.
pub(crate) fn chan_prefix(d: ChanDir) -> &'static str {
    match d {
        ChanDir::Both => "chan ",
        ChanDir::Send => "chan<- ",
        ChanDir::Recv => "<-chan ",
    }
}
