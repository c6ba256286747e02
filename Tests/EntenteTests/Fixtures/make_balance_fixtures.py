#!/usr/bin/env python3
"""Generate reference values for Entente's structural balance (`entente balance`).

Run from anywhere:  python3 Tests/EntenteTests/Fixtures/make_balance_fixtures.py

Writes  graphs/balance-*.json (the fixture graphs; random ones from a seeded numpy generator),
        balance.json (the expected values).
Reads   graphs/relations.json and ../../../Graphs/pakistan.json as they are.
All paths are relative to this file. Output is deterministic (sorted keys, float repr).
Needs numpy and scipy only.

Independent of Entente's code, by the definitions:
* signed network: per unordered pair, the sign of (sum of cooperative weights - sum of adversarial
  weights) over the kept edges, summed exactly (fractions.Fraction of the weight as written); an
  exact zero is no tie. Edge direction is ignored.
* triangles: every triple of nodes tested (itertools.combinations), by number of negative ties.
* walk index: K = tr(exp(A)) / tr(exp(|A|)) from numpy.linalg.eigvalsh, each exponent shifted by the
  largest eigenvalue of both spectra; checked against scipy.linalg.expm to 1e-12.
* frustration index: brute force over all 2^(n-1) splits (node 0 fixed to camp 0) up to 16 nodes.
  For the 30-, 40- and 80-node planted graphs: a binary linear programme (scipy.optimize.milp, HiGHS),
  and for the unweighted optimum also a proof: the planted split frustrates exactly F ties, and F
  edge-disjoint unbalanced triangles (each holding one flipped tie) need one frustrated tie each.
"""

import fractions
import itertools
import json
import math
import os
import platform
import sys

import numpy as np
import scipy
import scipy.linalg
import scipy.sparse
from scipy.optimize import Bounds, LinearConstraint, milp

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPHS = os.path.join(HERE, "graphs")
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, HERE)
from make_fixtures import write_graph_json  # noqa: E402

BRUTE_FORCE_LIMIT = 16


# --------------------------------------------------------------------------- fixture graphs

def graph(name, nodes, edges, directed=False, types=(), kinds=()):
    """A graph in Entente's JSON format; nodes are ids or (id, kind), edges (s, t, type, w, polarity)."""
    node_list = []
    for n in nodes:
        nid, kind = (n, "state") if isinstance(n, str) else n
        node_list.append({"id": nid, "label": nid, "kind": kind})
    return {
        "name": name, "directed": directed, "types": list(types), "kinds": list(kinds), "sources": [],
        "nodes": node_list,
        "edges": [{"source": s, "target": t, "type": ty, "weight": w, "polarity": p} for s, t, ty, w, p in edges],
    }


def balanced_graph():
    """Two blocs, cooperative within and adversarial across, with a few parallel edges: balanced."""
    west = ["USA", "GBR", "FRA", "DEU"]
    east = ["RUS", "CHN", "IRN", "PRK"]
    edges = []
    for a, b in itertools.combinations(west, 2):
        edges.append((a, b, "security", 3, "cooperative"))
    for a, b in [("RUS", "CHN"), ("RUS", "IRN"), ("CHN", "PRK"), ("CHN", "IRN"), ("RUS", "PRK")]:
        edges.append((a, b, "security", 4, "cooperative"))
    edges.append(("CHN", "IRN", "economic", 2.5, "cooperative"))
    for a, b in [("USA", "RUS"), ("USA", "CHN"), ("GBR", "RUS"), ("FRA", "IRN"), ("DEU", "PRK"), ("USA", "PRK")]:
        edges.append((a, b, "security", 2, "adversarial"))
    # A cooperative trade tie outweighed by an adversarial one: still a negative tie.
    edges.append(("DEU", "CHN", "economic", 1, "cooperative"))
    edges.append(("DEU", "CHN", "security", 3, "adversarial"))
    return graph("Two blocs (balanced)", west + east, edges)


