// Cheapest paths for the explorer page, found exactly as `entente path` finds them, so that the page
// and the command give the same path, with ties broken the same way. It follows, step by step:
//   Sources/Entente/Algorithms/WeightedAdjacency.swift  (the adjacency: arcs per node sorted by
//       target; parallel edges merged into one arc with the cheapest cost, the lowest edge index
//       among equally cheap ones; self-loops dropped; an undirected edge gives an arc each way);
//   Sources/Entente/Algorithms/ShortestPaths.swift      (PathSearch.run and cheapestLocalPath:
//       Dijkstra whose queue is ordered by cost, then node; breadth-first search for hops; costs
//       that tie within 1e-10 relative count as equal; of the cheapest paths, the one whose sequence
//       of node positions is lexicographically smallest);
//   Sources/Entente/Algorithms/RelationPath.swift       (the cost summed from the first hop to the last).
// Costs: strength = 1/weight, length = weight, hops = 1.
"use strict";

const EntentePaths = (() => {
  /** The cost of crossing an edge of this weight under a metric (EdgeMetric.cost(ofWeight:)). */
  function costOf(metric, weight) {
    if (metric === "length") return weight;
    if (metric === "strength") return 1 / weight;
    return 1;
  }

  /** Whether two path costs count as equal (pathCostsTie). */
  function tie(a, b) {
    return a === b || Math.abs(a - b) <= 1e-10 * Math.max(Math.abs(a), Math.abs(b));
  }

  /**
   * The compressed rows of a list of arcs (WeightedAdjacency.compress): arcs counted by source,
   * each row sorted by (neighbour, edge index), parallel arcs merged into the cheapest.
   */
  function compress(nodeCount, from, to, edgeOf, weightOf, metric) {
    const start = new Array(nodeCount + 1).fill(0);
    for (const u of from) start[u + 1] += 1;
    for (let u = 0; u < nodeCount; u += 1) start[u + 1] += start[u];
    const fill = start.slice();
    const order = new Array(from.length);
    for (let arc = 0; arc < from.length; arc += 1) {
      order[fill[from[arc]]] = arc;
      fill[from[arc]] += 1;
    }
    const offsets = new Array(nodeCount + 1).fill(0);
    const neighbours = [];
    const costs = [];
    const edges = [];
    for (let u = 0; u < nodeCount; u += 1) {
      const row = order.slice(start[u], start[u + 1]);
      row.sort((a, b) => (to[a] - to[b]) || (edgeOf[a] - edgeOf[b]));
      let previous = -1;
      for (const arc of row) {
        const v = to[arc];
        const cost = costOf(metric, weightOf[arc]);
        if (v === previous && neighbours.length > 0) {
          const last = neighbours.length - 1;
          if (cost < costs[last]) {
            costs[last] = cost;
            edges[last] = edgeOf[arc];
          }
          continue;
        }
        previous = v;
        neighbours.push(v);
        costs.push(cost);
        edges.push(edgeOf[arc]);
      }
      offsets[u + 1] = neighbours.length;
    }
    return { offsets, neighbours, costs, edges };
  }

  /**
   * The adjacency of a view: `edges` are {source, target, weight, index} with source and target
   * node positions `0..<nodeCount`, in ascending edge index (the view's order).
   */
  function adjacency(nodeCount, edges, metric, directed) {
    const from = [], to = [], edgeOf = [], weightOf = [];
    for (const edge of edges) {
      if (edge.source === edge.target) continue;
      from.push(edge.source); to.push(edge.target); edgeOf.push(edge.index); weightOf.push(edge.weight);
      if (!directed) {
        from.push(edge.target); to.push(edge.source); edgeOf.push(edge.index); weightOf.push(edge.weight);
      }
    }
    const out = compress(nodeCount, from, to, edgeOf, weightOf, metric);
    const incoming = directed ? compress(nodeCount, to, from, edgeOf, weightOf, metric) : out;
    return { nodeCount, metric, out, incoming };
  }

  /** A binary min-heap of {cost, node}, ordered by cost, then node (QueueEntry's order). */
  class Queue {
    constructor() { this.items = []; }
    static less(a, b) { return a.cost < b.cost || (a.cost === b.cost && a.node < b.node); }
    insert(item) {
      const items = this.items;
      let hole = items.length;
      items.push(item);
      while (hole > 0) {
        const parent = (hole - 1) >> 1;
        if (!Queue.less(item, items[parent])) break;
        items[hole] = items[parent];
        hole = parent;
      }
      items[hole] = item;
    }
    popMin() {
      const items = this.items;
      if (items.length === 0) return null;
      const top = items[0];
      const last = items.pop();
      if (items.length > 0) {
        let hole = 0;
        for (;;) {
          let child = 2 * hole + 1;
          if (child >= items.length) break;
          if (child + 1 < items.length && Queue.less(items[child + 1], items[child])) child += 1;
          if (!Queue.less(items[child], last)) break;
          items[hole] = items[child];
          hole = child;
        }
        items[hole] = last;
      }
      return top;
    }
  }

  /** Settles nodes from `source` until every node as cheap as `target` is settled (PathSearch.run). */
  function run(graph, source, target) {
    const n = graph.nodeCount;
    const { offsets, neighbours, costs } = graph.out;
    const distance = new Array(n).fill(Infinity);
    const rank = new Array(n).fill(-1);
    distance[source] = 0;
    let order = 0;
    if (graph.metric === "hops") {
      const queue = [source];
      let head = 0;
      while (head < queue.length) {
        const u = queue[head];
        head += 1;
        if (rank[target] >= 0 && distance[u] > distance[target]) break;
        rank[u] = order;
        order += 1;
        for (let arc = offsets[u]; arc < offsets[u + 1]; arc += 1) {
          const v = neighbours[arc];
          if (distance[v] !== Infinity) continue;
          distance[v] = distance[u] + 1;
          queue.push(v);
        }
      }
    } else {
      const queue = new Queue();
      queue.insert({ cost: 0, node: source });
      for (let entry = queue.popMin(); entry !== null; entry = queue.popMin()) {
        const u = entry.node;
        if (entry.cost > distance[u] || rank[u] >= 0) continue;
        if (rank[target] >= 0 && entry.cost > distance[target] && !tie(entry.cost, distance[target])) break;
        rank[u] = order;
        order += 1;
        for (let arc = offsets[u]; arc < offsets[u + 1]; arc += 1) {
          const v = neighbours[arc];
          if (rank[v] >= 0) continue;
          const candidate = entry.cost + costs[arc];
          if (candidate < distance[v]) {
            distance[v] = candidate;
            queue.insert({ cost: candidate, node: v });
          }
        }
      }
    }
    return { distance, rank, reached: rank[target] >= 0 };
  }

  /** The out-arc from u to v, by binary search in u's row (WeightedAdjacency.arc(from:to:)). */
  function arcBetween(graph, u, v) {
    const { offsets, neighbours } = graph.out;
    let low = offsets[u], high = offsets[u + 1];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (neighbours[middle] < v) low = middle + 1; else high = middle;
    }
    return low < offsets[u + 1] && neighbours[low] === v ? low : -1;
  }

  /**
   * The cheapest path from `source` to `target` (node positions), or null when there is none:
   * {nodes: [positions], edges: [edge indices], cost}. As WeightedAdjacency.shortestPath(from:to:).
   */
  function shortestPath(graph, source, target) {
    const { distance, rank, reached } = run(graph, source, target);
    if (!reached) return null;
    const incoming = graph.incoming;
    const out = graph.out;
    // Mark the nodes from which a tight path leads to the target...
    const onPath = new Array(graph.nodeCount).fill(false);
    onPath[target] = true;
    const stack = [target];
    while (stack.length > 0) {
      const w = stack.pop();
      for (let arc = incoming.offsets[w]; arc < incoming.offsets[w + 1]; arc += 1) {
        const v = incoming.neighbours[arc];
        const tight = rank[v] >= 0 && rank[v] < rank[w] && tie(distance[v] + incoming.costs[arc], distance[w]);
        if (tight && !onPath[v]) {
          onPath[v] = true;
          stack.push(v);
        }
      }
    }
    // ...then walk forward from the source, always to the lowest-numbered such node.
    const nodes = [source];
    let u = source;
    while (u !== target) {
      let next = -1;
      for (let arc = out.offsets[u]; arc < out.offsets[u + 1]; arc += 1) {
        const v = out.neighbours[arc];
        if (onPath[v] && rank[v] > rank[u] && tie(distance[u] + out.costs[arc], distance[v])) {
          next = v;
          break;
        }
      }
      if (next < 0) return null;
      nodes.push(next);
      u = next;
    }
    // The edges and the cost, summed from the first hop to the last (relationPath(local:)).
    const edges = [];
    let cost = 0;
    for (let hop = 1; hop < nodes.length; hop += 1) {
      const arc = arcBetween(graph, nodes[hop - 1], nodes[hop]);
      if (arc < 0) return null;
      edges.push(out.edges[arc]);
      cost += out.costs[arc];
    }
    return { nodes, edges, cost };
  }

  return { adjacency, shortestPath, costOf, tie };
})();
