# What the tests/e2e benchmarks share (sourced, not run): the programs they time, a scratch
# folder cleaned up on exit with every board they started, and starting a board behind board_pty.
#
#   . tests/e2e/bench_lib.sh
#   bench_setup BUILD_DIR         MPR and BOARD_PTY (defaults from BUILD_DIR), checked; $work, $pids
#   start_board LABEL ARGS...     "$BOARD_PTY" ARGS... in the background; sets $port to its pty
#   have_mpremote                 true when $MPREMOTE_DIR holds an mpremote its Python can run
#   now                           the time in seconds, for differences

bench_setup() {
  local build=$1
  MPR=${MPR:-$build/remote/mpr}
  BOARD_PTY=${BOARD_PTY:-$build/tests/board_pty}
  [ -x "$MPR" ] || { echo "bench: mpr not found at $MPR (build it, or set MPR)"; exit 1; }
  [ -x "$BOARD_PTY" ] || { echo "bench: board_pty not found at $BOARD_PTY"; exit 1; }
  work=$(mktemp -d)
  pids=()
  trap bench_cleanup EXIT
}

bench_cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}

# start_board LABEL ARGS...: board_pty with ARGS (its options, then -- and the board's command),
# its output in $work/LABEL.pty; waits (10 s at most) for the pty it prints, then sets $port.
start_board() {
  local label=$1
  shift
  "$BOARD_PTY" "$@" > "$work/$label.pty" &
  pids+=($!)
  for _ in $(seq 100); do grep -q /dev/pts "$work/$label.pty" 2>/dev/null && break; sleep 0.1; done
  port=$(grep -o '/dev/pts/[0-9]*' "$work/$label.pty" | head -1)
  [ -n "$port" ] || { echo "bench: the $label board did not start"; exit 1; }
}

have_mpremote() {
  [ -d "$MPREMOTE_DIR/mpremote" ] &&
    PYTHONPATH="$MPREMOTE_DIR" "$MPREMOTE_PYTHON" -c 'import serial, platformdirs' 2>/dev/null
}

now() { date +%s.%N; }
