#!/usr/bin/env bash
# Differential test of the native emitter: compiles generated functions with the reference
# mpy-cross (1.27 or 1.28) and with mpyc (--compat= to match), -march=$ARCH (default x64), and compares the results: the .mpy bytes when both
# compile, the printed error when both reject.  Builds nothing:
#
#   tests/native/differential/run_differential.sh MPY_CROSS MPYC [FIRST_SEED [COUNT]]
#
# GEN=viper (default: gen_viper.py, viper functions) or GEN=native (gen_native.py, native
# functions with nested try/with/loops/generators), GEN=asm_thumb (gen_asm_thumb.py, inline
# assembler functions, with ARCH a Thumb architecture), GEN=asm_rv32 (gen_asm_rv32.py, with
# ARCH=rv32imc); ARCH=armv6m (armv7m, ...) for another target;
# FLAGS="-march-flags=zba" (any options) given to both compilers.
# Prints one line per mismatch (the sources and both outputs are kept in $KEEP, default
# /tmp/mpytools-native-differential) and a summary; exit 1 if anything differs.
# Seeds on which the reference itself aborts (an assertion) are skipped.
set -uo pipefail
if [ $# -lt 2 ] || [ $# -gt 4 ]; then
    echo "usage: $0 MPY_CROSS MPYC [FIRST_SEED [COUNT]]" >&2
    exit 2
fi
abs() { (cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")"); }
ref=$(abs "$1") mpyc=$(abs "$2") first=${3:-1} count=${4:-200}
# mpyc reproduces the release the reference is (1.27 or 1.28).
case "$("$ref" --version)" in
    *"v1.27."*) compat=1.27 ;;
    *"v1.28."*) compat=1.28 ;;
    *) echo "error: $ref is neither mpy-cross 1.27 nor 1.28" >&2; exit 2 ;;
esac
gen="$(cd "$(dirname "$0")" && pwd)/gen_${GEN:-viper}.py"
[ -f "$gen" ] || { echo "error: no generator $gen" >&2; exit 2; }
keep=${KEEP:-/tmp/mpytools-native-differential}
rm -rf "$keep" && mkdir -p "$keep"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
same=0 bytes=0 accept=0 errors=0 crashes=0
cd "$work"
for ((seed = first; seed < first + count; seed++)); do
    src="g$seed.py"
    ARCH="${ARCH:-x64}" python3 "$gen" "$seed" > "$src"
    # shellcheck disable=SC2086  # FLAGS is a word list on purpose
    ("$ref" -march="${ARCH:-x64}" ${FLAGS:-} -o ref.mpy "$src"; exit $?) > ref.err 2>&1
    rs=$?
    # shellcheck disable=SC2086
    ("$mpyc" --compat=$compat -march="${ARCH:-x64}" ${FLAGS:-} -o our.mpy "$src"; exit $?) > our.err 2>&1
    ms=$?
    verdict=""
    if [ $rs -gt 1 ]; then
        crashes=$((crashes + 1))
    elif [ $rs -eq 0 ] && [ $ms -eq 0 ]; then
        if cmp -s ref.mpy our.mpy; then same=$((same + 1)); else bytes=$((bytes + 1)); verdict="bytes differ"; fi
    elif [ $rs -ne 0 ] && [ $ms -ne 0 ]; then
        if cmp -s ref.err our.err; then same=$((same + 1)); else errors=$((errors + 1)); verdict="errors differ"; fi
    else
        accept=$((accept + 1)); verdict="reference exit $rs, mpyc exit $ms"
    fi
    if [ -n "$verdict" ]; then
        echo "seed $seed: $verdict"
        cp "$src" "$keep/" && cp ref.err "$keep/g$seed.ref.err" && cp our.err "$keep/g$seed.mpyc.err"
        [ -f ref.mpy ] && cp ref.mpy "$keep/g$seed.ref.mpy"
        [ -f our.mpy ] && cp our.mpy "$keep/g$seed.mpyc.mpy"
    fi
    rm -f ref.mpy our.mpy
done
echo "identical: $same   bytes differ: $bytes   errors differ: $errors   accept/reject mismatch: $accept   reference aborted (skipped): $crashes"
[ $((bytes + errors + accept)) -eq 0 ]
