#!/usr/bin/env bash
# Times `os2gov check` on pathological inputs (issue 13): each parser must be linear in its input,
# so every 1 MiB input is checked in well under a second, and a deep tree is listed like git lists
# it. Builds the release binary once, generates the fixture repositories under target/hostile
# (regenerated when the generator changes), runs each once and prints a table.
#
# Usage: scripts/bench-hostile.sh           (from the repository root, or anywhere)
# Env:   OS2GOV_BIN=PATH                    time this binary instead of building one (e.g. an
#                                           older build, for before/after figures)
#        OS2GOV_HOSTILE_DIR=DIR             where the fixtures live (default target/hostile)
#        OS2GOV_HOSTILE_ONLY=NAME[,NAME…]   run only these fixtures
#        OS2GOV_HOSTILE_TIMEOUT=SECONDS     give up on one run after this long (default 300)
set -euo pipefail
cd "$(dirname "$0")/.."

DIR="${OS2GOV_HOSTILE_DIR:-$PWD/target/hostile}"
TIMEOUT="${OS2GOV_HOSTILE_TIMEOUT:-300}"
# Bump when a generator changes so that old fixtures are rebuilt.
GENERATOR_VERSION=1
TARGET_MS=1000

if [ -n "${OS2GOV_BIN:-}" ]; then
  BIN="$OS2GOV_BIN"
else
  cargo build --release --quiet --bin os2gov
  BIN="$PWD/target/release/os2gov"
fi

# ---------------------------------------------------------------------------------------------
# Fixtures: one folder each, a README so that the engine has something ordinary to read too.

readme() { printf '# Fixture\n\nA generated repository with one pathological input for os2gov.\n' >"$1/README.md"; }

git_commit_all() {
  git -C "$1" init -q -b main
  git -C "$1" add -A
  git -C "$1" -c user.name=Bench -c user.email=bench@example.org \
    -c commit.gpgsign=false commit -q -m "fixture"
}

# A chain of DEPTH folders `d/d/…/d` with a file at the bottom, made relative to the folder
# before (a path of 5,000 folders is longer than the system lets one path be).
deep_chain() {
  perl -e '
    use strict; use warnings;
    my ($root, $depth, $file) = @ARGV;
    chdir $root or die "chdir $root: $!";
    for (1 .. $depth) { mkdir "d" or die "mkdir: $!"; chdir "d" or die "chdir: $!"; }
    open my $fh, ">", $file or die "open: $!"; print $fh "# Deep\n\nAt the bottom.\n"; close $fh;
  ' "$1" "$2" "$3"
}

generate() {
  local name="$1" d="$DIR/$1"
  rm -rf "$d"
  mkdir -p "$d"
  case "$name" in
    publiccode-20k-keys)
      readme "$d"
      # 20,000 unknown top-level keys, each with a long value: 1 MiB.
      perl -e 'print "publiccodeYmlVersion: \"0.4\"\nname: x\n";
               printf "unknownKey%05d: %s\n", $_, "v" x 33 for 1 .. 20000;' >"$d/publiccode.yml" ;;
    publiccode-100k-keys)
      readme "$d"
      # 100,000 unknown keys in 1,000,000 bytes (over 1 MiB a file is not read at all).
      perl -e 'print "publiccodeYmlVersion: \"0.4\"\n"; printf "k%05x: 1\n", $_ for 1 .. 100000;' \
        >"$d/publiccode.yml" ;;
    publiccode-20k-languages)
      readme "$d"
      perl -e 'print "publiccodeYmlVersion: \"0.4\"\nname: x\ndescription:\n";
               printf "  l%05d:\n    shortDescription: A description %05d\n", $_, $_ for 1 .. 20000;' \
        >"$d/publiccode.yml" ;;
    pom-1mib)
      readme "$d"
      # 150,000 <name> elements, one </name> at the very end: 1 MiB.
      perl -e 'print "<project><licenses><license>"; print "<name>x" for 1 .. 149000;
               print "</name></license></licenses></project>\n";' >"$d/pom.xml" ;;
    pom-2000-nested)
      readme "$d"
      perl -e 'print "<project><licenses>"; print "<license><name>Mozilla Public License " for 1 .. 2000;
               print "2.0"; print "</name></license>" for 1 .. 2000; print "</licenses></project>\n";' \
        >"$d/pom.xml" ;;
    toml-50k-exceptions)
      readme "$d"
      perl -e 'print "level = \"1\"\n[exceptions]\n"; printf "X%05d = \"n/a\"\n", $_ for 1 .. 50000;' \
        >"$d/os2gov.toml" ;;
    readme-40k-links)
      perl -e 'print "# Fixture\n\n"; print "[link $_](/$_) " for 1 .. 40000;
               print "and a few words of its own about the product.\n";' >"$d/README.md" ;;
    git-1000-deep | git-1800-deep)
      readme "$d"
      deep_chain "$d" "${name//[^0-9]/}" README.md
      git_commit_all "$d" ;;
    git-1000-deep-untracked)
      readme "$d"
      git_commit_all "$d"
      deep_chain "$d" 1000 README.md ;;
    plain-5000-deep)
      readme "$d"
      deep_chain "$d" 5000 governance_report.md ;;
    *) echo "bench-hostile: unknown fixture $name" >&2; exit 2 ;;
  esac
  echo "$GENERATOR_VERSION" >"$d.done"
}

FIXTURES=(
  publiccode-20k-keys publiccode-100k-keys publiccode-20k-languages
  pom-1mib pom-2000-nested toml-50k-exceptions readme-40k-links
  git-1000-deep git-1800-deep git-1000-deep-untracked plain-5000-deep
)
if [ -n "${OS2GOV_HOSTILE_ONLY:-}" ]; then
  IFS=',' read -r -a FIXTURES <<<"$OS2GOV_HOSTILE_ONLY"
fi

mkdir -p "$DIR"
for name in "${FIXTURES[@]}"; do
  if [ "$(cat "$DIR/$name.done" 2>/dev/null)" != "$GENERATOR_VERSION" ]; then
    echo "bench-hostile: generating $name" >&2
    generate "$name"
  fi
done

# ---------------------------------------------------------------------------------------------
# Runs: wall time of one `os2gov check` each (exit 0 or 1 is a report, 2 an input error, which is
# the expected answer for 50,000 unknown exception ids: the first is named, after all are read).

printf '%-26s %10s %6s %10s  %s\n' input "input" exit "time (ms)" ""
for name in "${FIXTURES[@]}"; do
  d="$DIR/$name"
  size=$(find "$d" -path "$d/.git" -prune -o -type f -printf '%s\n' 2>/dev/null | sort -n | tail -1)
  start=$(date +%s%N)
  set +e
  timeout "$TIMEOUT" "$BIN" check "$d" --offline --no-cache --format json >/dev/null 2>"$DIR/$name.stderr"
  code=$?
  set -e
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  verdict="ok"
  if [ "$code" = 124 ]; then verdict="TIMEOUT after ${TIMEOUT}s"; ms=">$((TIMEOUT * 1000))";
  elif [ "$ms" -gt "$TARGET_MS" ]; then verdict="SLOW (target < ${TARGET_MS} ms)"; fi
  if [ "$code" = 2 ]; then verdict="input error: $(head -c 100 "$DIR/$name.stderr")"; fi
  printf '%-26s %9sB %6s %10s  %s\n' "$name" "$size" "$code" "$ms" "$verdict"
done
