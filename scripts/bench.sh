#!/usr/bin/env bash
# bench.sh [--go] [FILTER] — build pgojit in release mode and run the
# dispatch benchmark (benches/dispatch.rs) over benches/workloads/*.go:
# a table of ns per call per tier (interp, jit-indirect, jit-guard, jit,
# jit-count, ...), then the ratios (interp/jit, jit-indirect/jit, jit/go+pgo, ...).
#
#   --go     also build each workload with real Go, plain and PGO, into
#            target/bench-go/NAME and NAME.pgo (scripts/go-pgo.sh; for the
#            `go` and `go+pgo` columns; needs Go 1.27, see scripts/go-env.sh)
#   FILTER   only workloads whose name contains it
#
# Environment is passed through: BENCH_RUNS, BENCH_WARMUP, BENCH_MODES,
# BENCH_TIMEOUT, BENCH_TSV, PGOJIT_BIN (see benches/dispatch.rs).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here/.."

build_go=0
filter=
for a in "$@"; do
  case $a in
    --go) build_go=1 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) filter=$a ;;
  esac
done

cargo build --release

if [ $build_go -eq 1 ]; then
  "$here/go-pgo.sh" "$filter"
fi

if [ -n "$filter" ]; then
  export BENCH_FILTER=$filter
fi
exec cargo bench --bench dispatch
