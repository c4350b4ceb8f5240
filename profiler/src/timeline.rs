//! A bounded log of a run's tier events (tier-ups, compilations, OSR
//! entries, recompilations) with their times since the run started: what
//! the HTML report's timeline draws. The JIT records into it only when a
//! report asks for it (`pgojit profile --format=html`), at the same places
//! `--trace-tier` prints, all of them off the hot paths; past `cap` events
//! it keeps the first ones and counts the rest as dropped.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use serde::{Deserialize, Serialize};

/// How many events a log keeps by default.
pub const DEFAULT_CAP: usize = 5000;

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// A function was found hot and asked for (more optimized) code.
    TierUp,
    /// A compiler installed code for the function.
    Compiled,
    /// A running activation moved into compiled (or newer) code at a loop
    /// header or call site.
    Osr,
    /// Stale guards (or a stress mode) had the function compiled again.
    Recompile,
}

impl EventKind {
    pub const ALL: [EventKind; 4] = [
        EventKind::TierUp,
        EventKind::Compiled,
        EventKind::Osr,
        EventKind::Recompile,
    ];

    /// The name the report prints.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::TierUp => "tier-up",
            EventKind::Compiled => "compiled",
            EventKind::Osr => "OSR entry",
            EventKind::Recompile => "recompilation",
        }
    }
}

/// One event: its kind, the function, what `--trace-tier` would say, and
/// when (nanoseconds since the run started).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub kind: EventKind,
    pub t_ns: u64,
    pub func: String,
    pub detail: String,
}

/// The events of a run as the report reads them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    /// In the order they were recorded (times nearly ascending: threads
    /// record concurrently).
    pub events: Vec<Event>,
    /// Events past the log's cap, not kept.
    pub dropped: u64,
    /// The run's length (to the end of the program), in nanoseconds.
    pub run_ns: u64,
}

impl Timeline {
    /// How many kept events are of `kind`.
    pub fn count(&self, kind: EventKind) -> usize {
        self.events.iter().filter(|e| e.kind == kind).count()
    }
}

/// The log the JIT records into (shared between the program's threads and
/// the compiler thread).
pub struct EventLog {
    start: Instant,
    cap: usize,
    events: Mutex<Vec<Event>>,
    dropped: AtomicU64,
    end_ns: AtomicU64,
}

impl EventLog {
    /// A log whose times count from `start`, keeping at most `cap` events.
    pub fn new(start: Instant, cap: usize) -> EventLog {
        EventLog {
            start,
            cap,
            events: Mutex::new(Vec::new()),
            dropped: AtomicU64::new(0),
            end_ns: AtomicU64::new(0),
        }
    }

    /// Records an event now; `detail` is built only when the event is kept.
    pub fn record(&self, kind: EventKind, func: &str, detail: impl FnOnce() -> String) {
        let t_ns = self.start.elapsed().as_nanos() as u64;
        let mut ev = self.events.lock().unwrap_or_else(|e| e.into_inner());
        if ev.len() >= self.cap {
            self.dropped.fetch_add(1, Ordering::Relaxed);
            return;
        }
        ev.push(Event {
            kind,
            t_ns,
            func: func.to_string(),
            detail: detail(),
        });
    }

    /// Marks the end of the run (the timeline's right edge).
    pub fn end(&self) {
        let t = self.start.elapsed().as_nanos() as u64;
        self.end_ns.store(t, Ordering::Relaxed);
    }

    /// The events so far; the run's length is the time of [`EventLog::end`]
    /// (now, when it was not called).
    pub fn timeline(&self) -> Timeline {
        let events = self
            .events
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let end = match self.end_ns.load(Ordering::Relaxed) {
            0 => self.start.elapsed().as_nanos() as u64,
            t => t,
        };
        let run_ns = events.iter().map(|e| e.t_ns).fold(end, u64::max);
        Timeline {
            events,
            dropped: self.dropped.load(Ordering::Relaxed),
            run_ns,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_cap_events_and_counts_the_rest() {
        let log = EventLog::new(Instant::now(), 3);
        let mut built = 0;
        for i in 0..5 {
            log.record(EventKind::TierUp, &format!("f{i}"), || {
                built += 1;
                format!("event {i}")
            });
        }
        let t = log.timeline();
        assert_eq!(built, 3, "details of dropped events are never built");
        let names: Vec<&str> = t.events.iter().map(|e| e.func.as_str()).collect();
        assert_eq!(names, ["f0", "f1", "f2"]);
        assert_eq!(t.dropped, 2);
        assert!(t.events.windows(2).all(|w| w[0].t_ns <= w[1].t_ns));
        assert!(t.run_ns >= t.events[2].t_ns);
    }
}
