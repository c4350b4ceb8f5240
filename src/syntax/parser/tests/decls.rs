//! Declarations: package and imports, const groups with implicit
//! repetition, var and type specs, functions, methods and parameter lists.

use super::{parse_ok, pos, SAMPLE, TRICKY};
use crate::syntax::ast::{
    ArrayLen, ConstSpec, Decl, ExprKind, File, FuncDecl, FuncType, InterfaceElem,
};
use crate::syntax::parser::expr_string;

fn funcs(f: &File) -> Vec<&FuncDecl> {
    f.decls
        .iter()
        .filter_map(|d| if let Decl::Func(f) = d { Some(f) } else { None })
        .collect()
}

fn sig(src: &str) -> FuncType {
    let f = parse_ok(&format!("package p\nfunc f{src}"));
    funcs(&f)[0].ty.clone()
}

/// Parameters as `name type` strings, `...` marking variadic ones.
fn params(ty: &FuncType) -> (Vec<String>, Vec<String>) {
    let show = |ps: &[crate::syntax::ast::Param]| {
        ps.iter()
            .map(|p| {
                let name = p.name.as_ref().map_or("_".to_string(), |n| n.name.clone());
                let dots = if p.variadic { "..." } else { "" };
                format!("{name} {dots}{}", expr_string(&p.ty))
            })
            .collect::<Vec<_>>()
    };
    (show(&ty.params), show(&ty.results))
}

#[test]
fn package_and_imports() {
    let f = parse_ok(
        "package main\n\nimport \"fmt\"\nimport (\n\tf \"fmt\"\n\t. \"errors\"\n\t\"strings\"\n)\n",
    );
    assert_eq!(
        (f.package.name.as_str(), f.package.pos),
        ("main", pos(1, 9))
    );
    let imports: Vec<(String, Option<String>)> = f
        .imports
        .iter()
        .map(|i| (i.path.clone(), i.name.as_ref().map(|n| n.name.clone())))
        .collect();
    assert_eq!(
        imports,
        [
            ("fmt".into(), None),
            ("fmt".into(), Some("f".into())),
            ("errors".into(), Some(".".into())),
            ("strings".into(), None)
        ]
    );
    assert_eq!(
        (f.imports[0].pos, f.imports[0].path_pos),
        (pos(3, 8), pos(3, 8))
    );
    assert_eq!(
        (f.imports[1].pos, f.imports[1].path_pos),
        (pos(5, 2), pos(5, 4))
    );
    assert!(f.decls.is_empty());
}

#[test]
fn const_groups_repeat_implicitly() {
    let f = parse_ok("package p\nconst (\n\tA Kind = iota\n\tB\n\t_\n\tD, E = iota * 10, iota\n\tF, G\n)\nconst X = 1\n");
    let Decl::Const(specs) = &f.decls[0] else {
        panic!()
    };
    let show = |s: &ConstSpec| {
        let names: Vec<&str> = s.names.iter().map(|n| n.name.as_str()).collect();
        let values: Vec<String> = s.values.iter().map(expr_string).collect();
        let ty = s.ty.as_ref().map(expr_string);
        (names.join(","), ty, values.join(","), s.iota, s.implicit)
    };
    let got: Vec<_> = specs.iter().map(show).collect();
    let kind = Some("Kind".to_string());
    assert_eq!(
        got,
        [
            ("A".into(), kind.clone(), "iota".into(), 0, false),
            ("B".into(), kind.clone(), "iota".into(), 1, true),
            ("_".into(), kind, "iota".into(), 2, true),
            ("D,E".into(), None, "iota * 10,iota".into(), 3, false),
            ("F,G".into(), None, "iota * 10,iota".into(), 4, true),
        ]
    );
    assert_eq!(specs[1].pos, pos(4, 2));
    let Decl::Const(single) = &f.decls[1] else {
        panic!()
    };
    assert_eq!(
        (single.len(), single[0].iota, single[0].implicit),
        (1, 0, false)
    );
    // Nothing to repeat: left empty for the checker to reject.
    let f = parse_ok("package p\nconst (\n\tA\n)\n");
    let Decl::Const(specs) = &f.decls[0] else {
        panic!()
    };
    assert!(specs[0].values.is_empty() && !specs[0].implicit);
}

