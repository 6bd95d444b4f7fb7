#!/usr/bin/env bash
# The yardstick for native code (@micropython.native / viper / asm_thumb), in two parts.
# Builds nothing; takes paths:
#
#   tests/compat/run_native_tests.sh MP_CHECKOUT MICROPYTHON_BIN MPYC [MPY_CROSS]
#
# MP_CHECKOUT is a MicroPython v1.27.0 source tree, MICROPYTHON_BIN its unix port (x64), MPYC
# ours, MPY_CROSS the reference mpy-cross 1.27.0 (default: MP_CHECKOUT/mpy-cross/build/mpy-cross).
#
# 1. Runs MicroPython's own tests micropython/native_*.py and micropython/viper_*.py with
#    run-tests.py --via-mpy (it compiles each test with `MPYC -march=x64 -o X.mpy -X emit=bytecode
#    X.py` and runs the .mpy on MICROPYTHON_BIN), as tests/compat/run_micropython_tests.sh does
#    for the whole suite; a file MPYC rejects becomes an invalid .mpy so that only its test fails.
# 2. Compiles every tests/micropython/*.py with both compilers, `-march=x64`, and compares the
#    bytes (cmp).  For files the reference rejects (a ViperTypeError, say), mpyc must reject them
#    too with the same last line of the error; files on which the reference's own assertions
#    fail (it aborts) are only counted.
#    Set NATIVE_COMPARE_EMIT=native (or viper) to compile with `-X emit=...` as well, which puts
#    every function of every file through the native emitter; NATIVE_COMPARE_DIRS (default
#    "micropython") names the tests/ subdirectories to compare, e.g. "micropython basics" or
#    "micropython inlineasm/thumb"; NATIVE_COMPARE_ARCHS (default "x64") the -march values, e.g.
#    "armv6m armv7m armv7em armv7emsp armv7emdp" (each gets its own counts).  Set
#    NATIVE_SKIP_RUN=1 to skip part 1 (it runs x64 code on the unix port only).
#
# Exit status: 0 when every run test passed and every compared file is identical, else 1.
set -euo pipefail
. "$(dirname "$0")/compile_shim.sh"
if [ $# -lt 3 ] || [ $# -gt 4 ]; then
    echo "usage: $0 MP_CHECKOUT MICROPYTHON_BIN MPYC [MPY_CROSS]" >&2
    exit 2
fi
abs() { (cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")"); }
checkout=$(cd "$1" && pwd)
micropython=$(abs "$2")
mpyc=$(abs "$3")
ref=$(abs "${4:-$checkout/mpy-cross/build/mpy-cross}")
for f in "$micropython" "$mpyc" "$ref"; do
    [ -x "$f" ] || { echo "error: $f is not an executable" >&2; exit 2; }
done
[ -f "$checkout/tests/run-tests.py" ] || { echo "error: no tests/run-tests.py in $checkout" >&2; exit 2; }
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
echo "compiler:  $mpyc"
echo "reference: $ref ($("$ref" --version 2>/dev/null || echo '?'))"
echo "runtime:   $micropython"
overall=0

# ---- part 1: run the native/viper tests through MPYC -----------------------------------------
shim="$results/mpyc-shim.sh"
write_compile_shim "$shim" "$mpyc" "$results/compile-failures.txt"
echo
if [ -z "${NATIVE_SKIP_RUN:-}" ]; then
echo "== part 1: run-tests.py --via-mpy micropython/native_*.py micropython/viper_*.py"
cd "$checkout/tests"
set +e
MICROPY_MPYCROSS="$shim" MICROPY_MICROPYTHON="$micropython" \
    python3 ./run-tests.py --via-mpy --result-dir "$results" micropython/native_*.py micropython/viper_*.py \
    2>&1 | tee "$results/log.txt" | grep -v '^pass \|^skip '
run_status=${PIPESTATUS[0]}
set -e
[ "$run_status" -eq 0 ] || overall=1
if [ -s "$results/compile-failures.txt" ]; then
    echo "$(wc -l < "$results/compile-failures.txt") files were rejected by the compiler (their tests fail):"
    sed 's/^/  /' "$results/compile-failures.txt"
fi
fi

# ---- part 2: byte comparison with the reference ------------------------------------------------
emit_flags=()
[ -n "${NATIVE_COMPARE_EMIT:-}" ] && emit_flags=(-X "emit=$NATIVE_COMPARE_EMIT")
for arch in ${NATIVE_COMPARE_ARCHS:-x64}; do
echo
echo "== part 2: mpyc vs reference bytes, -march=$arch ${emit_flags[*]:-} (${NATIVE_COMPARE_DIRS:-micropython})"
same=0 differ=0 mpyc_rejects=0 both_reject=0 reject_differ=0 accepted_only_by_mpyc=0 ref_crashes=0
: > "$results/differ.txt"
for dir in ${NATIVE_COMPARE_DIRS:-micropython}; do
    for src in "$checkout/tests/$dir"/*.py; do
        name="$dir/$(basename "$src")"
        # (in a subshell, so that bash's "Aborted" report of a crashing compiler goes quiet too)
        if ! ("$ref" -march="$arch" "${emit_flags[@]}" -s "$name" -o "$results/ref.mpy" "$src"; exit $?) >"$results/ref-err.txt" 2>&1; then
            # The reference rejected the file (e.g. a ViperTypeError): mpyc must reject it with the
            # same message.  Reference assertion failures (aborts) are not compared.
            if grep -q "Assertion .* failed" "$results/ref-err.txt"; then
                ref_crashes=$((ref_crashes + 1))
            elif ("$mpyc" -march="$arch" "${emit_flags[@]}" -s "$name" -o "$results/our.mpy" "$src"; exit $?) >"$results/err.txt" 2>&1; then
                accepted_only_by_mpyc=$((accepted_only_by_mpyc + 1))
                echo "$name: mpyc accepted; the reference said: $(tail -n 1 "$results/ref-err.txt")" >> "$results/differ.txt"
            elif [ "$(tail -n 1 "$results/ref-err.txt")" = "$(tail -n 1 "$results/err.txt")" ]; then
                both_reject=$((both_reject + 1))
            else
                reject_differ=$((reject_differ + 1))
                echo "$name: reference: $(tail -n 1 "$results/ref-err.txt") / mpyc: $(tail -n 1 "$results/err.txt")" >> "$results/differ.txt"
            fi
            continue
        fi
        if ! ("$mpyc" -march="$arch" "${emit_flags[@]}" -s "$name" -o "$results/our.mpy" "$src"; exit $?) >"$results/err.txt" 2>&1; then
            mpyc_rejects=$((mpyc_rejects + 1))
            echo "$name: mpyc failed: $(tail -n 1 "$results/err.txt")" >> "$results/differ.txt"
            continue
        fi
        if cmp -s "$results/ref.mpy" "$results/our.mpy"; then
            same=$((same + 1))
        else
            differ=$((differ + 1))
            echo "$name: $(cmp "$results/ref.mpy" "$results/our.mpy" 2>&1 | head -n 1 | sed 's/.*differ: //')" \
                >> "$results/differ.txt"
        fi
    done
done
if [ -s "$results/differ.txt" ]; then
    sed 's/^/  /' "$results/differ.txt"
    overall=1
fi
echo "compiled by the reference: identical $same, different $differ, rejected by mpyc $mpyc_rejects"
echo "rejected by the reference: same error from mpyc $both_reject, different error $reject_differ, accepted by mpyc $accepted_only_by_mpyc"
echo "reference assertion failures (not compared): $ref_crashes"
done
exit "$overall"
