#!/usr/bin/env python3
"""The reference values of `Analysis.timeline` / `entente timeline`: networkx on each year's graph.

  python3 Tests/EntenteTests/Fixtures/timeline/make_timeline_fixture.py

Writes dated.json (a seeded random graph of 30 states over 2000-2010: nodes with since/until, one of
two spells, ties with since/until, some adversarial) and expected.json: for every year 2000-2010, the
graph as `--at YEAR` sees it (the nodes that exist that year, isolated ones included; the cooperative
ties that hold that year, parallel ties merged as Entente merges them: cost = the smallest 1/weight,
weight = the sum), and on it networkx's degree_centrality, betweenness_centrality (normalized, cost
1/weight: Entente's default metric, strength, computed with exact rational costs) and pagerank
(alpha 0.85, weight = summed weight, tol 1e-12). A node not in a year's graph has no entry that year.
"""
import fractions
import json
import os
import random

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
YEARS = range(2000, 2011)


def make_graph():
    rng = random.Random(20261203)
    nodes = []
    for i in range(30):
        node = {"id": f"S{i:02d}", "label": f"State {i}", "kind": "state"}
        if i % 5 == 1:
            node["since"] = rng.choice([2001, 2003, 2005])
        if i % 7 == 2:
            node["until"] = rng.choice([2004, 2006, 2008])
        nodes.append(node)
    # One state of two spells: 2000-2003, then from 2007.
    nodes[3] = {"id": "S03", "label": "State 3", "kind": "state", "since": 2000,
                "spells": [{"since": 2000, "until": 2003}, {"since": 2007}]}

    def years_of(node):
        if "spells" in node:
            return [y for y in YEARS if any(s.get("since", 0) <= y <= s.get("until", 9999) for s in node["spells"])]
        return [y for y in YEARS if node.get("since", 0) <= y <= node.get("until", 9999)]

    edges = []
    while len(edges) < 110:
        a, b = rng.sample(nodes, 2)
        common = sorted(set(years_of(a)) & set(years_of(b)))
        if not common:
            continue
        start = rng.choice(common)
        end = rng.choice([y for y in common if y >= start])
        # A tie within one stretch of both nodes' years (S03's gap must not fall inside it).
        if any(y not in common for y in range(start, end + 1)):
            continue
        edge = {"source": a["id"], "target": b["id"], "type": "security",
                "weight": round(rng.uniform(1, 5), 1),
                "polarity": "adversarial" if rng.random() < 0.15 else "cooperative"}
        if start > 2000 or rng.random() < 0.5:
            edge["since"] = start
        if end < 2010 or rng.random() < 0.5:
            edge["until"] = end
        edges.append(edge)
    return {"name": "dated", "directed": False, "nodes": nodes, "edges": edges}, years_of


def exists(node, year, years_of):
    return year in years_of(node)


def holds(edge, year):
    return edge.get("since", -10**9) <= year <= edge.get("until", 10**9)


def year_graph(graph, year, years_of, exact):
    G = nx.Graph()
    present = [n["id"] for n in graph["nodes"] if exists(n, year, years_of)]
    G.add_nodes_from(present)
    keep = set(present)
    merged = {}
    for e in graph["edges"]:
        if e["polarity"] != "cooperative" or not holds(e, year):
            continue
        if e["source"] not in keep or e["target"] not in keep:
            continue
        key = tuple(sorted((e["source"], e["target"])))
        w = fractions.Fraction(str(e["weight"])) if exact else float(e["weight"])
        cost = 1 / w
        if key in merged:
            merged[key][0] = min(merged[key][0], cost)
            merged[key][1] += float(e["weight"])
        else:
            merged[key] = [cost, float(e["weight"])]
    for (u, v), (cost, weight) in merged.items():
        G.add_edge(u, v, cost=cost, weight=weight)
    return G


def main():
    graph, years_of = make_graph()
    with open(os.path.join(HERE, "dated.json"), "w") as out:
        json.dump(graph, out, indent=1)
        out.write("\n")
    expected = {"years": list(YEARS), "measures": {"degree": {}, "betweenness": {}, "pagerank": {}}}
    for year in YEARS:
        exact = year_graph(graph, year, years_of, exact=True)
        plain = year_graph(graph, year, years_of, exact=False)
        if exact.number_of_edges() == 0:
            continue
        expected["measures"]["degree"][str(year)] = {k: float(v) for k, v in nx.degree_centrality(plain).items()}
        expected["measures"]["betweenness"][str(year)] = {
            k: float(v) for k, v in nx.betweenness_centrality(exact, weight="cost", normalized=True).items()}
        expected["measures"]["pagerank"][str(year)] = {
            k: float(v) for k, v in nx.pagerank(plain, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000).items()}
    with open(os.path.join(HERE, "expected.json"), "w") as out:
        json.dump(expected, out, indent=1, sort_keys=True)
        out.write("\n")


if __name__ == "__main__":
    main()
