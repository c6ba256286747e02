#!/usr/bin/env python3
"""Loading the largest world file, ready for algorithms, against igraph reading the same ties.

  python3 Benchmarks/world_load.py [--entente BIN] [--runs N]

Times, as whole processes and in one run: `entente info Graphs/world/igo.json` (read, validate,
build the graph and count its components) and a Python process that reads the same ties from CSV
(written by `entente convert`, into the ignored Benchmarks/graphs/) and builds an igraph Graph with
type, weight, since and until as edge attributes, then counts its components. Prints the medians
and the ratio (target: Entente <= 1 s and <= 1.0x igraph).
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
IGRAPH = """
import csv, sys, igraph as ig
index, src, dst, attrs = {}, [], [], {"type": [], "weight": [], "since": [], "until": []}
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        for end, out in ((row["source"], src), (row["target"], dst)):
            out.append(index.setdefault(end, len(index)))
        attrs["type"].append(row["type"]); attrs["weight"].append(float(row["weight"]))
        attrs["since"].append(int(row["since"]) if row["since"] else None)
        attrs["until"].append(int(row["until"]) if row["until"] else None)
g = ig.Graph(n=len(index), edges=list(zip(src, dst)), directed=False, edge_attrs=attrs)
print(g.vcount(), g.ecount(), len(g.connected_components()))
"""


def timed(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--entente", default=os.path.join(ROOT, "CLI/.build/release/entente"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    world = os.path.join(ROOT, "Graphs/world/igo.json")
    csv_path = os.path.join(HERE, "graphs", "world-igo.csv")
    os.makedirs(os.path.dirname(csv_path), exist_ok=True)
    subprocess.run([args.entente, "convert", world, "-o", csv_path], check=True, stderr=subprocess.DEVNULL)
    ours, theirs = [], []
    for round_ in range(args.runs + 1):  # the first round warms the page cache
        a = timed([args.entente, "info", world])
        b = timed([sys.executable, "-c", IGRAPH, csv_path])
        if round_:
            ours.append(a)
            theirs.append(b)
    e, i = statistics.median(ours), statistics.median(theirs)
    print(f"Graphs/world/igo.json ({os.path.getsize(world) / 1e6:.1f} MB): entente info {e:.3f} s; "
          f"igraph from CSV {i:.3f} s; ratio {e / i:.2f}x (targets: <= 1 s, <= 1.0x)")


if __name__ == "__main__":
    main()
