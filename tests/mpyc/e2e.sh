#!/usr/bin/env bash
# End-to-end checks of the mpyc program's behaviour as a command (exit codes, where output goes,
# no output left behind on error, stdin, -o, tree mode's incremental rebuilds, depfile, --json).
# Usage: e2e.sh <path to mpyc> <case>.  Byte-exactness of the .mpy itself is tested by tests/golden.
set -uo pipefail
MPYC=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
CASE=$2
[ -x "$MPYC" ] || { echo "FAIL: $1 is not an executable" >&2; exit 1; }
REPO=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mpyc-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

fail() { echo "FAIL ($CASE): $*" >&2; exit 1; }
# run: runs mpyc with the given arguments, capturing stdout/stderr/status in OUT/ERR/RC.
run() { "$MPYC" "$@" >out.bin 2>err.txt; RC=$?; ERR=$(cat err.txt); }
expect_rc() { [ "$RC" = "$1" ] || fail "exit status $RC, expected $1 (stderr: $ERR)"; }
expect_err() { [ "$ERR" = "$1" ] || fail "stderr was [$ERR], expected [$1]"; }
expect_err_has() { grep -qF -- "$1" err.txt || fail "stderr lacks [$1]: [$ERR]"; }
is_mpy() { [ "$(head -c 2 "$1" | od -An -tx1 | tr -d ' ')" = "4d06" ] || fail "$1 is not a .mpy v6 file"; }
mtime() { stat -c %Y.%y "$1"; }

printf 'x = 1\n' > ok.py
printf 'def f(:\n    pass\n' > bad.py

case "$CASE" in
version)
    run --version; expect_rc 0
    grep -qE '^mpyc v[0-9]+\.[0-9]+\.[0-9]+ .*; mpyc emitting mpy v6\.3$' out.bin || fail "version line: $(cat out.bin)"
    ;;
usage)
    # Unknown options, a missing option value and --help all print the usage on stdout, status 1.
    for args in "-Z ok.py" "-o" "--help" "-X emit=foo ok.py" "-march=z80 ok.py" "-msmall-int-bits=3x ok.py"; do
        run $args; expect_rc 1
        head -1 out.bin | grep -qF "usage: $MPYC [<opts>] [-X <implopt>] [--] <input filename>" || fail "no usage for $args"
        [ -z "$ERR" ] || fail "stderr not empty for $args"
    done
    ;;
arg_errors)
    run; expect_rc 1; expect_err "no input file"
    run -X emit=native ok.py; expect_rc 1; expect_err "arch not specified"
    run -march=x64 -march-flags=zba ok.py; expect_rc 1; expect_err "unrecognised arch flags"
    run -j0 ok.py; expect_rc 1; expect_err_has "-j needs a positive number"
    run a.py b.py -o x.mpy; expect_rc 1; expect_err_has "--out-dir"
    [ ! -e ok.mpy ] || fail "an argument error compiled something"
    ;;
missing_file)
    run nofile.py; expect_rc 1; expect_err 'OSError: (2, "can'"'"'t open nofile.py")'
    mkdir adir; run adir; expect_rc 1; expect_err 'OSError: 21'
    run -o no/such/dir/x.mpy ok.py; expect_rc 1; expect_err 'OSError: (2, "can'"'"'t open no/such/dir/x.mpy")'
    ;;
compile_error)
    run --diagnostics=traceback bad.py; expect_rc 1
    expect_err "$(printf 'Traceback (most recent call last):\n  File "bad.py", line 1\nSyntaxError: invalid syntax')"
    [ ! -e bad.mpy ] || fail "bad.mpy written despite the error"
    [ -z "$(ls -A | grep -v -e '^ok.py$' -e '^bad.py$' -e '^out.bin$' -e '^err.txt$')" ] || fail "stray files: $(ls -A)"
    [ ! -s out.bin ] || fail "stdout not empty"
    # An existing output stays as it was.
    echo previous > keep.mpy
    run -o keep.mpy bad.py; expect_rc 1
    [ "$(cat keep.mpy)" = previous ] || fail "existing output was changed"
    ;;
