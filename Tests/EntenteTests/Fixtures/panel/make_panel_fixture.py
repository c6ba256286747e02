#!/usr/bin/env python3
"""Dyad-year panel fixtures for Entente's panel reader, cut from the real ATOP 5.1 alliance data.

Usage: python3 Tests/EntenteTests/Fixtures/panel/make_panel_fixture.py PATH_TO_PEACESCIENCER_DATA_DIR

Reads peacesciencer's data/atop_alliance.rda and data/cow_states.rda (pip install pandas pyreadr) and
writes, next to this script:

atop_panel.csv          source,target,type,weight,polarity,year: ATOP directed dyad-years 1945-1995 of
                        44 dyads, BOTH directions of each pair, in ATOP's order (ccode1, ccode2, year), so
                        a pair's reverse rows come far from its own. Ids are COW state abbreviations; type
                        security, polarity cooperative; weight = the strongest obligation of the row
                        (defense 5, offense 4, neutrality 3, non-aggression 2, consultation 1). Only dyads
                        whose two directions agree in every year are taken, chosen evenly from four groups:
                        with gaps and weight changes, gaps only, weight changes only, neither.
atop_panel_spells.json  the spells a reader must build from atop_panel.csv: for each undirected pair
                        (ids sorted as strings), type, polarity and weight, the list of [since, until];
                        consecutive years at the same weight merge, a missing year or a change of weight
                        starts a new spell. Computed here with pandas, independently of any reader.
disagree_panel.csv      France and Russia in ATOP, 1827-1899, both directions, same columns: in 1859 France's
                        row has consultation (1) and Russia's neutrality (3), a real asymmetric obligation;
                        a reader of undirected panels must refuse it. atop_panel_spells.json records where.
"""
import csv
import json
import os
import sys

import numpy as np
import pandas as pd
import pyreadr

HERE = os.path.dirname(os.path.abspath(__file__))
FIRST, LAST = 1945, 1995
PER_GROUP = {"gaps and weight changes": 12, "gaps only": 12, "weight changes only": 12, "neither": 8}
OBLIGATIONS = [("atop_defense", 5), ("atop_offense", 4), ("atop_neutral", 3), ("atop_nonagg", 2), ("atop_consul", 1)]
COLUMNS = ["source", "target", "type", "weight", "polarity", "year"]


def load(data_dir):
    atop = pyreadr.read_r(os.path.join(data_dir, "atop_alliance.rda"))["atop_alliance"]
    states = pyreadr.read_r(os.path.join(data_dir, "cow_states.rda"))["cow_states"]
    abb = dict(zip(states.ccode.astype(int), states.stateabb))
    weight = np.zeros(len(atop), dtype=int)
    for column, w in reversed(OBLIGATIONS):
        weight = np.where(atop[column].to_numpy() == 1, w, weight)
    frame = pd.DataFrame({"c1": atop.ccode1.astype(int), "c2": atop.ccode2.astype(int),
                          "year": atop.year.astype(int), "weight": weight})
    return frame, abb


def rows_of(frame, abb):
    return [[abb[r.c1], abb[r.c2], "security", int(r.weight), "cooperative", int(r.year)]
            for r in frame.sort_values(["c1", "c2", "year"]).itertuples()]


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)


def choose(frame):
    """The dyads of the panel: (lo, hi) pairs, evenly spread over each group in code order."""
    window = frame[(frame.year >= FIRST) & (frame.year <= LAST)]
    reverse = window.rename(columns={"c1": "c2", "c2": "c1", "weight": "back"})
    both = window.merge(reverse, on=["c1", "c2", "year"], how="outer")
    both["lo"], both["hi"] = np.minimum(both.c1, both.c2), np.maximum(both.c1, both.c2)
    bad = both[(both.weight != both.back) | both.weight.isna() | both.back.isna() | (both.weight == 0)]
    bad_pairs = set(zip(bad.lo, bad.hi))
    one = both[both.c1 < both.c2].sort_values(["lo", "hi", "year"])
    groups = {name: [] for name in PER_GROUP}
    for (lo, hi), g in one.groupby(["lo", "hi"]):
        if (lo, hi) in bad_pairs or len(g) < 3:
            continue
        gaps = bool((g.year.diff().dropna() > 1).any())
        changes = g.weight.nunique() > 1
        name = ("gaps and weight changes" if gaps and changes else "gaps only" if gaps
                else "weight changes only" if changes else "neither")
        groups[name].append((int(lo), int(hi)))
    chosen = []
    for name, count in PER_GROUP.items():
        pairs = groups[name]
        if len(pairs) < count:
            raise SystemExit(f"only {len(pairs)} dyads with {name}")
        chosen += [pairs[i] for i in np.linspace(0, len(pairs) - 1, count).round().astype(int)]
    return sorted(chosen), {name: len(groups[name]) for name in groups}


