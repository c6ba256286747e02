#!/usr/bin/env bash
# Reads a generated dyad-year panel of ROWS rows (default 1,000,000) with the release build and
# reports the wall time and peak RSS (/usr/bin/time). The file is generated in a temporary
# directory and removed; it is never committed. Usage: Benchmarks/panel.sh [rows]  (package root)
#
# The panel: 250 states, pairs drawn with a fixed seed, each pair listed in both directions (as
# ATOP and COW list dyad-years) for runs of consecutive years whose weight changes now and then.
set -euo pipefail
rows=${1:-1000000}
directory=$(mktemp -d)
trap 'rm -rf "$directory"' EXIT
python3 - "$rows" "$directory/panel.csv" <<'PY'
import random, sys
rows, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(1816)
written = 0
drawn = set()
with open(path, "w") as f:
    f.write("source,target,type,weight,year\n")
    while written < rows:
        a, b = rng.sample(range(250), 2)
        # A pair is drawn once (250 * 249 / 2 = 31,125 pairs, runs of up to 60 years).
        if (min(a, b), max(a, b)) in drawn:
            continue
        drawn.add((min(a, b), max(a, b)))
        start = rng.randint(1816, 2000)
        weight = rng.randint(1, 5)
        for year in range(start, min(2016, start + rng.randint(1, 60)) + 1):
            if rng.random() < 0.05:
                weight = rng.randint(1, 5)
            f.write(f"S{a},S{b},security,{weight},{year}\nS{b},S{a},security,{weight},{year}\n")
            written += 2
            if written >= rows:
                break
PY
swift build -c release --package-path CLI --product entente >/dev/null
echo "panel: $(wc -l < "$directory/panel.csv") lines, $(du -m "$directory/panel.csv" | cut -f1) MB"
/usr/bin/time -f "read: %e s wall, %M KB peak RSS" CLI/.build/release/entente info "$directory/panel.csv" --json 2>&1 >/dev/null | grep -v '^entente: note'
CLI/.build/release/entente info "$directory/panel.csv" 2>&1 | grep -E "^(nodes|edges|entente: note)"
