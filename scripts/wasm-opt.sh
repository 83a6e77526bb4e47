#!/usr/bin/env bash
# wasm-opt as the page's build runs it (scripts/build-web.sh; scripts/size.py runs it
# with -g to keep the names for its breakdown): --merge-similar-functions first
# (functions that differ only in constants become one with a parameter: 1.8 KB gzip,
# no extra time), then -Oz. (--converge saves 1.2 KB gzip more but triples the time,
# about 40 s on two cores: not worth it.)
# The features are those Rust enables by default for wasm32-unknown-unknown (every
# current browser has them). wasm-opt also reads them from the wasm's target_features
# section; naming them keeps the build working if that section goes (e.g. with
# `strip = true`), where wasm-opt would reject the bulk-memory operations.
#
#   scripts/wasm-opt.sh [more wasm-opt flags] -o OUT.wasm IN.wasm
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
exec "$here/node_modules/.bin/wasm-opt" --merge-similar-functions -Oz \
    --enable-bulk-memory --enable-mutable-globals --enable-sign-ext \
    --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
    "$@"
