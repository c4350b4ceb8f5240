//! Tokens: the kinds the lexer produces, their literal payloads, and how
//! syntax errors name them (the gc compiler's wording: `name x`,
//! `literal 42`, `keyword else`, `newline`, `comma`).

use super::ast::{BinOp, Pos};

/// A token kind. Operators are split finely (unlike gc's `_Operator` with an
/// operator field) so the parser can match on them directly.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Tok {
    Eof,

    // Names and literals.
    Name,
    Int,
    Float,
    Imag,
    Rune,
    Str,

    // Binary operators that also have an `op=` form.
    Add,
    Sub,
    Mul,
    Quo,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,

    AddAssign,
    SubAssign,
    MulAssign,
    QuoAssign,
    RemAssign,
    AndAssign,
    OrAssign,
    XorAssign,
    ShlAssign,
    ShrAssign,
    AndNotAssign,

    LAnd,
    LOr,
    Arrow,
    Inc,
    Dec,
    Eql,
    Lss,
    Gtr,
    Assign,
    Not,
    Neq,
    Leq,
    Geq,
    Define,
    Ellipsis,
    Tilde,

    // Delimiters.
    LParen,
    LBrack,
    LBrace,
    Comma,
    Period,
    RParen,
    RBrack,
    RBrace,
    Semi,
    Colon,

    // Keywords.
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
}

/// Decoded value of a rune or string literal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum LitValue {
    #[default]
    None,
    Rune(u32),
    Str(Vec<u8>),
}

/// One token with its position.
#[derive(Clone, Debug)]
pub struct Token {
    pub tok: Tok,
    pub pos: Pos,
    /// Source text of names and literals; for `Semi`, why it is there:
    /// `semicolon` (written), `newline` or `EOF` (inserted).
    pub lit: String,
    pub value: LitValue,
}

impl Tok {
    /// The keyword spelled `s`, if any.
    pub fn keyword(s: &[u8]) -> Option<Tok> {
        use Tok::*;
        Some(match s {
            b"break" => Break,
            b"case" => Case,
            b"chan" => Chan,
            b"const" => Const,
            b"continue" => Continue,
            b"default" => Default,
            b"defer" => Defer,
            b"else" => Else,
            b"fallthrough" => Fallthrough,
            b"for" => For,
            b"func" => Func,
            b"go" => Go,
            b"goto" => Goto,
            b"if" => If,
            b"import" => Import,
            b"interface" => Interface,
            b"map" => Map,
            b"package" => Package,
            b"range" => Range,
            b"return" => Return,
            b"select" => Select,
            b"struct" => Struct,
            b"switch" => Switch,
            b"type" => Type,
            b"var" => Var,
            _ => return None,
        })
    }

    pub fn is_keyword(self) -> bool {
        (Tok::Break as u8..=Tok::Var as u8).contains(&(self as u8))
    }

    pub fn is_literal(self) -> bool {
        matches!(
            self,
            Tok::Int | Tok::Float | Tok::Imag | Tok::Rune | Tok::Str
        )
    }

