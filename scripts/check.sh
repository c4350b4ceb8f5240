#!/usr/bin/env bash
# Before committing: formatting, clippy and the fast tests (about a minute
# when the build is warm; the Go-program suite and the fuzzers are left to
# `cargo test --release --workspace` and CI).
#
#   1. cargo fmt --all --check
#   2. cargo clippy on the whole workspace, all targets, every warning an
#      error except the lints in ALLOW below
#   3. the unit tests of every crate (--lib --bins), the listing tests
#      (tests/listings.rs) and the JIT's command-line tests (tests/jit_cli.rs)
#   4. the sorting variants of stdlib/ generated from stdlib/sort/pdqsort.go
#      are current (scripts/gen-sort-variants.py --check)
#
# Every step runs; the script fails if any did. `scripts/check.sh --fix`
# runs `cargo fmt` first instead of only checking.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Lints that fire today only in files being rewritten (baseline/ctx.rs,
# recompile.rs, emit.rs and mod.rs, interp/mod.rs, driver.rs): allowed here
# so that the step passes and any other warning fails it. Remove a lint
# from the list once its file is clean.
#   not_unsafe_ptr_arg_deref: runtime helpers called from machine code
#   take raw pointers by design (ctx.rs, recompile.rs, emit.rs, interp);
#   they want an `#[allow]` with a SAFETY note of their own.
ALLOW=(
    not_unsafe_ptr_arg_deref
    vec_box
    manual_is_multiple_of
    needless_borrow
    unnecessary_cast
    needless_range_loop
    needless_maybe_sized
    multiple_bound_locations
    manual_range_contains
    excessive_precision
)

failed=()
step() {
    local name=$1
    shift
    printf '\n=== %s ===\n' "$name"
    local t0=$SECONDS
    if "$@"; then
        echo "--- $name: ok ($((SECONDS - t0)) s)"
    else
        echo "--- $name: FAILED ($((SECONDS - t0)) s)"
        failed+=("$name")
    fi
}

if [[ "${1:-}" == "--fix" ]]; then
    step "fmt" cargo fmt --all
else
    step "fmt" cargo fmt --all --check
fi
step "clippy" cargo clippy --release --workspace --all-targets --quiet -- \
    -D warnings "${ALLOW[@]/#/-Aclippy::}"
step "unit tests" cargo test --release --workspace --lib --bins --quiet
step "listing and JIT CLI tests" cargo test --release --test listings --test jit_cli --quiet
step "generated sorts" python3 scripts/gen-sort-variants.py --check

if ((${#failed[@]})); then
    printf '\ncheck.sh: FAILED: %s\n' "${failed[*]}"
    exit 1
fi
printf '\ncheck.sh: all passed (%d s)\n' "$SECONDS"
