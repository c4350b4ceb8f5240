#!/usr/bin/env bash
# bench-pgo-profiles.sh [FILTER] — Go+PGO fed two profiles of the same
# program, on the seven dispatch scenarios of ../shared/bench (or
# $BENCH_DIR), in one run:
#
#   cpu     `go build -pgo=cpu.pprof`: a CPU profile of the same binary
#           running main() for $PGO_SECONDS (default 2) under runtime/pprof
#           (a `//go:build pgoprofile` file's init, as ../shared/bench's
#           README and bench-vs-go.sh make it)
#   pgojit  `go build -pgo=pgojit.pgo`: `pgojit profile --format=pprof -o
#           pgojit.pgo FILE.go` (default flags), pgojit's exact counts
#
# Measured as the README says: whole-process wall time, 1 warm-up and $RUNS
# runs (default 7) per binary, the two alternating, medians; ns/call =
# (median - median of an empty Go program) / $CALLS (100,000,000). Prints
# per scenario the medians, ns/call, the ratio pgojit/cpu of the ns/call
# (at most 1: pgojit's profile is at least as fast), and the callee each
# build devirtualized `run`'s call site to (from -gcflags=-m=2).
# Needs Go 1.27 (scripts/go-env.sh installs it) and bc.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here/.."
filter=${1:-}
runs=${RUNS:-7}
calls=${CALLS:-100000000}
dir=${BENCH_DIR:-../shared/bench}
secs=${PGO_SECONDS:-2}
pgojit=${PGOJIT:-${CARGO_TARGET_DIR:-target}/release/pgojit}
[ -x "$pgojit" ] || cargo build --release >&2
source "$here/go-env.sh" >/dev/null
scen=()
for s in mono biased90 bimorphic megamorphic phase random80 static; do
  [[ $s == *"$filter"* ]] && scen+=("$s")
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-pgo-profiles.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/empty.go" <<'GO'
package main

import "fmt"

func main() {
	fmt.Println("hello")
}
GO

# the callee(s) PGO devirtualized run's call to, with profile $2 in dir $1
devirt() {
  (cd "$1" && "$GO" build -pgo="$2" -gcflags=-m=2 -o /dev/null . 2>&1) |
    sed -n 's/.*PGO devirtualizing .* to \(.*\)$/\1/p' | sort -u | paste -sd, -
}

# builds $tmp/bin/NAME.cpu and NAME.pgojit from FILE; records the callees
build() {
  local name=$1 file=$2 d=$tmp/go/$1
  mkdir -p "$d" "$tmp/bin"
  cp "$file" "$d/main.go"
  printf 'module bench\n\ngo 1.27\n' >"$d/go.mod"
  cat >"$d/pgoprofile.go" <<EOF
//go:build pgoprofile

package main

import (
	"os"
	"runtime/pprof"
	"time"
)

// Profile main() itself for $secs s, then exit.
func init() {
	f, err := os.Create(os.Getenv("PGO_PROFILE_OUT"))
	if err != nil {
		panic(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		panic(err)
	}
	deadline := time.Now().Add(time.Duration($secs * float64(time.Second)))
	for time.Now().Before(deadline) {
		main()
	}
	pprof.StopCPUProfile()
	f.Close()
	os.Exit(0)
}
EOF
  (cd "$d" && "$GO" build -tags pgoprofile -o "$d/prof" .)
  PGO_PROFILE_OUT=$d/cpu.pprof "$d/prof" >/dev/null
  (cd "$d" && "$GO" build -pgo=cpu.pprof -o "$tmp/bin/$name.cpu" .)
  "$pgojit" profile --format=pprof -o "$d/pgojit.pgo" "$file" >/dev/null
  (cd "$d" && "$GO" build -pgo=pgojit.pgo -o "$tmp/bin/$name.pgojit" .)
  if [ "$name" != empty ]; then
    echo "$(devirt "$d" cpu.pprof)" >"$tmp/callee.$name.cpu"
    echo "$(devirt "$d" pgojit.pgo)" >"$tmp/callee.$name.pgojit"
    local a b
    a=$("$tmp/bin/$name.cpu")
    b=$("$tmp/bin/$name.pgojit")
    [ "$a" = "$b" ] || { echo "bench-pgo-profiles: $name: outputs differ: $a / $b" >&2; exit 1; }
  fi
}

echo "bench-pgo-profiles: $("$GO" version); pgojit $pgojit; $runs runs" >&2
build empty "$tmp/empty.go"
for s in "${scen[@]}"; do
  echo "bench-pgo-profiles: building $s" >&2
  build "$s" "$dir/$s.go"
done

wall() { # microseconds of one run
  local s e
  s=$(date +%s%N)
  "$1" >/dev/null
  e=$(date +%s%N)
  echo "$(((e - s) / 1000))"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for s in empty "${scen[@]}"; do
  : >"$tmp/res.$s.cpu"
  : >"$tmp/res.$s.pgojit"
  wall "$tmp/bin/$s.cpu" >/dev/null
  wall "$tmp/bin/$s.pgojit" >/dev/null
  for ((r = 0; r < runs; r++)); do
    wall "$tmp/bin/$s.cpu" >>"$tmp/res.$s.cpu"
    wall "$tmp/bin/$s.pgojit" >>"$tmp/res.$s.pgojit"
  done
done

ec=$(median <"$tmp/res.empty.cpu")
ep=$(median <"$tmp/res.empty.pgojit")
printf '%-12s %10s %10s %9s %9s %7s  %-28s %s\n' scenario "cpu ms" "pgojit ms" "cpu ns" "pgojit ns" ratio \
  "devirtualized to (cpu)" "(pgojit)"
for s in "${scen[@]}"; do
  mc=$(median <"$tmp/res.$s.cpu")
  mp=$(median <"$tmp/res.$s.pgojit")
  nc=$(echo "scale=4; ($mc - $ec) * 1000 / $calls" | bc)
  np=$(echo "scale=4; ($mp - $ep) * 1000 / $calls" | bc)
  ratio=$(echo "scale=4; $np / $nc" | bc)
  printf '%-12s %10.1f %10.1f %9.2f %9.2f %7.2f  %-28s %s\n' "$s" "$(echo "$mc / 1000" | bc -l)" \
    "$(echo "$mp / 1000" | bc -l)" "$nc" "$np" "$ratio" \
    "$(cat "$tmp/callee.$s.cpu")" "$(cat "$tmp/callee.$s.pgojit")"
done
echo "(ratio = pgojit ns/call / cpu ns/call; below 1: pgojit's profile gives the faster binary)"
