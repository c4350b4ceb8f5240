//! Go types as the checker sees them, interned in one table so that type
//! identity is id equality.
//!
//! Named types are unique per declaration; every other type is structural
//! and interned by its shape, so `[]int` written twice is one `Ty`.

pub use crate::syntax::ast::ChanDir;
use rustc_hash::FxHashMap as HashMap;

/// A type, as an index into the [`TypeTable`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Ty(pub u32);

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Basic {
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float64,
    /// Kept as a float64 holding a value float32 can represent: every
    /// operation rounds its result (`bytecode::op::Op::RoundF32`).
    Float32,
    Complex64,
    Complex128,
    String,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedComplex,
    UntypedString,
    UntypedNil,
    /// The type of an erroneous expression (never escapes the checker).
    Invalid,
}

impl Basic {
    pub fn name(self) -> &'static str {
        use Basic::*;
        match self {
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float64 => "float64",
            Float32 => "float32",
            Complex64 => "complex64",
            Complex128 => "complex128",
            UntypedComplex => "untyped complex",
            String => "string",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
            Invalid => "invalid type",
        }
    }

    pub fn is_untyped(self) -> bool {
        use Basic::*;
        matches!(
            self,
            UntypedBool
                | UntypedInt
                | UntypedRune
                | UntypedFloat
                | UntypedComplex
                | UntypedString
                | UntypedNil
        )
    }

    pub fn is_integer(self) -> bool {
        use Basic::*;
        matches!(
            self,
            Int | Int8
                | Int16
                | Int32
                | Int64
                | Uint
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uintptr
                | UntypedInt
                | UntypedRune
        )
    }

    pub fn is_unsigned(self) -> bool {
        use Basic::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }

    pub fn is_float(self) -> bool {
        matches!(self, Basic::Float64 | Basic::Float32 | Basic::UntypedFloat)
    }

    pub fn is_complex(self) -> bool {
        matches!(
            self,
            Basic::Complex64 | Basic::Complex128 | Basic::UntypedComplex
        )
    }

    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }

    pub fn is_string(self) -> bool {
        matches!(self, Basic::String | Basic::UntypedString)
    }

    pub fn is_boolean(self) -> bool {
        matches!(self, Basic::Bool | Basic::UntypedBool)
    }

    /// Width in bits of a sized integer type (64 for int, uint, uintptr).
    pub fn int_bits(self) -> u32 {
        use Basic::*;
        match self {
            Int8 | Uint8 => 8,
            Int16 | Uint16 => 16,
            Int32 | Uint32 => 32,
            _ => 64,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: String,
    pub ty: Ty,
    pub embedded: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<Ty>,
    pub results: Vec<Ty>,
    /// The last parameter is `...T` (its type is stored as `[]T`).
    pub variadic: bool,
}

/// An interface method: name and signature (a `Func` type), kept sorted by name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IfaceMethod {
    pub name: String,
    pub sig: Ty,
}

/// A method declared on a named type.
#[derive(Clone, Debug)]
pub struct MethodDef {
    pub name: String,
    /// The signature without the receiver (a `Func` type).
    pub sig: Ty,
    /// Declared with a pointer receiver (`func (p *T) M()`).
    pub ptr_recv: bool,
    /// The function object implementing it (index into the checker's functions).
    pub func: usize,
}

#[derive(Clone, Debug)]
pub enum TypeKind {
    Basic(Basic),
    Named(Named),
    Pointer(Ty),
    Slice(Ty),
    Array(Ty, i64),
    Struct(Vec<Field>),
    Func(Signature),
    Interface(Vec<IfaceMethod>),
    Map(Ty, Ty),
    /// `chan T`, `chan<- T`, `<-chan T`.
    Chan(ChanDir, Ty),
    /// The results of a call returning several values.
    Tuple(Vec<Ty>),
}

#[derive(Clone, Debug)]
pub struct Named {
    /// The qualified name Go prints: `main.Shape`, `error`, `fmt.Stringer`.
    pub name: String,
    /// Filled in once the declaration is resolved (`Invalid` until then).
    pub underlying: Ty,
    pub methods: Vec<MethodDef>,
}

#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
    Pointer(Ty),
    Slice(Ty),
    Array(Ty, i64),
    Struct(Vec<Field>),
    Func(Signature),
    Interface(Vec<IfaceMethod>),
    Map(Ty, Ty),
    Chan(ChanDir, Ty),
    Tuple(Vec<Ty>),
}

