#!/usr/bin/env bash
# mpremote's own test suite (tools/mpremote/tests/test_*.sh of a MicroPython checkout) run with
# mpr, and with mpremote itself for comparison, on MicroPython's unix port behind a pty.
# Builds nothing; takes paths:
#
#   tests/compat/run_mpremote_tests.sh MICROPYTHON_CHECKOUT [MPR [TEST...]]
#
# MICROPYTHON_CHECKOUT is a MicroPython v1.27.0 source tree with its unix port built
# (ports/unix/build-standard/micropython).  MPR defaults to build/remote/mpr of this
# repository; board_pty is taken from the same build (tests/board_pty) or from $BOARD_PTY.
# TEST names some of the test_*.sh (default: all of them).
#
# Every test runs twice, each time on a fresh board (board_pty --restart around the unix port)
# whose `/` is a fresh scratch folder, never the host's root (test_filesystem.sh runs
# `rm -r :/`): once with $MPREMOTE a wrapper running `MPR connect PORT "$@"`, once with one
# running mpremote (`PYTHONPATH=<checkout>/tools/mpremote /usr/bin/python3 -m mpremote`, or
# $MPREMOTE_PYTHON).  Before the tests, the script checks that a board cannot see a host file
# outside its scratch folder.  Outputs are taken as run-mpremote-tests.sh takes them (stdout
# and stderr, CRs dropped, the test's temporary folder written ${TMP}); in mpr's output a line
# starting "mpr: " is compared as "mpremote: " (the program's name in its messages).
#
# A test passes with mpr when its output equals the .exp file (and the script succeeded), or
# equals mpremote's output on the same kind of board with the same exit status (mpremote
# itself fails some tests here: it cannot reconnect to a pty after `disconnect`).  Prints one
# line per test, the differences of the failures, and "N passed, M failed"; the outputs are
# kept in $COMPAT_KEEP_RESULTS (default /tmp/mpytools-mpremote-results).
# Exit status: 0 when every test passed with mpr, 1 otherwise, 2 when something is missing.
set -uo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
if [ $# -lt 1 ]; then
    echo "usage: $0 MICROPYTHON_CHECKOUT [MPR [TEST...]]" >&2
    exit 2
fi
abs() { (cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")"); }
checkout=$(cd "$1" && pwd) || exit 2
mpr=$(abs "${2:-$repo/build/remote/mpr}")
shift $(($# >= 2 ? 2 : 1))
board_pty=${BOARD_PTY:-$(dirname "$mpr")/../tests/board_pty}
unix_port=$checkout/ports/unix/build-standard/micropython
tests_dir=$checkout/tools/mpremote/tests
python=${MPREMOTE_PYTHON:-/usr/bin/python3}

[ -d "$tests_dir" ] || { echo "error: no tools/mpremote/tests in $checkout" >&2; exit 2; }
[ -x "$mpr" ] || { echo "error: $mpr is not an executable (build mpr first)" >&2; exit 2; }
[ -x "$board_pty" ] || { echo "error: no board_pty at $board_pty (build it, or set \$BOARD_PTY)" >&2; exit 2; }
if [ ! -x "$unix_port" ]; then
    cat >&2 <<EOF
error: MicroPython's unix port is not built: no $unix_port
Build it in the checkout (this project builds nothing of MicroPython), for example:
    make -C $checkout/mpy-cross
    make -C $checkout/ports/unix submodules
    make -C $checkout/ports/unix
(Without micropython-lib, which the submodules step fetches, add FROZEN_MANIFEST= to the last
line: the tests need no frozen modules.)
EOF
    exit 2
fi
have_mpremote=1
if ! PYTHONPATH=$checkout/tools/mpremote "$python" -c 'import mpremote, serial' 2>/dev/null; then
    echo "note: mpremote cannot run with $python (it needs pyserial): comparing with the .exp files only"
    have_mpremote=0
fi

if [ $# -gt 0 ]; then
    tests=()
    for name in "$@"; do tests+=("$tests_dir/$(basename "$name")"); done
else
    tests=("$tests_dir"/test_*.sh)
fi

work=$(mktemp -d /tmp/mpr-compat.XXXXXX)
board_pid=
stop_board() {
    if [ -n "$board_pid" ]; then
        kill "$board_pid" 2>/dev/null
        wait "$board_pid" 2>/dev/null
        board_pid=
    fi
}
trap 'stop_board; rm -rf "$work"' EXIT

# start_board ROOT: the unix port behind board_pty, with ROOT (made empty) as its `/`; the
# -c code runs again each time board_pty restarts it (the unix port exits on a soft reset).
# Sets $port to the board's tty.
start_board() {
    local root=$1 log=$work/board.out
    rm -rf "$root" && mkdir -p "$root"
    local confine
    confine=$(python3 "$repo/tests/e2e/boardlib.py" unix-confine "$root")
    "$board_pty" --restart -- "$unix_port" -i -c "$confine" >"$log" 2>"$work/board.err" </dev/null &
    board_pid=$!
    port=
    for _ in $(seq 100); do
        port=$(head -n1 "$log" 2>/dev/null | grep -o '^/dev/pts/[0-9]*$')
        [ -n "$port" ] && return 0
        sleep 0.1
    done
    echo "error: the board did not start: $(cat "$work/board.err")" >&2
    exit 2
}

# write_wrapper FILE TOOL PORT: the $MPREMOTE a test calls.
write_wrapper() {
    local file=$1 tool=$2 port=$3
    if [ "$tool" = mpr ]; then
        printf '#!/bin/sh\nexec "%s" connect "%s" "$@"\n' "$mpr" "$port" >"$file"
    else
        printf '#!/bin/sh\nPYTHONPATH="%s" exec "%s" -m mpremote connect "%s" "$@"\n' \
            "$checkout/tools/mpremote" "$python" "$port" >"$file"
    fi
    chmod +x "$file"
}

# The safety check: the board's `/` is its scratch folder, and a host file outside that
# folder cannot be reached by its host path.
check_confinement() {
    start_board "$work/root"
    echo inside >"$work/root/inside.txt"
    echo outside >"$work/outside.txt"
    local out
    out=$("$mpr" connect "$port" exec "import os
try:
    os.stat('$work/outside.txt'); print('outside visible')
except OSError:
    print('outside hidden')
print(open('/inside.txt').read().strip())" 2>&1)
    stop_board
    if [ "$out" != "outside hidden"$'\n'"inside" ]; then
        echo "error: the board's / is not confined to its scratch folder: $out" >&2
        exit 2
    fi
    echo "board: $unix_port, its / a scratch folder (checked: a host file outside it is not visible)"
}

# run_one TOOL TEST OUT: runs the test as run-mpremote-tests.sh does; leaves the output in OUT
# and returns the script's exit status.
run_one() {
    local tool=$1 test=$2 out=$3 tmp status
    start_board "$work/root"
    write_wrapper "$work/$tool-wrapper" "$tool" "$port"
    tmp=$(mktemp -d)
    # shellcheck disable=SC2016 # the output says ${TMP} literally, as run-mpremote-tests.sh's
    (cd "$work" && env MPREMOTE="$work/$tool-wrapper" TMP="$tmp" bash "$test" 2>&1) |
        tr -d '\r' | sed "s,${tmp},"'${TMP},g' >"$out"
    status=${PIPESTATUS[0]}
    stop_board
    rm -rf "$tmp"
    if [ "$tool" = mpr ]; then sed -i 's/^mpr: /mpremote: /' "$out"; fi
    return "$status"
}

keep=${COMPAT_KEEP_RESULTS:-/tmp/mpytools-mpremote-results}
rm -rf "$keep" && mkdir -p "$keep"
check_confinement
echo "mpr: $mpr"
[ "$have_mpremote" = 1 ] && echo "mpremote: $checkout/tools/mpremote"

passed=0 failed=0 mpremote_passed=0 failures=
for test in "${tests[@]}"; do
    name=$(basename "$test")
    exp=$test.exp
    run_one mpr "$test" "$keep/$name.mpr.out"
    mpr_status=$?
    mpremote_note=
    mpremote_status=
    if [ "$have_mpremote" = 1 ]; then
        run_one mpremote "$test" "$keep/$name.mpremote.out"
        mpremote_status=$?
        if [ "$mpremote_status" = 0 ] && cmp -s "$keep/$name.mpremote.out" "$exp"; then
            mpremote_note="mpremote: pass"
            mpremote_passed=$((mpremote_passed + 1))
        else
            mpremote_note="mpremote: fail (exit $mpremote_status)"
        fi
    fi
    if [ "$mpr_status" = 0 ] && cmp -s "$keep/$name.mpr.out" "$exp"; then
        verdict="pass (= .exp)"
    elif [ -n "$mpremote_status" ] && [ "$mpr_status" = "$mpremote_status" ] &&
         cmp -s "$keep/$name.mpr.out" "$keep/$name.mpremote.out"; then
        verdict="pass (= mpremote's output, exit $mpremote_status)"
    else
        verdict="FAIL (exit $mpr_status)"
    fi
    printf '%-28s mpr: %-40s %s\n' "$name" "$verdict" "$mpremote_note"
    case $verdict in
        pass*) passed=$((passed + 1)) ;;
        *)
            failed=$((failed + 1))
            failures+=" $name"
            echo "  --- diff .exp mpr's output"
            diff "$exp" "$keep/$name.mpr.out" | head -n 40 | sed 's/^/  /'
            if [ -n "$mpremote_status" ] && ! cmp -s "$keep/$name.mpremote.out" "$exp"; then
                echo "  --- diff mpremote's output, mpr's output"
                diff "$keep/$name.mpremote.out" "$keep/$name.mpr.out" | head -n 40 | sed 's/^/  /'
            fi
            ;;
    esac
done
echo "outputs kept in $keep"
[ "$have_mpremote" = 1 ] && echo "mpremote itself: $mpremote_passed of ${#tests[@]} equal to the .exp files"
[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
