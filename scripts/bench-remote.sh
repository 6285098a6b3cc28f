#!/usr/bin/env bash
# Benchmarks a remote check (`os2gov check github:OWNER/REPO`) of a repository with 20,000 files
# against a local server on 127.0.0.1 that answers like GitHub: requests of each kind and wall
# time, cold cache and warm cache, without and with a token. Nothing leaves the machine.
# Targets: at most 3 rate-limited requests cold for the snapshot and metadata; none warm.
#
# Usage: scripts/bench-remote.sh
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo test --release --bench remote -- --ignored --nocapture