rich_error)
    run --diagnostics=rich bad.py; expect_rc 1
    expect_err_has 'File "bad.py", line 1'
    expect_err_has 'bad.py:1:'
    expect_err_has 'def f(:'
    grep -qE '^ +\^$' err.txt || fail "no caret line: $ERR"
    ;;
compile_ok)
    run ok.py; expect_rc 0; expect_err ""
    is_mpy ok.mpy
    grep -qF ok.py ok.mpy || fail "source name not stored"
    run -s shown/name.py -o other.mpy ok.py; expect_rc 0
    is_mpy other.mpy
    grep -qF shown/name.py other.mpy || fail "-s name not stored"
    cp ok.py noext; run noext; expect_rc 0; is_mpy noempy  # mpy-cross's "cut two characters" naming
    ;;
stdin)
    "$MPYC" - < ok.py > stdout.mpy 2>err.txt || fail "stdin compile failed: $(cat err.txt)"
    is_mpy stdout.mpy
    grep -qF '<stdin>' stdout.mpy || fail "<stdin> not the stored name"
    "$MPYC" -o named.mpy - < ok.py > out.bin 2>err.txt || fail "stdin -o failed"
    is_mpy named.mpy; [ ! -s out.bin ] || fail "stdout not empty with -o"
    "$MPYC" -o - ok.py > piped.mpy 2>err.txt || fail "-o - failed"
    is_mpy piped.mpy
    [ ! -e ok.mpy ] || fail "-o - also wrote ok.mpy"
    "$MPYC" - < bad.py > out.bin 2>err.txt; RC=$?; ERR=$(cat err.txt); expect_rc 1
    expect_err_has 'File "<stdin>", line 1'
    ;;
many_files)
    printf 'y = 2\n' > two.py
    run -j2 ok.py two.py bad.py; expect_rc 1
    is_mpy ok.mpy; is_mpy two.mpy; [ ! -e bad.mpy ] || fail "bad.mpy written"
    expect_err_has 'File "bad.py", line 1'
    ;;
tree_incremental)
    mkdir -p src/pkg
    printf 'a = 1\n' > src/main.py; printf 'b = 1\n' > src/pkg/util.py; printf 'c = 1\n' > src/pkg/__init__.py
    run -v -j2 --tree src --out-dir out; expect_rc 0
    is_mpy out/main.mpy; is_mpy out/pkg/util.mpy; is_mpy out/pkg/__init__.mpy
    grep -qF pkg/util.py out/pkg/util.mpy || fail "tree source name is not the relative path"
    expect_err_has "3 compiled, 0 up to date, 0 failed"
    before=$(mtime out/pkg/util.mpy)
    sleep 0.05
    run -v --tree src --out-dir out; expect_rc 0
    expect_err_has "0 compiled, 3 up to date, 0 failed"
    [ "$(mtime out/pkg/util.mpy)" = "$before" ] || fail "an up-to-date output was rewritten"
    printf 'b = 2\n' > src/pkg/util.py; touch -d '+2 seconds' src/pkg/util.py
    run -v --tree src --out-dir out; expect_rc 0
    expect_err_has "1 compiled, 2 up to date, 0 failed"
    expect_err_has "compiled src/pkg/util.py -> out/pkg/util.mpy"
    touch -d '+4 seconds' src/main.py    # same content: nothing to compile, output made newer
    run -v --tree src --out-dir out; expect_rc 0
    expect_err_has "0 compiled, 3 up to date, 0 failed"
    [ ! src/main.py -nt out/main.mpy ] || fail "output not refreshed: older than its (future-dated) source"
    run -v -O1 --tree src --out-dir out; expect_rc 0
    expect_err_has "3 compiled, 0 up to date, 0 failed"
    run -v -O1 -B --tree src --out-dir out; expect_rc 0
    expect_err_has "3 compiled, 0 up to date, 0 failed"
    printf 'def f(:\n' > src/pkg/broken.py
    run -v -O1 --tree src --out-dir out; expect_rc 1
    expect_err_has 'File "src/pkg/broken.py", line 1'
    expect_err_has "0 compiled, 3 up to date, 1 failed"
    [ ! -e out/pkg/broken.mpy ] || fail "broken.mpy written"
    ;;
