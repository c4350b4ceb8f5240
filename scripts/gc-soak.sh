#!/usr/bin/env bash
# gc-soak.sh [SCALE] — the collector's soak test: tests/gc/churn.go scaled up
# (SCALE=140 by default: 2.8 billion boxings of a struct into an interface and
# 20,000 linked lists of 10,000 nodes, about 48 GB allocated), run with
# --stats under /usr/bin/time; prints pgojit's output, its statistics and the
# peak RSS. Compare the output with real Go: scripts/go-env.sh, then build the
# same generated file with `go build`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scale=${1:-140}
out=${TMPDIR:-/tmp}/pgojit-gc-soak.go
sed -e "s/i < 20000000/i < $((20000000 * scale))/" -e "s/round < 200/round < $((200 * scale / 1))/" tests/gc/churn.go > "$out"
cargo build --release -q
/usr/bin/time -f "wall %e s, peak RSS %M KB" target/release/pgojit run --stats "$out"
