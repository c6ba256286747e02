#!/usr/bin/env python3
"""Generate the community-detection references for Entente's tests (CommunityTests.swift).

Run from anywhere:  python3 Tests/EntenteTests/Fixtures/make_community_fixtures.py

Reads   graphs/karate.json, graphs/florentine.json, graphs/relations.json, graphs/directed.json,
        graphs/signed.json (hand-written), ../../../Graphs/pakistan.json
writes  graphs/lesmis.json (from nx.les_miserables_graph()), graphs/ba1000.csv
        (nx.barabasi_albert_graph(1000, 3, seed=BA_SEED)), communities.json.
Needs networkx, igraph and leidenalg (pip install networkx igraph leidenalg).
Output is deterministic (the script re-runs itself with PYTHONHASHSEED=0; sorted keys, float repr).
See README.md, section communities.json, for what each value is.
"""

import csv
import json
import math
import os
import platform
import sys

import igraph as ig
import leidenalg as la
import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_fixtures import write_graph_json  # noqa: E402  (one writer of Entente's JSON for every fixture script)

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPHS = os.path.join(HERE, "graphs")
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
BA_SEED = 42
SEEDS = range(5)  # networkx louvain and leidenalg seeds; the best result is the reference
RESOLUTIONS = [1.0, 0.5, 2.0]


# --------------------------------------------------------------------------- graph files

def make_lesmis():
    G = nx.les_miserables_graph()
    return {
        "name": "Les Misérables co-appearances",
        "directed": False,
        "types": [],
        "kinds": ["character"],
        "sources": [],
        "nodes": [{"id": n, "label": n, "kind": "character"} for n in G.nodes],
        "edges": [
            {"source": u, "target": v, "type": "cultural", "weight": d["weight"], "polarity": "cooperative"}
            for u, v, d in G.edges(data=True)
        ],
    }


def write_ba_csv(path):
    G = nx.barabasi_albert_graph(1000, 3, seed=BA_SEED)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target"])
        for u, v in G.edges():
            w.writerow(["b%d" % u, "b%d" % v])


def load_json_graph(path):
    with open(path, encoding="utf-8") as f:
        g = json.load(f)
    return {"directed": g["directed"], "nodes": [n["id"] for n in g["nodes"]],
            "edges": [(e["source"], e["target"], float(e["weight"]), e["polarity"]) for e in g["edges"]]}


def load_csv_graph(path):
    """An Entente CSV edge list (source,target; weight 1, cooperative); nodes in order of first appearance."""
    nodes, seen, edges = [], set(), []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for n in (row["source"], row["target"]):
                if n not in seen:
                    seen.add(n)
                    nodes.append(n)
            edges.append((row["source"], row["target"], float(row.get("weight") or 1), "cooperative"))
    return {"directed": False, "nodes": nodes, "edges": edges}


# --------------------------------------------------------------------------- Entente's community graph

def pair_weights(g, signed):
    """Entente's reading for communities: undirected (a directed graph's two directions merge),
    weights summed per pair in file order; unsigned keeps cooperative edges, signed subtracts
    adversarial weights. Returns {(u, v): w} in order of first appearance."""
    merged = {}
    for u, v, w, polarity in g["edges"]:
        if polarity != "cooperative" and not signed:
            continue
        key = tuple(sorted((u, v)))
        merged[key] = merged.get(key, 0.0) + (w if polarity == "cooperative" else -w)
    return merged


def nx_graph(g, weights):
    G = nx.Graph()
    G.add_nodes_from(g["nodes"])
    for (u, v), w in weights.items():
        G.add_edge(u, v, weight=w)
    return G


def layers(g):
    """The positive and negative layers of the signed graph (networkx graphs over all nodes)."""
    weights = pair_weights(g, signed=True)
    pos = nx_graph(g, {k: w for k, w in weights.items() if w > 0})
    neg = nx_graph(g, {k: -w for k, w in weights.items() if w < 0})
    return pos, neg


