#!/usr/bin/env python3
"""Generated year-like security networks, standing in for the world's yearly security networks
(alliances cooperative, rivalries and disputes adversarial) where those are not at hand.

    python3 Benchmarks/gen_year_networks.py OUT_DIR [--first 1946] [--last 2014]

Writes OUT_DIR/<year>.csv (columns source,target,type,weight,polarity) for every year. Each year's
network is drawn from its own seed, so a year is the same whichever range is asked for. Its shape
follows the world's: the number of states grows from about 70 (1946) to about 190 (2014); states
belong to regional blocs whose members are all allied to each other (multilateral pacts give
cliques), plus bilateral pacts across blocs; rivalries are mostly across blocs, some inside them
(the Greece–Turkey kind), and a few pairs have both an alliance and a rivalry (for the sign rule).
Weights: defence pact 3, neutrality pact 2, entente 1; rivalry 1–3. About 5–15 % of the pairs
are adversarial.
"""
import argparse
import os
import random


def states_in(year):
    """Number of states in a year: about 70 in 1946, 108 in 1962, 156 in 1985, 186 in 2010."""
    points = [(1946, 70), (1962, 108), (1985, 156), (1992, 178), (2010, 186), (2014, 190)]
    for (y0, n0), (y1, n1) in zip(points, points[1:]):
        if year <= y1:
            return round(n0 + (n1 - n0) * (year - y0) / (y1 - y0))
    return points[-1][1]


def network(year):
    rng = random.Random(year * 7919)
    n = states_in(year)
    ids = ["S%03d" % i for i in range(n)]
    # Regions: shares of the states, each with one or two multilateral blocs over part of it.
    regions = [0.18, 0.16, 0.10, 0.12, 0.30, 0.14]
    bounds, start = [], 0
    for share in regions:
        end = min(n, start + round(share * n))
        bounds.append((start, end))
        start = end
    bounds[-1] = (bounds[-1][0], n)
    growth = (year - 1946) / (2014 - 1946)
    edges = {}

    def tie(a, b, kind, weight, polarity):
        if a == b:
            return
        key = (min(a, b), max(a, b), polarity)
        if key not in edges or edges[key][1] < weight:
            edges[key] = (kind, weight)

    for r, (lo, hi) in enumerate(bounds):
        members = list(range(lo, hi))
        # Multilateral blocs cover more of a region as time goes on (Africa's from the 1960s).
        cover = 0.7 + 0.3 * growth if r != 4 else max(0.1, min(0.9, 0.2 + 0.7 * (year - 1960) / 40))
        bloc = [m for m in members if rng.random() < cover]
        for i, a in enumerate(bloc):
            for b in bloc[i + 1:]:
                tie(ids[a], ids[b], "security", 3 if r < 3 else 2, "cooperative")
        # A second, smaller bloc inside the region.
        sub = rng.sample(members, min(len(members), max(3, len(members) // 4)))
        for i, a in enumerate(sub):
            for b in sub[i + 1:]:
                tie(ids[a], ids[b], "security", 3, "cooperative")
    # Bilateral pacts, mostly within regions, some across.
    for _ in range(int(n * (1.5 + 4 * growth))):
        a = rng.randrange(n)
        lo, hi = next(bd for bd in bounds if bd[0] <= a < bd[1])
        b = rng.randrange(lo, hi) if rng.random() < 0.6 else rng.randrange(n)
        tie(ids[a], ids[b], "security", rng.choice([1, 2, 3]), "cooperative")
    # Rivalries: between the two leading blocs, across regions and inside them.
    rivalries = int(n * (0.55 - 0.25 * max(0.0, (year - 1990) / 24)))
    for _ in range(rivalries):
        u = rng.random()
        if u < 0.35:
            a = rng.randrange(*bounds[0])
            b = rng.randrange(*bounds[2])
        elif u < 0.7:
            a, b = rng.randrange(n), rng.randrange(n)
        else:
            lo, hi = bounds[rng.randrange(len(bounds))]
            a, b = rng.randrange(lo, hi), rng.randrange(lo, hi)
        tie(ids[a], ids[b], "security", rng.choice([1, 2, 3]), "adversarial")
    rows = [(a, b, kind, w, pol) for (a, b, pol), (kind, w) in sorted(edges.items())]
    return rows


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("source,target,type,weight,polarity\n")
        for a, b, kind, w, pol in rows:
            f.write("%s,%s,%s,%g,%s\n" % (a, b, kind, w, pol))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--first", type=int, default=1946)
    parser.add_argument("--last", type=int, default=2014)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for year in range(args.first, args.last + 1):
        write(os.path.join(args.out, "%d.csv" % year), network(year))


if __name__ == "__main__":
    main()