/// Every type of one program.
#[derive(Clone)]
pub struct TypeTable {
    kinds: Vec<TypeKind>,
    intern: HashMap<Key, Ty>,
    /// The methods an unnamed struct type's embedded fields promote into
    /// it (wrappers, as a named type's: `Checker::promote_methods`).
    pub unnamed_methods: HashMap<Ty, Vec<MethodDef>>,
}

/// Types every program has, at fixed ids.
pub mod builtin {
    use super::Ty;
    pub const INVALID: Ty = Ty(0);
    pub const BOOL: Ty = Ty(1);
    pub const INT: Ty = Ty(2);
    pub const INT8: Ty = Ty(3);
    pub const INT16: Ty = Ty(4);
    pub const INT32: Ty = Ty(5);
    pub const INT64: Ty = Ty(6);
    pub const UINT: Ty = Ty(7);
    pub const UINT8: Ty = Ty(8);
    pub const UINT16: Ty = Ty(9);
    pub const UINT32: Ty = Ty(10);
    pub const UINT64: Ty = Ty(11);
    pub const UINTPTR: Ty = Ty(12);
    pub const FLOAT64: Ty = Ty(13);
    pub const STRING: Ty = Ty(14);
    pub const UNTYPED_BOOL: Ty = Ty(15);
    pub const UNTYPED_INT: Ty = Ty(16);
    pub const UNTYPED_RUNE: Ty = Ty(17);
    pub const UNTYPED_FLOAT: Ty = Ty(18);
    pub const UNTYPED_STRING: Ty = Ty(19);
    pub const UNTYPED_NIL: Ty = Ty(20);
    /// `interface{}` / `any`.
    pub const ANY: Ty = Ty(21);
    /// The predeclared `error` interface.
    pub const ERROR: Ty = Ty(22);
    /// `fmt.Stringer`.
    pub const STRINGER: Ty = Ty(23);
    /// `func() string`, the signature of `Error` and `String`.
    pub const FUNC_STRING: Ty = Ty(24);
    /// `[]byte`.
    pub const BYTES: Ty = Ty(27);
    /// `[]any`.
    pub const ANYS: Ty = Ty(28);
    pub const FLOAT32: Ty = Ty(29);
    pub const COMPLEX64: Ty = Ty(30);
    pub const COMPLEX128: Ty = Ty(31);
    pub const UNTYPED_COMPLEX: Ty = Ty(32);
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeTable {
    pub fn new() -> TypeTable {
        use Basic::*;
        let mut t = TypeTable {
            kinds: Vec::new(),
            intern: HashMap::default(),
            unnamed_methods: HashMap::default(),
        };
        for b in [
            Invalid,
            Bool,
            Int,
            Int8,
            Int16,
            Int32,
            Int64,
            Uint,
            Uint8,
            Uint16,
            Uint32,
            Uint64,
            Uintptr,
            Float64,
            String,
            UntypedBool,
            UntypedInt,
            UntypedRune,
            UntypedFloat,
            UntypedString,
            UntypedNil,
        ] {
            t.kinds.push(TypeKind::Basic(b));
        }
        let any = t.interface(Vec::new());
        assert_eq!(any, builtin::ANY);
        let error = t.new_named("error".into());
        let stringer = t.new_named("fmt.Stringer".into());
        let fs = t.func(Signature {
            params: vec![],
            results: vec![builtin::STRING],
            variadic: false,
        });
        assert_eq!(
            (error, stringer, fs),
            (builtin::ERROR, builtin::STRINGER, builtin::FUNC_STRING)
        );
        let e = t.interface(vec![IfaceMethod {
            name: "Error".into(),
            sig: fs,
        }]);
        t.set_underlying(error, e);
        let s = t.interface(vec![IfaceMethod {
            name: "String".into(),
            sig: fs,
        }]);
        t.set_underlying(stringer, s);
        assert_eq!(t.slice(builtin::UINT8), builtin::BYTES);
        assert_eq!(t.slice(builtin::ANY), builtin::ANYS);
        let f32 = t.add(TypeKind::Basic(Float32));
        assert_eq!(f32, builtin::FLOAT32);
        let c = [Complex64, Complex128, UntypedComplex].map(|b| t.add(TypeKind::Basic(b)));
        assert_eq!(
            c,
            [
                builtin::COMPLEX64,
                builtin::COMPLEX128,
                builtin::UNTYPED_COMPLEX
            ]
        );
        t
    }

    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    pub fn kind(&self, t: Ty) -> &TypeKind {
        &self.kinds[t.0 as usize]
    }

    fn add(&mut self, k: TypeKind) -> Ty {
        let t = Ty(self.kinds.len() as u32);
        self.kinds.push(k);
        t
    }

    fn interned(&mut self, key: Key, kind: TypeKind) -> Ty {
        if let Some(&t) = self.intern.get(&key) {
            return t;
        }
        let t = self.add(kind);
        self.intern.insert(key, t);
        t
    }

    pub fn new_named(&mut self, name: String) -> Ty {
        self.add(TypeKind::Named(Named {
            name,
            underlying: builtin::INVALID,
            methods: Vec::new(),
        }))
    }

    pub fn set_underlying(&mut self, named: Ty, u: Ty) {
        let u = self.underlying(u);
        if let TypeKind::Named(n) = &mut self.kinds[named.0 as usize] {
            n.underlying = u;
        }
    }

    pub fn named_mut(&mut self, t: Ty) -> Option<&mut Named> {
        match &mut self.kinds[t.0 as usize] {
            TypeKind::Named(n) => Some(n),
            _ => None,
        }
    }

    /// The methods declared on `t` (a named type) or promoted into it (an
    /// unnamed struct type too), by name.
    pub fn methods(&self, t: Ty) -> &[MethodDef] {
        match self.kind(t) {
            TypeKind::Named(n) => &n.methods,
            _ => self.unnamed_methods.get(&t).map_or(&[], |v| v.as_slice()),
        }
    }

    pub fn named(&self, t: Ty) -> Option<&Named> {
        match self.kind(t) {
            TypeKind::Named(n) => Some(n),
            _ => None,
        }
    }

    pub fn pointer(&mut self, t: Ty) -> Ty {
        self.interned(Key::Pointer(t), TypeKind::Pointer(t))
    }
    pub fn slice(&mut self, t: Ty) -> Ty {
        self.interned(Key::Slice(t), TypeKind::Slice(t))
    }
    pub fn array(&mut self, t: Ty, n: i64) -> Ty {
        self.interned(Key::Array(t, n), TypeKind::Array(t, n))
    }
    pub fn map(&mut self, k: Ty, v: Ty) -> Ty {
        self.interned(Key::Map(k, v), TypeKind::Map(k, v))
    }
    pub fn chan(&mut self, d: ChanDir, t: Ty) -> Ty {
        self.interned(Key::Chan(d, t), TypeKind::Chan(d, t))
    }
    pub fn strukt(&mut self, fields: Vec<Field>) -> Ty {
        self.interned(Key::Struct(fields.clone()), TypeKind::Struct(fields))
    }
    pub fn func(&mut self, sig: Signature) -> Ty {
        self.interned(Key::Func(sig.clone()), TypeKind::Func(sig))
    }
    /// An interface with these methods (sorted here by name, as itabs need).
    pub fn interface(&mut self, mut methods: Vec<IfaceMethod>) -> Ty {
        methods.sort_by(|a, b| a.name.cmp(&b.name));
        self.interned(
            Key::Interface(methods.clone()),
            TypeKind::Interface(methods),
        )
    }
    pub fn tuple(&mut self, ts: Vec<Ty>) -> Ty {
        self.interned(Key::Tuple(ts.clone()), TypeKind::Tuple(ts))
    }

    /// The underlying type: itself unless named.
    pub fn underlying(&self, t: Ty) -> Ty {
        match self.kind(t) {
            TypeKind::Named(n) => n.underlying,
            _ => t,
        }
    }

    pub fn under(&self, t: Ty) -> &TypeKind {
        self.kind(self.underlying(t))
    }

    /// Size and alignment in bytes of a value of type `t` as Go lays it
    /// out on amd64 (`unsafe.Sizeof`, `unsafe.Alignof`): what Go's
    /// runtime sizes allocations by, whatever words pgojit gives it.
    pub fn go_size(&self, t: Ty) -> (u64, u64) {
        use Basic::*;
        match self.under(t) {
            TypeKind::Basic(b) => match b {
                Bool | UntypedBool | Int8 | Uint8 => (1, 1),
                Int16 | Uint16 => (2, 2),
                Int32 | Uint32 | UntypedRune => (4, 4),
                String | UntypedString => (16, 8),
                _ => (8, 8),
            },
            TypeKind::Named(_)
            | TypeKind::Pointer(_)
            | TypeKind::Func(_)
            | TypeKind::Map(..)
            | TypeKind::Chan(..) => (8, 8),
            TypeKind::Slice(_) => (24, 8),
            TypeKind::Interface(_) => (16, 8),
            TypeKind::Array(e, n) => {
                let (s, a) = self.go_size(*e);
                (s.saturating_mul(*n as u64), a)
            }
            TypeKind::Struct(fs) => {
                let (mut size, mut align) = (0u64, 1u64);
                let mut last_zero = false;
                for f in fs {
                    let (s, a) = self.go_size(f.ty);
                    size = size.next_multiple_of(a).saturating_add(s);
                    align = align.max(a);
                    last_zero = s == 0;
                }
                // (A final zero-size field gets a byte, so that its address
                // stays inside the struct.)
                if last_zero && size > 0 {
                    size += 1;
                }
                (size.next_multiple_of(align), align)
            }
            TypeKind::Tuple(ts) => {
                let (mut size, mut align) = (0u64, 1u64);
                for &t in ts {
                    let (s, a) = self.go_size(t);
                    size = size.next_multiple_of(a).saturating_add(s);
                    align = align.max(a);
                }
                (size.next_multiple_of(align), align)
            }
        }
    }

    pub fn basic(&self, t: Ty) -> Option<Basic> {
        match self.under(t) {
            TypeKind::Basic(b) => Some(*b),
            _ => None,
        }
    }

    /// Whether arrays and slices of `t` hold it packed, a byte each (Go's
    /// `byte`, `uint8` and types defined on them; `bytecode::op::PACKED`).
    pub fn packed(&self, t: Ty) -> bool {
        self.basic(t) == Some(Basic::Uint8)
    }

    pub fn is_named(&self, t: Ty) -> bool {
        matches!(self.kind(t), TypeKind::Named(_))
    }

    pub fn is_interface(&self, t: Ty) -> bool {
        matches!(self.under(t), TypeKind::Interface(_))
    }

    pub fn is_untyped(&self, t: Ty) -> bool {
        matches!(self.kind(t), TypeKind::Basic(b) if b.is_untyped())
    }

    pub fn iface_methods(&self, t: Ty) -> &[IfaceMethod] {
        match self.under(t) {
            TypeKind::Interface(m) => m,
            _ => &[],
        }
    }

    pub fn sig(&self, t: Ty) -> Option<&Signature> {
        match self.under(t) {
            TypeKind::Func(s) => Some(s),
            _ => None,
        }
    }

    pub fn pointee(&self, t: Ty) -> Option<Ty> {
        match self.under(t) {
            TypeKind::Pointer(e) => Some(*e),
            _ => None,
        }
    }

    pub fn struct_fields(&self, t: Ty) -> Option<&[Field]> {
        match self.under(t) {
            TypeKind::Struct(f) => Some(f),
            _ => None,
        }
    }

    pub fn tuple_elems(&self, t: Ty) -> Option<&[Ty]> {
        match self.kind(t) {
            TypeKind::Tuple(v) => Some(v),
            _ => None,
        }
    }

    /// Go's comparability (`==` allowed by the type system).
    pub fn comparable(&self, t: Ty) -> bool {
        match self.under(t) {
            TypeKind::Basic(b) => *b != Basic::UntypedNil,
            TypeKind::Pointer(_) | TypeKind::Interface(_) | TypeKind::Chan(..) => true,
            TypeKind::Struct(fs) => fs.iter().all(|f| self.comparable(f.ty)),
            TypeKind::Array(e, _) => self.comparable(*e),
            TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..) => false,
            TypeKind::Named(_) | TypeKind::Tuple(_) => false,
        }
    }

