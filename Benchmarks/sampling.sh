#!/usr/bin/env bash
# The cost of the progress hook and the quality of sampled betweenness on the medium benchmark graph
# (release build). Fails when the sampled ranking agrees less than it must.
#
#   Benchmarks/sampling.sh                   3 runs of each timing
#   BENCH_RUNS=5 Benchmarks/sampling.sh
#
# 1. `entente-benchmark --ops progress_overhead`: exact betweenness under hops without and with a
#    progress hook, runs alternated; the overhead is median(with) / median(without) − 1 (target < 2 %).
# 2. `entente-benchmark --ops betweenness_sampled`: the time of betweenness from 500 sampled sources.
# 3. `entente centrality … --measure betweenness --metric length --json`, exact and with
#    `--samples 500 --seed 0`, then the Spearman rank correlation of the sampled values with the exact
#    ones over the exact top 100 nodes (average ranks for ties). Exit 1 when it is below 0.95.
#
# Environment: BENCH_RUNS (default 3), BENCH_SAMPLES (default 500; the sample of step 3),
# BENCH_OUT (default Benchmarks/graphs/results), PYTHON (python3).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${BENCH_RUNS:-3}
out=${BENCH_OUT:-Benchmarks/graphs/results}
python=${PYTHON:-python3}
samples=${BENCH_SAMPLES:-500}
seed=0
threshold=0.95

echo "building entente and entente-benchmark (release)" >&2
swift build -c release --product entente-benchmark >&2
swift build -c release --product entente >&2
bin=$(swift build -c release --show-bin-path)

mkdir -p Benchmarks/graphs "$out"
csv=Benchmarks/graphs/medium.csv
if [ ! -s "$csv" ]; then
    echo "generating $csv" >&2
    "$python" Benchmarks/gen_graph.py --nodes 10000 --edges 50000 --seed 42 --out "$csv"
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
results="$out/sampling.jsonl"
"$bin/entente-benchmark" "$csv" --graph medium --ops progress_overhead,betweenness_sampled --runs "$runs" --samples "$samples" \
    --label "$(git describe --always --dirty 2>/dev/null || echo unknown)" | tee "$results" >&2

exact="$out/betweenness-exact.json"
sampled="$out/betweenness-sampled.json"
start=$(date +%s.%N)
"$bin/entente" centrality "$csv" --measure betweenness --metric length --json > "$exact"
middle=$(date +%s.%N)
"$bin/entente" centrality "$csv" --measure betweenness --metric length --samples "$samples" --seed "$seed" --json > "$sampled"
end=$(date +%s.%N)
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

"$python" - "$results" "$exact" "$sampled" "$start" "$middle" "$end" "$threshold" "$load_before" "$load_after" <<'EOF'
import json
import sys

results, exact_path, sampled_path = sys.argv[1:4]
start, middle, end, threshold = map(float, sys.argv[4:8])
load_before, load_after = sys.argv[8:10]
lines = {entry["op"]: entry for entry in map(json.loads, open(results))}
exact = json.load(open(exact_path))["values"]
sampled_doc = json.load(open(sampled_path))
sampled = sampled_doc["values"]


def ranks(values):
    """1-based ranks, highest value first; tied values share the average of their ranks."""
    order = sorted(range(len(values)), key=lambda i: -values[i])
    result = [0.0] * len(values)
    position = 0
    while position < len(order):
        end = position
        while end + 1 < len(order) and values[order[end + 1]] == values[order[position]]:
            end += 1
        for k in range(position, end + 1):
            result[order[k]] = (position + end) / 2 + 1
        position = end + 1
    return result


def pearson(a, b):
    n = len(a)
    ma, mb = sum(a) / n, sum(b) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b))
    va = sum((x - ma) ** 2 for x in a) ** 0.5
    vb = sum((y - mb) ** 2 for y in b) ** 0.5
    return cov / (va * vb)


top = sorted(exact, key=lambda node: (-exact[node], node))[:100]
rho = pearson(ranks([exact[node] for node in top]), ranks([sampled[node] for node in top]))
overlap = len(set(top) & set(sorted(sampled, key=lambda node: (-sampled[node], node))[:100]))

plain, monitored = lines["betweenness_unmonitored"], lines["betweenness_monitored"]
sample_line = lines["betweenness_sampled"]
print("load average before %s, after %s" % (load_before, load_after))
print()
print("| measurement (medium, release) | value | target | met? |")
print("|---|---:|---:|:---:|")
print("| exact betweenness, hops, no hook (median of %d) | %.3f s | | |" % (len(plain["runs"]), plain["seconds"]))
print("| exact betweenness, hops, progress hook (median of %d, %d reports) | %.3f s | | |"
      % (len(monitored["runs"]), monitored["reports"], monitored["seconds"]))
print("| progress hook overhead, wall clock | %+.2f %% | < 2 %% | %s |"
      % (monitored["overhead"], "yes" if monitored["overhead"] < 2 else "**no**"))
print("| progress hook overhead, CPU time (%.1f s → %.1f s) | %+.2f %% | < 2 %% | %s |"
      % (plain["cpu_seconds"], monitored["cpu_seconds"], monitored["cpu_overhead"],
         "yes" if monitored["cpu_overhead"] < 2 else "**no**"))
print("| progress hook overhead, fastest runs | %+.2f %% | < 2 %% | %s |"
      % (monitored["min_overhead"], "yes" if monitored["min_overhead"] < 2 else "**no**"))
print("| the hook alone: cost per source (2 threads, one monitor) | %.0f ns | | |" % monitored["advance_ns"])
print("| the hook alone × 10,000 sources / the run without it | %.3f %% | < 2 %% | %s |"
      % (monitored["bound_overhead"], "yes" if monitored["bound_overhead"] < 2 else "**no**"))
print("| sampled betweenness, length, %d sources (in process, median of %d) | %.3f s | | |"
      % (sample_line["sources"], len(sample_line["runs"]), sample_line["seconds"]))
print("| `entente centrality --measure betweenness --metric length` (process) | %.2f s | | |" % (middle - start))
print("| the same with `--samples %d --seed 0` (process) | %.2f s | | |" % (sampled_doc["sampling"]["sources"], end - middle))
print("| Spearman ρ, sampled (%d sources) vs exact, over the exact top 100 | %.4f | ≥ %.2f | %s |"
      % (sample_line["sources"], rho, threshold, "yes" if rho >= threshold else "**no**"))
print("| nodes of the exact top 100 also in the sampled top 100 | %d | | |" % overlap)
if rho < threshold:
    print("sampling.sh: Spearman correlation %.4f is below %.2f" % (rho, threshold), file=sys.stderr)
    sys.exit(1)
EOF
