#!/usr/bin/env python3
"""Writes dot-corpus.json: a few hundred DOT texts of the kinds Graphviz's own test suite feeds its
parser (subgraphs and clusters, edge chains and edges to subgraphs, ports, strict graphs, default
attribute statements, HTML and concatenated strings, comments, keywords in any case, numeral and
unicode ids, multi-edges, Latin-1 files with charset=latin1, self-loops), each with the node and edge
counts that Graphviz's `gc -n -e` gives for it and the number of self-loops in it.

    python3 Tests/EntenteGraphvizTests/Fixtures/make_dot_corpus.py     # needs gc (Debian: graphviz)

Texts are stored as Latin-1-decoded strings with "latin1": true when their bytes are Latin-1.
"""
import json
import os
import random
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(2043)

IDS = ["a", "b", "c", "node1", "N_2", "_x", "\"quoted id\"", "\"Zürich\"", "\"日本\"", "-1.5", ".5", "42",
       "\"with \\\"escaped\\\" quote\"", "<<b>html</b>>", "\"multi\\\nline\"", "\"con\" + \"cat\"", "Ω"]
ATTRS = ["color=red", "shape=box", "label=\"x\\ny\"", "style=\"filled,bold\"", "weight=2", "penwidth=1.5",
         "label=<<i>h</i>>", "fontname=\"Times-Roman\"", "type=security", "URL=\"http://example.org\""]
COMMENTS = ["// line comment\n", "/* block\n comment */", "# preprocessor-style line\n", ""]


def node_id():
    return rng.choice(IDS) if rng.random() < 0.3 else f"v{rng.randrange(12)}"


def attr_list():
    if rng.random() < 0.5:
        return ""
    return " [" + rng.choice([", ", "; ", " "]).join(rng.sample(ATTRS, rng.randint(1, 3))) + "]"


def endpoint(depth):
    if depth < 2 and rng.random() < 0.12:
        return "{" + " ".join(node_id() for _ in range(rng.randint(1, 3))) + "}"
    ident = node_id()
    if not ident.startswith("<") and rng.random() < 0.1:
        ident += rng.choice([":n", ":sw", ":port1", ":p:e"])
    return ident


def statements(arrow, depth, loops):
    out = []
    for _ in range(rng.randint(1, 8)):
        r = rng.random()
        if r < 0.25:
            out.append(node_id() + attr_list() + ";")
        elif r < 0.65:
            chain = [endpoint(depth) for _ in range(rng.randint(2, 4))]
            if rng.random() < loops:
                chain = [chain[0], chain[0]]
            out.append(f" {arrow} ".join(chain) + attr_list())
        elif r < 0.75:
            out.append(rng.choice(["node", "edge", "graph", "NODE", "Edge"]) + " [" + rng.choice(ATTRS) + "]")
        elif r < 0.82:
            out.append(rng.choice(ATTRS))
        elif depth >= 3:
            out.append(node_id() + ";")
        else:
            name = rng.choice(["", "subgraph cluster_%d " % rng.randrange(9), "subgraph s%d " % rng.randrange(9),
                               "SubGraph "])
            out.append(name + "{ " + "\n".join(statements(arrow, depth + 1, loops)) + " }")
        out[-1] = rng.choice(COMMENTS) + out[-1]
    return out


def graph_text(index):
    directed = rng.random() < 0.5
    strict = "strict " if rng.random() < 0.2 else ""
    keyword = rng.choice(["digraph", "DiGraph"]) if directed else rng.choice(["graph", "GRAPH"])
    arrow = "->" if directed else "--"
    loops = 0.15 if index % 4 == 0 else 0
    body = "\n  ".join(statements(arrow, 0, loops))
    name = rng.choice(["", "G ", "\"the graph\" ", f"g{index} "])
    return f"{strict}{keyword} {name}{{\n  {body}\n}}\n"


def latin1_text(index):
    a, b = rng.choice(["Zürich", "Genève", "São Paulo", "Málaga"]), rng.choice(["Köln", "Ørsted", "Açores"])
    return (f"graph L{index} {{\n  charset=latin1;\n  \"{a}\" -- \"{b}\" [label=\"£ 5\"];\n  \"{b}\" -- c\n}}\n"
            .encode("latin-1"))


def counts(data):
    result = subprocess.run(["gc", "-n", "-e"], input=data, capture_output=True, check=True)
    fields = result.stdout.split()
    return int(fields[0]), int(fields[1])


def loops(data):
    # Self-loops as cgraph keeps them: gvpr lists every edge whose ends are the same node.
    out = subprocess.run(["gvpr", "E[$.head == $.tail] { print(1) }"], input=data, capture_output=True, check=True)
    return out.stdout.count(b"1")


cases = []
while len(cases) < 300:
    index = len(cases)
    data = latin1_text(index) if index % 25 == 0 else graph_text(index).encode("utf-8")
    check = subprocess.run(["gc", "-n", "-e"], input=data, capture_output=True)
    if check.returncode != 0 or check.stderr:
        continue  # only texts Graphviz reads without complaint
    nodes, edges = counts(data)
    cases.append({"text": data.decode("latin-1") if index % 25 == 0 else data.decode("utf-8"),
                  "latin1": index % 25 == 0, "nodes": nodes, "edges": edges, "selfLoops": loops(data)})

with open(os.path.join(HERE, "dot-corpus.json"), "w", encoding="utf-8") as out:
    json.dump(cases, out, ensure_ascii=False, indent=0)
    out.write("\n")
print(f"wrote {len(cases)} DOT texts to dot-corpus.json")
