#!/usr/bin/env python3
"""Time the peers (igraph, networkit) on a CSV from gen_graph.py, as entente-benchmark times Entente.

Adapted from the shared peer benchmark (see Benchmarks/README.md): the same ops, calls, weights and
timing protocol, trimmed to the two peers the targets name. All ops on the undirected graph;
"weighted" = the CSV ``weight``:

  load                  CSV file -> graph with weights (Python csv parse + build; no peer reads this
                        string-id CSV natively)
  dijkstra              single-source Dijkstra from n0, weight as length
  bfs                   BFS hop distances from n0
  betweenness           exact betweenness, unweighted, not normalized
  betweenness_weighted  the same with weight as length
  closeness_weighted    closeness, weight as length
  pagerank_weighted     PageRank, damping 0.85, weight as strength (networkit tol 1e-10; igraph PRPACK)
  eigenvector           eigenvector centrality, weighted, library default tolerance
  louvain               Louvain communities, weight as strength: igraph community_multilevel(weights=),
                        networkit PLM (refine=False, gamma 1; parallel)
  leiden                Leiden communities: igraph community_leiden(objective_function="modularity",
                        weights=) (2 iterations, its default), networkit ParallelLeiden (parallel)

Timing: an op runs once; if that took < 5 s it is a discarded warm-up, otherwise it counts as the
first run; runs continue until --runs are timed (a first run > 60 s is reported alone).
seconds = median. Each peer runs in a worker subprocess; a worker whose single run exceeds --cap
seconds is killed, the op reported as skipped, and a new worker takes the remaining ops.

Output: one JSON line per (peer, op) on stdout:
  {"peer", "graph", "op", "seconds", "runs", "version", "nodes", "edges", "check"}
with seconds = "skipped" and a "reason" when the op was not measured. "check" is the sum of the
finite values of the result (networkit counts each unordered pair twice in betweenness); for louvain
and leiden it is the modularity of the partition found (weighted, resolution 1), computed untimed.
"""
import argparse
import csv
import json
import math
import os
import random
import select
import statistics
import subprocess
import sys
import time

PEERS = ["igraph", "networkit"]
OPS = ["load", "dijkstra", "bfs", "betweenness", "betweenness_weighted", "closeness_weighted",
       "pagerank_weighted", "eigenvector", "louvain", "leiden"]
COMMUNITY_OPS = ("louvain", "leiden")
WARMUP_MAX = 5.0        # seconds: a first run below this is a discarded warm-up
SINGLE_RUN_MAX = 60.0   # seconds: a first run above this is reported alone
SOURCE = "n0"


def read_edges(path):
    """Edge lists with node names mapped to 0..N-1 in order of first appearance (as Entente does)."""
    index = {}
    names = []
    src, dst, types, weights = [], [], [], []
    with open(path, newline="") as f:
        r = csv.reader(f)
        header = next(r)
        if header != ["source", "target", "type", "weight"]:
            raise ValueError(f"unexpected header {header}")
        for s, t, ty, w in r:
            i = index.get(s)
            if i is None:
                i = index[s] = len(names)
                names.append(s)
            j = index.get(t)
            if j is None:
                j = index[t] = len(names)
                names.append(t)
            src.append(i)
            dst.append(j)
            types.append(ty)
            weights.append(float(w))
    return index, names, src, dst, types, weights