def unbalanced_graph():
    """Every triangle unbalanced: a K4 whose perfect matching is adversarial (each triangle ++-),
    a K4 of rivals (each triangle ---), joined by a bridge (no triangle)."""
    edges = []
    for a, b in itertools.combinations(["A", "B", "C", "D"], 2):
        negative = (a, b) in [("A", "B"), ("C", "D")]
        edges.append((a, b, "security", 2 if negative else 1, "adversarial" if negative else "cooperative"))
    for a, b in itertools.combinations(["E", "F", "G", "H"], 2):
        edges.append((a, b, "security", 1 + (ord(a) + ord(b)) % 3, "adversarial"))
    edges.append(("D", "E", "economic", 3, "cooperative"))
    return graph("Every triangle unbalanced", ["A", "B", "C", "D", "E", "F", "G", "H"], edges)


def parallel_graph():
    """Parallel mixed-sign ties: partial cancellation, exact cancellation (also 0.1 + 0.2 against
    0.3, which floats do not cancel exactly), and a directed-looking reverse edge."""
    edges = [
        ("PAK", "CHN", "economic", 4, "cooperative"),
        ("PAK", "CHN", "security", 1.5, "adversarial"),      # net +2.5
        ("PAK", "IND", "economic", 3, "cooperative"),
        ("PAK", "IND", "security", 3, "adversarial"),        # net 0: no tie
        ("IND", "CHN", "economic", 0.5, "cooperative"),
        ("CHN", "IND", "security", 2, "adversarial"),        # net -1.5 (written the other way)
        ("IND", "USA", "economic", 0.1, "cooperative"),
        ("IND", "USA", "cultural", 0.2, "cooperative"),
        ("USA", "IND", "security", 0.3, "adversarial"),      # net 0 exactly, not in floats
        ("USA", "PAK", "economic", 2, "cooperative"),
        ("USA", "PAK", "security", 2.5, "adversarial"),      # net -0.5
        ("USA", "CHN", "security", 3, "adversarial"),
        ("CHN", "RUS", "security", 4, "cooperative"),
        ("RUS", "USA", "security", 2, "adversarial"),
        ("RUS", "USA", "economic", 1, "cooperative"),        # net -1
        ("RUS", "IND", "economic", 2, "cooperative"),
        ("RUS", "PAK", "economic", 1, "cooperative"),
        ("RUS", "PAK", "security", 0.25, "adversarial"),     # net +0.75
    ]
    return graph("Parallel mixed-sign ties", ["PAK", "CHN", "IND", "USA", "RUS", "AFG"], edges)


def random_graph(name, n, density, negative, seed, directed=False):
    """Random signed multigraph: each pair gets 1-3 edges with probability `density`, of random
    type, weight and polarity (adversarial with probability `negative`)."""
    rng = np.random.default_rng(seed)
    ids = ["N%02d" % i for i in range(n)]
    types = ["economic", "security", "cultural"]
    weights = [0.5, 1, 1.5, 2, 2.5, 3, 4, 5]
    edges = []
    for a, b in itertools.combinations(range(n), 2):
        if rng.random() >= density:
            continue
        for _ in range(int(rng.integers(1, 4)) if rng.random() < 0.3 else 1):
            s, t = (a, b) if rng.random() < 0.5 else (b, a)
            edges.append((ids[s], ids[t], types[int(rng.integers(0, 3))], weights[int(rng.integers(0, len(weights)))],
                          "adversarial" if rng.random() < negative else "cooperative"))
    kinds = [(i, "state" if k % 4 else "bloc") for k, i in enumerate(ids)]
    return graph(name, kinds, edges, directed=directed)


def planted_graph(name, n, density, flips, seed):
    """Two planted camps; ties cooperative within and adversarial across, then `flips` random ties
    flipped, each chosen so that it closes a triangle with two unflipped ties that no other flipped
    tie uses (the proof that the optimum is `flips`). Weights 1-5."""
    rng = np.random.default_rng(seed)
    ids = ["P%02d" % i for i in range(n)]
    camp = rng.integers(0, 2, n)
    pairs = [(a, b) for a, b in itertools.combinations(range(n), 2) if rng.random() < density]
    present = set(pairs)
    weight = {p: int(rng.integers(1, 6)) for p in pairs}
    flipped, witnesses, used = [], [], set()
    order = [pairs[i] for i in rng.permutation(len(pairs))]
    for a, b in order:
        if len(flipped) == flips:
            break
        if (a, b) in used:
            continue
        for c in rng.permutation(n):
            c = int(c)
            ac, bc = tuple(sorted((a, c))), tuple(sorted((b, c)))
            if c in (a, b) or ac not in present or bc not in present or ac in used or bc in used:
                continue
            if ac in flipped or bc in flipped:
                continue
            flipped.append((a, b))
            witnesses.append((a, b, c))
            used.update([(a, b), ac, bc])
            break
    assert len(flipped) == flips, "could not plant %d flips" % flips
    edges = []
    for a, b in pairs:
        negative = (camp[a] != camp[b]) != ((a, b) in flipped)
        edges.append((ids[a], ids[b], "security", weight[(a, b)], "adversarial" if negative else "cooperative"))
    return graph(name, ids, edges), witnesses


