#!/usr/bin/env bash
# Fuzzes every decoder of outside input (fuzz/fuzz_targets/*.rs: saved
# progress, the checklist and earlier results (issue 15), result codes, URL
# fragments, widget configuration, question
# banks, trainers' workshop files) with cargo-fuzz and libFuzzer. Installs
# the nightly toolchain and cargo-fuzz (from crates.io) if they are missing.
#
#   scripts/fuzz.sh smoke [TARGET…]   a few seconds per target (FUZZ_SECONDS,
#                                     default 5) from the committed seeds in a
#                                     fresh corpus; part of `make test`
#   scripts/fuzz.sh long [TARGET…]    RUNS executions per target (default
#                                     1000000), growing the working corpus in
#                                     fuzz/corpus/TARGET; prints one line per
#                                     target: executions, seconds, crashes
#
# Exits non-zero if any target crashes (a panic, a failed invariant, a
# timeout or running out of memory). libFuzzer leaves the input in
# fuzz/artifacts/TARGET/; replay it with `cargo +nightly fuzz run -O -a -s none
# TARGET FILE`, then add it to crates/core/tests/fuzz_regressions.rs and fix the code.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${1:-smoke}
shift || true
RUNS=${RUNS:-1000000}
FUZZ_SECONDS=${FUZZ_SECONDS:-5}
say() { printf '\033[1mfuzz:\033[0m %s\n' "$*"; }

case "$MODE" in
  smoke | long) ;;
  *)
    echo "usage: scripts/fuzz.sh smoke|long [TARGET…]" >&2
    exit 2
    ;;
esac

if ! rustup toolchain list | grep -q '^nightly'; then
  say "installing the nightly toolchain (cargo-fuzz's instrumentation needs it)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "building cargo-fuzz from crates.io (a few minutes, once)"
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

if [ $# -gt 0 ]; then
  TARGETS=("$@")
else
  TARGETS=()
  for f in fuzz/fuzz_targets/*.rs; do
    TARGETS+=("$(basename "$f" .rs)")
  done
fi

# Release with debug assertions and overflow checks, as cargo-fuzz builds by
# default, but without AddressSanitizer: crates/core has no `unsafe`, and ASan made
# these targets 7-10 times slower, too slow for a million runs of a bank.
BUILD=(--release --debug-assertions --sanitizer none)
say "building ${TARGETS[*]}"
cargo +nightly fuzz build "${BUILD[@]}"

# The longest input libFuzzer makes: enough for a whole question bank
# (crates/core/src/engine/bank.json is about 66 KB), small where inputs are small.
max_len() {
  case "$1" in
    bank) echo 131072 ;;
    config | workshop) echo 65536 ;;
    progress) echo 16384 ;;
    *) echo 4096 ;;
  esac
}

ROOT=$(pwd)
LOGS=$(mktemp -d)
trap 'rm -rf "$LOGS"' EXIT
failed=0
for t in "${TARGETS[@]}"; do
  if [ "$MODE" = smoke ]; then
    corpus="$LOGS/corpus-$t"
    limit=(-max_total_time="$FUZZ_SECONDS")
  else
    corpus="$ROOT/fuzz/corpus/$t"
    limit=(-runs="$RUNS")
  fi
  mkdir -p "$corpus" "$ROOT/fuzz/artifacts/$t"
  log="$LOGS/$t.log"
  status=0
  cargo +nightly fuzz run "${BUILD[@]}" "$t" "$corpus" "$ROOT/fuzz/seeds/$t" -- \
    "${limit[@]}" -max_len="$(max_len "$t")" -rss_limit_mb=2048 -timeout=10 \
    >"$log" 2>&1 || status=$?
  done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -n 1 || true)
  runs=$(awk '{ print $2 }' <<<"$done_line")
  secs=$(awk '{ print $5 }' <<<"$done_line")
  crashes=0
  if [ "$status" -ne 0 ] || [ -z "$done_line" ]; then
    crashes=1
    failed=1
  fi
  printf '%-9s executions %10s  seconds %5s  crashes %s\n' "$t" "${runs:-?}" "${secs:-?}" "$crashes"
  if [ "$crashes" -ne 0 ]; then
    echo "---- $t: cargo fuzz exited with $status"
    if grep -q -e 'panicked at' -e '^Failing input:' "$log"; then
      grep -m 1 -A 4 'panicked at' "$log" || true
      awk '/^Failing input:|^Reproduce with:/ { p = 1 } /^Output of|^Minimize/ { p = 0 } p' "$log"
    else
      tail -n 40 "$log"
    fi
    echo "----"
  fi
done

if [ "$failed" -ne 0 ]; then
  say "a target crashed: see fuzz/artifacts/ and the output above"
  exit 1
fi
say "$MODE run passed: ${#TARGETS[@]} targets, 0 crashes"
