#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzzing build for a bounded time, from its seeds.
#   scripts/fuzz.sh BUILD_DIR [SECONDS]
# The targets come from BUILD_DIR/fuzzers.txt (written by CMake from the targets it built), and
# must match the seed folders tests/fuzz/<name>/ one to one: a target that is renamed, or stops
# being built, fails the run instead of silently not being fuzzed.  Each target's growing corpus
# is kept in BUILD_DIR/fuzz-work/<name>, so a second run in the same tree starts from it.
# A finding prints the fuzzer's whole report (stack trace included) and exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: scripts/fuzz.sh BUILD_DIR [SECONDS]}
seconds=${2:-30}
list="$build/fuzzers.txt"
[ -s "$list" ] || { echo "FAIL: $list is missing or empty: no fuzz target was built" >&2; exit 1; }

declare -A built=()
while read -r name path; do
  [ -x "$path" ] || { echo "FAIL: fuzz target $name is listed but $path is not built" >&2; exit 1; }
  built[$name]=$path
done <"$list"
problems=0
for seeds in tests/fuzz/*/; do
  name=$(basename "$seeds")
  [ -n "${built[$name]:-}" ] || { echo "FAIL: seeds $seeds have no fuzz target named $name" >&2; problems=1; }
done
for name in "${!built[@]}"; do
  [ -d "tests/fuzz/$name" ] || { echo "FAIL: fuzz target $name has no seed folder tests/fuzz/$name" >&2; problems=1; }
done
[ "$problems" = 0 ] || exit 1

# One target: its growing corpus in fuzz-work/<name>, its report in fuzz-work/<name>.log.
fuzz_one() {
  local name=$1 seeds="tests/fuzz/$1" work="$build/fuzz-work/$1" largest max_len
  mkdir -p "$work"
  # Inputs as long as the largest seed at least, so that no seed is cut short.
  largest=$(find "$seeds" -type f -printf '%s\n' | sort -n | tail -n 1)
  max_len=$(( ${largest:-0} > 4096 ? ${largest:-0} : 4096 ))
  "${built[$name]}" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=0 "$work" "$seeds" >"$build/fuzz-work/$name.log" 2>&1
}

# As many targets at a time as there are cores (each fuzzer is one process): every target still
# gets its SECONDS, in a fraction of the wall time.
mkdir -p "$build/fuzz-work"
parallel=$(nproc)
declare -A pid_of=()
names=$(printf '%s\n' "${!built[@]}" | sort)
for name in $names; do
  while (( $(jobs -rp | wc -l) >= parallel )); do wait -n || true; done
  fuzz_one "$name" &
  pid_of[$name]=$!
done
failed=0
for name in $names; do
  log="$build/fuzz-work/$name.log"
  if wait "${pid_of[$name]}"; then
    echo "-- $name"
    tail -n 2 "$log"
  else
    echo "FAIL: $name found a problem; its report:" >&2
    cat "$log" >&2
    failed=1
  fi
done
exit "$failed"