def signed_modularity(pos, neg, parts, resolution=1.0):
    """Traag & Bruggeman: m+/(m+ + m-)·Q+ − m-/(m+ + m-)·Q−, Q± = networkx modularity of each layer."""
    mp = pos.size(weight="weight")
    mn = neg.size(weight="weight")
    total = mp + mn
    value = 0.0
    if mp > 0:
        value += mp / total * nx.community.modularity(pos, parts, weight="weight", resolution=resolution)
    if mn > 0:
        value -= mn / total * nx.community.modularity(neg, parts, weight="weight", resolution=resolution)
    return value


def to_igraph(G):
    """An igraph copy of a networkx graph with the same node order; `weight` as edge attribute."""
    index = {n: i for i, n in enumerate(G.nodes)}
    h = ig.Graph(n=len(index), edges=[(index[u], index[v]) for u, v in G.edges()], directed=False)
    h.vs["name"] = list(G.nodes)
    h.es["weight"] = [d["weight"] for _, _, d in G.edges(data=True)]
    return h


def parts_of(membership, names):
    groups = {}
    for name, c in zip(names, membership):
        groups.setdefault(c, []).append(name)
    return [set(v) for v in groups.values()]


def canonical(parts):
    """Communities as sorted id lists, largest first, then by first id (Entente's order)."""
    lists = [sorted(p) for p in parts]
    return sorted(lists, key=lambda c: (-len(c), c[0]))


# --------------------------------------------------------------------------- references

def given_partitions(name, G):
    """A few partitions to check modularity on: everything together, every node alone, two halves
    in file order, node position mod 3, and (karate) the two clubs."""
    nodes = list(G.nodes)
    half = len(nodes) // 2
    result = {
        "one": [set(nodes)],
        "singletons": [{n} for n in nodes],
        "halves": [set(nodes[:half]), set(nodes[half:])],
        "mod3": [set(nodes[i::3]) for i in range(3) if nodes[i::3]],
    }
    if name == "karate":
        club = nx.karate_club_graph().nodes(data="club")
        result["clubs"] = [{str(n) for n, c in club if c == "Mr. Hi"}, {str(n) for n, c in club if c != "Mr. Hi"}]
    return result


def unsigned_case(name, g):
    G = nx_graph(g, pair_weights(g, signed=False))
    partitions = {
        label: {"communities": canonical(parts),
                "modularity": {str(gamma): nx.community.modularity(G, parts, weight="weight", resolution=gamma)
                               for gamma in RESOLUTIONS}}
        for label, parts in given_partitions(name, G).items()
    }
    louvain = {}
    for gamma in (1.0, 2.0):
        best = None
        for seed in SEEDS:
            parts = nx.community.louvain_communities(G, weight="weight", resolution=gamma, seed=seed)
            q = nx.community.modularity(G, parts, weight="weight", resolution=gamma)
            if best is None or q > best[0]:
                best = (q, seed, parts)
        louvain[str(gamma)] = {"modularity": best[0], "seed": best[1], "communities": canonical(best[2])}
    H = to_igraph(G)
    leiden = {}
    for gamma in (1.0, 2.0):
        best = None
        for seed in SEEDS:
            if gamma == 1.0:
                p = la.find_partition(H, la.ModularityVertexPartition, weights="weight", seed=seed)
            else:
                p = la.find_partition(H, la.RBConfigurationVertexPartition, weights="weight", seed=seed,
                                      resolution_parameter=gamma)
            parts = parts_of(p.membership, H.vs["name"])
            q = nx.community.modularity(G, parts, weight="weight", resolution=gamma)
            if best is None or q > best[0]:
                best = (q, seed, parts)
        leiden[str(gamma)] = {"modularity": best[0], "seed": best[1], "communities": canonical(best[2])}
    return {"nodes": G.number_of_nodes(), "pairs": G.number_of_edges(), "partitions": partitions,
            "louvain": louvain, "leidenalg": leiden}


