#!/usr/bin/env python3
"""Whole-process timings and the comparison table of Benchmarks/compare.sh.

  compare.py processes --entente BIN --csv GRAPH.csv --graph NAME --from ID --to ID [--runs N]
      Runs `entente centrality GRAPH --measure pagerank --top 10` and `entente path GRAPH FROM TO
      --metric length` and the same jobs done with igraph (Benchmarks/igraph_cli.py) as whole
      processes, alternating the two, and prints one JSON line per (peer, job): the median wall time,
      the peak resident memory (largest max RSS over the runs, from wait4) and whether the output is
      the same as Entente's.

  compare.py table RESULTS.jsonl
      Prints the markdown tables (targets, then every op) from the JSON lines of entente-benchmark,
      peers.py and `compare.py processes`.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# (label, op, graph, target ratio, against): against "fastest" = the faster of igraph and networkit
# measured in the same run, "igraph" = igraph only.
TARGETS = [
    ("betweenness, hops", "betweenness", "medium", 0.5, "fastest"),
    ("betweenness, length", "betweenness_weighted", "medium", 0.5, "fastest"),
    ("closeness, length", "closeness_weighted", "medium", 0.5, "fastest"),
    ("Dijkstra, length", "dijkstra", "large", 1.0, "fastest"),
    ("PageRank, weighted", "pagerank_weighted", "large", 1.0, "fastest"),
    ("eigenvector, weighted", "eigenvector", "large", 1.0, "fastest"),
    ("Louvain, weighted (igraph community_multilevel)", "louvain", "large", 1.0, "igraph"),
    ("Leiden, modularity (igraph community_leiden)", "leiden", "large", 1.0, "igraph"),
    ("CSV load (file → graph ready for algorithms)", "load", "large", 1.0, "igraph"),
    ("process: `entente centrality --measure pagerank --top 10`", "process_centrality", "large", 1.0, "igraph"),
    ("process: `entente path n0 n99999 --metric length`", "process_path", "large", 1.0, "igraph"),
    ("peak memory (max RSS), centrality process", "rss_centrality", "large", 1.5, "igraph"),
    ("peak memory (max RSS), path process", "rss_path", "large", 1.5, "igraph"),
]
OP_ORDER = ["load", "parse", "adjacency", "dijkstra", "bfs", "betweenness", "betweenness_weighted",
            "closeness_weighted", "pagerank_weighted", "eigenvector", "louvain", "leiden", "process_centrality",
            "process_path"]
# Community ops: the check is the modularity found, which must be at least igraph's minus this.
MODULARITY_SLACK = 0.005
PEERS = ["igraph", "networkit"]


def timed(cmd):
    """Wall time and peak RSS of one run of cmd (wait4 gives the child's own rusage)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err.decode(errors='replace')}")
    return elapsed, usage.ru_maxrss, out.decode()


def processes(args):
    import igraph
    script = os.path.join(HERE, "igraph_cli.py")
    jobs = {
        "process_centrality": (
            [args.entente, "centrality", args.csv, "--measure", "pagerank", "--top", "10"],
            [sys.executable, script, "centrality", args.csv, "--top", "10"]),
        "process_path": (
            [args.entente, "path", args.csv, args.source, args.target, "--metric", "length"],
            [sys.executable, script, "path", args.csv, args.source, args.target]),
    }
    versions = {"entente": args.label, "igraph": igraph.__version__}
    for op, (ours, theirs) in jobs.items():
        results = {"entente": [], "igraph": []}
        outputs = {}
        for _ in range(args.runs + 1):  # the first round warms the page cache and is discarded
            for peer, cmd in (("entente", ours), ("igraph", theirs)):
                results[peer].append(timed(cmd))
                outputs[peer] = results[peer][-1][2]
        for peer, runs in results.items():
            runs = runs[1:]
            record = {"peer": peer, "graph": args.graph, "op": op,
                      "seconds": statistics.median(r[0] for r in runs), "runs": [round(r[0], 6) for r in runs],
                      "max_rss_kb": max(r[1] for r in runs), "version": versions[peer],
                      "same_output": outputs[peer] == outputs["entente"]}
            print(json.dumps(record), flush=True)


# ---------------------------------------------------------------- table
def fmt_ms(seconds):
    if seconds is None:
        return "–"
    if not isinstance(seconds, (int, float)):
        return "skipped"
    ms = seconds * 1000
    if ms >= 100:
        return f"{ms:,.0f}"
    if ms >= 10:
        return f"{ms:.1f}"
    return f"{ms:.2f}"


def fmt_mb(kib):
    return f"{kib / 1024:,.0f} MB" if isinstance(kib, (int, float)) else "–"


def table(args):
    records = {}
    for line in open(args.results):
        line = line.strip()
        if line.startswith("{"):
            r = json.loads(line)
            records[(r["peer"], r["graph"], r["op"])] = r

    def seconds(peer, graph, op):
        """The median in seconds; None when not measured, "skipped" when the peer gave up."""
        r = records.get((peer, graph, op))
        return r["seconds"] if r else None

    def number(value):
        return value if isinstance(value, (int, float)) else None

    def rss(peer, graph, op):
        r = records.get((peer, graph, op))
        return r.get("max_rss_kb") if r else None

    print("| target | graph | Entente | igraph | networkit | ratio | target | met? |")
    print("|---|---|---:|---:|---:|---:|---:|:---:|")
    for label, op, graph, goal, against in TARGETS:
        if op.startswith("rss_"):
            process = "process_" + op[4:]
            ours, ig, nk = rss("entente", graph, process), rss("igraph", graph, process), None
            cells = [fmt_mb(ours), fmt_mb(ig), "–"]
        else:
            ours, ig = seconds("entente", graph, op), seconds("igraph", graph, op)
            nk = seconds("networkit", graph, op) if against == "fastest" else None
            cells = [fmt_ms(ours), fmt_ms(ig), fmt_ms(nk)]
            ours, ig, nk = number(ours), number(ig), number(nk)
        peers = [v for v in ((ig, nk) if against == "fastest" else (ig,)) if v]
        if ours is None or not peers:
            ratio, met = "–", "not measured"
        else:
            value = ours / min(peers)
            # Three decimals when two would round across the target.
            digits = 3 if abs(value - goal) < 0.005 else 2
            ratio, met = f"{value:.{digits}f}×", "yes" if value <= goal else "**no**"
        versus = "fastest peer" if against == "fastest" else "igraph"
        print(f"| {label} | {graph} | " + " | ".join(cells) + f" | {ratio} | ≤ {goal:g}× {versus} | {met} |")

    print()
    print("All measurements (ms, median; ratio = Entente / the faster peer):")
    print()
    print("| op | graph | Entente | igraph | networkit | ratio |")
    print("|---|---|---:|---:|---:|---:|")
    graphs = sorted({g for _, g, _ in records}, key=lambda g: (g != "medium", g))
    for graph in graphs:
        for op in OP_ORDER:
            if not any((p, graph, op) in records for p in ["entente"] + PEERS):
                continue
            ours = seconds("entente", graph, op)
            theirs = [seconds(p, graph, op) for p in PEERS]
            cells = [fmt_ms(ours)] + [fmt_ms(t) for t in theirs]
            ours, theirs = number(ours), [number(t) for t in theirs]
            best = min((t for t in theirs if t), default=None)
            ratio = f"{ours / best:.2f}×" if ours and best else "–"
            print(f"| {op} | {graph} | " + " | ".join(cells) + f" | {ratio} |")

    notes = []
    for (peer, graph, op), r in sorted(records.items()):
        if r["seconds"] == "skipped":
            notes.append(f"{peer} {op} on {graph}: skipped ({r.get('reason', '')})")
        if r.get("same_output") is False:
            notes.append(f"{peer} {op} on {graph}: output differs from Entente's")
    checks = {}
    for (peer, graph, op), r in records.items():
        if op in ("dijkstra", "bfs", "closeness_weighted") and "check" in r:
            checks.setdefault((graph, op), {})[peer] = r["check"]
    for (graph, op), by_peer in sorted(checks.items()):
        values = list(by_peer.values())
        if max(values) - min(values) > 1e-6 * max(abs(v) for v in values):
            notes.append(f"{op} on {graph}: result sums differ: {by_peer}")
    modularity = {}
    for (peer, graph, op), r in records.items():
        if op in ("louvain", "leiden") and isinstance(r.get("check"), (int, float)):
            modularity.setdefault((graph, op), {})[peer] = r["check"]
    for (graph, op), by_peer in sorted(modularity.items()):
        ours, ig = by_peer.get("entente"), by_peer.get("igraph")
        values = ", ".join(f"{p} {by_peer[p]:.4f}" for p in ["entente"] + PEERS if p in by_peer)
        verdict = ""
        if ours is not None and ig is not None:
            verdict = (f"; Entente ≥ igraph − {MODULARITY_SLACK}: "
                       + ("yes" if ours >= ig - MODULARITY_SLACK else "**no**"))
        notes.append(f"{op} on {graph}: modularity {values}{verdict}")
    versions = {}
    for (peer, _, _), r in records.items():
        versions.setdefault(peer, r.get("version"))
    print()
    print("Versions: " + ", ".join(f"{p} {v}" for p, v in sorted(versions.items())) + ".")
    same = [f"{op} ({graph})" for (peer, graph, op), r in records.items() if peer == "igraph" and r.get("same_output")]
    if same:
        print("The igraph script printed exactly what Entente printed for: " + ", ".join(sorted(same)) + ".")
    if checks and not any("differ" in n for n in notes):
        print("Dijkstra, BFS and closeness results agree across the three libraries (sum of values).")
    for note in notes:
        print(f"Note: {note}.")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("processes")
    p.add_argument("--entente", required=True, help="the entente executable")
    p.add_argument("--csv", required=True)
    p.add_argument("--graph", required=True)
    p.add_argument("--from", dest="source", default="n0")
    p.add_argument("--to", dest="target", required=True)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--label", default="dev", help="Entente's version label")
    t = sub.add_parser("table")
    t.add_argument("results")
    args = ap.parse_args(argv)
    return processes(args) if args.command == "processes" else table(args)


if __name__ == "__main__":
    sys.exit(main())
