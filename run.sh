#!/usr/bin/env bash
# One entry point for people and CI. Each step installs only what is missing,
# so a second run takes seconds.
#
#   ./run.sh test    install what is missing, then run every test
#   ./run.sh bench   engine benchmarks (numbers in BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")"

step() { printf '\n==> %s\n' "$*"; }

ensure_python_mpmath() {
  if ! python3 -c 'import mpmath' 2>/dev/null; then
    step "installing mpmath (reference generator self-check)"
    python3 -m pip install --quiet 'mpmath==1.3.0'
  fi
}

engine_tests() {
  step "format and lint"
  cargo fmt --all -- --check
  cargo clippy --workspace --all-targets --quiet -- -D warnings
  step "engine and CLI tests"
  cargo test --workspace --quiet
  step "reference generator self-check"
  ensure_python_mpmath
  python3 engine/tests/reference/generate.py --check
}

case "${1:-}" in
  test)
    engine_tests
    step "all tests passed"
    ;;
  bench)
    cargo bench -p ccplan-engine --bench engine
    ;;
  *)
    echo "usage: $0 test|bench" >&2
    exit 64
    ;;
esac
