#!/usr/bin/env bash
# Entente against igraph and networkit on the benchmark graphs, in one run (`make bench`).
#
#   Benchmarks/compare.sh                      medium and large graphs, median of 3 runs
#   BENCH_GRAPHS=medium BENCH_RUNS=5 Benchmarks/compare.sh
#
# Environment:
#   BENCH_GRAPHS       graphs to run, from: small medium large (default "medium large")
#   BENCH_RUNS         timed runs per measurement, the median is reported (default 3)
#   BENCH_ALL_PAIRS    graphs on which the all-pairs ops (betweenness, closeness) run (default
#                      "small medium"; on large one run takes many minutes in every library)
#   BENCH_CAP          seconds after which a peer's single run is abandoned (default 300)
#   BENCH_OUT          where the JSON lines and the table go (default Benchmarks/graphs/results)
#   PYTHON             the Python with (or to receive) igraph and networkit (default python3)
#
# Builds Entente in release, generates the graphs into Benchmarks/graphs/ (ignored by git), runs
# entente-benchmark, Benchmarks/peers.py and the whole-process comparison on the same graphs, and
# prints the markdown table of Benchmarks/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

graphs=${BENCH_GRAPHS:-medium large}
runs=${BENCH_RUNS:-3}
all_pairs=${BENCH_ALL_PAIRS:-small medium}
cap=${BENCH_CAP:-300}
out=${BENCH_OUT:-Benchmarks/graphs/results}
python=${PYTHON:-python3}

all_pairs_ops="betweenness,betweenness_weighted,closeness_weighted"
other_ops="load,dijkstra,bfs,pagerank_weighted,eigenvector,louvain,leiden"

if ! "$python" -c 'import igraph, networkit' 2>/dev/null; then
    echo "installing igraph and networkit (pip)" >&2
    "$python" -m pip install --quiet "igraph==1.0.0" "networkit==11.3"
fi

echo "building entente and entente-benchmark (release)" >&2
swift build -c release --product entente-benchmark >&2
swift build -c release --package-path CLI --product entente >&2
bin=$(swift build -c release --show-bin-path)
cli=$(swift build -c release --package-path CLI --show-bin-path)
label=$(git describe --always --dirty 2>/dev/null || echo unknown)

mkdir -p Benchmarks/graphs "$out"
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
results="$out/results.jsonl"
: > "$results"

for graph in $graphs; do
    case $graph in
        small) nodes=1000; edges=5000 ;;
        medium) nodes=10000; edges=50000 ;;
        large) nodes=100000; edges=500000 ;;
        *) echo "unknown graph '$graph' (expected small, medium or large)" >&2; exit 64 ;;
    esac
    csv=Benchmarks/graphs/$graph.csv
    if [ ! -s "$csv" ]; then
        echo "generating $csv" >&2
        "$python" Benchmarks/gen_graph.py --nodes "$nodes" --edges "$edges" --seed 42 --out "$csv"
    fi
    echo "== $graph: Entente" >&2
    "$bin/entente-benchmark" "$csv" --graph "$graph" --ops "$other_ops,parse,adjacency" --runs "$runs" \
        --label "$label" | tee -a "$results" >&2
    echo "== $graph: igraph, networkit" >&2
    "$python" Benchmarks/peers.py --csv "$csv" --graph "$graph" --ops "$other_ops" --runs "$runs" --cap "$cap" \
        | tee -a "$results" >&2
    echo "== $graph: whole processes" >&2
    "$python" Benchmarks/compare.py processes --entente "$cli/entente" --csv "$csv" --graph "$graph" \
        --from n0 --to "n$((nodes - 1))" --runs "$runs" --label "$label" | tee -a "$results" >&2
    if [[ " $all_pairs " == *" $graph "* ]]; then
        # One op at a time, Entente then the peers, so that the load of a shared machine (other
        # builds) weighs on the numbers that are compared within minutes of each other.
        for op in ${all_pairs_ops//,/ }; do
            echo "== $graph: $op" >&2
            "$bin/entente-benchmark" "$csv" --graph "$graph" --ops "$op" --runs "$runs" --label "$label" \
                | tee -a "$results" >&2
            "$python" Benchmarks/peers.py --csv "$csv" --graph "$graph" --ops "$op" --runs "$runs" --cap "$cap" \
                | tee -a "$results" >&2
        done
    fi
done

if [[ " $graphs " == *" large "* ]]; then
    # Every output path of the CLI on the large graph, with igraph's PageRank script in the same loop.
    echo "== large: output paths" >&2
    "$python" Benchmarks/output.py --entente "$cli/entente" --csv Benchmarks/graphs/large.csv --runs "$runs" \
        --jsonl "$out/output.jsonl" | tee "$out/output.md" >&2 || true
    # entente timeline over the world's 199 years against a networkx loop over the same years.
    echo "== world security network: timeline of betweenness, 1816-2014" >&2
    "$python" Benchmarks/timeline.py --entente "$cli/entente" --runs "$runs" | tee "$out/timeline.md" >&2 || true
    # Peak memory per edge of info and convert on a 2,000,000-edge CSV, against igraph's reading.
    echo "== 2,000,000 edges: peak memory" >&2
    "$python" Benchmarks/memory.py --entente "$cli/entente" | tee "$out/memory.md" >&2 || true
fi

load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
{
    echo "Run of $(date -u +%Y-%m-%d), $(nproc) cores (${cpu:-unknown CPU}), $(uname -sm);"
    echo "$(swift --version 2>/dev/null | head -n 1); Python $("$python" -c 'import platform; print(platform.python_version())');"
    echo "median of $runs runs; load average before $load_before, after $load_after."
    echo
    "$python" Benchmarks/compare.py table "$results"
    if [ -s "$out/output.md" ]; then echo; cat "$out/output.md"; fi
} | tee "$out/table.md"