    /// How Go writes the token (`name` and `literal` for the classes).
    pub fn text(self) -> &'static str {
        use Tok::*;
        match self {
            Eof => "EOF",
            Name => "name",
            Int | Float | Imag | Rune | Str => "literal",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Quo => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            AddAssign => "+=",
            SubAssign => "-=",
            MulAssign => "*=",
            QuoAssign => "/=",
            RemAssign => "%=",
            AndAssign => "&=",
            OrAssign => "|=",
            XorAssign => "^=",
            ShlAssign => "<<=",
            ShrAssign => ">>=",
            AndNotAssign => "&^=",
            LAnd => "&&",
            LOr => "||",
            Arrow => "<-",
            Inc => "++",
            Dec => "--",
            Eql => "==",
            Lss => "<",
            Gtr => ">",
            Assign => "=",
            Not => "!",
            Neq => "!=",
            Leq => "<=",
            Geq => ">=",
            Define => ":=",
            Ellipsis => "...",
            Tilde => "~",
            LParen => "(",
            LBrack => "[",
            LBrace => "{",
            Comma => ",",
            Period => ".",
            RParen => ")",
            RBrack => "]",
            RBrace => "}",
            Semi => ";",
            Colon => ":",
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Fallthrough => "fallthrough",
            For => "for",
            Func => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Import => "import",
            Interface => "interface",
            Map => "map",
            Package => "package",
            Range => "range",
            Return => "return",
            Select => "select",
            Struct => "struct",
            Switch => "switch",
            Type => "type",
            Var => "var",
        }
    }

    /// The token as an "expected X" message names it (gc's `tokstring`).
    pub fn expected_name(self) -> String {
        match self {
            Tok::Comma => "comma".to_string(),
            Tok::Semi => "semicolon or newline".to_string(),
            t if t.is_keyword() => format!("keyword {}", t.text()),
            t => t.text().to_string(),
        }
    }

    /// The binary operator and its precedence (5 binds tightest), if the
    /// token is one.
    pub fn binary_op(self) -> Option<(BinOp, u8)> {
        use Tok::*;
        Some(match self {
            LOr => (BinOp::LOr, 1),
            LAnd => (BinOp::LAnd, 2),
            Eql => (BinOp::Eql, 3),
            Neq => (BinOp::Neq, 3),
            Lss => (BinOp::Lss, 3),
            Leq => (BinOp::Leq, 3),
            Gtr => (BinOp::Gtr, 3),
            Geq => (BinOp::Geq, 3),
            Add => (BinOp::Add, 4),
            Sub => (BinOp::Sub, 4),
            Or => (BinOp::Or, 4),
            Xor => (BinOp::Xor, 4),
            Mul => (BinOp::Mul, 5),
            Quo => (BinOp::Quo, 5),
            Rem => (BinOp::Rem, 5),
            And => (BinOp::And, 5),
            AndNot => (BinOp::AndNot, 5),
            Shl => (BinOp::Shl, 5),
            Shr => (BinOp::Shr, 5),
            _ => return None,
        })
    }

    /// The operator of an `op=` token.
    pub fn assign_op(self) -> Option<BinOp> {
        use Tok::*;
        Some(match self {
            AddAssign => BinOp::Add,
            SubAssign => BinOp::Sub,
            MulAssign => BinOp::Mul,
            QuoAssign => BinOp::Quo,
            RemAssign => BinOp::Rem,
            AndAssign => BinOp::And,
            OrAssign => BinOp::Or,
            XorAssign => BinOp::Xor,
            ShlAssign => BinOp::Shl,
            ShrAssign => BinOp::Shr,
            AndNotAssign => BinOp::AndNot,
            _ => return None,
        })
    }
}

impl Token {
    /// The token as "unexpected X" names it in a syntax error.
    pub fn describe(&self) -> String {
        match self.tok {
            Tok::Name => format!("name {}", self.lit),
            Tok::Semi => self.lit.clone(),
            t if t.is_literal() => format!("literal {}", self.lit),
            t => t.expected_name(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_round_trip() {
        let mut n = 0;
        for t in [
            Tok::Break,
            Tok::Case,
            Tok::Chan,
            Tok::Const,
            Tok::Continue,
            Tok::Default,
            Tok::Defer,
            Tok::Else,
            Tok::Fallthrough,
            Tok::For,
            Tok::Func,
            Tok::Go,
            Tok::Goto,
            Tok::If,
            Tok::Import,
            Tok::Interface,
            Tok::Map,
            Tok::Package,
            Tok::Range,
            Tok::Return,
            Tok::Select,
            Tok::Struct,
            Tok::Switch,
            Tok::Type,
            Tok::Var,
        ] {
            assert!(t.is_keyword());
            assert_eq!(Tok::keyword(t.text().as_bytes()), Some(t));
            n += 1;
        }
        assert_eq!(n, 25);
        assert!(!Tok::Name.is_keyword() && !Tok::Colon.is_keyword());
        assert_eq!(Tok::keyword(b"iota"), None);
    }

    #[test]
    fn describe_like_gc() {
        let t = |tok, lit: &str| Token {
            tok,
            pos: Pos::default(),
            lit: lit.into(),
            value: LitValue::None,
        };
        assert_eq!(t(Tok::Name, "foo").describe(), "name foo");
        assert_eq!(t(Tok::Int, "42").describe(), "literal 42");
        assert_eq!(t(Tok::Str, "\"s\"").describe(), "literal \"s\"");
        assert_eq!(t(Tok::Else, "").describe(), "keyword else");
        assert_eq!(t(Tok::Semi, "newline").describe(), "newline");
        assert_eq!(t(Tok::RBrace, "").describe(), "}");
        assert_eq!(t(Tok::Comma, "").describe(), "comma");
        assert_eq!(t(Tok::Eof, "").describe(), "EOF");
        assert_eq!(t(Tok::AndNotAssign, "").describe(), "&^=");
        assert_eq!(Tok::Semi.expected_name(), "semicolon or newline");
    }
}
