//! Go's tracebacks: the frames a panic passes, innermost first, collected
//! while it unwinds, and printed as Go prints them when it ends the
//! program (`goroutine 1 [running]:`, a function and `file:line` per
//! frame).
//!
//! Each layer a panic crosses adds its own frames as it leaves them: the
//! interpreter its running and suspended frames (`Vm::fail`), the unwind
//! trampoline the compiled frames of its segment, found on the native
//! stack by their call sites (`tier::runtime::trace_unwind`, with inlined
//! frames from the sites' inline chains), and the deferred-call machinery
//! (`interp::defers`) what Go's stack would hold while a panic runs
//! deferred calls: the runtime's `panic` frame and, below it, the frames
//! of the panic that is running them.

use super::Vm;
use pgojit_profiler::FuncId;

/// One frame of a traceback.
#[derive(Clone, Debug)]
pub(crate) enum TraceFrame {
    /// An interpreted frame of `func` at instruction `pc`, with its
    /// parameter words.
    Interp {
        func: FuncId,
        pc: u32,
        args: Vec<u64>,
    },
    /// A compiled frame of `func` at `pc`, whose call returns to `offset`
    /// in its machine code.
    Compiled { func: FuncId, pc: u32, offset: u32 },
    /// A frame compiled into the one after it (Go prints `(...)` and no
    /// offset).
    Inlined { func: FuncId, pc: u32 },
    /// `func`'s frame at `line`: a function with deferred calls, running
    /// them after its body returned from `line`.
    Line { func: FuncId, line: u32 },
    /// The runtime's `panic` frame that runs the deferred calls above it
    /// (its value's words).
    Panic([u64; 2]),
    /// Compiled frames the walk could not find (a bug: printed, so that
    /// no traceback silently leaves frames out).
    Lost,
}

/// Frames Go prints before and after the ones it elides.
const INNER_FRAMES: usize = 50;
const OUTER_FRAMES: usize = 50;
/// Parameter words printed per frame.
const MAX_ARGS: usize = 10;
/// Where Go 1.27's `gopanic` calls deferred functions.
const GOPANIC_LINE: u32 = 859;

