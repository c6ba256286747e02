#!/usr/bin/env python3
"""networkx reference values for Katz centrality with Entente's default alpha, 0.9/lambda_max.

Run from anywhere:  python3 Tests/EntenteTests/Fixtures/make_katz_fixtures.py

Writes  graphs/katz-2100.csv (a 2100-node Barabasi-Albert graph, seed 13, integer weights 1..5 drawn
        with random.Random(13): above Entente's 2000-node limit for the direct solve, so Katz runs its
        Jacobi iteration and its convergence test), and katz.json.
Each case: the graph file (relative to the package root), lambda_max = max |eigenvalue| of the
weighted adjacency of the cooperative edges (parallel edges summed, as make_fixtures.build does),
alpha = 0.9 / lambda_max (networkx's own default, 0.1, when lambda_max is 0: a directed acyclic
graph, graphs/dag.json), and nx.katz_centrality_numpy(G, alpha, beta=1, weight="weight").
Needs networkx, numpy and scipy.
"""

import json
import os
import random
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, HERE)
from make_fixtures import build, fl, lambda_max  # noqa: E402  (same graph building as the other fixtures)


def load_csv(path):
    import csv
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    ids = []
    for r in rows:
        for k in ("source", "target"):
            if r[k] not in ids:
                ids.append(r[k])
    return {"directed": False, "nodes": [{"id": i} for i in ids],
            "edges": [{"source": r["source"], "target": r["target"], "type": "economic",
                       "weight": float(r["weight"]), "polarity": "cooperative"} for r in rows]}


def write_big(path):
    G = nx.barabasi_albert_graph(2100, 2, seed=13)
    rng = random.Random(13)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("source,target,weight\n")
        for u, v in G.edges():
            f.write("n%d,n%d,%d\n" % (u, v, rng.randint(1, 5)))


def case(file, g):
    G = build(g)
    lam = lambda_max(G)
    if abs(lam) < 1e-12:  # no cycle: the adjacency is nilpotent, every alpha converges
        lam = 0.0
    alpha = 0.9 / lam if lam > 0 else 0.1
    values = nx.katz_centrality_numpy(G, alpha=alpha, beta=1.0, weight="weight")
    return {"file": file, "lambdaMax": lam, "alpha": alpha, "values": fl(values)}


def main():
    big = os.path.join(HERE, "graphs", "katz-2100.csv")
    write_big(big)
    cases = []
    for file in ("Graphs/pakistan.json", "Graphs/awaam-agenda.json",
                 "Tests/EntenteTests/Fixtures/graphs/karate.json",
                 "Tests/EntenteTests/Fixtures/graphs/relations.json",
                 "Tests/EntenteTests/Fixtures/graphs/disconnected.json",
                 "Tests/EntenteTests/Fixtures/graphs/dag.json"):
        with open(os.path.join(ROOT, file), encoding="utf-8") as f:
            cases.append(case(file, json.load(f)))
    cases.append(case("Tests/EntenteTests/Fixtures/graphs/katz-2100.csv", load_csv(big)))
    with open(os.path.join(HERE, "katz.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump({"generator": "make_katz_fixtures.py", "networkx": nx.__version__, "cases": cases},
                  f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
