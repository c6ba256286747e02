extension WeightedAdjacency {
    /// Betweenness centrality: for every node v, Σ σ_st(v)/σ_st over pairs of other nodes s ≠ t, where
    /// σ_st counts shortest s→t paths and σ_st(v) those through v. Agrees with
    /// `nx.betweenness_centrality(G, weight="cost", normalized:)` (and igraph `betweenness`).
    ///
    /// Path lengths are sums of ``costs`` (breadth-first search under ``EdgeMetric/hops``). Two path
    /// lengths a and b **tie** when |a − b| ≤ 1e-10·max(|a|, |b|), the relative tolerance igraph uses,
    /// so decimal sums that are equal on paper (0.1 + 0.2 and 0.3) count as equally short; networkx
    /// compares floats exactly and misses such ties.
    ///
    /// Raw values count an unordered pair once on an undirected graph (ordered pairs on a directed
    /// one). Normalized values divide by (n − 1)(n − 2) ordered pairs (so undirected raw values are
    /// doubled first); graphs of fewer than 3 nodes are not rescaled, as in networkx.
    ///
    /// Brandes' algorithm; sources run in parallel in a fixed number of chunks whose partial sums are
    /// added in chunk order, so the result is bit-identical whatever the number of threads.
    ///
    /// - Parameter normalized: divide by the number of pairs (networkx's default, true).
    /// - Returns: one value per local node index.
    /// - Complexity: O(V·E + V² log V) time (O(V·E) under hops), O(V + E) memory per chunk (O(V)
    ///   under hops).
    package func betweennessCentrality(normalized: Bool = true) -> [Double] {
        let n = nodeCount
        let totals = brandes(withArcs: false).nodes
        let scale: Double
        if n < 3 {
            scale = 1
        } else if normalized {
            scale = 1 / (Double(n - 1) * Double(n - 2))
        } else {
            scale = isDirected ? 1 : 0.5
        }
        return totals.map { $0 * scale }
    }

    /// Edge betweenness centrality: for every merged arc pair e, Σ σ_st(e)/σ_st over pairs s ≠ t of
    /// nodes, as `nx.edge_betweenness_centrality(G, weight="cost", normalized:)`. Ties between path
    /// lengths as in ``betweennessCentrality(normalized:)`` (relative tolerance 1e-10).
    ///
    /// Normalized values divide by n(n − 1) ordered pairs; raw values count an unordered pair once on
    /// an undirected graph.
    ///
    /// - Parameter normalized: divide by the number of pairs (networkx's default, true).
    /// - Returns: one entry per adjacent pair, by local indices: on an undirected graph each pair once
    ///   with `source < target`, on a directed graph each merged arc; ordered by source, then target.
    /// - Complexity: O(V·E + V² log V) time (O(V·E) under hops), O(V + E) memory per chunk.
    package func edgeBetweennessCentrality(normalized: Bool = true) -> [(source: Int, target: Int, value: Double)] {
        let n = nodeCount
        let totals = brandes(withArcs: true).arcs
        let scale: Double
        if n < 2 {
            scale = 1
        } else if normalized {
            scale = 1 / (Double(n) * Double(n - 1))
        } else {
            scale = isDirected ? 1 : 0.5
        }
        var result: [(source: Int, target: Int, value: Double)] = []
        result.reserveCapacity(isDirected ? arcCount : arcCount / 2)
        for source in 0..<n {
            for arc in offsets[source]..<offsets[source + 1] {
                let target = Int(targets[arc])
                if isDirected {
                    result.append((source, target, totals[arc] * scale))
                } else if source < target {
                    // The pair's other arc is target→source, found by binary search in target's sorted row.
                    var low = offsets[target], high = offsets[target + 1]
                    while low < high {
                        let middle = (low + high) / 2
                        if Int(targets[middle]) < source { low = middle + 1 } else { high = middle }
                    }
                    let back = low < offsets[target + 1] && Int(targets[low]) == source ? totals[low] : 0
                    result.append((source, target, (totals[arc] + back) * scale))
                }
            }
        }
        return result
    }

    /// Unscaled Brandes sums over every source: per node (v ≠ source) and, if asked, per arc.
    private func brandes(withArcs: Bool) -> (nodes: [Double], arcs: [Double]) {
        let n = nodeCount
        let arcTotalCount = withArcs ? arcCount : 0
        let hops = metric == .hops
        let partials = withArcLists(incoming: false) { arcs in
            inSourceChunks(sourceCount: n) { sources -> (nodes: [Double], arcs: [Double]) in
                let workspace = SweepWorkspace(nodeCount: n, arcCount: hops ? 0 : arcCount)
                var nodeTotals = [Double](repeating: 0, count: withArcs ? 0 : n)
                var arcTotals = [Double](repeating: 0, count: arcTotalCount)
                nodeTotals.withUnsafeMutableBufferPointer { nodeBuffer in
                    arcTotals.withUnsafeMutableBufferPointer { arcBuffer in
                        for source in sources {
                            if hops {
                                workspace.countHopPaths(from: source, arcs: arcs)
                            } else {
                                workspace.countPaths(from: source, arcs: arcs)
                            }
                            workspace.accumulate(from: source, arcs: arcs, hops: hops,
                                                 nodeTotals: withArcs ? nil : nodeBuffer,
                                                 arcTotals: withArcs ? arcBuffer : nil)
                            workspace.reset()
                        }
                    }
                }
                return (nodeTotals, arcTotals)
            }
        }
        var nodes = [Double](repeating: 0, count: withArcs ? 0 : n)
        var arcs = [Double](repeating: 0, count: arcTotalCount)
        for partial in partials {
            for index in nodes.indices { nodes[index] += partial.nodes[index] }
            for index in arcs.indices { arcs[index] += partial.arcs[index] }
        }
        return (nodes, arcs)
    }
}
