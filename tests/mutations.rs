//! Hostile input, bounded: every program of tests/programs is mutated a few
//! ways (a line deleted or duplicated, a byte dropped, a token inserted),
//! deterministically, and `pgojit run` must end with exit 0, 1 or 2 (or be
//! killed for looping, which a mutated program may rightly do), never crash
//! or panic (exit 3, or a signal).

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

const TOKENS: &[&str] = &[
    "nil",
    "0",
    "x",
    "\"s\"",
    "1.5",
    "&x",
    "*p",
    "len",
    ".(int)",
    "()",
    "[]int{}",
    "struct{}{}",
    "any(1)",
    "{",
    "}",
    "func",
];

fn mutate(src: &str, rng: &mut Lcg) -> String {
    let mut lines: Vec<String> = src.lines().map(String::from).collect();
    let i = rng.next(lines.len());
    match rng.next(4) {
        0 => {
            lines.remove(i);
        }
        1 => {
            let j = rng.next(lines.len());
            let l = lines[j].clone();
            lines.insert(i, l);
        }
        2 if !lines[i].is_empty() => {
            let mut b = lines[i].clone().into_bytes();
            b.remove(rng.next(b.len()));
            lines[i] = String::from_utf8_lossy(&b).into_owned();
        }
        _ => {
            let l = &lines[i];
            let mut cut = rng.next(l.len() + 1);
            while !l.is_char_boundary(cut) {
                cut -= 1;
            }
            lines[i] = format!(
                "{}{}{}",
                &l[..cut],
                TOKENS[rng.next(TOKENS.len())],
                &l[cut..]
            );
        }
    }
    lines.join("\n")
}

/// Runs pgojit on `path`; `None` if it was killed for running too long.
fn run(path: &Path) -> Option<Option<i32>> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pgojit"))
        .args(["run", path.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pgojit starts");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return Some(status.code());
        }
        if start.elapsed() > Duration::from_secs(5) {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn mutated_programs_never_crash_the_tool() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
    let scratch = std::env::temp_dir().join(format!("pgojit-mutations-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let mut rng = Lcg(0x5eed);
    let mut failures = Vec::new();
    let mut runs = 0;
    for f in &files {
        let mut src = String::new();
        std::fs::File::open(f)
            .unwrap()
            .read_to_string(&mut src)
            .unwrap();
        for k in 0..3 {
            let m = mutate(&src, &mut rng);
            let path = scratch.join(format!("m{k}.go"));
            std::fs::write(&path, &m).unwrap();
            runs += 1;
            // (A program that calls os.Exit may end with any code.)
            let exits = m.contains("os.Exit(");
            match run(&path) {
                Some(Some(0..=2)) | None => {}
                Some(Some(_)) if exits => {}
                other => {
                    let keep = scratch.join(format!("crash-{}.go", failures.len()));
                    std::fs::write(&keep, &m).unwrap();
                    failures.push(format!(
                        "{}: mutation {k} ended with {other:?} (kept as {})",
                        f.display(),
                        keep.display()
                    ));
                }
            }
        }
    }
    assert!(runs > 300, "only {runs} runs");
    assert!(
        failures.is_empty(),
        "{} of {runs} mutated programs crashed pgojit:\n{}",
        failures.len(),
        failures.join("\n")
    );
    std::fs::remove_dir_all(&scratch).ok();
}
