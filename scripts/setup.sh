#!/usr/bin/env bash
# Installs everything os2gov's build and tests need on a fresh Debian machine of this kind:
# Debian's rustc-web toolchain for wasm32 (rustup here cannot fetch that target), wasm-bindgen-cli
# matching Cargo.lock, binaryen's wasm-opt and esbuild (minifies the widget) from npm, Chromium for
# browser tests, playwright-core.
# Idempotent: every step checks first, so re-runs take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS_DIR="${OS2GOV_TOOLS_DIR:-$PWD/.tools}"
mkdir -p "$TOOLS_DIR"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need_apt=()
[ -x /usr/bin/rustc ] && /usr/bin/rustc --version 2>/dev/null | grep -q . || need_apt+=(rustc-web cargo-web rust-web-src)
command -v wasm-ld-22 >/dev/null || need_apt+=(lld-22)
command -v chromium >/dev/null || need_apt+=(chromium)
command -v git >/dev/null || need_apt+=(git)
pkg-config --exists libgit2 2>/dev/null || true
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: apt-get install ${need_apt[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if ! "$TOOLS_DIR/bin/wasm-bindgen" --version 2>/dev/null | grep -q "$wb_version"; then
  echo "setup: cargo install wasm-bindgen-cli $wb_version"
  cargo install --quiet --root "$TOOLS_DIR" wasm-bindgen-cli --version "=$wb_version"
fi
if [ ! -x "$TOOLS_DIR/node_modules/.bin/wasm-opt" ] || [ ! -d "$TOOLS_DIR/node_modules/playwright-core" ] \
  || [ ! -x "$TOOLS_DIR/node_modules/.bin/esbuild" ]; then
  echo "setup: npm install binaryen playwright-core esbuild"
  npm install --silent --prefix "$TOOLS_DIR" --no-audit --no-fund binaryen@132 playwright-core@1 esbuild@0.28 >/dev/null
fi
# The SARIF 2.1.0 JSON Schema for the action's tests, from Microsoft's SARIF SDK package on npm
# (only the schema file is kept), checked against its known hash.
sarif_schema="$TOOLS_DIR/sarif/sarif-2.1.0-rtm.5.json"
sarif_sha=2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8
if ! echo "$sarif_sha  $sarif_schema" | sha256sum -c --status 2>/dev/null; then
  echo "setup: fetch the SARIF 2.1.0 schema"
  mkdir -p "$TOOLS_DIR/sarif"
  tarball=$(cd "$TOOLS_DIR/sarif" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0)
  tar -xzf "$TOOLS_DIR/sarif/$tarball" -C "$TOOLS_DIR/sarif" --strip-components=3 package/lib/schemas/sarif-2.1.0-rtm.5.json
  rm -f "$TOOLS_DIR/sarif/$tarball"
  echo "$sarif_sha  $sarif_schema" | sha256sum -c --status || { echo "setup: the SARIF schema's hash does not match" >&2; exit 1; }
fi
echo "setup: ready (tools in $TOOLS_DIR)"
