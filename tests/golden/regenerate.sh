#!/usr/bin/env bash
# Regenerates the golden .mpy files from our own programs in tests/corpus with a REFERENCE
# compiler, MicroPython 1.27.0's or 1.28.0's mpy-cross, given by path (this script never builds
# anything):
#
#   tests/golden/regenerate.sh /path/to/mpy-cross [OUT_DIR]
#
# OUT_DIR (default: tests/golden itself) lets a test regenerate into a scratch directory and
# compare, to prove the committed goldens are up to date.
#
# With 1.27.0: every tests/corpus/**/*.py becomes OUT_DIR/**/*.mpy compiled with default flags,
# and every line "<name> <source> <flags...>" of variants.txt becomes OUT_DIR/<name>.mpy compiled
# with those flags; programs with a line "# compat: 1.28" (1.28's language only) are skipped.
# With 1.28.0: the same files are compiled, and OUT_DIR/1.28/<name>.mpy is written only where the
# bytes differ from the committed 1.27 golden (tests/golden/<name>.mpy) or there is none: the
# 1.28 goldens are overrides.  So run it with 1.27.0 first, then with 1.28.0.
# The stored source name is always the path relative to tests/corpus (-s), so a runtime
# importing the file from its working directory reports the same file name for .py and .mpy.
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 /path/to/mpy-cross [OUT_DIR]   (MicroPython 1.27.0's or 1.28.0's reference compiler)" >&2
    exit 2
fi
ref=$1
src_dir=$(cd "$(dirname "$0")" && pwd)
corpus=$(cd "$src_dir/../corpus" && pwd)
mkdir -p "${2:-$src_dir}"
here=$(cd "${2:-$src_dir}" && pwd)
version=$("$ref" --version)
case "$version" in
    *"v1.27.0"*"mpy v6.3"*) release=1.27 ;;
    *"v1.28.0"*"mpy v6.3"*) release=1.28 ;;
    *) echo "error: $ref is not mpy-cross 1.27.0 or 1.28.0 (it says: $version)" >&2; exit 1 ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Start from scratch so goldens of deleted programs do not linger.
if [ $release = 1.27 ]; then
    find "$here" -path "$here/1.28" -prune -o -name '*.mpy' -print0 | xargs -0 rm -f
    find "$here" -mindepth 1 -path "$here/1.28" -prune -o -type d -empty -print0 | xargs -0 rm -rf
else
    rm -rf "$here/1.28"
fi

count=0
# compile NAME SOURCE [FLAGS...]: one golden file.
compile() {
    local name=$1 source=$2
    shift 2
    if [ $release = 1.27 ]; then
        grep -q '^# compat: 1\.28' "$corpus/$source" && return 0
        mkdir -p "$(dirname "$here/$name.mpy")"
        "$ref" "$@" -s "$source" -o "$here/$name.mpy" "$corpus/$source"
    else
        mkdir -p "$(dirname "$tmp/$name.mpy")"
        "$ref" "$@" -s "$source" -o "$tmp/$name.mpy" "$corpus/$source"
        cmp -s "$tmp/$name.mpy" "$src_dir/$name.mpy" && return 0
        mkdir -p "$(dirname "$here/1.28/$name.mpy")"
        cp "$tmp/$name.mpy" "$here/1.28/$name.mpy"
    fi
    count=$((count + 1))
}

while IFS= read -r rel; do
    compile "${rel%.py}" "$rel"
done < <(cd "$corpus" && find . -name '*.py' | sed 's|^\./||' | LC_ALL=C sort)

while read -r name source flags; do
    case "$name" in ''|'#'*) continue ;; esac
    # shellcheck disable=SC2086  # flags are a word list on purpose
    compile "$name" "$source" $flags
done < "$src_dir/variants.txt"
if [ $release = 1.27 ]; then
    echo "wrote $count golden files with: $version"
else
    echo "wrote $count 1.28 golden files (where 1.28 differs from the 1.27 ones) with: $version"
fi
