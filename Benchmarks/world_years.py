#!/usr/bin/env python3
"""The world's security network of each year, as CSV edge lists for the frustration benchmark.

    python3 Benchmarks/world_years.py [--world Graphs/world/security.json] [--out Benchmarks/graphs/years]
                                      [--first 1946] [--last 2014]

Reads Graphs/world/security.json (alliances from ATOP 5.1 cooperative; strategic rivalries from
Thompson & Dreyer and militarized interstate disputes from COW MID 5.0 adversarial; see
Graphs/world/README.md for the coding and the citations) and writes <year>.csv for every year: the
ties in force that year (since <= year <= until), both ends in the state system that year, one row per
tie with its weight and polarity. A pair with an alliance and a rivalry or dispute keeps both rows:
the sign rule of `entente balance` decides its sign (negative-wins by default). States without a tie
that year are left out (they change no frustration).
"""
import argparse
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def in_system(node, year):
    spells = node.get("spells") or [{"since": node.get("since"), "until": node.get("until")}]
    return any((s.get("since") or -10**9) <= year <= (s.get("until") or 10**9) for s in spells)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--world", default=os.path.join(ROOT, "Graphs", "world", "security.json"))
    parser.add_argument("--out", default=os.path.join(HERE, "graphs", "years"))
    parser.add_argument("--first", type=int, default=1946)
    parser.add_argument("--last", type=int, default=2014)
    args = parser.parse_args()
    with open(args.world, encoding="utf-8") as f:
        world = json.load(f)
    nodes = {n["id"]: n for n in world["nodes"]}
    os.makedirs(args.out, exist_ok=True)
    for year in range(args.first, args.last + 1):
        rows = []
        for e in world["edges"]:
            if not (e.get("since", -10**9) <= year <= e.get("until", 10**9)):
                continue
            if not (in_system(nodes[e["source"]], year) and in_system(nodes[e["target"]], year)):
                continue
            source = e["evidence"][0]["source"] if e.get("evidence") else ""
            rows.append((e["source"], e["target"], e.get("weight", 1), e.get("polarity", "cooperative"), source))
        rows.sort()
        with open(os.path.join(args.out, "%d.csv" % year), "w", encoding="utf-8", newline="\n") as f:
            f.write("source,target,type,weight,polarity,dataset\n")
            for s, t, w, pol, src in rows:
                f.write("%s,%s,security,%g,%s,%s\n" % (s, t, w, pol, src))


if __name__ == "__main__":
    main()
