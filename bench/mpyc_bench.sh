#!/usr/bin/env bash
# Benchmarks mpyc against the reference mpy-cross over a corpus of Python files and prints the
# times and ratios (it is not a test: nothing here passes or fails).
#
#   bench/mpyc_bench.sh --reference /path/to/mpy-cross [--mpyc PATH] [--corpus DIR]... [--runs N] [-j N]
#
#   (a) one process per file: `mpy-cross -o X.mpy X.py` for every file vs `mpyc -o X.mpy X.py`, both
#       as a re-run (outputs present) and (a') into an empty directory
#   (b) mpyc's tree mode (`mpyc --tree DIR --out-dir OUT -B`, all files in one process, -j threads)
#       vs one mpy-cross process per file; plus mpyc's no-op incremental run of the same tree.
# The corpus is tests/corpus (if present) plus every --corpus DIR; only files that both compilers
# accept are timed.  Uses hyperfine when installed, else its own loop (best and mean of --runs).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
reference="" mpyc="" runs=5 jobs=$(nproc)
corpora=()
while (($#)); do
    case "$1" in
        --reference) reference=$2; shift 2 ;;
        --mpyc) mpyc=$2; shift 2 ;;
        --corpus) corpora+=("$2"); shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        -j) jobs=$2; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "mpyc_bench: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
[ -n "$reference" ] || { echo "mpyc_bench: --reference /path/to/mpy-cross is required" >&2; exit 2; }
[ -x "$reference" ] || { echo "mpyc_bench: $reference is not executable" >&2; exit 2; }
if [ -z "$mpyc" ]; then
    for candidate in "$here/build/compiler/mpyc" "$here"/build-*/compiler/mpyc; do
        [ -x "$candidate" ] && { mpyc=$candidate; break; }
    done
fi
[ -n "$mpyc" ] && [ -x "$mpyc" ] || { echo "mpyc_bench: mpyc not found; build it or pass --mpyc" >&2; exit 2; }
mpyc=$(cd "$(dirname "$mpyc")" && pwd)/$(basename "$mpyc")
reference=$(cd "$(dirname "$reference")" && pwd)/$(basename "$reference")
[ -d "$here/tests/corpus" ] && corpora=("$here/tests/corpus" "${corpora[@]}")
((${#corpora[@]})) || { echo "mpyc_bench: no corpus (tests/corpus is absent; pass --corpus DIR)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/mpyc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tree" "$work/out"

# Copy the usable files into one tree (so tree mode sees exactly the timed files).
n=0 skipped=0
while IFS= read -r -d '' f; do
    if "$reference" -o "$work/probe.mpy" "$f" >/dev/null 2>&1 && "$mpyc" -o "$work/probe.mpy" "$f" >/dev/null 2>&1; then
        n=$((n + 1))
        dest="$work/tree/d$((n / 200))/f$n.py"
        mkdir -p "$(dirname "$dest")"
        cp "$f" "$dest"
    else
        skipped=$((skipped + 1))
    fi
done < <(for c in "${corpora[@]}"; do find "$c" -name '*.py' -type f -print0; done)
((n)) || { echo "mpyc_bench: no file in the corpus compiles with both tools ($skipped skipped)" >&2; exit 1; }
bytes=$(find "$work/tree" -name '*.py' -exec cat {} + | wc -c)
find "$work/tree" -name '*.py' | sort > "$work/files.txt"

# One script per measured command, so hyperfine and the fallback loop time the same thing.
# Each file gets its own output (as `mpy-cross x.py` writing x.mpy would), in a directory per tool.
cat > "$work/per_file.sh" <<'SH'
#!/usr/bin/env bash
# $1: compiler, $2: file list, $3: output directory, $4: "fresh" to start from an empty one
[ "${4:-}" = fresh ] && rm -rf "$3" && mkdir -p "$3"
while IFS= read -r f; do n=${f##*/}; "$1" -o "$3/${n%.py}.mpy" "$f" || exit 1; done < "$2"
SH
mkdir -p "$work/ref-out" "$work/mpyc-out"
run_ref_each="bash $work/per_file.sh $reference $work/files.txt $work/ref-out"
run_mpyc_each="bash $work/per_file.sh $mpyc $work/files.txt $work/mpyc-out"
run_ref_fresh="bash $work/per_file.sh $reference $work/files.txt $work/ref-fresh fresh"
run_mpyc_fresh="bash $work/per_file.sh $mpyc $work/files.txt $work/mpyc-fresh fresh"
run_mpyc_tree="$mpyc --tree $work/tree --out-dir $work/out -B -j $jobs"
run_mpyc_noop="$mpyc --tree $work/tree --out-dir $work/out -j $jobs"

echo "mpyc:      $mpyc ($("$mpyc" --version))"
echo "reference: $reference ($("$reference" --version))"
echo "corpus:    $n files, $bytes bytes (${corpora[*]}); $skipped file(s) skipped (rejected by one of the tools)"
echo "cpus:      $(nproc), tree mode -j $jobs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# children_cpu_ms: CPU time (user + system) used so far by this shell's finished children, in ms.
# (`times` must run in this shell, not in a $(...) subshell, which has no children of its own.)
children_cpu_ms() {
    times > "$work/times.txt"
    awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); t += p[1] * 60 + p[2] } printf "%d", t * 1000 }' "$work/times.txt"
}

# time_ms CMD: prints "best-wall mean-wall mean-cpu" in milliseconds over $runs runs (after a
# warm-up run).  CPU time (user + system of all processes) matters on a loaded machine, where
# wall time also measures waiting for a CPU.
time_ms() {
    local cmd=$1 best="" sum=0 i t0 t1 ms
    eval "$cmd" >/dev/null 2>&1 || { echo "mpyc_bench: failed: $cmd" >&2; exit 1; }
    local cpu_before cpu_after
    children_cpu_ms > "$work/cpu0.txt"
    for ((i = 0; i < runs; i++)); do
        t0=$(date +%s%N)
        eval "$cmd" >/dev/null 2>&1
        t1=$(date +%s%N)
        ms=$(( (t1 - t0) / 1000 ))
        sum=$((sum + ms))
        if [ -z "$best" ] || ((ms < best)); then best=$ms; fi
    done
    children_cpu_ms > "$work/cpu1.txt"
    read -r cpu_before < "$work/cpu0.txt"
    read -r cpu_after < "$work/cpu1.txt"
    awk -v b="$best" -v s="$sum" -v r="$runs" -v c="$((cpu_after - cpu_before))" 'BEGIN { printf "%.2f %.2f %.2f", b / 1000, s / r / 1000, c / r }'
}

report() {  # report LABEL BASELINE_LABEL WALL_BASELINE WALL_OTHER CPU_BASELINE CPU_OTHER
    awk -v l="$1" -v bl="$2" -v a="$3" -v b="$4" -v ca="$5" -v cb="$6" -v n="$n" 'BEGIN {
        printf "  %-34s wall %9.2f ms (%7.1f us/file)   cpu %9.2f ms (%7.1f us/file)\n", bl, a, a * 1000 / n, ca, ca * 1000 / n
        printf "  %-34s wall %9.2f ms (%7.1f us/file)   cpu %9.2f ms (%7.1f us/file)\n", l, b, b * 1000 / n, cb, cb * 1000 / n
        printf "  ratio: wall %.2fx, cpu %.2fx (baseline / %s; above 1 = mpyc faster)\n\n", a / b, (cb > 0 ? ca / cb : 0), l }'
}

