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
ESBUILD="$TOOLS/node_modules/.bin/esbuild"
for tool in "$WASM_BINDGEN" "$WASM_OPT" "$ESBUILD"; do
  [ -x "$tool" ] || { echo "wasm/test.sh: $tool missing; run scripts/setup.sh" >&2; exit 1; }
done

# The size budget for what a page with the widget loads (module, JavaScript, CSS), gzipped: the
# hard limit of 220 KB (220,000 bytes), enforced here (wasm/README.md has the measurements).
CEILING_BYTES=$((${OS2GOV_WASM_CEILING_KB:-220} * 1000))

step() { printf '\n-- %s --\n' "$*"; }

step "build os2gov-wasm (wasm32, size profile)"
# Size profile for this build only (the CLI keeps its own): the smallest code, one codegen unit,
# full LTO, LLVM's inliner off, and panics that abort at once (the engine does not panic on input;
# a panic would be a bug, surfacing in JavaScript as a RuntimeError the widget shows as a failed
# check).
start=$(date +%s)
CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
CARGO_PROFILE_RELEASE_LTO=true \
CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
CARGO_PROFILE_RELEASE_PANIC=abort \
RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Cllvm-args=-inline-threshold=0" \
  wasm_cargo build --quiet -p os2gov-wasm --release -Zbuild-std-features=optimize_for_size
echo "built in $(( $(date +%s) - start )) s"
out="${WASM_TARGET_DIR:-target/wasm}/wasm32-unknown-unknown/release/os2gov_wasm.wasm"

rm -rf wasm/pkg wasm/pkg-node
"$WASM_BINDGEN" --target web --out-dir wasm/pkg "$out"
"$WASM_BINDGEN" --target nodejs --out-dir wasm/pkg-node "$out"
# wasm-opt for size: -Oz, again after flattening and re-looping the control flow until nothing
# changes, then merging similar functions and ordering functions by use (smaller indices for the
# most called). --low-memory-unused lets it fold constant offsets into loads and stores: Rust's
# wasm32 layout puts the stack below 1 MiB and static data above it, so the lowest 1 KiB is never
# addressed. Then GUFA (whole-program type and value flow, no assumptions about traps) and one more
# flatten/re-loop round, then constant propagation and code pushing: together about 1,100 bytes
# (gzipped) less. About 60 s.
for dir in wasm/pkg wasm/pkg-node; do
  "$WASM_OPT" --generate-global-effects --low-memory-unused -Oz --flatten --rereloop -Oz --converge \
    --merge-similar-functions --code-folding -Oz --reorder-functions --strip-debug --strip-producers \
    --gufa-optimizing --flatten --rereloop -Oz --converge --merge-similar-functions -Oz \
    --precompute-propagate --code-pushing --simplify-locals-notee-nostructure -Oz --converge \
    "$dir/os2gov_wasm_bg.wasm" -o "$dir/os2gov_wasm_bg.opt.wasm"
  mv "$dir/os2gov_wasm_bg.opt.wasm" "$dir/os2gov_wasm_bg.wasm"
done
# What is served is minified by esbuild (whitespace, comments, local names; exports and behaviour
# unchanged); the sources in wasm/widget/ stay readable. The widget is bundled with the web
# bindings it imports, so a page loads one script (and only the bindings the widget uses); the
# bindings alone stay in pkg/ for pages that use the module's API directly. The node build is
# only for tests.
bundle=$(mktemp -d)
cp wasm/widget/os2gov-widget.js wasm/pkg/os2gov_wasm.js "$bundle/"
"$ESBUILD" --bundle --format=esm --minify --log-level=warning "$bundle/os2gov-widget.js" \
  --outfile=wasm/pkg/os2gov-widget.js
rm -rf "$bundle"
for f in wasm/pkg/os2gov_wasm.js wasm/widget/os2gov-widget.css; do
  "$ESBUILD" --minify --log-level=warning "$f" --outfile="wasm/pkg/$(basename "$f")" --allow-overwrite
done

step "size (gzip -9)"
gz() { gzip -9c "$1" | wc -c; }
total=0
printf '%-28s %10s %10s\n' file bytes gzipped
# What a page with the widget loads: the module, the widget (with the bindings), the CSS.
for f in os2gov_wasm_bg.wasm os2gov-widget.js os2gov-widget.css; do
  raw=$(wc -c <"wasm/pkg/$f"); z=$(gz "wasm/pkg/$f"); total=$((total + z))
  printf '%-28s %10d %10d\n' "$f" "$raw" "$z"
done
printf '%-28s %10d %10d  (the API alone; in the widget already, not loaded by it)\n' \
  os2gov_wasm.js "$(wc -c <wasm/pkg/os2gov_wasm.js)" "$(gz wasm/pkg/os2gov_wasm.js)"
printf '%-28s %10s %10d  (%s; ceiling %d KB)\n' total "" "$total" \
  "$(awk -v t="$total" 'BEGIN { printf "%.1f KB = %.1f KiB", t / 1000, t / 1024 }')" \
  $((CEILING_BYTES / 1000))
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
