#!/usr/bin/env bash
# bench-interp.sh [BIN...] — the interpreter on the seven dispatch scenarios
# of ../shared/bench (or $BENCH_DIR): `BIN run --tier=interp FILE.go` with
# profiling on (the default), 1 warm-up and $RUNS runs (default 5) per
# scenario, the binaries alternating (A B A B ...); prints ns per call per
# scenario, (median wall - median wall of an empty program) / $CALLS
# (100,000,000 unless set), and the median over the scenarios.
#
#   BIN      pgojit binaries to compare (default: target/release/pgojit);
#            each gets a column, so a before/after pair is one run.
#   RUNS, BENCH_DIR, CALLS   see above.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here/.."
bins=("$@")
[ ${#bins[@]} -eq 0 ] && bins=(target/release/pgojit)
runs=${RUNS:-5}
calls=${CALLS:-100000000}
dir=${BENCH_DIR:-../shared/bench}
scen=(mono biased90 bimorphic megamorphic phase random80 static)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/empty.go" <<'GO'
package main

import "fmt"

func main() {
	fmt.Println("hello")
}
GO

# wall seconds of one run
wall() {
  local s e
  s=$(date +%s%N)
  "$@" > /dev/null
  e=$(date +%s%N)
  echo "scale=6; ($e - $s) / 1000000000" | bc
}
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.6f\n", (a[NR/2]+a[NR/2+1])/2}'; }

files=("$tmp/empty.go")
for s in "${scen[@]}"; do files+=("$dir/$s.go"); done
for f in "${files[@]}"; do
  name=$(basename "$f" .go)
  for i in "${!bins[@]}"; do "${bins[$i]}" run --tier=interp "$f" > /dev/null; done  # warm-up
  for ((r = 0; r < runs; r++)); do
    for i in "${!bins[@]}"; do
      wall "${bins[$i]}" run --tier=interp "$f" >> "$tmp/$name.$i"
    done
  done
done

printf '%-12s' scenario
for b in "${bins[@]}"; do printf ' %22s' "$(echo "$b" | rev | cut -c1-22 | rev)"; done
echo
for i in "${!bins[@]}"; do
  e=$(median < "$tmp/empty.$i")
  for s in "${scen[@]}"; do
    m=$(median < "$tmp/$s.$i")
    echo "scale=3; ($m - $e) * 1000000000 / $calls" | bc >> "$tmp/ns.$i"
  done
done
for k in "${!scen[@]}"; do
  printf '%-12s' "${scen[$k]}"
  for i in "${!bins[@]}"; do printf ' %22.2f' "$(sed -n "$((k + 1))p" "$tmp/ns.$i")"; done
  echo
done
printf '%-12s' median
for i in "${!bins[@]}"; do printf ' %22.2f' "$(median < "$tmp/ns.$i")"; done
echo
printf '%-12s' "empty (s)"
for i in "${!bins[@]}"; do printf ' %22.3f' "$(median < "$tmp/empty.$i")"; done
echo
