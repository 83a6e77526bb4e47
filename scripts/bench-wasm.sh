#!/usr/bin/env bash
# The engine's speed in WebAssembly, in headless Chromium: builds tools/wasm-bench
# (the engine alone, opt-level z as for the page), runs the 100,000-index Job and a
# year of CronJob schedules in the browser, and prints wall time, events per second
# and the wasm memory after each run. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
target_dir=${CARGO_TARGET_DIR:-target}
cargo build --release --target wasm32-unknown-unknown \
    --manifest-path tools/wasm-bench/Cargo.toml --target-dir "$target_dir/wasm-bench"
out="$target_dir/wasm-bench/site"
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
    "$target_dir/wasm-bench/wasm32-unknown-unknown/release/jobplay_wasm_bench.wasm"
cp tools/wasm-bench/bench.html "$out/"
node tests/e2e/bench-wasm.mjs "$out"
