#!/usr/bin/env python3
"""Reference rows of `entente balance Graphs/world/security.json --from 1946 --to 2014 --step 17`.

For each year: the view `--at YEAR` gives (the states that exist, the ties that hold, both
polarities), its signed network under the rule negative-wins (a pair with any adversarial tie is
negative, otherwise positive) and, by networkx, the triangles and the balanced ones among them (an
even number of negative sides). Frustration values are checked against frustration-world.json
(highspy), not here. Run from the repository root:
    python3 Tests/EntenteTests/Fixtures/balance-years/make_balance_years_fixture.py
"""
import itertools
import json
import platform

import networkx as nx


def exists(item, year):
    spells = item.get("spells") or [{"since": item.get("since"), "until": item.get("until")}]
    return any((s.get("since") is None or s["since"] <= year) and (s.get("until") is None or year <= s["until"])
               for s in spells)


world = json.load(open("Graphs/world/security.json"))
rows = []
for year in range(1946, 2015, 17):
    ids = {n["id"] for n in world["nodes"] if exists(n, year)}
    sign = {}
    for e in world["edges"]:
        if e["source"] in ids and e["target"] in ids and e["source"] != e["target"] and exists(e, year):
            pair = tuple(sorted((e["source"], e["target"])))
            negative = e.get("polarity", "cooperative") == "adversarial"
            sign[pair] = -1 if negative or sign.get(pair) == -1 else 1
    g = nx.Graph()
    g.add_nodes_from(ids)
    for (a, b), s in sign.items():
        g.add_edge(a, b, sign=s)
    triangles = balanced = 0
    for clique in nx.enumerate_all_cliques(g):
        if len(clique) < 3:
            continue
        if len(clique) > 3:
            break
        negatives = sum(g[a][b]["sign"] < 0 for a, b in itertools.combinations(clique, 2))
        triangles += 1
        balanced += negatives % 2 == 0
    rows.append({"year": year, "nodes": len(ids), "ties": len(sign), "negative": sum(s < 0 for s in sign.values()),
                 "triangles": triangles, "balanced": balanced})
out = {"generator": f"make_balance_years_fixture.py, networkx {nx.__version__}, Python {platform.python_version()}",
       "rule": "negative-wins", "signs": "unweighted", "years": rows}
with open("Tests/EntenteTests/Fixtures/balance-years/expected.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
