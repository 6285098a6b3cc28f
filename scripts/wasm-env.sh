# Sourced by scripts that build for wasm32: Debian's rustc-web (rustup here has no wasm32 target)
# with -Zbuild-std, in a target dir of its own so the two compilers never share artefacts.
export OS2GOV_TOOLS_DIR="${OS2GOV_TOOLS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools}"
wasm_cargo() {
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22 \
  CARGO_TARGET_DIR="${WASM_TARGET_DIR:-target/wasm}" \
  /usr/bin/cargo "$@" --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort
}
