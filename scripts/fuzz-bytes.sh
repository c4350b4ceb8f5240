#!/usr/bin/env bash
# fuzz-bytes.sh [--minutes M] [TARGET...]
# libFuzzer on the front end (`frontend`) and on `run` in two tiers (`run`),
# seeded with every Go program of the repository and ../shared/conformance.
# Needs nightly Rust (installed by rustup if missing) and cargo-fuzz
# (installed if missing). Crashes go to fuzz/artifacts/TARGET/. Leak detection
# is off: type descriptors, itabs and string constants are leaked on purpose.
#   scripts/fuzz-bytes.sh --minutes 10 frontend run
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
minutes=10
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    --minutes=*) minutes=${1#*=}; shift ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -eq 0 ] && targets=(frontend run)
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
# LeakSanitizer at exit too (libFuzzer's -detect_leaks covers single inputs only).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
status=0
for t in "${targets[@]}"; do
  corpus=fuzz/corpus/$t
  mkdir -p "$corpus"
  for f in tests/programs/*.go tests/jit/*.go tests/unsupported/*.go ../shared/conformance/*.go; do
    [ -f "$f" ] && cp -n "$f" "$corpus/$(basename "$f")" 2>/dev/null || true
  done
  echo "=== fuzzing $t for $minutes minutes"
  (cd fuzz && cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
      -dict=go.dict -detect_leaks=0 -max_len=8192 -timeout=20 -rss_limit_mb=4096 \
      -max_total_time=$((minutes * 60)) -print_final_stats=1) || status=1
done
exit $status
