#!/usr/bin/env bash
# Runs every test of the project: formatting, lints, the Rust test suite, a short fuzz run of
# every parser and the engine, the engine built for wasm32, and (once the widget exists) its node
# and browser tests. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/wasm-env.sh

# Each step says how long the run has taken so far, so that CI's time can be read from its log.
step() { printf '\n== %s (at %d s) ==\n' "$*" "$SECONDS"; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets -- -D warnings
step "cargo test (workspace)"
cargo test --workspace
step "browser: the portfolio page cargo test wrote, in headless Chromium"
node --test tests/browser/portfolio.test.mjs
step "fuzz: every parser and the engine, a fixed number of inputs each (scripts/fuzz.sh)"
bash scripts/fuzz.sh
if [ -x wasm/test.sh ]; then
  # The widget's build compiles the engine for wasm32 without default features (os2gov-wasm
  # depends on it so), which is the check the step below makes where there is no widget; building
  # it a second time, with another profile and std built again, would test nothing more.
  step "wasm widget, the engine built for wasm32 without default features: node and browser tests"
  bash wasm/test.sh
else
  step "engine builds for wasm32 without default features"
  wasm_cargo build --release --lib -p os2gov --no-default-features
fi
step "all tests passed"
