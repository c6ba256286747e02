#!/usr/bin/env bash
# Compares Entente's in-process rendering (libgvc, median of N) with the Graphviz program on the
# same DOT text. Usage: Benchmarks/render.sh [graph.json] [runs] [layout]   (from the package root)
set -euo pipefail
graph=${1:-Graphs/pakistan.json}
runs=${2:-20}
layout=${3:-neato}
source_file=$(mktemp --suffix=.gv)
trap 'rm -f "$source_file"' EXIT
swift build -c release --product render-benchmark >/dev/null
.build/release/render-benchmark "$graph" "$runs" "$layout" "$source_file"
if ! command -v "$layout" >/dev/null; then
    echo "($layout program not installed: no comparison)"
    exit 0
fi
times=()
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$layout" -Tsvg "$source_file" >/dev/null
    times+=($(( ($(date +%s%N) - start) / 1000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) / 1000 }')
echo "$layout -Tsvg program (process start, plugin loading, layout, render): median $median ms over $runs runs"
