#!/usr/bin/env python3
"""Reference values for `entente diff` and `entente merge`, computed independently of Entente.

Run from anywhere:  python3 Tests/EntenteTests/Fixtures/make_diff_fixtures.py

Reads   ../../../Graphs/pakistan.json and awaam-agenda.json (relative to this file),
        graphs/diff-base.json, graphs/diff-other.json (hand-written), Graphs/world/security.json
        (seen in 1985 and in 1995, as `--at` sees it: the states that exist, the ties that hold),
writes  diff.json: for each case the diff in the shape of `entente diff --json` and, with
        networkx, betweenness (cooperative edges, cost = 1/weight, parallel edges merged to the
        cheapest, exact rational costs) in both graphs.  The "scenario" case is the merge of the
        agenda over pakistan.json, done here by the rule of `entente merge` (the overlay's edges
        replace the base's of the same pair and type; the rest are added).
Output is deterministic (float repr, keys in a fixed order).  Needs networkx.
"""

import fractions
import json
import os
import platform
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))


def load(path):
    with open(path, encoding="utf-8") as f:
        g = json.load(f)
    for e in g["edges"]:
        e.setdefault("polarity", "cooperative")
        e.setdefault("weight", 1)
    return g


def key(e, directed):
    a, b = e["source"], e["target"]
    if not directed and b < a:
        a, b = b, a
    return (a, b, e["type"])


def match(base, other):
    """Pairs edges per (pair, type): same polarity first in file order, then across polarities."""
    directed = base.get("directed", False)
    groups = {}
    for side, g in ((0, base), (1, other)):
        for e in g["edges"]:
            groups.setdefault(key(e, directed), ([], []))[side].append(e)
    out = []
    for k in sorted(groups):
        olds, news = list(groups[k][0]), list(groups[k][1])
        for pol in ("adversarial", "cooperative"):
            o = [e for e in olds if e["polarity"] == pol]
            n = [e for e in news if e["polarity"] == pol]
            for x, y in zip(o, n):
                out.append((k, x, y))
                olds.remove(x)
                news.remove(y)
        for x, y in zip(olds, news):
            out.append((k, x, y))
        flips = min(len(olds), len(news))
        out += [(k, x, None) for x in olds[flips:]]
        out += [(k, None, y) for y in news[flips:]]
    return out


def num(x):
    x = float(x)
    return int(x) if x == int(x) else x


def diff(base, other):
    bids = {n["id"] for n in base["nodes"]}
    oids = {n["id"] for n in other["nodes"]}
    ties = {"added": [], "removed": [], "changed": [], "flipped": []}
    for _, x, y in match(base, other):
        if x and y:
            if x["polarity"] != y["polarity"]:
                ties["flipped"].append({"source": y["source"], "target": y["target"], "type": y["type"],
                                        "from": x["polarity"], "to": y["polarity"],
                                        "fromWeight": num(x["weight"]), "toWeight": num(y["weight"])})
            elif x["weight"] != y["weight"]:
                ties["changed"].append({"source": y["source"], "target": y["target"], "type": y["type"],
                                        "from": num(x["weight"]), "to": num(y["weight"])})
        else:
            e = x or y
            ties["added" if y else "removed"].append({"source": e["source"], "target": e["target"], "type": e["type"],
                                                     "weight": num(e["weight"]), "polarity": e["polarity"]})
    return {"nodes": {"added": sorted(oids - bids), "removed": sorted(bids - oids)}, "ties": ties}


def merge(base, overlay):
    """The edges of `entente merge` (evidence and notes are not needed for the measures)."""
    directed = base.get("directed", False)
    okeys = {key(e, directed) for e in overlay["edges"]}
    bkeys = {key(e, directed) for e in base["edges"]}
    edges, written = [], set()
    for e in base["edges"]:
        k = key(e, directed)
        if k not in okeys:
            edges.append(e)
        elif k not in written:
            written.add(k)
            edges += [o for o in overlay["edges"] if key(o, directed) == k]
    edges += [o for o in overlay["edges"] if key(o, directed) not in bkeys]
    ids = [n["id"] for n in base["nodes"]]
    nodes = base["nodes"] + [n for n in overlay["nodes"] if n["id"] not in ids]
    return {"directed": directed, "nodes": nodes, "edges": edges}


def betweenness(g):
    G = nx.DiGraph() if g.get("directed") else nx.Graph()
    G.add_nodes_from(n["id"] for n in g["nodes"])
    for e in g["edges"]:
        if e["polarity"] != "cooperative":
            continue
        c = 1 / fractions.Fraction(str(e["weight"]))
        u, v = e["source"], e["target"]
        if G.has_edge(u, v):
            G[u][v]["cost"] = min(G[u][v]["cost"], c)
        else:
            G.add_edge(u, v, cost=c)
    return {k: float(v) for k, v in nx.betweenness_centrality(G, weight="cost").items()}


def measure(base, other):
    b, o = betweenness(base), betweenness(other)
    values = {}
    for i in sorted(set(b) | set(o)):
        x, y = b.get(i), o.get(i)
        values[i] = {"base": x, "other": y, "change": None if x is None or y is None else y - x}
    return {"name": "betweenness", "values": values}


def case(base, other):
    d = diff(base, other)
    d["measure"] = measure(base, other)
    return d


def exists(item, year):
    """Whether a node (its spells, or since/until) or an edge holds in `year`; open ends are open."""
    spells = item.get("spells") or [{"since": item.get("since"), "until": item.get("until")}]
    return any((s.get("since") is None or s["since"] <= year) and (s.get("until") is None or year <= s["until"])
               for s in spells)


def in_year(g, year):
    """The view `--at YEAR` gives: the nodes that exist then, and the edges among them that hold then."""
    nodes = [n for n in g["nodes"] if exists(n, year)]
    ids = {n["id"] for n in nodes}
    edges = [e for e in g["edges"] if e["source"] in ids and e["target"] in ids and exists(e, year)]
    return {"directed": g.get("directed", False), "nodes": nodes, "edges": edges}


def main():
    pakistan = load(os.path.join(ROOT, "Graphs", "pakistan.json"))
    agenda = load(os.path.join(ROOT, "Graphs", "awaam-agenda.json"))
    small_base = load(os.path.join(HERE, "graphs", "diff-base.json"))
    small_other = load(os.path.join(HERE, "graphs", "diff-other.json"))
    world = load(os.path.join(ROOT, "Graphs", "world", "security.json"))
    out = {
        "generator": f"make_diff_fixtures.py, networkx {nx.__version__}, Python {platform.python_version()}",
        "small": case(small_base, small_other),
        "seed": case(pakistan, agenda),
        "scenario": case(pakistan, merge(pakistan, agenda)),
        # `entente diff Graphs/world/security.json --from-year 1985 --to-year 1995`
        "world-1985-1995": case(in_year(world, 1985), in_year(world, 1995)),
    }
    with open(os.path.join(HERE, "diff.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    s = out["scenario"]
    print("scenario:", {k: len(v) for k, v in s["ties"].items()}, file=sys.stderr)


if __name__ == "__main__":
    main()
