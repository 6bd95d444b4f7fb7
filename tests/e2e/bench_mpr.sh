#!/usr/bin/env bash
# Benchmarks mpr (and mpremote, when available) against the test boards behind ptys:
#   exec round trip (a whole `mpr connect PORT exec pass` run), fs cp of 100 KB and 1 MB both ways,
#   fs ls of a directory of 200 files.
# Boards: the sim board (behind board_pty) and QEMU's micro:bit (its own pty; small sizes: the
# board has about 30 KB of flash and no directories).
#
#   tests/e2e/bench_mpr.sh [BUILD_DIR]        (default: build)
#
# Environment: MPR, BOARD_PTY (the programs), MPREMOTE_DIR (an mpremote checkout, default
# /work/scratch/mp127/tools/mpremote), MPREMOTE_PYTHON (a python3 with pyserial and platformdirs,
# default /usr/bin/python3), RUNS (repetitions of the exec measurement, default 10),
# BOARDS (default "sim microbit").
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/e2e/bench_lib.sh
MPREMOTE_DIR=${MPREMOTE_DIR:-/work/scratch/mp127/tools/mpremote}
MPREMOTE_PYTHON=${MPREMOTE_PYTHON:-/usr/bin/python3}
RUNS=${RUNS:-10}
BOARDS=" ${BOARDS:-sim microbit} "
FIRMWARE=/usr/share/firmware-microbit-micropython/firmware.hex

bench_setup "${1:-build}"
have_mpremote=0
if have_mpremote; then
  have_mpremote=1
else
  echo "bench: mpremote not available (needs $MPREMOTE_DIR and pyserial + platformdirs): mpr only"
fi

# secs CMD...: runs CMD (output discarded), prints the wall time; fails loudly if CMD fails.
secs() {
  local t0 t1
  t0=$(now)
  if ! "$@" >"$work/last.out" 2>&1; then
    echo "bench: failed: $*" >&2
    echo "bench:   $(grep -v "^[[:space:]]*$" "$work/last.out" | tail -1)" >&2
    echo "nan"
    return 0
  fi
  t1=$(now)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'
}
# mean_secs N CMD...: mean wall time of N runs.
mean_secs() {
  local n=$1 total=0 s
  shift
  for ((i = 0; i < n; i++)); do
    s=$(secs "$@")
    total=$(awk -v a="$total" -v b="$s" 'BEGIN { printf "%.4f", a + b }')
  done
  awk -v a="$total" -v n="$n" 'BEGIN { printf "%.3f", a / n }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "nan" || b == "nan" || a == 0) print "-"; else printf "%.1fx", b / a }'; }

mpr_on() { "$MPR" connect "$port" "$@"; }
mpremote_on() { PYTHONPATH="$MPREMOTE_DIR" "$MPREMOTE_PYTHON" -m mpremote connect "$port" "$@"; }

report() {  # report BOARD WHAT MPR_SECS [MPREMOTE_SECS]
  if ((have_mpremote)) && [ -n "${4:-}" ]; then
    printf '%-9s %-26s mpr %8s s   mpremote %8s s   mpremote/mpr %s\n' "$1" "$2" "$3" "$4" "$(ratio "$3" "$4")"
  else
    printf '%-9s %-26s mpr %8s s\n' "$1" "$2" "$3"
  fi
}

# bench_transfers NAME DIR SIZES...: exec and cp measurements on $port.
bench_transfers() {
  local name=$1 dir=$2
  shift 2
  local a b
  a=$(mean_secs "$RUNS" mpr_on exec pass)
  b=""; ((have_mpremote)) && b=$(mean_secs "$RUNS" mpremote_on exec pass)
  report "$name" "exec round trip" "$a" "$b"
  for size in "$@"; do
    head -c "$size" /dev/urandom >"$work/up.bin"
    a=$(secs mpr_on fs cp "$work/up.bin" ":${dir}mpr.bin")
    b=""; ((have_mpremote)) && b=$(secs mpremote_on fs cp "$work/up.bin" ":${dir}mpremote.bin")
    report "$name" "cp up $((size / 1000)) KB" "$a" "$b"
    a=$(secs mpr_on fs cp ":${dir}mpr.bin" "$work/down_mpr.bin")
    cmp -s "$work/up.bin" "$work/down_mpr.bin" || a="nan"
    b=""
    if ((have_mpremote)); then
      b=$(secs mpremote_on fs cp ":${dir}mpremote.bin" "$work/down_mpremote.bin")
      cmp -s "$work/up.bin" "$work/down_mpremote.bin" || b="nan"
    fi
    report "$name" "cp down $((size / 1000)) KB" "$a" "$b"
    mpr_on fs rm ":${dir}mpr.bin" >/dev/null 2>&1 || true
    ((have_mpremote)) && { mpremote_on fs rm ":${dir}mpremote.bin" >/dev/null 2>&1 || true; }
  done
}

# bench_ls NAME DIR NFILES: listing a directory of NFILES files on $port.
bench_ls() {
  local name=$1 dir=$2 nfiles=$3 a b
  a=$(secs mpr_on fs ls ":$dir")
  b=""; ((have_mpremote)) && b=$(secs mpremote_on fs ls ":$dir")
  report "$name" "ls of $nfiles files" "$a" "$b"
}

if [[ $BOARDS == *" sim "* ]]; then
echo "== sim board (node remote/sim/board.mjs behind board_pty), $(date -u +%H:%M) UTC, load $(cut -d' ' -f1 /proc/loadavg)"
if command -v node >/dev/null; then
  state="$work/sim"
  mkdir -p "$state/many"
  for i in $(seq 1 200); do printf 'file %d\n' "$i" >"$state/many/f$i.txt"; done
  start_board sim -- node remote/sim/board.mjs --state "$state"
  sleep 1
  bench_transfers sim "" 100000 1000000
  bench_ls sim "many/" 200
  a=$(mean_secs "$RUNS" "$MPR" --sim-dir "$work/sim2" connect sim exec pass)
  report sim "connect sim: exec (+start)" "$a"
else
  echo "sim: node not installed, skipped"
fi
fi

if [[ $BOARDS == *" microbit "* ]]; then
echo "== micro:bit (QEMU, MicroPython 1.9.2), load $(cut -d' ' -f1 /proc/loadavg)"
if command -v qemu-system-arm >/dev/null && [ -f "$FIRMWARE" ]; then
  qemu-system-arm -M microbit -device loader,file="$FIRMWARE" -nographic -serial pty -monitor none \
    >"$work/qemu.out" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do grep -q 'redirected to' "$work/qemu.out" 2>/dev/null && break; sleep 0.05; done
  port=$(sed -n 's/.*redirected to \(\/dev\/pts\/[0-9]*\).*/\1/p' "$work/qemu.out" | head -1)
  sleep 1.5
  bench_transfers microbit "" 10000
  # 200 files would not fit its flash (about 30 KB in 128-byte chunks); 100 tiny ones do.
  mpr_on exec "for i in range(100):
    f = open('f%d.txt' % i, 'w')
    f.write('x')
    f.close()" >/dev/null
  bench_ls microbit "" 100
else
  echo "microbit: qemu-system-arm or the firmware not installed, skipped"
fi
fi