#[test]
fn var_and_type_specs() {
    let f = parse_ok("package p\nvar (\n\ta int\n\tb, c = 1, 2\n\td []string = nil\n)\ntype (\n\tT struct{}\n\tA = T\n\tL [4]int\n\tS []T\n\tE [...]int\n\tN [K * 2]int\n)\n");
    let Decl::Var(vars) = &f.decls[0] else {
        panic!()
    };
    assert_eq!(vars.len(), 3);
    assert!(vars[0].ty.is_some() && vars[0].values.is_empty());
    assert!(vars[1].ty.is_none() && vars[1].values.len() == 2 && vars[1].names.len() == 2);
    let Decl::Type(types) = &f.decls[1] else {
        panic!()
    };
    let got: Vec<(String, bool, String)> = types
        .iter()
        .map(|t| (t.name.name.clone(), t.alias, expr_string(&t.ty)))
        .collect();
    assert_eq!(
        got,
        [
            ("T".into(), false, "struct{}".into()),
            ("A".into(), true, "T".into()),
            ("L".into(), false, "[4]int".into()),
            ("S".into(), false, "[]T".into()),
            ("E".into(), false, "[...]int".into()),
            ("N".into(), false, "[K * 2]int".into()),
        ]
    );
    assert!(matches!(
        &types[3].ty.kind,
        ExprKind::ArrayType {
            len: ArrayLen::Slice,
            ..
        }
    ));
}

#[test]
fn grouped_and_unnamed_parameters() {
    assert_eq!(
        params(&sig("(a, b int, c string)")).0,
        ["a int", "b int", "c string"]
    );
    assert_eq!(
        params(&sig("(int, string) bool")),
        (
            vec!["_ int".into(), "_ string".into()],
            vec!["_ bool".into()]
        )
    );
    assert_eq!(params(&sig("(a, b)")).0, ["_ a", "_ b"]);
    assert_eq!(
        params(&sig("(p.T, []int, *q.U)")).0,
        ["_ p.T", "_ []int", "_ *q.U"]
    );
    assert_eq!(params(&sig("(a [3]int, b []T)")).0, ["a [3]int", "b []T"]);
    assert_eq!(
        params(&sig("(format string, args ...any)")).0,
        ["format string", "args ...any"]
    );
    assert_eq!(params(&sig("(...int)")).0, ["_ ...int"]);
    assert_eq!(
        params(&sig("(f func(int) int, x int,)")).0,
        ["f func(int) int", "x int"]
    );
    assert_eq!(
        params(&sig("() (n int, err error)")).1,
        ["n int", "err error"]
    );
    assert_eq!(params(&sig("() (int, error)")).1, ["_ int", "_ error"]);
    assert_eq!(
        params(&sig("() (x, y float64)")).1,
        ["x float64", "y float64"]
    );
    assert_eq!(params(&sig("() func() int")).1, ["_ func() int"]);
    assert_eq!(params(&sig("()")), (vec![], vec![]));
    // Grouped names share a clone of the type.
    let t = sig("(a, b int)");
    assert_eq!(t.params[0].ty.pos, t.params[1].ty.pos);
    assert_eq!(t.pos, pos(2, 1));
}

#[test]
fn methods_and_receivers() {
    let f = parse_ok("package p\nfunc (c *Counter) Inc() {}\nfunc (T) M() int { return 0 }\nfunc (_ T) N()\nfunc F()\n");
    let fs = funcs(&f);
    let recv = |i: usize| {
        let r = fs[i].recv.as_ref().unwrap();
        (r.name.as_ref().map(|n| n.name.clone()), expr_string(&r.ty))
    };
    assert_eq!(recv(0), (Some("c".into()), "*Counter".into()));
    assert_eq!(recv(1), (None, "T".into()));
    assert_eq!(recv(2), (Some("_".into()), "T".into()));
    assert!(fs[3].recv.is_none() && fs[3].body.is_none());
    assert_eq!(
        (fs[0].pos, fs[0].name.pos, fs[0].ty.pos),
        (pos(2, 1), pos(2, 19), pos(2, 1))
    );
    assert_eq!(fs[0].body.as_ref().unwrap().lbrace, pos(2, 25));
}