# --------------------------------------------------------------------------- the definitions

def view(g, types=None, kinds=None):
    """Node ids (file order) and edges kept by the filter (all polarities)."""
    nodes = [n["id"] for n in g["nodes"] if kinds is None or n.get("kind", "state") in kinds]
    keep = set(nodes)
    edges = [e for e in g["edges"] if e["source"] in keep and e["target"] in keep
             and (types is None or e.get("type", "economic") in types)]
    return nodes, edges


def signed_network(nodes, edges, rule="net"):
    """{(i, j): signed Fraction} for i < j (positions in `nodes`), zeros left out. Per pair, the sums
    of cooperative (co) and adversarial (ad) weights; the sign rule makes one signed weight of them:
    net co - ad; negative-wins -ad if ad > 0 else co; positive-wins co if co > 0 else -ad."""
    index = {n: i for i, n in enumerate(nodes)}
    sums = {}
    for e in edges:
        a, b = index[e["source"]], index[e["target"]]
        key = (min(a, b), max(a, b))
        w = fractions.Fraction(str(e["weight"]))
        co, ad = sums.get(key, (0, 0))
        sums[key] = (co + w, ad) if e.get("polarity", "cooperative") == "cooperative" else (co, ad + w)
    signed = {}
    for key, (co, ad) in sums.items():
        if rule == "net":
            signed[key] = co - ad
        elif rule == "negative-wins":
            signed[key] = -ad if ad > 0 else co
        else:
            signed[key] = co if co > 0 else -ad
    return {k: v for k, v in signed.items() if v != 0}


def triangles(nodes, ties):
    n = len(nodes)
    adjacent = [set() for _ in range(n)]
    for a, b in ties:
        adjacent[a].add(b)
        adjacent[b].add(a)
    patterns = {"+++": 0, "++-": 0, "+--": 0, "---": 0}
    names = ["+++", "++-", "+--", "---"]
    per_node = {nid: {"triangles": 0, "unbalanced": 0} for nid in nodes}
    unbalanced = []
    for a, b, c in itertools.combinations(range(n), 3):
        if b in adjacent[a] and c in adjacent[a] and c in adjacent[b]:
            negatives = sum(ties[p] < 0 for p in [(a, b), (a, c), (b, c)])
            patterns[names[negatives]] += 1
            for x in (a, b, c):
                per_node[nodes[x]]["triangles"] += 1
            if negatives % 2 == 1:
                unbalanced.append(sorted([nodes[a], nodes[b], nodes[c]]))
                for x in (a, b, c):
                    per_node[nodes[x]]["unbalanced"] += 1
    total = sum(patterns.values())
    return {"total": total, "balanced": patterns["+++"] + patterns["+--"], "patterns": patterns,
            "unbalanced": sorted(unbalanced)}, per_node


def matrices(n, ties, weighted):
    signed = np.zeros((n, n))
    for (a, b), w in ties.items():
        value = float(w) if weighted else (1.0 if w > 0 else -1.0)
        signed[a, b] = signed[b, a] = value
    return signed, np.abs(signed)


def walk_index(n, ties, weighted):
    signed, absolute = matrices(n, ties, weighted)
    lam = np.linalg.eigvalsh(signed)
    mu = np.linalg.eigvalsh(absolute)
    shift = max(lam.max(), mu.max())
    k = float(np.sum(np.exp(np.sort(lam) - shift)) / np.sum(np.exp(np.sort(mu) - shift)))
    if mu.max() < 300:   # expm of unshifted matrices would overflow beyond
        by_expm = float(np.trace(scipy.linalg.expm(signed)) / np.trace(scipy.linalg.expm(absolute)))
        assert abs(k - by_expm) <= 1e-12 * max(1, abs(k)), (k, by_expm)
    return k


