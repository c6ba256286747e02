#!/usr/bin/env python3
"""Generate networkx reference values for Entente's tests.

Run from anywhere:  python3 Tests/EntenteTests/Fixtures/make_fixtures.py

Reads   graphs/relations.json, graphs/directed.json, graphs/disconnected.json (hand-written),
        graphs/small.csv (copy of the benchmark graph),
writes  graphs/karate.json, graphs/florentine.json (built from networkx's bundled graphs),
        centrality.json, paths.json.
All paths are relative to this file.  Output is deterministic (sorted keys, float repr).
Needs only networkx, numpy and scipy.
"""

import contextlib
import csv
import fractions
import json
import math
import os
import platform
import sys

import networkx as nx
import numpy as np
import scipy
import scipy.sparse.linalg

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPHS = os.path.join(HERE, "graphs")

K = 5  # number of k-shortest paths recorded
METRICS = ["length", "strength", "hops"]
NEAR_TIE_RTOL = 1e-9  # used only for the diagnostics printed to stderr
# Measures computed on exact rational costs (fractions.Fraction) and converted to float at the end.
DISTANCE_MEASURES = ("closeness", "harmonic", "betweenness", "edge-betweenness")

warnings = []


# --------------------------------------------------------------------------- graph files

def write_graph_json(path, g):
    """Write a graph in Entente's JSON format, one node / edge per line."""
    lines = ["{"]
    for k in ["name", "directed", "types", "kinds", "sources"]:
        lines.append(" %s: %s," % (json.dumps(k), json.dumps(g[k])))
    lines.append(' "nodes": [')
    lines.append(",\n".join("  " + json.dumps(n) for n in g["nodes"]))
    lines.append(" ],")
    lines.append(' "edges": [')
    lines.append(",\n".join("  " + json.dumps(e) for e in g["edges"]))
    lines.append(" ]")
    lines.append("}")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def make_karate():
    G = nx.karate_club_graph()
    return {
        "name": "Zachary's Karate Club",
        "directed": False,
        "types": [],
        "kinds": [],
        "sources": [],
        "nodes": [{"id": str(n), "label": "Member %d" % n, "kind": "state"} for n in G.nodes],
        "edges": [
            {"source": str(u), "target": str(v), "type": "cultural",
             "weight": d["weight"], "polarity": "cooperative"}
            for u, v, d in G.edges(data=True)
        ],
    }


def make_florentine():
    G = nx.florentine_families_graph()
    return {
        "name": "Florentine families",
        "directed": False,
        "types": [],
        "kinds": ["family"],
        "sources": [],
        "nodes": [{"id": n, "label": n, "kind": "family"} for n in G.nodes],
        "edges": [
            {"source": u, "target": v, "type": "economic", "weight": 1, "polarity": "cooperative"}
            for u, v in G.edges
        ],
    }


def load_json_graph(name):
    with open(os.path.join(GRAPHS, name + ".json"), encoding="utf-8") as f:
        g = json.load(f)
    for e in g["edges"]:
        w = e["weight"]
        assert isinstance(w, (int, float)) and math.isfinite(w) and w > 0, e
        assert e["source"] != e["target"], e
        assert e["polarity"] in ("cooperative", "adversarial"), e
    return g


