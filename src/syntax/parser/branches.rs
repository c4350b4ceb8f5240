//! gc's `checkBranches`, run on each function body as it is parsed: labels
//! defined twice or never used, `break`/`continue` outside a loop or
//! switch or with a label that does not enclose them, misplaced
//! `fallthrough`, and `goto`s to a label not defined, into a block, or
//! forward over a variable declaration of the label's block. gc reports
//! these while parsing, so they come before any type error.

use crate::diag::CompileError;
use crate::syntax::ast::{AssignOp, Block, Decl, ExprKind, Ident, Pos, Stmt, StmtKind};
use rustc_hash::FxHashMap as HashMap;

/// The first branch error in `body` (by position), if any.
pub(super) fn check(body: &Block) -> Option<CompileError> {
    let mut c = Checker {
        labels: Vec::new(),
        by_name: HashMap::default(),
        blocks: Vec::new(),
        errors: Vec::new(),
    };
    // Gotos left unresolved: to a label never defined, or inside a block
    // that does not enclose them.
    for g in c.block(None, Targets::NONE, None, body.lbrace, &body.stmts) {
        match c.by_name.get(&g.name).copied() {
            Some(l) => {
                c.labels[l].used = true;
                let start = c.blocks[c.labels[l].block].start;
                c.err(
                    g.pos,
                    format!("goto {} jumps into block starting at {start}", g.name),
                );
            }
            None => c.err(g.pos, format!("label {} not defined", g.name)),
        }
    }
    for l in &c.labels {
        if !l.used {
            let msg = format!("label {} defined and not used", l.name);
            c.errors.push(CompileError::new(l.pos, msg));
        }
    }
    // gc sorts its errors by position; keep the first reported on ties.
    c.errors
        .into_iter()
        .reduce(|a, b| if b.pos < a.pos { b } else { a })
}

/// What a label labels, as far as `break` and `continue` care.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Loop,
    Switch,
    Other,
}

struct Label {
    name: String,
    pos: Pos,
    kind: Kind,
    used: bool,
    /// The block the labeled statement is in.
    block: usize,
}

struct Blk {
    parent: Option<usize>,
    /// The label of the statement this block belongs to.
    label: Option<usize>,
    start: Pos,
}

/// What unlabeled branches in a block may refer to.
#[derive(Clone, Copy)]
struct Targets {
    breaks: Option<Breakable>,
    continues: bool,
    /// Index of the case clause whose body this is, and the clause count.
    case: Option<(usize, usize)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Breakable {
    Loop,
    Switch,
    TypeSwitch,
    Select,
}

impl Targets {
    const NONE: Targets = Targets {
        breaks: None,
        continues: false,
        case: None,
    };

    fn inner(self) -> Targets {
        Targets { case: None, ..self }
    }
}

/// Where a labeled `break` or `continue` leads.
enum Target {
    Label(usize),
    /// The label exists but does not enclose the statement.
    NotEnclosing,
    Undefined,
}

struct Checker {
    labels: Vec<Label>,
    by_name: HashMap<String, usize>,
    blocks: Vec<Blk>,
    errors: Vec<CompileError>,
}

impl Checker {
    fn err(&mut self, pos: Pos, msg: String) {
        self.errors.push(CompileError::new(pos, msg));
    }

    fn declare(&mut self, label: &Ident, stmt: &Stmt, block: usize) -> usize {
        if let Some(&alt) = self.by_name.get(&label.name) {
            let msg = format!(
                "label {} already defined at {}",
                label.name, self.labels[alt].pos
            );
            self.err(label.pos, msg);
            return alt;
        }
        let kind = match stmt.kind {
            StmtKind::For { .. } | StmtKind::Range { .. } => Kind::Loop,
            StmtKind::Switch { .. } | StmtKind::TypeSwitch { .. } | StmtKind::Select { .. } => {
                Kind::Switch
            }
            _ => Kind::Other,
        };
        let l = self.labels.len();
        self.labels.push(Label {
            name: label.name.clone(),
            pos: label.pos,
            kind,
            used: false,
            block,
        });
        self.by_name.insert(label.name.clone(), l);
        l
    }

    fn enclosing(&mut self, mut b: Option<usize>, name: &str) -> Target {
        let Some(&l) = self.by_name.get(name) else {
            return Target::Undefined;
        };
        // Used, even when not a valid target.
        self.labels[l].used = true;
        while let Some(i) = b {
            if self.blocks[i].label == Some(l) {
                return Target::Label(l);
            }
            b = self.blocks[i].parent;
        }
        Target::NotEnclosing
    }

