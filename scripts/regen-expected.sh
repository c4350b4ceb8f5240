#!/usr/bin/env bash
# regen-expected.sh [DIR...] — regenerate the expected outputs of Go programs
# with the real Go 1.27 toolchain (the oracle).
#
# For every DIR/NAME.go, in a temporary module (`go 1.27` in go.mod), with
# `go build` and then running the binary directly (never `go run`, which
# rewrites the exit code):
#
#   ce_NAME.go    must fail to build  -> NAME.compile_error: Go's errors as
#                                        `NAME.go:LINE:COL: message` lines (up to
#                                        gc's ten and its `too many errors`)
#   NAME.expect   present (tests/unsupported/: hand-written expectations of
#                 features pgojit rejects) -> Go must build and run it; no output
#                 is written
#   anything else must build          -> NAME.stdout (byte-exact), NAME.exit
#                                        (exit code), NAME.stderr1 (first line
#                                        of stderr, only when stderr is non-empty),
#                                        NAME.traceback (after a panic: Go's
#                                        traceback as `FUNC FILE:LINE` per frame,
#                                        arguments, directories and offsets left
#                                        out; see `traceback` below)
#
# Test sizes: a line `LHS = VALUE // test: SMALL` (one `=` before the
# marker) is built as `LHS = SMALL`. The benchmark programs of
# benches/programs mark their size constants so; tests/programs.rs makes
# the same substitution before running pgojit on them.
#
# Every program is built and run twice; any difference (stdout, exit code,
# first stderr line, compile error) is reported as nondeterminism and fails.
# Files are only rewritten when their content changes.
#
# DIR defaults to tests/programs and benches/programs.
#
# Environment: REGEN_FILTER  (extended regex; only matching NAMEs)
#              REGEN_TIMEOUT (seconds per run, default 20)
#              REGEN_JOBS    (programs processed in parallel, default 4)
# Exit status: 0 if every program behaved, 1 otherwise.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
# shellcheck source=go-env.sh
source "$here/go-env.sh" >/dev/null
echo "regen-expected: using $GO ($("$GO" version))" >&2

filter=${REGEN_FILTER:-}
limit=${REGEN_TIMEOUT:-20}
jobs=${REGEN_JOBS:-4}
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=("$repo/tests/programs" "$repo/benches/programs")

# `LHS = VALUE // test: SMALL` -> `LHS = SMALL` (tests/programs.rs: test_size_source)
test_size_sed='s#^([^=]*)=[^=]*// test:[[:space:]]*([^[:space:]](.*[^[:space:]])?)[[:space:]]*$#\1= \2#'


work=$(mktemp -d "${TMPDIR:-/tmp}/regen-expected.XXXXXX")
trap 'rm -rf "$work"' EXIT

# put SRC at DST only if DST differs (keeps mtimes of unchanged expectations)
install_if_changed() {
  if ! cmp -s "$1" "$2"; then cp "$1" "$2"; fi
}

# the compile errors of a failed build log (gc's: up to ten, sorted, and
# `too many errors`), as NAME.go:LINE:COL: msg lines
first_error() { # log name
  grep -E "^(\./)?$2\.go:[0-9]+:[0-9]+: " "$1" | sed -E 's#^\./##' || true
}