def signed_case(name, g):
    pos, neg = layers(g)
    nodes = list(pos.nodes)
    partitions = {
        label: {"communities": canonical(parts),
                "modularity": {str(gamma): signed_modularity(pos, neg, parts, gamma) for gamma in RESOLUTIONS}}
        for label, parts in given_partitions(name, pos).items()
    }
    Hp, Hn = to_igraph(pos), to_igraph(neg)
    assert Hp.vs["name"] == Hn.vs["name"] == nodes

    def multiplex(kind, seed):
        p_pos = kind(Hp, weights="weight")
        p_neg = kind(Hn, weights="weight")
        optimiser = la.Optimiser()
        optimiser.set_rng_seed(seed)
        optimiser.optimise_partition_multiplex([p_pos, p_neg], layer_weights=[1, -1])
        return parts_of(p_pos.membership, nodes)

    result = {"nodes": len(nodes), "positivePairs": pos.number_of_edges(), "negativePairs": neg.number_of_edges(),
              "positiveWeight": pos.size(weight="weight"), "negativeWeight": neg.size(weight="weight"),
              "partitions": partitions}
    # RBConfiguration layers are unnormalised (2m·Q each), so layer weights [1, -1] maximise
    # 2(m+ + m-)·(signed modularity): the reference. ModularityVertexPartition layers are each
    # normalised, so the same call maximises Q+ − Q−; recorded for information.
    for key, kind in (("leidenalg", la.RBConfigurationVertexPartition),
                      ("leidenalgNormalisedLayers", la.ModularityVertexPartition)):
        best = None
        for seed in SEEDS:
            parts = multiplex(kind, seed)
            q = signed_modularity(pos, neg, parts)
            if best is None or q > best[0]:
                best = (q, seed, parts)
        result[key] = {"modularity": best[0], "seed": best[1], "communities": canonical(best[2])}
    return result


def main():
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable] + sys.argv, env)
    write_graph_json(os.path.join(GRAPHS, "lesmis.json"), make_lesmis())
    write_ba_csv(os.path.join(GRAPHS, "ba1000.csv"))
    graphs = {
        "karate": load_json_graph(os.path.join(GRAPHS, "karate.json")),
        "lesmis": load_json_graph(os.path.join(GRAPHS, "lesmis.json")),
        "florentine": load_json_graph(os.path.join(GRAPHS, "florentine.json")),
        "pakistan": load_json_graph(os.path.join(ROOT, "Graphs", "pakistan.json")),
        "ba1000": load_csv_graph(os.path.join(GRAPHS, "ba1000.csv")),
        "directed": load_json_graph(os.path.join(GRAPHS, "directed.json")),
    }
    signed_graphs = {
        "pakistan": graphs["pakistan"],
        "relations": load_json_graph(os.path.join(GRAPHS, "relations.json")),
        "signed": load_json_graph(os.path.join(GRAPHS, "signed.json")),
    }
    out = {
        "generator": {"python": platform.python_version(), "networkx": nx.__version__,
                      "igraph": ig.__version__, "leidenalg": la.__version__, "baSeed": BA_SEED,
                      "seeds": list(SEEDS)},
        "unsigned": {name: unsigned_case(name, g) for name, g in graphs.items()},
        "signed": {name: signed_case(name, g) for name, g in signed_graphs.items()},
    }
    with open(os.path.join(HERE, "communities.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(out, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    for name, case in out["unsigned"].items():
        print("%-10s louvain %.6f  leidenalg %.6f" % (name, case["louvain"]["1.0"]["modularity"],
                                                     case["leidenalg"]["1.0"]["modularity"]), file=sys.stderr)
    for name, case in out["signed"].items():
        print("%-10s signed leidenalg %.6f (normalised layers %.6f)" % (
            name, case["leidenalg"]["modularity"], case["leidenalgNormalisedLayers"]["modularity"]), file=sys.stderr)


if __name__ == "__main__":
    main()
