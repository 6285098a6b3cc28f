#!/usr/bin/env bash
# Builds the browser module and widget into wasm/pkg/ (web) and wasm/pkg-node/ (node), prints the
# gzipped size against the budget, and runs the node API test (the same report as the CLI) and
# the end-to-end test in headless Chromium. Needs only what scripts/setup.sh installs.
#
#   bash wasm/test.sh            build + all tests
#   bash wasm/test.sh --build    build only (for the demo: serve wasm/ and open demo/index.html)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/wasm-env.sh
TOOLS="$OS2GOV_TOOLS_DIR"
WASM_BINDGEN="$TOOLS/bin/wasm-bindgen"
WASM_OPT="$TOOLS/node_modules/.bin/wasm-opt"
for tool in "$WASM_BINDGEN" "$WASM_OPT"; do
  [ -x "$tool" ] || { echo "wasm/test.sh: $tool missing; run scripts/setup.sh" >&2; exit 1; }
done

# The size budget for the module plus its JavaScript, gzipped (the issue's target), and the
# ceiling this test enforces so the size cannot creep (see wasm/README.md for where it stands).
TARGET_BYTES=$((200 * 1024))
CEILING_BYTES=$((${OS2GOV_WASM_CEILING_KB:-235} * 1024))

step() { printf '\n-- %s --\n' "$*"; }

step "build os2gov-wasm (wasm32, size profile)"
# Size profile for this build only (the CLI keeps its own): the smallest code, one codegen unit,
# full LTO, and panics that abort at once (the engine does not panic on input; a panic would be a
# bug, surfacing in JavaScript as a RuntimeError the widget shows as a failed check).
start=$(date +%s)
CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
CARGO_PROFILE_RELEASE_LTO=true \
CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
CARGO_PROFILE_RELEASE_PANIC=abort \
RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
  wasm_cargo build --quiet -p os2gov-wasm --release -Zbuild-std-features=optimize_for_size
echo "built in $(( $(date +%s) - start )) s"
out="${WASM_TARGET_DIR:-target/wasm}/wasm32-unknown-unknown/release/os2gov_wasm.wasm"

rm -rf wasm/pkg wasm/pkg-node
"$WASM_BINDGEN" --target web --out-dir wasm/pkg "$out"
"$WASM_BINDGEN" --target nodejs --out-dir wasm/pkg-node "$out"
for dir in wasm/pkg wasm/pkg-node; do
  "$WASM_OPT" -Oz --strip-debug --strip-producers "$dir/os2gov_wasm_bg.wasm" -o "$dir/os2gov_wasm_bg.opt.wasm"
  mv "$dir/os2gov_wasm_bg.opt.wasm" "$dir/os2gov_wasm_bg.wasm"
done
cp wasm/widget/os2gov-widget.js wasm/widget/os2gov-widget.css wasm/pkg/

step "size (gzip -9)"
gz() { gzip -9c "$1" | wc -c; }
total=0
printf '%-28s %10s %10s\n' file bytes gzipped
for f in os2gov_wasm_bg.wasm os2gov_wasm.js os2gov-widget.js os2gov-widget.css; do
  raw=$(wc -c <"wasm/pkg/$f"); z=$(gz "wasm/pkg/$f"); total=$((total + z))
  printf '%-28s %10d %10d\n' "$f" "$raw" "$z"
done
printf '%-28s %10s %10d  (%d KB; target %d KB, ceiling %d KB)\n' total "" "$total" \
  $((total / 1024)) $((TARGET_BYTES / 1024)) $((CEILING_BYTES / 1024))
if [ "$total" -gt "$TARGET_BYTES" ]; then
  echo "note: over the ${TARGET_BYTES}-byte target by $((total - TARGET_BYTES)) bytes (wasm/README.md says why)"
fi
if [ "$total" -gt "$CEILING_BYTES" ]; then
  echo "wasm/test.sh: gzipped size $total exceeds the ceiling $CEILING_BYTES" >&2
  exit 1
fi
[ "${1:-}" = "--build" ] && exit 0

step "os2gov CLI for the comparison"
cargo build --quiet --bin os2gov
export OS2GOV_CLI="$PWD/target/debug/os2gov"

step "node: the module's API, compared with the CLI"
node --test wasm/tests/node.test.mjs

step "browser: the widget in headless Chromium"
node --test wasm/tests/browser.test.mjs
