//! From a file or a module directory to a program's [`Source`]: the
//! packages it imports found (the module's own under its `go.mod` path,
//! the standard library from the Go source embedded in the binary,
//! [`stdlib`]), parsed with node ids unique among them, and ordered as
//! Go initializes them.
//!
//! Only the packages a program reaches are read and parsed: `hello world`
//! with `fmt` parses one file.

pub mod stdlib;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::{Path, PathBuf};

use crate::diag::CompileError;
use crate::syntax::ast::{File, PackageSrc, Pos, Source, SourceFile};

/// Why a program could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// A file, directory or `go.mod` that could not be read or used.
    Io(String),
    /// A syntax error, or an import that cannot be satisfied, with the
    /// names of the files read so far (positions refer to them).
    Compile(CompileError, Vec<String>),
}

impl LoadError {
    /// As `go build` prints it.
    pub fn render(&self) -> String {
        match self {
            LoadError::Io(m) => m.clone(),
            LoadError::Compile(e, names) => e.render_in(names),
        }
    }
}

/// Where the packages of a module live: its root and module path.
struct Module {
    root: PathBuf,
    path: String,
}

/// A package found and parsed, before ordering.
struct Found {
    path: String,
    name: String,
    /// File ids, by file name.
    files: Vec<u16>,
    std: bool,
    /// Import paths, in order of first appearance.
    imports: Vec<String>,
}

struct Loader {
    files: Vec<(String, File)>,
    pkgs: Vec<Found>,
    by_path: HashMap<String, usize>,
    next_node: u32,
    module: Option<Module>,
}

/// Loads the program of one file (`pgojit run prog.go`): package `main`
/// in `src`, and the standard-library packages it imports.
pub fn load_file(name: &str, src: Vec<u8>) -> Result<Source, LoadError> {
    let mut l = Loader::new(None);
    let f = l.parse(name.to_string(), src)?;
    l.add_main(vec![f])?;
    l.finish()
}

/// Loads the main package in directory `dir` (`pgojit run DIR`, as
/// `go run DIR`): its `.go` files (not `_test.go`), the packages of the
/// module (the `go.mod` in `dir` or a parent) it imports, and the
/// standard-library packages.
pub fn load_dir(dir: &Path) -> Result<Source, LoadError> {
    let module = find_module(dir)?;
    let mut l = Loader::new(module);
    let files = l.read_dir(dir, &display_dir(dir))?;
    if files.is_empty() {
        return Err(LoadError::Io(format!("no Go files in {}", dir.display())));
    }
    l.add_main(files)?;
    l.finish()
}

/// How files of a directory are named in messages: relative to the
/// working directory where possible (`./main.go`, `geom/shape.go`).
fn display_dir(dir: &Path) -> String {
    let s = dir.display().to_string();
    if s.is_empty() {
        ".".into()
    } else {
        s.trim_end_matches('/').to_string()
    }
}

/// The `go.mod` of `dir` or its nearest parent that has one.
fn find_module(dir: &Path) -> Result<Option<Module>, LoadError> {
    let abs =
        std::path::absolute(dir).map_err(|e| LoadError::Io(format!("{}: {e}", dir.display())))?;
    let mut at: Option<&Path> = Some(&abs);
    while let Some(d) = at {
        let gomod = d.join("go.mod");
        if let Ok(text) = std::fs::read_to_string(&gomod) {
            let path = text
                .lines()
                .map(|l| l.split("//").next().unwrap_or("").trim())
                .find_map(|l| l.strip_prefix("module"))
                .map(|p| p.trim().trim_matches('"').to_string())
                .filter(|p| !p.is_empty())
                .ok_or_else(|| {
                    LoadError::Io(format!(
                        "{}: no module declaration in go.mod",
                        gomod.display()
                    ))
                })?;
            return Ok(Some(Module {
                root: d.to_path_buf(),
                path,
            }));
        }
        at = d.parent();
    }
    Ok(None)
}

impl Loader {
    fn new(module: Option<Module>) -> Loader {
        Loader {
            files: Vec::new(),
            pkgs: Vec::new(),
            by_path: HashMap::default(),
            next_node: 0,
            module,
        }
    }

    fn names(&self) -> Vec<String> {
        self.files.iter().map(|f| f.0.clone()).collect()
    }

