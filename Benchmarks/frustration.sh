#!/usr/bin/env bash
# Exact frustration, year by year, Entente against HiGHS on the AND model, in one run:
# derives the world's security network of every year 1946-2014 from Graphs/world/security.json
# (WORLD=path to use another copy; without it, generates year-like networks), then runs Benchmarks/frustration.py on them,
# unweighted and weighted. Output: Markdown tables on stdout, kept in Benchmarks/graphs/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
WORLD=${WORLD:-Graphs/world/security.json}
years=Benchmarks/graphs/years
out=Benchmarks/graphs/results
mkdir -p "$years" "$out"
if [ -f "$WORLD" ]; then
    "$PYTHON" Benchmarks/world_years.py --world "$WORLD" --out "$years"
else
    echo "$WORLD not found: generated year networks" >&2
    "$PYTHON" Benchmarks/gen_year_networks.py "$years"
fi
swift build -c release --package-path CLI --product entente >&2
{
    echo "Run of $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -sm); $(swift --version 2>/dev/null | head -1);"
    echo "HiGHS $("$PYTHON" -c 'import highspy; print(highspy.Highs().version())' 2>/dev/null | tail -1), $("$PYTHON" --version);"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)"
    echo
    echo "### Unweighted"
    echo
    "$PYTHON" Benchmarks/frustration.py --graphs "$years" | grep -v "^Running HiGHS\|^Includes third-party"
    echo
    echo "### Weighted"
    echo
    "$PYTHON" Benchmarks/frustration.py --graphs "$years" --weighted | grep -v "^Running HiGHS\|^Includes third-party"
} | tee "$out/frustration.md"