if command -v hyperfine >/dev/null; then
    echo "== (a) one process per file, (b) mpyc tree mode vs one mpy-cross process per file (hyperfine)"
    hyperfine --warmup 1 --runs "$runs" -n "mpy-cross per file" "$run_ref_each" \
        -n "mpyc per file" "$run_mpyc_each" -n "mpy-cross per file, new outputs" "$run_ref_fresh" \
        -n "mpyc per file, new outputs" "$run_mpyc_fresh" -n "mpyc --tree (full rebuild)" "$run_mpyc_tree" \
        -n "mpyc --tree (nothing changed)" "$run_mpyc_noop"
    exit 0
fi

echo "(hyperfine not installed: own timing loop, best of $runs runs after a warm-up; mean in brackets)"
read -r ref_best ref_mean ref_cpu <<<"$(time_ms "$run_ref_each")"
read -r each_best each_mean each_cpu <<<"$(time_ms "$run_mpyc_each")"
read -r ref_fresh_best ref_fresh_mean ref_fresh_cpu <<<"$(time_ms "$run_ref_fresh")"
read -r fresh_best fresh_mean fresh_cpu <<<"$(time_ms "$run_mpyc_fresh")"
read -r tree_best tree_mean tree_cpu <<<"$(time_ms "$run_mpyc_tree")"
read -r noop_best noop_mean noop_cpu <<<"$(time_ms "$run_mpyc_noop")"
echo "== (a) one process per file, outputs already there with the same bytes (a re-run)"
report "mpyc -o X.mpy X.py" "mpy-cross -o X.mpy X.py" "$ref_best" "$each_best" "$ref_cpu" "$each_cpu"
echo "== (a') one process per file into an empty directory (every output new)"
report "mpyc -o X.mpy X.py" "mpy-cross -o X.mpy X.py" "$ref_fresh_best" "$fresh_best" "$ref_fresh_cpu" "$fresh_cpu"
echo "== (b) whole tree in one mpyc process (-B: every file compiled, -j $jobs)"
report "mpyc --tree DIR --out-dir OUT -B" "mpy-cross per file" "$ref_best" "$tree_best" "$ref_cpu" "$tree_cpu"
echo "== (b') the same tree when nothing changed (incremental check only)"
report "mpyc --tree DIR --out-dir OUT" "mpy-cross per file" "$ref_best" "$noop_best" "$ref_cpu" "$noop_cpu"
same=$(cd "$work" && diff -rq ref-out mpyc-out >/dev/null && echo "identical" || echo "DIFFERENT")
echo "outputs of the per-file runs: $same (mpy-cross vs mpyc, $n files)"
echo "(wall: best of $runs; cpu: mean per run, including the bash loop that starts each process)"
