#!/usr/bin/env bash
# `mpr mip` against mpremote's mip on micropython-lib's real index.  Builds nothing of
# MicroPython's; takes paths:
#
#   tests/compat/mip_compare.sh MICROPYTHON_LIB_CHECKOUT MPY_CROSS UNIX_PORT [MPREMOTE_DIR]
#
# 1. Builds micropython-lib's index (v2) with its own tools/build.py into a temporary folder
#    (it needs MicroPython's tools/manifestfile.py and mpy-cross/mpy_cross: from $MICROPYTHON_TREE,
#    else the tree MPY_CROSS was built in) and serves it on 127.0.0.1.
# 2. Installs the package list below with mpr onto a unix-port board (UNIX_PORT behind board_pty
#    --restart, its `/` a scratch folder of its own), and, given MPREMOTE_DIR (MicroPython's
#    tools/mpremote), with mpremote onto another such board.
# 3. Compares the two boards' files (paths and bytes; mpr's manifest dot-file aside) and prints
#    both times and their ratio.  With MPREMOTE_DIR it also runs mpremote's own
#    tests/test_mip_local_install.sh with mpr as $MPREMOTE.
#
# mpr and board_pty come from $BUILD_DIR (default: build/ of this checkout).
# Exit status: 0 when mpr installed everything (and, with mpremote, the files are the same and
# mpremote's test passes), 1 otherwise.
set -uo pipefail
if [ $# -lt 3 ]; then
    echo "usage: $0 MICROPYTHON_LIB_CHECKOUT MPY_CROSS UNIX_PORT [MPREMOTE_DIR]" >&2
    exit 2
fi
mplib=$(realpath "$1") mpy_cross=$(realpath "$2") unix_port=$(realpath "$3") mpremote_dir=${4:+$(realpath "$4")}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${BUILD_DIR:-$repo/build}
mpr=$build/remote/mpr board_pty=$build/tests/board_pty
packages=(datetime logging aiorepl unittest requests collections-defaultdict base64 hmac umqtt.simple ssd1306 aioble)
python=/usr/bin/python3
[ -x "$python" ] || python=python3

tree=${MICROPYTHON_TREE:-}
if [ -z "$tree" ]; then
    d=$(dirname "$mpy_cross")
    while [ "$d" != / ] && [ ! -f "$d/tools/manifestfile.py" ]; do d=$(dirname "$d"); done
    tree=$d
fi
if [ ! -f "$tree/tools/manifestfile.py" ]; then
    echo "mip_compare: cannot find MicroPython's tools/manifestfile.py; set MICROPYTHON_TREE" >&2
    exit 2
fi

tmp=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
    wait 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

echo "== building micropython-lib's index with its tools/build.py"
if ! (cd "$mplib" && "$python" tools/build.py --output "$tmp/index" --micropython "$tree" --mpy-cross "$mpy_cross" \
        >"$tmp/build.log" 2>&1); then
    tail -20 "$tmp/build.log"
    exit 1
fi
echo "   $(ls "$tmp/index/package/6" | wc -l) packages"

"$python" "$repo/tests/e2e/mip_index.py" --serve "$tmp/index" >"$tmp/server.out" &
pids+=($!)
for _ in $(seq 50); do grep -q '^port ' "$tmp/server.out" 2>/dev/null && break; sleep 0.1; done
index="http://127.0.0.1:$(awk '/^port /{print $2}' "$tmp/server.out")"
echo "   served at $index"

# start_board ROOT: a unix-port board whose / is ROOT; sets $pty.
start_board() {
    mkdir -p "$1"
    "$board_pty" --restart -- "$unix_port" -i -c \
        "$(python3 "$here/../e2e/boardlib.py" unix-confine "$1")" >"$1.pty" &
    pids+=($!)
    pty=
    for _ in $(seq 100); do
        pty=$(grep -o '/dev/pts/[0-9]*' "$1.pty" 2>/dev/null) && break
        sleep 0.1
    done
    [ -n "$pty" ] || { echo "mip_compare: the board did not start" >&2; exit 1; }
}

now() { date +%s.%N; }
status=0

echo "== mpr mip install ${packages[*]}"
start_board "$tmp/board-mpr"
"$mpr" connect "$pty" exec "pass" >/dev/null
t0=$(now)
"$mpr" connect "$pty" resume mip install --index "$index" "${packages[@]}" >"$tmp/mpr.out" 2>&1
rc=$?
t_mpr=$(echo "$(now) - $t0" | bc)
tail -1 "$tmp/mpr.out"
[ $rc -eq 0 ] || { cat "$tmp/mpr.out"; status=1; }
echo "   $(find "$tmp/board-mpr" -type f ! -name .mpr-mip.json | wc -l) files, ${t_mpr} s"

if [ -n "$mpremote_dir" ]; then
    echo "== mpremote mip install ${packages[*]}"
    start_board "$tmp/board-mpremote"
    PYTHONPATH="$mpremote_dir" "$python" -m mpremote connect "$pty" exec "pass" >/dev/null
    t0=$(now)
    PYTHONPATH="$mpremote_dir" "$python" -m mpremote connect "$pty" resume mip install --index "$index" "${packages[@]}" \
        >"$tmp/mpremote.out" 2>&1
    rc=$?
    t_mpremote=$(echo "$(now) - $t0" | bc)
    tail -1 "$tmp/mpremote.out"
    [ $rc -eq 0 ] || { cat "$tmp/mpremote.out"; status=1; }
    echo "   $(find "$tmp/board-mpremote" -type f | wc -l) files, ${t_mpremote} s"

    echo "== comparing the boards' files"
    if diff -r -x .mpr-mip.json "$tmp/board-mpr" "$tmp/board-mpremote"; then
        echo "   same paths, same bytes"
    else
        echo "   the files differ"
        status=1
    fi
    echo "mpr ${t_mpr} s, mpremote ${t_mpremote} s, ratio $(echo "scale=3; $t_mpr / $t_mpremote" | bc)"

    echo "== mpremote's tests/test_mip_local_install.sh with mpr"
    start_board "$tmp/board-local"
    printf '#!/bin/sh\nexec "%s" connect "%s" "$@"\n' "$mpr" "$pty" >"$tmp/mpr-wrapper"
    chmod +x "$tmp/mpr-wrapper"
    t="$mpremote_dir/tests/test_mip_local_install.sh"
    mkdir -p "$tmp/t"
    if env MPREMOTE="$tmp/mpr-wrapper" TMP="$tmp/t" bash "$t" 2>&1 | tr -d '\r' | sed "s,$tmp/t,\${TMP},g" \
            >"$tmp/local.out" && diff "$tmp/local.out" "$t.exp"; then
        echo "   OK"
    else
        echo "   FAIL"
        status=1
    fi
fi
exit $status