class IGraph:
    name = "igraph"

    def __init__(self):
        import igraph as ig
        self.ig = ig
        self.version = ig.__version__

    def load(self, path):
        index, names, src, dst, types, weights = read_edges(path)
        g = self.ig.Graph(n=len(names), edges=list(zip(src, dst)), directed=False,
                          vertex_attrs={"name": names}, edge_attrs={"type": types, "weight": weights})
        g["source"] = index[SOURCE]
        return g

    def size(self, g):
        return g.vcount(), g.ecount()

    def prepare(self, g):
        pass

    def dijkstra(self, g):
        return g.distances(source=[g["source"]], weights="weight")[0]

    def bfs(self, g):
        return g.distances(source=[g["source"]])[0]

    def betweenness(self, g):
        return g.betweenness(directed=False)

    def betweenness_weighted(self, g):
        return g.betweenness(directed=False, weights="weight")

    def closeness_weighted(self, g):
        return g.closeness(weights="weight")

    def pagerank_weighted(self, g):
        return g.pagerank(directed=False, damping=0.85, weights="weight")  # PRPACK, no tol knob

    def eigenvector(self, g):
        # no directed=False: python-igraph 1.0.0 raises "Invalid mode" with it even on undirected graphs
        return g.eigenvector_centrality(weights="weight")  # ARPACK

    def louvain(self, g):
        return g.community_multilevel(weights="weight").membership

    def leiden(self, g):
        return g.community_leiden(objective_function="modularity", weights="weight").membership

    def modularity(self, g, membership):
        return g.modularity(membership, weights="weight")


class NetworKit:
    name = "networkit"

    def __init__(self):
        import networkit as nk
        import numpy as np
        self.nk, self.np = nk, np
        nk.engineering.setLogLevel("ERROR")
        self.version = nk.__version__

    def load(self, path):
        np = self.np
        index, names, src, dst, _, weights = read_edges(path)
        G = self.nk.Graph(len(names), weighted=True, directed=False)
        G.addEdges((np.asarray(weights, dtype=np.float64),
                    (np.asarray(src, dtype=np.uint64), np.asarray(dst, dtype=np.uint64))))
        return (G, index[SOURCE], names)

    def size(self, g):
        return g[0].numberOfNodes(), g[0].numberOfEdges()

    def prepare(self, g):
        # networkit algorithms use weights whenever the graph is weighted, so the unweighted
        # betweenness runs on an unweighted copy made here, untimed.
        self.unweighted = self.nk.graphtools.toUnweighted(g[0])

    def dijkstra(self, g):
        d = self.nk.distance.Dijkstra(g[0], g[1], storePaths=False)
        d.run()
        return d.getDistances()

    def bfs(self, g):
        b = self.nk.distance.BFS(g[0], g[1], storePaths=False)
        b.run()
        return b.getDistances()

    def _scores(self, algo):
        algo.run()
        return algo.scores()

    def betweenness(self, g):
        return self._scores(self.nk.centrality.Betweenness(self.unweighted, normalized=False))

    def betweenness_weighted(self, g):
        return self._scores(self.nk.centrality.Betweenness(g[0], normalized=False))

    def closeness_weighted(self, g):
        return self._scores(self.nk.centrality.Closeness(g[0], False, self.nk.centrality.ClosenessVariant.STANDARD))

    def pagerank_weighted(self, g):
        pr = self.nk.centrality.PageRank(g[0], damp=0.85, tol=1e-10)
        pr.maxIterations = 1000
        return self._scores(pr)

    def eigenvector(self, g):
        return self._scores(self.nk.centrality.EigenvectorCentrality(g[0]))

    def louvain(self, g):
        plm = self.nk.community.PLM(g[0], refine=False, gamma=1.0)
        plm.run()
        return plm.getPartition()

    def leiden(self, g):
        leiden = self.nk.community.ParallelLeiden(g[0])
        leiden.run()
        return leiden.getPartition()

    def modularity(self, g, partition):
        return self.nk.community.Modularity().getQuality(partition, g[0])


PEER_CLASSES = {c.name: c for c in (IGraph, NetworKit)}


# ---------------------------------------------------------------- worker
def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def measure(fn, label, runs):
    """Warm-up/median protocol; emits a run_start event before each execution (for the cap)."""
    times = []
    result = None
    first = True
    while len(times) < runs:
        emit({"event": "run_start", "op": label})
        t = time.perf_counter()
        result = fn()
        dt = time.perf_counter() - t
        if first:
            first = False
            if dt < WARMUP_MAX:
                continue  # warm-up, discarded
            times.append(dt)
            if dt > SINGLE_RUN_MAX:
                break
        else:
            times.append(dt)
    return times, result


