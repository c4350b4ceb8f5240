//! gc's `checkBranches`, run on each function body as it is parsed: labels
//! defined twice or never used, `break`/`continue` outside a loop or
//! switch or with a label that does not enclose them, and misplaced
//! `fallthrough`. gc reports these while parsing, so they come before any
//! type error. (`goto` is outside the subset; its labels count as used.)

use crate::diag::CompileError;
use crate::syntax::ast::{Block, Ident, Pos, Stmt, StmtKind};
use std::collections::HashMap;

/// The first branch error in `body` (by position), if any. `gotos` are the
/// labels named by `goto` statements in the function.
pub(super) fn check(body: &Block, gotos: &[String]) -> Option<CompileError> {
    let mut c = Checker {
        labels: Vec::new(),
        by_name: HashMap::new(),
        blocks: Vec::new(),
        errors: Vec::new(),
    };
    c.block(None, Targets::NONE, None, &body.stmts);
    for l in &c.labels {
        if !l.used && !gotos.contains(&l.name) {
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
}

struct Blk {
    parent: Option<usize>,
    /// The label of the statement this block belongs to.
    label: Option<usize>,
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

    fn declare(&mut self, label: &Ident, stmt: &Stmt) -> usize {
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
            StmtKind::Switch { .. } | StmtKind::TypeSwitch { .. } => Kind::Switch,
            _ => Kind::Other,
        };
        let l = self.labels.len();
        self.labels.push(Label {
            name: label.name.clone(),
            pos: label.pos,
            kind,
            used: false,
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

    fn block(&mut self, parent: Option<usize>, ctxt: Targets, label: Option<usize>, body: &[Stmt]) {
        let b = self.blocks.len();
        self.blocks.push(Blk { parent, label });
        let end = body
            .iter()
            .rposition(|s| !matches!(s.kind, StmtKind::Empty))
            .map_or(0, |i| i + 1);
        let body = &body[..end];
        for (index, stmt) in body.iter().enumerate() {
            let mut label = None;
            let mut s = stmt;
            while let StmtKind::Labeled {
                label: l,
                stmt: inner,
            } = &s.kind
            {
                if l.name != "_" {
                    label = Some(self.declare(l, inner));
                }
                s = inner;
            }
            let last = index + 1 == body.len();
            self.stmt(b, ctxt, label, s, last);
        }
    }

    fn stmt(&mut self, b: usize, ctxt: Targets, label: Option<usize>, s: &Stmt, last: bool) {
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
            StmtKind::Block(blk) => self.block(Some(b), ctxt.inner(), label, &blk.stmts),
            StmtKind::If { then, els, .. } => {
                self.block(Some(b), ctxt.inner(), label, &then.stmts);
                if let Some(els) = els {
                    self.block(Some(b), ctxt.inner(), label, std::slice::from_ref(&**els));
                }
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                let inner = Targets {
                    breaks: Some(Breakable::Loop),
                    continues: true,
                    case: None,
                };
                self.block(Some(b), inner, label, &body.stmts);
            }
            StmtKind::Switch { cases, .. } => {
                for (i, c) in cases.iter().enumerate() {
                    let inner = Targets {
                        breaks: Some(Breakable::Switch),
                        case: Some((i, cases.len())),
                        ..ctxt
                    };
                    self.block(Some(b), inner, label, &c.body);
                }
            }
            StmtKind::TypeSwitch { cases, .. } => {
                for (i, c) in cases.iter().enumerate() {
                    let inner = Targets {
                        breaks: Some(Breakable::TypeSwitch),
                        case: Some((i, cases.len())),
                        ..ctxt
                    };
                    self.block(Some(b), inner, label, &c.body);
                }
            }
            _ => {}
        }
    }
}
