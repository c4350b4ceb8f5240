//! A seeded generator of random Go programs for differential testing of
//! pgojit's tiers (V8's foozzie, SpiderMonkey's compare_jit, Java fuzzers
//! against `-Xint`).
//!
//! Every program is well-typed Go in the Core subset, valid for the real
//! Go compiler (every variable read, every label used, no constant
//! overflow), terminates (every loop is bounded, recursion too), prints a
//! modest amount, and is rich in what the JIT gets wrong when it gets
//! something wrong: interfaces with several implementers (value and pointer
//! receivers, embedded interfaces, `String` methods), hot call sites that
//! are monomorphic, biased, bimorphic, megamorphic, change type half-way or
//! follow a pseudo-random sequence, receivers that mutate, closures that
//! capture and mutate, function values, method values and method
//! expressions, slices, arrays and structs by value, type switches and
//! assertions, integer types of every size, strings, fmt verbs, and (one in
//! six programs) a runtime panic that ends the run, sometimes deep inside a
//! hot loop.
//!
//! The same seed gives the same program on every machine: the generator
//! draws from `rand_pcg::Pcg64` (a fixed algorithm) and nothing else.

pub mod runner;

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64;

/// `self.line(&format!(...))`, with the arguments evaluated first.
macro_rules! ln {
    ($g:expr, $($t:tt)*) => {{
        let s = format!($($t)*);
        $g.line(&s);
    }};
}

/// `self.open(&format!(...))`, with the arguments evaluated first.
macro_rules! open {
    ($g:expr, $($t:tt)*) => {{
        let s = format!($($t)*);
        $g.open(&s);
    }};
}

/// The program for `seed`.
pub fn generate(seed: u64) -> String {
    let mut g = Gen::new(seed);
    g.program();
    g.out
}

/// A concrete type implementing `Shape`.
struct Type {
    name: String,
    /// Methods on `*T` (so only `*T` implements the interfaces).
    ptr: bool,
    fields: usize,
    /// Has `Name() string` (implements `Named`).
    named: bool,
    /// Has `String() string`.
    stringer: bool,
    /// `W{a int; inner Shape}`, whose methods call the inner shape's
    /// (guarded sites inside guarded callees).
    wrapper: bool,
    /// `E{T; x int}` or `E{*T; x int}`: the plain type it embeds (by
    /// pointer when true), whose methods it promotes (`Scale` it may
    /// declare itself, shadowing the promoted one).
    embed: Option<(usize, bool)>,
}

impl Type {
    /// A struct of `fields` ints with the methods declared on it.
    fn plain(&self) -> bool {
        !self.wrapper && self.embed.is_none()
    }
}

