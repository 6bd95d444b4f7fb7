#!/usr/bin/env bash
# Benchmarks mpr's compressed `fs cp` of a 100 KB text file against the same copy with
# --no-compress, on a link limited to 115200 baud (board_pty --baud: 11,520 bytes/s each way, as
# a UART): up to the board, and back.  The text is this repository's own Python sources (real
# source code).  Boards: the sim board (deflate can compress and decompress: both directions
# compressed) and MicroPython's unix port when UNIX_PORT names one (it can only decompress:
# uploads compressed, downloads as before; its coverage build can compress too).  Also 100 KB of
# random bytes, which must never be slower.  Prints both times and the ratio; the files on the
# board are checked against the host's by sha256 from a separate exec.
#
#   tests/e2e/bench_compress.sh [BUILD_DIR]        (default: build)
#
# Environment: MPR, BOARD_PTY (the programs), BAUD (default 115200), UNIX_PORT (default
# /work/scratch/mp127/ports/unix/build-standard/micropython, skipped when absent), RUNS
# (repetitions, the best is kept; default 2).
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/e2e/bench_lib.sh
BAUD=${BAUD:-115200}
UNIX_PORT=${UNIX_PORT:-/work/scratch/mp127/ports/unix/build-standard/micropython}
RUNS=${RUNS:-2}

bench_setup "${1:-build}"

# 100 KB of real text: the repository's Python sources, repeated.
while [ ! -f "$work/text.py" ] || [ "$(stat -c %s "$work/text.py")" -lt 102400 ]; do
  cat tests/e2e/*.py remote/agent/*.py >> "$work/text.py"
done
head -c 102400 "$work/text.py" > "$work/big.txt"
want=$(sha256sum "$work/big.txt" | cut -d' ' -f1)
# And 100 KB that does not compress: binary files must never be slower.
head -c 102400 /dev/urandom > "$work/blob.bin"

# The best wall time (seconds) of RUNS runs of the command.
best_of() {
  local best=""
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" > /dev/null
    t1=$(date +%s.%N)
    best=$(python3 -c "b='$best'; t=$t1-$t0; print(f'{t:.2f}' if not b or t < float(b) else b)")
  done
  echo "$best"
}

board_sha() {
  "$MPR" connect "$port" exec "import hashlib,binascii
h=hashlib.sha256()
with open('$1','rb') as f:
 while 1:
  b=f.read(1024)
  if not b:break
  h.update(b)
print(binascii.hexlify(h.digest()).decode())" | tr -d '\r\n'
}

bench_board() {
  local name=$1
  "$MPR" connect "$port" exec "print(1)" > /dev/null  # the first connect's soft reset, not timed
  local up_plain up_z down_plain down_z
  up_plain=$(best_of "$MPR" --no-compress connect "$port" fs cp "$work/big.txt" :plain.txt)
  up_z=$(best_of "$MPR" connect "$port" fs cp "$work/big.txt" :z.txt)
  down_plain=$(best_of "$MPR" --no-compress connect "$port" fs cp :z.txt "$work/back_plain.txt")
  down_z=$(best_of "$MPR" connect "$port" fs cp :z.txt "$work/back_z.txt")
  local bin_up_plain bin_up_z bin_down_plain bin_down_z
  bin_up_plain=$(best_of "$MPR" --no-compress connect "$port" fs cp "$work/blob.bin" :blob_plain.bin)
  bin_up_z=$(best_of "$MPR" connect "$port" fs cp "$work/blob.bin" :blob.bin)
  bin_down_plain=$(best_of "$MPR" --no-compress connect "$port" fs cp :blob.bin "$work/blob_back_plain.bin")
  bin_down_z=$(best_of "$MPR" connect "$port" fs cp :blob.bin "$work/blob_back_z.bin")
  local ok=identical
  [ "$(board_sha plain.txt)" = "$want" ] && [ "$(board_sha z.txt)" = "$want" ] || ok="DIFFERENT on the board"
  cmp -s "$work/big.txt" "$work/back_plain.txt" && cmp -s "$work/big.txt" "$work/back_z.txt" &&
    cmp -s "$work/blob.bin" "$work/blob_back_plain.bin" && cmp -s "$work/blob.bin" "$work/blob_back_z.bin" ||
    ok="$ok; DIFFERENT back on the host"
  python3 - "$name" "$up_plain" "$up_z" "$down_plain" "$down_z" "$bin_up_plain" "$bin_up_z" "$bin_down_plain" \
    "$bin_down_z" "$ok" <<'PY'
import sys
name, ok = sys.argv[1], sys.argv[10]
up_p, up_z, down_p, down_z, bup_p, bup_z, bdown_p, bdown_z = map(float, sys.argv[2:10])
print(f"{name}: 100 KB text at {__import__('os').environ.get('BAUD', '115200')} baud  (files {ok})")
print(f"  to board    plain {up_p:6.2f} s   compressed {up_z:6.2f} s   ratio {up_p / up_z:4.2f}x")
print(f"  from board  plain {down_p:6.2f} s   compressed {down_z:6.2f} s   ratio {down_p / down_z:4.2f}x")
print(f"100 KB random bytes (cannot compress):")
print(f"  to board    plain {bup_p:6.2f} s   default    {bup_z:6.2f} s   ratio {bup_p / bup_z:4.2f}x")
print(f"  from board  plain {bdown_p:6.2f} s   default    {bdown_z:6.2f} s   ratio {bdown_p / bdown_z:4.2f}x")
PY
}

export BAUD
state=$work/sim-state
mkdir -p "$state"
start_board sim --baud "$BAUD" -- node remote/sim/board.mjs --state "$state"
bench_board sim

if [ -x "$UNIX_PORT" ]; then
  root=$work/unix-root
  mkdir -p "$root"
  start_board unix --restart --baud "$BAUD" -- "$UNIX_PORT" -i -c \
    "$(python3 tests/e2e/boardlib.py unix-confine "$root")"
  bench_board unix
else
  echo "bench: no unix port at $UNIX_PORT: sim only"
fi
