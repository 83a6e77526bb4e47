#!/usr/bin/env bash
# The floor under the page's download size (issue 8's 350 KB budget): builds
# tools/size-floor twice, as the page is built (release, opt-level z, wasm-bindgen,
# scripts/wasm-opt.sh), and prints the gzip -9 size of
#   - the engine alone: YAML parsing, the API server's defaulting and validation, the
#     simulated cluster and its controllers, no page at all;
#   - the engine with the smallest Yew page around it (a text area, a button, a
#     paragraph), wasm and its JavaScript glue;
# then, from dist/ if it is built (make dist), the page's other files (HTML, CSS,
# the editor, the service worker), and the sum against the budget. Prints figures;
# asserts nothing. With BENCH_FIGURES set, appends a row for make bench's table.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
target_dir=${CARGO_TARGET_DIR:-target}/size-floor
out="$target_dir/site"
rm -rf "$out" && mkdir -p "$out"
manifest=tools/size-floor/Cargo.toml
built="$target_dir/wasm32-unknown-unknown/release/jobplay_size_floor.wasm"

gz() { gzip -9 -n -c "$1" | wc -c; }
th() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; } # 1234567 -> 1,234,567

build() { # build NAME [cargo flags]: $out/NAME/jobplay_size_floor{_bg.wasm,.js}
    local name=$1; shift
    cargo build --release --target wasm32-unknown-unknown --manifest-path "$manifest" \
        --target-dir "$target_dir" "$@"
    wasm-bindgen --target web --no-typescript --out-dir "$out/$name" "$built"
    scripts/wasm-opt.sh -o "$out/$name/opt.wasm" "$out/$name/jobplay_size_floor_bg.wasm"
}

build engine
build yew-page --features yew-page

engine=$(gz "$out/engine/opt.wasm")
yew_wasm=$(gz "$out/yew-page/opt.wasm")
yew_js=$(gz "$out/yew-page/jobplay_size_floor.js")
yew=$((yew_wasm + yew_js))
budget=350000

# The page's files other than its wasm and wasm-bindgen's glue, as scripts/size.py
# counts the page (first paint and after it; not what is fetched only on demand).
others=""
if [[ -f dist/jobplay_bg.wasm ]]; then
    others=0
    for f in dist/index.html dist/style.css dist/boot.js dist/glue.js dist/editor.js \
             dist/editor.css dist/favicon.svg dist/sw.js; do
        [[ -f $f ]] && others=$((others + $(gz "$f")))
    done
    page=$(( $(gz dist/jobplay_bg.wasm) + $(gz dist/jobplay.js) + others ))
fi

printf '\ndownload-size floor (gzip -9, built as the page is built)\n'
printf '  the engine alone (parse, validate, simulate)      %9s B wasm\n' "$(th "$engine")"
printf '  the engine in the smallest Yew page              %9s B (wasm %s, glue %s)\n' \
    "$(th "$yew")" "$(th "$yew_wasm")" "$(th "$yew_js")"
printf '  so Yew and a page of three elements add           %9s B\n' "$(th $((yew - engine)))"
if [[ -n $others ]]; then
    floor=$((yew + others))
    printf '  + the page'"'"'s other files today (HTML, CSS, editor) %9s B\n' "$(th "$others")"
    printf '  = the floor                                       %9s B against the budget of %s B: %s\n' \
        "$(th "$floor")" "$(th "$budget")" \
        "$([[ $floor -le $budget ]] && echo "leaves $(th $((budget - floor))) B for the playground's own page" || echo "over before any of the playground's page")"
    printf '  the page today                                    %9s B: its own page (pool, timeline, editor panels, two languages...) costs %s B over the floor\n' \
        "$(th "$page")" "$(th $((page - floor)))"
fi
# The floor page must work, not only weigh: run the default example through it.
yew_site="$out/yew-page"
cp "$yew_site/opt.wasm" "$yew_site/jobplay_size_floor_bg.wasm"
printf '<!doctype html><meta charset="utf-8"><title>floor</title>\n<script type="module">import init from "./jobplay_size_floor.js"; init();</script>\n' \
    >"$yew_site/index.html"
if [[ -x /usr/bin/chromium && -d node_modules/playwright-core ]]; then
    node tools/size-floor/check.mjs "$yew_site" examples/pi.yaml
else
    echo "  (not run in Chromium: /usr/bin/chromium or playwright-core missing; make setup)"
fi
if [[ -n ${BENCH_FIGURES:-} ]]; then
    kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000 }'; }
    what="the floor: engine alone / in the smallest Yew page"
    row="$(kb "$engine") / $(kb "$yew")"
    if [[ -n $others ]]; then
        what="$what / + the other files"
        row="$row / $(kb "$floor")"
    fi
    printf 'Download (gzip -9)\t%s\t%s KB\t(reported)\t-\n' "$what" "$row" >>"$BENCH_FIGURES"
fi
