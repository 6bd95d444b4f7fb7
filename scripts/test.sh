#!/usr/bin/env bash
# Sets everything up and runs every test:
#   1. a Release build and the whole CTest suite (unit, golden, semantic, board end-to-end);
#   2. a clang build with AddressSanitizer + UndefinedBehaviorSanitizer and the suite again;
#   3. each libFuzzer target for a bounded time (FUZZ_SECONDS, default 30) from its seed corpus.
# Exits non-zero if anything fails.  Set SKIP_SANITIZE=1 or SKIP_FUZZ=1 to leave a part out locally.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
scripts/setup.sh

echo "== Release build and tests"
scripts/build.sh
(cd build && ctest --output-on-failure -j"$jobs" --timeout 600)

if [ "${SKIP_SANITIZE:-0}" != 1 ] || [ "${SKIP_FUZZ:-0}" != 1 ]; then
  echo "== ASan/UBSan build (clang, with fuzz targets)"
  CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMPYTOOLS_SANITIZE=ON -DMPYTOOLS_FUZZ=ON >/dev/null
  cmake --build build-asan -j"$jobs"
fi

if [ "${SKIP_SANITIZE:-0}" != 1 ]; then
  echo "== Tests under ASan/UBSan"
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  (cd build-asan && ctest --output-on-failure -j"$jobs" --timeout 900 -LE slow)
fi

if [ "${SKIP_FUZZ:-0}" != 1 ]; then
  echo "== Fuzzing (${FUZZ_SECONDS:-30}s per target)"
  for fuzzer in build-asan/*/*_fuzz; do
    [ -x "$fuzzer" ] || continue
    name=$(basename "$fuzzer")
    seeds="tests/fuzz/$name"
    work="build-asan/fuzz-corpus/$name"
    mkdir -p "$work"
    echo "-- $name"
    "$fuzzer" -max_total_time="${FUZZ_SECONDS:-30}" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=0 "$work" $( [ -d "$seeds" ] && echo "$seeds" ) 2>&1 | tail -n 3
  done
fi
echo "== all tests passed"