depfile)
    mkdir -p src/sub; printf 'a = 1\n' > src/a.py; printf 'b = 1\n' > src/sub/b.py
    run -r src --out-dir out --depfile out.d; expect_rc 0
    [ "$(cat out.d)" = "$(printf 'out/a.mpy: src/a.py\nout/sub/b.mpy: src/sub/b.py')" ] || fail "depfile: $(cat out.d)"
    run -r src --out-dir out --depfile one.d --depfile-target out/.built; expect_rc 0
    [ "$(cat one.d)" = "$(printf 'out/.built: \\\n  src/a.py \\\n  src/sub/b.py \\\n  src \\\n  src/sub')" ] || fail "single-target depfile: $(cat one.d)"
    run bad.py --depfile bad.d; expect_rc 1
    [ ! -e bad.d ] || fail "depfile written for a failed build"
    ;;
json)
    run --json ok.py bad.py; expect_rc 1
    [ -z "$ERR" ] || fail "stderr not empty with --json: $ERR"
    python3 - out.bin <<'PY' || fail "json report: $(cat out.bin)"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["tool"] == "mpyc"
assert [f["status"] for f in doc["files"]] == ["compiled", "failed"], doc["files"]
d = doc["diagnostics"][0]
assert (d["kind"], d["message"], d["file"], d["line"]) == ("SyntaxError", "invalid syntax", "bad.py", 1), d
assert doc["summary"] == {"compiled": 1, "up_to_date": 0, "failed": 1}, doc["summary"]
PY
    ;;
