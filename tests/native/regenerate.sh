#!/usr/bin/env bash
# Regenerates the native-code golden .mpy files from our own programs in tests/native, with a
# REFERENCE compiler, MicroPython 1.27.0's or 1.28.0's mpy-cross, given by path (builds nothing):
#
#   tests/native/regenerate.sh /path/to/mpy-cross [OUT_DIR]
#
# The goldens go to tests/native/expected/<version>/ (or OUT_DIR), the error texts to
# tests/native/errors/ (or OUT_DIR/errors); 1.27 and 1.28 reject the error cases alike.
# Every tests/native/<program>.py becomes <program>.mpy compiled with `-march=x64`, and every
# line "<name> <source> <flags...>" of variants.txt becomes <name>.mpy compiled with those flags,
# and for every line "<arch> <pattern>..." of archs.txt each matching program becomes
# <arch>/<program>.mpy compiled with `-march=<arch>` ("<arch>@<release>": for that release only).
# The stored source name is the program's file name (-s <program>.py).  OUT_DIR lets a check
# regenerate into a scratch directory and compare.
# Also records errors/<case>.expected: what the reference prints for each errors/<case>.py it
# rejects (the format of tests/errors, checked by tests/errors/check_error.sh); a case's first
# line "# flags: F..." gives its flags.
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 /path/to/mpy-cross [OUT_DIR]   (MicroPython 1.27.0's or 1.28.0's reference compiler)" >&2
    exit 2
fi
ref=$1
src_dir=$(cd "$(dirname "$0")" && pwd)
version=$("$ref" --version)
case "$version" in
    *"v1.27.0"*"mpy v6.3"*) release=1.27 ;;
    *"v1.28.0"*"mpy v6.3"*) release=1.28 ;;
    *) echo "error: $ref is not mpy-cross 1.27.0 or 1.28.0 (it says: $version)" >&2; exit 1 ;;
esac
mkdir -p "${2:-$src_dir/expected/$release}"
here=$(cd "${2:-$src_dir/expected/$release}" && pwd)
errors_out=${2:+$here/errors}
errors_out=${errors_out:-$src_dir/errors}

# Start from scratch so goldens of deleted programs do not linger.
find "$here" -maxdepth 1 -name '*.mpy' -delete
while read -r arch _; do
    case "$arch" in ''|'#'*) continue ;; esac
    arch=${arch%@*}
    mkdir -p "$here/$arch"
    find "$here/$arch" -maxdepth 1 \( -name '*.mpy' -o -name '*.txt' \) -delete
done < "$src_dir/archs.txt"

count=0
for src in "$src_dir"/*.py; do
    rel=$(basename "$src")
    "$ref" -march=x64 -s "$rel" -o "$here/${rel%.py}.mpy" "$src"
    count=$((count + 1))
done

while read -r arch patterns; do
    case "$arch" in ''|'#'*) continue ;; esac
    # "<arch>@<release>": only that release compiles these (1.27 has no asm_xtensa for xtensawin).
    case "$arch" in *@*) [ "${arch#*@}" = "$release" ] || continue; arch=${arch%@*} ;; esac
    for pattern in $patterns; do
        for src in "$src_dir"/$pattern; do
            rel=$(basename "$src")
            # -march=debug prints its trace on stdout: kept beside the .mpy (even when empty).
            "$ref" -march="$arch" -s "$rel" -o "$here/$arch/${rel%.py}.mpy" "$src" >"$here/$arch/${rel%.py}.txt"
            [ "$arch" = debug ] || rm "$here/$arch/${rel%.py}.txt"
            count=$((count + 1))
        done
    done
done < "$src_dir/archs.txt"

while read -r name source flags; do
    case "$name" in ''|'#'*) continue ;; esac
    # shellcheck disable=SC2086  # flags are a word list on purpose
    mkdir -p "$(dirname "$here/$name.mpy")"
    "$ref" $flags -s "$source" -o "$here/$name.mpy" "$src_dir/$source" >"$here/$name.txt"
    case " $flags " in *" -march=debug "*) ;; *) rm "$here/$name.txt" ;; esac
    count=$((count + 1))
done < "$src_dir/variants.txt"

mkdir -p "$errors_out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$errors_out" -maxdepth 1 -name '*.expected' -delete
for src in "$src_dir"/errors/*.py; do
    name=$(basename "$src" .py)
    read -r -a flags < <(sed -n '1s/^# flags: *//p' "$src") || true
    # Run from the cases directory with a relative name, as check_error.sh does.
    if (cd "$src_dir/errors" && "$ref" "${flags[@]}" -o "$tmp/$name.mpy" "$name.py") >"$tmp/out" 2>&1; then
        echo "error: the reference ACCEPTS errors/$name.py; it is not an error case" >&2
        exit 1
    fi
    cp "$tmp/out" "$errors_out/$name.expected"
    count=$((count + 1))
done
echo "wrote $count golden files with: $version"