def load_small_csv():
    """small.csv: header source,target,type,weight; type ignored, all edges cooperative."""
    nodes, seen, edges = [], set(), []
    with open(os.path.join(GRAPHS, "small.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for n in (row["source"], row["target"]):
                if n not in seen:
                    seen.add(n)
                    nodes.append({"id": n, "label": n, "kind": "state"})
            edges.append({"source": row["source"], "target": row["target"], "type": row["type"],
                          "weight": float(row["weight"]), "polarity": "cooperative"})
    return {"name": "small", "directed": False, "nodes": nodes, "edges": edges}


# --------------------------------------------------------------------------- Entente's graph building

def edge_cost(weight, metric, exact=False):
    """The cost of an edge; with `exact`, a `fractions.Fraction` of the weight as written in decimal."""
    if exact and metric in ("length", "strength"):
        w = fractions.Fraction(str(weight))
        return w if metric == "length" else 1 / w
    w = float(weight)
    if metric == "length":
        return w
    if metric == "strength":
        return 1.0 / w
    if metric == "hops":
        return 1.0
    if metric == "thousandths":  # only for small.csv's exact-tie betweenness
        return round(w * 1000)
    raise ValueError(metric)


def build(g, metric="hops", include_adversarial=False, types=None, exact=False):
    """Filter, convert weight -> cost, merge parallel edges (cost = min, weight = sum, in file order).

    With `exact`, the `cost` attribute is an exact `fractions.Fraction` (the same min-cost merge in
    exact arithmetic); `weight` stays a float sum."""
    directed = g["directed"]
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(n["id"] for n in g["nodes"])  # all nodes stay, in file order
    merged = {}  # pair key -> [u, v, cost, weight]; dict keeps first-occurrence order
    for e in g["edges"]:
        if not include_adversarial and e["polarity"] != "cooperative":
            continue
        if types is not None and e["type"] not in types:
            continue
        u, v = e["source"], e["target"]
        key = (u, v) if directed else tuple(sorted((u, v)))
        c, w = edge_cost(e["weight"], metric, exact), float(e["weight"])
        if key in merged:
            m = merged[key]
            m[2] = min(m[2], c)
            m[3] = m[3] + w
        else:
            merged[key] = [u, v, c, w]
    for u, v, c, w in merged.values():
        G.add_edge(u, v, cost=c, weight=w)
    return G


# --------------------------------------------------------------------------- centrality

@contextlib.contextmanager
def seeded_arpack(seed=0):
    """nx.eigenvector_centrality_numpy calls scipy.sparse.linalg.eigs without an rng, so ARPACK starts
    from an OS-entropy random vector and the last bits of the result vary from run to run.  Pin the
    start vector by giving every eigs call a freshly seeded generator."""
    orig = scipy.sparse.linalg.eigs

    def eigs(*args, **kwargs):
        kwargs.setdefault("rng", np.random.default_rng(seed))
        return orig(*args, **kwargs)

    scipy.sparse.linalg.eigs = eigs
    try:
        yield
    finally:
        scipy.sparse.linalg.eigs = orig


def eigenvector(G):
    with seeded_arpack():
        return nx.eigenvector_centrality_numpy(G, weight="weight")


def fl(d):
    return {str(k): float(v) for k, v in d.items()}


def edge_key(G, u, v):
    if G.is_directed():
        return "%s|%s" % (u, v)
    a, b = sorted((str(u), str(v)))
    return "%s|%s" % (a, b)


def lambda_max(G):
    A = nx.to_numpy_array(G, nodelist=list(G), weight="weight")
    if A.size == 0:
        return 0.0
    return float(np.max(np.abs(np.linalg.eigvals(A))))


def near_tie_check(label, G, weight):
    """Report relaxations dist[v]+c(v,w) that miss dist[w] by a rounding error only, with float costs.

    These are places where float arithmetic with exact comparison would miss a tie that exact
    arithmetic finds.  The distance-measure references are computed with exact rational costs, so they
    count such ties; Entente compares float path lengths with a relative tolerance of 1e-10."""
    if weight is None:
        return
    count = 0
    for s in G:
        dist = nx.single_source_dijkstra_path_length(G, s, weight=weight)
        for v, dv in dist.items():
            for w, attrs in G[v].items():
                d = dv + attrs[weight]
                dw = dist[w]
                if d != dw and abs(d - dw) <= NEAR_TIE_RTOL * max(1.0, abs(dw)):
                    count += 1
    if count:
        warnings.append("%s: %d near-tie relaxations (differ only by rounding)" % (label, count))


def centrality_cases(g, include_adversarial, types=None, only=None):
    """All measures for one filter setting.  `only` restricts to (measure, metric) pairs."""
    cases = []

    def want(measure, metric):
        return only is None or (measure, metric) in only

    def case(measure, metric, params, fn):
        # Distance measures run on exact rational costs, so equal decimal path lengths tie exactly.
        exact = measure in DISTANCE_MEASURES
        G = build(g, metric or "hops", include_adversarial, types, exact)
        c = {"measure": measure, "metric": metric, "includeAdversarial": include_adversarial,
             "types": types, "params": params}
        try:
            c.update(fn(G))
        except nx.NetworkXException as exc:
            c["error"] = type(exc).__name__
        cases.append(c)

    if want("degree", None):
        case("degree", None, {}, lambda G: {"values": fl(nx.degree_centrality(G))})
    for name, fn in (("in-degree", nx.in_degree_centrality), ("out-degree", nx.out_degree_centrality)):
        # Directed graphs only; on one undirected graph, to record networkx's refusal.
        if want(name, None) and (g["directed"] or g["name"] == "South Asia relations"):
            case(name, None, {}, lambda G, fn=fn: {"values": fl(fn(G))})
    if want("strength", None):
        case("strength", None, {}, lambda G: {"values": fl(dict(G.degree(weight="weight")))})
    for metric in METRICS:
        wt = None if metric == "hops" else "cost"
        label = "%s/%s/adv=%s/types=%s" % (g["name"], metric, include_adversarial, types)
        if only is None or any(m == metric for _, m in only):
            near_tie_check(label, build(g, metric, include_adversarial, types), wt)
        if want("closeness", metric):
            case("closeness", metric, {}, lambda G: {"values": fl(nx.closeness_centrality(G, distance=wt))})
        if want("harmonic", metric):
            case("harmonic", metric, {}, lambda G: {"values": fl(nx.harmonic_centrality(G, distance=wt))})
        if want("betweenness", metric):
            for norm in (True, False):
                case("betweenness", metric, {"normalized": norm},
                     lambda G: {"values": fl(nx.betweenness_centrality(G, weight=wt, normalized=norm))})
        if want("edge-betweenness", metric):
            case("edge-betweenness", metric, {"normalized": True},
                 lambda G: {"values": {edge_key(G, u, v): float(x) for (u, v), x in
                                       nx.edge_betweenness_centrality(G, weight=wt, normalized=True).items()}})
    if want("eigenvector", None):
        case("eigenvector", None, {},
             lambda G: {"values": fl(eigenvector(G))})
    if want("pagerank", None):
        for alpha in (0.85, 0.9):
            case("pagerank", None, {"alpha": alpha},
                 lambda G: {"values": fl(nx.pagerank(G, alpha=alpha, weight="weight", tol=1e-12, max_iter=10000))})
    if want("katz", None):
        def katz(G):
            lam = lambda_max(G)
            alpha, out = 0.1, {}
            if lam > 0 and alpha >= 1.0 / lam:
                alpha = round(0.5 / lam, 4)
                out["note"] = ("alpha 0.1 >= 1/lambda_max (lambda_max = %r); "
                               "alpha = round(0.5/lambda_max, 4) used instead" % lam)
            out["params"] = {"alpha": alpha, "beta": 1.0}
            out["values"] = fl(nx.katz_centrality_numpy(G, alpha=alpha, beta=1.0, weight="weight"))
            return out
        case("katz", None, {"alpha": 0.1, "beta": 1.0}, katz)
    return cases


def small_cases(g):
    cases = []
    # Raw weighted betweenness with weights as integer thousandths (exact ties); recorded as metric length.
    G = build(g, "thousandths")
    bc = nx.betweenness_centrality(G, weight="cost", normalized=False)
    cases.append({"measure": "betweenness", "metric": "length", "includeAdversarial": False, "types": None,
                  "params": {"normalized": False},
                  "note": "computed with cost = round(weight*1000) so equal decimal path lengths tie exactly",
                  "values": fl(bc)})
    G = build(g, "hops")
    pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000)
    cases.append({"measure": "pagerank", "metric": None, "includeAdversarial": False, "types": None,
                  "params": {"alpha": 0.85}, "values": fl(pr)})
    return cases, bc, pr


def check_against_bench(bc, pr):
    """Compare with the benchmark references (directory from $ENTENTE_BENCH_REFERENCE, default
    ../../../../shared/bench/reference relative to this file); skipped when absent."""
    ref = os.environ.get("ENTENTE_BENCH_REFERENCE") or os.path.normpath(
        os.path.join(HERE, "..", "..", "..", "..", "shared", "bench", "reference"))
    out = {}
    for name, ours in [("small_betweenness_weighted_exact_ties.json", bc), ("small_pagerank_weighted.json", pr)]:
        p = os.path.join(ref, name)
        if not os.path.exists(p):
            print("note: %s not found, skipping cross-check" % name, file=sys.stderr)
            continue
        with open(p) as f:
            theirs = json.load(f)
        assert set(theirs) == set(ours), name
        diff = max(abs(theirs[k] - ours[k]) for k in ours)
        rel = max(abs(theirs[k] - ours[k]) / max(abs(theirs[k]), 1e-300) for k in ours if theirs[k] != 0)
        out[name] = (diff, rel)
        print("cross-check %s: max abs diff %.3g, max rel diff %.3g" % (name, diff, rel), file=sys.stderr)
    return out


# --------------------------------------------------------------------------- paths

def path_cost(G, p):
    total = 0.0
    for a, b in zip(p, p[1:]):
        total = total + G[a][b]["cost"]
    return total


def path_case(graphs, name, u, v, metric, adv=False, types=None):
    g = graphs[name]
    G = build(g, metric, adv, types)
    wt = None if metric == "hops" else "cost"
    c = {"graph": name, "from": u, "to": v, "metric": metric, "includeAdversarial": adv, "types": types, "k": K}
    try:
        c["distance"] = float(nx.shortest_path_length(G, u, v, weight=wt))
    except nx.NetworkXNoPath:
        c["distance"] = None
    try:
        c["all"] = sorted(nx.all_shortest_paths(G, u, v, weight=wt))
    except nx.NetworkXNoPath:
        c["all"] = []
    paths = []
    try:
        for p in nx.shortest_simple_paths(G, u, v, weight=wt):
            paths.append(p)
            if len(paths) > K:
                break
    except nx.NetworkXNoPath:
        pass
    ks = [{"nodes": p, "cost": path_cost(G, p)} for p in paths[:K]]
    c["kShortest"] = ks
    # True when path K+1 has the same cost as path K (the cut-off splits a group of equal-cost paths).
    c["kShortestTieAtCutoff"] = len(paths) > K and path_cost(G, paths[K]) == ks[-1]["cost"]
    costs = [path_cost(G, p) for p in paths]
    for a, b in zip(costs, costs[1:]):
        if a > b:
            warnings.append("paths %s %s->%s %s: Yen order not monotone in summed cost" % (name, u, v, metric))
        if a != b and abs(a - b) <= NEAR_TIE_RTOL * max(1.0, abs(b)):
            warnings.append("paths %s %s->%s %s: near-tie costs %r %r" % (name, u, v, metric, a, b))
    if c["distance"] is not None and ks and ks[0]["cost"] != c["distance"]:
        warnings.append("paths %s %s->%s %s: first Yen cost %r != distance %r"
                        % (name, u, v, metric, ks[0]["cost"], c["distance"]))
    return c


def single_source(graphs, name, u, metric, adv=False, types=None):
    G = build(graphs[name], metric, adv, types)
    d = nx.single_source_dijkstra_path_length(G, u, weight="cost")
    return {"graph": name, "from": u, "metric": metric, "includeAdversarial": adv, "types": types,
            "distances": fl(d)}


PATH_CASES = [
    # relations
    ("relations", "PAK", "IND", "length", False, None),          # tie: via SCO and via SAARC
    ("relations", "PAK", "IND", "hops", False, None),            # many 2-hop paths
    ("relations", "PAK", "IND", "hops", True, None),             # adversarial edge gives a direct path
    ("relations", "PAK", "IND", "strength", False, None),
    ("relations", "PAK", "IND", "strength", True, None),
    ("relations", "AFG", "CHN", "length", False, None),          # AFG isolated without adversarial edges
    ("relations", "AFG", "CHN", "length", True, None),
    ("relations", "AFG", "CHN", "hops", True, None),
    ("relations", "NPL", "RUS", "strength", False, ["economic", "security"]),
    ("relations", "BGD", "USA", "length", False, ["economic", "security"]),
    ("relations", "LKA", "IRN", "strength", False, None),
    ("relations", "LKA", "USA", "hops", False, None),
    # florentine (all weights 1)
    ("florentine", "Pazzi", "Bischeri", "hops", False, None),    # 3 shortest paths of 5 hops
    ("florentine", "Acciaiuoli", "Bischeri", "hops", False, None),
    ("florentine", "Medici", "Bischeri", "length", False, None),
    ("florentine", "Ginori", "Lamberteschi", "strength", False, None),
    # directed
    ("directed", "ESP", "NATO", "length", False, None),
    ("directed", "NATO", "USA", "length", False, None),          # NATO has no out-edges
    ("directed", "USA", "ESP", "hops", False, None),             # ESP has no in-edges
    ("directed", "GBR", "USA", "strength", False, None),
    ("directed", "USA", "GBR", "length", False, None),
    ("directed", "UKR", "ISR", "length", False, None),
    ("directed", "UKR", "ISR", "length", True, None),            # adversarial TUR->ISR changes the answer
    ("directed", "POL", "UKR", "strength", False, None),
    ("directed", "UKR", "POL", "strength", False, None),
    ("directed", "ESP", "USA", "hops", False, None),
    # disconnected
    ("disconnected", "NOR", "ARG", "length", False, None),       # different components
    ("disconnected", "NOR", "ISL", "length", False, None),
    ("disconnected", "ISL", "FIN", "strength", False, None),
    ("disconnected", "CHL", "ARG", "hops", False, None),
    ("disconnected", "NZL", "NZL", "length", False, None),       # isolated node, source == target
]

SINGLE_SOURCE = [
    ("relations", "PAK", "length", False, None),
    ("directed", "ESP", "strength", False, None),
    ("disconnected", "NOR", "hops", False, None),
]


# --------------------------------------------------------------------------- main

def dump(path, obj):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(obj, f, indent=1, sort_keys=True, allow_nan=False)
        f.write("\n")


def main():
    write_graph_json(os.path.join(GRAPHS, "karate.json"), make_karate())
    write_graph_json(os.path.join(GRAPHS, "florentine.json"), make_florentine())

    names = ["relations", "karate", "florentine", "directed", "disconnected"]
    graphs = {n: load_json_graph(n) for n in names}
    generator = {"networkx": nx.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
                 "python": platform.python_version(), "script": "make_fixtures.py"}

    centrality = {"generator": generator}
    for n in names:
        g = graphs[n]
        cases = centrality_cases(g, False)
        if n in ("relations", "directed"):
            cases += centrality_cases(g, True)
        if n == "relations":
            cases += centrality_cases(g, False, ["economic", "security"],
                                      only={("betweenness", "strength"), ("closeness", "strength")})
        centrality[n] = {"directed": g["directed"], "cases": cases}

    small = load_small_csv()
    cases, bc, pr = small_cases(small)
    centrality["small"] = {"directed": False, "cases": cases}
    check_against_bench(bc, pr)

    paths = {"generator": generator,
             "cases": [path_case(graphs, *c) for c in PATH_CASES],
             "singleSource": [single_source(graphs, *c) for c in SINGLE_SOURCE]}

    dump(os.path.join(HERE, "centrality.json"), centrality)
    dump(os.path.join(HERE, "paths.json"), paths)

    ncent = sum(len(v["cases"]) for k, v in centrality.items() if k != "generator")
    errs = [(k, c["measure"], c["includeAdversarial"], c["error"])
            for k, v in centrality.items() if k != "generator" for c in v["cases"] if "error" in c]
    print("centrality cases: %d (errors: %s)" % (ncent, errs), file=sys.stderr)
    print("path cases: %d, single-source cases: %d" % (len(paths["cases"]), len(paths["singleSource"])),
          file=sys.stderr)
    for w in warnings:
        print("warning: " + w, file=sys.stderr)


if __name__ == "__main__":
    # nx.harmonic_centrality sums over a *set* of source nodes, so its float summation order (last-bit
    # differences) depends on string hashing.  Re-run under a fixed hash seed for byte-identical output.
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)] + sys.argv[1:], env)
    main()
