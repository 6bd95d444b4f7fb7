#!/usr/bin/env bash
# The "done when" yardstick: MicroPython 1.27's own test suite, every test compiled to .mpy by
# the given compiler first (run-tests.py --via-mpy) and run on the given unix-port binary.
# Builds nothing; takes paths:
#
#   tests/compat/run_micropython_tests.sh MP_CHECKOUT MICROPYTHON_BIN MPYC [extra run-tests.py args]
#
# MP_CHECKOUT is a MicroPython v1.27.0 source tree (its tests/run-tests.py is used as is).
# run-tests.py 1.27 reads the compiler from $MICROPY_MPYCROSS and the runtime from
# $MICROPY_MICROPYTHON, and calls the compiler as `MPYC -o X.mpy -X emit=bytecode X.py`.
# Results go to a temporary directory (not into the checkout). Exit status is run-tests.py's.
# run-tests.py aborts the whole run when the compiler fails on one file, so the compiler is called
# through a shim: when MPYC rejects a file, the shim writes a deliberately invalid .mpy (the test
# then fails with "incompatible .mpy file") and lists the file; nothing is ever compiled by
# anything but MPYC. (run-tests.py passes -march=<host arch>, so tests using
# @micropython.native/viper need native code generation.)
# With the reference mpy-cross 1.27.0 as MPYC: 765 tests performed, 765 passed.
set -euo pipefail
. "$(dirname "$0")/compile_shim.sh"
if [ $# -lt 3 ]; then
    echo "usage: $0 MP_CHECKOUT MICROPYTHON_BIN MPYC [extra run-tests.py args]" >&2
    exit 2
fi
abs() { (cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")"); }
checkout=$(cd "$1" && pwd)
micropython=$(abs "$2")
mpyc=$(abs "$3")
shift 3
for f in "$micropython" "$mpyc"; do
    [ -x "$f" ] || { echo "error: $f is not an executable" >&2; exit 2; }
done
[ -f "$checkout/tests/run-tests.py" ] || { echo "error: no tests/run-tests.py in $checkout" >&2; exit 2; }
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
shim="$results/mpyc-shim.sh"
write_compile_shim "$shim" "$mpyc" "$results/compile-failures.txt"
echo "compiler: $mpyc"
echo "runtime:  $micropython ($("$micropython" -c 'import sys; print(sys.version)' 2>/dev/null || echo '?'))"
cd "$checkout/tests"
set +e
MICROPY_MPYCROSS="$shim" MICROPY_MICROPYTHON="$micropython" \
    python3 ./run-tests.py --via-mpy --result-dir "$results" \
    -d basics float import micropython misc unicode stress "$@" 2>&1 | tee "$results/log.txt" | grep -v '^pass \|^skip '
status=${PIPESTATUS[0]}
set -e
if [ -s "$results/compile-failures.txt" ]; then
    echo "$(wc -l < "$results/compile-failures.txt") files were rejected by the compiler (their tests fail):"
    sed 's/^/  /' "$results/compile-failures.txt"
fi
# Keep the failures' expected/actual outputs where a person can read them.
if ls "$results"/*.out >/dev/null 2>&1; then
    keep=${COMPAT_KEEP_RESULTS:-/tmp/mpytools-compat-results}
    rm -rf "$keep" && mkdir -p "$keep" && cp "$results"/*.exp "$results"/*.out "$keep"/ 2>/dev/null || true
    echo "outputs of failed tests kept in $keep"
fi
exit "$status"
