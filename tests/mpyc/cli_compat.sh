#!/usr/bin/env bash
# Runs mpyc and a reference mpy-cross (1.27 or 1.28) side by side on the same command lines and checks that
# they behave alike: exit status, stdout, stderr and the files each leaves behind (names and bytes).
# Only the documented differences are allowed: mpyc's usage text goes on after mpy-cross's, and
# --version names mpyc; against 1.27, mpyc's usage text is still 1.28's.  Usage: cli_compat.sh <mpyc> <mpy-cross>
set -uo pipefail
abs() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
MPYC=$(abs "$1")
REF=$(abs "$2")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mpyc-cli.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failures=0

setup() {  # a fresh directory with the same inputs for each tool
    rm -rf "$1"; mkdir -p "$1/adir" "$1/sub" && cd "$1" || exit 1
    printf 'x = 1\n' > ok.py
    cp ok.py sub/ok.py; cp ok.py foo; cp ok.py a.txt; cp ok.py x
    printf 'def f(:\n    pass\n' > bad.py
    printf 'x = 1\n  y = 2\n' > ind.py
    printf 'return 1\n' > ret.py
    printf 'def f():\n    nonlocal x\n' > nl.py
    printf 'print("can\x27t")\n' > "q'\"uote.py"
}

# check ARGS [STDIN-FILE]: one command line, both tools (each run as "./tool" so the usage texts match).
check() {
    local args=$1 stdin=${2:-/dev/null} tool
    for tool in ref mpyc; do
        setup "$WORK/$tool"
        cp "$([ $tool = ref ] && echo "$REF" || echo "$MPYC")" ./tool
        # shellcheck disable=SC2086
        eval "./tool $args" < "$stdin" > ../$tool.out 2> ../$tool.err
        echo $? > ../$tool.rc
        rm ./tool
        find . -type f | sort | while read -r f; do echo "$f $(md5sum < "$f")"; done > ../$tool.files
        cd "$WORK"
    done
    local what=""
    cmp -s ref.rc mpyc.rc || what+=" exit($(cat ref.rc) vs $(cat mpyc.rc))"
    if head -1 ref.out | grep -q '^usage:'; then
        # mpyc's usage text is mpy-cross 1.28's; 1.27's words its -march-flags lines differently.
        sed -i -e 's/a dec\/hex\/bin value or a string)$/a dec\/hex\/bin value or a comma-separated flags string)/' \
            -e 's/supported flags for rv32imc: zba$/supported flags for rv32imc: zba, zcmp/' ref.out
        head -c "$(wc -c < ref.out)" mpyc.out | cmp -s - ref.out || what+=" usage-text"
    else
        cmp -s ref.out mpyc.out || what+=" stdout"
    fi
    cmp -s ref.err mpyc.err || what+=" stderr"
    cmp -s ref.files mpyc.files || what+=" files"
    if [ -n "$what" ]; then
        failures=$((failures + 1))
        echo "DIFFERENT [$args]:$what"
        diff ref.err mpyc.err | head -6
        diff ref.files mpyc.files | head -6
    else
        echo "same      [$args]"
    fi
}

printf 'x = 1\n' > "$WORK/stdin_ok.py"
printf 'def f(:\n' > "$WORK/stdin_bad.py"

check ""
check "-Z ok.py"
check "--help"
check "-o"
check "-s"
check "ok.py -X"
check "-X emit=foo ok.py"
check "-X emit=native ok.py"
check "-X heapsize=100k ok.py"
check "-msmall-int-bits=3x ok.py"
check "-msmall-int-bits=16 ok.py"
check "-msmall-int-bits=0x10 -o - ok.py"
check "-march=z80 ok.py"
check "-march=x64 ok.py"
check "-march=host -o - ok.py"
check "-march-flags=zba ok.py"
check "-march-flags=zba -march=x64 ok.py"
check "-march-flags=0x10 -march=rv32imc ok.py"
check "-march-flags=012 -march=rv32imc ok.py"
check "-march-flags=zba -march=rv32imc ok.py"
check "-march-flags=0b1 -march=rv32imc -o - ok.py"
check "nofile.py"
check "adir"
check "ok.py"
check "./sub/ok.py"
check "'sub\\ok.py'"
check "foo"
check "a.txt"
check "x"
check "-v ok.py"
check "-v -v -O3 ok.py"
check "-O -o - ok.py"
check "-OO -o - ok.py"
check "-Ox -o out.mpy ok.py"
check "-o - ok.py"
check "-s zz.py -o - ok.py"
check "-s 'a\\b\\c.py' -o - ok.py"
check "-o /nonexistent-dir/x.mpy ok.py"
check "-o adir ok.py"
check "bad.py"
check "ind.py"
check "ret.py"
check "nl.py"
check "-s zz.py ret.py"
check "-s zz.py bad.py"
check "-o out.mpy bad.py"
check "\"q'\\\"uote.py\""
check "\"missing'\\\"quote.py\""
check "-- -o"
check "--"
check "-" "$WORK/stdin_ok.py"
check "-o out.mpy -" "$WORK/stdin_ok.py"
check "-o - -- -" "$WORK/stdin_ok.py"
check "-" "$WORK/stdin_bad.py"
check "-s named.py -" "$WORK/stdin_ok.py"

echo "$failures difference(s)"
[ "$failures" = 0 ]
