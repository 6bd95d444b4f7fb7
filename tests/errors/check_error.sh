#!/usr/bin/env bash
# One error test: mpyc must reject cases/<NAME>.py like the reference mpy-cross 1.27.0 did
# (recorded in cases/<NAME>.expected): non-zero exit, no output file, and the same error class
# and line number.  With --exact, the whole printed message must match as well.
# A case whose first line is "# flags: F..." is compiled with those flags.  A case with a line
# "# compat: V" is an error only in MicroPython V's language: mpyc gets --compat=V for it, and a
# reference mpy-cross of another version is not asked (1.28 accepts what such a case shows).
#
#   check_error.sh MPYC CASES_DIR NAME OUT_DIR
set -u
if [ $# -ne 4 ]; then
    echo "usage: $0 MPYC CASES_DIR NAME OUT_DIR" >&2
    exit 2
fi
mpyc=$1 cases=$2 name=$3 outdir=$4
expected_file="$cases/$name.expected"
if [ ! -f "$expected_file" ]; then
    echo "FAIL: $expected_file is missing (run tests/errors/record_expected.sh /path/to/mpy-cross)"
    exit 1
fi
mkdir -p "$outdir"
out="$outdir/$name.mpy"
rm -f "$out"
read -r -a flags < <(sed -n '1s/^# flags: //p' "$cases/$name.py")
compat=$(sed -n 's/^# compat: \([0-9.]*\).*/\1/p' "$cases/$name.py" | head -n 1)
if [ -n "$compat" ]; then
    version=$("$mpyc" --version 2>&1)
    case "$version" in
        mpyc*) flags+=("--compat=$compat") ;;
        *"v$compat."*) ;;
        *) echo "not applicable: $name.py is an error in MicroPython $compat only ($version)"; exit 0 ;;
    esac
fi
actual=$(cd "$cases" && "$mpyc" "${flags[@]}" -o "$out" "$name.py" 2>&1)
status=$?
expected=$(cat "$expected_file")

# The error class: the "Kind: message" line of a traceback, or "file:line:col: Kind: message".
error_class() {
    printf '%s\n' "$1" | sed -n -E 's/^([A-Za-z_][A-Za-z0-9_]*(Error|Exception|Warning)?):( .*)?$/\1/p; s/^[^ :]+:[0-9]+(:[0-9]+)?: ([A-Za-z_][A-Za-z0-9_]*):.*/\2/p' \
        | grep -v -x -E 'Traceback|File|note' | tail -n 1
}
# The line: 'File "x.py", line N' or "x.py:N:C:"; "none" when the message names no line.
error_line() {
    local l
    l=$(printf '%s\n' "$1" | sed -n -E 's/^ *File "[^"]*", line ([0-9]+).*/\1/p; s/^[^ :]+\.py:([0-9]+)(:[0-9]+)?: .*/\1/p' | head -n 1)
    echo "${l:-none}"
}
exp_class=$(error_class "$expected") exp_line=$(error_line "$expected")
act_class=$(error_class "$actual") act_line=$(error_line "$actual")

problems=()
if [ "$status" -eq 0 ]; then
    problems+=("mpyc exited 0 (it must reject this source)")
elif [ "$status" -gt 128 ]; then
    problems+=("mpyc died of signal $((status - 128)) (a crash, not a rejection)")
elif [ "$status" -ne 1 ]; then
    problems+=("mpyc exited $status (a rejected source exits 1)")
fi
[ ! -e "$out" ] || problems+=("mpyc wrote an output file $out")
[ ! -e "$cases/$name.mpy" ] || problems+=("an output file appeared next to the source: $cases/$name.mpy")
[ "$exp_class" = "$act_class" ] || problems+=("error class: expected '$exp_class', got '$act_class'")
[ "$exp_line" = "$act_line" ] || problems+=("error line: expected $exp_line, got $act_line")
[ "$expected" = "$actual" ] || problems+=("message text differs from the reference")
if [ ${#problems[@]} -eq 0 ]; then
    echo "PASS: $name.py rejected with $act_class at line $act_line (exit $status)"
    exit 0
fi
echo "FAIL: $name.py"
for p in "${problems[@]}"; do echo "  - $p"; done
echo "  reference mpy-cross 1.27.0 printed:"
printf '%s\n' "$expected" | sed 's/^/    | /'
echo "  mpyc printed (exit $status):"
printf '%s\n' "$actual" | head -n 20 | sed 's/^/    | /'
rm -f "$cases/$name.mpy"
exit 1
