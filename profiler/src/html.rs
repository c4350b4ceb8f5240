//! `pgojit profile --format=html`: the report as one self-contained page
//! (inline CSS, SVG and a little script; nothing fetched). Every call site
//! that ran at least `--min-site-calls` times, or ran compiled, gets a card:
//! its receivers as bars with counts and shares, the decision and its
//! reason, the compiled shape, guard hits and misses, recompilations; the
//! other sites and the functions are tables; a timeline shows the run's
//! tier-ups, compilations, OSR entries and recompilations.
//!
//! The page reads the same [`Report`] as the text and JSON formats, and
//! works without its script (which only filters the sites and shows a
//! timeline event's details on click). Every name is escaped.

use std::fmt::Write;

use crate::report::{fraction, share, Report, SiteRow};
use crate::timeline::{EventKind, Timeline};

/// The width in pixels of a bar for all of a site's calls.
pub const BAR_TRACK_PX: u64 = 400;
/// The receiver bars' colour (`#3366cc`).
pub const BAR_RGB: (u8, u8, u8) = (0x33, 0x66, 0xcc);

/// A receiver's bar width in pixels: `count / calls` of the track, rounded.
pub fn bar_px(count: u64, calls: u64) -> u64 {
    if calls == 0 {
        return 0;
    }
    ((count as u128 * BAR_TRACK_PX as u128 * 2 + calls as u128) / (2 * calls as u128)) as u64
}

/// Escapes text for HTML content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn kind_colour(k: EventKind) -> &'static str {
    match k {
        EventKind::TierUp => "#e69f00",
        EventKind::Compiled => "#009e73",
        EventKind::Osr => "#cc79a7",
        EventKind::Recompile => "#d55e00",
    }
}

fn kind_class(k: EventKind) -> &'static str {
    match k {
        EventKind::TierUp => "tier-up",
        EventKind::Compiled => "compiled",
        EventKind::Osr => "osr",
        EventKind::Recompile => "recompile",
    }
}

/// Nanoseconds as milliseconds (`12.345 ms`).
fn ms(ns: u64) -> String {
    format!("{:.3} ms", ns as f64 / 1e6)
}

