//! `pgojit profile --format=html` in a real browser: headless Chromium
//! (Debian's `chromium`) loads the page, which must run its script without
//! an error, and a screenshot must show the receiver bars in the
//! proportion of the interpreter's exact counts. Without Chromium the
//! browser checks print a skip notice (`.ci/run` installs it).
//!
//! The programs: tests/profile/biased_90_10.go (one site, `main.A` 9 calls
//! in 10, `*main.B` the tenth) and tests/profile/phase_shift.go (a site
//! whose receiver type changes halfway, so its guard goes stale and is
//! recompiled, and a steady 3:1 site).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn pgojit(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_pgojit"))
        .args(args)
        .output()
        .expect("pgojit runs");
    assert!(
        out.status.success(),
        "pgojit {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn program(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/profile")
        .join(name)
        .display()
        .to_string()
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("pgojit-html-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("scratch dir");
    d
}

/// Writes the HTML report of `prog` (run with `flags`) to `dir/name`;
/// returns the page and pgojit's stderr.
fn html_report(dir: &Path, name: &str, prog: &str, flags: &[&str]) -> (String, String) {
    let path = dir.join(name);
    let path_s = path.display().to_string();
    let mut args = vec!["profile", "--format=html", "-o", &path_s];
    args.extend_from_slice(flags);
    args.push(prog);
    let out = pgojit(&args);
    let page = std::fs::read_to_string(&path).expect("the report file");
    (page, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The interpreter's exact receiver counts of the hottest site.
fn exact_counts(prog: &str) -> (u64, Vec<(String, u64)>) {
    let out = pgojit(&["profile", "--tier=interp", "--format=json", prog]);
    let err = String::from_utf8_lossy(&out.stderr);
    let v: serde_json::Value =
        serde_json::from_str(&err[err.find('{').expect("JSON")..]).expect("valid JSON");
    let site = &v["sites"][0];
    let rows = site["receivers"]
        .as_array()
        .expect("receivers")
        .iter()
        .map(|r| {
            (
                r["type"].as_str().unwrap().to_string(),
                r["count"].as_u64().unwrap(),
            )
        })
        .collect();
    (site["calls"].as_u64().unwrap(), rows)
}

/// The text between `start` and the next `end` after it.
fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let at = s.find(start)? + start.len();
    Some(&s[at..at + s[at..].find(end)?])
}

/// The page needs nothing from the network.
fn assert_self_contained(page: &str) {
    for bad in ["src=", "href=\"http", "url(", "@import", "<link"] {
        assert!(!page.contains(bad), "the page loads something: {bad}");
    }
}

/// Chromium, if installed.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

fn headless(browser: &str) -> Command {
    let mut c = Command::new(browser);
    c.args([
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        "--no-first-run",
        "--disable-extensions",
        "--force-device-scale-factor=1",
        "--hide-scrollbars",
    ]);
    c
}

/// Loads `page` in the browser: the DOM after its scripts ran, and the
/// console messages the browser logged.
fn load(browser: &str, page: &Path, dir: &Path) -> (String, Vec<String>) {
    let out = headless(browser)
        .args(["--enable-logging=stderr", "--v=0", "--dump-dom"])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    let err = String::from_utf8_lossy(&out.stderr);
    let console = err
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    (String::from_utf8_lossy(&out.stdout).into_owned(), console)
}

/// The page ran its script to the end, with no error.
fn assert_script_ran(browser: &str, page: &Path, dir: &Path) -> String {
    let (dom, console) = load(browser, page, dir);
    assert!(
        console.is_empty(),
        "console messages (script errors?): {console:#?}"
    );
    let status = between(&dom, "<div id=\"js-status\"", "</div>").expect("the status marker");
    assert!(
        status.contains("data-status=\"ok\""),
        "the page's script did not finish: {status}"
    );
    dom
}

/// A screenshot of `page`, decoded: (width, height, RGB rows).
fn screenshot(browser: &str, page: &Path, dir: &Path) -> (usize, usize, Vec<u8>) {
    let png_path = dir.join("shot.png");
    let out = headless(browser)
        .arg(format!("--screenshot={}", png_path.display()))
        .arg("--window-size=1200,1400")
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    let bytes = std::fs::read(&png_path).unwrap_or_else(|e| {
        panic!(
            "no screenshot ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let mut dec = png::Decoder::new(std::io::Cursor::new(bytes));
    dec.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = dec.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let channels = info.color_type.samples();
    let (w, h) = (info.width as usize, info.height as usize);
    let mut rgb = Vec::with_capacity(w * h * 3);
    for px in buf[..info.buffer_size()].chunks(channels) {
        if channels >= 3 {
            rgb.extend_from_slice(&px[..3]);
        } else {
            rgb.extend_from_slice(&[px[0], px[0], px[0]]);
        }
    }
    (w, h, rgb)
}

/// The bars of colour `c` in the image, top to bottom: (top row, left x,
/// width in pixels, height in rows). A bar is a run of rows whose pixels
/// of that colour form the same single horizontal span.
fn bars(w: usize, h: usize, rgb: &[u8], c: (u8, u8, u8)) -> Vec<(usize, usize, usize, usize)> {
    let is = |x: usize, y: usize| {
        let i = (y * w + x) * 3;
        (rgb[i], rgb[i + 1], rgb[i + 2]) == c
    };
    let mut out: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut prev: Option<(usize, usize)> = None;
    for y in 0..h {
        // The row's spans of the colour.
        let mut spans = Vec::new();
        let mut x = 0;
        while x < w {
            if is(x, y) {
                let x0 = x;
                while x < w && is(x, y) {
                    x += 1;
                }
                spans.push((x0, x - x0));
            } else {
                x += 1;
            }
        }
        let span = match spans.as_slice() {
            [one] => Some(*one),
            _ => None,
        };
        match (span, prev) {
            (Some(s), Some(p)) if s == p => out.last_mut().unwrap().3 += 1,
            (Some(s), _) => out.push((y, s.0, s.1, 1)),
            _ => {}
        }
        prev = span;
    }
    // (Drop one-row slivers: text or antialiasing that happens to match.)
    out.retain(|b| b.3 >= 4);
    out
}

#[test]
fn biased_site_bars_in_the_browser() {
    let dir = scratch("biased");
    let prog = program("biased_90_10.go");
    let (page, _) = html_report(&dir, "report.html", &prog, &[]);
    assert_self_contained(&page);
    // The exact counts the interpreter alone gives (every call counted):
    // the page shows the counts and shares of a run with tier-up, whose
    // rows are the same receivers in the same order.
    let (calls, exact) = exact_counts(&prog);
    assert_eq!(exact.len(), 2, "two receiver types: {exact:?}");
    let card = between(&page, "<article class=\"site\"", "</article>").expect("a site card");
    let names: Vec<&str> = card
        .split("<span class=\"name\" title=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    let exact_names: Vec<String> = exact
        .iter()
        .map(|(t, _)| t.replace('&', "&amp;").replace('<', "&lt;"))
        .collect();
    assert_eq!(names, exact_names, "the hottest site's receivers");
    assert!(card.contains("<dt>decision</dt>") && card.contains("<dt>compiled shape</dt>"));
    assert!(page.contains("tier-up") && page.contains("<svg"));

    let Some(browser) = chromium() else {
        eprintln!("SKIPPED: the browser checks (no chromium or chromium-browser installed)");
        return;
    };
    let path = dir.join("report.html");
    assert_script_ran(browser, &path, &dir);
    let (w, h, rgb) = screenshot(browser, &path, &dir);
    let found = bars(w, h, &rgb, pgojit_profiler::html::BAR_RGB);
    assert!(
        found.len() >= 2,
        "the receiver bars in the screenshot: {found:?}"
    );
    // The first two bars are the hottest site's: their lengths are in the
    // proportion of the exact counts, and together span the track (within
    // a pixel of rounding each).
    let (a, b) = (found[0], found[1]);
    assert_eq!(a.1, b.1, "bars start at the same x: {found:?}");
    let total = (a.2 + b.2) as f64;
    let want_a = total * exact[0].1 as f64 / calls as f64;
    assert!(
        (a.2 as f64 - want_a).abs() <= 1.5,
        "bars {} and {} px; the exact counts {exact:?} of {calls} want {want_a:.1} px for the first",
        a.2,
        b.2
    );
    let ratio = a.2 as f64 / b.2 as f64;
    let want = exact[0].1 as f64 / exact[1].1 as f64;
    assert!(
        (ratio - want).abs() / want < 0.06,
        "bar ratio {ratio:.2}, counts ratio {want:.2}"
    );
    eprintln!(
        "bars: {} px and {} px (ratio {ratio:.2}; counts {want:.2})",
        a.2, b.2
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn recompilations_and_timeline_in_the_browser() {
    let dir = scratch("phase");
    let prog = program("phase_shift.go");
    // On the spot compilation (`--jit-sync`) makes the stale guard's
    // recompilation certain; `--trace-tier` prints, in the same run, the
    // events the timeline records.
    let (page, trace) = html_report(&dir, "report.html", &prog, &["--jit-sync", "--trace-tier"]);
    assert_self_contained(&page);
    let count = |pred: &dyn Fn(&str) -> bool| trace.lines().filter(|l| pred(l)).count();
    let recompiles = count(&|l| l.ends_with(": recompiling main.phase"));
    assert!(recompiles >= 1, "the phase site recompiles: {trace}");
    let tier_ups = count(&|l| l.contains(": tier-up ") || l.contains(" still runs its "));
    let osr = count(&|l| l.contains(": OSR into compiled ") || l.contains(" leaves its "));
    let compiled = count(&|l| l.starts_with("pgojit: compiled "));
    let summary = between(&page, "<p>Run time ", "</p>").expect("the timeline summary");
    for (n, what) in [
        (tier_ups, "tier-up"),
        (compiled, "compiled"),
        (osr, "OSR entry"),
        (recompiles, "recompilation"),
    ] {
        assert!(
            summary.contains(&format!(" {n} {what}")),
            "--trace-tier printed {n} {what}; the timeline says: {summary}"
        );
    }
    let rows = page.matches("<tr id=\"ev-").count();
    assert_eq!(rows, tier_ups + compiled + osr + recompiles);
    assert_eq!(page.matches("<rect class=\"mark ").count(), rows);
    // Each recompilation's reason, as --trace-tier gave it, is in the
    // timeline's table.
    for l in trace
        .lines()
        .filter(|l| l.ends_with(": recompiling main.phase"))
    {
        let why = l.trim_end_matches(": recompiling main.phase");
        assert!(page.contains(why), "the timeline lacks {why}");
    }
    // The phase site's card counts them (`recompiles` of its compiled code).
    let card = page
        .split("<article class=\"site\"")
        .skip(1)
        .find(|c| c.contains("main.phase</code>"))
        .expect("the phase site's card");
    let n: u32 = between(card, "<dt>recompilations</dt><dd>", "<")
        .expect("recompilations")
        .split(';')
        .next()
        .unwrap()
        .parse()
        .expect("a number");
    assert!(n >= 1 && n as usize <= recompiles, "card says {n}");
    // Times are within the run.
    let run_ms: f64 = summary
        .split(" ms")
        .next()
        .unwrap()
        .parse()
        .expect("run time");
    for t in page.split("<tr id=\"ev-").skip(1) {
        let ms: f64 = between(t, "<td class=\"n\">", " ms")
            .unwrap()
            .parse()
            .unwrap();
        assert!(ms >= 0.0 && ms <= run_ms, "event at {ms} ms of {run_ms}");
    }

    let Some(browser) = chromium() else {
        eprintln!("SKIPPED: the browser check (no chromium or chromium-browser installed)");
        return;
    };
    let dom = assert_script_ran(browser, &dir.join("report.html"), &dir);
    // The script filled in the site count.
    assert!(dom.contains(" shown</span>"), "the filter's count");
    let _ = std::fs::remove_dir_all(&dir);
}
