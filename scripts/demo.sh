#!/usr/bin/env bash
# The main job, end to end: set up, build and install mpytools, then
#   1. compile examples/blink_stats.py to .mpy with mpyc,
#   2. show what is inside it with mpytool (info, verify, disassembly),
#   3. copy it to the sim board (a virtual MicroPython 1.27 board) with mpr and run examples/main.py there.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
cmake --install build --prefix out >/dev/null
export PATH="$PWD/out/bin:$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== mpyc: compile"
mpyc -o "$work/blink_stats.mpy" examples/blink_stats.py
ls -l "$work/blink_stats.mpy"

echo "== mpytool: info, verify, dis"
mpytool info "$work/blink_stats.mpy"
mpytool verify "$work/blink_stats.mpy"
mpytool dis "$work/blink_stats.mpy" | head -n 40

echo "== mpr: run on the sim board"
mpr --sim-dir "$work/board" connect sim fs cp "$work/blink_stats.mpy" :blink_stats.mpy + fs ls + run examples/main.py
