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

Cases of the spread estimator (`BetweennessSampling.Estimator.spread`, the default) are computed here
from their definition, with networkx's shortest-path lengths on exact rational costs:
- the sample: SplitMix64 seeded with the seed draws an offset r below n; a shortest-path forest is
  grown from the node of highest degree (ties to the lower position), each node hanging from the
  lowest-position node before it on a shortest path, then from the highest-degree node not yet placed,
  over nodes not yet placed (a node whose every shortest-path predecessor is placed hangs from the
  root); the forest is walked depth-first in preorder, tree after tree, each node's children (in
  position order) shuffled by SplitMix64 (Fisher-Yates from the back) when the node is visited; the
  sample is the walk's nodes at positions (r + j*n) // k, j = 0..k-1;
- the values: for each sampled source s and node v != s, the sum over targets t of
  sigma_st(v)/sigma_st * d(s,v)/d(s,t) (and on a directed graph, the sum over origins u of
  sigma_us(v)/sigma_us * d(v,s)/d(u,s)), with distances and path counts counted pair by pair; raw
  values are the sums times n/k, normalized ones divided by (n-1)(n-2), undirected sums doubled first.

Graphs are built as make_fixtures.py builds them (distance measures on exact rational costs).
Needs networkx (3.5 or later for this scaling).
"""

import fractions
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

    def shuffle(self, values):
        """Entente's SplitMix64.shuffle: Fisher-Yates from the back."""
        index = len(values) - 1
        while index > 0:
            other = self.next_below(index + 1)
            values[index], values[other] = values[other], values[index]
            index -= 1


def entente_sample(n, k, seed):
    """The positions BetweennessSampling(sources: k, seed: seed, estimator: .networkx) draws."""
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


def all_pairs(G, metric):
    """Exact distances and shortest-path counts of every reachable ordered pair, by networkx's Dijkstra."""
    cost = (lambda u, v: fractions.Fraction(1)) if metric == "hops" else (lambda u, v: G.edges[u, v]["cost"])
    before = G.predecessors if G.is_directed() else G.neighbors
    dist, paths = {}, {}
    for x in G.nodes():
        d = nx.single_source_dijkstra_path_length(G, x, weight=lambda u, v, _: cost(u, v))
        sigma = {x: 1}
        for y in sorted(d, key=lambda node: d[node]):
            if y != x:
                sigma[y] = sum(sigma[u] for u in before(y) if u in d and u != y and d[u] + cost(u, y) == d[y])
        dist[x], paths[x] = d, sigma
    return dist, paths, cost


