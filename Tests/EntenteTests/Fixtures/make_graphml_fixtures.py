#!/usr/bin/env python3
"""Write GraphML files with networkx, and what networkx reads back from them, for Entente's tests.

Run from anywhere:  python3 Tests/EntenteTests/Fixtures/make_graphml_fixtures.py

Writes  graphml/karate.graphml   nx.karate_club_graph()          (34 nodes, 78 edges, int weights)
        graphml/lesmis.graphml   nx.les_miserables_graph()       (77 nodes, 254 edges, float weights)
        graphml/hostile.graphml  a directed multigraph with unicode and hostile names (quotes, <, &,
                                 new lines, tabs, right-to-left text, ]]>), parallel edges, typed
                                 attributes and a key with a default
        graphml/expected.json    for each file, what nx.read_graphml gives: nodes in order, and edges as
                                 [source, target, weight] sorted (ends sorted too when undirected)
All paths are relative to this file. Output is deterministic. Needs only networkx.
"""

import json
import os
import platform

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "graphml")


def hostile_graph():
    G = nx.MultiDiGraph(name='Hostile <names> & "quotes"')
    # Written as the <default> of the key. GraphML gives it to every node without a value of its own
    # (Entente does); networkx's reader keeps it in G.graph["node_default"] only.
    G.graph["node_default"] = {"region": "South Asia"}
    names = [
        ("q", 'say "hi" and \'bye\''),
        ("lt", "a<b>&c;&amp;"),
        ("nl", "line one\nline two"),
        ("tab", "tab\there"),
        ("he", "פקיסטן"),
        ("ar", "پاکستان"),
        ("rlo", "ab\u202ecd\u202c"),
        ("flag", "🇵🇰 Pakistan"),
        ("cdata", "]]> end"),
        ("space", "  padded  "),
    ]
    for index, (nid, label) in enumerate(names):
        node_id = label if index % 2 == 0 else nid + " " + label
        G.add_node(node_id, label=label, kind="state" if index % 3 else "bloc", population=index * 1000,
                   active=index % 2 == 0)
        if index == 4:
            G.nodes[node_id]["region"] = "West Asia"
    ids = list(G.nodes)
    weights = [0.1, 2.5, 1e-3, 7.0, 3.25, 1.0, 4.0, 0.5, 12.0]
    for index in range(len(ids) - 1):
        G.add_edge(ids[index], ids[index + 1], weight=weights[index], type="economic",
                   polarity="adversarial" if index % 4 == 3 else "cooperative", note="edge & <%d>" % index)
    # Parallel edges: same pair, other types, and the reverse direction.
    G.add_edge(ids[0], ids[1], weight=5.0, type="security", polarity="cooperative", note="parallel")
    G.add_edge(ids[1], ids[0], weight=1.5, type="cultural", polarity="cooperative", note="reverse")
    return G


def write(name, G):
    path = os.path.join(OUT, name + ".graphml")
    nx.write_graphml(G, path, encoding="utf-8", prettyprint=True)
    return path


def expected(path):
    G = nx.read_graphml(path)
    edges = []
    for u, v, data in G.edges(data=True):
        ends = [u, v] if G.is_directed() else sorted([u, v])
        edges.append(ends + [float(data.get("weight", 1.0))])
    edges.sort(key=lambda e: (e[0], e[1], e[2]))
    result = {"directed": G.is_directed(), "multigraph": G.is_multigraph(), "nodes": list(G.nodes), "edges": edges}
    if "node_default" in G.graph:
        result["node_default"] = G.graph["node_default"]
    for field in ["label", "region"]:
        values = {n: d[field] for n, d in G.nodes(data=True) if field in d}
        if values:
            result[field + "s"] = values
    return result


def main():
    os.makedirs(OUT, exist_ok=True)
    karate = nx.karate_club_graph()
    lesmis = nx.les_miserables_graph()
    graphs = {"karate": karate, "lesmis": lesmis, "hostile": hostile_graph()}
    result = {"generator": {"networkx": nx.__version__, "python": platform.python_version()}}
    for name, G in graphs.items():
        result[name] = expected(write(name, G))
    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(result, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
