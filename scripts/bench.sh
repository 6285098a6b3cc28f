#!/usr/bin/env bash
# Benchmarks `os2gov check` on a big repository: 100,000 files in nested folders and 10,000
# commits (with merges and branches), generated once with `git fast-import` into a cache folder
# and reused. Prints whole-process wall time (median), peak RSS and blobs read, next to the
# targets, then times the git adapter alone.
#
# Usage: scripts/bench.sh            (from the repository root, or anywhere)
# Env:   OS2GOV_BENCH_REPO=DIR       where the generated repository lives (default target/bench-repo)
#        OS2GOV_BENCH_RUNS=N         timed runs (default 20 with hyperfine, 10 without)
#        OS2GOV_BIN=PATH             time that binary instead of building this checkout
#        OS2GOV_BENCH_ADAPTER=1      also time the git adapter alone (benches/snapshot.rs; its
#                                    release build of the dev-dependencies takes minutes once)
set -euo pipefail
cd "$(dirname "$0")/.."

REPO="${OS2GOV_BENCH_REPO:-$PWD/target/bench-repo}"
FILES=100000
COMMITS=10000
# Bump when the generator changes so that an old cache is rebuilt.
GENERATOR_VERSION=2
MARKER="$REPO.done"
TARGET_WALL_MS=150
TARGET_PEAK_MIB=50

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  echo "bench: apt-get install $*" >&2
  as_root apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# ---------------------------------------------------------------------------------------------
# 1. The repository, generated once.

# Writes a fast-import stream: one commit adding every file, then single-file edits on main,
# with a side branch merged back every 100 commits, so that the history walk meets merges.
generate_stream() {
  perl -e '
    use strict; use warnings;
    my ($files, $commits) = @ARGV;
    my $t = 1_672_531_200;  # 2023-01-01T00:00:00Z, one commit an hour from there
    my $who = "Bench <bench\@example.org>";
    sub blob { my ($path, $text) = @_; my $n = length $text; return "M 100644 inline $path\ndata $n\n$text\n"; }
    sub commit_head { my ($ref, $mark, $msg) = @_; my $n = length $msg;
      return "commit $ref\nmark :$mark\nauthor $who $t +0000\ncommitter $who $t +0000\ndata $n\n$msg\n"; }
    my @fixed = (
      ["README.md", "# Bench\n\nA generated repository for benchmarking os2gov.\n\n## About\n\nIt is big.\n"],
      ["LICENSE", "Mozilla Public License Version 2.0\n==================================\n"],
      ["CONTRIBUTING.md", "# Contributing\n\nOpen a pull request.\n"],
      ["SECURITY.md", "# Security\n\nWrite to security\@example.org.\n"],
      ["publiccode.yml", "publiccodeYmlVersion: \"0.4\"\nname: bench\n"],
      [".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n"],
      [".gitignore", "/build/\n*.log\n"],
    );
    push @fixed, ["docs/page-$_.md", "# Page $_\n\nText of page $_.\n"] for 1 .. 20;
    push @fixed, ["docs/guide/chapter-$_.md", "# Chapter $_\n\nMore text.\n"] for 1 .. 10;
    my $sources = $files - @fixed;
    # 100 top folders x 10 subfolders x N files: paths like src/m042/s7/f00123.rs
    my $per_leaf = int(($sources + 999) / 1000);
    my @paths;
    OUTER: for my $m (0 .. 99) { for my $s (0 .. 9) { for my $f (0 .. $per_leaf - 1) {
      last OUTER if @paths >= $sources;
      push @paths, sprintf("src/m%03d/s%d/f%05d.rs", $m, $s, $m * 10_000 + $s * 1000 + $f);
    } } }
    my $out = commit_head("refs/heads/main", 1, "Initial import\n");
    $out .= blob(@$_) for @fixed;
    $out .= blob($_, "// $_\npub fn f() -> u32 { 1 }\n") for @paths;
    print $out;
    my $mark = 1; my $main = 1; my $made = 1;
    while ($made < $commits) {
      $t += 3600;
      if ($made % 100 == 99 && $made + 2 <= $commits) {
        # A side commit, then its merge into main.
        my $side = ++$mark; my $path = $paths[($made * 7919) % @paths];
        print commit_head("refs/heads/side", $side, "Side change $made (#$made)\n"), "from :$main\n",
              blob($path, "// side $made\n");
        $t += 60; $made++;
        my $merge = ++$mark;
        print commit_head("refs/heads/main", $merge, "Merge side branch $made\n"), "from :$main\nmerge :$side\n";
        $main = $merge; $made++;
        next;
      }
      my $c = ++$mark; my $path = $paths[($made * 104_729) % @paths];
      my $msg = ($made % 3 == 0) ? "Fix issue #$made in $path\n" : "Change $path\n";
      print commit_head("refs/heads/main", $c, $msg), "from :$main\n", blob($path, "// edit $made\npub fn f() -> u32 { $made }\n");
      $main = $c; $made++;
      # A few topic branches along the way.
      if ($made % 2000 == 50) { print "reset refs/heads/topic-$made\nfrom :$main\n\n"; }
    }
  ' "$FILES" "$COMMITS"
}

