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
    /// **Sampling.** With `sample`, only its k sources are searched (every node stays a target), and
    /// the sums are scaled to estimate the exact values (see ``BetweennessSampling/Estimator``):
    /// - ``BetweennessSampling/Estimator/networkx``: as networkx 3.5+ scales
    ///   `betweenness_centrality(k=…)` (`_rescale` with `sampled_nodes`): with N = n − 1, a node that
    ///   is not in the sample is divided by k(N − 1) (normalized) or multiplied by N/(k·c) (raw,
    ///   c = 2 undirected, 1 directed); a sampled node, which cannot count paths from itself, by
    ///   (k − 1) in place of k.
    /// - ``BetweennessSampling/Estimator/spread``: each source's paths are shared with their targets
    ///   by distance (linear scaling; on a directed graph each source also searches backwards, along
    ///   in-arcs, for the paths that end at it), and every source stands for n/k of them: raw values
    ///   are the sums times n/k, normalized ones are divided by (n − 1)(n − 2) ordered pairs (the
    ///   undirected ones doubled first).
    ///
    /// Either is an unbiased estimate of the exact value and is the exact value when k = n (up to
    /// summation order).
    ///
    /// - Parameters:
    ///   - normalized: divide by the number of pairs (networkx's default, true).
    ///   - sample: the sources to search, distinct local indices, at least 2, and how they were drawn
    ///     (`nil`: every node).
    ///   - monitor: counts the sources done and stops the searches when cancelled (the result is then
    ///     incomplete: the caller checks ``SweepMonitor/isCancelled``).
    /// - Returns: one value per local node index.
    /// - Complexity: O(k·(E + V log V)) time for k sources (O(k·E) under hops; k = V when exact;
    ///   twice that for a spread sample on a directed graph), O(V + E) memory per chunk (O(V) under hops).
    package func betweennessCentrality(normalized: Bool = true, sample: SourceSample? = nil,
                                       monitor: SweepMonitor? = nil) -> [Double] {
        let n = nodeCount
        let totals = brandes(withArcs: false, sample: sample, monitor: monitor).nodes
        guard n >= 3 else { return totals }
        let pairs = isDirected ? 1.0 : 2.0
        let others = Double(n - 1)
        guard let sample else {
            let scale = normalized ? 1 / (others * Double(n - 2)) : 1 / pairs
            return totals.map { $0 * scale }
        }
        precondition(sample.sources.count >= 2, "a betweenness sample needs at least 2 sources")
        let k = Double(sample.sources.count)
        switch sample.estimator {
        case .spread:
            // The shared sums count an unordered pair once (undirected) or an ordered one (directed).
            let raw = Double(n) / k
            let scale = normalized ? raw * pairs / (others * Double(n - 2)) : raw
            return totals.map { $0 * scale }
        case .networkx:
            // Σ over k (or k − 1) sources stands for Σ over the N sources other than the node.
            func scale(sources: Double) -> Double {
                normalized ? 1 / (sources * (others - 1)) : others / (sources * pairs)
            }
            var result = totals.map { $0 * scale(sources: k) }
            let sourceScale = scale(sources: k - 1)
            for source in sample.sources { result[Int(source)] = totals[Int(source)] * sourceScale }
            return result
        }
    }

    /// Edge betweenness centrality: for every merged arc pair e, Σ σ_st(e)/σ_st over pairs s ≠ t of
    /// nodes, as `nx.edge_betweenness_centrality(G, weight="cost", normalized:)`. Ties between path
    /// lengths as in ``betweennessCentrality(normalized:sample:monitor:)`` (relative tolerance 1e-10).
    ///
    /// Normalized values divide by n(n − 1) ordered pairs; raw values count an unordered pair once on
    /// an undirected graph.
    ///
    /// - Returns: one entry per adjacent pair, by local indices: on an undirected graph each pair once
    ///   with `source < target`, on a directed graph each merged arc; ordered by source, then target.
    /// - Parameters:
    ///   - normalized: divide by the number of pairs (networkx's default, true).
    ///   - monitor: counts the sources done and stops the searches when cancelled.
    /// - Complexity: O(V·E + V² log V) time (O(V·E) under hops), O(V + E) memory per chunk.
    package func edgeBetweennessCentrality(normalized: Bool = true,
                                           monitor: SweepMonitor? = nil) -> [(source: Int, target: Int, value: Double)] {
        let n = nodeCount
        let totals = brandes(withArcs: true, monitor: monitor).arcs
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

    /// Unscaled Brandes sums over every source (or the sample's): per node (v ≠ source) and, if asked,
    /// per arc. A spread sample shares each path by distance and, on a directed graph, adds each
    /// source's backward search along in-arcs.
    private func brandes(withArcs: Bool, sample: SourceSample? = nil,
                         monitor: SweepMonitor?) -> (nodes: [Double], arcs: [Double]) {
        let n = nodeCount
        let arcTotalCount = withArcs ? arcCount : 0
        let hops = metric == .hops
        let sharing = sample?.estimator == .spread
        let backwards = sharing && isDirected
        let partials = withArcLists(incoming: false) { arcs in
            withArcLists(incoming: true) { incoming in
                inSourceChunks(sourceCount: sample?.sources.count ?? n) { positions -> (nodes: [Double], arcs: [Double]) in
                    let workspace = SweepWorkspace(nodeCount: n, arcCount: hops ? 0 : arcCount)
                    let directions = backwards ? [arcs, incoming] : [arcs]
                    var nodeTotals = [Double](repeating: 0, count: withArcs ? 0 : n)
                    var arcTotals = [Double](repeating: 0, count: arcTotalCount)
                    nodeTotals.withUnsafeMutableBufferPointer { nodeBuffer in
                        arcTotals.withUnsafeMutableBufferPointer { arcBuffer in
                            forEachSource(in: positions, monitor: monitor) { position in
                                let source = sample.map { Int($0.sources[position]) } ?? position
                                for lists in directions {
                                    if hops {
                                        workspace.countHopPaths(from: source, arcs: lists)
                                    } else {
                                        workspace.countPaths(from: source, arcs: lists)
                                    }
                                    workspace.accumulate(from: source, arcs: lists, hops: hops, sharingByDistance: sharing,
                                                         nodeTotals: withArcs ? nil : nodeBuffer,
                                                         arcTotals: withArcs ? arcBuffer : nil)
                                    workspace.reset()
                                }
                            }
                        }
                    }
                    return (nodeTotals, arcTotals)
                }
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
