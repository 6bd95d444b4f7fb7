#!/usr/bin/env python3
"""Times one-process-per-file compiler runs precisely, for bench/mpyc_bench.sh.

    proc_time.py --runs N --files LIST [--fresh | --stale] --label NAME=COMPILER=OUTDIR [--label ...]

Every round runs each labelled compiler once over every file in LIST (`COMPILER -o OUTDIR/X.mpy
X.py`), the compilers interleaved file by file so that a change in the machine's load hits them
alike.  Each child's own CPU time (user + system) comes from wait4(), so it excludes this script and
any shell; wall time is from just before the spawn to the child's exit.  Prints one line per
label: "NAME wall_ms cpu_ms" for the whole list, median over rounds (after one warm-up round).
--fresh deletes each output just before its compile (untimed), so every output is a new file;
--stale instead gives every output other bytes before each round and syncs them to disk (untimed),
so every compile replaces an older, different output, as a rebuild after an edit does.
A compiler that fails on a file is reported on stderr and the script exits with status 1.
"""
import argparse
import os
import statistics
import sys
import time


def run_once(argv):
    t0 = time.perf_counter_ns()
    pid = os.posix_spawn(argv[0], argv, os.environ)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter_ns() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError("failed: " + " ".join(argv))
    return wall / 1e6, (usage.ru_utime + usage.ru_stime) * 1e3


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--files", required=True)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--stale", action="store_true")
    parser.add_argument("--label", action="append", required=True, help="NAME=COMPILER=OUTDIR")
    args = parser.parse_args()
    with open(args.files) as f:
        files = [line.rstrip("\n") for line in f if line.strip()]
    labels = []
    for spec in args.label:
        name, compiler, outdir = spec.split("=", 2)
        os.makedirs(outdir, exist_ok=True)
        commands = [[compiler, "-o", os.path.join(outdir, os.path.basename(p)[:-3] + ".mpy"), p] for p in files]
        labels.append((name, commands))
    totals = {name: ([], []) for name, _ in labels}
    try:
        for round_no in range(args.runs + 1):
            sums = {name: [0.0, 0.0] for name, _ in labels}
            if args.stale:
                for _, commands in labels:
                    for command in commands:
                        with open(command[2], "wb") as f:
                            f.write(b"stale output from an older source\n")
                os.sync()
            for i in range(len(files)):
                # Alternate which compiler goes first, so neither always runs on a warmer cache.
                order = labels if (i + round_no) % 2 == 0 else labels[::-1]
                for name, commands in order:
                    if args.fresh:
                        try:
                            os.unlink(commands[i][2])
                        except FileNotFoundError:
                            pass
                    wall, cpu = run_once(commands[i])
                    sums[name][0] += wall
                    sums[name][1] += cpu
            if round_no == 0:
                continue  # warm-up
            for name in sums:
                totals[name][0].append(sums[name][0])
                totals[name][1].append(sums[name][1])
    except (RuntimeError, OSError) as e:
        print(f"proc_time: {e}", file=sys.stderr)
        return 1
    for name, _ in labels:
        walls, cpus = totals[name]
        print(f"{name} {statistics.median(walls):.3f} {statistics.median(cpus):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
