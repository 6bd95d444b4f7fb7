#!/usr/bin/env bash
# Benchmarks `mpr mount` against `mpremote mount` on the same board in the same run:
#   import+read  importing a package of 30 modules and reading a 200 KB file through the mount
#   write        writing a 200 KB file through the mount
# Each is timed twice: on the board (time.ticks_ms around the operation: the mount itself) and
# as the whole command (connect, mount, run, unmount).  Boards: the sim board behind board_pty,
# and MicroPython's unix port behind `board_pty --restart` when UNIX_PORT names one (its / is a
# scratch folder).  mpremote 1.27's mount cannot import these modules on the sim board (its agent
# waits forever, the board stops answering), so the comparison that counts is the unix port's.
#
#   tests/e2e/bench_mount.sh [BUILD_DIR]        (default: build)
#
# Environment: MPR, BOARD_PTY (the programs), MPREMOTE_DIR (an mpremote checkout, default
# /work/scratch/mp127/tools/mpremote), MPREMOTE_PYTHON (a python3 with pyserial and platformdirs,
# default /usr/bin/python3), UNIX_PORT (default /work/scratch/mp127/ports/unix/build-standard/
# micropython, skipped when absent), RUNS (repetitions, the best is kept; default 3).
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/e2e/bench_lib.sh
MPREMOTE_DIR=${MPREMOTE_DIR:-/work/scratch/mp127/tools/mpremote}
MPREMOTE_PYTHON=${MPREMOTE_PYTHON:-/usr/bin/python3}
UNIX_PORT=${UNIX_PORT:-/work/scratch/mp127/ports/unix/build-standard/micropython}
RUNS=${RUNS:-3}

bench_setup "${1:-build}"
if ! have_mpremote; then
  echo "bench: mpremote not available (needs $MPREMOTE_DIR and pyserial + platformdirs): nothing to compare"
  exit 1
fi

# The mounted folder: bench_pkg/ with 30 modules of about 1.5 KB, and a 200 KB data file.
folder=$work/folder
mkdir -p "$folder/bench_pkg"
: > "$folder/bench_pkg/__init__.py"
for i in $(seq 0 29); do
  echo "from . import m$i" >> "$folder/bench_pkg/__init__.py"
  {
    echo "# module $i of the mount benchmark"
    for j in $(seq 0 24); do echo "def f$j(x):
    return x * $j + $i  # padding padding"; done
  } > "$folder/bench_pkg/m$i.py"
done
head -c 204800 /dev/urandom > "$folder/big.bin"

read_code="import time, sys
t = time.ticks_ms()
import bench_pkg
d = open('big.bin', 'rb').read()
t = time.ticks_diff(time.ticks_ms(), t)
sys.modules.pop('bench_pkg')
print('board-ms', t, len(d), bench_pkg.m29.f3(1))"
write_code="import time
d = bytes(range(32, 128)) * 2134 + b'12345678'
t = time.ticks_ms()
with open('written.bin', 'wb') as f:
    f.write(d)
print('board-ms', time.ticks_diff(time.ticks_ms(), t), len(d))"

mpr_on() { "$MPR" connect "$port" "$@"; }
mpremote_on() { PYTHONPATH="$MPREMOTE_DIR" timeout 120 "$MPREMOTE_PYTHON" -m mpremote connect "$port" "$@"; }

# measure TOOL CODE: best of RUNS; sets board_ms and wall (seconds).
measure() {
  local tool=$1 code=$2 best_board="" best_wall="" out t0 t1 b w
  for ((r = 0; r < RUNS; r++)); do
    rm -f "$folder/written.bin"
    t0=$(now)
    if ! out=$("$tool" mount "$folder" exec "$code" 2>&1); then
      echo "bench: $tool failed: $(echo "$out" | tail -2)" >&2
      board_ms=nan wall=nan
      return
    fi
    t1=$(now)
    b=$(echo "$out" | tr -d '\r' | awk '$1 == "board-ms" { print $2 }')
    [ -n "$b" ] || { echo "bench: $tool printed no time: $(echo "$out" | tail -2)" >&2; b=nan; }
    w=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    if [ -z "$best_board" ] || awk -v a="$b" -v c="$best_board" 'BEGIN { exit !(a < c) }'; then best_board=$b; fi
    if [ -z "$best_wall" ] || awk -v a="$w" -v c="$best_wall" 'BEGIN { exit !(a < c) }'; then best_wall=$w; fi
  done
  board_ms=$best_board wall=$best_wall
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "nan" || b == "nan" || b == 0) print "-"; else printf "%.2fx", a / b }'; }

bench_board() {  # bench_board LABEL
  local label=$1 mrb mrw mwb mww rrb rrw rwb rww
  # mpr first: an mpremote that fails can leave the board stuck (its agent waits for a reply
  # with Ctrl-C off), and nothing measured after that would mean anything.
  measure mpr_on "$read_code"; mrb=$board_ms mrw=$wall
  measure mpr_on "$write_code"; mwb=$board_ms mww=$wall
  expected_write=$(python3 -c "import sys; sys.stdout.write(str(96 * 2134 + 8))")
  if [ "$(stat -c %s "$folder/written.bin" 2>/dev/null)" != "$expected_write" ]; then
    echo "bench: the file mpr wrote has the wrong size" >&2
  fi
  measure mpremote_on "$read_code"; rrb=$board_ms rrw=$wall
  measure mpremote_on "$write_code"; rwb=$board_ms rww=$wall
  line() {
    printf '%-6s %-12s on the board: mpr %6s ms  mpremote %7s ms  mpr/mpremote %6s   whole command: mpr %6s s  mpremote %6s s  %s\n' \
      "$label" "$1" "$2" "$4" "$(ratio "$2" "$4")" "$3" "$5" "$(ratio "$3" "$5")"
  }
  line import+read "$mrb" "$mrw" "$rrb" "$rrw"
  line write "$mwb" "$mww" "$rwb" "$rww"
}

# The sim board behind board_pty.
state=$work/sim-state
mkdir -p "$state"
start_board sim -- node remote/sim/board.mjs --state "$state"
bench_board sim

if [ -x "$UNIX_PORT" ]; then
  root=$work/unix-root
  mkdir -p "$root"
  start_board unix --restart -- "$UNIX_PORT" -i -c "$(python3 tests/e2e/boardlib.py unix-confine "$root")"
  bench_board unix
else
  echo "bench: no unix port at $UNIX_PORT: sim only"
fi