impl Vm<'_> {
    /// Frames that are not Go's: a function's deferred-call frame (its
    /// body is the Go frame) and the wrappers of deferred builtins.
    fn hidden(&self, f: FuncId) -> bool {
        let name = &self.prog.func(f).name;
        name.ends_with("·defers")
            || name.ends_with("·deref")
            || name.contains(".deferwrap")
            || name.contains(".gowrap")
    }

    /// A frame Go does not show: [`Self::hidden`]'s, and code pgojit made
    /// that has no line (the package initializer calling `init`
    /// functions).
    fn shown(&self, f: FuncId, pc: u32) -> bool {
        !self.hidden(f)
            && self
                .prog
                .func(f)
                .pos
                .get(pc as usize)
                .is_some_and(|p| p.line > 0)
    }

    /// The interpreted frame of `func` at `pc`, whose frame is at `fp`.
    pub(crate) fn trace_interp(&mut self, func: FuncId, pc: usize, fp: usize) {
        if !self.shown(func, pc as u32) {
            return;
        }
        let n = (self.prog.func(func).param_words as usize).min(MAX_ARGS + 1);
        let args = self.stack.get(fp..fp + n).unwrap_or_default().to_vec();
        self.trace.push(TraceFrame::Interp {
            func,
            pc: pc as u32,
            args,
        });
    }

    /// The suspended frames of a `run` that started at `base` (in
    /// `frames`), innermost first.
    pub(crate) fn trace_suspended(&mut self, base: usize) {
        for i in (base..self.frames.len()).rev() {
            let s = &self.frames[i];
            // SAFETY: `ip` points one past the call instruction, within the
            // code that starts at `code`.
            let pc = unsafe { s.ip.offset_from(s.code) } as usize - 1;
            let fp = (s.fr as usize - self.stack.as_ptr() as usize) / 8;
            self.trace_interp(s.func, pc, fp);
        }
    }

    /// A compiled frame: the Go frames of its call site, inlined ones
    /// first, as (function, pc) pairs.
    pub(crate) fn trace_compiled(&mut self, frames: &[(u32, u32)], offset: usize) {
        for (k, &(f, pc)) in frames.iter().enumerate() {
            let func = FuncId(f);
            if !self.shown(func, pc) {
                continue;
            }
            self.trace.push(if k + 1 == frames.len() {
                TraceFrame::Compiled {
                    func,
                    pc,
                    offset: offset as u32,
                }
            } else {
                TraceFrame::Inlined { func, pc }
            });
        }
    }

    /// Compiled frames [`TraceFrame::Lost`].
    pub(crate) fn trace_lost(&mut self) {
        self.trace.push(TraceFrame::Lost);
    }

    /// The traceback Go prints for the frames collected (from `goroutine
    /// 1 [running]:` on, without a final newline).
    pub(crate) fn format_trace(&self, frames: &[TraceFrame]) -> String {
        self.format_trace_as(frames, "running")
    }

    /// [`Self::format_trace`] for the running goroutine in state `status`
    /// (`running`, `chan receive`...), with the `go` statement that
    /// created it.
    pub(crate) fn format_trace_as(&self, frames: &[TraceFrame], status: &str) -> String {
        let mut s = format!("goroutine {} [{status}]:", self.goid);
        let n = frames.len();
        for (i, fr) in frames.iter().enumerate() {
            if n > INNER_FRAMES + OUTER_FRAMES {
                if i == INNER_FRAMES {
                    let elided = n - INNER_FRAMES - OUTER_FRAMES;
                    s.push_str(&format!("\n...{elided} frames elided..."));
                }
                if (INNER_FRAMES..n - OUTER_FRAMES).contains(&i) {
                    continue;
                }
            }
            s.push('\n');
            s.push_str(&self.format_frame(fr));
        }
        if let Some((by, line, parent)) = self.goroutine_origin() {
            let name = go_name(&self.prog.func(by).name);
            let file = self.file_of(by);
            s.push_str(&format!(
                "\ncreated by {name} in goroutine {parent}\n\t{file}:{line}"
            ));
        }
        s
    }

    /// The absolute name of the file function `f`'s code is in (the
    /// standard library's as `$GOROOT/src/...`).
    fn file_of(&self, f: FuncId) -> String {
        let pos = self.prog.func(f).pos.iter().find(|p| p.line != 0);
        let name = pos.map_or(self.prog.file_name.as_str(), |p| self.prog.file_of(*p));
        if name.starts_with('$') {
            return name.to_string();
        }
        std::path::absolute(name)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| name.to_string())
    }

    fn format_frame(&self, fr: &TraceFrame) -> String {
        let file = match fr {
            TraceFrame::Interp { func, .. }
            | TraceFrame::Compiled { func, .. }
            | TraceFrame::Inlined { func, .. }
            | TraceFrame::Line { func, .. } => self.file_of(*func),
            _ => String::new(),
        };
        let line =
            |f: FuncId, pc: u32| self.prog.func(f).pos.get(pc as usize).map_or(0, |p| p.line);
        let name = |f: FuncId| go_name(&self.prog.func(f).name);
        let no_args = |f: FuncId| self.prog.func(f).param_words == 0;
        match fr {
            TraceFrame::Interp { func, pc, args } => {
                let mut a: Vec<String> = args
                    .iter()
                    .take(MAX_ARGS)
                    .map(|w| format!("{w:#x}"))
                    .collect();
                if args.len() > MAX_ARGS {
                    a.push("...".into());
                }
                format!(
                    "{}({})\n\t{file}:{}",
                    name(*func),
                    a.join(", "),
                    line(*func, *pc)
                )
            }
            TraceFrame::Compiled { func, pc, offset } => {
                let args = if no_args(*func) { "" } else { "..." };
                format!(
                    "{}({args})\n\t{file}:{} +{offset:#x}",
                    name(*func),
                    line(*func, *pc)
                )
            }
            TraceFrame::Inlined { func, pc } => {
                format!("{}(...)\n\t{file}:{}", name(*func), line(*func, *pc))
            }
            TraceFrame::Line { func, line } => {
                let args = if no_args(*func) { "" } else { "..." };
                format!("{}({args})\n\t{file}:{line}", name(*func))
            }
            TraceFrame::Lost => {
                "pgojit: internal error: compiled frames missing here\n\t?:0".into()
            }
            TraceFrame::Panic([t, d]) => {
                format!("panic({{{t:#x}?, {d:#x}?}})\n\truntime/panic.go:{GOPANIC_LINE}")
            }
        }
    }
}

/// A function's name as Go's tracebacks print it: type arguments of an
/// instance as `[...]` (`main.Map[...]`, `main.(*Box[...]).Get`), and a
/// value method's copy for pointer receivers (`main.T.M·iface`) as the
/// method.
fn go_name(name: &str) -> String {
    let name = name.strip_suffix("·iface").unwrap_or(name);
    let mut out = String::with_capacity(name.len());
    let mut depth = 0;
    for c in name.chars() {
        match c {
            '[' => {
                if depth == 0 {
                    out.push_str("[...]");
                }
                depth += 1;
            }
            ']' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::go_name;

    #[test]
    fn instance_names_print_as_go_prints_them() {
        assert_eq!(go_name("main.Map[int,string]"), "main.Map[...]");
        assert_eq!(go_name("main.(*Box[[]int]).Get"), "main.(*Box[...]).Get");
        assert_eq!(go_name("main.main.func1"), "main.main.func1");
    }
}
