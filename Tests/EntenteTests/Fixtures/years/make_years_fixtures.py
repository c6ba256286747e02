"""Writes the fixtures of Entente's tests of node years, --at, node tables and dyad-year panels.

    python3 make_years_fixtures.py        (networkx; run from this folder)

states.json        a small state system in the shape of COW's: states with since/until and spells
                   (France, Germany and Russia leave and come back), alliances and rivalries in years
states-edges.csv   the same ties as a CSV edge list, with its node table states-nodes.csv
states-1962.json   reference values computed here, by networkx, on the graph of 1962 built by hand
                   from the definitions (the states that exist in 1962, the ties that hold in it)
panel.csv          a dyad-year panel: both directions of every pair, gaps, weight changes, years
                   written 1950.0 as pandas writes them
panel-spells.json  the ties the panel collapses into, computed here by a plain loop over the years
panel-disagree.csv a panel whose two directions disagree in weight in one year (line 5)
"""
import csv
import json

import networkx as nx

# id, label, spells ([since, until], until None = open)
STATES = [
    ("USA", "United States of America", [(1816, None)]),
    ("UKG", "United Kingdom", [(1816, None)]),
    ("FRN", "France", [(1816, 1942), (1944, None)]),
    ("GMY", "Germany", [(1816, 1945), (1990, None)]),
    ("GFR", "German Federal Republic", [(1955, 1990)]),
    ("GDR", "German Democratic Republic", [(1954, 1990)]),
    ("RUS", "Russia", [(1816, 1917), (1922, None)]),
    ("POL", "Poland", [(1918, 1939), (1945, None)]),
    ("BAV", "Bavaria", [(1816, 1871)]),
    ("IND", "India", [(1947, None)]),
    ("PAK", "Pakistan", [(1947, None)]),
    ("ZAN", "Zanzibar", [(1963, 1964)]),
    ("SSD", "South Sudan", [(2011, None)]),
]

# source, target, type, weight, polarity, since, until
TIES = [
    ("USA", "UKG", "security", 5, "cooperative", 1949, None),
    ("USA", "FRN", "security", 5, "cooperative", 1949, None),
    ("UKG", "FRN", "security", 5, "cooperative", 1949, None),
    ("USA", "GFR", "security", 5, "cooperative", 1955, 1990),
    ("UKG", "GFR", "security", 5, "cooperative", 1955, 1990),
    ("FRN", "GFR", "security", 5, "cooperative", 1955, 1990),
    ("RUS", "GDR", "security", 5, "cooperative", 1955, 1990),
    ("RUS", "POL", "security", 5, "cooperative", 1955, 1991),
    ("GDR", "POL", "security", 5, "cooperative", 1955, 1990),
    ("USA", "PAK", "security", 3, "cooperative", 1954, 1979),
    ("UKG", "PAK", "security", 3, "cooperative", 1954, 1977),
    ("IND", "PAK", "security", 4, "adversarial", 1947, None),
    ("USA", "RUS", "security", 5, "adversarial", 1946, 1989),
    ("GMY", "BAV", "security", 2, "cooperative", 1866, 1871),
    ("USA", "GMY", "security", 5, "cooperative", 1990, None),
    ("FRN", "GMY", "security", 5, "cooperative", 1990, None),
    ("UKG", "GMY", "security", 5, "cooperative", 1990, None),
]


def node_json(state):
    id_, label, spells = state
    node = {"id": id_, "label": label, "kind": "state", "since": spells[0][0]}
    if spells[-1][1] is not None:
        node["until"] = spells[-1][1]
    if len(spells) > 1:
        node["spells"] = [{"since": s} if u is None else {"since": s, "until": u} for s, u in spells]
    return node


def tie_json(tie):
    source, target, type_, weight, polarity, since, until = tie
    edge = {"source": source, "target": target, "type": type_, "weight": weight, "polarity": polarity, "since": since}
    if until is not None:
        edge["until"] = until
    return edge


def exists(state, year):
    return any(s <= year and (u is None or year <= u) for s, u in state[2])


def holds(tie, year):
    return tie[5] <= year and (tie[6] is None or year <= tie[6])


