#!/usr/bin/env bash
# go-pgo.sh [FILTER] — build every benches/workloads/*.go with real Go, twice:
#
#   target/bench-go/NAME      plain `go build`
#   target/bench-go/NAME.pgo  `go build -pgo=default.pgo`
#
# The profile comes from the SAME program built with an extra file behind
# the `pgoprofile` build tag: its init() starts runtime/pprof CPU profiling,
# runs main() itself, stops the profile and exits. So the profile names the
# binary's own `main.run` etc. (A `go test -cpuprofile` profile names package
# main differently and silently matches nothing.) main() is repeated for
# PGO_PROFILE_SECONDS (default 3) so the profile has enough samples.
#
# Then it checks the PGO build really devirtualized: it rebuilds with
# -gcflags=-m=2 and prints the `PGO devirtualizing` lines; it warns loudly
# when none names the workload's //go:noinline loop function `run`.
# Every binary's stdout must equal the recorded NAME.stdout.
#
# Needs Go 1.27 (scripts/go-env.sh). Output dir: ${CARGO_TARGET_DIR:-target}/bench-go.
# Workloads with `// calls: 0` (hello) are built both ways too, but have no
# call site to devirtualize, so the check is skipped for them.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here/.."

filter=${1:-}
source "$here/go-env.sh" >/dev/null

out=${CARGO_TARGET_DIR:-target}/bench-go
mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/go-pgo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

warnings=0
warn() {
  echo "go-pgo: WARNING: $*" >&2
  warnings=$((warnings + 1))
}

check_stdout() { # BINARY EXPECTED_FILE
  local got
  if [ ! -f "$2" ]; then
    warn "$2 missing; output of $1 not checked"
    return 0
  fi
  got=$("$1")
  if [ "$got" != "$(cat "$2")" ]; then
    echo "go-pgo: $1 printed '$got', expected '$(cat "$2")'" >&2
    exit 1
  fi
}

for f in benches/workloads/*.go; do
  name=$(basename "$f" .go)
  [[ $name == *"$filter"* ]] || continue
  want=benches/workloads/$name.stdout
  d=$tmp/$name
  mkdir -p "$d"
  cp "$f" "$d/main.go"
  printf 'module bench\n\ngo 1.27\n' >"$d/go.mod"
  cat >"$d/pgoprofile.go" <<'EOF'
//go:build pgoprofile

package main

import (
	"os"
	"runtime/pprof"
	"strconv"
	"time"
)

// Profiling twin: profile main() itself, repeated until PGO_PROFILE_SECONDS
// have passed (one run is ~0.1 s, ~10 samples: too few for PGO's hot-edge
// threshold), then exit before the real main runs.
func init() {
	secs, err := strconv.ParseFloat(os.Getenv("PGO_PROFILE_SECONDS"), 64)
	if err != nil {
		secs = 3
	}
	f, err := os.Create(os.Getenv("PGO_PROFILE_OUT"))
	if err != nil {
		panic(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		panic(err)
	}
	deadline := time.Now().Add(time.Duration(secs * float64(time.Second)))
	for {
		main()
		if time.Now().After(deadline) {
			break
		}
	}
	pprof.StopCPUProfile()
	if err := f.Close(); err != nil {
		panic(err)
	}
	os.Exit(0)
}
EOF

  # (a) plain
  (cd "$d" && "$GO" build -o "$out/$name" .)
  check_stdout "$out/$name" "$want"
  echo "go-pgo: built $out/$name" >&2

  # (b) profile, then PGO build
  (cd "$d" && "$GO" build -tags pgoprofile -o "$d/prof" .)
  PGO_PROFILE_OUT=$d/default.pgo "$d/prof" >/dev/null
  cp "$d/default.pgo" "$out/$name.default.pgo"
  (cd "$d" && "$GO" build -pgo=default.pgo -o "$out/$name.pgo" .)
  check_stdout "$out/$name.pgo" "$want"
  echo "go-pgo: built $out/$name.pgo (profile $out/$name.default.pgo)" >&2

  # did PGO devirtualize the call site in run()?
  calls=$(head -n1 "$f" | sed -n 's/^\/\/ calls: *//p' | tr -d _)
  if [ "${calls:-0}" = 0 ]; then
    echo "go-pgo: $name: no interface calls, devirtualization not expected" >&2
    continue
  fi
  # -gcflags applies to package main only; a cached build replays its output
  diag=$(cd "$d" && "$GO" build -pgo=default.pgo -gcflags=-m=2 -o /dev/null . 2>&1 | grep '^\./main\.go' || true)
  devirt=$(grep -i 'devirtualiz' <<<"$diag" || true)
  if [ -n "$devirt" ]; then
    echo "go-pgo: $name: devirtualization lines:" >&2
    sed 's/^/    /' <<<"$devirt" >&2
  fi
  # line range of `func run(` ... the next top-level `}`
  start=$(grep -n '^func run(' "$d/main.go" | head -n1 | cut -d: -f1)
  end=$(awk -v s="$start" 'NR > s && /^}/ { print NR; exit }' "$d/main.go")
  inrun=$(awk -F: -v s="$start" -v e="$end" '$2 >= s && $2 <= e' <<<"$devirt" | grep -i 'PGO devirtualizing' || true)
  if [ -z "$inrun" ]; then
    if [ "$name" = mega8 ]; then
      echo "go-pgo: $name: no PGO devirtualization in run() (expected: 8 types, no hot callee)" >&2
    else
      warn "$name: NO 'PGO devirtualizing' line inside run() (main.go:$start-$end) — the .pgo binary is NOT devirtualized"
    fi
  fi
  if grep -q "inlining call to run" <<<"$diag"; then
    warn "$name: run() was inlined into its caller; the devirtualized copy may be lost"
  fi
done

if [ "$warnings" -gt 0 ]; then
  echo "go-pgo: ============================================" >&2
  echo "go-pgo: $warnings WARNING(S) — see above" >&2
  echo "go-pgo: ============================================" >&2
fi
