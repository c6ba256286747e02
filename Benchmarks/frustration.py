#!/usr/bin/env python3
"""Exact frustration, year by year: Entente (`entente balance --json`, proven optimal) against HiGHS
solving Aref, Mason & Wilson's AND model of the same signed network, in one run.

    python3 Benchmarks/frustration.py [--graphs DIR] [--weighted] [--first 1946] [--last 2014]

DIR holds one CSV edge list per year (`<year>.csv`); by default Benchmarks/graphs/years, made by
Benchmarks/world_years.py from Graphs/world when it exists, else by Benchmarks/gen_year_networks.py.
For each year: Entente's wall time for the whole command (reading, triangles, walk index and the
proven frustration), HiGHS's time in `run()` alone (the model is built beforehand, untimed), and both
values, which must agree. Prints a Markdown table and the sums; exits 1 if a value differs or Entente
does not prove a year optimal.
"""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import frustration_reference as reference  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graphs", default=os.path.join(HERE, "graphs", "years"))
    parser.add_argument("--weighted", action="store_true")
    parser.add_argument("--sign-rule", default="negative-wins")
    parser.add_argument("--first", type=int, default=1946)
    parser.add_argument("--last", type=int, default=2014)
    parser.add_argument("--entente", default=os.path.join(ROOT, "CLI", ".build", "release", "entente"))
    args = parser.parse_args()
    rows, failures = [], 0
    total_entente = total_highs = 0.0
    worst = (0.0, None)
    for year in range(args.first, args.last + 1):
        path = os.path.join(args.graphs, "%d.csv" % year)
        if not os.path.exists(path):
            continue
        command = [args.entente, "balance", path, "--json", "--sign-rule", args.sign_rule]
        if args.weighted:
            command.append("--weighted")
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            print("%d: entente failed: %s" % (year, done.stderr.strip()), file=sys.stderr)
            failures += 1
            continue
        report = json.loads(done.stdout)["frustration"]
        nodes, ties = reference.signed_ties(reference.read_csv(path), args.sign_rule)
        highs = reference.solve_and_model(len(nodes), ties, args.weighted)
        negative = sum(1 for w in ties.values() if w < 0)
        agree = abs(report["value"] - highs["value"]) <= 1e-6 * max(1, highs["value"]) and highs["optimal"]
        if not (agree and report["exact"]):
            failures += 1
        total_entente += seconds
        total_highs += highs["seconds"]
        if seconds > worst[0]:
            worst = (seconds, year)
        parts = report["decomposition"]
        rows.append("| %d | %d | %d (%d) | %d / %d | %s | %s | %s | %.2f | %.2f | %s |" % (
            year, len(nodes), len(ties), negative, parts["coreNodes"], parts["coreTies"],
            ", ".join("%s %d" % kv for kv in parts["methods"].items()),
            "%g" % report["value"], "%g" % highs["value"], seconds, highs["seconds"],
            "yes" if agree and report["exact"] else "**NO**"))
        print(rows[-1], file=sys.stderr, flush=True)
    print("| year | nodes | ties (negative) | core nodes / ties | settled by | Entente | HiGHS | Entente s | HiGHS s | equal, proven |")
    print("|---:|---:|---:|---:|---|---:|---:|---:|---:|:---:|")
    for row in rows:
        print(row)
    ratio = total_entente / total_highs if total_highs else float("nan")
    print()
    print("Summed over %d years: Entente %.2f s, HiGHS %.2f s, ratio %.2f; slowest Entente year %s (%.2f s); %d failures."
          % (len(rows), total_entente, total_highs, ratio, worst[1], worst[0], failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
