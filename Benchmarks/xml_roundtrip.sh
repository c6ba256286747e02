#!/usr/bin/env bash
# Writes the benchmark graph (gen_graph.py, default 500,000 edges) as Entente's own GraphML and GEXF,
# reads each back with the release build, and checks that the graph read is the graph written (the
# JSON of both, byte for byte). Reports sizes, times and peak RSS. Files are generated in a
# temporary directory and removed. Usage: Benchmarks/xml_roundtrip.sh [edges]  (package root)
set -euo pipefail
edges=${1:-500000}
directory=$(mktemp -d)
trap 'rm -rf "$directory"' EXIT
swift build -c release --package-path CLI --product entente >/dev/null
entente=CLI/.build/release/entente
python3 Benchmarks/gen_graph.py --nodes $((edges / 10)) --edges "$edges" --seed 1 --out "$directory/graph.csv"
"$entente" convert "$directory/graph.csv" -o "$directory/reference.json" 2>/dev/null
for format in graphml gexf; do
    /usr/bin/time -f "write $format: %e s, %M KB peak RSS" "$entente" convert "$directory/reference.json" -o "$directory/graph.$format"
    echo "$format: $(du -m "$directory/graph.$format" | cut -f1) MB"
    /usr/bin/time -f "read $format: %e s, %M KB peak RSS" "$entente" convert "$directory/graph.$format" -o "$directory/back.json"
    if cmp -s "$directory/reference.json" "$directory/back.json"; then
        echo "$format: round trip identical"
    else
        echo "$format: round trip DIFFERS"
        exit 1
    fi
done
