#!/usr/bin/env bash
# `mpr flash`'s file formats against MicroPython's own tools, run from a checkout given by path
# (nothing of MicroPython's is built or copied):
#
#   tests/compat/flash_formats.sh MICROPYTHON_CHECKOUT
#
# 1. The unit tests MicroPythonTools.* (tests/unit/flash/micropython_tools_test.cc) with
#    $MPYTOOLS_MICROPYTHON_TREE set: .dfu files made by tools/dfu.py (a 512 KB image; two
#    elements for another vendor:product) and .uf2 files made by tools/uf2conv.py (RP2040, SAMD51,
#    no family) are read as they were meant, mpr's writers make the same bytes from the same input,
#    and the DfuSe device model takes the 512 KB dfu.py file, verified by read-back.
# 2. mpr itself: a uf2conv.py file for RP2040 flashed onto a folder laid out as an RP2040's UF2
#    drive is copied byte for byte; one for SAMD21 is refused with status 1 and nothing copied.
#
# unit_tests and mpr come from $BUILD_DIR (default: build/ of this checkout); python3 runs the tools.
# Exit status: 0 when every check passed, 1 otherwise.
set -uo pipefail
if [ $# -ne 1 ]; then
    echo "usage: $0 MICROPYTHON_CHECKOUT" >&2
    exit 2
fi
tree=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${BUILD_DIR:-$repo/build}
python=${PYTHON:-/usr/bin/python3}
for f in "$tree/tools/dfu.py" "$tree/tools/uf2conv.py" "$build/tests/unit_tests" "$build/remote/mpr"; do
    [ -e "$f" ] || { echo "missing: $f" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() {  # check NAME COMMAND...
    if "${@:2}"; then passed=$((passed + 1)); echo "  ok    $1"; else failed=$((failed + 1)); echo "  FAIL  $1"; fi
}

out=$(MPYTOOLS_MICROPYTHON_TREE=$tree "$build/tests/unit_tests" --gtest_filter='MicroPythonTools.*' 2>&1)
echo "$out" | grep -E '^\[ +(OK|FAILED|SKIPPED) +\] MicroPythonTools' | sed 's/^/    /'
check "dfu.py/uf2conv.py files read, written alike, 512 KB flashed into the model (3 unit tests)" \
    bash -c '[[ "$1" == *"[  PASSED  ] 3 tests."* && "$1" != *SKIPPED* ]]' _ "$out"

head -c $((512 * 1024)) /dev/urandom >"$work/fw.bin"
"$python" "$tree/tools/uf2conv.py" -c -b 0x10000000 -f RP2040 -o "$work/rp2.uf2" "$work/fw.bin" >/dev/null
"$python" "$tree/tools/uf2conv.py" -c -b 0x2000 -f SAMD21 -o "$work/samd.uf2" "$work/fw.bin" >/dev/null
mkdir -p "$work/drive"
printf 'UF2 Bootloader v3.0\r\nModel: Raspberry Pi RP2\r\nBoard-ID: RPI-RP2\r\n' >"$work/drive/INFO_UF2.TXT"
check "mpr flash rp2.uf2 (uf2conv.py, RP2040) --drive: exit 0" \
    "$build/remote/mpr" flash "$work/rp2.uf2" --drive "$work/drive"
check "the drive's rp2.uf2 is byte-equal to uf2conv.py's" cmp -s "$work/rp2.uf2" "$work/drive/rp2.uf2"
"$build/remote/mpr" flash "$work/samd.uf2" --drive "$work/drive" 2>"$work/err"
status=$?
check "mpr flash samd.uf2 (uf2conv.py, SAMD21) onto the RP2040 drive: exit 1" test "$status" = 1
check "  ... naming the families" grep -q 'is for UF2 family SAMD21 (0x68ed2b88).*takes RP2040' "$work/err"
check "  ... and copying nothing" test ! -e "$work/drive/samd.uf2"

echo "flash_formats: $passed passed, $failed failed"
[ "$failed" = 0 ]
