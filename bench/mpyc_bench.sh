#!/usr/bin/env bash
# Benchmarks mpyc against the reference mpy-cross over a corpus of Python files and prints the
# times and ratios.  It is not a test: nothing here passes or fails on timing (the exit status is
# non-zero only for bad arguments or an unusable corpus).
#
#   bench/mpyc_bench.sh --reference /path/to/mpy-cross [--mpyc PATH] [--corpus DIR]... [--runs N] [-j N]
#
#   (a)  one process per file, `mpy-cross -o X.mpy X.py` vs `mpyc -o X.mpy X.py`, outputs already
#        there (a re-run), (a') every output a new file, (a'') every output replacing different bytes;
#   (b)  mpyc's tree mode (`mpyc --tree DIR --out-dir OUT -B -j N`, all files in one process) vs one
#        mpy-cross process per file, and (b') mpyc's no-op incremental run of the same tree.
# Ratios are mpyc / mpy-cross (below 1: mpyc is faster; the goal for (a) is at most 0.80).
# Two figures each: wall time, and CPU time (user + system) -- on a loaded machine wall time also
# counts waiting for a CPU, CPU time does not.  Per-file runs are timed by bench/proc_time.py
# (python3): each child's own CPU time from wait4(), both compilers interleaved file by file,
# median over --runs rounds.  Without python3, a shell loop (its CPU figure then includes bash).
# The corpus is tests/corpus (if present) plus every --corpus DIR; only files that both compilers
# accept are timed.
set -uo pipefail

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
        -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

# time_loop CMD: prints "median-wall cpu-per-run" in ms over $runs runs after a warm-up, or
# "fail fail" if the command fails (the figures are then left out, the script goes on).
time_loop() {
    local cmd=$1 i t0 t1 walls=() cpu0 cpu1
    eval "$cmd" >/dev/null 2>&1 || { echo "fail fail"; return; }
    children_cpu_ms > "$work/cpu0.txt"
    for ((i = 0; i < runs; i++)); do
        t0=$(date +%s%N)
        eval "$cmd" >/dev/null 2>&1
        t1=$(date +%s%N)
        walls+=($(( (t1 - t0) / 1000 )))
    done
    children_cpu_ms > "$work/cpu1.txt"
    read -r cpu0 < "$work/cpu0.txt"
    read -r cpu1 < "$work/cpu1.txt"
    printf '%s\n' "${walls[@]}" | sort -n | awk -v r="$runs" -v c="$((cpu1 - cpu0))" \
        '{ w[NR] = $1 } END { m = (NR % 2) ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2; printf "%.3f %.3f\n", m / 1000, c / r }'
}

# per_file [--fresh|--stale]: times both compilers, one process per file; prints
# "ref_wall ref_cpu mpyc_wall mpyc_cpu" in ms for the whole list (or "fail ..." on failure).
per_file() {
    local fresh=${1:-}
    if command -v python3 >/dev/null; then
        python3 "$here/bench/proc_time.py" --runs "$runs" --files "$work/files.txt" $fresh \
            --label "ref=$reference=$work/ref-out" --label "mpyc=$mpyc=$work/mpyc-out" 2>"$work/proc_time.err" |
            awk '{ v[$1] = $2 " " $3 } END { if (("ref" in v) && ("mpyc" in v)) print v["ref"], v["mpyc"]; else print "fail fail fail fail" }'
        return
    fi
    local loop="$work/per_file.sh"
    cat > "$loop" <<'SH'
#!/usr/bin/env bash
# $1: compiler, $2: file list, $3: output directory, $4: --fresh (start from an empty one) or
# --stale (overwrite each output with other bytes first)
[ "${4:-}" = --fresh ] && rm -rf "$3"; mkdir -p "$3"
while IFS= read -r f; do
    n=${f##*/}; o="$3/${n%.py}.mpy"
    [ "${4:-}" = --stale ] && echo stale > "$o"
    "$1" -o "$o" "$f" || exit 1
done < "$2"
SH
    local r m
    r=$(time_loop "bash $loop $reference $work/files.txt $work/ref-out $fresh")
    m=$(time_loop "bash $loop $mpyc $work/files.txt $work/mpyc-out $fresh")
    echo "$r $m"
}

# report TITLE REF_LABEL REF_WALL REF_CPU LABEL WALL CPU: the two lines of figures and the ratios.
report() {
    echo "== $1"
    awk -v rl="$2" -v rw="$3" -v rc="$4" -v l="$5" -v w="$6" -v c="$7" -v n="$n" 'function line(label, wall, cpu) {
            if (wall == "fail") { printf "  %-34s FAILED (no figures)\n", label; return }
            printf "  %-34s wall %9.2f ms (%7.1f us/file)   cpu %9.2f ms (%7.1f us/file)\n", label, wall, wall * 1000 / n, cpu, cpu * 1000 / n }
        BEGIN {
            line(rl, rw, rc); line(l, w, c)
            if (rw == "fail" || w == "fail" || rw <= 0 || rc <= 0) { print "  ratio: n/a\n"; exit }
            printf "  ratio mpyc / mpy-cross: wall %.2fx, cpu %.2fx (below 1 = mpyc faster)\n\n", w / rw, c / rc }'
}

echo "(per-file runs: median of $runs rounds after a warm-up; ms for all $n files)"
read -r ref_wall ref_cpu each_wall each_cpu <<<"$(per_file)"
read -r ref_fresh_wall ref_fresh_cpu fresh_wall fresh_cpu <<<"$(per_file --fresh)"
read -r ref_stale_wall ref_stale_cpu stale_wall stale_cpu <<<"$(per_file --stale)"
read -r tree_wall tree_cpu <<<"$(time_loop "$mpyc --tree $work/tree --out-dir $work/out -B -j $jobs")"
read -r noop_wall noop_cpu <<<"$(time_loop "$mpyc --tree $work/tree --out-dir $work/out -j $jobs")"
[ -s "$work/proc_time.err" ] && sed 's/^/  /' "$work/proc_time.err"

report "(a) one process per file, outputs already there (a re-run)" \
    "mpy-cross -o X.mpy X.py" "$ref_wall" "$ref_cpu" "mpyc -o X.mpy X.py" "$each_wall" "$each_cpu"
report "(a') one process per file, every output a new file" \
    "mpy-cross -o X.mpy X.py" "$ref_fresh_wall" "$ref_fresh_cpu" "mpyc -o X.mpy X.py" "$fresh_wall" "$fresh_cpu"
report "(a'') one process per file, every output replacing one with other bytes" \
    "mpy-cross -o X.mpy X.py" "$ref_stale_wall" "$ref_stale_cpu" "mpyc -o X.mpy X.py" "$stale_wall" "$stale_cpu"
report "(b) whole tree in one mpyc process (-B: every file compiled, -j $jobs)" \
    "mpy-cross, one process per file" "$ref_wall" "$ref_cpu" "mpyc --tree DIR --out-dir OUT -B" "$tree_wall" "$tree_cpu"
report "(b') the same tree when nothing changed (incremental check only)" \
    "mpy-cross, one process per file" "$ref_wall" "$ref_cpu" "mpyc --tree DIR --out-dir OUT" "$noop_wall" "$noop_cpu"
same=$(cd "$work" && diff -rq ref-out mpyc-out >/dev/null 2>&1 && echo "identical" || echo "DIFFERENT")
echo "outputs of the per-file runs: $same (mpy-cross vs mpyc, $n files)"
echo "(tree mode: median wall of $runs runs; its cpu is per run, all threads)"
