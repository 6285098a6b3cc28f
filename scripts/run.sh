#!/usr/bin/env bash
# Sets up a fresh machine and runs the main job: builds os2gov and checks a repository
# (default: this one) against OS2's governance levels. Extra arguments go to `os2gov check`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo build --release --quiet
target="${1:-.}"
shift || true
set +e
./target/release/os2gov check "$target" --offline "$@"
code=$?
set -e
echo "os2gov exit code: $code (0 = passed, 1 = below the required level, 2 = error)"
