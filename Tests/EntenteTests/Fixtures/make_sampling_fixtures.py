#!/usr/bin/env python3
"""networkx reference values for Entente's sampled betweenness (`BetweennessSampling`).

Run from anywhere:  python3 Tests/EntenteTests/Fixtures/make_sampling_fixtures.py

Writes  sampling.json: for each case the graph, metric, normalisation, sample size k and seed, the
        sampled source ids in the order Entente draws them, and the values of
        nx.betweenness_centrality(G, k=k, seed=…, weight=…, normalized=…) computed from *those* sources.

Entente draws its sample with its own generator, so this script reproduces it: SplitMix64 seeded with
the seed (as a 64-bit two's complement), Lemire's multiply-and-reject for a uniform integer below a
bound, and a partial Fisher-Yates shuffle of the node positions 0..n-1 (file order): for position i
from 0 to k-1, swap it with i + next_below(n - i); the sample is the first k positions.  networkx is
then handed that sample through the `seed` argument: a random.Random whose `sample` returns it (the
one call betweenness_centrality makes on its generator), so the estimator and its scaling
(`_rescale` with `sampled_nodes`, networkx 3.5+) are networkx's own.  The Swift test checks both the
sample and the values.

Graphs are built as make_fixtures.py builds them (distance measures on exact rational costs).
Needs networkx (3.5 or later for this scaling).
"""

import json
import os
import platform
import random
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_fixtures import build, dump, fl, load_json_graph, load_small_csv  # noqa: E402

MASK = (1 << 64) - 1


class SplitMix64:
    """Entente's Algorithms/SplitMix64.swift."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_below(self, bound):
        product = self.next() * bound
        low = product & MASK
        if low < bound:
            threshold = ((1 << 64) - bound) % bound
            while low < threshold:
                product = self.next() * bound
                low = product & MASK
        return product >> 64


def entente_sample(n, k, seed):
    """The positions BetweennessSampling(sources: k, seed: seed).sample(nodeCount: n) returns."""
    generator = SplitMix64(seed)
    nodes = list(range(n))
    for i in range(k):
        j = i + generator.next_below(n - i)
        nodes[i], nodes[j] = nodes[j], nodes[i]
    return nodes[:k]


class FixedSample(random.Random):
    """A generator whose `sample` returns the given nodes: how networkx is handed Entente's sample."""

    def __init__(self, nodes):
        super().__init__(0)
        self.nodes = nodes

    def sample(self, population, k, **kwargs):
        assert k == len(self.nodes) and set(self.nodes) <= set(population)
        return list(self.nodes)


# (graph, metric, normalized, k, seed)
CASES = [
    ("karate", "strength", True, 10, 7),
    ("karate", "strength", False, 10, 7),
    ("karate", "hops", True, 34, 1),
    ("directed", "hops", True, 5, 3),
    ("directed", "length", False, 5, -2),
    ("small", "length", True, 100, 42),
]


def main():
    graphs = {"small": load_small_csv()}
    cases = []
    for name, metric, normalized, k, seed in CASES:
        g = graphs.get(name) or load_json_graph(name)
        G = build(g, metric, exact=True)
        ids = list(G.nodes())  # file order, as Entente's view
        sources = [ids[i] for i in entente_sample(len(ids), k, seed)]
        weight = None if metric == "hops" else "cost"
        values = nx.betweenness_centrality(G, k=k, normalized=normalized, weight=weight, seed=FixedSample(sources))
        cases.append({"graph": name, "metric": metric, "normalized": normalized, "sources": k, "seed": seed,
                      "sample": sources, "values": fl(values)})
    generator = {"networkx": nx.__version__, "python": platform.python_version(),
                 "script": "make_sampling_fixtures.py"}
    dump(os.path.join(HERE, "sampling.json"), {"generator": generator, "cases": cases})
    print("sampling cases: %d" % len(cases), file=sys.stderr)


if __name__ == "__main__":
    main()
