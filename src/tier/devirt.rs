//! Devirtualization: what the profile and the policy make of each call
//! site, as guards the compiler can emit and as `--trace-tier` lines in the
//! style of Go's `-m`.

use crate::bytecode::{Op, Program};
use crate::options::StressMode;
use crate::runtime::typedesc::{self, Itab, TypeDesc};
use crate::tier::Jit;
use pgojit_profiler::{decide_site, FuncId, SiteAction, SiteSnapshot, Target};

/// One guarded target of a site.
#[derive(Clone, Debug)]
pub struct Guard {
    /// The word compared with the receiver: the itab of (interface, type)
    /// for interface calls, the function id for calls of function values.
    pub key: u64,
    /// What the receiver must be for `target` to be right, compared by
    /// `--verify-guards` independently of `key`: the concrete type's
    /// descriptor (`tab.type`), or the function id.
    pub check: u64,
    /// The function a hit calls.
    pub target: FuncId,
    /// Expand the target in place instead of calling it.
    pub inline: bool,
    /// `main.Circle` / `main.f`.
    pub name: String,
    /// The profile's name for the target.
    pub profile_target: Target,
    /// The target's calls in the profile the plan was made from.
    pub calls: u64,
    /// `--count-guards`: the site's hit counter word for this target.
    pub hit_slot: usize,
}

/// The shape of one call site in compiled code.
#[derive(Clone, Debug, Default)]
pub struct SitePlan {
    /// Tried in order; an empty list is a plain indirect call.
    pub guards: Vec<Guard>,
    /// The decision and its reason, as `--trace-tier` prints it.
    pub trace: Vec<String>,
}

/// Plans the call site `op` (a `CallIface` or `CallClosure`); `inlinable`
/// is the compiler's own test of a target it may expand in place.
pub fn plan(jit: &Jit, prog: &Program, op: &Op, inlinable: &dyn Fn(FuncId) -> bool) -> SitePlan {
    let Some(site) = op.site() else {
        return SitePlan::default();
    };
    // Interface sites call a method of the receiver's itab; function-value
    // sites, the closure's function.
    // (A fused call, `MoveCallIface`, is planned as its call part.)
    let call = crate::bytecode::peephole::parts(op).map_or_else(|| op.clone(), |[_, call]| call);
    let method = if let Op::CallIface { method, .. } = call {
        Some(method)
    } else {
        None
    };
    let meta = &prog.sites[site.index()];
    let at = prog.at(meta.pos).to_string();
    let mut plan = SitePlan::default();
    let Some(profile) = jit.profile else {
        plan.trace.push(format!(
            "{at}: not devirtualizing {}: no profile (--no-profile)",
            meta.text
        ));
        return plan;
    };
    if !jit.opts.devirt {
        plan.trace.push(format!(
            "{at}: not devirtualizing {}: --no-devirt",
            meta.text
        ));
        return plan;
    }
    let (settled, from_window) = {
        let st = jit.sites.state(site.index());
        (st.settled, st.plan_from.clone())
    };
    if settled {
        plan.trace.push(format!(
            "{at}: not devirtualizing {}: settled to an indirect call after {} recompilations",
            meta.text,
            jit.sites.state(site.index()).recompiles
        ));
        return plan;
    }
    // After a recompilation the site is decided from its last window.
    let snap = from_window.unwrap_or_else(|| profile.site_snapshot(site));
    let snap = if jit.opts.stress == StressMode::Poison {
        let p = poisoned(jit, prog, site.index(), &snap);
        plan.trace.push(format!(
            "{at}: stress: the policy sees a poisoned profile {:?}",
            p.rows
        ));
        p
    } else {
        snap
    };
    let d = decide_site(&snap, &jit.policy);
    let total = d.total;
    match &d.what {
        SiteAction::Guard(targets) => {
            for &t in targets {
                let g = match (t, method) {
                    (Target::Type(ty), Some(m)) => type_guard(prog, meta.iface_desc, ty.index(), m),
                    (Target::Func(f), None) => Some(Guard {
                        key: f.0 as u64,
                        check: f.0 as u64,
                        target: f,
                        inline: false,
                        name: prog.func(f).name.clone(),
                        profile_target: t,
                        calls: 0,
                        hit_slot: 0,
                    }),
                    _ => None,
                };
                match g {
                    Some(mut g) => {
                        g.inline = jit.opts.inline && inlinable(g.target);
                        g.calls = snap
                            .ranked()
                            .iter()
                            .find(|&&(x, _)| x == t)
                            .map_or(0, |&(_, c)| c);
                        plan.guards.push(g);
                    }
                    None => {
                        plan.trace.push(format!(
                            "{at}: not devirtualizing {}: target {} has no method {}",
                            meta.text,
                            profile.target_name(t),
                            meta.method
                        ));
                        return SitePlan {
                            guards: Vec::new(),
                            trace: plan.trace,
                        };
                    }
                }
            }
            if plan.guards.len() > 2 {
                if let Some(g) = plan.guards.iter().find(|g| !g.inline) {
                    // A chain of direct calls costs more than the one
                    // indirect call it would replace.
                    plan.trace.push(format!(
                        "{at}: not devirtualizing {}: polymorphic ({} receivers, {} of {} calls), but {} is not inlined",
                        meta.text,
                        plan.guards.len(),
                        d.covered,
                        total,
                        g.name
                    ));
                    return SitePlan {
                        guards: Vec::new(),
                        trace: plan.trace,
                    };
                }
            }
            if jit.opts.stress == StressMode::ForceMiss {
                // A key no receiver has: itabs are aligned pointers and
                // function ids are below 2^32 - 1.
                for g in &mut plan.guards {
                    g.key = if method.is_some() { 1 } else { u32::MAX as u64 };
                }
                plan.trace.push(format!(
                    "{at}: stress: guards of {} compiled for a receiver that never comes",
                    meta.text
                ));
            }
            if jit.opts.count_guards {
                let mut st = jit.sites.state(site.index());
                for g in &mut plan.guards {
                    g.hit_slot = st.hit_slot(g.profile_target);
                }
            }
            let names: Vec<&str> = plan.guards.iter().map(|g| g.name.as_str()).collect();
            plan.trace.push(format!(
                "{at}: devirtualizing {} to {} ({}{} of {} calls, {})",
                meta.text,
                names.join(", "),
                match plan.guards.len() {
                    1 => "",
                    2 => "bimorphic, ",
                    _ => "polymorphic, ",
                },
                d.covered,
                total,
                pgojit_profiler::share(d.covered, total)
            ));
        }
        SiteAction::Indirect | SiteAction::Cold => {
            let top = snap
                .ranked()
                .first()
                .map(|&(t, c)| {
                    format!(
                        " (top {} {})",
                        profile.target_name(t),
                        pgojit_profiler::share(c, total)
                    )
                })
                .unwrap_or_default();
            let counts = if total == 0 {
                " (never called before compilation)".to_string()
            } else if matches!(d.what, SiteAction::Cold) {
                format!(" ({total} calls, below --min-site-calls)")
            } else {
                top
            };
            plan.trace.push(format!(
                "{at}: not devirtualizing {}: {}{counts}",
                meta.text, d.reason
            ));
        }
    }
    plan
}

