#!/usr/bin/env python3
"""Every output path of the CLI, timed as whole processes on one graph, in one run (`make bench`).

  output.py --entente BIN --csv GRAPH.csv [--runs N] [--from ID --to ID]

Each job is run as the user runs it, output included, and set against a base: the same work with
next to nothing printed. The printing cost of a job is its time less its base's, and the target is
that it stays at most 0.5x the base (what is computed, load included):

  centrality --measure M (table, --csv, --json)    base: centrality --measure M --top 5
  nodes (table, --csv, --json)                     base: info (load and components)
  path FROM TO --all (text, --json)                base: path FROM TO
  convert -o OUT.{json,csv,dot,graphml,gexf}       base: info

igraph's script for the same PageRank (Benchmarks/igraph_cli.py: start, load, compute, print the top
10) runs in the same loop, so that `centrality --measure pagerank --json`, every value printed, can be
set against it (target <= 1.0x).
Every run's standard output goes to a file on disk, as a user's redirect would; every run starts after
`sync`, so that no job pays for writing back the files of the one before. Prints the markdown
table of Benchmarks/README.md and one JSON line per job to --jsonl when given.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(cmd, stdout_path):
    """Wall time of one run of cmd, standard output to a file."""
    with open(stdout_path, "wb") as sink:
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=sink, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')}")
    return elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entente", required=True)
    ap.add_argument("--csv", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--from", dest="source", default="n0")
    ap.add_argument("--to", dest="target", default="n99999")
    ap.add_argument("--jsonl", help="also write one JSON line per job here")
    args = ap.parse_args()

    bin_, csv = args.entente, args.csv
    work = tempfile.mkdtemp(prefix="entente-output-bench-")
    out = lambda name: os.path.join(work, name)
    # (group, label, command, base label); a base has base label None.
    jobs = [
        ("centrality", "info (load)", [bin_, "info", csv], None),
    ]
    for measure in ("pagerank", "degree"):
        base = f"centrality {measure} --top 5"
        jobs.append(("centrality", base, [bin_, "centrality", csv, "--measure", measure, "--top", "5"], None))
        for flag in ("table", "--csv", "--json"):
            extra = [] if flag == "table" else [flag]
            jobs.append(("centrality", f"centrality {measure} {flag}",
                         [bin_, "centrality", csv, "--measure", measure] + extra, base))
    for flag in ("table", "--csv", "--json"):
        extra = [] if flag == "table" else [flag]
        jobs.append(("nodes", f"nodes {flag}", [bin_, "nodes", csv] + extra, "info (load)"))
    path_base = f"path {args.source} {args.target}"
    jobs.append(("path", path_base, [bin_, "path", csv, args.source, args.target, "--metric", "hops"], None))
    for flag in ("text", "--json"):
        extra = [] if flag == "text" else [flag]
        jobs.append(("path", f"path --all {flag}",
                     [bin_, "path", csv, args.source, args.target, "--metric", "hops", "--all"] + extra, path_base))
    for ext in ("json", "csv", "dot", "graphml", "gexf"):
        jobs.append(("convert", f"convert to {ext}", [bin_, "convert", csv, "-o", out(f"converted.{ext}")], "info (load)"))
    igraph = [sys.executable, os.path.join(HERE, "igraph_cli.py"), "centrality", csv, "--top", "10"]
    jobs.append(("peer", "igraph PageRank script (--top 10)", igraph, None))

    times = {label: [] for _, label, _, _ in jobs}
    sizes = {}
    for round_ in range(args.runs + 1):  # the first round warms the page cache and is discarded
        for _, label, cmd, _ in jobs:
            stdout_path = out("stdout")
            # Every job starts with no dirty pages: without this, the kernel is still writing the
            # previous job's 100-180 MB back to disk while this one runs, and bills it here.
            os.sync()
            elapsed = timed(cmd, stdout_path)
            if round_ > 0:
                times[label].append(elapsed)
            size = os.path.getsize(stdout_path)
            if cmd[1] == "convert":
                size = os.path.getsize(cmd[-1])
            sizes[label] = size
    median = {label: statistics.median(runs) for label, runs in times.items()}

    rows = []
    for group, label, cmd, base in jobs:
        record = {"job": label, "seconds": round(median[label], 4), "runs": [round(t, 4) for t in times[label]],
                  "bytes": sizes[label]}
        if base is not None:
            printing = max(0.0, median[label] - median[base])
            record.update({"base": base, "printing_seconds": round(printing, 4),
                           "printing_ratio": round(printing / median[base], 3), "met": printing <= 0.5 * median[base]})
        rows.append(record)
    json_job = "centrality pagerank --json"
    peer = "igraph PageRank script (--top 10)"
    versus = median[json_job] / median[peer]

    print(f"median of {args.runs} runs, graph {os.path.basename(csv)}")
    print()
    print("| job | output | time | printing (time − base) | printing / base | target ≤ 0.5 |")
    print("|---|---:|---:|---:|---:|:---:|")
    for record in rows:
        size = f"{record['bytes'] / 1e6:.1f} MB"
        if "base" in record:
            print(f"| `{record['job']}` | {size} | {record['seconds']:.3f} s | {record['printing_seconds']:.3f} s "
                  f"| {record['printing_ratio']:.2f}× (base `{record['base']}`) | {'yes' if record['met'] else 'no'} |")
        else:
            print(f"| `{record['job']}` (base) | {size} | {record['seconds']:.3f} s | | | |")
    print()
    print(f"`{json_job}` against igraph's script (top 10): {median[json_job]:.3f} s / "
          f"{median[peer]:.3f} s = {versus:.2f}× (target ≤ 1.0: {'met' if versus <= 1.0 else 'not met'})")
    if args.jsonl:
        with open(args.jsonl, "a") as sink:
            for record in rows:
                sink.write(json.dumps(record) + "\n")
            sink.write(json.dumps({"job": "pagerank --json vs igraph", "ratio": round(versus, 3)}) + "\n")
    for name in os.listdir(work):
        os.remove(os.path.join(work, name))
    os.rmdir(work)
    return 0 if all(r.get("met", True) for r in rows) and versus <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