# Go's traceback in a stderr file (after `goroutine 1 [running]:`), one
# line per frame: the function without its argument list, and the base
# name of the file with the line (`main.(*T).get a.go:8`); Go's elision
# line as it is. tests/programs.rs normalizes pgojit's stderr the same way.
traceback() { # stderr-file
  awk '
    /^goroutine 1 \[running\]:$/ { on = 1; next }
    !on { next }
    /^$/ { on = 0; next }
    /^\.\.\.[0-9]+ frames elided\.\.\.$/ { print; next }
    /^\t/ { loc = $1; sub(/^.*\//, "", loc); print fn " " loc; next }
    { fn = $0; sub(/\([^()]*\)$/, "", fn) }
  ' "$1"
}

# process_one DIR NAME: runs in a subshell; writes $work/NAME.log and
# $work/NAME.status ("ok" or "fail")
process_one() {
  local dir=$1 name=$2
  local d="$work/$name" log="$work/$name.log" base="$dir/$name"
  mkdir -p "$d/src"
  sed -E "$test_size_sed" "$dir/$name.go" >"$d/src/$name.go"
  printf 'module prog\n\ngo 1.27\n' >"$d/src/go.mod"
  echo fail >"$work/$name.status"
  : >"$log"
  say() { printf '%s\n' "$*" >>"$log"; }

  local built=0
  if (cd "$d/src" && "$GO" build -o "$d/prog" "$name.go") >"$d/build1.err" 2>&1; then
    built=1
  fi

  if [ -f "$base.expect" ]; then
    if [ $built -eq 0 ]; then
      say "BUILD FAILED: $name (programs with .expect must be valid Go)"
      sed 's/^/    /' "$d/build1.err" >>"$log"
      return
    fi
    if ! (cd "$d" && timeout -k 2 "$limit" ./prog </dev/null >/dev/null 2>&1); then
      say "RUN FAILED: $name (programs with .expect must run cleanly under Go)"
      return
    fi
    printf '%-40s go builds and runs it; expects %s\n' "$name" "$(head -n1 "$base.expect")" >>"$log"
    echo ok >"$work/$name.status"
    return
  fi

  if [[ $name == ce_* ]]; then
    if [ $built -eq 1 ]; then
      say "UNEXPECTED BUILD SUCCESS: $name (ce_ programs must not compile)"
      return
    fi
    local line nerr line2
    line=$(first_error "$d/build1.err" "$name")
    if [ -z "$line" ]; then
      say "NO ERROR LINE: $name"
      sed 's/^/    /' "$d/build1.err" >>"$log"
      return
    fi
    (cd "$d/src" && "$GO" build -o "$d/prog" "$name.go") >"$d/build2.err" 2>&1 || true
    line2=$(first_error "$d/build2.err" "$name")
    if [ "$line" != "$line2" ]; then
      say "NONDETERMINISTIC COMPILE ERROR: $name: '$line' vs '$line2'"
      return
    fi
    printf '%s\n' "$line" >"$d/compile_error"
    rm -f "$base".{stdout,exit,stderr1}
    install_if_changed "$d/compile_error" "$base.compile_error"
    printf '%-40s %s\n' "$name" "$line" >>"$log"
    echo ok >"$work/$name.status"
    return
  fi

  if [ $built -eq 0 ]; then
    say "BUILD FAILED: $name"
    sed 's/^/    /' "$d/build1.err" >>"$log"
    return
  fi
  local i rc
  for i in 1 2; do
    set +e
    (cd "$d" && timeout -k 2 "$limit" ./prog </dev/null >"$d/stdout$i" 2>"$d/stderr$i")
    rc=$?
    set -e
    echo "$rc" >"$d/exit$i"
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
      say "TIMEOUT: $name (run $i exceeded ${limit}s)"
      return
    fi
    : >"$d/stderr1_$i"
    if [ -s "$d/stderr$i" ]; then head -n1 "$d/stderr$i" >"$d/stderr1_$i"; fi
  done
  local what
  for what in stdout exit stderr1_; do
    if ! cmp -s "$d/${what}1" "$d/${what}2"; then
      say "NONDETERMINISTIC: $name (${what%_} differs between two runs)"
      return
    fi
  done
  rm -f "$base.compile_error"
  install_if_changed "$d/stdout1" "$base.stdout"
  install_if_changed "$d/exit1" "$base.exit"
  if [ -s "$d/stderr1_1" ]; then
    install_if_changed "$d/stderr1_1" "$base.stderr1"
  else
    rm -f "$base.stderr1"
  fi
  if grep -q '^panic: ' "$d/stderr1_1"; then
    traceback "$d/stderr1" >"$d/traceback"
    install_if_changed "$d/traceback" "$base.traceback"
  else
    rm -f "$base.traceback"
  fi
  printf '%-40s exit=%s %s\n' "$name" "$(cat "$d/exit1")" "$(cat "$d/stderr1_1")" >>"$log"
  echo ok >"$work/$name.status"
}

status=0
total=0
for dir in "${dirs[@]}"; do
  if [ ! -d "$dir" ]; then
    echo "regen-expected: no such directory: $dir" >&2
    exit 2
  fi
  dir=$(cd "$dir" && pwd)
  echo "== $dir" >&2
  names=()
  shopt -s nullglob
  for f in "$dir"/*.go; do
    name=$(basename "$f" .go)
    if [ -n "$filter" ] && ! [[ $name =~ $filter ]]; then continue; fi
    names+=("$name")
  done
  # expectation files whose program is gone
  for f in "$dir"/*.{stdout,exit,stderr1,traceback,compile_error,expect}; do
    n=$(basename "${f%.*}")
    [ -f "$dir/$n.go" ] || { echo "ORPHAN: $f has no $n.go (delete it)"; status=1; }
  done
  shopt -u nullglob

  running=0
  for name in "${names[@]}"; do
    if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
    process_one "$dir" "$name" &
    running=$((running + 1))
  done
  wait || true
  for name in "${names[@]}"; do
    total=$((total + 1))
    cat "$work/$name.log"
    if [ "$(cat "$work/$name.status" 2>/dev/null)" != ok ]; then
      status=1
      [ -s "$work/$name.log" ] || echo "FAILED: $name (regen-expected internal error)"
    fi
  done
done

if [ $status -eq 0 ]; then
  echo "regen-expected: $total programs OK" >&2
else
  echo "regen-expected: FAILED (see messages above)" >&2
fi
exit $status