impl Type {
    /// The type as it implements `Shape`: `T` or `*T`.
    fn shape_type(&self) -> String {
        if self.ptr {
            format!("*{}", self.name)
        } else {
            self.name.clone()
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ty {
    Int,
    Shape,
    Shapes,
}

struct Var {
    name: String,
    ty: Ty,
}

struct Gen {
    rng: Pcg64,
    out: String,
    indent: usize,
    types: Vec<Type>,
    scopes: Vec<Vec<Var>>,
    next: usize,
    /// Helper functions the program declared (name, kind).
    helpers: Vec<(String, Helper)>,
    /// A panic has been placed: nothing after it would run.
    ended: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Helper {
    /// `func h(xs []Shape, n int) int`
    SumShapes,
    /// `func h(s Shape, n int) int` (recursive)
    Rec,
    /// `func h(f func(int) int, x int) int`
    Apply,
    /// `func h(s Shape, k int) int` (a type switch)
    Classify,
    /// `func h(xs []Shape, i int) (r int, err error)`: interface calls
    /// under deferred calls, panicking now and then and recovering
    Guarded,
}

impl Gen {
    fn new(seed: u64) -> Gen {
        Gen {
            rng: Pcg64::seed_from_u64(seed),
            out: String::new(),
            indent: 0,
            types: Vec::new(),
            scopes: Vec::new(),
            next: 0,
            helpers: Vec::new(),
            ended: false,
        }
    }

    // ----- output -----

    fn line(&mut self, s: &str) {
        for _ in 0..self.indent {
            self.out.push('\t');
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn open(&mut self, s: &str) {
        self.line(s);
        self.indent += 1;
        self.scopes.push(Vec::new());
    }

    fn close(&mut self) {
        self.scopes.pop();
        self.indent -= 1;
        self.line("}");
    }

    /// Closes a block and opens the next part of the same statement
    /// (`} else {`, `case ...:` bodies use `close_with`).
    fn close_with(&mut self, s: &str) {
        self.scopes.pop();
        self.indent -= 1;
        self.line(s);
        self.indent += 1;
        self.scopes.push(Vec::new());
    }

    // ----- randomness -----

    fn chance(&mut self, p: f64) -> bool {
        self.rng.gen_bool(p)
    }

    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        self.rng.gen_range(lo..=hi)
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.rng.gen_range(0..xs.len())]
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.next += 1;
        format!("{prefix}{}", self.next)
    }

    /// Declares a local in the innermost scope.
    fn declare(&mut self, name: &str, ty: Ty) {
        self.scopes.last_mut().expect("inside a block").push(Var {
            name: name.into(),
            ty,
        });
    }

    fn vars(&self, ty: Ty) -> Vec<String> {
        self.scopes
            .iter()
            .flatten()
            .filter(|v| v.ty == ty)
            .map(|v| v.name.clone())
            .collect()
    }

    // ----- the program -----

    fn program(&mut self) {
        self.line("package main");
        self.line("");
        self.line("import \"fmt\"");
        self.line("");
        self.line("// Generated by pgojit-progen.");
        self.line("");
        self.line("var calls int");
        self.line("");
        self.line("type Shape interface {");
        self.line("\tArea() int");
        self.line("\tScale(k int) int");
        self.line("\tPair(k int, s string) (int, string)");
        self.line("}");
        self.line("");
        self.line("type Named interface {");
        self.line("\tShape");
        self.line("\tName() string");
        self.line("}");
        let n = self.range(2, 6) as usize;
        for i in 0..n {
            self.concrete_type(i);
        }
        if self.chance(0.6) {
            self.wrapper_type(n);
        }
        if self.chance(0.5) {
            self.embedding_type(n + 1);
        }
        self.line("");
        self.line("type Holder struct {");
        self.line("\ts Shape");
        self.line("\tn int");
        self.line("}");
        self.line("");
        self.line("func pick(xs []Shape, i int) Shape { return xs[i%len(xs)] }");
        self.generic_decls();
        self.line("");
        self.line("func many(a int, s Shape, str string, xs []int, b int, t Shape, c int8, f func(int) int, h Holder) int {");
        self.line("\treturn a + s.Area() + len(str) + len(xs) + b*t.Scale(int(c)) + f(a) + h.s.Area()*h.n");
        self.line("}");
        // The first type has value receivers: it can always be built by value.
        for kind in [
            Helper::SumShapes,
            Helper::Rec,
            Helper::Apply,
            Helper::Classify,
            Helper::Guarded,
        ] {
            if self.chance(0.6) {
                self.helper(kind);
            }
        }
        self.line("");
        self.scopes.push(Vec::new());
        self.line("func main() {");
        self.indent += 1;
        self.line("sum := 0");
        self.declare("sum", Ty::Int);
        let shapes = self.shapes_literal();
        ln!(self, "shapes := {shapes}");
        self.declare("shapes", Ty::Shapes);
        let sections = self.range(3, 7);
        for k in 0..sections {
            if self.ended {
                break;
            }
            self.section();
            ln!(
                self,
                "fmt.Println(\"section {k}:\", sum, len(shapes), calls)"
            );
        }
        if !self.ended && self.chance(1.0 / 6.0) {
            self.final_panic();
        }
        if !self.ended {
            self.line("fmt.Println(\"done\", sum)");
        }
        self.indent -= 1;
        self.line("}");
        self.scopes.pop();
    }

    fn concrete_type(&mut self, i: usize) {
        let t = Type {
            name: format!("T{i}"),
            ptr: i > 0 && self.chance(0.4),
            fields: self.range(1, 3) as usize,
            named: self.chance(0.5),
            stringer: self.chance(0.25),
            wrapper: false,
            embed: None,
        };
        let fields = ["a", "b", "c"];
        self.line("");
        ln!(self, "type {} struct {{", t.name);
        for f in &fields[..t.fields] {
            ln!(self, "\t{f} int");
        }
        self.line("}");
        let recv = if t.ptr {
            format!("(t *{})", t.name)
        } else {
            format!("(t {})", t.name)
        };
        // Area: a small leaf (inlined under a guard) or a bigger body.
        let fs: Vec<String> = fields[..t.fields]
            .iter()
            .map(|f| format!("t.{f}"))
            .collect();
        let e = self.field_expr(&fs, i as i64 + 1);
        if self.chance(0.7) {
            self.line("");
            ln!(self, "func {recv} Area() int {{ return {e} }}");
        } else {
            let c = self.range(1, 9);
            self.line("");
            ln!(self, "func {recv} Area() int {{");
            ln!(self, "\tif t.a > {c} {{");
            ln!(self, "\t\treturn {e} - {c}");
            self.line("\t}");
            ln!(self, "\treturn {e} + {}", i + 1);
            self.line("}");
        }
        // Scale: pointer receivers mutate the receiver; some count calls.
        self.line("");
        ln!(self, "func {recv} Scale(k int) int {{");
        if t.ptr {
            ln!(self, "\tt.a = (t.a + k) & {}", self.range(15, 1023));
        }
        if self.chance(0.3) {
            self.line("\tcalls++");
        }
        let e2 = self.field_expr(&fs, i as i64 + 2);
        ln!(self, "\treturn {e2}*k + {}", self.range(0, 9));
        self.line("}");
        // Pair: several arguments and results, a string among them.
        self.line("");
        ln!(self, "func {recv} Pair(k int, s string) (int, string) {{");
        match self.range(0, 2) {
            0 => ln!(self, "\treturn t.a + k, s"),
            1 => {
                ln!(self, "\tif k%{} == 0 {{", self.range(2, 5));
                ln!(self, "\t\treturn k - t.a, s + \"{}\"", i);
                self.line("\t}");
                self.line("\treturn t.a ^ k, s");
            }
            _ => ln!(self, "\treturn len(s) * {} + t.a, \"{}\"", i + 1, t.name),
        }
        self.line("}");
        if t.named {
            self.line("");
            ln!(
                self,
                "func {recv} Name() string {{ return \"{}\" }}",
                t.name.to_lowercase()
            );
        }
        if t.stringer {
            self.line("");
            ln!(
                self,
                "func {recv} String() string {{ return fmt.Sprintf(\"<{} %d>\", t.a) }}",
                t.name
            );
        }
        self.types.push(t);
    }

    fn wrapper_type(&mut self, i: usize) {
        let name = format!("W{i}");
        self.line("");
        ln!(self, "type {name} struct {{");
        self.line("\ta     int");
        self.line("\tinner Shape");
        self.line("}");
        self.line("");
        ln!(
            self,
            "func (w *{name}) Area() int {{ return w.inner.Area() + w.a }}"
        );
        self.line("");
        ln!(self, "func (w *{name}) Scale(k int) int {{");
        self.line("\tw.a++");
        self.line("\treturn w.inner.Scale(k+1) - w.a");
        self.line("}");
        self.line("");
        ln!(
            self,
            "func (w *{name}) Pair(k int, s string) (int, string) {{"
        );
        self.line("\tx, t := w.inner.Pair(k, s+\"w\")");
        self.line("\treturn x + w.a, t");
        self.line("}");
        // (Printed through String: fmt prints a pointer nested in a struct
        // as its address, which differs between Go and pgojit and between runs.)
        self.line("");
        ln!(
            self,
            "func (w *{name}) String() string {{ return fmt.Sprintf(\"{name}(%d)\", w.a) }}"
        );
        self.types.push(Type {
            name,
            ptr: true,
            fields: 1,
            named: false,
            stringer: true,
            wrapper: true,
            embed: None,
        });
    }

    /// `E{i}` embedding a plain type: Shape through promoted methods
    /// (Go's wrappers in pgojit), `Scale` sometimes its own.
    fn embedding_type(&mut self, i: usize) {
        let plain: Vec<usize> = (0..self.types.len())
            .filter(|&k| self.types[k].plain())
            .collect();
        let inner = *self.pick(&plain);
        let by_ptr = self.chance(0.5);
        let name = format!("E{i}");
        let iname = self.types[inner].name.clone();
        self.line("");
        ln!(self, "type {name} struct {{");
        ln!(self, "	{}{iname}", if by_ptr { "*" } else { "" });
        self.line("	x int");
        self.line("}");
        if self.chance(0.5) {
            self.line("");
            ln!(self, "func (e *{name}) Scale(k int) int {{");
            ln!(self, "	return e.{iname}.Scale(k) + e.x");
            self.line("}");
        }
        // (A pointer inside a struct prints as its address: through String.)
        let stringer = by_ptr || self.types[inner].stringer;
        if by_ptr {
            self.line("");
            ln!(
                self,
                "func (e *{name}) String() string {{ return fmt.Sprintf(\"{name}(%d %d)\", e.a, e.x) }}"
            );
        }
        let named = self.types[inner].named;
        self.types.push(Type {
            name,
            ptr: true,
            fields: 1,
            named,
            stringer,
            wrapper: false,
            embed: Some((inner, by_ptr)),
        });
    }

    /// An int expression over struct fields (`t.a`) and small constants.
    fn field_expr(&mut self, fs: &[String], salt: i64) -> String {
        let a = self.pick(fs).clone();
        match self.range(0, 5) {
            0 => a,
            1 => format!("{a} + {salt}"),
            2 => format!("{a}*{} + {salt}", self.range(2, 9)),
            3 => format!("({a} ^ {}) + {salt}", self.range(1, 255)),
            4 => {
                let b = self.pick(fs).clone();
                format!("{a}*{b} - {salt}")
            }
            _ => format!("({a} << {}) | {salt}", self.range(1, 5)),
        }
    }

    /// `T{..}` or `&T{..}` for type `i`, as a `Shape`.
    fn new_shape(&mut self, i: usize) -> String {
        if let Some((inner, by_ptr)) = self.types[i].embed {
            let t = &self.types[inner];
            let (name, n) = (t.name.clone(), t.fields);
            let vals: Vec<String> = (0..n).map(|_| self.range(0, 40).to_string()).collect();
            let amp = if by_ptr { "&" } else { "" };
            let x = self.range(0, 9);
            return format!(
                "&{}{{{amp}{name}{{{}}}, {x}}}",
                self.types[i].name,
                vals.join(", ")
            );
        }
        if self.types[i].wrapper {
            let plain: Vec<usize> = (0..self.types.len())
                .filter(|&k| self.types[k].plain())
                .collect();
            let inner = *self.pick(&plain);
            let inner = self.new_shape(inner);
            let a = self.range(0, 9);
            return format!("&{}{{a: {a}, inner: {inner}}}", self.types[i].name);
        }
        let t = &self.types[i];
        let (ptr, name, n) = (t.ptr || self.rng.gen_bool(0.2), t.name.clone(), t.fields);
        let vals: Vec<String> = (0..n).map(|_| self.range(0, 40).to_string()).collect();
        let lit = format!("{name}{{{}}}", vals.join(", "));
        if ptr {
            format!("&{lit}")
        } else {
            lit
        }
    }

    fn shapes_literal(&mut self) -> String {
        let n = self.range(2, 6);
        let items: Vec<String> = (0..n)
            .map(|_| {
                let i = self.rng.gen_range(0..self.types.len());
                self.new_shape(i)
            })
            .collect();
        format!("[]Shape{{{}}}", items.join(", "))
    }

    fn helper(&mut self, kind: Helper) {
        let name = self.fresh("h");
        self.line("");
        match kind {
            Helper::SumShapes => {
                ln!(self, "func {name}(xs []Shape, n int) int {{");
                self.line("\ts := 0");
                self.line("\tfor i := 0; i < n; i++ {");
                let idx = match self.range(0, 2) {
                    0 => "0".to_string(),
                    1 => "i % len(xs)".into(),
                    _ => "(i * 7 / 8) % len(xs)".into(),
                };
                ln!(self, "\t\ts += xs[{idx}].Area()");
                self.line("\t}");
                self.line("\treturn s");
                self.line("}");
            }
            Helper::Rec => {
                ln!(self, "func {name}(s Shape, n int) int {{");
                self.line("\tif n <= 0 {");
                self.line("\t\treturn s.Area()");
                self.line("\t}");
                ln!(self, "\treturn {name}(s, n-1) + s.Scale(n&3)");
                self.line("}");
            }
            Helper::Apply => {
                ln!(self, "func {name}(f func(int) int, x int) int {{");
                self.line("\treturn f(x) + 1");
                self.line("}");
            }
            Helper::Classify => {
                ln!(self, "func {name}(s Shape, k int) int {{");
                self.line("\tswitch v := s.(type) {");
                let n = self.types.len().min(3);
                for i in 0..n {
                    let st = self.types[i].shape_type();
                    let f = if self.types[i].fields > 0 { "v.a" } else { "1" };
                    ln!(self, "\tcase {st}:");
                    ln!(self, "\t\treturn {f} + k*{}", i + 1);
                }
                self.line("\tcase Named:");
                self.line("\t\treturn len(v.Name()) + k");
                self.line("\tdefault:");
                self.line("\t\treturn v.Area()");
                self.line("\t}");
                self.line("}");
            }
            Helper::Guarded => {
                ln!(self, "func {name}(xs []Shape, i int) (r int, err error) {{");
                self.line("\tdefer func() {");
                self.line("\t\tif e := recover(); e != nil {");
                self.line("\t\t\terr = fmt.Errorf(\"recovered: %v\", e)");
                if self.chance(0.5) {
                    self.line("\t\t\tr = -r");
                }
                self.line("\t\t}");
                self.line("\t}()");
                match self.range(0, 2) {
                    0 => self.line("\tdefer func() { calls++ }()"),
                    1 => self.line("\tdefer func(k int) { r += k }(i & 7)"),
                    _ => {}
                }
                self.line("\ts := xs[i%len(xs)]");
                self.line("\tr = s.Area() + s.Scale(i&3)");
                let k = self.range(3, 40);
                ln!(self, "\tif i%{k} == {} {{", k - 1);
                match self.range(0, 4) {
                    0 => self.line("\t\tr += xs[len(xs)+i%3].Area()"),
                    1 => {
                        self.line("\t\tz := r - r");
                        self.line("\t\tr /= z");
                    }
                    2 => self.line("\t\tpanic(fmt.Sprintf(\"guarded %d\", r))"),
                    3 => self.line("\t\tpanic(s)"),
                    _ => {
                        let st = self.types[self.types.len() - 1].shape_type();
                        ln!(self, "\t\tr += s.({st}).Area()");
                    }
                }
                self.line("\t}");
                self.line("\treturn r, nil");
                self.line("}");
            }
        }
        self.helpers.push((name, kind));
    }

    fn helper_of(&mut self, kind: Helper) -> Option<String> {
        let hs: Vec<String> = self
            .helpers
            .iter()
            .filter(|h| h.1 == kind)
            .map(|h| h.0.clone())
            .collect();
        (!hs.is_empty()).then(|| self.pick(&hs).clone())
    }

    // ----- expressions -----

    /// An int expression; `depth` bounds its size. Never a constant
    /// expression Go could reject (overflow, constant division by zero).
    fn int_expr(&mut self, depth: u32) -> String {
        let ints = self.vars(Ty::Int);
        let leaf = |g: &mut Gen| -> String {
            match g.range(0, 5) {
                0 | 1 if !ints.is_empty() => g.pick(&ints).clone(),
                2 => "len(shapes)".to_string(),
                3 => format!("shapes[{}].Area()", g.index("len(shapes)")),
                _ => g.range(-9, 99).to_string(),
            }
        };
        if depth == 0 || self.chance(0.35) {
            return leaf(self);
        }
        let a = self.int_expr(depth - 1);
        let b = self.int_expr(depth - 1);
        // Keep at least one side non-constant where constants could overflow.
        let v = match ints.first() {
            Some(v) => v.clone(),
            None => "len(shapes)".into(),
        };
        match self.range(0, 11) {
            0 => format!("({a} + {b})"),
            1 => format!("({a} - {b})"),
            2 => format!("({a} * ({b} + {v}))"),
            3 => format!("({a} & {b})"),
            4 => format!("({a} | {b})"),
            5 => format!("({a} ^ {b})"),
            6 => format!("({a} / ({b}|1))"),
            7 => format!("({a} % ({b}|1))"),
            8 => format!("(({a} + {v}) << uint(({b})&15))"),
            9 => format!("(({a} + {v}) >> uint(({b})&63))"),
            10 => format!("({a} &^ {b})"),
            _ => format!("-({a} + {v})"),
        }
    }

    /// An index expression in `[0, len)` for a non-empty `len`.
    fn index(&mut self, len: &str) -> String {
        let ints = self.vars(Ty::Int);
        if ints.is_empty() || self.chance(0.3) {
            format!("{} % {len}", self.range(0, 7))
        } else {
            let v = self.pick(&ints).clone();
            format!("({v} & 0x7fff) % {len}")
        }
    }

    fn bool_expr(&mut self) -> String {
        let a = self.int_expr(1);
        let b = self.int_expr(1);
        let op = *self.pick(&["<", "<=", ">", ">=", "==", "!="]);
        format!("{a} {op} {b}")
    }

    // ----- statements -----

    fn section(&mut self) {
        match self.range(0, 30) {
            30 => self.goroutines(),
            26 | 27 => self.maps(),
            28 => self.defers(),
            29 => self.generics(),
            22 => self.nan_floats(),
            23 => self.const_div(),
            24 => self.holders(),
            25 => self.many_args(),
            0..=3 => self.dispatch_loop(),
            16 => self.pairs(),
            17 => self.pressure(),
            18 => self.edges(),
            19 => self.switches(),
            20 => self.func_values(),
            21 => self.allocating_loop(),
            4 => self.helper_calls(),
            5 => self.closures(),
            6 => self.method_values(),
            7 => self.type_switch(),
            8 => self.assertions(),
            9 => self.values(),
            10 => self.slices(),
            11 => self.strings(),
            12 => self.small_ints(),
            13 => self.formatting(),
            14 => self.labeled(),
            _ => self.floats(),
        }
    }

    /// The receiver of a hot call site: which element of `shapes` (or of
    /// a local pair) each trip uses.
    fn pattern(&mut self, i: &str, n: i64) -> String {
        match self.range(0, 6) {
            0 => "0".into(),
            1 => format!("{i} % len(shapes)"),
            2 => {
                let p = self.range(5, 20);
                format!("func() int {{ if {i}%{p} == 0 {{ return 1 }}; return 0 }}()")
            }
            3 => format!(
                "func() int {{ if {i} < {} {{ return 0 }}; return 1 }}()",
                n / 2
            ),
            4 => format!("({i} * {i} / 3) % len(shapes)"),
            5 => format!("({i} / 64) % len(shapes)"),
            _ => format!("(({i} * 1103515245 + 12345) >> 7 & 0xffff) % len(shapes)"),
        }
    }

    fn dispatch_loop(&mut self) {
        let n = *self.pick(&[20, 150, 700, 1500, 3000, 6000]);
        let i = self.fresh("i");
        let pat = self.pattern(&i, n);
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        let s = self.fresh("s");
        ln!(self, "{s} := shapes[{pat}]");
        match self.range(0, 3) {
            0 => ln!(self, "sum += {s}.Area()"),
            1 => ln!(self, "sum += {s}.Scale({i} & 7)"),
            2 => {
                ln!(self, "sum += {s}.Area() * 3");
                ln!(self, "sum -= {s}.Scale(2)");
            }
            _ => {
                open!(self, "if {} {{", self.bool_expr());
                ln!(self, "sum += {s}.Area()");
                self.close_with("} else {");
                ln!(self, "sum ^= {s}.Scale({i} % 5)");
                self.close();
            }
        }
        // Receivers that change under the loop.
        if self.chance(0.3) {
            let t = self.rng.gen_range(0..self.types.len());
            let v = self.new_shape(t);
            let at = self.range(1, n.max(2) - 1);
            let j = self.index("len(shapes)");
            open!(self, "if {i} == {at} {{");
            ln!(self, "shapes[{j}] = {v}");
            self.close();
        }
        if self.chance(0.15) {
            self.maybe_panic_in_loop(&i, n);
        }
        self.close();
    }

    /// Multiple results and string arguments through a hot site.
    fn pairs(&mut self) {
        let acc = self.fresh("acc");
        ln!(self, "{acc} := \"\"");
        let n = *self.pick(&[25, 400, 2000]);
        let i = self.fresh("i");
        let pat = self.pattern(&i, n);
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        let (x, y) = (self.fresh("x"), self.fresh("y"));
        ln!(self, "{x}, {y} := shapes[{pat}].Pair({i}, \"p\")");
        ln!(self, "sum += {x} + len({y})");
        open!(self, "if {i}%97 == 0 {{");
        ln!(self, "{acc} += {y}");
        self.close();
        self.close();
        ln!(self, "fmt.Println(len({acc}), {acc})");
    }

    /// A hot loop with more live values than the JIT has registers.
    fn pressure(&mut self) {
        let k = self.range(10, 16) as usize;
        let names: Vec<String> = (0..k).map(|_| self.fresh("r")).collect();
        for (j, v) in names.iter().enumerate() {
            ln!(self, "{v} := sum%{} + {j}", j + 3);
        }
        let n = *self.pick(&[30, 800, 4000]);
        let i = self.fresh("i");
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        for j in 0..k {
            let (a, b) = (&names[j], &names[(j + 1) % k]);
            let c = &names[(j * 7 + 3) % k];
            let line = match j % 4 {
                0 => format!("{a} += {b} ^ {i}"),
                1 => format!("{a} = ({a} * 3 + {c}) & 0xffffff"),
                2 => format!("{a} -= shapes[{i}%len(shapes)].Area() + {b}%7"),
                _ => format!("{a} ^= {c} << uint({i}&7)"),
            };
            self.line(&line);
        }
        self.close();
        ln!(self, "sum += {}", names.join(" + "));
    }

    /// Integer edge values: MinInt64, division by -1, unsigned compares,
    /// shifts past the width, conversions between signedness.
    fn edges(&mut self) {
        let (m, n1, u) = (self.fresh("mn"), self.fresh("neg"), self.fresh("u"));
        ln!(self, "{m} := -1 << 63");
        ln!(self, "{n1} := len(shapes) - len(shapes) - 1");
        ln!(
            self,
            "fmt.Println({m}/{n1}, {m}%{n1}, -{m}, {m}-1, {m}*{n1})"
        );
        ln!(self, "{u} := uint64({m}) + uint64(sum)");
        ln!(
            self,
            "fmt.Println({u}, {u} > uint64(sum), int32({u}), uint8({u}>>3), int64({u}) < 0)"
        );
        let sh = self.fresh("sh");
        ln!(self, "{sh} := uint(len(shapes) * 20)");
        ln!(
            self,
            "fmt.Println(1<<{sh}, {m}>>{sh}, {u}>>{sh}, int8(sum)<<{sh}, -7/2, -7%2, -7>>1)"
        );
        ln!(self, "sum += int({u} % 1000) + int({m}>>60)");
    }

    fn switches(&mut self) {
        let i = self.fresh("i");
        let n = *self.pick(&[10, 300]);
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        ln!(self, "switch {i} % {} {{", self.range(3, 6));
        self.line("case 0:");
        self.line("	sum += 3");
        self.line("	fallthrough");
        self.line("case 1:");
        let j = self.index("len(shapes)");
        ln!(self, "	sum += shapes[{j}].Area()");
        self.line("case 2, 3:");
        ln!(self, "	sum -= {i}");
        self.line("default:");
        self.line("	sum ^= 5");
        self.line("}");
        self.line("switch {");
        ln!(self, "case sum > {}:", self.range(100, 100000));
        self.line("	sum /= 3");
        ln!(self, "case sum < -{}:", self.range(100, 100000));
        self.line("	sum = -sum / 5");
        self.line("}");
        self.close();
    }

    /// Function values of every kind at one call site: closures, method
    /// values of different receivers, top-level functions.
    fn func_values(&mut self) {
        let fs = self.fresh("fv");
        let (a, b) = (self.index("len(shapes)"), self.index("len(shapes)"));
        ln!(
            self,
            "{fs} := []func() int{{shapes[{a}].Area, shapes[{b}].Area, func() int {{ return sum & 7 }}}}"
        );
        let keep = self.fresh("kept");
        ln!(self, "var {keep} []func() int");
        let n = *self.pick(&[40, 1000, 3000]);
        let i = self.fresh("i");
        let sel = match self.range(0, 2) {
            0 => "0".to_string(),
            1 => format!("{i} % 3"),
            _ => format!("func() int {{ if {i}%10 == 9 {{ return 2 }}; return 1 }}()"),
        };
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        ln!(self, "sum += {fs}[{sel}]()");
        open!(self, "if {i}%{} == 0 {{", n / 4 + 1);
        ln!(
            self,
            "{keep} = append({keep}, func() int {{ return {i} * 2 }})"
        );
        self.close();
        self.close();
        let f = self.fresh("f");
        open!(self, "for _, {f} := range {keep} {{");
        ln!(self, "sum += {f}()");
        self.close();
    }

    /// Allocation in a hot loop: new receivers, strings from String(),
    /// boxed values; the collector runs under compiled code.
    fn allocating_loop(&mut self) {
        let n = *self.pick(&[50, 1500, 5000]);
        let i = self.fresh("i");
        let t = self.rng.gen_range(0..self.types.len());
        let t = if self.types[t].plain() { t } else { 0 };
        let name = self.types[t].name.clone();
        let fields = self.types[t].fields;
        let held = self.fresh("held");
        ln!(self, "var {held} []Shape");
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        let vals: Vec<String> = (0..fields).map(|k| format!("{i} + {k}")).collect();
        let p = self.fresh("p");
        ln!(self, "{p} := &{name}{{{}}}", vals.join(", "));
        ln!(self, "var {} Shape = {p}", self.fresh_hold());
        let hv = self.last_hold();
        ln!(self, "sum += {hv}.Area() + len(fmt.Sprint({hv}))%5");
        open!(self, "if {i}%{} == 0 {{", self.range(3, 50));
        ln!(self, "{held} = append({held}, {hv})");
        self.close();
        self.close();
        ln!(self, "fmt.Println(len({held}))");
        let x = self.fresh("x");
        open!(self, "for _, {x} := range {held} {{");
        ln!(self, "sum += {x}.Area() & 15");
        self.close();
    }

    /// Float arithmetic in a hot loop with NaN and infinities: compares
    /// with NaN are all false (the parity flag in compiled code), float to
    /// int conversions of values out of range.
    fn nan_floats(&mut self) {
        let (z, nan, inf, acc) = (
            self.fresh("z"),
            self.fresh("nan"),
            self.fresh("inf"),
            self.fresh("fa"),
        );
        ln!(self, "{z} := float64(len(shapes) - len(shapes))");
        ln!(self, "{nan} := {z} / {z}");
        ln!(self, "{inf} := 1 / {z}");
        ln!(self, "{acc} := 0.5");
        let n = *self.pick(&[20, 700, 3000]);
        let i = self.fresh("i");
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        ln!(self, "x := float64({i}%17) - 8.5");
        ln!(self, "y := x * {acc}");
        ln!(self, "if {i}%{} == 0 {{", self.range(5, 40));
        ln!(
            self,
            "	y = {}",
            self.pick(&[nan.clone(), inf.clone(), format!("-{inf}")])
                .clone()
        );
        self.line("}");
        let cmp = *self.pick(&["<", "<=", ">", ">=", "==", "!="]);
        ln!(self, "if y {cmp} x || y != y {{");
        self.line("	sum++");
        self.line("}");
        ln!(self, "if y == y && y < 1e6 && y > -1e6 {{");
        ln!(self, "	{acc} += y / 1000");
        self.line("}");
        ln!(self, "sum += int(x) + int(int32(x*3))");
        self.close();
        ln!(
            self,
            "fmt.Println({nan}, {inf}, -{inf}, {nan} == {nan}, {nan} < 0, {inf} > 1e308)"
        );
        ln!(self, "fmt.Printf(\"%.4f %v %v\\n\", {acc}, int64({inf}) == int64(-{inf}), uint8(int({acc})))");
    }

    /// Constant divisors and shifts of negative and positive values.
    fn const_div(&mut self) {
        let n = *self.pick(&[30, 600]);
        let i = self.fresh("i");
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        let x = self.fresh("x");
        ln!(self, "{x} := ({i} - {}) * {}", n / 2, self.range(1, 999));
        let d = *self.pick(&["8", "16", "-3", "7", "-8", "1", "-1", "1024"]);
        let op = *self.pick(&["/", "%"]);
        ln!(self, "sum += {x} {op} {d}");
        ln!(self, "sum ^= {x} >> {}", self.range(1, 63));
        ln!(
            self,
            "sum += int(uint({x}) / {}) & 0xffff",
            self.range(3, 9)
        );
        ln!(
            self,
            "sum += int(int8({x}) / {}) + int(uint16({x}) % 10)",
            self.range(2, 9)
        );
        self.close();
    }

    /// Receivers loaded from struct fields, array elements and call results.
    fn holders(&mut self) {
        let hs = self.fresh("hs");
        let (a, b) = (self.index("len(shapes)"), self.index("len(shapes)"));
        ln!(
            self,
            "{hs} := []Holder{{{{shapes[{a}], 1}}, {{shapes[{b}], 2}}, {{s: shapes[0], n: 3}}}}"
        );
        let arr = self.fresh("arr");
        ln!(self, "var {arr} [3]Shape");
        ln!(self, "for k := range {arr} {{");
        ln!(self, "	{arr}[k] = pick(shapes, k+1)");
        self.line("}");
        let n = *self.pick(&[40, 900, 2500]);
        let i = self.fresh("i");
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        ln!(self, "h := {hs}[{i}%3]");
        ln!(
            self,
            "sum += h.s.Area()*h.n + {arr}[{i}%3].Scale(1) + pick(shapes, {i}).Area()"
        );
        ln!(self, "{hs}[{i}%3].n = ({hs}[{i}%3].n + 1) & 7");
        self.close();
        ln!(self, "fmt.Println({hs}[0].n, {hs}[1].n, len({arr}))");
    }

    /// A call with nine arguments of every shape, in a hot loop.
    fn many_args(&mut self) {
        let n = *self.pick(&[20, 500, 2000]);
        let i = self.fresh("i");
        let (a, b) = (self.index("len(shapes)"), self.index("len(shapes)"));
        let xs = self.fresh("xs");
        ln!(self, "{xs} := []int{{1, 2, 3}}");
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        ln!(
            self,
            "sum += many({i}, shapes[{a}], \"abc\", {xs}, {i}%5, shapes[{b}], int8({i}), func(v int) int {{ return v & 3 }}, Holder{{shapes[0], 2}})"
        );
        self.close();
    }

    fn fresh_hold(&mut self) -> String {
        self.fresh("hv")
    }

    fn last_hold(&self) -> String {
        format!("hv{}", self.next)
    }

    fn maybe_panic_in_loop(&mut self, i: &str, n: i64) {
        let at = self.range(n / 2, n - 1);
        open!(self, "if {i} == {at} {{");
        match self.range(0, 3) {
            0 => ln!(self, "sum += shapes[len(shapes)+{i}%3].Area()"),
            1 => {
                let z = self.fresh("z");
                ln!(self, "{z} := sum - sum");
                ln!(self, "sum /= {z}");
            }
            2 => ln!(self, "panic(fmt.Sprintf(\"stop at %d with %d\", {i}, sum))"),
            _ => {
                let t = &self.types[self.types.len() - 1];
                let st = t.shape_type();
                ln!(self, "sum += shapes[0].({st}).Area()");
            }
        }
        // (It may not fire: the assertion may hold. Later sections are
        // generated either way.)
        self.close();
    }

    fn helper_calls(&mut self) {
        let n = *self.pick(&[10, 200, 1200]);
        let i = self.fresh("i");
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        let mut any = false;
        if let Some(h) = self.helper_of(Helper::SumShapes) {
            ln!(self, "sum += {h}(shapes, {i}%5+1)");
            any = true;
        }
        if let Some(h) = self.helper_of(Helper::Rec) {
            let j = self.index("len(shapes)");
            ln!(self, "sum += {h}(shapes[{j}], {i}%4)");
            any = true;
        }
        if let Some(h) = self.helper_of(Helper::Classify) {
            let j = self.index("len(shapes)");
            ln!(self, "sum += {h}(shapes[{j}], {i})");
            any = true;
        }
        if !any {
            ln!(self, "sum += shapes[{i} % len(shapes)].Scale(1)");
        }
        self.close();
    }

    /// Generic functions and types: a sum over a type set, a walk over a
    /// `Shape` constraint (instantiated with `Shape`, an interface call site
    /// of its own, and with the first concrete type, static calls), and a
    /// generic box with methods.
    fn generic_decls(&mut self) {
        self.line("");
        self.line("type Number interface {");
        self.line("\t~int | ~int64 | ~float64");
        self.line("}");
        self.line("");
        self.line("func gsum[T Number](xs []T, k T) T {");
        self.line("\tvar s T");
        self.line("\tfor _, x := range xs {");
        self.line("\t\ts += x * k");
        self.line("\t}");
        self.line("\treturn s");
        self.line("}");
        self.line("");
        self.line("func gareas[S Shape](xs []S, k int) int {");
        self.line("\tt := 0");
        self.line("\tfor i := range xs {");
        self.line("\t\tt += xs[i].Area() + xs[i].Scale(k)");
        self.line("\t}");
        self.line("\treturn t");
        self.line("}");
        self.line("");
        self.line("type Box[T any] struct {");
        self.line("\tv T");
        self.line("\tn int");
        self.line("}");
        self.line("");
        self.line("func (b *Box[T]) Put(v T) { b.v = v; b.n++ }");
        self.line("");
        self.line("func (b Box[T]) Get() T { return b.v }");
        self.line("");
        self.line("func every[T any](xs []T) func(func(int, T) bool) {");
        self.line("\treturn func(yield func(int, T) bool) {");
        self.line("\t\tfor i, x := range xs {");
        self.line("\t\t\tif !yield(i, x) {");
        self.line("\t\t\t\treturn");
        self.line("\t\t\t}");
        self.line("\t\t}");
        self.line("\t}");
        self.line("}");
    }

    /// Uses of the generic declarations in a loop.
    fn generics(&mut self) {
        let t0 = self.types[0].name.clone();
        let nf = self.types[0].fields;
        let v = self.fresh("vals");
        let items: Vec<String> = (0..self.range(1, 4))
            .map(|_| {
                let fs: Vec<String> = (0..nf).map(|_| self.range(0, 30).to_string()).collect();
                format!("{t0}{{{}}}", fs.join(", "))
            })
            .collect();
        ln!(self, "{v} := []{t0}{{{}}}", items.join(", "));
        let bx = self.fresh("bx");
        let bi = self.fresh("bi");
        ln!(self, "var {bx} Box[Shape]");
        ln!(self, "{bi} := &Box[int]{{}}");
        let i = self.fresh("i");
        let n = *self.pick(&[10, 400, 2000]);
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        ln!(self, "sum += gareas(shapes, {i}&3) + gareas({v}, 1)");
        ln!(self, "{bx}.Put(shapes[{i}%len(shapes)])");
        ln!(self, "sum += {bx}.Get().Area()");
        ln!(self, "{bi}.Put({i})");
        ln!(
            self,
            "sum += int(gsum([]float64{{1.5, float64({i} % 4)}}, 2)) + gsum([]int{{{i}, 1}}, 3)"
        );
        self.close();
        ln!(self, "fmt.Println(\"generics\", sum, {bx}.n, {bi}.Get())");
        // A loop over an iterator: continue, break and a return from a
        // function literal around it.
        let f = self.fresh("find");
        let lim = self.range(1, 60);
        open!(self, "{f} := func(limit int) (int, Shape) {{");
        open!(self, "for i, s := range every(shapes) {{");
        self.line("if s.Area()%3 == 1 {");
        self.line("\tcontinue");
        self.line("}");
        self.line("if s.Area() > limit {");
        self.line("\treturn i, s");
        self.line("}");
        self.line("if i > 4 {");
        self.line("\tbreak");
        self.line("}");
        self.line("sum += s.Scale(i)");
        self.close();
        self.line("return -1, nil");
        self.close();
        let i = self.fresh("i");
        let n = *self.pick(&[10, 300, 1500]);
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        ln!(self, "k, s := {f}({lim} + {i}%20)");
        ln!(self, "if s != nil {{ sum += k + s.Area() }}");
        self.close();
        ln!(self, "fmt.Println(\"iterators\", sum)");
    }

    /// Deferred calls: a function literal called in place whose deferred
    /// calls see `sum` as it was and as it becomes; the guarded helper in a
    /// loop, its recovered panics counted.
    fn defers(&mut self) {
        self.open("func() {");
        ln!(self, "defer fmt.Println(\"deferred with\", sum)");
        let k = self.range(1, 9);
        ln!(self, "defer func() {{ sum += {k} }}()");
        let i = self.fresh("i");
        let n = *self.pick(&[10, 300, 1500]);
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        let j = self.pattern(&i, n);
        ln!(self, "sum += shapes[{j}].Area()");
        if self.chance(0.3) {
            ln!(self, "defer func(x int) {{ sum ^= x }}({i})");
        }
        self.close();
        self.scopes.pop();
        self.indent -= 1;
        self.line("}()");
        if let Some(h) = self.helper_of(Helper::Guarded) {
            let e = self.fresh("errs");
            ln!(self, "{e} := 0");
            let i = self.fresh("i");
            let n = *self.pick(&[20, 400, 2000]);
            open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
            self.declare(&i, Ty::Int);
            ln!(self, "r, err := {h}(shapes, {i})");
            ln!(self, "sum += r");
            open!(self, "if err != nil {{");
            open!(self, "if {e} < 2 {{");
            self.line("fmt.Println(err)");
            self.close();
            ln!(self, "{e}++");
            self.close();
            self.close();
            ln!(self, "fmt.Println(\"recovered\", {e})");
        }
    }

    /// Goroutines: workers calling the hot site in loops of their own
    /// (reading `shapes` only: Go runs them in parallel) and sending
    /// their sums back, collected in a fixed order; a buffered channel
    /// filled by a goroutine, closed and drained by `range`; a `select`
    /// with a `default`.
    fn goroutines(&mut self) {
        let k = self.range(2, 4);
        let n = *self.pick(&[10, 300, 1500]);
        let chs = self.fresh("chs");
        ln!(self, "{chs} := make([]chan int, {k})");
        let w = self.fresh("w");
        open!(self, "for {w} := range {chs} {{");
        let buf = if self.chance(0.5) { ", 1" } else { "" };
        ln!(self, "{chs}[{w}] = make(chan int{buf})");
        open!(self, "go func(id int, out chan<- int) {{");
        self.line("t := 0");
        open!(self, "for i := 0; i < {n}; i++ {{");
        self.line("t += shapes[(i+id)%len(shapes)].Area()");
        self.close();
        self.line("out <- t");
        self.scopes.pop();
        self.indent -= 1;
        ln!(self, "}}({w}, {chs}[{w}])");
        self.close();
        let c = self.fresh("c");
        open!(self, "for _, {c} := range {chs} {{");
        ln!(self, "sum += <-{c}");
        self.close();
        if self.chance(0.5) {
            let b = self.fresh("b");
            let m = self.range(1, 40);
            let cap = self.range(0, 8);
            ln!(self, "{b} := make(chan int, {cap})");
            open!(self, "go func() {{");
            open!(self, "for i := 0; i < {m}; i++ {{");
            ln!(self, "{b} <- shapes[i%len(shapes)].Area() + i");
            self.close();
            ln!(self, "close({b})");
            self.scopes.pop();
            self.indent -= 1;
            self.line("}()");
            let v = self.fresh("v");
            open!(self, "for {v} := range {b} {{");
            ln!(self, "sum += {v}");
            self.close();
            let ok = self.fresh("ok");
            ln!(self, "_, {ok} := <-{b}");
            ln!(self, "fmt.Println(\"drained\", {ok}, sum)");
        }
        if self.chance(0.3) {
            let e = self.fresh("e");
            ln!(self, "{e} := make(chan int)");
            self.open("select {");
            ln!(self, "case v := <-{e}:");
            self.line("\tsum += v");
            self.line("default:");
            self.line("\tsum++");
            self.scopes.pop();
            self.indent -= 1;
            self.line("}");
        }
    }

    fn closures(&mut self) {
        let c = self.fresh("c");
        let f = self.fresh("f");
        let k = self.range(1, 9);
        ln!(self, "{c} := {}", self.range(0, 5));
        open!(self, "{f} := func(x int) int {{");
        ln!(self, "{c} += x & {k}");
        ln!(self, "return {c} * 2");
        self.close();
        let g = self.fresh("g");
        let j = self.index("len(shapes)");
        ln!(
            self,
            "{g} := func(x int) int {{ return shapes[{j}].Area() + x }}"
        );
        let fs = self.fresh("fs");
        ln!(self, "{fs} := []func(int) int{{{f}, {g}, {f}}}");
        let n = *self.pick(&[30, 500, 2500]);
        let i = self.fresh("i");
        let sel = match self.range(0, 2) {
            0 => "0".to_string(),
            1 => format!("{i} % 3"),
            _ => format!("{i} / {} % 3", n / 2 + 1),
        };
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        match self.helper_of(Helper::Apply) {
            Some(h) if self.chance(0.5) => {
                ln!(self, "sum += {h}({fs}[{sel}], {i})")
            }
            _ => ln!(self, "sum += {fs}[{sel}]({i})"),
        }
        self.close();
        ln!(self, "sum += {c}");
    }

    fn method_values(&mut self) {
        let j = self.index("len(shapes)");
        let m = self.fresh("m");
        ln!(self, "{m} := shapes[{j}].Area");
        let sc = self.fresh("sc");
        let j2 = self.index("len(shapes)");
        ln!(self, "{sc} := shapes[{j2}].Scale");
        let n = *self.pick(&[40, 900]);
        let i = self.fresh("i");
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        ln!(self, "sum += {m}() + {sc}({i} & 3)");
        self.close();
        // Method expressions on the first type (value receivers).
        let (t0, nf) = (self.types[0].name.clone(), self.types[0].fields);
        let vals: Vec<String> = (0..nf).map(|k| (k * 3 + 1).to_string()).collect();
        let lit = format!("{t0}{{{}}}", vals.join(", "));
        let me = self.fresh("me");
        ln!(self, "{me} := {t0}.Area");
        ln!(self, "sum += {me}({lit}) + {t0}.Scale({lit}, 2)");
        if let Some(pt) = self.types.iter().find(|t| t.ptr && t.plain()) {
            let name = pt.name.clone();
            let vals: Vec<String> = (0..pt.fields).map(|k| (k + 2).to_string()).collect();
            let p = self.fresh("p");
            ln!(self, "{p} := &{name}{{{}}}", vals.join(", "));
            ln!(self, "sum += (*{name}).Scale({p}, 3) + {p}.a");
        }
    }

    fn type_switch(&mut self) {
        let x = self.fresh("x");
        open!(self, "for _, {x} := range shapes {{");
        self.declare(&x, Ty::Shape);
        let bind = self.chance(0.7);
        if bind {
            let v = self.fresh("v");
            ln!(self, "switch {v} := {x}.(type) {{");
            let n = self.types.len();
            let cases: Vec<usize> = (0..n).filter(|_| self.rng.gen_bool(0.6)).collect();
            for i in cases {
                let st = self.types[i].shape_type();
                ln!(self, "case {st}:");
                self.indent += 1;
                ln!(self, "sum += {v}.a*{} + {v}.Area()", i + 2);
                self.indent -= 1;
            }
            if self.chance(0.5) {
                self.line("case Named:");
                self.indent += 1;
                ln!(self, "sum += len({v}.Name())");
                self.indent -= 1;
            }
            self.line("default:");
            self.indent += 1;
            ln!(self, "sum += {v}.Scale(1)");
            self.indent -= 1;
            self.line("}");
        } else {
            ln!(self, "switch {x}.(type) {{");
            let st = self.types[0].shape_type();
            ln!(self, "case {st}:");
            self.line("\tsum++");
            self.line("default:");
            self.line("\tsum += 2");
            self.line("}");
        }
        self.close();
    }

    fn assertions(&mut self) {
        let n = self.types.len();
        let i = self.rng.gen_range(0..n);
        let st = self.types[i].shape_type();
        let x = self.fresh("x");
        open!(self, "for _, {x} := range shapes {{");
        self.declare(&x, Ty::Shape);
        let (t, ok) = (self.fresh("t"), self.fresh("ok"));
        open!(self, "if {t}, {ok} := {x}.({st}); {ok} {{");
        ln!(self, "sum += {t}.Area() + 100");
        self.close();
        let (nm, ok2) = (self.fresh("nm"), self.fresh("ok"));
        open!(self, "if {nm}, {ok2} := {x}.(Named); {ok2} {{");
        ln!(self, "sum += len({nm}.Name()) * 1000");
        self.close_with("} else {");
        self.line("sum--");
        self.close();
        self.close();
        // Interface equality (every type here is comparable).
        let (a, b) = (self.index("len(shapes)"), self.index("len(shapes)"));
        open!(self, "if shapes[{a}] == shapes[{b}] {{");
        self.line("sum += 7");
        self.close();
    }

    fn values(&mut self) {
        let t0 = &self.types[0];
        let (name, nf) = (t0.name.clone(), t0.fields);
        let a = self.fresh("v");
        let b = self.fresh("v");
        let vals: Vec<String> = (0..nf).map(|_| self.range(0, 50).to_string()).collect();
        ln!(self, "{a} := {name}{{{}}}", vals.join(", "));
        ln!(self, "{b} := {a}");
        ln!(self, "{b}.a += {}", self.range(1, 9));
        ln!(self, "sum += {a}.a*100 + {b}.a");
        open!(self, "if {a} == {b} {{");
        self.line("sum++");
        self.close();
        let arr = self.fresh("arr");
        ln!(self, "var {arr} [5]int");
        let i = self.fresh("i");
        let n = *self.pick(&[12, 400]);
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        ln!(self, "{arr}[{i}%5] += {i} ^ sum&255");
        self.close();
        let cp = self.fresh("cp");
        ln!(self, "{cp} := {arr}");
        ln!(self, "{cp}[0] = -1");
        ln!(self, "sum += {arr}[0] + {cp}[0] + {arr}[4]");
        let sh = self.fresh("sh");
        ln!(self, "var {sh} Shape = {a}");
        ln!(self, "{a}.a = 999");
        ln!(self, "sum += {sh}.Area()");
    }

    fn slices(&mut self) {
        let xs = self.fresh("xs");
        ln!(self, "var {xs} []int");
        let n = *self.pick(&[5, 70, 600]);
        let i = self.fresh("i");
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        let e = self.int_expr(2);
        ln!(self, "{xs} = append({xs}, {e})");
        self.close();
        let ys = self.fresh("ys");
        ln!(self, "{ys} := {xs}[{}:len({xs})-1]", self.range(0, 3));
        ln!(self, "{ys}[0] = 42");
        let zs = self.fresh("zs");
        ln!(self, "{zs} := make([]int, len({ys})/2+1)");
        ln!(
            self,
            "sum += copy({zs}, {ys}) + {xs}[{}] + {zs}[0]",
            self.range(0, 3)
        );
        ln!(
            self,
            "fmt.Println(len({xs}), len({ys}), len({zs}), cap({zs}), {zs}[len({zs})-1])"
        );
        let x = self.fresh("x");
        open!(self, "for _, {x} := range {ys} {{");
        self.declare(&x, Ty::Int);
        ln!(self, "sum += {x} & 1023");
        self.close();
        if self.chance(0.5) {
            let j = self.index("len(shapes)");
            ln!(self, "shapes = append(shapes, shapes[{j}])");
        }
    }

    fn strings(&mut self) {
        let s = self.fresh("str");
        ln!(self, "{s} := \"\"");
        let n = *self.pick(&[3, 40, 200]);
        let i = self.fresh("i");
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        let piece = match self.range(0, 3) {
            0 => format!("string(rune('a' + {i}%26))"),
            1 => format!("fmt.Sprint({i}%7)"),
            2 => "\"é\"".to_string(),
            _ => format!("fmt.Sprintf(\"%x\", {i})"),
        };
        ln!(self, "{s} += {piece}");
        self.close();
        ln!(self, "sum += len({s})");
        let (k, r) = (self.fresh("k"), self.fresh("r"));
        open!(self, "for {k}, {r} := range {s} {{");
        ln!(self, "sum += {k} + int({r})%7");
        self.close();
        let b = self.fresh("b");
        ln!(self, "{b} := []byte({s})");
        open!(self, "if len({b}) > 0 {{");
        ln!(self, "{b}[0] = 'Z'");
        self.close();
        ln!(
            self,
            "fmt.Printf(\"%q %d %v\\n\", string({b})[:len({b})/2], len({b}), {s} < string({b}))"
        );
    }

    /// Maps: built in a loop (string or int keys, int or `Shape` values),
    /// updated in place, read with comma-ok, deleted from while ranged
    /// over; what is printed never depends on the iteration order (sums,
    /// counts, fmt's sorted keys).
    fn maps(&mut self) {
        let m = self.fresh("m");
        let n = *self.pick(&[4, 60, 700]);
        let i = self.fresh("i");
        let (key, kt) = if self.chance(0.5) {
            (format!("{i} % {}", self.range(3, 40)), "int")
        } else {
            (
                format!("fmt.Sprint(\"k\", {i}%{})", self.range(3, 40)),
                "string",
            )
        };
        let shapes = self.chance(0.4);
        if shapes {
            ln!(self, "{m} := map[{kt}]Shape{{}}");
        } else if self.chance(0.5) {
            ln!(self, "{m} := make(map[{kt}]int, {})", self.range(0, 20));
        } else {
            ln!(self, "{m} := map[{kt}]int{{}}");
        }
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        if shapes {
            let j = self.index("len(shapes)");
            ln!(self, "{m}[{key}] = shapes[{j}]");
        } else {
            let e = self.int_expr(1);
            match self.range(0, 2) {
                0 => ln!(self, "{m}[{key}] += {e}"),
                1 => ln!(self, "{m}[{key}]++"),
                _ => ln!(self, "{m}[{key}] = {e}"),
            }
        }
        if self.chance(0.3) {
            ln!(self, "delete({m}, {key})");
        }
        self.close();
        let (k, v, ok) = (self.fresh("k"), self.fresh("v"), self.fresh("ok"));
        let probe = if kt == "int" {
            format!("{}", self.range(0, 5))
        } else {
            format!("\"k{}\"", self.range(0, 5))
        };
        ln!(self, "{v}, {ok} := {m}[{probe}]");
        if shapes {
            open!(self, "if {ok} && {v} != nil {{");
            ln!(self, "sum += {v}.Area() & 1023");
            self.close();
        } else {
            ln!(self, "sum += {v} & 1023");
        }
        ln!(self, "fmt.Println(len({m}), {ok})");
        open!(self, "for {k}, {v} := range {m} {{");
        if shapes {
            ln!(self, "sum += {v}.Area() & 255");
        } else {
            ln!(self, "sum += {v} & 255");
        }
        if kt == "int" {
            ln!(self, "sum += {k}");
        } else {
            ln!(self, "sum += len({k})");
        }
        if self.chance(0.5) {
            ln!(self, "delete({m}, {k})");
        }
        self.close();
        if !shapes && self.chance(0.5) {
            ln!(self, "fmt.Println({m})");
        }
        ln!(self, "clear({m})");
        ln!(self, "fmt.Println(len({m}), {m}[{probe}])");
    }

    fn small_ints(&mut self) {
        let kinds = [
            "int8", "int16", "int32", "uint8", "uint16", "uint32", "int64", "uint64", "uint",
        ];
        let k = *self.pick(&kinds);
        let v = self.fresh("n");
        let e = self.int_expr(2);
        // (Plus a non-constant term: converting a constant Go finds out of
        // range is a compile error.)
        ln!(self, "{v} := {k}({e} + len(shapes))");
        let n = *self.pick(&[10, 300]);
        let i = self.fresh("i");
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        let op = *self.pick(&["+=", "-=", "*=", "^=", "|="]);
        ln!(self, "{v} {op} {k}({i}) + {}", self.range(1, 99));
        if self.chance(0.5) {
            ln!(self, "{v} = {v}<<1 | {v}>>{}", self.range(1, 7));
        }
        self.close();
        ln!(self, "fmt.Println(\"{k}\", {v}, int({v})%1000)");
        ln!(self, "sum += int({v} % 97)");
    }

    fn formatting(&mut self) {
        let j = self.index("len(shapes)");
        let verbs = [
            "%v", "%+v", "%T", "%d", "%5d|", "%-6v|", "%x", "%08d", "%s", "%q",
        ];
        let v = *self.pick(&verbs);
        let arg = match v {
            "%d" | "%5d|" | "%x" | "%08d" => format!("shapes[{j}].Area()"),
            "%q" => format!("fmt.Sprint(shapes[{j}])"),
            _ => format!("shapes[{j}]"),
        };
        ln!(self, "fmt.Printf(\"{v} %v\\n\", {arg}, sum%1000)");
        let t = self.fresh("t");
        ln!(self, "{t} := fmt.Sprintln(shapes[0], len(shapes))");
        ln!(self, "sum += len({t})");
    }

    fn labeled(&mut self) {
        let l = self.fresh("L");
        let (i, j) = (self.fresh("i"), self.fresh("j"));
        let n = self.range(3, 40);
        ln!(self, "{l}:");
        open!(self, "for {i} := 0; {i} < {n}; {i}++ {{");
        self.declare(&i, Ty::Int);
        open!(self, "for {j} := 0; {j} < {n}; {j}++ {{");
        self.declare(&j, Ty::Int);
        let (p, q) = (self.range(2, 7), self.range(2, 9));
        open!(self, "if ({i}+{j})%{p} == 0 {{");
        ln!(self, "continue {l}");
        self.close();
        open!(self, "if {i}*{j} > {} {{", n * q);
        ln!(self, "break {l}");
        self.close();
        ln!(self, "sum += shapes[({i}+{j})%len(shapes)].Area()");
        self.close();
        self.close();
    }

    fn floats(&mut self) {
        let f = self.fresh("f");
        let e = self.int_expr(1);
        ln!(self, "{f} := float64(({e})%10000) / {}.0", self.range(2, 9));
        ln!(self, "{f} = {f}*{f} - 1.5");
        ln!(self, "fmt.Printf(\"%.3f %v\\n\", {f}, {f} > 2)");
        ln!(self, "sum += int({f})");
    }

    /// A runtime panic that ends the program (exit code 2).
    fn final_panic(&mut self) {
        if self.chance(0.3) {
            self.line("defer fmt.Println(\"main's deferred call\", sum)");
        }
        match self.range(0, 6) {
            0 => {
                let k = self.fresh("k");
                ln!(self, "{k} := len(shapes) + {}", self.range(0, 3));
                ln!(self, "sum += shapes[{k}].Area()");
            }
            1 => {
                let p = self.fresh("p");
                let name = self.types[0].name.clone();
                ln!(self, "var {p} *{name}");
                ln!(self, "sum += {p}.a");
            }
            2 => {
                let s = self.fresh("s");
                ln!(self, "var {s} Shape");
                ln!(self, "sum += {s}.Area()");
            }
            3 => {
                let z = self.fresh("z");
                ln!(self, "{z} := len(shapes) - len(shapes)");
                ln!(self, "sum = sum / {z}");
            }
            4 => {
                // An assertion to a type the element does not have.
                let st = self.types[0].shape_type();
                let other = self
                    .types
                    .iter()
                    .skip(1)
                    .map(|t| t.shape_type())
                    .next()
                    .unwrap_or_else(|| format!("*{}", self.types[0].name));
                let (a, b) = if st == other {
                    (st.clone(), format!("*{}", self.types[0].name))
                } else {
                    (st, other)
                };
                let x = self.fresh("x");
                let v = if let Some(base) = a.strip_prefix('*') {
                    format!("&{base}{{}}")
                } else {
                    format!("{a}{{}}")
                };
                ln!(self, "var {x} Shape = {v}");
                ln!(self, "sum += {x}.({b}).Area()");
            }
            5 => self.line("panic(fmt.Errorf(\"failed with %d\", sum))"),
            _ => self.line("panic(sum)"),
        }
        self.ended = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_program() {
        for seed in [0, 1, 77, u64::MAX] {
            assert_eq!(generate(seed), generate(seed));
        }
        assert_ne!(generate(1), generate(2));
    }

    #[test]
    fn programs_have_what_the_jit_needs() {
        let all: String = (0..200).map(generate).collect();
        for needle in [
            "type Shape interface",
            ".Area()",
            ".Scale(",
            "func (t *",
            "switch ",
            ".(type)",
            ".(Named)",
            "func(x int) int",
            "[]func(int) int",
            "panic(",
            "int8(",
            "append(",
            "map[",
            "delete(",
            "\tx int",
            "defer func",
            "recover()",
            "gareas(shapes",
            "Box[Shape]",
            "range every(shapes)",
            "go func(id int, out chan<- int)",
            "<-c",
        ] {
            assert!(all.contains(needle), "no {needle:?} in 200 programs");
        }
    }
}