#[test]
fn struct_types() {
    let f = parse_ok("package p\ntype T struct {\n\ta, b int `tag`\n\tU\n\t*V\n\tpkg.W\n\t*pkg.X \"t\"\n\tf func()\n}\n");
    let Decl::Type(ts) = &f.decls[0] else {
        panic!()
    };
    let ExprKind::StructType(fields) = &ts[0].ty.kind else {
        panic!()
    };
    let got: Vec<(Vec<String>, String, bool)> = fields
        .iter()
        .map(|fd| {
            (
                fd.names.iter().map(|n| n.name.clone()).collect(),
                expr_string(&fd.ty),
                fd.embedded,
            )
        })
        .collect();
    let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        got,
        [
            (names(&["a", "b"]), "int".into(), false),
            (vec![], "U".into(), true),
            (vec![], "*V".into(), true),
            (vec![], "pkg.W".into(), true),
            (vec![], "*pkg.X".into(), true),
            (names(&["f"]), "func()".into(), false),
        ]
    );
    assert_eq!((fields[0].pos, fields[2].pos), (pos(3, 2), pos(5, 2)));
}

#[test]
fn interface_types() {
    let f = parse_ok("package p\ntype I interface {\n\tArea() float64\n\tScale(f float64) (I, error)\n\tShape\n\tfmt.Stringer\n\terror\n}\n");
    let Decl::Type(ts) = &f.decls[0] else {
        panic!()
    };
    let ExprKind::InterfaceType(elems) = &ts[0].ty.kind else {
        panic!()
    };
    assert_eq!(elems.len(), 5);
    let InterfaceElem::Method { name, ty } = &elems[0] else {
        panic!()
    };
    assert_eq!(
        (name.name.as_str(), ty.pos, ty.results.len()),
        ("Area", pos(3, 6), 1)
    );
    let InterfaceElem::Method { ty, .. } = &elems[1] else {
        panic!()
    };
    assert_eq!(
        params(ty),
        (
            vec!["f float64".into()],
            vec!["_ I".into(), "_ error".into()]
        )
    );
    let embedded: Vec<String> = elems[2..]
        .iter()
        .map(|e| match e {
            InterfaceElem::Embedded(t) => expr_string(t),
            m => panic!("{m:?}"),
        })
        .collect();
    assert_eq!(embedded, ["Shape", "fmt.Stringer", "error"]);
}

#[test]
fn sample_programs() {
    let f = parse_ok(SAMPLE);
    assert_eq!(f.imports.len(), 2);
    assert_eq!(funcs(&f).len(), 7);
    let f = parse_ok(TRICKY);
    assert_eq!(funcs(&f).len(), 4);
}

#[test]
fn type_parameters_and_instances() {
    let ty = sig("[K comparable, V any, N ~int | ~float64](m map[K]V) N");
    let tp: Vec<String> = ty
        .tparams
        .iter()
        .map(|p| format!("{} {}", p.name.as_ref().unwrap().name, expr_string(&p.ty)))
        .collect();
    assert_eq!(tp, ["K comparable", "V any", "N ~int | ~float64"]);
    let f = parse_ok("package p\ntype Pair[A, B any] struct{ a A; b B }\nvar x = f[int, Pair[string, bool]](1)\nvar l = List[int]{}\n");
    let Decl::Type(specs) = &f.decls[0] else {
        panic!("a type")
    };
    assert_eq!(specs[0].tparams.len(), 2);
    let Decl::Var(vs) = &f.decls[1] else {
        panic!("a var")
    };
    let ExprKind::Call { fun, .. } = &vs[0].values[0].kind else {
        panic!("a call")
    };
    let ExprKind::Instance(_, args) = &fun.kind else {
        panic!("an instance: {fun:?}")
    };
    assert_eq!(args.len(), 2);
    assert_eq!(expr_string(fun), "f[int, Pair[string, bool]]");
    let Decl::Var(vs) = &f.decls[2] else {
        panic!("a var")
    };
    assert!(matches!(
        vs[0].values[0].kind,
        ExprKind::CompositeLit { .. }
    ));
    // A method's receiver names its type's parameters.
    let f = parse_ok("package p\nfunc (s *Stack[T]) Push(x T) {}\n");
    assert_eq!(
        expr_string(&funcs(&f)[0].recv.as_ref().unwrap().ty),
        "*Stack[T]"
    );
}
