#!/usr/bin/env python3
"""Facts about the world dataset, computed from the raw peacesciencer data, not from Graphs/world.

Usage: python3 Tests/EntenteTests/Fixtures/world/make_world_facts.py PATH_TO_PEACESCIENCER_DATA_DIR [OUT]

Writes world_facts.json next to this script (or to OUT). The Swift tests compare these numbers with
what they read from Graphs/world/security.json and igo.json, so this script deliberately shares no code
with Graphs/world/build_world.py: it reads the .rda files with pyreadr and counts with plain sets and
loops. The coding rules it applies are the ones Graphs/world/README.md states:

* a state is in the system in year Y when one of its COW spells has styear <= Y <= endyear;
* a pair holds a tie of a layer in year Y when the raw data record it that year and both states are in
  the system that year;
* alliances (ATOP): a dyad-year weighs its strongest obligation (defense 5, offense 4, neutrality 3,
  non-aggression 2, consultation 1), the larger of the two directions; 0 is no tie;
* rivalries (Thompson-Dreyer): every year from styear to endyear; ccode 300 means 305 from 1919 on;
* disputes (COW MID): every dispute-year of the pair;
* IGOs (COW IGO): every year with at least one shared full membership.
"""
import json
import os
import sys

import pyreadr

YEARS_IN_SYSTEM = [1816, 1900, 1938, 1946, 1962, 1985, 1991, 2010, 2016]
TIE_YEARS = [1962, 1985, 2010]
NATO_FOUNDERS = ["UKG", "FRN", "BEL", "NTH", "LUX", "DEN", "NOR", "ICE", "ITA", "POR", "CAN"]


def table(data_dir, name):
    return pyreadr.read_r(os.path.join(data_dir, name + ".rda"))[name].to_dict("records")


def main(argv):
    if len(argv) not in (2, 3):
        print("usage: make_world_facts.py PATH_TO_PEACESCIENCER_DATA_DIR [OUT]", file=sys.stderr)
        return 64
    data_dir = argv[1]
    out = argv[2] if len(argv) == 3 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "world_facts.json")

    spells, abb, code_of = {}, {}, {}
    for r in table(data_dir, "cow_states"):
        c = int(r["ccode"])
        spells.setdefault(c, []).append([int(r["styear"]), int(r["endyear"])])
        abb[c] = r["stateabb"]
        code_of[r["stateabb"]] = c
    for c in spells:
        spells[c].sort()

    def alive(c, y):
        return any(a <= y <= b for a, b in spells.get(c, []))

    def pair(a, b):
        return (a, b) if a < b else (b, a)

    # alliances: {(lo, hi): {year: weight}}
    ranks = [("atop_defense", 5), ("atop_offense", 4), ("atop_neutral", 3), ("atop_nonagg", 2), ("atop_consul", 1)]
    alliance = {}
    for r in table(data_dir, "atop_alliance"):
        w = next((rank for column, rank in ranks if r[column] == 1), 0)
        a, b, y = int(r["ccode1"]), int(r["ccode2"]), int(r["year"])
        if w and alive(a, y) and alive(b, y):
            years = alliance.setdefault(pair(a, b), {})
            years[y] = max(years.get(y, 0), w)

    rivalry, india_pakistan = set(), None
    for r in table(data_dir, "td_rivalries"):
        if r["rivalryname"] == "India-Pakistan":
            india_pakistan = {"rivalryno": int(r["rivalryno"]), "since": int(r["styear"]), "until": int(r["endyear"])}
        for y in range(int(r["styear"]), int(r["endyear"]) + 1):
            a, b = (305 if c == 300 and y >= 1919 else c for c in (int(r["ccode1"]), int(r["ccode2"])))
            if alive(a, y) and alive(b, y):
                rivalry.add(pair(a, b) + (y,))

    dispute = set()
    for r in table(data_dir, "cow_mid_ddydisps"):
        a, b, y = int(r["ccode1"]), int(r["ccode2"]), int(r["year"])
        if alive(a, y) and alive(b, y):
            dispute.add(pair(a, b) + (y,))

    igo = set()
    for r in table(data_dir, "cow_igo_ndy"):
        a, b, y = int(r["ccode1"]), int(r["ccode2"]), int(r["year"])
        if y in TIE_YEARS and r["dyadigos"] > 0 and alive(a, y) and alive(b, y):
            igo.add(pair(a, b) + (y,))

    nato = {}
    usa = code_of["USA"]
    for founder in NATO_FOUNDERS:
        years = alliance.get(pair(usa, code_of[founder]), {})
        w = years.get(1949)
        if w is None:
            nato[founder] = None
            continue
        since = until = 1949
        while years.get(since - 1) == w:
            since -= 1
        while years.get(until + 1) == w:
            until += 1
        nato[founder] = {"since": since, "until": until, "weight": w}

    gdr = spells[265]
    south_sudan = spells[626]
    facts = {
        "generator": "Tests/EntenteTests/Fixtures/world/make_world_facts.py, from peacesciencer's data/*.rda",
        "node_count": len(spells),
        "states_in_system": {str(y): sum(1 for c in spells if alive(c, y)) for y in YEARS_IN_SYSTEM},
        "multi_spell_states": {abb[c]: spells[c] for c in sorted(spells) if len(spells[c]) > 1},
        "gdr": {"id": abb[265], "ccode": 265, "since": gdr[0][0], "until": gdr[-1][1]},
        "south_sudan": {"id": abb[626], "ccode": 626, "since": south_sudan[0][0]},
        "india_pakistan_rivalry": dict(india_pakistan, ids=[abb[750], abb[770]]),
        "nato_founders_with_usa_1949": {
            "note": "ATOP alliance tie USA-X holding in 1949: first and last year of the run of years with the "
                    "1949 weight (both states in the system), and that weight",
            "ties": nato},
        "ties_holding": {
            "note": "pairs holding a tie of the layer in the year (both states in the system)",
            "alliances": {str(y): sum(1 for years in alliance.values() if y in years) for y in TIE_YEARS},
            "rivalries": {str(y): sum(1 for t in rivalry if t[2] == y) for y in TIE_YEARS},
            "disputes": {str(y): sum(1 for t in dispute if t[2] == y) for y in TIE_YEARS},
            "igo": {str(y): sum(1 for t in igo if t[2] == y) for y in TIE_YEARS},
        },
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(facts, f, indent=1, sort_keys=False)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
