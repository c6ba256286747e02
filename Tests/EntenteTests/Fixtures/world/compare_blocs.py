#!/usr/bin/env python3
"""Compare Entente's signed blocs of 1993-2001 with Huntington's civilizations, state by state.

Usage: python3 Tests/EntenteTests/Fixtures/world/compare_blocs.py [ENTENTE] [--check]

Traag & Bruggeman (2009, Phys. Rev. E 80, 036115) partitioned the alliances and disputes of
1993-2001 by signed modularity and found "six power blocs similar to Huntington's civilizations, with
some notable exceptions". Their state-by-state partition is shown only as a coloured map, so the
comparison that can be made state by state is theirs: each bloc against Huntington's civilizations.

huntington_civilizations.csv codes every state of the world graph in 1993-2001 by map 1.3 of
Huntington, S. P. (1996), The Clash of Civilizations and the Remaking of World Order, New York: Simon
& Schuster ("The World of Civilizations: Post-1990"). The coding is Entente's reading of that map:
the note column marks the states Huntington calls torn or cleft (with the second civilization) and
his lone countries (Ethiopia, Haiti, Israel); the small Pacific states, which the map does not
distinguish, are coded Western.

Prints a Markdown table (docs/time.md quotes it): for each bloc of two or more states, its size,
its most common civilization and the states of other civilizations; then the adjusted Rand index
and normalised mutual information between blocs and civilizations, for the signed run and, for
contrast, for the alliances alone. With --check, exits 1 unless the claims docs/time.md and the
README make still hold (every number is recomputed; nothing is compared with stored output).
"""
import collections
import csv
import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..", "..", "..")
WORLD = os.path.join(ROOT, "Graphs", "world", "security.json")
COMMON = ["--during", "1993-2001", "--min-weight", "3", "--json"]


def blocs(entente, signed):
    command = [entente, "communities", WORLD, *COMMON] + (["--signed"] if signed else [])
    result = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    return result["communities"]


def adjusted_rand(labels_a, labels_b):
    pairs = lambda counts: sum(c * (c - 1) // 2 for c in counts)
    joint = collections.Counter(zip(labels_a, labels_b))
    index = pairs(joint.values())
    row, column = pairs(collections.Counter(labels_a).values()), pairs(collections.Counter(labels_b).values())
    total = pairs([len(labels_a)])
    expected = row * column / total
    return (index - expected) / ((row + column) / 2 - expected)


def normalised_mutual_information(labels_a, labels_b):
    n = len(labels_a)
    entropy = lambda counts: -sum(c / n * math.log(c / n) for c in counts)
    joint = collections.Counter(zip(labels_a, labels_b))
    a, b = collections.Counter(labels_a), collections.Counter(labels_b)
    mutual = sum(c / n * math.log(c * n / (a[x] * b[y])) for (x, y), c in joint.items())
    return 2 * mutual / (entropy(a.values()) + entropy(b.values()))


def agreement(partition, civilization, among):
    """ARI and NMI over the states of `among` (a state alone is a bloc of one), lone countries out."""
    states = [(index, state) for index, bloc in enumerate(partition) for state in bloc
              if state in among and civilization[state][0] != "lone"]
    blocs_of = [index for index, _ in states]
    civilizations = [civilization[state][0] for _, state in states]
    return adjusted_rand(blocs_of, civilizations), normalised_mutual_information(blocs_of, civilizations), len(states)


def main(argv):
    check = "--check" in argv
    arguments = [a for a in argv[1:] if a != "--check"]
    entente = arguments[0] if arguments else os.path.join(ROOT, "CLI", ".build", "debug", "entente")
    with open(os.path.join(HERE, "huntington_civilizations.csv"), encoding="utf-8") as f:
        civilization = {row["id"]: (row["civilization"], row["note"]) for row in csv.DictReader(f)}

    signed, alliances = blocs(entente, True), blocs(entente, False)
    missing = sorted({s for bloc in signed + alliances for s in bloc} - civilization.keys())
    if missing:
        print(f"not coded in huntington_civilizations.csv: {', '.join(missing)}", file=sys.stderr)
        return 1

    print("| bloc | states | most common civilization | states of other civilizations |")
    print("|---:|---:|---|---|")
    for number, bloc in enumerate(signed, 1):
        if len(bloc) < 2:
            continue
        counts = collections.Counter(civilization[s][0] for s in bloc)
        count = max(counts.values())
        tops = sorted(name for name, n in counts.items() if n == count)
        others = ", ".join(f"{s} ({civilization[s][0]})" for s in bloc if civilization[s][0] not in tops)
        shown = f"{tops[0]} ({count})" if len(tops) == 1 else f"{' and '.join(tops)} ({count} each)"
        print(f"| {number} | {len(bloc)} | {shown} | {others or '—'} |")
    singles = sorted(bloc[0] for bloc in signed if len(bloc) == 1)
    print(f"\nStates alone: {len(singles)} ({', '.join(singles)}).\n")

    allied = {state for bloc in alliances for state in bloc}
    print("| partition | states compared | adjusted Rand index | NMI |")
    print("|---|---:|---:|---:|")
    for name, partition, among in [("signed: alliances against disputes and rivalries", signed, civilization.keys()),
                                   ("signed, states with an alliance only", signed, allied),
                                   ("alliances alone (unsigned)", alliances, allied)]:
        ari, nmi, count = agreement(partition, civilization, among)
        print(f"| {name} | {count} | {ari:.3f} | {nmi:.3f} |")

    if check:
        problems = []
        large = [bloc for bloc in signed if len(bloc) >= 10]
        if len(large) != 6:
            problems.append(f"{len(large)} blocs of ten or more states, not 6")
        bloc_of = {state: index for index, bloc in enumerate(signed) for state in bloc}
        share = lambda anchor, name: sum(civilization[s][0] == name for s in signed[bloc_of[anchor]])
        # The README's six blocs, each named by a state in it, with the civilization most of it shares.
        for anchor, name, least in [("USA", "Western", 24), ("BRA", "Latin American", 31), ("SAU", "Islamic", 21),
                                    ("SAF", "African", 14), ("SEN", "African", 8), ("RUS", "Orthodox", 4)]:
            if share(anchor, name) < least:
                problems.append(f"{anchor}'s bloc has {share(anchor, name)} {name} states, fewer than {least}")
        # The exceptions the README names.
        for anchor, members in [("USA", "JPN TUR PAK PHI THI TAW"), ("SAU", "CHN ROK"), ("RUS", "IND CUB MON PRK"),
                                ("BRA", "IRN")]:
            for member in members.split():
                if bloc_of.get(member) != bloc_of[anchor]:
                    problems.append(f"{member} is not in {anchor}'s bloc")
        for problem in problems:
            print(f"compare_blocs: {problem}", file=sys.stderr)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
