#!/usr/bin/env python3
"""`entente timeline` against a networkx loop over the same years, in one run (`make bench`).

  timeline.py --entente BIN [--graph Graphs/world/security.json] [--from 1816] [--to 2014] [--runs 3]

Entente: `entente timeline GRAPH --measure betweenness --from Y1 --to Y2 --top 10` and the same with
`--json` (every node's value of every year printed), each a whole process. networkx: one Python
process that reads the same JSON file and, for every year, builds the graph `--at YEAR` sees (the
nodes that exist that year, the cooperative ties that hold then, parallel ties merged with cost =
the smallest 1/weight) and runs betweenness_centrality(weight="cost"), as Entente's default metric
(strength) does. Targets (issue "Through time"): Entente <= 2 s as a whole process, and <= 0.2x the
networkx loop. Prints a markdown table; the median of --runs runs after one warm-up.

Then the sweeps of `balance` and `communities` over 1946-2014 (every year's frustration proven by
the exact search; every year's Leiden blocs, labelled across years), with --json so that every
value is printed, one run each: no peer computes either sweep (networkx has no frustration index).
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

NETWORKX_LOOP = r'''
import json, sys
import networkx as nx
path, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
graph = json.load(open(path))
def exists(node, year):
    spells = node.get("spells") or [{"since": node.get("since"), "until": node.get("until")}]
    return any((s.get("since") is None or s["since"] <= year) and (s.get("until") is None or year <= s["until"]) for s in spells)
def holds(edge, year):
    return (edge.get("since") is None or edge["since"] <= year) and (edge.get("until") is None or year <= edge["until"])
values = {}
for year in range(first, last + 1):
    G = nx.Graph()
    present = {n["id"] for n in graph["nodes"] if exists(n, year)}
    G.add_nodes_from(present)
    for e in graph["edges"]:
        if e.get("polarity", "cooperative") != "cooperative" or not holds(e, year):
            continue
        if e["source"] not in present or e["target"] not in present:
            continue
        cost = 1.0 / e.get("weight", 1)
        if G.has_edge(e["source"], e["target"]):
            cost = min(cost, G[e["source"]][e["target"]]["cost"])
        G.add_edge(e["source"], e["target"], cost=cost)
    if G.number_of_edges():
        values[year] = nx.betweenness_centrality(G, weight="cost")
print(len(values))
'''


def timed(cmd):
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.decode(errors='replace')}")
    return elapsed, len(proc.stdout)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entente", required=True)
    ap.add_argument("--graph", default=os.path.join(here, "..", "Graphs", "world", "security.json"))
    ap.add_argument("--from", dest="first", type=int, default=1816)
    ap.add_argument("--to", dest="last", type=int, default=2014)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    base = [args.entente, "timeline", args.graph, "--measure", "betweenness", "--from", str(args.first), "--to", str(args.last),
            "--quiet"]
    jobs = [("entente timeline (table, top 10)", base + ["--top", "10"]),
            ("entente timeline --json (every node)", base + ["--top", "100000", "--json"]),
            ("networkx loop (betweenness per year)", [sys.executable, "-c", NETWORKX_LOOP, args.graph, str(args.first), str(args.last)])]
    times = {label: [] for label, _ in jobs}
    sizes = {}
    for round_ in range(args.runs + 1):
        for label, cmd in jobs:
            elapsed, size = timed(cmd)
            if round_ > 0:
                times[label].append(elapsed)
            sizes[label] = size
    median = {label: statistics.median(values) for label, values in times.items()}
    peer = median["networkx loop (betweenness per year)"]
    years = args.last - args.first + 1
    print(f"{years} years ({args.first}–{args.last}) of {os.path.basename(args.graph)}, median of {args.runs} runs, whole processes")
    print()
    print("| job | time | against networkx | target |")
    print("|---|---:|---:|---|")
    met = True
    for label, _ in jobs:
        if label.startswith("entente"):
            ratio = median[label] / peer
            ok = median[label] <= 2.0 and ratio <= 0.2
            met = met and ok
            print(f"| `{label}` | {median[label]:.2f} s | {ratio:.3f}× | ≤ 2 s and ≤ 0.2×: {'met' if ok else 'not met'} |")
        else:
            print(f"| {label} | {median[label]:.2f} s | 1× | |")
    print()
    print("| sweep, 1946–2014, whole process with --json | time | years proven optimal |")
    print("|---|---:|---:|")
    for label, cmd in [("entente balance --from 1946 --to 2014", [args.entente, "balance", args.graph, "--from", "1946", "--to", "2014", "--quiet", "--json"]),
                       ("entente communities --from 1946 --to 2014", [args.entente, "communities", args.graph, "--from", "1946", "--to", "2014", "--quiet", "--json"])]:
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            print(f"| `{label}` | failed: {proc.stderr.decode(errors='replace').strip()} | |")
            met = False
            continue
        exact = ""
        if "balance" in label:
            import json
            rows = json.loads(proc.stdout)["years"]
            exact = f"{sum(r['exact'] for r in rows)} of {len(rows)}"
        print(f"| `{label}` | {elapsed:.2f} s | {exact} |")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