if [ ! -f "$MARKER" ] || [ "$(cat "$MARKER")" != "$GENERATOR_VERSION" ]; then
  echo "bench: generating $REPO ($FILES files, $COMMITS commits)" >&2
  start=$(date +%s)
  rm -rf "$REPO" "$MARKER"
  mkdir -p "$REPO"
  git -C "$REPO" init -q -b main
  generate_stream | git -C "$REPO" fast-import --quiet
  git -C "$REPO" -c advice.detachedHead=false checkout -q -f main
  git -C "$REPO" remote add origin https://github.com/OS2offdig/bench.git
  git -C "$REPO" update-ref refs/remotes/origin/main main
  git -C "$REPO" symbolic-ref refs/remotes/origin/HEAD refs/remotes/origin/main
  # Untracked and ignored files, as a developer's checkout has them.
  mkdir -p "$REPO/build/out" "$REPO/notes"
  for i in $(seq 1 200); do echo "$i" >"$REPO/build/out/o$i.o"; done
  echo "scratch" >"$REPO/notes/todo.md"
  echo "log" >"$REPO/run.log"
  echo "$GENERATOR_VERSION" >"$MARKER"
  echo "bench: generated in $(($(date +%s) - start)) s" >&2
fi
tracked=$(git -C "$REPO" ls-files | wc -l)
commits=$(git -C "$REPO" rev-list --count HEAD)
echo "repository: $REPO ($tracked tracked files, $commits commits on HEAD)"

# ---------------------------------------------------------------------------------------------
# 2. The binary.

# OS2GOV_BIN=PATH times another build (an older commit's, to compare) instead of this one.
if [ -n "${OS2GOV_BIN:-}" ]; then
  BIN="$OS2GOV_BIN"
else
  cargo build --release --quiet
  BIN="$PWD/target/release/os2gov"
fi
CMD=("$BIN" check "$REPO" --offline --format json)

set +e
"${CMD[@]}" --verbose >/dev/null 2>"$REPO.stderr"
status=$?
set -e
if [ "$status" -gt 1 ]; then
  echo "bench: '${CMD[*]} --verbose' failed with exit code $status:" >&2
  sed 's/^/  /' "$REPO.stderr" >&2
  exit 1
fi
counter() { grep -o "$1: [0-9]*" "$REPO.stderr" | grep -o '[0-9]*$' || true; }
blobs=$(counter 'blobs read')
paths=$(counter 'paths listed')
walked=$(counter 'commits walked')

# ---------------------------------------------------------------------------------------------
# 3. Wall time: hyperfine when it is there, else a loop of runs.

command -v hyperfine >/dev/null || apt_install hyperfine || true
if command -v hyperfine >/dev/null; then
  runs="${OS2GOV_BENCH_RUNS:-20}"
  printf -v cmd_line '%q ' "${CMD[@]}"
  hyperfine --style basic -N -i --warmup 3 --runs "$runs" --export-json "$REPO.hyperfine.json" \
    "$cmd_line" >&2
  wall_ms=$(perl -ne 'if (/"median":\s*([0-9.eE+-]+)/) { printf "%.0f\n", $1 * 1000; exit }' \
    "$REPO.hyperfine.json")
else
  runs="${OS2GOV_BENCH_RUNS:-10}"
  "${CMD[@]}" >/dev/null 2>&1 || true # warm the page cache
  times=()
  for _ in $(seq 1 "$runs"); do
    t0=$(date +%s%N)
    "${CMD[@]}" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  wall_ms=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }')
fi

# ---------------------------------------------------------------------------------------------
# 4. Peak RSS.

[ -x /usr/bin/time ] || apt_install time
/usr/bin/time -v -o "$REPO.time" "${CMD[@]}" >/dev/null 2>&1 || true
peak_kib=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$REPO.time")
peak_mib=$(awk -v k="$peak_kib" 'BEGIN { printf "%.1f", k / 1024 }')

verdict() { if awk -v v="$1" -v t="$2" 'BEGIN { exit !(v < t) }'; then echo "ok"; else echo "OVER"; fi; }
echo
echo "os2gov check (whole process, $runs runs)"
printf '  wall time (median)  %6s ms    target < %s ms   %s\n' "$wall_ms" "$TARGET_WALL_MS" "$(verdict "$wall_ms" "$TARGET_WALL_MS")"
printf '  peak RSS            %6s MiB   target < %s MiB  %s\n' "$peak_mib" "$TARGET_PEAK_MIB" "$(verdict "$peak_mib" "$TARGET_PEAK_MIB")"
printf '  blobs read          %6s\n' "${blobs:-?}"
printf '  paths listed        %6s\n' "${paths:-?}"
printf '  commits walked      %6s\n' "${walked:-?}"
[ -n "$blobs" ] || echo "  (no 'blobs read: N' line on stderr with --verbose)"

# ---------------------------------------------------------------------------------------------
# 5. The git adapter alone (benches/snapshot.rs), to see where the time goes.

if [ "${OS2GOV_BENCH_ADAPTER:-0}" = 1 ]; then
  echo
  echo "git adapter alone (release, 10 runs each)"
  OS2GOV_BENCH_REPO="$REPO" cargo test --release --quiet --bench snapshot -- --ignored --nocapture 2>&1 |
    grep -E '^  ' || echo "  (benches/snapshot.rs did not run)"
fi
