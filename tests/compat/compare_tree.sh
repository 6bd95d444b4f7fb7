#!/usr/bin/env bash
# Compiles every .py under the given directories with the reference mpy-cross and with mpyc
# (same arguments, so the same stored source name) and reports how their results compare:
# identical output, different output, both rejected (with the same or a different message),
# rejected by only one of them. Lists the files in every category but "identical".
# Builds nothing; takes paths:
#
#   tests/compat/compare_tree.sh REF_MPY_CROSS MPYC DIR...
#
# Extra compiler flags for both can be given in $COMPARE_FLAGS (e.g. COMPARE_FLAGS="-O2").
# Exit status: 0 if mpyc agreed with the reference on every file, 1 otherwise.
set -uo pipefail
if [ $# -lt 3 ]; then
    echo "usage: $0 REF_MPY_CROSS MPYC DIR..." >&2
    exit 2
fi
ref=$1 mpyc=$2
shift 2
read -r -a flags <<< "${COMPARE_FLAGS:-}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

identical=0 different=0 both_same=0 both_diffmsg=0 only_ref=0 only_mpyc=0 total=0
list_different=() list_both_diffmsg=() list_only_ref=() list_only_mpyc=()
while IFS= read -r -d '' src; do
    total=$((total + 1))
    rm -f "$tmp/ref.mpy" "$tmp/mpyc.mpy"
    "$ref" "${flags[@]}" -o "$tmp/ref.mpy" "$src" >"$tmp/ref.err" 2>&1
    rs=$?
    timeout 60 "$mpyc" "${flags[@]}" -o "$tmp/mpyc.mpy" "$src" >"$tmp/mpyc.err" 2>&1
    ms=$?
    if [ $rs -eq 0 ] && [ $ms -eq 0 ]; then
        if cmp -s "$tmp/ref.mpy" "$tmp/mpyc.mpy"; then
            identical=$((identical + 1))
        else
            different=$((different + 1))
            list_different+=("$src ($(cmp "$tmp/ref.mpy" "$tmp/mpyc.mpy" 2>&1 | sed 's/.*differ: //; s/.*EOF on .*mpyc.mpy.*/mpyc output is a prefix/; s/.*EOF on .*ref.mpy.*/reference output is a prefix/'))")
        fi
    elif [ $rs -ne 0 ] && [ $ms -ne 0 ]; then
        if cmp -s "$tmp/ref.err" "$tmp/mpyc.err"; then
            both_same=$((both_same + 1))
        else
            both_diffmsg=$((both_diffmsg + 1))
            # Show the first line where the two messages differ.
            n=$(cmp "$tmp/ref.err" "$tmp/mpyc.err" 2>/dev/null | sed -n 's/.*, line \([0-9]*\)$/\1/p')
            n=${n:-1}
            list_both_diffmsg+=("$src (message line $n): ref '$(sed -n "${n}p" "$tmp/ref.err")' / mpyc '$(sed -n "${n}p" "$tmp/mpyc.err")'")
        fi
    elif [ $rs -ne 0 ]; then
        only_ref=$((only_ref + 1))
        list_only_ref+=("$src: $(tail -n 1 "$tmp/ref.err")")
    else
        only_mpyc=$((only_mpyc + 1))
        list_only_mpyc+=("$src: $(tail -n 1 "$tmp/mpyc.err")")
    fi
done < <(find "$@" -name '*.py' -type f -print0 | sort -z)

show() {
    local title=$1; shift
    [ $# -gt 0 ] || return 0
    echo "$title:"
    printf '  %s\n' "$@"
}
show "different output" "${list_different[@]}"
show "both rejected, different message" "${list_both_diffmsg[@]}"
show "rejected only by the reference" "${list_only_ref[@]}"
show "rejected only by mpyc" "${list_only_mpyc[@]}"
echo "files:                              $total"
echo "identical output:                   $identical"
echo "different output:                   $different"
echo "both rejected (same message):       $both_same"
echo "both rejected (different message):  $both_diffmsg"
echo "rejected only by the reference:     $only_ref"
echo "rejected only by mpyc:              $only_mpyc"
[ $((different + both_diffmsg + only_ref + only_mpyc)) -eq 0 ]