const STYLE: &str = r#"
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; background: #fff; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #ddd; }
h3 { font-size: 14px; margin: 0 0 6px; font-weight: 600; }
code { font: 13px ui-monospace, monospace; }
.muted { color: #666; }
.site { border: 1px solid #ddd; border-radius: 4px; padding: 10px 12px; margin: 0 0 12px; max-width: 980px; }
.bars { margin: 6px 0; }
.row { display: flex; align-items: center; height: 22px; }
.row .name { width: 260px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.track { display: inline-block; width: 400px; height: 14px; background: #eef0f4; margin: 0 10px; position: relative; }
.bar { display: block; height: 14px; background: #3366cc; }
.bar.other { background: #999999; }
.row .num { white-space: nowrap; font-variant-numeric: tabular-nums; }
dl { display: grid; grid-template-columns: 150px auto; gap: 2px 12px; margin: 6px 0 0; }
dt { color: #555; }
dd { margin: 0; }
table { border-collapse: collapse; }
th, td { text-align: left; padding: 2px 10px 2px 0; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr:nth-child(even) td { background: #f7f7f9; }
#filter { margin: 0 0 10px; padding: 3px 6px; width: 320px; }
.legend span { margin-right: 16px; white-space: nowrap; }
.legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
svg text { font: 11px system-ui, sans-serif; fill: #444; }
svg .mark { cursor: pointer; }
#event-detail { min-height: 20px; margin: 6px 0; }
.hidden { display: none; }
"#;

/// Before anything else runs: a script error marks the page.
const ONERROR: &str = r#"
window.onerror = function (msg) {
  var s = document.getElementById('js-status');
  if (s) { s.setAttribute('data-status', 'error'); s.textContent = 'script error: ' + msg; }
};
"#;

const SCRIPT: &str = r#"
(function () {
  var filter = document.getElementById('filter');
  var sites = document.querySelectorAll('.site');
  var shown = document.getElementById('sites-shown');
  function apply() {
    var q = filter.value.toLowerCase();
    var n = 0;
    for (var i = 0; i < sites.length; i++) {
      var hit = sites[i].getAttribute('data-search').toLowerCase().indexOf(q) >= 0;
      sites[i].classList.toggle('hidden', !hit);
      if (hit) n++;
    }
    shown.textContent = n + ' of ' + sites.length + ' shown';
  }
  if (filter) { filter.addEventListener('input', apply); apply(); }
  var detail = document.getElementById('event-detail');
  var marks = document.querySelectorAll('svg .mark');
  for (var i = 0; i < marks.length; i++) {
    marks[i].addEventListener('click', function (e) {
      var row = document.getElementById('ev-' + e.currentTarget.getAttribute('data-e'));
      if (!row || !detail) return;
      var cells = row.querySelectorAll('td');
      var parts = [];
      for (var j = 0; j < cells.length; j++) parts.push(cells[j].textContent);
      detail.textContent = parts.join(' \u2014 ');
    });
  }
  var s = document.getElementById('js-status');
  if (s.getAttribute('data-status') !== 'error') {
    s.setAttribute('data-status', 'ok');
    s.textContent = '';
  }
})();
"#;

/// The report (and the run's timeline, when there was a JIT) as a page.
pub fn to_html(r: &Report, timeline: Option<&Timeline>) -> String {
    let mut h = String::new();
    let file = escape(&r.file);
    let o = &r.options;
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>pgojit profile of {file}</title>\n<style>{STYLE}</style>\n\
         <script>{ONERROR}</script>\n</head>\n<body>\n\
         <div id=\"js-status\" data-status=\"pending\"></div>\n\
         <h1>pgojit profile of <code>{file}</code></h1>\n"
    );
    let _ = writeln!(
        h,
        "<p class=\"muted\">{} call sites, {} functions. Policy: bias {}, major {}, \
         bimorphic {}, polymorphic {}, min-site-calls {}, hot-calls {}, hot-loops {}, width {}. \
         Counts are the interpreter's exact counts; compiled code's are under \"compiled\".</p>",
        r.sites.len(),
        r.functions.len(),
        fraction(o.bias_ppm()),
        fraction(o.major_ppm()),
        fraction(o.bimorphic_ppm()),
        o.polymorphic,
        o.min_site_calls,
        o.hot_calls,
        o.hot_loops,
        o.width,
    );
    h.push_str(
        "<p><a href=\"#timeline\">Timeline</a> · <a href=\"#sites\">Call sites</a> · \
         <a href=\"#functions\">Functions</a></p>\n",
    );
    timeline_section(&mut h, timeline);
    sites_section(&mut h, r);
    functions_section(&mut h, r);
    let _ = write!(h, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    h
}

fn timeline_section(h: &mut String, t: Option<&Timeline>) {
    h.push_str("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
    let Some(t) = t else {
        h.push_str("<p class=\"muted\">No timeline: nothing was compiled in this run (--tier=interp).</p>\n</section>\n");
        return;
    };
    let counts: Vec<String> = EventKind::ALL
        .iter()
        .map(|&k| format!("{} {}", t.count(k), k.name()))
        .collect();
    let _ = writeln!(
        h,
        "<p>Run time {}: {}{}.</p>",
        ms(t.run_ns),
        counts.join(", "),
        if t.dropped > 0 {
            format!(
                "; <strong>{} later events dropped</strong> (the log keeps the first {})",
                t.dropped,
                t.events.len()
            )
        } else {
            String::new()
        }
    );
    h.push_str("<p class=\"legend\">");
    for k in EventKind::ALL {
        let _ = write!(
            h,
            "<span><i style=\"background:{}\"></i>{}</span>",
            kind_colour(k),
            k.name()
        );
    }
    h.push_str("</p>\n");
    // One lane per kind; time runs left to right.
    let (left, width, lane, top) = (110.0, 820.0, 26.0, 8.0);
    let height = top + lane * EventKind::ALL.len() as f64 + 30.0;
    let run = t.run_ns.max(1) as f64;
    let _ = writeln!(
        h,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{height}\" \
         role=\"img\" aria-label=\"timeline\">",
        left + width + 20.0
    );
    for (i, k) in EventKind::ALL.iter().enumerate() {
        let y = top + lane * i as f64;
        let _ = writeln!(
            h,
            "<text x=\"0\" y=\"{}\">{}</text><rect x=\"{left}\" y=\"{}\" width=\"{width}\" \
             height=\"{}\" fill=\"#f4f5f8\"/>",
            y + lane / 2.0 + 4.0,
            k.name(),
            y + 2.0,
            lane - 4.0
        );
    }
    // Ticks at round milliseconds.
    let axis_y = top + lane * EventKind::ALL.len() as f64;
    let step = nice_step(t.run_ns as f64 / 1e6 / 8.0);
    let _ = writeln!(
        h,
        "<line x1=\"{left}\" y1=\"{axis_y}\" x2=\"{}\" y2=\"{axis_y}\" stroke=\"#888\"/>",
        left + width
    );
    let mut tick = 0.0;
    while tick * 1e6 <= run {
        let x = left + width * tick * 1e6 / run;
        let _ = writeln!(
            h,
            "<line x1=\"{x:.1}\" y1=\"{axis_y}\" x2=\"{x:.1}\" y2=\"{}\" stroke=\"#888\"/>\
             <text x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\">{} ms</text>",
            axis_y + 4.0,
            axis_y + 16.0,
            fmt_tick(tick, step)
        );
        tick += step;
    }
    for (i, e) in t.events.iter().enumerate() {
        let lane_i = EventKind::ALL
            .iter()
            .position(|&k| k == e.kind)
            .unwrap_or(0);
        let x = left + width * e.t_ns as f64 / run;
        let y = top + lane * lane_i as f64 + 3.0;
        let _ = writeln!(
            h,
            "<rect class=\"mark {}\" data-e=\"{i}\" x=\"{:.1}\" y=\"{y}\" width=\"3\" height=\"{}\" \
             fill=\"{}\"><title>{}: {} {}: {}</title></rect>",
            kind_class(e.kind),
            (x - 1.0).max(left),
            lane - 6.0,
            kind_colour(e.kind),
            ms(e.t_ns),
            e.kind.name(),
            escape(&e.func),
            escape(&e.detail)
        );
    }
    h.push_str(
        "</svg>\n<div id=\"event-detail\" class=\"muted\">Click a mark for its event.</div>\n",
    );
    let _ = writeln!(
        h,
        "<details><summary>All {} events</summary>\n<table>\n\
         <tr><th class=\"n\">time</th><th>event</th><th>function</th><th>detail</th></tr>",
        t.events.len()
    );
    for (i, e) in t.events.iter().enumerate() {
        let _ = writeln!(
            h,
            "<tr id=\"ev-{i}\" class=\"{}\"><td class=\"n\">{}</td><td>{}</td><td><code>{}</code></td><td>{}</td></tr>",
            kind_class(e.kind),
            ms(e.t_ns),
            e.kind.name(),
            escape(&e.func),
            escape(&e.detail)
        );
    }
    h.push_str("</table>\n</details>\n</section>\n");
}

/// 1, 2 or 5 times a power of ten, at least `x` (milliseconds).
fn nice_step(x: f64) -> f64 {
    if x <= 0.0 || !x.is_finite() {
        return 1.0;
    }
    let p = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|s| *s >= x)
        .unwrap_or(10.0 * p)
}

fn fmt_tick(v: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10().floor()) as usize
    };
    format!("{v:.decimals$}")
}

/// A site gets a card when it ran enough to be decided, or ran compiled.
fn carded(s: &SiteRow, min_calls: u64) -> bool {
    (s.calls > 0 && s.calls >= min_calls) || s.compiled.is_some()
}

fn sites_section(h: &mut String, r: &Report) {
    let min = r.options.min_site_calls;
    let (cards, rest): (Vec<&SiteRow>, Vec<&SiteRow>) =
        r.sites.iter().partition(|s| carded(s, min));
    let (rest, never): (Vec<&SiteRow>, Vec<&SiteRow>) = rest.into_iter().partition(|s| s.calls > 0);
    let _ = writeln!(
        h,
        "<section id=\"sites\">\n<h2>Call sites</h2>\n<p>{} sites ran at least \
         --min-site-calls ({min}) times or ran compiled, most calls first; {} ran fewer times \
         (below); {} never ran. <input id=\"filter\" type=\"search\" placeholder=\"filter by position, caller, type…\"> \
         <span id=\"sites-shown\" class=\"muted\"></span></p>",
        cards.len(),
        rest.len(),
        never.len()
    );
    for s in &cards {
        site_card(h, s);
    }
    if !rest.is_empty() {
        h.push_str(
            "<h3>Other sites</h3>\n<table>\n<tr><th>site</th><th>caller</th><th>call</th>\
             <th class=\"n\">calls</th><th>receivers</th><th>decision</th><th>reason</th></tr>\n",
        );
        for s in &rest {
            let recv: Vec<String> = s
                .receivers
                .iter()
                .map(|x| format!("{} {}", escape(&x.ty), x.count))
                .collect();
            let _ = writeln!(
                h,
                "<tr><td><code>{}</code></td><td><code>{}</code></td><td><code>{}</code></td>\
                 <td class=\"n\">{}</td><td>{}</td><td>{}</td><td title=\"{}\">{}</td></tr>",
                escape(&s.pos),
                escape(&s.caller),
                escape(&s.callee()),
                s.calls,
                if recv.is_empty() {
                    "-".to_string()
                } else {
                    recv.join(", ")
                },
                escape(&s.decision),
                escape(s.reason.explain()),
                s.reason
            );
        }
        h.push_str("</table>\n");
    }
    h.push_str("</section>\n");
}

fn site_card(h: &mut String, s: &SiteRow) {
    let mut search = format!("{} {} {} {}", s.pos, s.caller, s.callee(), s.decision);
    for x in &s.receivers {
        search.push(' ');
        search.push_str(&x.ty);
    }
    let _ = writeln!(
        h,
        "<article class=\"site\" data-search=\"{}\">\n<h3><code>{}</code> in <code>{}</code>: \
         <code>{}</code></h3>\n<div class=\"muted\">{} calls ({} site)</div>\n<div class=\"bars\">",
        escape(&search),
        escape(&s.pos),
        escape(&s.caller),
        escape(&s.callee()),
        s.calls,
        match s.kind {
            crate::profile::SiteKind::Iface => "interface method",
            crate::profile::SiteKind::Func => "function value",
        }
    );
    let rows = s
        .receivers
        .iter()
        .map(|x| (x.ty.as_str(), x.count, ""))
        .chain((s.other > 0).then_some(("other receivers", s.other, " other")));
    for (name, count, class) in rows {
        let _ = writeln!(
            h,
            "<div class=\"row\"><span class=\"name\" title=\"{n}\"><code>{n}</code></span>\
             <span class=\"track\"><span class=\"bar{class}\" style=\"width:{}px\"></span></span>\
             <span class=\"num\">{count} ({})</span></div>",
            bar_px(count, s.calls),
            share(count, s.calls),
            n = escape(name),
        );
    }
    if s.receivers.is_empty() && s.other == 0 {
        h.push_str("<div class=\"muted\">no receivers recorded</div>\n");
    }
    h.push_str("</div>\n<dl>\n");
    let _ = writeln!(
        h,
        "<dt>decision</dt><dd><code>{}</code></dd>\n<dt>reason</dt><dd><code>{}</code>: {}</dd>",
        escape(&s.decision),
        s.reason,
        escape(s.reason.explain())
    );
    match &s.compiled {
        None => h.push_str("<dt>compiled</dt><dd class=\"muted\">never ran compiled</dd>\n"),
        Some(c) => {
            let _ = writeln!(
                h,
                "<dt>compiled shape</dt><dd><code>{}</code></dd>",
                escape(&c.shape)
            );
            if c.shape == "indirect" {
                let _ = writeln!(h, "<dt>indirect calls</dt><dd>{}</dd>", c.indirect_calls);
            } else {
                let _ = writeln!(
                    h,
                    "<dt>guard hits</dt><dd>{}</dd>\n<dt>guard misses</dt><dd>{}{}</dd>",
                    c.guard_hits.map_or(
                        "not counted (--count-guards counts them)".to_string(),
                        |n| n.to_string()
                    ),
                    c.guard_misses,
                    c.guard_hits.filter(|n| n + c.guard_misses > 0).map_or(
                        String::new(),
                        |n| format!(
                            " ({} of guarded calls)",
                            share(c.guard_misses, n + c.guard_misses)
                        )
                    )
                );
                if c.indirect_calls > 0 {
                    let _ = writeln!(h, "<dt>indirect calls</dt><dd>{}</dd>", c.indirect_calls);
                }
            }
            let _ = writeln!(
                h,
                "<dt>recompilations</dt><dd>{}{}</dd>",
                c.recompiles,
                if c.settled {
                    "; settled to an indirect call"
                } else {
                    ""
                }
            );
        }
    }
    h.push_str("</dl>\n</article>\n");
}

fn functions_section(h: &mut String, r: &Report) {
    h.push_str(
        "<section id=\"functions\">\n<h2>Functions</h2>\n<table>\n<tr><th>function</th>\
         <th class=\"n\">calls</th><th class=\"n\">back-edges</th><th>hot</th><th>reason</th></tr>\n",
    );
    for f in &r.functions {
        let _ = writeln!(
            h,
            "<tr><td><code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td>{}</td><td title=\"{}\">{}</td></tr>",
            escape(&f.name),
            f.calls,
            f.backedges,
            if f.hot { "yes" } else { "no" },
            escape(f.reason.explain()),
            f.reason
        );
    }
    h.push_str("</table>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Options;
    use crate::profile::{CompiledSite, SiteKind};
    use crate::reason::Reason;
    use crate::report::{FuncRow, ReceiverCount};
    use crate::timeline::Event;

    fn report(name: &str) -> Report {
        Report {
            version: 1,
            file: format!("{name}.go"),
            options: Options::default(),
            sites: vec![SiteRow {
                pos: "p.go:1:2".into(),
                caller: name.into(),
                interface: "main.I".into(),
                method: "M".into(),
                kind: SiteKind::Iface,
                calls: 1000,
                receivers: vec![
                    ReceiverCount {
                        ty: name.into(),
                        count: 900,
                    },
                    ReceiverCount {
                        ty: "main.B".into(),
                        count: 100,
                    },
                ],
                other: 0,
                decision: format!("guard {name}"),
                reason: Reason::Biased,
                compiled: Some(CompiledSite {
                    shape: format!("guard {name}"),
                    guard_hits: None,
                    guard_misses: 100,
                    indirect_calls: 0,
                    recompiles: 2,
                    settled: false,
                    receivers_estimated: false,
                }),
            }],
            functions: vec![FuncRow {
                name: name.into(),
                calls: 1,
                backedges: 1000,
                hot: true,
                reason: Reason::HotLoops,
            }],
            direct_calls: vec![],
        }
    }

    #[test]
    fn names_are_escaped_everywhere() {
        let evil = "main.<script>alert(\"x&y\")</script>'";
        let t = Timeline {
            events: vec![Event {
                kind: EventKind::Recompile,
                t_ns: 5,
                func: evil.into(),
                detail: evil.into(),
            }],
            dropped: 0,
            run_ns: 10,
        };
        let page = to_html(&report(evil), Some(&t));
        assert!(!page.contains(evil));
        assert!(!page.contains("<script>alert"));
        assert!(page.contains("main.&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;&#39;"));
        // The page's own scripts are the only ones.
        assert_eq!(page.matches("<script>").count(), 2);
    }

    #[test]
    fn bars_are_proportional_to_the_counts() {
        let page = to_html(&report("main.A"), None);
        assert!(page.contains(&format!("width:{}px", BAR_TRACK_PX * 9 / 10)));
        assert!(page.contains(&format!("width:{}px", BAR_TRACK_PX / 10)));
        assert!(page.contains("900 (90.0%)") && page.contains("100 (10.0%)"));
        assert!(page.contains("<dt>recompilations</dt><dd>2</dd>"));
        assert!(page.contains("No timeline"));
        assert_eq!(bar_px(1, 3), (BAR_TRACK_PX + 1) / 3);
        assert_eq!(bar_px(5, 0), 0);
    }

    #[test]
    fn dropped_events_are_reported() {
        let t = Timeline {
            events: vec![],
            dropped: 7,
            run_ns: 1_000_000,
        };
        let page = to_html(&report("main.A"), Some(&t));
        assert!(page.contains("7 later events dropped"));
    }

    #[test]
    fn tick_steps_are_round() {
        assert_eq!(nice_step(0.3), 0.5);
        assert_eq!(nice_step(3.0), 5.0);
        assert_eq!(nice_step(12.0), 20.0);
        assert_eq!(fmt_tick(0.5, 0.5), "0.5");
    }
}
