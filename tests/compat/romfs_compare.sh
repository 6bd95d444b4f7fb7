#!/usr/bin/env bash
# `mpr romfs` against mpremote 1.27's, run from a MicroPython checkout.  Builds nothing of
# MicroPython's; takes paths:
#
#   tests/compat/romfs_compare.sh MP_CHECKOUT [UNIX_PORT]
#
# (a) `romfs --no-mpy -o FILE build DIR` with both tools on a few folders made here (flat modules,
#     nested folders, binary and empty files, sizes needing 1-, 2- and 3-byte lengths, odd and even
#     totals, an empty folder) and on the checkout's own tools/mpremote and examples folders: the
#     images must be byte for byte the same, and the printed tree too.  With $MPY_CROSS set to a
#     reference mpy-cross, also without --no-mpy on the folders made here: mpremote then compiles
#     (writing each .mpy beside its source, then removing it) through a `mpy_cross` module of our
#     own (below, in a temporary folder) that runs $MPY_CROSS, mpr with its compiler.
# (b) Given UNIX_PORT (the unix port's coverage variant, whose ROM partition is 4 read-only
#     bytes), on a board behind board_pty --restart whose `/` is a scratch folder: `romfs query`
#     and a too-big `romfs --no-mpy deploy` with both tools: same stdout, same exit status.
# (c) On the sim board (node and `npm install` needed; SKIP_SIM=1 leaves it out), one board per
#     tool: query, deploys to its two partitions (stm32-like and rp2-like), a too-big deploy and
#     an import from /rom after a soft reset: same stdout and exit status, same partition bytes.
#
# mpremote runs as `PYTHONPATH=MP_CHECKOUT/tools/mpremote /usr/bin/python3 -m mpremote` (it needs
# pyserial for (b)); mpr and board_pty come from $BUILD_DIR (default: build/ of this checkout).
# Prints each comparison; exit status 0 when all agree, 1 otherwise, 2 on a usage or setup error.
# KEEP=1 keeps the work folder (images, outputs) for a look afterwards.
set -uo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 MP_CHECKOUT [UNIX_PORT]" >&2
    exit 2
fi
checkout=$(realpath "$1") unix_port=${2:+$(realpath "$2")}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${BUILD_DIR:-$repo/build}
mpr=$build/remote/mpr board_pty=$build/tests/board_pty
python=/usr/bin/python3
[ -x "$python" ] || python=python3
if [ ! -f "$checkout/tools/mpremote/mpremote/romfs.py" ]; then
    echo "romfs_compare: $checkout has no tools/mpremote/mpremote/romfs.py (MicroPython 1.27 or later)" >&2
    exit 2
fi
[ -x "$mpr" ] || { echo "romfs_compare: $mpr not built" >&2; exit 2; }

work=$(mktemp -d /tmp/mpr-romfs-compare.XXXXXX)
board_pid=
stop_board() {
    if [ -n "$board_pid" ]; then
        kill "$board_pid" 2>/dev/null
        wait "$board_pid" 2>/dev/null
        board_pid=
    fi
}
trap 'stop_board; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

# start_board BOARD_PTY_ARGS...: a board behind board_pty; sets $port to its tty.
start_board() {
    "$board_pty" "$@" >"$work/board.out" 2>"$work/board.err" </dev/null &
    board_pid=$!
    port=
    for _ in $(seq 100); do
        port=$(head -n1 "$work/board.out" 2>/dev/null | grep -o '^/dev/pts/[0-9]*$')
        [ -n "$port" ] && return 0
        sleep 0.1
    done
    echo "romfs_compare: the board did not start: $(cat "$work/board.err")" >&2
    exit 2
}

mpremote() { PYTHONPATH="$checkout/tools/mpremote${extra_path:+:$extra_path}" "$python" -m mpremote "$@"; }
extra_path=
same=0 different=0

