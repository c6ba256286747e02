#!/usr/bin/env python3
"""Reference values for Entente's exact frustration index, from an independent solver.

Run from anywhere:  python3 Tests/EntenteTests/Fixtures/make_frustration_fixtures.py

Writes  graphs/frustration-*.csv   generated signed graphs (50-300 nodes, seeded), and
        graphs/highland-tribes.csv Read's highland tribes (below),
        frustration.json           the expected values;
with --world, frustration-world.json from graphs/world-security-<year>.csv (see WORLD_YEARS).
Needs highspy (PyPI) and Benchmarks/frustration_reference.py, which builds Aref, Mason & Wilson's
AND model and solves it with HiGHS to proven optimality (mip_rel_gap 0). Every value is checked
twice: HiGHS reports it optimal, and the frustration of HiGHS's own split, recomputed here from the
definition with exact fractions, equals it. Each graph is solved unweighted and weighted, under each
sign rule (net, negative-wins, positive-wins; see frustration_reference.signed_ties).

Read's highland tribes: the alliance ("rova", positive) and enmity ("hina", negative) relations of
the 16 Gahuku-Gama subtribes of the Eastern Central Highlands of New Guinea, from K. E. Read,
"Cultures of the Central Highlands, New Guinea", Southwestern Journal of Anthropology 10 (1954) 1-43,
as coded by Hage & Harary, Structural Models in Anthropology (1983) 56-60, and distributed in UCINET
(gama.dat) and R's signnet (data `tribes`). 58 ties, 29 positive and 29 negative. Its frustration
index is 7 (Aref & Wilson 2019, "Balance and frustration in signed networks", J. Complex Networks;
signnet's frustration_exact); the brute force over 2^15 splits below confirms it.
"""
import csv
import itertools
import json
import os
import platform
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
GRAPHS = os.path.join(HERE, "graphs")
sys.path.insert(0, os.path.join(ROOT, "Benchmarks"))
import frustration_reference as reference  # noqa: E402

TRIBES = ["Gavev", "Kotun", "Ove", "Alika", "Nagam", "Gahuk", "Masil", "Ukudz", "Notoh", "Kohik", "Geham",
          "Asaro", "Uheto", "Seuve", "Nagad", "Gama"]
# (tribe, tribe, +1 rova / -1 hina), Read 1954 via Hage & Harary 1983 (UCINET gama.dat).
TRIBE_TIES = [
    ("Gavev", "Kotun", 1), ("Gavev", "Ove", -1), ("Gavev", "Alika", -1), ("Gavev", "Nagam", -1),
    ("Gavev", "Gahuk", -1), ("Gavev", "Asaro", -1), ("Gavev", "Nagad", 1), ("Gavev", "Gama", 1),
    ("Kotun", "Ove", -1), ("Kotun", "Nagam", -1), ("Kotun", "Gahuk", -1), ("Kotun", "Notoh", -1),
    ("Kotun", "Kohik", -1), ("Kotun", "Nagad", 1), ("Kotun", "Gama", 1), ("Ove", "Alika", 1),
    ("Ove", "Gahuk", 1), ("Ove", "Masil", 1), ("Ove", "Ukudz", 1), ("Alika", "Ukudz", 1),
    ("Nagam", "Masil", 1), ("Nagam", "Notoh", 1), ("Nagam", "Seuve", 1), ("Nagam", "Nagad", -1),
    ("Nagam", "Gama", -1), ("Gahuk", "Masil", 1), ("Gahuk", "Ukudz", 1), ("Gahuk", "Notoh", -1),
    ("Gahuk", "Geham", 1), ("Gahuk", "Asaro", 1), ("Gahuk", "Uheto", -1), ("Gahuk", "Gama", -1),
    ("Masil", "Ukudz", 1), ("Masil", "Geham", 1), ("Masil", "Asaro", 1), ("Masil", "Uheto", 1),
    ("Ukudz", "Geham", 1), ("Ukudz", "Asaro", 1), ("Ukudz", "Seuve", -1), ("Notoh", "Kohik", 1),
    ("Notoh", "Geham", -1), ("Notoh", "Uheto", 1), ("Notoh", "Nagad", -1), ("Kohik", "Geham", -1),
    ("Kohik", "Uheto", 1), ("Kohik", "Nagad", -1), ("Geham", "Asaro", 1), ("Geham", "Uheto", -1),
    ("Geham", "Nagad", -1), ("Geham", "Gama", -1), ("Asaro", "Seuve", -1), ("Asaro", "Nagad", -1),
    ("Asaro", "Gama", -1), ("Uheto", "Seuve", 1), ("Uheto", "Nagad", -1), ("Uheto", "Gama", -1),
    ("Seuve", "Gama", -1), ("Nagad", "Gama", 1),
]

