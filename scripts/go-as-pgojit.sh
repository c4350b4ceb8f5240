#!/usr/bin/env bash
# go-as-pgojit.sh run [FLAGS...] FILE.go — behaves like `pgojit run` but
# uses the real Go toolchain: builds FILE.go in a temporary module and runs
# the binary. Compile errors are printed as NAME.go:LINE:COL: msg.
# Flags are ignored. Used to check the test harness and the corpus:
#   PGOJIT_TEST_BIN=$PWD/scripts/go-as-pgojit.sh cargo test --release --test programs
# (every program passes; the tests/unsupported ones fail, since Go accepts them).
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/go-env.sh" >/dev/null || exit 3
[ "${1:-}" = run ] || { echo "usage: go-as-pgojit.sh run [FLAGS...] FILE.go" >&2; exit 3; }
shift
file=
for a in "$@"; do
  case $a in
    --*) ;;
    *) file=$a ;;
  esac
done
[ -n "$file" ] || { echo "go-as-pgojit.sh: no file" >&2; exit 3; }
d=$(mktemp -d "${TMPDIR:-/tmp}/go-as-pgojit.XXXXXX") || exit 3
trap 'rm -rf "$d"' EXIT
name=$(basename "$file")
cp "$file" "$d/" && printf 'module prog\n\ngo 1.27\n' >"$d/go.mod" || exit 3
if ! (cd "$d" && "$GO" build -o prog "$name") >"$d/build.err" 2>&1; then
  grep -v '^#' "$d/build.err" | sed -E 's#^\./##' >&2
  exit 1
fi
"$d/prog" </dev/null