# compare NAME FILE_A FILE_B: counts and reports one comparison.
compare() {
    if cmp -s "$2" "$3"; then
        same=$((same + 1))
        echo "  same       $1"
    else
        different=$((different + 1))
        echo "  DIFFERENT  $1"
        diff <(od -An -tx1 -v "$2") <(od -An -tx1 -v "$3") | head -10 | sed 's/^/             /'
    fi
}

# Folders of our own, made with python so that binary sizes are exact.
"$python" - "$work/src" <<'EOF'
import os, sys
root = sys.argv[1]
def put(rel, data):
    p = os.path.join(root, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
for i in range(10):
    put(f"flat/mod{i}.py", f"VALUE = {i}\n")
put("nested/main.py", "import lib.helper\n")
put("nested/lib/helper.py", "def f():\n    return 1\n")
put("nested/lib/data/blob.bin", bytes(range(256)) * 3)
put("nested/lib/data/empty.txt", b"")
put("nested/Zeta.txt", "upper case sorts first\n")
put("nested/0first.txt", "digits sort before letters\n")
put("sizes/small.bin", b"x" * 100)             # 1-byte lengths
put("sizes/medium.bin", b"y" * 5000)           # 2-byte lengths
put("sizes/large.bin", bytes(range(251)) * 80)  # 20080 bytes: 3-byte lengths
put("odd/a", "1")                               # an odd total: the padded length
put("even/ab", "12")
os.makedirs(os.path.join(root, "emptydir"), exist_ok=True)
EOF
folders=("$work/src/flat" "$work/src/nested" "$work/src/sizes" "$work/src/odd" "$work/src/even" "$work/src/emptydir"
         "$checkout/tools/mpremote" "$checkout/examples")

# run_build TOOL MODE DIR OUT: the image in OUT, the printed text in OUT.txt (the output file's
# name, which differs, replaced).
run_build() {
    local tool=$1 mode=$2 dir=$3 out=$4
    local args=(romfs)
    [ "$mode" = no-mpy ] && args+=(--no-mpy)
    args+=(-o "$out" build "$dir")
    if [ "$tool" = mpr ]; then "$mpr" "${args[@]}"; else mpremote "${args[@]}"; fi >"$out.txt" 2>&1
    echo "exit $?" >>"$out.txt"
    sed -i "s|$out|OUTPUT|" "$out.txt"
}

echo "== (a) romfs build: images and printed trees"
modes=(no-mpy)
if [ -n "${MPY_CROSS:-}" ]; then
    # mpremote's romfs.py calls mpy_cross.run(path) and waits; this module of ours runs the
    # reference compiler as the mpy_cross package would.
    mkdir -p "$work/shim/mpy_cross"
    cat >"$work/shim/mpy_cross/__init__.py" <<EOF
import subprocess
def run(*args, **kwargs):
    return subprocess.Popen(["$(realpath "$MPY_CROSS")"] + list(args), **kwargs)
EOF
    modes+=(mpy)
fi
for mode in "${modes[@]}"; do
    [ "$mode" = mpy ] && extra_path=$work/shim || extra_path=
    for dir in "${folders[@]}"; do
        [ -d "$dir" ] || continue
        # mpremote compiles beside the sources: not inside the checkout.
        [ "$mode" = mpy ] && [[ "$dir" != "$work"/* ]] && continue
        name=$(basename "$dir")-$mode
        run_build mpr "$mode" "$dir" "$work/$name.mpr.img"
        run_build mpremote "$mode" "$dir" "$work/$name.mpremote.img"
        compare "$name image ($(stat -c %s "$work/$name.mpremote.img" 2>/dev/null || echo none) bytes)" \
            "$work/$name.mpr.img" "$work/$name.mpremote.img"
        compare "$name printed tree" "$work/$name.mpr.img.txt" "$work/$name.mpremote.img.txt"
    done
done
extra_path=

if [ -n "$unix_port" ]; then
    echo "== (b) on the unix port ($unix_port)"
    if ! PYTHONPATH=$checkout/tools/mpremote "$python" -c 'import mpremote, serial' 2>/dev/null; then
        echo "romfs_compare: mpremote cannot run with $python (it needs pyserial)" >&2
        exit 2
    fi
    root=$work/root
    mkdir -p "$root"
    confine=$("$python" "$repo/tests/e2e/boardlib.py" unix-confine "$root")
    start_board --restart -- "$unix_port" -i -c "$confine"
    # The board's / is the scratch folder: a host file outside it must not be visible.
    echo outside >"$work/outside.txt"
    seen=$("$mpr" connect "$port" exec "import os
try:
    os.stat('$work/outside.txt'); print('visible')
except OSError:
    print('hidden')" 2>&1)
    [ "$seen" = hidden ] || { echo "romfs_compare: the board's / is not confined: $seen" >&2; exit 2; }
    for cmd in "query" "--no-mpy deploy $work/src/flat" "--no-mpy deploy $work/src/odd"; do
        for tool in mpr mpremote; do
            # shellcheck disable=SC2086
            if [ $tool = mpr ]; then "$mpr" connect "$port" romfs $cmd; else mpremote connect "$port" romfs $cmd; fi \
                >"$work/$tool.out" 2>"$work/$tool.err"
            echo "exit $?" >>"$work/$tool.out"
        done
        compare "romfs ${cmd/$work\/src\//} (stdout and exit status)" "$work/mpr.out" "$work/mpremote.out"
    done
    stop_board
fi

# (c) The sim board (when node and its runtime are there), one board per tool, each with a state
# folder of its own: query, deploys to both partitions (stm32-like buffer and rp2-like block
# device), a too-big deploy, then the modules imported from /rom after a soft reset.
if [ "${SKIP_SIM:-}" != 1 ] && command -v node >/dev/null && [ -d "$repo/node_modules/@micropython" ] &&
        PYTHONPATH=$checkout/tools/mpremote "$python" -c 'import mpremote, serial' 2>/dev/null; then
    echo "== (c) on the sim board"
    "$python" - "$work/src/big" <<'EOF2'
import os, sys
os.makedirs(sys.argv[1], exist_ok=True)
open(os.path.join(sys.argv[1], "blob.bin"), "wb").write(bytes(range(256)) * 40)
EOF2
    for tool in mpr mpremote; do
        mkdir -p "$work/sim-$tool"
        start_board -- node "$repo/remote/sim/board.mjs" --state "$work/sim-$tool"
        step=0
        for cmd in "romfs query" "romfs --no-mpy deploy $work/src/flat" "romfs --no-mpy -p 1 deploy $work/src/nested" \
                   "romfs -p 1 --no-mpy deploy $work/src/big" "romfs query" "soft-reset exec IMPORT"; do
            step=$((step + 1))
            # shellcheck disable=SC2206
            words=($cmd)
            [ "${words[-1]}" = IMPORT ] && words[-1]="import mod3,mod7;print(mod3.__file__,mod7.VALUE)"
            if [ $tool = mpr ]; then "$mpr" connect "$port" "${words[@]}"; else mpremote connect "$port" "${words[@]}"; fi \
                >"$work/sim-$tool.$step.out" 2>"$work/sim-$tool.$step.err"
            echo "exit $?" >>"$work/sim-$tool.$step.out"
        done
        stop_board
    done
    step=0
    for cmd in "query" "--no-mpy deploy flat" "--no-mpy -p 1 deploy nested" "-p 1 --no-mpy deploy big (too big)" "query" \
               "import from /rom after a soft reset"; do
        step=$((step + 1))
        compare "sim: romfs $cmd (stdout and exit status)" "$work/sim-mpr.$step.out" "$work/sim-mpremote.$step.out"
    done
    compare "sim: partition 0 as left by each tool" "$work/sim-mpr/.sim-rom/part0" "$work/sim-mpremote/.sim-rom/part0"
    compare "sim: partition 1 as left by each tool" "$work/sim-mpr/.sim-rom/part1" "$work/sim-mpremote/.sim-rom/part1"
fi

echo "$same same, $different different"
[ "$different" = 0 ]
