#!/usr/bin/env bash
# Regenerates the golden .mpy files from our own programs in tests/corpus with the REFERENCE
# compiler, MicroPython 1.27.0's mpy-cross, given by path (this script never builds anything):
#
#   tests/golden/regenerate.sh /path/to/mpy-cross [OUT_DIR]
#
# OUT_DIR (default: tests/golden itself) lets a test regenerate into a scratch directory and
# compare, to prove the committed goldens are up to date.
#
# Every tests/corpus/**/*.py becomes tests/golden/**/*.mpy compiled with default flags, and
# every line "<name> <source> <flags...>" of variants.txt becomes <name>.mpy compiled with those
# flags. The stored source name is always the path relative to tests/corpus (-s), so a runtime
# importing the file from its working directory reports the same file name for .py and .mpy.
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 /path/to/mpy-cross [OUT_DIR]   (MicroPython 1.27.0's reference compiler)" >&2
    exit 2
fi
ref=$1
src_dir=$(cd "$(dirname "$0")" && pwd)
corpus=$(cd "$src_dir/../corpus" && pwd)
mkdir -p "${2:-$src_dir}"
here=$(cd "${2:-$src_dir}" && pwd)
version=$("$ref" --version)
case "$version" in
    *"v1.27.0"*"mpy v6.3"* | *"v1.28.0"*"mpy v6.3"*) ;;
    *) echo "error: $ref is not mpy-cross 1.27.0 or 1.28.0 (it says: $version)" >&2; exit 1 ;;
esac

# Start from scratch so goldens of deleted programs do not linger.
find "$here" -name '*.mpy' -delete
find "$here" -mindepth 1 -type d -empty -delete

count=0
while IFS= read -r rel; do
    out="$here/${rel%.py}.mpy"
    mkdir -p "$(dirname "$out")"
    "$ref" -s "$rel" -o "$out" "$corpus/$rel"
    count=$((count + 1))
done < <(cd "$corpus" && find . -name '*.py' | sed 's|^\./||' | LC_ALL=C sort)

while read -r name source flags; do
    case "$name" in ''|'#'*) continue ;; esac
    # shellcheck disable=SC2086  # flags are a word list on purpose
    "$ref" $flags -s "$source" -o "$here/$name.mpy" "$corpus/$source"
    count=$((count + 1))
done < "$src_dir/variants.txt"
echo "wrote $count golden files with: $version"
