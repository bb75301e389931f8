#!/usr/bin/env bash
# One entry point for people and CI. Every step installs only what is
# missing (or of the wrong version), so a second run takes seconds.
#
#   ./run.sh serve   install what is missing, build, serve the app on http://127.0.0.1:8080/
#   ./run.sh test    install what is missing, then run every test (engine, CLI, browser)
#   ./run.sh bench   engine benchmarks and the in-browser timing (numbers in BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version pinned in Cargo.toml (and Trunk.toml).
WASM_BINDGEN_VERSION=0.2.130

step() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_cargo_tool() { # binary, crate, version, extra install flags…
  local binary=$1 crate=$2 version=$3
  shift 3
  if ! "$binary" --version 2>/dev/null | grep -q " $version"; then
    step "installing $crate $version (from crates.io; several minutes, once)"
    cargo install "$crate" --version "$version" "$@"
  fi
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_cargo_tool trunk trunk "$TRUNK_VERSION" --locked
  # Without --locked: one locked dependency of this version is gone from the registry.
  ensure_cargo_tool wasm-bindgen wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
  ensure_node_packages
}

ensure_node_packages() {
  # playwright-core drives the browser; binaryen is the wasm-opt Trunk runs
  # (Debian's wasm-opt 108 produces a broken module, so npm's comes first on PATH).
  if ! cmp -s tests/package-lock.json tests/node_modules/.installed-from-lock 2>/dev/null; then
    step "installing npm packages for the build and the browser tests"
    (cd tests && npm ci --no-audit --no-fund && cp package-lock.json node_modules/.installed-from-lock)
  fi
  export PATH="$ROOT/tests/node_modules/.bin:$PATH"
}

ensure_browser() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # A CJK font, so Chinese labels render in headless screenshots.
  fc-list 2>/dev/null | grep -qi "noto sans cjk" || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -gt 0 ]; then
    step "installing ${missing[*]} (Debian packages)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

ensure_python_mpmath() {
  if ! python3 -c 'import mpmath' 2>/dev/null; then
    step "installing mpmath (reference generator self-check)"
    python3 -m pip install --quiet 'mpmath==1.3.0'
  fi
}

build_site() {
  step "building the site (trunk build --release)"
  trunk build --release
}

# The error banner's browser test needs a panic on demand; only this build has
# one (the `test-panic` feature), so the shipped site (dist/) has no crash switch.
# The release profile reuses every dependency the site's build compiled (only
# the app crate is built again); wasm-opt, which nothing here needs, is off.
build_panic_site() {
  step "building the test build with a panic on demand (target/dist-panic)"
  # Both apps with the feature (so the library is built once for both), wasm-opt off.
  sed -e 's/data-bin="\(ccplan-[a-z]*\)"/data-bin="\1" data-cargo-features="test-panic"/' \
      -e 's/data-wasm-opt="z" data-wasm-opt-params="--converge"/data-wasm-opt="0"/g' index.html > index-panic.html
  # The seds must have matched both apps, or the build would have no switch (or be slow).
  [ "$(grep -c 'data-cargo-features="test-panic"' index-panic.html)" = 2 ] &&
    [ "$(grep -c 'data-wasm-opt="0"' index-panic.html)" = 2 ] ||
    { echo "index.html's rust links changed: update run.sh" >&2; exit 1; }
  trunk build --release --dist target/dist-panic index-panic.html
}

native_tests() {
  step "format and lint"
  cargo fmt --all -- --check
  cargo clippy --workspace --all-targets --quiet -- -D warnings
  cargo clippy -p ccplan-app --target wasm32-unknown-unknown --quiet -- -D warnings
  step "engine, CLI and app unit tests"
  cargo test --workspace --quiet
  step "reference generator self-check"
  ensure_python_mpmath
  python3 engine/tests/reference/generate.py --check
}

browser_tests() {
  step "browser tests (headless Chromium)"
  (cd tests && node --test --test-concurrency=1 e2e/)
}

case "${1:-}" in
  serve)
    ensure_build_tools
    step "serving on http://127.0.0.1:8080/ (Ctrl-C stops)"
    exec trunk serve --release
    ;;
  test)
    ensure_build_tools
    ensure_browser
    # The site's two wasm builds share nothing with the native checks (another
    # target, another profile), so they run beside them, in their own target
    # folder: each build's long single-threaded link (LTO) overlaps the tests.
    mkdir -p target
    site_log="$ROOT/target/site-build.log"
    (export CARGO_TARGET_DIR="$ROOT/target/site"; build_site && build_panic_site) >"$site_log" 2>&1 &
    site_pid=$!
    trap 'pkill -P "$site_pid" 2>/dev/null; kill "$site_pid" 2>/dev/null || true' EXIT
    native_tests
    step "waiting for the site's builds (started beside the native tests)"
    if ! wait "$site_pid"; then
      cat "$site_log"
      exit 1
    fi
    trap - EXIT
    grep -E '==>|success|error' "$site_log" || true
    browser_tests
    step "all tests passed"
    ;;
  bench)
    ensure_build_tools
    ensure_browser
    cargo bench -p ccplan-engine --bench engine
    build_site
    (cd tests && node bench/input-to-chart.mjs && node bench/typing.mjs 3 && node bench/capacity-plan.mjs && node bench/hostile.mjs)
    step "where the script time goes: a build that keeps wasm function names (wasm-opt -g)"
    sed 's/data-wasm-opt-params="--converge"/data-wasm-opt-params="--converge -g"/' index.html > index-names.html
    # The sed must have matched, or the profile would have no names to show.
    grep -q -- '--converge -g' index-names.html || { echo "index.html's wasm-opt params changed: update run.sh" >&2; exit 1; }
    trunk build --release --dist target/dist-names index-names.html
    (cd tests && CCPLAN_DIST="$ROOT/target/dist-names" node bench/input-to-chart.mjs profile)
    ;;
  *)
    echo "usage: $0 serve|test|bench" >&2
    exit 64
    ;;
esac