def finite_sum(values):
    return sum(v for v in values if isinstance(v, (int, float)) and math.isfinite(v) and abs(v) < 1e300)


def worker(args):
    random.seed(0)  # igraph draws from Python's generator: the same community runs every time
    peer = PEER_CLASSES[args.worker]()
    ops = args.ops.split(",")
    emit({"event": "hello", "version": peer.version})
    if "load" in ops:
        times, g = measure(lambda: peer.load(args.csv), "load", args.runs)
        emit({"event": "done", "op": "load", "runs": times, "size": peer.size(g)})
    else:
        g = peer.load(args.csv)
    peer.prepare(g)
    for op in ops:
        if op == "load":
            continue
        fn = getattr(peer, op)
        times, res = measure(lambda: fn(g), op, args.runs)
        check = peer.modularity(g, res) if op in COMMUNITY_OPS else finite_sum(res)
        emit({"event": "done", "op": op, "runs": times, "size": peer.size(g), "check": check})
        del res
    emit({"event": "bye"})


# ---------------------------------------------------------------- parent
def run_peer(args, peer, ops):
    base = {"peer": peer, "graph": args.graph}

    def record(op, **kw):
        print(json.dumps(dict(base, op=op, **kw)), flush=True)

    todo = list(ops)
    version = None
    while todo:
        cmd = [sys.executable, os.path.abspath(__file__), "--worker", peer, "--csv", args.csv,
               "--graph", args.graph, "--ops", ",".join(todo), "--runs", str(args.runs)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
        fd = proc.stdout.fileno()
        current, deadline = None, None
        pending, buf = [], b""
        timed_out = finished = eof = False
        while True:
            if not pending:
                if eof:
                    break
                # raw fd + select (a buffered readline could hide lines from select)
                timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
                ready, _, _ = select.select([fd], [], [], timeout)
                if not ready:
                    timed_out = True
                    break
                chunk = os.read(fd, 65536)
                if not chunk:
                    eof = True
                    continue
                buf += chunk
                *lines, buf = buf.split(b"\n")
                pending.extend(l for l in lines if l.strip())
                continue
            ev = json.loads(pending.pop(0))
            kind = ev["event"]
            if kind == "hello":
                version = ev["version"]
            elif kind == "run_start":
                current = ev["op"]
                deadline = time.monotonic() + args.cap
            elif kind == "done":
                runs = ev["runs"]
                extra = {"check": ev["check"]} if "check" in ev else {}
                record(ev["op"], seconds=statistics.median(runs), runs=[round(x, 6) for x in runs],
                       version=version, nodes=ev["size"][0], edges=ev["size"][1], **extra)
                todo.remove(ev["op"])
                current, deadline = None, None
            elif kind == "bye":
                finished = True
        if timed_out:
            proc.kill()
            proc.wait()
            if current is None:
                raise RuntimeError(f"{peer}: worker stalled outside an op")
            record(current, seconds="skipped", reason=f"a single run exceeded the {args.cap:.0f} s cap",
                   version=version)
            todo.remove(current)
            if current == "load":
                for op in list(todo):
                    record(op, seconds="skipped", reason="load exceeded the cap", version=version)
                todo.clear()
            continue
        proc.wait()
        if not finished:
            for op in list(todo):
                record(op, seconds="skipped", reason=f"worker exited with status {proc.returncode}",
                       version=version)
            todo.clear()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", required=True, help="graph CSV from gen_graph.py")
    ap.add_argument("--graph", required=True, help="label for the graph (medium, large)")
    ap.add_argument("--peers", default=",".join(PEERS))
    ap.add_argument("--ops", default=",".join(OPS))
    ap.add_argument("--runs", type=int, default=3, help="timed runs per op (median reported)")
    ap.add_argument("--cap", type=float, default=120.0, help="max seconds for one run of one op")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker(args)
    for peer in args.peers.split(","):
        started = time.monotonic()
        run_peer(args, peer, args.ops.split(","))
        print(f"# {peer} on {args.graph}: {time.monotonic() - started:.1f} s wall", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
