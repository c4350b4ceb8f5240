//! The standard library pgojit embeds: Go source this project writes
//! (`stdlib/<import path>/*.go`), compiled by the front end like user
//! code, with functions declared without a body where Go itself uses
//! assembly or the runtime (those are Rust natives, `types::Native`).

/// One embedded source file.
pub struct StdFile {
    pub name: &'static str,
    pub src: &'static str,
}

/// One embedded package.
pub struct StdPackage {
    pub path: &'static str,
    /// Its package name (`rand` for `math/rand/v2`).
    pub name: &'static str,
    pub files: &'static [StdFile],
}

macro_rules! std_files {
    ($path:literal: $($f:literal),*) => {
        &[$(StdFile { name: $f, src: include_str!(concat!("../../stdlib/", $path, "/", $f)) }),*]
    };
}

/// Every package a program may import.
pub static PACKAGES: &[StdPackage] = &[
    StdPackage {
        path: "bufio",
        name: "bufio",
        files: std_files!("bufio": "bufio.go", "scan.go"),
    },
    StdPackage {
        path: "bytes",
        name: "bytes",
        files: std_files!("bytes": "buffer.go", "bytes.go", "iter.go"),
    },
    StdPackage {
        path: "cmp",
        name: "cmp",
        files: std_files!("cmp": "cmp.go"),
    },
    StdPackage {
        path: "container/heap",
        name: "heap",
        files: std_files!("container/heap": "heap.go"),
    },
    StdPackage {
        path: "container/list",
        name: "list",
        files: std_files!("container/list": "list.go"),
    },
    StdPackage {
        path: "errors",
        name: "errors",
        files: std_files!("errors": "errors.go"),
    },
    StdPackage {
        path: "flag",
        name: "flag",
        files: std_files!("flag": "flag.go"),
    },
    StdPackage {
        path: "fmt",
        name: "fmt",
        files: std_files!("fmt": "print.go", "scan.go"),
    },
    StdPackage {
        path: "io",
        name: "io",
        files: std_files!("io": "io.go"),
    },
    StdPackage {
        path: "iter",
        name: "iter",
        files: std_files!("iter": "iter.go"),
    },
    StdPackage {
        path: "log",
        name: "log",
        files: std_files!("log": "log.go"),
    },
    StdPackage {
        path: "maps",
        name: "maps",
        files: std_files!("maps": "maps.go"),
    },
    StdPackage {
        path: "math",
        name: "math",
        files: std_files!(
            "math": "atan.go", "bits.go", "const.go", "erf.go", "erfinv.go", "exp.go", "floor.go", "frexp.go",
            "gamma.go", "lgamma.go", "log.go", "mod.go", "pow.go", "root.go", "sin.go", "sinh.go"
        ),
    },
    StdPackage {
        path: "math/bits",
        name: "bits",
        files: std_files!("math/bits": "bits.go"),
    },
    StdPackage {
        path: "math/rand",
        name: "rand",
        files: std_files!("math/rand": "normal.go", "rand.go", "rng.go", "tables.go", "zipf.go"),
    },
    StdPackage {
        path: "math/rand/v2",
        name: "rand",
        files: std_files!("math/rand/v2": "chacha8.go", "normal.go", "pcg.go", "rand.go", "tables.go", "zipf.go"),
    },
    StdPackage {
        path: "os",
        name: "os",
        files: std_files!("os": "os.go"),
    },
    StdPackage {
        path: "runtime",
        name: "runtime",
        files: std_files!("runtime": "runtime.go"),
    },
    StdPackage {
        path: "slices",
        name: "slices",
        files: std_files!("slices": "iter.go", "pdqsort_cmpfunc.go", "pdqsort_ordered.go", "slices.go", "sort.go"),
    },
    StdPackage {
        path: "sort",
        name: "sort",
        files: std_files!("sort": "pdqsort.go", "pdqsort_func.go", "search.go", "slice.go", "sort.go"),
    },
    StdPackage {
        path: "strconv",
        name: "strconv",
        files: std_files!("strconv": "strconv.go", "unquote.go"),
    },
    StdPackage {
        path: "strings",
        name: "strings",
        files: std_files!("strings": "builder.go", "iter.go", "reader.go", "replace.go", "strings.go"),
    },
    StdPackage {
        path: "sync",
        name: "sync",
        files: std_files!("sync": "sync.go"),
    },
    StdPackage {
        path: "sync/atomic",
        name: "atomic",
        files: std_files!("sync/atomic": "atomic.go"),
    },
    StdPackage {
        path: "time",
        name: "time",
        files: std_files!("time": "format.go", "instant.go", "parse.go", "sleep.go", "time.go"),
    },
    StdPackage {
        path: "unicode",
        name: "unicode",
        files: std_files!("unicode": "unicode.go"),
    },
    StdPackage {
        path: "unicode/utf8",
        name: "utf8",
        files: std_files!("unicode/utf8": "utf8.go"),
    },
];

/// The package of import path `path`.
pub fn package(path: &str) -> Option<&'static StdPackage> {
    PACKAGES.iter().find(|p| p.path == path)
}

#[cfg(test)]
mod tests {
    use super::PACKAGES;

    /// Every `stdlib/` file is embedded, and only those.
    #[test]
    fn every_source_file_is_listed() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("stdlib");
        let mut on_disk = Vec::new();
        let mut stack = vec![root.clone()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).expect("stdlib/") {
                let p = e.expect("entry").path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "go") {
                    let rel = p.strip_prefix(&root).expect("under stdlib/");
                    on_disk.push(rel.display().to_string());
                }
            }
        }
        on_disk.sort();
        let mut listed: Vec<String> = PACKAGES
            .iter()
            .flat_map(|p| {
                p.files
                    .iter()
                    .map(move |f| format!("{}/{}", p.path, f.name))
            })
            .collect();
        listed.sort();
        assert_eq!(on_disk, listed);
    }
}
