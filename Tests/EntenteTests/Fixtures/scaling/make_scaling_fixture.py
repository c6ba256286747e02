#!/usr/bin/env python3
"""Expected weights of RelationGraph.scaleWeights (--scale-weights) on Graphs/pakistan.json, by pandas.

max:  weight / the largest weight of the edge's type   (df.weight / df.groupby("type").weight.transform("max"))
rank: the share of the type's edges whose weight is at most this one
      (df.groupby("type").weight.rank(method="max", pct=True))

Both over all edges of a type, both polarities. Run from the repository root:
    python3 Tests/EntenteTests/Fixtures/scaling/make_scaling_fixture.py
"""
import json

import pandas as pd

graph = json.load(open("Graphs/pakistan.json"))
df = pd.DataFrame([{"source": e["source"], "target": e["target"], "type": e["type"], "weight": float(e["weight"])}
                   for e in graph["edges"]])
df["max"] = df.weight / df.groupby("type").weight.transform("max")
df["rank"] = df.groupby("type").weight.rank(method="max", pct=True)
out = {"graph": "Graphs/pakistan.json", "pandas": pd.__version__,
       "edges": [{"source": r.source, "target": r.target, "type": r.type, "max": r.max, "rank": r.rank}
                 for r in df.itertuples()]}
with open("Tests/EntenteTests/Fixtures/scaling/expected.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