# (name, nodes, average degree, camps, share of ties against the camps, share of pairs with a second
# edge of the other polarity, seed). Planted camps with noise: hard enough that the local search
# alone rarely proves them, easy enough for HiGHS in seconds.
GENERATED = [
    ("frustration-50", 50, 8, 2, 0.06, 0.06, 50),
    ("frustration-60", 60, 14, 2, 0.03, 0.04, 60),
    ("frustration-80", 80, 10, 2, 0.05, 0.04, 80),
    ("frustration-100", 100, 12, 2, 0.04, 0.04, 100),
    ("frustration-120", 120, 6, 2, 0.06, 0.04, 120),
    ("frustration-150", 150, 16, 2, 0.03, 0.03, 150),
    ("frustration-180", 180, 9, 2, 0.04, 0.03, 180),
    ("frustration-200", 200, 20, 2, 0.02, 0.03, 200),
    ("frustration-250", 250, 12, 2, 0.03, 0.03, 250),
    ("frustration-300", 300, 8, 2, 0.03, 0.03, 300),
]
# (name, nodes, blocs, share of cross-bloc pairs tied, noise, mixed, seed): world-like, alliance blocs
# as near-cliques on two sides, ties across blocs adversarial between the sides.
BLOCS = [
    ("frustration-260-blocs", 260, 9, 0.07, 0.002, 0.003, 261),
]


def generated_rows(n, degree, camps, noise, mixed, seed):
    """Edges (source, target, weight, polarity): camps drawn at random; each tie cooperative within a
    camp and adversarial across (camps beyond two are all enemies of each other), flipped with
    probability `noise`; with probability `mixed` the pair gets a second edge of the other polarity."""
    rng = random.Random(seed)
    ids = ["N%03d" % i for i in range(n)]
    camp = [rng.randrange(camps) for _ in range(n)]
    pairs = set()
    target = n * degree // 2
    while len(pairs) < target:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    rows = []
    for a, b in sorted(pairs):
        cooperative = (camp[a] == camp[b]) != (rng.random() < noise)
        polarity = "cooperative" if cooperative else "adversarial"
        rows.append((ids[a], ids[b], rng.randint(1, 5), polarity))
        if rng.random() < mixed:
            other = "adversarial" if cooperative else "cooperative"
            rows.append((ids[b], ids[a], rng.randint(1, 5), other))
    return rows