parallel_determinism)
    # Threads must not change a single byte: the corpus compiled with -j1 and -j4 is identical,
    # file for file, and so is each file compiled alone (mpy-cross style) into the same name.
    [ -d "$REPO/tests/corpus" ] || { echo "skipped: no tests/corpus"; exit 0; }
    mkdir tree; cp "$REPO"/tests/corpus/*.py tree/
    "$MPYC" -j1 --tree tree --out-dir out1 > /dev/null 2> err1.txt; rc1=$?
    "$MPYC" -j4 --tree tree --out-dir out4 > /dev/null 2> err4.txt; rc4=$?
    [ "$rc1" = "$rc4" ] || fail "-j1 exit $rc1, -j4 exit $rc4"
    [ "$rc1" -le 1 ] || fail "exit status $rc1"
    cmp -s err1.txt err4.txt || fail "messages differ between -j1 and -j4: $(diff err1.txt err4.txt | head -5)"
    diff -r -x .mpyc-stamp out1 out4 > /dev/null || fail "outputs differ between -j1 and -j4"
    n=$(find out4 -name '*.mpy' | wc -l); [ "$n" -gt 0 ] || fail "nothing compiled"
    for f in out4/*.mpy; do
        name=$(basename "$f" .mpy)
        (cd tree && "$MPYC" -o "../single.mpy" "$name.py") || fail "$name.py compiles in the tree but not alone"
        cmp -s single.mpy "$f" || fail "$name.py: tree output differs from a single compile"
    done
    ;;
future_source)
    # A source dated in the future (clock skew, an unpacked archive): its output must never be
    # older than it, or make/ninja rebuild it on every run -- whether the output is new, recompiled
    # to the same bytes (kept, same inode), or found up to date in tree mode.
    printf 'x = 1\n' > f.py; touch -d '+1 hour' f.py
    run -o f.mpy f.py; expect_rc 0; is_mpy f.mpy
    [ ! f.py -nt f.mpy ] || fail "new output older than its future-dated source"
    inode=$(stat -c %i f.mpy); touch -d '-1 hour' f.mpy
    run -o f.mpy f.py; expect_rc 0
    [ "$(stat -c %i f.mpy)" = "$inode" ] || fail "identical output was replaced, not kept"
    [ ! f.py -nt f.mpy ] || fail "recompiled identical output dated before its future-dated source"
    mkdir src; printf 'a = 1\n' > src/a.py; touch -d '+1 hour' src/a.py
    run --tree src --out-dir out; expect_rc 0
    [ ! src/a.py -nt out/a.mpy ] || fail "tree: new output older than its source"
    touch -d '-1 hour' out/a.mpy
    run -B --tree src --out-dir out; expect_rc 0
    [ ! src/a.py -nt out/a.mpy ] || fail "tree -B: identical output dated before its source"
    touch -d '-1 hour' out/a.mpy; touch -d '+2 hours' src/a.py
    run -v --tree src --out-dir out; expect_rc 0; expect_err_has "0 compiled, 1 up to date"
    [ ! src/a.py -nt out/a.mpy ] || fail "tree: up-to-date output dated before its source"
    # An ordinary source: the output is dated now, not copied from the source.
    printf 'y = 1\n' > old.py; touch -d '-3 hours' old.py
    run -o old.mpy old.py; expect_rc 0
    [ old.mpy -nt old.py ] && [ "$(( $(date +%s) - $(stat -c %Y old.mpy) ))" -lt 600 ] || fail "ordinary output not dated now"
    ;;
deep_inputs)
    # Long chains and deep nesting need a deep stack (the code generator recurses per term): mpyc
    # must compile them or report an error, never die of a signal -- as one process (the main
    # thread's stack grows) and in tree mode with -j2 (worker threads with large stacks).
    python3 - <<'PY' || fail "cannot generate inputs"
n = 60000  # mpy-cross itself compiles `+` chains up to about 65,000 terms
files = {
    "add": "x = " + "+".join(["a"] * n),
    "attr": "x = a" + ".b" * n,
    "sub": "x = a" + "[0]" * n,
    "call": "x = f" + "()" * n,
    "paren": "x = " + "(" * 9990 + "1" + ")" * 9990,
    "lists": "x = " + "[" * 9990 + "]" * 9990,
    "lambda": "x = " + "lambda: " * 9990 + "c",
    "neg": "x = " + "-" * 9990 + "a",
    "too_deep": "x = " + "(" * 20000 + "1" + ")" * 20000,
    "too_long": "x = " + "+".join(["a"] * 150000),
}
import os
os.mkdir("deep")
for name, text in files.items():
    open(f"deep/{name}.py", "w").write(text + "\n")
PY
    for f in deep/*.py; do
        "$MPYC" -o deep.mpy "$f" > out.bin 2> err.txt; RC=$?
        [ "$RC" -le 1 ] || fail "$f: exit status $RC (killed by a signal?) $(head -c 300 err.txt)"
        if [ "$RC" = 0 ]; then is_mpy deep.mpy; else grep -qE '^[A-Za-z]+Error' err.txt || fail "$f: status 1 without an error message"; fi
    done
    "$MPYC" -o deep.mpy deep/too_deep.py 2> err.txt && fail "nesting beyond the limit accepted"
    grep -qF "MemoryError" err.txt || fail "too_deep: $(head -c 200 err.txt)"
    "$MPYC" -o deep.mpy deep/too_long.py 2> err.txt && fail "a 150,000-term chain accepted"
    grep -qF "MemoryError" err.txt || fail "too_long: $(head -c 200 err.txt)"
    "$MPYC" -j2 --tree deep --out-dir out > /dev/null 2> err.txt; RC=$?
    [ "$RC" = 1 ] || fail "tree mode: exit status $RC (only too_deep.py and too_long.py should fail) $(head -c 300 err.txt)"
    [ "$(find out -name '*.mpy' | wc -l)" = 8 ] || fail "tree mode: $(find out -name '*.mpy' | wc -l) outputs, expected 8"
    ;;
*)
    fail "unknown case"
    ;;
esac
echo "ok ($CASE)"
