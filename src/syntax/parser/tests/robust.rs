//! Arbitrary input must give `Ok` or `Err`: no panic, no stack overflow, no
//! hang, even on a 2 MB thread stack in an unoptimized build.

use super::super::parse_file;
use super::SAMPLE;

/// Runs `f` on a thread with a 2 MB stack, the default for spawned threads.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    let t = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .unwrap();
    t.join().unwrap();
}

fn assert_too_deep(src: &str) {
    let start: String = src.chars().take(40).collect();
    match parse_file(src.as_bytes()) {
        Err(e) => assert!(e.msg.contains("nesting too deep"), "{e} for {start:?}"),
        Ok(_) => panic!("accepted {start:?}"),
    }
}

#[test]
fn deep_parens_and_braces() {
    on_small_stack(|| {
        let n = 100_000;
        assert_too_deep(&format!("package p\nvar x = {}", "(".repeat(n)));
        assert_too_deep(&format!("package p\nfunc f() {}", "{".repeat(n)));
        let e = parse_file(format!("package p\n{}", "{".repeat(n)).as_bytes()).unwrap_err();
        assert_eq!(e.pos.line, 2);
    });
}

#[test]
fn deep_nesting_of_every_kind() {
    // (prefix, repeated part, suffix); each nests one more level per repetition.
    let cases: &[(&str, &str, &str)] = &[
        ("var x = ", "- ", "1"),
        ("var x = ", "*", "p"),
        ("var x = ", "& ", "v"),
        ("var x = ", "f(", ""),
        ("var x = ", "a[", ""),
        ("var x = ", "a[1:", ""),
        ("var x = ", "a || b && c == d + e * (", ""),
        ("var x = ", "T{", ""),
        ("var x = ", "[]T{{", ""),
        ("var x = ", "x.([", ""),
        ("var x = ", "func() int { return ", ""),
        ("var x = ", "a + ", "a"),
        ("var x = ", "a.", "b"),
        ("var x = f", "()", ""),
        ("var x = a", "[0]", ""),
        ("var x ", "*", "int"),
        ("var x ", "[]", "int"),
        ("var x ", "[2]", "int"),
        ("var x ", "map[int]", "int"),
        ("var x ", "func() ", "int"),
        ("var x ", "func(*", "int"),
        ("var x ", "struct { x ", "int"),
        ("var x ", "interface { M(", ""),
        ("var x ", "[len([", ""),
        ("var x ", "(", "int"),
        ("func f() { ", "{", ""),
        ("func f() { ", "if x { ", ""),
        ("func f() { ", "if x {} else ", "{}"),
        ("func f() { ", "for { ", ""),
        ("func f() { ", "for range x { ", ""),
        ("func f() { ", "switch { case 1: ", ""),
        ("func f() { ", "switch x.(type) { default: ", ""),
        ("func f() { ", "L: ", "x++"),
        ("func f() { ", "func() { ", ""),
        ("func f() { ", "x = func() { ", ""),
        ("func f() { ", "defer func() { ", ""),
        ("func f() { ", "var x = func() { ", ""),
        ("func f() { type T ", "struct{ f func() ", "int"),
        ("func f() { ", "switch x := g(func() { ", ""),
        ("func f() { ", "if x := (func() { ", ""),
        ("func f() { ", "for i := range func() []int { ", ""),
        ("func f() { ", "return func() { ", ""),
    ];
    for &(prefix, rep, suffix) in cases {
        on_small_stack(move || {
            let src = format!("package p\n{prefix}{}{suffix}", rep.repeat(100_000));
            assert_too_deep(&src);
        });
    }
}

#[test]
fn every_prefix_of_a_program() {
    on_small_stack(|| {
        assert!(parse_file(SAMPLE.as_bytes()).is_ok());
        for n in 0..SAMPLE.len() {
            let _ = parse_file(&SAMPLE.as_bytes()[..n]);
        }
    });
}

/// A small linear congruential generator: deterministic, no dependencies.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as u32
    }

    fn below(&mut self, n: usize) -> usize {
        self.next() as usize % n
    }
}

#[test]
fn random_bytes() {
    on_small_stack(|| {
        let mut rng = Lcg(42);
        for _ in 0..3000 {
            let len = rng.below(300);
            let mut src = b"package p\n".to_vec();
            src.extend((0..len).map(|_| rng.next() as u8));
            let _ = parse_file(&src);
        }
    });
}

#[test]
fn random_token_soup() {
    // Random sequences of Go tokens reach much deeper into the grammar than
    // random bytes do.
    const WORDS: &[&str] = &[
        "x",
        "T",
        "_",
        "1",
        "0x1p-2",
        "1.5",
        "'a'",
        "\"s\"",
        "`r`",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ",",
        ";",
        "\n",
        ".",
        "...",
        ":",
        ":=",
        "=",
        "+=",
        "++",
        "+",
        "-",
        "*",
        "&",
        "&^",
        "|",
        "^",
        "!",
        "<-",
        "~",
        "==",
        "<",
        "&&",
        "||",
        "break",
        "case",
        "chan",
        "const",
        "continue",
        "default",
        "defer",
        "else",
        "fallthrough",
        "for",
        "func",
        "go",
        "goto",
        "if",
        "import",
        "interface",
        "map",
        "package",
        "range",
        "return",
        "select",
        "struct",
        "switch",
        "type",
        "var",
        ".(type)",
        "1i",
        "/* c */",
        "// c\n",
    ];
    on_small_stack(|| {
        let mut rng = Lcg(7);
        for _ in 0..4000 {
            let mut src = String::from("package p\n");
            if rng.below(2) == 0 {
                src.push_str("func f() {\n");
            }
            for _ in 0..rng.below(60) {
                src.push_str(WORDS[rng.below(WORDS.len())]);
                src.push(' ');
            }
            let _ = parse_file(src.as_bytes());
        }
    });
}

#[test]
fn mutated_program() {
    on_small_stack(|| {
        let mut rng = Lcg(1234);
        let base = SAMPLE.as_bytes();
        for _ in 0..1500 {
            let mut src = base.to_vec();
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(src.len());
                match rng.below(3) {
                    0 => {
                        let bytes = b"(){}[];,.:=\n\"'`*&x1";
                        src[i] = bytes[rng.below(bytes.len())];
                    }
                    1 => {
                        src.remove(i);
                    }
                    _ => src.insert(i, rng.next() as u8),
                }
            }
            let _ = parse_file(&src);
        }
    });
}
