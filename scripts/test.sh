#!/usr/bin/env bash
# Sets everything up and runs every test:
#   1. a Release build and the whole CTest suite (unit, golden, semantic, board end-to-end);
#   2. a clang build with AddressSanitizer + UndefinedBehaviorSanitizer and the suite again;
#   3. each libFuzzer target for a bounded time (FUZZ_SECONDS, default 30) from its seed corpus.
# Exits non-zero if anything fails.  Set SKIP_SANITIZE=1 or SKIP_FUZZ=1 to leave a part out locally,
# TEST_FILTER=REGEX to run only the CTest tests whose names match (both builds).
#
# Skipped tests (a missing node, QEMU or firmware; GTEST_SKIP) are failures when CI=true; locally
# they stay skips, and the summary names each one.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
strict=0
[ "${CI:-}" = true ] && strict=1
skipped=()
# Each part says when it starts, so that a slow CI run shows where its time went.
phase() { echo "== $1 (at ${SECONDS} s)"; }
phase "Setup"
scripts/setup.sh

# run_ctest BUILD_DIR ARGS...: the suite in BUILD_DIR; no registered test is an error; skipped
# tests are collected for the summary (and fail the run in CI).
run_ctest() {
  local dir=$1; shift
  local log="$dir/ctest.log"
  local filter=()
  [ -z "${TEST_FILTER:-}" ] || filter=(-R "$TEST_FILTER")
  (cd "$dir" && ctest --output-on-failure --no-tests=error -j"$jobs" "${filter[@]}" "$@") 2>&1 | tee "$log"
  local names
  names=$(sed -n -E 's/^[[:space:]]*[0-9]+ - (.*) \((Skipped|Not Run|Disabled)\)$/\1/p' "$log")
  if [ -n "$names" ]; then
    while IFS= read -r n; do skipped+=("$dir: $n"); done <<<"$names"
    if [ "$strict" = 1 ]; then
      echo "FAIL: tests were skipped in CI (a dependency is missing):" >&2
      sed 's/^/  /' <<<"$names" >&2
      exit 1
    fi
  fi
}

phase "Release build and tests"
scripts/build.sh
run_ctest build --timeout 600

if [ "${SKIP_SANITIZE:-0}" != 1 ] || [ "${SKIP_FUZZ:-0}" != 1 ]; then
  phase "ASan/UBSan build (clang, with fuzz targets)"
  CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMPYTOOLS_SANITIZE=ON -DMPYTOOLS_FUZZ=ON >/dev/null
  cmake --build build-asan -j"$jobs"
fi

if [ "${SKIP_SANITIZE:-0}" != 1 ]; then
  phase "Tests under ASan/UBSan"
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  run_ctest build-asan --timeout 900
fi

if [ "${SKIP_FUZZ:-0}" != 1 ]; then
  phase "Fuzzing (${FUZZ_SECONDS:-30}s per target, $(nproc) at a time)"
  scripts/fuzz.sh build-asan "${FUZZ_SECONDS:-30}"
fi

phase "Done"
if ((${#skipped[@]})); then
  echo "== skipped (not run, so not passed):"
  printf '  %s\n' "${skipped[@]}"
  echo "== all tests that ran passed; ${#skipped[@]} skipped"
else
  echo "== all tests passed"
fi
