//! Native Rust references for the dispatch table: the same loops as
//! `benches/workloads/*.go` (`run(table, n)`: walk `table` round-robin,
//! summing `Area()`), timed in-process, with three kinds of call:
//!
//! - `rs-static`: direct static calls (a `match` on an enum of the concrete
//!   types, each arm calling its type's `area` directly; inlinable);
//! - `rs-dyn`: a `dyn Shape` virtual call every iteration;
//! - `rs-guard`: the hand-written guard a devirtualizer emits,
//!   `if tag == HOT { HOT::area(x) } else { x.area() /* dyn */ }`, where
//!   HOT is the type Go's PGO would pick (the most frequent).
//!
//! `std::hint::black_box` on every element and on the result keeps the
//! optimizer from folding the loop.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Which call the loop makes.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    Static,
    Dyn,
    Guard,
}

trait Shape {
    fn area(&self) -> i64;
}

macro_rules! shapes {
    ($($t:ident = $tag:expr),*) => {
        $(
            struct $t {
                v: i64,
            }
            impl Shape for $t {
                fn area(&self) -> i64 {
                    self.v
                }
            }
        )*
        /// Static dispatch: one variant per concrete type.
        enum Any {
            $($t($t)),*
        }
        impl Any {
            #[inline]
            fn area(&self) -> i64 {
                match self {
                    $(Any::$t(x) => <$t as Shape>::area(x)),*
                }
            }
        }
        fn make(tag: u8, v: i64) -> (Any, Entry) {
            match tag {
                $($tag => (Any::$t($t { v }), Entry { tag, obj: Box::new($t { v }) }),)*
                _ => unreachable!(),
            }
        }
    };
}

shapes!(
    Square = 0,
    Circle = 1,
    T0 = 2,
    T1 = 3,
    T2 = 4,
    T3 = 5,
    T4 = 6,
    T5 = 7,
    T6 = 8,
    T7 = 9
);

/// A Go interface value: the tag plays the itab pointer, which a PGO guard
/// compares against the hot type's.
struct Entry {
    tag: u8,
    obj: Box<dyn Shape>,
}

const SQUARE: u8 = 0;
const CIRCLE: u8 = 1;
const T0_TAG: u8 = 2;

struct Table {
    stat: Vec<Any>,
    dynamic: Vec<Entry>,
}

fn table(items: &[(u8, i64)]) -> Table {
    let (stat, dynamic) = items.iter().map(|&(t, v)| make(t, v)).unzip();
    Table { stat, dynamic }
}

fn run(t: &Table, n: usize, kind: Kind, hot: u8) -> i64 {
    let mut sum = 0i64;
    let mut j = 0;
    match kind {
        Kind::Static => {
            for _ in 0..n {
                sum = sum.wrapping_add(black_box(&t.stat[j]).area());
                j += 1;
                if j == t.stat.len() {
                    j = 0;
                }
            }
        }
        Kind::Dyn => {
            for _ in 0..n {
                sum = sum.wrapping_add(black_box(&t.dynamic[j]).obj.area());
                j += 1;
                if j == t.dynamic.len() {
                    j = 0;
                }
            }
        }
        Kind::Guard => {
            for _ in 0..n {
                let e = black_box(&t.dynamic[j]);
                let a = if e.tag == hot {
                    guarded_area(e, hot)
                } else {
                    e.obj.area()
                };
                sum = sum.wrapping_add(a);
                j += 1;
                if j == t.dynamic.len() {
                    j = 0;
                }
            }
        }
    }
    black_box(sum)
}

/// The guard's fast path: a direct (inlined) call on the concrete type.
#[inline(always)]
fn guarded_area(e: &Entry, hot: u8) -> i64 {
    let p = &*e.obj as *const dyn Shape;
    // SAFETY: `make` boxes the concrete type that `tag` names.
    unsafe {
        match hot {
            SQUARE => <Square as Shape>::area(&*(p as *const Square)),
            T0_TAG => <T0 as Shape>::area(&*(p as *const T0)),
            _ => e.obj.area(),
        }
    }
}

/// Time one run of the native loop for workload `name` (`calls` calls in
/// all). `None` if there is no native twin for that workload.
pub fn time(name: &str, calls: u64, kind: Kind) -> Option<(Duration, i64)> {
    let n = calls as usize;
    let sq = (SQUARE, 3);
    let ci = (CIRCLE, 5);
    let mut phase2: Option<Table> = None;
    let (t, hot) = match name {
        "mono" => (table(&[sq]), SQUARE),
        "biased" => {
            let mut items: Vec<(u8, i64)> = (0..10).map(|i| (SQUARE, i)).collect();
            items[4] = (CIRCLE, 7);
            (table(&items), SQUARE)
        }
        "bimorphic" => (table(&[(SQUARE, 2), ci]), SQUARE),
        "random8020" | "random5050" => {
            let circles = if name == "random8020" { 20 } else { 50 };
            let mut seed: u32 = 20240601;
            let items: Vec<(u8, i64)> = (0..4096)
                .map(|_| {
                    seed = seed.wrapping_mul(1664525).wrapping_add(1013904223);
                    if (seed >> 16) % 100 < circles {
                        ci
                    } else {
                        sq
                    }
                })
                .collect();
            (table(&items), SQUARE)
        }
        "phase" => {
            phase2 = Some(table(&[(CIRCLE, 4)]));
            (table(&[sq]), SQUARE)
        }
        "mega8" => {
            let items: Vec<(u8, i64)> = (0..8).map(|i| (T0_TAG + i as u8, i)).collect();
            (table(&items), T0_TAG)
        }
        _ => return None,
    };
    if n == 0 {
        return None;
    }
    let start = Instant::now();
    let sum = match &phase2 {
        None => run(&t, n, kind, hot),
        Some(t2) => run(&t, n / 2, kind, hot).wrapping_add(run(t2, n - n / 2, kind, hot)),
    };
    Some((start.elapsed(), sum))
}