def bloc_rows(n, blocs, cross, noise, mixed, seed):
    """Edges of a world-like graph: nodes split into `blocs` blocs, each on one of two sides; pairs in
    a bloc tied with probability 0.9, pairs across blocs with probability `cross` (cooperative on
    the same side, adversarial across); each tie flipped with probability `noise`, and a second edge
    of the other polarity with probability `mixed`."""
    rng = random.Random(seed)
    ids = ["B%03d" % i for i in range(n)]
    bloc = [i * blocs // n for i in range(n)]
    side = [b % 2 for b in range(blocs)]
    rows = []
    for a, b in itertools.combinations(range(n), 2):
        same = bloc[a] == bloc[b]
        if rng.random() >= (0.9 if same else cross):
            continue
        cooperative = (side[bloc[a]] == side[bloc[b]]) != (rng.random() < noise)
        polarity = "cooperative" if cooperative else "adversarial"
        rows.append((ids[a], ids[b], rng.randint(1, 5), polarity))
        if rng.random() < mixed:
            rows.append((ids[b], ids[a], rng.randint(1, 5), "adversarial" if cooperative else "cooperative"))
    return rows


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("source,target,type,weight,polarity\n")
        for s, t, w, pol in rows:
            f.write("%s,%s,security,%s,%s\n" % (s, t, w, pol))


def solve(name, path, rule, weighted):
    nodes, ties = reference.signed_ties(reference.read_csv(path), rule)
    result = reference.solve_and_model(len(nodes), ties, weighted)
    assert result["optimal"], (name, rule, weighted)
    check = reference.frustration_of(result["camps"], ties, weighted)
    assert abs(float(check) - result["value"]) < 1e-6, (name, check, result["value"])
    value = float(check)
    return {"graph": name, "file": os.path.relpath(path, ROOT), "rule": rule,
            "signs": "weighted" if weighted else "unweighted", "nodes": len(nodes), "ties": len(ties),
            "negative": sum(1 for w in ties.values() if w < 0), "frustration": value,
            "method": "highspy %s, AND model" % reference_version()}


def reference_version():
    import highspy
    return highspy.Highs().version()


def brute_force_tribes():
    index = {t: i for i, t in enumerate(TRIBES)}
    best = None
    for split in range(1 << (len(TRIBES) - 1)):
        camp = [0] + [(split >> i) & 1 for i in range(len(TRIBES) - 1)]
        f = sum(1 for a, b, s in TRIBE_TIES if (camp[index[a]] != camp[index[b]]) != (s < 0))
        best = f if best is None else min(best, f)
    return best


# The world's security network of these years (Graphs/world/security.json: ATOP 5.1 alliances,
# Thompson & Dreyer strategic rivalries, COW MID 5.0 disputes; see Graphs/world/README.md for the
# citations), derived by `python3 Benchmarks/world_years.py --out DIR` and copied here as
# graphs/world-security-<year>.csv. They are written to frustration-world.json.
WORLD_YEARS = [1962, 1975, 1985, 2000, 2010]


def world_cases(only):
    cases = []
    for year in WORLD_YEARS:
        name = "world-security-%d" % year
        if only and name not in only:
            continue
        path = os.path.join(GRAPHS, name + ".csv")
        for rule in ("negative-wins", "net"):
            for weighted in (False, True):
                cases.append(solve(name, path, rule, weighted))
                print(json.dumps(cases[-1]), file=sys.stderr, flush=True)
    return cases


def graph_cases(only):
    os.makedirs(GRAPHS, exist_ok=True)
    assert len(TRIBE_TIES) == 58 and sum(1 for t in TRIBE_TIES if t[2] < 0) == 29
    cases = []
    if not only or "highland-tribes" in only:
        tribes_path = os.path.join(GRAPHS, "highland-tribes.csv")
        write_csv(tribes_path, [(a, b, 1, "cooperative" if s > 0 else "adversarial") for a, b, s in TRIBE_TIES])
        assert brute_force_tribes() == 7
        for rule in ("net", "negative-wins", "positive-wins"):
            case = solve("highland-tribes", tribes_path, rule, False)
            assert case["frustration"] == 7, case
            case["published"] = 7
            cases.append(case)
    graphs = [(name, lambda n=n, d=degree, c=camps, z=noise, x=mixed, r=seed: generated_rows(n, d, c, z, x, r))
              for name, n, degree, camps, noise, mixed, seed in GENERATED]
    graphs += [(name, lambda n=n, b=blocs, c=cross, z=noise, x=mixed, r=seed: bloc_rows(n, b, c, z, x, r))
               for name, n, blocs, cross, noise, mixed, seed in BLOCS]
    for name, rows in graphs:
        if only and name not in only:
            continue
        path = os.path.join(GRAPHS, name + ".csv")
        write_csv(path, rows())
        for rule in ("net", "negative-wins", "positive-wins"):
            for weighted in (False, True):
                cases.append(solve(name, path, rule, weighted))
                print(json.dumps(cases[-1]), file=sys.stderr, flush=True)
    return cases


def order():
    """The order of the graphs in the files."""
    return (["highland-tribes"] + [g[0] for g in GENERATED] + [g[0] for g in BLOCS]
            + ["world-security-%d" % y for y in WORLD_YEARS])


def write(name, cases, only):
    """Writes the cases, keeping those of the graphs not recomputed when `only` names some."""
    path = os.path.join(HERE, name)
    if only and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            kept = [c for c in json.load(f)["cases"] if c["graph"] not in only]
        cases = kept + cases
    rank = {g: i for i, g in enumerate(order())}
    rules = ["net", "negative-wins", "positive-wins"]
    cases.sort(key=lambda c: (rank[c["graph"]], rules.index(c["rule"]), c["signs"] == "weighted"))
    generator = {"highspy": reference_version(), "python": platform.python_version()}
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump({"generator": generator, "cases": cases}, f, indent=1, sort_keys=True)
        f.write("\n")
    print("%s: %d cases" % (name, len(cases)), file=sys.stderr)


def main():
    """`make_frustration_fixtures.py [--world] [GRAPH ...]`: every graph, or only those named (the
    other cases of the file are kept); --world for the world's year networks."""
    args = sys.argv[1:]
    only = [a for a in args if not a.startswith("--")]
    if "--world" in args:
        write("frustration-world.json", world_cases(only), only)
    else:
        write("frustration.json", graph_cases(only), only)


if __name__ == "__main__":
    main()
