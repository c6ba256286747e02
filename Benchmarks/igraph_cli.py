#!/usr/bin/env python3
"""The jobs of `entente centrality --measure pagerank --top N` and `entente path --metric length`,
done with igraph in one Python process and printed as Entente prints them, so that
Benchmarks/compare.py can time both as whole processes (start, import, CSV load, compute, print)
and compare their peak memory and their output.

  igraph_cli.py centrality GRAPH.csv [--top N]
  igraph_cli.py path GRAPH.csv FROM TO

The CSV is read as Benchmarks/peers.py reads it (Python csv module, then one igraph Graph with
`type` and `weight` edge attributes and `name` vertex attributes).
"""
import argparse
import math
import sys

import igraph as ig

from peers import read_edges


def load(path):
    """The graph and the index of every node name, built exactly as peers.py's igraph load."""
    index, names, src, dst, types, weights = read_edges(path)
    g = ig.Graph(n=len(names), edges=list(zip(src, dst)), directed=False,
                 vertex_attrs={"name": names}, edge_attrs={"type": types, "weight": weights})
    return g, index


def format_number(value):
    """Entente's TextFormat.number: whole numbers without a point, others in shortest round-trip form."""
    if value == round(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def significant(value, digits):
    """Entente's TextFormat.number(_:significantDigits:) (rounding half away from zero)."""
    if not math.isfinite(value) or value == 0:
        return format_number(value)
    shift = digits - 1 - math.floor(math.log10(abs(value)))
    scaled = value * 10 ** shift if shift >= 0 else value / 10 ** -shift
    rounded = math.copysign(math.floor(abs(scaled) + 0.5), scaled)
    return format_number(rounded / 10 ** shift if shift >= 0 else rounded * 10 ** -shift)


def centrality(args):
    g, _ = load(args.graph)
    values = g.pagerank(directed=False, damping=0.85, weights="weight")
    names = g.vs["name"]
    rows = sorted(range(len(values)), key=lambda i: (-values[i], names[i]))[: args.top]
    table = [["id", "label", "pagerank"]] + [[names[i], names[i], f"{values[i]:.6f}"] for i in rows]
    widths = [max(len(line[c]) for line in table) for c in range(3)]
    for line in table:
        cells = [line[0].ljust(widths[0]), line[1].ljust(widths[1]), line[2].rjust(widths[2])]
        print("  ".join(cells).rstrip())


def path(args):
    g, index = load(args.graph)
    for name in (args.source, args.target):
        if name not in index:
            raise SystemExit(f"{args.graph}: no node {name}")
    source, target = index[args.source], index[args.target]
    edges = g.get_shortest_path(source, target, weights="weight", output="epath")
    if not edges and source != target:
        print(f"no path from {args.source} to {args.target} over cooperative edges")
        return
    names = g.vs["name"]
    text, node, cost = names[source], source, 0.0
    for e in edges:
        edge = g.es[e]
        node = edge.target if edge.source == node else edge.source
        cost += edge["weight"]
        text += f" -[{edge['type']} {format_number(edge['weight'])}]- {names[node]}"
    print(f"{text}  cost {significant(cost, 6)}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("centrality", help="weighted PageRank (damping 0.85), the N highest nodes")
    c.add_argument("graph")
    c.add_argument("--top", type=int, default=10)
    p = sub.add_parser("path", help="cheapest path with the weight as length")
    p.add_argument("graph")
    p.add_argument("source")
    p.add_argument("target")
    args = ap.parse_args(argv)
    centrality(args) if args.command == "centrality" else path(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
