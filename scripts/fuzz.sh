#!/usr/bin/env bash
# fuzz.sh [--seeds N] [--start S] [--jobs J] [--go=auto|always|never] [--go-every K] [...]
# Differential fuzzing: builds pgojit and the program generator (progen/),
# then runs N generated Go programs (seeds S..S+N-1) through every tier and
# stress mode, each compared with --tier=interp; when Go is installed (PATH,
# $GO, or ../shared/bin/go-oracle's venv) every 10th program (--go-every) is
# also built with Go and compared.
# Failing programs and reports go to target/fuzz-failures/.
#   scripts/fuzz.sh --seeds 10000 --start 1
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build --release --workspace --quiet
start=$SECONDS
status=0
target/release/pgojit-fuzz diff --pgojit target/release/pgojit "$@" || status=$?
echo "fuzz.sh: $((SECONDS - start)) s"
exit $status
