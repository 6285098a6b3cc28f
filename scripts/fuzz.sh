#!/usr/bin/env bash
# Fuzzes os2gov's parsers and engine (the libFuzzer targets in fuzz/, laid out as cargo-fuzz
# lays them out) for a fixed number of inputs each, seeded from OS2's documents and the real
# repository extracts in ../shared. Fails on any panic, failed assertion or input that takes over
# a second (-timeout=1). Prints, per target, the inputs run and the slowest input's time.
#
#   bash scripts/fuzz.sh                     # the bounded run that scripts/test.sh (CI) makes
#   FUZZ_RUNS=1000000 bash scripts/fuzz.sh   # longer: that many inputs per target
#   FUZZ_TARGETS="config engine" bash scripts/fuzz.sh
#   FUZZ_TOOLCHAIN=stable bash scripts/fuzz.sh   # stable rustc with RUSTC_BOOTSTRAP=1
#   FUZZ_TARGET_DIR=/tmp/fuzz-target …           # build elsewhere than fuzz/target
#   FUZZ_TIMEOUT=5 …                             # seconds per input, on a busy machine
#
# Built with the flags cargo-fuzz would pass, without installing it: rustup's `nightly` toolchain
# where it works, otherwise the stable one with RUSTC_BOOTSTRAP=1. A crash is saved under
# fuzz/artifacts/TARGET/; replay it with
#   fuzz/target/x86_64-unknown-linux-gnu/release/TARGET fuzz/artifacts/TARGET/crash-…
# (or `cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-…` from the repository's root).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED="${OS2GOV_SHARED:-$ROOT/../shared}"
# The cargo-fuzz release whose build flags the build below uses (cargo-fuzz itself is not needed).
CARGO_FUZZ_VERSION=0.13.2
ALL_TARGETS=(markdown govreport self_assessment publiccode licence licence_pattern manifest config engine)
read -r -a TARGETS <<<"${FUZZ_TARGETS:-${ALL_TARGETS[*]}}"

# Inputs per target in the bounded run, each count including the seeds, sized so that building
# and running all targets takes about two to three minutes on CI's two cores: a few seconds per
# parser, more for the engine, which renders every report in all its formats.
declare -A RUNS=(
  [markdown]=8000 [govreport]=5000 [self_assessment]=20000 [publiccode]=20000 [licence]=3000
  [licence_pattern]=4000 [manifest]=20000 [config]=40000 [engine]=600
)
# The largest input the fuzzer makes (longer seeds are cut): enough for a README, a governance
# report or a repository's root files, small enough to keep each input well under the second.
declare -A MAX_LEN=(
  [markdown]=16384 [govreport]=32768 [self_assessment]=8192 [publiccode]=8192 [licence]=4096
  [licence_pattern]=1024 [manifest]=4096 [config]=4096 [engine]=65536
)

step() { printf '\n-- %s --\n' "$*"; }

toolchain="${FUZZ_TOOLCHAIN:-}"
if [ -z "$toolchain" ]; then
  if rustup run nightly rustc --version >/dev/null 2>&1; then toolchain=nightly; else toolchain=stable; fi
fi
if [ "$toolchain" = nightly ]; then
  fuzz_cargo() { cargo +nightly "$@"; }
  rustc_version=$(rustup run nightly rustc -vV)
  echo "fuzz: $(rustup run nightly rustc --version)"
else
  # The stable compiler, allowed any unstable flag libfuzzer-sys or a dependency may ask for.
  fuzz_cargo() { RUSTC_BOOTSTRAP=1 cargo "$@"; }
  rustc_version=$(rustc -vV)
  echo "fuzz: $(rustc --version), with RUSTC_BOOTSTRAP=1"
fi
HOST=$(awk '/^host:/ { print $2 }' <<<"$rustc_version")

