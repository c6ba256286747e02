#!/usr/bin/env python3
"""Writes <graph>-penwidths.txt for Graphs/pakistan.json and Graphs/awaam-agenda.json: one line per
edge, `source target type penwidth`, with the pen width of the formula Entente used before widths
were bounded, max(0.7, 0.7 × weight), spelled as Python's repr (the shortest round trip, as
Entente's TextFormat.number). The seed graphs' weights are 1 to 5, so the bounded widths must equal these
byte for byte (PenWidthTests). Run: python3 Tests/EntenteGraphvizTests/Golden/make_penwidth_golden.py
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

for name in ("pakistan", "awaam-agenda"):
    with open(os.path.join(ROOT, "Graphs", name + ".json"), encoding="utf-8") as f:
        graph = json.load(f)
    lines = []
    for edge in graph["edges"]:
        width = repr(max(0.7, edge.get("weight", 1) * 0.7))
        if width.endswith(".0"):
            width = width[:-2]
        lines.append("%s %s %s %s" % (edge["source"], edge["target"], edge.get("type", "economic"), width))
    with open(os.path.join(HERE, name + "-penwidths.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