def spread_sample(G, metric, k, seed, dist, cost):
    """The positions BetweennessSampling(sources: k, seed: seed, estimator: .spread) draws."""
    ids = list(G.nodes())
    n = len(ids)
    position = {node: i for i, node in enumerate(ids)}
    generator = SplitMix64(seed)
    offset = generator.next_below(n)
    directed = G.is_directed()
    degree = (lambda v: G.out_degree(v) + G.in_degree(v)) if directed else G.degree
    before = G.predecessors if directed else G.neighbors
    tree, parent, roots = [-1] * n, [-1] * n, []
    for root in sorted(range(n), key=lambda i: (-degree(ids[i]), i)):
        if tree[root] >= 0:
            continue
        current = len(roots)
        roots.append(root)
        d = dist[ids[root]]
        reached = [i for i in range(n) if tree[i] < 0 and ids[i] in d]
        for i in reached:
            tree[i] = current
        for i in reached:
            if i == root:
                continue
            v = ids[i]
            candidates = [position[u] for u in before(v)
                          if u != v and tree[position[u]] == current and d[u] + cost(u, v) == d[v]]
            parent[i] = min(candidates) if candidates else root
    children = [[] for _ in range(n)]
    for i in range(n):
        if parent[i] >= 0:
            children[parent[i]].append(i)
    walk = []
    for root in roots:
        stack = [root]
        while stack:
            node = stack.pop()
            walk.append(node)
            order = list(children[node])
            generator.shuffle(order)
            stack.extend(reversed(order))
    return [walk[(offset + j * n) // k] for j in range(k)]


def spread_values(G, sources, normalized, dist, paths):
    """The spread estimate from `sources` by its definition (linear scaling, Horvitz-Thompson weights)."""
    n, k = G.number_of_nodes(), len(sources)
    totals = dict.fromkeys(G.nodes(), fractions.Fraction(0))

    def share(s, v, t):
        """How much the pair s -> t credits v, as seen from s's end: sigma_st(v)/sigma_st * d(s,v)/d(s,t)."""
        if v not in dist[s] or t not in dist[v] or dist[s][v] + dist[v][t] != dist[s][t]:
            return 0
        return fractions.Fraction(paths[s][v] * paths[v][t], paths[s][t]) * dist[s][v] / dist[s][t]

    for s in sources:
        for v in G.nodes():
            if v == s:
                continue
            for t in G.nodes():
                if t in (s, v):
                    continue
                if t in dist[s]:
                    totals[v] += share(s, v, t)
                if G.is_directed() and s in dist[t]:
                    # the backward search from s: the pair t -> s credits v with d(v,s)/d(t,s)
                    if v in dist[t] and s in dist[v] and dist[t][v] + dist[v][s] == dist[t][s]:
                        totals[v] += fractions.Fraction(paths[t][v] * paths[v][s], paths[t][s]) * dist[v][s] / dist[t][s]
    scale = fractions.Fraction(n, k)
    if normalized and n >= 3:
        scale = scale * (1 if G.is_directed() else 2) / ((n - 1) * (n - 2))
    return {v: float(total * scale) for v, total in totals.items()}


# (graph, metric, normalized, k, seed)
CASES = [
    ("karate", "strength", True, 10, 7),
    ("karate", "strength", False, 10, 7),
    ("karate", "hops", True, 34, 1),
    ("directed", "hops", True, 5, 3),
    ("directed", "length", False, 5, -2),
    ("small", "length", True, 100, 42),
]

# Spread cases: (graph, metric, normalized, k, seed)
SPREAD_CASES = [
    ("karate", "strength", True, 10, 7),
    ("karate", "hops", False, 12, 3),
    ("lesmis", "length", True, 20, 5),
    ("directed", "length", True, 5, -2),
    ("directed", "hops", False, 7, 1),
    ("disconnected", "hops", True, 4, 9),
    ("small", "length", False, 30, 42),
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
                      "estimator": "networkx", "sample": sources, "values": fl(values)})
    for name, metric, normalized, k, seed in SPREAD_CASES:
        g = graphs.get(name) or load_json_graph(name)
        G = build(g, metric, exact=True)
        ids = list(G.nodes())
        dist, paths, cost = all_pairs(G, metric)
        sources = [ids[i] for i in spread_sample(G, metric, k, seed, dist, cost)]
        values = spread_values(G, sources, normalized, dist, paths)
        if G.number_of_nodes() <= 40:
            # Self-check of the definition: every node as a source gives networkx's exact betweenness.
            full = spread_values(G, ids, normalized, dist, paths)
            exact = nx.betweenness_centrality(G, normalized=normalized, weight=None if metric == "hops" else "cost")
            assert all(abs(full[v] - exact[v]) <= 1e-9 * max(1, abs(exact[v])) for v in ids), (name, metric)
        cases.append({"graph": name, "metric": metric, "normalized": normalized, "sources": k, "seed": seed,
                      "estimator": "spread", "sample": sources, "values": fl(values)})
    generator = {"networkx": nx.__version__, "python": platform.python_version(),
                 "script": "make_sampling_fixtures.py"}
    dump(os.path.join(HERE, "sampling.json"), {"generator": generator, "cases": cases})
    print("sampling cases: %d" % len(cases), file=sys.stderr)


if __name__ == "__main__":
    main()