def tie_arrays(ties, weighted):
    keys = sorted(ties)
    u = np.array([a for a, _ in keys], dtype=np.int64)
    v = np.array([b for _, b in keys], dtype=np.int64)
    negative = np.array([ties[k] < 0 for k in keys])
    cost = np.array([float(abs(ties[k])) if weighted else 1.0 for k in keys])
    return u, v, negative, cost


def frustration_brute_force(n, ties, weighted):
    """Minimum over every split with node 0 in camp 0, and how many splits reach it."""
    u, v, negative, cost = tie_arrays(ties, weighted)
    if n <= 1 or len(u) == 0:
        return 0.0, 1
    best, count = math.inf, 0
    # Chunks of splits as bit matrices: camp of node i = bit i of the split number (node 0 always 0).
    splits = np.arange(2 ** (n - 1), dtype=np.int64) << 1
    for start in range(0, len(splits), 1 << 16):
        chunk = splits[start:start + (1 << 16)]
        bits = (chunk[:, None] >> np.arange(n)) & 1
        frustrated = (bits[:, u] != bits[:, v]) != negative
        values = frustrated.astype(float) @ cost
        low = values.min()
        if low < best - 1e-9:
            best, count = low, int(np.sum(values <= low + 1e-9))
        elif abs(low - best) <= 1e-9:
            count += int(np.sum(values <= low + 1e-9))
    return float(best), count


def frustration_milp(n, ties, weighted):
    """The binary linear programme of Aref et al.: x_i in {0,1} the camp, f_ij >= |x_i - x_j| for
    positive ties and f_ij >= |x_i + x_j - 1| for negative ones; minimise the cost of the f."""
    u, v, negative, cost = tie_arrays(ties, weighted)
    m = len(u)
    a = scipy.sparse.lil_matrix((2 * m + 1, n + m))
    low = []
    for k in range(m):
        i, j = u[k], v[k]
        if not negative[k]:
            a[2 * k, n + k], a[2 * k, i], a[2 * k, j] = 1, -1, 1
            a[2 * k + 1, n + k], a[2 * k + 1, i], a[2 * k + 1, j] = 1, 1, -1
            low += [0, 0]
        else:
            a[2 * k, n + k], a[2 * k, i], a[2 * k, j] = 1, -1, -1
            a[2 * k + 1, n + k], a[2 * k + 1, i], a[2 * k + 1, j] = 1, 1, 1
            low += [-1, 1]
    a[2 * m, 0] = 1
    low.append(0)
    high = [np.inf] * (2 * m) + [0]
    result = milp(np.concatenate([np.zeros(n), cost]), constraints=LinearConstraint(a.tocsr(), low, high),
                  integrality=np.ones(n + m), bounds=Bounds(0, 1), options={"mip_rel_gap": 0})
    assert result.status == 0, result.message
    return float(round(result.fun, 9))


# --------------------------------------------------------------------------- cases

def case(name, file, g, signs, types=None, kinds=None, method="brute force", proof=None, rule="net"):
    nodes, edges = view(g, types, kinds)
    ties = signed_network(nodes, edges, rule)
    weighted = signs == "weighted"
    census, per_node = triangles(nodes, ties)
    n = len(nodes)
    result = {
        "graph": name, "file": file, "types": types, "kinds": kinds, "signs": signs, "rule": rule,
        "nodes": n, "positive": sum(1 for w in ties.values() if w > 0),
        "negative": sum(1 for w in ties.values() if w < 0),
        "triangles": census, "perNode": per_node, "walk": walk_index(n, ties, weighted),
    }
    if method == "brute force":
        assert n <= BRUTE_FORCE_LIMIT, name
        value, optimal_splits = frustration_brute_force(n, ties, weighted)
        result["optimalSplits"] = optimal_splits
    else:
        value = frustration_milp(n, ties, weighted)
        if proof is not None and not weighted:
            assert value == proof, (name, value, proof)
    result["frustration"] = value
    result["method"] = method
    return result


def check_planted(g, witnesses):
    """The planted split frustrates exactly the flipped ties, and the witnesses are edge-disjoint
    unbalanced triangles: so the unweighted optimum is the number of flips."""
    nodes, edges = view(g)
    ties = signed_network(nodes, edges)
    keys = [tuple(sorted(p)) for a, b, c in witnesses for p in [(a, b), (a, c), (b, c)]]
    assert len(keys) == len(set(keys)), "witness triangles share a tie"
    for a, b, c in witnesses:
        negatives = sum(ties[tuple(sorted(p))] < 0 for p in [(a, b), (a, c), (b, c)])
        assert negatives % 2 == 1, "witness triangle is balanced"
    return len(witnesses)


