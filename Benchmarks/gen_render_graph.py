#!/usr/bin/env python3
"""Writes a large relations graph as DOT, for timing `entente render` against Graphviz's programs.

    python3 Benchmarks/gen_render_graph.py [nodes] [edges] > large.gv

Default: 1,463 nodes and 5,806 edges (the size of the graph in issue 12), connected, grown by
preferential attachment from a fixed seed, with edge types, weights and polarities drawn at random.
Standard library only.
"""
import random
import sys

nodes = int(sys.argv[1]) if len(sys.argv) > 1 else 1463
edges = int(sys.argv[2]) if len(sys.argv) > 2 else 5806
rng = random.Random(12)
types = ["economic", "security", "cultural", "membership"]
kinds = ["state"] * 8 + ["bloc", "organization"]
pairs = set()
ends = []  # every edge end so far: preferential attachment by degree
for n in range(1, nodes):  # a random tree first, so the graph is connected
    m = rng.choice(ends) if ends and rng.random() < 0.7 else rng.randrange(n)
    pairs.add((m, n))
    ends += [m, n]
while len(pairs) < edges:
    a = rng.choice(ends) if rng.random() < 0.5 else rng.randrange(nodes)
    b = rng.randrange(nodes)
    if a != b and (a, b) not in pairs and (b, a) not in pairs:
        pairs.add((a, b))
        ends += [a, b]
print('graph "large" {')
for n in range(nodes):
    print(f'  "n{n}" [label="Node {n}", kind="{rng.choice(kinds)}"];')
for a, b in sorted(pairs):
    polarity = "adversarial" if rng.random() < 0.1 else "cooperative"
    print(f'  "n{a}" -- "n{b}" [type="{rng.choice(types)}", weight="{rng.randint(1, 5)}", polarity="{polarity}"];')
print("}")