# The build `cargo fuzz build --sanitizer none --debug-assertions` makes (cargo-fuzz
# $CARGO_FUZZ_VERSION, src/project.rs), with its flags set here rather than by installing
# cargo-fuzz, which cost CI a compile of its own as long as the targets' build: libFuzzer's
# coverage instrumentation (SanitizerCoverage: 8-bit counters, PC table, compares, stack depth),
# `--cfg fuzzing`, no branch folding (so that each branch is a coverage edge), one codegen unit (as
# cargo-fuzz says, the coverage pass otherwise keeps ThinLTO from inlining, ~3x slower runs),
# line tables only for readable backtraces, release mode with `--target` (so that the flags do
# not reach build scripts). No sanitizer: the project forbids `unsafe`, so AddressSanitizer
# would find nothing that Rust's own checks do not, at twice the build time. Debug assertions
# and overflow checks on, so that an arithmetic overflow is a crash here as in the test build.
FUZZ_RUSTFLAGS=(
  -Cpasses=sancov-module
  -Cllvm-args=-sanitizer-coverage-level=4
  -Cllvm-args=-sanitizer-coverage-inline-8bit-counters
  -Cllvm-args=-sanitizer-coverage-pc-table
  -Cllvm-args=-sanitizer-coverage-trace-compares
  --cfg fuzzing
  -Cllvm-args=-simplifycfg-branch-fold-threshold=0
  -Cllvm-args=-sanitizer-coverage-stack-depth
  -Cdebug-assertions
  -Ccodegen-units=1
)
step "build the fuzz targets"
TARGET_DIR="${FUZZ_TARGET_DIR:-$ROOT/fuzz/target}"
build_start=$(date +%s)
RUSTFLAGS="${FUZZ_RUSTFLAGS[*]}${RUSTFLAGS:+ $RUSTFLAGS}" \
  fuzz_cargo build --manifest-path fuzz/Cargo.toml --target "$HOST" --release \
  --config 'profile.release.debug="line-tables-only"' --bins --target-dir "$TARGET_DIR"
echo "fuzz: built in $(($(date +%s) - build_start)) s"
BIN="$TARGET_DIR/$HOST/release"

# Seeds: the files of ../shared each target reads, copied at run time into the target's corpus
# folder (fuzz/corpus/TARGET, not committed), beside the small hand-made seeds in fuzz/seeds.
seed() { # seed TARGET FILE…
  local dir="$ROOT/fuzz/corpus/$1" f
  shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$dir/seed-$(printf '%s' "${f#"$SHARED"/}" | tr '/ ' '__')"
  done
  return 0
}
shared_files() { # shared_files FIND-PREDICATES…: files of ../shared/corpus and ../shared/os2
  [ -d "$SHARED" ] || return 0
  find "$SHARED/corpus" "$SHARED/os2" -type f \( "$@" \) \
    ! -name TREE.txt ! -name COMMITS.txt ! -name BRANCHES.txt ! -name TAGS.txt ! -name SOURCE.txt \
    -print0 | sort -z
}
seed_from_shared() { # seed_from_shared TARGET FIND-PREDICATES…
  local target=$1 files=()
  shift
  mapfile -d '' files < <(shared_files "$@")
  seed "$target" "${files[@]}"
}

