#!/usr/bin/env python3
"""Check Graphs/world/security.json and igo.json against world_facts.json (no raw data needed).

Usage: python3 Tests/EntenteTests/Fixtures/world/check_world_facts.py [GRAPHS_WORLD_DIR]

GRAPHS_WORLD_DIR defaults to Graphs/world relative to the repository root (found from this script).
Checks what the Swift tests check, plus the structure every world file must keep: each tie lies within
a spell of both its states, and ties of one pair and layer do not overlap. Prints one line per problem
and exits 1 if there is any.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LAYER = {"atop": "alliances", "tdrivalries": "rivalries", "cowmid": "disputes", "cowigo": "igo"}


def spells(node):
    return [(s["since"], s["until"]) for s in node.get("spells", [node])]


def main(argv):
    world = argv[1] if len(argv) > 1 else os.path.join(HERE, "..", "..", "..", "..", "Graphs", "world")
    facts = json.load(open(os.path.join(HERE, "world_facts.json"), encoding="utf-8"))
    graphs = [json.load(open(os.path.join(world, name), encoding="utf-8")) for name in ("security.json", "igo.json")]
    problems = []

    def expect(condition, message):
        if not condition:
            problems.append(message)

    nodes = {n["id"]: n for n in graphs[0]["nodes"]}
    expect(graphs[1]["nodes"] == graphs[0]["nodes"], "the two files list different nodes")
    expect(len(nodes) == facts["node_count"], f"{len(nodes)} nodes, expected {facts['node_count']}")
    for year, count in facts["states_in_system"].items():
        got = sum(1 for n in nodes.values() if any(a <= int(year) <= b for a, b in spells(n)))
        expect(got == count, f"{got} states in the system in {year}, expected {count}")
    for abb, expected in facts["multi_spell_states"].items():
        expect([list(s) for s in spells(nodes[abb])] == expected, f"{abb} spells {spells(nodes[abb])}, expected {expected}")
    expect(sum(1 for n in nodes.values() if "spells" in n) == len(facts["multi_spell_states"]), "other nodes have spells")
    gdr = nodes[facts["gdr"]["id"]]
    expect((gdr["since"], gdr["until"]) == (facts["gdr"]["since"], facts["gdr"]["until"]), f"GDR {gdr}")
    expect(nodes[facts["south_sudan"]["id"]]["since"] == facts["south_sudan"]["since"], "South Sudan's first year")

    edges = [e for g in graphs for e in g["edges"]]
    runs = {}
    for e in edges:
        layer = LAYER[e["evidence"][0]["source"]]
        for end in (e["source"], e["target"]):
            expect(any(a <= e["since"] and e["until"] <= b for a, b in spells(nodes[end])),
                   f"{e['source']}-{e['target']} {layer} {e['since']}-{e['until']} outside {end}'s spells")
        runs.setdefault((e["source"], e["target"], layer), []).append((e["since"], e["until"]))
    for key, spans in runs.items():
        spans.sort()
        for (_, until), (since, _) in zip(spans, spans[1:]):
            expect(since > until, f"{key}: ties overlap ({spans})")

    rivalry = facts["india_pakistan_rivalry"]
    ip = [e for e in edges if {e["source"], e["target"]} == set(rivalry["ids"]) and e["evidence"][0]["source"] == "tdrivalries"]
    expect(len(ip) == 1 and ip[0]["since"] == rivalry["since"] and ip[0]["until"] == rivalry["until"], f"India-Pakistan rivalry {ip}")
    for founder, tie in facts["nato_founders_with_usa_1949"]["ties"].items():
        found = [(e["since"], e["until"], e["weight"]) for e in edges if {e["source"], e["target"]} == {"USA", founder}
                 and e["evidence"][0]["source"] == "atop" and e["since"] <= 1949 <= e["until"]]
        expect(found == [(tie["since"], tie["until"], tie["weight"])], f"USA-{founder} in 1949: {found}, expected {tie}")
    for layer in LAYER.values():
        for year, count in facts["ties_holding"][layer].items():
            got = sum(1 for e in edges if LAYER[e["evidence"][0]["source"]] == layer and e["since"] <= int(year) <= e["until"])
            expect(got == count, f"{layer} in {year}: {got} ties, expected {count}")

    for line in problems:
        print(line)
    print(f"world facts: {len(problems)} problems in {len(edges)} ties and {len(nodes)} nodes")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