def write_states():
    graph = {"name": "States in time", "directed": False, "sources": [],
             "nodes": [node_json(s) for s in STATES], "edges": [tie_json(t) for t in TIES]}
    with open("states.json", "w") as f:
        json.dump(graph, f, indent=2)
        f.write("\n")
    with open("states-nodes.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Id", "Label", "since", "until", "spells", "region"])
        for id_, label, spells in STATES:
            until = "" if spells[-1][1] is None else str(spells[-1][1])
            listed = "|".join(f"{s}-{'' if u is None else u}" for s, u in spells) if len(spells) > 1 else ""
            w.writerow([id_, label, f"{spells[0][0]}.0", until, listed, "Europe" if id_ in "UKG FRN GMY GFR GDR RUS POL BAV" else "other"])
    with open("states-edges.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "type", "weight", "polarity", "since", "until"])
        for t in TIES:
            w.writerow([t[0], t[1], t[2], t[3], t[4], t[5], "" if t[6] is None else t[6]])


def write_reference():
    year = 1962
    nodes = [s[0] for s in STATES if exists(s, year)]
    cooperative = nx.Graph()
    cooperative.add_nodes_from(nodes)
    for t in TIES:
        if holds(t, year) and t[4] == "cooperative":
            cooperative.add_edge(t[0], t[1], weight=t[3])
    all_ties = [t for t in TIES if holds(t, year) and t[0] in nodes and t[1] in nodes]
    betweenness = nx.betweenness_centrality(cooperative, normalized=True)
    giant = cooperative.subgraph(max(nx.connected_components(cooperative), key=len))
    eigenvector = nx.eigenvector_centrality_numpy(giant, weight="weight")
    communities = nx.community.louvain_communities(cooperative, weight="weight", seed=0)
    blocs = sorted(sorted(c) for c in communities if len(c) > 1 or cooperative.degree(next(iter(c))) > 0)
    isolated = sorted(n for n in cooperative.nodes if cooperative.degree(n) == 0)
    reference = {
        "year": year,
        "nodes": nodes,
        "ties": len(all_ties),
        "cooperative_ties": cooperative.number_of_edges(),
        "betweenness_hops": {k: betweenness[k] for k in sorted(betweenness)},
        "largest_component": sorted(giant.nodes),
        "eigenvector_largest_component": {k: eigenvector[k] for k in sorted(eigenvector)},
        "communities": blocs,
        "isolated": isolated,
        "nodes_per_year": {str(y): sum(exists(s, y) for s in STATES) for y in (1816, 1900, 1943, 1946, 1962, 1991, 2011)},
    }
    with open("states-1962.json", "w") as f:
        json.dump(reference, f, indent=2, sort_keys=True)
        f.write("\n")


# A panel: (a, b, type, polarity, weight, year); both directions listed for most pairs.
PANEL_RUNS = [
    # USA-UKG: 1949-1952 weight 5, 1953 missing, 1954-1955 weight 5, then 1956-1957 weight 4
    ("USA", "UKG", "security", "cooperative", {1949: 5, 1950: 5, 1951: 5, 1952: 5, 1954: 5, 1955: 5, 1956: 4, 1957: 4}),
    # RUS-POL: 1955-1958 weight 5
    ("RUS", "POL", "security", "cooperative", {1955: 5, 1956: 5, 1957: 5, 1958: 5}),
    # IND-PAK: rivalry 1947-1950 weight 4, 1951 weight 2
    ("IND", "PAK", "security", "adversarial", {1947: 4, 1948: 4, 1949: 4, 1950: 4, 1951: 2}),
    # USA-PAK: one direction only, 1954-1956 weight 3
    ("USA", "PAK", "security", "cooperative", {1954: 3, 1955: 3, 1956: 3}),
    # USA-UKG economic: another type of the same pair, 1950-1951
    ("UKG", "USA", "economic", "cooperative", {1950: 2, 1951: 2}),
]


def write_panel():
    rows = []
    for a, b, type_, polarity, years in PANEL_RUNS:
        for year, weight in sorted(years.items()):
            rows.append((a, b, type_, polarity, weight, year))
            if (a, b) != ("USA", "PAK"):
                rows.append((b, a, type_, polarity, weight, year))
    # Shuffle the order deterministically: by year first, as dyad-year files come.
    rows.sort(key=lambda r: (r[5], r[0], r[1]))
    with open("panel.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "type", "polarity", "weight", "year"])
        for a, b, type_, polarity, weight, year in rows:
            w.writerow([a, b, type_, polarity, weight, f"{year}.0" if year == 1950 else year])
    # The expected ties: per pair (unordered), type and polarity, runs of consecutive years of equal weight.
    ties = []
    for a, b, type_, polarity, years in PANEL_RUNS:
        run = None
        for year in sorted(years):
            weight = years[year]
            if run and run["until"] + 1 == year and run["weight"] == weight:
                run["until"] = year
            else:
                if run:
                    ties.append(run)
                run = {"pair": sorted([a, b]), "type": type_, "polarity": polarity, "weight": weight,
                       "since": year, "until": year}
        ties.append(run)
    ties.sort(key=lambda t: (t["pair"], t["type"], t["polarity"], t["since"]))
    merged = sum(len(y) for a, b, _, _, y in PANEL_RUNS if (a, b) != ("USA", "PAK"))
    with open("panel-spells.json", "w") as f:
        json.dump({"ties": ties, "merged_rows": merged, "rows": len(rows)}, f, indent=2)
        f.write("\n")
    with open("panel-disagree.csv", "w", newline="") as f:
        f.write("source,target,weight,year\nUSA,UKG,5,1949\nUKG,USA,5,1949\nUSA,UKG,5,1950\nUKG,USA,3,1950\n")


write_states()
write_reference()
write_panel()