# A repository extract as the engine target's input: each file as `PATH\n` + content + NUL (see
# fuzz/fuzz_targets/engine.rs), a stored symlink as one, and the first paths of TREE.txt as
# files listed but not loaded. The files the rules read most come first and each is cut to 6 KB,
# so that the engine's -max_len keeps a whole repository's worth of them.
frame_repo() { # frame_repo EXTRACT_FOLDER
  local files="$1/files" f rel target
  [ -d "$files" ] || return 0
  while IFS= read -r f; do
    rel=${f#"$files"/}
    if [[ $rel == *.SYMLINK ]]; then
      target=$(sed 's/^symlink -> //' "$f")
      printf '%s\tlink:%s\n' "${rel%.SYMLINK}" "$target"
      f="$(dirname "$f")/$target"
      [ -f "$f" ] || f=/dev/null
    else
      printf '%s\n' "$rel"
    fi
    head -c 6144 "$f"
    printf '\0'
  done < <(find "$files" -maxdepth 2 -type f | awk -v root="$files/" '{
      p = tolower(substr($0, length(root) + 1)); r = 3
      if (p ~ /^(readme|licen[cs]e|copying|publiccode|os2gov)/) r = 0
      else if (p ~ /governance|contributing|security|code_of_conduct|maintainers/) r = 1
      else if (p ~ /^\.github\//) r = 2
      print r "\t" $0 }' | sort -t "$(printf '\t')" -k1,1n -k2 | cut -f2-)
  if [ -f "$1/TREE.txt" ]; then
    awk 'NR <= 300 { $1 = ""; sub(/^ +/, ""); printf "%s\tunloaded\n%c", $0, 0 }' "$1/TREE.txt"
  fi
}

step "seed corpora"
[ -d "$SHARED" ] || echo "fuzz: $SHARED is missing; only the seeds in fuzz/seeds are used" >&2
# fuzz/seeds/ names its files without their extensions (`cargo-toml`, `package-json`), so that no
# tool, os2gov checking its own repository among them, takes them for the project's manifests.
for t in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  if [ -d "fuzz/seeds/$t" ]; then cp fuzz/seeds/"$t"/* "fuzz/corpus/$t/"; fi
done
seed_from_shared markdown -iname '*.md' -o -iname '*.rst' -o -iname '*.txt'
seed_from_shared govreport -iname '*governance*report*' -o -iname '*governancerapport*' \
  -o -name governance_template.md -o -iname '*assessment*.md'
seed govreport src/base/profile/governance_template.md
seed_from_shared self_assessment -iname '*.json'
seed self_assessment schema/*.json
seed_from_shared publiccode -iname '*.yml' -o -iname '*.yaml'
seed publiccode src/base/profile/dk-public-sector-ospo.yml
seed_from_shared licence -iname 'licen[cs]e*' -o -iname 'copying*' -o -path '*/LICENSES/*' -o -iname 'readme*'
seed licence LICENSE
seed manifest Cargo.toml wasm/package.json
seed_from_shared config -iname '*.toml'
seed config Cargo.toml
mkdir -p fuzz/corpus/licence_pattern
while IFS= read -r -d '' f; do
  { printf '\0'; cat "$f"; } >"fuzz/corpus/licence_pattern/seed-$(basename "$f")-$(cksum <"$f" | cut -d' ' -f1)"
done < <(shared_files -iname 'licen[cs]e*' -o -path '*/LICENSES/*')
if [ -d "$SHARED/corpus" ]; then
  for extract in "$SHARED"/corpus/*/*/; do
    frame_repo "${extract%/}" >"fuzz/corpus/engine/seed-$(basename "$extract")"
  done
  frame_repo_docs() { # OS2's documentation template as a repository
    local f
    for f in "$SHARED"/os2/os2-docs-template/*; do
      printf 'docs/%s\n' "$(basename "$f")"
      cat "$f"
      printf '\0'
    done
    printf 'CODE_OF_CONDUCT.md\n'
    cat "$SHARED/os2/OS2-CODE_OF_CONDUCT.md"
  }
  frame_repo_docs >fuzz/corpus/engine/seed-os2-docs-template
fi

step "run"
runs_override=${FUZZ_RUNS:-}
# One second per input at most; FUZZ_TIMEOUT gives more on a machine busy with other work, where
# an input that takes 0.1 s alone can take ten times that.
timeout=${FUZZ_TIMEOUT:-1}
failed=()
summary=()
for t in "${TARGETS[@]}"; do
  runs=${runs_override:-${RUNS[$t]}}
  mkdir -p "fuzz/artifacts/$t"
  log="fuzz/artifacts/$t/last-run.log"
  start=$(date +%s%N)
  status=0
  "$BIN/$t" -runs="$runs" -timeout="$timeout" -max_len="${MAX_LEN[$t]}" -seed=1 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$t/" "fuzz/corpus/$t" >"$log" 2>&1 || status=$?
  ms=$((($(date +%s%N) - start) / 1000000))
  executed=$(awk '/stat::number_of_executed_units/ { print $2 }' "$log")
  if [ "$status" -ne 0 ]; then
    failed+=("$t")
    echo "fuzz: $t FAILED (exit $status); the input is in fuzz/artifacts/$t/" >&2
    grep -E -A12 'panicked|ERROR: libFuzzer|ALARM|SUMMARY' "$log" | head -40 >&2
    summary+=("$(printf '%-16s FAILED after %s inputs' "$t" "${executed:-?}")")
    continue
  fi
  # The slowest of the 50 largest inputs libFuzzer kept (seeds and what it added; the parsers are
  # linear, so the largest are the slow ones), timed one by one and cut to -max_len as in the run:
  # libFuzzer's own `slowest_unit_time_sec` counts whole seconds only. The first input timed is a
  # warm-up (the process's one-time set-up), not counted. (awk, not head, picks the 50: head
  # stops reading early, and the SIGPIPE it leaves would fail the pipeline.)
  warm=$(mktemp)
  slowest=$( (echo "$warm"; find "fuzz/corpus/$t" -type f -printf '%s %p\n' | sort -rn | awk 'NR <= 50 { print $2 }') \
    | tr '\n' '\0' | xargs -0 "$BIN/$t" -runs=1 -max_len="${MAX_LEN[$t]}" 2>&1 \
    | awk -v warm="$warm" '/^Executed .* in [0-9]+ ms$/ && $2 != warm { ms = $(NF-1) + 0
             if (ms > max + 0 || file == "") { max = ms; file = $2 } }
           END { printf "%d ms (%s)", max, file }')
  rm -f "$warm"
  summary+=("$(printf '%-16s %8s inputs in %3d.%d s, slowest kept input %s' "$t" "$executed" \
    $((ms / 1000)) $((ms % 1000 / 100)) "$slowest")")
done

step "summary"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]}" >&2
  exit 1
fi
