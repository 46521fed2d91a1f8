# Sourced by the Makefile's recipes: puts the pinned tools first on PATH so
# trunk finds npm's wasm-opt 132 and the cargo-installed wasm-bindgen, never
# Debian's older binaryen (which cannot read current wasm-bindgen output).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
