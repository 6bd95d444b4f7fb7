#!/usr/bin/env bash
# Checks that the committed expected data is still exactly what the reference compiler makes:
# the golden .mpy files (tests/golden), the x64 native goldens (tests/native), the recorded error
# messages (tests/errors/cases/*.expected), mpyc's command line beside the reference's, and the
# differential viper/native tests.  CI has no reference compiler, so these tests are registered
# only in a build configured with -DMPYTOOLS_REFERENCE_MPY_CROSS; this script makes such a build
# (in BUILD_DIR, default build-provenance) and runs just them.  Builds nothing of MicroPython:
#
#   tests/compat/check_provenance.sh REF_MPY_CROSS [BUILD_DIR]
#
# REF_MPY_CROSS is MicroPython 1.27.0's mpy-cross (mpy-cross/build/mpy-cross in a v1.27.0 tree).
set -euo pipefail
if [ $# -lt 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 REF_MPY_CROSS [BUILD_DIR]   (REF_MPY_CROSS: an executable mpy-cross 1.27.0)" >&2
  exit 2
fi
ref=$(realpath "$1")
cd "$(dirname "$0")/../.."
build=${2:-build-provenance}
"$ref" --version | grep -q 'v1\.27\.0' || { echo "$ref is not mpy-cross 1.27.0: $("$ref" --version)" >&2; exit 2; }
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMPYTOOLS_REFERENCE_MPY_CROSS="$ref" >/dev/null
cmake --build "$build" -j"$(nproc)"
cd "$build"
ctest --output-on-failure --no-tests=error -j"$(nproc)" \
  -R '^(golden_up_to_date|native_up_to_date|errors_expected_up_to_date|mpyc_cli_vs_reference|native_differential_viper|native_differential_native)$'