    /// Checks a block's statements; returns its forward `goto`s not
    /// resolved inside it (they may target a label later in an enclosing
    /// block), as gc's `blockBranches` does.
    fn block(
        &mut self,
        parent: Option<usize>,
        ctxt: Targets,
        label: Option<usize>,
        start: Pos,
        body: &[Stmt],
    ) -> Vec<Ident> {
        let b = self.blocks.len();
        self.blocks.push(Blk {
            parent,
            label,
            start,
        });
        let end = body
            .iter()
            .rposition(|s| !matches!(s.kind, StmtKind::Empty))
            .map_or(0, |i| i + 1);
        let body = &body[..end];
        // Forward gotos not resolved yet, and those of them a variable
        // declaration since then lies between them and their label.
        let mut fwd: Vec<Ident> = Vec::new();
        let mut var_decl: Option<(String, Pos)> = None;
        let mut bad: Vec<Ident> = Vec::new();
        for (index, stmt) in body.iter().enumerate() {
            let mut label = None;
            let mut s = stmt;
            while let StmtKind::Labeled {
                label: l,
                stmt: inner,
            } = &s.kind
            {
                if l.name != "_" {
                    let li = self.declare(l, inner, b);
                    label = Some(li);
                    let (hit, keep): (Vec<Ident>, Vec<Ident>) =
                        fwd.into_iter().partition(|g| g.name == l.name);
                    fwd = keep;
                    for g in hit {
                        self.labels[li].used = true;
                        if let Some((v, at)) = var_decl
                            .clone()
                            .filter(|_| bad.iter().any(|x| x.pos == g.pos))
                        {
                            self.err(
                                g.pos,
                                format!("goto {} jumps over declaration of {v} at {at}", g.name),
                            );
                        }
                    }
                }
                s = inner;
            }
            match &s.kind {
                StmtKind::Goto(l) => {
                    // Backward: a label of this block or an enclosing one.
                    let known = self.by_name.get(&l.name).copied().filter(|&li| {
                        let mut c = Some(b);
                        while let Some(i) = c {
                            if self.labels[li].block == i {
                                return true;
                            }
                            c = self.blocks[i].parent;
                        }
                        false
                    });
                    match known {
                        Some(li) => self.labels[li].used = true,
                        None => fwd.push(l.clone()),
                    }
                }
                StmtKind::Decl(d) => {
                    if let Decl::Var(specs) = &**d {
                        if let Some(n) = specs.first().and_then(|v| v.names.first()) {
                            var_decl = Some((n.name.clone(), n.pos));
                            bad = fwd.clone();
                        }
                    }
                }
                StmtKind::Assign {
                    op: AssignOp::Define,
                    lhs,
                    op_pos,
                    ..
                } => {
                    let name = match lhs.first().map(|e| &e.kind) {
                        Some(ExprKind::Ident(n)) => n.clone(),
                        _ => "_".into(),
                    };
                    var_decl = Some((name, *op_pos));
                    bad = fwd.clone();
                }
                _ => {}
            }
            let last = index + 1 == body.len();
            fwd.extend(self.stmt(b, ctxt, label, s, last));
        }
        fwd
    }

    /// Checks one statement; returns the forward gotos of the blocks in
    /// it that those blocks did not resolve.
    fn stmt(
        &mut self,
        b: usize,
        ctxt: Targets,
        label: Option<usize>,
        s: &Stmt,
        last: bool,
    ) -> Vec<Ident> {
        let mut fwd = Vec::new();
        match &s.kind {
            StmtKind::Break(None) if ctxt.breaks.is_none() => {
                self.err(s.pos, "break is not in a loop, switch, or select".into());
            }
            StmtKind::Continue(None) if !ctxt.continues => {
                self.err(s.pos, "continue is not in a loop".into());
            }
            StmtKind::Fallthrough => {
                let msg = match (ctxt.breaks, ctxt.case) {
                    (Some(Breakable::TypeSwitch), _) => Some("cannot fallthrough in type switch"),
                    (Some(Breakable::Switch), Some((i, n))) if last => {
                        (i + 1 == n).then_some("cannot fallthrough final case in switch")
                    }
                    _ => Some("fallthrough statement out of place"),
                };
                if let Some(msg) = msg {
                    self.err(s.pos, msg.into());
                }
            }
            StmtKind::Break(Some(l)) => match self.enclosing(Some(b), &l.name) {
                Target::Label(t) if self.labels[t].kind != Kind::Other => {}
                Target::Undefined => {
                    self.err(l.pos, format!("break label not defined: {}", l.name))
                }
                _ => self.err(l.pos, format!("invalid break label {}", l.name)),
            },
            StmtKind::Continue(Some(l)) => match self.enclosing(Some(b), &l.name) {
                Target::Label(t) if self.labels[t].kind == Kind::Loop => {}
                Target::Undefined => {
                    self.err(l.pos, format!("continue label not defined: {}", l.name))
                }
                _ => self.err(l.pos, format!("invalid continue label {}", l.name)),
            },
            StmtKind::Block(blk) => {
                fwd = self.block(Some(b), ctxt.inner(), label, blk.lbrace, &blk.stmts)
            }
            StmtKind::If { then, els, .. } => {
                fwd = self.block(Some(b), ctxt.inner(), label, then.lbrace, &then.stmts);
                if let Some(els) = els {
                    let start = match &els.kind {
                        StmtKind::Block(e) => e.lbrace,
                        _ => els.pos,
                    };
                    fwd.extend(self.block(
                        Some(b),
                        ctxt.inner(),
                        label,
                        start,
                        std::slice::from_ref(&**els),
                    ));
                }
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                let inner = Targets {
                    breaks: Some(Breakable::Loop),
                    continues: true,
                    case: None,
                };
                fwd = self.block(Some(b), inner, label, body.lbrace, &body.stmts);
            }
            StmtKind::Switch { cases, .. } => {
                for (i, c) in cases.iter().enumerate() {
                    let inner = Targets {
                        breaks: Some(Breakable::Switch),
                        case: Some((i, cases.len())),
                        ..ctxt
                    };
                    fwd.extend(self.block(Some(b), inner, label, c.pos, &c.body));
                }
            }
            StmtKind::TypeSwitch { cases, .. } => {
                for (i, c) in cases.iter().enumerate() {
                    let inner = Targets {
                        breaks: Some(Breakable::TypeSwitch),
                        case: Some((i, cases.len())),
                        ..ctxt
                    };
                    fwd.extend(self.block(Some(b), inner, label, c.pos, &c.body));
                }
            }
            StmtKind::Select { cases, .. } => {
                for (i, c) in cases.iter().enumerate() {
                    let inner = Targets {
                        breaks: Some(Breakable::Select),
                        case: Some((i, cases.len())),
                        ..ctxt
                    };
                    fwd.extend(self.block(Some(b), inner, label, c.pos, &c.body));
                }
            }
            _ => {}
        }
        fwd
    }
}
