#!/usr/bin/env bash
# bench-alloc.sh [FILTER] — the allocation-heavy programs of benches/alloc
# (binarytrees, boxing, slices) under pgojit and `go build`, in one run:
# whole-process wall time and peak RSS (/usr/bin/time), 1 warm-up and
# $RUNS runs (default 5) per system, the systems alternating, medians.
# Every run's stdout must equal the Go binary's. Prints per program the
# medians, the ratios pgojit/Go (time and RSS; issue 17 asks for time at
# most 1 and RSS at most 1.5), and the collector's figures from one
# `--stats` run (collections, GC time, median and longest pause).
# $PGOJIT names the binary (default target/release/pgojit); $PGOJIT_FLAGS
# adds flags (e.g. --gc-threads=1). Needs Go 1.27 (scripts/go-env.sh).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here/.."
filter=${1:-}
runs=${RUNS:-5}
pgojit=${PGOJIT:-target/release/pgojit}
flags=${PGOJIT_FLAGS:-}
[ -x "$pgojit" ] || cargo build --release >&2
source "$here/go-env.sh" >/dev/null
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-alloc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
progs=()
for f in benches/alloc/*.go; do
  p=$(basename "$f" .go)
  [[ $p == *"$filter"* ]] && progs+=("$p")
done
[ ${#progs[@]} -gt 0 ] || { echo "bench-alloc: no program matches '$filter'" >&2; exit 1; }

# one run of command "$@": appends "seconds kilobytes" to $out, checks stdout
run() {
  local out=$1 want=$2
  shift 2
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >"$tmp/stdout"
  cmp -s "$tmp/stdout" "$want" || { echo "bench-alloc: $* printed something else than Go" >&2; exit 1; }
  cat "$tmp/time" >>"$out"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "bench-alloc: $("$GO" version); pgojit $pgojit $flags; $runs runs; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
printf '%-12s %8s %8s %6s %9s %9s %6s  %s\n' program "go s" "pgojit s" ratio "go MB" "pgojit MB" ratio "pgojit --stats"
for p in "${progs[@]}"; do
  (cd "$tmp" && "$GO" build -o "$tmp/$p" "$OLDPWD/benches/alloc/$p.go")
  "$tmp/$p" >"$tmp/$p.want"
  : >"$tmp/$p.go"
  : >"$tmp/$p.pj"
  # shellcheck disable=SC2086
  "$pgojit" run $flags "benches/alloc/$p.go" >/dev/null
  for ((r = 0; r < runs; r++)); do
    run "$tmp/$p.go" "$tmp/$p.want" "$tmp/$p"
    # shellcheck disable=SC2086
    run "$tmp/$p.pj" "$tmp/$p.want" "$pgojit" run $flags "benches/alloc/$p.go"
  done
  gs=$(awk '{print $1}' "$tmp/$p.go" | median)
  ps=$(awk '{print $1}' "$tmp/$p.pj" | median)
  gm=$(awk '{print $2}' "$tmp/$p.go" | median)
  pm=$(awk '{print $2}' "$tmp/$p.pj" | median)
  # shellcheck disable=SC2086
  st=$("$pgojit" run --stats $flags "benches/alloc/$p.go" 2>&1 >/dev/null |
    awk '/gc collections/ {c=$3} /gc time/ {t=$3} /gc pauses/ {p=$4; m=$7} END {printf "%s GCs, %s s GC, pause p50 %s ms max %s ms", c, t, p, m}')
  printf '%-12s %8.2f %8.2f %6.2f %9.1f %9.1f %6.2f  %s\n' "$p" "$gs" "$ps" "$(echo "$ps / $gs" | bc -l)" \
    "$(echo "$gm / 1024" | bc -l)" "$(echo "$pm / 1024" | bc -l)" "$(echo "$pm / $gm" | bc -l)" "$st"
done