    fn error(&self, e: CompileError) -> LoadError {
        LoadError::Compile(e, self.names())
    }

    /// Parses a file as the next file id.
    fn parse(&mut self, name: String, src: Vec<u8>) -> Result<u16, LoadError> {
        let id = u16::try_from(self.files.len())
            .map_err(|_| LoadError::Io("pgojit: too many source files".into()))?;
        let f = match crate::syntax::parser::parse_unit(&src, self.next_node, id) {
            Ok(f) => f,
            Err(e) => {
                let mut names = self.names();
                names.push(name);
                return Err(LoadError::Compile(e, names));
            }
        };
        self.next_node = f.node_count;
        self.files.push((name, f));
        Ok(id)
    }

    /// The `.go` files of a directory but tests, parsed in name order.
    fn read_dir(&mut self, dir: &Path, shown: &str) -> Result<Vec<u16>, LoadError> {
        let rd =
            std::fs::read_dir(dir).map_err(|e| LoadError::Io(format!("{}: {e}", dir.display())))?;
        let mut names: Vec<String> = rd
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| {
                n.ends_with(".go") && !n.ends_with("_test.go") && !n.starts_with(['.', '_'])
            })
            .collect();
        names.sort();
        let mut ids = Vec::new();
        for n in names {
            let p = dir.join(&n);
            let src = std::fs::read(&p)
                .map_err(|e| LoadError::Io(format!("pgojit: {}: {e}", p.display())))?;
            ids.push(self.parse(format!("{shown}/{n}"), src)?);
        }
        Ok(ids)
    }

    fn add_main(&mut self, files: Vec<u16>) -> Result<(), LoadError> {
        let main = self.add_pkg("main".into(), files, false)?;
        self.imports_of(main)
    }

    /// Records a package of parsed files; its name is its first file's.
    fn add_pkg(&mut self, path: String, files: Vec<u16>, std: bool) -> Result<usize, LoadError> {
        let mut imports = Vec::new();
        for &f in &files {
            for imp in &self.files[f as usize].1.imports {
                if !imports.contains(&imp.path) {
                    imports.push(imp.path.clone());
                }
            }
        }
        let name = self.files[files[0] as usize].1.package.name.clone();
        let i = self.pkgs.len();
        self.by_path.insert(path.clone(), i);
        self.pkgs.push(Found {
            path,
            name,
            files,
            std,
            imports,
        });
        Ok(i)
    }

    /// Finds (depth first) every package package `p` imports.
    fn imports_of(&mut self, p: usize) -> Result<(), LoadError> {
        let files = self.pkgs[p].files.clone();
        for f in files {
            let imps: Vec<(String, Pos)> = self.files[f as usize]
                .1
                .imports
                .iter()
                .map(|i| (i.path.clone(), i.path_pos))
                .collect();
            for (path, pos) in imps {
                if self.by_path.contains_key(&path) {
                    continue;
                }
                let q = self.find(&path, pos)?;
                self.imports_of(q)?;
            }
        }
        Ok(())
    }

    /// Reads and parses the package of import path `path`.
    fn find(&mut self, path: &str, pos: Pos) -> Result<usize, LoadError> {
        if let Some(m) = &self.module {
            let rest = if path == m.path {
                Some("")
            } else {
                path.strip_prefix(&m.path).and_then(|r| r.strip_prefix('/'))
            };
            if let Some(rest) = rest {
                let dir = m.root.join(rest);
                let shown = relative_to_cwd(&dir);
                let files = if dir.is_dir() {
                    self.read_dir(&dir, &shown)?
                } else {
                    Vec::new()
                };
                if files.is_empty() {
                    return Err(self.error(CompileError::new(
                        pos,
                        format!("package {path} is not in std (no Go files in {shown})"),
                    )));
                }
                return self.add_pkg(path.to_string(), files, false);
            }
        }
        let Some(std) = stdlib::package(path) else {
            return Err(self.error(CompileError::unsupported(pos, format!("import \"{path}\""))));
        };
        let mut files = Vec::new();
        for f in std.files {
            files.push(self.parse(
                format!("$GOROOT/src/{path}/{}", f.name),
                f.src.as_bytes().to_vec(),
            )?);
        }
        if files.is_empty() {
            // A package of natives only (its functions are the runtime's).
            let i = self.pkgs.len();
            self.by_path.insert(path.to_string(), i);
            self.pkgs.push(Found {
                path: path.to_string(),
                name: std.name.to_string(),
                files,
                std: true,
                imports: Vec::new(),
            });
            return Ok(i);
        }
        self.add_pkg(path.to_string(), files, true)
    }

    /// Orders the packages as Go (1.21 on) initializes them: repeatedly the
    /// first by import path of those whose imports are all initialized
    /// (`main`, which reaches every other, comes last), and merges their
    /// declarations in that order, a package's files by name.
    fn finish(self) -> Result<Source, LoadError> {
        let n = self.pkgs.len();
        let mut done = vec![false; n];
        let mut order = Vec::new();
        while order.len() < n {
            let ready = (0..n)
                .filter(|&p| !done[p])
                .filter(|&p| {
                    self.pkgs[p]
                        .imports
                        .iter()
                        .all(|i| self.by_path.get(i).is_some_and(|&q| done[q]))
                })
                .min_by(|&a, &b| {
                    // (`main` is never first among several.)
                    (a == 0, &self.pkgs[a].path).cmp(&(b == 0, &self.pkgs[b].path))
                });
            let Some(p) = ready else {
                let cyc = self.cycle(&done);
                return Err(LoadError::Io(cyc));
            };
            done[p] = true;
            order.push(p);
        }
        let names = self.names();
        let mut files: Vec<Option<SourceFile>> = (0..self.files.len()).map(|_| None).collect();
        let mut decls = Vec::new();
        let mut pkgs = Vec::new();
        let mut parsed: Vec<Option<File>> = self.files.into_iter().map(|f| Some(f.1)).collect();
        // Declarations: the main package's first (its functions get the
        // first ids, as a program of one file had them), then the others
        // in initialization order; `pkgs` keeps that order (`main` last).
        let main_k = order.len() - 1;
        let decl_order = std::iter::once(main_k).chain(0..main_k);
        let mut pkg_files = vec![Vec::new(); order.len()];
        for k in decl_order {
            let fp = &self.pkgs[order[k]];
            let mut ids = fp.files.clone();
            ids.sort_by(|a, b| names[*a as usize].cmp(&names[*b as usize]));
            pkg_files[k] = ids.clone();
            for &id in &ids {
                let f = parsed[id as usize].take().expect("each file once");
                let start = decls.len();
                decls.extend(f.decls);
                files[id as usize] = Some(SourceFile {
                    name: names[id as usize].clone(),
                    pkg: k,
                    package: f.package,
                    imports: f.imports,
                    src: f.src,
                    decls: start..decls.len(),
                });
            }
        }
        for (k, &p) in order.iter().enumerate() {
            let fp = &self.pkgs[p];
            pkgs.push(PackageSrc {
                path: fp.path.clone(),
                name: fp.name.clone(),
                files: std::mem::take(&mut pkg_files[k]),
                std: fp.std,
            });
        }
        Ok(Source {
            files: files
                .into_iter()
                .map(|f| f.expect("every file placed"))
                .collect(),
            pkgs,
            decls,
            node_count: self.next_node,
        })
    }

    /// Go's message for an import cycle among the packages not done.
    fn cycle(&self, done: &[bool]) -> String {
        // Follow not-done imports from a package not done until one repeats.
        let start = (0..done.len()).find(|&p| !done[p]).unwrap_or(0);
        let mut path = vec![start];
        let mut seen = HashSet::default();
        let mut at = start;
        while seen.insert(at) {
            let next = self.pkgs[at]
                .imports
                .iter()
                .filter_map(|i| self.by_path.get(i).copied())
                .find(|&q| !done[q]);
            match next {
                Some(q) => {
                    path.push(q);
                    at = q;
                }
                None => break,
            }
        }
        let from = path.iter().position(|&p| p == at).unwrap_or(0);
        let names: Vec<&str> = path[from..]
            .iter()
            .map(|&p| self.pkgs[p].path.as_str())
            .collect();
        format!(
            "package {}: import cycle not allowed",
            names.join("\n\timports ")
        )
    }
}

fn relative_to_cwd(dir: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    match cwd.as_deref().and_then(|c| dir.strip_prefix(c).ok()) {
        Some(r) if r.as_os_str().is_empty() => ".".into(),
        Some(r) => format!("./{}", r.display()),
        None => dir.display().to_string(),
    }
}
