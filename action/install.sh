#!/usr/bin/env bash
# Fetches the release binary for the action's own version (a tag like v1.2.0) when one exists.
# Sets the step output installed=true and OS2GOV_BIN on success; otherwise the action builds
# the binary from its source. Never fails the step: building is the fallback.
set -uo pipefail
ref="${ACTION_REF:-}"
repo="${ACTION_REPOSITORY:-}"
out="${GITHUB_OUTPUT:-/dev/null}"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) target=x86_64-unknown-linux-gnu ;;
  Linux-aarch64) target=aarch64-unknown-linux-gnu ;;
  Darwin-arm64) target=aarch64-apple-darwin ;;
  Darwin-x86_64) target=x86_64-apple-darwin ;;
  MINGW*|MSYS*|CYGWIN*) target=x86_64-pc-windows-msvc ;;
  *) target="" ;;
esac
if [[ -z "$repo" || -z "$target" || ! "$ref" =~ ^v[0-9]+(\.[0-9]+)*$ ]]; then
  echo "installed=false" >> "$out"
  exit 0
fi
dir="${RUNNER_TEMP:-/tmp}/os2gov-release"
mkdir -p "$dir"
url="https://github.com/$repo/releases/download/$ref/os2gov-$target.tar.gz"
if curl -fsSL --retry 2 -o "$dir/os2gov.tar.gz" "$url" && tar -xzf "$dir/os2gov.tar.gz" -C "$dir"; then
  bin="$dir/os2gov"
  [ -f "$bin.exe" ] && bin="$bin.exe"
  echo "OS2GOV_BIN=$bin" >> "${GITHUB_ENV:-/dev/null}"
  echo "installed=true" >> "$out"
else
  echo "os2gov: no release binary at $url; building from source"
  echo "installed=false" >> "$out"
fi