def spells(rows):
    """Expected spells, from the CSV rows: one entry per (pair, type, polarity, weight)."""
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["a"] = frame[["source", "target"]].min(axis=1)
    frame["b"] = frame[["source", "target"]].max(axis=1)
    frame = frame.drop_duplicates(["a", "b", "type", "polarity", "weight", "year"])
    frame = frame.sort_values(["a", "b", "type", "polarity", "weight", "year"])
    key = ["a", "b", "type", "polarity", "weight"]
    new = (frame[key] != frame[key].shift()).any(axis=1) | (frame.year != frame.year.shift() + 1)
    frame["spell"] = new.cumsum()
    runs = frame.groupby("spell").agg(a=("a", "first"), b=("b", "first"), type=("type", "first"),
                                      polarity=("polarity", "first"), weight=("weight", "first"),
                                      since=("year", "min"), until=("year", "max"))
    out = []
    for (a, b, t, p, w), g in runs.groupby(key, sort=True):
        out.append({"source": a, "target": b, "type": t, "polarity": p, "weight": int(w),
                    "spells": [[int(s), int(u)] for s, u in zip(g.since, g.until)]})
    return out


def first_disagreement(path):
    """File line (header = line 1) at which a reader reading top to bottom first sees a pair-year whose
    weight differs from the weight of its reverse row, with the line of that reverse row."""
    seen = {}
    with open(path, newline="", encoding="utf-8") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            key = (min(row["source"], row["target"]), max(row["source"], row["target"]), row["type"], row["year"])
            if key in seen and seen[key][1] != row["weight"]:
                return {"file": os.path.basename(path), "line": line, "year": int(row["year"]),
                        "source": row["source"], "target": row["target"], "weight": int(row["weight"]),
                        "reverse_line": seen[key][0], "reverse_weight": int(seen[key][1])}
            seen.setdefault(key, (line, row["weight"]))
    return None


def main(argv):
    if len(argv) != 2:
        print("usage: make_panel_fixture.py PATH_TO_PEACESCIENCER_DATA_DIR", file=sys.stderr)
        return 64
    frame, abb = load(argv[1])
    chosen, available = choose(frame)
    pairs = set(chosen)
    lo, hi = np.minimum(frame.c1, frame.c2), np.maximum(frame.c1, frame.c2)
    mask = np.array([(a, b) in pairs for a, b in zip(lo, hi)]) & (frame.year >= FIRST) & (frame.year <= LAST)
    rows = rows_of(frame[mask], abb)
    panel = os.path.join(HERE, "atop_panel.csv")
    write_csv(panel, rows)

    franco_russian = frame[frame.c1.isin([220, 365]) & frame.c2.isin([220, 365]) & (frame.year <= 1899)]
    disagree = os.path.join(HERE, "disagree_panel.csv")
    write_csv(disagree, rows_of(franco_russian, abb))

    expected = spells(rows)
    result = {
        "generator": "Tests/EntenteTests/Fixtures/panel/make_panel_fixture.py from peacesciencer's "
                     "data/atop_alliance.rda (ATOP 5.1 directed dyad-years)",
        "panel": "atop_panel.csv",
        "rule": "undirected pairs (ids sorted as strings); per (pair, type, polarity, weight) the runs of "
                "consecutive years; a missing year or a change of weight starts a new spell",
        "rows": len(rows),
        "pairs": len(chosen),
        "dyads_available": available,
        "spell_count": sum(len(e["spells"]) for e in expected),
        "spells": expected,
        "disagreement": first_disagreement(disagree),
    }
    with open(os.path.join(HERE, "atop_panel_spells.json"), "w", encoding="utf-8") as out:
        json.dump(result, out, indent=1)
        out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
