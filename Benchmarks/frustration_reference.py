#!/usr/bin/env python3
"""The frustration index by HiGHS (PyPI `highspy`) on Aref, Mason & Wilson's AND model: the
independent reference of Entente's exact frustration, used by the fixture script and the benchmark.

    python3 Benchmarks/frustration_reference.py GRAPH.csv [--weighted] [--sign-rule negative-wins]

A graph is a CSV edge list (source,target[,type][,weight][,polarity]). Per unordered pair of distinct
nodes, the sign rule makes one signed tie from the pair's edges:
  net            cooperative weights minus adversarial weights; its sign, zero: no tie;
  negative-wins  any adversarial edge makes the pair negative, weight = the adversarial weights;
  positive-wins  any cooperative edge makes the pair positive, weight = the cooperative weights.
Unweighted, every tie costs 1; weighted, its absolute weight.

AND model (Aref, Mason & Wilson 2018, model (9)): x_i in {0,1} the camp of node i, x_ij = x_i AND x_j
for every tie; minimise sum over positive ties of w(x_i + x_j - 2 x_ij) plus sum over negative ties
of w(1 - x_i - x_j + 2 x_ij), with x_ij <= x_i, x_ij <= x_j (positive ties) and
x_ij >= x_i + x_j - 1 (negative ties); one node per connected component fixed to 1.
"""
import argparse
import csv
import fractions
import json
import sys
import time


def read_csv(path):
    """[(source, target, weight Fraction, polarity)] in file order."""
    edges = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            w = row.get("weight") or "1"
            edges.append((row["source"], row["target"], fractions.Fraction(w), row.get("polarity") or "cooperative"))
    return edges


def signed_ties(edges, rule):
    """(node ids in order of first appearance, {(i, j): signed Fraction} with i < j)."""
    index, nodes = {}, []
    for s, t, _, _ in edges:
        for x in (s, t):
            if x not in index:
                index[x] = len(nodes)
                nodes.append(x)
    sums = {}
    for s, t, w, pol in edges:
        a, b = index[s], index[t]
        if a == b:
            continue
        key = (min(a, b), max(a, b))
        co, ad = sums.get(key, (0, 0))
        sums[key] = (co + w, ad) if pol == "cooperative" else (co, ad + w)
    ties = {}
    for key, (co, ad) in sums.items():
        if rule == "net":
            value = co - ad
        elif rule == "negative-wins":
            value = -ad if ad > 0 else co
        elif rule == "positive-wins":
            value = co if co > 0 else -ad
        else:
            raise ValueError(rule)
        if value != 0:
            ties[key] = value
    return nodes, ties


def components(n, ties):
    parent = list(range(n))

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for a, b in ties:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [root(x) for x in range(n)]


def solve_and_model(n, ties, weighted, time_limit=None, threads=1):
    """(value, camps list of 0/1, seconds in HiGHS's run()) of the AND model."""
    import highspy
    import numpy as np
    keys = sorted(ties)
    m = len(keys)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", threads)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.0)
    if time_limit:
        h.setOptionValue("time_limit", float(time_limit))
    cost = np.zeros(n + m)
    constant = 0.0
    rows_start, rows_index, rows_value, lower, upper = [0], [], [], [], []

    def row(entries, lo, hi):
        for j, v in entries:
            rows_index.append(j)
            rows_value.append(v)
        rows_start.append(len(rows_index))
        lower.append(lo)
        upper.append(hi)
    inf = highspy.kHighsInf
    for k, (a, b) in enumerate(keys):
        w = float(abs(ties[(a, b)])) if weighted else 1.0
        e = n + k
        if ties[(a, b)] > 0:
            cost[a] += w
            cost[b] += w
            cost[e] -= 2 * w
            row([(e, 1.0), (a, -1.0)], -inf, 0.0)
            row([(e, 1.0), (b, -1.0)], -inf, 0.0)
        else:
            constant += w
            cost[a] -= w
            cost[b] -= w
            cost[e] += 2 * w
            row([(e, 1.0), (a, -1.0), (b, -1.0)], -1.0, inf)
    col_lower = np.zeros(n + m)
    col_upper = np.ones(n + m)
    component = components(n, ties)
    for x in range(n):
        if component[x] == x:
            col_lower[x] = 1.0
    lp = highspy.HighsLp()
    lp.num_col_ = n + m
    lp.num_row_ = len(lower)
    lp.col_cost_ = cost
    lp.offset_ = constant
    lp.col_lower_ = col_lower
    lp.col_upper_ = col_upper
    lp.row_lower_ = np.array(lower)
    lp.row_upper_ = np.array(upper)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.array(rows_start, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(rows_index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(rows_value)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * (n + m)
    h.passModel(lp)
    started = time.perf_counter()
    h.run()
    seconds = time.perf_counter() - started
    status = h.getModelStatus()
    solution = h.getSolution().col_value
    camps = [int(round(solution[x])) for x in range(n)]
    info = h.getInfo()
    return {"value": info.objective_function_value, "bound": info.mip_dual_bound,
            "optimal": status == highspy.HighsModelStatus.kOptimal, "camps": camps, "seconds": seconds}


def frustration_of(camps, ties, weighted):
    total = fractions.Fraction(0)
    for (a, b), w in ties.items():
        if (camps[a] != camps[b]) != (w < 0):
            total += abs(w) if weighted else 1
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graph")
    parser.add_argument("--weighted", action="store_true")
    parser.add_argument("--sign-rule", default="negative-wins", choices=["net", "negative-wins", "positive-wins"])
    parser.add_argument("--time-limit", type=float)
    args = parser.parse_args()
    nodes, ties = signed_ties(read_csv(args.graph), args.sign_rule)
    result = solve_and_model(len(nodes), ties, args.weighted, args.time_limit)
    check = frustration_of(result["camps"], ties, args.weighted)
    assert abs(float(check) - result["value"]) < 1e-6, (check, result["value"])
    json.dump({"nodes": len(nodes), "ties": len(ties), "negative": sum(1 for w in ties.values() if w < 0),
               "value": result["value"], "bound": result["bound"], "optimal": result["optimal"],
               "seconds": round(result["seconds"], 4)}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
