#!/usr/bin/env bash
# Builds the web page into dist/: the wasm library in release mode, the
# wasm-bindgen glue (--target web: an ES module that loads the wasm from a URL
# relative to itself), wasm-opt -Oz (scripts/wasm-opt.sh), then index.html, www/*
# and the time-zone table beside them; the JavaScript and CSS minified (esbuild);
# the first view prerendered into index.html (scripts/prerender.mjs).
# Every URL in the result is relative, so dist/ works under any sub-path.
# Needs scripts/setup.sh to have run (`make dist` does both).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

target_dir=${CARGO_TARGET_DIR:-target}
wasm="$target_dir/wasm32-unknown-unknown/web/jobplay.wasm"

cargo build --profile web --target wasm32-unknown-unknown --lib

mkdir -p "$target_dir"
tmp=$(mktemp -d "$target_dir/dist.tmp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$tmp" "$wasm"
scripts/wasm-opt.sh -o "$tmp/jobplay_bg.opt.wasm" "$tmp/jobplay_bg.wasm"
mv "$tmp/jobplay_bg.opt.wasm" "$tmp/jobplay_bg.wasm"
cp index.html "$tmp/"
cp -R www/. "$tmp/"
# The time-zone table: the page fetches it after its first paint (the wasm does not
# embed it; see src/controller/cronjob/zone.rs).
cp src/controller/cronjob/tzdata/tzdata.bin "$tmp/"
# Minify the JavaScript and CSS in place (esbuild, pinned in package.json): whitespace,
# comments and local names only, no bundling, exports and URLs kept as they are
# (5.7 KB gzip less than the sources).
minify() {
    node_modules/.bin/esbuild "$1" --minify --log-level=warning --outfile="$1.min"
    mv "$1.min" "$1"
}
for f in "$tmp"/*.js "$tmp"/*.css; do
    [ "$(basename "$f")" = sw.js ] || minify "$f"
done

# The first paint: the page's initial view, prerendered into index.html by the page
# itself in headless Chromium (scripts/prerender.mjs; without Chromium it warns and
# leaves the loading message). Before the service worker's list, which hashes
# index.html.
node scripts/prerender.mjs "$tmp"

# The service worker's cache: every file of this build with its SHA-256, and a
# version that is a hash of them all, so a new deploy gets a new cache and never
# mixes files (see www/sw.js). Paths are relative to sw.js; './' is the page under
# its folder URL (index.html). Filled in before sw.js is minified, which would drop
# the placeholder comment.
files=$(cd "$tmp" && find . -type f ! -name sw.js | sed 's|^\./||' | LC_ALL=C sort)
version=$(cd "$tmp" && sha256sum $files | sha256sum | cut -c1-16)
sha() { sha256sum "$tmp/$1" | cut -d' ' -f1; }
list="['./', '$(sha index.html)']"
for f in $files; do list="$list, ['./$f', '$(sha "$f")']"; done
sed -i "s|__BUILD_VERSION__|$version|; s|/\* __BUILD_FILES__ \*/|$list|" "$tmp/sw.js"
if grep -q "__BUILD" "$tmp/sw.js" || ! grep -q "'./index.html'" "$tmp/sw.js"; then
    echo "build-web.sh: sw.js placeholders not replaced" >&2
    exit 1
fi
minify "$tmp/sw.js"

rm -rf dist
mv "$tmp" dist
chmod 755 dist
trap - EXIT

echo "dist/ built (service worker cache $version, $(echo "$files" | wc -l) files)."
"${PYTHON:-python3}" scripts/size.py --no-breakdown
