#!/usr/bin/env bash
# gen-unicode-tables.sh — regenerate src/runtime/unicode_tables.rs (the
# Unicode data of pgojit's `unicode` package) from the Go toolchain's own
# unicode package, so classes, case mappings and folds are Go's.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
# shellcheck source=go-env.sh
source "$here/go-env.sh" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/gen/unicode_tables.go" "$work/main.go"
printf 'module gen\n\ngo 1.27\n' >"$work/go.mod"
(cd "$work" && "$GO" run . "$repo/src/runtime/unicode_tables.rs")
echo "wrote src/runtime/unicode_tables.rs" >&2