    /// The type as Go's `%T` and error messages print it (`main.T`, `[]*main.T`).
    pub fn name(&self, t: Ty) -> String {
        self.name_q(t, true)
    }

    /// The type as the compiler's error messages print it (unqualified for `main`).
    pub fn name_unqualified(&self, t: Ty) -> String {
        self.name_q(t, false)
    }

    fn name_q(&self, t: Ty, qualify: bool) -> String {
        match self.kind(t) {
            TypeKind::Basic(b) => b.name().to_string(),
            TypeKind::Named(n) => {
                if qualify {
                    n.name.clone()
                } else {
                    n.name.strip_prefix("main.").unwrap_or(&n.name).to_string()
                }
            }
            TypeKind::Pointer(e) => format!("*{}", self.name_q(*e, qualify)),
            TypeKind::Slice(e) => format!("[]{}", self.name_q(*e, qualify)),
            TypeKind::Array(e, n) => format!("[{}]{}", n, self.name_q(*e, qualify)),
            TypeKind::Map(k, v) => format!(
                "map[{}]{}",
                self.name_q(*k, qualify),
                self.name_q(*v, qualify)
            ),
            TypeKind::Chan(d, e) => {
                let inner = self.name_q(*e, qualify);
                // `chan (<-chan int)`: Go's parenthesization, so the
                // arrow does not bind to the outer `chan`.
                match (d, self.kind(*e)) {
                    (ChanDir::Both, TypeKind::Chan(ChanDir::Recv, _)) => format!("chan ({inner})"),
                    _ => format!("{}{inner}", crate::types::check::chan_prefix(*d)),
                }
            }
            TypeKind::Struct(fs) => {
                let parts: Vec<String> = fs
                    .iter()
                    .map(|f| {
                        if f.embedded {
                            self.name_q(f.ty, qualify)
                        } else {
                            format!("{} {}", f.name, self.name_q(f.ty, qualify))
                        }
                    })
                    .collect();
                if parts.is_empty() {
                    "struct {}".into()
                } else {
                    format!("struct {{ {} }}", parts.join("; "))
                }
            }
            TypeKind::Func(s) => format!("func{}", self.sig_string(s, qualify)),
            TypeKind::Interface(ms) => {
                if ms.is_empty() {
                    return "interface {}".into();
                }
                let parts: Vec<String> = ms
                    .iter()
                    .map(|m| {
                        let s = self.sig(m.sig).cloned().unwrap_or(Signature {
                            params: vec![],
                            results: vec![],
                            variadic: false,
                        });
                        format!("{}{}", m.name, self.sig_string(&s, qualify))
                    })
                    .collect();
                format!("interface {{ {} }}", parts.join("; "))
            }
            TypeKind::Tuple(ts) => {
                let parts: Vec<String> = ts.iter().map(|t| self.name_q(*t, qualify)).collect();
                format!("({})", parts.join(", "))
            }
        }
    }