/// `--trace-tier`'s lines for the guarded targets a compiler expands in
/// place at `site` (Go's `-m` style: `file:line:col: inlining call to F`).
pub fn inlining_trace(prog: &Program, site: usize, plan: &SitePlan) -> Vec<String> {
    let pos = prog.sites[site].pos;
    plan.guards
        .iter()
        .filter(|g| g.inline)
        .map(|g| {
            format!(
                "{}: inlining call to {}",
                prog.at(pos),
                prog.func(g.target).name
            )
        })
        .collect()
}

/// `pgojit stress --mode=poison`: a seeded random profile for `site`:
/// one to three targets (types implementing the interface, or functions)
/// with random counts, whatever the program really does.
fn poisoned(jit: &Jit, prog: &Program, site: usize, real: &SiteSnapshot) -> SiteSnapshot {
    let meta = &prog.sites[site];
    let mut candidates: Vec<Target> = real.rows.iter().map(|r| r.0).collect();
    if meta.is_iface && meta.iface_desc != 0 {
        // SAFETY: `iface_desc` of an interface site is a leaked descriptor.
        let inter: &'static TypeDesc = unsafe { &*(meta.iface_desc as *const TypeDesc) };
        for (i, d) in prog.descs.iter().enumerate() {
            if let Some(d) = d {
                if d.kind != crate::runtime::typedesc::Kind::Interface
                    && typedesc::itab(inter, d).is_some()
                {
                    let t = Target::Type(pgojit_profiler::TypeId(i as u32));
                    if !candidates.contains(&t) {
                        candidates.push(t);
                    }
                }
            }
        }
    } else if !meta.is_iface {
        for f in 0..prog.funcs.len().min(64) {
            let t = Target::Func(FuncId(f as u32));
            if !candidates.contains(&t) {
                candidates.push(t);
            }
        }
    }
    let mut r = crate::tier::recompile::mix(
        jit.opts.seed ^ ((site as u64) << 32) ^ jit.stats.lock().compiled,
    );
    let mut next = || {
        r = crate::tier::recompile::mix(r);
        r
    };
    let mut rows = Vec::new();
    let k = 1 + (next() % 3) as usize;
    for _ in 0..k.min(candidates.len()) {
        let t = candidates[(next() % candidates.len() as u64) as usize];
        if !rows.iter().any(|&(x, _)| x == t) {
            rows.push((t, jit.policy.min_site_calls.max(1) + next() % 1000));
        }
    }
    SiteSnapshot { rows, other: 0 }
}

/// The guard for receivers of concrete type `ty` at an interface site.
fn type_guard(prog: &Program, iface: u64, ty: usize, method: u32) -> Option<Guard> {
    let desc: &'static TypeDesc = prog.descs.get(ty).copied().flatten()?;
    if iface == 0 {
        return None;
    }
    // SAFETY: `iface_desc` of an interface site is a leaked descriptor.
    let inter: &'static TypeDesc = unsafe { &*(iface as *const TypeDesc) };
    let itab: &'static Itab = typedesc::itab(inter, desc)?;
    Some(Guard {
        key: itab as *const Itab as u64,
        check: desc as *const TypeDesc as u64,
        target: itab.fun(method as usize),
        inline: false,
        name: desc.name.clone(),
        profile_target: Target::Type(pgojit_profiler::TypeId(ty as u32)),
        calls: 0,
        hit_slot: 0,
    })
}

/// How a site was compiled, for the tier layer.
pub fn site_shape(site: usize, plan: &SitePlan) -> crate::tier::compiler::SiteShape {
    let shape = if plan.guards.is_empty() {
        "indirect".to_string()
    } else {
        let names: Vec<String> = plan
            .guards
            .iter()
            .map(|g| {
                if g.inline {
                    format!("{} (inlined)", g.name)
                } else {
                    g.name.clone()
                }
            })
            .collect();
        format!("guard {}", names.join(", "))
    };
    crate::tier::compiler::SiteShape {
        site: site as u32,
        guards: plan.guards.len(),
        shape,
        targets: plan.guards.iter().map(|g| g.profile_target).collect(),
    }
}
