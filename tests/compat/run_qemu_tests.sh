#!/usr/bin/env bash
# MicroPython's test suite on an emulated board of its ports/qemu, every test compiled to .mpy
# first (run-tests.py --via-mpy, by default with --emit native so that every function goes through
# the native emitter), once with the reference mpy-cross and once with MPYC; then the two result
# sets are compared.  Builds nothing; takes paths:
#
#   tests/compat/run_qemu_tests.sh MP_CHECKOUT BOARD FIRMWARE_ELF MPYC MPY_CROSS [extra run-tests.py args]
#
# MP_CHECKOUT is a MicroPython source tree (v1.27.0: its tests/run-tests.py is used as is),
# BOARD one of MICROBIT (Cortex-M0, armv6m), MPS2_AN385 (Cortex-M3, armv7m), MPS2_AN500
# (Cortex-M7, armv7emdp), VIRT_RV32 (rv32imc); FIRMWARE_ELF that board's firmware, built in the
# checkout (`make -C ports/qemu BOARD=...`, see tests/compat/README.md); MPYC ours, MPY_CROSS the
# reference of the same release as the firmware.  run-tests.py asks the board for its
# architecture and passes the matching -march to the compiler.
#
# Environment:
#   MPYC_FLAGS    flags put before the others on every MPYC call (e.g. --compat=1.27 for a 1.27
#                 firmware: native code must match the firmware's release)
#   QEMU_EMIT     --emit value (default native; "bytecode" runs the plain --via-mpy suite)
#   QEMU_TEST_DIRS  run-tests.py -d value (default: run-tests.py's own choice for the target)
#   PYTHON        the Python that runs run-tests.py (default python3; it needs pyserial:
#                 Debian's python3-serial)
#
# Exit status 0 when every test that passes with MPY_CROSS also passes with MPYC; 1 otherwise
# (the tests that differ are listed).  Each run's results stay in $QEMU_RESULTS (default
# /tmp/mpytools-qemu-results/<BOARD>/{reference,mpyc}).
set -euo pipefail
. "$(dirname "$0")/compile_shim.sh"
if [ $# -lt 5 ]; then
    echo "usage: $0 MP_CHECKOUT BOARD FIRMWARE_ELF MPYC MPY_CROSS [extra run-tests.py args]" >&2
    exit 2
fi
abs() { (cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")"); }
checkout=$(cd "$1" && pwd)
board=$2
firmware=$(abs "$3")
mpyc=$(abs "$4")
ref=$(abs "$5")
shift 5
[ -f "$firmware" ] || { echo "error: no firmware $firmware" >&2; exit 2; }
for f in "$mpyc" "$ref"; do
    [ -x "$f" ] || { echo "error: $f is not an executable" >&2; exit 2; }
done
[ -f "$checkout/tests/run-tests.py" ] || { echo "error: no tests/run-tests.py in $checkout" >&2; exit 2; }

# The emulated machine of each board, as ports/qemu/boards/<BOARD>/mpconfigboard.mk sets it up.
case "$board" in
    MICROBIT) qemu="qemu-system-arm -global nrf51-soc.flash-size=1048576 -global nrf51-soc.sram-size=262144 -machine microbit" ;;
    MPS2_AN385) qemu="qemu-system-arm -machine mps2-an385" ;;
    MPS2_AN500) qemu="qemu-system-arm -machine mps2-an500" ;;
    VIRT_RV32) qemu="qemu-system-riscv32 -bios none -machine virt" ;;
    *) echo "error: unknown board $board (MICROBIT, MPS2_AN385, MPS2_AN500, VIRT_RV32)" >&2; exit 2 ;;
esac
python=${PYTHON:-python3}
"$python" -c 'import serial' 2>/dev/null || { echo "error: $python has no pyserial (Debian: python3-serial; or set PYTHON)" >&2; exit 2; }
command -v "${qemu%% *}" >/dev/null || { echo "error: ${qemu%% *} not found (Debian: qemu-system-arm / qemu-system-misc)" >&2; exit 2; }
target="execpty:$qemu -nographic -monitor null -semihosting -serial pty -kernel $firmware"
emit=${QEMU_EMIT:-native}
keep=${QEMU_RESULTS:-/tmp/mpytools-qemu-results}/$board
rm -rf "$keep" && mkdir -p "$keep/reference" "$keep/mpyc"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# MPYC with MPYC_FLAGS in front, behind the shim that turns a rejected file into a failing test.
wrapped="$work/mpyc-flags.sh"
printf '#!/bin/sh\nexec "%s" %s "$@"\n' "$mpyc" "${MPYC_FLAGS:-}" > "$wrapped"
chmod +x "$wrapped"
write_compile_shim "$work/mpyc-shim.sh" "$wrapped" "$keep/mpyc/compile-failures.txt"
write_compile_shim "$work/ref-shim.sh" "$ref" "$keep/reference/compile-failures.txt"

run_suite() {  # run_suite NAME COMPILER
    local name=$1 compiler=$2 dirs=()
    shift 2
    [ -n "${QEMU_TEST_DIRS:-}" ] && dirs=(-d $QEMU_TEST_DIRS)
    echo "== $name: $(basename "$compiler")"
    (cd "$checkout/tests" && MICROPY_MPYCROSS="$compiler" \
        "$python" ./run-tests.py -t "$target" --via-mpy --emit "$emit" --result-dir "$keep/$name" \
        "${dirs[@]}" "$@" 2>&1) > "$keep/$name/log.txt" || true
    grep -E '^[0-9]+ tests (performed|passed|failed)' "$keep/$name/log.txt" | sed 's/tests failed:.*/tests failed/' || true
    if [ ! -f "$keep/$name/_results.json" ]; then
        echo "error: run-tests.py gave no results for the $name run; the end of its log:" >&2
        tail -n 15 "$keep/$name/log.txt" >&2
        exit 1
    fi
}
run_suite reference "$work/ref-shim.sh" "$@"
run_suite mpyc "$work/mpyc-shim.sh" "$@"

python3 - "$keep" <<'PY'
import json, sys
keep = sys.argv[1]
def results(name):
    with open(f"{keep}/{name}/_results.json") as f:
        return {test: result for test, result, _ in json.load(f)["results"]}
ref, ours = results("reference"), results("mpyc")
passed_ref = {t for t, r in ref.items() if r == "pass"}
passed_ours = {t for t, r in ours.items() if r == "pass"}
lost = sorted(passed_ref - passed_ours)
gained = sorted(passed_ours - passed_ref)
print(f"reference: {len(passed_ref)} passed of {sum(r != 'skip' for r in ref.values())} performed")
print(f"mpyc:      {len(passed_ours)} passed of {sum(r != 'skip' for r in ours.values())} performed")
if gained:
    print(f"pass with mpyc only ({len(gained)}): {' '.join(gained)}")
if lost:
    print(f"FAIL: {len(lost)} tests pass with the reference but not with mpyc: {' '.join(lost)}")
    sys.exit(1)
print("every test that passes with the reference passes with mpyc")
PY
