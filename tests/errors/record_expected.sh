#!/usr/bin/env bash
# Records what the REFERENCE compiler (MicroPython 1.27.0's mpy-cross, given by path; nothing is
# built) prints for every source in cases/: cases/<name>.expected holds its exact output.
# Every case must be rejected (non-zero exit, no output file), or this script fails.
# A case whose first line is "# flags: F..." is compiled with those flags (both here and in the test).
# A case with a line "# compat: V" is recorded only by a reference of version V (see check_error.sh).
#
#   tests/errors/record_expected.sh /path/to/mpy-cross
set -euo pipefail
if [ $# -ne 1 ]; then
    echo "usage: $0 /path/to/mpy-cross" >&2
    exit 2
fi
ref=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cases=$(cd "$(dirname "$0")/cases" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$cases"
n=0
for src in *.py; do
    name=${src%.py}
    read -r -a flags < <(sed -n '1s/^# flags: //p' "$src") || true
    compat=$(sed -n 's/^# compat: \([0-9.]*\).*/\1/p' "$src" | head -n 1)
    if [ -n "$compat" ] && ! "$ref" --version | grep -q "v$compat\."; then
        continue
    fi
    if "$ref" "${flags[@]}" -o "$tmp/$name.mpy" "$src" >"$tmp/out" 2>&1; then
        echo "error: the reference ACCEPTS $src; it does not belong in tests/errors" >&2
        exit 1
    fi
    if [ -e "$tmp/$name.mpy" ]; then
        echo "error: the reference rejected $src but wrote an output file" >&2
        exit 1
    fi
    cp "$tmp/out" "$name.expected"
    n=$((n + 1))
done
rm -f -- *.expected.tmp
for exp in *.expected; do
    [ -e "${exp%.expected}.py" ] || rm -f "$exp"
done
echo "recorded $n expected outputs with: $("$ref" --version)"
