#!/usr/bin/env bash
# One -march=debug golden test: the .mpy must be the reference's (tests/golden/check_golden.sh)
# and so must the text trace it prints on stdout (GOLDEN with .mpy replaced by .txt).
#
#   check_debug.sh MPYC MPYTOOL|- SOURCE STORED_NAME GOLDEN OUT [FLAGS...]
set -u
if [ $# -lt 6 ]; then
    echo "usage: $0 MPYC MPYTOOL|- SOURCE STORED_NAME GOLDEN OUT [FLAGS...]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
bash "$here/../golden/check_golden.sh" "$@" || exit 1
mpyc=$1 src=$3 stored=$4 golden=$5 out=$6
shift 6
golden_text=${golden%.mpy}.txt
if [ ! -f "$golden_text" ]; then
    echo "FAIL: golden trace $golden_text is missing (run tests/native/regenerate.sh)"
    exit 1
fi
"$mpyc" "$@" -s "$stored" -o "$out" "$src" >"$out.txt" 2>/dev/null
if ! cmp -s "$out.txt" "$golden_text"; then
    echo "FAIL: the trace differs from $(basename "$golden_text"):"
    diff "$golden_text" "$out.txt" | head -n 20
    exit 1
fi
echo "PASS: the trace matches $(basename "$golden_text") ($(wc -l <"$golden_text") lines)"