    /// `(int, string) bool` for a signature.
    pub fn sig_string(&self, s: &Signature, qualify: bool) -> String {
        let mut ps: Vec<String> = Vec::new();
        for (i, p) in s.params.iter().enumerate() {
            if s.variadic && i + 1 == s.params.len() {
                let elem = match self.kind(*p) {
                    TypeKind::Slice(e) => *e,
                    _ => *p,
                };
                ps.push(format!("...{}", self.name_q(elem, qualify)));
            } else {
                ps.push(self.name_q(*p, qualify));
            }
        }
        let mut out = format!("({})", ps.join(", "));
        match s.results.len() {
            0 => {}
            1 => {
                out.push(' ');
                out.push_str(&self.name_q(s.results[0], qualify));
            }
            _ => {
                let rs: Vec<String> = s.results.iter().map(|t| self.name_q(*t, qualify)).collect();
                out.push_str(&format!(" ({})", rs.join(", ")));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structural_types_are_interned() {
        let mut t = TypeTable::new();
        let a = t.slice(builtin::INT);
        let b = t.slice(builtin::INT);
        assert_eq!(a, b);
        let p = t.pointer(builtin::STRING);
        assert_ne!(p, a);
        assert_eq!(t.name(p), "*string");
    }

    #[test]
    fn named_types_are_distinct_and_print_qualified() {
        let mut t = TypeTable::new();
        let a = t.new_named("main.A".into());
        let b = t.new_named("main.A".into());
        assert_ne!(a, b);
        t.set_underlying(a, builtin::INT);
        assert_eq!(t.underlying(a), builtin::INT);
        assert_eq!(t.name(a), "main.A");
        assert_eq!(t.name_unqualified(a), "A");
        let ps = t.pointer(a);
        let s = t.slice(ps);
        assert_eq!(t.name(s), "[]*main.A");
    }

    #[test]
    fn predeclared_interfaces() {
        let t = TypeTable::new();
        assert_eq!(t.iface_methods(builtin::ERROR)[0].name, "Error");
        assert_eq!(t.iface_methods(builtin::STRINGER)[0].name, "String");
        assert!(t.iface_methods(builtin::ANY).is_empty());
        assert!(t.comparable(builtin::ERROR));
        assert!(!t.comparable(builtin::BYTES));
    }
}
