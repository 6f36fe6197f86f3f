#!/bin/sh
# Checks that a build writes byte-identical output to a reference: the JSON brief of every cluster folder
# under DIR, the example's brief in every format, and `eval`'s scores on Multi-News dev. A speed change must
# leave all of it unchanged.
#   scripts/same_briefs.sh write REF_DIR BINARY DIR   writes the reference with one build (e.g. main's)
#   scripts/same_briefs.sh check REF_DIR BINARY DIR   compares another build against it; exit 1 on a difference
# Usage: scripts/same_briefs.sh write|check REF_DIR BINARY DIR
[ $# -eq 4 ] || { echo "usage: $0 write|check REF_DIR BINARY DIR" >&2; exit 2; }
mode=$1 ref=$2 bin=$3 dir=$4
out=$ref
[ "$mode" = check ] && out=$(mktemp -d)
mkdir -p "$out"
for d in "$dir"/*/; do
    n=$(basename "$d")
    "$bin" brief "$d" --format json >"$out/$n.json" 2>"$out/$n.err"
    echo $? >>"$out/$n.err"
done
root=$(dirname "$0")/..
for f in json md html; do
    "$bin" brief "$root/examples/reset" --format $f >"$out/example.$f" 2>&1
done
"$bin" eval "$root/../shared/data/multinews/dev.jsonl" --words 300 --truncate --format json 2>&1 | sed "s/\"seconds\":[0-9.e-]*//" >"$out/eval.json"
[ "$mode" = check ] || exit 0
if diff -rq "$ref" "$out"; then
    echo "identical: $(ls "$out" | wc -l) files"
    rm -r "$out"
else
    echo "DIFFERENT (new output kept in $out)"
    exit 1
fi
