#!/usr/bin/env bash
# One golden test: compile a corpus program with mpyc and require the bytes of the reference
# mpy-cross 1.27.0 output stored in tests/golden.
#
#   check_golden.sh MPYC MPYTOOL|- SOURCE STORED_NAME GOLDEN OUT [FLAGS...]
#
# STORED_NAME is passed as -s (the source name stored in the .mpy, as regenerate.sh did).
# On a mismatch it prints the first differing offset with the bytes around it from both files,
# and `mpytool diff` output when MPYTOOL is given and has a working diff command.
set -u
if [ $# -lt 6 ]; then
    echo "usage: $0 MPYC MPYTOOL|- SOURCE STORED_NAME GOLDEN OUT [FLAGS...]" >&2
    exit 2
fi
mpyc=$1 mpytool=$2 src=$3 stored=$4 golden=$5 out=$6
shift 6
flags=("$@")

if [ ! -f "$golden" ]; then
    echo "FAIL: golden file $golden is missing (run tests/golden/regenerate.sh /path/to/mpy-cross)"
    exit 1
fi
mkdir -p "$(dirname "$out")"
rm -f "$out"
cmd=("$mpyc" "${flags[@]}" -s "$stored" -o "$out" "$src")
errfile="$out.stderr"
"${cmd[@]}" >"$errfile" 2>&1
status=$?
if [ $status -ne 0 ]; then
    echo "FAIL: mpyc exited with status $status: ${cmd[*]}"
    head -n 20 "$errfile" | sed 's/^/  mpyc: /'
    exit 1
fi
if [ ! -f "$out" ]; then
    echo "FAIL: mpyc exited 0 but wrote no output file: ${cmd[*]}"
    exit 1
fi
if cmp -s "$out" "$golden"; then
    echo "PASS: ${cmd[*]} matches $(basename "$golden") ($(stat -c %s "$golden") bytes)"
    exit 0
fi

gsize=$(stat -c %s "$golden")
osize=$(stat -c %s "$out")
echo "FAIL: mpyc output differs from the reference output"
echo "  command: ${cmd[*]}"
echo "  sizes:   mpyc $osize bytes, reference $gsize bytes"
# cmp prints "... differ: byte N, line M" (1-based) or "EOF on X after byte N" when one is a prefix.
first=$(cmp "$out" "$golden" 2>&1 | head -n 1)
echo "  cmp:     $first"
offset=$(printf '%s\n' "$first" | sed -n 's/.*differ: byte \([0-9]*\).*/\1/p; s/.*EOF on .* after byte \([0-9]*\).*/\1/p' | head -n 1)
if [ -n "$offset" ]; then
    zero=$((offset > 0 ? offset - 1 : 0))
    start=$((zero >= 16 ? zero - 16 : 0))
    printf '  first difference at offset %d (0x%x); 48 bytes from offset 0x%x:\n' "$zero" "$zero" "$start"
    echo "  reference:"
    od -A x -t x1 -j "$start" -N 48 "$golden" | sed 's/^/    /'
    echo "  mpyc:"
    od -A x -t x1 -j "$start" -N 48 "$out" | sed 's/^/    /'
fi
if [ "$mpytool" != "-" ] && [ -x "$mpytool" ]; then
    if diffout=$("$mpytool" diff "$golden" "$out" 2>&1) || [ -n "$diffout" ]; then
        echo "  mpytool diff <reference> <mpyc>:"
        printf '%s\n' "$diffout" | head -n 60 | sed 's/^/    /'
    fi
fi
exit 1