def main():
    generator = {"numpy": np.__version__, "scipy": scipy.__version__, "python": platform.python_version()}
    written = {
        "balance-balanced": balanced_graph(),
        "balance-unbalanced": unbalanced_graph(),
        "balance-parallel": parallel_graph(),
        "balance-random-8": random_graph("Random signed, 8 nodes", 8, 0.6, 0.4, 8),
        "balance-random-11": random_graph("Random signed, 11 nodes", 11, 0.5, 0.45, 11),
        "balance-random-13": random_graph("Random signed, 13 nodes, directed", 13, 0.45, 0.35, 13, directed=True),
        "balance-random-16": random_graph("Random signed, 16 nodes", 16, 0.4, 0.5, 16),
    }
    planted30, witnesses30 = planted_graph("Planted camps, 30 nodes, 12 flips", 30, 0.35, 12, 30)
    planted40, witnesses40 = planted_graph("Planted camps, 40 nodes, 16 flips", 40, 0.3, 16, 40)
    # Above the default exact limit (64 nodes): the local search's case.
    planted80, witnesses80 = planted_graph("Planted camps, 80 nodes, 20 flips", 80, 0.15, 20, 80)
    written["balance-planted-30"] = planted30
    written["balance-planted-40"] = planted40
    written["balance-planted-80"] = planted80
    for name, g in written.items():
        write_graph_json(os.path.join(GRAPHS, name + ".json"), g)

    def local(name):
        return "Tests/EntenteTests/Fixtures/graphs/%s.json" % name

    with open(os.path.join(GRAPHS, "relations.json"), encoding="utf-8") as f:
        relations = json.load(f)
    with open(os.path.join(ROOT, "Graphs", "pakistan.json"), encoding="utf-8") as f:
        pakistan = json.load(f)

    cases = []
    for signs in ("unweighted", "weighted"):
        for name in ["balance-balanced", "balance-unbalanced", "balance-parallel", "balance-random-8",
                     "balance-random-11", "balance-random-13", "balance-random-16"]:
            cases.append(case(name, local(name), written[name], signs))
        cases.append(case("balance-random-16", local("balance-random-16"), written["balance-random-16"], signs,
                          types=["security", "economic"]))
        cases.append(case("balance-random-16", local("balance-random-16"), written["balance-random-16"], signs,
                          kinds=["state"]))
        cases.append(case("relations", local("relations"), relations, signs))
        cases.append(case("pakistan", "Graphs/pakistan.json", pakistan, signs))
        cases.append(case("pakistan", "Graphs/pakistan.json", pakistan, signs, types=["security"]))
        cases.append(case("pakistan", "Graphs/pakistan.json", pakistan, signs, kinds=["state"]))
        cases.append(case("balance-planted-30", local("balance-planted-30"), planted30, signs, method="milp",
                          proof=check_planted(planted30, witnesses30)))
        cases.append(case("balance-planted-40", local("balance-planted-40"), planted40, signs, method="milp",
                          proof=check_planted(planted40, witnesses40)))
        cases.append(case("balance-planted-80", local("balance-planted-80"), planted80, signs, method="milp",
                          proof=check_planted(planted80, witnesses80)))

    # The other sign rules, on the graphs with pairs of both polarities.
    for signs in ("unweighted", "weighted"):
        for rule in ("negative-wins", "positive-wins"):
            for name in ["balance-parallel", "balance-random-13", "balance-random-16"]:
                cases.append(case(name, local(name), written[name], signs, rule=rule))
            cases.append(case("relations", local("relations"), relations, signs, rule=rule))
            cases.append(case("pakistan", "Graphs/pakistan.json", pakistan, signs, rule=rule))
            cases.append(case("balance-planted-30", local("balance-planted-30"), planted30, signs, method="milp",
                              rule=rule))

    with open(os.path.join(HERE, "balance.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump({"generator": generator, "cases": cases}, f, indent=1, sort_keys=True)
        f.write("\n")
    print("balance cases: %d" % len(cases), file=sys.stderr)


if __name__ == "__main__":
    main()
