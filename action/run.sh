#!/usr/bin/env bash
# Runs os2gov for the GitHub Action. Inputs arrive as INPUT_* environment variables, set by
# action.yml from `inputs.*`; they are never interpolated into shell code.
set -uo pipefail
bin="${OS2GOV_BIN:-os2gov}"
if ! command -v "$bin" >/dev/null 2>&1 && [ ! -x "$bin" ]; then
  echo "::error title=os2gov::the os2gov binary was not found ($bin)"
  exit 2
fi
exec "$bin" action
