#!/usr/bin/env bash
# Checks that the committed expected data is still exactly what the reference compilers make:
# the golden .mpy files (tests/golden), the native goldens (tests/native/expected/<version>), the
# recorded error messages (tests/errors/cases/*.expected), mpyc's command line beside the
# reference's, and the differential viper/native/asm tests.  CI has no reference compiler, so these
# tests are registered only in a build configured with -DMPYTOOLS_REFERENCE_MPY_CROSS (1.27.0) and/or
# -DMPYTOOLS_REFERENCE_MPY_CROSS_128 (1.28.0); this script makes such a build (in $BUILD_DIR, default
# build-provenance) and runs just them.  Builds nothing of MicroPython:
#
#   tests/compat/check_provenance.sh REF_MPY_CROSS [REF_MPY_CROSS]
#
# Each REF_MPY_CROSS is MicroPython 1.27.0's or 1.28.0's mpy-cross (mpy-cross/build/mpy-cross in a
# v1.27.0 or v1.28.0 tree); its version decides which expected data it checks.
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 REF_MPY_CROSS [REF_MPY_CROSS]   (mpy-cross 1.27.0 and/or 1.28.0)" >&2
  exit 2
fi
defs=()
for arg in "$@"; do
  [ -x "$arg" ] || { echo "error: $arg is not an executable" >&2; exit 2; }
  ref=$(realpath "$arg")
  version=$("$ref" --version)
  case "$version" in
    *v1.27.0*) defs+=(-DMPYTOOLS_REFERENCE_MPY_CROSS="$ref") ;;
    *v1.28.0*) defs+=(-DMPYTOOLS_REFERENCE_MPY_CROSS_128="$ref") ;;
    *) echo "error: $ref is neither mpy-cross 1.27.0 nor 1.28.0: $version" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/../.."
build=${BUILD_DIR:-build-provenance}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${defs[@]}" >/dev/null
cmake --build "$build" -j"$(nproc)"
cd "$build"
ctest --output-on-failure --no-tests=error -j"$(nproc)" -R '(up_to_date|_vs_reference|_differential_)'
