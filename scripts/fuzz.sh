#!/usr/bin/env bash
# Fuzzing with cargo-fuzz (libFuzzer) on the nightly toolchain; not part of make test.
#
#   scripts/fuzz.sh [TARGET...]     default: parse_validate link_decode engine_run
#
# Each target runs FUZZ_SECONDS (default 900) on its corpus in fuzz/corpus/TARGET
# (plus the hand-written seeds of fuzz/seeds/TARGET, read only); inputs taking over
# FUZZ_TIMEOUT seconds (default 10) count as hangs; the corpus is then minimised
# (cargo fuzz cmin) so that what is committed stays small. A crash leaves its input
# in fuzz/artifacts/TARGET/ and stops the script.
# Installs cargo-fuzz (pinned) and the nightly toolchain if they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
CARGO_FUZZ_VERSION=0.13.2
if ! rustup toolchain list | grep -q '^nightly'; then
    rustup toolchain install nightly --profile minimal
fi
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi
seconds=${FUZZ_SECONDS:-900}
timeout=${FUZZ_TIMEOUT:-10}
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(parse_validate link_decode engine_run)
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t"
    echo "fuzz: $t for $seconds s"
    cargo +nightly fuzz run "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
        -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -print_final_stats=1
    echo "fuzz: minimising the corpus of $t"
    cargo +nightly fuzz cmin "$t" "fuzz/corpus/$t"
done
