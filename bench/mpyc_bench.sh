#!/usr/bin/env bash
# Benchmarks mpyc against the reference mpy-cross over a corpus of Python files and prints the
# times and ratios (it is not a test: nothing here passes or fails).
#
#   bench/mpyc_bench.sh --reference /path/to/mpy-cross [--mpyc PATH] [--corpus DIR]... [--runs N] [-j N]
#
#   (a) one process per file: `mpy-cross -o X f.py` for every file vs `mpyc -o X f.py` for every file
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
cat > "$work/per_file.sh" <<'SH'
#!/usr/bin/env bash
# $1: compiler, $2: file list, $3: output file
while IFS= read -r f; do "$1" -o "$3" "$f" || exit 1; done < "$2"
SH
run_ref_each="bash $work/per_file.sh $reference $work/files.txt $work/ref.mpy"
run_mpyc_each="bash $work/per_file.sh $mpyc $work/files.txt $work/mpyc.mpy"
run_mpyc_tree="$mpyc --tree $work/tree --out-dir $work/out -B -j $jobs"
run_mpyc_noop="$mpyc --tree $work/tree --out-dir $work/out -j $jobs"

echo "mpyc:      $mpyc ($("$mpyc" --version))"
echo "reference: $reference ($("$reference" --version))"
echo "corpus:    $n files, $bytes bytes (${corpora[*]}); $skipped file(s) skipped (rejected by one of the tools)"
echo "cpus:      $(nproc), tree mode -j $jobs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# time_ms CMD: prints "best mean" in milliseconds over $runs runs (after one warm-up run).
time_ms() {
    local cmd=$1 best="" sum=0 i t0 t1 ms
    eval "$cmd" >/dev/null 2>&1 || { echo "mpyc_bench: failed: $cmd" >&2; exit 1; }
    for ((i = 0; i < runs; i++)); do
        t0=$(date +%s%N)
        eval "$cmd" >/dev/null 2>&1
        t1=$(date +%s%N)
        ms=$(( (t1 - t0) / 1000 ))
        sum=$((sum + ms))
        if [ -z "$best" ] || ((ms < best)); then best=$ms; fi
    done
    awk -v b="$best" -v s="$sum" -v r="$runs" 'BEGIN { printf "%.2f %.2f", b / 1000, s / r / 1000 }'
}

report() {  # report LABEL BASELINE_LABEL MS_BASELINE MS_OTHER
    awk -v l="$1" -v bl="$2" -v a="$3" -v b="$4" -v n="$n" 'BEGIN {
        printf "  %-34s %9.2f ms  (%7.1f us/file)\n", bl, a, a * 1000 / n
        printf "  %-34s %9.2f ms  (%7.1f us/file)\n", l, b, b * 1000 / n
        printf "  ratio: %s is %.2fx %s\n\n", l, (b < a ? a / b : b / a), (b < a ? "faster" : "slower") }'
}

if command -v hyperfine >/dev/null; then
    echo "== (a) one process per file, (b) mpyc tree mode vs one mpy-cross process per file (hyperfine)"
    hyperfine --warmup 1 --runs "$runs" -n "mpy-cross per file" "$run_ref_each" \
        -n "mpyc per file" "$run_mpyc_each" -n "mpyc --tree (full rebuild)" "$run_mpyc_tree" \
        -n "mpyc --tree (nothing changed)" "$run_mpyc_noop"
    exit 0
fi

echo "(hyperfine not installed: own timing loop, best of $runs runs after a warm-up; mean in brackets)"
read -r ref_best ref_mean <<<"$(time_ms "$run_ref_each")"
read -r each_best each_mean <<<"$(time_ms "$run_mpyc_each")"
read -r tree_best tree_mean <<<"$(time_ms "$run_mpyc_tree")"
read -r noop_best noop_mean <<<"$(time_ms "$run_mpyc_noop")"
echo "== (a) one process per file"
report "mpyc -o X f.py" "mpy-cross -o X f.py" "$ref_best" "$each_best"
echo "== (b) whole tree in one mpyc process (-B: every file compiled, -j $jobs)"
report "mpyc --tree DIR --out-dir OUT -B" "mpy-cross per file" "$ref_best" "$tree_best"
echo "== (b') the same tree when nothing changed (incremental check only)"
report "mpyc --tree DIR --out-dir OUT" "mpy-cross per file" "$ref_best" "$noop_best"
echo "means: mpy-cross per file $ref_mean ms, mpyc per file $each_mean ms, tree $tree_mean ms, no-op tree $noop_mean ms"
