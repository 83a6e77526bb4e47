#!/usr/bin/env bash
# Installs the web toolchain, pinned and idempotent: a second run takes seconds.
#
#   - the wasm32-unknown-unknown Rust target;
#   - wasm-bindgen-cli, exactly the version of the wasm-bindgen crate in Cargo.lock
#     (the CLI and the crate must match; Cargo.toml pins the crate with "=");
#   - the npm tools in package-lock.json (binaryen's wasm-opt, playwright-core);
#   - Chromium and chromedriver from Debian, for the browser tests (needs root),
#     and a Korean font (fonts-nanum, pinned) so that the Korean screenshots show
#     Hangul instead of empty boxes;
#   - PyYAML for the conformance checker.
#
# Nothing here downloads binaries outside the package managers: Playwright's own
# browser download and Trunk are deliberately not used (see README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "setup: need root to run: $*" >&2
        return 1
    fi
}

apt_updated=0
apt_install() {
    if [ "$apt_updated" = 0 ]; then
        as_root apt-get update -q
        apt_updated=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

# 1. The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli = Cargo.lock's wasm-bindgen. Without --locked: with it, a
#    dependency version missing from the registry mirror fails the install.
want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$want" ]; then
    echo "setup: no wasm-bindgen in Cargo.lock" >&2
    exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (found: ${have:-none}); about 2 minutes, once"
    cargo install wasm-bindgen-cli --version "$want" --force
fi

# 3. npm tools, exactly as package-lock.json says; reinstalled only when it changes.
stamp=node_modules/.setup-stamp
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$lock_hash" ] || [ ! -x node_modules/.bin/wasm-opt ]; then
    say "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$lock_hash" >"$stamp"
fi

# 4. Chromium for the end-to-end tests. Debian replaces chromium with each security
#    release and keeps no old versions, so this is the one unpinned tool.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
# Hangul for the Korean screenshots (the page itself uses the reader's fonts).
[ -d /usr/share/fonts/truetype/nanum ] || missing+=(fonts-nanum=20200506-1)
if [ "${#missing[@]}" -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    apt_install "${missing[@]}"
fi

# 5. PyYAML for ../shared/conformance/check.py.
python=${PYTHON:-python3}
if ! "$python" -c 'import yaml' 2>/dev/null; then
    if [ "$(command -v "$python")" = /usr/bin/python3 ]; then
        say "installing python3-yaml from Debian"
        apt_install python3-yaml
    else
        say "installing PyYAML for $python"
        "$python" -m pip install --quiet 'pyyaml==6.0.3'
    fi
fi

say "ok (wasm-bindgen $want, wasm-opt $(node_modules/.bin/wasm-opt --version | awk '{ print $3 }'), $(/usr/bin/chromium --version 2>/dev/null | head -1))"
